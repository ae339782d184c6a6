/** One measured workload: our median time and, when R is installed, R's for the same work. */
export interface BenchRow {
  name: string;
  ours_ms: number;
  r_ms?: number;
  note?: string;
}
