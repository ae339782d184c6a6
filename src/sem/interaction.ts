/**
 * Latent interactions by product indicators (semTools 0.5.6): `indProd` builds the products of
 * the two factors' indicators, `probe2WayMC` / `probe2WayRC` probe the fitted interaction with
 * simple slopes at chosen values of the moderator.
 *
 * indProd (Marsh, Wen & Hau 2004; Lin et al. 2010; Little, Bovaird & Widaman 2006): the indicators
 * are mean-centred (meanC), multiplied in matched pairs x_i·z_i (match) or all pairs x_i·z_j, then
 * either residual-centred — each product replaced by its residual from the OLS regression on all
 * first-order indicators (residualC) — or double-mean-centred, the products centred again (doubleMC).
 *
 * probe2WayMC (mean-centred products): with Y = b₀ + b₁X + b₂W + b₃XW + ζ, the simple slope of X
 * at W = w is b₁ + b₃w with variance V₁₁ + 2wV₁₃ + w²V₃₃ (V the covariance of the estimates); the
 * simple intercept b₀ + b₂w likewise when the intercept of Y is estimated.
 * probe2WayRC (residual-centred products; needs a mean structure): the residual-centred
 * coefficients are first converted to the uncentred model through the normal-theory moments of the
 * product (Bohrnstedt & Goldberger 1969) and their covariance rescaled (semTools' algebra), then
 * probed the same way.
 *
 * @example
 * const d = indProd(data, ["o1", "o2", "o3"], ["s1", "s2", "s3"]);   // adds o1.s1, o2.s2, o3.s3
 * const fit = sem(model, d);
 * probe2WayMC(fit, ["osc", "sa", "int"], "peic", "sa", [-1, 0, 1]).figure();
 */
import { PathlabError } from "../errors";
import { Figure, Result, type TableSpec } from "../display";
import { checkOptions, describeValue, type OptionSpecs } from "../options";
import { columnNames, isMissing, rowCount, toNumber, type TableInput } from "../data/table-input";
import { twoSidedP } from "../math/formulas";
import { choleskyInPlace, flatToRows, invertGeneralFlat, rowsToFlat, solveWithCholesky } from "../math/linalg";
import type { SemFit } from "./fit";

export interface IndProdOptions {
  /** Matched pairs x_i·z_i (default true; both sets need the same length); false: all pairs. */
  match?: boolean;
  /** Centre the indicators before multiplying (default true). */
  meanC?: boolean;
  /** Residual-centre the products on the indicators (default false). */
  residualC?: boolean;
  /** Centre the products (default true). */
  doubleMC?: boolean;
  /** Names of the product columns (default "x.z"). */
  namesProd?: string[];
}

/** A column of the table as numbers (NaN for missing). */
function numberColumn(data: TableInput, name: string, n: number): Float64Array {
  const raw = valuesOf(data, name);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = isMissing(raw[i]) ? NaN : toNumber(raw[i], name, i);
  return out;
}

function valuesOf(data: TableInput, name: string): ArrayLike<unknown> {
  if (Array.isArray(data)) return (data as Record<string, unknown>[]).map((r) => r[name]);
  const df = data as { columns?: unknown; values?: unknown };
  if (Array.isArray(df.columns) && Array.isArray(df.values)) {
    const j = (df.columns as string[]).indexOf(name);
    return (df.values as unknown[][]).map((r) => r[j]);
  }
  return (data as Record<string, ArrayLike<unknown>>)[name];
}

function center(x: Float64Array): Float64Array {
  let s = 0;
  let c = 0;
  for (const v of x)
    if (!Number.isNaN(v)) {
      s += v;
      c++;
    }
  const m = s / c;
  return x.map((v) => v - m);
}

/**
 * Residuals of each y on [1, X] over the rows where every y and X is observed. Rows with a missing
 * value keep their raw product, as semTools' indProd does (they are incomplete anyway and drop out
 * under listwise deletion).
 */
function residualize(ys: Float64Array[], X: Float64Array[]): Float64Array[] {
  const n = ys[0].length;
  const ok: number[] = [];
  for (let i = 0; i < n; i++) if (ys.every((y) => !Number.isNaN(y[i])) && X.every((x) => !Number.isNaN(x[i]))) ok.push(i);
  const k = X.length + 1;
  const row = (i: number, a: number) => (a === 0 ? 1 : X[a - 1][i]);
  // Normal equations by Cholesky (the predictors are the indicators: full rank in practice).
  const XtX = new Float64Array(k * k);
  for (const i of ok) for (let a = 0; a < k; a++) for (let b = 0; b <= a; b++) XtX[a * k + b] += row(i, a) * row(i, b);
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) XtX[b * k + a] = XtX[a * k + b];
  const L = XtX;
  if (choleskyInPlace(L, k, 1e-12, false, true) >= 0)
    throw new PathlabError("indProd: the indicators are collinear, so the products cannot be residual-centred.", {
      code: "sem.indprod",
      hint: "Check for duplicated or constant indicators.",
    });
  return ys.map((y) => {
    const Xty = new Float64Array(k);
    for (const i of ok) for (let a = 0; a < k; a++) Xty[a] += row(i, a) * y[i];
    const beta = solveWithCholesky(L, k, Xty);
    const out = Float64Array.from(y);
    for (const i of ok) {
      let f = 0;
      for (let a = 0; a < k; a++) f += row(i, a) * beta[a];
      out[i] = y[i] - f;
    }
    return out;
  });
}

/**
 * semTools' indProd(data, var1, var2): the data with product-indicator columns added (named
 * "x.z" unless `namesProd`), as an object of columns. Missing values stay missing (NaN).
 */
export function indProd(data: TableInput, var1: string[], var2: string[], options?: IndProdOptions): Record<string, ArrayLike<unknown>> {
  const o = checkOptions("indProd", options, {
    match: { kind: "boolean" },
    meanC: { kind: "boolean" },
    residualC: { kind: "boolean" },
    doubleMC: { kind: "boolean" },
    namesProd: {
      kind: "custom",
      check: (v) => (Array.isArray(v) && v.every((x) => typeof x === "string") ? undefined : `must be an array of names; got ${describeValue(v)}.`),
    },
  }) as IndProdOptions;
  const names = columnNames(data);
  for (const [what, list] of [
    ["var1", var1],
    ["var2", var2],
  ] as const) {
    if (!Array.isArray(list) || list.length === 0 || !list.every((v) => typeof v === "string"))
      throw new PathlabError(`indProd(): ${what} must be a non-empty array of column names; got ${describeValue(list)}.`, {
        code: "options.bad-value",
        hint: 'Write indProd(data, ["x1", "x2", "x3"], ["z1", "z2", "z3"]).',
      });
    const unknown = list.filter((v) => !names.includes(v));
    if (unknown.length)
      throw new PathlabError(`indProd(): ${unknown.map((v) => `"${v}"`).join(", ")} ${unknown.length > 1 ? "are" : "is"} not a column of the data.`, {
        code: "data.unknown-variable",
        hint: `Columns: ${names.slice(0, 20).join(", ")}.`,
      });
  }
  const match = o.match ?? true;
  if (match && var1.length !== var2.length)
    throw new PathlabError(`indProd(): the matched-pair approach needs as many indicators in var1 (${var1.length}) as in var2 (${var2.length}).`, {
      code: "options.bad-value",
      hint: "Give both factors the same number of indicators, or use { match: false } for all pairs.",
    });
  const n = rowCount(data);
  const prep = (vs: string[]) => vs.map((v) => ((o.meanC ?? true) ? center(numberColumn(data, v, n)) : numberColumn(data, v, n)));
  const d1 = prep(var1);
  const d2 = prep(var2);
  const pairs: [number, number][] = match ? var1.map((_, i) => [i, i]) : var1.flatMap((_, i) => var2.map((_, j) => [i, j] as [number, number]));
  let prods: Float64Array[] = pairs.map(([i, j]) => d1[i].map((x, r) => x * d2[j][r]));
  if (o.residualC) prods = residualize(prods, [...d1, ...d2]);
  if (o.doubleMC ?? true) prods = prods.map(center);
  const pnames = o.namesProd ?? pairs.map(([i, j]) => `${var1[i]}.${var2[j]}`);
  if (pnames.length !== prods.length)
    throw new PathlabError(`indProd(): ${pnames.length} names for ${prods.length} product columns.`, {
      code: "options.bad-value",
      hint: "Give one name per product.",
    });
  const clash = pnames.filter((p) => names.includes(p));
  if (clash.length)
    throw new PathlabError(
      `indProd(): the product column${clash.length > 1 ? "s" : ""} ${clash.map((v) => `"${v}"`).join(", ")} already exist${clash.length > 1 ? "" : "s"} in the data.`,
      {
        code: "data.duplicate-column",
        hint: "Rename them with namesProd, or drop the old columns.",
      },
    );
  const out: Record<string, ArrayLike<unknown>> = {};
  for (const nm of names) out[nm] = Array.from(valuesOf(data, nm));
  pnames.forEach((nm, k) => (out[nm] = prods[k]));
  return out;
}

/** One probed value of the moderator. */
export interface ProbeRow {
  /** The moderator's value. */
  value: number;
  est: number;
  se: number;
  z: number;
  pvalue: number;
}

/** Simple slopes (and intercepts) of a probed latent interaction, with the simple-slopes figure. */
export class ProbeResult extends Result {
  constructor(
    readonly method: "MC" | "RC",
    readonly nameX: [string, string, string],
    readonly nameY: string,
    readonly moderator: string,
    readonly focal: string,
    readonly simpleSlope: ProbeRow[],
    /** Null when the intercept of the outcome is fixed (lavaan's default for a latent outcome). */
    readonly simpleIntercept: ProbeRow[] | null,
    /** For the figure: the focal predictor's SD and the outcome's intercept and the moderator's slope. */
    private readonly plot: { sdFocal: number; interceptAt: (w: number) => number },
  ) {
    super();
  }
  title(): string {
    return `Simple slopes of ${this.focal} on ${this.nameY} at values of ${this.moderator} (${this.method === "MC" ? "mean-centred" : "residual-centred"} product indicators)`;
  }
  tables(): TableSpec[] {
    const cols = (what: string) => [
      { key: "value", label: this.moderator, digits: 3 },
      { key: "est", label: what, digits: 3 },
      { key: "se", label: "SE", digits: 3 },
      { key: "z", label: "z", digits: 3 },
      { key: "pvalue", label: "p", format: "p" as const },
    ];
    const out: TableSpec[] = [{ title: "Simple slopes", columns: cols("Slope"), rows: this.simpleSlope.map((r) => ({ ...r })) }];
    if (this.simpleIntercept) out.push({ title: "Simple intercepts", columns: cols("Intercept"), rows: this.simpleIntercept.map((r) => ({ ...r })) });
    return out;
  }
  /**
   * The simple regression lines of the outcome on the focal predictor (±2 of its SDs) at each
   * probed value of the moderator; solid where the simple slope differs from 0 at p < .05.
   */
  figure(): Figure {
    const x = [-2, -1, 0, 1, 2].map((k) => k * this.plot.sdFocal);
    return new Figure(
      this.simpleSlope.map((r) => ({
        type: "scatter",
        mode: "lines",
        x,
        y: x.map((v) => this.plot.interceptAt(r.value) + r.est * v),
        name: `${this.moderator} = ${r.value.toFixed(2)}: slope ${r.est.toFixed(3)} (p ${r.pvalue < 0.001 ? "< .001" : `= ${r.pvalue.toFixed(3)}`})`,
        line: { dash: r.pvalue < 0.05 ? "solid" : "dash" },
      })),
      {
        title: this.title(),
        xaxis: { title: { text: `${this.focal} (latent)` } },
        yaxis: { title: { text: `${this.nameY} (latent)` } },
        legend: { orientation: "h", y: -0.2 },
        height: 420,
      },
    );
  }
}

interface ProbeInputs {
  g: number;
  beta: number[];
  /** Free indices (0-based) of b1, b2, b3 and the outcome's intercept (−1 when fixed). */
  idx: number[];
  alphaY: number;
  alphaX: number[];
  psi: number[][];
  psiY: number;
  n: number;
}

/** The estimates and free indices the probes need, from the fit (group g, 1-based). */
function probeInputs(fit: SemFit, nameX: string[], nameY: string, group: number): ProbeInputs {
  const { rows, est } = fit.estimatesInternal();
  const find = (lhs: string, op: string, rhs: string) =>
    rows.findIndex((r) => r.group === group && r.op === op && ((r.lhs === lhs && r.rhs === rhs) || (op === "~~" && r.lhs === rhs && r.rhs === lhs)));
  const idx: number[] = [];
  const beta = nameX.map((x) => {
    const k = find(nameY, "~", x);
    if (k < 0)
      throw new PathlabError(`probe: the model has no regression ${nameY} ~ ${x}.`, {
        code: "sem.probe",
        hint: `Regress the outcome on both factors and their product factor, e.g. "${nameY} ~ ${nameX.join(" + ")}".`,
      });
    if (rows[k].free === 0)
      throw new PathlabError(`probe: ${nameY} ~ ${x} is fixed; the probe needs its estimate and standard error.`, {
        code: "sem.probe",
        hint: "Free the regression.",
      });
    idx.push(rows[k].free - 1);
    return est[k];
  });
  const kInt = find(nameY, "~1", "");
  idx.push(kInt >= 0 && rows[kInt].free > 0 ? rows[kInt].free - 1 : -1);
  const psi = nameX.map((a) =>
    nameX.map((b) => {
      const k = find(a, "~~", b);
      return k >= 0 ? est[k] : 0;
    }),
  );
  const kY = find(nameY, "~~", nameY);
  return {
    g: group,
    beta,
    idx,
    alphaY: kInt >= 0 ? est[kInt] : 0,
    alphaX: nameX.map((x) => {
      const k = find(x, "~1", "");
      return k >= 0 ? est[k] : 0;
    }),
    psi,
    psiY: kY >= 0 ? est[kY] : NaN,
    n: fit.groupN[group - 1],
  };
}

const pvalue = (z: number) => twoSidedP(z);

function probeRows(values: number[], b0: number, b1: number, v00: number, v01: number, v11: number): ProbeRow[] {
  return values.map((w) => {
    const est = b0 + b1 * w;
    const se = Math.sqrt(v00 + 2 * w * v01 + w * w * v11);
    return { value: w, est, se, z: est / se, pvalue: pvalue(est / se) };
  });
}

function checkProbe(fn: string, fit: SemFit, nameX: unknown, nameY: unknown, modVar: unknown, valProbe: unknown, group: unknown): { mod: number; g: number } {
  if (!Array.isArray(nameX) || nameX.length !== 3 || !nameX.every((x) => typeof x === "string"))
    throw new PathlabError(`${fn}(): nameX must name three factors: the two predictors and their product factor, e.g. ["osc", "sa", "int"].`, {
      code: "options.bad-value",
      hint: "The third name is the latent product (interaction) factor.",
    });
  if (typeof nameY !== "string") throw new PathlabError(`${fn}(): nameY must be the outcome's name.`, { code: "options.bad-value", hint: 'e.g. "peic".' });
  const mod = typeof modVar === "number" ? modVar - 1 : (nameX as string[]).indexOf(modVar as string);
  if (!(mod === 0 || mod === 1))
    throw new PathlabError(`${fn}(): the moderator ${describeValue(modVar)} is not one of the two predictors ${nameX[0]}, ${nameX[1]} (or 1 or 2).`, {
      code: "options.bad-value",
      hint: `Write modVar: "${nameX[1]}".`,
    });
  if (!Array.isArray(valProbe) || valProbe.length === 0 || !valProbe.every((v) => typeof v === "number" && Number.isFinite(v)))
    throw new PathlabError(`${fn}(): valProbe must be an array of moderator values; got ${describeValue(valProbe)}.`, {
      code: "options.bad-value",
      hint: "e.g. [-1, 0, 1] (in the latent moderator's units).",
    });
  const g = group === undefined ? 1 : typeof group === "number" ? group : fit.groupLabels.indexOf(group as string) + 1;
  if (!(Number.isInteger(g) && g >= 1 && g <= fit.ngroups))
    throw new PathlabError(`${fn}(): group ${describeValue(group)} is not a group of the fit.`, {
      code: "options.bad-value",
      hint: `Groups: ${fit.groupLabels.join(", ")}.`,
    });
  if (!fit.converged) throw new PathlabError(`${fn}(): the model did not converge.`, { code: "sem.not-converged", hint: "Fix the model first." });
  return { mod, g };
}

/** The options of probe2WayMC and probe2WayRC: which group of a multiple-group fit to probe. */
const PROBE_OPTION_SPECS: OptionSpecs = {
  group: { kind: "custom", check: (v) => (typeof v === "number" || typeof v === "string" ? undefined : "must be a group number or name.") },
};

/**
 * semTools' probe2WayMC(fit, nameX, nameY, modVar, valProbe): simple slopes (and intercepts, when
 * the outcome's intercept is estimated) of a latent interaction built from mean-centred (or
 * double-mean-centred) product indicators.
 */
export function probe2WayMC(
  fit: SemFit,
  nameX: [string, string, string],
  nameY: string,
  modVar: string | number,
  valProbe: number[],
  options?: { group?: number | string },
): ProbeResult {
  const o = checkOptions("probe2WayMC", options, PROBE_OPTION_SPECS) as { group?: number | string };
  const { mod, g } = checkProbe("probe2WayMC", fit, nameX, nameY, modVar, valProbe, o.group);
  const p = probeInputs(fit, nameX, nameY, g);
  const V = fit.state.vcov;
  const q = fit.state.theta.length;
  const v = (a: number, b: number) => (a < 0 || b < 0 ? 0 : V[a * q + b]);
  const focal = 1 - mod;
  const [iF, iM, iI] = [p.idx[focal], p.idx[mod], p.idx[2]];
  const slope = probeRows(valProbe, p.beta[focal], p.beta[2], v(iF, iF), v(iF, iI), v(iI, iI));
  const i0 = p.idx[3];
  const intercept = i0 >= 0 ? probeRows(valProbe, p.alphaY, p.beta[mod], v(i0, i0), v(i0, iM), v(iM, iM)) : null;
  return new ProbeResult("MC", nameX, nameY, nameX[mod], nameX[focal], slope, intercept, {
    sdFocal: Math.sqrt(p.psi[focal][focal]),
    interceptAt: (w) => p.alphaY + p.beta[mod] * w,
  });
}

/**
 * semTools' probe2WayRC(fit, nameX, nameY, modVar, valProbe): the probe of an interaction built
 * from residual-centred product indicators (the model needs a mean structure).
 */
export function probe2WayRC(
  fit: SemFit,
  nameX: [string, string, string],
  nameY: string,
  modVar: string | number,
  valProbe: number[],
  options?: { group?: number | string },
): ProbeResult {
  const o = checkOptions("probe2WayRC", options, PROBE_OPTION_SPECS) as { group?: number | string };
  const { mod, g } = checkProbe("probe2WayRC", fit, nameX, nameY, modVar, valProbe, o.group);
  if (!fit.state.pt.meanstructure)
    throw new PathlabError("probe2WayRC(): the model needs a mean structure (as semTools requires).", {
      code: "sem.probe",
      hint: "Fit with { meanstructure: true }.",
    });
  const p = probeInputs(fit, nameX, nameY, g);
  const conv = rcToNc(p);
  const V = fit.state.vcov;
  const q = fit.state.theta.length;
  const focal = 1 - mod;
  const withInt = p.idx[3] >= 0;
  // Covariance of the uncentred coefficients: (resVarNC/resVarRC) · V_RC · SS_RC · SS_NC⁻¹ (semTools).
  const ids = withInt ? [p.idx[3], p.idx[0], p.idx[1], p.idx[2]] : [p.idx[0], p.idx[1], p.idx[2]];
  const Vrc = ids.map((a) => ids.map((b) => V[a * q + b]));
  const sel = withInt ? [0, 1, 2, 3] : [1, 2, 3];
  const SSrc = sel.map((a) => sel.map((b) => conv.SSRC[a][b]));
  const SSnc = sel.map((a) => sel.map((b) => conv.SSNC[a][b]));
  const used = scaleMat(matMul(matMul(Vrc, SSrc), invert(SSnc)), conv.resVarNC / p.psiY);
  const b = withInt ? conv.betaNCWithIntcept : conv.betaNCWithIntcept.slice(1);
  // Positions in `used`/`b`: [intercept?, b1, b2, b3].
  const off = withInt ? 1 : 0;
  const iF = off + focal;
  const iM = off + mod;
  const iI = off + 2;
  const slope = probeRows(valProbe, b[iF], b[iI], used[iF][iF], used[iF][iI], used[iI][iI]);
  const intercept = withInt ? probeRows(valProbe, b[0], b[iM], used[0][0], used[0][iM], used[iM][iM]) : null;
  return new ProbeResult("RC", nameX, nameY, nameX[mod], nameX[focal], slope, intercept, {
    sdFocal: Math.sqrt(p.psi[focal][focal]),
    interceptAt: (w) => conv.betaNCWithIntcept[0] + conv.betaNCWithIntcept[1 + mod] * w,
  });
}

/** semTools' conversion of residual-centred estimates to the uncentred (NC) model. */
function rcToNc(p: ProbeInputs): { SSRC: number[][]; SSNC: number[][]; betaNCWithIntcept: number[]; resVarNC: number } {
  const n = p.n;
  const varX = p.psi.map((r) => [...r]);
  const meanX = [...p.alphaX];
  const betaRC = p.beta;
  const withOne = (m: number[]) => [1, ...m];
  const SS = (v: number[][], m: number[]) => {
    const m1 = withOne(m);
    return m1.map((_, a) => m1.map((__, b) => n * ((a === 0 || b === 0 ? 0 : v[a - 1][b - 1]) + m1[a] * m1[b])));
  };
  const SSRC = SS(varX, meanX);
  const bRC = [p.alphaY, ...betaRC];
  const meanY = withOne(meanX).reduce((s, m, i) => s + m * bRC[i], 0);
  const varY = quad(bRC, SSRC) / n - meanY * meanY + p.psiY;
  const covY = [0, 1].map((a) => varX[a].reduce((s, x, j) => s + x * betaRC[j], 0));
  meanX[2] = meanX[0] * meanX[1] + varX[0][1];
  varX[2][2] = meanX[0] ** 2 * varX[1][1] + meanX[1] ** 2 * varX[0][0] + 2 * meanX[0] * meanX[1] * varX[0][1] + varX[0][0] * varX[1][1] + varX[0][1] ** 2;
  varX[0][2] = varX[2][0] = meanX[0] * varX[0][1] + meanX[1] * varX[0][0];
  varX[1][2] = varX[2][1] = meanX[0] * varX[1][1] + meanX[1] * varX[0][1];
  const rhs = [covY[0] - varX[0][2] * betaRC[2], covY[1] - varX[1][2] * betaRC[2]];
  const det = varX[0][0] * varX[1][1] - varX[0][1] * varX[1][0];
  const b1 = (rhs[0] * varX[1][1] - varX[0][1] * rhs[1]) / det;
  const b2 = (varX[0][0] * rhs[1] - varX[1][0] * rhs[0]) / det;
  const betaNC = [b1, b2, betaRC[2]];
  const intceptNC = meanY - betaNC.reduce((s, x, i) => s + x * meanX[i], 0);
  const betaNCWithIntcept = [intceptNC, ...betaNC];
  const SSNC = SS(varX, meanX);
  const resVarNC = varY - quad(betaNCWithIntcept, SSNC) / n + meanY * meanY;
  return { SSRC, SSNC, betaNCWithIntcept, resVarNC };
}

function quad(b: number[], M: number[][]): number {
  let s = 0;
  for (let i = 0; i < b.length; i++) for (let j = 0; j < b.length; j++) s += b[i] * M[i][j] * b[j];
  return s;
}

function matMul(A: number[][], B: number[][]): number[][] {
  return A.map((r) => B[0].map((_, j) => r.reduce((s, x, k) => s + x * B[k][j], 0)));
}

function scaleMat(A: number[][], c: number): number[][] {
  return A.map((r) => r.map((x) => x * c));
}

function invert(A: number[][]): number[][] {
  const n = A.length;
  const out = new Float64Array(n * n);
  if (!invertGeneralFlat(rowsToFlat(A), n, out, new Float64Array(n * n)))
    throw new PathlabError("probe2WayRC: the covariance matrix of the product-indicator regression is singular.", {
      code: "sem.probe",
      hint: "Check the interaction model: its predictors are (nearly) collinear.",
    });
  return flatToRows(out, n);
}
