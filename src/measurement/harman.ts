/**
 * Harman's single-factor test for common method variance (Podsakoff et al., 2003, JAP 88(5)):
 * the share of the items' total variance captured by the first unrotated factor. A share above
 * 50% is the conventional warning sign (a weak test; see Podsakoff et al.).
 *
 * - "pca": principal components of the correlation matrix R; share = λ₁ / p, with λ₁ the largest
 *   eigenvalue (SPSS "Total variance explained", initial eigenvalues).
 * - "paf": principal axis factoring, one factor: start with squared multiple correlations on the
 *   diagonal of R, take loadings L = v₁√λ₁ of the reduced matrix, put h² = L² back on the diagonal
 *   and repeat. Stops when the total communality changes by at most `tol` between iterations
 *   (|Σh²_new − Σh²_old| ≤ tol, default 0.001) or after `maxIter` iterations (default 50) — the
 *   rule and defaults of psych::fa(fm = "pa"). share = ΣL² / p.
 */
import { PathlabError } from "../errors";
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import { correlationMatrix } from "../data/correlation";
import { numericColumns, type TableInput } from "../data/table-input";
import { symEigen } from "../math";
import { smc } from "./matrix";
import { checkOptions, type OptionSpecs } from "../options";

const HARMAN_SPECS: OptionSpecs = {
  method: {
    kind: "enum",
    values: ["pca", "paf"],
    valueAliases: { pc: "pca", pa: "paf" },
    unsupportedValues: {
      ml: 'Harman\'s test is reported from principal components or principal axes; for a one-factor ML solution use fa(data, items, { nfactors: 1, fm: "ml" }).vaccounted.proportionVar.',
    },
  },
  tol: { kind: "number", min: 0, exclusiveMin: true, aliases: ["min.err", "minErr"] },
  maxIter: { kind: "number", min: 1, integer: true, aliases: ["max.iter"] },
  missing: {
    kind: "custom",
    check: (v) => (Array.isArray(v) && v.every((x) => typeof x === "number") ? undefined : "must be an array of numbers"),
    expected: "an array of missing-value codes such as [99, -9]",
  },
};

export interface HarmanOptions {
  /** "pca" (default) or "paf" (principal axis factoring). */
  method?: "pca" | "paf";
  /** PAF convergence: stop when the total communality changes by at most this (default 0.001, as psych). */
  tol?: number;
  /** PAF iteration limit (default 50, as psych). */
  maxIter?: number;
  missing?: number[];
}

/** Harman's single-factor test: the variance share of the first unrotated component or factor, with its loadings. */
export class HarmanResult extends Result {
  constructor(
    readonly method: "pca" | "paf",
    readonly items: string[],
    /** Share of total variance explained by the first unrotated factor (0–1). */
    readonly share: number,
    /** Variance of the first factor: λ₁ (pca) or ΣL² (paf). */
    readonly firstFactorVariance: number,
    /** First-factor loadings (sign chosen so that they sum to a positive value). */
    readonly loadings: number[],
    /** Eigenvalues of the correlation matrix, descending. */
    readonly eigenvalues: number[],
    readonly n: number,
    readonly dropped: number,
    readonly iterations?: number,
    readonly converged?: boolean,
    readonly communalities?: number[],
  ) {
    super();
  }

  /** Number of eigenvalues of R greater than 1 (the factors SPSS would extract by default). */
  get factorsAboveOne(): number {
    return this.eigenvalues.filter((v) => v > 1).length;
  }

  title(): string {
    return `Harman's single-factor test (${this.method === "pca" ? "principal components" : "principal axis factoring"})`;
  }

  info(): string[] {
    const lines = [`N = ${this.n}${this.dropped ? ` (listwise; ${this.dropped} row(s) dropped)` : ""}, ${this.items.length} items`];
    if (this.method === "paf") lines.push(`PAF: ${this.iterations} iteration(s)${this.converged ? "" : " — NOT converged"}`);
    return lines;
  }

  tables(): TableSpec[] {
    return [
      {
        columns: [
          { key: "what", label: "", format: "text" },
          { key: "value", label: "Value" },
        ],
        rows: [
          { what: "Variance of the first unrotated factor", value: this.firstFactorVariance },
          { what: "Share of total variance (%)", value: 100 * this.share },
          { what: "Eigenvalues > 1 (factors)", value: { text: String(this.factorsAboveOne) } },
        ],
        notes: [`A first factor explaining more than 50% of the variance suggests common method variance.`],
      },
      {
        title: "First-factor loadings",
        columns: [
          { key: "item", label: "Item", format: "text" },
          { key: "loading", label: "Loading" },
          ...(this.communalities ? [{ key: "h2", label: "h²" }] : []),
        ],
        rows: this.items.map((it, i) => ({ item: it, loading: this.loadings[i], h2: this.communalities?.[i] })),
      },
    ];
  }
}

/**
 * Harman's single-factor test by principal components or principal axis factoring (see module comment).
 *
 * @example
 * harmanSingleFactor(df, ["tr1", "tr2", "tr3", "co1", "co2", "co3"])   // share of the first unrotated component
 */
export function harmanSingleFactor(data: TableInput, items: string[], options: HarmanOptions = {}): HarmanResult {
  const opts = checkOptions<HarmanOptions>("harmanSingleFactor", options, HARMAN_SPECS);
  const method = opts.method ?? "pca";
  if (items.length < 2) throw new PathlabError(`Harman's test needs at least 2 items; got ${items.length}.`, { code: "measurement.too-few-items" });
  const nc = numericColumns(data, items, { missing: opts.missing });
  if (nc.n <= items.length)
    throw new PathlabError(`Harman's test: ${nc.n} complete row(s) for ${items.length} items; need more rows than items.`, {
      code: "measurement.too-few-rows",
    });
  nc.columns.forEach((c, j) => {
    let mn = Infinity;
    let mx = -Infinity;
    for (let i = 0; i < c.length; i++) {
      if (c[i] < mn) mn = c[i];
      if (c[i] > mx) mx = c[i];
    }
    if (!(mx > mn))
      throw new PathlabError(`Item "${items[j]}" has zero variance.`, {
        code: "measurement.zero-variance",
        hint: "A constant item carries no information; drop it.",
      });
  });
  const R = correlationMatrix(nc.columns);
  const p = items.length;
  const eig = symEigen(R);
  const orient = (v: number[]) => (v.reduce((a, b) => a + b, 0) < 0 ? v.map((x) => -x) : v);
  if (method === "pca") {
    const l1 = eig.values[0];
    const loadings = orient(eig.vectors.map((row) => row[0] * Math.sqrt(l1)));
    return new HarmanResult("pca", [...items], l1 / p, l1, loadings, eig.values, nc.n, nc.dropped);
  }
  const tol = opts.tol ?? 0.001;
  const maxIter = opts.maxIter ?? 50;
  const Rm = R.map((r) => [...r]);
  let h2 = smc(R, items);
  h2.forEach((v, i) => (Rm[i][i] = v));
  let comm = h2.reduce((a, b) => a + b, 0);
  let loadings: number[] = [];
  let iter = 0;
  let converged = false;
  for (;;) {
    const e = symEigen(Rm);
    if (!(e.values[0] > 0))
      throw new PathlabError("Principal axis factoring failed: the reduced correlation matrix has no positive eigenvalue.", { code: "measurement.paf-failed" });
    loadings = e.vectors.map((row) => row[0] * Math.sqrt(e.values[0]));
    h2 = loadings.map((l) => l * l);
    const comm1 = h2.reduce((a, b) => a + b, 0);
    h2.forEach((v, i) => (Rm[i][i] = v));
    const err = Math.abs(comm - comm1);
    comm = comm1;
    iter++;
    if (err <= tol) {
      converged = true;
      break;
    }
    if (iter >= maxIter) break;
  }
  loadings = orient(loadings);
  const ss = loadings.reduce((a, b) => a + b * b, 0);
  const res = new HarmanResult("paf", [...items], ss / p, ss, loadings, eig.values, nc.n, nc.dropped, iter, converged, h2);
  if (!converged) res.warnings.push({ code: "paf-not-converged", message: `Principal axis factoring did not converge in ${maxIter} iterations (tol ${tol}).` });
  if (h2.some((v) => v > 1)) res.warnings.push({ code: "heywood", message: "A communality exceeds 1 (Heywood case)." });
  return res;
}
