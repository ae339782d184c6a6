/**
 * pathlab's public API: `import { … } from "pathlab"` in a notebook.
 *
 * An explicit list, grouped by layer (docs/architecture.md). Every name is documented where it is
 * declared; `test/core/public-api.test.ts` fails when a name is added without documentation or the
 * list leaves its stated size. Types are exported for what a notebook writes — data, model
 * specifications and the options of the main functions — and results are classes; row and
 * intermediate types are reached through the result objects. Replication tooling is
 * `pathlab/replicate`, the papers `pathlab/papers`; internals are imported from their modules (tests
 * do so).
 *
 * @packageDocumentation
 * @module pathlab
 */

// Errors -----------------------------------------------------------------------------------------
export { PathlabError, isPathlabError, type ErrorCode, type PathlabWarning } from "./errors";

// The numerical core: distributions, p values, descriptive primitives, matrices ------------------
export { pnorm, qnorm, pt, qt, pf, qf, pchisq, qchisq } from "./math/distributions";
export { twoSidedP, correlationPValue, rmsea, waldF } from "./math/formulas";
export { mean, variance, sd, median } from "./math/descriptive";
export { cholesky, invertSPD } from "./math/linalg";
export { symEigen } from "./math/eigen";
export { covToCor } from "./math/matrix";

// Data: tables, loading, scoring, descriptives, correlations -------------------------------------
export { DataFrame, Series } from "./data/frame";
export type { TableInput, MissingOptions } from "./data/table-input";
export { readCSV, type ReadCSVOptions } from "./data/csv";
export { readExcel } from "./data/excel";
export { readSav, SavFile } from "./data/sav";
export { setValueLabels, valueLabelsOf, variableLabelsOf } from "./data/labels";
export {
  composite,
  reverseCode,
  center,
  standardize,
  productTerm,
  logTransform,
  dummyCode,
  type CompositeOptions,
} from "./data/scoring";
export { describe, Descriptives, type DescribeOptions } from "./data/descriptives";
export { correlationTable, correlationMatrix, CorrelationTable, type CorrelationTableOptions } from "./data/correlation";

// Display: results, tables, figures, export --------------------------------------------------------
export { Result, TableResult } from "./display/result";
export type { TableSpec, Column } from "./display/table";
export { Figure, type PlotData, type PlotLayout } from "./display/figure";
export { display, progressBar } from "./display/notebook";
export { formatNumber, formatP, stars } from "./display/format";
export { savePlot } from "./display/save-plot";
export { exportTables } from "./display/export";
export { figureTheme, setFigureTheme, resetFigureTheme } from "./display/theme";

// Measurement: reliability, validity, common-method checks, EFA ----------------------------------
export { cronbachAlpha, alpha, checkKeys, AlphaResult, type AlphaOptions } from "./measurement/alpha";
export {
  compositeReliability,
  averageVarianceExtracted,
  fornellLarcker,
  FornellLarckerResult,
  reliabilityTable,
  ReliabilityTable,
} from "./measurement/reliability";
export { compRelSEM, AVE, CompRelResult } from "./measurement/comp-rel";
export { htmt, HtmtResult, type HtmtOptions } from "./measurement/htmt";
export { harmanSingleFactor, HarmanResult } from "./measurement/harman";
export { markerVariableAdjustment, MarkerResult } from "./measurement/marker";
export { scoreItems, ScoreItemsResult } from "./measurement/score-items";
export { corrTest, pAdjust, CorrTestResult } from "./measurement/corr-test";
export { fa, FaResult, type FaOptions } from "./measurement/efa/fa";
export { principal } from "./measurement/efa/principal";
export { faParallel, FaParallelResult, type FaParallelOptions } from "./measurement/efa/parallel";
export { vss, velicerMap, VssResult } from "./measurement/efa/vss";
export { omega, OmegaResult, type OmegaOptions } from "./measurement/efa/omega";

// Regression -----------------------------------------------------------------------------------
export { ols, RegressionResult, type OlsSpec } from "./regression/ols";
export { hierarchicalRegression, HierarchicalResult, type HierarchicalSpec } from "./regression/hierarchical";
export { cohensF2 } from "./regression/effect-size";
export { tsls, durbinWuHausman, TslsResult, DurbinWuHausmanResult, type IvSpec } from "./regression/iv";

// Simulation -----------------------------------------------------------------------------------
export { Rng } from "./simulate/rng";
export { sampleMoments } from "./simulate/moments";
export { mvrnorm, mvrnormEmpirical, MvrnormResult } from "./simulate/mvrnorm";
export { nearestPD, NearestPDResult } from "./simulate/nearest-pd";
export { simulateComposites, CompositeSimulation, type SimulateCompositesOptions } from "./simulate/composites";
export { simulateItems, ItemSimulation, type ItemConstruct, type SimulateItemsOptions } from "./simulate/items";
export { simulateStructural, moderationFromSimpleSlopes, StructuralSimulation, type SimulateStructuralOptions } from "./simulate/structural";

// CFA / SEM ------------------------------------------------------------------------------------
export { cfa, sem, SemFit } from "./sem/fit";
export type { SemOptions } from "./sem/options";
export { covFromCorrelations } from "./sem/moments";
export { parseModelSyntax } from "./sem/syntax";
export { FitMeasures, ParameterTable, StandardizedTable, ImpliedMoments, RSquare } from "./sem/results";
export { SemReliability } from "./sem/validity";
export { SemBootstrap } from "./sem/bootstrap";
export { whatIfCorrelation } from "./sem/what-if";
export { modindices, ModIndices } from "./sem/modindices";
export { lavTestScore, ScoreTest } from "./sem/score-test";
export { lavTestLRT, LrtTable } from "./sem/lrt";
export { invariance, InvarianceResult } from "./sem/invariance";
export { indProd, probe2WayMC, probe2WayRC, ProbeResult } from "./sem/interaction";
export { powerSem, type PowerSemOptions } from "./sem/power-sem";
export { PowerSemResult } from "./sem/power-sem-result";

// PROCESS: mediation and moderation --------------------------------------------------------------
export { process } from "./process/process";
export { ProcessResult } from "./process/result";
export { McxResult } from "./process/mcx";
export { McxModerationResult } from "./process/mcx-moderation";
export type { ProcessOptions } from "./process/types";
export { modelTemplate } from "./process/models";
export { moderationExplorer, mediationExplorer } from "./process/explorers";

// Power analysis -------------------------------------------------------------------------------
export { regressionPower, regressionSampleSize, type RegressionPowerSpec } from "./power/analytic";
export { powerMediation, powerModeration, powerModeratedMediation, powerAsync, type PowerOptions } from "./power/monte-carlo";
export type { MediationPowerSpec, ModerationPowerSpec, ModeratedMediationPowerSpec } from "./power/models";
export { PowerResult } from "./power/result";

// Qualitative and case-study research ------------------------------------------------------------
export { caseTable, CaseTable, unknownValue, isUnknownValue, type CaseTableSpec } from "./qual/case-table";
export { codingScheme, CodingScheme, type CodingSchemeSpec } from "./qual/coding";
export { evidenceMatrix, EvidenceMatrix, type EvidenceMatrixSpec } from "./qual/evidence";
export { mapPropositions, PropositionMap, type PropositionSpec } from "./qual/propositions";
export { checkClaims, ClaimCheck, type ClaimSpec } from "./qual/claims";
export { caseTimeline, caseListBar } from "./qual/figures";
