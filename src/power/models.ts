/**
 * Population models for Monte Carlo power: each generates one data set of size n from a seeded
 * generator and analyses it the way a researcher would (OLS regressions as in PROCESS), reporting
 * which effects came out significant. Models are built from plain-data specifications so the same
 * code runs in worker threads.
 *
 * Inference on indirect effects and the index of moderated mediation:
 * - Monte Carlo CI (Preacher & Selig, 2012; Schoemann, Boulton & Short, 2017): draw the path
 *   estimates from their estimated normal sampling distribution (a-paths and b-paths from separate
 *   equations are independent), form the product in each draw, and take the percentile interval.
 * - Percentile bootstrap (Hayes, 2022, §3.4): resample cases, refit, percentile interval.
 * In both, the (1 − α) percentile interval excludes zero exactly when fewer than α/2 of the draws
 * fall on the far side of zero, which is what is counted (up to the 1/draws granularity of a
 * percentile; no sorting needed).
 */
import { PathlabError } from "../errors";
import { choleskyFlat, invertSPD, rowsToFlat, solveSPD } from "../math";
import { checkOptions, describeValue, type OptionSpecs } from "../options";
import type { Rng } from "../simulate/rng";
import { SmallOls } from "./ols-small";

/** Standardised paths of a simple (one mediator) or parallel (several mediators) mediation model. */
export interface MediationPowerSpec {
  /** X → M path(s), standardised. One number for simple mediation, an array for parallel mediation. */
  a?: number | number[];
  /** M → Y path(s) controlling for X, standardised; same length as `a`. */
  b?: number | number[];
  /** Direct effect X → Y controlling for the mediators. Default 0. */
  cp?: number;
  /** Correlation between the mediators' residuals (parallel mediation). Default 0. */
  mediatorCor?: number;
  /**
   * Alternatively, the population correlation matrix of [X, M1, …, Mk, Y] (all variables
   * standardised). Replaces a, b, cp and mediatorCor.
   */
  cor?: number[][];
}

/** Standardised paths of a moderation model Y = b1·X + b2·W + b3·X·W + e (X, W, Y unit variance). */
export interface ModerationPowerSpec {
  b1: number;
  b2: number;
  /** The interaction coefficient (per unit of the X·W product of standardised X and W). */
  b3: number;
  /** Correlation of X and W. Default 0. */
  rXW?: number;
}

/**
 * First-stage moderated mediation (PROCESS model 7): M = a1·X + a2·W + a3·X·W + e_M,
 * Y = cp·X + b·M + e_Y, with X, W, M, Y standardised. The index of moderated mediation is a3·b.
 */
export interface ModeratedMediationPowerSpec {
  a1: number;
  a2: number;
  a3: number;
  b: number;
  cp?: number;
  rXW?: number;
}

export type PowerModelKind = "mediation" | "moderation" | "moderated-mediation";

export interface EffectInfo {
  name: string;
  /** "ci": Monte Carlo or bootstrap interval of a product; "t": t test of one coefficient. */
  test: "ci" | "t";
  population: number;
  /** For t tests: the model's number of predictors (residual df = n − predictors − 1). */
  predictors?: number;
  /** Cohen's f² of the coefficient in the population (t tests), for analytic power. */
  f2?: number;
}

export interface CiSettings {
  method: "montecarlo" | "bootstrap";
  draws: number;
  alpha: number;
}

/** One simulation model: generate, fit, test. */
export interface PowerModel {
  readonly kind: PowerModelKind;
  readonly effects: EffectInfo[];
  readonly description: string;
  generate(rng: Rng, n: number): void;
  /** Fits the model on rows idx (or 0..n). False when a fit is singular. */
  fit(n: number, idx: Int32Array | null): boolean;
  /** Point estimates of every effect from the last fit. */
  estimates(out: Float64Array): void;
  /** Standard errors of the t-tested effects (NaN for CI effects). */
  tStats(out: Float64Array): void;
  /** Monte Carlo draws: counts[2e] += draws < 0, counts[2e+1] += draws > 0 for each CI effect e. */
  monteCarlo(rng: Rng, draws: number, counts: Float64Array): void;
}

/** Smallest Cholesky pivot of a correlation or sampling covariance matrix taken as positive definite. */
const PIVOT_MIN = 1e-12;

/** Monte Carlo draws per block of normal deviates (the block stays in the first-level cache). */
const MC_BLOCK = 512;

/** A reusable buffer of at least `size` doubles. */
function normalBuffer(buf: Float64Array, size: number): Float64Array {
  return buf.length >= size ? buf : new Float64Array(size);
}

/** Rounds floating-point noise (e.g. 1e-17 for a zero path) to exactly zero. */
function clean(x: number): number {
  return Math.abs(x) < 1e-12 ? 0 : x;
}

function fail(msg: string, hint: string): never {
  throw new PathlabError(msg, { hint, code: "power.bad-spec" });
}

function checkPath(name: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v))
    fail(`Path "${name}" must be a finite number, got ${String(v)}.`, "Give standardised coefficients such as 0.3.");
  if (Math.abs(v as number) >= 1) fail(`Standardised path "${name}" = ${v} is not in (−1, 1).`, "Give standardised coefficients.");
  return v as number;
}

// ---------------------------------------------------------------------------------------------
// Mediation (simple / parallel), multivariate normal [X, M1..Mk, Y]

/** The correlation matrix of [X, M1..Mk, Y] implied by standardised paths. */
export function mediationCorrelation(spec: MediationPowerSpec): number[][] {
  const aArr =
    spec.a === undefined
      ? fail("Mediation power needs paths a and b, or a correlation matrix `cor`.", "e.g. powerMediation({ a: 0.3, b: 0.3, cp: 0.1 }, { n: [100, 200] }).")
      : Array.isArray(spec.a)
        ? spec.a
        : [spec.a];
  const bArr =
    spec.b === undefined
      ? fail("Mediation power needs paths b (M → Y) as well as a.", "Give one b per mediator, e.g. { a: 0.3, b: 0.3 }.")
      : Array.isArray(spec.b)
        ? spec.b
        : [spec.b];
  if (aArr.length === 0) fail("Mediation power needs at least one mediator (a is empty).", "Give one a and one b path per mediator.");
  if (aArr.length !== bArr.length) fail(`Mediation power: a has ${aArr.length} path(s) but b has ${bArr.length}.`, "Give one a and one b per mediator.");
  const k = aArr.length;
  const a = aArr.map((v, i) => checkPath(k > 1 ? `a${i + 1}` : "a", v));
  const b = bArr.map((v, i) => checkPath(k > 1 ? `b${i + 1}` : "b", v));
  const cp = spec.cp === undefined ? 0 : checkPath("cp", spec.cp);
  const rho = spec.mediatorCor === undefined ? 0 : spec.mediatorCor;
  if (!(rho > -1 && rho < 1)) fail(`mediatorCor = ${rho} is not in (−1, 1).`, "mediatorCor is the correlation of the mediators' residuals.");
  const d = k + 2;
  const S: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  S[0][0] = 1;
  for (let i = 0; i < k; i++) {
    S[0][i + 1] = S[i + 1][0] = a[i];
    for (let j = 0; j < k; j++) {
      S[i + 1][j + 1] = i === j ? 1 : a[i] * a[j] + rho * Math.sqrt((1 - a[i] ** 2) * (1 - a[j] ** 2));
    }
  }
  // Y = cp X + Σ b_i M_i + e.
  let explained = cp * cp;
  for (let i = 0; i < k; i++) explained += 2 * cp * b[i] * a[i];
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) explained += b[i] * b[j] * S[i + 1][j + 1];
  if (!(explained < 1)) {
    fail(`These paths explain ${explained.toFixed(3)} of Y's variance (must be < 1 for standardised variables).`, "Use smaller b or cp paths.");
  }
  let cyx = cp;
  for (let i = 0; i < k; i++) cyx += b[i] * a[i];
  S[0][d - 1] = S[d - 1][0] = cyx;
  for (let j = 0; j < k; j++) {
    let c = cp * a[j];
    for (let i = 0; i < k; i++) c += b[i] * S[i + 1][j + 1];
    S[j + 1][d - 1] = S[d - 1][j + 1] = c;
  }
  S[d - 1][d - 1] = 1;
  return S;
}

function checkCorrelation(R: number[][]): void {
  const d = R.length;
  if (d < 3) fail(`The correlation matrix must be at least 3 × 3 ([X, M, Y]); got ${d} × ${d}.`, "Order the rows and columns as X, M1, …, Mk, Y.");
  for (let i = 0; i < d; i++) {
    if (!Array.isArray(R[i]) || R[i].length !== d)
      fail(`Row ${i + 1} of the correlation matrix has ${R[i]?.length} entries; expected ${d}.`, "Give the full square matrix.");
    if (Math.abs(R[i][i] - 1) > 1e-8) fail(`Diagonal entry ${i + 1} of the correlation matrix is ${R[i][i]}, not 1.`, "Give correlations, not covariances.");
    for (let j = 0; j < i; j++) {
      if (!Number.isFinite(R[i][j]) || Math.abs(R[i][j] - R[j][i]) > 1e-8)
        fail(`The correlation matrix is not symmetric at [${i + 1}, ${j + 1}].`, "Check the matrix for a typo.");
      if (Math.abs(R[i][j]) >= 1) fail(`Correlation [${i + 1}, ${j + 1}] = ${R[i][j]} is not in (−1, 1).`, "Check the matrix for a typo.");
    }
  }
}

class MediationModel implements PowerModel {
  readonly kind = "mediation" as const;
  readonly effects: EffectInfo[];
  readonly description: string;
  private readonly k: number;
  private readonly L: Float64Array;
  private readonly d: number;
  private cols: Float64Array[] = [];
  private cap = 0;
  private readonly olsA: SmallOls[];
  private readonly olsY: SmallOls;
  private readonly aHat: Float64Array;
  private readonly bHat: Float64Array;
  private readonly La: Float64Array;
  private readonly Lb: Float64Array;
  private readonly resid: Float64Array[] = [];
  private xOnly: Float64Array[] = [];
  private xAndM: Float64Array[] = [];
  private buf: Float64Array = new Float64Array(0);

  constructor(spec: MediationPowerSpec) {
    const R = spec.cor ? spec.cor.map((r) => [...r]) : mediationCorrelation(spec);
    if (spec.cor) checkCorrelation(R);
    const d = R.length;
    const k = d - 2;
    this.k = k;
    this.d = d;
    const L = choleskyFlat(rowsToFlat(R), d, PIVOT_MIN);
    if (!L) fail("The correlation matrix of [X, M…, Y] is not positive definite.", "Check the correlations (or paths) for impossible combinations.");
    this.L = L;
    // Population paths, for reference and for analytic power of the path tests.
    const a = Array.from({ length: k }, (_, i) => R[i + 1][0]);
    const Sxm = R.slice(0, k + 1).map((r) => r.slice(0, k + 1));
    const sy = R.slice(0, k + 1).map((r) => r[d - 1]);
    const beta = solveSPD(Sxm, sy); // [cp, b1..bk]
    const SxmInv = invertSPD(Sxm);
    let r2y = 0;
    for (let i = 0; i <= k; i++) r2y += beta[i] * sy[i];
    const resY = 1 - r2y;
    const lab = (s: string, i: number) => (k > 1 ? `${s}${i + 1}` : s);
    const eff: EffectInfo[] = [];
    for (let i = 0; i < k; i++)
      eff.push({ name: k > 1 ? `a${i + 1}·b${i + 1} (indirect via M${i + 1})` : "a·b (indirect)", test: "ci", population: clean(a[i] * beta[i + 1]) });
    if (k > 1) eff.push({ name: "total indirect", test: "ci", population: clean(a.reduce((s, ai, i) => s + ai * beta[i + 1], 0)) });
    for (let i = 0; i < k; i++) eff.push({ name: lab("a", i), test: "t", population: a[i], predictors: 1, f2: (a[i] * a[i]) / (1 - a[i] * a[i]) });
    for (let i = 0; i < k; i++) {
      eff.push({ name: lab("b", i), test: "t", population: clean(beta[i + 1]), predictors: k + 1, f2: beta[i + 1] ** 2 / (SxmInv[i + 1][i + 1] * resY) });
    }
    eff.push({ name: "c′ (direct)", test: "t", population: clean(beta[0]), predictors: k + 1, f2: beta[0] ** 2 / (SxmInv[0][0] * resY) });
    this.effects = eff;
    this.description = k === 1 ? "Simple mediation X → M → Y" : `Parallel mediation with ${k} mediators`;
    this.olsA = Array.from({ length: k }, () => new SmallOls(1));
    this.olsY = new SmallOls(k + 1);
    this.aHat = new Float64Array(k);
    this.bHat = new Float64Array(k);
    this.La = new Float64Array(k * k);
    this.Lb = new Float64Array(k * k);
  }

  private ensure(n: number): void {
    if (this.cap >= n) return;
    this.cap = n;
    this.cols = Array.from({ length: this.d }, () => new Float64Array(n));
    this.xOnly = [this.cols[0]];
    this.xAndM = this.cols.slice(0, this.k + 1);
    this.resid.length = 0;
    for (let i = 0; i < this.k; i++) this.resid.push(new Float64Array(n));
  }

  generate(rng: Rng, n: number): void {
    this.ensure(n);
    const d = this.d;
    const L = this.L;
    const z = normalBuffer(this.buf, n * d);
    this.buf = z;
    rng.zigguratNormals(z, 0, n * d);
    const cols = this.cols;
    for (let r = 0; r < n; r++) {
      const o = r * d;
      for (let i = 0; i < d; i++) {
        let s = 0;
        for (let j = 0; j <= i; j++) s += L[i * d + j] * z[o + j];
        cols[i][r] = s;
      }
    }
  }

  fit(n: number, idx: Int32Array | null): boolean {
    const k = this.k;
    const xs = this.xOnly;
    for (let i = 0; i < k; i++) {
      if (!this.olsA[i].fit(xs, this.cols[i + 1], n, idx)) return false;
      this.aHat[i] = this.olsA[i].coef[1];
    }
    if (!this.olsY.fit(this.xAndM, this.cols[k + 1], n, idx)) return false;
    for (let i = 0; i < k; i++) this.bHat[i] = this.olsY.coef[i + 2];
    return true;
  }

  estimates(out: Float64Array): void {
    const k = this.k;
    let e = 0;
    let tot = 0;
    for (let i = 0; i < k; i++) {
      out[e++] = this.aHat[i] * this.bHat[i];
      tot += this.aHat[i] * this.bHat[i];
    }
    if (k > 1) out[e++] = tot;
    for (let i = 0; i < k; i++) out[e++] = this.aHat[i];
    for (let i = 0; i < k; i++) out[e++] = this.bHat[i];
    out[e++] = this.olsY.coef[1];
  }

  tStats(out: Float64Array): void {
    const k = this.k;
    let e = k > 1 ? k + 1 : k;
    for (let i = 0; i < e; i++) out[i] = NaN;
    for (let i = 0; i < k; i++) out[e++] = this.aHat[i] / this.olsA[i].se(1);
    for (let i = 0; i < k; i++) out[e++] = this.bHat[i] / this.olsY.se(i + 2);
    out[e++] = this.olsY.coef[1] / this.olsY.se(1);
  }

  /** Cholesky factors of the sampling covariance of â (k × k) and b̂ (k × k). */
  private factorVcov(n: number): boolean {
    const k = this.k;
    const La = this.La;
    const Lb = this.Lb;
    if (k === 1) {
      La[0] = this.olsA[0].se(1);
      Lb[0] = this.olsY.se(2);
      return true;
    }
    // cov(â_i, â_j) = s_ij · [(X'X)⁻¹]_11 with s_ij the residual covariance of M_i and M_j.
    const X = this.cols[0];
    for (let i = 0; i < k; i++) {
      const c0 = this.olsA[i].coef[0];
      const c1 = this.olsA[i].coef[1];
      const M = this.cols[i + 1];
      const e = this.resid[i];
      for (let r = 0; r < n; r++) e[r] = M[r] - c0 - c1 * X[r];
    }
    const g = this.olsA[0].xtxInv[3];
    const Sa: number[][] = [];
    for (let i = 0; i < k; i++) {
      Sa.push([]);
      for (let j = 0; j < k; j++) {
        let s = 0;
        const ei = this.resid[i];
        const ej = this.resid[j];
        for (let r = 0; r < n; r++) s += ei[r] * ej[r];
        Sa[i].push((s / (n - 2)) * g);
      }
    }
    const pY = this.olsY.p;
    const Sb: number[][] = [];
    for (let i = 0; i < k; i++) {
      Sb.push([]);
      for (let j = 0; j < k; j++) Sb[i].push(this.olsY.sigma2 * this.olsY.xtxInv[(i + 2) * pY + (j + 2)]);
    }
    const la = choleskyFlat(rowsToFlat(Sa), k, PIVOT_MIN);
    const lb = choleskyFlat(rowsToFlat(Sb), k, PIVOT_MIN);
    if (!la || !lb) return false;
    La.set(la);
    Lb.set(lb);
    return true;
  }

  private lastN = 0;
  setN(n: number): void {
    this.lastN = n;
  }

  monteCarlo(rng: Rng, draws: number, counts: Float64Array): void {
    const k = this.k;
    if (!this.factorVcov(this.lastN)) {
      // Degenerate sampling covariance: count nothing as significant (conservative).
      return;
    }
    if (k === 1) {
      this.monteCarloSimple(rng, draws, counts);
      return;
    }
    const La = this.La;
    const Lb = this.Lb;
    // Draw t reads its 2k deviates (k for the a-paths, then k for the b-paths) from z[2k·t …].
    const per = 2 * k;
    const z = normalBuffer(this.buf, MC_BLOCK * per);
    this.buf = z;
    for (let t0 = 0; t0 < draws; t0 += MC_BLOCK) {
      const m = Math.min(MC_BLOCK, draws - t0);
      rng.zigguratNormals(z, 0, m * per);
      for (let t = 0; t < m; t++) {
        const o = t * per;
        let tot = 0;
        for (let i = 0; i < k; i++) {
          let av = this.aHat[i];
          let bv = this.bHat[i];
          for (let j = 0; j <= i; j++) {
            av += La[i * k + j] * z[o + j];
            bv += Lb[i * k + j] * z[o + k + j];
          }
          const prod = av * bv;
          tot += prod;
          if (prod < 0) counts[2 * i]++;
          else if (prod > 0) counts[2 * i + 1]++;
        }
        if (tot < 0) counts[2 * k]++;
        else if (tot > 0) counts[2 * k + 1]++;
      }
    }
  }

  /** One mediator: draw t is (â + s_a·z_2t)(b̂ + s_b·z_2t+1). */
  private monteCarloSimple(rng: Rng, draws: number, counts: Float64Array): void {
    const a = this.aHat[0],
      b = this.bHat[0],
      sa = this.La[0],
      sb = this.Lb[0];
    const z = normalBuffer(this.buf, 2 * MC_BLOCK);
    this.buf = z;
    let neg = 0,
      pos = 0;
    for (let t0 = 0; t0 < draws; t0 += MC_BLOCK) {
      const m = Math.min(MC_BLOCK, draws - t0);
      rng.zigguratNormals(z, 0, 2 * m);
      for (let t = 0; t < 2 * m; t += 2) {
        const prod = (a + sa * z[t]) * (b + sb * z[t + 1]);
        if (prod < 0) neg++;
        else if (prod > 0) pos++;
      }
    }
    counts[0] += neg;
    counts[1] += pos;
  }
}

// ---------------------------------------------------------------------------------------------
// Moderation and first-stage moderated mediation: X, W bivariate normal, product term.

function xwVariance(b1: number, b2: number, b3: number, r: number): number {
  // For zero-mean bivariate normal X, W: Var(XW) = 1 + r², Cov(XW, X) = Cov(XW, W) = 0.
  return b1 * b1 + b2 * b2 + 2 * b1 * b2 * r + b3 * b3 * (1 + r * r);
}

class ModerationModel implements PowerModel {
  readonly kind = "moderation" as const;
  readonly effects: EffectInfo[];
  readonly description = "Moderation Y = b1·X + b2·W + b3·X·W";
  private cols: Float64Array[] = [];
  private cap = 0;
  private readonly ols = new SmallOls(3);
  private predictors: Float64Array[] = [];
  private buf: Float64Array = new Float64Array(0);
  private readonly sdE: number;
  private readonly sdW: number;

  constructor(private readonly s: ModerationPowerSpec) {
    const b1 = checkPath("b1", s.b1);
    const b2 = checkPath("b2", s.b2);
    const b3 = checkPath("b3", s.b3);
    const r = s.rXW ?? 0;
    if (!(r > -1 && r < 1)) fail(`rXW = ${r} is not in (−1, 1).`, "rXW is the correlation of X and W.");
    const explained = xwVariance(b1, b2, b3, r);
    if (!(explained < 1)) fail(`The moderation paths explain ${explained.toFixed(3)} of Y's variance (must be < 1).`, "Use smaller coefficients.");
    this.sdE = Math.sqrt(1 - explained);
    this.sdW = Math.sqrt(1 - r * r);
    // Population (X'X)/N for [X, W, XW]: block diag([[1, r], [r, 1]], 1 + r²).
    const vX = 1 / (1 - r * r); // [Σ⁻¹]_XX for the X–W block
    const res = 1 - explained;
    this.effects = [
      { name: "b3 (X×W interaction)", test: "t", population: b3, predictors: 3, f2: (b3 * b3 * (1 + r * r)) / res },
      { name: "b1 (X at W = 0)", test: "t", population: b1, predictors: 3, f2: (b1 * b1) / (vX * res) },
      { name: "b2 (W at X = 0)", test: "t", population: b2, predictors: 3, f2: (b2 * b2) / (vX * res) },
    ];
  }

  private ensure(n: number): void {
    if (this.cap >= n) return;
    this.cap = n;
    this.cols = Array.from({ length: 4 }, () => new Float64Array(n));
    this.predictors = this.cols.slice(0, 3);
  }

  generate(rng: Rng, n: number): void {
    this.ensure(n);
    const [X, W, XW, Y] = this.cols;
    const r = this.s.rXW ?? 0;
    const z = normalBuffer(this.buf, 3 * n);
    this.buf = z;
    rng.zigguratNormals(z, 0, 3 * n);
    for (let i = 0; i < n; i++) {
      const x = z[3 * i];
      const w = r * x + this.sdW * z[3 * i + 1];
      X[i] = x;
      W[i] = w;
      XW[i] = x * w;
      Y[i] = this.s.b1 * x + this.s.b2 * w + this.s.b3 * x * w + this.sdE * z[3 * i + 2];
    }
  }

  fit(n: number, idx: Int32Array | null): boolean {
    return this.ols.fit(this.predictors, this.cols[3], n, idx);
  }

  estimates(out: Float64Array): void {
    out[0] = this.ols.coef[3];
    out[1] = this.ols.coef[1];
    out[2] = this.ols.coef[2];
  }

  tStats(out: Float64Array): void {
    out[0] = this.ols.coef[3] / this.ols.se(3);
    out[1] = this.ols.coef[1] / this.ols.se(1);
    out[2] = this.ols.coef[2] / this.ols.se(2);
  }

  monteCarlo(): void {
    /* no CI-based effects */
  }
}

class ModeratedMediationModel implements PowerModel {
  readonly kind = "moderated-mediation" as const;
  readonly effects: EffectInfo[];
  readonly description = "First-stage moderated mediation (PROCESS model 7)";
  private cols: Float64Array[] = [];
  private cap = 0;
  private readonly olsM = new SmallOls(3);
  private readonly olsY = new SmallOls(2);
  private mPredictors: Float64Array[] = [];
  private yPredictors: Float64Array[] = [];
  private buf: Float64Array = new Float64Array(0);
  private readonly sdEM: number;
  private readonly sdEY: number;
  private readonly sdW: number;
  private readonly p: Required<ModeratedMediationPowerSpec>;

  constructor(s: ModeratedMediationPowerSpec) {
    const a1 = checkPath("a1", s.a1);
    const a2 = checkPath("a2", s.a2);
    const a3 = checkPath("a3", s.a3);
    const b = checkPath("b", s.b);
    const cp = s.cp === undefined ? 0 : checkPath("cp", s.cp);
    const r = s.rXW ?? 0;
    if (!(r > -1 && r < 1)) fail(`rXW = ${r} is not in (−1, 1).`, "rXW is the correlation of X and W.");
    const expM = xwVariance(a1, a2, a3, r);
    if (!(expM < 1)) fail(`The paths into M explain ${expM.toFixed(3)} of M's variance (must be < 1).`, "Use smaller a paths.");
    const cxm = a1 + a2 * r;
    const expY = cp * cp + b * b + 2 * cp * b * cxm;
    if (!(expY < 1)) fail(`The paths into Y explain ${expY.toFixed(3)} of Y's variance (must be < 1).`, "Use smaller b or cp.");
    this.sdEM = Math.sqrt(1 - expM);
    this.sdEY = Math.sqrt(1 - expY);
    this.sdW = Math.sqrt(1 - r * r);
    this.p = { a1, a2, a3, b, cp, rXW: r };
    const resM = 1 - expM;
    const resY = 1 - expY;
    const detXM = 1 - cxm * cxm;
    this.effects = [
      { name: "index of moderated mediation (a3·b)", test: "ci", population: a3 * b },
      { name: "indirect at W = −1 SD ((a1 − a3)·b)", test: "ci", population: (a1 - a3) * b },
      { name: "indirect at W = +1 SD ((a1 + a3)·b)", test: "ci", population: (a1 + a3) * b },
      { name: "a3 (X×W → M)", test: "t", population: a3, predictors: 3, f2: (a3 * a3 * (1 + r * r)) / resM },
      { name: "b (M → Y)", test: "t", population: b, predictors: 2, f2: (b * b * detXM) / resY },
      { name: "c′ (direct)", test: "t", population: cp, predictors: 2, f2: (cp * cp * detXM) / resY },
    ];
  }

  private ensure(n: number): void {
    if (this.cap >= n) return;
    this.cap = n;
    this.cols = Array.from({ length: 5 }, () => new Float64Array(n));
    this.mPredictors = [this.cols[0], this.cols[1], this.cols[2]];
    this.yPredictors = [this.cols[0], this.cols[3]];
  }

  generate(rng: Rng, n: number): void {
    this.ensure(n);
    const [X, W, XW, M, Y] = this.cols;
    const { a1, a2, a3, b, cp, rXW } = this.p;
    const z = normalBuffer(this.buf, 4 * n);
    this.buf = z;
    rng.zigguratNormals(z, 0, 4 * n);
    for (let i = 0; i < n; i++) {
      const o = 4 * i;
      const x = z[o];
      const w = rXW * x + this.sdW * z[o + 1];
      const m = a1 * x + a2 * w + a3 * x * w + this.sdEM * z[o + 2];
      X[i] = x;
      W[i] = w;
      XW[i] = x * w;
      M[i] = m;
      Y[i] = cp * x + b * m + this.sdEY * z[o + 3];
    }
  }

  fit(n: number, idx: Int32Array | null): boolean {
    const c = this.cols;
    if (!this.olsM.fit(this.mPredictors, c[3], n, idx)) return false;
    return this.olsY.fit(this.yPredictors, c[4], n, idx);
  }

  estimates(out: Float64Array): void {
    const a1 = this.olsM.coef[1];
    const a3 = this.olsM.coef[3];
    const b = this.olsY.coef[2];
    out[0] = a3 * b;
    out[1] = (a1 - a3) * b;
    out[2] = (a1 + a3) * b;
    out[3] = a3;
    out[4] = b;
    out[5] = this.olsY.coef[1];
  }

  tStats(out: Float64Array): void {
    out[0] = out[1] = out[2] = NaN;
    out[3] = this.olsM.coef[3] / this.olsM.se(3);
    out[4] = this.olsY.coef[2] / this.olsY.se(2);
    out[5] = this.olsY.coef[1] / this.olsY.se(1);
  }

  monteCarlo(rng: Rng, draws: number, counts: Float64Array): void {
    // (a1, a3) jointly from the M equation; b independently from the Y equation.
    const p = this.olsM.p;
    const s2 = this.olsM.sigma2;
    const v11 = s2 * this.olsM.xtxInv[1 * p + 1];
    const v13 = s2 * this.olsM.xtxInv[1 * p + 3];
    const v33 = s2 * this.olsM.xtxInv[3 * p + 3];
    const l11 = Math.sqrt(v11);
    const l31 = v13 / l11;
    const l33sq = v33 - l31 * l31;
    if (!(l33sq > 0)) return;
    const l33 = Math.sqrt(l33sq);
    const sb = this.olsY.se(2);
    const a1 = this.olsM.coef[1];
    const a3 = this.olsM.coef[3];
    const b = this.olsY.coef[2];
    const z = normalBuffer(this.buf, 3 * MC_BLOCK);
    this.buf = z;
    for (let t0 = 0; t0 < draws; t0 += MC_BLOCK) {
      const m = Math.min(MC_BLOCK, draws - t0);
      rng.zigguratNormals(z, 0, 3 * m);
      for (let t = 0; t < 3 * m; t += 3) {
        const z1 = z[t];
        const a1s = a1 + l11 * z1;
        const a3s = a3 + l31 * z1 + l33 * z[t + 1];
        const bs = b + sb * z[t + 2];
        const idx = a3s * bs;
        const lo = (a1s - a3s) * bs;
        const hi = (a1s + a3s) * bs;
        if (idx < 0) counts[0]++;
        else if (idx > 0) counts[1]++;
        if (lo < 0) counts[2]++;
        else if (lo > 0) counts[3]++;
        if (hi < 0) counts[4]++;
        else if (hi > 0) counts[5]++;
      }
    }
  }
}

const NUMBER = { kind: "custom", check: (v: unknown) => (typeof v === "number" ? undefined : `must be a number; got ${describeValue(v)}`) } as const;
const NUMBER_OR_LIST = {
  kind: "custom",
  check: (v: unknown) =>
    typeof v === "number" || (Array.isArray(v) && v.every((x) => typeof x === "number"))
      ? undefined
      : `must be a number or an array of numbers; got ${describeValue(v)}`,
} as const;

const SPEC_OPTIONS: Record<PowerModelKind, OptionSpecs> = {
  mediation: {
    a: NUMBER_OR_LIST,
    b: NUMBER_OR_LIST,
    cp: NUMBER,
    mediatorCor: NUMBER,
    cor: { kind: "custom", expected: "the correlation matrix of [X, M…, Y]" },
  },
  moderation: { b1: NUMBER, b2: NUMBER, b3: NUMBER, rXW: NUMBER },
  "moderated-mediation": { a1: NUMBER, a2: NUMBER, a3: NUMBER, b: NUMBER, cp: NUMBER, rXW: NUMBER },
};

const FN_OF_KIND: Record<PowerModelKind, string> = {
  mediation: "powerMediation",
  moderation: "powerModeration",
  "moderated-mediation": "powerModeratedMediation",
};

/**
 * Checks a power specification's names (an unknown path such as `c` is an error listing the valid
 * ones, never ignored) and that a mediation model is given either by paths or by `cor`, not both.
 */
export function checkPowerSpec(kind: PowerModelKind, spec: unknown): void {
  if (!(kind in SPEC_OPTIONS)) fail(`Unknown power model "${String(kind)}".`, 'Use "mediation", "moderation" or "moderated-mediation".');
  if (spec === null || typeof spec !== "object" || Array.isArray(spec))
    fail(
      `The ${kind} power specification must be an object of paths, e.g. ${kind === "moderation" ? "{ b1: 0.3, b2: 0.2, b3: 0.1 }" : "{ a: 0.3, b: 0.3 }"}.`,
      "Pass the model's paths as an object.",
    );
  const o = checkOptions<Record<string, unknown>>(FN_OF_KIND[kind], spec as Record<string, unknown>, SPEC_OPTIONS[kind]);
  if (kind === "mediation" && o.cor !== undefined) {
    const both = ["a", "b", "cp", "mediatorCor"].filter((k) => o[k] !== undefined);
    if (both.length)
      fail(
        `powerMediation(): give either the paths (a, b, cp, mediatorCor) or the correlation matrix cor, not both (got cor and ${both.join(", ")}).`,
        "The correlation matrix implies all paths; remove one of the two.",
      );
  }
}

/** Builds the simulation model for a specification (validating it; errors name the bad path). */
export function buildPowerModel(kind: PowerModelKind, spec: unknown): PowerModel {
  if (spec === null || typeof spec !== "object") fail(`The ${kind} power specification must be an object of paths.`, "Pass the model's paths as an object.");
  if (kind === "mediation") return new MediationModel(spec as MediationPowerSpec);
  if (kind === "moderation") return new ModerationModel(spec as ModerationPowerSpec);
  if (kind === "moderated-mediation") return new ModeratedMediationModel(spec as ModeratedMediationPowerSpec);
  return fail(`Unknown power model "${String(kind)}".`, 'Use "mediation", "moderation" or "moderated-mediation".');
}

/** Lets models that need n for their Monte Carlo step (parallel mediation's residual covariance) know it. */
export function setModelN(model: PowerModel, n: number): void {
  const m = model as unknown as { setN?: (n: number) => void };
  if (m.setN) m.setN(n);
}
