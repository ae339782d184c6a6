import { expect } from "chai";
import { sampleMoments, simulateItems, type ItemConstruct } from "../../src";
import { maxAbs, maxAbsVec } from "./helpers";

// Paper 000 (Zahoor, Al-Tabbaa & Khan, 2023): Table 2 loadings and Table 3 descriptives, N = 278.
const loadings: Record<string, number[]> = {
  coord: [0.77, 0.88, 0.72],
  proact: [0.77, 0.77, 0.8, 0.72],
  transf: [0.76, 0.8, 0.75],
  learn: [0.9, 0.88, 0.72, 0.73],
  rad: [0.79, 0.77, 0.7],
  inc: [0.7, 0.79, 0.68],
  speed: [0.92, 0.9, 0.9, 0.89, 0.91],
};
const vars = [
  "coord",
  "proact",
  "transf",
  "learn",
  "rad",
  "inc",
  "speed",
  "firm_size",
  "firm_age",
  "industry",
  "rd_intensity",
  "intl_experience",
  "alliance_experience",
];
const mean = [5.43, 5.44, 5.31, 5.34, 5.38, 5.23, 5.1, 1.84, 1.1, 1.73, 0.33, 0.59, 2.08];
const sd = [1.01, 1.03, 0.97, 0.92, 0.96, 0.95, 1.34, 0.39, 0.36, 0.78, 0.44, 0.46, 1.14];
const corr = [
  [1.0, 0.59, 0.54, 0.52, 0.48, 0.44, 0.17, 0.05, 0.05, -0.03, -0.08, 0.14, 0.0],
  [0.59, 1.0, 0.52, 0.46, 0.4, 0.34, 0.2, 0.04, 0.1, -0.02, -0.03, 0.14, 0.05],
  [0.54, 0.52, 1.0, 0.5, 0.51, 0.38, 0.15, 0.07, 0.07, 0.05, -0.11, 0.08, -0.07],
  [0.52, 0.46, 0.5, 1.0, 0.45, 0.33, 0.2, 0.16, 0.08, 0.03, -0.11, 0.08, -0.08],
  [0.48, 0.4, 0.51, 0.45, 1.0, 0.41, 0.13, 0.14, 0.07, 0.05, -0.1, 0.1, -0.01],
  [0.44, 0.34, 0.38, 0.33, 0.41, 1.0, 0.37, 0.1, 0.13, 0.11, -0.09, 0.13, -0.01],
  [0.17, 0.2, 0.15, 0.2, 0.13, 0.37, 1.0, 0.14, 0.07, 0.15, -0.09, 0.01, 0.14],
  [0.05, 0.04, 0.07, 0.16, 0.14, 0.1, 0.14, 1.0, 0.15, 0.04, -0.24, 0.1, 0.0],
  [0.05, 0.1, 0.07, 0.08, 0.07, 0.13, 0.07, 0.15, 1.0, -0.04, -0.01, 0.64, 0.04],
  [-0.03, -0.02, 0.05, 0.03, 0.05, 0.11, 0.15, 0.04, -0.04, 1.0, -0.11, 0.0, -0.15],
  [-0.08, -0.03, -0.11, -0.11, -0.1, -0.09, -0.09, -0.24, -0.01, -0.11, 1.0, -0.02, 0.11],
  [0.14, 0.14, 0.08, 0.08, 0.1, 0.13, 0.01, 0.1, 0.64, 0.0, -0.02, 1.0, 0.04],
  [0.0, 0.05, -0.07, -0.08, -0.01, -0.01, 0.14, 0.0, 0.04, -0.15, 0.11, 0.04, 1.0],
];

const constructs: ItemConstruct[] = vars.map((v, i) =>
  loadings[v]
    ? { name: v, items: loadings[v].map((_, j) => `${v}${j + 1}`), loadings: loadings[v], mean: mean[i], sd: sd[i] }
    : // Controls are single observed variables: loading 1, never rounded.
      { name: v, items: [`${v}_obs`], loadings: [1], mean: mean[i], sd: sd[i], likert: null },
);

describe("simulate: paper 000 end to end", () => {
  it("25 Likert items + 6 controls whose composites reproduce Table 3 exactly before rounding", () => {
    const sim = simulateItems({ n: 278, constructs, cor: corr, seed: 278, likert: { min: 1, max: 7 } });
    expect(sim.method).to.equal("factor");
    expect(sim.itemNames).to.have.length(31);
    expect(maxAbs(sim.continuousMoments.cor, corr)).to.be.below(1e-10);
    expect(maxAbsVec(sim.continuousMoments.means, mean)).to.be.below(1e-10);
    expect(maxAbsVec(sim.continuousMoments.sds, sd)).to.be.below(1e-10);
    // Controls stay continuous and exact even after the items are rounded.
    const ctrl = sampleMoments(vars.slice(7).map((v) => sim.data[v]));
    expect(maxAbsVec(ctrl.means, mean.slice(7))).to.be.below(1e-10);
    expect(
      maxAbs(
        ctrl.cor,
        corr.slice(7).map((r) => r.slice(7)),
      ),
    ).to.be.below(1e-10);
    expect(Number.isInteger(sim.data.firm_size_obs[0])).to.equal(false);
    // Likert items are integers, and the drift is small but not zero.
    expect(sim.data.coord1.every((v) => Number.isInteger(v) && v >= 1 && v <= 7)).to.equal(true);
    expect(sim.drift!.cor).to.be.above(0).and.below(0.08);
    // Latent correlations are the disattenuated composite correlations.
    expect(sim.latentCor![0][1]).to.be.closeTo(0.59 / Math.sqrt(sim.reliability[0] * sim.reliability[1]), 1e-12);
  });
});
