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
 *   elements (plus (ȳ_i − μ̂_i)/√s_ii with a mean structure); rmr, crmr, srmr_mplus: residual-rms.ts
 *   gfi = 1 − (eᵀWe)/(sᵀWs) with e = vech(S − Σ̂), W the ML weight D'(Σ̂⁻¹⊗Σ̂⁻¹)D/2 (Jöreskog &
 *   Sörbom), agfi = 1 − (moments/df)(1 − gfi)
 *   logl = −N/2 [p log 2π + log|Σ̂| + tr(SΣ̂⁻¹) + (ȳ − μ̂)ᵀΣ̂⁻¹(ȳ − μ̂)], aic, bic, bic2 (n* = (N + 2)/24)
 */
import { pchisq, pnorm, qchisq, qnorm } from "../math/distributions";
import { ncpForProbability, pchisqNC } from "../math/noncentral-chisq";
import { rmsea as rmseaOf } from "../math/formulas";
import { choleskyLogDet } from "../math/linalg";
import { residualRms } from "./residual-rms";

/** What the fit measures need from one group at the estimates. */
export interface GroupFitIngredients {
  p: number;
  /** Sample covariance used in estimation (p×p) and the means. */
  S: Float64Array;
  mean: Float64Array;
  Sigma: Float64Array;
  W: Float64Array;
  mu: Float64Array;
  logdetS: number;
  logdetSigma: number;
  /** F_g at the estimates. */
  f: number;
  /** Observations of the group (N_g). */
  n: number;
  /** N_g or N_g − 1 (wishart). */
  nEff: number;
  /**
   * Full-information ML: the log-likelihoods of the model and of the saturated (EM) moments and the
   * baseline χ² of the group (their complete-data formulas do not apply; S, mean hold the EM moments).
   */
  fiml?: { logl: number; ulogl: number; baselineChisq: number };
  /** FIML: GFI's weight is Σ_p w_p × (Σ_oo⁻¹ embedded) instead of Σ⁻¹ … */
  gfiWeights?: { w: number; X: Float64Array }[];
  /** … and its sample moments lavaan's pairwise ones. */
  gfiSample?: { S: Float64Array; mean: Float64Array };
}

export interface FitIngredients {
  groups: GroupFitIngredients[];
  /** lavaan's fmin: the minimum of F/2 (Σ_g N_g/N · F_g/2). */
  fmin: number;
  npar: number;
  meanstructure: boolean;
  /** Indices (0-based, into the observed variables) of the exogenous covariates (lavaan's ov.x). */
  xIdx: number[];
  /** The covariates' moments are fixed at their sample values (fixed.x). */
  fixedX: boolean;
}

/** The residual summaries, in lavaan's order (srmr = srmr_bentler). */
export const RESIDUAL_MEASURE_NAMES = [
  "rmr",
  "rmr_nomean",
  "srmr",
  "srmr_bentler",
  "srmr_bentler_nomean",
  "crmr",
  "crmr_nomean",
  "srmr_mplus",
  "srmr_mplus_nomean",
] as const;

/** lavaan 0.6.14's fitMeasures(fit, "all") for an ML fit, in lavaan's order. */
export const FIT_MEASURE_NAMES = [
  "npar",
  "fmin",
  "chisq",
  "df",
  "pvalue",
  "baseline.chisq",
  "baseline.df",
  "baseline.pvalue",
  "cfi",
  "tli",
  "nnfi",
  "rfi",
  "nfi",
  "pnfi",
  "ifi",
  "rni",
  "logl",
  "unrestricted.logl",
  "aic",
  "bic",
  "ntotal",
  "bic2",
  "rmsea",
  "rmsea.ci.lower",
  "rmsea.ci.upper",
  "rmsea.ci.level",
  "rmsea.pvalue",
  "rmsea.close.h0",
  "rmsea.notclose.pvalue",
  "rmsea.notclose.h0",
  ...RESIDUAL_MEASURE_NAMES,
  "cn_05",
  "cn_01",
  "gfi",
  "agfi",
  "pgfi",
  "mfi",
  "ecvi",
] as const;

/** Measures of scaled tests (MLR, MLM): lavaan's ".scaled" family. */
export const SCALED_MEASURE_NAMES = [
  "chisq.scaled",
  "df.scaled",
  "pvalue.scaled",
  "chisq.scaling.factor",
  "baseline.chisq.scaled",
  "baseline.df.scaled",
  "baseline.pvalue.scaled",
  "baseline.chisq.scaling.factor",
  "cfi.scaled",
  "tli.scaled",
  "nnfi.scaled",
  "rfi.scaled",
  "nfi.scaled",
  "pnfi.scaled",
  "ifi.scaled",
  "rni.scaled",
  "rmsea.scaled",
  "rmsea.ci.lower.scaled",
  "rmsea.ci.upper.scaled",
  "rmsea.pvalue.scaled",
  "rmsea.notclose.pvalue.scaled",
  "scaling.factor.h1",
  "scaling.factor.h0",
] as const;

/** lavaan's ".robust" family (robust tests, and FIML's corrected test). */
export const ROBUST_MEASURE_NAMES = [
  "cfi.robust",
  "tli.robust",
  "nnfi.robust",
  "rni.robust",
  "rmsea.robust",
  "rmsea.ci.lower.robust",
  "rmsea.ci.upper.robust",
  "rmsea.pvalue.robust",
  "rmsea.notclose.pvalue.robust",
] as const;

export type FitMeasureName = (typeof FIT_MEASURE_NAMES)[number] | (typeof SCALED_MEASURE_NAMES)[number] | (typeof ROBUST_MEASURE_NAMES)[number];

/** xs when on, else nothing (module level: no closure per call). */
const pick = (xs: string[], on: boolean): string[] => (on ? xs : []);

/**
 * The measures of a fit in lavaan's order of fitMeasures(fit, "all"): the scaled ones after their
 * standard counterparts for a scaled test, the robust ones for a scaled test or FIML.
 */
export function measureOrder(flags: { scaled: boolean; robust: boolean; yb: boolean }): FitMeasureName[] {
  const { scaled, robust, yb } = flags;
  return [
    "npar",
    "fmin",
    "chisq",
    "df",
    "pvalue",
    ...pick(["chisq.scaled", "df.scaled", "pvalue.scaled", "chisq.scaling.factor"], scaled),
    "baseline.chisq",
    "baseline.df",
    "baseline.pvalue",
    ...pick(["baseline.chisq.scaled", "baseline.df.scaled", "baseline.pvalue.scaled", "baseline.chisq.scaling.factor"], scaled),
    "cfi",
    "tli",
    ...pick(["cfi.scaled", "tli.scaled"], scaled),
    ...pick(["cfi.robust", "tli.robust"], robust),
    "nnfi",
    "rfi",
    "nfi",
    "pnfi",
    "ifi",
    "rni",
    ...pick(["nnfi.scaled", "rfi.scaled", "nfi.scaled", "pnfi.scaled", "ifi.scaled", "rni.scaled"], scaled),
    ...pick(["nnfi.robust", "rni.robust"], robust),
    "logl",
    "unrestricted.logl",
    "aic",
    "bic",
    "ntotal",
    "bic2",
    ...pick(["scaling.factor.h1", "scaling.factor.h0"], yb),
    "rmsea",
    "rmsea.ci.lower",
    "rmsea.ci.upper",
    "rmsea.ci.level",
    "rmsea.pvalue",
    "rmsea.close.h0",
    "rmsea.notclose.pvalue",
    "rmsea.notclose.h0",
    ...pick(["rmsea.scaled", "rmsea.ci.lower.scaled", "rmsea.ci.upper.scaled", "rmsea.pvalue.scaled", "rmsea.notclose.pvalue.scaled"], scaled),
    ...pick(["rmsea.robust", "rmsea.ci.lower.robust", "rmsea.ci.upper.robust", "rmsea.pvalue.robust", "rmsea.notclose.pvalue.robust"], robust),
    ...RESIDUAL_MEASURE_NAMES,
    "cn_05",
    "cn_01",
    "gfi",
    "agfi",
    "pgfi",
    "mfi",
    "ecvi",
  ] as FitMeasureName[];
}

function logdetSub(S: Float64Array, p: number, idx: number[]): number {
  const k = idx.length;
  if (k === 0) return 0;
  const a = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) a[i * k + j] = S[idx[i] * p + idx[j]];
  return choleskyLogDet(a, k);
}

/**
 * Beyond this χ² the Poisson-mixture noncentral χ² (whose cost grows with √λ·λ) is replaced by its
 * normal approximation, mean df + λ and variance 2(df + 2λ): at χ² = 10⁶ the RMSEA bounds agree to
 * 2e-6 relative, and a χ² of 10³⁰⁰ (a fixed variance of 1e-300) no longer takes forever.
 */
const HUGE_CHISQ = 1e6;

/** λ with P(χ²_df(λ) ≤ x) = p. */
function ncpFor(x: number, df: number, p: number): number {
  // x = df + λ + z_p √(2(df + 2λ)), solved by fixed-point iteration (contracting: |dλ'/dλ| ≈ z/√x).
  const z = qnorm(p);
  let lam = Math.max(x - df, 0);
  for (let k = 0; k < 50; k++) lam = Math.max(x - df - z * Math.sqrt(2 * (df + 2 * lam)), 0);
  if (x > HUGE_CHISQ) return lam;
  return ncpForProbability(x, df, p);
}

/** qchisq(p, df), remembered: Hoelter's N asks for the same two quantiles at every fit of a model. */
const QUANTILES = new Map<string, number>();
function criticalChisq(p: number, df: number): number {
  const key = `${p}|${df}`;
  let q = QUANTILES.get(key);
  if (q === undefined) {
    q = qchisq(p, df);
    if (QUANTILES.size >= 256) QUANTILES.clear();
    QUANTILES.set(key, q);
  }
  return q;
}

function normalUpper(x: number, df: number, ncp: number): number {
  return pnorm(-(x - df - ncp) / Math.sqrt(2 * (df + 2 * ncp)));
}

/**
 * All fit measures. With G groups (lavaan): χ² = Σ_g nEff_g F_g, df = G·moments − npar, the
 * baseline is the independence model in every group, RMSEA = √max((χ²/N)/df − 1/N, 0)·√G (its
 * interval and close-fit test likewise), SRMR and GFI are the N_g/N-weighted means of the groups',
 * AGFI counts the moments of all groups, the log-likelihoods are sums, BIC uses the total N.
 */
export function computeFitMeasures(x: FitIngredients): Partial<Record<FitMeasureName, number>> {
  const { npar, xIdx, groups } = x;
  const G = groups.length;
  const p = groups[0].p;
  // With fixed.x the covariates' own moments are not modelled: they leave the df count, GFI's
  // weight matrix and the log-likelihood. The baseline model saturates them either way (lavaan).
  const fixedIdx = x.fixedX ? xIdx : [];
  const kx = fixedIdx.length;
  const kb = xIdx.length;
  const nMomCov = (p * (p + 1)) / 2 - (kx * (kx + 1)) / 2;
  const nMom = G * (nMomCov + (x.meanstructure ? p - kx : 0));
  const df = nMom - npar;
  let chisq = 0;
  let n = 0;
  let N = 0;
  for (const g of groups) {
    chisq += Math.max(g.nEff * g.f, 0);
    n += g.n;
    N += g.nEff;
  }
  // A saturated model (df = 0) has no test: p is not applicable (lavaan: NA).
  const pvalue = df > 0 ? pchisq(chisq, df, false) : NaN;

  // Independence model: diagonal for the non-x variables, the x block saturated, in every group.
  const nonX: number[] = [];
  for (let i = 0; i < p; i++) if (!xIdx.includes(i)) nonX.push(i);
  let bChisq = 0;
  for (const g of groups) {
    if (g.fiml) {
      bChisq += g.fiml.baselineChisq;
      continue;
    }
    let logdetB = logdetSub(g.S, p, xIdx);
    for (const i of nonX) logdetB += Math.log(g.S[i * p + i]);
    bChisq += g.nEff * (logdetB - g.logdetS);
  }
  const bDf = G * ((p * (p - 1)) / 2 - (kb * (kb - 1)) / 2);
  const bP = pchisq(bChisq, bDf, false);

  const { cfi, tli, nfi, ifi, rni, rfi, pnfi } = incrementalIndices(chisq, df, bChisq, bDf);

  const { rmsea, ciLo, ciHi, rmseaP, rmseaNotClose } = rmseaMeasures(chisq, df, N, G);

  const rms: Record<string, number> = {};
  let gfiSum = 0;
  let logl = 0;
  let ulogl = 0;
  for (const g of groups) {
    const r = residualRms(g, x.meanstructure);
    for (const [k, v] of Object.entries(r)) rms[k] = (rms[k] ?? 0) + (g.n / n) * v;
    gfiSum += (g.n / n) * gfiGroup(g, fixedIdx, x.meanstructure);
    const ll = g.fiml ?? groupLogl(g, fixedIdx, x.meanstructure);
    logl += ll.logl;
    ulogl += ll.ulogl;
  }
  const gfi = gfiSum;
  const nel = G * ((p * (p + 1)) / 2 + (x.meanstructure ? p : 0));
  const agfi = df > 0 ? 1 - (nel / df) * (1 - gfi) : 1;
  const aic = -2 * logl + 2 * npar;
  const bic = -2 * logl + npar * Math.log(n);
  const bic2 = -2 * logl + npar * Math.log((n + 2) / 24);
  // Hoelter's critical N (lavaan's lav_fit_cn; qchisq(·, 0) = 0 as in R).
  const cn = (alpha: number) => (df === 0 ? (chisq < 2.220446049250313e-16 ? NaN : 1) : criticalChisq(1 - alpha, df) / (chisq / N) + 1);
  return {
    npar,
    fmin: x.fmin,
    chisq,
    df,
    pvalue,
    "baseline.chisq": bChisq,
    "baseline.df": bDf,
    "baseline.pvalue": bP,
    cfi,
    tli,
    nnfi: tli,
    rfi,
    nfi,
    pnfi,
    ifi,
    rni,
    logl,
    "unrestricted.logl": ulogl,
    aic,
    bic,
    ntotal: n,
    bic2,
    rmsea,
    "rmsea.ci.lower": ciLo,
    "rmsea.ci.upper": ciHi,
    "rmsea.ci.level": 0.9,
    "rmsea.pvalue": rmseaP,
    "rmsea.close.h0": 0.05,
    "rmsea.notclose.pvalue": rmseaNotClose,
    "rmsea.notclose.h0": 0.08,
    rmr: rms.rmr,
    rmr_nomean: rms.rmr_nomean,
    srmr: rms.srmr,
    srmr_bentler: rms.srmr,
    srmr_bentler_nomean: rms.srmr_nomean,
    crmr: rms.crmr,
    crmr_nomean: rms.crmr_nomean,
    srmr_mplus: rms.srmr_mplus,
    srmr_mplus_nomean: rms.srmr_mplus_nomean,
    cn_05: cn(0.05),
    cn_01: cn(0.01),
    gfi,
    agfi,
    pgfi: nel === 0 ? NaN : (df / nel) * gfi,
    mfi: Math.exp((-0.5 * (chisq - df)) / N),
    ecvi: chisq / N + (2 * npar) / N,
  };
}

/** The test statistics the scaled and robust measures are built from. */
export interface RobustIngredients {
  X2: number;
  df: number;
  X2b: number;
  dfb: number;
  N: number;
  G: number;
  /** A scaled test (MLR, MLM): its scaling factors c and c₀ (baseline), and YB's h1/h0 factors. */
  scaled?: { c: number; cb: number; cH1?: number; cH0?: number };
  /** FIML's corrected statistics (lav_fit_fiml_corrected), which replace (X2, c) in the robust measures. */
  fiml?: { X2: number; c: number; X2b: number; cb: number };
}

/**
 * lavaan 0.6.14's ".scaled" and ".robust" measures. Scaled: the measures of the scaled statistics
 * T/c and T₀/c₀ (for RMSEA: T with df·c, lavaan's rmsea.scaled). Robust (Brosseau-Liard & Savalei
 * 2014; Brosseau-Liard, Savalei & Li 2012; FIML: Zhang & Savalei): CFI/TLI/RNI with
 * c·df and c₀·df₀ in place of df and df₀; RMSEA = √max(T/(N·df) − c/N, 0)·√G with its interval
 * and p-values from T/c and c.
 */
export function robustMeasures(r: RobustIngredients): Partial<Record<FitMeasureName, number>> {
  const out: Partial<Record<FitMeasureName, number>> = {};
  const { X2, df, X2b, dfb, N, G } = r;
  if (r.scaled) {
    const { c, cb } = r.scaled;
    const T = X2 / c;
    const Tb = X2b / cb;
    const sc = incrementalIndices(T, df, Tb, dfb);
    Object.assign(out, {
      "chisq.scaled": T,
      "df.scaled": df,
      "pvalue.scaled": df > 0 ? pchisq(T, df, false) : NaN,
      "chisq.scaling.factor": c,
      "baseline.chisq.scaled": Tb,
      "baseline.df.scaled": dfb,
      "baseline.pvalue.scaled": pchisq(Tb, dfb, false),
      "baseline.chisq.scaling.factor": cb,
      "cfi.scaled": sc.cfi,
      "tli.scaled": sc.tli,
      "nnfi.scaled": sc.tli,
      "rfi.scaled": sc.rfi,
      "nfi.scaled": sc.nfi,
      "pnfi.scaled": sc.pnfi,
      "ifi.scaled": sc.ifi,
      "rni.scaled": sc.rni,
    });
    if (r.scaled.cH1 !== undefined) Object.assign(out, { "scaling.factor.h1": r.scaled.cH1, "scaling.factor.h0": r.scaled.cH0 });
    // lavaan's rmsea.scaled: the standard statistic against df·c (the trace of UΓ).
    const s = rmseaMeasures(X2, df * c, N, G);
    Object.assign(out, {
      "rmsea.scaled": s.rmsea,
      "rmsea.ci.lower.scaled": s.ciLo,
      "rmsea.ci.upper.scaled": s.ciHi,
      "rmsea.pvalue.scaled": s.rmseaP,
      "rmsea.notclose.pvalue.scaled": s.rmseaNotClose,
    });
  }
  const rob = r.fiml ?? (r.scaled ? { X2, c: r.scaled.c, X2b, cb: r.scaled.cb } : undefined);
  if (rob) {
    const ix = incrementalIndices(rob.X2, df, rob.X2b, dfb, rob.c, rob.cb);
    const point = rmseaMeasures(rob.X2, df, N, G, rob.c);
    const ci = rmseaMeasures(rob.X2 / rob.c, df, N, G, rob.c);
    Object.assign(out, {
      "cfi.robust": ix.cfi,
      "tli.robust": ix.tli,
      "nnfi.robust": ix.tli,
      "rni.robust": ix.rni,
      "rmsea.robust": point.rmsea,
      "rmsea.ci.lower.robust": ci.ciLo,
      "rmsea.ci.upper.robust": ci.ciHi,
      "rmsea.pvalue.robust": ci.rmseaP,
      "rmsea.notclose.pvalue.robust": ci.rmseaNotClose,
    });
  }
  return out;
}

/** R's all.equal(x, 0) for a number: |x| below 1.5e-8. */
const nearZero = (x: number) => Math.abs(x) < 1.5e-8;

/**
 * Incremental fit indices against the baseline model, with lavaan's rules for the edge cases
 * (lav_fit_cfi, _tli, _nfi, _ifi, _rni): with scale factors c and c₀ (robust versions; 1 for the
 * standard test) CFI = 1 − max(χ² − c·df, 0)/max(χ² − c·df, χ²₀ − c₀·df₀, 0) (1 when both are 0),
 * TLI = 1 − (χ² − c·df)·df₀ / ((χ²₀ − c₀·df₀)·df), RNI = 1 − (χ² − c·df)/(χ²₀ − c₀·df₀);
 * NFI = (χ²₀ − χ²)/χ²₀ (NA when df > df₀), IFI = (χ²₀ − χ²)/(χ²₀ − df) (1 when the denominator is negative).
 */
export function incrementalIndices(
  X2: number,
  df: number,
  X2b: number,
  dfb: number,
  c = 1,
  cb = 1,
): { cfi: number; tli: number; nfi: number; ifi: number; rni: number; rfi: number; pnfi: number } {
  const scaled = df > 0 && (c !== 1 || cb !== 1);
  const a = X2 - (scaled ? c : 1) * df;
  const b = X2b - (scaled ? cb : 1) * dfb;
  const t1 = Math.max(a, 0);
  const t2 = Math.max(a, b, 0);
  const cfi = nearZero(t1) && nearZero(t2) ? 1 : 1 - t1 / t2;
  const tt1 = a * dfb;
  const tt2 = b * df;
  const tli = df > 0 && Math.abs(tt2) > 0 ? 1 - tt1 / tt2 : !Number.isFinite(tt1) || !Number.isFinite(tt2) ? NaN : 1;
  const nfi = df > dfb || nearZero(X2b) ? NaN : df > 0 ? (X2b - X2) / X2b : 1;
  const i2 = X2b - df;
  const ifi = !Number.isFinite(i2) ? NaN : i2 < 0 ? 1 : nearZero(i2) ? NaN : (X2b - X2) / i2;
  const rni = nearZero(b) || !Number.isFinite(a) || !Number.isFinite(b) ? NaN : 1 - a / b;
  // RFI (Bollen 1986) and PNFI (James, Mulaik & Brett 1982), lavaan's edge rules.
  const r1 = X2b / dfb - X2 / df;
  const r2 = X2b / dfb;
  const rfi = df > dfb ? NaN : df > 0 && dfb > 0 ? (!Number.isFinite(r1) || !Number.isFinite(r2) ? NaN : r1 < 0 || r2 < 0 ? 1 : r1 / r2) : 1;
  const pnfi = dfb > 0 && X2b > 0 ? (df / dfb) * ((X2b - X2) / X2b) : NaN;
  return { cfi, tli, nfi, ifi, rni, rfi, pnfi };
}

/**
 * RMSEA, its 90% interval and the test of close fit (RMSEA ≤ .05), lavaan's lav_fit_rmsea*: with
 * c = χ² scale (1 for the standard test), RMSEA = √max((χ²/N)/df − c/N, 0)·√G; the interval inverts
 * the noncentral χ² (Browne & Cudeck 1993), λ → √(cλ/(N·df))·√G; the close-fit p-value is
 * P(χ²_df(λ₀) ≥ χ²) with λ₀ = N·df·.05²/(c·G).
 */
export function rmseaMeasures(
  chisq: number,
  df: number,
  N: number,
  G: number,
  c = 1,
): { rmsea: number; ciLo: number; ciHi: number; rmseaP: number; rmseaNotClose: number } {
  const sg = Math.sqrt(G);
  // rmsea(χ², df, N, N/c) = √max(χ²/(N·df) − c/N, 0): the scale c enters through the penalty term.
  const rmsea = df > 0 ? rmseaOf(chisq, df, N, N / c) * sg : 0;
  let ciLo = NaN;
  let ciHi = NaN;
  let rmseaP = NaN;
  let rmseaNotClose = NaN;
  if (df > 0 && Number.isFinite(chisq)) {
    // Lower bound: λ with P(χ²_df(λ) ≤ χ²) = 0.95; upper: = 0.05.
    const central = pchisqNC(chisq, df, 0);
    ciLo = central < 0.95 ? 0 : Math.sqrt((c * ncpFor(chisq, df, 0.95)) / (N * df)) * sg;
    ciHi = central < 0.05 ? 0 : Math.sqrt((c * ncpFor(chisq, df, 0.05)) / (N * df)) * sg;
    const ncp0 = (N * df * 0.05 * 0.05) / (c * G);
    rmseaP = chisq > HUGE_CHISQ ? normalUpper(chisq, df, ncp0) : pchisqNC(chisq, df, ncp0, false);
    const ncp8 = (N * df * 0.08 * 0.08) / (c * G);
    rmseaNotClose = chisq > HUGE_CHISQ ? 1 - normalUpper(chisq, df, ncp8) : pchisqNC(chisq, df, ncp8, true);
  } else if (df === 0) {
    ciLo = ciHi = 0;
  }
  return { rmsea, ciLo, ciHi, rmseaP, rmseaNotClose };
}

/**
 * Log-likelihoods of one group: lavaan's use the covariance of the estimation (divisor N − 1 with
 * "wishart") and, with fixed.x, are conditional on the exogenous covariates (their marginal part removed).
 */
function groupLogl(g: GroupFitIngredients, fixedIdx: number[], meanstructure: boolean): { logl: number; ulogl: number } {
  const { p, S, W, n } = g;
  const kx = fixedIdx.length;
  const log2pi = Math.log(2 * Math.PI);
  let trSW = 0;
  for (let k = 0; k < p * p; k++) trSW += S[k] * W[k];
  let quadD = 0;
  if (meanstructure) {
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) quadD += (g.mean[i] - g.mu[i]) * W[i * p + j] * (g.mean[j] - g.mu[j]);
  }
  const loglX = kx > 0 ? (-n / 2) * (kx * log2pi + logdetSub(S, p, fixedIdx) + kx) : 0;
  const logl = (-n / 2) * (p * log2pi + g.logdetSigma + trSW + quadD) - loglX;
  const ulogl = (-n / 2) * (p * log2pi + g.logdetS + p) - loglX;
  return { logl, ulogl };
}

/**
 * GFI of one group, 1 − eᵀWe / sᵀWs (AGFI = 1 − (nel/df)(1 − GFI) over all groups), lavaan's lav_fit_gfi: s = (ȳ, vech S)
 * the sample moments, e = s − (μ̂, vech Σ̂), W the normal-theory weight at the estimates
 * (½ D′(Σ̂⁻¹ ⊗ Σ̂⁻¹)D, and Σ̂⁻¹ for the means) with the rows and columns of the fixed.x covariates'
 * own moments set to zero (equivalently: those moments zeroed in e and s). nel counts every
 * sample moment, the covariates' included (Jöreskog & Sörbom 1981).
 */
function gfiGroup(x: GroupFitIngredients, fixedIdx: number[], meanstructure: boolean): number {
  // FIML (lavaan's WLS.V with missing data): the pattern-weighted information of the observed sub-vectors.
  const weights = x.gfiWeights ?? [{ w: 1, X: x.W }];
  let num = 0;
  let den = 0;
  for (const { w, X } of weights) {
    const part = gfiParts(x, X, fixedIdx, meanstructure);
    num += w * part.num;
    den += w * part.den;
  }
  return 1 - num / den;
}

/** eᵀVe and sᵀVs of GFI with the weight V built from the symmetric matrix W. */
function gfiParts(x: GroupFitIngredients, W: Float64Array, fixedIdx: number[], meanstructure: boolean): { num: number; den: number } {
  const { p, Sigma } = x;
  const S = x.gfiSample?.S ?? x.S;
  const mean = x.gfiSample?.mean ?? x.mean;
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
  if (meanstructure) {
    const quad = (v: Float64Array) => {
      let t = 0;
      for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) t += v[i] * W[i * p + j] * v[j];
      return t;
    };
    const d = new Float64Array(p);
    const m0 = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      d[i] = isX[i] ? 0 : mean[i] - x.mu[i];
      m0[i] = isX[i] ? 0 : mean[i];
    }
    num += quad(d);
    den += quad(m0);
  }
  return { num, den };
}
