/**
 * Scale invariance of the rank test and of the estimates (issue 12, item 6): `x*1e-300` was called
 * perfect collinearity with the intercept, and a predictor R's lm estimates (1 − R² ≈ 1e-12) was
 * refused. R decides rank by LINPACK's relative test (tolerance 1e-7 on the column norm); pathlab
 * now does the same, on a Householder QR when the normal equations would lose digits.
 * Goldens: test/goldens/regression.R, section "scaling".
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { ols, olsCore } from "../../src/regression";
import { isPathlabError } from "../../src/errors";
import { G, expectClose, goldenData } from "./helpers";

const S = G.scaling;
const data = goldenData();
// The complete cases of the main model (R's `cc`), in order.
const keep = data.y.map((v, i) => v !== null && data.x4[i] !== null);
const cc = {
  y: data.y.filter((_, i) => keep[i]) as number[],
  x1: data.x1.filter((_, i) => keep[i]) as number[],
  x2: data.x2.filter((_, i) => keep[i]) as number[],
};
const extra = (() => {
  const [head, ...lines] = fs.readFileSync(path.join(__dirname, "../goldens/regression-scaling.csv"), "utf8").trim().split(/\r?\n/);
  const names = head.split(",").map((s) => s.replace(/"/g, ""));
  const cols: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const line of lines) line.split(",").forEach((v, j) => cols[names[j]].push(Number(v)));
  return cols;
})();
const sc = { ...cc, ...extra, x1tiny: cc.x1.map((v) => v * 1e-300), x1huge: cc.x1.map((v) => v * 1e300) };

describe("regression: rank test and estimates are scale-invariant, as R's lm (issue 12, item 6)", () => {
  it("x1·1e-300 is estimated, not 'collinear with the intercept'; B matches lm, SE/t/p match the unscaled fit", () => {
    expect(S.rank.tiny).to.equal(3); // R: full rank
    const r = ols(sc, { y: "y", x: ["x1tiny", "x2"] });
    expectClose(
      r.coefficients.map((c) => c.estimate),
      S.tinyCoef,
      1e-8,
      "B",
    );
    // R's summary.lm overflows here (SE = Inf, t = 0, p = 1); the exact SE is the unscaled one × 1e300.
    expect(S.tinySE[1]).to.equal("Inf");
    const se = S.base.se.map((s: number, j: number) => (j === 1 ? s * 1e300 : s));
    expectClose(
      r.coefficients.map((c) => c.se),
      se,
      1e-8,
      "SE",
    );
    expectClose(
      r.coefficients.map((c) => c.t),
      S.base.t,
      1e-8,
      "t",
    );
    expectClose(
      r.coefficients.map((c) => c.p),
      S.base.p,
      1e-8,
      "p",
    );
    expectClose([r.r2, r.F], [S.base.r2, S.base.F], 1e-8, "R², F");
    // β and VIF are scale-free: the same as for the unscaled predictor.
    const b = ols(sc, { y: "y", x: ["x1", "x2"] });
    expectClose(
      r.coefficients.slice(1).map((c) => c.beta!),
      b.coefficients.slice(1).map((c) => c.beta!),
      1e-12,
      "β",
    );
    expectClose(
      r.coefficients.slice(1).map((c) => c.vif!),
      b.coefficients.slice(1).map((c) => c.vif!),
      1e-12,
      "VIF",
    );
  });
  it("x1·1e300 likewise", () => {
    expect(S.rank.huge).to.equal(3);
    const r = ols(sc, { y: "y", x: ["x1huge", "x2"] });
    expectClose(
      r.coefficients.map((c) => c.estimate),
      S.hugeCoef,
      1e-8,
      "B",
    );
    expectClose(
      r.coefficients.map((c) => c.t),
      S.base.t,
      1e-8,
      "t",
    );
  });
  it("a near-collinear pair R estimates (1 − R² ≈ 1e-12) is estimated, with lm's B, SE, HC3 and leverages", () => {
    expect(S.rank.near).to.equal(3);
    const r = ols(sc, { y: "y", x: ["x1", "x1near"] });
    // κ(X) ≈ 1e6: R's QR and ours each carry about 1e-10 relative error (checked against a 50-digit
    // computation: B 3e-10 vs R's 6e-10, SE 1e-10, HC3 4e-11 vs R's 4e-10).
    expectClose(
      r.coefficients.map((c) => c.estimate),
      S.near.coef,
      1e-8,
      "B",
    );
    expectClose(
      r.coefficients.map((c) => c.se),
      S.near.se,
      1e-8,
      "SE",
    );
    expectClose(
      r.coefficients.map((c) => c.p),
      S.near.p,
      1e-8,
      "p",
    );
    expectClose([r.r2, r.sigma], [S.near.r2, S.near.sigma], 1e-9, "R², σ");
    // HC3 through R's QR factors (sandwich's bread·meat·bread is 0.7% off on this design).
    const h = ols(sc, { y: "y", x: ["x1", "x1near"], hc: "HC3" });
    // Entries relative to √(V_ii V_jj): an off-diagonal covariance of two near-collinear slopes is
    // itself a difference of large numbers, in R's computation as in ours.
    const V: number[][] = S.near.HC3;
    h.vcov.forEach((row, i) =>
      row.forEach((v, j) => {
        const err = Math.abs(v - V[i][j]) / Math.sqrt(V[i][i] * V[j][j]);
        expect(err, `HC3[${i}][${j}]: ours ${v} vs R ${V[i][j]}`).to.be.below(1e-8);
      }),
    );
    const X = [new Float64Array(cc.y.length).fill(1), Float64Array.from(cc.x1), Float64Array.from(extra.x1near)];
    const f = olsCore(X, Float64Array.from(cc.y), { hat: true });
    // R's hatvalues() are 2e-8 off here (ours 6e-10, against the 50-digit values).
    expectClose(Array.from(f.hat!).slice(0, 10), S.near.hat, 1e-7, "leverages");
  });
  it("a column R drops as collinear (unexplained norm ≈ 1e-9 of its own) is an error naming both columns", () => {
    expect(S.collNA).to.deep.equal([false, false, true]);
    expect(S.rank.coll).to.equal(2);
    try {
      ols(sc, { y: "y", x: ["x1", "x1coll"] });
      expect.fail("expected a collinearity error");
    } catch (e) {
      expect(isPathlabError(e), String(e)).to.equal(true);
      expect((e as Error).message).to.contain('"x1coll" is an exact linear combination of "x1" (and the intercept)');
      expect((e as { code: string }).code).to.equal("regression.collinear");
    }
  });
});
