#!/usr/bin/env node
// @ts-check
/**
 * The pathlab Jupyter kernel: tslab's TypeScript engine with a domain layer on top. Every tslab
 * internal it touches is in `./tslab-adapter.js`.
 *
 * What it adds to tslab:
 * - output is never lost: every message goes through one queue per socket (zeromq.js sockets take
 *   one send at a time), the iopub socket never drops, and stream text is batched, in order;
 * - the last expression of a cell with a rich form (pathlab results, plotly figures, data frames,
 *   rows) is sent as `display_data`; an array of results shows each element as it would alone;
 * - failures are Jupyter `error` messages: a PathlabError as its message, hint and the user's cell
 *   line; a thrown string or object with its content; an unhandled promise rejection in the cell
 *   that caused it; an interrupt as "Interrupted";
 * - interrupts reach the library: `Symbol.for("pathlab.kernel")` is the bridge through which the
 *   library displays and learns of interrupts (worker threads are terminated, long loops stop);
 * - `{ data }` shorthand for a variable of an earlier cell works, and an await that spans an
 *   interrupt throws, so an interrupted async loop stops (see `./rewrite.js`).
 * The library is loaded, and the type checker warmed with it, while the kernel waits for its first
 * cell, so the first `import … from "pathlab"` is quick.
 */
const path = require("path");
const { inspect } = require("util");
const { AsyncLocalStorage } = require("async_hooks");
const adapter = require("./tslab-adapter");
const { rewriteCell, mapColumn, withAwaitDecl } = require("./rewrite");

const { TSLAB_VERSION, checkTslabVersion } = adapter;
const ROOT = path.resolve(__dirname, "..");
/** Stream text is sent in messages of at most this many characters. */
const STREAM_CHUNK = 64 * 1024;

/** The library's display and error helpers from the built `dist/`, or null (plain tslab behaviour). */
function loadPathlab() {
  try {
    const bundle = require(path.join(ROOT, "dist", "display", "bundle.js"));
    const errors = require(path.join(ROOT, "dist", "errors.js"));
    return { displayBundles: bundle.displayBundles, isPathlabError: errors.isPathlabError };
  } catch (e) {
    process.stderr.write(`pathlab kernel: library not loaded (${/** @type {Error} */ (e).message}); run "npm run build". Rich display is off.\n`);
    return null;
  }
}

/**
 * Maps the first stack frame inside the cell's compiled code back to the line of the cell the user
 * wrote. tslab runs the compiled cell with vm (file name "evalmachine.<anonymous>") and keeps line
 * structure, but TypeScript rewrites each line (imports become `(0, pathlab_1.cfa)(…)`), so the
 * match is by shared identifiers rather than by text.
 * @param {unknown} err @param {string} source @param {string} compiled
 * @returns {{ line: number, text: string } | null}
 */
function userLine(err, source, compiled) {
  const stack = err instanceof Error && typeof err.stack === "string" ? err.stack : "";
  const m = /evalmachine\.<anonymous>:(\d+)(?::\d+)?/.exec(stack);
  if (!m || !compiled) return null;
  const jsLine = (compiled.split("\n")[Number(m[1]) - 1] || "").trim();
  const idents = (/** @type {string} */ s) =>
    new Set((s.match(/[A-Za-z_$][\w$]*/g) || []).filter((w) => !/^(const|let|var|await|new|return|_\d|exports|require|__pathlabAwait|\w+_\d+)$/.test(w)));
  const target = idents(jsLine);
  if (target.size === 0) return null;
  const lines = source.split("\n");
  let best = -1;
  let bestScore = 0;
  lines.forEach((l, i) => {
    let score = 0;
    for (const w of idents(l)) if (target.has(w)) score++;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best >= 0 ? { line: best + 1, text: lines[best].trim() } : null;
}

const red = (/** @type {string} */ s) => `\u001b[0;31m${s}\u001b[0m`;

/** True for the errors an interrupt ends a cell with (tslab's, V8's, the library's). @param {unknown} err */
function isInterrupt(err) {
  if (!err || typeof err !== "object") return false;
  const e = /** @type {{ message?: unknown, code?: unknown }} */ (err);
  // Node's vm reports a SIGINT during synchronous code as "Script execution interrupted." (older
  // Node) or "Script execution was interrupted by `SIGINT`" (Node 20).
  return (
    e.code === "kernel.interrupted" ||
    e.code === "ERR_SCRIPT_EXECUTION_INTERRUPTED" ||
    e.message === "Interrupted asynchronously" ||
    (typeof e.message === "string" && /^Script execution (was )?interrupted/.test(e.message))
  );
}

/**
 * Builds the Jupyter `error` content for a thrown value.
 * @param {unknown} err @param {string} source @param {string} compiled @param {any} pathlab
 * @param {string} [prefix] what kind of failure it was, e.g. "Unhandled promise rejection"
 */
function errorContent(err, source, compiled, pathlab, prefix = "") {
  const lead = prefix ? `${prefix}: ` : "";
  if (isInterrupt(err)) {
    return { ename: "Interrupted", evalue: "The cell was interrupted.", traceback: [`${red("Interrupted")}: the cell was interrupted; its work stopped.`] };
  }
  const isPathlab = pathlab && pathlab.isPathlabError ? pathlab.isPathlabError(err) : err instanceof Error && err.name === "PathlabError";
  if (isPathlab) {
    const e = /** @type {Error & { hint?: string }} */ (err);
    const where = userLine(err, source, compiled);
    const traceback = [`${lead}${red("PathlabError")}: ${e.message}`];
    if (e.hint) traceback.push(`Hint: ${e.hint}`);
    if (where) traceback.push(`  at cell line ${where.line}: ${where.text}`);
    return { ename: "PathlabError", evalue: e.message, traceback };
  }
  if (err instanceof Error) {
    const stack = (err.stack || `${err.name}: ${err.message}`).split("\n");
    stack[0] = `${lead}${red(err.name)}: ${err.message}`;
    return { ename: err.name, evalue: err.message, traceback: stack };
  }
  // A thrown string or plain object: show its content, not "[object Object]".
  const text = typeof err === "string" ? err : inspect(err, { depth: 4, colors: false, breakLength: 100 });
  const ename = err !== null && typeof err === "object" && err.constructor && err.constructor.name !== "Object" ? err.constructor.name : "Error";
  return { ename, evalue: text, traceback: [`${lead}${red(`Thrown ${typeof err === "string" ? "string" : "value"}`)}: ${text}`] };
}

/** TypeScript diagnostic chains arrive as objects; the messages of the chain, joined. @param {any} d */
function flattenDiagnostic(d) {
  if (!d || typeof d !== "object") return String(d);
  const parts = [];
  let cur = d;
  while (cur) {
    parts.push(cur.messageText);
    cur = cur.next && cur.next[0];
  }
  return parts.join(" ");
}

/**
 * Makes a zeromq.js socket's `send` take its turn: each message waits for the previous one, so no
 * send meets "Socket is busy writing" and none is lost; order is the order of the calls.
 * @param {any} sock @param {(msg: string) => void} log
 */
function serializeSends(sock, log) {
  if (!sock || sock.__pathlabQueued) return;
  const send = sock.send.bind(sock);
  let tail = Promise.resolve();
  sock.send = (/** @type {unknown} */ frames) => {
    tail = tail.then(
      () => send(frames),
      () => send(frames),
    );
    tail = tail.catch((/** @type {Error} */ e) => log(`pathlab kernel: a message could not be sent: ${e && e.message}\n`));
    return tail;
  };
  sock.__pathlabQueued = true;
}

/**
 * Batches a cell's stream text into few messages: flushed when it reaches STREAM_CHUNK characters,
 * on the next turn of the event loop, when the stream name changes, and before any other output.
 */
class StreamBuffer {
  /** @param {(name: string, text: string) => void} send */
  constructor(send) {
    this.send = send;
    this.name = "";
    this.text = "";
    this.scheduled = false;
  }
  /** @param {string} name @param {string} text */
  write(name, text) {
    if (this.text && name !== this.name) this.flush();
    this.name = name;
    this.text += text;
    if (this.text.length >= STREAM_CHUNK) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.flush();
      });
    }
  }
  flush() {
    while (this.text) {
      const part = this.text.slice(0, STREAM_CHUNK);
      this.text = this.text.slice(part.length);
      this.send(this.name, part);
    }
  }
}

/** Lets promises created by a cell reject (and Node report them) before the cell is declared done. */
function settle() {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

function main() {
  checkTslabVersion();
  const tslab = adapter.kernelClasses();
  const ts = adapter.typescript();
  const realStderr = process.stderr.write.bind(process.stderr);
  const log = (/** @type {string} */ s) => void realStderr(s);

  const configPath = (() => {
    const args = process.argv.slice(2);
    const i = args.indexOf("--config-path");
    return i >= 0 ? args[i + 1] : "";
  })();

  /**
   * The cell being executed, or the last one (late output from its timers goes there, as in
   * IPython). `running` is true only while it executes.
   * @type {{ source: string, compiled: string, edits: import("./rewrite").Edit[], error: unknown, diagnostics: string[],
   *   failures: { reason: unknown, kind: string }[], out: any } | null}
   */
  let cell = null;
  let running = false;
  /** The cell whose code is running, carried through its timers and promises. @type {AsyncLocalStorage<any>} */
  const cellContext = new AsyncLocalStorage();
  /** @type {any} */
  let pathlab = null;

  // The executor reports through this console: `log` for the last expression, `error` for
  // diagnostics (DIAGNOSTIC_FORMAT) and for what a cell threw.
  const kernelConsole = {
    log: (/** @type {unknown} */ value) => {
      const bundles = pathlab ? pathlab.displayBundles(value) : undefined;
      if (bundles && cell) for (const data of bundles) cell.out.display({ data, metadata: {}, transient: {} }, false);
      else console.log(value);
    },
    error: (/** @type {unknown[]} */ ...a) => {
      if (!cell) return;
      if (a[0] === adapter.DIAGNOSTIC_FORMAT) {
        const [, file, line, col, msg] = a;
        const text = typeof msg === "string" ? msg : flattenDiagnostic(msg);
        const userCol = mapColumn(cell.edits, Number(line), Number(col));
        cell.diagnostics.push(`${file ? file + " " : ""}${line}:${userCol} - ${text}`);
      } else {
        cell.error = a.length === 1 ? a[0] : a.map(String).join(" ");
      }
    },
  };

  /** @type {import("./rewrite").Edit[]} */
  let pendingEdits = [];
  const cells = adapter.createCellExecutor(
    process.cwd(),
    kernelConsole,
    (prevDecl, src) => {
      const rw = rewriteCell(ts, src);
      pendingEdits = rw.edits;
      return { prevDecl: withAwaitDecl(prevDecl), src: rw.code };
    },
    (js) => {
      if (cell && running) {
        cell.edits = pendingEdits;
        cell.compiled = js;
      }
    },
  );

  // The bridge the library uses (src/display/notebook.ts): display and interrupts.
  let interrupts = 0;
  /** @type {Set<() => void>} */
  const interruptListeners = new Set();
  /** @type {import("../src/display/notebook").KernelBridge} */
  const bridge = {
    display(bundle, options = {}) {
      if (!cell) return;
      const transient = options.displayId ? { display_id: options.displayId } : {};
      cell.out.display({ data: bundle, metadata: {}, transient }, Boolean(options.update));
    },
    interrupts: () => interrupts,
    onInterrupt(fn) {
      interruptListeners.add(fn);
      return () => interruptListeners.delete(fn);
    },
  };
  /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[Symbol.for("pathlab.kernel")] = bridge;

  // Every `await x` of a cell runs as `await __pathlabAwait(x)` (./rewrite.js): an await that spans
  // an interrupt throws instead of resuming, so an interrupted async loop stops.
  cells.setGlobal("__pathlabAwait", (/** @type {unknown} */ value) => {
    const at = interrupts;
    const check = () => {
      if (interrupts !== at) throw Object.assign(new Error("Interrupted: the kernel was interrupted while this awaited."), { code: "kernel.interrupted" });
    };
    return Promise.resolve(value).then(
      (v) => {
        check();
        return v;
      },
      (e) => {
        check();
        throw e;
      },
    );
  });

  /** The `error` content of the cell that just failed, from what the console hook collected. */
  function failure() {
    if (!cell) return { ename: "Error", evalue: "The cell failed.", traceback: ["The cell failed."] };
    if (cell.diagnostics.length) {
      return {
        ename: "TypeScript",
        evalue: cell.diagnostics[0],
        traceback: ["\u001b[0;31mType error — the cell did not run:\u001b[0m", ...cell.diagnostics],
      };
    }
    if (cell.error !== undefined) return errorContent(cell.error, cell.source, cell.compiled, pathlab);
    const f = cell.failures[0];
    if (f) return errorContent(f.reason, cell.source, cell.compiled, pathlab, f.kind);
    return { ename: "Error", evalue: "The cell failed.", traceback: ["The cell failed."] };
  }

  /**
   * Executes cells in order, one at a time. Departures from tslab's handler:
   * - tslab cancels every request that reaches its queue within 200 ms after a failed cell. Jupyter's
   *   rule (stop_on_error) is narrower: cancel what was already queued ("Run all"), but run the next
   *   cell the user sends after seeing the error — so the queue is reset at once, not on a timer —
   *   and a cell sent with stop_on_error = false (JupyterLab does so for cells tagged
   *   "raises-exception") cancels nothing.
   * - a failure is reported as a Jupyter `error` message, built while the failed cell still owns
   *   the per-cell state; a promise the cell left rejected fails the cell too.
   */
  class PathlabHandler extends tslab.Handler {
    /** @param {any} info */
    kernelInfo(info) {
      return { ...info, implementation: "pathlab", banner: "TypeScript (pathlab) — tslab " + TSLAB_VERSION };
    }

    /** @param {any} req @param {any} out */
    async execute(req, out) {
      const queue = this.queue();
      let status = "ok";
      /** @type {any} */
      let count = null;
      /** @type {any} */
      let err = null;
      const keepGoing = req.stop_on_error === false;
      try {
        const result = await queue.add(async () => {
          cell = { source: req.code || "", compiled: "", edits: [], error: undefined, diagnostics: [], failures: [], out };
          running = true;
          const own = cell;
          try {
            // The cell's code runs in its own async context, so a rejection it causes later is
            // attributed to it, not to whichever cell is running then.
            const r = await cellContext.run(own, () => this.runCell(req, out.stream, out.display));
            await settle();
            if (own.failures.length) throw { count: r.count };
            return { count: r };
          } catch (e) {
            if (!own.failures.length) await settle();
            const content = failure();
            out.error(content);
            if (keepGoing) return { failed: e, content };
            throw Object.assign(e && typeof e === "object" ? e : { count: undefined }, { content });
          } finally {
            running = false;
          }
        });
        if (result.failed !== undefined) {
          status = "error";
          count = result.failed;
          err = result.content;
        } else count = result.count;
      } catch (e) {
        if (e instanceof tslab.TaskCanceledError) status = "abort";
        else {
          status = "error";
          count = e;
          err = e && /** @type {any} */ (e).content;
          // The queue now holds the rejection, which cancels what was queued behind it; reset so
          // that the next request the user sends runs.
          queue.reset();
        }
      }
      return { status, execution_count: count && count.count, ...(err || {}) };
    }
  }

  /** Sends every message through the per-socket queues; batches streams; adds `error` messages. */
  class PathlabServer extends tslab.Server {
    /** @param {any} sock @param {boolean} isIopub */
    prepareSocket(sock, isIopub) {
      // Before any peer connects: a publisher that queues instead of dropping, and one send at a time.
      if (isIopub) sock.sendHighWaterMark = 0;
      serializeSends(sock, log);
    }

    /** @param {any} sock @param {any} msg */
    async executeRequest(sock, msg) {
      const iopub = this.iopubSocket;
      const send = (/** @type {string} */ type, /** @type {any} */ content) => this.reply(msg, iopub, type, content);
      const streams = new StreamBuffer((name, text) => send("stream", { name, text }));
      const out = {
        stream: (/** @type {string} */ name, /** @type {string} */ text) => streams.write(name, text),
        display: (/** @type {any} */ data, /** @type {boolean} */ update) => {
          streams.flush();
          send(update ? "update_display_data" : "display_data", data);
        },
        error: (/** @type {any} */ content) => {
          streams.flush();
          send("error", content);
        },
      };
      const content = await /** @type {any} */ (this.requestHandler).execute(msg.content, out);
      streams.flush();
      this.reply(msg, sock, "execute_reply", content);
    }
  }

  const handler = new /** @type {any} */ (PathlabHandler)(cells.executor, false);
  const server = new /** @type {any} */ (PathlabServer)(handler, configPath);

  process.on("SIGINT", () => {
    interrupts++;
    const listeners = [...interruptListeners];
    interruptListeners.clear();
    for (const fn of listeners) {
      try {
        fn();
      } catch (e) {
        log(`pathlab kernel: an interrupt handler failed: ${e}\n`);
      }
    }
    cells.interrupt();
  });
  /** @param {string} kind @returns {(reason: unknown) => void} */
  const lateFailure = (kind) => (reason) => {
    if (isInterrupt(reason)) return; // work stopped by an interrupt: the cell already says so
    // Node calls these handlers in the async context of the code that failed: its cell.
    const owner = cellContext.getStore() || cell;
    if (owner && owner === cell && running) {
      owner.failures.push({ reason, kind });
      return;
    }
    // Its cell has finished: shown under that cell (if the front end still listens) and logged,
    // never in the output of the cell that happens to be running.
    const content = errorContent(reason, owner ? owner.source : "", owner ? owner.compiled : "", pathlab, kind);
    if (owner) owner.out.error(content);
    log(`pathlab kernel: ${kind} after its cell finished: ${content.evalue}\n`);
  };
  process.on("unhandledRejection", lateFailure("Unhandled promise rejection"));
  process.on("uncaughtException", lateFailure("Uncaught exception"));
  server.init();

  // Preload while Jupyter is still connecting: the library, and the type checker's view of it.
  setImmediate(() => {
    pathlab = loadPathlab();
    if (pathlab) {
      try {
        require(path.join(ROOT, "dist", "index.js"));
        cells.compile('import { Figure } from "pathlab";\nFigure;\n');
      } catch {
        /* warming is best effort */
      }
    }
  });
}

module.exports = { TSLAB_VERSION, userLine, errorContent, checkTslabVersion, serializeSends, StreamBuffer };

if (require.main === module) main();
