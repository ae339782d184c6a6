/**
 * Structural equation modelling: lavaan's model syntax, ML estimation, fit measures, standardised
 * solutions, bootstrap of defined parameters, reliability/validity from a fitted CFA, path diagrams.
 */
export { cfa, sem, SemFit, type SemOptions, type SemInput, type EstimatesOptions, type StandardizedOptions } from "./fit";
export { covFromCorrelations, type MomentsInput } from "./moments";
export { parseModelSyntax, type SyntaxRow } from "./syntax";
export { buildParTable, type ParRow, type ParTable } from "./partable";
export { FitMeasures, ParameterTable, StandardizedTable, ImpliedMoments, RSquare, type EstimateRow, type StandardizedRow } from "./results";
export { FIT_MEASURE_NAMES, type FitMeasureName } from "./fit-measures";
export { SemReliability, type FactorReliability } from "./validity";
export { SemBootstrap, type BootstrapOptions, type BootstrapRow } from "./bootstrap";
export { type DiagramOptions } from "./diagram";
export { whatIfCorrelation, type WhatIfOptions } from "./what-if";
