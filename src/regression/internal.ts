/** Helpers shared by the regression modules (not part of the public API). */
import { PathlabError } from "../errors";
import { formatP } from "../display/format";
import type { CustomSpec, NumberSpec } from "../options";

/** "= .012" or "< .001" */
export function pText(p: number): string {
  const s = formatP(p);
  return s.startsWith("<") ? s : `= ${s}`;
}

/** Validates variable lists: a non-empty outcome, no duplicates, the outcome not among predictors. */
export function checkSpec(y: string, x: string[]): void {
  if (typeof y !== "string" || !y)
    throw new PathlabError("The regression needs an outcome variable `y`.", {
      hint: 'e.g. { y: "performance", x: ["size", "age"] }.',
      code: "regression.bad-spec",
    });
  if (!Array.isArray(x))
    throw new PathlabError("Predictors `x` must be an array of column names.", {
      hint: 'e.g. x: ["size", "age"] (an array even for one predictor).',
      code: "regression.bad-spec",
    });
  const seen = new Set<string>();
  for (const v of x) {
    if (v === y)
      throw new PathlabError(`"${v}" is both the outcome and a predictor.`, { hint: `Remove "${v}" from the predictors.`, code: "regression.bad-spec" });
    if (seen.has(v))
      throw new PathlabError(`Predictor "${v}" is listed twice.`, { hint: "List each predictor once (across all blocks).", code: "regression.bad-spec" });
    seen.add(v);
  }
}

const isStringArray = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === "string");

/** A variable name; its content is checked by checkSpec / the data layer, which name the problem. */
export const NAME_OPTION: CustomSpec = { kind: "custom" };

/** An array of variable names. */
export const NAMES_OPTION: CustomSpec = {
  kind: "custom",
  check: (v) => (isStringArray(v) ? undefined : "must be an array of column names"),
  expected: 'an array of column names such as ["x1", "x2"]',
};

/** Extra numeric codes meaning "missing". */
export const MISSING_OPTION: CustomSpec = {
  kind: "custom",
  check: (v) => (Array.isArray(v) && v.every((x) => typeof x === "number" && Number.isFinite(x)) ? undefined : "must be an array of numbers"),
  expected: "an array of numeric codes such as [99, -9]",
};

/** Confidence level as a proportion, as R's confint(level = 0.95). */
export const CONF_OPTION: NumberSpec = {
  kind: "number",
  min: 0,
  max: 1,
  exclusiveMin: true,
  exclusiveMax: true,
  aliases: ["level"],
  rangeHint: "conf is a proportion, as R's confint(level = 0.95): write conf: 0.95 for a 95% interval.",
};
