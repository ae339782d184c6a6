/**
 * SPSS system files (.sav uncompressed or bytecode-compressed, .zsav zlib-compressed) read by
 * pathlab's own reader of the documented format (GNU PSPP Developers Guide, "System File Format";
 * see sav-dictionary.ts, sav-metadata.ts, sav-data.ts).
 *
 * Values as haven::read_sav gives them: system-missing → null; declared user-missing values and
 * ranges → null (counted, and listed in the variable's metadata) unless `userMissing: "keep"`;
 * strings without their trailing blanks; SPSS dates (seconds since 1582-10-14 00:00) by their print
 * format: DATE/ADATE/EDATE/JDATE/SDATE as dates, DATETIME/YMDHMS as date-times (read as UTC, as
 * haven does), TIME/DTIME/MTIME as seconds. Dates come as ISO 8601 text by default
 * ("2024-01-15", "2024-01-15T10:30:00Z"); `dates: "date"` gives JS Date objects and
 * `dates: "number"` the SPSS seconds. The format stays in `variables[i].format`.
 *
 * @example
 * const sav = await readSav("survey.sav");
 * sav.frame;                          // DataFrame
 * sav.variable("q1").valueLabels;     // [{ value: 1, label: "Strongly disagree" }, …]
 * sav.asLabels("q1");                 // ["Strongly disagree", …]
 */
import { TextDecoder } from "util";
import * as fs from "fs";
import { PathlabError } from "../errors";
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import { checkOptions } from "../options";
import { assertFile, toDataFrame, type DataFrame } from "./frame";
import { readRawDictionary, type SavHeader } from "./sav-dictionary";
import { decodeMetadata, type SavMetadata, type SavVariable, type SavVariableLayout } from "./sav-metadata";
import { readCases, type SavCases } from "./sav-data";
import { naValueSpecs, naValuesOf, type NaValue } from "./table-input";
import { setValueLabels } from "./labels";

export type { SavVariable, SavKind, SavMeasure } from "./sav-metadata";

/** Seconds from the SPSS epoch (1582-10-14 00:00) to the Unix epoch (1970-01-01 00:00). */
export const SPSS_EPOCH_OFFSET = 12219379200;

export interface ReadSavOptions {
  /**
   * "missing" (default, as haven's `user_na = FALSE`): cells holding a declared user-missing value
   * become null like system-missing ones. "keep": the codes stay in the data (the declarations are
   * still listed in `variables`).
   */
  userMissing?: "missing" | "keep";
  /** Dates and date-times as ISO 8601 text ("iso", default), JS Date objects ("date") or SPSS seconds ("number"). */
  dates?: "iso" | "date" | "number";
  /** Extra codes to treat as missing on load, e.g. [-9]; numbers match numeric cells, text matches string cells. */
  naValues?: NaValue[];
  /** Character encoding to use instead of the one the file declares (a TextDecoder label, e.g. "windows-1252"). */
  encoding?: string;
}

/** An SPSS data file: the data as a DataFrame plus the dictionary. Displays as SPSS's Variable View. */
export class SavFile extends Result {
  constructor(
    readonly frame: DataFrame,
    readonly variables: SavVariable[],
    /** Cells set to null because they held a declared user-missing value, per variable. */
    readonly userMissingCount: Record<string, number>,
    readonly path: string,
    /** File-level facts: the header's case count (−1 unknown), compression, encoding, weight variable. */
    readonly file: {
      caseCount: number;
      compression: "none" | "bytecode" | "zlib";
      encoding: string;
      weight: string | null;
      label: string;
      created: string;
      product: string;
    },
  ) {
    super();
  }

  /** The variable's metadata by name (throws naming the variable if absent). */
  variable(name: string): SavVariable {
    const v = this.variables.find((x) => x.name === name);
    if (!v)
      throw new PathlabError(`Unknown variable "${name}" in ${this.path}.`, {
        hint: `Variables: ${this.variables
          .slice(0, 20)
          .map((x) => x.name)
          .join(", ")}${this.variables.length > 20 ? ", …" : ""}.`,
        code: "data.unknown-variable",
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
    const lines = [`${shape[0]} cases, ${this.variables.length} variables (${this.file.compression} compression, ${this.file.encoding})`];
    if (this.file.weight) lines.push(`Weight variable in the file: ${this.file.weight} (not applied)`);
    if (um > 0) lines.push(`${um} cell(s) holding declared user-missing values set to missing`);
    return lines;
  }

  tables(): TableSpec[] {
    const range = (r?: { min: number; max: number }) => (r ? [`${r.min === -Infinity ? "LO" : r.min} thru ${r.max === Infinity ? "HI" : r.max}`] : []);
    return [
      {
        title: "Variable view",
        columns: [
          { key: "name", label: "Name", format: "text" },
          { key: "format", label: "Format", format: "text" },
          { key: "label", label: "Label", format: "text" },
          { key: "values", label: "Values", format: "text" },
          { key: "missing", label: "Missing", format: "text" },
          { key: "measure", label: "Measure", format: "text" },
        ],
        rows: this.variables.map((v) => ({
          name: v.name,
          format: v.format,
          label: v.label ?? "",
          values: v.valueLabels.map((e) => `${e.value} = ${e.label}`).join("; "),
          missing: [...v.missingValues.map(String), ...range(v.missingRange)].join(", "),
          measure: v.measure,
        })),
      },
    ];
  }
}

function isoOf(ms: number, dateOnly: boolean): string {
  const iso = new Date(ms).toISOString();
  if (dateOnly) return iso.slice(0, iso.indexOf("T"));
  return iso.endsWith(".000Z") ? iso.slice(0, -5) + "Z" : iso;
}

/** Converts one numeric SPSS value of a date/time variable as `dates` asks. */
function dateValue(x: number, v: SavVariable, dates: "iso" | "date" | "number"): unknown {
  if (dates === "number" || v.kind === "time") return x;
  let ms = (x - SPSS_EPOCH_OFFSET) * 1000;
  if (v.kind === "date") ms = Math.floor(ms / 86400000) * 86400000; // a date is its day, as haven's Date
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return x; // outside JS Date's range: keep the number
  return dates === "date" ? new Date(ms) : isoOf(ms, v.kind === "date");
}

interface Extract {
  cases: SavCases;
  meta: SavMetadata;
  littleEndian: boolean;
  keepUser: boolean;
  dates: "iso" | "date" | "number";
  na: NaValue[];
  decoder: TextDecoder;
}

function isUserMissing(x: number | string, v: SavVariable): boolean {
  if (v.missingValues.includes(x)) return true;
  return typeof x === "number" && v.missingRange !== undefined && x >= v.missingRange.min && x <= v.missingRange.max;
}

/** The bytes of one string value: each segment of a very long string contributes 255 bytes (PSPP guide). */
function stringBytes(data: Buffer, base: number, v: SavVariableLayout): Buffer {
  if (v.segments.length === 1) return data.subarray(base + v.segments[0].offset * 8, base + v.segments[0].offset * 8 + v.width);
  const parts = v.segments.map((s, i) => data.subarray(base + s.offset * 8, base + s.offset * 8 + (i < v.segments.length - 1 ? 255 : s.width)));
  return Buffer.concat(parts).subarray(0, v.width);
}

function column(v: SavVariableLayout, x: Extract): { values: unknown[]; userMissing: number } {
  const { data, cases, caseBytes } = x.cases;
  const values = new Array<unknown>(cases);
  let userMissing = 0;
  const off = v.segments[0].offset * 8;
  for (let i = 0; i < cases; i++) {
    const base = i * caseBytes;
    let cell: number | string | null;
    if (v.type === "numeric") {
      const d = x.littleEndian ? data.readDoubleLE(base + off) : data.readDoubleBE(base + off);
      cell = d === x.meta.sysmis || Number.isNaN(d) ? null : d;
    } else cell = x.decoder.decode(stringBytes(data, base, v)).replace(/[ \0]+$/, "");
    if (cell !== null && isUserMissing(cell, v) && !x.keepUser) {
      userMissing++;
      cell = null;
    }
    if (cell !== null && x.na.includes(cell)) cell = null;
    values[i] = cell !== null && typeof cell === "number" && v.kind !== "numeric" ? dateValue(cell, v, x.dates) : cell;
  }
  return { values, userMissing };
}

function compressionName(h: SavHeader): "none" | "bytecode" | "zlib" {
  return h.compression === 0 ? "none" : h.compression === 1 ? "bytecode" : "zlib";
}

/**
 * Reads an SPSS system file (.sav or .zsav) from a path or from its bytes. See the module comment for
 * how values, missing values and dates are returned. The number of cases read must equal the
 * header's; a truncated or damaged file is an error, never a partial load.
 *
 * @example
 * const sav = await readSav("survey.sav");
 * sav.frame   // the DataFrame, value labels attached
 * sav         // SPSS's Variable View
 */
export async function readSav(source: string | Uint8Array, options: ReadSavOptions = {}): Promise<SavFile> {
  const opts = checkOptions<ReadSavOptions>("readSav", options, {
    userMissing: { kind: "enum", values: ["missing", "keep"], description: "declared user-missing values: set to null, or keep the codes" },
    dates: { kind: "enum", values: ["iso", "date", "number"], description: "dates as ISO text, JS Date objects or SPSS seconds" },
    encoding: {
      kind: "custom",
      check: (e) => (typeof e === "string" && canDecode(e) ? undefined : `${JSON.stringify(e)} is not a character encoding Node can decode`),
      expected: 'an encoding label such as "utf-8" or "windows-1252"',
    },
    ...naValueSpecs(),
  });
  let buf: Buffer;
  let path: string;
  if (typeof source === "string") {
    assertFile(source, "SPSS");
    buf = fs.readFileSync(source);
    path = source;
  } else if (source instanceof Uint8Array) {
    buf = Buffer.isBuffer(source) ? source : Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    path = "(buffer)";
  } else
    throw new PathlabError(`readSav() needs a file path or the file's bytes; got ${source === null ? "null" : typeof source}.`, {
      code: "data.bad-input",
      hint: 'Write readSav("survey.sav").',
    });
  const raw = readRawDictionary(buf, path);
  const meta = decodeMetadata(raw, opts.encoding);
  const cases = readCases(buf, raw, meta.sysmis, meta.caseCount64);
  const x: Extract = {
    cases,
    meta,
    littleEndian: raw.littleEndian,
    keepUser: opts.userMissing === "keep",
    dates: opts.dates ?? "iso",
    na: naValuesOf(opts, "readSav"),
    decoder: new TextDecoder(meta.encoding),
  };
  const seen = new Set<string>();
  const cols: { [name: string]: unknown[] } = {};
  const userMissingCount: Record<string, number> = {};
  for (const v of meta.variables) {
    if (seen.has(v.name))
      throw new PathlabError(`${path}: two variables are named "${v.name}".`, {
        code: "data.duplicate-column",
        hint: "Rename one of them in SPSS and save the file again.",
      });
    seen.add(v.name);
    const c = column(v, x);
    cols[v.name] = c.values;
    userMissingCount[v.name] = c.userMissing;
  }
  const variables: SavVariable[] = meta.variables.map(({ segments, shortName, ...pub }) => pub);
  const h = raw.header;
  const frame = toDataFrame(
    cols,
    variables.map((v) => v.name),
  );
  // Value and variable labels travel with the frame into describe, dummyCode and process.
  setValueLabels(
    frame,
    Object.fromEntries(variables.filter((v) => v.valueLabels.length).map((v) => [v.name, v.valueLabels])),
    Object.fromEntries(variables.map((v) => [v.name, v.label])),
  );
  return new SavFile(frame, variables, userMissingCount, path, {
    caseCount: h.caseCount,
    compression: compressionName(h),
    encoding: meta.encoding,
    weight: meta.weight,
    label: h.fileLabel,
    created: h.created,
    product: h.product,
  });
}

function canDecode(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}
