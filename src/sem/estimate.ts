/**
 * Maximum-likelihood estimation by Fisher scoring with a backtracking line search.
 *
 * The step solves (2·I(θ)) δ = −∇F, I the expected information per observation (so 2I is the
 * expected Hessian of the discrepancy F), then halves δ until F decreases enough (Armijo rule).
 * Fisher scoring is Gauss–Newton for the covariance structure: it converges in a handful of
 * iterations from reasonable start values, and its last information matrix gives the standard
 * errors for free.
 */
import { PathlabError } from "../errors";
import { cholInPlace, cholInverse, invertSPDFlat, solveSPD, symEigenFlat } from "./linalg";
import type { RamEngine } from "./ram";

export interface OptimResult {
  theta: Float64Array;
  /** F at the solution (lavaan's fmin × 2). */
  f: number;
  iterations: number;
  converged: boolean;
  /** Largest absolute gradient element at the end. */
  maxGrad: number;
}

export interface OptimOptions {
  maxIter?: number;
  /** Convergence when the largest |gradient| falls below this. */
  gradTol?: number;
  /** Minimum Fisher-scoring iterations before BFGS updates may take over (default 2). */
  fisherIterations?: number;
}

/** Minimises F from θ₀. Throws if F cannot be evaluated at the start values. */
export function fisherScoring(engine: RamEngine, theta0: Float64Array, opts: OptimOptions = {}): OptimResult {
  const maxIter = opts.maxIter ?? 500;
  // The analytic gradient carries rounding noise near 1e-9·(1 + F); 1e-7 is well above it and
  // leaves estimates accurate to about 1e-7 relative.
  const gradTol = opts.gradTol ?? 1e-7;
  const q = engine.q;
  const theta = Float64Array.from(theta0);
  const trial = new Float64Array(q);
  const g = new Float64Array(q);
  const info = new Float64Array(q * q);
  const hinv = new Float64Array(q * q);
  const gPrev = new Float64Array(q);
  const sv = new Float64Array(q);
  const yv = new Float64Array(q);
  const hs = new Float64Array(q);
  const fisherIters = opts.fisherIterations ?? 2;
  let haveBfgs = false;
  let fisherRestarts = 0;
  let lastStep = 0;
  let bfgsStart = 0;
  const switchGrad = 1e-2;
  const evalAt = (t: Float64Array) => {
    engine.setTheta(t);
    if (!engine.implied()) return Infinity;
    return engine.objective();
  };
  let f = evalAt(theta);
  if (!Number.isFinite(f))
    throw new PathlabError("The model-implied covariance matrix is not positive definite at the start values.", {
      hint: "Give start values for the troublesome parameters, e.g. start(1)*x2, or check that every factor has indicators.",
      code: "sem-start",
    });
  let it = 0;
  let converged = false;
  let maxGrad = Infinity;
  if (q === 0) return { theta, f, iterations: 0, converged: true, maxGrad: 0 };
  for (; it < maxIter; it++) {
    engine.gradient(g);
    maxGrad = 0;
    for (let k = 0; k < q; k++) maxGrad = Math.max(maxGrad, Math.abs(g[k]));
    if (maxGrad < gradTol) {
      converged = true;
      break;
    }
    let delta: Float64Array | null = null;
    if (haveBfgs && it - bfgsStart > 50) {
      haveBfgs = false;
      fisherRestarts = 99;
    }
    if (haveBfgs && it > bfgsStart) {
      // BFGS update of the inverse Hessian from the last step (O(q²), no solve): corrects Fisher
      // scoring's missing curvature (the residual term) for superlinear convergence.
      let sy = 0;
      for (let k = 0; k < q; k++) {
        yv[k] = g[k] - gPrev[k];
        sy += sv[k] * yv[k];
      }
      if (sy > 1e-14) {
        const rho = 1 / sy;
        let yHy = 0;
        for (let i = 0; i < q; i++) {
          let t = 0;
          for (let j = 0; j < q; j++) t += hinv[i * q + j] * yv[j];
          hs[i] = t;
          yHy += yv[i] * t;
        }
        const c = rho * rho * yHy + rho;
        for (let i = 0; i < q; i++)
          for (let j = 0; j < q; j++) hinv[i * q + j] += c * sv[i] * sv[j] - rho * (sv[i] * hs[j] + hs[i] * sv[j]);
      }
    }
    if (haveBfgs) {
      delta = new Float64Array(q);
      for (let i = 0; i < q; i++) {
        let t = 0;
        for (let j = 0; j < q; j++) t -= hinv[i * q + j] * g[j];
        delta[i] = t;
      }
    } else {
      engine.information(info);
      for (let k = 0; k < q * q; k++) info[k] *= 2;
      // Switch to quasi-Newton updates only close to the solution, after full Fisher steps.
      if (lastStep === 1 && maxGrad < switchGrad && fisherRestarts < 3 && it >= fisherIters) {
        const inv = invertSPDFlat(info, q);
        if (inv) {
          hinv.set(inv);
          haveBfgs = true;
          bfgsStart = it;
        }
      }
      const rhs = new Float64Array(q);
      for (let k = 0; k < q; k++) rhs[k] = -g[k];
      if (haveBfgs) {
        delta = new Float64Array(q);
        for (let i = 0; i < q; i++) {
          let t = 0;
          for (let j = 0; j < q; j++) t += hinv[i * q + j] * rhs[j];
          delta[i] = t;
        }
      } else delta = solveSPD(info, q, rhs);
      if (!delta) {
        // Singular expected Hessian (e.g. far from the solution or not identified): ridge it.
        let tr = 0;
        for (let k = 0; k < q; k++) tr += info[k * q + k];
        const ridge = (1e-6 * tr) / q + 1e-10;
        for (let k = 0; k < q; k++) info[k * q + k] += ridge;
        delta = solveSPD(info, q, rhs) ?? rhs;
      }
    }
    let slope = 0;
    for (let k = 0; k < q; k++) slope += g[k] * delta[k];
    if (slope >= 0) {
      // Not a descent direction: fall back to steepest descent.
      for (let k = 0; k < q; k++) delta[k] = -g[k];
      slope = 0;
      for (let k = 0; k < q; k++) slope -= g[k] * g[k];
    }
    let step = 1;
    let fNew = Infinity;
    let atRounding = false;
    for (let ls = 0; ls < 30; ls++) {
      for (let k = 0; k < q; k++) trial[k] = theta[k] + step * delta[k];
      fNew = evalAt(trial);
      if (fNew <= f + 1e-4 * step * slope) break;
      // Within rounding of the minimum: no step can decrease F measurably.
      if (maxGrad < 1e-5 && Math.abs(fNew - f) <= 1e-14 * (1 + Math.abs(f))) {
        atRounding = true;
        break;
      }
      step /= 2;
    }
    if (atRounding) {
      evalAt(theta);
      converged = true;
      it++;
      break;
    }
    lastStep = step;
    if (!(fNew <= f + 1e-4 * step * slope) && haveBfgs) {
      // The quasi-Newton model went stale: restart from the Fisher information.
      haveBfgs = false;
      fisherRestarts++;
      if (fisherRestarts < 5) continue;
    }
    if (!(fNew <= f + 1e-4 * step * slope)) {
      // No acceptable step: at the numerical minimum if the gradient is small, stuck otherwise.
      evalAt(theta);
      f = engine.objective();
      engine.gradient(g);
      maxGrad = 0;
      for (let k = 0; k < q; k++) maxGrad = Math.max(maxGrad, Math.abs(g[k]));
      converged = maxGrad < 1e-5;
      break;
    }
    for (let k = 0; k < q; k++) sv[k] = trial[k] - theta[k];
    gPrev.set(g);
    theta.set(trial);
    const df = f - fNew;
    f = fNew;
    let maxStep = 0;
    for (let k = 0; k < q; k++) maxStep = Math.max(maxStep, Math.abs(step * delta[k]) / (1 + Math.abs(theta[k])));
    if (df < 1e-15 * (1 + Math.abs(f)) && maxStep < 1e-10) {
      engine.gradient(g);
      maxGrad = 0;
      for (let k = 0; k < q; k++) maxGrad = Math.max(maxGrad, Math.abs(g[k]));
      converged = maxGrad < 1e-5;
      it++;
      break;
    }
  }
  // Leave the engine at the solution.
  evalAt(theta);
  f = engine.objective();
  return { theta, f, iterations: it, converged, maxGrad };
}

/**
 * Covariance matrix of the estimates, (n·I)⁻¹, from the expected information per observation.
 * Throws naming the parameters involved when the information matrix is singular (not identified).
 */
export function vcovFromInformation(info: Float64Array, q: number, n: number, paramNames: string[]): Float64Array {
  // Fast path: Cholesky with a pivot check; the eigen-analysis only runs to explain a failure.
  const L = Float64Array.from(info);
  let maxDiag = 0;
  for (let k = 0; k < q; k++) maxDiag = Math.max(maxDiag, info[k * q + k]);
  if (!Number.isNaN(cholInPlace(L, q))) {
    let minPivot = Infinity;
    for (let k = 0; k < q; k++) minPivot = Math.min(minPivot, L[k * q + k] * L[k * q + k]);
    if (minPivot > 1e-11 * maxDiag) {
      const V = new Float64Array(q * q);
      cholInverse(L, q, V, new Float64Array(q * q));
      for (let k = 0; k < q * q; k++) V[k] /= n;
      return V;
    }
  }
  const { values, vectors } = symEigenFlat(info, q);
  let maxEv = 0;
  for (let k = 0; k < q; k++) maxEv = Math.max(maxEv, Math.abs(values[k]));
  let minK = 0;
  for (let k = 1; k < q; k++) if (values[k] < values[minK]) minK = k;
  if (q > 0 && !(values[minK] > 1e-10 * maxEv)) {
    const involved: string[] = [];
    let big = 0;
    for (let k = 0; k < q; k++) big = Math.max(big, Math.abs(vectors[k * q + minK]));
    for (let k = 0; k < q; k++) if (Math.abs(vectors[k * q + minK]) > 0.2 * big) involved.push(paramNames[k]);
    throw new PathlabError(
      `The model is not identified: the information matrix is singular; these parameters cannot be separated: ${involved.join(", ")}.`,
      {
        hint: "Fix a loading or a variance to set each factor's scale (the first loading at 1, or std.lv), add indicators, or constrain parameters.",
        code: "sem-not-identified",
      },
    );
  }
  const V = new Float64Array(q * q);
  for (let i = 0; i < q; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < q; k++) s += (vectors[i * q + k] * vectors[j * q + k]) / values[k];
      V[i * q + j] = V[j * q + i] = s / n;
    }
  return V;
}
