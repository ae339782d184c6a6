/**
 * The bridge to the running Jupyter kernel: `display(x)`, the in-place progress bar and
 * cancellation on interrupt. The pathlab kernel publishes a small object under the global symbol
 * `Symbol.for("pathlab.kernel")` (see `kernel/pathlab-kernel.js`); the library looks it up at call
 * time, so it depends on no kernel's private modules and degrades gracefully outside a kernel
 * (scripts, tests), where `display` prints the text form, progress bars print nothing and nothing
 * is ever cancelled.
 */
import { inspect } from "util";
import { PathlabError } from "../errors";
import { displayBundles } from "./bundle";
import { escapeHtml } from "./format";
import type { MimeBundle } from "./mime";

/** The global symbol under which the pathlab kernel publishes its `KernelBridge`. */
export const KERNEL_BRIDGE: unique symbol = Symbol.for("pathlab.kernel") as never;

/** What the kernel offers the library. */
export interface KernelBridge {
  /** Sends a MIME bundle to the cell being executed; with `update`, replaces the output with that display id. */
  display(bundle: MimeBundle, options?: { displayId?: string; update?: boolean }): void;
  /** How many times the kernel has been interrupted since it started. */
  interrupts(): number;
  /** Calls `fn` at the next interrupt; returns a function that unregisters it. */
  onInterrupt(fn: () => void): () => void;
}

/** The running kernel's bridge, or null outside the pathlab kernel. */
function kernelBridge(): KernelBridge | null {
  const b = (globalThis as Record<symbol, unknown>)[KERNEL_BRIDGE] as KernelBridge | undefined;
  return b && typeof b.display === "function" ? b : null;
}

/** True when running inside the pathlab Jupyter kernel. */
export function inKernel(): boolean {
  return kernelBridge() !== null;
}

/**
 * Shows a value in the notebook as rich output (HTML table, plot) — the same rendering a cell's last
 * expression gets; an array of results shows each element as it would show alone. Outside a kernel
 * it prints the value's text form.
 *
 * @example
 * display(fit.fitMeasures());   // shows a result mid-cell
 * fit                            // the last expression shows itself
 */
export function display(x: unknown): void {
  const bundles = displayBundles(x);
  const kernel = kernelBridge();
  if (kernel && bundles) {
    for (const b of bundles) kernel.display(b);
    return;
  }
  const text = bundles
    ? bundles.map((b) => (typeof b["text/plain"] === "string" ? (b["text/plain"] as string) : "")).join("\n")
    : inspect(x, { depth: 4, colors: false });
  process.stdout.write(text + "\n");
}

/** The error long work ends with when the user interrupts the kernel. */
export function interruptedError(): PathlabError {
  return new PathlabError("Interrupted: the kernel was interrupted, so the work stopped.", {
    hint: "Run the cell again to restart the work from the beginning.",
    code: "kernel.interrupted",
  });
}

/** A cancellation flag tied to kernel interrupts, for long loops and worker threads. */
export interface Cancellation {
  /** True once the kernel was interrupted after this flag was made. */
  readonly cancelled: boolean;
  /** Throws `kernel.interrupted` when cancelled; long loops call it between steps. */
  check(): void;
  /** Calls `fn` with the interruption error when the kernel is interrupted; returns an unregister function. */
  onCancel(fn: (err: PathlabError) => void): () => void;
}

/**
 * A cancellation flag for work that starts now: set when the kernel is interrupted (Jupyter's
 * interrupt button). Outside a kernel it is never set.
 * @example
 * const cancel = cancellation();
 * for (const chunk of chunks) { cancel.check(); work(chunk); await new Promise((r) => setImmediate(r)); }
 */
export function cancellation(): Cancellation {
  const kernel = kernelBridge();
  const start = kernel ? kernel.interrupts() : 0;
  return {
    get cancelled() {
      return kernel !== null && kernel.interrupts() !== start;
    },
    check() {
      if (this.cancelled) throw interruptedError();
    },
    onCancel(fn) {
      if (!kernel) return () => {};
      return kernel.onInterrupt(() => fn(interruptedError()));
    },
  };
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
  const kernel = kernelBridge();
  if (!kernel || !(total > 0)) return { update() {}, finish() {} };
  const displayId = `pathlab-progress-${process.pid}-${++progressCounter}`;
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
    kernel.display({ "text/html": html, "text/plain": text }, { displayId, update: shown });
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
