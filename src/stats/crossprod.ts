/**
 * Moved to `src/math/crossprod.ts` (issue 14). This re-export keeps the imports of src/process working
 * until the later part of issue 14 switches them to `../math/crossprod`.
 * TODO(issue 14, sem/process/power task): delete once nothing imports it.
 */
export * from "../math/crossprod";
