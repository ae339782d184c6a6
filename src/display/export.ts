/**
 * Tables out of the notebook and into a manuscript without retyping: CSV for further analysis (every
 * value at full precision, NA for missing, as R's write.csv), Markdown, LaTeX with booktabs rules, and
 * APA-style Word tables (APA Publication Manual, 7th ed., §7.8–7.21: table number in bold, title in
 * italics, horizontal rules only, notes under the table beginning "Note."). The printed forms show
 * exactly the text the notebook shows (same decimals, stars and p-value style), since they are all
 * made from the same `TableSpec`.
 *
 * Word files are written with the `docx` package (maintained, MIT, no native code).
 *
 * @example
 * fit.parameterEstimates().toCSV();             // lhs,op,rhs,…,est,se,… at full precision
 * await exportTables([cfaFit.fitMeasures(), reliability], "tables.docx");
 */
import * as fs from "fs";
import * as path from "path";
import { PathlabError } from "../errors";
import { checkOptions } from "../options";
import { cellText, tableToHtml, type Column, type Row, type TableSpec } from "./table";

function isNumericColumn(col: Column, rows: Row[]): boolean {
  return col.format !== "text" && rows.some((r) => typeof r[col.key] === "number");
}

/** Header names for CSV: the label, or the key when the label is empty; repeats made unique. */
function csvHeaders(t: TableSpec): string[] {
  const seen = new Map<string, number>();
  return t.columns.map((c) => {
    const base = c.label && c.label.trim() ? c.label : c.key;
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    return k === 1 ? base : `${base}_${k}`;
  });
}

function csvQuote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** One raw cell for CSV: numbers in full (shortest round-trip) precision, NA for missing. */
function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "NA";
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "NA";
    if (v === Infinity) return "Inf";
    if (v === -Infinity) return "-Inf";
    return String(v);
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "object" && "text" in (v as object)) return csvQuote(String((v as { text: unknown }).text));
  return csvQuote(String(v));
}

/**
 * A table as CSV text (RFC 4180, "\n" line ends): a header row, then one row per table row with the
 * raw values — numbers at full precision (not the rounded display), missing values as NA, text quoted.
 * Title and notes are not part of a CSV.
 */
export function tableToCSV(t: TableSpec): string {
  const lines = [csvHeaders(t).map(csvQuote).join(",")];
  for (const r of t.rows) lines.push(t.columns.map((c) => csvCell(r[c.key])).join(","));
  return lines.join("\n") + "\n";
}

function mdEscape(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** A table as a Markdown (pipe) table with its title above and notes below, numbers as displayed. */
export function tableToMarkdown(t: TableSpec): string {
  const out: string[] = [];
  if (t.title) out.push(`**${mdEscape(t.title)}**`, "");
  const numeric = t.columns.map((c) => isNumericColumn(c, t.rows));
  out.push(`| ${t.columns.map((c) => mdEscape(c.label ?? c.key)).join(" | ")} |`);
  out.push(`|${numeric.map((n) => (n ? " ---: " : " :--- ")).join("|")}|`);
  for (const r of t.rows) out.push(`| ${t.columns.map((c) => mdEscape(cellText(c, r))).join(" | ")} |`);
  if (t.notes?.length) out.push("", ...t.notes.map((n, i) => (i === 0 ? `*Note.* ${mdEscape(n)}` : mdEscape(n))));
  return out.join("\n") + "\n";
}

const LATEX_TEXT: [RegExp, string][] = [
  [/\\/g, "\\textbackslash{}"],
  [/([&%$#_{}])/g, "\\$1"],
  [/~/g, "\\textasciitilde{}"],
  [/\^/g, "\\textasciicircum{}"],
];

const LATEX_UNICODE: Record<string, string> = {
  "−": "$-$",
  "–": "--",
  "—": "---",
  "²": "$^{2}$",
  "³": "$^{3}$",
  χ: "$\\chi$",
  α: "$\\alpha$",
  β: "$\\beta$",
  γ: "$\\gamma$",
  λ: "$\\lambda$",
  ρ: "$\\rho$",
  σ: "$\\sigma$",
  η: "$\\eta$",
  θ: "$\\theta$",
  ω: "$\\omega$",
  Δ: "$\\Delta$",
  "√": "$\\surd$",
  "≤": "$\\leq$",
  "≥": "$\\geq$",
  "±": "$\\pm$",
  "×": "$\\times$",
  "→": "$\\rightarrow$",
  "↔": "$\\leftrightarrow$",
  "…": "\\ldots{}",
  "†": "\\textdagger{}",
  "′": "$'$",
  "<": "$<$",
  ">": "$>$",
};

/** Text safe in LaTeX: specials escaped, common Greek letters and symbols as math. */
export function latexEscape(s: string): string {
  let out = s;
  for (const [re, rep] of LATEX_TEXT) out = out.replace(re, rep);
  return Array.from(out)
    .map((ch) => LATEX_UNICODE[ch] ?? ch)
    .join("");
}

/**
 * A table as a LaTeX `table` float with booktabs rules (\toprule, \midrule, \bottomrule; needs
 * \usepackage{booktabs}), numbers right-aligned as displayed, the title as caption and notes below.
 */
export function tableToLatex(t: TableSpec, options: { label?: string } = {}): string {
  const opts = checkOptions<{ label?: string }>("tableToLatex", options, { label: { kind: "string", description: "\\label{} of the table" } });
  const numeric = t.columns.map((c) => isNumericColumn(c, t.rows));
  const out: string[] = ["\\begin{table}[htbp]", "\\centering"];
  if (t.title) out.push(`\\caption{${latexEscape(t.title)}}`);
  if (opts.label) out.push(`\\label{${opts.label}}`);
  out.push(`\\begin{tabular}{${numeric.map((n) => (n ? "r" : "l")).join("")}}`, "\\toprule");
  out.push(t.columns.map((c) => latexEscape(c.label ?? c.key)).join(" & ") + " \\\\", "\\midrule");
  for (const r of t.rows) out.push(t.columns.map((c) => latexEscape(cellText(c, r))).join(" & ") + " \\\\");
  out.push("\\bottomrule", "\\end{tabular}");
  if (t.notes?.length) out.push("\\par\\smallskip", `{\\footnotesize \\textit{Note.} ${t.notes.map(latexEscape).join(" ")}\\par}`);
  out.push("\\end{table}");
  return out.join("\n") + "\n";
}

type Docx = typeof import("docx");

/** The docx package, loaded on first use (most sessions never write Word). */
function docxLib(): Docx {
  try {
    return require("docx") as Docx;
  } catch {
    throw new PathlabError("The package docx is not installed, so Word tables cannot be written.", {
      hint: "Run npm install in the pathlab folder.",
      code: "display.no-docx",
    });
  }
}

/** The paragraphs and table of one APA table (number, italic title, table, notes) for a docx Document. */
function docxTable(d: Docx, t: TableSpec, number: number): (InstanceType<Docx["Paragraph"]> | InstanceType<Docx["Table"]>)[] {
  const numeric = t.columns.map((c) => isNumericColumn(c, t.rows));
  const none = { style: d.BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const rule = (size: number) => ({ style: d.BorderStyle.SINGLE, size, color: "000000" });
  const font = "Times New Roman";
  const cell = (text: string, j: number, borders: Record<string, unknown>, bold = false) =>
    new d.TableCell({
      borders: { left: none, right: none, top: none, bottom: none, ...borders },
      margins: { left: 80, right: 80, top: 20, bottom: 20 },
      children: [
        new d.Paragraph({ alignment: numeric[j] ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT, children: [new d.TextRun({ text, bold, font, size: 20 })] }),
      ],
    });
  const last = t.rows.length - 1;
  const header = new d.TableRow({ tableHeader: true, children: t.columns.map((c, j) => cell(c.label ?? c.key, j, { top: rule(8), bottom: rule(4) })) });
  const body = t.rows.map((r, i) => new d.TableRow({ children: t.columns.map((c, j) => cell(cellText(c, r), j, i === last ? { bottom: rule(8) } : {})) }));
  const out: (InstanceType<Docx["Paragraph"]> | InstanceType<Docx["Table"]>)[] = [
    new d.Paragraph({ spacing: { before: 240 }, keepNext: true, children: [new d.TextRun({ text: `Table ${number}`, bold: true, font, size: 24 })] }),
    new d.Paragraph({ spacing: { after: 120 }, keepNext: true, children: [new d.TextRun({ text: t.title ?? "", italics: true, font, size: 24 })] }),
    new d.Table({ rows: [header, ...body], borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none } }),
  ];
  (t.notes ?? []).forEach((n, i) =>
    out.push(
      new d.Paragraph({
        spacing: { before: i === 0 ? 80 : 0 },
        children: [...(i === 0 ? [new d.TextRun({ text: "Note. ", italics: true, font, size: 20 })] : []), new d.TextRun({ text: n, font, size: 20 })],
      }),
    ),
  );
  return out;
}

/** The Word document (bytes of a .docx) holding the given tables, numbered from `start`. */
export async function tablesToDocx(tables: TableSpec[], start = 1): Promise<Buffer> {
  const d = docxLib();
  const children = tables.flatMap((t, i) => docxTable(d, t, start + i));
  const doc = new d.Document({ creator: "pathlab", title: tables[0]?.title ?? "Tables", sections: [{ children }] });
  return d.Packer.toBuffer(doc);
}

/** Anything with tables: a pathlab result or a single TableSpec. */
export type Exportable = { tables(): TableSpec[] } | TableSpec;

function tablesOf(x: Exportable): TableSpec[] {
  if (x && typeof (x as { tables?: unknown }).tables === "function") return (x as { tables(): TableSpec[] }).tables();
  if (x && Array.isArray((x as TableSpec).columns) && Array.isArray((x as TableSpec).rows)) return [x as TableSpec];
  throw new PathlabError("exportTables(): each item must be a pathlab result or a table ({ columns, rows }).", {
    code: "display.bad-export",
    hint: "Pass results such as fit.parameterEstimates() or new TableResult({...}).",
  });
}

export interface ExportOptions {
  /** Number of the first table (default 1): "Table 1", "Table 2", … */
  startNumber?: number;
}

/**
 * Writes the tables of several results into one file, by its extension: .docx (APA Word tables,
 * numbered), .md, .tex, .html or .csv (tables separated by a blank line, each preceded by a comment
 * line with its title). Resolves with the absolute path written.
 *
 * @example
 * await exportTables([describe(df), ols(df, { y: "perf", x: ["trust"] })], "tables.docx")   // APA tables in Word
 */
export async function exportTables(items: Exportable | Exportable[], file: string, options: ExportOptions = {}): Promise<string> {
  const opts = checkOptions<ExportOptions>("exportTables", options, { startNumber: { kind: "number", integer: true, min: 0, aliases: ["start"] } });
  if (typeof file !== "string" || !file)
    throw new PathlabError('exportTables(): give the file to write, e.g. "tables.docx".', {
      code: "display.bad-export",
      hint: "Supported: .docx, .md, .tex, .html, .csv.",
    });
  const list = Array.isArray(items) ? items : [items];
  const tables = list.flatMap(tablesOf);
  if (!tables.length)
    throw new PathlabError("exportTables(): there are no tables to write.", { code: "display.bad-export", hint: "Pass at least one result with tables." });
  const ext = path.extname(file).toLowerCase();
  const start = opts.startNumber ?? 1;
  let content: string | Buffer;
  if (ext === ".docx") content = await tablesToDocx(tables, start);
  else if (ext === ".md") content = tables.map((t, i) => tableToMarkdown({ ...t, title: `Table ${start + i}${t.title ? ". " + t.title : ""}` })).join("\n");
  else if (ext === ".tex") content = tables.map((t) => tableToLatex(t)).join("\n");
  else if (ext === ".csv") content = tables.map((t) => (t.title ? `# ${t.title.replace(/\n/g, " ")}\n` : "") + tableToCSV(t)).join("\n");
  else if (ext === ".html") {
    content = `<!doctype html><meta charset="utf-8">\n${tables.map(tableToHtml).join("\n")}\n`;
  } else
    throw new PathlabError(`exportTables(): "${file}" has an extension pathlab cannot write.`, {
      code: "display.bad-extension",
      hint: "Use .docx, .md, .tex, .html or .csv.",
    });
  const out = path.resolve(file);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, content);
  return out;
}
