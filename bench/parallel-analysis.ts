/**
 * Benchmark: parallel analysis (faParallel) on one thread and on two, and how its cost grows with
 * the number of rows n and of variables p (the scale table in environment.md). Ours only: psych's
 * fa.parallel on the same data is timed in bench/psych.ts. Medians of 3 runs after a warm-up; each
 * run 20 replications of resampled and simulated data, components and factors (psych's defaults).
 */
import * as fs from "fs";
import * as path from "path";
import { faParallel } from "../src/measurement";
import { Rng } from "../src/simulate/rng";
import { alternateThreads, medianTimeCores, type BenchRow } from "./util";

function readBfi(): Record<string, (number | null)[]> {
  const lines = fs
    .readFileSync(path.join(__dirname, "..", "notebooks", "data", "bfi.csv"), "utf8")
    .trim()
    .split(/\r?\n/);
  const head = lines[0].split(",");
  const cols: Record<string, (number | null)[]> = {};
  head.forEach((h) => (cols[h] = []));
  for (const line of lines.slice(1)) line.split(",").forEach((c, j) => cols[head[j]].push(c === "" ? null : Number(c)));
  return cols;
}

/** n rows of p items loading on p/5 correlated factors. */
function items(n: number, p: number, seed = 1): Record<string, Float64Array> {
  const g = new Rng(seed);
  const k = Math.max(1, Math.round(p / 5));
  const F = Array.from({ length: k }, () => g.normals(n));
  const out: Record<string, Float64Array> = {};
  for (let j = 0; j < p; j++) {
    const e = g.normals(n);
    const f = F[j % k];
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = 0.6 * f[i] + 0.8 * e[i];
    out[`v${j + 1}`] = c;
  }
  return out;
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const bfi = readBfi();
  const bfiItems = Object.keys(bfi).slice(0, 25);
  const oneBC = medianTimeCores(() => faParallel(bfi, bfiItems, { nIter: 20, seed: 1, threads: 1 }), 3);
  const oneB = oneBC.ms;
  const altB = alternateThreads((threads) => faParallel(bfi, bfiItems, { nIter: 20, seed: 1, threads }), 5);
  rows.push({
    name: "faParallel: bfi (25 items × 2,800, pairwise), 20 iterations, 1 thread",
    ours_ms: oneB,
    note: `CPU ${(oneB * Math.min(1, oneBC.cores)).toFixed(1)} ms; psych's time for the same call: bench/psych.ts`,
  });
  rows.push({
    name: "faParallel: same, 2 threads",
    ours_ms: altB.two,
    note: `${(altB.one / altB.two).toFixed(2)}× the speed of 1-thread runs alternated with these (${altB.one.toFixed(0)} ms); the runs got ${altB.cores.toFixed(2)} cores`,
  });
  for (const [n, p] of [
    [2800, 25],
    [28000, 25],
    [100000, 25],
    [10000, 50],
    [10000, 100],
  ] as const) {
    const d = items(n, p);
    const runs = n * p > 1e6 ? 1 : 3;
    const oneC = medianTimeCores(() => faParallel(d, { nIter: 20, seed: 1, threads: 1 }), runs);
    const one = oneC.ms;
    const c = one * Math.min(1, oneC.cores);
    rows.push({
      name: `faParallel scaling: n = ${n}, p = ${p}, 20 iterations, 1 thread`,
      ours_ms: one,
      note: `CPU ${c.toFixed(0)} ms: ${(c / 20).toFixed(1)} ms per iteration${runs === 1 ? "; one run" : ""}`,
    });
    if (n * p >= 1e6) {
      const a = alternateThreads((threads) => faParallel(d, { nIter: 20, seed: 1, threads }), 3);
      rows.push({
        name: `faParallel scaling: n = ${n}, p = ${p}, 20 iterations, 2 threads`,
        ours_ms: a.two,
        note: `${(a.one / a.two).toFixed(2)}× the speed of 1-thread runs alternated with these (${a.one.toFixed(0)} ms); the runs got ${a.cores.toFixed(2)} cores`,
      });
    }
  }
  return rows;
}

if (require.main === module)
  bench().catch((e) => {
    console.error(e);
    process.exit(1);
  });
