/**
 * ols() with text predictors (lm's treatment contrasts), lm weights and sandwich's HC4m, HC5 and
 * "const" against R 4.2.2 + sandwich (test/goldens/regression-factors.R → regression-factors.json) on
 * MASS::survey (text factors with missing values), iris and mtcars (QA report item 8). Closed form:
 * coefficients, SEs, t, p, R², F, every vcovHC type to 1e-8 relative.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { ols, type RegressionResult } from "../../src/regression";
import { dummyCode } from "../../src/data/scoring";
import { describe as describeData } from "../../src/data/descriptives";
import { expectClose, expectMatrixClose } from "./helpers";

const G = JSON.parse(fs.readFileSync(path.join(__dirname, "../goldens/regression-factors.json"), "utf8"));

/** A golden CSV as an object of columns: numbers, text, and null for empty cells or NA. */
function csv(name: string): Record<string, (number | string | null)[]> {
  const text = fs.readFileSync(path.join(__dirname, "../goldens", name), "utf8").trim();
  const [head, ...lines] = text.split(/\r?\n/);
  const names = head.split(",").map((s) => s.replace(/"/g, ""));
  const cols: Record<string, (number | string | null)[]> = {};
  for (const nm of names) cols[nm] = [];
  for (const line of lines)
    line.split(",").forEach((c, j) => {
      const v = c.replace(/"/g, "");
      cols[names[j]].push(v === "" || v === "NA" ? null : Number.isFinite(Number(v)) ? Number(v) : v);
    });
  return cols;
}
const survey = csv("survey.csv");
const iris = csv("iris.csv");
const mtcars = csv("mtcars.csv");
const TYPES = ["HC0", "HC1", "HC2", "HC3", "HC4", "HC4m", "HC5", "const"] as const;

function check(r: RegressionResult, g: any, label: string, withHc = true) {
  expect(
    r.coefficients.map((c) => c.term),
    `${label} terms`,
  ).to.deep.equal(g.terms);
  expectClose(
    r.coefficients.map((c) => c.estimate),
    g.coef,
    1e-9,
    `${label} coef`,
  );
  expectClose(
    r.coefficients.map((c) => c.se),
    g.se,
    1e-8,
    `${label} se`,
  );
  expectClose(
    r.coefficients.map((c) => c.t),
    g.t,
    1e-8,
    `${label} t`,
  );
  expectClose(
    r.coefficients.map((c) => c.p),
    g.p,
    1e-7,
    `${label} p`,
  );
  expectClose(
    r.coefficients.map((c) => c.lower),
    g.ci_lower,
    1e-8,
    `${label} ci`,
  );
  expectClose([r.r2, r.adjR2, r.sigma], [g.r2, g.adjR2, g.sigma], 1e-9, `${label} r2`);
  expect(r.n, `${label} n`).to.equal(g.n);
  expect(r.df2, `${label} df`).to.equal(g.df);
  if (g.F !== undefined) expectClose([r.F], [g.F], 1e-8, `${label} F`);
  expectClose(Array.from(r.residuals).slice(0, 10), g.residuals, 1e-8, `${label} residuals`);
  expectClose(Array.from(r.fitted).slice(0, 10), g.fitted, 1e-9, `${label} fitted`);
  if (!withHc) return;
  for (const ty of TYPES) expectMatrixClose(ols_(r, ty).vcov, g[ty], 1e-8, `${label} ${ty}`);
}
let refit: (hc: string) => RegressionResult;
const ols_ = (_r: RegressionResult, hc: string) => refit(hc);

describe("ols with factors, weights and every sandwich HC type (QA item 8)", () => {
  it("survey: text factors Exer and Sex with missing values, as lm (reference = R's first level)", () => {
    refit = (hc) => ols(survey, { y: "Pulse", x: ["Exer", "Sex", "Age"], hc: hc as never });
    const r = ols(survey, { y: "Pulse", x: ["Exer", "Sex", "Age"] });
    check(r, G.survey_factors, "survey");
    expect(r.factors[0].reference).to.equal("Freq");
    expect(r.info().join(" ")).to.contain('reference level "Freq"');
  });
  it("survey without an intercept: every level of the first factor, as lm", () => {
    refit = (hc) => ols(survey, { y: "Pulse", x: ["Exer", "Age"], intercept: false, hc: hc as never });
    check(ols(survey, { y: "Pulse", x: ["Exer", "Age"], intercept: false }), G.survey_noint, "survey noint");
  });
  it("iris: Species with a numeric predictor", () => {
    refit = (hc) => ols(iris, { y: "Sepal.Length", x: ["Species", "Petal.Width"], hc: hc as never });
    check(ols(iris, { y: "Sepal.Length", x: ["Species", "Petal.Width"] }), G.iris_species, "iris");
  });
  it("mtcars: a two-level text factor", () => {
    refit = (hc) => ols(mtcars, { y: "mpg", x: ["trans", "wt"], hc: hc as never });
    check(ols(mtcars, { y: "mpg", x: ["trans", "wt"] }), G.mtcars_trans, "mtcars trans");
  });
  it("weights as lm(weights = w): WLS estimates, weighted R², all HC types as sandwich on a weighted lm", () => {
    refit = (hc) => ols(mtcars, { y: "mpg", x: ["wt", "hp"], weights: "w", hc: hc as never });
    const r = ols(mtcars, { y: "mpg", x: ["wt", "hp"], weights: "w" });
    check(r, G.mtcars_weighted, "mtcars weighted");
    expect(r.coefficients[1].beta).to.equal(null);
    refit = (hc) => ols(mtcars, { y: "mpg", x: ["wt", "hp"], weights: (mtcars.w as number[]).slice(), intercept: false, hc: hc as never });
    check(ols(mtcars, { y: "mpg", x: ["wt", "hp"], weights: mtcars.w as number[], intercept: false }), G.mtcars_weighted_noint, "weighted noint");
    refit = (hc) =>
      ols(survey, { y: "Pulse", x: ["Exer", "Age"], weights: (survey.Height as (number | null)[]).map((h) => (h === null ? NaN : h / 100)), hc: hc as never });
    const sw = (survey.Height as (number | null)[]).map((h) => (h === null ? NaN : h / 100));
    check(ols(survey, { y: "Pulse", x: ["Exer", "Age"], weights: sw }), G.survey_weighted, "survey weighted (NA weights dropped)");
    const vifs = ols(mtcars, { y: "mpg", x: ["wt", "hp", "qsec"], weights: "w" })
      .coefficients.slice(1)
      .map((c) => c.vif!);
    expectClose(vifs, G.vif_weighted, 1e-9, "weighted VIF");
  });
  it("zero weights leave the rows out of n and df, as lm", () => {
    check(ols(mtcars, { y: "mpg", x: ["wt", "hp", "trans"], weights: "w0" }), G.mtcars_weighted_zero, "zero weights", false);
    expect(() => ols(mtcars, { y: "mpg", x: ["wt"], weights: (mtcars.w as number[]).map((v, i) => (i === 4 ? -1 : v)) })).to.throw(/non-negative/);
  });
  it("dummyCode and describe list levels as R's factor(): reference = the first", () => {
    const d = dummyCode(survey, "Exer");
    expect(Object.keys(d)).to.deep.equal(["Exer_None", "Exer_Some"]);
    expect(Object.keys(dummyCode(survey, "Smoke"))).to.deep.equal(G.levels.Smoke.slice(1).map((l: string) => `Smoke_${l}`));
    const freq = describeData(survey, ["Exer"]).frequencies.map((f) => f.value);
    expect(freq).to.deep.equal(G.levels.Exer);
  });
});
