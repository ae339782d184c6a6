/**
 * Instrumental-variable regression: two-stage least squares with the diagnostics of AER's
 * `summary(ivreg, diagnostics = TRUE)` — the weak-instruments F of each endogenous regressor, the
 * Wu–Hausman test of endogeneity and Sargan's test of the overidentifying restrictions.
 */
import type { TableInput } from "../data/table-input";
import { numericColumns } from "../data/table-input";
import { PathlabError } from "../errors";
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import { formatNumber } from "../display/format";
import { pchisq, pf, qt, twoSidedP_t } from "../math";
import { olsCore } from "./ols-core";
import { CONF_OPTION, MISSING_OPTION, NAME_OPTION, NAMES_OPTION, pText } from "./internal";
import { waldF } from "../math";
import { checkOptions, type OptionSpecs } from "../options";

/** What `tsls` fits: the outcome, endogenous regressors, instruments and exogenous controls. */
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

/** One row of AER's diagnostics table: weak instruments, Wu–Hausman, Sargan. */
export interface IvDiagnostic {
  test: string;
  df1: number;
  /** Denominator df of an F test; null for Sargan's χ² test. */
  df2: number | null;
  /** F (weak instruments, Wu–Hausman) or χ² (Sargan); null when the test does not apply. */
  statistic: number | null;
  p: number | null;
}

/** Sargan's test of the overidentifying restrictions (null when the model is just identified). */
export interface SarganTest {
  /** n·R² of the 2SLS residuals regressed on all instruments. */
  statistic: number;
  /** Excluded instruments minus endogenous regressors. */
  df: number;
  p: number;
}

/** Two-stage least squares estimates with first-stage and specification diagnostics. */
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
    /** 1 − (1 − R²)(n − 1)/(n − k), as AER. */
    readonly adjR2: number,
    /** Wald F of all slopes with the 2SLS covariance (AER's "Wald test"). */
    readonly wald: { F: number; df1: number; df2: number; p: number },
    /** Sargan's overidentification test, or null for a just-identified model. */
    readonly sargan: SarganTest | null,
  ) {
    super();
  }
  /** The rows of AER's "Diagnostic tests" table, in its order. */
  get diagnostics(): IvDiagnostic[] {
    const several = this.firstStage.length > 1;
    const rows: IvDiagnostic[] = this.firstStage.map((f) => ({
      test: several ? `Weak instruments (${f.variable})` : "Weak instruments",
      df1: f.df1,
      df2: f.df2,
      statistic: f.F,
      p: f.p,
    }));
    rows.push({ test: "Wu-Hausman", df1: this.hausman.df1, df2: this.hausman.df2, statistic: this.hausman.F, p: this.hausman.p });
    const s = this.sargan;
    rows.push({ test: "Sargan", df1: s ? s.df : 0, df2: null, statistic: s ? s.statistic : null, p: s ? s.p : null });
    return rows;
  }
  title(): string {
    return `Two-stage least squares regression of ${this.y}`;
  }
  info(): string[] {
    return [`N = ${this.n}${this.dropped ? ` (${this.dropped} row${this.dropped === 1 ? "" : "s"} with missing values dropped)` : ""}`];
  }
  tables(): TableSpec[] {
    const ci = Math.round(this.conf * 100);
    const w = this.wald;
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
        notes: [
          `σ = ${formatNumber(this.sigma, 3)} on ${this.df} df, R² = ${formatNumber(this.r2, 3)}, adjusted R² = ${formatNumber(this.adjR2, 3)}, ` +
            `Wald F(${w.df1}, ${w.df2}) = ${formatNumber(w.F, 2)}, p ${pText(w.p)}.`,
        ],
      },
      {
        title: "Diagnostic tests",
        columns: [
          { key: "test", label: "Test", format: "text" },
          { key: "df1", label: "df1", format: "int" },
          { key: "df2", label: "df2", format: "int" },
          { key: "statistic", label: "Statistic", digits: 3, starsFrom: "p" },
          { key: "p", label: "p", format: "p" },
        ],
        rows: this.diagnostics.map((d) => ({ ...d, df2: d.df2 ?? undefined, statistic: d.statistic ?? undefined, p: d.p ?? undefined })),
        notes: [
          "Weak instruments: F test of the excluded instruments in each first stage (F < 10 suggests weak instruments, Staiger & Stock 1997). " +
            "Wu-Hausman: F test of the first-stage residuals added to the OLS regression (significant: the regressors are endogenous). " +
            `Sargan: n·R² of the 2SLS residuals on all instruments, χ² on (instruments − endogenous) df (significant: some instrument is invalid)${this.sargan ? "" : "; not applicable to a just-identified model"}.`,
        ],
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

const IV_OPTIONS: OptionSpecs = {
  y: NAME_OPTION,
  endogenous: NAMES_OPTION,
  instruments: NAMES_OPTION,
  exogenous: NAMES_OPTION,
  missing: MISSING_OPTION,
  conf: CONF_OPTION,
};

interface IvData {
  /** The checked specification (canonical option names). */
  spec: IvSpec;
  y: Float64Array;
  endo: Float64Array[];
  exo: Float64Array[];
  inst: Float64Array[];
  n: number;
  dropped: number;
}

function prepare(data: TableInput, spec: IvSpec, fn: string): IvData {
  spec = checkOptions<IvSpec>(fn, spec, IV_OPTIONS);
  if (typeof spec.y !== "string" || !spec.y)
    throw new PathlabError(`${fn}() needs the outcome variable \`y\`.`, {
      hint: 'e.g. { y: "lwage", endogenous: ["educ"], instruments: ["motheduc", "fatheduc"] }.',
      code: "regression.bad-spec",
    });
  const endoNames = spec.endogenous ?? [];
  const instNames = spec.instruments ?? [];
  const exoNames = spec.exogenous ?? [];
  if (endoNames.length === 0)
    throw new PathlabError("2SLS needs at least one endogenous regressor (`endogenous`).", {
      hint: "Without endogenous regressors 2SLS is OLS: use ols().",
      code: "regression.bad-spec",
    });
  if (instNames.length < endoNames.length) {
    throw new PathlabError(
      `The model is not identified: ${endoNames.length} endogenous regressor(s) (${endoNames.join(", ")}) but only ${instNames.length} excluded instrument(s).`,
      { hint: "Provide at least one instrument per endogenous regressor.", code: "regression.not-identified" },
    );
  }
  const all = [spec.y, ...endoNames, ...exoNames, ...instNames];
  const seen = new Set<string>();
  for (const v of all) {
    if (seen.has(v))
      throw new PathlabError(`Variable "${v}" appears in more than one role (outcome, endogenous, exogenous, instrument).`, {
        hint: "Give each variable one role; an exogenous regressor is its own instrument and is listed only in exogenous.",
        code: "regression.bad-spec",
      });
    seen.add(v);
  }
  const cols = numericColumns(data, all, { missing: spec.missing });
  const c = cols.columns;
  endoNames.forEach((v, j) => {
    const x = c[1 + j];
    if (x.length > 0 && x.every((u) => u === x[0])) {
      throw new PathlabError(
        `The endogenous regressor "${v}" is constant (every one of the ${x.length} complete rows is ${x[0]}), so its effect cannot be estimated.`,
        {
          hint: "Check that the right column was read and that missing-value codes are declared.",
          code: "regression.constant-column",
        },
      );
    }
  });
  const a = 1 + endoNames.length;
  const b = a + exoNames.length;
  return { spec, y: c[0], endo: c.slice(1, a), exo: c.slice(a, b), inst: c.slice(b), n: cols.n, dropped: cols.dropped };
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
 *
 * @example
 * tsls(cigarettes, { y: "lpacks", endogenous: ["lprice"], instruments: ["tdiff"], exogenous: ["lincome"] })   // AER::ivreg
 */
export function tsls(data: TableInput, options: IvSpec): TslsResult {
  const d = prepare(data, options, "tsls");
  const spec = d.spec;
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
    const full = olsCore(Z, x, { names: zNames, yName: endoNames[j] });
    const red = olsCore([ones, ...d.exo], x, { names: ["(Intercept)", ...exoNames], yName: endoNames[j] });
    const q = instNames.length;
    const { F, p } = nestedF(red.rss, full.rss, q, full.df);
    firstStage.push({ variable: endoNames[j], F, df1: q, df2: full.df, p, r2: full.r2, partialR2: 1 - full.rss / red.rss });
    fittedEndo.push(full.fitted);
  });
  const terms = ["(Intercept)", ...endoNames, ...exoNames];
  const second = olsCore([ones, ...fittedEndo, ...d.exo], d.y, { names: terms, yName: spec.y });
  const b = second.coef;
  const Xorig = [ones, ...d.endo, ...d.exo];
  const resid = new Float64Array(d.n);
  let rss = 0;
  let ybar = 0;
  for (let i = 0; i < d.n; i++) ybar += d.y[i];
  ybar /= d.n;
  let tss = 0;
  for (let i = 0; i < d.n; i++) {
    let f = 0;
    for (let j = 0; j < Xorig.length; j++) f += b[j] * Xorig[j][i];
    const e = d.y[i] - f;
    resid[i] = e;
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
  const r2 = 1 - rss / tss;
  const k = terms.length - 1;
  const Fw = waldF(
    b,
    vcov,
    Array.from({ length: k }, (_, i) => i + 1),
  );
  const wald = { F: Fw, df1: k, df2: df, p: pf(Fw, k, df, false) };
  const sargan = sarganTest(resid, Z, zNames, instNames.length - endoNames.length);
  return new TslsResult(
    coefficients,
    firstStage,
    hausman,
    Math.sqrt(sigma2),
    r2,
    df,
    d.n,
    d.dropped,
    spec.y,
    conf,
    vcov,
    1 - ((1 - r2) * (d.n - 1)) / df,
    wald,
    sargan,
  );
}

/**
 * Sargan's (1958) test of the overidentifying restrictions (Wooldridge 2010, §6.3.2; AER's
 * `summary(ivreg, diagnostics = TRUE)`): regress the 2SLS residuals on all instruments (exogenous
 * regressors and excluded instruments, with the intercept); n·R² is χ² on (excluded instruments −
 * endogenous regressors) df under the null that every instrument is uncorrelated with the error.
 */
function sarganTest(resid: Float64Array, Z: Float64Array[], zNames: string[], df: number): SarganTest | null {
  if (df < 1) return null;
  const aux = olsCore(Z, resid, { names: zNames, yName: "the 2SLS residuals" });
  const statistic = resid.length * aux.r2;
  return { statistic, df, p: pchisq(statistic, df, false) };
}

function dwhFromData(d: IvData, spec: IvSpec): DurbinWuHausmanResult {
  const endoNames = spec.endogenous;
  const exoNames = spec.exogenous ?? [];
  const ones = new Float64Array(d.n).fill(1);
  const Z = [ones, ...d.exo, ...d.inst];
  const zNames = ["(Intercept)", ...exoNames, ...spec.instruments];
  const vhat = d.endo.map((x, j) => olsCore(Z, x, { names: zNames, yName: endoNames[j] }).residuals);
  const baseNames = ["(Intercept)", ...endoNames, ...exoNames];
  const base = olsCore([ones, ...d.endo, ...d.exo], d.y, { names: baseNames, yName: spec.y });
  const vNames = endoNames.map((e) => `first-stage residual of ${e}`);
  const aug = olsCore([ones, ...d.endo, ...d.exo, ...vhat], d.y, { names: [...baseNames, ...vNames], yName: spec.y });
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
  const d = prepare(data, spec, "durbinWuHausman");
  return dwhFromData(d, d.spec);
}
