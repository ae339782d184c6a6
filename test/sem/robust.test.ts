/**
 * Robust ML against lavaan 0.6.14 (test/goldens/sem-robust.R → sem-robust.json): MLM and MLR on
 * HolzingerSwineford1939 (also with covariates and by school), MLR on PoliticalDemocracy and bfi,
 * FIML's robust measures and FIML + MLR on bfi; every fit measure lavaan reports (.scaled,
 * .robust, scaling factors), estimates and robust SEs, std.all; scaled difference tests
 * (Satorra–Bentler 2001 and 2010). Tolerance: 1e-4 relative to max(|lavaan|, 0.01).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { cfa, sem, lavTestLRT, type SemFit } from "../../src/sem";
import { GOLDEN_DIR, errorOf, readCsvMixed } from "./helpers";

const J: any = JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, "sem-robust.json"), "utf8"));
const data: Record<string, Record<string, unknown>[]> = {
  hs: readCsvMixed("sem-hs-school.csv"),
  pd: readCsvMixed("sem-poldem.csv"),
  bfi: readCsvMixed("bfi.csv", path.join(__dirname, "..", "..", "notebooks", "data")),
};

function close(ours: number, ref: number | null, what: string, tol = 1e-4, scale = 0): void {
  if (ref === null || ref === undefined) {
    expect(Number.isNaN(ours) || ours === 0, `${what}: lavaan NA, ours ${ours}`).to.equal(true);
    return;
  }
  expect(Math.abs(ours - ref) / Math.max(Math.abs(ref), scale, 0.01), `${what}: ours ${ours} vs lavaan ${ref}`).to.be.below(tol);
}

const fits = new Map<string, SemFit>();
function fitFor(name: string): SemFit {
  if (!fits.has(name)) {
    const g = J.fits[name];
    const o = g.options;
    const fn = g.fun === "sem" ? sem : cfa;
    fits.set(
      name,
      fn(g.model, data[g.data] as never, {
        ...(o.estimator ? { estimator: o.estimator } : {}),
        ...(o.missing ? { missing: o.missing } : {}),
        ...(o.group ? { group: o.group, groupEqual: o.group_equal } : {}),
      }),
    );
  }
  return fits.get(name)!;
}

describe("sem: robust ML (MLR, MLM) against lavaan 0.6.14", () => {
  for (const name of Object.keys(J.fits)) {
    const g = J.fits[name];
    describe(name, () => {
      it("estimates and robust standard errors", () => {
        const fit = fitFor(name);
        expect(fit.converged).to.equal(true);
        const pe = fit.parameterEstimates().rows;
        for (const r of g.pe) {
          const o = pe.find((x) => x.lhs === r.lhs && x.op === r.op && x.rhs === r.rhs && x.group === (r.group ?? 1))!;
          const key = `${name} ${r.lhs}${r.op}${r.rhs} g${r.group ?? 1}`;
          close(o.est, r.est, `${key} est`);
          close(o.se, r.se, `${key} se`);
          close(o.ci_lower, r["ci.lower"], `${key} ci.lower`, 1e-4, Math.abs(r.est));
        }
      });
      it("std.all with robust delta-method SEs", () => {
        const ss = fitFor(name).standardizedSolution().rows;
        for (const r of g.std_all) {
          const o = ss.find((x) => x.lhs === r.lhs && x.op === r.op && x.rhs === r.rhs && x.group === (r.group ?? 1))!;
          close(o.est_std, r["est.std"], `${name} std ${r.lhs}${r.op}${r.rhs}`);
          close(o.se, r.se ?? 0, `${name} std se ${r.lhs}${r.op}${r.rhs}`);
        }
      });
      it("every fit measure lavaan reports, in lavaan's order", () => {
        const fm = fitFor(name).fitMeasures();
        expect(fm.shown).to.deep.equal(g.fit_names);
        const obj = fm.toObject();
        for (const [k, v] of Object.entries<number | null>(g.fit)) close(obj[k], v, `${name} ${k}`);
      });
    });
  }
});

describe("sem: scaled difference tests (lavTestLRT) against lavaan", () => {
  const hs = data.hs;
  const HS = J.fits.hs_mlr.model;
  const mk = (estimator: string, groupEqual: string[]) => cfa(HS, hs, { estimator, group: "school", groupEqual });
  const check = (t: ReturnType<typeof lavTestLRT>, ref: any) => {
    t.rows.forEach((r, i) => {
      expect(r.Df).to.equal(ref.Df[i]);
      close(r.Chisq, ref.Chisq[i], `Chisq ${i}`);
      if (i === 0) return;
      close(r["Chisq diff"], ref.Chisq_diff[i], `Chisq diff ${i}`);
      expect(r["Df diff"]).to.equal(ref.Df_diff[i]);
      close(r["Pr(>Chisq)"], ref.p[i], `p ${i}`);
    });
  };
  const mlr = [mk("MLR", []), mk("MLR", ["loadings"]), mk("MLR", ["loadings", "intercepts"])];
  const mlm = [mk("MLM", []), mk("MLM", ["loadings"])];
  it("MLR: Satorra–Bentler 2001 (default) and 2010", () => {
    const t = lavTestLRT(...mlr);
    expect(t.scaled).to.equal(true);
    expect(t.method).to.equal("satorra.bentler.2001");
    check(t, J.lrt.mlr_2001);
    check(lavTestLRT(...mlr, { method: "satorra.bentler.2010" }), J.lrt.mlr_2010);
    expect(t.summary()).to.contain("Scaled Chi-Squared Difference Test");
  });
  it("MLM: Satorra–Bentler 2001 and 2010", () => {
    check(lavTestLRT(...mlm), J.lrt.mlm_2001);
    check(lavTestLRT(...mlm, { method: "satorra.bentler.2010" }), J.lrt.mlm_2010);
  });
  it("refuses a mix of scaled and standard tests; a method without robust fits falls back with a warning", () => {
    expect(errorOf(() => lavTestLRT(mlr[0], cfa(HS, hs, { group: "school", groupEqual: "loadings" }))).code).to.equal("sem.lrt-mixed");
    const t = lavTestLRT(cfa(HS, hs, { group: "school" }), cfa(HS, hs, { group: "school", groupEqual: "loadings" }), { method: "satorra.bentler.2010" });
    expect(t.warnings.map((w) => w.code)).to.include("sem.lrt-standard");
  });
});

describe("sem: robust options", () => {
  const hs = data.hs;
  const HS = J.fits.hs_mlr.model;
  it("lavaan's spellings: estimator mlr, se robust, test sb; MLM refuses missing = ml; moments input refused", () => {
    const a = cfa(HS, hs, { estimator: "mlr" });
    expect(a.isScaled()).to.equal(true);
    const b = cfa(HS, hs, { se: "robust", test: "sb" });
    close(b.fitMeasures("chisq.scaled")["chisq.scaled"], J.fits.hs_mlm.fit["chisq.scaled"], "ML + robust.sem + SB = MLM");
    expect(errorOf(() => cfa(HS, hs, { estimator: "MLM", missing: "ml" })).message).to.contain("complete data");
    const cov = {
      cov: [
        [1, 0.5, 0.4],
        [0.5, 1, 0.3],
        [0.4, 0.3, 1],
      ],
      n: 100,
      names: ["x1", "x2", "x3"],
    };
    expect(errorOf(() => cfa("f =~ x1 + x2 + x3", cov, { estimator: "MLR" })).message).to.contain("raw data");
    expect(errorOf(() => cfa(HS, hs, { estimator: "WLSMV" })).code).to.equal("options.unsupported");
    expect(errorOf(() => cfa(HS, hs).fitMeasures("cfi.robust")).message).to.contain("scaled");
  });
  it("summary shows the robust column like lavaan", () => {
    const s = fitFor("hs_mlr").summary({ fitMeasures: true });
    expect(s).to.contain("Yuan-Bentler correction (Mplus variant)");
    expect(s).to.contain("Robust Comparative Fit Index (CFI)");
    expect(s).to.contain("Sandwich");
  });
});
