/**
 * Small dense matrix helpers on row arrays (number[][] or Float64Array[]): Cholesky factorisation,
 * inverse and log-determinant of a symmetric positive definite matrix, symmetric eigen-
 * decomposition, and covariance ↔ correlation conversion. Results are plain number[][].
 */
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { PathlabError } from "../errors";

/** A square or rectangular matrix as rows. */
export type MatrixLike = ReadonlyArray<ArrayLike<number>>;

function checkSquare(A: MatrixLike, what: string): number {
  const n = A.length;
  for (let i = 0; i < n; i++) {
    if (A[i].length !== n) throw new PathlabError(`${what}: matrix is not square (row ${i + 1} has ${A[i].length} entries, expected ${n}).`, { code: "not-square" });
  }
  return n;
}

/**
 * Cholesky factor L (lower triangular, A = L Lᵀ) of a symmetric positive definite matrix, by the
 * Cholesky–Banachiewicz recurrence (Golub & Van Loan 2013, Alg. 4.2.1). Only the lower triangle
 * of A is read. Throws a PathlabError naming the pivot when A is not positive definite.
 */
export function cholesky(A: MatrixLike, names?: string[]): number[][] {
  const n = checkSquare(A, "Cholesky");
  const L: number[][] = [];
  for (let i = 0; i < n; i++) L.push(new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let s = A[j][j];
    const Lj = L[j];
    for (let k = 0; k < j; k++) s -= Lj[k] * Lj[k];
    if (!(s > 0) || !Number.isFinite(s)) {
      const label = names && names[j] !== undefined ? `"${names[j]}"` : `row/column ${j + 1}`;
      throw new PathlabError(`Matrix is not positive definite: pivot ${j + 1} (${label}) is ${s}.`, {
        hint: "Check for a variable that is a linear combination of others, a constant variable, or a covariance matrix that is not a covariance matrix.",
        code: "not-positive-definite",
      });
    }
    const d = Math.sqrt(s);
    Lj[j] = d;
    for (let i = j + 1; i < n; i++) {
      const Li = L[i];
      let t = A[i][j];
      for (let k = 0; k < j; k++) t -= Li[k] * Lj[k];
      Li[j] = t / d;
    }
  }
  return L;
}

/** Inverse of a symmetric positive definite matrix through its Cholesky factor: A⁻¹ = L⁻ᵀ L⁻¹. */
export function invertSPD(A: MatrixLike, names?: string[]): number[][] {
  const L = cholesky(A, names);
  const n = L.length;
  // Linv: inverse of the lower-triangular factor, by forward substitution column by column.
  const Linv: number[][] = [];
  for (let i = 0; i < n; i++) Linv.push(new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    Linv[j][j] = 1 / L[j][j];
    for (let i = j + 1; i < n; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= L[i][k] * Linv[k][j];
      Linv[i][j] = s / L[i][i];
    }
  }
  const out: number[][] = [];
  for (let i = 0; i < n; i++) out.push(new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += Linv[k][i] * Linv[k][j];
      out[i][j] = s;
      out[j][i] = s;
    }
  }
  return out;
}

/** ln det A for symmetric positive definite A: 2 Σ ln L_ii. */
export function logDetSPD(A: MatrixLike, names?: string[]): number {
  const L = cholesky(A, names);
  let s = 0;
  for (let i = 0; i < L.length; i++) s += Math.log(L[i][i]);
  return 2 * s;
}

/**
 * Eigen-decomposition of a symmetric matrix (Householder tridiagonalisation + implicit QL, via
 * ml-matrix): values in descending order and the matching unit eigenvectors as the COLUMNS of
 * `vectors` (vectors[i][k] is element i of eigenvector k). Each eigenvector's sign is fixed so that
 * its largest-magnitude element is positive, making output reproducible.
 */
export function symEigen(A: MatrixLike): { values: number[]; vectors: number[][] } {
  const n = checkSquare(A, "Eigen-decomposition");
  if (n === 0) return { values: [], vectors: [] };
  const M = new Matrix(A.map((r) => Array.from(r)));
  const evd = new EigenvalueDecomposition(M, { assumeSymmetric: true });
  const vals = evd.realEigenvalues;
  const V = evd.eigenvectorMatrix.to2DArray();
  const order = vals.map((_, i) => i).sort((a, b) => vals[b] - vals[a]);
  const values = order.map((i) => vals[i]);
  const vectors: number[][] = [];
  for (let i = 0; i < n; i++) vectors.push(new Array<number>(n).fill(0));
  order.forEach((src, k) => {
    let big = 0;
    for (let i = 0; i < n; i++) if (Math.abs(V[i][src]) > Math.abs(big)) big = V[i][src];
    const sgn = big < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) vectors[i][k] = sgn * V[i][src];
  });
  return { values, vectors };
}

/** Correlation matrix from a covariance matrix: R_ij = S_ij / √(S_ii S_jj). */
export function covToCor(S: MatrixLike): number[][] {
  const n = checkSquare(S, "covToCor");
  const sd: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!(S[i][i] > 0)) throw new PathlabError(`covToCor: variance ${i + 1} is ${S[i][i]}, not positive.`, { code: "bad-variance" });
    sd.push(Math.sqrt(S[i][i]));
  }
  const R: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(n);
    for (let j = 0; j < n; j++) row[j] = i === j ? 1 : S[i][j] / (sd[i] * sd[j]);
    R.push(row);
  }
  return R;
}

/** Covariance matrix from a correlation matrix and standard deviations: S_ij = R_ij s_i s_j. */
export function corToCov(R: MatrixLike, sds: ArrayLike<number>): number[][] {
  const n = checkSquare(R, "corToCov");
  if (sds.length !== n) throw new PathlabError(`corToCov: ${sds.length} standard deviations for a ${n}×${n} correlation matrix.`, { code: "dimension" });
  const S: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(n);
    for (let j = 0; j < n; j++) row[j] = R[i][j] * sds[i] * sds[j];
    S.push(row);
  }
  return S;
}
