/**
 * Loading survey data: CSV (danfojs), Excel workbooks (SheetJS `xlsx`) and SPSS system files
 * (`sav-reader`), each returned as a danfojs DataFrame so that every pathlab function accepts it.
 *
 * danfojs pulls in TensorFlow.js, which takes over a second to load; it is required lazily here so
 * that `import "pathlab"` stays fast for users who never read a file.
 */
import * as fs from "fs";
import type { DataFrame } from "danfojs-node";
import { PathlabError } from "../errors";
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";

type Danfo = typeof import("danfojs-node");
let danfoModule: Danfo | undefined;
/** The danfojs-node module, loaded on first use. */
export function danfo(): Danfo {
  if (!danfoModule) {
    // Silence TensorFlow's one-time "install tfjs-node for speed" banner: it is noise in a notebook.
    const log = console.log;
    const warn = console.warn;
    console.log = () => undefined;
    console.warn = () => undefined;
    try {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      danfoModule = require("danfojs-node") as Danfo;
    } finally {
      console.log = log;
      console.warn = warn;
    }
  }
  return danfoModule;
}

/** Builds a danfojs DataFrame from named columns (keeps column order; nulls stay null). */
export function toDataFrame(columns: { [name: string]: unknown[] }, order?: string[]): DataFrame {
  const names = order ?? Object.keys(columns);
  const obj: { [name: string]: unknown[] } = {};
  for (const n of names) obj[n] = columns[n];
  const d = danfo();
  return new d.DataFrame(obj as never);
}

function assertFile(path: string, what: string): void {
  if (!fs.existsSync(path))
    throw new PathlabError(`${what} file not found: ${path}`, {
      hint: `Check the path; relative paths are resolved from ${process.cwd()}.`,
      code: "file-not-found",
    });
}

export interface ReadOptions {
  /** Numeric codes to turn into missing values (null) on load, e.g. [99, -9]. */
  missing?: number[];
}

function applyMissingCodes(columns: { [name: string]: unknown[] }, codes: number[] | undefined): void {
  if (!codes || codes.length === 0) return;
  for (const name of Object.keys(columns)) {
    const col = columns[name];
    for (let i = 0; i < col.length; i++) {
      const v = col[i];
      if (typeof v === "number" && codes.includes(v)) col[i] = null;
      else if (typeof v === "string" && v.trim() !== "" && codes.includes(Number(v))) col[i] = null;
    }
  }
}

/**
 * Reads a CSV file with danfojs (`dfd.readCSV`): header row, numbers typed, empty cells as null.
 * Text cells such as "NA" are kept as text and count as missing in every analysis.
 */
export async function readCSV(path: string, opts: ReadOptions & { delimiter?: string } = {}): Promise<DataFrame> {
  assertFile(path, "CSV");
  const d = danfo();
  const df = (await d.readCSV(path, { delimiter: opts.delimiter ?? ",", skipEmptyLines: true } as never)) as DataFrame;
  if (!opts.missing || opts.missing.length === 0) return df;
  const cols: { [name: string]: unknown[] } = {};
  df.columns.forEach((c, j) => (cols[c] = df.values.map((r) => (r as unknown[])[j])));
  applyMissingCodes(cols, opts.missing);
  return toDataFrame(cols, df.columns);
}

/**
 * Reads one sheet of an Excel workbook (.xlsx/.xls) with SheetJS: the first row is the header,
 * empty cells become null. `sheet` is a sheet name or a 0-based index (default: the first sheet).
 */
export function readExcel(path: string, sheet?: string | number, opts: ReadOptions = {}): DataFrame {
  assertFile(path, "Excel");
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const XLSX = require("xlsx") as typeof import("xlsx");
  const wb = XLSX.readFile(path);
  let name: string;
  if (sheet === undefined) name = wb.SheetNames[0];
  else if (typeof sheet === "number") {
    if (sheet < 0 || sheet >= wb.SheetNames.length)
      throw new PathlabError(`Sheet index ${sheet} does not exist in ${path}: it has ${wb.SheetNames.length} sheet(s).`, {
        hint: `Sheets: ${wb.SheetNames.join(", ")}.`,
        code: "unknown-sheet",
      });
    name = wb.SheetNames[sheet];
  } else {
    if (!wb.SheetNames.includes(sheet))
      throw new PathlabError(`Sheet "${sheet}" does not exist in ${path}.`, { hint: `Sheets: ${wb.SheetNames.join(", ")}.`, code: "unknown-sheet" });
    name = sheet;
  }
  const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name], { header: 1, defval: null, blankrows: false });
  if (rows.length === 0) throw new PathlabError(`Sheet "${name}" of ${path} is empty.`, { code: "empty-sheet" });
  const header = (rows[0] as unknown[]).map((h, j) => (h === null || h === undefined || h === "" ? `V${j + 1}` : String(h)));
  const cols: { [name: string]: unknown[] } = {};
  for (const h of header) cols[h] = [];
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i] as unknown[];
    header.forEach((h, j) => cols[h].push(r[j] === undefined ? null : r[j]));
  }
  applyMissingCodes(cols, opts.missing);
  return toDataFrame(cols, header);
}

/** One variable of an SPSS file, as SPSS's Variable View shows it. */
export interface SavVariable {
  name: string;
  /** Variable label (the question text), or null. */
  label: string | null;
  type: "numeric" | "string";
  /** Value labels, e.g. [{ value: 1, label: "Strongly disagree" }, …]. */
  valueLabels: { value: number | string; label: string }[];
  /** Declared discrete user-missing values. */
  missingValues: number[];
  /** Declared user-missing range, if any. */
  missingRange?: { min: number; max: number };
}

export interface ReadSavOptions {
  /**
   * "missing" (default): user-missing codes declared in the file become null, like system-missing.
   * "keep": the codes stay in the data (declare them later with `{ missing: [...] }`).
   */
  userMissing?: "missing" | "keep";
}

/**
 * An SPSS data file: the data as a DataFrame plus the variable and value labels. Displays as
 * SPSS's Variable View.
 */
export class SavFile extends Result {
  constructor(
    readonly frame: DataFrame,
    readonly variables: SavVariable[],
    /** Cells set to null because they held a declared user-missing code, per variable. */
    readonly userMissingCount: Record<string, number>,
    readonly path: string,
  ) {
    super();
  }

  /** The variable's metadata by name (throws naming the variable if absent). */
  variable(name: string): SavVariable {
    const v = this.variables.find((x) => x.name === name);
    if (!v)
      throw new PathlabError(`Unknown variable "${name}" in ${this.path}.`, {
        hint: `Variables: ${this.variables.slice(0, 20).map((x) => x.name).join(", ")}${this.variables.length > 20 ? ", …" : ""}.`,
        code: "unknown-variable",
      });
    return v;
  }

  /** Variable labels by name (null where a variable has none). */
  get labels(): Record<string, string | null> {
    const out: Record<string, string | null> = {};
    for (const v of this.variables) out[v.name] = v.label;
    return out;
  }

  /** The label of one value of a variable, e.g. valueLabel("q1", 5) → "Strongly agree". */
  valueLabel(name: string, value: number | string): string | undefined {
    return this.variable(name).valueLabels.find((e) => e.value === value)?.label;
  }

  /** The column with each code replaced by its value label (unlabelled values kept as text, missing as null). */
  asLabels(name: string): (string | null)[] {
    const v = this.variable(name);
    const j = this.frame.columns.indexOf(name);
    return this.frame.values.map((row) => {
      const x = (row as unknown[])[j];
      if (x === null || x === undefined) return null;
      const hit = v.valueLabels.find((e) => e.value === x);
      return hit ? hit.label : String(x);
    });
  }

  title(): string {
    return `SPSS file ${this.path}`;
  }

  info(): string[] {
    const shape = this.frame.shape as number[];
    const um = Object.values(this.userMissingCount).reduce((a, b) => a + b, 0);
    const lines = [`${shape[0]} cases, ${this.variables.length} variables`];
    if (um > 0) lines.push(`${um} cell(s) holding declared user-missing codes set to missing`);
    return lines;
  }

  tables(): TableSpec[] {
    return [
      {
        title: "Variable view",
        columns: [
          { key: "name", label: "Name", format: "text" },
          { key: "type", label: "Type", format: "text" },
          { key: "label", label: "Label", format: "text" },
          { key: "values", label: "Values", format: "text" },
          { key: "missing", label: "Missing", format: "text" },
        ],
        rows: this.variables.map((v) => ({
          name: v.name,
          type: v.type,
          label: v.label ?? "",
          values: v.valueLabels.map((e) => `${e.value} = ${e.label}`).join("; "),
          missing: [
            ...v.missingValues.map(String),
            ...(v.missingRange ? [`${v.missingRange.min} thru ${v.missingRange.max}`] : []),
          ].join(", "),
        })),
      },
    ];
  }
}

/** SPSS's system-missing value in uncompressed files is −DBL_MAX. */
const SYSMIS = -Number.MAX_VALUE;

interface SavReaderLike {
  open(): Promise<void>;
  readAllRows(includeNulls?: boolean): Promise<Record<string, unknown>[]>;
  meta: {
    sysvars: { name: string; type: number; label: string | null; missing: unknown }[];
    getValueLabels(name: string): { val: number | string; label: string }[] | undefined;
  };
}

/**
 * Reads an SPSS system file (.sav; uncompressed or bytecode-compressed, not ZLIB .zsav) with
 * `sav-reader`. Keeps variable labels, value labels and declared missing values; system-missing
 * becomes null and declared user-missing codes become null unless `userMissing: "keep"`.
 * Accepts a path or the file's bytes.
 */
export async function readSav(source: string | Buffer, opts: ReadSavOptions = {}): Promise<SavFile> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const sav = require("sav-reader") as { SavBufferReader: new (b: Buffer) => SavReaderLike };
  const path = typeof source === "string" ? source : "(buffer)";
  if (typeof source === "string") assertFile(source, "SPSS");
  // The whole file is read into memory: sav-reader's stream reader fails at end-of-file on small
  // files, and survey files are small enough that buffering costs nothing.
  const reader = new sav.SavBufferReader(typeof source === "string" ? fs.readFileSync(source) : source);
  let rows: Record<string, unknown>[];
  try {
    await reader.open();
    rows = await reader.readAllRows(true);
  } catch (e) {
    throw new PathlabError(`Could not read ${path} as an SPSS system file: ${(e as Error).message}`, {
      hint: "Only .sav files (uncompressed or bytecode-compressed) are supported; re-save ZLIB .zsav files as .sav.",
      code: "bad-sav",
    });
  }
  const keepUser = opts.userMissing === "keep";
  const variables: SavVariable[] = [];
  const cols: { [name: string]: unknown[] } = {};
  const userMissingCount: Record<string, number> = {};
  for (const sv of reader.meta.sysvars) {
    const numeric = sv.type === 0;
    const missingValues: number[] = [];
    let missingRange: { min: number; max: number } | undefined;
    const m = sv.missing as unknown;
    if (typeof m === "number") missingValues.push(m);
    else if (Array.isArray(m)) missingValues.push(...(m as number[]));
    else if (m && typeof m === "object") {
      const r = m as { min?: number; max?: number; value?: number; values?: number[] };
      if (r.values) missingValues.push(...r.values);
      if (r.min !== undefined && r.max !== undefined) missingRange = { min: r.min, max: r.max };
      if (r.value !== undefined) missingValues.push(r.value);
    }
    const vl = reader.meta.getValueLabels(sv.name) ?? [];
    variables.push({
      name: sv.name,
      label: sv.label ?? null,
      type: numeric ? "numeric" : "string",
      valueLabels: vl.map((e) => ({ value: e.val, label: e.label })),
      missingValues,
      missingRange,
    });
    let count = 0;
    cols[sv.name] = rows.map((r) => {
      const x = r[sv.name];
      if (x === undefined || x === null) return null;
      if (numeric && typeof x === "number") {
        if (x === SYSMIS || Number.isNaN(x)) return null;
        const isUser = missingValues.includes(x) || (missingRange !== undefined && x >= missingRange.min && x <= missingRange.max);
        if (isUser && !keepUser) {
          count++;
          return null;
        }
      }
      return x;
    });
    userMissingCount[sv.name] = count;
  }
  const frame = toDataFrame(cols, variables.map((v) => v.name));
  return new SavFile(frame, variables, userMissingCount, path);
}
