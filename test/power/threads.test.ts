/**
 * Monte Carlo power on several threads (issue 18): identical tables on 1, 2 and 3 threads, also
 * when worker threads compute every chunk, synchronously and with powerAsync.
 */
import { expect } from "chai";
import { powerAsync, powerMediation, powerModeratedMediation } from "../../src/power";
import { lastParallelRun, parallelTestHooks, shutdownWorkers } from "../../src/simulate/parallel";

describe("power: every core (issue 18)", function () {
  this.timeout(180000);
  const saved = { ...parallelTestHooks };
  afterEach(() => Object.assign(parallelTestHooks, saved));
  after(() => shutdownWorkers());

  const table = (r: ReturnType<typeof powerMediation>) => r.rows.map((x) => [x.n, x.power, x.meanEstimate, x.failed]);

  it("mediation (parallel mediators) and moderated mediation: threads 1, 2, 3 give identical tables", async () => {
    const med = { a: [0.3, 0.2], b: [0.2, 0.3], mediatorCor: 0.2 };
    const o = { n: [60, 100], reps: 170, draws: 400, seed: 13 };
    const one = table(powerMediation(med, { ...o, threads: 1 }));
    const oneMM = table(powerModeratedMediation({ a1: 0.3, a2: 0.1, a3: 0.2, b: 0.3 }, { ...o, threads: 1 }));
    parallelTestHooks.callerComputes = false;
    parallelTestHooks.stallMs = 60000;
    for (const threads of [2, 3]) {
      expect(table(powerMediation(med, { ...o, threads })), `sync, threads ${threads}`).to.deep.equal(one);
      expect(lastParallelRun!.workerChunks).to.equal(lastParallelRun!.chunks);
      expect(table(await powerAsync("mediation", med, { ...o, threads })), `async, threads ${threads}`).to.deep.equal(one);
      expect(table(powerModeratedMediation({ a1: 0.3, a2: 0.1, a3: 0.2, b: 0.3 }, { ...o, threads })), `moderated mediation, threads ${threads}`).to.deep.equal(
        oneMM,
      );
    }
  });

  it("reports the threads used and refuses threads: 0", () => {
    const r = powerMediation({ a: 0.3, b: 0.3 }, { n: 50, reps: 120, draws: 200, seed: 1, threads: 2 });
    expect(r.settings.threads).to.equal(2);
    expect(() => powerMediation({ a: 0.3, b: 0.3 }, { n: 50, reps: 10, threads: 0 })).to.throw(/option 'threads'/);
  });
});
