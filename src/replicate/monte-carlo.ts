/**
 * Monte Carlo intervals for numbers only simulated data can give (bootstrap confidence limits,
 * conditional effects of a planted interaction): the analysis the notebook wrote is run on
 * `replicates` further data sets simulated from the published record with seeds seed + 1 …
 * seed + R, and the interval is [min, max] of the R values. With R = 19 a further data set falls
 * outside it with probability 2/20 = 10% (the range of R draws covers (R − 1)/(R + 1) of the
 * distribution on average).
 *
 * @example
 * const runs = monteCarloRuns((s) => paper.simulate(s), (df) => ({ "002.IE.osc.lo": analyse(df).llci }), { seed: paper.seed });
 * monteCarloReproductions(runs, { "002.IE.osc.lo": onNotebookData });
 */
import { PathlabError } from "../errors";
import { monteCarlo, type MonteCarloReproduction, type ReasonClass, type Specification } from "./compare";

/**
 * The analysis's numbers on R replicate simulated data sets, by key.
 *
 * @example
 * monteCarloRuns((seed) => paper003.simulate(seed), (data) => ({ "003.IE.lo": analyse(data).lower }), { seed: paper003.seed })
 */
export function monteCarloRuns<D>(
  simulate: (seed: number) => D,
  analyse: (data: D) => Record<string, number>,
  options: { seed: number; replicates?: number },
): Record<string, number[]> {
  const R = options.replicates ?? 19;
  if (!(Number.isInteger(R) && R >= 10))
    throw new PathlabError(`monteCarloRuns(): replicates = ${R}; use an integer of at least 10`, { code: "replicate.too-few-replicates" });
  const out: Record<string, number[]> = {};
  for (let k = 1; k <= R; k++) {
    const values = analyse(simulate(options.seed + k));
    for (const [id, v] of Object.entries(values)) {
      out[id] ??= [];
      out[id].push(v);
    }
  }
  return out;
}

/** Monte Carlo reproductions of the keys of `simulated` (the values on the notebook's data set) from replicate runs. */
export function monteCarloReproductions(
  runs: Record<string, number[]>,
  simulated: Record<string, number>,
  extra: { specification?: Specification; reasonClass?: ReasonClass; reason?: string } = {},
): Record<string, MonteCarloReproduction> {
  const out: Record<string, MonteCarloReproduction> = {};
  for (const [id, v] of Object.entries(simulated)) {
    const reps = runs[id];
    if (!reps)
      throw new PathlabError(`monteCarloReproductions(): no replicate runs for "${id}"`, {
        hint: "return the same keys from the analysis as in `simulated`",
        code: "replicate.missing-reproduction",
      });
    out[id] = monteCarlo(reps, v, extra);
  }
  return out;
}
