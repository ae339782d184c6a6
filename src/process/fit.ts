/**
 * PROCESS's fitting stage: each equation by OLS (optionally with an HC covariance matrix), its
 * model summary (R, R², MSE, F), the test of its highest-order interaction(s) (ΔR² and F, or the
 * Wald F with the HC matrix, as PROCESS does when hc is set), and the total effect model of
 * models 4 and 6.
 *
 * F = (R²/k) / ((1 − R²)/df) for k slopes, or F = bᵀV⁻¹b / k (Wald) with an HC matrix V;
 * the interaction's F = (ΔR²/q) / ((1 − R²)/df) for q products dropped.
 *
 * Hayes, A. F. (2022). Introduction to Mediation, Moderation, and Conditional Process Analysis
 * (3rd ed.). Guilford. §7.2, Appendix A (hc).
 *
 * @example
 * const fitted = ctx.equations.map((spec) => fitEquation(ctx, spec));
 */
import { olsCore, type OlsCoreFit } from "../regression/ols-core";
import { pf, twoSidedP_t, waldF } from "../math";
import { conditionalEffects, johnsonNeyman } from "./conditional";
import type { ProcessContext } from "./context";
import type { EquationSpec } from "./design";
import type { Term } from "./models";
import type { Coefficient, EquationResult, InteractionTest } from "./types";

/** An equation as fitted: its columns in the master matrix (intercept first), coefficients and covariance. */
export interface FittedEquation {
  role: string;
  terms: Term[];
  columns: number[];
  coef: Float64Array;
  vcov: number[][];
  df: number;
  result: EquationResult;
}

/** Coefficient rows with t(df) p-values and intervals. */
export function coefficientRows(names: string[], fit: OlsCoreFit, tc: number): Coefficient[] {
  const df = fit.df;
  return names.map((term, i) => {
    const se = fit.se[i];
    const t = fit.coef[i] / se;
    return { term, coeff: fit.coef[i], se, t, p: twoSidedP_t(t, df), llci: fit.coef[i] - tc * se, ulci: fit.coef[i] + tc * se };
  });
}

/** R, R², MSE and the omnibus F of the k slopes (Wald F with an HC matrix). */
export function modelSummary(fit: OlsCoreFit, k: number, hc: unknown): EquationResult["summary"] {
  const df = fit.df;
  const F = hc
    ? waldF(
        fit.coef,
        fit.vcov,
        Array.from({ length: k }, (_, i) => i + 1),
      )
    : fit.r2 / k / ((1 - fit.r2) / df);
  return { R: Math.sqrt(fit.r2), r2: fit.r2, mse: fit.rss / df, F, df1: k, df2: df, p: pf(F, k, df, false) };
}

/**
 * Tests of the highest-order unconditional interaction(s): each product of the highest order, and
 * in model 2 both X×W and X×Z together ("BOTH").
 */
function interactionTests(ctx: ProcessContext, spec: EquationSpec, columns: number[], names: string[], fit: OlsCoreFit): InteractionTest[] {
  const { hc } = ctx.cfg;
  const df = fit.df;
  const maxOrder = Math.max(...spec.terms.map((t) => t.length));
  const testSets: { label: string; idx: number[] }[] = [];
  if (maxOrder > 1) {
    spec.terms.forEach((t, i) => {
      if (t.length === maxOrder) testSets.push({ label: t.map((f) => (f.startsWith("C:") ? f.slice(2) : f)).join("*"), idx: [i + 1] });
    });
    if (ctx.cfg.model === 2 && spec.outcome === "Y") testSets.push({ label: "BOTH", idx: testSets.map((s) => s.idx[0]) });
  }
  return testSets.map((ts) => {
    const keep = columns.filter((_, j) => !ts.idx.includes(j));
    const red = olsCore(
      keep.map((c) => ctx.master[c]),
      ctx.col[spec.outcome],
      { names: names.filter((_, j) => !ts.idx.includes(j)) },
    );
    const r2chng = fit.r2 - red.r2;
    const q = ts.idx.length;
    const Fi = hc ? waldF(fit.coef, fit.vcov, ts.idx) : r2chng / q / ((1 - fit.r2) / df);
    return { label: ts.label, r2chng, F: Fi, df1: q, df2: df, p: pf(Fi, q, df, false) };
  });
}

/** Fits one equation of the model and everything PROCESS reports with it. */
export function fitEquation(ctx: ProcessContext, spec: EquationSpec): FittedEquation {
  const columns = [0, ...spec.terms.map((t) => ctx.colIndex.get(t.join("*"))!)];
  let intCount = 0;
  const productKey: { label: string; factors: string[] }[] = [];
  const termNames = spec.terms.map((t) => {
    if (t.length === 1) return ctx.displayName(t[0]);
    const label = `Int_${++intCount}`;
    productKey.push({ label, factors: t.map(ctx.displayName) });
    return label;
  });
  const names = ["constant", ...termNames];
  const fit = olsCore(
    columns.map((c) => ctx.master[c]),
    ctx.col[spec.outcome],
    { hc: ctx.cfg.hc, names },
  );
  const df = fit.df;
  const tc = ctx.tcrit(df);
  const coefficients = coefficientRows(names, fit, tc);
  const summary = modelSummary(fit, spec.terms.length, ctx.cfg.hc);
  const tests = interactionTests(ctx, spec, columns, names, fit);
  const conditional = conditionalEffects(ctx, spec, fit, tests);
  const jn = johnsonNeyman(ctx, spec, fit);
  const result: EquationResult = {
    role: spec.outcome,
    outcome: ctx.displayName(spec.outcome),
    terms: spec.terms,
    summary,
    coefficients,
    productKey,
    interactionTests: tests,
    conditional,
    jn,
    vcov: fit.vcov,
  };
  return { role: spec.outcome, terms: spec.terms, columns, coef: fit.coef, vcov: fit.vcov, df, result };
}

/** Total effect model (models 4 and 6): Y on X and the covariates that enter the Y equation. */
export function fitTotalEffectModel(ctx: ProcessContext, yTerms: Term[]): EquationResult {
  const tTerms: Term[] = [["X"], ...yTerms.filter((t) => t[0].startsWith("C:"))];
  const columns = [0, ...tTerms.map((t) => ctx.colIndex.get(t[0])!)];
  const names = ["constant", ...tTerms.map((t) => ctx.displayName(t[0]))];
  const fit = olsCore(
    columns.map((c) => ctx.master[c]),
    ctx.col.Y,
    { hc: ctx.cfg.hc, names },
  );
  return {
    role: "Y",
    outcome: ctx.roleName.Y,
    terms: tTerms,
    summary: modelSummary(fit, tTerms.length, ctx.cfg.hc),
    coefficients: coefficientRows(names, fit, ctx.tcrit(fit.df)),
    productKey: [],
    interactionTests: [],
    conditional: [],
    vcov: fit.vcov,
  };
}
