/**
 * Exact conditional draws: new columns whose sample moments with columns already fixed (and among
 * themselves) equal given targets exactly, for simulation recipes that draw some variables first
 * (discrete codes, Likert items) and the rest conditionally on them.
 *
 * With the fixed columns F (centred F_c, sample covariance S_FF) and targets S_XF, S_XX and means μ:
 *
 *   X = μ + F_c B + E Lᵀ,   B = S_FF⁻¹ S_FX,   L Lᵀ = S_XX − S_XF S_FF⁻¹ S_FX,
 *
 * where E holds residual directions exactly orthogonal to [1, F] with identity sample covariance
 * (divisor n − 1). Then mean(X) = μ, Cov(X, F) = S_XF and Cov(X) = S_XX to rounding error (the
 * regression decomposition of a covariance matrix; e.g. Cousineau 2019, exact-moment simulation).
 * L is the Cholesky factor when the conditional covariance is positive definite and its
 * eigen-factor (rank-truncated) when it is only semidefinite.
 *
 * @example
 * const E = residualDirections([x], 1, rng);
 * const [y] = conditionalColumns([x], [[0.5]], [[1]], [0], E); // cov(x, y) = 0.5, var(y) = 1
 */
import { PathlabError } from "../errors";
import { centred, cholesky, dot, mean, symEigen } from "../math";
import type { Rng } from "./rng";

/** Orthonormal basis (modified Gram–Schmidt, two passes) of the columns; near-dependent columns are dropped. */
export function orthonormalBasis(cols: ArrayLike<number>[]): Float64Array[] {
  const Q: Float64Array[] = [];
  for (const c of cols) {
    const v = Float64Array.from(c);
    const n0 = Math.sqrt(dot(v, v));
    for (let pass = 0; pass < 2; pass++)
      for (const q of Q) {
        const d = dot(q, v);
        for (let i = 0; i < v.length; i++) v[i] -= d * q[i];
      }
    const nv = Math.sqrt(dot(v, v));
    if (nv > 1e-9 * Math.max(1, n0)) {
      for (let i = 0; i < v.length; i++) v[i] /= nv;
      Q.push(v);
    }
  }
  return Q;
}

/** x minus its projection on the span of an orthonormal basis. */
export function residualize(x: ArrayLike<number>, Q: Float64Array[]): Float64Array {
  const v = Float64Array.from(x);
  for (let pass = 0; pass < 2; pass++)
    for (const q of Q) {
      const d = dot(q, v);
      for (let i = 0; i < v.length; i++) v[i] -= d * q[i];
    }
  return v;
}

/** The constant column of length n. */
export function ones(n: number): Float64Array {
  return new Float64Array(n).fill(1);
}

/**
 * `k` seeded residual directions: exactly orthogonal to [1, cols], mutually orthogonal, scaled to
 * sample variance 1 (divisor n − 1).
 */
export function residualDirections(cols: ArrayLike<number>[], k: number, r: Rng): Float64Array[] {
  const n = cols.length ? cols[0].length : 0;
  const Q = orthonormalBasis([ones(n), ...cols]);
  if (n - Q.length < k)
    throw new PathlabError(`residualDirections(): ${k} directions orthogonal to ${Q.length} columns need more than ${Q.length + k} cases (n = ${n})`, {
      code: "simulate.too-few-cases",
    });
  const E = Array.from({ length: k }, () => residualize(r.normals(n), Q));
  const W = orthonormalBasis(E);
  if (W.length !== k)
    throw new PathlabError("residualDirections(): the residual draws are collinear", { hint: "use another seed", code: "simulate.collinear" });
  const s = Math.sqrt(n - 1);
  return W.map((w) => w.map((x) => x * s));
}

/** A factor L with L Lᵀ = A: Cholesky when A is positive definite, else the rank-truncated eigen-factor. */
export function covarianceFactor(A: number[][], names?: string[]): number[][] {
  try {
    return cholesky(A, names);
  } catch {
    const { values, vectors } = symEigen(A);
    const scale = Math.max(1e-300, ...values.map(Math.abs));
    if (values[values.length - 1] < -1e-8 * scale)
      throw new PathlabError(
        `conditionalColumns(): the conditional covariance of ${names ? names.join(", ") : "the new columns"} is not positive semidefinite`,
        {
          hint: "the targets are incompatible with the columns already drawn",
          code: "simulate.incompatible-targets",
        },
      );
    const keep = values.map((_, j) => j).filter((j) => values[j] > 1e-12 * scale);
    return A.map((_, i) => keep.map((j) => vectors[i][j] * Math.sqrt(values[j])));
  }
}

/**
 * Columns with exact sample moments given fixed columns (see the module comment). `fixed` are the
 * fixed columns, `crossCov[a][k]` = target Cov(new_a, fixed_k), `cov` the target covariance of the
 * new columns, `means` their means, `noise` residual directions orthogonal to [1, fixed] (from
 * `residualDirections`; at least as many as the rank of the conditional covariance).
 */
export function conditionalColumns(
  fixed: ArrayLike<number>[],
  crossCov: number[][],
  cov: number[][],
  means: number[],
  noise: Float64Array[],
  names?: string[],
): Float64Array[] {
  const p = means.length;
  const n = fixed.length ? fixed[0].length : noise[0].length;
  const Fc = fixed.map((c) => centred(c, mean(c)));
  const q = Fc.length;
  let B: number[][] = crossCov.map(() => []);
  let cond = cov.map((row) => row.slice());
  if (q > 0) {
    const SFF = Fc.map((a) => Fc.map((b) => dot(a, b) / (n - 1)));
    const L = cholesky(SFF);
    const solve = (b: number[]) => {
      const y = new Array<number>(q).fill(0);
      for (let i = 0; i < q; i++) {
        let s = b[i];
        for (let j = 0; j < i; j++) s -= L[i][j] * y[j];
        y[i] = s / L[i][i];
      }
      const x = new Array<number>(q).fill(0);
      for (let i = q - 1; i >= 0; i--) {
        let s = y[i];
        for (let j = i + 1; j < q; j++) s -= L[j][i] * x[j];
        x[i] = s / L[i][i];
      }
      return x;
    };
    B = crossCov.map((row) => solve(row));
    cond = cov.map((row, a) => row.map((v, b) => v - crossCov[a].reduce((acc, x, k) => acc + x * B[b][k], 0)));
  }
  const Lc = covarianceFactor(cond, names);
  const k = Lc[0]?.length ?? 0;
  if (noise.length < k)
    throw new PathlabError(`conditionalColumns(): ${noise.length} noise directions for a conditional covariance of rank ${k}`, {
      code: "simulate.too-few-directions",
    });
  return Array.from({ length: p }, (_, a) => {
    const col = new Float64Array(n).fill(means[a]);
    for (let j = 0; j < q; j++) {
      const bj = B[a][j];
      if (bj !== 0) for (let i = 0; i < n; i++) col[i] += bj * Fc[j][i];
    }
    for (let c = 0; c < k; c++) {
      const l = Lc[a][c];
      if (l !== 0) for (let i = 0; i < n; i++) col[i] += l * noise[c][i];
    }
    return col;
  });
}
