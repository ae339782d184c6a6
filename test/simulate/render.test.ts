import { expect } from "chai";
import { Result, mvrnorm, nearestPD, simulateComposites, simulateItems, simulateStructural } from "../../src";
import { DISPLAY } from "../../src/display/mime";

describe("simulate: every result renders through Result", () => {
  it("HTML and text bundles with the target-vs-achieved tables", () => {
    const results: Result[] = [
      mvrnorm(
        20,
        [0, 0],
        [
          [1, 0.2],
          [0.2, 1],
        ],
        1,
        { empirical: true },
      ),
      simulateComposites({ n: 20, names: ["a", "b"], means: [1, 2], sds: [1, 2], cor: [[1], [0.3, 1]], seed: 1 }),
      simulateItems({
        n: 20,
        constructs: [
          { name: "a", items: ["a1", "a2"], loadings: [0.5, 0.5] },
          { name: "b", items: ["b1", "b2"], loadings: [0.5, 0.5] },
        ],
        cor: [[1], [0.5, 1]],
        seed: 1,
        likert: { min: 1, max: 5 },
      }),
      simulateStructural({ n: 20, seed: 1, exogenous: { x: {} }, equations: [{ y: "y", terms: [{ vars: ["x"], coef: 1 }], residualSd: 1 }] }),
      nearestPD([
        [1, 0.9, 0.2],
        [0.9, 1, 0.9],
        [0.2, 0.9, 1],
      ]),
    ];
    for (const r of results) {
      expect(r).to.be.instanceOf(Result);
      const b = r[DISPLAY]();
      expect(b["text/html"]).to.contain("<table");
      expect(String(b["text/plain"]).length).to.be.above(50);
      expect(r.title()).to.be.a("string");
    }
    // The item simulation with weak loadings and r = .5 needs the conditional method; its warning renders.
    expect(results[2].warnings).to.have.length(1);
    expect(results[2].toHTML()).to.contain("conditional method");
    expect(results[2].summary()).to.contain("Rounding to 1–5 moved the composites");
  });
});
