/** Shared pieces of the SEM tests: the lavaan goldens, their data sets, and error capture. */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { isPathlabError } from "../../src/errors";

export const GOLDEN_DIR = path.join(__dirname, "..", "goldens");

/** The lavaan 0.6.14 goldens written by test/goldens/sem.R. */
export const G: Record<string, any> = JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, "sem.json"), "utf8"));

/** A numeric CSV written by R (header row, no missing values) as row objects. */
export function readCsv(file: string): Record<string, number>[] {
  const lines = fs.readFileSync(path.join(GOLDEN_DIR, file), "utf8").trim().split(/\r?\n/);
  const h = lines[0].split(",").map((s) => s.replace(/"/g, ""));
  return lines.slice(1).map((l) => {
    const v = l.split(",");
    const o: Record<string, number> = {};
    h.forEach((k, i) => (o[k] = Number(v[i])));
    return o;
  });
}

/** The PathlabError `f` throws (fails the test if it throws something else or nothing). */
export function errorOf(f: () => unknown): { message: string; hint?: string; code?: string } {
  try {
    f();
  } catch (e) {
    expect(isPathlabError(e), String(e)).to.equal(true);
    return e as { message: string; hint?: string; code?: string };
  }
  throw new Error("expected an error");
}

/** A CSV written by R with text columns and NA: numbers stay numbers, "NA" becomes null, text stays text. */
export function readCsvMixed(file: string, dir = GOLDEN_DIR): Record<string, number | string | null>[] {
  const lines = fs.readFileSync(path.join(dir, file), "utf8").trim().split(/\r?\n/);
  const h = lines[0].split(",").map((s) => s.replace(/"/g, ""));
  return lines.slice(1).map((l) => {
    const v = l.split(",");
    const o: Record<string, number | string | null> = {};
    h.forEach((k, i) => {
      const raw = v[i] ?? "";
      if (raw === "NA" || raw === "") o[k] = null;
      else if (raw.startsWith('"')) o[k] = raw.replace(/"/g, "");
      else o[k] = Number(raw);
    });
    return o;
  });
}
