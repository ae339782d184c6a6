import { expect } from "chai";
import { checkClaims, isUnknownValue, mapPropositions } from "../../src/qual";
import { paper004 as p004 } from "../../src/papers";

const paper004 = p004.record;

// The extraction's own derived checks (NOT published; computed by the extractor from Tables 1–3).
// Copied from shared/papers/004.json → derived_checks so the test does not depend on files outside the repo.
const derived: Record<string, any> = {
  employees: { n: 10, min: 5, max: 50, mean: 16.6, median: 12.0, sd: 13.42, sum: 166 },
  turnover_usd: { n: 10, min: 42000, max: 170000, mean: 93300, median: 82500.0, sd: 42039.8, sum: 933000 },
  foreign_sales_pct: { n: 10, min: 30, max: 100, mean: 80.8, median: 96.5, sd: 25.31, sum: 808 },
  market_frequency_listed: {
    UAE: 8,
    UK: 8,
    USA: 5,
    Sweden: 2,
    Singapore: 2,
    Australia: 2,
    Germany: 2,
    Spain: 2,
    Indonesia: 1,
    Kuwait: 1,
    "North America": 1,
    Korea: 1,
    Japan: 1,
    Qatar: 1,
    Canada: 1,
    France: 1,
    Oman: 1,
    Nigeria: 1,
    Malaysia: 1,
    Thailand: 1,
  },
  first_foreign_market_frequency: { UK: 5, UAE: 2, USA: 2, Thailand: 1 },
  table3_counts: {
    first_order_codes: 16,
    second_order_themes_distinct: 10,
    second_order_panel_placements: 13,
    first_order_by_panel: { geographic_diversification: 8, market_penetration: 4, product_development: 4 },
    first_order_by_aggregate: { external_network: 9, internal_network: 7 },
    first_order_by_learning_type: { vicarious: 9, congenital: 2, experiential: 5 },
    knowledge_type_mentions_stated: { product_tech: 9, market: 11, international: 5 },
  },
  matrix_counts_strict: {
    peer_network: 1,
    industry_association: 0,
    trade_fairs_missions: 0,
    international_clients: 1,
    foreign_partner: 0,
    industry_experts: 0,
    prior_experience: 1,
    social_network: 1,
    self_learning: 2,
    rnd: 0,
    vicarious: 2,
    congenital: 1,
    experiential: 3,
    external_network: 2,
    internal_network: 4,
    geographic_diversification: 3,
    market_penetration: 3,
    product_development: 0,
  },
  matrix_counts_inclusive: {
    peer_network: 1,
    industry_association: 0,
    trade_fairs_missions: 0,
    international_clients: 1,
    foreign_partner: 0,
    industry_experts: 0,
    prior_experience: 10,
    social_network: 1,
    self_learning: 2,
    rnd: 0,
    vicarious: 2,
    congenital: 10,
    experiential: 3,
    external_network: 2,
    internal_network: 10,
    geographic_diversification: 10,
    market_penetration: 3,
    product_development: 0,
  },
};

describe("paper 004 as data", () => {
  const p = paper004;
  it("has ten cases with Tables 1–2 values and explicit unknowns", () => {
    expect(p.cases.ids).to.deep.equal(["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10"]);
    expect(p.cases.numbers("employees").reduce((a, b) => a! + b!, 0)).to.equal(166);
    expect(p.cases.numbers("turnover_usd").reduce((a, b) => a! + b!, 0)).to.equal(933000);
    expect(p.cases.value("C9", "founded")).to.equal(2009);
    expect(p.cases.value("C9", "first_export")).to.equal(2012);
    expect(isUnknownValue(p.cases.value("C7", "n_partners"))).to.equal(true);
    expect(isUnknownValue(p.cases.value("C4", "international_experience_years"))).to.equal(true);
    expect(p.cases.numbers("n_interviews_inferred").reduce((a, b) => a! + b!, 0)).to.equal(12);
  });
  it("reproduces the extraction's descriptives and market frequencies", () => {
    const d = p.cases.describe(["employees", "turnover_usd", "foreign_sales_pct"]).spec.rows as Record<string, number>[];
    expect(d[0].median).to.equal(derived.employees.median);
    expect(d[0].mean).to.be.closeTo(derived.employees.mean, 1e-12);
    expect(d[1].median).to.equal(derived.turnover_usd.median);
    expect(d[2].mean).to.be.closeTo(derived.foreign_sales_pct.mean, 1e-12);
    expect(p.cases.frequencies("markets_listed").counts).to.deep.equal(derived.market_frequency_listed);
    expect(p.cases.frequencies("first_foreign_market").counts).to.deep.equal(derived.first_foreign_market_frequency);
    const co = p.cases.listCooccurrence("markets_listed", ["UAE", "UK"]);
    expect(co.matrix[0][1]).to.equal(7);
  });
  it("Table 3 has 16 codes, 10 themes, 2 dimensions and the extraction's counts", () => {
    const t3 = derived.table3_counts;
    expect(p.coding.codes.length).to.equal(t3.first_order_codes);
    expect(p.coding.themes.length).to.equal(t3.second_order_themes_distinct);
    expect(p.coding.dimensions.length).to.equal(2);
    const byPanel = p.coding.crossTab("growth_strategy", "dimension");
    expect(byPanel.rowKeys.map((k, i) => [k, byPanel.matrix[i].reduce((a, b) => a + b, 0)])).to.deep.equal(Object.entries(t3.first_order_by_panel));
    const lt = p.coding.crossTab("dimension", "learning_type");
    const totals = Object.fromEntries(lt.colKeys.map((k, j) => [k, lt.matrix.reduce((a, r) => a + r[j], 0)]));
    expect(totals).to.deep.equal(t3.first_order_by_learning_type);
    const kt = p.coding.crossTab("dimension", "knowledge");
    const kTotals = Object.fromEntries(kt.colKeys.map((k, j) => [k, kt.matrix.reduce((a, r) => a + r[j], 0)]));
    expect(kTotals).to.deep.equal(t3.knowledge_type_mentions_stated);
    // theme × panel placements
    const placements = new Set(p.coding.codes.map((c) => `${c.theme}|${c.attributes!.panel}`));
    expect(placements.size).to.equal(t3.second_order_panel_placements);
  });
  it("the evidence matrix gives the extraction's strict and inclusive counts", () => {
    // Strict view of 004.md = explicit label or quote-descriptor match; here: stated, or inferred with that basis.
    const strictCount = (it: string) =>
      p.evidence.caseIds.filter((c) => {
        const cell = p.evidence.cell(c, it);
        return cell.present === true && (cell.grade === "stated" || (cell.basis ?? []).includes("quote_descriptor_match"));
      }).length;
    for (const it of p.evidence.items) {
      expect(strictCount(it), it).to.equal(derived.matrix_counts_strict[it]);
      expect(p.evidence.casesWith(it, ["stated", "inferred"]).length, it).to.equal(derived.matrix_counts_inclusive[it]);
    }
    // Only the Case 3 quote is stated in the text.
    const stated = p.evidence.caseIds.flatMap((c) => p.evidence.items.filter((it) => p.evidence.cell(c, it).grade === "stated").map((it) => `${c}:${it}`));
    expect(stated.every((s) => s.startsWith("C3:"))).to.equal(true);
    // 180 cells: 106 not reported without candidates, 19 candidate-only.
    let nr = 0;
    let cand = 0;
    for (const c of p.evidence.caseIds)
      for (const it of p.evidence.items) {
        const cell = p.evidence.cell(c, it);
        if (cell.present === null) cell.candidates?.length ? cand++ : nr++;
      }
    expect([nr, cand]).to.deep.equal([106, 19]);
  });
  it("claims: published vs the tables", () => {
    const res = checkClaims(p.claims, { cases: p.cases, coding: p.coding, evidence: p.evidence });
    const st = Object.fromEntries(res.rows.map((r) => [r.id, r.status]));
    // The tautological row counts ("ten cases", "twelve interviews") are not claims any more.
    expect(st).to.deep.equal({
      "cmo-cases": "match",
      "foreign-majority": "mismatch",
      "within-2-years": "mismatch",
      "more-than-two-countries": "mismatch",
      "country-counts": "mismatch",
      "two-explorers": "cannot check",
      "p11-table3": "match",
      "no-fairs-for-product": "match",
      "personal-external-mp": "mismatch",
    });
  });
  it("maps propositions to themes and cases", () => {
    const pm = mapPropositions(p.propositions, p.evidence);
    expect(pm.rows.length).to.equal(11);
    expect(pm.involving("geographic_diversification").sort()).to.deep.equal(["P2", "P3", "P4", "P5", "P10"].sort());
    expect(pm.row("P11").themes).to.include.members(["internal_network", "external_network", "vicarious"]);
  });
});
