/**
 * Special functions behind the distribution functions: log-gamma, log-beta, the regularised
 * incomplete gamma and beta functions, and the saddle-point densities they are scaled by.
 *
 * Both tails of each incomplete function are available directly, so a tail probability of 1e-30
 * is computed as such rather than as 1 − (1 − 1e-30). The density prefactors use Loader's
 * saddle-point form (C. Loader, 2000, "Fast and accurate computation of binomial probabilities"),
 * which keeps full relative precision when the shape parameters are large.
 */

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITER = 100000;

/** Stirling-series remainder lnΓ(z) − [(z − ½)ln z − z + ½ln 2π], for z ≥ 15 (Bernoulli terms to B14). */
function stirlingRemainder(z: number): number {
  const z2 = 1 / (z * z);
  return (1 / 12 + z2 * (-1 / 360 + z2 * (1 / 1260 + z2 * (-1 / 1680 + z2 * (1 / 1188 + z2 * (-691 / 360360 + z2 * (1 / 156))))))) / z;
}

/**
 * ln Γ(x) for x > 0: Stirling's series for x ≥ 15, shifted up by the recurrence Γ(x+1) = xΓ(x)
 * below that. Absolute error below 1e-14 everywhere.
 */
export function lgamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Infinity : NaN;
  if (x === Infinity) return Infinity;
  let z = x;
  let prod = 1;
  while (z < 15) {
    prod *= z;
    z += 1;
  }
  return (z - 0.5) * Math.log(z) - z + HALF_LOG_2PI + stirlingRemainder(z) - Math.log(prod);
}

/** Γ(x) as a number (overflows to Infinity above ~171). */
export function gammaFn(x: number): number {
  return Math.exp(lgamma(x));
}

/**
 * stirlerr(n) = ln Γ(n+1) − (n + ½)ln n + n − ½ln 2π: the error of Stirling's formula for n!
 * (Loader 2000), computed without cancellation for n ≥ 15.
 */
export function stirlerr(n: number): number {
  if (n >= 15) return stirlingRemainder(n);
  return lgamma(n + 1) - (n + 0.5) * Math.log(n) + n - HALF_LOG_2PI;
}

/**
 * bd0(x, m) = x ln(x/m) + m − x, the "deviance" term of Loader (2000), evaluated by a series in
 * v = (x − m)/(x + m) when x and m are close so that it keeps relative precision.
 */
export function bd0(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    const v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    const v2 = v * v;
    for (let j = 1; j < 1000; j++) {
      ej *= v2;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/** λ^x e^{−λ} / Γ(x+1) for real x ≥ 0 (the Poisson density extended to real x). */
export function dpoisRaw(x: number, lambda: number): number {
  if (lambda === 0) return x === 0 ? 1 : 0;
  if (x === 0) return Math.exp(-lambda);
  if (x < 1) return Math.exp(x * Math.log(lambda) - lambda - lgamma(x + 1));
  return Math.exp(-stirlerr(x) - bd0(x, lambda)) / Math.sqrt(2 * Math.PI * x);
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a+b), with the large-argument parts combined analytically
 * so that nothing cancels when a or b is large.
 */
export function lbeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= 15) {
    // Both large: Stirling for all three, the logs combined by hand.
    const corr = stirlingRemainder(p) + stirlingRemainder(q) - stirlingRemainder(p + q);
    return -0.5 * Math.log(q) + HALF_LOG_2PI + corr + (p - 0.5) * Math.log(p / (p + q)) + q * Math.log1p(-p / (p + q));
  }
  if (q >= 15) {
    // Only q large: lnΓ(q) − lnΓ(p+q) by Stirling.
    const corr = stirlingRemainder(q) - stirlingRemainder(p + q);
    return lgamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return lgamma(p) + lgamma(q) - lgamma(p + q);
}

/**
 * Regularised incomplete gamma function: P(a, x) = γ(a, x)/Γ(a) (lowerTail) or Q(a, x) = 1 − P
 * (upper tail), each computed directly: the power series for P when x < a + 1, Legendre's
 * continued fraction (modified Lentz) for Q otherwise. The other tail is 1 minus a value that is
 * then never close to 1, so both tails keep relative precision.
 */
export function incGamma(a: number, x: number, lowerTail = true): number {
  if (Number.isNaN(a) || Number.isNaN(x) || !(a > 0)) return NaN;
  if (x <= 0) return lowerTail ? 0 : 1;
  if (x === Infinity) return lowerTail ? 1 : 0;
  if (x < a + 1) {
    let term = 1;
    let sum = 1;
    for (let n = 1; n < MAX_ITER; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * EPS) break;
    }
    const lower = dpoisRaw(a, x) * sum;
    return lowerTail ? lower : 1 - lower;
  }
  // Continued fraction for Q(a, x) (Numerical Recipes §6.2 form, evaluated by modified Lentz).
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  // e^{-x} x^a / Γ(a) = a · dpoisRaw(a, x)
  const upper = a * dpoisRaw(a, x) * h;
  return lowerTail ? 1 - upper : upper;
}

/**
 * x^a y^b Γ(a+b+1)/(Γ(a+1)Γ(b+1)) with y = 1 − x, in Loader's saddle-point form (the binomial
 * density with real "counts"); exact to rounding for large a and b.
 */
function dbinomRaw(a: number, b: number, x: number, y: number): number {
  const n = a + b;
  if (a < 1 || b < 1) {
    // A small shape (e.g. b = ½ for Student's t): the log form with a cancellation-free ln B.
    const lx = x < 0.5 ? Math.log(x) : Math.log1p(-y);
    const ly = y < 0.5 ? Math.log(y) : Math.log1p(-x);
    return Math.exp(a * lx + b * ly - lbeta(a, b)) * (n / (a * b));
  }
  const lc = stirlerr(n) - stirlerr(a) - stirlerr(b) - bd0(a, n * x) - bd0(b, n * y);
  return Math.exp(lc) * Math.sqrt(n / (2 * Math.PI * a * b));
}

/** Continued fraction for I_x(a, b) (Numerical Recipes §6.4), by modified Lentz. */
function betacf(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/**
 * Regularised incomplete beta function I_x(a, b) (lowerTail) or 1 − I_x(a, b) = I_y(b, a) (upper
 * tail), with y = 1 − x passed separately when the caller knows it more precisely than 1 − x.
 * The continued fraction is evaluated on whichever side converges (x < (a+1)/(a+b+2)), which is
 * also the side where the value is below about ½, so the complement never loses precision.
 */
export function incBeta(x: number, a: number, b: number, lowerTail = true, y = 1 - x): number {
  if (Number.isNaN(x) || Number.isNaN(a) || Number.isNaN(b) || !(a > 0) || !(b > 0)) return NaN;
  if (x <= 0) return lowerTail ? 0 : 1;
  if (y <= 0) return lowerTail ? 1 : 0;
  if (x < (a + 1) / (a + b + 2)) {
    // I_x(a,b) = x^a y^b / (a B(a,b)) · cf = dbinomRaw · b/(a+b) · cf
    const v = dbinomRaw(a, b, x, y) * (b / (a + b)) * betacf(a, b, x);
    return lowerTail ? v : 1 - v;
  }
  const v = dbinomRaw(b, a, y, x) * (a / (a + b)) * betacf(b, a, y);
  return lowerTail ? 1 - v : v;
}
