/**
 * An allocation-free least-squares fit for the simulation's inner loop: a handful of predictors
 * plus an intercept, refitted thousands of times on buffers of the same size. It forms X'X and X'y
 * in one pass, inverts X'X by Cholesky (Golub & Van Loan, 2013, §4.2) and returns coefficients,
 * σ̂² = RSS / (n − p) and the unscaled inverse (X'X)⁻¹, all in preallocated arrays. The general
 * regression code (src/regression/ols-core.ts) validates and reports; this one only computes, so the
 * caller guarantees well-posed inputs (simulated continuous data, n > p).
 */

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

  constructor(predictors: number) {
    const p = predictors + 1;
    this.p = p;
    this.coef = new Float64Array(p);
    this.xtxInv = new Float64Array(p * p);
    this.xtx = new Float64Array(p * p);
    this.xty = new Float64Array(p);
    this.chol = new Float64Array(p * p);
    this.row = new Float64Array(p);
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
    // Cholesky X'X = L L' (lower triangle).
    const L = this.chol;
    L.fill(0);
    for (let j = 0; j < p; j++) {
      let s = xtx[j * p + j];
      for (let m = 0; m < j; m++) s -= L[j * p + m] * L[j * p + m];
      if (!(s > 1e-12 * Math.max(1, xtx[j * p + j]))) return false;
      const ljj = Math.sqrt(s);
      L[j * p + j] = ljj;
      for (let i = j + 1; i < p; i++) {
        let t = xtx[i * p + j];
        for (let m = 0; m < j; m++) t -= L[i * p + m] * L[j * p + m];
        L[i * p + j] = t / ljj;
      }
    }
    // (X'X)⁻¹ column by column: solve L L' z = e_c.
    const inv = this.xtxInv;
    for (let c = 0; c < p; c++) {
      for (let i = 0; i < p; i++) {
        let t = i === c ? 1 : 0;
        for (let m = 0; m < i; m++) t -= L[i * p + m] * inv[m * p + c];
        inv[i * p + c] = t / L[i * p + i];
      }
      for (let i = p - 1; i >= 0; i--) {
        let t = inv[i * p + c];
        for (let m = i + 1; m < p; m++) t -= L[m * p + i] * inv[m * p + c];
        inv[i * p + c] = t / L[i * p + i];
      }
    }
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
