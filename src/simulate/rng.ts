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
import { applyJump, jumpPolynomial } from "./rng-jump";

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
  /** Ziggurat layer bits not used yet (8 per deviate) and how many deviates they still serve. */
  private zigLayers = 0;
  private zigLeft = 0;
  /** The value bits and layer of a draw the fast test rejected. */
  private zigValue = 0;
  private zigLayer = 0;
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
   * Adds n draws of a row index in [0, n) to `counts[offset + index·stride]` (one bootstrap
   * resample as row counts; `stride` > 1 interleaves several resamples). Index = ⌊u·n / 2³²⌋ from
   * one 32-bit output u (multiply-shift; bias ≤ n/2³²). Same stream as calling nextUint32 n times,
   * with the generator state kept in locals for speed.
   */
  addResampleCounts(counts: Float64Array, offset: number, n: number, stride = 1): void {
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
      counts[offset + Math.floor(result * scale) * stride]++;
    }
    this.s0 = s0 >>> 0;
    this.s1 = s1 >>> 0;
    this.s2 = s2 >>> 0;
    this.s3 = s3 >>> 0;
  }

  /**
   * Counts n draws of a row index in [0, n) into `counts` (zeroed by the caller): the numbers of
   * `addResampleCounts`, into a compact integer array that stays in cache at large n.
   */
  countResample(counts: Int32Array, n: number): void {
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
      counts[Math.floor(result * scale)]++;
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

  /**
   * Fills `out[offset … offset + count)` with standard normal deviates by the ziggurat method
   * (Marsaglia & Tsang, 2000, "The ziggurat method for generating random variables", J. Stat.
   * Softw. 5(8); 128 layers). The layer comes from bits independent of the value (Doornik, 2005,
   * "An improved ziggurat method to generate normal random samples"): one 32-bit output gives the
   * layers of four deviates, and each deviate's signed 32-bit output its value (resolution 2⁻³¹ of
   * the layer's width). In 98.8% of draws a deviate costs 1¼ outputs, a compare and a multiply,
   * several times faster than `normal()` — for hot Monte Carlo loops (power analysis). A different
   * sequence from `normal()` for the same state; filling in pieces continues one stream.
   */
  zigguratNormals(out: Float64Array, offset: number, count: number): void {
    const end = offset + count;
    let k = offset;
    // The fast loop keeps the state in registers and stops at a rejection, handled out of line.
    // biome-ignore lint/suspicious/noAssignInExpressions: the fast loop returns where it stopped, tested in the same step
    while ((k = this.zigguratRun(out, k, end)) < end) {
      const z = this.zigguratSlow(this.zigValue * 4.656612873077393e-10, this.zigLayer);
      if (z === z) out[k++] = z;
    }
  }

  /** Fills out[k …] by the ziggurat's fast test until end or a rejection; returns where it stopped. */
  private zigguratRun(out: Float64Array, k: number, end: number): number {
    let s0 = this.s0 | 0,
      s1 = this.s1 | 0,
      s2 = this.s2 | 0,
      s3 = this.s3 | 0;
    let layers = this.zigLayers | 0,
      left = this.zigLeft | 0;
    for (; k < end; k++) {
      let x: number, t: number;
      if (left === 0) {
        x = Math.imul(s1, 5);
        layers = Math.imul((x << 7) | (x >>> 25), 9);
        t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        left = 4;
      }
      const i = layers & 127;
      layers >>>= 8;
      left--;
      x = Math.imul(s1, 5);
      const a = Math.imul((x << 7) | (x >>> 25), 9); // signed: u = a / 2³¹ on [−1, 1)
      t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      if (Math.abs(a) < ZIG_K[i]) {
        out[k] = a * ZIG_W[i];
        continue;
      }
      this.zigValue = a;
      this.zigLayer = i;
      break;
    }
    this.s0 = s0 >>> 0;
    this.s1 = s1 >>> 0;
    this.s2 = s2 >>> 0;
    this.s3 = s3 >>> 0;
    this.zigLayers = layers;
    this.zigLeft = left;
    return k;
  }

  /** The ziggurat's rare branches: the base layer's tail beyond r, or a wedge; NaN to start over. */
  private zigguratSlow(u: number, i: number): number {
    if (i === 0) {
      // Tail beyond r (Marsaglia, 1964): x = −ln(U₁)/r, y = −ln(U₂), accept when 2y > x².
      let x: number, y: number;
      do {
        x = -Math.log(1 - this.uniform()) / ZIG_R;
        y = -Math.log(1 - this.uniform());
      } while (y + y <= x * x);
      return u < 0 ? -(ZIG_R + x) : ZIG_R + x;
    }
    const x = u * ZIG_X[i];
    return ZIG_F[i] + this.uniform() * (ZIG_F[i + 1] - ZIG_F[i]) < Math.exp(-0.5 * x * x) ? x : NaN;
  }

  /**
   * Advances the generator by `steps` 32-bit outputs in O(log steps) time (see rng-jump.ts): after
   * `g.jump(t)`, g gives what it would have given after t calls of nextUint32. Replicate k of a
   * resampling job that reads m numbers per replicate starts at jump(k·m) on any thread. A cached
   * second normal deviate is dropped.
   */
  jump(steps: number): this {
    const s = this.state();
    applyJump(s, jumpPolynomial(steps));
    this.setState(s);
    return this;
  }

  /** The generator's state (four 32-bit words), to hand a stream to another thread. @internal */
  state(): Uint32Array {
    return Uint32Array.from([this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0]);
  }

  /** Restores a state taken by `state()` (a cached normal deviate is dropped). @internal */
  setState(s: ArrayLike<number>): void {
    if (s.length !== 4 || (s[0] | s[1] | s[2] | s[3]) >>> 0 === 0) {
      throw new PathlabError("Rng.setState() needs four 32-bit words, not all zero.", {
        hint: "Pass what Rng.state() returned.",
        code: "simulate.bad-stream-key",
      });
    }
    this.s0 = s[0] >>> 0;
    this.s1 = s[1] >>> 0;
    this.s2 = s[2] >>> 0;
    this.s3 = s[3] >>> 0;
    this.spare = NaN;
    this.zigLeft = 0;
  }

  /** An independent generator derived from this one (for worker threads or parallel streams). */
  fork(): Rng {
    return new Rng(this.nextUint32() * 4294967296 + this.nextUint32(), DERIVED);
  }
}

// Ziggurat tables (Marsaglia & Tsang, 2000): 128 layers of equal area V under exp(−x²/2); layer
// i ≥ 1 is [0, X[i]] × [F[i], F[i+1]], the base layer 0 the rectangle [0, R] plus the tail beyond R.
const ZIG_R = 3.442619855899;
const ZIG_V = 9.91256303526217e-3;
const ZIG_X = new Float64Array(129);
const ZIG_F = new Float64Array(129);
const ZIG_K = new Float64Array(128);
const ZIG_W = new Float64Array(128);
(() => {
  const f = (x: number) => Math.exp(-0.5 * x * x);
  ZIG_X[0] = ZIG_V / f(ZIG_R);
  ZIG_X[1] = ZIG_R;
  for (let i = 1; i < 127; i++) ZIG_X[i + 1] = Math.sqrt(-2 * Math.log(ZIG_V / ZIG_X[i] + f(ZIG_X[i])));
  ZIG_X[128] = 0;
  for (let i = 0; i <= 128; i++) ZIG_F[i] = f(ZIG_X[i]);
  // |u| below X[i+1]/X[i] lies under the curve in every layer: accepted at once. In units of the
  // signed 32-bit output a = u·2³¹: accept when |a| < K[i]; the deviate is a·W[i] = u·X[i].
  for (let i = 0; i < 128; i++) {
    ZIG_K[i] = (ZIG_X[i + 1] / ZIG_X[i]) * 2147483648;
    ZIG_W[i] = ZIG_X[i] / 2147483648;
  }
})();

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

function mix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The generator of item k (a bootstrap draw, a replication) of a job seeded with `seed`: its own
 * stream, keyed by a 53-bit hash of (seed, k), so item k draws the same numbers whichever thread
 * runs it and whatever ran before it (see parallel.ts).
 * @example
 * const g = itemRng(2024, 17); // iteration 17's stream
 */
export function itemRng(seed: number, k: number): Rng {
  const s = mix32((seed >>> 0) ^ mix32(Math.floor(seed / 4294967296) + 0x3c6ef372));
  const hi = mix32(s ^ 0xa54ff53a);
  const lo = mix32(hi ^ mix32((k >>> 0) + 0x510e527f) ^ mix32(Math.floor(k / 4294967296) + 0x9b05688c));
  return streamRng((hi >>> 11) * 4294967296 + lo);
}

/** A generator from a seed (an integer in [0, 2³²)), or the generator itself if one is passed. */
export function rng(seed: number | Rng): Rng {
  return seed instanceof Rng ? seed : new Rng(seed);
}
