/**
 * Explicit derivatives of the model-implied moments with respect to single matrix cells, for the
 * score-type statistics (modification indices, score tests) that need the information of
 * parameters the model does not estimate.
 *
 * With G = F(I − A)⁻¹ (observed rows of B), H = B S Gᵀ and ν = B m (ram.ts):
 *   A_ij (i regressed on j):  ∂Σ = g_i h_jᵀ + h_j g_iᵀ,  ∂μ = g_i ν_j
 *   S_ij (i ≠ j):             ∂Σ = g_i g_jᵀ + g_j g_iᵀ;   S_ii: ∂Σ = g_i g_iᵀ
 *   m_i:                      ∂μ = g_i
 * (g_i = column i of G, h_j = row j of H). The expected information per observation of two
 * parameters is ½ tr(Σ⁻¹ ∂Σ_k Σ⁻¹ ∂Σ_l) + ∂μ_kᵀ Σ⁻¹ ∂μ_l; with fixed.x, lavaan removes the
 * exogenous covariates' own moments from it (lav_mvnorm_information_expected with x.idx): the
 * elements of ∂Σ with both indices in x, and ∂μ of x, are zeroed first.
 */
import type { Cell, RamEngine } from "./ram";

/** ∂Σ (p×p) and ∂μ (p) of a parameter made of `cells`, at the engine's current θ. */
export interface MomentDerivative {
  dS: Float64Array;
  dMu: Float64Array;
}

export function cellDerivative(engine: RamEngine, cells: Cell[]): MomentDerivative {
  const { p, m, meanstructure } = engine.spec;
  const dS = new Float64Array(p * p);
  const dMu = new Float64Array(p);
  const { B, H, Bm } = engine;
  const g = (i: number, r: number) => B[r * m + i];
  for (const c of cells) {
    if (c.kind === 0) {
      for (let r = 0; r < p; r++) {
        const gr = g(c.i, r);
        const hr = H[c.j * p + r];
        for (let s = 0; s < p; s++) dS[r * p + s] += gr * H[c.j * p + s] + hr * g(c.i, s);
        if (meanstructure) dMu[r] += gr * Bm[c.j];
      }
    } else if (c.kind === 1) {
      for (let r = 0; r < p; r++) {
        const a = g(c.i, r);
        const b = g(c.j, r);
        for (let s = 0; s < p; s++) dS[r * p + s] += c.i === c.j ? a * g(c.i, s) : a * g(c.j, s) + b * g(c.i, s);
      }
    } else if (meanstructure) for (let r = 0; r < p; r++) dMu[r] += g(c.i, r);
  }
  return { dS, dMu };
}

/** Zeroes the fixed.x covariates' own moments in a derivative (in place). */
export function dropXBlock(d: MomentDerivative, xIdx: number[], p: number): MomentDerivative {
  for (const i of xIdx) {
    for (const j of xIdx) d.dS[i * p + j] = 0;
    d.dMu[i] = 0;
  }
  return d;
}

/** ∂F/∂θ of one parameter from its derivative: tr(M ∂Σ) − 2 (Σ⁻¹(ȳ − μ))ᵀ ∂μ, M = ∂F/∂Σ. */
export function gradientOf(d: MomentDerivative, M: Float64Array, wd: Float64Array, p: number): number {
  let s = 0;
  for (let k = 0; k < p * p; k++) s += M[k] * d.dS[k];
  for (let i = 0; i < p; i++) s -= 2 * wd[i] * d.dMu[i];
  return s;
}

/** M = Σ⁻¹ − Σ⁻¹(S + ddᵀ)Σ⁻¹ and Σ⁻¹d (d = ȳ − μ, zero without a mean structure) of a complete-data engine. */
export function discrepancyDerivative(engine: RamEngine): { M: Float64Array; wd: Float64Array } {
  const p = engine.spec.p;
  const W = engine.W;
  const S0 = engine.sample.S;
  const d = new Float64Array(p);
  if (engine.spec.meanstructure) for (let i = 0; i < p; i++) d[i] = engine.sample.mean[i] - engine.mu[i];
  const wd = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += W[i * p + j] * d[j];
    wd[i] = s;
  }
  const T = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += W[i * p + k] * (S0[k * p + j] + d[k] * d[j]);
      T[i * p + j] = s;
    }
  const M = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += T[i * p + k] * W[k * p + j];
      M[i * p + j] = W[i * p + j] - s;
    }
  return { M, wd };
}

/** T = Σ⁻¹ ∂Σ Σ⁻¹ of a derivative (p×p), for repeated information entries. */
export function sandwichW(d: MomentDerivative, W: Float64Array, p: number): Float64Array {
  const tmp = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let k = 0; k < p; k++) {
      const w = W[i * p + k];
      if (w === 0) continue;
      for (let j = 0; j < p; j++) tmp[i * p + j] += w * d.dS[k * p + j];
    }
  const T = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let k = 0; k < p; k++) {
      const t = tmp[i * p + k];
      if (t === 0) continue;
      for (let j = 0; j < p; j++) T[i * p + j] += t * W[k * p + j];
    }
  return T;
}

/** Expected information per observation of two parameters: ½ tr(T_k ∂Σ_l) + ∂μ_kᵀ Σ⁻¹ ∂μ_l. */
export function informationOf(Tk: Float64Array, dk: MomentDerivative, dl: MomentDerivative, W: Float64Array, p: number): number {
  let s = 0;
  for (let k = 0; k < p * p; k++) s += Tk[k] * dl.dS[k];
  s *= 0.5;
  for (let i = 0; i < p; i++) {
    const a = dk.dMu[i];
    if (a === 0) continue;
    for (let j = 0; j < p; j++) s += a * W[i * p + j] * dl.dMu[j];
  }
  return s;
}
