/**
 * A worker thread of the parallel runner (parallel.ts). It receives jobs, loads each job's task
 * from its module (cached), and claims chunks from the job's shared counter until none are left,
 * the job is cancelled, or the calling thread stopped looking after it. Each finished chunk's
 * result (or error) is posted on this worker's result port before the DONE counter moves, so the
 * calling thread, even blocked in Atomics.wait, finds every result when the count is complete.
 */
import { parentPort, workerData, type MessagePort } from "worker_threads";
import { PathlabError } from "../errors";
import {
  abandoned,
  CANCEL,
  DONE,
  FINISHED,
  FREE,
  HEADER,
  MIN_ERROR,
  NEXT,
  WORKER,
  recordError,
  serializeError,
  type JobMessage,
  type ResultMessage,
} from "./parallel-protocol";

type RunFn = (input: unknown, from: number, to: number, ctx: { readonly cancelled: boolean }) => unknown;

const tasks = new Map<string, RunFn>();

function load(module: string, name: string): RunFn {
  const key = `${module}#${name}`;
  let run = tasks.get(key);
  if (!run) {
    const mod = require(module) as Record<string, { run?: RunFn } | undefined>;
    const task = mod[name];
    if (!task || typeof task.run !== "function")
      throw new PathlabError(`parallel worker: ${module} exports no task "${name}"`, {
        hint: "A parallel task must be exported under the name given to parallelTask(); this is a bug in pathlab.",
        code: "internal.unknown-task",
      });
    run = task.run;
    tasks.set(key, run);
  }
  return run;
}

function runJob(job: JobMessage, port: MessagePort): void {
  const ctrl = new Int32Array(job.control);
  let run: RunFn;
  try {
    run = load(job.module, job.name);
  } catch (e) {
    // The calling thread does the chunks this worker cannot.
    port.postMessage({ job: job.id, chunk: -1, loadError: serializeError(e) } satisfies ResultMessage);
    return;
  }
  const ctx = {
    get cancelled() {
      return Atomics.load(ctrl, CANCEL) !== 0 || abandoned(ctrl);
    },
  };
  for (;;) {
    if (ctx.cancelled) return;
    const c = Atomics.add(ctrl, NEXT, 1);
    if (c >= job.chunks) return;
    if (Atomics.compareExchange(ctrl, HEADER + c, FREE, WORKER) !== FREE) continue;
    let msg: ResultMessage;
    if (c > Atomics.load(ctrl, MIN_ERROR)) {
      msg = { job: job.id, chunk: c, result: undefined }; // after a failed chunk: not needed
    } else {
      const from = c * job.chunkSize;
      try {
        msg = { job: job.id, chunk: c, result: run(job.input, from, Math.min(job.count, from + job.chunkSize), ctx) };
      } catch (e) {
        recordError(ctrl, c);
        msg = { job: job.id, chunk: c, error: serializeError(e) };
      }
    }
    // The calling thread may have taken this chunk over; the first to finish delivers it.
    if (Atomics.compareExchange(ctrl, HEADER + c, WORKER, FINISHED) === WORKER) {
      port.postMessage(msg);
      Atomics.add(ctrl, DONE, 1);
      Atomics.notify(ctrl, DONE);
    }
  }
}

if (parentPort) {
  const port = (workerData as { port: MessagePort }).port;
  parentPort.on("message", (job: JobMessage) => {
    if (job && job.type === "job") runJob(job, port);
  });
}
