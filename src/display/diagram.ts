/**
 * Path diagrams (SEM, PROCESS) laid out by a layered graph layout (the Eclipse Layout Kernel's
 * "layered" algorithm, Sugiyama-style: layers left to right, crossings minimised, coordinates
 * assigned, edges routed around nodes and their labels) and drawn as a plotly figure in pixel
 * coordinates.
 *
 * The model is data: nodes (ellipses for latent variables, boxes for observed ones), each with its
 * indicators; directed paths with their value labels; covariances; weak (covariate) paths. Each
 * factor and its indicators form one block (`diagram-cluster.ts`) that the layout places as a unit,
 * so indicators stay beside their factor; exogenous variables go to the first (leftmost) layer.
 * A covariance between two variables becomes a small node holding its value, joined to both
 * variables by a curved two-headed line, so the layout also keeps covariance values clear of
 * everything else. Every node, label and line is named in the figure (`node:`, `label:`, `edge:`,
 * `cov:`, `text:`) so `diagramProblems` can check the drawing for overlaps.
 */
import { PathlabError } from "../errors";
import { Figure, type PlotData, type PlotLayout } from "./figure";
import { elkLayout, type ElkEdge, type ElkNode, type ElkPort, type ElkSection } from "./elk";
import { diagramProblems, samplePath } from "./diagram-check";
import { bracketLevels, layoutCluster, type ClusterLayout, type Point, type Side } from "./diagram-cluster";
import { lineHeight, textWidth, wrapText } from "./text-metrics";
import { diagramColours, figureTheme, themeLayout } from "./theme";

export interface DiagramIndicator {
  id: string;
  /** Text in the indicator's box. */
  text: string;
  /** Value on the loading arrow ("" for none). */
  label: string;
}

export interface DiagramNode {
  id: string;
  /** Lines of text in the node: the name first, then e.g. "R² = .34". */
  lines: string[];
  shape: "ellipse" | "rect";
  /** Fill colour role (theme): latent, observed, moderator (and product terms) or a covariate group. */
  fill?: "latent" | "observed" | "moderator" | "group";
  /** Draw the first line bold (latent variables). */
  bold?: boolean;
  /** Hover text. */
  hover?: string;
  indicators?: DiagramIndicator[];
  /** Residual covariances between this node's indicators. */
  indicatorCovariances?: { a: string; b: string; label: string }[];
}

export interface DiagramEdge {
  from: string;
  to: string;
  label?: string;
  /** "path": one-headed arrow with a value; "covariance": two-headed; "weak": dashed, unlabelled (covariates). */
  kind: "path" | "covariance" | "weak";
}

export interface DiagramSpec {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  title?: string;
  subtitle?: string;
  /** Lines printed under the diagram (stars legend, what is not drawn, covariates). */
  notes?: string[];
  grayscale?: boolean;
  /** Widest the figure may be in px; a larger diagram is scaled down as a whole, text included, to at most 60% (default 1100). */
  maxWidth?: number;
}

interface Sizes {
  font: number;
  labelFont: number;
  labelH: number;
}

const ARROW_LEN = 9;
const ARROW_HALF = 3.6;
const PAD = 16;

function labelBox(text: string, s: Sizes): { w: number; h: number } {
  return text ? { w: textWidth(text, s.labelFont) + 6, h: s.labelH } : { w: 0, h: 0 };
}

function nodeSize(n: DiagramNode, s: Sizes): { w: number; h: number } {
  const tw = Math.max(...n.lines.map((l, i) => textWidth(l, i === 0 ? s.font : s.labelFont, i === 0 && !!n.bold)));
  const th = n.lines.reduce((a, _, i) => a + lineHeight(i === 0 ? s.font : s.labelFont), 0);
  if (n.shape === "ellipse") return { w: Math.max(64, (tw + 14) * 1.42), h: Math.max(40, (th + 6) * 1.42) };
  return { w: Math.max(46, tw + 18), h: Math.max(30, th + 12) };
}

/** Where a node's indicators go: exogenous left, final outcomes right, anything in between below. */
function sideOf(id: string, spec: DiagramSpec): Side {
  const directed = spec.edges.filter((e) => e.kind !== "covariance");
  const inn = directed.some((e) => e.to === id);
  const out = directed.some((e) => e.from === id);
  if (!inn) return "west";
  if (!out) return "east";
  return "south";
}

function isSink(id: string, spec: DiagramSpec): boolean {
  const directed = spec.edges.filter((e) => e.kind !== "covariance");
  return directed.some((e) => e.to === id) && !directed.some((e) => e.from === id);
}

interface Block {
  node: DiagramNode;
  w: number;
  h: number;
  /** Factor (the node itself) size and centre within the block. */
  fw: number;
  fh: number;
  centre: Point;
  cluster?: ClusterLayout;
  /** Ports at the factor's height on the block's west/east sides. */
  ports: boolean;
  x: number;
  y: number;
}

function buildBlocks(spec: DiagramSpec, s: Sizes): Map<string, Block> {
  const blocks = new Map<string, Block>();
  for (const n of spec.nodes) {
    const { w: fw, h: fh } = nodeSize(n, s);
    const inds = n.indicators ?? [];
    if (inds.length) {
      const sats = inds.map((ind) => {
        const size = nodeSize({ id: ind.id, lines: [ind.text], shape: "rect" }, s);
        const lb = labelBox(ind.label, s);
        return { id: ind.id, w: size.w, h: size.h, labelW: lb.w, labelH: lb.h };
      });
      const pairs = (n.indicatorCovariances ?? []).map((p) => ({ a: p.a, b: p.b, labelW: labelBox(p.label, s).w, labelH: s.labelH }));
      const cluster = layoutCluster(fw, fh, sideOf(n.id, spec), sats, pairs);
      blocks.set(n.id, { node: n, w: cluster.w, h: cluster.h, fw, fh, centre: cluster.factor, cluster, ports: true, x: 0, y: 0 });
    } else blocks.set(n.id, { node: n, w: fw, h: fh, fw, fh, centre: { x: fw / 2, y: fh / 2 }, ports: n.shape === "ellipse", x: 0, y: 0 });
  }
  return blocks;
}

interface CovNode {
  id: string;
  a: string;
  b: string;
  label: string;
  w: number;
  h: number;
  /** Which ends the lines come from: "out" = from the variable to this node, "in" = from this node to the variable. */
  roleA: "out" | "in";
  roleB: "out" | "in";
  x: number;
  y: number;
}

function elkGraph(spec: DiagramSpec, blocks: Map<string, Block>, covs: CovNode[], s: Sizes): ElkNode {
  const children: ElkNode[] = [];
  const edges: ElkEdge[] = [];
  const directed = spec.edges.filter((e) => e.kind !== "covariance");
  for (const b of blocks.values()) {
    const node: ElkNode = { id: b.node.id, width: b.w, height: b.h, layoutOptions: {} };
    if (b.ports) {
      node.layoutOptions!["elk.portConstraints"] = "FIXED_POS";
      node.ports = [
        { id: `${b.node.id}#w`, x: 0, y: b.centre.y, width: 0, height: 0, layoutOptions: { "elk.port.side": "WEST" } },
        { id: `${b.node.id}#e`, x: b.w, y: b.centre.y, width: 0, height: 0, layoutOptions: { "elk.port.side": "EAST" } },
      ] as ElkPort[];
    }
    if (!directed.some((e) => e.to === b.node.id)) node.layoutOptions!["elk.layered.layering.layerConstraint"] = "FIRST";
    children.push(node);
  }
  const end = (id: string, which: "w" | "e") => (blocks.get(id)?.ports ? `${id}#${which}` : id);
  directed.forEach((e, i) => {
    const lb = labelBox(e.label ?? "", s);
    edges.push({
      id: `p${i}`,
      sources: [end(e.from, "e")],
      targets: [end(e.to, "w")],
      labels: e.label ? [{ id: `p${i}L`, text: e.label, width: lb.w, height: lb.h }] : [],
    });
  });
  for (const c of covs) {
    const ports: ElkPort[] = [];
    if (c.roleA === "out" || c.roleB === "out")
      ports.push({ id: `${c.id}#w`, x: 0, y: c.h / 2, width: 0, height: 0, layoutOptions: { "elk.port.side": "WEST" } });
    if (c.roleA === "in" || c.roleB === "in")
      ports.push({ id: `${c.id}#e`, x: c.w, y: c.h / 2, width: 0, height: 0, layoutOptions: { "elk.port.side": "EAST" } });
    children.push({ id: c.id, width: c.w, height: c.h, ports, layoutOptions: { "elk.portConstraints": "FIXED_POS" } });
    for (const [v, role, k] of [
      [c.a, c.roleA, "a"],
      [c.b, c.roleB, "b"],
    ] as const)
      edges.push(
        role === "out"
          ? { id: `${c.id}:${k}`, sources: [end(v, "e")], targets: [`${c.id}#w`] }
          : { id: `${c.id}:${k}`, sources: [`${c.id}#e`], targets: [end(v, "w")] },
      );
  }
  return {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.edgeRouting": "SPLINES",
      "elk.layered.edgeRouting.splines.mode": "CONSERVATIVE",
      "elk.edgeLabels.placement": "CENTER",
      "elk.edgeLabels.inline": "true",
      "elk.spacing.nodeNode": "22",
      "elk.layered.spacing.nodeNodeBetweenLayers": "46",
      "elk.spacing.edgeNode": "12",
      "elk.spacing.edgeEdge": "8",
      "elk.spacing.edgeLabel": "3",
      "elk.layered.spacing.edgeNodeBetweenLayers": "12",
      "elk.layered.spacing.edgeEdgeBetweenLayers": "8",
      "elk.layered.nodePlacement.strategy": "NETWORK_SIMPLEX",
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
      "elk.separateConnectedComponents": "false",
      "elk.padding": `[top=${PAD},left=${PAD},bottom=${PAD},right=${PAD}]`,
    },
    children,
    edges,
  };
}

/** The points of an ELK section as an SVG path (cubic pieces for spline routes). */
function sectionPath(sec: ElkSection, from?: Point, to?: Point): { d: string; pts: Point[]; endDir: Point; startDir: Point } {
  const bends = sec.bendPoints ?? [];
  const start = sec.startPoint;
  const endP = sec.endPoint;
  const all = [start, ...bends, endP];
  let d = `M ${f(from ?? start)}`;
  if (from) d += ` L ${f(start)}`;
  if (bends.length % 3 === 2) {
    for (let i = 0; i < bends.length; i += 3) d += ` C ${f(bends[i])} ${f(bends[i + 1])} ${f(i + 2 < bends.length ? bends[i + 2] : endP)}`;
  } else for (const p of [...bends, endP]) d += ` L ${f(p)}`;
  if (to) d += ` L ${f(to)}`;
  const pts = [from ?? start, ...all, ...(to ? [to] : [])];
  return { d, pts, endDir: direction(pts, pts.length - 1, -1), startDir: direction(pts, 0, 1) };
}

/** Unit direction arriving at pts[i] from the nearest distinct point on the side `step` (−1: before it). */
function direction(pts: Point[], i: number, step: 1 | -1): Point {
  const tip = pts[i];
  for (let k = i + step; k >= 0 && k < pts.length; k += step) if (Math.hypot(pts[k].x - tip.x, pts[k].y - tip.y) > 0.5) return unit(pts[k], tip);
  return { x: step === -1 ? 1 : -1, y: 0 };
}

function unit(a: Point, b: Point): Point {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  return { x: dx / len, y: dy / len };
}

function f(p: Point): string {
  return `${r(p.x)},${r(p.y)}`;
}

function r(v: number): number {
  return Math.round(v * 100) / 100;
}

/** A filled arrowhead with its tip at `tip`, pointing along `dir`. */
function arrowHead(tip: Point, dir: Point): string {
  const bx = tip.x - dir.x * ARROW_LEN;
  const by = tip.y - dir.y * ARROW_LEN;
  const px = -dir.y * ARROW_HALF;
  const py = dir.x * ARROW_HALF;
  return `M ${f(tip)} L ${f({ x: bx + px, y: by + py })} L ${f({ x: bx - px, y: by - py })} Z`;
}

/** A polyline with rounded corners (residual-covariance brackets). */
function roundedPath(pts: Point[], radius: number): string {
  let d = `M ${f(pts[0])}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const a = pts[i - 1];
    const b = pts[i];
    const c = pts[i + 1];
    const r1 = Math.min(radius, Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2);
    const u = unit(b, a);
    const v = unit(b, c);
    d += ` L ${f({ x: b.x + u.x * r1, y: b.y + u.y * r1 })} Q ${f(b)} ${f({ x: b.x + v.x * r1, y: b.y + v.y * r1 })}`;
  }
  return d + ` L ${f(pts[pts.length - 1])}`;
}

/** Where a line arriving at a node's port continues to the node's outline (ports sit on the block's side). */
function toOutline(b: Block, port: "w" | "e"): Point {
  const c = { x: b.x + b.centre.x, y: b.y + b.centre.y };
  const dx = (b.node.shape === "ellipse" ? b.fw / 2 : b.fw / 2) * (port === "w" ? -1 : 1);
  return { x: c.x + dx, y: c.y };
}

interface Drawing {
  shapes: Record<string, unknown>[];
  annotations: Record<string, unknown>[];
}

/**
 * Lays out and draws a diagram. Throws a PathlabError naming the node when an edge refers to a node
 * that is not in the diagram.
 */
export function drawDiagram(spec: DiagramSpec): Figure {
  const theme = figureTheme();
  const gray = spec.grayscale ?? theme.grayscale;
  const col = diagramColours(gray);
  const s: Sizes = { font: theme.fontSize, labelFont: theme.noteSize, labelH: lineHeight(theme.noteSize) + 4 };
  const ids = new Set(spec.nodes.map((n) => n.id));
  for (const e of spec.edges)
    for (const v of [e.from, e.to])
      if (!ids.has(v))
        throw new PathlabError(`Diagram: the ${e.kind} ${e.from} → ${e.to} refers to "${v}", which is not a node of the diagram.`, {
          code: "display.diagram-unknown-node",
          hint: "This is a bug in the code that built the diagram; please report it.",
        });
  const blocks = buildBlocks(spec, s);
  // A measurement model (no directed paths) is one column: its covariances are brackets on the right.
  const column = spec.edges.length > 0 && spec.edges.every((e) => e.kind === "covariance");
  const covs: CovNode[] = spec.edges
    .filter((e) => e.kind === "covariance" && !column)
    .map((e, i) => {
      const lb = labelBox(e.label ?? "", s);
      // A mixed pair runs from the non-outcome through the value into the outcome.
      const [a, b] = isSink(e.from, spec) && !isSink(e.to, spec) ? [e.to, e.from] : [e.from, e.to];
      const roleA: "out" | "in" = isSink(a, spec) ? "in" : "out";
      const roleB: "out" | "in" = isSink(b, spec) ? "in" : "out";
      return { id: `cov${i}`, a, b, label: e.label ?? "", w: Math.max(lb.w, 8), h: Math.max(lb.h, 8), roleA, roleB, x: 0, y: 0 };
    });
  const laid = elkLayout(elkGraph(spec, blocks, covs, s));
  for (const c of laid.children ?? []) {
    const b = blocks.get(c.id);
    if (b) {
      b.x = c.x ?? 0;
      b.y = c.y ?? 0;
    }
    const cv = covs.find((x) => x.id === c.id);
    if (cv) {
      cv.x = c.x ?? 0;
      cv.y = c.y ?? 0;
    }
  }
  let graphW = laid.width ?? 0;
  const graphH = laid.height ?? 0;
  const drawing: Drawing = { shapes: [], annotations: [] };
  if (column) graphW += columnBrackets(spec, blocks, drawing, col, s);
  drawEdges(spec, laid, blocks, covs, drawing, col, s);
  drawNodes(blocks, drawing, col, s);
  settleLabels(drawing);
  return figureOf(spec, drawing, blocks, graphW, graphH, s);
}

function drawNodes(blocks: Map<string, Block>, out: Drawing, col: ReturnType<typeof diagramColours>, s: Sizes): void {
  for (const b of blocks.values()) {
    const n = b.node;
    const cx = b.x + b.centre.x;
    const cy = b.y + b.centre.y;
    const fill = n.fill === "latent" ? col.latent : n.fill === "moderator" ? col.moderator : n.fill === "group" ? col.group : col.observed;
    out.shapes.push({
      type: n.shape === "ellipse" ? "circle" : "rect",
      name: `node:${n.id}`,
      xref: "x",
      yref: "y",
      x0: cx - b.fw / 2,
      x1: cx + b.fw / 2,
      y0: cy - b.fh / 2,
      y1: cy + b.fh / 2,
      line: { color: col.line, width: n.shape === "ellipse" ? 1.5 : 1.2 },
      fillcolor: fill,
      layer: "above",
    });
    const text = n.lines
      .map((l, i) => (i === 0 ? (n.bold ? `<b>${esc(l)}</b>` : esc(l)) : `<span style="font-size:${s.labelFont}px">${esc(l)}</span>`))
      .join("<br>");
    out.annotations.push({ name: `text:${n.id}`, x: cx, y: cy, xref: "x", yref: "y", text, showarrow: false, font: { size: s.font }, align: "center" });
    if (!b.cluster) continue;
    const cl = b.cluster;
    for (const ind of n.indicators ?? []) {
      const box = cl.satellites.get(ind.id)!;
      out.shapes.push({
        type: "rect",
        name: `node:${ind.id}`,
        xref: "x",
        yref: "y",
        x0: b.x + box.x,
        x1: b.x + box.x + box.w,
        y0: b.y + box.y,
        y1: b.y + box.y + box.h,
        line: { color: col.line, width: 1.2 },
        fillcolor: col.observed,
        layer: "above",
      });
      out.annotations.push({
        name: `text:${ind.id}`,
        x: b.x + box.x + box.w / 2,
        y: b.y + box.y + box.h / 2,
        xref: "x",
        yref: "y",
        text: esc(ind.text),
        showarrow: false,
        font: { size: s.font },
      });
      const ld = cl.loadings.get(ind.id)!;
      const from = { x: b.x + ld.from.x, y: b.y + ld.from.y };
      const to = { x: b.x + ld.to.x, y: b.y + ld.to.y };
      const dir = unit(from, to);
      const stop = { x: to.x - dir.x * ARROW_LEN * 0.8, y: to.y - dir.y * ARROW_LEN * 0.8 };
      out.shapes.push({
        type: "path",
        name: `edge:${n.id}->${ind.id}`,
        path: `M ${f(from)} L ${f(stop)}`,
        line: { color: col.line, width: 1.2 },
        layer: "below",
      });
      out.shapes.push({
        type: "path",
        name: `head:${n.id}->${ind.id}`,
        path: arrowHead(to, dir),
        line: { color: col.line, width: 0.5 },
        fillcolor: col.line,
        layer: "below",
      });
      if (ind.label) out.annotations.push(labelAnn(`label:${n.id}->${ind.id}`, { x: b.x + ld.label.x, y: b.y + ld.label.y }, ind.label, s, col.line));
    }
    for (const br of cl.brackets) {
      const pts = br.points.map((p) => ({ x: b.x + p.x, y: b.y + p.y }));
      const id = `${br.a}~~${br.b}`;
      drawBracket(out, id, pts, 8, col.weak);
      const pr = (n.indicatorCovariances ?? []).find((p) => p.a === br.a && p.b === br.b);
      if (pr?.label) out.annotations.push(labelAnn(`label:cov:${id}`, { x: b.x + br.label.x, y: b.y + br.label.y }, pr.label, s, col.weak));
    }
  }
}

/** A covariance bracket: the rounded four-point path `cov:<id>` and an arrow head at each end. */
function drawBracket(out: Drawing, id: string, pts: Point[], radius: number, colour: string): void {
  out.shapes.push({ type: "path", name: `cov:${id}`, path: roundedPath(pts, radius), line: { color: colour, width: 1 }, layer: "below" });
  for (const [end, from, tag] of [
    [0, 1, "a"],
    [3, 2, "b"],
  ] as const)
    out.shapes.push({
      type: "path",
      name: `head:${id}:${tag}`,
      path: arrowHead(pts[end], unit(pts[from], pts[end])),
      line: { color: colour, width: 0.5 },
      fillcolor: colour,
      layer: "below",
    });
}

/**
 * Covariances of a one-column diagram as nested brackets right of the column (as AMOS draws factor
 * correlations): wider spans further out, each value on its bracket between two rows, where no
 * other bracket runs. Returns the width added to the drawing.
 */
function columnBrackets(spec: DiagramSpec, blocks: Map<string, Block>, out: Drawing, col: ReturnType<typeof diagramColours>, s: Sizes): number {
  const order = [...blocks.values()].sort((a, b) => a.y + a.centre.y - (b.y + b.centre.y));
  const row = new Map(order.map((b, i) => [b.node.id, i]));
  const pairs = spec.edges
    .filter((e) => e.kind === "covariance")
    .map((e) => ({ e, i: Math.min(row.get(e.from)!, row.get(e.to)!), j: Math.max(row.get(e.from)!, row.get(e.to)!) }));
  const levels = bracketLevels(pairs);
  const labelW = Math.max(0, ...pairs.map((p) => labelBox(p.e.label ?? "", s).w));
  const step = labelW + 12;
  const right = Math.max(...order.map((b) => b.x + b.centre.x + b.fw / 2));
  const yOf = (i: number) => order[i].y + order[i].centre.y;
  pairs.forEach((p, k) => {
    const spine = right + 14 + (levels[k] - 1) * step + labelW / 2;
    const ends = [order[p.i], order[p.j]].map((b) => ({ x: b.x + b.centre.x + b.fw / 2, y: b.y + b.centre.y }));
    const pts = [ends[0], { x: spine, y: ends[0].y }, { x: spine, y: ends[1].y }, ends[1]];
    const id = `${p.e.from}~~${p.e.to}`;
    drawBracket(out, id, pts, 10, col.weak);
    const mid = p.i + Math.max(0, Math.floor((p.j - p.i - 1) / 2));
    if (p.e.label) out.annotations.push(labelAnn(`label:cov:${id}`, { x: spine, y: (yOf(mid) + yOf(mid + 1)) / 2 }, p.e.label, s, col.weak));
  });
  const maxLevel = Math.max(0, ...levels);
  return Math.max(0, right + 14 + maxLevel * step + PAD - (Math.max(...order.map((b) => b.x + b.w)) + PAD));
}

function labelAnn(name: string, at: Point, text: string, s: Sizes, colour: string): Record<string, unknown> {
  return {
    name,
    x: r(at.x),
    y: r(at.y),
    xref: "x",
    yref: "y",
    text: esc(text),
    showarrow: false,
    font: { size: s.labelFont, color: colour },
    bgcolor: "#ffffff",
    borderpad: 1,
  };
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function drawEdges(
  spec: DiagramSpec,
  laid: ElkNode,
  blocks: Map<string, Block>,
  covs: CovNode[],
  out: Drawing,
  col: ReturnType<typeof diagramColours>,
  s: Sizes,
): void {
  const directed = spec.edges.filter((e) => e.kind !== "covariance");
  const byId = new Map((laid.edges ?? []).map((e) => [e.id, e]));
  // Weak (covariate) paths first, so solid paths and their heads are drawn over them.
  const order = directed.map((e, i) => ({ e, i })).sort((a, b) => (a.e.kind === "weak" ? 0 : 1) - (b.e.kind === "weak" ? 0 : 1) || a.i - b.i);
  order.forEach(({ e, i }) => {
    const le = byId.get(`p${i}`);
    const sec = le?.sections?.[0];
    if (!le || !sec) return;
    const fromB = blocks.get(e.from)!;
    const toB = blocks.get(e.to)!;
    const start = fromB.ports ? toOutline(fromB, "e") : undefined;
    const finish = toB.ports ? toOutline(toB, "w") : undefined;
    const p = sectionPath(sec, start, finish);
    const tip = finish ?? sec.endPoint;
    const colour = e.kind === "weak" ? col.weak : col.line;
    out.shapes.push({
      type: "path",
      name: `edge:${e.from}->${e.to}`,
      path: trimEnd(p.d, tip, p.endDir),
      line: { color: colour, width: e.kind === "weak" ? 1 : 1.3, dash: e.kind === "weak" ? "dash" : "solid" },
      layer: "below",
    });
    out.shapes.push({
      type: "path",
      name: `head:${e.from}->${e.to}`,
      path: arrowHead(tip, p.endDir),
      line: { color: colour, width: 0.5 },
      fillcolor: colour,
      layer: "below",
    });
    const lab = le.labels?.[0];
    if (lab && e.label) {
      const home = { x: (lab.x ?? 0) + lab.width / 2, y: (lab.y ?? 0) + lab.height / 2 };
      const ann = labelAnn(`label:${e.from}->${e.to}`, onCurve(p.d, home, lab.height), e.label, s, colour);
      ann._home = home;
      out.annotations.push(ann);
    }
  });
  for (const c of covs) {
    const parts: string[] = [];
    for (const [v, role, k] of [
      [c.a, c.roleA, "a"],
      [c.b, c.roleB, "b"],
    ] as const) {
      const sec = byId.get(`${c.id}:${k}`)?.sections?.[0];
      if (!sec) continue;
      const b = blocks.get(v)!;
      // Lines run from the variable's outline to the covariance's value; the head is at the variable.
      if (role === "out") {
        const start = b.ports ? toOutline(b, "e") : undefined;
        const p = sectionPath(sec, start, undefined);
        const tip = start ?? sec.startPoint;
        parts.push(p.d);
        out.shapes.push({
          type: "path",
          name: `head:${c.id}:${k}`,
          path: arrowHead(tip, p.startDir),
          line: { color: col.weak, width: 0.5 },
          fillcolor: col.weak,
          layer: "below",
        });
      } else {
        const finish = b.ports ? toOutline(b, "w") : undefined;
        const p = sectionPath(sec, undefined, finish);
        const tip = finish ?? sec.endPoint;
        parts.push(p.d);
        out.shapes.push({
          type: "path",
          name: `head:${c.id}:${k}`,
          path: arrowHead(tip, p.endDir),
          line: { color: col.weak, width: 0.5 },
          fillcolor: col.weak,
          layer: "below",
        });
      }
    }
    out.shapes.push({ type: "path", name: `cov:${c.id}`, path: parts.join(" "), line: { color: col.weak, width: 1 }, layer: "below" });
    if (c.label) out.annotations.push(labelAnn(`label:cov:${c.id}`, { x: c.x + c.w / 2, y: c.y + c.h / 2 }, c.label, s, col.weak));
    else
      out.shapes.push({
        type: "path",
        name: `join:${c.id}`,
        path: `M ${f({ x: c.x, y: c.y + c.h / 2 })} L ${f({ x: c.x + c.w, y: c.y + c.h / 2 })}`,
        line: { color: col.weak, width: 1 },
        layer: "below",
      });
  }
}

/**
 * Labels moved onto their lines go back to the layout's position (which the layout kept clear) if,
 * on the line, they would touch another label or a node.
 */
function settleLabels(out: Drawing): void {
  const fig = { layout: { shapes: out.shapes, annotations: out.annotations } };
  for (let round = 0; round < 20; round++) {
    const bad = new Set<string>();
    for (const p of diagramProblems(fig)) if (p.kind === "label-label" || p.kind === "label-node") [p.a, p.b].forEach((n) => bad.add(n));
    const moved = out.annotations.filter((a) => bad.has(String(a.name)) && a._home);
    if (!moved.length) break;
    for (const a of moved) {
      const h = a._home as Point;
      a.x = r(h.x);
      a.y = r(h.y);
      delete a._home;
    }
  }
  for (const a of out.annotations) delete a._home;
}

/**
 * The label centre moved onto its line: the layout puts a value beside its edge (in the band it
 * reserves for the label); drawn on the line, on a white ground, the value cannot be read as
 * belonging to a neighbouring edge. The move stays within the label's own band.
 */
function onCurve(d: string, c: Point, h: number): Point {
  let best: Point | undefined;
  for (const run of samplePath(d, 24))
    for (let k = 1; k < run.length; k++) {
      const a = run[k - 1];
      const b = run[k];
      if ((a.x - c.x) * (b.x - c.x) > 0 || a.x === b.x) continue;
      const y = a.y + ((c.x - a.x) / (b.x - a.x)) * (b.y - a.y);
      if (!best || Math.abs(y - c.y) < Math.abs(best.y - c.y)) best = { x: c.x, y };
    }
  return best && Math.abs(best.y - c.y) <= h ? best : c;
}

/** The path with its last point pulled back so the line ends inside the arrowhead, not past its tip. */
function trimEnd(d: string, tip: Point, dir: Point): string {
  const back = { x: tip.x - dir.x * ARROW_LEN * 0.8, y: tip.y - dir.y * ARROW_LEN * 0.8 };
  const k = d.lastIndexOf(f(tip));
  return k >= 0 && k === d.length - f(tip).length ? d.slice(0, k) + f(back) : d;
}

function figureOf(spec: DiagramSpec, drawing: Drawing, blocks: Map<string, Block>, graphW: number, graphH: number, s: Sizes): Figure {
  const theme = figureTheme();
  const notesW = Math.max(graphW, 560) - 2 * PAD;
  const noteLines = (spec.notes ?? []).flatMap((n) => wrapText(n, s.labelFont, notesW));
  const notesH = noteLines.length ? noteLines.length * lineHeight(s.labelFont) + 12 : 0;
  const W = Math.max(graphW, noteLines.length ? 560 : graphW);
  const H = graphH + notesH;
  if (noteLines.length)
    drawing.annotations.push({
      name: "notes",
      x: PAD,
      y: graphH + 4,
      xref: "x",
      yref: "y",
      xanchor: "left",
      yanchor: "top",
      align: "left",
      showarrow: false,
      text: noteLines.map(esc).join("<br>"),
      font: { size: s.labelFont, color: theme.muted },
    });
  const maxW = spec.maxWidth ?? 1100;
  // Scaled as a whole (text with it) to fit maxWidth, but never below 60%: smaller type is unreadable,
  // so a very wide diagram stays wider than maxWidth instead.
  const scale = W > maxW ? Math.max(0.6, maxW / W) : 1;
  const hover: PlotData = {
    type: "scatter",
    mode: "markers",
    x: [...blocks.values()].map((b) => r(b.x + b.centre.x)),
    y: [...blocks.values()].map((b) => r(b.y + b.centre.y)),
    marker: { size: 1, opacity: 0 },
    hovertext: [...blocks.values()].map((b) => b.node.hover ?? b.node.lines.join(", ")),
    hoverinfo: "text",
    showlegend: false,
  };
  const base: PlotLayout = {
    title: spec.subtitle ? { text: spec.title ?? "", subtitle: { text: spec.subtitle } } : (spec.title ?? ""),
    width: Math.ceil(W * scale),
  };
  const themed = themeLayout(base as Record<string, unknown>) as PlotLayout & { margin: { t: number } };
  const top = themed.margin.t;
  const layout: PlotLayout = {
    ...base,
    height: Math.ceil(H * scale) + top + 4,
    autosize: false,
    margin: { l: 0, r: 0, b: 4, t: top, pad: 0 },
    xaxis: { visible: false, range: [0, W], fixedrange: true },
    yaxis: { visible: false, range: [H, 0], fixedrange: true },
    shapes: scale === 1 ? drawing.shapes : drawing.shapes,
    annotations: scale === 1 ? drawing.annotations : drawing.annotations.map((a) => scaleFont(a, scale)),
    hovermode: "closest",
    showlegend: false,
    meta: { pathlab: "diagram", scale },
  };
  return new Figure([hover], layout, {
    responsive: false,
    displaylogo: false,
    modeBarButtonsToRemove: ["zoom2d", "pan2d", "select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d", "resetScale2d"],
  });
}

/** The annotation with its fonts scaled (coordinates stay in layout units; the axes scale them). */
function scaleFont(a: Record<string, unknown>, k: number): Record<string, unknown> {
  const font = { ...(a.font as Record<string, unknown>) };
  font.size = Math.round((font.size as number) * k * 100) / 100;
  const text =
    typeof a.text === "string" ? a.text.replace(/font-size:(\d+(\.\d+)?)px/g, (_, v) => `font-size:${Math.round(Number(v) * k * 100) / 100}px`) : a.text;
  return { ...a, font, text };
}
