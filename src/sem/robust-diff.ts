/**
 * Scaled χ² difference tests of nested robust (MLR, MLM) fits, lavaan's lav_test_diff_*: model A
 * (fewer df, r_A, standard statistic T_A, scaling c_A) nested in B (more restricted, r_B, T_B, c_B),
 * m = r_B − r_A.
 *
 *   Satorra & Bentler (2001): c_Δ = (r_B c_B − r_A c_A)/m, T_Δ = (T_B − T_A)/c_Δ;
 *   Satorra & Bentler (2010): c_A is replaced by c_AB, the scaling factor of model A evaluated at
 *   model B's estimates (lavaan's M10; c_Δ is then never negative in the population).
 * A negative c_Δ gives NA (as lavaan, with its warning).
 */
import type { SemFit } from "./fit";
import { robustStatistics } from "./robust";
import { setAll, type SemState } from "./state";

export type ScaledDiffMethod = "satorra.bentler.2001" | "satorra.bentler.2010";

/** Scaled difference of model A (fewer df) and B. */
export function scaledDifference(a: SemFit, b: SemFit, method: ScaledDiffMethod): { T: number; df: number; c: number } {
  const fa = a.fitMeasures(["chisq", "df"]);
  const fb = b.fitMeasures(["chisq", "df"]);
  const rA = fa.df;
  const rB = fb.df;
  const m = rB - rA;
  if (m === 0) return { T: fb.chisq - fa.chisq, df: 0, c: NaN };
  const cB = rB === 0 ? 1 : b.state.scaled!.c;
  let cA = rA === 0 ? 1 : a.state.scaled!.c;
  if (method === "satorra.bentler.2010" && rA > 0) cA = scalingAt(a, b);
  const cd = (rB * cB - rA * cA) / m;
  return { T: cd < 0 ? NaN : (fb.chisq - fa.chisq) / cd, df: m, c: cd < 0 ? NaN : cd };
}

/** The scaling factor of model A's test at model B's estimates (lavaan's lav_test_diff_m10). */
function scalingAt(a: SemFit, b: SemFit): number {
  const st = a.state;
  const est = b.estimatesInternal();
  const key = (r: { lhs: string; op: string; rhs: string; group: number }) =>
    `${r.group}\u0000${r.lhs}\u0000${r.op}\u0000${r.op === "~~" && r.rhs < r.lhs ? `${r.rhs}\u0000${r.lhs}` : `${r.lhs}\u0000${r.rhs}`}`;
  const estimateByKey = new Map<string, number>();
  est.rows.forEach((r, k) => {
    if (r.op !== ":=") estimateByKey.set(key(r), est.est[k]);
  });
  const theta = new Float64Array(st.theta.length);
  st.pt.rows.forEach((r) => {
    if (r.free > 0) theta[r.free - 1] = estimateByKey.get(key(r)) ?? 0;
  });
  const copy: SemState = { ...st, theta };
  setAll(copy, theta);
  try {
    const kind = st.scaled!.test === "satorra.bentler" ? "mlm" : "mlr";
    const df = a.fitMeasures("df").df;
    const dfb = a.fitMeasures("baseline.df")["baseline.df"];
    return robustStatistics(copy, kind, df, dfb).scaled.c;
  } finally {
    setAll(st, st.theta);
  }
}
