/**
 * The design of a linear model as R's lm builds it from a data table: numeric predictors as they
 * are, text predictors as factors with treatment contrasts (levels in R's sort order of the values
 * present in the rows used; the first is the reference; one 0/1 column per other level, named
 * variable + level as model.matrix names them; without an intercept the first factor gets a column
 * for every level, as lm), listwise deletion over every variable used (and the weights), and
 * weighted least squares as lm(weights = w).
 *
 * Weighted least squares (lm's weights; Draper & Smith 1998, §9.2): with W = diag(w), the fit is
 * OLS of W^{1/2}y on W^{1/2}X, so b = (XᵀWX)⁻¹XᵀWy, e = y − Xb, σ² = Σ w e²/(n − p) with n the
 * rows of positive weight, R² = 1 − Σ w e² / Σ w (y − ȳ_w)² (ȳ_w the weighted mean; about 0 without
 * an intercept), VIF_j = [(XᵀWX)⁻¹]_jj Σ w (x_j − x̄_wj)². sandwich's HC covariances of a weighted
 * lm use the scores w_i e_i x_i and the leverages of W^{1/2}X, which are those of the transformed
 * fit; its "const" is (XᵀWX)⁻¹ (Σ w² e²/(n − p)) XᵀX (XᵀWX)⁻¹, not σ²(XᵀWX)⁻¹ (sandwich's meatHC).
 *
 * @example
 * const d = designColumns(survey, "Pulse", ["Exer", "Age"], {});  // terms: ExerNone, ExerSome, Age
 */
import { PathlabError } from "../errors";
import { compareLevels, isTextColumn } from "../data/labels";
import { isMissing, naValuesOf, numericColumns, rawColumn, rowCount, type NaValue, type TableInput } from "../data/table-input";
import { olsCore, type HcType, type OlsCoreFit } from "./ols-core";

/** How one text predictor was coded. */
export interface FactorCoding {
  variable: string;
  /** Levels in R's order; the first is the reference. */
  levels: string[];
  reference: string;
  /** Names of the dummy columns (variable + level). */
  terms: string[];
}

export interface Design {
  y: Float64Array;
  columns: Float64Array[];
  /** Column names of `columns` (numeric predictors keep their name; factors expand). */
  terms: string[];
  dropped: number;
  factors: FactorCoding[];
  weights?: Float64Array;
}

/** The weights column or array for the rows of the data (NaN = missing). */
function weightValues(data: TableInput, weights: string | ArrayLike<number>, nRows: number, codes: NaValue[]): Float64Array {
  if (typeof weights === "string") {
    const raw = rawColumn(data, weights);
    return Float64Array.from(raw, (v) => (isMissing(v, codes) ? NaN : typeof v === "number" ? v : Number(v)));
  }
  if (weights.length !== nRows)
    throw new PathlabError(`ols(): ${weights.length} weights for ${nRows} rows.`, {
      hint: "Give one weight per row, or the name of the weights column.",
      code: "regression.bad-weights",
    });
  return Float64Array.from(weights, (v) => (v === null || v === undefined ? NaN : Number(v)));
}

/** The lm design of y on xs (see the module comment). */
export function designColumns(
  data: TableInput,
  y: string,
  xs: string[],
  o: { missing?: number[]; weights?: string | ArrayLike<number>; intercept?: boolean },
): Design {
  const codes = naValuesOf({ missing: o.missing }, "ols");
  const text = xs.filter((v) => {
    try {
      return isTextColumn(rawColumn(data, v), codes);
    } catch {
      return false; // an unknown column: numericColumns names it
    }
  });
  if (!text.length && o.weights === undefined) {
    const cols = numericColumns(data, [y, ...xs], { missing: o.missing });
    return { y: cols.columns[0], columns: cols.columns.slice(1), terms: [...xs], dropped: cols.dropped, factors: [] };
  }
  const numericVars = [y, ...xs.filter((v) => !text.includes(v))];
  const nc = numericColumns(data, numericVars, { missing: o.missing });
  const nRows = rowCount(data);
  const w = o.weights === undefined ? undefined : weightValues(data, o.weights, nRows, codes);
  const rawText = text.map((v) => rawColumn(data, v));
  const keep: number[] = [];
  nc.rows.forEach((row, k) => {
    if (rawText.some((col) => isMissing(col[row], codes))) return;
    if (w && !(w[row] === w[row])) return;
    keep.push(k);
  });
  if (w)
    for (const k of keep) {
      const v = w[nc.rows[k]];
      if (!Number.isFinite(v) || v < 0)
        throw new PathlabError(`ols(): weight ${v} in row ${nc.rows[k] + 1}; weights must be finite and non-negative (as lm's).`, {
          hint: "Check the weights column.",
          code: "regression.bad-weights",
        });
    }
  const pick = (c: Float64Array) => Float64Array.from(keep, (k) => c[k]);
  const numericCols = new Map(numericVars.map((v, j) => [v, pick(nc.columns[j])]));
  const columns: Float64Array[] = [];
  const terms: string[] = [];
  const factors: FactorCoding[] = [];
  for (const v of xs) {
    const t = text.indexOf(v);
    if (t < 0) {
      columns.push(numericCols.get(v)!);
      terms.push(v);
      continue;
    }
    const values = keep.map((k) => String(rawText[t][nc.rows[k]]).trim());
    const levels = Array.from(new Set(values)).sort(compareLevels);
    if (levels.length < 2)
      throw new PathlabError(
        `ols(): the text predictor "${v}" has ${levels.length} level in the rows used ("${levels[0]}"), so it cannot be estimated (lm: "contrasts can be applied only to factors with 2 or more levels").`,
        {
          hint: `Remove "${v}" from the predictors.`,
          code: "regression.constant-column",
        },
      );
    // without an intercept lm codes the first factor with every level (no reference)
    const full = o.intercept === false && factors.length === 0;
    const coded = full ? levels : levels.slice(1);
    const names = coded.map((l) => `${v}${l}`);
    coded.forEach((l, j) => {
      columns.push(Float64Array.from(values, (x) => (x === l ? 1 : 0)));
      terms.push(names[j]);
    });
    factors.push({ variable: v, levels, reference: full ? "" : levels[0], terms: names });
  }
  return {
    y: numericCols.get(y)!,
    columns,
    terms,
    dropped: nRows - keep.length,
    factors,
    weights: w ? Float64Array.from(keep, (k) => w[nc.rows[k]]) : undefined,
  };
}

/** Σ w (x − x̄_w)² and the weighted mean. */
function weightedSS(x: Float64Array, w: Float64Array, centred: boolean): number {
  let sw = 0;
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    sw += w[i];
    m += w[i] * x[i];
  }
  m = centred ? m / sw : 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += w[i] * (x[i] - m) ** 2;
  return s;
}

/**
 * Weighted least squares of y on the columns X (intercept column included when `intercept`), as a
 * fit object in the unweighted scale (module comment). Rows of zero weight leave the fit, as lm.
 */
export function weightedFit(
  X: Float64Array[],
  y: Float64Array,
  w: Float64Array,
  intercept: boolean,
  hc: HcType | undefined,
  names: string[],
  yName: string,
): OlsCoreFit {
  const rows: number[] = [];
  for (let i = 0; i < y.length; i++) if (w[i] > 0) rows.push(i);
  const sw = Float64Array.from(rows, (i) => Math.sqrt(w[i]));
  const wk = Float64Array.from(rows, (i) => w[i]);
  const Xk = X.map((c) => Float64Array.from(rows, (i) => c[i]));
  const yk = Float64Array.from(rows, (i) => y[i]);
  const Xt = Xk.map((c) => c.map((v, i) => v * sw[i]));
  const yt = yk.map((v, i) => v * sw[i]);
  const fit = olsCore(Xt, yt, { hc: hc === "const" ? undefined : hc, names, yName });
  const rk = fit.residuals.map((e, i) => e / sw[i]);
  // residuals and fitted values of every row, zero weights included (as lm reports them)
  const fitted = y.map((_, i) => X.reduce((acc, c, j) => acc + c[i] * fit.coef[j], 0));
  const residuals = y.map((v, i) => v - fitted[i]);
  const tss = weightedSS(yk, wk, intercept);
  let vcov = fit.vcov;
  if (hc === "const") {
    // sandwich's meatHC(type = "const") on a weighted lm: (Σ w² e² / df) XᵀX between the breads
    let s = 0;
    for (let i = 0; i < yk.length; i++) s += (wk[i] * rk[i]) ** 2;
    s /= fit.df;
    const p = Xk.length;
    const XtX = Xk.map((a) => Xk.map((b) => a.reduce((acc, v, i) => acc + v * b[i], 0) * s));
    const B = fit.xtxInv;
    const BM = B.map((r) => Array.from({ length: p }, (_, j) => r.reduce((acc, v, k) => acc + v * XtX[k][j], 0)));
    vcov = BM.map((r) => Array.from({ length: p }, (_, j) => r.reduce((acc, v, k) => acc + v * B[k][j], 0)));
  }
  const vif = new Float64Array(X.length).fill(NaN);
  if (intercept) for (let j = 1; j < X.length; j++) vif[j] = fit.xtxInv[j][j] * weightedSS(Xk[j], wk, true);
  return {
    ...fit,
    vcov,
    se: Float64Array.from(vcov, (r, j) => Math.sqrt(r[j])),
    residuals,
    fitted,
    tss,
    r2: 1 - fit.rss / tss,
    vif,
    intercept: intercept ? 0 : -1,
    hc,
  };
}
