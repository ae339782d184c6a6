import { expect } from "chai";
import { CompositeSimulation, sampleMoments, simulateComposites } from "../../src";
import { expectPathlabError, maxAbs, maxAbsVec } from "./helpers";

// Paper 001-style descriptives: means, SDs and a lower-triangle correlation table as printed.
const names = ["amc", "rad", "inc", "ie", "apd"];
const means = [5.39, 4.8, 5.1, 0.8, 3.9];
const sds = [0.773, 1.21, 0.98, 0.16, 1.3];
const cor = [[1], [0.501, 1], [0.614, 0.45, 1], [0.196, 0.08, 0.42, 1], [0.077, 0.12, 0.1, 0.05, 1]];

describe("simulate/simulateComposites", () => {
  it("reproduces published means, SDs and correlations exactly (1e-10)", () => {
    const sim = simulateComposites({ n: 248, names, means, sds, cor, seed: 2023 });
    expect(sim).to.be.instanceOf(CompositeSimulation);
    const m = sampleMoments(names.map((nm) => sim.data[nm]));
    const full = names.map((_, i) => names.map((__, j) => (j <= i ? cor[i][j] : cor[j][i])));
    expect(maxAbsVec(m.means, means)).to.be.below(1e-10);
    expect(maxAbsVec(m.sds, sds)).to.be.below(1e-10);
    expect(maxAbs(m.cor, full)).to.be.below(1e-10);
    const d = sim.discrepancy;
    expect(Math.max(d.mean, d.sd, d.cor)).to.be.below(1e-10);
    expect(sim.n).to.equal(248);
    expect(sim.seed).to.equal(2023);
    expect(sim.rows()[0]).to.have.keys(names);
    expect(sim.summary()).to.match(/amc\s+5\.390\s+5\.390\s+0\.773\s+0\.773/);
  });

  it("bad inputs", () => {
    const base = { n: 100, names, means, sds, cor, seed: 1 };
    expectPathlabError(() => simulateComposites({ ...base, means: [1, 2] }), /means has 2 entries but cor has 5/);
    expectPathlabError(() => simulateComposites({ ...base, names: ["a", "b"] }), /names has 2 names but the matrix has 5/);
    expectPathlabError(() => simulateComposites({ ...base, sds: [1, 1, 0, 1, 1] }), /SD of "inc" is 0/);
    expectPathlabError(() => simulateComposites({ ...base, n: 5 }), /n = 5 is too small/);
    expectPathlabError(
      () => simulateComposites({ ...base, cor: [[1], [0.9, 1], [0.1, 0.9, 1], [0, 0, 0, 1], [0, 0, 0, 0, 1]] }),
      /cor is not positive definite \(smallest eigenvalue -0\.2238\)/,
    );
    expectPathlabError(() => simulateComposites({ ...base, cor: [[1], [0.5, 1], [0.5, 0.5, 1.1], [0, 0, 0, 1], [0, 0, 0, 0, 1]] }), /inc.*1 on its diagonal/);
  });
});
