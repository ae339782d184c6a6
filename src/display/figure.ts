/**
 * Plotly figures as notebook values. A `Figure` renders as one MIME bundle carrying the plotly JSON
 * (drawn by JupyterLab's plotly renderer), an HTML fragment (drawn in exported reports, where the
 * report page supplies plotly.js once) and a one-line text description.
 */
import { createHash } from "crypto";
import type * as Plotly from "plotly.js";
import { DISPLAY, INSPECT, PLOTLY_MIME, type MimeBundle } from "./mime";
import { themeLayout } from "./theme";

/** One plotly.js trace (`{ type: "scatter", x, y, … }`). */
export type PlotData = Partial<Plotly.PlotData> & Record<string, unknown>;
/** A plotly.js layout; `title` may be a plain string. */
export type PlotLayout = Omit<Partial<Plotly.Layout>, "title"> & { title?: string | Partial<Plotly.Layout["title"]> } & Record<string, unknown>;
/** An animation frame: a named set of trace (and layout) updates, as `Plotly.animate` takes them. */
export type PlotFrame = { name?: string; data?: Record<string, unknown>[]; traces?: number[]; layout?: Record<string, unknown> } & Record<string, unknown>;

export interface FigureOptions {
  /** Apply pathlab's figure theme (src/display/theme.ts) under the given layout (default true). */
  theme?: boolean;
  /** Animation frames (played by `animate` buttons and sliders). */
  frames?: PlotFrame[];
}

/** Title text of a layout, whichever form it was given in. */
function titleText(layout: PlotLayout): string | undefined {
  const t = (layout as { title?: unknown }).title;
  if (typeof t === "string") return t;
  if (t && typeof t === "object" && typeof (t as { text?: unknown }).text === "string") return (t as { text: string }).text;
  return undefined;
}

let figureCounter = 0;

/**
 * A plotly.js figure that renders in a notebook (interactive, themed with the current figure theme)
 * and saves with `savePlot`.
 *
 * @example
 * new Figure([{ type: "scatter", mode: "markers", x: [1, 2, 3], y: [2, 4, 5] }], { title: "y by x" })
 */
export class Figure {
  readonly data: PlotData[];
  readonly layout: PlotLayout;
  readonly config: Record<string, unknown>;
  readonly frames?: PlotFrame[];

  constructor(data: PlotData[], layout: PlotLayout = {}, config: Record<string, unknown> = {}, options: FigureOptions = {}) {
    this.data = data;
    // plotly.js 2+ wants titles as objects; accept a string for convenience.
    const l = { ...layout } as PlotLayout & { title?: unknown };
    if (typeof l.title === "string") l.title = { text: l.title };
    this.layout = options.theme === false ? l : (themeLayout(l) as PlotLayout);
    this.config = { responsive: true, displaylogo: false, ...config };
    if (options.frames && options.frames.length) this.frames = options.frames;
  }

  /** The figure as plain plotly JSON `{data, layout, config}` (and `frames` when it has them). */
  toJSON(): { data: PlotData[]; layout: PlotLayout; config: Record<string, unknown>; frames?: PlotFrame[] } {
    return { data: this.data, layout: this.layout, config: this.config, ...(this.frames ? { frames: this.frames } : {}) };
  }

  /**
   * An HTML fragment that draws the figure with a page-level `Plotly` (loaded once per page by the
   * report exporter), waiting for it if the script arrives later. The element id is derived from
   * the figure's content and its position in the session, so re-running a notebook gives identical
   * output.
   */
  toHTML(): string {
    const json = JSON.stringify(this.toJSON());
    const hash = createHash("sha1").update(json).digest("hex").slice(0, 10);
    const id = `pathlab-fig-${hash}-${++figureCounter}`;
    const height = typeof this.layout.height === "number" ? this.layout.height : 420;
    const safe = json.replace(/</g, "\\u003c");
    // A JSON string literal: a title with a newline, quote or "</script>" cannot break the script.
    const missing = JSON.stringify(`(plotly.js not loaded: figure ${titleText(this.layout) ?? ""} not drawn)`).replace(/</g, "\\u003c");
    return (
      `<div id="${id}" class="pathlab-figure" style="width:100%;height:${height}px"></div>` +
      `<script type="text/javascript">(function(){var f=${safe};` +
      `function draw(){window.Plotly.newPlot("${id}",f);}` +
      `if(window.Plotly){draw();}else{var n=0,t=setInterval(function(){if(window.Plotly){clearInterval(t);draw();}else if(++n>200){clearInterval(t);` +
      `document.getElementById("${id}").textContent=${missing};}},50);}})();</script>`
    );
  }

  toText(): string {
    const t = titleText(this.layout);
    const kinds = Array.from(new Set(this.data.map((d) => String(d.type ?? "scatter"))));
    return `Figure${t ? ` "${t}"` : ""}: ${this.data.length} trace(s) [${kinds.join(", ")}]`;
  }

  [DISPLAY](): MimeBundle {
    return {
      [PLOTLY_MIME]: this.toJSON(),
      "text/html": this.toHTML(),
      "text/plain": this.toText(),
    };
  }

  [INSPECT](): string {
    return this.toText();
  }
}

/** True for a bare plotly figure object `{data: [...], layout?: {...}}`. */
export function isPlotlyFigure(x: unknown): x is { data: PlotData[]; layout?: PlotLayout } {
  return (
    x !== null &&
    typeof x === "object" &&
    !(x instanceof Figure) &&
    Array.isArray((x as { data?: unknown }).data) &&
    (x as { data: unknown[] }).data.every((d) => d !== null && typeof d === "object") &&
    Object.keys(x as object).every((k) => k === "data" || k === "layout" || k === "config" || k === "frames")
  );
}
