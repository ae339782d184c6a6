/**
 * The parallel runner (src/simulate/parallel.ts): identical results on 1, 2 and 3 threads (also
 * when the workers compute every chunk), errors as a sequential run would throw them, progress,
 * and cancellation stopping every thread — by a flag, by the async interrupt hook (workers
 * terminated), and when the calling thread itself is terminated mid-wait (workers see the missing
 * heartbeat; the next job cancels the stale one at once).
 */
import { expect } from "chai";
import * as vm from "vm";
import { PathlabError } from "../../src/errors";
import { concatChunks, parallelTestHooks, poolSize, runParallel, runParallelAsync, shutdownWorkers, type CancellationFlag } from "../../src/simulate/parallel";
import { abandoned, clockMs, GRACE, HEADER, HEARTBEAT } from "../../src/simulate/parallel-protocol";
import { failTask, meanTask, nestedTask, spinTask } from "./parallel-tasks";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts `k` pooled workers and lets them load the test tasks (they must compute this job). */
function warm(k: number): void {
  const saved = { ...parallelTestHooks };
  parallelTestHooks.callerComputes = false;
  parallelTestHooks.stallMs = 60000;
  try {
    runParallel(spinTask, { counter: new SharedArrayBuffer(8), spinMs: 10 }, { count: 40, chunkSize: 1, threads: k + 1 });
  } finally {
    Object.assign(parallelTestHooks, saved);
  }
}

/** A flag the test sets by hand, with the async hook the kernel's flag offers. */
function manualFlag(): CancellationFlag & { set(): void } {
  let on = false;
  const fns: ((e: Error) => void)[] = [];
  return {
    get cancelled() {
      return on;
    },
    onCancel(fn) {
      fns.push(fn);
      return () => fns.splice(fns.indexOf(fn), 1);
    },
    set() {
      on = true;
      for (const f of fns.slice()) f(new PathlabError("Interrupted: test", { code: "kernel.interrupted" }));
    },
  };
}

describe("simulate/parallel: the resampling runner", function () {
  this.timeout(120000);
  const saved = { ...parallelTestHooks };
  afterEach(() => Object.assign(parallelTestHooks, saved));
  after(() => shutdownWorkers());

  it("gives identical results on 1, 2 and 3 threads, also when workers compute every chunk", () => {
    const input = { seed: 7, n: 500 };
    const opts = { count: 300, chunkSize: 7 };
    const one = concatChunks(runParallel(meanTask, input, { ...opts, threads: 1 }).results);
    expect(one.length).to.equal(300);
    warm(2);
    parallelTestHooks.callerComputes = false;
    parallelTestHooks.stallMs = 60000;
    for (const threads of [2, 3]) {
      const run = runParallel(meanTask, input, { ...opts, threads });
      expect(run.workerChunks, `threads ${threads}: chunks computed by workers`).to.equal(Math.ceil(300 / 7));
      expect(Array.from(concatChunks(run.results))).to.deep.equal(Array.from(one));
    }
    parallelTestHooks.callerComputes = true;
    const mixed = runParallel(meanTask, input, { ...opts, threads: 3 });
    expect(Array.from(concatChunks(mixed.results))).to.deep.equal(Array.from(one));
    // A different seed gives different numbers (the items really are drawn from the seed).
    expect(concatChunks(runParallel(meanTask, { seed: 8, n: 500 }, { ...opts, threads: 1 }).results)[0]).to.not.equal(one[0]);
  });

  it("async runs give the same results", async () => {
    const input = { seed: 3, n: 200 };
    const one = concatChunks(runParallel(meanTask, input, { count: 100, chunkSize: 3, threads: 1 }).results);
    parallelTestHooks.callerComputes = false;
    parallelTestHooks.stallMs = 60000;
    const two = await runParallelAsync(meanTask, input, { count: 100, chunkSize: 3, threads: 2 });
    expect(two.workerChunks).to.equal(34);
    expect(Array.from(concatChunks(two.results))).to.deep.equal(Array.from(one));
  });

  it("throws the error of the lowest failing chunk, with its code and hint, whatever the threads", () => {
    for (const threads of [1, 3]) {
      let err: unknown;
      try {
        runParallel(failTask, { failAt: [95, 37, 160], spinMs: 0 }, { count: 200, chunkSize: 10, threads });
      } catch (e) {
        err = e;
      }
      expect(err, `threads ${threads}`).to.be.instanceOf(PathlabError);
      expect((err as PathlabError).message).to.equal("item 37 failed");
      expect((err as PathlabError).code).to.equal("simulate.bad-input");
      expect((err as PathlabError).hint).to.equal("a hint");
    }
  });

  it("reports progress up to the count, never backwards", () => {
    for (const threads of [1, 2]) {
      const seen: number[] = [];
      runParallel(
        meanTask,
        { seed: 1, n: 50 },
        {
          count: 1000,
          chunkSize: 30,
          threads,
          onProgress: (d, t) => {
            expect(t).to.equal(1000);
            seen.push(d);
          },
        },
      );
      // One call per chunk on one thread; with workers, chunks finished meanwhile are reported together.
      if (threads === 1) expect(seen.length).to.equal(34);
      expect(seen[seen.length - 1]).to.equal(1000);
      for (let i = 1; i < seen.length; i++) expect(seen[i]).to.be.at.least(seen[i - 1]);
    }
  });

  it("a cancellation flag stops every thread: no chunk starts afterwards", () => {
    warm(2);
    const counter = new SharedArrayBuffer(8);
    const c = new Int32Array(counter);
    const flag = manualFlag();
    let err: unknown;
    try {
      runParallel(
        spinTask,
        { counter, spinMs: 2 },
        {
          count: 5000,
          chunkSize: 5,
          threads: 3,
          cancel: flag,
          onProgress: (d) => {
            if (d >= 100) flag.set();
          },
        },
      );
    } catch (e) {
      err = e;
    }
    expect((err as PathlabError).code).to.equal("kernel.interrupted");
    const at = Atomics.load(c, 0);
    // Each thread finishes at most the chunk it was in (5 items × 2 ms).
    const t0 = Date.now();
    while (Date.now() - t0 < 200) {
      /* let the workers notice */
    }
    expect(Atomics.load(c, 0) - at, "items finished after the cancellation").to.be.at.most(3 * 5);
    expect(Atomics.load(c, 0)).to.be.below(400);
  });

  it("the async interrupt hook rejects at once and terminates the busy workers", async () => {
    warm(2);
    const before = poolSize();
    expect(before).to.be.at.least(2);
    const counter = new SharedArrayBuffer(8);
    const c = new Int32Array(counter);
    const flag = manualFlag();
    const p = runParallelAsync(spinTask, { counter, spinMs: 20 }, { count: 4000, chunkSize: 50, threads: 3, cancel: flag });
    await sleep(300);
    const t0 = Date.now();
    flag.set();
    let err: unknown;
    try {
      await p;
    } catch (e) {
      err = e;
    }
    expect((err as PathlabError).code).to.equal("kernel.interrupted");
    // The caller's own chunk (50 × 20 ms) may finish first; the workers are gone at once.
    expect(Date.now() - t0).to.be.below(1500);
    await sleep(200);
    expect(poolSize(), "workers left in the pool").to.equal(before - 2);
    const at = Atomics.load(c, 0);
    await sleep(300);
    expect(Atomics.load(c, 0), "items finished after the interrupt").to.equal(at);
  });

  it("a caller terminated mid-wait (an interrupted synchronous cell): its workers stop at the next turn of the event loop", async () => {
    warm(2);
    parallelTestHooks.graceMs = 60000; // no help from the heartbeat
    const counter = new SharedArrayBuffer(8);
    const c = new Int32Array(counter);
    // vm's timeout terminates the script the way the kernel's breakOnSigint does: no finally runs.
    const run = () => runParallel(spinTask, { counter, spinMs: 5 }, { count: 100000, chunkSize: 4, threads: 3 });
    expect(() => vm.runInNewContext("run()", { run }, { timeout: 300 })).to.throw(/timed out/);
    expect(Atomics.load(c, 0)).to.be.greaterThan(0);
    await sleep(500); // the next turn cancels the job; a worker finishes its chunk (4 × 5 ms)
    const at = Atomics.load(c, 0);
    await sleep(500);
    expect(Atomics.load(c, 0) - at, "items finished after the caller vanished").to.equal(0);
    expect(at).to.be.below(2000);
  });

  it("workers give up on a caller whose heartbeat is silent for the grace period", () => {
    const ctrl = new Int32Array(new SharedArrayBuffer(4 * HEADER));
    ctrl[GRACE] = 1000;
    ctrl[HEARTBEAT] = clockMs();
    expect(abandoned(ctrl)).to.equal(false);
    ctrl[HEARTBEAT] = clockMs() - 1500;
    expect(abandoned(ctrl)).to.equal(true);
    // Across the int32 wrap of the clock.
    ctrl[HEARTBEAT] = 2147483000;
    ctrl[GRACE] = 2147483647;
    expect(abandoned(ctrl)).to.equal(false);
  });

  it("a new job cancels a stale one at once", async () => {
    warm(2);
    parallelTestHooks.graceMs = 60000;
    const counter = new SharedArrayBuffer(8);
    const c = new Int32Array(counter);
    const run = () => {
      runParallel(spinTask, { counter, spinMs: 5 }, { count: 100000, chunkSize: 4, threads: 3 });
    };
    // Terminated, and the next job starts before the event loop turns.
    expect(() => vm.runInNewContext("run()", { run }, { timeout: 300 })).to.throw(/timed out/);
    const r = concatChunks(runParallel(meanTask, { seed: 1, n: 10 }, { count: 40, chunkSize: 1, threads: 3 }).results);
    expect(r.length).to.equal(40);
    const after = Atomics.load(c, 0);
    await sleep(300);
    expect(Atomics.load(c, 0) - after, "items of the stale job finished after the next job began").to.be.at.most(2 * 4);
  });

  it("a job inside another job's chunk runs on its thread and leaves the outer job alone", () => {
    const one = concatChunks(runParallel(nestedTask, { seed: 3 }, { count: 24, chunkSize: 2, threads: 1 }).results);
    const three = runParallel(nestedTask, { seed: 3 }, { count: 24, chunkSize: 2, threads: 3 });
    expect(Array.from(concatChunks(three.results))).to.deep.equal(Array.from(one));
  });

  it("a synchronous job started while an async one runs does not cancel it", async () => {
    warm(2);
    const counter = new SharedArrayBuffer(8);
    const p = runParallelAsync(spinTask, { counter, spinMs: 2 }, { count: 400, chunkSize: 10, threads: 3 });
    await sleep(50);
    const r = runParallel(meanTask, { seed: 1, n: 10 }, { count: 40, chunkSize: 1, threads: 3 });
    expect(concatChunks(r.results).length).to.equal(40);
    const done = await p;
    expect(done.results.reduce((s, x) => s + x, 0)).to.equal(400);
  });

  it("a task whose module workers cannot load still completes (on the calling thread)", () => {
    const broken = { ...meanTask, module: "/nonexistent/pathlab-task.js" };
    const r = runParallel(broken, { seed: 5, n: 20 }, { count: 30, chunkSize: 2, threads: 3 });
    const ref = runParallel(meanTask, { seed: 5, n: 20 }, { count: 30, chunkSize: 2, threads: 1 });
    expect(Array.from(concatChunks(r.results))).to.deep.equal(Array.from(concatChunks(ref.results)));
  });

  it("refuses bad options with named errors", () => {
    const bad = (o: object) => () => runParallel(meanTask, { seed: 1, n: 1 }, { count: 10, chunkSize: 2, ...o });
    expect(bad({ threads: 0 })).to.throw(/threads/);
    expect(bad({ chunkSize: 0 })).to.throw(/chunkSize/);
    expect(bad({ count: -1 })).to.throw(/count/);
  });
});
