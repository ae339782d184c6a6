/**
 * Full-information ML against lavaan 0.6.14 (test/goldens/sem-fiml.R → sem-fiml.json) on psych's
 * bfi (2,800 respondents, 364 with missing items): the five-factor CFA (observed-information SEs,
 * lavaan's default, and expected), two factors by gender with equal loadings, and a regression on
 * covariates with missing values (rows deleted, as lavaan). Estimates, SEs, std.all, every
 * standard fit measure (FIML log-likelihoods, baseline, GFI on lavaan's pairwise moments), N.
 * Tolerance: 1e-4 relative to max(|lavaan|, 0.01).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { cfa, sem, type SemFit } from "../../src/sem";
import { GOLDEN_DIR, errorOf, readCsvMixed } from "./helpers";

const J: any = JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, "sem-fiml.json"), "utf8"));
const bfi = readCsvMixed("bfi.csv", path.join(__dirname, "..", "..", "notebooks", "data"));

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
    const g = J[name];
    const o = g.options;
    const fn = g.fun === "sem" ? sem : cfa;
    fits.set(
      name,
      fn(g.model, bfi, {
        missing: o.missing,
        ...(o.information ? { information: o.information } : {}),
        ...(o.group ? { group: o.group, groupEqual: o.group_equal } : {}),
      }),
    );
  }
  return fits.get(name)!;
}

describe('sem: FIML (missing = "ml") against lavaan 0.6.14 on bfi', () => {
  for (const name of Object.keys(J)) {
    const g = J[name];
    describe(name, () => {
      it("N per group as lavaan (cases with any observed value; rows missing a covariate deleted)", () => {
        const fit = fitFor(name);
        expect(fit.converged).to.equal(true);
        expect(fit.groupN).to.deep.equal([g.nobs].flat());
        if (name === "covariates") expect(fit.warnings.map((w) => w.code)).to.include("sem.fiml-dropped-x");
      });
      it("estimates, SEs (observed information by default), z and CIs", () => {
        const pe = fitFor(name).parameterEstimates().rows;
        for (const r of g.pe) {
          const o = pe.find((x) => x.lhs === r.lhs && x.op === r.op && x.rhs === r.rhs && x.group === (r.group ?? 1))!;
          const key = `${name} ${r.lhs}${r.op}${r.rhs} g${r.group ?? 1}`;
          close(o.est, r.est, `${key} est`);
          close(o.se, r.se, `${key} se`);
          if (r.z !== null) close(o.z, r.z, `${key} z`, 2e-4);
          close(o.ci_lower, r["ci.lower"], `${key} ci.lower`, 1e-4, Math.abs(r.est));
        }
      });
      it("std.all", () => {
        const ss = fitFor(name).standardizedSolution().rows;
        for (const r of g.std_all) {
          const o = ss.find((x) => x.lhs === r.lhs && x.op === r.op && x.rhs === r.rhs && x.group === (r.group ?? 1))!;
          close(o.est_std, r["est.std"], `${name} std ${r.lhs}${r.op}${r.rhs}`);
          close(o.se, r.se ?? 0, `${name} std se ${r.lhs}${r.op}${r.rhs}`);
        }
      });
      it("fit measures: χ² (per group), FIML log-likelihoods, baseline, CFI/TLI, RMSEA, SRMR, GFI", () => {
        const fit = fitFor(name);
        const fm = fit.fitMeasures().toObject();
        for (const [k, v] of Object.entries<number | null>(g.fit)) close(fm[k], v, `${name} ${k}`);
        fit.chisqGroups().forEach((c, k) => close(c, [g.chisq_group].flat()[k], `${name} χ² group ${k + 1}`));
      });
    });
  }
  it("the issue's numbers: bfi five factors, N = 2,800, χ² = 4,674.263, CFI .776", () => {
    const fm = fitFor("big5").fitMeasures(["chisq", "cfi"]);
    expect(fitFor("big5").n).to.equal(2800);
    expect(fm.chisq.toFixed(3)).to.equal("4674.263");
    expect(fm.cfi.toFixed(3)).to.equal("0.776");
  });
});

describe("sem: FIML bad inputs", () => {
  const two = "A =~ A1 + A2 + A3 + A4 + A5\nC =~ C1 + C2 + C3 + C4 + C5";
  it("a variable missing in every row names the variable", () => {
    const data = bfi.map((r) => ({ ...r, C3: null }));
    const e = errorOf(() => cfa(two, data, { missing: "ml" }));
    expect(e.code).to.equal("sem.fiml-empty-variable");
    expect(e.message).to.contain('"C3"');
  });
  it("FIML needs raw data and the normal likelihood; ml.x with covariates is refused; rows with nothing observed are dropped", () => {
    expect(errorOf(() => cfa(two, { cov: [[1]], n: 10, names: ["A1"] }, { missing: "ml" })).message).to.contain("raw data");
    expect(errorOf(() => cfa(two, bfi, { missing: "ml", likelihood: "wishart" })).code).to.equal("options.bad-value");
    expect(errorOf(() => sem("N =~ N1 + N2 + N3 + N4 + N5\nN ~ age", bfi, { missing: "ml.x" })).code).to.equal("options.unsupported");
    const empty = bfi.slice(0, 400).map((r, i) => (i < 3 ? Object.fromEntries(Object.entries(r).map(([k, v]) => [k, /^[AC]\d$/.test(k) ? null : v])) : r));
    const fit = cfa(two, empty, { missing: "ml" });
    expect(fit.n).to.equal(397);
    expect(fit.warnings.map((w) => w.code)).to.include("sem.fiml-dropped-empty");
  });
  it("listwise deletion stays the default (bfi loses 364 rows)", () => {
    const fit = cfa(J.big5.model, bfi);
    expect(fit.n).to.equal(2436);
    expect(fit.dropped).to.equal(364);
  });
  it("bootstrap() of a FIML fit resamples the incomplete cases and refits by FIML", () => {
    const sub = bfi.slice(0, 500);
    const fit = sem(`${two}\nA ~~ r*C\nrr := r*1`, sub, { missing: "ml" });
    const b = fit.bootstrap({ R: 40, seed: 3 });
    expect(b.failed).to.equal(0);
    expect(b.rows).to.have.length(1);
    const se = fit.parameterEstimates().find("rr")!.se;
    expect(b.rows[0].boot_se / se).to.be.within(0.5, 2);
    expect(fit.bootstrap({ R: 40, seed: 3 }).rows[0].ci_lower).to.equal(b.rows[0].ci_lower);
  });
});
