/**
 * Planting an interaction without moving any published moment. A correlation table carries no
 * information about interactions (they live in third moments), so a simulation that must show one
 * plants it: with r the residual of y on [1, others] and P⊥ the product residualised on
 * [1, others, y],
 *
 *   y' = ŷ + γ r + b P⊥,   γ = √(1 − b² ‖P⊥‖² / ‖r‖²),
 *
 * where ŷ = y − r. The three parts are mutually orthogonal, so y' keeps y's mean, variance and
 * covariance with every column in `others`, while E(y' | x, w) gains the product. b is found by
 * bisection so that `estimate(y')` — the interaction coefficient of the model the notebook will
 * fit — equals `target`.
 *
 * @example
 * const { y } = plantProduct({ y: peic, others: [re, uts, dms, sa], product, estimate: (v) => interactionOf(v), target: 0.093 });
 */
import { PathlabError } from "../errors";
import { dot } from "../math";
import { ones, orthonormalBasis, residualize } from "./conditional";

export function plantProduct(args: {
  y: Float64Array;
  /** Columns whose covariances with y must not move (the product's factors among them). */
  others: ArrayLike<number>[];
  product: ArrayLike<number>;
  /** The coefficient the target is about, as a function of the new y. */
  estimate: (y: Float64Array) => number;
  target: number;
}): { y: Float64Array; b: number; gamma: number } {
  const n = args.y.length;
  const Q = orthonormalBasis([ones(n), ...args.others]);
  const r = residualize(args.y, Q);
  const yhat = args.y.map((v, i) => v - r[i]);
  const P = residualize(args.product, orthonormalBasis([ones(n), ...args.others, args.y]));
  const rr = dot(r, r);
  const pp = dot(P, P);
  if (!(pp > 0)) throw new PathlabError("plantProduct(): the product is a linear function of the other columns", { code: "simulate.collinear" });
  const build = (b: number) => {
    const g = Math.sqrt(1 - (b * b * pp) / rr);
    return { g, y: yhat.map((v, i) => v + g * r[i] + b * P[i]) };
  };
  const f = (b: number) => args.estimate(build(b).y) - args.target;
  let lo = -Math.sqrt(rr / pp) * 0.999;
  let hi = -lo;
  if (f(lo) > 0 || f(hi) < 0)
    throw new PathlabError(`plantProduct(): an interaction of ${args.target} cannot be planted without changing the published moments`, {
      hint: "the target exceeds what y's residual variance can carry; use a smaller interaction",
      code: "simulate.interaction-too-large",
    });
  for (let it = 0; it < 100 && hi - lo > 1e-15 * Math.max(1, Math.abs(hi)); it++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  const b = (lo + hi) / 2;
  const out = build(b);
  return { y: out.y, b, gamma: out.g };
}
