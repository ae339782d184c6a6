/**
 * Times issue 18's SEM workloads (HS 3-factor CFA fit + fitMeasures; the 7-factor/25-item CFA,
 * N = 278, fit + fitMeasures; the HS bootstrap, 1,000 draws, one thread) on the library sources in a
 * given folder, so that an older commit can be timed against this one in the same session:
 *
 *   git archive 8c39041 src | tar -x -C /tmp/before
 *   for i in 1 2 3; do node -r tsx/cjs bench/compare-sem.ts /tmp/before/src; node -r tsx/cjs bench/compare-sem.ts src; done
 *
 * Prints one JSON line per run: median wall and CPU time (ms) of each workload (fits: 9 batches of
 * 50 or 20 after 200 warm-up calls; bootstrap: 5 runs). Not part of `npm run bench` (it exports no `bench`).
 */
import * as fs from "fs";
import * as path from "path";
import { median } from "./util";

function csvColumns(file: string, keep: (name: string) => boolean): Record<string, Float64Array> {
  const lines = fs.readFileSync(file, "utf8").trim().split(/\r?\n/);
  const header = lines[0].split(",").map((h) => h.replace(/"/g, ""));
  const out: Record<string, Float64Array> = {};
  header.forEach((h, j) => {
    if (keep(h)) out[h] = Float64Array.from(lines.slice(1), (l) => Number(l.split(",")[j]));
  });
  return out;
}

function time(f: () => unknown, runs: number, per: number, warm: number): { wall: number; cpu: number } {
  for (let i = 0; i < warm; i++) f();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < per; i++) f();
    walls.push(Number(process.hrtime.bigint() - t0) / 1e6 / per);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000 / per);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

function main(srcDir: string): void {
  const root = path.resolve(srcDir);
  const { cfa } = require(path.join(root, "sem")) as { cfa: (m: string, d: object, o?: object) => { fitMeasures(): unknown } };
  const goldens = path.join(__dirname, "..", "test", "goldens");
  const hs = csvColumns(path.join(goldens, "sem-hs-school.csv"), (h) => /^x\d$/.test(h));
  const d25 = csvColumns(path.join(goldens, "sem-bench-25.csv"), (h) => /^i\d+$/.test(h) && Number(h.slice(1)) <= 25);
  const HS = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";
  let j = 0;
  const M25 = [4, 4, 4, 4, 3, 3, 3].map((k, f) => `f${f + 1} =~ ${Array.from({ length: k }, () => `i${++j}`).join(" + ")}`).join("\n");
  const out: Record<string, number> = {};
  // Fits warm up over 200 calls first: until the JIT has compiled the whole pipeline a fit takes 3–5× longer.
  const jobs: [string, () => unknown, number, number, number][] = [
    ["hs", () => cfa(HS, hs).fitMeasures(), 9, 50, 200],
    ["f7", () => cfa(M25, d25).fitMeasures(), 9, 20, 200],
    ["boot", () => cfa(HS, hs, { se: "bootstrap", bootstrap: 1000, seed: 1, threads: 1 }), 5, 1, 2],
  ];
  for (const [name, f, runs, per, warm] of jobs) {
    const t = time(f, runs, per, warm);
    out[`${name}_wall`] = +t.wall.toFixed(3);
    out[`${name}_cpu`] = +t.cpu.toFixed(3);
  }
  console.log(JSON.stringify({ src: srcDir, ...out }));
}

if (require.main === module) main(process.argv[2] ?? path.join(__dirname, "..", "src"));
