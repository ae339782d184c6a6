/**
 * Benchmark: ML CFA fits beside lavaan 0.6.14 in the same run (bench/r/sem-bench.R), and issue
 * 16's cases (bench/r/sem-issue16.R): a two-group scalar-invariance model of HolzingerSwineford1939
 * by school, FIML, MLR and FIML + MLR on bfi's five factors — each timed as the fit plus all its
 * fit measures (lavaan fits its baseline during cfa(); FIML's robust measures come from fitMeasures()).
 * - 7 factors / 25 items / N = 278 (the size of paper 000's measurement model);
 * - 2 … 10 factors with 5 items each (10 … 50 indicators, N = 500): how time grows with p.
 * Both sides read the same simulated CSVs (test/goldens/sem-bench-*.csv, written by
 * bench/r/sem-data.R). Per-fit medians; a fit = parse + moments + estimation + standard errors,
 * as lavaan's cfa() call. The note gives the largest |difference| of the estimates vs lavaan.
 */
import * as fs from "fs";
import * as path from "path";
import { cfa } from "../src/sem";
import { median, runR, type BenchRow } from "./util";

function readColumns(file: string): Record<string, Float64Array> {
  const lines = fs.readFileSync(file, "utf8").trim().split(/\r?\n/);
  const header = lines[0].split(",").map((h) => h.replace(/"/g, ""));
  const cols: Record<string, Float64Array> = {};
  header.forEach((h) => (cols[h] = new Float64Array(lines.length - 1)));
  for (let i = 1; i < lines.length; i++) {
    const v = lines[i].split(",");
    header.forEach((h, j) => (cols[h][i - 1] = Number(v[j])));
  }
  return cols;
}

function modelFor(itemsPerFactor: number[]): string {
  let j = 0;
  return itemsPerFactor
    .map((k, f) => {
      const items = Array.from({ length: k }, () => `i${++j}`);
      return `f${f + 1} =~ ${items.join(" + ")}`;
    })
    .join("\n");
}

interface RCase {
  ms: number;
  chisq: number;
  lhs: string[];
  op: string[];
  rhs: string[];
  est: number[];
}

const rTimings = (reps: number) => runR<Record<string, RCase>>("sem-bench.R", [String(reps)]);

export async function bench(): Promise<BenchRow[]> {
  const root = path.join(__dirname, "..", "test", "goldens");
  const d25 = readColumns(path.join(root, "sem-bench-25.csv"));
  const d50 = readColumns(path.join(root, "sem-bench-50.csv"));
  const cases = [
    { name: "cfa-7f-25i-n278", data: d25, ipf: [4, 4, 4, 4, 3, 3, 3] },
    { name: "cfa-2f-10i-n500", data: d50, ipf: [5, 5] },
    { name: "cfa-4f-20i-n500", data: d50, ipf: [5, 5, 5, 5] },
    { name: "cfa-6f-30i-n500", data: d50, ipf: Array(6).fill(5) },
    { name: "cfa-8f-40i-n500", data: d50, ipf: Array(8).fill(5) },
    { name: "cfa-10f-50i-n500", data: d50, ipf: Array(10).fill(5) },
  ];
  const reps = 20;
  const R = rTimings(reps);
  const rows: BenchRow[] = [];
  for (const c of cases) {
    const model = modelFor(c.ipf);
    const p = c.ipf.reduce((a, b) => a + b, 0);
    const data: Record<string, Float64Array> = {};
    for (let i = 1; i <= p; i++) data[`i${i}`] = c.data[`i${i}`];
    for (let w = 0; w < 5; w++) cfa(model, data); // warm-up (JIT)
    const times: number[] = [];
    let fit = cfa(model, data);
    for (let r = 0; r < reps; r++) {
      const t0 = process.hrtime.bigint();
      fit = cfa(model, data);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const rc = R?.[c.name];
    let note = `${p} indicators, ${fit.iterations} iterations`;
    if (rc) {
      const pe = fit.parameterEstimates().rows;
      let maxDiff = 0;
      rc.lhs.forEach((l, i) => {
        const row = pe.find((x) => x.lhs === l && x.op === rc.op[i] && x.rhs === rc.rhs[i]);
        if (row) maxDiff = Math.max(maxDiff, Math.abs(row.est - rc.est[i]));
      });
      note += `; max |est − lavaan| = ${maxDiff.toExponential(1)}, χ² ${fit.fitMeasures().chisq.toFixed(4)} vs ${rc.chisq.toFixed(4)}`;
    }
    rows.push({ name: `SEM ${c.name} (per fit)`, ours_ms: median(times), r_ms: rc?.ms, note });
  }
  rows.push(...issue16());
  return rows;
}

/** Rows of an R-written CSV (numbers, "NA" as null, quoted text) as row objects, as a notebook loads them. */
function readRows(file: string): Record<string, number | string | null>[] {
  const lines = fs.readFileSync(file, "utf8").trim().split(/\r?\n/);
  const header = lines[0].split(",").map((h) => h.replace(/"/g, ""));
  return lines.slice(1).map((l) => {
    const v = l.split(",");
    const o: Record<string, number | string | null> = {};
    header.forEach((h, j) => (o[h] = v[j] === "NA" || v[j] === "" ? null : v[j].startsWith('"') ? v[j].replace(/"/g, "") : Number(v[j])));
    return o;
  });
}

/** Issue 16: multiple groups, FIML, MLR (medians of fit + fitMeasures()). */
function issue16(): BenchRow[] {
  const root = path.join(__dirname, "..");
  const hs = readRows(path.join(root, "test", "goldens", "sem-hs-school.csv"));
  const bfi = readRows(path.join(root, "notebooks", "data", "bfi.csv"));
  const HS = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";
  const BIG5 = ["A", "C", "E", "N", "O"].map((f) => `${f} =~ ${[1, 2, 3, 4, 5].map((i) => `${f}${i}`).join(" + ")}`).join("\n");
  const cases: { name: string; label: string; run: () => ReturnType<typeof cfa> }[] = [
    {
      name: "mg-hs-scalar",
      label: "HS by school, scalar invariance (2 groups)",
      run: () => cfa(HS, hs, { group: "school", groupEqual: ["loadings", "intercepts"] }),
    },
    { name: "fiml-bfi", label: "bfi five factors, FIML (N = 2,800)", run: () => cfa(BIG5, bfi, { missing: "ml" }) },
    { name: "mlr-bfi", label: "bfi five factors, MLR (listwise N = 2,436)", run: () => cfa(BIG5, bfi, { estimator: "MLR" }) },
    { name: "fiml-mlr-bfi", label: "bfi five factors, FIML + MLR", run: () => cfa(BIG5, bfi, { missing: "ml", estimator: "MLR" }) },
  ];
  const R = runR<Record<string, { ms: number; chisq: number; cfi: number }>>("sem-issue16.R", ["3"], 1800000);
  return cases.map((c) => {
    const reps = c.name === "mg-hs-scalar" ? 20 : 5;
    for (let w = 0; w < 2; w++) c.run().fitMeasures();
    const times: number[] = [];
    let fm = c.run().fitMeasures();
    for (let r = 0; r < reps; r++) {
      const t0 = process.hrtime.bigint();
      fm = c.run().fitMeasures();
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const rc = R?.[c.name];
    const note = rc ? `χ² ${fm.chisq.toFixed(3)} vs ${rc.chisq.toFixed(3)}, CFI ${fm.cfi.toFixed(4)} vs ${rc.cfi.toFixed(4)}` : `χ² ${fm.chisq.toFixed(3)}`;
    return { name: `SEM ${c.label} (fit + fitMeasures)`, ours_ms: median(times), r_ms: rc?.ms, note };
  });
}
