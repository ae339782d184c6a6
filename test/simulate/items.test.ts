import { expect } from "chai";
import { type ItemSimulation, sampleMoments, simulateItems, type ItemConstruct } from "../../src";
import { expectPathlabError, golden, maxAbs, maxAbsVec } from "./helpers";

// Paper 000's loadings (coord, rad, speed) with hypothetical composite moments.
const constructs: ItemConstruct[] = [
  { name: "coord", items: ["coord1", "coord2", "coord3"], loadings: [0.77, 0.88, 0.72], mean: 5.2, sd: 1.1 },
  { name: "rad", items: ["rad1", "rad2", "rad3"], loadings: [0.79, 0.77, 0.7], mean: 4.8, sd: 1.3 },
  { name: "speed", items: ["speed1", "speed2", "speed3", "speed4", "speed5"], loadings: [0.92, 0.9, 0.9, 0.89, 0.91], mean: 4.5, sd: 1.4 },
];
const cor = [
  [1, 0.45, 0.3],
  [0.45, 1, 0.35],
  [0.3, 0.35, 1],
];

function compositeMoments(sim: ItemSimulation) {
  return sampleMoments(
    constructs.map((c) => {
      const out = new Float64Array(sim.n);
      for (const it of c.items) sim.data[it].forEach((v, i) => (out[i] += v / c.items.length));
      return out;
    }),
  );
}

describe("simulate/simulateItems", () => {
  it("composites of the items reproduce the target correlations, means and SDs to 1e-10 (factor method)", () => {
    const sim = simulateItems({ n: 278, constructs, cor, seed: 42 });
    expect(sim.method).to.equal("factor");
    const m = compositeMoments(sim);
    expect(maxAbs(m.cor, cor)).to.be.below(1e-10);
    expect(maxAbsVec(m.means, [5.2, 4.8, 4.5])).to.be.below(1e-10);
    expect(maxAbsVec(m.sds, [1.1, 1.3, 1.4])).to.be.below(1e-10);
    // The composite columns it returns are those item means.
    expect(maxAbsVec(Array.from(sim.composites.rad), Array.from(sim.data.rad))).to.equal(0);
    expect(sim.drift).to.equal(null);
    expect(Object.keys(sim.items)).to.have.length(11);
  });

  it("item covariance follows λλ' within and λ_i λ_j φ between, φ = r/√(ω_k ω_l) (R matrix-algebra golden)", () => {
    const g = golden.items;
    const sim = simulateItems({ n: 500, constructs, cor, seed: 1 });
    expect(maxAbsVec(sim.reliability, g.omega)).to.be.below(1e-12);
    expect(maxAbs(sim.latentCor!, g.phi)).to.be.below(1e-12);
    expect(maxAbs(sim.itemCov, g.itemCovFactor)).to.be.below(1e-12);
    // The items' sample covariance is that matrix exactly.
    expect(maxAbs(sampleMoments(sim.itemNames.map((i) => sim.data[i])).cov, g.itemCovFactor)).to.be.below(1e-10);
    // Standardised loadings are preserved within a block: r(coord1, coord2) = .77 × .88.
    const r = sampleMoments([sim.data.coord1, sim.data.coord2]).cor[0][1];
    expect(r).to.be.closeTo(0.77 * 0.88, 1e-10);
  });

  it("conditional method: exact composites, item covariance B V B' + within (R golden)", () => {
    const sim = simulateItems({ n: 500, constructs, cor, seed: 1, method: "conditional" });
    expect(sim.method).to.equal("conditional");
    expect(maxAbs(sim.itemCov, golden.items.itemCovConditional)).to.be.below(1e-12);
    expect(maxAbs(compositeMoments(sim).cor, cor)).to.be.below(1e-10);
  });

  it("falls back to the conditional method, with a warning, when disattenuated correlations exceed 1", () => {
    const weak: ItemConstruct[] = [
      { name: "a", items: ["a1", "a2", "a3"], loadings: [0.5, 0.5, 0.5] },
      { name: "b", items: ["b1", "b2", "b3"], loadings: [0.5, 0.5, 0.5] },
    ];
    const sim = simulateItems({ n: 100, constructs: weak, cor: [[1], [0.6, 1]], seed: 3 });
    expect(sim.method).to.equal("conditional");
    expect(sim.warnings[0].message).to.match(/largest \|φ\| 1\.200/);
    expect(
      maxAbs(sampleMoments([sim.data.a, sim.data.b]).cor, [
        [1, 0.6],
        [0.6, 1],
      ]),
    ).to.be.below(1e-10);
    expectPathlabError(() => simulateItems({ n: 100, constructs: weak, cor: [[1], [0.6, 1]], seed: 3, method: "factor" }), /factor method cannot reproduce/);
  });

  it("corOf: 'factors' uses the correlations as φ and reports the implied composite correlations", () => {
    const sim = simulateItems({ n: 400, constructs, cor, seed: 5, corOf: "factors" });
    const g = golden.items;
    const implied = cor.map((row, k) => row.map((phi, l) => (k === l ? 1 : phi * Math.sqrt(g.omega[k] * g.omega[l]))));
    expect(maxAbs(sim.target.cor, implied)).to.be.below(1e-12);
    expect(maxAbs(compositeMoments(sim).cor, implied)).to.be.below(1e-10);
  });

  it("Likert rounding: items are integers 1–7 and the drift is reported", () => {
    const sim = simulateItems({ n: 278, constructs, cor, seed: 42, likert: { min: 1, max: 7 } });
    for (const it of sim.itemNames) for (const v of sim.data[it]) expect(Number.isInteger(v) && v >= 1 && v <= 7).to.equal(true);
    const m = compositeMoments(sim);
    const d = sim.drift!;
    expect(d.cor).to.be.closeTo(maxAbs(m.cor, cor), 1e-15);
    expect(d.mean).to.be.closeTo(maxAbsVec(m.means, [5.2, 4.8, 4.5]), 1e-15);
    expect(d.sd).to.be.closeTo(maxAbsVec(m.sds, [1.1, 1.3, 1.4]), 1e-15);
    expect(d.cor).to.be.above(1e-6);
    expect(d.cor).to.be.below(0.1);
    // The continuous composites were exact before rounding.
    expect(maxAbs(sim.continuousMoments.cor, cor)).to.be.below(1e-10);
    const text = sim.summary();
    expect(text).to.contain("Composites after rounding to 1–7");
    expect(text).to.match(/max \|Δr\| = 0\.0\d{3}/);
  });

  it("itemMeans/itemSds: relative item SDs rescaled to the construct SD, item means shifted to its mean", () => {
    const sim = simulateItems({
      n: 300,
      constructs: [constructs[0], constructs[1]],
      cor: [[1], [0.4, 1]],
      seed: 8,
      itemMeans: { coord1: 5, coord2: 6, coord3: 4 },
      itemSds: { coord1: 1, coord2: 2, coord3: 1 },
    });
    const m = sampleMoments([sim.data.coord1, sim.data.coord2, sim.data.coord3, sim.data.coord]);
    expect(m.means[3]).to.be.closeTo(5.2, 1e-10);
    expect(m.sds[3]).to.be.closeTo(1.1, 1e-10);
    expect(m.means[1] - m.means[0]).to.be.closeTo(1, 1e-10); // differences kept
    expect(m.sds[1] / m.sds[0]).to.be.closeTo(2, 1e-10); // ratios kept
    expect(m.cor[0][1]).to.be.closeTo(0.77 * 0.88, 1e-10);
  });

  it("single-item constructs may have loading 1", () => {
    const sim = simulateItems({
      n: 100,
      constructs: [{ name: "size", items: ["size1"], loadings: [1], mean: 1.81, sd: 0.5 }, constructs[0]],
      cor: [[1], [0.1, 1]],
      seed: 2,
    });
    expect(sampleMoments([sim.data.size, sim.data.coord]).cor[0][1]).to.be.closeTo(0.1, 1e-10);
  });

  describe("bad inputs", () => {
    const base = { n: 278, constructs, cor, seed: 1 };
    it("loadings outside (−1, 1)", () => {
      const bad = [{ ...constructs[0], loadings: [0.77, 1.02, 0.72] }, constructs[1], constructs[2]];
      const e = expectPathlabError(() => simulateItems({ ...base, constructs: bad }), /Loading of item "coord2" \(construct "coord"\) is 1\.02/, /\(−1, 1\)/);
      expect(e.code).to.equal("simulate.bad-loading");
      expectPathlabError(
        () => simulateItems({ ...base, constructs: [{ ...constructs[0], loadings: [0.77, 1, 0.72] }, constructs[1], constructs[2]] }),
        /is 1;/,
      );
    });
    it("items and loadings of different lengths; cor of the wrong size", () => {
      expectPathlabError(
        () => simulateItems({ ...base, constructs: [{ ...constructs[0], loadings: [0.7, 0.8] }, constructs[1], constructs[2]] }),
        /Construct "coord" has 3 items but 2 loadings/,
      );
      expectPathlabError(() => simulateItems({ ...base, cor: [[1], [0.3, 1]] }), /cor is 2 × 2 but there are 3 constructs \(coord, rad, speed\)/);
    });
    it("non-positive-definite construct correlations give the smallest eigenvalue", () => {
      const e = expectPathlabError(
        () => simulateItems({ ...base, cor: [[1], [0.9, 1], [0.2, 0.9, 1]] }),
        /cor is not positive definite \(smallest eigenvalue -0\.1767\)/,
      );
      expect(e.hint).to.match(/nearestPD/);
    });
    it("n too small, duplicate names, unknown items in itemMeans", () => {
      expectPathlabError(() => simulateItems({ ...base, n: 11 }), /n = 11 is too small: exact moments for 11 items/);
      expectPathlabError(
        () => simulateItems({ ...base, constructs: [constructs[0], { ...constructs[1], items: ["rad1", "coord1", "rad3"] }, constructs[2]] }),
        /"coord1" is used twice/,
      );
      const e = expectPathlabError(() => simulateItems({ ...base, itemMeans: { cord1: 3 } }), /itemMeans: unknown item "cord1"/);
      expect(e.hint).to.match(/coord1/);
      expectPathlabError(() => simulateItems({ ...base, likert: { min: 7, max: 1 } }), /likert must have integer min < max/);
    });
  });
});
