/**
 * Multivariate normal draws, optionally with exact sample moments (the idea of
 * `MASS::mvrnorm(empirical = TRUE)`; Venables & Ripley, 2002, *Modern Applied Statistics with S*).
 */
import { PathlabError } from "../errors";
import type { TableSpec } from "../display/table";
import { rng as toRng, type Rng } from "./rng";
import { choleskyOrNull as choleskyLower, columnsTimes, solveUpperFromLower, transpose } from "../math";
import { sampleMoments } from "./moments";
import { SimulatedData, momentsTable } from "./simulated-data";
import { checkN, checkNames, checkVector, defaultNames, requirePositiveDefinite, seedOf, squareMatrix, type MatrixInput } from "./validate";
import { checkOptions } from "../options";

export interface MvrnormOptions {
  /** Make the sample means and covariance equal `means` and `cov` exactly (default false). */
  empirical?: boolean;
  /** Column names (default V1…Vp). */
  names?: string[];
}

/** Draws from a multivariate normal, with the target and achieved moments for display. */
export class MvrnormResult extends SimulatedData {
  constructor(
    names: string[],
    columns: Float64Array[],
    seed: number | undefined,
    /** Whether the sample moments were forced to equal the targets. */
    readonly empirical: boolean,
    /** Target means. */
    readonly targetMeans: number[],
    /** Target covariance matrix. */
    readonly targetCov: number[][],
  ) {
    super(names, columns, seed);
  }

  title(): string {
    return this.empirical ? "Multivariate normal sample with exact moments" : "Multivariate normal sample";
  }

  tables(): TableSpec[] {
    const m = this.moments();
    const sds = this.targetCov.map((r, i) => Math.sqrt(r[i]));
    const cor = this.targetCov.map((r, i) => r.map((v, j) => v / (sds[i] * sds[j])));
    return [momentsTable("Target vs achieved sample moments", this.names, { means: this.targetMeans, sds, cor }, m)];
  }
}

/**
 * n draws from N_p(μ, Σ), returned as p named columns.
 *
 * With `empirical: true` the sample is transformed so that its sample mean vector is exactly μ and its
 * sample covariance (n − 1 denominator) is exactly Σ (to rounding, ~1e-14 relative):
 *   1. draw Z (n × p) i.i.d. N(0, 1) and centre each column;
 *   2. whiten: with S = ZᵀZ/(n − 1) = L_S L_Sᵀ (Cholesky), Z L_S⁻ᵀ has sample covariance I;
 *   3. colour: with Σ = L Lᵀ, X = Z L_S⁻ᵀ Lᵀ has sample covariance L I Lᵀ = Σ; add μ.
 * Steps 2–3 are one p × p matrix T = L_S⁻ᵀ Lᵀ; one refinement pass recomputes the sample covariance of
 * X and repeats with it, absorbing rounding. MASS whitens with an SVD rotation and colours with
 * the eigen-decomposition instead; the draws differ, the exact-moment property is the same.
 * Exactness needs S non-singular, so n > p.
 *
 * Without `empirical`, X = μ + Z Lᵀ (population moments only).
 *
 * @param n number of rows
 * @param means target mean vector μ (length p)
 * @param cov target covariance Σ (p × p, positive definite; a lower triangle is accepted)
 * @param seed a seed or an `Rng`
 * @throws PathlabError for a non-square, asymmetric or non-positive-definite Σ (giving the
 *   smallest eigenvalue), a `means` length that differs from Σ's, or n ≤ p with `empirical`.
 *
 * @example
 * mvrnorm(500, [0, 0], [[1, 0.5], [0.5, 1]], 42)
 */
export function mvrnorm(n: number, means: number[], cov: MatrixInput, seed: number | Rng, options: MvrnormOptions = {}): MvrnormResult {
  options = checkOptions<MvrnormOptions>("mvrnorm", options, {
    empirical: { kind: "boolean" },
    names: { kind: "custom", expected: "an array of column names" },
    tol: {
      kind: "custom",
      unsupported: "positive definiteness is checked by a Cholesky factorisation (the error gives the smallest eigenvalue); MASS's tol is not used.",
    },
  });
  seedOf("mvrnorm", seed);
  const Sigma = squareMatrix(cov, "cov");
  const p = Sigma.length;
  const mu = checkVector(means, p, "means", "cov");
  const names = options.names ? checkNames(options.names, p, "names") : defaultNames(p);
  const empirical = options.empirical ?? false;
  checkN(n, empirical ? p : 0, empirical ? `exact sample moments for ${p} variables (a non-singular sample covariance)` : "simulation");
  const columns = drawMvnorm(n, mu, Sigma, toRng(seed), empirical, "cov");
  return new MvrnormResult(names, columns, typeof seed === "number" ? seed : undefined, empirical, mu, Sigma);
}

/**
 * Columns with sample means exactly `means` and sample covariance exactly `cov` (see `mvrnorm`
 * with `empirical: true`).
 */
export function mvrnormEmpirical(n: number, means: number[], cov: MatrixInput, seed: number | Rng): Float64Array[] {
  return mvrnorm(n, means, cov, seed, { empirical: true }).columns;
}

/**
 * The shared engine (validated inputs). `what` names the matrix in errors.
 * @internal
 */
export function drawMvnorm(n: number, mu: number[], Sigma: number[][], r: Rng, empirical: boolean, what: string): Float64Array[] {
  const p = Sigma.length;
  const isCor = Sigma.every((row, i) => row[i] === 1);
  requirePositiveDefinite(Sigma, what === "cov" && isCor ? "cov (a correlation matrix)" : what, isCor);
  const L = choleskyLower(Sigma)!;
  const Lt = transpose(L);
  let Z: Float64Array[] = [];
  for (let j = 0; j < p; j++) Z.push(r.normals(n));
  if (!empirical) {
    const X = columnsTimes(Z, Lt);
    X.forEach((c, j) => {
      for (let i = 0; i < n; i++) c[i] += mu[j];
    });
    return X;
  }
  // Pass 0 whitens and colours; pass 1 repeats on the result (T ≈ I) to absorb rounding.
  for (let pass = 0; pass < 2; pass++) {
    const m = sampleMoments(Z);
    for (let j = 0; j < p; j++) {
      const c = Z[j];
      const mj = m.means[j];
      for (let i = 0; i < n; i++) c[i] -= mj;
    }
    const LS = choleskyLower(m.cov);
    if (!LS)
      throw new PathlabError(`The ${p} simulated columns are collinear in this sample of ${n}, so exact moments are impossible.`, {
        hint: "Increase n (it must exceed the number of variables) or change the seed.",
        code: "simulate.too-few-cases",
      });
    const T = solveUpperFromLower(LS, Lt);
    Z = columnsTimes(Z, T);
  }
  Z.forEach((c, j) => {
    for (let i = 0; i < n; i++) c[i] += mu[j];
  });
  return Z;
}
