/**
 * PROCESS's resampling stage: B bootstrap resamples of the rows (every equation refitted on each)
 * or B Monte Carlo draws of the coefficients from N(b̂, V̂) (Preacher & Selig, 2012), then each
 * quantity of the effects stage evaluated on every draw and summarised as a bootstrap SE and a
 * percentile or bias-corrected interval.
 *
 * Hayes, A. F. (2022). Introduction to Mediation, Moderation, and Conditional Process Analysis
 * (3rd ed.). Guilford. §4.2 (bootstrap), Appendix A (boot, mc, bc, seed).
 *
 * @example
 * const { draws, bootDraws } = resampleEffects(ctx, fitted, effects, { sdX, sdY, warnings, onProgress: undefined });
 */
import type { PathlabWarning } from "../errors";
import { checkMemory } from "../resources";
import { progressBar } from "../display/notebook";
import { Rng } from "../simulate/rng";
import { bootstrapCoefficients, monteCarloCoefficients, rowMajor, type BootstrapDraws, type EngineEquation } from "./bootstrap";
import type { ProcessContext } from "./context";
import type { FittedEquation } from "./fit";
import { bootInterval } from "./intervals";
import type { MediationEffects } from "./mediation";
import type { ProcessOptions } from "./types";

/** Resamples × rows above which the bootstrap shows a progress bar (about a second of work). */
const LONG_BOOTSTRAP = 2e7;

/**
 * Refuses, before any work, a resampling request whose draws cannot fit in memory: the coefficients
 * of every equation and every resampled quantity, B numbers each, plus the per-row products.
 */
function checkResamplingMemory(option: "boot" | "mc", B: number, stride: number, quantities: number, n: number, columns: number): void {
  if (B === 0) return;
  const perDraw = stride + quantities + 3; // coefficients, quantities, two SDs, a sort buffer
  const bytes = 8 * B * perDraw + 8 * n * columns * columns;
  const what = option === "mc" ? "Monte Carlo draws" : "bootstrap resamples";
  const largest = 8 * B * stride;
  // One Float64Array holds every draw's coefficients; a typed array cannot exceed 2³² bytes.
  const single = largest > 2 ** 32 ? `, in one array of ${(largest / 2 ** 30).toFixed(1)} GiB (a typed array holds at most 4 GiB)` : "";
  checkMemory(
    bytes,
    `${B.toLocaleString("en-US")} ${what} (${perDraw} numbers each${single})`,
    `Lower ${option}: PROCESS's default of 5000 is plenty for 95% intervals.`,
    largest,
  );
}

/** The draws: bootstrap resamples of the rows (seeded), Monte Carlo draws of the coefficients, or none. */
function drawCoefficients(
  ctx: ProcessContext,
  fitted: FittedEquation[],
  options: ProcessOptions,
  sds: [number, number],
  warnings: PathlabWarning[],
): BootstrapDraws | undefined {
  const { mc, boot, seed, model } = ctx.cfg;
  const gen = new Rng(seed);
  if (mc > 0)
    return monteCarloCoefficients(
      fitted.map((f) => ({ coef: f.coef, vcov: f.vcov })),
      mc,
      gen,
      sds,
    );
  if (boot === 0) return undefined;
  const engineEqs: EngineEquation[] = fitted.map((f) => ({ predictors: f.columns, outcome: ctx.colIndex.get(f.role)! }));
  const z = rowMajor(ctx.master);
  // A long bootstrap shows a progress bar in a notebook unless the caller draws its own.
  const bar = !options.onProgress && boot * ctx.n >= LONG_BOOTSTRAP ? progressBar(boot, `Bootstrap (PROCESS model ${model}, ${boot} resamples)`) : undefined;
  const onProgress = options.onProgress ?? (bar ? (done: number) => bar.update(done) : undefined);
  const sdColumns = [ctx.colIndex.get("X")!, ctx.colIndex.get("Y")!];
  const draws = bootstrapCoefficients(z, ctx.n, ctx.master.length, engineEqs, boot, gen, { onProgress, sdColumns, threads: options.threads });
  bar?.finish();
  if (draws.replaced > 0)
    warnings.push({ code: "process.bootstrap-replaced", message: `${draws.replaced} bootstrap resample(s) had a singular design matrix and were replaced.` });
  return draws;
}

/**
 * Draws, then fills each indirect effect, standardized effect and index with its bootstrap SE and
 * interval (in place) and returns every quantity's draws by key.
 */
export function resampleEffects(
  ctx: ProcessContext,
  fitted: FittedEquation[],
  effects: MediationEffects,
  options: ProcessOptions,
  sds: [number, number],
  warnings: PathlabWarning[],
): { draws: Map<string, Float64Array>; bootDraws?: BootstrapDraws; ciMethod: "bias-corrected" | "percentile" } {
  const { mc, boot, conf } = ctx.cfg;
  const ciMethod = ctx.cfg.bc && mc === 0 ? "bias-corrected" : "percentile";
  const draws = new Map<string, Float64Array>();
  checkResamplingMemory(mc > 0 ? "mc" : "boot", mc > 0 ? mc : boot, effects.stride, effects.quantities.length, ctx.n, ctx.master.length);
  const bootDraws = drawCoefficients(ctx, fitted, options, sds, warnings);
  if (!bootDraws) return { draws, ciMethod };
  const B = bootDraws.B;
  for (const q of effects.quantities) {
    const v = new Float64Array(B);
    for (let b = 0; b < B; b++) v[b] = q.fn(bootDraws.coefs, b * bootDraws.stride, bootDraws.sds, b * 2);
    draws.set(q.key, v);
  }
  const fill = (r: { key: string; bootSE?: number; llci?: number; ulci?: number }, est: number) => {
    const ci = bootInterval(draws.get(r.key)!, conf, est, ciMethod === "bias-corrected");
    r.bootSE = ci.se;
    r.llci = ci.lower;
    r.ulci = ci.upper;
  };
  for (const r of effects.indirect) fill(r, r.effect);
  for (const s of effects.standardized) for (const r of s.rows) fill(r, r.effect);
  for (const r of effects.indices) fill(r, r.index);
  if ((mc > 0 ? mc : boot) < 1000 && conf >= 95)
    warnings.push({
      code: "process.few-resamples",
      message: `Only ${B} ${mc > 0 ? "Monte Carlo draws" : "bootstrap resamples"} for ${conf}% ${ciMethod} intervals: the interval bounds rest on about ${Math.round((B * (100 - conf)) / 200)} values in each tail. Use at least 5000.`,
    });
  return { draws, bootDraws, ciMethod };
}
