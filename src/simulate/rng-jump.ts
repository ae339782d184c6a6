/**
 * Jump-ahead for xoshiro128**: the state after t steps, in O(log t), so that a replicate k that
 * reads positions [k·m, (k+1)·m) of one seeded stream can start on any thread without generating
 * the k·m numbers before it.
 *
 * The state update of xoshiro128 is a linear map T on GF(2)^128 (xor, shift and rotate only; the
 * `**` scrambler acts on the output, not the state). By Cayley–Hamilton, p(T) = 0 for T's
 * characteristic polynomial p, so T^t = r(T) with r(x) = x^t mod p(x), a polynomial of degree
 * < 128: the state after t steps is Σ r_i T^i s, 128 steps and xors whatever t is (the method of
 * Haramoto, Matsumoto, Nishimura, Panneton & L'Ecuyer, 2008, "Efficient jump ahead for
 * F2-linear random number generators", INFORMS J. Computing 20). p is found once, by the
 * Berlekamp–Massey algorithm (Massey, 1969) on 256 bits of one state coordinate; xoshiro128 has
 * period 2^128 − 1, so p is primitive and is the minimal polynomial of that sequence.
 *
 * @example
 * const a = new Rng(7); for (let i = 0; i < 1000; i++) a.nextUint32();
 * const b = new Rng(7); b.jump(1000);   // b now gives the same numbers as a
 */
import { PathlabError } from "../errors";

/** One step of the xoshiro128 state update (the linear map T), in place. */
export function stepState(s: Uint32Array): void {
  const t = (s[1] << 9) >>> 0;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = ((s[3] << 11) | (s[3] >>> 21)) >>> 0;
}

/** Polynomials over GF(2) of degree < 128, bit i of word i >> 5 holding the coefficient of x^i. */
type Poly = Uint32Array;

let lowP: Poly | null = null;
/** x^(128 + j) mod p for j = 0 … 127 (row j at 4j), to reduce a product in one pass over its high bits. */
let reduction: Uint32Array | null = null;

/** Berlekamp–Massey over GF(2): connection polynomial c (c[0] = 1) and its length L. */
function berlekampMassey(bits: Uint8Array): { c: Uint8Array; L: number } {
  const N = bits.length;
  let c = new Uint8Array(N + 1);
  let b = new Uint8Array(N + 1);
  c[0] = b[0] = 1;
  let L = 0;
  let m = -1;
  for (let i = 0; i < N; i++) {
    let d = bits[i];
    for (let j = 1; j <= L; j++) d ^= c[j] & bits[i - j];
    if (d === 0) continue;
    const t = c.slice();
    const shift = i - m;
    for (let j = 0; j + shift <= N; j++) c[j + shift] ^= b[j];
    if (2 * L <= i) {
      L = i + 1 - L;
      m = i;
      b = t;
    }
  }
  c = c.slice(0, L + 1);
  return { c, L };
}

/** The low 128 coefficients of T's characteristic polynomial (x^128 + low), computed once. */
function characteristic(): { low: Poly; red: Uint32Array } {
  if (lowP && reduction) return { low: lowP, red: reduction };
  const s = Uint32Array.from([0x9e3779b9, 0x7f4a7c15, 0xf39cc060, 0x5ced1a4b]);
  const bits = new Uint8Array(256);
  for (let i = 0; i < 256; i++) {
    bits[i] = s[0] & 1;
    stepState(s);
  }
  const { c, L } = berlekampMassey(bits);
  // A full-period generator's state sequence has linear complexity 128; anything else is a bug.
  if (L !== 128)
    throw new PathlabError(`xoshiro128 jump: characteristic polynomial of degree ${L}, expected 128`, {
      hint: "An internal consistency check of the generator failed; this is a bug in pathlab.",
      code: "internal.assertion",
    });
  // p(x) = x^L C(1/x): coefficient of x^(128 − j) is c_j.
  const low = new Uint32Array(4);
  for (let j = 1; j <= 128; j++) {
    if (c[j]) {
      const e = 128 - j;
      low[e >>> 5] |= 1 << (e & 31);
    }
  }
  const red = new Uint32Array(4 * 128);
  const cur = low.slice();
  for (let j = 0; j < 128; j++) {
    red.set(cur, 4 * j);
    // cur ← x · cur mod p
    const carry = cur[3] >>> 31;
    cur[3] = ((cur[3] << 1) | (cur[2] >>> 31)) >>> 0;
    cur[2] = ((cur[2] << 1) | (cur[1] >>> 31)) >>> 0;
    cur[1] = ((cur[1] << 1) | (cur[0] >>> 31)) >>> 0;
    cur[0] = (cur[0] << 1) >>> 0;
    if (carry) for (let w = 0; w < 4; w++) cur[w] ^= low[w];
  }
  lowP = low;
  reduction = red;
  return { low, red };
}

/** r ← r² mod p (squaring over GF(2) spreads the bits: (Σ r_i x^i)² = Σ r_i x^(2i)). */
function squareMod(r: Poly, red: Uint32Array): void {
  const wide = new Uint32Array(8);
  for (let i = 0; i < 128; i++) {
    if ((r[i >>> 5] >>> (i & 31)) & 1) {
      const e = 2 * i;
      wide[e >>> 5] |= 1 << (e & 31);
    }
  }
  r.set(wide.subarray(0, 4));
  for (let j = 0; j < 128; j++) {
    if ((wide[4 + (j >>> 5)] >>> (j & 31)) & 1) {
      const o = 4 * j;
      r[0] ^= red[o];
      r[1] ^= red[o + 1];
      r[2] ^= red[o + 2];
      r[3] ^= red[o + 3];
    }
  }
}

/** r ← x · r mod p. */
function timesX(r: Poly, low: Poly): void {
  const carry = r[3] >>> 31;
  r[3] = ((r[3] << 1) | (r[2] >>> 31)) >>> 0;
  r[2] = ((r[2] << 1) | (r[1] >>> 31)) >>> 0;
  r[1] = ((r[1] << 1) | (r[0] >>> 31)) >>> 0;
  r[0] = (r[0] << 1) >>> 0;
  if (carry) for (let w = 0; w < 4; w++) r[w] ^= low[w];
}

/** x^t mod p for an integer 0 ≤ t < 2^53. */
export function jumpPolynomial(t: number): Uint32Array {
  if (!(Number.isSafeInteger(t) && t >= 0))
    throw new PathlabError(`jump: steps must be a whole number in [0, 2^53), got ${t}`, {
      hint: "Jump by a non-negative integer number of draws.",
      code: "simulate.bad-input",
    });
  const { low, red } = characteristic();
  const r = new Uint32Array(4);
  r[0] = 1;
  const hi = Math.floor(t / 4294967296);
  const lo = t >>> 0;
  let started = false; // squaring 1 gives 1: skip the leading zero bits
  for (let bit = 52; bit >= 0; bit--) {
    if (started) squareMod(r, red);
    if ((bit >= 32 ? (hi >>> (bit - 32)) & 1 : (lo >>> bit) & 1) === 1) {
      timesX(r, low);
      started = true;
    }
  }
  return r;
}

/** Applies r(T) to the state s in place (s ← Σ r_i T^i s). */
export function applyJump(s: Uint32Array, r: Uint32Array): void {
  const cur = s.slice();
  const acc = new Uint32Array(4);
  for (let i = 0; i < 128; i++) {
    if ((r[i >>> 5] >>> (i & 31)) & 1) {
      acc[0] ^= cur[0];
      acc[1] ^= cur[1];
      acc[2] ^= cur[2];
      acc[3] ^= cur[3];
    }
    stepState(cur);
  }
  s.set(acc);
}

/**
 * The states after 0, step, 2·step, … (count of them) from `state`, as 4 words each: the starts of a
 * job's chunks, for one polynomial and `count` cheap applications instead of `count` jumps.
 */
export function jumpStates(state: Uint32Array, step: number, count: number): Uint32Array {
  const out = new Uint32Array(4 * count);
  if (count === 0) return out;
  const r = jumpPolynomial(step);
  const s = Uint32Array.from(state);
  out.set(s, 0);
  for (let c = 1; c < count; c++) {
    applyJump(s, r);
    out.set(s, 4 * c);
  }
  return out;
}
