/**
 * The fitting functions psych::fa minimises over the uniquenesses ψ (psych 2.2.9, `fac`), each with
 * its exact gradient, for a correlation matrix R (p × p) and k factors.
 *
 * Least-squares family (psych's `fit.residuals`): A = R with 1 − ψ on the diagonal, A = V diag(λ) Vᵀ,
 * M = Σ_{j≤k} max(λ_j, 0) v_j v_jᵀ (the best rank-k fit), residual E = A − M, and
 *   minres  C = Σ_{i<j} E_ij²                    (off-diagonal only; psych's default)
 *   uls     C = Σ_ij E_ij²                       (diagonal included)
 *   wls     C = Σ_ij w_i w_j E_ij²,  w_i = 1/(R⁻¹)_ii
 *   gls     C = ‖R⁻¹E‖²_F
 *   minchi  C = Σ_{i≠j} n_ij E_ij²               (n_ij = pairwise counts)
 * With G = ∂C/∂E and the divided differences D_ab = (f(λ_a) − f(λ_b))/(λ_a − λ_b) of
 * f(λ_j) = max(λ_j, 0) for j ≤ k and 0 beyond (D_aa = f′(λ_a); Daleckiĭ & Kreĭn 1965), the
 * derivative of the spectral map M(A) gives
 *   ∂C/∂ψ_i = Σ_ab D_ab (VᵀGV)_ab V_ia V_ib − G_ii.
 * psych hands these criteria to optim with the gradient of ½‖E‖² (or of the ML function), which is
 * the right gradient only for uls; with the exact gradient the optimiser reaches the criterion's own
 * minimum, so our criterion value is never above psych's.
 *
 * Maximum likelihood (Jöreskog 1967; psych's FAfn/FAgr, taken from factanal): e_j the eigenvalues
 * of Ψ^{-1/2} R Ψ^{-1/2},
 *   F(ψ) = Σ_{j>k} (e_j − ln e_j − 1),   ∂F/∂ψ_i = (ΛΛᵀ + Ψ − R)_ii / ψ_i²,
 * Λ = Ψ^{1/2} V_k diag(√max(e_k − 1, 0)).
 *
 * @example
 * const fg = lsCriterion(R, 2, "minres");
 * const { f, g } = fg(Float64Array.from([0.5, 0.4, 0.6, 0.3, 0.5]));
 */
import { eigenSymmetric, eigenTop, invertSPD, type FlatEigen, type Mat } from "../../math";

export type LeastSquaresKind = "minres" | "uls" | "wls" | "gls" | "minchi";

export type ValueAndGradient = (psi: Float64Array) => { f: number; g: Float64Array };

function flatten(R: Mat): Float64Array {
  const p = R.length;
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) out[i * p + j] = R[i][j];
  return out;
}

/** Symmetric inverse of R as a flat array (pseudo-inverse by eigenvalues when R is singular). */
function flatInverse(R: Mat): Float64Array {
  const p = R.length;
  try {
    return flatten(invertSPD(R));
  } catch {
    const e = eigenSymmetric(flatten(R), p, true);
    const V = e.vectors!;
    const out = new Float64Array(p * p);
    const tol = Math.sqrt(Number.EPSILON) * Math.max(e.values[0], 0);
    for (let m = 0; m < p; m++) {
      if (!(e.values[m] > tol)) continue;
      const w = 1 / e.values[m];
      for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) out[i * p + j] += w * V[m * p + i] * V[m * p + j];
    }
    return out;
  }
}

/**
 * uls in its cheap form: ‖E‖² = Σ λ_j² over the eigenvalues of A not in the rank-k fit (j > k, or
 * negative), gradient 2(h² + ψ − diag R) with h² from the top-k eigenpairs only (no spectral term:
 * E is orthogonal to the fitted eigenvectors).
 */
export function ulsCriterion(R: Mat, k: number): ValueAndGradient {
  const p = R.length;
  const flat = flatten(R);
  const A = new Float64Array(p * p);
  return (psi: Float64Array) => {
    A.set(flat);
    for (let i = 0; i < p; i++) A[i * p + i] -= psi[i];
    const e = eigenTop(A, p, k);
    let f = 0;
    for (let j = 0; j < p; j++) if (j >= k || e.values[j] < 0) f += e.values[j] * e.values[j];
    const h2 = topRowSS(e, p, k, 0);
    const g = new Float64Array(p);
    for (let i = 0; i < p; i++) g[i] = 2 * (h2[i] + psi[i] - flat[i * p + i]);
    return { f, g };
  };
}

/**
 * The least-squares criterion `kind` and its gradient in ψ (see the module comment). `np` are the
 * pairwise counts (minchi only).
 */
export function lsCriterion(R: Mat, k: number, kind: LeastSquaresKind, np?: number[][] | null): ValueAndGradient {
  if (kind === "uls") return ulsCriterion(R, k);
  const p = R.length;
  const flat = flatten(R);
  const A = new Float64Array(p * p);
  const E = new Float64Array(p * p);
  const G = new Float64Array(p * p);
  const T = new Float64Array(p * p);
  let w: Float64Array | undefined;
  let Rinv2: Float64Array | undefined;
  if (kind === "wls") {
    const Ri = flatInverse(R);
    w = Float64Array.from({ length: p }, (_, i) => 1 / Ri[i * p + i]);
  }
  if (kind === "gls") {
    const Ri = flatInverse(R);
    Rinv2 = new Float64Array(p * p);
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) {
        let s = 0;
        for (let m = 0; m < p; m++) s += Ri[i * p + m] * Ri[m * p + j];
        Rinv2[i * p + j] = s;
      }
  }
  const nFlat = kind === "minchi" && np ? flatten(np) : undefined;
  return (psi: Float64Array) => {
    A.set(flat);
    for (let i = 0; i < p; i++) A[i * p + i] = 1 - psi[i];
    const e = eigenSymmetric(A, p, true);
    const V = e.vectors!;
    const lam = e.values;
    // residual E = A − Σ_{j<k} max(λ_j, 0) v_j v_jᵀ
    E.set(A);
    for (let j = 0; j < k; j++) {
      const wj = Math.max(lam[j], 0);
      if (wj === 0) continue;
      const r = j * p;
      for (let a = 0; a < p; a++) {
        const va = wj * V[r + a];
        for (let b = 0; b < p; b++) E[a * p + b] -= va * V[r + b];
      }
    }
    let f = 0;
    switch (kind) {
      case "minres":
        for (let a = 0; a < p; a++)
          for (let b = 0; b < p; b++) {
            const x = a === b ? 0 : E[a * p + b];
            G[a * p + b] = x;
            if (a < b) f += x * x;
          }
        break;
      case "wls":
        for (let a = 0; a < p; a++)
          for (let b = 0; b < p; b++) {
            const x = E[a * p + b];
            const ww = w![a] * w![b];
            f += ww * x * x;
            G[a * p + b] = 2 * ww * x;
          }
        break;
      case "gls": {
        // C = ‖R⁻¹E‖², G = R⁻²E + E R⁻²
        for (let a = 0; a < p; a++)
          for (let b = 0; b < p; b++) {
            let s = 0;
            for (let m = 0; m < p; m++) s += Rinv2![a * p + m] * E[m * p + b];
            T[a * p + b] = s;
          }
        for (let a = 0; a < p; a++)
          for (let b = 0; b < p; b++) {
            G[a * p + b] = T[a * p + b] + T[b * p + a];
            f += E[a * p + b] * T[a * p + b];
          }
        break;
      }
      case "minchi":
        for (let a = 0; a < p; a++)
          for (let b = 0; b < p; b++) {
            const x = a === b ? 0 : E[a * p + b];
            const n = nFlat ? nFlat[a * p + b] : 1;
            f += n * x * x;
            G[a * p + b] = 2 * n * x;
          }
        break;
    }
    return { f, g: spectralGradient(G, e, p, k, T) };
  };
}

/** ∂C/∂ψ_i = Σ_ab D_ab (VᵀGV)_ab V_ia V_ib − G_ii (see the module comment); T is scratch space. */
function spectralGradient(G: Float64Array, e: FlatEigen, p: number, k: number, T: Float64Array): Float64Array {
  const V = e.vectors!;
  const lam = e.values;
  const f = (j: number) => (j < k ? Math.max(lam[j], 0) : 0);
  // T = G V (column b of T = G v_b)
  for (let i = 0; i < p; i++)
    for (let b = 0; b < p; b++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += G[i * p + j] * V[b * p + j];
      T[i * p + b] = s;
    }
  // H = D ∘ (VᵀGV), only rows a < k or columns b < k are non-zero
  const H = new Float64Array(p * p);
  for (let a = 0; a < p; a++)
    for (let b = 0; b < p; b++) {
      if (a >= k && b >= k) continue;
      let d: number;
      const dl = lam[a] - lam[b];
      if (a === b) d = a < k && lam[a] > 0 ? 1 : 0;
      // a tie: the limit of the divided difference (a tie across the k-th eigenvalue has none; 0)
      else if (Math.abs(dl) <= 1e-14 * Math.max(1, Math.abs(lam[a]))) d = a < k && b < k && lam[a] > 0 ? 1 : 0;
      else d = (f(a) - f(b)) / dl;
      if (d === 0) continue;
      let s = 0;
      for (let i = 0; i < p; i++) s += V[a * p + i] * T[i * p + b];
      H[a * p + b] = d * s;
    }
  const g = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let a = 0; a < p; a++) {
      const va = V[a * p + i];
      if (va === 0) continue;
      let t = 0;
      for (let b = 0; b < p; b++) t += H[a * p + b] * V[b * p + i];
      s += va * t;
    }
    g[i] = s - G[i * p + i];
  }
  return g;
}

/** Σ_{j<k} max(λ_j − shift, 0) v_ji² for each i: the model communalities from the top-k eigenpairs. */
function topRowSS(e: FlatEigen, p: number, k: number, shift: number): Float64Array {
  const h = new Float64Array(p);
  const V = e.vectors!;
  for (let j = 0; j < k; j++) {
    const w = Math.max(e.values[j] - shift, 0);
    const row = j * p;
    for (let i = 0; i < p; i++) h[i] += w * V[row + i] * V[row + i];
  }
  return h;
}

/** ML: F(ψ) = Σ_{j>k}(e_j − ln e_j − 1) and its gradient (ΛΛᵀ + Ψ − R)_ii / ψ_i². */
export function mlCriterion(R: Mat, k: number): ValueAndGradient {
  const p = R.length;
  const flat = flatten(R);
  const S = new Float64Array(p * p);
  return (psi: Float64Array) => {
    const sc = Array.from(psi, (v) => 1 / Math.sqrt(v));
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) S[i * p + j] = flat[i * p + j] * sc[i] * sc[j];
    const e = eigenTop(S, p, k);
    let f = 0;
    for (let j = k; j < p; j++) {
      const v = e.values[j];
      f += v > 0 ? v - Math.log(v) - 1 : Infinity;
    }
    // Ψ^{-1/2}Λ from the top-k eigenpairs, so (ΛΛᵀ)_ii = ψ_i h_i
    const h = topRowSS(e, p, k, 1);
    const g = new Float64Array(p);
    for (let i = 0; i < p; i++) g[i] = (psi[i] * h[i] + psi[i] - flat[i * p + i]) / (psi[i] * psi[i]);
    return { f, g };
  };
}

/**
 * The same function of θ = ln ψ: the box stays a box and the ML function, whose curvature grows
 * like 1/ψ² near psych's bound 0.005, becomes well scaled (∂F/∂θ_i = ψ_i ∂F/∂ψ_i).
 */
export function inLogs(fg: ValueAndGradient): ValueAndGradient {
  return (theta: Float64Array) => {
    const psi = theta.map(Math.exp);
    const r = fg(psi);
    const g = new Float64Array(theta.length);
    for (let i = 0; i < theta.length; i++) g[i] = r.g[i] * psi[i];
    return { f: r.f, g };
  };
}
