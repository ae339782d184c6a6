/**
 * What the parallel runner (parallel.ts) and its worker threads (parallel-worker.ts) share: the
 * layout of a job's control block in shared memory and the messages they exchange. Kept apart so
 * that a worker loads only this, the worker loop and the task's own module.
 *
 * Control block (Int32Array over a SharedArrayBuffer):
 *   NEXT       next chunk to claim (Atomics.add)
 *   DONE       chunks finished (a result or an error is posted before this is incremented)
 *   CANCEL     1 once the job is cancelled or abandoned: nobody claims another chunk
 *   MIN_ERROR  lowest chunk that failed (chunks after it are skipped; its error is the one thrown,
 *              as a sequential run would have thrown it)
 *   HEARTBEAT  the calling thread's clock (ms, mod 2^31) when it last looked at the job
 *   GRACE      ms of heartbeat silence after which workers treat the job as abandoned (the calling
 *              thread was terminated, e.g. a synchronous cell interrupted by the kernel)
 * followed by one state per chunk: FREE, WORKER (claimed by a worker), MAIN (taken over by the
 * calling thread), FINISHED.
 */

export const NEXT = 0;
export const DONE = 1;
export const CANCEL = 2;
export const MIN_ERROR = 3;
export const HEARTBEAT = 4;
export const GRACE = 5;
export const HEADER = 8;

export const FREE = 0;
export const WORKER = 1;
export const MAIN = 2;
export const FINISHED = 3;

/** The job as a worker receives it (structured-cloned once per worker). */
export interface JobMessage {
  type: "job";
  id: number;
  module: string;
  name: string;
  input: unknown;
  count: number;
  chunkSize: number;
  chunks: number;
  control: SharedArrayBuffer;
}

/** An error as it crosses threads (a PathlabError keeps its code and hint). */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  hint?: string;
  stack?: string;
}

/** What a worker posts on its result port. */
export type ResultMessage =
  | { job: number; chunk: number; result: unknown }
  | { job: number; chunk: number; error: SerializedError }
  | { job: number; chunk: -1; loadError: SerializedError };

export function serializeError(e: unknown): SerializedError {
  if (e instanceof Error) {
    const x = e as Error & { code?: unknown; hint?: unknown };
    return {
      name: e.name,
      message: e.message,
      code: typeof x.code === "string" ? x.code : undefined,
      hint: typeof x.hint === "string" ? x.hint : undefined,
      stack: e.stack,
    };
  }
  return { name: "Error", message: String(e) };
}

/** Milliseconds on a clock all threads share, folded into an int32. */
export function clockMs(): number {
  return (Date.now() % 2147483648) | 0;
}

/** True when the calling thread has not looked at the job for longer than its grace period. */
export function abandoned(ctrl: Int32Array): boolean {
  const silence = (clockMs() - Atomics.load(ctrl, HEARTBEAT) + 2147483648) % 2147483648;
  return silence > Atomics.load(ctrl, GRACE);
}

/** Lowers MIN_ERROR to `chunk` if that is lower (a lock-free minimum). */
export function recordError(ctrl: Int32Array, chunk: number): void {
  for (;;) {
    const cur = Atomics.load(ctrl, MIN_ERROR);
    if (chunk >= cur || Atomics.compareExchange(ctrl, MIN_ERROR, cur, chunk) === cur) return;
  }
}
