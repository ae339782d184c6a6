/**
 * CSV files read as R's read.csv reads them (header row, comma-separated, "…" quoting with "" as an
 * escaped quote, blank lines skipped), with each column typed as R's type.convert types it:
 *  - numeric when every non-missing cell is a decimal number (blanks around it allowed, "1e5",
 *    "Inf", "NaN"; see `parseDecimal`) — empty cells and "NA" are then null;
 *  - logical when every non-missing cell is T/F/TRUE/FALSE/true/false/True/False;
 *  - text otherwise ("NA" → null, empty text stays "", which analyses treat as missing).
 * Deliberate differences from R, each because R's behaviour would give a silently different table:
 * hexadecimal text ("0x10") stays text (R reads 16); duplicate column names are an error (R renames
 * the second "q1" to "q1.1"); a row with more or fewer fields than the header is an error naming the
 * line (R pads short rows with NA); names are kept as written (R turns "my var" into "my.var"); a
 * header without data rows is an error (R returns an empty data frame).
 */
import { TextDecoder } from "util";
import * as fs from "fs";
import { PathlabError } from "../errors";
import { checkOptions } from "../options";
import { assertFile, toDataFrame, type DataFrame } from "./frame";
import { headerNames } from "./header";
import { naValueSpecs, naValuesOf, parseDecimal, type MissingOptions, type NaValue } from "./table-input";

/** Options of `readCSV`: separator, encoding and missing-value codes (R's read.csv `sep`, `fileEncoding`, `na.strings`). */
export interface ReadCSVOptions extends MissingOptions {
  /** Field separator (default ","); R's `sep`. */
  delimiter?: string;
  /** File encoding (default "utf-8"; a TextDecoder label such as "windows-1252"); R's `fileEncoding`. */
  encoding?: string;
}

/** Splits CSV text into records of fields, with the 1-based line on which each record starts. */
export function csvRecords(text: string, delimiter = ","): { fields: string[]; line: number }[] {
  const out: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let start = 1;
  const end = () => {
    fields.push(field);
    // R's blank.lines.skip: a line with nothing on it is not a record
    if (!(fields.length === 1 && fields[0] === "" && !wasQuoted)) out.push({ fields, line: start });
    fields = [];
    field = "";
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      end();
      line++;
      start = line;
    } else field += ch;
  }
  if (quoted)
    throw new PathlabError(`A quoted field that starts on line ${start} is never closed.`, {
      code: "data.bad-csv",
      hint: 'Check the quotes on that line: a " inside a quoted field is written "".',
    });
  if (field !== "" || fields.length > 0 || wasQuoted) end();
  return out;
}

const LOGICAL: Record<string, boolean> = { T: true, TRUE: true, true: true, True: true, F: false, FALSE: false, false: false, False: false };

/** Types one column as R's type.convert does (see the module comment). */
export function typeColumn(cells: string[], na: NaValue[]): (number | boolean | string | null)[] {
  const isNA = (s: string) => s === "NA" || na.includes(s) || na.includes(s.trim());
  let numeric = true;
  let logical = true;
  for (const s of cells) {
    if (isNA(s) || s === "") continue;
    if (numeric && parseDecimal(s) === undefined) numeric = false;
    if (logical && !(s.trim() in LOGICAL)) logical = false;
    if (!numeric && !logical) break;
  }
  const numCodes = na.filter((c) => typeof c === "number");
  if (numeric)
    return cells.map((s) => {
      if (isNA(s) || s.trim() === "") return null;
      const x = parseDecimal(s) as number;
      return numCodes.includes(x) ? null : x;
    });
  if (logical) return cells.map((s) => (isNA(s) || s.trim() === "" ? null : LOGICAL[s.trim()]));
  return cells.map((s) => {
    if (isNA(s)) return null;
    const x = numCodes.length ? parseDecimal(s) : undefined;
    return x !== undefined && numCodes.includes(x) ? null : s;
  });
}

/** Parses CSV text into named, typed columns (see the module comment). */
export function parseCSV(text: string, options: ReadCSVOptions = {}, where = "the CSV data"): { names: string[]; columns: Record<string, unknown[]> } {
  const opts = checkOptions<ReadCSVOptions>("parseCSV", options, csvSpecs());
  const na = naValuesOf(opts, "parseCSV");
  const records = csvRecords(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, opts.delimiter ?? ",");
  if (records.length === 0)
    throw new PathlabError(`${where} is empty.`, { code: "data.no-rows", hint: "The first line must be a header with the column names." });
  const names = headerNames(records[0].fields, where);
  if (records.length === 1)
    throw new PathlabError(`${where} has a header but no data rows.`, {
      code: "data.no-rows",
      hint: "Check that the file holds the data (and not only the column names).",
    });
  const k = names.length;
  const cells: string[][] = names.map(() => []);
  for (let r = 1; r < records.length; r++) {
    const { fields, line } = records[r];
    if (fields.length !== k)
      throw new PathlabError(`Line ${line} of ${where} has ${fields.length} field(s) but the header has ${k}.`, {
        code: "data.ragged",
        hint: `Check that line for a missing or extra ${JSON.stringify(opts.delimiter ?? ",")}, or a text field that needs quotes.`,
      });
    for (let j = 0; j < k; j++) cells[j].push(fields[j]);
  }
  const columns: Record<string, unknown[]> = {};
  names.forEach((n, j) => (columns[n] = typeColumn(cells[j], na)));
  return { names, columns };
}

function csvSpecs() {
  return {
    delimiter: {
      kind: "custom" as const,
      aliases: ["sep"],
      check: (d: unknown) =>
        typeof d === "string" && d.length === 1 && d !== '"' && d !== "\n" && d !== "\r"
          ? undefined
          : `must be one character such as "," or ";"; got ${JSON.stringify(d)}.`,
      expected: 'one character, e.g. { delimiter: ";" }',
    },
    encoding: {
      kind: "custom" as const,
      aliases: ["fileEncoding"],
      check: (e: unknown) => {
        try {
          new TextDecoder(e as string);
          return typeof e === "string" ? undefined : "must be a string";
        } catch {
          return `${JSON.stringify(e)} is not an encoding Node can decode`;
        }
      },
      expected: 'an encoding label such as "utf-8" or "windows-1252"',
    },
    ...naValueSpecs(),
  };
}

/**
 * Reads a CSV file into a DataFrame, typing columns as R's read.csv (see the module
 * comment). `naValues` lists extra missing-value codes, e.g. { naValues: [99, -9] } or ["."].
 *
 * @example
 * const df = await readCSV("survey.csv", { naValues: [99] });
 */
export async function readCSV(path: string, options: ReadCSVOptions = {}): Promise<DataFrame> {
  const opts = checkOptions<ReadCSVOptions>("readCSV", options, csvSpecs());
  naValuesOf(opts, "readCSV");
  assertFile(path, "CSV");
  const text = new TextDecoder(opts.encoding ?? "utf-8").decode(fs.readFileSync(path));
  const { names, columns } = parseCSV(text, opts, path);
  return toDataFrame(columns, names);
}
