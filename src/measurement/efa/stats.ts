/**
 * Goodness of fit of a factor solution as psych::fa reports it (psych 2.2.9 `fa.stats`), for any
 * extraction method. With R the p × p correlation matrix, Λ the k-factor pattern, Φ the factor
 * correlations (I if orthogonal), model M = ΛΦΛᵀ and residuals E = R − M (off-diagonal part E°):
 *
 *   df        = p(p − 1)/2 − pk + k(k − 1)/2
 *   objective = F = tr(M*⁻¹R*) − ln|M*⁻¹R*| − p,  M* = M with unit diagonal, R* = R; both smoothed
 *               when not positive definite (psych's cor.smooth)
 *   χ²        = F · (n − 1 − (2p + 5)/6 − 2k/3)   (Bartlett's correction; n = observations)
 *   null      F0 = tr(R) − ln|R| − p on p(p − 1)/2 df, χ²_0 = F0 (n − 1 − (2p + 5)/6)
 *   TLI       = (M0 − Mm)/(M0 − 1/nm), Mm = F/df, M0 = 2F0/(p(p − 1)), nm = the χ² multiplier
 *   RMSEA     = √max(χ²/(df n) − 1/(n − 1), 0), CI by inverting the noncentral χ² at (1 ± conf)/2
 *               (ncp → √(ncp/((n − 1) df))); BIC = χ² − df ln n; SABIC = χ² − df ln((n + 2)/24)
 *   RMSR      = √(Σ E°² / (p(p − 1))), df-corrected √(Σ E°²/(2 df)); with raw data every squared
 *               residual is weighted by its pairwise count n_ij and divided by the harmonic mean
 *               count n_h: "empirical" χ² = Σ n_ij E°²_ij, eBIC = χ²_e − df ln n_h
 *   fit       = 1 − ΣE²/ΣR²; fit.off the same off the diagonal
 *   complexity (Hofmann 1978) of item i = (Σ_j λ_ij²)² / Σ_j λ_ij⁴
 *   factor-score adequacy (regression scores): W = R*⁻¹ΛΦ, R²_j = (WᵀΛΦ)_jj; psych prints √R²
 *   (correlation of scores with factors), R² and 2R² − 1 (minimum correlation of possible scores).
 */
import {
  covToCor,
  eigenvalues,
  invertSPD,
  logDet,
  logDetSPD,
  mul,
  mult,
  pchisq,
  pchisqNC,
  qnorm,
  rmsea,
  solve,
  symEigen,
  tmul,
  trace,
  type Mat,
} from "../../math";

export interface FaFit {
  dof: number;
  objective: number;
  chisq: number;
  pValue: number;
  nullDof: number;
  nullObjective: number;
  nullChisq: number;
  TLI: number;
  RMSEA: number;
  rmseaLower: number;
  rmseaUpper: number;
  /** Confidence level of the RMSEA interval (psych: 0.9). */
  rmseaConfidence: number;
  BIC: number;
  SABIC: number;
  /** Root mean square of the off-diagonal residuals (psych's rms, "RMSR"). */
  rms: number;
  /** df-corrected RMSR (psych's crms). */
  crms: number;
  /** Empirical χ² (Σ n_ij r_ij² over off-diagonal residuals) and its p, BIC. */
  eChisq: number;
  ePValue: number;
  eBIC: number;
  /** Harmonic mean of the pairwise counts (or n). */
  nh: number;
  fit: number;
  fitOff: number;
  complexity: number[];
  /** Regression factor-score weights W = R⁻¹ΛΦ (p × k). */
  weights: Mat;
  /** R² of each factor from its regression score, and correlations among the scores. */
  scoreR2: number[];
  scoreCorrelations: Mat;
  /** True when R (or the model) had to be smoothed to be positive definite. */
  smoothed: boolean;
}

/** psych's cor.smooth: if not positive definite, floor eigenvalues at 1e-10, rescale to trace p, back to a correlation matrix. */
export function corSmooth(R: Mat): { R: Mat; smoothed: boolean } {
  const p = R.length;
  if (Math.min(...eigenvalues(R)) >= Number.EPSILON) return { R, smoothed: false };
  const e = symEigen(R);
  const vals = e.values.map((v) => (v < 1e-12 ? 100 * 1e-12 : v));
  const tot = vals.reduce((a, b) => a + b, 0);
  const scaled = vals.map((v) => (v * p) / tot);
  const S: Mat = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let m = 0; m < p; m++) s += e.vectors[i][m] * scaled[m] * e.vectors[j][m];
      S[i][j] = s;
    }
  return { R: covToCor(S, { strict: false }), smoothed: true };
}

/**
 * The noncentrality λ with P(χ²_df(λ) ≤ x) = p (0 if none): bracketed around the normal
 * approximation χ²_df(λ) ≈ N(df + λ, 2(df + 2λ)), then Illinois regula falsi to 1e-11 relative.
 * (The same root as stats' ncpForProbability, found in a handful of noncentral χ² evaluations
 * instead of dozens: psych computes this twice for every fit.)
 */
function ncpFor(x: number, df: number, p: number): number {
  const f = (l: number) => pchisqNC(x, df, l, true) - p;
  if (!(x > 0) || f(0) <= 0) return 0;
  const z = qnorm(p);
  const b = x + 2 * z * z;
  const disc = Math.max(0, 4 * x * z * z + 4 * z ** 4 - 2 * z * z * df);
  const guess = Math.max(0, (z > 0 ? b - Math.sqrt(disc) : b + Math.sqrt(disc)) - df);
  const step = Math.max(1, 0.05 * guess + Math.sqrt(2 * (df + 2 * guess)));
  let lo = Math.max(0, guess - step);
  let hi = guess + step;
  let flo = f(lo);
  let fhi = f(hi);
  while (flo < 0 && lo > 0) {
    hi = lo;
    fhi = flo;
    lo = Math.max(0, lo - 2 * step);
    flo = f(lo);
  }
  for (let k = 0; fhi > 0 && k < 200; k++) {
    lo = hi;
    flo = fhi;
    hi += 2 * step * 2 ** k;
    fhi = f(hi);
  }
  let side = 0;
  for (let it = 0; it < 200 && hi - lo > 1e-11 * Math.max(1, hi); it++) {
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
  }
  return 0.5 * (lo + hi);
}

/**
 * psych's RMSEA interval: each bound solves P(χ²_df(λ) ≤ stat) = tail by uniroot on [0, max],
 * max = max(n, stat) + 2n; when the root lies beyond max psych's uniroot fails and the bound is NA
 * (the upper bound 0 instead if the RMSEA itself is 0).
 */
function rmseaBounds(stat: number, df: number, n: number, conf: number, rmsea: number): { lower: number; upper: number } {
  const tail = (1 - conf) / 2;
  const p0 = pchisq(stat, df);
  const max = Math.max(n, stat) + 2 * n;
  const beyond = (q: number) => pchisqNC(stat, df, max, true) - q > 0;
  let upper = 0;
  if (p0 > tail) upper = beyond(tail) ? (rmsea <= 0 ? 0 : NaN) : Math.sqrt(ncpFor(stat, df, tail) / (n - 1) / df);
  let lower = 0;
  if (p0 > 1 - tail) lower = beyond(1 - tail) ? NaN : Math.sqrt(ncpFor(stat, df, 1 - tail) / (n - 1) / df);
  // psych blanks bounds on the wrong side of the point estimate
  if (upper < rmsea) upper = NaN;
  if (lower > rmsea) lower = NaN;
  return { lower, upper };
}

/** ln|A| by Cholesky when A is positive definite, else by LU. */
function logDetOf(A: Mat): number {
  try {
    return logDetSPD(A);
  } catch {
    return logDet(A).log;
  }
}

/** F = tr(M⁻¹R) − ln|M⁻¹R| − p = tr(M⁻¹R) − ln|R| + ln|M| − p (Cholesky when both are positive definite). */
function discrepancy(M: Mat, R: Mat): number {
  const p = M.length;
  try {
    const Mi = invertSPD(M);
    let tr = 0;
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) tr += Mi[i][j] * R[j][i];
    return tr - logDetSPD(R) + logDetSPD(M) - p;
  } catch {
    const MiR = solve(M, R);
    return trace(MiR) - logDet(MiR).log - p;
  }
}

/**
 * psych's fa.stats for loadings L (p × k), factor correlations Phi (undefined = orthogonal), the
 * correlation matrix R, n observations (NaN if unknown) and pairwise counts np (raw data) or null.
 */
export function faStats(R: Mat, L: Mat, Phi: Mat | undefined, nObs: number, np: number[][] | null, conf = 0.9): FaFit {
  const p = R.length;
  const k = L[0].length;
  const LP = Phi ? mul(L, Phi) : L;
  const model = mult(LP, L);
  const resid = R.map((row, i) => row.map((v, j) => v - model[i][j]));
  let r2 = 0;
  let rstar2 = 0;
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      r2 += R[i][j] * R[i][j];
      rstar2 += resid[i][j] * resid[i][j];
    }
  const dof = (p * (p - 1)) / 2 - p * k + (k * (k - 1)) / 2;
  let rstarOff = 0;
  let r2Off: number;
  let nh: number;
  if (np === null) {
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) if (i !== j) rstarOff += resid[i][j] ** 2;
    r2Off = r2 - trace(R);
    nh = nObs;
  } else {
    r2Off = 0;
    let inv = 0;
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) {
        inv += 1 / np[i][j];
        if (i !== j) {
          rstarOff += resid[i][j] ** 2 * np[i][j];
          r2Off += R[i][j] ** 2 * np[i][j];
        }
      }
    nh = (p * p) / inv;
  }
  const eChisq = np === null ? rstarOff * nObs : rstarOff;
  const rms = np === null ? Math.sqrt(rstarOff / (p * (p - 1))) : Math.sqrt(rstarOff / (nh * p * (p - 1)));
  const crms = dof > 0 ? (np === null ? Math.sqrt(rstarOff / (2 * dof)) : Math.sqrt(rstarOff / (2 * nh * dof))) : NaN;
  const complexity = L.map((r) => {
    let s2 = 0;
    let s4 = 0;
    for (const v of r) {
      s2 += v * v;
      s4 += v ** 4;
    }
    return (s2 * s2) / s4;
  });
  const modelUnit = model.map((row, i) => row.map((v, j) => (i === j ? R[i][i] : v)));
  const ms = corSmooth(modelUnit);
  const rs = corSmooth(R);
  const objective = discrepancy(ms.R, rs.R);
  const hasN = Number.isFinite(nObs);
  const mult1 = nObs - 1 - (2 * p + 5) / 6 - (2 * k) / 3;
  const chisqRaw = objective * mult1;
  const chisq = hasN ? Math.max(0, chisqRaw) : NaN;
  const F0 = trace(rs.R) - logDetOf(rs.R) - p;
  const Mm = objective / dof;
  const M0 = (F0 * 2) / (p * (p - 1));
  const TLI = hasN ? (M0 - Mm) / (M0 - 1 / mult1) : NaN;
  let RMSEA = NaN;
  let lower = NaN;
  let upper = NaN;
  if (hasN && dof > 0) {
    RMSEA = rmsea(chisqRaw, dof, nObs, nObs - 1);
    ({ lower, upper } = rmseaBounds(chisq, dof, nObs, conf, RMSEA));
  }
  const W = solve(rs.R, LP);
  const WtF = tmul(W, LP);
  let scoreR2 = WtF.map((r, j) => r[j]);
  // psych's fa.stats: a negative product marks a singular weight matrix, whose impossible R² become NA
  if (scoreR2.reduce((a, v) => (v === v ? a * v : a), 1) < 0) scoreR2 = scoreR2.map((v) => (Math.abs(v) > 1 || v <= 0 ? NaN : v));
  const scoreCorrelations = covToCor(mul(tmul(W, rs.R), W), { strict: false });
  return {
    dof,
    objective,
    chisq,
    pValue: hasN && dof > 0 ? pchisq(chisq, dof, false) : NaN,
    nullDof: (p * (p - 1)) / 2,
    nullObjective: F0,
    nullChisq: hasN ? F0 * (nObs - 1 - (2 * p + 5) / 6) : NaN,
    TLI,
    RMSEA,
    rmseaLower: lower,
    rmseaUpper: upper,
    rmseaConfidence: conf,
    BIC: hasN && dof > 0 ? chisqRaw - dof * Math.log(nObs) : NaN,
    SABIC: hasN && dof > 0 ? chisqRaw - dof * Math.log((nObs + 2) / 24) : NaN,
    rms,
    crms,
    eChisq,
    ePValue: dof > 0 && Number.isFinite(eChisq) ? pchisq(eChisq, dof, false) : NaN,
    eBIC: dof > 0 ? eChisq - dof * Math.log(nh) : NaN,
    nh,
    fit: 1 - rstar2 / r2,
    fitOff: 1 - rstarOff / r2Off,
    complexity,
    weights: W,
    scoreR2,
    scoreCorrelations,
    smoothed: rs.smoothed || ms.smoothed,
  };
}
