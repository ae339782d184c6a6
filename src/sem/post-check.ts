/**
 * Checks of a fitted solution, as lavaan's lav_object_post_check (0.6.14): negative observed or
 * latent variances (Heywood cases), and covariance matrices of the latent variables or of the
 * observed residuals (Θ) that are not positive definite — an eigenvalue below −ε^(3/4) with ε the
 * machine epsilon, as lavaan (tested by a Cholesky factorisation of the matrix + ε^(3/4)·I). Each
 * finding is a warning on the fit, naming the variables.
 *
 * @example
 * const w = postCheckWarnings(pt.rows, estRows, engine, p, lvNames);
 */
import type { PathlabWarning } from "../errors";
import type { ParRow } from "./partable";
import type { RamEngine } from "./ram";
import { choleskyInPlace } from "../math/linalg";

const NEG_EIGEN = -Math.pow(2.220446049250313e-16, 0.75);

/**
 * The sub-matrix idx×idx of a row-major m×m matrix has an eigenvalue below −ε^(3/4): its Cholesky
 * factorisation fails after adding ε^(3/4) to the diagonal (cheaper than the eigenvalues).
 */
function hasNegativeEigen(M: Float64Array, m: number, idx: number[]): boolean {
  const k = idx.length;
  if (k === 0) return false;
  const sub = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) sub[i * k + j] = M[idx[i] * m + idx[j]] + (i === j ? -NEG_EIGEN : 0);
  return choleskyInPlace(sub, k) >= 0;
}

/** lavaan's post-fit warnings for the estimates `est` (one value per parameter-table row). */
export function postCheckWarnings(rows: ParRow[], est: Float64Array, engine: RamEngine, names: string[], lv: string[]): PathlabWarning[] {
  const w: PathlabWarning[] = [];
  const lvSet = new Set(lv);
  const negOv: string[] = [];
  const negLv: string[] = [];
  rows.forEach((r, k) => {
    if (r.op === "~~" && r.lhs === r.rhs && est[k] < 0) (lvSet.has(r.lhs) ? negLv : negOv).push(`"${r.lhs}" (${est[k].toFixed(4)})`);
  });
  if (negOv.length)
    w.push({
      code: "sem.heywood",
      message: `Heywood case: some estimated ov variances are negative: ${negOv.join(", ")}. The solution is improper; check the model (lavaan gives the same warning).`,
    });
  if (negLv.length)
    w.push({ code: "sem.heywood", message: `Heywood case: some estimated lv variances are negative: ${negLv.join(", ")}. The solution is improper.` });
  const m = engine.spec.m;
  const p = engine.spec.p;
  if (!negLv.length && lv.length) {
    // Model-implied covariance of the latent variables (lavaan's cov.lv).
    const lvIdx = lv.map((v) => names.indexOf(v));
    const C = impliedAmong(engine, lvIdx);
    if (hasNegativeEigen(C, m, lvIdx))
      w.push({
        code: "sem.lv-not-pd",
        message: `The covariance matrix of the latent variables is not positive definite (a factor correlation beyond ±1 or a negative variance): ${describeCorrelations(C, m, lvIdx, names)}. The solution is improper.`,
      });
  }
  if (!negOv.length) {
    const ovIdx = Array.from({ length: p }, (_, i) => i);
    if (hasNegativeEigen(engine.S, m, ovIdx))
      w.push({
        code: "sem.theta-not-pd",
        message:
          "The covariance matrix of the residuals of the observed variables (theta) is not positive definite: a residual correlation lies beyond ±1. The solution is improper.",
      });
  }
  return w;
}

/** Model-implied covariance of the variables `idx` (rows of B S Bᵀ), as an m×m array filled at idx×idx. */
function impliedAmong(engine: RamEngine, idx: number[]): Float64Array {
  const m = engine.spec.m;
  const { B, S } = engine;
  const BS = new Float64Array(idx.length * m);
  idx.forEach((i, r) => {
    for (let k = 0; k < m; k++) {
      const b = B[i * m + k];
      if (b === 0) continue;
      for (let j = 0; j < m; j++) BS[r * m + j] += b * S[k * m + j];
    }
  });
  const C = new Float64Array(m * m);
  idx.forEach((i, r) =>
    idx.forEach((j) => {
      let s = 0;
      for (let k = 0; k < m; k++) s += BS[r * m + k] * B[j * m + k];
      C[i * m + j] = s;
    }),
  );
  return C;
}

/** The latent correlations beyond ±1, for the message. */
function describeCorrelations(C: Float64Array, m: number, idx: number[], names: string[]): string {
  const out: string[] = [];
  for (let a = 0; a < idx.length; a++)
    for (let b = 0; b < a; b++) {
      const i = idx[a];
      const j = idx[b];
      const r = C[i * m + j] / Math.sqrt(C[i * m + i] * C[j * m + j]);
      if (Math.abs(r) > 1) out.push(`r(${names[j]}, ${names[i]}) = ${r.toFixed(3)}`);
    }
  return out.length ? out.join(", ") : "no single correlation exceeds 1, but together they are inconsistent";
}
