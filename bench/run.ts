/**
 * `npm run bench`: runs every benchmark module in bench/ (each exports `bench(): Promise<BenchRow[]>`)
 * and prints our time, R's time for the same work measured in the same run (when Rscript is
 * installed), and the ratio. Results are also written to build/bench.json.
 * Usage: npm run bench [-- name …]   (names filter the modules, e.g. `npm run bench -- sem`)
 */
import * as fs from "fs";
import * as path from "path";
import type { BenchRow } from "./types";

async function main(): Promise<void> {
  const filter = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const modules = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".ts") && !["run.ts", "types.ts", "util.ts"].includes(f))
    .filter((f) => !filter.length || filter.some((n) => f.includes(n)))
    .sort();
  const all: (BenchRow & { module: string })[] = [];
  for (const f of modules) {
    // require, not import(): under tsx/cjs a dynamic import of a .ts file is refused.
    const mod = require(path.join(__dirname, f)) as { bench?: () => Promise<BenchRow[]> };
    if (typeof mod.bench !== "function") continue;
    process.stdout.write(`\n== ${f} ==\n`);
    const rows = await mod.bench();
    for (const r of rows) {
      all.push({ module: f, ...r });
      const ratio = r.r_ms !== undefined && r.ours_ms > 0 ? `${(r.r_ms / r.ours_ms).toFixed(1)}× faster than R` : "R not measured";
      const rms = r.r_ms !== undefined ? `R ${fmt(r.r_ms)}` : "";
      process.stdout.write(`  ${r.name.padEnd(60)} ours ${fmt(r.ours_ms).padStart(10)}  ${rms.padStart(12)}  ${ratio}${r.note ? `  (${r.note})` : ""}\n`);
    }
  }
  const out = path.join(__dirname, "..", "build");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "bench.json"), JSON.stringify(all, null, 2));
}

function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
