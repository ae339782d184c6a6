/** Measurement quality: reliability, convergent and discriminant validity, common-method checks, EFA. */
export * from "./alpha";
export * from "./reliability";
export * from "./htmt";
export * from "./harman";
export * from "./marker";
export * from "./keys";
export * from "./score-items";
export * from "./corr-test";
export * from "./comp-rel";
export * from "./efa";
