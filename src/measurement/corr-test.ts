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
 * Hommel (1988; adjusted p values as Wright 1992), Bonferroni, Benjamini–Hochberg ("BH"/"fdr"),
 * Benjamini–Yekutieli ("BY"), none.
 * method "spearman" / "kendall": r is R's cor(…, method) (Spearman's ρ; Kendall's τ_b), and — as
 * psych with its default normal = TRUE — t, p and the intervals use the same normal-theory
 * formulas. n: the pairwise counts; with use = "complete" psych 2.2.9 reports the smallest
 * pairwise count for every pair (while r uses the complete rows), which is reproduced and stated.
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
import { rankCorrelationMatrix } from "../data/rank-correlation";

export type PAdjust = "holm" | "hochberg" | "hommel" | "bonferroni" | "BH" | "BY" | "none";

export interface CorrTestOptions {
  /** "pairwise" (default) or "complete" (R's "complete.obs": r from complete rows, n pairwise as psych). */
  use?: "pairwise" | "complete" | "complete.obs" | "pairwise.complete.obs";
  /** "pearson" (default), "spearman" or "kendall" (τ_b), as R's cor. */
  method?: "pearson" | "spearman" | "kendall";
  /** Confidence intervals (default true, as psych). */
  ci?: boolean;
  /** psych's abbreviation length of the pair names (display only; default 5). */
  minlength?: number;
  /** psych's normal: only true (normal-theory p for every method). */
  normal?: boolean;
  /** Multiple-test adjustment of the p values above the diagonal (default "holm", as psych). */
  adjust?: PAdjust;
  /** 1 − confidence of the intervals (default 0.05). */
  alpha?: number;
  missing?: number[];
}

const SPECS: OptionSpecs = {
  use: {
    kind: "enum",
    values: ["pairwise", "complete", "complete.obs"],
    valueAliases: { "pairwise.complete.obs": "pairwise", "pairwise.complete": "pairwise" },
  },
  method: { kind: "enum", values: ["pearson", "spearman", "kendall"], caseInsensitive: true },
  adjust: { kind: "enum", values: ["holm", "hochberg", "hommel", "bonferroni", "BH", "BY", "none"], valueAliases: { fdr: "BH" } },
  alpha: { kind: "number", min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, rangeHint: "Write 0.05 for 95% intervals." },
  missing: { kind: "custom", check: (v) => (Array.isArray(v) && v.every((x) => typeof x === "number") ? undefined : "must be an array of numbers") },
  ci: { kind: "boolean" },
  minlength: { kind: "number", min: 1, integer: true },
  normal: {
    kind: "fixed",
    value: true,
    otherwise: "psych's exact Kendall/Spearman probabilities (normal = FALSE) are not implemented; the normal-theory p values are psych's default.",
  },
};

/** R's p.adjust for a vector of p values. */
export function pAdjust(p: number[], method: PAdjust): number[] {
  const methods: PAdjust[] = ["holm", "hochberg", "hommel", "bonferroni", "BH", "BY", "none"];
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
  if (method === "hommel") return hommel(p);
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

/**
 * Hommel's (1988) adjusted p values, computed as Wright (1992, Biometrics 48) describes and R's
 * p.adjust does: with p sorted, start from min_j n p_(j)/j; for m = n − 1 … 2 the p values are
 * compared with the m-subset bounds m p_(i) (first n − m + 1) and min_{k=2..m} m p_(n−m+k)/k (the
 * rest), and each adjusted value is the largest bound met; finally at least the raw p.
 */
function hommel(p: number[]): number[] {
  const n = p.length;
  const o = p.map((_, i) => i).sort((a, b) => p[a] - p[b] || a - b);
  const ps = o.map((i) => p[i]);
  let start = Infinity;
  ps.forEach((v, i) => (start = Math.min(start, (n * v) / (i + 1))));
  const q = new Array<number>(n).fill(start);
  const pa = new Array<number>(n).fill(start);
  for (let m = n - 1; m >= 2; m--) {
    const cut = n - m + 1; // first `cut` sorted p values (0-based 0 … cut − 1)
    let q1 = Infinity;
    for (let k = 2; k <= m; k++) q1 = Math.min(q1, (m * ps[cut + k - 2]) / k);
    for (let i = 0; i < cut; i++) q[i] = Math.min(m * ps[i], q1);
    for (let i = cut; i < n; i++) q[i] = q[cut - 1];
    for (let i = 0; i < n; i++) pa[i] = Math.max(pa[i], q[i]);
  }
  const out = new Array<number>(n);
  o.forEach((orig, i) => (out[orig] = Math.max(pa[i], ps[i])));
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
    readonly settings: {
      use: "pairwise" | "complete" | "complete.obs";
      adjust: PAdjust;
      alpha: number;
      method: "pearson" | "spearman" | "kendall";
      ci: boolean;
      nComplete?: number;
    },
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
    const st = this.settings;
    const what = st.method === "pearson" ? "Pearson" : st.method === "spearman" ? "Spearman's ρ" : "Kendall's τ_b";
    const lines = [
      `${what}; use = "${st.use}"${st.use === "pairwise" ? " (psych's default)" : ""}; n ${lo === hi ? `= ${lo}` : `from ${lo} to ${hi} (pairwise)`}; p adjusted by ${st.adjust} above the diagonal.`,
    ];
    if (st.use === "complete")
      lines.push(
        `As psych 2.2.9: r from the ${st.nComplete} rows complete on every variable, but n (hence t, p, se and the intervals) = the smallest pairwise count, ${lo}.`,
      );
    if (st.use === "complete.obs") lines.push(`As psych 2.2.9 with use = "complete.obs": r from the ${st.nComplete} complete rows, n = each pair's own count.`);
    if (st.method !== "pearson")
      lines.push("t, p and the intervals use the normal-theory formulas on the rank correlation, as psych's corr.test (normal = TRUE).");
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
    const ciTable = this.settings.ci ? [0] : [];
    return [
      mat("Correlation matrix", this.r, (i, j) => this.r[i][j]),
      ...(nEqual ? [] : [mat("Sample size (pairwise)", this.n, (i, j) => this.n[i][j], { format: "int" })]),
      mat("Probability values", this.p, (i, j) => (i === j ? "" : this.p[i][j]), { format: "p" }, [
        `Entries above the diagonal are adjusted for multiple tests (${this.settings.adjust}).`,
      ]),
      ...ciTable.map(
        (): TableSpec => ({
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
        }),
      ),
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
  // checkOptions has folded "pairwise.complete.obs" into "pairwise"
  const use = (o.use ?? "pairwise") as "pairwise" | "complete" | "complete.obs";
  const method = o.method ?? "pearson";
  const adjust = o.adjust ?? "holm";
  const alpha = o.alpha ?? 0.05;
  const withCi = o.ci ?? true;
  const cols = pairwiseColumns(data, names, { missing: o.missing });
  const rowsUse = use === "pairwise" ? "pairwise" : "complete";
  const r = method === "pearson" ? correlationUse(cols, rowsUse).r : rankCorrelationMatrix(cols.columns, method, rowsUse);
  const k = names.length;
  // psych: n = the pairwise counts, collapsed to their minimum when use is exactly "complete" (or all equal)
  const counts = pairwiseCounts(cols.columns);
  let minCount = Infinity;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) minCount = Math.min(minCount, counts[i][j]);
  const n = use === "complete" ? names.map(() => names.map(() => minCount)) : counts;
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
  const zc = withCi ? qnorm(1 - alpha / 2) : NaN;
  const pairs: CorrTestPair[] = lower.map(([i, j], m) => {
    const sef = 1 / Math.sqrt(n[i][j] - 3);
    const zAdj = withCi ? qnorm(1 - alpha / (2 * (adjust === "holm" ? rank[m] : M))) : NaN;
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
  return new CorrTestResult([...names], r, n, t, p, se, pairs, { use, adjust, alpha, method, ci: withCi, nComplete: cols.nComplete });
}
