/**
 * tsls() against AER's ivreg on the two standard instrumental-variable examples (CigarettesSW 1995,
 * Mroz/PSID1976), including the diagnostics of summary(ivreg, diagnostics = TRUE).
 * Issue 12, item 9: tsls had no overidentification test; Sargan's is now reported with AER's other
 * two diagnostics. Goldens: test/goldens/iv.R → iv.json.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { tsls, type TslsResult } from "../../src/regression";
import { expectClose } from "./helpers";

const IV: any = JSON.parse(fs.readFileSync(path.join(__dirname, "../goldens/iv.json"), "utf8"));

function csv(file: string): Record<string, number[]> {
  const [head, ...lines] = fs
    .readFileSync(path.join(__dirname, "../goldens", file), "utf8")
    .trim()
    .split(/\r?\n/);
  const names = head.split(",");
  const cols: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const line of lines) line.split(",").forEach((v, j) => cols[names[j]].push(Number(v)));
  return cols;
}

const cig = csv("iv-cigarettes.csv");
const mroz = csv("iv-mroz.csv");
const mroz2data = { ...mroz, mf: mroz.motheduc.map((m, i) => m * mroz.fatheduc[i]) };

function checkAgainstAER(r: TslsResult, g: any, label: string): void {
  expect(r.coefficients.map((c) => c.term)).to.deep.equal(g.terms);
  expect(r.n).to.equal(g.n);
  expect(r.df).to.equal(g.df);
  const tol = 1e-8;
  expectClose(
    r.coefficients.map((c) => c.estimate),
    g.coef,
    tol,
    `${label} B`,
  );
  expectClose(
    r.coefficients.map((c) => c.se),
    g.se,
    tol,
    `${label} SE`,
  );
  expectClose(
    r.coefficients.map((c) => c.t),
    g.t,
    tol,
    `${label} t`,
  );
  expectClose(
    r.coefficients.map((c) => c.p),
    g.p,
    tol,
    `${label} p`,
  );
  expectClose(
    r.coefficients.map((c) => c.lower),
    g.ci_lower,
    tol,
    `${label} CI lower`,
  );
  expectClose(
    r.coefficients.map((c) => c.upper),
    g.ci_upper,
    tol,
    `${label} CI upper`,
  );
  expectClose([r.sigma, r.r2, r.adjR2], [g.sigma, g.r2, g.adjR2], tol, `${label} σ, R², adj. R²`);
  expectClose([r.wald.F, r.wald.p], [g.wald.F, g.wald.p], tol, `${label} Wald test`);
  expect([r.wald.df1, r.wald.df2]).to.deep.equal([g.wald.df1, g.wald.df2]);
  const d = r.diagnostics;
  expect(d.map((x) => x.test)).to.deep.equal(g.diagnostics.tests);
  expect(d.map((x) => x.df1)).to.deep.equal(g.diagnostics.df1);
  expect(d.map((x) => x.df2)).to.deep.equal(g.diagnostics.df2);
  g.diagnostics.statistic.forEach((ref: number | null, i: number) => {
    if (ref === null) {
      expect(d[i].statistic, `${label} ${d[i].test}`).to.equal(null);
      expect(d[i].p).to.equal(null);
    } else {
      expectClose([d[i].statistic!, d[i].p!], [ref, g.diagnostics.p[i]], tol, `${label} ${d[i].test}`);
    }
  });
}

describe("regression: tsls() vs AER::ivreg with diagnostics (issue 12, item 9)", () => {
  it("CigarettesSW 1995: coefficients, SEs, Wald test, weak-instruments F, Wu–Hausman, Sargan 0.3326 (p = .564)", () => {
    const r = tsls(cig, { y: "lpacks", endogenous: ["lrprice"], exogenous: ["lrincome"], instruments: ["tdiff", "taxcpi"] });
    checkAgainstAER(r, IV.cigarettes, "CigarettesSW");
    expect(r.sargan!.statistic.toFixed(4)).to.equal("0.3326");
    expect(r.sargan!.p.toFixed(3)).to.equal("0.564");
    expect(r.sargan!.df).to.equal(1);
  });
  it("Mroz (PSID1976, 428 working women): Sargan 0.3781 (p = .539)", () => {
    const r = tsls(mroz, { y: "lwage", endogenous: ["educ"], exogenous: ["exper", "expersq"], instruments: ["motheduc", "fatheduc"] });
    checkAgainstAER(r, IV.mroz, "Mroz");
    expect(r.sargan!.statistic.toFixed(4)).to.equal("0.3781");
    expect(r.sargan!.p.toFixed(3)).to.equal("0.539");
  });
  it("just identified: no Sargan test (AER: NA), weak-instruments F and Wu–Hausman still match", () => {
    const r = tsls(cig, { y: "lpacks", endogenous: ["lrprice"], exogenous: ["lrincome"], instruments: ["tdiff"] });
    expect(r.sargan).to.equal(null);
    checkAgainstAER(r, IV.cigJust, "CigarettesSW just identified");
    expect(r.summary()).to.contain("not applicable to a just-identified model");
  });
  it("two endogenous regressors: one weak-instruments F per regressor, as AER labels them", () => {
    const r = tsls(mroz2data, { y: "lwage", endogenous: ["educ", "exper"], exogenous: ["expersq"], instruments: ["motheduc", "fatheduc", "mf"] });
    checkAgainstAER(r, IV.mroz2, "Mroz, two endogenous");
  });
  it("renders the diagnostics table", () => {
    const r = tsls(cig, { y: "lpacks", endogenous: ["lrprice"], exogenous: ["lrincome"], instruments: ["tdiff", "taxcpi"] });
    const text = r.summary();
    expect(text).to.contain("Diagnostic tests");
    expect(text).to.match(/Sargan\s+1\s+0\.333\s+\.564/);
    expect(text).to.match(/Wu-Hausman\s+1\s+44\s+3\.068\s+\.087/);
  });
});
