import { expect } from "chai";
import { Matrix, solve } from "ml-matrix";
import { StructuralSimulation, moderationFromSimpleSlopes, sampleMoments, simulateStructural } from "../../src";
import { expectPathlabError, maxAbs } from "./helpers";

/** OLS coefficients [intercept, ...] from the normal equations, solved by ml-matrix (independent of the simulator's own check). */
function ols(y: Float64Array, xs: Float64Array[]): number[] {
  const cols = [new Float64Array(y.length).fill(1), ...xs];
  const k = cols.length;
  const XtX = new Matrix(k, k);
  const Xty = new Matrix(k, 1);
  for (let a = 0; a < k; a++) {
    let sy = 0;
    for (let i = 0; i < y.length; i++) sy += cols[a][i] * y[i];
    Xty.set(a, 0, sy);
    for (let b = a; b < k; b++) {
      let s = 0;
      for (let i = 0; i < y.length; i++) s += cols[a][i] * cols[b][i];
      XtX.set(a, b, s);
      XtX.set(b, a, s);
    }
  }
  return solve(XtX, Xty).to1DArray();
}

function product(a: Float64Array, b: Float64Array, center = false): Float64Array {
  const ma = center ? sampleMoments([a]).means[0] : 0;
  const mb = center ? sampleMoments([b]).means[0] : 0;
  return a.map((v, i) => (v - ma) * (b[i] - mb));
}

describe("simulate/simulateStructural", () => {
  it("recovers planted paths and an interaction by OLS on large n (random residuals)", () => {
    const sim = simulateStructural({
      n: 200000,
      seed: 31,
      exogenous: { x: { mean: 5, sd: 1.2 }, w: { mean: 3, sd: 0.8 } },
      exogenousCor: [[1], [0.3, 1]],
      equations: [
        { y: "m", terms: [{ vars: ["x"], coef: 0.6 }], intercept: 1, residualSd: 0.9 },
        {
          y: "y",
          terms: [
            { vars: ["x"], coef: 0.2 },
            { vars: ["m"], coef: 0.45 },
            { vars: ["w"], coef: -0.1 },
            { vars: ["x", "w"], coef: 0.25 },
          ],
          intercept: 0.5,
          residualSd: 1,
        },
      ],
    });
    expect(sim).to.be.instanceOf(StructuralSimulation);
    const d = sim.data;
    const bm = ols(d.m, [d.x]);
    expect(bm[0]).to.be.closeTo(1, 0.03);
    expect(bm[1]).to.be.closeTo(0.6, 0.006);
    const by = ols(d.y, [d.x, d.m, d.w, product(d.x, d.w)]);
    const planted = [0.5, 0.2, 0.45, -0.1, 0.25];
    // SEs at n = 200000 are ≈ 0.002–0.05 for these terms; 5-SE-ish bounds.
    expect(by[1]).to.be.closeTo(0.2, 0.03);
    expect(by[2]).to.be.closeTo(0.45, 0.006);
    expect(by[3]).to.be.closeTo(-0.1, 0.05);
    expect(by[4]).to.be.closeTo(0.25, 0.01);
    expect(by[0]).to.be.closeTo(0.5, 0.2);
    // Not exact: sampling error is present.
    expect(Math.max(...by.map((b, i) => Math.abs(b - planted[i])))).to.be.above(1e-6);
    // Exogenous moments are exact by default.
    const m = sampleMoments([d.x, d.w]);
    expect(m.means[0]).to.be.closeTo(5, 1e-10);
    expect(m.sds[1]).to.be.closeTo(0.8, 1e-10);
    expect(m.cor[0][1]).to.be.closeTo(0.3, 1e-10);
  });

  it("exactResiduals: OLS returns the planted coefficients exactly and R² equals r2", () => {
    const sim = simulateStructural({
      n: 278,
      seed: 4,
      exogenous: { amc: { mean: 5.39, sd: 0.773 }, apd: { mean: 3.9, sd: 1.3 } },
      exogenousCor: [[1], [0.077, 1]],
      equations: [
        {
          y: "rad",
          terms: [
            { vars: ["amc"], coef: 0.48 },
            { vars: ["apd"], coef: 0.1 },
            { vars: ["amc", "apd"], coef: 0.16, center: true },
          ],
          intercept: 1.2,
          r2: 0.3,
        },
      ],
      exactResiduals: true,
    });
    const d = sim.data;
    const b = ols(d.rad, [d.amc, d.apd, product(d.amc, d.apd, true)]);
    [1.2, 0.48, 0.1, 0.16].forEach((v, i) => expect(b[i]).to.be.closeTo(v, 1e-10));
    const eq = sim.equations[0];
    expect(eq.r2).to.be.closeTo(0.3, 1e-10);
    expect(eq.terms[2].estimate).to.be.closeTo(0.16, 1e-10);
    expect(sim.summary()).to.contain("(amc − M) × (apd − M)");
  });

  it("moderationFromSimpleSlopes plants the published simple slopes (paper 001: .69 at +1 SD, .27 at −1 SD)", () => {
    const sdW = 1.3;
    const { bX, bXW } = moderationFromSimpleSlopes({ low: 0.27, high: 0.69, sdW, centered: true });
    expect(bX).to.be.closeTo(0.48, 1e-12);
    expect(bXW).to.be.closeTo(0.42 / (2 * 1.3), 1e-12);
    const raw = moderationFromSimpleSlopes({ low: 0.27, high: 0.69, sdW, meanW: 3.9 });
    expect(raw.bX).to.be.closeTo(0.48 - bXW * 3.9, 1e-12);
    const sim = simulateStructural({
      n: 248,
      seed: 12,
      exogenous: { x: { mean: 5.39, sd: 0.773 }, w: { mean: 3.9, sd: sdW } },
      equations: [
        {
          y: "y",
          terms: [
            { vars: ["x"], coef: bX },
            { vars: ["w"], coef: 0 },
            { vars: ["x", "w"], coef: bXW, center: true },
          ],
          residualSd: 1,
        },
      ],
      exactResiduals: true,
    });
    const d = sim.data;
    const b = ols(d.y, [d.x, d.w, product(d.x, d.w, true)]);
    // Conditional effects of x at W = M ± 1 SD (centred product: θ = b_x + b_xw (W − M)).
    expect(b[1] + b[3] * sdW).to.be.closeTo(0.69, 1e-10);
    expect(b[1] - b[3] * sdW).to.be.closeTo(0.27, 1e-10);
  });

  it("is reproducible by seed", () => {
    const spec = { n: 50, exogenous: { x: {} }, equations: [{ y: "y", terms: [{ vars: ["x"], coef: 1 }], residualSd: 1 }] };
    const a = simulateStructural({ ...spec, seed: 1 }).data.y;
    const b = simulateStructural({ ...spec, seed: 1 }).data.y;
    const c = simulateStructural({ ...spec, seed: 2 }).data.y;
    expect(Array.from(a)).to.deep.equal(Array.from(b));
    expect(Array.from(a)).to.not.deep.equal(Array.from(c));
  });

  describe("bad inputs", () => {
    const ok = { n: 100, seed: 1, exogenous: { x: {}, w: {} } };
    it("unknown or later variables, duplicate or exogenous y", () => {
      const e = expectPathlabError(
        () =>
          simulateStructural({
            ...ok,
            equations: [
              { y: "y", terms: [{ vars: ["m"], coef: 1 }], residualSd: 1 },
              { y: "m", terms: [], residualSd: 1 },
            ],
          }),
        /Equation 1 \(y\): unknown variable "m"/,
      );
      expect(e.hint).to.match(/move the equation generating "m" earlier/);
      expectPathlabError(() => simulateStructural({ ...ok, equations: [{ y: "x", terms: [], residualSd: 1 }] }), /"x" is exogenous/);
      expectPathlabError(
        () =>
          simulateStructural({
            ...ok,
            equations: [
              { y: "y", terms: [], residualSd: 1 },
              { y: "y", terms: [], residualSd: 1 },
            ],
          }),
        /"y" is generated by two equations/,
      );
    });
    it("residualSd / r2", () => {
      expectPathlabError(() => simulateStructural({ ...ok, equations: [{ y: "y", terms: [{ vars: ["x"], coef: 1 }] }] }), /exactly one of residualSd and r2/);
      expectPathlabError(
        () => simulateStructural({ ...ok, equations: [{ y: "y", terms: [{ vars: ["x"], coef: 1 }], r2: 1.2 }] }),
        /r2 is 1\.2; it must lie in \(0, 1\)/,
      );
    });
    it("exogenous correlations: wrong size, not positive definite", () => {
      expectPathlabError(() => simulateStructural({ ...ok, exogenousCor: [[1]], equations: [] }), /exogenousCor is 1 × 1 but there are 2 exogenous variables/);
      expectPathlabError(
        () => simulateStructural({ ...ok, exogenous: { a: {}, b: {}, c: {} }, exogenousCor: [[1], [0.9, 1], [0.2, 0.9, 1]], equations: [] }),
        /exogenousCor is not positive definite \(smallest eigenvalue -0\.1767\)/,
      );
    });
    it("n too small", () => {
      expectPathlabError(() => simulateStructural({ ...ok, n: 2, equations: [] }), /n = 2 is too small/);
    });
  });

  it("the exogenous target table matches the achieved moments", () => {
    const sim = simulateStructural({ n: 100, seed: 1, exogenous: { x: { mean: 2, sd: 3 } }, equations: [] });
    expect(maxAbs(sim.moments().cov, [[9]])).to.be.below(1e-10);
    expect(sim.summary()).to.match(/x\s+2\.000\s+2\.000\s+3\.000\s+3\.000/);
  });
});
