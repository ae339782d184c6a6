/**
 * The few dense linear-algebra steps simulation needs on small p × p matrices (number[][]) beyond
 * src/stats/matrix.ts (Cholesky, symmetric eigen-decomposition), which this builds on: triangular
 * solves, products with n × p column data, and distances between matrices.
 */
import { isPathlabError } from "../errors";
import { cholesky, symEigen } from "../stats/matrix";

/** Eigenvalues (descending) and matching eigenvectors (columns of `vectors`) of a symmetric matrix. */
export function eigenSym(A: number[][]): { values: number[]; vectors: number[][] } {
  return symEigen(A);
}

/** Lower Cholesky factor L (A = L Lᵀ), or null when A is not positive definite. */
export function choleskyLower(A: number[][]): number[][] | null {
  try {
    return cholesky(A);
  } catch (e) {
    if (isPathlabError(e)) return null;
    throw e;
  }
}

/** Solves Lᵀ X = B for X (L lower triangular, B p × q). */
export function solveUpperFromLower(L: number[][], B: number[][]): number[][] {
  const p = L.length;
  const q = B[0]?.length ?? 0;
  const X: number[][] = Array.from({ length: p }, () => new Array<number>(q).fill(0));
  for (let c = 0; c < q; c++) {
    for (let i = p - 1; i >= 0; i--) {
      let s = B[i][c];
      for (let k = i + 1; k < p; k++) s -= L[k][i] * X[k][c];
      X[i][c] = s / L[i][i];
    }
  }
  return X;
}

export function transpose(A: number[][]): number[][] {
  const r = A.length;
  const c = A[0]?.length ?? 0;
  const T: number[][] = Array.from({ length: c }, () => new Array<number>(r));
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) T[j][i] = A[i][j];
  return T;
}

/** Columns X (n × p, as p columns) times a p × q matrix T → q columns. */
export function columnsTimes(X: Float64Array[], T: number[][]): Float64Array[] {
  const p = X.length;
  const q = T[0]?.length ?? 0;
  const n = p ? X[0].length : 0;
  const out: Float64Array[] = [];
  for (let j = 0; j < q; j++) {
    const col = new Float64Array(n);
    for (let k = 0; k < p; k++) {
      const t = T[k][j];
      if (t === 0) continue;
      const xk = X[k];
      for (let i = 0; i < n; i++) col[i] += xk[i] * t;
    }
    out.push(col);
  }
  return out;
}

/** Largest absolute entry of A − B. */
export function maxAbsDiff(A: number[][], B: number[][]): number {
  let m = 0;
  for (let i = 0; i < A.length; i++) for (let j = 0; j < A[i].length; j++) m = Math.max(m, Math.abs(A[i][j] - B[i][j]));
  return m;
}

/** Frobenius norm of A − B. */
export function frobeniusDiff(A: number[][], B: number[][]): number {
  let s = 0;
  for (let i = 0; i < A.length; i++) for (let j = 0; j < A[i].length; j++) s += (A[i][j] - B[i][j]) ** 2;
  return Math.sqrt(s);
}
