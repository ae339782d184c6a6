/** Bad input, rendering (no NaN anywhere), tidy rows and figures. */
import { expect } from "chai";
import * as path from "path";
import { process, SUPPORTED_MODELS } from "../../src/process";
import { Figure } from "../../src/display/figure";
import { isPathlabError } from "../../src/errors";
import { GOLDEN_DIR, readCsvColumns } from "./helpers";

const data = readCsvColumns(path.join(GOLDEN_DIR, "process-data.csv"));

function throwsWith(fn: () => unknown, re: RegExp, code?: string) {
  try {
    fn();
  } catch (e) {
    expect(isPathlabError(e), String(e)).to.equal(true);
    expect((e as Error).message + " " + ((e as { hint?: string }).hint ?? "")).to.match(re);
    if (code) expect((e as { code: string }).code).to.equal(code);
    return;
  }
  expect.fail(`expected an error matching ${re}`);
}

describe("process: bad input", () => {
  it("unknown variable names the variable", () => {
    throwsWith(() => process({ data, model: 4, y: "y", x: "x", m: "mediatr" }), /Unknown variable "mediatr"/, "data.unknown-variable");
    throwsWith(() => process({ data, model: 1, y: "y", x: "x", w: "W" }), /"W".*Did you mean "w"/);
  });
  it("constant moderator", () => {
    const d = { ...data, k: data.x.map(() => 3) };
    throwsWith(() => process({ data: d, model: 1, y: "y", x: "x", w: "k" }), /moderator "k" is constant/, "process.constant-moderator");
  });
  it("mediator equal to X", () => {
    throwsWith(() => process({ data, model: 4, y: "y", x: "x", m: "x" }), /mediator "x" is also X/, "process.mediator-is-x");
  });
  it("too few complete rows", () => {
    const d = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.slice(0, 3)]));
    throwsWith(() => process({ data: d, model: 1, y: "y", x: "x", w: "w" }), /Too few complete rows: 3/, "process.too-few-rows");
    const miss = { ...data, y: data.y.map((v, i) => (i < 247 ? NaN : v)) };
    throwsWith(() => process({ data: miss, model: 1, y: "y", x: "x", w: "w" }), /247 rows were dropped/);
  });
  it("non-numeric values name column and row", () => {
    const d = { ...data, y: data.y.map((v, i) => (i === 4 ? "high" : v)) as unknown[] };
    throwsWith(() => process({ data: d as never, model: 4, y: "y", x: "x", m: "m1" }), /Column "y", row 5: value "high" is not a number/, "data.non-numeric");
  });
  it("boot < 1000 with a 95% percentile interval warns", () => {
    const r = process({ data, model: 4, y: "y", x: "x", m: "m1", boot: 500 });
    expect(r.warnings.map((w) => w.code)).to.include("process.few-resamples");
    expect(r.summary()).to.match(/WARNING: Only 500 bootstrap resamples/);
    expect(process({ data, model: 4, y: "y", x: "x", m: "m1", boot: 1000 }).warnings).to.have.length(0);
  });
  it("invalid conf", () => {
    throwsWith(() => process({ data, model: 1, y: "y", x: "x", w: "w", conf: 0.95 }), /conf.*write conf: 95/, "options.bad-value");
    throwsWith(() => process({ data, model: 1, y: "y", x: "x", w: "w", conf: 100 }), /≥ 50 and < 100/, "options.bad-value");
    throwsWith(() => process({ data, model: 1, y: "y", x: "x", w: "w", conf: NaN }), /conf/, "options.bad-value");
  });
  it("unsupported model lists the supported ones", () => {
    throwsWith(
      () => process({ data, model: 92, y: "y", x: "x" }),
      /model 92 is not implemented yet.*1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 21, 58, 59/,
      "options.unsupported",
    );
    expect(SUPPORTED_MODELS).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 21, 58, 59]);
  });
  it("wrong number of mediators, missing or unused moderators, bad hc", () => {
    throwsWith(() => process({ data, model: 6, y: "y", x: "x", m: "m1" }), /takes 2–6 mediators; got 1/);
    throwsWith(() => process({ data, model: 7, y: "y", x: "x", m: "m1" }), /needs a moderator w/);
    throwsWith(() => process({ data, model: 4, y: "y", x: "x", m: "m1", w: "w" }), /has no moderator W/);
    throwsWith(() => process({ data, model: 1, y: "y", x: "x", w: "w", hc: 7 }), /hc must be/);
    throwsWith(() => process({ data, model: 1, y: "y", x: "x", w: "x" }), /both x and w/, "process.duplicate-role");
  });
});

describe("process: output", function () {
  this.timeout(30000);
  const models = [
    { model: 1, y: "y", x: "x", w: "w", jn: 1 },
    { model: 2, y: "y", x: "x", w: "w", z: "z" },
    { model: 3, y: "y", x: "x", w: "w", z: "z", jn: 1 },
    { model: 4, y: "y", x: "x", m: ["m1", "m2"], cov: ["c1", "c2"], normal: 1, stand: 1, contrast: 1, total: 1, hc: 3 },
    { model: 5, y: "y", x: "x", m: "m1", w: "w" },
    { model: 6, y: "y", x: "x", m: ["m1", "m2"], contrast: 2, stand: 1 },
    { model: 7, y: "y", x: "x", m: ["m1", "m2"], w: "w", center: 1 },
    { model: 8, y: "y", x: "x", m: "m1", w: "w", moments: 1 },
    { model: 14, y: "y", x: "x", m: "m1", w: "w", wmodval: [2, 3, 4] },
    { model: 15, y: "y", x: "x", m: "m1", w: "w", center: 2 },
    { model: 21, y: "y", x: "x", m: "m1", w: "w", z: "z" },
    { model: 58, y: "y", x: "x", m: "m1", w: "w" },
    { model: 59, y: "y", x: "x", m: "m1", w: "wd" },
  ];
  for (const spec of models) {
    it(`model ${spec.model}: HTML, summary and tidy have no NaN and state N, seed, B, conf`, () => {
      const r = process({ data, ...spec, boot: 1000, seed: 12 } as never);
      const html = r.toHTML();
      const text = r.summary();
      expect(html).to.not.match(/NaN|undefined/);
      expect(text).to.not.match(/NaN|undefined/);
      expect(html).to.match(/Sample size: 250 used, 0 row\(s\) dropped/);
      expect(html).to.match(/Confidence level: 95%/);
      expect(text).to.match(/Model Summary/);
      expect(text).to.match(/OUTCOME VARIABLE:/);
      if (spec.model >= 4) {
        expect(html).to.match(/Bootstrap resamples: 1000 \(percentile intervals\) {3}Seed: 12/);
        expect(text).to.match(/(TOTAL, )?DIRECT,? AND INDIRECT EFFECTS OF X ON Y/);
      }
      if ([7, 8, 14, 15].includes(spec.model)) expect(text).to.match(/Index of moderated mediation/);
      if (spec.model === 21) expect(text).to.match(/Index of conditional moderated mediation/);
      const tidy = r.tidy();
      expect(tidy.length).to.be.greaterThan(3);
      for (const row of tidy) for (const v of [row.estimate, row.se, row.p, row.lower, row.upper]) expect(v === null || Number.isFinite(v)).to.equal(true);
    });
  }

  it("intprobe: conditional effects hidden when the interaction p ≥ intprobe", () => {
    const r = process({ data, model: 1, y: "y", x: "z", w: "c2" });
    const p = r.equations[0].interactionTests[0].p;
    expect(r.equations[0].conditional[0].probed).to.equal(p < 0.1);
    const always = process({ data, model: 1, y: "y", x: "z", w: "c2", intprobe: 1 });
    expect(always.equations[0].conditional[0].probed).to.equal(true);
  });

  it("rows dropped are counted and reported", () => {
    const d = { ...data, y: data.y.map((v, i) => (i % 50 === 0 ? NaN : v)) };
    const r = process({ data: d, model: 4, y: "y", x: "x", m: "m1", boot: 1000 });
    expect(r.n).to.equal(245);
    expect(r.dropped).to.equal(5);
    expect(r.summary()).to.match(/5 row\(s\) with missing values dropped/);
  });

  it("figures: simple slopes, J–N, path diagram, bootstrap histogram, conditional indirect", () => {
    const m1 = process({ data, model: 1, y: "y", x: "x", w: "w", jn: 1 });
    const s = m1.plotSlopes();
    expect(s).to.be.instanceOf(Figure);
    expect(s.data.length).to.equal(6); // band + line per probe value
    const jn = m1.plotJN();
    expect((jn.layout.shapes as unknown[]).length).to.be.greaterThan(1);
    expect(JSON.stringify(jn.toJSON())).to.not.match(/NaN|null/);
    const m4 = process({ data, model: 4, y: "y", x: "x", m: ["m1", "m2"], boot: 1000 });
    const pd = m4.pathDiagram();
    const texts = (pd.layout.annotations as { text: string }[]).map((a) => a.text).join(" ");
    expect(texts).to.match(/a1 = 1\.\d{3}\*\*\*/);
    expect(texts).to.match(/Indirect effect x → m1 → y: .* 95% bootstrap CI \[/);
    const h = m4.plotBootstrap(1);
    expect(h.data[0].type).to.equal("histogram");
    expect((h.data[0].x as number[]).length).to.equal(1000);
    const m7 = process({ data, model: 7, y: "y", x: "x", m: "m1", w: "w", boot: 1000 });
    const ci = m7.plotConditionalIndirect();
    expect(ci.data.length).to.equal(3);
    expect(JSON.stringify(ci.toJSON())).to.not.match(/NaN/);
    expect(() => m4.plotJN()).to.throw(/Johnson–Neyman/);
    expect(m7.pathDiagram()).to.be.instanceOf(Figure);
    expect(m7.plotSlopes().data.length).to.equal(6);
  });
});
