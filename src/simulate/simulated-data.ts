/**
 * What every simulation returns: named columns usable directly as pathlab table input, the same
 * data as plain rows, and tables comparing the target moments with those achieved.
 */
import { Result } from "../display/result";
import type { Column, TableSpec } from "../display/table";
import { sampleMoments, type SampleMoments } from "./moments";

export abstract class SimulatedData extends Result {
  /** Column names, in order. */
  readonly names: string[];
  /** The simulated columns, in the order of `names`. */
  readonly columns: Float64Array[];
  /** Number of rows. */
  readonly n: number;
  /** Seed the simulation started from (undefined when an Rng object was passed). */
  readonly seed?: number;
  /** The columns by name: pass it wherever pathlab takes table input. */
  readonly data: { [name: string]: Float64Array };

  constructor(names: string[], columns: Float64Array[], seed?: number) {
    super();
    this.names = names;
    this.columns = columns;
    this.n = columns.length ? columns[0].length : 0;
    this.seed = seed;
    const data: { [name: string]: Float64Array } = {};
    names.forEach((nm, j) => (data[nm] = columns[j]));
    this.data = data;
  }

  /** The data as an array of row objects (the plain-table form, e.g. for `new dfd.DataFrame(rows)`). */
  rows(): Array<{ [name: string]: number }> {
    const out: Array<{ [name: string]: number }> = new Array(this.n);
    for (let i = 0; i < this.n; i++) {
      const r: { [name: string]: number } = {};
      for (let j = 0; j < this.names.length; j++) r[this.names[j]] = this.columns[j][i];
      out[i] = r;
    }
    return out;
  }

  /** The columns as plain number arrays keyed by name (`new DataFrame(obj)` takes this form). */
  toObject(): { [name: string]: number[] } {
    const out: { [name: string]: number[] } = {};
    this.names.forEach((nm, j) => (out[nm] = Array.from(this.columns[j])));
    return out;
  }

  /** Sample moments of the simulated columns (n − 1 denominators). */
  moments(): SampleMoments {
    return sampleMoments(this.columns);
  }

  info(): string[] {
    const s = this.seed === undefined ? "" : `, seed ${this.seed}`;
    return [`n = ${this.n}${s}`];
  }
}

/** Largest absolute difference between two equal-shaped matrices (upper off-diagonal part). */
export function maxAbsOffDiagonal(A: number[][], B: number[][]): number {
  let m = 0;
  for (let i = 0; i < A.length; i++) for (let j = i + 1; j < A.length; j++) m = Math.max(m, Math.abs(A[i][j] - B[i][j]));
  return m;
}

/** Max |Δr| of each variable's row, over the other variables. */
function rowMaxAbsDiff(A: number[][], B: number[][], i: number): number {
  let m = 0;
  for (let j = 0; j < A.length; j++) if (j !== i) m = Math.max(m, Math.abs(A[i][j] - B[i][j]));
  return m;
}

/**
 * The "target vs achieved" table: one row per variable with target and achieved mean and SD and
 * the largest correlation discrepancy in that variable's row.
 */
export function momentsTable(
  title: string,
  names: string[],
  target: { means: number[]; sds: number[]; cor: number[][] },
  achieved: { means: number[]; sds: number[]; cor: number[][] },
  notes?: string[],
): TableSpec {
  const columns: Column[] = [
    { key: "variable", label: "Variable", format: "text" },
    { key: "mT", label: "Mean (target)", digits: 3 },
    { key: "mA", label: "Mean (achieved)", digits: 3 },
    { key: "sT", label: "SD (target)", digits: 3 },
    { key: "sA", label: "SD (achieved)", digits: 3 },
    { key: "dr", label: "max |Δr|", digits: 3 },
  ];
  const rows = names.map((nm, i) => ({
    variable: nm,
    mT: target.means[i],
    mA: achieved.means[i],
    sT: target.sds[i],
    sA: achieved.sds[i],
    dr: names.length > 1 ? rowMaxAbsDiff(target.cor, achieved.cor, i) : null,
  }));
  return { title, columns, rows, notes };
}
