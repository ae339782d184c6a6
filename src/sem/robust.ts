/**
 * Robust ML: standard errors and scaled test statistics for non-normal data (lavaan 0.6.14).
 *
 * MLR (Yuan & Bentler 2000; lavaan's se = "robust.huber.white", test = "yuan.bentler.mplus"):
 *   vcov = E⁻¹ B₀ E⁻¹ / N,  E the observed information, B₀ = Σ_g f_g Δ_gᵀ J_g Δ_g with J_g the
 *   first-order (outer product of casewise scores) information at the model-implied moments;
 *   scaling c = [Σ_g tr(A₁⁻¹B₁) − Σ_g f_g tr(B₀_g E⁻¹)] / df with A₁, B₁ the observed and
 *   first-order information of the saturated model (at the sample / EM moments), f_g = N_g/N.
 * MLM (Satorra & Bentler 1994; se = "robust.sem", test = "satorra.bentler"):
 *   vcov = E⁻¹ [Σ_g f_g Δ_gᵀ W_g Γ_g W_g Δ_g] E⁻¹ / N with E the expected information, W_g the
 *   saturated model's expected information at the implied moments and Γ_g the ADF covariance of
 *   the sample moments; c = Σ_g [tr(W_g Γ_g) − f_g tr(E⁻¹ Δ_gᵀ W_g Γ_g W_g Δ_g)] / df.
 * The scaled statistic is χ²/c. The baseline (independence) model gets its own c₀ the same way.
 * FIML without a scaled test still has lavaan's "robust" CFI/RMSEA (lav_fit_fiml_corrected, the
 * FIML-corrected statistic of Zhang & Savalei): `fimlCorrected`.
 */
import { PathlabError } from "../errors";
import { choleskyLogDet, inverseFromCholesky, invertSPDFlat } from "../math/linalg";
import {
  adfGamma,
  crossprod,
  firstOrder,
  firstOrderProjected,
  h1Expected,
  h1ObservedFiml,
  momentJacobian,
  momentLayout,
  type MomentLayout,
} from "./moment-space";
import { baselineMoments, subMatrix, type MissingSample } from "./missing";
import type { SemState } from "./state";

export type ScaledTest = "yuan.bentler.mplus" | "satorra.bentler";

export interface ScaledResult {
  test: ScaledTest;
  /** The scaling factor c (lavaan's chisq.scaling.factor) and the trace tr(UΓ) = c·df. */
  c: number;
  trace: number;
  /** Yuan–Bentler: lavaan's scaling.factor.h1 and .h0. */
  cH1?: number;
  cH0?: number;
  /** The baseline (independence) model's scaling factor. */
  cBaseline: number;
}

/** Inverse of Σ_oo (a pattern's observed block) at a given Σ. */
export function patternInverseAt(Sigma: Float64Array, p: number): (vars: Int32Array) => Float64Array {
  return (vars) => {
    const m = vars.length;
    const L = subMatrix(Sigma, p, vars);
    if (Number.isNaN(choleskyLogDet(L, m)))
      throw new PathlabError("Robust statistics: a covariance block is not positive definite.", {
        code: "sem.robust",
        hint: "Check the model's estimates (see the fit's warnings).",
      });
    const out = new Float64Array(m * m);
    inverseFromCholesky(L, m, out, new Float64Array(m * m));
    return out;
  };
}

function inverse(A: Float64Array, n: number, what: string): Float64Array {
  const inv = invertSPDFlat(A, n);
  if (!inv)
    throw new PathlabError(
      `Robust statistics: the ${what} is not positive definite, so robust standard errors and the scaled test cannot be computed (lavaan: "could not invert information matrix").`,
      {
        code: "sem.robust",
        hint: "Check the model's identification and the data (e.g. a variable with too few distinct values).",
      },
    );
  return inv;
}

/** tr(A⁻¹ B) over the unmasked rows (lavaan drops the zero rows of fixed.x before inverting). */
function traceInvProduct(A: Float64Array, B: Float64Array, L: MomentLayout): { trace: number; ndat: number } {
  const keep: number[] = [];
  for (let a = 0; a < L.pstar; a++) if (!L.xMask[a] && A[a * L.pstar + a] !== 0) keep.push(a);
  const k = keep.length;
  const Ak = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) Ak[a * k + b] = A[keep[a] * L.pstar + keep[b]];
  const inv = inverse(Ak, k, "information of the saturated model");
  let t = 0;
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) t += inv[a * k + b] * B[keep[b] * L.pstar + keep[a]];
  return { trace: t, ndat: k };
}

/** tr(X Y) for q×q matrices. */
function traceProduct(X: Float64Array, Y: Float64Array, q: number): number {
  let t = 0;
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) t += X[a * q + b] * Y[b * q + a];
  return t;
}

/** Δᵀ A Δ (q × q) for a p*×p* A and Δ (p* × q). */
export function sandwichDelta(Delta: Float64Array, A: Float64Array, pstar: number, q: number): Float64Array {
  // Δ is sparse: work on the nonzeros of each column.
  const rows: Int32Array[] = [];
  const vals: Float64Array[] = [];
  for (let k = 0; k < q; k++) {
    const r: number[] = [];
    const v: number[] = [];
    for (let a = 0; a < pstar; a++) {
      const d = Delta[a * q + k];
      if (d !== 0) {
        r.push(a);
        v.push(d);
      }
    }
    rows.push(Int32Array.from(r));
    vals.push(Float64Array.from(v));
  }
  const out = new Float64Array(q * q);
  for (let k = 0; k < q; k++) {
    const rk = rows[k];
    const vk = vals[k];
    for (let l = 0; l <= k; l++) {
      const rl = rows[l];
      const vl = vals[l];
      let s = 0;
      for (let i = 0; i < rk.length; i++) {
        const ra = rk[i] * pstar;
        let t = 0;
        for (let j = 0; j < rl.length; j++) t += A[ra + rl[j]] * vl[j];
        s += vk[i] * t;
      }
      out[k * q + l] = out[l * q + k] = s;
    }
  }
  return out;
}

/** Per group: layout, fixed.x indices, Δ at the engines' current θ, weights f_g. */
export function groupMoments(st: SemState): { L: MomentLayout; xIdx: number[]; Delta: Float64Array; f: number }[] {
  const N = st.groups.reduce((a, g) => a + g.sample.n, 0);
  return st.groups.map((g) => {
    const xIdx = st.pt.fixedX ? st.pt.vars.ovX.map((v) => g.structure.names.indexOf(v)) : [];
    const L = momentLayout(g.structure.p, st.pt.meanstructure, xIdx);
    return { L, xIdx, Delta: momentJacobian(g.engine, L), f: g.sample.n / N };
  });
}

/** The complete data of a group (needed by every robust statistic). */
function rawData(st: SemState, g: number): { columns: Float64Array[]; n: number } {
  const s = st.groups[g].sample;
  if (!s.columns)
    throw new PathlabError("Robust standard errors and scaled tests need the raw data; this model was fitted to a covariance matrix.", {
      code: "sem.robust-moments",
      hint: "Fit the data table, or use estimator ML.",
    });
  return { columns: s.columns, n: s.n };
}

/** The saturated model's FIML matrices at the EM moments of a group, computed once per fit. */
export interface H1Fiml {
  /** Observed information Wm, its inverse (fixed.x rows zero), complete-data Wc. */
  Wm: Float64Array;
  Wmi: Float64Array;
  Wc: Float64Array;
  /** First-order information Jm (MLR only: N·p*² to form). */
  Jm?: Float64Array;
  /** Γ = Wm⁻¹ Jm Wm⁻¹, when needed. */
  Gamma?: Float64Array;
}

export function h1Fiml(st: SemState, g: number, L: MomentLayout): H1Fiml {
  st.cache ??= {};
  st.cache.h1 ??= [];
  const hit = st.cache.h1[g];
  if (hit) return hit;
  const ms = st.groups[g].sample.missing!;
  const p = L.p;
  const inv = patternInverseAt(ms.cov, p);
  const Wem = inv(Int32Array.from({ length: p }, (_, j) => j));
  const Wm = h1ObservedFiml(ms, ms.mean, inv, L);
  const out: H1Fiml = { Wm, Wmi: inverseMasked(Wm, L), Wc: h1Expected(Wem, L) };
  st.cache.h1[g] = out;
  return out;
}

/** Jm of the cached FIML matrices, formed on first use. */
function h1FimlJm(st: SemState, g: number, L: MomentLayout): Float64Array {
  const h = h1Fiml(st, g, L);
  if (!h.Jm) {
    const ms = st.groups[g].sample.missing!;
    const inv = patternInverseAt(ms.cov, L.p);
    h.Jm = firstOrder(ms, ms.mean, inv(Int32Array.from({ length: L.p }, (_, j) => j)), L, inv);
  }
  return h.Jm;
}

/** Saturated (h1) information A₁ and first-order B₁ of one group (unstructured: sample or EM moments). */
function h1Matrices(st: SemState, g: number, L: MomentLayout): { A1: Float64Array; B1: Float64Array } {
  const s = st.groups[g].sample;
  const e = st.groups[g].engine;
  const p = L.p;
  if (s.missing) {
    const ms = s.missing;
    const inv = patternInverseAt(ms.cov, p);
    const W = inv(Int32Array.from({ length: p }, (_, j) => j));
    return { A1: h1ObservedFiml(ms, ms.mean, inv, L), B1: firstOrder(ms, ms.mean, W, L, inv) };
  }
  // Complete data: at the sample moments (divisor N) the observed information equals the expected.
  const S = e.sample.S;
  const W = inverse(Float64Array.from(S), p, "sample covariance matrix");
  return { A1: h1Expected(W, L), B1: firstOrder(rawData(st, g), e.sample.mean, W, L) };
}

/**
 * tr(A₁⁻¹B₁) of the saturated model and the number of its moments. Complete data without fixed.x
 * covariates in closed form: with S the sample covariance (divisor N) and d_i² = e_iᵀS⁻¹e_i
 * (e_i = y_i − ȳ), s_iᵀA₁⁻¹s_i = ½ d_i⁴ − d_i² + p/2 (+ d_i² for the means), because A₁⁻¹ is the
 * covariance of the moments, ½tr(G S G S) for G = S⁻¹e eᵀS⁻¹ − S⁻¹; otherwise explicitly.
 */
function h1Trace(st: SemState, g: number, L: MomentLayout): { trace: number; ndat: number } {
  const s = st.groups[g].sample;
  if (s.missing) {
    const h = h1Fiml(st, g, L);
    let ndat = 0;
    for (let a = 0; a < L.pstar; a++) if (!L.xMask[a]) ndat++;
    return { trace: traceProduct(h.Wmi, h1FimlJm(st, g, L), L.pstar), ndat };
  }
  if (L.xMask.some((x) => x)) {
    const { A1, B1 } = h1Matrices(st, g, L);
    return traceInvProduct(A1, B1, L);
  }
  const p = L.p;
  const e = st.groups[g].engine;
  const W = inverse(Float64Array.from(e.sample.S), p, "sample covariance matrix");
  const { columns, n } = rawData(st, g);
  const mean = e.sample.mean;
  const v = new Float64Array(p);
  let t = 0;
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < p; a++) v[a] = columns[a][i] - mean[a];
    let d2 = 0;
    for (let a = 0; a < p; a++) {
      let w = 0;
      for (let b = 0; b < p; b++) w += W[a * p + b] * v[b];
      d2 += v[a] * w;
    }
    t += 0.5 * d2 * d2 - d2 + p / 2 + (L.meanstructure ? d2 : 0);
  }
  return { trace: t / n, ndat: L.pstar };
}

/**
 * The meat B₀_g = Σ_i u_i u_iᵀ / N_g of the model at its estimates, u_i the casewise scores of the
 * parameters (the RAM engine's projector; pattern by pattern for incomplete data).
 */
function modelMeat(st: SemState, g: number, q: number): Float64Array {
  const grp = st.groups[g];
  const e = grp.engine;
  const p = e.spec.p;
  const ms = grp.sample.missing;
  const cols = ms ? ms.columns : rawData(st, g).columns;
  const blocks = ms
    ? ms.patterns.map((pt) => ({ vars: pt.vars, rows: pt.rows as ArrayLike<number>, X: pt.vars.length === p ? e.W : patternInverseAt(e.Sigma, p)(pt.vars) }))
    : [{ vars: Int32Array.from({ length: p }, (_, j) => j), rows: Int32Array.from({ length: grp.sample.n }, (_, i) => i) as ArrayLike<number>, X: e.W }];
  const Ntot = blocks.reduce((a, b) => a + b.rows.length, 0);
  const U = new Float64Array(Ntot * q);
  const u = new Float64Array(q);
  const ev = new Float64Array(p);
  const v = new Float64Array(p);
  let N = 0;
  for (const blk of blocks) {
    const m = blk.vars.length;
    const Xfull = new Float64Array(p * p);
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) Xfull[blk.vars[a] * p + blk.vars[b]] = blk.X[a * m + b];
    const project = e.caseScoreProjector(Xfull);
    for (let r = 0; r < blk.rows.length; r++) {
      const i = blk.rows[r];
      ev.fill(0);
      for (let a = 0; a < m; a++) ev[blk.vars[a]] = cols[blk.vars[a]][i] - e.mu[blk.vars[a]];
      for (let a = 0; a < p; a++) {
        let t = 0;
        for (let b = 0; b < p; b++) t += Xfull[a * p + b] * ev[b];
        v[a] = t;
      }
      project(v, u);
      U.set(u, N * q);
      N++;
    }
  }
  return crossprod(U, N, q);
}

/** The meat B₀_g = Δᵀ J(μ, Σ) Δ at the given moments (the model's, or the baseline's). */
function meat(st: SemState, g: number, L: MomentLayout, Delta: Float64Array, q: number, mu: Float64Array, Sigma: Float64Array): Float64Array {
  const s = st.groups[g].sample;
  const p = L.p;
  const W = inverse(Float64Array.from(Sigma), p, "implied covariance matrix");
  if (s.missing) return firstOrderProjected(s.missing, mu, W, L, Delta, q, patternInverseAt(Sigma, p));
  return firstOrderProjected(rawData(st, g), mu, W, L, Delta, q);
}

/** Observed information per observation of the objective at the engines' current θ (Σ f_g). */
export function observedInfo(st: SemState): Float64Array {
  const q = st.pt.nFree;
  const info = new Float64Array(q * q);
  st.objective.information(info);
  const scale = Float64Array.from({ length: q }, (_, k) => 1 / Math.sqrt(Math.max(info[k * q + k], 1e-300)));
  const obs = new Float64Array(q * q);
  st.objective.observedInformation!(st.theta, obs, scale);
  return obs;
}

/**
 * Robust covariance of the estimates (times N: lavaan's NVarCov) and the scaled test, at the
 * engines' current θ. `df` is the model's degrees of freedom; `dfBaseline` the baseline's.
 */
export function robustStatistics(
  st: SemState,
  kind: "mlr" | "mlm",
  df: number,
  dfBaseline: number,
  information?: Float64Array,
): { nvcov: Float64Array; scaled: ScaledResult } {
  const q = st.pt.nFree;
  const gm = groupMoments(st);
  if (kind === "mlm") return mlm(st, gm, q, df, dfBaseline, information);
  // The bread: the information of the standard errors when it was the observed one (MLR's default).
  const E = information ?? observedInfo(st);
  const Einv = inverse(E, q, "observed information matrix");
  const B0 = new Float64Array(q * q);
  let traceH1 = 0;
  let traceH0 = 0;
  let ndat = 0;
  let traceBase = 0;
  st.groups.forEach((_g, k) => {
    const { L, f } = gm[k];
    const B0g = modelMeat(st, k, q);
    for (let t = 0; t < q * q; t++) B0[t] += f * B0g[t];
    const h1 = h1Trace(st, k, L);
    traceH1 += h1.trace;
    ndat += h1.ndat;
    traceH0 += f * traceProduct(B0g, Einv, q);
    // The baseline's groups share no parameters: its E is block-diagonal, f_g cancels.
    traceBase += h1.trace - baselineTraceH0(st, k, L);
  });
  const nvcov = sandwichQ(Einv, B0, q);
  const trace = traceH1 - traceH0;
  return {
    nvcov,
    // lavaan divides by its count of free parameters, which counts each equality-constrained one.
    scaled: {
      test: "yuan.bentler.mplus",
      c: trace / df,
      trace,
      cH1: traceH1 / ndat,
      cH0: traceH0 / (q + st.pt.equalities.length),
      cBaseline: traceBase / dfBaseline,
    },
  };
}

/** E⁻¹ B E⁻¹ (q × q). */
function sandwichQ(Einv: Float64Array, B: Float64Array, q: number): Float64Array {
  const T = new Float64Array(q * q);
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) for (let k = 0; k < q; k++) T[a * q + b] += Einv[a * q + k] * B[k * q + b];
  const out = new Float64Array(q * q);
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) for (let k = 0; k < q; k++) out[a * q + b] += T[a * q + k] * Einv[k * q + b];
  return out;
}

/**
 * The baseline model of group g: Δ_b (its free parameters are the variances and, with a mean
 * structure, the means of the non-covariates), its moments (ML: diag S and ȳ; FIML: the available
 * cases' means and variances) and f_g tr(B₀_b E_b⁻¹) of MLR.
 */
function baselineTraceH0(st: SemState, g: number, L: MomentLayout): number {
  const { Delta, q, mu, Sigma } = baselineOf(st, g, L);
  const s = st.groups[g].sample;
  const H = s.missing ? h1ObservedFiml(s.missing, mu, patternInverseAt(Sigma, L.p), L) : h1ObservedComplete(st, g, L, mu, Sigma);
  const Eb = sandwichDelta(Delta, H, L.pstar, q);
  const B0 = meat(st, g, L, Delta, q, mu, Sigma);
  return traceProduct(B0, inverse(Eb, q, "baseline model's information"), q);
}

/** Complete data as a one-pattern "incomplete" sample, to reuse the observed-information formula. */
function h1ObservedComplete(st: SemState, g: number, L: MomentLayout, mu: Float64Array, Sigma: Float64Array): Float64Array {
  const e = st.groups[g].engine;
  const p = L.p;
  const n = st.groups[g].sample.n;
  const all = Int32Array.from({ length: p }, (_, j) => j);
  const ms = { p, n, patterns: [{ vars: all, rows: new Int32Array(0), n, mean: e.sample.mean, cov: e.sample.S }] } as unknown as MissingSample;
  return h1ObservedFiml(ms, mu, patternInverseAt(Sigma, p), L);
}

/** Δ_b and the estimates (μ_b, Σ_b) of the independence model of group g. */
export function baselineOf(st: SemState, g: number, L: MomentLayout): { Delta: Float64Array; q: number; mu: Float64Array; Sigma: Float64Array } {
  const grp = st.groups[g];
  const p = L.p;
  const xIdx = st.pt.vars.ovX.map((v) => grp.structure.names.indexOf(v));
  const isX = new Set(xIdx);
  const fixed = st.pt.fixedX;
  const ms = grp.sample.missing;
  const { mean, cov } = ms ? baselineMoments(ms, fixed ? xIdx : []) : { mean: grp.engine.sample.mean, cov: grp.engine.sample.S };
  const Sigma = new Float64Array(p * p);
  for (let j = 0; j < p; j++) Sigma[j * p + j] = cov[j * p + j];
  for (const a of xIdx) for (const b of xIdx) Sigma[a * p + b] = cov[a * p + b];
  const mu = Float64Array.from(mean);
  // Free parameters: variances (and means) of the non-covariates; with fixed.x = false the covariate block too.
  const cols: number[][] = [];
  for (let j = 0; j < p; j++) if (!isX.has(j) || !fixed) cols.push([L.pos[j * p + j]]);
  if (!fixed) for (const a of xIdx) for (const b of xIdx) if (a > b) cols.push([L.pos[a * p + b]]);
  if (L.meanstructure) for (let j = 0; j < p; j++) if (!isX.has(j) || !fixed) cols.push([j]);
  const q = cols.length;
  const Delta = new Float64Array(L.pstar * q);
  cols.forEach((rows, k) => rows.forEach((r) => (Delta[r * q + k] = 1)));
  return { Delta, q, mu, Sigma };
}

/** MLM: robust.sem covariance and the Satorra–Bentler scaling. */
function mlm(
  st: SemState,
  gm: ReturnType<typeof groupMoments>,
  q: number,
  df: number,
  dfBaseline: number,
  information?: Float64Array,
): { nvcov: Float64Array; scaled: ScaledResult } {
  let E = information;
  if (!E) {
    E = new Float64Array(q * q);
    st.objective.information(E);
  }
  const Einv = inverse(E, q, "expected information matrix");
  const middle = new Float64Array(q * q);
  let trace = 0;
  let traceBase = 0;
  st.groups.forEach((g, k) => {
    const { L, Delta, f, xIdx } = gm[k];
    if (g.sample.missing)
      throw new PathlabError('estimator "MLM" needs complete data (as lavaan): use estimator "MLR" with missing: "ml".', {
        code: "options.bad-value",
        hint: 'Write { estimator: "MLR", missing: "ml" }.',
      });
    const data = rawData(st, k);
    const W = h1Expected(g.engine.W, L);
    const Gamma = adfGamma(data.columns, data.n, L, xIdx);
    const WGW = quadMid(W, Gamma, L.pstar);
    const M = sandwichDelta(Delta, WGW, L.pstar, q);
    for (let t = 0; t < q * q; t++) middle[t] += f * M[t];
    const trWG = traceProduct(W, Gamma, L.pstar);
    trace += trWG - f * traceProduct(Einv, M, q);
    // Baseline: the same with its Δ_b and W_b at its estimates.
    const b = baselineOf(st, k, L);
    const Wb = h1Expected(inverse(Float64Array.from(b.Sigma), L.p, "baseline covariance"), L);
    const Eb = sandwichDelta(b.Delta, Wb, L.pstar, b.q);
    const Mb = sandwichDelta(b.Delta, quadMid(Wb, Gamma, L.pstar), L.pstar, b.q);
    // E_b is Σ_g f_g Δ_bᵀW_bΔ_b over groups; the baseline's groups share no parameters, so per group E_b,g = f_g Δ_bᵀW_bΔ_b.
    traceBase += traceProduct(Wb, Gamma, L.pstar) - traceProduct(inverse(Eb, b.q, "baseline information"), Mb, b.q);
  });
  return { nvcov: sandwichQ(Einv, middle, q), scaled: { test: "satorra.bentler", c: trace / df, trace, cBaseline: traceBase / dfBaseline } };
}

/** W Γ W for symmetric p*×p* matrices. */
function quadMid(W: Float64Array, G: Float64Array, n: number): Float64Array {
  return matmul(matmul(W, G, n), W, n);
}

/** A B for n×n row-major matrices (i-k-j order: contiguous inner loops). */
function matmul(A: Float64Array, B: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let k = 0; k < n; k++) {
      const a = A[ri + k];
      if (a === 0) continue;
      const rk = k * n;
      for (let j = 0; j < n; j++) out[ri + j] += a * B[rk + j];
    }
  }
  return out;
}

/** lavaan's FIML-corrected ("robust") test ingredients (lav_fit_fiml_corrected). */
export interface FimlCorrected {
  /** χ² of the model at θ̂ against the EM moments taken as complete data, its df and scale. */
  X2: number;
  df: number;
  c: number;
  /** The same for the baseline model at its FIML estimates. */
  X2Null: number;
  dfNull: number;
  cNull: number;
}

/** Complete-data ML χ² contribution N[log|Σ| + tr(Σ⁻¹(S + ddᵀ)) − log|S| − p] of moments (Σ, μ) against (S, m). */
function mlChisq(n: number, S: Float64Array, m: Float64Array, Sigma: Float64Array, mu: Float64Array, p: number, meanstructure: boolean): number {
  const L = Float64Array.from(Sigma);
  const ldS = choleskyLogDet(L, p);
  const W = new Float64Array(p * p);
  inverseFromCholesky(L, p, W, new Float64Array(p * p));
  const L2 = Float64Array.from(S);
  const ld0 = choleskyLogDet(L2, p);
  let tr = 0;
  for (let a = 0; a < p; a++)
    for (let b = 0; b < p; b++) {
      const d = meanstructure ? (m[a] - mu[a]) * (m[b] - mu[b]) : 0;
      tr += W[a * p + b] * (S[b * p + a] + d);
    }
  return n * (ldS + tr - ld0 - p);
}

/**
 * FIML-corrected χ² and its scale (Savalei 2010; Zhang & Savalei 2022; lavaan 0.6.14): version
 * "V6" for the standard test, "V3" with a scaled (MLR) test. With Wm = the FIML saturated
 * observed information and Wc = the complete-data one, both at the EM moments, E = Σ f_g ΔᵀWmΔ,
 *   V6: k = Σ_g tr(Wc Wm⁻¹) − tr(E⁻¹ Σ_g f_g ΔᵀWcΔ)
 *   V3: k = Σ_g tr(Wc Γ) − 2 tr(Γ Wc Δ Pᵀ) + tr(Γ P Q Pᵀ)/f_g, Γ = Wm⁻¹ Jm Wm⁻¹, P = f_g Wm Δ E⁻¹, Q = Σ f_h ΔᵀWcΔ
 * and c = k/df; the baseline the same with its Δ_b.
 */
export function fimlCorrected(st: SemState, df: number, dfNull: number, version: "V3" | "V6"): FimlCorrected {
  const gm = groupMoments(st);
  const parts = st.groups.map((g, k) => {
    const ms = g.sample.missing!;
    const { L } = gm[k];
    const h = h1Fiml(st, k, L);
    if (version === "V3") h.Gamma ??= quadMid(h.Wmi, h1FimlJm(st, k, L), L.pstar);
    return { ms, L, Wm: h.Wm, Wc: h.Wc, Wmi: h.Wmi, Gamma: h.Gamma };
  });
  const side = (Deltas: Float64Array[], q: number) => {
    const E = new Float64Array(q * q);
    const Q = new Float64Array(q * q);
    parts.forEach((pt, k) => {
      const f = gm[k].f;
      const a = sandwichDelta(Deltas[k], pt.Wm, pt.L.pstar, q);
      const b = sandwichDelta(Deltas[k], pt.Wc, pt.L.pstar, q);
      for (let t = 0; t < q * q; t++) {
        E[t] += f * a[t];
        Q[t] += f * b[t];
      }
    });
    const Einv = inverse(E, q, "FIML-corrected information");
    let k = 0;
    parts.forEach((pt, g) => {
      const n = pt.L.pstar;
      if (version === "V6") k += traceProduct(pt.Wc, pt.Wmi, n);
      else k += v3Group(pt.Wc, pt.Wm, pt.Gamma!, Deltas[g], Einv, Q, gm[g].f, n, q);
    });
    if (version === "V6") k -= traceProduct(Einv, Q, q);
    return k;
  };
  const kModel = side(
    gm.map((x) => x.Delta),
    st.pt.nFree,
  );
  const base = st.groups.map((_, g) => baselineOf(st, g, gm[g].L));
  // The baseline's groups share no parameters: each group's Δ_b fills its own block of columns.
  const qb = base.reduce((a, b) => a + b.q, 0);
  let offset = 0;
  const blockDeltas = base.map((b, g) => {
    const n = gm[g].L.pstar;
    const D = new Float64Array(n * qb);
    for (let a = 0; a < n; a++) for (let k = 0; k < b.q; k++) D[a * qb + offset + k] = b.Delta[a * b.q + k];
    offset += b.q;
    return D;
  });
  const kNull = side(blockDeltas, qb);
  let X2 = 0;
  let X2Null = 0;
  st.groups.forEach((g, k) => {
    const ms = parts[k].ms;
    const p = gm[k].L.p;
    X2 += Math.max(mlChisq(ms.n, ms.cov, ms.mean, g.engine.Sigma, g.engine.mu, p, st.pt.meanstructure), 0);
    X2Null += Math.max(mlChisq(ms.n, ms.cov, ms.mean, base[k].Sigma, base[k].mu, p, st.pt.meanstructure), 0);
  });
  return { X2, df, c: kModel / df, X2Null, dfNull, cNull: kNull / dfNull };
}

/** V3's per-group trace: tr(Γ Wc) − 2 tr(Γ Wc Δ Pᵀ) + tr(Γ P Q Pᵀ)/f with P = f Wm Δ E⁻¹. */
function v3Group(
  Wc: Float64Array,
  Wm: Float64Array,
  Gamma: Float64Array,
  Delta: Float64Array,
  Einv: Float64Array,
  Q: Float64Array,
  f: number,
  n: number,
  q: number,
): number {
  // P = f Wm Δ E⁻¹ (n × q)
  const WmD = new Float64Array(n * q);
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) {
      const w = Wm[a * n + b];
      if (w === 0) continue;
      for (let k = 0; k < q; k++) WmD[a * q + k] += w * Delta[b * q + k];
    }
  const P = new Float64Array(n * q);
  for (let a = 0; a < n; a++) for (let k = 0; k < q; k++) for (let l = 0; l < q; l++) P[a * q + l] += f * WmD[a * q + k] * Einv[k * q + l];
  // GP = Γ P, GWc = Γ Wc
  const GP = new Float64Array(n * q);
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) {
      const g = Gamma[a * n + b];
      if (g === 0) continue;
      for (let k = 0; k < q; k++) GP[a * q + k] += g * P[b * q + k];
    }
  const t1 = traceProduct(Gamma, Wc, n);
  // tr(Γ Wc Δ Pᵀ) = Σ_ab (Wc Δ)_{b k} … = Σ_{b,k} (WcΔ)[b,k] (PᵀΓ)[k,b] = Σ_{b,k} (WcΔ)[b,k] GP[b,k] (Γ symmetric)
  let t2 = 0;
  for (let b = 0; b < n; b++)
    for (let k = 0; k < q; k++) {
      let wd = 0;
      for (let c = 0; c < n; c++) wd += Wc[b * n + c] * Delta[c * q + k];
      t2 += wd * GP[b * q + k];
    }
  // tr(Γ P Q Pᵀ) = Σ_{a,k,l} GP? : = Σ_{k,l} Q[k,l] (PᵀΓP)[l,k]
  const PGP = new Float64Array(q * q);
  for (let a = 0; a < n; a++) for (let k = 0; k < q; k++) for (let l = 0; l < q; l++) PGP[k * q + l] += P[a * q + k] * GP[a * q + l];
  const t3 = traceProduct(Q, PGP, q);
  return t1 - 2 * t2 + t3 / f;
}

/** Inverse over the unmasked rows (zero for fixed.x rows). */
function inverseMasked(A: Float64Array, L: MomentLayout): Float64Array {
  const keep: number[] = [];
  for (let a = 0; a < L.pstar; a++) if (!L.xMask[a]) keep.push(a);
  const k = keep.length;
  const Ak = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) Ak[a * k + b] = A[keep[a] * L.pstar + keep[b]];
  const inv = inverse(Ak, k, "FIML information of the saturated model");
  const out = new Float64Array(L.pstar * L.pstar);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) out[keep[a] * L.pstar + keep[b]] = inv[a * k + b];
  return out;
}
