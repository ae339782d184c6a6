/**
 * Explicit, opt-in repair of a published correlation (or covariance) matrix that is not positive
 * definite, reporting how far every entry moved.
 */
import { PathlabError } from "../errors";
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import { frobeniusDiff, maxAbsDiff, symEigen as eigenSym } from "../math";
import { checkNames, squareMatrix, type MatrixInput } from "./validate";
import { checkOptions, type OptionSpecs } from "../options";

const NORM_TYPES = ["I", "O", "F", "M", "2"] as const;
type NormType = (typeof NORM_TYPES)[number];

const NEAREST_PD_OPTIONS: OptionSpecs = {
  corr: { kind: "boolean" },
  keepDiag: { kind: "boolean", aliases: ["keep.diag"] },
  baseMatrix: { kind: "fixed", value: [true, false], aliases: ["base.matrix"], otherwise: "the result is always a plain array of rows (result.matrix)." },
  do2eigen: { kind: "boolean" },
  doSym: { kind: "boolean" },
  doDykstra: { kind: "boolean" },
  onlyValues: {
    kind: "fixed",
    value: false,
    aliases: ["only.values"],
    otherwise: "the eigenvalues are always in result.eigenvalues; call nearestPD(x).eigenvalues.",
  },
  ensureSymmetry: { kind: "boolean" },
  eigTol: { kind: "number", min: 0, aliases: ["eig.tol"] },
  minEigenvalue: { kind: "number", min: 0 },
  convTol: { kind: "number", min: 0, exclusiveMin: true, aliases: ["conv.tol"] },
  posdTol: { kind: "number", min: 0, exclusiveMin: true, aliases: ["posd.tol"] },
  maxIter: { kind: "number", min: 1, integer: true, aliases: ["maxit"] },
  convNormType: { kind: "enum", values: NORM_TYPES, valueAliases: { "1": "O", i: "I", o: "O", f: "F", m: "M", E: "F", e: "F" }, aliases: ["conv.norm.type"] },
  trace: { kind: "fixed", value: [true, false], otherwise: "nothing is printed; result.iterations and result.relTol report the iteration." },
  names: { kind: "custom", expected: "an array of variable names" },
};

export interface NearestPDOptions {
  /** Find the nearest correlation matrix: diagonal reset to 1 at every step (default false, as Matrix::nearPD). */
  corr?: boolean;
  /** Keep the original diagonal (when corr is false; nearPD's keepDiag, default false). */
  keepDiag?: boolean;
  /** nearPD's base.matrix: accepted either way (the result is always an array of rows). */
  baseMatrix?: boolean;
  /** Final step raising eigenvalues to posdTol·λ_max (default true, nearPD's do2eigen). */
  do2eigen?: boolean;
  /** Symmetrise X after each projection (default false, nearPD's doSym). */
  doSym?: boolean;
  /** Dykstra's correction (default true, nearPD's doDykstra). */
  doDykstra?: boolean;
  onlyValues?: boolean;
  /** Replace the matrix by its symmetric part (x + xᵀ)/2 first (default: when it is not symmetric, as nearPD). */
  ensureSymmetry?: boolean;
  /** Eigenvalues at or below eigTol·λ_max are dropped in each projection (default 1e-6, nearPD's eig.tol). */
  eigTol?: number;
  /**
   * pathlab's extension: a positive absolute floor for the eigenvalues in each projection instead
   * of eigTol's relative cut (default 0 = nearPD's rule); e.g. 1e-4 gives a better-conditioned repair.
   */
  minEigenvalue?: number;
  /** Relative change at which the iteration stops (default 1e-7, as `Matrix::nearPD`). */
  convTol?: number;
  /** Final eigenvalue floor relative to the largest eigenvalue (default 1e-8, as `Matrix::nearPD`'s posd.tol). */
  posdTol?: number;
  /** Iteration limit (default 100). */
  maxIter?: number;
  /** Norm of the convergence test (R's norm type: "I" default, "O"/"1", "F", "M", "2"). */
  convNormType?: NormType;
  trace?: boolean;
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
    /** Eigenvalues of the result after the final step (nearPD's eigenvalues). */
    readonly eigenvalues: number[] = [],
    /** The last relative change (nearPD's rel.tol). */
    readonly relTol: number = NaN,
    /** ‖x − X‖_F with x the (symmetrised) input (nearPD's normF). */
    readonly normF: number = NaN,
  ) {
    super();
  }

  title(): string {
    return this.corr ? "Nearest positive-definite correlation matrix (Higham, 2002)" : "Nearest positive-definite matrix (Higham, 2002; Matrix::nearPD)";
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

/** R's norm(A, type) for a symmetric A: "I"/"O" max row/column sum, "F" Frobenius, "M" max |a|, "2" largest |eigenvalue|. */
function matrixNorm(A: number[][], type: NormType): number {
  if (type === "F") return Math.sqrt(A.reduce((s, r) => s + r.reduce((t, v) => t + v * v, 0), 0));
  if (type === "M") return A.reduce((m, r) => Math.max(m, ...r.map(Math.abs)), 0);
  if (type === "2") return Math.max(...eigenSym(A).values.map(Math.abs));
  let m = 0;
  const p = A.length;
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += Math.abs(type === "I" ? A[i][j] : A[j][i]);
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
 * The nearest symmetric positive-(semi)definite matrix in Frobenius norm — Higham's (2002)
 * alternating projections with Dykstra's correction (N. J. Higham, "Computing the nearest
 * correlation matrix — a problem from finance", IMA J. Numer. Anal. 22, 329–343) — exactly as R's
 * `Matrix::nearPD` (1.5-3) with the same arguments and defaults: iterate R = Y − ΔS; X = P_S(R)
 * (eigenvalues at or below eigTol·λ_max dropped; or, with pathlab's `minEigenvalue` > 0, floored at
 * it); ΔS = X − R; optionally symmetrise; for `corr` reset the diagonal to 1, else with `keepDiag`
 * to the original diagonal; stop when ‖Y − X‖/‖Y‖ ≤ convTol (norm `convNormType`, default "I").
 * With `do2eigen` a final step raises eigenvalues below posdTol·λ_max to that value and rescales
 * to the diagonal before it, so the result is strictly positive definite. `corr: true` on a
 * covariance matrix does what nearPD does: the unit diagonal is imposed from the first step.
 *
 * Opt-in only: simulations never repair a matrix silently; they throw and point here.
 *
 * @example
 * const fixed = nearestPD(publishedR, { corr: true });   // a correlation matrix
 * fixed.matrix; fixed.maxAbsChange;
 */
export function nearestPD(R: MatrixInput, options: NearestPDOptions = {}): NearestPDResult {
  options = checkOptions<NearestPDOptions>("nearestPD", options, NEAREST_PD_OPTIONS);
  const corr = options.corr ?? false;
  const keepDiag = !corr && (options.keepDiag ?? false);
  const raw = rawSquare(R);
  const p = raw.length;
  const names = options.names ? checkNames(options.names, p, "names") : raw.map((_, i) => `V${i + 1}`);
  const symmetric = raw.every((row, i) => row.every((v, j) => Math.abs(v - raw[j][i]) <= 1.5e-8 * Math.max(1, Math.abs(v))));
  const ensure = options.ensureSymmetry ?? !symmetric;
  const warnings: string[] = [];
  if (!symmetric && options.ensureSymmetry === undefined)
    warnings.push("The matrix is not symmetric; as nearPD (ensureSymmetry), its symmetric part (x + xᵀ)/2 was repaired.");
  const X0 = ensure ? raw.map((row, i) => row.map((v, j) => (v + raw[j][i]) / 2)) : raw;
  if (!ensure) squareMatrix(R, corr ? "R" : "x");
  const floor = options.minEigenvalue ?? 0;
  if (corr && floor >= 1)
    throw new PathlabError(`minEigenvalue must be below 1 for a correlation matrix, got ${floor}.`, {
      hint: "A small floor such as 1e-4 gives a better-conditioned repair; 0 is nearPD's rule.",
      code: "options.bad-value",
    });
  const eigTol = options.eigTol ?? 1e-6;
  const convTol = options.convTol ?? 1e-7;
  const posdTol = options.posdTol ?? 1e-8;
  const maxIter = options.maxIter ?? 100;
  const normType: NormType = options.convNormType ?? "I";
  const dykstra = options.doDykstra ?? true;
  const diag0 = X0.map((r, i) => r[i]);
  const before = eigenSym(X0).values;

  let X = X0.map((r) => [...r]);
  let dS: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  let iter = 0;
  let converged = false;
  let conv = Infinity;
  // nearPD's eigenvalues: those of the last projection's input, unless the final step replaces them
  let eigenvalues: number[] = [];
  while (iter < maxIter && !converged) {
    const Y = X;
    const Rk = dykstra ? Y.map((row, i) => row.map((v, j) => v - dS[i][j])) : Y;
    const e = eigenSym(Rk);
    const top = e.values[0];
    const keep = e.values.map((v) => (floor > 0 ? true : v > eigTol * top));
    if (!keep.some(Boolean))
      throw new PathlabError("The matrix seems negative semi-definite (no eigenvalue above eigTol·λ_max); there is no positive-definite matrix near it.", {
        hint: "Check that the matrix was typed correctly (a covariance or correlation matrix has a positive diagonal).",
        code: "simulate.not-positive-definite",
      });
    eigenvalues = e.values;
    const d = e.values.map((v, k) => (floor > 0 ? Math.max(v, floor) : keep[k] ? v : 0));
    X = recompose(e.vectors, d);
    if (dykstra) dS = X.map((row, i) => row.map((v, j) => v - Rk[i][j]));
    if (options.doSym) X = X.map((row, i) => row.map((v, j) => (v + X[j][i]) / 2));
    if (corr) for (let i = 0; i < p; i++) X[i][i] = 1;
    else if (keepDiag) for (let i = 0; i < p; i++) X[i][i] = diag0[i];
    const diff = Y.map((row, i) => row.map((v, j) => v - X[i][j]));
    conv = matrixNorm(diff, normType) / matrixNorm(Y, normType);
    iter++;
    converged = conv <= convTol;
  }

  if (options.do2eigen ?? true) {
    const e = eigenSym(X);
    const d = e.values.slice();
    const eps = posdTol * Math.abs(d[0]);
    if (d[p - 1] < eps) {
      for (let k = 0; k < p; k++) if (d[k] < eps) d[k] = eps;
      const oDiag = X.map((r, i) => r[i]);
      X = recompose(e.vectors, d);
      const D = X.map((r, i) => Math.sqrt(Math.max(eps, oDiag[i]) / r[i]));
      X = X.map((row, i) => row.map((v, j) => D[i] * v * D[j]));
    }
    eigenvalues = d;
    if (corr) for (let i = 0; i < p; i++) X[i][i] = 1;
    else if (keepDiag) for (let i = 0; i < p; i++) X[i][i] = diag0[i];
  }

  const after = eigenSym(X).values;
  const res = new NearestPDResult(
    X0,
    X,
    frobeniusDiff(X0, X),
    maxAbsDiff(X0, X),
    before[p - 1],
    after[p - 1],
    iter,
    converged,
    corr,
    names,
    eigenvalues,
    conv,
    frobeniusDiff(X0, X),
  );
  for (const message of warnings) res.warnings.push({ code: "simulate.asymmetric-input", message });
  if (!converged)
    res.warnings.push({
      code: "simulate.not-converged",
      message: `nearestPD did not converge in ${iter} iterations (relative change ${conv.toPrecision(3)} > convTol ${convTol}), as nearPD warns.`,
    });
  return res;
}

/** The input as a full square array of finite numbers (a lower triangle is mirrored), without a symmetry check. */
function rawSquare(m: MatrixInput): number[][] {
  if (!Array.isArray(m) || m.length === 0) return squareMatrix(m, "x");
  const p = m.length;
  const lower = p > 1 && m.every((row, i) => Array.isArray(row) && row.length === i + 1);
  if (lower || m.some((row) => !Array.isArray(row) || row.length !== p)) return squareMatrix(m, "x");
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++)
      if (typeof m[i][j] !== "number" || !Number.isFinite(m[i][j]))
        throw new PathlabError(`x[${i + 1},${j + 1}] is ${String(m[i][j])}, not a finite number.`, {
          hint: "Check the table for a missing or mistyped entry.",
          code: "simulate.bad-matrix",
        });
  return m.map((row) => [...(row as number[])]);
}
