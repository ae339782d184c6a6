/**
 * faParallel, vss (with Velicer's MAP) and omega against psych 2.2.9 (test/goldens/psych-efa.R).
 * Observed eigenvalues of R: 1e-8 (closed form); factor eigenvalues and everything from a fitted
 * solution: 1e-4 absolute (iterative). Simulated and resampled eigenvalues come from another
 * generator than R's: their means must agree within 4.5 Monte Carlo standard errors
 * (sd·√(1/n_ours + 1/n_R)) and their 95% quantiles within 8 such units (a 95% quantile's SE is
 * ≈ 2.1 times the mean's for normal-like draws, more for the skewed largest eigenvalue). The first
 * factor eigenvalue of random data is heavy-tailed (an occasional near-Heywood one-factor solution),
 * so SDs are only checked for the right order of magnitude.
 */
import { expect } from "chai";
import { faParallel, vss, omega, type EigenSummary } from "../../src/measurement";
import { golden } from "../fixtures/read-fixture";
import { bfi, BFI_ITEMS, maxAbsDiff } from "./bfi";

const G = golden("psych-efa.json");
const H = golden("psych-fa.json").harman74;
const harman = { cor: H.cor, names: H.names, n: H.n };

function monteCarlo(ours: EigenSummary, g: { mean: number[]; sd: number[]; quantile: number[] }, nOurs: number, nR: number, what: string) {
  g.mean.forEach((m, i) => {
    const se = g.sd[i] * Math.sqrt(1 / nOurs + 1 / nR);
    expect(Math.abs(ours.mean[i] - m), `${what} mean[${i + 1}]: ${ours.mean[i]} vs R ${m} (SE ${se})`).to.be.at.most(4.5 * se + 1e-12);
    expect(Math.abs(ours.quantile[i] - g.quantile[i]), `${what} q95[${i + 1}]: ${ours.quantile[i]} vs R ${g.quantile[i]}`).to.be.at.most(8 * se + 1e-12);
    expect(ours.sd[i] / g.sd[i], `${what} sd[${i + 1}]`).to.be.within(0.25, 4);
  });
}

describe("faParallel / vss / omega vs psych", function () {
  this.timeout(60000);
  const d = bfi();

  it("faParallel on bfi: observed eigenvalues exact, resampled and simulated within Monte Carlo error, same suggestion", () => {
    const g = G.parallel_bfi;
    const p = faParallel(d, BFI_ITEMS, { nIter: 60, seed: 2024 });
    expect(maxAbsDiff(p.pcValues, g.pc_values)).to.be.below(1e-8);
    expect(maxAbsDiff(p.faValues!, g.fa_values)).to.be.below(1e-4);
    expect([p.nfact, p.ncomp]).to.deep.equal([g.nfact, g.ncomp]);
    monteCarlo(p.simulated.pc!, g.pc_simulated, 60, g.n_iter, "pc sim");
    monteCarlo(p.simulated.fa!, g.fa_simulated, 60, g.n_iter, "fa sim");
    monteCarlo(p.resampled.pc!, g.pc_resampled, 60, g.n_iter, "pc resampled");
    monteCarlo(p.resampled.fa!, g.fa_resampled, 60, g.n_iter, "fa resampled");
    expect(p.summary()).to.contain("number of factors = 6 and the number of components = 6");
    const fig = p.plot();
    expect(fig.data.map((t) => t.name)).to.deep.equal([
      "PC actual data",
      "PC simulated data (q0.95)",
      "PC resampled data (q0.95)",
      "FA actual data",
      "FA simulated data (q0.95)",
      "FA resampled data (q0.95)",
    ]);
  });

  it("faParallel is reproducible from its seed", () => {
    const a = faParallel(harman, { nIter: 5, seed: 9 });
    const b = faParallel(harman, { nIter: 5, seed: 9 });
    const c = faParallel(harman, { nIter: 5, seed: 10 });
    expect(a.simulated).to.deep.equal(b.simulated);
    expect(a.simulated.pc!.mean).to.not.deep.equal(c.simulated.pc!.mean);
  });

  it("faParallel on Harman74 (matrix + n: simulation only), with smc and with pa", () => {
    for (const [opts, g, n] of [
      [{}, G.parallel_harman, 300],
      [{ smc: true }, G.parallel_harman_smc, 200],
      [{ fm: "pa" }, G.parallel_harman_pa, 200],
    ] as const) {
      const p = faParallel(harman, { ...(opts as object), nIter: n, seed: 11 });
      const w = JSON.stringify(opts);
      expect(maxAbsDiff(p.pcValues, g.pc_values), w).to.be.below(1e-8);
      expect(maxAbsDiff(p.faValues!, g.fa_values), w).to.be.below(1e-4);
      expect(p.resampled.pc, w).to.equal(undefined);
      monteCarlo(p.simulated.pc!, g.pc_simulated, n, g.n_iter, `${w} pc`);
      monteCarlo(p.simulated.fa!, g.fa_simulated, n, g.n_iter, `${w} fa`);
      expect([p.nfact, p.ncomp], w).to.deep.equal([g.nfact, g.ncomp]);
    }
  });

  it("vss: Velicer's MAP (closed form) and VSS fits match psych::VSS", () => {
    for (const [v, g] of [
      [vss(d, BFI_ITEMS), G.vss_bfi],
      [vss(harman, { n: 6 }), G.vss_harman],
    ] as const) {
      expect(maxAbsDiff(v.map, g.map)).to.be.below(1e-10);
      const s = g.stats;
      const col = (k: keyof (typeof v.rows)[0]) => v.rows.map((r) => r[k] as number);
      expect(col("dof")).to.deep.equal(s.dof);
      expect(maxAbsDiff(col("vss1"), s["cfit.1"])).to.be.below(1e-4);
      expect(maxAbsDiff(col("vss2").slice(1), s["cfit.2"].slice(1))).to.be.below(1e-4);
      expect(maxAbsDiff(col("fit"), s.fit)).to.be.below(1e-4);
      expect(maxAbsDiff(col("sqresid"), s.sqresid)).to.be.below(1e-3);
      expect(maxAbsDiff(col("RMSEA"), s.RMSEA)).to.be.below(1e-4);
      expect(maxAbsDiff(col("SRMR"), s.SRMR)).to.be.below(1e-4);
      expect(maxAbsDiff(col("complex"), s.complex)).to.be.below(1e-3);
      col("chisq").forEach((c, i) => expect(Math.abs(c - s.chisq[i])).to.be.at.most(1e-4 * s.chisq[i]));
    }
    expect(vss(d, BFI_ITEMS).summary()).to.contain("The Velicer MAP achieves a minimum of 0.01 with 5 factors");
  });

  it("omega: ω_h, ω_t, α, G6, ECV, the Schmid–Leiman loadings and the subscale omegas match psych::omega", () => {
    const cases: [ReturnType<typeof omega>, any][] = [
      [omega(d, BFI_ITEMS, { nfactors: 5 }), G.omega_bfi5],
      [omega(d, BFI_ITEMS), G.omega_bfi3],
      [omega(harman, { nfactors: 4 }), G.omega_harman],
      [omega(harman, { nfactors: 4, fm: "ml", rotate: "promax" }), G.omega_harman_ml_promax],
      [omega(harman, { nfactors: 2 }), G.omega_harman2],
    ];
    for (const [o, g] of cases) {
      const w = `${o.names.length} items, ${o.nfactors} factors`;
      expect(Math.abs(o.omegaH - g.omega_h), `${w} omega_h`).to.be.below(1e-4);
      expect(Math.abs(o.omegaHAsymptotic - g.omega_lim), `${w} omega_lim`).to.be.below(1e-4);
      expect(Math.abs(o.omegaTotal - g.omega_tot), `${w} omega_tot`).to.be.below(1e-4);
      expect(Math.abs(o.alpha - g.alpha), `${w} alpha`).to.be.below(1e-8);
      expect(Math.abs(o.G6 - g.G6), `${w} G6`).to.be.below(1e-8);
      expect(Math.abs(o.ECV - g.ECV), `${w} ECV`).to.be.below(1e-4);
      expect(o.key, `${w} key`).to.deep.equal(g.key);
      const sl = o.sl.g.map((v, i) => [v, ...o.sl.groups[i], o.sl.h2[i], o.sl.u2[i], o.sl.p2[i]]);
      expect(maxAbsDiff(sl, g.sl), `${w} sl`).to.be.below(1e-4);
      expect(
        maxAbsDiff(
          o.groups.map((x) => [x.omegaTotal, x.omegaGeneral, x.omegaGroup]),
          g.group.total.map((t: number, i: number) => [t, g.group.general[i], g.group.group[i]]),
        ),
        `${w} groups`,
      ).to.be.below(1e-4);
      expect(o.stats.dof).to.equal(g.stats.dof);
      expect(Math.abs(o.stats.chisq - g.stats.chisq), `${w} chisq`).to.be.below(1e-4 * g.stats.chisq);
      expect(Math.abs(o.generalStats.rms - g.gstats.rms), `${w} g rms`).to.be.below(1e-4);
      expect(Math.abs(o.generalStats.RMSEA - g.gstats.RMSEA[0]), `${w} g RMSEA`).to.be.below(1e-4);
    }
    expect(cases[0][0].summary()).to.contain("Reversed because their general loading was negative");
    expect(cases[4][0].warnings.map((x) => x.code)).to.include("efa.omega-two-factors");
  });
});
