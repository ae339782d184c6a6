/**
 * Fit measures of an ML fit, with lavaan's names and definitions (lavaan 0.6.14):
 *
 *   chisq = N·F (N − 1 with likelihood "wishart"), df = moments − free parameters;
 *   baseline: the independence model (variances, and with fixed.x the covariances of the exogenous
 *   covariates, saturated), χ²_b = N(log|Σ_b| − log|S|);
 *   cfi = 1 − max(χ² − df, 0) / max(χ² − df, χ²_b − df_b, 0)           (Bentler 1990)
 *   tli = nnfi = (χ²_b/df_b − χ²/df) / (χ²_b/df_b − 1)                  (Tucker & Lewis 1973)
 *   nfi = (χ²_b − χ²)/χ²_b, ifi = (χ²_b − χ²)/(χ²_b − df), rni = 1 − (χ² − df)/(χ²_b − df_b)
 *   rmsea = √max((χ²/N)/df − 1/N, 0); its 90% interval inverts the noncentral χ² (Browne & Cudeck
 *   1993); rmsea.pvalue = P(χ²_df(λ = N·df·0.05²) ≥ χ²)  (test of close fit)
 *   srmr (Bentler): root mean square of (s_ij − σ̂_ij)/√(s_ii s_jj) over the p(p+1)/2 unique
 *   elements (plus (ȳ_i − μ̂_i)/√s_ii with a mean structure)
 *   gfi = 1 − (eᵀWe)/(sᵀWs) with e = vech(S − Σ̂), W the ML weight D'(Σ̂⁻¹⊗Σ̂⁻¹)D/2 (Jöreskog &
 *   Sörbom), agfi = 1 − (moments/df)(1 − gfi)
 *   logl = −N/2 [p log 2π + log|Σ̂| + tr(SΣ̂⁻¹) + (ȳ − μ̂)ᵀΣ̂⁻¹(ȳ − μ̂)], aic, bic, bic2 (n* = (N + 2)/24)
 */
import { pchisq, pnorm, qnorm } from "../stats/distributions";
import { ncpForProbability, pchisqNC } from "../stats/noncentral-chisq";

export interface FitIngredients {
  p: number;
  /** Sample covariance used in estimation (p×p) and the means. */
  S: Float64Array;
  mean: Float64Array;
  Sigma: Float64Array;
  W: Float64Array;
  mu: Float64Array;
  logdetS: number;
  logdetSigma: number;
  /** Minimum of F. */
  f: number;
  npar: number;
  /** Observations (N). */
  n: number;
  /** N or N − 1 (wishart). */
  nEff: number;
  meanstructure: boolean;
  /** Indices (0-based, into the observed variables) of the exogenous covariates (lavaan's ov.x). */
  xIdx: number[];
  /** The covariates' moments are fixed at their sample values (fixed.x). */
  fixedX: boolean;
}

export const FIT_MEASURE_NAMES = [
  "npar", "chisq", "df", "pvalue", "baseline.chisq", "baseline.df", "baseline.pvalue", "cfi", "tli", "nnfi", "nfi", "ifi", "rni",
  "rmsea", "rmsea.ci.lower", "rmsea.ci.upper", "rmsea.pvalue", "srmr", "gfi", "agfi", "logl", "unrestricted.logl", "aic", "bic", "bic2",
] as const;

export type FitMeasureName = (typeof FIT_MEASURE_NAMES)[number];

function logdetSub(S: Float64Array, p: number, idx: number[]): number {
  const k = idx.length;
  if (k === 0) return 0;
  const a = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) a[i * k + j] = S[idx[i] * p + idx[j]];
  let ld = 0;
  for (let j = 0; j < k; j++) {
    let d = a[j * k + j];
    for (let t = 0; t < j; t++) d -= a[j * k + t] * a[j * k + t];
    const l = Math.sqrt(d);
    a[j * k + j] = l;
    ld += 2 * Math.log(l);
    for (let i = j + 1; i < k; i++) {
      let s = a[i * k + j];
      for (let t = 0; t < j; t++) s -= a[i * k + t] * a[j * k + t];
      a[i * k + j] = s / l;
    }
  }
  return ld;
}

/**
 * Beyond this χ² the Poisson-mixture noncentral χ² (whose cost grows with √λ·λ) is replaced by its
 * normal approximation, mean df + λ and variance 2(df + 2λ): at χ² = 10⁶ the RMSEA bounds agree to
 * 2e-6 relative, and a χ² of 10³⁰⁰ (a fixed variance of 1e-300) no longer takes forever.
 */
const HUGE_CHISQ = 1e6;

/** λ with P(χ²_df(λ) ≤ x) = p. */
function ncpFor(x: number, df: number, p: number): number {
  if (x <= HUGE_CHISQ) return ncpForProbability(x, df, p);
  // x = df + λ + z_p √(2(df + 2λ)), solved by fixed-point iteration (contracting: |dλ'/dλ| ≈ z/√x).
  const z = qnorm(p);
  let lam = Math.max(x - df, 0);
  for (let k = 0; k < 50; k++) lam = Math.max(x - df - z * Math.sqrt(2 * (df + 2 * lam)), 0);
  return lam;
}

function normalUpper(x: number, df: number, ncp: number): number {
  return pnorm(-(x - df - ncp) / Math.sqrt(2 * (df + 2 * ncp)));
}

export function computeFitMeasures(x: FitIngredients): Record<FitMeasureName, number> {
  const { p, S, Sigma, W, n, nEff, npar, xIdx } = x;
  // With fixed.x the covariates' own moments are not modelled: they leave the df count, GFI's
  // weight matrix and the log-likelihood. The baseline model saturates them either way (lavaan).
  const fixedIdx = x.fixedX ? xIdx : [];
  const kx = fixedIdx.length;
  const kb = xIdx.length;
  const nMomCov = (p * (p + 1)) / 2 - (kx * (kx + 1)) / 2;
  const nMom = nMomCov + (x.meanstructure ? p - kx : 0);
  const df = nMom - npar;
  const chisq = Math.max(nEff * x.f, 0);
  // A saturated model (df = 0) has no test: p is not applicable (lavaan: NA).
  const pvalue = df > 0 ? pchisq(chisq, df, false) : NaN;

  // Independence model: diagonal for the non-x variables, the x block saturated.
  const nonX: number[] = [];
  for (let i = 0; i < p; i++) if (!xIdx.includes(i)) nonX.push(i);
  let logdetB = logdetSub(S, p, xIdx);
  for (const i of nonX) logdetB += Math.log(S[i * p + i]);
  const bChisq = nEff * (logdetB - x.logdetS);
  const bDf = (p * (p - 1)) / 2 - (kb * (kb - 1)) / 2;
  const bP = pchisq(bChisq, bDf, false);

  const t1 = Math.max(chisq - df, 0);
  const t2 = Math.max(chisq - df, bChisq - bDf, 0);
  const cfi = t2 === 0 ? 1 : 1 - t1 / t2;
  const tli = df > 0 ? (bChisq / bDf - chisq / df) / (bChisq / bDf - 1) : 1;
  const nfi = (bChisq - chisq) / bChisq;
  const ifi = (bChisq - chisq) / (bChisq - df);
  const rni = bChisq - bDf === 0 ? NaN : 1 - (chisq - df) / (bChisq - bDf);

  const N = nEff;
  const rmsea = df > 0 ? Math.sqrt(Math.max(chisq / N / df - 1 / N, 0)) : 0;
  let ciLo = NaN;
  let ciHi = NaN;
  let rmseaP = NaN;
  if (df > 0) {
    // Lower bound: λ with P(χ²_df(λ) ≤ χ²) = 0.95; upper: = 0.05.
    ciLo = pchisqNC(chisq, df, 0) < 0.95 ? 0 : Math.sqrt(ncpFor(chisq, df, 0.95) / (N * df));
    ciHi = pchisqNC(chisq, df, 0) < 0.05 ? 0 : Math.sqrt(ncpFor(chisq, df, 0.05) / (N * df));
    rmseaP = chisq > HUGE_CHISQ ? normalUpper(chisq, df, N * df * 0.05 * 0.05) : pchisqNC(chisq, df, N * df * 0.05 * 0.05, false);
  } else if (df === 0) {
    ciLo = ciHi = 0;
  }

  // SRMR (Bentler): residual correlations scaled by the sample standard deviations.
  let ss = 0;
  for (let i = 0; i < p; i++)
    for (let j = 0; j <= i; j++) {
      const r = (S[i * p + j] - Sigma[i * p + j]) / Math.sqrt(S[i * p + i] * S[j * p + j]);
      ss += r * r;
    }
  let cnt = (p * (p + 1)) / 2;
  if (x.meanstructure) {
    for (let i = 0; i < p; i++) {
      const r = (x.mean[i] - x.mu[i]) / Math.sqrt(S[i * p + i]);
      ss += r * r;
    }
    cnt += p;
  }
  const srmr = Math.sqrt(ss / cnt);

  const { gfi, agfi } = gfiAgfi(x, fixedIdx, df);

  // lavaan's log-likelihoods use the covariance of the estimation (divisor N − 1 with "wishart")
  // and, with fixed.x, are conditional on the exogenous covariates (their marginal part removed).
  const log2pi = Math.log(2 * Math.PI);
  let trSW = 0;
  for (let k = 0; k < p * p; k++) trSW += S[k] * W[k];
  let quadD = 0;
  if (x.meanstructure) {
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) quadD += (x.mean[i] - x.mu[i]) * W[i * p + j] * (x.mean[j] - x.mu[j]);
  }
  const loglX = kx > 0 ? (-n / 2) * (kx * log2pi + logdetSub(S, p, fixedIdx) + kx) : 0;
  const logl = (-n / 2) * (p * log2pi + x.logdetSigma + trSW + quadD) - loglX;
  const ulogl = (-n / 2) * (p * log2pi + x.logdetS + p) - loglX;
  const aic = -2 * logl + 2 * npar;
  const bic = -2 * logl + npar * Math.log(n);
  const bic2 = -2 * logl + npar * Math.log((n + 2) / 24);
  return {
    npar, chisq, df, pvalue, "baseline.chisq": bChisq, "baseline.df": bDf, "baseline.pvalue": bP, cfi, tli, nnfi: tli, nfi, ifi, rni,
    rmsea, "rmsea.ci.lower": ciLo, "rmsea.ci.upper": ciHi, "rmsea.pvalue": rmseaP, srmr, gfi, agfi, logl, "unrestricted.logl": ulogl,
    aic, bic, bic2,
  };
}

/**
 * GFI = 1 − eᵀWe / sᵀWs and AGFI = 1 − (nel/df)(1 − GFI), lavaan's lav_fit_gfi: s = (ȳ, vech S)
 * the sample moments, e = s − (μ̂, vech Σ̂), W the normal-theory weight at the estimates
 * (½ D′(Σ̂⁻¹ ⊗ Σ̂⁻¹)D, and Σ̂⁻¹ for the means) with the rows and columns of the fixed.x covariates'
 * own moments set to zero (equivalently: those moments zeroed in e and s). nel counts every
 * sample moment, the covariates' included (Jöreskog & Sörbom 1981).
 */
function gfiAgfi(x: FitIngredients, fixedIdx: number[], df: number): { gfi: number; agfi: number } {
  const { p, S, Sigma, W } = x;
  const isX = new Uint8Array(p);
  for (const i of fixedIdx) isX[i] = 1;
  const E = new Float64Array(p * p);
  const S0 = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      const k = i * p + j;
      const keep = !(isX[i] && isX[j]);
      E[k] = keep ? S[k] - Sigma[k] : 0;
      S0[k] = keep ? S[k] : 0;
    }
  // ½ tr(M W M W) = vech(M)′ W_vech vech(M) for symmetric M.
  const trQuad = (M: Float64Array) => {
    const MW = new Float64Array(p * p);
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) {
        let s = 0;
        for (let k = 0; k < p; k++) s += M[i * p + k] * W[k * p + j];
        MW[i * p + j] = s;
      }
    let t = 0;
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) t += MW[i * p + j] * MW[j * p + i];
    return 0.5 * t;
  };
  let num = trQuad(E);
  let den = trQuad(S0);
  if (x.meanstructure) {
    const quad = (v: Float64Array) => {
      let t = 0;
      for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) t += v[i] * W[i * p + j] * v[j];
      return t;
    };
    const d = new Float64Array(p);
    const m0 = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      d[i] = isX[i] ? 0 : x.mean[i] - x.mu[i];
      m0[i] = isX[i] ? 0 : x.mean[i];
    }
    num += quad(d);
    den += quad(m0);
  }
  const gfi = 1 - num / den;
  const nel = (p * (p + 1)) / 2 + (x.meanstructure ? p : 0);
  const agfi = df > 0 ? 1 - (nel / df) * (1 - gfi) : 1;
  return { gfi, agfi };
}
