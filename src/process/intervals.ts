/**
 * Confidence intervals PROCESS reports: percentile and bias-corrected bootstrap bounds, and the
 * Johnson–Neyman points where a conditional effect's significance changes.
 */
import { percentileOrder, pnorm, qnorm, variance } from "../math";

export interface BootInterval {
  lower: number;
  upper: number;
  se: number;
}

/**
 * Bootstrap interval by PROCESS's order-statistic rule (Hayes, 2022, §4.2 and Appendix A). With B
 * sorted estimates θ*(1) ≤ … ≤ θ*(B) and confidence c (percent):
 *   percentile:      lower = θ*(round(B·(100−c)/200)),  upper = θ*(⌊B·(100+c)/200⌋ + 1)
 *   bias-corrected:  z0 = Φ⁻¹(#{θ* < θ̂}/B); lower = θ*(round(B·Φ(2z0 + z_{α/2}))),
 *                    upper = θ*(⌊B·Φ(2z0 + z_{1−α/2})⌋ + 1)   (Efron, 1987)
 * Indices are clamped to 1…B. For B = 5000 and 95% the percentile bounds are the 125th and 4876th
 * ordered values. Bootstrap SE is the standard deviation (n − 1) of the B estimates.
 */
export function bootInterval(values: Float64Array, conf: number, estimate?: number, bc = false): BootInterval {
  const B = values.length;
  const s = Float64Array.from(values).sort();
  const se = Math.sqrt(variance(s));
  let lo: number, hi: number;
  if (bc && estimate !== undefined) {
    let below = 0;
    for (let i = 0; i < B; i++) if (s[i] < estimate) below++;
    const prop = Math.min(Math.max(below / B, 0.5 / B), 1 - 0.5 / B);
    const z0 = qnorm(prop);
    const za = qnorm((100 - conf) / 200);
    lo = Math.round(B * pnorm(2 * z0 + za));
    hi = Math.floor(B * pnorm(2 * z0 - za) + 1e-9) + 1;
    lo = Math.min(Math.max(lo, 1), B);
    hi = Math.min(Math.max(hi, 1), B);
  } else {
    ({ lower: lo, upper: hi } = percentileOrder(B, conf));
  }
  return { lower: s[lo - 1], upper: s[hi - 1], se };
}

/**
 * Johnson–Neyman points (Johnson & Neyman, 1936; Bauer & Curran, 2005): the moderator values w at
 * which the conditional effect θ(w) = g0ᵀb + w·g1ᵀb is exactly significant, i.e. the real roots of
 *   (g0ᵀb + w g1ᵀb)² − t²_crit (g0ᵀVg0 + 2w g0ᵀVg1 + w² g1ᵀVg1) = 0,
 * a quadratic a w² + b w + c with a = (g1ᵀb)² − t² g1ᵀVg1, b = 2(g0ᵀb g1ᵀb − t² g0ᵀVg1),
 * c = (g0ᵀb)² − t² g0ᵀVg0. Returns the real roots in increasing order (0, 1 or 2).
 */
export function johnsonNeymanRoots(e0: number, e1: number, v00: number, v01: number, v11: number, tcrit: number): number[] {
  const t2 = tcrit * tcrit;
  const a = e1 * e1 - t2 * v11;
  const b = 2 * (e0 * e1 - t2 * v01);
  const c = e0 * e0 - t2 * v00;
  const scale = Math.max(Math.abs(a), Math.abs(b), Math.abs(c));
  if (scale === 0) return [];
  if (Math.abs(a) <= 1e-14 * scale) {
    if (Math.abs(b) <= 1e-14 * scale) return [];
    return [-c / b];
  }
  const disc = b * b - 4 * a * c;
  if (disc < 0) return [];
  // Numerically stable form avoids cancellation when b² ≫ 4ac.
  const sq = Math.sqrt(disc);
  const qv = -0.5 * (b + (b >= 0 ? sq : -sq));
  const r1 = qv / a;
  const r2 = qv !== 0 ? c / qv : r1;
  const roots = r1 === r2 ? [r1] : [r1, r2];
  return roots.sort((x, y) => x - y);
}
