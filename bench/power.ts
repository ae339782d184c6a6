/**
 * Benchmark: 1,000 replications of a simple mediation (a = b = .3, N = 200), indirect effect tested
 * by a Monte Carlo CI with 5,000 draws (Schoemann et al., 2017), single thread and two worker
 * threads; R reference: the same simulation with lm() in bench/r/power.R.
 */
import { powerAsync, powerMediation } from "../src/power";
import { median, runR, type BenchRow } from "./util";

const rTiming = () => runR<{ ms: number; power: number }>("power.R", [], 300000);

export async function bench(): Promise<BenchRow[]> {
  const spec = { a: 0.3, b: 0.3, cp: 0 };
  const opts = { n: 200, reps: 1000, draws: 5000, seed: 1 };
  const single: number[] = [];
  let power = NaN;
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    power = powerMediation(spec, opts).power(0, 200);
    single.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const dual: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    await powerAsync("mediation", spec, { ...opts, threads: 2 });
    dual.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const r = rTiming();
  const rows: BenchRow[] = [
    {
      name: "power: simple mediation, MC CI, 1000 reps × 5000 draws, N = 200 (1 thread)",
      ours_ms: median(single),
      r_ms: r?.ms,
      note: `power ${power.toFixed(3)}${r ? `; R ${r.power.toFixed(3)} (1 run)` : "; Rscript not available"}`,
    },
    { name: "power: same, 2 worker threads", ours_ms: median(dual), r_ms: r?.ms },
  ];
  for (const row of rows) console.log(`${row.name}: ${row.ours_ms.toFixed(0)} ms${row.r_ms ? ` (R ${row.r_ms.toFixed(0)} ms)` : ""}`);
  return rows;
}

if (require.main === module)
  bench().catch((e) => {
    console.error(e);
    process.exit(1);
  });
