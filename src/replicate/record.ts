/**
 * The published record of a paper as data: the schema every paper under src/papers fills and every
 * generic replication tool (consistency checks, comparison tables, summaries) reads. Paper-specific
 * facts live in the record as declarations (a table's star legend, which test its statistics
 * follow, which printed numbers state the same quantity twice), never as branches on a paper id.
 *
 * Every number a paper prints is kept with the text it was printed as, so that "reproduced within
 * rounding" can be judged against the digits the authors actually reported (a printed 0.20 stands for
 * any value in [0.195, 0.205)). Where the source is damaged or ambiguous, every reading is kept with
 * the one in use and the reason for the choice.
 *
 * Types are deliberately plain interfaces (no generics) so notebook cells type-check quickly.
 */

/** What kind of statistic a published number is (drives consistency checks and table labels). */
export type NumberKind =
  | "estimate"
  | "se"
  | "t"
  | "z"
  | "p"
  | "ciLower"
  | "ciUpper"
  | "r2"
  | "adjR2"
  | "deltaR2"
  | "F"
  | "f2"
  | "chi2"
  | "df"
  | "chi2df"
  | "rmsea"
  | "srmr"
  | "cfi"
  | "tli"
  | "nfi"
  | "gfi"
  | "vif"
  | "loading"
  | "alpha"
  | "cr"
  | "ave"
  | "sqrtAve"
  | "mean"
  | "sd"
  | "r"
  | "indirect"
  | "slope"
  | "percent"
  | "count"
  | "other";

/** One possible reading of a damaged or ambiguous printed value. */
export interface SourceReading {
  value: number;
  /** The text this reading corresponds to (e.g. the printed glyphs, or the repaired text). */
  printed: string;
  /** Short name of the reading ("as printed", "decimal slip", "upside-down OCR", …). */
  label: string;
  /** Why this reading is plausible (or not). */
  why: string;
  /** True for the reading the record uses as `value`. */
  used: boolean;
}

/**
 * One number as the paper printed it. `value` is the reading in use; `digits` the decimals printed
 * (so the rounding interval is value ± 0.5·10^−digits). A value printed as a bound ("< .001",
 * "> .10") carries `bound` and `value` is the bound itself.
 */
export interface PublishedNumber {
  /** Stable id, e.g. "000.T4.M2.amc.est". */
  id: string;
  /** Human-readable label, e.g. "M2: AMC → CIA, B". */
  label: string;
  /** Where it is printed: table + row + column, or section/page. */
  source: string;
  value: number;
  /** The text as printed (after transcription), e.g. "0.87", "−0.035", "< .001". */
  printed: string;
  /** Decimals printed. */
  digits: number;
  kind: NumberKind;
  bound?: "<" | ">";
  hypothesis?: string;
  readings?: SourceReading[];
  note?: string;
}

/** An item of a multi-item scale: a short paraphrase (never the paper's wording) and its loading. */
export interface PaperItem {
  id: string;
  /** Id printed in the paper when it differs (e.g. "COD1"). */
  sourceId?: string;
  paraphrase: string;
  /** Standardised loading as used (null when not reported). */
  loading: number | null;
  /** Printed text of the loading. */
  loadingPrinted?: string;
  /** Loading readings when the printed glyphs are damaged. */
  readings?: SourceReading[];
  /** True when the unstandardised loading was fixed to 1 for identification. */
  marker?: boolean;
}

/** A construct: its items, reliabilities as printed, and how the composite was (presumably) formed. */
export interface PaperConstruct {
  id: string;
  name: string;
  role: string;
  /** Response scale, e.g. "7-point Likert (1 = strongly disagree … 7 = strongly agree)". */
  scale?: string;
  /** Lowest and highest response category of the items (for GRIM / range checks). */
  scaleRange?: [number, number];
  /** How the score is formed (stated or assumed; say which). */
  composite: string;
  /** Source of the scale (citation in the paper). */
  scaleSource?: string;
  items: PaperItem[];
  /** Cronbach's α, composite reliability, AVE and √AVE on the correlation diagonal, as printed. */
  alpha?: PublishedNumber;
  cr?: PublishedNumber;
  ave?: PublishedNumber;
  sqrtAveDiagonal?: PublishedNumber;
  /** Second-order loadings of the dimensions (higher-order constructs). */
  secondOrder?: { dimension: string; loading: PublishedNumber }[];
  /** Dimensions of a higher-order construct (ids of other constructs). */
  dimensions?: string[];
  note?: string;
}

/** A control variable and its coding. */
export interface PaperControl {
  id: string;
  label: string;
  measure: string;
  transform: string;
  /** For a logged variable: what the paper says about the raw values, so the printed mean of the logs can be checked. */
  logCheck?: LogMeanDeclaration;
  note?: string;
}

/**
 * What a paper says about the raw values of a variable whose logs it tabulates: the stated base,
 * and any of the raw arithmetic mean, the raw range, or a bracketed distribution (counts per
 * [lower, upper] bracket; upper null when open-ended).
 */
export interface LogMeanDeclaration {
  /** The base the paper states ("e" for "natural log"). */
  base: "e" | "10";
  arithmeticMean?: number;
  range?: [number, number];
  brackets?: { lower: number; upper: number | null; count: number }[];
  /** Where the raw-value information is printed. */
  source: string;
}

/** How a coefficient table marks significance: its star legend and the test its statistics follow. */
export interface TableConvention {
  /** Star → p threshold, as the table's note defines it. */
  starLegend: Record<string, number>;
  /** "z" for critical ratios or stars defined by normal critical values; "t" uses each row's df. */
  test: "t" | "z";
}

/** Two printed numbers that state the same quantity (e.g. text vs table). */
export interface DuplicateStatement {
  a: string;
  b: string;
  why: string;
}

/** A decomposition the paper's numbers must satisfy: total = direct + indirect (or + a × b). */
export interface EffectDecomposition {
  source: string;
  /** Ids of published numbers. */
  total: string;
  direct: string;
  indirect?: string;
  paths?: [string, string];
}

/** A range the text states for a set of printed numbers ("α and CR range from .76 to .95"). */
export interface StatedRange {
  id: string;
  text: string;
  source: string;
  min: string;
  max: string;
  /** Ids of the published numbers the range covers. */
  of: string[];
}

/**
 * The descriptive / correlation table. `names` are construct or control ids in table order;
 * `r` is the full symmetric matrix with 1 on the diagonal (missing cells are NaN and listed in
 * `missing`), `diagonal` the values printed on the diagonal (√AVE or 1.00).
 */
export interface PublishedCorrelationTable {
  /** Id of the paper (prefix of cell ids such as "003.corr.iapd.mean"). */
  paper?: string;
  source: string;
  n: number;
  names: string[];
  labels: string[];
  means: (number | null)[];
  sds: (number | null)[];
  meanDigits: number[];
  sdDigits: number[];
  r: number[][];
  /** Decimals printed per cell (0 on the diagonal). */
  rDigits: number[][];
  /** Stars printed per cell ("" when none; null on the diagonal and for missing cells). */
  stars: (string | null)[][];
  /** Printed text of each lower-triangle cell (upper triangle mirrors it). */
  printed: string[][];
  diagonal: number[];
  diagonalMeaning: string;
  /** Significance legend: star → p threshold. Null when the table prints no stars. */
  starLegend: Record<string, number> | null;
  /** Cells that are missing in the source, with the reading used. */
  missing: { row: string; col: string; note: string }[];
  /** Significance thresholds for |r| the table's note states in words ("|r| > .10 is p < .05"), when it prints no stars. */
  thresholdClaims?: { r: number; p: number; text: string }[];
  /** Alternative readings of damaged cells. */
  cellReadings?: { row: string; col: string; readings: SourceReading[] }[];
  note?: string;
}

/** Field of a coefficient row that carries a number. */
export type CoefField = "estimate" | "se" | "t" | "p" | "ciLower" | "ciUpper";

/**
 * One coefficient of a hypothesis-test table or of a result reported in the text. Plain numbers for
 * convenience, `printed` for the digits; `hypothesisNumbers()` turns rows into PublishedNumbers.
 */
export interface CoefficientRow {
  /** Stable id, e.g. "000.T4.M2.amc". */
  id: string;
  /** "Table 4", "text §5.4", "Table 5". */
  table: string;
  model: string;
  outcome: string;
  predictor: string;
  /** focal (hypothesised path), control, interaction, or path of a mediation model. */
  role: "focal" | "control" | "interaction" | "path" | "direct" | "total";
  hypothesis?: string;
  estimate: number;
  /** Decimals printed for the estimate. */
  digits: number;
  se?: number;
  /** t, z or critical ratio as printed (see `statistic`). */
  t?: number;
  statistic?: "t" | "z" | "cr";
  p?: number;
  pBound?: "<" | ">";
  ci?: [number, number];
  /** Stars as printed ("" = none printed; undefined = the table has no stars for this cell). */
  stars?: string;
  /** Printed p statement, e.g. "p < .001". */
  pText?: string;
  /** Printed text of each numeric field. */
  printed: { estimate: string; se?: string; t?: string; p?: string; ciLower?: string; ciUpper?: string };
  /** Whether the estimate is standardised (null: not stated). */
  standardized: boolean | null;
  /** Degrees of freedom for the t test when known (residual df). */
  df?: number;
  source: string;
  readings?: { field: CoefField; options: SourceReading[]; why: string }[];
  note?: string;
}

/** Model-level statistics of a hypothesis-test table column (R², ΔR², F, fit indices …). */
export interface PublishedModelStats {
  id: string;
  table: string;
  model: string;
  outcome: string;
  description: string;
  /** Predictors in the model (ids), in table order. */
  predictors: string[];
  estimator: string;
  n: number;
  stats: PublishedNumber[];
  /** Stars printed on F ("" = none printed); undefined when the table prints no stars on F at all. */
  fStars?: string;
  note?: string;
}

/** An indirect effect (mediation) as reported. */
export interface PublishedIndirectEffect {
  id: string;
  hypothesis?: string;
  x: string;
  m: string[];
  y: string;
  method: string;
  source: string;
  effect: PublishedNumber;
  ciLower?: PublishedNumber;
  ciUpper?: PublishedNumber;
  sobelZ?: PublishedNumber;
  sobelSe?: PublishedNumber;
  pText?: string;
  /** Stars as printed next to the effect, when any. */
  stars?: string;
  /** Ids of coefficient rows whose product should equal the effect (a, b). */
  paths?: string[];
  /** The authors' conclusion in words. */
  conclusion?: string;
  note?: string;
}

/** A conditional (simple-slope) effect of a moderation as reported. */
export interface PublishedSimpleSlope {
  id: string;
  hypothesis?: string;
  x: string;
  w: string;
  y: string;
  level: string;
  /** Moderator value in SD units when stated or presumed (−1, 0, +1). */
  wSd?: number;
  effect: PublishedNumber;
  ciLower?: PublishedNumber;
  ciUpper?: PublishedNumber;
  stars?: string;
  pText?: string;
  source: string;
  note?: string;
}

/** A model-fit record (CFA, structural model, CMV comparison models). */
export interface PublishedFit {
  id: string;
  label: string;
  source: string;
  /** Sample size used for RMSEA checks. */
  n: number;
  /** Printed fit numbers (kinds chi2, df, chi2df, p, rmsea, srmr, cfi, tli, nfi, gfi). */
  values: PublishedNumber[];
  /** Degrees of freedom implied by a standard specification when df is not printed, with the basis. */
  impliedDf?: { df: number; basis: string };
  pText?: string;
  note?: string;
}

/** A count-and-percentage row (sample characteristics, response rate). */
export interface PublishedPercent {
  id: string;
  block: string;
  category: string;
  count: number | null;
  total: number;
  pct: PublishedNumber;
  source: string;
}

/** A coded categorical variable (e.g. industry 1/2/3) with its distribution and published moments. */
export interface PublishedCategoricalMoments {
  id: string;
  variable: string;
  source: string;
  codes: number[];
  /** Counts per code, or percentages per code when counts are not printed. */
  counts?: number[];
  percents?: number[];
  n: number;
  mean: PublishedNumber | null;
  sd: PublishedNumber | null;
}

/** A hypothesis as stated (paraphrased) with its published verdict. */
export interface PaperHypothesis {
  id: string;
  text: string;
  x: string;
  m?: string[];
  w?: string;
  y: string;
  type: "direct" | "mediation" | "moderation";
  expectedSign: "+" | "-";
  verdict: "supported" | "not supported" | "partially supported";
  /** Ids of the coefficient rows / indirect effects / slopes the paper cites as evidence. */
  evidence: string[];
  evidenceText: string;
}

/** A node of the conceptual model (for drawing). */
export interface PaperModelNode {
  id: string;
  label: string;
  kind: "iv" | "mediator" | "moderator" | "dv" | "control";
}

/** A path of the conceptual model. `moderates` set when the path is a moderation arrow onto another path. */
export interface PaperModelPath {
  from: string;
  to: string;
  hypothesis?: string;
  /** For a moderation: the [from, to] path it moderates. */
  moderates?: [string, string];
  /** Published estimate on this path (id of the coefficient row), when any. */
  estimateId?: string;
}

/** Something the source documents as ambiguous, inconsistent or mangled. */
export interface PaperIssue {
  id: string;
  where: string;
  text: string;
  /** Ids of published numbers it concerns. */
  numbers?: string[];
}

/** What the extraction says can or cannot be reproduced from summary statistics. */
export interface PaperReproducibility {
  exact: { what: string; why: string }[];
  approximate: { what: string; why: string }[];
  notReproducible: { what: string; reason: string }[];
}

/** A whole paper. */
export interface PaperRecord {
  id: string;
  citation: {
    authors: string[] | null;
    year: number;
    title: string;
    journal: string;
    doi: string | null;
    text: string;
    note?: string;
  };
  sample: {
    n: number;
    country: string;
    population: string;
    frame: string;
    context: string;
    details: string[];
  };
  design: string[];
  software: string[];
  constructs: PaperConstruct[];
  controls: PaperControl[];
  correlations: PublishedCorrelationTable;
  hypotheses: PaperHypothesis[];
  model: { nodes: PaperModelNode[]; paths: PaperModelPath[] };
  /** Every coefficient of the hypothesis-test tables and of the results reported in the text. */
  coefficients: CoefficientRow[];
  /** Model-level statistics of the hypothesis-test tables (R², ΔR², F, fit …). */
  modelStats: PublishedModelStats[];
  indirectEffects: PublishedIndirectEffect[];
  simpleSlopes: PublishedSimpleSlope[];
  /** Other numbers reported in the text for hypothesis tests (e.g. f², first-stage F, PROCESS interaction). */
  otherResults: PublishedNumber[];
  fit: PublishedFit[];
  percentages: PublishedPercent[];
  /** Coded categorical variables whose published mean/SD can be recomputed from the distribution. */
  categoricalMoments: PublishedCategoricalMoments[];
  /** Other published numbers (informant means, CMV variance explained …) kept for completeness. */
  otherNumbers: PublishedNumber[];
  issues: PaperIssue[];
  reproducibility: PaperReproducibility;
  /** What is not reported but would be needed for exact reproduction. */
  notReported: string[];
  /** Star legend and test of each coefficient table that prints stars, keyed by `CoefficientRow.table`. */
  conventions: Record<string, TableConvention>;
  /** Published numbers that state the same quantity twice. */
  duplicates?: DuplicateStatement[];
  /** Effect decompositions the published numbers must satisfy. */
  decompositions?: EffectDecomposition[];
  /** Ranges the text states for sets of printed numbers. */
  statedRanges?: StatedRange[];
}
