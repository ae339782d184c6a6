/**
 * A paper's conceptual model (its "Figure 1") as a plotly figure: variables as boxes, hypothesised
 * paths as arrows labelled with the hypothesis (and, optionally, an estimate), moderations as
 * arrows onto the path they moderate, control paths in grey. Arrows start and end on
 * the box borders, and labels sit on a white ground so they never run into lines.
 */
import { Figure } from "../display/figure";
import type { PaperModelNode, PaperModelPath } from "./record";

export interface ConceptualModelOptions {
  title?: string;
  /** Node centres in layout units (x to the right, y up). Missing nodes are placed by their kind. */
  positions?: Record<string, [number, number]>;
  /** Label of a path (default: its hypothesis id). Return "" for none. */
  pathLabel?: (path: PaperModelPath) => string;
  width?: number;
  height?: number;
}

const COLOURS: Record<PaperModelNode["kind"], string> = {
  iv: "#dbe8f6",
  mediator: "#fde8c8",
  dv: "#d5ecd9",
  moderator: "#f3d9e8",
  control: "#eeeeee",
};

/** Breaks a label into lines of at most `max` characters at spaces. */
function wrap(label: string, max = 24): string[] {
  const lines: string[] = [];
  let cur = "";
  for (const word of label.split(/\s+/)) {
    if (cur && (cur + " " + word).length > max) {
      lines.push(cur);
      cur = word;
    } else cur = cur ? cur + " " + word : word;
  }
  if (cur) lines.push(cur);
  return lines;
}

/** Default centres: predictors left, mediators centre, outcomes right, moderators above, controls below. */
function defaultPositions(nodes: PaperModelNode[]): Record<string, [number, number]> {
  const column: Record<PaperModelNode["kind"], number> = { iv: 0, mediator: 1.5, dv: 3, moderator: 2.25, control: 1.5 };
  const pos: Record<string, [number, number]> = {};
  for (const kind of ["iv", "mediator", "dv"] as const) {
    const group = nodes.filter((n) => n.kind === kind);
    group.forEach((n, i) => (pos[n.id] = [column[kind], (group.length - 1) / 2 - i]));
  }
  const mods = nodes.filter((n) => n.kind === "moderator");
  mods.forEach((n, i) => (pos[n.id] = [column.moderator - 0.6 * i, 1.6]));
  const controls = nodes.filter((n) => n.kind === "control");
  controls.forEach((n, i) => (pos[n.id] = [column.control + i, -1.6]));
  return pos;
}

/** Where the segment from a box centre towards `to` leaves a box of half-size (w, h). */
function exitPoint(c: [number, number], to: [number, number], w: number, h: number): [number, number] {
  const dx = to[0] - c[0],
    dy = to[1] - c[1];
  const t = Math.min(dx === 0 ? Infinity : w / Math.abs(dx), dy === 0 ? Infinity : h / Math.abs(dy));
  return t >= 1 ? c : [c[0] + t * dx, c[1] + t * dy];
}

/**
 * Draws a conceptual model from node and path lists (such as a paper record's `model`).
 * Moderation paths (`moderates: [from, to]`) point at the middle of the moderated arrow.
 */
export function conceptualModel(model: { nodes: PaperModelNode[]; paths: PaperModelPath[] }, opts: ConceptualModelOptions = {}): Figure {
  const width = opts.width ?? 900;
  const height = opts.height ?? 460;
  const pos = { ...defaultPositions(model.nodes), ...(opts.positions ?? {}) };
  const xs = Object.values(pos).map((p) => p[0]);
  const ys = Object.values(pos).map((p) => p[1]);
  const xr: [number, number] = [Math.min(...xs) - 0.75, Math.max(...xs) + 0.75];
  const yr: [number, number] = [Math.min(...ys) - 0.55, Math.max(...ys) + 0.55];
  // Pixel size of one layout unit (the plot area is the figure minus margins).
  const pxX = (width - 40) / (xr[1] - xr[0]);
  const pxY = (height - 90) / (yr[1] - yr[0]);
  const box: Record<string, { w: number; h: number; lines: string[] }> = {};
  for (const n of model.nodes) {
    const lines = wrap(n.label);
    const chars = Math.max(...lines.map((l) => l.length));
    box[n.id] = { w: (chars * 7 + 24) / 2 / pxX, h: (lines.length * 16 + 14) / 2 / pxY, lines };
  }
  const shapes: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];
  for (const n of model.nodes) {
    const [x, y] = pos[n.id];
    const b = box[n.id];
    shapes.push({
      type: "rect",
      x0: x - b.w,
      x1: x + b.w,
      y0: y - b.h,
      y1: y + b.h,
      line: { color: "#555", width: 1.2 },
      fillcolor: COLOURS[n.kind],
      layer: "below",
    });
    annotations.push({ x, y, text: b.lines.join("<br>"), showarrow: false, font: { size: 12, color: "#222" } });
  }
  const label = opts.pathLabel ?? ((p: PaperModelPath) => p.hypothesis ?? "");
  const mid = (a: [number, number], b: [number, number]): [number, number] => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  // Ordinary paths first, so that moderation arrows can aim at them: at 40% of the drawn arrow,
  // clear of the path's own label at 50%.
  const drawn = new Map<string, [number, number]>();
  const ordered = [...model.paths.filter((p) => !p.moderates), ...model.paths.filter((p) => p.moderates)];
  for (const p of ordered) {
    const from = pos[p.from];
    if (!from) continue;
    const control = model.nodes.find((n) => n.id === p.from)?.kind === "control";
    let start: [number, number];
    let end: [number, number];
    if (p.moderates) {
      const target = drawn.get(`${p.moderates[0]}→${p.moderates[1]}`) ?? mid(pos[p.moderates[0]], pos[p.moderates[1]]);
      start = exitPoint(from, target, box[p.from].w, box[p.from].h);
      end = target;
    } else {
      const to = pos[p.to];
      if (!to) continue;
      start = exitPoint(from, to, box[p.from].w, box[p.from].h);
      end = exitPoint(to, from, box[p.to].w, box[p.to].h);
      drawn.set(`${p.from}→${p.to}`, [start[0] + 0.4 * (end[0] - start[0]), start[1] + 0.4 * (end[1] - start[1])]);
    }
    const colour = control ? "#aaaaaa" : p.moderates ? "#b03a7a" : "#2b4c7e";
    annotations.push({
      x: end[0],
      y: end[1],
      ax: start[0],
      ay: start[1],
      xref: "x",
      yref: "y",
      axref: "x",
      ayref: "y",
      showarrow: true,
      arrowhead: 2,
      arrowsize: 1.1,
      arrowwidth: control ? 1 : 1.5,
      arrowcolor: colour,
      standoff: 0,
      startstandoff: 0,
      text: "",
    });
    const text = label(p);
    if (text) {
      const m = mid(start, end);
      annotations.push({ x: m[0], y: m[1], text, showarrow: false, font: { size: 11, color: colour }, bgcolor: "white", borderpad: 2 });
    }
  }
  return new Figure([{ type: "scatter", x: [], y: [], hoverinfo: "none", showlegend: false }], {
    title: { text: opts.title ?? "Conceptual model" },
    width,
    height,
    margin: { l: 20, r: 20, t: 60, b: 30 },
    xaxis: { visible: false, range: xr, fixedrange: true },
    yaxis: { visible: false, range: yr, fixedrange: true },
    shapes,
    annotations,
    plot_bgcolor: "white",
  });
}
