/**
 * Very Simple Structure and Velicer's MAP test, as psych::VSS computes them (psych 2.2.9).
 *
 * MAP (Velicer 1976, "Determining the number of components from the matrix of partial
 * correlations", Psychometrika 41): with C_m = V_m diag(λ_m) V_mᵀ the first m principal components
 * of R, the partial correlations after removing them are R*_m = D^{-1/2}(R − C_m)D^{-1/2},
 * D = diag(R − C_m), and MAP(m) = Σ_{i≠j} R*_m,ij² / (p(p − 1)) for m = 1 … min(n, p − 1); the
 * suggested number is the m with the smallest value.
 *
 * VSS (Revelle & Rocklin 1979, "Very Simple Structure", Multivariate Behavioral Research 14): for
 * m = 1 … n factors (fa with `rotate`, default varimax; none for m = 1), keep in each row of the
 * loadings only its c largest |λ| (complexity c), form M_c = Λ_c Λ_cᵀ and
 *   VSS_c(m) = 1 − Σ(R − M_c)² / ΣR²   (all elements, diagonal included: psych's default
 *   diagonal = FALSE, which — despite its name — subtracts nothing; diagonal = TRUE leaves the
 *   diagonal out of both sums). psych reports 0 for complexities above m (its n × n table starts
 *   at 0), so vss2 is 0 at one factor;
 * psych uses Φ = I here for every rotation. The same loop reports each solution's psych fit
 * statistics (df, χ², RMSEA, BIC, SABIC, complexity, empirical χ², SRMR, eBIC), all from `fa` on the
 * correlation matrix with n.obs = the number of rows.
 */
import { checkOptions, type OptionSpecs } from "../../options";
import { Result } from "../../display/result";
import type { Column, TableSpec } from "../../display/table";
import { symEigen } from "../../math";
import { resolveCorrelation, type FactorInput, type UseOption } from "./input";
import { fitFactors, splitArgs, type FaOptions } from "./fa";
import type { FactorMethod } from "./extract";
import { ROTATIONS, type Rotation } from "./rotate";

export interface VssOptions {
  /** Largest number of factors (default 8, as psych; at most p − 1). */
  n?: number;
  rotate?: Rotation;
  fm?: FactorMethod;
  nObs?: number;
  use?: UseOption;
  missing?: number[];
  /** psych's diagonal: false (default) counts the diagonal in the VSS sums, true leaves it out. */
  diagonal?: boolean;
  plot?: boolean;
  title?: string;
  cor?: string;
}

const SPECS: OptionSpecs = {
  n: { kind: "number", min: 1, integer: true },
  rotate: { kind: "enum", values: ROTATIONS.filter((r) => r !== "targetQ" && r !== "targetT") },
  fm: {
    kind: "enum",
    values: ["minres", "uls", "ml", "pa", "wls", "gls", "alpha"],
    valueAliases: { mle: "ml" },
    unsupportedValues: {
      pc: "VSS of principal components is not implemented; use a factor method.",
      minchi: 'use "minres" (VSS factors the correlation matrix).',
    },
  },
  nObs: { kind: "number", min: 2, integer: true, aliases: ["n.obs"] },
  use: { kind: "enum", values: ["pairwise", "complete"], valueAliases: { "pairwise.complete.obs": "pairwise", "complete.obs": "complete" } },
  missing: { kind: "custom", check: (v) => (Array.isArray(v) && v.every((x) => typeof x === "number") ? undefined : "must be an array of numbers") },
  diagonal: { kind: "boolean" },
  plot: { kind: "fixed", value: [true, false], otherwise: "nothing is drawn as a side effect; result.plot() draws." },
  title: { kind: "string" },
  cor: { kind: "fixed", value: ["cor", "pearson"], otherwise: "only Pearson correlations are implemented (no polychoric or tetrachoric)." },
};

/** Velicer's MAP values for m = 1 … n components. */
export function velicerMap(R: number[][], n: number): number[] {
  const p = R.length;
  const e = symEigen(R);
  const comp = e.vectors.map((row) => row.map((v, j) => v * Math.sqrt(Math.max(e.values[j], 0))));
  const m1 = Math.min(n, p - 1);
  const out: number[] = [];
  for (let m = 1; m <= m1; m++) {
    const C = R.map((row, i) =>
      row.map((v, j) => {
        let s = 0;
        for (let c = 0; c < m; c++) s += comp[i][c] * comp[j][c];
        return v - s;
      }),
    );
    let ss = 0;
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) if (i !== j) ss += (C[i][j] / Math.sqrt(C[i][i] * C[j][j])) ** 2;
    out.push(ss / (p * (p - 1)));
  }
  return out;
}

export interface VssRow {
  nfactors: number;
  vss1: number;
  vss2: number;
  map: number;
  dof: number;
  chisq: number;
  prob: number;
  sqresid: number;
  fit: number;
  RMSEA: number;
  BIC: number;
  SABIC: number;
  complex: number;
  eChisq: number;
  SRMR: number;
  eCRMS: number;
  eBIC: number;
  /** VSS fit for complexities 1 … m. */
  cfit: number[];
}

/** Very Simple Structure and Velicer's MAP by number of factors, with the suggested numbers. */
export class VssResult extends Result {
  constructor(
    readonly rows: VssRow[],
    readonly map: number[],
    readonly settings: { n: number; rotate: Rotation; fm: FactorMethod; nObs: number; p: number; fromData: boolean; use: UseOption },
  ) {
    super();
  }

  private argBest(values: number[], max: boolean): number {
    let b = values.findIndex((v) => Number.isFinite(v));
    if (b < 0) return 0;
    values.forEach((v, i) => {
      if (Number.isFinite(v) && (max ? v > values[b] : v < values[b])) b = i;
    });
    return b;
  }

  /** Number of factors at the minimum MAP. */
  get mapFactors(): number {
    return this.argBest(this.map, false) + 1;
  }

  title(): string {
    return "Very Simple Structure and Velicer's MAP (psych::VSS)";
  }

  info(): string[] {
    const r = this.rows;
    const at = (vals: number[], max: boolean) => {
      const i = this.argBest(vals, max);
      return `${vals[i].toFixed(2)} with ${i + 1} factor${i ? "s" : ""}`;
    };
    return [
      `${this.settings.p} variables, n.obs = ${Number.isFinite(this.settings.nObs) ? this.settings.nObs : "not given (no χ², RMSEA or BIC; psych would assume 1000)"}${this.settings.fromData ? `, correlations with use = "${this.settings.use}"${this.settings.use === "pairwise" ? " (psych's default)" : ""}` : ""}; fa(fm = "${this.settings.fm}", rotate = "${this.settings.rotate}") for 1 … ${this.settings.n} factors.`,
      `VSS complexity 1 achieves a maximum of ${at(
        r.map((x) => x.vss1),
        true,
      )}`,
      ...(r.length > 1
        ? [
            `VSS complexity 2 achieves a maximum of ${at(
              r.map((x) => x.vss2),
              true,
            )}`,
          ]
        : []),
      `The Velicer MAP achieves a minimum of ${this.map[this.mapFactors - 1].toFixed(2)} with ${this.mapFactors} factor${this.mapFactors > 1 ? "s" : ""}`,
      `BIC achieves a minimum of ${at(
        r.map((x) => x.BIC),
        false,
      )}; sample-size-adjusted BIC of ${at(
        r.map((x) => x.SABIC),
        false,
      )}`,
    ];
  }

  tables(): TableSpec[] {
    // biome-ignore format: kept compact on purpose (a hot loop or a dense table)
    const cols: [string, string, number?][] = [
      ["vss1", "vss1", 2], ["vss2", "vss2", 2], ["map", "map", 4], ["dof", "dof", 0], ["chisq", "chisq", 1], ["prob", "prob"], ["sqresid", "sqresid", 1], ["fit", "fit", 2],
      ["RMSEA", "RMSEA", 3], ["BIC", "BIC", 1], ["SABIC", "SABIC", 1], ["complex", "complex", 1], ["eChisq", "eChisq", 1], ["SRMR", "SRMR", 4], ["eCRMS", "eCRMS", 4], ["eBIC", "eBIC", 1],
    ];
    const columns: Column[] = [
      { key: "nfactors", label: "factors", format: "int" },
      ...cols.map(([key, label, d]) => ({
        key,
        label,
        ...(key === "prob" ? { format: "p" as const } : key === "dof" ? { format: "int" as const } : { digits: d }),
      })),
    ];
    return [
      {
        title: "Statistics by number of factors",
        columns,
        rows: this.rows as unknown as Record<string, unknown>[],
        notes: ["vssC = 1 − Σ(R − Λ_CΛ_Cᵀ)²/ΣR² keeping each item's C largest loadings; map = Velicer's average squared partial correlation."],
      },
    ];
  }
}

/**
 * Very Simple Structure and MAP over 1 … n factors (psych::VSS).
 *
 * @example
 * vss(bfi, { n: 8 })   // VSS and Velicer's MAP for 1 … 8 factors
 */
export function vss(input: FactorInput, options?: VssOptions): VssResult;
export function vss(input: FactorInput, items: string[], options?: VssOptions): VssResult;
export function vss(input: FactorInput, itemsOrOptions?: string[] | VssOptions, options?: VssOptions): VssResult {
  const { items, options: raw } = splitArgs(itemsOrOptions, options);
  const o = checkOptions<VssOptions>("vss", raw, SPECS);
  const src = resolveCorrelation("vss", input, items, { use: o.use, missing: o.missing, nObs: o.nObs });
  const p = src.R.length;
  // psych sets n.obs to 1000 when unknown, which only affects χ²; we leave those statistics undefined instead
  const nObs = src.nObs;
  const n = Math.min(o.n ?? 8, p - 1);
  const rotate = o.rotate ?? "varimax";
  const fm = o.fm ?? "minres";
  const map = velicerMap(src.R, n);
  const skipDiag = o.diagonal === true;
  const total = src.R.reduce((a, r, i) => a + r.reduce((b, v, j) => b + (skipDiag && i === j ? 0 : v * v), 0), 0);
  const rows: VssRow[] = [];
  for (let m = 1; m <= n; m++) {
    const fo: FaOptions = { nfactors: m, rotate: m < 2 ? "none" : rotate, fm };
    const f = fitFactors({ R: src.R, names: src.names, nObs, np: null, fromData: false, use: src.use }, fo, "vss");
    const L = f.loadings;
    const resid = (M: number[][]) => {
      let s = 0;
      for (let i = 0; i < p; i++)
        for (let j = 0; j < p; j++) {
          if (skipDiag && i === j) continue;
          let mij = 0;
          for (let c = 0; c < m; c++) mij += M[i][c] * M[j][c];
          s += (src.R[i][j] - mij) ** 2;
        }
      return s;
    };
    const sq = resid(L);
    const cfit: number[] = [];
    for (let c = 1; c <= m; c++) cfit.push(1 - resid(L.map((r) => keepLargest(r, c))) / total);
    const fit = f.fit;
    rows.push({
      nfactors: m,
      vss1: cfit[0],
      vss2: cfit[1] ?? 0,
      map: map[m - 1],
      dof: fit.dof,
      chisq: fit.chisq,
      prob: fit.pValue,
      sqresid: sq,
      fit: 1 - sq / total,
      RMSEA: fit.RMSEA,
      BIC: fit.BIC,
      SABIC: fit.SABIC,
      complex: fit.complexity.reduce((a, b) => a + b, 0) / p,
      eChisq: fit.eChisq,
      SRMR: fit.rms,
      eCRMS: fit.crms,
      eBIC: fit.eBIC,
      cfit,
    });
  }
  return new VssResult(rows, map, { n, rotate, fm, nObs, p, fromData: src.fromData, use: src.use });
}

/** psych's complexrow: keep the c largest |λ| of a row (each set to ±max|λ| of the remaining, as psych does), zero the rest. */
function keepLargest(row: number[], c: number): number[] {
  const temp = row.slice();
  const out = new Array<number>(row.length).fill(0);
  for (let k = 0; k < c; k++) {
    let loc = 0;
    for (let j = 1; j < temp.length; j++) if (Math.abs(temp[j]) > Math.abs(temp[loc])) loc = j;
    out[loc] = Math.sign(temp[loc]) * Math.abs(temp[loc]);
    temp[loc] = 0;
  }
  return out;
}
