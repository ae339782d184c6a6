/**
 * The numerical core: every analysis builds on these, and none keeps a private copy.
 *
 * - `linalg`: Cholesky, SPD solve/inverse, log-determinant (flat Float64Array kernels and row-array
 *   wrappers);
 * - `eigen`: the symmetric eigen-decomposition;
 * - `matrix`: row-array arithmetic, general (LU) inverse/solve, covariance ↔ correlation;
 * - `descriptive`: mean, variance, SD, centring, median, covariance matrix;
 * - `distributions`, `special`, `noncentral-chisq`, `quantile`: probability;
 * - `formulas`: the shared formula tier (p values, stars, RMSEA, CR, AVE, Wald F).
 *
 * Layering: math imports only `errors` (see docs/architecture.md).
 */
export * from "./linalg";
export * from "./eigen";
export * from "./matrix";
export * from "./descriptive";
export * from "./distributions";
export * from "./special";
export * from "./noncentral-chisq";
export * from "./quantile";
export * from "./formulas";
export * from "./cross-products";
