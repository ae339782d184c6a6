import { expect } from "chai";
import * as fs from "fs";
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const launcher = require("../../kernel/pathlab-kernel.js");
const runner = require("../../kernel/run-notebooks.js");
const rewrite = require("../../kernel/rewrite.js");
const adapter = require("../../kernel/tslab-adapter.js");

type Output = { output_type: string; data?: Record<string, unknown>; text?: string; ename?: string; evalue?: string; traceback?: string[] };
type Cell = { outputs: Output[] };
/** nbformat stores multi-line strings as arrays of lines. */
const txt = (x: unknown): string => (Array.isArray(x) ? x.join("") : String(x));

describe("pathlab kernel: tslab pin", () => {
  it("runs on exactly the tslab version its launcher was written against", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const installed = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/tslab/package.json"), "utf8")).version;
    expect(pkg.dependencies.tslab, "package.json must pin tslab exactly").to.equal(launcher.TSLAB_VERSION);
    expect(installed, `installed tslab ${installed} differs from the pinned ${launcher.TSLAB_VERSION}: review kernel/pathlab-kernel.js`).to.equal(
      launcher.TSLAB_VERSION,
    );
    expect(() => launcher.checkTslabVersion()).to.not.throw();
  });

  it("maps a library error back to the user's cell line", () => {
    const err = new Error("x");
    err.stack = "Error: x\n    at f (/lib/x.js:1:1)\n    at evalmachine.<anonymous>:2:20";
    const compiled = "const a = 1;\nconst fit = (0, pathlab_1.cfa)(model, data);\n";
    const where = launcher.userLine(err, "const a = 1;\n\nconst fit = cfa(model, data);", compiled);
    expect(where).to.deep.equal({ line: 3, text: "const fit = cfa(model, data);" });
  });
});

describe("pathlab kernel: pieces", () => {
  const ts = adapter.typescript();

  it("writes out shorthand properties ({ data } → { data: data }) without moving lines, and maps columns back", () => {
    const src = "const s2 = { data }; const bad: string = 1;\nf({ a, b: 1, c });\nconst { d } = o;\n({ e = 2 } = o);";
    const { code, edits } = rewrite.expandShorthand(ts, src);
    expect(code).to.equal("const s2 = { data: data }; const bad: string = 1;\nf({ a: a, b: 1, c: c });\nconst { d } = o;\n({ e: e = 2 } = o);");
    expect(code.split("\n")).to.have.length(src.split("\n").length);
    // "bad" is at column 28 of the user's line 1 and at 34 after the rewrite.
    expect(code.indexOf("bad") + 1).to.equal(34);
    expect(rewrite.mapColumn(edits, 1, 34)).to.equal(28);
    expect(rewrite.mapColumn(edits, 1, 5)).to.equal(5);
    expect(rewrite.expandShorthand(ts, "const x = { a: 1 };").code).to.equal("const x = { a: 1 };");
  });

  it("makes every await interruptible without changing its value or type", () => {
    const { code, edits } = rewrite.rewriteCell(ts, "for (;;) { await sleep(10); n++; }\nconst x = await await f({ b });");
    expect(code).to.equal("for (;;) { await __pathlabAwait(sleep(10)); n++; }\nconst x = await __pathlabAwait(await __pathlabAwait(f({ b: b })));");
    expect(rewrite.mapColumn(edits, 1, code.split("\n")[0].indexOf("n++") + 1)).to.equal("for (;;) { await sleep(10); n++; }".indexOf("n++") + 1);
    expect(rewrite.rewriteCell(ts, "for await (const a of it) {}").code).to.equal("for await (const a of it) {}");
    expect(rewrite.withAwaitDecl("declare const a: number;")).to.contain(rewrite.AWAIT_DECL);
    expect(rewrite.withAwaitDecl(rewrite.withAwaitDecl("")).split(rewrite.AWAIT_DECL)).to.have.length(2);
  });

  it("queues socket sends: one at a time, in call order, none lost", async () => {
    let busy = false;
    const sent: number[] = [];
    const sock = {
      send: async (m: number) => {
        if (busy) throw new Error("Socket is busy writing; only one send operation may be in progress at any time");
        busy = true;
        await new Promise((r) => setImmediate(r));
        sent.push(m);
        busy = false;
      },
    };
    const logged: string[] = [];
    launcher.serializeSends(sock, (m: string) => logged.push(m));
    const all = Array.from({ length: 2000 }, (_, i) => sock.send(i));
    await Promise.all(all);
    expect(logged).to.deep.equal([]);
    expect(sent).to.deep.equal(Array.from({ length: 2000 }, (_, i) => i));
  });

  it("batches stream text in order, switching streams and flushing before other output", async () => {
    const msgs: [string, string][] = [];
    const buf = new launcher.StreamBuffer((name: string, text: string) => msgs.push([name, text]));
    for (let i = 0; i < 100000; i++) buf.write("stdout", `line ${i}\n`);
    buf.write("stderr", "warn\n");
    buf.flush();
    const out = msgs
      .filter((m) => m[0] === "stdout")
      .map((m) => m[1])
      .join("");
    expect(out.split("\n").slice(0, -1)).to.deep.equal(Array.from({ length: 100000 }, (_, i) => `line ${i}`));
    expect(msgs.length).to.be.lessThan(40);
    expect(msgs[msgs.length - 1]).to.deep.equal(["stderr", "warn\n"]);
  });

  it("a thrown string or object shows its content", () => {
    expect(launcher.errorContent("a plain string", "", "", null).evalue).to.equal("a plain string");
    const o = launcher.errorContent({ code: 42, why: "an object" }, "", "", null);
    expect(o.evalue).to.equal("{ code: 42, why: 'an object' }");
    expect(o.traceback.join("\n")).to.not.contain("[object Object]");
    const i = launcher.errorContent(new Error("Interrupted asynchronously"), "", "", null);
    // Node 20's message for a SIGINT during synchronous code is an interrupt too.
    const sync = launcher.errorContent(
      Object.assign(new Error("Script execution was interrupted by `SIGINT`"), { code: "ERR_SCRIPT_EXECUTION_INTERRUPTED" }),
      "",
      "",
      null,
    );
    expect(sync.ename).to.equal("Interrupted");
    expect(i.ename).to.equal("Interrupted");
  });
});

describe("pathlab kernel: behaviour through Jupyter @slow", function () {
  this.timeout(180000);
  let cells: Cell[] = [];
  let result: { status: string; error: unknown };

  before(async () => {
    const out = path.join(ROOT, "build", "test", "kernel");
    const [r] = await runner.runNotebooks([path.join(ROOT, "test/fixtures/kernel/behaviour.ipynb")], { outDir: out });
    result = r;
    cells = JSON.parse(fs.readFileSync(path.join(out, "behaviour.ipynb"), "utf8")).cells;
  });

  it("the notebook completes (error cells are tagged raises-exception)", () => {
    expect(result.status, JSON.stringify(result.error)).to.equal("ok");
  });

  it("a result as last expression is display_data with HTML and text, no stdout dump", () => {
    const outs = cells[0].outputs;
    expect(outs.map((o) => o.output_type)).to.deep.equal(["display_data"]);
    expect(Object.keys(outs[0].data!).sort()).to.deep.equal(["text/html", "text/plain"]);
    expect(txt(outs[0].data!["text/html"])).to.contain("A result");
  });

  it("figures carry the plotly MIME type with HTML and text; bare plotly objects too", () => {
    for (const i of [1, 3]) {
      const outs = cells[i].outputs;
      expect(outs).to.have.length(1);
      expect(Object.keys(outs[0].data!).sort()).to.deep.equal(["application/vnd.plotly.v1+json", "text/html", "text/plain"]);
    }
  });

  it("arrays of row objects render as tables", () => {
    expect(cells[2].outputs[0].output_type).to.equal("display_data");
    expect(txt(cells[2].outputs[0].data!["text/html"])).to.contain("<table");
  });

  it("a PathlabError is a short message with its hint and the user's line; the next cell runs", () => {
    const outs = cells[4].outputs;
    expect(outs).to.have.length(1);
    const e = outs[0];
    expect(e.output_type).to.equal("error");
    expect(e.ename).to.equal("PathlabError");
    expect(e.traceback!.join("\n")).to.contain('Hint: Did you mean "food"?');
    expect(e.traceback!.join("\n")).to.contain("at cell line");
    expect(e.traceback!.join("\n")).to.not.contain("node_modules");
    expect(txt(cells[5].outputs[0].text)).to.contain("next cell runs");
  });

  it("type errors name line and column; unexpected errors keep their stack", () => {
    expect(cells[6].outputs[0].ename).to.equal("TypeScript");
    expect(cells[6].outputs[0].evalue).to.match(/^1:7 - Type 'number' is not assignable to type 'string'/);
    expect(cells[7].outputs[0].ename).to.equal("TypeError");
    expect(cells[7].outputs[0].traceback!.join("\n")).to.contain("at ");
  });

  it("display() and the progress bar send rich output; the bar ends at its total", () => {
    const outs = cells[8].outputs;
    const kinds = outs.map((o) => (o.output_type === "display_data" ? Object.keys(o.data!).length : o.output_type));
    expect(kinds.slice(0, 2)).to.deep.equal([2, 3]);
    const bar = outs[2];
    expect(txt(bar.data!["text/plain"])).to.contain("10/10");
    expect(txt(outs[3].text)).to.contain("42");
  });
});

describe("pathlab kernel: no output lost, errors in their cell, shorthand, arrays @slow", function () {
  this.timeout(180000);
  let cells: Cell[] = [];
  let result: { status: string; error: unknown };
  const text = (c: Cell) =>
    c.outputs
      .filter((o) => o.output_type === "stream")
      .map((o) => txt(o.text))
      .join("");

  before(async () => {
    const out = path.join(ROOT, "build", "test", "robust");
    const [r] = await runner.runNotebooks([path.join(ROOT, "test/fixtures/kernel/robust.ipynb")], { outDir: out });
    result = r;
    cells = JSON.parse(fs.readFileSync(path.join(out, "robust.ipynb"), "utf8")).cells;
  });

  it("the notebook completes", () => {
    expect(result.status, JSON.stringify(result.error)).to.equal("ok");
  });

  it("a cell printing 100,000 lines delivers every line, in order, and then the table", () => {
    const lines = text(cells[0]).split("\n").slice(0, -1);
    expect(lines.length).to.equal(100000);
    expect(lines.every((l, i) => l === `line ${i}`)).to.equal(true);
    const last = cells[0].outputs[cells[0].outputs.length - 1];
    expect(last.output_type).to.equal("display_data");
    expect(txt(last.data!["text/html"])).to.contain("After the lines");
  });

  it("300 display() calls in one cell arrive as 300 outputs, in order", () => {
    const titles = cells[1].outputs.map((o) => txt(o.data!["text/plain"]).split("\n")[0]);
    expect(titles).to.deep.equal(Array.from({ length: 300 }, (_, i) => `Table ${i}`));
  });

  it("{ data } shorthand for a variable of an earlier cell works, also as the last expression", () => {
    expect(text(cells[3])).to.equal("shorthand length 3\n");
    expect(text(cells[4])).to.contain("data: [ 1, 2, 3 ], n: 3");
  });

  it("an array of results renders each element as it would alone", () => {
    expect(cells[5].outputs.map((o) => o.output_type)).to.deep.equal(["display_data", "display_data"]);
    expect(txt(cells[5].outputs[0].data!["text/html"])).to.contain("Alpha A");
    expect(txt(cells[5].outputs[1].data!["text/html"])).to.contain("Alpha B");
  });

  it("a thrown string or object shows its content", () => {
    expect(cells[6].outputs[0].evalue).to.equal("a plain string");
    expect(cells[7].outputs[0].evalue).to.equal("{ code: 42, why: 'an object' }");
  });

  it("an unhandled promise rejection is reported in the cell that caused it; the next cell is clean", () => {
    const errs = cells[8].outputs.filter((o) => o.output_type === "error");
    expect(errs).to.have.length(1);
    expect(errs[0].evalue).to.equal("lost promise");
    expect(errs[0].traceback!.join("\n")).to.contain("Unhandled promise rejection");
    expect(cells[9].outputs.map((o) => [o.output_type, txt(o.text)])).to.deep.equal([["stream", "next cell is clean\n"]]);
  });

  it("a rejection from an earlier cell's timer does not land in the cell that is running", () => {
    expect(text(cells[11])).to.equal("scheduled\n");
    expect(cells[12].outputs.map((o) => [o.output_type, txt(o.text)])).to.deep.equal([["stream", "cell 12 ran while the rejection happened\n"]]);
  });

  it("a type error after a rewritten shorthand points at the user's column", () => {
    expect(cells[10].outputs[0].evalue).to.match(/^1:28 - Type 'number' is not assignable to type 'string'/);
  });
});

describe("pathlab kernel: a dying kernel is reported with its cell and cause @slow", function () {
  this.timeout(240000);
  const fixtures = ["dies-exit", "dies-kill", "dies-oom"].map((n) => path.join(ROOT, "test/fixtures/kernel", n + ".ipynb"));
  let results: { status: string; error: { cell: number; ename: string; evalue: string } }[] = [];

  before(async () => {
    // A small heap so that the out-of-memory case is quick.
    results = await runner.runNotebooks(fixtures, { outDir: path.join(ROOT, "build", "test", "dies"), env: { NODE_OPTIONS: "--max-old-space-size=600" } });
  });

  it("process.exit(3): the cell and the exit code", () => {
    expect(results[0].error).to.deep.include({ cell: 1, ename: "DeadKernelError" });
    expect(results[0].error.evalue).to.contain("while running cell 1").and.to.contain("exited with code 3");
  });

  it("a kill: the cell and the signal", () => {
    expect(results[1].error).to.deep.include({ cell: 2, ename: "DeadKernelError" });
    expect(results[1].error.evalue).to.contain("killed by SIGKILL");
  });

  it("out of memory: the cell, the heap limit and how to raise it", () => {
    expect(results[2].error).to.deep.include({ cell: 1, ename: "DeadKernelError" });
    expect(results[2].error.evalue).to.match(/out of memory: the kernel's JavaScript heap reached its limit of \d{3} MB/);
    expect(results[2].error.evalue).to.contain("NODE_OPTIONS=--max-old-space-size=");
  });

  it("npm run replicate names the notebook, the cell and the cause", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "kernel/run-notebooks.js"), fixtures[0]], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).to.equal(1);
    expect(r.stderr).to.match(
      /FAILED test\/fixtures\/kernel\/dies-exit\.ipynb, cell 1: DeadKernelError: the kernel died while running cell 1: the kernel process exited with code 3/,
    );
  });
});

describe("pathlab kernel: interrupt stops the work @slow", function () {
  this.timeout(240000);
  let m: {
    workers: { cpuBusy: number; cpuAfter: number; threadsBusy: number; threadsAfter: number; errors: string[] };
    single: { cpuAfter: number; errors: string[]; ticksAfterInterrupt: number };
    sync: { cpuBusy: number; cpuAfter: number; errors: string[] };
    loop: { errors: string[]; countedAfterInterrupt: number };
    afterwards: string;
  };

  before(() => {
    const py = path.join(ROOT, ".venv", "bin", "python");
    const r = spawnSync(py, [path.join(__dirname, "interrupt.py")], {
      cwd: path.join(ROOT, "notebooks"),
      encoding: "utf8",
      env: { ...process.env, JUPYTER_PLATFORM_DIRS: "1" },
    });
    expect(r.status, r.stderr).to.equal(0);
    m = JSON.parse(r.stdout.trim().split("\n").pop()!);
  });

  it("powerAsync on two threads: the worker is terminated, the kernel's thread stops, the CPU goes idle", () => {
    expect(m.workers.cpuBusy, "CPU seconds in 1 s while the workers ran").to.be.greaterThan(0.3);
    // threads: 2 is the kernel's own thread plus one worker thread (src/simulate/parallel.ts).
    expect(m.workers.threadsAfter, "threads of the kernel process after the interrupt").to.equal(m.workers.threadsBusy - 1);
    expect(m.workers.cpuAfter, "CPU seconds per second after the interrupt").to.be.lessThan(0.1);
    expect(m.workers.errors).to.deep.equal(["Interrupted: The cell was interrupted."]);
  });

  it("powerAsync in the kernel's thread: the async loop stops counting", () => {
    expect(m.single.errors).to.deep.equal(["Interrupted: The cell was interrupted."]);
    expect(m.single.ticksAfterInterrupt, "progress ticks in 1.5 s after the interrupt").to.equal(0);
    expect(m.single.cpuAfter).to.be.lessThan(0.1);
    expect(m.afterwards).to.equal("still alive");
  });

  it("a synchronous PROCESS bootstrap on two threads: the cell is interrupted and its worker stops too", () => {
    expect(m.sync.cpuBusy, "CPU seconds in 1 s while the bootstrap ran").to.be.greaterThan(0.3);
    // tslab's breakOnSigint ends the cell (also inside Atomics.wait); the pool worker stops at the
    // next turn of the event loop (src/simulate/parallel.ts).
    expect(m.sync.errors).to.deep.equal(["Interrupted: The cell was interrupted."]);
    expect(m.sync.cpuAfter, "CPU seconds per second after the interrupt").to.be.lessThan(0.1);
  });

  it("a user's async loop in a cell stops counting", () => {
    expect(m.loop.errors).to.deep.equal(["Interrupted: The cell was interrupted."]);
    expect(m.loop.countedAfterInterrupt, "loop iterations in 1.5 s after the interrupt").to.equal(0);
  });
});
