/**
 * `process()` — conditional process analysis as Hayes' PROCESS macro (v4) does it: a model number
 * selects a template of regression equations (see models.ts), each equation is fitted by OLS, and
 * effects are built from the coefficients — conditional effects with t-based intervals, indirect
 * effects with bootstrap (or Monte Carlo) intervals.
 *
 * Hayes, A. F. (2022). Introduction to Mediation, Moderation, and Conditional Process Analysis
 * (3rd ed.). Guilford. Appendix A documents the options reproduced here.
 */
import type { PathlabWarning } from "../errors";
import { variance } from "../math";
import { buildDesign, assignRoles } from "./design";
import { processContext } from "./context";
import { fitEquation } from "./fit";
import { mediationEffects, type MediationEffects } from "./mediation";
import { resampleEffects } from "./resample";
import { processConfig } from "./options";
import { processMcx, type McxOptions, type McxResult } from "./mcx";
import { processMcxModeration, type McxModerationResult } from "./mcx-moderation";
import { ProcessResult } from "./result";
import type { ProcessOptions } from "./types";

/**
 * Runs a PROCESS model. See `ProcessOptions` for the options (PROCESS's names and defaults).
 *
 * Equations: each mediator Mᵢ and Y regressed by OLS on the template's terms plus covariates;
 * conditional effects θ(W) = gᵀb with SE √(gᵀVg) and t(df_residual) intervals; indirect effects
 * as products of path effects with percentile (or bias-corrected) bootstrap intervals from B
 * resamples of the rows, or Monte Carlo intervals from draws of b ~ N(b̂, V̂).
 *
 * The stages: options (options.ts) → roles and design (design.ts) → probe values (context.ts) →
 * fit and probe each equation (fit.ts, conditional.ts) → effects (mediation.ts) → resampling
 * (resample.ts) → the result (result.ts).
 *
 * @example
 * process({ data: df, model: 4, x: "training", m: "engagement", y: "performance", cov: ["age"], boot: 5000, seed: 1 })
 */
export function process(options: ProcessOptions & { mcx?: 0 }): ProcessResult;
export function process(options: McxOptions & { model: 1 | "1" }): McxModerationResult;
export function process(options: McxOptions): McxResult;
// Repeated last so that ReturnType<typeof process> (used in notebooks) stays ProcessResult.
export function process(options: ProcessOptions & { mcx?: 0 }): ProcessResult;
export function process(options: ProcessOptions & { mcx?: number }): ProcessResult | McxResult | McxModerationResult {
  const cfg = processConfig(options);
  if (cfg.mcx > 0) return cfg.model === 1 ? processMcxModeration(cfg, options) : processMcx(cfg, options);
  const warnings: PathlabWarning[] = [...cfg.warnings];
  const design = buildDesign(cfg, options, assignRoles(cfg));
  const ctx = processContext(cfg, design, warnings);
  const fitted = ctx.equations.map((spec) => fitEquation(ctx, spec));

  const { col, roleName } = ctx;
  const sdX = Math.sqrt(variance(col.X));
  const sdY = Math.sqrt(variance(col.Y));
  let effects: MediationEffects | undefined;
  let resampled: ReturnType<typeof resampleEffects> | undefined;
  if (cfg.ms.length > 0) {
    effects = mediationEffects(ctx, fitted, sdX, sdY);
    resampled = resampleEffects(ctx, fitted, effects, options, [sdX, sdY], warnings);
  }
  const resampling = resampled?.bootDraws ? (cfg.mc > 0 ? "monte carlo" : "bootstrap") : "none";

  return new ProcessResult({
    model: cfg.model,
    modelType: cfg.tpl.type,
    roleName,
    covariates: cfg.covs,
    n: ctx.n,
    dropped: ctx.dropped,
    conf: cfg.conf,
    hc: cfg.hc,
    seed: cfg.seed,
    boot: resampling === "bootstrap" ? cfg.boot : 0,
    mc: resampling === "monte carlo" ? cfg.mc : 0,
    ciMethod: cfg.bc && cfg.mc === 0 ? "bias-corrected" : "percentile",
    centered: ctx.centered,
    probeKinds: ctx.probeKinds,
    probeValues: ctx.probeOf,
    intprobe: cfg.intprobe,
    equations: fitted.map((f) => f.result),
    totalEffectModel: effects?.totalEffectModel,
    showTotalModel: cfg.total,
    totalEffect: effects?.totalEffect,
    directEffects: effects?.directEffects ?? [],
    indirect: effects?.indirect ?? [],
    indirectPaths: effects?.indirectPaths ?? [],
    contrastKey: effects?.contrastKey ?? [],
    standardized: effects?.standardized ?? [],
    normalTests: effects?.normalTests ?? [],
    indices: effects?.indices ?? [],
    draws: resampled?.draws ?? new Map<string, Float64Array>(),
    bootDraws: resampled?.bootDraws,
    warnings,
    stand: cfg.stand,
    sdX,
    sdY,
    // Labels of the variables' values (by role), for tables and figures; the shift undoes centring.
    valueLabels: Object.fromEntries(
      Object.keys(col)
        .map((r) => [r, ctx.labels[roleName[r] ?? r.slice(2)]])
        .filter(([, l]) => l),
    ),
    centerShift: ctx.centerShift,
    codedFactors: ctx.coded,
    // What the figures need to recompute predictions.
    columns: col,
    master: ctx.master,
    colIndex: ctx.colIndex,
  });
}
