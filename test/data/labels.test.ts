import { expect } from "chai";
import * as path from "path";
import { describe as describeData, dummyCode, moderationExplorer, process, readSav, Rng, setValueLabels, valueLabelsOf, variableLabelsOf } from "../../src";
import { labelOf } from "../../src/data/labels";

const FIX = path.resolve(__dirname, "../fixtures/sav");

/** 200 cases: x, a mediator, an outcome and gender as text (CSV-style) and as labelled codes (SPSS-style). */
function survey(): { text: Record<string, unknown[]>; coded: Record<string, number[]>; numeric: Record<string, number[]> } {
  const rng = new Rng(7);
  const x: number[] = [];
  const m: number[] = [];
  const y: number[] = [];
  const g: number[] = [];
  for (let i = 0; i < 200; i++) {
    const gi = i % 3 === 0 ? 1 : 0;
    const xi = rng.normal();
    const mi = 0.4 * xi + 0.5 * xi * gi + rng.normal();
    x.push(xi);
    g.push(gi);
    m.push(mi);
    y.push(0.3 * mi + 0.2 * xi + rng.normal());
  }
  return {
    text: { x, m, y, gender: g.map((v) => (v ? "male" : "female")) },
    coded: { x, m, y, gender: g.map((v) => v + 1) },
    numeric: { x, m, y, gender: g },
  };
}

describe("labels from the data: SPSS value labels and text categories", function () {
  this.timeout(60000);

  it("readSav attaches value and variable labels to its frame", async () => {
    const sav = await readSav(path.join(FIX, "survey-byte.sav"));
    expect(labelOf(sav.frame, "trust_in_supplier", 5)).to.equal("Strongly agree");
    expect(labelOf(sav.frame, "region", "N")).to.equal("North");
    expect(variableLabelsOf(sav.frame).satisfaction).to.equal("Overall satisfaction");
    expect(valueLabelsOf(sav.frame, "id")).to.equal(undefined);
  });

  it("describe lists categories with labels (SPSS codes and text columns) and shows variable labels", async () => {
    const sav = await readSav(path.join(FIX, "survey-byte.sav"));
    const d = describeData(sav.frame, ["trust_in_supplier", "region"]);
    expect(d.rows.map((r) => r.variable)).to.deep.equal(["trust_in_supplier"]);
    const trust = d.frequencies.filter((f) => f.variable === "trust_in_supplier");
    expect(trust.map((f) => [f.value, f.label, f.n])).to.deep.equal([
      [1, "Strongly disagree", 2],
      [2, "Disagree", 2],
      [3, "Neutral", 3],
      [4, "Agree", 2],
      [5, "Strongly agree", 2],
    ]);
    expect(trust.reduce((s, f) => s + f.percent, 0)).to.be.closeTo(100, 1e-9);
    const region = d.frequencies.filter((f) => f.variable === "region");
    expect(region.find((f) => f.value === "X")).to.deep.include({ label: "Unknown", n: 1 });
    const html = d.toHTML();
    expect(html).to.contain("I trust my main supplier");
    expect(html).to.contain("Strongly agree");
    const csv = describeData({ g: ["b", "a", "b", null, "c"] }, ["g"]);
    expect(csv.frequencies.map((f) => [f.value, f.n])).to.deep.equal([
      ["a", 1],
      ["b", 2],
      ["c", 1],
    ]);
  });

  it("dummyCode names columns by label (education_Bachelor), by code on request or on a clash", () => {
    const data = setValueLabels({ education: [1, 2, 3, 2, null] }, { education: { 1: "School", 2: "Bachelor's degree", 3: "Master" } });
    expect(Object.keys(dummyCode(data, "education"))).to.deep.equal(["education_Bachelor_s_degree", "education_Master"]);
    expect(Object.keys(dummyCode(data, "education", { names: "codes" }))).to.deep.equal(["education_2", "education_3"]);
    const clash = setValueLabels({ e: [1, 2, 3] }, { e: { 1: "a", 2: "x y", 3: "x-y" } });
    expect(Object.keys(dummyCode(clash, "e"))).to.deep.equal(["e_2", "e_3"]);
    expect(Object.keys(dummyCode({ city: ["New York", "Paris", "New York"] }, "city"))).to.deep.equal(["city_Paris"]);
    expect(() => setValueLabels({ a: [1] }, { b: { 1: "x" } })).to.throw(/no column "b"/);
    expect(() => setValueLabels({ a: [1] }, { a: { 1: 5 } } as never)).to.throw(/must be text/);
    expect(() => dummyCode(data, "education", { names: "label" } as never)).to.throw(/names/);
  });

  it("process: a text moderator enters as 0/1 (as R's factor) and its categories label the tables", () => {
    const { text, numeric } = survey();
    const r = process({ data: text, model: 1, y: "m", x: "x", w: "gender" });
    const r0 = process({ data: numeric, model: 1, y: "m", x: "x", w: "gender" });
    // Same numbers as the 0/1 coding R uses (female, the first category in sorted order, is 0).
    expect(r.equations[0].coefficients.map((c) => c.coeff)).to.deep.equal(r0.equations[0].coefficients.map((c) => c.coeff));
    expect(r.info().join("\n")).to.contain("gender: 0 = female, 1 = male");
    const cond = r.tables().find((t) => t.title?.startsWith("Conditional effects"))!;
    expect(cond.rows.map((row) => row.lab_W)).to.deep.equal(["female", "male"]);
    expect(r.summary()).to.match(/0\.0000\s+female/);
    expect(
      r
        .tidy()
        .filter((t) => t.section === "conditional effect")
        .map((t) => t.at),
    ).to.deep.equal(["gender=0.0000 (female)", "gender=1.0000 (male)"]);
    const s = r.plotSlopes();
    expect(s.data.filter((d) => d.mode === "lines" && d.name).map((d) => String(d.name).split(" (")[0])).to.deep.equal(["gender = female", "gender = male"]);
    // The moderation explorer steps through the two categories only, labelled.
    const ex = moderationExplorer(r);
    expect((ex.layout.sliders as { steps: { label: string }[] }[])[0].steps.map((st) => st.label)).to.deep.equal(["female", "male"]);
    expect(ex.data[3].mode).to.equal("markers");
    expect(() => process({ data: { ...text, w3: text.x.map((_, i) => ["a", "b", "c"][i % 3]) }, model: 1, y: "m", x: "x", w: "w3" })).to.throw(/3 categories/);
  });

  it("process: labelled codes keep their labels through centring; a categorical moderator is plotted at its values", () => {
    const { coded } = survey();
    const data = setValueLabels(coded, { gender: { 1: "female", 2: "male" } });
    const r = process({ data, model: 7, y: "y", x: "x", m: "m", w: "gender", center: 1, boot: 300, seed: 3 });
    const ind = r.tables().find((t) => t.title?.startsWith("Conditional indirect"))!;
    expect(ind.rows.map((row) => row.lab_W)).to.deep.equal(["female", "male"]);
    const fig = r.plotConditionalIndirect();
    // Points with intervals at the two categories, no line interpolating "gender 1.2 … 1.8".
    expect(fig.data.every((d) => d.mode === "markers")).to.equal(true);
    expect((fig.data[0].x as number[]).length).to.equal(2);
    expect((fig.layout.xaxis as { ticktext: string[] }).ticktext).to.deep.equal(["female", "male"]);
    const jnData = setValueLabels({ ...coded }, { gender: { 1: "female", 2: "male" } });
    const r1 = process({ data: jnData, model: 1, y: "m", x: "x", w: "gender", jn: 1 });
    if (r1.equations[0].jn) {
      const jn = r1.plotJN();
      expect(jn.data.every((d) => d.mode === "markers")).to.equal(true);
    }
    const slopes = process({ data: jnData, model: 1, y: "m", x: "gender", w: "x" }).plotSlopes();
    // A dichotomous focal predictor: points at its two values, not a line.
    expect(slopes.data.every((d) => d.mode === "markers")).to.equal(true);
    expect((slopes.layout.xaxis as { ticktext: string[] }).ticktext).to.deep.equal(["female", "male"]);
  });
});
