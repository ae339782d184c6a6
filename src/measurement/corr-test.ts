/**
 * Correlations with their tests, as psych::corr.test (psych 2.2.9): r (pairwise-complete by default),
 * the pairwise n, t, two-sided p unadjusted (below the diagonal) and adjusted for multiple tests
 * (above the diagonal; Holm by default), and Fisher-z confidence intervals.
 *
 *   t = r √(n − 2)/√(1 − r²),  p = 2 P(T_{n−2} > |t|),  se = √((1 − r²)/(n − 2))
 *   CI: tanh(atanh r ∓ z_{1−α/2}/√(n − 3))
 *   adjusted CI (psych): for Holm the pair whose |z| ranks m-th smallest of the M pairs uses
 *   z_{1−α/(2m)}; for any other adjustment every pair uses z_{1−α/(2M)}.
 * p adjustments (R's p.adjust over the M = p(p − 1)/2 pairs): Holm (1979), Hochberg (1988),
 * Bonferroni, Benjamini–Hochberg ("BH"/"fdr"), Benjamini–Yekutieli ("BY"), none.
 */
import { PathlabError } from "../errors";
import { checkOptions, type OptionSpecs } from "../options";
import { Result } from "../display/result";
import type { Column, TableSpec } from "../display/table";
import { correlationPValue } from "../math";
import { columnNames, type TableInput } from "../data/table-input";
import { correlationUse, pairwiseColumns, pairwiseCounts } from "../data/pairwise";
import { qnorm } from "../math";
import { numericItemColumns } from "./efa/input";

export type PAdjust = "holm" | "hochberg" | "bonferroni" | "BH" | "BY" | "none";

export interface CorrTestOptions {
  use?: "pairwise" | "complete";
  /** Multiple-test adjustment of the p values above the diagonal (default "holm", as psych). */
  adjust?: PAdjust;
  /** 1 − confidence of the intervals (default 0.05). */
  alpha?: number;
  missing?: number[];
}

const SPECS: OptionSpecs = {
  use: { kind: "enum", values: ["pairwise", "complete"], valueAliases: { "pairwise.complete.obs": "pairwise", "complete.obs": "complete" } },
  adjust: {
    kind: "enum",
    values: ["holm", "hochberg", "bonferroni", "BH", "BY", "none"],
    valueAliases: { fdr: "BH" },
    unsupportedValues: { hommel: 'use "holm" or "hochberg".' },
  },
  alpha: { kind: "number", min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, rangeHint: "Write 0.05 for 95% intervals." },
  missing: { kind: "custom", check: (v) => (Array.isArray(v) && v.every((x) => typeof x === "number") ? undefined : "must be an array of numbers") },
  method: { kind: "string", unsupported: "only Pearson correlations are implemented." },
  ci: { kind: "boolean", unsupported: "intervals are always computed." },
};

/** R's p.adjust for a vector of p values. */
export function pAdjust(p: number[], method: PAdjust): number[] {
  const methods: PAdjust[] = ["holm", "hochberg", "bonferroni", "BH", "BY", "none"];
  if (!methods.includes(method))
    throw new PathlabError(`pAdjust(): unknown method ${JSON.stringify(method)}.`, {
      hint: `Use one of ${methods.join(", ")} (R's p.adjust names; "fdr" is "BH").`,
      code: "options.bad-value",
    });
  if (!Array.isArray(p) || p.some((v) => typeof v !== "number" || !(v >= 0 && v <= 1)))
    throw new PathlabError("pAdjust(): p values must be numbers between 0 and 1.", {
      code: "measurement.bad-p",
      hint: 'Pass the unadjusted p values, e.g. pAdjust([0.01, 0.04, 0.2], "holm").',
    });
  const m = p.length;
  if (method === "none" || m === 0) return p.slice();
  const idx = p.map((_, i) => i);
  const out = new Array<number>(m);
  if (method === "bonferroni") return p.map((v) => Math.min(1, v * m));
  if (method === "holm") {
    idx.sort((a, b) => p[a] - p[b] || a - b);
    let run = 0;
    idx.forEach((i, r) => {
      run = Math.max(run, Math.min(1, (m - r) * p[i]));
      out[i] = run;
    });
    return out;
  }
  // step-up methods: cumulative minimum from the largest p down
  idx.sort((a, b) => p[b] - p[a] || b - a);
  const q = method === "BY" ? idx.reduce((s, _, r) => s + 1 / (r + 1), 0) : 1;
  let run = Infinity;
  idx.forEach((i, r) => {
    const rank = m - r; // 1-based rank in increasing order
    const v = method === "hochberg" ? (m - rank + 1) * p[i] : (q * m * p[i]) / rank;
    run = Math.min(run, v);
    out[i] = Math.min(1, run);
  });
  return out;
}

export interface CorrTestPair {
  a: string;
  b: string;
  r: number;
  n: number;
  lower: number;
  upper: number;
  p: number;
  pAdjusted: number;
  lowerAdjusted: number;
  upperAdjusted: number;
}

/** Correlations with their n, p values (adjusted for multiple tests), and confidence intervals, as psych's corr.test. */
export class CorrTestResult extends Result {
  constructor(
    readonly variables: string[],
    readonly r: number[][],
    /** Pairwise n (every cell equal under use = "complete" or without missing values). */
    readonly n: number[][],
    readonly t: number[][],
    /** Two-sided p: unadjusted below the diagonal, adjusted above it (psych's layout). */
    readonly p: number[][],
    readonly se: number[][],
    readonly pairs: CorrTestPair[],
    readonly settings: { use: "pairwise" | "complete"; adjust: PAdjust; alpha: number },
  ) {
    super();
  }

  title(): string {
    return "Correlations with tests (psych::corr.test)";
  }

  info(): string[] {
    const ns = this.pairs.map((x) => x.n);
    const lo = Math.min(...ns);
    const hi = Math.max(...ns);
    const lines = [
      `use = "${this.settings.use}"${this.settings.use === "pairwise" ? " (psych's default)" : ""}; n ${lo === hi ? `= ${lo}` : `from ${lo} to ${hi} (pairwise)`}; p adjusted by ${this.settings.adjust} above the diagonal.`,
    ];
    if (this.settings.use === "complete")
      lines.push("n = the rows complete on every variable (psych 2.2.9's corr.test reports the smallest pairwise n instead).");
    return lines;
  }

  tables(): TableSpec[] {
    const v = this.variables;
    const mat = (
      title: string,
      _M: number[][],
      cell: (i: number, j: number) => unknown,
      fmt: Partial<Column> = { digits: 2 },
      notes?: string[],
    ): TableSpec => ({
      title,
      columns: [{ key: "v", label: "", format: "text" }, ...v.map((x, j) => ({ key: `c${j}`, label: x, ...fmt }))],
      rows: v.map((x, i) => {
        const row: Record<string, unknown> = { v: x };
        v.forEach((_, j) => (row[`c${j}`] = cell(i, j)));
        return row;
      }),
      notes,
    });
    const nEqual = this.pairs.every((x) => x.n === this.pairs[0].n);
    const level = Math.round((1 - this.settings.alpha) * 100);
    return [
      mat("Correlation matrix", this.r, (i, j) => this.r[i][j]),
      ...(nEqual ? [] : [mat("Sample size (pairwise)", this.n, (i, j) => this.n[i][j], { format: "int" })]),
      mat("Probability values", this.p, (i, j) => (i === j ? "" : this.p[i][j]), { format: "p" }, [
        `Entries above the diagonal are adjusted for multiple tests (${this.settings.adjust}).`,
      ]),
      {
        title: `Confidence intervals (${level}%; adjusted: ${this.settings.adjust === "holm" ? "Holm-ordered" : "Bonferroni"} quantiles)`,
        columns: [
          { key: "pair", label: "", format: "text" },
          { key: "n", label: "n", format: "int" },
          { key: "lower", label: "lower", digits: 2 },
          { key: "r", label: "r", digits: 2 },
          { key: "upper", label: "upper", digits: 2 },
          { key: "p", label: "p", format: "p" },
          { key: "pAdjusted", label: "p (adj.)", format: "p" },
          { key: "lowerAdjusted", label: "lower (adj.)", digits: 2 },
          { key: "upperAdjusted", label: "upper (adj.)", digits: 2 },
        ],
        rows: this.pairs.map((x) => ({ ...x, pair: `${x.a}–${x.b}` })),
        notes: ["CI = tanh(atanh r ∓ z/√(n − 3)); t = r√(n − 2)/√(1 − r²) on n − 2 df."],
      },
    ];
  }
}

/**
 * psych::corr.test on the named variables (default: every numeric column).
 *
 * @example
 * corrTest(bfi, ["A1", "A2", "A3"], { adjust: "holm" })
 */
export function corrTest(data: TableInput, vars?: string[], opts: CorrTestOptions = {}): CorrTestResult {
  const o = checkOptions<CorrTestOptions>("corrTest", opts, SPECS);
  const names = vars ?? numericItemColumns(data, o.missing);
  if (names.length < 2)
    throw new PathlabError("corrTest() needs at least two variables.", {
      hint: `Columns: ${columnNames(data).join(", ")}.`,
      code: "measurement.too-few-variables",
    });
  const use = o.use ?? "pairwise";
  const adjust = o.adjust ?? "holm";
  const alpha = o.alpha ?? 0.05;
  const cols = pairwiseColumns(data, names, { missing: o.missing });
  const { r } = correlationUse(cols, use);
  const k = names.length;
  const n = use === "complete" ? names.map(() => names.map(() => cols.nComplete)) : pairwiseCounts(cols.columns);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < i; j++)
      if (!Number.isFinite(r[i][j]))
        throw new PathlabError(`corrTest(): the correlation of "${names[i]}" and "${names[j]}" is undefined (no variance, or fewer than 2 rows with both).`, {
          code: "measurement.undefined-correlation",
          hint: "Leave out a variable that is constant, or check the missing values of the pair.",
        });
      else if (n[i][j] < 3)
        throw new PathlabError(`corrTest(): "${names[i]}" and "${names[j]}" have only ${n[i][j]} row(s) with both values; a test of r needs at least 3.`, {
          code: "measurement.too-few-rows",
          hint: "Check the missing values of the pair, or leave one of them out.",
        });
  const t = r.map((row, i) => row.map((v, j) => (v * Math.sqrt(n[i][j] - 2)) / Math.sqrt(1 - v * v)));
  const se = r.map((row, i) => row.map((v, j) => Math.sqrt((1 - v * v) / (n[i][j] - 2))));
  const p = r.map((row, i) => row.map((v, j) => (i === j ? 0 : correlationPValue(v, n[i][j]))));
  // upper triangle in R's column-major order
  const upper: [number, number][] = [];
  for (let j = 0; j < k; j++) for (let i = 0; i < j; i++) upper.push([i, j]);
  const adj = pAdjust(
    upper.map(([i, j]) => p[i][j]),
    adjust,
  );
  upper.forEach(([i, j], m) => (p[i][j] = adj[m]));
  // lower triangle (column-major): psych's order of pairs and of the Holm ranks of |z|
  const lower: [number, number][] = [];
  for (let j = 0; j < k; j++) for (let i = j + 1; i < k; i++) lower.push([i, j]);
  const z = lower.map(([i, j]) => Math.atanh(r[i][j]));
  const M = lower.length;
  const rank = new Array<number>(M);
  z.map((_, m) => m)
    .sort((a, b) => Math.abs(z[a]) - Math.abs(z[b]) || a - b)
    .forEach((m, pos) => (rank[m] = pos + 1));
  const zc = qnorm(1 - alpha / 2);
  const pairs: CorrTestPair[] = lower.map(([i, j], m) => {
    const sef = 1 / Math.sqrt(n[i][j] - 3);
    const zAdj = qnorm(1 - alpha / (2 * (adjust === "holm" ? rank[m] : M)));
    return {
      a: names[j],
      b: names[i],
      r: r[i][j],
      n: n[i][j],
      lower: Math.tanh(z[m] - zc * sef),
      upper: Math.tanh(z[m] + zc * sef),
      p: p[i][j],
      pAdjusted: p[j][i],
      lowerAdjusted: Math.tanh(z[m] - zAdj * sef),
      upperAdjusted: Math.tanh(z[m] + zAdj * sef),
    };
  });
  return new CorrTestResult([...names], r, n, t, p, se, pairs, { use, adjust, alpha });
}
