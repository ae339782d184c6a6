/**
 * Benchmark: psych-style exploratory factor analysis beside psych 2.2.9 in the same run
 * (bench/r/psych.R), on the same data (written here to build/bench-psych.csv and read by R):
 * - fa(), 10 factors, minres + oblimin, on 100 variables × 10,000 rows (raw data: correlations,
 *   extraction, rotation, fit statistics), median of 5 runs each side;
 * - faParallel() with 100 replications (resampled and simulated, components and factors) on the
 *   same data, one run each side (psych takes over a minute);
 * - the same two on psych's bfi (25 items × 2,800 rows, pairwise), medians of 5.
 * Notes give the largest |difference| in communalities vs psych and both suggested numbers of factors.
 */
import * as fs from "fs";
import * as path from "path";
import { fa, faParallel } from "../src/measurement";
import { Rng } from "../src/simulate/rng";
import { median, runR, time, type BenchRow } from "./util";

interface RResult {
  fa_ms: number;
  fa_h2: number[];
  par_ms: number;
  par_nfact: number;
  par_ncomp: number;
  bfi_fa_ms: number;
  bfi_fa_h2: number[];
  bfi_par_ms: number;
}

function readBfi(): Record<string, (number | null)[]> {
  const lines = fs
    .readFileSync(path.join(__dirname, "..", "notebooks", "data", "bfi.csv"), "utf8")
    .trim()
    .split(/\r?\n/);
  const head = lines[0].split(",");
  const cols: Record<string, (number | null)[]> = {};
  head.forEach((h) => (cols[h] = []));
  for (const line of lines.slice(1)) line.split(",").forEach((c, j) => cols[head[j]].push(c === "" ? null : Number(c)));
  return cols;
}

function maxDiff(a: number[], b: number[] | undefined): string {
  if (!b) return "";
  let m = 0;
  a.forEach((x, i) => (m = Math.max(m, Math.abs(x - b[i]))));
  return `max |h2 − psych| = ${m.toExponential(1)}`;
}

export async function bench(): Promise<BenchRow[]> {
  const n = 10000;
  const p = 100;
  const k = 10;
  const rng = new Rng(2024);
  const F = Array.from({ length: k }, () => rng.normals(n));
  const data: Record<string, Float64Array> = {};
  const names: string[] = [];
  for (let j = 0; j < p; j++) {
    const e = rng.normals(n);
    const f = F[j % k];
    const g = F[(j + 3) % k];
    const c = new Float64Array(n);
    const a = 0.45 + (0.3 * ((j * 7) % 10)) / 10;
    for (let i = 0; i < n; i++) c[i] = a * f[i] + 0.15 * g[i] + Math.sqrt(1 - a * a - 0.0225) * e[i];
    names.push(`v${j + 1}`);
    data[`v${j + 1}`] = c;
  }
  const out = path.join(__dirname, "..", "build");
  fs.mkdirSync(out, { recursive: true });
  const csv = path.join(out, "bench-psych.csv");
  const lines = [names.join(",")];
  for (let i = 0; i < n; i++) lines.push(names.map((v) => data[v][i].toPrecision(17)).join(","));
  fs.writeFileSync(csv, lines.join("\n") + "\n");
  const bfi = readBfi();
  const items = Object.keys(bfi).slice(0, 25);

  fa(data, { nfactors: k }); // warm-up (JIT)
  const faTimes: number[] = [];
  let h2: number[] = [];
  for (let r = 0; r < 5; r++) faTimes.push(time(() => (h2 = fa(data, { nfactors: k, rotate: "oblimin" }).communality)));
  let par = faParallel(data, { nIter: 2, seed: 1 });
  const parMs = time(() => (par = faParallel(data, { nIter: 100, seed: 1 })));
  const bfiFa: number[] = [];
  let bfiH2: number[] = [];
  for (let r = 0; r < 5; r++) bfiFa.push(time(() => (bfiH2 = fa(bfi, items, { nfactors: 5 }).communality)));
  const bfiPar: number[] = [];
  for (let r = 0; r < 5; r++) bfiPar.push(time(() => faParallel(bfi, items, { nIter: 20, seed: r + 1 })));

  const rr = runR<RResult>("psych.R", [csv], 1800000);
  const note = rr ? undefined : "Rscript not available";
  const rows: BenchRow[] = [
    { name: "psych: fa 10 factors minres+oblimin, 100 vars × 10,000 rows", ours_ms: median(faTimes), r_ms: rr?.fa_ms, note: note ?? maxDiff(h2, rr?.fa_h2) },
    {
      name: "psych: faParallel 100 iterations, 100 vars × 10,000 rows",
      ours_ms: parMs,
      r_ms: rr?.par_ms,
      note: note ?? `suggested factors/components: ours ${par.nfact}/${par.ncomp}, psych ${rr!.par_nfact}/${rr!.par_ncomp}; one run each`,
    },
    {
      name: "psych: fa 5 factors on bfi (25 items × 2,800, pairwise)",
      ours_ms: median(bfiFa),
      r_ms: rr?.bfi_fa_ms,
      note: note ?? maxDiff(bfiH2, rr?.bfi_fa_h2),
    },
    { name: "psych: faParallel 20 iterations on bfi", ours_ms: median(bfiPar), r_ms: rr?.bfi_par_ms, note },
  ];
  return rows;
}

if (require.main === module)
  bench().catch((e) => {
    console.error(e);
    process.exit(1);
  });
