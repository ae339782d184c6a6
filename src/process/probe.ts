/**
 * Values of a moderator at which PROCESS probes an interaction (Hayes, 2022, §7.3 and App. A):
 * user values (wmodval/zmodval); the two values of a dichotomous moderator; mean and ±1 SD with
 * `moments`; otherwise the 16th, 50th and 84th percentiles.
 */
import { mean, variance } from "../math";

export type ProbeKind = "user" | "dichotomous" | "moments" | "percentiles";

/**
 * Percentile of a sample as the inverse of its empirical distribution function: the smallest
 * observed value v with F̂(v) ≥ p, i.e. the ⌈p·n⌉-th ordered value (R's quantile type 1).
 * An observed value, as PROCESS reports, never an interpolation between two cases.
 */
export function samplePercentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  // The small tolerance keeps p·n = 50 exactly at 50 despite rounding of p.
  const k = Math.min(n, Math.max(1, Math.ceil(p * n - 1e-9)));
  return sorted[k - 1];
}

export function probeValues(
  values: Float64Array,
  user: number[] | undefined,
  moments: boolean,
  name: string,
): { values: number[]; kind: ProbeKind; note?: string } {
  if (user && user.length) return { values: [...user], kind: "user" };
  const sorted = Float64Array.from(values).sort();
  const uniq = Array.from(new Set(Array.from(sorted)));
  if (uniq.length === 2) return { values: uniq, kind: "dichotomous" };
  if (moments) {
    const n = values.length;
    const m = mean(values);
    const s = Math.sqrt(variance(values));
    const lo = sorted[0],
      hi = sorted[n - 1];
    const vals = [m - s, m, m + s];
    const outside = vals.filter((v) => v < lo || v > hi);
    return {
      values: vals,
      kind: "moments",
      note: outside.length ? `Mean ± 1 SD of "${name}" falls outside its observed range [${lo}, ${hi}]; effects there are extrapolations.` : undefined,
    };
  }
  return { values: [0.16, 0.5, 0.84].map((p) => samplePercentile(sorted, p)), kind: "percentiles" };
}
