/**
 * Static images of figures (PNG or SVG) for papers and slides. plotly.js draws the figure in
 * headless Chromium (Debian's `chromium` package driven by playwright-core) and exports it with
 * `Plotly.toImage`, so the file looks exactly like the notebook plot.
 */
import * as fs from "fs";
import * as path from "path";
import { PathlabError } from "../errors";
import { Figure, type PlotData, type PlotLayout } from "./figure";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

/** Chromium flags for a headless, sandbox-free, network-silent run (root in a container, no GPU). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Path of the Chromium executable: $PATHLAB_CHROMIUM, else the usual Debian locations. */
export function findChromium(): string {
  const env = process.env.PATHLAB_CHROMIUM;
  if (env) {
    if (fs.existsSync(env)) return env;
    throw new PathlabError(`PATHLAB_CHROMIUM points to "${env}", which does not exist.`, { code: "no-chromium" });
  }
  const found = CANDIDATES.find((c) => fs.existsSync(c));
  if (!found)
    throw new PathlabError("Chromium is not installed, so figures cannot be saved as images.", {
      hint: "Install it with: apt-get install -y chromium (or set PATHLAB_CHROMIUM to a Chromium/Chrome binary).",
      code: "no-chromium",
    });
  return found;
}

export interface SavePlotOptions {
  width?: number;
  height?: number;
  /** Pixel ratio for PNG (2 = retina). */
  scale?: number;
}

/**
 * Writes a figure to `file` as PNG or SVG (chosen by the extension) and resolves with the absolute
 * path. The figure may be a pathlab `Figure` or a plain plotly `{data, layout}` object.
 */
export async function savePlot(
  fig: Figure | { data: PlotData[]; layout?: PlotLayout },
  file: string,
  opts: SavePlotOptions = {},
): Promise<string> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== ".png" && ext !== ".svg")
    throw new PathlabError(`savePlot: "${file}" must end in .png or .svg.`, { code: "bad-extension" });
  const figure = fig instanceof Figure ? fig : new Figure(fig.data, fig.layout ?? {});
  const executablePath = findChromium();
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  const plotlyPath = require.resolve("plotly.js-dist-min/plotly.min.js");
  const width = opts.width ?? (typeof figure.layout.width === "number" ? figure.layout.width : 800);
  const height = opts.height ?? (typeof figure.layout.height === "number" ? figure.layout.height : 500);
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body style="margin:0"><div id="g"></div></body></html>');
    await page.addScriptTag({ path: plotlyPath });
    const dataUrl: string = await page.evaluate(
      async ({ spec, format, width, height, scale }) => {
        const P = (globalThis as unknown as { Plotly: any }).Plotly;
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
