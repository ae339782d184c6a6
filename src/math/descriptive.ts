/**
 * Descriptive primitives on numeric arrays — the means, variances, SDs, centring, median and
 * covariance matrix that every module uses (the table-level `describe`, `center` and `standardize`
 * build on them).
 *
 * Two means, because callers need two numerical behaviours and results must not move by a bit when
 * a module switches to this file:
 * - `mean`: the one-pass Σxᵢ/n, the textbook formula;
 * - `accurateMean`: R's two-pass mean, x̄ = s/n + Σ(xᵢ − s/n)/n with s = Σxᵢ, whose second pass
 *   removes most of the first pass's rounding error (R's mean.default, and the centring of R's
 *   cov and lm); regression and correlation centre with it.
 * `variance` is Σ(xᵢ − x̄)²/(n − 1) about the one-pass mean (R's var up to that rounding); `sd`
 * is computed on x/max|x| and scaled back, so that 1e-200 or 1e200 keep their relative precision
 * (squares of such values would underflow or overflow).
 *
 * @example
 * mean([1, 2, 3, 4])     // 2.5
 * variance([1, 2, 3, 4]) // 1.6666666666666667
 * sd([1, 2, 3, 4])       // 1.2909944487358056
 */

/** Σ xᵢ, in index order. */
export function sum(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

/** Arithmetic mean Σxᵢ/n in one pass; NaN for no values. */
export function mean(x: ArrayLike<number>): number {
  return sum(x) / x.length;
}

/** R's two-pass mean (see the module comment); NaN for no values. */
export function accurateMean(x: ArrayLike<number>): number {
  const n = x.length;
  const m = sum(x) / n;
  let c = 0;
  for (let i = 0; i < n; i++) c += x[i] - m;
  return m + c / n;
}

/** Sample variance Σ(xᵢ − x̄)²/(n − 1) about the one-pass mean; NaN for fewer than two values. */
export function variance(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return NaN;
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i] - m) * (x[i] - m);
  return s / (n - 1);
}

/**
 * Sample standard deviation (n − 1 denominator), computed on x/max|x| so that squares of tiny or
 * huge values neither under- nor overflow; 0 for all-zero values, NaN for fewer than two values.
 */
export function sd(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return NaN;
  let big = 0;
  for (let i = 0; i < n; i++) big = Math.max(big, Math.abs(x[i]));
  if (big === 0) return 0;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i] / big;
  m /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i] / big - m) * (x[i] / big - m);
  return big * Math.sqrt(s / (n - 1));
}

/**
 * Mean (one pass) and SD (√variance) of the values that are not NaN (NaN marks a missing value),
 * with their count.
 */
export function meanSdNonMissing(x: ArrayLike<number>): { mean: number; sd: number; n: number } {
  const present: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) present.push(x[i]);
  return { mean: mean(present), sd: Math.sqrt(variance(present)), n: present.length };
}

/** The values minus `center`: by default their two-pass mean (`accurateMean`), as R's cov centres. */
export function centred(x: ArrayLike<number>, center: number = accurateMean(x)): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < out.length; i++) out[i] = x[i] - center;
  return out;
}

/** Median (the middle value, or the mean of the two middle values); NaN for no values. */
export function median(x: ArrayLike<number>): number {
  if (x.length === 0) return NaN;
  const s = new Float64Array(x).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Sample covariance matrix (n − 1 denominator) of equal-length columns, centred at their one-pass means. */
export function covarianceMatrix(columns: ArrayLike<number>[]): number[][] {
  const p = columns.length;
  const n = p ? columns[0].length : 0;
  const c = columns.map((x) => centred(x, mean(x)));
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
