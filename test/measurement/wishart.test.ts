/**
 * The simulated correlation matrices of faParallel come from Bartlett's decomposition of the
 * Wishart distribution instead of n × p normal draws. Checked against the known null distribution of
 * a Pearson r from n normal observations: mean 0, variance 1/(n − 1); and the gamma sampler's mean
 * and variance (= shape). Tolerances are 5 Monte Carlo standard errors (seeded, so deterministic).
 */
import { expect } from "chai";
import { gammaVariate, simulatedCorrelation } from "../../src/measurement/efa/wishart";
import { Rng } from "../../src/simulate/rng";

describe("Wishart-simulated correlation matrices", () => {
  it("off-diagonal r has mean 0 and variance 1/(n − 1), diagonal 1, symmetric", () => {
    const rng = new Rng(42);
    const n = 30;
    const reps = 6000;
    const xs: number[] = [];
    for (let t = 0; t < reps; t++) {
      const R = simulatedCorrelation(n, 4, rng);
      expect(R[2][2]).to.equal(1);
      expect(R[1][3]).to.equal(R[3][1]);
      xs.push(R[3][1], R[2][0]);
    }
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
    expect(Math.abs(m)).to.be.below(5 * Math.sqrt(1 / (n - 1) / xs.length));
    // var of a sample variance-like statistic: SE ≈ v·√(2/N) for near-normal r
    expect(Math.abs(v - 1 / (n - 1))).to.be.below(5 * (1 / (n - 1)) * Math.sqrt(2 / xs.length));
  });

  it("gamma variates have mean and variance equal to the shape", () => {
    const rng = new Rng(7);
    for (const shape of [0.5, 3, 500]) {
      const N = 20000;
      const xs = Array.from({ length: N }, () => gammaVariate(shape, rng));
      const m = xs.reduce((a, b) => a + b, 0) / N;
      const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (N - 1);
      expect(Math.abs(m - shape), `mean ${shape}`).to.be.below(5 * Math.sqrt(shape / N));
      expect(Math.abs(v - shape) / shape, `var ${shape}`).to.be.below(0.1);
    }
  });
});
