/**
 * Squared multiple correlations for the measurement functions that start principal axis factoring
 * from them (Harman's test). Internal to src/measurement; the matrix kernels are in src/math.
 */
import { PathlabError } from "../errors";
import { inverse } from "../math";

/**
 * Squared multiple correlation of each variable with all the others: smc_i = 1 − 1/(R⁻¹)_ii
 * (Guttman, 1940). Throws if R is singular.
 */
export function smc(R: number[][], names?: string[]): number[] {
  if (R.length === 1) return [0];
  let inv: number[][];
  try {
    inv = inverse(R);
  } catch {
    throw singular(names);
  }
  const out = R.map((_, i) => 1 - 1 / inv[i][i]);
  if (out.some((v) => !Number.isFinite(v))) throw singular(names);
  return out;
}

function singular(names?: string[]): PathlabError {
  return new PathlabError(`The correlation matrix of ${names ? names.join(", ") : "the items"} is singular.`, {
    hint: "Some item is a linear combination of others (e.g. a duplicated item or a sum score among the items); remove it.",
    code: "measurement.singular",
  });
}
