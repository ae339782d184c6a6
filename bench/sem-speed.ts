/**
 * Benchmark: issue 18's SEM speed targets beside lavaan 0.6.14 in the same run (bench/r/sem-speed.R),
 * and the scale of SEM work (environment.md's scale table).
 * - HolzingerSwineford1939 3-factor CFA (N = 301): one fit with standard errors and every fit
 *   measure — `cfa(...).fitMeasures()` against lavaan's `fitMeasures(cfa(...))`; target ≤ 0.5 ms.
 * - Its bootstrap, 1,000 draws on one thread — `cfa(..., { se: "bootstrap", bootstrap: 1000,
 *   threads: 1 })` against lavaan's `se = "bootstrap"`; target ≤ 0.25 s.
 * - Scale (ours only): the HS fit at N = 301 … 100,000 (rows resampled from HS with a fixed seed),
 *   and its bootstrap with 250 … 4,000 draws. How time grows with the number of variables is
 *   bench/sem.ts's 2 … 10-factor series.
 * Usage: npm run bench -- sem-speed
 */
import * as fs from "fs";
import * as path from "path";
import { cfa } from "../src/sem";
import { Rng } from "../src/simulate/rng";
import { median, runR, type BenchRow } from "./util";

const HS = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";
const VARS = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"];

function hsColumns(): Record<string, Float64Array> {
  const lines = fs
    .readFileSync(path.join(__dirname, "..", "test", "goldens", "sem-hs-school.csv"), "utf8")
    .trim()
    .split(/\r?\n/);
  const cols: Record<string, Float64Array> = {};
  VARS.forEach((v, j) => (cols[v] = Float64Array.from(lines.slice(1), (l) => Number(l.split(",")[j]))));
  return cols;
}

/** n rows drawn with replacement from the HS rows (seeded): a larger sample of the same population. */
function enlarge(d: Record<string, Float64Array>, n: number, seed: number): Record<string, Float64Array> {
  const g = new Rng(seed);
  const N = d.x1.length;
  const idx = Int32Array.from({ length: n }, () => g.int(N));
  const out: Record<string, Float64Array> = {};
  for (const v of VARS) out[v] = Float64Array.from(idx, (i) => d[v][i]);
  return out;
}

function timeMs(f: () => void, reps: number, warm: number): number {
  for (let w = 0; w < warm; w++) f();
  const t: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = process.hrtime.bigint();
    f();
    t.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(t);
}

export async function bench(): Promise<BenchRow[]> {
  const d = hsColumns();
  const R = runR<Record<string, { ms: number; chisq?: number; cfi?: number; se_x2?: number }>>("sem-speed.R", ["50", "1"], 1200000);
  const rows: BenchRow[] = [];
  const fm = cfa(HS, d).fitMeasures();
  const fitMs = timeMs(() => cfa(HS, d).fitMeasures(), 200, 50);
  const rf = R?.["hs-fit"];
  rows.push({
    name: "SEM HS 3-factor CFA, fit + SEs + fitMeasures (target ≤ 0.5 ms)",
    ours_ms: fitMs,
    r_ms: rf?.ms,
    note: `χ² ${fm.chisq.toFixed(4)}${rf ? ` vs ${rf.chisq!.toFixed(4)}` : ""}`,
  });
  const boot = () => cfa(HS, d, { se: "bootstrap", bootstrap: 1000, seed: 1, threads: 1 });
  const fb = boot();
  const bootMs = timeMs(boot, 5, 1);
  const rb = R?.["hs-boot-1000"];
  const se2 = fb.parameterEstimates().rows[1].se;
  rows.push({
    name: "SEM HS bootstrap, 1,000 draws, one thread (target ≤ 0.25 s)",
    ours_ms: bootMs,
    r_ms: rb?.ms,
    note: `boot SE of x2's loading ${se2.toFixed(4)}${rb ? ` vs ${rb.se_x2!.toFixed(4)} (other draws)` : ""}`,
  });
  for (const n of [1000, 10000, 100000]) {
    const dn = enlarge(d, n, 7);
    const ms = timeMs(() => cfa(HS, dn).fitMeasures(), n >= 100000 ? 5 : 20, 2);
    rows.push({ name: `SEM scale: HS fit + fitMeasures, N = ${n.toLocaleString("en")}`, ours_ms: ms });
  }
  for (const B of [250, 4000]) {
    const ms = timeMs(() => cfa(HS, d, { se: "bootstrap", bootstrap: B, seed: 1, threads: 1 }), 3, 1);
    rows.push({ name: `SEM scale: HS bootstrap, ${B.toLocaleString("en")} draws, one thread`, ours_ms: ms });
  }
  return rows;
}
