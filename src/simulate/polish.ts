/**
 * Likert rounding moves composites away from their targets (ceiling effects near the top of the
 * scale); a greedy polish of single responses brings them back without redrawing the data.
 */
import type { Rng } from "./rng";
import { centred, dot, mean } from "../math";

/**
 * Greedy ±1 moves of single item responses (kept in [min, max]) that bring the composites (item
 * means) of the movable blocks closer to their target means, SDs and correlations with each other
 * and with fixed columns. Loss = Σ Δmean² + ΔSD² + 2 Σ Δr²; a move is kept only if it lowers the
 * loss. Each proposal updates the sums and cross-products in O(K + J) instead of recomputing the
 * moments. Stops when every discrepancy is at most `tol`, when `budget` proposals are spent, or
 * after 50 000 proposals in a row were rejected (a local minimum). Modifies `items` in place;
 * deterministic given the Rng.
 *
 * @example
 * polishItems([[item1, item2, item3]], { means: [5.2], sds: [1.1], cor: [[1]], fixed: [], corFixed: [[]] }, rng, 0.001, 100000);
 */
export function polishItems(
  items: Float64Array[][],
  t: { means: number[]; sds: number[]; cor: number[][]; fixed: Float64Array[]; corFixed: number[][] },
  r: Rng,
  tol: number,
  budget: number,
  range: [number, number] = [1, 7],
): { proposals: number; accepted: number; changed: number } {
  const K = items.length;
  const J = t.fixed.length;
  const n = items[0][0].length;
  const m = items.map((b) => b.length);
  const C = items.map((b) => {
    const c = new Float64Array(n);
    for (const it of b) for (let i = 0; i < n; i++) c[i] += it[i] / b.length;
    return c;
  });
  const Fc = t.fixed.map((c) => centred(c, mean(c)));
  const sdFix = Fc.map((f) => Math.sqrt(dot(f, f) / (n - 1)));
  const S = C.map((c) => c.reduce((acc, v) => acc + v, 0));
  const Q = C.map((a) => C.map((b) => dot(a, b)));
  // Σ_i C_ki (F_fi − mean F_f): the cross-products with the centred fixed columns.
  const X = C.map((a) => Fc.map((f) => dot(a, f)));
  const disc = (Sv: number[], Qv: number[][], Xv: number[][]) => {
    const cov = Qv.map((row, a) => row.map((q, b) => (q - (Sv[a] * Sv[b]) / n) / (n - 1)));
    const sd = cov.map((row, a) => Math.sqrt(row[a]));
    let loss = 0,
      worst = 0;
    for (let a = 0; a < K; a++) {
      const dm = Sv[a] / n - t.means[a];
      const ds = sd[a] - t.sds[a];
      loss += dm * dm + ds * ds;
      worst = Math.max(worst, Math.abs(dm), Math.abs(ds));
      for (let b = a + 1; b < K; b++) {
        const dr = cov[a][b] / (sd[a] * sd[b]) - t.cor[a][b];
        loss += 2 * dr * dr;
        worst = Math.max(worst, Math.abs(dr));
      }
      for (let f = 0; f < J; f++) {
        const dr = Xv[a][f] / (n - 1) / (sd[a] * sdFix[f]) - t.corFixed[a][f];
        loss += 2 * dr * dr;
        worst = Math.max(worst, Math.abs(dr));
      }
    }
    return { loss, worst };
  };
  let cur = disc(S, Q, X);
  let proposals = 0,
    accepted = 0;
  const changed = new Set<number>();
  let lastAccept = 0;
  // Stop at the tolerance, at the budget, or when 50 000 proposals in a row were all rejected (a local minimum).
  while (cur.worst > tol && proposals < budget && proposals - lastAccept < 50000) {
    proposals++;
    const k = r.int(K);
    const j = r.int(m[k]);
    const i = r.int(n);
    const d = r.uniform() < 0.5 ? -1 : 1;
    const x = items[k][j][i] + d;
    if (x < range[0] || x > range[1]) continue;
    const e = d / m[k];
    const S2 = S.slice();
    S2[k] += e;
    const Q2 = Q.map((row) => row.slice());
    Q2[k][k] += 2 * C[k][i] * e + e * e;
    for (let l = 0; l < K; l++)
      if (l !== k) {
        Q2[k][l] += C[l][i] * e;
        Q2[l][k] = Q2[k][l];
      }
    const X2 = X.map((row) => row.slice());
    for (let f = 0; f < J; f++) X2[k][f] += Fc[f][i] * e;
    const nx = disc(S2, Q2, X2);
    if (nx.loss < cur.loss) {
      items[k][j][i] = x;
      C[k][i] += e;
      for (let l = 0; l < K; l++) {
        S[l] = S2[l];
        for (let l2 = 0; l2 < K; l2++) Q[l][l2] = Q2[l][l2];
        for (let f = 0; f < J; f++) X[l][f] = X2[l][f];
      }
      cur = nx;
      accepted++;
      lastAccept = proposals;
      changed.add((k * 64 + j) * n + i);
    }
  }
  return { proposals, accepted, changed: changed.size };
}
