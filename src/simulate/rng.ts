/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna, 2018, "Scrambled linear
 * pseudorandom number generators"), seeded through SplitMix32 so that nearby seeds give unrelated
 * streams. 32-bit arithmetic only, so it is fast in JavaScript; period 2^128 − 1.
 *
 * Every random step in pathlab takes one of these (or a seed to make one); Math.random is never
 * used, so a notebook run twice gives identical output.
 */
import { PathlabError } from "../errors";
import { checkSeed } from "../options";

/** Marks a stream key derived inside pathlab (not a user's seed); see `streamRng`. */
const DERIVED: unique symbol = Symbol("derived stream key");

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * The seeded random number generator of every random step in pathlab (xoshiro128** seeded by
 * SplitMix32): uniforms, normals, integers; the same seed gives the same stream on every machine.
 *
 * @example
 * const r = new Rng(42);
 * r.normal(); // the same number on every run
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = NaN;
  readonly seed: number;

  /**
   * A generator seeded with an integer in [0, 2³²). Fractional or negative seeds are errors: they
   * would silently share streams (1.5 with 1, −1 with 4294967295).
   */
  constructor(seed: number, derived?: typeof DERIVED) {
    if (derived !== DERIVED) checkSeed(seed, "Rng(seed)");
    else if (!Number.isFinite(seed))
      throw new PathlabError(`Stream key must be a finite number, got ${seed}.`, {
        hint: "Stream keys are derived inside pathlab; pass user seeds to new Rng(seed).",
        code: "simulate.bad-stream-key",
      });
    this.seed = seed;
    // Mix both halves of a large integer seed so that seeds above 2^32 stay distinct.
    const lo = seed >>> 0;
    const hi = Math.floor(Math.abs(seed) / 4294967296) >>> 0;
    const sm = splitmix32(lo ^ Math.imul(hi, 0x27d4eb2f));
    this.s0 = sm();
    this.s1 = sm();
    this.s2 = sm();
    this.s3 = sm();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /**
   * Adds n draws of a row index in [0, n) to `counts[offset …]` (one bootstrap resample as row
   * counts). Index = ⌊u·n / 2³²⌋ from one 32-bit output u (multiply-shift; bias ≤ n/2³²). Same
   * stream as calling nextUint32 n times, with the generator state kept in locals for speed.
   */
  addResampleCounts(counts: Float64Array, offset: number, n: number): void {
    let s0 = this.s0,
      s1 = this.s1,
      s2 = this.s2,
      s3 = this.s3;
    const scale = n * 2.3283064365386963e-10;
    for (let i = 0; i < n; i++) {
      const x = Math.imul(s1, 5);
      const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = ((s3 << 11) | (s3 >>> 21)) >>> 0;
      counts[offset + Math.floor(result * scale)]++;
    }
    this.s0 = s0 >>> 0;
    this.s1 = s1 >>> 0;
    this.s2 = s2 >>> 0;
    this.s3 = s3 >>> 0;
  }

  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number {
    const a = this.nextUint32() >>> 5; // 27 bits
    const b = this.nextUint32() >>> 6; // 26 bits
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Standard normal deviate (Marsaglia's polar method; the second deviate is kept for the next call). */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const s = this.spare;
      this.spare = NaN;
      return s;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    return u * f;
  }

  /** Fills an array with standard normal deviates. */
  normals(n: number): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.normal();
    return out;
  }

  /** An independent generator derived from this one (for worker threads or parallel streams). */
  fork(): Rng {
    return new Rng(this.nextUint32() * 4294967296 + this.nextUint32(), DERIVED);
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * A generator for a stream key pathlab derives itself (any finite number, e.g. a 53-bit hash of a
 * user's seed, a sample size and a replication number), so that derived streams need not squeeze
 * into 32 bits. User seeds go through `new Rng(seed)`, which accepts integers in [0, 2³²) only.
 * @internal
 */
export function streamRng(key: number): Rng {
  return new Rng(key, DERIVED);
}

/** A generator from a seed (an integer in [0, 2³²)), or the generator itself if one is passed. */
export function rng(seed: number | Rng): Rng {
  return seed instanceof Rng ? seed : new Rng(seed);
}
