/**
 * danfojs DataFrames, which every loader returns so that every pathlab function accepts the result.
 *
 * danfojs pulls in TensorFlow.js, which takes over a second to load; it is required lazily here so
 * that `import "pathlab"` stays fast for users who never read a file.
 */
import * as fs from "fs";
import type { DataFrame } from "danfojs-node";
import { PathlabError } from "../errors";

type Danfo = typeof import("danfojs-node");
let danfoModule: Danfo | undefined;
/** The danfojs-node module, loaded on first use. */
export function danfo(): Danfo {
  if (!danfoModule) {
    // Silence TensorFlow's one-time "install tfjs-node for speed" banner: it is noise in a notebook.
    const log = console.log;
    const warn = console.warn;
    console.log = () => undefined;
    console.warn = () => undefined;
    try {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      danfoModule = require("danfojs-node") as Danfo;
    } finally {
      console.log = log;
      console.warn = warn;
    }
  }
  return danfoModule;
}

/** Builds a danfojs DataFrame from named columns (keeps column order; nulls stay null). */
export function toDataFrame(columns: { [name: string]: unknown[] }, order?: string[]): DataFrame {
  const names = order ?? Object.keys(columns);
  const obj: { [name: string]: unknown[] } = {};
  for (const n of names) obj[n] = columns[n];
  const d = danfo();
  return new d.DataFrame(obj as never);
}

/** Throws a PathlabError naming the path when `path` is not an existing file. */
export function assertFile(path: unknown, what: string): asserts path is string {
  if (typeof path !== "string" || path === "")
    throw new PathlabError(`The ${what} file path must be a non-empty string; got ${path === null ? "null" : typeof path}.`, {
      hint: `Write for example read${what === "SPSS" ? "Sav" : what}("survey.${what === "SPSS" ? "sav" : what === "Excel" ? "xlsx" : "csv"}").`,
      code: "data.bad-input",
    });
  if (!fs.existsSync(path) || !fs.statSync(path).isFile())
    throw new PathlabError(`${what} file not found: ${path}`, {
      hint: `Check the path; relative paths are resolved from ${process.cwd()}.`,
      code: "data.file-not-found",
    });
}
