/**
 * Cronbach's α with the item analysis psych::alpha reports (psych 2.2.9), including psych's keys
 * (reverse-keyed items), check.keys and missing-data handling.
 *
 * For k items with covariance matrix C and correlation matrix R (Cronbach, 1951; Revelle's psych):
 *   raw α       = k/(k−1) · (1 − tr(C) / ΣC)
 *   std. α      = k/(k−1) · (1 − k / ΣR)          (= k r̄ / (1 + (k−1) r̄))
 *   G6(smc)     = 1 − (k − Σ smc_i) / ΣR          (Guttman's λ6, smc = squared multiple correlation)
 *   average r̄   = (ΣR − k) / (k(k−1)),  S/N = k r̄ / (1 − r̄)
 *   ase         = √(Q/N), Q = 2k²/((k−1)²(ΣC)³) · [ΣC (tr(C²) + tr(C)²) − 2 tr(C) Σ(C²)]
 *                 (Duhachek & Iacobucci, 2004); N = the number of rows (psych counts every row)
 * Item statistics: raw.r = cor(item, mean score); std.r = Σ_j R_ij / √ΣR; r.cor = the same with
 * smc on the diagonal; r.drop = cor(item, sum of the other items) (the corrected item–total r);
 * "if deleted" = the statistics above on the remaining k − 1 items (undefined when k = 2).
 * The total score is each person's mean over the items they answered; its mean and SD are over people.
 *
 * Missing data (psych's `use`): "pairwise" (psych's default) — C from pairwise-complete covariances,
 * item means/SDs over each item's answers, raw.r over rows with the item and a total; "complete" —
 * C and raw.r from the rows complete on every item, item means/SDs and the total score still from
 * every answer (exactly as psych::alpha(use = "complete") does). Without missing values both are the
 * ordinary complete-data statistics.
 *
 * Keys: reversed items (written "-A1", or keys [-1, 1, …], or keys ["A1"]) are scored
 * (max + min) − x with min and max over all the items (psych). `checkKeys: true` reverses every item
 * that loads negatively on the first principal component (psych's check.keys).
 */
import { PathlabError } from "../errors";
import { checkOptions, type OptionSpecs } from "../options";
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import type { TableInput } from "../data/table-input";
import { pairwiseColumns, pairwiseMoments, type PairwiseColumns } from "../data/pairwise";
import { covarianceMatrix, meanSdNonMissing, median, sumAll, symEigen, variance } from "../math";
import { smcOf } from "./efa/input";
import { parseKeyedItems } from "./keys";

export interface AlphaStatistics {
  rawAlpha: number;
  stdAlpha: number;
  G6: number;
  averageR: number;
  signalNoise: number;
  /** Asymptotic standard error of raw α. */
  ase: number;
  /** Variance and median of the inter-item correlations. */
  varR: number;
  medianR: number;
}

export interface AlphaItem {
  /** Item name; reversed items keep their name (see `reversed`). */
  item: string;
  /** True when the item was reverse-scored. */
  reversed: boolean;
  /** Answers to this item. */
  n: number;
  /** Correlation of the item with the total (mean) score. */
  rawR: number;
  /** Correlation with the total of the standardised items. */
  stdR: number;
  /** std.r corrected for item overlap and reliability (smc on the diagonal). */
  rCor: number;
  /** Corrected item–total correlation: with the sum of the other items. */
  rDrop: number;
  mean: number;
  sd: number;
  /** α and related statistics of the scale without this item. */
  ifDeleted: AlphaStatistics;
}

/** Options of `cronbachAlpha` / `alpha`: keys for reversed items, missing-value handling, a label (psych's alpha arguments). */
export interface AlphaOptions {
  /** Declared missing codes, e.g. [99, -9]. */
  missing?: number[];
  /** psych's keys: ±1 per item, or the names of the items to reverse. Items may also be written "-A1". */
  keys?: number[] | string[];
  /** Reverse items that load negatively on the first principal component (psych's check.keys). */
  checkKeys?: boolean;
  /** Missing data: "pairwise" (default, as psych) or "complete". */
  use?: "pairwise" | "complete";
  label?: string;
  /** Total score as the sum of the items answered instead of their mean (psych's cumulative; default false). */
  cumulative?: boolean;
  /** Replace missing answers by the item's "median" or "mean" first (psych's impute; default none). */
  impute?: "median" | "mean" | "none" | null;
  /** psych's delete (default true): an item without variance is dropped with a warning, its constant still added to the total score. */
  delete?: boolean;
  /** Accepted at psych's values that change no number here (max: response-frequency categories, warnings) or at defaults (na.rm, n.iter). */
  max?: number;
  warnings?: boolean;
  naRm?: boolean;
  nIter?: number;
}

const ALPHA_SPECS: OptionSpecs = {
  missing: {
    kind: "custom",
    check: (v) => (Array.isArray(v) && v.every((x) => typeof x === "number") ? undefined : "must be an array of numbers"),
    expected: "an array of missing-value codes such as [99, -9]",
  },
  keys: { kind: "custom", check: (v) => (Array.isArray(v) ? undefined : "must be an array"), expected: 'keys such as [-1, 1, 1] or ["A1"]' },
  checkKeys: { kind: "boolean", aliases: ["check.keys"] },
  use: { kind: "enum", values: ["pairwise", "complete"], valueAliases: { "pairwise.complete.obs": "pairwise", "complete.obs": "complete" } },
  label: { kind: "string", aliases: ["title"] },
  cumulative: { kind: "boolean" },
  impute: {
    kind: "custom",
    check: (v) => (v === null || v === "none" || v === "median" || v === "mean" ? undefined : 'must be "median", "mean", "none" or null'),
    expected: '"median" or "mean"',
  },
  delete: { kind: "boolean" },
  max: { kind: "number", min: 1, description: "psych's response-frequency limit (no effect on the statistics)" },
  warnings: { kind: "fixed", value: [true, false], otherwise: "warnings are always collected in result.warnings." },
  naRm: {
    kind: "fixed",
    value: true,
    aliases: ["na.rm"],
    otherwise: "with na.rm = FALSE psych gives NA totals for incomplete rows; missing answers are always skipped here.",
  },
  nIter: { kind: "fixed", value: 1, aliases: ["n.iter"], otherwise: "bootstrapped α intervals are not implemented." },
  nObs: { kind: "custom", aliases: ["n.obs"], unsupported: "cronbachAlpha takes raw data; n.obs is psych's sample size for a covariance matrix." },
};

function alphaStats(C: number[][], R: number[][], nObs: number): AlphaStatistics {
  const k = C.length;
  const sumC = sumAll(C);
  let trC = 0;
  for (let i = 0; i < k; i++) trC += C[i][i];
  const sumR = sumAll(R);
  const rawAlpha = (1 - trC / sumC) * (k / (k - 1));
  const stdAlpha = (1 - k / sumR) * (k / (k - 1));
  const s = smcOf(R);
  const G6 = 1 - (k - s.reduce((a, b) => a + b, 0)) / sumR;
  const averageR = (sumR - k) / (k * (k - 1));
  const lower: number[] = [];
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) lower.push(R[i][j]);
  // tr(C²) = Σ C_ij² for symmetric C; Σ(C²) = Σ_j (Σ_i C_ij)²
  let trC2 = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) trC2 += C[i][j] * C[i][j];
  let sumC2 = 0;
  for (let j = 0; j < k; j++) {
    let cs = 0;
    for (let i = 0; i < k; i++) cs += C[i][j];
    sumC2 += cs * cs;
  }
  const Q = ((2 * k * k) / ((k - 1) * (k - 1) * sumC * sumC * sumC)) * (sumC * (trC2 + trC * trC) - 2 * trC * sumC2);
  return {
    rawAlpha,
    stdAlpha,
    G6,
    averageR,
    signalNoise: (k * averageR) / (1 - averageR),
    ase: Math.sqrt(Q / nObs),
    varR: variance(lower),
    medianR: median(lower),
  };
}

const NAN_STATS: AlphaStatistics = { rawAlpha: NaN, stdAlpha: NaN, G6: NaN, averageR: NaN, signalNoise: NaN, ase: NaN, varR: NaN, medianR: NaN };

/** Cronbach's α of a scale with its item analysis (see module comment for every formula). */
export class AlphaResult extends Result {
  constructor(
    readonly items: AlphaItem[],
    readonly total: AlphaStatistics & { mean: number; sd: number },
    /** Rows in the data (psych's N for the standard error). */
    readonly n: number,
    /** Rows with at least one missing item. */
    readonly dropped: number,
    readonly label?: string,
    readonly use: "pairwise" | "complete" = "pairwise",
  ) {
    super();
  }

  /** Raw Cronbach's α. */
  get alpha(): number {
    return this.total.rawAlpha;
  }

  title(): string {
    return `Reliability${this.label ? `: ${this.label}` : ""} (Cronbach's α)`;
  }

  info(): string[] {
    const rev = this.items.filter((i) => i.reversed).map((i) => i.item);
    const lines = [`N = ${this.n}, ${this.items.length} items${rev.length ? `; reverse-keyed: ${rev.join(", ")}` : ""}`];
    if (this.dropped === 0) lines.push(`No missing values (use = "${this.use}" makes no difference).`);
    else if (this.use === "pairwise")
      lines.push(
        `${this.dropped} row(s) have missing items: covariances use pairwise-complete rows (use = "pairwise", psych's default); item n in the item table.`,
      );
    else
      lines.push(
        `${this.dropped} row(s) have missing items: covariances use the ${this.n - this.dropped} complete rows (use = "complete"); item means, SDs and the total score use every answer, as psych does.`,
      );
    return lines;
  }

  tables(): TableSpec[] {
    const t = this.total;
    return [
      {
        columns: [
          { key: "raw", label: "α (raw)" },
          { key: "std", label: "α (standardised)" },
          { key: "G6", label: "G6(smc)" },
          { key: "avr", label: "Average r" },
          { key: "sn", label: "S/N" },
          { key: "ase", label: "ASE" },
          { key: "mean", label: "Mean" },
          { key: "sd", label: "SD" },
        ],
        rows: [{ raw: t.rawAlpha, std: t.stdAlpha, G6: t.G6, avr: t.averageR, sn: t.signalNoise, ase: t.ase, mean: t.mean, sd: t.sd }],
        notes: ["α = k/(k−1)(1 − tr C/ΣC); std. α = k/(k−1)(1 − k/ΣR); G6 = 1 − (k − Σsmc)/ΣR; ASE (Duhachek & Iacobucci, 2004) with N = all rows."],
      },
      {
        title: "Item statistics",
        columns: [
          { key: "item", label: "Item", format: "text" },
          { key: "n", label: "n", format: "int" },
          { key: "mean", label: "Mean" },
          { key: "sd", label: "SD" },
          { key: "rawR", label: "r (item–total)" },
          { key: "rDrop", label: "r (corrected)" },
          { key: "alphaDel", label: "α if deleted" },
          { key: "stdDel", label: "std. α if deleted" },
        ],
        rows: this.items.map((it) => ({
          item: it.reversed ? `${it.item}-` : it.item,
          n: it.n,
          mean: it.mean,
          sd: it.sd,
          rawR: it.rawR,
          rDrop: it.rDrop,
          alphaDel: it.ifDeleted.rawAlpha,
          stdDel: it.ifDeleted.stdAlpha,
        })),
        notes: [
          "r (corrected) = correlation of the item with the sum of the other items; α if deleted = raw α of the remaining items.",
          ...(this.items.some((i) => i.reversed) ? ["Items marked - are reverse-scored: (max + min) − x."] : []),
        ],
      },
    ];
  }
}

/** First principal-component loadings of R, signed so that they sum to a positive value (psych's principal). */
function firstComponent(R: number[][]): number[] {
  const e = symEigen(R);
  const v = e.vectors.map((r) => r[0] * Math.sqrt(Math.max(e.values[0], 0)));
  return v.reduce((a, b) => a + b, 0) < 0 ? v.map((x) => -x) : v;
}

/** Pearson r over the rows where both are present (NaN = missing). */
function corPair(x: Float64Array, y: Float64Array, rows?: Uint8Array): number {
  // biome-ignore format: kept compact on purpose (a hot loop or a dense table)
  let n = 0, sx = 0, sy = 0;
  // biome-ignore format: kept compact on purpose (a hot loop or a dense table)
  for (let i = 0; i < x.length; i++) if (x[i] === x[i] && y[i] === y[i] && (!rows || rows[i])) { n++; sx += x[i]; sy += y[i]; }
  const mx = sx / n;
  const my = sy / n;
  // biome-ignore format: kept compact on purpose (a hot loop or a dense table)
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < x.length; i++)
    if (x[i] === x[i] && y[i] === y[i] && (!rows || rows[i])) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) ** 2;
      syy += (y[i] - my) ** 2;
    }
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Cronbach's α (raw and standardised), Guttman's λ6, α if item deleted and the item–total
 * correlations, as psych::alpha reports them — pairwise by default, as psych (see the module
 * comment). Items may be reverse-keyed ("-A1", `keys`, `checkKeys`). Needs at least two items,
 * none with zero variance.
 *
 * @example
 * cronbachAlpha(df, ["tr1", "tr2", "tr3", "tr4"], { keys: ["tr4"] })   // tr4 reverse-keyed
 */
export function cronbachAlpha(data: TableInput, items: string[], opts: AlphaOptions = {}): AlphaResult {
  const o = checkOptions<AlphaOptions>("cronbachAlpha", opts, ALPHA_SPECS);
  if (!Array.isArray(items) || items.length < 2)
    throw new PathlabError(
      `Cronbach's α needs at least 2 items; got ${Array.isArray(items) ? items.length : 0}${Array.isArray(items) && items.length ? ` (${items.join(", ")})` : ""}.`,
      {
        hint: "A single-item measure has no internal consistency; report it without α.",
        code: "measurement.too-few-items",
      },
    );
  const keyed = parseKeyedItems(items, o.keys, "cronbachAlpha(): keys");
  const dup = keyed.items.find((it, i) => keyed.items.indexOf(it) !== i);
  if (dup) throw new PathlabError(`Item "${dup}" is listed twice.`, { code: "measurement.duplicate-item" });
  const use = o.use ?? "pairwise";
  const { cols, names, constant } = prepareItems(data, keyed, o);
  const k = names.length;
  if (k < 2)
    throw new PathlabError(
      `Cronbach's α: only ${k} item(s) have variance (${constant.map((c) => c.name).join(", ")} ${constant.length > 1 ? "are" : "is"} constant).`,
      {
        hint: "A constant item carries no information about reliability; α needs at least 2 varying items.",
        code: "measurement.zero-variance",
      },
    );
  let lo = Infinity;
  let hi = -Infinity;
  cols.columns.forEach((c, j) => {
    const s = meanSdNonMissing(c);
    if (!(s.sd > 0))
      throw new PathlabError(`Item "${names[j]}" has ${s.n < 2 ? `only ${s.n} answer(s)` : "zero variance (every respondent gave the same answer)"}.`, {
        hint: "A constant item carries no information about reliability; drop it from the scale (psych's delete = TRUE drops it).",
        code: "measurement.zero-variance",
      });
    // biome-ignore format: kept compact on purpose (a hot loop or a dense table)
    for (let i = 0; i < c.length; i++) if (c[i] === c[i]) { if (c[i] < lo) lo = c[i]; if (c[i] > hi) hi = c[i]; }
  });
  const rows = cols.nRows;
  const complete = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) complete[i] = cols.columns.every((c) => c[i] === c[i]) ? 1 : 0;
  if (use === "complete" && cols.nComplete < 3)
    throw new PathlabError(`Cronbach's α: only ${cols.nComplete} complete row(s) across ${names.join(", ")}.`, {
      hint: 'Use use: "pairwise" (psych\'s default).',
      code: "measurement.too-few-rows",
    });
  const pc = firstComponent(pairwiseMoments(cols.columns).r);
  let signs = keyed.signs;
  const negative = names.filter((_, i) => pc[i] < 0);
  const userKeyed = keyed.signs.some((s) => s < 0);
  if (o.checkKeys && negative.length) signs = pc.map((v) => (v < 0 ? -1 : 1));
  // psych's reversal: (max + min) − x, with max and min over all the items
  const x = cols.columns.map((c, j) => (signs[j] < 0 ? c.map((v) => hi + lo - v) : c));
  let C: number[][];
  if (use === "pairwise" || cols.nComplete === rows) C = cols.nComplete === rows ? covarianceMatrix(x) : pairwiseMoments(x).cov;
  else C = covarianceMatrix(x.map((c) => c.filter((_, i) => complete[i])));
  const R = C.map((r, i) => r.map((v, j) => (i === j ? 1 : v / Math.sqrt(C[i][i] * C[j][j]))));
  const totalStats = alphaStats(C, R, rows);
  const score = personScores(x, rows, constant, o.cumulative === true);
  const tot = meanSdNonMissing(score);
  const sumR = sumAll(R);
  const s = smcOf(R);
  const RC = R.map((row, i) => row.map((v, j) => (i === j ? s[i] : v)));
  const sumRC = sumAll(RC);
  const sumC = sumAll(C);
  const out: AlphaItem[] = names.map((item, i) => {
    const ms = meanSdNonMissing(x[i]);
    let colR = 0;
    let colRC = 0;
    let colC = 0;
    for (let j = 0; j < k; j++) {
      colR += R[j][i];
      colRC += RC[j][i];
      colC += C[j][i];
    }
    const vDrop = sumC - 2 * colC + C[i][i];
    const cDrop = colC - C[i][i];
    let ifDeleted = NAN_STATS;
    if (k > 2) {
      const keep = names.map((_, j) => j).filter((j) => j !== i);
      ifDeleted = alphaStats(
        keep.map((a) => keep.map((b) => C[a][b])),
        keep.map((a) => keep.map((b) => R[a][b])),
        rows,
      );
    }
    return {
      item,
      reversed: signs[i] < 0,
      n: ms.n,
      rawR: corPair(score, x[i], use === "complete" ? complete : undefined),
      stdR: colR / Math.sqrt(sumR),
      rCor: colRC / Math.sqrt(sumRC),
      rDrop: cDrop / Math.sqrt(C[i][i] * vDrop),
      mean: ms.mean,
      sd: ms.sd,
      ifDeleted,
    };
  });
  const res = new AlphaResult(out, { ...totalStats, mean: tot.mean, sd: tot.sd }, rows, rows - cols.nComplete, o.label, use);
  if (negative.length && !o.checkKeys && !userKeyed && o.keys === undefined)
    res.warnings.push({
      code: "negative-item-total",
      message: `Item(s) ${negative.join(", ")} correlate negatively with the total scale (first principal component) and probably should be reversed: write them as "-${negative[0]}", give keys, or use checkKeys: true.`,
    });
  for (const c of constant)
    res.warnings.push({
      code: "measurement.item-deleted",
      message: `Item ${c.name} had no variance and was deleted but still is counted in the score (psych's delete = TRUE).`,
    });
  if (o.checkKeys && negative.length)
    res.warnings.push({
      code: "keys-reversed",
      message: `checkKeys reversed ${negative.join(", ")} (negative loadings on the first principal component), as psych's check.keys.`,
    });
  return res;
}

/** Each person's mean (cumulative: sum) over the items they answered; a deleted constant item still counts (psych). */
function personScores(x: Float64Array[], rows: number, constant: { value: number }[], cumulative: boolean): Float64Array {
  const k = x.length;
  const score = new Float64Array(rows);
  const sumBad = constant.reduce((a, c) => a + c.value, 0);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    let m = 0;
    // biome-ignore format: kept compact on purpose (a hot loop or a dense table)
    for (const c of x) if (c[i] === c[i]) { s += c[i]; m++; }
    if (cumulative) score[i] = s + sumBad;
    else score[i] = constant.length ? (k * (m ? s / m : NaN) + sumBad) / (k + constant.length) : m ? s / m : NaN;
  }
  return score;
}

/**
 * psych's check.keys as a function: the items with a minus sign on those that load negatively on
 * the first principal component of their (pairwise) correlations, ready for cronbachAlpha or
 * scoreItems. E.g. checkKeys(bfi, ["C1", …, "C5"]) → ["C1", "C2", "C3", "-C4", "-C5"].
 */
export function checkKeys(data: TableInput, items: string[], opts: { missing?: number[] } = {}): string[] {
  const o = checkOptions<{ missing?: number[] }>("checkKeys", opts, { missing: ALPHA_SPECS.missing });
  const keyed = parseKeyedItems(items, undefined, "checkKeys()");
  if (keyed.items.length < 2) throw new PathlabError("checkKeys() needs at least 2 items.", { code: "measurement.too-few-items" });
  const cols = pairwiseColumns(data, keyed.items, { missing: o.missing });
  const pc = firstComponent(pairwiseMoments(cols.columns).r);
  return keyed.items.map((it, i) => (pc[i] < 0 ? `-${it}` : it));
}

/** psych's name for cronbachAlpha. */
export const alpha = cronbachAlpha;

/**
 * The item columns psych::alpha analyses: imputed first when asked (psych's impute), then without
 * the items that have no variance (psych's delete = TRUE; their constants still enter the total).
 */
function prepareItems(
  data: TableInput,
  keyed: { items: string[]; signs: number[] },
  o: AlphaOptions,
): { cols: PairwiseColumns; names: string[]; constant: { name: string; value: number }[] } {
  const all = pairwiseColumns(data, keyed.items, { missing: o.missing });
  if (o.impute === "median" || o.impute === "mean") {
    const how = o.impute;
    all.columns = all.columns.map((c) => {
      const v = Array.from(c).filter((x) => x === x);
      const fill = how === "mean" ? v.reduce((a, b) => a + b, 0) / v.length : median(v);
      return Float64Array.from(c, (x) => (x === x ? x : fill));
    });
    all.nComplete = all.nRows;
    all.anyMissing = false;
  }
  // psych's delete = TRUE: items without variance leave the analysis, their constant stays in the total
  const constant: { name: string; value: number }[] = [];
  const keepIdx: number[] = [];
  all.columns.forEach((c, j) => {
    const s = meanSdNonMissing(c);
    if (s.sd > 0 || o.delete === false) keepIdx.push(j);
    else constant.push({ name: keyed.items[j], value: c.find((v) => v === v) ?? NaN });
  });
  const cols = constant.length ? pairwiseColumnsSubset(all, keepIdx) : all;
  const names = keepIdx.map((j) => keyed.items[j]);
  keyed.signs = keepIdx.map((j) => keyed.signs[j]);
  return { cols, names, constant };
}

/** The same columns restricted to `keep`, with the complete-row count recomputed. */
function pairwiseColumnsSubset(cols: PairwiseColumns, keep: number[]): PairwiseColumns {
  const columns = keep.map((j) => cols.columns[j]);
  let nComplete = 0;
  for (let i = 0; i < cols.nRows; i++) if (columns.every((c) => c[i] === c[i])) nComplete++;
  return { names: keep.map((j) => cols.names[j]), columns, nRows: cols.nRows, nComplete, anyMissing: nComplete < cols.nRows };
}
