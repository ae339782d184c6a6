/**
 * Resampling on every core. A job is `count` independent items (bootstrap resamples, simulated
 * replications, parallel-analysis iterations) cut into chunks of `chunkSize`; the calling thread
 * and up to `threads − 1` worker threads claim chunks from a shared counter until none are left,
 * and the results come back in chunk order.
 *
 * Results do not depend on the number of threads, provided the task keeps two rules: item k draws
 * its random numbers from a stream fixed by (seed, k) — e.g. `itemRng(seed, k)`, or a jump of one
 * seeded stream to k·m (`Rng.jump`) — never from a generator shared across items; and the caller
 * combines chunk results in chunk order (they arrive that way), with `chunkSize` chosen from the
 * job alone, not from the thread count. Then a run on 1, 2 or 16 threads gives identical bits.
 *
 * Threads. Workers are started on first use and kept (unref'd, so they never hold the process
 * open); a later job reuses them. They load the task's module themselves — from `dist/` in a
 * notebook, from the TypeScript sources under tsx (tests, benches) — so only the task's input
 * crosses threads, once per job. The calling thread works too and starts at once, so a job never
 * waits for a worker to boot; workers join as they come up. A worker that fails to load, dies or
 * hangs costs speed, not results: the calling thread computes whatever is left, and finally any
 * chunk a worker holds for too long.
 *
 * Synchronous and asynchronous. `runParallel` blocks the calling thread (in Atomics.wait between
 * its own chunks), so synchronous APIs such as `process()` use every core without changing their
 * signature. `runParallelAsync` yields to the event loop between chunks, so a notebook progress bar
 * updates and a kernel interrupt arrives while it runs.
 *
 * Cancellation. `cancel` (the kernel's interrupt flag by default) is checked between chunks; once
 * set, no thread claims another chunk, the async runner terminates the workers still busy with the
 * job, and the call throws the cancellation error. If the calling thread itself is terminated
 * mid-job (a synchronous cell interrupted by the kernel, whose breakOnSigint also ends an
 * Atomics.wait), a callback the job left for the next turn of the event loop cancels it, so the
 * workers stop after their current chunk; should the loop never turn, they stop when the caller's
 * heartbeat has been silent for a few seconds, and the next job cancels any stale one at once.
 *
 * Errors. A chunk that throws stops the chunks after it; the error thrown is the one of the lowest
 * failing chunk — the one a sequential run would have met first — with its PathlabError code and
 * hint.
 *
 * For a SEM bootstrap or `powerSem`: make the task's input plain data (data matrix, the model as
 * its parameter table, options, the seed or generator state) and rebuild the model inside `run`
 * (cache it per input in a WeakMap, as src/process/bootstrap.ts caches its solver, so each thread
 * builds it once per job). A bootstrap resample's means and covariances are weighted cross-products
 * of the data (src/math/crossprod.ts); its row counts come from `Rng.countResample` on a stream
 * jumped to b·N (`Rng.jump`), as PROCESS does, so the draws are those of one sequential pass. A
 * replication of `powerSem` draws its data from `itemRng(seed, k)`. Return per-chunk arrays
 * (estimates, convergence flags) and concatenate them in chunk order.
 *
 * @example
 * // In a module of the library (the worker loads the task from the same file):
 * export const meanTask = parallelTask(__filename, "meanTask", (input: { seed: number; n: number }, from, to) => {
 *   const out = new Float64Array(to - from);
 *   for (let k = from; k < to; k++) {
 *     const g = itemRng(input.seed, k); // item k's own stream
 *     let s = 0;
 *     for (let i = 0; i < input.n; i++) s += g.uniform();
 *     out[k - from] = s / input.n;
 *   }
 *   return out;
 * });
 * // A caller (a SEM bootstrap, powerSem, …):
 * const { results } = runParallel(meanTask, { seed: 1, n: 100 }, { count: 10000, chunkSize: 250, onProgress });
 * const means = concatChunks(results); // identical for any `threads`
 */
import * as os from "os";
import * as path from "path";
import { isMainThread, MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from "worker_threads";
import { PathlabError, type ErrorCode } from "../errors";
import {
  CANCEL,
  DONE,
  FINISHED,
  FREE,
  GRACE,
  HEADER,
  HEARTBEAT,
  MAIN,
  MIN_ERROR,
  NEXT,
  WORKER,
  clockMs,
  recordError,
  type JobMessage,
  type ResultMessage,
  type SerializedError,
} from "./parallel-protocol";

/** What a running chunk can ask: whether the job was cancelled (a long chunk may stop early). */
export interface TaskContext {
  readonly cancelled: boolean;
}

/**
 * A unit of parallel work: `run(input, from, to)` computes items [from, to) and returns a value
 * that can cross threads (numbers, plain objects, arrays, typed arrays). `module` is the file that
 * exports the task under `name` (pass `__filename`), from which worker threads load it.
 */
export interface ParallelTask<I, R> {
  readonly module: string;
  readonly name: string;
  readonly run: (input: I, from: number, to: number, ctx: TaskContext) => R;
}

/** Declares a task; export the returned object from `module` under `name`. */
export function parallelTask<I, R>(module: string, name: string, run: (input: I, from: number, to: number, ctx: TaskContext) => R): ParallelTask<I, R> {
  return Object.freeze({ module, name, run });
}

/**
 * A cancellation flag (the kernel's `cancellation()` has this shape): `cancelled` is polled between
 * chunks; `onCancel` lets the async runner stop at once.
 */
export interface CancellationFlag {
  readonly cancelled: boolean;
  onCancel?(fn: (err: Error) => void): () => void;
}

export interface ParallelOptions {
  /** Number of items. */
  count: number;
  /** Items per chunk: the unit of work a thread claims. Choose it from the job, never from `threads`. */
  chunkSize: number;
  /** Threads to use, the calling thread included (default: the machine's cores). */
  threads?: number;
  /** Called with (items done, count) as chunks finish, on the calling thread. */
  onProgress?: (done: number, total: number) => void;
  /** Stops the job when set (default: the kernel's interrupt; see the module comment). */
  cancel?: CancellationFlag;
  /** The error a cancelled job throws (default: the kernel's `kernel.interrupted` PathlabError). */
  cancelError?: () => Error;
}

export interface ParallelRun<R> {
  /** One result per chunk, in chunk order. */
  results: R[];
  /** Threads the job was given (calling thread included). */
  threads: number;
  /** Chunks computed by worker threads (the rest by the calling thread). */
  workerChunks: number;
}

/** The machine's cores (Node's availableParallelism), the default `threads`. */
export function defaultThreads(): number {
  const f = (os as { availableParallelism?: () => number }).availableParallelism;
  return Math.max(1, typeof f === "function" ? f() : os.cpus().length);
}

/** Concatenates chunk results that are typed arrays of one kind. */
export function concatChunks(parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((s, p) => s + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/**
 * The kernel's interrupt flag and its error (src/display/notebook.ts), loaded on first use so that
 * worker threads, which only run tasks, never load the display layer.
 */
function kernelCancellation(): { flag: CancellationFlag; error: () => Error } {
  const nb = require("../display/notebook") as typeof import("../display/notebook");
  return { flag: nb.cancellation(), error: nb.interruptedError };
}

function rebuildError(e: SerializedError): Error {
  // a PathlabError thrown in a worker carries its ErrorCode across the thread boundary as a string
  const err =
    e.name === "PathlabError" ? new PathlabError(e.message, { code: (e.code ?? "parallel.worker-failed") as ErrorCode, hint: e.hint }) : new Error(e.message);
  if (e.name !== "PathlabError") err.name = e.name;
  if (e.stack) err.stack = e.stack;
  return err;
}

// ---------------------------------------------------------------------------------------------
// The pool of worker threads.

interface PoolWorker {
  worker: Worker;
  port: MessagePort;
  alive: boolean;
}

/**
 * Test hooks. `callerComputes: false` leaves every chunk to the workers (to prove that results do
 * not depend on who computed them); `graceMs` is how long workers wait for a silent caller;
 * `stallMs` how long the caller waits for a worker's chunk before computing it itself.
 * @internal
 */
export const parallelTestHooks = { callerComputes: true, graceMs: 5000, stallMs: 2000 };

/** Chunks and who computed them in the last job that finished (for tests). @internal */
export let lastParallelRun: { chunks: number; threads: number; workerChunks: number } | null = null;

const pool: PoolWorker[] = [];
let jobCounter = 0;
/** Jobs whose results are still being collected, by id. */
const liveJobs = new Map<number, { accept(msg: ResultMessage): void }>();
/** Control blocks of synchronous jobs whose calling thread has not returned (to cancel them if it never does). */
const openJobs = new Set<Int32Array>();

/**
 * Depth of library callbacks (a chunk computed on this thread, a progress callback) the calling
 * thread is inside. A job started there is nested in a running job: it runs on this thread alone
 * and must not take the running job for a stale one. Sync code cannot span turns of the event
 * loop, so the depth is reset at the next turn — also after a caller was terminated inside one.
 */
let nesting = 0;
let nestingReset = false;

function enterCallback(): void {
  nesting++;
  if (!nestingReset) {
    nestingReset = true;
    setImmediate(() => {
      nesting = 0;
      nestingReset = false;
    });
  }
}

function leaveCallback(): void {
  if (nesting > 0) nesting--;
}

/** The worker script next to this module, with tsx registered first when running from sources. */
function bootstrapCode(): { code: string; data: Record<string, unknown> } {
  const ext = path.extname(__filename);
  const entry = path.join(__dirname, "parallel-worker" + ext);
  const tsx = ext === ".ts" ? require.resolve("tsx/cjs") : null;
  const code = 'const { workerData } = require("worker_threads"); if (workerData.tsx) require(workerData.tsx); require(workerData.entry);';
  return { code, data: { entry, tsx } };
}

function spawn(): PoolWorker {
  const { Worker: W } = require("worker_threads") as typeof import("worker_threads");
  const { port1, port2 } = new MessageChannel();
  const { code, data } = bootstrapCode();
  const worker = new W(code, { eval: true, workerData: { ...data, port: port2 }, transferList: [port2] });
  const pw: PoolWorker = { worker, port: port1, alive: true };
  const drop = () => {
    pw.alive = false;
    const i = pool.indexOf(pw);
    if (i >= 0) pool.splice(i, 1);
  };
  worker.on("exit", drop);
  // A worker that fails to start only slows the job down (the calling thread does its share).
  worker.on("error", drop);
  worker.unref();
  port1.unref();
  pool.push(pw);
  return pw;
}

function workersFor(k: number): PoolWorker[] {
  while (pool.filter((w) => w.alive).length < k) spawn();
  return pool.filter((w) => w.alive).slice(0, k);
}

/** Terminates every pooled worker (tests; a long-lived script that wants its memory back). */
export async function shutdownWorkers(): Promise<void> {
  const all = pool.splice(0, pool.length);
  await Promise.all(
    all.map((w) => {
      w.alive = false;
      return w.worker.terminate();
    }),
  );
}

/** Number of live pooled workers (for tests). */
export function poolSize(): number {
  return pool.filter((w) => w.alive).length;
}

// ---------------------------------------------------------------------------------------------
// A job as the calling thread sees it.

class Job<I, R> {
  readonly id = ++jobCounter;
  readonly chunks: number;
  readonly ctrl: Int32Array;
  readonly results: (R | undefined)[];
  readonly errors = new Map<number, Error>();
  readonly workers: PoolWorker[];
  workerChunks = 0;
  private longestMs = 0;
  private reported = -1;

  readonly o: ParallelOptions;

  constructor(
    readonly task: ParallelTask<I, R>,
    readonly input: I,
    options: ParallelOptions,
    readonly threads: number,
    sync: boolean,
  ) {
    if (options.cancel === undefined) {
      const k = kernelCancellation();
      options = { ...options, cancel: k.flag, cancelError: options.cancelError ?? k.error };
    }
    this.o = options;
    const o = options;
    this.chunks = Math.ceil(o.count / o.chunkSize);
    this.results = new Array(this.chunks);
    // A synchronous job still open when another top-level job starts is one whose calling thread
    // never came back (terminated mid-wait): cancel it.
    if (nesting === 0) {
      for (const stale of openJobs) Atomics.store(stale, CANCEL, 1);
      openJobs.clear();
    }
    this.ctrl = new Int32Array(new SharedArrayBuffer(4 * (HEADER + this.chunks)));
    this.ctrl[MIN_ERROR] = this.chunks;
    this.ctrl[GRACE] = parallelTestHooks.graceMs;
    this.beat();
    if (sync) openJobs.add(this.ctrl);
    liveJobs.set(this.id, this);
    this.workers = threads > 1 ? workersFor(threads - 1) : [];
    const msg: JobMessage = {
      type: "job",
      id: this.id,
      module: task.module,
      name: task.name,
      input,
      count: o.count,
      chunkSize: o.chunkSize,
      chunks: this.chunks,
      control: this.ctrl.buffer as SharedArrayBuffer,
    };
    for (const w of this.workers) w.worker.postMessage(msg);
    if (sync && this.workers.length) {
      // A synchronous job ends before the event loop turns again — unless the calling thread was
      // terminated mid-job (an interrupted cell: the kernel's breakOnSigint). Then this runs at the
      // next turn and stops the workers at once.
      const ctrl = this.ctrl;
      setImmediate(() => {
        if (openJobs.delete(ctrl)) Atomics.store(ctrl, CANCEL, 1);
      });
    }
  }

  get done(): number {
    return Atomics.load(this.ctrl, DONE);
  }

  beat(): void {
    Atomics.store(this.ctrl, HEARTBEAT, clockMs());
  }

  /** Claims the next chunk for the calling thread, or −1 when all are claimed. */
  claim(): number {
    const c = Atomics.add(this.ctrl, NEXT, 1);
    if (c >= this.chunks) return -1;
    Atomics.store(this.ctrl, HEADER + c, MAIN);
    return c;
  }

  /** Computes chunk c here (claimed, or taken over from a worker that holds it too long). */
  compute(c: number, from: "MAIN" | "WORKER"): void {
    let result: R | undefined;
    let error: Error | undefined;
    const t0 = Date.now();
    if (c <= Atomics.load(this.ctrl, MIN_ERROR)) {
      const start = c * this.o.chunkSize;
      const ctrl = this.ctrl;
      const cancel = this.o.cancel;
      const ctx = {
        get cancelled() {
          return Atomics.load(ctrl, CANCEL) !== 0 || (cancel?.cancelled ?? false);
        },
      };
      enterCallback();
      try {
        result = this.task.run(this.input, start, Math.min(this.o.count, start + this.o.chunkSize), ctx);
      } catch (e) {
        recordError(this.ctrl, c);
        error = e instanceof Error ? e : new Error(String(e));
      } finally {
        leaveCallback();
      }
    }
    this.longestMs = Math.max(this.longestMs, Date.now() - t0);
    // Workers give up on a silent caller after GRACE ms; allow for the caller's own long chunks.
    Atomics.store(this.ctrl, GRACE, Math.max(parallelTestHooks.graceMs, 10 * this.longestMs));
    this.beat();
    const expect = from === "MAIN" ? MAIN : WORKER;
    if (Atomics.compareExchange(this.ctrl, HEADER + c, expect, FINISHED) === expect) {
      if (error) this.errors.set(c, error);
      else this.results[c] = result;
      Atomics.add(this.ctrl, DONE, 1);
    }
  }

  /**
   * Reads every result the workers have posted. A worker's port may also carry results of another
   * job running at the same time (an async job and a sync one): those go to their own job.
   */
  collect(): void {
    for (const w of this.workers) {
      for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) {
        const msg = m.message as ResultMessage;
        liveJobs.get(msg.job)?.accept(msg);
      }
    }
  }

  accept(msg: ResultMessage): void {
    if (msg.chunk < 0) return;
    if ("error" in msg) this.errors.set(msg.chunk, rebuildError(msg.error));
    else if ("result" in msg) this.results[msg.chunk] = msg.result as R;
    this.workerChunks++;
  }

  progress(): void {
    const d = this.done;
    if (!this.o.onProgress || d === this.reported) return;
    this.reported = d;
    enterCallback();
    try {
      this.o.onProgress(d === this.chunks ? this.o.count : Math.min(this.o.count, d * this.o.chunkSize), this.o.count);
    } finally {
      leaveCallback();
    }
  }

  /** Throws if the job was cancelled (and tells the workers). */
  checkCancel(): void {
    if (this.o.cancel?.cancelled || Atomics.load(this.ctrl, CANCEL) !== 0) {
      Atomics.store(this.ctrl, CANCEL, 1);
      throw (this.o.cancelError ?? kernelCancellation().error)();
    }
  }

  /** A chunk a worker has held for longer than it should: the calling thread computes it too. */
  stalledChunk(): { c: number; from: "MAIN" | "WORKER" } | null {
    for (let c = 0; c < this.chunks; c++) {
      const s = Atomics.load(this.ctrl, HEADER + c);
      if (s === WORKER) return { c, from: "WORKER" };
      if (s === FREE && Atomics.compareExchange(this.ctrl, HEADER + c, FREE, MAIN) === FREE) return { c, from: "MAIN" };
    }
    return null;
  }

  stallMs(): number {
    return Math.max(parallelTestHooks.stallMs, 4 * this.longestMs);
  }

  /** The finished-chunk count at the last change (what a blocking wait waits to see change). */
  watchedDone = 0;
  private lastChange = 0;

  /** Starts timing progress: from now, a wait without a finished chunk counts towards a stall. */
  startStallWatch(): void {
    this.watchedDone = this.done;
    this.lastChange = Date.now();
  }

  /** After a wait: when no chunk has finished for longer than stallMs(), the calling thread computes a held one. */
  rescueIfStalled(): void {
    if (this.done !== this.watchedDone) {
      this.watchedDone = this.done;
      this.lastChange = Date.now();
    } else if (Date.now() - this.lastChange > this.stallMs()) {
      const s = this.stalledChunk();
      if (s) this.compute(s.c, s.from);
      this.lastChange = Date.now();
    }
  }

  finish(): ParallelRun<R> {
    openJobs.delete(this.ctrl);
    liveJobs.delete(this.id);
    const first = Atomics.load(this.ctrl, MIN_ERROR);
    if (first < this.chunks) {
      throw this.errors.get(first) ?? new PathlabError("A parallel chunk failed without an error message.", { code: "parallel.worker-failed" });
    }
    lastParallelRun = { chunks: this.chunks, threads: this.threads, workerChunks: this.workerChunks };
    return { results: this.results as R[], threads: this.threads, workerChunks: this.workerChunks };
  }

  /** Stops the workers from claiming more and forgets the job. */
  abandon(): void {
    Atomics.store(this.ctrl, CANCEL, 1);
    openJobs.delete(this.ctrl);
    liveJobs.delete(this.id);
  }
}

function resolveThreads(o: ParallelOptions, chunks: number): number {
  if (!(Number.isInteger(o.count) && o.count >= 0))
    throw new PathlabError(`runParallel: count must be a whole number ≥ 0, got ${o.count}.`, { code: "parallel.bad-option" });
  if (!(Number.isInteger(o.chunkSize) && o.chunkSize >= 1))
    throw new PathlabError(`runParallel: chunkSize must be a whole number ≥ 1, got ${o.chunkSize}.`, { code: "parallel.bad-option" });
  const t = o.threads ?? defaultThreads();
  if (!(Number.isInteger(t) && t >= 1))
    throw new PathlabError(`Option 'threads' must be a whole number ≥ 1, got ${t}.`, {
      hint: "e.g. threads: 2; leave it out to use every core.",
      code: "options.invalid",
    });
  // A job inside another job's chunk (or inside a worker) runs on its own thread: the cores are busy.
  return isMainThread && nesting === 0 ? Math.max(1, Math.min(t, chunks)) : 1;
}

/**
 * Runs `task` over `count` items on up to `threads` threads and returns the chunk results in order,
 * blocking the calling thread until all are in. See the module comment for the guarantees.
 */
export function runParallel<I, R>(task: ParallelTask<I, R>, input: I, options: ParallelOptions): ParallelRun<R> {
  const chunks = Math.ceil(options.count / options.chunkSize);
  const threads = resolveThreads(options, chunks);
  const job = new Job(task, input, options, threads, true);
  let ok = false;
  try {
    for (let c = parallelTestHooks.callerComputes || threads === 1 ? job.claim() : -1; c >= 0; c = job.claim()) {
      job.checkCancel();
      job.compute(c, "MAIN");
      job.collect();
      job.progress();
    }
    job.startStallWatch();
    while (job.done < job.chunks) {
      Atomics.wait(job.ctrl, DONE, job.watchedDone, 20);
      job.beat();
      job.collect();
      job.progress();
      job.checkCancel();
      job.rescueIfStalled();
    }
    job.collect();
    job.progress();
    ok = true;
    return job.finish();
  } finally {
    if (!ok) job.abandon();
  }
}

/**
 * `runParallel` without blocking: the calling thread yields to the event loop between its chunks
 * and while it waits, so progress bars update and an interrupt stops the job at once (workers still
 * computing a chunk of it are terminated; the pool starts new ones when next needed).
 */
export async function runParallelAsync<I, R>(task: ParallelTask<I, R>, input: I, options: ParallelOptions): Promise<ParallelRun<R>> {
  const chunks = Math.ceil(options.count / options.chunkSize);
  const threads = resolveThreads(options, chunks);
  const job = new Job(task, input, options, threads, false);
  let cancelled: Error | null = null;
  let wake: () => void = () => {};
  const unregister = job.o.cancel?.onCancel?.((err) => {
    cancelled = err;
    Atomics.store(job.ctrl, CANCEL, 1);
    // Workers busy with this job stop now rather than after their chunk.
    for (const w of job.workers) void w.worker.terminate();
    wake();
  });
  const check = () => {
    if (cancelled) throw cancelled;
    job.checkCancel();
  };
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        wake = () => {};
        resolve();
      }
      wake = done;
    });
  let ok = false;
  try {
    for (let c = parallelTestHooks.callerComputes || threads === 1 ? job.claim() : -1; c >= 0; c = job.claim()) {
      check();
      job.compute(c, "MAIN");
      job.collect();
      job.progress();
      await new Promise<void>((r) => setImmediate(r));
    }
    job.startStallWatch();
    while (job.done < job.chunks) {
      await pause(10);
      job.beat();
      job.collect();
      job.progress();
      check();
      job.rescueIfStalled();
    }
    job.collect();
    job.progress();
    ok = true;
    return job.finish();
  } finally {
    unregister?.();
    if (!ok) job.abandon();
  }
}

/**
 * A generator for item k of a job seeded with `seed`: its own stream, independent of which thread
 * runs it (a 53-bit hash of (seed, k) as the stream key).
 */
export { itemRng } from "./rng";
