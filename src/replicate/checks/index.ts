export * from "./report";
export * from "./statistics";
export * from "./fit";
export * from "./measurement";
export * from "./correlations";
export * from "./counts";
export * from "./effects";
export * from "./paper";
