/**
 * The shared formula tier: closed-form statistics that several analyses and the replication checks
 * compute from numbers they already have — the way lavaan keeps "lower-level functions" (lav_fit_*)
 * apart from the fitted object. Each takes plain numbers, validates nothing beyond its stated
 * preconditions, and is the one implementation its callers share:
 *
 * - p values: two-sided p of t or z, r → p for a Pearson correlation, the critical |r| of a test;
 * - significance stars under a legend;
 * - RMSEA from χ², df and N;
 * - composite reliability and average variance extracted from standardised loadings;
 * - the Wald F of a subset of coefficients.
 *
 * @example
 * twoSidedP(2.1, 30)                          // 0.0442…
 * correlationPValue(0.3, 50)                  // 0.0343…
 * rmsea(85.3, 24, 301)                        // 0.0921…
 * compositeReliabilityFromLoadings([0.7, 0.8, 0.75]) // 0.795…
 */
import { PathlabError } from "../errors";
import { pt, twoSidedP_t, twoSidedP_z } from "./distributions";
import { invertSPD } from "./linalg";
import { incBeta } from "./special";

// ---------------------------------------------------------------------------------------------
// p values

/**
 * Two-sided p of a t statistic on `df` degrees of freedom, 2·P(T > |t|), or of a z statistic when
 * df is undefined or Infinity, 2·P(Z > |z|); computed from the upper tail, capped at 1.
 */
export function twoSidedP(stat: number, df?: number): number {
  return df === undefined || !Number.isFinite(df) ? twoSidedP_z(stat) : twoSidedP_t(stat, df);
}

/**
 * Two-sided p of a Pearson correlation r on n cases (the t test on n − 2 df, as R's cor.test):
 * p = I_{1−r²}((n − 2)/2, ½), the regularised incomplete beta form of 2·P(T > |r|√((n−2)/(1−r²))),
 * exact also for |r| near 1. NaN when n ≤ 2 or r is not finite; 0 for |r| ≥ 1.
 */
export function correlationPValue(r: number, n: number): number {
  const df = n - 2;
  if (!(df > 0) || !Number.isFinite(r)) return NaN;
  const r2 = r * r;
  if (r2 >= 1) return 0;
  return incBeta(1 - r2, df / 2, 0.5, true, r2);
}

/** Critical |r| of a two-sided test at level alpha with n cases (bisection on the t test's p). */
export function criticalR(alpha: number, n: number): number {
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 60; k++) {
    const m = (lo + hi) / 2;
    const t = (m * Math.sqrt(n - 2)) / Math.sqrt(1 - m * m);
    if (2 * pt(t, n - 2, false) > alpha) lo = m;
    else hi = m;
  }
  return (lo + hi) / 2;
}

// ---------------------------------------------------------------------------------------------
// Significance stars

/** The conventional legend: *** p < .001, ** p < .01, * p < .05. */
export const STARS_DEFAULT: Readonly<Record<string, number>> = Object.freeze({ "***": 0.001, "**": 0.01, "*": 0.05 });

/** The conventional legend with a dagger: † p < .10. */
export const STARS_DAGGER: Readonly<Record<string, number>> = Object.freeze({ ...STARS_DEFAULT, "†": 0.1 });

/** Rank of each star mark, from none to three stars. */
export const STAR_RANK: Readonly<Record<string, number>> = Object.freeze({ "": 0, "†": 1, "*": 2, "**": 3, "***": 4 });

/**
 * The marks a p value earns under a legend (mark → threshold, p < threshold): the highest-ranked
 * mark whose threshold p is below; "" when none or when p is not a finite number.
 */
export function starsFor(p: number | null | undefined, legend: Readonly<Record<string, number>> = STARS_DEFAULT): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return "";
  let best = "";
  for (const [mark, threshold] of Object.entries(legend)) if (p < threshold && (STAR_RANK[mark] ?? 0) > (STAR_RANK[best] ?? 0)) best = mark;
  return best;
}

// ---------------------------------------------------------------------------------------------
// Fit and reliability

/**
 * RMSEA = √max(χ²/(N·df) − 1/N′, 0) (Steiger 1990; Browne & Cudeck 1993), with N′ = N by default.
 * lavaan's convention is N = N′ = the sample size; the "N − 1" convention passes N − 1 for both;
 * psych's fa uses N for the first term and N − 1 for the second. NaN for df ≤ 0.
 */
export function rmsea(chisq: number, df: number, n: number, nPenalty = n): number {
  if (!(df > 0)) return NaN;
  return Math.sqrt(Math.max(chisq / n / df - 1 / nPenalty, 0));
}

/**
 * Composite (construct) reliability from k standardised loadings: CR = (Σλ)² / ((Σλ)² + Σ(1 − λ²))
 * (Fornell & Larcker 1981, JMR 18(1)), error variances θ = 1 − λ².
 */
export function compositeReliabilityFromLoadings(loadings: readonly number[]): number {
  let s = 0;
  let e = 0;
  for (const l of loadings) {
    s += l;
    e += 1 - l * l;
  }
  return (s * s) / (s * s + e);
}

/** Average variance extracted from k standardised loadings: AVE = Σλ² / k (Fornell & Larcker 1981). */
export function aveFromLoadings(loadings: readonly number[]): number {
  let s = 0;
  for (const l of loadings) s += l * l;
  return s / loadings.length;
}

// ---------------------------------------------------------------------------------------------
// Tests

/**
 * Wald F = bᵀ V⁻¹ b / q for the q coefficients at `idx` of `coef`, with V their block of `vcov`
 * (any covariance estimator: OLS, HC, 2SLS). Throws a PathlabError when that block is not
 * positive definite.
 */
export function waldF(coef: ArrayLike<number>, vcov: readonly (readonly number[])[], idx: readonly number[]): number {
  if (idx.length === 0)
    throw new PathlabError("waldF: no coefficients to test.", { code: "math.dimension-mismatch", hint: "Pass the indices of at least one coefficient." });
  const V = idx.map((i) => idx.map((j) => vcov[i][j]));
  const Vi = invertSPD(V);
  let s = 0;
  for (let a = 0; a < idx.length; a++) for (let b = 0; b < idx.length; b++) s += coef[idx[a]] * Vi[a][b] * coef[idx[b]];
  return s / idx.length;
}
