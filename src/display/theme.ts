/**
 * The one look of every pathlab figure: an APA-like theme (APA Publication Manual, 7th ed., §7.22–7.27:
 * sans-serif type, no background fill or grid lines, axis lines and outward ticks, the title flush
 * left above the figure) set here once and applied by the `Figure` constructor, so figures from
 * PROCESS, SEM, power, measurement and qualitative analyses look alike and change together.
 *
 * Series are told apart by colour *and* line dash (and marker symbol), so a figure printed in
 * grayscale stays readable; `setFigureTheme({ grayscale: true })` switches every later figure to
 * black, greys and white fills for print. The default colours are the Okabe–Ito palette (Okabe &
 * Ito, 2008, "Color Universal Design"), distinguishable with colour-vision deficiencies.
 *
 * Titles sit below the strip where plotly draws its toolbar (the "modebar", top right), so the
 * toolbar never covers a title; long titles are wrapped to the figure's width.
 *
 * @example
 * setFigureTheme({ grayscale: true });   // all figures drawn from now on are for print
 * seriesStyle(1);                        // { color: "#555555", dash: "dash", symbol: "square", … }
 * resetFigureTheme();
 */
import { checkOptions } from "../options";
import { lineHeight, wrapText } from "./text-metrics";

export interface DiagramColours {
  /** Fill of latent variables (ellipses). */
  latent: string;
  /** Fill of observed variables (boxes). */
  observed: string;
  /** Fill of moderators and product terms. */
  moderator: string;
  /** Fill of a grouped-covariates box. */
  group: string;
  /** Lines and arrowheads of paths. */
  line: string;
  /** Lines of covariances and covariate paths. */
  weak: string;
}

export interface FigureTheme {
  /** CSS font stack; APA asks for a sans-serif font in figures. */
  fontFamily: string;
  /** Base font size in px (tick labels, legend, diagram labels). */
  fontSize: number;
  titleSize: number;
  /** Size of notes and subtitles. */
  noteSize: number;
  /** Colour of text, axis lines and ticks. */
  ink: string;
  /** Secondary text and reference lines. */
  muted: string;
  /** Print mode: black lines, grey levels and white fills only. */
  grayscale: boolean;
  palette: readonly string[];
  grayPalette: readonly string[];
  dashes: readonly string[];
  symbols: readonly string[];
  diagram: DiagramColours;
  diagramGray: DiagramColours;
}

const DEFAULT_THEME: FigureTheme = {
  fontFamily: 'Arial, Helvetica, "Liberation Sans", "DejaVu Sans", sans-serif',
  fontSize: 12,
  titleSize: 14,
  noteSize: 11,
  ink: "#222222",
  muted: "#666666",
  grayscale: false,
  // Okabe–Ito, ordered so that neighbours also differ in lightness.
  palette: ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"],
  grayPalette: ["#000000", "#555555", "#888888", "#333333", "#aaaaaa", "#777777", "#444444"],
  dashes: ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"],
  symbols: ["circle", "square", "diamond", "triangle-up", "x", "triangle-down", "cross"],
  diagram: { latent: "#e8eef9", observed: "#ffffff", moderator: "#fff4e0", group: "#f3f3f3", line: "#333333", weak: "#777777" },
  diagramGray: { latent: "#ffffff", observed: "#ffffff", moderator: "#ffffff", group: "#ffffff", line: "#000000", weak: "#555555" },
};

let current: FigureTheme = { ...DEFAULT_THEME };

/** The theme figures are drawn with now. */
export function figureTheme(): Readonly<FigureTheme> {
  return current;
}

export interface SetThemeOptions {
  /** Black, greys and white fills only (for print). */
  grayscale?: boolean;
  fontFamily?: string;
  fontSize?: number;
  /** Series colours (CSS colours), used in order. */
  palette?: string[];
}

/**
 * Changes the theme for every figure drawn afterwards (figures already made keep their look).
 * Returns the new theme.
 */
export function setFigureTheme(options: SetThemeOptions): Readonly<FigureTheme> {
  const o = checkOptions<SetThemeOptions>("setFigureTheme", options, {
    grayscale: { kind: "boolean", description: "black, greys and white fills only (for print)" },
    fontFamily: { kind: "string", aliases: ["font"] },
    fontSize: { kind: "number", min: 6, max: 32 },
    palette: {
      kind: "custom",
      check: (p) =>
        Array.isArray(p) && p.length > 0 && p.every((c) => typeof c === "string" && c.length > 0) ? undefined : "must be a non-empty array of CSS colours.",
      expected: 'e.g. { palette: ["#000000", "#777777"] }',
    },
  });
  current = {
    ...current,
    ...(o.grayscale !== undefined ? { grayscale: o.grayscale } : {}),
    ...(o.fontFamily !== undefined ? { fontFamily: o.fontFamily } : {}),
    ...(o.fontSize !== undefined ? { fontSize: o.fontSize, titleSize: o.fontSize + 2, noteSize: Math.max(6, o.fontSize - 1) } : {}),
    ...(o.palette !== undefined ? { palette: [...o.palette] } : {}),
  };
  return current;
}

/** Back to the default theme. */
export function resetFigureTheme(): Readonly<FigureTheme> {
  current = { ...DEFAULT_THEME };
  return current;
}

export interface SeriesStyle {
  color: string;
  /** A plotly dash style ("solid", "dash", "dot", … or a dash list such as "5px,3px"). */
  dash: "solid" | "dash" | "dot" | "dashdot" | "longdash" | "longdashdot";
  symbol: string;
  /** The series colour at `alpha` opacity, for confidence bands. */
  fill(alpha: number): string;
}

/** Colour as rgba() with the given opacity (#rgb, #rrggbb or an rgb()/rgba() string). */
export function withAlpha(colour: string, alpha: number): string {
  let c = colour.trim();
  if (/^#[0-9a-f]{3}$/i.test(c))
    c =
      "#" +
      c
        .slice(1)
        .split("")
        .map((h) => h + h)
        .join("");
  if (/^#[0-9a-f]{6}$/i.test(c)) {
    const v = parseInt(c.slice(1), 16);
    return `rgba(${(v >> 16) & 255},${(v >> 8) & 255},${v & 255},${alpha})`;
  }
  const m = /^rgba?\(([^)]+)\)$/i.exec(c);
  if (m) {
    const [r, g, b] = m[1].split(",").map((s) => s.trim());
    return `rgba(${r},${g},${b},${alpha})`;
  }
  return c;
}

/** Style of the i-th series: colour, dash and marker all differ, so print in grayscale keeps them apart. */
export function seriesStyle(i: number, grayscale = current.grayscale): SeriesStyle {
  const pal = grayscale ? current.grayPalette : current.palette;
  const color = pal[i % pal.length];
  return {
    color,
    dash: current.dashes[i % current.dashes.length] as SeriesStyle["dash"],
    symbol: current.symbols[i % current.symbols.length],
    fill: (alpha: number) => withAlpha(grayscale ? "#000000" : color, grayscale ? Math.min(alpha, 0.12) : alpha),
  };
}

/** Colours of diagram elements under the current (or the given) print mode. */
export function diagramColours(grayscale = current.grayscale): DiagramColours {
  return grayscale ? current.diagramGray : current.diagram;
}

/** Height of the strip at the top of a figure where plotly draws its toolbar. */
export const MODEBAR_STRIP = 30;

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

/** Defaults under given values: objects merged key by key, anything given wins. */
function under(defaults: Obj, given: Obj): Obj {
  const out: Obj = { ...defaults };
  for (const [k, v] of Object.entries(given)) out[k] = isObj(v) && isObj(defaults[k]) ? under(defaults[k] as Obj, v) : v;
  return out;
}

function axisDefaults(t: FigureTheme): Obj {
  return {
    showline: true,
    linecolor: t.ink,
    linewidth: 1,
    mirror: false,
    ticks: "outside",
    tickcolor: t.ink,
    ticklen: 5,
    showgrid: false,
    zeroline: false,
    automargin: true,
    title: { font: { size: t.fontSize + 1, color: t.ink } },
    tickfont: { size: t.fontSize, color: t.ink },
  };
}

/**
 * A layout with the theme filled in under what the caller set: font, white background, APA axes,
 * series colours, and the title (with its optional subtitle) flush left below the toolbar strip,
 * wrapped to the figure's width, with the top margin grown to fit it.
 */
export function themeLayout(layout: Obj, t: FigureTheme = current): Obj {
  const out = under(
    {
      font: { family: t.fontFamily, size: t.fontSize, color: t.ink },
      paper_bgcolor: "#ffffff",
      plot_bgcolor: "#ffffff",
      colorway: [...(t.grayscale ? t.grayPalette : t.palette)],
      legend: { bgcolor: "rgba(255,255,255,0)", font: { size: t.fontSize } },
      hoverlabel: { font: { family: t.fontFamily } },
    },
    layout,
  );
  for (const k of Object.keys(out))
    if (/^[xy]axis\d*$/.test(k) && isObj(out[k]) && (out[k] as Obj).visible !== false) out[k] = under(axisDefaults(t), out[k] as Obj);
  if (!("xaxis" in out)) out.xaxis = axisDefaults(t);
  if (!("yaxis" in out)) out.yaxis = axisDefaults(t);
  placeTitle(out, t);
  return out;
}

/** Wraps the title and subtitle, puts them under the toolbar strip and makes room for them. */
function placeTitle(out: Obj, t: FigureTheme): void {
  const raw = out.title;
  const title: Obj = typeof raw === "string" ? { text: raw } : isObj(raw) ? { ...raw } : {};
  const margin: Obj = isObj(out.margin) ? { ...(out.margin as Obj) } : {};
  const width = typeof out.width === "number" ? out.width : 720;
  const text = typeof title.text === "string" ? title.text : "";
  const sub = isObj(title.subtitle) && typeof (title.subtitle as Obj).text === "string" ? ((title.subtitle as Obj).text as string) : "";
  const avail = Math.max(200, width - 24);
  const wrap = (s: string, size: number, bold: boolean) => s.split(/<br\s*\/?>/i).flatMap((part) => wrapText(part, size, avail, bold));
  const titleLines = text ? wrap(text, t.titleSize, true) : [];
  const subLines = sub ? wrap(sub, t.noteSize, false) : [];
  let needed = 24;
  if (titleLines.length) {
    out.title = {
      ...title,
      text: titleLines.join("<br>"),
      x: 0,
      xref: "container",
      xanchor: "left",
      y: 1,
      yref: "container",
      yanchor: "top",
      pad: { t: MODEBAR_STRIP, l: 12, ...(isObj(title.pad) ? (title.pad as Obj) : {}) },
      font: { size: t.titleSize, color: t.ink, weight: 700, ...(isObj(title.font) ? (title.font as Obj) : {}) },
      ...(subLines.length
        ? {
            subtitle: {
              ...(title.subtitle as Obj),
              text: subLines.join("<br>"),
              font: { size: t.noteSize, color: t.muted, ...(isObj((title.subtitle as Obj).font) ? ((title.subtitle as Obj).font as Obj) : {}) },
            },
          }
        : {}),
    };
    needed = MODEBAR_STRIP + titleLines.length * lineHeight(t.titleSize) + (subLines.length ? subLines.length * lineHeight(t.noteSize) + 6 : 0) + 14;
  }
  if (typeof margin.t !== "number" || margin.t < needed) margin.t = Math.ceil(needed);
  out.margin = margin;
}
