/**
 * Loading survey data: CSV (R's read.csv conventions), Excel workbooks (ExcelJS) and SPSS system
 * files (pathlab's own reader of the documented format), each returned as a pathlab DataFrame (for
 * SPSS, inside a `SavFile` with the dictionary) so that every pathlab function accepts it.
 */
export { DataFrame, Series, toDataFrame } from "./frame";
export * from "./csv";
export * from "./excel";
export * from "./sav";
