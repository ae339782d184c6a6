/**
 * Scaled χ² difference tests for robust (MLR, MLM) fits, lavaan's lav_test_diff_*.
 * Filled in with the robust estimators.
 */
import { PathlabError } from "../errors";
import type { SemFit } from "./fit";

export type ScaledDiffMethod = "satorra.bentler.2001" | "satorra.bentler.2010";

/** Scaled difference of model A (fewer df) and B. */
export function scaledDifference(a: SemFit, b: SemFit, method: ScaledDiffMethod): { T: number; df: number } {
  throw new PathlabError(`lavTestLRT(): scaled difference (${method}) of ${a.title()} and ${b.title()} is not available.`, { code: "sem.unsupported" });
}
