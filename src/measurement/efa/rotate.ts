/**
 * Factor rotations with psych 2.2.9's conventions.
 *
 * Gradient projection (Jennrich 2001, "A simple general procedure for orthogonal rotation",
 * Psychometrika 66; Jennrich 2002, "A simple general method for oblique rotation", Psychometrika 67;
 * Bernaards & Jennrich 2005, GPArotation): minimise a criterion Q(L) over rotations T.
 *   orthogonal: L = A T, G = Aᵀ ∂Q/∂L, projected gradient Gp = G − T sym(TᵀG); step T − αGp, then
 *               the nearest orthogonal matrix (polar factor U Vᵀ of its SVD);
 *   oblique:    L = A T⁻ᵀ, G = −(Lᵀ ∂Q/∂L T⁻¹)ᵀ, Gp = G − T diag(1ᵀ(T∘G)); step T − αGp, then
 *               columns rescaled to unit length; Φ = TᵀT.
 * α doubles at each iteration and halves (≤ 10 times) until Q falls by at least ½‖Gp‖²α; stop
 * when ‖Gp‖_F < 1e-5 (GPArotation's defaults: eps 1e-5, maxit 1000, start T = I, no Kaiser
 * normalisation unless asked).
 * Criteria Q (GPArotation's vgQ.*, psych's vgQ.bimin):
 *   quartimax  Q = −¼ Σ L⁴,                          ∂Q/∂L = −L³
 *   varimax    Q = −¼ ‖L² − 1 mean(L²)‖²,            ∂Q/∂L = −L∘(L² − 1 mean(L²))   (GPA form, "Varimax")
 *   oblimin    Q = ¼ Σ L²∘(L² N), N = 11ᵀ − I (γ = 0, quartimin), ∂Q/∂L = L∘(L² N)
 *   geomin     Q = Σ_i Π_j (L²_ij + δ)^{1/k}, δ = .01,  ∂Q/∂L = (2/k) L/(L²+δ) ∘ row product
 *              (geominT orthogonal, geominQ oblique)
 *   bentler    Q = −¼ (ln|M| − ln|diag M|), M = (L²)ᵀL²,  ∂Q/∂L = −L∘(L²(M⁻¹ − diag(M)⁻¹))
 *   equamax    Crawford–Ferguson, κ = k/(2p): Q = (1−κ)¼ Σ L²∘(L²N) + κ¼ Σ L²∘(M_p L²),
 *              M_p = 11ᵀ − I (p × p); ∂Q/∂L = (1−κ) L∘(L²N) + κ L∘(M_p L²)   (psych's equamax = cfT)
 *   biquartimin  oblimin's Σ L²∘(L²N) on factors 2…k only (Q not divided by 4), ∂Q/∂L = 4 L∘(L²N),
 *              first column 0 (Jennrich & Bentler 2011; psych's vgQ.bimin, GPFoblq); "bifactor" is
 *              the same criterion rotated orthogonally (psych's bifactor, GPForth)
 *   simplimax  Q = Σ I∘L², I = [L² ≤ the p-th smallest L²], ∂Q/∂L = 2 I∘L (Kiers 1994; oblique)
 *   target     Q = Σ (L − B)² over the specified cells of the target B, ∂Q/∂L = 2(L − B) there
 *              (targetT orthogonal, targetQ oblique)
 * "varimax" itself is R's stats::varimax (Kaiser 1958 with Kaiser row normalisation, the SVD
 * iteration, stop when the criterion grows by less than a factor 1 + 1e-5), as psych uses it;
 * "promax" is psych's: Kaiser-normalise rows, varimax, target Q = L∘|L|³ (power 4), least-squares
 * fit U = (LᵀL)⁻¹LᵀQ, columns rescaled by √diag((UᵀU)⁻¹), Φ = U⁻¹U⁻ᵀ, rows de-normalised;
 * "Promax" the same without the outer row normalisation (psych's Promax, as stats::promax);
 * "cluster" is psych's: varimax, then the same least-squares fit to the target of ±1 at each row's
 * largest |loading| (factor2cluster, target.rot).
 */
import { PathlabError } from "../../errors";
import type { Rng } from "../../simulate/rng";
import { identity, inverse, logDet, mul, polar, tmul, transpose, zeros, type Mat } from "../../math";

export const ROTATIONS = [
  "none",
  "varimax",
  "Varimax",
  "quartimax",
  "equamax",
  "geominT",
  "bentlerT",
  "targetT",
  "bifactor",
  "promax",
  "Promax",
  "oblimin",
  "quartimin",
  "geominQ",
  "bentlerQ",
  "biquartimin",
  "simplimax",
  "cluster",
  "targetQ",
] as const;
export type Rotation = (typeof ROTATIONS)[number];
export const OBLIQUE: readonly Rotation[] = [
  "promax",
  "Promax",
  "oblimin",
  "quartimin",
  "geominQ",
  "bentlerQ",
  "biquartimin",
  "simplimax",
  "cluster",
  "targetQ",
];
/** Rotations fitted by gradient projection (random starts apply to these). */
export const GPA_ROTATIONS: readonly Rotation[] = [
  "Varimax",
  "quartimax",
  "equamax",
  "geominT",
  "bentlerT",
  "targetT",
  "bifactor",
  "oblimin",
  "quartimin",
  "geominQ",
  "bentlerQ",
  "biquartimin",
  "simplimax",
  "targetQ",
];

export interface RotationResult {
  loadings: Mat;
  /** Factor correlations (oblique rotations), otherwise undefined. */
  Phi?: Mat;
  /** Rotation matrix T (GPA) or psych's rotmat (varimax/promax). */
  T: Mat;
  iterations: number;
  converged: boolean;
  /** Criterion value at the solution (GPA rotations). */
  criterion?: number;
}

type Criterion = (L: Mat) => { f: number; Gq: Mat };

function quartimax(L: Mat) {
  let f = 0;
  const Gq = L.map((r) =>
    r.map((v) => {
      f += v ** 4;
      return -(v ** 3);
    }),
  );
  return { f: -f / 4, Gq };
}

function gpaVarimax(L: Mat) {
  const p = L.length;
  const k = L[0].length;
  const m = new Array<number>(k).fill(0);
  for (const r of L) for (let j = 0; j < k; j++) m[j] += (r[j] * r[j]) / p;
  let f = 0;
  const Gq = L.map((r) =>
    r.map((v, j) => {
      const q = v * v - m[j];
      f += q * q;
      return -v * q;
    }),
  );
  return { f: -f / 4, Gq };
}

function oblimin(L: Mat) {
  let f = 0;
  const Gq = L.map((r) => {
    let s = 0;
    for (const v of r) s += v * v;
    return r.map((v) => {
      const x = s - v * v;
      f += v * v * x;
      return v * x;
    });
  });
  return { f: f / 4, Gq };
}

function geomin(L: Mat, delta = 0.01) {
  const k = L[0].length;
  let f = 0;
  const Gq = L.map((r) => {
    let lg = 0;
    for (const v of r) lg += Math.log(v * v + delta);
    const pro = Math.exp(lg / k);
    f += pro;
    return r.map((v) => ((2 / k) * v * pro) / (v * v + delta));
  });
  return { f, Gq };
}

function bentler(L: Mat) {
  const L2 = L.map((r) => r.map((v) => v * v));
  const M = tmul(L2, L2);
  const Mi = inverse(M);
  const D = M.map((r, i) => r[i]);
  let logD = 0;
  for (const d of D) logD += Math.log(d);
  const W = Mi.map((r, i) => r.map((v, j) => (i === j ? v - 1 / D[i] : v)));
  const L2W = mul(L2, W);
  const Gq = L.map((r, i) => r.map((v, j) => -v * L2W[i][j]));
  return { f: -(logDet(M).log - logD) / 4, Gq };
}

/** Crawford–Ferguson family with parameter κ (GPArotation's vgQ.cf). */
function crawfordFerguson(L: Mat, kappa: number) {
  const k = L[0].length;
  const L2 = L.map((r) => r.map((v) => v * v));
  const rowS = L2.map((r) => r.reduce((a, b) => a + b, 0));
  const colS = new Array<number>(k).fill(0);
  for (const r of L2) for (let j = 0; j < k; j++) colS[j] += r[j];
  let f1 = 0;
  let f2 = 0;
  const Gq = L.map((r, i) =>
    r.map((v, j) => {
      const rowOthers = rowS[i] - L2[i][j];
      const colOthers = colS[j] - L2[i][j];
      f1 += L2[i][j] * rowOthers;
      f2 += L2[i][j] * colOthers;
      return (1 - kappa) * v * rowOthers + kappa * v * colOthers;
    }),
  );
  return { f: ((1 - kappa) * f1) / 4 + (kappa * f2) / 4, Gq };
}

/** psych's vgQ.bimin: quartimin on factors 2…k, the general factor free. */
function biquartimin(L: Mat) {
  let f = 0;
  const Gq = L.map((r) => {
    let s = 0;
    for (let j = 1; j < r.length; j++) s += r[j] * r[j];
    return r.map((v, j) => {
      if (j === 0) return 0;
      const x = s - v * v;
      f += v * v * x;
      return 4 * v * x;
    });
  });
  return { f, Gq };
}

/** GPArotation's vgQ.simplimax with k = p: the p smallest squared loadings are pulled to 0. */
function simplimax(L: Mat) {
  const p = L.length;
  const all = L.flatMap((r) => r.map((v) => v * v)).sort((a, b) => a - b);
  const cut = all[p - 1];
  let f = 0;
  const Gq = L.map((r) =>
    r.map((v) => {
      if (v * v <= cut) {
        f += v * v;
        return 2 * v;
      }
      return 0;
    }),
  );
  return { f, Gq };
}

/** GPArotation's vgQ.target: cells of the target given as NaN/null are left free. */
function targetCriterion(B: Mat): Criterion {
  return (L: Mat) => {
    let f = 0;
    const Gq = L.map((r, i) =>
      r.map((v, j) => {
        const b = B[i][j];
        if (!Number.isFinite(b)) return 0;
        f += (v - b) ** 2;
        return 2 * (v - b);
      }),
    );
    return { f, Gq };
  };
}

const CRITERIA: Record<string, Criterion> = {
  quartimax,
  Varimax: gpaVarimax,
  varimax: gpaVarimax,
  oblimin,
  quartimin: oblimin,
  geominQ: (L) => geomin(L),
  geominT: (L) => geomin(L),
  bentlerQ: bentler,
  bentlerT: bentler,
  biquartimin,
  bifactor: biquartimin,
  simplimax,
};

function frob(A: Mat): number {
  let s = 0;
  for (const r of A) for (const v of r) s += v * v;
  return Math.sqrt(s);
}

const EPS = 1e-5;
const MAXIT = 1000;

/** GPArotation's GPForth (orthogonal gradient projection) from start T. */
export function gpaOrthogonal(A: Mat, criterion: Criterion, T0: Mat): RotationResult {
  let T = T0.map((r) => r.slice());
  let L = mul(A, T);
  let q = criterion(L);
  let G = tmul(A, q.Gq);
  let f = q.f;
  let al = 1;
  let s = Infinity;
  let iter = 0;
  for (; iter <= MAXIT; iter++) {
    const M = tmul(T, G);
    const S = M.map((r, i) => r.map((v, j) => (v + M[j][i]) / 2));
    const TS = mul(T, S);
    const Gp = G.map((r, i) => r.map((v, j) => v - TS[i][j]));
    s = frob(Gp);
    if (s < EPS) break;
    al *= 2;
    let Tt = T;
    for (let i = 0; i <= 10; i++) {
      const X = T.map((r, a) => r.map((v, b) => v - al * Gp[a][b]));
      Tt = polar(X).Q;
      L = mul(A, Tt);
      q = criterion(L);
      if (q.f < f - 0.5 * s * s * al) break;
      al /= 2;
    }
    T = Tt;
    f = q.f;
    G = tmul(A, q.Gq);
  }
  return { loadings: L, T, iterations: iter, converged: s < EPS, criterion: f };
}

/** GPArotation's GPFoblq (oblique gradient projection) from start T. */
export function gpaOblique(A: Mat, criterion: Criterion, T0: Mat): RotationResult {
  let T = T0.map((r) => r.slice());
  let Ti = inverse(T);
  let L = mul(A, transpose(Ti));
  let q = criterion(L);
  let G = transpose(mul(tmul(L, q.Gq), Ti)).map((r) => r.map((v) => -v));
  let f = q.f;
  let al = 1;
  let s = Infinity;
  let iter = 0;
  const k = T.length;
  for (; iter <= MAXIT; iter++) {
    const d = new Array<number>(k).fill(0);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) d[b] += T[a][b] * G[a][b];
    const Gp = G.map((r, a) => r.map((v, b) => v - T[a][b] * d[b]));
    s = frob(Gp);
    if (s < EPS) break;
    al *= 2;
    let Tt = T;
    for (let i = 0; i <= 10; i++) {
      const X = T.map((r, a) => r.map((v, b) => v - al * Gp[a][b]));
      const v = new Array<number>(k).fill(0);
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) v[b] += X[a][b] * X[a][b];
      Tt = X.map((r) => r.map((x, b) => x / Math.sqrt(v[b])));
      Ti = inverse(Tt);
      L = mul(A, transpose(Ti));
      q = criterion(L);
      if (f - q.f > 0.5 * s * s * al) break;
      al /= 2;
    }
    T = Tt;
    f = q.f;
    G = transpose(mul(tmul(L, q.Gq), Ti)).map((r) => r.map((v) => -v));
  }
  return { loadings: L, Phi: tmul(T, T), T, iterations: iter, converged: s < EPS, criterion: f };
}

/** R's stats::varimax(x, normalize = TRUE, eps = 1e-5). */
export function varimax(A: Mat, normalize = true): RotationResult {
  const p = A.length;
  const k = A[0].length;
  const sc = A.map((r) => (normalize ? Math.sqrt(r.reduce((a, b) => a + b * b, 0)) : 1));
  const x = A.map((r, i) => r.map((v) => v / sc[i]));
  let TT = identity(k);
  let d = 0;
  let iter = 0;
  let converged = false;
  for (iter = 1; iter <= 1000; iter++) {
    const z = mul(x, TT);
    const cs = new Array<number>(k).fill(0);
    for (const r of z) for (let j = 0; j < k; j++) cs[j] += r[j] * r[j];
    const Z = z.map((r) => r.map((v, j) => v ** 3 - (v * cs[j]) / p));
    const B = tmul(x, Z);
    const pol = polar(B);
    TT = pol.Q;
    const dpast = d;
    d = pol.sumSingular;
    if (d < dpast * (1 + 1e-5)) {
      converged = true;
      break;
    }
  }
  const z = mul(x, TT).map((r, i) => r.map((v) => v * sc[i]));
  return { loadings: z, T: TT, iterations: iter, converged };
}

/**
 * Least-squares fit of loadings x to a target Q (psych's Promax/target.rot step): U = (xᵀx)⁻¹xᵀQ,
 * columns rescaled so that Φ = U⁻¹U⁻ᵀ has a unit diagonal.
 */
function targetFit(x: Mat, Q: Mat, what: string): { z: Mat; U: Mat; Phi: Mat } {
  let U = mul(inverse(tmul(x, x)), tmul(x, Q));
  let dd: number[];
  try {
    const UtUi = inverse(tmul(U, U));
    dd = UtUi.map((r, i) => r[i]);
  } catch {
    throw new PathlabError(`${what}: the rotated factors are exactly uncorrelated and the target matrix is singular.`, {
      hint: 'Use rotate: "varimax" or "oblimin".',
      code: "efa.rotation-failed",
    });
  }
  U = U.map((r) => r.map((v, j) => v * Math.sqrt(dd[j])));
  const ui = inverse(U);
  return { z: mul(x, U), U, Phi: mul(ui, transpose(ui)) };
}

/** psych's Promax(x, m = 4) (= stats::promax): varimax, then the power-m target fit. */
export function promaxRaw(A: Mat, m = 4): RotationResult {
  const vm = varimax(A);
  const x = vm.loadings;
  const Q = x.map((r) => r.map((v) => v * Math.abs(v) ** (m - 1)));
  const { z, U } = targetFit(x, Q, "promax");
  const rot = mul(vm.T, U);
  const ui = inverse(rot);
  return { loadings: z, Phi: mul(ui, transpose(ui)), T: rot, iterations: vm.iterations, converged: vm.converged };
}

/** psych's kaiser(f, "Promax", m = 4): Kaiser-normalised promax (psych's fa "promax"). */
export function promax(A: Mat, m = 4): RotationResult {
  const h = A.map((r) => Math.sqrt(r.reduce((a, b) => a + b * b, 0)));
  const w = A.map((r, i) => r.map((v) => v / h[i]));
  const res = promaxRaw(w, m);
  res.loadings = res.loadings.map((r, i) => r.map((v) => v * h[i]));
  return res;
}

/** psych's rotate = "cluster": stats::varimax, then target.rot to the factor2cluster keys. */
export function clusterRotation(A: Mat): RotationResult {
  const vm = varimax(A);
  const x = vm.loadings;
  const k = x[0].length;
  const Q = x.map((r) => {
    let b = 0;
    for (let j = 1; j < k; j++) if (Math.abs(r[j]) > Math.abs(r[b])) b = j;
    return r.map((v, j) => (j === b ? Math.sign(v) : 0));
  });
  const empty = Array.from({ length: k }, (_, j) => j).filter((j) => Q.every((r) => r[j] === 0));
  if (empty.length)
    throw new PathlabError(
      `rotate "cluster": no item has its largest loading on factor ${empty[0] + 1}, so the cluster target has an empty column (psych fails here too).`,
      {
        hint: 'Extract fewer factors, or use rotate: "oblimin" or "promax".',
        code: "efa.rotation-failed",
      },
    );
  const { z, U, Phi } = targetFit(x, Q, "cluster");
  return { loadings: z, Phi, T: U, iterations: vm.iterations, converged: vm.converged };
}

/** A random orthogonal k × k start: Q of the QR decomposition of a standard-normal matrix (Gram–Schmidt). */
export function randomOrthogonal(k: number, rng: Rng): Mat {
  const X = zeros(k, k).map((r) => r.map(() => rng.normal()));
  const Q = zeros(k, k);
  for (let j = 0; j < k; j++) {
    const v = X.map((r) => r[j]);
    for (let c = 0; c < j; c++) {
      let dot = 0;
      for (let i = 0; i < k; i++) dot += Q[i][c] * X[i][j];
      for (let i = 0; i < k; i++) v[i] -= dot * Q[i][c];
    }
    const nv = Math.sqrt(v.reduce((a, b) => a + b * b, 0));
    for (let i = 0; i < k; i++) Q[i][j] = v[i] / nv;
  }
  return Q;
}

/**
 * Rotates unrotated loadings A by `rotation` from start T0 (identity unless given). `normalize`
 * applies Kaiser row normalisation around the GPA rotations (GPArotation's normalize = TRUE);
 * `target` is the target matrix of targetQ/targetT (NaN or null cells are free).
 */
export function rotate(A: Mat, rotation: Rotation, opts: { T0?: Mat; normalize?: boolean; target?: Mat } = {}): RotationResult {
  const k = A[0].length;
  if (rotation === "none" || k < 2) return { loadings: A.map((r) => r.slice()), T: identity(k), iterations: 0, converged: true };
  if (rotation === "varimax" && !opts.T0) return varimax(A);
  if (rotation === "promax") return promax(A);
  if (rotation === "Promax") return promaxRaw(A);
  if (rotation === "cluster") return clusterRotation(A);
  const w = A.map((r) => (opts.normalize ? Math.sqrt(r.reduce((a, b) => a + b * b, 0)) : 1));
  const An = A.map((r, i) => r.map((v) => v / w[i]));
  const T0 = opts.T0 ?? identity(k);
  let crit: Criterion;
  if (rotation === "targetQ" || rotation === "targetT") {
    if (!opts.target)
      throw new PathlabError(`rotate "${rotation}" needs a target matrix.`, {
        hint: "Pass { Target: [[…], …] } with one row per item and one column per factor (NaN or null = free).",
        code: "options.missing",
      });
    crit = targetCriterion(opts.target);
  } else if (rotation === "equamax") {
    const kappa = k / (2 * A.length);
    crit = (L) => crawfordFerguson(L, kappa);
  } else crit = CRITERIA[rotation];
  // with random starts psych switches varimax to GPArotation's Varimax
  const res = OBLIQUE.includes(rotation) ? gpaOblique(An, crit, T0) : gpaOrthogonal(An, crit, T0);
  if (opts.normalize) res.loadings = res.loadings.map((r, i) => r.map((v) => v * w[i]));
  return res;
}
