/**
 * compRelSEM and AVE against semTools 0.5-6 on lavaan 0.6-14 fits (test/goldens/psych-comprel.R):
 * HolzingerSwineford1939 3-factor CFA, the same with a cross-loading, a structural model (cov.lv
 * implied through the regressions) and a 3-factor CFA of bfi. The fits are iterative: 1e-4 relative.
 * Also: the semTools AVE is not the Fornell–Larcker AVE of fit.reliability() (.371/.721/.424 vs
 * .371/.720/.430 on HS), and both are reported, named.
 */
import { expect } from "chai";
import { cfa, sem } from "../../src/sem";
import { compRelSEM, AVE } from "../../src/measurement";
import { expectClose, golden, readFixture } from "../fixtures/read-fixture";
import { bfi } from "./bfi";

const G = golden("psych-comprel.json");
const hs = readFixture("hs1939.csv");
const HS = "visual =~ x1 + x2 + x3\n textual =~ x4 + x5 + x6\n speed =~ x7 + x8 + x9";
const TOL = 1e-4;

function check(fit: ReturnType<typeof cfa>, g: any, what: string) {
  const names = Object.keys(g.omega);
  const pick = (r: Record<string, number>, keys = names) => keys.map((k) => r[k]);
  expectClose(pick(compRelSEM(fit).omega), pick(g.omega), TOL, `${what} omega`);
  expectClose(pick(compRelSEM(fit, { obsVar: false }).omega), pick(g.omega_implied), TOL, `${what} omega implied`);
  expectClose(pick(compRelSEM(fit, { tauEq: true }).omega), pick(g.alpha), TOL, `${what} alpha`);
  expectClose(pick(compRelSEM(fit, { returnTotal: true }).omega, [...names, "total"]), pick(g.total, [...names, "total"]), TOL, `${what} total`);
  expectClose(
    pick(compRelSEM(fit, { tauEq: true, returnTotal: true }).omega, [...names, "total"]),
    pick(g.alpha_total, [...names, "total"]),
    TOL,
    `${what} alpha total`,
  );
  expectClose(pick(AVE(fit)), pick(g.ave), TOL, `${what} AVE`);
  expectClose(pick(AVE(fit, { obsVar: false })), pick(g.ave_implied), TOL, `${what} AVE implied`);
}

describe("compRelSEM / AVE vs semTools", () => {
  it("HS three-factor CFA", () => check(cfa(HS, hs), G.hs, "hs"));
  it("HS with a cross-loading (semTools' AVE undefined for the factors that share x9)", () => {
    const fit = cfa(`${HS}\n visual =~ x9`, hs);
    check(fit, G.hs_cross, "hs_cross");
    expect(
      compRelSEM(fit)
        .warnings.map((w) => w.message)
        .join(" "),
    ).to.contain("visual, speed");
  });
  it("structural model: factor variances are the model-implied ones (lavaan's cov.lv)", () =>
    check(sem(`${HS}\n textual ~ visual\n speed ~ visual + textual`, hs), G.hs_sem, "hs_sem"));
  it("bfi three-factor CFA (listwise)", () =>
    check(cfa("agree =~ A1 + A2 + A3 + A4 + A5\n consc =~ C1 + C2 + C3 + C4 + C5\n extra =~ E1 + E2 + E3 + E4 + E5", bfi()), G.bfi, "bfi"));
  it("names both AVEs and states the formulas", () => {
    const fit = cfa(HS, hs);
    const r = compRelSEM(fit);
    const fl = fit.reliability();
    expect(r.rows.map((x) => +x.aveSemTools.toFixed(3))).to.deep.equal([0.371, 0.721, 0.424]);
    expect(r.rows.map((x) => +x.aveFornellLarcker.toFixed(3))).to.deep.equal(fl.factors.map((f) => +f.ave.toFixed(3)));
    expect(r.rows.map((x) => +x.aveFornellLarcker.toFixed(3))).to.deep.equal([0.371, 0.72, 0.43]);
    const text = r.summary();
    expect(text).to.contain("AVE (semTools) = Σλ²φ / Σ diag(Σ)");
    expect(text).to.contain("AVE (Fornell–Larcker) = Σλ*²/k");
    expect(text).to.contain("ω = (Σλ)²φ / 1ᵀΣ1");
  });
});
