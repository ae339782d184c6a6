import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { allNumbers, hypothesisNumbers, measurementNumbers } from "../../src/replicate";
import { loadingsOf } from "../../src/replicate/numbers";
import { parsePrinted } from "../../src/replicate/transcribe";
import * as P from "../../src/papers";

const paper000 = P.paper000.record;
const paper001 = P.paper001.record;
const paper002 = P.paper002.record;
const paper003 = P.paper003.record;
const papers = { "000": paper000, "001": paper001, "002": paper002, "003": paper003 };

describe("papers: printed-number parsing", () => {
  it("reads minus signs, stars, daggers, bounds and leading-dot decimals", () => {
    expect(parsePrinted("−0.035")).to.include({ value: -0.035, digits: 3, stars: "" });
    expect(parsePrinted("0.87***")).to.include({ value: 0.87, digits: 2, stars: "***" });
    expect(parsePrinted("0.15†")).to.include({ value: 0.15, digits: 2, stars: "†" });
    expect(parsePrinted("< .001")).to.include({ value: 0.001, digits: 3, bound: "<" });
    expect(parsePrinted("p > .10")).to.include({ value: 0.1, digits: 2, bound: ">" });
    expect(parsePrinted("(6.84)")).to.include({ value: 6.84, digits: 2 });
    expect(parsePrinted("13.90")).to.include({ value: 13.9, digits: 2 });
  });
  it("rejects text that is not a number, naming it", () => {
    expect(() => parsePrinted("n.s.")).to.throw(/cannot read the printed number "n\.s\."/);
  });
});

describe("papers: record shapes", () => {
  for (const p of [paper000, paper001, paper002, paper003]) {
    describe(`paper ${p.id}`, () => {
      it("has a square, symmetric correlation matrix with unit diagonal aligned with names, means and SDs", () => {
        const t = p.correlations;
        const k = t.names.length;
        expect(t.r.length).to.equal(k);
        expect(t.labels.length).to.equal(k);
        expect(t.means.length).to.equal(k);
        expect(t.sds.length).to.equal(k);
        expect(t.diagonal.length).to.equal(k);
        for (let i = 0; i < k; i++) {
          expect(t.r[i].length).to.equal(k);
          expect(t.r[i][i]).to.equal(1);
          for (let j = 0; j < k; j++) {
            if (Number.isNaN(t.r[i][j])) expect(Number.isNaN(t.r[j][i])).to.equal(true);
            else expect(t.r[i][j]).to.equal(t.r[j][i]);
            if (i !== j && !Number.isNaN(t.r[i][j])) expect(Math.abs(t.r[i][j])).to.be.lessThan(1);
          }
        }
        const nanCells = t.r.flat().filter((v) => Number.isNaN(v)).length;
        expect(nanCells).to.equal(2 * t.missing.length);
      });

      it("has loadings for every item of each measured construct, and measured constructs in the correlation table", () => {
        for (const c of p.constructs) {
          const { items, loadings } = loadingsOf(p, c.id);
          expect(items.length).to.equal(loadings.length);
          if (c.cr) {
            expect(loadings.length, c.id).to.equal(c.items.length);
            expect(c.items.length, c.id).to.be.greaterThan(1);
            for (const l of loadings) expect(l).to.be.within(0.3, 1);
            expect(p.correlations.names, c.id).to.include(c.id);
          }
        }
      });

      it("gives every hypothesis-test number digits, a source and a unique id", () => {
        const nums = hypothesisNumbers(p);
        expect(nums.length).to.be.greaterThan(10);
        for (const n of nums) {
          expect(n.digits, n.id).to.be.a("number").and.to.be.at.least(0);
          expect(n.source, n.id).to.be.a("string").and.not.equal("");
          expect(Number.isFinite(n.value), n.id).to.equal(true);
          expect(n.printed, n.id).to.be.a("string").and.not.equal("");
        }
        const all = allNumbers(p).map((n) => n.id);
        expect(new Set(all).size).to.equal(all.length);
      });

      it("ties every hypothesis to evidence that exists in the record", () => {
        const ids = new Set<string>([...p.coefficients.map((c) => c.id), ...p.indirectEffects.map((e) => e.id), ...p.simpleSlopes.map((s) => s.id)]);
        for (const h of p.hypotheses) {
          expect(h.evidence.length, h.id).to.be.greaterThan(0);
          for (const e of h.evidence) expect(ids.has(e), `${h.id}: ${e}`).to.equal(true);
        }
        for (const path of p.model.paths) {
          if (path.estimateId) expect(ids.has(path.estimateId), path.estimateId).to.equal(true);
          const nodes = p.model.nodes.map((n) => n.id);
          expect(nodes).to.include(path.from);
          expect(nodes).to.include(path.to);
        }
      });

      it("keeps readings consistent: exactly one used reading per damaged value", () => {
        for (const c of p.coefficients) for (const r of c.readings ?? []) expect(r.options.filter((o) => o.used).length, c.id).to.equal(1);
        for (const cr of p.correlations.cellReadings ?? []) expect(cr.readings.filter((o) => o.used).length).to.equal(1);
      });
    });
  }

  it("paper 000: Table 4 has 6 models, 41 coefficients with t, and the repaired t readings", () => {
    const t4 = paper000.coefficients.filter((c) => c.table === "Table 4");
    expect(t4.length).to.equal(6 * 6 + 3 + 2);
    expect(t4.every((c) => c.t !== undefined && c.stars !== undefined)).to.equal(true);
    const age = t4.find((c) => c.id === "000.T4.M2.firm_age")!;
    expect(age.t).to.equal(0.87);
    expect(age.printed.t).to.equal("0.087");
    const tNum = hypothesisNumbers(paper000).find((n) => n.id === "000.T4.M2.firm_age.t")!;
    expect(tNum.value).to.equal(0.87);
    expect(tNum.digits).to.equal(2);
    expect(tNum.readings!.map((r) => r.value)).to.deep.equal([0.087, 0.87]);
    const amc = paper000.coefficients.find((c) => c.id === "000.T4.M2.amc")!;
    expect(amc).to.include({ estimate: 0.87, t: 6.84, stars: "***", hypothesis: "H1", digits: 2 });
    expect(paper000.correlations.r[6][5]).to.equal(0.37);
    expect(paper000.correlations.stars[6][5]).to.equal("***");
  });

  it("paper 001: the mangled row 12 leaves exactly r(alliance experience, international experience) missing", () => {
    const t = paper001.correlations;
    const i = t.names.indexOf("alliance_experience");
    const j = t.names.indexOf("intl_experience");
    expect(Number.isNaN(t.r[i][j])).to.equal(true);
    expect(t.r[i].filter((v) => Number.isNaN(v)).length).to.equal(1);
    expect(t.rDigits[t.names.indexOf("industry")][0]).to.equal(3); // −0.127 printed with three decimals
  });

  it("paper 002: reading B of rows 6–7 is used, reading A kept", () => {
    const t = paper002.correlations;
    const size = t.names.indexOf("firm_size");
    expect(t.r[size].slice(0, 5)).to.deep.equal([0.06, 0.02, 0.07, 0.02, 0.11]);
    const cr = t.cellReadings!.find((c) => c.row === "firm_size" && c.col === "re")!;
    expect(cr.readings.find((r) => !r.used)!.value).to.equal(0.02);
  });

  it("paper 003: Table 3 has its empty M1 cell, R² row and OCR readings", () => {
    expect(paper003.coefficients.find((c) => c.id === "003.T3.M1.intl_exp")).to.equal(undefined);
    expect(paper003.coefficients.filter((c) => c.model === "M5").length).to.equal(9);
    const r2 = paper003.modelStats.find((m) => m.model === "M3")!.stats.find((s) => s.kind === "r2")!;
    expect(r2).to.include({ value: 0.3, digits: 2, printed: "0.30" });
    const ci4 = paper003.constructs.find((c) => c.id === "comp_int")!.items[3];
    expect(ci4.loading).to.equal(0.66);
    expect(measurementNumbers(paper003).some((n) => n.id === "003.cka.ave" && n.value === 0.89)).to.equal(true);
  });

  it("counts the hypothesis-test numbers per paper (guards against silent loss)", () => {
    const counts = Object.fromEntries(Object.values(papers).map((p) => [p.id, hypothesisNumbers(p).length]));
    expect(counts["001"]).to.equal(29);
    expect(counts["002"]).to.equal(138);
    // 000: 41 Table 4 cells × 2 + 6 models × 6 fit numbers + 12 text coefficients (est + p) + 3 indirect effects
    expect(counts["000"]).to.equal(41 * 2 + 36 + 12 * 2 + (4 + 3 + 3) + 7);
    expect(counts["003"]).to.equal(36 * 2 + 4 + 5 + 4 + 5 + 5);
  });
});

describe("papers: one shape per paper (pathlab/papers)", () => {
  const quantitative = [P.paper000, P.paper001, P.paper002, P.paper003];

  it("every paper folder has record, simulate, reproduce, checks, source and index", () => {
    for (const id of ["000", "001", "002", "003", "004"]) {
      const dir = path.join(__dirname, "../../src/papers", id);
      for (const f of ["record.ts", "reproduce.ts", "checks.ts", "source.md", "index.ts"])
        expect(fs.existsSync(path.join(dir, f)), `${id}/${f}`).to.equal(true);
      if (id !== "004") expect(fs.existsSync(path.join(dir, "simulate.ts")), `${id}/simulate.ts`).to.equal(true);
    }
  });

  it("each paper object carries its record, seed, scales, controls, reproduction map, layout and source", () => {
    for (const p of quantitative) {
      expect(p.record.id).to.equal(p.id);
      expect(Number.isInteger(p.seed)).to.equal(true);
      for (const [c, items] of Object.entries(p.scales)) {
        const construct = p.record.constructs.find((x) => x.id === c);
        expect(construct, `${p.id}: scale ${c}`).to.not.equal(undefined);
        expect(items).to.deep.equal(construct!.items.map((i) => i.id));
      }
      const names = p.record.correlations.names;
      for (const c of p.controls) expect(names, `${p.id}: control ${c}`).to.include(c);
      const ids = new Set(hypothesisNumbers(p.record).map((n) => n.id));
      for (const d of p.fixed) for (const id of d.ids) expect(ids.has(id), `${p.id}: fixed ${id}`).to.equal(true);
      for (const n of p.record.model.nodes) expect(p.layout[n.id], `${p.id}: layout of ${n.id}`).to.have.length(2);
      expect(p.source).to.match(/shared\/papers/);
    }
  });

  it("simulate(seed) is deterministic: the same seed gives byte-identical data", function () {
    this.timeout(20000);
    const a = P.paper003.simulate(11).toCSV();
    expect(P.paper003.simulate(11).toCSV()).to.equal(a);
    expect(P.paper003.simulate(12).toCSV()).to.not.equal(a);
    expect(P.paper001.simulate().csv()).to.equal(P.paper001.simulate(P.paper001.seed).csv());
  });

  it("the library entry exports no paper names; pathlab/papers does", () => {
    const lib = require("../../src");
    for (const k of ["paper000", "paper003", "simulatePaper000", "SEED_003", "scores000", "PAPER002_SCALES"]) expect(lib, k).to.not.have.property(k);
    expect(Object.keys(P)).to.include.members(["paper000", "paper001", "paper002", "paper003", "paper004"]);
  });

  it("`pathlab/papers` resolves under the kernel's TypeScript 5.0.4 with Node10 resolution (no package exports)", function () {
    this.timeout(60000);
    const ts = require("@tslab/typescript-for-tslab") as typeof import("typescript");
    const root = path.join(__dirname, "../..");
    expect(fs.existsSync(path.join(root, "dist", "papers", "index.d.ts")), "dist/ must be built (npm run build)").to.equal(true);
    const cell = path.join(root, "notebooks", "__papers_cell.ts");
    fs.writeFileSync(
      cell,
      'import { paper003 } from "pathlab/papers";\nimport { compare } from "pathlab/replicate";\nimport { cfa } from "pathlab";\nexport const id: string = paper003.record.id;\nexport const f = [compare, cfa];\n',
    );
    try {
      const program = ts.createProgram([cell], {
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        esModuleInterop: true,
        target: ts.ScriptTarget.ES2021,
        lib: ["lib.es2021.d.ts"],
        noEmit: true,
        skipLibCheck: true,
        types: ["node"],
      });
      const diags = ts.getPreEmitDiagnostics(program);
      expect(diags.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n")).to.equal("");
    } finally {
      fs.unlinkSync(cell);
    }
    // At run time, Node resolves the same subpaths through papers.js and replicate.js.
    expect(require(path.join(root, "papers.js")).paper003.record.id).to.equal("003");
    expect(typeof require(path.join(root, "replicate.js")).compare).to.equal("function");
  });
});

describe("papers: `pathlab/papers` inside the kernel", () => {
  it("a notebook cell imports a paper from pathlab/papers and uses it with the library @slow", async function () {
    this.timeout(180000);
    const runner = require("../../kernel/run-notebooks.js");
    const os = await import("os");
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "pathlab-papers-"));
    const [r] = await runner.runNotebooks([path.join(__dirname, "../fixtures/kernel/papers-import.ipynb")], { outDir: out });
    expect(r.status, JSON.stringify(r.error)).to.equal("ok");
    const nb = JSON.parse(fs.readFileSync(path.join(out, "papers-import.ipynb"), "utf8"));
    const text = nb.cells[0].outputs
      .map((o: { text?: string[] | string; data?: Record<string, string[] | string> }) =>
        ([] as string[]).concat(o.text ?? o.data?.["text/plain"] ?? []).join(""),
      )
      .join("");
    fs.rmSync(out, { recursive: true, force: true });
    expect(text).to.match(/id: '003'/);
    expect(text).to.match(/numbers: 95/);
  });
});
