/**
 * `cfa()` / `sem()`: lavaan's model syntax fitted by maximum likelihood, returning a `SemFit`.
 *
 * Pipeline (as lavaan): validated options → syntax → parameter table with defaults → RAM matrices →
 * minimisation (Fisher scoring/BFGS, then a Newton trust region where that crawls) → at a converged
 * solution only: identification check and standard errors from the expected information, (n·I)⁻¹
 * → lavaan's post-fit checks (Heywood cases, non-positive-definite matrices) → delta-method SEs for
 * defined and standardised parameters → fit measures on demand.
 *
 * @example
 * const fit = cfa("visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6", data, { "std.lv": true });
 * fit.fitMeasures(["cfi", "rmsea"]);
 */
import { PathlabError, type PathlabWarning } from "../errors";
import { checkOptions, describeValue, type OptionSpecs } from "../options";
import { Result, type TableSpec } from "../display";
import type { TableInput } from "../data/table-input";
import { progressBar } from "../display/notebook";
import { qnorm } from "../math/distributions";
import { twoSidedP } from "../math/formulas";
import { GRAD_TOL, vcovFromInformation } from "./estimate";
import { computeFitMeasures, measureOrder, robustMeasures, ROBUST_MEASURE_NAMES, SCALED_MEASURE_NAMES, type FitMeasureName } from "./fit-measures";
import { fimlCorrected, robustStatistics, type FimlCorrected } from "./robust";
import {
  fimlSampleStats,
  groupLayout,
  groupSampleStats,
  isGroupMomentsInput,
  isMomentsInput,
  sampleStats,
  type GroupLayout,
  type MomentsInput,
  type SampleStats,
} from "./moments";
import { LEVEL_SPEC, semOptions, type ResolvedSemOptions, type SemOptions } from "./options";
import { columnNames } from "../data/table-input";
import { postCheckWarnings } from "./post-check";
import { parTableOf, parsedModel, type ParRow, type ParTable } from "./partable";
import { deltaMethodSE, totalVariances, type StdType } from "./standardize";
import { FitMeasures, ImpliedMoments, ParameterTable, PerGroup, RSquare, StandardizedTable, type EstimateRow, type StandardizedRow } from "./results";
import { inspectFit, type LabelledMatrix, type ModelMatrices } from "./inspect";
import { lavaanSummary } from "./summary-text";
import { checkBoundOptions, fitWithBounds } from "./inequality";
import { semFornellLarcker, semHtmt, semReliability, type SemReliability } from "./validity";
import type { FornellLarckerResult } from "../measurement/reliability";
import type { HtmtResult } from "../measurement/htmt";
import { pathDiagram, type DiagramOptions } from "./diagram";
import { bootstrapDraws, bootstrapSem, drawRowValues, type BootDraws, type BootstrapOptions, type SemBootstrap } from "./bootstrap";
import { bootIntervals } from "./boot-ci";
import type { Figure } from "../display";
import { modindices, type ModIndices, type ModIndicesOptions } from "./modindices";
import { fimlLikelihoods } from "./missing";
import type { FimlEngine } from "./fiml";
import {
  currentRowValues,
  currentStdValues,
  estimateModel,
  freeParamNames,
  momentCount,
  setAll,
  type EstimatedModel,
  type GroupState,
  type SemState,
} from "./state";

export type { SemOptions } from "./options";
export type { SemState, GroupState } from "./state";
export { estimateModel, discrepancyMoments, momentCount } from "./state";

/** Raw data (any table), published moments `{ cov, means?, n, names }`, or one moments object per group. */
export type SemInput = TableInput | MomentsInput | MomentsInput[];

function checkInput(kind: string, input: unknown): void {
  if (input === null || input === undefined || typeof input !== "object")
    throw new PathlabError(`${kind}(): the second argument must be a data table or { cov, n, names }; got ${input === null ? "null" : typeof input}.`, {
      code: "sem.input",
      hint: `Call ${kind}(model, data) with a table (rows, columns or a DataFrame), or ${kind}(model, { cov, n, names }) with published moments.`,
    });
}

/** lavaan refuses a latent variable named like a column of the data (it would hide the column). */
function checkLatentNames(pt: ParTable, input: SemInput): void {
  const first = isGroupMomentsInput(input) ? input[0] : input;
  const columns = isMomentsInput(first) ? (Array.isArray(first.names) ? first.names : []) : columnNames(first as TableInput);
  const clash = pt.vars.lv.filter((v) => columns.includes(v));
  if (clash.length)
    throw new PathlabError(
      `Latent variable name${clash.length > 1 ? "s" : ""} ${clash.map((v) => `"${v}"`).join(", ")} collide${clash.length > 1 ? "" : "s"} with ${clash.length > 1 ? "columns" : "a column"} of the data.`,
      {
        hint: `Rename the factor (e.g. "${clash[0]}_f =~ …") or drop the column from the data: lavaan refuses this too. If the column is not in the model (e.g. a composite score of the same items), pass { checkLvNames: false }.`,
        code: "sem.latent-name",
      },
    );
}

/** The groups of the input: the group column of raw data, or one moments object per group. */
function inputGroups(kind: string, input: SemInput, opts: ResolvedSemOptions): GroupLayout | undefined {
  if (isGroupMomentsInput(input)) {
    if (opts.group !== undefined)
      throw new PathlabError(`${kind}(): 'group' names a column of raw data; with one moments object per group the groups are the array's elements.`, {
        code: "options.bad-value",
        hint: 'Drop the group option, and give each moments object its group name: [{ cov, n, names, group: "A" }, …].',
      });
    return { labels: input.map((m, g) => (typeof m.group === "string" && m.group ? m.group : `Group ${g + 1}`)) };
  }
  if (Array.isArray(input) && input.length > 0 && input.every((x) => x && typeof x === "object" && "cov" in (x as object)))
    throw new PathlabError(`${kind}(): an array of moments needs { cov, n, names } in every element.`, {
      code: "sem.moments",
      hint: "Give each group's covariance matrix, N and variable names.",
    });
  if (opts.group === undefined) return undefined;
  if (isMomentsInput(input))
    throw new PathlabError(`${kind}(): 'group' needs raw data (a table with the group column); a single moments object has one group.`, {
      code: "options.bad-value",
      hint: 'Pass the data table, or one moments object per group: [{ cov, n, names, group: "A" }, { … }].',
    });
  return groupLayout(input as TableInput, opts.group, opts.groupLabel);
}

/** Options that only make sense with one missing-data method or one input kind. */
function checkCombinations(kind: string, opts: ResolvedSemOptions, momentsIn: boolean): void {
  const fiml = opts.missing !== "listwise";
  const bad = (message: string, hint: string) => new PathlabError(`${kind}(): ${message}`, { code: "options.bad-value", hint });
  if (opts.stdOv && momentsIn)
    throw new PathlabError(`${kind}(): stdOv needs raw data; with a moments input the variables cannot be standardised here (lavaan ignores std.ov then).`, {
      code: "options.unsupported",
      hint: "Pass a correlation matrix as cov (covFromCorrelations with SDs of 1), or fit the raw data.",
    });
  if (fiml && momentsIn)
    throw bad(`missing: "${opts.missing}" (full-information ML) needs the raw data; a covariance matrix has no missing values to use.`, "Pass the data table.");
  if (fiml && opts.likelihood === "wishart")
    throw bad("the Wishart likelihood is for complete data; FIML uses the normal likelihood (as lavaan).", 'Drop likelihood: "wishart".');
  if (fiml && opts.stdOv)
    throw new PathlabError(`${kind}(): stdOv with missing: "${opts.missing}" is not supported.`, {
      code: "options.unsupported",
      hint: "Standardise the columns before fitting, or drop stdOv.",
    });
}

/** The samples of each group: complete cases, incomplete data for FIML, or moments. */
function groupSamples(input: SemInput, pt: ParTable, opts: ResolvedSemOptions, layout: GroupLayout | undefined, momentsIn: boolean): SampleStats[] {
  const nonX = pt.vars.ov.filter((v) => !(pt.fixedX && pt.vars.ovX.includes(v)));
  const sampleOpts = {
    naValues: opts.naValues,
    standardize: opts.stdOv ? nonX : undefined,
    covDivisorN: momentsIn && !opts.sampleCovRescale && opts.likelihood === "normal",
  };
  if (opts.missing !== "listwise") {
    if (opts.missing === "ml.x" && pt.vars.ovX.length && pt.fixedX)
      throw new PathlabError('missing: "ml.x" (exogenous covariates with missing values in the likelihood) is not computed.', {
        code: "options.unsupported",
        hint: 'Use missing: "ml" (rows missing a covariate are dropped, as lavaan), or fixed.x: false to model the covariates.',
      });
    return fimlSampleStats(input as TableInput, pt.vars.ov, { ...sampleOpts, complete: pt.fixedX ? pt.vars.ovX : [] }, layout);
  }
  return layout
    ? groupSampleStats(input as TableInput | MomentsInput[], pt.vars.ov, layout, sampleOpts)
    : [sampleStats(input as TableInput | MomentsInput, pt.vars.ov, sampleOpts)];
}

/** The parameter table of the model for the data's groups and the options. */
function parTableFor(kind: string, model: string, input: SemInput, opts: ResolvedSemOptions, layout: GroupLayout | undefined): ParTable {
  parsedModel(model); // syntax errors first
  const G = layout ? layout.labels.length : 1;
  if (!layout && (opts.groupEqual.length || opts.groupPartial.length || opts.groupLabel))
    throw new PathlabError(
      `${kind}(): ${opts.groupEqual.length ? "groupEqual" : opts.groupPartial.length ? "groupPartial" : "groupLabel"} needs groups, but no 'group' was given.`,
      {
        code: "options.bad-value",
        hint: 'Name the column that holds the groups, e.g. { group: "school", groupEqual: ["loadings"] }.',
      },
    );
  const allMeans = isGroupMomentsInput(input) ? input.every((m) => !!m.means) : false;
  // lavaan: a group argument (or one set of means per group) brings a mean structure; so do equal
  // intercepts or means, and FIML.
  const needMeans = opts.groupEqual.includes("intercepts") || opts.groupEqual.includes("means") || opts.missing !== "listwise";
  const meanstructure = opts.missing !== "listwise" ? true : (opts.meanstructure ?? (opts.group !== undefined || allMeans || needMeans ? true : undefined));
  const pt = parTableOf(model, {
    stdLv: opts.stdLv,
    meanstructure,
    fixedX: opts.fixedX,
    orthogonal: opts.orthogonal,
    ngroups: G,
    groupEqual: opts.groupEqual,
    groupPartial: opts.groupPartial,
  });
  if (opts.missing !== "listwise" && opts.meanstructure === false)
    pt.warnings.push({
      code: "sem.fiml-meanstructure",
      message: 'FIML needs a mean structure: meanstructure = false was overridden (lavaan: "missing argument forces meanstructure = TRUE").',
    });
  if (pt.vars.ov.length === 0)
    throw new PathlabError("The model has no observed variables.", {
      code: "sem.model",
      hint: 'Name the data columns in the model, e.g. "f =~ item1 + item2 + item3".',
    });
  if (opts.checkLvNames) checkLatentNames(pt, input);
  const noMeans = isGroupMomentsInput(input) ? !allMeans : isMomentsInput(input) && !input.means;
  if (pt.meanstructure && noMeans)
    throw new PathlabError("The model has a mean structure but the moments input has no means.", {
      hint: needMeans
        ? "Equal intercepts or means need each group's means: pass { cov, means, n, names } per group."
        : "Pass { cov, means, n, names }, or drop the `~ 1` terms / meanstructure option.",
      code: "sem.moments",
    });
  const nMom = G * momentCount(pt);
  if (pt.nFree > nMom)
    throw new PathlabError(`The model is not identified: ${pt.nFree} free parameters but only ${nMom} sample moments (df = ${nMom - pt.nFree}).`, {
      hint: "Fix or constrain parameters (e.g. equal loadings with a shared label), remove covariances, or add indicators.",
      code: "sem.not-identified",
    });
  return pt;
}

/**
 * Covariance of the estimates, (N·I)⁻¹, from the expected information (lavaan's default for
 * complete-data ML) or the observed information (default with FIML); NaN when not computed.
 */
function estimatesCovariance(
  est: EstimatedModel,
  pt: ParTable,
  opts: ResolvedSemOptions,
  nEff: number,
  fiml: boolean,
): { vcov: Float64Array; info?: Float64Array } {
  const q = pt.nFree;
  // Identification is judged, and standard errors computed, only at a converged solution.
  if (!est.converged || opts.se === "none") return { vcov: new Float64Array(q * q).fill(NaN) };
  const type = opts.information ?? (fiml ? "observed" : "expected");
  // The optimiser leaves the engines at θ̂ with the (scoring) information of that point.
  let info = est.info;
  if (!info || (fiml && type === "expected")) {
    info = new Float64Array(q * q);
    est.objective.information(info);
  }
  if (type === "observed") {
    const scale = Float64Array.from({ length: q }, (_, k) => 1 / Math.sqrt(Math.max(info![k * q + k], 1e-300)));
    const obs = new Float64Array(q * q);
    est.objective.observedInformation!(est.theta, obs, scale);
    info = obs;
  }
  return { vcov: vcovFromInformation(info, q, nEff, freeParamNames(pt, true)), info };
}

function fitModel(kind: "cfa" | "sem", model: string, input: SemInput, options: SemOptions | undefined): SemFit {
  const opts = semOptions(kind, options);
  checkInput(kind, input);
  const momentsIn = isMomentsInput(input) || isGroupMomentsInput(input);
  checkCombinations(kind, opts, momentsIn);
  const layout = inputGroups(kind, input, opts);
  const pt0 = parTableFor(kind, model, input, opts, layout);
  checkBoundOptions(kind, pt0, opts, "before");
  const samples = groupSamples(input, pt0, opts, layout, momentsIn);
  const G = samples.length;
  const droppedX = samples.reduce((a, x) => a + (x.droppedX ?? 0), 0);
  const droppedEmpty = samples.reduce((a, x) => a + (x.droppedEmpty ?? 0), 0);
  if (droppedX)
    pt0.warnings.push({
      code: "sem.fiml-dropped-x",
      message: `${droppedX} cases were deleted due to missing values in exogenous covariate(s) (${pt0.vars.ovX.join(", ")}), while fixed.x = true (as lavaan). Use fixed.x: false to keep them.`,
    });
  if (droppedEmpty)
    pt0.warnings.push({
      code: "sem.fiml-dropped-empty",
      message: `${droppedEmpty} cases with no observed value on the model's variables were dropped (as lavaan).`,
    });
  const bounded = fitWithBounds(pt0, samples, opts, estimateModel(pt0, samples, opts));
  const pt = bounded.pt;
  const est = bounded.est;
  checkBoundOptions(kind, pt, opts, "after");
  if (!Number.isFinite(est.f) || est.groups.some((g) => g.engine.Sigma.some((v) => !Number.isFinite(v) || Math.abs(v) > 1e150)))
    throw new PathlabError("The model-implied covariance matrix overflows double precision at the estimates.", {
      code: "sem.overflow",
      hint: "Check fixed values in the model (e.g. 1e90*x1) and rescale variables measured in huge units.",
    });
  const wishart = opts.likelihood === "wishart";
  const groups: GroupState[] = est.groups.map((g, k) => ({
    label: layout ? layout.labels[k] : "",
    structure: g.structure,
    engine: g.engine,
    sample: samples[k],
    nEff: wishart ? samples[k].n - 1 : samples[k].n,
  }));
  const nTotal = samples.reduce((a, x) => a + x.n, 0);
  const nEff = wishart ? nTotal - G : nTotal;
  const standard = estimatesCovariance(est, pt, opts, nEff, opts.missing !== "listwise");
  let vcov = standard.vcov;
  const state: SemState = {
    syntax: model,
    pt,
    groups,
    objective: est.objective,
    structure: groups[0].structure,
    engine: groups[0].engine,
    sample: groups[0].sample,
    theta: est.theta,
    vcov,
    nEff,
    likelihood: opts.likelihood,
    f: est.f,
    iterations: est.iterations,
    converged: est.converged,
    maxGrad: est.maxGrad,
    options: opts,
    kind,
    groupVar: layout && !isGroupMomentsInput(input) ? opts.group : undefined,
  };
  if (est.converged && (opts.se.startsWith("robust") || (opts.test !== "standard" && opts.test !== "none"))) {
    if (momentsIn)
      throw new PathlabError(
        `${kind}(): robust standard errors and scaled tests (estimator "${opts.estimator}") need the raw data; a covariance matrix has no fourth moments.`,
        {
          code: "options.bad-value",
          hint: 'Fit the data table, or use estimator "ML".',
        },
      );
    const { df, dfBaseline } = testDegrees(pt, G);
    const seKind = opts.se === "robust.sem" ? "mlm" : "mlr";
    const testKind = opts.test === "satorra.bentler" ? "mlm" : "mlr";
    setAll(state, state.theta);
    // The bread is the information of the standard errors (observed for MLR, expected for MLM: lavaan's defaults).
    const forSe = opts.se.startsWith("robust") ? robustStatistics(state, seKind, df, dfBaseline, standard.info) : undefined;
    const forTest =
      opts.test === "standard" || opts.test === "none"
        ? undefined
        : forSe && seKind === testKind
          ? forSe
          : robustStatistics(state, testKind, df, dfBaseline, standard.info);
    if (forSe) vcov = forSe.nvcov.map((v) => v / nTotal);
    state.vcov = vcov;
    if (forTest && df > 0) state.scaled = forTest.scaled;
  }
  if (opts.se === "bootstrap" && est.converged) bootstrapVcov(state);
  return new SemFit(state);
}

/**
 * se: "bootstrap" (lavaan's): R case resamples refitted from the estimates; the covariance of the
 * estimates is the covariance (divisor R − 1) of the successful replicates.
 */
function bootstrapVcov(state: SemState): void {
  const { options } = state;
  const bar = progressBar(options.bootstrap, "Bootstrap standard errors");
  let boot: BootDraws;
  try {
    boot = bootstrapDraws(state, options.bootstrap, options.seed!, { threads: options.threads, onProgress: (d) => bar.update(d) });
  } finally {
    bar.finish();
  }
  const q = boot.q;
  const good: number[] = [];
  for (let b = 0; b < boot.R; b++) if (boot.ok[b]) good.push(b);
  if (good.length < 2)
    throw new PathlabError(`Bootstrap standard errors: only ${good.length} of ${boot.R} resamples could be fitted.`, {
      code: "sem.boot-failed",
      hint: 'Check the model (see the warnings of a fit without se: "bootstrap"); a model that rarely converges cannot be bootstrapped.',
    });
  const mean = new Float64Array(q);
  for (const b of good) for (let j = 0; j < q; j++) mean[j] += boot.theta[b * q + j] / good.length;
  const V = new Float64Array(q * q);
  for (const b of good)
    for (let i = 0; i < q; i++) {
      const di = boot.theta[b * q + i] - mean[i];
      for (let j = 0; j <= i; j++) V[i * q + j] += di * (boot.theta[b * q + j] - mean[j]);
    }
  for (let i = 0; i < q; i++)
    for (let j = 0; j <= i; j++) {
      V[i * q + j] /= good.length - 1;
      V[j * q + i] = V[i * q + j];
    }
  state.vcov = V;
  state.boot = boot;
}

/** The model's and the baseline model's degrees of freedom (lavaan's). */
function testDegrees(pt: ParTable, G: number): { df: number; dfBaseline: number } {
  const p = pt.vars.ov.length;
  const kb = pt.vars.ovX.length;
  return { df: G * momentCount(pt) - pt.nFree - pt.boundNpar, dfBaseline: G * ((p * (p - 1)) / 2 - (kb * (kb - 1)) / 2) };
}

/**
 * Confirmatory factor analysis with lavaan's `cfa()` defaults: each factor scaled by its first
 * loading (or `stdLv`), free residual variances, correlated factors, ML estimation.
 * `input`: raw data (any table) or moments `{ cov, means?, n, names }`.
 */
export function cfa(model: string, input: SemInput, options?: SemOptions): SemFit {
  return fitModel("cfa", model, input, options);
}

/**
 * Structural equation model with lavaan's `sem()` defaults (identical to `cfa()`'s in lavaan:
 * marker indicators, exogenous latent covariances, covariances among pure outcomes, fixed.x).
 */
export function sem(model: string, input: SemInput, options?: SemOptions): SemFit {
  return fitModel("sem", model, input, options);
}

/** Options of `parameterEstimates()` (lavaan's names; dotted spellings accepted). */
export interface EstimatesOptions {
  /** Confidence level of the intervals (default: the fit's level, 0.95). */
  level?: number;
  /** Add the std.lv, std.all and std.nox columns (lavaan's standardized = TRUE). */
  standardized?: boolean;
  /** Show the standard errors, z statistics, p-values and confidence intervals (each true by default, as lavaan). */
  se?: boolean;
  zstat?: boolean;
  pvalue?: boolean;
  ci?: boolean;
  /**
   * Interval of a bootstrap fit (se: "bootstrap"): "perc" (default), "bca.simple", "norm" or "basic", as lavaan
   * (its order statistics interpolated on the normal scale, boot's norm.inter).
   */
  bootCiType?: "perc" | "bca.simple" | "norm" | "basic";
  "boot.ci.type"?: "perc" | "bca.simple" | "norm" | "basic";
  /** Drop the fixed parameters (lavaan's remove.nonfree). */
  removeNonfree?: boolean;
  "remove.nonfree"?: boolean;
}

/** Options of `standardizedSolution()`. */
export interface StandardizedOptions {
  /** "std.all" (default) or "std.lv". */
  type?: StdType;
  level?: number;
}

/** lavaan's zero for standard errors: √ε in parameterEstimates(), ε^¼ in standardizedSolution(). */
const SE_ZERO = Math.sqrt(2.220446049250313e-16);
const STD_SE_ZERO = Math.pow(2.220446049250313e-16, 0.25);

type BootCiType = "perc" | "bca.simple" | "norm" | "basic";

const ESTIMATES_SPECS: OptionSpecs = {
  level: LEVEL_SPEC,
  standardized: { kind: "boolean" },
  se: { kind: "boolean" },
  zstat: { kind: "boolean" },
  pvalue: { kind: "boolean" },
  ci: { kind: "boolean" },
  bootCiType: {
    kind: "enum",
    aliases: ["boot.ci.type"],
    values: ["perc", "bca.simple", "norm", "basic"],
    unsupportedValues: {
      bca: "the accelerated BCa interval needs lavaan's regression of the estimates on the resampling counts, which is not computed; use bca.simple (bias-corrected) or perc.",
    },
  },
  removeNonfree: { kind: "boolean", aliases: ["remove.nonfree"] },
  fmi: { kind: "fixed", value: false, otherwise: "fractions of missing information are not computed; compare a FIML fit with a listwise one instead." },
  rsquare: { kind: "fixed", value: false, otherwise: 'R² is a separate result here: fit.inspect("rsquare").' },
  covStd: {
    kind: "fixed",
    aliases: ["cov.std"],
    value: true,
    otherwise: "covariances are standardised by the residual standard deviations (lavaan's default); cov.std = FALSE is not computed.",
  },
  removeEq: { kind: "fixed", aliases: ["remove.eq"], value: true, otherwise: "equality-constraint rows are not listed in the table." },
  removeIneq: { kind: "fixed", aliases: ["remove.ineq"], value: true, otherwise: "inequality-constraint rows are not listed in the table." },
  removeSystemEq: { kind: "fixed", aliases: ["remove.system.eq"], value: true, otherwise: "equality-constraint rows are not listed in the table." },
  removeDef: { kind: "fixed", aliases: ["remove.def"], value: false, otherwise: 'filter the rows with op ":=" out of .rows instead.' },
  addAttributes: { kind: "fixed", aliases: ["add.attributes"], value: false, otherwise: "the table renders itself; its rows are plain objects." },
  output: { kind: "fixed", value: "data.frame", otherwise: "the result renders as a table in a notebook and as text with summary()." },
  header: { kind: "fixed", value: false, otherwise: "fit.summary() prints lavaan's header." },
};

const GROUP_SPEC = {
  kind: "custom",
  check: (v: unknown) => (typeof v === "number" || typeof v === "string" ? undefined : "must be a group number or label."),
  expected: 'e.g. { group: "female" } or { group: 2 }',
} as const;

/** A fitted SEM/CFA (lavaan's fitted `lavaan` object). */
export class SemFit extends Result {
  /** @internal */
  readonly state: SemState;
  /** Observations used (all groups). */
  readonly n: number;
  /** Rows dropped (listwise) for missing values. */
  readonly dropped: number;
  /** The optimiser reached a minimum (scaled gradient at rounding level). When false, nothing but the estimates is reported. */
  readonly converged: boolean;
  readonly iterations: number;
  /** Largest scaled |gradient| (|∂F/∂θ| / √(2I)) at the end of the optimisation. */
  readonly gradient: number;
  /** Observed and latent variable names in lavaan's order. */
  readonly ov: string[];
  readonly lv: string[];
  /** Group names in lavaan's order (one empty name for a single-group model). */
  readonly groupLabels: string[];
  /** Observations per group. */
  readonly groupN: number[];
  private estRows: Float64Array;
  private seRows: Float64Array;
  private fitCache?: Partial<Record<FitMeasureName, number>>;
  private fimlCorrectedCache?: FimlCorrected;
  private stdCache = new Map<StdType, { est: Float64Array; se: Float64Array }>();

  constructor(state: SemState) {
    super();
    this.state = state;
    this.n = state.groups.reduce((a, g) => a + g.sample.n, 0);
    this.dropped = state.sample.dropped;
    this.converged = state.converged;
    this.iterations = state.iterations;
    this.gradient = state.maxGrad;
    this.ov = [...state.pt.vars.ov];
    this.lv = [...state.pt.vars.lv];
    this.groupLabels = state.groups.map((g) => g.label);
    this.groupN = state.groups.map((g) => g.sample.n);
    const { pt, theta, vcov } = state;
    const q = theta.length;
    this.estRows = this.withTheta(theta, () => currentRowValues(state));
    this.seRows = new Float64Array(pt.rows.length);
    pt.rows.forEach((r, k) => {
      if (r.free > 0) this.seRows[k] = Math.sqrt(vcov[(r.free - 1) * q + (r.free - 1)]);
    });
    const definedIdx = pt.rows.map((r, k) => (r.op === ":=" ? k : -1)).filter((k) => k >= 0);
    if (definedIdx.length && state.boot) {
      // lavaan: the SE of a defined parameter is the SD of its values over the bootstrap draws.
      const draws = drawRowValues(state, state.boot, definedIdx);
      definedIdx.forEach((k, i) => {
        const v = draws.map((d) => d[i]);
        const m = v.reduce((a, x) => a + x, 0) / v.length;
        this.seRows[k] = Math.sqrt(v.reduce((a, x) => a + (x - m) * (x - m), 0) / (v.length - 1));
      });
    } else if (definedIdx.length) {
      const se = deltaMethodSE(
        theta,
        vcov,
        (t) =>
          this.withTheta(t, () => {
            const all = currentRowValues(state);
            return Float64Array.from(definedIdx.map((k) => all[k]));
          }),
        state.nEff,
      );
      definedIdx.forEach((k, i) => (this.seRows[k] = Number.isFinite(this.estRows[k]) ? se[i] : NaN));
    }
    pt.rows.forEach((r, k) => {
      r.start = r.free > 0 ? r.start : this.estRows[k];
    });
    this.warnings = this.collectWarnings();
  }

  /** Number of groups. */
  get ngroups(): number {
    return this.state.groups.length;
  }

  /** Runs `fn` with the engines at θ, then restores the estimates. */
  private withTheta<T>(t: Float64Array, fn: () => T): T {
    const { objective, theta } = this.state;
    objective.setTheta(t);
    objective.implied();
    const out = fn();
    if (t !== theta) setAll(this.state, theta);
    return out;
  }

  /** "group 2 [Grant-White]" (empty for a single-group model). */
  private groupName(g: number): string {
    return this.ngroups > 1 ? `group ${g + 1} [${this.groupLabels[g]}]` : "";
  }

  /** The fit's warnings; the constructor calls it with the engines at the estimates (no re-evaluation here). */
  private collectWarnings(): PathlabWarning[] {
    const st = this.state;
    const w: PathlabWarning[] = [...st.pt.warnings];
    if (!st.converged)
      w.push({
        code: "sem.not-converged",
        message: `The optimiser did NOT converge: it stopped after ${st.iterations} iterations with scaled gradient ${st.maxGrad.toExponential(2)} (converged means below ${GRAD_TOL}). Estimates are not a solution; standard errors and fit measures are not reported.`,
      });
    else
      st.groups.forEach((g, k) => {
        const rows: ParRow[] = [];
        const est: number[] = [];
        st.pt.rows.forEach((r, i) => {
          if (r.group !== k + 1) return;
          rows.push(r);
          est.push(this.estRows[i]);
        });
        const found = postCheckWarnings(rows, Float64Array.from(est), g.engine, g.structure.names, this.lv);
        for (const x of found) w.push(this.ngroups > 1 ? { code: x.code, message: `In ${this.groupName(k)}: ${x.message}` } : x);
      });
    st.pt.rows.forEach((r, k) => {
      if (r.op === ":=" && Number.isFinite(this.estRows[k]) && Number.isFinite(st.vcov[0]) && !Number.isFinite(this.seRows[k]))
        w.push({
          code: "sem.defined-undefined",
          message: `The standard error of the defined parameter ${r.lhs} := ${r.rhs} is not finite (its derivative overflows at the estimates); its SE, z, p and interval are not available.`,
        });
      if (r.op === ":=" && !Number.isFinite(this.estRows[k]))
        w.push({
          code: "sem.defined-undefined",
          message: `The defined parameter ${r.lhs} := ${r.rhs} is undefined at the estimates (${Number.isNaN(this.estRows[k]) ? "not a number" : this.estRows[k]}): e.g. the square root or log of a negative number, or a division by zero. Its estimate, SE and p are not available.`,
        });
    });
    return w;
  }

  /**
   * lavaan's `lavInspect(fit, what)` / `inspect(fit, what)`: model matrices ("est", "std", "se",
   * "free", "start"), moments ("sampstat", "implied", "residuals", "cov.lv", "cor.lv", "mean.lv",
   * "rsquare"), estimation ("coef", "vcov", "information", "fit", "converged", "partable") and data
   * ("nobs", "ngroups", "group.label") — see src/sem/inspect.ts for every value and synonym. A
   * multiple-group fit gives one result per group (`PerGroup`) where lavaan gives a list.
   */
  inspect(what: "implied" | "residuals" | "sampstat" | "fitted" | "resid" | "obs"): ImpliedMoments | PerGroup<ImpliedMoments>;
  inspect(what: "rsquare" | "r2"): RSquare | PerGroup<RSquare>;
  inspect(
    what: "est" | "std" | "std.all" | "std.lv" | "std.nox" | "se" | "free" | "start" | "estimates" | "standardized",
  ): ModelMatrices | PerGroup<ModelMatrices>;
  inspect(what: "cov.lv" | "cor.lv" | "mean.lv" | "cov.ov" | "cor.ov" | "mean.ov"): LabelledMatrix | PerGroup<LabelledMatrix>;
  inspect(what: "vcov" | "information" | "information.observed"): LabelledMatrix;
  inspect(what: "fit" | "fitmeasures" | "fit.measures"): FitMeasures;
  inspect(what: "coef"): Record<string, number>;
  inspect(what: "converged"): boolean;
  inspect(what: "nobs"): number[];
  inspect(what: "ntotal" | "ngroups" | "npar" | "iterations"): number;
  inspect(what: "group.label" | "ov.names" | "lv.names"): string[];
  inspect(what: "partable" | "list"): ParRow[];
  inspect(what: string): unknown;
  inspect(what: string): unknown {
    const lower = typeof what === "string" ? what.toLowerCase() : what;
    if (lower === "rsquare" || lower === "r2" || lower === "r-square") return this.rsquare();
    return inspectFit(
      this,
      what,
      () => this.fitMeasures(),
      () => this.rsquare(),
    );
  }

  /** R² of the endogenous variables (lavaan's inspect(fit, "rsquare")); NA where above 1 (a negative residual variance). */
  private rsquare(): RSquare | PerGroup<RSquare> {
    const parts = this.state.groups.map((g) => this.inspectGroup("rsquare", g) as RSquare);
    return this.ngroups > 1 ? new PerGroup(this.groupLabels, parts) : parts[0];
  }

  /**
   * Information matrix per observation at the estimates (lavaan's lavInspect(fit, "information") —
   * expected — or "information.observed"), named as `coef()`.
   */
  information(type: "expected" | "observed" = "expected"): { names: string[]; matrix: number[][] } {
    const st = this.state;
    const q = st.theta.length;
    const out = new Float64Array(q * q);
    this.withTheta(st.theta, () => {
      st.objective.objective();
      st.objective.information(out);
      if (type === "observed") {
        const scale = Float64Array.from({ length: q }, (_, k) => 1 / Math.sqrt(Math.max(out[k * q + k], 1e-300)));
        st.objective.observedInformation!(st.theta, out, scale);
      }
    });
    return { names: freeParamNames(st.pt), matrix: Array.from({ length: q }, (_, i) => Array.from(out.subarray(i * q, i * q + q))) };
  }

  private inspectGroup(what: string, g: GroupState): ImpliedMoments | RSquare {
    const { engine, structure } = g;
    const { pt } = this.state;
    const p = structure.p;
    const names = this.ov;
    const toRows = (a: Float64Array) => Array.from({ length: p }, (_, i) => Array.from(a.subarray(i * p, i * p + p)));
    if (what === "implied")
      return new ImpliedMoments("Model-implied moments", names, toRows(engine.Sigma), pt.meanstructure ? Array.from(engine.mu) : undefined);
    if (what === "residuals") {
      const S = engine.sample.S;
      const R = new Float64Array(p * p);
      for (let k = 0; k < p * p; k++) R[k] = S[k] - engine.Sigma[k];
      const mean = pt.meanstructure ? Array.from(engine.mu, (mu, i) => engine.sample.mean[i] - mu) : undefined;
      return new ImpliedMoments("Residuals (observed − implied)", names, toRows(R), mean);
    }
    const vars = totalVariances(engine);
    const idx = new Map(structure.names.map((v, i) => [v, i]));
    const endo = new Set<string>();
    for (const r of pt.rows) {
      if (r.op === "=~") endo.add(r.rhs);
      if (r.op === "~") endo.add(r.lhs);
    }
    const values: Record<string, number> = {};
    // lavaan's order: that of the variances in the parameter table (a variance written in the model first).
    const gi = this.state.groups.indexOf(g) + 1;
    const order = pt.rows.filter((r) => r.op === "~~" && r.lhs === r.rhs && r.group === gi && endo.has(r.lhs)).map((r) => r.lhs);
    for (const v of new Set(order)) {
      const i = idx.get(v)!;
      const m = engine.spec.m;
      // lavaan (lav_object_inspect_rsquare): 1 − the std.all residual variance, NA above 1 (a
      // negative residual variance, a Heywood case).
      const r2 = 1 - engine.S[i * m + i] / vars[i];
      values[v] = r2 > 1 ? NaN : r2;
    }
    return new RSquare(values);
  }

  /**
   * Parameter estimates with standard errors, z, p and confidence intervals (lavaan's
   * `parameterEstimates()`); `standardized: true` adds std.lv and std.all columns. Rows carry their
   * group (1-based; 0 for defined parameters).
   */
  parameterEstimates(opts?: EstimatesOptions): ParameterTable {
    const o = checkOptions("parameterEstimates", opts, ESTIMATES_SPECS) as EstimatesOptions & { bootCiType?: BootCiType; removeNonfree?: boolean };
    const level = o.level ?? this.state.options.level;
    const zc = qnorm(1 - (1 - level) / 2);
    const { pt, boot } = this.state;
    if (o.bootCiType !== undefined && o.bootCiType !== "perc" && !boot)
      throw new PathlabError(
        `parameterEstimates(): boot.ci.type "${o.bootCiType}" applies to a fit with bootstrap standard errors; this fit has se "${this.state.options.se}".`,
        {
          code: "options.bad-value",
          hint: 'Fit with { se: "bootstrap", bootstrap: 1000, seed: 1 }, or use fit.bootstrap({ R, seed }) for bootstrap intervals of defined parameters.',
        },
      );
    const bootCi = boot ? bootIntervals(this, boot, o.bootCiType ?? "perc", level) : undefined;
    const std = o.standardized ? { lv: this.std("std.lv"), all: this.std("std.all"), nox: this.std("std.nox") } : undefined;
    const rows: EstimateRow[] = [];
    pt.rows.forEach((r, k) => {
      const est = this.estRows[k];
      const isFree = r.free > 0 || r.op === ":=";
      if (o.removeNonfree && !isFree) return;
      // lavaan's parameterEstimates(): an SE below √ε is 0, with z and p NA.
      const se = isFree ? (this.seRows[k] < SE_ZERO ? 0 : this.seRows[k]) : 0;
      const z = isFree && se > 0 ? est / se : NaN;
      const row: EstimateRow = {
        lhs: r.lhs,
        op: r.op,
        rhs: r.rhs,
        group: r.group,
        label: r.label,
        est,
        se,
        z,
        pvalue: Number.isNaN(z) ? NaN : twoSidedP(z),
        ci_lower: bootCi ? bootCi.lower[k] : isFree ? est - zc * se : est,
        ci_upper: bootCi ? bootCi.upper[k] : isFree ? est + zc * se : est,
        free: r.free,
        user: r.user,
        exo: r.exo,
      };
      if (std) {
        row.std_lv = std.lv.est[k];
        row.std_all = std.all.est[k];
        row.std_nox = std.nox.est[k];
      }
      rows.push(row);
    });
    const omit = [
      ...(o.se === false ? ["se", "z", "pvalue", "ci_lower", "ci_upper"] : []),
      ...(o.zstat === false ? ["z", "pvalue"] : []),
      ...(o.pvalue === false ? ["pvalue"] : []),
      ...(o.ci === false ? ["ci_lower", "ci_upper"] : []),
    ];
    return new ParameterTable(rows, level, !!o.standardized, undefined, this.groupLabels, omit);
  }

  /** @internal Values of every row (defined parameters included) at θ. */
  rowValuesAt(t: Float64Array): Float64Array {
    return this.withTheta(t, () => currentRowValues(this.state));
  }

  /** @internal Standardised values of every row and their delta-method SEs (cached per type). */
  stdInternal(type: StdType): { est: Float64Array; se: Float64Array } {
    return this.std(type);
  }

  private std(type: StdType): { est: Float64Array; se: Float64Array } {
    const cached = this.stdCache.get(type);
    if (cached) return cached;
    const { pt, theta, vcov } = this.state;
    const f = (t: Float64Array) => this.withTheta(t, () => currentStdValues(this.state, type));
    const est = f(theta);
    const se = deltaMethodSE(theta, vcov, f, this.state.nEff);
    const out = { est, se };
    this.stdCache.set(type, out);
    const undefinedRows = pt.rows
      .filter((_r, k) => !Number.isFinite(est[k]) || (Number.isFinite(vcov[0]) && !Number.isFinite(se[k])))
      .map((r) => `${r.lhs} ${r.op} ${r.rhs}${this.ngroups > 1 && r.group > 0 ? ` (${this.groupName(r.group - 1)})` : ""}`);
    if (undefinedRows.length)
      this.warnings.push({
        code: "sem.std-undefined",
        message: `The ${type} standardized value${undefinedRows.length > 1 ? "s" : ""} of ${undefinedRows.join(", ")} ${undefinedRows.length > 1 ? "are" : "is"} undefined (a zero or negative variance, or an undefined defined parameter); shown as NA.`,
      });
    return out;
  }

  /** Standardised solution with delta-method standard errors (lavaan's `standardizedSolution()`), per group. */
  standardizedSolution(opts?: StandardizedOptions): StandardizedTable {
    const o = checkOptions("standardizedSolution", opts, {
      type: { kind: "enum", values: ["std.all", "std.lv", "std.nox"] },
      level: LEVEL_SPEC,
    });
    const type = (o.type ?? "std.all") as StdType;
    const level = o.level ?? this.state.options.level;
    const zc = qnorm(1 - (1 - level) / 2);
    const { est, se } = this.std(type);
    const rows: StandardizedRow[] = this.state.pt.rows.map((r, k) => {
      // lavaan's standardizedSolution(): an SE below ε^¼ (a value fixed by the standardisation,
      // such as a factor variance of 1 in std.all) is 0, and its z and p are NA.
      const s = se[k] < STD_SE_ZERO ? 0 : se[k];
      const z = s > 0 ? est[k] / s : NaN;
      return {
        lhs: r.lhs,
        op: r.op,
        rhs: r.rhs,
        group: r.group,
        label: r.label,
        est_std: est[k],
        se: s,
        z,
        pvalue: Number.isNaN(z) ? NaN : twoSidedP(z),
        ci_lower: est[k] - zc * s,
        ci_upper: est[k] + zc * s,
      };
    });
    return new StandardizedTable(rows, level, false, type, this.groupLabels);
  }

  /** Why fit measures cannot be reported (not converged, or test "none"), or undefined. */
  private fitUnavailable(): string | undefined {
    if (!this.state.converged) return 'the model did not converge (lavaan: "fit measures not available if model did not converge")';
    if (this.state.options.test === "none") return 'the fit was requested with test: "none"';
    return undefined;
  }

  /** All fit measures (lavaan names), or the named subset (names are case-insensitive, as in lavaan). */
  fitMeasures(names?: string | string[]): FitMeasures {
    const st = this.state;
    const list = fitMeasureList(
      names,
      measureOrder({ scaled: !!st.scaled, robust: !!st.scaled || st.options.missing !== "listwise", yb: st.scaled?.test === "yuan.bentler.mplus" }),
    );
    const why = this.fitUnavailable();
    if (why)
      throw new PathlabError(`fitMeasures(): fit measures are not available: ${why}.`, {
        code: "sem.no-fit-measures",
        hint: "Fix the model (see the fit's warnings) and fit again.",
      });
    if (!this.fitCache) this.fitCache = this.withTheta(this.state.theta, () => this.computeFit());
    const out = new FitMeasures(this.fitCache, list);
    const fm = this.fitCache;
    const overflow = list.filter((k) => fm[k] === Infinity || fm[k] === -Infinity);
    void fm;
    if (overflow.length)
      throw new PathlabError(
        `fitMeasures(): ${overflow.join(", ")} overflow${overflow.length > 1 ? "" : "s"} (the model-implied moments are too large for double precision).`,
        {
          code: "sem.overflow",
          hint: "Check fixed values in the model (e.g. 1e90*x1) and rescale variables measured in huge units.",
        },
      );
    // NaN is "not applicable": p-values of a saturated model (lavaan: NA); anything else is flagged.
    const na = list.filter((k) => Number.isNaN(fm[k]) && !(fm.df === 0 && /pvalue/.test(k)));
    if (na.length) out.warnings.push({ code: "sem.measure-undefined", message: `Not defined for this model (shown as NA): ${na.join(", ")}.` });
    return out;
  }

  private computeFit(): Partial<Record<FitMeasureName, number>> {
    const st = this.state;
    const { pt, structure } = st;
    const xIdx = pt.vars.ovX.map((v) => structure.names.indexOf(v));
    const base = computeFitMeasures({
      fmin: st.f / 2,
      groups: this.state.groups.map((g) => {
        const e = g.engine;
        const ms = g.sample.missing;
        return {
          p: g.structure.p,
          S: e.sample.S,
          mean: e.sample.mean,
          Sigma: e.Sigma,
          W: e.W,
          mu: e.mu,
          logdetS: e.sample.logdetS,
          logdetSigma: e.logdetSigma,
          f: e.objective(),
          n: g.sample.n,
          nEff: g.nEff,
          ...(ms
            ? {
                fiml: fimlLikelihoods(ms, e.Sigma, e.mu, pt.fixedX ? xIdx : []),
                gfiWeights: (e as FimlEngine).patternWeights(),
                gfiSample: { S: ms.pairwiseCov, mean: ms.availableMean },
              }
            : {}),
        };
      }),
      npar: pt.nFree + pt.boundNpar,
      meanstructure: pt.meanstructure,
      xIdx,
      fixedX: pt.fixedX,
    });
    const fiml = st.options.missing !== "listwise";
    if (!st.scaled && !fiml) return base;
    const df = base.df!;
    const dfb = base["baseline.df"]!;
    let corrected: FimlCorrected | undefined;
    if (fiml) corrected = this.fimlCorrectedCache ??= fimlCorrected(st, df, dfb, st.scaled ? "V3" : "V6");
    const robust = robustMeasures({
      X2: base.chisq!,
      df,
      X2b: base["baseline.chisq"]!,
      dfb,
      N: st.nEff,
      G: this.ngroups,
      scaled: st.scaled ? { c: st.scaled.c, cb: st.scaled.cBaseline, cH1: st.scaled.cH1, cH0: st.scaled.cH0 } : undefined,
      fiml: corrected ? { X2: corrected.X2, c: corrected.c, X2b: corrected.X2Null, cb: corrected.cNull } : undefined,
    });
    return { ...base, ...robust };
  }

  /** The fit has a scaled (robust) test statistic (MLR, MLM). */
  isScaled(): boolean {
    return !!this.state.scaled;
  }

  /** χ² contribution of each group (lavaan's test statistic per group), at the estimates. */
  chisqGroups(): number[] {
    return this.withTheta(this.state.theta, () => this.state.groups.map((g) => Math.max(g.nEff * g.engine.objective(), 0)));
  }

  /** Estimates of the free and defined parameters, named by label or lhs op rhs (".gN" in group N ≥ 2). */
  coef(): Record<string, number> {
    const out: Record<string, number> = {};
    this.state.pt.rows.forEach((r, k) => {
      if (!(r.free > 0 || r.op === ":=")) return;
      const name = r.label && !r.label.startsWith(".p") ? r.label : `${r.lhs}${r.op}${r.rhs}${r.group > 1 ? `.g${r.group}` : ""}`;
      if (!(name in out)) out[name] = this.estRows[k];
    });
    return out;
  }

  /** Covariance matrix of the free parameters (lavaan's `vcov()`), names as in `coef()`. */
  vcov(): { names: string[]; matrix: number[][] } {
    const q = this.state.theta.length;
    const names = freeParamNames(this.state.pt);
    const V = this.state.vcov;
    return { names, matrix: Array.from({ length: q }, (_, i) => Array.from(V.subarray(i * q, i * q + q))) };
  }

  title(): string {
    const o = this.state.options;
    const how = [
      o.estimator === "ML" ? "ML" : `${o.estimator} (robust)`,
      o.missing !== "listwise" ? "FIML" : "",
      this.state.likelihood === "wishart" ? "Wishart likelihood" : "",
    ].filter((x) => x);
    return `${this.state.kind === "cfa" ? "Confirmatory factor analysis" : "Structural equation model"} (${how.join(", ")})`;
  }

  info(): string[] {
    const st = this.state;
    const groups = this.ngroups > 1 ? ` in ${this.ngroups} groups (${this.groupLabels.map((l, g) => `${l}: ${this.groupN[g]}`).join(", ")})` : "";
    const eq = st.pt.groupEqual.length
      ? `; equal across groups: ${st.pt.groupEqual.join(", ")}${st.pt.groupPartial.length ? ` (except ${st.pt.groupPartial.join(", ")})` : ""}`
      : "";
    const lines = [
      `N = ${this.n}${groups}${this.dropped ? ` (${this.dropped} rows with missing values dropped)` : ""}; ${st.pt.nFree} free parameters${eq}; ${this.converged ? `converged in ${this.iterations} iterations` : `NOT converged (stopped after ${this.iterations} iterations, scaled gradient ${st.maxGrad.toExponential(2)})`}.`,
    ];
    if (this.fitUnavailable()) return lines;
    const fm = this.fitMeasures();
    const p = fm.df > 0 ? `p ${fm.pvalue < 0.001 ? "< .001" : `= ${fm.pvalue.toFixed(3)}`}` : "p not applicable (saturated model)";
    const ci = fm.df > 0 ? ` [${fm["rmsea.ci.lower"].toFixed(3)}, ${fm["rmsea.ci.upper"].toFixed(3)}]` : "";
    lines.push(
      `χ²(${fm.df}) = ${fm.chisq.toFixed(3)}, ${p}; CFI = ${fm.cfi.toFixed(3)}, TLI = ${fm.tli.toFixed(3)}, RMSEA = ${fm.rmsea.toFixed(3)}${ci}, SRMR = ${fm.srmr.toFixed(3)}`,
    );
    if (st.scaled) {
      const ps = fm["pvalue.scaled"];
      lines.push(
        `Scaled (${st.scaled.test === "satorra.bentler" ? "Satorra–Bentler" : "Yuan–Bentler"}, c = ${st.scaled.c.toFixed(3)}): χ²(${fm.df}) = ${fm["chisq.scaled"].toFixed(3)}, p ${ps < 0.001 ? "< .001" : `= ${ps.toFixed(3)}`}; robust CFI = ${fm["cfi.robust"].toFixed(3)}, TLI = ${fm["tli.robust"].toFixed(3)}, RMSEA = ${fm["rmsea.robust"].toFixed(3)} [${fm["rmsea.ci.lower.robust"].toFixed(3)}, ${fm["rmsea.ci.upper.robust"].toFixed(3)}]`,
      );
    } else if (st.options.missing !== "listwise")
      lines.push(
        `FIML-corrected (robust) CFI = ${fm["cfi.robust"].toFixed(3)}, TLI = ${fm["tli.robust"].toFixed(3)}, RMSEA = ${fm["rmsea.robust"].toFixed(3)} [${fm["rmsea.ci.lower.robust"].toFixed(3)}, ${fm["rmsea.ci.upper.robust"].toFixed(3)}]`,
      );
    if (this.ngroups > 1)
      lines.push(
        `χ² by group: ${this.chisqGroups()
          .map((c, g) => `${this.groupLabels[g]} ${c.toFixed(3)}`)
          .join(", ")}`,
      );
    return lines;
  }

  tables(): TableSpec[] {
    const pe = this.parameterEstimates({ standardized: this.converged }).tables();
    if (this.fitUnavailable()) return pe;
    const robust: string[] = this.state.scaled
      ? ["chisq.scaled", "pvalue.scaled", "chisq.scaling.factor", "cfi.robust", "tli.robust", "rmsea.robust", "rmsea.ci.lower.robust", "rmsea.ci.upper.robust"]
      : this.state.options.missing !== "listwise"
        ? ["cfi.robust", "tli.robust", "rmsea.robust"]
        : [];
    return [
      this.fitMeasures(["chisq", "df", "pvalue", ...robust, "cfi", "tli", "rmsea", "rmsea.ci.lower", "rmsea.ci.upper", "srmr", "gfi", "agfi"]).tables()[0],
      ...pe,
    ];
  }

  /** Text laid out like lavaan's `summary(fit, fit.measures, standardized)`. */
  summary(opts?: { fitMeasures?: boolean; standardized?: boolean; rsquare?: boolean }): string {
    const o = checkOptions("summary", opts, {
      fitMeasures: { kind: "boolean", aliases: ["fit.measures"] },
      standardized: { kind: "boolean" },
      rsquare: { kind: "boolean" },
    });
    return lavaanSummary(this, o);
  }

  /**
   * The group (1-based) a per-group helper works on: `group` as a number or label; in a
   * multiple-group fit without it, `whole` (all groups) when the helper can show them all, else an error.
   */
  private groupOption(what: string, group: unknown, whole: boolean): number[] {
    if (group === undefined) {
      if (this.ngroups === 1 || whole) return this.groupLabels.map((_, g) => g + 1);
      throw new PathlabError(`${what} is drawn for one group at a time; this fit has ${this.ngroups} groups.`, {
        code: "sem.group-required",
        hint: `Pass { group: ${JSON.stringify(this.groupLabels[0])} } (groups: ${this.groupLabels.join(", ")}), or a group number from 1 to ${this.ngroups}.`,
      });
    }
    const g = typeof group === "number" ? group : typeof group === "string" ? this.groupLabels.indexOf(group) + 1 : NaN;
    if (!(Number.isInteger(g) && g >= 1 && g <= this.ngroups))
      throw new PathlabError(`${what}: group ${describeValue(group)} is not a group of this fit.`, {
        code: "options.bad-value",
        hint: this.ngroups > 1 ? `Groups: ${this.groupLabels.map((l, k) => `${k + 1} = "${l}"`).join(", ")}.` : "This fit has one group; leave group out.",
      });
    return [g];
  }

  /**
   * Composite reliability and AVE per factor from the std.all loadings; in a multiple-group fit per
   * group (all groups, or `{ group }`), from each group's standardised solution.
   */
  reliability(opts?: { group?: number | string }): SemReliability {
    const o = checkOptions("reliability", opts, { group: GROUP_SPEC }) as { group?: number | string };
    return semReliability(this, this.groupOption("reliability()", o.group, true));
  }

  /** Fornell–Larcker table: √AVE against the model-implied factor correlations (one group: `{ group }`). */
  fornellLarcker(opts?: { group?: number | string }): FornellLarckerResult {
    const o = checkOptions("fornellLarcker", opts, { group: GROUP_SPEC }) as { group?: number | string };
    return semFornellLarcker(this, this.groupOption("fornellLarcker()", o.group, false)[0]);
  }

  /** HTMT (or HTMT2) of the factors from the observed covariances of their indicators (one group: `{ group }`). */
  htmt(opts?: { htmt2?: boolean; group?: number | string }): HtmtResult {
    const o = checkOptions("htmt", opts, { htmt2: { kind: "boolean" }, group: GROUP_SPEC }) as { htmt2?: boolean; group?: number | string };
    return semHtmt(this, o, this.groupOption("htmt()", o.group, false)[0]);
  }

  /** Path diagram (plotly, laid out by elkjs) with standardised estimates; see DiagramOptions (`group` for a multiple-group fit). */
  diagram(opts: DiagramOptions = {}): Figure {
    return pathDiagram(this, { ...opts, group: this.groupOption("diagram()", opts?.group, false)[0] });
  }

  /** The same as `diagram()`, under the name PROCESS results use. */
  pathDiagram(opts: DiagramOptions = {}): Figure {
    return pathDiagram(this, { ...opts, group: this.groupOption("pathDiagram()", opts?.group, false)[0] });
  }

  /**
   * Case-resampling bootstrap of the defined (or all) parameters with percentile intervals; a
   * multiple-group fit resamples within each group (as lavaan), a FIML fit resamples incomplete cases.
   */
  bootstrap(opts: BootstrapOptions): SemBootstrap {
    return bootstrapSem(this, opts);
  }

  /**
   * Modification indices (lavaan's `modindices(fit, sort., minimum.value, …)`): mi, epc, sepc.lv,
   * sepc.all, sepc.nox for every fixed or absent loading, covariance, regression and intercept.
   */
  modindices(opts?: ModIndicesOptions): ModIndices {
    return modindices(this, opts);
  }

  /** Internal access for summary/diagram/bootstrap helpers. */
  estimatesInternal(): { rows: ParRow[]; est: Float64Array; se: Float64Array } {
    return { rows: this.state.pt.rows, est: this.estRows, se: this.seRows };
  }
}

/** lavaan's fitMeasures(fit, names): "all" or a subset, lower-cased as lavaan does. */
function fitMeasureList(names: unknown, available: FitMeasureName[]): FitMeasureName[] {
  if (names === undefined || names === null) return [...available];
  const list = typeof names === "string" ? [names] : Array.isArray(names) ? names : null;
  if (!list || list.some((n) => typeof n !== "string"))
    throw new PathlabError(`fitMeasures(): names must be a string or an array of strings; got ${describeValue(names)}.`, {
      code: "options.bad-value",
      hint: 'Write fitMeasures(["cfi", "rmsea"]) or fitMeasures() for all.',
    });
  const out: FitMeasureName[] = [];
  for (const raw of list as string[]) {
    const nm = raw.toLowerCase();
    if (nm === "all") {
      out.push(...available);
      continue;
    }
    if ((available as string[]).includes(nm)) {
      out.push(nm as FitMeasureName);
      continue;
    }
    const robustName = (SCALED_MEASURE_NAMES as readonly string[]).includes(nm) || (ROBUST_MEASURE_NAMES as readonly string[]).includes(nm);
    const lavaanOnly = LAVAAN_ONLY_MEASURES.includes(nm);
    throw new PathlabError(
      robustName
        ? `fitMeasures(): "${raw}" belongs to a scaled (robust) test; this fit has the standard test.`
        : lavaanOnly
          ? `fitMeasures(): "${raw}" is a lavaan fit measure of categorical (WLSMV) or two-level models, which pathlab does not fit.`
          : `fitMeasures(): unknown fit measure ${JSON.stringify(raw)}.`,
      {
        hint: robustName ? 'Fit with estimator: "MLR" or "MLM" (robust measures also come with missing: "ml").' : `Available: ${available.join(", ")}.`,
        code: robustName || lavaanOnly ? "options.unsupported" : "options.unknown",
      },
    );
  }
  return out;
}

/** lavaan 0.6.14 measures not computed here. */
const LAVAAN_ONLY_MEASURES = ["wrmr", "srmr_within", "srmr_between"];
