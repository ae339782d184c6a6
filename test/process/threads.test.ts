/**
 * PROCESS's bootstrap on several threads (issue 18): intervals, SEs and every draw identical on 1,
 * 2 and 3 threads — also when worker threads compute every chunk — and identical to the
 * JavaScript cross-product loop (no WebAssembly), and the stream is the single sequential one:
 * resample b uses positions b·n … b·n + n − 1 whichever thread computes it.
 */
import { expect } from "chai";
import * as path from "path";
import { process } from "../../src/process";
import { bootstrapCoefficients, rowMajor } from "../../src/process/bootstrap";
import { lastParallelRun, parallelTestHooks, shutdownWorkers } from "../../src/simulate/parallel";
import { Rng } from "../../src/simulate/rng";
import { GOLDEN_DIR, readCsvColumns } from "./helpers";

const data = readCsvColumns(path.join(GOLDEN_DIR, "process-data.csv"));

describe("process: bootstrap on every core (issue 18)", function () {
  this.timeout(180000);
  const saved = { ...parallelTestHooks };
  afterEach(() => Object.assign(parallelTestHooks, saved));
  after(() => shutdownWorkers());

  const spec = { data, model: 7, y: "y", x: "x", m: "m1", w: "w", cov: "c1", boot: 3000, seed: 21 } as const;
  const signature = (r: ReturnType<typeof process>) => ({
    ci: [...r.indirectEffects, ...r.indices].map((x) => [x.llci, x.ulci, x.bootSE]),
    draws: Array.from(r.draws(r.indirectEffects[0].key)!),
  });

  it("threads 1, 2 and 3 give identical intervals and draws (workers computing every chunk)", () => {
    const one = signature(process({ ...spec, threads: 1 }));
    parallelTestHooks.callerComputes = false;
    parallelTestHooks.stallMs = 60000;
    for (const threads of [2, 3]) {
      const r = process({ ...spec, threads });
      expect(lastParallelRun!.workerChunks, `threads ${threads}`).to.equal(lastParallelRun!.chunks);
      expect(lastParallelRun!.chunks).to.be.greaterThan(8);
      expect(signature(r), `threads ${threads}`).to.deep.equal(one);
    }
    parallelTestHooks.callerComputes = true;
    expect(signature(process({ ...spec, threads: 2 }))).to.deep.equal(one);
  });

  it("singular resamples are redrawn from their own streams: the same on any number of threads", () => {
    // A dichotomous covariate with 2 cases of 40 in one group: about 1 resample in 8 omits both.
    const n = 40;
    const x = Array.from({ length: n }, (_, i) => Math.sin(i * 1.7));
    const m = x.map((v, i) => 0.5 * v + Math.cos(i * 2.3));
    const y = m.map((v, i) => 0.4 * v + 0.2 * x[i] + Math.sin(i * 0.9 + 2));
    const d = x.map((_, i) => (i < 2 ? 1 : 0));
    const sp = { data: { x, m, y, d }, model: 4, x: "x", m: "m", y: "y", cov: "d", boot: 2000, seed: 5 } as const;
    const one = process({ ...sp, threads: 1 });
    expect(one.warnings.map((w) => w.code)).to.include("process.bootstrap-replaced");
    parallelTestHooks.callerComputes = false;
    parallelTestHooks.stallMs = 60000;
    const three = process({ ...sp, threads: 3 });
    expect(lastParallelRun!.workerChunks).to.equal(lastParallelRun!.chunks);
    expect(signature(three)).to.deep.equal(signature(one));
    expect(three.warnings).to.deep.equal(one.warnings);
  });

  it("with singular resamples about, every other resample still reads its own positions of the stream", () => {
    const n = 40;
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.7));
    const mm = x.map((v, i) => 0.5 * v + Math.cos(i * 2.3));
    const d = Float64Array.from({ length: n }, (_, i) => (i < 2 ? 1 : 0));
    const z = rowMajor([new Float64Array(n).fill(1), x, d, mm]);
    const B = 400;
    const draws = bootstrapCoefficients(z, n, 4, [{ predictors: [0, 1, 2], outcome: 3 }], B, new Rng(9), { threads: 1 });
    const g = new Rng(9);
    let singular = 0;
    for (let b = 0; b < B; b++) {
      const counts = new Float64Array(n);
      g.addResampleCounts(counts, 0, n);
      if (counts[0] + counts[1] === 0) {
        singular++;
        continue; // redrawn from its own stream
      }
      // Normal equations of m ~ 1 + x + d on the weighted rows, solved by Gaussian elimination.
      const A = [
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ];
      for (let i = 0; i < n; i++) {
        const r = [1, x[i], d[i]];
        for (let a = 0; a < 3; a++) {
          for (let c = 0; c < 3; c++) A[a][c] += counts[i] * r[a] * r[c];
          A[a][3] += counts[i] * r[a] * mm[i];
        }
      }
      for (let c = 0; c < 3; c++)
        for (let r = c + 1; r < 3; r++) {
          const f = A[r][c] / A[c][c];
          for (let k = c; k < 4; k++) A[r][k] -= f * A[c][k];
        }
      const beta = [0, 0, 0];
      for (let r = 2; r >= 0; r--) beta[r] = (A[r][3] - A[r].slice(r + 1, 3).reduce((s, v, k) => s + v * beta[r + 1 + k], 0)) / A[r][r];
      for (let c = 0; c < 3; c++) expect(draws.coefs[b * 3 + c], `resample ${b}, coefficient ${c}`).to.be.closeTo(beta[c], 1e-9);
    }
    expect(singular).to.be.greaterThan(20);
    expect(draws.replaced).to.be.at.least(singular);
  });

  it("the JavaScript cross-products give the same bits as WebAssembly SIMD", () => {
    const n = data.x.length;
    const master = [new Float64Array(n).fill(1), ...["x", "c1", "m1", "y"].map((k) => Float64Array.from(data[k]))];
    const eqs = [
      { predictors: [0, 1, 2], outcome: 3 },
      { predictors: [0, 1, 3, 2], outcome: 4 },
    ];
    const z = rowMajor(master);
    const a = bootstrapCoefficients(z, n, 5, eqs, 999, new Rng(4), { threads: 1, sdColumns: [1, 4] });
    const b = bootstrapCoefficients(z, n, 5, eqs, 999, new Rng(4), { threads: 1, sdColumns: [1, 4], engine: "js" });
    expect(Array.from(a.coefs)).to.deep.equal(Array.from(b.coefs));
    expect(Array.from(a.sds)).to.deep.equal(Array.from(b.sds));
  });

  it("resample b reads positions b·n … of the one seeded stream (so chunks can start anywhere)", () => {
    const n = data.x.length;
    const master = [new Float64Array(n).fill(1), ...["x", "m1"].map((k) => Float64Array.from(data[k]))];
    const eqs = [{ predictors: [0, 1], outcome: 2 }];
    const z = rowMajor(master);
    const all = bootstrapCoefficients(z, n, 3, eqs, 40, new Rng(77), { threads: 1 });
    // Resample 37 by hand: skip 37·n numbers, count the next n.
    const g = new Rng(77);
    for (let i = 0; i < 37 * n; i++) g.nextUint32();
    const counts = new Float64Array(n);
    g.addResampleCounts(counts, 0, n);
    let sw = 0,
      sx = 0,
      sy = 0,
      sxx = 0,
      sxy = 0;
    for (let i = 0; i < n; i++) {
      const w = counts[i],
        x = data.x[i],
        y = data.m1[i];
      sw += w;
      sx += w * x;
      sy += w * y;
      sxx += w * x * x;
      sxy += w * x * y;
    }
    const slope = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
    expect(all.coefs[37 * 2 + 1]).to.be.closeTo(slope, 1e-10);
  });
});
