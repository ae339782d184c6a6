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
    let sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (let i = 0; i < n; i++) {
      const w = counts[i], x = data.x[i], y = data.m1[i];
      sw += w; sx += w * x; sy += w * y; sxx += w * x * x; sxy += w * x * y;
    }
    const slope = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
    expect(all.coefs[37 * 2 + 1]).to.be.closeTo(slope, 1e-10);
  });
});
