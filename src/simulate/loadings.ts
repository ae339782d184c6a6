/**
 * One-factor loadings of a block of items by iterated principal axis factoring (psych::fa with
 * fm = "pa", nfactors = 1): communalities start at the squared multiple correlations
 * h²_i = 1 − 1/(R⁻¹)_ii, the reduced correlation matrix R − diag(1 − h²) is eigen-decomposed and
 * λ = √ν₁ v₁ (sign so that Σλ > 0), h² = λ², repeated until the communalities change by less than
 * `tol` (Harman 1976, ch. 8). Simulation recipes use it to compare the loadings of rounded items
 * with the published ones.
 *
 * @example
 * oneFactorLoadings(sampleMoments([x1, x2, x3, x4]).cor) // ≈ the generating loadings
 */
import { invertSPD, symEigen } from "../math";

export function oneFactorLoadings(R: number[][], options: { maxIter?: number; tol?: number } = {}): number[] {
  const k = R.length;
  const Rinv = invertSPD(R);
  let h = Rinv.map((row, i) => 1 - 1 / row[i]);
  let l: number[] = new Array<number>(k).fill(0);
  for (let it = 0; it < (options.maxIter ?? 50); it++) {
    const Rr = R.map((row, i) => row.map((v, j) => (i === j ? h[i] : v)));
    const e = symEigen(Rr);
    const sq = Math.sqrt(Math.max(e.values[0], 0));
    l = e.vectors.map((row) => row[0] * sq);
    if (l.reduce((a, b) => a + b, 0) < 0) l = l.map((v) => -v);
    const next = l.map((v) => v * v);
    const change = Math.max(...next.map((v, i) => Math.abs(v - h[i])));
    h = next;
    if (change < (options.tol ?? 1e-9)) break;
  }
  return l;
}
