/**
 * The resampling engine behind PROCESS's bootstrap confidence intervals.
 *
 * Every equation of a conditional process model is a linear regression on columns of one data
 * matrix Z (intercept, X, W, Z, mediators, Y, covariates, products). A bootstrap resample draws n
 * rows with replacement; its least-squares coefficients depend on the data only through the
 * weighted cross-products Z'DZ, where D holds how often each row was drawn. So each resample:
 *
 *   1. draws n row indices with the seeded generator and counts them (rows drawn 0 times, about
 *      e^-1 ≈ 37% of them, are skipped);
 *   2. accumulates C = Σ_i count_i · z_i z_iᵀ (upper triangle) once, shared by all equations;
 *   3. for each equation, copies its X'X and X'y out of C and solves by an in-place Cholesky
 *      factorisation.
 *
 * All buffers are allocated once, before the loop. A resample whose X'X is singular (possible with
 * a dichotomous variable in a small sample) is redrawn, as PROCESS does, and counted.
 *
 * Efron & Tibshirani (1993), An Introduction to the Bootstrap, ch. 9 (bootstrapping pairs).
 */
import { PathlabError } from "../errors";
import type { Rng } from "../simulate/rng";

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
}

export interface EngineOptions {
  onProgress?: (done: number, total: number) => void;
  /** Columns whose per-resample standard deviations are wanted (for standardised effects). */
  sdColumns?: number[];
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
 * Solves the equations on one weighted resample given by `counts` (how often each row was drawn).
 *
 * Only the cross-products some equation needs are kept: their per-row values z_ia·z_ib are
 * precomputed once into a packed array P (K pairs × n rows), so a resample's cross-products are K
 * contiguous dot products of the counts with P's rows.
 */
export class ResampleSolver {
  readonly q: number;
  readonly n: number;
  /** Packed per-row products, K × n. */
  private readonly P: Float64Array;
  private readonly K: number;
  /** Packed cross-products of the current resample (length K). */
  private readonly C: Float64Array;
  /** Packed index of pair (a, b), a ≤ b, or −1 when no equation needs it. */
  private readonly pairIndex: Int32Array;
  private readonly A: Float64Array;
  private readonly r: Float64Array;
  readonly offsets: number[];
  readonly stride: number;

  constructor(
    z: Float64Array,
    n: number,
    q: number,
    private readonly equations: EngineEquation[],
    sdColumns: number[] = [],
  ) {
    this.n = n;
    this.q = q;
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
    this.K = K;
    this.pairIndex = pairIndex;
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
    // Column-major: pair k's n products are contiguous.
    const P = new Float64Array(n * K);
    for (let k = 0; k < K; k++) {
      const a = pairsA[k],
        b = pairsB[k];
      for (let i = 0; i < n; i++) P[k * n + i] = z[i * q + a] * z[i * q + b];
    }
    this.P = P;
    this.C = new Float64Array(K);
    const pmax = Math.max(...equations.map((e) => e.predictors.length));
    this.A = new Float64Array(pmax * pmax);
    this.r = new Float64Array(pmax);
    this.offsets = [];
    let off = 0;
    for (const e of equations) {
      this.offsets.push(off);
      off += e.predictors.length;
    }
    this.stride = off;
  }

  private at(a: number, b: number): number {
    return a <= b ? this.C[this.pairIndex[a * this.q + b]] : this.C[this.pairIndex[b * this.q + a]];
  }

  /**
   * Cross-products of the resample: C_k = Σ_i count_i · P_ki, one dot product per needed pair over
   * the column-major P (a register accumulation the JIT keeps in registers, four lanes for ILP).
   */
  crossProducts(counts: Float64Array): void {
    const { n, P, C, K } = this;
    const n4 = n - (n % 4);
    for (let k = 0; k < K; k++) {
      const base = k * n;
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      let i = 0;
      for (; i < n4; i += 4) {
        s0 += counts[i] * P[base + i];
        s1 += counts[i + 1] * P[base + i + 1];
        s2 += counts[i + 2] * P[base + i + 2];
        s3 += counts[i + 3] * P[base + i + 3];
      }
      for (; i < n; i++) s0 += counts[i] * P[base + i];
      C[k] = s0 + s1 + s2 + s3;
    }
  }

  /**
   * Cross-products of eight resamples at once (counts for resample j at counts[j·n …]): each P value
   * is loaded once for eight multiply-adds, whose eight independent accumulator chains hide the
   * floating-point add latency. Results go to C8[j·K + k]; `useBatch(j)` selects one.
   */
  crossProducts8(counts: Float64Array, C8: Float64Array): void {
    const { n, P, K } = this;
    const n2 = 2 * n,
      n3 = 3 * n,
      n4 = 4 * n,
      n5 = 5 * n,
      n6 = 6 * n,
      n7 = 7 * n;
    for (let k = 0; k < K; k++) {
      const base = k * n;
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0,
        s4 = 0,
        s5 = 0,
        s6 = 0,
        s7 = 0;
      for (let i = 0; i < n; i++) {
        const pv = P[base + i];
        s0 += counts[i] * pv;
        s1 += counts[n + i] * pv;
        s2 += counts[n2 + i] * pv;
        s3 += counts[n3 + i] * pv;
        s4 += counts[n4 + i] * pv;
        s5 += counts[n5 + i] * pv;
        s6 += counts[n6 + i] * pv;
        s7 += counts[n7 + i] * pv;
      }
      C8[k] = s0;
      C8[K + k] = s1;
      C8[2 * K + k] = s2;
      C8[3 * K + k] = s3;
      C8[4 * K + k] = s4;
      C8[5 * K + k] = s5;
      C8[6 * K + k] = s6;
      C8[7 * K + k] = s7;
    }
  }

  /** Makes resample j of the last `crossProducts8` call the current one. */
  useBatch(C4: Float64Array, j: number): void {
    this.C.set(C4.subarray(j * this.K, (j + 1) * this.K));
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
      // In-place Cholesky A = LLᵀ (lower triangle), then forward and back substitution.
      for (let j = 0; j < p; j++) {
        let d = A[j * p + j];
        for (let k = 0; k < j; k++) d -= A[j * p + k] * A[j * p + k];
        // Relative pivot test: a pivot that lost all but ~1e-10 of its scale means collinearity.
        if (!(d > 1e-10 * A[j * p + j]) || !(d > 0)) return false;
        const ljj = Math.sqrt(d);
        A[j * p + j] = ljj;
        for (let i = j + 1; i < p; i++) {
          let s = A[i * p + j];
          for (let k = 0; k < j; k++) s -= A[i * p + k] * A[j * p + k];
          A[i * p + j] = s / ljj;
        }
      }
      for (let i = 0; i < p; i++) {
        let s = r[i];
        for (let k = 0; k < i; k++) s -= A[i * p + k] * r[k];
        r[i] = s / A[i * p + i];
      }
      const base = outOffset + this.offsets[e];
      for (let i = p - 1; i >= 0; i--) {
        let s = r[i];
        for (let k = i + 1; k < p; k++) s -= A[k * p + i] * out[base + k];
        out[base + i] = s / A[i * p + i];
      }
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

/**
 * Draws B bootstrap resamples and returns every equation's coefficients for each.
 * Throws when resamples keep coming out singular (the data cannot support the model).
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
  const solver = new ResampleSolver(z, n, q, equations, sdCols);
  const stride = solver.stride;
  const coefs = new Float64Array(B * stride);
  const sds = new Float64Array(B * sdCols.length);
  const counts = new Float64Array(n);
  let replaced = 0;
  const step = Math.max(1, Math.floor(B / 100));
  // Resamples are drawn eight at a time (in order, so the stream of draws is the same as one at a
  // time) and their cross-products computed together; a singular one is redrawn singly.
  const BATCH = 8;
  const countsBatch = new Float64Array(BATCH * n);
  const CBatch = new Float64Array(BATCH * solver.pairs);
  // Row index from one 32-bit draw by multiply-shift: floor(u·n / 2³²); its bias (≤ n/2³²) is far
  // below Monte Carlo error, and it halves the generator calls of Rng.int.
  const draw = (into: Float64Array, off: number) => generator.addResampleCounts(into, off, n);
  const keep = (b: number) => {
    for (let j = 0; j < sdCols.length; j++) sds[b * sdCols.length + j] = solver.sd(sdCols[j]);
    if (opts.onProgress && ((b + 1) % step === 0 || b + 1 === B)) opts.onProgress(b + 1, B);
  };
  let b = 0;
  while (b < B) {
    const m = Math.min(BATCH, B - b);
    countsBatch.fill(0);
    for (let j = 0; j < m; j++) draw(countsBatch, j * n);
    solver.crossProducts8(countsBatch, CBatch);
    for (let j = 0; j < m; j++) {
      solver.useBatch(CBatch, j);
      while (!solver.solve(coefs, b * stride)) {
        replaced++;
        if (replaced > Math.max(100, B)) {
          throw new PathlabError(`Bootstrap failed: ${replaced} resamples had a singular design matrix.`, {
            hint: "A predictor is (nearly) constant or collinear in many resamples; check dichotomous variables with very few cases in one group.",
            code: "process.bootstrap-singular",
          });
        }
        counts.fill(0);
        draw(counts, 0);
        solver.crossProducts(counts);
      }
      keep(b);
      b++;
    }
  }
  return { B, coefs, stride, offsets: solver.offsets, sds, replaced };
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
  const factors = estimates.map((e) => choleskyLower(e.vcov));
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

function choleskyLower(V: number[][]): number[][] {
  const p = V.length;
  const L = V.map(() => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    let d = V[j][j];
    for (let k = 0; k < j; k++) d -= L[j][k] * L[j][k];
    // A covariance matrix of estimates is PD; guard tiny negative rounding only.
    const ljj = Math.sqrt(Math.max(d, 0));
    L[j][j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = V[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      L[i][j] = ljj > 0 ? s / ljj : 0;
    }
  }
  return L;
}
