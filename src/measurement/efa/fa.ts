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
import { correlationUse } from "../../data/pairwise";
import { extractFactors, FACTOR_METHODS, type Extraction, type FactorMethod, type StartsInfo } from "./extract";
import { GPA_ROTATIONS, OBLIQUE, ROTATIONS, randomOrthogonal, rotate, type Rotation, type RotationResult } from "./rotate";
import { factorScores, scoreWeights, SCORE_METHODS, type ScoreMethod, type ScoreWeights } from "./scores";
import { faStats, type FaFit } from "./stats";
import { identity, mul, mult, tmul, type Mat } from "../../math";
import { loadingsHeatmap } from "./figures";

/** Options of `fa` (psych's fa arguments): number of factors, extraction, rotation, scores, missing-value handling. */
export interface FaOptions {
  /** Number of factors (default 1). */
  nfactors?: number;
  /** Extraction: "minres" (default), "uls", "ml", "pa", "wls", "gls", "minchi" or "alpha" (see extract.ts). */
  fm?: FactorMethod;
  /** Rotation (default "oblimin", as psych). */
  rotate?: Rotation;
  /** Target matrix of rotate "targetQ"/"targetT" (p × k; NaN or null = free cell), GPArotation's Target. */
  Target?: (number | null)[][];
  /** Observations, when a matrix is given without n (psych's n.obs). */
  nObs?: number;
  /** Correlations from raw data: "pairwise" (default, as psych) or "complete" rows only. */
  use?: UseOption;
  /**
   * Declared missing codes in raw data, e.g. [99, -9]; or psych's logical `missing`: true imputes
   * each item's median for the factor scores (psych's impute "none" in fa does medians), false (default) does not.
   */
  missing?: number[] | boolean;
  /** pa/alpha: convergence on the communalities (default 0.001). */
  minErr?: number;
  /** pa/alpha: iteration limit (default 50). */
  maxIter?: number;
  /** Start from squared multiple correlations (default true). */
  smc?: boolean;
  /** Most starts of the iterative estimators (default 20; 1 = psych's single start from 1 − smc). */
  nStarts?: number;
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
  /** Factor-score method (default "regression", as psych): "Bartlett", "Anderson", "tenBerge", "Harman" or "none". */
  scores?: ScoreMethod;
  /** Score weights from the pattern instead of the structure (psych's oblique.scores; default false). */
  obliqueScores?: boolean;
  /** psych's residuals flag: the residual matrix is always available as result.residuals. */
  residuals?: boolean;
  /** Accepted at psych's defaults only (covar false, cor "cor", n.iter 1, …); see FA_OPTION_SPECS. */
  covar?: boolean;
  cor?: string;
  nIter?: number;
  warnings?: boolean;
  impute?: string;
  symmetric?: boolean;
  smooth?: boolean;
  p?: number;
  correct?: number;
}

export const DEFAULT_FA_SEED = 12345;

const UNSUPPORTED_FM: Record<string, string> = {
  ols: 'psych\'s "ols" minimises the same off-diagonal criterion as "minres" (without a gradient); use "minres".',
  "old.min": 'psych\'s pre-2017 minres; use "minres".',
  minrank: "minimum rank factor analysis needs psych's glb.algebraic (semidefinite programming), which is not implemented.",
  pc: "principal components are not factor analysis: use principal(), psych's principal components with rotation.",
};

const UNSUPPORTED_ROTATIONS: Record<string, string> = {
  varimin: 'use "varimax".',
  specialT: "psych's placeholder for a user-supplied rotation.",
  specialQ: "psych's placeholder for a user-supplied rotation.",
  target: 'write "targetQ" (oblique) or "targetT" (orthogonal) with the Target option, as GPArotation names them.',
};

const isMatrixOfNumbers = (v: unknown) =>
  Array.isArray(v) && v.length > 0 && v.every((r) => Array.isArray(r) && r.every((x) => x === null || typeof x === "number"));

export const FA_OPTION_SPECS: OptionSpecs = {
  nfactors: { kind: "number", min: 1, integer: true, aliases: ["nFactors", "factors"] },
  fm: { kind: "enum", values: FACTOR_METHODS, valueAliases: { mle: "ml", MLE: "ml", ML: "ml" }, unsupportedValues: UNSUPPORTED_FM },
  rotate: {
    kind: "enum",
    values: ROTATIONS,
    valueAliases: { TargetQ: "targetQ", TargetT: "targetT" },
    unsupportedValues: UNSUPPORTED_ROTATIONS,
    aliases: ["rotation"],
  },
  Target: {
    kind: "custom",
    aliases: ["target"],
    check: (v) => (isMatrixOfNumbers(v) ? undefined : "must be a matrix (array of rows) of numbers, null for free cells"),
    expected: "a p × k matrix such as [[0.7, 0], [0.6, null], …]",
  },
  nObs: { kind: "number", min: 2, integer: true, aliases: ["n.obs", "n"] },
  use: { kind: "enum", values: ["pairwise", "complete"], valueAliases: { "pairwise.complete.obs": "pairwise", "complete.obs": "complete" } },
  missing: {
    kind: "custom",
    check: (v) =>
      typeof v === "boolean" || (Array.isArray(v) && v.every((x) => typeof x === "number"))
        ? undefined
        : "must be an array of missing-value codes or psych's true/false",
    expected: "an array of missing-value codes such as [99, -9], or true to impute medians for the scores as psych's missing = TRUE",
  },
  minErr: { kind: "number", min: 0, exclusiveMin: true, aliases: ["min.err"] },
  maxIter: { kind: "number", min: 1, integer: true, aliases: ["max.iter"] },
  smc: { kind: "boolean", aliases: ["SMC"] },
  nStarts: { kind: "number", min: 1, max: 1000, integer: true, aliases: ["n.starts"] },
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
  scores: {
    kind: "enum",
    values: SCORE_METHODS,
    caseInsensitive: true,
    valueAliases: { Thurstone: "regression", tenberge: "tenBerge", TRUE: "regression", FALSE: "none" },
    unsupportedValues: { components: "component scores are principal()'s." },
  },
  obliqueScores: { kind: "boolean", aliases: ["oblique.scores"] },
  residuals: { kind: "boolean" },
  covar: {
    kind: "fixed",
    value: false,
    otherwise: "covariance-based factoring is not implemented; a covariance matrix is converted to correlations, as with covar = FALSE.",
  },
  cor: { kind: "fixed", value: ["cor", "pearson"], otherwise: "only Pearson correlations are implemented (no polychoric, tetrachoric, Spearman or Kendall)." },
  nIter: { kind: "fixed", value: 1, aliases: ["n.iter"], otherwise: "bootstrapped confidence intervals of the loadings are not implemented." },
  warnings: { kind: "fixed", value: [true, false], otherwise: "warnings are always collected in result.warnings." },
  impute: { kind: "fixed", value: "none", otherwise: "psych imputes medians whenever missing = TRUE in fa; write { missing: true } for that." },
  symmetric: { kind: "fixed", value: true, otherwise: "the eigen-decompositions are always symmetric." },
  smooth: { kind: "fixed", value: true, otherwise: "the fit statistics always use psych's cor.smooth when R is not positive definite." },
  p: { kind: "fixed", value: 0.05, otherwise: "p sets the width of the bootstrapped intervals (n.iter > 1), which are not implemented." },
  correct: { kind: "fixed", value: 0.5, otherwise: "the continuity correction applies to tetrachoric correlations, which are not implemented." },
  weight: { kind: "custom", unsupported: "weighted correlations are not implemented." },
  npObs: {
    kind: "custom",
    aliases: ["np.obs"],
    unsupported: "pairwise counts of a correlation matrix are not taken; give the raw data for the empirical statistics.",
  },
};

export interface VarianceAccounted {
  ss: number[];
  proportionVar: number[];
  cumulativeVar: number[];
  proportionExplained: number[];
  cumulativeProportion: number[];
}

/**
 * psych's "Vaccounted": SS loadings per factor (diag(Φ LᵀL) when oblique), their share of the
 * total variance Σh² + Σu², and their share of the common variance, each also cumulated.
 */
export function varianceAccounted(L: Mat, Phi: Mat | null | undefined, communality: number[], uniquenesses: number[]): VarianceAccounted {
  const ss = Phi ? mul(Phi, tmul(L, L)).map((r, j) => r[j]) : tmul(L, L).map((r, j) => r[j]);
  const vtotal = communality.reduce((a, b) => a + b, 0) + uniquenesses.reduce((a, b) => a + b, 0);
  const tot = ss.reduce((a, b) => a + b, 0);
  let c1 = 0;
  let c2 = 0;
  return {
    ss,
    proportionVar: ss.map((v) => v / vtotal),
    cumulativeVar: ss.map((v) => (c1 += v / vtotal)),
    proportionExplained: ss.map((v) => v / tot),
    cumulativeProportion: ss.map((v) => (c2 += v / tot)),
  };
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
    /** Extraction method; "pc" for principal(). */
    readonly fm: FactorMethod | "pc",
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

  /** Iterative estimators: the starts tried and the distinct minima they reached (see extract.ts). */
  starts?: StartsInfo;
  /** Value of the method's fitting criterion at the solution (criteria.ts; pa/alpha: last change in communality). */
  criterion = NaN;
  /** Extra lines for info() (how this solution relates to psych's). */
  notes: string[] = [];
  /** psych's factor.scores for the chosen `scores` method (weights, R², score correlations). */
  scoreWeights?: ScoreWeights;
  /** Factor scores of each row (raw data only; NaN for a row with a missing item unless missing: true). */
  scores?: Record<string, Float64Array>;

  /** Residual correlations R − ΛΦΛᵀ (psych's residuals = TRUE). */
  get residuals(): Mat {
    const LP = this.Phi ? mul(this.loadings, this.Phi) : this.loadings;
    const M = mult(LP, this.loadings);
    return this.correlation.map((r, i) => r.map((v, j) => v - M[i][j]));
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
    if (this.fm === "pc") return `Principal components: ${this.nfactors} component${this.nfactors > 1 ? "s" : ""}, ${rot}`;
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
    const label = METHOD_LABEL[this.fm];
    if (this.fm !== "pc")
      lines.push(
        this.fm === "pa" || this.fm === "alpha"
          ? `${label[0].toUpperCase()}${label.slice(1)}: ${this.iterations} iteration(s)${this.converged ? "" : " — maximum reached"}`
          : `${label[0].toUpperCase()}${label.slice(1)}: ${this.iterations} iteration(s)${this.converged ? ", converged" : " — NOT converged"}`,
      );
    const st = this.starts;
    if (st)
      lines.push(
        st.optima.length === 1
          ? `${st.tried} starts (psych's 1 − smc and seeded random ones) reach the same minimum`
          : `${st.tried} starts reach ${st.optima.length} distinct minima of the criterion (${st.optima.map((v) => v.toPrecision(6)).join(", ")}); the lowest is reported${st.best === 0 ? " (psych's start reaches it)" : `; psych's single start (1 − smc) stops at ${st.fromPsychStart.toPrecision(6)}`}`,
      );
    lines.push(...this.notes);
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

const METHOD_LABEL: Record<FactorMethod | "pc", string> = {
  pc: "principal components",
  minres: "minimum residual (minres)",
  uls: "unweighted least squares",
  ml: "maximum likelihood",
  pa: "principal axes",
  wls: "weighted least squares",
  gls: "generalised least squares",
  minchi: "minimum χ² (sample-size weighted minres)",
  alpha: "alpha factoring",
};

/** psych's column names per method. */
const FACTOR_PREFIX: Record<FactorMethod, string> = { minres: "MR", uls: "ULS", ml: "ML", pa: "PA", wls: "WLS", gls: "GLS", minchi: "MC", alpha: "alpha" };

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
  const target = o.Target?.map((r) => r.map((v) => (v === null ? NaN : v)));
  if (target && (target.length !== A.length || target.some((r) => r.length !== k)))
    throw new PathlabError(`fa(): the Target matrix is ${target.length} × ${target[0]?.length ?? 0}; it must be ${A.length} items × ${k} factors.`, {
      hint: "One row per item, one column per factor.",
      code: "options.bad-value",
    });
  if (target && rotation !== "targetQ" && rotation !== "targetT")
    throw new PathlabError(`fa(): a Target matrix is used by rotate "targetQ" or "targetT", not "${rotation}".`, {
      hint: 'Add rotate: "targetQ" (oblique) or "targetT" (orthogonal), or remove Target.',
      code: "options.not-applicable",
    });
  if (n === 1 || k < 2 || rotation === "none") {
    const res = rotate(A, rotation, { normalize: o.normalize, target });
    return { res, ...signed(res), info: { iterations: res.iterations, converged: res.converged } };
  }
  if (!GPA_ROTATIONS.includes(rotation) && rotation !== "varimax")
    throw new PathlabError(
      `fa(): nRotations applies to the iterative rotations; ${rotation} is computed in closed form from varimax, so random starts cannot change it.`,
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
    const res = rotate(A, rotation, { T0, normalize: o.normalize, target });
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
  const rotation: Rotation = o.rotate ?? "oblimin";
  if (k >= p)
    throw new PathlabError(`${fn}(): ${k} factor${k > 1 ? "s" : ""} from ${p} variables: a factor model needs more variables than factors.`, {
      hint: `Ask for at most ${Math.max(1, p - 1)} factor(s); faParallel() suggests how many.`,
      code: "efa.too-many-factors",
    });
  const warnings: PathlabWarning[] = [];
  let fm: FactorMethod = o.fm ?? "minres";
  if (fm === "minchi" && src.np === null) {
    // psych: "factor method minchi does not make sense unless we know the sample size, minres used instead"
    warnings.push({
      code: "efa.minchi-without-counts",
      message: 'fm "minchi" weights residuals by pairwise counts, which a correlation matrix does not have: minres was used instead, as psych does.',
    });
    fm = "minres";
  }
  const ex = extractFactors(src.R, k, fm, src.names, { minErr: o.minErr, maxIter: o.maxIter, smc: o.smc, starts: o.nStarts, np: src.np });
  const rot = rotateWithStarts(ex.loadings, rotation, o);
  let L = rot.L;
  let Phi = k > 1 && OBLIQUE.includes(rotation) ? rot.Phi : undefined;
  let names = Array.from({ length: k }, (_, j) => `${FACTOR_PREFIX[fm]}${j + 1}`);
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
  const vaccounted = varianceAccounted(L, Phi, communality, uniquenesses);
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
  res.starts = ex.starts;
  res.criterion = ex.objective;
  res.notes.push(...psychStopNotes(fm, ex));
  attachScores(res, src, o, warnings);
  collectWarnings(res, src, ex, fm, warnings);
  res.warnings.push(...warnings);
  return res;
}

/**
 * Why an optimised solution can differ from psych's printed one. psych runs optim(L-BFGS-B) once
 * (factr 1e7, parscale 0.01) and stops when a step lowers its criterion by less than ≈ 2e-9
 * relatively; the gradient it passes is that of uls for minres and that of ML for wls/gls/minchi, so
 * it stops short of the minimum of its own criterion (test/goldens/psych-fa3.R: R's nlminb started
 * at psych's ψ moves to the minimum reported here).
 */
function psychStopNotes(fm: FactorMethod, ex: Extraction): string[] {
  if (fm === "pa" || fm === "alpha") return [];
  const notes: string[] = [];
  if (fm === "minres" && ex.psi.some((v) => v <= 0.005 + 1e-9))
    notes.push(
      "A uniqueness is at psych's bound 0.005. psych's optim pairs the minres criterion with the uls criterion's gradient, so it heads for the uls solution, where that gradient vanishes; that point (psych's printed solution up to its stopping precision) is reported. The off-diagonal criterion's own minimum lies elsewhere when a bound is active (its loadings can differ in the third decimal).",
    );
  else if (fm === "wls" || fm === "gls" || fm === "minchi")
    notes.push(
      `psych's optim for ${fm} starts from ψ = smc and follows the ML criterion's gradient, so it usually stops short of the ${fm} minimum; the minimum (criterion ${ex.objective.toPrecision(6)}) is reported here.`,
    );
  else
    notes.push(
      `The minimum of the ${fm} criterion (${ex.objective.toPrecision(6)}, psych's formula) is reported. psych's single optim run stops once a step gains less than ≈ 2e-9 relatively${fm === "minres" ? " and follows the uls gradient" : ""}, so psych's printed solution can sit slightly above it (loadings typically within 1e-3).`,
    );
  const st = ex.starts;
  if (st && st.best === 0 && st.optima.length > 1)
    notes.push(
      `The ${fm} criterion has ${st.optima.length} local minima here (${st.optima.map((v) => v.toPrecision(6)).join(", ")}); the lowest is reported and psych's start reaches it with this optimiser, but psych's L-BFGS-B run from the same start can stop at another one.`,
    );
  return notes;
}

/** Median of the non-missing values (psych's imputation for missing = TRUE). */
function medianOf(c: Float64Array): number {
  const v = Array.from(c)
    .filter((x) => x === x)
    .sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/**
 * psych's factor.scores step of fa: regression weights into fit.weights, the chosen method's
 * weights, R² and (raw data) scores. The item correlations are those psych's factor.scores computes
 * itself: pairwise correlations of the raw items (of the median-imputed items with missing = TRUE).
 */
function attachScores(res: FaResult, src: CorrelationSource, o: FaOptions, warnings: PathlabWarning[]): void {
  const method = o.scores ?? "regression";
  let R = src.R;
  let cols = src.columns?.columns;
  if (cols && o.missing === true) {
    cols = cols.map((c) => {
      const med = medianOf(c);
      return Float64Array.from(c, (v) => (v === v ? v : med));
    });
    R = correlationUse({ ...src.columns!, columns: cols, nComplete: src.columns!.nRows, anyMissing: false }, "pairwise").r;
  } else if (src.columns && src.use === "complete" && src.columns.anyMissing) R = correlationUse(src.columns, "pairwise").r;
  const reg = scoreWeights(R, res.loadings, res.Phi, "regression", o.obliqueScores);
  res.fit.weights = reg.weights;
  if (method === "none") return;
  const sw = method === "regression" ? reg : scoreWeights(R, res.loadings, res.Phi, method, o.obliqueScores);
  res.scoreWeights = sw;
  if (sw.fellBack)
    warnings.push({
      code: "efa.singular-weights",
      message:
        "The item correlation matrix is singular, so regression factor-score weights do not exist; as psych, the loadings are used as weights (the scores are then weighted sums, not regression estimates).",
    });
  if (cols) {
    const sc = factorScores(cols, sw.weights);
    res.scores = Object.fromEntries(res.factorNames.map((f, j) => [f, sc[j]]));
  }
}

function collectWarnings(res: FaResult, src: CorrelationSource, ex: { converged: boolean; psi: number[] }, fm: FactorMethod, w: PathlabWarning[]): void {
  const names = res.names;
  if (!ex.converged)
    w.push({
      code: "efa.not-converged",
      message:
        fm === "pa" || fm === "alpha"
          ? `${fm === "pa" ? "Principal axes" : "Alpha factoring"}: maximum iteration exceeded (the communalities were still changing by more than minErr).`
          : `The ${fm} estimation did not converge (the criterion's gradient is not zero at the reported point); the loadings are not trustworthy.`,
    });
  const st = res.starts;
  if (st && st.best !== 0)
    w.push({
      code: "efa.local-optimum",
      message: `From psych's start (ψ = 1 − smc) the ${fm} criterion stops at a local minimum (${st.fromPsychStart.toPrecision(6)}); a lower one (${st.optima[0].toPrecision(6)}) was found from another of ${st.tried} starts and is reported. psych::fa, which tries only its own start, reports the other solution.`,
    });
  if (!res.rotationInfo.converged)
    w.push({ code: "efa.rotation-not-converged", message: `The ${res.rotation} rotation did not converge in 1000 iterations (as GPArotation warns).` });
  const ultra = names.filter((_, i) => res.communality[i] > 1 + 1e-8);
  if (ultra.length)
    w.push({
      code: "efa.heywood",
      message: `An ultra-Heywood case was detected (communality > 1 for ${ultra.join(", ")}), as psych warns; examine the results carefully.`,
    });
  if (fm !== "pa" && fm !== "alpha") {
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
  if (Math.max(...res.fit.scoreR2.filter((v) => v === v)) > 1 + Number.EPSILON)
    w.push({
      code: "efa.score-weights",
      message:
        "The multiple R² of the regression scores with the factors exceeds 1, so the factor-score weights are probably incorrect (psych warns likewise); try another score method, or fewer factors.",
    });
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
  const src = resolveCorrelation("fa", input, items, { use: o.use, missing: Array.isArray(o.missing) ? o.missing : undefined, nObs: o.nObs });
  if (o.nObs !== undefined && src.fromData)
    throw new PathlabError("fa(): nObs is for a correlation matrix; with raw data the number of rows is used.", {
      hint: "Remove nObs.",
      code: "options.not-applicable",
    });
  return fitFactors(src, o);
}
