/**
 * The symmetric eigen-decomposition of pathlab, on flat Float64Arrays and on row arrays:
 * Householder reduction to tridiagonal form (Wilkinson & Reinsch 1971, Handbook for Automatic
 * Computation II, "tred2") followed by the implicit QL algorithm with Wilkinson shifts ("tql2"),
 * with the eigenvector accumulation optional, and `eigenTop` for the leading k eigenpairs only.
 * Values are returned in descending order; each eigenvector is signed so that its largest-magnitude
 * element is positive, so output is reproducible.
 *
 * Why hand-written rather than ml-matrix's EigenvalueDecomposition (the same tred2/tql2 algorithm):
 * `npm run bench -- linalg` and `npm run bench -- psych` show ml-matrix's 2-D accessors costing
 * several times this version's row-contiguous loops (~8 ms per 100 × 100 decomposition, ~40% of
 * `fa` and `faParallel` on 100 variables), and the eigenvalues-only path (no accumulation, all that
 * parallel analysis needs) is several times faster again.
 *
 * @example
 * symEigen([[2, 1], [1, 2]]) // { values: [3, 1], vectors: [[0.707…, 0.707…], [0.707…, −0.707…]] }
 */
import { PathlabError } from "../errors";
import { checkSquare, type MatrixLike } from "./linalg";

export interface FlatEigen {
  /** Eigenvalues, descending. */
  values: Float64Array;
  /** Eigenvectors as rows: vectors[k * n + i] is element i of eigenvector k (absent if not asked for). */
  vectors?: Float64Array;
}

/** Eigenvalues (and optionally eigenvectors) of the symmetric n × n matrix `A` (row-major; only read). */
export function eigenSymmetric(A: ArrayLike<number>, n: number, wantVectors: boolean): FlatEigen {
  // new Float64Array(arrayLike) copies in native code; Float64Array.from takes V8's slow iterator path
  const a = new Float64Array(A as ArrayLike<number>);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  tridiagonalize(a, n, d, e, wantVectors);
  let z: Float64Array | undefined;
  if (wantVectors) {
    // QL updates pairs of basis vectors; keep them as rows so those updates are contiguous
    z = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) z[j * n + i] = a[i * n + j];
  }
  implicitQL(d, e, n, z);
  const order = descendingOrder(d, n);
  const values = new Float64Array(n);
  for (let k = 0; k < n; k++) values[k] = d[order[k]];
  if (!z) return { values };
  const vectors = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const src = order[k] * n;
    let big = 0;
    for (let i = 0; i < n; i++) if (Math.abs(z[src + i]) > Math.abs(big)) big = z[src + i];
    const sgn = big < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) vectors[k * n + i] = sgn * z[src + i];
  }
  return { values, vectors };
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

/**
 * Eigen-decomposition of a symmetric matrix given as rows (only its lower triangle is read): values
 * in descending order and the matching unit eigenvectors as the COLUMNS of `vectors`
 * (vectors[i][k] is element i of eigenvector k); `vectors` is empty when `wantVectors` is false.
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
 * Householder tridiagonalisation of the lower triangle of `a` (overwritten): diagonal in d,
 * subdiagonal in e[1..n−1]. With `accumulate`, `a` ends holding the orthogonal Q (A = Q T Qᵀ).
 */
function tridiagonalize(a: Float64Array, n: number, d: Float64Array, e: Float64Array, accumulate: boolean): Float64Array {
  for (let i = n - 1; i > 0; i--) {
    const l = i - 1;
    const ri = i * n;
    let h = 0;
    if (l > 0) {
      let scale = 0;
      for (let k = 0; k <= l; k++) scale += Math.abs(a[ri + k]);
      if (scale === 0) e[i] = a[ri + l];
      else {
        for (let k = 0; k <= l; k++) {
          a[ri + k] /= scale;
          h += a[ri + k] * a[ri + k];
        }
        let f = a[ri + l];
        let g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
        e[i] = scale * g;
        h -= f * g;
        a[ri + l] = f - g;
        f = 0;
        for (let j = 0; j <= l; j++) {
          const rj = j * n;
          if (accumulate) a[rj + i] = a[ri + j] / h;
          g = 0;
          for (let k = 0; k <= j; k++) g += a[rj + k] * a[ri + k];
          for (let k = j + 1; k <= l; k++) g += a[k * n + j] * a[ri + k];
          e[j] = g / h;
          f += e[j] * a[ri + j];
        }
        const hh = f / (h + h);
        for (let j = 0; j <= l; j++) {
          const fj = a[ri + j];
          const gj = (e[j] -= hh * fj);
          const rj = j * n;
          for (let k = 0; k <= j; k++) a[rj + k] -= fj * e[k] + gj * a[ri + k];
        }
      }
    } else e[i] = a[ri + l];
    d[i] = h;
  }
  d[0] = 0;
  e[0] = 0;
  // H_i of each reflector P_i = I − u_i u_iᵀ/H_i (u_i kept in row i, columns 0 … i−1): Q = P_{n−1} ⋯ P_1
  const H = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    if (accumulate) {
      if (d[i] !== 0) {
        for (let j = 0; j < i; j++) {
          let g = 0;
          for (let k = 0; k < i; k++) g += a[ri + k] * a[k * n + j];
          for (let k = 0; k < i; k++) a[k * n + j] -= g * a[k * n + i];
        }
      }
      d[i] = a[ri + i];
      a[ri + i] = 1;
      for (let j = 0; j < i; j++) a[j * n + i] = a[ri + j] = 0;
    } else d[i] = a[ri + i];
  }
  return H;
}

/**
 * The top k eigenpairs only: tridiagonalise without accumulating Q, all eigenvalues by implicit QL
 * on a copy of the tridiagonal, then each wanted eigenvector of T by inverse iteration (Wilkinson
 * 1965; LAPACK's dstein strategy: a few solves with T − λI by Gaussian elimination with partial
 * pivoting, Gram–Schmidt against the vectors of close eigenvalues) and back to A's basis by the
 * stored Householder reflectors. O(p³) with a small constant, against ~4× that with the full basis.
 */
export function eigenTop(A: ArrayLike<number>, n: number, k: number): FlatEigen {
  const a = new Float64Array(A as ArrayLike<number>);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const H = tridiagonalize(a, n, d, e, false);
  const dd = new Float64Array(d);
  const ee = new Float64Array(e);
  for (let i = 1; i < n; i++) ee[i - 1] = ee[i];
  ee[n - 1] = 0;
  // sub-diagonal of T: sub[i] couples i and i + 1
  const sub = new Float64Array(ee);
  const lam = new Float64Array(d);
  implicitQL(lam, new Float64Array(e), n);
  const values = new Float64Array(lam).sort().reverse();
  let norm = 0;
  for (let i = 0; i < n; i++) norm = Math.max(norm, Math.abs(dd[i]) + Math.abs(sub[i]) + (i ? Math.abs(sub[i - 1]) : 0));
  const vectors = new Float64Array(k * n);
  const ys: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    const y = tridiagonalEigenvector(dd, sub, n, values[j], norm, j);
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
    // z = P_{n−1} ⋯ P_1 y
    for (let i = 1; i < n; i++) {
      if (H[i] === 0) continue;
      const ri = i * n;
      let s = 0;
      for (let c = 0; c < i; c++) s += a[ri + c] * y[c];
      s /= H[i];
      for (let c = 0; c < i; c++) y[c] -= s * a[ri + c];
    }
    let big = 0;
    for (let i = 0; i < n; i++) if (Math.abs(y[i]) > Math.abs(big)) big = y[i];
    const sgn = big < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) vectors[j * n + i] = sgn * y[i];
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
 * √(a² + b²) without overflow or destructive underflow. Math.hypot is exact but several times
 * slower in V8 (it takes a rest parameter), and QL calls it O(n²) times.
 */
function hypot(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (x > y) {
    const r = y / x;
    return x * Math.sqrt(1 + r * r);
  }
  if (y === 0) return 0;
  const r = x / y;
  return y * Math.sqrt(1 + r * r);
}

/** Implicit QL iterations on the tridiagonal (d, e); rotations applied to the rows of z if given. */
function implicitQL(d: Float64Array, e: Float64Array, n: number, z?: Float64Array): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  if (n > 0) e[n - 1] = 0;
  for (let l = 0; l < n; l++) {
    let iter = 0;
    let m: number;
    do {
      for (m = l; m < n - 1; m++) {
        const dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
        if (Math.abs(e[m]) <= Number.EPSILON * dd) break;
      }
      if (m !== l) {
        if (iter++ === 60)
          throw new PathlabError("Eigen-decomposition did not converge (60 QL iterations).", { hint: "The matrix may contain extreme values; check the input.", code: "math.eigen-not-converged" });
        let g = (d[l + 1] - d[l]) / (2 * e[l]);
        let r = hypot(g, 1);
        g = d[m] - d[l] + e[l] / (g + (g >= 0 ? Math.abs(r) : -Math.abs(r)));
        let s = 1;
        let c = 1;
        let p = 0;
        let i: number;
        let underflow = false;
        for (i = m - 1; i >= l; i--) {
          let f = s * e[i];
          const b = c * e[i];
          e[i + 1] = r = hypot(f, g);
          if (r === 0) {
            d[i + 1] -= p;
            e[m] = 0;
            underflow = true;
            break;
          }
          s = f / r;
          c = g / r;
          g = d[i + 1] - p;
          r = (d[i] - g) * s + 2 * c * b;
          p = s * r;
          d[i + 1] = g + p;
          g = c * r - b;
          if (z) {
            const r0 = i * n;
            const r1 = r0 + n;
            for (let k = 0; k < n; k++) {
              f = z[r1 + k];
              z[r1 + k] = s * z[r0 + k] + c * f;
              z[r0 + k] = c * z[r0 + k] - s * f;
            }
          }
        }
        if (underflow && i >= l) continue;
        d[l] -= p;
        e[l] = g;
        e[m] = 0;
      }
    } while (m !== l);
  }
}
