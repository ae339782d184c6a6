/**
 * McDonald's ω from a Schmid–Leiman transformation, as psych::omega computes it (psych 2.2.9,
 * `omega` → `omegah` → `schmid`; Revelle & Zinbarg 2009, Psychometrika 74; Zinbarg et al. 2005).
 *
 * Schmid–Leiman (Schmid & Leiman 1957): fit k factors (fa, varimax), rotate obliquely (default
 * oblimin) to pattern F and factor correlations Φ, factor Φ itself (k ≥ 3: a one-factor `fm` fa of
 * Φ; k = 2: both general loadings √|φ₁₂|, psych's option "equal") to general loadings γ. Then
 *   g_i = Σ_j F_ij γ_j,  group loadings s_ij = sign(F_ij) √(F_ij² (1 − γ_j²)),
 *   h²_i = communality of the varimax solution, u²_i = 1 − h²_i, p²_i = g_i²/h²_i.
 * Items whose general loading is negative are reversed first (psych's flip = TRUE).
 * With V_t = Σ_ij R_ij (the variance of the unit-weighted total of standardised items):
 *   ω_h = (Σ g_i)² / V_t,  ω_t = (V_t − Σ u²_i) / V_t,  ω_h asymptotic = (Σ g_i)² / (V_t − Σ u²_i),
 *   α = (V_t − p)/V_t · p/(p − 1),  G6 = (V_t + Σ smc_i − p)/V_t,
 *   ECV = Σ g_i² / (Σ g_i² + Σ_ij s_ij²)  (explained common variance of the general factor).
 * Per group factor j, over the items whose largest |s| is on j (subscale S_j, V_j = Σ_{S_j} R):
 *   ω_t(S_j) = ((Σ s_ij)² + (Σ g_i)²)/V_j, ω_h(S_j) ("general") = (Σ g_i)²/V_j,
 *   ω_group(S_j) = (Σ s_ij)²/V_j (the ω subscale / ω_hs of the group factor);
 *   for the total scale ω_group = Σ_j (Σ_{S_j} s_ij)² / V_t.
 */
import { PathlabError, type PathlabWarning } from "../../errors";
import { checkOptions, type OptionSpecs } from "../../options";
import { Result } from "../../display/result";
import type { Column, TableSpec } from "../../display/table";
import { resolveCorrelation, smcOf, type FactorInput, type UseOption } from "./input";
import { fitFactors, splitArgs, type FaResult } from "./fa";
import type { FactorMethod } from "./extract";
import { rotate as rotateLoadings, type Rotation } from "./rotate";
import { faStats, type FaFit } from "./stats";
import type { Mat } from "../../math";

/** Options of `omega` (psych's omega arguments): group factors, extraction, rotation, missing-value handling. */
export interface OmegaOptions {
  /** Group factors (default 3, as psych). */
  nfactors?: number;
  fm?: FactorMethod;
  /** Oblique rotation before the Schmid–Leiman step (default "oblimin"). */
  rotate?: "oblimin" | "promax" | "geominQ" | "bentlerQ";
  /** Two group factors: "equal" (default), "first" or "second" general loading fixed (psych's option). */
  option?: "equal" | "first" | "second";
  /** Reverse items whose general loading is negative (default true, as psych). */
  flip?: boolean;
  nObs?: number;
  use?: UseOption;
  missing?: number[];
  /** Accepted as in psych where they do not change the numbers (plot, sl, digits, title) or at psych's defaults. */
  plot?: boolean;
  sl?: boolean;
  digits?: number;
  title?: string;
  poly?: boolean;
  nIter?: number;
  p?: number;
  covar?: boolean;
}

const FM_VALUES = ["minres", "uls", "ml", "pa", "wls", "gls", "alpha"] as const;

const SPECS: OptionSpecs = {
  nfactors: { kind: "number", min: 1, integer: true },
  fm: {
    kind: "enum",
    values: FM_VALUES,
    valueAliases: { mle: "ml" },
    unsupportedValues: {
      pc: "principal components in omega are not implemented; use a factor method.",
      minchi: 'use "minres" (omega factors a correlation matrix, which has no pairwise counts).',
    },
  },
  rotate: {
    kind: "enum",
    values: ["oblimin", "quartimin", "promax", "Promax", "geominQ", "bentlerQ", "simplimax", "biquartimin", "cluster"],
    unsupportedValues: { target: "target rotations in omega are not implemented." },
  },
  option: { kind: "enum", values: ["equal", "first", "second"] },
  flip: { kind: "boolean" },
  nObs: { kind: "number", min: 2, integer: true, aliases: ["n.obs"] },
  use: { kind: "enum", values: ["pairwise", "complete"], valueAliases: { "pairwise.complete.obs": "pairwise", "complete.obs": "complete" } },
  missing: { kind: "custom", check: (v) => (Array.isArray(v) && v.every((x) => typeof x === "number") ? undefined : "must be an array of numbers") },
  key: { kind: "custom", unsupported: "reverse items beforehand (reverseCode), or let flip reverse those with negative general loadings." },
  poly: { kind: "fixed", value: false, otherwise: "polychoric correlations are not implemented." },
  nIter: { kind: "fixed", value: 1, aliases: ["n.iter"], otherwise: "bootstrapped ω intervals are not implemented." },
  p: { kind: "fixed", value: 0.05, otherwise: "p sets the width of the bootstrapped intervals (n.iter > 1), which are not implemented." },
  plot: { kind: "fixed", value: [true, false], otherwise: "nothing is drawn as a side effect." },
  sl: { kind: "fixed", value: [true, false], otherwise: "sl only chooses psych's diagram; the Schmid–Leiman solution is always in the result." },
  digits: { kind: "number", min: 0, integer: true },
  title: { kind: "string" },
  covar: { kind: "fixed", value: false, otherwise: "omega of a covariance matrix is not implemented; it is converted to correlations, as with covar = FALSE." },
};

/** The Schmid–Leiman solution. */
export interface SchmidLeiman {
  /** General-factor loadings g. */
  g: number[];
  /** Group-factor loadings (p × k). */
  groups: Mat;
  h2: number[];
  u2: number[];
  /** g²/h². */
  p2: number[];
  /** Oblique pattern and factor correlations before the transformation. */
  oblique: Mat;
  Phi: Mat;
  /** Loadings of the group factors on the general factor (γ). */
  gammas: number[];
  /** The orthogonal (varimax) solution the transformation started from. */
  orthogonal: FaResult;
}

export interface OmegaGroup {
  factor: string;
  items: string[];
  omegaTotal: number;
  omegaGeneral: number;
  omegaGroup: number;
}

/** McDonald's ω (hierarchical, total, per group) from a Schmid–Leiman solution, as psych's omega. */
export class OmegaResult extends Result {
  constructor(
    readonly names: string[],
    /** +1, or −1 for items reversed because their general loading was negative. */
    readonly key: number[],
    readonly sl: SchmidLeiman,
    readonly omegaH: number,
    readonly omegaHAsymptotic: number,
    readonly omegaTotal: number,
    readonly alpha: number,
    readonly G6: number,
    readonly ECV: number,
    readonly groups: OmegaGroup[],
    readonly stats: FaFit,
    readonly generalStats: FaFit,
    readonly settings: { nfactors: number; fm: FactorMethod; rotate: Rotation; n: number; fromData: boolean; use: UseOption },
  ) {
    super();
  }

  get nfactors(): number {
    return this.settings.nfactors;
  }

  title(): string {
    return "Omega (McDonald) from a Schmid–Leiman solution (psych::omega)";
  }

  info(): string[] {
    const s = this.settings;
    const rev = this.names.filter((_, i) => this.key[i] < 0);
    return [
      `${this.names.length} items, ${s.nfactors} group factors (fa ${s.fm}, ${s.rotate}); n.obs = ${Number.isFinite(s.n) ? s.n : "not given"}${s.fromData ? `; correlations with use = "${s.use}"` : ""}.`,
      ...(rev.length ? [`Reversed because their general loading was negative (psych's flip): ${rev.join(", ")}.`] : []),
    ];
  }

  tables(): TableSpec[] {
    const k = this.nfactors;
    const sl = this.sl;
    const slCols: Column[] = [
      { key: "item", label: "Item", format: "text" },
      { key: "g", label: "g", digits: 2 },
    ];
    for (let j = 0; j < k; j++) slCols.push({ key: `f${j}`, label: `F${j + 1}*`, digits: 2 });
    slCols.push({ key: "h2", label: "h2", digits: 2 }, { key: "u2", label: "u2", digits: 2 }, { key: "p2", label: "p2", digits: 2 });
    const slRows = this.names.map((nm, i) => {
      const r: Record<string, unknown> = { item: nm + (this.key[i] < 0 ? "-" : ""), g: sl.g[i], h2: sl.h2[i], u2: sl.u2[i], p2: sl.p2[i] };
      sl.groups[i].forEach((v, j) => (r[`f${j}`] = Math.abs(v) < 0.2 ? "" : v));
      return r;
    });
    const ssRow: Record<string, unknown> = { item: "Sum of squares", g: sl.g.reduce((a, b) => a + b * b, 0) };
    for (let j = 0; j < k; j++) ssRow[`f${j}`] = sl.groups.reduce((a, r) => a + r[j] * r[j], 0);
    slRows.push(ssRow);
    const coef: TableSpec = {
      columns: [
        { key: "what", label: "Coefficient", format: "text" },
        { key: "v", label: "Value", digits: 3 },
        { key: "f", label: "Formula", format: "text" },
      ],
      rows: [
        { what: "Alpha", v: this.alpha, f: "(Vt − p)/Vt · p/(p − 1)" },
        { what: "G.6", v: this.G6, f: "(Vt + Σsmc − p)/Vt" },
        { what: "Omega hierarchical", v: this.omegaH, f: "(Σg)²/Vt" },
        { what: "Omega H asymptotic", v: this.omegaHAsymptotic, f: "(Σg)²/(Vt − Σu²)" },
        { what: "Omega total", v: this.omegaTotal, f: "(Vt − Σu²)/Vt" },
        { what: "Explained common variance (ECV)", v: this.ECV, f: "Σg²/(Σg² + ΣΣs²)" },
      ],
      notes: [
        "Vt = sum of all item correlations (the variance of the unit-weighted total of standardised items); g = general, s = group loadings, u² = uniquenesses.",
      ],
    };
    const grp: TableSpec = {
      title: "Total, general and group omega for the total score and each subscale",
      columns: [
        { key: "factor", label: "", format: "text" },
        { key: "t", label: "ω total", digits: 2 },
        { key: "g", label: "ω general (ω_h)", digits: 2 },
        { key: "s", label: "ω group (subscale)", digits: 2 },
        { key: "items", label: "Items", format: "text" },
      ],
      rows: this.groups.map((g) => ({ factor: g.factor, t: g.omegaTotal, g: g.omegaGeneral, s: g.omegaGroup, items: g.items.join(", ") })),
      notes: [
        "Subscale S: ω total = ((Σs)² + (Σg)²)/V_S, ω general = (Σg)²/V_S, ω group = (Σs)²/V_S over the items whose largest group loading is on that factor.",
      ],
    };
    const fit = (f: FaFit, what: string) => ({ what, df: f.dof, chisq: f.chisq, p: f.pValue, rms: f.rms, rmsea: f.RMSEA, bic: f.BIC });
    const fitT: TableSpec = {
      title: "Fit of the bifactor model, and of a general factor alone",
      columns: [
        { key: "what", label: "", format: "text" },
        { key: "df", label: "df", format: "int" },
        { key: "chisq", label: "χ²", digits: 2 },
        { key: "p", label: "p", format: "p" },
        { key: "rms", label: "RMSR", digits: 3 },
        { key: "rmsea", label: "RMSEA", digits: 3 },
        { key: "bic", label: "BIC", digits: 2 },
      ],
      rows: [fit(this.stats, "g + group factors"), fit(this.generalStats, "general factor only")],
      notes: ["As psych: fa.stats of the Schmid–Leiman loadings (orthogonal), χ² with Bartlett's correction."],
    };
    return [coef, { title: "Schmid–Leiman factor loadings (group loadings below .2 blanked)", columns: slCols, rows: slRows }, grp, fitT];
  }
}

/** Schmid–Leiman transformation of a k-factor solution of R (see module comment). */
export function schmidLeiman(
  R: Mat,
  names: string[],
  nObs: number,
  k: number,
  fm: FactorMethod,
  rot: Rotation,
  option: "equal" | "first" | "second",
  warnings: PathlabWarning[],
): SchmidLeiman {
  const orth = fitFactors({ R, names, nObs, np: null, fromData: false, use: "pairwise" }, { nfactors: k, rotate: "varimax", fm }, "omega");
  const A = orth.loadings;
  let F: Mat;
  let Phi: Mat;
  if (k === 1) {
    F = A;
    Phi = [[1]];
  } else {
    const r = rotateLoadings(A, rot);
    F = r.loadings;
    Phi = r.Phi!;
  }
  let gam: number[];
  if (k === 1) gam = [1];
  else if (k === 2) {
    const phi = Phi[0][1];
    if (option === "equal") gam = [Math.sqrt(Math.abs(phi)), Math.sign(phi) * Math.sqrt(Math.abs(phi))];
    else if (option === "first") gam = [1, phi];
    else gam = [phi, 1];
    warnings.push({
      code: "efa.omega-two-factors",
      message: `Three factors are required for identification; with two, the general loadings are set by option "${option}" (as psych). Proceed with caution.`,
    });
  } else {
    const g = fitFactors(
      { R: Phi, names: Phi.map((_, j) => `F${j + 1}`), nObs: NaN, np: null, fromData: false, use: "pairwise" },
      { nfactors: 1, fm, rotate: "none" },
      "omega",
    );
    gam = g.loadings.map((r) => r[0]);
  }
  const g = F.map((r) => r.reduce((a, v, j) => a + v * gam[j], 0));
  const groups = F.map((r) =>
    r.map((v, j) => {
      const u = v * v * (1 - gam[j] * gam[j]);
      return Math.sign(v) * Math.sqrt(u < 0 ? 0 : u);
    }),
  );
  const h2 = A.map((r) => r.reduce((a, v) => a + v * v, 0));
  const u2 = R.map((r, i) => r[i] - h2[i]);
  return { g, groups, h2, u2, p2: g.map((v, i) => (v * v) / h2[i]), oblique: F, Phi, gammas: gam, orthogonal: orth };
}

/**
 * ω hierarchical, ω total, ω per subscale and ECV (psych::omega) from raw items or `{ cor, n }`.
 * See the module comment for the formulas.
 *
 * @example
 * omega(bfi, { nfactors: 3 })   // ω_h, ω_t per psych::omega
 */
export function omega(input: FactorInput, options?: OmegaOptions): OmegaResult;
export function omega(input: FactorInput, items: string[], options?: OmegaOptions): OmegaResult;
export function omega(input: FactorInput, itemsOrOptions?: string[] | OmegaOptions, options?: OmegaOptions): OmegaResult {
  const { items, options: raw } = splitArgs(itemsOrOptions, options);
  const o = checkOptions<OmegaOptions>("omega", raw, SPECS);
  const src = resolveCorrelation("omega", input, items, { use: o.use, missing: o.missing, nObs: o.nObs });
  const k = o.nfactors ?? 3;
  const p = src.R.length;
  if (k >= p)
    throw new PathlabError(`omega(): ${k} group factors from ${p} items.`, {
      hint: "Use fewer factors; ω needs more items than factors (3 factors need at least 6–9 items).",
      code: "efa.too-many-factors",
    });
  const fm = o.fm ?? "minres";
  const rot = (o.rotate ?? "oblimin") as Rotation;
  const warnings: PathlabWarning[] = [];
  let R = src.R;
  const sl = schmidLeiman(R, src.names, src.nObs, k, fm, rot, o.option ?? "equal", warnings);
  const key = sl.g.map((v) => (v < 0 ? -1 : 1));
  if ((o.flip ?? true) && key.some((s) => s < 0)) {
    R = R.map((r, i) => r.map((v, j) => v * key[i] * key[j]));
    sl.g = sl.g.map((v, i) => v * key[i]);
    sl.groups = sl.groups.map((r, i) => r.map((v) => v * key[i]));
  } else key.fill(1);
  const Vt = R.reduce((a, r) => a + r.reduce((b, v) => b + v, 0), 0);
  const sumG = sl.g.reduce((a, b) => a + b, 0);
  const sumU = sl.u2.reduce((a, b) => a + b, 0);
  const omegaTotal = (Vt - sumU) / Vt;
  const ssG = sl.g.reduce((a, b) => a + b * b, 0);
  const ssS = sl.groups.reduce((a, r) => a + r.reduce((b, v) => b + v * v, 0), 0);
  const sub = sl.groups.map((r) => {
    let b = 0;
    for (let j = 1; j < r.length; j++) if (Math.abs(r[j]) > Math.abs(r[b])) b = j;
    return b;
  });
  const groups: OmegaGroup[] = [];
  let grs = 0;
  for (let j = 0; j < k; j++) {
    const idx = sub.map((s, i) => (s === j ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) {
      groups.push({ factor: `F${j + 1}*`, items: [], omegaTotal: NaN, omegaGeneral: NaN, omegaGroup: NaN });
      continue;
    }
    let Vg = 0;
    for (const a of idx) for (const b of idx) Vg += R[a][b];
    const gr = idx.reduce((a, i) => a + sl.groups[i][j], 0);
    const gg = idx.reduce((a, i) => a + sl.g[i], 0);
    grs += gr * gr;
    groups.push({
      factor: `F${j + 1}*`,
      items: idx.map((i) => src.names[i]),
      omegaTotal: (gr * gr + gg * gg) / Vg,
      omegaGeneral: (gg * gg) / Vg,
      omegaGroup: (gr * gr) / Vg,
    });
  }
  groups.unshift({ factor: "g (total scale)", items: [...src.names], omegaTotal, omegaGeneral: (sumG * sumG) / Vt, omegaGroup: grs / Vt });
  const slMat = sl.g.map((v, i) => [v, ...sl.groups[i]]);
  const stats = faStats(R, slMat, undefined, src.nObs, null);
  const generalStats = faStats(
    R,
    sl.g.map((v) => [v]),
    undefined,
    src.nObs,
    null,
  );
  const smcSum = smcOf(R).reduce((a, b) => a + b, 0);
  const res = new OmegaResult(
    [...src.names],
    key,
    sl,
    (sumG * sumG) / Vt,
    (sumG * sumG) / (Vt - sumU),
    omegaTotal,
    ((Vt - p) / Vt) * (p / (p - 1)),
    (Vt + smcSum - p) / Vt,
    ssG / (ssG + ssS),
    groups,
    stats,
    generalStats,
    { nfactors: k, fm, rotate: rot, n: src.nObs, fromData: src.fromData, use: src.use },
  );
  if (k === 1)
    warnings.push({ code: "efa.omega-one-factor", message: "ω_h is not meaningful with one factor (it equals ω_t's general part); use nfactors ≥ 3." });
  res.warnings.push(...sl.orthogonal.warnings, ...warnings);
  return res;
}
