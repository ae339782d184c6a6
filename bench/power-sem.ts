/**
 * Benchmark: Monte Carlo power of a latent mediation model (3 factors × 3 indicators, a = .4,
 * b = .3, c′ = .1; test/goldens/power-sem.R) — 200 replicates at N = 200, each a full ML fit with
 * SEs and the delta-method SE of ab — beside the plain R loop (MASS::mvrnorm + lavaan::sem,
 * bench/r/power-sem.R) in the same run. Ours on 1 and 2 threads, alternated; per-call medians.
 */
import * as fs from "fs";
import * as path from "path";
import { powerSem } from "../src/sem/power-sem";
import { shutdownWorkers } from "../src/simulate/parallel";
import { alternateThreads, runR, type BenchRow } from "./util";

export async function bench(): Promise<BenchRow[]> {
  const golden = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "test", "goldens", "power-sem.json"), "utf8")) as {
    population_mediation: { model: string };
  };
  const model = golden.population_mediation.model;
  const reps = 200;
  const rRuns = 3;
  const R = runR<{ ms: number; power_ab: number }>("power-sem.R", [String(reps), String(rRuns)], 1800000);
  let power = NaN;
  const t = alternateThreads((threads) => {
    power = powerSem(model, { n: 200, reps, seed: 1, threads }).power("ab", 200);
  }, 5);
  await shutdownWorkers();
  const rNote = R ? `; R's power of ab ${R.power_ab.toFixed(3)} (median of ${rRuns} R runs)` : "";
  return [
    {
      name: `powerSem latent mediation, ${reps} reps × N = 200, 1 thread`,
      ours_ms: t.one,
      r_ms: R?.ms,
      note: `${(t.one / reps).toFixed(2)} ms per replicate; power of ab ${power.toFixed(3)}${rNote}`,
    },
    {
      name: `powerSem latent mediation, ${reps} reps × N = 200, 2 threads`,
      ours_ms: t.two,
      r_ms: R?.ms,
      note: `${(t.one / t.two).toFixed(2)}× the speed of 1-thread runs alternated with these; the runs got ${t.cores.toFixed(2)} cores`,
    },
  ];
}
