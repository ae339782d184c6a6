export * from "./format";
export * from "./table";
export * from "./mime";
export * from "./result";
export * from "./figure";
export * from "./bundle";
export * from "./notebook";
export { savePlot, type SavePlotOptions } from "./save-plot";
