/** Data: tabular input, loading, scoring, missing values, descriptives and correlations. */
export * from "./table-input";
export * from "./load";
export * from "./scoring";
export * from "./descriptives";
export * from "./correlation";
export * from "./labels";
