import { expect } from "chai";
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const runner = require("../../kernel/run-notebooks.js");

describe("notebook runner", () => {
  it("orders tutorials before papers and selects by name", () => {
    const all: string[] = runner.listNotebooks();
    const rel = all.map((p) => path.relative(path.join(ROOT, "notebooks"), p));
    const firstPaper = rel.findIndex((p) => p.startsWith("papers"));
    const lastTutorial = rel.map((p) => p.startsWith("tutorials")).lastIndexOf(true);
    if (firstPaper >= 0) expect(lastTutorial).to.be.lessThan(firstPaper);
    expect(runner.select(all, ["01-getting-started"])).to.deep.equal([path.join(ROOT, "notebooks/tutorials/01-getting-started.ipynb")]);
    expect(() => runner.select(all, ["no-such-notebook"])).to.throw(/No notebook matches "no-such-notebook"/);
  });

  it("aggregates replication summaries per paper: counts per status and every row", () => {
    const counts = { reproduced: 2, differs: 0, "by construction": 1, bounded: 0, "not reproducible": 0 };
    const rows = runner.replicationSummary([
      {
        notebook: "/x/papers/000.ipynb",
        replication: [{ paper: "000", compared: 3, counts, consistencyChecks: 9, consistencyFlags: 4, rows: [{ id: "000.a", status: "reproduced" }] }],
      },
      { notebook: "/x/papers/001.ipynb", replication: [] },
    ]);
    expect(rows).to.have.length(1);
    expect(rows[0]).to.include({ paper: "000", compared: 3, consistencyFlags: 4 });
    expect(rows[0].counts).to.deep.equal(counts);
    expect(rows[0].rows).to.deep.equal([{ id: "000.a", status: "reproduced" }]);
  });

  it("fails with the notebook name, the cell index and the error @slow", function () {
    this.timeout(120000);
    const fixture = path.join(ROOT, "test/fixtures/kernel/failing.ipynb");
    const r = spawnSync(process.execPath, [path.join(ROOT, "kernel/run-notebooks.js"), fixture], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).to.equal(1);
    expect(r.stderr).to.match(/FAILED test\/fixtures\/kernel\/failing\.ipynb, cell 1: TypeError: Cannot read properties of undefined \(reading 'field'\)/);
    expect(r.stdout).to.match(/failing\.ipynb\s+3\s+[\d.]+\s+error/);
  });

  it("reports a missing environment with the command that fixes it", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "kernel/run-notebooks.js"), "01-getting-started"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, PATHLAB_VENV: path.join(ROOT, "build", "no-such-venv") },
    });
    expect(r.status).to.equal(1);
    expect(r.stderr).to.contain("Fix: node kernel/setup.js");
  });
});
