/**
 * The closing table of a replication notebook: how many published numbers were compared, how many
 * reproduced, came close, differ or cannot be reproduced, and how many consistency flags the
 * published tables raised. Besides HTML and text it carries a machine-readable MIME part that
 * `npm run replicate` collects into build/replication-summary.{md,json}.
 */
import { DISPLAY, type MimeBundle } from "../display/mime";
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import type { ComparisonResult } from "./compare";
import type { ConsistencyReport } from "./consistency";

export const REPLICATION_MIME = "application/vnd.pathlab.replication+json";

export interface ReplicationCounts {
  paper: string;
  compared: number;
  reproduced: number;
  close: number;
  differs: number;
  notReproducible: number;
  consistencyChecks: number;
  consistencyFlags: number;
}

export class ReplicationSummary extends Result {
  readonly counts: ReplicationCounts;

  constructor(
    readonly paper: string,
    readonly comparison: ComparisonResult,
    readonly consistency?: ConsistencyReport,
  ) {
    super();
    const c = comparison.counts;
    this.counts = {
      paper,
      compared: comparison.total,
      reproduced: c.reproduced,
      close: c.close,
      differs: c.differs,
      notReproducible: c["not reproducible"],
      consistencyChecks: consistency ? consistency.rows.length : 0,
      consistencyFlags: consistency ? consistency.counts.flag : 0,
    };
  }

  title(): string {
    return `Replication summary — paper ${this.paper}`;
  }

  tables(): TableSpec[] {
    const k = this.counts;
    return [
      {
        columns: [
          { key: "paper", label: "Paper", format: "text" },
          { key: "compared", label: "Compared", format: "int" },
          { key: "reproduced", label: "Reproduced", format: "int" },
          { key: "close", label: "Close", format: "int" },
          { key: "differs", label: "Differs", format: "int" },
          { key: "notReproducible", label: "Not reproducible", format: "int" },
          { key: "consistencyFlags", label: "Consistency flags", format: "int" },
        ],
        rows: [{ ...k }],
        notes: [`${k.consistencyChecks} consistency checks of the published statistics, ${k.consistencyFlags} flagged.`],
      },
    ];
  }

  /** The counts plus the id of every compared number, so tools can check coverage. */
  [DISPLAY](): MimeBundle {
    return { ...super[DISPLAY](), [REPLICATION_MIME]: { ...this.counts, ids: this.comparison.rows.map((r) => r.id) } };
  }
}

/** The replication summary of one paper, from its comparison table and consistency report. */
export function replicationSummary(paper: string, comparison: ComparisonResult, consistency?: ConsistencyReport): ReplicationSummary {
  return new ReplicationSummary(paper, comparison, consistency);
}
