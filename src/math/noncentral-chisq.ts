/**
 * The noncentral χ² distribution, needed for the RMSEA confidence interval and p-close
 * (Browne & Cudeck 1993; MacCallum, Browne & Sugawara 1996).
 *
 * CDF as the Poisson mixture of central χ² CDFs (Johnson, Kotz & Balakrishnan 1995, eq. 29.2):
 *   P(X ≤ x; k, λ) = Σ_i e^{−λ/2} (λ/2)^i / i! · P(χ²_{k+2i} ≤ x).
 * The requested tail is summed directly (all terms positive, so an upper tail of 1e-30 keeps its
 * relative precision): the central CDFs come from one incomplete-gamma evaluation and the
 * recurrence P(s + 1, y) = P(s, y) − e^{−y} y^s/Γ(s + 1), run in the direction in which it only
 * adds (downwards for the lower tail, upwards for the upper), from 10 Poisson standard deviations
 * beyond the mode until the weights cannot change the sum.
 */
import { PathlabError } from "../errors";
import { pchisq, qnorm } from "./distributions";
import { dpoisRaw, incGamma, lgamma } from "./special";

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
  const mode = Math.floor(lambda);
  // Beyond 10 Poisson standard deviations from the mode the weights are below e⁻⁵⁰ of the mode's.
  const reach = Math.ceil(10 * Math.sqrt(lambda) + 10);
  const logY = Math.log(y);
  return Math.min(1, lowerTail ? lowerSum(a0, y, logY, lambda, mode, reach) : upperSum(a0, y, logY, lambda, mode, reach));
}

/** The df + 2 companion sum of the last lowerSum call (a module slot rather than a returned pair: no allocation per evaluation). */
let lastSum2 = 0;

/**
 * Σ_i w_i P(a0 + i, y) walking down from mode + reach, where the central CDFs grow by the stable
 * recurrence P(s − 1, y) = P(s, y) + d(s − 1), d(s) = e^{−y} y^s / Γ(s + 1): one incomplete-gamma
 * evaluation and positive additions only, until the Poisson weights cannot change the sum.
 */
function lowerSum(a0: number, y: number, logY: number, lambda: number, mode: number, reach: number, logs?: Float64Array): number {
  let i = mode + reach;
  let s = a0 + i;
  let P = s === 0 ? 1 : incGamma(s, y, true);
  let w = dpoisRaw(i, lambda);
  // log d(s − 1), updated by log d(s − 2) = log d(s − 1) + log((s − 1)/y).
  let logD = s > 0 ? -y + (s - 1) * logY - lgamma(s) : 0;
  // The same sum with df + 2 (shape + 1): the neighbour of each term in the recurrence.
  let Pnext = Math.max(P - Math.exp(-y + s * logY - lgamma(s + 1)), 0);
  let sum = 0;
  let sum2 = 0;
  for (;;) {
    sum += w * P;
    sum2 += w * Pnext;
    if (i === 0 || (i < mode && w <= REL_TOL * sum)) break;
    Pnext = P;
    if (s > 0) {
      P += Math.exp(logD);
      if (s - 1 > 0) logD += (logs && i < logs.length ? logs[i] : Math.log(s - 1)) - logY;
    }
    w *= i / lambda;
    i--;
    s--;
    if (s <= 0) P = 1;
  }
  lastSum2 = sum2;
  return sum;
}

/**
 * Σ_i w_i Q(a0 + i, y) walking up from mode − reach, where the upper tails grow by the stable
 * recurrence Q(s + 1, y) = Q(s, y) + d(s), until the Poisson weights cannot change the sum.
 */
function upperSum(a0: number, y: number, logY: number, lambda: number, mode: number, reach: number): number {
  let i = Math.max(0, mode - reach);
  let s = a0 + i;
  let Q = s === 0 ? 0 : incGamma(s, y, false);
  let w = dpoisRaw(i, lambda);
  let logD = -y + s * logY - lgamma(s + 1);
  let sum = 0;
  for (;;) {
    sum += w * Q;
    if (i > mode && w <= REL_TOL * sum) break;
    if (i > mode + 1e7) break;
    Q += Math.exp(logD);
    logD += logY - Math.log(s + 1);
    i++;
    s++;
    w *= lambda / i;
  }
  return sum;
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
  // F(λ) = P(X ≤ x; df, λ) and its derivative ∂F/∂λ = (F_{df+2}(λ) − F_df(λ))/2, from one sweep.
  // ln(a0 + i − 1) for the terms of the sweeps, shared by every evaluation: the same values the
  // sweep would compute itself when a0 + i is exact (df a multiple of 1/2, as every SEM df), so the
  // result is unchanged to the bit; other df compute their logs in the sweep.
  const exact = Number.isInteger(2 * df) && df < 2 ** 40;
  const a0 = df / 2;
  const logY = Math.log(x / 2);
  let logs = new Float64Array(0);
  const logsUpTo = (top: number) => {
    if (top < logs.length) return;
    const grown = new Float64Array(Math.max(top + 1, 2 * logs.length));
    grown.set(logs);
    for (let i = logs.length; i < grown.length; i++) grown[i] = a0 + i - 1 > 0 ? Math.log(a0 + i - 1) : NaN;
    logs = grown;
  };
  let f0 = 0;
  let d0 = 0;
  // F(λ) − p and ∂F/∂λ into f0, d0.
  const eval2 = (ncp: number): void => {
    if (ncp === 0) {
      // Only the sign of F(0) − p is used (Newton starts at λ > 0), so no derivative here.
      f0 = pchisq(x, df, true) - p;
      return;
    }
    const lambda = ncp / 2;
    const mode = Math.floor(lambda);
    const reach = Math.ceil(10 * Math.sqrt(lambda) + 10);
    if (exact) logsUpTo(mode + reach);
    const F = lowerSum(a0, x / 2, logY, lambda, mode, reach, exact ? logs : undefined);
    f0 = Math.min(F, 1) - p;
    d0 = (lastSum2 - F) / 2;
  };
  eval2(0);
  if (f0 <= 0) return 0;
  // Newton from the normal approximation χ²_df(λ) ≈ N(df + λ, 2(df + 2λ)), kept inside a bracket
  // [lo, hi] of the root (F decreases in λ); a step that leaves it bisects instead.
  let lo = 0;
  let hi = Infinity;
  const z = qnorm(p);
  let lam = Math.max(x - df, 0);
  for (let k = 0; k < 30; k++) lam = Math.max(x - df - z * Math.sqrt(2 * (df + 2 * lam)), 0);
  if (!(lam > 0)) lam = Math.max(1, x - df);
  for (let iter = 0; iter < 200; iter++) {
    eval2(lam);
    if (f0 === 0) return lam;
    if (f0 > 0) lo = lam;
    else hi = lam;
    let next = lam - f0 / d0;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = Number.isFinite(hi) ? 0.5 * (lo + hi) : Math.max(2 * lam, 1);
    if (Math.abs(next - lam) <= 1e-13 * Math.max(1, lam) || (Number.isFinite(hi) && hi - lo <= 1e-13 * Math.max(1, hi))) return next;
    lam = next;
  }
  return lam;
}
