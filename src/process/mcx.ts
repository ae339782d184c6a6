/**
 * PROCESS with a multicategorical X (option `mcx`, model 4): X with k categories enters every
 * equation as k − 1 coded variables X1…X(k−1); the categories are taken in sorted order and the
 * first (smallest) is the reference group, as PROCESS does.
 *
 * Codings (rows = groups 1…k, column i = Xi):
 *   1 indicator:  Xi = 1 in group i + 1, else 0
 *   2 sequential: Xi = 1 in groups i + 1…k, else 0 (Xi's coefficient: group i + 1 minus group i)
 *   3 Helmert:    Xi = 0 in groups < i, −(k − i)/(k − i + 1) in group i, 1/(k − i + 1) in groups > i
 *                 (Xi's coefficient: mean of groups after i minus group i)
 *   4 effect:     Xi = 1 in group i + 1, −1 in group 1, else 0
 * Model 4: Mⱼ = a₀ⱼ + Σᵢ aᵢⱼ Xi (+ covariates); Y = c′₀ + Σᵢ c′ᵢ Xi + Σⱼ bⱼ Mⱼ (+ covariates).
 * Relative direct effects c′ᵢ; relative indirect effects aᵢⱼ bⱼ with bootstrap (or Monte Carlo)
 * intervals; relative total effects cᵢ from Y on the Xi (+ covariates). The omnibus tests of the
 * direct and total effects are the F tests that all the Xi coefficients are zero: ΔR² F, or the
 * Wald F with the HC covariance matrix when `hc` is set.
 *
 * Hayes, A. F., & Preacher, K. J. (2014). Statistical mediation analysis with a multicategorical
 * independent variable. Br. J. Math. Stat. Psychol., 67, 451–470. Hayes (2022), Appendix A (mcx).
 *
 * @example
 * const r = process({ data: df, model: 4, x: "group", m: "m", y: "y", mcx: 1, boot: 5000, seed: 1 });
 * r.indirect // [{ mediator: "m", code: "X1", effect, bootSE, llci, ulci }, …]
 */
import { PathlabError, type PathlabWarning } from "../errors";
import { numericColumns } from "../data/table-input";
import { Result } from "../display/result";
import type { Column, TableSpec } from "../display/table";
import { pf, qt, waldF } from "../math";
import { olsCore, type OlsCoreFit } from "../regression/ols-core";
import { Rng } from "../simulate/rng";
import { bootstrapCoefficients, monteCarloCoefficients, rowMajor, type BootstrapDraws } from "./bootstrap";
import { distinct } from "./design";
import { coefficientRows, modelSummary } from "./fit";
import { bootInterval } from "./intervals";
import type { ProcessConfig } from "./options";
import type { Coefficient, ModelSummary, ProcessOptions } from "./types";

/**
 * `process()`'s options with a multicategorical X: mcx = 1 indicator, 2 sequential, 3 Helmert,
 * 4 effect coding of X's sorted categories into X1…X(k−1) (the smallest value is the reference).
 */
export type McxOptions = ProcessOptions & { mcx: 1 | 2 | 3 | 4 };

const CODING_NAMES = ["", "indicator", "sequential", "Helmert", "effect"];

/**
 * The k × (k − 1) coding matrix of PROCESS's mcx = 1…4 (see the module comment).
 *
 * @example
 * mcxCoding(3, 3) // [[-2/3, 0], [1/3, -1/2], [1/3, 1/2]]
 */
export function mcxCoding(k: number, code: 1 | 2 | 3 | 4): number[][] {
  return Array.from({ length: k }, (_, g) =>
    Array.from({ length: k - 1 }, (_, c) => {
      const i = c + 1; // code Xi, groups numbered 1…k (g + 1)
      const group = g + 1;
      if (code === 1) return group === i + 1 ? 1 : 0;
      if (code === 2) return group > i ? 1 : 0;
      if (code === 3) return group < i ? 0 : group === i ? -(k - i) / (k - i + 1) : 1 / (k - i + 1);
      return group === i + 1 ? 1 : group === 1 ? -1 : 0;
    }),
  );
}

/** The omnibus test that a set of coefficients is zero: ΔR² and its F, or the Wald F with an HC matrix. */
export interface OmnibusTest {
  r2chng: number;
  F: number;
  df1: number;
  df2: number;
  p: number;
}

export interface McxEquation {
  outcome: string;
  summary: ModelSummary;
  coefficients: Coefficient[];
  vcov: number[][];
}

export interface RelativeIndirect {
  mediator: string;
  code: string;
  effect: number;
  bootSE?: number;
  llci?: number;
  ulci?: number;
}

export interface Fitted {
  outcome: string;
  columns: number[];
  fit: OlsCoreFit;
  names: string[];
}

/** ΔR² F test (Wald F with hc) that the coefficients at `idx` (positions in the fit) are zero. */
export function omnibus(f: Fitted, master: Float64Array[], yCol: Float64Array, idx: number[], hc: unknown): OmnibusTest {
  const keep = f.columns.filter((_, j) => !idx.includes(j));
  const red = olsCore(
    keep.map((c) => master[c]),
    yCol,
  );
  const r2chng = f.fit.r2 - red.r2;
  const q = idx.length;
  const df = f.fit.df;
  const F = hc ? waldF(f.fit.coef, f.fit.vcov, idx) : r2chng / q / ((1 - f.fit.r2) / df);
  return { r2chng, F, df1: q, df2: df, p: pf(F, q, df, false) };
}

/**
 * Reads the columns, checks X's categories and builds the master matrix [1, X1…X(k−1), then the
 * columns of `others`] (model 4: mediators, Y, covariates).
 */
export function mcxData(cfg: ProcessConfig, options: ProcessOptions, others: string[] = [...cfg.ms, cfg.y, ...cfg.covs]) {
  const vars = [cfg.x, ...others];
  const nc = numericColumns(options.data, vars, { missing: options.missing });
  const x = nc.columns[0];
  const levels = distinct(x);
  const k = levels.length;
  if (k < 3 || k > 9)
    throw new PathlabError(`mcx: X "${cfg.x}" has ${k} distinct value(s) in the ${nc.n} complete rows; a multicategorical X needs 3 to 9 categories.`, {
      hint:
        k < 3 ? "A two-category X needs no mcx: enter it as X directly." : "PROCESS allows at most 9 categories; merge some, or check that X is categorical.",
      code: "process.mcx-categories",
    });
  const coding = mcxCoding(k, cfg.mcx as 1 | 2 | 3 | 4);
  const group = Array.from(x, (v) => levels.indexOf(v));
  const dCols = Array.from({ length: k - 1 }, (_, c) => Float64Array.from(group, (g) => coding[g][c]));
  const master = [new Float64Array(nc.n).fill(1), ...dCols, ...nc.columns.slice(1)];
  return { n: nc.n, dropped: nc.dropped, levels, coding, master, k };
}

/** Fits the mediator equations, the Y equation and the total effect model. */
function fitAll(cfg: ProcessConfig, master: Float64Array[], k: number): { eqs: Fitted[]; total: Fitted } {
  const dIdx = Array.from({ length: k - 1 }, (_, i) => i + 1);
  const dNames = dIdx.map((i) => `X${i}`);
  const mIdx = cfg.ms.map((_, j) => k + j);
  const yIdx = k + cfg.ms.length;
  const cIdx = cfg.covs.map((_, j) => yIdx + 1 + j);
  const covInM = cfg.covmy !== 2;
  const covInY = cfg.covmy !== 1;
  const fitOne = (outcome: string, outCol: number, columns: number[], names: string[]): Fitted => ({
    outcome,
    columns,
    names,
    fit: olsCore(
      columns.map((c) => master[c]),
      master[outCol],
      { hc: cfg.hc, names },
    ),
  });
  const eqs = cfg.ms.map((m, j) => fitOne(m, mIdx[j], [0, ...dIdx, ...(covInM ? cIdx : [])], ["constant", ...dNames, ...(covInM ? cfg.covs : [])]));
  eqs.push(fitOne(cfg.y, yIdx, [0, ...dIdx, ...mIdx, ...(covInY ? cIdx : [])], ["constant", ...dNames, ...cfg.ms, ...(covInY ? cfg.covs : [])]));
  const total = fitOne(cfg.y, yIdx, [0, ...dIdx, ...(covInY ? cIdx : [])], ["constant", ...dNames, ...(covInY ? cfg.covs : [])]);
  return { eqs, total };
}

/** Bootstrap resamples of the rows (or Monte Carlo draws) of every equation's coefficients. */
function drawMcx(cfg: ProcessConfig, options: ProcessOptions, master: Float64Array[], n: number, eqs: Fitted[], k: number, warnings: PathlabWarning[]) {
  const gen = new Rng(cfg.seed);
  if (cfg.mc > 0)
    return monteCarloCoefficients(
      eqs.map((e) => ({ coef: e.fit.coef, vcov: e.fit.vcov })),
      cfg.mc,
      gen,
    );
  if (cfg.boot === 0) return undefined;
  const yIdx = k + cfg.ms.length;
  const engineEqs = eqs.map((e, j) => ({ predictors: e.columns, outcome: j < cfg.ms.length ? k + j : yIdx }));
  const draws = bootstrapCoefficients(rowMajor(master), n, master.length, engineEqs, cfg.boot, gen, {
    onProgress: options.onProgress,
    threads: options.threads,
  });
  if (draws.replaced > 0)
    warnings.push({ code: "process.bootstrap-replaced", message: `${draws.replaced} bootstrap resample(s) had a singular design matrix and were replaced.` });
  return draws;
}

/** Relative indirect effects aᵢⱼ·bⱼ of each code through each mediator, with their intervals. */
function relativeIndirect(
  cfg: ProcessConfig,
  eqs: Fitted[],
  k: number,
  draws: BootstrapDraws | undefined,
): { rows: RelativeIndirect[]; draws: Map<string, Float64Array> } {
  const rows: RelativeIndirect[] = [];
  const out = new Map<string, Float64Array>();
  const yEq = eqs[eqs.length - 1];
  cfg.ms.forEach((m, j) => {
    const bPos = k + j; // position of Mⱼ in the Y equation (constant, X1…X(k−1), M…)
    for (let i = 1; i < k; i++) {
      const effect = eqs[j].fit.coef[i] * yEq.fit.coef[bPos];
      const row: RelativeIndirect = { mediator: m, code: `X${i}`, effect };
      if (draws) {
        const v = new Float64Array(draws.B);
        const oa = draws.offsets[j] + i;
        const ob = draws.offsets[eqs.length - 1] + bPos;
        for (let b = 0; b < draws.B; b++) v[b] = draws.coefs[b * draws.stride + oa] * draws.coefs[b * draws.stride + ob];
        const ci = bootInterval(v, cfg.conf, effect, cfg.bc && cfg.mc === 0);
        Object.assign(row, { bootSE: ci.se, llci: ci.lower, ulci: ci.upper });
        out.set(`${m}:X${i}`, v);
      }
      rows.push(row);
    }
  });
  return { rows, draws: out };
}

/** Model 4 with a multicategorical X (see the module comment). */
export function processMcx(cfg: ProcessConfig, options: ProcessOptions): McxResult {
  const warnings: PathlabWarning[] = [...cfg.warnings];
  const { n, dropped, levels, coding, master, k } = mcxData(cfg, options);
  const { eqs, total } = fitAll(cfg, master, k);
  const yCol = master[k + cfg.ms.length];
  const dPos = Array.from({ length: k - 1 }, (_, i) => i + 1);
  const tc = (df: number) => qt((100 - cfg.conf) / 200, df, false);
  const asEquation = (f: Fitted): McxEquation => ({
    outcome: f.outcome,
    summary: modelSummary(f.fit, f.names.length - 1, cfg.hc),
    coefficients: coefficientRows(f.names, f.fit, tc(f.fit.df)),
    vcov: f.fit.vcov,
  });
  const yEq = eqs[eqs.length - 1];
  const draws = drawMcx(cfg, options, master, n, eqs, k, warnings);
  const ind = relativeIndirect(cfg, eqs, k, draws);
  const equations = eqs.map(asEquation);
  const totalEffectModel = asEquation(total);
  return new McxResult({
    x: cfg.x,
    y: cfg.y,
    mediators: cfg.ms,
    covariates: cfg.covs,
    mcx: cfg.mcx as 1 | 2 | 3 | 4,
    levels,
    coding,
    n,
    dropped,
    conf: cfg.conf,
    hc: cfg.hc,
    seed: cfg.seed,
    boot: draws && cfg.mc === 0 ? cfg.boot : 0,
    mc: cfg.mc,
    bc: cfg.bc && cfg.mc === 0,
    equations,
    totalEffectModel,
    relativeTotal: totalEffectModel.coefficients.slice(1, k),
    totalOmnibus: omnibus(total, master, yCol, dPos, cfg.hc),
    relativeDirect: equations[equations.length - 1].coefficients.slice(1, k),
    directOmnibus: omnibus(yEq, master, yCol, dPos, cfg.hc),
    indirect: ind.rows,
    draws: ind.draws,
    warnings,
  });
}

export interface McxPayload {
  x: string;
  y: string;
  mediators: string[];
  covariates: string[];
  mcx: 1 | 2 | 3 | 4;
  /** X's categories in sorted order (the first is the reference group) and their codes (k × (k − 1)). */
  levels: number[];
  coding: number[][];
  n: number;
  dropped: number;
  conf: number;
  hc?: string;
  seed: number;
  boot: number;
  mc: number;
  /** Bias-corrected (rather than percentile) bootstrap intervals. */
  bc: boolean;
  /** Mediator equations, then the Y equation. */
  equations: McxEquation[];
  totalEffectModel: McxEquation;
  relativeTotal: Coefficient[];
  totalOmnibus: OmnibusTest;
  relativeDirect: Coefficient[];
  directOmnibus: OmnibusTest;
  indirect: RelativeIndirect[];
  /** Resampled relative indirect effects, keyed "mediator:Xi". */
  draws: Map<string, Float64Array>;
  warnings: PathlabWarning[];
}

export const num = (key: string, label: string): Column => ({ key, label, digits: 4 });
export const effectColumns = (hc?: string): Column[] => [
  num("coeff", "Effect"),
  num("se", hc ? `se(${hc})` : "se"),
  num("t", "t"),
  { key: "p", label: "p", format: "p" },
  num("llci", "LLCI"),
  num("ulci", "ULCI"),
];

/** PROCESS's "Coding of categorical X variable for analysis": each category's values of X1…X(k−1). */
export function codingTable(x: string, levels: number[], coding: number[][]): TableSpec {
  const codes = Array.from({ length: levels.length - 1 }, (_, i) => `X${i + 1}`);
  return {
    title: "Coding of categorical X variable for analysis",
    columns: [{ key: "level", label: x, digits: 3 }, ...codes.map((c) => num(c, c))],
    rows: levels.map((l, g) => Object.fromEntries([["level", l], ...codes.map((c, i) => [c, coding[g][i]])])),
  };
}

/** The result of `process()` with `mcx`: the coding, each equation, relative total, direct and indirect effects. */
export class McxResult extends Result {
  constructor(readonly payload: McxPayload) {
    super();
    this.warnings = payload.warnings;
  }
  get indirect(): RelativeIndirect[] {
    return this.payload.indirect;
  }
  get equations(): McxEquation[] {
    return this.payload.equations;
  }
  title(): string {
    return `PROCESS model 4 with a multicategorical X (mcx = ${this.payload.mcx}, ${CODING_NAMES[this.payload.mcx]} coding)`;
  }
  info(): string[] {
    const p = this.payload;
    const lines = [`Y: ${p.y}   X: ${p.x}   M: ${p.mediators.join(", ")}${p.covariates.length ? `   Covariates: ${p.covariates.join(", ")}` : ""}`];
    lines.push(`Sample size: ${p.n}${p.dropped ? ` (${p.dropped} rows with missing values dropped)` : ""}`);
    if (p.boot > 0) lines.push(`Bootstrap resamples: ${p.boot}, seed ${p.seed}; ${p.conf}% ${p.bc ? "bias-corrected" : "percentile"} intervals`);
    if (p.mc > 0) lines.push(`Monte Carlo draws: ${p.mc}, seed ${p.seed}`);
    return lines;
  }
  tables(): TableSpec[] {
    const p = this.payload;
    const out: TableSpec[] = [codingTable(p.x, p.levels, p.coding)];
    const eqTables = (e: McxEquation, head: string) => {
      const s = e.summary;
      out.push({
        title: `${head}OUTCOME VARIABLE: ${e.outcome} — Model Summary`,
        columns: [
          num("R", "R"),
          num("r2", "R-sq"),
          num("mse", "MSE"),
          num("F", p.hc ? `F(${p.hc})` : "F"),
          { key: "df1", label: "df1", format: "int" },
          { key: "df2", label: "df2", format: "int" },
          { key: "p", label: "p", format: "p" },
        ],
        rows: [s as unknown as Record<string, unknown>],
      });
      out.push({
        title: "Model",
        columns: [{ key: "term", label: "", format: "text" }, ...effectColumns(p.hc).map((c) => (c.key === "coeff" ? { ...c, label: "coeff" } : c))],
        rows: e.coefficients as unknown as Record<string, unknown>[],
      });
    };
    p.equations.forEach((e) => eqTables(e, ""));
    eqTables(p.totalEffectModel, "TOTAL EFFECT MODEL — ");
    const omni = (t: OmnibusTest, what: string): TableSpec => ({
      title: `Omnibus test of ${what} effect of X on Y`,
      columns: [
        num("r2chng", "R2-chng"),
        num("F", p.hc ? `F(${p.hc})` : "F"),
        { key: "df1", label: "df1", format: "int" },
        { key: "df2", label: "df2", format: "int" },
        { key: "p", label: "p", format: "p" },
      ],
      rows: [t as unknown as Record<string, unknown>],
    });
    const rel = (rows: Coefficient[], what: string): TableSpec => ({
      title: `Relative ${what} effects of X on Y`,
      columns: [{ key: "term", label: "", format: "text" }, ...effectColumns(p.hc)],
      rows: rows as unknown as Record<string, unknown>[],
    });
    out.push(rel(p.relativeTotal, "total"), omni(p.totalOmnibus, "total"), rel(p.relativeDirect, "direct"), omni(p.directOmnibus, "direct"));
    for (const m of p.mediators) {
      const rows = p.indirect.filter((r) => r.mediator === m);
      out.push({
        title: `Relative indirect effects of X on Y: ${p.x} -> ${m} -> ${p.y}`,
        columns: [
          { key: "code", label: "", format: "text" },
          num("effect", "Effect"),
          num("bootSE", p.mc > 0 ? "MCSE" : "BootSE"),
          num("llci", p.mc > 0 ? "MCLLCI" : "BootLLCI"),
          num("ulci", p.mc > 0 ? "MCULCI" : "BootULCI"),
        ],
        rows: rows as unknown as Record<string, unknown>[],
      });
    }
    return out;
  }
}
