/**
 * Dense kernels on row-major Float64Array matrices used inside the estimation loop. They write into
 * caller-owned buffers so that an iteration allocates nothing.
 */
import { eigenSymmetric } from "../measurement/efa/eigen";

/**
 * In-place Cholesky factor (lower triangle of `a`, n×n row-major) of a symmetric matrix.
 * Returns log|A|, or NaN if A is not positive definite.
 */
export function cholInPlace(a: Float64Array, n: number): number {
  let logdet = 0;
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = a[rj + j];
    for (let k = 0; k < j; k++) d -= a[rj + k] * a[rj + k];
    if (!(d > 0)) return NaN;
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    logdet += 2 * Math.log(ljj);
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= a[ri + k] * a[rj + k];
      a[ri + j] = s / ljj;
    }
  }
  return logdet;
}

/**
 * Inverse of an SPD matrix from its Cholesky factor (lower triangle of `l`), written to `out`
 * (full symmetric). `tmp` needs n×n.
 */
export function cholInverse(l: Float64Array, n: number, out: Float64Array, tmp: Float64Array): void {
  // tmp = L^{-1} (lower triangular)
  tmp.fill(0);
  for (let j = 0; j < n; j++) {
    tmp[j * n + j] = 1 / l[j * n + j];
    for (let i = j + 1; i < n; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= l[i * n + k] * tmp[k * n + j];
      tmp[i * n + j] = s / l[i * n + i];
    }
  }
  // out = L^{-T} L^{-1}
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += tmp[k * n + i] * tmp[k * n + j];
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
}

/**
 * Inverse of a general square matrix by Gauss–Jordan elimination with partial pivoting.
 * `work` is overwritten; returns false if the matrix is (numerically) singular.
 */
export function invertGeneral(a: Float64Array, n: number, out: Float64Array, work: Float64Array): boolean {
  work.set(a);
  out.fill(0);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  for (let c = 0; c < n; c++) {
    let piv = c;
    let best = Math.abs(work[c * n + c]);
    for (let r = c + 1; r < n; r++) {
      const v = Math.abs(work[r * n + c]);
      if (v > best) {
        best = v;
        piv = r;
      }
    }
    if (best < 1e-14) return false;
    if (piv !== c) {
      for (let k = 0; k < n; k++) {
        let t = work[c * n + k];
        work[c * n + k] = work[piv * n + k];
        work[piv * n + k] = t;
        t = out[c * n + k];
        out[c * n + k] = out[piv * n + k];
        out[piv * n + k] = t;
      }
    }
    const inv = 1 / work[c * n + c];
    for (let k = 0; k < n; k++) {
      work[c * n + k] *= inv;
      out[c * n + k] *= inv;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = work[r * n + c];
      if (f === 0) continue;
      for (let k = 0; k < n; k++) {
        work[r * n + k] -= f * work[c * n + k];
        out[r * n + k] -= f * out[c * n + k];
      }
    }
  }
  return true;
}

/** Solves the SPD system A x = b in place of a copy; returns null if A is not positive definite. */
export function solveSPD(a: Float64Array, n: number, b: Float64Array): Float64Array | null {
  const l = Float64Array.from(a);
  if (Number.isNaN(cholInPlace(l, n))) return null;
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * x[k];
    x[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}

/** Inverse of an SPD matrix (new array), or null if not positive definite. */
export function invertSPDFlat(a: Float64Array, n: number): Float64Array | null {
  const l = Float64Array.from(a);
  if (Number.isNaN(cholInPlace(l, n))) return null;
  const out = new Float64Array(n * n);
  cholInverse(l, n, out, new Float64Array(n * n));
  return out;
}

/** Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations (small matrices only). */
export function symEigenFlat(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const A = Float64Array.from(a);
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += A[i * n + j] * A[i * n + j];
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (A[q * n + q] - A[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p];
          const akq = A[k * n + q];
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k];
          const aqk = A[q * n + k];
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k * n + p];
          const vkq = V[k * n + q];
          V[k * n + p] = c * vkp - s * vkq;
          V[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = A[i * n + i];
  return { values, vectors: V };
}

/**
 * Moore–Penrose inverse of a symmetric (possibly indefinite or singular) matrix from its
 * eigen-decomposition: eigenvalues with |λ| ≤ tol·max|λ| are treated as zero (tol = √ε, the
 * tolerance of R's MASS::ginv on the singular values |λ|).
 */
export function pinvSym(a: Float64Array, n: number): Float64Array {
  const { values, vectors: rows } = eigenSymmetric(a, n, true);
  // eigenSymmetric returns eigenvectors as rows; column k of `vectors` below is eigenvector k.
  const vectors = new Float64Array(n * n);
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) vectors[i * n + k] = rows![k * n + i];
  let big = 0;
  for (let k = 0; k < n; k++) big = Math.max(big, Math.abs(values[k]));
  const tol = Math.sqrt(2.220446049250313e-16) * big;
  const out = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const lam = values[k];
    if (!(Math.abs(lam) > tol)) continue;
    for (let i = 0; i < n; i++) {
      const vi = vectors[i * n + k] / lam;
      if (vi === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j] += vi * vectors[j * n + k];
    }
  }
  return out;
}
