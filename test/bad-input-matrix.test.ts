/**
 * Issue 12, "Tests that keep it this way": every public entry point × every bad input. Each cell must
 * end in a PathlabError with a `<area>.<kebab>` code and a hint, or — where the input is legitimate
 * for that function (a column it does not use, two rows for a statistic defined on two rows) — in a
 * result whose numbers are finite or whose undefined numbers are explained by a warning. A bare JS
 * error, a PathlabError without a hint, or a result with an unexplained NaN fails the cell.
 * The suite prints the count table (entry point × outcome).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  cfa,
  corrTest,
  correlationTable,
  cronbachAlpha,
  describe as describeData,
  fa,
  hierarchicalRegression,
  htmt,
  mvrnorm,
  ols,
  omega,
  process,
  readCSV,
  readExcel,
  readSav,
  Rng,
  scoreItems,
  sem,
  simulateComposites,
  simulateItems,
  tsls,
} from "../src";
import { isPathlabError } from "../src/errors";

type Data = Record<string, unknown[]>;
const N = 60;

/** A small data set every entry point can analyse: x → m → y, two instruments, two three-item factors. */
function base(): Record<string, number[]> {
  const r = new Rng(7);
  const d: Record<string, number[]> = { x: [], m: [], w: [], y: [], z1: [], z2: [], i1: [], i2: [], i3: [], i4: [], i5: [], i6: [] };
  for (let i = 0; i < N; i++) {
    const f = r.normal();
    const g = r.normal();
    d.x.push(f);
    d.m.push(0.5 * f + r.normal());
    d.w.push(r.normal());
    d.y.push(0.4 * d.m[i] + 0.2 * f + r.normal());
    d.z1.push(0.6 * f + r.normal());
    d.z2.push(0.5 * f + r.normal());
    for (const k of ["i1", "i2", "i3"]) d[k].push(f + 0.8 * r.normal());
    for (const k of ["i4", "i5", "i6"]) d[k].push(g + 0.8 * r.normal());
  }
  return d;
}

const everyColumn = (f: (d: Data) => void) => () => {
  const d = base() as Data;
  f(d);
  return d;
};
const setCell = (v: unknown) => everyColumn((d) => Object.keys(d).forEach((k) => (d[k][3] = v)));

/** The bad inputs: each builds a data set (and options) from the clean one. */
const BAD: Record<string, () => { data: unknown; options?: Record<string, unknown> }> = {
  "null data": () => ({ data: null }),
  "a number as data": () => ({ data: 42 }),
  "duplicate column": () => {
    const d = base();
    const cols = Object.keys(d);
    return { data: { columns: [...cols.slice(0, -1), "x"], values: d.x.map((_, i) => cols.map((c) => d[c][i])) } };
  },
  "ragged columns": () => ({ data: everyColumn((d) => ["y", "i1", "i4", "m"].forEach((k) => (d[k] = d[k].slice(0, 50))))() }),
  "BigInt cell": () => ({ data: setCell(BigInt(3))() }),
  'hex text "0x10"': () => ({ data: setCell("0x10")() }),
  'text "abc"': () => ({ data: setCell("abc")() }),
  "Infinity cell": () => ({ data: setCell(Infinity)() }),
  "unknown option": () => ({ data: base(), options: { colour: "red" } }),
  "constant columns": () => ({ data: everyColumn((d) => Object.keys(d).forEach((k) => (d[k] = d[k].map(() => 3))))() }),
  "two rows": () => ({ data: everyColumn((d) => Object.keys(d).forEach((k) => (d[k] = d[k].slice(0, 2))))() }),
  "every value missing": () => ({ data: everyColumn((d) => Object.keys(d).forEach((k) => (d[k] = d[k].map(() => null))))() }),
  "columns x and i1 absent": () => ({ data: everyColumn((d) => ["x", "i1"].forEach((k) => delete d[k]))() }),
};

type Entry = (data: unknown, options?: Record<string, unknown>) => unknown;
const items6 = ["i1", "i2", "i3", "i4", "i5", "i6"];
const ENTRIES: Record<string, Entry> = {
  cfa: (d, o) => cfa("f =~ i1 + i2 + i3\ng =~ i4 + i5 + i6", d as never, o as never),
  sem: (d, o) => sem("y ~ m + x\nm ~ x", d as never, o as never),
  process: (d, o) => process({ data: d, model: 4, x: "x", m: "m", y: "y", boot: 200, seed: 1, ...(o ?? {}) } as never),
  ols: (d, o) => ols(d as never, { y: "y", x: ["x", "m"], ...(o ?? {}) } as never),
  hierarchicalRegression: (d, o) => hierarchicalRegression(d as never, { y: "y", steps: [["x"], ["m"]], ...(o ?? {}) } as never),
  tsls: (d, o) => tsls(d as never, { y: "y", endogenous: ["m"], instruments: ["z1", "z2"], exogenous: ["w"], ...(o ?? {}) } as never),
  cronbachAlpha: (d, o) => cronbachAlpha(d as never, ["i1", "i2", "i3"], o as never),
  htmt: (d, o) => htmt(d as never, { f: ["i1", "i2", "i3"], g: ["i4", "i5", "i6"] }, o as never),
  describe: (d, o) => describeData(d as never, ["x", "y"], o as never),
  correlationTable: (d, o) => correlationTable(d as never, ["x", "m", "y"], o as never),
  corrTest: (d, o) => corrTest(d as never, ["x", "m", "y"], o as never),
  fa: (d, o) => fa(d as never, items6, { nfactors: 2, ...(o ?? {}) } as never),
  omega: (d, o) => omega(d as never, items6, { nfactors: 2, ...(o ?? {}) } as never),
  scoreItems: (d, o) => scoreItems(d as never, { f: ["i1", "i2", "i3"] }, o as never),
};

/**
 * Cells where the input is legitimate for the function: it must compute (finite numbers, or NaN only
 * with a warning). Two rows define a covariance; a function that does not read x or i1 is unaffected.
 */
const COMPUTES: Record<string, string[]> = {
  "two rows": ["cronbachAlpha", "htmt", "describe", "scoreItems", "fa"],
  "constant columns": ["describe"],
  "columns x and i1 absent": ["tsls"],
};

/**
 * Fields that are undefined by definition in an ordinary result and shown as "—" (psych prints NA):
 * the variance of the inter-item correlations when an "if deleted" scale keeps two items (one r).
 */
const NOT_APPLICABLE = new Set(["varR"]);

/** Every number reachable in a result (own enumerable properties, depth-limited). */
function numbersIn(x: unknown, depth = 0, out: number[] = []): number[] {
  if (typeof x === "number") out.push(x);
  else if (depth < 4 && x && typeof x === "object") {
    const entries = ArrayBuffer.isView(x) ? Array.from(x as unknown as ArrayLike<number>).map((v) => ["", v] as const) : Object.entries(x);
    for (const [k, v] of entries.slice(0, 2000)) if (!NOT_APPLICABLE.has(k)) numbersIn(v, depth + 1, out);
  }
  return out;
}

type Outcome = "error with hint" | "computes" | "FAIL";

function outcomeOf(call: () => unknown, mayCompute: boolean): { outcome: Outcome; detail: string } {
  try {
    const r = call() as { warnings?: unknown[] };
    if (!mayCompute) return { outcome: "FAIL", detail: "no error" };
    const warned = Array.isArray(r?.warnings) && r.warnings.length > 0;
    const nan = numbersIn(r).some((v) => Number.isNaN(v));
    return nan && !warned ? { outcome: "FAIL", detail: "NaN in the result without a warning" } : { outcome: "computes", detail: "" };
  } catch (e) {
    if (!isPathlabError(e)) return { outcome: "FAIL", detail: `${(e as Error)?.name}: ${(e as Error)?.message}` };
    const pe = e as { code: string; hint?: string; message: string };
    if (!/^[a-z]+\.[a-z0-9-]+$/.test(pe.code) || !pe.hint) return { outcome: "FAIL", detail: `PathlabError without code/hint: ${pe.code} ${pe.message}` };
    return { outcome: "error with hint", detail: pe.code };
  }
}

describe("bad-input matrix: every entry point × every bad input (issue 12)", function () {
  this.timeout(120000);
  const counts: Record<string, Record<Outcome, number>> = {};
  for (const entry of Object.keys(ENTRIES)) counts[entry] = { "error with hint": 0, computes: 0, FAIL: 0 };

  for (const [bad, make] of Object.entries(BAD))
    describe(bad, () => {
      for (const [entry, call] of Object.entries(ENTRIES))
        it(entry, () => {
          const { data, options } = make();
          const { outcome, detail } = outcomeOf(() => call(data, options), (COMPUTES[bad] ?? []).includes(entry));
          counts[entry][outcome]++;
          expect(outcome, `${bad} × ${entry}: ${detail}`).to.not.equal("FAIL");
        });
    });

  after(() => {
    const rows = Object.entries(counts).map(
      ([e, c]) => `      ${e.padEnd(24)} ${String(c["error with hint"]).padStart(5)} ${String(c.computes).padStart(9)} ${String(c.FAIL).padStart(5)}`,
    );
    console.log([`      ${"entry point".padEnd(24)} ${"error".padStart(5)} ${"computes".padStart(9)} ${"FAIL".padStart(5)}`, ...rows].join("\n"));
  });
});

describe("bad-input matrix: readers and simulators (issue 12)", function () {
  this.timeout(60000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pathlab-bad-"));
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  const cases: [string, () => unknown][] = [
    ["readCSV: a file that does not exist", () => readCSV(path.join(dir, "nope.csv"))],
    ["readCSV: duplicate headers", () => readCSV(file("dup.csv", "a,b,a\n1,2,3\n"))],
    ["readCSV: an unknown option", () => readCSV(file("ok.csv", "a,b\n1,2\n"), { colour: "red" } as never)],
    ["readSav: not an SPSS file", () => readSav(file("x.sav", "hello, this is not a system file"))],
    ["readSav: a truncated file", () => readSav(fs.readFileSync(path.join(__dirname, "fixtures", "sav", "survey-byte.sav")).subarray(0, 900))],
    ["readExcel: a file that does not exist", () => readExcel(path.join(dir, "nope.xlsx"))],
    ["readExcel: not an Excel file", () => readExcel(file("x.xlsx", "plain text"))],
    [
      "mvrnorm: a covariance that is not positive definite",
      () =>
        mvrnorm(
          100,
          [0, 0],
          [
            [1, 2],
            [2, 1],
          ],
          1,
        ),
    ],
    [
      "mvrnorm: a fractional seed",
      () =>
        mvrnorm(
          100,
          [0, 0],
          [
            [1, 0],
            [0, 1],
          ],
          1.5,
        ),
    ],
    [
      "mvrnorm: a negative n",
      () =>
        mvrnorm(
          -5,
          [0, 0],
          [
            [1, 0],
            [0, 1],
          ],
          1,
        ),
    ],
    ["simulateItems: no options", () => simulateItems(undefined as never)],
    ["simulateItems: an unknown option", () => simulateItems({ colour: "red" } as never)],
    ["simulateComposites: an unknown option", () => simulateComposites({ colour: "red" } as never)],
  ];
  for (const [name, call] of cases)
    it(name, async () => {
      let error: unknown;
      try {
        await call();
      } catch (e) {
        error = e;
      }
      expect(isPathlabError(error), `${name}: ${String(error)}`).to.equal(true);
      const e = error as { code: string; hint?: string };
      expect(e.code).to.match(/^[a-z]+\.[a-z0-9-]+$/);
      expect(e.hint ?? "", `${name}: no hint`).to.have.length.greaterThan(5);
    });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
});
