import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import {
  fCritical,
  pfNoncentralUpper,
  powerAsync,
  powerMediation,
  powerModeratedMediation,
  powerModeration,
  regressionPower,
  regressionSampleSize,
  mediationCorrelation,
} from "../../src/power";
import { incBeta as incompleteBeta } from "../../src/math/special";
import { SmallOls } from "../../src/power/ols-small";
import { PathlabError } from "../../src/errors";

const golden = JSON.parse(fs.readFileSync(path.join(__dirname, "../goldens/power.json"), "utf8"));

function rel(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}

function expectPathlabError(f: () => unknown, re: RegExp): void {
  try {
    f();
  } catch (e) {
    expect(e).to.be.instanceOf(PathlabError);
    expect((e as Error).message).to.match(re);
    return;
  }
  expect.fail("expected a PathlabError");
}

describe("power: distribution functions vs R", () => {
  it("incompleteBeta matches pbeta to 1e-10 relative", () => {
    for (const r of golden.pbeta) {
      const got = incompleteBeta(r.x, r.a, r.b);
      if (r.p > 1e-280) expect(rel(got, r.p), `pbeta(${r.x}, ${r.a}, ${r.b})`).to.be.below(1e-10);
    }
  });
  it("fCritical matches qf to 1e-9 relative", () => {
    for (const r of golden.qf) expect(rel(fCritical(r.alpha, r.df1, r.df2), r.q)).to.be.below(1e-9);
  });
  it("pfNoncentralUpper matches pf(ncp=, lower.tail=FALSE) to 1e-9 relative", () => {
    for (const r of golden.pf_nc) expect(rel(pfNoncentralUpper(r.f, r.df1, r.df2, r.ncp), r.p), JSON.stringify(r)).to.be.below(1e-9);
  });
  it("regressionPower matches the noncentral-F power computed in R", () => {
    for (const r of golden.regression_power) {
      expect(rel(regressionPower({ f2: r.f2, n: r.n, predictors: r.k, tested: r.u }), r.power)).to.be.below(1e-8);
    }
  });
  it("regressionSampleSize reproduces Cohen's medium effect (f² = .15, 3 predictors → N = 77)", () => {
    // G*Power: f² = .15, α = .05, power .80, 3 predictors, 1 tested → N = 55 (tested 1);
    // the omnibus test of all 3 predictors needs N = 77.
    expect(regressionSampleSize({ f2: 0.15, predictors: 3, tested: 3 }).n).to.equal(77);
    expect(regressionSampleSize({ f2: 0.15, predictors: 3, tested: 1 }).n).to.equal(55);
  });
  it("rejects impossible inputs with named errors", () => {
    expectPathlabError(() => regressionPower({ f2: 0.1, n: 4, predictors: 3 }), /n = 4 leaves 0 residual degrees/);
    expectPathlabError(() => regressionPower({ f2: -1, n: 40, predictors: 3 }), /option 'f2' must be a number \(≥ 0\)/);
  });
});

describe("power: SmallOls vs lm()", () => {
  it("coefficients, SEs and sigma² match to 1e-10", () => {
    const g = golden.ols;
    const ols = new SmallOls(2);
    const ok = ols.fit([Float64Array.from(g.x1), Float64Array.from(g.x2)], Float64Array.from(g.y), g.y.length);
    expect(ok).to.equal(true);
    for (let j = 0; j < 3; j++) {
      expect(rel(ols.coef[j], g.coef[j])).to.be.below(1e-10);
      expect(rel(ols.se(j), g.se[j])).to.be.below(1e-10);
    }
    expect(rel(ols.sigma2, g.sigma2)).to.be.below(1e-10);
  });
  it("fits a bootstrap index subset as if the rows were copied", () => {
    const x = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const y = Float64Array.from([2.1, 3.9, 6.2, 7.8, 10.1, 12.2]);
    const idx = Int32Array.from([0, 0, 2, 3, 5, 5]);
    const a = new SmallOls(1);
    a.fit([x], y, 6, idx);
    const b = new SmallOls(1);
    b.fit([Float64Array.from([1, 1, 3, 4, 6, 6])], Float64Array.from([2.1, 2.1, 6.2, 7.8, 12.2, 12.2]), 6);
    expect(a.coef[1]).to.be.closeTo(b.coef[1], 1e-12);
    expect(a.se(1)).to.be.closeTo(b.se(1), 1e-12);
  });
});

describe("power: Monte Carlo vs analytic t-test power", () => {
  // Tolerance: 3 Monte Carlo SEs, 3·√(p(1−p)/R), plus 0.005 for the fixed- vs random-predictor
  // difference of the analytic formula (O(1/N)).
  it("a and b paths of a simple mediation agree with the noncentral-F power", function () {
    this.timeout(60000);
    const res = powerMediation({ a: 0.2, b: 0.25, cp: 0.1 }, { n: [80, 160], reps: 3000, draws: 200, seed: 11 });
    for (const row of res.rows.filter((r) => r.test === "t" && r.population !== 0)) {
      const tol = 3 * Math.sqrt((row.analytic! * (1 - row.analytic!)) / row.reps) + 0.005;
      expect(Math.abs(row.power - row.analytic!), `${row.effect} at N=${row.n}: ${row.power} vs ${row.analytic}`).to.be.below(tol);
    }
  });
  it("a null coefficient is rejected at about the nominal 5% rate", function () {
    this.timeout(60000);
    const res = powerModeration({ b1: 0.3, b2: 0.0, b3: 0.0 }, { n: 120, reps: 4000, seed: 5 });
    const tol = 3 * Math.sqrt((0.05 * 0.95) / 4000);
    expect(Math.abs(res.power("b3", 120) - 0.05)).to.be.below(tol);
    expect(Math.abs(res.power("b2", 120) - 0.05)).to.be.below(tol);
  });
});

describe("power: Monte Carlo vs independent R simulations", () => {
  // Two independent Monte Carlo estimates: their difference has SE √(p(1−p)(1/R1 + 1/R2)).
  it("moderation interaction power matches R's lm() simulation (interaction power is below the fixed-X analytic value)", function () {
    this.timeout(60000);
    const g = golden.moderation_mc;
    const res = powerModeration({ b1: g.b1, b2: g.b2, b3: g.b3 }, { n: g.n, reps: 4000, seed: 9 });
    const p = res.power("b3", g.n);
    const se = Math.sqrt(g.power * (1 - g.power) * (1 / g.reps + 1 / 4000));
    expect(Math.abs(p - g.power)).to.be.below(3 * se);
    // The fixed-predictor formula overstates it (0.606): the product term is heavy-tailed.
    const row = res.rows.find((r) => r.effect.startsWith("b3"))!;
    expect(row.analytic! - g.power).to.be.above(0.02);
  });
  it("simple-mediation Monte Carlo CI power matches an R implementation of Schoemann et al. (2017)", function () {
    this.timeout(120000);
    const g = golden.mediation_mc;
    const res = powerMediation({ a: g.a, b: g.b, cp: g.cp }, { n: g.n, reps: 2000, draws: g.draws, seed: 4 });
    const p = res.power(0, g.n);
    const se = Math.sqrt(g.power * (1 - g.power) * (1 / g.reps + 1 / 2000));
    expect(Math.abs(p - g.power), `${p} vs R ${g.power}`).to.be.below(3 * se);
  });
});

describe("power: models", () => {
  it("implied correlation matrix of a parallel mediation has unit diagonal and the stated paths", () => {
    const R = mediationCorrelation({ a: [0.3, 0.2], b: [0.3, 0.2], cp: 0.1, mediatorCor: 0.3 });
    for (let i = 0; i < 4; i++) expect(R[i][i]).to.equal(1);
    expect(R[1][0]).to.equal(0.3);
    expect(R[2][1]).to.be.closeTo(0.06 + 0.3 * Math.sqrt(0.91 * 0.96), 1e-12);
  });
  it("the correlation-matrix input gives the same table as the equivalent paths", () => {
    const paths = { a: 0.4, b: 0.3, cp: 0.1 };
    const R = mediationCorrelation(paths);
    const r1 = powerMediation(paths, { n: 60, reps: 100, draws: 500, seed: 3 });
    const r2 = powerMediation({ cor: R }, { n: 60, reps: 100, draws: 500, seed: 3 });
    expect(r2.rows.map((r) => r.power)).to.deep.equal(r1.rows.map((r) => r.power));
    expect(r2.rows[0].population).to.be.closeTo(0.12, 1e-12);
  });
  it("moderated mediation: index estimates are unbiased-ish and power rises with N", () => {
    const res = powerModeratedMediation({ a1: 0.3, a2: 0.1, a3: 0.2, b: 0.4 }, { n: [100, 400], reps: 300, draws: 1000, seed: 2 });
    expect(res.rows[0].population).to.be.closeTo(0.08, 1e-12);
    expect(Math.abs(res.rows[0].meanEstimate - 0.08)).to.be.below(0.01);
    expect(res.power(0, 400)).to.be.above(res.power(0, 100));
  });
  it("bootstrap and Monte Carlo CIs give similar power for a simple mediation", function () {
    this.timeout(120000);
    const mc = powerMediation({ a: 0.3, b: 0.3 }, { n: 80, reps: 300, draws: 1000, seed: 8 });
    const bs = powerMediation({ a: 0.3, b: 0.3 }, { n: 80, reps: 300, ci: "bootstrap", draws: 300, seed: 8 });
    // Same data sets (same seeds), different interval: decisions disagree only near the boundary.
    expect(Math.abs(mc.power(0, 80) - bs.power(0, 80))).to.be.below(0.06);
  });
  it("bad specifications raise errors naming the path", () => {
    expectPathlabError(() => powerMediation({ a: 1.2, b: 0.3 }, { n: 50 }), /Standardised path "a" = 1.2/);
    expectPathlabError(() => powerMediation({ a: [0.3, 0.2], b: [0.3] }, { n: 50 }), /a has 2 path\(s\) but b has 1/);
    expectPathlabError(() => powerMediation({ a: 0.5, b: 0.9, cp: 0.5 }, { n: 50 }), /explain .* of Y's variance/);
    expectPathlabError(() => powerModeration({ b1: 0.2, b2: 0.2, b3: 0.1 }, { n: [50, 3] }), /Sample size 3 is not an integer ≥ 5/);
    expectPathlabError(
      () =>
        powerMediation(
          {
            cor: [
              [1, 0.9, 0.1],
              [0.9, 1, 0.95],
              [0.1, 0.95, 1],
            ],
          },
          { n: 50 },
        ),
      /not positive definite/,
    );
    expectPathlabError(() => powerMediation({ a: 0.3, b: 0.3 }, { n: 50, reps: 10 }).power("zz", 50), /Unknown effect "zz"/);
  });
});

describe("power: determinism, threads, progress, figure", () => {
  it("the same seed gives identical tables; another seed does not", () => {
    const o = { n: [50, 90], reps: 200, draws: 500, seed: 42 };
    const a = powerMediation({ a: 0.3, b: 0.2 }, o);
    const b = powerMediation({ a: 0.3, b: 0.2 }, o);
    const c = powerMediation({ a: 0.3, b: 0.2 }, { ...o, seed: 43 });
    expect(b.rows.map((r) => [r.power, r.meanEstimate])).to.deep.equal(a.rows.map((r) => [r.power, r.meanEstimate]));
    expect(c.rows.map((r) => r.meanEstimate)).to.not.deep.equal(a.rows.map((r) => r.meanEstimate));
  });
  it("adding a grid point leaves the other rows unchanged", () => {
    const a = powerMediation({ a: 0.3, b: 0.2 }, { n: [50], reps: 120, draws: 300, seed: 1 });
    const b = powerMediation({ a: 0.3, b: 0.2 }, { n: [30, 50], reps: 120, draws: 300, seed: 1 });
    expect(b.rows.filter((r) => r.n === 50).map((r) => r.power)).to.deep.equal(a.rows.map((r) => r.power));
  });
  it("worker threads give exactly the single-thread table and report progress", async function () {
    this.timeout(120000);
    const o = { n: [60, 100], reps: 150, draws: 400, seed: 7 };
    const sync = powerMediation({ a: [0.3, 0.2], b: [0.2, 0.3], mediatorCor: 0.2 }, o);
    const seen: number[] = [];
    const par = await powerAsync("mediation", { a: [0.3, 0.2], b: [0.2, 0.3], mediatorCor: 0.2 }, { ...o, threads: 2, onProgress: (d) => seen.push(d) });
    expect(par.settings.threads).to.equal(2);
    expect(par.rows.map((r) => [r.power, r.meanEstimate])).to.deep.equal(sync.rows.map((r) => [r.power, r.meanEstimate]));
    expect(seen[seen.length - 1]).to.equal(300);
  });
  it("plot() returns a power-curve figure with one trace per effect and an 80% line", () => {
    const r = powerModeration({ b1: 0.2, b2: 0.2, b3: 0.2 }, { n: [50, 100, 150], reps: 100, seed: 1 });
    const f = r.plot();
    expect(f.data.length).to.equal(3);
    expect((f.data[0] as { x: number[] }).x).to.deep.equal([50, 100, 150]);
    expect((f.layout.title as { text: string }).text).to.match(/Monte Carlo power/);
    expect(r.minN("b3", 0.0)).to.equal(50);
    expect(r.toHTML()).to.contain("Power by sample size");
  });
});
