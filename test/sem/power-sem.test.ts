/**
 * powerSem against a plain R loop (test/goldens/power-sem.R: MASS::mvrnorm + lavaan::sem, 1000
 * replicates at N = 100 and 200). Different random streams, so rejection rates, coverage and mean
 * estimates agree within Monte Carlo error; the population covariance and the population values of
 * the analysis parameters are deterministic and agree to rounding.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { PathlabError } from "../../src/errors";
import { populationCovariance } from "../../src/sem/population";
import { powerSem } from "../../src/sem/power-sem";
import type { PowerSemResult } from "../../src/sem/power-sem-result";

interface Pop {
  model: string;
  names: string[];
  sigma: number[][];
  resid: Record<string, number>;
}
interface SimRow {
  lhs: string;
  op: string;
  rhs: string;
  population: number;
  power: number;
  coverage: number;
  mean_est: number;
  sd_est: number;
  mean_se: number;
}
interface Golden {
  population_mediation: Pop;
  population_b: Pop;
  population_values: { lhs: string; op: string; rhs: string; est: number }[];
  simulation: { n: number; reps: number; converged: number; heywood: number; seconds: number; table: SimRow[] }[];
}

const golden = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "goldens", "power-sem.json"), "utf8")) as Golden;

function expectSigma(pop: Pop, standardized = true): void {
  const ours = populationCovariance(pop.model, { standardized });
  const p = pop.names.length;
  expect(ours.ov.slice().sort()).to.deep.equal(pop.names.slice().sort());
  let worst = 0;
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      const a = ours.ov.indexOf(pop.names[i]);
      const b = ours.ov.indexOf(pop.names[j]);
      worst = Math.max(worst, Math.abs(ours.sigma[a * ours.ov.length + b] - pop.sigma[i][j]));
    }
  expect(worst).to.be.below(1e-10);
  for (const [v, r] of Object.entries(pop.resid)) expect(ours.residualVariances[v], v).to.be.closeTo(r, 1e-10);
}

describe("populationCovariance (vs lavaan's implied covariance of the fixed model)", () => {
  it("latent mediation: standardised residual variances, Σ to 1e-10", () => expectSigma(golden.population_mediation));
  it("written residual variance and covariance, observed predictor, correlated factors: Σ to 1e-10", () => expectSigma(golden.population_b));
  it("standardized: false leaves unwritten variances at 1 (simulateData's default)", () => {
    const p = populationCovariance("f =~ 0.5*x1 + 0.5*x2", { standardized: false });
    expect(Array.from(p.sigma)).to.deep.equal([1.25, 0.25, 0.25, 1.25]);
  });
  it("a loading or path without a value, or values above 1, is an error naming the line", () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as PathlabError;
      }
      throw new Error("no error");
    };
    const e1 = err(() => populationCovariance("f =~ 0.7*x1 + x2"));
    expect(e1).to.be.instanceOf(PathlabError);
    expect(e1.code).to.equal("sem.power-population");
    expect(e1.message).to.contain("f =~ x2");
    const e2 = err(() => populationCovariance("f =~ 0.7*x1 + 1.2*x2"));
    expect(e2.message).to.contain("x2");
    expect(err(() => populationCovariance("y ~ 1 + 0.3*x")).code).to.equal("sem.power-population");
  });
});

const MED = golden.population_mediation.model;

describe("powerSem vs a plain lavaan loop", function () {
  this.timeout(300000);
  const reps = 500;
  let ours: PowerSemResult;
  before(() => {
    ours = powerSem(MED, { n: [100, 200], reps, seed: 2024 });
  });

  it("population values of the analysis parameters equal lavaan's fit to Σ", () => {
    for (const g of golden.population_values) {
      const row = ours.rows.find((r) => r.lhs === g.lhs && r.op === g.op && r.rhs === g.rhs && r.n === 100);
      expect(row, `${g.lhs}${g.op}${g.rhs}`).to.not.equal(undefined);
      expect(row!.population).to.be.closeTo(g.est, 1e-6);
    }
    expect(ours.parameters).to.have.length(golden.population_values.length);
  });

  it("rejection rates, coverage and mean estimates agree within Monte Carlo error", () => {
    for (const sim of golden.simulation) {
      const conv = ours.convergence.find((c) => c.n === sim.n)!;
      expect(conv.converged).to.be.at.least(reps - 10);
      expect(sim.converged).to.be.at.least(sim.reps - 20);
      // Improper (Heywood) solutions: the same rate within Monte Carlo error.
      const h1 = conv.heywood / conv.converged;
      const h2 = sim.heywood / sim.converged;
      const h = (conv.heywood + sim.heywood) / (conv.converged + sim.converged);
      expect(Math.abs(h1 - h2), `Heywood rate N = ${sim.n}: ${h1} vs R ${h2}`).to.be.at.most(
        3 * Math.sqrt(h * (1 - h) * (1 / conv.converged + 1 / sim.converged)) + 1e-9,
      );
      for (const g of sim.table) {
        const r = ours.row(`${g.lhs} ${g.op} ${g.rhs}`, sim.n);
        const what = `N = ${sim.n}, ${r.parameter}`;
        const p = (r.power * r.valid + g.power * sim.converged) / (r.valid + sim.converged);
        const tolP = 3 * Math.sqrt(p * (1 - p) * (1 / r.valid + 1 / sim.converged)) + 1e-9;
        expect(Math.abs(r.power - g.power), `power ${what}: ${r.power} vs R ${g.power}`).to.be.at.most(tolP);
        const c = (r.coverage * r.valid + g.coverage * sim.converged) / (r.valid + sim.converged);
        const tolC = 3 * Math.sqrt(c * (1 - c) * (1 / r.valid + 1 / sim.converged)) + 1e-9;
        expect(Math.abs(r.coverage - g.coverage), `coverage ${what}`).to.be.at.most(tolC);
        const tolM = 3 * Math.sqrt(r.sdEstimate ** 2 / r.valid + g.sd_est ** 2 / sim.converged);
        expect(Math.abs(r.meanEstimate - g.mean_est), `mean estimate ${what}: ${r.meanEstimate} vs R ${g.mean_est}`).to.be.at.most(tolM);
        // SD of the estimates: within 15% (its MC error is a few percent at these R), except for loadings
        // at N = 100, whose heavy tails (improper replicates) make the SD itself noisy.
        if (sim.n >= 200 || g.op !== "=~") expect(r.sdEstimate / g.sd_est, `SD ${what}`).to.be.within(0.85, 1.15);
        expect(r.meanSE / g.mean_se, `mean SE ${what}`).to.be.within(0.9, 1.1);
      }
    }
  });

  it("reports power, minN, a figure and text", () => {
    expect(ours.power("ab", 200)).to.equal(ours.row("ab := a*b", 200).power);
    expect(ours.power("b", 100)).to.equal(ours.row("Y ~ M", 100).power);
    expect(ours.power("Y~M", 100)).to.equal(ours.row("Y ~ M", 100).power);
    expect(ours.minN("M ~ X", 0.5)).to.equal(100);
    const fig = ours.plot();
    expect(fig.data.map((d) => d.name)).to.deep.equal(["M ~ X", "Y ~ M", "Y ~ X", "ab := a*b"]);
    expect(ours.summary()).to.contain("ab := a*b");
    expect(ours.toHTML()).to.contain("<table");
    expect(() => ours.power("c", 100))
      .to.throw(PathlabError, /no parameter "c"/)
      .with.property("hint")
      .that.contains('"ab := a*b"');
    expect(() => ours.power("ab", 150)).to.throw(PathlabError, /not in the grid/);
  });
});

describe("powerSem: determinism and options", function () {
  this.timeout(120000);
  it("is bit-identical on 1 and 2 threads, and a row does not depend on the other N", () => {
    const a = powerSem(MED, { n: [60, 90], reps: 24, seed: 7, threads: 1 });
    const b = powerSem(MED, { n: [60, 90], reps: 24, seed: 7, threads: 2 });
    expect(JSON.stringify(b.rows)).to.equal(JSON.stringify(a.rows));
    expect(b.convergence).to.deep.equal(a.convergence);
    const c = powerSem(MED, { n: 90, reps: 24, seed: 7, threads: 1 });
    expect(JSON.stringify(c.rows)).to.equal(JSON.stringify(a.rows.filter((r) => r.n === 90)));
    const d = powerSem(MED, { n: 90, reps: 24, seed: 8, threads: 1 });
    expect(d.rows[0].meanEstimate).to.not.equal(c.rows[0].meanEstimate);
  });

  it("validates options: unknown names list the valid ones, seed and n are required", () => {
    try {
      powerSem(MED, { n: 100, reps: 10, seed: 1, nrep: 5 } as never);
      expect.fail("no error");
    } catch (e) {
      expect(e).to.be.instanceOf(PathlabError);
      expect((e as PathlabError).message).to.contain("nrep");
      expect((e as PathlabError).hint)
        .to.contain("reps")
        .and.contain("analysisModel")
        .and.contain("threads");
    }
    expect(() => powerSem(MED, { n: 100, reps: 10 } as never)).to.throw(PathlabError, /seed/);
    expect(() => powerSem(MED, { reps: 10, seed: 1 } as never)).to.throw(PathlabError, /sample size/);
    expect(() => powerSem(MED, { n: [100, 1.5], reps: 10, seed: 1 })).to.throw(PathlabError, /n/);
    expect(() => powerSem(MED, { n: 100, reps: 10, seed: 1, alpha: 0.05, level: 0.9 })).to.throw(PathlabError, /disagree/);
    expect(() => powerSem(MED, { n: 100, reps: 10, seed: 1, analysisModel: "X =~ x1 + x2 + q9" })).to.throw(PathlabError, /q9/);
  });

  it("an analysis model with std.lv and alpha = 0.01 changes the scaling and the test", () => {
    const r = powerSem(MED, { n: 150, reps: 20, seed: 3, threads: 1, "std.lv": true, alpha: 0.01 });
    expect(r.row("X =~ x1", 150).population).to.be.closeTo(0.7, 1e-6);
    expect(r.settings.alpha).to.equal(0.01);
  });
});
