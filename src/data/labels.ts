/**
 * Labels that travel with the data: SPSS value labels (1 = "male", 2 = "female") and variable labels
 * ("Gender of the respondent"), and the levels of text columns read from CSV or Excel. `readSav`
 * attaches its labels to the DataFrame it returns; `setValueLabels` attaches labels to any table
 * (for numeric codes from a CSV). Analyses look them up by table and variable, so PROCESS tables and
 * figures say "gender = female" instead of "gender = 2.0000", `dummyCode` names columns
 * `education_Bachelor`, and `describe` lists the categories.
 *
 * Labels are kept per table object (a WeakMap, so nothing leaks): a new table made from a labelled one
 * (a filtered copy, for example) starts without labels — pass them on with
 * `setValueLabels(copy, valueLabelsOf(original))`.
 *
 * Text factors in analyses follow R: a text column with two categories entering a regression is
 * coded 0/1 with the categories in sorted order (R's factor levels and treatment contrasts), so the
 * coefficient compares the second category with the first; the coding is reported with the result.
 *
 * @example
 * const df = setValueLabels(data, { gender: { 1: "male", 2: "female" } });
 * labelOf(df, "gender", 2); // "female"
 */
import { PathlabError } from "../errors";
import { describeValue } from "../options";
import { columnNames, isMissing, rawColumn, parseDecimal, type NaValue, type TableInput } from "./table-input";

export interface ValueLabel {
  value: number | string;
  label: string;
}

interface Labels {
  values: Record<string, ValueLabel[]>;
  variables: Record<string, string>;
}

const registry = new WeakMap<object, Labels>();

/** Accepts [{ value, label }] or { value: label } for one variable. */
function normalise(variable: string, spec: unknown): ValueLabel[] {
  if (Array.isArray(spec)) {
    return spec.map((e, i) => {
      if (
        !e ||
        typeof e !== "object" ||
        !("label" in e) ||
        !("value" in e) ||
        typeof (e as ValueLabel).label !== "string" ||
        !["number", "string"].includes(typeof (e as ValueLabel).value)
      )
        throw new PathlabError(
          `setValueLabels(): entry ${i + 1} for "${variable}" must be { value, label } with a number or text value and a text label; got ${describeValue(e)}.`,
          { code: "data.bad-labels", hint: 'Write { gender: { 1: "male", 2: "female" } }.' },
        );
      return { value: (e as ValueLabel).value, label: (e as ValueLabel).label };
    });
  }
  if (spec && typeof spec === "object")
    return Object.entries(spec as Record<string, unknown>).map(([k, v]) => {
      if (typeof v !== "string")
        throw new PathlabError(`setValueLabels(): the label of ${variable} = ${k} must be text; got ${describeValue(v)}.`, {
          code: "data.bad-labels",
          hint: 'Write { gender: { 1: "male", 2: "female" } }.',
        });
      const num = parseDecimal(k);
      return { value: num !== undefined && Number.isFinite(num) ? num : k, label: v };
    });
  throw new PathlabError(`setValueLabels(): the labels of "${variable}" must be an object such as { 1: "male", 2: "female" }; got ${describeValue(spec)}.`, {
    code: "data.bad-labels",
    hint: 'Write { gender: { 1: "male", 2: "female" } }.',
  });
}

/**
 * Attaches value labels (and optionally variable labels) to a table and returns the same table.
 * Labels for a variable replace any it had; other variables keep theirs.
 */
export function setValueLabels<T extends object>(
  data: T,
  labels: Record<string, ValueLabel[] | Record<string | number, string>>,
  variableLabels: Record<string, string | null> = {},
): T {
  if (data === null || typeof data !== "object")
    throw new PathlabError(`setValueLabels(): the data must be a table; got ${describeValue(data)}.`, {
      code: "data.bad-input",
      hint: "Pass the DataFrame or object of columns the labels belong to.",
    });
  if (labels === null || typeof labels !== "object" || Array.isArray(labels))
    throw new PathlabError(`setValueLabels(): labels must map variable names to their labels; got ${describeValue(labels)}.`, {
      code: "data.bad-labels",
      hint: 'Write { gender: { 1: "male", 2: "female" } }.',
    });
  const names = columnNames(data as unknown as TableInput);
  const cur = registry.get(data) ?? { values: {}, variables: {} };
  for (const [v, spec] of Object.entries(labels)) {
    if (!names.includes(v))
      throw new PathlabError(`setValueLabels(): the data has no column "${v}".`, {
        code: "data.unknown-variable",
        hint: `Columns: ${names.slice(0, 20).join(", ")}.`,
      });
    const list = normalise(v, spec);
    if (list.length) cur.values[v] = list;
    else delete cur.values[v];
  }
  for (const [v, l] of Object.entries(variableLabels)) if (typeof l === "string" && l) cur.variables[v] = l;
  registry.set(data, cur);
  return data;
}

/** The value labels attached to a table: of one variable, or of all (by variable). */
export function valueLabelsOf(data: unknown, variable: string): ValueLabel[] | undefined;
export function valueLabelsOf(data: unknown): Record<string, ValueLabel[]>;
export function valueLabelsOf(data: unknown, variable?: string): ValueLabel[] | Record<string, ValueLabel[]> | undefined {
  const l = data !== null && typeof data === "object" ? registry.get(data as object) : undefined;
  if (variable === undefined) return { ...(l?.values ?? {}) };
  return l?.values[variable];
}

/** Variable labels attached to a table (SPSS's "Label" column). */
export function variableLabelsOf(data: unknown): Record<string, string> {
  const l = data !== null && typeof data === "object" ? registry.get(data as object) : undefined;
  return { ...(l?.variables ?? {}) };
}

/** Label of one value in a label list (numbers compared with a relative tolerance of 1e-9). */
export function findLabel(list: ValueLabel[] | undefined, value: number | string): string | undefined {
  if (!list) return undefined;
  for (const e of list) {
    if (e.value === value) return e.label;
    if (typeof e.value === "number" && typeof value === "number" && Math.abs(e.value - value) <= 1e-9 * Math.max(1, Math.abs(value))) return e.label;
  }
  return undefined;
}

/** The label of `value` of `variable` in a labelled table, or undefined. */
export function labelOf(data: unknown, variable: string, value: number | string): string | undefined {
  return findLabel(valueLabelsOf(data, variable), value);
}

/**
 * R's sort order for factor levels (R's sort() of character strings on a UTF-8 system, which uses
 * the ICU root collation: "a" < "A" < "ä" < "b"). Shared by describe's categories, dummyCode and
 * the factors of ols, so that all three list levels, and take the reference, as R's factor() does.
 */
export const compareLevels: (a: string, b: string) => number = new Intl.Collator("und").compare;

/** Distinct non-missing values of a raw column, numbers ascending then text in R's sort order. */
export function levelsOf(raw: unknown[], codes: readonly NaValue[] = []): (number | string)[] {
  const nums = new Set<number>();
  const texts = new Set<string>();
  for (const v of raw) {
    if (isMissing(v, codes)) continue;
    if (typeof v === "number") nums.add(v);
    else if (typeof v === "string") {
      const x = parseDecimal(v);
      if (x !== undefined && Number.isFinite(x)) nums.add(x);
      else texts.add(v.trim());
    } else if (typeof v === "boolean") nums.add(v ? 1 : 0);
  }
  return [...Array.from(nums).sort((a, b) => a - b), ...Array.from(texts).sort(compareLevels)];
}

/**
 * True when a raw column is a factor read from CSV or Excel: every non-missing cell is text that is
 * not a number. A column mixing numbers and text is not (it is a numeric column with a data error,
 * which the numeric checks report with its row).
 */
export function isTextColumn(raw: unknown[], codes: readonly NaValue[] = []): boolean {
  let any = false;
  for (const v of raw) {
    if (isMissing(v, codes)) continue;
    if (typeof v !== "string" || parseDecimal(v) !== undefined) return false;
    any = true;
  }
  return any;
}

export interface CodedFactors {
  /** The data with two-category text columns replaced by 0/1 codes (the original when none were). */
  data: TableInput;
  /** Labels by variable: attached ones, plus the categories of coded text columns. */
  labels: Record<string, ValueLabel[]>;
  /** What was coded, for the result's notes: "gender: 0 = female, 1 = male". */
  coded: string[];
}

/**
 * Prepares `vars` of a table for a regression: every two-category text column among `factors` becomes
 * 0/1 (categories in sorted order, as R's factor with treatment contrasts), labelled by its categories.
 * A text column with more categories is an error naming it (dummy-code it first); other columns are
 * left for the numeric checks.
 */
export function codeTextFactors(data: TableInput, vars: string[], factors: string[], codes: readonly NaValue[] = [], fn = "process"): CodedFactors {
  const labels: Record<string, ValueLabel[]> = { ...valueLabelsOf(data) };
  const coded: string[] = [];
  const replaced: Record<string, unknown[]> = {};
  for (const v of factors) {
    if (!columnNames(data).includes(v)) continue;
    const raw = rawColumn(data, v);
    if (!isTextColumn(raw, codes)) continue;
    const levels = levelsOf(raw, codes).map(String);
    if (levels.length !== 2)
      throw new PathlabError(
        `${fn}(): "${v}" is a text column with ${levels.length} categories (${levels.slice(0, 6).join(", ")}${levels.length > 6 ? ", …" : ""}); only a two-category text variable can enter as it is.`,
        {
          code: "data.categorical-variable",
          hint: `Make indicator columns with dummyCode(data, "${v}") and enter them as covariates, or recode "${v}" to numbers.`,
        },
      );
    replaced[v] = raw.map((x) => (isMissing(x, codes) ? null : String(typeof x === "string" ? x.trim() : x) === levels[0] ? 0 : 1));
    labels[v] = [
      { value: 0, label: levels[0] },
      { value: 1, label: levels[1] },
    ];
    coded.push(`${v}: 0 = ${levels[0]}, 1 = ${levels[1]}`);
  }
  if (!coded.length) return { data, labels, coded };
  const cols: Record<string, unknown[]> = {};
  for (const v of vars) cols[v] = replaced[v] ?? rawColumn(data, v);
  return { data: cols, labels, coded };
}

/** A label made into part of a column name: letters and digits kept, anything else one "_". */
export function nameSafe(label: string): string {
  return label
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}]+/gu, "_")
    .replace(/^_+|_+$/g, "");
}
