/** Qualitative and case-study research: case tables, coding structures, evidence matrices, claims. */
export { caseTable, CaseTable, unknown, isUnknown, formatFieldValue } from "./case-table";
export type { Unknown, FieldType, FieldValue, FieldSpec, CaseRecord, CaseTableSpec } from "./case-table";
export { codingScheme, CodingScheme } from "./coding";
export type { AttributeValue, DimensionSpec, ThemeSpec, CodeSpec, CodingSchemeSpec } from "./coding";
export { evidenceMatrix, EvidenceMatrix } from "./evidence";
export type { EvidenceGrade, EvidenceCell, EvidenceMatrixSpec } from "./evidence";
export { mapPropositions, PropositionMap } from "./propositions";
export type { PropositionSpec, PropositionRow } from "./propositions";
export { checkClaims, ClaimCheck } from "./claims";
export type { ClaimSpec, ClaimValue, ClaimStatus, ClaimCheckRow } from "./claims";
export { caseTimeline, caseListBar } from "./figures";
export type { TimelineOptions } from "./figures";
// Paper 004 (the qualitative case study) lives in src/papers/ but is exported here until the papers
// folder has its own public index entry.
export { paper004 } from "../papers/paper004";
export type { Paper004, Paper004Quote, Paper004AggregateStatement, Paper004Context } from "../papers/paper004";
