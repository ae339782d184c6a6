/**
 * From a published table to reproductions: every number a model of the published moments
 * determines, with its exact value, its attainable interval and (given the simulated data) the same
 * number on the data.
 *
 * - `deriveFromTable`: one statistic of the moments (any function of `Moments`, e.g. a β from
 *   `regressionFromMoments`), its exact value at the printed table and its attainable interval over
 *   the rounding box of the variables it uses.
 * - `regressionReproductions`: all numbers of a regression table of the record (β or b, t, p, CI
 *   per term; R², adjusted R², ΔR², F, largest VIF per model) for models written as { y, x }.
 * - `semReproductions`: all numbers of a structural-model table (standardised estimate and critical
 *   ratio per path) for models written in lavaan syntax, fitted to moments built from the box (e.g.
 *   item moments from loadings and correlations), with linearised attainable intervals.
 *
 * The models are written in the notebook; these helpers only evaluate them.
 */
import { PathlabError } from "../errors";
import { numericColumns, type TableInput } from "../data/table-input";
import { sem, type SemFit } from "../sem";
import { averageVarianceExtracted, compositeReliability } from "../measurement/reliability";
import { sampleMoments } from "../simulate/moments";
import { attainable, attainableLinearised, joinBoxes, momentBox, roundingInterval, type Box } from "./attainable";
import { derived, type Reproduction, type Specification } from "./compare";
import { congenericItemMoments, regressionFromMoments, withComposites, type MomentRegression, type Moments } from "./moments";
import type { PaperConstruct, PaperRecord, PublishedCorrelationTable } from "./record";

/** How a statistic is computed from the table: which variables, composites, and what varies. */
export interface TableStatisticOptions {
  /** Linear composites of table variables, added at every point of the box (weights by variable). */
  composites?: Record<string, Record<string, number>>;
  /** Let the SDs vary within their rounding (needed for unstandardised numbers; default: when composites are used). */
  sds?: boolean;
  means?: boolean;
  /** Readings of missing cells ("a|b" → value) and their admissible range (default [−1, 1]). */
  fill?: Record<string, number>;
  missing?: Record<string, [number, number]>;
  /** Simulated data with columns for the table variables: the statistic is also computed on their moments. */
  data?: TableInput;
}

function baseVariables(vars: string[], composites: Record<string, Record<string, number>> = {}): string[] {
  const out: string[] = [];
  const add = (v: string) => {
    if (composites[v]) for (const w of Object.keys(composites[v])) add(w);
    else if (!out.includes(v)) out.push(v);
  };
  vars.forEach(add);
  return out;
}

/** The sample moments (means, SDs with divisor n − 1, correlations, n) of columns of a data set. */
export function momentsOfData(data: TableInput, vars: string[]): Moments {
  const cols = numericColumns(data, vars).columns;
  const m = sampleMoments(cols);
  return { names: vars.slice(), means: m.means, sds: m.sds, cor: m.cor, n: cols[0]?.length ?? 0 };
}

/**
 * One statistic of a published table: exact at the printed values, attainable interval over the
 * rounding of every input it uses (`vars`: the variables it reads, composites included by name).
 *
 * @example
 * deriveFromTable(record.correlations, ["y", "x", "w"], (m) => regressionFromMoments(m, "y", ["x", "w"]).beta[0], { name: "OLS on Table 2", stated: true })
 */
export function deriveFromTable(
  table: PublishedCorrelationTable,
  vars: string[],
  stat: (m: Moments) => number,
  specification: Specification,
  options: TableStatisticOptions = {},
): Reproduction {
  const base = baseVariables(vars, options.composites);
  // Only the composites the statistic uses (in definition order).
  const used = Object.fromEntries(
    Object.entries(options.composites ?? {}).filter(
      ([c]) => vars.includes(c) || Object.values(options.composites ?? {}).some((w) => c in w && vars.some((v) => v in (options.composites ?? {}))),
    ),
  );
  const composites = Object.keys(used).length ? used : undefined;
  const sds = options.sds ?? !!composites;
  const { box, moments } = momentBox(table, base, { sds, means: options.means, fill: options.fill, missing: options.missing });
  const at = (m: Moments) => stat(composites ? withComposites(m, composites) : m);
  const a = attainable(box, (x) => at(moments(x)));
  const simulated = options.data ? at(momentsOfData(options.data, base)) : undefined;
  return derived(a, specification, simulated === undefined ? {} : { simulated });
}

/** A regression model of a table, predictors named as the record names them. */
export interface RegressionModel {
  y: string;
  x: string[];
}

const COEF_STAT: Record<string, (r: MomentRegression, j: number, standardized: boolean, ratio: "t" | "wishart") => number> = {
  est: (r, j, s) => (s ? r.beta[j] : r.b[j]),
  t: (r, j, _s, ratio) => (ratio === "wishart" ? r.z[j] : r.t[j]),
  p: (r, j) => r.p[j],
  "ci.lo": (r, j) => r.ciLower[j],
  "ci.hi": (r, j) => r.ciUpper[j],
};

/** The statistics of one regression-table id (β or b, t, p, CI of a term; R², adjusted R², ΔR², F, VIF of a model). */
interface TableStatistic {
  id: string;
  vars: string[];
  needsSds: boolean;
  stat: (m: Moments) => number;
}

function tableStatistics(args: {
  record: PaperRecord;
  table: string;
  models: Record<string, RegressionModel>;
  terms?: Record<string, string>;
  ratio?: "t" | "wishart";
}): TableStatistic[] {
  const ratio = args.ratio ?? "t";
  const { record, table, models } = args;
  const term = (p: string) => args.terms?.[p] ?? p;
  const reg = (m: Moments, model: RegressionModel) => regressionFromMoments(m, model.y, model.x);
  const out: TableStatistic[] = [];
  for (const row of record.coefficients) {
    if (row.table !== table || !models[row.model]) continue;
    const model = models[row.model];
    const j = model.x.indexOf(term(row.predictor));
    if (j < 0)
      throw new PathlabError(`regressionReproductions(): ${row.model} of ${table} has no term "${term(row.predictor)}" (record row ${row.id})`, {
        code: "replicate.unknown-term",
      });
    const standardized = row.standardized !== false;
    for (const [suffix, f] of Object.entries(COEF_STAT)) {
      const printed =
        suffix === "est"
          ? row.printed.estimate
          : suffix === "t"
            ? row.printed.t
            : suffix === "p"
              ? row.printed.p
              : suffix === "ci.lo"
                ? row.printed.ciLower
                : row.printed.ciUpper;
      if (printed === undefined) continue;
      out.push({
        id: `${row.id}.${suffix}`,
        vars: [model.y, ...model.x],
        needsSds: !standardized || suffix.startsWith("ci"),
        stat: (m) => f(reg(m, model), j, standardized, ratio),
      });
    }
  }
  const order = Object.keys(models);
  for (const ms of record.modelStats) {
    if (ms.table !== table || !models[ms.model]) continue;
    const model = models[ms.model];
    const prevId = order
      .slice(0, order.indexOf(ms.model))
      .reverse()
      .find((o) => models[o].y === model.y && models[o].x.every((x) => model.x.includes(x)));
    for (const n of ms.stats) {
      const stat: ((m: Moments) => number) | null =
        n.kind === "r2"
          ? (m) => reg(m, model).r2
          : n.kind === "adjR2"
            ? (m) => reg(m, model).adjR2
            : n.kind === "F"
              ? (m) => reg(m, model).F
              : n.kind === "vif"
                ? (m) => Math.max(...reg(m, model).vif)
                : n.kind === "deltaR2" && prevId
                  ? (m) => reg(m, model).r2 - reg(m, models[prevId]).r2
                  : null;
      if (stat) out.push({ id: n.id, vars: [model.y, ...model.x], needsSds: false, stat });
    }
  }
  return out;
}

/**
 * Reproductions of every number of one regression table of the record (see the module comment).
 * `models` maps the table's model ids to { y, x }; `terms` renames record predictors to model
 * terms (e.g. { cia: "cia_add" }). Rows of models not listed, and ids `include` rejects, are left
 * out (the notebook gives those their own status). ΔR² is relative to the last earlier model of the
 * same outcome whose predictors it contains.
 */
export function regressionReproductions(args: {
  record: PaperRecord;
  table: string;
  models: Record<string, RegressionModel>;
  specification: Specification;
  terms?: Record<string, string>;
  /** What a printed t is: the OLS t (default) or the critical ratio of an ML path model ("wishart", as AMOS prints it). */
  ratio?: "t" | "wishart";
  include?: (id: string) => boolean;
  options?: TableStatisticOptions;
}): Record<string, Reproduction> {
  const keep = args.include ?? (() => true);
  const out: Record<string, Reproduction> = {};
  for (const s of tableStatistics(args)) {
    if (!keep(s.id)) continue;
    out[s.id] = deriveFromTable(args.record.correlations, s.vars, s.stat, args.specification, {
      ...args.options,
      sds: args.options?.sds ?? (!!args.options?.composites || s.needsSds),
    });
  }
  return out;
}

/**
 * The same numbers as `regressionReproductions`, computed at one set of moments — e.g. the moments
 * of the simulated data (`momentsOfData`), which makes them the OLS estimates on those data.
 */
export function regressionValues(args: {
  record: PaperRecord;
  table: string;
  models: Record<string, RegressionModel>;
  terms?: Record<string, string>;
  ratio?: "t" | "wishart";
  moments: Moments;
  composites?: Record<string, Record<string, number>>;
}): Record<string, number> {
  const m = args.composites ? withComposites(args.moments, args.composites) : args.moments;
  const out: Record<string, number> = {};
  for (const s of tableStatistics(args)) out[s.id] = s.stat(m);
  return out;
}

/** The box of a record's printed loadings for the given constructs (each within its rounding, at most 0.999). */
export function loadingBox(
  record: PaperRecord,
  constructs: string[],
): { box: Box; scales: (x: number[]) => Record<string, { items: string[]; loadings: number[] }> } {
  const cs: PaperConstruct[] = constructs.map((c) => {
    const found = record.constructs.find((x) => x.id === c);
    if (!found || found.items.some((i) => i.loading === null))
      throw new PathlabError(`loadingBox(): construct "${c}" has no printed loadings in the record`, { code: "replicate.no-loadings" });
    return found;
  });
  const names: string[] = [];
  const center: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  for (const c of cs)
    for (const it of c.items) {
      const used = it.readings?.find((r) => r.used);
      const digits = ((used ? used.printed : (it.loadingPrinted ?? "")).split(".")[1] ?? "").replace(/\D/g, "").length || 2;
      const [l, u] = roundingInterval(it.loading as number, digits);
      names.push(`λ(${it.id})`);
      center.push(it.loading as number);
      lower.push(l);
      upper.push(Math.min(0.999, u));
    }
  const scales = (x: number[]) => {
    const out: Record<string, { items: string[]; loadings: number[] }> = {};
    let k = 0;
    for (const c of cs) {
      out[c.id] = { items: c.items.map((i) => i.id), loadings: c.items.map(() => x[k++]) };
    }
    return out;
  };
  return { box: { names, center, lower, upper }, scales };
}

/** The standardised estimate and critical ratio of a path in a fit (undefined when absent). */
function pathOf(fit: SemFit, y: string, x: string): { est: number; z: number } | undefined {
  const st = fit.standardizedSolution().find(y, "~", x);
  const pe = fit.parameterEstimates().find(y, "~", x);
  return st && pe ? { est: st.est_std, z: pe.z } : undefined;
}

/**
 * Reproductions of a structural-model table of the record: for each model (lavaan syntax), the
 * standardised estimate (`.est`) and critical ratio (`.t`) of every published path, fitted to
 * `input(x)` — SEM input built from a point of `box` — with linearised attainable intervals, and
 * on `data` when given. `terms` renames record predictors/outcomes to model names.
 */
export function semReproductions(args: {
  record: PaperRecord;
  table: string;
  models: Record<string, string>;
  box: Box;
  input: (x: number[]) => { cov: number[][]; means?: number[]; n: number; names: string[] };
  specification: Specification;
  likelihood?: "normal" | "wishart";
  terms?: Record<string, string>;
  data?: TableInput;
  include?: (id: string) => boolean;
}): Record<string, Reproduction> {
  const out: Record<string, Reproduction> = {};
  const name = (v: string) => args.terms?.[v] ?? v;
  const keep = args.include ?? (() => true);
  for (const [model, syntax] of Object.entries(args.models)) {
    const rows = args.record.coefficients.filter((r) => r.table === args.table && r.model === model);
    const wanted: { id: string; y: string; x: string; stat: "est" | "z" }[] = [];
    for (const r of rows) {
      if (keep(`${r.id}.est`)) wanted.push({ id: `${r.id}.est`, y: name(r.outcome), x: name(r.predictor), stat: "est" });
      if (r.printed.t !== undefined && keep(`${r.id}.t`)) wanted.push({ id: `${r.id}.t`, y: name(r.outcome), x: name(r.predictor), stat: "z" });
    }
    if (!wanted.length) continue;
    const values = (fit: SemFit) =>
      wanted.map((w) => {
        const p = pathOf(fit, w.y, w.x);
        if (!p) throw new PathlabError(`semReproductions(): ${model} has no path ${w.y} ~ ${w.x} (record ${w.id})`, { code: "replicate.unknown-term" });
        return w.stat === "est" ? p.est : p.z;
      });
    const fitAt = (x: number[]) => {
      const fit = sem(syntax, args.input(x), { likelihood: args.likelihood ?? "wishart" });
      if (!fit.converged) throw new PathlabError(`${model} did not converge`, { code: "replicate.not-converged" });
      return values(fit);
    };
    const ends = attainableLinearised(args.box, fitAt);
    // A replication's data hold composite scores named like the constructs beside the items; the latent
    // model reads only the items, so the names may coincide (lavaan's check.lv.names = FALSE).
    const sim = args.data ? values(sem(syntax, args.data, { likelihood: args.likelihood ?? "wishart", checkLvNames: false })) : undefined;
    wanted.forEach((w, k) => (out[w.id] = derived(ends[k], args.specification, sim ? { simulated: sim[k] } : {})));
  }
  return out;
}

/** Standardised Cronbach's α of k congeneric items with equal SDs: k r̄ / (1 + (k − 1) r̄), r̄ the mean λ_iλ_j. */
export function alphaFromLoadings(l: number[]): number {
  const k = l.length;
  let s = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (i !== j) s += l[i] * l[j];
  const rbar = s / (k * (k - 1));
  return (k * rbar) / (1 + (k - 1) * rbar);
}

/**
 * CR, AVE and √AVE of each construct from its printed loadings (Fornell & Larcker 1981: stated
 * formulas), and α under the congeneric model with equal item SDs (an assumption), each with its
 * attainable interval over the loadings' rounding.
 */
export function reliabilityReproductions(record: PaperRecord, constructs?: string[]): Record<string, Reproduction> {
  const formulas: Specification = { name: "CR, AVE and √AVE from the printed loadings (Fornell–Larcker formulas)", stated: true };
  const congeneric: Specification = { name: "α of congeneric items with equal SDs, from the printed loadings", stated: false };
  const out: Record<string, Reproduction> = {};
  const cr = compositeReliability;
  const ave = averageVarianceExtracted;
  for (const c of record.constructs) {
    if (constructs && !constructs.includes(c.id)) continue;
    if (c.items.length < 2 || c.items.some((i) => i.loading === null)) continue;
    const { box, scales } = loadingBox(record, [c.id]);
    const l = (x: number[]) => scales(x)[c.id].loadings;
    if (c.cr)
      out[c.cr.id] = derived(
        attainable(box, (x) => cr(l(x))),
        formulas,
      );
    if (c.ave)
      out[c.ave.id] = derived(
        attainable(box, (x) => ave(l(x))),
        formulas,
      );
    if (c.sqrtAveDiagonal)
      out[c.sqrtAveDiagonal.id] = derived(
        attainable(box, (x) => Math.sqrt(ave(l(x)))),
        formulas,
      );
    if (c.alpha)
      out[c.alpha.id] = derived(
        attainable(box, (x) => alphaFromLoadings(l(x))),
        congeneric,
      );
  }
  return out;
}

/**
 * The box and SEM input of a latent specification built from a published table: item moments of
 * a congeneric model with the printed loadings whose item means reproduce the table
 * (`congenericItemMoments`), over the rounding of the correlations among `vars` and of the
 * loadings of `constructs` (the other variables are single indicators). SDs stay as printed:
 * standardised estimates and critical ratios of ML are scale-free.
 */
export function latentBox(
  record: PaperRecord,
  vars: string[],
  constructs: string[],
): { box: Box; input: (x: number[]) => { cov: number[][]; means: number[]; n: number; names: string[] } } {
  const { box: mBox, moments } = momentBox(record.correlations, vars);
  const { box: lBox, scales } = loadingBox(record, constructs);
  const k = mBox.names.length;
  const singles = vars.filter((v) => !constructs.includes(v));
  return {
    box: joinBoxes(mBox, lBox),
    input: (x) => {
      const m = congenericItemMoments(moments(x.slice(0, k)), scales(x.slice(k)), singles);
      return { cov: m.cor.map((row, i) => row.map((r, j) => r * m.sds[i] * m.sds[j])), means: m.means, n: m.n, names: m.names };
    },
  };
}
