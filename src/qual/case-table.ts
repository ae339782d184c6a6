/**
 * Case tables for qualitative and small-N case research: one record per case (firm, informant,
 * site) with typed fields. A value the source does not give is written `unknownValue("why")` and stays
 * unknown in every table, count and figure: it is never filled, dropped silently or read as zero.
 * Forgetting a field is an error, so every gap on the page is a deliberate one.
 */
import { Result, TableResult } from "../display/result";
import type { Column, TableSpec } from "../display/table";
import { PathlabError } from "../errors";
import { mean as meanOf, median, variance } from "../math";
import { checkOptions, type OptionSpecs } from "../options";
import { checkEach } from "../simulate/validate";

const ANY = { kind: "custom" } as const;
const FIELD_TYPES: FieldType[] = ["number", "integer", "year", "text", "category", "list", "boolean"];
const CASE_TABLE_OPTIONS: OptionSpecs = { title: { kind: "string" }, fields: ANY, cases: ANY, notes: ANY };
const FIELD_OPTIONS: OptionSpecs = {
  key: ANY,
  label: { kind: "string" },
  type: { kind: "enum", values: FIELD_TYPES },
  unit: { kind: "string" },
  source: { kind: "string" },
  note: { kind: "string" },
};

/** A value the source does not report, with the reason (e.g. "not reported", "text truncated"). */
export interface Unknown {
  readonly unknown: true;
  readonly reason: string;
}

/** Marks a value as not known: `unknownValue("not reported in Table 1")`. */
export function unknownValue(reason = "not reported"): Unknown {
  return { unknown: true, reason };
}

/** True for a value written `unknownValue("why")` (a field the source does not give). */
export function isUnknownValue(v: unknown): v is Unknown {
  return v !== null && typeof v === "object" && (v as { unknown?: unknown }).unknown === true;
}

export type FieldType = "number" | "integer" | "year" | "text" | "category" | "list" | "boolean";
export type FieldValue = number | string | boolean | string[] | Unknown;

export interface FieldSpec {
  key: string;
  label?: string;
  type: FieldType;
  /** Unit shown in the header (e.g. "$", "%"). */
  unit?: string;
  /** Where the value comes from (e.g. "Table 1"), or "derived" for computed columns. */
  source?: string;
  note?: string;
}

export interface CaseRecord {
  id: string;
  [field: string]: FieldValue;
}

/** What `caseTable` builds: typed fields, one record per case, notes. */
export interface CaseTableSpec {
  title?: string;
  fields: FieldSpec[];
  cases: CaseRecord[];
  notes?: string[];
}

function checkValue(caseId: string, f: FieldSpec, v: unknown): void {
  const bad = (what: string): never => {
    throw new PathlabError(`Case "${caseId}", field "${f.key}": ${what}.`, {
      hint: `Field "${f.key}" is of type ${f.type}; write unknownValue("reason") if the source does not give it.`,
      code: "qual.bad-case-value",
    });
  };
  if (v === undefined || v === null) bad(`no value (${v === null ? "null" : "missing"})`);
  if (isUnknownValue(v)) return;
  switch (f.type) {
    case "number":
      if (typeof v !== "number" || !Number.isFinite(v)) bad(`expected a number, got ${JSON.stringify(v)}`);
      break;
    case "integer":
    case "year":
      if (typeof v !== "number" || !Number.isInteger(v)) bad(`expected an integer, got ${JSON.stringify(v)}`);
      if (f.type === "year" && ((v as number) < 1000 || (v as number) > 3000)) bad(`${v} is not a plausible year`);
      break;
    case "text":
    case "category":
      if (typeof v !== "string") bad(`expected text, got ${JSON.stringify(v)}`);
      break;
    case "list":
      if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) bad(`expected a list of strings, got ${JSON.stringify(v)}`);
      break;
    case "boolean":
      if (typeof v !== "boolean") bad(`expected true/false, got ${JSON.stringify(v)}`);
      break;
  }
}

/** Text of a value for tables: unknowns print as "unknown", lists joined by commas. */
export function formatFieldValue(v: FieldValue): string {
  if (isUnknownValue(v)) return "unknown";
  if (Array.isArray(v)) return v.join(", ");
  if (typeof v === "boolean") return v ? "yes" : "no";
  return String(v);
}

/** A table of cases (firms, sites) with typed fields, unknown values kept as unknown; renders as a table and feeds coding, evidence and claims. */
export class CaseTable extends Result {
  readonly fields: FieldSpec[];
  readonly cases: CaseRecord[];
  readonly notes: string[];
  private readonly heading?: string;

  constructor(spec: CaseTableSpec) {
    super();
    if (!spec || !Array.isArray(spec.fields) || !Array.isArray(spec.cases)) {
      throw new PathlabError("A case table needs `fields` and `cases` arrays.", { code: "qual.bad-case-table" });
    }
    checkOptions("caseTable", spec, CASE_TABLE_OPTIONS);
    checkEach("caseTable", (i) => `field ${i + 1}${typeof spec.fields[i]?.key === "string" ? ` ("${spec.fields[i].key}")` : ""}`, spec.fields, FIELD_OPTIONS);
    for (const f of spec.fields) {
      if (f.type === undefined)
        throw new PathlabError(`caseTable(): field "${f.key}" has no type.`, { hint: `Types: ${FIELD_TYPES.join(", ")}.`, code: "qual.bad-case-table" });
    }
    const keys = new Set<string>();
    for (const f of spec.fields) {
      if (!f.key || f.key === "id") throw new PathlabError(`Field key "${f.key}" is empty or reserved ("id" is the case id).`, { code: "qual.bad-case-table" });
      if (keys.has(f.key)) throw new PathlabError(`Field "${f.key}" is defined twice.`, { code: "qual.bad-case-table" });
      keys.add(f.key);
    }
    const ids = new Set<string>();
    for (const c of spec.cases) {
      if (typeof c.id !== "string" || !c.id) throw new PathlabError(`A case has no id (${JSON.stringify(c).slice(0, 60)}…).`, { code: "qual.bad-case-table" });
      if (ids.has(c.id)) throw new PathlabError(`Case id "${c.id}" appears twice.`, { code: "qual.bad-case-table" });
      ids.add(c.id);
      for (const k of Object.keys(c)) {
        if (k !== "id" && !keys.has(k)) {
          throw new PathlabError(`Case "${c.id}" has a value for "${k}", which is not a field of the table.`, {
            hint: `Fields: ${[...keys].join(", ")}.`,
            code: "qual.bad-case-table",
          });
        }
      }
      for (const f of spec.fields) checkValue(c.id, f, c[f.key]);
    }
    this.fields = spec.fields.map((f) => ({ ...f }));
    this.cases = spec.cases.map((c) => ({ ...c }));
    this.notes = spec.notes ?? [];
    this.heading = spec.title;
  }

  title(): string | undefined {
    return this.heading;
  }

  get ids(): string[] {
    return this.cases.map((c) => c.id);
  }

  field(key: string): FieldSpec {
    const f = this.fields.find((x) => x.key === key);
    if (!f) {
      throw new PathlabError(`Unknown field "${key}".`, { hint: `Fields: ${this.fields.map((x) => x.key).join(", ")}.`, code: "qual.unknown-field" });
    }
    return f;
  }

  get(id: string): CaseRecord {
    const c = this.cases.find((x) => x.id === id);
    if (!c) throw new PathlabError(`Unknown case "${id}".`, { hint: `Cases: ${this.ids.join(", ")}.`, code: "qual.unknown-case" });
    return c;
  }

  value(id: string, key: string): FieldValue {
    this.field(key);
    return this.get(id)[key];
  }

  /** All values of a field, in case order (unknowns included as Unknown objects). */
  column(key: string): FieldValue[] {
    this.field(key);
    return this.cases.map((c) => c[key]);
  }

  /** The cases whose value of `key` is known, with the value. */
  known(key: string): { id: string; value: Exclude<FieldValue, Unknown> }[] {
    this.field(key);
    return this.cases.filter((c) => !isUnknownValue(c[key])).map((c) => ({ id: c.id, value: c[key] as Exclude<FieldValue, Unknown> }));
  }

  /** Numeric values of a field with unknowns as null (never NaN or 0). */
  numbers(key: string): (number | null)[] {
    const f = this.field(key);
    if (!["number", "integer", "year"].includes(f.type)) throw new PathlabError(`Field "${key}" is ${f.type}, not numeric.`, { code: "qual.not-numeric" });
    return this.cases.map((c) => (isUnknownValue(c[key]) ? null : (c[key] as number)));
  }

  /** Rows for a data frame: unknown → null, lists joined by "; ". */
  toRows(): Record<string, string | number | boolean | null>[] {
    return this.cases.map((c) => {
      const r: Record<string, string | number | boolean | null> = { id: c.id };
      for (const f of this.fields) {
        const v = c[f.key];
        r[f.key] = isUnknownValue(v) ? null : Array.isArray(v) ? v.join("; ") : (v as string | number | boolean);
      }
      return r;
    });
  }

  /** A new table with a subset of fields (e.g. to print one published table). */
  select(keys: string[], title?: string): CaseTable {
    const fields = keys.map((k) => this.field(k));
    return new CaseTable({
      title: title ?? this.heading,
      fields,
      cases: this.cases.map((c) => {
        const r: CaseRecord = { id: c.id };
        for (const k of keys) r[k] = c[k];
        return r;
      }),
      notes: this.notes,
    });
  }

  /** A new table with extra derived fields computed per case (return unknownValue() when an input is unknown). */
  derive(fields: { spec: FieldSpec; compute: (c: CaseRecord) => FieldValue }[]): CaseTable {
    return new CaseTable({
      title: this.heading,
      fields: [...this.fields, ...fields.map((f) => ({ source: "derived", ...f.spec }))],
      cases: this.cases.map((c) => {
        const r: CaseRecord = { ...c };
        for (const f of fields) r[f.spec.key] = f.compute(c);
        return r;
      }),
      notes: this.notes,
    });
  }

  /**
   * Descriptive statistics of numeric fields over the cases where they are known: n known,
   * n unknown, min, median, mean, max, SD (n − 1) and sum. Descriptive only.
   */
  describe(keys?: string[]): TableResult {
    const ks = keys ?? this.fields.filter((f) => f.type === "number" || f.type === "integer").map((f) => f.key);
    const rows = ks.map((k) => {
      const xs = this.numbers(k).filter((v): v is number => v !== null);
      const n = xs.length;
      const mean = n ? meanOf(xs) : NaN;
      const sd = Math.sqrt(variance(xs));
      const f = this.field(k);
      return {
        field: f.label ?? k,
        known: n,
        unknown: this.cases.length - n,
        min: n ? Math.min(...xs) : NaN,
        median: n ? median(xs) : NaN,
        mean,
        max: n ? Math.max(...xs) : NaN,
        sd,
        sum: n ? xs.reduce((a, b) => a + b, 0) : NaN,
      };
    });
    return new TableResult({
      title: "Descriptives over cases (known values only)",
      columns: [
        { key: "field", label: "Field", format: "text" },
        { key: "known", label: "n known", format: "int" },
        { key: "unknown", label: "n unknown", format: "int" },
        { key: "min", label: "Min", digits: 2 },
        { key: "median", label: "Median", digits: 2 },
        { key: "mean", label: "Mean", digits: 2 },
        { key: "max", label: "Max", digits: 2 },
        { key: "sd", label: "SD", digits: 2 },
        { key: "sum", label: "Sum", digits: 0 },
      ],
      rows,
      notes: ["Descriptive only; unknown values are excluded and counted, never imputed."],
    });
  }

  /**
   * Frequencies of a category, text, boolean or list field. For a list field a case counts once
   * for each distinct item it lists. Sorted by count, then name. Unknowns are a separate row.
   */
  frequencies(key: string): TableResult & { counts: Record<string, number> } {
    const f = this.field(key);
    const counts = new Map<string, number>();
    let unknowns = 0;
    for (const c of this.cases) {
      const v = c[key];
      if (isUnknownValue(v)) {
        unknowns++;
        continue;
      }
      const items = f.type === "list" ? Array.from(new Set(v as string[])) : [formatFieldValue(v)];
      for (const it of items) counts.set(it, (counts.get(it) ?? 0) + 1);
    }
    const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const rows: Record<string, unknown>[] = sorted.map(([value, n]) => ({ value, cases: n }));
    if (unknowns) rows.push({ value: "(unknown)", cases: unknowns });
    const res = new TableResult({
      title: `${f.label ?? key}: number of cases`,
      columns: [
        { key: "value", label: f.label ?? key, format: "text" },
        { key: "cases", label: "Cases", format: "int" },
      ],
      rows,
    }) as TableResult & { counts: Record<string, number> };
    res.counts = Object.fromEntries(sorted);
    return res;
  }

  /** Item × item co-occurrence of a list field: the number of cases listing both items. */
  listCooccurrence(key: string, items?: string[]): TableResult & { items: string[]; matrix: number[][] } {
    const f = this.field(key);
    if (f.type !== "list") throw new PathlabError(`Field "${key}" is ${f.type}, not a list.`, { code: "qual.not-list" });
    const freq = this.frequencies(key).counts;
    const its = items ?? Object.keys(freq);
    const sets = this.cases.filter((c) => !isUnknownValue(c[key])).map((c) => new Set(c[key] as string[]));
    const matrix = its.map((a) => its.map((b) => sets.filter((s) => s.has(a) && s.has(b)).length));
    const columns: Column[] = [{ key: "item", label: "", format: "text" }, ...its.map((it, j) => ({ key: `c${j}`, label: it, format: "int" as const }))];
    const rows = its.map((it, i) => {
      const r: Record<string, unknown> = { item: it };
      its.forEach((_, j) => (r[`c${j}`] = matrix[i][j]));
      return r;
    });
    const res = new TableResult({
      title: `${f.label ?? key}: co-occurrence across cases (diagonal = cases listing the item)`,
      columns,
      rows,
    }) as TableResult & { items: string[]; matrix: number[][] };
    res.items = its;
    res.matrix = matrix;
    return res;
  }

  tables(): TableSpec[] {
    const columns: Column[] = [
      { key: "id", label: "Case", format: "text" },
      ...this.fields.map((f) => ({
        key: f.key,
        label: (f.label ?? f.key) + (f.unit ? ` (${f.unit})` : ""),
        format: (f.type === "number" ? "number" : f.type === "integer" || f.type === "year" ? "int" : "text") as Column["format"],
        digits: f.type === "number" ? 0 : undefined,
      })),
    ];
    const rows = this.cases.map((c) => {
      const r: Record<string, unknown> = { id: c.id };
      for (const f of this.fields) {
        const v = c[f.key];
        r[f.key] = isUnknownValue(v) ? { text: "unknown", className: "pathlab-unknown" } : Array.isArray(v) || typeof v === "boolean" ? formatFieldValue(v) : v;
      }
      return r;
    });
    const unknownNotes: string[] = [];
    for (const c of this.cases) {
      for (const f of this.fields) {
        const v = c[f.key];
        if (isUnknownValue(v)) unknownNotes.push(`${c.id} ${f.label ?? f.key}: unknown (${v.reason})`);
      }
    }
    const notes = [...this.notes];
    if (unknownNotes.length)
      notes.push(`Unknown values: ${unknownNotes.slice(0, 12).join("; ")}${unknownNotes.length > 12 ? `; … (${unknownNotes.length} in all)` : ""}.`);
    // The heading is shown once, by title(); the table itself needs no caption.
    return [{ columns, rows, notes }];
  }
}

/**
 * Builds and validates a case table (errors name the case and field at fault).
 *
 * @example
 * caseTable({
 *   fields: [{ key: "employees", type: "integer", source: "Table 1" }],
 *   cases: [{ id: "C1", employees: 12 }, { id: "C2", employees: unknownValue("not reported") }],
 * })
 */
export function caseTable(spec: CaseTableSpec): CaseTable {
  return new CaseTable(spec);
}
