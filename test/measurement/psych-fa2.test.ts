/**
 * fa(), principal(), factor scores and VSS against psych 2.2.9 + GPArotation (test/goldens/psych-fa2.R
 * → psych-fa2.json): QA report items 1 (ML and minres optima), 2 (singular matrix), 6 (fitting
 * methods, rotations, scores, principal) and 9/11a (VSS).
 *
 * Iterative estimators: psych runs optim(L-BFGS-B) once from ψ = 1 − smc, for most criteria with a
 * gradient that is not the criterion's (psych's fa code), and reports where it stops. We report the
 * lowest minimum over several starts with the exact gradient, so our criterion (computed in the R
 * script from psych's ψ by the same formulas) must never be above psych's. Where both reach the same
 * minimum (criterion within 1e-6 relative), uniquenesses and loadings agree with psych's to 1e-4
 * (psych's own stopping precision); the cases where ours is lower are listed in LOWER, each checked.
 * Closed-form parts (rotations of the same loadings, principal components, scores from the same
 * weights) agree to 1e-6 or better.
 */
import { expect } from "chai";
import { fa, faParallel, omega, principal, vss, type FaResult } from "../../src/measurement";
import { golden } from "../fixtures/read-fixture";
import { bfi, BFI_ITEMS, maxAbsDiff } from "./bfi";

const G = golden("psych-fa2.json");
const M = G.matrices;
const input = (m: string) => ({ cor: M[m].cor, names: M[m].names, n: M[m].n });

/** Our column and sign for each of psych's factors, by Tucker congruence. */
function align(ours: number[][], theirs: number[][]): { col: number; sign: number }[] {
  const k = theirs[0].length;
  const used = new Set<number>();
  const cong = (a: number, b: number) => {
    let s = 0;
    let x = 0;
    let y = 0;
    ours.forEach((r, i) => {
      s += r[a] * theirs[i][b];
      x += r[a] ** 2;
      y += theirs[i][b] ** 2;
    });
    return s / Math.sqrt(x * y);
  };
  return Array.from({ length: k }, (_, j) => {
    let best = -1;
    let bc = 0;
    for (let c = 0; c < k; c++) if (!used.has(c) && Math.abs(cong(c, j)) > Math.abs(bc)) [best, bc] = [c, cong(c, j)];
    used.add(best);
    return { col: best, sign: Math.sign(bc) };
  });
}

function aligned(L: number[][], g: number[][]): number[][] {
  const al = align(L, g);
  return L.map((r) => al.map((a) => a.sign * r[a.col]));
}

/** Cases where our criterion is below psych's (psych stops at a local minimum or short of one). */
const LOWER = new Set([
  "opt_Boston_ml_4",
  "opt_Thurstone_ml_4",
  "opt_Thurstone_minres_4",
  "opt_HS9_ml_4",
  "fm_HS9_wls",
  "fm_HS9_gls",
  "fm_Harman74_wls",
  "fm_Harman74_gls",
]);

/** minres cases where psych's run stops measurably short of the uls point it heads for. */
const SHORT_OF_ULS = new Set(["opt_Harman8_minres_4"]);

function checkIterative(key: string, f: FaResult, g: any): "same" | "lower" {
  const rel = (f.criterion - g.criterion) / Math.max(1e-12, Math.abs(g.criterion));
  // minres: psych passes the uls gradient, so its run heads for the uls point, which we report; on the
  // way it can stop where the off-diagonal criterion is a little lower than there (psych-fa3.R)
  const minres = key.includes("minres");
  // Harman8, 4 factors: in a flat valley psych stops 1.1e-3 (in ψ) short of the uls point (its uls
  // criterion 0.00097558 vs 0.00097522 at the point, computed in R from psych's ψ)
  const short = SHORT_OF_ULS.has(key);
  expect(rel, `${key}: our criterion ${f.criterion} vs psych's ${g.criterion}`).to.be.at.most(short ? 1e-3 : minres ? 1e-5 : 1e-7);
  if (rel < -1e-6) {
    expect(LOWER.has(key), `${key}: ours is lower (${f.criterion} < ${g.criterion}); add it to LOWER`).to.equal(true);
    return "lower";
  }
  expect(LOWER.has(key), `${key}: listed in LOWER but equal to psych's`).to.equal(false);
  // where psych stopped measurably short of the same point (criteria apart by > 1e-7: in a flat
  // valley, twolevel ML 4 factors, df 6; minres with a ψ at the bound) the solutions agree to 1e-3 only
  const tol = short ? 2e-3 : Math.abs(rel) > 1e-7 ? 1e-3 : 1e-4;
  expect(maxAbsDiff(f.uniquenesses, g.uniquenesses), `${key}: u²`).to.be.below(tol);
  expect(maxAbsDiff(aligned(f.loadings, g.loadings), g.loadings), `${key}: loadings`).to.be.below(tol);
  expect(Math.abs(f.fit.objective - g.objective), `${key}: objective`).to.be.below(1e-4 * Math.max(1, g.objective));
  return "same";
}

describe("psych fa, second round: optima, methods, rotations, scores, principal, VSS", function () {
  this.timeout(120000);

  it("ML and minres reach psych's minimum or a lower one (QA items 1a–1g, 9a–9b)", () => {
    const outcome: Record<string, string> = {};
    for (const key of Object.keys(G).filter((k) => k.startsWith("opt_"))) {
      const [, m, fm, k] = key.split("_");
      const f = fa(input(m), { nfactors: Number(k), fm: fm as "ml", rotate: "none" });
      outcome[key] = checkIterative(key, f, G[key]);
      if (outcome[key] === "lower") {
        // our solution is a genuine minimum: converged, and no other start found a lower value
        expect(f.converged, `${key} converged`).to.equal(true);
        expect(f.starts!.optima[0]).to.equal(f.criterion);
      }
    }
    // the report's cases where psych's optimum is lower than the old single-start result now agree
    for (const key of ["opt_attitude_ml_3", "opt_Boston_ml_5", "opt_twolevel_ml_4", "opt_Harman8_ml_4", "opt_CAS_ml_3"])
      expect(outcome[key], key).to.equal("same");
    // Thurstone 4: ours is genuinely lower than psych's (0.00402 vs 0.00722 in the report)
    expect(outcome.opt_Thurstone_ml_4).to.equal("lower");
    expect(G.opt_Thurstone_ml_4.criterion).to.be.closeTo(0.00722, 1e-5);
  });

  it("psych's single start alone reproduces psych's ML solution on attitude and says it may be a local minimum", () => {
    const one = fa(input("attitude"), { nfactors: 3, fm: "ml", rotate: "none", nStarts: 1 });
    const many = fa(input("attitude"), { nfactors: 3, fm: "ml", rotate: "none" });
    expect(one.starts).to.equal(undefined);
    expect(Math.abs(one.criterion - G.opt_attitude_ml_3.criterion)).to.be.below(1e-8);
    expect(Math.abs(many.criterion - one.criterion)).to.be.below(1e-10);
    const th = fa(input("Thurstone"), { nfactors: 4, fm: "ml", rotate: "none" });
    expect(th.warnings.map((w) => w.code)).to.include("efa.local-optimum");
    expect(th.info().join(" ")).to.contain("distinct minima");
  });

  it("fitting methods uls, wls, gls, alpha, pa, minres, ml on HS9 and Harman74 (item 6)", () => {
    for (const key of Object.keys(G).filter((k) => k.startsWith("fm_"))) {
      const [, m, fm] = key.split("_");
      const g = G[key];
      const f = fa(input(m), { nfactors: m === "HS9" ? 3 : 4, fm: fm as "uls", rotate: "none" });
      expect(f.factorNames, key).to.deep.equal([].concat(g.names));
      if (fm === "pa" || fm === "alpha") {
        // deterministic iterations: psych's step by step
        expect(maxAbsDiff(aligned(f.loadings, g.loadings), g.loadings), `${key} loadings`).to.be.below(1e-8);
        expect(maxAbsDiff(f.values, g.values), `${key} values`).to.be.below(1e-8);
        expect(maxAbsDiff(f.uniquenesses, g.uniquenesses), `${key} u²`).to.be.below(1e-8);
      } else checkIterative(key, f, g);
    }
  });

  it("a singular matrix: psych's loadings-as-weights fallback and NA RMSEA bounds (items 2, 6b)", () => {
    const g = G.gorsuch_minres;
    const f = fa(input("Gorsuch"), { nfactors: 2, rotate: "oblimin" });
    // two ψ at the bound: psych's run (uls gradient) heads for the uls point, which is reported
    expect(checkIterative("gorsuch_minres", f, g)).to.equal("same");
    // psych's weights are its loadings (solve() refuses the singular matrix); ours are ours
    expect(maxAbsDiff(g.weights, g.loadings)).to.equal(0);
    expect(maxAbsDiff(f.fit.weights, f.loadings)).to.equal(0);
    expect(f.warnings.map((w) => w.code)).to.include("efa.singular-weights");
    expect(Number.isNaN(f.fit.rmseaUpper)).to.equal(g.RMSEA[2] === null);
    // psych's fa.stats R² (smoothed R, cor.smooth) is above 1 here and psych warns that the weights are probably incorrect
    expect(Math.min(...g.R2)).to.be.above(1);
    expect(Math.min(...f.fit.scoreR2)).to.be.above(1);
    expect(f.warnings.map((w) => w.code)).to.include("efa.score-weights");
    expect(fa(input("HS9"), { nfactors: 3 }).warnings.map((w) => w.code)).to.not.include("efa.score-weights");
  });

  it("rotations on bfi (5 factors) and Harman74 (4 factors) as psych/GPArotation (item 6)", () => {
    const d = bfi();
    for (const key of Object.keys(G).filter((k) => k.startsWith("rot_"))) {
      const [, data, rot] = key.split("_");
      const g = G[key];
      const opts = { nfactors: data === "bfi" ? 5 : 4, rotate: rot as "equamax", ...(rot.startsWith("target") ? { Target: G.target_bfi } : {}) };
      const f = data === "bfi" ? fa(d, BFI_ITEMS, opts) : fa(input("Harman74"), opts);
      expect(f.factorNames, key).to.deep.equal([].concat(g.names));
      const al = align(f.loadings, g.loadings);
      expect(
        al.map((a) => a.col),
        `${key}: order`,
      ).to.deep.equal(al.map((_, j) => j));
      expect(maxAbsDiff(aligned(f.loadings, g.loadings), g.loadings), `${key}: loadings`).to.be.below(1e-4);
      if (g.Phi) {
        const P = al.map((a) => al.map((b) => a.sign * b.sign * f.Phi![a.col][b.col]));
        expect(maxAbsDiff(P, g.Phi), `${key}: Phi`).to.be.below(1e-4);
      } else expect(f.Phi, key).to.equal(undefined);
      expect(maxAbsDiff(f.vaccounted.ss, g.vaccounted[0]), `${key}: SS loadings`).to.be.below(1e-4);
    }
  });

  it("factor scores on raw bfi: regression, Bartlett, tenBerge, Anderson, Harman, missing = TRUE, oblique.scores (item 6)", () => {
    const d = bfi();
    const cases: Record<string, object> = {
      scores_regression: { scores: "regression" },
      scores_Bartlett: { scores: "Bartlett" },
      scores_tenBerge: { scores: "tenBerge" },
      scores_Anderson: { scores: "Anderson" },
      scores_Harman: { scores: "Harman" },
      scores_missing: { missing: true },
      scores_oblique: { obliqueScores: true },
      scores_ml_varimax: { fm: "ml", rotate: "varimax", scores: "Bartlett" },
    };
    for (const [key, o] of Object.entries(cases)) {
      const g = G[key];
      const f = fa(d, BFI_ITEMS, { nfactors: 5, ...o });
      const W = f.scoreWeights!.weights;
      expect(maxAbsDiff(W, g.weights), `${key}: weights`).to.be.below(1e-4);
      const names = f.factorNames;
      const first = Array.from({ length: 40 }, (_, r) => names.map((n) => f.scores![n][r]));
      const gs = g.scores.map((r: (number | null)[]) => r.map((v) => (v === null ? NaN : v)));
      const nan = (x: number[][]) => x.flat().map((v) => Number.isNaN(v));
      expect(nan(first), `${key}: missing rows`).to.deep.equal(nan(gs));
      const diff = maxAbsDiff(
        first.flat().map((v) => (Number.isNaN(v) ? 0 : v)),
        gs.flat().map((v: number) => (Number.isNaN(v) ? 0 : v)),
      );
      expect(diff, `${key}: scores`).to.be.below(1e-3);
      const naRows = f.scores![names[0]].filter((v) => Number.isNaN(v)).length;
      expect(naRows, `${key}: rows without scores`).to.equal(g.na_rows);
      g.R2.forEach((r: number | null, j: number) => {
        // psych's NA for 1 + rounding (Bartlett's R² is exactly 1): ours keeps 1
        if (r === null) expect(Number.isNaN(f.scoreWeights!.R2[j]) || Math.abs(f.scoreWeights!.R2[j] - 1) < 1e-10, `${key}: R2 NA`).to.equal(true);
        else expect(f.scoreWeights!.R2[j], `${key}: R2`).to.be.closeTo(r, 1e-4);
      });
    }
  });

  it("principal components with rotation, weights and scores (item 6)", () => {
    const d = bfi();
    for (const key of Object.keys(G).filter((k) => k.startsWith("pc_"))) {
      const g = G[key];
      const [, data, what] = key.split("_");
      const f =
        data === "harman"
          ? principal(input("Harman74"), { nfactors: 4, rotate: what as "varimax" })
          : what === "one"
            ? principal(d, BFI_ITEMS.slice(0, 5))
            : what === "missing"
              ? principal(d, BFI_ITEMS, { nfactors: 3, missing: true })
              : principal(d, BFI_ITEMS, { nfactors: 5, rotate: what as "varimax" });
      expect(f.factorNames, key).to.deep.equal([].concat(g.names));
      const tol = what === "oblimin" ? 1e-5 : 1e-8;
      expect(maxAbsDiff(f.loadings, g.loadings), `${key}: loadings`).to.be.below(tol);
      expect(maxAbsDiff(f.values, g.values), `${key}: values`).to.be.below(1e-10);
      expect(maxAbsDiff(f.communality, g.communality), `${key}: h2`).to.be.below(1e-10);
      if (g.Phi) expect(maxAbsDiff(f.Phi!, g.Phi), `${key}: Phi`).to.be.below(tol);
      expect(maxAbsDiff(f.vaccounted.ss, [].concat(g.vaccounted[0])), `${key}: SS`).to.be.below(tol);
      expect(f.fit.rms, `${key}: rms`).to.be.closeTo(g.rms, 1e-8);
      expect(f.fit.objective, `${key}: objective`).to.be.closeTo(g.objective, 1e-6 * Math.max(1, g.objective));
      expect(f.fit.dof, key).to.equal(g.dof);
      expect(maxAbsDiff(f.fit.weights, g.weights), `${key}: weights`).to.be.below(10 * tol);
      if (g.scores) {
        const names = f.factorNames;
        const first = Array.from({ length: 40 }, (_, r) => names.map((n) => f.scores![n][r]));
        const gs = g.scores.map((r: (number | null)[]) => r.map((v) => (v === null ? 0 : v)));
        expect(
          maxAbsDiff(
            first.map((r) => r.map((v) => (Number.isNaN(v) ? 0 : v))),
            gs,
          ),
          `${key}: scores`,
        ).to.be.below(100 * tol);
        expect(f.scores![names[0]].filter((v) => Number.isNaN(v)).length, `${key}: NA rows`).to.equal(g.na_rows);
      }
    }
  });

  it("VSS: psych's diagonal = FALSE counts the diagonal, TRUE leaves it out; vss2 is 0 at one factor (item 11a)", () => {
    const raw = input("HS9");
    for (const [key, o] of [
      ["vss_hs_default", {}],
      ["vss_hs_diagonal", { diagonal: true }],
    ] as const) {
      const v = vss(raw, { n: 4, ...o });
      const g = G[key];
      expect(
        maxAbsDiff(
          v.rows.map((r) => r.vss1),
          g.vss1,
        ),
        `${key} vss1`,
      ).to.be.below(1e-4);
      expect(
        maxAbsDiff(
          v.rows.map((r) => r.vss2),
          g.vss2,
        ),
        `${key} vss2`,
      ).to.be.below(1e-4);
      expect(v.rows[0].vss2).to.equal(0);
      expect(
        maxAbsDiff(
          v.rows.map((r) => r.fit),
          g.fit,
        ),
        `${key} fit`,
      ).to.be.below(1e-4);
    }
    // VSS with fm "ml" inherits the optimiser (QA 1f): rows 1-3 and 5 as psych; with 4 factors our ML
    // minimum is lower than psych's (opt_Boston_ml_4), so the χ² there is lower too
    const b = vss(input("Boston"), { n: 5, fm: "ml", plot: false, diagonal: false, cor: "cor", title: "VSS" } as never);
    const gb = G.vss_boston_ml;
    for (const i of [0, 1, 2, 4]) {
      expect(b.rows[i].vss1, `Boston ml vss1[${i}]`).to.be.closeTo(gb.vss1[i], 1e-4);
      expect(b.rows[i].chisq, `Boston ml chisq[${i}]`).to.be.closeTo(gb.chisq[i], 1e-3 * gb.chisq[i]);
    }
    expect(b.rows[3].chisq).to.be.below(gb.chisq[3]);
  });

  it("faParallel, vss and omega accept psych's arguments that change no number", () => {
    const raw = input("HS9");
    expect(() => vss(raw, { n: 3, plot: true, diagonal: false } as never)).to.not.throw();
    expect(() => vss(raw, { n: 3, cor: "poly" } as never)).to.throw(/only as/);
    const p1 = faParallel(raw, { nIter: 3, seed: 1 });
    const p2 = faParallel(raw, {
      nIter: 3,
      seed: 1,
      plot: false,
      "error.bars": false,
      cor: "cor",
      main: "HS9",
      ylabel: "eigenvalues",
      "show.legend": true,
    } as never);
    expect(p2.simulated.fa!.mean).to.deep.equal(p1.simulated.fa!.mean);
    expect(() => faParallel(raw, { nIter: 3, "error.bars": true } as never)).to.throw(/only as false/);
    const o1 = omega(raw, { nfactors: 3 });
    const o2 = omega(raw, { nfactors: 3, plot: false, sl: true, poly: false, "n.iter": 1, digits: 2, title: "Omega" } as never);
    expect(o2.omegaH).to.equal(o1.omegaH);
    expect(() => omega(raw, { nfactors: 3, poly: true } as never)).to.throw(/only as false/);
  });
});
