/** Qualitative and case-study research: case tables, coding structures, evidence matrices, claims. */
export { caseTable, CaseTable, unknownValue, isUnknownValue, formatFieldValue } from "./case-table";
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
