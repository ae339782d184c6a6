/**
 * The SEM findings of the independent QA sweep against lavaan 0.6.14 (test/goldens/sem-qa.R →
 * sem-qa.json): equal("lhs op rhs") (item 2: the constraint was dropped), lavaan's zero SEs in
 * standardizedSolution (item 5: z = 3e11 for fixed standardized values), R² NA for a negative
 * residual variance (11c), every fitMeasures() name (rmr, crmr, srmr_mplus families), std.nox,
 * lavInspect()'s model matrices and moments, inequality constraints, reliability() on a Heywood
 * case, and se = "bootstrap" with lavaan's boot.ci.type intervals (exact on lavaan's own draws).
 *
 * Not changed, by design (lavaan anomalies the sweep found, items 10b and 10c): lavaan's baseline
 * χ² of the PSID1976 path model (variances 10 vs 7.6e5) is larger than the χ² of the more
 * restricted diagonal model — lavaan's iterative baseline fit fails there, pathlab's closed form
 * (log|diag S| − log|S|) is right, so its CFI/TLI differ from lavaan's; and with std.ov = TRUE and
 * exogenous covariates lavaan's logl (+5201) exceeds its unrestricted logl, which is impossible —
 * pathlab's logl is the likelihood of the standardised data. The last test pins both.
 *
 * Tolerance: 1e-4 relative to max(|lavaan|, 0.01) (iterative estimates); NA in lavaan must be NaN here.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { cfa, sem, type SemFit } from "../../src/sem";
import { bootIntervals } from "../../src/sem/boot-ci";
import { lavTestScore } from "../../src/sem/score-test";
import type { BootDraws } from "../../src/sem/bootstrap";
import { freeParamNames } from "../../src/sem/state";
import { GOLDEN_DIR, errorOf, readCsv, readCsvMixed } from "./helpers";

const J: any = JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, "sem-qa.json"), "utf8"));
const data: Record<string, Record<string, unknown>[]> = {
  hs: readCsvMixed("sem-hs-school.csv"),
  pd: readCsv("sem-poldem.csv"),
  med: readCsv("sem-med.csv"),
  attitude: readCsv("sem-qa-attitude.csv"),
  mtcars: readCsv("sem-qa-mtcars.csv"),
};

/**
 * Looser tolerances where lavaan's optimiser stops short: with the bound "v > 0.05" active,
 * lavaan's nlminb.constr ends at χ² 18.01941486, above the constrained optimum 18.01941452 that
 * pathlab reaches and that lavaan itself reaches with the variance fixed at 0.05
 * (attitude_fixed_at_bound, compared at the default 1e-4); p-values then differ by 3e-4.
 */
const TOL: Record<string, number> = { attitude_bound: 1e-3 };

function close(ours: number, lav: number | null | undefined, what: string, rel = TOL[what.split(" ")[0]] ?? 1e-4): void {
  if (lav === null || lav === undefined) {
    expect(Number.isNaN(ours), `${what}: lavaan NA, pathlab ${ours}`).to.equal(true);
    return;
  }
  expect(ours, what).to.be.closeTo(lav, rel * Math.max(Math.abs(lav), 0.01));
}

const fits = new Map<string, SemFit>();
function fitFor(name: string): SemFit {
  let f = fits.get(name);
  if (!f) {
    const g = J.fits[name];
    const fn = g.kind === "sem" ? sem : cfa;
    f = fn(g.model, data[g.data], Array.isArray(g.options) ? {} : g.options);
    fits.set(name, f);
  }
  return f;
}

type Row = Record<string, any>;
const key = (r: Row) => `${r.lhs} ${r.op} ${r.rhs} ${r.group ?? 1}`;

describe("sem QA: parameter estimates, standardized solutions, fit measures, R² against lavaan", () => {
  for (const name of Object.keys(J.fits)) {
    const g = J.fits[name];
    describe(name, () => {
      it("parameterEstimates(standardized: true): est, se, z, p, CI, std.lv, std.all, std.nox", () => {
        const pe = fitFor(name).parameterEstimates({ standardized: true }).rows;
        const byKey = new Map(pe.map((r) => [`${r.lhs} ${r.op} ${r.rhs} ${r.op === ":=" ? 1 : r.group}`, r]));
        for (const r of g.pe as Row[]) {
          const o = byKey.get(key(r));
          expect(o, key(r)).to.not.equal(undefined);
          // With two active bounds lavaan's covariance has tiny negative variances for them (SE NA); pathlab's is 0.
          if (r.label && r.se === null && (o as Row).se === 0 && fitFor(name).warnings.some((w) => w.code === "sem.bound-active")) continue;
          for (const [k, ok] of [
            ["est", "est"],
            ["se", "se"],
            ["z", "z"],
            ["pvalue", "pvalue"],
            ["ci.lower", "ci_lower"],
            ["ci.upper", "ci_upper"],
            ["std.lv", "std_lv"],
            ["std.all", "std_all"],
            ["std.nox", "std_nox"],
          ])
            close((o as Row)[ok], r[k], `${name} ${key(r)} ${k}`);
        }
      });
      for (const [type, field] of [
        ["std.all", "std_all"],
        ["std.lv", "std_lv"],
        ["std.nox", "std_nox"],
      ] as const)
        it(`standardizedSolution(type: "${type}"): est.std, se, and z/p NA where lavaan's SE is 0`, () => {
          const ss = fitFor(name).standardizedSolution({ type }).rows;
          const byKey = new Map(ss.map((r) => [`${r.lhs} ${r.op} ${r.rhs} ${r.op === ":=" ? 1 : r.group}`, r]));
          for (const r of g[field] as Row[]) {
            const o = byKey.get(key(r))!;
            close(o.est_std, r["est.std"], `${name} ${type} ${key(r)} est.std`);
            // A parameter held at its bound: lavaan's SE is 0 or NA (a tiny negative variance), pathlab's 0.
            if (r.se === null && o.se === 0 && fitFor(name).warnings.some((w) => w.code === "sem.bound-active")) continue;
            close(o.se, r.se, `${name} ${type} ${key(r)} se`);
            close(o.z, r.z, `${name} ${type} ${key(r)} z`);
            close(o.pvalue, r.pvalue, `${name} ${type} ${key(r)} p`);
          }
        });
      it("every fit measure lavaan reports, in lavaan's order", () => {
        const fm = fitFor(name).fitMeasures();
        expect(fm.shown).to.deep.equal(g.fit_names);
        const obj = fm.toObject();
        for (const [k, v] of Object.entries<number | null>(g.fit)) close(obj[k], v, `${name} ${k}`);
      });
      it("R² (NA where the residual variance is negative, as lavaan)", () => {
        const r2 = fitFor(name).inspect("rsquare");
        const parts = "items" in r2 ? r2.items : [r2];
        const lav = fitFor(name).ngroups > 1 ? Object.values(g.rsquare) : [g.rsquare];
        parts.forEach((p, k) => {
          expect(Object.keys(p.values)).to.deep.equal(Object.keys(lav[k] as object));
          for (const [v, x] of Object.entries(lav[k] as Record<string, number | null>)) close(p.values[v], x, `${name} R² ${v}`);
        });
      });
    });
  }

  it('item 2: equal("visual=~x2")*x3 holds the two loadings equal (df 25, χ² 87.97), white space ignored', () => {
    for (const name of ["hs_equal", "hs_equal_spaces"]) {
      const pe = fitFor(name).parameterEstimates();
      expect(pe.find("visual", "=~", "x2")!.est).to.equal(pe.find("visual", "=~", "x3")!.est);
      expect(fitFor(name).fitMeasures().df).to.equal(25);
    }
  });

  it("item 2: equal() naming no parameter, or one with its own label, is an error (lavaan drops it silently)", () => {
    const hs = data.hs;
    expect(errorOf(() => cfa("visual =~ x1 + x2 + equal('visual=~x9')*x3", hs)).message).to.contain("names no parameter");
    expect(errorOf(() => cfa("visual =~ x1 + b*x2 + equal('visual=~x2')*x3", hs)).hint).to.contain('equal("b")');
  });

  it("item 5: fixed standardized values have SE 0 and z/p NA (was z = 3e11)", () => {
    const ss = fitFor("hs").standardizedSolution();
    const v = ss.find("visual", "~~", "visual")!;
    expect(v.est_std).to.equal(1);
    expect(v.se).to.equal(0);
    expect(Number.isNaN(v.z) && Number.isNaN(v.pvalue)).to.equal(true);
    expect(ss.summary()).to.not.match(/\d{9}/);
  });
});

describe("sem QA: lavInspect() against lavaan", () => {
  const compareMatrices = (ours: any, lav: any, what: string) => {
    expect(Object.keys(ours.matrices), `${what} matrices`).to.deep.equal(Object.keys(lav));
    for (const [m, L] of Object.entries<Row>(lav)) {
      const O = ours.matrices[m];
      expect(O.rows, `${what} ${m} rows`).to.deep.equal(L.rows);
      expect(O.cols, `${what} ${m} cols`).to.deep.equal([L.cols].flat());
      L.values.forEach((row: number[], i: number) => row.forEach((x, j) => close(O.values[i][j], x, `${what} ${m}[${L.rows[i]}, ${L.cols[j]}]`)));
    }
  };
  for (const name of Object.keys(J.fits).filter((n) => J.fits[n].inspect)) {
    const I = J.fits[name].inspect;
    it(`${name}: est, std, free matrices (lavaan's LISREL form with dummy latent variables)`, () => {
      const fit = fitFor(name);
      for (const what of ["est", "std", "free", ...(I.se ? ["se", "std_nox"] : [])]) {
        const ours = fit.inspect(what.replace("_", ".") as "est");
        const lav = I[what];
        if ("items" in ours) ours.items.forEach((x, g) => compareMatrices(x, Object.values(lav)[g], `${name} ${what} group ${g + 1}`));
        else compareMatrices(ours, lav, `${name} ${what}`);
      }
    });
    it(`${name}: cov.lv, cor.lv, mean.lv, sampstat, cov.ov, coef, nobs, ngroups, npar`, () => {
      const fit = fitFor(name);
      const G = fit.ngroups;
      const per = <T>(x: T | { items: T[] }): T[] => (x && typeof x === "object" && "items" in (x as object) ? (x as { items: T[] }).items : [x as T]);
      const lavPer = (x: unknown) => (G > 1 ? Object.values(x as object) : [x]);
      for (const [what, lk] of [
        ["cov.lv", "cov_lv"],
        ["cor.lv", "cor_lv"],
        ["cov.ov", "cov_ov"],
      ] as const)
        per(fit.inspect(what)).forEach((m, g) =>
          (lavPer(I[lk])[g] as number[][]).forEach((row, i) => row.forEach((x, j) => close(m.values[i][j], x, `${name} ${what}[${i},${j}]`))),
        );
      per(fit.inspect("mean.lv")).forEach((m, g) => (lavPer(I.mean_lv)[g] as number[]).forEach((x, i) => close(m.values[i][0], x, `${name} mean.lv[${i}]`)));
      per(fit.inspect("sampstat")).forEach((m, g) => {
        const L = lavPer(I.sampstat)[g] as { cov: number[][]; mean?: number[] };
        L.cov.forEach((row, i) => row.forEach((x, j) => close(m.cov[i][j], x, `${name} sampstat cov[${i},${j}]`)));
        if (L.mean) L.mean.forEach((x, i) => close(m.mean![i], x, `${name} sampstat mean[${i}]`));
      });
      const coef = fit.inspect("coef");
      for (const [k, v] of Object.entries<number>(I.coef)) close(coef[k], v, `${name} coef ${k}`);
      expect(fit.inspect("nobs")).to.deep.equal(Array.isArray(I.nobs) ? I.nobs : [I.nobs]);
      expect(fit.inspect("ngroups")).to.equal(I.ngroups);
      expect(fit.inspect("npar")).to.equal(I.npar);
    });
    if (I.vcov)
      it(`${name}: vcov, information (expected, observed)`, () => {
        const fit = fitFor(name);
        for (const [what, lk] of [
          ["vcov", "vcov"],
          ["information", "information"],
          ["information.observed", "information_observed"],
        ] as const) {
          const m = fit.inspect(what);
          // lavaan's observed information is a numerical Hessian: entries near zero carry ~1e-6 of noise.
          const scale = Math.max(...(I[lk] as number[][]).map((row, i) => Math.abs(row[i])));
          (I[lk] as number[][]).forEach((row, i) =>
            row.forEach((x, j) => expect(m.values[i][j], `${name} ${what}[${i},${j}]`).to.be.closeTo(x, 1e-4 * Math.max(Math.abs(x), 1e-2 * scale))),
          );
        }
      });
  }
  it("unknown 'what' is an error listing the accepted values", () => {
    expect(errorOf(() => fitFor("hs").inspect("covlv")).hint).to.contain("cov.lv");
  });
});

describe("sem QA: inequality constraints (lavaan's active-set result)", () => {
  it("an inactive bound changes nothing; an active one holds the parameter at the bound with SE 0, npar and df as lavaan", () => {
    const inactive = fitFor("hs_bound_inactive").parameterEstimates().find("a")!;
    expect(inactive.se).to.be.greaterThan(0);
    const active = fitFor("hs_bound_active");
    const a = active.parameterEstimates().find("a")!;
    expect(a.est).to.equal(0.6);
    expect(a.se).to.equal(0);
    expect(active.warnings.some((w) => w.code === "sem.bound-active")).to.equal(true);
  });
  it('"0.6 < a" is the same bound as "a > 0.6"', () => {
    const a = fitFor("hs_bound_active").parameterEstimates().rows;
    const b = fitFor("hs_bound_flipped").parameterEstimates().rows;
    expect(b.map((r) => r.est)).to.deep.equal(a.map((r) => r.est));
  });
  it("what pathlab cannot give for a bounded model is refused: bootstrap, robust SEs at an active bound, score tests", () => {
    const M = J.fits.hs_bound_active.model;
    const boot = errorOf(() => cfa(M, data.hs, { se: "bootstrap", bootstrap: 10, seed: 1 }));
    expect(boot.code).to.equal("options.conflict");
    expect(boot.message).to.contain("a > 0.6");
    const mlr = errorOf(() => cfa(M, data.hs, { estimator: "MLR" }));
    expect(mlr.code).to.equal("options.conflict");
    expect(mlr.hint).to.contain('estimator "ML"');
    // An inactive bound leaves MLR as it is.
    const inactive = cfa(J.fits.hs_bound_inactive.model, data.hs, { estimator: "MLR" });
    const plain = cfa(J.fits.hs_bound_inactive.model.replace("\na > 0.4", ""), data.hs, { estimator: "MLR" });
    expect(inactive.parameterEstimates().find("a")!.se).to.equal(plain.parameterEstimates().find("a")!.se);
    expect(errorOf(() => fitFor("hs_bound_active").modindices()).code).to.equal("sem.unsupported");
    expect(errorOf(() => lavTestScore(fitFor("hs_bound_active"))).message).to.contain("lavTestScore");
  });
  it("inequalities between expressions are refused with a clear message", () => {
    const e = errorOf(() => cfa("visual =~ x1 + a*x2 + b*x3\na + b > 1", data.hs));
    expect(e.message).to.contain("single labelled parameter");
    expect(e.hint).to.contain("a > 0.6");
  });
});

describe("sem QA: reliability() on a Heywood case", () => {
  it("computes CR and AVE from the std.all loadings as semTools does, with a warning (was an error)", () => {
    const rel = fitFor("attitude").reliability();
    for (const [f, [cr, ave]] of Object.entries<number[]>(J.reliability.attitude)) {
      close(rel.get(f).cr, cr, `CR ${f}`);
      close(rel.get(f).ave, ave, `AVE ${f}`);
    }
    expect(rel.warnings.map((w) => w.code)).to.include("sem.heywood");
  });
});

describe('sem QA: se = "bootstrap" and boot.ci.type', () => {
  const B = J.boot;
  const hs = data.hs;
  it("lavaan's four interval types, computed from lavaan's own bootstrap draws, agree to 1e-8", () => {
    const fit = cfa(B.model, hs);
    const names = freeParamNames(fit.state.pt);
    expect(names).to.deep.equal(B.names);
    const R = B.draws.length;
    const q = names.length;
    const draws: BootDraws = { R, q, theta: Float64Array.from((B.draws as number[][]).flat()), ok: new Uint8Array(R).fill(1), failed: 0, seed: 0, threads: 1 };
    const { rows, est } = fit.estimatesInternal();
    for (const type of ["perc", "bca.simple", "norm", "basic"] as const) {
      const lav = B.ci[type] as Row[];
      // lavaan's SE of a bootstrap fit is the SD of the draws: use lavaan's, so "norm" is compared exactly too.
      // lavaan's estimates too (its optimum differs from pathlab's in the 7th digit, and norm/basic use 2θ̂).
      const lavRow = (r: Row) => lav.find((x) => x.lhs === r.lhs && x.op === r.op && x.rhs === r.rhs);
      const se = Float64Array.from(rows, (r) => lavRow(r)?.se ?? 0);
      const estL = Float64Array.from(rows, (r, k) => lavRow(r)?.est ?? est[k]);
      const src = { state: fit.state, estimatesInternal: () => ({ rows, est: estL, se }), rowValuesAt: (t: Float64Array) => fit.rowValuesAt(t) };
      const { lower, upper } = bootIntervals(src, draws, type, 0.95);
      const tol = 1e-8;
      rows.forEach((r, k) => {
        const l = lav.find((x) => x.lhs === r.lhs && x.op === r.op && x.rhs === r.rhs)!;
        expect(lower[k], `${type} ${r.lhs}${r.op}${r.rhs} lower`).to.be.closeTo(l["ci.lower"], tol * Math.max(1, Math.abs(l["ci.lower"])));
        expect(upper[k], `${type} ${r.lhs}${r.op}${r.rhs} upper`).to.be.closeTo(l["ci.upper"], tol * Math.max(1, Math.abs(l["ci.upper"])));
      });
    }
  });

  it("pathlab's own bootstrap SEs agree with lavaan's within Monte Carlo error (500 draws each); seed reproducible, any threads", () => {
    const a = cfa(B.model, hs, { se: "bootstrap", bootstrap: 500, seed: 7, threads: 1 });
    const b = cfa(B.model, hs, { se: "bootstrap", bootstrap: 500, seed: 7, threads: 2 });
    const pa = a.parameterEstimates().rows;
    expect(pa.map((r) => r.se)).to.deep.equal(b.parameterEstimates().rows.map((r) => r.se));
    for (const l of B.ci.perc as Row[]) {
      const o = a.parameterEstimates().find(l.lhs, l.op, l.rhs)!;
      // SD of an SD estimate from R draws ≈ SE/√(2R): 3.2% at R = 500; two independent runs, 5 SDs.
      if (l.se > 0) expect(o.se, `${l.lhs}${l.op}${l.rhs}`).to.be.closeTo(l.se, 0.23 * l.se);
    }
    expect(errorOf(() => cfa(B.model, hs, { se: "bootstrap" })).message).to.contain("seed");
    expect(errorOf(() => cfa(B.model, hs).parameterEstimates({ bootCiType: "bca.simple" })).code).to.equal("options.bad-value");
    expect(errorOf(() => a.parameterEstimates({ "boot.ci.type": "bca" } as never)).code).to.equal("options.unsupported");
  });
});

describe("sem QA: lavaan's defaults accepted, the rest refused with a clean sentence", () => {
  const hs = data.hs;
  const HS = J.fits.hs.model;
  it("verbose, warn, mimic, do.fit, optim.method, auto.fix.first, orthogonal.x, conditional.x at lavaan's defaults change nothing", () => {
    const base = cfa(HS, hs).fitMeasures().chisq;
    const f = cfa(HS, hs, {
      verbose: false,
      warn: true,
      mimic: "lavaan",
      "do.fit": true,
      "optim.method": "nlminb",
      "auto.fix.first": true,
      "orthogonal.x": false,
      "conditional.x": false,
    });
    expect(f.fitMeasures().chisq).to.equal(base);
    const pe = f.parameterEstimates({ ci: true, zstat: true, pvalue: true, se: true, "boot.ci.type": "perc" } as never);
    expect(pe.rows.length).to.be.greaterThan(0);
  });
  it("representation, h1, baseline, bounds, check.*, orthogonal.y, start, effect.coding, ceq.simple, optim.* at lavaan's defaults change nothing", () => {
    const base = cfa(HS, hs).fitMeasures().chisq;
    const opts = {
      representation: "LISREL",
      h1: true,
      baseline: true,
      bounds: "none",
      "check.gradient": true,
      checkPost: true,
      "check.vcov": true,
      "check.start": true,
      "orthogonal.y": false,
      start: "default",
      "effect.coding": false,
      "ceq.simple": false,
      "optim.force.converged": false,
      "optim.gradient": "analytic",
    };
    expect(cfa(HS, hs, opts as never).fitMeasures().chisq).to.equal(base);
    for (const [k, v] of [
      ["start", "simple"],
      ["effect.coding", true],
      ["bounds", "standard"],
      ["h1", false],
      ["optim.force.converged", true],
    ] as const) {
      const e = errorOf(() => cfa(HS, hs, { [k]: v } as never));
      expect(e.code, k).to.equal("options.unsupported");
      expect(e.message, k).to.contain(k);
    }
  });
  it("every refusal is a sentence that says what to do (no leftover fragments)", () => {
    for (const [k, v] of [
      ["mimic", "Mplus"],
      ["ordered", ["x1"]],
      ["sampling.weights", "grade"],
      ["cluster", "school"],
      ["estimator", "WLSMV"],
      ["se", "robust.cluster"],
      ["test", "bollen.stine"],
      ["conditional.x", true],
      ["verbose", true],
    ] as const) {
      const e = errorOf(() => cfa(HS, hs, { [k]: v } as never));
      expect(e.message, `${k}`).to.not.match(/it is planned|are it is|\(issue \d+$/);
      expect(e.message.trim(), `${k}`).to.match(/[.)]$/);
      expect(e.hint, `${k}`).to.be.a("string").and.not.equal("");
    }
  });
  it("GLS, ULS, WLSMV and other estimators: refused, naming the estimator and what to use", () => {
    for (const e of ["GLS", "ULS", "WLS", "DWLS", "WLSMV", "MLMV"]) {
      const err = errorOf(() => cfa(HS, hs, { estimator: e }));
      expect(err.code, e).to.equal("options.unsupported");
      expect(err.message, e).to.contain(`${e} (`);
      expect(err.message, e).to.contain('Use estimator "ML"');
    }
  });
  it('formative "<~" is refused with the model line and a workaround', () => {
    const e = errorOf(() => sem("visual =~ x1 + x2 + x3\nf <~ x4 + x5 + x6\nvisual ~ f", hs));
    expect(e.code).to.equal("sem.unsupported");
    expect(e.message).to.contain("line 2");
    expect(e.message).to.contain("<~");
    expect(e.hint).to.contain("observed variable");
  });
  it("h1.information and observed.information at lavaan's defaults change nothing; other values are refused", () => {
    const base = cfa(HS, hs, { information: "observed" })
      .parameterEstimates()
      .rows.map((r) => r.se);
    const same = cfa(HS, hs, { information: "observed", "h1.information": "structured", "observed.information": "hessian" })
      .parameterEstimates()
      .rows.map((r) => r.se);
    expect(same).to.deep.equal(base);
    expect(errorOf(() => cfa(HS, hs, { "h1.information": "unstructured" })).code).to.equal("options.unsupported");
    expect(errorOf(() => cfa(HS, hs, { observedInformation: "h1" })).message).to.contain("observed.information");
  });
  it("ci: false and friends drop the columns as lavaan does", () => {
    const t = cfa(HS, hs).parameterEstimates({ ci: false, pvalue: false }).tables()[0];
    const keys = t.columns.map((c) => c.key);
    expect(keys).to.not.include("ci_lower");
    expect(keys).to.not.include("pvalue");
    expect(keys).to.include("z");
  });
});

describe("sem QA: two lavaan anomalies pathlab does not copy (items 10b, 10c)", () => {
  it("PSID1976 path model: the baseline χ² is the closed form N(Σ log s_ii + log|S_xx| − log|S|), below lavaan's failed 578.95", () => {
    const d = readCsv("sem-qa-psid.csv");
    const fit = sem("hours ~ wage + education + youngkids\nwage ~ education", d);
    const fm = fit.fitMeasures();
    // Independent closed form: the y variables (hours, wage) uncorrelated, the covariates' block saturated.
    const names = ["hours", "wage", "education", "youngkids"];
    const n = d.length;
    const m = names.map((v) => d.reduce((s, r) => s + r[v], 0) / n);
    const S = names.map((a, i) => names.map((b, j) => d.reduce((s, r) => s + (r[a] - m[i]) * (r[b] - m[j]), 0) / n));
    const det2 = (A: number[][]) => A[0][0] * A[1][1] - A[0][1] * A[1][0];
    const det4 = (A: number[][]): number => A[0].reduce((s, a, j) => s + (j % 2 ? -1 : 1) * a * det3(A.slice(1).map((r) => r.filter((_, k) => k !== j))), 0);
    const det3 = (A: number[][]): number => A[0].reduce((s, a, j) => s + (j % 2 ? -1 : 1) * a * det2(A.slice(1).map((r) => r.filter((_, k) => k !== j))), 0);
    const closed =
      n *
      (Math.log(S[0][0]) +
        Math.log(S[1][1]) +
        Math.log(
          det2([
            [S[2][2], S[2][3]],
            [S[3][2], S[3][3]],
          ]),
        ) -
        Math.log(det4(S)));
    expect(fm["baseline.chisq"]).to.be.closeTo(closed, 1e-6 * closed);
    expect(fm["baseline.chisq"]).to.be.lessThan(J.anomalies.psid["baseline.chisq"]);
    expect(fm.chisq).to.be.closeTo(J.anomalies.psid.chisq, 1e-4 * J.anomalies.psid.chisq);
  });
  it("FacialBurns with std.ov and covariates: logl ≤ unrestricted logl (lavaan reports logl +5201 > −438)", () => {
    const d = readCsv("sem-qa-burns.csv");
    const fm = sem("HADS ~ TBSA + RUM + Selfesteem\nRUM ~ TBSA\nSelfesteem ~ TBSA", d, { stdOv: true }).fitMeasures();
    expect(fm.chisq).to.be.closeTo(J.anomalies.burns_stdov.chisq, 1e-4 * J.anomalies.burns_stdov.chisq);
    expect(fm.logl).to.be.lessThan(fm["unrestricted.logl"]);
    expect(J.anomalies.burns_stdov.logl).to.be.greaterThan(J.anomalies.burns_stdov["unrestricted.logl"]);
    expect(2 * (fm["unrestricted.logl"] - fm.logl)).to.be.closeTo(fm.chisq, 1e-6 * fm.chisq);
  });
});
