/**
 * The numbers a PROCESS analysis produces, as plain data. `ProcessResult` renders them; tests and
 * `tidy()` read them directly.
 */
import type { ModeratorValues, Path } from "./effects";

export type HcType = "HC0" | "HC1" | "HC2" | "HC3" | "HC4";

/** The options of `process()`, named as in Hayes' PROCESS: data, model number, variables (x, y, m, w, z, cov) and the settings of each stage. */
export interface ProcessOptions {
  /** The data: danfojs DataFrame, array of row objects, or object of columns. */
  data: import("../data/table-input").TableInput;
  /** Outcome variable. */
  y: string;
  /** Focal antecedent (independent variable). */
  x: string;
  /** Mediator(s): parallel in models 4, 5, 7, 8, 14, 15, 21, 58, 59; serial (in order) in model 6. */
  m?: string | string[];
  /** Primary moderator. */
  w?: string;
  /** Secondary moderator (models 2, 3, 21). */
  z?: string;
  /** Covariates. */
  cov?: string | string[];
  /** PROCESS model number (4 or "4"). */
  model: number | string;
  /** Bootstrap resamples (default 5000; 0 = no bootstrap). */
  boot?: number;
  /** Confidence level in percent (default 95). */
  conf?: number;
  /** Seed for the bootstrap / Monte Carlo generator (default 1, so reruns are identical). */
  seed?: number;
  /** Heteroscedasticity-consistent SEs: 0–4 or "HC0"…"HC4" (PROCESS's hc). Omit for OLS SEs. */
  hc?: number | HcType | null;
  /** Mean-centre variables that form products: 1 = all, 2 = continuous only (PROCESS's center). */
  center?: number | boolean;
  /** Probe continuous moderators at mean and ±1 SD instead of the 16th/50th/84th percentiles. */
  moments?: number | boolean;
  /** User-chosen probe values of W. */
  wmodval?: number | number[];
  /** User-chosen probe values of Z. */
  zmodval?: number | number[];
  /** Johnson–Neyman technique (models 1 and 3). */
  jn?: number | boolean;
  /** Normal-theory (Sobel and Aroian) tests of indirect effects (model 4). */
  normal?: number | boolean;
  /** Standardised effects (models 4 and 6). */
  stand?: number | boolean;
  /** Print the total-effect model (models 4 and 6). */
  total?: number | boolean;
  /** Pairwise contrasts of indirect effects: 1 = differences, 2 = differences of absolute values. */
  contrast?: number | boolean;
  /** Bias-corrected bootstrap intervals instead of percentile intervals. */
  bc?: number | boolean;
  /** Monte Carlo confidence intervals with this many draws instead of the bootstrap. */
  mc?: number;
  /** Probe an interaction only when its p is below this (default .10; 1 = always). */
  intprobe?: number;
  /** Covariates in: 0 = all equations (default), 1 = mediator equations only, 2 = Y equation only. */
  covmy?: number;
  /** Extra numeric codes meaning "missing". */
  missing?: number[];
  /** Called during resampling with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /**
   * CPU threads for the bootstrap (default: every core when the bootstrap is long enough to pay for
   * starting them). The intervals are identical whatever the number.
   */
  threads?: number;
}

export interface ModelSummary {
  R: number;
  r2: number;
  mse: number;
  F: number;
  df1: number;
  df2: number;
  p: number;
}

export interface Coefficient {
  term: string;
  coeff: number;
  se: number;
  t: number;
  p: number;
  llci: number;
  ulci: number;
}

export interface InteractionTest {
  label: string;
  r2chng: number;
  F: number;
  df1: number;
  df2: number;
  p: number;
}

export interface ConditionalRow {
  /** Moderator values, by role. */
  at: ModeratorValues;
  effect: number;
  se: number;
  t: number;
  p: number;
  llci: number;
  ulci: number;
}

export interface ConditionalEffects {
  /** Role of the focal predictor ("X", "M1", …) and its variable name. */
  focal: string;
  focalName: string;
  /** Moderator roles and names. */
  moderators: string[];
  moderatorNames: string[];
  /** True if the interaction's p was below `intprobe` (the table is then shown). */
  probed: boolean;
  /** Which effect: the focal predictor's, or a conditional two-way interaction (model 3). */
  kind: "effect" | "interaction";
  rows: ConditionalRow[];
}

export interface JohnsonNeyman {
  moderator: string;
  moderatorName: string;
  /** Transition points inside the observed range, with % of cases below and above. */
  points: { value: number; pctBelow: number; pctAbove: number }[];
  table: ConditionalRow[];
  /** Gradient pieces so figures can redraw the band: effect(w) = e0 + w e1, var = v00 + 2w v01 + w² v11. */
  line: { e0: number; e1: number; v00: number; v01: number; v11: number; df: number; tcrit: number; min: number; max: number };
  kind: "effect" | "interaction";
}

export interface EquationResult {
  /** Role ("M1", …, "Y") and variable name of the outcome. */
  role: string;
  outcome: string;
  /** Roles of each term, intercept excluded (e.g. [["X"], ["W"], ["X","W"]]). */
  terms: string[][];
  summary: ModelSummary;
  coefficients: Coefficient[];
  /** Product terms: label (Int_1 …) and the variable names multiplied. */
  productKey: { label: string; factors: string[] }[];
  interactionTests: InteractionTest[];
  conditional: ConditionalEffects[];
  jn?: JohnsonNeyman;
  /** Covariance matrix of the coefficients (HC when `hc` is set). */
  vcov: number[][];
  /** Standardised coefficients (models 4 and 6 with `stand`). */
  standardized?: number[];
}

export interface EffectRow {
  label: string;
  at: ModeratorValues;
  effect: number;
  se?: number;
  t?: number;
  p?: number;
  llci?: number;
  ulci?: number;
}

export interface IndirectRow {
  /** Label as PROCESS prints it (mediator name, or "Ind1" …, "TOTAL", "(C1)"). */
  label: string;
  /** Roles along the path (undefined for totals and contrasts). */
  path?: Path;
  at: ModeratorValues;
  effect: number;
  bootSE?: number;
  llci?: number;
  ulci?: number;
  /** Key of the bootstrap draws of this quantity (for plotBootstrap). */
  key: string;
}

export interface NormalTest {
  label: string;
  effect: number;
  sobelSE: number;
  sobelZ: number;
  sobelP: number;
  aroianSE: number;
  aroianZ: number;
  aroianP: number;
}

export interface IndexRow {
  label: string;
  /** Moderator whose index this is. */
  moderator: string;
  /** For conditional indices (model 21): the other moderator's value. */
  at: ModeratorValues;
  index: number;
  bootSE?: number;
  llci?: number;
  ulci?: number;
  key: string;
}
