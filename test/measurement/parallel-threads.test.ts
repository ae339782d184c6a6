/**
 * faParallel on several threads (issue 18): identical simulated and resampled eigenvalues on 1, 2
 * and 3 threads, also when worker threads compute every replication.
 */
import { expect } from "chai";
import { faParallel } from "../../src/measurement";
import { lastParallelRun, parallelTestHooks, shutdownWorkers } from "../../src/simulate/parallel";
import { bfi, BFI_ITEMS } from "./bfi";

describe("faParallel: every core (issue 18)", function () {
  this.timeout(180000);
  const saved = { ...parallelTestHooks };
  afterEach(() => Object.assign(parallelTestHooks, saved));
  after(() => shutdownWorkers());

  it("threads 1, 2 and 3 give identical results (raw data: resampled and simulated)", () => {
    const items = BFI_ITEMS.slice(0, 10);
    const d = bfi();
    const one = faParallel(d, items, { nIter: 9, seed: 5, threads: 1 });
    parallelTestHooks.callerComputes = false;
    parallelTestHooks.stallMs = 60000;
    for (const threads of [2, 3]) {
      const r = faParallel(d, items, { nIter: 9, seed: 5, threads });
      expect(lastParallelRun!.workerChunks).to.equal(9);
      expect(r.simulated, `threads ${threads}`).to.deep.equal(one.simulated);
      expect(r.resampled, `threads ${threads}`).to.deep.equal(one.resampled);
      expect([r.nfact, r.ncomp]).to.deep.equal([one.nfact, one.ncomp]);
    }
  });
});
