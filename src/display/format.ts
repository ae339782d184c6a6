/**
 * Number formatting as survey papers print it (APA 7th ed., §6.36): fixed decimals, a minus sign,
 * p values without a leading zero and never printed as 0 ("< .001"), significance stars.
 */
import { STARS_DAGGER, STARS_DEFAULT, starsFor } from "../math";

/** Formats a number with fixed decimals; non-finite values become an em dash, never "NaN". */
export function formatNumber(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  // Tables print fixed decimals, as papers do (a skewness of 0.0004 is "0.00"); huge values
  // switch to scientific notation rather than printing dozens of digits.
  if (Math.abs(x) >= 1e15) return x.toExponential(3).replace(/-/g, "−");
  const s = x.toFixed(digits);
  // "-0.000" is a rounding artefact, not a negative number.
  if (/^-0\.?0*$/.test(s)) return s.slice(1);
  return s.replace("-", "−");
}

/** Formats an integer count with no decimals. */
export function formatInt(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  return Math.round(x).toString().replace("-", "−");
}

/**
 * APA p value: three decimals, no leading zero, "< .001" below the smallest printable value.
 * Exact values down to 1e-300 stay available to callers in the numeric result.
 */
export function formatP(p: number | null | undefined, digits = 3): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return "—";
  const floor = 10 ** -digits;
  if (p < floor) return "< " + floor.toFixed(digits).replace(/^0/, "");
  if (p > 1 - floor / 2 && p <= 1) return "1.000".slice(0, digits + 2).replace(/^0/, "");
  return p.toFixed(digits).replace(/^0/, "");
}

/** Conventional significance stars: *** p < .001, ** p < .01, * p < .05, † p < .10 (optional). */
export function stars(p: number | null | undefined, dagger = false): string {
  return starsFor(p, dagger ? STARS_DAGGER : STARS_DEFAULT);
}

/** Escapes text for safe inclusion in HTML (user-supplied variable names and labels included). */
export function escapeHtml(s: unknown): string {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
