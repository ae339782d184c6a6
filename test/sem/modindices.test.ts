/**
 * Modification indices and score tests against lavaan 0.6.14 (test/goldens/sem-mi.R → sem-mi.json):
 * HolzingerSwineford1939 CFA (all rows; sorted with minimum.value = 1; orthogonal std.lv; mean
 * structure; power), PoliticalDemocracy SEM (all rows; MI > 1), a model with exogenous covariates
 * (fixed.x), a two-group metric model; lavTestScore of the scalar model (joint, univariate,
 * cumulative, release), of a std.lv metric model and of PoliticalDemocracy's labelled equalities;
 * FIML fits on bfi (two factors, five factors with MI > 1, covariates, two groups by gender, and
 * the score tests of a scalar model by gender).
 * Tolerance: 1e-4 relative, measured against max(|lavaan|, 1) for mi and X² (χ² units) and
 * max(|lavaan|, 0.1) for epc and sepc.*: lavaan stops at a gradient of ~1e-6 (ours ~1e-8), which
 * moves a near-zero MI in its fifth digit. Plugged into lavaan (start = our estimates,
 * do.fit = FALSE), lavaan's modindices() reproduces ours to 12 digits (checked for
 * PoliticalDemocracy dem60 =~ y8, epc −0.0118676064745). lavaan's FIML fits stop earlier still (its
 * nlminb on the FIML objective): their MIs and EPCs are compared at 5e-4 (largest deviation 2.0e-4,
 * bfi five factors O =~ E1); plugged in, lavaan gives ours to 12 digits (A =~ E1 mi 46.5422837349;
 * the gender model's C =~ C1 mi 1.31400841124, epc 0.0948525723031).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { cfa, sem, modindices, lavTestScore, type SemFit } from "../../src/sem";
import { GOLDEN_DIR, errorOf, readCsvMixed } from "./helpers";

const J: any = JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, "sem-mi.json"), "utf8"));
const hs = readCsvMixed("sem-hs-school.csv");
const data: Record<string, Record<string, unknown>[]> = {
  "sem-hs-school.csv": hs,
  "sem-poldem.csv": readCsvMixed("sem-poldem.csv"),
  "bfi.csv": readCsvMixed("bfi.csv", path.join(__dirname, "..", "..", "notebooks", "data")),
};

function close(ours: number, ref: number | null, what: string, tol = 1e-4, scale = 0.1): void {
  if (ref === null || ref === undefined) {
    expect(Number.isNaN(ours), `${what}: lavaan NA, ours ${ours}`).to.equal(true);
    return;
  }
  expect(Math.abs(ours - ref) / Math.max(Math.abs(ref), scale), `${what}: ours ${ours} vs lavaan ${ref}`).to.be.below(tol);
}

function fitOf(g: any): SemFit {
  const o = g.options ?? {};
  const input = g.data ? data[g.data] : hs;
  const fn = g.fun === "sem" ? sem : cfa;
  return fn(g.model, input as never, {
    ...(o.group ? { group: o.group, groupEqual: o.group_equal } : {}),
    stdLv: !!o.std_lv,
    orthogonal: !!o.orthogonal,
    meanstructure: o.meanstructure,
    ...(o.missing ? { missing: o.missing } : {}),
  });
}

describe("sem: modindices against lavaan 0.6.14", () => {
  for (const name of Object.keys(J.mi)) {
    const g = J.mi[name];
    it(`${name}: same rows in the same order; mi, epc, sepc.lv, sepc.all, sepc.nox${g.power ? ", power" : ""}`, () => {
      const fit = fitOf(g);
      const opts = name.endsWith("_mi1") ? { minimumValue: 1, sort: name === "hs_mi1" } : g.power ? { power: true } : {};
      const mi = modindices(fit, opts);
      const ref = g.mi;
      expect(mi.rows.map((r) => `${r.lhs}${r.op}${r.rhs}${r.group}`)).to.deep.equal(
        ref.lhs.map((l: string, i: number) => `${l}${ref.op[i]}${ref.rhs[i]}${ref.group ? ref.group[i] : 1}`),
      );
      const tol = g.options?.missing ? 5e-4 : 1e-4;
      mi.rows.forEach((r, i) => {
        const key = `${name} ${r.lhs}${r.op}${r.rhs} g${r.group}`;
        close(r.mi, ref.mi[i], `${key} mi`, tol, 1);
        close(r.epc, ref.epc[i], `${key} epc`, tol);
        if (g.power) {
          close(r.sepc_all, ref["sepc.all"][i], `${key} sepc.all`);
          close(r.ncp!, ref.ncp[i], `${key} ncp`, 1e-4, 1);
          close(r.power!, ref.power[i], `${key} power`);
          expect(r.decision, `${key} decision`).to.equal(ref.decision[i]);
          return;
        }
        // The epc's tolerance carried through its standardisation factor (sepc / epc).
        for (const [k, col] of [
          ["sepc_lv", "sepc.lv"],
          ["sepc_all", "sepc.all"],
          ["sepc_nox", "sepc.nox"],
        ] as const) {
          const factor = ref.epc[i] ? Math.abs(ref[col][i] / ref.epc[i]) : 1;
          close(r[k], ref[col][i], `${key} ${col}`, tol, 0.1 * factor);
        }
      });
    });
  }
  it("fit.modindices(): sort, minimumValue, maximumNumber, op; renders", () => {
    const fit = fitOf(J.mi.hs);
    const top = fit.modindices({ sort: true, maximumNumber: 3 });
    expect(top.rows.map((r) => `${r.lhs}${r.op}${r.rhs}`)).to.deep.equal(["visual=~x9", "x7~~x8", "visual=~x7"]);
    expect(fit.modindices({ op: "~~", minimumValue: 10 }).rows.map((r) => `${r.lhs}${r.op}${r.rhs}`)).to.deep.equal(["x7~~x8", "x8~~x9"]);
    expect(top.find("x8", "~~", "x7")!.mi).to.be.closeTo(34.145, 1e-3);
    expect(top.summary()).to.contain("sepc.all");
    expect(errorOf(() => fit.modindices({ minimum: 3 } as never)).code).to.equal("options.unknown");
  });
});

describe("sem: lavTestScore against lavaan 0.6.14", () => {
  for (const name of Object.keys(J.score)) {
    const g = J.score[name];
    it(`${name}: total, univariate${g.cumulative ? " and cumulative" : ""} score tests`, () => {
      const t = lavTestScore(fitOf(g), { ...(g.release ? { release: g.release } : {}), cumulative: !!g.cumulative });
      close(t.test.X2, g.test.X2, `${name} total X²`, 1e-4, 1);
      expect(t.test.df).to.equal(g.test.df);
      expect(t.uni.map((r) => `${r.lhs}==${r.rhs}`)).to.deep.equal(g.uni.lhs.map((l: string, i: number) => `${l}==${g.uni.rhs[i]}`));
      t.uni.forEach((r, i) => close(r.X2, g.uni.X2[i], `${name} uni ${r.lhs}==${r.rhs}`, 1e-4, 1));
      if (g.cumulative) {
        expect(t.cumulative.map((r) => r.lhs)).to.deep.equal(g.cumulative.lhs);
        t.cumulative.forEach((r, i) => close(r.X2, g.cumulative.X2[i], `${name} cumulative ${i}`, 1e-4, 1));
      }
    });
  }
  it("explains the constraints and refuses models without any", () => {
    const fit = fitOf(J.score.scalar);
    const t = lavTestScore(fit);
    expect(t.uni[8].parameter).to.equal("x3 ~1 (Pasteur = Grant-White)");
    expect(t.summary()).to.contain("Total score test");
    expect(errorOf(() => lavTestScore(fitOf(J.mi.hs))).code).to.equal("sem.no-constraints");
    expect(errorOf(() => lavTestScore(fit, { release: [99] })).message).to.contain("99");
  });
});
