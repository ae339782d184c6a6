/**
 * pathlab's public entry: `import { … } from "pathlab"` in a notebook.
 * Each folder is one stage of the architecture and re-exports its public API here.
 */
export * from "./errors";
export * from "./display";
export * from "./data";
export * from "./measurement";
export * from "./simulate";
export { dchisq, dfisher, dnorm, dt, pchisq, pf, pnorm, pt, qchisq, qf, qnorm, qt, twoSidedP_t, twoSidedP_z, ncpForProbability, pchisqNC, percentileCI, percentileOrder, quantile, type MatrixLike, cholesky, corToCov, covToCor, invertSPD, logDetSPD, symEigen, lgamma, lbeta, incGamma, incBeta } from "./math";
export * from "./regression";
export * from "./process";
export * from "./sem";
export * from "./power";
export * from "./replicate";
export * from "./qual";
