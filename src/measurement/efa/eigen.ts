/**
 * Moved to `src/math/eigen.ts` (issue 14). This re-export keeps `src/sem/linalg.ts`'s import working
 * until the later part of issue 14 switches it to `../math/eigen`.
 * TODO(issue 14, sem/process/power task): delete once nothing imports it.
 */
export { eigenSymmetric, eigenTop, type FlatEigen } from "../../math/eigen";
