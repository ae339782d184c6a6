/**
 * Analytic power of the t (or partial F) test of regression coefficients, for checking the Monte
 * Carlo engine and for quick sizing.
 *
 * The test of u coefficients in a regression with k predictors and N cases has, under the
 * alternative, a noncentral F(u, v = N − k − 1, λ) distribution with λ = f² · N (Cohen, 1988,
 * §9.3; Faul, Erdfelder, Buchner & Lang, 2009, the G*Power convention), where Cohen's
 * f² = ΔR² / (1 − R²_full). For u = 1 this is exactly the two-sided t test with noncentrality
 * δ = √λ, because T'² ~ F'(1, v, δ²). λ = f²·N treats the predictors as fixed; with random
 * (normal) predictors the exact power differs by O(1/N), well inside Monte Carlo error at the
 * sizes surveys use.
 *
 * The noncentral F upper tail is the Poisson mixture (Johnson, Kotz & Balakrishnan, 1995, ch. 30)
 *   P(F' > f) = Σ_j e^{−λ/2} (λ/2)^j / j! · I_{1−x}(v/2, u/2 + j),   x = u f / (u f + v),
 * summed outward from the Poisson mode until the weights are negligible. The regularized incomplete
 * beta and log-gamma are the shared ones in src/math/special.ts.
 */
import { PathlabError } from "../errors";
import { checkOptions, type OptionSpecs } from "../options";
import { qf } from "../math/distributions";
import { incBeta, lgamma } from "../math/special";

/** Upper quantile of the central F: the f with P(F > f) = alpha. */
export function fCritical(alpha: number, df1: number, df2: number): number {
  return qf(alpha, df1, df2, false);
}

/**
 * Upper tail of the noncentral F, P(F'(df1, df2, ncp) > f), as a Poisson mixture of beta tails.
 * Matches R's `pf(f, df1, df2, ncp, lower.tail = FALSE)`.
 */
export function pfNoncentralUpper(f: number, df1: number, df2: number, ncp: number): number {
  if (!(df1 > 0) || !(df2 > 0) || !(ncp >= 0)) {
    throw new PathlabError(`Noncentral F needs df1 > 0, df2 > 0 and ncp ≥ 0 (got ${df1}, ${df2}, ${ncp}).`, {
      hint: "df1 and df2 are degrees of freedom; ncp = f²·N.",
      code: "power.bad-argument",
    });
  }
  if (f <= 0) return 1;
  const x = (df1 * f) / (df1 * f + df2);
  const half = ncp / 2;
  if (half === 0) return incBeta(x, df1 / 2, df2 / 2, false);
  const mode = Math.floor(half);
  const logW = (j: number) => -half + j * Math.log(half) - lgamma(j + 1);
  let sum = 0;
  for (let j = mode; ; j++) {
    const w = Math.exp(logW(j));
    sum += w * incBeta(x, df1 / 2 + j, df2 / 2, false);
    if (j > mode + 5 && w < 1e-17) break;
  }
  for (let j = mode - 1; j >= 0; j--) {
    const w = Math.exp(logW(j));
    sum += w * incBeta(x, df1 / 2 + j, df2 / 2, false);
    if (w < 1e-17) break;
  }
  return Math.min(1, sum);
}

/** The design of an analytic regression power calculation: effect size f², n, predictors in the model and tested, α. */
export interface RegressionPowerSpec {
  /** Cohen's f² of the tested coefficient(s): ΔR² / (1 − R²_full). */
  f2: number;
  /** Sample size. */
  n: number;
  /** Number of predictors in the full model (not counting the intercept). */
  predictors: number;
  /** Number of coefficients tested jointly (1 = the t test of one coefficient). Default 1. */
  tested?: number;
  /** Significance level (two-sided for a single coefficient). Default .05. */
  alpha?: number;
}

/**
 * Power of the test of `tested` regression coefficients (the t test when tested = 1):
 * P(F'(u, N − k − 1, λ = f²·N) > F_crit(1 − α; u, N − k − 1)) (Cohen, 1988, ch. 9; G*Power's
 * "linear multiple regression: fixed model, R² increase").
 */
const REGRESSION_POWER_OPTIONS: OptionSpecs = {
  f2: { kind: "number", min: 0, description: "Cohen's f²" },
  n: { kind: "number", min: 1, integer: true },
  predictors: { kind: "number", min: 1, integer: true },
  tested: { kind: "number", min: 1, integer: true },
  alpha: { kind: "number", min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, rangeHint: "alpha is a significance level such as 0.05 (not 5)." },
};

function checkRegressionSpec(fn: string, spec: object, extra: OptionSpecs = {}): void {
  const o = checkOptions<Partial<RegressionPowerSpec>>(fn, spec, { ...REGRESSION_POWER_OPTIONS, ...extra });
  for (const k of ["f2", "predictors"] as const) {
    if (o[k] === undefined) throw new PathlabError(`${fn}() needs ${k}.`, { hint: "e.g. { f2: 0.02, predictors: 3 }", code: "options.missing" });
  }
  if (o.tested !== undefined && o.tested > o.predictors!) {
    throw new PathlabError(`${fn}(): tested = ${o.tested} coefficients but the model has only ${o.predictors} predictors.`, {
      hint: "tested counts the coefficients tested jointly, at most the number of predictors.",
      code: "options.bad-value",
    });
  }
}

/**
 * Power of the F test of q predictors in a regression of n cases for effect size f² (Cohen 1988, noncentral F).
 *
 * @example
 * regressionPower({ f2: 0.02, n: 300, predictors: 6, tested: 1 })   // power of one added predictor
 */
export function regressionPower(spec: RegressionPowerSpec): number {
  checkRegressionSpec("regressionPower", spec);
  if (spec.n === undefined)
    throw new PathlabError("regressionPower() needs n.", {
      hint: "For the N that reaches a target power use regressionSampleSize().",
      code: "options.missing",
    });
  const u = spec.tested ?? 1;
  const alpha = spec.alpha ?? 0.05;
  const v = spec.n - spec.predictors - 1;
  if (!(spec.f2 >= 0))
    throw new PathlabError(`f2 must be ≥ 0, got ${spec.f2}.`, { hint: "f² = ΔR²/(1 − R²): .02 small, .15 medium, .35 large.", code: "power.bad-argument" });
  if (!(v >= 1)) {
    throw new PathlabError(`n = ${spec.n} leaves ${v} residual degrees of freedom with ${spec.predictors} predictors.`, {
      hint: "The sample size must exceed the number of predictors + 1.",
      code: "power.bad-argument",
    });
  }
  if (!(alpha > 0 && alpha < 1))
    throw new PathlabError(`alpha must lie in (0, 1), got ${alpha}.`, { hint: "Write alpha: 0.05 for a 5% level.", code: "power.bad-argument" });
  const crit = fCritical(alpha, u, v);
  return pfNoncentralUpper(crit, u, v, spec.f2 * spec.n);
}

/**
 * Smallest N with `regressionPower` ≥ `power` (default .80), by a search over N. Returns the N
 * and the power achieved at it.
 */
export function regressionSampleSize(spec: Omit<RegressionPowerSpec, "n"> & { power?: number }): { n: number; power: number } {
  checkRegressionSpec("regressionSampleSize", spec, {
    n: { kind: "custom", unsupported: "regressionSampleSize() finds n; use regressionPower() for the power at a given n." },
    power: { kind: "number", min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, rangeHint: "power is a proportion such as 0.80 (not 80)." },
  });
  const target = spec.power ?? 0.8;
  const base = { f2: spec.f2, predictors: spec.predictors, tested: spec.tested, alpha: spec.alpha };
  if (!(spec.f2 > 0))
    throw new PathlabError(`f2 must be > 0 to reach a target power, got ${spec.f2}.`, {
      hint: "With f² = 0 the power equals alpha at every N.",
      code: "power.bad-argument",
    });
  let lo = spec.predictors + 2;
  let hi = lo;
  while (regressionPower({ ...base, n: hi }) < target) {
    hi *= 2;
    if (hi > 1e8)
      throw new PathlabError(`No N below 1e8 reaches power ${target} for f2 = ${spec.f2}.`, {
        hint: "The effect is too small to detect with any realistic sample; check f2.",
        code: "power.bad-argument",
      });
  }
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (regressionPower({ ...base, n: mid }) >= target) hi = mid;
    else lo = mid + 1;
  }
  return { n: hi, power: regressionPower({ ...base, n: hi }) };
}
