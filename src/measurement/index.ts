/** Measurement quality: reliability, convergent and discriminant validity, common-method checks. */
export * from "./alpha";
export * from "./reliability";
export * from "./htmt";
export * from "./harman";
export * from "./marker";
