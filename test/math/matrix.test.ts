import { expect } from "chai";
import { cholesky, choleskyInPlace, choleskySemidefinite, corToCov, covToCor, invertSPD, logDetSPD, symEigen } from "../../src/math";

const A = [
  [4, 2, 0.6],
  [2, 5, 1.5],
  [0.6, 1.5, 3],
];

function matmul(X: number[][], Y: number[][]): number[][] {
  return X.map((r) => Y[0].map((_, j) => r.reduce((s, v, k) => s + v * Y[k][j], 0)));
}

describe("stats: matrix helpers", () => {
  it("cholesky reproduces A = L Lᵀ", () => {
    const L = cholesky(A);
    const LLt = matmul(
      L,
      L.map((_, i) => L.map((r) => r[i])),
    );
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(LLt[i][j]).to.be.closeTo(A[i][j], 1e-14);
    expect(L[0][1]).to.equal(0);
  });
  it("invertSPD gives the inverse and logDetSPD the log determinant", () => {
    const inv = invertSPD(A);
    const I = matmul(A, inv);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(I[i][j]).to.be.closeTo(i === j ? 1 : 0, 1e-14);
    const det = 4 * (5 * 3 - 1.5 * 1.5) - 2 * (2 * 3 - 1.5 * 0.6) + 0.6 * (2 * 1.5 - 5 * 0.6);
    expect(logDetSPD(A)).to.be.closeTo(Math.log(det), 1e-13);
  });
  it("a non-positive-definite matrix is an error naming the pivot", () => {
    const bad = [
      [1, 0.9, 0.9],
      [0.9, 1, -0.9],
      [0.9, -0.9, 1],
    ];
    expect(() => cholesky(bad, ["x", "y", "z"])).to.throw(/not positive definite: pivot 3 \("z"\)/);
  });
  it("symEigen: descending values, orthonormal vectors, A v = λ v", () => {
    const { values, vectors } = symEigen(A);
    expect(values[0]).to.be.greaterThan(values[1]);
    expect(values[1]).to.be.greaterThan(values[2]);
    expect(values.reduce((s, v) => s + v, 0)).to.be.closeTo(12, 1e-12);
    for (let k = 0; k < 3; k++) {
      const v = vectors.map((r) => r[k]);
      const Av = A.map((r) => r.reduce((s, a, i) => s + a * v[i], 0));
      for (let i = 0; i < 3; i++) expect(Av[i]).to.be.closeTo(values[k] * v[i], 1e-12);
      expect(v.reduce((s, x) => s + x * x, 0)).to.be.closeTo(1, 1e-12);
    }
  });
  it("covToCor and corToCov are inverse", () => {
    const R = covToCor(A);
    expect(R[0][1]).to.be.closeTo(2 / Math.sqrt(20), 1e-15);
    const S = corToCov(R, [2, Math.sqrt(5), Math.sqrt(3)]);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(S[i][j]).to.be.closeTo(A[i][j], 1e-14);
  });
});

describe("math/linalg: Cholesky variants", () => {
  it("relative pivot limit: minPivot · max(1, A_jj); semidefinite: pivots ≤ 0 taken as 0", () => {
    // the second pivot is about 0.002: above 1e-12, below 1e-8 · A_22 = 0.01
    const a = () => new Float64Array([1e6, 1e6 - 1e-3, 1e6 - 1e-3, 1e6]);
    expect(choleskyInPlace(a(), 2, 1e-12)).to.equal(-1);
    expect(choleskyInPlace(a(), 2, 1e-8, false, true)).to.equal(1);
    const L = choleskySemidefinite([
      [1, 1],
      [1, 1],
    ]);
    expect(L).to.deep.equal([
      [1, 0],
      [1, 0],
    ]);
  });
});
