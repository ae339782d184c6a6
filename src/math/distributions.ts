/**
 * Normal, Student t, F and χ² distributions: CDFs (both tails computed directly, so a p value of
 * 1e-12 or 1e-200 is returned as such, never as 0 or 1 − 1), densities and quantiles, matching R's
 * pnorm/pt/pf/pchisq and qnorm/qt/qf/qchisq to about 1e-12 relative.
 *
 * The CDFs reduce to the regularised incomplete gamma and beta functions in `special.ts`
 * (Abramowitz & Stegun 26.2.30, 26.7.1, 26.6.2, 26.4.19); the quantiles invert them by safeguarded
 * Newton iterations on the log of the smaller tail.
 */
import { PathlabError } from "../errors";
import { incBeta, incGamma, lbeta, lgamma } from "./special";

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

function checkDf(df: number, what: string): void {
  if (!(df > 0)) throw new PathlabError(`${what} must be positive, got ${df}.`, { code: "math.bad-df" });
}

function checkP(p: number): void {
  if (!(p >= 0 && p <= 1)) throw new PathlabError(`Probability must lie in [0, 1], got ${p}.`, { code: "math.bad-probability" });
}

// ---------------------------------------------------------------------------------------------
// Normal

/**
 * Standard normal CDF Φ(x) (lowerTail) or 1 − Φ(x): Φ(−|x|) = ½ Q(½, x²/2) (A&S 26.2.30 via the
 * incomplete gamma function), so both tails are exact down to about 1e-300.
 */
export function pnorm(x: number, lowerTail = true): number {
  if (Number.isNaN(x)) return NaN;
  const small = 0.5 * incGamma(0.5, 0.5 * x * x, false); // P(Z > |x|)
  const wantSmall = lowerTail ? x < 0 : x > 0;
  return wantSmall ? small : 1 - small;
}

/** Standard normal density φ(x) = exp(−x²/2)/√(2π). */
export function dnorm(x: number): number {
  return Math.exp(-0.5 * x * x - LOG_SQRT_2PI);
}

/**
 * Standard normal quantile Φ⁻¹(p): Acklam's rational approximation as the start value, then
 * Newton steps on the exact tail probability to full precision.
 */
export function qnorm(p: number, lowerTail = true): number {
  checkP(p);
  if (p === 0.5) return 0;
  // Work with the smaller tail q < ½ and the sign of the answer.
  const lowerSide = lowerTail ? p < 0.5 : p > 0.5;
  const q = p < 0.5 ? p : 1 - p;
  const sign = lowerSide ? -1 : 1;
  if (q === 0) return sign * Infinity;
  // z > 0 with P(Z > z) = q
  let z = acklamUpper(q);
  for (let i = 0; i < 50; i++) {
    const tail = pnorm(-z);
    const d = dnorm(z);
    if (d === 0) break;
    // Newton on log P(Z > z) − log q: step = (log tail − log q) · tail / φ(z)
    const step = ((Math.log(tail) - Math.log(q)) * tail) / d;
    z += step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(z))) break;
  }
  return sign * z;
}

/** Start value for the upper normal quantile (Acklam 2003, relative error ≈ 1e-9). */
function acklamUpper(q: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  if (q < 0.02425) {
    const t = Math.sqrt(-2 * Math.log(q));
    return -(((((c[0] * t + c[1]) * t + c[2]) * t + c[3]) * t + c[4]) * t + c[5]) / ((((d[0] * t + d[1]) * t + d[2]) * t + d[3]) * t + 1);
  }
  const u = q - 0.5;
  const r = u * u;
  return -((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * u) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** Two-sided p value of a z statistic, 2·P(Z > |z|), computed from the upper tail. */
export function twoSidedP_z(z: number): number {
  return Math.min(1, 2 * pnorm(-Math.abs(z)));
}

// ---------------------------------------------------------------------------------------------
// Student t

/**
 * Student t CDF with df degrees of freedom: P(T > |t|) = ½ I_{df/(df+t²)}(df/2, ½) (A&S 26.7.1),
 * the other tail its complement. df = Infinity gives the normal.
 */
export function pt(t: number, df: number, lowerTail = true): number {
  if (Number.isNaN(t) || Number.isNaN(df)) return NaN;
  checkDf(df, "Degrees of freedom");
  if (df === Infinity) return pnorm(t, lowerTail);
  if (t === 0) return 0.5;
  const t2 = t * t;
  let small: number;
  if (!Number.isFinite(t2)) small = 0;
  else {
    const x = df / (df + t2);
    const y = t2 / (df + t2);
    small = 0.5 * incBeta(x, df / 2, 0.5, true, y); // P(T > |t|)
  }
  const wantSmall = lowerTail ? t < 0 : t > 0;
  return wantSmall ? small : 1 - small;
}

/** Student t density. */
export function dt(t: number, df: number): number {
  if (df === Infinity) return dnorm(t);
  return Math.exp(-((df + 1) / 2) * Math.log1p((t * t) / df) - 0.5 * Math.log(df) - lbeta(0.5, df / 2));
}

/** Two-sided p value of a t statistic, 2·P(T > |t|), computed from the upper tail. */
export function twoSidedP_t(t: number, df: number): number {
  if (Number.isNaN(t)) return NaN;
  if (df === Infinity) return twoSidedP_z(t);
  return Math.min(1, 2 * pt(-Math.abs(t), df));
}

/** Student t quantile: the t with P(T ≤ t) = p (or P(T > t) = p when lowerTail is false). */
export function qt(p: number, df: number, lowerTail = true): number {
  checkP(p);
  checkDf(df, "Degrees of freedom");
  if (df === Infinity) return qnorm(p, lowerTail);
  const lower = lowerTail ? p : 1 - p;
  if (lower === 0.5 && (lowerTail || p === 0.5)) return 0;
  // Solve for the positive quantile of the smaller tail, then attach the sign.
  let q: number;
  let sign: number;
  if (lowerTail ? p < 0.5 : p > 0.5) {
    q = lowerTail ? p : 1 - p;
    sign = -1;
  } else {
    q = lowerTail ? 1 - p : p;
    sign = 1;
  }
  if (q === 0) return sign * Infinity;
  // Cauchy: the upper-tail quantile is cot(π q) in closed form, exact out to q = 1e-300 (R: −3.18e299)
  if (df === 1) return sign / Math.tan(Math.PI * q);
  let x0: number;
  if (df === 2) x0 = (1 - 2 * q) / Math.sqrt(2 * q * (1 - q));
  else {
    const z = qnorm(q, false);
    x0 = z + (z * z * z + z) / (4 * df);
  }
  const x = solveUpper(
    (v) => pt(v, df, false),
    (v) => dt(v, df),
    q,
    Math.max(x0, 1e-8),
    0,
  );
  return sign * x;
}

// ---------------------------------------------------------------------------------------------
// χ²

/** χ² CDF: P(X ≤ x) = P(df/2, x/2), the regularised incomplete gamma function (A&S 26.4.19). */
export function pchisq(x: number, df: number, lowerTail = true): number {
  if (Number.isNaN(x) || Number.isNaN(df)) return NaN;
  checkDf(df, "Degrees of freedom");
  if (x <= 0) return lowerTail ? 0 : 1;
  return incGamma(df / 2, x / 2, lowerTail);
}

/** χ² density. */
export function dchisq(x: number, df: number): number {
  if (x < 0) return 0;
  if (x === 0) return df === 2 ? 0.5 : df < 2 ? Infinity : 0;
  const k = df / 2;
  return Math.exp((k - 1) * Math.log(x) - x / 2 - k * Math.LN2 - lgamma(k));
}

/** χ² quantile: the x with P(X ≤ x) = p (or P(X > x) = p when lowerTail is false). */
export function qchisq(p: number, df: number, lowerTail = true): number {
  checkP(p);
  checkDf(df, "Degrees of freedom");
  const lower = lowerTail ? p : 1 - p;
  const upper = lowerTail ? 1 - p : p;
  if (lower === 0 && (lowerTail ? p === 0 : p === 1)) return 0;
  if (upper === 0 && (lowerTail ? p === 1 : p === 0)) return Infinity;
  // Wilson–Hilferty start value, with the small-x series form when it is not positive.
  const z = qnorm(upper, false);
  const c = 2 / (9 * df);
  let x0 = df * Math.pow(Math.max(1 - c + z * Math.sqrt(c), 0), 3);
  if (!(x0 > 1e-8 * df) || lower < 1e-3) {
    const k = df / 2;
    const series = Math.exp((Math.log(lower) + lgamma(k + 1) + k * Math.LN2) / k);
    if (series > 0 && Number.isFinite(series) && (!(x0 > 0) || series < x0)) x0 = series;
  }
  if (lower <= upper)
    return solveLower(
      (v) => pchisq(v, df, true),
      (v) => dchisq(v, df),
      lower,
      x0,
      0,
    );
  return solveUpper(
    (v) => pchisq(v, df, false),
    (v) => dchisq(v, df),
    upper,
    x0,
    0,
  );
}

// ---------------------------------------------------------------------------------------------
// F

/** F CDF: P(F ≤ f) = I_{d1 f/(d1 f + d2)}(d1/2, d2/2) (A&S 26.6.2); the upper tail directly. */
export function pf(f: number, df1: number, df2: number, lowerTail = true): number {
  if (Number.isNaN(f) || Number.isNaN(df1) || Number.isNaN(df2)) return NaN;
  checkDf(df1, "Numerator degrees of freedom");
  checkDf(df2, "Denominator degrees of freedom");
  if (f <= 0) return lowerTail ? 0 : 1;
  if (f === Infinity) return lowerTail ? 1 : 0;
  if (df2 === Infinity) return pchisq(f * df1, df1, lowerTail);
  const s = df1 * f + df2;
  return incBeta((df1 * f) / s, df1 / 2, df2 / 2, lowerTail, df2 / s);
}

/** F density (R's df; renamed so it cannot shadow the usual data-frame variable name). */
export function dfisher(f: number, df1: number, df2: number): number {
  if (f < 0) return 0;
  if (f === 0) return df1 === 2 ? 1 : df1 < 2 ? Infinity : 0;
  const a = df1 / 2;
  const b = df2 / 2;
  return Math.exp(a * Math.log(df1 / df2) + (a - 1) * Math.log(f) - (a + b) * Math.log1p((df1 * f) / df2) - lbeta(a, b));
}

/** F quantile: the f with P(F ≤ f) = p (or P(F > f) = p when lowerTail is false). */
export function qf(p: number, df1: number, df2: number, lowerTail = true): number {
  checkP(p);
  checkDf(df1, "Numerator degrees of freedom");
  checkDf(df2, "Denominator degrees of freedom");
  const lower = lowerTail ? p : 1 - p;
  const upper = lowerTail ? 1 - p : p;
  if (lowerTail ? p === 0 : p === 1) return 0;
  if (lowerTail ? p === 1 : p === 0) return Infinity;
  if (df2 === Infinity) return qchisq(p, df1, lowerTail) / df1;
  // Start from the χ² approximation df1·F ≈ χ²(df1).
  let x0 = qchisq(p, df1, lowerTail) / df1;
  if (!(x0 > 0) || !Number.isFinite(x0)) x0 = 1;
  if (lower <= upper)
    return solveLower(
      (v) => pf(v, df1, df2, true),
      (v) => dfisher(v, df1, df2),
      lower,
      x0,
      0,
    );
  return solveUpper(
    (v) => pf(v, df1, df2, false),
    (v) => dfisher(v, df1, df2),
    upper,
    x0,
    0,
  );
}

// ---------------------------------------------------------------------------------------------
// Root finding

/**
 * Solves tail(x) = target for a decreasing upper-tail function on (lower, ∞): Newton steps on
 * log tail (which is nearly linear far in the tail), kept inside a bracket that is bisected
 * whenever a step leaves it.
 */
function solveUpper(tail: (x: number) => number, dens: (x: number) => number, target: number, x0: number, lower: number): number {
  return solve(tail, dens, target, x0, lower, true);
}

function solveLower(tail: (x: number) => number, dens: (x: number) => number, target: number, x0: number, lower: number): number {
  return solve(tail, dens, target, x0, lower, false);
}

function solve(tail: (x: number) => number, dens: (x: number) => number, target: number, x0: number, lowerBound: number, isUpper: boolean): number {
  const logTarget = Math.log(target);
  // f(x) = log tail(x) − log target; increasing in x for lower tails, decreasing for upper tails.
  const dir = isUpper ? -1 : 1;
  let lo = lowerBound;
  let hi = Infinity;
  let x = x0 > lowerBound ? x0 : lowerBound + 1;
  for (let iter = 0; iter < 400; iter++) {
    const t = tail(x);
    const f = Math.log(t) - logTarget;
    if (f === 0) return x;
    // Position relative to the root: dir·f > 0 means x is to the right of the root.
    if (dir * f > 0) hi = x;
    else lo = x;
    const d = dens(x);
    let next: number;
    // d/dx log tail = ±dens/tail
    const slope = (dir * d) / t;
    if (t > 0 && d > 0 && Number.isFinite(slope) && slope !== 0) next = x - f / slope;
    else next = NaN;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) {
      if (hi === Infinity) next = x === 0 ? 1 : Math.abs(x) * 2 + 1;
      else if (lo > 0 && hi / lo > 4) next = Math.sqrt(lo * hi);
      else next = 0.5 * (lo + hi);
    }
    if (Math.abs(next - x) <= 1e-15 * Math.abs(x) || next === x) return next;
    if (hi !== Infinity && hi - lo <= 2e-16 * Math.abs(hi)) return 0.5 * (lo + hi);
    x = next;
  }
  return x;
}
