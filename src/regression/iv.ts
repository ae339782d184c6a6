/**
 * Instrumental-variable regression: two-stage least squares with first-stage diagnostics, and the
 * Durbin–Wu–Hausman test of endogeneity.
 */
import type { TableInput } from "../data/table-input";
import { numericColumns } from "../data/table-input";
import { PathlabError } from "../errors";
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import { formatNumber } from "../display/format";
import { pf, qt, twoSidedP_t } from "../stats/distributions";
import { olsCore } from "./ols-core";
import { pText } from "./internal";

export interface IvSpec {
  /** Outcome. */
  y: string;
  /** Endogenous regressors. */
  endogenous: string[];
  /** Excluded instruments (at least as many as endogenous regressors). */
  instruments: string[];
  /** Exogenous regressors (included instruments); an intercept is always included. */
  exogenous?: string[];
  missing?: number[];
  conf?: number;
}

/** First-stage regression of one endogenous regressor on all instruments. */
export interface FirstStage {
  variable: string;
  /** F test of the excluded instruments (partial F; "weak instruments" below about 10). */
  F: number;
  df1: number;
  df2: number;
  p: number;
  /** R² of the first-stage regression (exogenous + excluded instruments). */
  r2: number;
  /** Partial R² of the excluded instruments given the exogenous regressors. */
  partialR2: number;
}

/** Durbin–Wu–Hausman test result (regression-based, control-function form). */
export class DurbinWuHausmanResult extends Result {
  constructor(
    readonly F: number,
    readonly df1: number,
    readonly df2: number,
    readonly p: number,
    /** Coefficients of the first-stage residuals in the augmented regression, by endogenous regressor. */
    readonly residualCoefficients: { variable: string; estimate: number; se: number; t: number; p: number }[],
    readonly n: number,
  ) {
    super();
  }
  title(): string {
    return "Durbin–Wu–Hausman test of endogeneity";
  }
  tables(): TableSpec[] {
    return [
      {
        title: "Durbin–Wu–Hausman test",
        columns: [
          { key: "variable", label: "First-stage residual of", format: "text" },
          { key: "estimate", label: "B", digits: 3, starsFrom: "p" },
          { key: "se", label: "SE", digits: 3 },
          { key: "t", label: "t", digits: 2 },
          { key: "p", label: "p", format: "p" },
        ],
        rows: this.residualCoefficients.map((r) => ({ ...r })),
        notes: [
          `F(${this.df1}, ${this.df2}) = ${formatNumber(this.F, 3)}, p ${pText(this.p)}, N = ${this.n}. A significant test rejects exogeneity of the regressors (OLS inconsistent; prefer 2SLS).`,
          "Regression (control-function) form: first-stage residuals added to the structural OLS regression and tested jointly.",
        ],
      },
    ];
  }
}

/** Two-stage least squares estimates with first-stage diagnostics. */
export class TslsResult extends Result {
  constructor(
    readonly coefficients: { term: string; estimate: number; se: number; t: number; p: number; lower: number; upper: number }[],
    readonly firstStage: FirstStage[],
    readonly hausman: DurbinWuHausmanResult,
    /** Residual standard error √(eᵀe/(n − k)), residuals from the original regressors. */
    readonly sigma: number,
    /** 1 − RSS/TSS with the structural residuals (can be negative for 2SLS). */
    readonly r2: number,
    readonly df: number,
    readonly n: number,
    readonly dropped: number,
    readonly y: string,
    readonly conf: number,
    readonly vcov: number[][],
  ) {
    super();
  }
  title(): string {
    return `Two-stage least squares regression of ${this.y}`;
  }
  info(): string[] {
    return [`N = ${this.n}${this.dropped ? ` (${this.dropped} row${this.dropped === 1 ? "" : "s"} with missing values dropped)` : ""}`];
  }
  tables(): TableSpec[] {
    const ci = Math.round(this.conf * 100);
    return [
      {
        title: "Second stage",
        columns: [
          { key: "term", label: "Term", format: "text" },
          { key: "estimate", label: "B", digits: 3, starsFrom: "p" },
          { key: "se", label: "SE", digits: 3 },
          { key: "t", label: "t", digits: 2 },
          { key: "p", label: "p", format: "p" },
          { key: "lower", label: `${ci}% CI lower`, digits: 3 },
          { key: "upper", label: `${ci}% CI upper`, digits: 3 },
        ],
        rows: this.coefficients.map((c) => ({ ...c })),
        notes: [`σ = ${formatNumber(this.sigma, 3)} on ${this.df} df, R² = ${formatNumber(this.r2, 3)}.`],
      },
      {
        title: "First stage",
        columns: [
          { key: "variable", label: "Endogenous", format: "text" },
          { key: "F", label: "F (instruments)", digits: 2, starsFrom: "p" },
          { key: "df1", label: "df1", format: "int" },
          { key: "df2", label: "df2", format: "int" },
          { key: "p", label: "p", format: "p" },
          { key: "r2", label: "R²", digits: 3 },
          { key: "partialR2", label: "Partial R²", digits: 3 },
        ],
        rows: this.firstStage.map((f) => ({ ...f })),
        notes: ["F < 10 suggests weak instruments (Staiger & Stock 1997)."],
      },
      ...this.hausman.tables(),
    ];
  }
}

interface IvData {
  y: Float64Array;
  endo: Float64Array[];
  exo: Float64Array[];
  inst: Float64Array[];
  n: number;
  dropped: number;
}

function prepare(data: TableInput, spec: IvSpec): IvData {
  const endoNames = spec.endogenous ?? [];
  const instNames = spec.instruments ?? [];
  const exoNames = spec.exogenous ?? [];
  if (endoNames.length === 0) throw new PathlabError("2SLS needs at least one endogenous regressor (`endogenous`).", { code: "bad-spec" });
  if (instNames.length < endoNames.length) {
    throw new PathlabError(
      `The model is not identified: ${endoNames.length} endogenous regressor(s) (${endoNames.join(", ")}) but only ${instNames.length} excluded instrument(s).`,
      { hint: "Provide at least one instrument per endogenous regressor.", code: "not-identified" },
    );
  }
  const all = [spec.y, ...endoNames, ...exoNames, ...instNames];
  const seen = new Set<string>();
  for (const v of all) {
    if (seen.has(v)) throw new PathlabError(`Variable "${v}" appears in more than one role (outcome, endogenous, exogenous, instrument).`, { code: "bad-spec" });
    seen.add(v);
  }
  const cols = numericColumns(data, all, { missing: spec.missing });
  const c = cols.columns;
  const a = 1 + endoNames.length;
  const b = a + exoNames.length;
  return { y: c[0], endo: c.slice(1, a), exo: c.slice(a, b), inst: c.slice(b), n: cols.n, dropped: cols.dropped };
}

/** Nested-model F test: ((RSS_r − RSS_f)/q)/(RSS_f/df_f). */
function nestedF(rssR: number, rssF: number, q: number, dfF: number): { F: number; p: number } {
  const F = (rssR - rssF) / q / (rssF / dfF);
  return { F, p: pf(F, q, dfF, false) };
}

/**
 * Two-stage least squares (Wooldridge 2010, §5.2). Stage 1 regresses each endogenous regressor on
 * the exogenous regressors and the excluded instruments Z; stage 2 regresses y on the fitted
 * values X̂ = P_Z X: b = (X̂ᵀX̂)⁻¹X̂ᵀy. Standard errors use residuals from the ORIGINAL regressors,
 * e = y − Xb, σ² = eᵀe/(n − k), V = σ²(X̂ᵀX̂)⁻¹ (not the naive second-stage OLS SEs). First-stage
 * diagnostics per endogenous regressor: the partial F of the excluded instruments and R².
 * Includes the Durbin–Wu–Hausman test (see `durbinWuHausman`).
 */
export function tsls(data: TableInput, spec: IvSpec): TslsResult {
  const d = prepare(data, spec);
  const conf = spec.conf ?? 0.95;
  const endoNames = spec.endogenous;
  const exoNames = spec.exogenous ?? [];
  const instNames = spec.instruments;
  const ones = new Float64Array(d.n).fill(1);
  const zNames = ["(Intercept)", ...exoNames, ...instNames];
  const Z = [ones, ...d.exo, ...d.inst];
  const firstStage: FirstStage[] = [];
  const fittedEndo: Float64Array[] = [];
  d.endo.forEach((x, j) => {
    const full = olsCore(Z, x, { names: zNames });
    const red = olsCore([ones, ...d.exo], x, { names: ["(Intercept)", ...exoNames] });
    const q = instNames.length;
    const { F, p } = nestedF(red.rss, full.rss, q, full.df);
    firstStage.push({ variable: endoNames[j], F, df1: q, df2: full.df, p, r2: full.r2, partialR2: 1 - full.rss / red.rss });
    fittedEndo.push(full.fitted);
  });
  const terms = ["(Intercept)", ...endoNames, ...exoNames];
  const second = olsCore([ones, ...fittedEndo, ...d.exo], d.y, { names: terms });
  const b = second.coef;
  const Xorig = [ones, ...d.endo, ...d.exo];
  let rss = 0;
  let ybar = 0;
  for (let i = 0; i < d.n; i++) ybar += d.y[i];
  ybar /= d.n;
  let tss = 0;
  for (let i = 0; i < d.n; i++) {
    let f = 0;
    for (let j = 0; j < Xorig.length; j++) f += b[j] * Xorig[j][i];
    const e = d.y[i] - f;
    rss += e * e;
    tss += (d.y[i] - ybar) * (d.y[i] - ybar);
  }
  const df = d.n - terms.length;
  const sigma2 = rss / df;
  const vcov = second.xtxInv.map((r) => r.map((v) => v * sigma2));
  const tcrit = qt(1 - (1 - conf) / 2, df);
  const coefficients = terms.map((term, j) => {
    const se = Math.sqrt(vcov[j][j]);
    const t = b[j] / se;
    return { term, estimate: b[j], se, t, p: twoSidedP_t(t, df), lower: b[j] - tcrit * se, upper: b[j] + tcrit * se };
  });
  const hausman = dwhFromData(d, spec);
  return new TslsResult(coefficients, firstStage, hausman, Math.sqrt(sigma2), 1 - rss / tss, df, d.n, d.dropped, spec.y, conf, vcov);
}

function dwhFromData(d: IvData, spec: IvSpec): DurbinWuHausmanResult {
  const endoNames = spec.endogenous;
  const exoNames = spec.exogenous ?? [];
  const ones = new Float64Array(d.n).fill(1);
  const Z = [ones, ...d.exo, ...d.inst];
  const zNames = ["(Intercept)", ...exoNames, ...spec.instruments];
  const vhat = d.endo.map((x) => olsCore(Z, x, { names: zNames }).residuals);
  const baseNames = ["(Intercept)", ...endoNames, ...exoNames];
  const base = olsCore([ones, ...d.endo, ...d.exo], d.y, { names: baseNames });
  const vNames = endoNames.map((e) => `first-stage residual of ${e}`);
  const aug = olsCore([ones, ...d.endo, ...d.exo, ...vhat], d.y, { names: [...baseNames, ...vNames] });
  const q = endoNames.length;
  const { F, p } = nestedF(base.rss, aug.rss, q, aug.df);
  const k0 = baseNames.length;
  const rc = endoNames.map((variable, j) => {
    const est = aug.coef[k0 + j];
    const se = aug.se[k0 + j];
    const t = est / se;
    return { variable, estimate: est, se, t, p: twoSidedP_t(t, aug.df) };
  });
  return new DurbinWuHausmanResult(F, q, aug.df, p, rc, d.n);
}

/**
 * Durbin–Wu–Hausman test, regression-based control-function form (Wu 1973; Hausman 1978;
 * Wooldridge 2010, §6.3.1): regress each endogenous regressor on all instruments, add the
 * first-stage residuals v̂ to the structural OLS regression y ~ X + v̂, and F-test the v̂
 * coefficients jointly (for one endogenous regressor F = t²). Under homoscedasticity this equals
 * the "Wu–Hausman" F reported by AER::ivreg's diagnostics.
 */
export function durbinWuHausman(data: TableInput, spec: IvSpec): DurbinWuHausmanResult {
  return dwhFromData(prepare(data, spec), spec);
}
