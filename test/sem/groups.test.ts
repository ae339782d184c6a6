/**
 * Multiple groups, invariance and lavTestLRT against lavaan 0.6.14 (test/goldens/sem-groups.R →
 * sem-groups.json): HolzingerSwineford1939 by school — configural, metric, scalar, strict, partial
 * scalar (x3 ~ 1 free), std.lv, Wishart, all eight group.equal classes on a structural model,
 * c(...) labels and values, moments per group; estimates, SEs, z, CIs, std.all/std.lv with SEs,
 * every fit measure, χ² per group, implied moments, R², the LRT tables.
 * Tolerance: 1e-4 relative to max(|lavaan|, 0.01).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { cfa, sem, invariance, lavTestLRT, anova, type SemFit } from "../../src/sem";
import { GOLDEN_DIR, errorOf, readCsvMixed } from "./helpers";

const J: any = JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, "sem-groups.json"), "utf8"));
const hs = readCsvMixed("sem-hs-school.csv");
const HS = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";

function close(ours: number, ref: number | null, what: string, tol = 1e-4, scale = 0): void {
  if (ref === null || ref === undefined) {
    expect(Number.isNaN(ours) || ours === 0, `${what}: lavaan NA, ours ${ours}`).to.equal(true);
    return;
  }
  const rel = Math.abs(ours - ref) / Math.max(Math.abs(ref), scale, 0.01);
  expect(rel, `${what}: ours ${ours} vs lavaan ${ref}`).to.be.below(tol);
}

const fits = new Map<string, SemFit>();
function fitFor(name: string): SemFit {
  if (!fits.has(name)) {
    const g = J.models[name];
    const o = g.options;
    const input = g.moments ?? hs;
    const fn = g.fun === "sem" ? sem : cfa;
    fits.set(
      name,
      fn(g.model, input, {
        ...(o.group ? { group: o.group } : {}),
        groupEqual: o.group_equal ?? [],
        ...(o.group_partial ? { groupPartial: o.group_partial } : {}),
        stdLv: !!o.std_lv,
        likelihood: o.likelihood ?? "normal",
      }),
    );
  }
  return fits.get(name)!;
}

describe("sem: multiple groups against lavaan 0.6.14 (HolzingerSwineford1939 by school)", () => {
  for (const name of Object.keys(J.models)) {
    const g = J.models[name];
    describe(name, () => {
      it("converges; groups, N per group and χ² per group as lavaan", () => {
        const fit = fitFor(name);
        expect(fit.converged).to.equal(true);
        expect(fit.groupLabels).to.deep.equal(g.group_labels);
        expect(fit.groupN).to.deep.equal(g.nobs);
        fit.chisqGroups().forEach((c, k) => close(c, g.chisq_group[k], `${name} χ² group ${k + 1}`));
      });
      it("estimates, SEs, z, CIs and labels per group", () => {
        const pe = fitFor(name).parameterEstimates().rows;
        let compared = 0;
        for (const r of g.pe) {
          const o = pe.find((x) => x.lhs === r.lhs && x.op === r.op && x.rhs === r.rhs && x.group === r.group);
          expect(o, `${r.lhs} ${r.op} ${r.rhs} group ${r.group}`).to.not.equal(undefined);
          const key = `${name} ${r.lhs}${r.op}${r.rhs} g${r.group}`;
          expect(o!.label, `${key} label`).to.equal(r.label ?? "");
          close(o!.est, r.est, `${key} est`);
          close(o!.se, r.se, `${key} se`);
          if (r.z !== null && r.z !== undefined) close(o!.z, r.z, `${key} z`, 2e-4);
          close(o!.ci_lower, r["ci.lower"], `${key} ci.lower`, 1e-4, Math.abs(r.est));
          compared++;
        }
        expect(compared).to.equal(pe.length);
      });
      for (const [type, key] of [
        ["std.all", "std_all"],
        ["std.lv", "std_lv"],
      ] as const) {
        it(`standardized solution ${type} per group`, () => {
          const ss = fitFor(name).standardizedSolution({ type }).rows;
          for (const r of g[key]) {
            const o = ss.find((x) => x.lhs === r.lhs && x.op === r.op && x.rhs === r.rhs && x.group === r.group)!;
            close(o.est_std, r["est.std"], `${name} ${type} ${r.lhs}${r.op}${r.rhs} g${r.group}`);
            close(o.se, r.se ?? 0, `${name} ${type} ${r.lhs}${r.op}${r.rhs} g${r.group} se`);
          }
        });
      }
      it("every fit measure (multiple-group χ², baseline, RMSEA·√G, weighted SRMR and GFI)", () => {
        const fm = fitFor(name).fitMeasures().toObject();
        for (const [k, v] of Object.entries<number | null>(g.fit)) close(fm[k], v, `${name} ${k}`);
      });
      it("implied moments and R² per group", () => {
        const fit = fitFor(name);
        const imp = fit.inspect("implied") as any;
        const r2 = fit.inspect("rsquare") as any;
        g.group_labels.forEach((lab: string, k: number) => {
          const gi = imp.byGroup[lab];
          g.ov.forEach((a: string, i: number) =>
            g.ov.forEach((b: string, j: number) => close(gi.cov[i][j], g.implied_cov[lab][i][j], `${name} Σ ${a},${b} g${k + 1}`)),
          );
          g.implied_mean[lab].forEach((m: number, i: number) => close(gi.mean[i], m, `${name} μ ${i} g${k + 1}`));
          for (const [v, x] of Object.entries<number>(g.rsquare[lab])) close(r2.byGroup[lab].values[v], x, `${name} R² ${v} g${k + 1}`);
        });
      });
    });
  }
});

describe("sem: lavTestLRT / anova against lavaan", () => {
  const check = (t: ReturnType<typeof lavTestLRT>, ref: any, names: string[]) => {
    expect(t.rows.map((r) => r.model)).to.deep.equal(names);
    t.rows.forEach((r, i) => {
      expect(r.Df).to.equal(ref.Df[i]);
      close(r.AIC, ref.AIC[i], `AIC ${i}`);
      close(r.BIC, ref.BIC[i], `BIC ${i}`);
      close(r.Chisq, ref.Chisq[i], `Chisq ${i}`);
      if (i === 0) return;
      close(r["Chisq diff"], ref.Chisq_diff[i], `Chisq diff ${i}`);
      close(r.RMSEA, ref.RMSEA[i], `RMSEA diff ${i}`);
      expect(r["Df diff"]).to.equal(ref.Df_diff[i]);
      close(r["Pr(>Chisq)"], ref.p[i], `p ${i}`);
    });
  };
  it("configural → metric → scalar → strict, given in any order (sorted by df)", () => {
    const t = lavTestLRT({ strict: fitFor("strict"), conf: fitFor("configural"), scalar: fitFor("scalar"), metric: fitFor("metric") });
    check(t, J.lrt.steps, ["conf", "metric", "scalar", "strict"]);
    const a = anova(fitFor("configural"), fitFor("metric"), { modelNames: ["conf", "metric"] });
    expect(a.rows[1]["Chisq diff"]).to.be.closeTo(t.rows[1]["Chisq diff"], 1e-9);
    expect(a.summary()).to.contain("Chi-Squared Difference Test");
  });
  it("partial invariance: metric → partial scalar → partial strict", () => {
    const t = lavTestLRT(
      { metric: fitFor("metric"), partial: fitFor("partial_scalar") },
      cfa(HS, hs, { group: "school", groupEqual: ["loadings", "intercepts", "residuals"], groupPartial: "x3~1" }),
      { modelNames: ["metric", "partial", "partial.strict"] },
    );
    check(t, J.lrt.partial, ["metric", "partial", "partial.strict"]);
  });
  it("refuses models fitted to different data, with different variables or mixed mean structures", () => {
    const other = hs.map((r, i) => (i === 0 ? { ...r, x1: (r.x1 as number) + 1 } : r));
    const e1 = errorOf(() => lavTestLRT(fitFor("configural"), cfa(HS, other, { group: "school", groupEqual: "loadings" })));
    expect(e1.code).to.equal("sem.lrt-different-data");
    expect(e1.message).to.contain("sample means or covariances differ");
    const e2 = errorOf(() => lavTestLRT(fitFor("configural"), cfa(HS, hs.slice(1), { group: "school" })));
    expect(e2.code).to.equal("sem.lrt-different-data");
    const single = cfa(HS, hs);
    expect(errorOf(() => lavTestLRT(single, cfa("visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6", hs))).message).to.contain("different observed variables");
    expect(errorOf(() => lavTestLRT(single, cfa(HS, hs, { meanstructure: true }))).code).to.equal("sem.lrt-meanstructure");
    expect(errorOf(() => lavTestLRT(single)).code).to.equal("sem.lrt-input");
    expect(errorOf(() => lavTestLRT(single, 3 as never, single)).code).to.equal("sem.lrt-input");
  });
  it("warns when the restricted model fits better (not nested) and gives no p for equal df", () => {
    const a = cfa(HS, hs);
    const b = cfa(`${HS}\nvisual =~ x9\nvisual ~~ 0*speed`, hs);
    const t = lavTestLRT(a, b);
    expect(t.warnings.map((w) => w.code)).to.include("sem.lrt-same-df");
    expect(Number.isNaN(t.rows[1]["Pr(>Chisq)"])).to.equal(true);
  });
});

describe("sem: invariance()", () => {
  it("reproduces the four lavaan fits and their differences; std.lv identification gives the same fit", () => {
    const inv = invariance(HS, hs, { group: "school" });
    expect(Object.keys(inv.fits)).to.deep.equal(["configural", "metric", "scalar", "strict"]);
    const names = ["configural", "metric", "scalar", "strict"];
    inv.rows.forEach((r, k) => {
      close(r.chisq, J.models[names[k]].fit.chisq, `${r.model} χ²`);
      expect(r.df).to.equal(J.models[names[k]].fit.df);
      close(r.cfi, J.models[names[k]].fit.cfi, `${r.model} CFI`);
      if (k > 0) {
        close(r.chisqDiff, J.lrt.steps.Chisq_diff[k], `${r.model} Δχ²`);
        close(r.pDiff, J.lrt.steps.p[k], `${r.model} p`);
        close(r.cfiDiff, J.models[names[k]].fit.cfi - J.models[names[k - 1]].fit.cfi, `${r.model} ΔCFI`, 1e-3);
        close(r.rmseaDiff, J.models[names[k]].fit.rmsea - J.models[names[k - 1]].fit.rmsea, `${r.model} ΔRMSEA`, 1e-3);
      }
    });
    const std = invariance(HS, hs, { group: "school", "ID.fac": "std.lv" });
    std.rows.forEach((r, k) => expect(r.chisq).to.be.closeTo(inv.rows[k].chisq, 1e-6));
    expect(std.fits.metric.parameterEstimates().find("visual", "~~", "visual", 1)!.est).to.equal(1);
    expect(std.fits.metric.parameterEstimates().find("visual", "~~", "visual", 2)!.free).to.be.greaterThan(0);
    expect(inv.summary()).to.contain("ΔCFI");
    const fig = inv.figure();
    expect(fig.data).to.have.length(2);
    expect((fig.data[0].y as number[])[2]).to.be.closeTo(J.models.scalar.fit.cfi, 1e-6);
  });
  it("partial invariance frees the named intercept in every step", () => {
    const inv = invariance(HS, hs, { group: "school", groupPartial: ["x3 ~ 1"] });
    close(inv.rows[2].chisq, J.models.partial_scalar.fit.chisq, "partial scalar χ²");
    expect(inv.info()[0]).to.contain("x3~1");
    const pe = inv.fits.scalar.parameterEstimates();
    expect(pe.find("x3", "~1", "", 1)!.est).to.not.be.closeTo(pe.find("x3", "~1", "", 2)!.est, 0.1);
  });
  it("options: steps, bad steps, one group, conflicting options", () => {
    const inv = invariance(HS, hs, { group: "school", steps: ["configural", "weak", "strong", "means"] });
    expect(Object.keys(inv.fits)).to.deep.equal(["configural", "metric", "scalar", "means"]);
    expect(inv.rows[3].dfDiff).to.equal(3);
    expect(errorOf(() => invariance(HS, hs, { group: "school", steps: ["metric"] })).code).to.equal("options.bad-value");
    expect(errorOf(() => invariance(HS, hs, { group: "school", steps: ["configural", "partial"] })).hint).to.contain("scalar");
    expect(errorOf(() => invariance(HS, hs, { group: "school", groupEqual: "loadings" } as never)).message).to.contain("groupEqual");
    expect(
      errorOf(() =>
        invariance(
          HS,
          hs.filter((r) => r.school === "Pasteur"),
          { group: "school" },
        ),
      ).code,
    ).to.equal("sem.group-count");
    expect(errorOf(() => invariance(HS, hs, { group: "school", idFac: "effects.coding" })).code).to.equal("options.unsupported");
  });
});

describe("sem: multiple groups — bad inputs and options", () => {
  it("a group value missing, a group too small, a variable constant in one group", () => {
    const miss = hs.map((r, i) => (i === 10 ? { ...r, school: null } : r));
    const e1 = errorOf(() => cfa(HS, miss, { group: "school" }));
    expect(e1.code).to.equal("sem.group-missing");
    expect(e1.message).to.contain("row 11");
    const small = hs.filter((r, i) => r.school === "Pasteur" || i < 160);
    const e2 = errorOf(() => cfa(HS, small, { group: "school" }));
    expect(e2.code).to.equal("sem.group-too-small");
    expect(e2.message).to.contain("Grant-White");
    const constant = hs.map((r) => (r.school === "Pasteur" ? { ...r, x5: 3 } : r));
    const e3 = errorOf(() => cfa(HS, constant, { group: "school" }));
    expect(e3.message).to.contain('group 1 ("Pasteur")');
    expect(e3.message).to.contain('"x5"');
    expect(e3.message).to.contain("constant");
    expect(errorOf(() => cfa(HS, hs, { group: "schol" })).code).to.equal("data.unknown-variable");
  });
  it("group.equal / group.partial / c(...) mistakes are errors", () => {
    expect(errorOf(() => cfa(HS, hs, { group: "school", groupEqual: ["loading"] })).message).to.contain("loading");
    expect(errorOf(() => cfa(HS, hs, { group: "school", groupEqual: "thresholds" })).message).to.contain("thresholds");
    expect(errorOf(() => cfa(HS, hs, { group: "school", groupEqual: "intercepts", groupPartial: "x10 ~ 1" })).message).to.contain("x10~1");
    expect(errorOf(() => cfa("f =~ x1 + c(a, b, c)*x2 + x3", hs, { group: "school" })).message).to.contain("3 labels");
    expect(errorOf(() => cfa("f =~ x1 + c(a, b)*x2 + x3", hs)).hint).to.contain("group");
    expect(errorOf(() => cfa("f =~ x1 + c(a, 1)*x2 + x3", hs, { group: "school" })).message).to.contain("mixes labels and values");
    expect(errorOf(() => cfa(HS, hs, { groupEqual: "loadings" })).code).to.equal("options.bad-value");
    expect(errorOf(() => cfa(HS, hs, { group: "school", groupLabel: ["Pasteur", "Other"] })).message).to.contain('"Other"');
  });
  it("groupLabel orders the groups; a single label per parameter holds it equal (with lavaan's warning)", () => {
    const fit = cfa(HS, hs, { group: "school", groupLabel: ["Grant-White", "Pasteur"], groupEqual: "loadings" });
    expect(fit.groupLabels).to.deep.equal(["Grant-White", "Pasteur"]);
    close(fit.fitMeasures().chisq, J.models.metric.fit.chisq, "reordered metric χ²");
    const lab = cfa("visual =~ x1 + a*x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9", hs, { group: "school" });
    expect(lab.warnings.map((w) => w.code)).to.include("sem.single-label");
    expect(lab.parameterEstimates().find("visual", "=~", "x2", 1)!.est).to.equal(lab.parameterEstimates().find("visual", "=~", "x2", 2)!.est);
  });
  it("renders one table per group and lavaan's summary layout", () => {
    const fit = fitFor("metric");
    const t = fit.parameterEstimates().tables();
    expect(t.map((x) => x.title)).to.deep.equal(["Parameter estimates: group 1 [Pasteur]", "Parameter estimates: group 2 [Grant-White]"]);
    const s = fit.summary({ fitMeasures: true });
    expect(s).to.contain("Number of equality constraints                     6");
    expect(s).to.contain("Group 2 [Grant-White]:");
    expect(s).to.contain("Test statistic for each group:");
    expect(fit.toHTML()).to.contain("group 2 [Grant-White]");
    expect(errorOf(() => fit.diagram()).code).to.equal("sem.group-required");
    expect(fitFor("cmod").summary()).to.contain("Defined Parameters");
  });
});

describe("sem: per-group reliability, validity, diagram and bootstrap of a multiple-group fit", () => {
  // The configural model is the two single-group fits side by side: each group's CR/AVE,
  // Fornell–Larcker and HTMT must equal those of the group fitted alone.
  const conf = fitFor("configural");
  const alone = (school: string) =>
    cfa(
      HS,
      hs.filter((r) => r.school === school),
    );
  it("reliability(): every group, or one with { group }, as each group fitted alone", () => {
    const all = conf.reliability();
    expect(all.factors.map((f) => `${f.group}:${f.factor}`)).to.deep.equal([
      "Pasteur:visual",
      "Pasteur:textual",
      "Pasteur:speed",
      "Grant-White:visual",
      "Grant-White:textual",
      "Grant-White:speed",
    ]);
    for (const school of ["Pasteur", "Grant-White"]) {
      const ref = alone(school).reliability();
      for (const f of ref.factors) {
        const ours = all.get(f.factor, school);
        close(ours.cr, f.cr, `${school} ${f.factor} CR`, 1e-5);
        close(ours.ave, f.ave, `${school} ${f.factor} AVE`, 1e-5);
      }
      const one = conf.reliability({ group: school });
      expect(one.factors.every((f) => f.group === school)).to.equal(true);
    }
    expect(all.toHTML()).to.contain("Grant-White");
    expect(errorOf(() => conf.reliability({ group: "Other" })).code).to.equal("options.bad-value");
    expect(errorOf(() => conf.reliability({ group: 3 })).hint).to.contain('2 = "Grant-White"');
  });
  it("fornellLarcker() and htmt() need { group } and match the group fitted alone", () => {
    expect(errorOf(() => conf.fornellLarcker()).code).to.equal("sem.group-required");
    expect(errorOf(() => conf.htmt()).hint).to.contain("Pasteur");
    const gw = alone("Grant-White");
    const fl = conf.fornellLarcker({ group: "Grant-White" });
    const flRef = gw.fornellLarcker();
    expect(JSON.stringify(fl.tables()[0].rows).length).to.be.above(10);
    const num = (t: typeof fl) => t.tables()[0].rows.flatMap((r) => Object.values(r).filter((v): v is number => typeof v === "number"));
    num(fl).forEach((v, k) => close(v, num(flRef)[k], `Fornell–Larcker ${k}`, 1e-5));
    const h = conf.htmt({ group: 2 });
    const hRef = gw.htmt();
    const numH = (t: typeof h) => t.tables()[0].rows.flatMap((r) => Object.values(r).filter((v): v is number => typeof v === "number"));
    numH(h).forEach((v, k) => close(v, numH(hRef)[k], `HTMT ${k}`, 1e-10));
  });
  it("diagram({ group }) draws that group's estimates", () => {
    const fig = conf.diagram({ group: "Pasteur" });
    const ref = alone("Pasteur").diagram();
    const texts = (f: typeof fig) =>
      JSON.stringify(f)
        .match(/"text":"[^"]*"/g)
        ?.filter((t) => /\d/.test(t) && !t.includes("Standardised estimates"))
        .sort();
    expect(JSON.stringify(fig)).to.contain("group 1 [Pasteur]");
    // Same standardised loadings and covariances (the subtitle's χ² is the whole model's).
    expect(texts(fig)!.filter((t) => !t.includes("χ²"))).to.deep.equal(texts(ref)!.filter((t) => !t.includes("χ²")));
    expect(errorOf(() => conf.diagram({ group: true as never })).code).to.equal("options.bad-value");
  });
  it("bootstrap(): cases resampled within each group, reproducible, intervals around the estimates", () => {
    const m = cfa(HS, hs, { group: "school", groupEqual: ["loadings"] });
    const b1 = m.bootstrap({ R: 60, seed: 5, parameters: "all" });
    const b2 = m.bootstrap({ R: 60, seed: 5, parameters: "all" });
    expect(b1.rows.map((r) => r.boot_se)).to.deep.equal(b2.rows.map((r) => r.boot_se));
    expect(b1.failed).to.equal(0);
    const pe = m.parameterEstimates().rows.filter((r) => r.free > 0);
    expect(b1.rows.length).to.equal(pe.length);
    // Bootstrap SEs of the free parameters are of the size of lavaan's standard errors.
    const x1 = b1.rows.find((r) => r.lhs === "x1" && r.op === "~~")!;
    const se = m.parameterEstimates().find("x1", "~~", "x1", 1)!.se;
    expect(x1.boot_se / se).to.be.within(0.5, 2);
    expect(x1.ci_lower).to.be.below(x1.est);
    expect(x1.ci_upper).to.be.above(x1.est);
  });
});
