/**
 * Checks a drawn path diagram for collisions, from the figure alone: node boxes (shapes named
 * `node:`), value labels (annotations named `label:`), node texts (`text:`), notes, and lines
 * (`edge:`, `cov:` paths, sampled along their curves). Labels are measured with the same text
 * metrics the layout used (DejaVu Sans widths, the widest common fallback font).
 *
 * Problems reported: two nodes overlapping; two labels overlapping; a label over a node; the notes
 * over a node or label; a node's text spilling out of its node; a covariance line or a path
 * crossing a label that is not its own.
 *
 * @example
 * diagramProblems(fit.diagram()); // [] when the drawing is clean
 */
import { lineHeight, plainLines, textWidth } from "./text-metrics";

export interface DiagramProblem {
  kind: "node-node" | "label-label" | "label-node" | "notes" | "text-outside" | "line-label";
  a: string;
  b: string;
}

interface Rect {
  name: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

type Obj = Record<string, unknown>;

function overlap(a: Rect, b: Rect, tol: number): boolean {
  return a.x0 < b.x1 - tol && b.x0 < a.x1 - tol && a.y0 < b.y1 - tol && b.y0 < a.y1 - tol;
}

/** Box of an annotation's text in layout units (the diagram's axes), from its anchor and font. */
export function annotationBox(a: Obj, scale = 1): Rect {
  const font = (a.font as Obj | undefined) ?? {};
  const size = typeof font.size === "number" ? font.size : 12;
  const text = String(a.text ?? "");
  const lines = plainLines(text);
  // Lines in a smaller <span> are measured at their own size.
  const raw = text.split(/<br\s*\/?>/i);
  let w = 0;
  let h = 0;
  lines.forEach((l, i) => {
    const m = /font-size:(\d+(?:\.\d+)?)px/.exec(raw[i] ?? "");
    const sz = m ? Number(m[1]) : size;
    w = Math.max(w, textWidth(l, sz, /<b>/i.test(raw[i] ?? "")));
    h += lineHeight(sz);
  });
  const pad = typeof a.borderpad === "number" ? a.borderpad : 1;
  w = (w + 2 * pad) / scale;
  h = (h + 2 * pad) / scale;
  const x = Number(a.x);
  const y = Number(a.y);
  const x0 = a.xanchor === "left" ? x : a.xanchor === "right" ? x - w : x - w / 2;
  // The diagram's y axis points down, so "top" anchors the box's upper edge at y.
  const y0 = a.yanchor === "top" ? y : a.yanchor === "bottom" ? y - h : y - h / 2;
  return { name: String(a.name ?? ""), x0, y0, x1: x0 + w, y1: y0 + h };
}

/** Points along an SVG path of M, L, C and Q commands (absolute coordinates). */
export function samplePath(d: string, steps = 16): { x: number; y: number }[][] {
  const tokens = d.match(/[MLCQZ]|-?\d*\.?\d+(?:e[-+]?\d+)?/gi) ?? [];
  const runs: { x: number; y: number }[][] = [];
  let cur: { x: number; y: number }[] = [];
  let i = 0;
  let p = { x: 0, y: 0 };
  const num = () => Number(tokens[i++]);
  const pt = () => ({ x: num(), y: num() });
  while (i < tokens.length) {
    const cmd = tokens[i++].toUpperCase();
    if (cmd === "M") {
      if (cur.length > 1) runs.push(cur);
      p = pt();
      cur = [p];
    } else if (cmd === "L") {
      p = pt();
      cur.push(p);
    } else if (cmd === "C") {
      const c1 = pt();
      const c2 = pt();
      const e = pt();
      for (let k = 1; k <= steps; k++) {
        const t = k / steps;
        const u = 1 - t;
        cur.push({
          x: u * u * u * p.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * e.x,
          y: u * u * u * p.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * e.y,
        });
      }
      p = e;
    } else if (cmd === "Q") {
      const c = pt();
      const e = pt();
      for (let k = 1; k <= steps; k++) {
        const t = k / steps;
        const u = 1 - t;
        cur.push({ x: u * u * p.x + 2 * u * t * c.x + t * t * e.x, y: u * u * p.y + 2 * u * t * c.y + t * t * e.y });
      }
      p = e;
    } else if (cmd === "Z") {
      if (cur.length) cur.push(cur[0]);
    } else i++;
  }
  if (cur.length > 1) runs.push(cur);
  return runs;
}

/** True when segment ab passes through the rectangle (Liang–Barsky clipping). */
function segmentHits(a: { x: number; y: number }, b: { x: number; y: number }, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  return clip(-dx, a.x - r.x0) && clip(dx, r.x1 - a.x) && clip(-dy, a.y - r.y0) && clip(dy, r.y1 - a.y) && t0 <= t1;
}

/** The label an edge or covariance line owns (its value), by the naming convention of diagram.ts. */
function ownLabel(shapeName: string): string {
  if (shapeName.startsWith("cov:")) return `label:cov:${shapeName.slice(4)}`;
  if (shapeName.startsWith("edge:")) return `label:${shapeName.slice(5)}`;
  return "";
}

/** Every collision in a diagram figure (see the module comment); empty when the drawing is clean. */
export function diagramProblems(fig: { layout: Obj }): DiagramProblem[] {
  const layout = fig.layout;
  const scale = typeof (layout.meta as Obj | undefined)?.scale === "number" ? ((layout.meta as Obj).scale as number) : 1;
  const shapes = (layout.shapes as Obj[] | undefined) ?? [];
  const anns = (layout.annotations as Obj[] | undefined) ?? [];
  const nodes: Rect[] = shapes
    .filter((s) => String(s.name ?? "").startsWith("node:"))
    .map((s) => ({
      name: String(s.name),
      x0: Math.min(Number(s.x0), Number(s.x1)),
      x1: Math.max(Number(s.x0), Number(s.x1)),
      y0: Math.min(Number(s.y0), Number(s.y1)),
      y1: Math.max(Number(s.y0), Number(s.y1)),
    }));
  const labels = anns.filter((a) => String(a.name ?? "").startsWith("label:")).map((a) => annotationBox(a, scale));
  const texts = anns.filter((a) => String(a.name ?? "").startsWith("text:")).map((a) => annotationBox(a, scale));
  const notes = anns.filter((a) => a.name === "notes").map((a) => annotationBox(a, scale));
  const out: DiagramProblem[] = [];
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) if (overlap(nodes[i], nodes[j], 0)) out.push({ kind: "node-node", a: nodes[i].name, b: nodes[j].name });
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) if (overlap(labels[i], labels[j], 0.5)) out.push({ kind: "label-label", a: labels[i].name, b: labels[j].name });
    for (const n of nodes) if (overlap(labels[i], n, 0.5)) out.push({ kind: "label-node", a: labels[i].name, b: n.name });
  }
  for (const nt of notes) for (const o of [...nodes, ...labels]) if (overlap(nt, o, 0)) out.push({ kind: "notes", a: "notes", b: o.name });
  for (const t of texts) {
    const n = nodes.find((x) => x.name === `node:${t.name.slice(5)}`);
    if (n && (t.x0 < n.x0 - 0.5 || t.x1 > n.x1 + 0.5 || t.y0 < n.y0 - 0.5 || t.y1 > n.y1 + 0.5)) out.push({ kind: "text-outside", a: t.name, b: n.name });
  }
  for (const s of shapes) {
    const name = String(s.name ?? "");
    if (!(name.startsWith("cov:") || name.startsWith("edge:")) || typeof s.path !== "string") continue;
    const own = ownLabel(name);
    for (const run of samplePath(s.path)) {
      for (const l of labels) {
        if (l.name === own) continue;
        const shrunk = { ...l, x0: l.x0 + 1, x1: l.x1 - 1, y0: l.y0 + 1, y1: l.y1 - 1 };
        for (let k = 1; k < run.length; k++)
          if (segmentHits(run[k - 1], run[k], shrunk)) {
            out.push({ kind: "line-label", a: name, b: l.name });
            break;
          }
      }
    }
  }
  return dedupe(out);
}

function dedupe(ps: DiagramProblem[]): DiagramProblem[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = `${p.kind}|${p.a}|${p.b}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
