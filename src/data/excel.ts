/**
 * Excel workbooks (.xlsx) read with ExcelJS: the first non-empty row of the sheet is the header,
 * each later non-empty row a case. Cells are returned as their values: numbers, text, booleans,
 * formulas as their stored result, rich text as its plain text, dates as ISO 8601 text ("2024-01-15",
 * or "2024-01-15T10:30:00Z" with a time of day), error cells (#N/A, #DIV/0!) as null as readxl does.
 *
 * Errors name what is wrong: a sheet that does not exist (listing the sheets), an empty sheet, a
 * header without data rows, a column name used twice (naming both columns), a formula without a
 * stored result, a legacy .xls file.
 */
import * as fs from "fs";
import { PathlabError } from "../errors";
import { checkOptions } from "../options";
import { assertFile, toDataFrame, type DataFrame } from "./frame";
import { excelColumn, headerNames } from "./header";
import { isMissing, naValueSpecs, naValuesOf, type MissingOptions } from "./table-input";

export interface ReadExcelOptions extends MissingOptions {
  /** Sheet name, or 0-based index (default: the first sheet). */
  sheet?: string | number;
}

type ExcelJSModule = typeof import("exceljs");
type Worksheet = import("exceljs").Worksheet;

function dateText(d: Date): string {
  const iso = d.toISOString();
  if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
  return iso.endsWith(".000Z") ? iso.slice(0, -5) + "Z" : iso;
}

/** The value of one ExcelJS cell (see the module comment). */
function cellValue(v: unknown, where: () => string): number | string | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateText(v);
  const o = v as Record<string, unknown>;
  if ("error" in o) return null;
  if ("richText" in o && Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join("");
  if ("formula" in o || "sharedFormula" in o) {
    if (o.result === undefined)
      throw new PathlabError(`Cell ${where()} holds a formula with no stored result.`, {
        code: "data.excel-formula",
        hint: "Open the file in Excel (or LibreOffice), let it calculate, and save it again; or paste the values.",
      });
    return cellValue(o.result, where);
  }
  if ("text" in o) return cellValue(o.text, where); // hyperlink
  throw new PathlabError(`Cell ${where()} holds a value pathlab cannot read (${Object.keys(o).join(", ")}).`, {
    code: "data.excel-cell",
    hint: "Convert the cell to a plain value in Excel.",
  });
}

function pickSheet(wb: import("exceljs").Workbook, sheet: string | number | undefined, path: string): Worksheet {
  const sheets = wb.worksheets;
  const list = sheets.map((s) => `"${s.name}"`).join(", ");
  if (sheets.length === 0) throw new PathlabError(`${path} has no worksheets.`, { code: "data.empty-sheet", hint: "Check that this is the right file." });
  if (sheet === undefined) return sheets[0];
  if (typeof sheet === "number") {
    if (!Number.isInteger(sheet) || sheet < 0 || sheet >= sheets.length)
      throw new PathlabError(`Sheet index ${sheet} does not exist in ${path}: it has ${sheets.length} sheet(s), numbered from 0.`, {
        hint: `Sheets: ${list}.`,
        code: "data.unknown-sheet",
      });
    return sheets[sheet];
  }
  const hit = sheets.find((s) => s.name === sheet);
  if (!hit) {
    const ci = sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
    throw new PathlabError(`Sheet "${sheet}" does not exist in ${path}.`, {
      hint: `${ci ? `Did you mean "${ci.name}"? ` : ""}Sheets: ${list}.`,
      code: "data.unknown-sheet",
    });
  }
  return hit;
}

/** Rows of the sheet as arrays of cell values (0-based columns), empty rows left out. */
function sheetRows(ws: Worksheet): { row: number; cells: (number | string | boolean | null)[] }[] {
  const rows: { row: number; cells: (number | string | boolean | null)[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: (number | string | boolean | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      cells[c - 1] = cellValue(cell.value, () => `${excelColumn(c - 1)}${r} of sheet "${ws.name}"`);
    });
    for (let j = 0; j < cells.length; j++) if (cells[j] === undefined) cells[j] = null;
    if (cells.some((x) => x !== null && x !== "")) rows.push({ row: r, cells });
  });
  return rows;
}

/**
 * Reads one sheet of an Excel workbook (.xlsx) into a DataFrame (see the module comment).
 * `sheet` is a sheet name or a 0-based index (default: the first sheet); it may also be given as
 * an option.
 *
 * @example
 * const df = await readExcel("survey.xlsx", "Data", { naValues: [99] });
 */
export async function readExcel(path: string, sheet?: string | number | ReadExcelOptions, options: ReadExcelOptions = {}): Promise<DataFrame> {
  const asOptions = sheet !== null && typeof sheet === "object";
  const opts = checkOptions<ReadExcelOptions>("readExcel", asOptions ? (sheet as ReadExcelOptions) : options, {
    sheet: {
      kind: "custom",
      check: (s) =>
        typeof s === "string" || (typeof s === "number" && Number.isInteger(s))
          ? undefined
          : `must be a sheet name or a 0-based index; got ${JSON.stringify(s)}.`,
    },
    ...naValueSpecs(),
  });
  const na = naValuesOf(opts, "readExcel");
  const which = asOptions ? opts.sheet : ((sheet as string | number | undefined) ?? opts.sheet);
  assertFile(path, "Excel");
  const head = Buffer.alloc(4);
  const fd = fs.openSync(path, "r");
  fs.readSync(fd, head, 0, 4, 0);
  fs.closeSync(fd);
  if (head.readUInt32BE(0) === 0xd0cf11e0)
    throw new PathlabError(`${path} is a legacy Excel 97–2003 (.xls) workbook, which pathlab does not read.`, {
      code: "data.xls",
      hint: "Save it as .xlsx (File → Save As → Excel Workbook) or as CSV.",
    });
  const ExcelJS = require("exceljs") as ExcelJSModule;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new PathlabError(`Could not read ${path} as an .xlsx workbook: ${(e as Error).message}`, {
      code: "data.bad-excel",
      hint: "Check that the file is an Excel workbook (.xlsx) and not damaged; re-save it from Excel.",
    });
  }
  const ws = pickSheet(wb, which, path);
  const where = `sheet "${ws.name}" of ${path}`;
  const rows = sheetRows(ws);
  if (rows.length === 0)
    throw new PathlabError(`The ${where} is empty.`, { code: "data.empty-sheet", hint: "Choose the sheet that holds the data with { sheet: … }." });
  const width = Math.max(...rows.map((r) => r.cells.length));
  const headCells = Array.from({ length: width }, (_, j) => rows[0].cells[j] ?? null);
  const names = headerNames(headCells, where, excelColumn);
  if (rows.length === 1)
    throw new PathlabError(`The ${where} has a header row (row ${rows[0].row}) but no data rows.`, {
      code: "data.no-rows",
      hint: "Check that the sheet holds the data and not only the column names.",
    });
  const cols: { [name: string]: unknown[] } = {};
  names.forEach(
    (n, j) =>
      (cols[n] = rows.slice(1).map((r) => {
        const x = r.cells[j] ?? null;
        return na.length && isMissing(x, na) && x !== "" ? null : x;
      })),
  );
  return toDataFrame(cols, names);
}
