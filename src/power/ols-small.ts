/**
 * An allocation-free least-squares fit for the simulation's inner loop: a handful of predictors
 * plus an intercept, refitted thousands of times on buffers of the same size. It forms X'X and X'y
 * in one pass, inverts X'X by Cholesky (Golub & Van Loan, 2013, §4.2; the kernels of src/math) and returns coefficients,
 * σ̂² = RSS / (n − p) and the unscaled inverse (X'X)⁻¹, all in preallocated arrays. The general
 * regression code (src/regression/ols-core.ts) validates and reports; this one only computes, so the
 * caller guarantees well-posed inputs (simulated continuous data, n > p).
 */

import { choleskyInPlace, inverseFromCholesky } from "../math";

export class SmallOls {
  /** Number of coefficients including the intercept. */
  readonly p: number;
  readonly coef: Float64Array;
  /** (X'X)⁻¹, row-major p × p. */
  readonly xtxInv: Float64Array;
  sigma2 = NaN;
  private readonly xtx: Float64Array;
  private readonly xty: Float64Array;
  private readonly chol: Float64Array;
  private readonly row: Float64Array;
  private readonly tmp: Float64Array;

  constructor(predictors: number) {
    const p = predictors + 1;
    this.p = p;
    this.coef = new Float64Array(p);
    this.xtxInv = new Float64Array(p * p);
    this.xtx = new Float64Array(p * p);
    this.xty = new Float64Array(p);
    this.chol = new Float64Array(p * p);
    this.row = new Float64Array(p);
    this.tmp = new Float64Array(p * p);
  }

  /**
   * Fits y on the columns `x` (intercept added here) over rows `idx[0..n)` (or 0..n when idx is
   * null, the bootstrap passes resampled row numbers). Returns false if X'X is not positive definite.
   */
  fit(x: Float64Array[], y: Float64Array, n: number, idx: Int32Array | null = null): boolean {
    const p = this.p;
    const k = p - 1;
    const xtx = this.xtx;
    const xty = this.xty;
    const row = this.row;
    xtx.fill(0);
    xty.fill(0);
    row[0] = 1;
    for (let ii = 0; ii < n; ii++) {
      const i = idx ? idx[ii] : ii;
      for (let j = 0; j < k; j++) row[j + 1] = x[j][i];
      const yi = y[i];
      for (let a = 0; a < p; a++) {
        const ra = row[a];
        xty[a] += ra * yi;
        for (let b = 0; b <= a; b++) xtx[a * p + b] += ra * row[b];
      }
    }
    // Cholesky X'X = L L' (lower triangle; X'X's upper triangle is zero), a pivot small against
    // its own diagonal entry meaning collinearity; then (X'X)⁻¹ = L⁻ᵀ L⁻¹.
    const L = this.chol;
    L.set(xtx);
    if (choleskyInPlace(L, p, 1e-12, false, true) >= 0) return false;
    const inv = inverseFromCholesky(L, p, this.xtxInv, this.tmp);
    const coef = this.coef;
    for (let a = 0; a < p; a++) {
      let t = 0;
      for (let b = 0; b < p; b++) t += inv[a * p + b] * xty[b];
      coef[a] = t;
    }
    let rss = 0;
    for (let ii = 0; ii < n; ii++) {
      const i = idx ? idx[ii] : ii;
      let f = coef[0];
      for (let j = 0; j < k; j++) f += coef[j + 1] * x[j][i];
      const e = y[i] - f;
      rss += e * e;
    }
    this.sigma2 = rss / (n - p);
    return true;
  }

  /** Standard error of coefficient j (0 = intercept). */
  se(j: number): number {
    return Math.sqrt(this.sigma2 * this.xtxInv[j * this.p + j]);
  }
}
