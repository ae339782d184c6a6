/**
 * Explicit, opt-in repair of a published correlation (or covariance) matrix that is not positive
 * definite, reporting how far every entry moved.
 */
import { PathlabError } from "../errors";
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import { frobeniusDiff, maxAbsDiff, symEigen as eigenSym } from "../math";
import { checkCorrelation, checkNames, squareMatrix, type MatrixInput } from "./validate";
import { checkOptions, type OptionSpecs } from "../options";

const NEAREST_PD_OPTIONS: OptionSpecs = {
  corr: { kind: "boolean" },
  minEigenvalue: { kind: "number", min: 0 },
  convTol: { kind: "number", min: 0, exclusiveMin: true, aliases: ["conv.tol"] },
  posdTol: { kind: "number", min: 0, exclusiveMin: true, aliases: ["posd.tol"] },
  maxIter: { kind: "number", min: 1, integer: true, aliases: ["maxit"] },
  names: { kind: "custom", expected: "an array of variable names" },
  keepDiag: {
    kind: "custom",
    aliases: ["keep.diag"],
    unsupported: "use corr: true to keep a unit diagonal; other diagonals are rescaled back by the final step.",
  },
  doDykstra: { kind: "custom", unsupported: "Dykstra's correction is always used, as nearPD's default." },
  do2eigen: { kind: "custom", unsupported: "the final eigenvalue step (posdTol) is always applied, as nearPD's default." },
  eigTol: {
    kind: "custom",
    aliases: ["eig.tol"],
    unsupported: "eigenvalues below 1e-6 of the largest are floored, as nearPD's default; use minEigenvalue for an absolute floor.",
  },
};

export interface NearestPDOptions {
  /** Find the nearest correlation matrix (unit diagonal kept; default true). */
  corr?: boolean;
  /**
   * Floor on the eigenvalues during the projections (default 0, as Higham 2002 and
   * `Matrix::nearPD`). A positive floor, e.g. 1e-4, gives a better-conditioned repair.
   */
  minEigenvalue?: number;
  /** Relative change (∞-norm) at which the iteration stops (default 1e-7, as `Matrix::nearPD`). */
  convTol?: number;
  /** Final eigenvalue floor relative to the largest eigenvalue (default 1e-8, as `Matrix::nearPD`'s posd.tol). */
  posdTol?: number;
  /** Iteration limit (default 100). */
  maxIter?: number;
  /** Variable names for the table of changes. */
  names?: string[];
}

/** The repaired matrix and how far it moved from the original. */
export class NearestPDResult extends Result {
  constructor(
    /** The matrix as given. */
    readonly original: number[][],
    /** The nearest positive-definite (correlation) matrix. */
    readonly matrix: number[][],
    /** ‖original − matrix‖_F. */
    readonly frobenius: number,
    /** Largest absolute entry change. */
    readonly maxAbsChange: number,
    /** Smallest eigenvalue before the repair. */
    readonly minEigenBefore: number,
    /** Smallest eigenvalue after the repair. */
    readonly minEigenAfter: number,
    readonly iterations: number,
    readonly converged: boolean,
    readonly corr: boolean,
    readonly names: string[],
  ) {
    super();
  }

  title(): string {
    return this.corr ? "Nearest positive-definite correlation matrix (Higham, 2002)" : "Nearest positive-definite matrix (Higham, 2002)";
  }

  info(): string[] {
    const f = (x: number) => String(Number(x.toPrecision(4)));
    return [
      `Smallest eigenvalue ${f(this.minEigenBefore)} → ${f(this.minEigenAfter)}; ${this.iterations} iterations${this.converged ? "" : " (NOT converged)"}`,
      `Moved by ‖ΔR‖_F = ${f(this.frobenius)}, max |Δ| = ${f(this.maxAbsChange)}`,
    ];
  }

  /** Entries that changed by more than 5e-5, largest change first (at most 30 shown). */
  tables(): TableSpec[] {
    const rows: { a: string; b: string; orig: number; rep: number; d: number }[] = [];
    const p = this.matrix.length;
    for (let i = 0; i < p; i++)
      for (let j = 0; j <= i; j++) {
        const d = this.matrix[i][j] - this.original[i][j];
        if (Math.abs(d) > 5e-5) rows.push({ a: this.names[i], b: this.names[j], orig: this.original[i][j], rep: this.matrix[i][j], d });
      }
    rows.sort((x, y) => Math.abs(y.d) - Math.abs(x.d));
    const shown = rows.slice(0, 30);
    return [
      {
        title: "Entries changed by the repair",
        columns: [
          { key: "a", label: "Row", format: "text" },
          { key: "b", label: "Column", format: "text" },
          { key: "orig", label: "Original", digits: 4 },
          { key: "rep", label: "Repaired", digits: 4 },
          { key: "d", label: "Change", digits: 4 },
        ],
        rows: shown,
        notes: rows.length > shown.length ? [`${rows.length - shown.length} smaller changes not shown.`] : undefined,
      },
    ];
  }
}

function infNorm(A: number[][]): number {
  let m = 0;
  for (const row of A) {
    let s = 0;
    for (const v of row) s += Math.abs(v);
    m = Math.max(m, s);
  }
  return m;
}

/** V diag(d) Vᵀ. */
function recompose(vectors: number[][], d: number[]): number[][] {
  const p = vectors.length;
  const out: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let k = 0; k < d.length; k++) {
    const dk = d[k];
    if (dk === 0) continue;
    for (let i = 0; i < p; i++) {
      const a = vectors[i][k] * dk;
      if (a === 0) continue;
      for (let j = i; j < p; j++) out[i][j] += a * vectors[j][k];
    }
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) out[i][j] = out[j][i];
  return out;
}

/**
 * The nearest symmetric positive-(semi)definite matrix in Frobenius norm, with a unit diagonal for
 * `corr: true` — Higham's (2002) alternating projections with Dykstra's correction
 * (N. J. Higham, "Computing the nearest correlation matrix — a problem from finance", IMA J. Numer.
 * Anal. 22, 329–343). Iterate: R = Y − ΔS; X = P_S(R) (eigenvalues below `minEigenvalue`, or below
 * 1e-6·λ_max when the floor is 0, set to the floor); ΔS = X − R; Y = P_U(X) (diagonal reset to 1);
 * stop when ‖Y_old − Y‖_∞ / ‖Y_old‖_∞ ≤ convTol. A final step raises eigenvalues below
 * posdTol·λ_max to that value and rescales to the original diagonal, so the result is strictly
 * positive definite. Defaults follow R's `Matrix::nearPD(corr = TRUE)`, which this matches to 1e-6.
 *
 * Opt-in only: simulations never repair a matrix silently; they throw and point here.
 *
 * @example
 * nearestPD(publishedCorrelations)   // Matrix::nearPD(corr = TRUE), with what moved
 */
export function nearestPD(R: MatrixInput, options: NearestPDOptions = {}): NearestPDResult {
  options = checkOptions<NearestPDOptions>("nearestPD", options, NEAREST_PD_OPTIONS);
  const corr = options.corr ?? true;
  const X0 = squareMatrix(R, corr ? "R" : "cov");
  const p = X0.length;
  const names = options.names ? checkNames(options.names, p, "names") : X0.map((_, i) => `V${i + 1}`);
  if (corr) checkCorrelation(X0, "R", names);
  const floor = options.minEigenvalue ?? 0;
  if (!(floor >= 0) || (corr && floor >= 1))
    throw new PathlabError(`minEigenvalue must be in [0, 1) for a correlation matrix, got ${floor}.`, {
      hint: "A small floor such as 1e-4 gives a better-conditioned repair; 0 is nearPD's default.",
      code: "options.bad-value",
    });
  const convTol = options.convTol ?? 1e-7;
  const posdTol = options.posdTol ?? 1e-8;
  const maxIter = options.maxIter ?? 100;
  const before = eigenSym(X0).values;

  let X = X0.map((r) => [...r]);
  let dS: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  let iter = 0;
  let converged = false;
  while (iter < maxIter && !converged) {
    const Y = X;
    const Rk = Y.map((row, i) => row.map((v, j) => v - dS[i][j]));
    const e = eigenSym(Rk);
    const top = e.values[0];
    if (!(top > 0))
      throw new PathlabError("The matrix has no positive eigenvalue; there is no positive-definite matrix near it.", {
        hint: "Check that the matrix was typed correctly (a covariance or correlation matrix has a positive diagonal).",
        code: "simulate.not-positive-definite",
      });
    const cut = floor > 0 ? floor : 1e-6 * top;
    const d = e.values.map((v) => (v > cut ? v : floor));
    X = recompose(e.vectors, d);
    dS = X.map((row, i) => row.map((v, j) => v - Rk[i][j]));
    if (corr) for (let i = 0; i < p; i++) X[i][i] = 1;
    const diff = Y.map((row, i) => row.map((v, j) => v - X[i][j]));
    iter++;
    converged = infNorm(diff) / infNorm(Y) <= convTol;
  }

  // Final step: make the result strictly positive definite.
  const e = eigenSym(X);
  const eps = posdTol * Math.abs(e.values[0]);
  if (e.values[p - 1] < eps) {
    const d = e.values.map((v) => (v < eps ? eps : v));
    const oDiag = X.map((r, i) => r[i]);
    X = recompose(e.vectors, d);
    const D = X.map((r, i) => Math.sqrt(Math.max(eps, oDiag[i]) / r[i]));
    X = X.map((row, i) => row.map((v, j) => D[i] * v * D[j]));
  }
  if (corr) for (let i = 0; i < p; i++) X[i][i] = 1;

  const after = eigenSym(X).values;
  return new NearestPDResult(X0, X, frobeniusDiff(X0, X), maxAbsDiff(X0, X), before[p - 1], after[p - 1], iter, converged, corr, names);
}
