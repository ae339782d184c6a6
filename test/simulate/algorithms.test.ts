import { expect } from "chai";
import { Rng } from "../../src/simulate/rng";
import { sampleMoments } from "../../src/simulate/moments";
import { centred, dot, mean } from "../../src/math";
import { conditionalColumns, orthonormalBasis, residualDirections, residualize } from "../../src/simulate/conditional";
import { arrangeCorrelations, matchDummy, shuffledCounts } from "../../src/simulate/discrete";
import { oneFactorLoadings } from "../../src/simulate/loadings";
import { plantProduct } from "../../src/simulate/plant";
import { polishItems } from "../../src/simulate/polish";

describe("simulate: exact conditional draws", () => {
  it("new columns have exactly the target means, covariances with the fixed columns and among themselves", () => {
    const r = new Rng(7);
    const n = 200;
    const x = r.normals(n);
    const w = x.map((v) => 0.5 * v + r.normal());
    const fixed = [x, w];
    const cross = [
      [0.4, 0.2],
      [-0.1, 0.3],
    ]; // cov(new_a, fixed_k)
    const cov = [
      [1.5, 0.3],
      [0.3, 0.8],
    ];
    const cols = conditionalColumns(fixed, cross, cov, [5, -2], residualDirections(fixed, 2, r));
    const m = sampleMoments([x, w, ...cols]);
    expect(m.means[2]).to.be.closeTo(5, 1e-12);
    expect(m.means[3]).to.be.closeTo(-2, 1e-12);
    expect(m.cov[2][0]).to.be.closeTo(0.4, 1e-10);
    expect(m.cov[3][1]).to.be.closeTo(0.3, 1e-10);
    expect(m.cov[2][2]).to.be.closeTo(1.5, 1e-10);
    expect(m.cov[2][3]).to.be.closeTo(0.3, 1e-10);
  });

  it("refuses targets incompatible with the columns already drawn, naming them", () => {
    const r = new Rng(1);
    const x = r.normals(50);
    const vx = sampleMoments([x]).cov[0][0];
    // cov(y, x) = 2 sd_x with var(y) = 1 needs a correlation of 2.
    expect(() => conditionalColumns([x], [[2 * Math.sqrt(vx)]], [[1]], [0], residualDirections([x], 1, r), ["y"])).to.throw(
      /conditional covariance of y is not positive semidefinite/,
    );
  });

  it("residual directions are orthogonal to the constant and the given columns, with unit sample variance", () => {
    const r = new Rng(3);
    const x = r.normals(30);
    const [e] = residualDirections([x], 1, r);
    expect(dot(e, x)).to.be.closeTo(0, 1e-9);
    expect(e.reduce((a, b) => a + b, 0)).to.be.closeTo(0, 1e-9);
    expect(sampleMoments([e]).cov[0][0]).to.be.closeTo(1, 1e-12);
    const Q = orthonormalBasis([new Float64Array(30).fill(1), centred(x, mean(x))]);
    const res = residualize(x, Q);
    expect(Math.sqrt(dot(res, res))).to.be.below(1e-9);
  });
});

describe("simulate: discrete columns with target correlations", () => {
  it("shuffledCounts keeps the counts; arrangeCorrelations reaches the targets within tol", () => {
    const r = new Rng(11);
    const a = shuffledCounts([1, 2, 3], [40, 35, 25], r);
    const b = shuffledCounts([0, 1, 2, 3], [20, 30, 30, 20], r);
    expect(Array.from(a).filter((v) => v === 2).length).to.equal(35);
    arrangeCorrelations(
      [a, b],
      [
        [1, -0.2],
        [-0.2, 1],
      ],
      r,
      0.005,
    );
    expect(sampleMoments([a, b]).cor[0][1]).to.be.closeTo(-0.2, 0.005);
    expect(Array.from(b).filter((v) => v === 3).length).to.equal(20);
  });

  it("matchDummy gives a 0/1 column with the count asked and correlations near the targets", () => {
    const r = new Rng(5);
    const n = 232;
    const c1 = r.normals(n);
    const c2 = r.normals(n);
    const { x, drift } = matchDummy([c1, c2], [0.1, -0.05], 94, r);
    expect(Array.from(x).reduce((s, v) => s + v, 0)).to.equal(94);
    expect(drift).to.be.below(0.003);
  });
});

describe("simulate: one-factor loadings (principal axis)", () => {
  it("recovers congeneric loadings from their correlation matrix", () => {
    const l = [0.8, 0.7, 0.6, 0.75];
    const R = l.map((a, i) => l.map((b, j) => (i === j ? 1 : a * b)));
    oneFactorLoadings(R).forEach((v, i) => expect(v).to.be.closeTo(l[i], 1e-6));
  });
});

describe("simulate: planting an interaction keeps every moment", () => {
  it("y keeps its mean, SD and covariances; the product's coefficient reaches the target", () => {
    const r = new Rng(9);
    const n = 300;
    const x = r.normals(n);
    const w = r.normals(n);
    const y = x.map((v, i) => 0.3 * v + 0.2 * w[i] + r.normal());
    const p = x.map((v, i) => v * w[i]);
    const coef = (yy: Float64Array) => {
      const Q = orthonormalBasis([new Float64Array(n).fill(1), x, w]);
      const rp = residualize(p, Q);
      return dot(rp, yy) / dot(rp, rp);
    };
    const planted = plantProduct({ y, others: [x, w], product: p, estimate: coef, target: 0.25 });
    expect(coef(planted.y)).to.be.closeTo(0.25, 1e-9);
    const before = sampleMoments([x, w, y]);
    const after = sampleMoments([x, w, planted.y]);
    expect(after.means[2]).to.be.closeTo(before.means[2], 1e-12);
    expect(after.cov[2][2]).to.be.closeTo(before.cov[2][2], 1e-10);
    expect(after.cov[2][0]).to.be.closeTo(before.cov[2][0], 1e-10);
    expect(() => plantProduct({ y, others: [x, w], product: p, estimate: coef, target: 50 })).to.throw(/cannot be planted/);
  });
});

describe("simulate: polishing Likert items toward target composite moments", () => {
  it("±1 moves inside the scale bring the composite's mean and SD within tol", () => {
    const r = new Rng(13);
    const n = 150;
    const items = [0, 1, 2].map(() => Float64Array.from({ length: n }, () => Math.min(7, Math.max(1, Math.round(5 + 1.2 * r.normal())))));
    const res = polishItems([items], { means: [5.2], sds: [1.0], cor: [[1]], fixed: [], corFixed: [[]] }, r, 0.002, 100000);
    const comp = Float64Array.from({ length: n }, (_, i) => (items[0][i] + items[1][i] + items[2][i]) / 3);
    const m = sampleMoments([comp]);
    expect(m.means[0]).to.be.closeTo(5.2, 0.002);
    expect(m.sds[0]).to.be.closeTo(1.0, 0.002);
    expect(res.accepted).to.be.above(0);
    expect(items.every((c) => c.every((v) => Number.isInteger(v) && v >= 1 && v <= 7))).to.equal(true);
  });
});
