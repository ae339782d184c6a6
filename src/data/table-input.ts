/**
 * The one tabular input every pathlab function accepts: a danfojs DataFrame, an array of row
 * objects, or an object of columns. Everything downstream works on plain numeric columns obtained
 * through `numericColumns`, which applies the missing-value rules and listwise deletion and reports
 * how many rows it used and dropped.
 */
import { PathlabError } from "../errors";

/** Anything with danfojs's `columns` and `values` (a DataFrame), without importing danfojs. */
export interface DataFrameLike {
  columns: string[];
  values: unknown[][];
}

export type ColumnsObject = { [column: string]: ArrayLike<unknown> };
export type RowObjects = ReadonlyArray<{ [column: string]: unknown }>;
export type TableInput = DataFrameLike | RowObjects | ColumnsObject;

export interface MissingOptions {
  /** Codes that mean "missing" in addition to empty cells, NA and NaN (e.g. [99, -9]). */
  missing?: number[];
}

function isDataFrameLike(x: unknown): x is DataFrameLike {
  return (
    x !== null &&
    typeof x === "object" &&
    !Array.isArray(x) &&
    Array.isArray((x as DataFrameLike).columns) &&
    Array.isArray((x as DataFrameLike).values)
  );
}

/** Column names of any table input. */
export function columnNames(data: TableInput): string[] {
  if (isDataFrameLike(data)) return [...data.columns];
  if (Array.isArray(data)) {
    const keys: string[] = [];
    for (const r of data as RowObjects) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
    return keys;
  }
  return Object.keys(data as ColumnsObject);
}

/** Number of rows of any table input. */
export function rowCount(data: TableInput): number {
  if (isDataFrameLike(data)) return data.values.length;
  if (Array.isArray(data)) return data.length;
  const cols = Object.values(data as ColumnsObject);
  if (cols.length === 0) return 0;
  const n = cols[0].length;
  for (const [name, c] of Object.entries(data as ColumnsObject)) {
    if (c.length !== n) throw new PathlabError(`Column "${name}" has ${c.length} values but the first column has ${n}.`, { code: "ragged" });
  }
  return n;
}

/** The raw values of one column (any type), by name. Throws naming the column if it is absent. */
export function rawColumn(data: TableInput, name: string): unknown[] {
  const names = columnNames(data);
  if (!names.includes(name)) throw unknownVariable(name, names);
  if (isDataFrameLike(data)) {
    const j = data.columns.indexOf(name);
    return data.values.map((row) => row[j]);
  }
  if (Array.isArray(data)) return (data as RowObjects).map((r) => r[name]);
  return Array.from((data as ColumnsObject)[name]);
}

/** The error for a variable the data does not have, with the closest names as a hint. */
export function unknownVariable(name: string, available: string[]): PathlabError {
  const lower = name.toLowerCase();
  const close = available.filter((a) => a.toLowerCase() === lower || a.toLowerCase().includes(lower) || lower.includes(a.toLowerCase()));
  const shown = available.slice(0, 20).join(", ") + (available.length > 20 ? ", …" : "");
  return new PathlabError(`Unknown variable "${name}": the data has no such column.`, {
    hint: close.length ? `Did you mean ${close.map((c) => `"${c}"`).join(" or ")}?` : `Available columns: ${shown}.`,
    code: "unknown-variable",
  });
}

/** True if a raw cell counts as missing: empty, null/undefined, NaN, "NA", ".", or a declared code. */
export function isMissing(v: unknown, codes: number[] = []): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "number") return Number.isNaN(v) || codes.includes(v);
  if (typeof v === "string") {
    const s = v.trim();
    if (s === "" || s === "NA" || s === "NaN" || s === "." || s.toLowerCase() === "null") return true;
    const x = Number(s);
    return Number.isFinite(x) && codes.includes(x);
  }
  return false;
}

/** Converts one raw cell to a number, or throws naming column, row (1-based) and value. */
export function toNumber(v: unknown, column: string, row: number): number {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new PathlabError(`Column "${column}", row ${row + 1}: value ${v} is not a finite number.`, { code: "non-numeric" });
    return v;
  }
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const x = Number(v.trim());
    if (v.trim() !== "" && Number.isFinite(x)) return x;
  }
  throw new PathlabError(`Column "${column}", row ${row + 1}: value ${JSON.stringify(v)} is not a number.`, {
    hint: "Recode text answers to numbers, or declare the value as a missing code with { missing: [...] }.",
    code: "non-numeric",
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
  const codes = opts.missing ?? [];
  const names = columnNames(data);
  for (const v of vars) if (!names.includes(v)) throw unknownVariable(v, names);
  const typed = typedColumns(data, vars, codes);
  if (typed) return typed;
  const raw = vars.map((v) => rawColumn(data, v));
  const nRows = raw.length ? raw[0].length : rowCount(data);
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
 * when any requested column is not a typed array, so the general path handles it.
 */
function typedColumns(data: TableInput, vars: string[], codes: number[]): NumericColumns | undefined {
  if (isDataFrameLike(data) || Array.isArray(data)) return undefined;
  const cols = vars.map((v) => (data as ColumnsObject)[v]);
  if (!cols.every((c) => ArrayBuffer.isView(c) && !(c instanceof DataView) && typeof (c as unknown as ArrayLike<number>)[0] !== "bigint")) return undefined;
  const n = rowCount(data);
  const nums = cols as unknown as ArrayLike<number>[];
  const ok = new Uint8Array(n).fill(1);
  let kept = n;
  for (const c of nums)
    for (let i = 0; i < n; i++) {
      const x = c[i];
      if (ok[i] && (x !== x || (codes.length > 0 && codes.includes(x)))) {
        ok[i] = 0;
        kept--;
      }
    }
  for (let j = 0; j < nums.length; j++) {
    const c = nums[j];
    for (let i = 0; i < n; i++)
      if (ok[i] && !Number.isFinite(c[i]))
        throw new PathlabError(`Column "${vars[j]}", row ${i + 1}: value ${c[i]} is not a finite number.`, { code: "non-numeric" });
  }
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (ok[i]) rows.push(i);
  const columns = nums.map((c) => {
    if (kept === n) return Float64Array.from(c);
    const out = new Float64Array(kept);
    for (let k = 0; k < kept; k++) out[k] = c[rows[k]];
    return out;
  });
  return { names: [...vars], columns, n: kept, dropped: n - kept, rows };
}
