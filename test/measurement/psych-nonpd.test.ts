/**
 * fa on a correlation matrix that is not positive definite but invertible (QA report item 6), against
 * psych 2.2.9 (test/goldens/psych-nonpd.R: Harman74 with two entries overwritten, smallest eigenvalue
 * −0.097). psych's SMC start takes the pseudo-inverse by the SVD, which on such a matrix is its
 * ordinary inverse (negative eigenvalue included); its score weights solve the unsmoothed R; its score
 * R² (fa.stats) uses cor.smooth's R, and is above 1 here, so psych warns.
 */
import { expect } from "chai";
import { fa } from "../../src/measurement";
import { smcOf } from "../../src/measurement/efa/input";
import { golden } from "../fixtures/read-fixture";
import { maxAbsDiff } from "./bfi";

const G = golden("psych-nonpd.json");
const input = { cor: G.R, names: G.names, n: G.n };

describe("fa on a non-positive-definite correlation matrix, as psych (QA item 6)", () => {
  it("the SMCs keep the negative eigenvalue, as psych's Pinv (SVD)", () => {
    expect(maxAbsDiff(smcOf(G.R), G.smc)).to.be.below(1e-10);
  });

  for (const [key, nfactors, rotate] of [
    ["pa2_none", 2, "none"],
    ["pa2_varimax", 2, "varimax"],
    ["pa3_oblimin", 3, "oblimin"],
  ] as const) {
    it(`fm "pa", ${nfactors} factors, rotate ${rotate}: loadings, iterations, weights and score R² as psych`, () => {
      const g = G[key];
      const f = fa(input, { nfactors, fm: "pa", rotate });
      expect(f.iterations, "iterations").to.equal(g.iterations);
      expect(maxAbsDiff(f.loadings, g.loadings), "loadings").to.be.below(1e-6);
      expect(maxAbsDiff(f.communality, g.communality), "communality").to.be.below(1e-6);
      expect(maxAbsDiff(f.fit.weights, g.weights), "weights").to.be.below(1e-5);
      // psych's R² comes from a smoothed, nearly singular matrix: large, and matched to 1e-4 relative
      f.fit.scoreR2.forEach((r, j) => expect(Math.abs(r / g.R2[j] - 1), `R2[${j}]`).to.be.below(1e-4));
      expect(f.warnings.map((w) => w.code)).to.include.members(["efa.singular", "efa.score-weights"]);
    });
  }
});
