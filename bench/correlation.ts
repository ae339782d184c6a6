/**
 * Benchmark: a 100-variable correlation table (Pearson matrix + two-sided p values) on 10,000 rows,
 * timed beside R's cor() + pt() (bench/r/correlation.R) in the same run. Medians of 5 runs.
 */
import { correlationMatrix, correlationPValues, correlationTable } from "../src/data/correlation";
import { Rng } from "../src/simulate/rng";
import { median, runR, time, type BenchRow } from "./util";

const rTiming = () => runR<{ ms: number; table_ms: number }>("correlation.R", [], 300000);

export async function bench(): Promise<BenchRow[]> {
  const n = 10000;
  const p = 100;
  const rng = new Rng(1);
  const common = rng.normals(n);
  const columns: Float64Array[] = [];
  const data: Record<string, Float64Array> = {};
  const names: string[] = [];
  for (let j = 0; j < p; j++) {
    const c = rng.normals(n);
    for (let i = 0; i < n; i++) c[i] += 0.3 * common[i];
    columns.push(c);
    names.push(`v${j + 1}`);
    data[`v${j + 1}`] = c;
  }
  // warm-up (JIT)
  correlationPValues(correlationMatrix(columns), n);
  const core: number[] = [];
  const table: number[] = [];
  for (let k = 0; k < 5; k++) {
    core.push(time(() => correlationPValues(correlationMatrix(columns), n)));
    table.push(time(() => correlationTable(data, names)));
  }
  const r = rTiming();
  const note = r ? undefined : "Rscript not available";
  const rows: BenchRow[] = [
    { name: "correlation: 100 variables × 10,000 rows, r + p values", ours_ms: median(core), r_ms: r?.ms, note },
    {
      name: "correlation: same, full paper table (input checks, listwise, M, SD)",
      ours_ms: median(table),
      r_ms: r?.table_ms,
      note: r ? "R: colMeans + sd + cor + pt" : note,
    },
  ];
  for (const row of rows) console.log(`${row.name}: ${row.ours_ms.toFixed(1)} ms${row.r_ms ? ` (R ${row.r_ms.toFixed(1)} ms)` : ""}`);
  return rows;
}

if (require.main === module)
  bench().catch((e) => {
    console.error(e);
    process.exit(1);
  });
