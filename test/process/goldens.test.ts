/**
 * PROCESS point estimates against R (lm, sandwich, polyroot): test/goldens/process.R.
 * Exact quantities at 1e-8 relative.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { process } from "../../src/process";
import type { ProcessOptions } from "../../src/process";
import { ResampleSolver, rowMajor } from "../../src/process/bootstrap";
import { GOLDEN_DIR, readCsvColumns, relClose } from "./helpers";

const G = JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, "process.json"), "utf8"));
const data = readCsvColumns(path.join(GOLDEN_DIR, "process-data.csv"));
const TOL = 1e-8;

function close(actual: number, expected: number, what: string, tol = TOL) {
  expect(relClose(actual, expected, tol), `${what}: got ${actual}, R ${expected}`).to.equal(true);
}
function closeAll(actual: ArrayLike<number>, expected: number[], what: string, tol = TOL) {
  expect(actual.length, `${what} length`).to.equal(expected.length);
  for (let i = 0; i < expected.length; i++) close(actual[i], expected[i], `${what}[${i}]`, tol);
}

const specs: Record<string, Omit<ProcessOptions, "data">> = {
  m1: { model: 1, y: "y", x: "x", w: "w", jn: 1 },
  m2: { model: 2, y: "y", x: "x", w: "w", z: "z" },
  m3: { model: 3, y: "y", x: "x", w: "w", z: "z", jn: 1 },
  m4: { model: 4, y: "y", x: "x", m: ["m1", "m2"], cov: ["c1", "c2"], normal: 1, stand: 1 },
  m5: { model: 5, y: "y", x: "x", m: "m1", w: "w" },
  m6: { model: 6, y: "y", x: "x", m: ["m1", "m2"] },
  m7: { model: 7, y: "y", x: "x", m: "m1", w: "w", cov: "c1" },
  m8: { model: 8, y: "y", x: "x", m: "m1", w: "w" },
  m14: { model: 14, y: "y", x: "x", m: "m1", w: "w" },
  m15: { model: 15, y: "y", x: "x", m: "m1", w: "w" },
  m21: { model: 21, y: "y", x: "x", m: "m1", w: "w", z: "z" },
  m58: { model: 58, y: "y", x: "x", m: "m1", w: "w" },
  m59: { model: 59, y: "y", x: "x", m: "m1", w: "wd" },
};

describe("process: point estimates vs R lm/sandwich goldens", function () {
  this.timeout(60000);
  for (const [key, spec] of Object.entries(specs)) {
    describe(`model ${spec.model}`, () => {
      const g = G[key];
      const res = process({ data, ...spec, boot: 200, intprobe: 1 });
      const hc3 = process({ data, ...spec, boot: 0, hc: 3 });
      const hc4 = process({ data, ...spec, boot: 0, hc: "HC4" });

      it("coefficients, SEs (OLS, HC3, HC4), R², MSE, F, df", () => {
        expect(res.equations.length).to.equal(g.equations.length);
        g.equations.forEach((ge: any, e: number) => {
          const eq = res.equations[e];
          expect(eq.outcome).to.equal(ge.outcome);
          closeAll(
            eq.coefficients.map((c) => c.coeff),
            ge.coef,
            `${ge.outcome} coef`,
          );
          closeAll(
            eq.coefficients.map((c) => c.se),
            ge.se,
            `${ge.outcome} se`,
          );
          closeAll(
            hc3.equations[e].coefficients.map((c) => c.se),
            ge.se_hc3,
            `${ge.outcome} se HC3`,
          );
          closeAll(
            hc4.equations[e].coefficients.map((c) => c.se),
            ge.se_hc4,
            `${ge.outcome} se HC4`,
          );
          close(eq.summary.r2, ge.r2, "R²");
          close(eq.summary.mse, ge.mse, "MSE");
          close(eq.summary.F, ge.F, "F");
          close(hc3.equations[e].summary.F, ge.F_hc3, "F(HC3)");
          expect(eq.summary.df2).to.equal(ge.df2);
          const tests = Array.isArray(ge.tests) ? ge.tests : [];
          const mine = eq.interactionTests.filter((t) => t.label !== "BOTH");
          expect(mine.length).to.equal(tests.length);
          tests.forEach((t: any, i: number) => {
            close(mine[i].r2chng, t.r2chng, "ΔR²");
            close(mine[i].F, t.F, "interaction F");
            close(hc3.equations[e].interactionTests[i].F, t.F_hc3, "interaction F(HC3)");
          });
        });
      });

      if (g.wvals)
        it("probe values: 16th/50th/84th percentiles (or both values of a dichotomous W)", () => {
          closeAll(res.payload.probeValues.W, g.wvals, "W probe values");
          if (g.zvals) closeAll(res.payload.probeValues.Z, g.zvals, "Z probe values");
        });

      if (g.conditional)
        it("conditional effects of X at the probe values", () => {
          const ce = res.equations[0].conditional.find((c) => c.kind === "effect")!;
          expect(ce.rows.length).to.equal(g.conditional.length);
          g.conditional.forEach((gr: any, i: number) => {
            close(ce.rows[i].effect, gr.effect, `effect ${i}`);
            close(ce.rows[i].se, gr.se, `se ${i}`);
            close(ce.rows[i].t, gr.t, `t ${i}`);
            close(ce.rows[i].p, gr.p, `p ${i}`, 1e-6);
          });
        });

      if ("jn" in g)
        it("Johnson–Neyman boundaries (analytic roots)", () => {
          const jn = res.equations[0].jn!;
          const roots = Array.isArray(g.jn) ? g.jn : [g.jn];
          closeAll(
            jn.points.map((p) => p.value),
            roots,
            "J–N roots",
          );
          // At each boundary the conditional effect is exactly significant at the 5% level.
          for (const p of jn.points) {
            const row = jn.table.find((r) => Object.values(r.at)[0] === p.value)!;
            close(row.p, 0.05, "p at J–N boundary", 1e-7);
          }
        });

      if (g.indirect !== undefined)
        it("indirect effects (and indices, direct effects)", () => {
          const ind = res.indirectEffects.filter((r) => r.path);
          closeAll(
            ind.map((r) => r.effect),
            Array.isArray(g.indirect) ? g.indirect : [g.indirect],
            "indirect",
          );
          if (g.index !== undefined && spec.model !== 21) close(res.indices[0].index, g.index, "index of moderated mediation");
          if (spec.model === 21) {
            const byW = res.indices.filter((r) => r.moderator === "W").map((r) => r.index);
            const byZ = res.indices.filter((r) => r.moderator === "Z").map((r) => r.index);
            closeAll(byW, g.index_w_at_z, "index of W at Z values");
            closeAll(byZ, g.index_z_at_w, "index of Z at W values");
          }
          if (g.direct)
            closeAll(
              res.directEffects.map((d) => d.effect),
              g.direct,
              "conditional direct effects",
            );
          if (g.total) {
            close(res.totalEffect!.effect, g.total[0], "total effect");
            close(res.totalEffect!.se!, g.total[1], "total effect se");
          }
          if (g.sobel_se) {
            closeAll(
              res.normalTests.map((t) => t.sobelSE),
              g.sobel_se,
              "Sobel se",
            );
            closeAll(
              res.normalTests.map((t) => t.aroianSE),
              g.aroian_se,
              "Aroian se",
            );
            const ps = res.standardized.find((s) => s.kind === "partially")!.rows.filter((r) => r.path);
            const cs = res.standardized.find((s) => s.kind === "completely")!.rows.filter((r) => r.path);
            closeAll(
              ps.map((r) => r.effect),
              g.stand_ps,
              "partially standardized",
            );
            closeAll(
              cs.map((r) => r.effect),
              g.stand_cs,
              "completely standardized",
            );
          }
        });
    });
  }

  it("resampling engine: X'X from counts gives lm() coefficients on given resamples (1e-8)", () => {
    const n = data.x.length;
    const cols = ["x", "c1", "c2", "m1", "m2", "y"].map((k) => Float64Array.from(data[k]));
    const master = [new Float64Array(n).fill(1), ...cols];
    const [X, C1, C2, M1, M2, Y] = [1, 2, 3, 4, 5, 6];
    const solver = new ResampleSolver(rowMajor(master), n, master.length, [
      { predictors: [0, X, C1, C2], outcome: M1 },
      { predictors: [0, X, C1, C2], outcome: M2 },
      { predictors: [0, X, M1, M2, C1, C2], outcome: Y },
    ]);
    G.resamples.indices.forEach((idx: number[], r: number) => {
      const counts = new Float64Array(n);
      for (const i of idx) counts[i - 1]++;
      solver.crossProducts(counts);
      const out = new Float64Array(solver.stride);
      expect(solver.solve(out, 0)).to.equal(true);
      closeAll(out, G.resamples.coefs[r], `resample ${r}`);
    });
  });
});
