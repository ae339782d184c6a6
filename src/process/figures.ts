/**
 * Figures for a PROCESS analysis (plotly): simple slopes with confidence bands, the
 * Johnson–Neyman plot, a statistical path diagram, the bootstrap distribution of an indirect
 * effect, and a conditional indirect effect across the moderator with a bootstrap band.
 */
import { PathlabError } from "../errors";
import { Figure, type PlotData, type PlotLayout } from "../display/figure";
import { stars } from "../display/format";
import { qt } from "../stats/distributions";
import { pathValue, pathModerators, type CompiledPath } from "./effects";
import { bootInterval } from "./intervals";
import type { ProcessResult } from "./result";
import type { EquationResult } from "./types";

const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f"];

function rgba(hex: string, a: number): string {
  const v = parseInt(hex.slice(1), 16);
  return `rgba(${(v >> 16) & 255},${(v >> 8) & 255},${v & 255},${a})`;
}

function f2(v: number, d = 2): string {
  return Number.isFinite(v) ? v.toFixed(d).replace("-", "−") : "—";
}

function colMean(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s / a.length;
}

function range(a: Float64Array): [number, number] {
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < a.length; i++) {
    if (a[i] < lo) lo = a[i];
    if (a[i] > hi) hi = a[i];
  }
  return [lo, hi];
}

export interface SlopesOptions {
  /** Outcome of the equation to plot ("Y", "M1" or a variable name); default: the first probed one. */
  outcome?: string;
  /** Points along the focal predictor (default 50). */
  points?: number;
}

/**
 * Predicted outcome Ŷ(f | moderators) = Σ_t b_t Π(factor values), other predictors at their means;
 * the band is Ŷ ± t_crit √(gᵀVg) with g the vector of term values (Hayes, 2022, §7.4).
 */
export function plotSlopes(res: ProcessResult, opts: SlopesOptions = {}): Figure {
  const p = res.payload;
  const candidates = p.equations.filter((e) => e.conditional.some((c) => c.kind === "effect"));
  const eq: EquationResult | undefined = opts.outcome ? res.equation(opts.outcome) : candidates.find((e) => e.role === "Y") ?? candidates[0];
  const cond = eq?.conditional.find((c) => c.kind === "effect");
  if (!eq || !cond) throw new PathlabError("This model has no interaction to plot simple slopes for.", { hint: "Simple slopes need a moderated path (models 1, 2, 3, 5, 7, 8, 14, 15, 21, 58, 59).", code: "process.no-interaction" });
  const focal = cond.focal;
  const [lo, hi] = range(p.columns[focal]);
  const k = opts.points ?? 50;
  const xs = Array.from({ length: k }, (_, i) => lo + ((hi - lo) * i) / (k - 1));
  const means: Record<string, number> = {};
  for (const [r, c] of Object.entries(p.columns)) means[r] = colMean(c);
  const coef = eq.coefficients.map((c) => c.coeff);
  const tc = qt((100 - p.conf) / 200, eq.summary.df2, false);
  const data: PlotData[] = [];
  cond.rows.forEach((row, j) => {
    const color = PALETTE[j % PALETTE.length];
    const yhat: number[] = [],
      up: number[] = [],
      dn: number[] = [];
    for (const xv of xs) {
      const val = (r: string) => (r === focal ? xv : r in row.at ? row.at[r] : means[r]);
      const g = [1, ...eq.terms.map((t) => t.reduce((s, f) => s * val(f), 1))];
      let est = 0;
      for (let i = 0; i < g.length; i++) est += g[i] * coef[i];
      let v = 0;
      for (let i = 0; i < g.length; i++) for (let m = 0; m < g.length; m++) v += g[i] * eq.vcov[i][m] * g[m];
      const se = Math.sqrt(Math.max(v, 0));
      yhat.push(est);
      up.push(est + tc * se);
      dn.push(est - tc * se);
    }
    const label = Object.entries(row.at)
      .map(([r, v]) => `${res.payload.roleName[r]} = ${f2(v)}`)
      .join(", ");
    data.push({ x: [...xs, ...xs.slice().reverse()], y: [...up, ...dn.slice().reverse()], type: "scatter", mode: "lines", fill: "toself", fillcolor: rgba(color, 0.15), line: { width: 0 }, hoverinfo: "skip", showlegend: false });
    data.push({ x: xs, y: yhat, type: "scatter", mode: "lines", name: `${label} (slope ${f2(row.effect)}${stars(row.p)})`, line: { color, width: 2.5 } });
  });
  const layout: PlotLayout = {
    title: `Simple slopes of ${cond.focalName} on ${eq.outcome} at values of ${cond.moderatorNames.join(" and ")}`,
    xaxis: { title: { text: cond.focalName } },
    yaxis: { title: { text: `Predicted ${eq.outcome}` } },
    legend: { orientation: "h", y: -0.2 },
    height: 460,
    annotations: [{ text: `Bands: ${p.conf}% CI of the predicted value; other predictors at their means.`, xref: "paper", yref: "paper", x: 0, y: 1.06, showarrow: false, font: { size: 11, color: "#555" }, xanchor: "left" }],
  };
  return new Figure(data, layout);
}

/** Johnson–Neyman plot: θ(w) with its confidence band; shaded where the band excludes zero. */
export function plotJN(res: ProcessResult): Figure {
  const eq = res.payload.equations.find((e) => e.jn);
  if (!eq || !eq.jn) throw new PathlabError("No Johnson–Neyman analysis in this result.", { hint: "Run process() with jn: 1 (models 1 and 3).", code: "process.no-jn" });
  const jn = eq.jn;
  const L = jn.line;
  const k = 200;
  const ws = Array.from({ length: k }, (_, i) => L.min + ((L.max - L.min) * i) / (k - 1));
  const est = ws.map((w) => L.e0 + w * L.e1);
  const se = ws.map((w) => Math.sqrt(L.v00 + 2 * w * L.v01 + w * w * L.v11));
  const up = est.map((e, i) => e + L.tcrit * se[i]);
  const dn = est.map((e, i) => e - L.tcrit * se[i]);
  // Regions of significance: runs of the grid (plus the exact boundaries) where the band excludes 0.
  const cuts = [L.min, ...jn.points.map((pt) => pt.value), L.max];
  const shapes: Record<string, unknown>[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const mid = (cuts[i] + cuts[i + 1]) / 2;
    const e = L.e0 + mid * L.e1;
    const s = Math.sqrt(L.v00 + 2 * mid * L.v01 + mid * mid * L.v11);
    if (Math.abs(e / s) > L.tcrit)
      shapes.push({ type: "rect", xref: "x", yref: "paper", x0: cuts[i], x1: cuts[i + 1], y0: 0, y1: 1, fillcolor: "rgba(44,160,44,0.12)", line: { width: 0 }, layer: "below" });
  }
  for (const pt of jn.points) shapes.push({ type: "line", xref: "x", yref: "paper", x0: pt.value, x1: pt.value, y0: 0, y1: 1, line: { color: "#444", dash: "dash", width: 1.5 } });
  shapes.push({ type: "line", xref: "paper", yref: "y", x0: 0, x1: 1, y0: 0, y1: 0, line: { color: "#999", width: 1 } });
  const p = res.payload;
  const what = jn.kind === "effect" ? `Conditional effect of ${p.roleName.X} on ${p.roleName.Y}` : `Conditional ${p.roleName.X}×${p.roleName.W} interaction`;
  const data: PlotData[] = [
    { x: [...ws, ...ws.slice().reverse()], y: [...up, ...dn.slice().reverse()], type: "scatter", mode: "lines", fill: "toself", fillcolor: "rgba(31,119,180,0.18)", line: { width: 0 }, name: `${p.conf}% CI`, hoverinfo: "skip" },
    { x: ws, y: est, type: "scatter", mode: "lines", line: { color: "#1f77b4", width: 2.5 }, name: "Effect" },
  ];
  const annotations = jn.points.map((pt) => ({ x: pt.value, y: 1.02, xref: "x", yref: "paper", text: `${f2(pt.value, 3)}<br>(${f2(pt.pctBelow, 1)}% below)`, showarrow: false, font: { size: 11 } }));
  return new Figure(data, {
    title: `Johnson–Neyman: ${what} across ${jn.moderatorName}`,
    xaxis: { title: { text: jn.moderatorName }, range: [L.min, L.max] },
    yaxis: { title: { text: jn.kind === "effect" ? `Effect of ${p.roleName.X}` : "Conditional interaction" } },
    shapes,
    annotations,
    height: 440,
    legend: { orientation: "h", y: -0.2 },
  } as PlotLayout);
}

/** Statistical path diagram (as in papers' "Figure 2"): boxes, arrows, coefficients with stars. */
export function pathDiagram(res: ProcessResult): Figure {
  const p = res.payload;
  const name = (r: string) => p.roleName[r] ?? r;
  const mRoles = Object.keys(p.roleName).filter((k) => /^M\d+$/.test(k));
  const pos: Record<string, [number, number]> = { X: [0.08, 0.2], Y: [0.92, 0.2] };
  if (p.model === 6) mRoles.forEach((m, i) => (pos[m] = [0.25 + (0.5 * i) / Math.max(1, mRoles.length - 1), 0.62 + (i % 2) * 0.08]));
  else mRoles.forEach((m, i) => (pos[m] = [0.5, mRoles.length === 1 ? 0.65 : 0.5 + (0.42 * i) / (mRoles.length - 1)]));
  if (p.model <= 3) {
    pos.X = [0.1, 0.45];
    pos.Y = [0.9, 0.45];
  }
  if (p.roleName.W) pos.W = p.model <= 3 ? [0.5, 0.9] : [0.5, 1.0];
  if (p.roleName.Z) pos.Z = p.model <= 3 ? [0.5, 0.05] : [0.75, 1.0];
  const shapes: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];
  const bw = 0.075,
    bh = 0.055;
  for (const [r, [x, y]] of Object.entries(pos)) {
    shapes.push({ type: "rect", xref: "x", yref: "y", x0: x - bw, x1: x + bw, y0: y - bh, y1: y + bh, line: { color: "#333", width: 1.5 }, fillcolor: r === "W" || r === "Z" ? "#fff7e6" : "#eef4fb" });
    annotations.push({ x, y, xref: "x", yref: "y", text: `<b>${name(r)}</b>`, showarrow: false, font: { size: 13 } });
  }
  const coefOf = (eq: EquationResult, roles: string[]) => {
    const i = eq.terms.findIndex((t) => t.length === roles.length && roles.every((r) => t.includes(r)));
    return i >= 0 ? eq.coefficients[i + 1] : undefined;
  };
  const arrow = (from: [number, number], to: [number, number], label: string, color = "#333", labelShift = 0.04) => {
    // Stop arrows at box edges: shorten along the line.
    const dx = to[0] - from[0],
      dy = to[1] - from[1];
    const len = Math.hypot(dx, dy) || 1;
    const cut = (d: number) => Math.min(bw / Math.max(Math.abs(dx / len), 1e-9), bh / Math.max(Math.abs(dy / len), 1e-9)) * d;
    const s = cut(1.05),
      e = cut(1.1);
    const x0 = from[0] + (dx / len) * s,
      y0 = from[1] + (dy / len) * s;
    const x1 = to[0] - (dx / len) * e,
      y1 = to[1] - (dy / len) * e;
    annotations.push({ x: x1, y: y1, ax: x0, ay: y0, xref: "x", yref: "y", axref: "x", ayref: "y", showarrow: true, arrowhead: 2, arrowsize: 1.2, arrowwidth: 1.6, arrowcolor: color, text: "" });
    if (label) annotations.push({ x: (x0 + x1) / 2, y: (y0 + y1) / 2 + labelShift, xref: "x", yref: "y", text: label, showarrow: false, font: { size: 11, color }, bgcolor: "rgba(255,255,255,0.85)" });
  };
  const lab = (sym: string, c?: { coeff: number; p: number }) => (c ? `${sym} = ${f2(c.coeff, 3)}${stars(c.p)}` : sym);
  const eqs = p.equations;
  const yEq = eqs[eqs.length - 1];
  const notes: string[] = [];
  if (mRoles.length === 0) {
    // Moderation: X → Y with the moderator(s) pointing at the arrow.
    arrow(pos.X, pos.Y, lab("b1", coefOf(yEq, ["X"])), "#333", 0.05);
    const mid: [number, number] = [0.5, pos.Y[1]];
    arrow(pos.W, [mid[0], mid[1] + 0.02], lab("XW", coefOf(yEq, ["X", "W"])), "#b35900", 0);
    if (pos.Z) arrow(pos.Z, [mid[0], mid[1] - 0.02], lab("XZ", coefOf(yEq, ["X", "Z"])), "#b35900", 0);
  } else {
    mRoles.forEach((m, i) => {
      const mEq = eqs.find((e) => e.role === m)!;
      const a = coefOf(mEq, ["X"]);
      const b = coefOf(yEq, [m]);
      const idx = mRoles.length > 1 ? String(i + 1) : "";
      arrow(pos.X, pos[m], lab(`a${idx}`, a), "#333", 0.035);
      arrow(pos[m], pos.Y, lab(`b${idx}`, b), "#333", 0.035);
      if (p.model === 6)
        mRoles.slice(0, i).forEach((prev, j) => {
          const d = coefOf(mEq, [prev]);
          arrow(pos[prev], pos[m], lab(`d${j + 1}${i + 1}`, d), "#333", 0.035);
        });
      // Moderated paths: the moderator's arrow points at the middle of the path it changes.
      for (const mod of ["W", "Z"]) {
        if (!pos[mod]) continue;
        const aMod = coefOf(mEq, ["X", mod]);
        const bMod = coefOf(yEq, [m, mod]);
        if (aMod) arrow(pos[mod], [(pos.X[0] + pos[m][0]) / 2, (pos.X[1] + pos[m][1]) / 2], lab(`a${idx}·${mod}`, aMod), "#b35900", 0);
        if (bMod) arrow(pos[mod], [(pos[m][0] + pos.Y[0]) / 2, (pos[m][1] + pos.Y[1]) / 2], lab(`b${idx}·${mod}`, bMod), "#b35900", 0);
      }
    });
    const cPrime = coefOf(yEq, ["X"]);
    arrow(pos.X, pos.Y, lab("c′", cPrime) + (p.totalEffect ? ` (c = ${f2(p.totalEffect.effect, 3)}${stars(p.totalEffect.p)})` : ""), "#333", -0.05);
    if (pos.W && coefOf(yEq, ["X", "W"])) arrow(pos.W, [0.5, pos.Y[1] + 0.01], lab("c′·W", coefOf(yEq, ["X", "W"])), "#b35900", 0);
    const ciName = p.mc ? "MC" : "bootstrap";
    for (const r of p.indirect.filter((q) => Object.keys(q.at).length === 0 && q.llci !== undefined))
      notes.push(`Indirect ${r.path ? r.path.map(name).join("→") : r.label}: ${f2(r.effect, 3)}, ${p.conf}% ${ciName} CI [${f2(r.llci!, 3)}, ${f2(r.ulci!, 3)}]`);
    for (const r of p.indices.filter((q) => q.llci !== undefined && Object.keys(q.at).length === 0))
      notes.push(`Index of moderated mediation (${r.label}, by ${name(r.moderator)}): ${f2(r.index, 3)}, ${p.conf}% CI [${f2(r.llci!, 3)}, ${f2(r.ulci!, 3)}]`);
  }
  notes.push("* p < .05, ** p < .01, *** p < .001" + (p.hc ? ` (${p.hc} standard errors)` : ""));
  annotations.push({ x: 0, y: -0.16, xref: "x", yref: "y", xanchor: "left", yanchor: "top", align: "left", showarrow: false, text: notes.join("<br>"), font: { size: 11 } });
  return new Figure([{ x: [0], y: [0], type: "scatter", mode: "markers", marker: { opacity: 0 }, hoverinfo: "skip", showlegend: false }], {
    title: `Statistical diagram, PROCESS model ${p.model}`,
    xaxis: { visible: false, range: [-0.02, 1.02] },
    yaxis: { visible: false, range: [-0.1 - 0.05 * notes.length - 0.05, 1.1] },
    shapes,
    annotations,
    height: 460 + 18 * notes.length,
    margin: { l: 20, r: 20, t: 50, b: 20 },
  } as PlotLayout);
}

/** Histogram of the resampled values of an indirect effect (row index or key), CI bounds marked. */
export function plotBootstrap(res: ProcessResult, which: number | string = 0): Figure {
  const p = res.payload;
  const pool = [...p.indirect, ...p.indices.map((r) => ({ ...r, effect: r.index, path: undefined as string[] | undefined }))];
  const row = typeof which === "number" ? pool[which] : pool.find((r) => r.key === which || r.label === which);
  const draws = row ? p.draws.get(row.key) : undefined;
  if (!row || !draws)
    throw new PathlabError(`No resampled values for ${JSON.stringify(which)}.`, { hint: "Bootstrap draws exist for indirect effects and indices when boot > 0 or mc > 0.", code: "process.no-draws" });
  const name = (r: string) => p.roleName[r] ?? r;
  const label = (row.path ? row.path.map(name).join(" → ") : row.label) + (Object.keys(row.at).length ? ` at ${Object.entries(row.at).map(([k, v]) => `${name(k)} = ${f2(v)}`).join(", ")}` : "");
  const shapes = [
    { type: "line", xref: "x", yref: "paper", x0: row.llci, x1: row.llci, y0: 0, y1: 1, line: { color: "#d62728", dash: "dash", width: 2 } },
    { type: "line", xref: "x", yref: "paper", x0: row.ulci, x1: row.ulci, y0: 0, y1: 1, line: { color: "#d62728", dash: "dash", width: 2 } },
    { type: "line", xref: "x", yref: "paper", x0: row.effect, x1: row.effect, y0: 0, y1: 1, line: { color: "#111", width: 2 } },
    { type: "line", xref: "x", yref: "paper", x0: 0, x1: 0, y0: 0, y1: 1, line: { color: "#999", dash: "dot", width: 1 } },
  ];
  const what = p.mc ? "Monte Carlo draws" : "bootstrap resamples";
  return new Figure([{ x: Array.from(draws), type: "histogram", nbinsx: 60, marker: { color: "rgba(31,119,180,0.6)", line: { color: "#fff", width: 0.5 } }, name: what }], {
    title: `${label}: ${draws.length} ${what}`,
    xaxis: { title: { text: "Indirect effect" } },
    yaxis: { title: { text: "Count" } },
    shapes,
    annotations: [{ x: 1, y: 1.06, xref: "paper", yref: "paper", xanchor: "right", showarrow: false, text: `estimate ${f2(row.effect, 3)}; ${p.conf}% ${p.ciMethod} CI [${f2(row.llci ?? NaN, 3)}, ${f2(row.ulci ?? NaN, 3)}]`, font: { size: 11 } }],
    bargap: 0.02,
    height: 400,
  } as PlotLayout);
}

/** θ_ind(W) across the range of W, with the pointwise percentile band of the resampled values. */
export function plotConditionalIndirect(res: ProcessResult, mediator?: string): Figure {
  const p = res.payload;
  const name = (r: string) => p.roleName[r] ?? r;
  const cands = p.indirectPaths.filter((cp) => pathModerators(cp).length > 0);
  const cp: CompiledPath | undefined = mediator ? cands.find((c) => c.path.some((r) => name(r) === mediator || r === mediator)) : cands[0];
  const bd = p.bootDraws;
  if (!cp || !bd)
    throw new PathlabError("No moderated indirect effect with resampled values to plot.", { hint: "Use a conditional process model (5–59) with boot > 0 or mc > 0.", code: "process.no-conditional-indirect" });
  const mods = pathModerators(cp).sort();
  const along = mods.includes("W") ? "W" : mods[0];
  const others = mods.filter((m) => m !== along);
  const [lo, hi] = range(p.columns[along]);
  const k = 41;
  const ws = Array.from({ length: k }, (_, i) => lo + ((hi - lo) * i) / (k - 1));
  const point = new Float64Array(bd.stride);
  let off = 0;
  for (const eq of p.equations) {
    eq.coefficients.forEach((c, i) => (point[off + i] = c.coeff));
    off += eq.coefficients.length;
  }
  const levels: Record<string, number>[] = others.length ? p.probeValues[others[0]].map((v) => ({ [others[0]]: v })) : [{}];
  const data: PlotData[] = [];
  const vals = new Float64Array(bd.B);
  levels.forEach((lev, j) => {
    const color = PALETTE[j % PALETTE.length];
    const est: number[] = [],
      up: number[] = [],
      dn: number[] = [];
    for (const w of ws) {
      const at = { ...lev, [along]: w };
      est.push(pathValue(cp, point, 0, at));
      for (let b = 0; b < bd.B; b++) vals[b] = pathValue(cp, bd.coefs, b * bd.stride, at);
      const ci = bootInterval(vals, p.conf);
      up.push(ci.upper);
      dn.push(ci.lower);
    }
    const suffix = others.length ? ` (${name(others[0])} = ${f2(lev[others[0]])})` : "";
    data.push({ x: [...ws, ...ws.slice().reverse()], y: [...up, ...dn.slice().reverse()], type: "scatter", mode: "lines", fill: "toself", fillcolor: rgba(color, 0.15), line: { width: 0 }, name: `${p.conf}% CI${suffix}`, hoverinfo: "skip" });
    data.push({ x: ws, y: est, type: "scatter", mode: "lines", line: { color, width: 2.5 }, name: `Indirect effect${suffix}` });
  });
  const probed = p.indirect.filter((r) => r.path && r.path.join() === cp.path.join() && r.llci !== undefined && others.every((o) => o in r.at));
  if (probed.length && !others.length)
    data.push({
      x: probed.map((r) => r.at[along]),
      y: probed.map((r) => r.effect),
      type: "scatter",
      mode: "markers",
      name: "Probe values (table)",
      marker: { color: "#111", size: 8 },
      error_y: { type: "data", symmetric: false, array: probed.map((r) => r.ulci! - r.effect), arrayminus: probed.map((r) => r.effect - r.llci!), color: "#111" },
    });
  return new Figure(data, {
    title: `Conditional indirect effect ${cp.path.map(name).join(" → ")} across ${name(along)}`,
    xaxis: { title: { text: name(along) } },
    yaxis: { title: { text: "Indirect effect" }, zeroline: true, zerolinecolor: "#999" },
    legend: { orientation: "h", y: -0.2 },
    height: 440,
    annotations: [{ text: `Pointwise ${p.conf}% percentile band from ${bd.B} ${p.mc ? "Monte Carlo draws" : "bootstrap resamples"}.`, xref: "paper", yref: "paper", x: 0, y: 1.06, showarrow: false, font: { size: 11, color: "#555" }, xanchor: "left" }],
  } as PlotLayout);
}
