/**
 * Option checking shared by every public function: an option pathlab does not know, a value it does
 * not accept, or a feature it does not support yet is an error that says what to write instead —
 * never silently ignored.
 *
 * Each function declares its options once as an `OptionSpec` map; `checkOptions` returns the options
 * under their canonical (camelCase) names with lavaan's dotted spellings (`std.lv`, `fixed.x`,
 * `group.equal`) and other declared aliases folded in, and enum values normalised to their canonical
 * spelling (case-insensitive where R is).
 *
 * @example
 * const opts = checkOptions("ols", { HC: "hc3" }, {
 *   hc: { kind: "enum", values: ["HC0", "HC1", "HC2", "HC3", "HC4"], caseInsensitive: true, aliases: ["HC"] },
 * });
 * // opts.hc === "HC3"
 */
import { PathlabError, type ErrorCode } from "./errors";

interface BaseSpec {
  /** Other accepted names: lavaan's dotted spelling, R's spelling. */
  aliases?: string[];
  /** Set when pathlab knows the option but does not support it yet: any use is an error with this text. */
  unsupported?: string;
  /** One line describing the option, used in error hints. */
  description?: string;
}

export interface BooleanSpec extends BaseSpec {
  kind: "boolean";
}

export interface NumberSpec extends BaseSpec {
  kind: "number";
  min?: number;
  max?: number;
  /** Bounds are exclusive (e.g. a probability strictly between 0 and 1). */
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
  integer?: boolean;
  /** Extra advice appended when the value is out of range, e.g. "write 0.95 for a 95% interval". */
  rangeHint?: string;
}

export interface EnumSpec extends BaseSpec {
  kind: "enum";
  /** Canonical values pathlab computes. */
  values: readonly string[];
  /** Compare case-insensitively (as R does for lavaan's estimator, se, test …). */
  caseInsensitive?: boolean;
  /** Other spellings mapped to a canonical value: `{ fiml: "ml" }`. */
  valueAliases?: Record<string, string>;
  /** Values pathlab recognises but does not compute yet, with the reason / what to use instead. */
  unsupportedValues?: Record<string, string>;
  /** Also accept numbers (converted with String) — e.g. PROCESS `model: 4` or `"4"`. */
  acceptNumbers?: boolean;
}

export interface SeedSpec extends BaseSpec {
  kind: "seed";
}

export interface StringSpec extends BaseSpec {
  kind: "string";
}

/** Anything else (arrays, objects, functions): checked by the caller's validator, name still checked here. */
export interface CustomSpec extends BaseSpec {
  kind: "custom";
  /** Returns an error message when the value is unacceptable, or undefined. */
  check?: (value: unknown) => string | undefined;
  /** What a valid value looks like, for the hint. */
  expected?: string;
}

/**
 * An R argument pathlab accepts only at one value — R's default, or a value that does not change the
 * numbers (`plot = FALSE`, `verbose = FALSE`, `method = "pearson"`) — so code ported from R runs; any
 * other value is an error saying it is not supported (never ignored).
 */
export interface FixedSpec extends BaseSpec {
  kind: "fixed";
  /** The accepted value(s) (strings compared case-insensitively). */
  value: boolean | number | string | readonly (boolean | number | string)[];
  /** Why another value is not supported, or what to use instead. */
  otherwise: string;
}

export type OptionSpec = BooleanSpec | NumberSpec | EnumSpec | SeedSpec | StringSpec | CustomSpec | FixedSpec;
export type OptionSpecs = Record<string, OptionSpec>;

/** Largest seed + 1: seeds are unsigned 32-bit integers, as R's `set.seed` takes a 32-bit integer. */
export const SEED_LIMIT = 2 ** 32;

/**
 * Check that `seed` is an integer in [0, 2³²). Fractional or negative seeds would silently collide
 * with other seeds (1.5 ≡ 1, −1 ≡ 4294967295), so they are errors.
 */
export function checkSeed(seed: unknown, where = "seed"): number {
  if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed >= SEED_LIMIT) {
    throw new PathlabError(`${where} must be an integer from 0 to 4294967295, got ${describeValue(seed)}.`, {
      code: "options.bad-seed",
      hint: "Use a whole number such as 12345; the same seed always gives the same draws.",
    });
  }
  return seed;
}

/** A short, safe rendering of a value for an error message. */
export function describeValue(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 60 ? v.slice(0, 57) + "..." : v);
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "number" || typeof v === "boolean" || v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === "function") return "a function";
  return "an object";
}

function nearest(name: string, candidates: string[]): string | undefined {
  const lower = name.toLowerCase().replace(/[._-]/g, "");
  return candidates.find((c) => c.toLowerCase().replace(/[._-]/g, "") === lower);
}

function fail(fn: string, message: string, hint: string, code: ErrorCode): never {
  throw new PathlabError(`${fn}(): ${message}`, { hint, code });
}

function checkEnum(fn: string, name: string, value: unknown, spec: EnumSpec): string {
  const listed = spec.values.join(", ");
  let raw: string;
  if (typeof value === "string") raw = value;
  else if (spec.acceptNumbers && typeof value === "number") raw = String(value);
  else
    fail(
      fn,
      `option '${name}' must be one of ${listed}; got ${describeValue(value)}.`,
      `Write for example { ${name}: "${spec.values[0]}" }.`,
      "options.bad-value",
    );
  const fold = (s: string) => (spec.caseInsensitive ? s.toLowerCase() : s);
  const hit = spec.values.find((v) => fold(v) === fold(raw));
  if (hit !== undefined) return hit;
  for (const [alias, canonical] of Object.entries(spec.valueAliases ?? {})) {
    if (fold(alias) === fold(raw)) return canonical;
  }
  for (const [value2, why] of Object.entries(spec.unsupportedValues ?? {})) {
    if (fold(value2) === fold(raw)) {
      fail(fn, `option ${name}: ${JSON.stringify(raw)} is not supported yet: ${why}`, `Supported values: ${listed}.`, "options.unsupported");
    }
  }
  fail(fn, `option '${name}' must be one of ${listed}; got ${describeValue(value)}.`, `Supported values: ${listed}.`, "options.bad-value");
}

function checkNumber(fn: string, name: string, value: unknown, spec: NumberSpec): number {
  const range = rangeText(spec);
  if (typeof value !== "number" || !Number.isFinite(value)) {
    fail(
      fn,
      `option '${name}' must be a finite number${range}; got ${describeValue(value)}.`,
      spec.rangeHint ?? `Write a number${range}.`,
      "options.bad-value",
    );
  }
  const below = spec.min !== undefined && (spec.exclusiveMin ? value <= spec.min : value < spec.min);
  const above = spec.max !== undefined && (spec.exclusiveMax ? value >= spec.max : value > spec.max);
  if (below || above || (spec.integer && !Number.isInteger(value))) {
    const what = spec.integer ? "a whole number" : "a number";
    fail(fn, `option '${name}' must be ${what}${range}; got ${value}.`, spec.rangeHint ?? `Write ${what}${range}.`, "options.bad-value");
  }
  return value;
}

function rangeText(spec: NumberSpec): string {
  const lo = spec.min === undefined ? "" : `${spec.exclusiveMin ? ">" : "≥"} ${spec.min}`;
  const hi = spec.max === undefined ? "" : `${spec.exclusiveMax ? "<" : "≤"} ${spec.max}`;
  if (lo && hi) return ` (${lo} and ${hi})`;
  return lo || hi ? ` (${lo || hi})` : "";
}

function checkValue(fn: string, name: string, value: unknown, spec: OptionSpec): unknown {
  switch (spec.kind) {
    case "boolean":
      if (typeof value !== "boolean")
        fail(fn, `option '${name}' must be true or false; got ${describeValue(value)}.`, `Write { ${name}: true } or { ${name}: false }.`, "options.bad-value");
      return value;
    case "number":
      return checkNumber(fn, name, value, spec);
    case "enum":
      return checkEnum(fn, name, value, spec);
    case "seed":
      return checkSeed(value, `${fn}(): option '${name}'`);
    case "string":
      if (typeof value !== "string")
        fail(fn, `option '${name}' must be a string; got ${describeValue(value)}.`, `Write { ${name}: "…" }.`, "options.bad-value");
      return value;
    case "fixed": {
      const accepted = (Array.isArray(spec.value) ? spec.value : [spec.value]) as (boolean | number | string)[];
      const same = (a: unknown, b: boolean | number | string) =>
        typeof a === "string" && typeof b === "string" ? a.toLowerCase() === b.toLowerCase() : a === b;
      if (!accepted.some((a) => same(value, a))) {
        const shown = accepted.map((a) => JSON.stringify(a)).join(" or ");
        fail(
          fn,
          `option '${name}' is supported only as ${shown}; got ${describeValue(value)}: ${spec.otherwise}`,
          `Remove '${name}' or set it to ${shown}.`,
          "options.unsupported",
        );
      }
      return value;
    }
    case "custom": {
      const problem = spec.check?.(value);
      if (problem)
        fail(fn, `option '${name}': ${problem}`, spec.expected ? `Expected ${spec.expected}.` : "See the function's documentation.", "options.bad-value");
      return value;
    }
  }
}

/**
 * Validate `options` against `specs` for the public function `fn` and return them under canonical
 * names. Undefined values count as absent. Throws a PathlabError for an unknown name (with the
 * nearest valid spelling when there is one), a bad value, an option given twice under two spellings,
 * or a known-but-unsupported option.
 */
export function checkOptions<T extends object>(fn: string, options: T | undefined | null, specs: OptionSpecs): T {
  if (options === undefined || options === null) return {} as T;
  if (typeof options !== "object" || Array.isArray(options)) {
    fail(
      fn,
      `options must be an object such as { ${Object.keys(specs)[0] ?? "name"}: … }; got ${describeValue(options)}.`,
      `Valid options: ${Object.keys(specs).join(", ")}.`,
      "options.bad-value",
    );
  }
  const byName = new Map<string, string>();
  for (const [canonical, spec] of Object.entries(specs)) {
    byName.set(canonical, canonical);
    for (const a of spec.aliases ?? []) byName.set(a, canonical);
  }
  const out: Record<string, unknown> = {};
  const source: Record<string, string> = {};
  for (const [given, value] of Object.entries(options as Record<string, unknown>)) {
    if (value === undefined) continue;
    const canonical = byName.get(given);
    if (canonical === undefined) {
      const guess = nearest(given, [...byName.keys()]);
      const valid = Object.keys(specs).join(", ");
      fail(fn, `unknown option '${given}'.`, guess ? `Did you mean '${guess}'? Valid options: ${valid}.` : `Valid options: ${valid}.`, "options.unknown");
    }
    const spec = specs[canonical];
    if (spec.unsupported)
      fail(
        fn,
        `option '${given}' is not supported yet: ${spec.unsupported}`,
        "Remove the option; the message says what to use instead.",
        "options.unsupported",
      );
    if (source[canonical] !== undefined) {
      fail(fn, `option '${canonical}' is given twice, as '${source[canonical]}' and '${given}'.`, "Give it once.", "options.duplicate");
    }
    source[canonical] = given;
    out[canonical] = checkValue(fn, given, value, spec);
  }
  return out as T;
}
