/** Helpers shared by the regression modules (not part of the public API). */
import { PathlabError } from "../errors";
import { formatP } from "../display/format";

/** "= .012" or "< .001" */
export function pText(p: number): string {
  const s = formatP(p);
  return s.startsWith("<") ? s : `= ${s}`;
}

/** Validates variable lists: a non-empty outcome, no duplicates, the outcome not among predictors. */
export function checkSpec(y: string, x: string[]): void {
  if (typeof y !== "string" || !y) throw new PathlabError("The regression needs an outcome variable `y`.", { code: "bad-spec" });
  if (!Array.isArray(x)) throw new PathlabError("Predictors `x` must be an array of column names.", { code: "bad-spec" });
  const seen = new Set<string>();
  for (const v of x) {
    if (v === y) throw new PathlabError(`"${v}" is both the outcome and a predictor.`, { code: "bad-spec" });
    if (seen.has(v)) throw new PathlabError(`Predictor "${v}" is listed twice.`, { code: "bad-spec" });
    seen.add(v);
  }
}
