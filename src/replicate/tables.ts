/**
 * Published beside reproduced, laid out the way papers print their tables, so a notebook never
 * hand-builds a comparison table:
 *
 * - `comparisonGrid`: a coefficient table (predictors × models) with the published cell beside the
 *   exact value and its attainable interval, coloured by status, plus the table's model statistics;
 * - `publishedBeside`: any list of quantities with a published and one or more reproduced values
 *   (loadings, α, CR, fit indices …);
 * - `momentsBeside`: a published means/SDs/correlations table beside the same moments of a data set.
 */
import { Result } from "../display/result";
import type { Column, Row, TableSpec } from "../display/table";
import { formatNumber } from "../display/format";
import { correlationTable } from "../data/correlation";
import type { TableInput } from "../data/table-input";
import { PathlabError } from "../errors";
import { colourStatuses, statusClass, type ComparisonResult, type ComparisonRow } from "./compare";
import type { PaperRecord, PublishedCorrelationTable } from "./record";

function decimals(printed: string): number {
  const m = /\.(\d+)/.exec(printed);
  return m ? m[1].length : 0;
}

function reproducedCell(r: ComparisonRow): { text: string; className: string } {
  const d = decimals(r.printed) + 2;
  const v = r.exact ?? r.simulated;
  const iv = r.lower !== null && r.upper !== null ? ` [${formatNumber(r.lower, d)}, ${formatNumber(r.upper, d)}]` : "";
  const text = v === null ? (r.status === "not reproducible" ? "n/r" : r.status) : `${formatNumber(v, d)}${iv}`;
  return { text, className: statusClass(r.status) };
}

/** A table whose status cells are coloured inline. */
export class ComparisonGrid extends Result {
  constructor(readonly spec: TableSpec) {
    super();
  }
  tables(): TableSpec[] {
    return [this.spec];
  }
  toHTML(): string {
    return colourStatuses(super.toHTML());
  }
}

/**
 * A coefficient table of the record (`table`, e.g. "Table 4") as printed — predictors down, models
 * across — with each published cell beside its reproduction (exact value and interval; coloured by
 * status). `stat` picks the number shown: the estimate (with the model statistics below) or its t.
 */
export function comparisonGrid(
  comparison: ComparisonResult,
  record: PaperRecord,
  options: { table: string; stat?: "est" | "t"; title?: string },
): ComparisonGrid {
  const stat = options.stat ?? "est";
  const coefs = record.coefficients.filter((c) => c.table === options.table);
  if (!coefs.length) throw new PathlabError(`comparisonGrid(): the record has no coefficients in "${options.table}"`, { code: "replicate.unknown-table" });
  const models: string[] = [];
  const predictors: string[] = [];
  for (const c of coefs) {
    if (!models.includes(c.model)) models.push(c.model);
    if (!predictors.includes(c.predictor)) predictors.push(c.predictor);
  }
  const byId = new Map(comparison.rows.map((r) => [r.id, r] as [string, ComparisonRow]));
  const columns: Column[] = [{ key: "term", label: "", format: "text" }];
  for (const m of models) columns.push({ key: `${m}p`, label: `${m} published`, format: "text" }, { key: `${m}r`, label: `${m} reproduced`, format: "text" });
  const rows: Row[] = predictors.map((p) => {
    const row: Row = { term: p };
    for (const m of models) {
      const c = coefs.find((x) => x.model === m && x.predictor === p);
      if (!c) continue;
      const printed = stat === "est" ? c.printed.estimate + (c.stars ?? "") : (c.printed.t ?? "");
      row[`${m}p`] = printed;
      const r = byId.get(`${c.id}.${stat}`);
      if (r) row[`${m}r`] = reproducedCell(r);
    }
    return row;
  });
  if (stat === "est") {
    const stats = record.modelStats.filter((s) => s.table === options.table);
    const kinds: string[] = [];
    for (const s of stats) for (const n of s.stats) if (!kinds.includes(n.kind)) kinds.push(n.kind);
    for (const k of kinds) {
      const row: Row = { term: k };
      for (const s of stats) {
        const n = s.stats.find((x) => x.kind === k);
        if (!n) continue;
        row[`${s.model}p`] = n.printed;
        const r = byId.get(n.id);
        if (r) row[`${s.model}r`] = reproducedCell(r);
      }
      rows.push(row);
    }
  }
  const specs = Array.from(
    new Set(
      comparison.rows
        .filter((r) => coefs.some((c) => r.id.startsWith(c.id + ".")))
        .map((r) => r.specification)
        .filter((s): s is string => !!s),
    ),
  );
  return new ComparisonGrid({
    title: options.title ?? `${options.table}: published beside reproduced (${stat === "est" ? "estimates" : "t / critical ratios"})`,
    columns,
    rows,
    notes: [
      "Reproduced: the exact value from the published inputs [its attainable interval], or the simulated value [its Monte Carlo interval]; colour = status (green reproduced, red differs, blue by construction, amber bounded, grey not reproducible).",
      ...(specs.length ? [`Specification: ${specs.join("; ")}.`] : []),
    ],
  });
}

/** One quantity with its published value and reproduced values by source. */
export interface BesideRow {
  label: string;
  /** Published value: a number (printed with `digits`), the printed text, or null when not published. */
  published: number | string | null;
  /** Reproduced values by column key (e.g. { simulated: 0.812 }). */
  values: Record<string, number | string | null>;
  note?: string;
}

/**
 * A published-beside-reproduced table for any list of quantities: one row each, the published value
 * and one column per source of reproduction (`columns`: key → label), printed to `digits` decimals
 * (published) and `digits + 1` (reproduced).
 */
export function publishedBeside(spec: {
  title: string;
  rows: BesideRow[];
  columns: Record<string, string>;
  digits?: number;
  rowLabel?: string;
  notes?: string[];
}): ComparisonGrid {
  const d = spec.digits ?? 2;
  const keys = Object.keys(spec.columns);
  const columns: Column[] = [
    { key: "label", label: spec.rowLabel ?? "", format: "text" },
    { key: "published", label: "Published", format: "text" },
    ...keys.map((k) => ({ key: k, label: spec.columns[k], format: "text" as const })),
  ];
  const hasNote = spec.rows.some((r) => r.note);
  if (hasNote) columns.push({ key: "note", label: "Note", format: "text" });
  const show = (v: number | string | null, digits: number) => (v === null ? "" : typeof v === "string" ? v : formatNumber(v, digits));
  const rows = spec.rows.map((r) => {
    const row: Row = { label: r.label, published: show(r.published, d) };
    for (const k of keys) row[k] = show(r.values[k] ?? null, d + 1);
    if (hasNote) row.note = r.note ?? "";
    return row;
  });
  return new ComparisonGrid({ title: spec.title, columns, rows, notes: spec.notes });
}

/**
 * A published table of means, SDs and correlations beside the same moments of a data set: per
 * variable the published and reproduced mean and SD and the largest |Δr| with the other variables
 * (missing published cells skipped).
 */
export function momentsBeside(
  table: PublishedCorrelationTable,
  data: TableInput,
  options: { title?: string; vars?: string[]; notes?: string[] } = {},
): ComparisonGrid {
  const vars = options.vars ?? table.names;
  const idx = vars.map((v) => {
    const i = table.names.indexOf(v);
    if (i < 0) throw new PathlabError(`momentsBeside(): "${v}" is not in ${table.source}`, { code: "replicate.unknown-variable" });
    return i;
  });
  const ct = correlationTable(data, vars);
  const rows: Row[] = vars.map((_, a) => {
    const i = idx[a];
    let dr = 0;
    vars.forEach((_, b) => {
      const r = table.r[i][idx[b]];
      if (a !== b && Number.isFinite(r)) dr = Math.max(dr, Math.abs(ct.r[a][b] - r));
    });
    const m = table.means[i];
    const s = table.sds[i];
    return {
      v: table.labels[i],
      mp: m === null ? "" : m.toFixed(table.meanDigits[i]),
      ms: formatNumber(ct.means[a], table.meanDigits[i] + 1),
      sp: s === null ? "" : s.toFixed(table.sdDigits[i]),
      ss: formatNumber(ct.sds[a], table.sdDigits[i] + 1),
      dr: formatNumber(dr, 3),
    };
  });
  return new ComparisonGrid({
    title: options.title ?? `${table.source}: published beside the data`,
    columns: [
      { key: "v", label: "Variable", format: "text" },
      { key: "mp", label: "Mean (published)", format: "text" },
      { key: "ms", label: "Mean (data)", format: "text" },
      { key: "sp", label: "SD (published)", format: "text" },
      { key: "ss", label: "SD (data)", format: "text" },
      { key: "dr", label: "max |Δr| in row", format: "text" },
    ],
    rows,
    notes: options.notes,
  });
}

/** The study as the record describes it: citation, sample, frame, design, software. */
export function studyTable(record: PaperRecord): ComparisonGrid {
  const rows: Row[] = [
    { k: "Citation", v: record.citation.text },
    { k: "Sample", v: `N = ${record.sample.n}; ${record.sample.population}; ${record.sample.country}` },
    { k: "Frame", v: record.sample.frame },
    { k: "Data collection", v: record.sample.context },
    ...record.sample.details.map((d, i) => ({ k: i === 0 ? "Details" : "", v: d })),
    ...record.design.map((d, i) => ({ k: i === 0 ? "Design" : "", v: d })),
    ...record.software.map((d, i) => ({ k: i === 0 ? "Software" : "", v: d })),
  ];
  return new ComparisonGrid({
    title: `The study (paper ${record.id}, as reported)`,
    columns: [
      { key: "k", label: "", format: "text" },
      { key: "v", label: "", format: "text" },
    ],
    rows,
    notes: record.citation.note ? [record.citation.note] : [],
  });
}

/** The hypotheses as the record states them (paraphrased), with the published evidence and verdict. */
export function hypothesesTable(record: PaperRecord): ComparisonGrid {
  return new ComparisonGrid({
    title: "Hypotheses and the published evidence",
    columns: [
      { key: "id", label: "H", format: "text" },
      { key: "text", label: "Claim (paraphrased)", format: "text" },
      { key: "type", label: "Type", format: "text" },
      { key: "sign", label: "Sign", format: "text" },
      { key: "evidence", label: "Published evidence", format: "text" },
      { key: "verdict", label: "Paper's verdict", format: "text" },
    ],
    rows: record.hypotheses.map((h) => ({ id: h.id, text: h.text, type: h.type, sign: h.expectedSign, evidence: h.evidenceText, verdict: h.verdict })),
  });
}

/**
 * Each hypothesis with the compared numbers its published evidence rests on (the record's
 * `evidence` ids: coefficient rows, indirect effects, simple slopes): published, exact or simulated
 * value with its interval, and status — the decisive numbers of a replication at a glance.
 */
export function hypothesisEvidence(record: PaperRecord, comparison: ComparisonResult): ComparisonGrid {
  const rows: Row[] = [];
  for (const h of record.hypotheses) {
    const ids = h.evidence;
    const matched = comparison.rows.filter((r) => ids.some((e) => r.id === e || r.id.startsWith(e + ".")));
    matched.forEach((r, i) =>
      rows.push({
        h: i === 0 ? h.id : "",
        verdict: i === 0 ? h.verdict : "",
        number: r.label,
        printed: r.printed,
        reproduced: reproducedCell(r),
        why: r.reasonClass
          ? `${r.reasonClass}${r.specification ? ` [${r.specification}]` : ""}`
          : r.status === "reproduced"
            ? (r.specification ?? "")
            : (r.reason ?? ""),
      }),
    );
  }
  return new ComparisonGrid({
    title: "Per hypothesis: the numbers the published evidence rests on",
    columns: [
      { key: "h", label: "H", format: "text" },
      { key: "verdict", label: "Paper's verdict", format: "text" },
      { key: "number", label: "Number", format: "text" },
      { key: "printed", label: "Published", format: "text" },
      { key: "reproduced", label: "Reproduced [interval]", format: "text" },
      { key: "why", label: "Specification / reason", format: "text" },
    ],
    rows,
  });
}
