/**
 * Benchmark behind src/math's choice of hand-written kernels over ml-matrix: Cholesky, SPD inverse
 * and symmetric eigen-decomposition of p × p covariance matrices (p = 5, 20, 100), each repeated
 * many times as estimation loops do, timed for src/math, for ml-matrix (CholeskyDecomposition,
 * EigenvalueDecomposition) and for R (chol, chol2inv, eigen; bench/r/linalg.R) in the same run.
 * Medians of 5 timings.
 */
import { CholeskyDecomposition, EigenvalueDecomposition, Matrix } from "ml-matrix";
import { cholesky, invertSPD, symEigen } from "../src/math";
import { Rng } from "../src/simulate/rng";
import { medianTime, runR, type BenchRow } from "./util";

const SIZES = [5, 20, 100];
const REPS = [20000, 2000, 20];

function covariance(p: number): number[][] {
  const rng = new Rng(1);
  const n = 4 * p;
  const X = Array.from({ length: n }, () => Array.from(rng.normals(p)));
  const A: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (const row of X) for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) A[i][j] += (row[i] * row[j]) / n;
  return A;
}

export async function bench(): Promise<BenchRow[]> {
  const r = runR<Record<string, number>>("linalg.R", [SIZES.join(","), REPS.join(",")]);
  const rows: BenchRow[] = [];
  SIZES.forEach((p, k) => {
    const A = covariance(p);
    const reps = REPS[k];
    const loop = (f: () => void) => () => {
      for (let i = 0; i < reps; i++) f();
    };
    const M = new Matrix(A);
    const I = Matrix.eye(p);
    const cases: [string, () => void, () => void, string][] = [
      ["Cholesky", () => cholesky(A), () => new CholeskyDecomposition(M).lowerTriangularMatrix, "chol"],
      ["SPD inverse", () => invertSPD(A), () => new CholeskyDecomposition(M).solve(I), "inv"],
      ["symmetric eigen (values + vectors)", () => symEigen(A), () => new EigenvalueDecomposition(M, { assumeSymmetric: true }).eigenvectorMatrix, "eigen"],
    ];
    for (const [what, ours, ml, key] of cases) {
      const oursMs = medianTime(loop(ours));
      const mlMs = medianTime(loop(ml));
      rows.push({
        name: `${what}, ${p} × ${p}, ${reps.toLocaleString("en-US")} calls`,
        ours_ms: oursMs,
        r_ms: r?.[`${key}_${p}`],
        note: `ml-matrix ${mlMs.toFixed(1)} ms (${(mlMs / oursMs).toFixed(1)}× ours)`,
      });
    }
  });
  return rows;
}

if (require.main === module)
  bench().then(
    (rows) => rows.forEach((x) => console.log(`${x.name}: ours ${x.ours_ms.toFixed(1)} ms, R ${x.r_ms ?? "–"} ms; ${x.note}`)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
