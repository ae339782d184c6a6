/**
 * Figures for a PROCESS analysis (plotly): simple slopes with confidence bands, the
 * Johnson–Neyman plot, a statistical path diagram, the bootstrap distribution of an indirect
 * effect, and a conditional indirect effect across the moderator with a bootstrap band.
 */
import { PathlabError } from "../errors";
import { Figure, type PlotData, type PlotLayout } from "../display/figure";
import { drawDiagram, type DiagramEdge, type DiagramNode } from "../display/diagram";
import { checkOptions } from "../options";
import { stars } from "../display/format";
import { mean, qt } from "../math";
import { pathValue, pathModerators, type CompiledPath } from "./effects";
import { bootInterval } from "./intervals";
import { processValueLabel, type ProcessResult } from "./result";
import { figureTheme, seriesStyle } from "../display/theme";
import type { EquationResult } from "./types";

function f2(v: number, d = 2): string {
  return Number.isFinite(v) ? v.toFixed(d).replace("-", "−") : "—";
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

/** Distinct values of a column (at most `max`; undefined when there are more). */
function distinctValues(a: Float64Array, max = 12): number[] | undefined {
  const s = new Set<number>();
  for (let i = 0; i < a.length; i++) {
    s.add(a[i]);
    if (s.size > max) return undefined;
  }
  return Array.from(s).sort((x, y) => x - y);
}

/** A role's value as a reader wants it: its label from the data, else the number. */
function valueText(res: ProcessResult, role: string, v: number, digits = 2): string {
  return processValueLabel(res.payload, role, v) ?? f2(v, digits);
}

/**
 * The values of a categorical role on the x axis: a dichotomous variable, or one whose values all
 * carry labels. Such a variable is drawn at its values (points), never as a line between them.
 */
export function categoricalValues(res: ProcessResult, role: string): number[] | undefined {
  const vals = distinctValues(res.payload.columns[role]);
  if (!vals) return undefined;
  if (vals.length === 2) return vals;
  return vals.every((v) => processValueLabel(res.payload, role, v) !== undefined) ? vals : undefined;
}

/** Predicted value and its SE in an equation with the given term values. */
function predict(eq: EquationResult, val: (r: string) => number): { est: number; se: number } {
  const g = [1, ...eq.terms.map((t) => t.reduce((s, f) => s * val(f), 1))];
  let est = 0;
  let v = 0;
  for (let i = 0; i < g.length; i++) {
    est += g[i] * eq.coefficients[i].coeff;
    for (let m = 0; m < g.length; m++) v += g[i] * eq.vcov[i][m] * g[m];
  }
  return { est, se: Math.sqrt(Math.max(v, 0)) };
}

/**
 * Predicted outcome Ŷ(f | moderators) = Σ_t b_t Π(factor values), other predictors at their means;
 * the band is Ŷ ± t_crit √(gᵀVg) with g the vector of term values (Hayes, 2022, §7.4). One line per
 * probed value of the moderator (labelled from the data); a dichotomous or labelled categorical focal
 * predictor is drawn as points with intervals at its values.
 */
export function plotSlopes(res: ProcessResult, options: SlopesOptions = {}): Figure {
  const opts = checkOptions<SlopesOptions>("plotSlopes", options, {
    outcome: { kind: "string" },
    points: { kind: "number", integer: true, min: 2, max: 2000 },
  });
  const p = res.payload;
  const candidates = p.equations.filter((e) => e.conditional.some((c) => c.kind === "effect"));
  const eq: EquationResult | undefined = opts.outcome ? res.equation(opts.outcome) : (candidates.find((e) => e.role === "Y") ?? candidates[0]);
  const cond = eq?.conditional.find((c) => c.kind === "effect");
  if (!eq || !cond)
    throw new PathlabError("This model has no interaction to plot simple slopes for.", {
      hint: "Simple slopes need a moderated path (models 1, 2, 3, 5, 7, 8, 14, 15, 21, 58, 59).",
      code: "process.no-interaction",
    });
  const focal = cond.focal;
  const cats = categoricalValues(res, focal);
  const [lo, hi] = range(p.columns[focal]);
  const k = opts.points ?? 50;
  const xs = cats ?? Array.from({ length: k }, (_, i) => lo + ((hi - lo) * i) / (k - 1));
  const means: Record<string, number> = {};
  for (const [r, c] of Object.entries(p.columns)) means[r] = mean(c);
  const tc = qt((100 - p.conf) / 200, eq.summary.df2, false);
  const data: PlotData[] = [];
  const n = cond.rows.length;
  cond.rows.forEach((row, j) => {
    const st = seriesStyle(j);
    const pts = xs.map((xv) => predict(eq, (r) => (r === focal ? xv : r in row.at ? row.at[r] : means[r])));
    const label = Object.entries(row.at)
      .map(([r, v]) => `${p.roleName[r]} = ${valueText(res, r, v)}`)
      .join(", ");
    const name = `${label} (slope ${f2(row.effect)}${stars(row.p)})`;
    if (cats) {
      // Points side by side at each category, never joined: the categories have nothing in between.
      const dodge = (j - (n - 1) / 2) * 0.08 * (cats.length > 1 ? cats[1] - cats[0] : 1);
      data.push({
        x: xs.map((x) => x + dodge),
        y: pts.map((q) => q.est),
        type: "scatter",
        mode: "markers",
        name,
        marker: { color: st.color, symbol: st.symbol, size: 9 },
        error_y: { type: "data", array: pts.map((q) => tc * q.se), color: st.color, thickness: 1.5, width: 5 },
      });
      return;
    }
    const up = pts.map((q) => q.est + tc * q.se);
    const dn = pts.map((q) => q.est - tc * q.se);
    data.push({
      x: [...xs, ...xs.slice().reverse()],
      y: [...up, ...dn.slice().reverse()],
      type: "scatter",
      mode: "lines",
      fill: "toself",
      fillcolor: st.fill(0.15),
      line: { width: 0 },
      hoverinfo: "skip",
      showlegend: false,
    });
    data.push({ x: xs, y: pts.map((q) => q.est), type: "scatter", mode: "lines", name, line: { color: st.color, width: 2.5, dash: st.dash } });
  });
  const layout: PlotLayout = {
    title: {
      text: `Simple slopes of ${cond.focalName} on ${eq.outcome} at values of ${cond.moderatorNames.join(" and ")}`,
      subtitle: {
        text: cats
          ? `Predicted values with ${p.conf}% CIs at each category; other predictors at their means.`
          : `Bands: ${p.conf}% CI of the predicted value; other predictors at their means.`,
      },
    },
    xaxis: {
      title: { text: cond.focalName },
      ...(cats
        ? {
            tickvals: cats,
            ticktext: cats.map((v) => valueText(res, focal, v)),
            range: [cats[0] - 0.5 * (cats[cats.length - 1] - cats[0] || 1), cats[cats.length - 1] + 0.5 * (cats[cats.length - 1] - cats[0] || 1)],
          }
        : {}),
    },
    yaxis: { title: { text: `Predicted ${eq.outcome}` } },
    legend: { orientation: "h", y: -0.2 },
    height: 480,
  };
  return new Figure(data, layout);
}

/**
 * Johnson–Neyman plot: θ(w) with its confidence band; shaded where the band excludes zero. A
 * dichotomous moderator has no continuum to search: the effect is drawn at its two values instead.
 */
export function plotJN(res: ProcessResult): Figure {
  const eq = res.payload.equations.find((e) => e.jn);
  if (!eq || !eq.jn)
    throw new PathlabError("No Johnson–Neyman analysis in this result.", { hint: "Run process() with jn: 1 (models 1 and 3).", code: "process.no-jn" });
  const jn = eq.jn;
  const L = jn.line;
  const p = res.payload;
  const th = figureTheme();
  const st = seriesStyle(0);
  const what = jn.kind === "effect" ? `Conditional effect of ${p.roleName.X} on ${p.roleName.Y}` : `Conditional ${p.roleName.X}×${p.roleName.W} interaction`;
  const yTitle = jn.kind === "effect" ? `Effect of ${p.roleName.X}` : "Conditional interaction";
  const cats = categoricalValues(res, jn.moderator);
  if (cats) {
    const est = cats.map((w) => L.e0 + w * L.e1);
    const se = cats.map((w) => Math.sqrt(L.v00 + 2 * w * L.v01 + w * w * L.v11));
    return new Figure(
      [
        {
          x: cats,
          y: est,
          type: "scatter",
          mode: "markers",
          name: "Effect",
          marker: { color: st.color, size: 10, symbol: st.symbol },
          error_y: { type: "data", array: se.map((s) => L.tcrit * s), color: st.color, thickness: 1.5, width: 6 },
        },
      ],
      {
        title: {
          text: `${what} at the values of ${jn.moderatorName}`,
          subtitle: { text: `${jn.moderatorName} is categorical: effects at its values with ${p.conf}% CIs (no Johnson–Neyman region between categories).` },
        },
        xaxis: {
          title: { text: jn.moderatorName },
          tickvals: cats,
          ticktext: cats.map((v) => valueText(res, jn.moderator, v)),
          range: [cats[0] - 0.5 * (cats[cats.length - 1] - cats[0]), cats[cats.length - 1] + 0.5 * (cats[cats.length - 1] - cats[0])],
        },
        yaxis: { title: { text: yTitle }, zeroline: true, zerolinecolor: th.muted },
        height: 440,
        showlegend: false,
      } as PlotLayout,
    );
  }
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
      shapes.push({
        type: "rect",
        xref: "x",
        yref: "paper",
        x0: cuts[i],
        x1: cuts[i + 1],
        y0: 0,
        y1: 1,
        fillcolor: "rgba(0,0,0,0.07)",
        line: { width: 0 },
        layer: "below",
      });
  }
  for (const pt of jn.points)
    shapes.push({ type: "line", xref: "x", yref: "paper", x0: pt.value, x1: pt.value, y0: 0, y1: 1, line: { color: th.ink, dash: "dash", width: 1.5 } });
  shapes.push({ type: "line", xref: "paper", yref: "y", x0: 0, x1: 1, y0: 0, y1: 0, line: { color: th.muted, width: 1 } });
  const data: PlotData[] = [
    {
      x: [...ws, ...ws.slice().reverse()],
      y: [...up, ...dn.slice().reverse()],
      type: "scatter",
      mode: "lines",
      fill: "toself",
      fillcolor: st.fill(0.18),
      line: { width: 0 },
      name: `${p.conf}% CI`,
      hoverinfo: "skip",
    },
    { x: ws, y: est, type: "scatter", mode: "lines", line: { color: st.color, width: 2.5 }, name: "Effect" },
  ];
  const annotations = jn.points.map((pt) => ({
    x: pt.value,
    y: 1.02,
    xref: "x",
    yref: "paper",
    yanchor: "bottom",
    text: `${f2(pt.value, 3)}<br>(${f2(pt.pctBelow, 1)}% below)`,
    showarrow: false,
    font: { size: th.noteSize },
  }));
  return new Figure(data, {
    title: {
      text: `Johnson–Neyman: ${what} across ${jn.moderatorName}`,
      subtitle: { text: "Shaded: the interval excludes zero (region of significance); dashed: its boundaries." },
    },
    xaxis: { title: { text: jn.moderatorName }, range: [L.min, L.max] },
    yaxis: { title: { text: yTitle } },
    shapes,
    annotations,
    margin: { t: 110 },
    height: 460,
    legend: { orientation: "h", y: -0.2 },
  } as PlotLayout);
}

export interface ProcessDiagramOptions {
  /** Covariates drawn one by one ("show"), as one box ("group") or only in the note ("hide"). Default: "group" for 3 or more, else "show". */
  covariates?: "show" | "group" | "hide";
  /** Significance stars on the coefficients (default true). */
  stars?: boolean;
  /** R² inside each outcome (default true). */
  rsquare?: boolean;
  /** Decimals of the coefficients (default 3). */
  digits?: number;
  title?: string;
  /** Black, greys and white only, for print (default: the figure theme's setting). */
  grayscale?: boolean;
  /** Names to show instead of variable names, e.g. { osc: "Organisational slack" }. */
  labels?: Record<string, string>;
  /** Widest the figure may be in px before it is scaled down (default 1100). */
  maxWidth?: number;
}

/**
 * Coefficient symbols as Hayes (2022) writes them in statistical diagrams: with one mediator the
 * terms of M are a (or a1, a2, … when moderated) and those of Y after c′ are b (or b1, b2, …); with
 * several mediators a_i, b_i and d_ij (serial paths); in moderation models b1, b2, … in term order.
 * Covariates get no symbol.
 */
function symbolsOf(p: ProcessResult["payload"]): Map<string, string> {
  const sym = new Map<string, string>();
  const mRoles = Object.keys(p.roleName).filter((k) => /^M\d+$/.test(k));
  for (const eq of p.equations) {
    const isY = eq.role === "Y";
    const terms = eq.terms.filter((t) => !(t.length === 1 && t[0].startsWith("C:")));
    const key = (t: string[]) => `${eq.role}|${t.join("*")}`;
    if (mRoles.length > 1) {
      for (const t of terms) {
        if (t.length !== 1) continue;
        if (isY && t[0] === "X") sym.set(key(t), "c′");
        else if (isY && /^M\d+$/.test(t[0])) sym.set(key(t), `b${t[0].slice(1)}`);
        else if (!isY && t[0] === "X") sym.set(key(t), `a${eq.role.slice(1)}`);
        else if (!isY && /^M\d+$/.test(t[0])) sym.set(key(t), `d${eq.role.slice(1)}${t[0].slice(1)}`);
      }
      continue;
    }
    const letter = isY ? "b" : "a";
    const rest = isY && mRoles.length ? terms.filter((t) => !(t.length === 1 && t[0] === "X")) : terms;
    if (isY && mRoles.length) for (const t of terms) if (t.length === 1 && t[0] === "X") sym.set(key(t), "c′");
    rest.forEach((t, i) => sym.set(key(t), rest.length === 1 ? letter : `${letter}${i + 1}`));
  }
  return sym;
}

/**
 * Statistical diagram (Hayes, 2022, as papers draw their "Figure 2"): every predictor of every
 * equation — X, mediators, moderators and product terms — as a box with an arrow to its outcome,
 * labelled with its symbol (a, b, c′, d), coefficient and stars; R² in each outcome; the indirect
 * effects with their intervals and the index of moderated mediation in the note. Laid out by the
 * same layered layout as SEM diagrams (`display/diagram.ts`).
 */
export function pathDiagram(res: ProcessResult, options: ProcessDiagramOptions = {}): Figure {
  const opts = checkOptions<ProcessDiagramOptions>("pathDiagram", options, {
    covariates: { kind: "enum", values: ["show", "group", "hide"], caseInsensitive: true, valueAliases: { note: "hide" } },
    stars: { kind: "boolean" },
    rsquare: { kind: "boolean", aliases: ["r2"] },
    digits: { kind: "number", integer: true, min: 0, max: 6 },
    title: { kind: "string" },
    grayscale: { kind: "boolean", aliases: ["greyscale"] },
    labels: {
      kind: "custom",
      check: (v) =>
        v !== null && typeof v === "object" && !Array.isArray(v) && Object.values(v as object).every((x) => typeof x === "string")
          ? undefined
          : "must map variable names to display names.",
      expected: '{ osc: "Slack" }',
    },
    maxWidth: { kind: "number", min: 200, max: 10000 },
  });
  const p = res.payload;
  const digits = opts.digits ?? 3;
  const withStars = opts.stars ?? true;
  const varName = (r: string) => (r.startsWith("C:") ? r.slice(2) : (p.roleName[r] ?? r));
  const name = (r: string) => opts.labels?.[varName(r)] ?? varName(r);
  const termId = (t: string[]) => t.join("*");
  const termName = (t: string[]) => t.map(name).join(" × ");
  const mode = opts.covariates ?? (p.covariates.length >= 3 ? "group" : "show");
  const hideCov = mode !== "show";
  const sym = symbolsOf(p);
  const value = (c: { coeff: number; p: number }) => `${f2(c.coeff, digits)}${withStars ? stars(c.p) : ""}`;
  const nodes = new Map<string, DiagramNode>();
  const edges: DiagramEdge[] = [];
  const covText: string[] = [];
  const moderators = new Set(["W", "Z"]);
  const addNode = (t: string[]) => {
    const id = termId(t);
    if (nodes.has(id)) return id;
    const product = t.length > 1;
    nodes.set(id, {
      id,
      lines: [product ? termName(t) : name(t[0])],
      shape: "rect",
      fill: product || moderators.has(t[0]) ? "moderator" : "observed",
      hover: product ? `product term ${termName(t)}` : varName(t[0]),
    });
    return id;
  };
  for (const eq of p.equations) {
    const out = addNode([eq.role]);
    const node = nodes.get(out)!;
    if (opts.rsquare ?? true) node.lines = [node.lines[0], `R² = ${f2(eq.summary.r2, digits).replace(/^(−?)0\./, "$1.")}`];
    eq.terms.forEach((t, i) => {
      const c = eq.coefficients[i + 1];
      if (t.length === 1 && t[0].startsWith("C:") && hideCov) {
        covText.push(`${name(t[0])} → ${name(eq.role)} ${value(c)}`);
        return;
      }
      const from = addNode(t);
      const s = sym.get(`${eq.role}|${termId(t)}`);
      const covariate = t.length === 1 && t[0].startsWith("C:");
      edges.push({ from, to: out, label: s ? `${s} = ${value(c)}` : value(c), kind: covariate ? "weak" : "path" });
    });
  }
  const notes: string[] = [];
  if (hideCov && p.covariates.length) {
    if (mode === "group") {
      nodes.set("__covariates", {
        id: "__covariates",
        lines: ["Covariates", ...p.covariates.map((c) => opts.labels?.[c] ?? c)],
        shape: "rect",
        fill: "group",
        hover: p.covariates.join(", "),
      });
      for (const eq of p.equations)
        if (eq.terms.some((t) => t.length === 1 && t[0].startsWith("C:"))) edges.push({ from: "__covariates", to: eq.role, kind: "weak" });
    }
    notes.push(`${mode === "group" ? "Covariates (box, dashed paths)" : "Covariates (not drawn)"}: ${covText.join("; ")}.`);
  }
  const ciName = p.mc ? "Monte Carlo" : "bootstrap";
  if (p.totalEffect)
    notes.push(
      `Total effect c = ${f2(p.totalEffect.effect, digits)}${withStars ? stars(p.totalEffect.p) : ""}${p.totalEffect.llci !== undefined ? `, ${p.conf}% CI [${f2(p.totalEffect.llci, digits)}, ${f2(p.totalEffect.ulci!, digits)}]` : ""}.`,
    );
  for (const r of p.indirect.filter((q) => Object.keys(q.at).length === 0 && q.llci !== undefined))
    notes.push(
      `Indirect effect ${r.path ? r.path.map(name).join(" → ") : r.label}: ${f2(r.effect, digits)}, ${p.conf}% ${ciName} CI [${f2(r.llci!, digits)}, ${f2(r.ulci!, digits)}].`,
    );
  for (const r of p.indices.filter((q) => q.llci !== undefined && Object.keys(q.at).length === 0))
    notes.push(
      `Index of moderated mediation (${r.label}, by ${name(r.moderator)}): ${f2(r.index, digits)}, ${p.conf}% CI [${f2(r.llci!, digits)}, ${f2(r.ulci!, digits)}].`,
    );
  if (withStars) notes.push("Unstandardised coefficients. * p < .05, ** p < .01, *** p < .001" + (p.hc ? ` (${p.hc} standard errors).` : "."));
  return drawDiagram({
    nodes: [...nodes.values()],
    edges,
    title: opts.title ?? `Statistical diagram, PROCESS model ${p.model}`,
    subtitle: `N = ${p.n}${p.centered.length ? `; mean-centred: ${p.centered.join(", ")}` : ""}`,
    notes,
    grayscale: opts.grayscale,
    maxWidth: opts.maxWidth,
  });
}

/** Histogram of the resampled values of an indirect effect (row index or key), CI bounds marked. */
export function plotBootstrap(res: ProcessResult, which: number | string = 0): Figure {
  const p = res.payload;
  const th = figureTheme();
  const pool = [...p.indirect, ...p.indices.map((r) => ({ ...r, effect: r.index, path: undefined as string[] | undefined }))];
  const row = typeof which === "number" ? pool[which] : pool.find((r) => r.key === which || r.label === which);
  const draws = row ? p.draws.get(row.key) : undefined;
  if (!row || !draws)
    throw new PathlabError(`No resampled values for ${JSON.stringify(which)}.`, {
      hint: "Bootstrap draws exist for indirect effects and indices when boot > 0 or mc > 0.",
      code: "process.no-draws",
    });
  const name = (r: string) => p.roleName[r] ?? r;
  const label =
    (row.path ? row.path.map(name).join(" → ") : row.label) +
    (Object.keys(row.at).length
      ? ` at ${Object.entries(row.at)
          .map(([k, v]) => `${name(k)} = ${valueText(res, k, v)}`)
          .join(", ")}`
      : "");
  const shapes = [
    { type: "line", xref: "x", yref: "paper", x0: row.llci, x1: row.llci, y0: 0, y1: 1, line: { color: th.ink, dash: "dash", width: 2 } },
    { type: "line", xref: "x", yref: "paper", x0: row.ulci, x1: row.ulci, y0: 0, y1: 1, line: { color: th.ink, dash: "dash", width: 2 } },
    { type: "line", xref: "x", yref: "paper", x0: row.effect, x1: row.effect, y0: 0, y1: 1, line: { color: th.ink, width: 2.5 } },
    { type: "line", xref: "x", yref: "paper", x0: 0, x1: 0, y0: 0, y1: 1, line: { color: th.muted, dash: "dot", width: 1 } },
  ];
  const what = p.mc ? "Monte Carlo draws" : "bootstrap resamples";
  return new Figure(
    [{ x: Array.from(draws), type: "histogram", nbinsx: 60, marker: { color: seriesStyle(0).fill(0.55), line: { color: "#ffffff", width: 0.5 } }, name: what }],
    {
      title: {
        text: `${label}: ${draws.length} ${what}`,
        subtitle: {
          text: `Estimate ${f2(row.effect, 3)} (solid); ${p.conf}% ${p.ciMethod} CI [${f2(row.llci ?? NaN, 3)}, ${f2(row.ulci ?? NaN, 3)}] (dashed); zero dotted.`,
        },
      },
      xaxis: { title: { text: "Indirect effect" } },
      yaxis: { title: { text: "Count" } },
      shapes,
      bargap: 0.02,
      height: 420,
    } as PlotLayout,
  );
}

/** Coefficients of all equations at their estimates, laid out as in the bootstrap draws. */
function pointCoefficients(p: ProcessResult["payload"], stride: number): Float64Array {
  const point = new Float64Array(stride);
  let off = 0;
  for (const eq of p.equations) {
    eq.coefficients.forEach((c, i) => (point[off + i] = c.coeff));
    off += eq.coefficients.length;
  }
  return point;
}

/**
 * θ_ind(W) with its pointwise percentile interval from the resampled coefficients: a line with a band
 * across a continuous moderator; points with intervals at the values of a dichotomous or labelled
 * categorical one (never a line between categories). A second moderator gives one series per probed value.
 */
export function plotConditionalIndirect(res: ProcessResult, mediator?: string): Figure {
  const p = res.payload;
  const name = (r: string) => p.roleName[r] ?? r;
  const cands = p.indirectPaths.filter((cp) => pathModerators(cp).length > 0);
  const cp: CompiledPath | undefined = mediator ? cands.find((c) => c.path.some((r) => name(r) === mediator || r === mediator)) : cands[0];
  const bd = p.bootDraws;
  if (!cp || !bd)
    throw new PathlabError("No moderated indirect effect with resampled values to plot.", {
      hint: "Use a conditional process model (5–59) with boot > 0 or mc > 0.",
      code: "process.no-conditional-indirect",
    });
  const mods = pathModerators(cp).sort();
  const along = mods.includes("W") ? "W" : mods[0];
  const others = mods.filter((m) => m !== along);
  const cats = categoricalValues(res, along);
  const [lo, hi] = range(p.columns[along]);
  const k = 41;
  const ws = cats ?? Array.from({ length: k }, (_, i) => lo + ((hi - lo) * i) / (k - 1));
  const point = pointCoefficients(p, bd.stride);
  const levels: Record<string, number>[] = others.length ? p.probeValues[others[0]].map((v) => ({ [others[0]]: v })) : [{}];
  const data: PlotData[] = [];
  const vals = new Float64Array(bd.B);
  levels.forEach((lev, j) => {
    const st = seriesStyle(j);
    const est: number[] = [];
    const up: number[] = [];
    const dn: number[] = [];
    for (const w of ws) {
      const at = { ...lev, [along]: w };
      est.push(pathValue(cp, point, 0, at));
      for (let b = 0; b < bd.B; b++) vals[b] = pathValue(cp, bd.coefs, b * bd.stride, at);
      const ci = bootInterval(vals, p.conf);
      up.push(ci.upper);
      dn.push(ci.lower);
    }
    const suffix = others.length ? ` (${name(others[0])} = ${valueText(res, others[0], lev[others[0]])})` : "";
    if (cats) {
      const dodge = (j - (levels.length - 1) / 2) * 0.08 * (cats.length > 1 ? cats[1] - cats[0] : 1);
      data.push({
        x: ws.map((w) => w + dodge),
        y: est,
        type: "scatter",
        mode: "markers",
        name: `Indirect effect${suffix}`,
        marker: { color: st.color, symbol: st.symbol, size: 10 },
        error_y: {
          type: "data",
          symmetric: false,
          array: up.map((u, i) => u - est[i]),
          arrayminus: dn.map((d, i) => est[i] - d),
          color: st.color,
          thickness: 1.5,
          width: 6,
        },
      });
      return;
    }
    data.push({
      x: [...ws, ...ws.slice().reverse()],
      y: [...up, ...dn.slice().reverse()],
      type: "scatter",
      mode: "lines",
      fill: "toself",
      fillcolor: st.fill(0.15),
      line: { width: 0 },
      name: `${p.conf}% CI${suffix}`,
      hoverinfo: "skip",
    });
    data.push({ x: ws, y: est, type: "scatter", mode: "lines", line: { color: st.color, width: 2.5, dash: st.dash }, name: `Indirect effect${suffix}` });
  });
  const probed = p.indirect.filter((r) => r.path && r.path.join() === cp.path.join() && r.llci !== undefined && others.every((o) => o in r.at));
  if (probed.length && !others.length && !cats)
    data.push({
      x: probed.map((r) => r.at[along]),
      y: probed.map((r) => r.effect),
      type: "scatter",
      mode: "markers",
      name: "Probe values (table)",
      marker: { color: figureTheme().ink, size: 8 },
      error_y: {
        type: "data",
        symmetric: false,
        array: probed.map((r) => r.ulci! - r.effect),
        arrayminus: probed.map((r) => r.effect - r.llci!),
        color: figureTheme().ink,
      },
    });
  const span = cats ? cats[cats.length - 1] - cats[0] || 1 : 0;
  return new Figure(data, {
    title: {
      text: `Conditional indirect effect ${cp.path.map(name).join(" → ")} ${cats ? "at the values of" : "across"} ${name(along)}`,
      subtitle: {
        text: `${cats ? "Points with" : "Pointwise"} ${p.conf}% percentile ${cats ? "intervals" : "band"} from ${bd.B} ${p.mc ? "Monte Carlo draws" : "bootstrap resamples"}.`,
      },
    },
    xaxis: {
      title: { text: name(along) },
      ...(cats
        ? { tickvals: cats, ticktext: cats.map((v) => valueText(res, along, v)), range: [cats[0] - 0.5 * span, cats[cats.length - 1] + 0.5 * span] }
        : {}),
    },
    yaxis: { title: { text: "Indirect effect" }, zeroline: true, zerolinecolor: figureTheme().muted },
    legend: { orientation: "h", y: -0.2 },
    height: 460,
  } as PlotLayout);
}
