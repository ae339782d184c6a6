/**
 * Published versus reproduced: one row per published number, with the reproduced value, the
 * difference and a status judged against the digits the paper printed.
 *
 * Statuses
 * - **reproduced**: |reproduced − published| ≤ half a unit in the last printed digit (a printed 0.20
 *   stands for [0.195, 0.205]); for a printed bound ("< .001", "> .10") the reproduced value lies
 *   on the stated side of the bound.
 * - **close**: not reproduced, but |reproduced − published| ≤ max(`units` units in the last printed
 *   digit, `relative` × |published|). Default rule: 2 units or 5 % relative, whichever is larger
 *   (0.02 for a coefficient printed as 0.26; 0.19 for a t of 3.76). Two units of the last digit is
 *   the error that rounding of the correlations/SDs a reproduction starts from typically propagates
 *   into a coefficient; 5 % relative covers statistics that scale with their size (t, F, χ²). For a
 *   bound, "close" means within the same margin of the bound on the wrong side.
 * - **differs**: anything else.
 * - **not reproducible**: the notebook states why (needs raw data, needs unpublished item
 *   covariances, …) instead of forcing a number. A published number with no entry at all in
 *   `reproduced` is also listed as not reproducible ("not computed") and raises a warning.
 */
import { PathlabError } from "../errors";
import { checkOptions } from "../options";
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import { escapeHtml, formatNumber } from "../display/format";
import type { PublishedNumber } from "../papers/types";

export type CompareStatus = "reproduced" | "close" | "differs" | "not reproducible";

export const COMPARE_STATUSES: CompareStatus[] = ["reproduced", "close", "differs", "not reproducible"];

/** A reproduced value, or the reason it cannot be reproduced. */
export type Reproduced = number | { notReproducible: string };

/** The "close" rule: within `units` units of the last printed digit or `relative` × |published|. */
export interface CompareRule {
  units?: number;
  relative?: number;
}

export const DEFAULT_RULE: Required<CompareRule> = { units: 2, relative: 0.05 };

export interface ComparisonRow {
  id: string;
  label: string;
  source: string;
  /** As printed, e.g. "0.87" or "< .001". */
  published: string;
  publishedValue: number;
  digits: number;
  bound?: "<" | ">";
  reproduced: number | null;
  /** reproduced − published value (null when not reproducible). */
  difference: number | null;
  status: CompareStatus;
  /** Why it is not reproducible, when it is not. */
  reason?: string;
  hypothesis?: string;
  note?: string;
}

export interface CompareOptions {
  rule?: CompareRule;
  title?: string;
}

/** Status of one reproduced value against one published number (see the module comment). */
export function compareStatus(published: PublishedNumber, reproduced: number, rule: CompareRule = {}): CompareStatus {
  checkOptions("compareStatus", rule, { units: { kind: "number" }, relative: { kind: "number" } });
  const units = rule.units ?? DEFAULT_RULE.units;
  const relative = rule.relative ?? DEFAULT_RULE.relative;
  const unit = 10 ** -published.digits;
  // A hair of slack so that decimal values on the exact rounding boundary (0.125 vs 0.12) count.
  const eps = 1e-9 * Math.max(1, Math.abs(published.value));
  const margin = Math.max(units * unit, relative * Math.abs(published.value));
  if (published.bound === "<") {
    if (reproduced < published.value) return "reproduced";
    return reproduced - published.value <= margin + eps ? "close" : "differs";
  }
  if (published.bound === ">") {
    if (reproduced > published.value) return "reproduced";
    return published.value - reproduced <= margin + eps ? "close" : "differs";
  }
  const d = Math.abs(reproduced - published.value);
  if (d <= 0.5 * unit + eps) return "reproduced";
  if (d <= margin + eps) return "close";
  return "differs";
}

const STATUS_STYLE: Record<CompareStatus, string> = {
  reproduced: "background:#d4edda;color:#155724",
  close: "background:#fff3cd;color:#856404",
  differs: "background:#f8d7da;color:#721c24",
  "not reproducible": "background:#e2e3e5;color:#383d41",
};

function statusClass(s: CompareStatus): string {
  return "pathlab-status-" + s.replace(/\s+/g, "-");
}

/** A published-versus-reproduced table. */
export class ComparisonResult extends Result {
  readonly counts: Record<CompareStatus, number>;
  readonly total: number;

  constructor(
    readonly rows: ComparisonRow[],
    readonly rule: Required<CompareRule>,
    readonly heading = "Published versus reproduced",
  ) {
    super();
    const counts = { reproduced: 0, close: 0, differs: 0, "not reproducible": 0 } as Record<CompareStatus, number>;
    for (const r of rows) counts[r.status]++;
    this.counts = counts;
    this.total = rows.length;
  }

  title(): string {
    return this.heading;
  }

  /** The rule in words (also printed as the table note). */
  ruleText(): string {
    return (
      `reproduced: within half a unit of the last printed digit (bounds: on the stated side); ` +
      `close: within ${this.rule.units} units of the last printed digit or ${Math.round(this.rule.relative * 100)}% of the published value, whichever is larger; ` +
      `differs: otherwise; not reproducible: reason given.`
    );
  }

  info(): string[] {
    const c = this.counts;
    return [
      `${this.total} published numbers: ${c.reproduced} reproduced, ${c.close} close, ${c.differs} differ, ${c["not reproducible"]} not reproducible`,
    ];
  }

  /** Rows with a given status. */
  byStatus(status: CompareStatus): ComparisonRow[] {
    return this.rows.filter((r) => r.status === status);
  }

  tables(): TableSpec[] {
    return [
      {
        title: this.heading,
        columns: [
          { key: "label", label: "Number", format: "text" },
          { key: "source", label: "Source", format: "text" },
          { key: "published", label: "Published", format: "text" },
          { key: "reproduced", label: "Reproduced", format: "text" },
          { key: "difference", label: "Difference", format: "text" },
          { key: "status", label: "Status", format: "text" },
          { key: "note", label: "Note", format: "text" },
        ],
        rows: this.rows.map((r) => ({
          label: r.label,
          source: r.source,
          published: r.published,
          reproduced: r.reproduced === null ? "—" : formatNumber(r.reproduced, r.digits + 1),
          difference: r.difference === null ? "" : formatNumber(r.difference, r.digits + 1),
          status: { text: r.status, className: statusClass(r.status) },
          note: r.reason ?? r.note ?? "",
        })),
        notes: [`Rule — ${this.ruleText()}`],
      },
    ];
  }

  /** HTML with the status cells coloured inline (so the colours survive sanitising renderers). */
  toHTML(): string {
    let html = super.toHTML();
    for (const s of COMPARE_STATUSES) {
      const cls = statusClass(s);
      html = html.split(`class="${cls}" style="`).join(`class="${cls}" style="${STATUS_STYLE[s]};`);
    }
    const legend = COMPARE_STATUSES.map(
      (s) => `<span class="${statusClass(s)}" style="${STATUS_STYLE[s]};padding:1px 6px;margin-right:6px">${escapeHtml(s)}: ${this.counts[s]}</span>`,
    ).join("");
    return html.replace('<div class="pathlab-result">', `<div class="pathlab-result pathlab-compare"><div style="margin:4px 0">${legend}</div>`);
  }

  /** Plain data for the replication summary (`npm run replicate`). */
  toJSON(): {
    title: string;
    rule: Required<CompareRule>;
    total: number;
    counts: Record<CompareStatus, number>;
    rows: ComparisonRow[];
  } {
    return { title: this.heading, rule: this.rule, total: this.total, counts: { ...this.counts }, rows: this.rows.map((r) => ({ ...r })) };
  }
}

/**
 * Compares published numbers with reproduced values. `reproduced` maps a published number's id to
 * the value computed in the notebook, or to `{ notReproducible: reason }`.
 */
export function compare(
  published: PublishedNumber[],
  reproduced: Record<string, Reproduced>,
  options: CompareOptions = {},
): ComparisonResult {
  options = checkOptions<CompareOptions>("compare", options, {
    rule: { kind: "custom", check: (v) => (v !== null && typeof v === "object" && !Array.isArray(v) ? undefined : "must be an object { units, relative }"), expected: "{ units: 2, relative: 0.05 }" },
    title: { kind: "string" },
  });
  if (options.rule) checkOptions("compare", options.rule, { units: { kind: "number" }, relative: { kind: "number" } });
  if (!Array.isArray(published)) throw new PathlabError("compare(): `published` must be an array of published numbers.", { code: "replicate.entry" });
  if (reproduced === null || typeof reproduced !== "object" || Array.isArray(reproduced)) {
    throw new PathlabError("compare(): `reproduced` must be an object mapping published ids to values.", { hint: "e.g. { h1_beta: 0.21, h2_p: { notReproducible: 'needs raw data' } }", code: "replicate.entry" });
  }
  const rule = { units: options.rule?.units ?? DEFAULT_RULE.units, relative: options.rule?.relative ?? DEFAULT_RULE.relative };
  if (!(rule.units >= 0.5) || !(rule.relative >= 0)) {
    throw new PathlabError(`compare(): rule { units: ${rule.units}, relative: ${rule.relative} } is not a valid 'close' rule`, {
      hint: "units must be ≥ 0.5 (half a unit is already 'reproduced') and relative ≥ 0",
      code: "replicate.rule",
    });
  }
  const known = new Set(published.map((p) => p.id));
  const unknown = Object.keys(reproduced).filter((k) => !known.has(k));
  const seen = new Set<string>();
  const rows: ComparisonRow[] = [];
  let missing = 0;
  for (const p of published) {
    if (seen.has(p.id)) {
      throw new PathlabError(`compare(): published number "${p.id}" is listed twice`, { hint: "pass each published number once", code: "replicate.duplicate" });
    }
    seen.add(p.id);
    const row: ComparisonRow = {
      id: p.id,
      label: p.label,
      source: p.source,
      published: p.printed,
      publishedValue: p.value,
      digits: p.digits,
      reproduced: null,
      difference: null,
      status: "not reproducible",
    };
    if (p.bound) row.bound = p.bound;
    if (p.hypothesis) row.hypothesis = p.hypothesis;
    if (p.note) row.note = p.note;
    const r = reproduced[p.id];
    if (r === undefined) {
      row.reason = "not computed";
      missing++;
    } else if (typeof r === "number") {
      if (!Number.isFinite(r)) {
        throw new PathlabError(`compare(): the reproduced value for "${p.id}" (${p.label}) is ${r}`, {
          hint: "pass a finite number, or { notReproducible: 'reason' } when it cannot be computed",
          code: "replicate.nonfinite",
        });
      }
      row.reproduced = r;
      row.difference = r - p.value;
      row.status = compareStatus(p, r, rule);
    } else if (r && typeof r === "object" && typeof r.notReproducible === "string") {
      row.reason = r.notReproducible;
    } else {
      throw new PathlabError(`compare(): the reproduced entry for "${p.id}" is neither a number nor { notReproducible: string }`, {
        code: "replicate.entry",
      });
    }
    rows.push(row);
  }
  const result = new ComparisonResult(rows, rule, options.title);
  if (missing > 0) {
    result.warnings.push({
      code: "replicate.missing",
      message: `${missing} published number(s) have no reproduced value and are listed as not reproducible ("not computed")`,
    });
  }
  if (unknown.length > 0) {
    result.warnings.push({
      code: "replicate.unknown",
      message: `reproduced values for unknown ids ignored: ${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? ", …" : ""}`,
    });
  }
  return result;
}
