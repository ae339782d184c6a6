/**
 * Maximum-likelihood estimation: minimise the ML discrepancy F(θ) of a RAM engine.
 *
 * Two phases, both invariant to the units of the variables (multiplying an indicator by 100 or a
 * covariate by 10⁶ changes nothing but the parameters' units):
 *
 * 1. Fisher scoring with a backtracking (Armijo) line search — the step solves (2·I(θ)) δ = −∇F,
 *    I the expected information per observation — switching to BFGS updates of the inverse Hessian
 *    near the solution (Fisher scoring lacks the residual curvature term, BFGS supplies it). This
 *    converges in 5–20 iterations on ordinary models.
 * 2. If phase 1 has not converged after `FAST_ITERATIONS`, a Newton trust-region method takes over:
 *    the Hessian by forward differences of the analytic gradient, the step from
 *    (H + μD) δ = −∇F with D = diag(2I) (Levenberg–Marquardt damping in the parameters' natural
 *    scale) and μ adapted to the ratio of actual to predicted decrease (Moré 1978; Nocedal & Wright
 *    2006, ch. 4). It handles the long curved valleys of Heywood cases and poorly fitting models,
 *    where Gauss–Newton crawls.
 *
 * Convergence is judged on the scaled gradient max_k |∂F/∂θ_k| / √(2 I_kk) — the gradient in units
 * of each parameter's own precision — so the criterion does not depend on measurement units.
 * lavaan (0.6.14) minimises ½F with nlminb (PORT quasi-Newton, rel.tol 1e-10) and then requires
 * every |gradient| < 1e-3 (optim.dx.tol); the criterion here (1e-7 on the scaled gradient) is far stricter.
 *
 * @example
 * const opt = minimize(engine, start, { maxIter: 10000 });
 * if (!opt.converged) console.log(opt.iterations, opt.maxGrad);
 */
import { PathlabError } from "../errors";
import { backSolveTransposed, choleskyInPlace, choleskyLogDet, forwardSolve, inverseFromCholesky, solveSPDFlat, solveWithCholesky } from "../math/linalg";
import { eigenSymmetric } from "../math/eigen";
import type { SemObjective } from "./objective";

export interface OptimResult {
  theta: Float64Array;
  /** F at the solution (lavaan's fmin × 2). */
  f: number;
  iterations: number;
  converged: boolean;
  /** Largest scaled |gradient| (|∂F/∂θ_k| / √(2 I_kk)) at the end. */
  maxGrad: number;
  /** Expected information per observation at θ (q×q), computed for the convergence test. */
  info?: Float64Array;
}

export interface OptimOptions {
  /** Total iteration cap over both phases (default 10,000, lavaan's nlminb iter.max). */
  maxIter?: number;
  /** Convergence when the largest scaled |gradient| falls below this (default GRAD_TOL, 1e-7). */
  gradTol?: number;
  /**
   * false: skip the information (and the final gradient) at the solution, which a bootstrap
   * replicate does not use; `info` is then absent and `maxGrad` is the last one of the iterations.
   */
  information?: boolean;
}

/** Default convergence criterion: largest scaled |gradient| below this. */
export const GRAD_TOL = 1e-7;
/** Iterations of the fast phase before the Newton trust-region phase takes over. */
const FAST_ITERATIONS = 60;
/**
 * Cap of the Newton phase: a trust-region Newton method that has not converged after this many
 * iterations is following an asymptote (parameters drifting to infinity), not approaching a minimum.
 */
const NEWTON_ITERATIONS = 1000;
/** Newton iterations over which F must still decrease measurably. */
const STALL_WINDOW = 200;
/** Scaled gradient accepted when no step can decrease F measurably any more (rounding level). */
const ROUNDING_TOL = 1e-5;

/** F, gradient and information of one engine, with the scaled-gradient measure. */
class Objective {
  readonly q: number;
  readonly g: Float64Array;
  readonly info: Float64Array;
  /** √(2 I_kk) from the last information computed (1 where unknown or zero). */
  readonly scale: Float64Array;
  /** Parameters that are variances (a diagonal cell of S). */
  readonly variances: number[];
  /** θ and value of the last `f` call, and what has been computed there since (0: F, 1: + gradient, 2: + information). */
  private readonly atTheta: Float64Array;
  private atF = Number.NaN;
  private atStage = -1;
  constructor(readonly engine: SemObjective) {
    this.q = engine.q;
    this.g = new Float64Array(this.q);
    this.info = new Float64Array(this.q * this.q);
    this.scale = new Float64Array(this.q).fill(1);
    this.variances = engine.varianceParams();
    this.atTheta = new Float64Array(this.q);
  }
  /**
   * F, this.g and (2·I in this.info, with `scale`) at θ, each evaluated only if the last `f` call was
   * not at the same θ (bit for bit) followed by the same calls — the engine's state is then already
   * the one a fresh evaluation would leave.
   */
  settle(t: Float64Array): number {
    let same = this.atStage >= 0;
    for (let k = 0; same && k < this.q; k++) same = Object.is(t[k], this.atTheta[k]);
    if (!same) this.f(t);
    if (this.atStage < 1) this.gradient();
    if (this.atStage < 2) this.hessianFisher();
    return this.atF;
  }
  /** No variance parameter is negative. */
  proper(t: Float64Array): boolean {
    for (const k of this.variances) if (t[k] < 0) return false;
    return true;
  }
  f(t: Float64Array): number {
    this.atTheta.set(t);
    this.atStage = 0;
    this.engine.setTheta(t);
    if (!this.engine.implied()) return this.at(Infinity);
    const f = this.engine.objective();
    return this.at(Number.isFinite(f) ? f : Infinity);
  }
  private at(f: number): number {
    this.atF = f;
    return f;
  }
  /** Gradient at the point of the last finite `f` call, into `out` (default this.g). */
  gradient(out: Float64Array = this.g): Float64Array {
    this.engine.gradient(out);
    this.atStage = out === this.g && this.atStage === 0 ? 1 : -1;
    return out;
  }
  /** 2·I at the point of the last `f` call, into this.info; refreshes `scale`. */
  hessianFisher(): Float64Array {
    const { q, info } = this;
    if (this.engine.fisherInformation) this.engine.fisherInformation(info);
    else this.engine.information(info);
    for (let k = 0; k < q * q; k++) info[k] *= 2;
    for (let k = 0; k < q; k++) {
      const d = info[k * q + k];
      this.scale[k] = d > 0 && Number.isFinite(d) ? Math.sqrt(d) : 1;
    }
    this.atStage = this.atStage === 1 ? 2 : -1;
    return info;
  }
  scaledMax(g: Float64Array = this.g): number {
    let m = 0;
    for (let k = 0; k < this.q; k++) {
      const v = Math.abs(g[k]) / this.scale[k];
      m = v > m || Number.isNaN(v) ? v : m;
    }
    return m;
  }
}

/** Minimises F from θ₀. Throws if F cannot be evaluated at the start values. */
export function minimize(engine: SemObjective, theta0: Float64Array, opts: OptimOptions = {}): OptimResult {
  const maxIter = opts.maxIter ?? 10000;
  const gradTol = opts.gradTol ?? GRAD_TOL;
  const obj = new Objective(engine);
  const theta = Float64Array.from(theta0);
  const f0 = obj.f(theta);
  if (!Number.isFinite(f0))
    throw new PathlabError("The model-implied covariance matrix is not positive definite at the start values.", {
      hint: "Give start values for the troublesome parameters, e.g. start(1)*x2, or check that every factor has indicators.",
      code: "sem.start",
    });
  if (obj.q === 0) return { theta, f: f0, iterations: 0, converged: true, maxGrad: 0 };
  const fast = fisherBfgs(obj, theta, f0, Math.min(maxIter, FAST_ITERATIONS), gradTol);
  let result = fast;
  if (!fast.converged && fast.iterations < maxIter) {
    const slow = newtonTrustRegion(obj, fast.theta, fast.f, Math.min(maxIter - fast.iterations, NEWTON_ITERATIONS), gradTol);
    result = { ...slow, iterations: fast.iterations + slow.iterations };
  }
  if (opts.information === false) return result;
  // Leave the engine at the solution, with the information (and scale) of that point.
  result.f = obj.settle(result.theta);
  result.maxGrad = obj.scaledMax();
  // The objective is discarded here, so its 2·I becomes I in place.
  const info = obj.info;
  for (let k = 0; k < info.length; k++) info[k] = 0.5 * info[k];
  result.info = info;
  return result;
}

/** Phase 1: Fisher scoring with Armijo backtracking, BFGS near the solution. */
function fisherBfgs(obj: Objective, theta0: Float64Array, f0: number, maxIter: number, gradTol: number): OptimResult {
  const q = obj.q;
  const theta = Float64Array.from(theta0);
  const trial = new Float64Array(q);
  const g = obj.g;
  const bfgs = new InverseBfgs(q);
  const gPrev = new Float64Array(q);
  const sv = new Float64Array(q);
  const delta = new Float64Array(q);
  const work = new StepWork(q);
  let f = f0;
  let haveBfgs = false;
  let fisherRestarts = 0;
  let lastStep = 0;
  let bfgsStart = 0;
  let dampedLate = 0;
  // Phase 1 stays where every variance is ≥ 0 (unless the start is already outside): a proper
  // solution is found directly, and a Heywood solution is left to the Newton phase, which is not
  // restricted. Without this, early Fisher steps can run off into improper valleys (a variance
  // of −10⁴ with its loadings → 0) far from the minimum lavaan reports.
  const keepProper = obj.proper(theta);
  let converged = false;
  let maxGrad = Infinity;
  let it = 0;
  obj.f(theta);
  for (; it < maxIter; it++) {
    obj.gradient();
    if (haveBfgs && it - bfgsStart > 50) {
      haveBfgs = false;
      fisherRestarts = 99;
    }
    // A Fisher step needs the information here anyway; it also refreshes the gradient's scale.
    const info = haveBfgs ? undefined : obj.hessianFisher();
    maxGrad = obj.scaledMax();
    if (maxGrad < gradTol) {
      converged = true;
      break;
    }
    if (haveBfgs && it > bfgsStart) bfgs.update(sv, g, gPrev);
    if (info) {
      // Quasi-Newton updates only close to the solution, after a full Fisher step.
      if (lastStep === 1 && maxGrad < 1e-2 && fisherRestarts < 3 && it >= 2 && bfgs.reset(info)) {
        haveBfgs = true;
        bfgsStart = it;
      }
      if (!haveBfgs && !fisherStep(info, g, q, delta, work)) break;
    }
    if (haveBfgs) bfgs.direction(g, delta);
    let slope = 0;
    for (let k = 0; k < q; k++) slope += g[k] * delta[k];
    if (!(slope < 0)) {
      // Not a descent direction: steepest descent in the scaled metric.
      slope = 0;
      for (let k = 0; k < q; k++) {
        delta[k] = -g[k] / (obj.scale[k] * obj.scale[k]);
        slope += g[k] * delta[k];
      }
    }
    const ls = lineSearch(obj, theta, f, delta, slope, trial, maxGrad, keepProper);
    if (ls.atRounding) {
      obj.f(theta);
      converged = maxGrad < ROUNDING_TOL;
      it++;
      break;
    }
    lastStep = ls.step;
    // Damped Fisher steps after the first few iterations mean a curved valley (a Heywood case, a
    // poor fit) where Gauss–Newton crawls: hand over to the Newton phase.
    if (ls.ok && !haveBfgs && ls.step < 1 && it >= 5 && ++dampedLate >= 3) {
      theta.set(trial);
      f = ls.f;
      it++;
      break;
    }
    if (!ls.ok) {
      if (haveBfgs) {
        // The quasi-Newton model went stale: restart from the Fisher information.
        haveBfgs = false;
        fisherRestarts++;
        obj.f(theta);
        if (fisherRestarts < 5) continue;
      }
      obj.f(theta);
      break;
    }
    for (let k = 0; k < q; k++) sv[k] = trial[k] - theta[k];
    gPrev.set(g);
    theta.set(trial);
    const df = f - ls.f;
    f = ls.f;
    if (df <= 1e-15 * (1 + Math.abs(f)) && maxRelStep(sv, theta) < 1e-12) {
      obj.gradient();
      maxGrad = obj.scaledMax();
      converged = maxGrad < ROUNDING_TOL;
      it++;
      break;
    }
  }
  return { theta, f, iterations: it, converged, maxGrad };
}

/** Workspaces of the Fisher steps (q×q factor, two q-vectors), allocated once per optimisation. */
class StepWork {
  readonly l: Float64Array;
  readonly rhs: Float64Array;
  readonly z: Float64Array;
  readonly x: Float64Array;
  constructor(q: number) {
    this.l = new Float64Array(q * q);
    this.rhs = new Float64Array(q);
    this.z = new Float64Array(q);
    this.x = new Float64Array(q);
  }
}

/** Fisher-scoring direction −(2I)⁻¹∇F (ridged if 2I is singular); false if none can be formed. */
function fisherStep(info: Float64Array, g: Float64Array, q: number, out: Float64Array, work: StepWork): boolean {
  const { l, rhs } = work;
  for (let k = 0; k < q; k++) rhs[k] = -g[k];
  // The factor's upper triangle is never read, so the workspace needs only the lower one refreshed.
  for (let i = 0; i < q; i++) for (let j = 0; j <= i; j++) l[i * q + j] = info[i * q + j];
  let d: Float64Array | null = null;
  if (choleskyInPlace(l, q) < 0) d = backSolveTransposed(l, q, forwardSolve(l, q, rhs, q, work.z), q, work.x);
  else {
    // Singular expected Hessian (far from the solution or not identified): ridge it.
    const ridged = Float64Array.from(info);
    let tr = 0;
    for (let k = 0; k < q; k++) tr += info[k * q + k];
    const ridge = (1e-6 * tr) / q + 1e-10;
    for (let k = 0; k < q; k++) ridged[k * q + k] += ridge;
    d = solveSPDFlat(ridged, q, rhs);
  }
  if (!d || d.some((x) => !Number.isFinite(x))) return false;
  out.set(d);
  return true;
}

/**
 * The BFGS inverse Hessian H started from H₀ = (2I)⁻¹, the Fisher information at the switch, kept
 * as the Cholesky factor of 2I and the list of steps s and gradient changes y (Nocedal & Wright
 * 2006, alg. 7.4, the two-loop recursion, with every pair kept): −H∇F costs two triangular solves
 * and O(kq) instead of forming (2I)⁻¹ (q³/2) and updating H (O(q²) per step).
 */
class InverseBfgs {
  private readonly l: Float64Array;
  private readonly s: Float64Array[] = [];
  private readonly y: Float64Array[] = [];
  private readonly rho: number[] = [];
  private readonly alpha: Float64Array = new Float64Array(64);
  private readonly r: Float64Array;
  constructor(readonly q: number) {
    this.l = new Float64Array(q * q);
    this.r = new Float64Array(q);
  }
  /** Starts again from H₀ = info⁻¹; false (and no change of state) when info is not positive definite. */
  reset(info: Float64Array): boolean {
    const q = this.q;
    for (let i = 0; i < q; i++) for (let j = 0; j <= i; j++) this.l[i * q + j] = info[i * q + j];
    if (choleskyInPlace(this.l, q) >= 0) return false;
    this.s.length = this.y.length = this.rho.length = 0;
    return true;
  }
  /** Adds the pair (s, y = g − gPrev) unless sᵀy ≤ 1e-14 (the curvature condition fails). */
  update(sv: Float64Array, g: Float64Array, gPrev: Float64Array): void {
    const q = this.q;
    const y = new Float64Array(q);
    let sy = 0;
    for (let k = 0; k < q; k++) {
      y[k] = g[k] - gPrev[k];
      sy += sv[k] * y[k];
    }
    if (!(sy > 1e-14) || this.s.length >= this.alpha.length) return;
    this.s.push(Float64Array.from(sv));
    this.y.push(y);
    this.rho.push(1 / sy);
  }
  /** out = −H g. */
  direction(g: Float64Array, out: Float64Array): void {
    const { q, s, y, rho, alpha, r } = this;
    r.set(g);
    for (let i = s.length - 1; i >= 0; i--) {
      const a = rho[i] * dotq(s[i], r, q);
      alpha[i] = a;
      for (let k = 0; k < q; k++) r[k] -= a * y[i][k];
    }
    const z = solveWithCholesky(this.l, q, r);
    for (let i = 0; i < s.length; i++) {
      const b = rho[i] * dotq(y[i], z, q);
      for (let k = 0; k < q; k++) z[k] += s[i][k] * (alpha[i] - b);
    }
    for (let k = 0; k < q; k++) out[k] = -z[k];
  }
}

function dotq(a: Float64Array, b: Float64Array, q: number): number {
  let t = 0;
  for (let k = 0; k < q; k++) t += a[k] * b[k];
  return t;
}

function maxRelStep(s: Float64Array, theta: Float64Array): number {
  let m = 0;
  for (let k = 0; k < s.length; k++) m = Math.max(m, Math.abs(s[k]) / (1 + Math.abs(theta[k])));
  return m;
}

/** Armijo backtracking along δ; `trial` holds the accepted point. */
function lineSearch(
  obj: Objective,
  theta: Float64Array,
  f: number,
  delta: Float64Array,
  slope: number,
  trial: Float64Array,
  maxGrad: number,
  keepProper: boolean,
): { ok: boolean; f: number; step: number; atRounding: boolean } {
  const q = obj.q;
  let step = 1;
  for (let ls = 0; ls < 40; ls++) {
    for (let k = 0; k < q; k++) trial[k] = theta[k] + step * delta[k];
    const fNew = keepProper && !obj.proper(trial) ? Infinity : obj.f(trial);
    if (fNew <= f + 1e-4 * step * slope) return { ok: true, f: fNew, step, atRounding: false };
    // Within rounding of the minimum: no step can decrease F measurably.
    if (maxGrad < ROUNDING_TOL && Math.abs(fNew - f) <= 1e-14 * (1 + Math.abs(f))) return { ok: false, f, step, atRounding: true };
    step /= 2;
  }
  return { ok: false, f, step: 0, atRounding: false };
}

/** Phase 2: Newton trust region (Levenberg–Marquardt damping) with a finite-difference Hessian. */
function newtonTrustRegion(obj: Objective, theta0: Float64Array, f0: number, maxIter: number, gradTol: number): OptimResult {
  const q = obj.q;
  const theta = Float64Array.from(theta0);
  const trial = new Float64Array(q);
  const H = new Float64Array(q * q);
  const A = new Float64Array(q * q);
  const g = new Float64Array(q);
  const rhs = new Float64Array(q);
  let f = f0;
  let mu = 1e-3;
  let it = 0;
  let converged = false;
  let maxGrad = Infinity;
  let fCheck = f0;
  for (; it < maxIter; it++) {
    // Stalled: F changed by less than 1e-10 (relative) over the last STALL_WINDOW iterations while
    // the gradient is still not zero — typically parameters drifting towards infinity along an
    // asymptote. Stop and report non-convergence rather than crawl to the iteration cap.
    if (it > 0 && it % STALL_WINDOW === 0) {
      if (fCheck - f <= 1e-10 * (1 + Math.abs(f))) break;
      fCheck = f;
    }
    obj.f(theta);
    obj.gradient(g);
    const D = Float64Array.from(obj.hessianFisher());
    maxGrad = obj.scaledMax(g);
    if (maxGrad < gradTol) {
      converged = true;
      break;
    }
    finiteDifferenceHessian(obj, theta, g, D, H);
    let accepted = false;
    for (let tries = 0; tries < 60 && !accepted; tries++) {
      for (let k = 0; k < q * q; k++) A[k] = H[k];
      for (let k = 0; k < q; k++) {
        A[k * q + k] += mu * D[k * q + k];
        rhs[k] = -g[k];
      }
      const d = solveSPDFlat(A, q, rhs);
      if (!d || d.some((x) => !Number.isFinite(x))) {
        mu = Math.max(mu * 10, 1e-8);
        continue;
      }
      for (let k = 0; k < q; k++) trial[k] = theta[k] + d[k];
      const fNew = obj.f(trial);
      let pred = 0;
      for (let i = 0; i < q; i++) {
        let hd = 0;
        for (let j = 0; j < q; j++) hd += H[i * q + j] * d[j];
        pred -= g[i] * d[i] + 0.5 * d[i] * hd;
      }
      const rho = (f - fNew) / pred;
      if (fNew < f && rho > 1e-4) {
        accepted = true;
        const df = f - fNew;
        theta.set(trial);
        f = fNew;
        if (rho > 0.75) mu = Math.max(mu / 4, 1e-14);
        else if (rho < 0.25) mu *= 2;
        if (df <= 1e-15 * (1 + Math.abs(f)) && maxRelStep(d, theta) < 1e-12) {
          obj.f(theta);
          obj.gradient(g);
          maxGrad = obj.scaledMax(g);
          return { theta, f, iterations: it + 1, converged: maxGrad < ROUNDING_TOL, maxGrad };
        }
      } else mu = Math.max(mu * 4, 1e-8);
    }
    if (!accepted) {
      // No step decreases F: at the numerical minimum if the gradient is at rounding level.
      obj.f(theta);
      obj.gradient(g);
      maxGrad = obj.scaledMax(g);
      converged = maxGrad < ROUNDING_TOL;
      it++;
      break;
    }
  }
  return { theta, f, iterations: it, converged, maxGrad };
}

/**
 * Hessian of F by forward differences of the analytic gradient (one gradient per parameter,
 * symmetrised); a backward difference where the forward point leaves the admissible region, and
 * the Fisher row where neither can be evaluated.
 */
function finiteDifferenceHessian(obj: Objective, theta: Float64Array, g: Float64Array, fisher: Float64Array, H: Float64Array): void {
  const q = obj.q;
  const t = Float64Array.from(theta);
  const g2 = new Float64Array(q);
  for (let k = 0; k < q; k++) {
    const scale = 1 / Math.sqrt(fisher[k * q + k] > 0 ? fisher[k * q + k] : 1);
    const h = 1e-6 * Math.max(Math.abs(theta[k]), scale, 1e-8);
    let ok = false;
    for (const sign of [1, -1]) {
      t[k] = theta[k] + sign * h;
      if (Number.isFinite(obj.f(t))) {
        obj.gradient(g2);
        for (let i = 0; i < q; i++) H[i * q + k] = (sign * (g2[i] - g[i])) / h;
        ok = true;
        break;
      }
    }
    if (!ok) for (let i = 0; i < q; i++) H[i * q + k] = fisher[i * q + k];
    t[k] = theta[k];
  }
  for (let i = 0; i < q; i++)
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (H[i * q + j] + H[j * q + i]);
      H[i * q + j] = H[j * q + i] = v;
    }
  obj.f(theta);
}

/**
 * Covariance matrix of the estimates, (n·I)⁻¹, from the expected information per observation.
 * Identification is judged on the information scaled to unit diagonal (D^{-1/2} I D^{-1/2}), which
 * does not depend on the variables' units; a singular scaled information throws naming the
 * parameters involved (the eigenvector of its smallest eigenvalue).
 */
export function vcovFromInformation(info: Float64Array, q: number, n: number, paramNames: string[]): Float64Array {
  const d = new Float64Array(q);
  for (let k = 0; k < q; k++) {
    const v = info[k * q + k];
    if (!(v > 0) || !Number.isFinite(v)) throw notIdentified([paramNames[k]], "it has no effect on the model-implied moments");
    d[k] = 1 / Math.sqrt(v);
  }
  const R = new Float64Array(q * q);
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) R[i * q + j] = info[i * q + j] * d[i] * d[j];
  // Fast path: Cholesky with a pivot check; the eigen-analysis only runs to explain a failure.
  const L = Float64Array.from(R);
  let Rinv: Float64Array | null = null;
  if (!Number.isNaN(choleskyLogDet(L, q))) {
    let minPivot = Infinity;
    for (let k = 0; k < q; k++) minPivot = Math.min(minPivot, L[k * q + k] * L[k * q + k]);
    if (minPivot > 1e-11) {
      Rinv = new Float64Array(q * q);
      inverseFromCholesky(L, q, Rinv, new Float64Array(q * q));
    }
  }
  if (!Rinv) {
    // Eigenvectors as rows (vectors[k * q + i] is element i of eigenvector k), values descending.
    const { values, vectors } = eigenSymmetric(R, q, true) as { values: Float64Array; vectors: Float64Array };
    const minK = q - 1;
    if (!(values[minK] > 1e-10)) {
      const involved: string[] = [];
      let big = 0;
      for (let k = 0; k < q; k++) big = Math.max(big, Math.abs(vectors[minK * q + k]));
      for (let k = 0; k < q; k++) if (Math.abs(vectors[minK * q + k]) > 0.2 * big) involved.push(paramNames[k]);
      throw notIdentified(involved, "these parameters cannot be separated");
    }
    Rinv = new Float64Array(q * q);
    for (let i = 0; i < q; i++)
      for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let k = 0; k < q; k++) s += (vectors[k * q + i] * vectors[k * q + j]) / values[k];
        Rinv[i * q + j] = Rinv[j * q + i] = s;
      }
  }
  const V = new Float64Array(q * q);
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) V[i * q + j] = (Rinv[i * q + j] * d[i] * d[j]) / n;
  return V;
}

function notIdentified(params: string[], why: string): PathlabError {
  return new PathlabError(`The model is not identified: the information matrix is singular at the solution; ${why}: ${params.join(", ")}.`, {
    hint: "Fix a loading or a variance to set each factor's scale (the first loading at 1, or stdLv: true), add indicators, or constrain parameters.",
    code: "sem.not-identified",
  });
}
