/**
 * Benchmark: a 100-variable correlation table (Pearson matrix + two-sided p values) on 10,000 rows,
 * timed beside R's cor() + pt() (bench/r/correlation.R) in the same run. Medians of 5 runs.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { correlationMatrix, correlationPValues, correlationTable } from "../src/data/correlation";
import { Rng } from "../src/simulate/rng";

export interface BenchRow {
  name: string;
  ours_ms: number;
  r_ms?: number;
  note?: string;
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function rTiming(): { ms: number; table_ms: number } | undefined {
  const r = spawnSync("Rscript", [path.join(__dirname, "r", "correlation.R")], { encoding: "utf8", timeout: 300000 });
  if (r.error || r.status !== 0) return undefined;
  try {
    return JSON.parse(r.stdout.trim().split("\n").pop() ?? "");
  } catch {
    return undefined;
  }
}

function time(f: () => void): number {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

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
