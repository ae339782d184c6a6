/**
 * The noncentral χ² distribution, needed for the RMSEA confidence interval and p-close
 * (Browne & Cudeck 1993; MacCallum, Browne & Sugawara 1996).
 *
 * CDF as the Poisson mixture of central χ² CDFs (Johnson, Kotz & Balakrishnan 1995, eq. 29.2):
 *   P(X ≤ x; k, λ) = Σ_i e^{−λ/2} (λ/2)^i / i! · P(χ²_{k+2i} ≤ x).
 * The requested tail is summed directly (all terms positive, so an upper tail of 1e-30 keeps its
 * relative precision), starting at the mode of the Poisson weights and walking outwards in both
 * directions until the remaining terms cannot change the sum — the strategy of R's pnchisq.
 */
import { PathlabError } from "../errors";
import { pchisq } from "./distributions";
import { dpoisRaw, incGamma } from "./special";

const REL_TOL = 1e-17;

/**
 * Noncentral χ² CDF P(X ≤ x) with df degrees of freedom and noncentrality ncp (R's
 * `pchisq(x, df, ncp)`), or the upper tail P(X > x) summed directly when lowerTail is false.
 */
export function pchisqNC(x: number, df: number, ncp: number, lowerTail = true): number {
  if (Number.isNaN(x) || Number.isNaN(df) || Number.isNaN(ncp)) return NaN;
  if (!(df >= 0) || !(ncp >= 0) || !Number.isFinite(ncp)) {
    throw new PathlabError(`Noncentral χ²: df must be ≥ 0 and ncp finite and ≥ 0 (got df = ${df}, ncp = ${ncp}).`, {
      code: "math.bad-parameter",
    });
  }
  if (x <= 0) return lowerTail ? 0 : 1;
  if (x === Infinity) return lowerTail ? 1 : 0;
  if (ncp === 0) {
    if (df === 0) return lowerTail ? 1 : 0; // point mass at 0
    return pchisq(x, df, lowerTail);
  }
  const lambda = ncp / 2;
  const y = x / 2;
  const a0 = df / 2;
  // Central tail for shape a0 + i; df = 0 gives a point mass at 0 for i = 0.
  const central = (i: number): number => {
    const a = a0 + i;
    if (a === 0) return lowerTail ? 1 : 0;
    return incGamma(a, y, lowerTail);
  };
  const mode = Math.floor(lambda);
  const wMode = dpoisRaw(mode, lambda);
  let sum = 0;
  // Upwards from the mode (including it).
  let w = wMode;
  let prevTerm = Infinity;
  for (let i = mode; i < mode + 1e7; i++) {
    if (i > mode) w *= lambda / i;
    const term = w * central(i);
    sum += term;
    if (i > mode + 1) {
      const r = term / prevTerm;
      // Terms eventually fall geometrically; bound the rest by a geometric series.
      if (r < 1 && (term * r) / (1 - r) <= REL_TOL * sum) break;
      if (w === 0) break;
    }
    prevTerm = term;
  }
  // Downwards from mode − 1.
  w = wMode;
  prevTerm = Infinity;
  for (let i = mode - 1; i >= 0; i--) {
    w *= (i + 1) / lambda;
    const term = w * central(i);
    sum += term;
    if (i < mode - 2) {
      const r = term / prevTerm;
      if (r < 1 && Math.min((term * r) / (1 - r), term * i) <= REL_TOL * sum) break;
      if (w === 0 && term === 0) break;
    }
    prevTerm = term;
  }
  return Math.min(1, sum);
}

/**
 * The noncentrality λ ≥ 0 at which P(X ≤ x; df, λ) = p, the inversion behind the RMSEA confidence
 * interval (Browne & Cudeck 1993). Returns 0 when even λ = 0 gives a probability below p (no
 * positive solution). P is decreasing in λ, so the root is bracketed by doubling and then found by
 * bisection refined with the secant method, to 1e-12 relative.
 */
export function ncpForProbability(x: number, df: number, p: number): number {
  if (!(p > 0 && p < 1)) throw new PathlabError(`Probability must lie strictly between 0 and 1, got ${p}.`, { code: "math.bad-probability" });
  if (!(x > 0)) return 0;
  const f = (ncp: number) => pchisqNC(x, df, ncp, true) - p;
  if (f(0) <= 0) return 0;
  let lo = 0;
  let flo = f(0);
  let hi = Math.max(1, x - df);
  let fhi = f(hi);
  while (fhi > 0) {
    lo = hi;
    flo = fhi;
    hi *= 2;
    fhi = f(hi);
    if (hi > 1e12) break;
  }
  // Illinois-modified regula falsi: superlinear, never leaves the bracket.
  let side = 0;
  for (let iter = 0; iter < 200; iter++) {
    const mid = (lo * fhi - hi * flo) / (fhi - flo);
    const m = Number.isFinite(mid) && mid > lo && mid < hi ? mid : 0.5 * (lo + hi);
    const fm = f(m);
    if (fm === 0) return m;
    if (fm > 0) {
      lo = m;
      flo = fm;
      if (side === 1) fhi /= 2;
      side = 1;
    } else {
      hi = m;
      fhi = fm;
      if (side === -1) flo /= 2;
      side = -1;
    }
    if (hi - lo <= 1e-12 * Math.max(1, hi)) break;
  }
  return 0.5 * (lo + hi);
}
