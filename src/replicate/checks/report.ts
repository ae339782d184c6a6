/**
 * Consistency checks of published statistics against each other, in the spirit of statcheck
 * (Epskamp & Nuijten) and GRIM (Brown & Heathers, 2017): the report type and the interval helpers
 * every check shares.
 *
 * Every check allows for the rounding of its inputs: a printed 2.01 stands for [2.005, 2.015], and
 * a recomputation is flagged only when NO combination of inputs inside their rounding intervals
 * reproduces the printed result (monotone formulas are evaluated at the interval corners). The
 * "recomputed" column shows the point value from the printed inputs; the note says when the point
 * value differs but rounding can explain it.
 */
import { Result } from "../../display/result";
import type { TableSpec } from "../../display/table";
import { formatNumber } from "../../display/format";
import { roundingInterval } from "../attainable";

export type ConsistencyVerdict = "ok" | "flag";

/** One consistency check of a paper: what was checked, where, the published and recomputed values, and the verdict. */
export interface ConsistencyRow {
  check: string;
  /** Table and cell (or section) the published value comes from. */
  source: string;
  published: string;
  recomputed: string;
  verdict: ConsistencyVerdict;
  note: string;
  /** Id of the published number checked, when there is one. */
  id?: string;
}

/** A list of consistency checks with counts of ok and flagged. */
export class ConsistencyReport extends Result {
  readonly counts: { ok: number; flag: number };
  constructor(
    readonly rows: ConsistencyRow[],
    readonly heading = "Consistency of the published statistics",
    readonly infoLines: string[] = [],
  ) {
    super();
    this.counts = { ok: rows.filter((r) => r.verdict === "ok").length, flag: rows.filter((r) => r.verdict === "flag").length };
  }
  title(): string {
    return this.heading;
  }
  info(): string[] {
    return [`${this.rows.length} checks: ${this.counts.ok} ok, ${this.counts.flag} flagged`, ...this.infoLines];
  }
  /** Flagged rows only. */
  flags(): ConsistencyRow[] {
    return this.rows.filter((r) => r.verdict === "flag");
  }
  tables(): TableSpec[] {
    return [
      {
        title: this.heading,
        columns: [
          { key: "check", label: "Check", format: "text" },
          { key: "source", label: "Source", format: "text" },
          { key: "published", label: "Published", format: "text" },
          { key: "recomputed", label: "Recomputed", format: "text" },
          { key: "verdict", label: "Verdict", format: "text" },
          { key: "note", label: "Note", format: "text" },
        ],
        rows: this.rows.map((r) => ({
          ...r,
          verdict: { text: r.verdict, className: r.verdict === "flag" ? "pathlab-status-differs" : "pathlab-status-reproduced" },
        })),
        notes: [
          "Verdicts allow for the rounding of every printed input; 'flag' means no values consistent with the printed digits reproduce the printed result.",
        ],
      },
    ];
  }
  toHTML(): string {
    return super
      .toHTML()
      .split('class="pathlab-status-differs" style="')
      .join('class="pathlab-status-differs" style="background:#f8d7da;color:#721c24;')
      .split('class="pathlab-status-reproduced" style="')
      .join('class="pathlab-status-reproduced" style="background:#d4edda;color:#155724;');
  }
  toJSON(): { title: string; counts: { ok: number; flag: number }; rows: ConsistencyRow[] } {
    return { title: this.heading, counts: { ...this.counts }, rows: this.rows.map((r) => ({ ...r })) };
  }
}

// ---------------------------------------------------------------------------------------------
// Intervals

export { roundingInterval };

/** The interval a printed number stands for: its rounding interval, or the half-line of a bound. */
export function iv(n: { value: number; digits: number; bound?: "<" | ">" }): [number, number] {
  if (n.bound === "<") return [-Infinity, n.value];
  if (n.bound === ">") return [n.value, Infinity];
  return roundingInterval(n.value, n.digits);
}

/** Whether two intervals overlap (with a hair of slack for decimal ties). */
export function overlaps(a: [number, number], b: [number, number], slack = 1e-12): boolean {
  return a[0] <= b[1] + slack && b[0] <= a[1] + slack;
}

/** Range of a function monotone in each argument over the box of argument intervals. */
export function cornerRange(f: (...x: number[]) => number, boxes: [number, number][]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const k = boxes.length;
  for (let mask = 0; mask < 1 << k; mask++) {
    const args = boxes.map((b, i) => ((mask >> i) & 1 ? b[1] : b[0]));
    const v = f(...args);
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  return [lo, hi];
}

export const fmt = (x: number, d = 3) => formatNumber(x, d);
export const fmtRange = (r: [number, number], d = 3) => `[${fmt(r[0], d)}, ${fmt(r[1], d)}]`;
export const fmtP = (p: number) => (p < 0.0001 ? p.toExponential(1) : p.toFixed(4));
