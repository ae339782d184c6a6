/**
 * The correlation matrix of n independent p-variate standard normal observations, drawn without the
 * n × p data: the sums of squares and cross-products about the mean are Wishart_p(n − 1, I), which
 * Bartlett's decomposition samples from p(p + 1)/2 numbers (Bartlett 1933; Smith & Hocking 1972,
 * "Wishart variate generator", Applied Statistics 21): W = A Aᵀ with A lower triangular,
 * A_ii = √χ²_{n−i} (i = 1 … p), A_ij ~ N(0, 1) below the diagonal; R = cov2cor(W).
 * The χ² variates come from Marsaglia & Tsang's (2000) gamma sampler (χ²_ν = 2·Gamma(ν/2)).
 * This has exactly the distribution of cor() of simulated normal data (what psych::fa.parallel
 * computes) at O(p³) instead of O(n p²) cost.
 *
 * @example
 * const R = simulatedCorrelation(10000, 100, new Rng(1)); // 100 × 100, unit diagonal
 */
import type { Rng } from "../../simulate/rng";

/** Gamma(shape, 1) variate (Marsaglia & Tsang 2000; shape < 1 by the boost U^{1/shape}). */
export function gammaVariate(shape: number, rng: Rng): number {
  if (shape < 1) return gammaVariate(shape + 1, rng) * Math.pow(rng.uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = rng.normal();
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = rng.uniform();
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Correlation matrix (row-major p × p) of n simulated standard normal observations (see module comment). */
export function simulatedCorrelation(n: number, p: number, rng: Rng): number[][] {
  const A = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    A[i * p + i] = Math.sqrt(2 * gammaVariate((n - 1 - i) / 2, rng));
    for (let j = 0; j < i; j++) A[i * p + j] = rng.normal();
  }
  // W = A Aᵀ (A lower triangular)
  const W: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      const ri = i * p;
      const rj = j * p;
      for (let k = 0; k <= j; k++) s += A[ri + k] * A[rj + k];
      W[i][j] = W[j][i] = s;
    }
  const d = W.map((r, i) => Math.sqrt(r[i]));
  return W.map((r, i) => r.map((v, j) => (i === j ? 1 : v / (d[i] * d[j]))));
}
