/**
 * The symmetric eigen-decomposition of pathlab, on flat Float64Arrays and on row arrays:
 * Householder reduction to tridiagonal form ("tred2") and the implicit QL algorithm ("tql2") of
 * Wilkinson & Reinsch (1971, Handbook for Automatic Computation II) in the JAMA formulation, with
 * the eigenvector accumulation optional, and `eigenTop` for the leading k eigenpairs only (inverse
 * iteration on the tridiagonal). Values are returned in descending order; each eigenvector is
 * signed so that its largest-magnitude element is positive, so output is reproducible.
 *
 * The arithmetic is that of ml-matrix 6.15's EigenvalueDecomposition (MIT licence; itself a port of
 * the public-domain JAMA), operation for operation, so results equal those pathlab computed through
 * ml-matrix before to the last bit. Why not call ml-matrix: `npm run bench -- linalg` shows its
 * 2-D accessors costing 1.6–2.2× these flat loops on 20 × 20 and 100 × 100 matrices (on 5 × 5,
 * where a call takes microseconds, ml-matrix is faster), and the eigenvalues-only and top-k paths
 * (all that parallel analysis and factor extraction need) skip the O(n³) accumulation of the
 * eigenvectors, which ml-matrix always forms.
 *
 * @example
 * symEigen([[2, 1], [1, 2]]) // { values: [3, 1], vectors: [[0.707…, −0.707…], [0.707…, 0.707…]] }
 */
import { PathlabError } from "../errors";
import { checkSquare, type MatrixLike } from "./linalg";

/** An eigen-decomposition on flat arrays. */
export interface FlatEigen {
  /** Eigenvalues, descending. */
  values: Float64Array;
  /** Eigenvectors as rows: vectors[k * n + i] is element i of eigenvector k (absent if not asked for). */
  vectors?: Float64Array;
}

/**
 * Eigenvalues (and optionally eigenvectors) of the symmetric n × n matrix `A` (row-major; read in
 * full, not modified).
 */
export function eigenSymmetric(A: ArrayLike<number>, n: number, wantVectors: boolean): FlatEigen {
  const v = transposedCopy(A, n);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  tred2(n, e, d, v, wantVectors);
  tql2(n, e, d, wantVectors ? v : undefined);
  const order = descendingOrder(d, n);
  const values = new Float64Array(n);
  for (let k = 0; k < n; k++) values[k] = d[order[k]];
  if (!wantVectors) return { values };
  // v holds the eigenvectors as rows (ml-matrix's transposed storage)
  const vectors = new Float64Array(n * n);
  for (let k = 0; k < n; k++) signedRow(v, order[k] * n, vectors, k * n, n);
  return { values, vectors };
}

/**
 * Eigen-decomposition of a symmetric matrix given as rows: values in descending order and the
 * matching unit eigenvectors as the COLUMNS of `vectors` (vectors[i][k] is element i of
 * eigenvector k); `vectors` is empty when `wantVectors` is false.
 */
export function symEigen(A: MatrixLike, wantVectors = true): { values: number[]; vectors: number[][] } {
  const n = checkSquare(A, "Eigen-decomposition");
  const flat = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) flat[i * n + j] = A[i][j];
  const r = eigenSymmetric(flat, n, wantVectors);
  const values = new Array<number>(n);
  for (let k = 0; k < n; k++) values[k] = r.values[k];
  if (!r.vectors) return { values, vectors: [] };
  const V = r.vectors;
  const vectors: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(n);
    for (let k = 0; k < n; k++) row[k] = V[k * n + i];
    vectors.push(row);
  }
  return { values, vectors };
}

/** Eigenvalues only, descending, of a symmetric matrix given as rows. */
export function eigenvalues(A: MatrixLike): number[] {
  return symEigen(A, false).values;
}

/**
 * The top k eigenpairs only: tridiagonalise without accumulating Q, all eigenvalues by QL on the
 * tridiagonal, then each wanted eigenvector of T by inverse iteration (Wilkinson 1965; LAPACK's
 * dstein strategy: a few solves with T − λI by Gaussian elimination with partial pivoting,
 * Gram–Schmidt against the vectors of close eigenvalues) and back to A's basis by the stored
 * Householder reflectors. O(p³) with a small constant, against ~4× that with the full basis.
 */
export function eigenTop(A: ArrayLike<number>, n: number, k: number): FlatEigen {
  const v = transposedCopy(A, n);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  // without accumulation, row i of v keeps reflector uᵢ (entries 0 … i − 1) and H[i] its normaliser
  const H = tred2(n, e, d, v, false) as Float64Array;
  const diag = new Float64Array(n);
  for (let i = 0; i < n; i++) diag[i] = d[i];
  // sub-diagonal of T: sub[i] couples i and i + 1
  const sub = new Float64Array(n);
  for (let i = 1; i < n; i++) sub[i - 1] = e[i];
  const lam = new Float64Array(diag);
  tql2(n, new Float64Array(e), lam, undefined);
  const values = new Float64Array(n);
  const order = descendingOrder(lam, n);
  for (let j = 0; j < n; j++) values[j] = lam[order[j]];
  let norm = 0;
  for (let i = 0; i < n; i++) norm = Math.max(norm, Math.abs(diag[i]) + Math.abs(sub[i]) + (i ? Math.abs(sub[i - 1]) : 0));
  const vectors = new Float64Array(k * n);
  const ys: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    const y = tridiagonalEigenvector(diag, sub, n, values[j], norm, j);
    // orthogonalise against earlier vectors of a close eigenvalue
    for (let m = 0; m < j; m++)
      if (Math.abs(values[m] - values[j]) <= 1e-3 * norm) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += ys[m][i] * y[i];
        for (let i = 0; i < n; i++) y[i] -= dot * ys[m][i];
        let nn = 0;
        for (let i = 0; i < n; i++) nn += y[i] * y[i];
        nn = Math.sqrt(nn);
        for (let i = 0; i < n; i++) y[i] /= nn;
      }
    ys.push(new Float64Array(y));
    // z = P_{n−1} ⋯ P_1 y, P_i = I − uᵢuᵢᵀ/H_i acting on coordinates 0 … i − 1
    for (let i = 1; i < n; i++) {
      if (H[i] === 0) continue;
      const ri = i * n;
      let s = 0;
      for (let c = 0; c < i; c++) s += v[ri + c] * y[c];
      s /= H[i];
      for (let c = 0; c < i; c++) y[c] -= s * v[ri + c];
    }
    signedRow(y, 0, vectors, j * n, n);
  }
  return { values, vectors };
}

/**
 * Eigenvector of the symmetric tridiagonal (diag, sub) for the eigenvalue λ by inverse iteration:
 * LU of T − σI with partial pivoting (σ = λ nudged off exact singularity), three solves from a fixed
 * pseudo-random start, normalised.
 */
function tridiagonalEigenvector(diag: Float64Array, sub: Float64Array, n: number, lambda: number, norm: number, seed: number): Float64Array {
  const eps = Number.EPSILON * Math.max(norm, 1e-300);
  const sigma = lambda + 10 * eps;
  // rows i: (sub[i−1], diag[i] − σ, sub[i]); elimination keeps up to two super-diagonals
  const u0 = new Float64Array(n);
  const u1 = new Float64Array(n);
  const u2 = new Float64Array(n);
  const mult = new Float64Array(n);
  const swap = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    u0[i] = diag[i] - sigma;
    u1[i] = i < n - 1 ? sub[i] : 0;
    u2[i] = 0;
  }
  for (let i = 0; i < n - 1; i++) {
    const below = sub[i];
    if (Math.abs(below) > Math.abs(u0[i])) {
      // swap rows i and i + 1
      swap[i] = 1;
      const m = u0[i] / below;
      mult[i] = m;
      const r0 = below;
      const r1 = u0[i + 1];
      const r2 = i + 1 < n - 1 ? u1[i + 1] : 0;
      const o1 = u1[i];
      const o2 = u2[i];
      u0[i] = r0;
      u1[i] = r1;
      u2[i] = r2;
      u0[i + 1] = o1 - m * r1;
      u1[i + 1] = o2 - m * r2;
    } else {
      const piv = u0[i] === 0 ? eps : u0[i];
      u0[i] = piv;
      const m = below / piv;
      mult[i] = m;
      u0[i + 1] -= m * u1[i];
      if (i + 1 < n - 1) u1[i + 1] -= m * u2[i];
    }
  }
  if (u0[n - 1] === 0) u0[n - 1] = eps;
  const y = new Float64Array(n);
  let state = 0x9e3779b9 ^ (seed * 2654435761);
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    y[i] = 0.5 + state / 4294967296;
  }
  for (let it = 0; it < 3; it++) {
    // forward: apply the row operations to y
    for (let i = 0; i < n - 1; i++) {
      if (swap[i]) {
        const t = y[i];
        y[i] = y[i + 1];
        y[i + 1] = t - mult[i] * y[i];
      } else y[i + 1] -= mult[i] * y[i];
    }
    // back substitution with the upper band (u0, u1, u2)
    for (let i = n - 1; i >= 0; i--) {
      let s = y[i];
      if (i + 1 < n) s -= u1[i] * y[i + 1];
      if (i + 2 < n) s -= u2[i] * y[i + 2];
      y[i] = s / u0[i];
    }
    let nn = 0;
    for (let i = 0; i < n; i++) nn += y[i] * y[i];
    nn = Math.sqrt(nn);
    for (let i = 0; i < n; i++) y[i] /= nn;
  }
  return y;
}

/**
 * Aᵀ of the row-major n × n `A` as a new array (ml-matrix keeps V transposed so tred2/tql2 scan
 * rows). A non-finite entry is an error: QL would return NaN eigenvalues without complaint.
 */
function transposedCopy(A: ArrayLike<number>, n: number): Float64Array {
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const x = A[i * n + j];
      if (!Number.isFinite(x))
        throw new PathlabError(`Eigen-decomposition: entry [${i + 1}, ${j + 1}] of the ${n} × ${n} matrix is ${x}.`, {
          hint: "A correlation or covariance matrix with a missing entry comes from a constant variable or from too few complete rows; check the data.",
          code: "math.non-finite",
        });
      v[j * n + i] = x;
    }
  return v;
}

/** Copies n entries of `src` from `from` to `out` at `to`, signed so the largest-magnitude entry is positive. */
function signedRow(src: Float64Array, from: number, out: Float64Array, to: number, n: number): void {
  let big = 0;
  for (let i = 0; i < n; i++) if (Math.abs(src[from + i]) > Math.abs(big)) big = src[from + i];
  const sgn = big < 0 ? -1 : 1;
  for (let i = 0; i < n; i++) out[to + i] = sgn * src[from + i];
}

/** Indices 0 … n − 1 ordered by decreasing value of d (a stable insertion sort: n is small). */
function descendingOrder(d: Float64Array, n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let j = i;
    while (j > 0 && d[order[j - 1]] < d[i]) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = i;
  }
  return order;
}

/** √(a² + b²) as JAMA computes it (also ml-matrix): no overflow, and several times faster than Math.hypot in V8. */
function hypotenuse(a: number, b: number): number {
  if (Math.abs(a) > Math.abs(b)) {
    const r = b / a;
    return Math.abs(a) * Math.sqrt(1 + r * r);
  }
  if (b !== 0) {
    const r = a / b;
    return Math.abs(b) * Math.sqrt(1 + r * r);
  }
  return 0;
}

/**
 * Householder tridiagonalisation (JAMA's tred2) of the symmetric matrix held transposed in `v`
 * (v[j * n + i] = A_ij): diagonal of T in d, sub-diagonal in e[1 … n − 1]. With `accumulate`, v ends
 * holding the orthogonal Q (rows of v are its columns); without, row i of v keeps reflector i, d
 * takes the diagonal of T straight from v, and the reflectors' normalisers H are returned.
 */
function tred2(n: number, e: Float64Array, d: Float64Array, v: Float64Array, accumulate: boolean): Float64Array | undefined {
  let f: number, g: number, h: number, hh: number, scale: number;
  for (let j = 0; j < n; j++) d[j] = v[j * n + n - 1];
  for (let i = n - 1; i > 0; i--) {
    scale = 0;
    h = 0;
    for (let k = 0; k < i; k++) scale = scale + Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = v[j * n + i - 1];
        v[j * n + i] = 0;
        v[i * n + j] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      f = d[i - 1];
      g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h = h - f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j];
        v[i * n + j] = f;
        g = e[j] + v[j * n + j] * f;
        const rj = j * n;
        for (let k = j + 1; k <= i - 1; k++) {
          g += v[rj + k] * d[k];
          e[k] += v[rj + k] * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        const rj = j * n;
        for (let k = j; k <= i - 1; k++) v[rj + k] = v[rj + k] - (f * e[k] + g * d[k]);
        d[j] = v[rj + i - 1];
        v[rj + i] = 0;
      }
    }
    d[i] = h;
  }
  if (!accumulate) {
    // the accumulation below would copy each v_ii to d before touching it: read them directly
    const H = new Float64Array(d);
    for (let j = 0; j < n; j++) d[j] = v[j * n + j];
    e[0] = 0;
    return H;
  }
  for (let i = 0; i < n - 1; i++) {
    v[i * n + n - 1] = v[i * n + i];
    v[i * n + i] = 1;
    h = d[i + 1];
    const ri1 = (i + 1) * n;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = v[ri1 + k] / h;
      for (let j = 0; j <= i; j++) {
        g = 0;
        const rj = j * n;
        for (let k = 0; k <= i; k++) g += v[ri1 + k] * v[rj + k];
        for (let k = 0; k <= i; k++) v[rj + k] = v[rj + k] - g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) v[ri1 + k] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = v[j * n + n - 1];
    v[j * n + n - 1] = 0;
  }
  v[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
  return undefined;
}

/**
 * Implicit QL iterations (JAMA's tql2) on the tridiagonal (d, e from tred2), eigenvalues sorted
 * ascending in d; with `v`, the rotations are applied to its rows (the eigenvectors). Throws when an
 * eigenvalue needs more than 60 iterations (a matrix with non-finite or extreme entries).
 */
function tql2(n: number, e: Float64Array, d: Float64Array, v: Float64Array | undefined): void {
  let g: number, h: number, p: number, r: number, dl1: number, c: number, c2: number, c3: number, el1: number, s: number, s2: number;
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  if (n > 0) e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = Number.EPSILON;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n) {
      if (Math.abs(e[m]) <= eps * tst1) break;
      m++;
    }
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > 60)
          throw new PathlabError("Eigen-decomposition did not converge (60 QL iterations).", {
            hint: "The matrix may contain extreme values; check the input.",
            code: "math.eigen-not-converged",
          });
        g = d[l];
        p = (d[l + 1] - g) / (2 * e[l]);
        r = hypotenuse(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        dl1 = d[l + 1];
        h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f = f + h;
        p = d[m];
        c = 1;
        c2 = c;
        c3 = c;
        el1 = e[l + 1];
        s = 0;
        s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = hypotenuse(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          if (v) {
            const ri = i * n;
            const ri1 = ri + n;
            for (let k = 0; k < n; k++) {
              h = v[ri1 + k];
              v[ri1 + k] = s * v[ri + k] + c * h;
              v[ri + k] = c * v[ri + k] - s * h;
            }
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > eps * tst1);
    }
    d[l] = d[l] + f;
    e[l] = 0;
  }
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    p = d[i];
    for (let j = i + 1; j < n; j++) {
      if (d[j] < p) {
        k = j;
        p = d[j];
      }
    }
    if (k !== i) {
      d[k] = d[i];
      d[i] = p;
      if (v) {
        for (let j = 0; j < n; j++) {
          p = v[i * n + j];
          v[i * n + j] = v[k * n + j];
          v[k * n + j] = p;
        }
      }
    }
  }
}
