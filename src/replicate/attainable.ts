/**
 * Attainable intervals: the values a statistic can take when every published input it is computed
 * from varies within its printed rounding.
 *
 * A correlation printed as 0.52 stands for any value in [0.515, 0.525]; a t value recomputed from a
 * table of such correlations is therefore not one number but an interval. For a statistic f of the
 * inputs x (correlations, SDs, means, loadings) in the box B = Π[lo_j, hi_j], kept feasible (e.g. a
 * correlation matrix stays positive definite), the attainable interval is
 *
 *   [min_{x ∈ B, feasible} f(x),  max_{x ∈ B, feasible} f(x)].
 *
 * `attainable` finds both ends by projected gradient ascent in the box scaled to [−1, 1]ᵖ, started
 * from the exact point (the inputs as printed): each iteration first tries the vertex the local
 * linearisation points to (the solution of the linear programme over a box) and otherwise a
 * projected gradient step with backtracking; it stops when neither improves f (a KKT point of the
 * box). Gradients are forward differences. Every returned end is attained at a feasible point
 * (`argLower`, `argUpper`), so the interval is never wider than what the inputs allow; tests check
 * it against dense random sampling of the box and its vertices.
 *
 * `attainableLinearised` is the one-step version for expensive statistics (an SEM fit per
 * evaluation): one forward-difference Jacobian at the exact point, then each output evaluated at the vertex its
 * linearisation points to (in both directions). Its ends are attained values too; they can fall
 * short of the true extremes when f curves strongly across the box.
 *
 * @example
 * const { box, moments } = momentBox(record.correlations, ["y", "x1", "x2"]);
 * attainable(box, (x) => regressionFromMoments(moments(x), "y", ["x1", "x2"]).t[0]);
 */
import { PathlabError } from "../errors";
import { cholesky } from "../math";
import { Rng } from "../simulate/rng";
import type { Moments } from "./moments";
import type { PublishedCorrelationTable } from "./record";

/** A box of inputs: each named input lies in [lower, upper]; `center` is the printed value. */
export interface Box {
  names: string[];
  center: number[];
  lower: number[];
  upper: number[];
  /** Extra feasibility condition (e.g. a positive definite correlation matrix). */
  feasible?: (x: number[]) => boolean;
}

/** An attainable interval of one statistic. */
export interface Attainable {
  /** The statistic at the printed inputs. */
  exact: number;
  lower: number;
  upper: number;
  /** Inputs at which the ends are attained. */
  argLower: number[];
  argUpper: number[];
  method: "optimised" | "linearised";
  evaluations: number;
}

export interface AttainableOptions {
  /** Iterations per end (default 30). */
  maxIter?: number;
  /**
   * Random points of the box (fixed seed) whose best one is a second start of the local search, a
   * safeguard for statistics with more than one local extreme (default 16; 0 = printed point only).
   */
  starts?: number;
  /** Finite-difference step in scaled units (fraction of the half-width; default 1e-3). */
  step?: number;
}

/** Rounding interval of a printed value with `digits` decimals. */
export function roundingInterval(value: number, digits: number): [number, number] {
  const h = 0.5 * 10 ** -digits;
  return [value - h, value + h];
}

/** Joins boxes (their feasibility conditions are applied to their own slices). */
export function joinBoxes(...boxes: Box[]): Box {
  const offsets: number[] = [];
  let o = 0;
  for (const b of boxes) {
    offsets.push(o);
    o += b.names.length;
  }
  return {
    names: boxes.flatMap((b) => b.names),
    center: boxes.flatMap((b) => b.center),
    lower: boxes.flatMap((b) => b.lower),
    upper: boxes.flatMap((b) => b.upper),
    feasible: (x) => boxes.every((b, k) => !b.feasible || b.feasible(x.slice(offsets[k], offsets[k] + b.names.length))),
  };
}

function checkBox(box: Box): void {
  const p = box.names.length;
  if (box.center.length !== p || box.lower.length !== p || box.upper.length !== p)
    throw new PathlabError("attainable(): box names, center, lower and upper differ in length", { code: "replicate.bad-box" });
  for (let j = 0; j < p; j++) {
    if (!(box.lower[j] <= box.center[j] && box.center[j] <= box.upper[j]))
      throw new PathlabError(`attainable(): input "${box.names[j]}" = ${box.center[j]} is outside its box [${box.lower[j]}, ${box.upper[j]}]`, {
        code: "replicate.bad-box",
      });
  }
}

/** The statistic as a function of scaled coordinates u ∈ [−1, 1]ᵖ, NaN where infeasible or failing. */
function scaled(box: Box, f: (x: number[]) => number) {
  const lo = box.lower;
  const w = box.upper.map((u, j) => (u - lo[j]) / 2);
  const toX = (u: number[]) => u.map((v, j) => lo[j] + (v + 1) * w[j]);
  const u0 = box.center.map((c, j) => (w[j] > 0 ? (c - lo[j]) / w[j] - 1 : 0));
  let evaluations = 0;
  const F = (u: number[]): number => {
    evaluations++;
    const x = toX(u);
    if (box.feasible && !box.feasible(x)) return NaN;
    try {
      const v = f(x);
      return Number.isFinite(v) ? v : NaN;
    } catch {
      return NaN;
    }
  };
  return { F, toX, u0, active: w.map((v) => v > 0), count: () => evaluations };
}

/** Forward differences in scaled units (backward at the upper bound): p evaluations per gradient. */
function gradient(F: (u: number[]) => number, u: number[], fu: number, active: boolean[], h: number): number[] {
  return u.map((uj, j) => {
    if (!active[j]) return 0;
    const step = uj + h <= 1 ? h : -h;
    const a = u.slice();
    a[j] = uj + step;
    const fa = F(a);
    return Number.isNaN(fa) ? 0 : (fa - fu) / step;
  });
}

/** Backtracking line search from u toward v: the first point (t = 1, ½, ¼, …) that is feasible and improves on fu. */
function improveAlong(F: (u: number[]) => number, u: number[], v: number[], fu: number, tol: number): { u: number[]; f: number } | null {
  let t = 1;
  for (let k = 0; k < 40; k++) {
    const w = u.map((a, j) => a + t * (v[j] - a));
    const fw = F(w);
    if (!Number.isNaN(fw) && fw > fu + tol) return { u: w, f: fw };
    t /= 2;
  }
  return null;
}

function maximise(F: (u: number[]) => number, u0: number[], active: boolean[], opts: AttainableOptions): { u: number[]; f: number } {
  let u = u0.slice();
  let fu = F(u);
  if (Number.isNaN(fu)) throw new PathlabError("attainable(): the statistic cannot be computed at the printed inputs", { code: "replicate.infeasible-center" });
  const h = opts.step ?? 1e-3;
  for (let it = 0; it < (opts.maxIter ?? 30); it++) {
    const tol = 1e-13 * (1 + Math.abs(fu));
    const g = gradient(F, u, fu, active, h);
    const gmax = Math.max(...g.map(Math.abs));
    if (!(gmax > 0)) break;
    // The vertex the linearisation points to (the LP over the box).
    const vertex = u.map((uj, j) => (g[j] > 0 ? 1 : g[j] < 0 ? -1 : uj));
    let next = improveAlong(F, u, vertex, fu, tol);
    if (!next) {
      // Projected gradient step with backtracking.
      for (let step = 1; step > 1e-6 && !next; step /= 4) {
        const v = u.map((uj, j) => Math.max(-1, Math.min(1, uj + (step * g[j]) / gmax)));
        next = improveAlong(F, u, v, fu, tol);
      }
    }
    if (!next) break;
    u = next.u;
    fu = next.f;
  }
  return { u, f: fu };
}

/**
 * The attainable interval of f over the box (see the module comment). f may throw or return NaN
 * where it is undefined; such points count as infeasible.
 */
export function attainable(box: Box, f: (x: number[]) => number, options: AttainableOptions = {}): Attainable {
  checkBox(box);
  const s = scaled(box, f);
  // At the printed inputs the statistic must exist: evaluate it unguarded so its own error surfaces.
  const exact = f(box.center);
  if (!Number.isFinite(exact)) throw new PathlabError(`attainable(): the statistic is ${exact} at the printed inputs`, { code: "replicate.infeasible-center" });
  // A few random points of the box: the best (and worst) are second starts of the local search.
  const r = new Rng(20240607);
  const pts: { u: number[]; f: number }[] = [];
  for (let k = 0; k < (options.starts ?? 16); k++) {
    const u = s.u0.map((_, j) => (s.active[j] ? 2 * r.uniform() - 1 : s.u0[j]));
    const v = s.F(u);
    if (!Number.isNaN(v)) pts.push({ u, f: v });
  }
  const best = (sign: 1 | -1, F: (u: number[]) => number) => {
    const starts = [s.u0];
    const cand = pts.reduce<{ u: number[]; f: number } | null>((b, p) => (b === null || sign * p.f > sign * b.f ? p : b), null);
    if (cand && sign * cand.f > sign * exact) starts.push(cand.u);
    return starts.map((u0) => maximise(F, u0, s.active, options)).reduce((a, b) => (b.f > a.f ? b : a));
  };
  const hi = best(1, s.F);
  const lo = best(-1, (u: number[]) => -s.F(u));
  return { exact, lower: -lo.f, upper: hi.f, argLower: s.toX(lo.u), argUpper: s.toX(hi.u), method: "optimised", evaluations: s.count() };
}

/**
 * One-step linearised attainable intervals of several outputs of one expensive function: a
 * forward-difference Jacobian at the printed inputs, then f at the vertex each output's gradient
 * points to, in both directions (p + 2q + 1 evaluations for p inputs and q outputs).
 */
export function attainableLinearised(box: Box, f: (x: number[]) => number[], options: { step?: number } = {}): Attainable[] {
  checkBox(box);
  let calls = 0;
  const lo = box.lower;
  const w = box.upper.map((u, j) => (u - lo[j]) / 2);
  const toX = (u: number[]) => u.map((v, j) => lo[j] + (v + 1) * w[j]);
  const u0 = box.center.map((c, j) => (w[j] > 0 ? (c - lo[j]) / w[j] - 1 : 0));
  const F = (u: number[]): number[] | null => {
    calls++;
    const x = toX(u);
    if (box.feasible && !box.feasible(x)) return null;
    try {
      const v = f(x);
      return v.every(Number.isFinite) ? v : null;
    } catch {
      return null;
    }
  };
  const f0 = F(u0);
  if (!f0) throw new PathlabError("attainableLinearised(): the statistics cannot be computed at the printed inputs", { code: "replicate.infeasible-center" });
  const q = f0.length;
  const h = options.step ?? 0.05;
  const J: number[][] = Array.from({ length: q }, () => new Array<number>(u0.length).fill(0));
  u0.forEach((uj, j) => {
    if (!(w[j] > 0)) return;
    const step = uj + h <= 1 ? h : -h;
    const a = u0.slice();
    a[j] = uj + step;
    const fa = F(a);
    if (fa) for (let k = 0; k < q; k++) J[k][j] = (fa[k] - f0[k]) / step;
  });
  const endAt = (k: number, sign: 1 | -1): { u: number[]; v: number } => {
    const vertex = u0.map((uj, j) => (J[k][j] > 0 ? sign : J[k][j] < 0 ? -sign : uj));
    // Back off toward the printed inputs until feasible; keep the printed point if nothing better.
    let t = 1;
    for (let it = 0; it < 20; it++) {
      const u = u0.map((a, j) => a + t * (vertex[j] - a));
      const fv = F(u);
      if (fv) return sign * fv[k] > sign * f0[k] ? { u, v: fv[k] } : { u: u0, v: f0[k] };
      t /= 2;
    }
    return { u: u0, v: f0[k] };
  };
  const out: Attainable[] = [];
  for (let k = 0; k < q; k++) {
    const up = endAt(k, 1);
    const dn = endAt(k, -1);
    out.push({ exact: f0[k], lower: dn.v, upper: up.v, argLower: toX(dn.u), argUpper: toX(up.u), method: "linearised", evaluations: 0 });
  }
  for (const a of out) a.evaluations = calls;
  return out;
}

/** True when a symmetric matrix is positive definite (Cholesky succeeds). */
export function isPositiveDefinite(R: number[][]): boolean {
  try {
    cholesky(R);
    return true;
  } catch {
    return false;
  }
}

/**
 * The box of a published correlation table's inputs for a set of variables: every correlation
 * among them within its printed rounding (a missing cell within `missing`, default [−1, 1]), and,
 * when asked, their SDs and means within theirs; feasible when the correlation matrix stays
 * positive definite. `moments(x)` rebuilds the moments at a point of the box.
 */
export function momentBox(
  table: PublishedCorrelationTable,
  vars: string[],
  options: { sds?: boolean; means?: boolean; missing?: Record<string, [number, number]>; fill?: Record<string, number> } = {},
): { box: Box; moments: (x: number[]) => Moments } {
  const idx = vars.map((v) => {
    const i = table.names.indexOf(v);
    if (i < 0)
      throw new PathlabError(`momentBox(): "${v}" is not in ${table.source}`, {
        hint: `variables: ${table.names.join(", ")}`,
        code: "replicate.unknown-variable",
      });
    return i;
  });
  const names: string[] = [];
  const center: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const pairs: [number, number][] = [];
  for (let a = 0; a < vars.length; a++)
    for (let b = 0; b < a; b++) {
      const i = idx[a];
      const j = idx[b];
      const r = table.r[i][j];
      names.push(`r(${vars[a]}, ${vars[b]})`);
      pairs.push([a, b]);
      if (Number.isNaN(r)) {
        const key = `${vars[a]}|${vars[b]}`;
        const alt = `${vars[b]}|${vars[a]}`;
        const range = options.missing?.[key] ?? options.missing?.[alt] ?? [-1, 1];
        const fill = options.fill?.[key] ?? options.fill?.[alt] ?? 0;
        center.push(fill);
        lower.push(range[0]);
        upper.push(range[1]);
      } else {
        const [l, u] = roundingInterval(r, table.rDigits[i][j]);
        center.push(r);
        lower.push(Math.max(-1, l));
        upper.push(Math.min(1, u));
      }
    }
  const sdAt: number[] = [];
  const meanAt: number[] = [];
  if (options.sds)
    vars.forEach((v, a) => {
      const s = table.sds[idx[a]];
      if (s === null) throw new PathlabError(`momentBox(): ${table.source} prints no SD for "${v}"`, { code: "replicate.missing-sd" });
      const [l, u] = roundingInterval(s, table.sdDigits[idx[a]]);
      sdAt.push(names.length);
      names.push(`sd(${v})`);
      center.push(s);
      lower.push(Math.max(1e-12, l));
      upper.push(u);
    });
  if (options.means)
    vars.forEach((v, a) => {
      const m = table.means[idx[a]];
      if (m === null) throw new PathlabError(`momentBox(): ${table.source} prints no mean for "${v}"`, { code: "replicate.missing-mean" });
      const [l, u] = roundingInterval(m, table.meanDigits[idx[a]]);
      meanAt.push(names.length);
      names.push(`mean(${v})`);
      center.push(m);
      lower.push(l);
      upper.push(u);
    });
  const corAt = (x: number[]) => {
    const R: number[][] = vars.map((_, a) => vars.map((__, b) => (a === b ? 1 : 0)));
    pairs.forEach(([a, b], k) => (R[a][b] = R[b][a] = x[k]));
    return R;
  };
  const moments = (x: number[]): Moments => ({
    names: vars.slice(),
    cor: corAt(x),
    sds: vars.map((_, a) => (options.sds ? x[sdAt[a]] : (table.sds[idx[a]] ?? NaN))),
    means: vars.map((_, a) => (options.means ? x[meanAt[a]] : (table.means[idx[a]] ?? NaN))),
    n: table.n,
  });
  return { box: { names, center, lower, upper, feasible: (x) => isPositiveDefinite(corAt(x)) }, moments };
}
