/**
 * Benchmark: PROCESS bootstrap. Model 4 (one mediator, six covariates, N = 278, 5000 resamples),
 * models 7 and 14 (5000 resamples), on one thread and on two (issue 18: target ≤ 50 ms for model 4
 * on one thread), beside R's boot::boot + lm (bench/r/process.R) in the same run; the resampling
 * engine alone with the WebAssembly SIMD cross-products and with the plain JavaScript loop; and
 * how the time grows with N, the number of resamples B and the number of covariates (the scale
 * table in environment.md). Medians of 7 runs after warm-up (3 for the scaling rows, 1 for
 * N = 100,000).
 */
import { process as runProcess } from "../src/process";
import { bootstrapCoefficients, rowMajor } from "../src/process/bootstrap";
import { Rng } from "../src/simulate/rng";
import { alternateThreads, median, medianTimeCores, runR, time, type BenchRow } from "./util";

function simulate(n: number, seed = 1, covariates = 6): Record<string, Float64Array> {
  const g = new Rng(seed);
  const d: Record<string, Float64Array> = { x: g.normals(n), w: g.normals(n) };
  for (let k = 1; k <= covariates; k++) d[`c${k}`] = g.normals(n);
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

const covs = (k: number) => Array.from({ length: k }, (_, i) => `c${i + 1}`);

type Spec = Parameters<typeof runProcess>[0];

/** Median time (warm-up first: JIT, worker start-up) and the cores the runs got. */
function timeModelCores(spec: Spec, boot: number, threads: number, runs = 7): { ms: number; cores: number } {
  let k = 0;
  return medianTimeCores(() => runProcess({ ...spec, boot, seed: ++k, threads }), runs);
}

/** The resampling engine alone (model 4's two equations), WebAssembly SIMD vs plain JavaScript. */
function engineRows(d: Record<string, Float64Array>): BenchRow[] {
  const n = d.x.length;
  const cols = ["x", "m", "y", ...covs(6)].map((k) => d[k]);
  const z = rowMajor([new Float64Array(n).fill(1), ...cols]);
  const c = [4, 5, 6, 7, 8, 9];
  const eqs = [
    { predictors: [0, 1, ...c], outcome: 2 },
    { predictors: [0, 1, 2, ...c], outcome: 3 },
  ];
  const run = (engine: "auto" | "js") => () => bootstrapCoefficients(z, n, 10, eqs, 5000, new Rng(1), { threads: 1, engine });
  const t = (f: () => void) => {
    f();
    return median(Array.from({ length: 7 }, () => time(f)));
  };
  const wasm = t(run("auto"));
  const js = t(run("js"));
  return [
    {
      name: "process engine only, model 4 (N=278, B=5000): WebAssembly SIMD cross-products",
      ours_ms: wasm,
      note: "1 thread; 54 cross-products × 278 rows × 5000 resamples = 75 M multiply-adds",
    },
    {
      name: "process engine only, model 4 (N=278, B=5000): plain JavaScript loop",
      ours_ms: js,
      note: `1 thread; same bits; SIMD ${(js / wasm).toFixed(1)}× faster`,
    },
  ];
}

export async function bench(): Promise<BenchRow[]> {
  const d = simulate(278);
  const specs = {
    m4: { data: d, model: 4, y: "y", x: "x", m: "m", cov: covs(6) },
    m7: { data: d, model: 7, y: "y", x: "x", m: "m", w: "w", cov: covs(6) },
    m14: { data: d, model: 14, y: "y", x: "x", m: "m", w: "w", cov: covs(6) },
  };
  // 2 threads against 1, alternated so that the machine's other load weighs on both alike.
  const pair = (spec: Spec) => {
    let k = 0;
    const a = alternateThreads((threads) => runProcess({ ...spec, boot: 5000, seed: ++k, threads }), 9);
    return { ms: a.two, cores: a.cores, oneMs: a.one };
  };
  const two = { m4: pair(specs.m4), m7: pair(specs.m7), m14: pair(specs.m14) };
  const one = {
    m4: timeModelCores(specs.m4, 5000, 1),
    m7: timeModelCores(specs.m7, 5000, 1),
    m14: timeModelCores(specs.m14, 5000, 1),
  };
  const ours = {
    m4: one.m4.ms,
    m4x2: two.m4.ms,
    m7: one.m7.ms,
    m7x2: two.m7.ms,
    m14: one.m14.ms,
    m14x2: two.m14.ms,
  };
  const got = (c: { cores: number }) => `; the runs got ${c.cores.toFixed(2)} cores`;
  // CPU time of a 1-thread run is its work whatever else the machine is doing.
  const cpu = (c: { ms: number; cores: number }) => `CPU ${(c.ms * Math.min(1, c.cores)).toFixed(1)} ms; `;
  const r = rTiming();
  const scale = r ? 5000 / r.B : 1;
  const rNote = r ? `R: boot+lm with B = ${r.B}, time scaled ×${scale} to 5000 resamples` : "R not available";
  const rows: BenchRow[] = [
    {
      name: "process model 4 (1 mediator, 6 covariates, N=278, B=5000), 1 thread",
      ours_ms: ours.m4,
      r_ms: r ? r.m4_ms * scale : undefined,
      note: `${cpu(one.m4)}target ≤ 50 ms; ${rNote}`,
    },
    {
      name: "process model 4, same, 2 threads",
      ours_ms: ours.m4x2,
      r_ms: r ? r.m4_ms * scale : undefined,
      note: `${(two.m4.oneMs / two.m4.ms).toFixed(2)}× the speed of 1-thread runs alternated with these (${two.m4.oneMs.toFixed(1)} ms)${got(two.m4)}`,
    },
    { name: "process model 7 (6 covariates, N=278, B=5000), 1 thread", ours_ms: ours.m7, r_ms: r ? r.m7_ms * scale : undefined, note: cpu(one.m7) + rNote },
    {
      name: "process model 7, same, 2 threads",
      ours_ms: ours.m7x2,
      r_ms: r ? r.m7_ms * scale : undefined,
      note: `${(two.m7.oneMs / two.m7.ms).toFixed(2)}× the speed of 1-thread runs alternated with these (${two.m7.oneMs.toFixed(1)} ms)${got(two.m7)}`,
    },
    { name: "process model 14 (6 covariates, N=278, B=5000), 1 thread", ours_ms: ours.m14, r_ms: r ? r.m14_ms * scale : undefined, note: cpu(one.m14) + rNote },
    {
      name: "process model 14, same, 2 threads",
      ours_ms: ours.m14x2,
      r_ms: r ? r.m14_ms * scale : undefined,
      note: `${(two.m14.oneMs / two.m14.ms).toFixed(2)}× the speed of 1-thread runs alternated with these (${two.m14.oneMs.toFixed(1)} ms)${got(two.m14)}`,
    },
    ...engineRows(d),
  ];
  // Growth with N and B (model 4, 6 covariates): linear in N·B (cross-products) plus a per-resample solve.
  for (const n of [278, 1000, 5000, 20000]) {
    const dn = simulate(n, 2);
    for (const B of [1000, 5000, 10000]) {
      if (n * B > 5e7) continue;
      const t = timeModelCores({ ...specs.m4, data: dn }, B, 1, 3);
      const c = t.ms * Math.min(1, t.cores);
      rows.push({
        name: `process model 4 scaling: N=${n}, B=${B}, 1 thread`,
        ours_ms: t.ms,
        note: `CPU ${c.toFixed(1)} ms: ${((c * 1e6) / (n * B)).toFixed(1)} ns per row-resample`,
      });
    }
  }
  // Growth with the number of variables: covariates 0, 6, 12, 24 (pairs ≈ (q+3)²/2).
  const dk = simulate(1000, 3, 24);
  for (const k of [0, 6, 12, 24]) {
    const t = timeModelCores({ ...specs.m4, data: dk, cov: covs(k) }, 5000, 1, 3);
    const c = t.ms * Math.min(1, t.cores);
    rows.push({
      name: `process model 4 scaling: ${k} covariates, N=1000, B=5000, 1 thread`,
      ours_ms: t.ms,
      note: `CPU ${c.toFixed(1)} ms: ${((c * 1e6) / (1000 * 5000)).toFixed(1)} ns per row-resample`,
    });
  }
  // 1 vs 2 threads on a longer job (N = 5000, B = 5000), alternated.
  {
    const d5 = simulate(5000, 5);
    let k = 0;
    const a = alternateThreads((threads) => runProcess({ ...specs.m4, data: d5, boot: 5000, seed: ++k, threads }), 5);
    rows.push({ name: "process model 4: N=5000, B=5000, 1 thread (alternated with the next row)", ours_ms: a.one });
    rows.push({
      name: "process model 4: N=5000, B=5000, 2 threads",
      ours_ms: a.two,
      note: `${(a.one / a.two).toFixed(2)}× the 1-thread speed; the runs got ${a.cores.toFixed(2)} cores`,
    });
  }
  // A large survey: N = 100,000, B = 1000, one run each.
  const big = simulate(100000, 4);
  for (const threads of [1, 2]) {
    const c0 = process.cpuUsage();
    const ms = time(() => runProcess({ ...specs.m4, data: big, boot: 1000, seed: 1, threads }));
    const c = process.cpuUsage(c0);
    rows.push({
      name: `process model 4: N=100000, B=1000, ${threads} thread${threads > 1 ? "s" : ""}`,
      ours_ms: ms,
      note: `one run; got ${((c.user + c.system) / 1000 / ms).toFixed(2)} cores`,
    });
  }
  return rows;
}

if (require.main === module)
  bench().catch((e) => {
    console.error(e);
    process.exit(1);
  });
