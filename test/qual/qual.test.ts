import { expect } from "chai";
import {
  caseListBar,
  caseTable,
  caseTimeline,
  checkClaims,
  codingScheme,
  evidenceMatrix,
  isUnknownValue,
  mapPropositions,
  unknownValue,
  type CaseTable,
} from "../../src/qual";
import { PathlabError } from "../../src/errors";

function expectError(f: () => unknown, re: RegExp): void {
  try {
    f();
  } catch (e) {
    expect(e).to.be.instanceOf(PathlabError);
    expect((e as Error).message).to.match(re);
    return;
  }
  expect.fail("expected a PathlabError");
}

// A small hand-made case set: three bakeries exporting pastries.
const fields = [
  { key: "staff", label: "Staff", type: "integer" as const },
  { key: "founded", label: "Founded", type: "year" as const },
  { key: "firstExport", label: "First export", type: "year" as const },
  { key: "markets", label: "Markets", type: "list" as const },
  { key: "nMarkets", label: "Markets (printed)", type: "integer" as const },
  { key: "owner", label: "Ownership", type: "category" as const },
];

function bakeries(): CaseTable {
  return caseTable({
    title: "Bakeries",
    fields,
    cases: [
      { id: "B1", staff: 4, founded: 2010, firstExport: 2011, markets: ["FR", "DE"], nMarkets: 2, owner: "family" },
      { id: "B2", staff: 12, founded: 2012, firstExport: 2016, markets: ["FR", "NL", "DE"], nMarkets: 4, owner: "sole" },
      {
        id: "B3",
        staff: unknownValue("not in the profile table"),
        founded: 2015,
        firstExport: unknownValue("text truncated"),
        markets: ["NL"],
        nMarkets: 1,
        owner: "family",
      },
    ],
  });
}

const scheme = () =>
  codingScheme({
    dimensions: [
      { id: "ext", label: "External" },
      { id: "int", label: "Internal" },
    ],
    themes: [
      { id: "peers", label: "Peers", dimension: "ext", attributes: { mode: "vicarious" } },
      { id: "fairs", label: "Trade fairs", dimension: "ext", attributes: { mode: "vicarious" } },
      { id: "exp", label: "Experience", dimension: "int", attributes: { mode: "congenital" } },
    ],
    codes: [
      { id: "k1", label: "Asking other bakers", theme: "peers", attributes: { panel: "A", knowledge: ["market", "product"] } },
      { id: "k2", label: "Watching rivals", theme: "peers", attributes: { panel: "B", knowledge: ["market"] } },
      { id: "k3", label: "Visiting fairs", theme: "fairs", attributes: { panel: "A", knowledge: ["market"] } },
      { id: "k4", label: "Owner's past job abroad", theme: "exp", attributes: { panel: "A", knowledge: ["international"] } },
    ],
  });

describe("qual: case table", () => {
  it("keeps unknowns as unknown in values, rows, descriptives and frequencies", () => {
    const t = bakeries();
    expect(isUnknownValue(t.value("B3", "staff"))).to.equal(true);
    expect(t.numbers("staff")).to.deep.equal([4, 12, null]);
    expect(t.toRows()[2].staff).to.equal(null);
    expect(t.toRows()[0].markets).to.equal("FR; DE");
    const d = t.describe(["staff"]).spec.rows[0] as Record<string, number>;
    expect(d.known).to.equal(2);
    expect(d.unknown).to.equal(1);
    expect(d.mean).to.equal(8);
    expect(d.median).to.equal(8);
    expect(t.summary()).to.contain("unknown");
    expect(t.summary()).to.contain("B3 First export: unknown (text truncated)");
  });
  it("counts list items per case and their co-occurrence", () => {
    const t = bakeries();
    expect(t.frequencies("markets").counts).to.deep.equal({ DE: 2, FR: 2, NL: 2 });
    expect(t.frequencies("owner").counts).to.deep.equal({ family: 2, sole: 1 });
    const co = t.listCooccurrence("markets", ["FR", "DE", "NL"]);
    expect(co.matrix).to.deep.equal([
      [2, 2, 1],
      [2, 2, 1],
      [1, 1, 2],
    ]);
  });
  it("derives fields, propagating unknowns", () => {
    const t = bakeries().derive([
      {
        spec: { key: "gap", label: "Years to export", type: "integer" },
        compute: (c) =>
          isUnknownValue(c.firstExport) || isUnknownValue(c.founded) ? unknownValue("first export unknown") : (c.firstExport as number) - (c.founded as number),
      },
    ]);
    expect(t.numbers("gap")).to.deep.equal([1, 4, null]);
    expect(t.field("gap").source).to.equal("derived");
  });
  it("rejects forgotten values, nulls, wrong types, typos and duplicate ids with named errors", () => {
    const base = { staff: 1, founded: 2000, firstExport: 2001, markets: [], nMarkets: 0, owner: "x" };
    expectError(() => caseTable({ fields, cases: [{ id: "X", ...base, staff: undefined as never }] }), /Case "X", field "staff": no value \(missing\)/);
    expectError(() => caseTable({ fields, cases: [{ id: "X", ...base, staff: null as never }] }), /Case "X", field "staff": no value \(null\)/);
    expectError(() => caseTable({ fields, cases: [{ id: "X", ...base, founded: "2000" }] }), /field "founded": expected an integer/);
    expectError(() => caseTable({ fields, cases: [{ id: "X", ...base, founded: 20 }] }), /20 is not a plausible year/);
    expectError(() => caseTable({ fields, cases: [{ id: "X", ...base, stafff: 3 }] }), /"stafff", which is not a field/);
    expectError(
      () =>
        caseTable({
          fields,
          cases: [
            { id: "X", ...base },
            { id: "X", ...base },
          ],
        }),
      /Case id "X" appears twice/,
    );
    expectError(() => bakeries().value("B9", "staff"), /Unknown case "B9"/);
    expectError(() => bakeries().numbers("owner"), /Field "owner" is category, not numeric/);
  });
});

describe("qual: coding scheme", () => {
  it("navigates the hierarchy", () => {
    const s = scheme();
    expect(s.codesOf("peers").map((c) => c.id)).to.deep.equal(["k1", "k2"]);
    expect(s.themesOf("ext").map((t) => t.id)).to.deep.equal(["peers", "fairs"]);
    expect(s.dimensionOf("k4").id).to.equal("int");
    expect(s.levelOf("fairs")).to.equal("theme");
  });
  it("cross-tabulates codes by attributes, theme attributes and list attributes", () => {
    const s = scheme();
    const ct = s.crossTab("dimension", "mode");
    expect(ct.rowKeys).to.deep.equal(["ext", "int"]);
    expect(ct.colKeys).to.deep.equal(["vicarious", "congenital"]);
    expect(ct.matrix).to.deep.equal([
      [3, 0],
      [0, 1],
    ]);
    const kt = s.crossTab("panel", "knowledge");
    expect(kt.colKeys).to.deep.equal(["market", "product", "international"]);
    expect(kt.matrix).to.deep.equal([
      [2, 1, 1],
      [1, 0, 0],
    ]);
  });
  it("rejects dangling references and duplicate ids, naming the code", () => {
    expectError(
      () => codingScheme({ dimensions: [{ id: "d" }], themes: [{ id: "t", dimension: "d" }], codes: [{ id: "c1", label: "x", theme: "tt" }] }),
      /Code "c1" refers to theme "tt", which is not defined/,
    );
    expectError(() => codingScheme({ dimensions: [{ id: "d" }], themes: [{ id: "t", dimension: "dd" }], codes: [] }), /Theme "t" refers to dimension "dd"/);
    expectError(() => codingScheme({ dimensions: [{ id: "d" }], themes: [{ id: "d", dimension: "d" }], codes: [] }), /Id "d" is used twice/);
    expectError(() => scheme().crossTab("panel", "colour"), /No code or theme has the attribute "colour"/);
  });
  it("warns about an empty theme and draws sunburst and sankey figures", () => {
    const s = codingScheme({
      dimensions: [{ id: "d" }],
      themes: [
        { id: "t", dimension: "d" },
        { id: "u", dimension: "d" },
      ],
      codes: [{ id: "c", label: "x", theme: "t" }],
    });
    expect(s.warnings.map((w) => w.message)).to.deep.equal(['Theme "u" has no first-order codes.']);
    const sb = scheme().sunburst();
    const tr = sb.data[0] as unknown as { ids: string[]; parents: string[] };
    expect(tr.ids.length).to.equal(2 + 3 + 4);
    expect(tr.parents[tr.ids.indexOf("c:k3")]).to.equal("t:fairs");
    const sk = scheme().sankey(["panel", "dimension", "theme"]);
    const link = (sk.data[0] as unknown as { link: { value: number[] } }).link;
    expect(link.value.reduce((a, b) => a + b, 0)).to.equal(8); // 4 codes × 2 steps
  });
});

describe("qual: evidence matrix", () => {
  const mk = () =>
    evidenceMatrix({
      cases: bakeries(),
      items: ["peers", "fairs", "exp"],
      scheme: scheme(),
      cells: {
        B1: { peers: { present: true, grade: "stated", quotes: ["q1"] }, exp: { present: true, grade: "inferred", note: "profile" } },
        B2: { peers: { present: true, grade: "inferred" }, fairs: { present: false, grade: "stated" }, exp: { present: true, grade: "stated" } },
        B3: { fairs: { present: null, grade: "not_reported", candidates: ["q2"] } },
      },
    });
  it("counts present / absent / unknown per item under strict and inclusive views", () => {
    const m = mk();
    expect(m.counts(["stated"]).present).to.deep.equal({ peers: 1, fairs: 0, exp: 1 });
    expect(m.counts(["stated", "inferred"]).present).to.deep.equal({ peers: 2, fairs: 0, exp: 2 });
    const row = m.counts().spec.rows[1] as Record<string, number>;
    expect(row.absent).to.equal(1);
    expect(row.notReported).to.equal(2);
    expect(row.candidates).to.equal(1);
    expect(m.cell("B3", "peers").grade).to.equal("not_reported");
    expect(m.presence("B1", "exp", ["stated"])).to.equal(null);
    expect(m.presence("B1", "exp", ["stated", "inferred"])).to.equal(true);
  });
  it("co-occurrence counts cases with both present and reports unknown pairs", () => {
    const m = mk();
    const co = m.cooccurrence(["peers", "exp"], ["stated", "inferred"]);
    expect(co.matrix).to.deep.equal([
      [2, 2],
      [2, 2],
    ]);
    expect(co.unknownPairs[0][1]).to.equal(1); // B3
    const strict = m.cooccurrence(["peers", "exp"], ["stated"]);
    expect(strict.matrix[0][1]).to.equal(0);
  });
  it("renders symbols and a graded heatmap", () => {
    const m = mk();
    const t = m.tables()[0];
    expect(t.rows.map((r) => r.i0)).to.deep.equal(["●", "○", "·"]);
    expect(t.rows.map((r) => r.i1)).to.deep.equal(["·", "✕", "?"]);
    const h = m.heatmap();
    expect((h.data[0] as unknown as { z: number[][] }).z).to.deep.equal([
      [4, 0, 3],
      [3, 2, 4],
      [0, 1, 0],
    ]);
  });
  it("rejects inconsistent grades and dangling ids with named errors", () => {
    const s = scheme();
    expectError(
      () => evidenceMatrix({ cases: ["B1"], items: ["peers"], scheme: s, cells: { B1: { peers: { present: null, grade: "stated" } } } }),
      /B1 × peers is graded "stated" but has no value/,
    );
    expectError(
      () => evidenceMatrix({ cases: ["B1"], items: ["peers"], scheme: s, cells: { B1: { peers: { present: true, grade: "not_reported" } } } }),
      /"not_reported" but has present = true/,
    );
    expectError(() => evidenceMatrix({ cases: ["B1"], items: ["peerz"], scheme: s, cells: {} }), /Evidence item "peerz" is not a code, theme or dimension/);
    expectError(() => evidenceMatrix({ cases: ["B1"], items: ["peers"], scheme: s, cells: { B7: {} } }), /case "B7", which is not in the case list/);
    expectError(
      () => evidenceMatrix({ cases: ["B1"], items: ["peers"], cells: { B1: { fairs: { present: true, grade: "stated" } } } }),
      /"fairs" is not an item of the matrix/,
    );
  });
});

describe("qual: propositions, claims, figures", () => {
  it("maps propositions to themes and cases", () => {
    const m = evidenceMatrix({
      cases: ["B1", "B2", "B3"],
      items: ["peers", "exp"],
      cells: { B1: { peers: { present: true, grade: "stated" } }, B2: { exp: { present: true, grade: "inferred" } } },
    });
    const pm = mapPropositions(
      [
        { id: "P1", text: "Peers help", constructs: ["peers", "growth"] },
        { id: "P2", text: "Experience helps", constructs: ["exp"] },
      ],
      m,
    );
    expect(pm.row("P1").statedCases).to.deep.equal(["B1"]);
    expect(pm.row("P1").unmapped).to.deep.equal(["growth"]);
    expect(pm.row("P1").unknownCases).to.deep.equal(["B2", "B3"]);
    expect(pm.row("P2").inferredCases).to.deep.equal(["B2"]);
    expect(pm.involving("growth")).to.deep.equal(["P1"]);
  });
  it("checks claims: match, mismatch and cannot-check", () => {
    const t = bakeries();
    const res = checkClaims(
      [
        { id: "c1", text: "three bakeries", source: "§2", published: 3, reproduce: (x: CaseTable) => x.ids.length, cells: "all rows" },
        {
          id: "c2",
          text: "all export within 2 years",
          source: "§2",
          published: true,
          cells: "founded, firstExport",
          reproduce: (x: CaseTable) => {
            const gaps = x.ids.map((id) =>
              isUnknownValue(x.value(id, "firstExport")) ? null : (x.value(id, "firstExport") as number) - (x.value(id, "founded") as number),
            );
            if (gaps.some((g) => g !== null && g > 2)) return false;
            return gaps.some((g) => g === null) ? unknownValue("B3's first export unknown") : true;
          },
        },
        { id: "c3", text: "B3 has 10 staff", source: "§2", published: 10, reproduce: (x: CaseTable) => x.value("B3", "staff") as number, cells: "B3 staff" },
      ],
      t,
    );
    expect(res.rows.map((r) => r.status)).to.deep.equal(["match", "mismatch", "cannot check"]);
    expect(res.rows[2].reproduced).to.equal(null);
    expect(res.info()[0]).to.equal("1 match, 1 mismatch, 1 cannot be checked (of 3).");
  });
  it("timeline flags long gaps and leaves unknown dates out; the list bar shows printed counts", () => {
    const t = bakeries();
    const f = caseTimeline(t, "founded", "firstExport", { maxGap: 2 });
    const lines = f.data.filter((d) => (d as { mode?: string }).mode === "lines");
    expect(lines.length).to.equal(2); // B3 has no first export
    expect((lines[1] as unknown as { line: { dash: string } }).line.dash).to.equal("dot"); // B2: 4 years, flagged by a dash (grayscale-safe)
    expect(JSON.stringify(f.layout.annotations)).to.contain("Unknown dates, not drawn: B3");
    const b = caseListBar(t, "markets", { stated: "nMarkets" });
    expect((b.data[0] as unknown as { y: number[] }).y).to.deep.equal([2, 3, 1]);
    expect((b.data[1] as unknown as { y: number[] }).y).to.deep.equal([2, 4, 1]);
  });
});

describe("qual: claims and the replication summary", () => {
  it("a claim check is a plain result: the replication summary is built by replicate (qual does not depend on it)", () => {
    const res = checkClaims([{ id: "a", text: "x", source: "s", published: 1, reproduce: () => 1, cells: "c" }], null);
    const bundle = (res as unknown as Record<symbol, () => Record<string, unknown>>)[Symbol.for("Jupyter.display")]();
    expect(bundle["application/vnd.pathlab.replication+json"]).to.equal(undefined);
    expect(bundle["text/html"]).to.be.a("string");
  });
});
