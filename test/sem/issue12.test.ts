/**
 * Issue 12 ("No silent wrong result"), SEM part: every test here failed on the code before the
 * fix (the comment names the issue item). The lavaan numbers for items 3 and 4 are in
 * hard-goldens.test.ts.
 */
import { expect } from "chai";
import { cfa, sem } from "../../src/sem";
import { errorOf, readCsv } from "./helpers";

const hs = readCsv("sem-hs.csv");
const hsCov = readCsv("sem-hs-cov.csv");
const HS = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";

describe("sem: issue 12 item 2 — options are validated, never ignored", () => {
  // Before: each of these returned a plain single-group listwise ML fit.
  for (const [name, value, code] of [
    ["estimator", "MLMV", "options.unsupported"],
    ["estimator", "wlsmv", "options.unsupported"],
    ["se", "robust.cluster", "options.unsupported"],
    ["test", "scaled.shifted", "options.unsupported"],
    ["missing", "pairwise", "options.unsupported"],
    ["missing", "two.stage", "options.unsupported"],
    ["group.equal", ["thresholds"], "options.bad-value"],
    ["bootstrap", 1000, "options.bad-value"], // without se: "bootstrap"
    ["mimic", "Mplus", "options.unsupported"],
    ["cluster", "school", "options.unsupported"],
    ["sampling.weights", "w", "options.unsupported"],
    ["ordered", ["x1"], "options.unsupported"],
    ["auto.fix.first", false, "options.unsupported"],
    ["estimator", "MLX", "options.bad-value"],
    ["stdlv", true, "options.unknown"],
    ["orthogonal", "yes", "options.bad-value"],
    ["auto.var", false, "options.bad-value"],
  ] as const) {
    it(`${name}: ${JSON.stringify(value)} is an error (${code})`, () => {
      const e = errorOf(() => cfa(HS, hs, { [name]: value } as never));
      expect(e.code).to.equal(code);
      expect(e.message).to.contain(name === "stdlv" ? "stdlv" : name);
      expect(e.hint, "a hint says what to write").to.be.a("string").and.not.equal("");
    });
  }

  it("lavaan's spellings and case are accepted: estimator 'ml', se 'Standard', std.lv, fixed.x, missing 'listwise'", () => {
    const a = cfa(HS, hs, { estimator: "ml", se: "Standard", test: "STANDARD", missing: "listwise", "std.lv": true });
    const b = cfa(HS, hs, { stdLv: true });
    expect(a.fitMeasures().chisq).to.be.closeTo(b.fitMeasures().chisq, 1e-9);
    expect(errorOf(() => cfa(HS, hs, { stdLv: true, "std.lv": true })).code).to.equal("options.duplicate");
    expect(errorOf(() => cfa(HS, hs, { stdlv: true } as never)).hint).to.contain("stdLv");
  });

  it("missing-value codes moved to naValues; an array given to missing points there", () => {
    const coded = hs.map((r, i) => (i < 5 ? { ...r, x1: 99 } : r));
    const e = errorOf(() => cfa(HS, coded, { missing: [99] } as never));
    expect(e.message).to.contain("naValues");
    expect(e.hint).to.contain("naValues: [99]");
    const fit = cfa(HS, coded, { naValues: [99] });
    expect(fit.n).to.equal(296);
    expect(fit.dropped).to.equal(5);
  });

  it("orthogonal: true fixes the factor covariances at zero (before: ignored)", () => {
    const fit = cfa(HS, hs, { orthogonal: true });
    const cov = fit.parameterEstimates().find("visual", "~~", "textual")!;
    expect(cov.est).to.equal(0);
    expect(cov.free).to.equal(0);
    expect(fit.fitMeasures().df).to.equal(27);
  });

  it('se: "none" and test: "none" are honoured', () => {
    const fit = cfa(HS, hs, { se: "none", test: "none" });
    const pe = fit.parameterEstimates().find("visual", "=~", "x2")!;
    expect(pe.est).to.be.closeTo(0.5535, 1e-4);
    expect(Number.isNaN(pe.se)).to.equal(true);
    expect(errorOf(() => fit.fitMeasures()).code).to.equal("sem.no-fit-measures");
    expect(fit.summary()).to.not.contain("Test statistic");
  });

  it("std.ov needs raw data (lavaan silently ignores it with moments)", () => {
    const names = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"];
    const n = hs.length;
    const m = names.map((v) => hs.reduce((s, r) => s + r[v], 0) / n);
    const cov = names.map((a, i) => names.map((b, j) => hs.reduce((s, r) => s + (r[a] - m[i]) * (r[b] - m[j]), 0) / (n - 1)));
    expect(errorOf(() => cfa(HS, { cov, n, names }, { stdOv: true })).code).to.equal("options.unsupported");
  });

  it("the methods validate their options too", () => {
    const fit = cfa(HS, hs);
    expect(fit.fitMeasures("CFI").cfi).to.be.closeTo(0.931, 1e-3); // lavaan lower-cases names
    expect(errorOf(() => fit.fitMeasures(["cfi", "cfii"])).message).to.contain('"cfii"');
    expect(errorOf(() => fit.fitMeasures("wrmr")).code).to.equal("options.unsupported");
    expect(fit.fitMeasures("crmr").crmr).to.be.closeTo(0.0726, 1e-3);
    expect(errorOf(() => fit.fitMeasures("cfi.robust")).code).to.equal("options.unsupported");
    const lvl = errorOf(() => fit.parameterEstimates({ level: 95 }));
    expect(lvl.hint).to.contain("0.95");
    expect(errorOf(() => fit.parameterEstimates({ standardised: true } as never)).hint).to.contain("standardized");
    expect(errorOf(() => fit.standardizedSolution({ type: "std.none" as never })).code).to.equal("options.bad-value");
    expect(errorOf(() => fit.diagram({ values: "stdall" as never })).message).to.contain("std.all");
    expect(errorOf(() => fit.summary({ fitmeasures: true } as never)).hint).to.contain("fitMeasures");
  });

  it("bootstrap: R and seed are checked (seed 1.5 was silently 1)", () => {
    const m = sem("M ~ a*X\nY ~ b*M + X\nind := a*b", readCsv("sem-med.csv"));
    expect(errorOf(() => m.bootstrap({ R: 10, seed: 1.5 })).code).to.equal("options.bad-value");
    expect(errorOf(() => m.bootstrap({ R: 10, seed: -1 })).message).to.contain("4294967295");
    expect(errorOf(() => m.bootstrap({ R: 10.5, seed: 1 })).message).to.contain("whole number");
    expect(errorOf(() => m.bootstrap({ R: 10, seed: 1, parameters: "some" as never })).message).to.contain("defined");
    expect(m.bootstrap({ R: 20, seed: 7 }).R).to.equal(20);
  });
});

describe("sem: issue 12 item 3 — harder problems", () => {
  it("non-convergence is reported with iterations and gradient; no SEs or fit measures are shown", () => {
    const fit = cfa(HS, hs, { maxIter: 2 });
    expect(fit.converged).to.equal(false);
    expect(fit.gradient).to.be.above(1e-8);
    const w = fit.warnings.find((x) => x.code === "sem.not-converged")!;
    expect(w.message).to.contain("2 iterations");
    expect(w.message).to.contain("gradient");
    expect(Number.isNaN(fit.parameterEstimates().find("visual", "=~", "x2")!.se)).to.equal(true);
    expect(errorOf(() => fit.fitMeasures()).code).to.equal("sem.no-fit-measures");
    expect(fit.summary()).to.contain("did NOT converge");
    expect(fit.toHTML()).to.contain("NOT converged");
  });

  it("an indicator ×100 is fitted (before: a false 'not identified … x1~~x1, visual~~visual')", () => {
    const fit = cfa(
      HS,
      hs.map((r) => ({ ...r, x1: r.x1 * 100 })),
    );
    expect(fit.converged).to.equal(true);
    expect(fit.fitMeasures().chisq).to.be.closeTo(85.306, 1e-3);
  });

  it("the equal-intercepts Heywood case converges with lavaan's warning (before: 500-iteration stop)", () => {
    const fit = cfa(HS + "\nx1 ~ a*1\nx2 ~ a*1\nx3 ~ a*1", hs);
    expect(fit.converged).to.equal(true);
    expect(fit.fitMeasures().chisq).to.be.closeTo(872.266, 1e-3);
    const w = fit.warnings.find((x) => x.code === "sem.heywood")!;
    expect(w.message).to.contain("some estimated ov variances are negative");
    expect(w.message).to.contain('"x1"');
  });

  it("a latent covariance matrix that is not positive definite is a warning, as lavaan's", () => {
    // Cross-factor correlations (.6) above the within-factor ones (.5): the estimated r(f, g) is 1.2.
    const R = [
      [1, 0.5, 0.6, 0.6],
      [0.5, 1, 0.6, 0.6],
      [0.6, 0.6, 1, 0.5],
      [0.6, 0.6, 0.5, 1],
    ];
    const fit = cfa("f =~ a1 + a2\ng =~ b1 + b2", { cov: R, n: 200, names: ["a1", "a2", "b1", "b2"] }, { stdLv: true });
    expect(fit.converged).to.equal(true);
    expect(fit.parameterEstimates().find("f", "~~", "g")!.est).to.be.closeTo(1.2, 1e-6);
    const w = fit.warnings.find((x) => x.code === "sem.lv-not-pd")!;
    expect(w.message).to.contain("r(f, g) = 1.200");
  });
});

describe("sem: issue 12 item 5 — model syntax", () => {
  it("deep parentheses and a 10,000-term definition are syntax errors (before: RangeError: Maximum call stack size exceeded)", () => {
    const deep = `${HS}\nd := ${"(".repeat(5000)}1${")".repeat(5000)}`;
    expect(errorOf(() => cfa(deep, hs)).code).to.equal("sem.syntax");
    const long = `visual =~ x1 + a*x2 + x3\nbig := ${Array(10000).fill("a").join(" + ")}`;
    const e = errorOf(() => cfa(long, hs));
    expect(e.code).to.equal("sem.syntax");
    expect(e.message).to.contain("terms");
    const minus = `${HS}\nd := ${"-".repeat(20000)}1`;
    expect(errorOf(() => cfa(minus, hs)).code).to.equal("sem.syntax");
  });

  it("NaN*, Inf*, Infinity* and numbers beyond double range are errors (before: a label 'NaN', an equality constraint)", () => {
    for (const m of [
      "f =~ x1 + NaN*x2 + x3",
      "f =~ x1 + Infinity*x2 + Infinity*x3",
      "f =~ x1 + Inf*x2 + x3",
      "f =~ x1 + 1e400*x2 + x3",
      'f =~ x1 + label("NaN")*x2 + x3',
    ]) {
      const e = errorOf(() => cfa(m, hs));
      expect(e.code, m).to.equal("sem.syntax");
      expect(e.message, m).to.match(/line 1, column \d+/);
    }
  });

  it('"a + b == 1" is not silently read as "a == 1" (before: the second label was dropped)', () => {
    const e = errorOf(() => cfa("visual =~ x1 + a*x2 + b*x3\na + b == 1", hs));
    expect(e.code).to.equal("sem.unsupported");
    expect(e.message).to.contain("line 2");
  });

  it("a latent variable named like a data column is refused, as lavaan (before: the column was silently replaced)", () => {
    const e = errorOf(() => cfa("x4 =~ x1 + x2 + x3", hs));
    expect(e.code).to.equal("sem.latent-name");
    expect(e.message).to.contain('"x4"');
    expect(e.hint).to.contain("checkLvNames");
    // lavaan's check.lv.names = FALSE: a column the model does not use may share the name.
    expect(cfa("x4 =~ x1 + x2 + x3", hs, { "check.lv.names": false }).converged).to.equal(true);
  });

  it("a defined parameter undefined at the estimates is warned on its row and shown as NA (before: NaN with converged: true)", () => {
    const fit = sem("x4 ~ a*x1 + b*x2\nq := sqrt(-1*a*b)", hs);
    const row = fit.parameterEstimates().find("q")!;
    expect(Number.isNaN(row.est)).to.equal(true);
    const w = fit.warnings.find((x) => x.code === "sem.defined-undefined")!;
    expect(w.message).to.contain("q := sqrt(-1*a*b)");
    const text = fit.parameterEstimates().summary();
    expect(text).to.contain("NA");
    expect(text).to.contain("q := sqrt(-1*a*b): undefined at the estimates");
    expect(fit.summary()).to.not.contain("NaN");
    expect(fit.toHTML()).to.contain("undefined at the estimates");
  });

  it("a saturated model shows p as not applicable, not NaN", () => {
    const fit = sem("x4 ~ x1 + x2", hs);
    expect(fit.fitMeasures().df).to.equal(0);
    expect(fit.info().join(" ")).to.contain("p not applicable");
    expect(fit.summary()).to.not.contain("NaN");
    expect(fit.fitMeasures(["chisq", "df", "pvalue"]).summary()).to.match(/pvalue.*NA/);
    expect(fit.toHTML()).to.not.contain("NaN");
  });
});

describe("sem: issue 12 item 4/6 — covariates and moments input", () => {
  it("with fixed.x = FALSE the covariates' covariance is estimated (before: npar 28, χ² 114.44)", () => {
    const m = `${HS}\nvisual ~ sex + ageyr\ntextual ~ sex + ageyr\nspeed ~ ageyr`;
    const fm = sem(m, hsCov, { fixedX: false }).fitMeasures();
    expect(fm.npar).to.equal(29);
    expect(fm.chisq).to.be.closeTo(106.48, 0.01);
    expect(fm["baseline.chisq"]).to.be.closeTo(989.908, 1e-3);
    expect(fm["baseline.df"]).to.equal(54);
    const fixed = sem(m, hsCov).fitMeasures();
    expect(fixed.gfi).to.be.closeTo(0.92978, 1e-5); // before: .9417
    expect(fixed.agfi).to.be.closeTo(0.87475, 1e-5); // before: .9007
  });

  it("a NaN mean in a moments input names the variable (before: 'not positive definite at the start values')", () => {
    const cov = [
      [1, 0.3, 0.3],
      [0.3, 1, 0.3],
      [0.3, 0.3, 1],
    ];
    const e = errorOf(() => cfa("f =~ a + b + c\na ~ 1", { cov, means: [0, NaN, 0], n: 100, names: ["a", "b", "c"] }));
    expect(e.message).to.contain('"b"');
    expect(e.code).to.equal("sem.moments");
  });

  it("n not larger than the number of variables is an error (before: it fitted)", () => {
    const cov = [
      [1, 0.3, 0.3],
      [0.3, 1, 0.3],
      [0.3, 0.3, 1],
    ];
    const e = errorOf(() => cfa("f =~ a + b + c", { cov, n: 3, names: ["a", "b", "c"] }));
    expect(e.message).to.contain("n = 3");
    expect(e.message).to.contain("3 observed variables");
  });
});
