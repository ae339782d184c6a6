/**
 * Errors a researcher can act on.
 *
 * Every error pathlab throws on purpose is a `PathlabError`: a one-line message naming the variable,
 * row or model line at fault, and an optional hint saying what to do about it. The pathlab kernel
 * shows these as a short message (no stack through library internals); anything else is a bug and
 * keeps its full stack.
 */
export class PathlabError extends Error {
  /** What the user can do about it, shown under the message. */
  readonly hint?: string;
  /**
   * Machine-readable category, for tests and for the kernel's formatting. Style: `<area>.<kebab-name>`
   * (`sem.not-identified`, `data.duplicate-column`, `options.unknown`); the area is the folder or
   * concern that raises it.
   */
  readonly code: string;

  constructor(message: string, options: { hint?: string; code?: string } = {}) {
    super(message);
    this.name = "PathlabError";
    this.hint = options.hint;
    this.code = options.code ?? "pathlab";
  }
}

/** True for errors pathlab raised deliberately (as opposed to bugs). */
export function isPathlabError(e: unknown): e is PathlabError {
  return e instanceof Error && (e as { name?: string }).name === "PathlabError";
}

/**
 * Warnings attached to a result rather than thrown: a Heywood case, a bootstrap too small for its
 * interval, a non-converged fit that still returned estimates. Results carry them in `warnings` and
 * render them under their tables.
 */
export interface PathlabWarning {
  code: string;
  message: string;
}
