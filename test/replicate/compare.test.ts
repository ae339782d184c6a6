import { expect } from "chai";
import { DISPLAY } from "../../src/display/mime";
import {
  bounded,
  byConstruction,
  compare,
  derived,
  monteCarlo,
  notReproducible,
  replicationSummary,
  specificationSearch,
  type PublishedNumber,
} from "../../src/replicate";
import { overlapsPublished } from "../../src/replicate/compare";
import { REPLICATION_MIME } from "../../src/replicate/summary";

const num = (id: string, printed: string, value: number, digits: number, extra: Partial<PublishedNumber> = {}): PublishedNumber => ({
  id,
  label: `value ${printed}`,
  source: "Table 9, row r, column c",
  value,
  printed,
  digits,
  kind: "estimate",
  ...extra,
});
const stated = { name: "OLS on the published correlations (stated)", stated: true };
const chosen = { name: "latent SEM (replicator's choice)", stated: false };

describe("replicate: the status rules", () => {
  it("reproduced when the printed rounding interval overlaps the attainable interval, inclusive at the edge", () => {
    const p = num("a", "0.26", 0.26, 2);
    expect(overlapsPublished(p, 0.2651, 0.27)).to.equal(false);
    expect(overlapsPublished(p, 0.265, 0.27)).to.equal(true);
    expect(overlapsPublished(p, 0.2, 0.255)).to.equal(true);
    const c = compare([p], { a: derived({ exact: 0.27, lower: 0.262, upper: 0.28, argLower: [], argUpper: [], method: "optimised", evaluations: 0 }, stated) });
    expect(c.rows[0].status).to.equal("reproduced");
    expect(c.rows[0]).to.include({ exact: 0.27, lower: 0.262, upper: 0.28, specification: stated.name, reasonClass: null });
  });

  it("significance counts by side of the threshold: '< .01' is reproduced iff some admissible p is below .01", () => {
    const p = num("p", "< .01", 0.01, 2, { bound: "<", kind: "p" });
    expect(
      compare([p], { p: derived({ exact: 0.019, lower: 0.009, upper: 0.03, argLower: [], argUpper: [], method: "optimised", evaluations: 0 }, stated) }).rows[0]
        .status,
    ).to.equal("reproduced");
    const d = compare([p], { p: derived({ exact: 0.019, lower: 0.012, upper: 0.03, argLower: [], argUpper: [], method: "optimised", evaluations: 0 }, stated) })
      .rows[0];
    expect(d.status).to.equal("differs"); // p = .019 is not "close" to < .01: it is on the other side
    expect(d.reasonClass).to.equal("inconsistency");
    const gt = num("q", "> .10", 0.1, 2, { bound: ">", kind: "p" });
    expect(compare([gt], { q: derived(0.2, stated) }).rows[0].status).to.equal("reproduced");
    expect(compare([gt], { q: derived(0.1, stated) }).rows[0].status).to.equal("differs");
  });

  it("differs: inconsistency under a stated specification, unstated specification otherwise, simulation limit for Monte Carlo", () => {
    const p = num("a", "0.87", 0.87, 2);
    expect(compare([p], { a: derived(0.9, stated) }).rows[0].reasonClass).to.equal("inconsistency");
    expect(compare([p], { a: derived(0.9, chosen) }).rows[0].reasonClass).to.equal("unstated specification");
    const reps = Array.from({ length: 19 }, (_, i) => 0.5 + i * 0.01);
    const mc = compare([p], { a: monteCarlo(reps, 0.6) }).rows[0];
    expect(mc).to.include({ status: "differs", reasonClass: "simulation limit", lower: 0.5, simulated: 0.6 });
    expect(mc.upper).to.be.closeTo(0.68, 1e-12);
    expect(compare([num("b", "0.55", 0.55, 2)], { b: monteCarlo(reps, 0.6) }).rows[0].status).to.equal("reproduced");
    expect(compare([p], { a: derived(0.9, chosen, { reasonClass: "inconsistency", reason: "row 7" }) }).rows[0]).to.include({
      reasonClass: "inconsistency",
      reason: "row 7",
    });
  });

  it("by construction, bounded and not reproducible are their own statuses and never count as reproduced", () => {
    const ps = [num("a", "0.19", 0.19, 2), num("b", "1.24", 1.24, 2, { kind: "chi2df" }), num("c", "0.21", 0.21, 2)];
    const c = compare(ps, { a: byConstruction("planted", 0.19), b: bounded(1.7, Infinity, "structural misfit alone"), c: notReproducible("needs raw data") });
    expect(c.rows.map((r) => r.status)).to.deep.equal(["by construction", "bounded", "not reproducible"]);
    expect(c.rows[1].reason).to.match(/outside the bound/);
    expect(c.counts).to.deep.equal({ reproduced: 0, differs: 0, "by construction": 1, bounded: 1, "not reproducible": 1 });
  });

  it("a missing, unknown or duplicated id is an error naming it; non-finite values are refused", () => {
    const ps = [num("a", "0.1", 0.1, 1), num("b", "0.2", 0.2, 1)];
    expect(() => compare(ps, { a: derived(0.1, stated) })).to.throw(/no reproduction for 1 published number\(s\): b/);
    expect(() => compare(ps, { a: derived(0.1, stated), b: derived(0.2, stated), c: derived(0, stated) })).to.throw(/not published numbers: c/);
    expect(() => compare([ps[0], ps[0]], { a: derived(0.1, stated) })).to.throw(/listed twice/);
    expect(() => derived(NaN, stated)).to.throw(/not a finite number/);
    expect(() => monteCarlo([1, 2, 3], 2)).to.throw(/at least 10/);
  });

  it("the summary carries counts per status and every row in its MIME part", () => {
    const ps = [num("a", "0.26", 0.26, 2, { hypothesis: "H1" }), num("b", "0.21", 0.21, 2)];
    const c = compare(ps, { a: derived(0.262, stated, { simulated: 0.27 }), b: notReproducible("raw data") });
    const mime = replicationSummary("999", c)[DISPLAY]()[REPLICATION_MIME] as Record<string, unknown>;
    expect(mime.counts).to.deep.equal({ reproduced: 1, differs: 0, "by construction": 0, bounded: 0, "not reproducible": 1 });
    const row = (mime.rows as Record<string, unknown>[])[0];
    for (const k of ["id", "printed", "published", "exact", "lower", "upper", "simulated", "status", "reasonClass", "reason", "specification"])
      expect(row).to.have.property(k);
    expect(row).to.include({ id: "a", printed: "0.26", published: 0.26, exact: 0.262, simulated: 0.27, status: "reproduced" });
    expect(c.toHTML()).to.contain("pathlab-status-reproduced");
  });

  it("specification search picks the most reproduced, then the fewest differing, and names it", () => {
    const ps = [num("a", "0.20", 0.2, 2), num("b", "0.40", 0.4, 2), num("c", "0.60", 0.6, 2)];
    const s = specificationSearch(ps, [
      { specification: chosen, reproductions: { a: derived(0.2, chosen), b: derived(0.5, chosen), c: derived(0.7, chosen) } },
      { specification: stated, reproductions: { a: derived(0.2, stated), b: derived(0.4, stated), c: notReproducible("x") } },
    ]);
    expect(s.best.name).to.equal(stated.name);
    expect(s.counts()[0].counts.differs).to.equal(2);
    expect(s.summary()).to.contain("Used: OLS on the published correlations");
  });
});
