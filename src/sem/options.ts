/**
 * The options of `cfa()` / `sem()`, declared once with lavaan's names (camelCase and lavaan's dotted
 * spelling both accepted) and validated by `checkOptions`: an unknown option, a bad value, or a
 * lavaan feature pathlab does not compute yet is an error that says so — never a plain ML fit
 * returned in its place.
 *
 * Features that are recognised but not implemented are listed in `unsupportedValues` /
 * `unsupported` with the reason; switching one on later (robust estimators, FIML, multiple groups)
 * means implementing it and deleting its entry here.
 *
 * @example
 * const o = semOptions("cfa", { "std.lv": true, estimator: "ml" });
 * // o.stdLv === true, o.estimator === "ML"
 */
import { PathlabError } from "../errors";
import { checkOptions, describeValue, type OptionSpecs } from "../options";
import { GROUP_EQUAL_CLASSES, type GroupEqualClass } from "./partable";

/** Options of `cfa()` and `sem()` (lavaan's names; each also accepted in lavaan's dotted spelling). */
export interface SemOptions {
  /** Identify factors by fixing their variances at 1 instead of the first loading (lavaan's `std.lv`). */
  stdLv?: boolean;
  "std.lv"?: boolean;
  /** Standardise the observed (non-exogenous) variables before fitting (lavaan's `std.ov`; raw data only). */
  stdOv?: boolean;
  "std.ov"?: boolean;
  /** Fix the covariances of the exogenous latent variables at zero (lavaan's `orthogonal`). */
  orthogonal?: boolean;
  /** Estimate intercepts (automatic when the model has `~ 1`). */
  meanstructure?: boolean;
  /** "normal" (divisor N, lavaan/Mplus; default) or "wishart" (N − 1, AMOS/LISREL). */
  likelihood?: "normal" | "wishart" | "default";
  /** Fix (co)variances of observed exogenous covariates at their sample values (default true). */
  fixedX?: boolean;
  "fixed.x"?: boolean;
  /**
   * "ML" (default), "MLR" (robust Huber–White standard errors and the Yuan–Bentler scaled test,
   * also with missing: "ml") or "MLM" (robust standard errors and the Satorra–Bentler scaled test;
   * complete data).
   */
  estimator?: string;
  /** "standard" (default for ML), "robust.huber.white" (MLR), "robust.sem" (MLM), "robust" (either, as lavaan chooses) or "none". */
  se?: string;
  /** "standard" (the likelihood-ratio χ²; default for ML), "yuan.bentler.mplus" (MLR), "satorra.bentler" (MLM) or "none". */
  test?: string;
  /**
   * "listwise" (default) or "ml" — full-information ML on all cases (lavaan's missing = "ml", also
   * spelled "fiml" or "direct"; "ml.x" as lavaan for models without exogenous covariates).
   */
  missing?: string;
  /** Numeric codes that mean "missing" in raw data, e.g. [99, -9] (rows with any missing model variable are dropped). */
  naValues?: number[];
  /** With a moments input: the covariance has divisor N − 1 and is rescaled by (N − 1)/N (lavaan's default true). */
  sampleCovRescale?: boolean;
  "sample.cov.rescale"?: boolean;
  /** Accepted for lavaan compatibility: cfa()/sem() always add residual variances (true). */
  autoVar?: boolean;
  "auto.var"?: boolean;
  /** Accepted for lavaan compatibility: cfa()/sem() always estimate observed intercepts (true). */
  intOvFree?: boolean;
  "int.ov.free"?: boolean;
  /** Accepted for lavaan compatibility: latent intercepts are fixed at zero (false). */
  intLvFree?: boolean;
  "int.lv.free"?: boolean;
  /** "expected" (default for ML with complete data) or "observed" (default with FIML and MLR). */
  information?: string;
  /**
   * Refuse latent variables named like a column of the data (default true, as lavaan). false (lavaan's
   * `check.lv.names = FALSE`) lets a factor share its name with a column the model does not use,
   * e.g. a composite score of the same items.
   */
  checkLvNames?: boolean;
  "check.lv.names"?: boolean;
  /** Iteration cap of the optimiser (default 10,000, as lavaan's nlminb iter.max). */
  maxIter?: number;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
  /** Multiple groups: the column of the data that names each row's group (lavaan's `group`). */
  group?: string;
  /**
   * Parameter classes held equal across groups (lavaan's `group.equal`): "loadings", "intercepts",
   * "means", "residuals", "residual.covariances", "lv.variances", "lv.covariances", "regressions".
   */
  groupEqual?: string | string[];
  "group.equal"?: string | string[];
  /** Parameters released from groupEqual, written lhs op rhs: "x3 ~ 1", "visual =~ x2" (lavaan's `group.partial`). */
  groupPartial?: string | string[];
  "group.partial"?: string | string[];
  /** The groups to analyse and their order (lavaan's `group.label`; default: order of appearance). */
  groupLabel?: string[];
  "group.label"?: string[];
  /** Bootstrap standard errors (se: "bootstrap"): the number of resamples (default 1000, as lavaan). */
  bootstrap?: number;
  /** Seed of the bootstrap (se: "bootstrap"; lavaan's `iseed`). Required with se: "bootstrap". */
  seed?: number;
  iseed?: number;
  /** CPU threads of the bootstrap (default: every core when it pays); the results do not depend on it. */
  threads?: number;
  /**
   * lavaan arguments accepted at the value that changes nothing (any other value is an error that
   * says why): verbose false, warn true, mimic "lavaan", do.fit true, optim.method "nlminb",
   * auto.fix.first true, orthogonal.x false, conditional.x false.
   */
  verbose?: boolean;
  warn?: boolean;
  mimic?: string;
  doFit?: boolean;
  "do.fit"?: boolean;
  optimMethod?: string;
  "optim.method"?: string;
  autoFixFirst?: boolean;
  "auto.fix.first"?: boolean;
  orthogonalX?: boolean;
  "orthogonal.x"?: boolean;
  conditionalX?: boolean;
  "conditional.x"?: boolean;
  /**
   * More lavaan arguments accepted at their defaults only: representation "LISREL", h1 true,
   * baseline true, bounds "none", check.gradient / check.post / check.vcov / check.start true,
   * orthogonal.y false, start "default", effect.coding false, ceq.simple false,
   * optim.force.converged false, optim.gradient "analytic".
   */
  representation?: string;
  h1?: boolean;
  baseline?: boolean;
  bounds?: string;
  checkGradient?: boolean;
  "check.gradient"?: boolean;
  checkPost?: boolean;
  "check.post"?: boolean;
  checkVcov?: boolean;
  "check.vcov"?: boolean;
  checkStart?: boolean;
  "check.start"?: boolean;
  orthogonalY?: boolean;
  "orthogonal.y"?: boolean;
  start?: string;
  effectCoding?: boolean;
  "effect.coding"?: boolean;
  ceqSimple?: boolean;
  "ceq.simple"?: boolean;
  optimForceConverged?: boolean;
  "optim.force.converged"?: boolean;
  optimGradient?: string;
  "optim.gradient"?: string;
  /** lavaan's h1.information: "structured" (its default) only. */
  h1Information?: string;
  "h1.information"?: string;
  /** lavaan's observed.information: "hessian" (its default) only. */
  observedInformation?: string;
  "observed.information"?: string;
  /** Not computed (an error says what to do instead): ordinal indicators, sampling weights, clustered data. */
  ordered?: string | string[] | boolean;
  samplingWeights?: string;
  "sampling.weights"?: string;
  cluster?: string;
}

/** Options after validation: canonical names, defaults filled in. */
export interface ResolvedSemOptions {
  stdLv: boolean;
  stdOv: boolean;
  orthogonal: boolean;
  meanstructure: boolean | undefined;
  likelihood: "normal" | "wishart";
  fixedX: boolean;
  estimator: "ML" | "MLR" | "MLM";
  se: "standard" | "none" | "robust.huber.white" | "robust.sem" | "bootstrap";
  test: "standard" | "none" | "yuan.bentler.mplus" | "satorra.bentler";
  missing: "listwise" | "ml" | "ml.x";
  /** undefined: lavaan's default for the estimator and missing-data method. */
  information?: "expected" | "observed";
  naValues: number[];
  sampleCovRescale: boolean;
  checkLvNames: boolean;
  maxIter: number;
  level: number;
  group?: string;
  groupEqual: GroupEqualClass[];
  groupPartial: string[];
  groupLabel?: string[];
  /** se: "bootstrap": resamples, seed and threads. */
  bootstrap: number;
  seed?: number;
  threads?: number;
}

/** A string or an array of strings (lavaan accepts both for group.equal and group.partial). */
function stringList(v: unknown): string[] | undefined {
  if (typeof v === "string") return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v as string[];
  return undefined;
}

function checkGroupEqual(v: unknown): string | undefined {
  const list = stringList(v);
  if (!list) return `must be a class name or an array of them (${GROUP_EQUAL_CLASSES.join(", ")}); got ${describeValue(v)}.`;
  for (const c of list) {
    if ((GROUP_EQUAL_CLASSES as readonly string[]).includes(c)) continue;
    if (c === "thresholds" || c === "composite.loadings")
      return `"${c}" is not supported: pathlab fits continuous indicators without composites (thresholds need ordered indicators and WLSMV); use ${GROUP_EQUAL_CLASSES.join(", ")}.`;
    return `"${c}" is not one of lavaan's classes: ${GROUP_EQUAL_CLASSES.join(", ")}.`;
  }
  return undefined;
}

/** What the estimators pathlab refuses are, for the refusal's sentence. */
const ESTIMATOR_KIND: Record<string, string> = {
  GLS: "generalised least squares",
  ULS: "unweighted least squares",
  WLS: "weighted least squares (ADF)",
  DWLS: "diagonally weighted least squares",
  WLSM: "DWLS with a scaled test, for ordinal data",
  WLSMV: "DWLS with a mean- and variance-adjusted test, for ordinal data",
  ULSM: "ULS with a scaled test",
  ULSMV: "ULS with a mean- and variance-adjusted test",
  MLMV: "ML with a mean- and variance-adjusted test",
  MLMVS: "ML with a Satterthwaite-adjusted test",
  MLF: "ML with first-order (outer product) standard errors",
  PML: "pairwise maximum likelihood",
  REML: "restricted maximum likelihood",
};

/** Value lists shared with the help text. lavaan lower-cases estimator, se, test and missing. */
/** A confidence level option (0 < level < 1), shared by every SEM function that takes one. */
export const LEVEL_SPEC = {
  kind: "number",
  min: 0,
  max: 1,
  exclusiveMin: true,
  exclusiveMax: true,
  rangeHint: "Write the level as a proportion, e.g. 0.95 for a 95% interval.",
} as const;

const SPECS: OptionSpecs = {
  stdLv: { kind: "boolean", aliases: ["std.lv"] },
  stdOv: { kind: "boolean", aliases: ["std.ov"] },
  orthogonal: { kind: "boolean" },
  meanstructure: { kind: "boolean" },
  likelihood: { kind: "enum", values: ["normal", "wishart"], caseInsensitive: true, valueAliases: { default: "normal" } },
  fixedX: { kind: "boolean", aliases: ["fixed.x"] },
  estimator: {
    kind: "enum",
    values: ["ML", "MLR", "MLM"],
    caseInsensitive: true,
    valueAliases: { default: "ML" },
    unsupportedValues: Object.fromEntries(
      ["MLMV", "MLMVS", "MLF", "GLS", "WLS", "DWLS", "ULS", "WLSM", "WLSMV", "ULSM", "ULSMV", "DLS", "PML", "FML", "MML", "REML", "catML", "NTRLS"].map((e) => [
        e,
        `ML, MLR and MLM are computed; ${e} (${ESTIMATOR_KIND[e] ?? "another estimator"}) is not. Use estimator "ML" (or "MLR" for robust SEs), or fit the model in R's lavaan for ${e}.`,
      ]),
    ),
  },
  se: {
    kind: "enum",
    values: ["standard", "none", "robust.huber.white", "robust.sem", "robust", "bootstrap"],
    caseInsensitive: true,
    valueAliases: { default: "default", "robust.mlr": "robust.huber.white", "robust.mlm": "robust.sem", boot: "bootstrap" },
    unsupportedValues: Object.fromEntries(
      ["robust.cluster", "robust.cluster.sem", "sandwich", "first.order", "external", "twostep", "two.stage", "robust.two.stage"].map((v) => [
        v,
        "pathlab computes standard, robust.huber.white (MLR), robust.sem (MLM) and bootstrap standard errors; use one of those, or fit the model in R's lavaan for this one.",
      ]),
    ),
  },
  test: {
    kind: "enum",
    values: ["standard", "none", "yuan.bentler.mplus", "satorra.bentler"],
    caseInsensitive: true,
    valueAliases: {
      default: "default",
      sb: "satorra.bentler",
      "satorra-bentler": "satorra.bentler",
      satorra: "satorra.bentler",
      "yuan-bentler.mplus": "yuan.bentler.mplus",
    },
    unsupportedValues: Object.fromEntries(
      [
        "yuan.bentler",
        "mean.var.adjusted",
        "scaled.shifted",
        "bollen.stine",
        "browne.residual.adf",
        "browne.residual.nt",
        "browne.residual.nt.model",
        "browne.residual.adf.model",
      ].map((v) => [v, "the standard test, satorra.bentler (MLM) and yuan.bentler.mplus (MLR) are computed; this test is not."]),
    ),
  },
  missing: {
    kind: "enum",
    values: ["listwise", "ml", "ml.x"],
    caseInsensitive: true,
    valueAliases: { default: "listwise", fiml: "ml", direct: "ml", "fiml.x": "ml.x", "direct.x": "ml.x" },
    unsupportedValues: Object.fromEntries(
      ["two.stage", "robust.two.stage", "two-stage", "robust.two-stage", "twostage", "pairwise", "available.cases", "doubly.robust"].map((v) => [
        v,
        `listwise deletion and full-information ML ("ml") are computed; two-stage, pairwise and available-case estimation are not: fit the model in R's lavaan for this.`,
      ]),
    ),
  },
  naValues: {
    kind: "custom",
    aliases: ["na.values"],
    check: (v) =>
      Array.isArray(v) && v.every((x) => typeof x === "number" && !Number.isNaN(x))
        ? undefined
        : `must be an array of numbers such as [99, -9]; got ${describeValue(v)}.`,
    expected: "an array of numeric codes, e.g. [99, -9]",
  },
  sampleCovRescale: { kind: "boolean", aliases: ["sample.cov.rescale"] },
  autoVar: {
    kind: "custom",
    aliases: ["auto.var"],
    check: onlyValue(
      true,
      "cfa()/sem() always add the residual variances (lavaan's cfa()/sem() override auto.var = FALSE too); fix a variance in the syntax instead, e.g. x1 ~~ 0*x1.",
    ),
    expected: "true",
  },
  intOvFree: {
    kind: "custom",
    aliases: ["int.ov.free"],
    check: onlyValue(true, "cfa()/sem() always estimate the observed intercepts (as lavaan's cfa()/sem()); fix one in the syntax instead, e.g. x1 ~ 0*1."),
    expected: "true",
  },
  intLvFree: {
    kind: "custom",
    aliases: ["int.lv.free"],
    check: onlyValue(false, "latent intercepts are fixed at zero (as lavaan's cfa()/sem()); free one in the syntax instead, e.g. f ~ NA*1."),
    expected: "false",
  },
  information: {
    kind: "enum",
    values: ["expected", "observed", "default"],
    caseInsensitive: true,
    unsupportedValues: { "first.order": "the first-order (outer product) information is not used for standard errors here; use expected or observed." },
  },
  checkLvNames: { kind: "boolean", aliases: ["check.lv.names"] },
  maxIter: { kind: "number", min: 1, integer: true },
  level: LEVEL_SPEC,
  group: { kind: "string" },
  groupEqual: { kind: "custom", aliases: ["group.equal"], check: checkGroupEqual, expected: `e.g. ["loadings", "intercepts"]` },
  groupPartial: {
    kind: "custom",
    aliases: ["group.partial"],
    check: (v) => (stringList(v) ? undefined : `must be a parameter such as "x3 ~ 1" or an array of them; got ${describeValue(v)}.`),
    expected: `e.g. ["x3 ~ 1", "visual =~ x2"]`,
  },
  groupLabel: {
    kind: "custom",
    aliases: ["group.label"],
    check: (v) => (stringList(v) && (v as unknown[]).length > 0 ? undefined : `must be an array of group names; got ${describeValue(v)}.`),
    expected: `e.g. ["Pasteur", "Grant-White"]`,
  },
  bootstrap: { kind: "number", min: 2, integer: true, rangeHint: "bootstrap is the number of resamples, e.g. 1000." },
  seed: { kind: "seed", aliases: ["iseed"] },
  threads: { kind: "number", min: 1, max: 256, integer: true, rangeHint: "threads is the number of CPU threads, e.g. 2; leave it out to use every core." },
  conditionalX: {
    kind: "fixed",
    aliases: ["conditional.x"],
    value: false,
    otherwise:
      "conditional.x = TRUE (a likelihood conditional on the covariates) is not computed; with fixed.x = TRUE (the default) the estimates and SEs of an ML fit are the same. Leave conditional.x out.",
  },
  representation: {
    kind: "fixed",
    value: ["LISREL", "default"],
    otherwise: "pathlab reports the LISREL representation (lavaan's default); RAM output is not offered. Leave representation out.",
  },
  h1: { kind: "fixed", value: true, otherwise: "the unrestricted (h1) model is always fitted; it is what the χ² test compares against. Leave h1 out." },
  baseline: { kind: "fixed", value: true, otherwise: "the baseline model is always fitted (CFI, TLI and friends need it). Leave baseline out." },
  bounds: {
    kind: "fixed",
    value: ["none", "default"],
    otherwise:
      'lavaan\'s automatic parameter bounds are not applied. Leave bounds out, and write the bound you need in the model, e.g. "x1 ~~ v*x1" and "v > 0".',
  },
  checkGradient: {
    kind: "fixed",
    aliases: ["check.gradient"],
    value: true,
    otherwise: "the gradient at the solution is always checked (see fit.warnings). Leave check.gradient out.",
  },
  checkPost: {
    kind: "fixed",
    aliases: ["check.post"],
    value: true,
    otherwise: "the solution is always checked for negative variances and non-positive-definite matrices (see fit.warnings). Leave check.post out.",
  },
  checkVcov: {
    kind: "fixed",
    aliases: ["check.vcov"],
    value: true,
    otherwise: "the covariance matrix of the estimates is always checked (see fit.warnings). Leave check.vcov out.",
  },
  checkStart: { kind: "fixed", aliases: ["check.start"], value: true, otherwise: "the starting values are always checked. Leave check.start out." },
  orthogonalY: {
    kind: "fixed",
    aliases: ["orthogonal.y"],
    value: false,
    otherwise:
      "endogenous latent variables keep correlated residuals only where the model says so (lavaan's default); to fix one at zero write f1 ~~ 0*f2. Leave orthogonal.y out.",
  },
  start: {
    kind: "fixed",
    value: "default",
    otherwise:
      'starting values come from pathlab\'s own rules (the optimum does not depend on them); a fitted model or "simple" starting values are not accepted. Give a start value in the model instead, e.g. start(0.8)*x2.',
  },
  effectCoding: {
    kind: "fixed",
    aliases: ["effect.coding"],
    value: false,
    otherwise:
      "effect coding (loadings constrained to average 1) is not computed: the sum constraint it needs is not supported. Scale the factors by their first loading (the default) or by their variance (stdLv: true); the fit and the standardized solution are the same.",
  },
  ceqSimple: {
    kind: "fixed",
    aliases: ["ceq.simple"],
    value: false,
    otherwise: "equality constraints are handled internally; the estimates do not depend on this. Leave ceq.simple out.",
  },
  optimForceConverged: {
    kind: "fixed",
    aliases: ["optim.force.converged"],
    value: false,
    otherwise:
      "a fit that did not converge is reported as such (fit.converged false, with a warning); it is never declared converged. Leave optim.force.converged out.",
  },
  optimGradient: {
    kind: "fixed",
    aliases: ["optim.gradient"],
    value: ["analytic", "default"],
    otherwise: "the optimiser uses the analytic gradient. Leave optim.gradient out.",
  },
  h1Information: {
    kind: "fixed",
    aliases: ["h1.information"],
    value: ["structured", "default"],
    otherwise:
      'the expected information and the robust "meat" use the model-implied (structured) moments, lavaan\'s default; h1.information = "unstructured" (the sample moments) is not computed. Leave h1.information out, or fit the model in R\'s lavaan.',
  },
  observedInformation: {
    kind: "fixed",
    aliases: ["observed.information"],
    value: ["hessian", "default"],
    otherwise:
      'the observed information is the Hessian of the likelihood (lavaan\'s default); observed.information = "h1" is not computed. Leave observed.information out.',
  },
  ordered: {
    kind: "custom",
    unsupported:
      "ordinal indicators (ordered) need polychoric correlations and the WLSMV estimator, which pathlab does not compute. Treat the items as continuous (drop ordered), or fit the model in R's lavaan.",
  },
  samplingWeights: {
    kind: "custom",
    aliases: ["sampling.weights"],
    unsupported:
      "weighted ML (sampling weights) is not computed. Fit the unweighted model (drop sampling.weights), or fit it in R's lavaan (or lavaan.survey) for design-based estimates.",
  },
  cluster: {
    kind: "custom",
    unsupported:
      "cluster-robust standard errors and two-level models are not computed. Drop cluster (the SEs then assume independent cases), or fit the model in R's lavaan.",
  },
  verbose: { kind: "fixed", value: false, otherwise: "pathlab prints nothing while fitting; the fit's iterations and convergence are in fit.info()." },
  warn: { kind: "fixed", value: true, otherwise: "warnings are always collected in fit.warnings and shown with the results; they cannot be switched off." },
  mimic: {
    kind: "fixed",
    value: ["lavaan", "default"],
    otherwise:
      'pathlab computes lavaan\'s conventions only; mimic = "Mplus" (which changes the likelihood of the baseline model, the SRMR and the mean structure defaults) and "EQS" are not computed. Leave mimic out, or fit the model in R\'s lavaan.',
  },
  doFit: {
    kind: "fixed",
    aliases: ["do.fit"],
    value: true,
    otherwise: "cfa()/sem() always fit the model; use parseModelSyntax() and buildParTable() to inspect a model without fitting it.",
  },
  optimMethod: {
    kind: "fixed",
    aliases: ["optim.method"],
    value: ["nlminb", "default"],
    otherwise:
      "pathlab minimises by Fisher scoring/BFGS with a Newton trust region (stricter convergence than lavaan's nlminb, same optimum); other optimisers are not offered. Leave optim.method out.",
  },
  autoFixFirst: {
    kind: "fixed",
    aliases: ["auto.fix.first"],
    value: true,
    otherwise:
      "the first loading of each factor is fixed at 1 (lavaan's default). To free it, write NA*x1 in the model and fix the factor variance (f ~~ 1*f), or use stdLv: true.",
  },
  orthogonalX: {
    kind: "fixed",
    aliases: ["orthogonal.x"],
    value: false,
    otherwise:
      "exogenous latent variables that are covariates are correlated (lavaan's default). Fix the covariance in the model instead, e.g. f1 ~~ 0*f2, or use orthogonal: true for all factors.",
  },
};

/**
 * lavaan's defaults of se, test and information for the estimator (lav_options): MLR →
 * robust.huber.white, yuan.bentler.mplus, observed information; MLM → robust.sem,
 * satorra.bentler, expected; ML → standard. MLM and the Satorra–Bentler family need complete data.
 */
function robustDefaults(fn: string, o: Record<string, unknown>): Pick<ResolvedSemOptions, "estimator" | "se" | "test"> {
  const estimator = (o.estimator as "ML" | "MLR" | "MLM" | undefined) ?? "ML";
  const fiml = o.missing === "ml" || o.missing === "ml.x";
  let se = o.se as string | undefined;
  if (se === undefined || se === "default") se = estimator === "MLR" ? "robust.huber.white" : estimator === "MLM" ? "robust.sem" : "standard";
  if (se === "robust") se = estimator === "MLR" || fiml ? "robust.huber.white" : "robust.sem";
  let test = o.test as string | undefined;
  if (test === undefined || test === "default") test = estimator === "MLR" ? "yuan.bentler.mplus" : estimator === "MLM" ? "satorra.bentler" : "standard";
  if (fiml && (estimator === "MLM" || se === "robust.sem" || test === "satorra.bentler"))
    throw new PathlabError(
      `${fn}(): ${estimator === "MLM" ? 'estimator "MLM"' : se === "robust.sem" ? 'se "robust.sem"' : 'test "satorra.bentler"'} needs complete data, but missing = "${o.missing}" (lavaan refuses this, or silently switches to listwise deletion).`,
      {
        code: "options.bad-value",
        hint: 'Use estimator "MLR" with missing: "ml" (robust errors and test for incomplete data), or missing: "listwise".',
      },
    );
  return { estimator, se: se as ResolvedSemOptions["se"], test: test as ResolvedSemOptions["test"] };
}

function onlyValue(allowed: boolean, why: string): (v: unknown) => string | undefined {
  return (v) => {
    if (typeof v !== "boolean") return `must be ${allowed}; got ${describeValue(v)}.`;
    return v === allowed ? undefined : `${v} is not supported: ${why}`;
  };
}

/** Validates the options of cfa()/sem() and fills in lavaan's defaults. */
export function semOptions(fn: "cfa" | "sem", options: SemOptions | undefined): ResolvedSemOptions {
  const given = options as Record<string, unknown> | undefined;
  if (given && typeof given === "object" && Array.isArray(given.missing))
    throw new PathlabError(`${fn}(): option 'missing' takes lavaan's method name ("listwise"); numeric missing-value codes are given as naValues.`, {
      code: "options.bad-value",
      hint: `Write { naValues: [${given.missing
        .slice(0, 3)
        .map((x) => describeValue(x))
        .join(", ")}] } instead of { missing: [...] }.`,
    });
  const o = checkOptions(fn, options, SPECS) as Record<string, unknown>;
  if (o.se === "bootstrap" && o.seed === undefined)
    throw new PathlabError(`${fn}(): se: "bootstrap" needs a seed so that the standard errors can be reproduced.`, {
      code: "options.bad-value",
      hint: 'Add one, e.g. { se: "bootstrap", bootstrap: 1000, seed: 1 } (lavaan\'s iseed).',
    });
  if (o.se !== "bootstrap" && (o.bootstrap !== undefined || o.seed !== undefined))
    throw new PathlabError(`${fn}(): ${o.bootstrap !== undefined ? "bootstrap" : "seed"} applies to bootstrap standard errors, but se is not "bootstrap".`, {
      code: "options.bad-value",
      hint: 'Add se: "bootstrap" (bootstrap standard errors and intervals), or drop the option; fit.bootstrap({ R, seed }) bootstraps after fitting.',
    });
  return {
    stdLv: (o.stdLv as boolean) ?? false,
    stdOv: (o.stdOv as boolean) ?? false,
    orthogonal: (o.orthogonal as boolean) ?? false,
    meanstructure: o.meanstructure as boolean | undefined,
    likelihood: (o.likelihood as "normal" | "wishart") ?? "normal",
    fixedX: (o.fixedX as boolean) ?? true,
    ...robustDefaults(fn, o),
    missing: (o.missing as "listwise" | "ml" | "ml.x") ?? "listwise",
    information:
      o.information === "default" || o.information === undefined
        ? o.estimator === "MLR"
          ? "observed"
          : undefined
        : (o.information as "expected" | "observed"),
    naValues: (o.naValues as number[]) ?? [],
    sampleCovRescale: (o.sampleCovRescale as boolean) ?? true,
    checkLvNames: (o.checkLvNames as boolean) ?? true,
    maxIter: (o.maxIter as number) ?? 10000,
    level: (o.level as number) ?? 0.95,
    group: o.group as string | undefined,
    groupEqual: [...new Set(stringList(o.groupEqual) ?? [])] as GroupEqualClass[],
    groupPartial: stringList(o.groupPartial) ?? [],
    groupLabel: stringList(o.groupLabel),
    bootstrap: (o.bootstrap as number) ?? 1000,
    seed: o.seed as number | undefined,
    threads: o.threads as number | undefined,
  };
}
