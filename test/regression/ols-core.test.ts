import { expect } from "chai";
import { numericColumns } from "../../src/data/table-input";
import { olsCore, type HcType } from "../../src/regression/ols-core";
import { G, expectClose, expectMatrixClose, goldenData } from "./helpers";

describe("regression: olsCore vs R lm + sandwich", () => {
  const data = goldenData();
  const nc = numericColumns(data, ["y", "x1", "x2", "x3", "x4"]);
  const [y, ...xs] = nc.columns;
  const ones = new Float64Array(nc.n).fill(1);
  const names = ["(Intercept)", "x1", "x2", "x3", "x4"];

  it("coefficients, SEs, RSS, R² at 1e-8", () => {
    const fit = olsCore([ones, ...xs], y, { names });
    expect(fit.n).to.equal(G.main.n);
    expectClose(fit.coef, G.main.coef, 1e-8, "coef");
    expectClose(fit.se, G.main.se, 1e-8, "se");
    expectClose([fit.r2, Math.sqrt(fit.sigma2)], [G.main.r2, G.main.sigma], 1e-8, "r2/sigma");
    expect(fit.df).to.equal(G.main.df);
  });
  for (const hc of ["HC0", "HC1", "HC2", "HC3", "HC4"] as HcType[]) {
    it(`${hc} covariance equals sandwich::vcovHC at 1e-8`, () => {
      const fit = olsCore([ones, ...xs], y, { names, hc });
      expectMatrixClose(fit.vcov, G.main[hc], 1e-8, hc);
      expectClose(fit.coef, G.main.coef, 1e-8, "coef");
    });
  }
  it("leverages equal hatvalues()", () => {
    const fit = olsCore([ones, ...xs], y, { names, hat: true });
    expectClose(fit.hat!.subarray(0, 10), G.main.hat, 1e-8, "hat");
  });
  it("intercept column need not come first, and no-intercept models use the uncentred R²", () => {
    const fit = olsCore([xs[0], ones, xs[1], xs[2], xs[3]], y, { hc: "HC3" });
    expect(fit.coef[1]).to.be.closeTo(G.main.coef[0], 1e-10);
    expect(fit.vcov[1][0]).to.be.closeTo(G.main.HC3[0][1], 1e-12);
    const f0 = olsCore([xs[0], xs[1]], y);
    expectClose(f0.coef, G.noint.coef, 1e-8, "no-intercept coef");
    expectClose(f0.se, G.noint.se, 1e-8, "no-intercept se");
    expectClose([f0.r2], [G.noint.r2], 1e-8, "no-intercept r2");
  });
});
