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
    throw new PathlabError(`covFromCorrelations: ${p}×${p} correlation matrix but ${sds.length} standard deviations.`, { code: "sem.moments" });
  return R.map((row, i) => {
    if (row.length !== p) throw new PathlabError(`covFromCorrelations: row ${i + 1} has ${row.length} entries, expected ${p}.`, { code: "sem.moments" });
    return row.map((r, j) => {
      if (!Number.isFinite(r) || Math.abs(r) > 1 + 1e-12)
        throw new PathlabError(`covFromCorrelations: r[${i + 1}][${j + 1}] = ${r} is not a correlation.`, { code: "sem.moments" });
      if (Math.abs(r - R[j][i]) > 1e-8) throw new PathlabError(`covFromCorrelations: the matrix is not symmetric at [${i + 1}][${j + 1}].`, { code: "sem.moments" });
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

export interface SampleOptions {
  /** Numeric codes that mean "missing" in raw data. */
  naValues?: number[];
  /** Variables to standardise (z-scores with the N − 1 standard deviation) before the moments are taken: lavaan's std.ov. */
  standardize?: string[];
  /** A moments input's covariance has divisor N − 1 (lavaan's sample.cov.rescale, default true); false: divisor N. */
  covDivisorN?: boolean;
}

/** Moments of the model's observed variables from raw data or from a moments object. */
export function sampleStats(input: TableInput | MomentsInput, names: string[], opts: SampleOptions = {}): SampleStats {
  const stats = isMomentsInput(input) ? momentsStats(input, names, opts) : rawStats(input, names, opts);
  checkPD(stats.covUnbiased, names);
  return stats;
}

function momentsStats(input: MomentsInput, names: string[], opts: SampleOptions): SampleStats {
  const p = names.length;
  const { cov, n } = input;
  const given = input.names;
  if (!Array.isArray(given) || given.length !== cov.length)
    throw new PathlabError(`The moments input has a ${cov.length}×${cov.length} covariance matrix but ${given?.length ?? 0} names.`, {
      hint: "Pass { cov, n, names } with one name per row of cov.",
      code: "sem.moments",
    });
  if (!(Number.isInteger(n) && n > 1))
    throw new PathlabError(`The moments input needs the sample size n > 1 (a whole number), got ${n}.`, { code: "sem.moments", hint: "Give the number of cases the covariance matrix was computed from, e.g. n: 301." });
  // A covariance matrix of p variables from n cases has rank ≤ n − 1: a positive definite one needs n > p.
  if (n <= p)
    throw new PathlabError(`The moments input has n = ${n} cases for ${p} observed variables: a covariance matrix of ${p} variables from ${n} cases cannot be positive definite (it needs n > ${p}).`, {
      hint: "Check n (the number of cases, not of variables), or fit fewer variables.",
      code: "sem.moments",
    });
  cov.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== cov.length)
      throw new PathlabError(`Row ${i + 1} ("${given[i]}") of the moments input's covariance matrix has ${Array.isArray(row) ? row.length : 0} entries, expected ${cov.length}.`, { code: "sem.moments", hint: "Pass a square matrix, one row per name." });
  });
  const idx = names.map((v) => {
    const k = given.indexOf(v);
    if (k < 0) throw unknownVariable(v, given);
    return k;
  });
  const scale = opts.covDivisorN ? n / (n - 1) : 1;
  const S = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      const a = cov[idx[i]][idx[j]];
      const b = cov[idx[j]][idx[i]];
      if (typeof a !== "number" || !Number.isFinite(a))
        throw new PathlabError(`The covariance of "${names[i]}" and "${names[j]}" is ${a}, not a finite number.`, { code: "sem.moments", hint: "Check the covariance matrix for typing errors or missing entries." });
      if (Math.abs(a - b) > 1e-8 * Math.max(1, Math.abs(a)))
        throw new PathlabError(`The covariance matrix is not symmetric at "${names[i]}", "${names[j]}" (${a} vs ${b}).`, { code: "sem.moments", hint: "Check the two entries; a covariance matrix is symmetric." });
      S[i * p + j] = a * scale;
    }
  const mean = new Float64Array(p);
  if (input.means) {
    if (!Array.isArray(input.means) || input.means.length !== given.length)
      throw new PathlabError(`The moments input has ${Array.isArray(input.means) ? input.means.length : 0} means for ${given.length} names.`, { code: "sem.moments", hint: "Give one mean per name, in the same order." });
    for (let i = 0; i < p; i++) {
      const m = input.means[idx[i]];
      if (typeof m !== "number" || !Number.isFinite(m))
        throw new PathlabError(`The mean of "${names[i]}" in the moments input is ${m}, not a finite number.`, { code: "sem.moments", hint: `Give a number for the mean of "${names[i]}", or leave means out if the model has no mean structure.` });
      mean[i] = m;
    }
  }
  return { names: [...names], n, covUnbiased: S, mean, dropped: 0 };
}

function rawStats(input: TableInput, names: string[], opts: SampleOptions): SampleStats {
  const p = names.length;
  const cols = numericColumns(input, names, { missing: opts.naValues });
  const n = cols.n;
  if (n < 2) throw new PathlabError(`Only ${n} complete case(s) on the model's variables.`, { code: "sem.data", hint: "Check the missing values of the model's variables." });
  const columns = cols.columns;
  const mean = columnMeans(columns, n);
  for (const v of opts.standardize ?? []) {
    const j = names.indexOf(v);
    const c = (columns[j] = Float64Array.from(columns[j]));
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (c[i] - mean[j]) ** 2;
    const sd = Math.sqrt(ss / (n - 1));
    if (!(sd > 0)) continue; // constant: checkPD names it
    for (let i = 0; i < n; i++) c[i] = (c[i] - mean[j]) / sd;
    mean[j] = 0;
  }
  const S = new Float64Array(p * p);
  for (let a = 0; a < p; a++)
    for (let b = 0; b <= a; b++) {
      const ca = columns[a];
      const cb = columns[b];
      let s = 0;
      for (let i = 0; i < n; i++) s += (ca[i] - mean[a]) * (cb[i] - mean[b]);
      S[a * p + b] = S[b * p + a] = s / (n - 1);
    }
  return { names: [...names], n, covUnbiased: S, mean, columns, dropped: cols.dropped };
}

function columnMeans(columns: Float64Array[], n: number): Float64Array {
  const mean = new Float64Array(columns.length);
  columns.forEach((c, j) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += c[i];
    mean[j] = s / n;
  });
  return mean;
}

/** Throws naming the offending variable(s) when the sample covariance matrix is not positive definite. */
export function checkPD(S: Float64Array, names: string[]): void {
  const p = names.length;
  for (let i = 0; i < p; i++) {
    if (!(S[i * p + i] > 0))
      throw new PathlabError(`The sample variance of "${names[i]}" is ${S[i * p + i]}: the variable is constant.`, {
        hint: "Drop the variable from the model, or check the data.",
        code: "sem.not-pd",
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
          code: "sem.not-pd",
        },
      );
    }
    if (k === p) break;
  }
}
