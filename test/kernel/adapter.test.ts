/**
 * One test per tslab internal the pathlab kernel touches (all of them live in
 * kernel/tslab-adapter.js): a tslab upgrade that moves one fails here, naming it.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";

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
    for (const m of ["init", "bindSocket", "handleExecute", "publishStatus", "close"])
      expect(typeof t.ZmqServer.prototype[m], `${hint}: ZmqServer.${m}`).to.equal("function");
    expect(t.ZmqServer.prototype.bindSocket.length, hint).to.equal(2);
    const src = fs.readFileSync(require.resolve("tslab/dist/jupyter"), "utf8");
    for (const s of ["iopub", "shell", "control", "stdin", "hb"]) expect(src, `${hint}: socket ${s}`).to.contain(`this.${s} = new zmq.`);
    // init binds every socket through bindSocket, which the kernel overrides to queue sends.
    expect((src.match(/this\.bindSocket\(this\.\w+, cinfo\.\w+_port\)/g) || []).length, hint).to.equal(5);
    expect(src, `${hint}: connInfo.key`).to.contain("this.connInfo.key");
  });

  it("jupyter.JupyterHandlerImpl: execQueue (add/reset), handleExecuteImpl(req, writeStream, writeDisplayData), handleKernel", () => {
    const { Handler } = adapter.kernelClasses();
    const h = new Handler({}, false);
    const q = h.queue();
    expect(typeof q.add, hint).to.equal("function");
    expect(typeof q.reset, hint).to.equal("function");
    expect(t.JupyterHandlerImpl.prototype.handleExecuteImpl.length, hint).to.equal(3);
    expect(h.handleKernel().implementation, hint).to.equal("tslab");
    class Renamed extends Handler {
      kernelInfo(info: Record<string, unknown>) {
        return { ...info, implementation: "pathlab" };
      }
    }
    expect(
      new (Renamed as unknown as new (e: unknown, js: boolean) => { handleKernel(): { implementation: string } })({}, false).handleKernel().implementation,
      hint,
    ).to.equal("pathlab");
  });

  it("handleExecuteImpl routes process.stdout to the cell's stream writer and runs the executor", async () => {
    const { Handler } = adapter.kernelClasses();
    const h = new Handler(
      {
        execute: async () => {
          process.stdout.write("hello");
          return true;
        },
      },
      false,
    );
    const seen: [string, string][] = [];
    const saved = [process.stdout.write, process.stderr.write];
    try {
      const count = await h.runCell(
        { code: "x" },
        (name: string, text: string) => seen.push([name, text]),
        () => {},
      );
      expect(count.count, hint).to.equal(1);
    } finally {
      [process.stdout.write, process.stderr.write] = saved;
    }
    expect(seen, hint).to.deep.equal([["stdout", "hello"]]);
  });

  it("ZmqServer.handleExecute(sock, msg) is what tslab calls for execute_request; the server keeps handler, iopub, connInfo", () => {
    const src = fs.readFileSync(require.resolve("tslab/dist/jupyter"), "utf8");
    expect(src, hint).to.contain('case "execute_request":\n                    await this.handleExecute(sock, msg);');
    const { Server } = adapter.kernelClasses();
    const server = new Server({ marker: 1 }, "/nonexistent");
    expect(server.requestHandler, hint).to.deep.equal({ marker: 1 });
    expect(src, hint).to.contain("this.iopub = new zmq.Publisher()");
  });

  it("messages: createReply and signAndSend(key, socket)", () => {
    const src = fs.readFileSync(require.resolve("tslab/dist/jupyter"), "utf8");
    expect(src, hint).to.match(/createReply\(\) \{/);
    expect(src, hint).to.match(/signAndSend\(key, sock\) \{[\s\S]*?sock\.send\(/);
    const { Server } = adapter.kernelClasses();
    const server = new Server({}, "");
    server.connInfo = { key: "k" };
    const sent: unknown[][] = [];
    const parent = {
      createReply: () => ({
        identity: [],
        header: { msg_type: "" },
        parent: {},
        metadata: {},
        content: {},
        extra: [],
        signAndSend(key: string, sock: { send: (f: unknown[]) => void }) {
          sock.send([key, this.header.msg_type, this.content]);
        },
      }),
    };
    server.reply(parent, { send: (f: unknown[]) => sent.push(f) }, "stream", { text: "x" });
    expect(sent, hint).to.deep.equal([["k", "stream", { text: "x" }]]);
  });

  it("executor: locals (names cells share), interrupt(), and cells compiled through the transform", async () => {
    const logged: unknown[] = [];
    const compiled: string[] = [];
    const cells = adapter.createCellExecutor(
      process.cwd(),
      { log: (v: unknown) => logged.push(v), error: (...a: unknown[]) => logged.push(a) },
      (prevDecl: string, src: string) => ({ prevDecl: prevDecl + "\ndeclare const shared: number;\n", src: src.replace("TWO", "2") }),
      (js: string) => compiled.push(js),
    );
    try {
      cells.setGlobal("shared", 40);
      expect(await cells.executor.execute("shared + TWO"), hint).to.equal(true);
      expect(logged, hint).to.deep.equal([42]);
      expect(
        compiled.some((js) => js.includes("exports.shared")),
        hint,
      ).to.equal(true);
      expect(typeof cells.interrupt, hint).to.equal("function");
    } finally {
      cells.executor.close();
    }
  }).timeout(60000);

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
      ...fs
        .readdirSync(path.join(root, "kernel"))
        .filter((f) => f.endsWith(".js") && f !== "tslab-adapter.js")
        .map((f) => path.join(root, "kernel", f)),
      ...fs
        .readdirSync(path.join(root, "src"), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith(".ts"))
        .map((f) => path.join(root, "src", f)),
    ];
    const offenders = files.filter((f) => /tslab\/dist/.test(fs.readFileSync(f, "utf8")));
    expect(offenders).to.deep.equal([]);
  });
});
