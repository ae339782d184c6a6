import { expect } from "chai";
import { Rng } from "../../src/simulate/rng";
import { attainable, attainableLinearised, momentBox, regressionFromMoments } from "../../src/replicate";
import { corrTable } from "../../src/replicate/transcribe";
import { isPositiveDefinite, type Box } from "../../src/replicate/attainable";

// A printed 5-variable table (two decimals, N = 232), as a paper prints it.
const table = corrTable({
  source: "Table X",
  n: 232,
  names: ["y", "a", "b", "c", "d"],
  labels: ["y", "a", "b", "c", "d"],
  means: ["5.30", "4.97", "5.22", "5.18", "0.77"],
  sds: ["1.11", "1.24", "1.20", "1.19", "0.15"],
  lower: [[], ["0.41"], ["0.47", "0.30"], ["0.48", "0.27", "0.37"], ["0.27", "−0.01", "0.31", "0.31"]],
  diagonal: ["1", "1", "1", "1", "1"],
  diagonalMeaning: "",
  starLegend: null,
});

/** Uniform random points of the box plus all its vertices (when few), feasible ones only. */
function sample(box: Box, n: number, seed: number): number[][] {
  const r = new Rng(seed);
  const p = box.names.length;
  const pts: number[][] = [];
  for (let k = 0; k < n; k++) pts.push(box.lower.map((lo, j) => lo + r.uniform() * (box.upper[j] - lo)));
  if (p <= 12) for (let mask = 0; mask < 1 << p; mask++) pts.push(box.lower.map((lo, j) => ((mask >> j) & 1 ? box.upper[j] : lo)));
  return pts.filter((x) => !box.feasible || box.feasible(x));
}

describe("replicate: attainable intervals against dense random sampling of the box", function () {
  this.timeout(20000);

  it("t of a regression coefficient: no sampled point beyond the interval, the ends attained at feasible points", () => {
    const { box, moments } = momentBox(table, ["y", "a", "b", "c"]);
    const f = (x: number[]) => regressionFromMoments(moments(x), "y", ["a", "b", "c"]).t[1];
    const a = attainable(box, f);
    const vals = sample(box, 20000, 1).map(f);
    const lo = Math.min(...vals);
    const hi = Math.max(...vals);
    expect(a.exact).to.be.closeTo(f(box.center), 1e-12);
    expect(hi).to.be.at.most(a.upper + 1e-9);
    expect(lo).to.be.at.least(a.lower - 1e-9);
    // Tight: the sampled extremes (vertices included) reach the optimised ends.
    expect(a.upper - hi).to.be.below(1e-6);
    expect(lo - a.lower).to.be.below(1e-6);
    expect(f(a.argUpper)).to.be.closeTo(a.upper, 1e-12);
    expect(box.feasible!(a.argLower)).to.equal(true);
    // Rounding of two-decimal correlations moves this t by several tenths.
    expect(a.upper - a.lower).to.be.above(0.3);
  });

  it("standardised β and R² with SDs in the box (6 correlations + 4 SDs)", () => {
    const { box, moments } = momentBox(table, ["y", "a", "b", "d"], { sds: true });
    for (const f of [
      (x: number[]) => regressionFromMoments(moments(x), "y", ["a", "b", "d"]).b[2],
      (x: number[]) => regressionFromMoments(moments(x), "y", ["a", "b", "d"]).r2,
    ]) {
      const a = attainable(box, f);
      const vals = sample(box, 20000, 2).map(f);
      expect(Math.max(...vals)).to.be.at.most(a.upper + 1e-9);
      expect(Math.min(...vals)).to.be.at.least(a.lower - 1e-9);
      expect(a.upper - Math.max(...vals)).to.be.below(1e-6 * (1 + Math.abs(a.upper)));
    }
  });

  it("an interior optimum is found by the projected gradient steps, not only vertices", () => {
    const box: Box = { names: ["u", "v"], center: [0, 0], lower: [-1, -1], upper: [1, 1] };
    const f = (x: number[]) => -((x[0] - 0.3) ** 2) - (x[1] + 0.2) ** 2 + x[0] * x[1] * 0.1;
    const a = attainable(box, f);
    const vals = sample(box, 40000, 3).map(f);
    expect(a.upper).to.be.at.least(Math.max(...vals) - 1e-6);
    expect(a.lower).to.be.closeTo(Math.min(...vals), 1e-9); // minimum at a vertex
  });

  it("keeps the correlation matrix positive definite where the box leaves it", () => {
    // r(a,b) = .90, r(a,c) = .90, r(b,c) in [.60, .70]: a box with non-PD corners (PD needs r(b,c) > .62).
    const t = corrTable({
      source: "T",
      n: 100,
      names: ["y", "a", "b", "c"],
      labels: ["y", "a", "b", "c"],
      means: [null, null, null, null],
      sds: [null, null, null, null],
      lower: [[], ["0.50"], ["0.40", "0.90"], ["0.30", "0.90", "0.65"]],
      diagonal: ["1", "1", "1", "1"],
      diagonalMeaning: "",
      starLegend: null,
    });
    const { box, moments } = momentBox(t, ["y", "a", "b", "c"]);
    // widen r(b, c) so that part of the box is not positive definite
    const j = box.names.indexOf("r(c, b)");
    box.lower[j] = 0.6;
    box.upper[j] = 0.7;
    const pts = sample(box, 5000, 4);
    const all = 5000 + 64;
    expect(pts.length).to.be.below(all); // some points are infeasible
    // R² stays bounded as the matrix nears singularity (a coefficient would not: its supremum is infinite).
    const f = (x: number[]) => regressionFromMoments(moments(x), "y", ["a", "b", "c"]).r2;
    const a = attainable(box, f);
    expect(box.feasible!(a.argUpper) && box.feasible!(a.argLower)).to.equal(true);
    const vals = pts.map(f);
    expect(Math.max(...vals)).to.be.at.most(a.upper + 1e-9);
    expect(Math.min(...vals)).to.be.at.least(a.lower - 1e-9);
    expect(isPositiveDefinite(moments(a.argUpper).cor)).to.equal(true);
  });

  it("the linearised version attains values inside the optimised interval and close to its ends", () => {
    const { box, moments } = momentBox(table, ["y", "a", "b", "c", "d"]);
    const F = (x: number[]) => regressionFromMoments(moments(x), "y", ["a", "b", "c", "d"]).t;
    const lin = attainableLinearised(box, F);
    lin.forEach((l, k) => {
      const opt = attainable(box, (x) => F(x)[k]);
      expect(l.upper).to.be.at.most(opt.upper + 1e-9);
      expect(l.lower).to.be.at.least(opt.lower - 1e-9);
      expect(opt.upper - l.upper).to.be.below(0.02 * (opt.upper - opt.lower));
    });
  });
});
