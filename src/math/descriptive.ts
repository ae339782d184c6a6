/**
 * Descriptive primitives on numeric arrays — the one mean, variance, SD, centring, median and
 * covariance matrix of pathlab (the table-level `describe`, `center` and `standardize` build on them).
 *
 * - mean: R's two-pass mean, x̄ = s/n + Σ(xᵢ − s/n)/n with s = Σxᵢ (the second pass removes most of
 *   the first pass's rounding error, as R's mean.default does);
 * - variance: Σ(xᵢ − x̄)²/(n − 1) (R's var); when the largest |xᵢ| is so small or so large that the
 *   squares would underflow or overflow, the values are first divided by it and the result scaled
 *   back, so 1e-200 or 1e200 keep their relative precision;
 * - sd = √variance; NaN for fewer than two values.
 *
 * @example
 * mean([1, 2, 3, 4]) // 2.5
 * sd([1, 2, 3, 4])   // 1.2909944487358056
 */

/** Σ xᵢ. */
export function sum(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

/** Arithmetic mean by R's two-pass algorithm (see the module comment); NaN for no values. */
export function mean(x: ArrayLike<number>): number {
  const n = x.length;
  if (n === 0) return NaN;
  const m = sum(x) / n;
  let c = 0;
  for (let i = 0; i < n; i++) c += x[i] - m;
  return m + c / n;
}

/** Squares of |x| below this or above its inverse lose precision: rescale before squaring. */
const SCALE_LIMIT = 1e-150;

function scaledBy(x: ArrayLike<number>, big: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < out.length; i++) out[i] = x[i] / big;
  return out;
}

/** Sample variance Σ(xᵢ − x̄)²/(n − 1) (R's var), rescaled when squares would under- or overflow; NaN for n < 2. */
export function variance(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return NaN;
  let big = 0;
  for (let i = 0; i < n; i++) big = Math.max(big, Math.abs(x[i]));
  if (big === 0) return 0;
  if (big !== big) return NaN;
  if (big < SCALE_LIMIT || big > 1 / SCALE_LIMIT) {
    return big * big * variance(scaledBy(x, big));
  }
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i] - m) * (x[i] - m);
  return s / (n - 1);
}

/** Sample standard deviation (n − 1 denominator), √variance; NaN for n < 2. */
export function sd(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return NaN;
  let big = 0;
  for (let i = 0; i < n; i++) big = Math.max(big, Math.abs(x[i]));
  // scale here rather than through variance(), whose big² would overflow for huge values
  if (big > 0 && big === big && (big < SCALE_LIMIT || big > 1 / SCALE_LIMIT)) return big * sd(scaledBy(x, big));
  return Math.sqrt(variance(x));
}

/** Mean, SD and count of the values that are not NaN (NaN marks a missing value). */
export function meanSdNonMissing(x: ArrayLike<number>): { mean: number; sd: number; n: number } {
  const present: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) present.push(x[i]);
  return { mean: mean(present), sd: sd(present), n: present.length };
}

/** The values minus their mean (two-pass mean). */
export function centred(x: ArrayLike<number>): Float64Array {
  const m = mean(x);
  const out = new Float64Array(x.length);
  for (let i = 0; i < out.length; i++) out[i] = x[i] - m;
  return out;
}

/** Median (the middle value, or the mean of the two middle values); NaN for no values. */
export function median(x: ArrayLike<number>): number {
  if (x.length === 0) return NaN;
  const s = new Float64Array(x).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Sample covariance matrix (n − 1 denominator) of equal-length columns. */
export function covarianceMatrix(columns: ArrayLike<number>[]): number[][] {
  const p = columns.length;
  const n = p ? columns[0].length : 0;
  const c = columns.map(centred);
  const S: number[][] = [];
  for (let i = 0; i < p; i++) S.push(new Array<number>(p));
  for (let i = 0; i < p; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      const a = c[i];
      const b = c[j];
      for (let k = 0; k < n; k++) s += a[k] * b[k];
      S[i][j] = S[j][i] = s / (n - 1);
    }
  return S;
}
