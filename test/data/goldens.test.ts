/**
 * Descriptives and correlations against R (test/goldens/data.R → data.json): psych::describe
 * types 1–3, cor() and cor.test() p values. Tolerance 1e-8 relative (all closed-form).
 */
import { expect } from "chai";
import { correlationMatrix, correlationTable } from "../../src/data/correlation";
import { correlationPValue } from "../../src/math";
import { describe as describeData } from "../../src/data/descriptives";
import { numericColumns } from "../../src/data/table-input";
import { expectClose, golden, readFixture } from "../fixtures/read-fixture";

const G = golden("data.json");
const hs = readFixture("hs1939.csv");
const X9 = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"];
const TOL = 1e-8;

describe("data vs R goldens", () => {
  for (const type of [1, 2, 3] as const) {
    it(`describe() type ${type} matches psych::describe(type = ${type})`, () => {
      const d = describeData(hs, X9, { type });
      const g = G[`describe_type${type}`];
      expect(d.rows.map((r) => r.n)).to.deep.equal(g.n);
      expectClose(
        d.rows.map((r) => r.mean),
        g.mean,
        TOL,
        "mean",
      );
      expectClose(
        d.rows.map((r) => r.sd),
        g.sd,
        TOL,
        "sd",
      );
      expectClose(
        d.rows.map((r) => r.min),
        g.min,
        TOL,
        "min",
      );
      expectClose(
        d.rows.map((r) => r.max),
        g.max,
        TOL,
        "max",
      );
      expectClose(
        d.rows.map((r) => r.skew),
        g.skew,
        TOL,
        "skew",
      );
      expectClose(
        d.rows.map((r) => r.kurtosis),
        g.kurtosis,
        TOL,
        "kurtosis",
      );
      expectClose(
        d.rows.map((r) => r.se),
        g.se,
        TOL,
        "se",
      );
    });
  }

  it('describe() type "spss" is type 2', () => {
    const a = describeData(hs, ["x1"], { type: "spss" }).rows[0];
    expectClose([a.skew, a.kurtosis], [G.describe_type2.skew[0], G.describe_type2.kurtosis[0]], TOL, "spss");
  });

  it("describe() listwise or per variable, reporting N used/dropped (grade has one NA)", () => {
    const d = describeData(hs, ["grade", "x1"], { deletion: "listwise" });
    const g = G.describe_grade_x1;
    expect(d.n).to.equal(300);
    expect(d.dropped).to.equal(1);
    expectClose(
      d.rows.map((r) => r.mean),
      g.mean,
      TOL,
      "mean",
    );
    expectClose(
      d.rows.map((r) => r.skew),
      g.skew,
      TOL,
      "skew",
    );
    expectClose(
      d.rows.map((r) => r.kurtosis),
      g.kurtosis,
      TOL,
      "kurtosis",
    );
    expect(d.summary()).to.contain("1 row(s) dropped");
    // the default (pairwise, as psych::describe) keeps all 301 rows for x1 and reports the listwise N
    const p = describeData(hs, ["grade", "x1"]);
    expect(p.get("x1")!.n).to.equal(301);
    expect(p.get("grade")!.n).to.equal(300);
    expect(p.summary()).to.contain("valid N (listwise) = 300");
  });

  it("describe() without variables picks the numeric columns (skips the school names)", () => {
    const d = describeData(hs);
    expect(d.rows.map((r) => r.variable)).to.not.include("school");
    expect(d.rows.map((r) => r.variable)).to.include("x9");
  });

  it("correlationMatrix matches cor()", () => {
    const R = correlationMatrix(numericColumns(hs, X9).columns);
    expectClose(R.flat(), (G.cor as number[][]).flat(), TOL, "cor");
  });

  it("correlation p values match cor.test() (including tiny p)", () => {
    const t = correlationTable(hs, X9);
    const ps: number[] = [];
    const gs: (number | null)[] = [];
    for (let i = 0; i < 9; i++)
      for (let j = 0; j < 9; j++) {
        ps.push(t.p[i][j]);
        gs.push(G.cor_p[i][j]);
      }
    expectClose(ps, gs as number[], TOL, "p");
    expect(Math.min(...ps.filter((p) => !Number.isNaN(p)))).to.be.below(1e-40);
    expectClose(t.means, G.means, TOL, "means");
    expectClose(t.sds, G.sds, TOL, "sds");
    expect(correlationPValue(0, 10)).to.equal(1);
  });

  it("correlationTable renders the paper layout: M, SD, stars below, √AVE on the diagonal", () => {
    const t = correlationTable(hs, ["x1", "x2", "x4"], { diagonal: { x1: 0.79, x2: 0.77 }, labels: { x1: "Visual perception" } });
    const text = t.summary();
    expect(text).to.contain("Visual perception");
    // r(x1, x2) = .297, p < .001 → 0.30***
    expect(text).to.match(/0\.30\*\*\*/);
    expect(text).to.contain("0.79");
    const spec = t.tables()[0];
    const row2 = spec.rows[1];
    expect(row2.c1).to.equal(0.77);
    expect(row2.c2).to.equal(undefined); // upper triangle stays blank
    expect(t.toHTML()).to.contain("√AVE");
    expect(t.get("x2", "x1")).to.be.closeTo(G.cor[1][0], 1e-12);
  });
});
