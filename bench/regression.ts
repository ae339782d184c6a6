/**
 * OLS with HC3 standard errors on 1,000,000 rows × 10 predictors, beside R's lm() +
 * sandwich::vcovHC(type = "HC3") on data of the same shape (bench/r/regression.R generates its own
 * with set.seed; only the fit and the covariance are timed on both sides).
 */
import { ols, olsCore } from "../src/regression";
import { Rng } from "../src/simulate/rng";
import { hasR, medianTime, runR, type BenchRow } from "./util";

const N = 1_000_000;
const K = 10;

function makeData(): { X: Float64Array[]; y: Float64Array } {
  const rng = new Rng(20240601);
  const X: Float64Array[] = [];
  for (let j = 0; j < K; j++) X.push(rng.normals(N));
  const y = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    let s = rng.normal() * (1 + Math.abs(X[0][i])); // heteroscedastic, as in the R script
    for (let j = 0; j < K; j++) s += 0.1 * (j + 1) * X[j][i];
    y[i] = s;
  }
  return { X, y };
}

export async function bench(): Promise<BenchRow[]> {
  const { X, y } = makeData();
  const ones = new Float64Array(N).fill(1);
  const design = [ones, ...X];
  const ours = medianTime(() => olsCore(design, y, { hc: "HC3" }), 5, 1);
  const cols: Record<string, Float64Array> = { y };
  X.forEach((c, j) => (cols[`x${j + 1}`] = c));
  const names = X.map((_, j) => `x${j + 1}`);
  const oursTable = medianTime(() => ols(cols, { y: "y", x: names, hc: "HC3" }), 3, 1);
  let rMs: number | undefined;
  let note = "R not installed";
  if (hasR()) {
    const r = runR<{ r_ms: number }>("regression.R", ["3"]);
    rMs = r?.r_ms;
    note = r ? 'R: lm + vcovHC(type = "HC3"), median of 3' : "R script failed";
  }
  return [
    { name: "OLS + HC3, 1e6 rows × 10 predictors (olsCore on columns)", ours_ms: ours, r_ms: rMs, note },
    {
      name: "OLS + HC3, 1e6 rows × 10 predictors (ols() from a table)",
      ours_ms: oursTable,
      r_ms: rMs,
      note: "includes column extraction and listwise deletion",
    },
  ];
}
