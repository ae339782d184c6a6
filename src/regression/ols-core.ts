/**
 * The numerical core of ordinary least squares, shared by `ols`, `hierarchicalRegression`, `tsls`
 * and PROCESS: coefficients, classical or heteroscedasticity-consistent covariance, residuals and
 * leverages, from plain Float64Array columns.
 *
 * Method. If one column is constant it is the intercept; the other columns and y are centred on
 * their means and scaled to unit length, and the normal equations of that well-conditioned problem
 * are solved by Cholesky (Golub & Van Loan 2013, §5.3; centring and equilibration remove the
 * conditioning loss that makes raw cross-products unreliable). Cross-products are accumulated in
 * row blocks that stay in cache, one pass over the data, no per-row allocation, so 10⁶ rows cost a
 * few tens of milliseconds. The intercept and the covariance of all coefficients are recovered by
 * the exact linear reparametrisation β = Tθ between the centred and the original design.
 *
 * Heteroscedasticity-consistent covariances follow `sandwich::vcovHC` (Zeileis 2004):
 *   V = (XᵀX)⁻¹ Xᵀ diag(ω_i e_i²) X (XᵀX)⁻¹ with
 *   HC0 ω = 1 (White 1980); HC1 ω = n/(n−p); HC2 ω = 1/(1−h_i); HC3 ω = 1/(1−h_i)²
 *   (MacKinnon & White 1985); HC4 ω = 1/(1−h_i)^δ_i, δ_i = min(4, n h_i/p) (Cribari-Neto 2004);
 *   HC4m ω = 1/(1−h_i)^δ_i, δ_i = min(1, n h_i/p) + min(1.5, n h_i/p) (Cribari-Neto & da Silva 2011);
 *   HC5 ω = 1/√((1−h_i)^δ_i), δ_i = min(n h_i/p, max(4, 0.7 n h_max/p)) (Cribari-Neto et al. 2007);
 *   "const" = the classical σ²(XᵀX)⁻¹,
 * h_i the leverages (diagonal of the hat matrix) and p the number of coefficients.
 */
import { PathlabError } from "../errors";
import { checkOptions, type OptionSpecs } from "../options";
import { backSolveTransposed, choleskyFlat, forwardSolve, lowerInverse, accurateMean, solveWithCholesky } from "../math";
import { checkMemory } from "../resources";
import { householderQR, QR_TOL } from "./qr";

/** Heteroscedasticity-consistent covariance type, as `sandwich::vcovHC` names them. */
export type HcType = "HC0" | "HC1" | "HC2" | "HC3" | "HC4" | "HC4m" | "HC5" | "const";

export interface OlsCoreOptions {
  /** Covariance estimator for `se`/`vcov` (classical σ²(XᵀX)⁻¹ when omitted). */
  hc?: HcType;
  /** Names of the columns of X, used in error messages. */
  names?: string[];
  /** Also return the leverages h_i (always returned for HC2–HC4). */
  hat?: boolean;
  /** Name of the outcome, used in error messages. */
  yName?: string;
}

/** The HC types pathlab computes, as `sandwich::vcovHC` names them. */
export const HC_TYPES: readonly HcType[] = ["HC0", "HC1", "HC2", "HC3", "HC4", "HC4m", "HC5", "const"];

/**
 * The `hc` option as every regression function declares it: sandwich's type names, any case
 * ("hc3" is HC3); sandwich's "HC" is HC0.
 */
export const HC_OPTION = {
  kind: "enum",
  values: HC_TYPES,
  caseInsensitive: true,
  valueAliases: { HC: "HC0" },
  description: "heteroscedasticity-consistent standard errors",
} as const;

const OLS_CORE_OPTIONS: OptionSpecs = {
  hc: HC_OPTION,
  names: {
    kind: "custom",
    check: (v) => (Array.isArray(v) && v.every((x) => typeof x === "string") ? undefined : "must be an array of column names"),
    expected: "an array of strings",
  },
  hat: { kind: "boolean" },
  yName: { kind: "string" },
};

export interface OlsCoreFit {
  coef: Float64Array;
  /** Standard errors (HC when `hc` was given, classical otherwise). */
  se: Float64Array;
  /** Covariance matrix of the coefficients (HC when `hc` was given). */
  vcov: number[][];
  /** Classical covariance σ²(XᵀX)⁻¹ (equal to `vcov` when no HC type was asked for). */
  vcovClassical: number[][];
  /** (XᵀX)⁻¹. */
  xtxInv: number[][];
  /** Residual degrees of freedom n − p. */
  df: number;
  n: number;
  p: number;
  rss: number;
  /** Total sum of squares: about the mean with an intercept, about zero without one (as R's lm). */
  tss: number;
  r2: number;
  /** Residual variance rss/(n − p). */
  sigma2: number;
  fitted: Float64Array;
  residuals: Float64Array;
  hat?: Float64Array;
  /**
   * Variance inflation factors 1/(1 − R²_j) = [C⁻¹]_jj, C the correlation matrix of the
   * non-intercept columns (NaN for the intercept column and in models without one).
   */
  vif: Float64Array;
  /** Index of the column that acts as intercept, or −1 if none. */
  intercept: number;
  hc?: HcType;
}

const BLOCK = 256;
/**
 * Smallest Cholesky pivot (1 − R²_j of the equilibrated centred cross-products) solved from the
 * normal equations; below it the design goes to Householder QR, which also makes the rank decision.
 */
const CHOLESKY_MIN_PIVOT = 1e-6;

/**
 * Least squares fit of y on the columns of X (the caller includes the intercept column of ones
 * explicitly). Throws a PathlabError naming the variables on perfect collinearity, on a constant
 * column besides the intercept, on non-finite values and when n ≤ p.
 */
export function olsCore(X: Float64Array[], y: Float64Array, opts: OlsCoreOptions = {}): OlsCoreFit {
  const o = checkOptions<OlsCoreOptions>("olsCore", opts, OLS_CORE_OPTIONS);
  const names = X.map((_, j) => (o.names && o.names[j] !== undefined ? o.names[j] : `column ${j + 1}`));
  const icpt = validateDesign(X, y, names, o.yName);
  // Columns (and y) whose magnitude would under- or overflow in squares are rescaled by a power of
  // two (exact in floating point) and the results scaled back: R's lm is scale-invariant, so is this.
  const cx = X.map(pow2Scale);
  const cy = pow2Scale(y);
  if (cy === 1 && cx.every((c) => c === 1)) return fitValidated(X, y, icpt, names, o);
  const fit = fitValidated(
    X.map((c, j) => scaled(c, cx[j])),
    scaled(y, cy),
    icpt,
    names,
    o,
  );
  return unscaleFit(fit, cx, cy);
}

/**
 * Checks the design and returns the index of the intercept column (the constant one), or −1.
 * Errors name the column: mismatched length, n ≤ p, non-finite values, a second constant column,
 * an all-zero column, and a constant outcome (R² and every t undefined).
 */
function validateDesign(X: Float64Array[], y: Float64Array, names: string[], yName: string | undefined): number {
  const p = X.length;
  const n = y.length;
  const quote = (j: number) => `"${names[j]}"`;
  const outcome = yName ? `The outcome "${yName}"` : "The outcome";
  for (let j = 0; j < p; j++) {
    if (X[j].length !== n) {
      throw new PathlabError(`Predictor ${quote(j)} has ${X[j].length} values but the outcome has ${n}.`, {
        hint: "Every column must have one value per row; extract them from the same table.",
        code: "regression.dimension-mismatch",
      });
    }
  }
  if (p === 0)
    throw new PathlabError("The model has no predictors and no intercept.", {
      hint: "Give at least one predictor, or keep the intercept.",
      code: "regression.empty-model",
    });
  if (n <= p) {
    throw new PathlabError(`Only ${n} complete rows for ${p} parameters (${names.join(", ")}): least squares needs more rows than parameters.`, {
      hint: "Use fewer predictors, or check how many rows listwise deletion removed.",
      code: "regression.too-few-rows",
    });
  }
  const badY = firstNonFinite(y);
  if (badY >= 0)
    throw new PathlabError(`${outcome} has a non-finite value (${y[badY]}) in row ${badY + 1}.`, {
      hint: "Remove the row or declare the value missing.",
      code: "regression.non-finite",
    });
  // Constant columns: the first is the intercept, any other is an error.
  let icpt = -1;
  for (let j = 0; j < p; j++) {
    const v0 = X[j][0];
    const scan = scanColumn(X[j]);
    if (scan < -1) {
      const bad = firstNonFinite(X[j]);
      throw new PathlabError(`Predictor ${quote(j)} has a non-finite value (${X[j][bad]}) in row ${bad + 1}.`, {
        hint: "Remove the row or declare the value missing.",
        code: "regression.non-finite",
      });
    }
    const constant = scan === 1;
    if (!constant) continue;
    if (v0 === 0) {
      throw new PathlabError(`Predictor ${quote(j)} is 0 in every row, so its coefficient cannot be estimated.`, {
        hint: `Remove ${quote(j)} from the model.`,
        code: "regression.constant-column",
      });
    }
    if (icpt >= 0) {
      throw new PathlabError(`Predictor ${quote(j)} is constant (every value is ${v0}), so it cannot be separated from the intercept (${quote(icpt)}).`, {
        hint: `Remove ${quote(j)} from the model, or check that it was read correctly.`,
        code: "regression.constant-column",
      });
    }
    icpt = j;
  }
  if (scanColumn(y) === 1 && (icpt >= 0 || y[0] === 0)) {
    throw new PathlabError(
      `${outcome} is constant (every one of the ${n} complete rows is ${y[0]}), so R², t and p are undefined: there is no variation to explain.`,
      {
        hint: "Check that the right column was read and that missing-value codes (e.g. 99) are declared; a constant outcome cannot be regressed.",
        code: "regression.constant-outcome",
      },
    );
  }
  return icpt;
}

/** The fit on a validated design whose columns are in a safe floating-point range. */
function fitValidated(X: Float64Array[], y: Float64Array, icpt: number, names: string[], opts: OlsCoreOptions): OlsCoreFit {
  const p = X.length;
  const n = y.length;
  const hasIcpt = icpt >= 0;
  const cval = hasIcpt ? X[icpt][0] : 0;
  const S: number[] = []; // non-intercept columns
  for (let j = 0; j < p; j++) if (j !== icpt) S.push(j);
  const m = S.length;

  // Means (two-pass, for accuracy) of the non-intercept columns and y.
  const mean = new Float64Array(m);
  let ybar = 0;
  if (hasIcpt) {
    for (let k = 0; k < m; k++) mean[k] = accurateMean(X[S[k]]);
    ybar = accurateMean(y);
  }

  // Centred cross-products A = XcᵀXc, g = Xcᵀyc, syy = ycᵀyc, accumulated in cache-sized blocks.
  const Xs = S.map((s) => X[s]);
  const { A, g, syy } = crossProducts(Xs, y, mean, ybar);
  // Equilibrate to unit diagonal: C = D⁻¹AD⁻¹ (a correlation-type matrix when centred).
  const d = new Float64Array(m);
  for (let a = 0; a < m; a++) d[a] = Math.sqrt(A[a * m + a]);
  const C = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = a; b < m; b++) C[a * m + b] = C[b * m + a] = A[a * m + b] / (d[a] * d[b]);
  const { L, u } = solveSlopes(
    Xs,
    y,
    mean,
    ybar,
    C,
    g,
    d,
    S.map((s) => names[s]),
    hasIcpt,
  );
  const bS = new Float64Array(m);
  for (let a = 0; a < m; a++) bS[a] = u[a] / d[a];
  // Coefficients in the original parametrisation.
  const coef = new Float64Array(p);
  S.forEach((s, k) => (coef[s] = bS[k]));
  if (hasIcpt) {
    let xb = 0;
    for (let k = 0; k < m; k++) xb += mean[k] * bS[k];
    coef[icpt] = (ybar - xb) / cval;
  }

  // Residuals, leverages and (for HC) the meat, in one blocked pass.
  const hc = opts.hc === "const" ? undefined : opts.hc;
  const needHat = opts.hat === true || (hc !== undefined && hc !== "HC0" && hc !== "HC1");
  const q = hasIcpt ? m + 1 : m; // size of θ = (α, b) in the centred parametrisation
  const Linv = lowerInverse(L, m);
  // HC5 needs the largest leverage before any weight: one pass for the leverages first
  const hmax = hc === "HC5" ? maxOf(residualPass(Xs, y, mean, ybar, bS, d, Linv, hasIcpt, true, undefined, p, 0).hat!) : 0;
  const pass = residualPass(Xs, y, mean, ybar, bS, d, Linv, hasIcpt, needHat, hc, p, hmax);
  const { residuals, fitted, hat, meat, rss } = pass;
  const tss = hasIcpt ? syy : sumSquares(y);
  const df = n - p;
  const sigma2 = rss / df;

  // Covariances. With C = LLᵀ, G = L⁻¹D⁻¹ whitens a centred row (g = G x_c) and (XcᵀXc)⁻¹ = GᵀG.
  // Every covariance is W K Wᵀ with W = T·blockdiag(1/√n, Gᵀ), T the map θ = (α, b) → β
  // (β_icpt = (α − x̄ᵀb)/c, β_s = b_s), and K = I (classical) or the HC meat Σ ω_i e_i² g_i g_iᵀ in
  // whitened coordinates. Diagonal entries are then sums of squares: an intercept far from the data's
  // centre in a near-collinear design loses no digits to cancellation (as R's chol2inv(qr.R)).
  const off = hasIcpt ? 1 : 0;
  const W: number[][] = [];
  for (let j = 0; j < p; j++) W.push(new Array<number>(q).fill(0));
  S.forEach((s, a) => {
    for (let k = a; k < m; k++) W[s][k + off] = Linv[k * m + a] / d[a];
  });
  if (hasIcpt) {
    W[icpt][0] = 1 / cval / Math.sqrt(n);
    for (let k = 0; k < m; k++) {
      let t = 0;
      for (let a = 0; a <= k; a++) t += (mean[a] / d[a]) * Linv[k * m + a];
      W[icpt][k + 1] = -t / cval;
    }
  }
  const xtxInv = congruence(W, null, q);
  const vcovClassical = xtxInv.map((r) => r.map((x) => x * sigma2));
  let vcov = vcovClassical;
  if (meat) {
    for (let a = 0; a < q; a++) for (let b = 0; b < a; b++) meat[a * q + b] = meat[b * q + a];
    vcov = congruence(W, meat, q);
  }
  const se = new Float64Array(p);
  for (let j = 0; j < p; j++) se[j] = Math.sqrt(vcov[j][j]);
  // VIF_a = [C⁻¹]_aa = Σ_k (L⁻¹)_ka².
  const vif = new Float64Array(p).fill(NaN);
  if (hasIcpt)
    S.forEach((s, a) => {
      let v = 0;
      for (let k = a; k < m; k++) v += Linv[k * m + a] * Linv[k * m + a];
      vif[s] = v;
    });
  return {
    coef,
    se,
    vcov,
    vcovClassical,
    xtxInv,
    df,
    n,
    p,
    rss,
    tss,
    r2: 1 - rss / tss,
    sigma2,
    fitted,
    residuals,
    hat,
    vif,
    intercept: icpt,
    hc: opts.hc,
  };
}

/**
 * A power of two c with max|x·c| in [1, 2), or 1 when the column's magnitude is safe for sums of
 * squares (between 2⁻²⁰⁰ and 2²⁰⁰); multiplying by c is exact.
 */
function pow2Scale(x: Float64Array): number {
  let big = 0;
  for (let i = 0; i < x.length; i++) big = Math.max(big, Math.abs(x[i]));
  if (big === 0 || (big >= 2 ** -200 && big <= 2 ** 200)) return 1;
  const e = Math.floor(Math.log2(big));
  // 2^-e in two factors so that neither overflows for |e| near 1023.
  return 2 ** -Math.trunc(e / 2) * 2 ** -(e - Math.trunc(e / 2));
}

function scaled(x: Float64Array, c: number): Float64Array {
  if (c === 1) return x;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] * c;
  return out;
}

/**
 * The fit of y on X from the fit of y·c_y on the columns x_j·c_j: b_j = b̃_j c_j/c_y,
 * V_jk = Ṽ_jk (c_j/c_y)(c_k/c_y), (XᵀX)⁻¹_jk = (X̃ᵀX̃)⁻¹_jk c_j c_k, residuals ẽ/c_y; R², leverages
 * and df are unchanged. Entries too large or small for a double become ±Infinity or 0, as in R.
 */
function unscaleFit(f: OlsCoreFit, cx: number[], cy: number): OlsCoreFit {
  const r = cx.map((c) => c / cy);
  const cov = (V: number[][]) => V.map((row, j) => row.map((v, k) => v * r[j] * r[k]));
  const div = (x: Float64Array) => x.map((v) => v / cy);
  return {
    ...f,
    coef: f.coef.map((b, j) => b * r[j]),
    se: f.se.map((s, j) => s * Math.abs(r[j])),
    vcov: cov(f.vcov),
    vcovClassical: cov(f.vcovClassical),
    xtxInv: f.xtxInv.map((row, j) => row.map((v, k) => v * cx[j] * cx[k])),
    rss: f.rss / cy / cy,
    tss: f.tss / cy / cy,
    sigma2: f.sigma2 / cy / cy,
    fitted: div(f.fitted),
    residuals: div(f.residuals),
  };
}

function firstNonFinite(x: Float64Array): number {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return i;
  return -1;
}

/** One pass over a column: −2 if it has a non-finite value, 1 if it is constant, 0 otherwise. */
function scanColumn(x: Float64Array): number {
  const v0 = x[0];
  let constant = true;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    s += v - v; // NaN for ±Infinity and NaN, 0 otherwise
    if (v !== v0) constant = false;
  }
  if (s !== 0) return -2;
  return constant ? 1 : 0;
}

/** Centred cross-products A = XcᵀXc (upper triangle, flat), g = Xcᵀyc, syy = ycᵀyc, in cache-sized row blocks. */
function crossProducts(Xs: Float64Array[], y: Float64Array, mean: Float64Array, ybar: number): { A: Float64Array; g: Float64Array; syy: number } {
  const m = Xs.length;
  const n = y.length;
  const A = new Float64Array(m * m);
  const g = new Float64Array(m);
  let syy = 0;
  const buf: Float64Array[] = [];
  for (let k = 0; k < m; k++) buf.push(new Float64Array(BLOCK));
  const ybuf = new Float64Array(BLOCK);
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const len = Math.min(BLOCK, n - i0);
    for (let k = 0; k < m; k++) fillCentred(buf[k], Xs[k], i0, len, mean[k]);
    fillCentred(ybuf, y, i0, len, ybar);
    for (let a = 0; a < m; a++) {
      const ba = buf[a];
      for (let b = a; b < m; b++) A[a * m + b] += dot(ba, buf[b], len);
      g[a] += dot(ba, ybuf, len);
    }
    syy += dot(ybuf, ybuf, len);
  }
  return { A, g, syy };
}

interface PassResult {
  residuals: Float64Array;
  fitted: Float64Array;
  hat?: Float64Array;
  meat?: Float64Array;
  rss: number;
}

/**
 * Residuals, leverages and the HC meat Σ ω_i e_i² g_i g_iᵀ in whitened coordinates
 * (g = (1/√n, L⁻¹D⁻¹x_c)), in one blocked pass.
 */
function residualPass(
  Xs: Float64Array[],
  y: Float64Array,
  mean: Float64Array,
  ybar: number,
  bS: Float64Array,
  d: Float64Array,
  Linv: Float64Array,
  hasIcpt: boolean,
  needHat: boolean,
  hc: HcType | undefined,
  p: number,
  hmax: number,
): PassResult {
  const m = Xs.length;
  const n = y.length;
  const q = hasIcpt ? m + 1 : m;
  const off = hasIcpt ? 1 : 0;
  const residuals = new Float64Array(n);
  const fitted = new Float64Array(n);
  const hat = needHat ? new Float64Array(n) : undefined;
  const meat = hc ? new Float64Array(q * q) : undefined;
  const whiten = needHat || meat !== undefined;
  const buf: Float64Array[] = [];
  for (let k = 0; k < m; k++) buf.push(new Float64Array(BLOCK));
  // Whitened rows g = L⁻¹D⁻¹x_c of a block, one array per coordinate.
  const gbuf: Float64Array[] = [];
  if (whiten) for (let k = 0; k < m; k++) gbuf.push(new Float64Array(BLOCK));
  const ebuf = new Float64Array(BLOCK);
  const hbuf = new Float64Array(BLOCK);
  const wbuf = new Float64Array(BLOCK);
  const wz = new Float64Array(BLOCK);
  const hcCode = hc === "HC0" ? 0 : hc === "HC1" ? 1 : hc === "HC2" ? 2 : hc === "HC3" ? 3 : hc === "HC4" ? 4 : hc === "HC4m" ? 5 : 6;
  const g0 = hasIcpt ? 1 / Math.sqrt(n) : 0;
  let rss = 0;
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const len = Math.min(BLOCK, n - i0);
    for (let k = 0; k < m; k++) fillCentred(buf[k], Xs[k], i0, len, mean[k]);
    for (let t = 0; t < len; t++) ebuf[t] = y[i0 + t] - ybar;
    for (let k = 0; k < m; k++) {
      const bk = bS[k];
      const col = buf[k];
      for (let t = 0; t < len; t++) ebuf[t] -= bk * col[t];
    }
    for (let t = 0; t < len; t++) {
      const e = ebuf[t];
      residuals[i0 + t] = e;
      fitted[i0 + t] = y[i0 + t] - e;
      rss += e * e;
    }
    if (!whiten) continue;
    whitenBlock(buf, d, Linv, m, len, gbuf, hbuf, g0 * g0);
    if (hat) for (let t = 0; t < len; t++) hat[i0 + t] = hbuf[t];
    if (!meat) continue;
    hcWeights(ebuf, hbuf, len, hcCode, n, p, wbuf, hmax);
    if (hasIcpt) {
      let s0 = 0;
      for (let t = 0; t < len; t++) s0 += wbuf[t];
      meat[0] += s0 * g0 * g0;
    }
    for (let a = 0; a < m; a++) {
      const ga = gbuf[a];
      for (let t = 0; t < len; t++) wz[t] = wbuf[t] * ga[t];
      if (hasIcpt) {
        let s = 0;
        for (let t = 0; t < len; t++) s += wz[t];
        meat[a + 1] += s * g0;
      }
      for (let b = a; b < m; b++) meat[(a + off) * q + b + off] += dot(wz, gbuf[b], len);
    }
  }
  return { residuals, fitted, hat, meat, rss };
}

/**
 * Whitened coordinates g = L⁻¹D⁻¹x_c of each row of a block (x_c in `cols`), accumulated column by
 * column of L⁻¹, and the leverages h_t = base + ‖g_t‖².
 */
function whitenBlock(
  cols: Float64Array[],
  d: Float64Array,
  Linv: Float64Array,
  m: number,
  len: number,
  g: Float64Array[],
  h: Float64Array,
  base: number,
): void {
  for (let k = 0; k < m; k++) g[k].fill(0, 0, len);
  for (let a = 0; a < m; a++) {
    const col = cols[a];
    const da = d[a];
    for (let k = a; k < m; k++) {
      const f = Linv[k * m + a] / da;
      if (f === 0) continue;
      const gk = g[k];
      for (let t = 0; t < len; t++) gk[t] += f * col[t];
    }
  }
  h.fill(base, 0, len);
  for (let k = 0; k < m; k++) {
    const gk = g[k];
    for (let t = 0; t < len; t++) h[t] += gk[t] * gk[t];
  }
}

/** ω_i e_i² for HC0–HC4, HC4m, HC5 (codes 0–6); leverage 1 makes HC2–HC5 infinite, as in R. */
function hcWeights(e: Float64Array, h: Float64Array, len: number, code: number, n: number, p: number, out: Float64Array, hmax: number): void {
  for (let t = 0; t < len; t++) {
    const e2 = e[t] * e[t];
    if (code === 0) out[t] = e2;
    else if (code === 1) out[t] = (e2 * n) / (n - p);
    else {
      const omh = 1 - h[t];
      const nh = (n * h[t]) / p;
      if (code === 2) out[t] = e2 / omh;
      else if (code === 3) out[t] = e2 / (omh * omh);
      else if (code === 4) out[t] = e2 / Math.pow(omh, Math.min(4, nh));
      else if (code === 5) out[t] = e2 / Math.pow(omh, Math.min(1, nh) + Math.min(1.5, nh));
      else out[t] = e2 / Math.sqrt(Math.pow(omh, Math.min(nh, Math.max(4, (0.7 * n * hmax) / p))));
    }
  }
}

function maxOf(x: Float64Array): number {
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] > m) m = x[i];
  return m;
}

function sumSquares(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return s;
}

function fillCentred(out: Float64Array, src: Float64Array, i0: number, len: number, mean: number): void {
  for (let t = 0; t < len; t++) out[t] = src[i0 + t] - mean;
}

function dot(a: Float64Array, b: Float64Array, len: number): number {
  // Four accumulators: fewer dependent adds, and the summation error grows more slowly.
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0;
  let t = 0;
  for (; t + 3 < len; t += 4) {
    s0 += a[t] * b[t];
    s1 += a[t + 1] * b[t + 1];
    s2 += a[t + 2] * b[t + 2];
    s3 += a[t + 3] * b[t + 3];
  }
  for (; t < len; t++) s0 += a[t] * b[t];
  return s0 + s1 + (s2 + s3);
}

/**
 * The scaled slopes u (C u = D⁻¹g) and the Cholesky factor L of C = D⁻¹XcᵀXcD⁻¹.
 *
 * Well-conditioned designs (every pivot 1 − R²_j of C above CHOLESKY_MIN_PIVOT) are solved from the
 * normal equations, whose error eps·κ(C) is then below 1e-10. Otherwise the centred, equilibrated
 * design is factored by Householder QR (error eps·√κ(C)), whose LINPACK rank test (a column's
 * unexplained norm below 1e-7 of its own, as R's lm) decides collinearity; Rᵀ replaces L.
 */
function solveSlopes(
  Xs: Float64Array[],
  y: Float64Array,
  mean: Float64Array,
  ybar: number,
  C: Float64Array,
  g: Float64Array,
  d: Float64Array,
  names: string[],
  hasIcpt: boolean,
): { L: Float64Array; u: Float64Array } {
  const m = Xs.length;
  const L = choleskyFlat(C, m, CHOLESKY_MIN_PIVOT);
  if (L) {
    const rhs = new Float64Array(m);
    for (let a = 0; a < m; a++) rhs[a] = g[a] / d[a];
    return { L, u: solveWithCholesky(L, m, rhs) };
  }
  const n = y.length;
  checkMemory(8 * n * (m + 1), `the QR factorisation of a near-collinear design (${n} rows × ${m} columns)`, "Use fewer rows or predictors.");
  const Z = Xs.map((x, k) => {
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) z[i] = (x[i] - mean[k]) / d[k];
    return z;
  });
  const yc = new Float64Array(n);
  for (let i = 0; i < n; i++) yc[i] = y[i] - ybar;
  const qr = householderQR(Z, yc, QR_TOL);
  const Lq = new Float64Array(m * m);
  const upto = qr.deficient >= 0 ? qr.deficient : m;
  for (let i = 0; i < upto; i++) for (let k = 0; k <= i; k++) Lq[i * m + k] = qr.R[k * m + i];
  if (qr.deficient >= 0) throw collinearityError(qr.deficient, Lq, C, m, names, hasIcpt);
  const u = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = qr.qty[i];
    for (let k = i + 1; k < m; k++) s -= qr.R[i * m + k] * u[k];
    u[i] = s / qr.R[i * m + i];
  }
  return { L: Lq, u };
}

/** W M Wᵀ for W (p×q, rows) and a flat symmetric q×q M, or W Wᵀ when M is null. */
function congruence(W: number[][], M: Float64Array | null, q: number): number[][] {
  const p = W.length;
  const WM: number[][] = M
    ? W.map((row) => {
        const out = new Array<number>(q).fill(0);
        for (let k = 0; k < q; k++) {
          const t = row[k];
          if (t === 0) continue;
          for (let j = 0; j < q; j++) out[j] += t * M[k * q + j];
        }
        return out;
      })
    : W;
  const res: number[][] = [];
  for (let i = 0; i < p; i++) res.push(new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < q; k++) s += WM[i][k] * W[j][k];
      res[i][j] = res[j][i] = s;
    }
  return res;
}

/**
 * The error for a collinear column j (in the order of the non-intercept columns): regress it on the
 * columns before it (whose Cholesky factor is complete) and name those that carry weight.
 */
function collinearityError(j: number, L: Float64Array, C: Float64Array, m: number, names: string[], hasIcpt: boolean): PathlabError {
  const rhs = new Float64Array(j);
  for (let k = 0; k < j; k++) rhs[k] = C[k * m + j];
  // Solve C[0:j,0:j] b = rhs with the leading block of L.
  const b = backSolveTransposed(L, m, forwardSolve(L, m, rhs, j), j);
  let big = 0;
  for (let k = 0; k < j; k++) big = Math.max(big, Math.abs(b[k]));
  const involved = names.slice(0, j).filter((_, k) => Math.abs(b[k]) > 1e-6 * big);
  const list = involved.map((s) => `"${s}"`);
  const joined = list.length <= 1 ? list.join("") : `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
  const what = list.length
    ? `"${names[j]}" is an exact linear combination of ${joined}${hasIcpt ? " (and the intercept)" : ""}`
    : `"${names[j]}" is an exact linear function of the intercept`;
  return new PathlabError(`Perfect collinearity: ${what}, so their separate effects cannot be estimated.`, {
    hint: `Drop one of ${[`"${names[j]}"`, ...list].join(", ")} (e.g. a total score entered together with all its parts, or a full set of dummies with an intercept).`,
    code: "regression.collinear",
  });
}
