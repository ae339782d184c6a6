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
import { GOLDEN_DIR, readCsvColumns } from "./helpers";

const G = JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, "process.json"), "utf8"));
const data = readCsvColumns(path.join(GOLDEN_DIR, "process-data.csv"));

function mcTol(se: number, B: number, q = 0.025): number {
  const z = 1.959963984540054;
  const dens = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI) / se;
  return (4 * Math.SQRT2 * Math.sqrt((q * (1 - q)) / B)) / dens;
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
    compare(
      [byLabel("m1"), byLabel("m2"), byLabel("TOTAL")].map((x) => ({ ...x })),
      G.boot.m4,
      "model 4",
    );
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
    process({
      data,
      model: 4,
      y: "y",
      x: "x",
      m: "m1",
      boot: 1000,
      onProgress: (d, t) => {
        expect(t).to.equal(1000);
        seen.push(d);
      },
    });
    expect(seen.length).to.be.greaterThan(5);
    expect(seen[seen.length - 1]).to.equal(1000);
  });
});
