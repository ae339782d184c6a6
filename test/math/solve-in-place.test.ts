/**
 * The allocation-free SPD solve of resampling loops (src/math/linalg.ts `solveSPDInPlace`) and the
 * scale-relative pivot test of `choleskyInPlace`: the same bits as the allocating solve, and a
 * refusal of a collinear system whatever the variables' units.
 */
import { expect } from "chai";
import { choleskyInPlace, solveSPDFlat, solveSPDInPlace } from "../../src/math";

describe("math/linalg: solveSPDInPlace", () => {
  const A = [4, 2, 0.6, 2, 5, 1.2, 0.6, 1.2, 3];
  const b = [1, -2, 0.5];

  it("gives the bits of solveSPDFlat, written at an offset of `out`", () => {
    const expected = solveSPDFlat(A, 3, b)!;
    const out = new Float64Array(5).fill(7);
    expect(solveSPDInPlace(Float64Array.from(A), 3, Float64Array.from(b), out, 2)).to.equal(true);
    expect(Array.from(out.subarray(2))).to.deep.equal(Array.from(expected));
    expect(out[0]).to.equal(7);
    expect(out[1]).to.equal(7);
  });

  it("uses the leading n × n block of a larger buffer as an n × n matrix", () => {
    const a = new Float64Array(16);
    a.set([4, 2, 2, 5]);
    const r = new Float64Array(4);
    r.set([1, 1]);
    const out = new Float64Array(2);
    expect(solveSPDInPlace(a, 2, r, out)).to.equal(true);
    // [[4, 2], [2, 5]] x = [1, 1] → x = [3/16, 1/8]
    expect(out[0]).to.be.closeTo(3 / 16, 1e-15);
    expect(out[1]).to.be.closeTo(1 / 8, 1e-15);
  });

  it("refuses a collinear system and leaves `out` untouched", () => {
    const out = new Float64Array(2).fill(9);
    expect(solveSPDInPlace(Float64Array.from([1, 2, 2, 4]), 2, Float64Array.from([1, 1]), out)).to.equal(false);
    expect(Array.from(out)).to.deep.equal([9, 9]);
  });

  it('"scale" tests a pivot against its own diagonal entry, free of units (unlike the max(1, A_jj) floor)', () => {
    // Two nearly collinear columns of tiny values: X'X ≈ 1e-8 · [[1, 1], [1, 1 + 1e-12]].
    const tiny = () => Float64Array.from([1e-8, 1e-8, 1e-8, 1e-8 * (1 + 1e-12)]);
    expect(choleskyInPlace(tiny(), 2, 1e-10, false, "scale")).to.equal(1);
    // The same matrix well-conditioned but small: accepted by "scale", refused by the floored test.
    const small = () => Float64Array.from([1e-12, 0, 0, 1e-12]);
    expect(choleskyInPlace(small(), 2, 1e-10, false, "scale")).to.equal(-1);
    expect(choleskyInPlace(small(), 2, 1e-10, false, true)).to.equal(0);
  });
});
