/**
 * Benchmark: PROCESS bootstrap. Model 4 (one mediator, six covariates, N = 278, 5000 resamples),
 * models 7 and 14 (5000 resamples), beside R's boot::boot + lm (bench/r/process.R) in the same run,
 * plus how our time grows with N and with the number of resamples. Medians of 7 runs after warm-up.
 */
import { process as runProcess } from "../src/process";
import { Rng } from "../src/simulate/rng";
import { median, runR, time, type BenchRow } from "./util";

function simulate(n: number, seed = 1): Record<string, Float64Array> {
  const g = new Rng(seed);
  const d: Record<string, Float64Array> = { x: g.normals(n), w: g.normals(n) };
  for (let k = 1; k <= 6; k++) d[`c${k}`] = g.normals(n);
  const m = new Float64Array(n),
    y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    m[i] = 0.4 * d.x[i] + 0.2 * d.x[i] * d.w[i] + g.normal();
    y[i] = 0.3 * m[i] + 0.2 * d.x[i] + 0.1 * m[i] * d.w[i] + g.normal();
  }
  d.m = m;
  d.y = y;
  return d;
}

const rTiming = () => runR<{ B: number; m4_ms: number; m7_ms: number; m14_ms: number }>("process.R");

const cov = ["c1", "c2", "c3", "c4", "c5", "c6"];

export async function bench(): Promise<BenchRow[]> {
  const d = simulate(278);
  const specs = {
    m4: { data: d, model: 4, y: "y", x: "x", m: "m", cov },
    m7: { data: d, model: 7, y: "y", x: "x", m: "m", w: "w", cov },
    m14: { data: d, model: 14, y: "y", x: "x", m: "m", w: "w", cov },
  };
  const timeModel = (spec: (typeof specs)["m4"] | (typeof specs)["m7"], boot: number, runs = 7) => {
    runProcess({ ...spec, boot, seed: 99 }); // warm-up (JIT)
    const ts: number[] = [];
    for (let k = 0; k < runs; k++) ts.push(time(() => runProcess({ ...spec, boot, seed: k + 1 })));
    return median(ts);
  };
  const ours = { m4: timeModel(specs.m4, 5000), m7: timeModel(specs.m7, 5000), m14: timeModel(specs.m14, 5000) };
  const r = rTiming();
  const scale = r ? 5000 / r.B : 1;
  const rNote = r ? `R: boot+lm with B = ${r.B}, time scaled ×${scale} to 5000 resamples` : "R not available";
  const rows: BenchRow[] = [
    {
      name: "process model 4 (1 mediator, 6 covariates, N=278, B=5000)",
      ours_ms: ours.m4,
      r_ms: r ? r.m4_ms * scale : undefined,
      note: `target < 100 ms; ${rNote}`,
    },
    { name: "process model 7 (6 covariates, N=278, B=5000)", ours_ms: ours.m7, r_ms: r ? r.m7_ms * scale : undefined, note: `target < 200 ms; ${rNote}` },
    { name: "process model 14 (6 covariates, N=278, B=5000)", ours_ms: ours.m14, r_ms: r ? r.m14_ms * scale : undefined, note: `target < 200 ms; ${rNote}` },
  ];
  // Growth with N and B (model 4, 6 covariates): expected ≈ linear in N·B (cross-products) plus
  // a per-resample solve.
  for (const n of [278, 1000, 5000]) {
    const dn = simulate(n, 2);
    for (const B of [1000, 5000, 10000]) {
      if (n === 5000 && B === 10000) continue;
      const ms = timeModel({ ...specs.m4, data: dn }, B, 3);
      rows.push({ name: `process model 4 scaling: N=${n}, B=${B}`, ours_ms: ms, note: `${((ms * 1e6) / (n * B)).toFixed(1)} ns per row-resample` });
    }
  }
  return rows;
}
