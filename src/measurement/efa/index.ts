/** Exploratory factor analysis (psych's fa, fa.parallel, VSS/MAP, omega). */
export { fa, FaResult, type FaOptions, type VarianceAccounted, type RotationTrial } from "./fa";
export { principal, type PrincipalOptions } from "./principal";
export type { ScoreMethod, ScoreWeights } from "./scores";
export type { FaFit } from "./stats";
export type { CorrelationMatrixInput, FactorInput, UseOption } from "./input";
export type { Rotation } from "./rotate";
export type { FactorMethod } from "./extract";
export { faParallel, FaParallelResult, type FaParallelOptions, type EigenSummary } from "./parallel";
export { vss, velicerMap, VssResult, type VssOptions, type VssRow } from "./vss";
export { omega, schmidLeiman, OmegaResult, type OmegaOptions, type OmegaGroup, type SchmidLeiman } from "./omega";
