/**
 * Turning arbitrary notebook values into MIME bundles: pathlab results (the display protocol),
 * plotly figure objects, DataFrames (pathlab's or danfojs's) and arrays of row objects. Anything else returns
 * undefined and keeps the kernel's ordinary text printing.
 */
import { inspect } from "util";
import { Figure, isPlotlyFigure, type PlotFrame } from "./figure";
import { DISPLAY, hasDisplay, type MimeBundle } from "./mime";
import { TableResult } from "./result";
import { tableFromRecords, type Column, type TableSpec } from "./table";

/** How many rows of a data frame or record array are shown before eliding the middle. */
const MAX_ROWS = 20;

interface DanfoLike {
  columns: string[];
  values: unknown[][];
  index: (string | number)[];
  shape: [number, number];
}

function isDanfoFrame(x: unknown): x is DanfoLike {
  return (
    x !== null &&
    typeof x === "object" &&
    Array.isArray((x as DanfoLike).columns) &&
    Array.isArray((x as DanfoLike).values) &&
    Array.isArray((x as DanfoLike).index) &&
    Array.isArray((x as DanfoLike).shape)
  );
}

function isDanfoSeries(x: unknown): boolean {
  return (
    x !== null &&
    typeof x === "object" &&
    Array.isArray((x as { index?: unknown }).index) &&
    Array.isArray((x as { values?: unknown }).values) &&
    typeof (x as { columnName?: unknown }).columnName === "string" &&
    !Array.isArray((x as { columns?: unknown }).columns)
  );
}

function isRecordArray(x: unknown): x is Record<string, unknown>[] {
  return (
    Array.isArray(x) &&
    x.length > 0 &&
    x.every((r) => r !== null && typeof r === "object" && !Array.isArray(r) && Object.getPrototypeOf(r) === Object.prototype)
  );
}

/** Keeps the first and last rows of a long table, with an elision row between. */
function elide<T>(rows: T[], gap: (hidden: number) => T): T[] {
  if (rows.length <= MAX_ROWS) return rows;
  const half = MAX_ROWS / 2;
  return [...rows.slice(0, half), gap(rows.length - MAX_ROWS), ...rows.slice(rows.length - half)];
}

/** A DataFrame (or Series) as a table, index first, long frames elided in the middle. */
export function frameTable(frame: DanfoLike, title?: string): TableSpec {
  const numeric = frame.columns.map((_, j) => frame.values.some((r) => typeof r[j] === "number"));
  const allInt = frame.columns.map((_, j) => frame.values.every((r) => typeof r[j] !== "number" || Number.isInteger(r[j])));
  const columns: Column[] = [
    { key: "__index", label: "", format: "text" },
    ...frame.columns.map(
      (c, j): Column => ({
        key: `c${j}`,
        label: c,
        format: numeric[j] ? (allInt[j] ? "int" : "number") : "text",
        digits: 3,
      }),
    ),
  ];
  const rows = frame.values.map((r, i) => {
    const row: Record<string, unknown> = { __index: String(frame.index[i]) };
    r.forEach((v, j) => (row[`c${j}`] = v));
    return row;
  });
  const shown = elide(rows, (hidden) => ({ __index: `… ${hidden} more rows …` }));
  const [nr, nc] = frame.shape;
  return { title, columns, rows: shown, notes: [`${nr} rows × ${nc} columns`] };
}

/**
 * The MIME bundle for a value, or undefined when pathlab has no rich form for it.
 * Order matters: the display protocol wins, so any object can choose its own rendering.
 */
export function toMimeBundle(x: unknown): MimeBundle | undefined {
  if (hasDisplay(x)) return x[DISPLAY]();
  if (isPlotlyFigure(x)) {
    const extra = x as { config?: Record<string, unknown>; frames?: PlotFrame[] };
    return new Figure(x.data, x.layout ?? {}, extra.config ?? {}, { frames: extra.frames })[DISPLAY]();
  }
  if (isDanfoFrame(x)) return new TableResult(frameTable(x))[DISPLAY]();
  if (isDanfoSeries(x)) {
    const s = x as unknown as { index: (string | number)[]; values: unknown[]; columnName: string };
    const frame: DanfoLike = { columns: [s.columnName], values: s.values.map((v) => [v]), index: s.index, shape: [s.values.length, 1] };
    return new TableResult(frameTable(frame))[DISPLAY]();
  }
  if (isRecordArray(x)) {
    const spec = tableFromRecords(x);
    spec.rows = elide(spec.rows, (hidden) => ({ [spec.columns[0].key]: `… ${hidden} more rows …` }));
    if (x.length > MAX_ROWS) spec.notes = [`${x.length} rows`];
    return new TableResult(spec)[DISPLAY]();
  }
  return undefined;
}

/** Arrays longer than this as a cell's last expression print as a plain list, not one output each. */
const MAX_PARTS = 100;

/**
 * The MIME bundles a value displays as: one for a value with a rich form; for an array of results
 * (not rows of a table), one per element, each as it would display alone (elements without a rich
 * form as their text); undefined when there is nothing rich to show.
 */
export function displayBundles(x: unknown): MimeBundle[] | undefined {
  const one = toMimeBundle(x);
  if (one) return [one];
  if (!Array.isArray(x) || x.length === 0 || x.length > MAX_PARTS) return undefined;
  const parts = x.map((el) => toMimeBundle(el));
  if (parts.every((p) => p === undefined)) return undefined;
  return parts.map((p, i) => p ?? { "text/plain": inspect(x[i], { depth: 4, colors: false }) });
}
