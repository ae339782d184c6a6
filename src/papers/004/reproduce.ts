/**
 * Paper 004's reproduction map. A qualitative case study publishes no statistics, but its text
 * makes descriptive claims that Tables 1–3 can check. A claim the tables confirm is a reproduced
 * number; a claim they contradict is an inconsistency of the paper and is reported with the
 * consistency flags (`checks.ts`), not here; a claim resting on information the paper withholds is
 * not reproducible. Claims that only count the rows of a table ("ten cases") would reproduce
 * themselves and are not listed.
 */
import { checkClaims, type ClaimCheckRow } from "../../qual/claims";
import { derived, notReproducible, type Reproduction } from "../../replicate/compare";
import type { PublishedNumber } from "../../replicate/record";
import type { Paper004 } from "./record";

const TABLES = { name: "counted from Tables 1–3 as printed", stated: true };

function asNumber(v: number | string | boolean): number {
  return typeof v === "boolean" ? (v ? 1 : 0) : Number(v);
}

/** The claim checks of the record (match, mismatch, cannot check). */
export function claimChecks004(p: Paper004): ClaimCheckRow[] {
  return checkClaims(p.claims, { cases: p.cases, coding: p.coding, evidence: p.evidence }).rows;
}

/** The compared numbers: every claim no discrepancy is about, as a published number and its reproduction. */
export function claimComparison004(p: Paper004): { published: PublishedNumber[]; reproductions: Record<string, Reproduction> } {
  const inconsistent = new Set(p.discrepancies.map((d) => d.claim).filter((c): c is string => !!c));
  const published: PublishedNumber[] = [];
  const reproductions: Record<string, Reproduction> = {};
  for (const r of claimChecks004(p)) {
    if (inconsistent.has(r.id)) continue;
    const id = `004.claim.${r.id}`;
    published.push({
      id,
      label: r.text,
      source: `${r.source} (rests on ${r.cells})`,
      value: asNumber(r.published),
      printed: String(r.published),
      digits: 0,
      kind: typeof r.published === "boolean" ? "other" : "count",
    });
    reproductions[id] =
      r.reproduced === null ? notReproducible(r.note ?? "the paper does not identify the cases it is about") : derived(asNumber(r.reproduced), TABLES);
  }
  return { published, reproductions };
}
