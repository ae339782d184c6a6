/**
 * Errors a researcher can act on.
 *
 * Every error pathlab throws on purpose is a `PathlabError`: a one-line message naming the variable,
 * row, model line or option at fault, a hint saying what to do about it, and a code from
 * `ErrorCode`. The pathlab kernel shows these as a short message (no stack through library
 * internals); anything else is a bug and keeps its full stack. CONTRIBUTING.md states the rules.
 */

/**
 * Every code a `PathlabError` can carry: a contract that tests and callers match, so it is one
 * closed union, type-checked at every `throw`. Style: `<area>.<kebab-name>`, the area being the
 * folder or concern that raises it (`sem.not-identified`, `data.duplicate-column`,
 * `options.unknown`). One meaning has one code; the same meaning in two areas shares the name
 * (`data.zero-variance`, `measurement.zero-variance`).
 *
 * To add a code: add it here under its area, in alphabetical order, and throw it with a message
 * and a hint (CONTRIBUTING.md). `test/core/errors.test.ts` checks that every code listed is thrown
 * somewhere and that every thrown code is listed.
 *
 * TODO(issue 14, sem/process/power task): the sem/process/power codes are listed as those folders
 * throw them today (e.g. `sem.not-pd` beside `sem.not-positive-definite`, `power.bad-argument`
 * beside `power.bad-spec`); that task unifies them.
 */
export type ErrorCode =
  // Option validation (`checkOptions`, `checkSeed`): any function.
  | "options.bad-seed"
  | "options.bad-value"
  | "options.conflict"
  | "options.duplicate"
  | "options.invalid"
  | "options.missing"
  | "options.not-applicable"
  | "options.unknown"
  | "options.unsupported"
  // Internal consistency checks: an error with one of these codes is a bug in pathlab.
  | "internal.assertion"
  | "internal.unknown-task"
  // Resource limits (`checkMemory`).
  | "resources.memory"
  // The notebook kernel bridge (interrupts).
  | "kernel.interrupted"
  // The numerical core (`src/math`): matrices that are not square or not positive definite, distribution parameters.
  | "math.bad-df"
  | "math.bad-parameter"
  | "math.bad-probability"
  | "math.bad-variance"
  | "math.dimension-mismatch"
  | "math.eigen-not-converged"
  | "math.empty-sample"
  | "math.nan-value"
  | "math.non-finite"
  | "math.not-positive-definite"
  | "math.not-square"
  // Tabular input, loading (CSV, Excel, SPSS), scoring, descriptives and correlations (`src/data`).
  | "data.bad-column"
  | "data.bad-csv"
  | "data.bad-excel"
  | "data.bad-input"
  | "data.bad-labels"
  | "data.bad-row"
  | "data.bad-sav"
  | "data.bigint"
  | "data.categorical-variable"
  | "data.duplicate-column"
  | "data.empty-column"
  | "data.empty-sheet"
  | "data.excel-cell"
  | "data.excel-formula"
  | "data.file-not-found"
  | "data.no-complete-rows"
  | "data.no-data"
  | "data.no-rows"
  | "data.no-variables"
  | "data.non-finite"
  | "data.non-numeric"
  | "data.non-positive-log"
  | "data.out-of-range"
  | "data.ragged"
  | "data.sav-case-count"
  | "data.sav-truncated"
  | "data.too-few-items"
  | "data.too-few-levels"
  | "data.too-few-rows"
  | "data.too-few-variables"
  | "data.unknown-level"
  | "data.unknown-sheet"
  | "data.unknown-variable"
  | "data.xls"
  | "data.zero-variance"
  // Rendering, export, diagrams and the browser (`src/display`).
  | "display.bad-export"
  | "display.bad-extension"
  | "display.bad-table"
  | "display.diagram-unknown-node"
  | "display.layout-engine-version"
  | "display.layout-failed"
  | "display.no-chromium"
  | "display.no-docx"
  | "display.no-layout-engine"
  // Reliability, validity and common-method checks (`src/measurement`).
  | "measurement.bad-ave"
  | "measurement.bad-constructs"
  | "measurement.bad-correlation"
  | "measurement.bad-fit"
  | "measurement.bad-keys"
  | "measurement.bad-loading"
  | "measurement.bad-matrix"
  | "measurement.bad-n"
  | "measurement.bad-p"
  | "measurement.dimension-mismatch"
  | "measurement.duplicate-item"
  | "measurement.missing-loadings"
  | "measurement.no-correlations"
  | "measurement.no-factors"
  | "measurement.non-numeric"
  | "measurement.paf-failed"
  | "measurement.singular"
  | "measurement.too-few-constructs"
  | "measurement.too-few-items"
  | "measurement.too-few-rows"
  | "measurement.too-few-variables"
  | "measurement.undefined-correlation"
  | "measurement.unknown-construct"
  | "measurement.unknown-key"
  | "measurement.unknown-scale"
  | "measurement.unknown-variable"
  | "measurement.zero-variance"
  // Exploratory factor analysis (`src/measurement/efa`).
  | "efa.bad-correlation"
  | "efa.bad-input"
  | "efa.bad-matrix"
  | "efa.bad-n"
  | "efa.dimension-mismatch"
  | "efa.duplicate-item"
  | "efa.missing-n"
  | "efa.negative-eigenvalue"
  | "efa.no-variables"
  | "efa.resample-failed"
  | "efa.rotation-failed"
  | "efa.too-few-rows"
  | "efa.too-few-variables"
  | "efa.too-many-factors"
  | "efa.undefined-correlation"
  | "efa.zero-variance"
  // OLS, hierarchical regression, 2SLS (`src/regression`).
  | "regression.bad-r2"
  | "regression.bad-spec"
  | "regression.bad-weights"
  | "regression.collinear"
  | "regression.constant-column"
  | "regression.constant-outcome"
  | "regression.dimension-mismatch"
  | "regression.empty-model"
  | "regression.non-finite"
  | "regression.not-identified"
  | "regression.too-few-rows"
  // Seeded simulation (`src/simulate`).
  | "simulate.bad-correlation"
  | "simulate.bad-input"
  | "simulate.bad-loading"
  | "simulate.bad-matrix"
  | "simulate.bad-model"
  | "simulate.bad-n"
  | "simulate.bad-name"
  | "simulate.bad-stream-key"
  | "simulate.collinear"
  | "simulate.dimension-mismatch"
  | "simulate.duplicate-name"
  | "simulate.incompatible-targets"
  | "simulate.interaction-too-large"
  | "simulate.not-converged"
  | "simulate.not-positive-definite"
  | "simulate.not-square"
  | "simulate.not-symmetric"
  | "simulate.too-few-cases"
  | "simulate.too-few-directions"
  | "simulate.unknown-variable"
  // CFA/SEM (`src/sem`).
  | "sem.bad-moments"
  | "sem.boot-failed"
  | "sem.boot-moments"
  | "sem.boot-nothing"
  | "sem.boot-seed"
  | "sem.data"
  | "sem.fiml-em"
  | "sem.fiml-empty-variable"
  | "sem.group-count"
  | "sem.group-missing"
  | "sem.group-required"
  | "sem.group-too-small"
  | "sem.heywood"
  | "sem.indprod"
  | "sem.input"
  | "sem.latent-name"
  | "sem.lrt-different-data"
  | "sem.lrt-input"
  | "sem.lrt-meanstructure"
  | "sem.lrt-mixed"
  | "sem.lrt-not-nested"
  | "sem.lrt-same-df"
  | "sem.lrt-standard"
  | "sem.mi-empty"
  | "sem.model"
  | "sem.moments"
  | "sem.no-constraints"
  | "sem.no-factors"
  | "sem.no-fit-measures"
  | "sem.not-converged"
  | "sem.not-identified"
  | "sem.not-pd"
  | "sem.not-positive-definite"
  | "sem.option"
  | "sem.overflow"
  | "sem.power-population"
  | "sem.power-unknown-n"
  | "sem.power-unknown-parameter"
  | "sem.probe"
  | "sem.robust"
  | "sem.robust-moments"
  | "sem.single-label"
  | "sem.start"
  | "sem.syntax"
  | "sem.unknown-factor"
  | "sem.unknown-variable"
  | "sem.unsupported"
  // PROCESS-style mediation and moderation (`src/process`).
  | "process.bad-mediators"
  | "process.bootstrap-singular"
  | "process.constant-moderator"
  | "process.constant-variable"
  | "process.duplicate-role"
  | "process.mediator-is-x"
  | "process.mcx-categories"
  | "process.missing-data"
  | "process.missing-moderator"
  | "process.no-conditional-indirect"
  | "process.no-draws"
  | "process.no-interaction"
  | "process.no-jn"
  | "process.too-few-rows"
  | "process.unused-moderator"
  // Power analysis (`src/power`).
  | "power.bad-argument"
  | "power.bad-spec"
  | "power.unknown-effect"
  | "power.unknown-n"
  // The parallel runner (issue 18, branch `speed`).
  | "parallel.bad-option"
  | "parallel.worker-failed"
  // Qualitative and case-study tools (`src/qual`).
  | "qual.bad-case-table"
  | "qual.bad-case-value"
  | "qual.bad-claim"
  | "qual.bad-coding"
  | "qual.bad-evidence"
  | "qual.bad-proposition"
  | "qual.dangling-reference"
  | "qual.not-list"
  | "qual.not-numeric"
  | "qual.too-few-levels"
  | "qual.unknown-attribute"
  | "qual.unknown-case"
  | "qual.unknown-code"
  | "qual.unknown-dimension"
  | "qual.unknown-field"
  | "qual.unknown-item"
  | "qual.unknown-proposition"
  | "qual.unknown-theme"
  // Replication tooling (`src/replicate`).
  | "replicate.bad-box"
  | "replicate.bad-correlation-table"
  | "replicate.bad-printed-number"
  | "replicate.bad-scale"
  | "replicate.bad-table"
  | "replicate.duplicate-id"
  | "replicate.duplicate-variable"
  | "replicate.infeasible-center"
  | "replicate.missing-cell"
  | "replicate.missing-effect-input"
  | "replicate.missing-fit-input"
  | "replicate.missing-mean"
  | "replicate.missing-reproduction"
  | "replicate.missing-sd"
  | "replicate.no-candidates"
  | "replicate.no-loadings"
  | "replicate.non-finite"
  | "replicate.not-converged"
  | "replicate.not-positive-definite"
  | "replicate.too-few-cases"
  | "replicate.too-few-replicates"
  | "replicate.unknown-id"
  | "replicate.unknown-reproduction"
  | "replicate.unknown-table"
  | "replicate.unknown-term"
  | "replicate.unknown-variable"
  // Per-paper code (`src/papers`).
  | "papers.unknown-variable";

/**
 * An error a researcher can act on: the message names the variable, row, model line or option at
 * fault, `hint` says what to do, `code` (from `ErrorCode`) says what kind of error it is.
 *
 * @example
 * try {
 *   cfa("f =~ x1 + x2 + nosuch", data);
 * } catch (e) {
 *   if (isPathlabError(e)) console.log(e.code, e.message, e.hint);
 * }
 */
export class PathlabError extends Error {
  /** What the user can do about it, shown under the message. */
  readonly hint?: string;
  /** Machine-readable category from `ErrorCode`, for tests, callers and the kernel's formatting. */
  readonly code: ErrorCode;

  /**
   * @param message one line naming the variable, row, model line or option at fault
   * @param options `code` from `ErrorCode`; `hint`, what the user can do about it
   */
  constructor(message: string, options: { hint?: string; code: ErrorCode }) {
    super(message);
    this.name = "PathlabError";
    this.hint = options.hint;
    this.code = options.code;
  }
}

/** True for errors pathlab raised deliberately (as opposed to bugs). */
export function isPathlabError(e: unknown): e is PathlabError {
  return e instanceof Error && (e as { name?: string }).name === "PathlabError";
}

/**
 * Warnings attached to a result rather than thrown: a Heywood case, a bootstrap too small for its
 * interval, a non-converged fit that still returned estimates. Results carry them in `warnings` and
 * render them under their tables.
 */
export interface PathlabWarning {
  code: string;
  message: string;
}
