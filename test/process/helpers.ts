import * as fs from "fs";
import * as path from "path";

/** Reads a small numeric CSV (header row, no quoting beyond "name") into an object of columns. */
export function readCsvColumns(file: string): Record<string, number[]> {
  const lines = fs
    .readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  const head = lines[0].split(",").map((s) => s.replace(/"/g, "").trim());
  const out: Record<string, number[]> = {};
  head.forEach((h) => (out[h] = []));
  for (const line of lines.slice(1)) line.split(",").forEach((v, i) => out[head[i]].push(Number(v)));
  return out;
}

export const GOLDEN_DIR = path.join(__dirname, "..", "goldens");

export function relClose(actual: number, expected: number, tol = 1e-8): boolean {
  return Math.abs(actual - expected) <= tol * Math.abs(expected) + 1e-12;
}
