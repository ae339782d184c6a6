/** Distributions, quantiles and small dense matrix helpers shared by every analysis. */
export * from "./distributions";
export * from "./noncentral-chisq";
export * from "./quantile";
export * from "./matrix";
export { lgamma, lbeta, incGamma, incBeta } from "./special";
