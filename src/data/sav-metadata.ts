/**
 * Turns the raw dictionary of an SPSS system file into variables as SPSS's Variable View shows them:
 * long names (record 7.13), very long strings reassembled from their 255-byte segments (7.14), value
 * labels (records 3/4 and 7.21), user-missing values and ranges (record 2 and 7.22), variable labels,
 * print formats and measurement levels (7.11), all text decoded in the file's encoding (7.20, else
 * the code page of 7.3). Reference: GNU PSPP Developers Guide, "System File Format".
 */
import { TextDecoder } from "util";
import { savError, type RawDictionary, type RawVariable } from "./sav-dictionary";

export type SavMeasure = "nominal" | "ordinal" | "scale" | "unknown";
/** How pathlab reads a variable's values: dates/datetimes by their SPSS print format. */
export type SavKind = "numeric" | "string" | "date" | "datetime" | "time";

/** One variable of an SPSS file, as SPSS's Variable View shows it. */
export interface SavVariable {
  /** The variable name (the long name where the file has one). */
  name: string;
  /** Variable label (usually the question text), or null. */
  label: string | null;
  type: "numeric" | "string";
  /** "date", "datetime" or "time" for numeric variables with such a print format. */
  kind: SavKind;
  /** Width in bytes of a string variable; 0 for numeric variables. */
  width: number;
  /** Print format as SPSS writes it, e.g. "F8.2", "A20", "DATE11", "DATETIME20". */
  format: string;
  /** Measurement level from the file's display record ("unknown" if the file has none). */
  measure: SavMeasure;
  /** Value labels, e.g. [{ value: 1, label: "Strongly disagree" }, …]. */
  valueLabels: { value: number | string; label: string }[];
  /** Declared discrete user-missing values. */
  missingValues: (number | string)[];
  /** Declared user-missing range (LO and HI are −Infinity and Infinity), if any. */
  missingRange?: { min: number; max: number };
}

/** A variable plus where its bytes lie in a case. */
export interface SavVariableLayout extends SavVariable {
  /** The 8-byte name of the variable record (records 7.13/7.14 refer to it). */
  shortName: string;
  /** Segments in 8-byte units: one, or several for a very long string (> 255 bytes). */
  segments: { offset: number; units: number; width: number }[];
}

export interface SavMetadata {
  variables: SavVariableLayout[];
  encoding: string;
  /** The system-missing value and the LOWEST/HIGHEST of missing ranges, as the file declares them. */
  sysmis: number;
  lowest: number;
  highest: number;
  /** The 64-bit case count of record 7.16, if present (−1 unknown). */
  caseCount64?: number;
  weight: string | null;
  documents: string[];
}

/** SPSS format type codes (PSPP guide, "Variable Record"). */
// biome-ignore format: kept compact on purpose (a hot loop or a dense table)
const FORMATS: Record<number, string> = {
  1: "A", 2: "AHEX", 3: "COMMA", 4: "DOLLAR", 5: "F", 6: "IB", 7: "PIBHEX", 8: "P", 9: "PIB", 10: "PK", 11: "RB",
  12: "RBHEX", 15: "Z", 16: "N", 17: "E", 20: "DATE", 21: "TIME", 22: "DATETIME", 23: "ADATE", 24: "JDATE",
  25: "DTIME", 26: "WKDAY", 27: "MONTH", 28: "MOYR", 29: "QYR", 30: "WKYR", 31: "PCT", 32: "DOT", 33: "CCA",
  34: "CCB", 35: "CCC", 36: "CCD", 37: "CCE", 38: "EDATE", 39: "SDATE", 40: "MTIME", 41: "YMDHMS",
};
/** Formats haven reads as Date, POSIXct and hms (the others stay numbers, e.g. MOYR, WKDAY). */
const DATE_FORMATS = new Set(["DATE", "ADATE", "EDATE", "JDATE", "SDATE"]);
const DATETIME_FORMATS = new Set(["DATETIME", "YMDHMS"]);
const TIME_FORMATS = new Set(["TIME", "DTIME", "MTIME"]);
/** Formats without decimals in their name when d = 0 (dates, times, strings). */
const NO_DECIMALS = new Set(["A", "AHEX", ...DATE_FORMATS, ...DATETIME_FORMATS, ...TIME_FORMATS, "WKDAY", "MONTH", "MOYR", "QYR", "WKYR"]);

function formatName(code: number): { name: string; text: string } {
  const type = (code >> 16) & 0xff;
  const w = (code >> 8) & 0xff;
  const d = code & 0xff;
  const name = FORMATS[type] ?? `FORMAT${type}`;
  return { name, text: NO_DECIMALS.has(name) && d === 0 ? `${name}${w}` : `${name}${w}.${d}` };
}

/** The encoding label for TextDecoder: record 7.20, else record 7.3's code page, else windows-1252. */
function encodingOf(raw: RawDictionary): string {
  const named = raw.ext.get(20)?.[0]?.data.toString("latin1").replace(/\0+$/, "").trim();
  let label = named;
  if (!label) {
    const info = raw.ext.get(3)?.[0];
    const code = info && info.data.length >= 32 ? (raw.littleEndian ? info.data.readInt32LE(28) : info.data.readInt32BE(28)) : 0;
    label =
      code === 65001
        ? "utf-8"
        : code === 2 || code === 3 || code === 20127
          ? "windows-1252"
          : code === 28591
            ? "iso-8859-1"
            : code > 0
              ? `windows-${code}`
              : "windows-1252";
  }
  try {
    new TextDecoder(label);
    return label;
  } catch {
    throw savError(raw.path, `its character encoding "${label}" is not supported.`);
  }
}

class Text {
  private decoder: TextDecoder;
  constructor(encoding: string) {
    this.decoder = new TextDecoder(encoding);
  }
  /** Decodes bytes; `trimEnd` drops the space/NUL padding SPSS adds to fixed-width fields. */
  decode(b: Buffer, trimEnd = true): string {
    const s = this.decoder.decode(b);
    return trimEnd ? s.replace(/[ \0]+$/, "") : s;
  }
}

function int32Reader(raw: RawDictionary) {
  return (b: Buffer, at: number) => (raw.littleEndian ? b.readInt32LE(at) : b.readInt32BE(at));
}

/** Record 7.13 ("SHORT=Long name" pairs) and 7.14 ("SHORT=00600" widths), keyed by upper-case short name. */
function nameMaps(raw: RawDictionary, text: Text): { longNames: Map<string, string>; veryLong: Map<string, number> } {
  const longNames = new Map<string, string>();
  for (const rec of raw.ext.get(13) ?? [])
    for (const pair of text.decode(rec.data, false).split("\t")) {
      const eq = pair.indexOf("=");
      if (eq > 0) longNames.set(pair.slice(0, eq).trim().toUpperCase(), pair.slice(eq + 1).replace(/\0+$/, ""));
    }
  const veryLong = new Map<string, number>();
  for (const rec of raw.ext.get(14) ?? [])
    for (const pair of text.decode(rec.data, false).split("\t")) {
      const clean = pair.replace(/\0/g, "").trim();
      const eq = clean.indexOf("=");
      if (eq <= 0) continue;
      const w = Number(clean.slice(eq + 1));
      if (!Number.isInteger(w) || w < 256 || w > 32767)
        throw savError(raw.path, `very long string record gives width "${clean.slice(eq + 1)}" for ${clean.slice(0, eq)}.`);
      veryLong.set(clean.slice(0, eq).toUpperCase(), w);
    }
  return { longNames, veryLong };
}

/** Record 7.11: measurement level per segment variable. */
function measures(raw: RawDictionary, nSegments: number): SavMeasure[] {
  const rec = raw.ext.get(11)?.[0];
  const out: SavMeasure[] = new Array(nSegments).fill("unknown");
  if (!rec || nSegments === 0) return out;
  const per = rec.count / nSegments;
  if (rec.size !== 4 || (per !== 2 && per !== 3)) return out; // PSPP also ignores a malformed display record
  const int32 = int32Reader(raw);
  const levels: SavMeasure[] = ["unknown", "nominal", "ordinal", "scale"];
  for (let k = 0; k < nSegments; k++) out[k] = levels[int32(rec.data, k * per * 4)] ?? "unknown";
  return out;
}

function numericMissing(v: RawVariable, raw: RawDictionary, lowest: number, highest: number): Pick<SavVariable, "missingValues" | "missingRange"> {
  const num = (b: Buffer) => (raw.littleEndian ? b.readDoubleLE(0) : b.readDoubleBE(0));
  const vals = v.missing.map(num);
  if (v.nMissing >= 0) return { missingValues: vals };
  const lo = vals[0] === lowest || vals[0] <= -Number.MAX_VALUE ? -Infinity : vals[0];
  const hi = vals[1] === highest || vals[1] >= Number.MAX_VALUE ? Infinity : vals[1];
  return { missingValues: vals.slice(2), missingRange: { min: lo, max: hi } };
}

/** Groups segment variables into variables (very long strings span several), with names and formats. */
function assemble(raw: RawDictionary, text: Text, lowest: number, highest: number): SavVariableLayout[] {
  const { longNames, veryLong } = nameMaps(raw, text);
  const level = measures(raw, raw.variables.length);
  const out: SavVariableLayout[] = [];
  for (let k = 0; k < raw.variables.length; ) {
    const v = raw.variables[k];
    const short = text.decode(v.shortName).trim();
    const total = veryLong.get(short.toUpperCase());
    const nSeg = total === undefined ? 1 : Math.ceil(total / 252);
    const segs = raw.variables.slice(k, k + nSeg);
    if (total !== undefined && (segs.length < nSeg || segs.some((s) => s.width === 0)))
      throw savError(
        raw.path,
        `very long string ${short} of width ${total} needs ${nSeg} string segments; the dictionary has ${segs.filter((s) => s.width > 0).length}.`,
      );
    const fmt = formatName(v.printFormat);
    const width = total ?? v.width;
    const kind: SavKind =
      width > 0
        ? "string"
        : DATE_FORMATS.has(fmt.name)
          ? "date"
          : DATETIME_FORMATS.has(fmt.name)
            ? "datetime"
            : TIME_FORMATS.has(fmt.name)
              ? "time"
              : "numeric";
    const missing = width === 0 ? numericMissing(v, raw, lowest, highest) : { missingValues: v.nMissing > 0 ? v.missing.map((b) => text.decode(b)) : [] };
    if (width > 0 && v.nMissing < 0) throw savError(raw.path, `string variable ${short} declares a missing-value range.`);
    out.push({
      name: longNames.get(short.toUpperCase()) ?? short,
      shortName: short,
      label: v.label ? text.decode(v.label) : null,
      type: width > 0 ? "string" : "numeric",
      kind,
      width,
      format: width > 0 ? `A${width}` : fmt.text,
      measure: level[k],
      valueLabels: [],
      ...missing,
      segments: segs.map((s) => ({ offset: s.offset, units: s.units, width: s.width })),
    });
    k += nSeg;
  }
  return out;
}

/** Value labels of records 3/4 (numeric and short strings) and 7.21 (long strings). */
function attachValueLabels(raw: RawDictionary, vars: SavVariableLayout[], text: Text, byName: (n: string) => SavVariableLayout | undefined): void {
  const byOffset = new Map<number, SavVariableLayout>();
  for (const v of vars) byOffset.set(v.segments[0].offset, v);
  for (const rec of raw.valueLabels) {
    for (const idx of rec.indexes) {
      const v = byOffset.get(idx - 1);
      if (!v) throw savError(raw.path, `the value labels at offset ${rec.at} refer to dictionary index ${idx}, which starts no variable.`);
      rec.values.forEach((b, i) => {
        const value = v.type === "numeric" ? (raw.littleEndian ? b.readDoubleLE(0) : b.readDoubleBE(0)) : text.decode(b.subarray(0, Math.min(8, v.width)));
        // ReadStat may label values wider than the variable; like PSPP, keep the first label of a value
        if (!v.valueLabels.some((e) => e.value === value)) v.valueLabels.push({ value, label: text.decode(rec.labels[i]) });
      });
    }
  }
  const int32 = int32Reader(raw);
  for (const rec of raw.ext.get(21) ?? []) {
    const d = rec.data;
    let p = 0;
    const take = (n: number) => {
      if (p + n > d.length) throw savError(raw.path, `the long string value label record at offset ${rec.at} is truncated.`);
      const b = d.subarray(p, p + n);
      p += n;
      return b;
    };
    while (p < d.length) {
      const name = text.decode(take(int32(take(4), 0)));
      take(4); // variable width
      const n = int32(take(4), 0);
      const v = byName(name);
      if (!v) throw savError(raw.path, `long string value labels for unknown variable "${name}".`);
      for (let i = 0; i < n; i++) {
        const value = text.decode(take(int32(take(4), 0)));
        const label = text.decode(take(int32(take(4), 0)));
        if (!v.valueLabels.some((e) => e.value === value)) v.valueLabels.push({ value, label });
      }
    }
  }
}

/** Record 7.22: missing values of long string variables. */
function attachLongStringMissing(raw: RawDictionary, text: Text, byName: (n: string) => SavVariableLayout | undefined): void {
  const int32 = int32Reader(raw);
  for (const rec of raw.ext.get(22) ?? []) {
    const d = rec.data;
    let p = 0;
    const take = (n: number) => {
      if (p + n > d.length) throw savError(raw.path, `the long string missing value record at offset ${rec.at} is truncated.`);
      const b = d.subarray(p, p + n);
      p += n;
      return b;
    };
    while (p < d.length) {
      const name = text.decode(take(int32(take(4), 0)));
      const n = take(1)[0];
      const len = int32(take(4), 0);
      const v = byName(name);
      if (!v) throw savError(raw.path, `long string missing values for unknown variable "${name}".`);
      for (let i = 0; i < n; i++) v.missingValues.push(text.decode(take(len)));
    }
  }
}

/** Decodes the raw dictionary into variables with names, labels, formats and missing values. */
export function decodeMetadata(raw: RawDictionary, encodingOverride?: string): SavMetadata {
  const encoding = encodingOverride ?? encodingOf(raw);
  const text = new Text(encoding);
  const floats = raw.ext.get(4)?.[0];
  const f64 = (i: number) =>
    floats && floats.data.length >= 24 ? (raw.littleEndian ? floats.data.readDoubleLE(i * 8) : floats.data.readDoubleBE(i * 8)) : NaN;
  const sysmis = Number.isNaN(f64(0)) ? -Number.MAX_VALUE : f64(0);
  const highest = Number.isNaN(f64(1)) ? Number.MAX_VALUE : f64(1);
  const lowest = Number.isNaN(f64(2)) ? -Number.MAX_VALUE : f64(2);
  const variables = assemble(raw, text, lowest, highest);
  const names = new Map<string, SavVariableLayout>();
  for (const v of variables) names.set(v.name.toUpperCase(), v);
  const shortNames = new Map<string, SavVariableLayout>();
  for (const v of variables) shortNames.set(v.shortName.toUpperCase(), v);
  const byName = (n: string) => names.get(n.toUpperCase()) ?? shortNames.get(n.toUpperCase());
  attachValueLabels(raw, variables, text, byName);
  attachLongStringMissing(raw, text, byName);
  const count = raw.ext.get(16)?.[0];
  let caseCount64: number | undefined;
  if (count && count.size === 8 && count.count === 2) caseCount64 = Number(raw.littleEndian ? count.data.readBigInt64LE(8) : count.data.readBigInt64BE(8));
  const w = raw.header.weightIndex;
  const weight = w > 0 ? (variables.find((v) => v.segments[0].offset === w - 1)?.name ?? null) : null;
  return { variables, encoding, sysmis, lowest, highest, caseCount64, weight, documents: raw.documents.map((d) => text.decode(d)) };
}
