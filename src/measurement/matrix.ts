/**
 * Small dense-matrix helpers the measurement functions share (covariances of item columns,
 * squared multiple correlations, symmetric eigen-decomposition). Internal to src/measurement.
 */
import { EigenvalueDecomposition, Matrix, inverse } from "ml-matrix";
import { PathlabError } from "../errors";

/** Sample covariance matrix (n − 1 denominator) of equal-length columns. */
export function covarianceMatrix(columns: Float64Array[]): number[][] {
  const p = columns.length;
  const n = columns[0].length;
  const c = columns.map((x) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i];
    const m = s / n;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = x[i] - m;
    return out;
  });
  const S: number[][] = [];
  for (let i = 0; i < p; i++) S.push(new Array<number>(p));
  for (let i = 0; i < p; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      const a = c[i];
      const b = c[j];
      for (let k = 0; k < n; k++) s += a[k] * b[k];
      S[i][j] = S[j][i] = s / (n - 1);
    }
  return S;
}

/**
 * Squared multiple correlation of each variable with all the others: smc_i = 1 − 1/(R⁻¹)_ii
 * (Guttman, 1940). Throws if R is singular.
 */
export function smc(R: number[][], names?: string[]): number[] {
  if (R.length === 1) return [0];
  let inv: Matrix;
  try {
    inv = inverse(new Matrix(R));
  } catch {
    throw singular(names);
  }
  const out = R.map((_, i) => 1 - 1 / inv.get(i, i));
  if (out.some((v) => !Number.isFinite(v))) throw singular(names);
  return out;
}

function singular(names?: string[]): PathlabError {
  return new PathlabError(`The correlation matrix of ${names ? names.join(", ") : "the items"} is singular.`, {
    hint: "Some item is a linear combination of others (e.g. a duplicated item or a sum score among the items); remove it.",
    code: "singular",
  });
}

/** Eigenvalues (descending) and unit eigenvectors (as columns, vectors[i][k] = element i of vector k) of a symmetric matrix. */
export function symmetricEigen(A: number[][]): { values: number[]; vectors: number[][] } {
  const evd = new EigenvalueDecomposition(new Matrix(A), { assumeSymmetric: true });
  const vals = evd.realEigenvalues;
  const V = evd.eigenvectorMatrix;
  const order = vals.map((_, i) => i).sort((a, b) => vals[b] - vals[a]);
  return {
    values: order.map((i) => vals[i]),
    vectors: A.map((_, r) => order.map((i) => V.get(r, i))),
  };
}

/** Sum of all elements. */
export function sumAll(A: number[][]): number {
  let s = 0;
  for (const row of A) for (const v of row) s += v;
  return s;
}

/** Median of numbers (NaN for none). */
export function median(x: number[]): number {
  if (x.length === 0) return NaN;
  const s = [...x].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Sample variance (n − 1), NaN for fewer than two values. */
export function variance(x: number[]): number {
  if (x.length < 2) return NaN;
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  return x.reduce((a, b) => a + (b - m) * (b - m), 0) / (x.length - 1);
}
