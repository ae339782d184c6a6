/**
 * The forest-style figure of a hypothesis table: for every compared number, the published value
 * (a diamond with its rounding interval) inside the attainable or Monte Carlo interval (a bar)
 * with the exact value (a dot), coloured by status, one panel per kind of statistic (estimates,
 * t values, p values, R² …) so that scales never mix. A reader scans it for diamonds off their bars.
 */
import { Figure, type PlotData } from "../display/figure";
import { publishedInterval, REPLICATION_STATUSES, type ComparisonResult, type ComparisonRow, type ReplicationStatus } from "./compare";

const COLOUR: Record<ReplicationStatus, string> = {
  reproduced: "#2e7d32",
  differs: "#c62828",
  "by construction": "#1f4e79",
  bounded: "#b7791f",
  "not reproducible": "#777777",
};

const KIND_LABEL: Record<string, string> = {
  est: "estimate",
  t: "t / critical ratio",
  p: "p",
  r2: "R²",
  adjR2: "adjusted R²",
  deltaR2: "ΔR²",
  F: "F",
  vif: "VIF",
  lo: "CI lower",
  hi: "CI upper",
  sobel: "Sobel z",
};

/** The kind of statistic a row is, from the last segment of its id ("…M2.amc.est" → "estimate"). */
export function statisticKind(id: string): string {
  const parts = id.split(".");
  const last = parts[parts.length - 1];
  if (last === "lo" || last === "hi") return parts[parts.length - 2] === "ci" ? (last === "lo" ? "CI lower" : "CI upper") : KIND_LABEL[last];
  return KIND_LABEL[last] ?? "other";
}

export interface ForestOptions {
  /** Rows to draw (default: all rows of the comparison). */
  ids?: string[];
  match?: (row: ComparisonRow) => boolean;
  title?: string;
  /** Panel of a row (default: `statisticKind(row.id)`). */
  group?: (row: ComparisonRow) => string;
}

/** The forest-style figure of a comparison (see the module comment). */
export function forestPlot(comparison: ComparisonResult, options: ForestOptions = {}): Figure {
  let rows = comparison.rows;
  if (options.ids) {
    const want = new Set(options.ids);
    rows = rows.filter((r) => want.has(r.id));
  }
  if (options.match) rows = rows.filter(options.match);
  const groupOf = options.group ?? ((r: ComparisonRow) => statisticKind(r.id));
  const groups: { name: string; rows: ComparisonRow[] }[] = [];
  for (const r of rows) {
    const g = groupOf(r);
    let e = groups.find((x) => x.name === g);
    if (!e) {
      e = { name: g, rows: [] };
      groups.push(e);
    }
    e.rows.push(r);
  }
  const total = rows.length + 2 * groups.length;
  const data: PlotData[] = [];
  const layout: Record<string, unknown> = {
    title: options.title ?? `${comparison.heading}: published value inside its interval`,
    height: Math.max(260, 90 + 19 * total),
    margin: { l: 260, r: 20, t: 60, b: 40 },
    legend: { orientation: "h", y: -0.04 - 20 / Math.max(260, 90 + 19 * total) },
    showlegend: true,
  };
  let top = 1;
  const seen = new Set<string>();
  groups.forEach((g, k) => {
    const share = (g.rows.length + 2) / total;
    const domain = [Math.max(0, top - share + 0.02), top];
    top -= share;
    const ax = k === 0 ? "" : String(k + 1);
    const xa = `x${ax}`;
    const ya = `y${ax}`;
    layout[`xaxis${ax}`] = { anchor: ya, zeroline: true, title: { text: g.name, standoff: 2 } };
    layout[`yaxis${ax}`] = { anchor: xa, domain, automargin: true, autorange: "reversed", type: "category", tickfont: { size: 10 } };
    for (const s of REPLICATION_STATUSES) {
      const these = g.rows.filter((r) => r.status === s && r.lower !== null && r.upper !== null && Number.isFinite(r.lower) && Number.isFinite(r.upper));
      if (!these.length) continue;
      const xs: (number | null)[] = [];
      const ys: (string | null)[] = [];
      for (const r of these) {
        xs.push(r.lower as number, r.upper as number, null);
        ys.push(r.label, r.label, null);
      }
      data.push({
        type: "scatter",
        mode: "lines",
        x: xs,
        y: ys,
        xaxis: xa,
        yaxis: ya,
        line: { color: COLOUR[s], width: 6 },
        opacity: 0.45,
        name: `${s}: interval`,
        showlegend: !seen.has(`i${s}`),
        legendgroup: s,
        hoverinfo: "skip",
      });
      seen.add(`i${s}`);
    }
    const withExact = g.rows.filter((r) => r.exact !== null);
    if (withExact.length) {
      data.push({
        type: "scatter",
        mode: "markers",
        x: withExact.map((r) => r.exact),
        y: withExact.map((r) => r.label),
        xaxis: xa,
        yaxis: ya,
        marker: { color: "#222", size: 6 },
        name: "exact (printed inputs)",
        showlegend: !seen.has("exact"),
        legendgroup: "exact",
      });
      seen.add("exact");
    }
    const finitePub = g.rows.filter((r) => Number.isFinite(r.published));
    const half = finitePub.map((r) => {
      const [a, b] = publishedInterval({
        value: r.published,
        digits: decimals(r.printed),
        bound: r.printed.includes("<") ? "<" : r.printed.includes(">") ? ">" : undefined,
      });
      return Number.isFinite(a) && Number.isFinite(b) ? (b - a) / 2 : 0;
    });
    data.push({
      type: "scatter",
      mode: "markers",
      x: finitePub.map((r) => r.published),
      y: finitePub.map((r) => r.label),
      xaxis: xa,
      yaxis: ya,
      error_x: { type: "data", array: half, visible: true, thickness: 1.2, width: 3 },
      marker: { symbol: "diamond", size: 10, color: finitePub.map((r) => COLOUR[r.status]), line: { color: "#000", width: 0.5 } },
      text: finitePub.map((r) => `${r.id}: ${r.printed} — ${r.status}${r.reasonClass ? ` (${r.reasonClass})` : ""}`),
      hoverinfo: "text",
      name: "published (printed rounding)",
      showlegend: !seen.has("pub"),
      legendgroup: "pub",
    });
    seen.add("pub");
  });
  return new Figure(data, layout);
}

function decimals(printed: string): number {
  const m = /\.(\d+)/.exec(printed);
  return m ? m[1].length : 0;
}
