/**
 * Structural equation modelling: lavaan's model syntax, ML estimation, fit measures, standardised
 * solutions, bootstrap of defined parameters, reliability/validity from a fitted CFA, path diagrams.
 */
export { cfa, sem, SemFit, type SemOptions, type SemInput, type EstimatesOptions, type StandardizedOptions } from "./fit";
export { covFromCorrelations, type MomentsInput } from "./moments";
export { modindices, ModIndices, type ModIndexRow, type ModIndicesOptions } from "./modindices";
export { indProd, probe2WayMC, probe2WayRC, ProbeResult, type IndProdOptions, type ProbeRow } from "./interaction";
export { lavTestScore, ScoreTest, type ScoreTestRow, type ScoreTestOptions } from "./score-test";
export { lavTestLRT, anova, LrtTable, type LrtRow, type LrtOptions } from "./lrt";
export { invariance, InvarianceResult, type InvarianceOptions, type InvarianceRow } from "./invariance";
export { parseModelSyntax, type SyntaxRow } from "./syntax";
export { buildParTable, GROUP_EQUAL_CLASSES, type ParRow, type ParTable, type GroupEqualClass } from "./partable";
export { FitMeasures, ParameterTable, StandardizedTable, ImpliedMoments, RSquare, PerGroup, type EstimateRow, type StandardizedRow } from "./results";
export { FIT_MEASURE_NAMES, type FitMeasureName } from "./fit-measures";
export { SemReliability, type FactorReliability } from "./validity";
export { SemBootstrap, type BootstrapOptions, type BootstrapRow } from "./bootstrap";
export type { DiagramOptions } from "./diagram";
export { whatIfCorrelation, type WhatIfOptions } from "./what-if";
export { powerSem, type PowerSemOptions } from "./power-sem";
export { PowerSemResult, type PowerSemRow, type PowerSemConvergence } from "./power-sem-result";
export { populationCovariance, type PopulationModel } from "./population";
