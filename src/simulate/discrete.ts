/**
 * Discrete columns with target correlations: codes are placed, not drawn, because counts per code
 * are published (Table 1 percentages) while the correlations between coded variables are not
 * exactly attainable; swaps of cases move the correlations toward their targets.
 */
import { PathlabError } from "../errors";
import { sampleMoments } from "./moments";
import type { Rng } from "./rng";

function corOf(a: Float64Array, b: Float64Array): number {
  return sampleMoments([a, b]).cor[0][1];
}

/** A column with the given value counts in a random order. */
export function shuffledCounts(values: number[], counts: number[], r: Rng): Float64Array {
  const out: number[] = [];
  values.forEach((v, i) => {
    for (let k = 0; k < counts[i]; k++) out.push(v);
  });
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return Float64Array.from(out);
}

/**
 * Swaps entries within discrete columns until every pairwise correlation is within `tol` of its
 * target: improvements are kept, and a sideways move near the target half the time (a random walk
 * on the lattice of attainable correlations, where single improving swaps alone can stall). Counts
 * of integer codes cannot hit a correlation more finely than about 1/n, so `tol` should not be
 * smaller. Modifies `cols` in place; throws when 200 000 swaps do not get there.
 */
export function arrangeCorrelations(cols: Float64Array[], target: number[][], r: Rng, tol = 0.0025): void {
  const q = cols.length;
  const loss = () => {
    let s = 0;
    let worst = 0;
    for (let a = 0; a < q; a++)
      for (let b = a + 1; b < q; b++) {
        const d = corOf(cols[a], cols[b]) - target[a][b];
        s += d * d;
        worst = Math.max(worst, Math.abs(d));
      }
    return { s, worst };
  };
  let cur = loss();
  const n = cols[0].length;
  for (let it = 0; it < 200000 && cur.worst > tol; it++) {
    const c = r.int(q);
    const i = r.int(n);
    const j = r.int(n);
    const col = cols[c];
    if (col[i] === col[j]) continue;
    [col[i], col[j]] = [col[j], col[i]];
    const next = loss();
    // Improvements are kept; a sideways move near the target is kept half the time (a random walk on
    // the lattice of attainable correlations, which single improving swaps alone can stall on).
    if (next.s < cur.s || (next.worst < 0.01 && r.uniform() < 0.5)) cur = next;
    else [col[i], col[j]] = [col[j], col[i]];
  }
  if (cur.worst > tol)
    throw new PathlabError(
      `arrangeCorrelations(): could not bring the discrete columns within ${tol} of their target correlations (worst ${cur.worst.toFixed(4)})`,
      { hint: "loosen tol or use another seed", code: "simulate.not-converged" },
    );
}

/** Pearson correlation of a 0/1 column (given its ones) with each column. */
export function dummyCors(ones: Set<number>, cols: Float64Array[], n: number): number[] {
  const p1 = ones.size / n;
  return cols.map((c) => {
    let s = 0,
      s1 = 0,
      ss = 0;
    for (let i = 0; i < n; i++) {
      s += c[i];
      ss += c[i] * c[i];
      if (ones.has(i)) s1 += c[i];
    }
    const m = s / n;
    const sdC = Math.sqrt((ss - n * m * m) / n);
    return (s1 / n - p1 * m) / (Math.sqrt(p1 * (1 - p1)) * sdC);
  });
}

/**
 * A 0/1 column with `nOnes` ones whose correlations with `cols` approach `targets`: thresholded
 * from a latent score that leans toward the targets, then steepest descent over single swaps (one
 * case in, one out). A swap changes each correlation by (c_b − c_a)/(n √(p(1 − p)) sd_c), so the
 * best swap is found exactly by scanning all pairs. Returns the column and its largest |Δr|.
 */
export function matchDummy(cols: Float64Array[], targets: number[], nOnes: number, r: Rng): { x: Float64Array; drift: number } {
  const n = cols[0].length;
  const z = new Float64Array(n);
  const sdz = cols.map((c) => Math.sqrt(sampleMoments([c]).cov[0][0]));
  for (let i = 0; i < n; i++) {
    z[i] = r.normal();
    cols.forEach((c, k) => (z[i] += (targets[k] * 2 * c[i]) / sdz[k]));
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => z[b] - z[a] || a - b);
  const ones = new Set(order.slice(0, nOnes));
  // Steepest descent over single swaps (one case in, one out): a swap changes each correlation by
  // (c_b − c_a)/(n·√(p(1 − p))·sd_c), so the best swap is found exactly by scanning all pairs.
  const K = cols.length;
  const p1 = nOnes / n;
  const scale = cols.map((c) => {
    const m = c.reduce((s, v) => s + v, 0) / n;
    const sdc = Math.sqrt(c.reduce((s, v) => s + (v - m) * (v - m), 0) / n);
    return 1 / (n * Math.sqrt(p1 * (1 - p1)) * sdc);
  });
  let rs = dummyCors(ones, cols, n);
  for (let sweep = 0; sweep < 500; sweep++) {
    const curLoss = rs.reduce((s, v, k) => s + (v - targets[k]) ** 2, 0);
    let best = curLoss,
      bestA = -1,
      bestB = -1;
    for (const a of ones)
      for (let b = 0; b < n; b++) {
        if (ones.has(b)) continue;
        let l = 0;
        for (let k = 0; k < K; k++) {
          const d = rs[k] + (cols[k][b] - cols[k][a]) * scale[k] - targets[k];
          l += d * d;
        }
        if (l < best - 1e-15) {
          best = l;
          bestA = a;
          bestB = b;
        }
      }
    if (bestA < 0) break;
    ones.delete(bestA);
    ones.add(bestB);
    rs = dummyCors(ones, cols, n);
  }
  const x = new Float64Array(n);
  for (const i of ones) x[i] = 1;
  rs = dummyCors(ones, cols, n);
  return { x, drift: Math.max(...rs.map((v, k) => Math.abs(v - targets[k]))) };
}
