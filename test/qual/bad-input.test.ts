/**
 * Bad-input matrix for the qualitative builders and compare() (issue 12, item 2): a misspelt option
 * or element key was ignored; it is now an error listing the valid names.
 */
import { badInputMatrix } from "../support/bad-input-matrix";
import { caseTable, caseTimeline, checkClaims, codingScheme, evidenceMatrix, mapPropositions } from "../../src/qual";
import { compare, byConstruction } from "../../src/replicate";
import type { PublishedNumber } from "../../src/replicate/record";

const any = (x: unknown) => x as any;
const table = () =>
  caseTable({
    fields: [
      { key: "founded", type: "year" },
      { key: "firstExport", type: "year" },
    ],
    cases: [
      { id: "A", founded: 1990, firstExport: 1995 },
      { id: "B", founded: 2001, firstExport: 2003 },
    ],
  });
const scheme = { dimensions: [{ id: "D" }], themes: [{ id: "T", dimension: "D" }], codes: [{ id: "c1", label: "Code 1", theme: "T" }] };
const pub: PublishedNumber = { id: "p1", label: "β", source: "Table 2", value: 0.26, printed: "0.26", digits: 2, kind: "estimate" };

badInputMatrix("qual and compare()", [
  {
    name: "caseTable: an unknown top-level key",
    call: () => caseTable(any({ fields: [], cases: [], caption: "x" })),
    code: "options.unknown",
    message: /caseTable\(\): unknown option 'caption'/,
    hint: /title/,
  },
  {
    name: 'caseTable: field type "date" (not a field type)',
    call: () => caseTable(any({ fields: [{ key: "d", type: "date" }], cases: [] })),
    code: "options.bad-value",
    message: /field 1 \("d"\): option 'type' must be one of number, integer, year/,
  },
  {
    name: "caseTable: a field key typo (lable)",
    call: () => caseTable(any({ fields: [{ key: "d", type: "year", lable: "Date" }], cases: [] })),
    code: "options.unknown",
    message: /unknown option 'lable'/,
    hint: /label/,
  },
  {
    name: "codingScheme: a code key typo (theme_id)",
    call: () => codingScheme(any({ ...scheme, codes: [{ id: "c1", label: "Code 1", theme_id: "T" }] })),
    code: "options.unknown",
    message: /codingScheme\(\): code 1: unknown option 'theme_id'/,
  },
  {
    name: "evidenceMatrix: a cell key typo (grades)",
    call: () => evidenceMatrix(any({ cases: ["A"], items: ["c1"], cells: { A: { c1: { present: true, grades: "stated" } } } })),
    code: "options.unknown",
    message: /cell A × c1: unknown option 'grades'/,
    hint: /grade/,
  },
  {
    name: "mapPropositions: include with an unknown grade",
    call: () => mapPropositions([], evidenceMatrix({ cases: ["A"], items: ["c1"], cells: {} }), any(["explicit"])),
    code: "options.bad-value",
    message: /include must be an array of grades/,
  },
  {
    name: "checkClaims: a claim key typo (publshed)",
    call: () => checkClaims(any([{ id: "c", text: "t", source: "s", publshed: 1, reproduce: () => 1 }]), {}),
    code: "options.unknown",
    message: /claim 1: unknown option 'publshed'/,
    hint: /published/,
  },
  {
    name: "caseTimeline: an unknown option",
    call: () => caseTimeline(table(), "founded", "firstExport", any({ gap: 3 })),
    code: "options.unknown",
    message: /caseTimeline\(\): unknown option 'gap'/,
    hint: /maxGap/,
  },
  {
    name: "compare: an unknown option",
    call: () => compare([pub], { p1: byConstruction("planted") }, any({ heading: "x" })),
    code: "options.unknown",
    message: /compare\(\): unknown option 'heading'/,
    hint: /title/,
  },
  {
    name: "compare: the old rule option",
    call: () => compare([pub], { p1: byConstruction("planted") }, any({ rule: { units: 3 } })),
    code: "options.unknown",
    message: /unknown option 'rule'/,
  },
]);
