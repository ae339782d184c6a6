/**
 * PROCESS's effects stage for models with mediators: the total effect (models 4 and 6), the direct
 * effect of X (conditional on W where X×W is in the Y equation), and every quantity whose interval
 * comes from resampling — indirect effects as products of path effects along each X → … → Y path,
 * their total and pairwise contrasts (`contrast`), partially and completely standardized indirect
 * effects (`stand`: ab/SD_Y and ab·SD_X/SD_Y), and indices of moderated mediation (the slope of an
 * indirect effect in a moderator that enters one of its edges) — with the Sobel and Aroian tests
 * (`normal`, model 4).
 *
 * Hayes, A. F. (2022). Introduction to Mediation, Moderation, and Conditional Process Analysis
 * (3rd ed.). Guilford. Ch. 4–5 (indirect effects, contrasts, standardization), Ch. 11–12 (index of
 * moderated mediation). Sobel (1982); Aroian (1947).
 *
 * @example
 * const effects = mediationEffects(ctx, fitted, sdX, sdY);
 * effects.quantities.map((q) => q.key) // ["ind:0:{}", "ind:1:{}", "ind:total", …]
 */
import { twoSidedP_z } from "../math";
import { linearEffect } from "./conditional";
import type { ProcessContext } from "./context";
import { distinct } from "./design";
import { compilePath, effectGradient, enumeratePaths, pathModerators, pathValue, type CompiledPath } from "./effects";
import { fitTotalEffectModel, type FittedEquation } from "./fit";
import type { EffectRow, EquationResult, IndexRow, IndirectRow, NormalTest } from "./types";

/** A resampled quantity's value on one draw: coefficients from `base` of `c`, the draw's SDs of X and Y from `sb` of `s`. */
export type QuantityFn = (c: Float64Array, base: number, s: Float64Array, sb: number) => number;

/** A quantity whose interval comes from the bootstrap or Monte Carlo draws. */
export interface Quantity {
  key: string;
  estimate: number;
  fn: QuantityFn;
}

export interface StandardizedEffects {
  label: string;
  kind: "partially" | "completely";
  rows: IndirectRow[];
}

/** Everything the effects stage gives: rows to report and the quantities to resample. */
export interface MediationEffects {
  totalEffectModel?: EquationResult;
  totalEffect?: EffectRow;
  directEffects: EffectRow[];
  indirect: IndirectRow[];
  indices: IndexRow[];
  standardized: StandardizedEffects[];
  normalTests: NormalTest[];
  contrastKey: { label: string; text: string }[];
  quantities: Quantity[];
  indirectPaths: CompiledPath[];
  /** Length of one draw's coefficient vector (all equations). */
  stride: number;
}

type PathLabel = (cp: CompiledPath, i: number) => string;

/** Direct effect of X: the derivative of the Y equation in X, at each combination of X's moderators there. */
function directEffectRows(ctx: ProcessContext, yFit: FittedEquation): EffectRow[] {
  const xMods = Array.from(new Set(yFit.terms.filter((t) => t.length > 1 && t.includes("X")).flatMap((t) => t.filter((v) => v !== "X"))));
  const tcY = ctx.tcrit(yFit.df);
  const yEq = { outcome: yFit.role, terms: yFit.terms };
  return ctx.grid(xMods).map((at) => ({ label: "Direct effect", ...linearEffect(effectGradient(yEq, "X", at), yFit.coef, yFit.vcov, yFit.df, tcY, at) }));
}

/** Indirect effects of each path at its moderators' probe values; with unmoderated paths their total and contrasts. */
function indirectQuantities(ctx: ProcessContext, compiled: CompiledPath[], point: Float64Array, pathLabel: PathLabel) {
  const { contrast } = ctx.cfg;
  const quantities: Quantity[] = [];
  const indirect: IndirectRow[] = [];
  const contrastKey: { label: string; text: string }[] = [];
  compiled.forEach((cp, i) => {
    const mods = pathModerators(cp).sort();
    for (const at of ctx.grid(mods)) {
      const key = `ind:${i}:${JSON.stringify(at)}`;
      quantities.push({ key, estimate: pathValue(cp, point, 0, at), fn: (c, b) => pathValue(cp, c, b, at) });
      indirect.push({ label: pathLabel(cp, i), path: cp.path, at, effect: pathValue(cp, point, 0, at), key });
    }
  });
  const unmodPaths = compiled.every((cp) => pathModerators(cp).length === 0);
  if (!(unmodPaths && compiled.length > 1)) return { quantities, indirect, contrastKey };
  const fnTot = (c: Float64Array, b: number) => compiled.reduce((s, cp) => s + pathValue(cp, c, b, {}), 0);
  const est = fnTot(point, 0);
  quantities.push({ key: "ind:total", estimate: est, fn: fnTot });
  indirect.unshift({ label: "TOTAL", at: {}, effect: est, key: "ind:total" });
  if (contrast === 0) return { quantities, indirect, contrastKey };
  let ci = 0;
  for (let i = 0; i < compiled.length; i++)
    for (let j = i + 1; j < compiled.length; j++) {
      const a = compiled[i];
      const bcp = compiled[j];
      const fn =
        contrast === 1
          ? (c: Float64Array, b: number) => pathValue(a, c, b, {}) - pathValue(bcp, c, b, {})
          : (c: Float64Array, b: number) => Math.abs(pathValue(a, c, b, {})) - Math.abs(pathValue(bcp, c, b, {}));
      const label = `(C${++ci})`;
      const key = `contrast:${ci}`;
      quantities.push({ key, estimate: fn(point, 0), fn });
      indirect.push({ label, at: {}, effect: fn(point, 0), key });
      contrastKey.push({ label, text: contrast === 1 ? `${pathLabel(a, i)} minus ${pathLabel(bcp, j)}` : `|${pathLabel(a, i)}| minus |${pathLabel(bcp, j)}|` });
    }
  return { quantities, indirect, contrastKey };
}

/** Partially (ab/SD_Y) and, for a continuous X, completely (ab·SD_X/SD_Y) standardized indirect effects; adds their quantities. */
function standardizedQuantities(ctx: ProcessContext, indirect: IndirectRow[], quantities: Quantity[], sdX: number, sdY: number): StandardizedEffects[] {
  const standardized: StandardizedEffects[] = [];
  const base = indirect.filter((r) => !r.label.startsWith("(C"));
  const kinds: ("partially" | "completely")[] = ctx.dichotomous("X") ? ["partially"] : ["partially", "completely"];
  for (const kind of kinds) {
    const rows: IndirectRow[] = [];
    for (const r of base) {
      const q = quantities.find((x) => x.key === r.key)!;
      const key = `${kind}:${r.key}`;
      const fn: QuantityFn = kind === "partially" ? (c, b, s, sb) => q.fn(c, b, s, sb) / s[sb + 1] : (c, b, s, sb) => (q.fn(c, b, s, sb) * s[sb]) / s[sb + 1];
      const est = kind === "partially" ? r.effect / sdY : (r.effect * sdX) / sdY;
      quantities.push({ key, estimate: est, fn });
      rows.push({ label: r.label, path: r.path, at: {}, effect: est, key });
    }
    standardized.push({
      label: kind === "partially" ? "Partially standardized indirect effect(s) of X on Y" : "Completely standardized indirect effect(s) of X on Y",
      kind,
      rows,
    });
  }
  return standardized;
}

/**
 * Index of moderated mediation: the slope of a path's indirect effect in a moderator that enters
 * exactly one of its edges (linear in that moderator), conditional on any other moderator; for a
 * dichotomous moderator in several edges, the difference between its two values. Adds the quantities.
 */
function indexQuantities(ctx: ProcessContext, compiled: CompiledPath[], point: Float64Array, pathLabel: PathLabel, quantities: Quantity[]): IndexRow[] {
  const indices: IndexRow[] = [];
  compiled.forEach((cp, i) => {
    for (const v of pathModerators(cp).sort()) {
      const edgesWith = cp.moderatorsByEdge.filter((m) => m.includes(v)).length;
      const others = pathModerators(cp)
        .filter((o) => o !== v)
        .sort();
      if (edgesWith === 1) {
        for (const at of ctx.grid(others)) {
          const fn = (c: Float64Array, b: number) => pathValue(cp, c, b, { ...at, [v]: 1 }) - pathValue(cp, c, b, { ...at, [v]: 0 });
          const key = `index:${i}:${v}:${JSON.stringify(at)}`;
          quantities.push({ key, estimate: fn(point, 0), fn });
          indices.push({ label: pathLabel(cp, i), moderator: v, at, index: fn(point, 0), key });
        }
      } else if (ctx.dichotomous(v) && others.length === 0) {
        const [lo, hi] = distinct(ctx.col[v]);
        const fn = (c: Float64Array, b: number) => pathValue(cp, c, b, { [v]: hi }) - pathValue(cp, c, b, { [v]: lo });
        const key = `index:${i}:${v}:diff`;
        quantities.push({ key, estimate: fn(point, 0), fn });
        indices.push({ label: pathLabel(cp, i), moderator: v, at: {}, index: fn(point, 0), key });
      }
    }
  });
  return indices;
}

/** Normal-theory tests of ab (model 4): Sobel's first-order and Aroian's second-order SEs. */
function normalTheoryTests(ctx: ProcessContext, compiled: CompiledPath[], fitted: FittedEquation[]): NormalTest[] {
  const yFit = fitted[fitted.length - 1];
  return compiled.map((cp) => {
    const mEq = fitted.find((f) => f.role === cp.path[1])!;
    const ia = mEq.terms.findIndex((t) => t.length === 1 && t[0] === "X") + 1;
    const ib = yFit.terms.findIndex((t) => t.length === 1 && t[0] === cp.path[1]) + 1;
    const a = mEq.coef[ia];
    const sa2 = mEq.vcov[ia][ia];
    const b = yFit.coef[ib];
    const sb2 = yFit.vcov[ib][ib];
    const ab = a * b;
    const sobelSE = Math.sqrt(a * a * sb2 + b * b * sa2);
    const aroianSE = Math.sqrt(a * a * sb2 + b * b * sa2 + sa2 * sb2);
    return {
      label: ctx.displayName(cp.path[1]),
      effect: ab,
      sobelSE,
      sobelZ: ab / sobelSE,
      sobelP: twoSidedP_z(ab / sobelSE),
      aroianSE,
      aroianZ: ab / aroianSE,
      aroianP: twoSidedP_z(ab / aroianSE),
    };
  });
}

/** The effects stage (see the module comment); `sdX`, `sdY` scale the standardized effects. */
export function mediationEffects(ctx: ProcessContext, fitted: FittedEquation[], sdX: number, sdY: number): MediationEffects {
  const { model } = ctx.cfg;
  const offsets: number[] = [];
  let stride = 0;
  for (const f of fitted) {
    offsets.push(stride);
    stride += f.coef.length;
  }
  const point = new Float64Array(stride);
  fitted.forEach((f, e) => point.set(f.coef, offsets[e]));
  const yFit = fitted[fitted.length - 1];
  const unmoderated = model === 4 || model === 6;

  let totalEffectModel: EquationResult | undefined;
  let totalEffect: EffectRow | undefined;
  if (unmoderated) {
    totalEffectModel = fitTotalEffectModel(ctx, yFit.terms);
    const c = totalEffectModel.coefficients[1];
    totalEffect = { label: "Total effect", at: {}, effect: c.coeff, se: c.se, t: c.t, p: c.p, llci: c.llci, ulci: c.ulci };
  }
  const directEffects = directEffectRows(ctx, yFit);

  const effEqs = fitted.map((f) => ({ outcome: f.role, terms: f.terms }));
  const compiled = enumeratePaths(effEqs)
    .filter((p) => p.length > 2)
    .map((p) => compilePath(p, effEqs, offsets));
  const pathLabel: PathLabel = (cp, i) => (model === 6 ? `Ind${i + 1}` : ctx.displayName(cp.path[1]));
  const { quantities, indirect, contrastKey } = indirectQuantities(ctx, compiled, point, pathLabel);
  const standardized = unmoderated && ctx.cfg.stand ? standardizedQuantities(ctx, indirect, quantities, sdX, sdY) : [];
  const indices = indexQuantities(ctx, compiled, point, pathLabel, quantities);
  const normalTests = ctx.cfg.normal && model === 4 ? normalTheoryTests(ctx, compiled, fitted) : [];
  return {
    totalEffectModel,
    totalEffect,
    directEffects,
    indirect,
    indices,
    standardized,
    normalTests,
    contrastKey,
    quantities,
    indirectPaths: compiled,
    stride,
  };
}
