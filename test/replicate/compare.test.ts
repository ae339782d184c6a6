import { expect } from "chai";
import { compare, compareStatus, DISPLAY, hypothesisNumbers, paper003, type PublishedNumber } from "../../src";

const num = (printed: string, value: number, digits: number, extra: Partial<PublishedNumber> = {}): PublishedNumber => ({
  id: `x.${printed}`,
  label: `value ${printed}`,
  source: "Table 9, row r, column c",
  value,
  printed,
  digits,
  kind: "estimate",
  ...extra,
});

describe("replicate: compare() status rules", () => {
  it("reproduced within half a unit of the last printed digit, inclusive at the boundary", () => {
    const p = num("0.26", 0.26, 2);
    expect(compareStatus(p, 0.2649)).to.equal("reproduced");
    expect(compareStatus(p, 0.265)).to.equal("reproduced");
    expect(compareStatus(p, 0.255)).to.equal("reproduced");
    expect(compareStatus(p, 0.2651)).to.equal("close");
    expect(compareStatus(p, 0.28)).to.equal("close"); // 2 units
    expect(compareStatus(p, 0.2801)).to.equal("differs");
    expect(compareStatus(p, 0.219)).to.equal("differs");
  });

  it("handles negative numbers symmetrically", () => {
    const p = num("−0.19", -0.19, 2);
    expect(compareStatus(p, -0.1851)).to.equal("reproduced");
    expect(compareStatus(p, -0.1949)).to.equal("reproduced");
    expect(compareStatus(p, -0.175)).to.equal("close");
    expect(compareStatus(p, -0.15)).to.equal("differs");
    expect(compareStatus(p, 0.19)).to.equal("differs");
  });

  it("uses 5% relative for large statistics (t, F) and 2 units for small ones", () => {
    const t = num("6.84", 6.84, 2, { kind: "t" });
    expect(compareStatus(t, 6.5)).to.equal("close"); // |Δ| = 0.34 ≤ 0.342
    expect(compareStatus(t, 6.49)).to.equal("differs");
    expect(compareStatus(t, 6.5, { units: 2, relative: 0 })).to.equal("differs");
    const three = num("0.087", 0.087, 3);
    expect(compareStatus(three, 0.0874)).to.equal("reproduced");
    expect(compareStatus(three, 0.089)).to.equal("close");
    expect(compareStatus(three, 0.09)).to.equal("close"); // 5% of 0.087 = 0.00435 > 2 units
    expect(compareStatus(three, 0.092)).to.equal("differs");
  });

  it("judges p values printed as bounds by the side of the bound", () => {
    const p = num("< .001", 0.001, 3, { bound: "<", kind: "p" });
    expect(compareStatus(p, 0.0004)).to.equal("reproduced");
    expect(compareStatus(p, 1e-12)).to.equal("reproduced");
    expect(compareStatus(p, 0.0025)).to.equal("close");
    expect(compareStatus(p, 0.02)).to.equal("differs");
    const q = num("> .10", 0.1, 2, { bound: ">", kind: "p" });
    expect(compareStatus(q, 0.45)).to.equal("reproduced");
    expect(compareStatus(q, 0.085)).to.equal("close");
    expect(compareStatus(q, 0.03)).to.equal("differs");
  });

  it("builds one row per published number with differences, reasons and counts", () => {
    const pubs = [num("0.26", 0.26, 2), num("0.87", 0.87, 2), num("6.84", 6.84, 2), num("0.42", 0.42, 2), num("< .001", 0.001, 3, { bound: "<" })];
    const res = compare(pubs, {
      "x.0.26": 0.219,
      "x.0.87": 0.868,
      "x.6.84": 6.6,
      "x.0.42": { notReproducible: "needs the raw-data moments of the centred product" },
    });
    expect(res.rows.length).to.equal(5);
    expect(res.counts).to.deep.equal({ reproduced: 1, close: 1, differs: 1, "not reproducible": 2 });
    const r0 = res.rows[0];
    expect(r0.difference).to.be.closeTo(-0.041, 1e-12);
    expect(r0.status).to.equal("differs");
    expect(res.rows[3].reason).to.match(/centred product/);
    expect(res.rows[4].reason).to.equal("not computed");
    expect(res.warnings.map((w) => w.code)).to.include("replicate.missing");
    const json = res.toJSON();
    expect(json.total).to.equal(5);
    expect(json.counts.reproduced).to.equal(1);
    expect(JSON.parse(JSON.stringify(res)).rows.length).to.equal(5);
  });

  it("renders colour-coded HTML with the rule stated", () => {
    const res = compare([num("0.26", 0.26, 2), num("0.5", 0.5, 1)], { "x.0.26": 0.26, "x.0.5": 0.9 });
    const html = res[DISPLAY]()["text/html"] as string;
    expect(html).to.contain('class="pathlab-status-reproduced" style="background:#d4edda');
    expect(html).to.contain('class="pathlab-status-differs" style="background:#f8d7da');
    expect(html).to.contain("within 2 units of the last printed digit or 5%");
    expect(res.summary()).to.contain("1 reproduced");
  });

  it("rejects non-finite reproduced values and bad rules with messages naming the number", () => {
    expect(() => compare([num("0.26", 0.26, 2)], { "x.0.26": NaN })).to.throw(/reproduced value for "x\.0\.26" \(value 0\.26\) is NaN/);
    expect(() => compare([num("0.26", 0.26, 2)], {}, { rule: { units: 0.2 } })).to.throw(/not a valid 'close' rule/);
    expect(() => compare([num("0.26", 0.26, 2), num("0.26", 0.26, 2)], {})).to.throw(/listed twice/);
  });

  it("has a row for every published hypothesis-test number of a paper", () => {
    const pubs = hypothesisNumbers(paper003);
    const res = compare(pubs, {});
    expect(res.rows.length).to.equal(pubs.length);
    expect(res.counts["not reproducible"]).to.equal(pubs.length);
  });
});
