import { expect } from "chai";
import { DataFrame } from "../../src/data/frame";
import { isPathlabError } from "../../src/errors";
import { composite } from "../../src/data/scoring";
import { toMimeBundle } from "../../src/display/bundle";

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isPathlabError(e)) return e.code;
    throw e;
  }
  return "no error";
}

describe("data/DataFrame", () => {
  it("builds from named columns or row objects, keeping values as given (64-bit numbers, null)", () => {
    const a = new DataFrame({ x: [5.6, null, 1 / 3], g: ["a", "b", null] });
    expect(a.columns).to.deep.equal(["x", "g"]);
    expect(a.values).to.deep.equal([
      [5.6, "a"],
      [null, "b"],
      [1 / 3, null],
    ]);
    expect(a.index).to.deep.equal([0, 1, 2]);
    expect(a.shape).to.deep.equal([3, 2]);
    const b = new DataFrame([
      { id: "C1", n: 5, markets: ["UK", "UAE"] },
      { id: "C2", n: null, markets: [] },
    ]);
    expect(b.columns).to.deep.equal(["id", "n", "markets"]);
    expect(b.values[0][2]).to.deep.equal(["UK", "UAE"]);
    expect(new DataFrame({ t: new Float64Array([1, 2]) }).column("t").values).to.deep.equal([1, 2]);
  });

  it("column, addColumn (in place, replacing in position, or as a copy), head, tail, loc", () => {
    const df = new DataFrame({ x: [1, 2, 3, 4, 5, 6], y: [6, 5, 4, 3, 2, 1] });
    expect(df.column("y").values).to.deep.equal([6, 5, 4, 3, 2, 1]);
    expect(df.column("y").columnName).to.equal("y");
    df.addColumn("s", composite(df, ["x", "y"], { method: "sum" }), { inplace: true });
    expect(df.columns).to.deep.equal(["x", "y", "s"]);
    expect(df.column("s").values).to.deep.equal([7, 7, 7, 7, 7, 7]);
    df.addColumn("x", [0, 0, 0, 0, 0, 0], { inplace: true });
    expect(df.columns).to.deep.equal(["x", "y", "s"]);
    const copy = df.addColumn("z", [1, 1, 1, 1, 1, 1]);
    expect(copy.columns).to.deep.equal(["x", "y", "s", "z"]);
    expect(df.columns).to.deep.equal(["x", "y", "s"]);
    expect(df.head().shape).to.deep.equal([5, 3]);
    expect(df.head(2).values).to.deep.equal([
      [0, 6, 7],
      [0, 5, 7],
    ]);
    expect(df.tail(2).index).to.deep.equal([4, 5]);
    const sel = df.loc({ rows: [5, 0], columns: ["y", "x"] });
    expect(sel.columns).to.deep.equal(["y", "x"]);
    expect(sel.values).to.deep.equal([
      [1, 0],
      [6, 0],
    ]);
    expect(sel.index).to.deep.equal([5, 0]);
  });

  it("errors name the column or row: unknown column, wrong length, ragged columns, row out of range", () => {
    const df = new DataFrame({ x: [1, 2] });
    expect(codeOf(() => df.column("nope"))).to.equal("data.unknown-variable");
    expect(codeOf(() => df.addColumn("y", [1]))).to.equal("data.ragged");
    expect(codeOf(() => new DataFrame({ a: [1, 2], b: [1] }))).to.equal("data.ragged");
    expect(codeOf(() => df.loc({ rows: [2] }))).to.equal("data.out-of-range");
  });

  it("displays as a table with its index, as the kernel shows data frames", () => {
    const b = toMimeBundle(new DataFrame({ x: [1.5, 2.25] }))!;
    expect(b["text/html"]).to.contain("2 rows × 1 columns").and.contain("2.250");
  });
});
