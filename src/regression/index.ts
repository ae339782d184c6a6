/** Linear regression: OLS with HC covariances, hierarchical blocks, effect sizes, 2SLS. */
export * from "./ols-core";
export * from "./ols";
export * from "./hierarchical";
export * from "./effect-size";
export * from "./iv";
