import { expect } from "chai";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const runner = require("../kernel/run-notebooks.js");

type Result = {
  notebook: string;
  kernel: string;
  cells: number;
  status: string;
  error: { cell: number; ename: string; evalue: string } | null;
  outputs: Record<string, number>;
  plotlyIncomplete: number;
};

describe("notebooks: every notebook runs through Jupyter with the pathlab kernel @slow", function () {
  this.timeout(1200000);
  const notebooks: string[] = runner.listNotebooks();
  let results: Result[] = [];

  before(async () => {
    results = await runner.runNotebooks(notebooks);
  });

  it("finds the tutorials and the paper notebooks", () => {
    const rel = notebooks.map((p) => path.relative(path.resolve(__dirname, "../notebooks"), p));
    expect(rel).to.include("tutorials/01-getting-started.ipynb");
  });

  it("each notebook uses the pathlab kernel and completes without an error output", () => {
    const failures = results
      .filter((r) => r.status !== "ok" || r.kernel !== "pathlab")
      .map((r) => `${path.basename(r.notebook)} [kernel ${r.kernel}] cell ${r.error?.cell}: ${r.error?.ename}: ${r.error?.evalue}`);
    expect(failures, failures.join("\n")).to.deep.equal([]);
    expect(results).to.have.length(notebooks.length);
  });

  it("plotly outputs carry the plotly, HTML and text MIME types", () => {
    for (const r of results) expect(r.plotlyIncomplete, `${path.basename(r.notebook)}: plotly outputs without HTML/text`).to.equal(0);
    expect(results.some((r) => (r.outputs["application/vnd.plotly.v1+json"] ?? 0) > 0)).to.equal(true);
  });
});
