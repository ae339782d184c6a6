import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-var-requires
const launcher = require("../../kernel/pathlab-kernel.js");
// eslint-disable-next-line @typescript-eslint/no-var-requires
const runner = require("../../kernel/run-notebooks.js");

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

  it("finds the tslab internals it hooks into", () => {
    const jupyter = require("tslab/dist/jupyter");
    const executor = require("tslab/dist/executor");
    const util = require("tslab/dist/util");
    const hint = "tslab internals changed: kernel/pathlab-kernel.js must be updated";
    expect(typeof jupyter.ZmqServer.prototype.init, hint).to.equal("function");
    expect(typeof jupyter.JupyterHandlerImpl.prototype.handleExecuteImpl, hint).to.equal("function");
    expect(typeof jupyter.JupyterHandlerImpl.prototype.handleKernel, hint).to.equal("function");
    expect(executor.createExecutor.length, hint).to.equal(3);
    expect(typeof util.TaskCanceledError, hint).to.equal("function");
    expect(typeof require("tslab/dist/converter").createConverter, hint).to.equal("function");
    // The executor reports the last expression with log and errors with error — nothing else.
    const src = fs.readFileSync(require.resolve("tslab/dist/executor"), "utf8");
    expect(src.match(/console\.(log|error)\(/g), hint).to.deep.equal(["console.error(", "console.error(", "console.error(", "console.log("]);
  });

  it("maps a library error back to the user's cell line", () => {
    const err = new Error("x");
    err.stack = "Error: x\n    at f (/lib/x.js:1:1)\n    at evalmachine.<anonymous>:2:20";
    const compiled = 'const a = 1;\nconst fit = (0, pathlab_1.cfa)(model, data);\n';
    const where = launcher.userLine(err, "const a = 1;\n\nconst fit = cfa(model, data);", compiled);
    expect(where).to.deep.equal({ line: 3, text: "const fit = cfa(model, data);" });
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
