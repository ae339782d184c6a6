/**
 * pathlab's data frame: what every loader returns (readCSV, readExcel, readSav) and what every
 * pathlab function accepts. Deliberately small — named columns over rows, the handful of methods the
 * notebooks use (`column(name).values`, `addColumn`, `head`, `tail`, `loc`, `shape`) — and laid out
 * as danfojs's DataFrame (`columns`, row-major `values`, `index`), so a danfojs frame a user builds
 * is accepted and displayed the same way. Values are stored as given: numbers stay 64-bit, missing
 * stays null.
 *
 * Why not danfojs: it pulls in TensorFlow.js (about 270 MB of node_modules and over a second to
 * load) for none of this (environment.md).
 *
 * @example
 * const df = new DataFrame({ x: [1, 2, 3], g: ["a", "b", "a"] });
 * df.addColumn("x2", df.column("x").values.map((v) => (v as number) ** 2), { inplace: true });
 * df.shape // [3, 3]
 */
import * as fs from "fs";
import { PathlabError } from "../errors";

/** One column of a DataFrame: its name, values and the frame's row labels. */
export class Series {
  /** The same as `name` (danfojs's spelling, which pathlab's display recognises). */
  readonly columnName: string;

  constructor(
    /** The column name. */
    readonly name: string,
    /** The values, one per row. */
    readonly values: unknown[],
    /** Row labels. */
    readonly index: number[],
  ) {
    this.columnName = name;
  }
}

/** A table of named columns (see the module comment). */
export class DataFrame {
  /** Column names, in order. */
  readonly columns: string[];
  /** The rows: values[i][j] is column j of row i. */
  readonly values: unknown[][];
  /** Row labels, 0 … n − 1 (or those a row selection kept). */
  readonly index: number[];

  /**
   * From named columns (`{ x: [...], y: [...] }`, arrays or typed arrays of equal length) or from
   * row objects (`[{ x: 1, y: 2 }, …]`, columns in the order of the first row's keys).
   */
  constructor(data: { [column: string]: ArrayLike<unknown> } | ReadonlyArray<{ [column: string]: unknown }> = {}, options: { index?: number[] } = {}) {
    if (Array.isArray(data)) {
      const rows = data as ReadonlyArray<{ [column: string]: unknown }>;
      this.columns = rows.length ? Object.keys(rows[0]) : [];
      this.values = rows.map((r) => this.columns.map((c) => r[c]));
    } else {
      const cols = data as { [column: string]: ArrayLike<unknown> };
      this.columns = Object.keys(cols);
      const n = this.columns.length ? cols[this.columns[0]].length : 0;
      for (const c of this.columns)
        if (cols[c].length !== n)
          throw new PathlabError(`DataFrame: column "${c}" has ${cols[c].length} values but "${this.columns[0]}" has ${n}.`, {
            hint: "Give every column one value per row; mark a missing value as null.",
            code: "data.ragged",
          });
      this.values = [];
      for (let i = 0; i < n; i++) this.values.push(this.columns.map((c) => cols[c][i]));
    }
    this.index = options.index ?? this.values.map((_, i) => i);
  }

  /** [rows, columns]. */
  get shape(): [number, number] {
    return [this.values.length, this.columns.length];
  }

  /** The column `name` as a Series; an unknown name is an error listing the columns. */
  column(name: string): Series {
    const j = this.position(name);
    return new Series(
      name,
      this.values.map((r) => r[j]),
      [...this.index],
    );
  }

  /**
   * Adds the column `name` (or replaces it, keeping its position) with one value per row. With
   * `{ inplace: true }` this frame changes; otherwise a new frame is returned and this one is kept.
   */
  addColumn(name: string, values: ArrayLike<unknown>, options: { inplace?: boolean } = {}): DataFrame {
    if (values.length !== this.values.length)
      throw new PathlabError(`addColumn("${name}"): ${values.length} values for a frame of ${this.values.length} rows.`, {
        hint: "Give one value per row, in row order.",
        code: "data.ragged",
      });
    const target = options.inplace ? this : this.copy();
    let j = target.columns.indexOf(name);
    if (j < 0) {
      j = target.columns.length;
      target.columns.push(name);
    }
    target.values.forEach((r, i) => (r[j] = values[i]));
    return target;
  }

  /** The first n rows (default 5). */
  head(n = 5): DataFrame {
    return this.loc({ rows: positions(0, Math.min(n, this.values.length)) });
  }

  /** The last n rows (default 5). */
  tail(n = 5): DataFrame {
    return this.loc({ rows: positions(Math.max(0, this.values.length - n), this.values.length) });
  }

  /** A selection of rows (by position) and/or columns (by name, in the order given), as a new frame. */
  loc(selection: { rows?: number[]; columns?: string[] }): DataFrame {
    const cols = selection.columns ?? this.columns;
    const js = cols.map((c) => this.position(c));
    const is = selection.rows ?? positions(0, this.values.length);
    const rows = is.map((i) => {
      if (!(i >= 0 && i < this.values.length))
        throw new PathlabError(`loc(): row ${i} is outside the frame's ${this.values.length} rows (positions start at 0).`, {
          hint: "Select rows by position, 0 … rows − 1.",
          code: "data.out-of-range",
        });
      return js.map((j) => this.values[i][j]);
    });
    const out = new DataFrame(Object.fromEntries(cols.map((c, k) => [c, rows.map((r) => r[k])])), { index: is.map((i) => this.index[i]) });
    return out;
  }

  /** The columns as an object of arrays (`{ x: [...], y: [...] }`). */
  toColumns(): { [column: string]: unknown[] } {
    const out: { [column: string]: unknown[] } = {};
    this.columns.forEach((c, j) => (out[c] = this.values.map((r) => r[j])));
    return out;
  }

  private copy(): DataFrame {
    return this.loc({});
  }

  private position(name: string): number {
    const j = this.columns.indexOf(name);
    if (j < 0)
      throw new PathlabError(`Unknown variable "${name}": the data frame has no such column.`, {
        hint: `Columns: ${this.columns.slice(0, 20).join(", ")}${this.columns.length > 20 ? ", …" : ""}.`,
        code: "data.unknown-variable",
      });
    return j;
  }
}

/** The integers from … to − 1. */
function positions(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

/** A DataFrame from named columns, in `order` (default: the object's key order). */
export function toDataFrame(columns: { [name: string]: unknown[] }, order?: string[]): DataFrame {
  const names = order ?? Object.keys(columns);
  const obj: { [name: string]: unknown[] } = {};
  for (const n of names) obj[n] = columns[n];
  return new DataFrame(obj);
}

/** Throws a PathlabError naming the path when `path` is not an existing file. */
export function assertFile(path: unknown, what: string): asserts path is string {
  if (typeof path !== "string" || path === "")
    throw new PathlabError(`The ${what} file path must be a non-empty string; got ${path === null ? "null" : typeof path}.`, {
      hint: `Write for example read${what === "SPSS" ? "Sav" : what}("survey.${what === "SPSS" ? "sav" : what === "Excel" ? "xlsx" : "csv"}").`,
      code: "data.bad-input",
    });
  if (!fs.existsSync(path) || !fs.statSync(path).isFile())
    throw new PathlabError(`${what} file not found: ${path}`, {
      hint: `Check the path; relative paths are resolved from ${process.cwd()}.`,
      code: "data.file-not-found",
    });
}
