import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { paper000, paper001, paper002, paper003 } from "../src/papers";
import { hypothesisNumbers } from "../src/replicate";
import { REPLICATION_STATUSES } from "../src/replicate/compare";
import { diagramProblems } from "../src/display/diagram-check";

const records: Record<string, Parameters<typeof hypothesisNumbers>[0]> = {
  "000": paper000.record,
  "001": paper001.record,
  "002": paper002.record,
  "003": paper003.record,
};

const runner = require("../kernel/run-notebooks.js");

type Result = {
  notebook: string;
  kernel: string;
  cells: number;
  status: string;
  error: { cell: number; ename: string; evalue: string } | null;
  outputs: Record<string, number>;
  plotlyIncomplete: number;
  replication: { paper: string; compared: number; counts: Record<string, number>; consistencyFlags: number; rows: { id: string; status: string }[] }[];
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

  it("every path diagram in the executed notebooks has no overlapping boxes or labels (issue 19)", () => {
    const dir = path.resolve(__dirname, "..", "notebooks", "executed");
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory() && e.name !== "data") walk(path.join(d, e.name));
        else if (e.name.endsWith(".ipynb")) files.push(path.join(d, e.name));
      }
    };
    walk(dir);
    let seen = 0;
    for (const f of files) {
      const nb = JSON.parse(fs.readFileSync(f, "utf8")) as { cells: { outputs?: { data?: Record<string, unknown> }[] }[] };
      for (const cell of nb.cells)
        for (const out of cell.outputs ?? []) {
          const fig = out.data?.["application/vnd.plotly.v1+json"] as { layout?: { meta?: { pathlab?: string } } } | undefined;
          if (fig?.layout?.meta?.pathlab !== "diagram") continue;
          seen++;
          const problems = diagramProblems(fig as never);
          expect(problems, `${path.basename(f)}: ${JSON.stringify(problems.slice(0, 5))}`).to.deep.equal([]);
        }
    }
    expect(seen, "path diagrams found in the executed notebooks").to.be.greaterThan(5);
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

  it("each paper notebook reports one replication summary with one of the five statuses for every published hypothesis-test number", () => {
    const papers = results.filter((r) => /notebooks\/papers\/\d{3}-/.test(r.notebook));
    expect(papers.map((r) => path.basename(r.notebook).slice(0, 3))).to.include.members(["000", "001", "002", "003", "004"]);
    for (const r of papers) {
      const id = path.basename(r.notebook).slice(0, 3);
      expect(r.replication, `${id}: replication summaries emitted`).to.have.length(1);
      const c = r.replication[0];
      expect(c.paper).to.equal(id);
      expect(
        REPLICATION_STATUSES.reduce((a, s) => a + c.counts[s], 0),
        `${id}: statuses add up`,
      ).to.equal(c.compared);
      expect(c.rows.length).to.equal(c.compared);
      for (const row of c.rows) expect(REPLICATION_STATUSES, `${id}: ${row.id}`).to.include(row.status);
      if (records[id]) {
        const ids = new Set(c.rows.map((x) => x.id));
        const missing = hypothesisNumbers(records[id])
          .map((n) => n.id)
          .filter((n) => !ids.has(n));
        expect(missing, `${id}: published hypothesis-test numbers missing from the compare table`).to.deep.equal([]);
      }
    }
  });

  it("the summary npm run replicate writes matches each notebook's own table", () => {
    const rows = runner.writeSummaries(results) as Record<string, number | string>[];
    const written = JSON.parse(fs.readFileSync(path.join(runner.BUILD, "replication-summary.json"), "utf8"));
    expect(written).to.deep.equal(rows);
    for (const r of results) {
      for (const own of r.replication) {
        const row = written.find((w: { paper: string }) => w.paper === own.paper);
        for (const k of ["compared", "consistencyFlags"] as const) expect(row[k], `${own.paper} ${k}`).to.equal(own[k]);
        expect(row.counts, `${own.paper} counts`).to.deep.equal(own.counts);
        expect(row.rows.length).to.equal(own.rows.length);
      }
    }
    const md = fs.readFileSync(path.join(runner.BUILD, "replication-summary.md"), "utf8");
    for (const w of written) expect(md).to.contain(`| ${w.paper} | ${w.compared} |`);
  });

  it("every report is self-contained and titled by its first heading; paper reports open in reader mode", () => {
    for (const r of results) {
      const rel = path.relative(path.resolve(__dirname, "../notebooks"), r.notebook);
      const html = fs.readFileSync(path.join(runner.EXECUTED, rel.replace(/\.ipynb$/, ".html")), "utf8");
      const nb = JSON.parse(fs.readFileSync(r.notebook, "utf8"));
      const first = nb.cells.find((c: { cell_type: string }) => c.cell_type === "markdown");
      const heading = first
        ? ([] as string[])
            .concat(first.source)
            .join("")
            .match(/^#+\s+(.+)$/m)?.[1]
        : undefined;
      const title = html.match(/<title>([^<]*)<\/title>/)![1];
      expect(title, rel).to.not.equal("Notebook");
      if (heading && !/[*_`[<]/.test(heading)) expect(title, rel).to.equal(heading.trim().replace(/&/g, "&amp;"));
      expect(html, `${rel}: loads nothing from the network`).to.not.match(/<script[^>]+src=|<link[^>]+href=["']https?:/);
      expect(html, rel).to.contain("Content-Security-Policy");
      const reader = !/<input checked=""[^>]*id="pathlab-show-code"|<input[^>]*id="pathlab-show-code"[^>]*checked/.test(html);
      expect(reader, `${rel}: reader mode`).to.equal(rel.startsWith("papers"));
    }
  });
});
