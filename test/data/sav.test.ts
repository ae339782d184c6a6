/**
 * readSav against haven (issue 12, item 1). The fixtures in test/fixtures/sav/ were written by
 * haven::write_sav (ReadStat) — not by pathlab — uncompressed, bytecode-compressed and zlib
 * (.zsav); expected.json is haven::read_sav's reading of the same files (test/fixtures/make-sav.R).
 *
 * Before this reader, `sav-reader` read 1 case of 12 from survey-byte.sav and 1 of 2,800 from
 * bfi-byte.sav, could not read the .zsav at all, and loaded truncated files partially.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { readSav, SPSS_EPOCH_OFFSET, type SavFile } from "../../src/data/sav";
import { isPathlabError, type PathlabError } from "../../src/errors";
import { cronbachAlpha } from "../../src/measurement";

const dir = path.join(__dirname, "..", "fixtures", "sav");
const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8"));
const bytes = (f: string) => fs.readFileSync(path.join(dir, f));

/** jsonlite writes 15 significant digits: numbers agree to 1e-14 relative. */
function sameNumber(a: unknown, b: unknown, what: string): void {
  if (b === null) return void expect(a, what).to.equal(null);
  expect(typeof a, what).to.equal("number");
  const x = a as number;
  const y = b as number;
  expect(Math.abs(x - y) <= 1e-14 * Math.abs(y) + 1e-300, `${what}: ${x} vs haven ${y}`).to.equal(true);
}

function column(sav: SavFile, name: string): unknown[] {
  const j = sav.frame.columns.indexOf(name);
  return (sav.frame.values as unknown[][]).map((r) => r[j]);
}

/** Our value of a date/datetime cell in haven's units (days / seconds since 1970). */
function havenUnits(v: unknown, kind: string): number | null {
  if (v === null) return null;
  const ms = Date.parse(kind === "date" ? `${v}T00:00:00Z` : (v as string));
  return kind === "date" ? ms / 86400000 : ms / 1000;
}

function compareColumn(sav: SavFile, name: string, e: any, values: unknown[], what: string): void {
  const got = column(sav, name);
  expect(got.length, `${what} length`).to.equal(values.length);
  got.forEach((g, i) => {
    const w = `${what}[${i}]`;
    if (e.kind === "string") expect(g, w).to.equal(values[i]);
    else if (e.kind === "date" || e.kind === "datetime") sameNumber(havenUnits(g, e.kind), values[i], w);
    else sameNumber(g, values[i], w);
  });
}

function failure(f: () => Promise<unknown>): Promise<PathlabError> {
  return f().then(
    () => {
      throw new Error("expected a PathlabError");
    },
    (e) => {
      expect(isPathlabError(e), String(e)).to.equal(true);
      expect((e as PathlabError).hint, "hint")
        .to.be.a("string")
        .and.not.equal("");
      return e as PathlabError;
    },
  );
}

describe("readSav vs haven (haven::write_sav fixtures)", function () {
  this.timeout(30000);

  for (const file of Object.keys(expected.survey)) {
    const exp = expected.survey[file];

    it(`${file}: every case, value, label and missing declaration as haven reads them`, async () => {
      const sav = await readSav(path.join(dir, file));
      expect(sav.frame.shape).to.deep.equal([exp.nrow, exp.names.length]); // 12 cases, 13 variables
      expect(sav.frame.columns).to.deep.equal(exp.names);
      const kept = await readSav(bytes(file), { userMissing: "keep" });
      for (const name of exp.names) {
        const e = exp.columns[name];
        const v = sav.variable(name);
        expect(v.format, `${name} format`).to.equal(e.format);
        expect(v.label, `${name} label`).to.equal(e.label);
        expect(v.kind, `${name} kind`).to.equal(e.kind);
        expect(v.valueLabels, `${name} value labels`).to.deep.equal(e.valueLabels);
        const naValues = e.naValues === undefined || e.naValues === null ? [] : [].concat(e.naValues);
        expect(v.missingValues, `${name} missing values`).to.deep.equal(naValues);
        const range = e.naRange
          ? { min: e.naRange[0] === "-Inf" ? -Infinity : e.naRange[0], max: e.naRange[1] === "Inf" ? Infinity : e.naRange[1] }
          : undefined;
        expect(v.missingRange, `${name} missing range`).to.deep.equal(range);
        compareColumn(sav, name, e, e.values, `${file} ${name}`);
        compareColumn(kept, name, e, e.valuesUserNa, `${file} ${name} (user-missing kept)`);
      }
    });
  }

  it("the three compressions give the same file", async () => {
    const [a, b, c] = await Promise.all(["survey-none.sav", "survey-byte.sav", "survey.zsav"].map((f) => readSav(path.join(dir, f))));
    expect(b.frame.values).to.deep.equal(a.frame.values);
    expect(c.frame.values).to.deep.equal(a.frame.values);
    expect([a.file.compression, b.file.compression, c.file.compression]).to.deep.equal(["none", "bytecode", "zlib"]);
  });

  it("user-missing values are exposed: counted per variable and listed in the metadata", async () => {
    const sav = await readSav(path.join(dir, "survey-byte.sav"));
    expect(sav.userMissingCount.satisfaction).to.equal(3); // 98, 99, 98
    expect(sav.userMissingCount.income).to.equal(3); // -9, -1, -5 in -9 thru -1
    expect(sav.userMissingCount.age).to.equal(4); // 999 twice, -3 and -100 in LO thru -1
    expect(sav.userMissingCount.answer).to.equal(2); // "refused"
    expect(sav.variable("age").missingRange).to.deep.equal({ min: -Infinity, max: -1 });
    expect(sav.summary()).to.contain("LO thru -1");
    expect(sav.valueLabel("satisfaction", 99)).to.equal("No answer");
    expect(sav.valueLabel("country", "Germany")).to.equal("Federal Republic of Germany"); // long string labels (7.21)
    expect(sav.asLabels("trust_in_supplier").slice(0, 2)).to.deep.equal(["Strongly disagree", "Disagree"]);
  });

  it("dates as ISO text by default, as JS Dates or SPSS seconds on request; formats kept", async () => {
    const iso = await readSav(path.join(dir, "survey-none.sav"));
    expect(column(iso, "visit_date").slice(0, 3)).to.deep.equal(["2024-01-15", "1582-10-14", null]);
    expect(column(iso, "visit_time").slice(0, 3)).to.deep.equal(["2024-01-15T10:30:00Z", null, "1999-12-31T23:59:59Z"]);
    const asDate = await readSav(path.join(dir, "survey-none.sav"), { dates: "date" });
    expect((column(asDate, "visit_time")[0] as Date).getTime()).to.equal(Date.UTC(2024, 0, 15, 10, 30));
    const secs = await readSav(path.join(dir, "survey-none.sav"), { dates: "number" });
    expect(column(secs, "visit_date")[1]).to.equal(0); // 1582-10-14 is SPSS's day 0
    expect(column(secs, "visit_date")[3]).to.equal(SPSS_EPOCH_OFFSET); // 1970-01-01
    expect(iso.variable("visit_time").format).to.equal("DATETIME20");
  });

  it("long names, long and very long strings (a UTF-8 character across a 255-byte segment), measurement level", async () => {
    const sav = await readSav(path.join(dir, "survey.zsav"));
    const essay = column(sav, "essay") as string[];
    expect(Buffer.byteLength(essay[0])).to.equal(600);
    expect(Buffer.from(essay[0]).subarray(254, 256).toString()).to.equal("é"); // bytes 255 and 256: two segments
    expect(Buffer.byteLength(essay[5])).to.equal(1000);
    expect(sav.variable("essay").width).to.equal(1000);
    expect(sav.variable("a_variable_name_longer_than_thirty_two_chars").type).to.equal("numeric");
    expect(column(sav, "comment")[0]).to.equal("Très bien – ünïcödé");
    // haven's writer declares labelled and plain numbers "scale" and strings "nominal"
    expect(sav.variable("trust_in_supplier").measure).to.equal("scale");
    expect(sav.variable("region").measure).to.equal("nominal");
  });

  it("bfi-byte.sav: all 2,800 cases of psych::bfi, column sums and NAs as haven (the 1-case bug)", async () => {
    const sav = await readSav(path.join(dir, "bfi-byte.sav"));
    const exp = expected.bfi;
    expect(sav.frame.shape).to.deep.equal([2800, 28]);
    expect(sav.file.caseCount).to.equal(2800);
    for (const name of exp.names) {
      const x = column(sav, name) as (number | null)[];
      const e = exp.columns[name];
      expect(x.filter((v) => v === null).length, `${name} NAs`).to.equal(e.nNA);
      expect(
        x.reduce<number>((s, v) => s + (v ?? 0), 0),
        `${name} sum`,
      ).to.equal(e.sum);
      expect(
        x.reduce<number>((s, v, i) => s + (v ?? 0) * (i + 1), 0),
        `${name} weighted sum`,
      ).to.equal(e.weightedSum);
      expect(x.slice(0, 5), `${name} first`).to.deep.equal(e.first);
      expect(x.slice(-5), `${name} last`).to.deep.equal(e.last);
    }
    // and the frame feeds an analysis directly
    expect(cronbachAlpha(sav.frame, ["C1", "C2", "C3"]).n).to.be.greaterThan(2700);
  });

  describe("truncated and damaged files are errors naming the counts (never a partial load)", () => {
    for (const file of ["survey-none.sav", "survey-byte.sav", "bfi-byte.sav"]) {
      it(`${file} cut in the middle of its data`, async () => {
        const full = bytes(file);
        const cut = full.subarray(0, full.length - Math.floor((full.length - 4000) / 2));
        const e = await failure(() => readSav(cut));
        expect(e.code).to.be.oneOf(["data.sav-truncated", "data.sav-case-count"]);
        expect(e.message).to.match(new RegExp(`header declares ${file.startsWith("bfi") ? 2800 : 12} case`));
        expect(e.message).to.match(/\d+ complete case|holds \d+/);
      });
    }

    it("survey.zsav cut short: its zlib trailer is missing", async () => {
      const full = bytes("survey.zsav");
      const e = await failure(() => readSav(full.subarray(0, full.length - 100)));
      expect(e.code).to.equal("data.sav-truncated");
      expect(e.message).to.contain("declares 12 case(s)");
    });

    it("uncompressed file cut at a case boundary: the count mismatch names both counts", async () => {
      const full = bytes("survey-none.sav");
      const sav = await readSav(full);
      const caseBytes = full.length - walkRecords(full);
      const perCase = caseBytes / 12;
      const e = await failure(() => readSav(full.subarray(0, full.length - 5 * perCase)));
      expect(e.code).to.equal("data.sav-case-count");
      expect(e.message).to.contain("header declares 12 case(s) but the data holds 7");
      expect(sav.frame.shape[0]).to.equal(12);
    });

    it("case count −1 (unknown): reads to the end; a truncated final case is still an error", async () => {
      for (const file of ["survey-none.sav", "survey-byte.sav"]) {
        const unknown = Buffer.from(bytes(file));
        unknown.writeInt32LE(-1, 80);
        dropExtendedCount(unknown);
        const sav = await readSav(unknown);
        expect(sav.frame.shape[0], file).to.equal(12);
        expect(sav.file.caseCount).to.equal(-1);
        const e = await failure(() => readSav(unknown.subarray(0, unknown.length - 20)));
        expect(e.code, file).to.equal("data.sav-truncated");
        expect(e.message).to.match(/ends after \d+ complete case/);
      }
    });

    it("more data than the header declares is an error naming both counts", async () => {
      const b = Buffer.from(bytes("survey-none.sav"));
      b.writeInt32LE(10, 80);
      const e = await failure(() => readSav(b));
      expect(e.message).to.contain("header declares 10 case(s) but the data holds 12");
    });

    it("a file cut inside its dictionary, or not a system file at all", async () => {
      const e1 = await failure(() => readSav(bytes("survey-byte.sav").subarray(0, 300)));
      expect(e1.code).to.equal("data.bad-sav");
      expect(e1.message).to.contain("truncated");
      const e2 = await failure(() => readSav(Buffer.from("hello world, not spss")));
      expect(e2.code).to.equal("data.bad-sav");
      expect(e2.message).to.contain('does not start with "$FL2" or "$FL3"');
    });
  });

  it("options are checked: unknown names and bad values are errors listing the valid ones", async () => {
    const p = path.join(dir, "survey-none.sav");
    const e1 = await failure(() => readSav(p, { user_na: true } as never));
    expect(e1.code).to.equal("options.unknown");
    expect(e1.hint).to.contain("userMissing");
    const e2 = await failure(() => readSav(p, { dates: "posix" } as never));
    expect(e2.hint).to.contain("iso, date, number");
    const e3 = await failure(() => readSav(p, { missing: "ml" } as never));
    expect(e3.message).to.contain("naValues");
    const extra = await readSav(p, { naValues: [1] });
    expect(column(extra, "id")[0]).to.equal(null);
    // an encoding override applies to labels and values alike
    const latin = await readSav(p, { encoding: "latin1" });
    expect(column(latin, "comment")[0]).to.equal(new TextDecoder("latin1").decode(Buffer.from("Très bien – ünïcödé")));
    expect(column(latin, "comment")[0]).to.not.equal("Très bien – ünïcödé");
    const e4 = await failure(() => readSav(p, { encoding: "klingon" }));
    expect(e4.code).to.equal("options.bad-value");
  });
});

/**
 * Walks the dictionary records of a little-endian file from the header; calls `ext` for each
 * extension record (subtype, offset) and returns the offset of the first data byte.
 */
function walkRecords(b: Buffer, ext: (subtype: number, at: number) => void = () => undefined): number {
  let p = 176;
  for (;;) {
    const t = b.readInt32LE(p);
    if (t === 999) return p + 8;
    if (t === 2) {
      const hasLabel = b.readInt32LE(p + 8);
      const nMiss = Math.abs(b.readInt32LE(p + 12));
      let q = p + 32;
      if (hasLabel) q += 4 + Math.ceil(b.readInt32LE(q) / 4) * 4;
      p = q + 8 * nMiss;
    } else if (t === 3) {
      const n = b.readInt32LE(p + 4);
      let q = p + 8;
      for (let k = 0; k < n; k++) q += 8 + Math.ceil((b[q + 8] + 1) / 8) * 8;
      p = q + 8 + 4 * b.readInt32LE(q + 4);
    } else if (t === 7) {
      ext(b.readInt32LE(p + 4), p);
      p += 16 + b.readInt32LE(p + 8) * b.readInt32LE(p + 12);
    } else throw new Error(`record ${t} at ${p}`);
  }
}

/** Sets record 7.16's 64-bit case count to −1 as well, so that the file's count is truly unknown. */
function dropExtendedCount(b: Buffer): void {
  walkRecords(b, (subtype, at) => {
    if (subtype === 16) b.writeBigInt64LE(-1n, at + 24);
  });
}
