/**
 * Ordinary least squares regression on a data table, reported as papers report it: B, SE, β,
 * t, p and the confidence interval per term, VIFs, R², adjusted R², the overall F test and MSE.
 */
import type { TableInput } from "../data/table-input";
import { designColumns, weightedFit, type FactorCoding } from "./design";
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import { formatNumber } from "../display/format";
import { CONF_OPTION, MISSING_OPTION, NAME_OPTION, NAMES_OPTION, checkSpec, pText } from "./internal";
import { checkOptions, type OptionSpecs } from "../options";
import { pf, qt, sd, twoSidedP_t, waldF } from "../math";
import { HC_OPTION, olsCore, type HcType, type OlsCoreFit } from "./ols-core";

/** One row of a coefficient table. */
export interface RegressionCoefficient {
  term: string;
  estimate: number;
  se: number;
  t: number;
  p: number;
  lower: number;
  upper: number;
  /** Standardised coefficient b·s_x/s_y (null for the intercept). */
  beta: number | null;
  /** Variance inflation factor 1/(1 − R²_j) (null for the intercept or a single predictor model without intercept). */
  vif: number | null;
}

/** What `ols` fits: the outcome, the predictors, and options (intercept, HC covariance, confidence level, missing values). */
export interface OlsSpec {
  /** Outcome variable. */
  y: string;
  /** Predictor variables (columns of the data). */
  x: string[];
  /** Heteroscedasticity-consistent standard errors (sandwich::vcovHC types, any case: "HC3" or "hc3"). */
  hc?: HcType | Lowercase<HcType>;
  /** Include an intercept (default true). */
  intercept?: boolean;
  /** Codes that mean missing, e.g. [99, -9]. */
  missing?: number[];
  /** Confidence level of the coefficient intervals (default 0.95). */
  conf?: number;
  /**
   * Case weights as lm's `weights`: a column name or one number per row (weighted least squares,
   * minimising Σ w e²; rows with a missing weight are dropped, zero weights leave the fit and the
   * df, negative weights are an error).
   */
  weights?: string | ArrayLike<number>;
}

/** A fitted regression, with the numbers as fields and a coefficient table when displayed. */
export class RegressionResult extends Result {
  readonly coefficients: RegressionCoefficient[];
  readonly r2: number;
  readonly adjR2: number;
  /** Overall F test of all slopes (a Wald F on the HC covariance when `hc` is set). */
  readonly F: number;
  readonly df1: number;
  readonly df2: number;
  readonly pF: number;
  /** Residual mean square RSS/(n − p). */
  readonly mse: number;
  /** Residual standard error √MSE. */
  readonly sigma: number;
  readonly rss: number;
  readonly n: number;
  readonly dropped: number;
  readonly y: string;
  readonly x: string[];
  readonly hc?: HcType;
  readonly conf: number;
  /** Covariance matrix of the estimates (HC when `hc` is set), in the order of `coefficients`. */
  readonly vcov: number[][];
  readonly residuals: Float64Array;
  readonly fitted: Float64Array;
  /** True for a weighted (lm weights) fit. */
  weighted = false;
  /** Text predictors and how they were dummy-coded (reference = the omitted first level). */
  factors: FactorCoding[] = [];

  constructor(init: {
    coefficients: RegressionCoefficient[];
    fit: OlsCoreFit;
    F: number;
    df1: number;
    pF: number;
    n: number;
    dropped: number;
    y: string;
    x: string[];
    hc?: HcType;
    conf: number;
    intercept: boolean;
  }) {
    super();
    const { fit } = init;
    this.coefficients = init.coefficients;
    this.r2 = fit.r2;
    // As R: the n − 1 becomes n without an intercept (R² is then about zero, not the mean).
    this.adjR2 = 1 - ((1 - fit.r2) * (init.intercept ? fit.n - 1 : fit.n)) / fit.df;
    this.F = init.F;
    this.df1 = init.df1;
    this.df2 = fit.df;
    this.pF = init.pF;
    this.mse = fit.sigma2;
    this.sigma = Math.sqrt(fit.sigma2);
    this.rss = fit.rss;
    this.n = init.n;
    this.dropped = init.dropped;
    this.y = init.y;
    this.x = init.x;
    this.hc = init.hc;
    this.conf = init.conf;
    this.vcov = fit.vcov;
    this.residuals = fit.residuals;
    this.fitted = fit.fitted;
  }

  title(): string {
    return `OLS regression of ${this.y}`;
  }

  info(): string[] {
    const lines = [`N = ${this.n}${this.dropped ? ` (${this.dropped} row${this.dropped === 1 ? "" : "s"} with missing values dropped)` : ""}`];
    for (const f of this.factors)
      lines.push(
        f.reference
          ? `${f.variable}: treatment contrasts (as lm), reference level "${f.reference}"; levels ${f.levels.map((l) => `"${l}"`).join(", ")}.`
          : `${f.variable}: one indicator per level (no intercept, as lm); levels ${f.levels.map((l) => `"${l}"`).join(", ")}.`,
      );
    if (this.weighted) lines.push("Weighted least squares (lm weights): σ² = Σw e²/(n − p); R² from weighted sums of squares; β not reported.");
    return lines;
  }

  tables(): TableSpec[] {
    const ci = Math.round(this.conf * 100);
    const fLabel = this.hc ? `Wald F (${this.hc})` : "F";
    return [
      {
        columns: [
          { key: "term", label: "Term", format: "text" },
          { key: "estimate", label: "B", digits: 3, starsFrom: "p" },
          { key: "se", label: this.hc ? `SE (${this.hc})` : "SE", digits: 3 },
          { key: "beta", label: "β", digits: 3 },
          { key: "t", label: "t", digits: 2 },
          { key: "p", label: "p", format: "p" },
          { key: "lower", label: `${ci}% CI lower`, digits: 3 },
          { key: "upper", label: `${ci}% CI upper`, digits: 3 },
          { key: "vif", label: "VIF", digits: 2 },
        ],
        rows: this.coefficients.map((c) => ({ ...c })),
        notes: [
          `R² = ${formatNumber(this.r2, 3)}, adjusted R² = ${formatNumber(this.adjR2, 3)}, ${fLabel}(${this.df1}, ${this.df2}) = ${formatNumber(this.F, 2)}, p ${pText(this.pF)}, MSE = ${formatNumber(this.mse, 3)}.`,
          "* p < .05, ** p < .01, *** p < .001.",
        ],
      },
    ];
  }
}

const OLS_OPTIONS: OptionSpecs = {
  y: NAME_OPTION,
  x: NAMES_OPTION,
  hc: HC_OPTION,
  intercept: { kind: "boolean" },
  missing: MISSING_OPTION,
  conf: CONF_OPTION,
  weights: {
    kind: "custom",
    check: (v) =>
      typeof v === "string" || (typeof v === "object" && v !== null && typeof (v as ArrayLike<number>).length === "number")
        ? undefined
        : "must be a column name or an array of numbers",
    expected: 'a column name such as "w", or one weight per row',
  },
};

/**
 * OLS regression of `spec.y` on `spec.x` with listwise deletion.
 *
 * Estimates b = (XᵀX)⁻¹Xᵀy with SE from σ²(XᵀX)⁻¹ or the HC sandwich (see olsCore); t = b/SE on
 * n − p df; CI b ± t_{(1+c)/2, n−p}·SE; R² = 1 − RSS/TSS; adjusted R² = 1 − (1 − R²)(n − 1)/(n − p);
 * F = (R²/k)/((1 − R²)/(n − p)) (with HC: the Wald F bᵀV⁻¹b/k on the slopes); β_j = b_j s_j/s_y;
 * VIF_j = 1/(1 − R²_j) = [(X_cᵀX_c)⁻¹]_jj Σ(x_j − x̄_j)² (Fox & Monette 1992). Matches R's
 * `summary(lm())`, `confint()` and `sandwich::vcovHC()`.
 *
 * Text predictors are factors, coded as lm codes them: treatment contrasts with the first level
 * (R's sort order of the levels present in the fitted rows) as the reference and one dummy per
 * other level, named variable + level ("SexMale", "Speciesversicolor"). With `weights`: weighted
 * least squares as lm(weights = w) — b = (XᵀWX)⁻¹XᵀWy, σ² = Σw e²/(n − p), R² with weighted
 * sums of squares about the weighted mean — and the HC covariances as sandwich computes them for a
 * weighted lm (scores w_i e_i x_i, leverages of W^{1/2}X).
 *
 * @example
 * ols(df, { y: "perf", x: ["trust", "commit", "size"], hc: "HC3" })
 */
export function ols(data: TableInput, spec: OlsSpec): RegressionResult {
  spec = checkOptions<OlsSpec>("ols", spec, OLS_OPTIONS);
  checkSpec(spec.y, spec.x);
  const d = designColumns(data, spec.y, spec.x, { missing: spec.missing, weights: spec.weights, intercept: spec.intercept !== false });
  return olsFromColumns(d.y, d.columns, {
    y: spec.y,
    x: d.terms,
    hc: spec.hc as HcType | undefined,
    intercept: spec.intercept !== false,
    conf: spec.conf ?? 0.95,
    dropped: d.dropped,
    weights: d.weights,
    factors: d.factors,
  });
}

/** The OLS result from already-extracted complete-case columns (used by ols and the hierarchical steps). */
export function olsFromColumns(
  y: Float64Array,
  xs: Float64Array[],
  o: { y: string; x: string[]; hc?: HcType; intercept: boolean; conf: number; dropped: number; weights?: Float64Array; factors?: FactorCoding[] },
): RegressionResult {
  const n = y.length;
  const X = o.intercept ? [new Float64Array(n).fill(1), ...xs] : xs;
  const terms = o.intercept ? ["(Intercept)", ...o.x] : [...o.x];
  const fit = o.weights ? weightedFit(X, y, o.weights, o.intercept, o.hc, terms, o.y) : olsCore(X, y, { hc: o.hc, names: terms, yName: o.y });
  const off = o.intercept ? 1 : 0;
  const df = fit.df;
  const tcrit = qt(1 - (1 - o.conf) / 2, df);
  const sy = sd(y);
  const coefficients: RegressionCoefficient[] = terms.map((term, j) => {
    const est = fit.coef[j];
    const se = fit.se[j];
    const t = est / se;
    const isIcpt = o.intercept && j === 0;
    const xj = isIcpt ? undefined : xs[j - off];
    let vif: number | null = null;
    if (!isIcpt && o.intercept) vif = xs.length === 1 ? 1 : fit.vif[j];
    return {
      term,
      estimate: est,
      se,
      t,
      p: twoSidedP_t(t, df),
      lower: est - tcrit * se,
      upper: est + tcrit * se,
      // β of a weighted fit would need weighted SDs, which R users compute in different ways: not reported
      beta: isIcpt || o.weights ? null : (est * sd(xj!)) / sy,
      vif,
    };
  });
  // Overall test of all slopes.
  const k = xs.length;
  let F: number;
  if (k === 0) F = NaN;
  else if (o.hc)
    F = waldF(
      fit.coef,
      fit.vcov,
      Array.from({ length: k }, (_, i) => i + off),
    );
  else F = fit.r2 / k / ((1 - fit.r2) / df); // uncentred R² without an intercept, as R
  const pF = Number.isFinite(F) ? pf(F, k, df, false) : NaN;
  // fit.hc is the canonical spelling ("HC3" for "hc3"), the one computed and shown.
  const result = new RegressionResult({
    coefficients,
    fit,
    F,
    df1: k,
    pF,
    n: fit.n,
    dropped: o.dropped,
    y: o.y,
    x: o.x,
    hc: fit.hc,
    conf: o.conf,
    intercept: o.intercept,
  });
  result.weighted = o.weights !== undefined;
  result.factors = o.factors ?? [];
  if (perfectFit(fit)) {
    result.warnings.push({
      code: "regression.perfect-fit",
      message: `"${o.y}" is fitted essentially perfectly (residual variance below 1e-30 of the fitted values' mean square): standard errors, t and p are unreliable. Is the outcome a function of the predictors (e.g. a total score regressed on its parts)?`,
    });
  }
  return result;
}

/** R's summary.lm test: residual variance < 1e-30 × (mean(f)² + var(f)) of the fitted values f. */
function perfectFit(fit: OlsCoreFit): boolean {
  const f = fit.fitted;
  const n = f.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += f[i];
  m /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (f[i] - m) * (f[i] - m);
  v /= n - 1;
  return fit.sigma2 < (m * m + v) * 1e-30;
}
