/**
 * Effects in a conditional process model as functions of the regression coefficients.
 *
 * The effect of a variable F in an equation is the partial derivative of its linear predictor:
 *   ∂Ŷ/∂F = Σ_{terms t ∋ F} b_t · Π_{other factors of t} (their values),
 * e.g. in Ŷ = b0 + b1 X + b2 W + b3 XW the effect of X is b1 + b3 W (Hayes, 2022, eq. 7.3). The
 * derivative is linear in the coefficients with a gradient g(W, Z), so its standard error is
 * √(gᵀVg). An indirect effect is the product of the effects along a path X → M… → Y
 * (Hayes, 2022, §11.2), evaluated the same way on each bootstrap or Monte Carlo draw.
 */
import type { Term } from "./models";

/** Values of the moderators at which effects are evaluated, by role ("W", "Z"). */
export type ModeratorValues = Record<string, number>;

/** One equation as the effect functions see it: the outcome role and its terms (intercept excluded). */
export interface EffectEquation {
  outcome: string;
  terms: Term[];
}

/** A route of influence from X to Y: roles in order, e.g. ["X", "M1", "M2", "Y"]. */
export type Path = string[];

/** Gradient of ∂outcome/∂focal w.r.t. the equation's coefficients (index 0 = intercept = 0). */
export function effectGradient(eq: EffectEquation, focal: string, at: ModeratorValues): Float64Array {
  const g = new Float64Array(eq.terms.length + 1);
  eq.terms.forEach((t, i) => {
    const k = t.indexOf(focal);
    if (k < 0) return;
    let v = 1;
    for (let j = 0; j < t.length; j++) if (j !== k) v *= at[t[j]] ?? NaN;
    g[i + 1] = v;
  });
  return g;
}

/** Every path from X to Y through the mediators (direct path ["X","Y"] included), in PROCESS's order. */
export function enumeratePaths(equations: EffectEquation[]): Path[] {
  const byOutcome = new Map(equations.map((e) => [e.outcome, e]));
  const contains = (eq: EffectEquation, v: string) => eq.terms.some((t) => t.includes(v));
  const mediators = equations.filter((e) => e.outcome !== "Y").map((e) => e.outcome);
  const out: Path[] = [];
  // Pre-order depth-first walk: X→M1→Y, X→M1→M2→Y, X→M2→Y (the order PROCESS labels Ind1, Ind2, …).
  const walk = (path: string[]) => {
    const last = path[path.length - 1];
    const y = byOutcome.get("Y");
    if (path.length > 1 && y && contains(y, last)) out.push([...path, "Y"]);
    for (const m of mediators) {
      if (path.includes(m)) continue;
      if (mediators.indexOf(m) < mediators.indexOf(last)) continue;
      if (contains(byOutcome.get(m)!, last)) walk([...path, m]);
    }
  };
  walk(["X"]);
  const y = byOutcome.get("Y");
  const direct: Path[] = y && contains(y, "X") ? [["X", "Y"]] : [];
  return [...direct, ...out];
}

/**
 * A compiled path: for each edge, the positions of the relevant coefficients within one draw's
 * coefficient vector and the moderator roles each is multiplied by.
 */
export interface CompiledPath {
  path: Path;
  edges: { index: number[]; others: string[][] }[];
  /** Moderators that appear in each edge (to decide whether an index of moderated mediation exists). */
  moderatorsByEdge: string[][];
}

export function compilePath(path: Path, equations: EffectEquation[], offsets: number[]): CompiledPath {
  const edges: CompiledPath["edges"] = [];
  const moderatorsByEdge: string[][] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const from = path[i];
    const e = equations.findIndex((q) => q.outcome === path[i + 1]);
    const eq = equations[e];
    const index: number[] = [];
    const others: string[][] = [];
    const mods = new Set<string>();
    eq.terms.forEach((t, j) => {
      const k = t.indexOf(from);
      if (k < 0) return;
      index.push(offsets[e] + j + 1);
      const o = t.filter((_, jj) => jj !== k);
      others.push(o);
      o.forEach((v) => mods.add(v));
    });
    edges.push({ index, others });
    moderatorsByEdge.push([...mods]);
  }
  return { path, edges, moderatorsByEdge };
}

/** Value of a compiled path effect on one draw (coefficients starting at `base`). */
export function pathValue(cp: CompiledPath, coefs: Float64Array, base: number, at: ModeratorValues): number {
  let prod = 1;
  for (const edge of cp.edges) {
    let s = 0;
    for (let j = 0; j < edge.index.length; j++) {
      let v = coefs[base + edge.index[j]];
      const o = edge.others[j];
      for (let k = 0; k < o.length; k++) v *= at[o[k]];
      s += v;
    }
    prod *= s;
  }
  return prod;
}

/** Moderators a path's effect depends on. */
export function pathModerators(cp: CompiledPath): string[] {
  const s = new Set<string>();
  cp.moderatorsByEdge.forEach((m) => m.forEach((v) => s.add(v)));
  return [...s];
}
