/**
 * Paper 004's consistency checks: every discrepancy of the text and tables the extraction
 * documents, one row each; where a checkable claim shows it, the row gives the claim's published
 * and recomputed values.
 */
import { ConsistencyReport, type ConsistencyRow } from "../../replicate/checks";
import type { Paper004 } from "./record";
import { claimChecks004 } from "./reproduce";

const show = (v: unknown) => (v === null ? "unknown" : String(v));

export function consistency004(p: Paper004): ConsistencyReport {
  const claims = new Map(claimChecks004(p).map((r) => [r.id, r]));
  const rows: ConsistencyRow[] = p.discrepancies.map((d) => {
    const c = d.claim ? claims.get(d.claim) : undefined;
    if (c)
      return {
        check: "text claim vs Tables 1–3",
        source: `${c.source}; ${c.cells}`,
        published: `"${c.text}": ${show(c.published)}`,
        recomputed: show(c.reproduced),
        verdict: c.status === "match" ? "ok" : "flag",
        note: d.text,
        id: d.id,
      };
    return {
      check: "text vs tables (documented)",
      source: "text and Tables 1–3",
      published: d.text,
      recomputed: "",
      verdict: "flag",
      note: "documented in shared/papers/004.md",
      id: d.id,
    };
  });
  return new ConsistencyReport(rows, "Consistency of the text and tables — paper 004");
}
