/**
 * Descriptive statistics per variable with psych::describe's columns: vars, n, mean, SD, median,
 * trimmed mean, MAD, min, max, range, skewness, excess kurtosis and the standard error of the mean.
 * trimmed = mean after dropping ⌊n·trim⌋ values at each end (R's mean(x, trim), trim = 0.1);
 * mad = 1.4826 · median(|x − median(x)|) (R's mad); range = max − min.
 *
 * With central moments m_r = Σ(x − x̄)^r / n, g1 = m3 / m2^{3/2} and g2 = m4 / m2² − 3
 * (Joanes & Gill, 1998, "Comparing measures of sample skewness and kurtosis", The Statistician 47):
 *  - type 1: g1, g2 (moment estimators; e1071/psych type 1)
 *  - type 2: G1 = g1 √(n(n−1)) / (n−2), G2 = ((n+1) g2 + 6)(n−1) / ((n−2)(n−3))
 *            — the bias-adjusted estimators SPSS, SAS and Excel report
 *  - type 3 (default, as psych::describe): b1 = g1 ((n−1)/n)^{3/2}, b2 = (g2 + 3)(1 − 1/n)² − 3
 * SD uses n − 1; se = SD / √n. Missing values are dropped per variable by default (as psych::describe
 * and SPSS DESCRIPTIVES); the listwise N is reported alongside.
 *
 * Categorical variables get a frequency table with their labels (as SPSS FREQUENCIES): text columns
 * (factors read from CSV or Excel) by category, and numeric codes with value labels (from an SPSS
 * file or `setValueLabels`) by code and label. Variable labels are shown next to the names.
 */
import { PathlabError } from "../errors";
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import { mean as meanOf } from "../math";
import { checkOptions } from "../options";
import { quantile } from "../math/quantile";
import { findLabel, isTextColumn, levelsOf, valueLabelsOf, variableLabelsOf } from "./labels";
import {
  columnNames,
  isMissing,
  naValueSpecs,
  naValuesOf,
  numericColumns,
  parseDecimal,
  rawColumn,
  type MissingOptions,
  type NaValue,
  type TableInput,
} from "./table-input";

export type SkewKurtosisType = 1 | 2 | 3 | "spss";

/** Options of `describe`: skewness/kurtosis estimator, pairwise or listwise deletion, trimming, missing-value codes. */
export interface DescribeOptions extends MissingOptions {
  /** Skewness/kurtosis estimator (see module comment); "spss" is type 2. Default 3 (psych). */
  type?: SkewKurtosisType;
  /**
   * "pairwise" (default, as psych::describe and SPSS DESCRIPTIVES): each variable uses its own
   * non-missing rows and its n says how many; "listwise": only rows complete on all variables.
   * Either way the result reports the listwise N ("valid N (listwise)") and the rows dropped.
   */
  deletion?: "listwise" | "pairwise";
  /** psych's spelling of `deletion`: "pairwise" (per variable) or "complete" (listwise). */
  use?: "pairwise" | "complete";
  /** Proportion trimmed from each end for the trimmed mean (default 0.1, as psych). */
  trim?: number;
  /** psych's na.rm: false means listwise deletion (psych's na.omit); default true. */
  naRm?: boolean;
  /** Skewness and kurtosis columns (default true); false also drops median, trimmed and MAD, as psych. */
  skew?: boolean;
  /** min, max, range, median, trimmed, MAD columns (default true, psych's ranges). */
  ranges?: boolean;
  /** psych's fast: true = skew false (n, mean, SD, min, max, range, se). */
  fast?: boolean | null;
  /** Add quantile columns Q<p> (R's type 7), e.g. [0.25, 0.75] (psych's quant). */
  quant?: number[];
  /** Add the interquartile range (R's type-7 quantiles; psych's IQR). */
  IQR?: boolean;
  /** Leave text (factor) variables out instead of tabulating their categories (psych's omit). */
  omit?: boolean;
  /** Accepted at psych's defaults (interp = FALSE, check = TRUE). */
  interp?: boolean;
  check?: boolean;
}

export interface DescriptiveRow {
  variable: string;
  /** Position of the variable in the list (psych's vars). */
  vars?: number;
  n: number;
  mean: number;
  sd: number;
  median?: number;
  trimmed?: number;
  mad?: number;
  min: number;
  max: number;
  range?: number;
  skew: number;
  kurtosis: number;
  se: number;
  /** Interquartile range (with IQR: true). */
  IQR?: number;
  /** Quantiles at `quant` (with quant). */
  quantiles?: number[];
}

/** Median, trimmed mean (R's mean(x, trim)), MAD (1.4826 · median |x − median|) and range of a column. */
export function robustSummaries(x: Float64Array, trim = 0.1): { median: number; trimmed: number; mad: number; range: number } {
  const n = x.length;
  const s = Float64Array.from(x).sort();
  const med = (a: Float64Array) => (a.length % 2 ? a[(a.length - 1) / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2);
  const median = med(s);
  let trimmed: number;
  if (trim >= 0.5) trimmed = median;
  else {
    const lo = Math.floor(n * trim);
    let t = 0;
    for (let i = lo; i < n - lo; i++) t += s[i];
    trimmed = t / (n - 2 * lo);
  }
  const dev = s.map((v) => Math.abs(v - median)).sort();
  return { median, trimmed, mad: 1.4826 * med(dev), range: s[n - 1] - s[0] };
}

/** Moments of one column, with the chosen skewness/kurtosis estimators. */
export function describeColumn(x: Float64Array, type: SkewKurtosisType = 3): Omit<DescriptiveRow, "variable"> {
  const n = x.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = meanOf(x);
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  const sd = Math.sqrt(m2 / (n - 1));
  m2 /= n;
  m3 /= n;
  m4 /= n;
  const g1 = m3 / Math.pow(m2, 1.5);
  const g2 = m4 / (m2 * m2) - 3;
  let skew: number;
  let kurtosis: number;
  if (type === 1) {
    skew = g1;
    kurtosis = g2;
  } else if (type === 2 || type === "spss") {
    skew = n > 2 ? (g1 * Math.sqrt(n * (n - 1))) / (n - 2) : NaN;
    kurtosis = n > 3 ? (((n + 1) * g2 + 6) * (n - 1)) / ((n - 2) * (n - 3)) : NaN;
  } else if (type === 3) {
    skew = g1 * Math.pow((n - 1) / n, 1.5);
    kurtosis = (g2 + 3) * Math.pow(1 - 1 / n, 2) - 3;
  } else {
    throw new PathlabError(`Unknown skewness/kurtosis type ${String(type)}.`, { hint: 'Use 1, 2 (or "spss") or 3.', code: "options.bad-value" });
  }
  if (!(m2 > 0)) {
    skew = NaN;
    kurtosis = NaN;
  }
  return { n, mean, sd, min, max, skew, kurtosis, se: sd / Math.sqrt(n) };
}

/** One category of a categorical variable: its code or text, label, count and share of valid cases. */
export interface FrequencyRow {
  variable: string;
  value: number | string;
  label: string;
  n: number;
  /** Percent of the variable's non-missing cases. */
  percent: number;
}

/** Descriptive statistics of several variables, as a displayable table. */
export class Descriptives extends Result {
  constructor(
    readonly rows: DescriptiveRow[],
    readonly n: number,
    readonly dropped: number,
    readonly type: SkewKurtosisType,
    readonly deletion: "listwise" | "pairwise",
    readonly trim = 0.1,
    /** Categories of text variables and of numeric variables with value labels. */
    readonly frequencies: FrequencyRow[] = [],
    /** Variable labels of the described variables (where the data has them). */
    readonly variableLabels: Record<string, string> = {},
    /** Which of psych's optional columns are shown (skew, ranges, IQR, quant). */
    readonly shown: { skew: boolean; ranges: boolean; IQR: boolean; quant: number[] } = { skew: true, ranges: true, IQR: false, quant: [] },
  ) {
    super();
  }

  /** Row for one variable. */
  get(variable: string): DescriptiveRow | undefined {
    return this.rows.find((r) => r.variable === variable);
  }

  title(): string {
    return "Descriptive statistics";
  }

  info(): string[] {
    return this.deletion === "listwise"
      ? [`N = ${this.n} (listwise; ${this.dropped} row(s) dropped for missing values)`]
      : [
          `use = "pairwise" (psych's default): missing values dropped per variable (n column); valid N (listwise) = ${this.n}, ${this.dropped} row(s) incomplete`,
        ];
  }

  tables(): TableSpec[] {
    const t = this.type === "spss" ? 2 : this.type;
    const note =
      t === 1
        ? "Skewness g1 = m3/m2^1.5, kurtosis g2 = m4/m2² − 3 (type 1)."
        : t === 2
          ? "Skewness G1 and excess kurtosis G2 as SPSS/SAS report them (type 2)."
          : "Skewness and excess kurtosis as psych::describe (type 3): b1 = g1((n−1)/n)^1.5, b2 = (g2+3)(1−1/n)² − 3.";
    const out: TableSpec[] = [];
    const labelled = this.rows.some((r) => this.variableLabels[r.variable]);
    const sh = this.shown;
    const rows = this.rows.map((r) => ({ ...r, vlabel: this.variableLabels[r.variable] ?? "" }));
    if (this.rows.length)
      out.push({
        columns: [
          { key: "variable", label: "Variable", format: "text" },
          ...(labelled ? [{ key: "vlabel", label: "Label", format: "text" as const }] : []),
          { key: "n", label: "n", format: "int" },
          { key: "mean", label: "Mean", digits: 2 },
          { key: "sd", label: "SD", digits: 2 },
          // psych's column sets: median/trimmed/MAD only with both skew and ranges
          ...(sh.skew && sh.ranges
            ? [
                { key: "median", label: "Median", digits: 2 },
                { key: "trimmed", label: "Trimmed", digits: 2 },
                { key: "mad", label: "MAD", digits: 2 },
              ]
            : []),
          ...(sh.ranges
            ? [
                { key: "min", label: "Min", digits: 2 },
                { key: "max", label: "Max", digits: 2 },
                { key: "range", label: "Range", digits: 2 },
              ]
            : []),
          ...(sh.skew
            ? [
                { key: "skew", label: "Skewness", digits: 2 },
                { key: "kurtosis", label: "Kurtosis", digits: 2 },
              ]
            : []),
          { key: "se", label: "SE", digits: 2 },
          ...(sh.IQR ? [{ key: "IQR", label: "IQR", digits: 2 }] : []),
          ...sh.quant.map((q, k) => ({ key: `q${k}`, label: `Q${q}`, digits: 2 })),
        ],
        rows: rows.map((r) => ({ ...r, ...Object.fromEntries((r.quantiles ?? []).map((v, k) => [`q${k}`, v])) })),
        notes: [note, `SD with n − 1 denominator; trimmed mean drops ${this.trim * 100}% at each end; MAD = 1.4826·median|x − median|; SE = SD/√n.`],
      });
    if (this.frequencies.length)
      out.push({
        title: "Categories",
        columns: [
          { key: "variable", label: "Variable", format: "text" },
          { key: "value", label: "Value", format: "text" },
          { key: "label", label: "Label", format: "text" },
          { key: "n", label: "n", format: "int" },
          { key: "percent", label: "%", digits: 1 },
        ],
        rows: this.frequencies.map((f, i) => ({ ...f, variable: i > 0 && this.frequencies[i - 1].variable === f.variable ? "" : f.variable })),
        notes: ["% of the variable's non-missing cases."],
      });
    return out;
  }
}

/** Columns whose non-missing cells are all numeric (used when no variables are named). */
function numericLookingColumns(data: TableInput, codes: NaValue[]): string[] {
  return columnNames(data).filter((c) => {
    const col = rawColumn(data, c);
    let any = false;
    for (const v of col) {
      if (isMissing(v, codes)) continue;
      if (typeof v === "number" || (typeof v === "string" && parseDecimal(v) !== undefined)) any = true;
      else return false;
    }
    return any;
  });
}

/**
 * Descriptive statistics (n, mean, SD, min, max, skewness, excess kurtosis, se) of the given
 * variables, or of every numeric column when none are named. See the module comment for the
 * skewness/kurtosis definitions.
 *
 * @example
 * const df = await readCSV("survey.csv");
 * describe(df, ["trust", "commit", "perf"]) // n, mean, SD, median, skew, kurtosis… per variable
 */
export function describe(data: TableInput, vars?: string[], options: DescribeOptions = {}): Descriptives {
  const opts = checkOptions<DescribeOptions>("describe", options, {
    type: {
      kind: "custom",
      check: (t) => ([1, 2, 3, "spss"].includes(t as never) ? undefined : `must be 1, 2, 3 or "spss"; got ${JSON.stringify(t)}.`),
      expected: '1, 2 (or "spss") or 3',
    },
    deletion: { kind: "enum", values: ["pairwise", "listwise"], description: "per-variable or listwise deletion of missing values" },
    use: { kind: "enum", values: ["pairwise", "complete"], description: "psych's spelling of deletion" },
    trim: { kind: "number", min: 0, max: 0.5, rangeHint: "0.1 trims 10% at each end (psych's default)." },
    naRm: { kind: "boolean", aliases: ["na.rm"] },
    skew: { kind: "boolean" },
    ranges: { kind: "boolean" },
    fast: { kind: "custom", check: (v) => (v === null || typeof v === "boolean" ? undefined : "must be true, false or null") },
    quant: {
      kind: "custom",
      check: (v) =>
        Array.isArray(v) && v.length > 0 && v.every((q) => typeof q === "number" && q >= 0 && q <= 1)
          ? undefined
          : "must be an array of probabilities such as [0.25, 0.75]",
    },
    IQR: { kind: "boolean" },
    omit: { kind: "boolean" },
    interp: { kind: "fixed", value: false, otherwise: "psych's interpolated median for grouped data is not implemented." },
    check: { kind: "fixed", value: true, otherwise: "text variables are always tabulated (or left out with omit: true)." },
    data: { kind: "custom", unsupported: "psych's formula interface (describeBy) is not implemented; describe each group's rows." },
    ...naValueSpecs(),
  });
  const type = opts.type ?? 3;
  const codes = naValuesOf(opts, "describe");
  if (vars !== undefined && (!Array.isArray(vars) || vars.some((v) => typeof v !== "string")))
    throw new PathlabError(`describe(): the variables must be an array of column names; got ${JSON.stringify(vars)}.`, {
      code: "data.bad-input",
      hint: 'Write describe(data, ["x1", "x2"]) or describe(data) for every numeric column.',
    });
  const names = vars ?? numericLookingColumns(data, codes);
  if (names.length === 0)
    throw new PathlabError("describe(): no numeric variables to describe.", {
      code: "data.no-variables",
      hint: "Name the variables, or check that the columns hold numbers.",
    });
  if (opts.use !== undefined && opts.deletion !== undefined)
    throw new PathlabError("describe(): give either 'use' (psych's spelling) or 'deletion', not both.", {
      code: "options.duplicate",
      hint: 'Write { use: "complete" } or { deletion: "listwise" }.',
    });
  const trim = opts.trim ?? 0.1;
  if (opts.naRm === false && (opts.use === "pairwise" || opts.deletion === "pairwise"))
    throw new PathlabError("describe(): na.rm = FALSE means listwise deletion (psych's na.omit), which contradicts pairwise.", {
      code: "options.bad-value",
      hint: "Give one of them.",
    });
  // psych: na.rm = FALSE → na.omit(x), i.e. listwise
  const deletion = opts.naRm === false || opts.use === "complete" ? "listwise" : opts.use === "pairwise" ? "pairwise" : (opts.deletion ?? "pairwise");
  const shown = { skew: opts.fast === true ? false : (opts.skew ?? true), ranges: opts.ranges ?? true, IQR: opts.IQR ?? false, quant: opts.quant ?? [] };
  const rows: DescriptiveRow[] = [];
  const known = columnNames(data);
  const text = names.filter((v) => known.includes(v) && isTextColumn(rawColumn(data, v), codes));
  const frequencies = opts.omit ? [] : names.filter((v) => text.includes(v) || valueLabelsOf(data, v)?.length).flatMap((v) => frequencyRows(data, v, codes));
  const vlabels = Object.fromEntries(Object.entries(variableLabelsOf(data)).filter(([k]) => names.includes(k)));
  const numeric = names.filter((v) => !text.includes(v));
  if (!numeric.length) return new Descriptives([], 0, 0, type, deletion, trim, frequencies, vlabels, shown);
  const all = numericColumns(data, numeric, { naValues: codes });
  const n = all.n;
  const dropped = all.dropped;
  if (deletion === "listwise") {
    if (n === 0)
      throw new PathlabError(`describe(): no complete rows across ${names.join(", ")}.`, {
        code: "data.no-complete-rows",
        hint: 'Each row misses at least one variable; use the default deletion: "pairwise".',
      });
    all.columns.forEach((c, j) => rows.push(fullRow(numeric[j], j, c, type, trim, shown)));
  } else {
    for (const v of numeric) {
      const nc = numericColumns(data, [v], { naValues: codes });
      if (nc.n === 0)
        throw new PathlabError(`Column "${v}" has no non-missing values.`, {
          code: "data.empty-column",
          hint: "Leave the column out, or check its missing-value codes.",
        });
      rows.push(fullRow(v, rows.length, nc.columns[0], type, trim, shown));
    }
  }
  const result = new Descriptives(rows, n, dropped, type, deletion, trim, frequencies, vlabels, shown);
  // psych prints NaN for the moments of a constant column; say why instead of leaving a bare dash.
  const constant = rows.filter((r) => r.n > 0 && r.sd === 0).map((r) => r.variable);
  if (constant.length)
    result.warnings.push({
      code: "data.constant-variable",
      message: `${constant.join(", ")} ${constant.length > 1 ? "are" : "is"} constant: skewness and kurtosis are undefined (shown as —).`,
    });
  const tiny = rows.filter((r) => r.n > 0 && r.n < 4).map((r) => r.variable);
  if (tiny.length)
    result.warnings.push({
      code: "data.too-few-rows",
      message: `${tiny.join(", ")}: fewer than 4 values, so some moments (kurtosis needs n ≥ 4) are undefined (shown as —).`,
    });
  return result;
}

/** One row in psych::describe's column order. */
function fullRow(variable: string, j: number, c: Float64Array, type: SkewKurtosisType, trim: number, shown: { IQR: boolean; quant: number[] }): DescriptiveRow {
  const d = describeColumn(c, type);
  const r = robustSummaries(c, trim);
  const row: DescriptiveRow = {
    variable,
    vars: j + 1,
    n: d.n,
    mean: d.mean,
    sd: d.sd,
    median: r.median,
    trimmed: r.trimmed,
    mad: r.mad,
    min: d.min,
    max: d.max,
    range: r.range,
    skew: d.skew,
    kurtosis: d.kurtosis,
    se: d.se,
  };
  if (shown.IQR || shown.quant.length) {
    const sorted = Float64Array.from(c).sort();
    if (shown.IQR) row.IQR = quantile(sorted, 0.75) - quantile(sorted, 0.25);
    if (shown.quant.length) row.quantiles = shown.quant.map((q) => quantile(sorted, q));
  }
  return row;
}

/** Counts of each category of a variable (labelled codes first in label order, then other values). */
function frequencyRows(data: TableInput, v: string, codes: NaValue[]): FrequencyRow[] {
  const raw = rawColumn(data, v);
  const labels = valueLabelsOf(data, v) ?? [];
  const keyOf = (x: unknown): number | string => {
    if (typeof x === "number") return x;
    if (typeof x === "boolean") return x ? 1 : 0;
    const t = String(x).trim();
    const num = parseDecimal(t);
    return num !== undefined && Number.isFinite(num) ? num : t;
  };
  const counts = new Map<number | string, number>();
  let valid = 0;
  for (const x of raw) {
    if (isMissing(x, codes)) continue;
    valid++;
    const k = keyOf(x);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const order = [...labels.map((l) => l.value), ...levelsOf(Array.from(counts.keys())).filter((k) => !labels.some((l) => l.value === k))];
  return order.map((value) => ({
    variable: v,
    value,
    label: findLabel(labels, value) ?? (typeof value === "string" ? value : ""),
    n: counts.get(value) ?? 0,
    percent: valid ? (100 * (counts.get(value) ?? 0)) / valid : NaN,
  }));
}
