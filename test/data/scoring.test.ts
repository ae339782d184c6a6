import { expect } from "chai";
import { center, composite, dummyCode, logTransform, productTerm, reverseCode, standardize } from "../../src/data/scoring";
import { numericColumns } from "../../src/data/table-input";

const rows = [
  { a: 1, b: 2, c: 3, g: "north" },
  { a: 4, b: null, c: 6, g: "south" },
  { a: 7, b: "NA", c: null, g: "east" },
  { a: 99, b: 5, c: 6, g: "" },
];

describe("scoring helpers", () => {
  it("composite: mean and sum with the minimum-items rule", () => {
    expect(composite(rows, ["a", "b", "c"], { minItems: 2, missing: [99] })).to.deep.equal([2, 5, NaN, 5.5]);
    expect(composite(rows, ["a", "b", "c"], { missing: [99] })).to.deep.equal([2, NaN, NaN, NaN]); // default: all items
    expect(composite(rows, ["a", "b", "c"], { method: "sum", minItems: 2, missing: [99] })).to.deep.equal([6, 10, NaN, 11]);
    expect(composite(rows, ["a", "b", "c"], { method: "sum", minItems: 2, prorate: true, missing: [99] })).to.deep.equal([6, 15, NaN, 16.5]);
  });

  it("reverseCode: min + max − x, missing kept", () => {
    expect(reverseCode([1, 2, 7, null, "4"], { min: 1, max: 7 })).to.deep.equal([7, 6, 1, NaN, 4]);
    expect(reverseCode(rows, "a", { min: 1, max: 7, missing: [99] })).to.deep.equal([7, 4, 1, NaN]);
  });

  it("center and standardize use the non-missing values (SD with n − 1)", () => {
    expect(center([1, 2, 3, null])).to.deep.equal([-1, 0, 1, NaN]);
    const z = standardize([2, 4, 6]);
    expect(z[0]).to.be.closeTo(-1, 1e-15);
    expect(z[2]).to.be.closeTo(1, 1e-15);
    expect(standardize(rows, "c").filter((v) => !Number.isNaN(v)).length).to.equal(3);
  });

  it("product of named variables, optionally centred, and of two arrays", () => {
    expect(productTerm({ x: [1, 2, 3], m: [2, 2, 5] }, ["x", "m"])).to.deep.equal([2, 4, 15]);
    expect(productTerm({ x: [1, 2, 3], m: [1, 2, 3] }, ["x", "m"], { center: true })).to.deep.equal([1, 0, 1]);
    expect(productTerm([1, 2], [3, 4])).to.deep.equal([3, 8]);
  });

  it("logTransform: ln by default, base 10 and 2", () => {
    expect(logTransform([1, 10, 1000, null], { base: 10 })).to.deep.equal([0, 1, 3, NaN]);
    expect(logTransform([1, Math.E])[1]).to.be.closeTo(1, 1e-15);
    expect(logTransform({ x: [1, 8] }, "x", { base: 2 })).to.deep.equal([0, 3]);
    expect(() => logTransform([1, 0])).to.throw(/row 2: ln of non-positive value 0/);
  });

  it("dummyCode: one 0/1 column per non-reference category; missing → NaN", () => {
    const d = dummyCode(rows, "g", { reference: "north" });
    // levels in R's factor() order (east, north, south), not in order of appearance
    expect(Object.keys(d)).to.deep.equal(["g_east", "g_south"]);
    expect(Object.keys(dummyCode(rows, "g"))).to.deep.equal(["g_north", "g_south"]); // reference = "east", R's first level
    expect(d.g_south).to.deep.equal([0, 1, 0, NaN]);
    expect(d.g_east).to.deep.equal([0, 0, 1, NaN]);
    const n = dummyCode({ size: [3, 1, 2, 1] }, "size");
    expect(Object.keys(n)).to.deep.equal(["size_2", "size_3"]); // numeric levels sorted, first is reference
  });

  it("missing values: empty, NA, NaN and declared codes drop rows listwise with counts", () => {
    const nc = numericColumns({ x: [1, "", "NA", NaN, 99, 6], y: [1, 2, 3, 4, 5, -9] }, ["x", "y"], { missing: [99, -9] });
    expect(nc.n).to.equal(1);
    expect(nc.dropped).to.equal(5);
    expect(nc.rows).to.deep.equal([0]);
  });

  it("typed-array columns (fast path) apply the same missing rules and errors", () => {
    const nc = numericColumns({ x: Float64Array.from([1, NaN, 3, 99]), y: Float64Array.from([1, 2, 3, 4]) }, ["x", "y"], { missing: [99] });
    expect(nc.n).to.equal(2);
    expect(nc.dropped).to.equal(2);
    expect(Array.from(nc.columns[1])).to.deep.equal([1, 3]);
    expect(() => numericColumns({ x: Float64Array.from([1, Infinity]) }, ["x"])).to.throw('Column "x", row 2: value Infinity is not a finite number.');
  });
});
