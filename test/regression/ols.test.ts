import { expect } from "chai";
import { cohensF2, durbinWuHausman, hierarchicalRegression, ols, tsls } from "../../src/regression";
import { G, expectClose, expectMatrixClose, goldenData } from "./helpers";

const data = goldenData();

describe("regression: ols() vs R summary(lm)", () => {
  const r = ols(data, { y: "y", x: ["x1", "x2", "x3", "x4"] });
  it("reports N used and dropped", () => {
    expect(r.n).to.equal(G.main.n);
    expect(r.dropped).to.equal(G.main.dropped);
  });
  it("B, SE, t, p and CI at 1e-8", () => {
    expect(r.coefficients.map((c) => c.term)).to.deep.equal(G.main.terms);
    expectClose(
      r.coefficients.map((c) => c.estimate),
      G.main.coef,
      1e-8,
      "B",
    );
    expectClose(
      r.coefficients.map((c) => c.se),
      G.main.se,
      1e-8,
      "SE",
    );
    expectClose(
      r.coefficients.map((c) => c.t),
      G.main.t,
      1e-8,
      "t",
    );
    expectClose(
      r.coefficients.map((c) => c.p),
      G.main.p,
      1e-8,
      "p",
    );
    expectClose(
      r.coefficients.map((c) => c.lower),
      G.main.ci_lower,
      1e-8,
      "CI lower",
    );
    expectClose(
      r.coefficients.map((c) => c.upper),
      G.main.ci_upper,
      1e-8,
      "CI upper",
    );
  });
  it("R², adjusted R², F, its p, MSE at 1e-8", () => {
    expectClose([r.r2, r.adjR2, r.F, r.pF, r.mse, r.sigma], [G.main.r2, G.main.adjR2, G.main.F, G.main.pF, G.main.mse, G.main.sigma], 1e-8, "fit");
    expect([r.df1, r.df2]).to.deep.equal([G.main.df1, G.main.df2]);
  });
  it("standardised β and VIF = 1/(1 − R²_j) at 1e-8", () => {
    expectClose(
      r.coefficients.slice(1).map((c) => c.beta!),
      G.main.beta,
      1e-8,
      "beta",
    );
    expectClose(
      r.coefficients.slice(1).map((c) => c.vif!),
      G.main.vif,
      1e-8,
      "VIF",
    );
    expect(r.coefficients[0].beta).to.equal(null);
  });
  it("HC3: SEs from vcovHC and the robust Wald F", () => {
    const h = ols(data, { y: "y", x: ["x1", "x2", "x3", "x4"], hc: "HC3" });
    expectMatrixClose(h.vcov, G.main.HC3, 1e-8, "HC3");
    expectClose(
      h.coefficients.map((c) => c.se),
      G.main.HC3.map((row: number[], i: number) => Math.sqrt(row[i])),
      1e-8,
      "HC3 SE",
    );
    expectClose([h.F, h.pF], [G.main.F_HC3, G.main.pF_HC3], 1e-8, "Wald F");
  });
  it("no-intercept model: coefficients, uncentred R², adjusted R², F as R", () => {
    const r0 = ols(data, { y: "y", x: ["x1", "x2"], intercept: false, missing: [] });
    // R fitted this model on the complete cases of the main model; drop the same rows here.
    const keep = data.x4.map((v, i) => v !== null && data.y[i] !== null);
    const sub = { y: data.y.filter((_, i) => keep[i]), x1: data.x1.filter((_, i) => keep[i]), x2: data.x2.filter((_, i) => keep[i]) };
    const s0 = ols(sub, { y: "y", x: ["x1", "x2"], intercept: false });
    expect(r0.n).to.equal(G.main.n + 2); // only y missing there
    expectClose(
      s0.coefficients.map((c) => c.estimate),
      G.noint.coef,
      1e-8,
      "B",
    );
    expectClose([s0.r2, s0.adjR2, s0.F], [G.noint.r2, G.noint.adjR2, G.noint.F], 1e-8, "fit");
  });
  it("renders a coefficient table with stars, N and the fit line", () => {
    const html = r.toHTML();
    expect(html).to.contain("OLS regression of y");
    expect(html).to.contain("VIF");
    const text = r.summary();
    expect(text).to.match(/x1\s+0\.583\*\*\*\s+0\.074\s+0\.474/);
    expect(text).to.contain(`N = ${G.main.n} (3 rows with missing values dropped)`);
    expect(text).to.contain("R² = 0.258, adjusted R² = 0.246, F(4, 242) = 21.07, p < .001");
  });
});

describe("regression: hierarchicalRegression() vs R anova()", () => {
  const h = hierarchicalRegression(data, { y: "y", blocks: [["x1", "x2"], ["x3", "x4"], ["x1x4"]] });
  it("uses the same complete cases in every step and reports them", () => {
    expect(h.n).to.equal(G.hier.n);
    expect(h.dropped).to.equal(G.hier.dropped);
    for (const s of h.steps) expect(s.model.n).to.equal(G.hier.n);
  });
  it("R², ΔR², F change, df, p and f² per step at 1e-8", () => {
    expectClose(
      h.steps.map((s) => s.r2),
      G.hier.r2,
      1e-8,
      "R²",
    );
    expectClose(
      h.steps.map((s) => s.dR2),
      G.hier.dR2,
      1e-8,
      "ΔR²",
    );
    expectClose(
      h.steps.map((s) => s.Fchange),
      G.hier.Fchange,
      1e-8,
      "F change",
    );
    expectClose(
      h.steps.map((s) => s.pChange),
      G.hier.pchange,
      1e-8,
      "p change",
    );
    expectClose(
      h.steps.map((s) => s.f2),
      G.hier.f2,
      1e-8,
      "f²",
    );
    expect(h.steps.map((s) => s.df1)).to.deep.equal(G.hier.df1);
    expect(h.steps.map((s) => s.df2)).to.deep.equal(G.hier.df2);
  });
  it("each step's coefficients equal lm on the step's model", () => {
    h.steps.forEach((s, k) => {
      expectClose(
        s.model.coefficients.map((c) => c.estimate),
        G.hier.steps[k].coef,
        1e-8,
        `step ${k + 1} B`,
      );
      expectClose(
        s.model.coefficients.map((c) => c.se),
        G.hier.steps[k].se,
        1e-8,
        `step ${k + 1} SE`,
      );
    });
  });
  it("HC3 standard errors in the steps", () => {
    const r = hierarchicalRegression(data, { y: "y", blocks: [["x1", "x2"], ["x3", "x4"], ["x1x4"]], hc: "HC3" });
    expectMatrixClose(r.steps[2].model.vcov, G.hier.HC3_step3, 1e-8, "HC3 step 3");
    expectClose(
      r.steps.map((s) => s.FchangeRobust!),
      G.hier.FchangeHC3,
      1e-8,
      "robust block Wald F",
    );
    expectClose(
      r.steps.map((s) => s.Fchange),
      G.hier.Fchange,
      1e-8,
      "classical F change unchanged",
    );
    expect(r.summary()).to.contain("Wald F (HC3)");
  });
  it("renders Model 1 → Model 3 side by side with ΔR² and F change", () => {
    const text = h.summary();
    expect(text).to.contain("Model 1 B");
    expect(text).to.contain("Model 3 B");
    expect(text).to.contain("ΔR²");
    expect(text).to.contain("F change");
    expect(text).to.contain(`N = ${G.hier.n} in every step`);
    expect(h.toHTML()).to.contain("<table");
  });
  it("cohensF2 follows (R²_full − R²_reduced)/(1 − R²_full)", () => {
    expect(cohensF2(0.3, 0.2)).to.be.closeTo(0.1 / 0.7, 1e-15);
    expect(cohensF2(0.2)).to.be.closeTo(0.25, 1e-15);
    expect(() => cohensF2(0.2, 0.3)).to.throw(/reduced model's R²/);
  });
});

describe("regression: tsls() and durbinWuHausman() vs matrix-algebra 2SLS in R", () => {
  for (const [key, spec] of [
    ["iv1", { y: "ye", endogenous: ["xe"], exogenous: ["x1"], instruments: ["z1", "z2"] }],
    ["iv2", { y: "ye2", endogenous: ["xe", "xe2"], exogenous: ["x1"], instruments: ["z1", "z2", "x2"] }],
  ] as const) {
    it(`${key}: coefficients, corrected SEs, t, p, σ, R²`, () => {
      const r = tsls(data, { ...spec, endogenous: [...spec.endogenous], exogenous: [...spec.exogenous], instruments: [...spec.instruments] });
      const g = G[key];
      expect(r.coefficients.map((c) => c.term)).to.deep.equal(g.terms);
      expectClose(
        r.coefficients.map((c) => c.estimate),
        g.coef,
        1e-8,
        "B",
      );
      expectClose(
        r.coefficients.map((c) => c.se),
        g.se,
        1e-8,
        "SE",
      );
      expectClose(
        r.coefficients.map((c) => c.t),
        g.t,
        1e-8,
        "t",
      );
      expectClose(
        r.coefficients.map((c) => c.p),
        g.p,
        1e-8,
        "p",
      );
      expectClose([r.sigma, r.r2], [g.sigma, g.r2], 1e-8, "sigma/R²");
      expect(r.n).to.equal(g.n);
    });
    it(`${key}: first-stage F, R², partial R² per endogenous regressor`, () => {
      const r = tsls(data, { ...spec, endogenous: [...spec.endogenous], exogenous: [...spec.exogenous], instruments: [...spec.instruments] });
      const g = G[key];
      const first = Array.isArray(g.first) ? g.first : [g.first];
      r.firstStage.forEach((f, j) => {
        expect(f.variable).to.equal(first[j].variable);
        expectClose([f.F, f.p, f.r2, f.partialR2], [first[j].F, first[j].p, first[j].r2, first[j].partialR2], 1e-8, `first stage ${f.variable}`);
        expect([f.df1, f.df2]).to.deep.equal([first[j].df1, first[j].df2]);
      });
    });
    it(`${key}: Durbin–Wu–Hausman F (control-function form)`, () => {
      const s = { ...spec, endogenous: [...spec.endogenous], exogenous: [...spec.exogenous], instruments: [...spec.instruments] };
      const d = durbinWuHausman(data, s);
      const g = G[key].dwh;
      expectClose([d.F, d.p], [g.F, g.p], 1e-8, "DWH");
      expect([d.df1, d.df2]).to.deep.equal([g.df1, g.df2]);
      expect(tsls(data, s).hausman.F).to.equal(d.F);
      expect(d.summary()).to.contain("Durbin–Wu–Hausman");
    });
  }
  it("renders second stage, first stage and the DWH test", () => {
    const r = tsls(data, { y: "ye", endogenous: ["xe"], exogenous: ["x1"], instruments: ["z1", "z2"] });
    const t = r.summary();
    expect(t).to.contain("Second stage");
    expect(t).to.contain("First stage");
    expect(t).to.contain("Durbin–Wu–Hausman");
  });
});
