/**
 * Replication tooling, generic over papers: the record schema and transcription builders, what
 * published summary statistics determine (moment algebra, attainable intervals), consistency
 * checks of published statistics, published-versus-reproduced comparison under one status
 * vocabulary, specification search, and the summary `npm run replicate` collects.
 */
export * from "./record";
export { parsePrinted, digitsOf, pub, reading, coef, splitCell, corrTable, wideCoefficients, scale, fitRecord, modelStats, percentRows, LEGEND_DAGGER, LEGEND_3 } from "./transcribe";
export type { ParsedNumber, CoefSpec, CorrSpec, WideRowSpec, WideTableSpec, ScaleSpec } from "./transcribe";
export * from "./numbers";
export * from "./moments";
export * from "./attainable";
export * from "./compare";
export * from "./checks";
export * from "./summary";
export * from "./specification";
export * from "./figures";
export * from "./tables";
export { conceptualModel, type ConceptualModelOptions } from "./diagram";
export * from "./reproduce";
export * from "./monte-carlo";
