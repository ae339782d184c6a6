/**
 * Sample moments for SEM: from raw data (listwise complete cases) or from published summary
 * statistics (a covariance matrix, or correlations plus standard deviations).
 */
import { PathlabError } from "../errors";
import { numericColumns, unknownVariable, type TableInput } from "../data/table-input";
import { cholInPlace } from "./linalg";

/** Summary statistics a paper publishes: covariance (divisor N − 1), optional means, N, variable names. */
export interface MomentsInput {
  cov: number[][];
  means?: number[];
  n: number;
  names: string[];
}

/**
 * Covariance matrix from a correlation matrix and standard deviations: Σ_ij = r_ij · sd_i · sd_j.
 * Papers publish R and SDs; this rebuilds the covariance matrix an SEM is fitted to.
 */
export function covFromCorrelations(R: number[][], sds: number[]): number[][] {
  const p = R.length;
  if (sds.length !== p)
    throw new PathlabError(`covFromCorrelations: ${p}×${p} correlation matrix but ${sds.length} standard deviations.`, { code: "sem-moments" });
  return R.map((row, i) => {
    if (row.length !== p) throw new PathlabError(`covFromCorrelations: row ${i + 1} has ${row.length} entries, expected ${p}.`, { code: "sem-moments" });
    return row.map((r, j) => {
      if (!Number.isFinite(r) || Math.abs(r) > 1 + 1e-12)
        throw new PathlabError(`covFromCorrelations: r[${i + 1}][${j + 1}] = ${r} is not a correlation.`, { code: "sem-moments" });
      if (Math.abs(r - R[j][i]) > 1e-8) throw new PathlabError(`covFromCorrelations: the matrix is not symmetric at [${i + 1}][${j + 1}].`, { code: "sem-moments" });
      return r * sds[i] * sds[j];
    });
  });
}

/** Sample statistics of the observed variables, in model order. */
export interface SampleStats {
  names: string[];
  n: number;
  /** Covariance with divisor N − 1. */
  covUnbiased: Float64Array;
  mean: Float64Array;
  /** Raw columns (complete cases) when fitted from data; needed by the bootstrap. */
  columns?: Float64Array[];
  dropped: number;
}

export function isMomentsInput(x: unknown): x is MomentsInput {
  return x !== null && typeof x === "object" && !Array.isArray(x) && Array.isArray((x as MomentsInput).cov) && typeof (x as MomentsInput).n === "number";
}

/** Moments of the model's observed variables from raw data or from a moments object. */
export function sampleStats(input: TableInput | MomentsInput, names: string[], missing?: number[]): SampleStats {
  const p = names.length;
  let stats: SampleStats;
  if (isMomentsInput(input)) {
    const { cov, n } = input;
    const given = input.names;
    if (!Array.isArray(given) || given.length !== cov.length)
      throw new PathlabError(`The moments input has a ${cov.length}×${cov.length} covariance matrix but ${given?.length ?? 0} names.`, {
        hint: "Pass { cov, n, names } with one name per row of cov.",
        code: "sem-moments",
      });
    if (!(Number.isInteger(n) && n > 1)) throw new PathlabError(`The moments input needs the sample size n > 1, got ${n}.`, { code: "sem-moments" });
    const idx = names.map((v) => {
      const k = given.indexOf(v);
      if (k < 0) throw unknownVariable(v, given);
      return k;
    });
    const S = new Float64Array(p * p);
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) {
        const a = cov[idx[i]][idx[j]];
        const b = cov[idx[j]][idx[i]];
        if (!Number.isFinite(a)) throw new PathlabError(`The covariance of "${names[i]}" and "${names[j]}" is ${a}, not a number.`, { code: "sem-moments" });
        if (Math.abs(a - b) > 1e-8 * Math.max(1, Math.abs(a)))
          throw new PathlabError(`The covariance matrix is not symmetric at "${names[i]}", "${names[j]}" (${a} vs ${b}).`, { code: "sem-moments" });
        S[i * p + j] = a;
      }
    const mean = new Float64Array(p);
    if (input.means) for (let i = 0; i < p; i++) mean[i] = input.means[idx[i]];
    stats = { names: [...names], n, covUnbiased: S, mean, dropped: 0 };
  } else {
    const cols = numericColumns(input, names, { missing });
    const n = cols.n;
    if (n < 2) throw new PathlabError(`Only ${n} complete case(s) on the model's variables.`, { code: "sem-data" });
    const mean = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      let s = 0;
      const c = cols.columns[j];
      for (let i = 0; i < n; i++) s += c[i];
      mean[j] = s / n;
    }
    const S = new Float64Array(p * p);
    for (let a = 0; a < p; a++)
      for (let b = 0; b <= a; b++) {
        const ca = cols.columns[a];
        const cb = cols.columns[b];
        let s = 0;
        for (let i = 0; i < n; i++) s += (ca[i] - mean[a]) * (cb[i] - mean[b]);
        S[a * p + b] = S[b * p + a] = s / (n - 1);
      }
    stats = { names: [...names], n, covUnbiased: S, mean, columns: cols.columns, dropped: cols.dropped };
  }
  checkPD(stats.covUnbiased, names);
  return stats;
}

/** Throws naming the offending variable(s) when the sample covariance matrix is not positive definite. */
export function checkPD(S: Float64Array, names: string[]): void {
  const p = names.length;
  for (let i = 0; i < p; i++) {
    if (!(S[i * p + i] > 0))
      throw new PathlabError(`The sample variance of "${names[i]}" is ${S[i * p + i]}: the variable is constant.`, {
        hint: "Drop the variable from the model, or check the data.",
        code: "sem-not-pd",
      });
  }
  // Fast path: one Cholesky factorisation with a relative pivot check.
  const F = Float64Array.from(S);
  if (!Number.isNaN(cholInPlace(F, p))) {
    let ok = true;
    for (let i = 0; i < p; i++) if ((F[i * p + i] * F[i * p + i]) / S[i * p + i] < 1e-12) ok = false;
    if (ok) return;
  }
  // Find the first leading minor that fails, which names a variable that is (nearly) a combination of earlier ones.
  const L = Float64Array.from(S);
  for (let k = 1; k <= p; k++) {
    const sub = new Float64Array(k * k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) sub[i * k + j] = L[i * p + j];
    const ld = cholInPlace(sub, k);
    let minPivot = Infinity;
    for (let i = 0; i < k && !Number.isNaN(ld); i++) minPivot = Math.min(minPivot, (sub[i * k + i] * sub[i * k + i]) / S[i * p + i]);
    if (Number.isNaN(ld) || minPivot < 1e-12) {
      throw new PathlabError(
        `The sample covariance matrix is not positive definite: "${names[k - 1]}" is (nearly) a linear combination of ${k > 2 ? "earlier variables" : `"${names[0]}"`} (${names.slice(0, k - 1).join(", ")}).`,
        {
          hint: "Remove redundant variables (e.g. a total score together with its items), or check a typed-in covariance matrix for errors.",
          code: "sem-not-pd",
        },
      );
    }
    if (k === p) break;
  }
}
