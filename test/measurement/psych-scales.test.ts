/**
 * Keyed scales and pairwise data against psych 2.2.9 (test/goldens/psych-scales.R → psych-scales.json)
 * on psych's bfi, which has missing answers: alpha with keys ("-A1", keys vectors, check.keys) and
 * use = "pairwise" (psych's default) / "complete", scoreItems (impute median, none, mean), corr.test
 * (pairwise n, Holm and other adjustments, CIs) and describe. All closed form: 1e-8 relative.
 */
import { expect } from "chai";
import { cronbachAlpha, alpha, scoreItems, corrTest, pAdjust, checkKeys } from "../../src/measurement";
import { describe as describeData } from "../../src/data/descriptives";
import { correlationTable } from "../../src/data/correlation";
import { expectClose, golden } from "../fixtures/read-fixture";
import { bfi, maxAbsDiff } from "./bfi";

const G = golden("psych-scales.json");
const TOL = 1e-8;
const A = ["A1", "A2", "A3", "A4", "A5"];
const C = ["C1", "C2", "C3", "C4", "C5"];

function checkAlpha(a: ReturnType<typeof cronbachAlpha>, g: any) {
  const t = a.total;
  expectClose(
    [t.rawAlpha, t.stdAlpha, t.G6, t.averageR, t.signalNoise, t.ase, t.mean, t.sd, t.medianR],
    [g.total.raw_alpha, g.total["std.alpha"], g.total["G6(smc)"], g.total.average_r, g.total["S/N"], g.total.ase, g.total.mean, g.total.sd, g.total.median_r],
    TOL,
    "alpha total",
  );
  expect(a.items.map((i) => i.n)).to.deep.equal(g.stats.n);
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
    "mean",
  );
  expectClose(
    a.items.map((i) => i.sd),
    g.stats.sd,
    TOL,
    "sd",
  );
  expectClose(
    a.items.map((i) => i.ifDeleted.rawAlpha),
    g.drop.raw_alpha,
    TOL,
    "alpha drop",
  );
  expectClose(
    a.items.map((i) => i.ifDeleted.G6),
    g.drop["G6(smc)"],
    TOL,
    "G6 drop",
  );
  expectClose(
    a.items.map((i) => i.ifDeleted.ase),
    g.drop["alpha se"],
    TOL,
    "ase drop",
  );
  expectClose(
    a.items.map((i) => i.ifDeleted.medianR),
    g.drop["med.r"],
    TOL,
    "med.r drop",
  );
}

describe("psych scales on bfi (missing data, keys)", () => {
  const d = bfi();

  it('alpha with psych\'s keys: "-A1", keys ["A1"], keys [-1,1,…] agree with psych::alpha (pairwise default)', () => {
    const a = cronbachAlpha(d, ["-A1", "A2", "A3", "A4", "A5"]);
    checkAlpha(a, G.alpha_A_keys);
    checkAlpha(cronbachAlpha(d, A, { keys: ["A1"] }), G.alpha_A_keys);
    checkAlpha(alpha(d, A, { keys: [-1, 1, 1, 1, 1] }), G.alpha_A_list);
    expect(a.items[0].reversed).to.equal(true);
    expect(a.summary()).to.contain('use = "pairwise", psych\'s default');
    expect(a.summary()).to.contain("A1-");
    expect(a.alpha).to.be.closeTo(0.703, 5e-5);
  });

  it('alpha use = "complete" reproduces psych\'s mix (listwise covariances, all answers for means)', () => {
    const a = cronbachAlpha(d, A, { keys: [-1, 1, 1, 1, 1], use: "complete" });
    checkAlpha(a, G.alpha_A_complete);
    expect(a.summary()).to.contain("complete rows");
  });

  it("alpha's other arguments as psych: cumulative, impute, delete of a constant item, defaults accepted (QA item 7)", () => {
    checkAlpha(cronbachAlpha(d, A, { keys: ["A1"], cumulative: true, max: 10, "na.rm": true, "n.iter": 1, warnings: false } as never), G.alpha_A_cumulative);
    checkAlpha(cronbachAlpha(d, A, { keys: ["A1"], impute: "median" }), G.alpha_A_impute);
    checkAlpha(cronbachAlpha(d, A, { keys: ["A1"], impute: "mean" }), G.alpha_A_impute_mean);
    const withK = { ...d, K: d.A1.map(() => 3) };
    const del = cronbachAlpha(withK, [...A, "K"]);
    checkAlpha(del, G.alpha_A_delete);
    expect(del.warnings.map((w) => w.code)).to.include("measurement.item-deleted");
    expect(() => cronbachAlpha(withK, [...A, "K"], { delete: false })).to.throw(/zero variance/);
    expect(() => cronbachAlpha(d, A, { "na.rm": false } as never)).to.throw(/only as true/);
    expect(() => cronbachAlpha(d, A, { "n.iter": 100 } as never)).to.throw(/only as 1/);
  });

  it("checkKeys reverses items with negative first-component loadings, as check.keys", () => {
    const a = cronbachAlpha(d, C, { checkKeys: true });
    checkAlpha(a, G.alpha_C_check);
    expect(a.items.filter((i) => i.reversed).map((i) => i.item)).to.deep.equal(["C4", "C5"]);
    const raw = cronbachAlpha(d, C);
    checkAlpha(raw, G.alpha_C_raw);
    expect(raw.warnings.map((w) => w.message).join(" ")).to.contain("C4, C5");
  });

  it("scoreItems (impute = median, psych's default) matches psych::scoreItems", () => {
    const keys = {
      agree: ["-A1", "A2", "A3", "A4", "A5"],
      conscientious: ["C1", "C2", "C3", "-C4", "-C5"],
      extraversion: ["-E1", "-E2", "E3", "E4", "E5"],
      neuroticism: ["N1", "N2", "N3", "N4", "N5"],
      openness: ["O1", "-O2", "O3", "O4", "-O5"],
    };
    for (const [opts, g] of [
      [{}, G.score_median],
      [{ impute: "none" }, G.score_none],
      [{ impute: "mean", totals: true }, G.score_mean_totals],
    ] as const) {
      const s = scoreItems(d, keys, opts as never);
      const what = JSON.stringify(opts);
      expectClose(
        s.scales.map((x) => x.alpha),
        g.alpha,
        TOL,
        `alpha ${what}`,
      );
      expectClose(
        s.scales.map((x) => x.averageR),
        g.av_r,
        TOL,
        `av.r ${what}`,
      );
      expectClose(
        s.scales.map((x) => x.G6),
        g.G6,
        TOL,
        `G6 ${what}`,
      );
      expectClose(
        s.scales.map((x) => x.signalNoise),
        g.sn,
        TOL,
        `sn ${what}`,
      );
      expectClose(
        s.scales.map((x) => x.ase),
        g.ase,
        TOL,
        `ase ${what}`,
      );
      expectClose(
        s.scales.map((x) => x.medianR),
        g.med_r,
        TOL,
        `med.r ${what}`,
      );
      expect(maxAbsDiff(s.itemCor, g.item_cor), `item.cor ${what}`).to.be.below(1e-10);
      expect(maxAbsDiff(s.itemCorrected, g.item_corrected), `item.corrected ${what}`).to.be.below(1e-10);
      expect(maxAbsDiff(s.cor, g.cor), `cor ${what}`).to.be.below(1e-10);
      expect(maxAbsDiff(s.corrected, g.corrected), `corrected ${what}`).to.be.below(1e-10);
      if (g.scores_head) {
        const head = Object.values(s.scores).map((v) => v.slice(0, 20));
        expect(
          maxAbsDiff(
            head[0].map((_, i) => head.map((c) => c[i])),
            g.scores_head,
          ),
          `scores ${what}`,
        ).to.be.below(1e-10);
      }
    }
  });

  it("corrTest matches psych::corr.test: r, pairwise n, t, p (Holm above the diagonal), se, CIs", () => {
    const vars = ["A1", "A2", "C1", "C4", "E1", "N1", "O2", "age"];
    const cases: [object, any][] = [
      [{}, G.corr_pairwise],
      [{ use: "complete", adjust: "bonferroni", alpha: 0.1 }, G.corr_complete_bonf],
      [{ adjust: "none" }, G.corr_none],
      [{ adjust: "BH" }, G.corr_BH],
      [{ adjust: "hochberg" }, G.corr_hochberg],
      [{ adjust: "BY" }, G.corr_BY],
      // QA report item 5: psych's n under use = "complete", rank correlations, Hommel
      [{ use: "complete.obs" }, G.corr_completeobs],
      [{ method: "spearman" }, G.corr_spearman],
      [{ method: "kendall" }, G.corr_kendall],
      [{ method: "kendall", use: "complete", adjust: "hommel" }, G.corr_kendall_complete],
      [{ adjust: "hommel", ci: true, minlength: 5, normal: true }, G.corr_hommel],
    ];
    for (const [opts, g] of cases) {
      const ct = corrTest(d, vars, opts as never);
      const w = JSON.stringify(opts);
      expect(maxAbsDiff(ct.r, g.r), `r ${w}`).to.be.below(1e-12);
      const n = typeof g.n === "number" ? vars.map(() => vars.map(() => g.n)) : g.n;
      expect(ct.n, `n ${w}`).to.deep.equal(n);
      const offDiag = (M: number[][]) => M.flatMap((r, i) => r.filter((_, j) => j !== i));
      expectClose(offDiag(ct.p), offDiag(g.p), 1e-8, `p ${w}`);
      expectClose(offDiag(ct.t), offDiag(g.t), 1e-8, `t ${w}`);
      expectClose(offDiag(ct.se), offDiag(g.se), 1e-8, `se ${w}`);
      expectClose(
        ct.pairs.map((x) => x.lower),
        g.ci.lower,
        1e-8,
        `lower ${w}`,
      );
      expectClose(
        ct.pairs.map((x) => x.upper),
        g.ci.upper,
        1e-8,
        `upper ${w}`,
      );
      expectClose(
        ct.pairs.map((x) => x.lowerAdjusted),
        g.ci_adj["lower.adj"],
        1e-8,
        `lower.adj ${w}`,
      );
      expectClose(
        ct.pairs.map((x) => x.upperAdjusted),
        g.ci_adj["upper.adj"],
        1e-8,
        `upper.adj ${w}`,
      );
      expectClose(
        ct.pairs.map((x) => x.pAdjusted),
        g.p_adj_lower,
        1e-8,
        `p.adj ${w}`,
      );
    }
  });

  it("scoreItems accepts psych's defaults (delete, missing = TRUE, select) and print arguments (QA item 7)", () => {
    const keys = { agree: ["-A1", "A2", "A3", "A4", "A5"], consc: ["C1", "C2", "C3", "-C4", "-C5"] };
    const a = scoreItems(d, keys);
    const b = scoreItems(d, keys, { delete: true, missing: true, digits: 2, select: true } as never);
    expect(b.scales.map((x) => x.alpha)).to.deep.equal(a.scales.map((x) => x.alpha));
    expect(() => scoreItems(d, keys, { missing: false } as never)).to.throw(/complete rows/);
    expect(() => scoreItems(d, keys, { delete: false } as never)).to.throw(/only as true/);
  });

  it('corrTest(use: "complete") states psych\'s n; ci: false drops the intervals', () => {
    const vars = ["A1", "A2", "C1", "C4", "E1", "N1", "O2", "age"];
    const ct = corrTest(d, vars, { use: "complete" });
    expect(ct.n[0][1]).to.equal(G.corr_complete_psych_n);
    expect(ct.info().join(" ")).to.contain("smallest pairwise count");
    const noCi = corrTest(d, vars, { ci: false });
    expect(noCi.tables().length).to.equal(corrTest(d, vars).tables().length - 1);
    expect(() => corrTest(d, vars, { normal: false } as never)).to.throw(/only as true/);
  });

  it("pAdjust agrees with R's p.adjust (Hommel included) on ties and ordering", () => {
    expectClose(pAdjust([0.01, 0.04, 0.03, 0.04, 0.2, 0.001, 0.5, 0.049], "hommel"), G.padjust_hommel, 1e-12, "hommel");
    const p = [0.01, 0.04, 0.03, 0.04, 0.2];
    expect(pAdjust(p, "holm").map((x) => +x.toFixed(10))).to.deep.equal([0.05, 0.12, 0.12, 0.12, 0.2]);
    expect(pAdjust(p, "BH").map((x) => +x.toFixed(10))).to.deep.equal([0.05, 0.05, 0.05, 0.05, 0.2]);
  });

  it("describe has psych's columns (median, trimmed, mad, range, se) and three skew/kurtosis types", () => {
    const dv = ["A1", "A2", "C4", "N5", "O2", "education", "age"];
    for (const type of [1, 2, 3] as const) {
      const r = describeData(d, dv, { type });
      const g = G[`describe_type${type}`];
      const col = (k: string) => r.rows.map((x) => (x as any)[k]);
      expect(col("n")).to.deep.equal(g.n);
      expect(col("vars")).to.deep.equal(g.vars);
      for (const k of ["mean", "sd", "median", "trimmed", "mad", "min", "max", "range", "skew", "se"]) expectClose(col(k), g[k], TOL, `${k} type ${type}`);
      // psych's matrix branch of kurtosi(type = 1) divides by every row, NAs included (a psych quirk);
      // pathlab uses each variable's n, which is what psych's own one-variable branch gives
      expectClose(col("kurtosis"), type === 1 ? G.kurtosi_type1_vector : g.kurtosis, TOL, `kurtosis type ${type}`);
    }
    const t20 = describeData(d, dv, { trim: 0.2 });
    expectClose(
      t20.rows.map((x) => x.trimmed!),
      G.describe_trim20.trimmed,
      TOL,
      "trim 0.2",
    );
    const comp = describeData(d, dv, { use: "complete" });
    expectClose(
      comp.rows.map((x) => x.mean),
      G.describe_complete.mean,
      TOL,
      "complete mean",
    );
    expectClose(
      comp.rows.map((x) => x.kurtosis),
      G.describe_complete.kurtosis,
      TOL,
      "complete kurtosis",
    );
    expect(comp.rows[0].n).to.equal(G.describe_complete.n[0]);
  });

  it("describe's other arguments: IQR, quant, skew, ranges, fast, na.rm (QA item 7)", () => {
    const dv = ["A1", "A2", "C4", "N5", "O2", "education", "age"];
    const r = describeData(d, dv, { IQR: true, quant: [0.1, 0.25, 0.75, 0.9] });
    const g = G.describe_iqr_quant;
    expectClose(
      r.rows.map((x) => x.IQR!),
      g.IQR,
      TOL,
      "IQR",
    );
    ["Q0.1", "Q0.25", "Q0.75", "Q0.9"].forEach((q, k) =>
      expectClose(
        r.rows.map((x) => x.quantiles![k]),
        g[q],
        TOL,
        q,
      ),
    );
    const cols = (o: object) => [
      "vars",
      ...describeData(d, dv, o as never)
        .tables()[0]
        .columns.map((c) => c.key)
        .filter((k) => k !== "variable")
        .map((k) => (k === "q0" ? "Q" : k)),
    ];
    expect(cols({ skew: false })).to.deep.equal(G.describe_noskew_cols);
    expect(cols({ ranges: false })).to.deep.equal(G.describe_noranges_cols);
    expect(cols({ fast: true })).to.deep.equal(G.describe_fast_cols);
    const nr = describeData(d, dv, { "na.rm": false } as never);
    expectClose(
      nr.rows.map((x) => x.mean),
      G.describe_narm.mean,
      TOL,
      "na.rm FALSE = na.omit",
    );
    expect(nr.rows[0].n).to.equal(G.describe_narm.n[0]);
    expect(describeData(d, dv, { "na.rm": true, skew: true, check: true, interp: false } as never).rows.length).to.equal(dv.length);
  });

  it("correlationTable({ deletion: \"pairwise\" }) uses each pair's rows, with psych's r and p", () => {
    const vars = ["A1", "A2", "C1", "C4", "E1", "N1", "O2", "age"];
    const t = correlationTable(d, vars, { deletion: "pairwise" });
    const g = G.corr_pairwise;
    expect(maxAbsDiff(t.r, g.r)).to.be.below(1e-12);
    const lowerP = t.p.flatMap((r, i) => r.filter((_, j) => j < i));
    const gLower = g.p.flatMap((r: number[], i: number) => r.filter((_, j) => j < i));
    expectClose(lowerP, gLower, 1e-8, "p");
    expect(t.pairwiseN![0][1]).to.equal(g.n[0][1]);
    expect(t.summary()).to.contain("pairwise deletion");
    const lw = correlationTable(d, vars);
    expect(lw.n).to.equal(t.n);
    // psych's `use` spelling is the same option
    expect(correlationTable(d, vars, { use: "pairwise" }).r).to.deep.equal(t.r);
    expect(correlationTable(d, vars, { use: "complete" }).r).to.deep.equal(lw.r);
    expect(lw.r[0][1]).to.not.equal(t.r[0][1]);
  });
});

describe("checkKeys", () => {
  it("marks items that load negatively on the first component, as psych's check.keys", () => {
    expect(checkKeys(bfi(), C)).to.deep.equal(["C1", "C2", "C3", "-C4", "-C5"]);
    expect(checkKeys(bfi(), ["A1", "A2", "A3", "A4", "A5"])).to.deep.equal(["-A1", "A2", "A3", "A4", "A5"]);
  });
});
