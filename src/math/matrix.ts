/**
 * Row-array matrix arithmetic (number[][]): products, transposes, traces, differences, the general
 * (LU) inverse, solve and log-determinant, the polar factor, and covariance ↔ correlation. Factor
 * and loading matrices are p × k with k small, so clarity wins over blocking here; the SPD kernels
 * of estimation loops are in `linalg.ts`.
 *
 * The general inverse/solve/determinant use ml-matrix's LU decomposition with partial pivoting
 * (they run on non-symmetric matrices outside hot loops, where its speed is ample).
 *
 * @example
 * mul([[1, 2]], [[3], [4]])  // [[11]]
 * covToCor([[4, 2], [2, 9]]) // [[1, 0.333…], [0.333…, 1]]
 */
import { LuDecomposition, Matrix, inverse as mlInverse, solve as mlSolve } from "ml-matrix";
import { PathlabError } from "../errors";
import { symEigen } from "./eigen";
import { checkSquare, type MatrixLike } from "./linalg";

/** A dense matrix as rows. */
export type Mat = number[][];

/** An r × c matrix of zeros. */
export function zeros(r: number, c: number): Mat {
  return Array.from({ length: r }, () => new Array<number>(c).fill(0));
}

/** The k × k identity. */
export function identity(k: number): Mat {
  const I = zeros(k, k);
  for (let i = 0; i < k; i++) I[i][i] = 1;
  return I;
}

/** Aᵀ. */
export function transpose(A: MatrixLike): Mat {
  const r = A.length;
  const c = r ? A[0].length : 0;
  const T = zeros(c, r);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) T[j][i] = A[i][j];
  return T;
}

/** A B. */
export function mul(A: MatrixLike, B: MatrixLike): Mat {
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
export function tmul(A: MatrixLike, B: MatrixLike): Mat {
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
export function mult(A: MatrixLike, B: MatrixLike): Mat {
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

/** Columns X (n × p, given as p columns) times a p × q matrix T: the q columns of X T. */
export function columnsTimes(X: Float64Array[], T: MatrixLike): Float64Array[] {
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

/** Dot product Σ aᵢ bᵢ of two equal-length vectors. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Trace: Σ A_ii. */
export function trace(A: MatrixLike): number {
  let s = 0;
  for (let i = 0; i < A.length; i++) s += A[i][i];
  return s;
}

/** Sum of all elements. */
export function sumAll(A: MatrixLike): number {
  let s = 0;
  for (const row of A) for (let j = 0; j < row.length; j++) s += row[j];
  return s;
}

/** Column sums. */
export function colSums(A: MatrixLike): number[] {
  const c = A.length ? A[0].length : 0;
  const s = new Array<number>(c).fill(0);
  for (const r of A) for (let j = 0; j < c; j++) s[j] += r[j];
  return s;
}

/** Largest absolute entry of A − B. */
export function maxAbsDiff(A: MatrixLike, B: MatrixLike): number {
  let m = 0;
  for (let i = 0; i < A.length; i++) for (let j = 0; j < A[i].length; j++) m = Math.max(m, Math.abs(A[i][j] - B[i][j]));
  return m;
}

/** Frobenius norm of A − B. */
export function frobeniusDiff(A: MatrixLike, B: MatrixLike): number {
  let s = 0;
  for (let i = 0; i < A.length; i++) for (let j = 0; j < A[i].length; j++) s += (A[i][j] - B[i][j]) ** 2;
  return Math.sqrt(s);
}

/** Inverse of a general square matrix (LU with partial pivoting, ml-matrix). */
export function inverse(A: MatrixLike): Mat {
  return mlInverse(new Matrix(A.map((r) => Array.from(r)))).to2DArray();
}

/** Solves A X = B for X (A square, general; LU with partial pivoting, ml-matrix). */
export function solve(A: MatrixLike, B: MatrixLike): Mat {
  return mlSolve(new Matrix(A.map((r) => Array.from(r))), new Matrix(B.map((r) => Array.from(r)))).to2DArray();
}

/** ln |det A| and the sign of det A of a general square matrix (LU with partial pivoting). */
export function logDet(A: MatrixLike): { log: number; sign: number } {
  const lu = new LuDecomposition(new Matrix(A.map((r) => Array.from(r))));
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

/**
 * Correlation matrix from a covariance matrix: R_ij = S_ij / √(S_ii S_jj), with a unit diagonal.
 * A variance that is not positive is an error naming it, or with `{ strict: false }` gives NaN in
 * its row and column (as R's cov2cor, which warns).
 */
export function covToCor(S: MatrixLike, options: { strict?: boolean } = {}): number[][] {
  const n = checkSquare(S, "covToCor");
  const sd: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!(S[i][i] > 0) && options.strict !== false)
      throw new PathlabError(`covToCor: variance ${i + 1} is ${S[i][i]}, not positive.`, {
        code: "math.bad-variance",
        hint: "A correlation needs positive variances; check for a constant variable.",
      });
    sd.push(S[i][i] > 0 ? Math.sqrt(S[i][i]) : NaN);
  }
  const R: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(n);
    for (let j = 0; j < n; j++) row[j] = i === j && sd[i] === sd[i] ? 1 : S[i][j] / (sd[i] * sd[j]);
    R.push(row);
  }
  return R;
}

/** Covariance matrix from a correlation matrix and standard deviations: S_ij = R_ij s_i s_j. */
export function corToCov(R: MatrixLike, sds: ArrayLike<number>): number[][] {
  const n = checkSquare(R, "corToCov");
  if (sds.length !== n)
    throw new PathlabError(`corToCov: ${sds.length} standard deviations for a ${n}×${n} correlation matrix.`, {
      code: "math.dimension-mismatch",
      hint: "Give one standard deviation per row of the correlation matrix.",
    });
  const S: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(n);
    for (let j = 0; j < n; j++) row[j] = R[i][j] * sds[i] * sds[j];
    S.push(row);
  }
  return S;
}
