/**
 * Parallel analysis (Horn 1965, "A rationale and test for the number of factors in factor
 * analysis", Psychometrika 30) as psych::fa.parallel computes it (psych 2.2.9):
 *
 * - observed eigenvalues of R ("components") and of R with the communalities of a one-factor
 *   (`nfactors`) fa solution on its diagonal ("factors"; with `smc: true`, R with squared multiple
 *   correlations on its diagonal instead);
 * - simulated: the same eigenvalues for the correlation matrix of n × p independent standard
 *   normal deviates (drawn directly from its Wishart distribution by Bartlett's decomposition, see
 *   wishart.ts — the same distribution as psych's cor(matrix(rnorm(n·p)))); resampled (raw data only): for the matrix whose columns are drawn with
 *   replacement from each item separately (breaking the correlations, keeping the distributions);
 * - over `nIter` replications (default 20) the mean, SD and `quant` quantile (default .95, R's
 *   type 7) of each ordered eigenvalue;
 * - suggested numbers: the count of leading observed eigenvalues that exceed the simulated
 *   quantile (psych compares with the simulated values when `sim` is true, else the resampled).
 * The factor solutions inside the loop start from 1s on the diagonal for pa (psych's SMC = FALSE).
 * Replication k draws from its own stream (seed, k), so a seed gives the same result every run, on
 * any number of threads (`threads`, default every core for a long run; src/simulate/parallel.ts).
 */
import { PathlabError } from "../../errors";
import { checkOptions, type OptionSpecs } from "../../options";
import { Result } from "../../display/result";
import { progressBar } from "../../display/notebook";
import type { Column, TableSpec } from "../../display/table";
import type { Figure } from "../../display/figure";
import { correlationMatrix } from "../../data/correlation";
import { pairwiseMoments } from "../../data/pairwise";
import { eigenvalues, quantile } from "../../math";
import { checkMemory } from "../../resources";
import { itemRng, type Rng } from "../../simulate/rng";
import { parallelTask, runParallel } from "../../simulate/parallel";
import { resolveCorrelation, smcOf, type FactorInput, type UseOption } from "./input";
import { extractFactors, type FactorMethod } from "./extract";
import { screePlot, type ScreeSeries } from "./figures";
import { splitArgs } from "./fa";
import { simulatedCorrelation } from "./wishart";

/** Options of `faParallel` (psych's fa.parallel arguments): extraction, components/factors, iterations, seed. */
export interface FaParallelOptions {
  /** Extraction for the factor eigenvalues (default "minres"). */
  fm?: FactorMethod;
  /** "both" (default), "pc" (components only) or "fa" (factors only). */
  fa?: "both" | "pc" | "fa";
  /** Factors of the solution whose communalities give the factor eigenvalues (default 1). */
  nfactors?: number;
  /** Replications (default 20, as psych). */
  nIter?: number;
  /** Quantile of the simulated eigenvalues to compare with (default 0.95). */
  quant?: number;
  /** Simulate normal data (default true). */
  sim?: boolean;
  /** Factor eigenvalues from the SMC-reduced matrix instead of a fa solution (default false, as psych). */
  smc?: boolean;
  /** Observations when a correlation matrix is given (psych's n.obs). */
  nObs?: number;
  use?: UseOption;
  missing?: number[];
  /** Seed of the simulations (default 12345). */
  seed?: number;
  /**
   * CPU threads (default: every core when the replications are long enough to pay for starting
   * them). The result is identical whatever the number.
   */
  threads?: number;
  /** Title of result.plot() (psych's main). */
  main?: string;
  /** Accepted at psych's values that change no number (plot, error.bars, cor, ylabel, show.legend). */
  plot?: boolean;
  errorBars?: boolean;
  seBars?: boolean;
  cor?: string;
  ylabel?: string;
  showLegend?: boolean;
  correct?: number;
}

export const DEFAULT_PARALLEL_SEED = 12345;

const SPECS: OptionSpecs = {
  fm: {
    kind: "enum",
    values: ["minres", "uls", "ml", "pa", "wls", "gls", "alpha"],
    valueAliases: { mle: "ml" },
    unsupportedValues: { minchi: 'use "minres" (the simulated matrices have no pairwise counts).', pc: 'use fa: "pc".' },
  },
  fa: { kind: "enum", values: ["both", "pc", "fa"] },
  nfactors: { kind: "number", min: 1, integer: true },
  nIter: { kind: "number", min: 1, max: 1e6, integer: true, aliases: ["n.iter"] },
  quant: { kind: "number", min: 0, max: 1, exclusiveMin: true, exclusiveMax: true },
  sim: { kind: "boolean" },
  smc: { kind: "boolean", aliases: ["SMC"] },
  nObs: { kind: "number", min: 2, integer: true, aliases: ["n.obs"] },
  use: { kind: "enum", values: ["pairwise", "complete"], valueAliases: { "pairwise.complete.obs": "pairwise", "complete.obs": "complete" } },
  missing: { kind: "custom", check: (v) => (Array.isArray(v) && v.every((x) => typeof x === "number") ? undefined : "must be an array of numbers") },
  seed: { kind: "seed" },
  threads: { kind: "number", min: 1, max: 256, integer: true, rangeHint: "threads is the number of CPU threads, e.g. 2; leave it out to use every core." },
  errorBars: { kind: "fixed", value: false, aliases: ["error.bars"], otherwise: "error bars are not drawn; the SDs are in result.simulated.*.sd." },
  seBars: { kind: "fixed", value: false, aliases: ["se.bars"], otherwise: "error bars are not drawn; the SDs are in result.simulated.*.sd." },
  cor: { kind: "fixed", value: ["cor", "pearson"], otherwise: "only Pearson correlations are implemented (no polychoric or tetrachoric)." },
  plot: { kind: "fixed", value: [true, false], otherwise: "nothing is drawn as a side effect; result.plot() draws." },
  main: { kind: "string" },
  ylabel: { kind: "string" },
  showLegend: { kind: "boolean", aliases: ["show.legend"] },
  correct: { kind: "fixed", value: 0.5, otherwise: "the continuity correction applies to tetrachoric correlations, which are not implemented." },
};

/** Mean, SD and quantile of each ordered eigenvalue over the replications. */
export interface EigenSummary {
  mean: number[];
  sd: number[];
  quantile: number[];
}

/** Parallel analysis: observed eigenvalues beside resampled and simulated ones, and the suggested numbers of factors and components. */
export class FaParallelResult extends Result {
  constructor(
    readonly names: string[],
    readonly pcValues: number[],
    readonly faValues: number[] | undefined,
    readonly simulated: { pc?: EigenSummary; fa?: EigenSummary },
    readonly resampled: { pc?: EigenSummary; fa?: EigenSummary },
    /** Suggested numbers of factors and components (undefined: every observed eigenvalue exceeds its reference). */
    readonly nfact: number | undefined,
    readonly ncomp: number | undefined,
    readonly settings: {
      nIter: number;
      quant: number;
      seed: number;
      fm: FactorMethod;
      smc: boolean;
      n: number;
      use: UseOption;
      fromData: boolean;
      kind: "both" | "pc" | "fa";
      nfactors: number;
      main?: string;
    },
  ) {
    super();
  }

  title(): string {
    return "Parallel analysis (Horn, 1965; psych::fa.parallel)";
  }

  info(): string[] {
    const s = this.settings;
    const kinds = [this.simulated.pc || this.simulated.fa ? "simulated normal data" : "", this.resampled.pc || this.resampled.fa ? "resampled items" : ""]
      .filter(Boolean)
      .join(" and ");
    const nf = this.nfact === undefined ? "all" : String(this.nfact);
    const nc = this.ncomp === undefined ? "all" : String(this.ncomp);
    return [
      `${this.names.length} variables, n = ${s.n}${s.fromData ? `, correlations with use = "${s.use}"` : ""}; ${s.nIter} replications of ${kinds}, seed ${s.seed}; reference = the ${s.quant} quantile.`,
      `Factor eigenvalues: ${s.smc ? "R with squared multiple correlations on the diagonal" : `R with the communalities of a ${s.nfactors}-factor ${s.fm} solution on the diagonal`}.`,
      `Parallel analysis suggests that the number of factors = ${s.kind === "pc" ? "—" : nf} and the number of components = ${s.kind === "fa" ? "—" : nc}.`,
    ];
  }

  tables(): TableSpec[] {
    const columns: Column[] = [{ key: "k", label: "#", format: "int" }];
    const add = (key: string, label: string) => columns.push({ key, label, digits: 3 });
    if (this.settings.kind !== "fa") {
      add("pc", "PC observed");
      if (this.simulated.pc) add("pcSim", `PC simulated (q${this.settings.quant})`);
      if (this.resampled.pc) add("pcRes", `PC resampled (q${this.settings.quant})`);
    }
    if (this.faValues) {
      add("fa", "FA observed");
      if (this.simulated.fa) add("faSim", `FA simulated (q${this.settings.quant})`);
      if (this.resampled.fa) add("faRes", `FA resampled (q${this.settings.quant})`);
    }
    const rows = this.pcValues.map((v, i) => ({
      k: i + 1,
      pc: this.settings.kind !== "fa" ? v : undefined,
      pcSim: this.simulated.pc?.quantile[i],
      pcRes: this.resampled.pc?.quantile[i],
      fa: this.faValues?.[i],
      faSim: this.simulated.fa?.quantile[i],
      faRes: this.resampled.fa?.quantile[i],
    }));
    return [
      {
        title: "Observed eigenvalues and their parallel-analysis references",
        columns,
        rows,
        notes: [
          "A factor (component) is retained while its observed eigenvalue exceeds the reference; the means and SDs over replications are in result.simulated / result.resampled.",
        ],
      },
    ];
  }

  /** Scree plot with the parallel-analysis lines (psych's fa.parallel plot). */
  plot(): Figure {
    const series: ScreeSeries[] = [];
    const q = this.settings.quant;
    if (this.settings.kind !== "fa") {
      series.push({ name: "PC actual data", values: this.pcValues, kind: "observed", component: true });
      if (this.simulated.pc) series.push({ name: `PC simulated data (q${q})`, values: this.simulated.pc.quantile, kind: "simulated", component: true });
      if (this.resampled.pc) series.push({ name: `PC resampled data (q${q})`, values: this.resampled.pc.quantile, kind: "resampled", component: true });
    }
    if (this.faValues) {
      series.push({ name: "FA actual data", values: this.faValues, kind: "observed", component: false });
      if (this.simulated.fa) series.push({ name: `FA simulated data (q${q})`, values: this.simulated.fa.quantile, kind: "simulated", component: false });
      if (this.resampled.fa) series.push({ name: `FA resampled data (q${q})`, values: this.resampled.fa.quantile, kind: "resampled", component: false });
    }
    return screePlot(series, this.settings.main ?? "Parallel analysis scree plots");
  }
}

function summarise(rows: number[][], quant: number): EigenSummary {
  const p = rows[0].length;
  const mean: number[] = [];
  const sd: number[] = [];
  const qs: number[] = [];
  for (let j = 0; j < p; j++) {
    const col = rows.map((r) => r[j]);
    const m = col.reduce((a, b) => a + b, 0) / col.length;
    mean.push(m);
    sd.push(col.length > 1 ? Math.sqrt(col.reduce((a, b) => a + (b - m) ** 2, 0) / (col.length - 1)) : NaN);
    qs.push(quantile(Float64Array.from(col).sort(), quant));
  }
  return { mean, sd, quantile: qs };
}

/** Leading observed eigenvalues above the reference (psych: which(!(obs > ref))[1] − 1). */
function suggested(obs: number[], ref: number[]): number | undefined {
  const i = obs.findIndex((v, j) => !(v > ref[j]));
  return i < 0 ? undefined : i;
}

/**
 * Parallel analysis (psych::fa.parallel), seeded. `input` is raw data (resampling and simulation)
 * or `{ cor, n }` (simulation only). See the module comment for the method.
 *
 * @example
 * faParallel(bfi)   // suggested numbers of factors and components
 */
export function faParallel(input: FactorInput, options?: FaParallelOptions): FaParallelResult;
export function faParallel(input: FactorInput, items: string[], options?: FaParallelOptions): FaParallelResult;
export function faParallel(input: FactorInput, itemsOrOptions?: string[] | FaParallelOptions, options?: FaParallelOptions): FaParallelResult {
  const { items, options: raw } = splitArgs(itemsOrOptions, options);
  const o = checkOptions<FaParallelOptions>("faParallel", raw, SPECS);
  const src = resolveCorrelation("faParallel", input, items, { use: o.use, missing: o.missing, nObs: o.nObs });
  const p = src.R.length;
  if (!src.fromData && !Number.isFinite(src.nObs))
    throw new PathlabError("faParallel(): a correlation matrix needs the number of observations (psych would silently assume 100).", {
      hint: "Give { cor, n } or the option nObs.",
      code: "efa.missing-n",
    });
  if (p < 3) throw new PathlabError(`faParallel(): ${p} variables; parallel analysis needs at least 3.`, { code: "efa.too-few-variables" });
  const kind = o.fa ?? "both";
  const fm = o.fm ?? "minres";
  const nfactors = o.nfactors ?? 1;
  if (nfactors >= p)
    throw new PathlabError(`faParallel(): nfactors = ${nfactors} for ${p} variables.`, {
      hint: "Use nfactors: 1 (psych's default).",
      code: "efa.too-many-factors",
    });
  const nIter = o.nIter ?? 20;
  const quant = o.quant ?? 0.95;
  const sim = o.sim ?? true;
  const useSmc = o.smc ?? false;
  const seed = o.seed ?? DEFAULT_PARALLEL_SEED;
  const resample = src.fromData;
  if (!sim && !resample)
    throw new PathlabError("faParallel(): with a correlation matrix only simulation is possible; sim: false leaves nothing to compare with.", {
      code: "options.conflict",
    });
  const n = src.nObs;
  checkMemory(n * p * 8 * 2 + nIter * p * 32, `faParallel() with ${n} rows × ${p} variables`, "Use fewer replications (nIter) or a smaller data set.", n * 8);
  const doFa = kind !== "pc";
  const pcValues = eigenvalues(src.R);
  const faValues = doFa ? faValuesOf(src.R, true, useSmc, nfactors, fm, src.names) : undefined;
  const job: IterationInput = { seed, n, p, names: [...src.names], columns: resample ? src.columns!.columns : null, sim, doFa, useSmc, nfactors, fm };
  // Each iteration costs about n·p² (resampled correlations) plus p³ per eigen decomposition, ~30
  // of them for a factor solution; below ~30 ms in all a worker's start-up is not worth it.
  const work = nIter * ((resample ? 2 * n * p * p : 0) + (sim ? p * p * p : 0) + (doFa ? 30 : 2) * p * p * p);
  // A run of more than a few seconds shows a progress bar in a notebook.
  const bar = work > 3e9 ? progressBar(nIter, `Parallel analysis (${nIter} replications)`) : undefined;
  const run = runParallel(parallelIterationsTask, job, {
    count: nIter,
    chunkSize: Math.max(1, Math.ceil(nIter / 64)),
    threads: o.threads ?? (work < 3e7 ? 1 : undefined),
    onProgress: bar ? (done) => bar.update(done) : undefined,
  });
  bar?.finish();
  const rows: IterationRows = { simPc: [], simFa: [], resPc: [], resFa: [] };
  for (const r of run.results) {
    rows.simPc.push(...r.simPc);
    rows.simFa.push(...r.simFa);
    rows.resPc.push(...r.resPc);
    rows.resFa.push(...r.resFa);
  }
  const simulated = sim ? { pc: kind !== "fa" ? summarise(rows.simPc, quant) : undefined, fa: doFa ? summarise(rows.simFa, quant) : undefined } : {};
  const resampled = resample ? { pc: kind !== "fa" ? summarise(rows.resPc, quant) : undefined, fa: doFa ? summarise(rows.resFa, quant) : undefined } : {};
  const ref = sim ? simulated : resampled;
  const nfact = doFa ? suggested(faValues!, ref.fa!.quantile) : undefined;
  const ncomp = kind !== "fa" ? suggested(pcValues, ref.pc!.quantile) : undefined;
  return new FaParallelResult([...src.names], pcValues, faValues, simulated, resampled, nfact, ncomp, {
    nIter,
    quant,
    seed,
    fm,
    smc: useSmc,
    n,
    use: src.use,
    fromData: src.fromData,
    kind,
    nfactors,
    main: o.main,
  });
}

/** Eigenvalues of R with SMCs or a factor solution's communalities on its diagonal. */
function faValuesOf(R: number[][], smcStart: boolean, useSmc: boolean, nfactors: number, fm: FactorMethod, names: readonly string[]): number[] {
  // the replications (smcStart false) use psych's single start, as fa.parallel does; the observed data get every start
  return useSmc
    ? eigenvalues(withDiag(R, smcOf(R)))
    : extractFactors(R, nfactors, fm, names as string[], { smc: smcStart, valuesOnly: true, starts: smcStart ? undefined : 1 }).values;
}

/** What the replications need (plain data: it crosses to worker threads once). */
interface IterationInput {
  seed: number;
  n: number;
  p: number;
  names: string[];
  /** The raw columns when resampling, else null (simulation only). */
  columns: Float64Array[] | null;
  sim: boolean;
  doFa: boolean;
  useSmc: boolean;
  nfactors: number;
  fm: FactorMethod;
}

interface IterationRows {
  simPc: number[][];
  simFa: number[][];
  resPc: number[][];
  resFa: number[][];
}

/**
 * Replications [from, to): replication k draws from its own stream, itemRng(seed, k) — first the
 * resampled data, then the simulated matrix — so the result is the same on any number of threads.
 */
function parallelIterations(job: IterationInput, from: number, to: number): IterationRows {
  const rows: IterationRows = { simPc: [], simFa: [], resPc: [], resFa: [] };
  for (let it = from; it < to; it++) {
    const rng = itemRng(job.seed, it);
    if (job.columns) {
      const R = resampledCorrelation(job.columns, job.n, rng);
      rows.resPc.push(eigenvalues(R));
      if (job.doFa) rows.resFa.push(faValuesOf(R, false, job.useSmc, job.nfactors, job.fm, job.names));
    }
    if (job.sim) {
      const R = simulatedCorrelation(job.n, job.p, rng);
      rows.simPc.push(eigenvalues(R));
      if (job.doFa) rows.simFa.push(faValuesOf(R, false, job.useSmc, job.nfactors, job.fm, job.names));
    }
  }
  return rows;
}

/** Parallel analysis's replications as a parallel task (worker threads load it from this module). */
export const parallelIterationsTask = parallelTask(__filename, "parallelIterationsTask", parallelIterations);

function withDiag(R: number[][], d: number[]): number[][] {
  return R.map((r, i) => r.map((v, j) => (i === j ? d[i] : v)));
}

/**
 * Correlations of a matrix whose columns are drawn with replacement from each column separately
 * (missing values are drawn like any other value and handled pairwise, as psych; a draw whose
 * correlations are undefined is repeated, as psych repeats it).
 */
function resampledCorrelation(columns: Float64Array[], n: number, rng: Rng): number[][] {
  for (let attempt = 0; attempt < 100; attempt++) {
    let anyMissing = false;
    const cols = columns.map((c) => {
      const out = new Float64Array(n);
      const m = c.length;
      for (let i = 0; i < n; i++) {
        const v = c[Math.floor(rng.nextUint32() * (m / 4294967296))];
        out[i] = v;
        if (v !== v) anyMissing = true;
      }
      return out;
    });
    const R = anyMissing ? pairwiseMoments(cols).r : correlationMatrix(cols);
    if (R.every((r) => r.every((v) => Number.isFinite(v)))) return R;
  }
  throw new PathlabError("faParallel(): 100 resampled data sets in a row had undefined correlations.", {
    hint: "An item has almost no non-missing values; drop it.",
    code: "efa.resample-failed",
  });
}
