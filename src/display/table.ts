/**
 * The table model every result renders through: columns with a format, rows of cells, a title and
 * notes. One model, two renderings (HTML for notebooks, aligned text for `summary()` and logs), so
 * the two never disagree.
 */
import { escapeHtml, formatInt, formatNumber, formatP, stars } from "./format";

/** How a column's numbers are printed. */
export type ColumnFormat = "number" | "int" | "p" | "text";

/** One column of a `TableSpec`: the row key it reads, its header, and how its numbers print. */
export interface Column {
  /** Key of the value in each row object. */
  key: string;
  /** Header shown to the reader (defaults to the key). */
  label?: string;
  format?: ColumnFormat;
  /** Decimals for `number` columns (default 3). */
  digits?: number;
  /** Key of a sibling p-value whose stars are appended to this column's numbers. */
  starsFrom?: string;
}

/** A cell: a number, a string, or empty. Objects may carry a CSS class (e.g. a status colour). */
export type Cell = number | string | boolean | null | undefined | { text: string; className?: string };

export type Row = Record<string, Cell | unknown>;

/**
 * A table as pathlab renders it: a title, columns (key, label, number format), rows of values keyed
 * by column, and notes printed under it. `TableResult` displays one.
 *
 * @example
 * new TableResult({ title: "Means", columns: [{ key: "v", label: "Variable", format: "text" }, { key: "m", label: "M", digits: 2 }], rows: [{ v: "x", m: 1.234 }] })
 */
export interface TableSpec {
  title?: string;
  columns: Column[];
  rows: Row[];
  notes?: string[];
}

/** The printed text of one cell. */
export function cellText(col: Column, row: Row): string {
  const v = row[col.key];
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && v !== null && "text" in (v as object)) return String((v as { text: unknown }).text);
  if (typeof v === "number") {
    const fmt = col.format ?? "number";
    let s: string;
    if (fmt === "int") s = formatInt(v);
    else if (fmt === "p") s = formatP(v);
    else if (fmt === "text") s = String(v);
    else s = formatNumber(v, col.digits ?? 3);
    if (col.starsFrom) s += stars(row[col.starsFrom] as number);
    return s;
  }
  if (typeof v === "boolean") return v ? "yes" : "no";
  return String(v);
}

function isNumericColumn(col: Column, rows: Row[]): boolean {
  if (col.format === "text") return false;
  return rows.some((r) => typeof r[col.key] === "number");
}

/** Renders a table as an HTML fragment in APA style (numbers right-aligned, rules above and below). */
export function tableToHtml(t: TableSpec): string {
  const out: string[] = [];
  out.push('<div class="pathlab-table">');
  out.push('<table style="border-collapse:collapse;font-variant-numeric:tabular-nums;margin:0.5em 0">');
  if (t.title) out.push(`<caption style="text-align:left;font-weight:600;padding-bottom:4px">${escapeHtml(t.title)}</caption>`);
  const numeric = t.columns.map((c) => isNumericColumn(c, t.rows));
  out.push("<thead><tr>");
  t.columns.forEach((c, i) => {
    const align = numeric[i] ? "right" : "left";
    out.push(`<th style="text-align:${align};border-top:2px solid #333;border-bottom:1px solid #333;padding:2px 8px">${escapeHtml(c.label ?? c.key)}</th>`);
  });
  out.push("</tr></thead><tbody>");
  t.rows.forEach((r, ri) => {
    out.push("<tr>");
    const last = ri === t.rows.length - 1;
    t.columns.forEach((c, i) => {
      const v = r[c.key];
      const cls = typeof v === "object" && v !== null && "className" in (v as object) ? (v as { className?: string }).className : undefined;
      const align = numeric[i] ? "right" : "left";
      const border = last ? "border-bottom:2px solid #333;" : "";
      out.push(`<td${cls ? ` class="${escapeHtml(cls)}"` : ""} style="text-align:${align};${border}padding:2px 8px">${escapeHtml(cellText(c, r))}</td>`);
    });
    out.push("</tr>");
  });
  out.push("</tbody></table>");
  for (const n of t.notes ?? []) out.push(`<div style="font-size:0.9em;font-style:italic">${escapeHtml(n)}</div>`);
  out.push("</div>");
  return out.join("");
}

/** Renders a table as aligned plain text, for `summary()`, logs and plain tslab. */
export function tableToText(t: TableSpec): string {
  const headers = t.columns.map((c) => c.label ?? c.key);
  const body = t.rows.map((r) => t.columns.map((c) => cellText(c, r)));
  const numeric = t.columns.map((c) => isNumericColumn(c, t.rows));
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const pad = (s: string, i: number) => (numeric[i] ? s.padStart(widths[i]) : s.padEnd(widths[i]));
  const lines: string[] = [];
  if (t.title) lines.push(t.title);
  lines.push(headers.map(pad).join("  "));
  lines.push(widths.map((w) => "-".repeat(w)).join("  "));
  for (const b of body) lines.push(b.map(pad).join("  ").trimEnd());
  for (const n of t.notes ?? []) lines.push(n);
  return lines.join("\n");
}

/**
 * Builds a table from an array of row objects, one column per key of the first rows (the generic
 * rendering of `[{...}, {...}]` in a notebook).
 */
export function tableFromRecords(rows: Record<string, unknown>[], title?: string): TableSpec {
  const keys: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
  const columns: Column[] = keys.map((k) => {
    const vals = rows.map((r) => r[k]).filter((v) => typeof v === "number") as number[];
    const allInt = vals.length > 0 && vals.every((v) => Number.isInteger(v));
    return { key: k, format: allInt ? "int" : "number" };
  });
  return { title, columns, rows: rows as Row[] };
}
