import { expect } from "chai";
import { NearestPDResult, mvrnorm, nearestPD, simulateComposites } from "../../src";
import { symEigen as eigenSym } from "../../src/math";
import { expectPathlabError, golden, maxAbs } from "./helpers";

describe("simulate/nearestPD", () => {
  for (const key of ["r3", "r6", "r10"]) {
    it(`matches Matrix::nearPD(corr = TRUE) to 1e-6 (${key})`, () => {
      const g = golden.nearPD[key];
      const r = nearestPD(g.input, { corr: true });
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
    const r = nearestPD(R, { corr: true });
    expect(maxAbs(r.matrix, R)).to.be.below(1e-12);
    expect(r.frobenius).to.be.below(1e-12);
  });

  it("a positive eigenvalue floor gives a better-conditioned repair that simulation can use", () => {
    const g = golden.nearPD.r6;
    const r = nearestPD(g.input, { corr: true, minEigenvalue: 0.01 });
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
    const r = nearestPD(golden.nearPD.r3.input, { corr: true, names: ["x", "m", "y"] });
    const s = r.summary();
    expect(s).to.contain("Smallest eigenvalue -0.1767");
    expect(s).to.match(/m\s+x\s+0\.9000\s+0\.7955\s+−0\.1045/);
  });

  it("bad inputs: non-square, non-finite", () => {
    expectPathlabError(
      () =>
        nearestPD([
          [1, 0.2, 0.1],
          [0.2, 1],
        ] as number[][]),
      /must be square/,
    );
    expectPathlabError(
      () =>
        nearestPD([
          [1, NaN],
          [NaN, 1],
        ]),
      /not a finite number/,
    );
  });

  // QA report item 4: nearPD's defaults (corr = FALSE) and every argument, against Matrix 1.5-3
  const args: Record<string, object> = {
    r6_default: {},
    r10_default: {},
    c3_default: {},
    c3_corr: { corr: true },
    c3_keepDiag: { keepDiag: true },
    r6_no2eigen: { corr: true, do2eigen: false },
    r6_noDykstra: { doDykstra: false },
    r6_doSym: { corr: true, doSym: true },
    r10_normF: { "conv.norm.type": "F" },
    r10_eigtol: { corr: true, "eig.tol": 1e-3, "posd.tol": 1e-5 },
    r6_asym: { corr: true },
    r10_maxit: { corr: true, maxit: 3 },
    c3_base: { "base.matrix": true, keepDiag: true },
  };
  for (const [key, o] of Object.entries(args)) {
    it(`matches Matrix::nearPD with ${JSON.stringify(o)} (${key})`, () => {
      const g = golden.nearPDargs[key];
      const r = nearestPD(g.input, o as never);
      expect(maxAbs(r.matrix, g.mat), "matrix").to.be.below(1e-9);
      expect(r.iterations, "iterations").to.equal(g.iterations);
      expect(r.converged, "converged").to.equal(g.converged);
      expect(Math.abs(r.normF - g.normF), "normF").to.be.below(1e-9);
      expect(Math.abs(r.relTol - g.relTol), "rel.tol").to.be.below(1e-9 * Math.max(1, g.relTol));
      expect(maxAbs([r.eigenvalues], [g.eigenvalues]), "eigenvalues").to.be.below(1e-9);
      if (key === "r6_asym") expect(r.warnings.map((w) => w.code)).to.include("simulate.asymmetric-input");
      if (key === "r10_maxit") expect(r.warnings.map((w) => w.code)).to.include("simulate.not-converged");
    });
  }

  it("the default is nearPD's corr = FALSE: a correlation matrix's diagonal may move (QA item 4)", () => {
    const r = nearestPD(golden.nearPDargs.r6_default.input);
    expect(r.corr).to.equal(false);
    expect(Math.max(...r.matrix.map((row, i) => Math.abs(row[i] - 1)))).to.be.above(1e-3);
    expectPathlabError(
      () =>
        nearestPD(
          [
            [1, 0.5],
            [0.5, 1],
          ],
          { "only.values": true } as never,
        ),
      /only as false/,
    );
  });
});
