/**
 * Scoring helpers: the transformations survey researchers apply before analysis. Each returns a
 * plain `number[]` aligned with the input rows (missing cells stay missing as NaN), ready for
 * `df.addColumn(name, values)` or an object of columns.
 *
 * Every function takes either a column of values, or a table plus a variable name; with a name,
 * errors name the variable and the row.
 */
import { PathlabError } from "../errors";
import { checkOptions, type OptionSpecs } from "../options";
import { meanSdNonMissing } from "../math";
import { compareLevels, findLabel, nameSafe, valueLabelsOf, type ValueLabel } from "./labels";
import {
  columnNames,
  isMissing,
  naValueSpecs,
  naValuesOf,
  rawColumn,
  rowCount,
  toNumber,
  unknownVariable,
  type MissingOptions,
  type NaValue,
  type TableInput,
} from "./table-input";

/** Options every scoring function takes: `naValues`, codes that mean "missing" (e.g. [99, -9]). */
export type ScoringOptions = MissingOptions;

/** Validates a scoring function's options (unknown names are errors listing the valid ones). */
function scoringOptions<T extends MissingOptions>(fn: string, opts: T | undefined, extra: OptionSpecs = {}): { opts: T; codes: NaValue[] } {
  const o = checkOptions<T>(fn, opts, { ...extra, ...naValueSpecs() });
  return { opts: o, codes: naValuesOf(o, fn) };
}

function needName(fn: string, name: unknown): void {
  if (typeof name !== "string")
    throw new PathlabError(`${fn}(): the variable must be a column name; got ${JSON.stringify(name)}.`, {
      code: "data.bad-input",
      hint: `Write ${fn}(data, "x") or ${fn}(values).`,
    });
}

interface NamedValues {
  name: string;
  values: number[]; // NaN = missing
}

/** Converts raw cells to numbers; missing → NaN; anything else non-numeric throws naming column/row/value. */
function numbersOf(raw: ArrayLike<unknown>, name: string, codes: NaValue[]): number[] {
  if (raw === null || raw === undefined || typeof raw !== "object" || typeof (raw as ArrayLike<unknown>).length !== "number")
    throw new PathlabError(`Expected a column of values for "${name}"; got ${raw === null ? "null" : typeof raw}.`, {
      code: "data.bad-input",
      hint: "Pass an array of values, or a table and a column name.",
    });
  const out = new Array<number>(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = isMissing(raw[i], codes) ? NaN : toNumber(raw[i], name, i);
  return out;
}

function resolve(
  fn: string,
  a: ArrayLike<unknown> | TableInput,
  b: string | ScoringOptions | undefined,
  c: ScoringOptions | undefined,
  extra: OptionSpecs = {},
): { col: NamedValues; opts: ScoringOptions } {
  if (typeof b === "string") {
    const { opts, codes } = scoringOptions(fn, c, extra);
    return { col: { name: b, values: numbersOf(rawColumn(a as TableInput, b), b, codes) }, opts };
  }
  if (b !== undefined && (b === null || typeof b !== "object")) needName(fn, b);
  const { opts, codes } = scoringOptions(fn, b, extra);
  return { col: { name: "values", values: numbersOf(a as ArrayLike<unknown>, "values", codes) }, opts };
}

/** Options of `composite`: mean or sum, the minimum number of answered items, missing-value codes. */
export interface CompositeOptions extends ScoringOptions {
  /** "mean" (default) or "sum" of the items. */
  method?: "mean" | "sum";
  /**
   * Minimum number of answered items for a score (default: all items). Rows with fewer get NaN.
   * With missing items, "mean" averages the answered ones (SPSS MEAN.n); "sum" adds the answered
   * ones (SPSS SUM.n) unless `prorate` is set.
   */
  minItems?: number;
  /** For "sum" with missing items: mean of answered items × number of items (keeps the scale's range). */
  prorate?: boolean;
}

/**
 * Composite score of several items per row: mean (Σ x_j / m) or sum (Σ x_j) over the m answered
 * items, scored only when m ≥ minItems (the "minimum items" rule, SPSS MEAN.n / SUM.n).
 *
 * @example
 * df.addColumn("trust", composite(df, ["tr1", "tr2", "tr3"]), { inplace: true }); // item means
 */
export function composite(data: TableInput, items: string[], options: CompositeOptions = {}): number[] {
  const { opts, codes } = scoringOptions<CompositeOptions>("composite", options, {
    method: { kind: "enum", values: ["mean", "sum"] },
    minItems: { kind: "number", integer: true, min: 1, aliases: ["min.items"] },
    prorate: { kind: "boolean" },
  });
  if (!Array.isArray(items) || items.length === 0)
    throw new PathlabError("composite() needs at least one item.", { code: "data.too-few-items", hint: 'Write composite(data, ["q1", "q2", "q3"]).' });
  const k = items.length;
  const minItems = opts.minItems ?? k;
  if (minItems > k)
    throw new PathlabError(`composite(): minItems must be an integer from 1 to ${k} (the number of items), got ${minItems}.`, {
      code: "options.bad-value",
      hint: `Write a number from 1 to ${k}.`,
    });
  if (opts.prorate && opts.method !== "sum")
    throw new PathlabError('composite(): prorate applies to method: "sum" only.', {
      code: "options.bad-value",
      hint: 'Add { method: "sum" }, or drop prorate (a mean is already prorated).',
    });
  const names = columnNames(data);
  for (const it of items) if (!names.includes(it)) throw unknownVariable(it, names);
  const cols = items.map((it) => numbersOf(rawColumn(data, it), it, codes));
  const n = rowCount(data);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    let m = 0;
    for (let j = 0; j < k; j++) {
      const v = cols[j][i];
      if (!Number.isNaN(v)) {
        s += v;
        m++;
      }
    }
    if (m < minItems) out[i] = NaN;
    else if ((opts.method ?? "mean") === "mean") out[i] = s / m;
    else out[i] = opts.prorate ? (s / m) * k : s;
  }
  return out;
}

export interface ReverseOptions extends ScoringOptions {
  /** Lowest and highest possible answers of the scale (e.g. 1 and 7). */
  min: number;
  max: number;
}

/**
 * Reverse-codes answers on a min…max scale: x' = min + max − x (1↔7, 2↔6, … on a 1–7 scale).
 * A value outside [min, max] is an error naming the row, since it means the scale is wrong.
 *
 * @example
 * reverseCode(df, "tr4", { min: 1, max: 7 })   // 8 − tr4
 */
export function reverseCode(values: ArrayLike<unknown>, opts: ReverseOptions): number[];
export function reverseCode(data: TableInput, variable: string, opts: ReverseOptions): number[];
export function reverseCode(a: ArrayLike<unknown> | TableInput, b: string | ReverseOptions, c?: ReverseOptions): number[] {
  const { col, opts } = resolve("reverseCode", a, b as string | ScoringOptions, c, { min: { kind: "number" }, max: { kind: "number" } });
  const o = opts as ReverseOptions;
  if (typeof o.min !== "number" || typeof o.max !== "number" || !(o.max > o.min))
    throw new PathlabError(`reverseCode needs the scale's { min, max } with max > min.`, {
      hint: "For a 1–7 Likert item: { min: 1, max: 7 }.",
      code: "options.bad-value",
    });
  return col.values.map((v, i) => {
    if (Number.isNaN(v)) return NaN;
    if (v < o.min || v > o.max)
      throw new PathlabError(`Column "${col.name}", row ${i + 1}: value ${v} is outside the scale ${o.min}–${o.max}.`, {
        hint: "Check the scale's min and max, or declare the code as missing with { naValues: [...] }.",
        code: "data.out-of-range",
      });
    return o.min + o.max - v;
  });
}

/**
 * Mean-centres a variable: x − x̄ (x̄ over the non-missing values).
 *
 * @example
 * center(df, "trust")  // trust − mean(trust)
 * center([1, 2, 3])    // [−1, 0, 1]
 */
export function center(values: ArrayLike<unknown>, opts?: ScoringOptions): number[];
export function center(data: TableInput, variable: string, opts?: ScoringOptions): number[];
export function center(a: ArrayLike<unknown> | TableInput, b?: string | ScoringOptions, c?: ScoringOptions): number[] {
  const { col } = resolve("center", a, b, c);
  const { mean, n } = meanSdNonMissing(col.values);
  if (n === 0)
    throw new PathlabError(`Column "${col.name}" has no non-missing values to centre.`, {
      code: "data.empty-column",
      hint: "Check the column and its missing-value codes.",
    });
  return col.values.map((v) => v - mean);
}

/**
 * Standardises a variable: z = (x − x̄) / s, with s the sample SD (n − 1 denominator).
 *
 * @example
 * standardize(df, "perf")   // z-scores
 * standardize([1, 2, 3])    // [−1, 0, 1]
 */
export function standardize(values: ArrayLike<unknown>, opts?: ScoringOptions): number[];
export function standardize(data: TableInput, variable: string, opts?: ScoringOptions): number[];
export function standardize(a: ArrayLike<unknown> | TableInput, b?: string | ScoringOptions, c?: ScoringOptions): number[] {
  const { col } = resolve("standardize", a, b, c);
  const { mean, sd, n } = meanSdNonMissing(col.values);
  if (n < 2 || !(sd > 0))
    throw new PathlabError(`Column "${col.name}" has zero variance (or fewer than 2 values) and cannot be standardised.`, {
      code: "data.zero-variance",
      hint: "A constant column has no z-scores; leave it out.",
    });
  return col.values.map((v) => (v - mean) / sd);
}

export interface ProductOptions extends ScoringOptions {
  /** Mean-centre each variable before multiplying (the usual choice for interaction terms). */
  center?: boolean;
}

/**
 * Product term of two or more variables, Π x_j per row (optionally of mean-centred variables), for
 * moderation analyses.
 *
 * @example
 * productTerm(df, ["trust_c", "commit_c"])   // the interaction term
 * productTerm(df, ["trust", "commit"], { center: true })
 */
export function productTerm(data: TableInput, variables: string[], opts?: ProductOptions): number[];
export function productTerm(a: ArrayLike<unknown>, b: ArrayLike<unknown>, opts?: ProductOptions): number[];
export function productTerm(a: ArrayLike<unknown> | TableInput, b: string[] | ArrayLike<unknown>, options: ProductOptions = {}): number[] {
  const { opts, codes } = scoringOptions<ProductOptions>("productTerm", options, { center: { kind: "boolean", aliases: ["centre"] } });
  let cols: NamedValues[];
  const isNameList = Array.isArray(b) && b.length > 0 && b.every((x) => typeof x === "string");
  if (isNameList) {
    const names = columnNames(a as TableInput);
    for (const v of b as string[]) if (!names.includes(v)) throw unknownVariable(v, names);
    cols = (b as string[]).map((v) => ({ name: v, values: numbersOf(rawColumn(a as TableInput, v), v, codes) }));
  } else {
    cols = [
      { name: "a", values: numbersOf(a as ArrayLike<unknown>, "a", codes) },
      { name: "b", values: numbersOf(b as ArrayLike<unknown>, "b", codes) },
    ];
    if (cols[0].values.length !== cols[1].values.length)
      throw new PathlabError(`productTerm(): the two columns differ in length (${cols[0].values.length} vs ${cols[1].values.length}).`, {
        code: "data.ragged",
        hint: "Pass two columns with one value per row each.",
      });
  }
  if (cols.length < 2)
    throw new PathlabError("productTerm() needs at least two variables.", { code: "data.too-few-variables", hint: 'Write productTerm(data, ["x", "w"]).' });
  if (opts.center) cols = cols.map((c) => ({ name: c.name, values: center(c.values) }));
  const n = cols[0].values.length;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let p = 1;
    for (const c of cols) p *= c.values[i];
    out[i] = p;
  }
  return out;
}

export interface LogOptions extends ScoringOptions {
  /** The logarithm's base: "e" (natural, default), 10 or 2. */
  base?: "e" | 10 | 2;
}

const LOG_FUNCTIONS: Record<string, (x: number) => number> = { e: Math.log, "10": Math.log10, "2": Math.log2 };

/**
 * Log transform of a variable, ln(x) by default or log₁₀/log₂ with `base`; a value ≤ 0 is an error
 * naming its row (papers log-transform counts as ln(x + 1): add the constant first).
 *
 * @example
 * logTransform(data, "employees")               // ln(employees)
 * logTransform([1, 10, 100], { base: 10 })      // [0, 1, 2]
 */
export function logTransform(values: ArrayLike<unknown>, opts?: LogOptions): number[];
export function logTransform(data: TableInput, variable: string, opts?: LogOptions): number[];
export function logTransform(a: ArrayLike<unknown> | TableInput, b?: string | LogOptions, c?: LogOptions): number[] {
  const { col, opts } = resolve("logTransform", a, b, c, { base: { kind: "enum", values: ["e", "10", "2"], acceptNumbers: true } });
  const base = String((opts as LogOptions).base ?? "e");
  const fn = LOG_FUNCTIONS[base];
  const label = base === "e" ? "ln" : `log${base}`;
  return col.values.map((v, i) => {
    if (Number.isNaN(v)) return NaN;
    if (!(v > 0))
      throw new PathlabError(`Column "${col.name}", row ${i + 1}: ${label} of non-positive value ${v} is undefined.`, {
        hint: "Papers log-transform counts as ln(x + 1); add the constant first if zeros are meaningful.",
        code: "data.non-positive-log",
      });
    return fn(v);
  });
}

export interface DummyOptions extends MissingOptions {
  /** The reference (omitted) category; default: the first level. */
  reference?: string | number;
  /** Level order; default as R's factor(): numbers ascending, then text in R's sort order (ICU root collation). */
  levels?: (string | number)[];
  /** Prefix of the new column names (default: the variable name + "_"). */
  prefix?: string;
  /**
   * Column names from the categories' labels ("labels", default: `education_Bachelor` for code 2
   * labelled "Bachelor", text categories as they are) or from the codes ("codes": `education_2`).
   * Characters other than letters and digits become "_"; if two labels give the same name, their
   * codes are used.
   */
  names?: "labels" | "codes";
}

/**
 * Dummy (indicator) coding of a categorical variable: one 0/1 column per category except the
 * reference, so that each coefficient compares a category with the reference. Missing cells give
 * NaN in every dummy. The default reference is R's: the first level of factor(x), i.e. the smallest
 * code or the first text in R's sort order — the level lm() omits and describe() lists first.
 *
 * @example
 * dummyCode(df, "industry", { reference: "services" })   // { industry_manufacturing: [...], … }
 */
export function dummyCode(data: TableInput, variable: string, options: DummyOptions = {}): Record<string, number[]> {
  const { opts, codes } = scoringOptions<DummyOptions>("dummyCode", options, {
    reference: {
      kind: "custom",
      aliases: ["ref"],
      check: (r) => (typeof r === "string" || typeof r === "number" ? undefined : "must be a category (text or number)."),
      expected: 'a category, e.g. { reference: "north" }',
    },
    levels: {
      kind: "custom",
      check: (l) => (Array.isArray(l) && l.every((x) => typeof x === "string" || typeof x === "number") ? undefined : "must be an array of categories."),
      expected: 'e.g. { levels: ["low", "mid", "high"] }',
    },
    prefix: { kind: "string" },
    names: { kind: "enum", values: ["labels", "codes"], caseInsensitive: true },
  });
  needName("dummyCode", variable);
  const raw = rawColumn(data, variable);
  const key = (v: unknown) => String(v).trim();
  const present: string[] = [];
  for (const v of raw) if (!isMissing(v, codes) && !present.includes(key(v))) present.push(key(v));
  let levels: string[];
  if (opts.levels) {
    levels = opts.levels.map(key);
    const extra = present.filter((p) => !levels.includes(p));
    if (extra.length)
      throw new PathlabError(`Column "${variable}" has categories not in levels: ${extra.map((e) => `"${e}"`).join(", ")}.`, {
        code: "data.unknown-level",
        hint: `Add them to levels, or declare them missing with { naValues: [...] }.`,
      });
  } else {
    // R's factor(): numeric codes in numeric order, text in R's sort order (the first is the reference)
    const nums = present.filter((p) => p !== "" && Number.isFinite(Number(p))).sort((x, y) => Number(x) - Number(y));
    levels = [...nums, ...present.filter((p) => !(p !== "" && Number.isFinite(Number(p)))).sort(compareLevels)];
  }
  if (levels.length < 2)
    throw new PathlabError(`Column "${variable}" has fewer than two categories; nothing to dummy-code.`, {
      code: "data.too-few-levels",
      hint: "Dummy coding needs a variable with at least two categories.",
    });
  const ref = opts.reference === undefined ? levels[0] : key(opts.reference);
  if (!levels.includes(ref))
    throw new PathlabError(`Reference category "${ref}" does not occur in column "${variable}".`, {
      hint: `Categories: ${levels.join(", ")}.`,
      code: "data.unknown-level",
    });
  const prefix = opts.prefix ?? `${variable}_`;
  const part = dummyNames(levels, opts.names === "codes" ? undefined : valueLabelsOf(data, variable));
  const out: Record<string, number[]> = {};
  for (const lev of levels) {
    if (lev === ref) continue;
    out[prefix + part.get(lev)!] = raw.map((v) => (isMissing(v, codes) ? NaN : key(v) === lev ? 1 : 0));
  }
  return out;
}

/**
 * The name part of each category's dummy: its value label (or its text) made name-safe, or its code
 * when it has no label, the label is empty after cleaning, or two categories would get the same name.
 */
function dummyNames(levels: string[], labels: ValueLabel[] | undefined): Map<string, string> {
  const wanted = levels.map((lev) => {
    const num = Number(lev);
    const label = labels ? (findLabel(labels, Number.isFinite(num) && lev.trim() !== "" ? num : lev) ?? findLabel(labels, lev)) : undefined;
    const safe = nameSafe(label ?? lev);
    return safe || lev;
  });
  return new Map(levels.map((lev, i) => [lev, wanted.filter((w) => w === wanted[i]).length > 1 ? lev : wanted[i]]));
}
