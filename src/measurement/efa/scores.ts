/**
 * Factor-score weights and scores as psych::factor.scores computes them (psych 2.2.9; Grice 2001,
 * "Computing and evaluating factor scores", Psychological Methods 6), for the pattern Λ (p × k),
 * factor correlations Φ (I if orthogonal), structure S = ΛΦ and the item correlations R:
 *
 *   regression  W = R⁻¹S                                (Thurstone 1935; psych's default)
 *   Bartlett    W = U⁻²Λ(ΛᵀU⁻²Λ)⁻¹,  U² = 1 − diag(ΛΦΛᵀ)
 *   Anderson    W = U⁻²Λ(ΛᵀU⁻²RU⁻²Λ)^{-1/2}             (Anderson & Rubin 1956)
 *   tenBerge    L = ΛΦ^{1/2}, W = R^{-1/2} R^{-1/2} L (Lᵀ R⁻¹ L)^{-1/2} Φ^{1/2}   (ten Berge et al. 1999)
 *   Harman      W = M⁻¹Λ, M = ΛSᵀ with unit diagonal
 *
 * psych's conventions kept: R is the correlation matrix of the raw items computed pairwise (whatever
 * `use` the factoring had); when R is singular (R's `solve` refuses: reciprocal condition number
 * below machine ε) the regression weights fall back to the loadings, as psych does (with a
 * warning here); tenBerge smooths R (cor.smooth) before inverting it; matrix square roots floor
 * eigenvalues (negative → ε for Φ^{1/2}, < ε → 100ε for inverse roots). R² of each factor with its
 * score estimate = diag(WᵀS), set to NaN where above 1 (beyond rounding) or not positive (psych: NA); the scores are
 * the standardized items times W (scale(x) %*% W), NaN for a row with a missing item.
 *
 * @example
 * const w = scoreWeights(R, L, Phi, "regression");
 */
import { inverse, mul, symEigen, tmul, transpose, type Mat } from "../../math";
import { corSmooth } from "./stats";

export const SCORE_METHODS = ["regression", "Bartlett", "Anderson", "tenBerge", "Harman", "none"] as const;
export type ScoreMethod = (typeof SCORE_METHODS)[number];

export interface ScoreWeights {
  method: ScoreMethod;
  /** p × k weights. */
  weights: Mat;
  /** R² of each factor with its score estimate (NaN where psych gives NA). */
  R2: number[];
  /** Correlations among the score estimates, cov2cor(WᵀRW). */
  scoreCorrelations: Mat;
  /** True when R was singular and the loadings were used as weights (regression; psych's fallback). */
  fellBack: boolean;
}

/** A⁻¹ when R's solve would give it (reciprocal 1-norm condition number ≥ ε), else null. */
export function inverseIfRegular(A: Mat): Mat | null {
  let Ai: Mat;
  try {
    Ai = inverse(A);
  } catch {
    return null;
  }
  const norm1 = (M: Mat) => {
    let best = 0;
    for (let j = 0; j < M.length; j++) {
      let s = 0;
      for (const r of M) s += Math.abs(r[j]);
      best = Math.max(best, s);
    }
    return best;
  };
  const rcond = 1 / (norm1(A) * norm1(Ai));
  return Number.isFinite(rcond) && rcond >= Number.EPSILON ? Ai : null;
}

/** Symmetric power of a matrix by its eigenvalues, with psych's floors (see the module comment). */
function matPower(A: Mat, power: 0.5 | -0.5): Mat {
  const e = symEigen(A);
  const vals = e.values.map((v) => (power > 0 ? (v < 0 ? Number.EPSILON : v) : v < Number.EPSILON ? 100 * Number.EPSILON : v) ** power);
  const p = A.length;
  return Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (__, j) => {
      let s = 0;
      for (let m = 0; m < p; m++) s += e.vectors[i][m] * vals[m] * e.vectors[j][m];
      return s;
    }),
  );
}

function cov2corLoose(C: Mat): Mat {
  const d = C.map((r, i) => Math.sqrt(r[i]));
  return C.map((r, i) => r.map((v, j) => v / (d[i] * d[j])));
}

/**
 * psych's factor-score weights for `method` (see the module comment). `obliqueScores` uses the
 * pattern instead of the structure (psych's oblique.scores = TRUE).
 */
export function scoreWeights(R: Mat, L: Mat, Phi: Mat | undefined, method: Exclude<ScoreMethod, "none">, obliqueScores = false): ScoreWeights {
  const k = L[0].length;
  const P = Phi && !obliqueScores ? Phi : Array.from({ length: k }, (_, i) => Array.from({ length: k }, (__, j) => (i === j ? 1 : 0)));
  const S = mul(L, P);
  const h2 = L.map((r, i) => r.reduce((a, v, j) => a + v * S[i][j], 0));
  let W: Mat;
  let fellBack = false;
  switch (method) {
    case "regression": {
      const Ri = inverseIfRegular(R);
      if (Ri) W = mul(Ri, S);
      else {
        W = L.map((r) => r.slice());
        fellBack = true;
      }
      break;
    }
    case "Bartlett": {
      const UL = L.map((r, i) => r.map((v) => v / (1 - h2[i])));
      W = mul(UL, inverse(tmul(L, UL)));
      break;
    }
    case "Anderson": {
      const UL = L.map((r, i) => r.map((v) => v / (1 - h2[i])));
      W = mul(UL, matPower(tmul(UL, mul(R, UL)), -0.5));
      break;
    }
    case "tenBerge": {
      const Lh = mul(L, matPower(P, 0.5));
      const r5 = matPower(R, -0.5);
      const Ri = inverse(corSmooth(R).R);
      const C = mul(mul(r5, Lh), matPower(tmul(Lh, mul(Ri, Lh)), -0.5));
      W = mul(mul(r5, C), matPower(P, 0.5));
      break;
    }
    case "Harman": {
      const M = mul(L, transpose(S)).map((r, i) => r.map((v, j) => (i === j ? 1 : v)));
      W = mul(inverse(M), L);
      break;
    }
  }
  let R2 = Array.from({ length: k }, (_, j) => W.reduce((a, r, i) => a + r[j] * S[i][j], 0));
  // psych blanks impossible values; 1 + rounding (Bartlett's R² is exactly 1) is kept as 1
  const over = (v: number) => Math.abs(v) > 1 + 1e-10;
  R2 = R2.map((v) => (Math.abs(v) > 1 && !over(v) ? Math.sign(v) : v));
  if (R2.some((v) => over(v) || Number.isNaN(v)) || R2.reduce((a, b) => a * b, 1) < 0) R2 = R2.map((v) => (over(v) || v <= 0 ? NaN : v));
  const scoreCorrelations = cov2corLoose(tmul(W, mul(R, W)));
  return { method, weights: W, R2, scoreCorrelations, fellBack };
}

/**
 * Scores of each row: the items standardized by their own mean and SD (n − 1; missing values left
 * out), times W. A row with any missing item gets NaN scores.
 */
export function factorScores(columns: Float64Array[], W: Mat): Float64Array[] {
  const p = columns.length;
  const k = W[0].length;
  const n = columns[0]?.length ?? 0;
  const z = columns.map((c) => {
    let m = 0;
    let cnt = 0;
    for (const v of c)
      if (v === v) {
        m += v;
        cnt++;
      }
    m /= cnt;
    let ss = 0;
    for (const v of c) if (v === v) ss += (v - m) ** 2;
    const sd = Math.sqrt(ss / (cnt - 1));
    return Float64Array.from(c, (v) => (v - m) / sd);
  });
  const out = Array.from({ length: k }, () => new Float64Array(n));
  for (let r = 0; r < n; r++)
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let i = 0; i < p; i++) s += z[i][r] * W[i][j];
      out[j][r] = s;
    }
  return out;
}
