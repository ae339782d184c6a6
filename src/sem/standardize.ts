/**
 * Standardised parameters (lavaan's std.lv and std.all) as a function of θ, so that the
 * delta method can differentiate them.
 *
 * With v_i the model-implied total variance of variable i (diagonal of B S Bᵀ):
 *   loading f → x:      λ · sd_f / sd_x          regression x → y:  β · sd_x / sd_y
 *   (co)variance a, b:  ψ / (sd_a · sd_b)         intercept a:       ν / sd_a
 * std.lv scales latent variables only (sd = 1 for observed ones); std.nox scales every variable but
 * the exogenous observed covariates (lavaan's ov.x: their variances, covariances and means stay raw,
 * and a slope on one is per unit of the covariate). Defined parameters are re-evaluated on the
 * standardised values of their labels.
 */
import type { ParRow } from "./partable";
import type { Cell, RamEngine } from "./ram";
import { evalExpr } from "./syntax";

/** lavaan's standardisations: all variables, latent variables only, or all but the exogenous covariates. */
export type StdType = "std.all" | "std.lv" | "std.nox";

/** Model-implied total variances of all variables at the engine's current θ (after implied()). */
export function totalVariances(engine: RamEngine): Float64Array {
  const m = engine.spec.m;
  const { B, S } = engine;
  const out = new Float64Array(m);
  const row = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) {
      let s = 0;
      for (let k = 0; k < m; k++) {
        const b = B[i * m + k];
        if (b !== 0) s += b * S[k * m + l];
      }
      row[l] = s;
    }
    let v = 0;
    for (let l = 0; l < m; l++) v += row[l] * B[i * m + l];
    out[i] = v;
  }
  return out;
}

/** Values of every parameter-table row (fixed, free and defined) at θ; rows without a cell (other groups) stay 0. */
export function rowValues(rows: ParRow[], rowCell: (Cell | undefined)[], engine: RamEngine, defined = true): Float64Array {
  const m = engine.spec.m;
  const out = new Float64Array(rows.length);
  const byLabel = new Map<string, number>();
  rows.forEach((r, k) => {
    const c = rowCell[k];
    if (!c) return;
    const v = c.kind === 0 ? engine.A[c.i * m + c.j] : c.kind === 1 ? engine.S[c.i * m + c.j] : engine.mv[c.i];
    out[k] = v;
    if (r.label && !byLabel.has(r.label)) byLabel.set(r.label, v);
  });
  if (defined) evalDefined(rows, out, byLabel);
  return out;
}

/**
 * Row values of a multiple-group model: row k from the values of its own group (`perGroup[g − 1]`),
 * then the defined parameters (:=), whose labels may come from any group.
 */
export function mergeGroupValues(rows: ParRow[], perGroup: Float64Array[]): Float64Array {
  const out = new Float64Array(rows.length);
  const byLabel = new Map<string, number>();
  rows.forEach((r, k) => {
    if (r.op === ":=") return;
    out[k] = perGroup[r.group - 1][k];
    if (r.label && !byLabel.has(r.label)) byLabel.set(r.label, out[k]);
  });
  evalDefined(rows, out, byLabel);
  return out;
}

function evalDefined(rows: ParRow[], out: Float64Array, byLabel: Map<string, number>): void {
  rows.forEach((r, k) => {
    if (r.op !== ":=") return;
    const v = evalExpr(r.expr!, (name) => byLabel.get(name) ?? NaN);
    out[k] = v;
    byLabel.set(r.lhs, v);
  });
}

/** Standardised values of every row at the engine's current θ (call setTheta + implied first). */
export function standardizedValues(
  rows: ParRow[],
  rowCell: (Cell | undefined)[],
  engine: RamEngine,
  type: StdType,
  p: number,
  defined = true,
  xIdx: readonly number[] = [],
): Float64Array {
  const m = engine.spec.m;
  const vars = totalVariances(engine);
  // Variables left in their raw units: observed ones for std.lv, the covariates for std.nox.
  const unit = new Uint8Array(m);
  for (let i = 0; i < p; i++) if (type === "std.lv") unit[i] = 1;
  if (type === "std.nox") for (const i of xIdx) unit[i] = 1;
  const sd = new Float64Array(m);
  for (let i = 0; i < m; i++) sd[i] = unit[i] ? 1 : Math.sqrt(vars[i]);
  const out = new Float64Array(rows.length);
  const byLabel = new Map<string, number>();
  rows.forEach((r, k) => {
    const c = rowCell[k];
    if (!c) return;
    let v: number;
    if (c.kind === 0) v = (engine.A[c.i * m + c.j] * sd[c.j]) / sd[c.i];
    else if (c.kind === 1) {
      // Covariances of residuals are standardised by the residual standard deviations (a
      // correlation of disturbances, as lavaan); variances by the total variance
      // (by the variance itself rather than sd², so an exogenous variance standardises to exactly 1).
      if (c.i === c.j) v = unit[c.i] ? engine.S[c.i * m + c.j] : engine.S[c.i * m + c.j] / vars[c.i];
      else {
        const ri = unit[c.i] ? 1 : Math.sqrt(engine.S[c.i * m + c.i]);
        const rj = unit[c.j] ? 1 : Math.sqrt(engine.S[c.j * m + c.j]);
        v = engine.S[c.i * m + c.j] / (ri * rj);
      }
    } else v = engine.mv[c.i] / sd[c.i];
    out[k] = v;
    if (r.label && !byLabel.has(r.label)) byLabel.set(r.label, v);
  });
  if (defined) evalDefined(rows, out, byLabel);
  return out;
}

/**
 * Delta-method standard errors of f(θ): sqrt(diag(J V Jᵀ)) with J the central-difference Jacobian.
 * `nScale` (≈ N) turns a standard error into the parameter's natural unit for the step size.
 * `f` must leave no state behind that matters (the caller restores θ afterwards).
 */
export function deltaMethodSE(theta: Float64Array, vcov: Float64Array, f: (t: Float64Array) => Float64Array, nScale = 100): Float64Array {
  const q = theta.length;
  const base = f(theta);
  const nOut = base.length;
  const J = new Float64Array(nOut * q);
  const t = Float64Array.from(theta);
  for (let k = 0; k < q; k++) {
    // Step on the parameter's own scale (its value or its standard error × √n), so that a
    // coefficient of 2e-7 (a covariate in small units) is not stepped by 1e-6.
    const sd = Math.sqrt(vcov[k * q + k] * nScale);
    const h = 1e-6 * Math.max(Math.abs(theta[k]), Number.isFinite(sd) && sd > 0 ? sd : 1);
    t[k] = theta[k] + h;
    const up = f(t);
    t[k] = theta[k] - h;
    const dn = f(t);
    t[k] = theta[k];
    for (let i = 0; i < nOut; i++) J[i * q + k] = (up[i] - dn[i]) / (2 * h);
  }
  const se = new Float64Array(nOut);
  const tmp = new Float64Array(q);
  for (let i = 0; i < nOut; i++) {
    for (let a = 0; a < q; a++) {
      let s = 0;
      for (let b = 0; b < q; b++) s += vcov[a * q + b] * J[i * q + b];
      tmp[a] = s;
    }
    let v = 0;
    for (let a = 0; a < q; a++) v += J[i * q + a] * tmp[a];
    se[i] = Math.sqrt(Math.max(v, 0));
  }
  return se;
}
