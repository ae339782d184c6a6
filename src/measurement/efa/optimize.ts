/**
 * Minimisation of a smooth function of a few hundred variables inside a box lo ≤ x ≤ hi: the
 * problem psych hands to `optim(method = "L-BFGS-B")` when it estimates uniquenesses (lower bound
 * 0.005, as psych). Projected quasi-Newton (Bertsekas, 1982, "Projected Newton methods for
 * optimization problems with simple constraints", SIAM J. Control Optim. 20): variables at a bound
 * whose gradient points outward are held fixed, a BFGS inverse-Hessian step is taken in the others,
 * projected back into the box, with Armijo backtracking. Stops when the projected gradient's largest
 * entry is below `gtol` — tighter than R's default L-BFGS-B stop, so that the answer is the optimum
 * itself and not one of the many points L-BFGS-B could stop at.
 */

export interface BoxResult {
  x: Float64Array;
  f: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** Largest |projected gradient| at the end. */
  gradient: number;
}

export type ValueAndGradient = (x: Float64Array) => { f: number; g: Float64Array };

/** Projected gradient: zero where the variable sits at a bound and the gradient pushes outward. */
function projectedGradient(x: Float64Array, g: Float64Array, lo: number, hi: number): Float64Array {
  const pg = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    if ((x[i] <= lo && g[i] > 0) || (x[i] >= hi && g[i] < 0)) pg[i] = 0;
    else pg[i] = g[i];
  }
  return pg;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}

/**
 * Minimises `fg` over the box [lo, hi]ⁿ from `x0` (see the module comment). `gtol` bounds the
 * projected gradient at convergence; `maxIter` the number of quasi-Newton steps. When no step along
 * the quasi-Newton direction nor along −g lowers f (rounding level reached), the run stops and counts
 * as converged if the projected gradient is at most `ftol` (default 1e-6).
 */
export function boxMinimize(
  fg: ValueAndGradient,
  x0: ArrayLike<number>,
  lo: number,
  hi: number,
  opts: { gtol?: number; maxIter?: number; ftol?: number } = {},
): BoxResult {
  const n = x0.length;
  const gtol = opts.gtol ?? 1e-8;
  const maxIter = opts.maxIter ?? 1000;
  const clamp = (v: number) => (v < lo ? lo : v > hi ? hi : v);
  let x = Float64Array.from(x0, clamp);
  let { f, g } = fg(x);
  let evaluations = 1;
  // inverse Hessian approximation (dense n×n, n is the number of variables: small)
  const H = new Float64Array(n * n);
  const resetH = (scale: number) => {
    H.fill(0);
    for (let i = 0; i < n; i++) H[i * n + i] = scale;
  };
  resetH(1);
  let free = new Uint8Array(n);
  let iter = 0;
  let retried = false;
  let pg = projectedGradient(x, g, lo, hi);
  let converged = maxAbs(pg) <= gtol;
  while (!converged && iter < maxIter) {
    iter++;
    const nowFree = new Uint8Array(n);
    for (let i = 0; i < n; i++) nowFree[i] = pg[i] !== 0 || (x[i] > lo && x[i] < hi) ? 1 : 0;
    let changed = false;
    for (let i = 0; i < n; i++) if (nowFree[i] !== free[i]) changed = true;
    if (changed && iter > 1) resetH(Math.max(1e-8, H[0] > 0 ? traceScale(H, n) : 1));
    free = nowFree;
    const d = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (!free[i]) continue;
      let s = 0;
      for (let j = 0; j < n; j++) if (free[j]) s -= H[i * n + j] * g[j];
      d[i] = s;
    }
    let slope = 0;
    for (let i = 0; i < n; i++) slope += d[i] * g[i];
    if (!(slope < 0)) {
      resetH(1);
      for (let i = 0; i < n; i++) d[i] = free[i] ? -g[i] : 0;
    }
    let alpha = 1;
    let xn = x;
    let fn = f;
    let gn = g;
    let accepted = false;
    for (let ls = 0; ls < 30; ls++) {
      xn = new Float64Array(n);
      let dec = 0;
      for (let i = 0; i < n; i++) {
        xn[i] = clamp(x[i] + alpha * d[i]);
        dec += g[i] * (xn[i] - x[i]);
      }
      const r = fg(xn);
      evaluations++;
      fn = r.f;
      gn = r.g;
      if (Number.isFinite(fn) && fn <= f + 1e-4 * dec) {
        accepted = true;
        break;
      }
      alpha *= 0.5;
    }
    if (!accepted) {
      // a quasi-Newton direction that fails may be a stale Hessian: retry once along −g
      if (!retried) {
        retried = true;
        resetH(1 / Math.max(1, maxAbs(g)));
        iter--;
        continue;
      }
      // no decrease along −g either: f is flat to rounding error here, an optimum when the gradient is tiny
      converged = maxAbs(pg) <= Math.max(gtol, opts.ftol ?? 1e-6);
      break;
    }
    retried = false;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = xn[i] - x[i];
      y[i] = gn[i] - g[i];
      sy += s[i] * y[i];
      yy += y[i] * y[i];
    }
    const fPrev = f;
    x = xn;
    f = fn;
    g = gn;
    pg = projectedGradient(x, g, lo, hi);
    if (maxAbs(pg) <= gtol) {
      converged = true;
      break;
    }
    if (sy > 1e-14 * Math.sqrt(yy) * Math.sqrt(dot(s, s))) {
      if (iter === 1) resetH(sy / yy);
      bfgsUpdate(H, s, y, sy, n);
    }
    // no progress at rounding level: stop, an optimum when the gradient is tiny
    if (fPrev - f <= 1e-15 * Math.max(1, Math.abs(f)) && maxAbs(s) <= 1e-12 * Math.max(1, maxAbs(x))) {
      converged = maxAbs(pg) <= Math.max(gtol, opts.ftol ?? 1e-6);
      break;
    }
  }
  return { x, f, iterations: iter, evaluations, converged, gradient: maxAbs(pg) };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function traceScale(H: Float64Array, n: number): number {
  let t = 0;
  for (let i = 0; i < n; i++) t += H[i * n + i];
  return t / n;
}

/** BFGS update of the inverse Hessian: H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1/(sᵀy). */
function bfgsUpdate(H: Float64Array, s: Float64Array, y: Float64Array, sy: number, n: number): void {
  const rho = 1 / sy;
  const Hy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let j = 0; j < n; j++) t += H[i * n + j] * y[j];
    Hy[i] = t;
  }
  const yHy = dot(y, Hy);
  const c = (1 + rho * yHy) * rho;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) H[i * n + j] += c * s[i] * s[j] - rho * (Hy[i] * s[j] + s[i] * Hy[j]);
}
