/**
 * Cronbach's α with the item analysis psych::alpha reports.
 *
 * For k items with covariance matrix C and correlation matrix R (Cronbach, 1951; Revelle's psych):
 *   raw α       = k/(k−1) · (1 − tr(C) / ΣC)
 *   std. α      = k/(k−1) · (1 − k / ΣR)          (= k r̄ / (1 + (k−1) r̄))
 *   G6(smc)     = 1 − (k − Σ smc_i) / ΣR          (Guttman's λ6, smc = squared multiple correlation)
 *   average r̄   = (ΣR − k) / (k(k−1)),  S/N = k r̄ / (1 − r̄)
 *   ase         = √(Q/n), Q = 2k²/((k−1)²(ΣC)³) · [ΣC (tr(C²) + tr(C)²) − 2 tr(C) Σ(C²)]
 *                 (Duhachek & Iacobucci, 2004)
 * Item statistics: raw.r = cor(item, mean score); std.r = Σ_j R_ij / √ΣR; r.cor = the same with
 * smc on the diagonal; r.drop = cor(item, sum of the other items) (the corrected item–total r);
 * "if deleted" = the statistics above on the remaining k − 1 items (undefined when k = 2).
 * The total score's mean and SD are those of the per-person item mean.
 */
import { PathlabError } from "../errors";
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import { numericColumns, type TableInput } from "../data/table-input";
import { covToCor } from "../stats/matrix";
import { covarianceMatrix, median, smc, sumAll, variance } from "./matrix";

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
  item: string;
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

export interface AlphaOptions {
  /** Declared missing codes; rows missing on any item are dropped (listwise). */
  missing?: number[];
}

function alphaStats(C: number[][], R: number[][], nObs: number, names: string[]): AlphaStatistics {
  const k = C.length;
  const sumC = sumAll(C);
  let trC = 0;
  for (let i = 0; i < k; i++) trC += C[i][i];
  const sumR = sumAll(R);
  const rawAlpha = (1 - trC / sumC) * (k / (k - 1));
  const stdAlpha = (1 - k / sumR) * (k / (k - 1));
  const s = smc(R, names);
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
    readonly n: number,
    readonly dropped: number,
    readonly label?: string,
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
    return [`N = ${this.n}${this.dropped ? ` (listwise; ${this.dropped} row(s) dropped)` : ""}, ${this.items.length} items`];
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
      },
      {
        title: "Item statistics",
        columns: [
          { key: "item", label: "Item", format: "text" },
          { key: "mean", label: "Mean" },
          { key: "sd", label: "SD" },
          { key: "rawR", label: "r (item–total)" },
          { key: "rDrop", label: "r (corrected)" },
          { key: "alphaDel", label: "α if deleted" },
          { key: "stdDel", label: "std. α if deleted" },
        ],
        rows: this.items.map((it) => ({
          item: it.item,
          mean: it.mean,
          sd: it.sd,
          rawR: it.rawR,
          rDrop: it.rDrop,
          alphaDel: it.ifDeleted.rawAlpha,
          stdDel: it.ifDeleted.stdAlpha,
        })),
        notes: [
          "r (corrected) = correlation of the item with the sum of the other items; α if deleted = raw α of the remaining items.",
        ],
      },
    ];
  }
}

/**
 * Cronbach's α (raw and standardised), Guttman's λ6, α if item deleted and the item–total
 * correlations, as psych::alpha reports them (listwise deletion here; psych defaults to pairwise).
 * Needs at least two items, none with zero variance.
 */
export function cronbachAlpha(data: TableInput, items: string[], opts: AlphaOptions & { label?: string } = {}): AlphaResult {
  if (items.length < 2)
    throw new PathlabError(`Cronbach's α needs at least 2 items; got ${items.length}${items.length ? ` (${items.join(", ")})` : ""}.`, {
      hint: "A single-item measure has no internal consistency; report it without α.",
      code: "too-few-items",
    });
  const dup = items.find((it, i) => items.indexOf(it) !== i);
  if (dup) throw new PathlabError(`Item "${dup}" is listed twice.`, { code: "duplicate-item" });
  const nc = numericColumns(data, items, { missing: opts.missing });
  const n = nc.n;
  if (n < 3) throw new PathlabError(`Cronbach's α: only ${n} complete row(s) across ${items.join(", ")}.`, { code: "too-few-rows" });
  const C = covarianceMatrix(nc.columns);
  items.forEach((it, i) => {
    if (!(C[i][i] > 0))
      throw new PathlabError(`Item "${it}" has zero variance (every respondent gave the same answer).`, {
        hint: "A constant item carries no information about reliability; drop it from the scale.",
        code: "zero-variance",
      });
  });
  const R = covToCor(C);
  const k = items.length;
  const totalStats = alphaStats(C, R, n, items);

  // mean score per person and its correlation with each item
  const score = new Float64Array(n);
  for (const col of nc.columns) for (let i = 0; i < n; i++) score[i] += col[i] / k;
  let sm = 0;
  for (let i = 0; i < n; i++) sm += score[i];
  sm /= n;
  let sss = 0;
  for (let i = 0; i < n; i++) sss += (score[i] - sm) * (score[i] - sm);
  const sdScore = Math.sqrt(sss / (n - 1));

  const sumR = sumAll(R);
  const s = smc(R, items);
  const RC = R.map((row, i) => row.map((v, j) => (i === j ? s[i] : v)));
  const sumRC = sumAll(RC);
  const sumC = sumAll(C);

  const out: AlphaItem[] = items.map((item, i) => {
    const x = nc.columns[i];
    let mean = 0;
    for (let r = 0; r < n; r++) mean += x[r];
    mean /= n;
    let cxs = 0;
    for (let r = 0; r < n; r++) cxs += (x[r] - mean) * (score[r] - sm);
    const rawR = cxs / Math.sqrt(C[i][i] * (n - 1) * sss);
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
      const keep = items.map((_, j) => j).filter((j) => j !== i);
      const Ci = keep.map((a) => keep.map((b) => C[a][b]));
      const Ri = keep.map((a) => keep.map((b) => R[a][b]));
      ifDeleted = alphaStats(Ci, Ri, n, keep.map((j) => items[j]));
    }
    return {
      item,
      n,
      rawR,
      stdR: colR / Math.sqrt(sumR),
      rCor: colRC / Math.sqrt(sumRC),
      rDrop: cDrop / Math.sqrt(C[i][i] * vDrop),
      mean,
      sd: Math.sqrt(C[i][i]),
      ifDeleted,
    };
  });
  const res = new AlphaResult(out, { ...totalStats, mean: sm, sd: sdScore }, n, nc.dropped, opts.label);
  const neg = out.filter((it) => it.rDrop < 0).map((it) => it.item);
  if (neg.length)
    res.warnings.push({
      code: "negative-item-total",
      message: `Item(s) ${neg.join(", ")} correlate negatively with the rest of the scale; reverse-code them (reverseCode) before computing α.`,
    });
  return res;
}
