/**
 * The dictionary of an SPSS system file (.sav / .zsav): the file header and every record before the
 * data, read from the documented format (GNU PSPP Developers Guide, "System File Format").
 *
 * Records read: 1 (file header), 2 (variable, with continuation records of long strings), 3 + 4
 * (value labels and the variables they apply to), 6 (documents), 7 (extensions; subtypes 3 machine
 * integers, 4 machine floats, 11 display parameters, 13 long variable names, 14 very long strings,
 * 16 64-bit case count, 20 character encoding, 21 long string value labels, 22 long string missing
 * values; the others carry nothing pathlab uses and are skipped by their declared size) and 999
 * (end of dictionary). Both byte orders are accepted (the layout code tells which).
 *
 * Every malformed or truncated structure is a PathlabError (`data.bad-sav`) naming the byte offset.
 */
import { PathlabError } from "../errors";

/** Byte reader with bounds checks: reading past the end is a "truncated" error, never garbage. */
export class SavBytes {
  pos = 0;
  constructor(
    readonly buf: Buffer,
    readonly path: string,
    public littleEndian = true,
  ) {}

  need(n: number, what: string): void {
    if (n < 0 || this.pos + n > this.buf.length)
      throw savError(
        this.path,
        `the file ends inside ${what} (offset ${this.pos}, ${n} byte(s) needed, ${this.buf.length - this.pos} left): it is truncated or not a system file.`,
      );
  }
  int32(what: string): number {
    this.need(4, what);
    const v = this.littleEndian ? this.buf.readInt32LE(this.pos) : this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  int64(what: string): number {
    this.need(8, what);
    const v = this.littleEndian ? this.buf.readBigInt64LE(this.pos) : this.buf.readBigInt64BE(this.pos);
    this.pos += 8;
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER))
      throw savError(this.path, `${what} at offset ${this.pos - 8} is out of range (${v}).`);
    return Number(v);
  }
  float64(what: string): number {
    this.need(8, what);
    const v = this.littleEndian ? this.buf.readDoubleLE(this.pos) : this.buf.readDoubleBE(this.pos);
    this.pos += 8;
    return v;
  }
  bytes(n: number, what: string): Buffer {
    this.need(n, what);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
}

export function savError(path: string, message: string, hint?: string): PathlabError {
  return new PathlabError(`${path} is not a readable SPSS system file: ${message}`, {
    code: "data.bad-sav",
    hint: hint ?? "Check that the file is a complete .sav/.zsav (re-export it from SPSS, or re-save it with haven::write_sav).",
  });
}

export interface SavHeader {
  product: string;
  /** 0 none, 1 bytecode, 2 zlib (.zsav). */
  compression: 0 | 1 | 2;
  /** 8-byte units per case. */
  caseUnits: number;
  /** 1-based dictionary index of the weight variable, 0 if none. */
  weightIndex: number;
  /** Case count from the header; −1 when the writer did not know it. */
  caseCount: number;
  bias: number;
  created: string;
  fileLabel: string;
}

/** One type-2 variable record that starts a segment (continuation records are folded into `units`). */
export interface RawVariable {
  /** 0-based position in 8-byte units within a case. */
  offset: number;
  /** 0 numeric, else the string width in bytes (≤ 255). */
  width: number;
  units: number;
  shortName: Buffer;
  label: Buffer | null;
  /** Raw declared missing count: 0–3, −2 range, −3 range + one value. */
  nMissing: number;
  missing: Buffer[];
  printFormat: number;
}

export interface RawValueLabels {
  values: Buffer[];
  labels: Buffer[];
  /** 1-based dictionary indexes (8-byte unit positions) of the variables labelled. */
  indexes: number[];
  at: number;
}

/** Everything before the data, still as bytes (names and labels are decoded once the encoding is known). */
export interface RawDictionary {
  header: SavHeader;
  variables: RawVariable[];
  valueLabels: RawValueLabels[];
  documents: Buffer[];
  /** Extension records by subtype (the last one wins where a subtype should occur once). */
  ext: Map<number, { size: number; count: number; data: Buffer; at: number }[]>;
  /** Offset of the first data byte. */
  dataOffset: number;
  littleEndian: boolean;
  /** The path (or "(buffer)") for error messages. */
  path: string;
}

function readHeader(r: SavBytes): SavHeader {
  const magic = r.bytes(4, "the file header").toString("latin1");
  if (magic !== "$FL2" && magic !== "$FL3")
    throw savError(
      r.path,
      `it does not start with "$FL2" or "$FL3" (found ${JSON.stringify(magic)}).`,
      "Only SPSS system files (.sav, .zsav) can be read; portable files (.por) must be re-saved as .sav.",
    );
  const product = r.bytes(60, "the file header").toString("latin1").trim();
  const layoutAt = r.pos;
  let layout = r.buf.length >= layoutAt + 4 ? r.buf.readInt32LE(layoutAt) : 0;
  if (layout !== 2 && layout !== 3) {
    r.littleEndian = false;
    layout = r.buf.length >= layoutAt + 4 ? r.buf.readInt32BE(layoutAt) : 0;
    if (layout !== 2 && layout !== 3) throw savError(r.path, `its layout code is neither 2 nor 3 in either byte order.`);
  }
  r.pos += 4;
  const caseUnits = r.int32("the file header");
  const compression = r.int32("the file header");
  if (compression !== 0 && compression !== 1 && compression !== 2) throw savError(r.path, `unknown compression code ${compression}.`);
  if ((compression === 2) !== (magic === "$FL3")) throw savError(r.path, `compression code ${compression} does not match the file type ${magic}.`);
  const weightIndex = r.int32("the file header");
  const caseCount = r.int32("the file header");
  const bias = r.float64("the file header");
  const date = r.bytes(9, "the file header").toString("latin1");
  const time = r.bytes(8, "the file header").toString("latin1");
  const fileLabel = r.bytes(64, "the file header").toString("latin1").trim();
  r.bytes(3, "the file header");
  if (caseCount < -1) throw savError(r.path, `the header's case count is ${caseCount}.`);
  return { product, compression: compression as 0 | 1 | 2, caseUnits, weightIndex, caseCount, bias, created: `${date} ${time}`.trim(), fileLabel };
}

function readVariable(r: SavBytes, offset: number): RawVariable & { continuation: boolean } {
  const width = r.int32("a variable record");
  const hasLabel = r.int32("a variable record");
  const nMissing = r.int32("a variable record");
  const printFormat = r.int32("a variable record");
  r.int32("a variable record"); // write format: pathlab shows the print format
  const shortName = r.bytes(8, "a variable record");
  let label: Buffer | null = null;
  if (hasLabel === 1) {
    const len = r.int32("a variable label");
    if (len < 0 || len > 65535) throw savError(r.path, `a variable label at offset ${r.pos - 4} has length ${len}.`);
    label = r.bytes(len, "a variable label");
    r.bytes((4 - (len % 4)) % 4, "a variable label");
  } else if (hasLabel !== 0) throw savError(r.path, `a variable record at offset ${r.pos - 28} has label flag ${hasLabel}.`);
  if (![0, 1, 2, 3, -2, -3].includes(nMissing)) throw savError(r.path, `a variable record at offset ${r.pos} declares ${nMissing} missing values.`);
  const missing: Buffer[] = [];
  for (let k = 0; k < Math.abs(nMissing); k++) missing.push(r.bytes(8, "a missing value"));
  if (width < -1 || width > 255) throw savError(r.path, `a variable record has type ${width}.`);
  return { continuation: width === -1, offset, width, units: width === 0 ? 1 : Math.ceil(width / 8), shortName, label, nMissing, missing, printFormat };
}

function readValueLabels(r: SavBytes): RawValueLabels {
  const at = r.pos - 4;
  const count = r.int32("a value label record");
  if (count < 0 || count > r.buf.length / 9) throw savError(r.path, `a value label record at offset ${at} claims ${count} labels.`);
  const values: Buffer[] = [];
  const labels: Buffer[] = [];
  for (let k = 0; k < count; k++) {
    values.push(r.bytes(8, "a value label"));
    const len = r.bytes(1, "a value label")[0];
    labels.push(r.bytes(len, "a value label"));
    r.bytes((8 - ((len + 1) % 8)) % 8, "a value label");
  }
  if (r.int32("a value label record") !== 4)
    throw savError(r.path, `the value label record at offset ${at} is not followed by its variable list (record type 4).`);
  const n = r.int32("a value label variable list");
  if (n < 0 || n > r.buf.length / 4) throw savError(r.path, `a value label variable list claims ${n} variables.`);
  const indexes: number[] = [];
  for (let k = 0; k < n; k++) indexes.push(r.int32("a value label variable list"));
  return { values, labels, indexes, at };
}

/** Reads the header and all dictionary records, up to and including record 999. */
export function readRawDictionary(buf: Buffer, path: string): RawDictionary {
  const r = new SavBytes(buf, path);
  const header = readHeader(r);
  const variables: RawVariable[] = [];
  const valueLabels: RawValueLabels[] = [];
  const documents: Buffer[] = [];
  const ext: RawDictionary["ext"] = new Map();
  let units = 0;
  for (;;) {
    const at = r.pos;
    const type = r.int32("the dictionary");
    if (type === 2) {
      const v = readVariable(r, units);
      units++;
      if (v.continuation) {
        const last = variables[variables.length - 1];
        if (!last || last.width === 0) throw savError(path, `a string continuation record at offset ${at} follows no string variable.`);
      } else variables.push(v);
    } else if (type === 3) valueLabels.push(readValueLabels(r));
    else if (type === 6) {
      const n = r.int32("a document record");
      if (n < 0 || n > buf.length / 80) throw savError(path, `a document record at offset ${at} claims ${n} lines.`);
      for (let k = 0; k < n; k++) documents.push(r.bytes(80, "a document record"));
    } else if (type === 7) {
      const subtype = r.int32("an extension record");
      const size = r.int32("an extension record");
      const count = r.int32("an extension record");
      if (size < 0 || count < 0 || size * count > buf.length)
        throw savError(path, `extension record ${subtype} at offset ${at} claims ${size} × ${count} bytes.`);
      const data = r.bytes(size * count, `extension record ${subtype}`);
      if (!ext.has(subtype)) ext.set(subtype, []);
      ext.get(subtype)!.push({ size, count, data, at });
    } else if (type === 999) {
      r.int32("the end-of-dictionary record");
      break;
    } else throw savError(path, `unknown record type ${type} at offset ${at}.`);
  }
  for (let k = 0; k < variables.length; k++) {
    // a string's continuation records follow it directly: check that there were exactly enough
    const v = variables[k];
    const end = k + 1 < variables.length ? variables[k + 1].offset : units;
    if (end - v.offset !== v.units)
      throw savError(path, `the variable at unit ${v.offset + 1} (width ${v.width}) has ${end - v.offset} unit(s), expected ${v.units}.`);
  }
  if (header.caseUnits !== units && header.caseUnits !== -1)
    throw savError(path, `the header says each case has ${header.caseUnits} 8-byte units but the variable records describe ${units}.`);
  header.caseUnits = units;
  return { header, variables, valueLabels, documents, ext, dataOffset: r.pos, littleEndian: r.littleEndian, path };
}
