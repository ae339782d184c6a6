import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cfa, exportTables, TableResult, type TableSpec } from "../../src";
import { tableToCSV } from "../../src/display/export";
import { cellText } from "../../src/display/table";
import { parseCSV } from "../../src/data/csv";
// fflate is what docx itself zips with; the test uses it only to open the written files.
const { unzipSync, strFromU8 } = require("fflate") as { unzipSync(b: Uint8Array): Record<string, Uint8Array>; strFromU8(b: Uint8Array): string };

const spec: TableSpec = {
  title: "Table with awkward values",
  columns: [
    { key: "name", label: "Variable", format: "text" },
    { key: "est", label: "Estimate", format: "number", digits: 2, starsFrom: "p" },
    { key: "p", label: "p", format: "p" },
    { key: "n", label: "n", format: "int" },
    { key: "ok", label: "", format: "text" },
  ],
  rows: [
    { name: 'a, "quoted"', est: 1 / 3, p: 0.0004, n: 12, ok: true },
    { name: "b_1 50%", est: -2.5e10, p: 1e-300, n: null, ok: false },
    { name: "c", est: NaN, p: 0.049, n: 3, ok: null },
    { name: "d", est: 1.0000000000000002, p: Infinity, n: -Infinity, ok: { text: "flag" } },
  ],
  notes: ["Values are made up.", "Second note."],
};

/** Text of every table cell in a docx document.xml, by table, row and cell. */
function docxTables(xml: string): string[][][] {
  const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
  return tables.map((t) =>
    (t.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((r) =>
      (r.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((c) =>
        (c.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? [])
          .map((x) => x.replace(/<[^>]+>/g, ""))
          .join("")
          .replace(/&amp;/g, "&")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&quot;/g, '"'),
      ),
    ),
  );
}

describe("export: CSV, Markdown, LaTeX, Word", function () {
  this.timeout(60000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pathlab-export-"));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("CSV round-trips: full precision, NA for missing, Inf, quoted text, unique headers", () => {
    const csv = new TableResult(spec).toCSV();
    expect(csv.split("\n")[0]).to.equal('"Variable","Estimate","p","n","ok"');
    expect(csv).to.contain(",NA,");
    expect(csv).to.not.match(/NaN|null|undefined|—/);
    const back = parseCSV(csv);
    expect(back.names).to.deep.equal(["Variable", "Estimate", "p", "n", "ok"]);
    expect(back.columns.Variable).to.deep.equal(['a, "quoted"', "b_1 50%", "c", "d"]);
    expect(back.columns.Estimate).to.deep.equal([1 / 3, -2.5e10, null, 1.0000000000000002]);
    expect(back.columns.p).to.deep.equal([0.0004, 1e-300, 0.049, Infinity]);
    expect(back.columns.n).to.deep.equal([12, null, 3, -Infinity]);
    // A mixed column stays text, as R's read.csv keeps it.
    expect(back.columns.ok).to.deep.equal(["TRUE", "FALSE", null, "flag"]);
  });

  it("CSV of a fitted model's parameter table parses back to the same numbers", () => {
    const rows: Record<string, number[]> = {};
    const s = [0.1, 0.7, -0.4, 1.3, 0.2, -1.1, 0.5, 0.9, -0.3, 0.05];
    for (const [k, v] of Object.entries({ x1: 1, x2: 0.8, x3: 0.6 })) rows[k] = s.map((z, i) => v * z + 0.3 * Math.sin(i * (k.length + v * 7)));
    const fit = cfa("f =~ x1 + x2 + x3", rows);
    const pe = fit.parameterEstimates();
    const back = parseCSV(pe.toCSV());
    expect(back.names.slice(0, 5)).to.deep.equal(["lhs", "op", "rhs", "Estimate", "SE"]);
    expect(back.columns.Estimate).to.deep.equal(pe.rows.map((r) => r.est));
    // Fixed parameters (se 0) are missing in the table, as lavaan prints them blank.
    expect(back.columns.SE).to.deep.equal(pe.rows.map((r) => (Number.isFinite(r.se) && r.se > 0 ? r.se : null)));
    expect(() => pe.toCSV(5)).to.throw(/has 1 table/);
  });

  it("Markdown shows the displayed values with alignment, title and notes", () => {
    const md = new TableResult(spec).toMarkdown();
    const lines = md.trim().split("\n");
    expect(lines[0]).to.equal("**Table with awkward values**");
    expect(lines[2]).to.equal("| Variable | Estimate | p | n |  |");
    expect(lines[3]).to.equal("| :--- | ---: | ---: | ---: | :--- |");
    expect(lines[4]).to.equal(`| a, "quoted" | 0.33*** | < .001 | 12 | yes |`);
    expect(md).to.contain("*Note.* Values are made up.");
  });

  it("LaTeX uses booktabs rules and escapes specials and symbols", () => {
    const tex = new TableResult(spec).toLatex();
    for (const rule of ["\\toprule", "\\midrule", "\\bottomrule", "\\begin{tabular}{lrrrl}", "\\caption{Table with awkward values}"])
      expect(tex).to.contain(rule);
    expect(tex).to.contain("b\\_1 50\\%");
    expect(tex).to.contain("$-$25000000000.00");
    expect(tex).to.contain("$<$ .001");
    expect(tex).to.contain("\\textit{Note.} Values are made up.");
  });

  it("Word: one APA table whose cells (read back from the .docx XML) equal the displayed table", async () => {
    const file = path.join(dir, "one.docx");
    const buf = await new TableResult(spec).toDocx(file);
    expect(fs.readFileSync(file).equals(buf)).to.equal(true);
    const files = unzipSync(new Uint8Array(buf));
    const xml = strFromU8(files["word/document.xml"]);
    const [table] = docxTables(xml);
    expect(table[0]).to.deep.equal(["Variable", "Estimate", "p", "n", ""]);
    expect(table.slice(1)).to.deep.equal(spec.rows.map((r) => spec.columns.map((c) => cellText(c, r))));
    // APA: "Table 1" bold, title italic, rules above and below the header and under the last row, no verticals.
    expect(xml).to.match(/<w:b\/>[\s\S]{0,200}<w:t[^>]*>Table 1<\/w:t>/);
    expect(xml).to.match(/<w:i\/>[\s\S]{0,200}<w:t[^>]*>Table with awkward values<\/w:t>/);
    expect((xml.match(/<w:top w:val="single"/g) ?? []).length).to.equal(5);
    expect((xml.match(/<w:bottom w:val="single"/g) ?? []).length).to.equal(10);
    expect(xml).to.not.match(/<w:left w:val="single"/);
    expect(xml).to.match(/<w:i\/>[\s\S]{0,200}Note\. <\/w:t>/);
  });

  it("exportTables: several results into one .docx (Table 1, Table 2 …) and .md/.tex/.csv/.html", async () => {
    const second: TableSpec = {
      title: "Second",
      columns: [
        { key: "k", label: "k", format: "text" },
        { key: "v", label: "v", digits: 3 },
      ],
      rows: [{ k: "x", v: 0.12345 }],
    };
    const file = await exportTables([new TableResult(spec), second], path.join(dir, "sub", "tables.docx"));
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(file)))["word/document.xml"]);
    const tables = docxTables(xml);
    expect(tables).to.have.length(2);
    expect(tables[1]).to.deep.equal([
      ["k", "v"],
      ["x", "0.123"],
    ]);
    expect(xml).to.contain(">Table 2<");
    const md = fs.readFileSync(await exportTables([second], path.join(dir, "t.md"), { startNumber: 3 }), "utf8");
    expect(md).to.contain("**Table 3. Second**");
    expect(fs.readFileSync(await exportTables(second, path.join(dir, "t.tex")), "utf8")).to.contain("\\toprule");
    const csv = fs.readFileSync(await exportTables([spec, second], path.join(dir, "t.csv")), "utf8");
    expect(csv).to.contain('# Second\n"k","v"\n"x",0.12345');
    expect(fs.readFileSync(await exportTables([second], path.join(dir, "t.html")), "utf8")).to.contain("<table");
    let err: unknown;
    try {
      await exportTables([second], path.join(dir, "t.xlsx"));
    } catch (e) {
      err = e;
    }
    expect(String((err as Error)?.message)).to.match(/extension/);
    try {
      await exportTables([second], path.join(dir, "t.md"), { first: 2 } as never);
      err = undefined;
    } catch (e) {
      err = e;
    }
    expect(String((err as Error)?.message)).to.match(/unknown option 'first'/);
    expect(tableToCSV(second)).to.equal('"k","v"\n"x",0.12345\n');
  });
});
