/** Paper 004 (qualitative) as a `pathlab/papers` object: the case data, its claim comparison and its consistency flags. */
import type { ConsistencyReport } from "../../replicate/checks";
import type { Reproduction } from "../../replicate/compare";
import type { PublishedNumber } from "../../replicate/record";
import { consistency004 } from "./checks";
import { paper004 as record, type Paper004 } from "./record";
import { claimComparison004 } from "./reproduce";

/** Paper 004 (Indian ICT SMEs, a case study): the case record, coding, evidence and claims. */
export const paper004: {
  id: "004";
  record: Paper004;
  consistency(): ConsistencyReport;
  /** The text's checkable claims as published numbers with their reproductions (inconsistencies excluded: they are flags). */
  claims(): { published: PublishedNumber[]; reproductions: Record<string, Reproduction> };
  source: string;
} = {
  id: "004",
  record,
  consistency: () => consistency004(record),
  claims: () => claimComparison004(record),
  source: "shared/papers/004.md (extraction of seeds/004_438ba9ee990f6879.txt); see src/papers/004/source.md",
};

export type { Paper004 };
export type { Paper004Quote, Paper004AggregateStatement, Paper004Context } from "./record";
