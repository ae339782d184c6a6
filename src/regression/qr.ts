/**
 * Householder QR of a design with LINPACK's rank test (as R's `lm` uses it through `dqrdc2`), for
 * the ill-conditioned designs on which the normal equations lose too many digits.
 *
 * Columns are processed in their given order. Before column l is reduced, the norm of its part not
 * yet explained by the columns before it (rows l … n−1 after the earlier reflections) is compared
 * with its original norm; below `tol` (1e-7, R's `lm` default) the column counts as a linear
 * combination of the earlier ones. This test is scale-invariant: multiplying a column by 10⁻³⁰⁰
 * does not change it. R would drop such a column and report NA; pathlab reports which column it is.
 *
 * Golub & Van Loan (2013), Matrix Computations, §5.2.2 (Householder QR); Dongarra et al. (1979),
 * LINPACK Users' Guide, ch. 9 (`dqrdc`; R's `dqrdc2` limits the pivoting to moving negligible
 * columns last, which keeps the column order).
 *
 * @example
 * const r = householderQR([col1, col2], y, 1e-7);
 * if (r.deficient < 0) { // r.R is upper triangular with r.R[k][k] > 0, r.qty = Qᵀy }
 */

/** R's default tolerance in `lm` / `qr`: LINPACK's relative column-norm test. */
export const QR_TOL = 1e-7;

export interface HouseholderQR {
  /** Upper-triangular factor, row-major m×m, with a positive diagonal (so Rᵀ is the Cholesky factor of XᵀX). */
  R: Float64Array;
  /** First m elements of Qᵀy (signs matching the positive diagonal of R). */
  qty: Float64Array;
  /** Index of the first column found negligible (a linear combination of the earlier ones), or −1. */
  deficient: number;
}

/**
 * QR of the n×m matrix whose columns are `cols` (copied, the input is not changed), applying the
 * same reflections to `y`. Stops at the first negligible column and reports it in `deficient`
 * (rows of R above it are complete).
 */
export function householderQR(cols: Float64Array[], y: Float64Array, tol = QR_TOL): HouseholderQR {
  const m = cols.length;
  const n = y.length;
  const A = cols.map((c) => Float64Array.from(c));
  const b = Float64Array.from(y);
  const R = new Float64Array(m * m);
  const qty = new Float64Array(m);
  const norm0 = A.map((c) => norm(c, 0));
  for (let l = 0; l < m; l++) {
    const a = A[l];
    const rest = norm(a, l);
    if (!(rest >= tol * norm0[l]) || rest === 0) return { R, qty, deficient: l };
    // Reflector v = a[l:] + sign(a_l)‖a[l:]‖ e_1, applied as H = I − v vᵀ / (‖a‖ |v_1|).
    const alpha = a[l] >= 0 ? -rest : rest;
    const v0 = a[l] - alpha;
    const beta = -v0 * alpha; // vᵀv / 2
    a[l] = v0;
    const reflect = (x: Float64Array) => {
      let s = 0;
      for (let i = l; i < n; i++) s += a[i] * x[i];
      const f = s / beta;
      for (let i = l; i < n; i++) x[i] -= f * a[i];
    };
    for (let j = l + 1; j < m; j++) reflect(A[j]);
    reflect(b);
    // Positive diagonal: flip the sign of row l of R and of (Qᵀy)_l together when alpha < 0.
    const sgn = alpha < 0 ? -1 : 1;
    R[l * m + l] = sgn * alpha;
    for (let j = l + 1; j < m; j++) R[l * m + j] = sgn * A[j][l];
    qty[l] = sgn * b[l];
  }
  return { R, qty, deficient: -1 };
}

/** Euclidean norm of x[from:], scaled against overflow and underflow. */
function norm(x: Float64Array, from: number): number {
  let scale = 0;
  for (let i = from; i < x.length; i++) scale = Math.max(scale, Math.abs(x[i]));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = from; i < x.length; i++) {
    const t = x[i] / scale;
    s += t * t;
  }
  return scale * Math.sqrt(s);
}
