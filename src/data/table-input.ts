/**
 * The one tabular input every pathlab function accepts: a DataFrame (pathlab's, or anything with its `columns` and `values`), an array of row
 * objects, or an object of columns. Everything downstream works on plain numeric columns obtained
 * through `numericColumns`, which applies the missing-value rules and listwise deletion and reports
 * how many rows it used and dropped.
 *
 * The input is checked before any number is computed from it: null or non-table data, duplicate
 * column names, columns of different lengths, rows that are not objects or do not match the header
 * are PathlabErrors naming the column or row — never a silently shorter or misaligned table.
 *
 * Cell conventions follow R's read.csv/type.convert: missing are null/undefined, NaN, empty text and
 * "NA" (plus declared `naValues`); a text cell is a number when it is a decimal number, optionally
 * with an exponent and surrounding blanks (" 12 ", "1e5", "-.5"). Unlike R, hexadecimal text
 * ("0x10") is not a number here (R's C-level parser reads it as 16; in survey data it is an ID or
 * code, not a quantity), and "Inf"/"-Inf" are numbers but not finite, so an analysis refuses them.
 */
import { PathlabError, type ErrorCode } from "../errors";
import { checkOptions, describeValue, type OptionSpecs } from "../options";

/** Anything with `columns` and row-major `values`: pathlab's DataFrame, or a danfojs one. */
export interface DataFrameLike {
  columns: string[];
  values: unknown[][];
}

/** A table as an object of equally long columns: `{ x: [1, 2], y: [3, 4] }`. */
export type ColumnsObject = { [column: string]: ArrayLike<unknown> };
/** A table as an array of row objects: `[{ x: 1, y: 3 }, { x: 2, y: 4 }]`. */
export type RowObjects = ReadonlyArray<{ [column: string]: unknown }>;
/**
 * Any table every pathlab function accepts: a DataFrame (pathlab's, or anything with its `columns`
 * and row-major `values`), an array of row objects, or an object of equally long columns.
 *
 * @example
 * describe({ x: [1, 2, 3], y: [2, 4, 7] })
 * describe([{ x: 1, y: 2 }, { x: 2, y: 4 }])
 */
export type TableInput = DataFrameLike | RowObjects | ColumnsObject;

/** A declared missing-value code: numbers match numeric cells (and numeric text), text matches text cells. */
export type NaValue = number | string;

/** Missing-value options every function reading a table takes: codes that mean "missing" (R's `na.strings`). */
export interface MissingOptions {
  /** Values meaning "missing" besides null, NaN, empty cells and "NA", e.g. [99, -9] or ["."]. */
  naValues?: NaValue[];
  /** Older spelling of `naValues` for numeric codes only (e.g. [99, -9]). */
  missing?: number[];
}

const NA_HINT = 'Declare missing-value codes as { naValues: [99, -9] } (numbers) or { naValues: ["."] } (text).';

/**
 * The option specs of `naValues` and its older numeric spelling `missing`, for `checkOptions`. A
 * string given as `missing` (e.g. "ml", lavaan's full-information ML) is an error that points to the
 * right option, since here `missing` can only mean codes.
 */
export function naValueSpecs(): OptionSpecs {
  return {
    naValues: {
      kind: "custom",
      aliases: ["na.values", "na.strings", "naStrings"],
      description: "codes that mean missing",
      expected: 'an array of codes, e.g. { naValues: [99, -9] } or { naValues: ["."] }',
      check: (v) =>
        Array.isArray(v) && v.every((c) => (typeof c === "number" && !Number.isNaN(c)) || typeof c === "string")
          ? undefined
          : `must be an array of numbers or strings; got ${describeValue(v)}.`,
    },
    missing: {
      kind: "custom",
      description: "numeric missing-value codes (older spelling of naValues)",
      expected: "numeric codes as { naValues: [99, -9] }",
      check: (v) =>
        Array.isArray(v) && v.every((c) => typeof c === "number" && !Number.isNaN(c))
          ? undefined
          : typeof v === "string"
            ? `${JSON.stringify(v)} is not a missing-value code list. Here 'missing' can only list numeric codes; write { naValues: [99, -9] } (a missing-data method such as "ml" is an option of cfa()/sem()).`
            : `must be an array of numeric codes (write { naValues: [...] }); got ${describeValue(v)}.`,
    },
  };
}

/** The declared codes of validated options; both spellings at once is an error. */
export function naValuesOf(opts: MissingOptions | undefined, fn: string): NaValue[] {
  if (!opts) return [];
  if (opts.naValues !== undefined && opts.missing !== undefined)
    throw new PathlabError(`${fn}(): missing-value codes are given twice, as 'naValues' and 'missing'.`, {
      code: "options.duplicate",
      hint: "Give them once, as naValues.",
    });
  return opts.naValues ?? opts.missing ?? [];
}

function isDataFrameLike(x: unknown): x is DataFrameLike {
  return x !== null && typeof x === "object" && !Array.isArray(x) && Array.isArray((x as DataFrameLike).columns) && Array.isArray((x as DataFrameLike).values);
}

function badInput(message: string, hint: string, code: ErrorCode = "data.bad-input"): PathlabError {
  return new PathlabError(message, { code, hint });
}

const TABLE_HINT = "Pass a DataFrame, an array of row objects ([{ x: 1, y: 2 }, …]) or an object of equally long columns ({ x: [...], y: [...] }).";

function duplicateCheck(names: string[], where: string): void {
  const first = new Map<string, number>();
  names.forEach((n, j) => {
    const prev = first.get(n);
    if (prev !== undefined)
      throw badInput(
        `${where}: column name "${n}" occurs twice (columns ${prev + 1} and ${j + 1}).`,
        "Rename one of the columns; pathlab will not guess which one you mean.",
        "data.duplicate-column",
      );
    first.set(n, j);
  });
}

/**
 * Checks that `data` is a well-formed table (see the module comment) and returns its column names.
 * Called by every accessor below, so every analysis gets the check.
 */
export function checkTable(data: unknown): string[] {
  if (data === null || data === undefined) throw badInput(`No data: got ${data}.`, TABLE_HINT, "data.no-data");
  if (typeof data !== "object") throw badInput(`The data must be a table; got ${describeValue(data)}.`, TABLE_HINT);
  if (isDataFrameLike(data)) {
    duplicateCheck(data.columns, "The data frame");
    const k = data.columns.length;
    data.values.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== k)
        throw badInput(
          `Row ${i + 1} of the data frame has ${Array.isArray(row) ? row.length : "no"} values for ${k} columns.`,
          "Every row needs one value per column.",
          "data.ragged",
        );
    });
    return [...data.columns];
  }
  if (Array.isArray(data)) {
    const keys: string[] = [];
    const seen = new Set<string>();
    data.forEach((r, i) => {
      if (r === null || typeof r !== "object" || Array.isArray(r))
        throw badInput(`Row ${i + 1} of the data is ${describeValue(r)}, not an object of values.`, TABLE_HINT, "data.bad-row");
      for (const key of Object.keys(r))
        if (!seen.has(key)) {
          seen.add(key);
          keys.push(key);
        }
    });
    return keys;
  }
  if (ArrayBuffer.isView(data)) throw badInput("The data is a single typed array, not a table.", TABLE_HINT);
  const entries = Object.entries(data as Record<string, unknown>);
  let ref: [string, number] | undefined;
  for (const [name, c] of entries) {
    const isCol = Array.isArray(c) || (ArrayBuffer.isView(c) && !(c instanceof DataView));
    if (!isCol) throw badInput(`Column "${name}" is ${describeValue(c)}, not an array of values.`, TABLE_HINT, "data.bad-column");
    const n = (c as ArrayLike<unknown>).length;
    if (!ref) ref = [name, n];
    else if (n !== ref[1])
      throw badInput(
        `Columns differ in length: "${ref[0]}" has ${ref[1]} values but "${name}" has ${n}.`,
        "Every column must have one value per row; mark a missing value as null rather than leaving it out.",
        "data.ragged",
      );
  }
  return entries.map(([n]) => n);
}

/** Column names of any table input (after checking it, see `checkTable`). */
export function columnNames(data: TableInput): string[] {
  return checkTable(data);
}

/** Number of rows of any table input. */
export function rowCount(data: TableInput): number {
  checkTable(data);
  return rowsOf(data);
}

function rowsOf(data: TableInput): number {
  if (isDataFrameLike(data)) return data.values.length;
  if (Array.isArray(data)) return data.length;
  const cols = Object.values(data as ColumnsObject);
  return cols.length === 0 ? 0 : cols[0].length;
}

/** The raw values of one column (any type), by name. Throws naming the column if it is absent. */
export function rawColumn(data: TableInput, name: string): unknown[] {
  const names = checkTable(data);
  if (!names.includes(name)) throw unknownVariable(name, names);
  return columnOf(data, name);
}

/** One column of a table already checked by `checkTable`. */
function columnOf(data: TableInput, name: string): unknown[] {
  if (isDataFrameLike(data)) {
    const j = data.columns.indexOf(name);
    return data.values.map((row) => row[j]);
  }
  if (Array.isArray(data)) return (data as RowObjects).map((r) => r[name]);
  return Array.from((data as ColumnsObject)[name]);
}

/** The error for a variable the data does not have, with the closest names as a hint. */
export function unknownVariable(name: string, available: string[]): PathlabError {
  const lower = String(name).toLowerCase();
  const close = available.filter((a) => a.toLowerCase() === lower || a.toLowerCase().includes(lower) || lower.includes(a.toLowerCase()));
  const shown = available.slice(0, 20).join(", ") + (available.length > 20 ? ", …" : "");
  return new PathlabError(`Unknown variable "${name}": the data has no such column.`, {
    hint: close.length ? `Did you mean ${close.map((c) => `"${c}"`).join(" or ")}?` : `Available columns: ${shown || "(none)"}.`,
    code: "data.unknown-variable",
  });
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITE = /^([+-]?)(?:inf|infinity)$/i;

/**
 * The number a text cell holds, as R's type.convert reads it (decimal, optional exponent, blanks
 * around it ignored, "Inf"/"-Inf"/"infinity", "NaN"), or undefined when it is not a number. Hex
 * ("0x10"), thousands separators ("1,000"), "1d5" and other text are not numbers.
 */
export function parseDecimal(s: string): number | undefined {
  const t = s.trim();
  if (DECIMAL.test(t)) return Number(t);
  const inf = INFINITE.exec(t);
  if (inf) return inf[1] === "-" ? -Infinity : Infinity;
  if (t === "NaN") return NaN;
  return undefined;
}

/**
 * True if a raw cell counts as missing: null/undefined, NaN, empty (or blank) text, "NA", "NaN", or a
 * declared code (a number matches numeric cells and numeric text; a string matches text cells, blanks
 * around them ignored).
 */
export function isMissing(v: unknown, codes: readonly NaValue[] = []): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "number") return Number.isNaN(v) || (codes.length > 0 && codes.includes(v));
  if (typeof v === "string") {
    const s = v.trim();
    if (s === "" || s === "NA" || s === "NaN") return true;
    if (codes.length === 0) return false;
    if (codes.includes(s) || codes.includes(v)) return true;
    const x = parseDecimal(s);
    return x !== undefined && codes.includes(x);
  }
  return false;
}

/** Converts one raw cell to a finite number, or throws naming column, row (1-based) and value. */
export function toNumber(v: unknown, column: string, row: number): number {
  if (typeof v === "number") {
    if (!Number.isFinite(v))
      throw new PathlabError(`Column "${column}", row ${row + 1}: value ${v} is not a finite number.`, {
        code: "data.non-finite",
        hint: `Recode it, or declare it missing with { naValues: [${v}] }.`,
      });
    return v;
  }
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const x = parseDecimal(v);
    if (x !== undefined && Number.isFinite(x)) return x;
    if (x !== undefined)
      throw new PathlabError(`Column "${column}", row ${row + 1}: value ${JSON.stringify(v)} is not a finite number.`, {
        code: "data.non-finite",
        hint: "Recode it, or declare it missing with { naValues: [...] }.",
      });
    const hex = /^\s*[+-]?0[xX]/.test(v) ? " Hexadecimal text is not read as a number (it is usually an ID or code)." : "";
    throw new PathlabError(`Column "${column}", row ${row + 1}: value ${JSON.stringify(v)} is not a number.${hex}`, {
      hint: `Recode text answers to numbers, or declare the value missing. ${NA_HINT}`,
      code: "data.non-numeric",
    });
  }
  if (typeof v === "bigint")
    throw new PathlabError(`Column "${column}", row ${row + 1}: value ${v}n is a BigInt, which pathlab does not compute with.`, {
      hint: "Convert the column with Number(x) (exact up to 2^53) before the analysis.",
      code: "data.bigint",
    });
  throw new PathlabError(`Column "${column}", row ${row + 1}: value ${describeValue(v)} is not a number.`, {
    hint: `Each cell of an analysed column must be a number or missing (null). ${NA_HINT}`,
    code: "data.non-numeric",
  });
}

/** Numeric columns after listwise deletion. */
export interface NumericColumns {
  names: string[];
  /** One Float64Array per requested variable, complete cases only. */
  columns: Float64Array[];
  /** Rows used (complete cases). */
  n: number;
  /** Rows dropped because at least one requested variable was missing. */
  dropped: number;
  /** Original (0-based) row indices of the rows used. */
  rows: number[];
}

/**
 * Extracts numeric variables with listwise deletion: a row is kept only when every requested
 * variable is present. Non-numeric, non-missing values are an error naming column, row and value.
 */
export function numericColumns(data: TableInput, vars: string[], opts: MissingOptions = {}): NumericColumns {
  const codes = naValuesOf(checkOptions<MissingOptions>("numericColumns", opts, naValueSpecs()), "numericColumns");
  const names = columnNames(data);
  if (!Array.isArray(vars)) throw badInput(`The variables must be an array of column names; got ${describeValue(vars)}.`, 'Write for example ["x1", "x2"].');
  for (const v of vars) if (!names.includes(v)) throw unknownVariable(v, names);
  const typed = typedColumns(data, vars, codes);
  if (typed) return typed;
  const raw = vars.map((v) => columnOf(data, v));
  const nRows = rowsOf(data);
  const keep: number[] = [];
  for (let i = 0; i < nRows; i++) {
    let ok = true;
    for (let j = 0; j < vars.length; j++) {
      if (isMissing(raw[j][i], codes)) {
        ok = false;
        break;
      }
    }
    if (ok) keep.push(i);
  }
  const columns = raw.map((col, j) => {
    const out = new Float64Array(keep.length);
    for (let k = 0; k < keep.length; k++) out[k] = toNumber(col[keep[k]], vars[j], keep[k]);
    return out;
  });
  return { names: [...vars], columns, n: keep.length, dropped: nRows - keep.length, rows: keep };
}

/**
 * Fast path of `numericColumns` for an object of typed-array columns (simulated data, large
 * benchmarks): no per-cell boxing or parsing, only NaN / declared-code checks. Returns undefined
 * when any requested column is not a typed array of numbers, so the general path handles it.
 */
function typedColumns(data: TableInput, vars: string[], naValues: NaValue[]): NumericColumns | undefined {
  if (isDataFrameLike(data) || Array.isArray(data)) return undefined;
  const cols = vars.map((v) => (data as ColumnsObject)[v]);
  if (!cols.every((c) => ArrayBuffer.isView(c) && !(c instanceof DataView) && !(c instanceof BigInt64Array) && !(c instanceof BigUint64Array)))
    return undefined;
  const codes = naValues.filter((c): c is number => typeof c === "number");
  const n = rowsOf(data);
  const nums = cols as unknown as ArrayLike<number>[];
  const ok = new Uint8Array(n).fill(1);
  let kept = n;
  // x − x is 0 for every finite x: one comparison finds NaN and ±Infinity; the infinities are
  // looked at (and named by toNumber) only if there are any, after the missing rows are known.
  let infinite = false;
  for (const c of nums)
    for (let i = 0; i < n; i++) {
      const x = c[i];
      if (x - x === 0 && codes.length === 0) continue;
      if (ok[i] && (x !== x || (codes.length > 0 && codes.includes(x)))) {
        ok[i] = 0;
        kept--;
      } else if (x === Infinity || x === -Infinity) infinite = true;
    }
  if (infinite)
    for (let j = 0; j < nums.length; j++) {
      const c = nums[j];
      for (let i = 0; i < n; i++) if (ok[i] && !Number.isFinite(c[i])) toNumber(c[i], vars[j], i);
    }
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (ok[i]) rows.push(i);
  const columns = nums.map((c) => {
    if (kept === n) return c instanceof Float64Array ? c.slice() : Float64Array.from(c); // slice: a memcpy, not the iterator
    const out = new Float64Array(kept);
    for (let k = 0; k < kept; k++) out[k] = c[rows[k]];
    return out;
  });
  return { names: [...vars], columns, n: kept, dropped: n - kept, rows };
}
