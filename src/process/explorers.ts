/**
 * Interactive teaching figures for PROCESS results: everything is precomputed and carried by the
 * figure (plotly sliders whose steps restyle the traces, plus animation frames for a Play button), so
 * they work in JupyterLab and in an offline HTML report with no kernel and no widgets.
 *
 * - `moderationExplorer`: move the moderator's value; the left panel shows the simple slope of X at
 *   that value with its confidence band, the right panel where that value falls on the
 *   Johnson–Neyman plot (θ(w) = b_X + b_XW·w with its interval), and the title says whether the
 *   conditional effect is significant there.
 * - `mediationExplorer`: the bootstrap distribution of an indirect effect a·b built up draw by draw
 *   (in the order the resamples were drawn), with the percentile interval of the draws so far; the
 *   last step is exactly the interval in the result's table.
 *
 * @example
 * moderationExplorer(process({ data, model: 1, x: "x", w: "w", y: "y" }));
 * mediationExplorer(process({ data, model: 4, x: "x", m: "m", y: "y" }));
 */
import { PathlabError } from "../errors";
import { Figure, type PlotData, type PlotFrame, type PlotLayout } from "../display/figure";
import { figureTheme, seriesStyle } from "../display/theme";
import { checkOptions } from "../options";
import { mean, qt, twoSidedP_t } from "../math";
import { bootInterval } from "./intervals";
import { processValueLabel, type ProcessResult } from "./result";
import { categoricalValues } from "./figures";
import type { EquationResult } from "./types";

/** Plotted values to 6 significant digits: far below a pixel, and a figure a tenth the size. */
function r6(v: number): number {
  return Number.isFinite(v) ? Number(v.toPrecision(6)) : v;
}

function r6s(a: number[]): number[] {
  return a.map(r6);
}

function f(v: number, d = 3): string {
  return Number.isFinite(v) ? v.toFixed(d).replace("-", "−") : "—";
}

function pText(p: number): string {
  return p < 0.001 ? "p < .001" : `p = ${p.toFixed(3).replace(/^0/, "")}`;
}

/** A slider over named steps, each restyling traces and relayouting the figure (no frames needed). */
function slider(
  prefix: string,
  steps: { label: string; data: Record<string, unknown>; layout: Record<string, unknown>; traces: number[]; frame: string }[],
  active: number,
): Record<string, unknown> {
  return {
    active,
    currentvalue: { prefix, font: { size: figureTheme().fontSize } },
    pad: { t: 50, b: 10 },
    // Room on the left for the Play/pause buttons.
    len: 0.8,
    x: 0.2,
    steps: steps.map((s) => ({ label: s.label, method: "update", args: [s.data, s.layout, s.traces], name: s.frame })),
  };
}

/** Play/pause buttons animating the frames (JupyterLab and pathlab's own HTML; the slider works everywhere). */
function playButtons(frames: string[]): Record<string, unknown> {
  return {
    type: "buttons",
    direction: "left",
    x: 0,
    y: 0,
    xanchor: "left",
    yanchor: "top",
    pad: { t: 58, r: 10 },
    showactive: false,
    buttons: [
      {
        label: "▶ Play",
        method: "animate",
        args: [frames, { frame: { duration: 350, redraw: true }, transition: { duration: 0 }, fromcurrent: true, mode: "immediate" }],
      },
      { label: "❚❚", method: "animate", args: [[null], { frame: { duration: 0, redraw: false }, mode: "immediate" }] },
    ],
  };
}

export interface ModerationExplorerOptions {
  /** Number of moderator values on the slider (default 31, from its minimum to its maximum). */
  steps?: number;
  /** Points along X for each simple slope (default 40). */
  points?: number;
}

/** The equation with X × W in it and the indices of b_X, b_W, b_XW (intercept = 0). */
function moderatedEquation(res: ProcessResult): { eq: EquationResult; ix: number; iw: number; ixw: number } {
  for (const eq of res.payload.equations) {
    const idx = (roles: string[]) => 1 + eq.terms.findIndex((t) => t.length === roles.length && roles.every((r) => t.includes(r)));
    const ixw = idx(["X", "W"]);
    const ix = idx(["X"]);
    const iw = idx(["W"]);
    if (ixw > 0 && ix > 0 && iw > 0 && !eq.terms.some((t) => t.length > 1 && !(t.length === 2 && t.includes("X") && t.includes("W"))))
      return { eq, ix, iw, ixw };
  }
  throw new PathlabError("moderationExplorer(): this model has no single X × W interaction to explore.", {
    hint: "Use a simple moderation model (model 1), or model 7/8 whose mediator equation has X × W only.",
    code: "process.no-interaction",
  });
}

/**
 * θ(w) = b_X + b_XW·w with var θ = V_XX + 2w·V_X,XW + w²·V_XW,XW (Hayes, 2022, eq. 7.11), and the
 * simple slope of X at w over `xs` with its confidence band, other predictors at their means.
 */
function moderationCurves(res: ProcessResult, eq: EquationResult, ix: number, ixw: number, xs: number[]) {
  const p = res.payload;
  const V = eq.vcov;
  const b = eq.coefficients.map((c) => c.coeff);
  const df = eq.summary.df2;
  const tc = qt((100 - p.conf) / 200, df, false);
  const means = eq.terms.map((t) => t.reduce((s, r) => s * mean(p.columns[r]), 1));
  const theta = (w: number) => b[ix] + b[ixw] * w;
  const seTheta = (w: number) => Math.sqrt(Math.max(0, V[ix][ix] + 2 * w * V[ix][ixw] + w * w * V[ixw][ixw]));
  const slope = (w: number) => {
    const yhat: number[] = [];
    const up: number[] = [];
    const dn: number[] = [];
    for (const x of xs) {
      const g = [1, ...eq.terms.map((t, k) => (t.length === 1 && t[0] === "X" ? x : t.length === 1 && t[0] === "W" ? w : t.length === 2 ? x * w : means[k]))];
      let e = 0;
      let v = 0;
      for (let i = 0; i < g.length; i++) {
        e += g[i] * b[i];
        for (let j = 0; j < g.length; j++) v += g[i] * V[i][j] * g[j];
      }
      const se = Math.sqrt(Math.max(0, v));
      yhat.push(e);
      up.push(e + tc * se);
      dn.push(e - tc * se);
    }
    return { yhat: r6s(yhat), band: r6s([...up, ...dn.slice().reverse()]) };
  };
  return { tc, df, theta, seTheta, slope };
}

interface ExplorerLayoutArgs {
  titleText: string;
  subtitle: string;
  xName: string;
  wName: string;
  outcome: string;
  yr: number[];
  pad: number;
  cats: number[] | undefined;
  wlo: number;
  whi: number;
  shapes: Record<string, unknown>[];
  steps: Parameters<typeof slider>[1];
  start: number;
  label: (v: number) => string;
}

/** The explorer's traces at the starting moderator value: slope band and line (left); θ(w) with its band or bars, and the marker at w (right). */
function explorerTraces(a: {
  xs: number[];
  ws: number[];
  s0: { yhat: number[]; band: number[] };
  jnAll: number[];
  jnUp: number[];
  jnDn: number[];
  cats: number[] | undefined;
  wName: string;
  at: number;
  atEffect: number;
  atHalfWidth: number;
}): PlotData[] {
  const st = seriesStyle(0);
  const th = figureTheme();
  return [
    {
      x: [...a.xs, ...a.xs.slice().reverse()],
      y: a.s0.band,
      type: "scatter",
      mode: "lines",
      fill: "toself",
      fillcolor: st.fill(0.18),
      line: { width: 0 },
      hoverinfo: "skip",
      showlegend: false,
      xaxis: "x",
      yaxis: "y",
    },
    { x: a.xs, y: a.s0.yhat, type: "scatter", mode: "lines", line: { color: st.color, width: 3 }, name: "Simple slope", xaxis: "x", yaxis: "y" },
    a.cats
      ? { x: [], y: [], type: "scatter", mode: "lines", hoverinfo: "skip", showlegend: false, xaxis: "x2", yaxis: "y2" }
      : {
          x: [...a.ws, ...a.ws.slice().reverse()],
          y: [...a.jnUp, ...a.jnDn.slice().reverse()],
          type: "scatter",
          mode: "lines",
          fill: "toself",
          fillcolor: "rgba(0,0,0,0.08)",
          line: { width: 0 },
          hoverinfo: "skip",
          showlegend: false,
          xaxis: "x2",
          yaxis: "y2",
        },
    a.cats
      ? {
          x: a.ws,
          y: a.jnAll,
          type: "scatter",
          mode: "markers",
          marker: { color: th.ink, size: 8 },
          error_y: { type: "data", array: a.jnUp.map((u, i) => u - a.jnAll[i]), color: th.ink },
          name: `θ(${a.wName})`,
          xaxis: "x2",
          yaxis: "y2",
        }
      : { x: a.ws, y: a.jnAll, type: "scatter", mode: "lines", line: { color: th.ink, width: 2 }, name: `θ(${a.wName})`, xaxis: "x2", yaxis: "y2" },
    {
      x: [a.at],
      y: [a.atEffect],
      type: "scatter",
      mode: "markers",
      marker: { color: st.color, size: 12, symbol: "diamond" },
      error_y: { type: "data", array: [a.atHalfWidth], color: st.color, thickness: 2, width: 6 },
      name: `at this ${a.wName}`,
      xaxis: "x2",
      yaxis: "y2",
    },
  ];
}

/** The explorer's two panels, its slider over the moderator and its Play buttons. */
function explorerLayout(a: ExplorerLayoutArgs): PlotLayout {
  return {
    title: { text: a.titleText, subtitle: { text: a.subtitle } },
    grid: { rows: 1, columns: 2, pattern: "independent" },
    xaxis: { title: { text: a.xName }, domain: [0, 0.45] },
    yaxis: { title: { text: `Predicted ${a.outcome}` }, range: [a.yr[0] - a.pad, a.yr[1] + a.pad] },
    xaxis2: a.cats
      ? {
          title: { text: a.wName },
          domain: [0.55, 1],
          tickvals: a.cats,
          ticktext: a.cats.map((v) => a.label(v)),
          range: [a.cats[0] - 0.5 * (a.cats[a.cats.length - 1] - a.cats[0]), a.cats[a.cats.length - 1] + 0.5 * (a.cats[a.cats.length - 1] - a.cats[0])],
        }
      : { title: { text: a.wName }, domain: [0.55, 1], range: [a.wlo, a.whi] },
    yaxis2: { title: { text: `Conditional effect of ${a.xName}` }, anchor: "x2" },
    shapes: a.shapes,
    sliders: [slider(`${a.wName} = `, a.steps, a.start)],
    updatemenus: [playButtons(a.steps.map((s) => s.frame))],
    legend: { orientation: "h", y: 1.02, x: 1, xanchor: "right", yanchor: "bottom" },
    height: 560,
    margin: { b: 140 },
    meta: { pathlab: "moderation-explorer" },
  } as PlotLayout;
}

/**
 * Simple slope, its band and the Johnson–Neyman position of the moderator, with a slider over the
 * moderator's observed range (see the module comment). Other predictors are held at their means.
 */
export function moderationExplorer(res: ProcessResult, options: ModerationExplorerOptions = {}): Figure {
  const opts = checkOptions<ModerationExplorerOptions>("moderationExplorer", options, {
    steps: { kind: "number", integer: true, min: 3, max: 201 },
    points: { kind: "number", integer: true, min: 2, max: 500 },
  });
  const p = res.payload;
  const { eq, ix, iw, ixw } = moderatedEquation(res);
  const X = p.columns.X;
  const W = p.columns.W;
  const lohi = (a: Float64Array) => [Math.min(...a), Math.max(...a)];
  const [xlo, xhi] = lohi(X);
  const [wlo, whi] = lohi(W);
  const nW = opts.steps ?? 31;
  const nX = opts.points ?? 30;
  // A dichotomous or labelled categorical moderator steps through its values only (no values in between).
  const cats = categoricalValues(res, "W");
  const ws = cats ?? r6s(Array.from({ length: nW }, (_, i) => wlo + ((whi - wlo) * i) / (nW - 1)));
  const xs = r6s(Array.from({ length: nX }, (_, i) => xlo + ((xhi - xlo) * i) / (nX - 1)));
  const { tc, df, theta, seTheta, slope } = moderationCurves(res, eq, ix, ixw, xs);
  const wName = p.roleName.W;
  const xName = p.roleName.X;
  const st = seriesStyle(0);
  const th = figureTheme();
  const wText = (w: number) => {
    const l = processValueLabel(p, "W", w);
    return l ? `${f(w, 2)} (${l})` : f(w, 2);
  };
  const describeAt = (w: number) => {
    const t = theta(w) / seTheta(w);
    const pv = twoSidedP_t(t, df);
    return `${wName} = ${wText(w)}: effect of ${xName} = ${f(theta(w))}, ${p.conf}% CI [${f(theta(w) - tc * seTheta(w))}, ${f(theta(w) + tc * seTheta(w))}], ${pText(pv)}${pv < (100 - p.conf) / 100 ? " — significant" : " — not significant"}`;
  };
  const jnAll = r6s(ws.map(theta));
  const jnUp = r6s(ws.map((w) => theta(w) + tc * seTheta(w)));
  const jnDn = r6s(ws.map((w) => theta(w) - tc * seTheta(w)));
  const start = Math.floor((ws.length - 1) / 2);
  const s0 = slope(ws[start]);
  const data = explorerTraces({ xs, ws, s0, jnAll, jnUp, jnDn, cats, wName, at: ws[start], atEffect: theta(ws[start]), atHalfWidth: tc * seTheta(ws[start]) });
  const allY = ws.flatMap((w) => slope(w).band);
  const yr = [Math.min(...allY), Math.max(...allY)];
  const pad = 0.05 * (yr[1] - yr[0] || 1);
  const jnPoints = eq.jn?.points.map((q) => q.value) ?? [];
  const shapes = [
    { type: "line", xref: "x2", yref: "paper", x0: ws[start], x1: ws[start], y0: 0, y1: 1, line: { color: st.color, width: 1.5, dash: "dot" } },
    { type: "line", xref: "x2", yref: "y2", x0: wlo, x1: whi, y0: 0, y1: 0, line: { color: th.muted, width: 1 } },
    ...jnPoints.map((v) => ({ type: "line", xref: "x2", yref: "paper", x0: v, x1: v, y0: 0, y1: 1, line: { color: th.ink, width: 1.2, dash: "dash" } })),
  ];
  const steps = ws.map((w, i) => {
    const s = slope(w);
    return {
      label: processValueLabel(p, "W", w) ?? f(w, 2),
      frame: `w${i}`,
      data: {
        x: [[...xs, ...xs.slice().reverse()], xs, [w]],
        y: [s.band, s.yhat, [r6(theta(w))]],
        "error_y.array": [undefined, undefined, [r6(tc * seTheta(w))]],
      },
      layout: { "shapes[0].x0": w, "shapes[0].x1": w, "title.subtitle.text": describeAt(w) },
      traces: [0, 1, 4],
    };
  });
  const frames: PlotFrame[] = steps.map((s, i) => ({
    name: s.frame,
    traces: [0, 1, 4],
    data: [
      { x: [...xs, ...xs.slice().reverse()], y: slope(ws[i]).band },
      { x: xs, y: slope(ws[i]).yhat },
      { x: [ws[i]], y: [theta(ws[i])], error_y: { type: "data", array: [tc * seTheta(ws[i])], color: st.color, thickness: 2, width: 6 } },
    ],
    layout: { shapes: shapes.map((sh, k) => (k === 0 ? { ...sh, x0: ws[i], x1: ws[i] } : sh)), title: { text: "", subtitle: { text: describeAt(ws[i]) } } },
  }));
  // Frames carry the whole title; keep its main text.
  const titleText = `Moderation explorer: the effect of ${xName} on ${eq.outcome} as ${wName} changes`;
  for (const fr of frames) (fr.layout as { title: { text: string } }).title.text = titleText;
  const layout = explorerLayout({
    titleText,
    subtitle: describeAt(ws[start]),
    xName,
    wName,
    outcome: eq.outcome,
    yr,
    pad,
    cats,
    wlo,
    whi,
    shapes,
    steps,
    start,
    label: (v) => processValueLabel(p, "W", v) ?? f(v, 2),
  });
  void iw;
  return new Figure(data, layout, {}, { frames });
}

export interface MediationExplorerOptions {
  /** Which indirect effect: its row index in the indirect-effects table or its key (default 0). */
  which?: number | string;
  /** Number of histogram bins (default 40). */
  bins?: number;
}

/** 10, 15, 20, 30, 50, 75, 100, … up to B (and B itself): how many draws each step shows. */
function drawCounts(B: number): number[] {
  const out: number[] = [];
  for (let e = 1; e <= B; e *= 10) for (const m of [1, 1.5, 2, 3, 5, 7.5]) if (m * e >= 10 && m * e < B) out.push(m * e);
  out.push(B);
  return out;
}

/**
 * The bootstrap (or Monte Carlo) distribution of an indirect effect built up as draws accumulate:
 * a slider (and Play) over 10, 20, 50, … , B draws, the histogram of the draws so far on fixed bins,
 * their percentile interval, and the estimate. The final step equals the result's interval.
 */
export function mediationExplorer(res: ProcessResult, options: MediationExplorerOptions = {}): Figure {
  const opts = checkOptions<MediationExplorerOptions>("mediationExplorer", options, {
    which: {
      kind: "custom",
      check: (w) => (typeof w === "number" || typeof w === "string" ? undefined : "must be a row index or key."),
      expected: "0 or a key",
    },
    bins: { kind: "number", integer: true, min: 5, max: 200 },
  });
  const p = res.payload;
  const which = opts.which ?? 0;
  const row = typeof which === "number" ? p.indirect[which] : p.indirect.find((r) => r.key === which || r.label === which);
  const draws = row ? p.draws.get(row.key) : undefined;
  if (!row || !draws)
    throw new PathlabError(`mediationExplorer(): no resampled values for indirect effect ${JSON.stringify(which)}.`, {
      hint: "Use a mediation model with boot > 0 (e.g. model 4 with boot: 5000).",
      code: "process.no-draws",
    });
  const B = draws.length;
  const nb = opts.bins ?? 40;
  const lo = Math.min(...draws);
  const hi = Math.max(...draws);
  const width = (hi - lo) / nb || 1;
  const centres = r6s(Array.from({ length: nb }, (_, i) => lo + (i + 0.5) * width));
  const th = figureTheme();
  const st = seriesStyle(0);
  const name = (r: string) => p.roleName[r] ?? r;
  const label = row.path ? row.path.map(name).join(" → ") : row.label;
  const what = p.mc ? "Monte Carlo draws" : "bootstrap resamples";
  const counts = drawCounts(B);
  const state = counts.map((k) => {
    const hist = new Array<number>(nb).fill(0);
    for (let i = 0; i < k; i++) hist[Math.min(nb - 1, Math.floor((draws[i] - lo) / width))]++;
    const ci = bootInterval(draws.subarray(0, k), p.conf);
    return { k, hist: hist.map((c) => r6(c / k)), ci };
  });
  const maxDensity = Math.max(...state.map((s) => Math.max(...s.hist)));
  const subtitle = (s: (typeof state)[number]) =>
    `${s.k} of ${B} ${what}: ${p.conf}% percentile interval (dashed) [${f(s.ci.lower)}, ${f(s.ci.upper)}]${s.ci.lower > 0 || s.ci.upper < 0 ? " excludes 0" : " includes 0"}; estimate ${f(row.effect)} (solid line)`;
  const start = 0;
  const data: PlotData[] = [
    {
      x: centres,
      y: state[start].hist,
      type: "bar",
      marker: { color: st.fill(0.55), line: { color: "#ffffff", width: 0.5 } },
      width: width * 0.98,
      name: "Share of draws",
      hoverinfo: "x+y",
    },
    {
      x: [state[start].ci.lower, state[start].ci.lower, null, state[start].ci.upper, state[start].ci.upper],
      y: [0, maxDensity, null, 0, maxDensity],
      type: "scatter",
      mode: "lines",
      line: { color: th.ink, dash: "dash", width: 2 },
      name: `${p.conf}% percentile interval`,
    },
  ];
  const shapes = [
    { type: "line", xref: "x", yref: "paper", x0: row.effect, x1: row.effect, y0: 0, y1: 1, line: { color: th.ink, width: 2.5 } },
    { type: "line", xref: "x", yref: "paper", x0: 0, x1: 0, y0: 0, y1: 1, line: { color: th.muted, width: 1, dash: "dot" } },
  ];
  const ciTrace = (s: (typeof state)[number]) => ({ x: [s.ci.lower, s.ci.lower, null, s.ci.upper, s.ci.upper], y: [0, maxDensity, null, 0, maxDensity] });
  const steps = state.map((s, i) => ({
    label: String(s.k),
    frame: `k${i}`,
    data: { y: [s.hist, ciTrace(s).y], x: [centres, ciTrace(s).x] },
    layout: { "title.subtitle.text": subtitle(s) },
    traces: [0, 1],
  }));
  const titleText = `Mediation explorer: the ${what} of the indirect effect ${label}, draw by draw`;
  const frames: PlotFrame[] = state.map((s, i) => ({
    name: `k${i}`,
    traces: [0, 1],
    data: [{ x: centres, y: s.hist }, ciTrace(s)],
    layout: { title: { text: titleText, subtitle: { text: subtitle(s) } } },
  }));
  return new Figure(
    data,
    {
      title: { text: titleText, subtitle: { text: subtitle(state[start]) } },
      xaxis: { title: { text: "Indirect effect (a·b)" }, range: [lo - width, hi + width] },
      yaxis: { title: { text: "Share of the draws so far" }, range: [0, maxDensity * 1.08] },
      shapes,
      bargap: 0,
      sliders: [slider("Draws: ", steps, start)],
      updatemenus: [playButtons(steps.map((s) => s.frame))],
      showlegend: false,
      height: 520,
      margin: { b: 140 },
      meta: { pathlab: "mediation-explorer" },
    } as PlotLayout,
    {},
    { frames },
  );
}
