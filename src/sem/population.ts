/**
 * A population model for simulation: lavaan syntax whose loadings, paths and (co)variances carry
 * fixed values (`f1 =~ 0.7*x1 + 0.7*x2`, `f2 ~ 0.3*f1`, `x1 ~~ 0.2*x2`), turned into the
 * covariance matrix of the observed variables it implies.
 *
 * RAM form (McArdle & McDonald 1984): every variable v (observed and latent) is v = A v + e with
 * Cov(e) = S, so Σ_all = (I − A)⁻¹ S (I − A)⁻ᵀ and Σ is its observed block. `f =~ λ*x` puts λ at
 * A[x, f]; `y ~ β*x` puts β at A[y, x]; `a ~~ s*b` puts s at S[a, b].
 *
 * Variances not written in the model (convention, `standardized: true`, the default): an
 * exogenous variable has variance 1, and the residual variance ψᵢ of an endogenous (observed or
 * latent) variable is set so that its total variance is 1. This is simsem's / simstandard's
 * "standardised parameters" reading, so loadings and paths are standardised values. Because
 * diag Σ_all is linear in ψ — var(i) = dᵢ + Σ_k B[i,k]² ψ_k with B = (I − A)⁻¹ and dᵢ the variance
 * with every unknown ψ at 0 — the ψ solve one linear system, exact for recursive and non-recursive
 * models alike. (lavaan's `simulateData(standardized = TRUE)` differs for endogenous latent
 * variables: it fixes their residual variance at 1, so their total variance exceeds 1.) With
 * `standardized: false` every unwritten variance is 1 (simulateData's default). Unwritten
 * covariances are 0, as in simulateData. A written variance or covariance is always kept.
 *
 * @example
 * const pop = populationCovariance("f1 =~ 0.7*x1 + 0.7*x2 + 0.7*x3\nf2 =~ 0.7*y1 + 0.7*y2 + 0.7*y3\nf2 ~ 0.3*f1");
 * pop.sigma; // 6 × 6, unit diagonal; cov(x1, y1) = 0.7 · 0.3 · 0.7
 */
import { PathlabError } from "../errors";
import { choleskyFlat, invertGeneralFlat } from "../math/linalg";
import { solve } from "../math/matrix";
import { parseModelSyntax, type SyntaxRow } from "./syntax";

/** A population model's implied covariance, the variances used, and the model written out two ways. */
export interface PopulationModel {
  /** Observed variables, in order of first appearance in the syntax. */
  ov: string[];
  lv: string[];
  /** Model-implied covariance of `ov` (row-major, p × p). */
  sigma: Float64Array;
  /** Variance of every variable's residual (exogenous: its variance), as used. */
  residualVariances: Record<string, number>;
  /** The model as lavaan syntax with every value written out, labels and := lines left out (e.g. for lavaan's simulateData). */
  fullSyntax: string;
  /** The model with the fixed values removed (labels kept): the default analysis model. */
  freedSyntax: string;
}

function populationError(message: string, line: number | undefined, hint: string): PathlabError {
  return new PathlabError(`Population model${line ? `, line ${line}` : ""}: ${message}`, { code: "sem.power-population", hint });
}

/** The statements of a population model, later statements overriding earlier ones on the same parameter. */
function populationRows(model: string): { rows: SyntaxRow[]; defined: SyntaxRow[] } {
  if (typeof model !== "string" || !model.trim())
    throw new PathlabError("powerSem(): the population model must be lavaan syntax with fixed values.", {
      code: "sem.power-population",
      hint: 'e.g. "f1 =~ 0.7*x1 + 0.7*x2 + 0.7*x3\\nf2 =~ 0.7*y1 + 0.7*y2 + 0.7*y3\\nf2 ~ 0.3*f1"',
    });
  const merged = new Map<string, SyntaxRow>();
  const defined: SyntaxRow[] = [];
  for (const r of parseModelSyntax(model)) {
    if (r.op === ":=") {
      defined.push(r);
      continue;
    }
    if (r.op !== "=~" && r.op !== "~" && r.op !== "~~")
      throw populationError(
        `"${r.lhs} ${r.op} ${r.rhs}" is not supported in a population model.`,
        r.line,
        "Use =~, ~, ~~ with fixed values and := for defined effects; intercepts (~ 1), constraints and formative factors are not simulated.",
      );
    if (r.groupFixed || r.groupLabel || r.groupStart)
      throw populationError(`"${r.lhs} ${r.op} ${r.rhs}" has one value per group; the population has one group.`, r.line, "Write one value, e.g. 0.5*x1.");
    const key = r.op === "~~" ? `${r.op}|${[r.lhs, r.rhs].sort().join("|")}` : `${r.op}|${r.lhs}|${r.rhs}`;
    const prev = merged.get(key);
    if (prev) {
      if (r.fixed !== undefined) prev.fixed = r.fixed;
      if (r.label !== undefined) prev.label = r.label;
    } else merged.set(key, { ...r });
  }
  return { rows: [...merged.values()], defined };
}

function value(r: SyntaxRow): number | undefined {
  return r.fixed !== undefined && Number.isFinite(r.fixed) ? r.fixed : undefined;
}

/** Variable lists and the RAM matrices A and S (unwritten variances NaN) of the rows. */
function ramOf(rows: SyntaxRow[]): { ov: string[]; lv: string[]; vars: string[]; A: Float64Array; S: Float64Array } {
  const lvSet = new Set(rows.filter((r) => r.op === "=~").map((r) => r.lhs));
  const seen: string[] = [];
  for (const r of rows) for (const v of r.op === "=~" ? [r.lhs, r.rhs] : [r.lhs, r.rhs]) if (!seen.includes(v)) seen.push(v);
  const lv = seen.filter((v) => lvSet.has(v));
  const ov = seen.filter((v) => !lvSet.has(v));
  const vars = [...ov, ...lv];
  const m = vars.length;
  const at = (v: string) => vars.indexOf(v);
  const A = new Float64Array(m * m);
  const S = new Float64Array(m * m);
  for (let i = 0; i < m; i++) S[i * m + i] = NaN;
  for (const r of rows) {
    const v = value(r);
    if (r.op === "~~") {
      if (r.lhs === r.rhs) {
        if (v !== undefined && !(v >= 0)) throw populationError(`the variance of ${r.lhs} is negative (${v}).`, r.line, "A population variance must be ≥ 0.");
        if (v !== undefined) S[at(r.lhs) * m + at(r.lhs)] = v;
      } else {
        if (v === undefined)
          throw populationError(
            `the covariance ${r.lhs} ~~ ${r.rhs} has no population value.`,
            r.line,
            `Give it one, e.g. ${r.lhs} ~~ 0.2*${r.rhs}, or leave the line out (covariance 0).`,
          );
        S[at(r.lhs) * m + at(r.rhs)] = S[at(r.rhs) * m + at(r.lhs)] = v;
      }
      continue;
    }
    const what = r.op === "=~" ? `loading ${r.lhs} =~ ${r.rhs}` : `path ${r.lhs} ~ ${r.rhs}`;
    if (v === undefined)
      throw populationError(
        `the ${what} has no population value.`,
        r.line,
        `Write its value, e.g. ${r.op === "=~" ? `${r.lhs} =~ 0.7*${r.rhs}` : `${r.lhs} ~ 0.3*${r.rhs}`}.`,
      );
    if (r.op === "=~") A[at(r.rhs) * m + at(r.lhs)] = v;
    else A[at(r.lhs) * m + at(r.rhs)] = v;
  }
  return { ov, lv, vars, A, S };
}

/**
 * The observed covariance matrix implied by a population model with fixed values (see the module
 * comment for the variances that are not written). Throws a PathlabError naming the line when a
 * loading or path has no value, or when the values cannot give unit variances.
 */
export function populationCovariance(model: string, opts: { standardized?: boolean } = {}): PopulationModel {
  const { rows, defined } = populationRows(model);
  const { ov, lv, vars, A, S } = ramOf(rows);
  const m = vars.length;
  const IA = new Float64Array(m * m);
  for (let i = 0; i < m * m; i++) IA[i] = -A[i];
  for (let i = 0; i < m; i++) IA[i * m + i] += 1;
  const B = new Float64Array(m * m);
  if (!invertGeneralFlat(IA, m, B, new Float64Array(m * m)))
    throw populationError("I − B of the structural paths is singular (a feedback loop with gain 1).", undefined, "Check the regression values of the loop.");
  const endogenous = vars.map((_, i) => A.subarray(i * m, (i + 1) * m).some((x) => x !== 0));
  const unknown = vars.map((_, i) => i).filter((i) => Number.isNaN(S[i * m + i]));
  const solveFor = opts.standardized === false ? [] : unknown.filter((i) => endogenous[i]);
  for (const i of unknown) S[i * m + i] = solveFor.includes(i) ? 0 : 1;
  if (solveFor.length) {
    const d = diagBSBt(B, S, m);
    const M = solveFor.map((i) => solveFor.map((k) => B[i * m + k] ** 2));
    const psi = solve(
      M,
      solveFor.map((i) => [1 - d[i]]),
    ).map((r) => r[0]);
    solveFor.forEach((i, j) => {
      if (!(psi[j] > 0))
        throw populationError(
          `the values imply a variance above 1 for ${vars[i]} (its residual variance would be ${psi[j].toPrecision(3)}).`,
          undefined,
          `Lower the loadings or paths into ${vars[i]} (standardised values must explain less than all of its variance), or write its residual variance, e.g. ${vars[i]} ~~ 0.5*${vars[i]}.`,
        );
      S[i * m + i] = psi[j];
    });
  }
  const all = sandwich(B, S, m);
  const p = ov.length;
  const sigma = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) sigma[i * p + j] = all[i * m + j];
  if (!choleskyFlat(sigma, p, 1e-12))
    throw populationError(
      "the implied covariance matrix of the observed variables is not positive definite.",
      undefined,
      "Check the residual variances and covariances written in the model.",
    );
  const residualVariances: Record<string, number> = {};
  vars.forEach((v, i) => (residualVariances[v] = S[i * m + i]));
  return { ov, lv, sigma, residualVariances, fullSyntax: fullSyntax(rows, vars, S), freedSyntax: freedSyntax(rows, defined) };
}

function diagBSBt(B: Float64Array, S: Float64Array, m: number): Float64Array {
  const all = sandwich(B, S, m);
  return Float64Array.from({ length: m }, (_, i) => all[i * m + i]);
}

/** B S Bᵀ (m × m). */
function sandwich(B: Float64Array, S: Float64Array, m: number): Float64Array {
  const BS = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let k = 0; k < m; k++) {
      const b = B[i * m + k];
      if (b !== 0) for (let j = 0; j < m; j++) BS[i * m + j] += b * S[k * m + j];
    }
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += BS[i * m + k] * B[j * m + k];
      out[i * m + j] = out[j * m + i] = s;
    }
  return out;
}

const num = (v: number) => String(Number(v.toPrecision(15)));

function fullSyntax(rows: SyntaxRow[], vars: string[], S: Float64Array): string {
  const m = vars.length;
  // No labels: lavaan drops a fixed value written next to a label ("0.3*a*x").
  const lines = rows.filter((r) => r.op !== "~~").map((r) => `${r.lhs} ${r.op} ${num(r.fixed!)}*${r.rhs}`);
  for (let i = 0; i < m; i++) lines.push(`${vars[i]} ~~ ${num(S[i * m + i])}*${vars[i]}`);
  for (let i = 0; i < m; i++) for (let j = 0; j < i; j++) if (S[i * m + j] !== 0) lines.push(`${vars[i]} ~~ ${num(S[i * m + j])}*${vars[j]}`);
  return lines.join("\n");
}

function freedSyntax(rows: SyntaxRow[], defined: SyntaxRow[]): string {
  const lines = rows.filter((r) => !(r.op === "~~" && r.lhs === r.rhs)).map((r) => `${r.lhs} ${r.op} ${r.label ? `${r.label}*` : ""}${r.rhs}`);
  for (const d of defined) lines.push(`${d.lhs} := ${d.rhs}`);
  return lines.join("\n");
}
