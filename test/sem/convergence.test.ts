/**
 * Convergence from the default start values (test/goldens/sem-convergence.R → sem-convergence.json,
 * lavaan 0.6.14). Four N = 100 samples of a three-factor latent mediation model (15 indicators)
 * on which sem() used to stop unconverged after ~1,000 iterations: its loading starts (covariance
 * with the marker over a variance guess) let the first Fisher step flip the mediator's loadings,
 * after which the optimiser followed an asymptote (the mediator's variance → 0, its loadings →
 * −4e5, F = 2.018 against lavaan's 1.277). lavaan converges on each in ~33 iterations.
 *
 * The loadings now start where lavaan starts them (FABIN 3, checked against lavaan's parTable
 * start column to 1e-9).
 *
 * Tolerances: χ² 1e-4 absolute; estimates and SEs 1e-4 absolute (they are 0.05–1.1); the fit must
 * take the fast phase (under 60 iterations, not the Newton fallback's crawl).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { sem } from "../../src/sem";
import { fabinRatios } from "../../src/sem/model";
import { GOLDEN_DIR, readCsv } from "./helpers";

interface Case {
  sample: number;
  converged: boolean;
  chisq: number;
  df: number;
  pe: { lhs: string; op: string; rhs: string; est: number; se: number }[];
  start: { lhs: string; rhs: string; start: number }[];
}
const golden: { model: string; cases: Case[] } = JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, "sem-convergence.json"), "utf8"));
const rows = readCsv("sem-convergence.csv");

function sample(k: number): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const r of rows) {
    if (r.sample !== k) continue;
    for (const [v, x] of Object.entries(r)) {
      if (v === "sample") continue;
      out[v] ??= [];
      out[v].push(x);
    }
  }
  return out;
}

describe("sem(): convergence from the default start values (lavaan goldens)", () => {
  it("the golden has the four samples, each converged in lavaan", () => {
    expect(golden.cases.map((c) => c.sample)).to.deep.equal([55, 143, 164, 186]);
    for (const c of golden.cases) expect(c.converged).to.equal(true);
  });

  for (const c of golden.cases) {
    it(`sample ${c.sample}: converges to lavaan's solution (χ² ${c.chisq.toFixed(3)} on ${c.df} df)`, () => {
      const data = sample(c.sample);
      expect(Object.keys(data)).to.have.length(15);
      expect(data.coord).to.have.length(100);
      const fit = sem(golden.model, data);
      expect(fit.converged, "converged").to.equal(true);
      expect(fit.warnings.map((w) => w.code)).to.not.include("sem.not-converged");
      expect(fit.iterations).to.be.below(60);
      const fm = fit.fitMeasures(["chisq", "df"]);
      expect(fm.df).to.equal(c.df);
      expect(Math.abs(fm.chisq - c.chisq), "chisq").to.be.below(1e-4);
      const lambda = (fit.inspect("start") as any).matrices.lambda as { rows: string[]; cols: string[]; values: number[][] };
      for (const g of c.start) {
        const v = lambda.values[lambda.rows.indexOf(g.rhs)][lambda.cols.indexOf(g.lhs)];
        expect(Math.abs(v - g.start), `start ${g.lhs} =~ ${g.rhs}`).to.be.below(1e-9);
      }
      const pe = fit.parameterEstimates();
      for (const g of c.pe) {
        const r = g.op === ":=" ? pe.find(g.lhs) : pe.find(g.lhs, g.op, g.rhs);
        expect(r, `${g.lhs} ${g.op} ${g.rhs}`).to.not.equal(undefined);
        expect(Math.abs(r!.est - g.est), `est ${g.lhs} ${g.op} ${g.rhs}`).to.be.below(1e-4);
        expect(Math.abs(r!.se - g.se), `se ${g.lhs} ${g.op} ${g.rhs}`).to.be.below(1e-4);
      }
    });
  }
});

describe("fabinRatios(): lavaan's loading start values relative to the marker", () => {
  // A one-factor population: loadings 1, 0.8, 0.6, 0.5 on a factor of variance 0.5, unit variances.
  const lam: Record<string, number> = { x1: 1, x2: 0.8, x3: 0.6, x4: 0.5 };
  const pop = (a: string, b: string) => (a === b ? 1 : 0.5 * lam[a] * lam[b]);

  it("recovers the population ratios exactly from four indicators (FABIN 3) and from three (triad)", () => {
    const four = fabinRatios(["x2", "x3", "x4"], "x1", pop);
    for (const v of ["x2", "x3", "x4"]) expect(four.get(v)).to.be.closeTo(lam[v], 1e-12);
    const three = fabinRatios(["x2", "x3"], "x1", pop);
    for (const v of ["x2", "x3"]) expect(three.get(v)).to.be.closeTo(lam[v], 1e-12);
  });

  it("two indicators: the covariance over the mean of the two variances", () => {
    expect(fabinRatios(["x2"], "x1", pop).get("x2")).to.be.closeTo(0.4, 1e-12);
  });

  it("a negative triad starts every ratio at 1; a ratio is bounded by √(s_ii / (0.1 s₁₁))", () => {
    const neg = (a: string, b: string) => (a === b ? 1 : a === "x1" || b === "x1" ? 0.3 : -0.2);
    const r = fabinRatios(["x2", "x3"], "x1", neg);
    expect([r.get("x2"), r.get("x3")]).to.deep.equal([1, 1]);
    // s₃₂/s₃₁ = 0.5 / 0.01 = 50, beyond √(1 / 0.1) = 3.162…
    const steep = (a: string, b: string) => (a === b ? 1 : (a === "x3" && b === "x1") || (a === "x1" && b === "x3") ? 0.01 : 0.5);
    expect(fabinRatios(["x2", "x3"], "x1", steep).get("x2")).to.be.closeTo(Math.sqrt(10), 1e-12);
  });
});
