/**
 * Published versus reproduced: one row per published number, with the value the published inputs
 * determine, the interval their rounding allows, the value on the simulated data, and one of five
 * statuses. The rules are written once here (and in docs/replication.md):
 *
 * - **reproduced** — the published value, read as the interval its printed digits stand for (0.20 is
 *   [0.195, 0.205]; "< .01" is (−∞, .01)), overlaps the *attainable interval* of a number the
 *   published inputs determine (`derived`), or the *Monte Carlo interval* of a number only simulated
 *   data can give (`monteCarlo`). Significance therefore counts by side of the paper's threshold:
 *   "p < .01" is reproduced exactly when some admissible input gives p < .01.
 * - **differs** — no overlap. Each differing row carries a reason class: `inconsistency` (the paper
 *   contradicts its own published inputs under the specification it states), `unstated
 *   specification` (the paper does not state the specification and the one used here, named in the
 *   row, is the replicator's choice), or `simulation limit` (the number comes from simulated data
 *   and the simulation cannot carry what it would need). Unless the notebook says otherwise, a
 *   number a consistency check of the paper flags is an inconsistency; otherwise a derived number
 *   that differs is an inconsistency under a stated specification and an unstated specification
 *   otherwise, and a Monte Carlo number that differs is a simulation limit.
 * - **by construction** — the value was an input to the simulation (a planted interaction, the
 *   slopes it was calibrated to, a filled-in correlation): shown, never counted as a reproduction.
 * - **bounded** — only an interval can be given (a fit statistic under stated assumptions); the row
 *   says whether the published value lies inside it.
 * - **not reproducible** — the number needs information that was not published; the row says which.
 *
 * There is no "close": a number is either consistent with what was printed or it is not.
 */
import { PathlabError } from "../errors";
import { checkOptions } from "../options";
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import { escapeHtml, formatNumber } from "../display/format";
import type { Attainable } from "./attainable";
import type { PublishedNumber } from "./record";

/** The five statuses of a published number (docs/replication.md). */
export type ReplicationStatus = "reproduced" | "differs" | "by construction" | "bounded" | "not reproducible";

/** The five statuses, in display order. */
export const REPLICATION_STATUSES: ReplicationStatus[] = ["reproduced", "differs", "by construction", "bounded", "not reproducible"];

/** Why a number differs: an inconsistency of the paper, an unstated specification, or a limit of the simulation. */
export type ReasonClass = "inconsistency" | "unstated specification" | "simulation limit";

export const REASON_CLASSES: ReasonClass[] = ["inconsistency", "unstated specification", "simulation limit"];

/** The specification a number was computed under, and whether the paper states it. */
export interface Specification {
  name: string;
  stated: boolean;
}

interface Common {
  /** The same number computed on the simulated data, shown beside the exact one. */
  simulated?: number;
  /** Why it differs, when it does (overrides the default reason class and text). */
  reasonClass?: ReasonClass;
  reason?: string;
}

/** A number the published inputs determine: exact value and attainable interval. */
export interface DerivedReproduction extends Common {
  kind: "derived";
  exact: number;
  lower: number;
  upper: number;
  specification: Specification;
}

/** A number only simulated data can give: the value on the notebook's data set and the Monte Carlo interval over replicate data sets. */
export interface MonteCarloReproduction extends Common {
  kind: "monte carlo";
  simulated: number;
  lower: number;
  upper: number;
  replicates: number;
  specification?: Specification;
}

export interface ByConstructionReproduction {
  kind: "by construction";
  reason: string;
  simulated?: number;
}

export interface BoundedReproduction {
  kind: "bounded";
  lower: number;
  upper: number;
  reason: string;
  specification?: Specification;
  simulated?: number;
}

export interface NotReproducible {
  kind: "not reproducible";
  reason: string;
  simulated?: number;
}

/** How a published number was reproduced: derived (an attainable interval), Monte Carlo, by construction, bounded or not reproducible. */
export type Reproduction = DerivedReproduction | MonteCarloReproduction | ByConstructionReproduction | BoundedReproduction | NotReproducible;

function finite(x: number, what: string): number {
  if (!Number.isFinite(x)) throw new PathlabError(`${what} is ${x}, not a finite number`, { code: "replicate.non-finite" });
  return x;
}

/** A derived number: the exact value and the attainable interval (from `attainable`, or a plain value with no rounding freedom). */
export function derived(value: Attainable | number, specification: Specification, extra: Common = {}): DerivedReproduction {
  const a = typeof value === "number" ? { exact: value, lower: value, upper: value } : value;
  return {
    kind: "derived",
    exact: finite(a.exact, "derived(): exact"),
    lower: finite(a.lower, "derived(): lower"),
    upper: finite(a.upper, "derived(): upper"),
    specification,
    ...extra,
  };
}

/** The Monte Carlo interval [min, max] of a statistic over replicate simulated data sets (at least 10). */
export function monteCarlo(replicates: number[], simulated: number, extra: Common & { specification?: Specification } = {}): MonteCarloReproduction {
  const v = replicates.filter(Number.isFinite);
  if (v.length < 10)
    throw new PathlabError(`monteCarlo(): ${v.length} finite replicate values; the interval needs at least 10`, {
      hint: "simulate more replicate data sets",
      code: "replicate.too-few-replicates",
    });
  return {
    kind: "monte carlo",
    simulated: finite(simulated, "monteCarlo(): simulated"),
    lower: Math.min(...v),
    upper: Math.max(...v),
    replicates: v.length,
    ...extra,
  };
}

/** A number that was an input to the simulation (a planted value): shown, never counted as reproduced. */
export function byConstruction(reason: string, simulated?: number): ByConstructionReproduction {
  return simulated === undefined ? { kind: "by construction", reason } : { kind: "by construction", reason, simulated };
}

/** A number only an interval can be given for (e.g. a fit statistic under stated assumptions). */
export function bounded(lower: number, upper: number, reason: string, extra: { specification?: Specification; simulated?: number } = {}): BoundedReproduction {
  return { kind: "bounded", lower, upper, reason, ...extra };
}

/** A number that needs unpublished information, with the reason (and the simulated value, when there is one). */
export function notReproducible(reason: string, simulated?: number): NotReproducible {
  return simulated === undefined ? { kind: "not reproducible", reason } : { kind: "not reproducible", reason, simulated };
}

/** A declaration of rows with a fixed status (planted, or needing unpublished information) and why. */
export interface FixedStatus {
  kind: "by construction" | "not reproducible";
  ids: string[];
  reason: string;
}

/** The reproductions of declared fixed-status rows, with the simulated value of each row when given. */
export function fixedReproductions(declarations: FixedStatus[], simulated: Record<string, number> = {}): Record<string, Reproduction> {
  const out: Record<string, Reproduction> = {};
  for (const d of declarations)
    for (const id of d.ids) {
      if (id in out) throw new PathlabError(`fixedReproductions(): "${id}" is declared twice`, { code: "replicate.duplicate-id" });
      const sim = simulated[id];
      out[id] = d.kind === "by construction" ? byConstruction(d.reason, sim) : notReproducible(d.reason, sim);
    }
  return out;
}

/** One row of the comparison (also the row format of build/replication-summary.json). */
export interface ComparisonRow {
  id: string;
  label: string;
  source: string;
  hypothesis: string | null;
  /** As printed, e.g. "0.87" or "< .001". */
  printed: string;
  /** The printed value (the bound itself for "< .001"). */
  published: number;
  exact: number | null;
  lower: number | null;
  upper: number | null;
  simulated: number | null;
  status: ReplicationStatus;
  reasonClass: ReasonClass | null;
  reason: string | null;
  specification: string | null;
}

/** The interval a printed number stands for: its rounding interval, or the half-line of a bound. */
export function publishedInterval(p: Pick<PublishedNumber, "value" | "digits" | "bound">): [number, number] {
  if (p.bound === "<") return [-Infinity, p.value];
  if (p.bound === ">") return [p.value, Infinity];
  const h = 0.5 * 10 ** -p.digits;
  return [p.value - h, p.value + h];
}

/** Whether the published interval overlaps [lower, upper] (with a hair of slack for decimal ties). */
export function overlapsPublished(p: Pick<PublishedNumber, "value" | "digits" | "bound">, lower: number, upper: number): boolean {
  const [a, b] = publishedInterval(p);
  const eps = 1e-9 * Math.max(1, Math.abs(p.value));
  // A bound is strict ("< .01" excludes .01 itself).
  if (p.bound === "<") return lower < b - 1e-15;
  if (p.bound === ">") return upper > a + 1e-15;
  return lower <= b + eps && a <= upper + eps;
}

const fmt = (x: number | null, d: number) => (x === null ? "" : formatNumber(x, d));

/** The status of one published number given its reproduction (the rules of the module comment). */
export function judge(
  p: PublishedNumber,
  r: Reproduction,
): Pick<ComparisonRow, "status" | "reasonClass" | "reason" | "exact" | "lower" | "upper" | "simulated" | "specification"> {
  const d = p.digits + 2;
  const base = {
    exact: null as number | null,
    lower: null as number | null,
    upper: null as number | null,
    simulated: r.simulated ?? null,
    specification: null as string | null,
  };
  switch (r.kind) {
    case "derived":
    case "monte carlo": {
      const ok = overlapsPublished(p, r.lower, r.upper);
      const spec = r.specification ?? null;
      const row = { ...base, exact: r.kind === "derived" ? r.exact : null, lower: r.lower, upper: r.upper, specification: spec ? spec.name : null };
      if (ok) return { ...row, status: "reproduced", reasonClass: null, reason: r.reason ?? null };
      const cls: ReasonClass =
        r.reasonClass ?? (r.kind === "monte carlo" ? "simulation limit" : spec && !spec.stated ? "unstated specification" : "inconsistency");
      const where = r.kind === "derived" ? "attainable interval from the published inputs" : `Monte Carlo interval over ${r.replicates} simulated data sets`;
      const reason = r.reason ?? `published ${p.printed} lies outside the ${where} [${fmt(r.lower, d)}, ${fmt(r.upper, d)}]`;
      return { ...row, status: "differs", reasonClass: cls, reason };
    }
    case "by construction":
      return { ...base, status: "by construction", reasonClass: null, reason: r.reason };
    case "bounded": {
      const inside = overlapsPublished(p, r.lower, r.upper);
      return {
        ...base,
        lower: r.lower,
        upper: r.upper,
        specification: r.specification?.name ?? null,
        status: "bounded",
        reasonClass: null,
        reason: `${r.reason}; the published ${p.printed} lies ${inside ? "inside" : "outside"} the bound`,
      };
    }
    case "not reproducible":
      return { ...base, status: "not reproducible", reasonClass: null, reason: r.reason };
    default:
      throw new PathlabError(`compare(): unknown reproduction kind for "${p.id}"`, {
        hint: "build entries with derived(), monteCarlo(), byConstruction(), bounded() or notReproducible()",
        code: "replicate.unknown-reproduction",
      });
  }
}

const STATUS_STYLE: Record<ReplicationStatus, string> = {
  reproduced: "background:#d4edda;color:#155724",
  differs: "background:#f8d7da;color:#721c24",
  "by construction": "background:#d6e4f0;color:#1f4e79",
  bounded: "background:#fff3cd;color:#856404",
  "not reproducible": "background:#e2e3e5;color:#383d41",
};

/** CSS class of a status cell. */
export function statusClass(s: string): string {
  return "pathlab-status-" + s.replace(/\s+/g, "-");
}

/** Colours status cells inline (so they survive sanitising renderers). */
export function colourStatuses(html: string): string {
  for (const s of REPLICATION_STATUSES) {
    const cls = statusClass(s);
    html = html.split(`class="${cls}" style="`).join(`class="${cls}" style="${STATUS_STYLE[s]};`);
  }
  return html;
}

/** Counts of rows per status (every status present, zeros included). */
export function countStatuses(rows: { status: ReplicationStatus }[]): Record<ReplicationStatus, number> {
  const c = Object.fromEntries(REPLICATION_STATUSES.map((s) => [s, 0])) as Record<ReplicationStatus, number>;
  for (const r of rows) c[r.status]++;
  return c;
}

/** A published-versus-reproduced table. */
export class ComparisonResult extends Result {
  readonly counts: Record<ReplicationStatus, number>;
  readonly total: number;

  constructor(
    readonly rows: ComparisonRow[],
    readonly heading = "Published versus reproduced",
  ) {
    super();
    this.counts = countStatuses(rows);
    this.total = rows.length;
  }

  title(): string {
    return this.heading;
  }

  info(): string[] {
    const c = this.counts;
    return [`${this.total} published numbers: ` + REPLICATION_STATUSES.map((s) => `${c[s]} ${s}`).join(", ")];
  }

  /** Rows with a given status. */
  byStatus(status: ReplicationStatus): ComparisonRow[] {
    return this.rows.filter((r) => r.status === status);
  }

  /** The row of a published number. */
  row(id: string): ComparisonRow {
    const r = this.rows.find((x) => x.id === id);
    if (!r) throw new PathlabError(`no comparison row "${id}"`, { code: "replicate.unknown-id" });
    return r;
  }

  tables(): TableSpec[] {
    return [
      {
        title: this.heading,
        columns: [
          { key: "label", label: "Number", format: "text" },
          { key: "source", label: "Source", format: "text" },
          { key: "printed", label: "Published", format: "text" },
          { key: "exact", label: "Exact", format: "text" },
          { key: "interval", label: "Attainable / MC interval", format: "text" },
          { key: "simulated", label: "Simulated", format: "text" },
          { key: "status", label: "Status", format: "text" },
          { key: "why", label: "Reason", format: "text" },
        ],
        rows: this.rows.map((r) => {
          const d = decimals(r.printed) + 2;
          return {
            label: r.label,
            source: r.source,
            printed: r.printed,
            exact: fmt(r.exact, d),
            interval: r.lower === null ? "" : `[${fmt(r.lower, d)}, ${fmt(r.upper, d)}]`,
            simulated: fmt(r.simulated, d),
            status: { text: r.status, className: statusClass(r.status) },
            why: [
              r.reasonClass ? `${r.reasonClass}: ` : "",
              r.reason ?? "",
              r.specification && r.status !== "not reproducible" ? ` [${r.specification}]` : "",
            ].join(""),
          };
        }),
        notes: [
          "reproduced: the published value (within its printed rounding) lies in the attainable interval of the published inputs or in the Monte Carlo interval; differs: it does not (reason class given); by construction: an input to the simulation; bounded: only an interval can be given; not reproducible: needs unpublished information. Rules: docs/replication.md.",
        ],
      },
    ];
  }

  toHTML(): string {
    const legend = REPLICATION_STATUSES.map(
      (s) => `<span class="${statusClass(s)}" style="${STATUS_STYLE[s]};padding:1px 6px;margin-right:6px">${escapeHtml(s)}: ${this.counts[s]}</span>`,
    ).join("");
    return colourStatuses(super.toHTML()).replace(
      '<div class="pathlab-result">',
      `<div class="pathlab-result pathlab-compare"><div style="margin:4px 0">${legend}</div>`,
    );
  }

  toJSON(): { title: string; total: number; counts: Record<ReplicationStatus, number>; rows: ComparisonRow[] } {
    return { title: this.heading, total: this.total, counts: { ...this.counts }, rows: this.rows.map((r) => ({ ...r })) };
  }
}

function decimals(printed: string): number {
  const m = /\.(\d+)/.exec(printed);
  return m ? m[1].length : 0;
}

/**
 * Compares published numbers with their reproductions. Every published number needs an entry and
 * every entry a published number: a missing or unknown id is an error naming it.
 *
 * @example
 * compare(hypothesisNumbers(record), { "003.T3.M2.iapd.est": derived(0.31, { name: "OLS on Table 2", stated: true }) })
 */
export function compare(
  published: PublishedNumber[],
  reproductions: Record<string, Reproduction>,
  options: { title?: string; consistency?: { rows: { id?: string; verdict: string; check: string }[] } } = {},
): ComparisonResult {
  checkOptions("compare", options, {
    title: { kind: "string" },
    consistency: {
      kind: "custom",
      check: (c) =>
        c !== null && typeof c === "object" && Array.isArray((c as { rows?: unknown }).rows) ? undefined : "must be a consistency report (checkPaper(...))",
      expected: "the result of checkPaper(paper)",
    },
  });
  const seen = new Set<string>();
  for (const p of published) {
    if (seen.has(p.id))
      throw new PathlabError(`compare(): published number "${p.id}" is listed twice`, {
        hint: "pass each published number once",
        code: "replicate.duplicate-id",
      });
    seen.add(p.id);
  }
  const missing = published.filter((p) => !(p.id in reproductions)).map((p) => p.id);
  if (missing.length)
    throw new PathlabError(
      `compare(): no reproduction for ${missing.length} published number(s): ${missing.slice(0, 6).join(", ")}${missing.length > 6 ? ", …" : ""}`,
      {
        hint: "give every published number an entry (derived, monteCarlo, byConstruction, bounded or notReproducible with its reason)",
        code: "replicate.missing-reproduction",
      },
    );
  const unknown = Object.keys(reproductions).filter((k) => !seen.has(k));
  if (unknown.length)
    throw new PathlabError(
      `compare(): reproductions for ids that are not published numbers: ${unknown.slice(0, 6).join(", ")}${unknown.length > 6 ? ", …" : ""}`,
      {
        hint: "check the id spelling against the record (docs/replication.md gives the id grammar)",
        code: "replicate.unknown-id",
      },
    );
  // A consistency flag on the number (or on its coefficient row) makes a difference the paper's own.
  const flagged = new Map<string, string>();
  for (const r of options.consistency?.rows ?? []) if (r.verdict === "flag" && r.id && !flagged.has(r.id)) flagged.set(r.id, r.check);
  const flagOf = (id: string) => flagged.get(id) ?? flagged.get(id.slice(0, id.lastIndexOf(".")));
  const rows = published.map((p): ComparisonRow => {
    const row: ComparisonRow = {
      id: p.id,
      label: p.label,
      source: p.source,
      hypothesis: p.hypothesis ?? null,
      printed: p.printed,
      published: p.value,
      ...judge(p, reproductions[p.id]),
    };
    const flag = flagOf(p.id);
    const r = reproductions[p.id];
    if (row.status === "differs" && flag && !("reasonClass" in r && r.reasonClass)) {
      row.reasonClass = "inconsistency";
      row.reason = `${row.reason}; the consistency check "${flag}" flags this number`;
    }
    return row;
  });
  return new ComparisonResult(rows, options.title);
}
