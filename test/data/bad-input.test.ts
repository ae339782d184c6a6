/**
 * Bad input to the data layer's public functions (issue 12): every case is a PathlabError with a
 * code and a hint — never a bare TypeError, never a silently different number. Each case names the
 * issue item it covers; the count table is printed at the end.
 *
 * What the code before this change did with them (issue 12 text and checks on the old code):
 * ragged columns gave n = 90, dropped = 0; "0x10" was read as 16; a BigInt cell or null data threw a
 * bare TypeError; "." counted as missing without being declared; unknown options were ignored.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  center,
  composite,
  correlationTable,
  describe as describeData,
  dummyCode,
  logTransform,
  numericColumns,
  parseCSV,
  productTerm,
  readCSV,
  readExcel,
  readSav,
  reverseCode,
  standardize,
} from "../../src/data";
import { isPathlabError, type PathlabError } from "../../src/errors";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pathlab-bad-"));
const counts = new Map<string, { cases: number; ok: number }>();
const seq = <T = number>(n: number, f: (i: number) => T = (i) => i as T): T[] => Array.from({ length: n }, (_, i) => f(i));
const good = { x: seq(100, (i) => (i * 7) % 13), y: seq(100, (i) => (i * 5) % 11), z: seq(100, (i) => (i * 3) % 7) };

/** Runs `f`, expects a PathlabError with `code`, a non-empty hint and a message matching `message`. */
async function bad(entry: string, f: () => unknown, code: string, message?: RegExp): Promise<PathlabError> {
  const c = counts.get(entry) ?? { cases: 0, ok: 0 };
  counts.set(entry, c);
  c.cases++;
  let err: unknown;
  try {
    await f();
  } catch (e) {
    err = e;
  }
  expect(err, `${entry}: expected an error`).to.not.equal(undefined);
  expect(isPathlabError(err), `${entry}: ${String(err)}`).to.equal(true);
  const e = err as PathlabError;
  expect(e.code, `${entry}: ${e.message}`).to.equal(code);
  expect(e.hint, `${entry}: hint of ${e.message}`).to.be.a("string").and.not.equal("");
  if (message) expect(e.message, entry).to.match(message);
  c.ok++;
  return e;
}

describe("data layer: bad input → PathlabError with code and hint", function () {
  this.timeout(30000);

  after(() => {
    const rows = [...counts.entries()].map(
      ([k, v]) => `  ${k.padEnd(20)} ${String(v.cases).padStart(3)} case(s), ${String(v.ok).padStart(3)} PathlabError(s) with a hint`,
    );
    const total = [...counts.values()].reduce((s, v) => s + v.ok, 0);
    console.log(`\n  Bad-input matrix (data layer):\n${rows.join("\n")}\n  total: ${total}\n`);
  });

  describe("table input (item 6), through every entry point", () => {
    const ragged = { x: seq(100), y: seq(90) };
    const entries: [string, (d: never) => unknown][] = [
      ["numericColumns", (d) => numericColumns(d, ["x", "y"])],
      ["describe", (d) => describeData(d, ["x", "y"])],
      ["correlationTable", (d) => correlationTable(d, ["x", "y"])],
      ["composite", (d) => composite(d, ["x", "y"])],
      ["productTerm", (d) => productTerm(d, ["x", "y"])],
      ["standardize", (d) => standardize(d, "x")],
      ["dummyCode", (d) => dummyCode(d, "x")],
    ];
    for (const [name, f] of entries) {
      it(`${name}: ragged columns name both columns and lengths (was n = 90, dropped = 0)`, async () => {
        await bad(name, () => f(ragged as never), "data.ragged", /"x" has 100 values but "y" has 90/);
      });
      it(`${name}: null, undefined or non-table data (was a bare TypeError)`, async () => {
        await bad(name, () => f(null as never), "data.no-data", /No data: got null/);
        await bad(name, () => f(undefined as never), "data.no-data");
        await bad(name, () => f(42 as never), "data.bad-input", /must be a table/);
      });
      it(`${name}: duplicate column names in a data frame`, async () => {
        const df = { columns: ["x", "y", "x"], values: seq(5, (i) => [i, i * 2, i * 3]) };
        await bad(name, () => f(df as never), "data.duplicate-column", /"x" occurs twice \(columns 1 and 3\)/);
      });
    }

    it("a BigInt cell or BigInt64Array column names the column and row (was a bare TypeError)", async () => {
      await bad(
        "numericColumns",
        () => numericColumns({ x: [1, 2n, 3], y: [1, 2, 3] } as never, ["x", "y"]),
        "data.bigint",
        /Column "x", row 2: value 2n is a BigInt/,
      );
      await bad("numericColumns", () => numericColumns({ x: BigInt64Array.from([1n, 2n]), y: [1, 2] } as never, ["x", "y"]), "data.bigint", /row 1/);
      await bad("composite", () => composite([{ a: 1, b: 5n }] as never, ["a", "b"]), "data.bigint", /Column "b", row 1/);
    });

    it('"0x10" is not read as 16 (a hex code is text); CSV keeps it as text', async () => {
      await bad(
        "numericColumns",
        () => numericColumns({ id: ["0x10", "0x11"], y: [1, 2] }, ["id", "y"]),
        "data.non-numeric",
        /"0x10" is not a number\. Hexadecimal/,
      );
      await bad("describe", () => describeData({ id: ["0x10", "2"] }, ["id"]), "data.non-numeric", /row 1/);
      expect(parseCSV("a\n0x10\n2\n").columns.a).to.deep.equal(["0x10", "2"]);
    });

    it('NA conventions as R: empty and "NA" are missing; "." is not, unless declared in naValues', async () => {
      const nc = numericColumns({ x: [1, "", "NA", " 4 ", NaN, null, 7], y: [1, 2, 3, 4, 5, 6, 7] }, ["x", "y"]);
      expect([nc.n, nc.dropped]).to.deep.equal([3, 4]);
      expect(Array.from(nc.columns[0])).to.deep.equal([1, 4, 7]);
      const e = await bad("numericColumns", () => numericColumns({ x: [1, ".", 3] }, ["x"]), "data.non-numeric", /row 2: value "\." is not a number/);
      expect(e.hint).to.contain('naValues: ["."]');
      expect(numericColumns({ x: [1, ".", 3] }, ["x"], { naValues: ["."] }).n).to.equal(2);
    });

    it("Inf is a number but not finite: an analysis refuses it naming the row", async () => {
      await bad("numericColumns", () => numericColumns({ x: [1, "Inf", 3] }, ["x"]), "data.non-finite", /row 2/);
      await bad("describe", () => describeData({ x: [1, Infinity, 3] }, ["x"]), "data.non-finite", /row 2/);
    });

    it("rows that are not objects, columns that are not arrays", async () => {
      await bad("numericColumns", () => numericColumns([{ x: 1 }, null, { x: 3 }] as never, ["x"]), "data.bad-row", /Row 2 of the data is null/);
      await bad("numericColumns", () => numericColumns({ x: 5, y: [1, 2] } as never, ["y"]), "data.bad-column", /Column "x" is 5/);
      await bad(
        "numericColumns",
        () => numericColumns({ columns: ["x", "y"], values: [[1, 2], [3]] } as never, ["x"]),
        "data.ragged",
        /Row 2 of the data frame has 1 values for 2 columns/,
      );
    });
  });

  describe("CSV and Excel files (items 6 and 7)", () => {
    it("readCSV: duplicate header, ragged line, header only, empty, unclosed quote", async () => {
      const file = (name: string, text: string) => {
        const p = path.join(tmp, name);
        fs.writeFileSync(p, text);
        return p;
      };
      await bad("readCSV", () => readCSV(file("dup.csv", "q1,q2,q1\n1,2,3\n")), "data.duplicate-column", /"q1" occurs twice.*columns 1 and 3/);
      await bad("readCSV", () => readCSV(file("ragged.csv", "a,b\n1,2\n3\n4,5\n")), "data.ragged", /Line 3 .* has 1 field\(s\) but the header has 2/);
      await bad("readCSV", () => readCSV(file("head.csv", "a,b\n")), "data.no-rows", /header but no data rows/);
      await bad("readCSV", () => readCSV(file("empty.csv", "")), "data.no-rows", /is empty/);
      await bad("readCSV", () => readCSV(file("quote.csv", 'a,b\n1,"open\n')), "data.bad-csv", /line 2 is never closed/);
      await bad("readCSV", () => readCSV(path.join(tmp, "none.csv")), "data.file-not-found", /none\.csv/);
      await bad("readCSV", () => readCSV(null as never), "data.bad-input", /must be a non-empty string/);
    });

    it("readExcel: missing file, a legacy .xls, a file that is not a workbook", async () => {
      await bad("readExcel", () => readExcel(path.join(tmp, "none.xlsx")), "data.file-not-found");
      const xls = path.join(tmp, "old.xls");
      fs.writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]));
      await bad("readExcel", () => readExcel(xls), "data.xls", /legacy Excel 97–2003/);
      const junk = path.join(tmp, "junk.xlsx");
      fs.writeFileSync(junk, "not a zip");
      await bad("readExcel", () => readExcel(junk), "data.bad-excel", /Could not read/);
      // unknown sheet, duplicate header, header-only and empty sheets: test/data/load.test.ts
    });

    it("readSav: not a system file, truncated, wrong source type (item 1; counts: test/data/sav.test.ts)", async () => {
      await bad("readSav", () => readSav(Buffer.from("$FL2 too short")), "data.bad-sav", /truncated/);
      await bad("readSav", () => readSav(Buffer.from("PK\u0003\u0004 a zip, not spss")), "data.bad-sav", /does not start with/);
      await bad("readSav", () => readSav(42 as never), "data.bad-input", /path or the file's bytes/);
      await bad("readSav", () => readSav(path.join(tmp, "none.sav")), "data.file-not-found");
    });
  });

  describe("options (item 2): unknown names and bad values list what is valid", () => {
    const data = good;
    const cases: [string, () => unknown, string, RegExp][] = [
      ["readCSV", () => readCSV(path.join(tmp, "x.csv"), { header: false } as never), "options.unknown", /unknown option 'header'/],
      ["readCSV", () => readCSV(path.join(tmp, "x.csv"), { delimiter: ";;" }), "options.bad-value", /one character/],
      ["readSav", () => readSav(Buffer.alloc(0), { labels: true } as never), "options.unknown", /unknown option 'labels'/],
      ["readSav", () => readSav(Buffer.alloc(0), { userMissing: "drop" } as never), "options.bad-value", /missing, keep/],
      ["readExcel", () => readExcel(path.join(tmp, "x.xlsx"), { range: "A1:C9" } as never), "options.unknown", /unknown option 'range'/],
      ["describe", () => describeData(data, ["x"], { skewness: 2 } as never), "options.unknown", /unknown option 'skewness'/],
      ["describe", () => describeData(data, ["x"], { type: 4 } as never), "options.bad-value", /1, 2, 3 or "spss"/],
      ["describe", () => describeData(data, ["x"], { deletion: "casewise" } as never), "options.bad-value", /pairwise, listwise/],
      ["correlationTable", () => correlationTable(data, ["x", "y"], { method: "spearman" } as never), "options.unknown", /unknown option 'method'/],
      ["correlationTable", () => correlationTable(data, ["x", "y"], { digits: -1 }), "options.bad-value", /digits/],
      ["composite", () => composite(data, ["x", "y"], { method: "median" } as never), "options.bad-value", /mean, sum/],
      ["composite", () => composite(data, ["x", "y"], { minItems: 1.5 }), "options.bad-value", /whole number/],
      ["composite", () => composite(data, ["x", "y"], { prorate: true }), "options.bad-value", /prorate applies to method: "sum"/],
      ["composite", () => composite(data, ["x", "y"], { weights: [1, 2] } as never), "options.unknown", /unknown option 'weights'/],
      ["reverseCode", () => reverseCode(data, "x", { min: 1, max: 7, scale: 7 } as never), "options.unknown", /unknown option 'scale'/],
      ["reverseCode", () => reverseCode(data, "x", { min: 7, max: 1 }), "options.bad-value", /max > min/],
      ["center", () => center(data, "x", { scale: true } as never), "options.unknown", /unknown option 'scale'/],
      ["standardize", () => standardize([1, 2, 3], { robust: true } as never), "options.unknown", /unknown option 'robust'/],
      ["productTerm", () => productTerm(data, ["x", "y"], { centre: true, scale: true } as never), "options.unknown", /unknown option 'scale'/],
      ["logTransform", () => logTransform([1, 2], { base: 3 } as never), "options.bad-value", /base/],
      ["logTransform", () => logTransform([1, 2], { offset: 1 } as never), "options.unknown", /unknown option 'offset'/],
      ["dummyCode", () => dummyCode(data, "z", { baseline: 0 } as never), "options.unknown", /unknown option 'baseline'/],
      ["numericColumns", () => numericColumns(data, ["x"], { listwise: true } as never), "options.unknown", /unknown option 'listwise'/],
    ];
    for (const [entry, f, code, message] of cases)
      it(`${entry}: ${message.source}`, async () => {
        const e = await bad(entry, f, code, message);
        if (code === "options.unknown") expect(e.hint).to.match(/Valid options: .*naValues/);
      });

    // 'missing' is the name lavaan uses for its missing-data method (missing: "ml"); in the data
    // layer it can only list numeric codes, and a string there points to naValues.
    for (const [entry, f] of [
      ["describe", () => describeData(data, ["x"], { missing: "ml" } as never)],
      ["correlationTable", () => correlationTable(data, ["x", "y"], { missing: "listwise" } as never)],
      ["composite", () => composite(data, ["x", "y"], { missing: "ml" } as never)],
      ["numericColumns", () => numericColumns(data, ["x"], { missing: "ml" } as never)],
      ["readCSV", () => readCSV(path.join(tmp, "x.csv"), { missing: "NA" } as never)],
    ] as [string, () => unknown][])
      it(`${entry}: missing: "<text>" points to naValues`, async () => {
        await bad(entry, f, "options.bad-value", /naValues: \[99, -9\]/);
      });

    it("naValues and missing given together is an error; missing as numeric codes still works", async () => {
      await bad("describe", () => describeData(data, ["x"], { naValues: [1], missing: [2] }), "options.duplicate", /given twice/);
      expect(describeData({ x: [1, 99, 3] }, ["x"], { missing: [99] }).rows[0].n).to.equal(2);
      expect(describeData({ x: [1, 99, 3] }, ["x"], { naValues: [99] }).rows[0].n).to.equal(2);
    });
  });
});
