/**
 * Case × code (or theme) evidence matrices. Each cell says whether the case shows the code
 * (present true/false) or that nothing is known (null), and how strong the evidence is:
 *   "stated"       — the source itself ties the case to the code (e.g. a quote labelled "Case 3");
 *   "inferred"     — the analyst's inference (a speaker description that matches one case, a
 *                    profile attribute that fits the code definition, a mapping through the coding);
 *   "not_reported" — no information; present must be null.
 * Counts and co-occurrences take the grades to include, so a "strict" (stated only) and an
 * "inclusive" (stated + inferred) view can be shown side by side; unknown cells are counted as
 * unknown, never as absent (Miles, Huberman & Saldaña, 2014, ch. 7, on case-ordered matrices).
 */
import { figureTheme } from "../display/theme";
import { Figure } from "../display/figure";
import { Result, TableResult } from "../display/result";
import type { Column, TableSpec } from "../display/table";
import { PathlabError } from "../errors";
import { checkOptions, type OptionSpecs } from "../options";

const ANY = { kind: "custom" } as const;
const EVIDENCE_OPTIONS: OptionSpecs = { title: { kind: "string" }, cases: ANY, items: ANY, cells: ANY, scheme: ANY, extraItems: ANY, labels: ANY, notes: ANY };
const CELL_OPTIONS: OptionSpecs = { present: ANY, grade: ANY, basis: ANY, confidence: ANY, note: ANY, quotes: ANY, candidates: ANY };
import type { CaseTable } from "./case-table";
import type { CodingScheme } from "./coding";

export type EvidenceGrade = "stated" | "inferred" | "not_reported";

export interface EvidenceCell {
  present: boolean | null;
  grade: EvidenceGrade;
  /** Finer provenance (e.g. "explicit_case_label", "quote_descriptor_match", "profile_derived"). */
  basis?: string[];
  confidence?: string;
  note?: string;
  /** Quote ids supporting the cell. */
  quotes?: string[];
  /** Quote ids that might belong to this case (candidates only; they do not set `present`). */
  candidates?: string[];
}

/** What `evidenceMatrix` builds: cases × items with graded evidence and quotes. */
export interface EvidenceMatrixSpec {
  title?: string;
  /** Case ids, or a case table whose ids are used. */
  cases: string[] | CaseTable;
  /** Column ids (codes, themes, dimensions or any construct). Checked against `scheme` when given, unless listed in `extraItems`. */
  items: string[];
  /** cells[caseId][item]; an absent cell is "not_reported". */
  cells: Record<string, Record<string, EvidenceCell>>;
  scheme?: CodingScheme;
  /** Items allowed although the scheme does not define them (e.g. growth strategies). */
  extraItems?: string[];
  /** Display labels of items. */
  labels?: Record<string, string>;
  notes?: string[];
}

const NOT_REPORTED: EvidenceCell = Object.freeze({ present: null, grade: "not_reported" }) as EvidenceCell;
const GRADES: EvidenceGrade[] = ["stated", "inferred", "not_reported"];

function symbol(c: EvidenceCell): string {
  if (c.present === null) return c.candidates && c.candidates.length ? "?" : "·";
  if (c.present === false) return c.grade === "stated" ? "✕" : "(✕)";
  return c.grade === "stated" ? "●" : "○";
}

/** A case × construct evidence matrix with graded cells (stated, inferred, not reported) and the quotes behind them. */
export class EvidenceMatrix extends Result {
  readonly caseIds: string[];
  readonly items: string[];
  readonly labels: Record<string, string>;
  readonly notes: string[];
  private readonly cellMap: Map<string, EvidenceCell>;
  private readonly heading: string;

  constructor(spec: EvidenceMatrixSpec) {
    super();
    checkOptions("evidenceMatrix", spec, EVIDENCE_OPTIONS);
    if (!spec || (!Array.isArray(spec.cases) && !(spec.cases && Array.isArray((spec.cases as CaseTable).ids))) || !Array.isArray(spec.items)) {
      throw new PathlabError("An evidence matrix needs `cases` (ids or a case table) and an `items` array.", { code: "qual.bad-evidence" });
    }
    const ids = Array.isArray(spec.cases) ? spec.cases.slice() : spec.cases.ids;
    const dupCase = ids.find((x, i) => ids.indexOf(x) !== i);
    if (dupCase) throw new PathlabError(`Case "${dupCase}" is listed twice in the evidence matrix.`, { code: "qual.bad-evidence" });
    const dupItem = spec.items.find((x, i) => spec.items.indexOf(x) !== i);
    if (dupItem) throw new PathlabError(`Item "${dupItem}" is listed twice in the evidence matrix.`, { code: "qual.bad-evidence" });
    if (spec.scheme) {
      for (const it of spec.items) {
        if (!spec.scheme.levelOf(it) && !(spec.extraItems ?? []).includes(it)) {
          throw new PathlabError(`Evidence item "${it}" is not a code, theme or dimension of the coding scheme.`, {
            hint: "Add it to the scheme, fix the id, or list it in extraItems.",
            code: "qual.dangling-reference",
          });
        }
      }
    }
    this.cellMap = new Map();
    for (const [cid, row] of Object.entries(spec.cells ?? {})) {
      if (!ids.includes(cid))
        throw new PathlabError(`Evidence given for case "${cid}", which is not in the case list.`, {
          hint: `Cases: ${ids.join(", ")}.`,
          code: "qual.dangling-reference",
        });
      for (const [it, cell] of Object.entries(row)) {
        try {
          checkOptions("evidenceMatrix", cell, CELL_OPTIONS);
        } catch (e) {
          if (e instanceof PathlabError)
            throw new PathlabError(e.message.replace("evidenceMatrix(): ", `evidenceMatrix(): cell ${cid} × ${it}: `), { hint: e.hint, code: e.code });
          throw e;
        }
        if (!spec.items.includes(it))
          throw new PathlabError(`Evidence cell ${cid} × "${it}": "${it}" is not an item of the matrix.`, {
            hint: `Items: ${spec.items.join(", ")}.`,
            code: "qual.dangling-reference",
          });
        if (!GRADES.includes(cell.grade))
          throw new PathlabError(`Evidence cell ${cid} × ${it}: grade "${cell.grade}" is not stated, inferred or not_reported.`, { code: "qual.bad-evidence" });
        if (cell.present === null && cell.grade !== "not_reported") {
          throw new PathlabError(`Evidence cell ${cid} × ${it} is graded "${cell.grade}" but has no value (present: null).`, {
            hint: 'A cell with no value must be graded "not_reported".',
            code: "qual.bad-evidence",
          });
        }
        if (cell.present !== null && cell.grade === "not_reported") {
          throw new PathlabError(`Evidence cell ${cid} × ${it} is "not_reported" but has present = ${cell.present}.`, {
            hint: "Grade it stated or inferred, or set present to null.",
            code: "qual.bad-evidence",
          });
        }
        if (cell.present !== null && typeof cell.present !== "boolean")
          throw new PathlabError(`Evidence cell ${cid} × ${it}: present must be true, false or null.`, { code: "qual.bad-evidence" });
        this.cellMap.set(`${cid}\u0000${it}`, { ...cell });
      }
    }
    this.caseIds = ids;
    this.items = spec.items.slice();
    this.labels = { ...(spec.labels ?? {}) };
    if (spec.scheme) for (const it of this.items) if (!this.labels[it] && spec.scheme.levelOf(it)) this.labels[it] = spec.scheme.label(it);
    this.notes = spec.notes ?? [];
    this.heading = spec.title ?? "Case × theme evidence";
  }

  title(): string {
    return this.heading;
  }

  private checkCase(c: string): void {
    if (!this.caseIds.includes(c)) throw new PathlabError(`Unknown case "${c}".`, { hint: `Cases: ${this.caseIds.join(", ")}.`, code: "qual.unknown-case" });
  }

  private checkItem(i: string): void {
    if (!this.items.includes(i)) throw new PathlabError(`Unknown item "${i}".`, { hint: `Items: ${this.items.join(", ")}.`, code: "qual.unknown-item" });
  }

  label(item: string): string {
    return this.labels[item] ?? item;
  }

  cell(caseId: string, item: string): EvidenceCell {
    this.checkCase(caseId);
    this.checkItem(item);
    return this.cellMap.get(`${caseId}\u0000${item}`) ?? NOT_REPORTED;
  }

  /** true / false when the cell's grade is included, else null (unknown under this view). */
  presence(caseId: string, item: string, include: EvidenceGrade[] = ["stated"]): boolean | null {
    const c = this.cell(caseId, item);
    if (c.present === null || !include.includes(c.grade)) return null;
    return c.present;
  }

  /** Cases showing an item under a view. */
  casesWith(item: string, include: EvidenceGrade[] = ["stated"]): string[] {
    this.checkItem(item);
    return this.caseIds.filter((c) => this.presence(c, item, include) === true);
  }

  /**
   * Per item: cases present by stated and by inferred evidence, absent, not reported, and the
   * count under the chosen view (`include`).
   */
  counts(include: EvidenceGrade[] = ["stated"], items?: string[]): TableResult & { present: Record<string, number> } {
    const its = items ?? this.items;
    its.forEach((i) => this.checkItem(i));
    const present: Record<string, number> = {};
    const rows = its.map((it) => {
      let st = 0;
      let inf = 0;
      let abs = 0;
      let nr = 0;
      let cand = 0;
      for (const c of this.caseIds) {
        const cell = this.cell(c, it);
        if (cell.present === true) cell.grade === "stated" ? st++ : inf++;
        else if (cell.present === false) abs++;
        else {
          nr++;
          if (cell.candidates?.length) cand++;
        }
      }
      const view = this.casesWith(it, include).length;
      present[it] = view;
      return { item: this.label(it), stated: st, inferred: inf, absent: abs, notReported: nr, candidates: cand, view };
    });
    const res = new TableResult({
      title: `Cases per item (view: ${include.join(" + ")})`,
      columns: [
        { key: "item", label: "Item", format: "text" },
        { key: "stated", label: "Present (stated)", format: "int" },
        { key: "inferred", label: "Present (inferred)", format: "int" },
        { key: "absent", label: "Absent", format: "int" },
        { key: "notReported", label: "Not reported", format: "int" },
        { key: "candidates", label: "…of which candidate quotes", format: "int" },
        { key: "view", label: `Present under view`, format: "int" },
      ],
      rows,
      notes: [`${this.caseIds.length} cases. "Not reported" is unknown, not absent; candidate quotes do not count as evidence.`],
    }) as TableResult & { present: Record<string, number> };
    res.present = present;
    return res;
  }

  /**
   * Item × item co-occurrence across cases: the number of cases in which both items are present
   * under the view, with the number of cases where at least one of the pair is unknown (so the
   * reader sees how much the count could move).
   */
  cooccurrence(items?: string[], include: EvidenceGrade[] = ["stated"]): TableResult & { items: string[]; matrix: number[][]; unknownPairs: number[][] } {
    const its = items ?? this.items;
    its.forEach((i) => this.checkItem(i));
    const matrix = its.map((a) =>
      its.map((b) => this.caseIds.filter((c) => this.presence(c, a, include) === true && this.presence(c, b, include) === true).length),
    );
    const unknownPairs = its.map((a) =>
      its.map((b) => this.caseIds.filter((c) => this.presence(c, a, include) === null || this.presence(c, b, include) === null).length),
    );
    const columns: Column[] = [
      { key: "item", label: "", format: "text" },
      ...its.map((it, j) => ({ key: `c${j}`, label: this.label(it), format: "text" as const })),
    ];
    const rows = its.map((a, i) => {
      const r: Record<string, unknown> = { item: this.label(a) };
      its.forEach((_, j) => (r[`c${j}`] = `${matrix[i][j]} (${unknownPairs[i][j]}?)`));
      return r;
    });
    const res = new TableResult({
      title: `Co-occurrence across cases (view: ${include.join(" + ")})`,
      columns,
      rows,
      notes: ["Cell: cases where both are present (cases where at least one is unknown). Diagonal: cases showing the item."],
    }) as TableResult & { items: string[]; matrix: number[][]; unknownPairs: number[][] };
    res.items = its;
    res.matrix = matrix;
    res.unknownPairs = unknownPairs;
    return res;
  }

  tables(): TableSpec[] {
    const columns: Column[] = [
      { key: "case", label: "Case", format: "text" },
      ...this.items.map((it, j) => ({ key: `i${j}`, label: this.label(it), format: "text" as const })),
    ];
    const rows = this.caseIds.map((c) => {
      const r: Record<string, unknown> = { case: c };
      this.items.forEach((it, j) => (r[`i${j}`] = symbol(this.cell(c, it))));
      return r;
    });
    return [
      {
        title: this.heading,
        columns,
        rows,
        notes: [
          "● present, stated in the source; ○ present, inferred; ✕ absent (stated); ? candidate quote only (unknown); · not reported (unknown).",
          ...this.notes,
        ],
      },
    ];
  }

  /** Case × item heatmap: colour = grade of the evidence, hover = the cell's note and quotes. */
  heatmap(options: { title?: string; items?: string[] } = {}): Figure {
    checkOptions("heatmap", options, { title: { kind: "string" }, items: ANY });
    const its = options.items ?? this.items;
    its.forEach((i) => this.checkItem(i));
    // 0 not reported, 1 candidate only, 2 absent, 3 present inferred, 4 present stated.
    const code = (c: EvidenceCell) => (c.present === true ? (c.grade === "stated" ? 4 : 3) : c.present === false ? 2 : c.candidates?.length ? 1 : 0);
    const z = this.caseIds.map((c) => its.map((it) => code(this.cell(c, it))));
    const text = this.caseIds.map((c) =>
      its.map((it) => {
        const cell = this.cell(c, it);
        const what = ["not reported", "candidate quote only (unknown)", "absent", "present (inferred)", "present (stated)"][code(cell)];
        const q = cell.quotes?.length
          ? `<br>quotes: ${cell.quotes.join(", ")}`
          : cell.candidates?.length
            ? `<br>candidates: ${cell.candidates.join(", ")}`
            : "";
        const note = cell.note ? `<br>${cell.note.replace(/(.{60}\S*)\s/g, "$1<br>")}` : "";
        return `${c} × ${this.label(it)}: ${what}${q}${note}`;
      }),
    );
    // Grey levels for print: none < candidate < absent < inferred < stated.
    const colours = figureTheme().grayscale ? ["#ffffff", "#e0e0e0", "#a8a8a8", "#6e6e6e", "#222222"] : ["#f2f2f2", "#fde7b0", "#d9534f", "#9ecae1", "#08519c"];
    const colorscale: [number, string][] = [];
    colours.forEach((col, i) => {
      colorscale.push([i / 5, col]);
      colorscale.push([(i + 1) / 5, col]);
    });
    return new Figure(
      [
        {
          type: "heatmap",
          z,
          x: its.map((it) => this.label(it)),
          y: this.caseIds,
          text,
          hoverinfo: "text",
          zmin: -0.5,
          zmax: 4.5,
          colorscale,
          xgap: 2,
          ygap: 2,
          colorbar: {
            tickvals: [0, 1, 2, 3, 4],
            ticktext: ["not reported", "candidate only", "absent", "inferred", "stated"],
            title: { text: "Evidence" },
          },
        } as Record<string, unknown>,
      ],
      {
        title: { text: options.title ?? this.heading },
        yaxis: { autorange: "reversed", title: { text: "Case" } },
        xaxis: { tickangle: -40, automargin: true },
        height: 180 + 32 * this.caseIds.length,
        margin: { b: 140 },
      },
    );
  }
}

/** Builds and validates an evidence matrix (unknown case or item ids are errors naming them). */
export function evidenceMatrix(spec: EvidenceMatrixSpec): EvidenceMatrix {
  return new EvidenceMatrix(spec);
}
