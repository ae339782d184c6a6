/**
 * fa() against psych 2.2.9 + GPArotation (test/goldens/psych-fa.R → psych-fa.json): bfi (25 items,
 * 2,800 rows with missing answers, pairwise correlations as psych) with 5 factors and Harman74.cor
 * (24 tests, n = 145) with 4 factors, for every fm (minres, ml, pa) × rotation (none, varimax,
 * quartimax, promax, oblimin, geominQ, bentlerQ). Factors are matched to psych's by congruence and
 * sign before comparing (they also agree in order and name). Tolerances: 1e-4 absolute for loadings,
 * Φ, communalities and other results of iterative fits (psych's L-BFGS-B stops early: observed
 * differences ~1e-6); 1e-8 for the eigenvalues of R (closed form).
 */
import { expect } from "chai";
import { fa, type FaResult } from "../../src/measurement";
import { golden } from "../fixtures/read-fixture";
import { bfi, BFI_ITEMS, maxAbsDiff } from "./bfi";

const G = golden("psych-fa.json");
const H = G.harman74;
const FMS = ["minres", "ml", "pa"] as const;
const ROTS = ["none", "varimax", "quartimax", "promax", "oblimin", "geominQ", "bentlerQ"] as const;
const TOL = 1e-4;

/** Our column and sign for each of psych's factors, by Tucker congruence. */
function align(ours: number[][], theirs: number[][]): { col: number; sign: number }[] {
  const k = theirs[0].length;
  const used = new Set<number>();
  const cong = (a: number, b: number) => {
    // biome-ignore format: kept compact on purpose (a hot loop or a dense table)
    let s = 0, x = 0, y = 0;
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

function relClose(a: number, b: number | null, tol: number, what: string) {
  if (b === null || b === undefined) {
    expect(Number.isFinite(a), `${what}: expected NA, got ${a}`).to.equal(false);
    return;
  }
  expect(Math.abs(a - b), `${what}: ${a} vs psych ${b}`).to.be.at.most(tol * Math.max(1, Math.abs(b)));
}

function compare(f: FaResult, g: any, what: string) {
  const L = g.loadings as number[][];
  const al = align(f.loadings, L);
  expect(
    al.map((a) => a.col),
    `${what}: factor order`,
  ).to.deep.equal(al.map((_, j) => j));
  expect(f.factorNames, `${what}: names`).to.deep.equal([].concat(g.names));
  const ours = f.loadings.map((r) => al.map((a) => a.sign * r[a.col]));
  expect(maxAbsDiff(ours, L), `${what}: loadings`).to.be.below(TOL);
  if (g.Phi) {
    const P = al.map((a) => al.map((b) => a.sign * b.sign * f.Phi![a.col][b.col]));
    expect(maxAbsDiff(P, g.Phi), `${what}: Phi`).to.be.below(TOL);
  } else expect(f.Phi, `${what}: orthogonal`).to.equal(undefined);
  expect(maxAbsDiff(f.communality, g.communality), `${what}: h2`).to.be.below(TOL);
  expect(maxAbsDiff(f.uniquenesses, g.uniquenesses), `${what}: u2`).to.be.below(TOL);
  expect(maxAbsDiff(f.complexity, g.complexity), `${what}: complexity`).to.be.below(1e-3);
  expect(maxAbsDiff(f.values, g.values), `${what}: values`).to.be.below(TOL);
  expect(maxAbsDiff(f.eValues, g.e_values), `${what}: e.values`).to.be.below(1e-8);
  const v = f.vaccounted;
  const rows = f.nfactors > 1 ? [v.ss, v.proportionVar, v.cumulativeVar, v.proportionExplained, v.cumulativeProportion] : [v.ss, v.proportionVar];
  const gv = g.vaccounted as number[][] | number[];
  expect(maxAbsDiff(rows, Array.isArray(gv[0]) ? (gv as number[][]) : (gv as number[]).map((x) => [x])), `${what}: Vaccounted`).to.be.below(TOL);
  const s = f.fit;
  expect(s.dof).to.equal(g.dof);
  relClose(s.objective, g.objective, TOL, `${what}: objective`);
  relClose(s.chisq, g.chisq, TOL, `${what}: chisq`);
  relClose(s.pValue, g.pval, 1e-3, `${what}: p`);
  relClose(s.nullObjective, g.null_model, 1e-8, `${what}: null objective`);
  relClose(s.nullChisq, g.null_chisq, 1e-8, `${what}: null chisq`);
  relClose(s.TLI, g.TLI, TOL, `${what}: TLI`);
  if (g.RMSEA) {
    relClose(s.RMSEA, g.RMSEA[0], TOL, `${what}: RMSEA`);
    relClose(s.rmseaLower, g.RMSEA[1], TOL, `${what}: RMSEA lower`);
    relClose(s.rmseaUpper, g.RMSEA[2], TOL, `${what}: RMSEA upper`);
    // BIC = χ² − df ln n is a difference of large numbers: its error is relative to χ²
    relClose(s.BIC, g.BIC, (TOL * Math.max(1, g.chisq)) / Math.max(1, Math.abs(g.BIC)), `${what}: BIC`);
    relClose(s.SABIC, g.SABIC, (TOL * Math.max(1, g.chisq)) / Math.max(1, Math.abs(g.SABIC)), `${what}: SABIC`);
  }
  relClose(s.rms, g.rms, TOL, `${what}: rms`);
  relClose(s.crms, g.crms, TOL, `${what}: crms`);
  relClose(s.eChisq, g.chi, TOL, `${what}: empirical chi`);
  relClose(s.eBIC, g.EBIC, (TOL * Math.max(1, g.chi)) / Math.max(1, Math.abs(g.EBIC)), `${what}: eBIC`);
  relClose(s.nh, g.nh, 1e-10, `${what}: nh`);
  relClose(s.fit, g.fit, TOL, `${what}: fit`);
  relClose(s.fitOff, g.fit_off, TOL, `${what}: fit.off`);
  const R2 = al.map((a) => s.scoreR2[a.col]);
  expect(maxAbsDiff(R2, Array.isArray(g.R2) ? g.R2 : [g.R2]), `${what}: R2`).to.be.below(TOL);
  expect(f.hyperplane, `${what}: hyperplane`).to.deep.equal(Array.isArray(g.hyperplane) ? g.hyperplane : [g.hyperplane]);
}

describe("fa vs psych::fa (bfi and Harman74, every fm × rotation)", function () {
  this.timeout(60000);
  const d = bfi();
  for (const fm of FMS)
    for (const rotate of ROTS) {
      it(`${fm} + ${rotate}`, () => {
        compare(fa(d, BFI_ITEMS, { nfactors: 5, fm, rotate }), G[`bfi_${fm}_${rotate}`], `bfi ${fm} ${rotate}`);
        compare(fa({ cor: H.cor, names: H.names, n: H.n }, { nfactors: 4, fm, rotate }), G[`harman_${fm}_${rotate}`], `harman ${fm} ${rotate}`);
      });
    }

  it('use: "complete", one factor, Kaiser-normalised oblimin, a matrix without n, alpha = 0.05', () => {
    compare(fa(d, BFI_ITEMS, { nfactors: 5, use: "complete" }), G.bfi_complete, "complete");
    compare(fa(d, BFI_ITEMS.slice(0, 5), { nfactors: 1 }), G.bfi_one, "one factor");
    compare(fa({ cor: H.cor, names: H.names }, { nfactors: 4, nObs: 145, rotate: "oblimin", normalize: true }), G.harman_oblimin_normalize, "normalize");
    compare(fa({ cor: H.cor, names: H.names }, { nfactors: 4, rotate: "varimax" }), G.harman_non, "no n");
    compare(fa({ cor: H.cor, names: H.names, n: 145 }, { nfactors: 3, alpha: 0.05 }), G.harman_alpha05, "alpha 0.05");
  });

  it("sorted loadings table follows psych's fa.sort order and blanks |λ| < cut", () => {
    const f = fa(d, BFI_ITEMS, { nfactors: 5 });
    expect(f.sortOrder().map((i) => i + 1)).to.deep.equal(G.bfi_sort_order);
    const t = f.loadingsTable({ cut: 0.3 });
    const text = t.summary();
    // psych: N4  0.47 -0.39 (other loadings below .3 blanked)
    expect(text.split("\n").find((l) => l.startsWith("N4"))).to.match(/^N4\s+0\.47\s+−0\.39\s+\d/);
    expect(t.spec.rows[0].item).to.equal(BFI_ITEMS[G.bfi_sort_order[0] - 1]);
    expect(t.spec.rows.some((r) => Object.values(r).includes(""))).to.equal(true);
    const fig = f.heatmap();
    expect(fig.data[0].type).to.equal("heatmap");
    expect((fig.data[0] as { y: string[] }).y[0]).to.equal(t.spec.rows[0].item);
    expect(f.summary()).to.contain('use = "pairwise" (psych\'s default)');
  });

  it("random starts are seeded: the same seed gives the same rotation, and the identity start is among them", () => {
    const h = { cor: H.cor, names: H.names, n: H.n };
    const a = fa(h, { nfactors: 4, rotate: "geominQ", nRotations: 6, seed: 7 });
    const b = fa(h, { nfactors: 4, rotate: "geominQ", nRotations: 6, seed: 7 });
    expect(a.loadings).to.deep.equal(b.loadings);
    expect(a.rotationInfo.trials).to.have.length(6);
    expect(a.summary()).to.contain("seed 7");
    const single = fa(h, { nfactors: 4, rotate: "geominQ" });
    const best = a.rotationInfo.trials!.reduce((m, t) => Math.max(m, t.hyperplane), 0);
    expect(best).to.be.at.least(a.rotationInfo.trials![0].hyperplane);
    expect(a.rotationInfo.trials![0].hyperplane).to.be.closeTo(single.hyperplane.reduce((x, y) => x + y, 0) / (24 * 4), 1e-12);
  });
});
