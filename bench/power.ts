/**
 * Benchmark: 1,000 replications of a simple mediation (a = b = .3, N = 200), indirect effect tested
 * by a Monte Carlo CI with 5,000 draws (Schoemann et al., 2017), on one thread and on two (issue
 * 18: target ≤ 150 ms on one thread); R reference: the same simulation with lm() in
 * bench/r/power.R, run in the same process run. Then how the time grows with N, the number of
 * draws, the number of mediators and with bootstrap instead of Monte Carlo CIs (the scale table in
 * environment.md). Medians of 5 runs after a warm-up (3 for the scaling rows).
 */
import { powerAsync, powerMediation } from "../src/power";
import { alternateThreads, median, medianTimeCores, runR, type BenchRow } from "./util";

const rTiming = () => runR<{ ms: number; power: number }>("power.R", [], 300000);

export async function bench(): Promise<BenchRow[]> {
  const spec = { a: 0.3, b: 0.3, cp: 0 };
  const opts = { n: 200, reps: 1000, draws: 5000, seed: 1 };
  let power = NaN;
  const oneC = medianTimeCores(() => (power = powerMediation(spec, { ...opts, threads: 1 }).power(0, 200)), 5);
  const one = oneC.ms;
  const alt = alternateThreads((threads) => powerMediation(spec, { ...opts, threads }), 7);
  await powerAsync("mediation", spec, { ...opts, threads: 2 });
  const asyncTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    await powerAsync("mediation", spec, { ...opts, threads: 2 });
    asyncTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const r = rTiming();
  const rows: BenchRow[] = [
    {
      name: "power: simple mediation, MC CI, 1000 reps × 5000 draws, N = 200, 1 thread",
      ours_ms: one,
      r_ms: r?.ms,
      note: `CPU ${(one * Math.min(1, oneC.cores)).toFixed(1)} ms; target ≤ 150 ms; power ${power.toFixed(3)}${r ? `; R ${r.power.toFixed(3)} (1 run)` : "; Rscript not available"}`,
    },
    {
      name: "power: same, 2 threads",
      ours_ms: alt.two,
      r_ms: r?.ms,
      note: `${(alt.one / alt.two).toFixed(2)}× the speed of 1-thread runs alternated with these (${alt.one.toFixed(1)} ms); the runs got ${alt.cores.toFixed(2)} cores`,
    },
    { name: "power: same, powerAsync, 2 threads", ours_ms: median(asyncTimes), r_ms: r?.ms },
  ];
  const scale = (name: string, s: object, o: object, note: (ms: number) => string) => {
    const t = medianTimeCores(() => powerMediation(s as typeof spec, { ...opts, threads: 1, ...o }), 3);
    rows.push({ name: `power scaling: ${name}, 1 thread`, ours_ms: t.ms, note: note(t.ms * Math.min(1, t.cores)) });
  };
  const perRep = (reps: number) => (cpu: number) => `CPU ${cpu.toFixed(1)} ms: ${((cpu * 1000) / reps).toFixed(0)} µs per replication`;
  for (const n of [100, 1000, 5000]) scale(`N = ${n}, 1000 reps × 5000 draws`, spec, { n }, perRep(1000));
  for (const draws of [1000, 20000]) scale(`N = 200, 1000 reps × ${draws} draws`, spec, { draws }, perRep(1000));
  scale("3 parallel mediators, N = 200, 1000 reps × 5000 draws", { a: [0.3, 0.2, 0.2], b: [0.3, 0.2, 0.1] }, {}, perRep(1000));
  scale("bootstrap CI, N = 200, 200 reps × 1000 resamples", spec, { reps: 200, ci: "bootstrap", draws: 1000 }, perRep(200));
  return rows;
}

if (require.main === module)
  bench().catch((e) => {
    console.error(e);
    process.exit(1);
  });
