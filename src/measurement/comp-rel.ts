/**
 * Composite reliability and average variance extracted from a fitted CFA, as semTools 0.5-6
 * computes them (`compRelSEM`, `AVE`), beside the Fornell–Larcker formulas papers use.
 *
 * For factor f with unstandardised loadings λ_i (its indicators I_f), factor variance φ_ff (the
 * model-implied latent covariance, lavaan's cov.lv) and Σ the indicators' covariance matrix —
 * the sample covariance (N divisor, lavaan's "sampstat"; semTools' default obs.var = TRUE) or the
 * model-implied one (obsVar: false):
 *
 *   ω_f (compRelSEM)     = (Σ_i λ_i)² φ_ff / 1ᵀ Σ_{I_f} 1    (Bentler 2009; McDonald 1999)
 *   α_f (tauEq: true)    = k/(k − 1) (1 − tr Σ_{I_f} / 1ᵀΣ_{I_f}1)
 *   ω_total (returnTotal) = 1ᵀ Λ Φ Λᵀ 1 / 1ᵀ Σ 1 over all indicators of the (multi-indicator) factors
 *   AVE_f (semTools)     = Σ_i λ_i² φ_ff / Σ_i Σ_ii  (undefined when an indicator cross-loads)
 * and, from the standardised (std.all) loadings λ*_i as Fornell & Larcker (1981):
 *   CR_f  = (Σλ*)² / ((Σλ*)² + Σ(1 − λ*²)),    AVE_f = Σλ*² / k
 * The two AVEs differ: semTools divides by the observed variances, Fornell–Larcker averages the
 * model-implied R² of the indicators. Factors with one indicator are dropped (semTools' dropSingle).
 *
 * Only the fit's public methods are used (parameterEstimates, inspect), through the structural
 * `CfaFitLike` type, so measurement does not depend on the sem layer.
 */
import { PathlabError } from "../errors";
import { checkOptions, type OptionSpecs } from "../options";
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import { aveFromLoadings, compositeReliabilityFromLoadings, identity, inverse, mul, mult, type Mat } from "../math";

/** What compRelSEM reads from a fitted CFA/SEM (SemFit satisfies it). */
export interface CfaFitLike {
  readonly lv: string[];
  readonly ov: string[];
  readonly n: number;
  parameterEstimates(opts?: { standardized?: boolean }): { rows: { lhs: string; op: string; rhs: string; est: number; exo?: number; std_all?: number }[] };
  inspect(what: "implied" | "residuals"): unknown;
}

export interface CompRelOptions {
  /** Denominator from the observed (default, as semTools) or the model-implied covariances. */
  obsVar?: boolean;
  /** Coefficient α of each factor's indicators instead of ω (semTools' tau.eq). */
  tauEq?: boolean;
  /** Also ω of the total score over all indicators (semTools' return.total). */
  returnTotal?: boolean;
  /** Skip single-indicator factors (default true, as semTools). */
  dropSingle?: boolean;
}

const SPECS: OptionSpecs = {
  obsVar: { kind: "boolean", aliases: ["obs.var"] },
  tauEq: { kind: "boolean", aliases: ["tau.eq"] },
  returnTotal: { kind: "boolean", aliases: ["return.total"] },
  dropSingle: { kind: "boolean" },
  higher: { kind: "custom", unsupported: "reliability of higher-order factors is not implemented." },
  config: { kind: "custom", unsupported: "multilevel reliability is not implemented." },
  shared: { kind: "custom", unsupported: "multilevel reliability is not implemented." },
  ordScale: { kind: "boolean", aliases: ["ord.scale"], unsupported: "categorical indicators are not supported by cfa() yet." },
  omitFactors: { kind: "custom", aliases: ["omit.factors"], unsupported: "fit the model without the factor, or ignore its row." },
  omitIndicators: { kind: "custom", aliases: ["omit.indicators"], unsupported: "refit without the indicator." },
};

export interface FactorReliabilityRow {
  factor: string;
  items: string[];
  /** semTools compRelSEM ω (or α with tauEq). */
  omega: number;
  /** semTools AVE (NaN when an indicator cross-loads). */
  aveSemTools: number;
  /** Fornell–Larcker CR and AVE from the std.all loadings. */
  crFornellLarcker: number;
  aveFornellLarcker: number;
}

/** Composite reliability (ω) per factor of a fitted CFA, as semTools' compRelSEM, with Fornell–Larcker CR and AVE beside it. */
export class CompRelResult extends Result {
  constructor(
    readonly rows: FactorReliabilityRow[],
    readonly total: number | undefined,
    readonly settings: { obsVar: boolean; tauEq: boolean; n: number },
  ) {
    super();
  }

  /** ω (or α) per factor, as semTools returns it. */
  get omega(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.rows) out[r.factor] = r.omega;
    if (this.total !== undefined) out.total = this.total;
    return out;
  }

  title(): string {
    return this.settings.tauEq ? "Coefficient α per factor (semTools compRelSEM, tau.eq = TRUE)" : "Composite reliability (semTools compRelSEM) and AVE";
  }

  info(): string[] {
    return [
      `Denominator: ${this.settings.obsVar ? "observed (sample, N divisor) covariances — semTools' default obs.var = TRUE" : "model-implied covariances (obs.var = FALSE)"}; N = ${this.settings.n}.`,
    ];
  }

  tables(): TableSpec[] {
    const w = this.settings.tauEq ? "α (compRelSEM, tau.eq)" : "ω (compRelSEM)";
    const rows: Record<string, unknown>[] = this.rows.map((r) => ({
      factor: r.factor,
      k: r.items.length,
      omega: r.omega,
      aveS: r.aveSemTools,
      cr: r.crFornellLarcker,
      aveF: r.aveFornellLarcker,
    }));
    if (this.total !== undefined) rows.push({ factor: "total", k: this.rows.reduce((a, r) => a + r.items.length, 0), omega: this.total });
    return [
      {
        columns: [
          { key: "factor", label: "Factor", format: "text" },
          { key: "k", label: "Items", format: "int" },
          { key: "omega", label: w, digits: 3 },
          { key: "aveS", label: "AVE (semTools)", digits: 3 },
          { key: "cr", label: "CR (Fornell–Larcker)", digits: 3 },
          { key: "aveF", label: "AVE (Fornell–Larcker)", digits: 3 },
        ],
        rows,
        notes: [
          this.settings.tauEq
            ? "α = k/(k − 1)(1 − tr Σ/1ᵀΣ1) over the factor's indicators."
            : "ω = (Σλ)²φ / 1ᵀΣ1 with unstandardised loadings λ, factor variance φ and Σ the indicators' covariance matrix (semTools compRelSEM).",
          "AVE (semTools) = Σλ²φ / Σ diag(Σ) — explained over observed item variance; undefined when an item cross-loads.",
          "CR (Fornell–Larcker) = (Σλ*)²/((Σλ*)² + Σ(1 − λ*²)), AVE (Fornell–Larcker) = Σλ*²/k with standardised (std.all) loadings λ* — the formulas of fit.reliability().",
        ],
      },
    ];
  }
}

interface Extracted {
  factors: string[];
  ind: string[];
  /** Λ: ind × factors, unstandardised. */
  L: Mat;
  Lstd: Mat;
  Phi: Mat;
  S: Mat;
}

/** Λ, cov.lv and the covariance matrices from a fit's public methods. */
function extract(fit: CfaFitLike, obsVar: boolean): Extracted {
  if (!fit || typeof fit.parameterEstimates !== "function" || typeof fit.inspect !== "function")
    throw new PathlabError("compRelSEM() needs a fitted model from cfa() or sem().", {
      hint: "fit = cfa(model, data); compRelSEM(fit)",
      code: "measurement.bad-fit",
    });
  const rows = fit.parameterEstimates({ standardized: true }).rows;
  const lv = fit.lv;
  const loadings = rows.filter((r) => r.op === "=~" && lv.includes(r.lhs) && fit.ov.includes(r.rhs));
  if (!loadings.length) throw new PathlabError("compRelSEM(): the model has no factor measured by observed indicators.", { code: "measurement.no-factors" });
  const ind: string[] = [];
  for (const r of loadings) if (!ind.includes(r.rhs)) ind.push(r.rhs);
  const factors = lv.filter((f) => loadings.some((r) => r.lhs === f));
  const L = ind.map(() => factors.map(() => 0));
  const Lstd = ind.map(() => factors.map(() => 0));
  for (const r of loadings) {
    L[ind.indexOf(r.rhs)][factors.indexOf(r.lhs)] = r.est;
    Lstd[ind.indexOf(r.rhs)][factors.indexOf(r.lhs)] = r.std_all ?? NaN;
  }
  // implied latent covariance: variables = latents plus observed covariates that latents are regressed on
  const regs = rows.filter((r) => r.op === "~" && lv.includes(r.lhs));
  const vars = [...lv];
  for (const r of regs) if (!vars.includes(r.rhs)) vars.push(r.rhs);
  const m = vars.length;
  const B = identity(m).map((r) => r.map(() => 0));
  for (const r of regs) B[vars.indexOf(r.lhs)][vars.indexOf(r.rhs)] += r.est;
  const Psi = identity(m).map((r) => r.map(() => 0));
  for (const r of rows)
    if (r.op === "~~" && vars.includes(r.lhs) && vars.includes(r.rhs)) {
      const a = vars.indexOf(r.lhs);
      const b = vars.indexOf(r.rhs);
      Psi[a][b] = Psi[b][a] = r.est;
    }
  const IB = identity(m).map((r, i) => r.map((v, j) => v - B[i][j]));
  const A = inverse(IB);
  const full = mult(mul(A, Psi), A);
  const Phi = factors.map((f) => factors.map((g) => full[vars.indexOf(f)][vars.indexOf(g)]));
  const implied = fit.inspect("implied") as { names: string[]; cov: number[][] };
  const resid = fit.inspect("residuals") as { names: string[]; cov: number[][] };
  const pos = ind.map((v) => implied.names.indexOf(v));
  const S = pos.map((a) => pos.map((b) => implied.cov[a][b] + (obsVar ? resid.cov[a][b] : 0)));
  return { factors, ind, L, Lstd, Phi, S };
}

function sumSub(S: Mat, idx: number[]): number {
  let s = 0;
  for (const a of idx) for (const b of idx) s += S[a][b];
  return s;
}

/**
 * semTools' compRelSEM (ω per factor, or α with tauEq) and AVE, with the Fornell–Larcker CR and AVE
 * beside them, from a fitted CFA (see the module comment for every formula).
 *
 * @example
 * compRelSEM(cfa("agree =~ A1 + A2 + A3", bfi))   // semTools::compRelSEM
 */
export function compRelSEM(fit: CfaFitLike, opts: CompRelOptions = {}): CompRelResult {
  const o = checkOptions<CompRelOptions>("compRelSEM", opts, SPECS);
  const obsVar = o.obsVar ?? true;
  const tauEq = o.tauEq ?? false;
  const e = extract(fit, obsVar);
  const rows: FactorReliabilityRow[] = [];
  const used: number[] = [];
  e.factors.forEach((f, j) => {
    const idx = e.ind.map((_, i) => i).filter((i) => e.L[i][j] !== 0);
    if ((o.dropSingle ?? true) && idx.length < 2) return;
    used.push(j);
    const total = sumSub(e.S, idx);
    let omega: number;
    if (tauEq) {
      const k = idx.length;
      const tr = idx.reduce((a, i) => a + e.S[i][i], 0);
      omega = (k / (k - 1)) * (1 - tr / total);
    } else {
      const sl = idx.reduce((a, i) => a + e.L[i][j], 0);
      omega = (sl * sl * e.Phi[j][j]) / total;
    }
    const crossLoads = idx.some((i) => e.L[i].filter((v, c) => v !== 0 && c !== j && Math.abs(v) >= 5e-6).length > 0);
    const ave = crossLoads ? NaN : (idx.reduce((a, i) => a + e.L[i][j] ** 2, 0) * e.Phi[j][j]) / idx.reduce((a, i) => a + e.S[i][i], 0);
    const ls = idx.map((i) => e.Lstd[i][j]);
    rows.push({
      factor: f,
      items: idx.map((i) => e.ind[i]),
      omega,
      aveSemTools: ave,
      crFornellLarcker: compositeReliabilityFromLoadings(ls),
      aveFornellLarcker: aveFromLoadings(ls),
    });
  });
  let total: number | undefined;
  if (o.returnTotal && used.length > 1) {
    const idx = e.ind.map((_, i) => i).filter((i) => used.some((j) => e.L[i][j] !== 0));
    const Sub = idx.map((a) => idx.map((b) => e.S[a][b]));
    if (tauEq) {
      const k = idx.length;
      const tr = idx.reduce((a, i) => a + e.S[i][i], 0);
      total = (k / (k - 1)) * (1 - tr / sumSub(e.S, idx));
    } else {
      const Lsub = idx.map((i) => used.map((j) => e.L[i][j]));
      const Phisub = used.map((a) => used.map((b) => e.Phi[a][b]));
      const common = mult(mul(Lsub, Phisub), Lsub);
      total =
        sumSub(
          common,
          Lsub.map((_, i) => i),
        ) /
        sumSub(
          Sub,
          Sub.map((_, i) => i),
        );
    }
  }
  const res = new CompRelResult(rows, total, { obsVar, tauEq, n: fit.n });
  const cross = rows.filter((r) => Number.isNaN(r.aveSemTools)).map((r) => r.factor);
  if (cross.length)
    res.warnings.push({
      code: "measurement.cross-loading",
      message: `semTools' AVE is undefined for ${cross.join(", ")}: an indicator loads on more than one factor.`,
    });
  return res;
}

/** semTools' AVE per factor: Σλ²φ / Σ diag(Σ) (see compRelSEM for the Fornell–Larcker version beside it). */
export function AVE(fit: CfaFitLike, opts: { obsVar?: boolean } = {}): Record<string, number> {
  const o = checkOptions<{ obsVar?: boolean }>("AVE", opts, { obsVar: { kind: "boolean", aliases: ["obs.var"] } });
  const out: Record<string, number> = {};
  for (const r of compRelSEM(fit, { obsVar: o.obsVar }).rows) out[r.factor] = r.aveSemTools;
  return out;
}
