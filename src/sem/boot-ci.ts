/**
 * lavaan's bootstrap confidence intervals (`parameterEstimates(fit, boot.ci.type = …)` of a fit
 * with `se = "bootstrap"`), from the bootstrap draws t*_1 … t*_R of each parameter:
 *
 *   perc        the (1 ∓ level)/2 quantiles of t*
 *   basic       2·θ̂ − the (1 ± level)/2 quantiles
 *   norm        θ̂ − bias ± z·SE_boot, bias = θ(mean of the θ* draws) − θ̂
 *   bca.simple  quantiles at Φ(2w + z_α), w = Φ⁻¹(#{t* < θ̂}/R) (bias-corrected, no acceleration)
 *
 * Quantiles are the boot package's `norm.inter` (Davison & Hinkley 1997, eq. 5.8): the order
 * statistics around (R + 1)α interpolated on the normal scale — not R's quantile type 7.
 * Fixed parameters get the interval [θ̂, θ̂].
 *
 * @example
 * const { lower, upper } = bootIntervals(fit, fit.state.boot!, "perc", 0.95);
 */
import { pnorm, qnorm } from "../math/distributions";
import type { ParRow } from "./partable";
import type { BootDraws } from "./bootstrap";
import type { SemState } from "./state";

export type BootCiType = "perc" | "basic" | "norm" | "bca.simple";

/** boot's norm.inter: the α-quantile of the draws interpolated on the normal scale. */
export function normInter(sorted: Float64Array, alpha: number): number {
  const R = sorted.length;
  const rk = (R + 1) * alpha;
  const k = Math.trunc(rk);
  if (k === rk) return sorted[Math.min(Math.max(k, 1), R) - 1];
  if (k <= 0) return sorted[0];
  if (k >= R) return sorted[R - 1];
  const z = qnorm(alpha);
  const zk = qnorm(k / (R + 1));
  const zk1 = qnorm((k + 1) / (R + 1));
  const tk = sorted[k - 1];
  const tk1 = sorted[k];
  return tk + ((z - zk) / (zk1 - zk)) * (tk1 - tk);
}

interface BootSource {
  readonly state: SemState;
  estimatesInternal(): { rows: ParRow[]; est: Float64Array; se: Float64Array };
  /** Values of the rows at θ (defined parameters evaluated there). */
  rowValuesAt(theta: Float64Array): Float64Array;
}

/** Lower and upper limits for every row of the parameter table. */
export function bootIntervals(fit: BootSource, boot: BootDraws, type: BootCiType, level: number): { lower: Float64Array; upper: Float64Array } {
  const { rows, est, se } = fit.estimatesInternal();
  const nRows = rows.length;
  const lower = Float64Array.from(est);
  const upper = Float64Array.from(est);
  const q = boot.q;
  const good: number[] = [];
  for (let b = 0; b < boot.R; b++) if (boot.ok[b]) good.push(b);
  // The draws of each free parameter and of each defined parameter (evaluated at every θ*).
  const defIdx = rows.map((r, k) => (r.op === ":=" ? k : -1)).filter((k) => k >= 0);
  const defDraws = defIdx.map(() => new Float64Array(good.length));
  if (defIdx.length)
    good.forEach((b, i) => {
      const v = fit.rowValuesAt(boot.theta.subarray(b * q, (b + 1) * q));
      defIdx.forEach((k, j) => (defDraws[j][i] = v[k]));
    });
  const drawsOf = (k: number): Float64Array | undefined => {
    const r = rows[k];
    if (r.op === ":=") return defDraws[defIdx.indexOf(k)];
    if (r.free <= 0) return undefined;
    return Float64Array.from(good, (b) => boot.theta[b * q + r.free - 1]);
  };
  const zc = qnorm((1 + level) / 2);
  let atMean: Float64Array | undefined;
  if (type === "norm") {
    const mean = new Float64Array(q);
    for (const b of good) for (let j = 0; j < q; j++) mean[j] += boot.theta[b * q + j] / good.length;
    atMean = fit.rowValuesAt(mean);
  }
  for (let k = 0; k < nRows; k++) {
    const all = drawsOf(k);
    if (!all) continue;
    const t = all.filter((x) => Number.isFinite(x)).sort();
    if (t.length === 0) continue;
    const t0 = est[k];
    if (type === "norm") {
      const bias = atMean![k] - t0;
      lower[k] = t0 - bias - zc * se[k];
      upper[k] = t0 - bias + zc * se[k];
    } else if (type === "perc") {
      lower[k] = normInter(t, (1 - level) / 2);
      upper[k] = normInter(t, (1 + level) / 2);
    } else if (type === "basic") {
      lower[k] = 2 * t0 - normInter(t, (1 + level) / 2);
      upper[k] = 2 * t0 - normInter(t, (1 - level) / 2);
    } else {
      // lavaan skips free parameters whose draws do not vary (their interval stays [θ̂, θ̂]).
      if (rows[k].op !== ":=" && t[0] === t[t.length - 1]) continue;
      let below = 0;
      for (const x of t) if (x < t0) below++;
      const w = qnorm(below / t.length);
      lower[k] = normInter(t, pnorm(2 * w + qnorm((1 - level) / 2)));
      upper[k] = normInter(t, pnorm(2 * w + qnorm((1 + level) / 2)));
    }
  }
  return { lower, upper };
}
