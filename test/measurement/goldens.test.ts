/**
 * Measurement functions against R (test/goldens/measurement.R → measurement.json):
 * psych::alpha, semTools::htmt (HTMT and HTMT2, from data and from a covariance/correlation
 * matrix), eigen() for PCA, psych::fa(fm = "pa") for PAF, and the Lindell–Whitney formulas.
 * Tolerance 1e-8 relative for closed-form results; PAF 1e-10 relative (psych's stopping rule gives the same
 * iteration count, so only eigen-solver rounding differs: observed 3e-15).
 */
import { expect } from "chai";
import {
  averageVarianceExtracted,
  compositeReliability,
  cronbachAlpha,
  fornellLarcker,
  harmanSingleFactor,
  htmt,
  markerVariableAdjustment,
  reliabilityTable,
} from "../../src/measurement";
import { covarianceMatrix } from "../../src/math";
import { numericColumns } from "../../src/data/table-input";
import { correlationMatrix } from "../../src/data/correlation";
import { expectClose, golden, readFixture } from "../fixtures/read-fixture";

const G = golden("measurement.json");
const hs = readFixture("hs1939.csv");
const lk = readFixture("likert.csv");
const X9 = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"];
const L12 = ["tr1", "tr2", "tr3", "tr4", "sa1", "sa2", "sa3", "sa4", "lo1", "lo2", "lo3", "lo4"];
const hsConstructs = { visual: ["x1", "x2", "x3"], textual: ["x4", "x5", "x6"], speed: ["x7", "x8", "x9"] };
const lkConstructs = { tr: L12.slice(0, 4), sa: L12.slice(4, 8), lo: L12.slice(8) };
const TOL = 1e-8;

function checkAlpha(g: any, data: any, items: string[], withDrop = true) {
  const a = cronbachAlpha(data, items);
  const t = a.total;
  expectClose(
    [t.rawAlpha, t.stdAlpha, t.G6, t.averageR, t.signalNoise, t.ase, t.mean, t.sd, t.medianR],
    [g.total.raw_alpha, g.total["std.alpha"], g.total["G6(smc)"], g.total.average_r, g.total["S/N"], g.total.ase, g.total.mean, g.total.sd, g.total.median_r],
    TOL,
    "alpha total",
  );
  expectClose(
    a.items.map((i) => i.rawR),
    g.stats["raw.r"],
    TOL,
    "raw.r",
  );
  expectClose(
    a.items.map((i) => i.stdR),
    g.stats["std.r"],
    TOL,
    "std.r",
  );
  expectClose(
    a.items.map((i) => i.rCor),
    g.stats["r.cor"],
    TOL,
    "r.cor",
  );
  expectClose(
    a.items.map((i) => i.rDrop),
    g.stats["r.drop"],
    TOL,
    "r.drop",
  );
  expectClose(
    a.items.map((i) => i.mean),
    g.stats.mean,
    TOL,
    "item mean",
  );
  expectClose(
    a.items.map((i) => i.sd),
    g.stats.sd,
    TOL,
    "item sd",
  );
  if (withDrop) {
    expectClose(
      a.items.map((i) => i.ifDeleted.rawAlpha),
      g.drop.raw_alpha,
      TOL,
      "alpha if deleted",
    );
    expectClose(
      a.items.map((i) => i.ifDeleted.stdAlpha),
      g.drop["std.alpha"],
      TOL,
      "std alpha if deleted",
    );
    expectClose(
      a.items.map((i) => i.ifDeleted.G6),
      g.drop["G6(smc)"],
      TOL,
      "G6 if deleted",
    );
    expectClose(
      a.items.map((i) => i.ifDeleted.averageR),
      g.drop.average_r,
      TOL,
      "average_r if deleted",
    );
    expectClose(
      a.items.map((i) => i.ifDeleted.signalNoise),
      g.drop["S/N"],
      TOL,
      "S/N if deleted",
    );
    expectClose(
      a.items.map((i) => i.ifDeleted.ase),
      g.drop["alpha se"],
      TOL,
      "alpha se if deleted",
    );
    expectClose(
      a.items.map((i) => i.ifDeleted.varR),
      g.drop["var.r"],
      TOL,
      "var.r if deleted",
    );
    expectClose(
      a.items.map((i) => i.ifDeleted.medianR),
      g.drop["med.r"],
      TOL,
      "med.r if deleted",
    );
  }
  return a;
}

describe("measurement vs R goldens", () => {
  it("cronbachAlpha matches psych::alpha (HS visual, 3 items)", () => {
    const a = checkAlpha(G.alpha_visual, hs, ["x1", "x2", "x3"]);
    expect(a.n).to.equal(301);
    expect(a.alpha).to.be.closeTo(0.6261171318849806, 1e-12);
  });
  it("cronbachAlpha matches psych::alpha (HS all 9 items)", () => checkAlpha(G.alpha_all9, hs, X9));
  it("cronbachAlpha matches psych::alpha (Likert constructs)", () => {
    checkAlpha(G.alpha_tr, lk, lkConstructs.tr);
    checkAlpha(G.alpha_lo, lk, lkConstructs.lo);
  });
  it("cronbachAlpha with 2 items: totals and item stats match; α if deleted is undefined", () => {
    const a = checkAlpha(G.alpha_two, hs, ["x4", "x5"], false);
    expect(Number.isNaN(a.items[0].ifDeleted.rawAlpha)).to.equal(true);
    expect(a.toHTML()).to.contain("—");
  });

  it("htmt matches semTools::htmt from raw data (HTMT and HTMT2, absolute and signed)", () => {
    const cases: [string, any, any, boolean, boolean][] = [
      ["htmt_hs_data", hs, hsConstructs, false, true],
      ["htmt2_hs_data", hs, hsConstructs, true, true],
      ["htmt_hs_signed", hs, hsConstructs, false, false],
      ["htmt_lk_data", lk, lkConstructs, false, true],
      ["htmt2_lk_data", lk, lkConstructs, true, true],
    ];
    for (const [key, data, cons, h2, abs] of cases) {
      const h = htmt(data, cons, { htmt2: h2, absolute: abs });
      expectClose(h.matrix.flat(), (G[key] as number[][]).flat(), TOL, key);
    }
  });

  it("htmt matches semTools::htmt from a covariance or correlation matrix", () => {
    const nc = numericColumns(hs, X9);
    const S = covarianceMatrix(nc.columns);
    expectClose(htmt({ cov: S, names: X9 }, hsConstructs, { htmt2: false }).matrix.flat(), G.htmt_hs_cov.flat(), TOL, "htmt cov");
    expectClose(htmt({ cov: S, names: X9 }, hsConstructs, { htmt2: true }).matrix.flat(), G.htmt2_hs_cov.flat(), TOL, "htmt2 cov");
    const R = correlationMatrix(numericColumns(lk, L12).columns);
    expectClose(htmt({ cor: R, names: L12 }, lkConstructs, { htmt2: true }).matrix.flat(), G.htmt2_lk_cor.flat(), TOL, "htmt2 cor");
    // item order in the matrix need not match the constructs' order
    const rev = [...X9].reverse();
    const Srev = rev.map((a) => rev.map((b) => S[X9.indexOf(a)][X9.indexOf(b)]));
    expectClose(htmt({ cov: Srev, names: rev }, hsConstructs, { htmt2: false }).matrix.flat(), G.htmt_hs_cov.flat(), TOL, "htmt reordered cov");
  });

  it("htmt's defaults are semTools 0.5-6's: HTMT2, absolute ignored under HTMT2, missing = \"listwise\", ordered = NULL (QA item 3)", () => {
    expectClose(htmt(hs, hsConstructs).matrix.flat(), G.htmt_hs_default.flat(), TOL, "default");
    expectClose(htmt(hs, hsConstructs).matrix.flat(), G.htmt2_hs_data.flat(), TOL, "default = HTMT2");
    expectClose(
      htmt(hs, hsConstructs, { absolute: false, missing: "listwise", ordered: null }).matrix.flat(),
      G.htmt_hs_default_signed.flat(),
      TOL,
      "signed ignored",
    );
    expect(htmt(hs, hsConstructs).htmt2).to.equal(true);
    expect(() => htmt(hs, hsConstructs, { missing: "fiml" as never })).to.throw(/not implemented/);
  });

  it("harmanSingleFactor PCA share equals R's eigen(cor)$values[1] / p", () => {
    const h = harmanSingleFactor(hs, X9, { method: "pca" });
    expectClose(h.eigenvalues, G.pca_hs.values, TOL, "eigenvalues");
    expectClose(h.share, G.pca_hs.share, TOL, "pca share");
    expect(h.factorsAboveOne).to.equal(G.pca_hs.values.filter((v: number) => v > 1).length);
    expectClose(harmanSingleFactor(lk, L12).share, G.pca_lk.share, TOL, "pca share likert");
  });

  it("harmanSingleFactor PAF matches psych::fa(nfactors = 1, fm = 'pa') with psych's stopping rule", () => {
    for (const [key, data, items] of [
      ["paf_hs", hs, X9],
      ["paf_lk", lk, L12],
    ] as [string, any, string[]][]) {
      const h = harmanSingleFactor(data, items, { method: "paf" });
      const g = G[key];
      expect(h.iterations, `${key} iterations`).to.equal(g.iterations);
      expectClose(h.loadings, g.loadings, 1e-10, `${key} loadings`);
      expectClose(h.share, g.share, 1e-10, `${key} share`);
      expectClose(h.communalities!, g.communalities, 1e-10, `${key} communalities`);
    }
  });

  it("harmanSingleFactor PAF iterated to convergence matches psych with min.err = 1e-13", () => {
    const h = harmanSingleFactor(hs, X9, { method: "paf", tol: 1e-13, maxIter: 5000 });
    expect(h.converged).to.equal(true);
    expectClose(h.loadings, G.paf_hs_tight.loadings, 1e-10, "tight loadings");
    expectClose(h.share, G.paf_hs_tight.share, 1e-10, "tight share");
  });

  it("markerVariableAdjustment reproduces Lindell & Whitney's formulas evaluated in R", () => {
    const g = G.marker;
    const m = markerVariableAdjustment(g.r, g.rM, g.n);
    expectClose([m.rows[0].rAdj, m.rows[0].t, m.rows[0].p], [g.radj, g.t, g.p], TOL, "marker");
    expect(m.rows[0].df).to.equal(g.n - 3);
  });

  it("compositeReliability and averageVarianceExtracted follow Fornell & Larcker (hand-computed)", () => {
    // Paper 000, post-entry speed: five loadings ≥ .89; here λ = .9,.9,.8,.7: Σλ = 3.3, Σλ² = 2.75
    const l = [0.9, 0.9, 0.8, 0.7];
    expect(compositeReliability(l)).to.be.closeTo((3.3 * 3.3) / (3.3 * 3.3 + (4 - 2.75)), 1e-14);
    expect(averageVarianceExtracted(l)).to.be.closeTo(2.75 / 4, 1e-14);
    expect(compositeReliability([0.7, 0.7, 0.7])).to.be.closeTo(4.41 / (4.41 + 1.53), 1e-14);
  });

  it("fornellLarcker flags a construct whose √AVE is below a correlation", () => {
    const fl = fornellLarcker(
      [
        [1, 0.5, 0.8],
        [0.5, 1, 0.3],
        [0.8, 0.3, 1],
      ],
      [0.6, 0.5, 0.55],
      ["A", "B", "C"],
    );
    // √.6 = .775 < .8; √.55 = .742 < .8; √.5 = .707 > .5
    expect(fl.passed).to.deep.equal([false, true, false]);
    expect(fl.allPassed).to.equal(false);
    expect(fl.warnings[0].message).to.contain("A, C");
    expect(fl.toHTML()).to.contain("0.775");
  });

  it("reliabilityTable combines psych-equal α with CR and AVE per construct", () => {
    const t = reliabilityTable(lk, { tr: lkConstructs.tr, lo: lkConstructs.lo }, { tr: [0.8, 0.75, 0.7, 0.65], lo: [0.7, 0.7, 0.75, 0.8] });
    expectClose(t.rows[0].alpha, G.alpha_tr.total.raw_alpha, TOL, "alpha tr");
    expectClose(t.rows[1].alpha, G.alpha_lo.total.raw_alpha, TOL, "alpha lo");
    expect(t.rows[0].cr).to.equal(compositeReliability([0.8, 0.75, 0.7, 0.65]));
    expect(t.sqrtAve.lo).to.be.closeTo(Math.sqrt((0.49 + 0.49 + 0.5625 + 0.64) / 4), 1e-15);
    // a Heywood loading: the formulas' values with a warning (semTools computes them too)
    const hw = reliabilityTable(lk, { tr: lkConstructs.tr }, { tr: [1.14, 0.75, 0.7, 0.65] });
    expect(hw.rows[0].cr).to.equal(compositeReliability([1.14, 0.75, 0.7, 0.65]));
    expect(hw.warnings.map((w) => w.code)).to.include("measurement.heywood");
    expect(t.toHTML()).to.contain("√AVE");
    expect(() => reliabilityTable(lk, { tr: lkConstructs.tr }, { tr: [0.8] })).to.throw(/4 items but 1 loadings/);
  });
});
