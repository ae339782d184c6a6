/**
 * Dense linear algebra for symmetric positive definite (SPD) matrices — the one Cholesky, SPD
 * solve, SPD inverse and log-determinant of pathlab — on two representations:
 *
 * - flat, row-major `Float64Array`s (`a[i * n + j]`), used inside estimation loops: the kernels
 *   write into caller-owned buffers, allocate nothing and report failure by a return value;
 * - row arrays (`number[][]`, or any `MatrixLike`), used everywhere else: wrappers that copy to
 *   the flat form, run the same kernel and throw a `PathlabError` naming the failing pivot.
 *
 * Both run the same arithmetic in the same order, so a row-array result equals the flat one bit
 * for bit. Cholesky–Banachiewicz recurrence (Golub & Van Loan 2013, Matrix Computations, 4th ed.,
 * Alg. 4.2.1); inverses by triangular substitution, A⁻¹ = L⁻ᵀ L⁻¹.
 *
 * Why hand-written rather than ml-matrix: `npm run bench -- linalg` times ml-matrix's
 * CholeskyDecomposition 2–5× and its SPD inverse 7–9× slower from 20 × 20 up (its 2-D accessors
 * dominate; on 5 × 5 it is faster by a fraction of a microsecond per call), it refuses a matrix that
 * is symmetric only to rounding, and it has no flat, allocation-free form for estimation loops.
 * The general (LU) solve and inverse, used on non-symmetric matrices outside hot loops, are
 * ml-matrix's (see `matrix.ts`).
 *
 * @example
 * cholesky([[4, 2], [2, 3]])   // [[2, 0], [1, 1.414…]]
 * invertSPD([[2, 0], [0, 4]])  // [[0.5, 0], [0, 0.25]]
 */
import { PathlabError } from "../errors";

/** A square or rectangular matrix as rows (number[][] or Float64Array[]). */
export type MatrixLike = ReadonlyArray<ArrayLike<number>>;

// ---------------------------------------------------------------------------------------------
// Flat kernels (row-major n × n)

/**
 * In-place Cholesky factorisation of the symmetric n × n matrix in `a`: on success the lower
 * triangle holds L (A = L Lᵀ) and the function returns −1; only the lower triangle of A is read and
 * the strict upper triangle is left untouched. A pivot not above `minPivot` stops the recurrence:
 * the function returns its index j and leaves the failing pivot value in `a[j * n + j]`.
 *
 * With `relative`, the limit is minPivot · max(1, A_jj) (a pivot small against its own diagonal
 * entry, as a rank test of X'X wants); with `relative = "scale"` it is minPivot · A_jj, a test free
 * of the variables' units (a resample's cross-products, whose diagonal can be below 1). With `semidefinite`, a pivot at or below zero is taken as
 * zero instead (its column of L is then zero): a factor of a positive semidefinite matrix, such as
 * a covariance matrix of estimates that rounding left a hair below zero.
 */
export function choleskyInPlace(a: Float64Array, n: number, minPivot = 0, semidefinite = false, relative: boolean | "scale" = false): number {
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = a[rj + j];
    const limit = relative === false ? minPivot : relative === true ? minPivot * Math.max(1, d) : minPivot * d;
    for (let k = 0; k < j; k++) d -= a[rj + k] * a[rj + k];
    if (semidefinite) d = Math.max(d, 0);
    else if (!(d > limit)) {
      a[rj + j] = d;
      return j;
    }
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= a[ri + k] * a[rj + k];
      a[ri + j] = ljj > 0 ? s / ljj : 0;
    }
  }
  return -1;
}

/**
 * Cholesky factor of a flat n × n SPD matrix as a new array with a zero upper triangle, or null
 * when a pivot is not above `minPivot` (`a` is not modified).
 */
export function choleskyFlat(a: ArrayLike<number>, n: number, minPivot = 0): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) l[i * n + j] = a[i * n + j];
  return choleskyInPlace(l, n, minPivot) < 0 ? l : null;
}

/** ln det A from the Cholesky factor L of A (lower triangle of `l`): 2 Σ ln L_jj. */
export function logDetFromCholesky(l: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let j = 0; j < n; j++) s += Math.log(l[j * n + j]);
  return 2 * s;
}

/**
 * In-place Cholesky factorisation returning ln det A, or NaN when A is not positive definite
 * (the form an ML discrepancy function wants: one call, no allocation).
 */
export function choleskyLogDet(a: Float64Array, n: number): number {
  return choleskyInPlace(a, n) < 0 ? logDetFromCholesky(a, n) : NaN;
}

/**
 * L⁻¹ of the lower-triangular factor in `l` (n × n, row-major) by forward substitution on the unit
 * vectors, written to the lower triangle of `out` (whose upper triangle is zeroed).
 */
export function lowerInverse(l: ArrayLike<number>, n: number, out: Float64Array = new Float64Array(n * n)): Float64Array {
  out.fill(0);
  for (let j = 0; j < n; j++) {
    out[j * n + j] = 1 / l[j * n + j];
    for (let i = j + 1; i < n; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= l[i * n + k] * out[k * n + j];
      out[i * n + j] = s / l[i * n + i];
    }
  }
  return out;
}

/**
 * A⁻¹ = L⁻ᵀ L⁻¹ from the Cholesky factor L of A (lower triangle of `l`), written to `out` as a full
 * symmetric matrix; `tmp` (n × n) receives L⁻¹.
 */
export function inverseFromCholesky(l: ArrayLike<number>, n: number, out: Float64Array, tmp: Float64Array = new Float64Array(n * n)): Float64Array {
  lowerInverse(l, n, tmp);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += tmp[k * n + i] * tmp[k * n + j];
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return out;
}

/**
 * Solves L z = b for z (L lower triangular in `l`, n × n), using the first `len` rows (default n).
 * `z` may be given (and may be `b` itself: an in-place solve without allocation, for resampling loops).
 */
export function forwardSolve(l: ArrayLike<number>, n: number, b: ArrayLike<number>, len = n, z: Float64Array = new Float64Array(len)): Float64Array {
  for (let i = 0; i < len; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * z[k];
    z[i] = s / l[i * n + i];
  }
  return z;
}

/**
 * Solves Lᵀ x = z for x (L lower triangular in `l`), using the leading `len` × `len` block (default n).
 * `x` may be given, with x written from `offset` on (or `z` itself: in place, without allocation).
 */
export function backSolveTransposed(
  l: ArrayLike<number>,
  n: number,
  z: ArrayLike<number>,
  len = n,
  x: Float64Array = new Float64Array(len),
  offset = 0,
): Float64Array {
  for (let i = len - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < len; k++) s -= l[k * n + i] * x[offset + k];
    x[offset + i] = s / l[i * n + i];
  }
  return x;
}

/** Solves A x = b given the Cholesky factor L of A: L z = b, then Lᵀ x = z. */
export function solveWithCholesky(l: ArrayLike<number>, n: number, b: ArrayLike<number>): Float64Array {
  return backSolveTransposed(l, n, forwardSolve(l, n, b));
}

/**
 * Solves the SPD system A x = b in place, without allocation, for resampling loops: `a` (n × n,
 * row-major) is overwritten by its Cholesky factor, `b` by L⁻¹b, and x is written to `out` from
 * `offset` on. Returns false, leaving `out` untouched, when a pivot fails the test of
 * `choleskyInPlace(a, n, minPivot, false, relative)`.
 */
export function solveSPDInPlace(
  a: Float64Array,
  n: number,
  b: Float64Array,
  out: Float64Array,
  offset = 0,
  minPivot = 0,
  relative: boolean | "scale" = false,
): boolean {
  if (choleskyInPlace(a, n, minPivot, false, relative) >= 0) return false;
  forwardSolve(a, n, b, n, b);
  backSolveTransposed(a, n, b, n, out, offset);
  return true;
}

/** Solves the SPD system A x = b (A flat n × n, not modified); null when A is not positive definite. */
export function solveSPDFlat(a: ArrayLike<number>, n: number, b: ArrayLike<number>): Float64Array | null {
  const l = choleskyFlat(a, n);
  return l ? solveWithCholesky(l, n, b) : null;
}

/** Inverse of a flat SPD matrix as a new array, or null when it is not positive definite. */
export function invertSPDFlat(a: ArrayLike<number>, n: number): Float64Array | null {
  const l = choleskyFlat(a, n);
  return l ? inverseFromCholesky(l, n, new Float64Array(n * n)) : null;
}

/**
 * Inverse of a general square matrix by Gauss–Jordan elimination with partial pivoting, for the
 * small non-symmetric matrices of an estimation loop (e.g. (I − B) of a structural model).
 * Writes A⁻¹ to `out`; `work` (n × n) is overwritten. Returns false when a pivot falls below 1e-14
 * (numerically singular).
 */
export function invertGeneralFlat(a: ArrayLike<number>, n: number, out: Float64Array, work: Float64Array): boolean {
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

// ---------------------------------------------------------------------------------------------
// Row-array wrappers

/** Number of rows of A, after checking that every row has that many entries. */
export function checkSquare(A: MatrixLike, what: string): number {
  const n = A.length;
  for (let i = 0; i < n; i++) {
    if (A[i].length !== n)
      throw new PathlabError(`${what}: matrix is not square (row ${i + 1} has ${A[i].length} entries, expected ${n}).`, {
        code: "math.not-square",
        hint: "Pass a square matrix (as many rows as columns).",
      });
  }
  return n;
}

/** The lower triangle of a square row-array matrix as a flat row-major array (upper triangle zero). */
function lowerToFlat(A: MatrixLike, n: number): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const Ai = A[i];
    for (let j = 0; j <= i; j++) a[i * n + j] = Ai[j];
  }
  return a;
}

/** A flat row-major n × n array as rows. */
export function flatToRows(a: ArrayLike<number>, n: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(n);
    for (let j = 0; j < n; j++) row[j] = a[i * n + j];
    out.push(row);
  }
  return out;
}

/** A square row-array matrix as a flat row-major array. */
export function rowsToFlat(A: MatrixLike): Float64Array {
  const n = A.length;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = A[i][j];
  return a;
}

function notPositiveDefinite(j: number, pivot: number, names?: readonly string[]): PathlabError {
  const label = names && names[j] !== undefined ? `"${names[j]}"` : `row/column ${j + 1}`;
  return new PathlabError(`Matrix is not positive definite: pivot ${j + 1} (${label}) is ${pivot}.`, {
    hint: "Check for a variable that is a linear combination of others, a constant variable, or a covariance matrix that is not a covariance matrix.",
    code: "math.not-positive-definite",
  });
}

/** Cholesky factor of a row-array SPD matrix as a flat array; throws naming the failing pivot. */
function factor(A: MatrixLike, names: readonly string[] | undefined, what: string): { l: Float64Array; n: number } {
  const n = checkSquare(A, what);
  const l = lowerToFlat(A, n);
  const j = choleskyInPlace(l, n);
  if (j >= 0) throw notPositiveDefinite(j, l[j * n + j], names);
  return { l, n };
}

/**
 * Cholesky factor L (lower triangular, A = L Lᵀ) of a symmetric positive definite matrix. Only the
 * lower triangle of A is read. Throws a PathlabError naming the pivot (by `names` when given) when
 * A is not positive definite.
 *
 * @example
 * cholesky([[4, 2], [2, 3]]) // [[2, 0], [1, 1.4142135623730951]]
 */
export function cholesky(A: MatrixLike, names?: readonly string[]): number[][] {
  const { l, n } = factor(A, names, "Cholesky");
  return flatToRows(l, n);
}

/** Lower Cholesky factor of A, or null when A is not positive definite (no error). */
export function choleskyOrNull(A: MatrixLike): number[][] | null {
  const n = checkSquare(A, "Cholesky");
  const l = lowerToFlat(A, n);
  return choleskyInPlace(l, n) < 0 ? flatToRows(l, n) : null;
}

/**
 * A factor L with L Lᵀ = A for a positive semidefinite A: the Cholesky recurrence with pivots at or
 * below zero taken as zero (their columns of L are zero). For covariance matrices of estimates,
 * which are positive semidefinite up to rounding.
 */
export function choleskySemidefinite(A: MatrixLike): number[][] {
  const n = checkSquare(A, "Cholesky");
  const l = lowerToFlat(A, n);
  choleskyInPlace(l, n, 0, true);
  return flatToRows(l, n);
}

/** Inverse of a symmetric positive definite matrix through its Cholesky factor: A⁻¹ = L⁻ᵀ L⁻¹. */
export function invertSPD(A: MatrixLike, names?: readonly string[]): number[][] {
  const { l, n } = factor(A, names, "invertSPD");
  return flatToRows(inverseFromCholesky(l, n, new Float64Array(n * n)), n);
}

/** ln det A for a symmetric positive definite A: 2 Σ ln L_ii. */
export function logDetSPD(A: MatrixLike, names?: readonly string[]): number {
  const { l, n } = factor(A, names, "logDetSPD");
  return logDetFromCholesky(l, n);
}

/** Solves A x = b for a symmetric positive definite A; throws naming the pivot when A is not positive definite. */
export function solveSPD(A: MatrixLike, b: ArrayLike<number>, names?: readonly string[]): number[] {
  const { l, n } = factor(A, names, "solveSPD");
  return Array.from(solveWithCholesky(l, n, b));
}

/** Solves Lᵀ X = B for X (L lower triangular as rows, B p × q as rows). */
export function solveUpperFromLower(L: MatrixLike, B: MatrixLike): number[][] {
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
