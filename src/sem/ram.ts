/**
 * The RAM (reticular action model) form of a parameter table and the ML discrepancy on it.
 *
 * All variables v = (observed, latent) satisfy v = A v + u with Cov(u) = S and E(u) = m, so
 *   B = (I − A)⁻¹,  G = F B (observed rows of B),  Σ = G S Gᵀ,  μ = G m
 * (McArdle & McDonald 1984). The ML discrepancy (Jöreskog 1967; lavaan's 2·fmin) is
 *   F = log|Σ| + tr(S₀Σ⁻¹) − log|S₀| − p + (ȳ − μ)ᵀΣ⁻¹(ȳ − μ).
 * Every free parameter sits in one or more cells of A, S or m; the derivative of Σ with respect to
 * one cell is a symmetric rank-two matrix  c(abᵀ + baᵀ)  with a, b columns of G or of H = B S Gᵀ
 * (transposed), which gives the gradient  dF/dθ = tr(M dΣ) − 2 (Σ⁻¹d)ᵀ dμ  with
 * M = Σ⁻¹ − Σ⁻¹(S₀ + ddᵀ)Σ⁻¹, and the expected (Fisher) information per observation
 *   I_kl = ½ tr(Σ⁻¹ Σ_k Σ⁻¹ Σ_l) + μ_kᵀ Σ⁻¹ μ_l
 * entry by entry from the small matrix K = Vᵀ Σ⁻¹ V of those columns:
 *   ½ tr(W c₁(ab'+ba') W c₂(cd'+dc')) = c₁c₂ (K_ac K_bd + K_ad K_bc).
 * Nothing here allocates after construction.
 */
import { choleskyLogDet, inverseFromCholesky, invertGeneralFlat } from "../math/linalg";
import type { SemObjective } from "./objective";

/** A matrix cell holding (part of) a parameter: A[i][j] (i regressed on j), S[i][j], or m[i]. */
export interface Cell {
  kind: 0 | 1 | 2;
  i: number;
  j: number;
}

export interface RamSpec {
  /** Observed variables (first p of the variable vector). */
  p: number;
  /** All variables. */
  m: number;
  meanstructure: boolean;
  /** Fixed values (free cells are overwritten from θ). */
  A0: Float64Array;
  S0: Float64Array;
  m0: Float64Array;
  /** Cells of each free parameter (index = free − 1). */
  cells: Cell[][];
}

export interface SampleMoments {
  p: number;
  /** Sample covariance used in the discrepancy (divisor N or N − 1 by likelihood), p×p row-major. */
  S: Float64Array;
  mean: Float64Array;
  logdetS: number;
}

export class RamEngine implements SemObjective {
  readonly spec: RamSpec;
  readonly sample: SampleMoments;
  readonly q: number;
  readonly A: Float64Array;
  readonly S: Float64Array;
  readonly mv: Float64Array;
  /** (I − A)⁻¹, m×m. */
  readonly B: Float64Array;
  /** B S Gᵀ, m×p; its first p rows are Σ. */
  readonly H: Float64Array;
  readonly Sigma: Float64Array;
  readonly W: Float64Array;
  readonly mu: Float64Array;
  readonly Bm: Float64Array;
  logdetSigma = NaN;
  private readonly IA: Float64Array;
  private readonly bNz: Int32Array;
  private readonly bNzLen: Int32Array;
  private readonly parents: number[][];
  private readonly topo: number[] | null;
  /** Nonzero rows of each column of V (refreshed with V). */
  private readonly vNz: Int32Array;
  private readonly vNzLen: Int32Array;
  private readonly work: Float64Array;
  private readonly BS: Float64Array;
  private readonly L: Float64Array;
  private readonly tmp: Float64Array;
  private readonly M: Float64Array;
  private readonly MV: Float64Array;
  private readonly WV: Float64Array;
  private readonly K: Float64Array;
  private readonly d: Float64Array;
  private readonly wd: Float64Array;
  private readonly V: Float64Array;
  /** Columns of V: vector id (i < m: column i of G; i ≥ m: row i − m of H). */
  private readonly vecIds: number[];
  /** Per free parameter: flattened terms [coef, a, b, meanScaleKind, gi, bmj] (a, b = V column indices). */
  private readonly terms: { coef: number; a: number; b: number; kind: 0 | 1 | 2; i: number; j: number }[][];
  /** The terms in flat typed arrays (parameter k owns [tStart[k], tStart[k + 1])), for the hot loops. */
  private readonly tStart: Int32Array;
  private readonly tA: Int32Array;
  private readonly tB: Int32Array;
  private readonly tJ: Int32Array;
  private readonly tKind: Uint8Array;
  private readonly tCoef: Float64Array;
  /** Mean multiplier of each term at the current θ (1 for a mean cell, Bm_j for an A cell, else 0). */
  private readonly tU: Float64Array;
  /** Nonzero values of each column of V, in the order of vNz. */
  private readonly vVal: Float64Array;

  constructor(spec: RamSpec, sample: SampleMoments) {
    this.spec = spec;
    this.sample = sample;
    const { p, m } = spec;
    this.q = spec.cells.length;
    this.A = Float64Array.from(spec.A0);
    this.S = Float64Array.from(spec.S0);
    this.mv = Float64Array.from(spec.m0);
    this.IA = new Float64Array(m * m);
    this.bNz = new Int32Array(m * m);
    this.bNzLen = new Int32Array(m);
    const layout = ramLayout(spec);
    this.parents = layout.parents;
    this.topo = layout.topo;
    this.work = new Float64Array(m * m);
    this.B = new Float64Array(m * m);
    this.BS = new Float64Array(m * m);
    this.H = new Float64Array(m * p);
    this.Sigma = new Float64Array(p * p);
    this.L = new Float64Array(p * p);
    this.W = new Float64Array(p * p);
    this.tmp = new Float64Array(p * p);
    this.M = new Float64Array(p * p);
    this.mu = new Float64Array(p);
    this.Bm = new Float64Array(m);
    this.d = new Float64Array(p);
    this.wd = new Float64Array(p);
    this.terms = layout.terms;
    this.vecIds = layout.vecIds;
    this.tStart = layout.tStart;
    this.tA = layout.tA;
    this.tB = layout.tB;
    this.tJ = layout.tJ;
    this.tKind = layout.tKind;
    this.tCoef = layout.tCoef;
    const ids = layout.vecIds;
    this.tU = new Float64Array(layout.tA.length);
    const nv = ids.length;
    this.V = new Float64Array(p * nv);
    this.vNz = new Int32Array(p * nv);
    this.vNzLen = new Int32Array(nv);
    this.vVal = new Float64Array(p * nv);
    this.MV = new Float64Array(p * nv);
    this.WV = new Float64Array(p * nv);
    this.K = new Float64Array(nv * nv);
  }

  /** Free parameters that are variances (a diagonal cell of S). */
  varianceParams(): number[] {
    return this.spec.cells.map((cells, k) => (cells.some((c) => c.kind === 1 && c.i === c.j) ? k : -1)).filter((k) => k >= 0);
  }

  /** Writes θ into the model matrices. */
  setTheta(theta: ArrayLike<number>): void {
    const { cells } = this.spec;
    const m = this.spec.m;
    for (let k = 0; k < cells.length; k++) {
      const v = theta[k];
      for (const c of cells[k]) {
        if (c.kind === 0) this.A[c.i * m + c.j] = v;
        else if (c.kind === 1) {
          this.S[c.i * m + c.j] = v;
          this.S[c.j * m + c.i] = v;
        } else this.mv[c.i] = v;
      }
    }
  }

  /** Computes B, H, Σ, μ and Σ⁻¹. Returns false if I − A is singular or Σ is not positive definite. */
  implied(): boolean {
    return this.impliedMoments();
  }

  /** The implied moments alone (subclasses add discrepancy-specific work in `implied`). */
  impliedMoments(): boolean {
    const { p, m } = this.spec;
    const { A, B, BS, S, H, Sigma } = this;
    if (this.topo) {
      // Acyclic A: B = I + A B row by row in causal order (each variable after its causes).
      B.fill(0);
      for (const i of this.topo) {
        const ri = i * m;
        B[ri + i] = 1;
        for (const j of this.parents[i]) {
          const a = A[ri + j];
          if (a === 0) continue;
          const rj = j * m;
          for (let k = 0; k < m; k++) B[ri + k] += a * B[rj + k];
        }
      }
    } else {
      const IA = this.IA;
      for (let k = 0; k < m * m; k++) IA[k] = -A[k];
      for (let i = 0; i < m; i++) IA[i * m + i] += 1;
      if (!invertGeneralFlat(IA, m, B, this.work)) return false;
    }
    // Nonzero pattern of each row of B (B is sparse in measurement models).
    const nz = this.bNz;
    const nzLen = this.bNzLen;
    for (let i = 0; i < m; i++) {
      let c = 0;
      const ri = i * m;
      for (let k = 0; k < m; k++) if (B[ri + k] !== 0) nz[ri + c++] = k;
      nzLen[i] = c;
    }
    // BS = B S
    for (let i = 0; i < m; i++) {
      const ri = i * m;
      const len = nzLen[i];
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let t = 0; t < len; t++) {
          const k = nz[ri + t];
          s += B[ri + k] * S[k * m + j];
        }
        BS[ri + j] = s;
      }
    }
    // H = BS Gᵀ (G = first p rows of B), m×p
    for (let r = 0; r < p; r++) {
      const rr = r * m;
      const len = nzLen[r];
      for (let i = 0; i < m; i++) {
        const ri = i * m;
        let s = 0;
        for (let t = 0; t < len; t++) {
          const k = nz[rr + t];
          s += BS[ri + k] * B[rr + k];
        }
        H[i * p + r] = s;
      }
    }
    for (let k = 0; k < p * p; k++) Sigma[k] = H[k];
    if (this.spec.meanstructure) {
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let k = 0; k < m; k++) s += B[i * m + k] * this.mv[k];
        this.Bm[i] = s;
      }
      for (let i = 0; i < p; i++) this.mu[i] = this.Bm[i];
    } else for (let i = 0; i < p; i++) this.mu[i] = this.sample.mean[i];
    this.L.set(Sigma);
    const ld = choleskyLogDet(this.L, p);
    if (Number.isNaN(ld)) {
      this.logdetSigma = NaN;
      return false;
    }
    this.logdetSigma = ld;
    inverseFromCholesky(this.L, p, this.W, this.tmp);
    return true;
  }

  /** ML discrepancy F at the current θ (call `implied()` first); +∞ when Σ is not positive definite. */
  objective(): number {
    if (Number.isNaN(this.logdetSigma)) return Infinity;
    const p = this.spec.p;
    const { W } = this;
    const S0 = this.sample.S;
    let tr = 0;
    for (let k = 0; k < p * p; k++) tr += S0[k] * W[k];
    let f = this.logdetSigma + tr - this.sample.logdetS - p;
    if (this.spec.meanstructure) {
      const d = this.d;
      for (let i = 0; i < p; i++) d[i] = this.sample.mean[i] - this.mu[i];
      for (let i = 0; i < p; i++) {
        let s = 0;
        for (let j = 0; j < p; j++) s += W[i * p + j] * d[j];
        this.wd[i] = s;
        f += d[i] * s;
      }
    }
    return f;
  }

  /** Fills V (the derivative vectors) from the current B and H. */
  private fillV(): void {
    const { p, m } = this.spec;
    const nv = this.vecIds.length;
    const { V, vNz, vNzLen } = this;
    for (let c = 0; c < nv; c++) {
      const id = this.vecIds[c];
      if (id < m) for (let r = 0; r < p; r++) V[r * nv + c] = this.B[r * m + id];
      else {
        const j = id - m;
        for (let r = 0; r < p; r++) V[r * nv + c] = this.H[j * p + r];
      }
      let len = 0;
      for (let r = 0; r < p; r++) {
        const v = V[r * nv + c];
        if (v !== 0) {
          vNz[c * p + len] = r;
          this.vVal[c * p + len++] = v;
        }
      }
      vNzLen[c] = len;
    }
  }

  /** out (p×nv) = X (p×p, symmetric) · V, using the sparsity of V's columns. */
  private symTimesV(X: Float64Array, out: Float64Array): void {
    const p = this.spec.p;
    const nv = this.vecIds.length;
    const { vVal, vNz, vNzLen } = this;
    for (let c = 0; c < nv; c++) {
      const len = vNzLen[c];
      const cp = c * p;
      for (let r = 0; r < p; r++) {
        const rp = r * p;
        let s = 0;
        for (let t = 0; t < len; t++) s += X[rp + vNz[cp + t]] * vVal[cp + t];
        out[r * nv + c] = s;
      }
    }
  }

  /** Vᵀ X for column pair (a, b) where X = out of symTimesV: Σ_r V[r,a] X[r,b] over V's nonzeros. */
  private vDot(a: number, X: Float64Array, b: number): number {
    const p = this.spec.p;
    const nv = this.vecIds.length;
    const len = this.vNzLen[a];
    const { vNz, vVal } = this;
    const ap = a * p;
    let s = 0;
    for (let t = 0; t < len; t++) s += vVal[ap + t] * X[vNz[ap + t] * nv + b];
    return s;
  }

  /** Gradient dF/dθ at the current θ (after `implied()` and `objective()`). */
  gradient(out: Float64Array): void {
    const p = this.spec.p;
    const { W, M, tmp } = this;
    const S0 = this.sample.S;
    // tmp = W S0 ; M = W − tmp W − wd wdᵀ. S0 and W are exactly symmetric, so column j is read
    // as row j (contiguous; the same products in the same order).
    for (let i = 0; i < p; i++) {
      const ri = i * p;
      for (let j = 0; j < p; j++) {
        const rj = j * p;
        let s = 0;
        for (let k = 0; k < p; k++) s += W[ri + k] * S0[rj + k];
        tmp[ri + j] = s;
      }
    }
    const ms = this.spec.meanstructure;
    for (let i = 0; i < p; i++)
      for (let j = 0; j <= i; j++) {
        const ri = i * p;
        const rj = j * p;
        let s = 0;
        for (let k = 0; k < p; k++) s += tmp[ri + k] * W[rj + k];
        let v = W[i * p + j] - s;
        if (ms) v -= this.wd[i] * this.wd[j];
        M[i * p + j] = v;
        M[j * p + i] = v;
      }
    this.gradientFrom(M, ms ? this.wd : null, out);
  }

  /**
   * ∂F/∂θ from the derivatives of F with respect to the implied moments: M = ∂F/∂Σ (symmetric,
   * p×p) and, with a mean structure, r with ∂F/∂μ = −2r (r = Σ⁻¹(ȳ − μ) for complete data).
   * The chain rule through the RAM matrices at the current θ (after `implied()`).
   */
  gradientFrom(M: Float64Array, r: Float64Array | null, out: Float64Array): void {
    this.fillV();
    const { MV } = this;
    this.symTimesV(M, MV);
    const rV = r ? this.vecDotV(r) : null;
    const { tStart, tA, tB, tJ, tKind, tCoef } = this;
    for (let k = 0; k < this.q; k++) {
      let g = 0;
      for (let t = tStart[k]; t < tStart[k + 1]; t++) {
        const kind = tKind[t];
        if (kind === 2) {
          if (rV) g += -2 * rV[tA[t]];
          continue;
        }
        g += 2 * tCoef[t] * this.vDot(tA[t], MV, tB[t]);
        if (rV && kind === 0) g += -2 * rV[tA[t]] * this.Bm[tJ[t]];
      }
      out[k] = g;
    }
  }

  /**
   * The casewise score of every parameter from v = X(y − μ) (X = Σ⁻¹, or a pattern's embedded
   * Σ_oo⁻¹), at the current θ: ∂ℓ_i/∂θ_k = ½ vᵀΣ_k v − ½ tr(X Σ_k) + vᵀμ_k. With Σ_k's rank-two
   * terms c(abᵀ + baᵀ) over the columns of V this is Σ c (z_a z_b − K_ab) + u z_a, z = Vᵀv,
   * K = VᵀXV — O(nnz(V) + q) per case instead of O(p*·q).
   */
  caseScoreProjector(X: Float64Array): (v: Float64Array, out: Float64Array) => void {
    this.fillV();
    const p = this.spec.p;
    const nv = this.vecIds.length;
    const XV = new Float64Array(p * nv);
    this.symTimesV(X, XV);
    const K = new Float64Array(nv * nv);
    for (let a = 0; a < nv; a++) for (let b = 0; b <= a; b++) K[a * nv + b] = K[b * nv + a] = this.vDot(a, XV, b);
    const ms = this.spec.meanstructure;
    // Flattened terms: parameter, kind flags, coefficient, a, b, mean multiplier, constant.
    const tk: number[] = [];
    const ta: number[] = [];
    const tb: number[] = [];
    const tc: number[] = [];
    const tu: number[] = [];
    const tconst: number[] = [];
    this.terms.forEach((terms, k) =>
      terms.forEach((t) => {
        const c = t.kind === 2 ? 0 : t.coef;
        tk.push(k);
        ta.push(t.a);
        tb.push(t.b);
        tc.push(c);
        tu.push(!ms ? 0 : t.kind === 2 ? 1 : t.kind === 0 ? this.Bm[t.j] : 0);
        tconst.push(c * K[t.a * nv + t.b]);
      }),
    );
    const TK = Int32Array.from(tk);
    const TA = Int32Array.from(ta);
    const TB = Int32Array.from(tb);
    const TC = Float64Array.from(tc);
    const TU = Float64Array.from(tu);
    const TCONST = Float64Array.from(tconst);
    const V = Float64Array.from(this.V);
    const vNz = Int32Array.from(this.vNz);
    const vNzLen = Int32Array.from(this.vNzLen);
    const z = new Float64Array(nv);
    const q = this.q;
    return (v, out) => {
      for (let c = 0; c < nv; c++) {
        let sum = 0;
        const len = vNzLen[c];
        for (let t = 0; t < len; t++) {
          const r = vNz[c * p + t];
          sum += v[r] * V[r * nv + c];
        }
        z[c] = sum;
      }
      out.fill(0, 0, q);
      for (let t = 0; t < TK.length; t++) out[TK[t]] += TC[t] * z[TA[t]] * z[TB[t]] - TCONST[t] + TU[t] * z[TA[t]];
    };
  }

  /** Vᵀx for a p-vector x. */
  private vecDotV(x: Float64Array): Float64Array {
    const p = this.spec.p;
    const nv = this.vecIds.length;
    const out = new Float64Array(nv);
    for (let c = 0; c < nv; c++) {
      let s = 0;
      for (let r = 0; r < p; r++) s += x[r] * this.V[r * nv + c];
      out[c] = s;
    }
    return out;
  }

  /** Expected information per observation (q×q row-major) at the current θ. */
  information(out: Float64Array): void {
    this.informationFrom(this.W, out, 1, false);
  }

  /**
   * weight × ½ tr(X Σ_k X Σ_l) + μ_kᵀ X μ_l for a symmetric X (Σ⁻¹ for complete data; for one
   * missing-data pattern, Σ_oo⁻¹ embedded in p×p with zeros), added to `out` when `accumulate`.
   */
  informationFrom(X: Float64Array, out: Float64Array, weight: number, accumulate: boolean): void {
    this.fillV();
    const nv = this.vecIds.length;
    const { WV, K } = this;
    this.symTimesV(X, WV);
    for (let a = 0; a < nv; a++)
      for (let b = 0; b <= a; b++) {
        const s = this.vDot(a, WV, b);
        K[a * nv + b] = s;
        K[b * nv + a] = s;
      }
    const q = this.q;
    const ms = this.spec.meanstructure;
    const { tStart, tA, tB, tKind, tCoef, tU } = this;
    if (ms) for (let t = 0; t < tU.length; t++) tU[t] = tKind[t] === 2 ? 1 : tKind[t] === 0 ? this.Bm[this.tJ[t]] : 0;
    for (let k = 0; k < q; k++)
      for (let l = 0; l <= k; l++) {
        let s = 0;
        for (let t1 = tStart[k]; t1 < tStart[k + 1]; t1++) {
          const a1 = tA[t1] * nv;
          const b1 = tB[t1] * nv;
          const kind1 = tKind[t1];
          for (let t2 = tStart[l]; t2 < tStart[l + 1]; t2++) {
            const a2 = tA[t2];
            const b2 = tB[t2];
            if (kind1 !== 2 && tKind[t2] !== 2) s += tCoef[t1] * tCoef[t2] * (K[a1 + a2] * K[b1 + b2] + K[a1 + b2] * K[b1 + a2]);
            if (ms) {
              const u1 = tU[t1];
              const u2 = tU[t2];
              if (u1 !== 0 && u2 !== 0) s += u1 * u2 * K[a1 + a2];
            }
          }
        }
        s *= weight;
        if (accumulate) {
          out[k * q + l] += s;
          if (l !== k) out[l * q + k] += s;
        } else {
          out[k * q + l] = s;
          out[l * q + k] = s;
        }
      }
  }

  /**
   * The moment part of the observed information (½ × the Hessian of F through Σ(θ), μ(θ) with
   * the moments' own second derivatives left out), for F's term weight × [log|Σ| + tr(Σ⁻¹T)]:
   * with X = Σ⁻¹ (embedded for a pattern), P = X T X and r = X(ȳ − μ),
   *   ½H_kl = c₁c₂[−(K_ac K_be + K_ae K_bc) + (K_bc P_ea + K_be P_ca + K_ac P_eb + K_ae P_cb)]
   *         + u_l c₁[K_fa r_b + K_fb r_a] + u_k c₂[r_c K_eg + r_e K_cg] + u_k u_l K_gf
   * in the notation of `informationFrom` (K = VᵀXV, P = VᵀPV, r = VᵀXd). Added into `out`.
   */
  momentHessian(X: Float64Array, P: Float64Array, r: Float64Array | null, weight: number, out: Float64Array): void {
    this.fillV();
    const nv = this.vecIds.length;
    const KX = new Float64Array(nv * nv);
    const KP = new Float64Array(nv * nv);
    const XV = new Float64Array(this.spec.p * nv);
    for (const [Y, Kout] of [
      [X, KX],
      [P, KP],
    ] as const) {
      this.symTimesV(Y, XV);
      for (let a = 0; a < nv; a++)
        for (let b = 0; b <= a; b++) {
          const s = this.vDot(a, XV, b);
          Kout[a * nv + b] = s;
          Kout[b * nv + a] = s;
        }
    }
    const rV = r ? this.vecDotV(r) : null;
    const ms = this.spec.meanstructure;
    const q = this.q;
    const u = (t: { kind: number; j: number }) => (!ms ? 0 : t.kind === 2 ? 1 : t.kind === 0 ? this.Bm[t.j] : 0);
    for (let k = 0; k < q; k++)
      for (let l = 0; l <= k; l++) {
        let s = 0;
        for (const t1 of this.terms[k])
          for (const t2 of this.terms[l]) {
            const c1 = t1.kind === 2 ? 0 : t1.coef;
            const c2 = t2.kind === 2 ? 0 : t2.coef;
            const [a, b, c, e] = [t1.a, t1.b, t2.a, t2.b];
            if (c1 !== 0 && c2 !== 0) {
              const x = -(KX[a * nv + c] * KX[b * nv + e] + KX[a * nv + e] * KX[b * nv + c]);
              const y = KX[b * nv + c] * KP[e * nv + a] + KX[b * nv + e] * KP[c * nv + a] + KX[a * nv + c] * KP[e * nv + b] + KX[a * nv + e] * KP[c * nv + b];
              s += c1 * c2 * (x + y);
            }
            const u1 = u(t1);
            const u2 = u(t2);
            // Mean directions are G columns: t.a for every term with a mean part.
            if (rV && u2 !== 0 && c1 !== 0) s += u2 * c1 * (KX[t2.a * nv + a] * rV[b] + KX[t2.a * nv + b] * rV[a]);
            if (rV && u1 !== 0 && c2 !== 0) s += u1 * c2 * (rV[c] * KX[e * nv + t1.a] + rV[e] * KX[c * nv + t1.a]);
            if (u1 !== 0 && u2 !== 0) s += u1 * u2 * KX[t1.a * nv + t2.a];
          }
        s *= weight;
        out[k * q + l] += s;
        if (l !== k) out[l * q + k] += s;
      }
  }

  /**
   * The structural part of the Hessian of F (the moments' second derivatives, weighted by the
   * fixed M = ∂F/∂Σ and r): central differences of `gradientFrom(M, r)` in θ (relative error
   * ~1e-10), halved (an information per observation) and symmetrised, added into `out`. Leaves
   * the engine at θ.
   */
  structuralHessian(theta: Float64Array, M: Float64Array, r: Float64Array | null, out: Float64Array, scale: Float64Array): void {
    const q = this.q;
    const t = Float64Array.from(theta);
    const gp = new Float64Array(q);
    const gm = new Float64Array(q);
    const H = new Float64Array(q * q);
    for (let k = 0; k < q; k++) {
      const h = 1e-5 * Math.max(Math.abs(theta[k]), scale[k]);
      t[k] = theta[k] + h;
      this.setTheta(t);
      this.impliedMoments();
      this.gradientFrom(M, r, gp);
      t[k] = theta[k] - h;
      this.setTheta(t);
      this.impliedMoments();
      this.gradientFrom(M, r, gm);
      t[k] = theta[k];
      for (let i = 0; i < q; i++) H[i * q + k] = (gp[i] - gm[i]) / (2 * h);
    }
    this.setTheta(theta);
    this.implied();
    for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) out[i * q + j] += 0.25 * (H[i * q + j] + H[j * q + i]);
  }

  /**
   * Observed information per observation (½ × the Hessian of F, lavaan's information = "observed")
   * of the complete-data ML discrepancy at the current θ (after implied() and objective()).
   */
  observedInformation(theta: Float64Array, out: Float64Array, scale: Float64Array): void {
    const p = this.spec.p;
    const { W } = this;
    const S0 = this.sample.S;
    const ms = this.spec.meanstructure;
    const d = new Float64Array(p);
    if (ms) for (let i = 0; i < p; i++) d[i] = this.sample.mean[i] - this.mu[i];
    const T = new Float64Array(p * p);
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) T[i * p + j] = S0[i * p + j] + d[i] * d[j];
    const P = sandwich(W, T, p);
    const r = ms ? Float64Array.from(this.wd) : null;
    out.fill(0);
    this.momentHessian(W, P, r, 1, out);
    // M = ∂F/∂Σ = W − W(S + ddᵀ)W.
    const M = new Float64Array(p * p);
    for (let k = 0; k < p * p; k++) M[k] = W[k] - P[k];
    this.structuralHessian(theta, M, r, out, scale);
  }
}

/** X T X for symmetric X, T (p×p). */
export function sandwich(X: Float64Array, T: Float64Array, p: number): Float64Array {
  const tmp = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let k = 0; k < p; k++) {
      const x = X[i * p + k];
      if (x === 0) continue;
      for (let j = 0; j < p; j++) tmp[i * p + j] += x * T[k * p + j];
    }
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let k = 0; k < p; k++) {
      const t = tmp[i * p + k];
      if (t === 0) continue;
      for (let j = 0; j < p; j++) out[i * p + j] += t * X[k * p + j];
    }
  return out;
}

type Term = { coef: number; a: number; b: number; kind: 0 | 1 | 2; i: number; j: number };

/** The parts of an engine fixed by the model's structure alone (never written after construction). */
interface RamLayout {
  parents: number[][];
  topo: number[] | null;
  terms: Term[][];
  vecIds: number[];
  tStart: Int32Array;
  tA: Int32Array;
  tB: Int32Array;
  tJ: Int32Array;
  tKind: Uint8Array;
  tCoef: Float64Array;
}

const LAYOUT_CACHE = new Map<string, RamLayout>();
const LAYOUT_CACHE_SIZE = 32;

/**
 * The layout of a spec, remembered by its structure (sizes, mean structure, nonzero fixed paths,
 * cells of the free parameters): the fits of one model (a bootstrap, repeated fits, the groups of a
 * multigroup model) share it instead of rebuilding the causal order and the derivative terms.
 */
function ramLayout(spec: RamSpec): RamLayout {
  const { m, A0, cells } = spec;
  const key: number[] = [spec.p, m, spec.meanstructure ? 1 : 0, -1];
  for (let k = 0; k < m * m; k++) if (A0[k] !== 0) key.push(k);
  for (const cs of cells) {
    key.push(-1);
    for (const c of cs) key.push(c.kind, c.i, c.j);
  }
  const k = key.join(",");
  let layout = LAYOUT_CACHE.get(k);
  if (layout) {
    LAYOUT_CACHE.delete(k);
  } else {
    layout = buildLayout(spec);
    if (LAYOUT_CACHE.size >= LAYOUT_CACHE_SIZE) LAYOUT_CACHE.delete(LAYOUT_CACHE.keys().next().value as string);
  }
  LAYOUT_CACHE.set(k, layout);
  return layout;
}

function buildLayout(spec: RamSpec): RamLayout {
  const { m } = spec;
  // Causal order of the variables if the directed paths (A cells, fixed or free) form no cycle.
  const parents: number[][] = Array.from({ length: m }, () => []);
  const addEdge = (i: number, j: number) => {
    if (!parents[i].includes(j)) parents[i].push(j);
  };
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (spec.A0[i * m + j] !== 0) addEdge(i, j);
  for (const cells of spec.cells) for (const c of cells) if (c.kind === 0) addEdge(c.i, c.j);
  // Distinct vectors needed by the derivatives.
  const ids: number[] = [];
  const idOf = (id: number) => {
    let k = ids.indexOf(id);
    if (k < 0) {
      k = ids.length;
      ids.push(id);
    }
    return k;
  };
  const terms: Term[][] = spec.cells.map((cells) =>
    cells.map((c) => {
      if (c.kind === 0) return { coef: 1, a: idOf(c.i), b: idOf(m + c.j), kind: c.kind, i: c.i, j: c.j };
      if (c.kind === 1) return { coef: c.i === c.j ? 0.5 : 1, a: idOf(c.i), b: idOf(c.j), kind: c.kind, i: c.i, j: c.j };
      return { coef: 0, a: idOf(c.i), b: idOf(c.i), kind: c.kind, i: c.i, j: 0 };
    }),
  );
  // Mean derivatives use G columns of A-cell rows too.
  if (spec.meanstructure) for (const t of terms.flat()) idOf(t.i);
  const flat = terms.flat();
  const tStart = new Int32Array(terms.length + 1);
  terms.forEach((ts, k) => (tStart[k + 1] = tStart[k] + ts.length));
  return {
    parents,
    topo: topologicalOrder(parents),
    terms,
    vecIds: ids,
    tStart,
    tA: Int32Array.from(flat, (t) => t.a),
    tB: Int32Array.from(flat, (t) => t.b),
    tJ: Int32Array.from(flat, (t) => t.j),
    tKind: Uint8Array.from(flat, (t) => t.kind),
    tCoef: Float64Array.from(flat, (t) => t.coef),
  };
}

/** Causal order of a directed graph given parent lists, or null if it has a cycle (Kahn 1962). */
function topologicalOrder(parents: number[][]): number[] | null {
  const m = parents.length;
  const children: number[][] = Array.from({ length: m }, () => []);
  const indeg = new Int32Array(m);
  parents.forEach((ps, i) => {
    for (const j of ps) {
      if (j === i) return;
      children[j].push(i);
      indeg[i]++;
    }
  });
  if (parents.some((ps, i) => ps.includes(i))) return null;
  const order: number[] = [];
  const queue: number[] = [];
  for (let i = 0; i < m; i++) if (indeg[i] === 0) queue.push(i);
  while (queue.length) {
    const j = queue.shift()!;
    order.push(j);
    for (const c of children[j]) if (--indeg[c] === 0) queue.push(c);
  }
  return order.length === m ? order : null;
}
