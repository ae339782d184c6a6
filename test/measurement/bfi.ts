/** psych's bfi (SAPA project, distributed with psych; notebooks/data/bfi.csv) as an object of columns; empty → null. */
import * as fs from "fs";
import * as path from "path";

let cache: Record<string, (number | null)[]> | undefined;

export function bfi(): Record<string, (number | null)[]> {
  if (cache) return cache;
  const lines = fs
    .readFileSync(path.join(__dirname, "..", "..", "notebooks", "data", "bfi.csv"), "utf8")
    .trim()
    .split(/\r?\n/);
  const head = lines[0].split(",");
  const cols: Record<string, (number | null)[]> = {};
  for (const h of head) cols[h] = [];
  for (const line of lines.slice(1)) line.split(",").forEach((c, j) => cols[head[j]].push(c === "" ? null : Number(c)));
  cache = cols;
  return cols;
}

export const BFI_ITEMS = ["A", "C", "E", "N", "O"].flatMap((t) => [1, 2, 3, 4, 5].map((i) => `${t}${i}`));

/** Max |a − b| over two matrices (or vectors). */
export function maxAbsDiff(a: ArrayLike<number> | number[][], b: ArrayLike<number> | number[][]): number {
  const fa = Array.from(a as ArrayLike<unknown>).flat() as number[];
  const fb = Array.from(b as ArrayLike<unknown>).flat() as number[];
  if (fa.length !== fb.length) throw new Error(`length ${fa.length} vs ${fb.length}`);
  let m = 0;
  fa.forEach((x, i) => (m = Math.max(m, Math.abs(x - fb[i]))));
  return m;
}
