// @ts-check
/**
 * Every use of tslab's internals, in one file. The pathlab kernel is tslab's engine (compiler,
 * executor, Jupyter wire protocol) with pathlab's own handling around it; tslab publishes none of
 * these pieces as API, so the kernel is written against one exact version (TSLAB_VERSION, pinned in
 * package.json) and `test/kernel/adapter.test.ts` checks each internal named here, so that an
 * upgrade fails with the name of what moved rather than with a broken kernel.
 *
 * The kernel extends `kernelClasses()` and uses `createCellExecutor()`, never tslab directly.
 *
 * Internals used:
 * - `dist/jupyter`: `ZmqServer` (sockets `iopub`, `shell`, `control`, `stdin`, `hb`; `connInfo.key`;
 *   `init`, `bindSocket`, `handleExecute`, `publishStatus`) and `JupyterHandlerImpl` (`execQueue`,
 *   `handleExecuteImpl`, `handleKernel`), and the messages' `createReply` / `signAndSend`;
 * - `dist/executor`: `createExecutor(rootDir, convs, console)`, which reports a cell's last
 *   expression with `console.log` and failures with `console.error`, whose `interrupt()` ends
 *   an awaiting cell, and whose `locals` object holds the names cells share;
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

/**
 * tslab's request handler and server with pathlab-named hooks, so that the kernel extends these and
 * never touches a tslab internal itself.
 * - `Handler#queue()` is tslab's cell queue (`add(fn)`, `reset()`); `Handler#runCell(req, writeStream,
 *   writeDisplayData)` is tslab's own execute body (it points process.stdout/stderr at the cell's
 *   stream writer, sets the writer tslab's public `display` uses, runs the executor; it rejects with
 *   tslab's ExecutionCount when the cell failed); a subclass implements `execute(req, out)`, which
 *   `Server` calls for each execute_request, and may override `kernelInfo(info)`.
 * - `Server#prepareSocket(sock, isIopub)` runs for each socket before it is bound (before any peer
 *   can connect); a subclass implements `executeRequest(sock, msg)`; `Server#reply(parent, sock,
 *   type, content)` signs and sends a message; `Server#iopubSocket` is the iopub socket and
 *   `Server#requestHandler` the Handler it was made with.
 */
function kernelClasses() {
  const t = load();
  class Handler extends t.JupyterHandlerImpl {
    /** @returns {{ add: (fn: () => Promise<any>) => Promise<any>, reset: () => void }} */
    queue() {
      return this.execQueue;
    }
    /** @param {any} req @param {(name: string, text: string) => void} writeStream @param {(data: any, update: boolean) => void} writeDisplayData */
    runCell(req, writeStream, writeDisplayData) {
      return this.handleExecuteImpl(req, writeStream, writeDisplayData);
    }
    /** @param {any} info @returns {any} */
    kernelInfo(info) {
      return info;
    }
    handleKernel() {
      return this.kernelInfo(super.handleKernel());
    }
  }
  class Server extends t.ZmqServer {
    /** @param {any} sock @param {number} port */
    async bindSocket(sock, port) {
      this.prepareSocket(sock, sock === this.iopub);
      return super.bindSocket(sock, port);
    }
    /** @param {any} _sock @param {boolean} _isIopub */
    prepareSocket(_sock, _isIopub) {}
    /** tslab's entry point for execute_request. @param {any} sock @param {any} msg */
    async handleExecute(sock, msg) {
      return this.executeRequest(sock, msg);
    }
    /** @param {any} _sock @param {any} _msg @returns {Promise<void>} */
    async executeRequest(_sock, _msg) {}
    get iopubSocket() {
      return this.iopub;
    }
    /** The Handler given to the constructor. */
    get requestHandler() {
      return this.handler;
    }
    /** @param {any} parent @param {any} sock @param {string} type @param {any} content */
    reply(parent, sock, type, content) {
      const r = parent.createReply();
      r.header.msg_type = type;
      r.content = content;
      r.signAndSend(this.connInfo.key, sock);
    }
  }
  return { Handler, Server, TaskCanceledError: t.TaskCanceledError };
}

/**
 * tslab's executor, compiling cells with a node-mode converter whose input passes through
 * `transform(prevDecl, src)` first (the kernel's source rewrites) and whose output is reported to
 * `compiled(js)`. Returns the executor's `execute`, `interrupt()` (ends an awaiting cell) and
 * `setGlobal(name, value)` (a name cells can reference: tslab keeps cell-level names on its
 * `locals` object).
 * @param {string} rootDir
 * @param {{ log: (v: unknown) => void, error: (...a: unknown[]) => void }} console
 * @param {(prevDecl: string, src: string) => { prevDecl: string, src: string }} transform
 * @param {(js: string) => void} compiled
 */
function createCellExecutor(rootDir, console, transform, compiled) {
  const t = load();
  /** @type {any} */
  let nodeConv = null;
  const convs = {
    get node() {
      if (!nodeConv) {
        nodeConv = t.createConverter({ isJS: false, isBrowser: false });
        const convert = nodeConv.convert.bind(nodeConv);
        nodeConv.convert = (/** @type {string} */ prev, /** @type {string} */ src) => {
          const input = transform(prev, src);
          const out = convert(input.prevDecl, input.src);
          compiled(out.output || "");
          return out;
        };
      }
      return nodeConv;
    },
    get browser() {
      throw new Error("Browser mode cells are not supported by the pathlab kernel.");
    },
    close() {
      if (nodeConv) nodeConv.close();
    },
  };
  const executor = t.createExecutor(rootDir, convs, console);
  return {
    executor,
    interrupt: () => executor.interrupt(),
    /** @param {string} name @param {unknown} value */
    setGlobal: (name, value) => {
      executor.locals[name] = value;
    },
    /** Compiles a cell without running it (warms the type checker). @param {string} src */
    compile: (src) => convs.node.convert("", src),
  };
}

/** How tslab's executor prints diagnostics: console.error with this format string first. */
const DIAGNOSTIC_FORMAT = "%s%d:%d - %s";

module.exports = { TSLAB_VERSION, tslabDir, checkTslabVersion, load, typescript, kernelClasses, createCellExecutor, DIAGNOSTIC_FORMAT };
