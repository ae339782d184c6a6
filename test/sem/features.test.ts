import { expect } from "chai";
import { cfa, sem, covFromCorrelations, Figure } from "../../src";
import { readCsv, G } from "./helpers";

const hs = readCsv("sem-hs.csv");
const med = readCsv("sem-med.csv");

describe("sem: reliability, validity, bootstrap, diagram, rendering", () => {
  const fit = cfa(G.hs.model, hs);

  it("CR and AVE from lavaan's std.all loadings", () => {
    const rel = fit.reliability();
    for (const f of ["visual", "textual", "speed"]) {
      const lam = G.hs.std_all.filter((r: any) => r.op === "=~" && r.lhs === f).map((r: any) => r["est.std"]);
      const s = lam.reduce((a: number, b: number) => a + b, 0);
      const cr = (s * s) / (s * s + lam.reduce((a: number, b: number) => a + 1 - b * b, 0));
      const ave = lam.reduce((a: number, b: number) => a + b * b, 0) / lam.length;
      expect(rel.get(f).cr).to.be.closeTo(cr, 1e-5);
      expect(rel.get(f).ave).to.be.closeTo(ave, 1e-5);
    }
  });

  it("Fornell–Larcker uses the factor correlations (lavaan std.all covariances)", () => {
    const fl = fit.fornellLarcker();
    const r = G.hs.std_all.find((x: any) => x.lhs === "visual" && x.op === "~~" && x.rhs === "textual")["est.std"];
    expect(fl.corr[1][0]).to.be.closeTo(r, 1e-5);
    expect(fl.passed).to.deep.equal([true, true, true]);
  });

  it("HTMT2 matches semTools::htmt (0.5.6 default), HTMT the arithmetic-mean formula", () => {
    const h2 = fit.htmt({ htmt2: true }).matrix;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(h2[i][j]).to.be.closeTo(G.hs.htmt[i][j], 1e-8);
    expect(fit.htmt({ htmt2: false }).get("visual", "textual")).to.be.closeTo(0.424323, 1e-6);
    // semTools 0.5-6's default is HTMT2
    expect(fit.htmt().get("visual", "textual")).to.be.closeTo(G.hs.htmt[0][1], 1e-8);
  });

  it("bootstrap of defined parameters is seeded, reproducible and brackets the estimate", () => {
    const m = sem(G.med.model, med);
    const b1 = m.bootstrap({ R: 300, seed: 42 });
    const b2 = m.bootstrap({ R: 300, seed: 42 });
    const ind = b1.find("ind")!;
    expect(ind.ci_lower).to.equal(b2.find("ind")!.ci_lower);
    expect(ind.est).to.be.closeTo(G.med.pe.find((r: any) => r.lhs === "ind").est, 1e-10);
    expect(ind.ci_lower).to.be.below(ind.est);
    expect(ind.ci_upper).to.be.above(ind.est);
    const deltaSE = G.med.pe.find((r: any) => r.lhs === "ind").se;
    expect(ind.boot_se / deltaSE).to.be.within(0.75, 1.35);
    expect(b1.draws.length + b1.failed).to.equal(300);
    const b3 = m.bootstrap({ R: 300, seed: 43 });
    expect(b3.find("ind")!.ci_lower).to.not.equal(ind.ci_lower);
  });

  it("a covariance rebuilt from correlations and SDs gives the same fit as the covariance", () => {
    const names = G.hs_cov_normal.names as string[];
    const cov = G.hs_cov_normal.cov as number[][];
    const sds = cov.map((r, i) => Math.sqrt(r[i]));
    const R = cov.map((r, i) => r.map((v, j) => v / (sds[i] * sds[j])));
    const f2 = cfa(G.hs.model, { cov: covFromCorrelations(R, sds), n: 301, names });
    expect(f2.fitMeasures().chisq).to.be.closeTo(G.hs_cov_normal.fit.chisq, 1e-4);
  });

  it("path diagram: one shape per variable, labelled arrows with std.all values", () => {
    const fig = fit.diagram();
    expect(fig).to.be.instanceOf(Figure);
    const shapes = fig.layout.shapes as any[];
    expect(shapes.filter((s) => s.type === "circle")).to.have.length(3);
    expect(shapes.filter((s) => s.type === "rect")).to.have.length(9);
    const texts = (fig.layout.annotations as any[]).map((a) => a.text);
    expect(texts).to.include(".77"); // x1 on visual, std.all 0.772
    expect(texts).to.include(".46***"); // visual ~~ textual, with its stars
    const pd = sem(G.poldem.model, readCsv("sem-poldem.csv")).diagram();
    expect((pd.layout.shapes as any[]).filter((s) => s.type === "circle")).to.have.length(3);
  });

  it("summary text follows lavaan's layout; HTML and parameter tables render", () => {
    const s = fit.summary({ fitMeasures: true, standardized: true });
    expect(s).to.match(/Test statistic\s+85\.306/);
    expect(s).to.match(/Comparative Fit Index \(CFI\)\s+0\.931/);
    expect(s).to.contain("Latent Variables:");
    expect(s).to.match(/x2\s+0\.554\s+0\.100\s+5\.554\s+0\.000\s+0\.498\s+0\.424/);
    expect(s).to.match(/\.x1\s+0\.549/);
    const html = fit.toHTML();
    expect(html).to.contain("<table");
    expect(html).to.contain("CFI");
    const fm = fit.fitMeasures(["cfi", "rmsea"]);
    expect(fm.cfi).to.be.closeTo(G.hs.fit.cfi, 1e-6);
    expect(Object.keys(fm.toObject())).to.deep.equal(["cfi", "rmsea"]);
    const pe = fit.parameterEstimates({ standardized: true });
    expect((pe.find("visual", "=~", "x2") as any).std_all).to.be.closeTo(0.424, 1e-3);
    expect(pe.toHTML()).to.contain("Std.all");
    const m = sem(G.med.model, med);
    expect(m.summary()).to.contain("Defined Parameters:");
  });
});
