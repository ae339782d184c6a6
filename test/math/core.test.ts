/**
 * The numerical core (src/math): the kernels every module shares. The eigen-decomposition is checked
 * bit for bit against ml-matrix (whose arithmetic it ports), the row-array wrappers against the flat
 * kernels, the descriptive primitives and the formula tier against closed forms and R's values.
 */
import { expect } from "chai";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import {
  accurateMean,
  aveFromLoadings,
  cholesky,
  choleskyFlat,
  compositeReliabilityFromLoadings,
  correlationPValue,
  covarianceMatrix,
  criticalR,
  eigenTop,
  eigenvalues,
  invertSPD,
  logDetSPD,
  mean,
  meanSdNonMissing,
  median,
  pt,
  rmsea,
  sd,
  solveSPD,
  starsFor,
  STARS_DAGGER,
  symEigen,
  twoSidedP,
  variance,
  waldF,
} from "../../src/math";
import { Rng } from "../../src/simulate/rng";

function randomCovariance(p: number, rng: Rng): number[][] {
  const X = Array.from({ length: 2 * p }, () => Array.from(rng.normals(p)));
  return Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => X.reduce((s, r) => s + r[i] * r[j], 0)));
}

describe("math: the symmetric eigen-decomposition", () => {
  it("equals ml-matrix's EigenvalueDecomposition to the last bit (values descending, vectors signed)", () => {
    const rng = new Rng(3);
    for (let t = 0; t < 60; t++) {
      const p = 1 + (t % 12);
      const A = randomCovariance(p, rng);
      const evd = new EigenvalueDecomposition(new Matrix(A), { assumeSymmetric: true });
      const vals = evd.realEigenvalues;
      const V = evd.eigenvectorMatrix.to2DArray();
      const order = vals.map((_, i) => i).sort((a, b) => vals[b] - vals[a]);
      const ours = symEigen(A);
      expect(ours.values).to.deep.equal(order.map((i) => vals[i]));
      order.forEach((src, k) => {
        let big = 0;
        for (let i = 0; i < p; i++) if (Math.abs(V[i][src]) > Math.abs(big)) big = V[i][src];
        for (let i = 0; i < p; i++) expect(ours.vectors[i][k]).to.equal((big < 0 ? -1 : 1) * V[i][src]);
      });
      expect(eigenvalues(A)).to.deep.equal(ours.values);
    }
  });

  it("eigenTop gives the leading eigenpairs; a non-finite entry is an error", () => {
    const rng = new Rng(9);
    const A = randomCovariance(30, rng);
    const full = symEigen(A);
    const top = eigenTop(new Float64Array(A.flat()), 30, 3);
    for (let k = 0; k < 3; k++) {
      expect(top.values[k]).to.equal(full.values[k]);
      for (let i = 0; i < 30; i++) expect(top.vectors![k * 30 + i]).to.be.closeTo(full.vectors[i][k], 1e-10);
    }
    expect(() =>
      symEigen([
        [1, Number.NaN],
        [Number.NaN, 1],
      ]),
    ).to.throw(/entry \[1, 2\].*NaN/);
  });
});

describe("math: Cholesky, SPD solve, inverse, log-determinant", () => {
  it("row-array wrappers give the flat kernel's bits; A⁻¹A = I; log det = Σ ln λ", () => {
    const A = randomCovariance(6, new Rng(1));
    const flat = choleskyFlat(A.flat(), 6)!;
    const L = cholesky(A);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) expect(L[i][j]).to.equal(flat[i * 6 + j]);
    const Ai = invertSPD(A);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) expect(A[i].reduce((s, a, k) => s + a * Ai[k][j], 0)).to.be.closeTo(i === j ? 1 : 0, 1e-10);
    const b = [1, 2, 3, 4, 5, 6];
    const x = solveSPD(A, b);
    for (let i = 0; i < 6; i++) expect(A[i].reduce((s, a, k) => s + a * x[k], 0)).to.be.closeTo(b[i], 1e-9);
    expect(logDetSPD(A)).to.be.closeTo(
      symEigen(A).values.reduce((s, v) => s + Math.log(v), 0),
      1e-10,
    );
  });

  it("a matrix that is not positive definite is an error naming the pivot", () => {
    expect(() =>
      cholesky(
        [
          [1, 2],
          [2, 1],
        ],
        ["x", "y"],
      ),
    ).to.throw(/pivot 2 \("y"\)/);
    expect(choleskyFlat([1, 2, 2, 1], 2)).to.equal(null);
  });
});

describe("math: descriptive primitives", () => {
  it("mean (one pass), accurateMean (R's two passes), variance, sd, median, covariance", () => {
    expect(mean([1, 2, 3, 4])).to.equal(2.5);
    expect(accurateMean([1, 2, 3, 4])).to.equal(2.5);
    expect(variance([1, 2, 3, 4])).to.be.closeTo(5 / 3, 1e-15);
    expect(sd([1, 2, 3, 4])).to.be.closeTo(Math.sqrt(5 / 3), 1e-15);
    // sd rescales: 1e200 squared would overflow
    expect(sd([1e200, 2e200, 3e200, 4e200]) / 1e200).to.be.closeTo(Math.sqrt(5 / 3), 1e-14);
    expect(sd([5])).to.be.NaN;
    expect(median([3, 1, 2, 10])).to.equal(2.5);
    const m = meanSdNonMissing([1, Number.NaN, 3]);
    expect(m).to.deep.equal({ mean: 2, sd: Math.SQRT2, n: 2 });
    const S = covarianceMatrix([
      [1, 2, 3, 4],
      [2, 4, 6, 8],
    ]);
    expect(S[0][1]).to.be.closeTo(10 / 3, 1e-14);
    expect(S[1][1]).to.be.closeTo(20 / 3, 1e-14);
  });
});

describe("math: the formula tier", () => {
  it("p values: two-sided t and z, r → p (R's cor.test), the critical r", () => {
    expect(twoSidedP(2.1, 30)).to.equal(2 * pt(-2.1, 30));
    expect(twoSidedP(1.959963984540054)).to.be.closeTo(0.05, 1e-12);
    // R 4.2.2: r = 0.3, n = 50, t = r√(n − 2)/√(1 − r²), 2 * pt(-t, n - 2) = 0.0342861800
    expect(correlationPValue(0.3, 50)).to.be.closeTo(0.03428618, 1e-9);
    expect(correlationPValue(0.3, 2)).to.be.NaN;
    expect(correlationPValue(criticalR(0.05, 50), 50)).to.be.closeTo(0.05, 1e-9);
  });

  it("stars under a legend, RMSEA, CR and AVE, the Wald F", () => {
    expect(starsFor(0.0004)).to.equal("***");
    expect(starsFor(0.07)).to.equal("");
    expect(starsFor(0.07, STARS_DAGGER)).to.equal("†");
    expect(starsFor(Number.NaN)).to.equal("");
    // χ²(24) = 85.306 on N = 301 (lavaan's HS three-factor CFA): RMSEA 0.092
    expect(rmsea(85.306, 24, 301)).to.be.closeTo(0.0921, 1e-4);
    expect(rmsea(10, 24, 301)).to.equal(0);
    expect(compositeReliabilityFromLoadings([0.7, 0.8, 0.75])).to.be.closeTo(2.25 ** 2 / (2.25 ** 2 + (3 - 1.6925)), 1e-15);
    expect(aveFromLoadings([0.7, 0.8, 0.75])).to.be.closeTo(1.6925 / 3, 1e-15);
    // one coefficient: F = (b / se)²
    expect(
      waldF(
        [0, 2],
        [
          [1, 0],
          [0, 0.25],
        ],
        [1],
      ),
    ).to.be.closeTo(16, 1e-12);
  });
});
