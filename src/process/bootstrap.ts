/**
 * The resampling engine behind PROCESS's bootstrap confidence intervals.
 *
 * Every equation of a conditional process model is a linear regression on columns of one data
 * matrix Z (intercept, X, W, Z, mediators, Y, covariates, products). A bootstrap resample draws n
 * rows with replacement; its least-squares coefficients depend on the data only through the
 * weighted cross-products Z'DZ, where D holds how often each row was drawn. So, four resamples at a
 * time:
 *
 *   1. draw n row indices per resample with the seeded generator and count them;
 *   2. form the cross-products every equation needs, C = Σ_i count_i · z_i z_iᵀ (only the pairs
 *      used), as one small matrix product of the counts with the per-row products — in WebAssembly
 *      SIMD (src/math/crossprod.ts);
 *   3. for each equation, copy its X'X and X'y out of C and solve by an in-place Cholesky
 *      factorisation.
 *
 * Buffers are allocated once per thread and job, not per resample. A resample whose X'X is singular
 * (possible with a dichotomous variable in a small sample) is redrawn, as PROCESS does, and counted.
 *
 * Threads: resample b always reads positions b·n … b·n + n − 1 of the stream seeded by `seed`
 * (a chunk starts there by `Rng.jump`), so the draws are those of one sequential pass and identical
 * for any number of threads (src/simulate/parallel.ts).
 *
 * Efron & Tibshirani (1993), An Introduction to the Bootstrap, ch. 9 (bootstrapping pairs).
 */
import { PathlabError } from "../errors";
import { CROSSPROD_BATCH, WeightedCrossProducts } from "../math/crossprod";
import { choleskySemidefinite, solveSPDInPlace } from "../math";
import { itemRng, Rng } from "../simulate/rng";
import { jumpStates } from "../simulate/rng-jump";
import { parallelTask, runParallel, type CancellationFlag } from "../simulate/parallel";

export interface EngineEquation {
  /** Columns of Z used as predictors, in coefficient order (the intercept column included). */
  predictors: number[];
  /** Column of Z holding the outcome. */
  outcome: number;
}

export interface BootstrapDraws {
  /** Number of resamples kept. */
  B: number;
  /** Coefficients, resample-major: draw b's coefficients start at b * stride. */
  coefs: Float64Array;
  /** Coefficients per draw (sum over equations). */
  stride: number;
  /** Start of each equation's coefficients within a draw. */
  offsets: number[];
  /** Standard deviations (n − 1) of the columns requested in `sdColumns`, per draw: [b * nsd + j]. */
  sds: Float64Array;
  /** Resamples redrawn because a design matrix was singular. */
  replaced: number;
  /** Threads the resampling ran on. */
  threads?: number;
}

export interface EngineOptions {
  onProgress?: (done: number, total: number) => void;
  /** Columns whose per-resample standard deviations are wanted (for standardised effects). */
  sdColumns?: number[];
  /** Threads (default: every core when the job is large enough to pay for it). */
  threads?: number;
  /** Stops the bootstrap (a kernel interrupt). */
  cancel?: CancellationFlag;
  /** "js" forces the JavaScript cross-product loop (tests and benchmarks). */
  engine?: "auto" | "js";
}

/** Row-major copy of the columns, intercept first (column 0 must be all ones). */
export function rowMajor(columns: Float64Array[]): Float64Array {
  const q = columns.length;
  const n = columns[0].length;
  const z = new Float64Array(n * q);
  for (let j = 0; j < q; j++) {
    const c = columns[j];
    for (let i = 0; i < n; i++) z[i * q + j] = c[i];
  }
  return z;
}

/**
 * Which cross-products the equations need (pair (a, b), a ≤ b, gets index pairIndex[a·q + b], or −1
 * when unused; the intercept's (0, 0) is the resample size, and (0, c), (c, c) give column c's SD),
 * and where each equation's coefficients go in a draw.
 */
export function engineLayout(q: number, equations: EngineEquation[], sdColumns: number[] = []) {
  const pairIndex = new Int32Array(q * q).fill(-1);
  let K = 0;
  const need = (a: number, b: number) => {
    const lo = Math.min(a, b),
      hi = Math.max(a, b);
    if (pairIndex[lo * q + hi] < 0) pairIndex[lo * q + hi] = K++;
  };
  for (const e of equations) {
    for (let i = 0; i < e.predictors.length; i++) {
      for (let j = 0; j <= i; j++) need(e.predictors[i], e.predictors[j]);
      need(e.predictors[i], e.outcome);
    }
  }
  need(0, 0);
  for (const c of sdColumns) {
    need(0, c);
    need(c, c);
  }
  const pairsA = new Int32Array(K),
    pairsB = new Int32Array(K);
  for (let a = 0; a < q; a++)
    for (let b = a; b < q; b++) {
      const k = pairIndex[a * q + b];
      if (k >= 0) {
        pairsA[k] = a;
        pairsB[k] = b;
      }
    }
  const offsets: number[] = [];
  let stride = 0;
  for (const e of equations) {
    offsets.push(stride);
    stride += e.predictors.length;
  }
  return { pairIndex, pairsA, pairsB, offsets, stride };
}

/**
 * Solves the equations on one weighted resample given by `counts` (how often each row was drawn).
 *
 * Only the cross-products some equation needs are kept: their per-row values z_ia·z_ib are
 * precomputed once (src/math/crossprod.ts), so the cross-products of four resamples are one small
 * matrix product of the counts with those per-row products.
 */
export class ResampleSolver {
  readonly q: number;
  readonly n: number;
  private readonly K: number;
  /** Packed cross-products of the current resample (length K). */
  private readonly C: Float64Array;
  /** Packed index of pair (a, b), a ≤ b, or −1 when no equation needs it. */
  private readonly pairIndex: Int32Array;
  private readonly A: Float64Array;
  private readonly r: Float64Array;
  /** The batched cross-product kernel: its `weights` take four resamples' counts, interleaved. */
  readonly products: WeightedCrossProducts;
  readonly offsets: number[];
  readonly stride: number;

  constructor(
    z: Float64Array,
    n: number,
    q: number,
    private readonly equations: EngineEquation[],
    sdColumns: number[] = [],
    engine: "auto" | "js" = "auto",
  ) {
    this.n = n;
    this.q = q;
    const layout = engineLayout(q, equations, sdColumns);
    const { pairsA, pairsB } = layout;
    this.K = pairsA.length;
    this.pairIndex = layout.pairIndex;
    this.products = new WeightedCrossProducts(z, n, q, pairsA, pairsB, { engine });
    this.C = new Float64Array(this.K);
    const pmax = Math.max(...equations.map((e) => e.predictors.length));
    this.A = new Float64Array(pmax * pmax);
    this.r = new Float64Array(pmax);
    this.offsets = layout.offsets;
    this.stride = layout.stride;
  }

  private at(a: number, b: number): number {
    return a <= b ? this.C[this.pairIndex[a * this.q + b]] : this.C[this.pairIndex[b * this.q + a]];
  }

  /** Cross-products of one resample given as row counts (made the current one). */
  crossProducts(counts: Float64Array): void {
    const W = this.products.weights;
    W.fill(0);
    for (let i = 0; i < this.n; i++) W[i * CROSSPROD_BATCH] = counts[i];
    this.products.compute();
    this.useBatch(0);
  }

  /** Makes resample j of the last `products.compute()` the current one. */
  useBatch(j: number): void {
    const s = this.products.stride;
    this.C.set(this.products.out.subarray(j * s, j * s + this.K));
  }

  get pairs(): number {
    return this.K;
  }

  /** Solves every equation from the current cross-products; false if one is singular. */
  solve(out: Float64Array, outOffset: number): boolean {
    const { A, r } = this;
    for (let e = 0; e < this.equations.length; e++) {
      const eq = this.equations[e];
      const P = eq.predictors;
      const p = P.length;
      for (let i = 0; i < p; i++) {
        for (let j = 0; j <= i; j++) A[i * p + j] = this.at(P[i], P[j]);
        r[i] = this.at(P[i], eq.outcome);
      }
      // In-place Cholesky A = LLᵀ (lower triangle), then forward and back substitution. A pivot
      // that lost all but ~1e-10 of its diagonal entry means collinearity in this resample.
      if (!solveSPDInPlace(A, p, r, out, outOffset + this.offsets[e], 1e-10, "scale")) return false;
    }
    return true;
  }

  /** Column standard deviation (n − 1 denominator) from the current cross-products. */
  sd(col: number): number {
    const w = this.at(0, 0);
    const s = this.at(0, col);
    const ss = this.at(col, col);
    const v = (ss - (s * s) / w) / (w - 1);
    return Math.sqrt(Math.max(v, 0));
  }
}

/** What a bootstrap chunk needs (plain data: it crosses to worker threads once per job). */
export interface BootstrapInput {
  /** Row-major data, n × q, column 0 all ones. */
  z: Float64Array;
  n: number;
  q: number;
  equations: EngineEquation[];
  sdColumns: number[];
  B: number;
  /** State of the seeded generator at resample 0 (resample b reads its n numbers from b·n on). */
  state: Uint32Array;
  /** Resamples per chunk, and the generator state at the start of each chunk (4 words each). */
  chunkSize?: number;
  starts?: Uint32Array;
  /** "js" forces the JavaScript cross-product loop (tests). */
  engine?: "auto" | "js";
}

/** One chunk's draws: resamples [from, to). */
export interface BootstrapChunk {
  coefs: Float64Array;
  sds: Float64Array;
  replaced: number;
}

/** A thread's solver and scratch counts for a job: built once per job, not once per chunk. */
interface ThreadState {
  solver: ResampleSolver;
  drawn: Int32Array;
  counts: Float64Array;
}
const states = new WeakMap<BootstrapInput, ThreadState>();

function singularError(replaced: number): PathlabError {
  return new PathlabError(`Bootstrap failed: ${replaced} resamples had a singular design matrix.`, {
    hint: "A predictor is (nearly) constant or collinear in many resamples; check dichotomous variables with very few cases in one group.",
    code: "process.bootstrap-singular",
  });
}

/** A 32-bit key of the generator state, seeding the streams of redrawn resamples. */
function stateKey(s: Uint32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < 4; i++) h = Math.imul(h ^ s[i], 0x01000193) >>> 0;
  return h;
}

/**
 * Resamples [from, to): resample b's row counts come from positions b·n … b·n + n − 1 of the seeded
 * stream (reached by a jump, so any thread can start any chunk and the draws are those of one
 * sequential pass). A resample whose design is singular is redrawn, as PROCESS does, from a stream
 * of its own (keyed by the seed state and b), so later resamples keep their positions.
 */
export function bootstrapRange(input: BootstrapInput, from: number, to: number): BootstrapChunk {
  const { n, sdColumns: sdCols } = input;
  let state = states.get(input);
  if (!state) {
    const solver = new ResampleSolver(input.z, n, input.q, input.equations, sdCols, input.engine ?? "auto");
    state = { solver, drawn: new Int32Array(n), counts: new Float64Array(n) };
    states.set(input, state);
  }
  const { solver, drawn, counts } = state;
  const stride = solver.stride;
  const m = to - from;
  const coefs = new Float64Array(m * stride);
  const sds = new Float64Array(m * sdCols.length);
  const gen = new Rng(1);
  // Chunk starts come precomputed; any other range jumps there from resample 0.
  const c = input.chunkSize ? from / input.chunkSize : -1;
  if (input.starts && Number.isInteger(c) && 4 * c < input.starts.length) {
    gen.setState(input.starts.subarray(4 * c, 4 * c + 4));
  } else {
    gen.setState(input.state);
    gen.jump(from * n);
  }
  const W = solver.products.weights;
  // `drawn`: counted compactly, then spread into the kernel's interleaved weights in one pass.
  const batch = CROSSPROD_BATCH; // a local: an imported binding is a property load in the hot loop
  const keepSds = (b: number) => {
    for (let c = 0; c < sdCols.length; c++) sds[(b - from) * sdCols.length + c] = solver.sd(sdCols[c]);
  };
  let replaced = 0;
  for (let b0 = from; b0 < to; b0 += batch) {
    const k = Math.min(batch, to - b0);
    if (k < batch) W.fill(0);
    for (let j = 0; j < k; j++) {
      drawn.fill(0);
      gen.countResample(drawn, n);
      for (let i = 0; i < n; i++) W[i * batch + j] = drawn[i];
    }
    solver.products.compute();
    let singular = 0; // bit j: resample b0 + j must be redrawn
    for (let j = 0; j < k; j++) {
      const b = b0 + j;
      solver.useBatch(j);
      if (solver.solve(coefs, (b - from) * stride)) keepSds(b);
      else singular |= 1 << j;
    }
    // Redraws reuse the kernel's buffers, so they wait until the whole batch has been read.
    for (let j = 0; j < k; j++) {
      if (!(singular & (1 << j))) continue;
      const b = b0 + j;
      const redraw = itemRng(stateKey(input.state), b);
      do {
        replaced++;
        if (replaced > Math.max(100, m)) throw singularError(replaced);
        counts.fill(0);
        redraw.addResampleCounts(counts, 0, n);
        solver.crossProducts(counts);
      } while (!solver.solve(coefs, (b - from) * stride));
      keepSds(b);
    }
  }
  return { coefs, sds, replaced };
}

/** The bootstrap as a parallel task (worker threads load it from this module). */
export const bootstrapTask = parallelTask(__filename, "bootstrapTask", (input: BootstrapInput, from: number, to: number) => bootstrapRange(input, from, to));

/** Resamples per chunk: ~20 M multiply-adds (several ms), at least 32 chunks (progress, balance), a multiple of 4. */
export function bootstrapChunkSize(B: number, n: number, pairs: number): number {
  const byCost = Math.round(2e7 / (n * (Math.ceil(pairs / 4) * 4) + 1000));
  const size = Math.max(8, Math.min(byCost, Math.ceil(B / 32), 4096));
  return Math.ceil(size / 4) * 4;
}

/**
 * Draws B bootstrap resamples and returns every equation's coefficients for each, on up to
 * `threads` threads (identical draws whatever the number). Throws when resamples keep coming out
 * singular (the data cannot support the model).
 */
export function bootstrapCoefficients(
  z: Float64Array,
  n: number,
  q: number,
  equations: EngineEquation[],
  B: number,
  generator: Rng,
  opts: EngineOptions = {},
): BootstrapDraws {
  const sdCols = opts.sdColumns ?? [];
  const input: BootstrapInput = { z, n, q, equations, sdColumns: sdCols, B, state: generator.state(), engine: opts.engine };
  const layout = engineLayout(q, equations, sdCols);
  const pairs = layout.pairsA.length;
  const chunkSize = bootstrapChunkSize(B, n, pairs);
  input.chunkSize = chunkSize;
  input.starts = jumpStates(input.state, chunkSize * n, Math.ceil(B / chunkSize));
  // Below ~30 ms of work a worker's start-up and the copies cost more than they save.
  const work = B * n * pairs * 0.4e-6;
  const threads = opts.threads ?? (work < 30 ? 1 : undefined);
  const run = runParallel(bootstrapTask, input, { count: B, chunkSize, threads, onProgress: opts.onProgress, cancel: opts.cancel });
  const stride = layout.stride;
  const coefs = new Float64Array(B * stride);
  const sds = new Float64Array(B * sdCols.length);
  let replaced = 0;
  run.results.forEach((r, c) => {
    coefs.set(r.coefs, c * chunkSize * stride);
    sds.set(r.sds, c * chunkSize * sdCols.length);
    replaced += r.replaced;
  });
  if (replaced > Math.max(100, B)) throw singularError(replaced);
  generator.jump(B * n);
  return { B, coefs, stride, offsets: layout.offsets, sds, replaced, threads: run.threads };
}

/**
 * Monte Carlo draws of the coefficients (Preacher & Selig, 2012): each equation's coefficient
 * vector is drawn from N(b, V) independently of the others (the equations' errors are uncorrelated
 * in these models), using the Cholesky factor of V.
 */
export function monteCarloCoefficients(
  estimates: { coef: Float64Array; vcov: number[][] }[],
  B: number,
  generator: Rng,
  fixedSds: number[] = [],
): BootstrapDraws {
  const offsets: number[] = [];
  let stride = 0;
  for (const e of estimates) {
    offsets.push(stride);
    stride += e.coef.length;
  }
  const factors = estimates.map((e) => choleskySemidefinite(e.vcov));
  const coefs = new Float64Array(B * stride);
  const sds = new Float64Array(B * fixedSds.length);
  const zbuf = new Float64Array(Math.max(...estimates.map((e) => e.coef.length)));
  for (let b = 0; b < B; b++) {
    for (let e = 0; e < estimates.length; e++) {
      const { coef } = estimates[e];
      const L = factors[e];
      const p = coef.length;
      for (let i = 0; i < p; i++) zbuf[i] = generator.normal();
      const base = b * stride + offsets[e];
      for (let i = 0; i < p; i++) {
        let s = coef[i];
        for (let k = 0; k <= i; k++) s += L[i][k] * zbuf[k];
        coefs[base + i] = s;
      }
    }
    for (let j = 0; j < fixedSds.length; j++) sds[b * fixedSds.length + j] = fixedSds[j];
  }
  return { B, coefs, stride, offsets, sds, replaced: 0 };
}
