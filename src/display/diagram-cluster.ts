/**
 * A factor with its indicators, laid out as one block for the graph layout: the indicators in a
 * column to the left of the factor (exogenous factors), to its right (final outcomes) or in a row
 * below it (factors in the middle of the model), loadings fanning out with their values stacked
 * clear of one another, and residual covariances between indicators as brackets on the outer side,
 * nested so that no bracket runs through another's value.
 *
 * All coordinates are local to the block (origin top left, y down, px).
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

export type Side = "west" | "east" | "south";

export interface SatelliteSpec {
  id: string;
  w: number;
  h: number;
  /** Size of the loading's value label (0×0 for none). */
  labelW: number;
  labelH: number;
}

export interface PairSpec {
  a: string;
  b: string;
  labelW: number;
  labelH: number;
}

export interface ClusterLayout {
  w: number;
  h: number;
  /** Centre of the factor. */
  factor: Point;
  satellites: Map<string, Box>;
  /** Loading arrows: from the factor's border to the indicator's near side, with the label centre. */
  loadings: Map<string, { from: Point; to: Point; label: Point }>;
  /** Residual-covariance brackets: polyline corners (to be rounded when drawn) and label centre. */
  brackets: { a: string; b: string; points: Point[]; label: Point }[];
}

/** Where the ray from an ellipse's centre towards `to` crosses its border. */
export function ellipseBorder(c: Point, rx: number, ry: number, to: Point): Point {
  const dx = to.x - c.x;
  const dy = to.y - c.y;
  if (dx === 0 && dy === 0) return { ...c };
  const t = 1 / Math.sqrt((dx / rx) ** 2 + (dy / ry) ** 2);
  return { x: c.x + dx * t, y: c.y + dy * t };
}

/** Where the ray from a box's centre towards `to` crosses its border. */
export function boxBorder(c: Point, hw: number, hh: number, to: Point): Point {
  const dx = to.x - c.x;
  const dy = to.y - c.y;
  if (dx === 0 && dy === 0) return { ...c };
  const t = Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy));
  return { x: c.x + dx * t, y: c.y + dy * t };
}

/** True when two boxes (centre-free form) overlap by more than `slack` px. */
export function boxesOverlap(a: Box, b: Box, slack = 0): boolean {
  return a.x < b.x + b.w - slack && b.x < a.x + a.w - slack && a.y < b.y + b.h - slack && b.y < a.y + a.h - slack;
}

/** Nesting levels of brackets over positions: an enclosing bracket sits outside the ones it spans. */
export function bracketLevels(pairs: { i: number; j: number }[]): number[] {
  const order = pairs.map((_, k) => k).sort((x, y) => pairs[x].j - pairs[x].i - (pairs[y].j - pairs[y].i) || pairs[x].i - pairs[y].i);
  const level = new Array<number>(pairs.length).fill(0);
  const placed: number[] = [];
  for (const k of order) {
    const p = pairs[k];
    let lv = 1;
    for (const q of placed) {
      const o = pairs[q];
      // Overlapping spans (sharing more than an end point) must sit on different levels.
      const overlap = Math.max(p.i, o.i) < Math.min(p.j, o.j);
      if (overlap) lv = Math.max(lv, level[q] + 1);
    }
    level[k] = lv;
    placed.push(k);
  }
  return level;
}

const GAP = 8;
/** Visible line between a loading's value and its arrowhead. */
const LINE_BEFORE_HEAD = 18;

/**
 * Lays out a factor (an ellipse of size fw×fh) and its indicators on `side`. The spacing grows until
 * every loading label clears its neighbours, the indicators and the factor.
 */
export function layoutCluster(fw: number, fh: number, side: Side, sats: SatelliteSpec[], pairs: PairSpec[]): ClusterLayout {
  return side === "south" ? southCluster(fw, fh, sats, pairs) : sideCluster(fw, fh, side, sats, pairs);
}

function sideCluster(fw: number, fh: number, side: "west" | "east", sats: SatelliteSpec[], pairs: PairSpec[]): ClusterLayout {
  const maxLabelW = Math.max(0, ...sats.map((s) => s.labelW));
  const maxLabelH = Math.max(0, ...sats.map((s) => s.labelH));
  const colW = Math.max(0, ...sats.map((s) => s.w));
  const idx = new Map(sats.map((s, i) => [s.id, i]));
  const pr = pairs
    .filter((p) => idx.has(p.a) && idx.has(p.b))
    .map((p) => ({ ...p, i: Math.min(idx.get(p.a)!, idx.get(p.b)!), j: Math.max(idx.get(p.a)!, idx.get(p.b)!) }));
  const levels = bracketLevels(pr);
  const maxLevel = Math.max(0, ...levels);
  const pairLabelW = Math.max(0, ...pr.map((p) => p.labelW));
  const levelStep = pairLabelW + 10;
  const arcsW = maxLevel > 0 ? 14 + maxLevel * levelStep : 0;
  const gap = maxLabelW + 66; // between the indicator column and the factor
  let pitch = Math.max(...sats.map((s) => s.h), maxLabelH) + GAP;
  // Brackets carry their label between two rows: rows must leave room for it.
  if (pr.length) pitch = Math.max(pitch, Math.max(...sats.map((s) => s.h)) / 2 + Math.max(...pr.map((p) => p.labelH)) + 6);
  for (let attempt = 0; attempt < 40; attempt++) {
    const out = placeSide(fw, fh, side, sats, pr, levels, { pitch, gap, arcsW, levelStep, colW });
    if (labelsClear(out, sats)) return out;
    pitch += 4;
  }
  return placeSide(fw, fh, side, sats, pr, levels, { pitch, gap, arcsW, levelStep, colW });
}

interface SideDims {
  pitch: number;
  gap: number;
  arcsW: number;
  levelStep: number;
  colW: number;
}

function placeSide(
  fw: number,
  fh: number,
  side: "west" | "east",
  sats: SatelliteSpec[],
  pr: (PairSpec & { i: number; j: number })[],
  levels: number[],
  d: SideDims,
): ClusterLayout {
  const n = sats.length;
  const blockH = n > 0 ? (n - 1) * d.pitch + Math.max(...sats.map((s) => s.h)) : 0;
  const h = Math.max(blockH, fh);
  const w = d.arcsW + d.colW + d.gap + fw;
  const fy = h / 2;
  const rowY = (i: number) => (h - blockH) / 2 + Math.max(...sats.map((s) => s.h)) / 2 + i * d.pitch;
  // x measured from the outer edge (west: left; east: mirrored at the end).
  const mirror = (x: number) => (side === "west" ? x : w - x);
  const factor = { x: mirror(w - fw / 2), y: fy };
  const satellites = new Map<string, Box>();
  const loadings = new Map<string, { from: Point; to: Point; label: Point }>();
  const colEdge = d.arcsW + d.colW; // inner edge of the indicator column (outer-side coordinates)
  sats.forEach((s, i) => {
    const cy = rowY(i);
    const x0 = colEdge - s.w; // indicators aligned on their inner edge
    const box = side === "west" ? { x: x0, y: cy - s.h / 2, w: s.w, h: s.h } : { x: w - colEdge, y: cy - s.h / 2, w: s.w, h: s.h };
    satellites.set(s.id, box);
    const to = { x: mirror(colEdge), y: cy };
    const from = ellipseBorder(factor, fw / 2, fh / 2, to);
    // Label centred a fixed distance inside the indicator's edge, on the arrow.
    const lx = mirror(colEdge + LINE_BEFORE_HEAD + s.labelW / 2);
    const t = (lx - from.x) / (to.x - from.x);
    loadings.set(s.id, { from, to, label: { x: lx, y: from.y + t * (to.y - from.y) } });
  });
  const brackets = pr.map((p, k) => {
    const a = satellites.get(sats[p.i].id)!;
    const b = satellites.get(sats[p.j].id)!;
    const outer = d.arcsW - 14 - (levels[k] - 1) * d.levelStep - (d.levelStep - 10) / 2; // x of the bracket's spine (outer-side coords)
    const ax = side === "west" ? a.x : a.x + a.w;
    const bx = side === "west" ? b.x : b.x + b.w;
    const sx = mirror(outer);
    const ya = a.y + a.h / 2;
    const yb = b.y + b.h / 2;
    // The label sits on the spine between two rows (never on a row, where other brackets run).
    const mid = p.i + Math.max(0, Math.floor((p.j - p.i - 1) / 2));
    const ly = (rowY(mid) + rowY(mid + 1)) / 2;
    return {
      a: p.a,
      b: p.b,
      points: [
        { x: ax, y: ya },
        { x: sx, y: ya },
        { x: sx, y: yb },
        { x: bx, y: yb },
      ],
      label: { x: sx, y: ly },
    };
  });
  return { w, h, factor, satellites, loadings, brackets };
}

function southCluster(fw: number, fh: number, sats: SatelliteSpec[], pairs: PairSpec[]): ClusterLayout {
  const idx = new Map(sats.map((s, i) => [s.id, i]));
  const pr = pairs
    .filter((p) => idx.has(p.a) && idx.has(p.b))
    .map((p) => ({ ...p, i: Math.min(idx.get(p.a)!, idx.get(p.b)!), j: Math.max(idx.get(p.a)!, idx.get(p.b)!) }));
  const levels = bracketLevels(pr);
  const maxLevel = Math.max(0, ...levels);
  const pairLabelH = Math.max(0, ...pr.map((p) => p.labelH));
  const levelStep = pairLabelH + 8;
  const arcsH = maxLevel > 0 ? 12 + maxLevel * levelStep : 0;
  const maxLabelH = Math.max(0, ...sats.map((s) => s.labelH));
  const vgap = maxLabelH + 56;
  let extra = GAP + 4;
  for (let attempt = 0; attempt < 60; attempt++) {
    const out = placeSouth(fw, fh, sats, pr, levels, { extra, vgap, arcsH, levelStep });
    if (labelsClear(out, sats)) return out;
    extra += 4;
  }
  return placeSouth(fw, fh, sats, pr, levels, { extra, vgap, arcsH, levelStep });
}

function placeSouth(
  fw: number,
  fh: number,
  sats: SatelliteSpec[],
  pr: (PairSpec & { i: number; j: number })[],
  levels: number[],
  d: { extra: number; vgap: number; arcsH: number; levelStep: number },
): ClusterLayout {
  const pairLabelW = Math.max(0, ...pr.map((p) => p.labelW));
  const widths = sats.map((s) => Math.max(s.w, s.labelW + 4, pr.length ? pairLabelW + 4 : 0) + d.extra);
  const rowW = widths.reduce((a, b) => a + b, 0);
  const w = Math.max(fw, rowW);
  const satH = Math.max(0, ...sats.map((s) => s.h));
  const h = fh + d.vgap + satH + d.arcsH;
  const factor = { x: w / 2, y: fh / 2 };
  const satellites = new Map<string, Box>();
  const loadings = new Map<string, { from: Point; to: Point; label: Point }>();
  let x = (w - rowW) / 2;
  const satTop = fh + d.vgap;
  const centres: number[] = [];
  sats.forEach((s, i) => {
    const cx = x + widths[i] / 2;
    centres.push(cx);
    x += widths[i];
    satellites.set(s.id, { x: cx - s.w / 2, y: satTop, w: s.w, h: s.h });
    const to = { x: cx, y: satTop };
    const from = ellipseBorder(factor, fw / 2, fh / 2, to);
    const ly = satTop - LINE_BEFORE_HEAD - s.labelH / 2;
    const t = (ly - from.y) / (to.y - from.y);
    loadings.set(s.id, { from, to, label: { x: from.x + t * (to.x - from.x), y: ly } });
  });
  const brackets = pr.map((p, k) => {
    const a = satellites.get(sats[p.i].id)!;
    const b = satellites.get(sats[p.j].id)!;
    const sy = satTop + satH + 12 + (levels[k] - 1) * d.levelStep + (d.levelStep - 8) / 2;
    const mid = p.i + Math.max(0, Math.floor((p.j - p.i - 1) / 2));
    const lx = (centres[mid] + centres[mid + 1]) / 2;
    return {
      a: p.a,
      b: p.b,
      points: [
        { x: centres[p.i], y: a.y + a.h },
        { x: centres[p.i], y: sy },
        { x: centres[p.j], y: sy },
        { x: centres[p.j], y: b.y + b.h },
      ],
      label: { x: lx, y: sy },
    };
  });
  return { w, h, factor, satellites, loadings, brackets };
}

/** Loading labels clear of each other, of every indicator and of the factor's bounding box. */
function labelsClear(c: ClusterLayout, sats: SatelliteSpec[]): boolean {
  const boxes = sats
    .filter((s) => s.labelW > 0)
    .map((s) => {
      const l = c.loadings.get(s.id)!.label;
      return { x: l.x - s.labelW / 2, y: l.y - s.labelH / 2, w: s.labelW, h: s.labelH };
    });
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) if (boxesOverlap(boxes[i], boxes[j], -2)) return false;
    for (const b of c.satellites.values()) if (boxesOverlap(boxes[i], b, -1)) return false;
  }
  return true;
}
