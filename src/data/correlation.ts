/**
 * Pearson correlations and the correlation table survey papers print (means, SDs, lower triangle
 * with significance stars, optional √AVE on the diagonal).
 *
 * r_ij = Σ(x_i − x̄_i)(x_j − x̄_j) / √(Σ(x_i − x̄_i)² Σ(x_j − x̄_j)²); its test is
 * t = r √((n − 2) / (1 − r²)) on n − 2 df (two-sided), computed without forming t as
 * p = I_{1−r²}((n − 2)/2, 1/2), so that p = 1e-300 is still exact.
 */
import { PathlabError } from "../errors";
import { Result } from "../display/result";
import type { Column, TableSpec } from "../display/table";
import { centred, correlationPValue, crossProductsLower, mean, variance } from "../math";
import { checkOptions } from "../options";
import { naValueSpecs, naValuesOf, numericColumns, type MissingOptions, type TableInput } from "./table-input";
import { pairwiseColumns, pairwiseMoments } from "./pairwise";

/** Rows processed per block: keeps the block of every column in cache while all pairs are formed. */
const BLOCK = 1024;

/**
 * Pearson correlation matrix of complete columns (all the same length). A constant column has
 * no correlation: its row and column are NaN except for the diagonal 1.
 */
export function correlationMatrix(columns: Float64Array[]): number[][] {
  const p = columns.length;
  if (p === 0) return [];
  const n = columns[0].length;
  for (const c of columns)
    if (c.length !== n)
      throw new PathlabError("correlationMatrix(): columns differ in length.", {
        code: "data.ragged",
        hint: "Pass complete columns of equal length (numericColumns gives them).",
      });
  const S = crossProductsLower(
    columns.map((c) => centred(c)),
    BLOCK,
  );
  const sd = new Float64Array(p);
  for (let i = 0; i < p; i++) sd[i] = Math.sqrt(S[i * p + i]);
  const R: number[][] = [];
  for (let i = 0; i < p; i++) R.push(new Array<number>(p));
  for (let i = 0; i < p; i++) {
    R[i][i] = 1;
    for (let j = 0; j < i; j++) {
      let r = S[i * p + j] / (sd[i] * sd[j]);
      if (r > 1) r = 1;
      else if (r < -1) r = -1;
      R[i][j] = r;
      R[j][i] = r;
    }
  }
  return R;
}

/** Matrix of two-sided p values for a correlation matrix (diagonal NaN). */
export function correlationPValues(R: number[][], n: number): number[][] {
  return R.map((row, i) => row.map((r, j) => (i === j ? NaN : correlationPValue(r, n))));
}

/** Options of `correlationTable`: diagonal values (e.g. √AVE), display labels, decimals, deletion and missing-value codes. */
export interface CorrelationTableOptions extends MissingOptions {
  /** Values printed on the diagonal instead of blanks, e.g. √AVE per construct (by variable name). */
  diagonal?: Record<string, number>;
  /** Display labels by variable name (e.g. { trust: "Trust in supplier" }). */
  labels?: Record<string, string>;
  /** Decimals for r (default 2, as papers print). */
  digits?: number;
  /**
   * "listwise" (default): rows complete on every variable; "pairwise": each correlation from the
   * rows complete on its two variables (psych's corr.test default), its p from that pair's n, and
   * each M and SD from the variable's own answers. Also accepted as psych's `use` ("complete" =
   * listwise, "pairwise"), as describe, corrTest and cronbachAlpha take it.
   */
  deletion?: "listwise" | "pairwise";
  use?: "complete" | "pairwise" | "complete.obs" | "pairwise.complete.obs";
}

/** The paper-style correlation table; numbers stay available as `r`, `p`, `means`, `sds`. */
export class CorrelationTable extends Result {
  constructor(
    readonly variables: string[],
    readonly r: number[][],
    readonly p: number[][],
    readonly means: number[],
    readonly sds: number[],
    readonly n: number,
    readonly dropped: number,
    readonly diagonal: (number | undefined)[],
    readonly labels: string[],
    readonly digits: number,
    /** Pairwise n per cell (deletion: "pairwise" only). */
    readonly pairwiseN?: number[][],
  ) {
    super();
  }

  private nText(): string {
    if (!this.pairwiseN) return `N = ${this.n}`;
    let lo = Infinity;
    let hi = -Infinity;
    this.pairwiseN.forEach((r, i) =>
      r.forEach((v, j) => {
        if (i !== j) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }),
    );
    return lo === hi ? `N = ${lo} (pairwise)` : `N = ${lo}–${hi} (pairwise deletion: each r uses the rows with both variables)`;
  }

  /** r between two variables by name. */
  get(a: string, b: string): number {
    const i = this.variables.indexOf(a);
    const j = this.variables.indexOf(b);
    if (i < 0 || j < 0)
      throw new PathlabError(`Variable "${i < 0 ? a : b}" is not in this correlation table.`, {
        code: "data.unknown-variable",
        hint: `Variables: ${this.variables.join(", ")}.`,
      });
    return this.r[i][j];
  }

  title(): string {
    return "Descriptive statistics and correlations";
  }

  info(): string[] {
    if (this.pairwiseN) return [this.nText()];
    return [`N = ${this.n}${this.dropped ? ` (listwise; ${this.dropped} row(s) dropped for missing values)` : ""}`];
  }

  tables(): TableSpec[] {
    const k = this.variables.length;
    const columns: Column[] = [
      { key: "num", label: "", format: "text" },
      { key: "variable", label: "Variable", format: "text" },
      { key: "mean", label: "M", digits: 2 },
      { key: "sd", label: "SD", digits: 2 },
    ];
    for (let j = 0; j < k; j++) columns.push({ key: `c${j}`, label: String(j + 1), digits: this.digits, starsFrom: `p${j}` });
    const rows = this.variables.map((_, i) => {
      const row: Record<string, unknown> = { num: String(i + 1), variable: this.labels[i], mean: this.means[i], sd: this.sds[i] };
      for (let j = 0; j < i; j++) {
        row[`c${j}`] = this.r[i][j];
        row[`p${j}`] = this.p[i][j];
      }
      const d = this.diagonal[i];
      if (d !== undefined) row[`c${i}`] = d;
      return row;
    });
    const notes = [`${this.nText()}. *** p < .001, ** p < .01, * p < .05 (two-sided).`];
    if (this.diagonal.some((d) => d !== undefined)) notes.push("Diagonal: √AVE, the square root of the average variance extracted (Fornell & Larcker, 1981).");
    return [{ columns, rows, notes }];
  }
}

/**
 * The correlation table as papers print it: M and SD, the lower triangle of Pearson correlations
 * with stars from the two-sided t test, and optionally √AVE (or any value) on the diagonal.
 * Listwise deletion over the listed variables.
 *
 * @example
 * correlationTable(df, ["trust", "commit", "perf"], { diagonal: { trust: 0.84, commit: 0.81, perf: 0.79 } })
 */
export function correlationTable(data: TableInput, vars: string[], options: CorrelationTableOptions = {}): CorrelationTable {
  const numberMap = (what: string) => (v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v) && Object.values(v).every((x) => typeof x === (what === "number" ? "number" : "string"))
      ? undefined
      : `must be an object of ${what}s by variable name.`;
  const opts = checkOptions<CorrelationTableOptions>("correlationTable", options, {
    diagonal: { kind: "custom", check: numberMap("number"), expected: "e.g. { diagonal: { trust: 0.81 } } (√AVE by variable)" },
    labels: { kind: "custom", check: numberMap("string"), expected: 'e.g. { labels: { trust: "Trust in supplier" } }' },
    digits: { kind: "number", min: 0, max: 10, integer: true },
    deletion: {
      kind: "enum",
      values: ["listwise", "pairwise"],
      // psych's/R's `use` spellings are accepted too, as describe, corrTest and cronbachAlpha take them
      aliases: ["use"],
      valueAliases: { complete: "listwise", "complete.obs": "listwise", "pairwise.complete.obs": "pairwise", "pairwise.complete": "pairwise" },
      description: 'listwise (default) or pairwise deletion of missing values; psych\'s use = "complete"/"pairwise" is the same option',
    },
    ...naValueSpecs(),
  });
  if (!Array.isArray(vars) || vars.length < 2)
    throw new PathlabError("correlationTable() needs at least two variables.", {
      code: "data.too-few-variables",
      hint: 'Write correlationTable(data, ["x1", "x2", "x3"]).',
    });
  if (opts.deletion === "pairwise") return pairwiseCorrelationTable(data, vars, opts);
  const nc = numericColumns(data, vars, { naValues: naValuesOf(opts, "correlationTable") });
  if (nc.n < 3)
    throw new PathlabError(`correlationTable(): only ${nc.n} complete row(s); at least 3 are needed.`, {
      code: "data.too-few-rows",
      hint: "Check the missing values: rows missing on any listed variable are dropped.",
    });
  const R = correlationMatrix(nc.columns);
  const means: number[] = [];
  const sds: number[] = [];
  for (const c of nc.columns) {
    means.push(mean(c));
    sds.push(Math.sqrt(variance(c)));
  }
  sds.forEach((s, j) => {
    if (!(s > 0))
      throw new PathlabError(`Column "${vars[j]}" has zero variance; its correlations are undefined.`, {
        code: "data.zero-variance",
        hint: "Leave the constant column out of the table.",
      });
  });
  if (opts.diagonal)
    for (const key of Object.keys(opts.diagonal))
      if (!vars.includes(key))
        throw new PathlabError(`diagonal names "${key}", which is not one of the table's variables.`, {
          hint: `Variables: ${vars.join(", ")}.`,
          code: "data.unknown-variable",
        });
  const diagonal = vars.map((v) => opts.diagonal?.[v]);
  const labels = vars.map((v) => opts.labels?.[v] ?? v);
  return new CorrelationTable([...vars], R, correlationPValues(R, nc.n), means, sds, nc.n, nc.dropped, diagonal, labels, opts.digits ?? 2);
}

/** correlationTable with pairwise deletion: r and p per pair from the rows complete on both; M, SD per variable. */
function pairwiseCorrelationTable(data: TableInput, vars: string[], opts: CorrelationTableOptions): CorrelationTable {
  const cols = pairwiseColumns(data, vars, { naValues: naValuesOf(opts, "correlationTable") });
  const m = pairwiseMoments(cols.columns);
  const means: number[] = [];
  const sds: number[] = [];
  cols.columns.forEach((c, j) => {
    let n = 0;
    let s = 0;
    // biome-ignore format: kept compact on purpose (a hot loop or a dense table)
    for (let i = 0; i < c.length; i++) if (c[i] === c[i]) { n++; s += c[i]; }
    const mean = s / n;
    let ss = 0;
    for (let i = 0; i < c.length; i++) if (c[i] === c[i]) ss += (c[i] - mean) ** 2;
    const sd = Math.sqrt(ss / (n - 1));
    if (!(sd > 0))
      throw new PathlabError(`Column "${vars[j]}" has zero variance; its correlations are undefined.`, {
        code: "data.zero-variance",
        hint: "Leave the constant column out of the table.",
      });
    means.push(mean);
    sds.push(sd);
  });
  vars.forEach((a, i) =>
    vars.forEach((b, j) => {
      if (j < i && !(m.n[i][j] >= 3 && Number.isFinite(m.r[i][j])))
        throw new PathlabError(`correlationTable(): only ${m.n[i][j]} row(s) have both "${a}" and "${b}" (at least 3 are needed), or no variance on them.`, {
          code: "data.too-few-rows",
        });
    }),
  );
  if (opts.diagonal)
    for (const key of Object.keys(opts.diagonal))
      if (!vars.includes(key))
        throw new PathlabError(`diagonal names "${key}", which is not one of the table's variables.`, {
          hint: `Variables: ${vars.join(", ")}.`,
          code: "data.unknown-variable",
        });
  const p = m.r.map((row, i) => row.map((r, j) => (i === j ? NaN : correlationPValue(r, m.n[i][j]))));
  const diagonal = vars.map((v) => opts.diagonal?.[v]);
  const labels = vars.map((v) => opts.labels?.[v] ?? v);
  return new CorrelationTable([...vars], m.r, p, means, sds, cols.nComplete, cols.nRows - cols.nComplete, diagonal, labels, opts.digits ?? 2, m.n);
}
