/**
 * Times the issue-18 workloads (PROCESS models 4, 7 and 14 with 6 covariates, N = 278, B = 5000;
 * mediation power 1000 × 5000 at N = 200; one thread) on the library sources in a given folder, so
 * that an older commit can be timed against this one in the same session:
 *
 *   git archive e5c730f src | tar -x -C /tmp/before
 *   for i in 1 2 3; do node -r tsx/cjs bench/compare-src.ts /tmp/before/src; node -r tsx/cjs bench/compare-src.ts src; done
 *
 * Prints one JSON line per run: the median wall and CPU time (ms) of 9 runs after 2 warm-ups.
 * Not part of `npm run bench` (it exports no `bench`).
 */
import * as path from "path";
import { Rng } from "../src/simulate/rng";
import { median } from "./util";

function simulate(n: number, seed = 1): Record<string, Float64Array> {
  const g = new Rng(seed);
  const d: Record<string, Float64Array> = { x: g.normals(n), w: g.normals(n) };
  for (let k = 1; k <= 6; k++) d[`c${k}`] = g.normals(n);
  const m = new Float64Array(n),
    y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    m[i] = 0.4 * d.x[i] + 0.2 * d.x[i] * d.w[i] + g.normal();
    y[i] = 0.3 * m[i] + 0.2 * d.x[i] + 0.1 * m[i] * d.w[i] + g.normal();
  }
  d.m = m;
  d.y = y;
  return d;
}

function main(srcDir: string): void {
  const root = path.resolve(srcDir);
  const P = require(path.join(root, "process")) as { process: (o: object) => unknown };
  const W = require(path.join(root, "power")) as { powerMediation: (s: object, o: object) => unknown };
  // Older sources have no `threads` option (and ran on one thread).
  const one = root === path.resolve(__dirname, "..", "src") ? { threads: 1 } : {};
  const d = simulate(278);
  const cov = ["c1", "c2", "c3", "c4", "c5", "c6"];
  const out: Record<string, number> = {};
  const jobs: [string, () => unknown][] = [
    ["m4", () => P.process({ data: d, model: 4, y: "y", x: "x", m: "m", cov, boot: 5000, seed: 1, ...one })],
    ["m7", () => P.process({ data: d, model: 7, y: "y", x: "x", m: "m", w: "w", cov, boot: 5000, seed: 1, ...one })],
    ["m14", () => P.process({ data: d, model: 14, y: "y", x: "x", m: "m", w: "w", cov, boot: 5000, seed: 1, ...one })],
    ["power", () => W.powerMediation({ a: 0.3, b: 0.3, cp: 0 }, { n: 200, reps: 1000, draws: 5000, seed: 1, ...one })],
  ];
  for (const [name, f] of jobs) {
    f();
    f();
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < 9; i++) {
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      f();
      walls.push(Number(process.hrtime.bigint() - t0) / 1e6);
      const c = process.cpuUsage(c0);
      cpus.push((c.user + c.system) / 1000);
    }
    out[`${name}_wall`] = +median(walls).toFixed(1);
    out[`${name}_cpu`] = +median(cpus).toFixed(1);
  }
  console.log(srcDir, JSON.stringify(out));
}

if (require.main === module) main(process.argv[2] ?? path.join(__dirname, "..", "src"));
