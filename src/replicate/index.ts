/**
 * `pathlab/replicate`: replication tooling, generic over papers — what a paper notebook calls to
 * derive published numbers from published inputs (moment algebra, attainable intervals), to run
 * Monte Carlo replicates, to judge published against reproduced under one status vocabulary
 * (docs/replication.md), to check a paper's consistency, and to show the result.
 *
 * An explicit list, like `pathlab`'s (test/core/public-api.test.ts checks its documentation). The
 * record schema, transcription builders and individual consistency checks that `src/papers/NNN/`
 * uses are imported from their modules (`replicate/record`, `replicate/transcribe`,
 * `replicate/checks`).
 *
 * @example
 * import { compare, hypothesisNumbers, replicationSummary } from "pathlab/replicate";
 * const comparison = compare(hypothesisNumbers(record), reproductions);
 * replicationSummary("003", comparison)
 *
 * @packageDocumentation
 * @module pathlab/replicate
 */

// The record a paper publishes -------------------------------------------------------------------
export type { PaperRecord, PublishedNumber, PublishedCorrelationTable } from "./record";
export { hypothesisNumbers, measurementNumbers, allNumbers, loadingsOf } from "./numbers";

// What the published inputs determine ------------------------------------------------------------
export { momentsOf, regressionFromMoments, mediationFromMoments, termOf, semInput, withComposites, type Moments } from "./moments";
export { attainable, attainableLinearised, momentBox, type Attainable, type Box } from "./attainable";
export {
  momentsOfData,
  deriveFromTable,
  regressionReproductions,
  regressionValues,
  semReproductions,
  reliabilityReproductions,
  latentBox,
  type RegressionModel,
} from "./reproduce";
export { monteCarloRuns, monteCarloReproductions } from "./monte-carlo";
export { specificationSearch, SpecificationSearch, type SpecificationCandidate } from "./specification";

// Published versus reproduced --------------------------------------------------------------------
export {
  compare,
  derived,
  monteCarlo,
  byConstruction,
  bounded,
  notReproducible,
  fixedReproductions,
  ComparisonResult,
  type Reproduction,
  type Specification,
  type ReplicationStatus,
  type ReasonClass,
  type ComparisonRow,
} from "./compare";
export { checkPaper, ConsistencyReport, type ConsistencyRow } from "./checks";
export { replicationSummary, ReplicationSummary } from "./summary";

// Showing it ------------------------------------------------------------------------------------
export { studyTable, hypothesesTable, hypothesisEvidence, momentsBeside, publishedBeside, comparisonGrid, ComparisonGrid } from "./tables";
export { forestPlot } from "./figures";
export { conceptualModel } from "./diagram";
