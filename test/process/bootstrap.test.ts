/**
 * Bootstrap intervals against R's boot::boot (B = 20000 on both sides), reproducibility by seed,
 * and a published PROCESS output (PROCESS for SPSS 2.16, HC3, mean ± SD probes, bias-corrected
 * bootstrap) reproduced from its data.
 *
 * Tolerance for bootstrap bounds. A percentile bound is a sample quantile of B draws; its Monte
 * Carlo SE is ≈ √(q(1−q)/B) / f(θ_q). With f approximated by the normal density with the bootstrap
 * SE s, at q = .025 this is ≈ 2.67·s/√B. Two independent runs differ by √2 times that; we allow
 * 4 standard deviations of the difference: |ours − R| ≤ 4·√2·2.67·s/√B (≈ 0.107·s for B = 20000).
 * Bootstrap SEs: the SD of B draws has relative MC SE ≈ 1/√(2B); allowed difference 4·√2 of that.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { process } from "../../src/process";
import { FIXTURE_DIR, GOLDEN_DIR, readCsvColumns } from "./helpers";

const G = JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, "process.json"), "utf8"));
const data = readCsvColumns(path.join(GOLDEN_DIR, "process-data.csv"));

function mcTol(se: number, B: number, q = 0.025): number {
  const z = 1.959963984540054;
  const dens = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) / se;
  return 4 * Math.SQRT2 * Math.sqrt((q * (1 - q)) / B) / dens;
}

describe("process: bootstrap", function () {
  this.timeout(120000);
  const B = G.boot.B as number;

  function compare(mine: { effect: number; bootSE?: number; llci?: number; ulci?: number }[], theirs: any[], what: string) {
    expect(mine.length).to.equal(theirs.length);
    mine.forEach((r, i) => {
      const t = theirs[i];
      expect(r.effect, `${what}[${i}] estimate`).to.be.closeTo(t.t0, 1e-10 * Math.max(1, Math.abs(t.t0)));
      const tol = mcTol(t.se, B);
      expect(Math.abs(r.llci! - t.lower), `${what}[${i}] lower ${r.llci} vs R ${t.lower} (tol ${tol})`).to.be.below(tol);
      expect(Math.abs(r.ulci! - t.upper), `${what}[${i}] upper ${r.ulci} vs R ${t.upper} (tol ${tol})`).to.be.below(tol);
      expect(Math.abs(r.bootSE! / t.se - 1), `${what}[${i}] boot SE`).to.be.below((4 * Math.SQRT2) / Math.sqrt(2 * B));
    });
  }

  it("model 4 (two mediators, two covariates): percentile CIs agree with boot::boot within MC error", () => {
    const r = process({ data, model: 4, y: "y", x: "x", m: ["m1", "m2"], cov: ["c1", "c2"], boot: B, seed: 42 });
    const byLabel = (l: string) => r.indirectEffects.find((x) => x.label === l)!;
    compare([byLabel("m1"), byLabel("m2"), byLabel("TOTAL")].map((x) => ({ ...x })), G.boot.m4, "model 4");
  });

  it("model 7: conditional indirect effects and index of moderated mediation agree with boot::boot", () => {
    const r = process({ data, model: 7, y: "y", x: "x", m: "m1", w: "w", cov: "c1", boot: B, seed: 43 });
    const rows = [...r.indirectEffects, { ...r.indices[0], effect: r.indices[0].index }];
    compare(rows, G.boot.m7, "model 7");
  });

  it("model 14: conditional indirect effects and index agree with boot::boot", () => {
    const r = process({ data, model: 14, y: "y", x: "x", m: "m1", w: "w", boot: B, seed: 44 });
    compare([...r.indirectEffects, { ...r.indices[0], effect: r.indices[0].index }], G.boot.m14, "model 14");
  });

  it("same seed → identical results; different seeds → different results", () => {
    const run = (seed: number) => process({ data, model: 7, y: "y", x: "x", m: "m1", w: "w", boot: 1000, seed });
    const a = run(5),
      b = run(5),
      c = run(6);
    expect(a.indirectEffects.map((r) => [r.llci, r.ulci, r.bootSE])).to.deep.equal(b.indirectEffects.map((r) => [r.llci, r.ulci, r.bootSE]));
    expect(Array.from(a.draws(a.indirectEffects[0].key)!)).to.deep.equal(Array.from(b.draws(b.indirectEffects[0].key)!));
    expect(a.indirectEffects[0].llci).to.not.equal(c.indirectEffects[0].llci);
    expect(a.indices[0].bootSE).to.not.equal(c.indices[0].bootSE);
  });

  it("percentile bounds are the 125th and 4876th ordered values for B = 5000 at 95%", () => {
    const r = process({ data, model: 4, y: "y", x: "x", m: "m1", boot: 5000, seed: 3 });
    const row = r.indirectEffects[0];
    const sorted = Float64Array.from(r.draws(row.key)!).sort();
    expect(row.llci).to.equal(sorted[124]);
    expect(row.ulci).to.equal(sorted[4875]);
  });

  it("bias-corrected and Monte Carlo intervals: sensible and different from percentile", () => {
    const base = { data, model: 4, y: "y", x: "x", m: "m1", seed: 9 } as const;
    const perc = process({ ...base, boot: 5000 }).indirectEffects[0];
    const bc = process({ ...base, boot: 5000, bc: 1 }).indirectEffects[0];
    const mc = process({ ...base, mc: 5000 });
    const mrow = mc.indirectEffects[0];
    expect(bc.llci).to.not.equal(perc.llci);
    for (const r of [bc, mrow]) {
      expect(r.llci!).to.be.below(r.effect);
      expect(r.ulci!).to.be.above(r.effect);
      expect(Math.abs(r.llci! - perc.llci!)).to.be.below(0.5 * perc.bootSE!);
    }
    expect(mc.mc).to.equal(5000);
    expect(mc.summary()).to.match(/Monte Carlo/);
  });

  it("onProgress reports progress up to the total", () => {
    const seen: number[] = [];
    process({ data, model: 4, y: "y", x: "x", m: "m1", boot: 1000, onProgress: (d, t) => { expect(t).to.equal(1000); seen.push(d); } });
    expect(seen.length).to.be.greaterThan(5);
    expect(seen[seen.length - 1]).to.equal(1000);
  });
});

describe("process: published PROCESS outputs (PROCESS for SPSS 2.16.3, data from pyprocessmacro's test suite)", function () {
  this.timeout(60000);
  // Printed to 4 decimals: allow half a unit in the last place plus float slack.
  const P = 0.00005 + 1e-9;

  it("model 1, HC3, mean ± 1 SD probes", () => {
    const d = readCsvColumns(path.join(FIXTURE_DIR, "pyprocessmacro-model1.csv"));
    const r = process({ data: d, model: 1, y: "y", x: "x", w: "m", hc: 3, moments: 1 });
    const eq = r.equations[0];
    expect(eq.summary.R).to.be.closeTo(0.9237, P);
    expect(eq.summary.r2).to.be.closeTo(0.8531, P);
    expect(eq.summary.mse).to.be.closeTo(1.0097, P);
    expect(eq.summary.F).to.be.closeTo(1877.8535, P * 10);
    const byTerm = Object.fromEntries(eq.coefficients.map((c) => [c.term, c]));
    // PROCESS 2 orders the equation constant, m, x, int_1; values are the same coefficients.
    expect(byTerm.constant.coeff).to.be.closeTo(0.9197, P);
    expect(byTerm.m.coeff).to.be.closeTo(1.0064, P);
    expect(byTerm.x.coeff).to.be.closeTo(1.0286, P);
    expect(byTerm.Int_1.coeff).to.be.closeTo(0.967, P);
    expect(byTerm.x.se).to.be.closeTo(0.0303, P);
    expect(byTerm.Int_1.se).to.be.closeTo(0.03, P);
    expect(byTerm.Int_1.t).to.be.closeTo(32.2261, P * 10);
    expect(eq.interactionTests[0].r2chng).to.be.closeTo(0.1505, P);
    expect(eq.interactionTests[0].F).to.be.closeTo(1038.5213, P * 10);
    const ce = eq.conditional[0].rows;
    const want = [
      [-0.9795, 0.0815, 0.0447, 1.823, 0.0686],
      [0.0188, 1.0468, 0.0302, 34.665, 0],
      [1.0171, 2.0121, 0.0403, 49.9625, 0],
    ];
    want.forEach((w, i) => {
      expect(ce[i].at.W).to.be.closeTo(w[0], P);
      expect(ce[i].effect).to.be.closeTo(w[1], P);
      expect(ce[i].se).to.be.closeTo(w[2], P);
      expect(ce[i].t).to.be.closeTo(w[3], P * 10);
      expect(ce[i].p).to.be.closeTo(w[4], P);
    });
  });

  it("model 7, two mediators, HC3, bias-corrected bootstrap", () => {
    const d = readCsvColumns(path.join(FIXTURE_DIR, "pyprocessmacro-model7.csv"));
    const r = process({ data: d, model: 7, y: "y", x: "x", w: "w", m: ["m1", "m2"], hc: 3, moments: 1, bc: 1, boot: 5000, seed: 1 });
    const [e1, e2, ey] = r.equations;
    expect(e1.summary.F).to.be.closeTo(3070.4477, P * 10);
    expect(e2.summary.r2).to.be.closeTo(0.9005, P);
    expect(ey.summary.F).to.be.closeTo(891.0475, P * 10);
    expect(e1.coefficients.map((c) => c.coeff)).to.satisfy((v: number[]) => [1.0855, 0.9592, 0.9677, 1.005].every((w, i) => Math.abs(v[i] - w) <= P));
    expect(e2.coefficients.map((c) => c.se)).to.satisfy((v: number[]) => [0.0583, 0.0403, 0.0421, 0.0307].every((w, i) => Math.abs(v[i] - w) <= P));
    // Y equation: PROCESS 2 prints constant, m1, m2, x.
    const y = Object.fromEntries(ey.coefficients.map((c) => [c.term, c]));
    expect(y.m1.coeff).to.be.closeTo(0.9876, P);
    expect(y.m2.se).to.be.closeTo(0.0241, P);
    expect(y.x.t).to.be.closeTo(21.9334, P * 10);
    const want = [
      // w, effect, boot SE, LLCI, ULCI (printed; bootstrap columns compared within MC error)
      ["m1", 0.0124, 0.9597, 0.0468, 0.8678, 1.0514],
      ["m1", 1.0131, 1.9529, 0.0569, 1.8379, 2.0623],
      ["m1", 2.0137, 2.9461, 0.087, 2.7757, 3.1167],
      ["m2", 0.0124, -0.977, 0.0475, -1.0775, -0.8872],
      ["m2", 1.0131, -1.9464, 0.0559, -2.0548, -1.8372],
      ["m2", 2.0137, -2.9159, 0.0815, -3.0754, -2.7594],
    ] as const;
    want.forEach(([m, wv, eff, se, lo, hi], i) => {
      const row = r.indirectEffects[i];
      expect(row.label).to.equal(m);
      expect(row.at.W).to.be.closeTo(wv, P);
      expect(row.effect).to.be.closeTo(eff, P);
      // B = 5000 on both sides: bounds within 4·√2 Monte Carlo SEs (see mcTol), SE within 8%.
      const tol = mcTol(se, 5000) + P;
      expect(Math.abs(row.llci! - lo), `lower ${i}`).to.be.below(tol);
      expect(Math.abs(row.ulci! - hi), `upper ${i}`).to.be.below(tol);
      expect(Math.abs(row.bootSE! / se - 1)).to.be.below(0.08 + 0.00005 / se);
    });
    expect(r.indices.map((x) => x.label)).to.deep.equal(["m1", "m2"]);
    expect(r.indices[0].index).to.be.closeTo(0.9926, P);
    expect(r.indices[1].index).to.be.closeTo(-0.9689, P);
    expect(Math.abs(r.indices[0].llci! - 0.9142)).to.be.below(mcTol(0.0405, 5000));
    expect(Math.abs(r.indices[1].ulci! - -0.8981)).to.be.below(mcTol(0.0363, 5000));
  });
});
