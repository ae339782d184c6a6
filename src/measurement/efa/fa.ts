/**
 * Exploratory factor analysis as psych::fa (psych 2.2.9, Revelle): extraction by minimum
 * residual ("minres", default), maximum likelihood ("ml") or principal axes ("pa") (see
 * extract.ts), rotation (see rotate.ts; default "oblimin" as psych), then psych's conventions:
 * each factor signed so that its loadings sum to a positive value, factors ordered by the variance
 * they account for (diag(ΦΛᵀΛ)), factor names MR1…/ML1…/PA1… kept from before that ordering.
 *
 *   communality h²_i = (ΛΦΛᵀ)_ii,  uniqueness u²_i = 1 − h²_i,  structure S = ΛΦ
 *   SS loadings_j = (ΦΛᵀΛ)_jj; proportion of variance = SS/p; proportion explained = SS/ΣSS
 * Fit statistics are psych's (stats.ts), computed for every method.
 *
 * @example
 * const f = fa(bfi, items, { nfactors: 5, rotate: "oblimin" });
 * f.loadingsTable({ sort: true, cut: 0.3 });
 */
import { PathlabError, type PathlabWarning } from "../../errors";
import { checkOptions, type OptionSpecs } from "../../options";
import { Result, TableResult } from "../../display/result";
import type { Column, TableSpec } from "../../display/table";
import type { Figure } from "../../display/figure";
import { Rng } from "../../simulate/rng";
import { resolveCorrelation, singularity, type CorrelationSource, type FactorInput, type UseOption } from "./input";
import { extractFactors, type FactorMethod } from "./extract";
import { OBLIQUE, ROTATIONS, randomOrthogonal, rotate, type Rotation, type RotationResult } from "./rotate";
import { faStats, type FaFit } from "./stats";
import { identity, mul, mult, tmul, type Mat } from "../../math";
import { loadingsHeatmap } from "./figures";

/** Options of `fa` (psych's fa arguments): number of factors, extraction, rotation, scores, missing-value handling. */
export interface FaOptions {
  /** Number of factors (default 1). */
  nfactors?: number;
  /** Extraction: "minres" (default), "ml" or "pa". */
  fm?: FactorMethod;
  /** Rotation (default "oblimin", as psych). */
  rotate?: Rotation;
  /** Observations, when a matrix is given without n (psych's n.obs). */
  nObs?: number;
  /** Correlations from raw data: "pairwise" (default, as psych) or "complete" rows only. */
  use?: UseOption;
  /** Declared missing codes in raw data, e.g. [99, -9]. */
  missing?: number[];
  /** pa: convergence on the total communality (default 0.001). */
  minErr?: number;
  /** pa: iteration limit (default 50). */
  maxIter?: number;
  /** Start from squared multiple correlations (default true). */
  smc?: boolean;
  /** Random starts of the rotation (psych's n.rotations; default 1 = the identity start only). */
  nRotations?: number;
  /** Seed for the random starts (default 12345). */
  seed?: number;
  /** Loadings below this count as in the hyperplane (default 0.15, as psych). */
  hyper?: number;
  /** 1 − confidence of the RMSEA interval (psych's alpha; default 0.1: a 90% interval). */
  alpha?: number;
  /** Kaiser row normalisation around the gradient-projection rotations (default false, as GPArotation). */
  normalize?: boolean;
}

export const DEFAULT_FA_SEED = 12345;

const UNSUPPORTED_FM: Record<string, string> = {
  uls: 'psych\'s "uls" differs from minres only in counting the diagonal; use "minres".',
  ols: 'use "minres".',
  wls: 'weighted least squares is not implemented; use "minres", "ml" or "pa".',
  gls: 'generalised least squares is not implemented; use "minres", "ml" or "pa".',
  minchi: 'use "minres".',
  minrank: 'minimum rank factor analysis is not implemented; use "minres".',
  alpha: 'alpha factoring is not implemented; use "minres", "ml" or "pa".',
  pc: "principal components are not factor analysis; psych's principal() is not implemented here.",
};

const UNSUPPORTED_ROTATIONS: Record<string, string> = {
  Promax: 'psych\'s unnormalised "Promax" is not implemented; "promax" is Kaiser-normalised promax as psych::fa uses it.',
  Varimax: 'use "varimax" (R\'s stats::varimax, as psych).',
  simplimax: 'use "oblimin", "geominQ" or "bentlerQ".',
  geominT: 'use "varimax" or "quartimax".',
  bentlerT: 'use "varimax" or "quartimax".',
  equamax: 'use "varimax".',
  varimin: 'use "varimax".',
  biquartimin: 'use "oblimin".',
  bifactor: "a bifactor rotation is not implemented; omega() gives the Schmid–Leiman bifactor solution.",
  cluster: 'use "oblimin" or "promax".',
  targetT: "target rotations are not implemented.",
  targetQ: "target rotations are not implemented.",
  TargetQ: "target rotations are not implemented.",
  TargetT: "target rotations are not implemented.",
};

export const FA_OPTION_SPECS: OptionSpecs = {
  nfactors: { kind: "number", min: 1, integer: true, aliases: ["nFactors", "factors"] },
  fm: { kind: "enum", values: ["minres", "ml", "pa"], valueAliases: { mle: "ml", MLE: "ml", ML: "ml" }, unsupportedValues: UNSUPPORTED_FM },
  rotate: { kind: "enum", values: ROTATIONS, valueAliases: { quartimin: "oblimin" }, unsupportedValues: UNSUPPORTED_ROTATIONS, aliases: ["rotation"] },
  nObs: { kind: "number", min: 2, integer: true, aliases: ["n.obs", "n"] },
  use: { kind: "enum", values: ["pairwise", "complete"], valueAliases: { "pairwise.complete.obs": "pairwise", "complete.obs": "complete" } },
  missing: {
    kind: "custom",
    check: (v) => (Array.isArray(v) && v.every((x) => typeof x === "number") ? undefined : "must be an array of numbers"),
    expected: "an array of missing-value codes such as [99, -9]",
  },
  minErr: { kind: "number", min: 0, exclusiveMin: true, aliases: ["min.err"] },
  maxIter: { kind: "number", min: 1, integer: true, aliases: ["max.iter"] },
  smc: { kind: "boolean", aliases: ["SMC"] },
  nRotations: { kind: "number", min: 1, max: 10000, integer: true, aliases: ["n.rotations"] },
  seed: { kind: "seed" },
  hyper: { kind: "number", min: 0, max: 1 },
  alpha: {
    kind: "number",
    min: 0,
    max: 1,
    exclusiveMin: true,
    exclusiveMax: true,
    rangeHint: "psych's alpha is 1 − the RMSEA interval's confidence: 0.1 gives a 90% interval.",
  },
  normalize: { kind: "boolean" },
  scores: { kind: "custom", unsupported: "factor scores are not computed yet; the regression weights are in result.fit.weights." },
  covar: { kind: "boolean", unsupported: "covariance-based factoring is not implemented; the covariance matrix is converted to correlations." },
  cor: { kind: "string", unsupported: "only Pearson correlations are implemented (no polychoric/tetrachoric)." },
  weight: { kind: "custom", unsupported: "weighted correlations are not implemented." },
  nIter: { kind: "number", aliases: ["n.iter"], unsupported: "bootstrapped loadings intervals are not implemented." },
};

export interface VarianceAccounted {
  ss: number[];
  proportionVar: number[];
  cumulativeVar: number[];
  proportionExplained: number[];
  cumulativeProportion: number[];
}

export interface RotationTrial {
  start: number;
  hyperplane: number;
  complexity: number;
  fit: number;
}

/** A fitted exploratory factor analysis (psych's `fa` object). */
export class FaResult extends Result {
  constructor(
    readonly names: string[],
    readonly factorNames: string[],
    readonly fm: FactorMethod,
    readonly rotation: Rotation,
    /** Pattern loadings (p × k). */
    readonly loadings: Mat,
    /** Structure loadings ΛΦ (p × k); equal to the pattern when orthogonal. */
    readonly structure: Mat,
    /** Factor correlations Φ (oblique rotations only). */
    readonly Phi: Mat | undefined,
    readonly communality: number[],
    readonly uniquenesses: number[],
    readonly values: number[],
    readonly eValues: number[],
    readonly vaccounted: VarianceAccounted,
    readonly fit: FaFit,
    readonly n: number,
    readonly source: { fromData: boolean; use: UseOption; nComplete?: number },
    readonly iterations: number,
    readonly converged: boolean,
    readonly rotationInfo: { iterations: number; converged: boolean; trials?: RotationTrial[]; best?: number; seed?: number },
    /** Number of loadings below `hyper` per factor. */
    readonly hyperplane: number[],
    readonly correlation: Mat,
  ) {
    super();
  }

  get nfactors(): number {
    return this.factorNames.length;
  }

  /** Item complexity (Hofmann). */
  get complexity(): number[] {
    return this.fit.complexity;
  }

  title(): string {
    const rot = this.nfactors < 2 ? "no rotation (one factor)" : this.rotation === "none" ? "unrotated" : `${this.rotation} rotation`;
    return `Factor analysis: ${this.nfactors} factor${this.nfactors > 1 ? "s" : ""}, ${METHOD_LABEL[this.fm]}, ${rot}`;
  }

  info(): string[] {
    const s = this.source;
    const lines: string[] = [];
    if (s.fromData)
      lines.push(
        `${this.names.length} items; correlations with use = "${s.use}"${s.use === "pairwise" ? " (psych's default)" : ""}; n.obs = ${this.n} rows (as psych: every row counts)` +
          (s.nComplete !== undefined && s.nComplete < this.n ? `, ${s.nComplete} complete` : ""),
      );
    else
      lines.push(
        `${this.names.length} variables from a correlation matrix; n.obs = ${Number.isFinite(this.n) ? this.n : "not given (no χ², RMSEA, TLI or BIC)"}`,
      );
    lines.push(
      this.fm === "pa"
        ? `Principal axes: ${this.iterations} iteration(s)${this.converged ? "" : " — maximum reached"}`
        : `${this.fm === "ml" ? "Maximum likelihood" : "Minimum residual"}: ${this.iterations} iteration(s)${this.converged ? ", converged" : " — NOT converged"}`,
    );
    const r = this.rotationInfo;
    if (this.rotation !== "none" && this.nfactors > 1)
      lines.push(
        `Rotation ${this.rotation}: ${r.iterations} iteration(s)${r.converged ? "" : " — NOT converged"}${r.trials ? `; best of ${r.trials.length} starts (seed ${r.seed}) is start ${r.best! + 1}` : ""}`,
      );
    return lines;
  }

  tables(): TableSpec[] {
    return [this.loadingsSpec({ sort: false, cut: 0 }), this.varianceSpec(), ...(this.Phi ? [this.phiSpec()] : []), this.fitSpec(), this.scoreSpec()];
  }

  /** The loadings table; `sort` orders items by their main factor (psych's fa.sort) and `cut` blanks small loadings. */
  loadingsTable(opts: { sort?: boolean; cut?: number; structure?: boolean } = {}): TableResult {
    const o = checkOptions<{ sort?: boolean; cut?: number; structure?: boolean }>("loadingsTable", opts, {
      sort: { kind: "boolean" },
      cut: { kind: "number", min: 0, max: 1 },
      structure: { kind: "boolean" },
    });
    return new TableResult(this.loadingsSpec({ sort: o.sort ?? true, cut: o.cut ?? 0.3, structure: o.structure }));
  }

  /** psych's fa.sort order: items grouped by the factor with their largest |loading|, then by that loading. */
  sortOrder(): number[] {
    const L = this.loadings;
    const cluster = L.map((r) => {
      let best = 0;
      for (let j = 1; j < r.length; j++) if (Math.abs(r[j]) > Math.abs(r[best])) best = j;
      return best;
    });
    const idx = L.map((_, i) => i);
    return idx.sort((a, b) => cluster[a] - cluster[b] || Math.abs(L[b][cluster[b]]) - Math.abs(L[a][cluster[a]]) || a - b);
  }

  private loadingsSpec(opts: { sort: boolean; cut: number; structure?: boolean }): TableSpec {
    const M = opts.structure ? this.structure : this.loadings;
    const order = opts.sort ? this.sortOrder() : this.names.map((_, i) => i);
    const columns: Column[] = [{ key: "item", label: "Item", format: "text" }];
    this.factorNames.forEach((f, j) => columns.push({ key: `f${j}`, label: f, digits: 2 }));
    if (!opts.structure) columns.push({ key: "h2", label: "h2", digits: 2 }, { key: "u2", label: "u2", digits: 2 }, { key: "com", label: "com", digits: 1 });
    const rows = order.map((i) => {
      const row: Record<string, unknown> = { item: this.names[i], h2: this.communality[i], u2: this.uniquenesses[i], com: this.fit.complexity[i] };
      M[i].forEach((v, j) => (row[`f${j}`] = Math.abs(v) < opts.cut ? "" : v));
      return row;
    });
    const what = opts.structure
      ? "Structure loadings (ΛΦ: correlations of items with factors)"
      : this.Phi
        ? "Standardized loadings (pattern matrix)"
        : "Standardized loadings";
    const notes = [
      "h2 = communality (ΛΦΛᵀ)ᵢᵢ, u2 = 1 − h2, com = item complexity (Σλ²)²/Σλ⁴ (Hofmann).",
      ...(opts.cut > 0 ? [`Loadings with |λ| < ${opts.cut} are blanked.`] : []),
      ...(opts.sort ? ["Items sorted by the factor they load most on (psych's fa.sort)."] : []),
    ];
    return { title: what, columns, rows, notes };
  }

  private varianceSpec(): TableSpec {
    const v = this.vaccounted;
    const columns: Column[] = [{ key: "what", label: "", format: "text" }];
    this.factorNames.forEach((f, j) => columns.push({ key: `f${j}`, label: f, digits: 2 }));
    const row = (what: string, xs: number[]) => {
      const r: Record<string, unknown> = { what };
      xs.forEach((x, j) => (r[`f${j}`] = x));
      return r;
    };
    const rows = [row("SS loadings", v.ss), row("Proportion Var", v.proportionVar)];
    if (this.nfactors > 1)
      rows.push(
        row("Cumulative Var", v.cumulativeVar),
        row("Proportion Explained", v.proportionExplained),
        row("Cumulative Proportion", v.cumulativeProportion),
      );
    return {
      title: "Variance accounted for",
      columns,
      rows,
      notes: ["SS loadings = diag(ΦΛᵀΛ); proportions of the p items' total variance and of the common variance."],
    };
  }

  private phiSpec(): TableSpec {
    const columns: Column[] = [{ key: "f", label: "", format: "text" }];
    this.factorNames.forEach((f, j) => columns.push({ key: `f${j}`, label: f, digits: 2 }));
    const rows = this.factorNames.map((f, i) => {
      const r: Record<string, unknown> = { f };
      this.Phi![i].forEach((v, j) => (r[`f${j}`] = v));
      return r;
    });
    return { title: "Factor correlations (Φ)", columns, rows };
  }

  private fitSpec(): TableSpec {
    const f = this.fit;
    const rows: Record<string, unknown>[] = [
      { what: "Null model: df, objective, χ²", a: { text: String(f.nullDof) }, b: f.nullObjective, c: f.nullChisq },
      { what: "Model: df, objective, χ², p", a: { text: String(f.dof) }, b: f.objective, c: f.chisq, d: f.pValue },
      { what: "RMSR; df-corrected RMSR", b: f.rms, c: f.crms },
      { what: `Empirical χ² (n_h = ${Math.round(f.nh)}), p`, c: f.eChisq, d: f.ePValue },
      { what: "Tucker–Lewis index", b: f.TLI },
      { what: `RMSEA [${Math.round(f.rmseaConfidence * 100)}% CI]`, b: f.RMSEA, c: { text: `[${fmt3(f.rmseaLower)}, ${fmt3(f.rmseaUpper)}]` } },
      { what: "BIC; empirical BIC", b: f.BIC, c: f.eBIC },
      { what: "Fit based upon off-diagonal values", b: f.fitOff },
    ];
    return {
      title: `Test of the hypothesis that ${this.nfactors} factor${this.nfactors > 1 ? "s are" : " is"} sufficient`,
      columns: [
        { key: "what", label: "", format: "text" },
        { key: "a", label: "df", format: "text" },
        { key: "b", label: "value", digits: 3 },
        { key: "c", label: "", digits: 3 },
        { key: "d", label: "p", format: "p" },
      ],
      rows,
      notes: [
        "As psych::fa: objective F = tr(M⁻¹R) − ln|M⁻¹R| − p (M = model with unit diagonal); χ² = F(n − 1 − (2p + 5)/6 − 2k/3); TLI = (M0 − Mm)/(M0 − 1/nm); RMSEA = √max(χ²/(df·n) − 1/(n − 1), 0); BIC = χ² − df·ln n.",
        "RMSR = √(Σ off-diagonal residual² / (p(p − 1))); the empirical χ² weights each squared residual by its pairwise n.",
      ],
    };
  }

  private scoreSpec(): TableSpec {
    const columns: Column[] = [{ key: "what", label: "", format: "text" }];
    this.factorNames.forEach((f, j) => columns.push({ key: `f${j}`, label: f, digits: 2 }));
    const row = (what: string, xs: number[]) => {
      const r: Record<string, unknown> = { what };
      xs.forEach((x, j) => (r[`f${j}`] = x));
      return r;
    };
    const R2 = this.fit.scoreR2;
    return {
      title: "Measures of factor score adequacy",
      columns,
      rows: [
        row("Correlation of (regression) scores with factors", R2.map(Math.sqrt)),
        row("Multiple R square of scores with factors", R2),
        row(
          "Minimum correlation of possible factor scores",
          R2.map((r) => 2 * r - 1),
        ),
      ],
    };
  }

  /** Heat map of the (sorted) loadings. */
  heatmap(opts: { sort?: boolean; structure?: boolean } = {}): Figure {
    const o = checkOptions<{ sort?: boolean; structure?: boolean }>("heatmap", opts, { sort: { kind: "boolean" }, structure: { kind: "boolean" } });
    const order = o.sort === false ? this.names.map((_, i) => i) : this.sortOrder();
    const M = o.structure ? this.structure : this.loadings;
    return loadingsHeatmap(
      order.map((i) => this.names[i]),
      this.factorNames,
      order.map((i) => M[i]),
      o.structure ? "Structure loadings" : "Factor loadings",
    );
  }
}

const METHOD_LABEL: Record<FactorMethod, string> = { minres: "minimum residual (minres)", ml: "maximum likelihood", pa: "principal axes" };

function fmt3(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : "NA";
}

/** psych's rotation-start statistics: hyperplane share, mean complexity, tr(var(L²)). */
function trialStats(L: Mat, hyper: number): Omit<RotationTrial, "start"> {
  const p = L.length;
  const k = L[0].length;
  let inPlane = 0;
  let cx = 0;
  for (const r of L) {
    let s2 = 0;
    let s4 = 0;
    for (const v of r) {
      if (Math.abs(v) < hyper) inPlane++;
      s2 += v * v;
      s4 += v ** 4;
    }
    cx += (s2 * s2) / s4;
  }
  let fit = 0;
  for (let j = 0; j < k; j++) {
    let m = 0;
    for (const r of L) m += r[j] ** 2 / p;
    let v = 0;
    for (const r of L) v += (r[j] ** 2 - m) ** 2;
    fit += v / (p - 1);
  }
  return { hyperplane: inPlane / (p * k), complexity: cx / p, fit };
}

function signed(res: RotationResult): { L: Mat; Phi?: Mat } {
  const k = res.loadings[0].length;
  const sg = new Array<number>(k).fill(1);
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (const r of res.loadings) s += r[j];
    if (s < 0) sg[j] = -1;
  }
  const L = res.loadings.map((r) => r.map((v, j) => v * sg[j]));
  const Phi = res.Phi?.map((r, i) => r.map((v, j) => v * sg[i] * sg[j]));
  return { L, Phi };
}

/** Rotation with optional random starts (psych's n.rotations): the best start by hyperplane count, then complexity, then fit. */
function rotateWithStarts(A: Mat, rotation: Rotation, o: FaOptions): { res: RotationResult; L: Mat; Phi?: Mat; info: FaResult["rotationInfo"] } {
  const n = o.nRotations ?? 1;
  const k = A[0].length;
  if (n === 1 || k < 2 || rotation === "none") {
    const res = rotate(A, rotation, { normalize: o.normalize });
    return { res, ...signed(res), info: { iterations: res.iterations, converged: res.converged } };
  }
  if (rotation === "promax")
    throw new PathlabError(
      "fa(): nRotations applies to the iterative rotations; promax is computed in closed form from varimax, so random starts cannot change it.",
      {
        hint: 'Remove nRotations, or use rotate: "oblimin", "geominQ" or "bentlerQ".',
        code: "options.not-applicable",
      },
    );
  const seed = o.seed ?? DEFAULT_FA_SEED;
  const rng = new Rng(seed);
  const hyper = o.hyper ?? 0.15;
  let best: { res: RotationResult; L: Mat; Phi?: Mat; stats: Omit<RotationTrial, "start">; start: number } | undefined;
  const trials: RotationTrial[] = [];
  for (let s = 0; s < n; s++) {
    const T0 = s === 0 ? identity(k) : randomOrthogonal(k, rng);
    const res = rotate(A, rotation, { T0, normalize: o.normalize });
    const sg = signed(res);
    const stats = trialStats(sg.L, hyper);
    trials.push({ start: s + 1, ...stats });
    const better =
      !best ||
      stats.hyperplane > best.stats.hyperplane ||
      (stats.hyperplane === best.stats.hyperplane &&
        (stats.complexity < best.stats.complexity || (stats.complexity === best.stats.complexity && stats.fit < best.stats.fit)));
    if (better) best = { res, ...sg, stats, start: s };
  }
  return {
    res: best!.res,
    L: best!.L,
    Phi: best!.Phi,
    info: { iterations: best!.res.iterations, converged: best!.res.converged, trials, best: best!.start, seed },
  };
}

/**
 * Fits a factor model to a correlation source: extraction, rotation, psych's signs and order, fit.
 * Shared by fa(), omega() and vss().
 */
export function fitFactors(src: CorrelationSource, o: FaOptions, fn = "fa"): FaResult {
  const k = o.nfactors ?? 1;
  const p = src.R.length;
  const fm = o.fm ?? "minres";
  const rotation: Rotation = o.rotate ?? "oblimin";
  if (k >= p)
    throw new PathlabError(`${fn}(): ${k} factor${k > 1 ? "s" : ""} from ${p} variables: a factor model needs more variables than factors.`, {
      hint: `Ask for at most ${Math.max(1, p - 1)} factor(s); faParallel() suggests how many.`,
      code: "efa.too-many-factors",
    });
  const warnings: PathlabWarning[] = [];
  const ex = extractFactors(src.R, k, fm, src.names, { minErr: o.minErr, maxIter: o.maxIter, smc: o.smc });
  const rot = rotateWithStarts(ex.loadings, rotation, o);
  let L = rot.L;
  let Phi = k > 1 && OBLIQUE.includes(rotation) ? rot.Phi : undefined;
  const baseName = fm === "minres" ? "MR" : fm === "ml" ? "ML" : "PA";
  let names = Array.from({ length: k }, (_, j) => `${baseName}${j + 1}`);
  if (k > 1) {
    const ev = Phi ? mul(Phi, tmul(L, L)).map((r, j) => r[j]) : tmul(L, L).map((r, j) => r[j]);
    const order = ev.map((_, j) => j).sort((a, b) => ev[b] - ev[a] || a - b);
    L = L.map((r) => order.map((j) => r[j]));
    if (Phi) Phi = order.map((a) => order.map((b) => Phi![a][b]));
    names = order.map((j) => names[j]);
  }
  const model = mult(ex.loadings, ex.loadings);
  const communality = model.map((r, i) => r[i]);
  const uniquenesses = src.R.map((r, i) => r[i] - communality[i]);
  const structure = Phi ? mul(L, Phi) : L.map((r) => r.slice());
  const fit = faStats(src.R, L, Phi, src.nObs, src.np, 1 - (o.alpha ?? 0.1));
  const ss = Phi ? mul(Phi, tmul(L, L)).map((r, j) => r[j]) : tmul(L, L).map((r, j) => r[j]);
  const vtotal = communality.reduce((a, b) => a + b, 0) + uniquenesses.reduce((a, b) => a + b, 0);
  const tot = ss.reduce((a, b) => a + b, 0);
  let c1 = 0;
  let c2 = 0;
  const vaccounted: VarianceAccounted = {
    ss,
    proportionVar: ss.map((v) => v / vtotal),
    cumulativeVar: ss.map((v) => (c1 += v / vtotal)),
    proportionExplained: ss.map((v) => v / tot),
    cumulativeProportion: ss.map((v) => (c2 += v / tot)),
  };
  const hyper = o.hyper ?? 0.15;
  const hyperplane = names.map((_, j) => L.filter((r) => Math.abs(r[j]) < hyper).length);
  const res = new FaResult(
    [...src.names],
    names,
    fm,
    rotation,
    L,
    structure,
    Phi,
    communality,
    uniquenesses,
    ex.values,
    ex.eValues,
    vaccounted,
    fit,
    src.nObs,
    { fromData: src.fromData, use: src.use, nComplete: src.columns?.nComplete },
    ex.iterations,
    ex.converged,
    rot.info,
    hyperplane,
    src.R,
  );
  collectWarnings(res, src, ex, fm, warnings);
  res.warnings.push(...warnings);
  return res;
}

function collectWarnings(res: FaResult, src: CorrelationSource, ex: { converged: boolean; psi: number[] }, fm: FactorMethod, w: PathlabWarning[]): void {
  const names = res.names;
  if (!ex.converged)
    w.push({
      code: "efa.not-converged",
      message:
        fm === "pa"
          ? "Principal axes: maximum iteration exceeded (the communalities were still changing by more than minErr)."
          : `The ${fm} estimation did not converge; the loadings are not trustworthy.`,
    });
  if (!res.rotationInfo.converged)
    w.push({ code: "efa.rotation-not-converged", message: `The ${res.rotation} rotation did not converge in 1000 iterations (as GPArotation warns).` });
  const ultra = names.filter((_, i) => res.communality[i] > 1 + 1e-8);
  if (ultra.length)
    w.push({
      code: "efa.heywood",
      message: `An ultra-Heywood case was detected (communality > 1 for ${ultra.join(", ")}), as psych warns; examine the results carefully.`,
    });
  if (fm !== "pa") {
    const atBound = names.filter((_, i) => ex.psi[i] <= 0.005 + 1e-9);
    if (atBound.length)
      w.push({ code: "efa.heywood", message: `Heywood case: the uniqueness of ${atBound.join(", ")} sits at psych's lower bound 0.005 (communality ≈ 1).` });
  }
  if (res.fit.smoothed) {
    const s = singularity(src.R, names);
    w.push({
      code: "efa.singular",
      message: `The correlation matrix is not positive definite (smallest eigenvalue ${s.min.toExponential(2)}; involving ${s.involved.join(", ")}): as psych, the fit statistics use a smoothed matrix.`,
    });
  }
  if (res.fit.dof < 0)
    w.push({
      code: "efa.negative-df",
      message: `The model has ${res.fit.dof} degrees of freedom: ${res.nfactors} factors are more than ${names.length} variables identify.`,
    });
  if (src.fromData && src.nObs <= names.length)
    w.push({ code: "efa.small-n", message: `Only ${src.nObs} rows for ${names.length} items: the correlation matrix cannot be positive definite.` });
}

/** Splits psych-style arguments: fa(data, items?, options?). */
export function splitArgs<O>(itemsOrOptions: string[] | O | undefined, options: O | undefined): { items?: string[]; options: O | undefined } {
  if (Array.isArray(itemsOrOptions)) return { items: itemsOrOptions as string[], options };
  if (options !== undefined)
    throw new PathlabError("The second argument must be the item names when options come third.", {
      hint: 'Write fa(data, ["A1", "A2", …], { nfactors: 2 }) or fa(data, { nfactors: 2 }).',
      code: "efa.bad-input",
    });
  return { options: itemsOrOptions as O | undefined };
}

/**
 * Exploratory factor analysis (psych::fa). `input` is raw data (items = the named columns, or every
 * numeric column) or `{ cor, n }` / `{ cov, n }`. See the module comment for every formula.
 *
 * @example
 * fa(bfi, { nfactors: 5, rotate: "oblimin" })   // psych::fa(bfi, 5)
 */
export function fa(input: FactorInput, options?: FaOptions): FaResult;
export function fa(input: FactorInput, items: string[], options?: FaOptions): FaResult;
export function fa(input: FactorInput, itemsOrOptions?: string[] | FaOptions, options?: FaOptions): FaResult {
  const { items, options: raw } = splitArgs(itemsOrOptions, options);
  const o = checkOptions<FaOptions>("fa", raw, FA_OPTION_SPECS);
  const src = resolveCorrelation("fa", input, items, { use: o.use, missing: o.missing, nObs: o.nObs });
  if (o.nObs !== undefined && src.fromData)
    throw new PathlabError("fa(): nObs is for a correlation matrix; with raw data the number of rows is used.", {
      hint: "Remove nObs.",
      code: "options.not-applicable",
    });
  return fitFactors(src, o);
}
