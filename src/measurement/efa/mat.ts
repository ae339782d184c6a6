/**
 * Dense matrix arithmetic on row arrays for the factor-analysis code: products, transposes, a
 * general inverse / solve / log-determinant (LU through ml-matrix), the polar factor of a small
 * square matrix and cov2cor. Factor matrices are p × k with k small, so clarity wins over blocking.
 */
import { LuDecomposition, Matrix, inverse as mlInverse, solve as mlSolve } from "ml-matrix";
import { eigenRows as symEigen } from "./eigen";

export type Mat = number[][];

export function zeros(r: number, c: number): Mat {
  return Array.from({ length: r }, () => new Array<number>(c).fill(0));
}

export function identity(k: number): Mat {
  const I = zeros(k, k);
  for (let i = 0; i < k; i++) I[i][i] = 1;
  return I;
}

export function transpose(A: Mat): Mat {
  const r = A.length;
  const c = r ? A[0].length : 0;
  const T = zeros(c, r);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) T[j][i] = A[i][j];
  return T;
}

/** A B. */
export function mul(A: Mat, B: Mat): Mat {
  const r = A.length;
  const n = B.length;
  const c = n ? B[0].length : 0;
  const C = zeros(r, c);
  for (let i = 0; i < r; i++) {
    const Ai = A[i];
    const Ci = C[i];
    for (let k = 0; k < n; k++) {
      const a = Ai[k];
      if (a === 0) continue;
      const Bk = B[k];
      for (let j = 0; j < c; j++) Ci[j] += a * Bk[j];
    }
  }
  return C;
}

/** Aᵀ B. */
export function tmul(A: Mat, B: Mat): Mat {
  const n = A.length;
  const r = n ? A[0].length : 0;
  const c = n ? B[0].length : 0;
  const C = zeros(r, c);
  for (let k = 0; k < n; k++) {
    const Ak = A[k];
    const Bk = B[k];
    for (let i = 0; i < r; i++) {
      const a = Ak[i];
      if (a === 0) continue;
      const Ci = C[i];
      for (let j = 0; j < c; j++) Ci[j] += a * Bk[j];
    }
  }
  return C;
}

/** A Bᵀ. */
export function mult(A: Mat, B: Mat): Mat {
  const r = A.length;
  const c = B.length;
  const C = zeros(r, c);
  for (let i = 0; i < r; i++)
    for (let j = 0; j < c; j++) {
      let s = 0;
      const a = A[i];
      const b = B[j];
      for (let k = 0; k < a.length; k++) s += a[k] * b[k];
      C[i][j] = s;
    }
  return C;
}

export function inverse(A: Mat): Mat {
  return mlInverse(new Matrix(A)).to2DArray();
}

/** Solves A X = B for X. */
export function solve(A: Mat, B: Mat): Mat {
  return mlSolve(new Matrix(A), new Matrix(B)).to2DArray();
}

/** ln |det A| and the sign of det A (LU with partial pivoting). */
export function logDet(A: Mat): { log: number; sign: number } {
  const lu = new LuDecomposition(new Matrix(A));
  const U = lu.upperTriangularMatrix;
  let log = 0;
  let sign = permutationSign(lu.pivotPermutationVector);
  for (let i = 0; i < A.length; i++) {
    const d = U.get(i, i);
    if (d === 0) return { log: -Infinity, sign: 0 };
    if (d < 0) sign = -sign;
    log += Math.log(Math.abs(d));
  }
  return { log, sign };
}

/** Sign (±1) of a permutation given as a vector of indices. */
function permutationSign(perm: number[]): number {
  const seen = new Uint8Array(perm.length);
  let sign = 1;
  for (let i = 0; i < perm.length; i++) {
    if (seen[i]) continue;
    let len = 0;
    for (let j = i; !seen[j]; j = perm[j]) {
      seen[j] = 1;
      len++;
    }
    if (len % 2 === 0) sign = -sign;
  }
  return sign;
}

/** Trace. */
export function trace(A: Mat): number {
  let s = 0;
  for (let i = 0; i < A.length; i++) s += A[i][i];
  return s;
}

/** Sum of all elements. */
export function sum(A: Mat): number {
  let s = 0;
  for (const r of A) for (const v of r) s += v;
  return s;
}

/** cov2cor: R_ij = C_ij / √(C_ii C_jj) (no checks: callers pass positive diagonals). */
export function cov2cor(C: Mat): Mat {
  const d = C.map((r, i) => Math.sqrt(r[i]));
  return C.map((r, i) => r.map((v, j) => v / (d[i] * d[j])));
}

/**
 * Polar factor U Vᵀ of a square matrix X = U D Vᵀ (the nearest orthogonal matrix) and the sum of
 * its singular values, via the eigen-decomposition of XᵀX = V D² Vᵀ: U Vᵀ = X V D⁻¹ Vᵀ.
 */
export function polar(X: Mat): { Q: Mat; sumSingular: number } {
  const k = X.length;
  const e = symEigen(tmul(X, X));
  const d = e.values.map((v) => Math.sqrt(Math.max(v, 0)));
  const V = e.vectors;
  // W = V D⁻¹ Vᵀ
  const W = zeros(k, k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let m = 0; m < k; m++) s += (V[i][m] * V[j][m]) / d[m];
      W[i][j] = s;
    }
  return { Q: mul(X, W), sumSingular: d.reduce((a, b) => a + b, 0) };
}

/** Column sums. */
export function colSums(A: Mat): number[] {
  const c = A.length ? A[0].length : 0;
  const s = new Array<number>(c).fill(0);
  for (const r of A) for (let j = 0; j < c; j++) s[j] += r[j];
  return s;
}
