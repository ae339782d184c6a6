/**
 * Several keyed scales at once, as psych::scoreItems (psych 2.2.9): scale scores, α, G6, average
 * and median inter-item r, signal/noise, the α standard error, item–scale correlations (raw and
 * corrected for overlap) and the scale intercorrelations (raw, and corrected for attenuation).
 *
 * With K the p × s keys matrix (+1, −1, 0), C the item covariance matrix and n_s items in scale s:
 *   V = KᵀCK (scale covariances),  α_s = (V_ss − Σ_{i∈s} C_ii) n_s / ((n_s − 1) V_ss)
 *   r̄_s = α_s / (n_s − α_s (n_s − 1)),  S/N = n_s r̄_s / (1 − r̄_s)
 *   G6_s = (V_ss − Σ C_ii + Σ smc_i·C_ii) / V_ss        (smc of the item correlations)
 *   ase_s = √(Q_s/N), Q_s as in alpha() with the scale's item variances and Σ(C²) terms
 *   item–scale r = cor(item, scale score); corrected: (C* K)_is / √((KᵀC*K)_ss C_ii) with C* = C
 *   having smc·C_ii on the diagonal; scale intercorrelations corrected for attenuation r/√(α_s α_t)
 * Missing answers (psych's `impute`): "median" (default) or "mean" replace a missing answer by the
 * item's median/mean before scoring (C, V and the item–scale r are then from the imputed data);
 * "none" scores each person by the mean of the items they answered and takes C pairwise
 * (V = KᵀCK, item–scale r = (CK)_is/√(V_ss C_ii)). Reversed items score (max + min) − x, max/min over
 * all the items. Scores are item means (psych's totals = FALSE) or sums (`totals: true`).
 */
import { PathlabError } from "../errors";
import { checkOptions, type OptionSpecs } from "../options";
import { Result } from "../display/result";
import type { Column, TableSpec } from "../display/table";
import type { TableInput } from "../data/table-input";
import { pairwiseColumns, pairwiseMoments } from "../data/pairwise";
import { smcOf } from "./efa/input";
import { keyedNames, parseKeysList, type KeyedItems } from "./keys";
import { median } from "../math";

export interface ScoreItemsOptions {
  /** Missing answers: "median" (default, as psych), "mean" or "none". */
  impute?: "median" | "mean" | "none";
  /** Sum scores instead of item means (psych's totals; default false). */
  totals?: boolean;
  /** Scale minimum and maximum for reversing (default: over all the items). */
  min?: number;
  max?: number;
  /** Declared missing codes, e.g. [99, -9]; psych's missing = TRUE (default) is accepted as true. */
  missing?: number[] | true;
  /** Accepted at psych's defaults (delete, select) or with no effect on the numbers (digits, ilabels). */
  delete?: boolean;
  digits?: number;
  select?: boolean;
  ilabels?: string[];
}

const SPECS: OptionSpecs = {
  impute: { kind: "enum", values: ["median", "mean", "none"] },
  totals: { kind: "boolean" },
  min: { kind: "number" },
  max: { kind: "number" },
  missing: {
    kind: "custom",
    check: (v) =>
      v === true || (Array.isArray(v) && v.every((x) => typeof x === "number"))
        ? undefined
        : v === false
          ? "psych's missing = FALSE scores only the complete rows (na.omit); pass the complete rows instead"
          : "must be an array of missing-value codes, or psych's true",
    expected: "an array of missing-value codes, or true (psych's default: score incomplete rows too)",
  },
  delete: {
    kind: "fixed",
    value: true,
    otherwise:
      "an item without variance is always an error here: psych drops it from the keys but keeps counting it in each scale's number of items, which changes α; drop it yourself.",
  },
  digits: { kind: "number", min: 0, integer: true, description: "psych's print digits (no effect on the numbers)" },
  select: { kind: "fixed", value: true, otherwise: "only the keyed items are used, as psych's select = TRUE." },
  ilabels: {
    kind: "custom",
    check: (v) => (Array.isArray(v) && v.every((x) => typeof x === "string") ? undefined : "must be an array of labels"),
    description: "psych's item labels (display only)",
  },
  nObs: { kind: "number", aliases: ["n.obs"], unsupported: "scoreItems needs raw data here." },
};

export interface ScaleStatistics {
  scale: string;
  /** Items as psych lists them ("-A1" = reversed). */
  keys: string[];
  nItems: number;
  alpha: number;
  ase: number;
  averageR: number;
  medianR: number;
  G6: number;
  signalNoise: number;
}

/** Scale scores and psych's scoreItems statistics per scale (α, G6, mean inter-item r, item–scale correlations). */
export class ScoreItemsResult extends Result {
  constructor(
    readonly scales: ScaleStatistics[],
    /** Item names (rows of itemCor). */
    readonly items: string[],
    /** Correlation of each item with each scale score (items × scales). */
    readonly itemCor: number[][],
    /** The same corrected for item overlap and scale reliability (psych's item.corrected). */
    readonly itemCorrected: number[][],
    /** Scale intercorrelations (raw). */
    readonly cor: number[][],
    /** Scale scores (item means, or sums with totals: true), one array per scale, in row order. */
    readonly scores: Record<string, number[]>,
    readonly settings: { impute: "median" | "mean" | "none"; totals: boolean; n: number; min: number; max: number; missingRows: number },
  ) {
    super();
  }

  /** α of one scale by name. */
  alpha(scale: string): number {
    const s = this.scales.find((x) => x.scale === scale);
    if (!s)
      throw new PathlabError(`No scale "${scale}" in this result.`, {
        hint: `Scales: ${this.scales.map((x) => x.scale).join(", ")}.`,
        code: "measurement.unknown-scale",
      });
    return s.alpha;
  }

  /**
   * psych's `corrected` layout: raw scale correlations below the diagonal, α on it, and above it the
   * correlations corrected for attenuation r/√(α_s α_t).
   */
  get corrected(): number[][] {
    return this.cor.map((r, i) => r.map((v, j) => (i === j ? this.scales[i].alpha : j < i ? v : v / Math.sqrt(this.scales[i].alpha * this.scales[j].alpha))));
  }

  title(): string {
    return "Scale scores and reliabilities (psych::scoreItems)";
  }

  info(): string[] {
    const s = this.settings;
    return [
      `N = ${s.n}; ${this.scales.length} scales; scores are item ${s.totals ? "sums" : "means"}; reversed items scored ${s.max} + ${s.min} − x.`,
      s.missingRows === 0
        ? "No missing answers."
        : s.impute === "none"
          ? `${s.missingRows} row(s) with missing answers: each person scored on the items answered; covariances pairwise (impute = "none").`
          : `${s.missingRows} row(s) with missing answers: each missing answer replaced by the item ${s.impute} before scoring (psych's default impute = "${s.impute}").`,
    ];
  }

  tables(): TableSpec[] {
    const sc = this.scales;
    const cols: Column[] = [{ key: "what", label: "", format: "text" }];
    sc.forEach((s, j) => cols.push({ key: `s${j}`, label: s.scale, digits: 2 }));
    const row = (what: string, f: (s: ScaleStatistics) => number) => {
      const r: Record<string, unknown> = { what };
      sc.forEach((s, j) => (r[`s${j}`] = f(s)));
      return r;
    };
    const corr: Record<string, unknown>[] = sc.map((s, i) => {
      const r: Record<string, unknown> = { what: s.scale };
      const C = this.corrected;
      sc.forEach((_, j) => (r[`s${j}`] = C[i][j]));
      return r;
    });
    const itemCols: Column[] = [{ key: "item", label: "Item", format: "text" }];
    sc.forEach((s, j) => itemCols.push({ key: `s${j}`, label: s.scale, digits: 2 }));
    const itemRows = this.items.map((it, i) => {
      const r: Record<string, unknown> = { item: it };
      sc.forEach((_, j) => (r[`s${j}`] = this.itemCorrected[i][j]));
      return r;
    });
    return [
      {
        title: "Scale statistics",
        columns: cols,
        rows: [
          row("Alpha", (s) => s.alpha),
          row("Standard error of alpha", (s) => s.ase),
          row("Average item correlation", (s) => s.averageR),
          row("Median item correlation", (s) => s.medianR),
          row("Guttman 6* reliability", (s) => s.G6),
          row("Signal/Noise", (s) => s.signalNoise),
          row("Items", (s) => s.nItems),
        ],
        notes: ["α_s = (V_ss − ΣC_ii)n/((n − 1)V_ss) with V = KᵀCK; G6 = (V_ss − ΣC_ii + Σsmc·C_ii)/V_ss; r̄ = α/(n − α(n − 1))."],
      },
      { title: "Scale intercorrelations (below: raw; diagonal: α; above: corrected for attenuation r/√(α_s α_t))", columns: cols, rows: corr },
      { title: "Item by scale correlations, corrected for item overlap and scale reliability", columns: itemCols, rows: itemRows },
    ];
  }
}

/** Median of the non-missing values. */
function colMedian(c: Float64Array): number {
  return median(Array.from(c).filter((v) => v === v));
}

/** Item range over every item, after checking each has variance. */
function itemRange(columns: Float64Array[], items: string[]): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  columns.forEach((c, j) => {
    let n = 0;
    let a = Infinity;
    let b = -Infinity;
    // biome-ignore format: kept compact on purpose (a hot loop or a dense table)
    for (let i = 0; i < c.length; i++) if (c[i] === c[i]) { n++; if (c[i] < a) a = c[i]; if (c[i] > b) b = c[i]; }
    if (!(b > a))
      throw new PathlabError(`scoreItems(): item "${items[j]}" has ${n < 2 ? `${n} answer(s)` : "zero variance"}.`, {
        hint: "Drop it from the keys (psych's delete = TRUE drops it with a warning but still counts it in the scale's number of items).",
        code: "measurement.zero-variance",
      });
    lo = Math.min(lo, a);
    hi = Math.max(hi, b);
  });
  return { lo, hi };
}

/** Missing answers replaced by the item's median or mean (psych's impute). */
function imputed(columns: Float64Array[], impute: "median" | "mean" | "none"): Float64Array[] {
  if (impute === "none") return columns;
  return columns.map((c) => {
    let fill: number;
    if (impute === "median") fill = colMedian(c);
    else {
      let s = 0;
      let m = 0;
      // biome-ignore format: kept compact on purpose (a hot loop or a dense table)
      for (let i = 0; i < c.length; i++) if (c[i] === c[i]) { s += c[i]; m++; }
      fill = s / m;
    }
    return c.map((v) => (v === v ? v : fill));
  });
}

/** Each person's scale score: mean (or sum) of the keyed items answered (all of them once imputed). */
function scaleScores(
  X: Float64Array[],
  items: string[],
  keyed: KeyedItems[],
  range: { min: number; max: number },
  totals: boolean,
  impute: string,
): Float64Array[] {
  const n = X[0].length;
  return keyed.map((k) => {
    const idx = k.items.map((it) => items.indexOf(it));
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      let sum = 0;
      let m = 0;
      idx.forEach((j, a) => {
        const v = X[j][r];
        if (v !== v) return;
        sum += k.signs[a] < 0 ? range.max + range.min - v : v;
        m++;
      });
      out[r] = m === 0 ? NaN : totals ? sum : impute === "none" ? sum / m : sum / k.items.length;
    }
    return out;
  });
}

/** α, its SE, average/median r, G6 and S/N of scale s (module comment). */
function scaleStatistics(
  scale: string,
  k: KeyedItems,
  col: number[],
  C: number[][],
  R: number[][],
  smc: number[],
  vs: number,
  nRows: number,
  items: string[],
): ScaleStatistics {
  const ni = k.items.length;
  let sv = 0;
  let sv2 = 0;
  let ssmc = 0;
  let cov2 = 0;
  col.forEach((w, i) => {
    if (!w) return;
    sv += C[i][i];
    sv2 += C[i][i] ** 2;
    ssmc += smc[i];
    col.forEach((w2, j) => {
      if (w2) cov2 += C[i][j] ** 2;
    });
  });
  const a = ((vs - sv) * ni) / ((ni - 1) * vs);
  const avr = a / (ni - a * (ni - 1));
  const Q = ((2 * ni * ni) / ((ni - 1) ** 2 * vs ** 3)) * (vs * (sv2 + sv * sv) - 2 * sv * cov2);
  const idx = k.items.map((it) => items.indexOf(it));
  const lower: number[] = [];
  for (let x = 0; x < idx.length; x++) for (let y = 0; y < x; y++) lower.push(R[idx[x]][idx[y]] * k.signs[x] * k.signs[y]);
  return {
    scale,
    keys: keyedNames(k),
    nItems: ni,
    alpha: Number.isNaN(a) ? 1 : a,
    ase: Math.sqrt(Q / nRows),
    averageR: avr,
    medianR: median(lower),
    G6: (vs - sv + ssmc) / vs,
    signalNoise: (avr * ni) / (1 - avr),
  };
}

/**
 * Scores several keyed scales (psych::scoreItems). `keys` maps each scale to its items in psych's
 * spelling, e.g. { agree: ["-A1", "A2", "A3", "A4", "A5"], consc: ["C1", "C2", "C3", "-C4", "-C5"] }.
 *
 * @example
 * scoreItems(bfi, { agree: ["-A1", "A2", "A3", "A4", "A5"], consc: ["C1", "C2", "C3", "-C4", "-C5"] })
 */
export function scoreItems(data: TableInput, keys: Record<string, string[]>, opts: ScoreItemsOptions = {}): ScoreItemsResult {
  const o = checkOptions<ScoreItemsOptions>("scoreItems", opts, SPECS);
  const { scales, keyed } = parseKeysList(keys, "scoreItems(): keys");
  const items: string[] = [];
  for (const k of keyed) for (const it of k.items) if (!items.includes(it)) items.push(it);
  keyed.forEach((k, s) => {
    if (k.items.length < 2)
      throw new PathlabError(`scoreItems(): scale "${scales[s]}" has ${k.items.length} item(s); α needs at least 2.`, { code: "measurement.too-few-items" });
  });
  const cols = pairwiseColumns(data, items, { missing: Array.isArray(o.missing) ? o.missing : undefined });
  const p = items.length;
  // keys matrix K (items × scales): +1, −1 or 0
  const K: number[][] = items.map((it) =>
    keyed.map((k) => {
      const i = k.items.indexOf(it);
      return i < 0 ? 0 : k.signs[i];
    }),
  );
  const { lo, hi } = itemRange(cols.columns, items);
  const range = { min: o.min ?? lo, max: o.max ?? hi };
  const impute = o.impute ?? "median";
  const totals = o.totals ?? false;
  const n = cols.nRows;
  const nItems = keyed.map((k) => k.items.length);
  const X = imputed(cols.columns, impute);
  const C = pairwiseMoments(X).cov;
  const raw = scaleScores(X, items, keyed, range, totals, impute);
  const KtMK = (M: number[][]) =>
    keyed.map((_, a) =>
      keyed.map((__, b) => {
        let s = 0;
        for (let i = 0; i < p; i++) if (K[i][a]) for (let j = 0; j < p; j++) if (K[j][b]) s += K[i][a] * M[i][j] * K[j][b];
        return s;
      }),
    );
  // scale covariances: of the (sum) scores when imputed, KᵀCK otherwise
  const V = impute !== "none" ? pairwiseMoments(raw).cov.map((r, a) => r.map((v, b) => (totals ? v : v * nItems[a] * nItems[b]))) : KtMK(C);
  const itemVar = C.map((r, i) => r[i]);
  const R = C.map((r, i) => r.map((v, j) => v / Math.sqrt(itemVar[i] * itemVar[j])));
  const smc = smcOf(R).map((v, i) => v * itemVar[i]);
  const Cs = C.map((r, i) => r.map((v, j) => (i === j ? smc[i] : v)));
  const Vc = KtMK(Cs);
  const loading = (M: number[][], Vs: number[][]) =>
    items.map((_, i) =>
      keyed.map((__, s) => {
        let c = 0;
        for (let j = 0; j < p; j++) c += M[i][j] * K[j][s];
        return c / Math.sqrt(Vs[s][s] * itemVar[i]);
      }),
    );
  const itemCor = impute !== "none" ? items.map((_, i) => raw.map((sc) => corr(X[i], sc))) : loading(C, V);
  const stats = keyed.map((k, s) =>
    scaleStatistics(
      scales[s],
      k,
      K.map((r) => r[s]),
      C,
      R,
      smc,
      V[s][s],
      n,
      items,
    ),
  );
  const cor = V.map((r, a) => r.map((v, b) => v / Math.sqrt(V[a][a] * V[b][b])));
  let missingRows = 0;
  for (let r = 0; r < n; r++) if (cols.columns.some((c) => c[r] !== c[r])) missingRows++;
  const scores: Record<string, number[]> = {};
  scales.forEach((sc, s) => (scores[sc] = Array.from(raw[s])));
  return new ScoreItemsResult(stats, items, itemCor, loading(Cs, Vc), cor, scores, { impute, totals, n, min: range.min, max: range.max, missingRows });
}

function corr(x: Float64Array, y: Float64Array): number {
  // biome-ignore format: kept compact on purpose (a hot loop or a dense table)
  let n = 0, sx = 0, sy = 0;
  // biome-ignore format: kept compact on purpose (a hot loop or a dense table)
  for (let i = 0; i < x.length; i++) if (x[i] === x[i] && y[i] === y[i]) { n++; sx += x[i]; sy += y[i]; }
  const mx = sx / n;
  const my = sy / n;
  // biome-ignore format: kept compact on purpose (a hot loop or a dense table)
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < x.length; i++)
    if (x[i] === x[i] && y[i] === y[i]) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) ** 2;
      syy += (y[i] - my) ** 2;
    }
  return sxy / Math.sqrt(sxx * syy);
}
