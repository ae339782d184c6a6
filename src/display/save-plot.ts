/**
 * Static images of figures (PNG or SVG) for papers and slides. plotly.js draws the figure in
 * headless Chromium (a system Chromium, or the one npm installed: see `browser.ts`) driven by
 * playwright-core, and exports it with `Plotly.toImage`, so the file looks exactly like the notebook
 * plot. The page loads nothing from the network.
 */
import * as fs from "fs";
import * as path from "path";
import { PathlabError } from "../errors";
import { launchBrowser } from "./browser";
import { Figure, type PlotData, type PlotLayout } from "./figure";

export interface SavePlotOptions {
  width?: number;
  height?: number;
  /** Pixel ratio for PNG (2 = retina). */
  scale?: number;
}

/**
 * Writes a figure to `file` as PNG or SVG (chosen by the extension) and resolves with the absolute
 * path. The figure may be a pathlab `Figure` or a plain plotly `{data, layout}` object.
 *
 * @example
 * await savePlot(new Figure([{ type: "bar", x: ["a", "b"], y: [1, 2] }]), "figure.png")
 */
export async function savePlot(fig: Figure | { data: PlotData[]; layout?: PlotLayout }, file: string, opts: SavePlotOptions = {}): Promise<string> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== ".png" && ext !== ".svg") throw new PathlabError(`savePlot: "${file}" must end in .png or .svg.`, { code: "display.bad-extension" });
  const figure = fig instanceof Figure ? fig : new Figure(fig.data, fig.layout ?? {});
  const plotlyPath = require.resolve("plotly.js-dist-min/plotly.min.js");
  const width = opts.width ?? (typeof figure.layout.width === "number" ? figure.layout.width : 800);
  const height = opts.height ?? (typeof figure.layout.height === "number" ? figure.layout.height : 500);
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.setContent('<!doctype html><html><body style="margin:0"><div id="g"></div></body></html>');
    await page.addScriptTag({ path: plotlyPath });
    const dataUrl: string = await page.evaluate(
      async ({ spec, format, width, height, scale }) => {
        // This function runs in the browser page: its Plotly and DOM have no types in this Node project.
        // biome-ignore lint/suspicious/noExplicitAny: plotly.js in the page, untyped here
        const P = (globalThis as unknown as { Plotly: any }).Plotly;
        // biome-ignore lint/suspicious/noExplicitAny: the page's document, untyped here (no DOM lib)
        const gd = (globalThis as unknown as { document: any }).document.getElementById("g");
        await P.newPlot(gd, spec.data, { ...spec.layout, width, height }, { staticPlot: true });
        return P.toImage(gd, { format, width, height, scale });
      },
      { spec: figure.toJSON(), format: ext.slice(1), width, height, scale: opts.scale ?? 2 },
    );
    const out = path.resolve(file);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    if (ext === ".svg") {
      const comma = dataUrl.indexOf(",");
      const payload = dataUrl.slice(comma + 1);
      const svg = dataUrl.slice(0, comma).includes("base64") ? Buffer.from(payload, "base64").toString("utf8") : decodeURIComponent(payload);
      fs.writeFileSync(out, svg);
    } else {
      fs.writeFileSync(out, Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64"));
    }
    return out;
  } finally {
    await browser.close();
  }
}
