/**
 * `cfa()` / `sem()`: lavaan's model syntax fitted by maximum likelihood, returning a `SemFit`.
 *
 * Pipeline (as lavaan): syntax → parameter table with defaults → RAM matrices → Fisher scoring →
 * standard errors from the expected information, (n·I)⁻¹ → delta-method SEs for defined and
 * standardised parameters → fit measures on demand.
 */
import { PathlabError, type PathlabWarning } from "../errors";
import { Result, type TableSpec } from "../display";
import type { TableInput } from "../data/table-input";
import { pnorm, qnorm } from "../stats/distributions";
import { fisherScoring, vcovFromInformation } from "./estimate";
import { computeFitMeasures, FIT_MEASURE_NAMES, type FitMeasureName } from "./fit-measures";
import { buildRam, startValues, type ModelStructure } from "./model";
import { sampleStats, type MomentsInput, type SampleStats } from "./moments";
import { buildParTable, type ParRow, type ParTable } from "./partable";
import { RamEngine, type SampleMoments } from "./ram";
import { deltaMethodSE, rowValues, standardizedValues, totalVariances, type StdType } from "./standardize";
import { parseModelSyntax } from "./syntax";
import { cholInPlace } from "./linalg";
import { FitMeasures, ImpliedMoments, ParameterTable, RSquare, StandardizedTable, type EstimateRow, type StandardizedRow } from "./results";
import { lavaanSummary } from "./summary-text";
import { semFornellLarcker, semHtmt, semReliability, type SemReliability } from "./validity";
import type { FornellLarckerResult } from "../measurement/reliability";
import type { HtmtResult } from "../measurement/htmt";
import { pathDiagram, type DiagramOptions } from "./diagram";
import { bootstrapSem, type BootstrapOptions, type SemBootstrap } from "./bootstrap";
import type { Figure } from "../display";

export interface SemOptions {
  /** Identify factors by fixing their variances at 1 instead of the first loading (lavaan's std.lv). */
  stdLv?: boolean;
  "std.lv"?: boolean;
  /** Estimate intercepts (automatic when the model has `~ 1`). */
  meanstructure?: boolean;
  /** "normal" (divisor N, lavaan/Mplus; default) or "wishart" (N − 1, AMOS/LISREL). */
  likelihood?: "normal" | "wishart";
  /** Fix (co)variances of observed exogenous covariates at their sample values (default true). */
  fixedX?: boolean;
  "fixed.x"?: boolean;
  /** Missing-value codes in raw data (rows with any missing model variable are dropped). */
  missing?: number[];
  /** Iteration cap of the optimiser (default 500). */
  maxIter?: number;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
}

export type SemInput = TableInput | MomentsInput;

/** Internal state shared by the fit and its helpers (bootstrap, diagram, reliability). */
export interface SemState {
  syntax: string;
  pt: ParTable;
  structure: ModelStructure;
  engine: RamEngine;
  theta: Float64Array;
  vcov: Float64Array;
  sample: SampleStats;
  nEff: number;
  likelihood: "normal" | "wishart";
  f: number;
  iterations: number;
  converged: boolean;
  options: SemOptions;
  kind: "cfa" | "sem";
}

function paramName(r: ParRow): string {
  return r.label ? `${r.lhs}${r.op}${r.rhs} (${r.label})` : `${r.lhs}${r.op}${r.rhs}`;
}

/** Discrepancy moments for the chosen likelihood: S with divisor N (normal) or N − 1 (wishart). */
export function discrepancyMoments(sample: SampleStats, likelihood: "normal" | "wishart"): SampleMoments {
  const p = sample.names.length;
  const scale = likelihood === "wishart" ? 1 : (sample.n - 1) / sample.n;
  const S = new Float64Array(p * p);
  for (let k = 0; k < p * p; k++) S[k] = sample.covUnbiased[k] * scale;
  const L = Float64Array.from(S);
  const logdetS = cholInPlace(L, p);
  return { p, S, mean: sample.mean, logdetS };
}

/** Fits a parsed model to sample statistics (shared by cfa/sem and the bootstrap). */
export function estimateModel(
  pt: ParTable,
  sample: SampleStats,
  options: SemOptions,
  theta0?: Float64Array,
): { structure: ModelStructure; engine: RamEngine; theta: Float64Array; f: number; iterations: number; converged: boolean; moments: SampleMoments } {
  const likelihood = options.likelihood ?? "normal";
  const moments = discrepancyMoments(sample, likelihood);
  const structure = buildRam(pt, moments.S, moments.mean);
  const engine = new RamEngine(structure.spec, moments);
  const start = theta0 ?? startValues(pt, structure, moments.S, moments.mean);
  const opt = fisherScoring(engine, start, { maxIter: options.maxIter ?? 500 });
  return { structure, engine, theta: opt.theta, f: opt.f, iterations: opt.iterations, converged: opt.converged, moments };
}

function fitModel(kind: "cfa" | "sem", model: string, input: SemInput, options: SemOptions = {}): SemFit {
  if (input === null || input === undefined || typeof input !== "object")
    throw new PathlabError(`${kind}(): the second argument must be a data table or { cov, n, names }.`, { code: "sem-input" });
  const stdLv = options.stdLv ?? options["std.lv"] ?? false;
  const fixedX = options.fixedX ?? options["fixed.x"] ?? true;
  const likelihood = options.likelihood ?? "normal";
  if (likelihood !== "normal" && likelihood !== "wishart")
    throw new PathlabError(`Unknown likelihood "${likelihood}".`, { hint: 'Use "normal" or "wishart".', code: "sem-option" });
  const syntax = parseModelSyntax(model);
  const pt = buildParTable(syntax, { stdLv, meanstructure: options.meanstructure, fixedX });
  if (pt.vars.ov.length === 0) throw new PathlabError("The model has no observed variables.", { code: "sem-model" });
  const sample = sampleStats(input, pt.vars.ov, options.missing);
  if (pt.meanstructure && "cov" in (input as object) && !(input as MomentsInput).means)
    throw new PathlabError("The model has a mean structure but the moments input has no means.", {
      hint: "Pass { cov, means, n, names }, or drop the `~ 1` terms / meanstructure option.",
      code: "sem-moments",
    });
  const p = pt.vars.ov.length;
  const kx = pt.vars.ovX.length;
  const nMom = (p * (p + 1)) / 2 - (kx * (kx + 1)) / 2 + (pt.meanstructure ? p - kx : 0);
  if (pt.nFree > nMom)
    throw new PathlabError(
      `The model is not identified: ${pt.nFree} free parameters but only ${nMom} sample moments (df = ${nMom - pt.nFree}).`,
      { hint: "Fix or constrain parameters (e.g. equal loadings with a shared label), remove covariances, or add indicators.", code: "sem-not-identified" },
    );
  const est = estimateModel(pt, sample, options);
  const nEff = likelihood === "wishart" ? sample.n - 1 : sample.n;
  const q = pt.nFree;
  const info = new Float64Array(q * q);
  est.engine.setTheta(est.theta);
  est.engine.implied();
  est.engine.objective();
  est.engine.information(info);
  const names: string[] = new Array(q);
  for (const r of pt.rows) if (r.free > 0 && names[r.free - 1] === undefined) names[r.free - 1] = paramName(r);
  const vcov = vcovFromInformation(info, q, nEff, names);
  const state: SemState = {
    syntax: model,
    pt,
    structure: est.structure,
    engine: est.engine,
    theta: est.theta,
    vcov,
    sample,
    nEff,
    likelihood,
    f: est.f,
    iterations: est.iterations,
    converged: est.converged,
    options: { ...options, stdLv, fixedX, likelihood },
    kind,
  };
  return new SemFit(state);
}

/**
 * Confirmatory factor analysis with lavaan's `cfa()` defaults: each factor scaled by its first
 * loading (or `stdLv`), free residual variances, correlated factors, ML estimation.
 * `input`: raw data (any table) or moments `{ cov, means?, n, names }`.
 */
export function cfa(model: string, input: SemInput, options: SemOptions = {}): SemFit {
  return fitModel("cfa", model, input, options);
}

/**
 * Structural equation model with lavaan's `sem()` defaults (identical to `cfa()`'s in lavaan:
 * marker indicators, exogenous latent covariances, covariances among pure outcomes, fixed.x).
 */
export function sem(model: string, input: SemInput, options: SemOptions = {}): SemFit {
  return fitModel("sem", model, input, options);
}

/** A fitted SEM/CFA (lavaan's fitted `lavaan` object). */
export class SemFit extends Result {
  /** @internal */
  readonly state: SemState;
  /** Observations used. */
  readonly n: number;
  /** Rows dropped (listwise) for missing values. */
  readonly dropped: number;
  readonly converged: boolean;
  readonly iterations: number;
  /** Observed and latent variable names in lavaan's order. */
  readonly ov: string[];
  readonly lv: string[];
  private estRows: Float64Array;
  private seRows: Float64Array;
  private fitCache?: Record<FitMeasureName, number>;
  private stdCache = new Map<StdType, { est: Float64Array; se: Float64Array }>();

  constructor(state: SemState) {
    super();
    this.state = state;
    this.n = state.sample.n;
    this.dropped = state.sample.dropped;
    this.converged = state.converged;
    this.iterations = state.iterations;
    this.ov = [...state.pt.vars.ov];
    this.lv = [...state.pt.vars.lv];
    const { pt, structure, engine, theta, vcov } = state;
    const q = theta.length;
    this.withTheta(theta, () => {});
    this.estRows = rowValues(pt.rows, structure.rowCell, engine);
    this.seRows = new Float64Array(pt.rows.length);
    pt.rows.forEach((r, k) => {
      if (r.free > 0) this.seRows[k] = Math.sqrt(vcov[(r.free - 1) * q + (r.free - 1)]);
    });
    const definedIdx = pt.rows.map((r, k) => (r.op === ":=" ? k : -1)).filter((k) => k >= 0);
    if (definedIdx.length) {
      const se = deltaMethodSE(theta, vcov, (t) =>
        this.withTheta(t, () => {
          const all = rowValues(pt.rows, structure.rowCell, engine);
          return Float64Array.from(definedIdx.map((k) => all[k]));
        }),
      );
      definedIdx.forEach((k, i) => (this.seRows[k] = se[i]));
    }
    pt.rows.forEach((r, k) => {
      r.start = r.free > 0 ? r.start : this.estRows[k];
    });
    this.warnings = this.collectWarnings();
  }

  /** Runs `fn` with the engine at θ, then restores the estimates. */
  private withTheta<T>(t: Float64Array, fn: () => T): T {
    const { engine, theta } = this.state;
    engine.setTheta(t);
    engine.implied();
    const out = fn();
    if (t !== theta) {
      engine.setTheta(theta);
      engine.implied();
      engine.objective();
    }
    return out;
  }

  private collectWarnings(): PathlabWarning[] {
    const w: PathlabWarning[] = [];
    const { pt } = this.state;
    if (!this.state.converged)
      w.push({
        code: "sem-not-converged",
        message: `The optimiser did not converge within ${this.state.options.maxIter ?? 500} iterations; estimates are not trustworthy.`,
      });
    pt.rows.forEach((r, k) => {
      if (r.op === "~~" && r.lhs === r.rhs && this.estRows[k] < 0)
        w.push({
          code: "sem-heywood",
          message: `Heywood case: the ${this.lv.includes(r.lhs) ? "latent" : "residual"} variance of "${r.lhs}" is negative (${this.estRows[k].toFixed(4)}).`,
        });
    });
    // Standardised loadings or correlations beyond 1 also signal an improper solution.
    const vars = this.withTheta(this.state.theta, () => totalVariances(this.state.engine));
    const idx = new Map(this.state.structure.names.map((v, i) => [v, i]));
    pt.rows.forEach((r, k) => {
      if (r.op === "~~" && r.lhs !== r.rhs) {
        const a = idx.get(r.lhs)!;
        const b = idx.get(r.rhs)!;
        if (this.lv.includes(r.lhs) && this.lv.includes(r.rhs) && Math.abs(this.estRows[k]) > Math.sqrt(vars[a] * vars[b]) * (1 + 1e-8))
          w.push({ code: "sem-heywood", message: `The correlation of "${r.lhs}" and "${r.rhs}" exceeds 1 in absolute value: the latent covariance matrix is not positive definite.` });
      }
    });
    return w;
  }

  /** Model-implied covariance (and mean) of the observed variables, lavaan's `inspect(fit, "implied")`. */
  inspect(what: "implied" | "residuals" | "rsquare"): ImpliedMoments | RSquare;
  inspect(what: string): ImpliedMoments | RSquare {
    const { engine, structure, pt } = this.state;
    const p = structure.p;
    const names = this.ov;
    const toRows = (a: Float64Array) => Array.from({ length: p }, (_, i) => Array.from(a.subarray(i * p, i * p + p)));
    if (what === "implied") {
      return new ImpliedMoments("Model-implied moments", names, toRows(engine.Sigma), pt.meanstructure ? Array.from(engine.mu) : undefined);
    }
    if (what === "residuals") {
      const S = engine.sample.S;
      const R = new Float64Array(p * p);
      for (let k = 0; k < p * p; k++) R[k] = S[k] - engine.Sigma[k];
      const mean = pt.meanstructure ? Array.from(engine.mu, (mu, i) => engine.sample.mean[i] - mu) : undefined;
      return new ImpliedMoments("Residuals (observed − implied)", names, toRows(R), mean);
    }
    if (what === "rsquare" || what === "r2") {
      const vars = totalVariances(engine);
      const idx = new Map(structure.names.map((v, i) => [v, i]));
      const endo = new Set<string>();
      for (const r of pt.rows) {
        if (r.op === "=~") endo.add(r.rhs);
        if (r.op === "~") endo.add(r.lhs);
      }
      const values: Record<string, number> = {};
      for (const v of structure.names) {
        if (!endo.has(v)) continue;
        const i = idx.get(v)!;
        const m = engine.spec.m;
        values[v] = 1 - engine.S[i * m + i] / vars[i];
      }
      return new RSquare(values);
    }
    throw new PathlabError(`inspect(): unknown option "${what}".`, { hint: 'Use "implied", "residuals" or "rsquare".', code: "sem-option" });
  }

  /**
   * Parameter estimates with standard errors, z, p and confidence intervals (lavaan's
   * `parameterEstimates()`); `standardized: true` adds std.lv and std.all columns.
   */
  parameterEstimates(opts: { level?: number; standardized?: boolean } = {}): ParameterTable {
    const level = opts.level ?? this.state.options.level ?? 0.95;
    const zc = qnorm(1 - (1 - level) / 2);
    const { pt } = this.state;
    const stdAll = opts.standardized ? this.std("std.all") : undefined;
    const stdLv = opts.standardized ? this.std("std.lv") : undefined;
    const rows: EstimateRow[] = pt.rows.map((r, k) => {
      const est = this.estRows[k];
      const isFree = r.free > 0 || r.op === ":=";
      const se = isFree ? this.seRows[k] : 0;
      const z = isFree && se > 0 ? est / se : NaN;
      const row: EstimateRow = {
        lhs: r.lhs,
        op: r.op,
        rhs: r.rhs,
        label: r.label,
        est,
        se,
        z,
        pvalue: Number.isNaN(z) ? NaN : 2 * pnorm(-Math.abs(z)),
        ci_lower: isFree ? est - zc * se : est,
        ci_upper: isFree ? est + zc * se : est,
        free: r.free,
        user: r.user,
        exo: r.exo,
      };
      if (stdAll && stdLv) {
        row.std_lv = stdLv.est[k];
        row.std_all = stdAll.est[k];
      }
      return row;
    });
    return new ParameterTable(rows, level, !!opts.standardized);
  }

  private std(type: StdType): { est: Float64Array; se: Float64Array } {
    const cached = this.stdCache.get(type);
    if (cached) return cached;
    const { pt, structure, engine, theta, vcov } = this.state;
    const p = structure.p;
    const f = (t: Float64Array) => this.withTheta(t, () => standardizedValues(pt.rows, structure.rowCell, engine, type, p));
    const est = f(theta);
    const se = deltaMethodSE(theta, vcov, f);
    const out = { est, se };
    this.stdCache.set(type, out);
    return out;
  }

  /** Standardised solution with delta-method standard errors (lavaan's `standardizedSolution()`). */
  standardizedSolution(opts: { type?: StdType; level?: number } = {}): StandardizedTable {
    const type = opts.type ?? "std.all";
    if (type !== "std.all" && type !== "std.lv")
      throw new PathlabError(`Unknown standardisation type "${type}".`, { hint: 'Use "std.all" or "std.lv".', code: "sem-option" });
    const level = opts.level ?? 0.95;
    const zc = qnorm(1 - (1 - level) / 2);
    const { est, se } = this.std(type);
    const rows: StandardizedRow[] = this.state.pt.rows.map((r, k) => {
      const s = se[k];
      const z = s > 1e-12 ? est[k] / s : NaN;
      return {
        lhs: r.lhs,
        op: r.op,
        rhs: r.rhs,
        label: r.label,
        est_std: est[k],
        se: s,
        z,
        pvalue: Number.isNaN(z) ? NaN : 2 * pnorm(-Math.abs(z)),
        ci_lower: est[k] - zc * s,
        ci_upper: est[k] + zc * s,
      };
    });
    return new StandardizedTable(rows, level, false, type);
  }

  /** All fit measures (lavaan names), or the named subset. */
  fitMeasures(names?: string | string[]): FitMeasures {
    if (!this.fitCache) {
      const { engine, pt, structure, sample, nEff } = this.state;
      const xIdx = pt.vars.ovX.map((v) => structure.names.indexOf(v));
      this.fitCache = computeFitMeasures({
        p: structure.p,
        S: engine.sample.S,
        mean: engine.sample.mean,
        Sigma: engine.Sigma,
        W: engine.W,
        mu: engine.mu,
        logdetS: engine.sample.logdetS,
        logdetSigma: engine.logdetSigma,
        f: this.state.f,
        npar: pt.nFree,
        n: sample.n,
        nEff,
        meanstructure: pt.meanstructure,
        xIdx,
      });
    }
    const list = names === undefined ? [...FIT_MEASURE_NAMES] : Array.isArray(names) ? names : [names];
    for (const nm of list)
      if (!(FIT_MEASURE_NAMES as readonly string[]).includes(nm))
        throw new PathlabError(`Unknown fit measure "${nm}".`, { hint: `Available: ${FIT_MEASURE_NAMES.join(", ")}.`, code: "sem-option" });
    return new FitMeasures(this.fitCache, list as FitMeasureName[]);
  }

  /** Parameter estimate of one row (by label, or lhs/op/rhs). */
  coef(): Record<string, number> {
    const out: Record<string, number> = {};
    this.state.pt.rows.forEach((r, k) => {
      if (r.free > 0 || r.op === ":=") out[r.label || `${r.lhs}${r.op}${r.rhs}`] = this.estRows[k];
    });
    return out;
  }

  /** Covariance matrix of the free parameters (lavaan's `vcov()`), names as in `coef()`. */
  vcov(): { names: string[]; matrix: number[][] } {
    const q = this.state.theta.length;
    const names: string[] = new Array(q);
    for (const r of this.state.pt.rows) if (r.free > 0 && !names[r.free - 1]) names[r.free - 1] = r.label || `${r.lhs}${r.op}${r.rhs}`;
    const V = this.state.vcov;
    return { names, matrix: Array.from({ length: q }, (_, i) => Array.from(V.subarray(i * q, i * q + q))) };
  }

  title(): string {
    return `${this.state.kind === "cfa" ? "Confirmatory factor analysis" : "Structural equation model"} (ML${this.state.likelihood === "wishart" ? ", Wishart likelihood" : ""})`;
  }

  info(): string[] {
    const fm = this.fitMeasures();
    const lines = [
      `N = ${this.n}${this.dropped ? ` (${this.dropped} rows with missing values dropped)` : ""}; ${this.state.pt.nFree} free parameters; ${this.converged ? `converged in ${this.iterations} iterations` : "NOT converged"}.`,
      `χ²(${fm.df}) = ${fm.chisq.toFixed(3)}, p ${fm.pvalue < 0.001 ? "< .001" : `= ${fm.pvalue.toFixed(3)}`}; CFI = ${fm.cfi.toFixed(3)}, TLI = ${fm.tli.toFixed(3)}, RMSEA = ${fm.rmsea.toFixed(3)} [${fm["rmsea.ci.lower"].toFixed(3)}, ${fm["rmsea.ci.upper"].toFixed(3)}], SRMR = ${fm.srmr.toFixed(3)}`,
    ];
    return lines;
  }

  tables(): TableSpec[] {
    return [this.fitMeasures(["chisq", "df", "pvalue", "cfi", "tli", "rmsea", "rmsea.ci.lower", "rmsea.ci.upper", "srmr", "gfi", "agfi"]).tables()[0], ...this.parameterEstimates({ standardized: true }).tables()];
  }

  /** Text laid out like lavaan's `summary(fit, fit.measures, standardized)`. */
  summary(opts: { fitMeasures?: boolean; standardized?: boolean; rsquare?: boolean } = {}): string {
    return lavaanSummary(this, opts);
  }

  /** Composite reliability and AVE per factor from the std.all loadings. */
  reliability(): SemReliability {
    return semReliability(this);
  }

  /** Fornell–Larcker table: √AVE against the model-implied factor correlations. */
  fornellLarcker(): FornellLarckerResult {
    return semFornellLarcker(this);
  }

  /** HTMT (or HTMT2) of the factors from the observed covariances of their indicators. */
  htmt(opts: { htmt2?: boolean } = {}): HtmtResult {
    return semHtmt(this, opts);
  }

  /** Path diagram (plotly, laid out by elkjs) with standardised estimates; see DiagramOptions. */
  diagram(opts: DiagramOptions = {}): Figure {
    return pathDiagram(this, opts);
  }

  /** The same as `diagram()`, under the name PROCESS results use. */
  pathDiagram(opts: DiagramOptions = {}): Figure {
    return pathDiagram(this, opts);
  }

  /** Case-resampling bootstrap of the defined (or all) parameters with percentile intervals. */
  bootstrap(opts: BootstrapOptions): SemBootstrap {
    return bootstrapSem(this, opts);
  }

  /** Internal access for summary/diagram/bootstrap helpers. */
  estimatesInternal(): { rows: ParRow[]; est: Float64Array; se: Float64Array } {
    return { rows: this.state.pt.rows, est: this.estRows, se: this.seRows };
  }
}
