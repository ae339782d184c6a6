import { readFileSync } from "fs";
import { join } from "path";
import { expect } from "chai";
import { isPathlabError } from "../../src";

export const golden = JSON.parse(readFileSync(join(__dirname, "../goldens/simulate.json"), "utf8"));

export function maxAbs(a: number[][], b: number[][]): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < a[i].length; j++) m = Math.max(m, Math.abs(a[i][j] - b[i][j]));
  return m;
}

export function maxAbsVec(a: number[], b: number[]): number {
  return Math.max(...a.map((x, i) => Math.abs(x - b[i])));
}

/** Asserts fn throws a PathlabError whose message matches every pattern; returns it. */
export function expectPathlabError(fn: () => unknown, ...patterns: RegExp[]): { message: string; hint?: string; code: string } {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err, "expected an error").to.exist;
  expect(isPathlabError(err), `not a PathlabError: ${String(err)}`).to.equal(true);
  const e = err as { message: string; hint?: string; code: string };
  for (const p of patterns) expect(e.message).to.match(p);
  return e;
}
