/**
 * Rank correlations as R's `cor(x, method = "spearman" | "kendall", use = …)` computes them:
 *
 *   Spearman's ρ = Pearson's r of the average ranks (ties share the mean of their ranks)
 *   Kendall's τ_b = (C − D) / √((n₀ − n₁)(n₀ − n₂)),  n₀ = n(n − 1)/2, n₁ = Σ t(t − 1)/2 over the
 *                   ties of x, n₂ the same for y (Kendall 1945), C − D = n₀ − n₁ − n₂ + n₃ − 2S with
 *                   n₃ the joint ties and S the discordant swaps counted by a merge sort on y after
 *                   sorting on (x, y) (Knight 1966, JASA 61: O(n log n)).
 *
 * With `use = "pairwise"` each pair uses the rows complete on both variables (ranked afresh, as R
 * does); with "complete" the rows complete on every variable.
 *
 * @example
 * spearman(Float64Array.from([1, 2, 3, 4]), Float64Array.from([1, 3, 2, 4])); // 0.8
 * kendallTauB(Float64Array.from([1, 2, 3, 4]), Float64Array.from([1, 3, 2, 4])); // 0.6667
 */
import { correlationMatrix } from "./correlation";

/** Average ranks (1-based; ties get the mean of the ranks they span). */
export function averageRanks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b]);
  const r = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && x[idx[j + 1]] === x[idx[i]]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[idx[k]] = avg;
    i = j + 1;
  }
  return r;
}

function pearson(a: Float64Array, b: Float64Array): number {
  return correlationMatrix([a, b])[0][1];
}

/** Spearman's ρ of two complete vectors. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return pearson(averageRanks(x), averageRanks(y));
}

/** Σ t(t − 1)/2 over runs of equal values in a sorted array. */
function tiePairs(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; ) {
    let j = i;
    while (j + 1 < v.length && v[j + 1] === v[i]) j++;
    const t = j - i + 1;
    s += (t * (t - 1)) / 2;
    i = j + 1;
  }
  return s;
}

/** Kendall's τ_b of two complete vectors (Knight's algorithm; see the module comment). */
export function kendallTauB(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || y[a] - y[b]);
  const xs = Float64Array.from(order, (i) => x[i]);
  let ys = Float64Array.from(order, (i) => y[i]);
  const n0 = (n * (n - 1)) / 2;
  const n1 = tiePairs(xs);
  let n3 = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && xs[j + 1] === xs[i] && ys[j + 1] === ys[i]) j++;
    const t = j - i + 1;
    n3 += (t * (t - 1)) / 2;
    i = j + 1;
  }
  // bottom-up merge sort of ys counting the swaps needed (strict inversions)
  let swaps = 0;
  let buf = new Float64Array(n);
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (ys[j] < ys[i]) {
          swaps += mid - i;
          buf[k++] = ys[j++];
        } else buf[k++] = ys[i++];
      }
      while (i < mid) buf[k++] = ys[i++];
      while (j < hi) buf[k++] = ys[j++];
    }
    [ys, buf] = [buf, ys];
  }
  const n2 = tiePairs(ys);
  const s = n0 - n1 - n2 + n3 - 2 * swaps;
  return s / Math.sqrt((n0 - n1) * (n0 - n2));
}

/**
 * Matrix of Spearman or Kendall correlations of columns with NaN for missing values, under `use`
 * (see the module comment). Undefined correlations (a constant variable) are NaN.
 */
export function rankCorrelationMatrix(columns: Float64Array[], method: "spearman" | "kendall", use: "pairwise" | "complete"): number[][] {
  const p = columns.length;
  const n = columns[0]?.length ?? 0;
  let cols = columns;
  if (use === "complete") {
    const keep: number[] = [];
    for (let i = 0; i < n; i++) if (columns.every((c) => c[i] === c[i])) keep.push(i);
    cols = columns.map((c) => Float64Array.from(keep, (i) => c[i]));
  }
  const R: number[][] = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (__, j) => (i === j ? 1 : NaN)));
  for (let a = 0; a < p; a++)
    for (let b = 0; b < a; b++) {
      const rows: number[] = [];
      for (let i = 0; i < cols[a].length; i++) if (cols[a][i] === cols[a][i] && cols[b][i] === cols[b][i]) rows.push(i);
      const x = Float64Array.from(rows, (i) => cols[a][i]);
      const y = Float64Array.from(rows, (i) => cols[b][i]);
      const r = rows.length < 2 ? NaN : method === "spearman" ? spearman(x, y) : kendallTauB(x, y);
      R[a][b] = R[b][a] = r;
    }
  return R;
}
