/**
 * Weighted cross-products for resampling: for a data matrix Z (n rows) and weight vectors w (how
 * often each row was drawn in a bootstrap resample), the entries
 *
 *   C_ab(w) = Σ_i w_i · z_ia · z_ib
 *
 * of Z'WZ for a chosen list of column pairs (a, b). Everything a bootstrap of least squares (X'X,
 * X'y per equation; Efron & Tibshirani, 1993, ch. 9) or of a covariance-based model (the resample's
 * means and covariances) needs from a resample is such a list. With the per-row products
 * P_ik = z_ia·z_ib computed once, a resample costs one matrix–vector product, and four resamples
 * one product of P with an n × 4 weight matrix — a small dense GEMM.
 *
 * The product runs in WebAssembly SIMD (src/math/wasm/crossprod.wat, a 4 × 4 register tile over
 * cache-sized tiles of rows), about four times faster than scalar JavaScript, and at large N many
 * times faster than a loop that streams P from memory; where WebAssembly SIMD is unavailable the
 * JavaScript loop below computes the same sums in the same order (multiply, then add, over
 * i = 0 … n − 1), so both give identical bits.
 *
 * @example
 * // pairs (0,0), (0,1), (1,1) of a two-column Z, for four resamples drawn from one generator
 * const cp = new WeightedCrossProducts(z, n, 2, [0, 0, 1], [0, 1, 1]);
 * cp.weights.fill(0);
 * for (let j = 0; j < 4; j++) rng.addResampleCounts(cp.weights, j, n, 4);
 * cp.compute();
 * const sumX_resample2 = cp.out[2 * cp.stride + 1];
 */
import { PathlabError } from "../errors";
import { CROSSPROD_WASM } from "./wasm-kernels";

/** Resamples per `compute()` call. */
export const CROSSPROD_BATCH = 4;

type Gemm4 = (p: number, w: number, c: number, n: number, kp: number, tile: number) => void;

/** Rows per tile: the tile of per-row products (rows × pairs doubles) should stay in a 256 KB cache. */
function tileRows(kp: number): number {
  return Math.max(16, Math.floor(32768 / kp));
}

/** The little of the WebAssembly API used here (typed locally: the build's libraries do not declare it). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}

interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

let wasmModule: object | null | undefined;

/** The compiled kernel, or null where WebAssembly SIMD is unavailable. */
function kernelModule(): object | null {
  if (wasmModule !== undefined) return wasmModule;
  const api = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  try {
    const bytes = Buffer.from(CROSSPROD_WASM, "base64");
    wasmModule = api && api.validate(bytes) ? new api.Module(bytes) : null;
  } catch {
    wasmModule = null;
  }
  return wasmModule;
}

/** True when the WebAssembly SIMD kernel is available on this runtime. */
export function hasSimdKernel(): boolean {
  return kernelModule() !== null;
}

export class WeightedCrossProducts {
  readonly n: number;
  /** Number of column pairs. */
  readonly pairs: number;
  /** Row length of `out` (pairs rounded up to a multiple of 4). */
  readonly stride: number;
  /** Weights of the CROSSPROD_BATCH resamples, interleaved: row i of resample j at [i·4 + j]. */
  readonly weights: Float64Array;
  /** Cross-products after `compute()`: pair k of resample j at [j·stride + k]. */
  readonly out: Float64Array;
  /** Which implementation runs. */
  readonly engine: "wasm-simd" | "js";
  private readonly P: Float64Array;
  private readonly gemm: Gemm4 | null = null;
  private readonly offsets: [number, number, number] = [0, 0, 0];

  /**
   * @param z row-major data, n × q
   * @param pairA first column of each pair
   * @param pairB second column of each pair
   * @param options `engine: "js"` forces the JavaScript loop (for tests and benchmarks)
   */
  constructor(z: Float64Array, n: number, q: number, pairA: ArrayLike<number>, pairB: ArrayLike<number>, options: { engine?: "js" | "auto" } = {}) {
    const K = pairA.length;
    if (pairB.length !== K)
      throw new PathlabError("WeightedCrossProducts: pairA and pairB differ in length.", {
        code: "math.dimension-mismatch",
        hint: "Give one entry of pairB per entry of pairA.",
      });
    this.n = n;
    this.pairs = K;
    const kp = Math.max(4, Math.ceil(K / 4) * 4);
    this.stride = kp;
    const mod = options.engine === "js" ? null : kernelModule();
    const doubles = n * kp + CROSSPROD_BATCH * n + CROSSPROD_BATCH * kp;
    if (mod && doubles * 8 <= 2 ** 31) {
      const pages = Math.ceil((doubles * 8) / 65536);
      const api = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
      const inst = new api.Instance(mod);
      const memory = inst.exports.memory as WasmMemory;
      memory.grow(pages);
      const buf = memory.buffer;
      const pOff = 0;
      const wOff = n * kp * 8;
      const cOff = wOff + CROSSPROD_BATCH * n * 8;
      this.P = new Float64Array(buf, pOff, n * kp);
      this.weights = new Float64Array(buf, wOff, CROSSPROD_BATCH * n);
      this.out = new Float64Array(buf, cOff, CROSSPROD_BATCH * kp);
      this.gemm = inst.exports.gemm4 as Gemm4;
      this.offsets = [pOff, wOff, cOff];
      this.engine = "wasm-simd";
    } else {
      this.P = new Float64Array(n * kp);
      this.weights = new Float64Array(CROSSPROD_BATCH * n);
      this.out = new Float64Array(CROSSPROD_BATCH * kp);
      this.engine = "js";
    }
    const P = this.P;
    for (let i = 0; i < n; i++) {
      const zi = i * q;
      const pi = i * kp;
      for (let k = 0; k < K; k++) P[pi + k] = z[zi + pairA[k]] * z[zi + pairB[k]];
    }
  }

  /** Computes `out` from `weights` for all CROSSPROD_BATCH resamples. */
  compute(): void {
    if (this.gemm) {
      this.out.fill(0);
      this.gemm(this.offsets[0], this.offsets[1], this.offsets[2], this.n, this.stride, tileRows(this.stride));
      return;
    }
    this.computeJs();
  }

  /** The same sums in JavaScript: each entry accumulated over i in order, multiply then add. */
  private computeJs(): void {
    const { n, P, weights: W, out, stride: kp } = this;
    for (let k = 0; k < kp; k++) {
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      for (let i = 0; i < n; i++) {
        const pv = P[i * kp + k];
        const w = i * 4;
        s0 += W[w] * pv;
        s1 += W[w + 1] * pv;
        s2 += W[w + 2] * pv;
        s3 += W[w + 3] * pv;
      }
      out[k] = s0;
      out[kp + k] = s1;
      out[2 * kp + k] = s2;
      out[3 * kp + k] = s3;
    }
  }
}
