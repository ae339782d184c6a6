/**
 * One test per tslab internal the pathlab kernel touches (all of them live in
 * kernel/tslab-adapter.js): a tslab upgrade that moves one fails here, naming it.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const adapter = require("../../kernel/tslab-adapter.js");
const hint = "tslab internals changed: kernel/tslab-adapter.js must be updated";

describe("tslab adapter: every internal the kernel uses", () => {
  const t = adapter.load();

  it("the installed tslab is the pinned version", () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8"));
    expect(pkg.dependencies.tslab).to.equal(adapter.TSLAB_VERSION);
    expect(() => adapter.checkTslabVersion()).to.not.throw();
  });

  it("jupyter.ZmqServer: init, bindSocket(sock, port), handleExecute, publishStatus, and the sockets it creates", () => {
    for (const m of ["init", "bindSocket", "handleExecute", "publishStatus", "close"]) expect(typeof t.ZmqServer.prototype[m], `${hint}: ZmqServer.${m}`).to.equal("function");
    expect(t.ZmqServer.prototype.bindSocket.length, hint).to.equal(2);
    const src = fs.readFileSync(require.resolve("tslab/dist/jupyter"), "utf8");
    for (const s of ["iopub", "shell", "control", "stdin", "hb"]) expect(src, `${hint}: socket ${s}`).to.contain(`this.${s} = new zmq.`);
    // init binds every socket through bindSocket, which the kernel overrides to queue sends.
    expect((src.match(/this\.bindSocket\(this\.\w+, cinfo\.\w+_port\)/g) || []).length, hint).to.equal(5);
    expect(src, `${hint}: connInfo.key`).to.contain("this.connInfo.key");
  });

  it("jupyter.JupyterHandlerImpl: execQueue (add/reset), handleExecuteImpl(req, writeStream, writeDisplayData), handleKernel", () => {
    const h = new t.JupyterHandlerImpl({}, false);
    const q = adapter.execQueue(h);
    expect(typeof q.add, hint).to.equal("function");
    expect(typeof q.reset, hint).to.equal("function");
    expect(t.JupyterHandlerImpl.prototype.handleExecuteImpl.length, hint).to.equal(3);
    expect(h.handleKernel().implementation, hint).to.equal("tslab");
  });

  it("handleExecuteImpl routes process.stdout to the cell's stream writer and runs the executor", async () => {
    const h = new t.JupyterHandlerImpl({ execute: async () => { process.stdout.write("hello"); return true; } }, false);
    const seen: [string, string][] = [];
    const saved = [process.stdout.write, process.stderr.write];
    try {
      const count = await adapter.runCell(h, { code: "x" }, (name: string, text: string) => seen.push([name, text]), () => {});
      expect(count.count, hint).to.equal(1);
    } finally {
      [process.stdout.write, process.stderr.write] = saved;
    }
    expect(seen, hint).to.deep.equal([["stdout", "hello"]]);
  });

  it("messages: createReply and signAndSend(key, socket)", () => {
    const src = fs.readFileSync(require.resolve("tslab/dist/jupyter"), "utf8");
    expect(src, hint).to.match(/createReply\(\) \{/);
    expect(src, hint).to.match(/signAndSend\(key, sock\) \{[\s\S]*?sock\.send\(/);
  });

  it("executor: createExecutor(rootDir, convs, console) reports the last expression with log, failures with error; interrupt()", () => {
    expect(t.createExecutor.length, hint).to.equal(3);
    const src = fs.readFileSync(require.resolve("tslab/dist/executor"), "utf8");
    expect(src.match(/console\.(log|error)\(/g), hint).to.deep.equal(["console.error(", "console.error(", "console.error(", "console.log("]);
    expect(src, hint).to.contain(`console.error("${adapter.DIAGNOSTIC_FORMAT}"`);
    expect(src, hint).to.match(/function interrupt\(\)/);
  });

  it("converter: createConverter({ isJS, isBrowser }).convert(prevDecl, src)", () => {
    const conv = t.createConverter({ isJS: false, isBrowser: false });
    try {
      const out = conv.convert("", "const a: number = 1;\na + 1\n");
      expect(out.diagnostics, hint).to.deep.equal([]);
      expect(out.output, hint).to.be.a("string");
    } finally {
      conv.close();
    }
  }).timeout(60000);

  it("util.TaskCanceledError, and the TypeScript tslab compiles with", () => {
    expect(typeof t.TaskCanceledError, hint).to.equal("function");
    const ts = adapter.typescript();
    expect(ts.version, hint).to.equal("5.0.4");
    expect(typeof ts.isShorthandPropertyAssignment, hint).to.equal("function");
  });

  it("nothing outside the adapter reaches tslab's dist/ (kernel and library)", () => {
    const root = path.resolve(__dirname, "../..");
    const files = [
      ...fs.readdirSync(path.join(root, "kernel")).filter((f) => f.endsWith(".js") && f !== "tslab-adapter.js").map((f) => path.join(root, "kernel", f)),
      ...fs.readdirSync(path.join(root, "src"), { recursive: true }).map(String).filter((f) => f.endsWith(".ts")).map((f) => path.join(root, "src", f)),
    ];
    const offenders = files.filter((f) => /tslab\/dist/.test(fs.readFileSync(f, "utf8")));
    expect(offenders).to.deep.equal([]);
  });
});
