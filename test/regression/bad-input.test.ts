import { expect } from "chai";
import { isPathlabError } from "../../src/errors";
import { hierarchicalRegression, ols, olsCore, tsls } from "../../src/regression";

function thrown(f: () => unknown): { message: string; hint?: string; code: string } {
  try {
    f();
  } catch (e) {
    expect(isPathlabError(e), String(e)).to.equal(true);
    return e as { message: string; hint?: string; code: string };
  }
  throw new Error("expected a PathlabError");
}

const base = {
  y: [3.1, 2.4, 5.6, 4.4, 3.9, 6.1, 2.2, 4.8],
  a: [1, 2, 3, 4, 5, 6, 7, 8],
  b: [2, 1, 4, 3, 6, 5, 8, 7],
  c: [0.5, 0.1, 0.9, 0.3, 0.2, 0.8, 0.4, 0.6],
};

describe("regression: bad input gives errors naming what is wrong", () => {
  it("perfect collinearity names the variables involved", () => {
    const total = base.a.map((v, i) => v + base.b[i]);
    const e = thrown(() => ols({ ...base, total }, { y: "y", x: ["a", "c", "b", "total"] }));
    expect(e.code).to.equal("regression.collinear");
    expect(e.message).to.contain('"total" is an exact linear combination of "a" and "b"');
    expect(e.message).to.not.contain('"c"');
    expect(e.hint).to.contain('"total"');
  });
  it("a duplicated (rescaled) predictor is collinear with its twin", () => {
    const a2 = base.a.map((v) => 2 * v + 1);
    const e = thrown(() => ols({ ...base, a2 }, { y: "y", x: ["a", "a2"] }));
    expect(e.message).to.contain('"a2" is an exact linear combination of "a" (and the intercept)');
  });
  it("a constant column besides the intercept is named with its value", () => {
    const k = base.a.map(() => 5);
    const e = thrown(() => ols({ ...base, k }, { y: "y", x: ["a", "k"] }));
    expect(e.code).to.equal("regression.constant-column");
    expect(e.message).to.contain('"k" is constant (every value is 5)');
    const z = thrown(() => ols({ ...base, z: base.a.map(() => 0) }, { y: "y", x: ["z"] }));
    expect(z.message).to.contain('"z" is 0 in every row');
  });
  it("fewer rows than parameters", () => {
    const small = { y: [1, 2, 3], a: [1, 3, 2], b: [5, 1, 2] };
    const e = thrown(() => ols(small, { y: "y", x: ["a", "b"] }));
    expect(e.code).to.equal("regression.too-few-rows");
    expect(e.message).to.contain("Only 3 complete rows for 3 parameters ((Intercept), a, b)");
    // Listwise deletion can be the cause: the hint says so.
    expect(e.hint).to.contain("listwise deletion");
  });
  it("a non-numeric value names the column, row and value", () => {
    const b = [...base.b] as unknown[];
    b[4] = "n/a?";
    const e = thrown(() => ols({ ...base, b }, { y: "y", x: ["a", "b"] }));
    expect(e.code).to.equal("data.non-numeric");
    expect(e.message).to.contain('Column "b", row 5: value "n/a?" is not a number');
  });
  it("an unknown variable is named, with a suggestion", () => {
    const e = thrown(() => ols(base, { y: "y", x: ["a", "B "] }));
    expect(e.code).to.equal("data.unknown-variable");
    expect(e.message).to.contain('Unknown variable "B "');
    const h = thrown(() => hierarchicalRegression(base, { y: "y", blocks: [["a"], ["cc"]] }));
    expect(h.message).to.contain('Unknown variable "cc"');
    expect(h.hint).to.contain('"c"');
  });
  it("olsCore names non-finite values and mismatched lengths", () => {
    const one = new Float64Array(4).fill(1);
    const x = Float64Array.from([1, NaN, 3, 4]);
    const y = Float64Array.from([1, 2, 3, 5]);
    expect(thrown(() => olsCore([one, x], y, { names: ["(Intercept)", "x"] })).message).to.contain('Predictor "x" has a non-finite value (NaN) in row 2');
    expect(thrown(() => olsCore([one, Float64Array.from([1, 2])], y, { names: ["(Intercept)", "x"] })).message).to.contain(
      '"x" has 2 values but the outcome has 4',
    );
  });
  it("bad specifications: outcome among predictors, duplicate, empty blocks, under-identified 2SLS", () => {
    expect(thrown(() => ols(base, { y: "y", x: ["a", "y"] })).message).to.contain('"y" is both the outcome and a predictor');
    expect(thrown(() => ols(base, { y: "y", x: ["a", "a"] })).message).to.contain('Predictor "a" is listed twice');
    expect(thrown(() => hierarchicalRegression(base, { y: "y", blocks: [["a"], []] })).message).to.contain("non-empty");
    expect(thrown(() => hierarchicalRegression(base, { y: "y", blocks: [["a"], ["a"]] })).message).to.contain('"a" is listed twice');
    const iv = thrown(() => tsls(base, { y: "y", endogenous: ["a", "b"], instruments: ["c"] }));
    expect(iv.code).to.equal("regression.not-identified");
    expect(iv.message).to.contain("2 endogenous regressor(s) (a, b) but only 1 excluded instrument(s)");
  });
  it("missing codes are dropped and counted", () => {
    const y = [...base.y];
    y[2] = 99;
    const r = ols({ ...base, y }, { y: "y", x: ["a"], missing: [99] });
    expect(r.n).to.equal(7);
    expect(r.dropped).to.equal(1);
  });
});
