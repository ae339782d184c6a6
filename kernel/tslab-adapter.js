// @ts-check
/**
 * Every use of tslab's internals, in one file. The pathlab kernel is tslab's engine (compiler,
 * executor, Jupyter wire protocol) with pathlab's own handling around it; tslab publishes none of
 * these pieces as API, so the kernel is written against one exact version (TSLAB_VERSION, pinned in
 * package.json) and `test/kernel/adapter.test.ts` checks each internal named here, so that an
 * upgrade fails with the name of what moved rather than with a broken kernel.
 *
 * Internals used:
 * - `dist/jupyter`: `ZmqServer` (sockets `iopub`, `shell`, `control`, `stdin`, `hb`; `connInfo.key`;
 *   `init`, `bindSocket`, `handleExecute`, `publishStatus`) and `JupyterHandlerImpl` (`execQueue`,
 *   `handleExecuteImpl`, `handleKernel`), and the messages' `createReply` / `signAndSend`;
 * - `dist/executor`: `createExecutor(rootDir, convs, console)`, which reports a cell's last
 *   expression with `console.log` and failures with `console.error`, and whose `interrupt()` ends
 *   an awaiting cell;
 * - `dist/converter`: `createConverter({ isJS, isBrowser })` with `convert(prevDecl, src)`;
 * - `dist/util`: `TaskCanceledError` (a queued cell cancelled after an error), `TaskQueue.reset`;
 * - `@tslab/typescript-for-tslab`: the TypeScript tslab compiles cells with (the kernel parses
 *   cells with the same version before handing them over).
 */
const fs = require("fs");
const path = require("path");

/** The tslab version whose internals this file uses. */
const TSLAB_VERSION = "1.0.22";
const ROOT = path.resolve(__dirname, "..");

function tslabDir() {
  return path.dirname(require.resolve("tslab/package.json", { paths: [ROOT] }));
}

/** Fails loudly when the installed tslab is not the version this adapter was written against. */
function checkTslabVersion() {
  const version = JSON.parse(fs.readFileSync(path.join(tslabDir(), "package.json"), "utf8")).version;
  if (version !== TSLAB_VERSION) {
    throw new Error(
      `pathlab kernel: installed tslab is ${version}, but kernel/tslab-adapter.js is written against tslab ${TSLAB_VERSION} internals. ` +
        `Run "npm ci" to restore the pinned version, or review the adapter before changing the pin.`,
    );
  }
}

/** @param {string} mod */
function internal(mod) {
  return require(require.resolve(`tslab/dist/${mod}`, { paths: [ROOT] }));
}

/**
 * tslab's modules, loaded once the version is checked.
 * @returns {{ ZmqServer: any, JupyterHandlerImpl: any, TaskCanceledError: any,
 *   createExecutor: (rootDir: string, convs: any, console: { log: (v: unknown) => void, error: (...a: unknown[]) => void }) => any,
 *   createConverter: (opts: { isJS: boolean, isBrowser: boolean }) => any }}
 */
function load() {
  checkTslabVersion();
  const jupyter = internal("jupyter");
  return {
    ZmqServer: jupyter.ZmqServer,
    JupyterHandlerImpl: jupyter.JupyterHandlerImpl,
    createExecutor: internal("executor").createExecutor,
    createConverter: internal("converter").createConverter,
    TaskCanceledError: internal("util").TaskCanceledError,
  };
}

/** The TypeScript module tslab compiles with (5.0.4), for parsing cells the same way. */
function typescript() {
  return require(require.resolve("@tslab/typescript-for-tslab", { paths: [tslabDir()] }));
}

/** The handler's queue of cells (a tslab TaskQueue: `add(fn)`, `reset()`). @param {any} handler */
function execQueue(handler) {
  return handler.execQueue;
}

/**
 * Runs one cell with tslab's own body of execute: it points process.stdout/stderr at the cell's
 * stream writer, sets the display writer tslab's public `display` uses, and runs the executor.
 * Rejects (with tslab's ExecutionCount) when the cell failed.
 * @param {any} handler @param {any} req @param {(name: string, text: string) => void} writeStream
 * @param {(data: any, update: boolean) => void} writeDisplayData
 * @returns {Promise<{ count: number }>}
 */
function runCell(handler, req, writeStream, writeDisplayData) {
  return handler.handleExecuteImpl(req, writeStream, writeDisplayData);
}

/** The server's sockets (after `init`). @param {any} server */
function sockets(server) {
  return { iopub: server.iopub, shell: server.shell, control: server.control, stdin: server.stdin, hb: server.hb };
}

/**
 * Signs and sends a reply to `parent` (an incoming tslab message) on a socket.
 * @param {any} server @param {any} parent @param {any} sock @param {string} type @param {any} content
 */
function sendReply(server, parent, sock, type, content) {
  const r = parent.createReply();
  r.header.msg_type = type;
  r.content = content;
  r.signAndSend(server.connInfo.key, sock);
}

/** How tslab's executor prints diagnostics: console.error with this format string first. */
const DIAGNOSTIC_FORMAT = "%s%d:%d - %s";

module.exports = { TSLAB_VERSION, tslabDir, checkTslabVersion, load, typescript, execQueue, runCell, sockets, sendReply, DIAGNOSTIC_FORMAT };
