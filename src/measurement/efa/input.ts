/**
 * What the exploratory functions (fa, faParallel, vss, omega) accept, as psych does: raw item data
 * (correlations computed with `use = "pairwise"` by default, as psych) or a correlation/covariance
 * matrix with its number of observations. Everything downstream sees one `CorrelationSource`.
 *
 * psych conventions kept on purpose: with raw data the number of observations is the number of
 * rows (incomplete rows included) and the "empirical" statistics weight each residual by its
 * pairwise count; a covariance matrix is converted to correlations. Squared multiple correlations
 * use a pseudo-inverse (psych's `smc`), so a singular matrix still has them.
 */
import { PathlabError } from "../../errors";
import { describeValue } from "../../options";
import { columnNames, isMissing, rawColumn, unknownVariable, type TableInput } from "../../data/table-input";
import { correlationUse, pairwiseColumns, pairwiseCounts, type PairwiseColumns } from "../../data/pairwise";
import { invertSPD, symEigen } from "../../math";

/** A correlation or covariance matrix with its variable names and sample size (instead of data). */
export interface CorrelationMatrixInput {
  cor?: number[][];
  cov?: number[][];
  /** Variable names (default V1, V2, … as psych). */
  names?: string[];
  /** Number of observations (psych's n.obs); needed for χ², RMSEA, TLI and BIC. */
  n?: number;
}

export type FactorInput = TableInput | CorrelationMatrixInput;

export type UseOption = "pairwise" | "complete";

/** The correlation matrix an analysis works on, and where it came from. */
export interface CorrelationSource {
  R: number[][];
  names: string[];
  /** Number of observations (NaN when a matrix was given without n). */
  nObs: number;
  /** Pairwise counts (raw data only; null for a matrix, as psych's np.obs). */
  np: number[][] | null;
  fromData: boolean;
  use: UseOption;
  /** Raw columns (NaN = missing), kept for resampling. */
  columns?: PairwiseColumns;
}

/** True for `{ cor }` / `{ cov }` matrix input (an array of rows), as opposed to a table. */
export function isMatrixInput(x: unknown): x is CorrelationMatrixInput {
  if (x === null || typeof x !== "object" || Array.isArray(x)) return false;
  const o = x as Record<string, unknown>;
  if (Array.isArray(o.columns) && Array.isArray(o.values)) return false;
  const m = o.cor ?? o.cov;
  return Array.isArray(m) && m.length > 0 && m.every((r) => Array.isArray(r));
}

/** Columns of a table whose non-missing cells are all numeric (the default item set). */
export function numericItemColumns(data: TableInput, codes: number[] = []): string[] {
  const isTyped = (c: string) => {
    if (Array.isArray(data) || (data as { columns?: unknown }).columns !== undefined) return false;
    const col = (data as Record<string, unknown>)[c];
    return ArrayBuffer.isView(col) && !(col instanceof DataView) && typeof (col as unknown as ArrayLike<unknown>)[0] !== "bigint";
  };
  return columnNames(data).filter((c) => {
    if (isTyped(c)) return true;
    let any = false;
    for (const v of rawColumn(data, c)) {
      if (isMissing(v, codes)) continue;
      if (typeof v === "number" || typeof v === "boolean" || (typeof v === "string" && Number.isFinite(Number(v.trim())))) any = true;
      else return false;
    }
    return any;
  });
}

function checkMatrix(fn: string, M: unknown[][], names: string[], isCor: boolean): number[][] {
  const p = names.length;
  if (M.length !== p || M.some((r) => !Array.isArray(r) || r.length !== p))
    throw new PathlabError(`${fn}(): the matrix is ${M.length}×${(M[0] as unknown[])?.length ?? 0} but ${p} names were given.`, {
      hint: "Give one name per row/column of the matrix.",
      code: "efa.dimension-mismatch",
    });
  const A = M as number[][];
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      const v = A[i][j];
      if (typeof v !== "number" || !Number.isFinite(v))
        throw new PathlabError(`${fn}(): matrix cell [${names[i]}, ${names[j]}] is ${describeValue(v)}, not a finite number.`, { code: "efa.bad-matrix" });
      if (Math.abs(v - A[j][i]) > 1e-8 * Math.max(1, Math.abs(v)))
        throw new PathlabError(`${fn}(): the matrix is not symmetric: [${names[i]}, ${names[j]}] = ${v} but [${names[j]}, ${names[i]}] = ${A[j][i]}.`, {
          code: "efa.bad-matrix",
        });
    }
  for (let i = 0; i < p; i++) {
    if (!(A[i][i] > 0))
      throw new PathlabError(`${fn}(): variable "${names[i]}" has variance ${A[i][i]} on the diagonal.`, {
        hint: "A variance must be positive.",
        code: "efa.bad-matrix",
      });
    if (isCor && Math.abs(A[i][i] - 1) > 1e-6)
      throw new PathlabError(`${fn}(): the diagonal of a correlation matrix must be 1; [${names[i]}, ${names[i]}] = ${A[i][i]}.`, {
        hint: "Pass a covariance matrix as { cov } instead.",
        code: "efa.bad-matrix",
      });
  }
  const d = A.map((r, i) => Math.sqrt(r[i]));
  const R = A.map((r, i) => r.map((v, j) => (i === j ? 1 : v / (d[i] * d[j]))));
  for (let i = 0; i < p; i++)
    for (let j = 0; j < i; j++)
      if (Math.abs(R[i][j]) > 1 + 1e-12)
        throw new PathlabError(`${fn}(): the correlation of "${names[i]}" and "${names[j]}" is ${R[i][j]}, outside [−1, 1].`, {
          hint: isCor
            ? "Check the matrix: a correlation cannot exceed 1 in absolute value."
            : "A covariance larger than the product of the two standard deviations is impossible; check the matrix.",
          code: "efa.bad-correlation",
        });
  return R;
}

/**
 * Resolves data or a matrix to a correlation matrix (see module comment). `items` selects
 * variables (default: every numeric column, or every variable of the matrix).
 */
export function resolveCorrelation(
  fn: string,
  input: FactorInput,
  items: string[] | undefined,
  opts: { use?: UseOption; missing?: number[]; nObs?: number },
): CorrelationSource {
  const use = opts.use ?? "pairwise";
  if (input === null || input === undefined || typeof input !== "object")
    throw new PathlabError(`${fn}(): expected a data table or { cor, n } / { cov, n }, got ${describeValue(input)}.`, {
      code: "efa.bad-input",
      hint: `Pass the data (e.g. readCSV(...)) with the item names, ${fn}(data, ["A1", "A2", …]), or a correlation matrix with its sample size, ${fn}({ cor: R, n: 500 }).`,
    });
  if (items !== undefined) {
    if (!Array.isArray(items) || items.some((s) => typeof s !== "string"))
      throw new PathlabError(`${fn}(): items must be an array of variable names.`, { code: "efa.bad-input", hint: `Write ${fn}(data, ["A1", "A2", "A3"]).` });
    const dup = items.find((s, i) => items.indexOf(s) !== i);
    if (dup) throw new PathlabError(`${fn}(): item "${dup}" is listed twice.`, { code: "efa.duplicate-item", hint: "List each item once." });
  }
  if (isMatrixInput(input)) {
    const M = (input.cor ?? input.cov) as unknown[][];
    const all = input.names ?? M.map((_, i) => `V${i + 1}`);
    let R = checkMatrix(fn, M, all, input.cor !== undefined);
    let names = all;
    if (items) {
      const idx = items.map((it) => {
        const j = all.indexOf(it);
        if (j < 0) throw unknownVariable(it, all);
        return j;
      });
      R = idx.map((a) => idx.map((b) => R[a][b]));
      names = [...items];
    }
    const n = input.n ?? opts.nObs;
    if (n !== undefined && !(Number.isInteger(n) && n > 1))
      throw new PathlabError(`${fn}(): the number of observations must be a whole number above 1, got ${describeValue(n)}.`, { code: "efa.bad-n" });
    return { R, names: [...names], nObs: n ?? NaN, np: null, fromData: false, use };
  }
  const data = input as TableInput;
  const names = items ?? numericItemColumns(data, opts.missing);
  if (names.length === 0)
    throw new PathlabError(`${fn}(): no numeric variables to analyse.`, {
      hint: 'Name the items, e.g. fa(data, ["A1", "A2", …], …).',
      code: "efa.no-variables",
    });
  const cols = pairwiseColumns(data, names, { missing: opts.missing });
  cols.columns.forEach((c, j) => {
    let n = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < c.length; i++)
      if (c[i] === c[i]) {
        n++;
        if (c[i] < lo) lo = c[i];
        if (c[i] > hi) hi = c[i];
      }
    if (n < 2)
      throw new PathlabError(`${fn}(): item "${names[j]}" has ${n} non-missing value(s); at least 2 are needed.`, {
        code: "efa.too-few-rows",
        hint: "Check the column's missing-value codes (naValues), or leave the item out.",
      });
    if (!(hi > lo))
      throw new PathlabError(`${fn}(): item "${names[j]}" has zero variance (every respondent gave ${lo}).`, {
        hint: "A constant item carries no information; drop it.",
        code: "efa.zero-variance",
      });
  });
  const { r, n: pairN } = correlationUse(cols, use);
  for (let i = 0; i < r.length; i++)
    for (let j = 0; j < i; j++)
      if (Number.isNaN(r[i][j]))
        throw new PathlabError(
          `${fn}(): the correlation of "${names[i]}" and "${names[j]}" is undefined (fewer than 2 rows have both, or no variance on them).`,
          {
            hint: use === "complete" ? 'Too few complete rows: try use: "pairwise".' : "Drop one of the two items.",
            code: "efa.undefined-correlation",
          },
        );
  if (use === "complete" && cols.nComplete < 2)
    throw new PathlabError(`${fn}(): only ${cols.nComplete} row(s) are complete on ${names.length} items.`, {
      hint: 'Use use: "pairwise" (psych\'s default).',
      code: "efa.too-few-rows",
    });
  // psych's np.obs are the pairwise counts whatever `use` is
  const np = use === "pairwise" || !cols.anyMissing ? pairN : pairwiseCounts(cols.columns);
  return { R: r, names: [...names], nObs: cols.nRows, np, fromData: true, use, columns: cols };
}

/**
 * Squared multiple correlations smc_i = 1 − 1/(R⁺)_ii with R⁺ the pseudo-inverse (psych's `smc`, by
 * the SVD: eigenvalues with |λ| below √ε·max|λ| are dropped, negative ones above it kept), clamped to
 * [0, 1].
 */
export function smcOf(R: number[][], _names?: string[]): number[] {
  const p = R.length;
  if (p === 1) return [1];
  // well-conditioned (the usual case): the ordinary inverse, by Cholesky, equals psych's pseudo-inverse
  try {
    const inv = invertSPD(R);
    if (inv.every((r, i) => r[i] > 0 && r[i] < 1e7)) return inv.map((r, i) => Math.min(1, Math.max(0, 1 - 1 / r[i])));
  } catch {
    // not positive definite: fall through to the pseudo-inverse
  }
  // psych's Pinv is by the SVD: the singular values of a symmetric R are |λ|, so a negative eigenvalue
  // above the cut keeps its (negative) reciprocal — on an indefinite R this is the ordinary inverse
  const e = symEigen(R);
  const tol = Math.sqrt(Number.EPSILON) * Math.max(...e.values.map(Math.abs));
  const out: number[] = [];
  for (let i = 0; i < p; i++) {
    let d = 0;
    for (let k = 0; k < p; k++) if (Math.abs(e.values[k]) > tol) d += (e.vectors[i][k] * e.vectors[i][k]) / e.values[k];
    let s = 1 - 1 / d;
    if (s > 1) s = 1;
    if (s < 0 || !Number.isFinite(s)) s = 0;
    out.push(s);
  }
  return out;
}

/** Smallest eigenvalue of R and the variables loading most on its eigenvector (for a singularity message). */
export function singularity(R: number[][], names: string[]): { min: number; involved: string[] } {
  const e = symEigen(R);
  const k = e.values.length - 1;
  const v = e.vectors.map((row) => row[k]);
  const order = v.map((x, i) => [Math.abs(x), i]).sort((a, b) => b[0] - a[0]);
  const involved = order
    .filter(([a]) => a > 0.2)
    .slice(0, 6)
    .map(([, i]) => names[i]);
  return { min: e.values[k], involved: involved.length ? involved : [names[order[0][1]]] };
}
