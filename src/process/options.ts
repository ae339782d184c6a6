/**
 * PROCESS's options, checked once: every name PROCESS documents (Hayes, 2022, Appendix A) is either
 * honoured or refused with a message saying so, an unknown name lists the valid ones, and an option
 * that has no effect in the chosen model (jn in model 4, boot in model 1, …) is an error rather than
 * silently ignored. Values take PROCESS's spellings (hc: 3 or "HC3", center: 1, model: 4 or "4").
 */
import { PathlabError, type PathlabWarning } from "../errors";
import { checkOptions, describeValue, type CustomSpec, type OptionSpecs } from "../options";
import { SUPPORTED_MODELS, modelTemplate, type ModelTemplate } from "./models";
import type { HcType, ProcessOptions } from "./types";

/** Default seed: reruns of a notebook give identical intervals unless the user picks another. */
export const DEFAULT_PROCESS_SEED = 1;

/** The options after checking, with PROCESS's defaults filled in. */
export interface ProcessConfig {
  tpl: ModelTemplate;
  model: number;
  x: string;
  y: string;
  ms: string[];
  w?: string;
  z?: string;
  covs: string[];
  conf: number;
  boot: number;
  mc: number;
  seed: number;
  hc?: HcType;
  center: 0 | 1 | 2;
  covmy: 0 | 1 | 2;
  intprobe: number;
  contrast: 0 | 1 | 2;
  jn: boolean;
  normal: boolean;
  stand: boolean;
  total: boolean;
  bc: boolean;
  moments: boolean;
  wmodval?: number[];
  zmodval?: number[];
  /** Multicategorical X (PROCESS's mcx): 0 = no, 1 indicator, 2 sequential, 3 Helmert, 4 effect coding. */
  mcx: 0 | 1 | 2 | 3 | 4;
  /** Options given that the model does not use (shown with the result). */
  warnings: PathlabWarning[];
}

const flagSpec = (allowed: number[]): CustomSpec => ({
  kind: "custom",
  check: (v) =>
    v === true || v === false || (typeof v === "number" && allowed.includes(v))
      ? undefined
      : `must be ${allowed.join(", ")} or true/false; got ${describeValue(v)}`,
  expected: `${allowed.join(" or ")} (as in PROCESS), or true/false`,
});

const FLAG = flagSpec([0, 1]);

const stringOrList: CustomSpec = {
  kind: "custom",
  check: (v) =>
    typeof v === "string" || (Array.isArray(v) && v.every((x) => typeof x === "string"))
      ? undefined
      : `must be a variable name or an array of names; got ${describeValue(v)}`,
  expected: 'a name such as "m1" or an array such as ["m1", "m2"]',
};

const numberOrList: CustomSpec = {
  kind: "custom",
  check: (v) => {
    const a = Array.isArray(v) ? v : [v];
    return a.length > 0 && a.every((x) => typeof x === "number" && Number.isFinite(x))
      ? undefined
      : `must be a number or an array of numbers; got ${describeValue(v)}`;
  },
  expected: "a number or an array of numbers such as [1, 2, 3]",
};

const HC_VALUES = ["HC0", "HC1", "HC2", "HC3", "HC4"];

const MULTICATEGORICAL =
  "a multicategorical moderator is not supported yet (mcx, a multicategorical X, is, in model 4): code k − 1 indicator variables and enter them as covariates, or use PROCESS.";
const CUSTOM_MODEL = "custom model matrices are not supported; use one of the numbered models.";

/** PROCESS options pathlab recognises but does not implement, with what to do instead. */
const UNSUPPORTED: Record<string, string> = {
  mcw: MULTICATEGORICAL,
  mcz: MULTICATEGORICAL,
  xcatcode: "custom codes of a multicategorical X are not supported yet; use mcx: 1–4 (indicator, sequential, Helmert, effect coding).",
  wcatcode: MULTICATEGORICAL,
  zcatcode: MULTICATEGORICAL,
  bmatrix: CUSTOM_MODEL,
  cmatrix: CUSTOM_MODEL,
  wmatrix: CUSTOM_MODEL,
  zmatrix: CUSTOM_MODEL,
  effsize: "PROCESS v4 replaced effsize with stand: write stand: 1 for standardised effects (models 4 and 6).",
  plot: "use the result's figures (plotSlopes, plotJN, plotConditionalIndirect) or tidy() for the values.",
  save: "the result object holds every number: use tidy(), draws or the fields directly.",
  decimals: "tables show 4 decimals as PROCESS does; tidy() and the result's fields carry full precision.",
  describe: "use describe() on the data for descriptive statistics.",
  modelbs: "per-resample coefficients are in result.bootDraws.",
  coeffci: "coefficient confidence intervals are always reported.",
  linsum: "linear combinations of effects are not supported yet.",
  xmint: "the X×M interaction (xmint) is not supported yet.",
  matrices: "model matrices are not printed; the model's equations are shown in the result.",
  outscreen: "output is the returned result; nothing is printed.",
  progress: "a long bootstrap shows a progress bar in a notebook by itself; pass onProgress for your own.",
  maxboot: "singular resamples are redrawn up to max(100, boot) times.",
  modelres: "residuals are not returned yet.",
  listmiss: "the number of rows dropped is reported; use the data layer to list them.",
  covcoeff: "coefficient covariance matrices are in result.equations[i].vcov.",
};

const PROCESS_OPTIONS: OptionSpecs = {
  data: { kind: "custom" },
  y: { kind: "string" },
  x: { kind: "string" },
  m: stringOrList,
  w: { kind: "string" },
  z: { kind: "string" },
  cov: stringOrList,
  model: {
    kind: "enum",
    values: SUPPORTED_MODELS.map(String),
    acceptNumbers: true,
    unsupportedValues: Object.fromEntries(
      Array.from({ length: 92 }, (_, i) => i + 1)
        .filter((k) => !SUPPORTED_MODELS.includes(k))
        .map((k) => [String(k), `pathlab implements PROCESS models ${SUPPORTED_MODELS.join(", ")}; model ${k} is not implemented yet.`]),
    ),
  },
  boot: { kind: "number", min: 0, integer: true },
  conf: { kind: "number", min: 50, max: 100, exclusiveMax: true, rangeHint: "PROCESS's conf is a percentage: write conf: 95 for 95% intervals (not 0.95)." },
  seed: { kind: "seed" },
  threads: {
    kind: "number",
    min: 1,
    max: 256,
    integer: true,
    rangeHint: "threads is the number of CPU threads for the bootstrap, e.g. 2; leave it out to use every core.",
  },
  hc: {
    kind: "custom",
    check: (v) =>
      v === null || (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 4) || (typeof v === "string" && HC_VALUES.includes(v.toUpperCase()))
        ? undefined
        : `hc must be 0–4 or "HC0"…"HC4"; got ${describeValue(v)}`,
    expected: 'PROCESS\'s hc = 0–4 (hc: 3 is HC3) or "HC0"…"HC4"; omit hc for OLS standard errors',
  },
  center: flagSpec([0, 1, 2]),
  moments: FLAG,
  wmodval: numberOrList,
  zmodval: numberOrList,
  jn: FLAG,
  normal: FLAG,
  stand: FLAG,
  total: FLAG,
  contrast: flagSpec([0, 1, 2]),
  bc: FLAG,
  mc: { kind: "number", min: 0, integer: true },
  intprobe: { kind: "number", min: 0, max: 1, rangeHint: "intprobe is a p-value threshold, e.g. 0.10 (the default) or 1 to always probe." },
  covmy: flagSpec([0, 1, 2]),
  mcx: flagSpec([0, 1, 2, 3, 4]),
  missing: {
    kind: "custom",
    check: (v) => (Array.isArray(v) && v.every((x) => typeof x === "number" && Number.isFinite(x)) ? undefined : "must be an array of numbers"),
    expected: "an array of numeric codes such as [99, -9]",
  },
  onProgress: { kind: "custom", check: (v) => (typeof v === "function" ? undefined : "must be a function (done, total) => void"), expected: "a function" },
  ...Object.fromEntries(Object.entries(UNSUPPORTED).map(([k, why]) => [k, { kind: "custom", unsupported: why } as CustomSpec])),
};

const asFlag = (v: unknown): number => (v === true ? 1 : v === false || v === undefined ? 0 : (v as number));
const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const asNumbers = (v: number | number[] | undefined): number[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

function inapplicable(option: string, model: number, why: string, hint: string): never {
  throw new PathlabError(`process(): option '${option}' has no effect in model ${model}: ${why}`, { hint, code: "options.not-applicable" });
}

/**
 * Checks `options` against PROCESS's option list and the chosen model and returns them with
 * defaults. Throws a PathlabError for unknown or unsupported options, bad values, and options that
 * the model would ignore.
 */
export function processConfig(options: ProcessOptions): ProcessConfig {
  const raw = checkOptions<Record<string, unknown>>("process", options as unknown as Record<string, unknown>, PROCESS_OPTIONS);
  if (raw.data === undefined)
    throw new PathlabError("process() needs data: a data frame, an array of rows or an object of columns.", {
      hint: 'process({ data: df, model: 4, x: "x", m: "m", y: "y" }).',
      code: "process.missing-data",
    });
  if (raw.model === undefined) {
    throw new PathlabError("process() needs a model number.", {
      hint: `Supported models: ${SUPPORTED_MODELS.join(", ")} (e.g. model: 4 for mediation).`,
      code: "options.missing",
    });
  }
  const tpl = modelTemplate(Number(raw.model));
  const model = tpl.model;
  if (typeof raw.y !== "string" || !raw.y)
    throw new PathlabError("process() needs y: the outcome variable's name.", { hint: 'e.g. y: "performance".', code: "options.missing" });
  if (typeof raw.x !== "string" || !raw.x)
    throw new PathlabError("process() needs x: the focal antecedent's name.", { hint: 'e.g. x: "innovation".', code: "options.missing" });
  const hc = raw.hc === undefined || raw.hc === null ? undefined : ((typeof raw.hc === "number" ? `HC${raw.hc}` : (raw.hc as string).toUpperCase()) as HcType);
  const cfg: ProcessConfig = {
    tpl,
    model,
    x: raw.x,
    y: raw.y,
    ms: asList(raw.m as string | string[] | undefined),
    w: raw.w as string | undefined,
    z: raw.z as string | undefined,
    covs: asList(raw.cov as string | string[] | undefined),
    conf: (raw.conf as number | undefined) ?? 95,
    boot: (raw.boot as number | undefined) ?? 5000,
    mc: (raw.mc as number | undefined) ?? 0,
    seed: (raw.seed as number | undefined) ?? DEFAULT_PROCESS_SEED,
    hc,
    center: asFlag(raw.center) as 0 | 1 | 2,
    covmy: asFlag(raw.covmy) as 0 | 1 | 2,
    intprobe: (raw.intprobe as number | undefined) ?? 0.1,
    contrast: asFlag(raw.contrast) as 0 | 1 | 2,
    jn: asFlag(raw.jn) === 1,
    normal: asFlag(raw.normal) === 1,
    stand: asFlag(raw.stand) === 1,
    total: asFlag(raw.total) === 1,
    bc: asFlag(raw.bc) === 1,
    moments: asFlag(raw.moments) === 1,
    wmodval: asNumbers(raw.wmodval as number | number[] | undefined),
    zmodval: asNumbers(raw.zmodval as number | number[] | undefined),
    mcx: asFlag(raw.mcx) as 0 | 1 | 2 | 3 | 4,
    warnings: [],
  };
  cfg.warnings = checkApplicable(cfg, raw);
  return cfg;
}

/** Models that take a multicategorical X (mcx). */
export const MCX_MODELS = [1, 4];

/** mcx is implemented for model 4; the options that need a single X column are refused with it. */
function checkMcx(c: ProcessConfig, on: (k: string) => boolean): void {
  if (!MCX_MODELS.includes(c.model))
    throw new PathlabError(`process(): mcx (a multicategorical X) is supported in model ${MCX_MODELS.join(", ")} only; model ${c.model} was asked for.`, {
      hint: "Use model 4 (mediation) or 1 (moderation by W), or code k − 1 indicator variables yourself and enter them as covariates.",
      code: "options.unsupported",
    });
  for (const k of ["stand", "normal", "contrast", "jn", "center"])
    if (on(k))
      throw new PathlabError(`process(): option '${k}' is not supported with mcx (a multicategorical X) yet.`, {
        hint: `Remove ${k}; ${k === "jn" || k === "center" ? "relative conditional effects are reported at the probe values of W (wmodval, moments)." : "relative indirect effects are reported with bootstrap intervals."}`,
        code: "options.unsupported",
      });
}

/**
 * Options the chosen model cannot honour. Those that ask for output the model does not produce
 * (jn in model 4, normal in model 7, …) are errors; settings of machinery the model does not run
 * (boot or seed in a moderation model, center in model 4) are returned as warnings that the result
 * shows, so one option set can serve several models without anything passing unnoticed.
 */
function checkApplicable(c: ProcessConfig, raw: Record<string, unknown>): PathlabWarning[] {
  const { model, tpl } = c;
  const given = (k: string) => raw[k] !== undefined;
  const on = (k: string) => given(k) && asFlag(raw[k]) !== 0;
  const mediation = tpl.mediators[1] > 0;
  if (c.mcx > 0) checkMcx(c, on);
  if (on("jn") && model !== 1 && model !== 3)
    inapplicable("jn", model, "the Johnson–Neyman technique is available in models 1 and 3.", "Remove jn, or use model 1 (or 3) for the moderation it probes.");
  if (on("normal") && model !== 4)
    inapplicable(
      "normal",
      model,
      "Sobel and Aroian tests are computed for model 4's indirect effects.",
      "Remove normal; bootstrap intervals are reported for every indirect effect.",
    );
  if (on("stand") && model !== 4 && model !== 6)
    inapplicable("stand", model, "standardised effects are computed for models 4 and 6 (no moderator), as in PROCESS.", "Remove stand.");
  if (on("total") && model !== 4 && model !== 6)
    inapplicable("total", model, "the total effect of X is defined for models without moderation of X's paths (4 and 6 here).", "Remove total.");
  if (on("contrast") && !((model === 4 || model === 6) && c.ms.length >= 2)) {
    const why =
      model === 4 || model === 6
        ? "pairwise contrasts need two or more indirect effects (give two or more mediators)."
        : "contrasts of conditional indirect effects are not supported yet; contrasts are computed between the indirect effects of models 4 and 6.";
    inapplicable("contrast", model, why, "Remove contrast.");
  }
  if ((on("moments") || given("wmodval")) && !tpl.needsW)
    inapplicable(given("wmodval") ? "wmodval" : "moments", model, "the model has no moderator W.", "Remove it, or choose a model with a moderator.");
  if (given("zmodval") && !tpl.needsZ) inapplicable("zmodval", model, "the model has no second moderator Z.", "Remove zmodval, or choose model 2, 3 or 21.");
  if (c.mc > 0 && given("boot") && c.boot > 0) {
    throw new PathlabError("process(): give either boot (bootstrap intervals) or mc (Monte Carlo intervals), not both.", {
      hint: "Remove one of them.",
      code: "options.conflict",
    });
  }
  if (c.mc > 0 && c.bc)
    throw new PathlabError("process(): bc (bias-corrected bootstrap) does not apply to Monte Carlo intervals (mc).", {
      hint: "Remove bc, or use boot instead of mc.",
      code: "options.conflict",
    });

  const warnings: PathlabWarning[] = [];
  const unused = (k: string, why: string) => warnings.push({ code: "process.option-unused", message: `Option ${k} has no effect in model ${model}: ${why}` });
  const products = !(model === 4 || model === 6);
  if (on("center") && !products) unused("center", "no variable enters a product term, so centring changes nothing.");
  if (given("intprobe") && !products) unused("intprobe", "the model has no interaction to probe.");
  if (!mediation) {
    const resampled = ["seed", "mc", "bc", "threads"].filter((k) => given(k) && (k !== "mc" || c.mc > 0) && (k !== "bc" || c.bc));
    if (given("boot") && c.boot > 0) resampled.unshift("boot");
    if (resampled.length) unused(resampled.join(", "), "a moderation model has no indirect effects, so nothing is resampled.");
  } else if (c.bc && c.boot === 0 && c.mc === 0) unused("bc", "with boot: 0 there are no bootstrap intervals to bias-correct.");
  if (on("covmy") && (!mediation || c.covs.length === 0))
    unused("covmy", mediation ? "there are no covariates (cov)." : "covmy places covariates in the mediator or outcome equations of a mediation model.");
  return warnings;
}
