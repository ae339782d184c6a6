/**
 * Benchmark: exact-moment multivariate normal draws (the MASS::mvrnorm(empirical = TRUE) method),
 * 1,000,000 × 10, beside R in the same run; and item-level simulation of a paper-sized survey.
 */
import { mvrnorm, simulateItems } from "../src/simulate";
import type { BenchRow } from "./types";
import { medianTime, runR } from "./util";

export async function bench(): Promise<BenchRow[]> {
  const n = 1_000_000;
  const p = 10;
  const S = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => (i === j ? 1 : 0.3)));
  const means = new Array(p).fill(0);
  const ours = medianTime(() => mvrnorm(n, means, S, 42, { empirical: true }), 5, 1);
  const r = runR<{ ms: number }>("simulate.R", [String(n), String(p)]);
  const constructs = Array.from({ length: 7 }, (_, k) => ({
    name: `F${k + 1}`,
    items: Array.from({ length: 4 }, (_, i) => `f${k + 1}_${i + 1}`),
    loadings: [0.82, 0.78, 0.74, 0.7],
  }));
  const cor = Array.from({ length: 7 }, (_, i) => Array.from({ length: 7 }, (_, j) => (i === j ? 1 : 0.25)));
  const items = medianTime(() => simulateItems({ n: 278, constructs, cor, seed: 7, likert: { min: 1, max: 7 } }), 20, 2);
  return [
    { name: "mvrnorm empirical, 1,000,000 × 10", ours_ms: ours, r_ms: r?.ms, note: "MASS::mvrnorm(empirical = TRUE)" },
    { name: "simulateItems: 278 rows, 7 constructs × 4 items, Likert 1–7", ours_ms: items },
  ];
}
