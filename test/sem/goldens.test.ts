/**
 * lavaan 0.6.14 goldens (test/goldens/sem.R → sem.json): estimates, SEs, std.all/std.lv with SEs,
 * every fit measure, implied and residual covariances, R².
 * Tolerance: 1e-4 relative to max(|lavaan|, 0.01) (see `close`); 2e-4 for poldem_eq.
 */
import { expect } from "chai";
import { cfa, sem, type SemFit } from "../../src/sem";
import { readCsv, G } from "./helpers";

/**
 * Relative agreement 1e-4, measured against max(|lavaan|, 0.01) so that parameters near zero are
 * compared on the scale of a typical estimate. poldem_eq: lavaan's nlminb stops early with the
 * equality constraints (our χ² is lower by 4e-8), so its estimates are compared at 2e-4.
 */
function close(ours: number, ref: number | null, what: string, tol: number, scale = 0): void {
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
    const g = G[name];
    const input = g.data ? readCsv(g.data) : { cov: g.cov, n: g.n, names: g.names };
    const o = g.options ?? {};
    const fn = name.startsWith("poldem") || name === "med" ? sem : cfa;
    fits.set(name, fn(g.model, input, { stdLv: !!o.std_lv, meanstructure: !!o.meanstructure, likelihood: o.likelihood ?? "normal" }));
  }
  return fits.get(name)!;
}

describe("sem: lavaan 0.6.14 goldens", () => {
  for (const name of Object.keys(G)) {
    const g = G[name];
    const tol = name === "poldem_eq" ? 2e-4 : 1e-4;
    describe(name, () => {
      it("converges and orders the observed variables as lavaan", () => {
        const fit = fitFor(name);
        expect(fit.converged).to.equal(true);
        expect(fit.ov).to.deep.equal(g.ov);
        expect(fit.n).to.equal(g.nobs);
      });
      it("estimates, standard errors, z and confidence intervals", () => {
        const pe = fitFor(name).parameterEstimates().rows;
        let compared = 0;
        for (const r of g.pe) {
          if (r.op === "==") continue;
          const ours = pe.find((x) => x.lhs === r.lhs && x.op === r.op && x.rhs === r.rhs);
          expect(ours, `${r.lhs} ${r.op} ${r.rhs}`).to.not.equal(undefined);
          const o = ours as any;
          const key = `${name} ${r.lhs}${r.op}${r.rhs}`;
          close(o.est, r.est, `${key} est`, tol);
          close(o.se, r.se, `${key} se`, tol);
          if (r.z !== null && r.z !== undefined) close(o.z, r.z, `${key} z`, 2 * tol);
          // Interval bounds are judged on the scale of the estimate (a bound near 0 has no relative scale).
          close(o.ci_lower, r["ci.lower"], `${key} ci.lower`, tol, Math.abs(r.est));
          close(o.ci_upper, r["ci.upper"], `${key} ci.upper`, tol, Math.abs(r.est));
          compared++;
        }
        expect(compared).to.be.greaterThan(3);
      });
      for (const [type, key] of [
        ["std.all", "std_all"],
        ["std.lv", "std_lv"],
      ] as const) {
        it(`standardized solution ${type} with delta-method SEs`, () => {
          const ss = fitFor(name).standardizedSolution({ type }).rows as any[];
          for (const r of g[key]) {
            if (r.op === "==") continue;
            const o = ss.find((x) => x.lhs === r.lhs && x.op === r.op && x.rhs === r.rhs);
            close(o.est_std, r["est.std"], `${name} ${type} ${r.lhs}${r.op}${r.rhs} est.std`, tol);
            close(o.se, r.se ?? 0, `${name} ${type} ${r.lhs}${r.op}${r.rhs} se`, tol);
          }
        });
      }
      it("every fit measure", () => {
        const fm = fitFor(name).fitMeasures().toObject();
        for (const [k, v] of Object.entries<number | null>(g.fit)) {
          // rmsea.ci.* : lavaan finds λ with uniroot (tol ≈ 1.2e-4 on λ); ours is exact, so 1e-4 on the RMSEA bound.
          close(fm[k], v, `${name} ${k}`, tol);
        }
      });
      it("implied and residual covariances, R²", () => {
        const fit = fitFor(name);
        const imp = fit.inspect("implied") as any;
        const res = fit.inspect("residuals") as any;
        g.ov.forEach((a: string, i: number) =>
          g.ov.forEach((b: string, j: number) => {
            close(imp.cov[i][j], g.implied_cov[i][j], `${name} implied ${a},${b}`, tol);
            expect(Math.abs(res.cov[i][j] - g.resid_cov[i][j]), `${name} residual ${a},${b}`).to.be.below(1e-4 * Math.max(1, Math.abs(g.implied_cov[i][j])));
          }),
        );
        const r2 = (fit.inspect("rsquare") as any).values;
        expect(Object.keys(r2).sort()).to.deep.equal(Object.keys(g.rsquare).sort());
        for (const [k, v] of Object.entries<number>(g.rsquare)) close(r2[k], v, `${name} R² ${k}`, tol);
        if (g.implied_mean) g.implied_mean.forEach((m: number, i: number) => close(imp.mean[i], m, `${name} mean ${i}`, tol));
      });
    });
  }
});
