/**
 * Symmetric eigen-decomposition on flat Float64Arrays for the factor-analysis inner loops:
 * Householder reduction to tridiagonal form (Wilkinson & Reinsch 1971, Handbook for Automatic
 * Computation II, "tred2") followed by the implicit QL algorithm with Wilkinson shifts ("tql2"),
 * with the eigenvector accumulation optional.
 *
 * Why a second solver next to stats/matrix.ts's `symEigen` (ml-matrix): `npm run bench -- psych`
 * showed the eigen-decompositions taking ~40% of `fa` and `faParallel` on 100 variables (ml-matrix's
 * 2-D accessors cost ~8 ms per 100 × 100 decomposition); this flat version with row-contiguous
 * inner loops is several times faster, and the eigenvalues-only path (no accumulation, all that
 * parallel analysis and psych's `values` need) several times faster again. Values are returned in
 * descending order; each eigenvector is signed so that its largest-magnitude element is positive.
 */
import { PathlabError } from "../../errors";

export interface FlatEigen {
  /** Eigenvalues, descending. */
  values: Float64Array;
  /** Eigenvectors as rows: vectors[k * n + i] is element i of eigenvector k (absent if not asked for). */
  vectors?: Float64Array;
}

/** Eigenvalues (and optionally eigenvectors) of the symmetric n × n matrix `A` (row-major; only read). */
export function eigenSymmetric(A: ArrayLike<number>, n: number, wantVectors: boolean): FlatEigen {
  const a = Float64Array.from(A as ArrayLike<number>);
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
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => d[y] - d[x]);
  const values = Float64Array.from(order, (i) => d[i]);
  if (!z) return { values };
  const vectors = new Float64Array(n * n);
  order.forEach((src, k) => {
    let big = 0;
    for (let i = 0; i < n; i++) if (Math.abs(z![src * n + i]) > Math.abs(big)) big = z![src * n + i];
    const sgn = big < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) vectors[k * n + i] = sgn * z![src * n + i];
  });
  return { values, vectors };
}

/** Eigen-decomposition of a row-array matrix: values descending, vectors as columns (like symEigen). */
export function eigenRows(A: number[][], wantVectors = true): { values: number[]; vectors: number[][] } {
  const n = A.length;
  const flat = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) flat[i * n + j] = A[i][j];
  const r = eigenSymmetric(flat, n, wantVectors);
  const values = Array.from(r.values);
  if (!r.vectors) return { values, vectors: [] };
  const V = r.vectors;
  const vectors = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, k) => V[k * n + i]));
  return { values, vectors };
}

/** Eigenvalues only, descending. */
export function eigenvalues(A: number[][]): number[] {
  return eigenRows(A, false).values;
}

/**
 * Householder tridiagonalisation of the lower triangle of `a` (overwritten): diagonal in d,
 * subdiagonal in e[1..n−1]. With `accumulate`, `a` ends holding the orthogonal Q (A = Q T Qᵀ).
 */
function tridiagonalize(a: Float64Array, n: number, d: Float64Array, e: Float64Array, accumulate: boolean): void {
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
          throw new PathlabError("Eigen-decomposition did not converge (60 QL iterations).", { hint: "The matrix may contain extreme values; check the input.", code: "efa.eigen-failed" });
        let g = (d[l + 1] - d[l]) / (2 * e[l]);
        let r = Math.hypot(g, 1);
        g = d[m] - d[l] + e[l] / (g + (g >= 0 ? Math.abs(r) : -Math.abs(r)));
        let s = 1;
        let c = 1;
        let p = 0;
        let i: number;
        let underflow = false;
        for (i = m - 1; i >= l; i--) {
          let f = s * e[i];
          const b = c * e[i];
          e[i + 1] = r = Math.hypot(f, g);
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
