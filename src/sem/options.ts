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
  /** Not supported yet: use `fit.bootstrap({ R, seed })`. */
  bootstrap?: number;
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
  se: "standard" | "none" | "robust.huber.white" | "robust.sem";
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
}

const LATER = "planned (issue 16); fit the model in R's lavaan for now.";

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

/** Value lists shared with the help text. lavaan lower-cases estimator, se, test and missing. */
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
      ["MLMV", "MLMVS", "MLF", "GLS", "WLS", "DWLS", "ULS", "WLSM", "WLSMV", "ULSM", "ULSMV", "DLS", "PML", "FML", "MML", "REML", "catML", "NTRLS"].map(
        (e) => [e, `ML, MLR and MLM are computed; ${e} (least squares, ordinal or other likelihoods) is not: fit the model in R's lavaan for this.`],
      ),
    ),
  },
  se: {
    kind: "enum",
    values: ["standard", "none", "robust.huber.white", "robust.sem", "robust"],
    caseInsensitive: true,
    valueAliases: { default: "default", "robust.mlr": "robust.huber.white", "robust.mlm": "robust.sem" },
    unsupportedValues: Object.fromEntries(
      ["robust.cluster", "robust.cluster.sem", "sandwich", "first.order", "bootstrap", "boot", "external", "twostep", "two.stage", "robust.two.stage"].map(
        (v) => [v, v.startsWith("boot") ? "bootstrap standard errors come from fit.bootstrap({ R, seed }) after fitting." : "standard, robust.huber.white (MLR) and robust.sem (MLM) errors are computed; this one is not."],
      ),
    ),
  },
  test: {
    kind: "enum",
    values: ["standard", "none", "yuan.bentler.mplus", "satorra.bentler"],
    caseInsensitive: true,
    valueAliases: { default: "default", sb: "satorra.bentler", "satorra-bentler": "satorra.bentler", satorra: "satorra.bentler", "yuan-bentler.mplus": "yuan.bentler.mplus" },
    unsupportedValues: Object.fromEntries(
      ["yuan.bentler", "mean.var.adjusted", "scaled.shifted", "bollen.stine", "browne.residual.adf", "browne.residual.nt", "browne.residual.nt.model", "browne.residual.adf.model"].map(
        (v) => [v, "the standard test, satorra.bentler (MLM) and yuan.bentler.mplus (MLR) are computed; this test is not."],
      ),
    ),
  },
  missing: {
    kind: "enum",
    values: ["listwise", "ml", "ml.x"],
    caseInsensitive: true,
    valueAliases: { default: "listwise", fiml: "ml", direct: "ml", "fiml.x": "ml.x", "direct.x": "ml.x" },
    unsupportedValues: Object.fromEntries(
      ["two.stage", "robust.two.stage", "two-stage", "robust.two-stage", "twostage", "pairwise", "available.cases", "doubly.robust"].map(
        (v) => [v, `listwise deletion and full-information ML ("ml") are computed; two-stage, pairwise and available-case estimation are not: fit the model in R's lavaan for this.`],
      ),
    ),
  },
  naValues: {
    kind: "custom",
    aliases: ["na.values"],
    check: (v) => (Array.isArray(v) && v.every((x) => typeof x === "number" && !Number.isNaN(x)) ? undefined : `must be an array of numbers such as [99, -9]; got ${describeValue(v)}.`),
    expected: "an array of numeric codes, e.g. [99, -9]",
  },
  sampleCovRescale: { kind: "boolean", aliases: ["sample.cov.rescale"] },
  autoVar: { kind: "custom", aliases: ["auto.var"], check: onlyValue(true, "cfa()/sem() always add the residual variances (lavaan's cfa()/sem() override auto.var = FALSE too); fix a variance in the syntax instead, e.g. x1 ~~ 0*x1."), expected: "true" },
  intOvFree: { kind: "custom", aliases: ["int.ov.free"], check: onlyValue(true, "cfa()/sem() always estimate the observed intercepts (as lavaan's cfa()/sem()); fix one in the syntax instead, e.g. x1 ~ 0*1."), expected: "true" },
  intLvFree: { kind: "custom", aliases: ["int.lv.free"], check: onlyValue(false, "latent intercepts are fixed at zero (as lavaan's cfa()/sem()); free one in the syntax instead, e.g. f ~ NA*1."), expected: "false" },
  information: {
    kind: "enum",
    values: ["expected", "observed", "default"],
    caseInsensitive: true,
    unsupportedValues: { "first.order": "the first-order (outer product) information is not used for standard errors here; use expected or observed." },
  },
  checkLvNames: { kind: "boolean", aliases: ["check.lv.names"] },
  maxIter: { kind: "number", min: 1, integer: true },
  level: { kind: "number", min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, rangeHint: "Write the level as a proportion, e.g. 0.95 for a 95% interval." },
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
  bootstrap: { kind: "custom", unsupported: "bootstrap standard errors come from fit.bootstrap({ R, seed }) after fitting." },
  conditionalX: { kind: "custom", aliases: ["conditional.x"], check: onlyValue(false, `conditional.x = TRUE is ${LATER}`), expected: "false" },
  ordered: { kind: "custom", unsupported: `ordinal indicators (ordered) need the WLSMV estimator, which is ${LATER}` },
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
    throw new PathlabError(`${fn}(): ${estimator === "MLM" ? 'estimator "MLM"' : se === "robust.sem" ? 'se "robust.sem"' : 'test "satorra.bentler"'} needs complete data, but missing = "${o.missing}" (lavaan refuses this, or silently switches to listwise deletion).`, {
      code: "options.bad-value",
      hint: 'Use estimator "MLR" with missing: "ml" (robust errors and test for incomplete data), or missing: "listwise".',
    });
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
      hint: `Write { naValues: [${given.missing.slice(0, 3).map((x) => describeValue(x)).join(", ")}] } instead of { missing: [...] }.`,
    });
  const o = checkOptions(fn, options, SPECS) as Record<string, unknown>;
  return {
    stdLv: (o.stdLv as boolean) ?? false,
    stdOv: (o.stdOv as boolean) ?? false,
    orthogonal: (o.orthogonal as boolean) ?? false,
    meanstructure: o.meanstructure as boolean | undefined,
    likelihood: (o.likelihood as "normal" | "wishart") ?? "normal",
    fixedX: (o.fixedX as boolean) ?? true,
    ...robustDefaults(fn, o),
    missing: (o.missing as "listwise" | "ml" | "ml.x") ?? "listwise",
    information: o.information === "default" || o.information === undefined ? (o.estimator === "MLR" ? "observed" : undefined) : (o.information as "expected" | "observed"),
    naValues: (o.naValues as number[]) ?? [],
    sampleCovRescale: (o.sampleCovRescale as boolean) ?? true,
    checkLvNames: (o.checkLvNames as boolean) ?? true,
    maxIter: (o.maxIter as number) ?? 10000,
    level: (o.level as number) ?? 0.95,
    group: o.group as string | undefined,
    groupEqual: [...new Set(stringList(o.groupEqual) ?? [])] as GroupEqualClass[],
    groupPartial: stringList(o.groupPartial) ?? [],
    groupLabel: stringList(o.groupLabel),
  };
}
