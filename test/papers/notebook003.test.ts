import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import {
  CONTROLS_003,
  PLANTED_REASON_003,
  SCALES_003,
  SEED_003,
  VARS_003,
  hypothesisIds003,
  hypothesisNumbers,
  paper003,
  reproduced003,
  simulatePaper003,
  target003,
  verdicts003,
} from "../../src/papers";
import { hierarchicalRegression } from "../../src/regression";
import { compare } from "../../src/replicate";

/** Largest |Δ| of means, SDs and correlations between two moment sets on the same variables. */
function drift(a: { means: number[]; sds: number[]; cor: number[][] }, b: { means: number[]; sds: number[]; cor: number[][] }) {
  let mean = 0,
    sd = 0,
    cor = 0;
  for (let i = 0; i < a.means.length; i++) {
    mean = Math.max(mean, Math.abs(a.means[i] - b.means[i]));
    sd = Math.max(sd, Math.abs(a.sds[i] - b.sds[i]));
    for (let j = 0; j < i; j++) cor = Math.max(cor, Math.abs(a.cor[i][j] - b.cor[i][j]));
  }
  return { mean, sd, cor };
}

function fits(data: Record<string, Float64Array>) {
  const d: Record<string, Float64Array> = { ...data };
  const m = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;
  const mi = m(d.iapd),
    mc = m(d.cka);
  d.iapd_x_cka = d.iapd.map((v, i) => (v - mi) * (d.cka[i] - mc));
  return {
    iapd: hierarchicalRegression(d, { y: "iapd", blocks: [CONTROLS_003, ["comp_int", "tech_dyn", "mkt_dyn"]] }),
    rx: hierarchicalRegression(d, { y: "reg_exp", blocks: [CONTROLS_003, ["iapd"], ["cka", "iapd_x_cka"]] }),
  };
}

describe("paper 003 notebook: simulated data", function () {
  this.timeout(60000);
  const sim = simulatePaper003();

  it("uses the fixed default seed and 232 rows", () => {
    expect(sim.seed).to.equal(SEED_003);
    expect(sim.n).to.equal(232);
    expect(sim.data.md1.length).to.equal(232);
  });

  it("is deterministic: the same seed gives the same CSV, another seed a different one", () => {
    expect(simulatePaper003().toCSV()).to.equal(sim.toCSV());
    expect(simulatePaper003(7).toCSV()).to.not.equal(sim.toCSV());
  });

  it("draws the continuous scale composites with exactly their targets before rounding (1e-9)", () => {
    const d = drift(sim.stages.continuous, sim.stages.continuousTarget);
    expect(d.mean).to.be.below(1e-9);
    expect(d.sd).to.be.below(1e-9);
    expect(d.cor).to.be.below(1e-9);
    expect(sim.rxContinuousDrift).to.be.below(1e-9);
  });

  it("rounding to 1–7 drifts the composites, and the polish brings every moment back within 0.0015", () => {
    expect(sim.drift.rounded.cor).to.be.above(0.005);
    expect(sim.drift.polished.mean).to.be.at.most(0.0015);
    expect(sim.drift.polished.sd).to.be.at.most(0.0015);
    expect(sim.drift.polished.cor).to.be.at.most(0.0015);
    expect(sim.polish.changedShare).to.be.below(0.1);
  });

  it("reproduces every Table 2 mean, SD and correlation within rounding of the printed digits", () => {
    const t = target003();
    const d = drift(sim.achieved, t);
    // Scales: polish tolerance; industry: swap-search granularity (≤ 0.003); singles: exact.
    expect(d.mean).to.be.below(0.0015);
    expect(d.sd).to.be.below(0.0015);
    expect(d.cor).to.be.below(0.003);
    // Every correlation within the rounding interval of Table 2 (± 0.005).
    for (let i = 0; i < VARS_003.length; i++) for (let j = 0; j < i; j++) expect(Math.abs(sim.achieved.cor[i][j] - t.cor[i][j])).to.be.below(0.005);
  });

  it("gives the controls and IAPD exact covariances with the columns drawn before them (1e-9)", () => {
    const t = target003();
    const singles = ["firm_size", "alliance_exp", "firm_age", "intl_exp", "iapd"];
    for (const x of singles) {
      const i = VARS_003.indexOf(x);
      expect(Math.abs(sim.achieved.means[i] - t.means[i])).to.be.below(1e-9);
      expect(Math.abs(sim.achieved.sds[i] - t.sds[i])).to.be.below(1e-9);
      for (const y of [...singles, "industry", "dom_perf", "cka", "comp_int", "mkt_dyn", "tech_dyn"]) {
        const j = VARS_003.indexOf(y);
        if (i !== j) expect(Math.abs(sim.achieved.cor[i][j] - t.cor[i][j]), `${x}–${y}`).to.be.below(1e-9);
      }
    }
  });

  it("keeps items on 1–7 integers and the industry dummy 0/1 with 94 ones", () => {
    for (const it of sim.itemNames) for (const v of sim.data[it]) expect(Number.isInteger(v) && v >= 1 && v <= 7).to.equal(true);
    const ones = Array.from(sim.data.industry).filter((v) => v === 1).length;
    expect(ones).to.equal(94);
    expect(Array.from(sim.data.industry).every((v) => v === 0 || v === 1)).to.equal(true);
  });

  it("plants the M5 product coefficient at the published β = 0.24 (± 0.002 after rounding and polish)", () => {
    expect(Math.abs(sim.planted.productBeta - 0.24)).to.be.below(0.002);
    const f = fits(sim.data);
    const c = f.rx.steps[2].model.coefficients.find((x) => x.term === "iapd_x_cka")!;
    expect(c.beta!).to.be.closeTo(0.24, 0.002);
  });

  it("scores the composites as item means of the CSV columns", () => {
    for (const sc of SCALES_003) {
      const items = sim.scaleItems[sc];
      for (let i = 0; i < 5; i++) {
        const m = items.reduce((s, it) => s + sim.data[it][i], 0) / items.length;
        expect(sim.data[sc][i]).to.be.closeTo(m, 1e-12);
      }
    }
    expect(sim.csvColumns).to.include.members(["industry", "iapd", ...sim.itemNames]);
  });

  it("matches the CSV the notebook writes (when the notebook has run)", () => {
    const file = path.join(__dirname, "../../notebooks/data/003.csv");
    if (!fs.existsSync(file)) return;
    expect(fs.readFileSync(file, "utf8")).to.equal(sim.toCSV());
  });
});

describe("paper 003 notebook: published versus reproduced", function () {
  this.timeout(60000);
  const sim = simulatePaper003();
  const f = fits(sim.data);
  const reproduced = reproduced003(f);
  const published = hypothesisNumbers(paper003);

  it("has hypothesis-test numbers, and the reproduced map covers every one of them", () => {
    expect(published.length).to.be.greaterThan(0);
    expect(published.length).to.equal(paper003.coefficients.length * 2 + paper003.modelStats.reduce((s, m) => s + m.stats.length, 0));
    expect(Object.keys(reproduced).sort()).to.deep.equal(hypothesisIds003().sort());
    const cmp = compare(published, reproduced);
    expect(cmp.total).to.equal(published.length);
    expect(cmp.warnings.map((w) => w.code)).to.not.include("replicate.missing");
  });

  it("reports only the planted product β as not reproducible, with the reason", () => {
    const nr = Object.entries(reproduced).filter(([, v]) => typeof v !== "number");
    expect(nr.map(([k]) => k)).to.deep.equal(["003.T3.M5.iapd_x_cka.est"]);
    expect((nr[0][1] as { notReproducible: string }).notReproducible).to.equal(PLANTED_REASON_003);
  });

  it("reproduces M1–M4 like the correlation-matrix solution (003.md §8)", () => {
    const v = (id: string) => reproduced[id] as number;
    expect(v("003.T3.M1.dom_perf.est")).to.be.closeTo(0.167, 0.003);
    expect(v("003.T3.M2.comp_int.est")).to.be.closeTo(-0.188, 0.003);
    expect(v("003.T3.M2.tech_dyn.t")).to.be.closeTo(3.83, 0.05);
    expect(v("003.T3.M2.mkt_dyn.t")).to.be.closeTo(3.66, 0.05);
    expect(v("003.T3.M3.r2")).to.be.closeTo(0.315, 0.003);
    expect(v("003.T3.M4.iapd.est")).to.be.closeTo(0.186, 0.003);
    expect(v("003.T3.M4.deltaR2")).to.be.closeTo(0.033, 0.003);
    expect(v("003.T3.M4.F")).to.be.closeTo(17.06, 0.15);
  });

  it("gives an M5 consistent with the published R² once the interaction is planted", () => {
    expect(reproduced["003.T3.M5.r2"] as number).to.be.closeTo(0.42, 0.01);
    expect(reproduced["003.T3.M5.deltaR2"] as number).to.be.closeTo(0.07, 0.01);
    expect(reproduced["003.T3.M5.iapd_x_cka.t"] as number).to.be.closeTo(4.5, 0.3);
  });

  it("judges the hypotheses: H1 wrong sign, H2–H5 hold", () => {
    const rows = verdicts003(f).spec.rows as Array<Record<string, any>>;
    const byH = (h: string) => rows.filter((r) => r.h === h).map((r) => r.holds.text);
    expect(byH("H1")).to.deep.equal(["wrong sign"]);
    for (const h of ["H2", "H3", "H4", "H5"]) expect(byH(h).every((x) => x === "holds"), h).to.equal(true);
  });
});
