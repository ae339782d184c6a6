/**
 * Issue 12, item 2: ols({ hc: "hc3" }) computed HC0 and labelled it "SE (hc3)". sandwich's type
 * names are now accepted in any case and computed as named.
 */
import { expect } from "chai";
import { hierarchicalRegression, ols } from "../../src/regression";
import { G, expectClose, expectMatrixClose, goldenData } from "./helpers";

const data = goldenData();

describe("regression: options are honoured, not ignored (issue 12, item 2)", () => {
  it('hc: "hc3" is HC3 (sandwich::vcovHC), labelled HC3', () => {
    const r = ols(data, { y: "y", x: ["x1", "x2", "x3", "x4"], hc: "hc3" as never });
    expect(r.hc).to.equal("HC3");
    expectMatrixClose(r.vcov, G.main.HC3, 1e-8, "HC3");
    expect(r.summary()).to.contain("SE (HC3)");
    expect(r.summary()).to.not.contain("hc3");
  });
  it('each HC type in lower case gives its own covariance; "HC" is HC0 as in sandwich', () => {
    for (const t of ["HC0", "HC1", "HC2", "HC4"]) {
      const r = ols(data, { y: "y", x: ["x1", "x2", "x3", "x4"], hc: t.toLowerCase() as never });
      expectMatrixClose(r.vcov, G.main[t], 1e-8, t);
    }
    expectMatrixClose(ols(data, { y: "y", x: ["x1", "x2", "x3", "x4"], hc: "HC" as never }).vcov, G.main.HC0, 1e-8, "HC");
  });
  it('hierarchicalRegression: hc: "hc3" gives HC3 standard errors in the steps', () => {
    const h = hierarchicalRegression(data, { y: "y", blocks: [["x1", "x2"], ["x3", "x4"], ["x1x4"]], hc: "hc3" as never });
    expectMatrixClose(h.steps[2].model.vcov, G.hier.HC3_step3, 1e-8, "HC3 step 3");
    expectClose(
      h.steps.map((s) => s.FchangeRobust!),
      G.hier.FchangeHC3,
      1e-8,
      "robust F change",
    );
  });
  it("level is R's name for conf (confint(level = 0.90))", () => {
    const a = ols(data, { y: "y", x: ["x1"], conf: 0.9 });
    const b = ols(data, { y: "y", x: ["x1"], level: 0.9 } as never);
    expect(b.coefficients.map((c) => c.lower)).to.deep.equal(a.coefficients.map((c) => c.lower));
    expect(b.conf).to.equal(0.9);
  });
  it("an outcome the predictors fit exactly carries R's 'essentially perfect fit' warning", () => {
    const x = [1, 2, 3, 4, 5, 6];
    const r = ols({ x, z: [2, 1, 2, 1, 2, 1], y: x.map((v) => 3 + 2 * v) }, { y: "y", x: ["x", "z"] });
    expect(r.warnings.map((w) => w.code)).to.deep.equal(["regression.perfect-fit"]);
    expect(r.summary()).to.contain("fitted essentially perfectly");
    expect(ols(data, { y: "y", x: ["x1"] }).warnings).to.have.length(0);
  });
});
