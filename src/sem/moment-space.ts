/**
 * The moment space of a group — the means and the non-duplicated covariances σ = (μ, vech Σ),
 * vech in lavaan's order (lower triangle by columns: (1,1), (2,1), …, (p,1), (2,2), …) — and the
 * matrices of the robust (MLR, MLM) statistics on it (lavaan's lav_mvnorm_* and lav_samplestats_Gamma):
 *
 *   Δ = ∂σ/∂θ (p* × q), the model's Jacobian;
 *   expected information of the saturated model at Σ (W = Σ⁻¹):
 *     means W; covariances (ij, kl): c_ij c_kl (W_ik W_jl + W_il W_jk), c = ½ on the diagonal, 1 off it;
 *   casewise scores s_i at (μ, Σ): means W e_i; covariances c_kl (W e_i e_iᵀ W − W)_kl (e_i = y_i − μ),
 *     with incomplete data the same on the observed block with Σ_oo⁻¹;
 *   first-order information J = Σ_i s_i s_iᵀ / N;
 *   Γ (ADF, Browne 1984): the covariance of (y_i, vech (y_i − ȳ)(y_i − ȳ)ᵀ), divisor N.
 * With fixed.x, the rows and columns of the covariates' own moments are zeroed (lavaan's x.idx).
 */
import { PathlabError } from "../errors";
import { invertGeneralFlat } from "../math/linalg";
import type { MissingSample } from "./missing";
import type { RamEngine } from "./ram";
import { cellDerivative } from "./derivatives";

export interface MomentLayout {
  p: number;
  meanstructure: boolean;
  /** p (means) or 0. */
  nMean: number;
  pstar: number;
  /** Row and column of each vech element. */
  vi: Int32Array;
  vj: Int32Array;
  /** Position of (i, j) (either order) in σ. */
  pos: Int32Array;
  /** Elements to zero for fixed.x (the covariates' means and their covariance block). */
  xMask: Uint8Array;
}

export function momentLayout(p: number, meanstructure: boolean, xIdx: number[] = []): MomentLayout {
  const nMean = meanstructure ? p : 0;
  const nv = (p * (p + 1)) / 2;
  const vi = new Int32Array(nv);
  const vj = new Int32Array(nv);
  const pos = new Int32Array(p * p);
  let k = 0;
  for (let j = 0; j < p; j++)
    for (let i = j; i < p; i++) {
      vi[k] = i;
      vj[k] = j;
      pos[i * p + j] = pos[j * p + i] = nMean + k;
      k++;
    }
  const pstar = nMean + nv;
  const isX = new Uint8Array(p);
  for (const i of xIdx) isX[i] = 1;
  const xMask = new Uint8Array(pstar);
  if (meanstructure) for (let i = 0; i < p; i++) xMask[i] = isX[i];
  for (let t = 0; t < nv; t++) xMask[nMean + t] = isX[vi[t]] && isX[vj[t]] ? 1 : 0;
  return { p, meanstructure, nMean, pstar, vi, vj, pos, xMask };
}

/** Δ = ∂σ/∂θ at the engine's current θ (p* × q, row-major). */
export function momentJacobian(engine: RamEngine, L: MomentLayout): Float64Array {
  const q = engine.q;
  const { p, nMean, pstar } = L;
  const D = new Float64Array(pstar * q);
  engine.spec.cells.forEach((cells, k) => {
    if (!cells.length) return;
    const d = cellDerivative(engine, cells);
    for (let i = 0; i < nMean; i++) D[i * q + k] = d.dMu[i];
    for (let t = 0; t < L.vi.length; t++) D[(nMean + t) * q + k] = d.dS[L.vi[t] * p + L.vj[t]];
  });
  return D;
}

/** Expected information of the saturated model at W = Σ⁻¹ (p* × p*), fixed.x rows and columns zero. */
export function h1Expected(W: Float64Array, L: MomentLayout): Float64Array {
  const { p, nMean, pstar, vi, vj, xMask } = L;
  const A = new Float64Array(pstar * pstar);
  for (let a = 0; a < nMean; a++) for (let b = 0; b < nMean; b++) A[a * pstar + b] = W[a * p + b];
  const nv = vi.length;
  for (let s = 0; s < nv; s++) {
    const i = vi[s];
    const j = vj[s];
    const cs = i === j ? 0.5 : 1;
    for (let t = 0; t <= s; t++) {
      const k = vi[t];
      const l = vj[t];
      const ct = k === l ? 0.5 : 1;
      const v = cs * ct * (W[i * p + k] * W[j * p + l] + W[i * p + l] * W[j * p + k]);
      A[(nMean + s) * pstar + nMean + t] = A[(nMean + t) * pstar + nMean + s] = v;
    }
  }
  zeroMask(A, pstar, xMask);
  return A;
}

/** Zeroes the masked rows and columns of a p*×p* matrix (in place). */
export function zeroMask(A: Float64Array, n: number, mask: Uint8Array): void {
  for (let a = 0; a < n; a++) {
    if (!mask[a]) continue;
    for (let b = 0; b < n; b++) A[a * n + b] = A[b * n + a] = 0;
  }
}

/**
 * Calls `fn(s, row)` with each case's score vector s_i (p*, a reused buffer) at (μ, Σ): complete
 * data with W = Σ⁻¹, or incomplete data pattern by pattern with Σ_oo⁻¹ (zero for the unobserved
 * entries). Returns the number of cases.
 */
function eachScore(
  data: { columns: Float64Array[]; n: number } | MissingSample,
  mu: Float64Array,
  W: Float64Array,
  L: MomentLayout,
  fn: (s: Float64Array, row: number) => void,
  patternInverse?: (vars: Int32Array) => Float64Array,
  needed?: Uint8Array,
): number {
  const { p, nMean, pstar, vi, vj, xMask } = L;
  const v = new Float64Array(p);
  const e = new Float64Array(p);
  const s = new Float64Array(pstar);
  const Wfull = new Float64Array(p * p);
  const groups: { vars: Int32Array; rows: ArrayLike<number>; X: Float64Array }[] =
    "patterns" in data
      ? data.patterns.map((pt) => ({ vars: pt.vars, rows: pt.rows, X: pt.vars.length === p ? W : patternInverse!(pt.vars) }))
      : [{ vars: Int32Array.from({ length: p }, (_, j) => j), rows: Int32Array.from({ length: data.n }, (_, i) => i), X: W }];
  const cols = data.columns;
  const masked = xMask.some((x) => x);
  // Only the score entries `needed` (the nonzero rows of a Δ) are formed.
  const vech: number[] = [];
  for (let t = 0; t < vi.length; t++) if (!needed || needed[nMean + t]) vech.push(t);
  const nv = vech.length;
  const tK = Int32Array.from(vech, (t) => vi[t]);
  const tL = Int32Array.from(vech, (t) => vj[t]);
  const tOut = Int32Array.from(vech, (t) => nMean + t);
  const tW = Int32Array.from(vech, (t) => vi[t] * p + vj[t]);
  const tHalf = Float64Array.from(vech, (t) => (vi[t] === vj[t] ? 0.5 : 1));
  let row = 0;
  for (const gp of groups) {
    const o = gp.vars;
    const m = o.length;
    Wfull.fill(0);
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) Wfull[o[a] * p + o[b]] = gp.X[a * m + b];
    // Nonzero columns of each row of W (W is diagonal for the baseline model).
    const nzStart = new Int32Array(p + 1);
    const nzCol: number[] = [];
    for (let a = 0; a < p; a++) {
      nzStart[a] = nzCol.length;
      for (let b = 0; b < p; b++) if (Wfull[a * p + b] !== 0) nzCol.push(b);
    }
    nzStart[p] = nzCol.length;
    const nzc = Int32Array.from(nzCol);
    for (let r = 0; r < gp.rows.length; r++, row++) {
      const i = gp.rows[r];
      e.fill(0);
      for (let a = 0; a < m; a++) e[o[a]] = cols[o[a]][i] - mu[o[a]];
      for (let a = 0; a < p; a++) {
        let t = 0;
        const ra = a * p;
        for (let k = nzStart[a]; k < nzStart[a + 1]; k++) t += Wfull[ra + nzc[k]] * e[nzc[k]];
        v[a] = t;
      }
      for (let a = 0; a < nMean; a++) s[a] = v[a];
      for (let t = 0; t < nv; t++) s[tOut[t]] = tHalf[t] * (v[tK[t]] * v[tL[t]] - Wfull[tW[t]]);
      if (masked) for (let a = 0; a < pstar; a++) if (xMask[a]) s[a] = 0;
      fn(s, row);
    }
  }
  return row;
}

/** The casewise scores s_i as the rows of an N × p* matrix (see `eachScore`). */
export function scoreMatrix(
  data: { columns: Float64Array[]; n: number } | MissingSample,
  mu: Float64Array,
  W: Float64Array,
  L: MomentLayout,
  patternInverse?: (vars: Int32Array) => Float64Array,
): { S: Float64Array; N: number } {
  const N = "patterns" in data ? data.patterns.reduce((a, pt) => a + pt.n, 0) : data.n;
  const S = new Float64Array(N * L.pstar);
  eachScore(data, mu, W, L, (s, row) => S.set(s, row * L.pstar), patternInverse);
  return { S, N };
}

/**
 * Sᵀ S / N for an N × n matrix (row-major), symmetric result: transposed once so that every
 * entry is a dot product of two contiguous columns (four at a time).
 */
export function crossprod(S: Float64Array, N: number, n: number): Float64Array {
  const T = new Float64Array(n * N);
  for (let i = 0; i < N; i++) {
    const ri = i * n;
    for (let a = 0; a < n; a++) T[a * N + i] = S[ri + a];
  }
  const J = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    const oa = a * N;
    let b = 0;
    for (; b + 3 <= a; b += 4) {
      const o0 = b * N;
      const o1 = o0 + N;
      const o2 = o1 + N;
      const o3 = o2 + N;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < N; i++) {
        const x = T[oa + i];
        s0 += x * T[o0 + i];
        s1 += x * T[o1 + i];
        s2 += x * T[o2 + i];
        s3 += x * T[o3 + i];
      }
      J[a * n + b] = s0 / N;
      J[a * n + b + 1] = s1 / N;
      J[a * n + b + 2] = s2 / N;
      J[a * n + b + 3] = s3 / N;
    }
    for (; b <= a; b++) {
      const ob = b * N;
      let s0 = 0;
      for (let i = 0; i < N; i++) s0 += T[oa + i] * T[ob + i];
      J[a * n + b] = s0 / N;
    }
  }
  for (let a = 0; a < n; a++) for (let b = 0; b < a; b++) J[b * n + a] = J[a * n + b];
  return J;
}

/** First-order information J = Σ_i s_i s_iᵀ / N (p* × p*). */
export function firstOrder(
  data: { columns: Float64Array[]; n: number } | MissingSample,
  mu: Float64Array,
  W: Float64Array,
  L: MomentLayout,
  patternInverse?: (vars: Int32Array) => Float64Array,
): Float64Array {
  const { S, N } = scoreMatrix(data, mu, W, L, patternInverse);
  return crossprod(S, N, L.pstar);
}

/**
 * Δᵀ J Δ = Σ_i (Δᵀs_i)(Δᵀs_i)ᵀ / N (q × q) without forming J: the meat of the sandwich. Δ is
 * sparse (a loading moves one row of Σ), so each case costs O(nnz(Δ) + q²).
 */
export function firstOrderProjected(
  data: { columns: Float64Array[]; n: number } | MissingSample,
  mu: Float64Array,
  W: Float64Array,
  L: MomentLayout,
  Delta: Float64Array,
  q: number,
  patternInverse?: (vars: Int32Array) => Float64Array,
): Float64Array {
  const pstar = L.pstar;
  // U = S Δ (N × q) through Δ's nonzeros, case by case (the N × p* scores are never stored).
  const nzA: number[] = [];
  const nzK: number[] = [];
  const nzV: number[] = [];
  for (let a = 0; a < pstar; a++)
    for (let k = 0; k < q; k++) {
      const d = Delta[a * q + k];
      if (d !== 0) {
        nzA.push(a);
        nzK.push(k);
        nzV.push(d);
      }
    }
  const A = Int32Array.from(nzA);
  const K = Int32Array.from(nzK);
  const V = Float64Array.from(nzV);
  const needed = new Uint8Array(pstar);
  for (const a of nzA) needed[a] = 1;
  const Nmax = "patterns" in data ? data.patterns.reduce((a, pt) => a + pt.n, 0) : data.n;
  const U = new Float64Array(Nmax * q);
  const N = eachScore(
    data,
    mu,
    W,
    L,
    (s, row) => {
      const ui = row * q;
      for (let t = 0; t < A.length; t++) U[ui + K[t]] += s[A[t]] * V[t];
    },
    patternInverse,
    needed,
  );
  return crossprod(U, N, q);
}

/**
 * Γ of complete data (lavaan's lav_samplestats_Gamma, not model-based): the covariance of
 * z_i = (y_i, vech (y_i − ȳ)(y_i − ȳ)ᵀ) with divisor N. With fixed.x covariates x, lavaan uses
 * z_i(y) − z_i(ŷ) where ŷ replaces the non-covariates by their least-squares fit on x.
 */
export function adfGamma(columns: Float64Array[], n: number, L: MomentLayout, xIdx: number[]): Float64Array {
  const { p, nMean, pstar, vi, vj } = L;
  const Y = columns;
  const Yhat = xIdx.length ? fittedOnX(columns, n, xIdx) : null;
  const z = new Float64Array(n * pstar);
  const fill = (data: Float64Array[], sign: number) => {
    const mean = data.map((c) => c.reduce((a, x) => a + x, 0) / n);
    for (let i = 0; i < n; i++) {
      const row = i * pstar;
      for (let a = 0; a < nMean; a++) z[row + a] += sign * data[a][i];
      for (let t = 0; t < vi.length; t++) z[row + nMean + t] += sign * (data[vi[t]][i] - mean[vi[t]]) * (data[vj[t]][i] - mean[vj[t]]);
    }
  };
  fill(Y, 1);
  if (Yhat) fill(Yhat, -1);
  const zbar = new Float64Array(pstar);
  for (let i = 0; i < n; i++) for (let a = 0; a < pstar; a++) zbar[a] += z[i * pstar + a] / n;
  const G = new Float64Array(pstar * pstar);
  for (let i = 0; i < n; i++) {
    const row = i * pstar;
    for (let a = 0; a < pstar; a++) {
      const za = z[row + a] - zbar[a];
      if (za === 0) continue;
      for (let b = 0; b <= a; b++) G[a * pstar + b] += za * (z[row + b] - zbar[b]);
    }
  }
  for (let a = 0; a < pstar; a++)
    for (let b = 0; b <= a; b++) {
      const v = G[a * pstar + b] / n;
      G[a * pstar + b] = G[b * pstar + a] = v;
    }
  void p;
  return G;
}

/** The columns with every non-covariate replaced by its OLS fit on the covariates (with intercept). */
function fittedOnX(columns: Float64Array[], n: number, xIdx: number[]): Float64Array[] {
  const k = xIdx.length + 1;
  const X = (i: number, a: number) => (a === 0 ? 1 : columns[xIdx[a - 1]][i]);
  const XtX = new Float64Array(k * k);
  for (let i = 0; i < n; i++) for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) XtX[a * k + b] += X(i, a) * X(i, b);
  const inv = new Float64Array(k * k);
  if (!invertGeneralFlat(XtX, k, inv, new Float64Array(k * k)))
    throw new PathlabError("Robust statistics: the exogenous covariates (fixed.x) are collinear, so the other variables cannot be regressed on them.", {
      code: "sem.robust-moments",
      hint: "Drop a redundant covariate (e.g. one that is a sum or copy of others).",
    });
  return columns.map((c, j) => {
    if (xIdx.includes(j)) return c;
    const Xty = new Float64Array(k);
    for (let i = 0; i < n; i++) for (let a = 0; a < k; a++) Xty[a] += X(i, a) * c[i];
    const beta = new Float64Array(k);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) beta[a] += inv[a * k + b] * Xty[b];
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let a = 0; a < k; a++) out[i] += X(i, a) * beta[a];
    return out;
  });
}

/**
 * Observed information of the saturated model for incomplete data at (μ, Σ) (lavaan's
 * lav_mvnorm_missing_information_observed_samplestats): Σ_p (n_p/N) × ½ × the Hessian of the
 * pattern's deviance n_p[log|Σ_oo| + tr(Σ_oo⁻¹ T_p)], with X = Σ_oo⁻¹, P = X T_p X, r = X d_p:
 *   covariances: c c [−(X_ik X_jl + X_il X_jk) + (X_jk P_li + X_jl P_ki + X_ik P_lj + X_il P_kj)]
 *   mean m × covariance kl: c_kl (X_mk r_l + X_ml r_k);  means: X_mn.
 */
export function h1ObservedFiml(ms: MissingSample, mu: Float64Array, patternInverse: (vars: Int32Array) => Float64Array, L: MomentLayout): Float64Array {
  const { p, nMean, pstar, vi, vj, xMask } = L;
  const A = new Float64Array(pstar * pstar);
  const X = new Float64Array(p * p);
  const P = new Float64Array(p * p);
  const r = new Float64Array(p);
  for (const pt of ms.patterns) {
    const o = pt.vars;
    const m = o.length;
    const inv = patternInverse(o);
    const w = pt.n / ms.n;
    X.fill(0);
    P.fill(0);
    r.fill(0);
    const d = new Float64Array(m);
    for (let a = 0; a < m; a++) d[a] = pt.mean[a] - mu[o[a]];
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) X[o[a] * p + o[b]] = inv[a * m + b];
    // P = X T X on the observed block, T = S_p + d dᵀ.
    const XT = new Float64Array(m * m);
    for (let a = 0; a < m; a++)
      for (let b = 0; b < m; b++) {
        let s = 0;
        for (let t = 0; t < m; t++) s += inv[a * m + t] * (pt.cov[t * m + b] + d[t] * d[b]);
        XT[a * m + b] = s;
      }
    for (let a = 0; a < m; a++)
      for (let b = 0; b < m; b++) {
        let s = 0;
        for (let t = 0; t < m; t++) s += XT[a * m + t] * inv[t * m + b];
        P[o[a] * p + o[b]] = s;
      }
    for (let a = 0; a < m; a++) {
      let s = 0;
      for (let b = 0; b < m; b++) s += inv[a * m + b] * d[b];
      r[o[a]] = s;
    }
    for (let a = 0; a < nMean; a++) for (let b = 0; b < nMean; b++) A[a * pstar + b] += w * X[a * p + b];
    for (let s = 0; s < vi.length; s++) {
      const i = vi[s];
      const j = vj[s];
      const cs = i === j ? 0.5 : 1;
      if (nMean)
        for (let mm = 0; mm < p; mm++) {
          const v = w * cs * (X[mm * p + i] * r[j] + X[mm * p + j] * r[i]);
          A[mm * pstar + nMean + s] += v;
          A[(nMean + s) * pstar + mm] += v;
        }
      for (let t = 0; t <= s; t++) {
        const k = vi[t];
        const l = vj[t];
        const ct = k === l ? 0.5 : 1;
        const v =
          w *
          cs *
          ct *
          (-(X[i * p + k] * X[j * p + l] + X[i * p + l] * X[j * p + k]) +
            (X[j * p + k] * P[l * p + i] + X[j * p + l] * P[k * p + i] + X[i * p + k] * P[l * p + j] + X[i * p + l] * P[k * p + j]));
        A[(nMean + s) * pstar + nMean + t] += v;
        if (t !== s) A[(nMean + t) * pstar + nMean + s] += v;
      }
    }
  }
  zeroMask(A, pstar, xMask);
  return A;
}
