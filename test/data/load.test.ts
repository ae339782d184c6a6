/**
 * Loaders: CSV (R's read.csv conventions, checked against R below) and Excel (ExcelJS). SPSS files
 * are tested against haven in sav.test.ts. Workbooks are written here with ExcelJS itself.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseCSV, readCSV, readExcel } from "../../src/data/load";
import { isPathlabError, type PathlabError } from "../../src/errors";
import { cronbachAlpha } from "../../src/measurement";
import { fixturePath } from "../fixtures/read-fixture";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pathlab-load-"));

async function failure(f: () => Promise<unknown> | unknown): Promise<PathlabError> {
  try {
    await f();
  } catch (e) {
    expect(isPathlabError(e), String(e)).to.equal(true);
    expect((e as PathlabError).hint, "hint")
      .to.be.a("string")
      .and.not.equal("");
    return e as PathlabError;
  }
  throw new Error("expected a PathlabError");
}

/** Writes a workbook with ExcelJS: sheets as arrays of rows. */
async function workbook(file: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const ExcelJS = require("exceljs") as typeof import("exceljs");
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => {
      const row = ws.getRow(i + 1);
      r.forEach((v, j) => {
        if (v !== null && v !== undefined) row.getCell(j + 1).value = v as never;
      });
      row.commit();
    });
  }
  const p = path.join(tmp, file);
  await wb.xlsx.writeFile(p);
  return p;
}

describe("loaders", function () {
  this.timeout(60000);

  it("readCSV returns a danfojs DataFrame with full precision", async () => {
    const df = await readCSV(fixturePath("hs1939.csv"));
    expect(df.shape).to.deep.equal([301, 13]);
    expect(df.columns[4]).to.equal("x1");
    expect((df.values as unknown[][])[0][4]).to.equal(3.3333333);
    const a = cronbachAlpha(df, ["x1", "x2", "x3"]);
    expect(a.alpha).to.be.closeTo(0.626117131884981, 1e-12);
  });

  it("readCSV turns declared missing codes into null (naValues, and the older numeric 'missing')", async () => {
    const p = path.join(tmp, "m.csv");
    fs.writeFileSync(p, "a,b\n1,99\n2,3\n-9,4\n");
    const want = [
      [1, null],
      [2, 3],
      [null, 4],
    ];
    expect((await readCSV(p, { naValues: [99, -9] })).values).to.deep.equal(want);
    expect((await readCSV(p, { missing: [99, -9] })).values).to.deep.equal(want);
  });

  // Issue 12, item 6: cells typed as R's read.csv types them. R 4.2.2, read.csv on this file gives
  // a (hex) 16 — pathlab keeps text, deliberately; b 1e5; c 12 (blanks ignored); d Inf; e NaN;
  // f NA (int); g NA (empty); h logical; i "1d5" text; j 3; k 0.5; l "1_000" text; m "NA" → NA in text.
  it("readCSV types columns as R's read.csv (hex stays text)", () => {
    const text = "a,b,c,d,e,f,g,h,i,j,k,l,m\n0x10,1e5, 12 ,Inf,NaN,NA,,TRUE,1d5,+3,.5,1_000,x\n1,2,3,-inf,5,6,7,F,2,4,6,1,NA\n";
    const { names, columns } = parseCSV(text);
    expect(names).to.deep.equal(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"]);
    expect(columns.a).to.deep.equal(["0x10", "1"]);
    expect(columns.b).to.deep.equal([1e5, 2]);
    expect(columns.c).to.deep.equal([12, 3]);
    expect(columns.d).to.deep.equal([Infinity, -Infinity]);
    expect(Number.isNaN(columns.e[0])).to.equal(true);
    expect(columns.f).to.deep.equal([null, 6]);
    expect(columns.g).to.deep.equal([null, 7]);
    expect(columns.h).to.deep.equal([true, false]);
    expect(columns.i).to.deep.equal(["1d5", "2"]);
    expect(columns.j).to.deep.equal([3, 4]);
    expect(columns.k).to.deep.equal([0.5, 6]);
    expect(columns.l).to.deep.equal(["1_000", "1"]);
    expect(columns.m).to.deep.equal(["x", null]);
  });

  it("readCSV: quoted fields with commas, quotes and line breaks; CRLF; BOM; blank lines; text naValues", () => {
    const text = '\ufeffid,"name, full",score\r\n1,"Smith, ""Jo""",5\r\n\r\n2,"two\nlines",.\r\n';
    const { names, columns } = parseCSV(text, { naValues: ["."] });
    expect(names).to.deep.equal(["id", "name, full", "score"]);
    expect(columns["name, full"]).to.deep.equal(['Smith, "Jo"', "two\nlines"]);
    expect(columns.score).to.deep.equal([5, null]);
    expect(parseCSV("a;b\n1,5;2\n", { delimiter: ";" }).columns.a).to.deep.equal(["1,5"]);
  });

  it("readExcel reads a sheet by name, index or option; formulas, dates, rich text and errors", async () => {
    const p = await workbook("t.xlsx", {
      first: [
        ["q1", "q2", "name", "when", "f"],
        [1, 2, "x", new Date(Date.UTC(2024, 0, 15)), { formula: "A2+B2", result: 3 }],
        [3, null, { richText: [{ text: "y" }, { text: "z" }] }, new Date(Date.UTC(2024, 0, 15, 10, 30)), { error: "#N/A" }],
      ],
      second: [["z"], [7]],
    });
    const df = await readExcel(p);
    expect(df.columns).to.deep.equal(["q1", "q2", "name", "when", "f"]);
    expect(df.values).to.deep.equal([
      [1, 2, "x", "2024-01-15", 3],
      [3, null, "yz", "2024-01-15T10:30:00Z", null],
    ]);
    expect((await readExcel(p, "second")).values).to.deep.equal([[7]]);
    expect((await readExcel(p, 1)).columns).to.deep.equal(["z"]);
    expect((await readExcel(p, { sheet: "second" })).values).to.deep.equal([[7]]);
    expect((await readExcel(p, { naValues: [1] })).values[0]).to.deep.equal([null, 2, "x", "2024-01-15", 3]);
  });

  // Issue 12, item 7: the errors readExcel passed on from the library (or did not raise at all).
  it("readExcel errors: unknown sheet (listing the sheets), duplicate header, header-only sheet", async () => {
    const p = await workbook("bad.xlsx", {
      data: [
        ["q1", "q2", "q1"],
        [1, 2, 3],
      ],
      header_only: [["a", "b"]],
      empty: [],
    });
    const e1 = await failure(() => readExcel(p, "Data2"));
    expect(e1.code).to.equal("data.unknown-sheet");
    expect(e1.hint).to.contain('"data", "header_only", "empty"');
    const e2 = await failure(() => readExcel(p, "data"));
    expect(e2.code).to.equal("data.duplicate-column");
    expect(e2.message).to.contain('"q1" occurs twice').and.contain("columns A and C");
    const e3 = await failure(() => readExcel(p, "header_only"));
    expect(e3.code).to.equal("data.no-rows");
    expect(e3.message).to.contain("no data rows");
    const e4 = await failure(() => readExcel(p, "empty"));
    expect(e4.code).to.equal("data.empty-sheet");
    const e5 = await failure(() => readExcel(p, 5));
    expect(e5.hint).to.contain('"data"');
  });

  it("readCSV and readExcel on a missing file name the path", async () => {
    const e = await failure(() => readCSV(path.join(tmp, "nope.csv")));
    expect(e.message).to.contain("nope.csv");
    expect(e.code).to.equal("data.file-not-found");
    const e2 = await failure(() => readExcel(path.join(tmp, "nope.xlsx")));
    expect(e2.message).to.contain("nope.xlsx");
  });
});
