/**
 * The rich display protocol. A value with a method under `Symbol.for("Jupyter.display")` returning a
 * MIME bundle is shown by the pathlab kernel as `display_data` (the convention Deno's Jupyter kernel
 * uses), and `util.inspect.custom` gives the same object a compact text form in plain Node.
 */
import { inspect } from "util";

export const DISPLAY: unique symbol = Symbol.for("Jupyter.display") as never;

export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** A Jupyter MIME bundle: MIME type → data. */
export type MimeBundle = { [mime: string]: unknown };

export interface RichDisplay {
  [DISPLAY](): MimeBundle;
}

/** True when `x` implements the rich display protocol. */
export function hasDisplay(x: unknown): x is RichDisplay {
  return x !== null && (typeof x === "object" || typeof x === "function") && typeof (x as Record<symbol, unknown>)[DISPLAY] === "function";
}

export const INSPECT: typeof inspect.custom = inspect.custom;
