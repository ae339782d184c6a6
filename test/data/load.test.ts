/**
 * Loaders: CSV through danfojs, Excel through SheetJS, SPSS .sav through sav-reader. The .sav
 * fixtures are written by test/fixtures/sav-writer.ts (neither haven nor foreign is installed in R),
 * both uncompressed and bytecode-compressed.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readCSV, readExcel, readSav } from "../../src/data/load";
import { cronbachAlpha } from "../../src/measurement";
import { fixturePath } from "../fixtures/read-fixture";
import { writeSav, type SavVarSpec } from "../fixtures/sav-writer";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pathlab-load-"));

const savVars: SavVarSpec[] = [
  { name: "id", type: "numeric" },
  {
    name: "trust1",
    type: "numeric",
    label: "I trust my supplier",
    missing: [99],
    valueLabels: [
      { value: 1, label: "Strongly disagree" },
      { value: 5, label: "Strongly agree" },
      { value: 99, label: "No answer" },
    ],
  },
  { name: "group", type: "string", label: "Group" },
  { name: "income", type: "numeric", label: "Income in euros" },
];
const savRows: (number | string | null)[][] = [
  [1, 5, "a", 1234.5],
  [2, 99, "b", null],
  [3, 1, "", 0.25],
];

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

  it("readCSV turns declared missing codes into null", async () => {
    const p = path.join(tmp, "m.csv");
    fs.writeFileSync(p, "a,b\n1,99\n2,3\n-9,4\n");
    const df = await readCSV(p, { missing: [99, -9] });
    expect(df.values).to.deep.equal([
      [1, null],
      [2, 3],
      [null, 4],
    ]);
  });

  it("readCSV on a missing file names the path", async () => {
    let err: unknown;
    try {
      await readCSV(path.join(tmp, "nope.csv"));
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).to.contain("nope.csv");
  });

  it("readExcel reads a sheet by name or index", () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const XLSX = require("xlsx");
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["q1", "q2", "name"], [1, 2, "x"], [3, null, "y"]]), "first");
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["z"], [7]]), "second");
    const p = path.join(tmp, "t.xlsx");
    XLSX.writeFile(wb, p);
    const df = readExcel(p);
    expect(df.columns).to.deep.equal(["q1", "q2", "name"]);
    expect(df.values).to.deep.equal([
      [1, 2, "x"],
      [3, null, "y"],
    ]);
    expect(readExcel(p, "second").values).to.deep.equal([[7]]);
    expect(readExcel(p, 1).columns).to.deep.equal(["z"]);
    expect(() => readExcel(p, "third")).to.throw(/Sheet "third" does not exist/);
  });

  for (const compressed of [false, true]) {
    it(`readSav keeps variable labels, value labels and missing codes (${compressed ? "compressed" : "uncompressed"})`, async () => {
      const p = path.join(tmp, `t${compressed ? "c" : "u"}.sav`);
      fs.writeFileSync(p, writeSav(savVars, savRows, compressed));
      const sav = await readSav(p);
      expect(sav.frame.columns).to.deep.equal(["id", "trust1", "group", "income"]);
      expect(sav.frame.values).to.deep.equal([
        [1, 5, "a", 1234.5],
        [2, null, "b", null], // 99 is user-missing, income system-missing
        [3, 1, "", 0.25],
      ]);
      expect(sav.labels.trust1).to.equal("I trust my supplier");
      expect(sav.valueLabel("trust1", 5)).to.equal("Strongly agree");
      expect(sav.asLabels("trust1")).to.deep.equal(["Strongly agree", null, "Strongly disagree"]);
      expect(sav.variable("trust1").missingValues).to.deep.equal([99]);
      expect(sav.userMissingCount.trust1).to.equal(1);
      expect(sav.toHTML()).to.contain("Strongly disagree");
      const kept = await readSav(fs.readFileSync(p), { userMissing: "keep" });
      expect((kept.frame.values as unknown[][])[1][1]).to.equal(99);
    });
  }

  it("readSav rejects a file that is not a .sav", async () => {
    const p = path.join(tmp, "bad.sav");
    fs.writeFileSync(p, "hello world, not spss");
    let err: unknown;
    try {
      await readSav(p);
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).to.match(/Could not read .*bad\.sav as an SPSS system file/);
  });
});
