/**
 * Issue 12: PROCESS options honoured as PROCESS spells them (item 2), seeds and resource guards
 * (item 8), and the progress bar of a long bootstrap.
 */
import { expect } from "chai";
import * as path from "path";
import { process } from "../../src/process";
import { captureDisplay } from "../support/fake-kernel";
import { GOLDEN_DIR, readCsvColumns } from "./helpers";

const data = readCsvColumns(path.join(GOLDEN_DIR, "process-data.csv"));

describe("process: options as PROCESS spells them (issue 12)", function () {
  this.timeout(30000);
  it('model "4" is model 4 (it said "model 4 is not supported" while listing 4)', () => {
    const a = process({ data, model: "4" as never, y: "y", x: "x", m: "m1", boot: 500, seed: 3 });
    const b = process({ data, model: 4, y: "y", x: "x", m: "m1", boot: 500, seed: 3 });
    expect(a.model).to.equal(4);
    expect(a.tidy()).to.deep.equal(b.tidy());
  });
  it('hc accepts 3, "HC3" and "hc3" alike', () => {
    const se = (hc: unknown) => process({ data, model: 1, y: "y", x: "x", w: "w", hc: hc as never }).equations[0].coefficients.map((c) => c.se);
    expect(se("hc3")).to.deep.equal(se(3));
    expect(se("HC3")).to.deep.equal(se(3));
  });
  it("settings a model does not use are reported, not silently dropped", () => {
    const r = process({ data, model: 1, y: "y", x: "x", w: "w", boot: 1000, seed: 5 });
    expect(r.warnings.map((w) => w.code)).to.deep.equal(["process.option-unused"]);
    expect(r.warnings[0].message).to.match(/Option boot, seed has no effect in model 1: a moderation model has no indirect effects/);
    expect(r.summary()).to.contain("has no effect in model 1");
    const c = process({ data, model: 4, y: "y", x: "x", m: "m1", boot: 1000, center: 1, intprobe: 0.2 });
    expect(c.warnings.map((w) => w.message).join(" ")).to.match(/center has no effect in model 4.*intprobe has no effect in model 4/);
  });
  it("the seed printed is the seed used; different integer seeds give different intervals", () => {
    const a = process({ data, model: 4, y: "y", x: "x", m: "m1", boot: 1000, seed: 1 });
    const b = process({ data, model: 4, y: "y", x: "x", m: "m1", boot: 1000, seed: 2 });
    expect(a.seed).to.equal(1);
    expect(a.indirectEffects[0].llci).to.not.equal(b.indirectEffects[0].llci);
    expect(a.toHTML()).to.match(/Seed: 1\b/);
  });
  it("boot: 1e9 is refused before any work (it failed with 'Invalid typed array length')", () => {
    const t0 = Date.now();
    expect(() => process({ data, model: 4, y: "y", x: "x", m: "m1", boot: 1e9 })).to.throw(/Not enough memory: 1,000,000,000 bootstrap resamples/);
    expect(Date.now() - t0).to.be.below(2000);
  });
  it("a long bootstrap draws a progress bar in a notebook and updates it in place; a short one draws none", async () => {
    const big: Record<string, number[]> = {};
    for (const k of Object.keys(data)) big[k] = Array.from({ length: 80 }, () => data[k]).flat(); // 20,000 rows
    const long = await captureDisplay(() => process({ data: big, model: 4, y: "y", x: "x", m: "m1", boot: 1000 }));
    expect(long.length).to.be.greaterThan(1);
    expect(long[0]).to.include({ update: false });
    expect(long[0].text).to.match(/^Bootstrap \(PROCESS model 4, 1000 resamples\) \[\.+\] 0\/1000$/);
    expect(long.slice(1).every((m) => m.update && m.id === long[0].id)).to.equal(true);
    expect(long[long.length - 1].text).to.match(/\[#+\] 1000\/1000$/);
    const short = await captureDisplay(() => process({ data, model: 4, y: "y", x: "x", m: "m1", boot: 1000 }));
    expect(short).to.have.length(0);
    // A caller's own onProgress replaces the automatic bar.
    let calls = 0;
    const own = await captureDisplay(() => process({ data: big, model: 4, y: "y", x: "x", m: "m1", boot: 1000, onProgress: () => calls++ }));
    expect(own).to.have.length(0);
    expect(calls).to.be.greaterThan(10);
  });
});
