/**
 * Reliability and validity from a fitted CFA, as papers report them: composite reliability and AVE
 * per factor from the standardised (std.all) loadings, the Fornell–Larcker table from the
 * model-implied factor correlations, and HTMT from the observed covariances of each factor's
 * indicators. The formulas live in src/measurement; this module only feeds them from the fit.
 */
import { PathlabError } from "../errors";
import { Result, type TableSpec } from "../display";
import { averageVarianceExtracted, compositeReliability, fornellLarcker, type FornellLarckerResult } from "../measurement/reliability";
import { htmt, type HtmtResult } from "../measurement/htmt";
import type { SemFit } from "./fit";
import type { StandardizedRow } from "./results";

export interface FactorReliability {
  factor: string;
  /** The group's label (multiple-group fits). */
  group?: string;
  items: string[];
  loadings: number[];
  cr: number;
  ave: number;
  sqrtAve: number;
}

/** CR and AVE per factor of a fitted CFA. */
export class SemReliability extends Result {
  constructor(readonly factors: FactorReliability[]) {
    super();
  }
  /** CR/AVE of one factor by name (and group label in a multiple-group fit; default the first group). */
  get(factor: string, group?: string): FactorReliability {
    const f = this.factors.find((x) => x.factor === factor && (group === undefined || x.group === group));
    if (!f)
      throw new PathlabError(`No factor "${factor}"${group === undefined ? "" : ` in group "${group}"`} in this model.`, {
        hint: `Factors: ${Array.from(new Set(this.factors.map((x) => x.factor))).join(", ")}${this.factors.some((x) => x.group !== undefined) ? `; groups: ${Array.from(new Set(this.factors.map((x) => x.group))).join(", ")}` : ""}.`,
        code: "sem.unknown-factor",
      });
    return f;
  }
  title(): string {
    return "Convergent validity: composite reliability (CR) and average variance extracted (AVE)";
  }
  tables(): TableSpec[] {
    const grouped = this.factors.some((f) => f.group !== undefined);
    return [
      {
        columns: [
          ...(grouped ? [{ key: "group", label: "Group", format: "text" as const }] : []),
          { key: "factor", label: "Factor", format: "text" },
          { key: "k", label: "Items", format: "int" },
          { key: "minL", label: "Min λ", digits: 3 },
          { key: "maxL", label: "Max λ", digits: 3 },
          { key: "cr", label: "CR", digits: 3 },
          { key: "ave", label: "AVE", digits: 3 },
          { key: "sqrtAve", label: "√AVE", digits: 3 },
        ],
        rows: this.factors.map((f) => ({
          group: f.group,
          factor: f.factor,
          k: f.items.length,
          minL: Math.min(...f.loadings),
          maxL: Math.max(...f.loadings),
          cr: f.cr,
          ave: f.ave,
          sqrtAve: f.sqrtAve,
        })),
        notes: [
          "λ: standardised (std.all) loadings; CR = (Σλ)²/((Σλ)² + Σ(1 − λ²)); AVE = Σλ²/k (Fornell & Larcker, 1981). Cut-offs often cited: CR ≥ .70, AVE ≥ .50.",
        ],
      },
    ];
  }
}

/** Factors measured by observed indicators, with their std.all loadings (in group g, 1-based). */
function measuredFactors(fit: SemFit, g = 1): { factor: string; items: string[]; loadings: number[] }[] {
  const std = fit.standardizedSolution({ type: "std.all" }).rows as StandardizedRow[];
  const out: { factor: string; items: string[]; loadings: number[] }[] = [];
  for (const f of fit.lv) {
    const rows = std.filter((r) => r.op === "=~" && r.group === g && r.lhs === f && fit.ov.includes(r.rhs));
    if (rows.length) out.push({ factor: f, items: rows.map((r) => r.rhs), loadings: rows.map((r) => r.est_std) });
  }
  if (!out.length) throw new PathlabError("The model has no factor measured by observed indicators.", { code: "sem.no-factors" });
  return out;
}

/**
 * CR and AVE per factor; in a multiple-group fit per group (all groups, or the groups listed). A
 * standardised loading above 1 (a Heywood case) does not stop the computation — semTools and the
 * Fornell–Larcker formulas compute it, the item's 1 − λ² being negative — but the result carries a
 * warning that the solution is improper.
 */
export function semReliability(fit: SemFit, groups: number[] = [1]): SemReliability {
  const multi = fit.ngroups > 1;
  const heywood: string[] = [];
  const out = new SemReliability(
    groups.flatMap((g) =>
      measuredFactors(fit, g).map(({ factor, items, loadings }) => {
        const where = multi ? ` in group "${fit.groupLabels[g - 1]}"` : "";
        const over = loadings.map((l, i) => (Math.abs(l) > 1 ? i : -1)).filter((i) => i >= 0);
        for (const i of over) heywood.push(`"${items[i]}" on "${factor}"${where} (${loadings[i].toFixed(3)})`);
        const { cr, ave } = over.length ? heywoodReliability(loadings) : { cr: compositeReliability(loadings), ave: averageVarianceExtracted(loadings) };
        return { factor, ...(multi ? { group: fit.groupLabels[g - 1] } : {}), items, loadings, cr, ave, sqrtAve: Math.sqrt(ave) };
      }),
    ),
  );
  if (heywood.length)
    out.warnings.push({
      code: "sem.heywood",
      message: `Standardised loading${heywood.length > 1 ? "s" : ""} above 1 (a Heywood case, an improper solution): ${heywood.join(", ")}. CR and AVE are computed as semTools does (1 − λ² is negative for ${heywood.length > 1 ? "these items" : "this item"}) but describe an improper solution; respecify the model before reporting them.`,
    });
  return out;
}

/** CR = (Σλ)²/((Σλ)² + Σ(1 − λ²)) and AVE = Σλ²/k with some |λ| > 1 (compositeReliability refuses those). */
function heywoodReliability(loadings: number[]): { cr: number; ave: number } {
  let sum = 0;
  let sq = 0;
  for (const l of loadings) {
    sum += l;
    sq += l * l;
  }
  return { cr: (sum * sum) / (sum * sum + (loadings.length - sq)), ave: sq / loadings.length };
}

/** Model-implied correlations among the measured factors (in group g, 1-based). */
export function factorCorrelations(fit: SemFit, factors: string[], g = 1): number[][] {
  // Total latent covariances via the implied moments of all variables (includes structural paths).
  const { engine, structure } = fit.state.groups[g - 1];
  const m = engine.spec.m;
  const idx = factors.map((f) => structure.names.indexOf(f));
  const { B, S } = engine;
  const BS = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += B[i * m + k] * S[k * m + j];
      BS[i * m + j] = s;
    }
  const C = (a: number, b: number) => {
    let s = 0;
    for (let k = 0; k < m; k++) s += BS[a * m + k] * B[b * m + k];
    return s;
  };
  return idx.map((a) => idx.map((b) => C(a, b) / Math.sqrt(C(a, a) * C(b, b))));
}

export function semFornellLarcker(fit: SemFit, g = 1): FornellLarckerResult {
  const rel = semReliability(fit, [g]);
  const names = rel.factors.map((f) => f.factor);
  return fornellLarcker(
    factorCorrelations(fit, names, g),
    rel.factors.map((f) => f.ave),
    names,
  );
}

/** HTMT from the sample covariances of group g (1-based; FIML: the EM estimates). */
export function semHtmt(fit: SemFit, opts: { htmt2?: boolean } = {}, g = 1): HtmtResult {
  const factors = measuredFactors(fit, g);
  const constructs: Record<string, string[]> = {};
  for (const f of factors) constructs[f.factor] = f.items;
  const s = fit.state.groups[g - 1].sample;
  const p = s.names.length;
  const cov = Array.from({ length: p }, (_, i) => Array.from(s.covUnbiased.subarray(i * p, i * p + p)));
  return htmt({ cov, names: s.names }, constructs, { htmt2: opts.htmt2 });
}
