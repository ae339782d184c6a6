import { expect } from "chai";
import { MvrnormResult, Rng, mvrnorm, mvrnormEmpirical, sampleMoments } from "../../src";
import { DISPLAY } from "../../src/display/mime";
import { expectPathlabError, golden, maxAbs, maxAbsVec } from "./helpers";

const mu = [5.2, 4.1, 3.3, 6.0];
const S = [
  [1.21, 0.4, 0.3, 0.25],
  [0.4, 1.44, 0.5, 0.35],
  [0.3, 0.5, 0.81, 0.2],
  [0.25, 0.35, 0.2, 1.0],
];

describe("simulate/mvrnorm", () => {
  it("empirical: sample means and covariance equal the targets to 1e-10 (as MASS::mvrnorm(empirical = TRUE))", () => {
    for (const n of [5, 50, 278, 100000]) {
      const r = mvrnorm(n, mu, S, 11, { empirical: true, names: ["a", "b", "c", "d"] });
      const m = sampleMoments(r.columns);
      expect(maxAbsVec(m.means, mu), `means n=${n}`).to.be.below(1e-10);
      expect(maxAbs(m.cov, S), `cov n=${n}`).to.be.below(1e-10);
      expect(
        maxAbsVec(
          m.sds,
          S.map((row, i) => Math.sqrt(row[i])),
        ),
      ).to.be.below(1e-10);
      expect(r.names).to.deep.equal(["a", "b", "c", "d"]);
      expect(r.data.c).to.equal(r.columns[2]);
    }
  });

  it("has the same exact-moment property as R's MASS::mvrnorm(empirical = TRUE) (golden)", () => {
    const g = golden.mvrnorm;
    const ours = sampleMoments(mvrnormEmpirical(g.n, g.means, g.cov, 7));
    // R's draw reaches the targets to rounding; so does ours; so both agree to 1e-10.
    expect(g.maxAbsCovError).to.be.below(1e-12);
    expect(maxAbs(ours.cov, g.achievedCov)).to.be.below(1e-10);
    expect(maxAbsVec(ours.means, g.achievedMeans)).to.be.below(1e-10);
  });

  it("is reproducible by seed and accepts an Rng", () => {
    const a = mvrnormEmpirical(30, mu, S, 3);
    const b = mvrnormEmpirical(30, mu, S, new Rng(3));
    expect(Array.from(a[1])).to.deep.equal(Array.from(b[1]));
    const c = mvrnormEmpirical(30, mu, S, 4);
    expect(Array.from(a[1])).to.not.deep.equal(Array.from(c[1]));
  });

  it("non-empirical draws have the population moments approximately", () => {
    const r = mvrnorm(200000, mu, S, 5);
    const m = sampleMoments(r.columns);
    expect(maxAbsVec(m.means, mu)).to.be.below(0.02);
    expect(maxAbs(m.cov, S)).to.be.below(0.03);
    expect(maxAbs(m.cov, S)).to.be.above(1e-6); // not forced
  });

  it("accepts a lower triangle as printed in papers", () => {
    const lower = [[1.21], [0.4, 1.44], [0.3, 0.5, 0.81], [0.25, 0.35, 0.2, 1.0]];
    const m = sampleMoments(mvrnormEmpirical(40, mu, lower, 1));
    expect(maxAbs(m.cov, S)).to.be.below(1e-10);
  });

  it("renders a target-vs-achieved table", () => {
    const r = mvrnorm(
      100,
      [0, 1],
      [
        [1, 0.5],
        [0.5, 2],
      ],
      1,
      { empirical: true },
    );
    expect(r).to.be.instanceOf(MvrnormResult);
    const text = r.summary();
    expect(text).to.contain("Target vs achieved sample moments");
    expect(text).to.match(/V2\s+1\.000\s+1\.000\s+1\.414\s+1\.414/);
    expect(r[DISPLAY]()["text/html"]).to.contain("<table");
    expect(r.rows()).to.have.length(100);
    expect(r.rows()[3].V1).to.equal(r.columns[0][3]);
    expect(r.toObject().V2).to.have.length(100);
  });

  describe("bad inputs", () => {
    it("non-positive-definite covariance → error with the smallest eigenvalue, pointing to nearestPD", () => {
      const bad = [
        [1, 0.9, 0.2],
        [0.9, 1, 0.9],
        [0.2, 0.9, 1],
      ];
      const e = expectPathlabError(() => mvrnorm(100, [0, 0, 0], bad, 1, { empirical: true }), /not positive definite/, /smallest eigenvalue -0\.1767/);
      expect(e.hint).to.match(/nearestPD/);
      expect(e.code).to.equal("simulate.not-positive-definite");
    });
    it("non-square and asymmetric matrices", () => {
      expectPathlabError(
        () =>
          mvrnorm(
            10,
            [0, 0],
            [
              [1, 0],
              [0, 1, 0],
            ] as number[][],
            1,
          ),
        /must be square: row 2 has 3 entries/,
      );
      expectPathlabError(
        () =>
          mvrnorm(
            10,
            [0, 0],
            [
              [1, 0.3],
              [0.2, 1],
            ],
            1,
          ),
        /not symmetric: \[2,1\] = 0\.2.* but \[1,2\] = 0\.3/,
      );
    });
    it("means of the wrong length", () => {
      expectPathlabError(
        () =>
          mvrnorm(
            10,
            [0, 0, 0],
            [
              [1, 0],
              [0, 1],
            ],
            1,
          ),
        /means has 3 entries but cov has 2/,
      );
    });
    it("n ≤ p with empirical", () => {
      const e = expectPathlabError(() => mvrnorm(4, mu, S, 1, { empirical: true }), /n = 4 is too small/, /needs n > 4/);
      expect(e.code).to.equal("simulate.too-few-cases");
      expect(() => mvrnorm(4, mu, S, 1)).to.not.throw();
    });
    it("wrong number of names and non-finite entries", () => {
      expectPathlabError(
        () =>
          mvrnorm(
            10,
            [0, 0],
            [
              [1, 0],
              [0, 1],
            ],
            1,
            { names: ["a"] },
          ),
        /names has 1 names but the matrix has 2/,
      );
      expectPathlabError(
        () =>
          mvrnorm(
            10,
            [0, 0],
            [
              [1, NaN],
              [NaN, 1],
            ],
            1,
          ),
        /cov\[1,2\] is NaN/,
      );
    });
  });
});
