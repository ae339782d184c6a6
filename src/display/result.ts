/**
 * Base class of every result pathlab returns (fits, tables, comparisons). A result lists its tables
 * once; HTML, `summary()` text and the Jupyter MIME bundle are all derived from that list, so
 * nothing prints as a side effect and every rendering shows the same numbers.
 */
import type { PathlabWarning } from "../errors";
import { escapeHtml } from "./format";
import { DISPLAY, INSPECT, type MimeBundle } from "./mime";
import { tableToHtml, tableToText, type TableSpec } from "./table";
import { tablesToDocx, tableToCSV, tableToLatex, tableToMarkdown } from "./export";
import { PathlabError } from "../errors";
import * as fs from "fs";
import * as path from "path";

/**
 * The base of every pathlab result: renders itself in a notebook (HTML tables, figures) through
 * the display protocol, prints as text with `summary()`, exports with `toCSV()`, `toMarkdown()`,
 * `toLatex()` and `toDocx()`, and carries `warnings`. Subclasses implement `tables()`.
 */
export abstract class Result {
  /** Warnings about this result (shown under its tables). */
  warnings: PathlabWarning[] = [];

  /** The tables that make up this result, in reading order. */
  abstract tables(): TableSpec[];

  /** Optional heading shown above the tables. */
  title(): string | undefined {
    return undefined;
  }

  /** Lines of text printed under the heading (N used, rows dropped, seed, …). */
  info(): string[] {
    return [];
  }

  /** The whole result as text, laid out for reading next to the reference software's output. */
  summary(): string {
    const parts: string[] = [];
    const t = this.title();
    if (t) parts.push(t, "=".repeat(Math.min(78, t.length)));
    const info = this.info();
    if (info.length) parts.push(info.join("\n"));
    for (const table of this.tables()) parts.push(tableToText(table));
    for (const w of this.warnings) parts.push(`Warning: ${w.message}`);
    return parts.join("\n\n");
  }

  /** The whole result as an HTML fragment. */
  toHTML(): string {
    const parts: string[] = ['<div class="pathlab-result">'];
    const t = this.title();
    if (t) parts.push(`<div style="font-weight:700;font-size:1.05em;margin:4px 0">${escapeHtml(t)}</div>`);
    const info = this.info();
    if (info.length) parts.push(`<div style="color:#444;margin-bottom:4px">${info.map(escapeHtml).join("<br>")}</div>`);
    for (const table of this.tables()) parts.push(tableToHtml(table));
    for (const w of this.warnings) parts.push(`<div style="color:#8a4b00;margin:2px 0">⚠ ${escapeHtml(w.message)}</div>`);
    parts.push("</div>");
    return parts.join("");
  }

  /** The tables to export: all, or the one at index `table`. */
  private pick(fn: string, table?: number): TableSpec[] {
    const all = this.tables();
    if (table === undefined) return all;
    if (!Number.isInteger(table) || table < 0 || table >= all.length)
      throw new PathlabError(`${fn}(${table}): this result has ${all.length} table(s), numbered 0 to ${all.length - 1}.`, {
        code: "display.bad-table",
        hint: `Tables: ${all.map((t, i) => `${i} = ${t.title ?? "(untitled)"}`).join("; ")}.`,
      });
    return [all[table]];
  }

  /**
   * The result's values as CSV: full precision, NA for missing, text quoted (as R's write.csv).
   * With several tables, each follows a comment line "# title" and a blank line separates them;
   * `toCSV(i)` gives table i alone.
   */
  toCSV(table?: number): string {
    const ts = this.pick("toCSV", table);
    if (ts.length === 1) return tableToCSV(ts[0]);
    return ts.map((t) => (t.title ? `# ${t.title.replace(/\n/g, " ")}\n` : "") + tableToCSV(t)).join("\n");
  }

  /** The result's tables as Markdown pipe tables (numbers as displayed). */
  toMarkdown(table?: number): string {
    return this.pick("toMarkdown", table).map(tableToMarkdown).join("\n");
  }

  /** The result's tables as LaTeX tables with booktabs rules. */
  toLatex(table?: number): string {
    return this.pick("toLatex", table)
      .map((t) => tableToLatex(t))
      .join("\n");
  }

  /**
   * The result's tables as an APA-formatted Word document (bytes of a .docx); with `file`, also
   * written there. Use `exportTables([...], "tables.docx")` to put several results in one document.
   */
  async toDocx(file?: string): Promise<Buffer> {
    const buf = await tablesToDocx(this.tables());
    if (file !== undefined) {
      if (typeof file !== "string" || path.extname(file).toLowerCase() !== ".docx")
        throw new PathlabError(`toDocx(): "${String(file)}" must be a file name ending in .docx.`, {
          code: "display.bad-extension",
          hint: 'Write result.toDocx("table1.docx").',
        });
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      fs.writeFileSync(file, buf);
    }
    return buf;
  }

  [DISPLAY](): MimeBundle {
    return { "text/html": this.toHTML(), "text/plain": this.summary() };
  }

  [INSPECT](): string {
    return this.summary();
  }

  toString(): string {
    return this.summary();
  }
}

/** A single table as a displayable result (e.g. a correlation table or a comparison table). */
export class TableResult extends Result {
  constructor(readonly spec: TableSpec) {
    super();
  }
  tables(): TableSpec[] {
    return [this.spec];
  }
}
