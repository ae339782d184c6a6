/**
 * lavaan's LISREL matrix representation of a group's parameters (lav_lisrel), as
 * `lavInspect(fit, "est" | "std" | "se" | "free" | "start")` returns it:
 *
 *   y = ν + Λη + ε,  η = α + Bη + ζ,  Cov(ε) = Θ,  Cov(ζ) = Ψ
 *
 * with η the latent variables followed by lavaan's "dummy" latent variables: every observed
 * variable that appears in a regression (either side), that shares a covariance with such a
 * variable, or that covaries with a latent variable becomes a latent variable of its own with a
 * loading of 1 and residual variance 0, its variance, covariances, intercept and paths moving to
 * Ψ, α and B. Matrices: lambda (ov × η), theta (ov × ov), psi (η × η), beta (η × η, when the
 * model has regressions or higher-order factors), nu and alpha (with a mean structure).
 *
 * @example
 * const m = lisrelMatrices(pt, 1, valuesOfRows);
 * m.lambda.values[1][0]; // loading of the second indicator on the first factor
 */
import type { ParRow, ParTable } from "./partable";

/** One labelled matrix (row and column names as lavaan's dimnames). */
export interface NamedMatrix {
  rows: string[];
  cols: string[];
  values: number[][];
  symmetric: boolean;
}

/** The model matrices of one group, in lavaan's order (lambda, theta, psi, beta, nu, alpha). */
export type LisrelMatrices = Record<string, NamedMatrix>;

/** The η variables of group `group`: latent variables, then the observed ones lavaan turns into dummies. */
export function lisrelEta(pt: ParTable, group: number): { ov: string[]; eta: string[]; dummy: Set<string> } {
  const rows = pt.rows.filter((r) => r.group === group);
  const { ov, lv } = pt.vars;
  const lvSet = new Set(lv);
  const ovSet = new Set(ov);
  const regVars = new Set<string>();
  for (const r of rows) if (r.op === "~") regVars.add(r.lhs).add(r.rhs);
  const d1 = new Set([...regVars].filter((v) => !lvSet.has(v)));
  const covRows = rows.filter((r) => r.op === "~~");
  const touching = covRows.filter((r) => d1.has(r.lhs) || d1.has(r.rhs));
  const lhsT = new Set(touching.map((r) => r.lhs));
  const rhsT = new Set(touching.map((r) => r.rhs));
  const d2 = new Set<string>();
  for (const r of covRows)
    if (touching.includes(r) || lhsT.has(r.lhs) || rhsT.has(r.rhs)) {
      d2.add(r.lhs);
      d2.add(r.rhs);
    }
  const d3 = new Set<string>();
  for (const r of covRows) {
    if (ovSet.has(r.lhs) && lvSet.has(r.rhs)) d3.add(r.lhs);
    if (lvSet.has(r.lhs) && ovSet.has(r.rhs)) d3.add(r.rhs);
  }
  const dummy = new Set([...d1, ...d2, ...d3].filter((v) => ovSet.has(v)));
  const eta = [...lv, ...ov.filter((v) => dummy.has(v))];
  return { ov, eta, dummy };
}

/**
 * The matrices of group `group` filled with `value(row, k)` for each parameter-table row k of the
 * group (est, std, se, free index or start); `dummyValue` is the dummies' fixed loading (1 for
 * values, 0 for free indices and SEs).
 */
export function lisrelMatrices(pt: ParTable, group: number, value: (r: ParRow, k: number) => number, dummyValue: number): LisrelMatrices {
  const { ov, eta, dummy } = lisrelEta(pt, group);
  const zero = (a: string[], b: string[]) => a.map(() => b.map(() => 0));
  const lambda = zero(ov, eta);
  const theta = zero(ov, ov);
  const psi = zero(eta, eta);
  const beta = zero(eta, eta);
  const nu = zero(ov, ["intercept"]);
  const alpha = zero(eta, ["intercept"]);
  const io = new Map(ov.map((v, i) => [v, i]));
  const ie = new Map(eta.map((v, i) => [v, i]));
  for (const v of dummy) lambda[io.get(v)!][ie.get(v)!] = dummyValue;
  let hasBeta = false;
  pt.rows.forEach((r, k) => {
    if (r.group !== group) return;
    const x = value(r, k);
    if (r.op === "=~") {
      if (ie.has(r.rhs)) {
        beta[ie.get(r.rhs)!][ie.get(r.lhs)!] = x;
        hasBeta = true;
      } else lambda[io.get(r.rhs)!][ie.get(r.lhs)!] = x;
    } else if (r.op === "~") {
      beta[ie.get(r.lhs)!][ie.get(r.rhs)!] = x;
      hasBeta = true;
    } else if (r.op === "~~") {
      const inEta = ie.has(r.lhs) && ie.has(r.rhs);
      const [m, idx] = inEta ? [psi, ie] : [theta, io];
      const a = idx.get(r.lhs)!;
      const b = idx.get(r.rhs)!;
      m[a][b] = m[b][a] = x;
    } else if (r.op === "~1") {
      if (ie.has(r.lhs)) alpha[ie.get(r.lhs)!][0] = x;
      else nu[io.get(r.lhs)!][0] = x;
    }
  });
  const out: LisrelMatrices = {
    lambda: { rows: ov, cols: eta, values: lambda, symmetric: false },
    theta: { rows: ov, cols: ov, values: theta, symmetric: true },
    psi: { rows: eta, cols: eta, values: psi, symmetric: true },
  };
  if (hasBeta) out.beta = { rows: eta, cols: eta, values: beta, symmetric: false };
  if (pt.meanstructure) {
    out.nu = { rows: ov, cols: ["intercept"], values: nu, symmetric: false };
    out.alpha = { rows: eta, cols: ["intercept"], values: alpha, symmetric: false };
  }
  return out;
}
