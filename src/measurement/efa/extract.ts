/**
 * Factor extraction as psych::fa does it (Revelle, psych 2.2.9, `fac`), for a correlation matrix R
 * (p × p) and k factors. Every method estimates uniquenesses ψ and takes the loadings from an
 * eigen-decomposition:
 *
 * - "minres" (minimum residual / unweighted least squares, Harman & Jones 1966): minimise
 *     F(ψ) = ½ ‖R − Ψ − ΛΛᵀ‖²,  Λ = V_k diag(√max(λ_k, 0))  (top-k eigenpairs of R − Ψ),
 *   whose gradient is ∂F/∂ψ_i = (ΛΛᵀ)_ii + ψ_i − R_ii; at the optimum the off-diagonal residuals are
 *   as small as any rank-k ΛΛᵀ can make them (psych minimises the off-diagonal sum; the two have the
 *   same optimum). Start ψ = 1 − smc.
 * - "ml" (maximum likelihood, Jöreskog 1967): with e_j the eigenvalues of Ψ^{-1/2} R Ψ^{-1/2},
 *     F(ψ) = Σ_{j>k} (e_j − ln e_j − 1),  Λ = Ψ^{1/2} V_k diag(√max(e_k − 1, 0)),
 *   gradient ∂F/∂ψ_i = (ΛΛᵀ + Ψ − R)_ii / ψ_i². Start ψ = 1 − smc.
 * - "pa" (iterated principal axes): put communalities (start: smc) on the diagonal, take
 *   Λ = V_k diag(√λ_k), replace the diagonal by diag(ΛΛᵀ), until the total communality changes by
 *   at most `minErr` (0.001) or `maxIter` (50) iterations — psych's rule, reproduced step by step.
 *
 * ψ is bounded to [0.005, max(1, max smc)] as psych bounds it. Columns are signed so that each sums
 * to a positive value; exact zeros become 1e-15 (as psych does, so that later ratios stay finite).
 * `values` are the eigenvalues of R with diag(ΛΛᵀ) on its diagonal, `eValues` those of R.
 */
import { PathlabError } from "../../errors";
import { eigenTop, eigenvalues, symEigen, type FlatEigen } from "../../math";
import { smcOf } from "./input";
import { boxMinimize } from "./optimize";
import type { Mat } from "../../math";

export type FactorMethod = "minres" | "ml" | "pa";

export interface Extraction {
  /** p × k unrotated loadings. */
  loadings: Mat;
  /** Estimated uniquenesses ψ (minres/ml: the optimiser's; pa: 1 − final communalities). */
  psi: number[];
  /** Eigenvalues of R with diag(ΛΛᵀ) on the diagonal (psych's `values`). */
  values: number[];
  /** Eigenvalues of R (psych's `e.values`). */
  eValues: number[];
  iterations: number;
  converged: boolean;
  /** Value of the fitting function at the solution. */
  objective: number;
  /** pa only: total communality after each iteration. */
  communalityIterations?: number[];
}

export interface ExtractOptions {
  /** pa: convergence on the total communality (psych min.err, default 0.001). */
  minErr?: number;
  /** pa: iteration limit (psych max.iter, default 50). */
  maxIter?: number;
  /** Start from squared multiple correlations (default true, as psych); false: 1s (pa only). */
  smc?: boolean;
  /** Skip the eigenvalues of R itself (eValues left empty): parallel analysis has them already. */
  valuesOnly?: boolean;
}

const LOWER = 0.005;

/** Top-k loadings V_k diag(√max(λ, 0)) from an eigen-decomposition. */
function topLoadings(e: { values: number[]; vectors: number[][] }, k: number, shift = 0): Mat {
  const p = e.vectors.length;
  const L: Mat = Array.from({ length: p }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    const s = Math.sqrt(Math.max(e.values[j] - shift, 0));
    for (let i = 0; i < p; i++) L[i][j] = e.vectors[i][j] * s;
  }
  return L;
}

function rowSS(L: Mat): number[] {
  return L.map((r) => r.reduce((a, b) => a + b * b, 0));
}

/** R as one row-major Float64Array (the objectives rebuild their matrix from it at every step). */
function flatten(R: Mat): Float64Array {
  const p = R.length;
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) out[i * p + j] = R[i][j];
  return out;
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

/** minres: F(ψ) = ½‖R − Ψ − ΛΛᵀ‖² and its gradient diag(ΛΛᵀ) + ψ − diag(R). */
function minresObjective(R: Mat, k: number) {
  const p = R.length;
  const flat = flatten(R);
  const M = new Float64Array(p * p);
  return (psi: Float64Array) => {
    M.set(flat);
    for (let i = 0; i < p; i++) M[i * p + i] -= psi[i];
    const e = eigenTop(M, p, k);
    let f = 0;
    for (let j = 0; j < p; j++) if (j >= k || e.values[j] < 0) f += e.values[j] * e.values[j];
    const h2 = topRowSS(e, p, k, 0);
    const g = new Float64Array(p);
    for (let i = 0; i < p; i++) g[i] = h2[i] + psi[i] - flat[i * p + i];
    return { f: f / 2, g };
  };
}

/** ml: F(ψ) = Σ_{j>k}(e_j − ln e_j − 1) and its gradient (ΛΛᵀ + Ψ − R)_ii / ψ_i². */
function mlObjective(R: Mat, k: number) {
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

function signColumns(L: Mat): Mat {
  const k = L[0].length;
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (const r of L) s += r[j];
    if (s < 0) for (const r of L) r[j] = -r[j];
  }
  for (const r of L) for (let j = 0; j < k; j++) if (r[j] === 0) r[j] = 1e-15;
  return L;
}

/** psych's eigenvalues of R with the model communalities on the diagonal. */
function commonValues(R: Mat, L: Mat): number[] {
  const h2 = rowSS(L);
  return eigenvalues(R.map((row, i) => row.map((v, j) => (i === j ? h2[i] : v))));
}

function principalAxes(R: Mat, k: number, names: string[], opts: ExtractOptions): Extraction {
  const minErr = opts.minErr ?? 0.001;
  const maxIter = opts.maxIter ?? 50;
  const p = R.length;
  const Rm = R.map((r) => r.slice());
  const start = opts.smc === false ? new Array<number>(p).fill(1) : smcOf(R, names);
  start.forEach((v, i) => (Rm[i][i] = v));
  let comm = start.reduce((a, b) => a + b, 0);
  let err = comm;
  let it = 1;
  let L: Mat = [];
  let lastValues: number[] = [];
  const trace: number[] = [];
  let converged = false;
  while (err > minErr) {
    const e = symEigen(Rm);
    for (let j = 0; j < k; j++)
      if (!(e.values[j] >= 0))
        throw new PathlabError(
          `fa(fm = "pa"): eigenvalue ${j + 1} of the reduced correlation matrix is negative (${e.values[j].toFixed(4)}), so ${k} principal axes do not exist.`,
          {
            hint: 'Extract fewer factors, or use fm: "minres" (psych stops here with "imaginary eigen value condition").',
            code: "efa.negative-eigenvalue",
          },
        );
    L = topLoadings(e, k);
    lastValues = e.values;
    const h2 = rowSS(L);
    const comm1 = h2.reduce((a, b) => a + b, 0);
    h2.forEach((v, i) => (Rm[i][i] = v));
    err = Math.abs(comm - comm1);
    comm = comm1;
    trace.push(comm1);
    it++;
    if (err <= minErr) converged = true;
    if (it > maxIter) break;
  }
  const h2 = rowSS(L);
  return {
    loadings: signColumns(L),
    psi: h2.map((h) => 1 - h),
    // psych reports the eigenvalues of the last reduced matrix it decomposed
    values: lastValues,
    eValues: opts.valuesOnly ? [] : eigenvalues(R),
    iterations: trace.length,
    converged,
    objective: err,
    communalityIterations: trace,
  };
}

/** Extracts k factors from the correlation matrix R by `method` (see the module comment). */
export function extractFactors(R: Mat, k: number, method: FactorMethod, names: string[], opts: ExtractOptions = {}): Extraction {
  if (method === "pa") return principalAxes(R, k, names, opts);
  const p = R.length;
  const s = smcOf(R, names);
  const upper = Math.max(1, ...s);
  let start = R.map((row, i) => row[i] - s[i]);
  if (method === "ml" && s.reduce((a, b) => a + b, 0) === k && k > 1) start = new Array<number>(p).fill(0.5);
  const fg = method === "ml" ? mlObjective(R, k) : minresObjective(R, k);
  const res = boxMinimize(fg, start, LOWER, upper, { gtol: 1e-8, maxIter: 2000 });
  const psi = Array.from(res.x);
  let L: Mat;
  if (method === "ml") {
    const sc = psi.map((v) => 1 / Math.sqrt(v));
    const e = symEigen(R.map((row, i) => row.map((v, j) => v * sc[i] * sc[j])));
    L = topLoadings(e, k, 1).map((row, i) => row.map((v) => v * Math.sqrt(psi[i])));
  } else {
    L = topLoadings(symEigen(R.map((row, i) => row.map((v, j) => (i === j ? v - psi[i] : v)))), k);
  }
  return {
    loadings: signColumns(L),
    psi,
    values: commonValues(R, L),
    eValues: opts.valuesOnly ? [] : eigenvalues(R),
    iterations: res.iterations,
    converged: res.converged,
    objective: res.f,
  };
}
