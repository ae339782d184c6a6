import { expect } from "chai";
import { NearestPDResult, mvrnorm, nearestPD, simulateComposites } from "../../src";
import { symEigen as eigenSym } from "../../src/math";
import { expectPathlabError, golden, maxAbs } from "./helpers";

describe("simulate/nearestPD", () => {
  for (const key of ["r3", "r6", "r10"]) {
    it(`matches Matrix::nearPD(corr = TRUE) to 1e-6 (${key})`, () => {
      const g = golden.nearPD[key];
      const r = nearestPD(g.input);
      expect(r).to.be.instanceOf(NearestPDResult);
      expect(maxAbs(r.matrix, g.mat)).to.be.below(1e-9); // agrees to ~4e-15 in practice
      expect(Math.abs(r.frobenius - g.normF)).to.be.below(1e-9);
      expect(Math.abs(r.minEigenBefore - g.minEigenBefore)).to.be.below(1e-10);
      expect(r.minEigenAfter).to.be.above(0);
      expect(Math.abs(r.minEigenAfter - g.minEigenAfter)).to.be.below(1e-6);
      expect(r.converged).to.equal(true);
      expect(r.iterations).to.equal(g.iterations);
      expect(r.matrix.every((row, i) => row[i] === 1)).to.equal(true);
      // It reports how far it moved.
      let m = 0;
      g.input.forEach((row: number[], i: number) => row.forEach((v, j) => (m = Math.max(m, Math.abs(v - r.matrix[i][j])))));
      expect(r.maxAbsChange).to.be.closeTo(m, 1e-15);
    });
  }

  it("leaves a positive-definite correlation matrix unchanged", () => {
    const R = [
      [1, 0.3, 0.2],
      [0.3, 1, 0.4],
      [0.2, 0.4, 1],
    ];
    const r = nearestPD(R);
    expect(maxAbs(r.matrix, R)).to.be.below(1e-12);
    expect(r.frobenius).to.be.below(1e-12);
  });

  it("a positive eigenvalue floor gives a better-conditioned repair that simulation can use", () => {
    const g = golden.nearPD.r6;
    const r = nearestPD(g.input, { minEigenvalue: 0.01 });
    expect(r.minEigenAfter).to.be.at.least(0.01 - 1e-6);
    expect(r.frobenius).to.be.above(g.normF); // a stricter constraint moves further
    const sim = simulateComposites({
      n: 200,
      names: ["a", "b", "c", "d", "e", "f"],
      means: [0, 0, 0, 0, 0, 0],
      sds: [1, 1, 1, 1, 1, 1],
      cor: r.matrix,
      seed: 1,
    });
    expect(sim.discrepancy.cor).to.be.below(1e-10);
  });

  it("corr: false repairs a covariance matrix keeping it symmetric PD", () => {
    const C = [
      [4, 3.8, 1],
      [3.8, 4, 3.8],
      [1, 3.8, 4],
    ];
    const r = nearestPD(C, { corr: false });
    expect(r.minEigenBefore).to.be.below(0);
    expect(eigenSym(r.matrix).values[2]).to.be.above(0);
    expect(() => mvrnorm(50, [0, 0, 0], r.matrix, 1, { empirical: true })).to.not.throw();
  });

  it("renders the changed entries with names", () => {
    const r = nearestPD(golden.nearPD.r3.input, { names: ["x", "m", "y"] });
    const s = r.summary();
    expect(s).to.contain("Smallest eigenvalue -0.1767");
    expect(s).to.match(/m\s+x\s+0\.9000\s+0\.7955\s+−0\.1045/);
  });

  it("bad inputs: not a correlation matrix, non-square", () => {
    expectPathlabError(
      () =>
        nearestPD([
          [2, 0.5],
          [0.5, 1],
        ]),
      /R\[1,1\] \(V1\) is 2\.000000; a correlation matrix has 1 on its diagonal/,
    );
    expectPathlabError(
      () =>
        nearestPD([
          [1, 1.2],
          [1.2, 1],
        ]),
      /r\(V2, V1\) = 1\.200000 lies outside/,
    );
    expectPathlabError(
      () =>
        nearestPD([
          [1, 0.2, 0.1],
          [0.2, 1],
        ] as number[][]),
      /must be square/,
    );
  });
});
