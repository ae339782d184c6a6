/**
 * Path diagram of a fitted model as a plotly figure: latent variables as ellipses, observed
 * variables as boxes, one-headed arrows for loadings and regressions and curved two-headed lines
 * for covariances, each labelled with its standardised (std.all) estimate.
 *
 * Layout (AMOS-like): structural variables in columns by causal depth (exogenous on the left);
 * indicators of the first column to its left, of the last column to its right; middle columns are
 * lowered below the direct paths with their indicators underneath.
 */
import { Figure, type PlotData } from "../display";
import { checkOptions } from "../options";
import type { SemFit } from "./fit";
import type { StandardizedRow } from "./results";

interface Node {
  name: string;
  latent: boolean;
  x: number;
  y: number;
}

const RX = 0.62;
const RY = 0.34;
const BW = 0.42;
const BH = 0.17;

function edgePoint(n: Node, tx: number, ty: number): [number, number] {
  const dx = tx - n.x;
  const dy = ty - n.y;
  if (dx === 0 && dy === 0) return [n.x, n.y];
  const t = n.latent ? 1 / Math.sqrt((dx / RX) ** 2 + (dy / RY) ** 2) : Math.min(dx === 0 ? Infinity : BW / Math.abs(dx), dy === 0 ? Infinity : BH / Math.abs(dy));
  return [n.x + dx * t, n.y + dy * t];
}

export interface DiagramOptions {
  /** "std.all" (default), "std.lv" or "est" (unstandardised). */
  values?: "std.all" | "std.lv" | "est";
  digits?: number;
  title?: string;
  /** Draw residual covariances between indicators (default true). */
  residualCovariances?: boolean;
}

export function pathDiagram(fit: SemFit, options?: DiagramOptions): Figure {
  const opts = checkOptions("diagram", options, {
    values: { kind: "enum", values: ["std.all", "std.lv", "est"] },
    digits: { kind: "number", min: 0, max: 10, integer: true },
    title: { kind: "string" },
    residualCovariances: { kind: "boolean" },
  });
  const digits = opts.digits ?? 2;
  const kind = opts.values ?? "std.all";
  const std = (kind === "est" ? [] : (fit.standardizedSolution({ type: kind }).rows as StandardizedRow[])) as StandardizedRow[];
  const pe = fit.parameterEstimates().rows;
  const value = (lhs: string, op: string, rhs: string) => {
    if (kind === "est") {
      const r = pe.find((x) => x.lhs === lhs && x.op === op && x.rhs === rhs);
      return r ? r.est : NaN;
    }
    return std.find((x) => x.lhs === lhs && x.op === op && x.rhs === rhs)?.est_std ?? NaN;
  };
  const lv = fit.lv;
  const loadings = pe.filter((r) => r.op === "=~");
  const regressions = pe.filter((r) => r.op === "~");
  const indicatorOf = new Map<string, string[]>();
  const structuralLoad: { from: string; to: string }[] = [];
  for (const r of loadings) {
    if (lv.includes(r.rhs)) structuralLoad.push({ from: r.lhs, to: r.rhs });
    else indicatorOf.set(r.lhs, [...(indicatorOf.get(r.lhs) ?? []), r.rhs]);
  }
  const isIndicator = new Set(loadings.filter((r) => !lv.includes(r.rhs)).map((r) => r.rhs));
  const structural = [...lv, ...fit.ov.filter((v) => !isIndicator.has(v))];
  // Causal depth: longest path from an exogenous variable.
  const edges: [string, string][] = [...regressions.map((r) => [r.rhs, r.lhs] as [string, string]), ...structuralLoad.map((e) => [e.from, e.to] as [string, string])];
  const level = new Map(structural.map((v) => [v, 0]));
  for (let it = 0; it < structural.length; it++)
    for (const [a, b] of edges) if ((level.get(a) ?? 0) + 1 > (level.get(b) ?? 0) && it < structural.length) level.set(b, (level.get(a) ?? 0) + 1);
  const maxLevel = Math.max(0, ...level.values());
  const nodes = new Map<string, Node>();
  const colX = (l: number) => l * 4.2;
  for (let l = 0; l <= maxLevel; l++) {
    const col = structural.filter((v) => level.get(v) === l);
    const side = l === 0 ? "left" : l === maxLevel ? "right" : "top";
    const heights = col.map((v) => (side === "top" ? 2.2 : Math.max(1.3, (indicatorOf.get(v)?.length ?? 0) * 0.5 + 0.3)));
    const total = heights.reduce((a, b) => a + b, 0);
    let y = total / 2;
    col.forEach((v, i) => {
      const cy = y - heights[i] / 2 - (side === "top" && l % 2 === 1 ? 1.2 : 0);
      y -= heights[i];
      nodes.set(v, { name: v, latent: lv.includes(v), x: colX(l), y: cy });
      const inds = indicatorOf.get(v) ?? [];
      inds.forEach((ind, k) => {
        // Middle columns are lowered below the direct paths; their indicators go further below.
        if (side === "top") nodes.set(ind, { name: ind, latent: false, x: colX(l) + (k - (inds.length - 1) / 2) * 1.0, y: cy + (l % 2 === 1 ? -1.5 : 1.6) });
        else nodes.set(ind, { name: ind, latent: false, x: colX(l) + (side === "left" ? -2.3 : 2.3), y: cy + ((inds.length - 1) / 2 - k) * 0.5 });
      });
    });
  }
  const shapes: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];
  for (const n of nodes.values()) {
    shapes.push(
      n.latent
        ? { type: "circle", layer: "below", x0: n.x - RX, x1: n.x + RX, y0: n.y - RY, y1: n.y + RY, line: { color: "#1f3b73", width: 1.5 }, fillcolor: "#e8eef9" }
        : { type: "rect", layer: "below", x0: n.x - BW, x1: n.x + BW, y0: n.y - BH, y1: n.y + BH, line: { color: "#333", width: 1 }, fillcolor: "#ffffff" },
    );
  }
  const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(digits).replace(/^(-?)0\./, "$1.") : "");
  const arrow = (from: string, to: string, v: number) => {
    const a = nodes.get(from);
    const b = nodes.get(to);
    if (!a || !b) return;
    const [x0, y0] = edgePoint(a, b.x, b.y);
    const [x1, y1] = edgePoint(b, a.x, a.y);
    annotations.push({ x: x1, y: y1, ax: x0, ay: y0, xref: "x", yref: "y", axref: "x", ayref: "y", showarrow: true, arrowhead: 2, arrowsize: 1, arrowwidth: 1.2, arrowcolor: "#444", text: "" });
    annotations.push({ x: x0 + (x1 - x0) * 0.5, y: y0 + (y1 - y0) * 0.5, text: fmt(v), showarrow: false, font: { size: 11, color: "#000" }, bgcolor: "rgba(255,255,255,0.85)" });
  };
  for (const r of loadings) arrow(r.lhs, r.rhs, value(r.lhs, "=~", r.rhs));
  for (const r of regressions) arrow(r.rhs, r.lhs, value(r.lhs, "~", r.rhs));
  // Covariances: curved lines bulging away from the diagram's centre column.
  const covs = pe.filter((r) => r.op === "~~" && r.lhs !== r.rhs && nodes.has(r.lhs) && nodes.has(r.rhs));
  const cx = colX(maxLevel) / 2;
  for (const r of covs) {
    if (!(opts.residualCovariances ?? true) && isIndicator.has(r.lhs)) continue;
    const a = nodes.get(r.lhs)!;
    const b = nodes.get(r.rhs)!;
    const sameColumn = Math.abs(a.x - b.x) < 1e-9;
    // Bulge away from the indicators: right of the first column, left of the last.
    const col = Math.round(a.x / 4.2);
    const out = sameColumn ? (isIndicator.has(a.name) ? (a.x < cx ? -1 : 1) : col === 0 ? 1 : col === maxLevel ? -1 : a.x <= cx ? -1 : 1) : 0;
    const bulge = 0.3 + 0.3 * Math.abs(a.y - b.y);
    const sx = (n: Node) => n.x + out * (n.latent ? RX : BW);
    const x0 = sx(a);
    const x1 = sx(b);
    const qx = sameColumn ? (x0 + x1) / 2 + out * bulge : (a.x + b.x) / 2;
    const qy = sameColumn ? (a.y + b.y) / 2 : Math.max(a.y, b.y) + 0.9;
    const y0 = sameColumn ? a.y : a.y + (a.latent ? RY : BH);
    const y1 = sameColumn ? b.y : b.y + (b.latent ? RY : BH);
    shapes.push({ type: "path", layer: "below", path: `M ${x0} ${y0} Q ${qx} ${qy} ${x1} ${y1}`, line: { color: "#7a7a7a", width: 1, dash: "dot" } });
    annotations.push({ x: 0.25 * x0 + 0.5 * qx + 0.25 * x1, y: 0.25 * y0 + 0.5 * qy + 0.25 * y1, text: fmt(value(r.lhs, "~~", r.rhs)), showarrow: false, font: { size: 10, color: "#555" }, bgcolor: "rgba(255,255,255,0.85)" });
  }
  const r2 = (fit.inspect("rsquare") as { values: Record<string, number> }).values;
  const labels: PlotData = {
    type: "scatter",
    mode: "text",
    x: [...nodes.values()].map((n) => n.x),
    y: [...nodes.values()].map((n) => n.y),
    text: [...nodes.values()].map((n) => (n.latent ? `<b>${n.name}</b>` : n.name)),
    hovertext: [...nodes.values()].map((n) => (r2[n.name] !== undefined ? `${n.name}: R² = ${r2[n.name].toFixed(3)}` : n.name)),
    hoverinfo: "text",
    textfont: { size: 12 },
    showlegend: false,
  };
  const xs = [...nodes.values()].map((n) => n.x);
  const ys = [...nodes.values()].map((n) => n.y);
  const fm = fit.fitMeasures();
  const title =
    opts.title ??
    `${kind === "est" ? "Unstandardised" : "Standardised"} estimates — χ²(${fm.df}) = ${fm.chisq.toFixed(2)}, CFI = ${fm.cfi.toFixed(3)}, RMSEA = ${fm.rmsea.toFixed(3)}`;
  const height = Math.min(900, Math.max(320, (Math.max(...ys) - Math.min(...ys) + 2) * 70));
  return new Figure([labels], {
    title,
    height,
    shapes,
    annotations,
    xaxis: { visible: false, range: [Math.min(...xs) - 1.6, Math.max(...xs) + 1.6], zeroline: false },
    yaxis: { visible: false, range: [Math.min(...ys) - 0.9, Math.max(...ys) + 1.3], zeroline: false, scaleanchor: "x", scaleratio: 1 },
    margin: { l: 10, r: 10, t: 50, b: 10 },
    plot_bgcolor: "#ffffff",
    hovermode: "closest",
  });
}
