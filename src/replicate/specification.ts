/**
 * Specification search: when a paper leaves its specification open (composite or latent scores,
 * which covariates, centring, second-order factors), every plausible specification is computed
 * and scored on the same published numbers, and the comparison uses the one the published numbers
 * support best — most rows reproduced, then fewest that differ, then the first listed — and names
 * it. The table makes the choice visible, so a reader sees how much the verdicts depend on it.
 *
 * @example
 * const search = specificationSearch(table4Numbers, [
 *   { specification: { name: "OLS on composites", stated: false }, reproductions: ols },
 *   { specification: { name: "latent SEM", stated: false }, reproductions: latent },
 * ]);
 * search.best.name; search.reproductions
 */
import { PathlabError } from "../errors";
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import { compare, REPLICATION_STATUSES, type ComparisonResult, type Reproduction, type ReplicationStatus, type Specification } from "./compare";
import type { PublishedNumber } from "./record";

/** One candidate specification for a specification search: its name and the numbers it gives. */
export interface SpecificationCandidate {
  specification: Specification;
  /** One entry per published number of the search. */
  reproductions: Record<string, Reproduction>;
  /** One line on what the specification is. */
  description?: string;
}

/** Candidate specifications ranked by how many published numbers each reproduces. */
export class SpecificationSearch extends Result {
  /** The specification the comparison uses. */
  readonly best: Specification;
  /** Its reproductions (to merge into the paper's map). */
  readonly reproductions: Record<string, Reproduction>;

  constructor(
    readonly heading: string,
    readonly candidates: SpecificationCandidate[],
    readonly comparisons: ComparisonResult[],
    readonly bestIndex: number,
  ) {
    super();
    this.best = candidates[bestIndex].specification;
    this.reproductions = candidates[bestIndex].reproductions;
  }

  title(): string {
    return this.heading;
  }

  info(): string[] {
    return [`Used: ${this.best.name} (${this.comparisons[this.bestIndex].counts.reproduced} of ${this.comparisons[this.bestIndex].total} reproduced).`];
  }

  /** Counts per status of each specification. */
  counts(): { specification: string; counts: Record<ReplicationStatus, number> }[] {
    return this.candidates.map((c, i) => ({ specification: c.specification.name, counts: { ...this.comparisons[i].counts } }));
  }

  tables(): TableSpec[] {
    return [
      {
        columns: [
          { key: "spec", label: "Specification", format: "text" },
          { key: "stated", label: "Stated by the paper", format: "text" },
          ...REPLICATION_STATUSES.map((s) => ({ key: s, label: s, format: "int" as const })),
          { key: "used", label: "Used", format: "text" },
        ],
        rows: this.candidates.map((c, i) => {
          const row: Record<string, string | number> = {
            spec: c.specification.name + (c.description ? ` — ${c.description}` : ""),
            stated: c.specification.stated ? "yes" : "no",
            used: i === this.bestIndex ? "✓" : "",
          };
          for (const s of REPLICATION_STATUSES) row[s] = this.comparisons[i].counts[s];
          return row;
        }),
        notes: ["Best supported: most rows reproduced, then fewest that differ, then the first listed."],
      },
    ];
  }
}

/** Scores each candidate on the same published numbers and picks the best supported (see the module comment). */
export function specificationSearch(published: PublishedNumber[], candidates: SpecificationCandidate[], options: { title?: string } = {}): SpecificationSearch {
  if (candidates.length === 0) throw new PathlabError("specificationSearch(): no candidate specifications", { code: "replicate.no-candidates" });
  const comparisons = candidates.map((c) => compare(published, c.reproductions, { title: c.specification.name }));
  let best = 0;
  comparisons.forEach((cmp, i) => {
    const b = comparisons[best];
    if (cmp.counts.reproduced > b.counts.reproduced || (cmp.counts.reproduced === b.counts.reproduced && cmp.counts.differs < b.counts.differs)) best = i;
  });
  return new SpecificationSearch(options.title ?? "Specification search", candidates, comparisons, best);
}
