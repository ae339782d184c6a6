import { expect } from "chai";
import { cfa, covFromCorrelations } from "../../src/sem";
import { readCsv, errorOf } from "./helpers";

const hs = readCsv("sem-hs.csv");
const HS = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";

describe("sem: bad input", () => {
  it("non-positive-definite sample covariance names the redundant variable", () => {
    const data = hs.map((r) => ({ ...r, x10: r.x1 + r.x2 }));
    const e = errorOf(() => cfa("f =~ x1 + x2 + x10 + x3", data));
    expect(e.code).to.equal("sem.not-pd");
    expect(e.message).to.contain("not positive definite");
    expect(e.message).to.contain('"x10"');
  });

  it("a constant variable is named", () => {
    const data = hs.map((r) => ({ ...r, x3: 2 }));
    const e = errorOf(() => cfa(HS, data));
    expect(e.message).to.contain('"x3"');
    expect(e.message).to.contain("constant");
  });

  it("an unknown variable is named, with the closest column as hint", () => {
    const e = errorOf(() => cfa("visual =~ x1 + x2 + X3", hs));
    expect(e.message).to.contain('Unknown variable "X3"');
    expect(e.hint).to.contain('"x3"');
    const e2 = errorOf(() =>
      cfa("f =~ a1 + a2 + a3", {
        cov: [
          [1, 0.3, 0.3],
          [0.3, 1, 0.3],
          [0.3, 0.3, 1],
        ],
        n: 100,
        names: ["a1", "a2", "b3"],
      }),
    );
    expect(e2.message).to.contain('"a3"');
  });

  it("negative degrees of freedom is an identification error with the counts", () => {
    const e = errorOf(() => cfa("f =~ x1 + x2", hs));
    expect(e.code).to.equal("sem.not-identified");
    expect(e.message).to.contain("4 free parameters but only 3 sample moments (df = -1)");
  });

  it("a singular information matrix names the parameters that cannot be separated", () => {
    // Freeing the marker loading without fixing the factor variance leaves the scale unidentified.
    const e = errorOf(() => cfa("f =~ NA*x1 + x2 + x3 + x4 + x5 + x6", hs));
    expect(e.code).to.equal("sem.not-identified");
    expect(e.message).to.contain("information matrix is singular");
    expect(e.message).to.contain("f~~f");
    expect(e.message).to.contain("f=~x1");
  });

  it("non-convergence within the iteration cap is flagged, not hidden", () => {
    const fit = cfa(HS, hs, { maxIter: 2 });
    expect(fit.converged).to.equal(false);
    expect(fit.warnings.map((w) => w.code)).to.include("sem.not-converged");
    expect(fit.summary()).to.contain("did NOT converge");
  });

  it("a Heywood case (negative residual variance) is a warning on the result", () => {
    // r12 = r13 = .9, r23 = .7: the implied loading of a1 exceeds 1, its residual variance is negative.
    const R = [
      [1, 0.9, 0.9],
      [0.9, 1, 0.7],
      [0.9, 0.7, 1],
    ];
    const fit = cfa("f =~ a1 + a2 + a3", { cov: covFromCorrelations(R, [1, 1, 1]), n: 200, names: ["a1", "a2", "a3"] });
    const w = fit.warnings.find((x) => x.code === "sem.heywood");
    expect(w, JSON.stringify(fit.warnings)).to.not.equal(undefined);
    expect(w!.message).to.contain('"a1"');
    const pe = fit.parameterEstimates().find("a1", "~~", "a1")!;
    expect((pe as any).est).to.be.below(0);
    expect(fit.toHTML()).to.contain("Heywood");
  });

  it("moments input problems: missing names, asymmetric matrix, bad n, means needed", () => {
    expect(
      errorOf(() =>
        cfa("f =~ a + b + c", {
          cov: [
            [1, 0.2, 0.2],
            [0.2, 1, 0.2],
            [0.2, 0.2, 1],
          ],
          n: 50,
          names: ["a", "b"],
        }),
      ).message,
    ).to.contain("names");
    expect(
      errorOf(() =>
        cfa("f =~ a + b + c", {
          cov: [
            [1, 0.2, 0.2],
            [0.3, 1, 0.2],
            [0.2, 0.2, 1],
          ],
          n: 50,
          names: ["a", "b", "c"],
        }),
      ).message,
    ).to.contain("not symmetric");
    expect(
      errorOf(() =>
        cfa("f =~ a + b + c", {
          cov: [
            [1, 0.2, 0.2],
            [0.2, 1, 0.2],
            [0.2, 0.2, 1],
          ],
          n: 1,
          names: ["a", "b", "c"],
        }),
      ).message,
    ).to.contain("n > 1");
    expect(
      errorOf(() =>
        cfa("f =~ a + b + c\na ~ 1", {
          cov: [
            [1, 0.2, 0.2],
            [0.2, 1, 0.2],
            [0.2, 0.2, 1],
          ],
          n: 50,
          names: ["a", "b", "c"],
        }),
      ).message,
    ).to.contain("no means");
    expect(
      errorOf(() =>
        covFromCorrelations(
          [
            [1, 1.2],
            [1.2, 1],
          ],
          [1, 1],
        ),
      ).message,
    ).to.contain("not a correlation");
  });

  it("unknown options and fit measures are named", () => {
    const fit = cfa(HS, hs);
    expect(errorOf(() => fit.fitMeasures(["cfi", "cfii"])).message).to.contain('"cfii"');
    expect(errorOf(() => fit.inspect("implid" as any)).message).to.contain('"implid"');
    expect(errorOf(() => cfa(HS, hs, { likelihood: "wish" as any })).message).to.contain('"wish"');
    expect(errorOf(() => fit.bootstrap({ R: 10 } as any)).message).to.contain("seed");
  });
});
