/**
 * Summary-statistic algebra: what a published table of means, SDs and correlations determines
 * exactly, before any data are simulated.
 *
 * An OLS regression with an intercept depends on the data only through the sample means and the
 * covariance matrix (divisor N − 1), so the standardised and unstandardised coefficients, their
 * standard errors and t values, R², adjusted R², F and the VIFs of any regression among published
 * variables are functions of the published table (Cohen, Cohen, West & Aiken 2003, §3.5):
 *
 *   b = S_xx⁻¹ s_xy,  R² = s_xyᵀ b / s_yy,  MSE = (N − 1)(s_yy − s_xyᵀ b)/(N − k − 1),
 *   Var(b) = MSE · S_xx⁻¹/(N − 1),  β_j = b_j s_j / s_y,  VIF_j = (R_xx⁻¹)_jj.
 *
 * Linear composites of published variables (an index rad + inc, the mean of four dimensions) have
 * moments w'μ and w'Σv, so they extend the table exactly. Regressions on these moments equal `ols()`
 * on any data set with the same moments (tested).
 *
 * @example
 * const m = momentsOf(record.correlations);
 * regressionFromMoments(m, "iapd", ["dom_perf", "firm_size"]).beta
 */
import { PathlabError } from "../errors";
import { cholesky, invertSPD } from "../math";
import { compositeReliability } from "../measurement/reliability";
import { pf, qt, twoSidedP_t, twoSidedP_z } from "../math";
import type { PublishedCorrelationTable } from "./record";

/** Means, SDs and correlations of named variables from a sample of size n (SD divisor n − 1). */
export interface Moments {
  names: string[];
  means: number[];
  sds: number[];
  cor: number[][];
  n: number;
}

function indexOf(m: Moments, v: string, what: string): number {
  const i = m.names.indexOf(v);
  if (i < 0)
    throw new PathlabError(`${what}: no variable "${v}" in the moments`, {
      hint: `available: ${m.names.join(", ")}`,
      code: "replicate.unknown-variable",
    });
  return i;
}

/**
 * The moments a published correlation table prints. A missing cell must be filled (`fill`, keyed
 * "a|b"); a missing mean or SD becomes NaN (only correlations are then usable) unless filled in
 * `means`/`sds`.
 */
export function momentsOf(
  table: PublishedCorrelationTable,
  options: { fill?: Record<string, number>; means?: Record<string, number>; sds?: Record<string, number> } = {},
): Moments {
  const k = table.names.length;
  const cor = table.r.map((row) => row.slice());
  for (let i = 0; i < k; i++)
    for (let j = 0; j < i; j++) {
      if (!Number.isNaN(cor[i][j])) continue;
      const a = table.names[i];
      const b = table.names[j];
      const v = options.fill?.[`${a}|${b}`] ?? options.fill?.[`${b}|${a}`];
      if (v === undefined)
        throw new PathlabError(`momentsOf(): the correlation of "${a}" and "${b}" is missing in ${table.source}`, {
          hint: `pass fill: { "${a}|${b}": value } with the reading the record documents`,
          code: "replicate.missing-cell",
        });
      cor[i][j] = cor[j][i] = v;
    }
  return {
    names: table.names.slice(),
    means: table.names.map((v, i) => options.means?.[v] ?? table.means[i] ?? NaN),
    sds: table.names.map((v, i) => options.sds?.[v] ?? table.sds[i] ?? NaN),
    cor,
    n: table.n,
  };
}

/** The moments of a subset of the variables, in the order given. */
export function subsetMoments(m: Moments, names: string[]): Moments {
  const idx = names.map((v) => indexOf(m, v, "subsetMoments()"));
  return { names: names.slice(), means: idx.map((i) => m.means[i]), sds: idx.map((i) => m.sds[i]), cor: idx.map((i) => idx.map((j) => m.cor[i][j])), n: m.n };
}

/** Covariance matrix Σ_ij = r_ij s_i s_j. */
export function covarianceOf(m: Moments): number[][] {
  return m.cor.map((row, i) => row.map((r, j) => r * m.sds[i] * m.sds[j]));
}

/**
 * Adds linear composites w'x of existing variables: mean w'μ, covariances w'Σ with every variable.
 * Weights are keyed by variable name, e.g. `{ amc: { coord: 0.25, proact: 0.25, transf: 0.25, learn: 0.25 } }`.
 * Composites may use composites defined earlier in the same call. Correlations with a composite
 * need only the correlations when every weight is applied to standardised inputs; here the SDs are
 * used, so variables entering a composite must have a published SD.
 */
export function withComposites(m: Moments, defs: Record<string, Record<string, number>>): Moments {
  let cur = m;
  for (const [name, weights] of Object.entries(defs)) {
    if (cur.names.includes(name)) throw new PathlabError(`withComposites(): "${name}" already exists`, { code: "replicate.duplicate-variable" });
    const S = covarianceOf(cur);
    const p = cur.names.length;
    const w = new Array<number>(p).fill(0);
    for (const [v, wt] of Object.entries(weights)) {
      const i = indexOf(cur, v, `withComposites(${name})`);
      if (!Number.isFinite(cur.sds[i])) throw new PathlabError(`withComposites(${name}): "${v}" has no SD`, { code: "replicate.missing-sd" });
      w[i] += wt;
    }
    const cov = S.map((row) => row.reduce((a, s, j) => a + s * w[j], 0));
    const varC = cov.reduce((a, c, i) => a + c * w[i], 0);
    const sdC = Math.sqrt(varC);
    const meanC = w.reduce((a, wi, i) => a + (wi === 0 ? 0 : wi * cur.means[i]), 0);
    const cor = cur.cor.map((row, i) => [...row, cov[i] / (cur.sds[i] * sdC)]);
    cor.push([...cov.map((c, i) => c / (cur.sds[i] * sdC)), 1]);
    cur = { names: [...cur.names, name], means: [...cur.means, meanC], sds: [...cur.sds, sdC], cor, n: cur.n };
  }
  return cur;
}

/** A regression computed from moments: the numbers `ols()` reports, term by term. */
export interface MomentRegression {
  y: string;
  x: string[];
  n: number;
  /** Unstandardised slopes b (intercept not included). */
  b: number[];
  /** Standardised slopes β = b s_x / s_y. */
  beta: number[];
  se: number[];
  t: number[];
  /**
   * The critical ratio an ML path model of the same variables prints (AMOS: Wishart likelihood,
   * exogenous moments fixed): the ML standard error uses the residual variance with divisor N − 1
   * instead of N − k − 1, so z = t √((N − 1)/(N − k − 1)).
   */
  z: number[];
  p: number[];
  ciLower: number[];
  ciUpper: number[];
  vif: number[];
  intercept: number;
  r2: number;
  adjR2: number;
  F: number;
  df1: number;
  df2: number;
  pF: number;
  /** Residual variance s_y²(1 − R²)(N − 1)/(N − k − 1). */
  mse: number;
}

/**
 * OLS of y on x (with intercept) from moments alone. Needs SDs for the unstandardised numbers
 * (b, se, CI, intercept); with NaN SDs only the standardised ones (β, t, p, R², F, VIF) are finite.
 */
export function regressionFromMoments(m: Moments, y: string, x: string[], options: { conf?: number } = {}): MomentRegression {
  const iy = indexOf(m, y, "regressionFromMoments()");
  const ix = x.map((v) => indexOf(m, v, "regressionFromMoments()"));
  const k = ix.length;
  const n = m.n;
  const df2 = n - k - 1;
  if (!(df2 > 0))
    throw new PathlabError(`regressionFromMoments(): ${k} predictors need more than ${k + 1} cases (n = ${n})`, { code: "replicate.too-few-cases" });
  const Rxx = ix.map((i) => ix.map((j) => m.cor[i][j]));
  const rxy = ix.map((i) => m.cor[i][iy]);
  const Rinv = invertSPD(Rxx, x);
  const beta = Rinv.map((row) => row.reduce((a, v, j) => a + v * rxy[j], 0));
  const r2 = beta.reduce((a, bj, j) => a + bj * rxy[j], 0);
  const sdY = m.sds[iy];
  const sdX = ix.map((i) => m.sds[i]);
  const b = beta.map((bj, j) => (bj * sdY) / sdX[j]);
  // Standardised residual variance (1 − R²)/df2 per unit of y's variance; se(β_j)² = that × (R⁻¹)_jj × (n − 1)/(n − 1).
  const sBeta = beta.map((_, j) => Math.sqrt(((1 - r2) / df2) * Rinv[j][j]));
  const t = beta.map((bj, j) => bj / sBeta[j]);
  const se = sBeta.map((s, j) => (s * sdY) / sdX[j]);
  const crit = qt(1 - (1 - (options.conf ?? 0.95)) / 2, df2);
  const F = k > 0 ? r2 / k / ((1 - r2) / df2) : NaN;
  return {
    y,
    x: x.slice(),
    n,
    b,
    beta,
    se,
    t,
    z: t.map((v) => v * Math.sqrt((n - 1) / df2)),
    p: t.map((v) => twoSidedP_t(v, df2)),
    ciLower: b.map((v, j) => v - crit * se[j]),
    ciUpper: b.map((v, j) => v + crit * se[j]),
    vif: Rinv.map((row, j) => row[j]),
    intercept: m.means[iy] - b.reduce((a, bj, j) => a + bj * m.means[ix[j]], 0),
    r2,
    adjR2: 1 - ((1 - r2) * (n - 1)) / df2,
    F,
    df1: k,
    df2,
    pF: k > 0 ? pf(F, k, df2, false) : NaN,
    mse: (sdY * sdY * (1 - r2) * (n - 1)) / df2,
  };
}

/** The coefficient of one term of a moment regression (b, β, se, t, p, CI, VIF). */
export function termOf(
  r: MomentRegression,
  term: string,
): { b: number; beta: number; se: number; t: number; p: number; ciLower: number; ciUpper: number; vif: number } {
  const j = r.x.indexOf(term);
  if (j < 0) throw new PathlabError(`no term "${term}" in the regression of ${r.y}`, { hint: `terms: ${r.x.join(", ")}`, code: "replicate.unknown-term" });
  return { b: r.b[j], beta: r.beta[j], se: r.se[j], t: r.t[j], p: r.p[j], ciLower: r.ciLower[j], ciUpper: r.ciUpper[j], vif: r.vif[j] };
}

/** Partial correlation of a and b given the variables in `given` (from the inverse correlation matrix). */
export function partialCorrelation(m: Moments, a: string, b: string, given: string[] = []): number {
  const names = [a, b, ...given];
  const idx = names.map((v) => indexOf(m, v, "partialCorrelation()"));
  const P = invertSPD(
    idx.map((i) => idx.map((j) => m.cor[i][j])),
    names,
  );
  return -P[0][1] / Math.sqrt(P[0][0] * P[1][1]);
}

/** A mediation model (PROCESS model 4, parallel mediators) computed from moments. */
export interface MomentMediation {
  /** X → M_i regressions (with the covariates). */
  a: MomentRegression[];
  /** Y on X, the mediators and the covariates: b paths and the direct effect c′. */
  outcome: MomentRegression;
  /** Y on X and the covariates: the total effect c. */
  total: MomentRegression;
  mediators: string[];
  /** Unstandardised indirect effects a_i b_i. */
  indirect: number[];
  /** Completely standardised indirect effects a_i b_i s_X / s_Y (PROCESS `stand`). */
  indirectStandardized: number[];
  /** Sobel (1982) first-order test: SE = √(a²s_b² + b²s_a²), z, two-sided p. */
  sobel: { se: number; z: number; p: number }[];
}

/** Mediation by OLS from moments: the paths PROCESS model 4 estimates, without resampling. */
export function mediationFromMoments(m: Moments, spec: { x: string; m: string[]; y: string; cov?: string[] }): MomentMediation {
  const cov = spec.cov ?? [];
  const a = spec.m.map((med) => regressionFromMoments(m, med, [spec.x, ...cov]));
  const outcome = regressionFromMoments(m, spec.y, [spec.x, ...spec.m, ...cov]);
  const total = regressionFromMoments(m, spec.y, [spec.x, ...cov]);
  const sdX = m.sds[indexOf(m, spec.x, "mediationFromMoments()")];
  const sdY = m.sds[indexOf(m, spec.y, "mediationFromMoments()")];
  const indirect: number[] = [];
  const sobel: { se: number; z: number; p: number }[] = [];
  spec.m.forEach((med, i) => {
    const ai = termOf(a[i], spec.x);
    const bi = termOf(outcome, med);
    const ab = ai.b * bi.b;
    const se = Math.sqrt(ai.b * ai.b * bi.se * bi.se + bi.b * bi.b * ai.se * ai.se);
    indirect.push(ab);
    sobel.push({ se, z: ab / se, p: twoSidedP_z(ab / se) });
  });
  return { a, outcome, total, mediators: spec.m.slice(), indirect, indirectStandardized: indirect.map((v) => (v * sdX) / sdY), sobel };
}

/**
 * Population moments of items implied by a congeneric measurement model that reproduces the
 * composite table exactly: each scale's items have standardised loadings λ, equal SDs and means
 * equal to the composite mean; the factors correlate r_ab / √(ρ_a ρ_b) (the composite correlations
 * disattenuated by the composites' reliabilities ρ, single indicators with ρ = 1), and the item SD s
 * is chosen so that the item mean has the published SD: s² = SD² m² / Σ_ij C_ij with C_ij = λ_iλ_j
 * (i ≠ j), 1 (i = j). Throws when the disattenuated correlations are not a correlation matrix.
 */
export function congenericItemMoments(m: Moments, scales: Record<string, { items: string[]; loadings: number[] }>, singles: string[]): Moments {
  const owners: string[] = [];
  const names: string[] = [];
  const lam: number[] = [];
  for (const [c, s] of Object.entries(scales)) {
    if (s.items.length !== s.loadings.length)
      throw new PathlabError(`congenericItemMoments(): scale "${c}" has ${s.items.length} items but ${s.loadings.length} loadings`, {
        code: "replicate.bad-scale",
      });
    s.items.forEach((it, j) => {
      owners.push(c);
      names.push(it);
      lam.push(s.loadings[j]);
    });
  }
  for (const v of singles) {
    owners.push(v);
    names.push(v);
    lam.push(1);
  }
  const rel: Record<string, number> = {};
  const itemSd: Record<string, number> = {};
  for (const [c, s] of Object.entries(scales)) {
    rel[c] = compositeReliability(s.loadings);
    const k = s.loadings.length;
    let sum = 0;
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) sum += i === j ? 1 : s.loadings[i] * s.loadings[j];
    itemSd[c] = m.sds[indexOf(m, c, "congenericItemMoments()")] / Math.sqrt(sum / (k * k));
  }
  const constructs = [...Object.keys(scales), ...singles];
  const ci = constructs.map((c) => indexOf(m, c, "congenericItemMoments()"));
  const phi = constructs.map((a, i) => constructs.map((b, j) => (i === j ? 1 : m.cor[ci[i]][ci[j]] / Math.sqrt((rel[a] ?? 1) * (rel[b] ?? 1)))));
  try {
    cholesky(phi, constructs);
  } catch {
    throw new PathlabError("congenericItemMoments(): the disattenuated correlations are not a correlation matrix", {
      hint: "some composite correlations exceed what the loadings' reliabilities allow; fit the composites instead of items",
      code: "replicate.not-positive-definite",
    });
  }
  const pos = owners.map((o) => constructs.indexOf(o));
  const cor = names.map((_, i) => names.map((__, j) => (i === j ? 1 : lam[i] * lam[j] * phi[pos[i]][pos[j]])));
  return {
    names,
    means: owners.map((o) => m.means[indexOf(m, o, "congenericItemMoments()")]),
    sds: owners.map((o) => itemSd[o] ?? m.sds[indexOf(m, o, "congenericItemMoments()")]),
    cor,
    n: m.n,
  };
}

/** The moments as the `{ cov, means, n, names }` input `sem()`/`cfa()` accept. */
export function semInput(m: Moments): { cov: number[][]; means: number[]; n: number; names: string[] } {
  return { cov: covarianceOf(m), means: m.means.slice(), n: m.n, names: m.names.slice() };
}
