/**
 * The data of an SPSS system file, decoded to the uncompressed layout (cases × 8-byte units):
 *  - compression 0: the units as stored;
 *  - compression 1 (bytecode): blocks of 8 command bytes, each 0 (padding, skipped), 1–251 (the
 *    number code − bias), 252 (end of data), 253 (8 literal bytes follow the block), 254 (8 spaces)
 *    or 255 (system-missing);
 *  - compression 2 (.zsav): a zlib header (offsets of the data and of the trailer), zlib-deflated
 *    blocks of bytecode data, and a trailer listing each block's offsets and sizes.
 * Reference: GNU PSPP Developers Guide, "System File Format" ("Data Record", "ZLIB compressed data").
 *
 * The number of cases is checked against the header: a mismatch, a final case cut short, or data
 * ending inside a command block is a PathlabError naming the counts — never a silently short file.
 */
import * as zlib from "zlib";
import { PathlabError } from "../errors";
import { checkMemory } from "../resources";
import { SavBytes, savError, type RawDictionary } from "./sav-dictionary";

export interface SavCases {
  /** cases × caseUnits × 8 bytes, in the file's byte order. */
  data: Buffer;
  cases: number;
  caseBytes: number;
}

interface Expectation {
  path: string;
  /** Declared case count, −1 if unknown. */
  expected: number;
}

function truncated(ctx: Expectation, complete: number, detail: string): PathlabError {
  const declared = ctx.expected >= 0 ? `the header declares ${ctx.expected} case(s), ` : "";
  return new PathlabError(`${ctx.path}: ${declared}but the data ends after ${complete} complete case(s) ${detail}: the file is truncated.`, {
    code: "data.sav-truncated",
    hint: "Copy or download the file again; a complete file is needed (pathlab does not load part of a file).",
  });
}

function checkCount(ctx: Expectation, cases: number): void {
  if (ctx.expected >= 0 && cases !== ctx.expected)
    throw new PathlabError(`${ctx.path}: the header declares ${ctx.expected} case(s) but the data holds ${cases}.`, {
      code: "data.sav-case-count",
      hint:
        cases < ctx.expected
          ? "The file is probably truncated: copy or download it again."
          : "The file is damaged (more data than declared): re-save it from SPSS or haven.",
    });
}

function uncompressed(buf: Buffer, start: number, caseBytes: number, ctx: Expectation): SavCases {
  const len = buf.length - start;
  if (caseBytes === 0) return { data: Buffer.alloc(0), cases: 0, caseBytes };
  const cases = Math.floor(len / caseBytes);
  const rest = len % caseBytes;
  if (rest !== 0) throw truncated(ctx, cases, `and ${rest} of the ${caseBytes} bytes of one more`);
  checkCount(ctx, cases);
  return { data: buf.subarray(start, start + cases * caseBytes), cases, caseBytes };
}

/** Decodes bytecode-compressed data in src[start, end). */
function bytecode(src: Buffer, start: number, end: number, caseBytes: number, bias: number, sysmis: number, littleEndian: boolean, ctx: Expectation): SavCases {
  // Each 8-byte unit takes at least one command byte, so the output is at most 8 × the input.
  const most = (end - start) * 8;
  const bound = ctx.expected >= 0 ? Math.min(ctx.expected * caseBytes, most) : most;
  checkMemory(bound, `the decompressed data of ${ctx.path}`, "The file is too large to load at once on this machine.");
  let out = Buffer.alloc(ctx.expected >= 0 ? bound : Math.min(bound, 1 << 20));
  const sysmisUnit = Buffer.alloc(8);
  const spaces = Buffer.alloc(8, 0x20);
  if (littleEndian) sysmisUnit.writeDoubleLE(sysmis);
  else sysmisUnit.writeDoubleBE(sysmis);
  let o = 0;
  let pos = start;
  let ended = false;
  outer: while (pos + 8 <= end) {
    const cmd = pos;
    pos += 8;
    for (let k = 0; k < 8; k++) {
      const c = src[cmd + k];
      if (c === 0) continue;
      if (c === 252) {
        ended = true;
        break outer;
      }
      if (o + 8 > out.length) {
        const bigger = Buffer.alloc(Math.min(Math.max(out.length * 2, 1024), most));
        out.copy(bigger, 0, 0, o);
        out = bigger;
      }
      if (c === 253) {
        if (pos + 8 > end) throw truncated(ctx, Math.floor(o / caseBytes), "and a value cut short");
        src.copy(out, o, pos, pos + 8);
        pos += 8;
      } else if (c === 254) spaces.copy(out, o);
      else if (c === 255) sysmisUnit.copy(out, o);
      else if (littleEndian) out.writeDoubleLE(c - bias, o);
      else out.writeDoubleBE(c - bias, o);
      o += 8;
    }
  }
  const cases = caseBytes === 0 ? 0 : Math.floor(o / caseBytes);
  if (!ended && pos < end) throw truncated(ctx, cases, `and ${end - pos} byte(s) of an incomplete command block`);
  if (caseBytes > 0 && o % caseBytes !== 0) throw truncated(ctx, cases, `and ${(o % caseBytes) / 8} of the ${caseBytes / 8} values of one more`);
  checkCount(ctx, cases);
  return { data: out.subarray(0, o), cases, caseBytes };
}

/** Inflates the zlib blocks of a .zsav file (listed in its trailer) into one bytecode stream. */
function inflateZsav(buf: Buffer, raw: RawDictionary, ctx: Expectation): Buffer {
  const r = new SavBytes(buf, raw.path, raw.littleEndian);
  r.pos = raw.dataOffset;
  const zheader = r.int64("the zlib data header");
  const ztrailer = r.int64("the zlib data header");
  const ztrailerLen = r.int64("the zlib data header");
  if (zheader !== raw.dataOffset) throw savError(raw.path, `the zlib header gives its own offset as ${zheader}, but it is at ${raw.dataOffset}.`);
  if (ztrailer < r.pos || ztrailer + ztrailerLen > buf.length) {
    const declared = ctx.expected >= 0 ? `the header declares ${ctx.expected} case(s), but ` : "";
    throw new PathlabError(
      `${raw.path}: ${declared}the file ends (${buf.length} bytes) before the end of its zlib trailer (offset ${ztrailer} + ${ztrailerLen}): the file is truncated.`,
      {
        code: "data.sav-truncated",
        hint: "Copy or download the file again; a complete file is needed (pathlab does not load part of a file).",
      },
    );
  }
  r.pos = ztrailer;
  r.int64("the zlib trailer"); // −bias
  r.int64("the zlib trailer"); // zero
  r.int32("the zlib trailer"); // block size
  const nBlocks = r.int32("the zlib trailer");
  if (nBlocks < 0 || ztrailerLen !== 24 + 24 * nBlocks) throw savError(raw.path, `the zlib trailer lists ${nBlocks} blocks but is ${ztrailerLen} bytes long.`);
  const parts: Buffer[] = [];
  let total = 0;
  for (let b = 0; b < nBlocks; b++) {
    r.int64("the zlib trailer"); // uncompressed offset
    const cOfs = r.int64("the zlib trailer");
    const uSize = r.int32("the zlib trailer");
    const cSize = r.int32("the zlib trailer");
    if (cOfs < zheader + 24 || cSize < 0 || cOfs + cSize > ztrailer)
      throw savError(raw.path, `zlib block ${b + 1} lies outside the data (offset ${cOfs}, ${cSize} bytes).`);
    total += uSize;
    checkMemory(total, `the decompressed data of ${raw.path}`, "The file is too large to load at once on this machine.");
    let block: Buffer;
    try {
      block = zlib.inflateSync(buf.subarray(cOfs, cOfs + cSize));
    } catch (e) {
      throw savError(raw.path, `zlib block ${b + 1} of ${nBlocks} cannot be inflated (${(e as Error).message}).`);
    }
    if (block.length !== uSize) throw savError(raw.path, `zlib block ${b + 1} inflates to ${block.length} bytes, the trailer says ${uSize}.`);
    parts.push(block);
  }
  return Buffer.concat(parts, total);
}

/**
 * All cases of the file in the uncompressed layout. `caseCount64` (record 7.16) is used when the
 * header's count is −1 (unknown); with no count at all, everything up to the end is read, and a
 * case cut short is still an error.
 */
export function readCases(buf: Buffer, raw: RawDictionary, sysmis: number, caseCount64?: number): SavCases {
  const h = raw.header;
  const expected = h.caseCount >= 0 ? h.caseCount : caseCount64 !== undefined && caseCount64 >= 0 ? caseCount64 : -1;
  const ctx: Expectation = { path: raw.path, expected };
  const caseBytes = h.caseUnits * 8;
  if (h.compression === 0) return uncompressed(buf, raw.dataOffset, caseBytes, ctx);
  if (h.compression === 1) return bytecode(buf, raw.dataOffset, buf.length, caseBytes, h.bias, sysmis, raw.littleEndian, ctx);
  const stream = inflateZsav(buf, raw, ctx);
  return bytecode(stream, 0, stream.length, caseBytes, h.bias, sysmis, raw.littleEndian, ctx);
}
