/**
 * Tasks for the parallel runner's tests (worker threads load them from this file).
 */
import { PathlabError } from "../../src/errors";
import { itemRng } from "../../src/simulate/rng";
import { parallelTask, runParallel } from "../../src/simulate/parallel";

/** Mean of n uniforms per item, each item on its own stream. */
export const meanTask = parallelTask(__filename, "meanTask", (input: { seed: number; n: number }, from: number, to: number) => {
  const out = new Float64Array(to - from);
  for (let k = from; k < to; k++) {
    const g = itemRng(input.seed, k);
    let s = 0;
    for (let i = 0; i < input.n; i++) s += g.uniform();
    out[k - from] = s / input.n;
  }
  return out;
});

/** Fails at the listed items (a PathlabError naming the item). */
export const failTask = parallelTask(__filename, "failTask", (input: { failAt: number[]; spinMs: number }, from: number, to: number) => {
  for (let k = from; k < to; k++) {
    const t0 = Date.now();
    while (Date.now() - t0 < input.spinMs) {
      /* busy */
    }
    if (input.failAt.includes(k)) throw new PathlabError(`item ${k} failed`, { code: "simulate.bad-input", hint: "a hint" });
  }
  return to - from;
});

/**
 * Spins `spinMs` per item and counts finished items in a shared counter (slot 0) and the items
 * started after the job was cancelled (slot 1), so a test can see every thread stop.
 */
export const spinTask = parallelTask(
  __filename,
  "spinTask",
  (input: { counter: SharedArrayBuffer; spinMs: number }, from: number, to: number, ctx: { readonly cancelled: boolean }) => {
    const c = new Int32Array(input.counter);
    for (let k = from; k < to; k++) {
      if (ctx.cancelled) Atomics.add(c, 1, 1);
      const t0 = Date.now();
      while (Date.now() - t0 < input.spinMs) {
        /* busy */
      }
      Atomics.add(c, 0, 1);
    }
    return to - from;
  },
);

/** Runs a whole inner job per item (a bootstrap inside a power simulation, say). */
export const nestedTask = parallelTask(__filename, "nestedTask", (input: { seed: number }, from: number, to: number) => {
  const out = new Float64Array(to - from);
  for (let k = from; k < to; k++) {
    const inner = runParallel(meanTask, { seed: input.seed + k, n: 20 }, { count: 12, chunkSize: 3 });
    out[k - from] = inner.results.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0);
  }
  return out;
});
