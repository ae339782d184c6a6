/**
 * PROCESS's probing stage for one equation: conditional effects θ(W) = gᵀb of each focal predictor
 * in a product at the moderators' probe values, with SE √(gᵀVg) and t(df) intervals (g the
 * gradient of the equation in the focal predictor); in model 3 the X×W interaction conditional on
 * Z; and the Johnson–Neyman regions of significance (models 1 and 3): the moderator values where
 * (e₀ + v·e₁)² = t²(v₀₀ + 2v·v₀₁ + v²·v₁₁).
 *
 * Hayes, A. F. (2022). Introduction to Mediation, Moderation, and Conditional Process Analysis
 * (3rd ed.). Guilford. §7.3 (pick-a-point), §7.4 (Johnson–Neyman).
 *
 * @example
 * conditionalEffects(ctx, spec, fit, tests)[0].rows // θ(X→Y) at each probe value of W
 */
import type { OlsCoreFit } from "../regression/ols-core";
import { dot, twoSidedP_t } from "../math";
import type { ProcessContext } from "./context";
import type { EquationSpec } from "./design";
import { effectGradient, type ModeratorValues } from "./effects";
import { johnsonNeymanRoots } from "./intervals";
import type { ConditionalEffects, ConditionalRow, InteractionTest, JohnsonNeyman } from "./types";

/** gᵀVg over the non-zero entries of g (gradients are mostly zeros). */
export function quadForm(g: Float64Array, V: number[][]): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) {
    if (g[i] === 0) continue;
    for (let j = 0; j < g.length; j++) if (g[j] !== 0) s += g[i] * V[i][j] * g[j];
  }
  return s;
}

/** The effect gᵀb with its SE, t, p and interval on df degrees of freedom. */
export function linearEffect(g: Float64Array, coef: Float64Array, vcov: number[][], df: number, tc: number, at: ModeratorValues): ConditionalRow {
  const est = dot(g, coef);
  const se = Math.sqrt(quadForm(g, vcov));
  const t = est / se;
  return { at, effect: est, se, t, p: twoSidedP_t(t, df), llci: est - tc * se, ulci: est + tc * se };
}

/** Conditional effects of each focal predictor (X or a mediator) in a product; model 3's X×W on Z first. */
export function conditionalEffects(ctx: ProcessContext, spec: EquationSpec, fit: OlsCoreFit, tests: InteractionTest[]): ConditionalEffects[] {
  const { df } = fit;
  const tc = ctx.tcrit(df);
  const { intprobe } = ctx.cfg;
  const conditional: ConditionalEffects[] = [];
  const focals: string[] = [];
  for (const t of spec.terms)
    if (t.length > 1) {
      const f = t.find((v) => v === "X" || v.startsWith("M"));
      if (f && !focals.includes(f)) focals.push(f);
    }
  for (const f of focals) {
    const mods = Array.from(new Set(spec.terms.filter((t) => t.length > 1 && t.includes(f)).flatMap((t) => t.filter((v) => v !== f))));
    mods.sort();
    const relevant = tests.filter((it) => it.label === "BOTH" || it.label.split("*").includes(f));
    const pInt = relevant.length ? (relevant.find((r) => r.label === "BOTH")?.p ?? Math.min(...relevant.map((r) => r.p))) : 0;
    const rows = ctx.grid(mods).map((at) => linearEffect(effectGradient(spec, f, at), fit.coef, fit.vcov, df, tc, at));
    conditional.push({
      focal: f,
      focalName: ctx.displayName(f),
      moderators: mods,
      moderatorNames: mods.map(ctx.displayName),
      probed: pInt < intprobe,
      kind: "effect",
      rows,
    });
  }
  if (ctx.cfg.model === 3) {
    const iXW = spec.terms.findIndex((t) => t.length === 2 && t.includes("X") && t.includes("W")) + 1;
    const iXWZ = spec.terms.findIndex((t) => t.length === 3) + 1;
    const rows = ctx.probeOf.Z.map((zv) => {
      const g = new Float64Array(spec.terms.length + 1);
      g[iXW] = 1;
      g[iXWZ] = zv;
      return linearEffect(g, fit.coef, fit.vcov, df, tc, { Z: zv });
    });
    const { roleName } = ctx;
    conditional.unshift({
      focal: "X*W",
      focalName: `${roleName.X}*${roleName.W}`,
      moderators: ["Z"],
      moderatorNames: [roleName.Z],
      probed: tests[0].p < intprobe,
      kind: "interaction",
      rows,
    });
  }
  return conditional;
}

/** Johnson–Neyman points within the moderator's range and a table of effects across it (models 1 and 3, Y equation). */
export function johnsonNeyman(ctx: ProcessContext, spec: EquationSpec, fit: OlsCoreFit): JohnsonNeyman | undefined {
  const { model } = ctx.cfg;
  if (!(ctx.cfg.jn && spec.outcome === "Y" && (model === 1 || model === 3))) return undefined;
  const { df } = fit;
  const tc = ctx.tcrit(df);
  const n = ctx.n;
  const modRole = model === 1 ? "W" : "Z";
  const i0 =
    model === 1
      ? spec.terms.findIndex((t) => t.length === 1 && t[0] === "X") + 1
      : spec.terms.findIndex((t) => t.length === 2 && t.includes("X") && t.includes("W")) + 1;
  const i1 = model === 1 ? spec.terms.findIndex((t) => t.length === 2) + 1 : spec.terms.findIndex((t) => t.length === 3) + 1;
  const mv = ctx.col[modRole];
  const line = {
    e0: fit.coef[i0],
    e1: fit.coef[i1],
    v00: fit.vcov[i0][i0],
    v01: fit.vcov[i0][i1],
    v11: fit.vcov[i1][i1],
    df,
    tcrit: tc,
    min: Math.min(...mv),
    max: Math.max(...mv),
  };
  const roots = johnsonNeymanRoots(line.e0, line.e1, line.v00, line.v01, line.v11, tc).filter((r) => r >= line.min && r <= line.max);
  const points = roots.map((value) => {
    let below = 0;
    let above = 0;
    for (let i = 0; i < n; i++) {
      if (mv[i] < value) below++;
      else if (mv[i] > value) above++;
    }
    return { value, pctBelow: (100 * below) / n, pctAbove: (100 * above) / n };
  });
  const values: number[] = [];
  for (let i = 0; i <= 20; i++) values.push(line.min + ((line.max - line.min) * i) / 20);
  values.push(...roots);
  values.sort((a, b) => a - b);
  const table: ConditionalRow[] = values.map((v) => {
    const est = line.e0 + v * line.e1;
    const se = Math.sqrt(line.v00 + 2 * v * line.v01 + v * v * line.v11);
    const t = est / se;
    return { at: { [modRole]: v }, effect: est, se, t, p: twoSidedP_t(t, df), llci: est - tc * se, ulci: est + tc * se };
  });
  return { moderator: modRole, moderatorName: ctx.roleName[modRole], points, table, line, kind: model === 1 ? "effect" : "interaction" };
}
