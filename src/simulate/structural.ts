/**
 * Structural simulation: data generated from a hypothesised model with paths, interactions and
 * residual variances.
 *
 * Why it exists: a paper's means, SDs and correlation table are second moments of the observed
 * variables. Under multivariate normality a mean-centred product x·w is uncorrelated with every
 * linear term, and nothing in a correlation table says how y depends on x·w, so data simulated from
 * summary statistics (simulateComposites / simulateItems) carry no interaction (and no non-normal)
 * structure at all: a moderation test on them finds nothing, whatever the paper reported. To
 * replicate a moderation or conditional-process result, the interaction has to be planted — its
 * coefficient calibrated, e.g., to the published simple slopes (`moderationFromSimpleSlopes`).
 */
import { PathlabError } from "../errors";
import type { TableSpec } from "../display/table";
import { rng as toRng, type Rng } from "./rng";
import { dot } from "../math";
import { drawMvnorm } from "./mvrnorm";
import { sampleMoments } from "./moments";
import { SimulatedData, momentsTable } from "./simulated-data";
import { ANY, SEED_OR_RNG, checkCorrelation, checkEach, checkN, requirePositiveDefinite, seedOf, squareMatrix, type MatrixInput } from "./validate";
import { checkOptions, type OptionSpecs } from "../options";

const STRUCTURAL_OPTIONS: OptionSpecs = {
  n: ANY,
  seed: SEED_OR_RNG,
  exogenous: ANY,
  exogenousCor: ANY,
  equations: ANY,
  empirical: { kind: "boolean" },
  exactResiduals: { kind: "boolean" },
};
const EQUATION_OPTIONS: OptionSpecs = { y: ANY, terms: ANY, intercept: ANY, residualSd: ANY, r2: ANY };
const TERM_OPTIONS: OptionSpecs = { vars: ANY, coef: ANY, center: { kind: "boolean" } };
const EXOGENOUS_OPTIONS: OptionSpecs = { mean: ANY, sd: ANY };

/** One term of a structural equation: a variable, or the product of several, times a coefficient. */
export interface StructuralTerm {
  /** ["x"] for a main effect, ["x", "w"] for the product x·w. */
  vars: string[];
  coef: number;
  /** Mean-centre each variable (at its sample mean) before multiplying (default false). */
  center?: boolean;
}

export interface StructuralEquation {
  /** The variable this equation generates. */
  y: string;
  terms: StructuralTerm[];
  /** Default 0. */
  intercept?: number;
  /** Residual SD; give this or `r2`. */
  residualSd?: number;
  /** Target R² of the equation; the residual SD is set from the sample variance of the systematic part. */
  r2?: number;
}

/** Options of `simulateStructural`: the sample size, exogenous variables, the equations (with planted interactions), and the seed. */
export interface SimulateStructuralOptions {
  n: number;
  seed: number | Rng;
  /** Exogenous variables with their means (default 0) and SDs (default 1). */
  exogenous: { [name: string]: { mean?: number; sd?: number } };
  /** Correlations among the exogenous variables, in the order of `exogenous`'s keys (default identity). */
  exogenousCor?: MatrixInput;
  /** Equations, evaluated in order; a later equation may use an earlier y (mediation chains). */
  equations: StructuralEquation[];
  /** Exogenous sample moments equal their targets exactly (default true). */
  empirical?: boolean;
  /**
   * Make each residual exactly orthogonal to its equation's terms (and mean zero) with exactly the
   * stated SD, so that OLS on the simulated data returns the planted coefficients exactly and the
   * sample R² equals `r2` exactly (default false: residuals are plain normal draws).
   */
  exactResiduals?: boolean;
}

interface EquationSummary {
  y: string;
  terms: { label: string; coef: number; estimate: number }[];
  intercept: number;
  interceptEstimate: number;
  residualSd: number;
  r2Target?: number;
  r2: number;
}

/** Data simulated from a structural model, with the planted coefficients beside those OLS recovers. */
export class StructuralSimulation extends SimulatedData {
  constructor(
    names: string[],
    columns: Float64Array[],
    seed: number | undefined,
    readonly exogenousNames: string[],
    readonly exogenousTarget: { means: number[]; sds: number[]; cor: number[][] },
    /** Per equation: planted coefficients beside the OLS estimates in this sample, and R². */
    readonly equations: EquationSummary[],
    readonly exactResiduals: boolean,
  ) {
    super(names, columns, seed);
  }

  title(): string {
    return "Simulated data from a structural model";
  }

  tables(): TableSpec[] {
    const m = sampleMoments(this.exogenousNames.map((nm) => this.data[nm]));
    const rows: Record<string, unknown>[] = [];
    for (const e of this.equations) {
      rows.push({ y: e.y, term: "(intercept)", coef: e.intercept, est: e.interceptEstimate });
      for (const t of e.terms) rows.push({ y: "", term: t.label, coef: t.coef, est: t.estimate });
      rows.push({ y: "", term: "R²", coef: e.r2Target ?? null, est: e.r2 });
      rows.push({ y: "", term: "residual SD", coef: e.residualSd, est: null });
    }
    return [
      momentsTable("Exogenous variables: target vs achieved", this.exogenousNames, this.exogenousTarget, m),
      {
        title: "Equations: planted vs OLS in this sample",
        columns: [
          { key: "y", label: "Outcome", format: "text" },
          { key: "term", label: "Term", format: "text" },
          { key: "coef", label: "Planted", digits: 4 },
          { key: "est", label: "OLS estimate", digits: 4 },
        ],
        rows,
        notes: this.exactResiduals
          ? ["Residuals orthogonal to each equation's terms: OLS recovers the planted values exactly."]
          : ["OLS estimates differ from the planted values by sampling error."],
      },
    ];
  }
}

/** Modified Gram–Schmidt QR of columns (used for exact residuals and the OLS check). */
function qr(cols: Float64Array[]): { Q: Float64Array[]; R: number[][] } {
  const k = cols.length;
  const Q: Float64Array[] = [];
  const R: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    const v = Float64Array.from(cols[j]);
    for (let pass = 0; pass < 2; pass++)
      for (let i = 0; i < j; i++) {
        const d = dot(Q[i], v);
        R[i][j] += d;
        axpy(-d, Q[i], v);
      }
    const nv = Math.sqrt(dot(v, v));
    R[j][j] = nv;
    if (!(nv > 1e-10 * Math.sqrt(dot(cols[j], cols[j])) && nv > 0)) return { Q, R: [] };
    for (let i = 0; i < v.length; i++) v[i] /= nv;
    Q.push(v);
  }
  return { Q, R };
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] += a * x[i];
}

function variance(x: Float64Array): number {
  return sampleMoments([x]).cov[0][0];
}

/**
 * Simulates data from a hypothesised structural model. Exogenous variables are multivariate normal
 * (exact sample moments by default); each equation then generates
 *   y = intercept + Σ_t coef_t · Π_{v ∈ t} v  + e,   e ~ N(0, σ²),
 * in order, so an equation may use the y of an earlier one (x → m → y chains, moderated paths).
 * With `r2`, σ² = Var(systematic part) · (1 − R²) / R² in the sample. With `exactResiduals`, e is
 * projected off [1, terms] and rescaled to SD σ, so OLS returns the planted coefficients exactly.
 *
 * Interactions cannot be recovered from summary statistics (see the module comment): plant them here.
 *
 * @throws PathlabError for an equation using an unknown or later variable, a y that is exogenous or
 *   defined twice, neither or both of residualSd and r2, r2 outside (0, 1), an exogenous correlation
 *   matrix that does not match or is not positive definite (smallest eigenvalue given), or n too small.
 *
 * @example
 * simulateStructural({
 *   n: 300,
 *   seed: 1,
 *   exogenous: { x: {}, w: {} },
 *   equations: [{ y: "y", terms: [{ vars: ["x"], coef: 0.3 }, { vars: ["x", "w"], coef: 0.15 }], r2: 0.2 }],
 * })
 */
export function simulateStructural(options: SimulateStructuralOptions): StructuralSimulation {
  options = checkOptions<SimulateStructuralOptions>("simulateStructural", options, STRUCTURAL_OPTIONS);
  const seed = seedOf("simulateStructural", options.seed);
  const { exoNames, means, sds, R } = checkExogenous(options);
  const empirical = options.empirical ?? true;
  const exact = options.exactResiduals ?? false;
  const q = exoNames.length;
  const maxTerms = Math.max(0, ...options.equations.map((e) => e.terms.length));
  checkN(options.n, Math.max(empirical ? q : 0, exact ? maxTerms + 1 : 0), exact ? "exact residuals" : "exact exogenous moments");
  const n = options.n;
  // Validate the equations before drawing anything.
  const ys = checkEquations(options.equations, exoNames);

  const r = toRng(seed);
  const cov = R.map((row, i) => row.map((x, j) => x * sds[i] * sds[j]));
  const exoCols = drawMvnorm(n, means, cov, r, empirical, "exogenousCor");
  const cols = new Map<string, Float64Array>();
  exoNames.forEach((nm, j) => cols.set(nm, exoCols[j]));
  const summaries: EquationSummary[] = [];
  const yCols: Float64Array[] = [];
  for (const e of options.equations) {
    const { y, summary } = generateEquation(e, cols, n, r, exact);
    cols.set(e.y, y);
    yCols.push(y);
    summaries.push(summary);
  }

  return new StructuralSimulation(
    [...exoNames, ...ys],
    [...exoCols, ...yCols],
    typeof seed === "number" ? seed : undefined,
    exoNames,
    { means, sds, cor: R },
    summaries,
    exact,
  );
}

/** The equations and exogenous variables are present and well formed; the exogenous means, SDs and correlations. */
function checkExogenous(options: SimulateStructuralOptions): { exoNames: string[]; means: number[]; sds: number[]; R: number[][] } {
  if (!Array.isArray(options.equations))
    throw new PathlabError("simulateStructural() needs equations: an array of { y, terms, residualSd | r2 }.", {
      hint: 'e.g. equations: [{ y: "y", terms: [{ vars: ["x"], coef: 0.4 }], r2: 0.2 }].',
      code: "options.missing",
    });
  checkEach("simulateStructural", (i) => `equation ${i + 1}`, options.equations, EQUATION_OPTIONS);
  options.equations.forEach((e, i) => checkEach("simulateStructural", (k) => `equation ${i + 1}, term ${k + 1}`, e.terms, TERM_OPTIONS));
  const exo = options.exogenous ?? {};
  const exoNames = Object.keys(exo);
  checkEach(
    "simulateStructural",
    (i) => `exogenous "${exoNames[i]}"`,
    exoNames.map((k) => exo[k]),
    EXOGENOUS_OPTIONS,
  );
  if (exoNames.length === 0)
    throw new PathlabError("exogenous must name at least one variable, e.g. { x: { mean: 0, sd: 1 } }.", {
      hint: "Every equation starts from exogenous variables.",
      code: "simulate.bad-input",
    });
  const q = exoNames.length;
  const means = exoNames.map((nm) => exo[nm].mean ?? 0);
  const sds = exoNames.map((nm) => exo[nm].sd ?? 1);
  exoNames.forEach((nm, i) => {
    if (!Number.isFinite(means[i]))
      throw new PathlabError(`exogenous.${nm}.mean must be a finite number.`, { hint: "Omit mean for 0.", code: "simulate.bad-input" });
    if (!(sds[i] > 0)) throw new PathlabError(`exogenous.${nm}.sd is ${sds[i]}; it must be positive.`, { hint: "Omit sd for 1.", code: "simulate.bad-input" });
  });
  if (!options.exogenousCor) return { exoNames, means, sds, R: exoNames.map((_, i) => exoNames.map((__, j) => (i === j ? 1 : 0))) };
  const R = squareMatrix(options.exogenousCor, "exogenousCor");
  if (R.length !== q)
    throw new PathlabError(`exogenousCor is ${R.length} × ${R.length} but there are ${q} exogenous variables (${exoNames.join(", ")}).`, {
      hint: "Give one row and column per exogenous variable, in the order of `exogenous`.",
      code: "simulate.dimension-mismatch",
    });
  checkCorrelation(R, "exogenousCor", exoNames);
  requirePositiveDefinite(R, "exogenousCor", true);
  return { exoNames, means, sds, R };
}

/** Each equation names a new y, uses only variables defined before it, and gives exactly one of residualSd and r2. Returns the ys in order. */
function checkEquations(equations: StructuralEquation[], exoNames: string[]): string[] {
  const known = new Set(exoNames);
  const ys: string[] = [];
  for (const [ei, e] of equations.entries()) {
    const where = `Equation ${ei + 1} (${e.y})`;
    if (typeof e.y !== "string" || e.y === "")
      throw new PathlabError(`Equation ${ei + 1} has no y.`, {
        hint: 'Name the variable it generates, e.g. { y: "m", terms: [...], r2: 0.2 }.',
        code: "simulate.bad-input",
      });
    if (exoNames.includes(e.y))
      throw new PathlabError(`${where}: "${e.y}" is exogenous and cannot also be generated by an equation.`, {
        hint: `Remove "${e.y}" from exogenous or rename the equation's y.`,
        code: "simulate.bad-model",
      });
    if (ys.includes(e.y))
      throw new PathlabError(`${where}: "${e.y}" is generated by two equations.`, {
        hint: "Merge the two equations' terms into one.",
        code: "simulate.bad-model",
      });
    checkTerms(e, where, known);
    checkResidual(e, where);
    known.add(e.y);
    ys.push(e.y);
  }
  return ys;
}

function checkTerms(e: StructuralEquation, where: string, known: Set<string>): void {
  if (!Array.isArray(e.terms))
    throw new PathlabError(`${where}: terms must be an array.`, {
      hint: 'e.g. terms: [{ vars: ["x"], coef: 0.3 }, { vars: ["x", "w"], coef: 0.1 }].',
      code: "simulate.bad-input",
    });
  for (const t of e.terms) {
    if (!Array.isArray(t.vars) || t.vars.length === 0)
      throw new PathlabError(`${where}: a term has no vars.`, {
        hint: 'Each term multiplies its vars, e.g. { vars: ["x", "w"], coef: 0.1 }.',
        code: "simulate.bad-input",
      });
    if (!Number.isFinite(t.coef))
      throw new PathlabError(`${where}: the coefficient of ${t.vars.join("×")} is ${t.coef}.`, { hint: "Give a finite number.", code: "simulate.bad-input" });
    for (const v of t.vars)
      if (!known.has(v))
        throw new PathlabError(`${where}: unknown variable "${v}".`, {
          hint: `Variables available at this point: ${[...known].join(", ")} (equations are evaluated in order; move the equation generating "${v}" earlier).`,
          code: "simulate.unknown-variable",
        });
  }
}

function checkResidual(e: StructuralEquation, where: string): void {
  const hasSd = e.residualSd !== undefined;
  const hasR2 = e.r2 !== undefined;
  if (hasSd === hasR2)
    throw new PathlabError(`${where}: give exactly one of residualSd and r2.`, {
      hint: "r2 sets the residual SD from the sample; residualSd fixes it.",
      code: "simulate.bad-input",
    });
  if (hasSd && !(e.residualSd! >= 0))
    throw new PathlabError(`${where}: residualSd is ${e.residualSd}; it must be ≥ 0.`, { hint: "An SD cannot be negative.", code: "simulate.bad-input" });
  if (hasR2 && !(e.r2! > 0 && e.r2! < 1))
    throw new PathlabError(`${where}: r2 is ${e.r2}; it must lie in (0, 1).`, { hint: "Write r2 as a proportion, e.g. 0.25.", code: "simulate.bad-input" });
  if (hasR2 && e.terms.length === 0)
    throw new PathlabError(`${where}: r2 needs at least one term.`, { hint: "With no terms, give residualSd instead.", code: "simulate.bad-input" });
}

/**
 * One equation: y = intercept + Σ coef·term + e, the residual scaled to its SD (from r2 or given),
 * projected off [1, terms] first when `exact`; and the OLS fit of y on the terms in the sample for
 * the diagnostics table.
 */
function generateEquation(
  e: StructuralEquation,
  cols: Map<string, Float64Array>,
  n: number,
  r: Rng,
  exact: boolean,
): { y: Float64Array; summary: EquationSummary } {
  const termCols = e.terms.map((t) => {
    const c = new Float64Array(n).fill(1);
    for (const v of t.vars) {
      const x = cols.get(v)!;
      const m = t.center ? sampleMoments([x]).means[0] : 0;
      for (let i = 0; i < n; i++) c[i] *= x[i] - m;
    }
    return c;
  });
  const intercept = e.intercept ?? 0;
  const sys = new Float64Array(n);
  e.terms.forEach((t, k) => axpy(t.coef, termCols[k], sys));
  const sdE = e.r2 !== undefined ? Math.sqrt((variance(sys) * (1 - e.r2)) / e.r2) : e.residualSd!;
  const eps = r.normals(n);
  const design = [new Float64Array(n).fill(1), ...termCols];
  if (exact) {
    const { Q, R: Rm } = qr(design);
    if (Rm.length === 0)
      throw new PathlabError(`Equation for ${e.y}: its terms are collinear in this sample, so exact residuals are impossible.`, {
        hint: "Drop a redundant term, or set exactResiduals: false.",
        code: "simulate.collinear",
      });
    for (let pass = 0; pass < 2; pass++) for (const qv of Q) axpy(-dot(qv, eps), qv, eps);
    const s = Math.sqrt(variance(eps));
    for (let i = 0; i < n; i++) eps[i] *= sdE / s;
  } else for (let i = 0; i < n; i++) eps[i] *= sdE;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = intercept + sys[i] + eps[i];
  const { beta, r2 } = olsDiagnostics(design, y, n);
  return {
    y,
    summary: {
      y: e.y,
      terms: e.terms.map((t, k) => ({
        label: t.vars.map((v) => (t.center ? `(${v} − M)` : v)).join(" × "),
        coef: t.coef,
        estimate: beta[k + 1],
      })),
      intercept,
      interceptEstimate: beta[0],
      residualSd: sdE,
      r2Target: e.r2,
      r2,
    },
  };
}

/** OLS of y on the design by QR (NaN when the design is collinear), with its R². */
function olsDiagnostics(design: Float64Array[], y: Float64Array, n: number): { beta: number[]; r2: number } {
  const { Q, R: Rm } = qr(design);
  if (!Rm.length) return { beta: design.map(() => NaN), r2: NaN };
  const qty = Q.map((qv) => dot(qv, y));
  const beta = new Array<number>(design.length).fill(0);
  for (let i = design.length - 1; i >= 0; i--) {
    let s = qty[i];
    for (let k = i + 1; k < design.length; k++) s -= Rm[i][k] * beta[k];
    beta[i] = s / Rm[i][i];
  }
  const fitted = new Float64Array(n);
  Q.forEach((qv, i) => axpy(qty[i], qv, fitted));
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (y[i] - fitted[i]) ** 2;
  return { beta, r2: 1 - rss / (variance(y) * (n - 1)) };
}

/**
 * Coefficients of y = b0 + b_x·x + b_w·w + b_xw·x·w that reproduce published simple slopes of x at
 * W = M_W − k·SD_W ("low") and M_W + k·SD_W ("high"), k = `levels` (default 1, the usual ±1 SD).
 * The conditional effect of x is θ(W) = b_x + b_xw·W (Hayes, 2022, ch. 7), so
 *   b_xw = (high − low) / (2 k SD_W),   b_x = (high + low)/2 − b_xw · M_W
 * (with `centered: true` the product uses W − M_W and b_x = (high + low)/2).
 */
export function moderationFromSimpleSlopes(spec: { low: number; high: number; sdW: number; meanW?: number; levels?: number; centered?: boolean }): {
  bX: number;
  bXW: number;
} {
  checkOptions("moderationFromSimpleSlopes", spec, {
    low: { kind: "number" },
    high: { kind: "number" },
    sdW: { kind: "number" },
    meanW: { kind: "number" },
    levels: { kind: "number" },
    centered: { kind: "boolean" },
  });
  const k = spec.levels ?? 1;
  if (!(spec.sdW > 0) || !(k > 0))
    throw new PathlabError("sdW and levels must be positive.", { hint: "sdW is the moderator's SD; levels is usually 1 (±1 SD).", code: "simulate.bad-input" });
  const bXW = (spec.high - spec.low) / (2 * k * spec.sdW);
  const mid = (spec.high + spec.low) / 2;
  const bX = spec.centered ? mid : mid - bXW * (spec.meanW ?? 0);
  return { bX, bXW };
}
