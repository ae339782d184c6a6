/**
 * Sample quantiles and percentile bootstrap bounds.
 */
import { PathlabError } from "../errors";

/**
 * Sample quantile of already-sorted values, R's `quantile(x, p, type = 7)` (Hyndman & Fan 1996,
 * definition 7): with h = (n − 1)p, Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) on 0-based order
 * statistics. Type 6 (h = (n + 1)p − 1, clamped) is also available.
 */
export function quantile(sorted: Float64Array | number[], p: number, type: 6 | 7 = 7): number {
  const n = sorted.length;
  if (n === 0) throw new PathlabError("Cannot take a quantile of an empty sample.", { code: "math.empty-sample" });
  if (!(p >= 0 && p <= 1)) throw new PathlabError(`Quantile probability must lie in [0, 1], got ${p}.`, { code: "math.bad-probability" });
  if (type !== 7 && type !== 6) throw new PathlabError(`Quantile type ${type} is not supported (use 6 or 7).`, { code: "options.bad-value" });
  let h = type === 7 ? (n - 1) * p : (n + 1) * p - 1;
  // Guard against (n−1)p landing a rounding error below an integer (R applies the same fuzz).
  const hr = Math.round(h);
  if (Math.abs(h - hr) < 4 * Number.EPSILON * Math.max(1, Math.abs(h))) h = hr;
  if (h <= 0) return sorted[0];
  if (h >= n - 1) return sorted[n - 1];
  const lo = Math.floor(h);
  const frac = h - lo;
  const a = sorted[lo];
  return frac === 0 ? a : a + frac * (sorted[lo + 1] - a);
}

/** Sorted copy of the values as a Float64Array (NaN values are an error). */
function sortedCopy(values: Float64Array | number[]): Float64Array {
  const out = Float64Array.from(values);
  for (let i = 0; i < out.length; i++) {
    if (Number.isNaN(out[i])) throw new PathlabError(`Value ${i + 1} of the bootstrap sample is NaN.`, { code: "math.nan-value" });
  }
  out.sort();
  return out;
}

/**
 * Percentile bootstrap confidence bounds as Hayes' PROCESS defines them (Hayes 2022, Introduction
 * to Mediation, Moderation, and Conditional Process Analysis, 3rd ed., §5.4): with B bootstrap
 * estimates sorted ascending and confidence c (0.95 or 95), the bounds are the order statistics
 *   lower = x₍L₎ with L = round(B(1 − c)/2) (at least 1),
 *   upper = x₍U₎ with U = ⌊B(c + (1 − c)/2)⌋ + 1 (at most B),
 * 1-based; e.g. B = 5000, c = .95 gives the 125th and 4876th values. No interpolation. The order
 * statistics come from `percentileOrder`, which PROCESS's bootstrap intervals use too.
 */
export function percentileCI(values: Float64Array | number[], conf = 0.95): { lower: number; upper: number } {
  const c = conf > 1 ? conf / 100 : conf;
  if (!(c > 0 && c < 1)) throw new PathlabError(`Confidence level must lie in (0, 1) or (0, 100), got ${conf}.`, { code: "options.bad-value" });
  const x = sortedCopy(values);
  const B = x.length;
  if (B === 0) throw new PathlabError("Cannot form a percentile interval from an empty bootstrap sample.", { code: "math.empty-sample" });
  const { lower, upper } = percentileOrder(B, c * 100);
  return { lower: x[lower - 1], upper: x[upper - 1] };
}

/**
 * The 1-based order statistics of the percentile interval above for B sorted draws at confidence
 * `confPercent` (e.g. 95): L = round(B(100 − c)/200), U = ⌊B(100 + c)/200⌋ + 1, clamped to 1…B.
 */
export function percentileOrder(B: number, confPercent: number): { lower: number; upper: number } {
  // The 1e-9 fuzz keeps an exact product such as 5000·195/200 = 4875 from truncating to 4874.
  const L = Math.round((B * (100 - confPercent)) / 200);
  const U = Math.floor((B * (100 + confPercent)) / 200 + 1e-9) + 1;
  return { lower: Math.min(Math.max(L, 1), B), upper: Math.min(Math.max(U, 1), B) };
}
