/**
 * Moved to `src/math/special.ts` (issue 14). This re-export keeps the imports of src/sem, src/process and
 * src/power working until the later part of issue 14 switches them to `../math/special`.
 * TODO(issue 14, sem/process/power task): delete once nothing imports it.
 */
export * from "../math/special";
