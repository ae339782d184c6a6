/**
 * Propositions as data: each theory-building proposition names the themes (or constructs) it
 * links, and the map shows which cases carry evidence for those themes under a chosen view. This
 * is a reading aid (which cases could illustrate a proposition), not a test: propositions from a
 * handful of purposively sampled cases are not statistically testable (Eisenhardt, 1989).
 */
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import { PathlabError } from "../errors";
import type { EvidenceGrade, EvidenceMatrix } from "./evidence";
import { checkEach } from "../simulate/validate";

/** A proposition of a case study: its id, text and the constructs it links. */
export interface PropositionSpec {
  id: string;
  /** A short paraphrase. */
  text: string;
  /** Construct ids the proposition links (any; those that are matrix items are mapped to cases). */
  constructs: string[];
  /** Optional typed links [from, to, type]. */
  links?: [string, string, string?][];
}

export interface PropositionRow {
  id: string;
  text: string;
  themes: string[];
  /** Constructs not in the evidence matrix (cannot be mapped to cases). */
  unmapped: string[];
  statedCases: string[];
  inferredCases: string[];
  /** Cases with no evidence at all on any of the mapped themes. */
  unknownCases: string[];
}

/** Propositions mapped to the cases whose evidence supports them. */
export class PropositionMap extends Result {
  constructor(
    readonly rows: PropositionRow[],
    readonly include: EvidenceGrade[],
  ) {
    super();
  }

  title(): string {
    return "Propositions → themes → cases";
  }

  row(id: string): PropositionRow {
    const r = this.rows.find((x) => x.id === id);
    if (!r)
      throw new PathlabError(`Unknown proposition "${id}".`, {
        hint: `Propositions: ${this.rows.map((x) => x.id).join(", ")}.`,
        code: "qual.unknown-proposition",
      });
    return r;
  }

  /** Propositions that involve a construct (e.g. which propositions end in geographic expansion). */
  involving(construct: string): string[] {
    return this.rows.filter((r) => r.themes.includes(construct) || r.unmapped.includes(construct)).map((r) => r.id);
  }

  tables(): TableSpec[] {
    return [
      {
        title: this.title(),
        columns: [
          { key: "id", label: "P", format: "text" },
          { key: "text", label: "Proposition (paraphrase)", format: "text" },
          { key: "themes", label: "Themes in the matrix", format: "text" },
          { key: "stated", label: "Cases (stated evidence)", format: "text" },
          { key: "inferred", label: "Cases (inferred only)", format: "text" },
          { key: "unknown", label: "Cases with no evidence", format: "int" },
          { key: "unmapped", label: "Other constructs", format: "text" },
        ],
        rows: this.rows.map((r) => ({
          id: r.id,
          text: r.text,
          themes: r.themes.join(", ") || "—",
          stated: r.statedCases.join(", ") || "none",
          inferred: r.inferredCases.join(", ") || "none",
          unknown: r.unknownCases.length,
          unmapped: r.unmapped.join(", "),
        })),
        notes: [
          "A case is listed if it shows at least one of the proposition's themes. Untested, theory-building propositions: this maps illustrations, it does not test them.",
        ],
      },
    ];
  }
}

/** Maps each proposition to its themes in the matrix and to the cases with evidence on them. */
export function mapPropositions(propositions: PropositionSpec[], matrix: EvidenceMatrix, include: EvidenceGrade[] = ["stated", "inferred"]): PropositionMap {
  const ANY = { kind: "custom" } as const;
  checkEach("mapPropositions", (i) => `proposition ${i + 1}`, propositions, { id: ANY, text: ANY, constructs: ANY, links: ANY });
  const grades: EvidenceGrade[] = ["stated", "inferred", "not_reported"];
  const bad = (Array.isArray(include) ? include : [include]).find((g) => !grades.includes(g));
  if (bad !== undefined || !Array.isArray(include)) {
    throw new PathlabError(`mapPropositions(): include must be an array of grades (${grades.join(", ")}); got ${JSON.stringify(bad ?? include)}.`, {
      hint: 'E.g. ["stated"] or ["stated", "inferred"].',
      code: "options.bad-value",
    });
  }
  const seen = new Set<string>();
  const rows = propositions.map((p) => {
    if (seen.has(p.id)) throw new PathlabError(`Proposition "${p.id}" is defined twice.`, { code: "qual.bad-proposition" });
    seen.add(p.id);
    const themes = p.constructs.filter((c) => matrix.items.includes(c));
    const unmapped = p.constructs.filter((c) => !matrix.items.includes(c));
    const stated = matrix.caseIds.filter((c) => themes.some((t) => matrix.cell(c, t).present === true && matrix.cell(c, t).grade === "stated"));
    const inferred = include.includes("inferred")
      ? matrix.caseIds.filter((c) => !stated.includes(c) && themes.some((t) => matrix.cell(c, t).present === true && matrix.cell(c, t).grade === "inferred"))
      : [];
    const unknownCases = matrix.caseIds.filter((c) => themes.length > 0 && themes.every((t) => matrix.cell(c, t).present === null));
    return { id: p.id, text: p.text, themes, unmapped, statedCases: stated, inferredCases: inferred, unknownCases };
  });
  return new PropositionMap(rows, include);
}
