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
  /** CR/AVE of one factor by name. */
  get(factor: string): FactorReliability {
    const f = this.factors.find((x) => x.factor === factor);
    if (!f) throw new PathlabError(`No factor "${factor}" in this model.`, { hint: `Factors: ${this.factors.map((x) => x.factor).join(", ")}.`, code: "sem.unknown-factor" });
    return f;
  }
  title(): string {
    return "Convergent validity: composite reliability (CR) and average variance extracted (AVE)";
  }
  tables(): TableSpec[] {
    return [
      {
        columns: [
          { key: "factor", label: "Factor", format: "text" },
          { key: "k", label: "Items", format: "int" },
          { key: "minL", label: "Min λ", digits: 3 },
          { key: "maxL", label: "Max λ", digits: 3 },
          { key: "cr", label: "CR", digits: 3 },
          { key: "ave", label: "AVE", digits: 3 },
          { key: "sqrtAve", label: "√AVE", digits: 3 },
        ],
        rows: this.factors.map((f) => ({ factor: f.factor, k: f.items.length, minL: Math.min(...f.loadings), maxL: Math.max(...f.loadings), cr: f.cr, ave: f.ave, sqrtAve: f.sqrtAve })),
        notes: ["λ: standardised (std.all) loadings; CR = (Σλ)²/((Σλ)² + Σ(1 − λ²)); AVE = Σλ²/k (Fornell & Larcker, 1981). Cut-offs often cited: CR ≥ .70, AVE ≥ .50."],
      },
    ];
  }
}

/** Factors measured by observed indicators, with their std.all loadings. */
function measuredFactors(fit: SemFit): { factor: string; items: string[]; loadings: number[] }[] {
  const std = fit.standardizedSolution({ type: "std.all" }).rows as StandardizedRow[];
  const out: { factor: string; items: string[]; loadings: number[] }[] = [];
  for (const f of fit.lv) {
    const rows = std.filter((r) => r.op === "=~" && r.lhs === f && fit.ov.includes(r.rhs));
    if (rows.length) out.push({ factor: f, items: rows.map((r) => r.rhs), loadings: rows.map((r) => r.est_std) });
  }
  if (!out.length) throw new PathlabError("The model has no factor measured by observed indicators.", { code: "sem.no-factors" });
  return out;
}

export function semReliability(fit: SemFit): SemReliability {
  return new SemReliability(
    measuredFactors(fit).map(({ factor, items, loadings }) => {
      for (let i = 0; i < loadings.length; i++)
        if (Math.abs(loadings[i]) > 1)
          throw new PathlabError(`The standardised loading of "${items[i]}" on "${factor}" is ${loadings[i].toFixed(3)} (> 1): a Heywood case.`, {
            hint: "CR and AVE are undefined for an improper solution; respecify the model.",
            code: "sem.heywood",
          });
      const ave = averageVarianceExtracted(loadings);
      return { factor, items, loadings, cr: compositeReliability(loadings), ave, sqrtAve: Math.sqrt(ave) };
    }),
  );
}

/** Model-implied correlations among the measured factors. */
export function factorCorrelations(fit: SemFit, factors: string[]): number[][] {
  const st = fit.state;
  // Total latent covariances via the implied moments of all variables (includes structural paths).
  const { engine, structure } = st;
  const m = engine.spec.m;
  const idx = factors.map((f) => structure.names.indexOf(f));
  const { B, S } = engine;
  const BS = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
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

export function semFornellLarcker(fit: SemFit): FornellLarckerResult {
  const rel = semReliability(fit);
  const names = rel.factors.map((f) => f.factor);
  return fornellLarcker(factorCorrelations(fit, names), rel.factors.map((f) => f.ave), names);
}

export function semHtmt(fit: SemFit, opts: { htmt2?: boolean } = {}): HtmtResult {
  const factors = measuredFactors(fit);
  const constructs: Record<string, string[]> = {};
  for (const f of factors) constructs[f.factor] = f.items;
  const s = fit.state.sample;
  const p = s.names.length;
  const cov = Array.from({ length: p }, (_, i) => Array.from(s.covUnbiased.subarray(i * p, i * p + p)));
  return htmt({ cov, names: s.names }, constructs, { htmt2: opts.htmt2 });
}
