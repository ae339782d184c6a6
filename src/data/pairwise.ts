/**
 * Pairwise-complete covariances and correlations (R's `cor(x, use = "pairwise")`, psych's default):
 * each pair of variables uses the rows on which both are present, with that pair's own means,
 *
 *   cov_ij = Σ_{r ∈ P_ij} (x_ri − x̄_i^(ij)) (x_rj − x̄_j^(ij)) / (n_ij − 1),
 *   r_ij   = Σ (x_ri − x̄_i^(ij))(x_rj − x̄_j^(ij)) / √(Σ (x_ri − x̄_i^(ij))² Σ (x_rj − x̄_j^(ij))²),
 *
 * with P_ij the rows complete on i and j and n_ij = |P_ij| (psych's `pairwiseCount`). The sums are
 * formed on values shifted by each column's overall mean, so the one-pass formula loses no digits.
 * Without missing values this is the ordinary correlation matrix (same kernel as `correlationMatrix`).
 *
 * @example
 * const cols = pairwiseColumns({ a: [1, 2, null, 4], b: [2, 1, 3, 5] }, ["a", "b"]);
 * const { r, n } = pairwiseCorrelation(cols.columns); // n[0][1] === 3
 */
import { PathlabError } from "../errors";
import { correlationMatrix } from "./correlation";
import {
  columnNames,
  isMissing,
  naValuesOf,
  rawColumn,
  rowCount,
  toNumber,
  unknownVariable,
  type MissingOptions,
  type NaValue,
  type TableInput,
} from "./table-input";

/** Numeric columns that keep every row, with NaN where a value is missing. */
export interface PairwiseColumns {
  names: string[];
  /** One Float64Array per variable, all rows, NaN = missing. */
  columns: Float64Array[];
  /** Rows in the data (complete or not). */
  nRows: number;
  /** Rows complete on every variable. */
  nComplete: number;
  /** True when at least one value is missing. */
  anyMissing: boolean;
}

/**
 * Extracts numeric variables keeping all rows (NaN for missing cells, declared missing codes
 * included). A non-numeric, non-missing cell is an error naming column, row and value.
 */
export function pairwiseColumns(data: TableInput, vars: string[], opts: MissingOptions = {}): PairwiseColumns {
  const codes = naValuesOf(opts, "pairwiseColumns");
  const names = columnNames(data);
  for (const v of vars) if (!names.includes(v)) throw unknownVariable(v, names);
  const nRows = rowCount(data);
  const columns = vars.map((v) => {
    const typed = typedColumn(data, v, codes);
    if (typed) return typed;
    const raw = rawColumn(data, v);
    if (raw.length !== nRows) throw new PathlabError(`Column "${v}" has ${raw.length} values but the data have ${nRows} rows.`, { code: "data.ragged" });
    const out = new Float64Array(nRows);
    for (let i = 0; i < nRows; i++) out[i] = isMissing(raw[i], codes) ? NaN : toNumber(raw[i], v, i);
    return out;
  });
  let nComplete = 0;
  for (let i = 0; i < nRows; i++) {
    let ok = true;
    // biome-ignore format: kept compact on purpose (a hot loop or a dense table)
    for (const c of columns) if (c[i] !== c[i]) { ok = false; break; }
    if (ok) nComplete++;
  }
  return { names: [...vars], columns, nRows, nComplete, anyMissing: nComplete < nRows };
}

/**
 * Fast path for an object of typed-array columns (simulated data, benchmarks): no per-cell boxing;
 * NaN and declared codes become NaN, ±Infinity is an error naming the row.
 */
function typedColumn(data: TableInput, v: string, naValues: NaValue[]): Float64Array | undefined {
  const codes = naValues.filter((c): c is number => typeof c === "number");
  if (Array.isArray(data) || (data as { columns?: unknown }).columns !== undefined) return undefined;
  const c = (data as Record<string, unknown>)[v];
  if (!ArrayBuffer.isView(c) || c instanceof DataView || typeof (c as unknown as ArrayLike<unknown>)[0] === "bigint") return undefined;
  const src = c as unknown as ArrayLike<number>;
  const out = Float64Array.from(src);
  for (let i = 0; i < out.length; i++) {
    const x = out[i];
    if (x !== x) continue;
    if (codes.length && codes.includes(x)) out[i] = NaN;
    else if (!Number.isFinite(x))
      throw new PathlabError(`Column "${v}", row ${i + 1}: value ${x} is not a finite number.`, {
        code: "data.non-finite",
        hint: `Recode it, or declare it missing with { naValues: [${x}] }.`,
      });
  }
  return out;
}

/** Pairwise counts n_ij (rows where both i and j are present); the diagonal holds each column's n. */
export function pairwiseCounts(columns: Float64Array[]): number[][] {
  const p = columns.length;
  const n = p ? columns[0].length : 0;
  const complete = columns.map((c) => {
    for (let i = 0; i < n; i++) if (c[i] !== c[i]) return false;
    return true;
  });
  if (complete.every(Boolean)) return Array.from({ length: p }, () => new Array<number>(p).fill(n));
  const present = columns.map((c) => {
    const m = new Uint8Array(n);
    for (let i = 0; i < n; i++) m[i] = c[i] === c[i] ? 1 : 0;
    return m;
  });
  const N: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let a = 0; a < p; a++)
    for (let b = 0; b <= a; b++) {
      const x = present[a];
      const y = present[b];
      if (complete[a] && complete[b]) {
        N[a][b] = N[b][a] = n;
        continue;
      }
      let s = 0;
      for (let i = 0; i < n; i++) s += x[i] & y[i];
      N[a][b] = N[b][a] = s;
    }
  return N;
}

/** Pairwise-complete covariance and correlation matrices with the pairwise counts. */
export interface PairwiseMoments {
  cov: number[][];
  r: number[][];
  n: number[][];
}

/**
 * Pairwise-complete covariance and correlation (see the module comment). A pair with fewer than
 * two common rows, or with no variance on its common rows, gets NaN.
 */
export function pairwiseMoments(columns: Float64Array[]): PairwiseMoments {
  const p = columns.length;
  const nRows = p ? columns[0].length : 0;
  // shift each column by its overall (available-case) mean: the one-pass sums below then lose no digits
  const shifted = columns.map((c) => {
    let s = 0;
    let k = 0;
    // biome-ignore format: kept compact on purpose (a hot loop or a dense table)
    for (let i = 0; i < nRows; i++) if (c[i] === c[i]) { s += c[i]; k++; }
    const m = k ? s / k : 0;
    const out = new Float64Array(nRows);
    for (let i = 0; i < nRows; i++) out[i] = c[i] - m;
    return out;
  });
  const cov: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(NaN));
  const r: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(NaN));
  const N: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let a = 0; a < p; a++) {
    const x = shifted[a];
    for (let b = 0; b <= a; b++) {
      const y = shifted[b];
      // biome-ignore format: kept compact on purpose (a hot loop or a dense table)
      let n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
      for (let i = 0; i < nRows; i++) {
        const u = x[i];
        const v = y[i];
        if (u !== u || v !== v) continue;
        n++;
        sx += u;
        sy += v;
        sxx += u * u;
        syy += v * v;
        sxy += u * v;
      }
      N[a][b] = N[b][a] = n;
      if (n < 2) continue;
      const cxy = sxy - (sx * sy) / n;
      const cxx = sxx - (sx * sx) / n;
      const cyy = syy - (sy * sy) / n;
      cov[a][b] = cov[b][a] = cxy / (n - 1);
      let rr = cxx > 0 && cyy > 0 ? cxy / Math.sqrt(cxx * cyy) : NaN;
      if (rr > 1) rr = 1;
      else if (rr < -1) rr = -1;
      r[a][b] = r[b][a] = a === b && cxx > 0 ? 1 : rr;
    }
  }
  return { cov, r, n: N };
}

/**
 * Correlation matrix under `use`: "pairwise" (pairwise-complete, psych's default) or "complete"
 * (rows complete on every variable). Returns the matrix and the pairwise counts n_ij (under
 * "complete" every entry is the number of complete rows).
 */
export function correlationUse(cols: PairwiseColumns, use: "pairwise" | "complete"): { r: number[][]; n: number[][] } {
  const p = cols.columns.length;
  if (!cols.anyMissing) {
    const r = correlationMatrix(cols.columns);
    const n = Array.from({ length: p }, () => new Array<number>(p).fill(cols.nRows));
    return { r, n };
  }
  if (use === "pairwise") {
    const m = pairwiseMoments(cols.columns);
    return { r: m.r, n: m.n };
  }
  const keep: number[] = [];
  for (let i = 0; i < cols.nRows; i++) if (cols.columns.every((c) => c[i] === c[i])) keep.push(i);
  const complete = cols.columns.map((c) => Float64Array.from(keep, (i) => c[i]));
  const r = keep.length ? correlationMatrix(complete) : cols.columns.map(() => new Array<number>(p).fill(NaN));
  return { r, n: Array.from({ length: p }, () => new Array<number>(p).fill(keep.length)) };
}
