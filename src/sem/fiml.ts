/**
 * Full-information ML on a RAM engine (lavaan's missing = "ml"): the discrepancy of incomplete
 * data, summed over missing-data patterns,
 *   F(θ) = Σ_p (n_p/N) [log|Σ_oo| + tr(Σ_oo⁻¹ T_p)] − F_h1,   T_p = S_p + (ȳ_p − μ_o)(ȳ_p − μ_o)ᵀ
 * (Σ, μ the implied moments, o the pattern's observed variables, F_h1 the same at the EM
 * moments), so that N·F = −2(ℓ₀ − ℓ₁) is the likelihood-ratio χ² (lavaan's estimator.FIML).
 * Its gradient goes through the same chain rule as complete data with ∂F/∂Σ and ∂F/∂μ summed
 * over patterns (each embedded in p×p); the expected information is the pattern-weighted sum of
 * the complete-data information of the observed sub-vectors; the observed information (lavaan's
 * default for FIML) is the Hessian of F/2 (moment part analytic, structural part by differences).
 *
 * @example
 * const e = new FimlEngine(structure.spec, momentsOfEm, missingSample);
 */
import { choleskyLogDet, inverseFromCholesky } from "../math/linalg";
import { fimlDeviance, subMatrix, type MissingSample } from "./missing";
import { RamEngine, sandwich, type RamSpec, type SampleMoments } from "./ram";

/** X v for a symmetric m×m X. */
function matVec(X: Float64Array, v: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    let s = 0;
    for (let b = 0; b < m; b++) s += X[a * m + b] * v[b];
    out[a] = s;
  }
  return out;
}

export class FimlEngine extends RamEngine {
  readonly missing: MissingSample;
  /** F_h1: the pattern deviance per case at the EM moments. */
  readonly fH1: number;
  private readonly patW: Float64Array[];
  private readonly patLogdet: Float64Array;
  /** Missing variables of each pattern. */
  private readonly missIdx: Int32Array[];
  private patOk = false;

  constructor(spec: RamSpec, moments: SampleMoments, missing: MissingSample) {
    super(spec, moments);
    this.missing = missing;
    this.fH1 = fimlDeviance(missing.patterns, missing.p, missing.cov, missing.mean) / missing.n;
    this.patW = missing.patterns.map((pt) => new Float64Array(pt.vars.length * pt.vars.length));
    this.patLogdet = new Float64Array(missing.patterns.length);
    this.missIdx = missing.patterns.map((pt) => {
      const obs = new Uint8Array(missing.p);
      for (const v of pt.vars) obs[v] = 1;
      return Int32Array.from(Array.from({ length: missing.p }, (_, j) => j).filter((j) => !obs[j]));
    });
  }

  /**
   * Σ_oo⁻¹ and log|Σ_oo| of every pattern at the current implied Σ, from W = Σ⁻¹ by the
   * partitioned inverse (lavaan's lav_matrix_symmetric_inverse_update): with m the missing
   * variables, Σ_oo⁻¹ = W_oo − W_om W_mm⁻¹ W_mo and log|Σ_oo| = log|Σ| + log|W_mm| — O(p_o²·m)
   * instead of O(p_o³). False if a W_mm is not positive definite.
   */
  private patternInverses(): boolean {
    const p = this.spec.p;
    const W = this.W;
    const pats = this.missing.patterns;
    for (let k = 0; k < pats.length; k++) {
      const o = pats[k].vars;
      const m = o.length;
      const out = this.patW[k];
      if (m === p) {
        out.set(W);
        this.patLogdet[k] = this.logdetSigma;
        continue;
      }
      const miss = this.missIdx[k];
      const km = miss.length;
      const L = subMatrix(W, p, miss);
      const ld = choleskyLogDet(L, km);
      if (Number.isNaN(ld)) return false;
      const Wmm = new Float64Array(km * km);
      inverseFromCholesky(L, km, Wmm, new Float64Array(km * km));
      // Z = W_mm⁻¹ W_mo (km × m)
      const Z = new Float64Array(km * m);
      for (let r = 0; r < km; r++)
        for (let b = 0; b < m; b++) {
          let s = 0;
          for (let t = 0; t < km; t++) s += Wmm[r * km + t] * W[miss[t] * p + o[b]];
          Z[r * m + b] = s;
        }
      for (let a = 0; a < m; a++)
        for (let b = 0; b <= a; b++) {
          let s = W[o[a] * p + o[b]];
          for (let r = 0; r < km; r++) s -= W[o[a] * p + miss[r]] * Z[r * m + b];
          out[a * m + b] = out[b * m + a] = s;
        }
      this.patLogdet[k] = this.logdetSigma + ld;
    }
    return true;
  }

  implied(): boolean {
    this.patOk = super.implied() && this.patternInverses();
    return this.patOk;
  }

  objective(): number {
    if (!this.patOk) return Infinity;
    const pats = this.missing.patterns;
    const N = this.missing.n;
    let f = 0;
    for (let k = 0; k < pats.length; k++) {
      const pt = pats[k];
      const o = pt.vars;
      const m = o.length;
      const W = this.patW[k];
      let tr = 0;
      for (let a = 0; a < m; a++) {
        const da = pt.mean[a] - this.mu[o[a]];
        for (let b = 0; b < m; b++) tr += W[a * m + b] * (pt.cov[b * m + a] + da * (pt.mean[b] - this.mu[o[b]]));
      }
      f += (pt.n / N) * (this.patLogdet[k] + tr);
    }
    return f - this.fH1;
  }

  /** Σ_p weights of X_p (embedded Σ_oo⁻¹), P_p = X_p T_p X_p and r_p = X_p d_p, pattern by pattern. */
  private forPatterns(fn: (X: Float64Array, P: Float64Array, r: Float64Array, weight: number) => void): void {
    const p = this.spec.p;
    const pats = this.missing.patterns;
    const N = this.missing.n;
    for (let k = 0; k < pats.length; k++) {
      const pt = pats[k];
      const o = pt.vars;
      const m = o.length;
      const Wp = this.patW[k];
      const X = new Float64Array(p * p);
      const T = new Float64Array(p * p);
      const d = new Float64Array(m);
      for (let a = 0; a < m; a++) d[a] = pt.mean[a] - this.mu[o[a]];
      for (let a = 0; a < m; a++)
        for (let b = 0; b < m; b++) {
          X[o[a] * p + o[b]] = Wp[a * m + b];
          T[o[a] * p + o[b]] = pt.cov[a * m + b] + d[a] * d[b];
        }
      const r = new Float64Array(p);
      for (let a = 0; a < m; a++) {
        let s = 0;
        for (let b = 0; b < m; b++) s += Wp[a * m + b] * d[b];
        r[o[a]] = s;
      }
      fn(X, sandwich(X, T, p), r, pt.n / N);
    }
  }

  /** Each pattern's weight n_p/N and Σ_oo⁻¹ embedded in p×p (at the current θ). */
  patternWeights(): { w: number; X: Float64Array }[] {
    const out: { w: number; X: Float64Array }[] = [];
    this.forPatterns((X, _P, _r, w) => out.push({ w, X }));
    return out;
  }

  /**
   * M = ∂F/∂Σ and r (∂F/∂μ = −2r) summed over the patterns: each adds (n_p/N)(X − X T_p X) and
   * (n_p/N) X d_p in its observed block (X = Σ_oo⁻¹). X T X is formed from the pattern's cases,
   * Σ_i (X e_i)(X e_i)ᵀ/n_p, when they are fewer than its variables, else from S_p.
   */
  momentDerivatives(): { M: Float64Array; r: Float64Array } {
    const p = this.spec.p;
    const M = new Float64Array(p * p);
    const r = new Float64Array(p);
    const pats = this.missing.patterns;
    const N = this.missing.n;
    const cols = this.missing.columns;
    for (let k = 0; k < pats.length; k++) {
      const pt = pats[k];
      const o = pt.vars;
      const m = o.length;
      const X = this.patW[k];
      const w = pt.n / N;
      const d = new Float64Array(m);
      for (let a = 0; a < m; a++) d[a] = pt.mean[a] - this.mu[o[a]];
      const Xd = matVec(X, d, m);
      let XTX: Float64Array;
      if (pt.n < m) {
        XTX = new Float64Array(m * m);
        const e = new Float64Array(m);
        for (const i of pt.rows) {
          for (let a = 0; a < m; a++) e[a] = cols[o[a]][i] - this.mu[o[a]];
          const xe = matVec(X, e, m);
          for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) XTX[a * m + b] += xe[a] * xe[b];
        }
        for (let t = 0; t < m * m; t++) XTX[t] /= pt.n;
      } else {
        XTX = sandwich(X, pt.cov, m);
        for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) XTX[a * m + b] += Xd[a] * Xd[b];
      }
      for (let a = 0; a < m; a++) {
        r[o[a]] += w * Xd[a];
        for (let b = 0; b < m; b++) M[o[a] * p + o[b]] += w * (X[a * m + b] - XTX[a * m + b]);
      }
    }
    return { M, r };
  }

  gradient(out: Float64Array): void {
    const { M, r } = this.momentDerivatives();
    this.gradientFrom(M, r, out);
  }

  /** Expected information of incomplete data: Σ_p (n_p/N) × the information of the observed sub-vector. */
  information(out: Float64Array): void {
    out.fill(0);
    this.forPatterns((X, _P, _r, w) => this.informationFrom(X, out, w, true));
  }

  /** The optimiser's scoring matrix: the complete-data information at the implied moments (cheaper, close). */
  fisherInformation(out: Float64Array): void {
    this.informationFrom(this.W, out, 1, false);
  }

  observedInformation(theta: Float64Array, out: Float64Array, scale: Float64Array): void {
    out.fill(0);
    this.forPatterns((X, P, r, w) => this.momentHessian(X, P, r, w, out));
    const { M, r } = this.momentDerivatives();
    this.structuralHessian(theta, M, r, out, scale);
  }
}
