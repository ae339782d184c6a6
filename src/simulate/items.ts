/**
 * Item-level simulation from a paper's standardised loadings and the correlations of its scale
 * scores, such that the item composites reproduce the published correlations, means and SDs exactly
 * (before any rounding to a Likert scale).
 */
import { PathlabError } from "../errors";
import type { TableSpec } from "../display/table";
import { rng as toRng, type Rng } from "./rng";
import { drawMvnorm } from "./mvrnorm";
import { choleskyOrNull as choleskyLower, symEigen as eigenSym } from "../math";
import { sampleMoments, type SampleMoments } from "./moments";
import { SimulatedData, maxAbsOffDiagonal, momentsTable } from "./simulated-data";
import { ANY, SEED_OR_RNG, checkCorrelation, checkEach, checkN, requirePositiveDefinite, seedOf, squareMatrix, type MatrixInput } from "./validate";
import { checkOptions, type OptionSpecs } from "../options";

const ITEMS_OPTIONS: OptionSpecs = {
  n: ANY,
  constructs: ANY,
  cor: ANY,
  seed: SEED_OR_RNG,
  likert: ANY,
  itemMeans: ANY,
  itemSds: ANY,
  corOf: { kind: "enum", values: ["composites", "factors"] },
  method: { kind: "enum", values: ["auto", "factor", "conditional"] },
};

const CONSTRUCT_OPTIONS: OptionSpecs = { name: ANY, items: ANY, loadings: ANY, mean: ANY, sd: ANY, likert: ANY };
import { unknownVariable } from "../data/table-input";

/** One construct (scale) of the measurement model. */
export interface ItemConstruct {
  /** Construct name; also the name of its composite column. */
  name: string;
  /** Item names, in the order of `loadings`. */
  items: string[];
  /** Standardised loadings, each in (−1, 1) (a single-item construct may have loading 1). */
  loadings: number[];
  /** Target mean of the composite (the item mean score). */
  mean?: number;
  /** Target SD of the composite. */
  sd?: number;
  /** Overrides the global `likert` for this construct's items; `null` keeps them continuous (e.g. log firm size). */
  likert?: { min: number; max: number } | null;
}

/** Options of `simulateItems`: the sample size, constructs with their items and loadings, the construct correlations, the Likert range and the seed. */
export interface SimulateItemsOptions {
  n: number;
  constructs: ItemConstruct[];
  /**
   * Correlations among the constructs, in the order of `constructs` (full matrix or lower
   * triangle). By default these are the correlations of the composites (a paper's table of scale
   * scores); with `corOf: "factors"` they are latent (CFA) correlations.
   */
  cor: MatrixInput;
  seed: number | Rng;
  /** Round items to the integers min…max (e.g. { min: 1, max: 7 }); the drift this causes is reported. */
  likert?: { min: number; max: number };
  /** Item means by item name (default: the construct's mean; with `likert` and no mean, the scale midpoint). */
  itemMeans?: { [item: string]: number };
  /** Item SDs by item name (default 1); rescaled by one factor per construct when the construct has `sd`. */
  itemSds?: { [item: string]: number };
  /** What `cor` holds: correlations of the composites (default) or of the latent factors. */
  corOf?: "composites" | "factors";
  /**
   * How items of different constructs covary. "factor": λ_i λ_j φ_kl (a congeneric CFA model);
   * "conditional": through the composites only. "auto" (default): factor when the disattenuated
   * correlations form a valid correlation matrix, otherwise conditional, with a warning.
   */
  method?: "auto" | "factor" | "conditional";
}

/** Largest absolute discrepancies of the composites after rounding to the Likert scale. */
export interface LikertDrift {
  cor: number;
  mean: number;
  sd: number;
}

/** Simulated item-level data (items of each construct from its loadings) with the targets beside what was achieved. */
export class ItemSimulation extends SimulatedData {
  constructor(
    names: string[],
    columns: Float64Array[],
    seed: number | undefined,
    /** Item names, construct by construct. */
    readonly itemNames: string[],
    /** Construct (composite) names. */
    readonly constructNames: string[],
    /** Between-construct method actually used. */
    readonly method: "factor" | "conditional",
    /** Target composite means, SDs and correlations. */
    readonly target: { means: number[]; sds: number[]; cor: number[][] },
    /** Moments of the composites before rounding (exact). */
    readonly continuousMoments: SampleMoments,
    /** Moments of the composites of the returned (possibly rounded) items. */
    readonly finalMoments: SampleMoments,
    /** Factor correlations of the generating model (null for the conditional method). */
    readonly latentCor: number[][] | null,
    /** Reliability ω of each unit-weighted composite implied by the loadings and item SDs. */
    readonly reliability: number[],
    /** The item covariance matrix the items were drawn with (exactly their sample covariance before rounding). */
    readonly itemCov: number[][],
    /** Drift caused by rounding to the Likert scale (null without `likert`). */
    readonly drift: LikertDrift | null,
    readonly likert: { min: number; max: number } | null,
    /** Number of items per construct. */
    readonly blockSizes: number[],
  ) {
    super(names, columns, seed);
  }

  /** Item columns by name (rounded when `likert` was given). */
  get items(): { [item: string]: Float64Array } {
    const out: { [item: string]: Float64Array } = {};
    for (const nm of this.itemNames) out[nm] = this.data[nm];
    return out;
  }

  /** Composite (item-mean) columns by construct name. */
  get composites(): { [construct: string]: Float64Array } {
    const out: { [construct: string]: Float64Array } = {};
    for (const nm of this.constructNames) out[nm] = this.data[nm];
    return out;
  }

  title(): string {
    return "Simulated items (composites with exact moments)";
  }

  info(): string[] {
    const lines = [`${super.info()[0]}; ${this.itemNames.length} items in ${this.constructNames.length} constructs`];
    lines.push(
      this.method === "factor"
        ? "Between-construct item covariances λ_i λ_j φ (congeneric factor model, φ = disattenuated composite correlations)"
        : "Between-construct item covariances through the composites (conditional method)",
    );
    if (this.drift)
      lines.push(
        `Rounding to ${this.likert!.min}–${this.likert!.max} moved the composites by max |Δr| = ${this.drift.cor.toFixed(4)}, ` +
          `max |Δmean| = ${this.drift.mean.toFixed(4)}, max |ΔSD| = ${this.drift.sd.toFixed(4)}`,
      );
    return lines;
  }

  tables(): TableSpec[] {
    const t: TableSpec[] = [momentsTable("Composites before rounding: target vs achieved", this.constructNames, this.target, this.continuousMoments)];
    if (this.drift)
      t.push(
        momentsTable(
          `Composites after rounding to ${this.likert!.min}–${this.likert!.max}: target vs achieved`,
          this.constructNames,
          this.target,
          this.finalMoments,
          ["Rounding is not moment-preserving: these differences are the drift the simulated data carry."],
        ),
      );
    t.push({
      title: "Constructs",
      columns: [
        { key: "c", label: "Construct", format: "text" },
        { key: "k", label: "Items", format: "int" },
        { key: "omega", label: "ω (composite)", digits: 3 },
      ],
      rows: this.constructNames.map((c, i) => ({ c, k: this.blockSizes[i], omega: this.reliability[i] })),
    });
    return t;
  }
}

function checkConstructs(constructs: ItemConstruct[]): void {
  if (!Array.isArray(constructs) || constructs.length === 0)
    throw new PathlabError("constructs must be a non-empty array of { name, items, loadings }.", {
      hint: 'e.g. constructs: [{ name: "trust", items: ["t1", "t2", "t3"], loadings: [0.8, 0.7, 0.75] }].',
      code: "simulate.bad-input",
    });
  const seen = new Set<string>();
  const claim = (nm: unknown, what: string) => {
    if (typeof nm !== "string" || nm === "")
      throw new PathlabError(`${what} has an empty or non-string name.`, {
        hint: "Name every construct and item with a non-empty string.",
        code: "simulate.bad-name",
      });
    if (seen.has(nm))
      throw new PathlabError(`The name "${nm}" is used twice among constructs and items.`, {
        hint: "Constructs and items become columns of one table, so every name must be unique.",
        code: "simulate.duplicate-name",
      });
    seen.add(nm);
  };
  for (const c of constructs) {
    claim(c.name, "A construct");
    if (!Array.isArray(c.items) || c.items.length === 0)
      throw new PathlabError(`Construct "${c.name}" has no items.`, { hint: "Give its item names and one loading per item.", code: "simulate.bad-input" });
    if (!Array.isArray(c.loadings) || c.loadings.length !== c.items.length)
      throw new PathlabError(`Construct "${c.name}" has ${c.items.length} items but ${Array.isArray(c.loadings) ? c.loadings.length : 0} loadings.`, {
        hint: "Give one standardised loading per item, in the same order.",
        code: "simulate.dimension-mismatch",
      });
    c.items.forEach((it, i) => {
      claim(it, `Construct "${c.name}"`);
      const l = c.loadings[i];
      const single = c.items.length === 1;
      const ok = typeof l === "number" && Number.isFinite(l) && (single ? Math.abs(l) <= 1 : Math.abs(l) < 1);
      if (!ok)
        throw new PathlabError(`Loading of item "${it}" (construct "${c.name}") is ${String(l)}; standardised loadings must lie in (−1, 1).`, {
          hint: "Loadings of 1 or more are Heywood cases or unstandardised values; use the standardised solution (a single-item construct may use 1).",
          code: "simulate.bad-loading",
        });
    });
    if (c.sd !== undefined && !(typeof c.sd === "number" && c.sd > 0))
      throw new PathlabError(`Construct "${c.name}": sd is ${String(c.sd)}; it must be a positive number.`, {
        hint: "Give the composite's published SD, or omit sd.",
        code: "simulate.bad-input",
      });
    if (c.mean !== undefined && !(typeof c.mean === "number" && Number.isFinite(c.mean)))
      throw new PathlabError(`Construct "${c.name}": mean is ${String(c.mean)}; it must be a finite number.`, {
        hint: "Give the composite's published mean, or omit mean.",
        code: "simulate.bad-input",
      });
  }
}

/**
 * Simulates item responses from standardised loadings and construct correlations so that the
 * composites (item means per construct) have exactly the target correlations, means and SDs.
 *
 * Model. Items of construct k follow a congeneric one-factor model: with item SDs D_k = diag(σ) and
 * standardised loadings λ_k, the within-block covariance is S_kk = D_k (λ_k λ_kᵀ + Θ_k) D_k,
 * Θ_k = diag(1 − λ²). The composite C_k = w_kᵀ x_k with w_k = 1/m_k has variance v_k = w_kᵀ S_kk w_k
 * and covaries with the factor by a_k = w_kᵀ D_k λ_k, so its reliability is ω_k = a_k² / v_k.
 *
 * Exactness. Let V = T R T be the target composite covariance (T = target SDs). Between blocks:
 *  - factor method: S_kl = φ_kl (D_k λ_k)(D_l λ_l)ᵀ with φ_kl = V_kl / (a_k a_l) = r_kl / √(ω_k ω_l)
 *    (the disattenuated correlation). Then Cov(C_k, C_l) = w_kᵀ S_kl w_l = a_k a_l φ_kl = V_kl.
 *    The item matrix is ΛΦΛᵀ + Θ, positive definite whenever Φ is.
 *  - conditional method (when Φ would not be a correlation matrix, e.g. r_kl > √(ω_k ω_l)):
 *    S_kl = b_k V_kl b_lᵀ with b_k = S_kk w_k / v_k, the regression of the items on their composite.
 *    Again w_kᵀ S_kl w_l = V_kl (since w_kᵀ b_k = 1), and the full matrix is B V Bᵀ + blockdiag(S_kk −
 *    b_k v_k b_kᵀ), positive definite whenever V is.
 * Items are then drawn with sample covariance exactly S and sample means exactly μ (the exact-moment
 * draw of `mvrnorm`), and since each composite is a fixed linear combination of the items, its sample
 * moments are w'Sw and w'μ — the targets, to rounding (≈1e-14).
 *
 * Scales. Item SDs default to 1 (or `itemSds`), multiplied by one factor per construct so the composite
 * SD equals the construct's `sd` when given; item means default to the construct's `mean` (or the
 * Likert midpoint, or 0), and a construct's items are shifted together so their average equals its
 * `mean` when given.
 *
 * With `corOf: "factors"`, Φ = `cor` directly and the composites' targets are the correlations the
 * model implies, r_kl = φ_kl √(ω_k ω_l).
 *
 * Rounding to a Likert scale (`likert`) happens after the exact draw and is reported as drift; it
 * cannot be exact.
 *
 * @throws PathlabError for loadings outside (−1, 1), items and loadings of different lengths, a
 *   correlation matrix that does not match the constructs or is not positive definite (giving the
 *   smallest eigenvalue), unknown items in itemMeans/itemSds, and n ≤ the number of items.
 *
 * @example
 * simulateItems({
 *   n: 250,
 *   constructs: [
 *     { name: "trust", items: ["tr1", "tr2", "tr3"], loadings: [0.8, 0.75, 0.7] },
 *     { name: "perf", items: ["pe1", "pe2", "pe3"], loadings: [0.7, 0.8, 0.75] },
 *   ],
 *   cor: [[1, 0.4], [0.4, 1]],
 *   likert: { min: 1, max: 7 },
 *   seed: 1,
 * })
 */
export function simulateItems(options: SimulateItemsOptions): ItemSimulation {
  options = checkOptions<SimulateItemsOptions>("simulateItems", options, ITEMS_OPTIONS);
  const input = checkItemsInput(options);
  const { constructs, cnames, itemNames } = input;
  const blocks = constructs.map((c) => constructBlock(c, options, input.scaleOf(c)));
  const composite = compositeTargets(input.R, input.corOf, options.method, blocks, cnames);
  const { S, mu, offsets } = itemCovariance(blocks, composite);
  const itemCols = drawMvnorm(options.n, mu, S, toRng(input.seed), true, "The implied item covariance matrix");
  const compositesOf = (cols: Float64Array[]) =>
    blocks.map((b, k) => {
      const c = new Float64Array(options.n);
      for (let i = 0; i < b.m; i++) {
        const x = cols[offsets[k] + i];
        for (let r = 0; r < options.n; r++) c[r] += x[r];
      }
      for (let r = 0; r < options.n; r++) c[r] /= b.m;
      return c;
    });
  const contComposites = compositesOf(itemCols);
  const continuousMoments = sampleMoments(contComposites);
  const sdT = blocks.map((b) => b.sd);
  const targetCor = composite.V.map((row, k) => row.map((x, l) => (k === l ? 1 : x / (sdT[k] * sdT[l]))));
  const target = { means: blocks.map((b) => b.mean), sds: sdT, cor: targetCor };
  const warnings = composite.warnings;
  let finalItems = itemCols;
  let finalComposites = contComposites;
  let finalMoments = continuousMoments;
  let drift: LikertDrift | null = null;
  if (input.anyLikert) {
    const itemScale = constructs.flatMap((c) => c.items.map(() => input.scaleOf(c)));
    finalItems = itemCols.map((c, j) => roundToScale(c, itemScale[j]));
    finalComposites = compositesOf(finalItems);
    finalMoments = sampleMoments(finalComposites);
    drift = {
      cor: maxAbsOffDiagonal(finalMoments.cor, targetCor),
      mean: Math.max(...finalMoments.means.map((m, k) => Math.abs(m - target.means[k]))),
      sd: Math.max(...finalMoments.sds.map((s, k) => Math.abs(s - target.sds[k]))),
    };
    const constant = itemNames.filter((_, j) => finalItems[j].every((x) => x === finalItems[j][0]));
    if (constant.length)
      warnings.push({
        code: "simulate.constant-item",
        message: `After rounding, ${constant.join(", ")} ${constant.length === 1 ? "is" : "are"} constant; check the means and SDs against the scale range.`,
      });
  }

  const res = new ItemSimulation(
    [...itemNames, ...cnames],
    [...finalItems, ...finalComposites],
    typeof input.seed === "number" ? input.seed : undefined,
    itemNames,
    cnames,
    composite.method,
    target,
    continuousMoments,
    finalMoments,
    composite.Phi,
    blocks.map((b) => (b.a * b.a) / b.v),
    S,
    drift,
    input.anyLikert ? (input.likert ?? constructs.map(input.scaleOf).find((l) => l !== null)!) : null,
    blocks.map((b) => b.m),
  );
  res.warnings.push(...warnings);
  return res;
}

type LikertRange = { min: number; max: number } | null;

/** The validated inputs of simulateItems: seed, constructs, composite correlations, Likert ranges. */
function checkItemsInput(options: SimulateItemsOptions) {
  const seed = seedOf("simulateItems", options.seed);
  const constructs = options.constructs;
  checkEach("simulateItems", (i) => `construct ${i + 1}`, constructs, CONSTRUCT_OPTIONS);
  checkConstructs(constructs);
  const K = constructs.length;
  const R = squareMatrix(options.cor, "cor");
  const cnames = constructs.map((c) => c.name);
  if (R.length !== K)
    throw new PathlabError(`cor is ${R.length} × ${R.length} but there are ${K} constructs (${cnames.join(", ")}).`, {
      hint: "Give one row and column per construct, in the order of `constructs`.",
      code: "simulate.dimension-mismatch",
    });
  checkCorrelation(R, "cor", cnames);
  const corOf = options.corOf ?? "composites";
  requirePositiveDefinite(R, corOf === "factors" ? "cor (factor correlations)" : "cor", true);
  const itemNames = constructs.flatMap((c) => c.items);
  checkItemMoments(options, itemNames);
  const likert = options.likert ?? null;
  checkLikert(likert, "likert");
  for (const c of constructs) if (c.likert !== undefined) checkLikert(c.likert, `likert of construct "${c.name}"`);
  const scaleOf = (c: ItemConstruct): LikertRange => (c.likert === undefined ? likert : c.likert);
  const anyLikert = constructs.some((c) => scaleOf(c) !== null);
  checkN(options.n, itemNames.length, `exact moments for ${itemNames.length} items (a non-singular item covariance)`);
  return { seed, constructs, R, cnames, corOf, itemNames, likert, scaleOf, anyLikert };
}

/** itemMeans and itemSds name known items and give finite numbers (positive SDs). */
function checkItemMoments(options: SimulateItemsOptions, itemNames: string[]): void {
  for (const [what, rec] of [
    ["itemMeans", options.itemMeans],
    ["itemSds", options.itemSds],
  ] as const)
    for (const key of Object.keys(rec ?? {})) {
      if (!itemNames.includes(key)) {
        const e = unknownVariable(key, itemNames);
        throw new PathlabError(`${what}: unknown item "${key}".`, { hint: e.hint, code: "simulate.unknown-variable" });
      }
      const v = rec![key];
      if (!(typeof v === "number" && Number.isFinite(v)) || (what === "itemSds" && !(v > 0)))
        throw new PathlabError(`${what}["${key}"] is ${String(v)}; it must be a ${what === "itemSds" ? "positive" : "finite"} number.`, {
          hint: "Give one number per item name, or leave the item out for the default.",
          code: "simulate.bad-input",
        });
    }
}

function checkLikert(l: LikertRange, what: string): void {
  if (l && !(Number.isInteger(l.min) && Number.isInteger(l.max) && l.min < l.max))
    throw new PathlabError(`${what} must have integer min < max, got { min: ${l.min}, max: ${l.max} }.`, {
      hint: "For a 1–7 Likert scale: { min: 1, max: 7 }.",
      code: "simulate.bad-input",
    });
}

/**
 * One construct's item block: SDs σ (scaled to the construct's SD when given), means μ (shifted to
 * its mean), the one-factor item covariance S_ij = λ_iλ_j σ_iσ_j (i ≠ j), the composite variance v,
 * the mean loading a = Σλσ/m and the item–composite covariances S·1/m.
 */
function constructBlock(c: ItemConstruct, options: SimulateItemsOptions, scale: LikertRange) {
  const m = c.items.length;
  const lam = c.loadings;
  let sig = c.items.map((it) => options.itemSds?.[it] ?? 1);
  const corrBlock = lam.map((li, i) => lam.map((lj, j) => (i === j ? 1 : li * lj)));
  const varOf = (s: number[]) => {
    let v = 0;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) v += s[i] * s[j] * corrBlock[i][j];
    return v / (m * m);
  };
  if (c.sd !== undefined) {
    const f = c.sd / Math.sqrt(varOf(sig));
    sig = sig.map((s) => s * f);
  }
  const v = varOf(sig);
  const fallbackMean = c.mean ?? (scale ? (scale.min + scale.max) / 2 : 0);
  let mu = c.items.map((it) => options.itemMeans?.[it] ?? fallbackMean);
  if (c.mean !== undefined) {
    const shift = c.mean - mu.reduce((a, b) => a + b, 0) / m;
    mu = mu.map((x) => x + shift);
  }
  const S = corrBlock.map((row, i) => row.map((r, j) => r * sig[i] * sig[j]));
  const a = lam.reduce((acc, l, i) => acc + l * sig[i], 0) / m;
  const Sw = S.map((row) => row.reduce((acc, x) => acc + x, 0) / m);
  return { m, lam, sig, mu, S, v, a, Sw, mean: mu.reduce((x, y) => x + y, 0) / m, sd: Math.sqrt(v) };
}

type ConstructBlock = ReturnType<typeof constructBlock>;

/**
 * The target composite covariance V and how items are generated: by the factor method when the
 * correlations, disattenuated by each composite's reliability, form a valid factor correlation
 * matrix Φ; otherwise by the conditional method (with a warning saying why).
 */
function compositeTargets(
  R: number[][],
  corOf: "composites" | "factors",
  want: SimulateItemsOptions["method"],
  blocks: ConstructBlock[],
  cnames: string[],
): { Phi: number[][] | null; V: number[][]; method: "factor" | "conditional"; warnings: { code: string; message: string }[] } {
  const warnings: { code: string; message: string }[] = [];
  if (corOf === "factors") {
    if (want === "conditional")
      throw new PathlabError('method "conditional" needs composite correlations; with corOf: "factors" the factor method is used.', {
        hint: 'Remove method, or give composite correlations (corOf: "composites").',
        code: "options.bad-value",
      });
    return { Phi: R, V: R.map((row, k) => row.map((phi, l) => (k === l ? blocks[k].v : phi * blocks[k].a * blocks[l].a))), method: "factor", warnings };
  }
  const sdT = blocks.map((b) => b.sd);
  const V = R.map((row, k) => row.map((r, l) => r * sdT[k] * sdT[l]));
  let Phi: number[][] | null = null;
  if ((want ?? "auto") !== "conditional") {
    const found = disattenuated(V, blocks, cnames);
    Phi = found.Phi;
    if (!Phi && want === "factor")
      throw new PathlabError(`The factor method cannot reproduce these correlations: ${found.reason}.`, {
        hint: 'Use method: "conditional" (or "auto"), which needs only a positive-definite composite correlation matrix.',
        code: "simulate.not-positive-definite",
      });
    if (!Phi)
      warnings.push({
        code: "simulate.conditional-method",
        message: `Items were generated by the conditional method because ${found.reason}; composites are still exact, but between-construct item correlations are not λ_i λ_j φ.`,
      });
  }
  return { Phi, V, method: Phi ? "factor" : "conditional", warnings };
}

/** Φ = V_kl/(a_k a_l) when that is a valid correlation matrix, else null with the reason. */
function disattenuated(V: number[][], blocks: ConstructBlock[], cnames: string[]): { Phi: number[][] | null; reason: string } {
  const tiny = blocks.findIndex((b) => Math.abs(b.a) <= 1e-12 * b.sd);
  if (tiny >= 0) return { Phi: null, reason: `the loadings of "${cnames[tiny]}" sum to zero, so its composite carries no factor variance` };
  const cand = V.map((row, k) => row.map((x, l) => (k === l ? 1 : x / (blocks[k].a * blocks[l].a))));
  if (choleskyLower(cand)) return { Phi: cand, reason: "" };
  const ev = eigenSym(cand).values;
  let worst = 0;
  cand.forEach((row, k) =>
    row.forEach((x, l) => {
      if (k !== l) worst = Math.max(worst, Math.abs(x));
    }),
  );
  return {
    Phi: null,
    reason:
      `the composite correlations disattenuated by the composites' reliabilities (φ = r/√(ω_k ω_l)) are not a valid ` +
      `correlation matrix (largest |φ| ${worst.toFixed(3)}, smallest eigenvalue ${String(Number(ev[ev.length - 1].toPrecision(4)))})`,
  };
}

/** The item covariance matrix and means: blocks on the diagonal, between-construct blocks by the method. */
function itemCovariance(
  blocks: ConstructBlock[],
  composite: { Phi: number[][] | null; V: number[][]; method: "factor" | "conditional" },
): { S: number[][]; mu: number[]; offsets: number[] } {
  const p = blocks.reduce((acc, b) => acc + b.m, 0);
  const K = blocks.length;
  const { Phi, V, method } = composite;
  const S: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const mu: number[] = [];
  const offsets: number[] = [];
  let off = 0;
  for (const b of blocks) {
    offsets.push(off);
    mu.push(...b.mu);
    off += b.m;
  }
  for (let k = 0; k < K; k++) {
    const bk = blocks[k];
    for (let l = 0; l < K; l++) {
      const bl = blocks[l];
      for (let i = 0; i < bk.m; i++)
        for (let j = 0; j < bl.m; j++) {
          let s: number;
          if (k === l) s = bk.S[i][j];
          else if (method === "factor") s = Phi![k][l] * bk.lam[i] * bk.sig[i] * bl.lam[j] * bl.sig[j];
          else s = ((bk.Sw[i] / bk.v) * V[k][l] * bl.Sw[j]) / bl.v;
          S[offsets[k] + i][offsets[l] + j] = s;
        }
    }
  }
  return { S, mu, offsets };
}

/** A column rounded to the integers of its Likert range (clipped to min … max), or itself when it has none. */
function roundToScale(c: Float64Array, l: LikertRange): Float64Array {
  if (!l) return c;
  const out = new Float64Array(c.length);
  for (let i = 0; i < c.length; i++) out[i] = Math.min(l.max, Math.max(l.min, Math.round(c[i])));
  return out;
}
