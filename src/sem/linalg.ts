/**
 * SEM-specific helpers built on the numerical core (src/math): the Cholesky, SPD and general
 * inverses and the eigen-decomposition themselves live in `../math/linalg` and `../math/eigen`.
 */
import { eigenSymmetric } from "../math/eigen";

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
