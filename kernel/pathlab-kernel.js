#!/usr/bin/env node
// @ts-check
/**
 * The pathlab Jupyter kernel: tslab's TypeScript engine with a domain layer on top.
 *
 * tslab (pinned, see TSLAB_VERSION) compiles and runs cells; this launcher replaces the console
 * tslab's executor reports through, which it uses for exactly three things — the value of a cell's
 * last expression (`log`), type errors and thrown errors (`error`). That is the hook:
 * - a last expression with a rich form (pathlab results, plotly figures, data frames, arrays of
 *   rows) is sent as `display_data` instead of being printed;
 * - errors are sent as proper Jupyter `error` messages; a PathlabError shows as its message, its
 *   hint and the user's own cell line, without a stack through library internals.
 * The library is loaded, and the type checker warmed with it, while the kernel waits for its first
 * cell, so the first `import … from "pathlab"` is quick.
 */
const fs = require("fs");
const path = require("path");

/** The tslab version whose internals (dist/jupyter.js, dist/executor.js, dist/converter.js) this file uses. */
const TSLAB_VERSION = "1.0.22";
const ROOT = path.resolve(__dirname, "..");

function tslabDir() {
  return path.dirname(require.resolve("tslab/package.json", { paths: [ROOT] }));
}

/** Fails loudly when the installed tslab is not the version this launcher was written against. */
function checkTslabVersion() {
  const version = JSON.parse(fs.readFileSync(path.join(tslabDir(), "package.json"), "utf8")).version;
  if (version !== TSLAB_VERSION) {
    throw new Error(
      `pathlab kernel: installed tslab is ${version}, but kernel/pathlab-kernel.js is written against tslab ${TSLAB_VERSION} internals. ` +
        `Run "npm ci" to restore the pinned version, or review the launcher before changing the pin.`,
    );
  }
}

/** Loads pathlab's built library, or null (plain tslab behaviour) if it is not built. */
function loadPathlab() {
  try {
    return require(path.join(ROOT, "dist", "index.js"));
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
  const idents = (s) => new Set((s.match(/[A-Za-z_$][\w$]*/g) || []).filter((w) => !/^(const|let|var|await|new|return|_\d|exports|require|\w+_\d+)$/.test(w)));
  const target = idents(jsLine);
  if (target.size === 0) return null;
  const lines = source.split("\n");
  let best = -1;
  let bestScore = 0;
  lines.forEach((l, i) => {
    const own = idents(l);
    let score = 0;
    for (const w of own) if (target.has(w)) score++;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best >= 0 ? { line: best + 1, text: lines[best].trim() } : null;
}

/**
 * Builds the Jupyter `error` content for a thrown value.
 * @param {unknown} err @param {string} source @param {string} compiled @param {any} pathlab
 */
function errorContent(err, source, compiled, pathlab) {
  const red = (s) => `\u001b[0;31m${s}\u001b[0m`;
  const isPathlab = pathlab && pathlab.isPathlabError ? pathlab.isPathlabError(err) : err instanceof Error && err.name === "PathlabError";
  if (isPathlab) {
    const e = /** @type {Error & { hint?: string }} */ (err);
    const where = userLine(err, source, compiled);
    const traceback = [`${red("PathlabError")}: ${e.message}`];
    if (e.hint) traceback.push(`Hint: ${e.hint}`);
    if (where) traceback.push(`  at cell line ${where.line}: ${where.text}`);
    return { ename: "PathlabError", evalue: e.message, traceback };
  }
  if (err instanceof Error) {
    const stack = (err.stack || `${err.name}: ${err.message}`).split("\n");
    stack[0] = `${red(err.name)}: ${err.message}`;
    return { ename: err.name, evalue: err.message, traceback: stack };
  }
  return { ename: "Error", evalue: String(err), traceback: [`${red("Thrown value")}: ${String(err)}`] };
}

function main() {
  checkTslabVersion();
  // The project's own tslab (resolved from the checkout, the version checked above).
  const jupyter = require("tslab/dist/jupyter");
  const { ZmqServer, JupyterHandlerImpl } = jupyter;
  const { createExecutor } = require("tslab/dist/executor");
  const { createConverter } = require("tslab/dist/converter");

  const args = process.argv.slice(2);
  const ci = args.indexOf("--config-path");
  const configPath = ci >= 0 ? args[ci + 1] : "";

  /** Per-execution state the console hook fills and the server reads. */
  const state = { source: "", compiled: "", error: /** @type {unknown} */ (undefined), diagnostics: /** @type {string[]} */ ([]) };
  /** @type {any} */
  let pathlab = null;

  /** @type {any} */
  let nodeConv = null;
  const convs = {
    get node() {
      if (!nodeConv) {
        nodeConv = createConverter({ isJS: false, isBrowser: false });
        const convert = nodeConv.convert.bind(nodeConv);
        nodeConv.convert = (/** @type {string} */ prev, /** @type {string} */ src) => {
          const out = convert(prev, src);
          state.compiled = out.output || "";
          return out;
        };
      }
      return nodeConv;
    },
    /** @returns {any} */
    get browser() {
      throw new Error("Browser mode cells are not supported by the pathlab kernel.");
    },
    close() {
      if (nodeConv) nodeConv.close();
    },
  };

  const kernelConsole = {
    log: (/** @type {unknown} */ value) => {
      const bundle = pathlab ? pathlab.toMimeBundle(value) : undefined;
      const write = jupyter.lastWriteDisplayData;
      if (bundle && write) write({ data: bundle, metadata: {}, transient: {} }, false);
      else console.log(value);
    },
    error: (/** @type {unknown[]} */ ...a) => {
      if (typeof a[0] === "string" && a[0].startsWith("%s%d:%d - %s")) {
        const [, file, line, col, msg] = a;
        const text = typeof msg === "string" ? msg : flattenDiagnostic(msg);
        state.diagnostics.push(`${file ? file + " " : ""}${line}:${col} - ${text}`);
      } else {
        state.error = a.length === 1 ? a[0] : a.map(String).join(" ");
      }
    },
  };

  const executor = createExecutor(process.cwd(), convs, kernelConsole);

  /**
   * The Jupyter `error` content of the cell that just failed, from what the console hook collected
   * while it ran (type errors, or the thrown value).
   */
  function failure() {
    if (state.diagnostics.length) {
      return {
        ename: "TypeScript",
        evalue: state.diagnostics[0],
        traceback: ["\u001b[0;31mType error — the cell did not run:\u001b[0m", ...state.diagnostics],
      };
    }
    if (state.error !== undefined) return errorContent(state.error, state.source, state.compiled, pathlab);
    return { ename: "Error", evalue: "The cell failed.", traceback: ["The cell failed."] };
  }

  const { TaskCanceledError } = require("tslab/dist/util");

  /**
   * Executes cells in order, one at a time. Two departures from tslab's handler:
   * - tslab cancels every request that reaches its queue within 200 ms after a failed cell. Jupyter's
   *   rule (stop_on_error) is narrower: cancel what was already queued ("Run all"), but run the next
   *   cell the user sends after seeing the error — so the queue is reset at once, not on a timer —
   *   and a cell sent with stop_on_error = false (JupyterLab does so for cells tagged
   *   "raises-exception") cancels nothing.
   * - a failure is reported as a Jupyter `error` message, built while the failed cell still owns
   *   the per-cell state (queued cells start as soon as it settles).
   */
  class PathlabHandler extends JupyterHandlerImpl {
    /** @param {any} req @param {any} writeStream @param {any} writeDisplayData */
    async handleExecute(req, writeStream, writeDisplayData) {
      // execQueue and handleExecuteImpl are tslab internals (private in its typings): pinned version.
      const self = /** @type {any} */ (this);
      let status = "ok";
      /** @type {any} */
      let count = null;
      /** @type {any} */
      let err = null;
      const keepGoing = req.stop_on_error === false;
      const sendError = typeof req.__sendError === "function" ? req.__sendError : () => {};
      delete req.__sendError;
      try {
        const result = await self.execQueue.add(async () => {
          state.source = req.code || "";
          state.compiled = "";
          state.error = undefined;
          state.diagnostics = [];
          try {
            return { count: await self.handleExecuteImpl(req, writeStream, writeDisplayData) };
          } catch (e) {
            const content = failure();
            sendError(content);
            if (keepGoing) return { failed: e, content };
            throw Object.assign(e && typeof e === "object" ? e : { count: undefined }, { content });
          }
        });
        if (result.failed !== undefined) {
          status = "error";
          count = result.failed;
          err = result.content;
        } else count = result.count;
      } catch (e) {
        if (e instanceof TaskCanceledError) status = "abort";
        else {
          status = "error";
          count = e;
          err = e && /** @type {any} */ (e).content;
          // The queue now holds the rejection, which cancels what was queued behind it; reset so
          // that the next request the user sends runs.
          self.execQueue.reset();
        }
      }
      return { status, execution_count: count && count.count, ...(err || {}) };
    }
  }

  /** Sends every reply through tslab's message plumbing; adds the `error` message for failed cells. */
  class PathlabServer extends ZmqServer {
    /** @param {any} sock @param {any} msg */
    async handleExecute(sock, msg) {
      const key = this.connInfo.key;
      const iopub = this.iopub;
      const send = (/** @type {string} */ type, /** @type {any} */ content) => {
        const r = msg.createReply();
        r.header.msg_type = type;
        r.content = content;
        r.signAndSend(key, iopub);
      };
      const req = { ...msg.content, __sendError: (/** @type {any} */ content) => send("error", content) };
      const content = await this.handler.handleExecute(
        req,
        (/** @type {string} */ name, /** @type {string} */ text) => send("stream", { name, text }),
        (/** @type {any} */ data, /** @type {boolean} */ update) => send(update ? "update_display_data" : "display_data", data),
      );
      const reply = msg.createReply();
      reply.header.msg_type = "execute_reply";
      reply.content = content;
      reply.signAndSend(key, sock);
    }
  }

  const handler = new PathlabHandler(executor, false);
  const baseInfo = handler.handleKernel.bind(handler);
  handler.handleKernel = () => ({ ...baseInfo(), implementation: "pathlab", banner: "TypeScript (pathlab) — tslab " + TSLAB_VERSION });
  const server = new PathlabServer(handler, configPath);
  process.on("SIGINT", () => executor.interrupt());
  process.on("uncaughtException", (err) => console.error("UncaughtException:", err));
  process.on("unhandledRejection", (reason) => console.error("UnhandledPromiseRejection:", reason));
  server.init();

  // Preload while Jupyter is still connecting: the library, and the type checker's view of it.
  setImmediate(() => {
    pathlab = loadPathlab();
    if (pathlab) {
      try {
        convs.node.convert("", 'import { Figure } from "pathlab";\nFigure;\n');
      } catch {
        /* warming is best effort */
      }
    }
  });
}

/** TypeScript diagnostic chains arrive as objects; the first message of the chain is what matters. */
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

module.exports = { TSLAB_VERSION, userLine, errorContent, checkTslabVersion };

if (require.main === module) main();
