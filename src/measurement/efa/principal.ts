/**
 * Principal components with rotation, as psych::principal (psych 2.2.9, Revelle):
 *
 *   R = V diag(λ) Vᵀ (λ < ε set to ε),  Λ = V_k diag(√λ_k),  h² = rowSums(Λ²),  u² = 1 − h²
 *
 * then psych's steps in psych's order: columns signed so each sums positive; rotation (default
 * "varimax"; "promax" is stats::promax, i.e. psych's unnormalised "Promax"; components renamed RC
 * for the rotations psych treats as orthogonal-style, TC for the GPArotation oblique ones); columns
 * ordered by diag(ΛᵀΛ) (without Φ, unlike fa); signs flipped again. Variance accounted for uses
 * diag(ΦΛᵀΛ). Fit statistics are psych's fa.stats without pairwise counts (n.obs weighting),
 * as principal calls them. With raw data the component-score weights are W = R⁻¹ΛΦ (ΛΦ the
 * structure, psych's oblique.scores = TRUE default; Λ with oblique.scores = false), the loadings
 * themselves if R is singular (psych's fallback), and the scores scale(x) W.
 *
 * @example
 * const pc = principal(bfi, items, { nfactors: 5, rotate: "varimax" });
 * pc.loadingsTable({ cut: 0.3 });
 */
import { PathlabError, type PathlabWarning } from "../../errors";
import { checkOptions, type OptionSpecs } from "../../options";
import { resolveCorrelation, type FactorInput } from "./input";
import { mul, symEigen, tmul, type Mat } from "../../math";
import { OBLIQUE, ROTATIONS, promaxRaw, rotate, type Rotation, type RotationResult } from "./rotate";
import { faStats } from "./stats";
import { FaResult, splitArgs, varianceAccounted } from "./fa";
import { factorScores, inverseIfRegular } from "./scores";

export interface PrincipalOptions {
  /** Number of components (default 1). */
  nfactors?: number;
  /** Rotation (default "varimax", as psych). */
  rotate?: Rotation;
  /** Target matrix of rotate "targetQ"/"targetT". */
  Target?: (number | null)[][];
  nObs?: number;
  use?: "pairwise" | "complete";
  /** Missing codes, or psych's logical missing: true imputes medians (means with impute "mean") for the scores. */
  missing?: number[] | boolean;
  impute?: "median" | "mean";
  /** Compute component scores from raw data (default true, as psych). */
  scores?: boolean;
  /** Weights from the structure ΛΦ (default true, psych's oblique.scores) or the pattern (false). */
  obliqueScores?: boolean;
  residuals?: boolean;
  covar?: boolean;
  cor?: string;
  method?: string;
  correct?: number;
}

/** psych names components RC after these rotations, TC after the others. */
const RC_ROTATIONS: readonly Rotation[] = [
  "varimax",
  "Varimax",
  "quartimax",
  "bentlerT",
  "geominT",
  "targetT",
  "bifactor",
  "equamax",
  "Promax",
  "promax",
  "cluster",
  "biquartimin",
];

const SPECS: OptionSpecs = {
  nfactors: { kind: "number", min: 1, integer: true, aliases: ["nFactors", "factors"] },
  rotate: { kind: "enum", values: ROTATIONS, valueAliases: { TargetQ: "targetQ", TargetT: "targetT" }, aliases: ["rotation"] },
  Target: { kind: "custom", check: (v) => (Array.isArray(v) ? undefined : "must be a matrix (array of rows)") },
  nObs: { kind: "number", min: 2, integer: true, aliases: ["n.obs"] },
  use: { kind: "enum", values: ["pairwise", "complete"], valueAliases: { "pairwise.complete.obs": "pairwise", "complete.obs": "complete" } },
  missing: {
    kind: "custom",
    check: (v) =>
      typeof v === "boolean" || (Array.isArray(v) && v.every((x) => typeof x === "number"))
        ? undefined
        : "must be an array of missing-value codes or true/false",
  },
  impute: { kind: "enum", values: ["median", "mean"] },
  scores: { kind: "boolean" },
  obliqueScores: { kind: "boolean", aliases: ["oblique.scores"] },
  residuals: { kind: "boolean" },
  covar: {
    kind: "fixed",
    value: false,
    otherwise: "components of a covariance matrix are not implemented; it is converted to correlations, as with covar = FALSE.",
  },
  cor: { kind: "fixed", value: ["cor", "pearson"], otherwise: "only Pearson correlations are implemented." },
  method: { kind: "fixed", value: "regression", otherwise: "psych's principal computes regression component scores whatever method says." },
  correct: { kind: "fixed", value: 0.5, otherwise: "the continuity correction applies to tetrachoric correlations, which are not implemented." },
  weight: { kind: "custom", unsupported: "weighted correlations are not implemented." },
};

function signByColumnSums(L: Mat, Phi?: Mat): { L: Mat; Phi?: Mat } {
  const k = L[0].length;
  const sg = Array.from({ length: k }, (_, j) => (L.reduce((a, r) => a + r[j], 0) < 0 ? -1 : 1));
  return { L: L.map((r) => r.map((v, j) => v * sg[j])), Phi: Phi?.map((r, i) => r.map((v, j) => v * sg[i] * sg[j])) };
}

function principalRotation(A: Mat, rotation: Rotation, target?: Mat): RotationResult {
  // psych's principal calls stats::promax (no Kaiser normalisation around it)
  if (rotation === "promax") {
    const r = promaxRaw(A);
    const d = r.Phi!.map((row, i) => Math.sqrt(row[i]));
    return { ...r, Phi: r.Phi!.map((row, i) => row.map((v, j) => v / (d[i] * d[j]))) };
  }
  return rotate(A, rotation, { target });
}

/**
 * Principal components with rotation (psych::principal); see the module comment.
 *
 * @example
 * principal(bfi, { nfactors: 5, rotate: "varimax" })   // psych::principal(bfi, 5)
 */
export function principal(input: FactorInput, options?: PrincipalOptions): FaResult;
export function principal(input: FactorInput, items: string[], options?: PrincipalOptions): FaResult;
export function principal(input: FactorInput, itemsOrOptions?: string[] | PrincipalOptions, options?: PrincipalOptions): FaResult {
  const { items, options: raw } = splitArgs(itemsOrOptions, options);
  const o = checkOptions<PrincipalOptions>("principal", raw, SPECS);
  const src = resolveCorrelation("principal", input, items, { use: o.use, missing: Array.isArray(o.missing) ? o.missing : undefined, nObs: o.nObs });
  if (o.nObs !== undefined && src.fromData)
    throw new PathlabError("principal(): nObs is for a correlation matrix; with raw data the number of rows is used.", {
      hint: "Remove nObs.",
      code: "options.not-applicable",
    });
  const R = src.R;
  const p = R.length;
  const k = o.nfactors ?? 1;
  if (k > p) throw new PathlabError(`principal(): ${k} components from ${p} variables.`, { hint: `Ask for at most ${p}.`, code: "efa.too-many-factors" });
  const rotation: Rotation = k > 1 ? (o.rotate ?? "varimax") : "none";
  const e = symEigen(R);
  const values = e.values.slice();
  let L: Mat = R.map((_, i) => Array.from({ length: k }, (__, j) => e.vectors[i][j] * Math.sqrt(Math.max(e.values[j], Number.EPSILON))));
  const communality = L.map((r) => r.reduce((a, v) => a + v * v, 0));
  const uniquenesses = R.map((r, i) => r[i] - communality[i]);
  L = signByColumnSums(L).L;
  const target = o.Target?.map((r) => r.map((v) => (v === null ? NaN : v)));
  const rot = rotation === "none" ? { loadings: L, T: [], iterations: 0, converged: true } : principalRotation(L, rotation, target);
  L = rot.loadings;
  let Phi = OBLIQUE.includes(rotation) ? rot.Phi : undefined;
  const prefix = rotation === "none" ? "PC" : RC_ROTATIONS.includes(rotation) ? "RC" : "TC";
  let names = Array.from({ length: k }, (_, j) => `${prefix}${j + 1}`);
  if (k > 1) {
    const ev = tmul(L, L).map((r, j) => r[j]);
    const order = ev.map((_, j) => j).sort((a, b) => ev[b] - ev[a] || a - b);
    L = L.map((r) => order.map((j) => r[j]));
    if (Phi) Phi = order.map((a) => order.map((b) => Phi![a][b]));
    names = order.map((j) => names[j]);
  }
  ({ L, Phi } = signByColumnSums(L, Phi));
  const vaccounted = varianceAccounted(L, Phi, communality, uniquenesses);
  const fit = faStats(R, L, Phi, src.nObs, null);
  const structure = Phi ? mul(L, Phi) : L.map((r) => r.slice());
  const warnings: PathlabWarning[] = [];
  const res = new FaResult(
    [...src.names],
    names,
    "pc",
    rotation,
    L,
    structure,
    Phi,
    communality,
    uniquenesses,
    values,
    values,
    vaccounted,
    fit,
    src.nObs,
    { fromData: src.fromData, use: src.use, nComplete: src.columns?.nComplete },
    0,
    true,
    { iterations: rot.iterations, converged: rot.converged },
    names.map((_, j) => L.filter((r) => Math.abs(r[j]) < 0.15).length),
    R,
  );
  if (!rot.converged)
    warnings.push({ code: "efa.rotation-not-converged", message: `The ${rotation} rotation did not converge in 1000 iterations (as GPArotation warns).` });
  if (src.columns && o.scores !== false) {
    let cols = src.columns.columns;
    if (o.missing === true) {
      cols = cols.map((c) => {
        const v = Array.from(c)
          .filter((x) => x === x)
          .sort((a, b) => a - b);
        const m = v.length >> 1;
        const fill = o.impute === "mean" ? v.reduce((a, b) => a + b, 0) / v.length : v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
        return Float64Array.from(c, (x) => (x === x ? x : fill));
      });
    }
    const S = o.obliqueScores === false || !Phi ? L : structure;
    const Ri = inverseIfRegular(R);
    const W = Ri ? mul(Ri, S) : S.map((r) => r.slice());
    if (!Ri)
      warnings.push({
        code: "efa.singular-weights",
        message: "The correlation matrix is singular; as psych, the component scores use the structure loadings as weights.",
      });
    res.fit.weights = W;
    const sc = factorScores(cols, W);
    res.scores = Object.fromEntries(names.map((f, j) => [f, sc[j]]));
  }
  res.warnings.push(...warnings);
  return res;
}
