/**
 * Composite reliability, average variance extracted and the Fornell–Larcker criterion, from
 * standardised loadings — the textbook formulas papers report (Fornell & Larcker, 1981, "Evaluating
 * structural equation models with unobservable variables and measurement error", JMR 18(1)).
 *
 *   CR  = (Σλ)² / ((Σλ)² + Σ(1 − λ²))
 *   AVE = Σλ² / k
 * with λ the k standardised loadings of a construct's items (error variance θ = 1 − λ²).
 * A standardised loading above 1 in absolute value (a Heywood case, θ < 0) still gives the formulas'
 * values, as the Fornell–Larcker computations and semTools do (AVE may then exceed 1); the results
 * that can carry a warning (reliabilityTable) say so, the bare numbers cannot.
 */
import { PathlabError } from "../errors";
import { Result } from "../display/result";
import type { Column, TableSpec } from "../display/table";
import type { TableInput } from "../data/table-input";
import { cronbachAlpha } from "./alpha";
import { aveFromLoadings, compositeReliabilityFromLoadings } from "../math";
import { checkOptions } from "../options";

function checkLoadings(loadings: number[], what: string): void {
  if (!Array.isArray(loadings) || loadings.length === 0)
    throw new PathlabError(`${what} needs at least one standardised loading.`, { code: "measurement.too-few-items" });
  loadings.forEach((l, i) => {
    if (typeof l !== "number" || !Number.isFinite(l))
      throw new PathlabError(`${what}: loading ${i + 1} is ${JSON.stringify(l)}, not a number.`, { code: "measurement.non-numeric" });
  });
}

/** Items whose standardised loading exceeds 1 in absolute value (Heywood cases). */
export function heywoodItems(loadings: number[], items: string[]): string[] {
  return items.filter((_, i) => Math.abs(loadings[i]) > 1);
}

/** Composite (construct) reliability: CR = (Σλ)² / ((Σλ)² + Σ(1 − λ²)), λ standardised loadings. */
export function compositeReliability(loadings: number[]): number {
  checkLoadings(loadings, "compositeReliability");
  return compositeReliabilityFromLoadings(loadings);
}

/** Average variance extracted: AVE = Σλ² / k, λ standardised loadings. */
export function averageVarianceExtracted(loadings: number[]): number {
  checkLoadings(loadings, "averageVarianceExtracted");
  return aveFromLoadings(loadings);
}

/** The Fornell–Larcker table: √AVE on the diagonal, construct correlations below it. */
export class FornellLarckerResult extends Result {
  constructor(
    readonly names: string[],
    readonly corr: number[][],
    readonly ave: number[],
    /** Per construct: √AVE exceeds its largest absolute correlation with another construct. */
    readonly passed: boolean[],
  ) {
    super();
  }

  /** True when every construct passes the criterion. */
  get allPassed(): boolean {
    return this.passed.every((p) => p);
  }

  title(): string {
    return "Discriminant validity (Fornell–Larcker criterion)";
  }

  tables(): TableSpec[] {
    const k = this.names.length;
    const columns: Column[] = [{ key: "construct", label: "Construct", format: "text" }];
    for (let j = 0; j < k; j++) columns.push({ key: `c${j}`, label: this.names[j], digits: 3 });
    columns.push({ key: "ok", label: "√AVE > max |r|", format: "text" });
    const rows = this.names.map((name, i) => {
      const row: Record<string, unknown> = { construct: name, ok: this.passed[i] ? "yes" : "NO" };
      for (let j = 0; j < i; j++) row[`c${j}`] = this.corr[i][j];
      row[`c${i}`] = Math.sqrt(this.ave[i]);
      return row;
    });
    return [{ columns, rows, notes: ["Diagonal: √AVE; below: correlations between constructs (Fornell & Larcker, 1981)."] }];
  }
}

/**
 * Fornell–Larcker criterion: a construct shows discriminant validity when √AVE exceeds its
 * correlations with every other construct (equivalently AVE > r²).
 *
 * @example
 * fornellLarcker([[1, 0.45], [0.45, 1]], [0.62, 0.58], ["trust", "commit"])
 */
export function fornellLarcker(corr: number[][], ave: number[], names: string[]): FornellLarckerResult {
  const k = names.length;
  if (ave.length !== k || corr.length !== k || corr.some((r) => r.length !== k))
    throw new PathlabError(`fornellLarcker(): ${k} names but ${ave.length} AVE values and a ${corr.length}×${corr[0]?.length ?? 0} correlation matrix.`, {
      hint: "Give one AVE and one row/column of the correlation matrix per construct, in the same order as names.",
      code: "measurement.dimension-mismatch",
    });
  ave.forEach((a, i) => {
    if (!(a >= 0 && a <= 1)) throw new PathlabError(`AVE of "${names[i]}" is ${a}; it must lie between 0 and 1.`, { code: "measurement.bad-ave" });
  });
  const passed = names.map((_, i) => {
    let m = 0;
    for (let j = 0; j < k; j++) if (j !== i) m = Math.max(m, Math.abs(corr[i][j]));
    return Math.sqrt(ave[i]) > m;
  });
  const res = new FornellLarckerResult([...names], corr, ave, passed);
  const bad = names.filter((_, i) => !passed[i]);
  if (bad.length) res.warnings.push({ code: "fornell-larcker", message: `√AVE does not exceed all correlations for: ${bad.join(", ")}.` });
  return res;
}

export interface ReliabilityRow {
  construct: string;
  items: number;
  alpha: number;
  cr: number;
  ave: number;
  sqrtAve: number;
}

/** The measurement table papers print: per construct k, Cronbach's α, CR, AVE and √AVE. */
export class ReliabilityTable extends Result {
  constructor(
    readonly rows: ReliabilityRow[],
    readonly n: number,
  ) {
    super();
  }

  /** AVE by construct (e.g. for fornellLarcker or a correlation table's diagonal via sqrtAve). */
  get ave(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.rows) out[r.construct] = r.ave;
    return out;
  }

  /** √AVE by construct, ready for `correlationTable(…, { diagonal })`. */
  get sqrtAve(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.rows) out[r.construct] = r.sqrtAve;
    return out;
  }

  title(): string {
    return "Reliability and convergent validity";
  }

  tables(): TableSpec[] {
    return [
      {
        columns: [
          { key: "construct", label: "Construct", format: "text" },
          { key: "items", label: "Items", format: "int" },
          { key: "alpha", label: "α" },
          { key: "cr", label: "CR" },
          { key: "ave", label: "AVE" },
          { key: "sqrtAve", label: "√AVE" },
        ],
        rows: this.rows as unknown as Record<string, unknown>[],
        notes: [
          'α as psych::alpha (pairwise covariances unless use: "complete"); CR = (Σλ)²/((Σλ)² + Σ(1 − λ²)); AVE = Σλ²/k with standardised loadings λ (Fornell & Larcker, 1981). semTools\' AVE (Σλ²φ/Σ observed variances) differs: see AVE()/compRelSEM(). Common cut-offs: α, CR ≥ .70; AVE ≥ .50.',
        ],
      },
    ];
  }
}

/**
 * α (from the data), CR and AVE (from the standardised loadings, e.g. a CFA's std.all) for each
 * construct. `constructs` maps construct → items; `loadings` maps construct → loadings in item order.
 *
 * @example
 * reliabilityTable(df, { trust: ["tr1", "tr2", "tr3"] }, { trust: [0.82, 0.79, 0.85] })   // α, CR, AVE, √AVE
 */
export function reliabilityTable(
  data: TableInput,
  constructs: Record<string, string[]>,
  loadings: Record<string, number[]>,
  options: { missing?: number[]; use?: "pairwise" | "complete" } = {},
): ReliabilityTable {
  const opts = checkOptions<{ missing?: number[]; use?: "pairwise" | "complete" }>("reliabilityTable", options, {
    missing: {
      kind: "custom",
      check: (v) => (Array.isArray(v) && v.every((x) => typeof x === "number") ? undefined : "must be an array of numbers"),
      expected: "an array of missing-value codes such as [99, -9]",
    },
    use: { kind: "enum", values: ["pairwise", "complete"], valueAliases: { "pairwise.complete.obs": "pairwise", "complete.obs": "complete" } },
  });
  if (constructs === null || typeof constructs !== "object" || Array.isArray(constructs))
    throw new PathlabError("reliabilityTable(): constructs must be an object mapping each construct to its items.", { code: "measurement.bad-constructs" });
  if (loadings === null || typeof loadings !== "object" || Array.isArray(loadings))
    throw new PathlabError("reliabilityTable(): loadings must be an object mapping each construct to its standardised loadings.", {
      code: "measurement.bad-loading",
    });
  for (const c of Object.keys(loadings))
    if (!(c in constructs))
      throw new PathlabError(`reliabilityTable(): loadings name "${c}", which is not one of the constructs (${Object.keys(constructs).join(", ")}).`, {
        code: "measurement.unknown-construct",
      });
  let n = 0;
  const heywood: string[] = [];
  const rows = Object.keys(constructs).map((c) => {
    const items = constructs[c];
    const l = loadings[c];
    if (!l)
      throw new PathlabError(`No loadings given for construct "${c}".`, {
        hint: `loadings needs a key "${c}" with ${items.length} values.`,
        code: "measurement.missing-loadings",
      });
    if (l.length !== items.length)
      throw new PathlabError(`Construct "${c}" has ${items.length} items but ${l.length} loadings.`, { code: "measurement.dimension-mismatch" });
    const alpha = items.length >= 2 ? cronbachAlpha(data, items, opts) : undefined;
    if (alpha) n = Math.max(n, alpha.n);
    const ave = averageVarianceExtracted(l);
    for (const it of heywoodItems(l, items)) heywood.push(`${it} on ${c} (${l[items.indexOf(it)].toFixed(3)})`);
    return { construct: c, items: items.length, alpha: alpha ? alpha.alpha : NaN, cr: compositeReliability(l), ave, sqrtAve: Math.sqrt(ave) };
  });
  const res = new ReliabilityTable(rows, n);
  if (heywood.length)
    res.warnings.push({
      code: "measurement.heywood",
      message: `Standardised loading(s) above 1 (Heywood case: negative error variance): ${heywood.join(", ")}. CR and AVE are the Fornell–Larcker formulas' values, as semTools computes them, but the solution is improper: respecify or report with caution.`,
    });
  return res;
}
