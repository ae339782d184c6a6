/**
 * The closing table of a replication notebook: how many published numbers were compared, how many
 * have each status, and how many consistency flags the published tables raised. Besides HTML and
 * text it carries a machine-readable MIME part (the counts and every compared row) that
 * `npm run replicate` collects into build/replication-summary.{md,json}.
 */
import { DISPLAY, type MimeBundle } from "../display/mime";
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import { REPLICATION_STATUSES, type ComparisonResult, type ComparisonRow, type ReplicationStatus } from "./compare";
import type { ConsistencyReport } from "./checks";

export const REPLICATION_MIME = "application/vnd.pathlab.replication+json";

/** What a notebook reports to the runner (the MIME payload). */
export interface ReplicationCounts {
  paper: string;
  compared: number;
  /** Rows per status (every status present). */
  counts: Record<ReplicationStatus, number>;
  consistencyChecks: number;
  consistencyFlags: number;
  /** Every compared row: id, printed, published, exact, lower, upper, simulated, status, reasonClass, reason, specification. */
  rows: ComparisonRow[];
}

/** The per-paper counts by status and consistency flags that `npm run replicate` collects into its summary. */
export class ReplicationSummary extends Result {
  readonly counts: ReplicationCounts;

  constructor(
    readonly paper: string,
    readonly comparison: ComparisonResult,
    readonly consistency?: ConsistencyReport,
  ) {
    super();
    this.counts = {
      paper,
      compared: comparison.total,
      counts: { ...comparison.counts },
      consistencyChecks: consistency ? consistency.rows.length : 0,
      consistencyFlags: consistency ? consistency.counts.flag : 0,
      rows: comparison.rows.map((r) => ({ ...r })),
    };
  }

  title(): string {
    return `Replication summary — paper ${this.paper}`;
  }

  tables(): TableSpec[] {
    const k = this.counts;
    const row: Record<string, string | number> = { paper: this.paper, compared: k.compared, consistencyFlags: k.consistencyFlags };
    for (const s of REPLICATION_STATUSES) row[s] = k.counts[s];
    return [
      {
        columns: [
          { key: "paper", label: "Paper", format: "text" },
          { key: "compared", label: "Compared", format: "int" },
          ...REPLICATION_STATUSES.map((s) => ({ key: s, label: s[0].toUpperCase() + s.slice(1), format: "int" as const })),
          { key: "consistencyFlags", label: "Consistency flags", format: "int" },
        ],
        rows: [row],
        notes: [`${k.consistencyChecks} consistency checks of the published statistics, ${k.consistencyFlags} flagged.`],
      },
    ];
  }

  [DISPLAY](): MimeBundle {
    return { ...super[DISPLAY](), [REPLICATION_MIME]: this.counts };
  }
}

/**
 * The replication summary of one paper, from its comparison table and consistency report.
 *
 * @example
 * replicationSummary("003", comparison, paper003.consistency())
 */
export function replicationSummary(paper: string, comparison: ComparisonResult, consistency?: ConsistencyReport): ReplicationSummary {
  return new ReplicationSummary(paper, comparison, consistency);
}
