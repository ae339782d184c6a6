/**
 * Case-level figures that case-study papers draw from their profile tables: a timeline from one
 * dated event to another per case (founding → first export), and a bar chart of a list field per
 * case (foreign markets). Unknown values are shown as gaps with a note, never plotted as zero.
 */
import { Figure } from "../display/figure";
import { figureTheme, seriesStyle } from "../display/theme";
import { PathlabError } from "../errors";
import { checkOptions } from "../options";
import { isUnknownValue, type CaseTable } from "./case-table";

export interface TimelineOptions {
  title?: string;
  startLabel?: string;
  endLabel?: string;
  /** Highlight cases whose gap (end − start) exceeds this many years (e.g. a sampling criterion). */
  maxGap?: number;
}

/** Dot-and-line timeline per case from `start` to `end` (year fields). */
export function caseTimeline(table: CaseTable, start: string, end: string, options: TimelineOptions = {}): Figure {
  checkOptions("caseTimeline", options, {
    title: { kind: "string" },
    startLabel: { kind: "string" },
    endLabel: { kind: "string" },
    maxGap: { kind: "number", min: 0 },
  });
  for (const k of [start, end]) {
    const f = table.field(k);
    if (!["year", "integer", "number"].includes(f.type))
      throw new PathlabError(`Field "${k}" is ${f.type}; a timeline needs years.`, { code: "qual.not-numeric" });
  }
  const sl = options.startLabel ?? table.field(start).label ?? start;
  const el = options.endLabel ?? table.field(end).label ?? end;
  const ids = table.ids;
  const s = table.numbers(start);
  const e = table.numbers(end);
  const data: Record<string, unknown>[] = [];
  const flagged: string[] = [];
  ids.forEach((id, i) => {
    if (s[i] === null || e[i] === null) return;
    const over = options.maxGap !== undefined && (e[i] as number) - (s[i] as number) > options.maxGap;
    if (over) flagged.push(id);
    data.push({
      type: "scatter",
      mode: "lines",
      x: [s[i], e[i]],
      y: [id, id],
      // Over the gap: colour and a dash, so print in grayscale still shows it.
      line: over ? { color: seriesStyle(1).color, width: 3, dash: "dot" } : { color: figureTheme().muted, width: 3 },
      showlegend: false,
      hoverinfo: "skip",
    });
  });
  const known = (arr: (number | null)[]) => ids.map((_, i) => (arr[i] === null ? null : arr[i]));
  data.push({ type: "scatter", mode: "markers", name: sl, x: known(s), y: ids, marker: { size: 11, symbol: "circle", color: seriesStyle(0).color } });
  data.push({ type: "scatter", mode: "markers", name: el, x: known(e), y: ids, marker: { size: 11, symbol: "diamond", color: seriesStyle(4).color } });
  const missing = ids.filter((_, i) => s[i] === null || e[i] === null);
  const notes: string[] = [];
  if (options.maxGap !== undefined)
    notes.push(flagged.length ? `Dotted: gap > ${options.maxGap} years (${flagged.join(", ")}).` : `No case exceeds a ${options.maxGap}-year gap.`);
  if (missing.length) notes.push(`Unknown dates, not drawn: ${missing.join(", ")}.`);
  return new Figure(data as never, {
    title: { text: options.title ?? `${sl} → ${el} per case` },
    xaxis: { title: { text: "Year" }, dtick: 1 },
    yaxis: { autorange: "reversed", title: { text: "Case" }, type: "category" },
    height: 160 + 30 * ids.length,
    annotations: notes.length ? [{ xref: "paper", yref: "paper", x: 0, y: -0.18, showarrow: false, align: "left", text: notes.join(" ") }] : [],
    margin: { b: 90 },
    legend: { orientation: "h", y: 1.08 },
  });
}

/**
 * Bar chart of the number of items a list field holds per case (e.g. foreign markets), with the
 * items in the hover; `stated` optionally adds the count the source printed, to show mismatches.
 */
export function caseListBar(table: CaseTable, listField: string, options: { title?: string; stated?: string; yLabel?: string } = {}): Figure {
  checkOptions("caseListBar", options, { title: { kind: "string" }, stated: { kind: "string" }, yLabel: { kind: "string" } });
  const f = table.field(listField);
  if (f.type !== "list") throw new PathlabError(`Field "${listField}" is ${f.type}, not a list.`, { code: "qual.not-list" });
  const ids = table.ids;
  const lists = table.column(listField);
  const counts = lists.map((v) => (isUnknownValue(v) ? null : (v as string[]).length));
  const data: Record<string, unknown>[] = [
    {
      type: "bar",
      marker: { color: seriesStyle(0).fill(0.6), line: { color: seriesStyle(0).color, width: 1 } },
      name: `${f.label ?? listField} (listed)`,
      x: ids,
      y: counts,
      text: lists.map((v) => (isUnknownValue(v) ? "unknown" : (v as string[]).join(", "))),
      hovertemplate: "%{x}: %{y}<br>%{text}<extra></extra>",
      textposition: "none",
    },
  ];
  if (options.stated) {
    table.field(options.stated);
    data.push({
      type: "scatter",
      mode: "markers",
      name: "count as printed",
      x: ids,
      y: table.numbers(options.stated),
      marker: { symbol: "line-ew-open", size: 26, color: seriesStyle(1).color, line: { width: 3 } },
    });
  }
  return new Figure(data as never, {
    title: { text: options.title ?? `${f.label ?? listField} per case` },
    xaxis: { title: { text: "Case" }, type: "category" },
    yaxis: { title: { text: options.yLabel ?? "Number listed" }, dtick: 1, rangemode: "tozero" },
    height: 380,
    legend: { orientation: "h", y: 1.1 },
  });
}
