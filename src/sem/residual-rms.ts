/**
 * Root-mean-square residual summaries of one group (lavaan 0.6.14's rmr, srmr, crmr and
 * srmr_mplus families, lav_residuals_summary and lav_fit_srmr_mplus), each with and without the
 * mean residuals:
 *
 *   rmr   raw residuals  s_ij − σ̂_ij over the p(p+1)/2 unique elements (+ ȳ_i − μ̂_i)
 *   srmr  Bentler's      (s_ij − σ̂_ij)/√(s_ii s_jj)            (+ (ȳ_i − μ̂_i)/√s_ii)
 *   crmr  Bollen's       s_ij/√(s_ii s_jj) − σ̂_ij/√(σ̂_ii σ̂_jj) over the p(p−1)/2 off-diagonal
 *                        elements only (+ (ȳ_i − μ̂_i)/√s_ii)
 *   srmr_mplus           Mplus's: correlation residuals below the diagonal, (s_ii − σ̂_ii)/s_ii on
 *                        the diagonal and ȳ_i/√s_ii − μ̂_i/√σ̂_ii, over p(p+1)/2 (+ p) elements
 *
 * As lavaan (lav_residuals_rescale), a moment whose absolute value is below 1e-5 is not rescaled
 * in the Bentler and Bollen residuals. Each summary is √(Σ r² / count); without a mean structure
 * the "total" and "nomean" versions coincide.
 *
 * @example
 * const r = residualRms({ p, S, mean, Sigma, mu }, true);
 * r.srmr; // lavaan's srmr (= srmr_bentler)
 */

/** The moments one group's summaries need (sample: S, mean; model-implied: Sigma, mu). */
export interface ResidualMoments {
  p: number;
  S: Float64Array;
  mean: Float64Array;
  Sigma: Float64Array;
  mu: Float64Array;
}

export interface ResidualRms {
  rmr: number;
  rmr_nomean: number;
  srmr: number;
  srmr_nomean: number;
  crmr: number;
  crmr_nomean: number;
  srmr_mplus: number;
  srmr_mplus_nomean: number;
}

/** lavaan leaves moments this small unscaled (lav_residuals_rescale). */
const NEAR_ZERO = 1e-5;

const scaled = (x: number, scale: number) => (Math.abs(x) < NEAR_ZERO ? x : x * scale);

/** The residual summaries of one group (see the module comment). */
export function residualRms(g: ResidualMoments, meanstructure: boolean): ResidualRms {
  const { p, S, Sigma } = g;
  const sdS = new Float64Array(p);
  const sdSigma = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    sdS[i] = Math.sqrt(S[i * p + i]);
    sdSigma[i] = Math.sqrt(Sigma[i * p + i]);
  }
  let raw = 0;
  let bentler = 0;
  let bollen = 0;
  let mplus = 0;
  for (let i = 0; i < p; i++)
    for (let j = 0; j <= i; j++) {
      const s = S[i * p + j];
      const sig = Sigma[i * p + j];
      raw += (s - sig) ** 2;
      const scaleS = 1 / (sdS[i] * sdS[j]);
      bentler += (scaled(s, scaleS) - scaled(sig, scaleS)) ** 2;
      bollen += (scaled(s, scaleS) - scaled(sig, 1 / (sdSigma[i] * sdSigma[j]))) ** 2;
      mplus += i === j ? ((s - sig) / s) ** 2 : (s * scaleS - sig / (sdSigma[i] * sdSigma[j])) ** 2;
    }
  const pstar = (p * (p + 1)) / 2;
  const out: ResidualRms = {
    rmr_nomean: Math.sqrt(raw / pstar),
    srmr_nomean: Math.sqrt(bentler / pstar),
    crmr_nomean: p > 1 ? Math.sqrt(bollen / (pstar - p)) : 0,
    srmr_mplus_nomean: Math.sqrt(mplus / pstar),
    rmr: 0,
    srmr: 0,
    crmr: 0,
    srmr_mplus: 0,
  };
  if (!meanstructure) return { ...out, rmr: out.rmr_nomean, srmr: out.srmr_nomean, crmr: out.crmr_nomean, srmr_mplus: out.srmr_mplus_nomean };
  let rawM = 0;
  let stdM = 0;
  let mplusM = 0;
  for (let i = 0; i < p; i++) {
    const m = g.mean[i];
    const mu = g.mu[i];
    rawM += (m - mu) ** 2;
    stdM += (scaled(m, 1 / sdS[i]) - scaled(mu, 1 / sdS[i])) ** 2;
    mplusM += (m / sdS[i] - mu / sdSigma[i]) ** 2;
  }
  out.rmr = Math.sqrt((raw + rawM) / (pstar + p));
  out.srmr = Math.sqrt((bentler + stdM) / (pstar + p));
  out.crmr = Math.sqrt((bollen + stdM) / pstar);
  out.srmr_mplus = Math.sqrt((mplus + mplusM) / (pstar + p));
  return out;
}
