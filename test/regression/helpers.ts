import * as fs from "fs";
import * as path from "path";

/** The golden data set as an object of columns (empty cells become null = missing). */
export function goldenData(): Record<string, (number | null)[]> {
  const text = fs.readFileSync(path.join(__dirname, "../goldens/regression-data.csv"), "utf8").trim();
  const [head, ...lines] = text.split(/\r?\n/);
  const names = head.split(",").map((s) => s.replace(/"/g, ""));
  const cols: Record<string, (number | null)[]> = {};
  for (const nm of names) cols[nm] = [];
  for (const line of lines) {
    const cells = line.split(",");
    names.forEach((nm, j) => cols[nm].push(cells[j] === "" || cells[j] === "NA" ? null : Number(cells[j])));
  }
  return cols;
}

export const G: any = JSON.parse(fs.readFileSync(path.join(__dirname, "../goldens/regression.json"), "utf8"));

export function relErr(ours: number, ref: number): number {
  if (ref === 0) return Math.abs(ours);
  return Math.abs(ours - ref) / Math.abs(ref);
}

export function expectClose(ours: ArrayLike<number>, ref: ArrayLike<number>, tol: number, label: string): void {
  if (ours.length !== ref.length) throw new Error(`${label}: length ${ours.length} vs ${ref.length}`);
  for (let i = 0; i < ref.length; i++) {
    const e = relErr(ours[i], ref[i]);
    if (!(e <= tol)) throw new Error(`${label}[${i}]: ours ${ours[i]} vs R ${ref[i]} (relative error ${e.toExponential(2)} > ${tol})`);
  }
}

export function expectMatrixClose(ours: number[][], ref: number[][], tol: number, label: string): void {
  // R's JSON matrices are row-major arrays of rows.
  ours.forEach((row, i) => expectClose(row, ref[i], tol, `${label}[${i}]`));
}
