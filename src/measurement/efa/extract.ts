/**
 * Factor extraction as psych::fa does it (Revelle, psych 2.2.9, `fac`), for a correlation matrix R
 * (p × p) and k factors.
 *
 * - "minres", "uls", "wls", "gls", "minchi", "ml": estimate the uniquenesses ψ by minimising the
 *   method's criterion (criteria.ts) over the box [0.005, max(1, max smc)] (psych's bounds), then
 *   take the loadings from an eigen-decomposition: least squares Λ = V_k diag(√max(λ_k, 0)) of R
 *   with 1 − ψ on the diagonal (psych's FAout.wls); ML Λ = Ψ^{1/2} V_k diag(√max(e_k − 1, 0)) with
 *   V, e from Ψ^{-1/2} R Ψ^{-1/2} (FAout).
 *   minres: psych hands optim the off-diagonal criterion with the uls gradient (FAgr.minres), so its
 *   run heads for the point where that gradient vanishes on the box: the uls minimum. With no ψ at
 *   the bound this is also the off-diagonal minimum; with one at the bound the two differ and psych's
 *   printed solution is (up to its stopping precision) the uls point, which is reported here, with
 *   the off-diagonal criterion as its objective (test/goldens/psych-fa3.R).
 *   psych starts optim (L-BFGS-B) once, from ψ = 1 − smc (minres, uls, ml; ml uses 0.5 when the
 *   smcs sum to k) or ψ = smc (wls, gls, minchi), and reports wherever it stops. These criteria have
 *   several local minima when some ψ sit at the bound (Heywood cases), and from that one start
 *   psych can stop at a worse one. Here the same start is run first, then three from seeded random
 *   points (ψ_i = (1 − smc_i)·u, u uniform on [0.2, 1.8]); if the four disagree, more random starts
 *   up to `starts` (default 20). The lowest criterion wins (psych's own start on ties) and the
 *   result records every distinct minimum found, so that a solution differing from psych's says why.
 * - "pa" (iterated principal axes): put communalities (start: smc) on the diagonal, take
 *   Λ = V_k diag(√λ_k), replace the diagonal by diag(ΛΛᵀ), until the total communality changes by
 *   at most `minErr` (0.001) or `maxIter` (50) iterations — psych's rule, reproduced step by step.
 * - "alpha" (Kaiser & Caffrey 1965, alpha factor analysis): with H² the communalities (start smc),
 *   rescale R* = H^{-1} R H^{-1} (unit diagonal), Λ* = V_k diag(√λ_k) of R*, H² ← H² ∘ diag(Λ*Λ*ᵀ),
 *   until Σ|ΔH²| ≤ minErr; Λ = H Λ*. psych's `values` for alpha are its eigenvalues times √H²
 *   element by element, reproduced as psych computes them.
 *
 * Columns are signed so that each sums to a positive value; exact zeros become 1e-15 (as psych
 * does, so that later ratios stay finite). `values` are the eigenvalues of R with diag(ΛΛᵀ) on its
 * diagonal, `eValues` those of R.
 */
import { PathlabError } from "../../errors";
import { Rng } from "../../simulate/rng";
import { eigenvalues, symEigen } from "../../math";
import { smcOf } from "./input";
import { boxMinimize, type BoxResult } from "./optimize";
import { inLogs, lsCriterion, mlCriterion, ulsCriterion, type ValueAndGradient } from "./criteria";
import type { Mat } from "../../math";

export const FACTOR_METHODS = ["minres", "uls", "ml", "pa", "wls", "gls", "minchi", "alpha"] as const;
export type FactorMethod = (typeof FACTOR_METHODS)[number];

/** The iterative optimiser's record when several starts were tried. */
export interface StartsInfo {
  /** Number of starts run (the first is psych's). */
  tried: number;
  /** Distinct local minima of the criterion found, ascending. */
  optima: number[];
  /** Criterion value reached from psych's start. */
  fromPsychStart: number;
  /** 0-based index of the start whose solution is reported (0 = psych's start). */
  best: number;
}

export interface Extraction {
  /** p × k unrotated loadings. */
  loadings: Mat;
  /** Estimated uniquenesses ψ (optimised methods: the optimiser's; pa/alpha: 1 − final communalities). */
  psi: number[];
  /** Eigenvalues of R with diag(ΛΛᵀ) on the diagonal (psych's `values`). */
  values: number[];
  /** Eigenvalues of R (psych's `e.values`). */
  eValues: number[];
  iterations: number;
  converged: boolean;
  /** Value of the fitting function at the solution (pa/alpha: the last change in communality). */
  objective: number;
  /** pa only: total communality after each iteration. */
  communalityIterations?: number[];
  /** Optimised methods: what the starts found. */
  starts?: StartsInfo;
}

export interface ExtractOptions {
  /** pa/alpha: convergence on the communalities (psych min.err, default 0.001). */
  minErr?: number;
  /** pa/alpha: iteration limit (psych max.iter, default 50). */
  maxIter?: number;
  /** Start from squared multiple correlations (default true, as psych); false: 1s (pa/alpha only). */
  smc?: boolean;
  /** Skip the eigenvalues of R itself (eValues left empty): parallel analysis has them already. */
  valuesOnly?: boolean;
  /** Optimised methods: most starts (default DEFAULT_STARTS; 1 = psych's single start only). */
  starts?: number;
  /** minchi: pairwise counts. */
  np?: number[][] | null;
}

/** psych's lower bound on the uniquenesses. */
export const PSI_LOWER = 0.005;
/** Most starts tried by default (psych's, then seeded random ones; see optimiseStarts). */
export const DEFAULT_STARTS = 20;
const START_SEED = 20230117;

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

function negativeEigen(method: string, j: number, v: number, k: number): PathlabError {
  return new PathlabError(
    `fa(fm = "${method}"): eigenvalue ${j + 1} of the reduced correlation matrix is negative (${v.toFixed(4)}), so ${k} factors cannot be extracted this way.`,
    {
      hint: 'Extract fewer factors, or use fm: "minres" (psych stops here with "imaginary eigen value condition").',
      code: "efa.negative-eigenvalue",
    },
  );
}

function principalAxes(R: Mat, k: number, names: string[], opts: ExtractOptions): Extraction {
  const minErr = opts.minErr ?? 0.001;
  const maxIter = opts.maxIter ?? 50;
  const Rm = R.map((r) => r.slice());
  const start = opts.smc === false ? new Array<number>(R.length).fill(1) : smcOf(R, names);
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
    for (let j = 0; j < k; j++) if (!(e.values[j] >= 0)) throw negativeEigen("pa", j, e.values[j], k);
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

/** Alpha factoring, step by step as psych's fac(fm = "alpha") (see the module comment). */
function alphaFactoring(R: Mat, k: number, names: string[], opts: ExtractOptions): Extraction {
  const minErr = opts.minErr ?? 0.001;
  const maxIter = opts.maxIter ?? 50;
  const p = R.length;
  let H2 = opts.smc === false ? new Array<number>(p).fill(1) : smcOf(R, names);
  let err = H2.reduce((a, b) => a + b, 0);
  let it = 1;
  let L: Mat = [];
  let values: number[] = [];
  let converged = false;
  let iterations = 0;
  while (err > minErr) {
    const h = H2.map(Math.sqrt);
    const Rs = R.map((row, i) => row.map((v, j) => (i === j ? 1 : v / (h[i] * h[j]))));
    const e = symEigen(Rs);
    for (let j = 0; j < k; j++) if (!(e.values[j] >= 0)) throw negativeEigen("alpha", j, e.values[j], k);
    L = topLoadings(e, k);
    values = e.values;
    const d = rowSS(L);
    const newH2 = H2.map((v, i) => v * d[i]);
    err = newH2.reduce((a, v, i) => a + Math.abs(H2[i] - v), 0);
    H2 = newH2;
    iterations++;
    it++;
    if (err <= minErr) converged = true;
    if (it > maxIter) break;
  }
  const h = H2.map(Math.sqrt);
  L = L.map((r, i) => r.map((v) => v * h[i]));
  return {
    loadings: signColumns(L),
    psi: H2.map((v) => 1 - v),
    // psych: sqrt(H2) * eigens$values, element by element
    values: values.map((v, j) => v * h[j]),
    eValues: opts.valuesOnly ? [] : eigenvalues(R),
    iterations,
    converged,
    objective: err,
  };
}

/** psych's start for `method` (see the module comment). */
function psychStart(R: Mat, k: number, method: FactorMethod, s: number[]): number[] {
  if (method === "wls" || method === "gls" || method === "minchi") return s.map((v) => Math.max(v, PSI_LOWER));
  if (method === "ml" && s.reduce((a, b) => a + b, 0) === k && k > 1) return new Array<number>(R.length).fill(0.5);
  return R.map((row, i) => row[i] - s[i]);
}

/**
 * Minimises `fg` over [lo, hi]ᵖ from psych's start and seeded random starts (see the module
 * comment): first psych's and three random ones; only when they disagree, more up to `maxStarts`.
 * `toX` maps ψ to the optimiser's variables (logs for ML).
 */
function optimiseStarts(
  fg: ValueAndGradient,
  start: number[],
  s: number[],
  lo: number,
  hi: number,
  maxStarts: number,
  toX: (v: number) => number,
  refine?: (r: BoxResult) => BoxResult,
): { res: BoxResult; info: StartsInfo } {
  const scale = Math.max(1, Math.abs(fg(Float64Array.from(start, toX)).f));
  // stop at rounding level; count as converged when the projected gradient is ~1e-6 of the criterion's scale
  const tol = { gtol: 1e-13 * scale, ftol: 1e-6 * scale };
  const run = (psi0: number[]) => {
    const r = boxMinimize(fg, psi0.map(toX), toX(lo), toX(hi), { ...tol, maxIter: 2000 });
    return refine ? refine(r) : r;
  };
  const first = run(start);
  let best = first;
  let bestIndex = 0;
  const optima: number[] = [first.f];
  const rng = new Rng(START_SEED);
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1e-6, Math.abs(a), Math.abs(b));
  let tried = 1;
  for (let t = 1; t < maxStarts; t++) {
    if (t === 4 && optima.length === 1) break;
    const psi0 = s.map((v) => Math.min(hi, Math.max(lo, (1 - v) * (0.2 + 1.6 * rng.uniform()))));
    const r = run(psi0);
    tried++;
    if (!Number.isFinite(r.f)) continue;
    if (!optima.some((o) => same(o, r.f))) optima.push(r.f);
    if (r.f < best.f && !same(r.f, best.f)) {
      best = r;
      bestIndex = t;
    }
  }
  optima.sort((a, b) => a - b);
  return { res: best, info: { tried, optima, fromPsychStart: first.f, best: bestIndex } };
}

function optimised(R: Mat, k: number, method: Exclude<FactorMethod, "pa" | "alpha">, names: string[], opts: ExtractOptions): Extraction {
  const s = smcOf(R, names);
  const upper = Math.max(1, ...s);
  const start = psychStart(R, k, method, s);
  const starts = opts.starts ?? DEFAULT_STARTS;
  const ml = method === "ml";
  // minres: the point psych's optim approaches is where the uls gradient (psych's FAgr.minres, which
  // it passes with the off-diagonal criterion) vanishes on the box, i.e. the uls minimum; with no ψ at
  // the bound that is also the off-diagonal minimum. It is reported with the off-diagonal criterion.
  const fg = ml ? inLogs(mlCriterion(R, k)) : method === "minres" ? ulsCriterion(R, k) : lsCriterion(R, k, method, opts.np);
  let refine: ((r: BoxResult) => BoxResult) | undefined;
  if (method === "minres") {
    const G = lsCriterion(R, k, "minres");
    refine = (r) => ({ ...r, f: G(r.x).f });
  }
  const { res, info } = optimiseStarts(fg, start, s, PSI_LOWER, upper, starts, ml ? Math.log : (v) => v, refine);
  const psi = Array.from(res.x, ml ? Math.exp : (v: number) => v);
  let L: Mat;
  if (ml) {
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
    starts: starts > 1 ? info : undefined,
  };
}

/** Extracts k factors from the correlation matrix R by `method` (see the module comment). */
export function extractFactors(R: Mat, k: number, method: FactorMethod, names: string[], opts: ExtractOptions = {}): Extraction {
  if (method === "pa") return principalAxes(R, k, names, opts);
  if (method === "alpha") return alphaFactoring(R, k, names, opts);
  return optimised(R, k, method, names, opts);
}
