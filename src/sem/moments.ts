/**
 * Sample moments for SEM: from raw data (listwise complete cases) or from published summary
 * statistics (a covariance matrix, or correlations plus standard deviations).
 */
import { PathlabError } from "../errors";
import { columnNames, isMissing, numericColumns, rawColumn, rowCount, toNumber, unknownVariable, type TableInput } from "../data/table-input";
import { missingSample, type MissingSample } from "./missing";
import { choleskyLogDet } from "../math/linalg";
import { crossProductsSymmetric } from "../math/cross-products";
import { mean as meanOf } from "../math/descriptive";

/** Summary statistics a paper publishes: covariance (divisor N − 1), optional means, N, variable names. */
export interface MomentsInput {
  cov: number[][];
  means?: number[];
  n: number;
  names: string[];
  /** Multiple groups: the group's name (an array of moments inputs is one per group). */
  group?: string;
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
      if (Math.abs(r - R[j][i]) > 1e-8)
        throw new PathlabError(`covFromCorrelations: the matrix is not symmetric at [${i + 1}][${j + 1}].`, { code: "sem.moments" });
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
  /** Full-information ML: the incomplete data (covUnbiased and mean then hold the EM moments). */
  missing?: MissingSample;
  /** FIML: rows dropped for a missing exogenous covariate (fixed.x), and rows with nothing observed. */
  droppedX?: number;
  droppedEmpty?: number;
}

export function isMomentsInput(x: unknown): x is MomentsInput {
  return x !== null && typeof x === "object" && !Array.isArray(x) && Array.isArray((x as MomentsInput).cov) && typeof (x as MomentsInput).n === "number";
}

/** Moments of several groups: an array of `{ cov, means?, n, names, group? }`, one per group. */
export function isGroupMomentsInput(x: unknown): x is MomentsInput[] {
  return Array.isArray(x) && x.length > 0 && x.every(isMomentsInput);
}

/** How the data splits into groups: labels in lavaan's order and, for raw data, each row's group. */
export interface GroupLayout {
  labels: string[];
  /** Raw data: the group (0-based) of each row, −1 for rows of groups not analysed. */
  rowGroup?: Int32Array;
}

/**
 * Groups of raw data as lavaan forms them (lav_data_full): the distinct values of the group column
 * in order of appearance (or the order of `groupLabel`). A missing group value is an error (lavaan
 * drops such rows with a warning; here dropping must be explicit).
 */
export function groupLayout(input: TableInput, group: string, groupLabel?: string[]): GroupLayout {
  const names = columnNames(input);
  if (!names.includes(group)) throw unknownVariable(group, names);
  const raw = rawColumn(input, group);
  const missingRows: number[] = [];
  const values = raw.map((v, i) => {
    if (isMissing(v)) {
      missingRows.push(i + 1);
      return "";
    }
    return String(typeof v === "string" ? v.trim() : v);
  });
  if (missingRows.length)
    throw new PathlabError(
      `The group variable "${group}" is missing in ${missingRows.length} row${missingRows.length > 1 ? "s" : ""} (row ${missingRows.slice(0, 5).join(", ")}${missingRows.length > 5 ? ", …" : ""}).`,
      {
        code: "sem.group-missing",
        hint: `Drop those rows before fitting (lavaan drops them with a warning), or recode the missing group values.`,
      },
    );
  const seen = [...new Set(values)];
  let labels = seen;
  if (groupLabel) {
    const unknown = groupLabel.filter((l) => !seen.includes(l));
    if (unknown.length)
      throw new PathlabError(
        `groupLabel: ${unknown.map((l) => `"${l}"`).join(", ")} ${unknown.length > 1 ? "do" : "does"} not occur in the group variable "${group}".`,
        {
          code: "options.bad-value",
          hint: `Values of "${group}": ${seen
            .slice(0, 20)
            .map((l) => `"${l}"`)
            .join(", ")}.`,
        },
      );
    labels = [...new Set(groupLabel)];
  }
  const index = new Map(labels.map((l, k) => [l, k]));
  const rowGroup = Int32Array.from(values, (v) => index.get(v) ?? -1);
  return { labels, rowGroup };
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

/**
 * Moments of each group: raw data split by `layout` (listwise deletion over all groups first, as
 * lavaan), or one moments object per group. Each group is checked on its own (enough cases, no
 * constant variable, a positive definite covariance), and the error names the group.
 */
export function groupSampleStats(input: TableInput | MomentsInput[], names: string[], layout: GroupLayout, opts: SampleOptions = {}): SampleStats[] {
  const p = names.length;
  const stats = isGroupMomentsInput(input) ? input.map((m) => momentsStats(m, names, opts)) : splitRaw(input as TableInput, names, layout, opts);
  stats.forEach((st, g) => {
    const where = `group ${g + 1} ("${layout.labels[g]}")`;
    if (st.n <= p)
      throw new PathlabError(
        `The ${where} has ${st.n} complete case${st.n === 1 ? "" : "s"} for ${p} observed variables: its covariance matrix cannot be positive definite (it needs more than ${p} cases).`,
        {
          code: "sem.group-too-small",
          hint: "Merge small groups, drop the group (groupLabel lists the groups to analyse), or fit fewer variables.",
        },
      );
    try {
      checkPD(st.covUnbiased, names);
    } catch (e) {
      if (e instanceof PathlabError) throw new PathlabError(`In ${where}: ${e.message[0].toLowerCase()}${e.message.slice(1)}`, { code: e.code, hint: e.hint });
      throw e;
    }
  });
  return stats;
}

function splitRaw(input: TableInput, names: string[], layout: GroupLayout, opts: SampleOptions): SampleStats[] {
  const cols = numericColumns(input, names, { missing: opts.naValues });
  const G = layout.labels.length;
  const members: number[][] = Array.from({ length: G }, () => []);
  cols.rows.forEach((row, k) => {
    const g = layout.rowGroup![row];
    if (g >= 0) members[g].push(k);
  });
  return members.map((ks) => {
    const columns = cols.columns.map((c) => Float64Array.from(ks, (k) => c[k]));
    return momentsOfColumns(names, columns, ks.length, cols.dropped, opts);
  });
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
    throw new PathlabError(`The moments input needs the sample size n > 1 (a whole number), got ${n}.`, {
      code: "sem.moments",
      hint: "Give the number of cases the covariance matrix was computed from, e.g. n: 301.",
    });
  // A covariance matrix of p variables from n cases has rank ≤ n − 1: a positive definite one needs n > p.
  if (n <= p)
    throw new PathlabError(
      `The moments input has n = ${n} cases for ${p} observed variables: a covariance matrix of ${p} variables from ${n} cases cannot be positive definite (it needs n > ${p}).`,
      {
        hint: "Check n (the number of cases, not of variables), or fit fewer variables.",
        code: "sem.moments",
      },
    );
  cov.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== cov.length)
      throw new PathlabError(
        `Row ${i + 1} ("${given[i]}") of the moments input's covariance matrix has ${Array.isArray(row) ? row.length : 0} entries, expected ${cov.length}.`,
        { code: "sem.moments", hint: "Pass a square matrix, one row per name." },
      );
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
        throw new PathlabError(`The covariance of "${names[i]}" and "${names[j]}" is ${a}, not a finite number.`, {
          code: "sem.moments",
          hint: "Check the covariance matrix for typing errors or missing entries.",
        });
      if (Math.abs(a - b) > 1e-8 * Math.max(1, Math.abs(a)))
        throw new PathlabError(`The covariance matrix is not symmetric at "${names[i]}", "${names[j]}" (${a} vs ${b}).`, {
          code: "sem.moments",
          hint: "Check the two entries; a covariance matrix is symmetric.",
        });
      S[i * p + j] = a * scale;
    }
  const mean = new Float64Array(p);
  if (input.means) {
    if (!Array.isArray(input.means) || input.means.length !== given.length)
      throw new PathlabError(`The moments input has ${Array.isArray(input.means) ? input.means.length : 0} means for ${given.length} names.`, {
        code: "sem.moments",
        hint: "Give one mean per name, in the same order.",
      });
    for (let i = 0; i < p; i++) {
      const m = input.means[idx[i]];
      if (typeof m !== "number" || !Number.isFinite(m))
        throw new PathlabError(`The mean of "${names[i]}" in the moments input is ${m}, not a finite number.`, {
          code: "sem.moments",
          hint: `Give a number for the mean of "${names[i]}", or leave means out if the model has no mean structure.`,
        });
      mean[i] = m;
    }
  }
  return { names: [...names], n, covUnbiased: S, mean, dropped: 0 };
}

function rawStats(input: TableInput, names: string[], opts: SampleOptions): SampleStats {
  const cols = numericColumns(input, names, { missing: opts.naValues });
  if (cols.n < 2)
    throw new PathlabError(`Only ${cols.n} complete case(s) on the model's variables.`, {
      code: "sem.data",
      hint: "Check the missing values of the model's variables.",
    });
  return momentsOfColumns(names, cols.columns, cols.n, cols.dropped, opts);
}

/** Means and covariance (divisor N − 1) of complete columns; std.ov standardises first. */
function momentsOfColumns(names: string[], columns: Float64Array[], n: number, dropped: number, opts: SampleOptions): SampleStats {
  const p = names.length;
  const mean = Float64Array.from(columns, (c) => meanOf(c));
  for (const v of opts.standardize ?? []) {
    const j = names.indexOf(v);
    const c = Float64Array.from(columns[j]);
    columns[j] = c;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (c[i] - mean[j]) ** 2;
    const sd = Math.sqrt(ss / (n - 1));
    if (!(sd > 0)) continue; // constant: checkPD names it
    for (let i = 0; i < n; i++) c[i] = (c[i] - mean[j]) / sd;
    mean[j] = 0;
  }
  // Centred once per column, then one multiply-add per pair and row (the same products in the same order).
  const centred = columns.map((c, j) => {
    const m = mean[j];
    const d = new Float64Array(n);
    for (let i = 0; i < n; i++) d[i] = c[i] - m;
    return d;
  });
  const S = crossProductsSymmetric(centred, n);
  for (let k = 0; k < p * p; k++) S[k] /= n - 1;
  return { names: [...names], n, covUnbiased: S, mean, columns, dropped };
}

/**
 * Columns of raw data with missing values kept as NaN (full-information ML), one set per group of
 * `layout` (all rows when there are no groups). Rows missing on every model variable are dropped
 * (as lavaan) and counted; rows missing a fixed.x covariate are dropped (lavaan's missing = "ml").
 */
export function fimlSampleStats(input: TableInput, names: string[], opts: SampleOptions & { complete?: string[] }, layout?: GroupLayout): SampleStats[] {
  const all = columnNames(input);
  for (const v of names) if (!all.includes(v)) throw unknownVariable(v, all);
  const nRows = names.length ? columnValues(input, names[0]).length : rowCount(input);
  const codes = opts.naValues ?? [];
  const cols = names.map((v) => {
    const raw = columnValues(input, v);
    const out = new Float64Array(nRows);
    for (let i = 0; i < nRows; i++) {
      const x = raw[i];
      out[i] = typeof x === "number" && Number.isFinite(x) && !codes.includes(x) ? x : isMissing(x, codes) ? NaN : toNumber(x, v, i);
    }
    return out;
  });
  const completeIdx = (opts.complete ?? []).map((v) => names.indexOf(v));
  const G = layout ? layout.labels.length : 1;
  const members: number[][] = Array.from({ length: G }, () => []);
  let droppedX = 0;
  for (let i = 0; i < nRows; i++) {
    const g = layout ? layout.rowGroup![i] : 0;
    if (g < 0) continue;
    if (completeIdx.some((j) => Number.isNaN(cols[j][i]))) {
      droppedX++;
      continue;
    }
    members[g].push(i);
  }
  return members.map((rows, g) => {
    const gcols = cols.map((c) => Float64Array.from(rows, (i) => c[i]));
    const where = layout ? ` in group ${g + 1} ("${layout.labels[g]}")` : "";
    let ms: { sample: MissingSample; droppedEmpty: number };
    try {
      ms = missingSample(gcols, names, rows.length);
    } catch (e) {
      if (e instanceof PathlabError && where) throw new PathlabError(e.message.replace("FIML: ", `FIML${where}: `), { code: e.code, hint: e.hint });
      throw e;
    }
    const n = ms.sample.n;
    const covUnbiased = ms.sample.cov.map((v) => (v * n) / (n - 1));
    return {
      names: [...names],
      n,
      covUnbiased,
      mean: ms.sample.mean,
      dropped: ms.droppedEmpty + (g === 0 ? droppedX : 0),
      missing: ms.sample,
      droppedX: g === 0 ? droppedX : 0,
      droppedEmpty: ms.droppedEmpty,
    };
  });
}

/** One column of a table already checked (columnNames) — without re-checking the table per column. */
function columnValues(input: TableInput, name: string): ArrayLike<unknown> {
  if (Array.isArray(input)) return (input as { [k: string]: unknown }[]).map((r) => r[name]);
  const df = input as { columns?: unknown; values?: unknown };
  if (Array.isArray(df.columns) && Array.isArray(df.values)) {
    const j = (df.columns as string[]).indexOf(name);
    return (df.values as unknown[][]).map((row) => row[j]);
  }
  return (input as { [k: string]: ArrayLike<unknown> })[name];
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
  if (!Number.isNaN(choleskyLogDet(F, p))) {
    let ok = true;
    for (let i = 0; i < p; i++) if ((F[i * p + i] * F[i * p + i]) / S[i * p + i] < 1e-12) ok = false;
    if (ok) return;
  }
  // Find the first leading minor that fails, which names a variable that is (nearly) a combination of earlier ones.
  const L = Float64Array.from(S);
  for (let k = 1; k <= p; k++) {
    const sub = new Float64Array(k * k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) sub[i * k + j] = L[i * p + j];
    const ld = choleskyLogDet(sub, k);
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
