/**
 * Issue 12, items 3 and 4: lavaan 0.6.14 goldens for harder problems (test/goldens/sem-hard.R →
 * sem-hard.json): an indicator in other units (×100), a covariate in other units (×10⁶), a Heywood
 * case (equal intercepts), exogenous covariates with fixed.x TRUE and FALSE (MIMIC, path models,
 * with and without means), a covariate made random by a `~~` statement, a saturated model, and
 * the options orthogonal, std.ov, sample.cov.rescale and auto.fix.single. lavaan's option names
 * (dotted) are passed as they are.
 *
 * Tolerances: estimates and SEs 1e-4 relative to max(|lavaan|, lavaan's SE) — so a coefficient
 * of 2e-7 (age in other units) is judged on its own scale; fit measures 1e-4 relative to
 * max(|lavaan|, 0.01); implied covariances 1e-4 relative.
 * Every case failed before the fix (false "not identified", 500-iteration stop, wrong GFI/AGFI,
 * missing covariate covariances with fixed.x = FALSE, a covariate that should be random held fixed).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { cfa, sem, type SemFit } from "../../src/sem";
import { GOLDEN_DIR, readCsv } from "./helpers";

const H: Record<string, any> = JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, "sem-hard.json"), "utf8"));
const base = readCsv("sem-hs-cov.csv");

function dataFor(scale: Record<string, number>): Record<string, number>[] {
  return base.map((r) => {
    const o = { ...r };
    for (const [k, f] of Object.entries(scale ?? {})) o[k] = r[k] * f;
    return o;
  });
}

/** The sample covariance (divisor N − 1) of `names`, as R's cov(). */
function covOf(rows: Record<string, number>[], names: string[]): number[][] {
  const n = rows.length;
  const m = names.map((v) => rows.reduce((s, r) => s + r[v], 0) / n);
  return names.map((a, i) => names.map((b, j) => rows.reduce((s, r) => s + (r[a] - m[i]) * (r[b] - m[j]), 0) / (n - 1)));
}

/**
 * Where lavaan's baseline (independence) model is itself off, the baseline-based measures are
 * compared with the identical model in the original units; the independence model's χ² does not
 * depend on the variables' units:
 * - path_ageyr1e6: lavaan's baseline χ² is 23,626.6 instead of 185.31 (its optimiser fails on the
 *   rescaled covariate; the model test is right);
 * - path_stdov: with std.ov and fixed.x lavaan fixes the covariates' covariances in the baseline
 *   at their *standardised* values but their variances at the raw ones (201.16 instead of 185.31).
 */
const BASELINE_FROM: Record<string, string> = { path_ageyr1e6: "path", path_stdov: "path" };
const BASELINE_MEASURES = ["baseline.chisq", "baseline.df", "baseline.pvalue", "cfi", "tli", "nnfi", "nfi", "ifi", "rni"];

/**
 * path_stdov also gets lavaan's log-likelihood wrong (+36,184: the covariates' marginal part uses
 * their standardised covariance). Standardising the outcomes y only adds the Jacobian
 * N·Σ log sd(y) to the raw model's log-likelihood, so the reference is derived from `path`.
 */
const LOGL_MEASURES = ["logl", "unrestricted.logl", "aic", "bic", "bic2"];
function stdovJacobian(ys: string[]): number {
  const n = base.length;
  let adj = 0;
  for (const v of ys) {
    const m = base.reduce((s, r) => s + r[v], 0) / n;
    adj += n * Math.log(Math.sqrt(base.reduce((s, r) => s + (r[v] - m) ** 2, 0) / (n - 1)));
  }
  return adj;
}
/** Scale-free results of path_ageyr1e6 compared with `path`: lavaan's numerical derivatives lose digits there. */
const STD_FROM: Record<string, string> = { path_ageyr1e6: "path" };

const fits = new Map<string, SemFit>();
function fitFor(name: string): SemFit {
  if (!fits.has(name)) {
    const g = H[name];
    const rows = dataFor(g.scale);
    const input = g.moments ? { cov: covOf(rows, g.ov), n: rows.length, names: g.ov } : rows;
    const fn = g.fun === "cfa" ? cfa : sem;
    fits.set(name, fn(g.model, input, Array.isArray(g.options) ? {} : g.options));
  }
  return fits.get(name)!;
}

function near(ours: number, ref: number | null, scale: number, tol: number, what: string): void {
  if (ref === null || ref === undefined) {
    expect(Number.isNaN(ours) || ours === 0, `${what}: lavaan NA, ours ${ours}`).to.equal(true);
    return;
  }
  const denom = Math.max(Math.abs(ref), scale);
  const err = denom > 0 ? Math.abs(ours - ref) / denom : Math.abs(ours - ref);
  expect(err, `${what}: ours ${ours} vs lavaan ${ref}`).to.be.below(tol);
}

describe("sem: lavaan goldens for hard problems and covariates (issue 12)", () => {
  for (const name of Object.keys(H)) {
    const g = H[name];
    describe(name, () => {
      it("converges, with lavaan's variables, parameter count and free/fixed pattern", () => {
        const fit = fitFor(name);
        expect(fit.converged).to.equal(true);
        expect(fit.ov).to.deep.equal(g.ov);
        expect(fit.n).to.equal(g.nobs);
        const pe = fit.parameterEstimates().rows;
        for (const r of g.partable) {
          if (r.op === "==") continue;
          const o = pe.find((x) => x.lhs === r.lhs && x.op === r.op && x.rhs === r.rhs);
          expect(o, `${r.lhs}${r.op}${r.rhs} missing`).to.not.equal(undefined);
          expect(o!.free > 0, `${r.lhs}${r.op}${r.rhs} free`).to.equal(r.free > 0);
          expect(o!.exo, `${r.lhs}${r.op}${r.rhs} exo`).to.equal(r.exo);
        }
        expect(pe.length).to.equal(g.partable.filter((r: { op: string }) => r.op !== "==").length);
      });
      it("estimates and standard errors", () => {
        const pe = fitFor(name).parameterEstimates().rows;
        for (const r of g.pe) {
          const o = pe.find((x) => x.lhs === r.lhs && x.op === r.op && x.rhs === r.rhs)!;
          const key = `${name} ${r.lhs}${r.op}${r.rhs}`;
          near(o.est, r.est, r.se ?? 0, 1e-4, `${key} est`);
          near(o.se, r.se, 0, 1e-4, `${key} se`);
        }
      });
      it("standardized solutions (std.all, std.lv)", () => {
        for (const [type, key] of [
          ["std.all", "std_all"],
          ["std.lv", "std_lv"],
        ] as const) {
          const ss = fitFor(name).standardizedSolution({ type }).rows;
          const ref = type === "std.all" && STD_FROM[name] ? H[STD_FROM[name]] : g;
          for (const r of ref[key]) {
            const o = ss.find((x) => x.lhs === r.lhs && x.op === r.op && x.rhs === r.rhs)!;
            near(o.est_std, r["est.std"], r.se ?? 0, 1e-4, `${name} ${type} ${r.lhs}${r.op}${r.rhs}`);
            near(o.se, r.se ?? 0, 1e-3, 1e-4, `${name} ${type} ${r.lhs}${r.op}${r.rhs} se`);
          }
        }
      });
      it("every fit measure (GFI/AGFI as lavaan with covariates)", () => {
        const fm = fitFor(name).fitMeasures().toObject();
        const alt = BASELINE_FROM[name];
        for (const [k, v] of Object.entries<number | null>(g.fit)) {
          let ref = alt && BASELINE_MEASURES.includes(k) ? H[alt].fit[k] : v;
          if (name === "path_stdov" && LOGL_MEASURES.includes(k))
            ref = H.path.fit[k] + (k.includes("logl") ? 1 : -2) * stdovJacobian(H.path_stdov.ov.slice(0, 3));
          near(fm[k], ref, 0.01, 1e-4, `${name} ${k}${ref !== v ? " (derived from the unscaled model)" : ""}`);
        }
      });
      it("implied covariances", () => {
        const imp = fitFor(name).inspect("implied") as unknown as { cov: number[][]; mean?: number[] };
        g.ov.forEach((a: string, i: number) =>
          g.ov.forEach((b: string, j: number) =>
            near(imp.cov[i][j], g.implied_cov[i][j], 1e-4 * Math.sqrt(Math.abs(g.implied_cov[i][i] * g.implied_cov[j][j])), 1e-4, `${name} implied ${a},${b}`),
          ),
        );
        if (g.implied_mean) g.implied_mean.forEach((m: number, i: number) => near(imp.mean![i], m, 1e-3, 1e-4, `${name} mean ${i}`));
      });
      it("lavaan's warnings about the solution", () => {
        const codes = fitFor(name).warnings.map((w) => w.code);
        const lav = (g.warnings as string[]).join(" ");
        expect(codes.includes("sem.heywood"), codes.join()).to.equal(/variances are negative/.test(lav));
        expect(codes.includes("sem.random-covariate"), codes.join()).to.equal(/treated as random/.test(lav));
      });
    });
  }

  it("a covariate in other units (MIMIC, age × 10⁶) gives the same fit with rescaled coefficients", () => {
    // lavaan 0.6.14 itself stops here ("not all elements of the gradient are (near) zero"); the
    // solution must equal the unscaled fit's, with the age coefficients divided by 10⁶.
    const g = H.mimic_fixedx;
    const scaled = sem(g.model, dataFor({ ageyr: 1e6 }));
    expect(scaled.converged).to.equal(true);
    const fm = scaled.fitMeasures();
    near(fm.chisq, g.fit.chisq, 0.01, 1e-6, "chisq");
    near(fm.gfi, g.fit.gfi, 0.01, 1e-6, "gfi");
    const pe = scaled.parameterEstimates().rows;
    for (const r of g.pe) {
      const o = pe.find((x) => x.lhs === r.lhs && x.op === r.op && x.rhs === r.rhs)!;
      const f = r.rhs === "ageyr" && r.op === "~" ? 1e-6 : r.op === "~~" && (r.lhs === "ageyr" || r.rhs === "ageyr") ? (r.lhs === r.rhs ? 1e12 : 1e6) : 1;
      near(o.est, r.est * f, (r.se ?? 0) * f, 1e-4, `${r.lhs}${r.op}${r.rhs}`);
      near(o.se, r.se * f, 0, 1e-4, `${r.lhs}${r.op}${r.rhs} se`);
    }
  });
});
