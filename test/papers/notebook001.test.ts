/**
 * Paper 001's replication notebook: the simulated data reproduce Table 4, the planted moderation has
 * the size the published slopes imply, the data file is current, and the notebook's
 * published-versus-reproduced map covers every hypothesis-test number of the paper record.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { paper001, hypothesisNumbers, simulatePaper001, PAPER001_SCALES } from "../../src/papers";
import { ols } from "../../src/regression";

const ROOT = path.join(__dirname, "..", "..");
const NOTEBOOK = path.join(ROOT, "notebooks", "papers", "001-alliance-capability-co-innovation.ipynb");
const CSV = path.join(ROOT, "notebooks", "data", "001.csv");
const t4 = paper001.correlations;
const DISCRETE = ["industry", "alliance_experience", "apd"];

/** Half a unit of the last printed digit: the rounding interval of a printed number. */
const half = (digits: number) => 0.5 * 10 ** -digits + 1e-12;

describe("paper 001 notebook: simulated data", function () {
  this.timeout(20000);
  const sim = simulatePaper001();
  const raw = simulatePaper001(20231115, { calibrate: 0 });

  it("draws the scores and controls with exactly the published Table 4 moments before rounding (calibrate: 0)", () => {
    const m = raw.continuousMoments;
    t4.names.forEach((nm, i) => {
      if (DISCRETE.includes(nm)) return;
      expect(m.means[i], `mean of ${nm}`).to.be.closeTo(t4.means[i] as number, 1e-10);
      expect(m.sds[i], `SD of ${nm}`).to.be.closeTo(t4.sds[i] as number, 1e-10);
    });
    t4.names.forEach((a, i) =>
      t4.names.forEach((b, j) => {
        if (i === j || (DISCRETE.includes(a) && DISCRETE.includes(b))) return;
        const target = Number.isNaN(t4.r[i][j]) ? 0 : t4.r[i][j];
        expect(m.cor[i][j], `r(${a}, ${b})`).to.be.closeTo(target, 1e-10);
      }),
    );
  });

  it("gives the discrete columns (industry, alliance experience, APD) moments within the printed rounding", () => {
    const m = sim.continuousMoments;
    for (const nm of DISCRETE) {
      const i = t4.names.indexOf(nm);
      expect(Math.abs(m.means[i] - (t4.means[i] as number)), `mean of ${nm}`).to.be.at.most(half(t4.meanDigits[i]));
      expect(Math.abs(m.sds[i] - (t4.sds[i] as number)), `SD of ${nm}`).to.be.at.most(half(t4.sdDigits[i]));
      for (const other of DISCRETE) {
        const j = t4.names.indexOf(other);
        if (i === j) continue;
        expect(Math.abs(m.cor[i][j] - t4.r[i][j]), `r(${nm}, ${other})`).to.be.at.most(half(t4.rDigits[i][j]));
      }
    }
  });

  it("is exact before rounding with the calibrated targets, and drifts within the stated bounds after rounding", () => {
    const pre = sim.preRoundingTarget;
    const m = sim.continuousMoments;
    pre.means.forEach((x, i) => expect(m.means[i]).to.be.closeTo(x, 1e-10));
    pre.sds.forEach((x, i) => expect(m.sds[i]).to.be.closeTo(x, 1e-10));
    pre.cor.forEach((row, i) => row.forEach((x, j) => expect(m.cor[i][j]).to.be.closeTo(x, 1e-10)));
    // Stated bounds for the Likert-rounded data file (documented in the notebook's data section).
    expect(sim.drift.cor).to.be.below(0.05);
    expect(sim.drift.mean).to.be.below(0.02);
    expect(sim.drift.sd).to.be.below(0.02);
    // And the calibration does what it is for: smaller mean and SD drift than without it.
    expect(sim.drift.mean).to.be.below(raw.drift.mean);
    expect(sim.drift.sd).to.be.below(raw.drift.sd);
  });

  it("writes Likert items as integers 1–7 and APD as (types/7)² of 5–7 partner types", () => {
    for (const it of sim.itemNames) for (const x of sim.data[it]) expect(Number.isInteger(x) && x >= 1 && x <= 7, `${it} = ${x}`).to.equal(true);
    sim.data.apd.forEach((x, i) => {
      const k = sim.data.partner_types[i];
      expect([5, 6, 7]).to.include(k);
      expect(x).to.be.closeTo((k / 7) ** 2, 1e-12);
    });
    expect(sim.itemNames).to.have.length(24);
  });

  it("plants the AMC × APD interaction at (high − low)/2 of the published slopes (continuous scores)", () => {
    const z = (x: ArrayLike<number>) => {
      const a = Array.from(x);
      const mu = a.reduce((s, v) => s + v, 0) / a.length;
      const sd = Math.sqrt(a.reduce((s, v) => s + (v - mu) ** 2, 0) / (a.length - 1));
      return a.map((v) => (v - mu) / sd);
    };
    const c = sim.continuousScores;
    const amc = Array.from(c.coord, (_, i) => (c.coord[i] + c.learn[i] + c.proact[i] + c.transf[i]) / 4);
    const zA = z(amc);
    const zW = z(c.apd);
    const data: Record<string, number[]> = { z_amc: zA, z_apd: zW, prod: zA.map((v, i) => v * zW[i]) };
    for (const k of ["firm_size", "firm_age", "industry", "intl_experience", "alliance_experience"]) data[k] = Array.from(c[k]);
    const expected: Record<string, number> = { rad: (0.69 - 0.27) / 2, inc: (0.58 - 0.19) / 2 };
    for (const y of ["rad", "inc"]) {
      data["z_" + y] = z(c[y]);
      const fit = ols(data, { y: "z_" + y, x: ["z_amc", "z_apd", "prod", "firm_size", "firm_age", "industry", "intl_experience", "alliance_experience"] });
      const b = fit.coefficients.find((r) => r.term === "prod")!.estimate;
      expect(b, y).to.be.closeTo(expected[y], 1e-6);
    }
    expect(sim.planted).to.deep.equal(expected);
  });

  it("is deterministic, and notebooks/data/001.csv is the current simulation", () => {
    const text = sim.csv();
    expect(simulatePaper001().csv()).to.equal(text);
    expect(fs.readFileSync(CSV, "utf8")).to.equal(text);
    expect(text.split("\n")[0].split(",")).to.include.members([...sim.itemNames, "firm_size", "apd"]);
  });

  it("rejects an unknown variable in the row-7 scenario with a message naming it", () => {
    expect(() => simulatePaper001(1, { ieRow: { nope: 0.3 } })).to.throw(/ieRow: unknown or invalid variable "nope"/);
  });

  it("keeps every scale's score equal to its item mean", () => {
    for (const id of PAPER001_SCALES) expect(sim.variables).to.include(id);
  });
});

describe("paper 001 notebook: published versus reproduced", () => {
  const ids = hypothesisNumbers(paper001).map((n) => n.id);
  const nb = JSON.parse(fs.readFileSync(NOTEBOOK, "utf8")) as { cells: { cell_type: string; source: string[] }[]; metadata: any };
  const code = nb.cells.filter((c) => c.cell_type === "code").map((c) => c.source.join(""));

  it("has hypothesis-test numbers to compare", () => {
    expect(ids.length).to.be.greaterThan(0);
  });

  it("maps every hypothesis-test number of the paper record, and nothing else", () => {
    const cell = code.find((s) => s.includes("const reproduced"));
    expect(cell, "the cell building the reproduced map").to.not.equal(undefined);
    const keys = [...cell!.matchAll(/^\s*"(001\.[^"]+)":/gm)].map((m) => m[1]);
    expect(new Set(keys).size).to.equal(keys.length);
    expect([...keys].sort()).to.deep.equal([...ids].sort());
    expect(cell).to.include("compare(pubNums, reproduced");
    expect(code.join("\n")).to.include("const pubNums = hypothesisNumbers(paper)");
  });

  it("ends with the replication summary, displayed exactly once", () => {
    const last = code[code.length - 1].trim();
    expect(last).to.equal('replicationSummary("001", comparison, consistency)');
    expect(code.filter((s) => s.includes("replicationSummary(")).length).to.equal(1);
    expect(nb.metadata.kernelspec.name).to.equal("pathlab");
  });
});
