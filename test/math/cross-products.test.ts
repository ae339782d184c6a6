import { expect } from "chai";
import { crossProductsLower, crossProductsSymmetric } from "../../src/math/cross-products";
import { Rng } from "../../src/simulate/rng";

/** The plain double loop over rows in order: the reference both kernels are checked against. */
function naive(cols: Float64Array[]): number[][] {
  return cols.map((a) =>
    cols.map((b) => {
      let s = 0;
      for (let k = 0; k < a.length; k++) s += a[k] * b[k];
      return s;
    }),
  );
}

describe("math/cross-products", () => {
  const rng = new Rng(7);
  const cols = Array.from({ length: 7 }, () => Float64Array.from({ length: 50 }, () => rng.normal()));
  const ref = naive(cols);

  it("crossProductsSymmetric equals the plain loop to the bit, above and below the diagonal", () => {
    const S = crossProductsSymmetric(cols, 50);
    for (let a = 0; a < 7; a++) for (let b = 0; b < 7; b++) expect(S[a * 7 + b]).to.equal(ref[a][b]);
  });

  it("crossProductsLower: the lower triangle for any block size (blocks of rows only regroup the sums)", () => {
    for (const block of [1, 3, 16, 1024]) {
      const S = crossProductsLower(cols, block);
      for (let a = 0; a < 7; a++) for (let b = 0; b <= a; b++) expect(S[a * 7 + b]).to.be.closeTo(ref[a][b], 1e-12 * (1 + Math.abs(ref[a][b])));
    }
    const one = crossProductsLower(cols, 50);
    for (let a = 0; a < 7; a++) for (let b = 0; b <= a; b++) expect(one[a * 7 + b]).to.equal(ref[a][b]);
  });
});
