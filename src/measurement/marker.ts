/**
 * Lindell & Whitney (2001, "Accounting for common method variance in cross-sectional research
 * designs", JAP 86(1)) marker-variable adjustment: a theoretically unrelated marker's correlation
 * r_M estimates common method variance, and each correlation is adjusted as
 *
 *   r_adj = (r − r_M) / (1 − r_M),   t = r_adj / √((1 − r_adj²) / (n − 3)),   df = n − 3
 *
 * (one df is lost to estimating r_M). The two-sided p uses the t distribution on n − 3 df.
 */
import { PathlabError } from "../errors";
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import { twoSidedP } from "../math";

export interface MarkerRow {
  name: string;
  r: number;
  rAdj: number;
  t: number;
  df: number;
  p: number;
}

/** Marker-variable adjusted correlations (Lindell & Whitney 2001) with their t tests. */
export class MarkerResult extends Result {
  constructor(
    readonly rows: MarkerRow[],
    readonly rMarker: number,
    readonly n: number,
  ) {
    super();
  }

  /** The adjusted correlation (of the single or named correlation). */
  rAdj(name?: string): number {
    const row = name === undefined ? this.rows[0] : this.rows.find((r) => r.name === name);
    if (!row) throw new PathlabError(`No correlation named "${name}".`, { code: "measurement.unknown-variable" });
    return row.rAdj;
  }

  title(): string {
    return "Marker-variable adjustment (Lindell & Whitney, 2001)";
  }

  info(): string[] {
    return [`r_M = ${this.rMarker.toFixed(3)}, N = ${this.n}`];
  }

  tables(): TableSpec[] {
    return [
      {
        columns: [
          { key: "name", label: "Correlation", format: "text" },
          { key: "r", label: "r" },
          { key: "rAdj", label: "r (adjusted)", starsFrom: "p" },
          { key: "t", label: "t", digits: 2 },
          { key: "df", label: "df", format: "int" },
          { key: "p", label: "p", format: "p" },
        ],
        rows: this.rows as unknown as Record<string, unknown>[],
        notes: ["r_adj = (r − r_M)/(1 − r_M); t = r_adj/√((1 − r_adj²)/(n − 3)), df = n − 3."],
      },
    ];
  }
}

/**
 * Marker-variable adjustment of one correlation or several (an object of named correlations) by
 * the marker correlation r_M, with the t test of each adjusted correlation on n − 3 df.
 *
 * @example
 * markerVariableAdjustment({ "trust–perf": 0.41 }, 0.08, 250)   // Lindell & Whitney (2001)
 */
export function markerVariableAdjustment(r: number | Record<string, number>, rMarker: number, n: number): MarkerResult {
  if (!(Number.isFinite(rMarker) && rMarker > -1 && rMarker < 1))
    throw new PathlabError(`Marker correlation r_M = ${rMarker} must lie strictly between −1 and 1.`, { code: "measurement.bad-correlation" });
  if (!(Number.isInteger(n) && n > 3)) throw new PathlabError(`n = ${n}: the marker test needs an integer sample size above 3.`, { code: "measurement.bad-n" });
  if (typeof r !== "number" && (r === null || typeof r !== "object" || Array.isArray(r)))
    throw new PathlabError("markerVariableAdjustment(): r must be a correlation or an object of named correlations.", {
      hint: "e.g. markerVariableAdjustment({ trust_sat: 0.45 }, 0.12, 250)",
      code: "measurement.bad-correlation",
    });
  const entries = typeof r === "number" ? [["r", r] as [string, number]] : Object.entries(r);
  if (entries.length === 0) throw new PathlabError("markerVariableAdjustment(): no correlations given.", { code: "measurement.no-correlations" });
  const df = n - 3;
  const rows = entries.map(([name, rv]) => {
    if (!(Number.isFinite(rv) && rv >= -1 && rv <= 1))
      throw new PathlabError(`Correlation "${name}" = ${rv} is not between −1 and 1.`, { code: "measurement.bad-correlation" });
    const rAdj = (rv - rMarker) / (1 - rMarker);
    if (Math.abs(rAdj) > 1)
      throw new PathlabError(`Adjusted correlation "${name}" = ${rAdj.toFixed(3)} falls outside [−1, 1]: r_M = ${rMarker} is too large for r = ${rv}.`, {
        hint: "The marker should be a variable theoretically unrelated to the constructs (a small r_M).",
        code: "measurement.bad-correlation",
      });
    const t = rAdj / Math.sqrt((1 - rAdj * rAdj) / df);
    const p = Math.abs(rAdj) >= 1 ? 0 : twoSidedP(t, df);
    return { name, r: rv, rAdj, t, df, p };
  });
  return new MarkerResult(rows, rMarker, n);
}
