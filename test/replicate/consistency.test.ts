import { expect } from "chai";
import { averageVarianceExtracted as aveFromLoadings, compositeReliability as crFromLoadings } from "../../src/measurement/reliability";
import type { ConsistencyReport, PublishedNumber } from "../../src/replicate";
import { checkCategoricalMoments, checkLogMean, checkPercent, grim, logMeanBounds } from "../../src/replicate/checks/counts";
import { checkCrAve } from "../../src/replicate/checks/measurement";
import { checkPositiveDefinite } from "../../src/replicate/checks/correlations";
import { checkRmsea } from "../../src/replicate/checks/fit";
import { checkStarsFromStatistic } from "../../src/replicate/checks/statistics";
import { samePrinted } from "../../src/replicate/checks/effects";
import { criticalR, rmsea } from "../../src/math";
import { paper000 as p000, paper001 as p001, paper002 as p002, paper003 as p003 } from "../../src/papers";

const [paper000, paper001] = [p000.record, p001.record];

const pn = (value: number, digits: number, kind: PublishedNumber["kind"] = "other"): PublishedNumber => ({
  id: `t.${value}`,
  label: String(value),
  source: "Table X",
  value,
  printed: value.toFixed(digits),
  digits,
  kind,
});

function flagged(r: ConsistencyReport, check: RegExp, source: RegExp): boolean {
  return r.rows.some((x) => x.verdict === "flag" && check.test(x.check) && source.test(x.source));
}
function okRow(r: ConsistencyReport, check: RegExp, source: RegExp): boolean {
  const rows = r.rows.filter((x) => check.test(x.check) && source.test(x.source));
  return rows.length > 0 && rows.every((x) => x.verdict === "ok");
}

describe("replicate: consistency checks on hand-made cases", () => {
  it("stars from t: rounding of t is allowed for, misplaced stars are flagged", () => {
    const legend = { "†": 0.1, "*": 0.05, "**": 0.01, "***": 0.001 };
    expect(checkStarsFromStatistic({ label: "t", source: "s", stat: 2.01, statDigits: 2, stars: "†", legend }).verdict).to.equal("flag");
    expect(checkStarsFromStatistic({ label: "t", source: "s", stat: 2.01, statDigits: 2, stars: "*", legend }).verdict).to.equal("ok");
    // 1.96 printed covers [1.955, 1.965], straddling p = .05: either † or * is consistent.
    expect(checkStarsFromStatistic({ label: "t", source: "s", stat: 1.96, statDigits: 2, stars: "†", legend }).verdict).to.equal("ok");
    expect(checkStarsFromStatistic({ label: "t", source: "s", stat: 1.96, statDigits: 2, stars: "*", legend }).verdict).to.equal("ok");
    // With a t distribution on 10 df, t = 2.3 is p ≈ .044.
    expect(checkStarsFromStatistic({ label: "t", source: "s", stat: 2.3, statDigits: 1, df: 10, stars: "*", legend }).verdict).to.equal("ok");
    expect(checkStarsFromStatistic({ label: "t", source: "s", stat: -3.5, statDigits: 1, df: 10, stars: "**", legend }).verdict).to.equal("ok");
  });

  it("RMSEA: known value under both conventions", () => {
    // χ²(100) = 150, N = 201: √(50 / (100·200)) = 0.05 with N − 1 (the N − 1 convention passes 200)
    expect(rmsea(150, 100, 200)).to.be.closeTo(0.05, 1e-12);
    // psych's mix: N in the first term, N − 1 in the second
    expect(rmsea(150, 100, 201, 200)).to.be.closeTo(Math.sqrt(150 / (100 * 201) - 1 / 200), 1e-15);
    expect(rmsea(90, 100, 200)).to.equal(0);
    expect(checkRmsea({ source: "s", rmsea: pn(0.05, 2), n: 201, chi2: pn(150, 0), df: 100 }).verdict).to.equal("ok");
    expect(checkRmsea({ source: "s", rmsea: pn(0.07, 2), n: 201, chi2: pn(150, 0), df: 100 }).verdict).to.equal("flag");
    expect(checkRmsea({ source: "s", rmsea: pn(0.05, 2), n: 201, ratio: pn(1.5, 2) }).verdict).to.equal("ok");
  });

  it("CR and AVE formulas and their rounding intervals", () => {
    expect(aveFromLoadings([0.8, 0.6])).to.be.closeTo(0.5, 1e-12);
    // (1.4)² / ((1.4)² + 0.36 + 0.64) = 1.96 / 2.96
    expect(crFromLoadings([0.8, 0.6])).to.be.closeTo(1.96 / 2.96, 1e-12);
    const c = {
      id: "c",
      name: "C",
      role: "",
      composite: "",
      items: [
        { id: "a", paraphrase: "", loading: 0.8, loadingPrinted: "0.80" },
        { id: "b", paraphrase: "", loading: 0.6, loadingPrinted: "0.60" },
      ],
      cr: pn(0.66, 2, "cr"),
      ave: pn(0.55, 2, "ave"),
    };
    const rows = checkCrAve(c, "Table X");
    expect(rows.find((r) => r.check.startsWith("CR"))!.verdict).to.equal("ok");
    expect(rows.find((r) => r.check.startsWith("AVE"))!.verdict).to.equal("flag");
  });

  it("percentages, GRIM, coded-variable moments, critical r and positive definiteness", () => {
    const row = { id: "p", block: "b", category: "c", count: 60, total: 278, pct: pn(21.9, 1, "percent"), source: "Table 1" };
    expect(checkPercent(row)!.verdict).to.equal("flag");
    expect(checkPercent({ ...row, pct: pn(21.6, 1, "percent") })!.verdict).to.equal("ok");
    expect(grim(5.19, 2, 18, 1)).to.deep.equal({ applicable: true, consistent: false }); // 5.19·18 = 93.42
    expect(grim(5.5, 2, 18, 1)).to.deep.equal({ applicable: true, consistent: true });
    expect(grim(5.19, 2, 278, 3).applicable).to.equal(false);
    const m = checkCategoricalMoments({
      id: "i",
      variable: "v",
      source: "s",
      codes: [1, 2, 3],
      counts: [132, 88, 58],
      n: 278,
      mean: pn(1.73, 2, "mean"),
      sd: pn(0.78, 2, "sd"),
    });
    expect(m.map((r) => r.verdict)).to.deep.equal(["ok", "ok"]);
    expect(criticalR(0.05, 278)).to.be.closeTo(0.1177, 5e-4);
    const t = {
      ...paper000.correlations,
      r: [
        [1, 0.9, 0.9],
        [0.9, 1, -0.9],
        [0.9, -0.9, 1],
      ],
      names: ["a", "b", "c"],
      missing: [],
    };
    expect(checkPositiveDefinite(t).verdict).to.equal("flag");
  });
});

describe("replicate: mean of logs against the raw variable (bounds by concavity)", () => {
  it("Jensen, the two-point lower bound, ranges and brackets; flags name the base that fits", () => {
    // Raw mean 89 on [9, 250]: p = 80/241 on 250, the rest on 9.
    const [lo, hi] = logMeanBounds({ arithmeticMean: 89, range: [9, 250] }, "e");
    expect(hi).to.be.closeTo(Math.log(89), 1e-12);
    expect(lo).to.be.closeTo((80 / 241) * Math.log(250) + (161 / 241) * Math.log(9), 1e-12);
    const br = logMeanBounds(
      {
        brackets: [
          { lower: 1, upper: 9, count: 1 },
          { lower: 10, upper: 99, count: 1 },
        ],
      },
      "10",
    );
    expect(br).to.deep.equal([0.5, (Math.log10(9) + Math.log10(99)) / 2]);
    const row = checkLogMean({
      source: "T",
      label: "size",
      logMean: { value: 1.78, digits: 2 },
      declaration: { base: "e", arithmeticMean: 89, range: [9, 250], source: "text" },
    });
    expect(row.verdict).to.equal("flag");
    expect(row.note).to.match(/fits log10/);
  });
  it("the same quantity printed twice must be printed identically at the same decimals", () => {
    expect(samePrinted({ value: 1.14, digits: 2 }, { value: 1.15, digits: 2 })).to.equal(false);
    expect(samePrinted({ value: 1.14, digits: 2 }, { value: 1.1, digits: 1 })).to.equal(true);
    expect(samePrinted({ value: 1.14, digits: 2 }, { value: 1.14, digits: 2 })).to.equal(true);
  });
});

describe("replicate: the papers' consistency reports flag what the extractions document", () => {
  const r0 = p000.consistency();
  const r1 = p001.consistency();
  const r2 = p002.consistency();
  const r3 = p003.consistency();

  it("every row cites a source and has a verdict; report renders", () => {
    for (const r of [r0, r1, r2, r3]) {
      expect(r.rows.length).to.be.greaterThan(40);
      for (const row of r.rows) {
        expect(row.source).to.be.a("string").and.not.equal("");
        expect(["ok", "flag"]).to.include(row.verdict);
      }
      expect(r.counts.ok + r.counts.flag).to.equal(r.rows.length);
      expect(r.toHTML()).to.contain("pathlab-status-differs");
    }
  });

  it("paper 000", () => {
    expect(flagged(r0, /stars from z/, /Industry", column M5/)).to.equal(true);
    expect(flagged(r0, /stars from z/, /Industry", column M6/)).to.equal(true);
    expect(okRow(r0, /stars from z/, /AMC", column M2/)).to.equal(true);
    expect(flagged(r0, /implied SE/, /Firm age", column M2/)).to.equal(true); // printed t 0.087
    expect(flagged(r0, /implied SE/, /R&D intensity", column M4/)).to.equal(true); // printed t −0.035
    expect(okRow(r0, /sign of estimate/, /Alliance experience", column M1/)).to.equal(true); // −0.00 vs 0.01 is harmless
    expect(flagged(r0, /^AVE from loadings/, /Post-entry/)).to.equal(true);
    expect(flagged(r0, /^AVE from loadings/, /Incremental/)).to.equal(true);
    expect(okRow(r0, /^AVE from loadings/, /Radical/)).to.equal(true);
    expect(flagged(r0, /√AVE \(diagonal\) vs loadings/, /Post-entry/)).to.equal(true);
    expect(flagged(r0, /counts add up/, /firm_size/)).to.equal(true);
    expect(flagged(r0, /percentage from count/, /alliance_experience, 4–6/)).to.equal(true);
    expect(okRow(r0, /percentage from count/, /industry/)).to.equal(true);
    expect(flagged(r0, /percentages add up/, /informants/)).to.equal(true);
    expect(flagged(r0, /correlation stars/, /R&D intensity, column 8/)).to.equal(true);
    expect(flagged(r0, /CI vs stated conclusion/, /robustness 3/)).to.equal(true);
    expect(okRow(r0, /indirect effect = a × b/, /robustness 1/)).to.equal(true); // 0.60 × 0.22 ≈ 0.13
    expect(okRow(r0, /total = direct \+ a × b/, /Table 4/)).to.equal(true); // 0.87·0.49 − 0.16 ≈ 0.26
    expect(okRow(r0, /RMSEA/, /Table 4, M[1-6]/)).to.equal(true);
    expect(okRow(r0, /χ² p-value/, /text §5\.1/)).to.equal(true); // p = .058 > .05
    expect(okRow(r0, /mean of a coded variable/, /Table 1/)).to.equal(true);
    expect(checkPositiveDefinite(paper000.correlations).recomputed).to.contain("0.325");
  });

  it("paper 001", () => {
    expect(flagged(r1, /correlation stars/, /International expansion, column 1/)).to.equal(true);
    expect(flagged(r1, /correlation stars/, /International expansion, column 6/)).to.equal(true);
    expect(flagged(r1, /indirect effect = a × b/, /Table 5, H5a/)).to.equal(true);
    expect(flagged(r1, /indirect effect = a × b/, /text §5, mediation/)).to.equal(true);
    expect(flagged(r1, /interaction = \(slope/, /H6b/)).to.equal(true);
    expect(okRow(r1, /RMSEA/, /./)).to.equal(true);
    expect(okRow(r1, /^(CR|AVE) from loadings/, /./)).to.equal(true);
    expect(okRow(r1, /mean of a coded variable/, /./)).to.equal(true);
    expect(okRow(r1, /percentage from count/, /response_rate/)).to.equal(true);
    expect(checkPositiveDefinite(paper001.correlations).recomputed).to.contain("0.155");
  });

  it("paper 002", () => {
    expect(flagged(r2, /sign of estimate/, /Firm size", column M4/)).to.equal(true);
    expect(flagged(r2, /implied SE/, /Industry", column M1/)).to.equal(true);
    expect(flagged(r2, /stars from z/, /Strategic adaptiveness", column M5/)).to.equal(true);
    expect(flagged(r2, /SD of a coded variable/, /./)).to.equal(true);
    expect(flagged(r2, /mean of a coded variable/, /./)).to.equal(true);
    expect(flagged(r2, /mean of ln values/, /Firm size/)).to.equal(true);
    expect(okRow(r2, /indirect effect = a × b/, /Indirect effect/)).to.equal(true); // 0.39 × 0.48 ≈ 0.19
    expect(okRow(r2, /total = direct \+ indirect/, /./)).to.equal(true);
    expect(okRow(r2, /interaction = \(slope/, /./)).to.equal(true); // (0.46 − 0.22)/(2·1.29) ≈ 0.10
    expect(okRow(r2, /midpoint/, /./)).to.equal(true);
    expect(okRow(r2, /RMSEA/, /Table 4|CFA|CMV/)).to.equal(true);
    expect(okRow(r2, /χ² p-value/, /CMV model 3|Measurement/)).to.equal(true);
    expect(okRow(r2, /^CR from loadings/, /./)).to.equal(true);
  });

  it("paper 003", () => {
    expect(flagged(r3, /stars from z/, /Domestic performance", column M1/)).to.equal(true);
    expect(flagged(r3, /stars from z/, /Competitive intensity", column M2/)).to.equal(true);
    expect(okRow(r3, /stars from z/, /IAPD", column M4/)).to.equal(true);
    expect(flagged(r3, /R² from F/, /M3/)).to.equal(true);
    expect(okRow(r3, /R² from F/, /M4/)).to.equal(true);
    expect(okRow(r3, /adjusted R²/, /./)).to.equal(true);
    expect(okRow(r3, /ΔR²/, /./)).to.equal(true);
    expect(flagged(r3, /^CR from loadings/, /Competitive intensity/)).to.equal(true);
    expect(flagged(r3, /^AVE from loadings/, /Competitive intensity/)).to.equal(true);
    expect(flagged(r3, /^AVE from loadings/, /Cross-cultural/)).to.equal(true);
    expect(okRow(r3, /√AVE \(diagonal\) vs loadings/, /./)).to.equal(true); // the diagonal came from these loadings
    expect(flagged(r3, /mean of ln values/, /International experience/)).to.equal(true);
    expect(okRow(r3, /RMSEA/, /CMV model 2|Measurement/)).to.equal(true);
    expect(okRow(r3, /positive definite/, /./)).to.equal(true);
  });
});
