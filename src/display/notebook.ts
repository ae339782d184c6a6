/**
 * The bridge to the running Jupyter kernel: `display(x)` and the in-place progress bar. Both find
 * tslab's current display writer at call time and degrade gracefully outside a kernel (scripts,
 * tests), where `display` prints the text form and progress bars print nothing.
 */
import { inspect } from "util";
import { toMimeBundle } from "./bundle";
import { escapeHtml } from "./format";
import type { MimeBundle } from "./mime";

type DisplayWriter = (msg: { data: MimeBundle; metadata: Record<string, unknown>; transient: Record<string, unknown> }, update: boolean) => void;

/** tslab's display writer for the cell being executed, or null outside a kernel. */
function kernelWriter(): DisplayWriter | null {
  try {
    // Resolved lazily so that pathlab works (and loads fast) without tslab.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: DisplayWriter | null };
    return jupyter.lastWriteDisplayData ?? null;
  } catch {
    return null;
  }
}

/** True when running inside a Jupyter kernel (tslab or pathlab). */
export function inKernel(): boolean {
  return kernelWriter() !== null;
}

/**
 * Shows a value in the notebook as rich output (HTML table, plot) — the same rendering a cell's last
 * expression gets. Outside a kernel it prints the value's text form.
 */
export function display(x: unknown): void {
  const bundle = toMimeBundle(x);
  const write = kernelWriter();
  if (write && bundle) {
    write({ data: bundle, metadata: {}, transient: {} }, false);
    return;
  }
  const text = bundle && typeof bundle["text/plain"] === "string" ? (bundle["text/plain"] as string) : inspect(x, { depth: 4, colors: false });
  process.stdout.write(text + "\n");
}

let progressCounter = 0;

/** A progress bar that redraws in place in the notebook. */
export interface Progress {
  /** Sets the number of completed units (redraws at most every 1% or 100 ms). */
  update(done: number): void;
  /** Marks the work complete and draws the final state. */
  finish(): void;
}

/**
 * A progress bar for long work (bootstraps, simulations). In a kernel it draws once and then
 * updates the same output in place (Jupyter's `update_display_data`); elsewhere it does nothing.
 * The final state carries no timings, so a re-run notebook shows identical output.
 */
export function progressBar(total: number, label = "Progress"): Progress {
  const write = kernelWriter();
  if (!write || !(total > 0)) return { update() {}, finish() {} };
  const id = `pathlab-progress-${process.pid}-${++progressCounter}`;
  let shown = false;
  let lastPct = -1;
  let lastTime = 0;
  const draw = (done: number) => {
    const frac = Math.min(1, Math.max(0, done / total));
    const pct = Math.floor(frac * 100);
    const width = 30;
    const filled = Math.round(frac * width);
    const text = `${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`;
    const html =
      `<div style="font-family:monospace;font-size:0.9em">${escapeHtml(label)} ` +
      `<progress value="${done}" max="${total}" style="width:16em;vertical-align:middle"></progress> ${done}/${total}</div>`;
    write({ data: { "text/html": html, "text/plain": text }, metadata: {}, transient: { display_id: id } }, shown);
    shown = true;
    lastPct = pct;
    lastTime = Date.now();
  };
  draw(0);
  return {
    update(done: number) {
      const pct = Math.floor((Math.min(done, total) / total) * 100);
      if (pct !== lastPct && Date.now() - lastTime >= 100) draw(done);
    },
    finish() {
      draw(total);
    },
  };
}
