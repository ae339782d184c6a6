/**
 * Incomplete data for full-information ML (lavaan's missing = "ml"): missing-data patterns with
 * their sufficient statistics, the saturated (h1) moments by EM, and the observed-data
 * log-likelihood.
 *
 * Cases are grouped by their pattern of observed variables o; a pattern with n_p cases keeps the
 * mean ȳ_p and covariance S_p (divisor n_p) of its observed values. The observed-data
 * log-likelihood of moments (μ, Σ) is (Little & Rubin 2002, ch. 8; lavaan's
 * lav_mvnorm_missing_loglik_samplestats)
 *   ℓ = −½ Σ_p n_p [p_o log 2π + log|Σ_oo| + tr(Σ_oo⁻¹ (S_p + (ȳ_p − μ_o)(ȳ_p − μ_o)ᵀ))].
 * The h1 moments maximise ℓ; EM (Dempster, Laird & Rubin 1977) — the E-step regresses the missing
 * on the observed values of each pattern, B = Σ_mo Σ_oo⁻¹, residual C = Σ_mm − B Σ_om — iterates
 * from the available-case means and variances until the largest change is below 1e-10 (lavaan:
 * 1e-5, whose h1 log-likelihood agrees to ~1e-9).
 * Cases with no observed variable are dropped (as lavaan).
 */
import { PathlabError } from "../errors";
import { choleskyLogDet, inverseFromCholesky } from "../math/linalg";

export interface MissingPattern {
  /** Observed variables (indices into the model's observed variables). */
  vars: Int32Array;
  /** Cases (rows of the group's data). */
  rows: Int32Array;
  n: number;
  /** Mean and covariance (divisor n) of the observed values. */
  mean: Float64Array;
  cov: Float64Array;
}

export interface MissingSample {
  p: number;
  /** Cases with at least one observed value. */
  n: number;
  patterns: MissingPattern[];
  /** The data by column (NaN = missing), cases with no observed value removed. */
  columns: Float64Array[];
  /** Saturated-model moments by EM (Σ with divisor N). */
  mean: Float64Array;
  cov: Float64Array;
  emIterations: number;
  /** Coverage: proportion of cases observed on each variable. */
  coverage: Float64Array;
  /**
   * lavaan's sample statistics of incomplete data (used by GFI): available-case means and the
   * pairwise-complete covariance (divisor n_ij − 1) rescaled by (N − 1)/N.
   */
  pairwiseCov: Float64Array;
  availableMean: Float64Array;
}

/** Groups complete-or-missing columns (NaN = missing) by their missing-data pattern. */
export function missingPatterns(columns: Float64Array[], n: number): { patterns: MissingPattern[]; keep: number[] } {
  const p = columns.length;
  const byKey = new Map<string, number[]>();
  const keep: number[] = [];
  const code = new Uint8Array(p);
  for (let i = 0; i < n; i++) {
    let any = false;
    for (let j = 0; j < p; j++) {
      code[j] = Number.isNaN(columns[j][i]) ? 0 : 1;
      any ||= code[j] === 1;
    }
    if (!any) continue;
    keep.push(i);
    const key = code.join("");
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  }
  // Patterns in order of their first case (lavaan sorts differently; the order does not matter).
  const patterns: MissingPattern[] = [];
  for (const [key, rows] of byKey) {
    const vars = Int32Array.from([...key].map((c, j) => (c === "1" ? j : -1)).filter((j) => j >= 0));
    const po = vars.length;
    const nn = rows.length;
    // The pattern's centred data, variable by variable (contiguous), then cross-products.
    const X = new Float64Array(po * nn);
    const mean = new Float64Array(po);
    for (let a = 0; a < po; a++) {
      const c = columns[vars[a]];
      let s = 0;
      for (let t = 0; t < nn; t++) s += c[rows[t]];
      mean[a] = s / nn;
      for (let t = 0; t < nn; t++) X[a * nn + t] = c[rows[t]] - mean[a];
    }
    const cov = new Float64Array(po * po);
    for (let a = 0; a < po; a++)
      for (let b = 0; b <= a; b++) {
        let s = 0;
        const oa = a * nn;
        const ob = b * nn;
        for (let t = 0; t < nn; t++) s += X[oa + t] * X[ob + t];
        cov[a * po + b] = cov[b * po + a] = s / nn;
      }
    patterns.push({ vars, rows: Int32Array.from(rows), n: nn, mean, cov });
  }
  return { patterns, keep };
}

/** Σ_oo (the observed block) of a p×p matrix. */
export function subMatrix(S: Float64Array, p: number, vars: Int32Array): Float64Array {
  const k = vars.length;
  const out = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) out[a * k + b] = S[vars[a] * p + vars[b]];
  return out;
}

/**
 * Σ_p n_p [log|Σ_oo| + tr(Σ_oo⁻¹ T_p)] (−2ℓ without the 2π terms), or NaN if some Σ_oo is not
 * positive definite.
 */
export function fimlDeviance(patterns: MissingPattern[], p: number, Sigma: Float64Array, mu: Float64Array): number {
  let total = 0;
  for (const pat of patterns) {
    const k = pat.vars.length;
    const L = subMatrix(Sigma, p, pat.vars);
    const ld = choleskyLogDet(L, k);
    if (Number.isNaN(ld)) return NaN;
    const W = new Float64Array(k * k);
    inverseFromCholesky(L, k, W, new Float64Array(k * k));
    const d = new Float64Array(k);
    for (let a = 0; a < k; a++) d[a] = pat.mean[a] - mu[pat.vars[a]];
    let tr = 0;
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) tr += W[a * k + b] * (pat.cov[b * k + a] + d[a] * d[b]);
    total += pat.n * (ld + tr);
  }
  return total;
}

/** The saturated (h1) moments of incomplete data by EM. */
export function emMoments(
  patterns: MissingPattern[],
  columns: Float64Array[],
  n: number,
  maxIter = 10000,
  tol = 1e-10,
): { mean: Float64Array; cov: Float64Array; iterations: number } {
  const p = columns.length;
  // Start: available-case means and variances (divisor: cases observed), lavaan's start.
  let mu = new Float64Array(p);
  let Sigma = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    let c = 0;
    for (const pat of patterns)
      pat.vars.forEach((v, a) => {
        if (v === j) {
          s += pat.n * pat.mean[a];
          c += pat.n;
        }
      });
    mu[j] = s / c;
    let ss = 0;
    for (const pat of patterns)
      pat.vars.forEach((v, a) => {
        if (v === j) ss += pat.n * (pat.cov[a * pat.vars.length + a] + (pat.mean[a] - mu[j]) ** 2);
      });
    const v0 = ss / c;
    Sigma[j * p + j] = Number.isFinite(v0) && v0 > 0 ? v0 : 1;
  }
  let it = 0;
  for (; it < maxIter; it++) {
    const { T1, T2 } = eStep(patterns, p, mu, Sigma);
    const muNew = T1.map((t) => t / n);
    const SigmaNew = new Float64Array(p * p);
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) SigmaNew[a * p + b] = T2[a * p + b] / n - muNew[a] * muNew[b];
    let delta = 0;
    for (let a = 0; a < p; a++) delta = Math.max(delta, Math.abs(muNew[a] - mu[a]));
    for (let k = 0; k < p * p; k++) delta = Math.max(delta, Math.abs(SigmaNew[k] - Sigma[k]));
    mu = muNew;
    Sigma = SigmaNew;
    if (delta < tol * (1 + Math.max(...Array.from(mu, Math.abs)))) {
      it++;
      break;
    }
  }
  return { mean: mu, cov: Sigma, iterations: it };
}

/**
 * E-step: expected Σ y and Σ y yᵀ over all cases, from the pattern sufficient statistics. With
 * W = Σ⁻¹ and m the missing variables of a pattern, the regression of the missing on the observed
 * values is B = −W_mm⁻¹ W_mo with residual covariance C = W_mm⁻¹ (partitioned inverse), so each
 * pattern costs O(p_o²·p_m).
 */
function eStep(patterns: MissingPattern[], p: number, mu: Float64Array, Sigma: Float64Array): { T1: Float64Array; T2: Float64Array } {
  const T1 = new Float64Array(p);
  const T2 = new Float64Array(p * p);
  const L = Float64Array.from(Sigma);
  if (Number.isNaN(choleskyLogDet(L, p)))
    throw new PathlabError("FIML: the EM estimate of the covariance matrix is not positive definite.", {
      code: "sem.fiml-em",
      hint: "Check for variables that are (nearly) collinear among the observed cases.",
    });
  const W = new Float64Array(p * p);
  inverseFromCholesky(L, p, W, new Float64Array(p * p));
  const yhat = new Float64Array(p);
  const E2 = new Float64Array(p * p);
  for (const pat of patterns) {
    const o = pat.vars;
    const k = o.length;
    const nn = pat.n;
    const isObs = new Uint8Array(p);
    for (const v of o) isObs[v] = 1;
    const miss: number[] = [];
    for (let j = 0; j < p; j++) if (!isObs[j]) miss.push(j);
    const m = miss.length;
    o.forEach((v, a) => (yhat[v] = pat.mean[a]));
    // Observed block of E[y yᵀ]/n: S + ȳȳᵀ.
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) E2[o[a] * p + o[b]] = pat.cov[a * k + b] + pat.mean[a] * pat.mean[b];
    if (m > 0) {
      const Lm = subMatrix(W, p, Int32Array.from(miss));
      if (Number.isNaN(choleskyLogDet(Lm, m)))
        throw new PathlabError("FIML: the EM estimate of the covariance matrix is not positive definite.", {
          code: "sem.fiml-em",
          hint: "Check for variables that are (nearly) collinear among the observed cases.",
        });
      const C = new Float64Array(m * m);
      inverseFromCholesky(Lm, m, C, new Float64Array(m * m));
      // B = −C W_mo (m×k)
      const B = new Float64Array(m * k);
      for (let r = 0; r < m; r++)
        for (let b = 0; b < k; b++) {
          let s = 0;
          for (let t = 0; t < m; t++) s -= C[r * m + t] * W[miss[t] * p + o[b]];
          B[r * k + b] = s;
        }
      for (let r = 0; r < m; r++) {
        let s = mu[miss[r]];
        for (let a = 0; a < k; a++) s += B[r * k + a] * (pat.mean[a] - mu[o[a]]);
        yhat[miss[r]] = s;
      }
      // SBt = S Bᵀ (k×m); mixed block S Bᵀ + ȳ ŷ_mᵀ; missing block B S Bᵀ + ŷ ŷᵀ + C.
      const SBt = new Float64Array(k * m);
      for (let a = 0; a < k; a++)
        for (let r = 0; r < m; r++) {
          let s = 0;
          for (let b = 0; b < k; b++) s += pat.cov[a * k + b] * B[r * k + b];
          SBt[a * m + r] = s;
          const v = s + pat.mean[a] * yhat[miss[r]];
          E2[o[a] * p + miss[r]] = E2[miss[r] * p + o[a]] = v;
        }
      for (let r = 0; r < m; r++)
        for (let t = 0; t <= r; t++) {
          let bsb = 0;
          for (let a = 0; a < k; a++) bsb += B[r * k + a] * SBt[a * m + t];
          const v = bsb + yhat[miss[r]] * yhat[miss[t]] + C[r * m + t];
          E2[miss[r] * p + miss[t]] = E2[miss[t] * p + miss[r]] = v;
        }
    }
    for (let j = 0; j < p; j++) T1[j] += nn * yhat[j];
    for (let q = 0; q < p * p; q++) T2[q] += nn * E2[q];
  }
  return { T1, T2 };
}

/**
 * The FIML sample of one group: patterns, EM moments; errors for a variable never observed and
 * warnings for dropped empty cases.
 */
export function missingSample(columns: Float64Array[], names: string[], nRows: number): { sample: MissingSample; droppedEmpty: number } {
  const p = columns.length;
  const { patterns, keep } = missingPatterns(columns, nRows);
  const n = keep.length;
  const coverage = new Float64Array(p);
  for (const pat of patterns) for (const v of pat.vars) coverage[v] += pat.n;
  for (let j = 0; j < p; j++) {
    if (coverage[j] === 0)
      throw new PathlabError(`FIML: the variable "${names[j]}" is missing in every row, so its mean and variance cannot be estimated.`, {
        code: "sem.fiml-empty-variable",
        hint: `Drop "${names[j]}" from the model, or check its missing-value codes (naValues).`,
      });
    if (coverage[j] < 2)
      throw new PathlabError(`FIML: the variable "${names[j]}" is observed in only ${coverage[j]} row.`, {
        code: "sem.fiml-empty-variable",
        hint: `Drop "${names[j]}" from the model: a variance needs at least two observations.`,
      });
    coverage[j] /= n;
  }
  const kept = columns.map((c) => Float64Array.from(keep, (i) => c[i]));
  const newIndex = new Int32Array(nRows).fill(-1);
  keep.forEach((i, k) => (newIndex[i] = k));
  const rebased = patterns.map((pat) => ({ ...pat, rows: Int32Array.from(pat.rows, (i) => newIndex[i]) }));
  const em = emMoments(rebased, kept, n);
  const { cov: pairwiseCov, mean: availableMean } = pairwiseMoments(kept, n);
  return {
    sample: { p, n, patterns: rebased, columns: kept, mean: em.mean, cov: em.cov, emIterations: em.iterations, coverage, pairwiseCov, availableMean },
    droppedEmpty: nRows - n,
  };
}

/** Σ_p n_p p_o log 2π: the 2π part of −2ℓ for incomplete data. */
export function log2piTerm(patterns: MissingPattern[]): number {
  let s = 0;
  for (const pat of patterns) s += pat.n * pat.vars.length * Math.log(2 * Math.PI);
  return s;
}

/**
 * FIML log-likelihoods and baseline χ² of one group (lavaan 0.6.14): ℓ of the model moments and of
 * the EM moments, each conditional on fixed.x covariates (their complete-data marginal removed),
 * and the χ² of the independence model, whose FIML estimates are each variable's available-case
 * mean and variance (the likelihood factorises by variable), the covariates' block saturated.
 */
export function fimlLikelihoods(
  ms: MissingSample,
  Sigma: Float64Array,
  mu: Float64Array,
  xIdx: number[],
): { logl: number; ulogl: number; baselineChisq: number } {
  const p = ms.p;
  const two = log2piTerm(ms.patterns);
  const devH0 = fimlDeviance(ms.patterns, p, Sigma, mu);
  const devH1 = fimlDeviance(ms.patterns, p, ms.cov, ms.mean);
  const { cov: Sb, mean: mb } = baselineMoments(ms, xIdx);
  const devB = fimlDeviance(ms.patterns, p, Sb, mb);
  let loglX = 0;
  if (xIdx.length) {
    const k = xIdx.length;
    const Sx = new Float64Array(k * k);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) Sx[a * k + b] = ms.cov[xIdx[a] * p + xIdx[b]];
    const L = Float64Array.from(Sx);
    loglX = (-ms.n / 2) * (k * Math.log(2 * Math.PI) + choleskyLogDet(L, k) + k);
  }
  return { logl: -0.5 * (two + devH0) - loglX, ulogl: -0.5 * (two + devH1) - loglX, baselineChisq: Math.max(devB - devH1, 0) };
}

/** Available-case means and R's cov(use = "pairwise") × (N − 1)/N, as lavaan stores them for incomplete data. */
function pairwiseMoments(columns: Float64Array[], n: number): { cov: Float64Array; mean: Float64Array } {
  const p = columns.length;
  const mean = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    let c = 0;
    for (const x of columns[j])
      if (!Number.isNaN(x)) {
        s += x;
        c++;
      }
    mean[j] = s / c;
  }
  const cov = new Float64Array(p * p);
  for (let a = 0; a < p; a++)
    for (let b = 0; b <= a; b++) {
      const xa = columns[a];
      const xb = columns[b];
      let c = 0;
      let sa = 0;
      let sb = 0;
      for (let i = 0; i < n; i++)
        if (!Number.isNaN(xa[i]) && !Number.isNaN(xb[i])) {
          c++;
          sa += xa[i];
          sb += xb[i];
        }
      const ma = sa / c;
      const mb = sb / c;
      let ss = 0;
      for (let i = 0; i < n; i++) if (!Number.isNaN(xa[i]) && !Number.isNaN(xb[i])) ss += (xa[i] - ma) * (xb[i] - mb);
      cov[a * p + b] = cov[b * p + a] = ((ss / (c - 1)) * (n - 1)) / n;
    }
  return { cov, mean };
}

/**
 * The FIML estimates of the independence (baseline) model: each non-covariate's available-case
 * mean and variance (divisor: its number of observations), the covariate block from EM.
 */
export function baselineMoments(ms: MissingSample, xIdx: number[]): { mean: Float64Array; cov: Float64Array } {
  const p = ms.p;
  const isX = new Uint8Array(p);
  for (const i of xIdx) isX[i] = 1;
  const Sb = new Float64Array(p * p);
  const mb = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    if (isX[j]) {
      mb[j] = ms.mean[j];
      for (const i of xIdx) Sb[j * p + i] = ms.cov[j * p + i];
      continue;
    }
    let n = 0;
    let s = 0;
    let ss = 0;
    for (const pat of ms.patterns) {
      const a = Array.prototype.indexOf.call(pat.vars, j) as number;
      if (a < 0) continue;
      n += pat.n;
      s += pat.n * pat.mean[a];
    }
    const m = s / n;
    for (const pat of ms.patterns) {
      const a = Array.prototype.indexOf.call(pat.vars, j) as number;
      if (a >= 0) ss += pat.n * (pat.cov[a * pat.vars.length + a] + (pat.mean[a] - m) ** 2);
    }
    mb[j] = m;
    Sb[j * p + j] = ss / n;
  }
  return { mean: mb, cov: Sb };
}
