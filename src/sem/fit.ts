/**
 * `cfa()` / `sem()`: lavaan's model syntax fitted by maximum likelihood, returning a `SemFit`.
 *
 * Pipeline (as lavaan): validated options → syntax → parameter table with defaults → RAM matrices →
 * minimisation (Fisher scoring/BFGS, then a Newton trust region where that crawls) → at a converged
 * solution only: identification check and standard errors from the expected information, (n·I)⁻¹
 * → lavaan's post-fit checks (Heywood cases, non-positive-definite matrices) → delta-method SEs for
 * defined and standardised parameters → fit measures on demand.
 *
 * @example
 * const fit = cfa("visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6", data, { "std.lv": true });
 * fit.fitMeasures(["cfi", "rmsea"]);
 */
import { PathlabError, type PathlabWarning } from "../errors";
import { checkOptions, describeValue } from "../options";
import { Result, type TableSpec } from "../display";
import type { TableInput } from "../data/table-input";
import { pnorm, qnorm } from "../stats/distributions";
import { GRAD_TOL, minimize, vcovFromInformation } from "./estimate";
import { computeFitMeasures, FIT_MEASURE_NAMES, type FitMeasureName } from "./fit-measures";
import { buildRam, startValues, type ModelStructure } from "./model";
import { isMomentsInput, sampleStats, type MomentsInput, type SampleStats } from "./moments";
import { semOptions, type ResolvedSemOptions, type SemOptions } from "./options";
import { columnNames } from "../data/table-input";
import { postCheckWarnings } from "./post-check";
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

export type { SemOptions } from "./options";

export type SemInput = TableInput | MomentsInput;

/** Internal state shared by the fit and its helpers (bootstrap, diagram, reliability). */
export interface SemState {
  syntax: string;
  pt: ParTable;
  structure: ModelStructure;
  engine: RamEngine;
  theta: Float64Array;
  /** Covariance of the estimates; NaN-filled when not computed (se: "none", or not converged). */
  vcov: Float64Array;
  sample: SampleStats;
  nEff: number;
  likelihood: "normal" | "wishart";
  f: number;
  iterations: number;
  converged: boolean;
  /** Largest scaled |gradient| at the end of the optimisation. */
  maxGrad: number;
  options: ResolvedSemOptions;
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
  options: Pick<ResolvedSemOptions, "likelihood" | "maxIter">,
  theta0?: Float64Array,
): {
  structure: ModelStructure;
  engine: RamEngine;
  theta: Float64Array;
  f: number;
  iterations: number;
  converged: boolean;
  maxGrad: number;
  info?: Float64Array;
  moments: SampleMoments;
} {
  const moments = discrepancyMoments(sample, options.likelihood);
  const structure = buildRam(pt, moments.S, moments.mean);
  const engine = new RamEngine(structure.spec, moments);
  const start = theta0 ?? startValues(pt, structure, moments.S, moments.mean);
  const opt = minimize(engine, start, { maxIter: options.maxIter });
  return { structure, engine, theta: opt.theta, f: opt.f, iterations: opt.iterations, converged: opt.converged, maxGrad: opt.maxGrad, info: opt.info, moments };
}

/** Number of sample moments the model reproduces (lavaan's df count: fixed.x moments excluded). */
export function momentCount(pt: ParTable): number {
  const p = pt.vars.ov.length;
  const kx = pt.fixedX ? pt.vars.ovX.length : 0;
  return (p * (p + 1)) / 2 - (kx * (kx + 1)) / 2 + (pt.meanstructure ? p - kx : 0);
}

function checkInput(kind: string, input: unknown): void {
  if (input === null || input === undefined || typeof input !== "object")
    throw new PathlabError(`${kind}(): the second argument must be a data table or { cov, n, names }; got ${input === null ? "null" : typeof input}.`, {
      code: "sem.input",
      hint: `Call ${kind}(model, data) with a table (rows, columns or a DataFrame), or ${kind}(model, { cov, n, names }) with published moments.`,
    });
}

/** lavaan refuses a latent variable named like a column of the data (it would hide the column). */
function checkLatentNames(pt: ParTable, input: SemInput): void {
  const columns = isMomentsInput(input) ? (Array.isArray(input.names) ? input.names : []) : columnNames(input as TableInput);
  const clash = pt.vars.lv.filter((v) => columns.includes(v));
  if (clash.length)
    throw new PathlabError(`Latent variable name${clash.length > 1 ? "s" : ""} ${clash.map((v) => `"${v}"`).join(", ")} collide${clash.length > 1 ? "" : "s"} with ${clash.length > 1 ? "columns" : "a column"} of the data.`, {
      hint: `Rename the factor (e.g. "${clash[0]}_f =~ …") or drop the column from the data: lavaan refuses this too. If the column is not in the model (e.g. a composite score of the same items), pass { checkLvNames: false }.`,
      code: "sem.latent-name",
    });
}

function fitModel(kind: "cfa" | "sem", model: string, input: SemInput, options: SemOptions | undefined): SemFit {
  const opts = semOptions(kind, options);
  checkInput(kind, input);
  const syntax = parseModelSyntax(model);
  const pt = buildParTable(syntax, { stdLv: opts.stdLv, meanstructure: opts.meanstructure, fixedX: opts.fixedX, orthogonal: opts.orthogonal });
  if (pt.vars.ov.length === 0)
    throw new PathlabError("The model has no observed variables.", { code: "sem.model", hint: 'Name the data columns in the model, e.g. "f =~ item1 + item2 + item3".' });
  if (opts.checkLvNames) checkLatentNames(pt, input);
  const moments = isMomentsInput(input);
  if (opts.stdOv && moments)
    throw new PathlabError(`${kind}(): stdOv needs raw data; with a moments input the variables cannot be standardised here (lavaan ignores std.ov then).`, {
      code: "options.unsupported",
      hint: "Pass a correlation matrix as cov (covFromCorrelations with SDs of 1), or fit the raw data.",
    });
  const nonX = pt.vars.ov.filter((v) => !(pt.fixedX && pt.vars.ovX.includes(v)));
  const sample = sampleStats(input, pt.vars.ov, {
    naValues: opts.naValues,
    standardize: opts.stdOv ? nonX : undefined,
    covDivisorN: moments && !opts.sampleCovRescale && opts.likelihood === "normal",
  });
  if (pt.meanstructure && moments && !(input as MomentsInput).means)
    throw new PathlabError("The model has a mean structure but the moments input has no means.", {
      hint: "Pass { cov, means, n, names }, or drop the `~ 1` terms / meanstructure option.",
      code: "sem.moments",
    });
  const nMom = momentCount(pt);
  if (pt.nFree > nMom)
    throw new PathlabError(`The model is not identified: ${pt.nFree} free parameters but only ${nMom} sample moments (df = ${nMom - pt.nFree}).`, {
      hint: "Fix or constrain parameters (e.g. equal loadings with a shared label), remove covariances, or add indicators.",
      code: "sem.not-identified",
    });
  const est = estimateModel(pt, sample, opts);
  if (!Number.isFinite(est.f) || est.engine.Sigma.some((v) => !Number.isFinite(v) || Math.abs(v) > 1e150))
    throw new PathlabError("The model-implied covariance matrix overflows double precision at the estimates.", {
      code: "sem.overflow",
      hint: "Check fixed values in the model (e.g. 1e90*x1) and rescale variables measured in huge units.",
    });
  const nEff = opts.likelihood === "wishart" ? sample.n - 1 : sample.n;
  const q = pt.nFree;
  let vcov: Float64Array = new Float64Array(q * q).fill(NaN);
  // Identification is judged, and standard errors computed, only at a converged solution.
  if (est.converged && opts.se === "standard") {
    // The optimiser leaves the engine at θ̂ with the information of that point.
    const info = est.info ?? new Float64Array(q * q);
    if (!est.info) est.engine.information(info);
    const names: string[] = new Array(q);
    for (const r of pt.rows) if (r.free > 0 && names[r.free - 1] === undefined) names[r.free - 1] = paramName(r);
    vcov = vcovFromInformation(info, q, nEff, names);
  }
  const state: SemState = {
    syntax: model,
    pt,
    structure: est.structure,
    engine: est.engine,
    theta: est.theta,
    vcov,
    sample,
    nEff,
    likelihood: opts.likelihood,
    f: est.f,
    iterations: est.iterations,
    converged: est.converged,
    maxGrad: est.maxGrad,
    options: opts,
    kind,
  };
  return new SemFit(state);
}

/**
 * Confirmatory factor analysis with lavaan's `cfa()` defaults: each factor scaled by its first
 * loading (or `stdLv`), free residual variances, correlated factors, ML estimation.
 * `input`: raw data (any table) or moments `{ cov, means?, n, names }`.
 */
export function cfa(model: string, input: SemInput, options?: SemOptions): SemFit {
  return fitModel("cfa", model, input, options);
}

/**
 * Structural equation model with lavaan's `sem()` defaults (identical to `cfa()`'s in lavaan:
 * marker indicators, exogenous latent covariances, covariances among pure outcomes, fixed.x).
 */
export function sem(model: string, input: SemInput, options?: SemOptions): SemFit {
  return fitModel("sem", model, input, options);
}

/** Options of `parameterEstimates()`. */
export interface EstimatesOptions {
  /** Confidence level of the intervals (default: the fit's level, 0.95). */
  level?: number;
  /** Add the std.lv and std.all columns. */
  standardized?: boolean;
}

/** Options of `standardizedSolution()`. */
export interface StandardizedOptions {
  /** "std.all" (default) or "std.lv". */
  type?: StdType;
  level?: number;
}

const LEVEL_SPEC = { kind: "number", min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, rangeHint: "Write the level as a proportion, e.g. 0.95 for a 95% interval." } as const;

/** A fitted SEM/CFA (lavaan's fitted `lavaan` object). */
export class SemFit extends Result {
  /** @internal */
  readonly state: SemState;
  /** Observations used. */
  readonly n: number;
  /** Rows dropped (listwise) for missing values. */
  readonly dropped: number;
  /** The optimiser reached a minimum (scaled gradient at rounding level). When false, nothing but the estimates is reported. */
  readonly converged: boolean;
  readonly iterations: number;
  /** Largest scaled |gradient| (|∂F/∂θ| / √(2I)) at the end of the optimisation. */
  readonly gradient: number;
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
    this.gradient = state.maxGrad;
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
        state.nEff,
      );
      definedIdx.forEach((k, i) => (this.seRows[k] = Number.isFinite(this.estRows[k]) ? se[i] : NaN));
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
    const st = this.state;
    const w: PathlabWarning[] = [...st.pt.warnings];
    if (!st.converged)
      w.push({
        code: "sem.not-converged",
        message: `The optimiser did NOT converge: it stopped after ${st.iterations} iterations with scaled gradient ${st.maxGrad.toExponential(2)} (converged means below ${GRAD_TOL}). Estimates are not a solution; standard errors and fit measures are not reported.`,
      });
    else w.push(...this.withTheta(st.theta, () => postCheckWarnings(st.pt.rows, this.estRows, st.engine, st.structure.names, this.lv)));
    st.pt.rows.forEach((r, k) => {
      if (r.op === ":=" && Number.isFinite(this.estRows[k]) && Number.isFinite(st.vcov[0]) && !Number.isFinite(this.seRows[k]))
        w.push({
          code: "sem.defined-undefined",
          message: `The standard error of the defined parameter ${r.lhs} := ${r.rhs} is not finite (its derivative overflows at the estimates); its SE, z, p and interval are not available.`,
        });
      if (r.op === ":=" && !Number.isFinite(this.estRows[k]))
        w.push({
          code: "sem.defined-undefined",
          message: `The defined parameter ${r.lhs} := ${r.rhs} is undefined at the estimates (${Number.isNaN(this.estRows[k]) ? "not a number" : this.estRows[k]}): e.g. the square root or log of a negative number, or a division by zero. Its estimate, SE and p are not available.`,
        });
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
    throw new PathlabError(`inspect(): unknown option ${JSON.stringify(what)}.`, { hint: 'Use "implied", "residuals" or "rsquare".', code: "sem.option" });
  }

  /**
   * Parameter estimates with standard errors, z, p and confidence intervals (lavaan's
   * `parameterEstimates()`); `standardized: true` adds std.lv and std.all columns.
   */
  parameterEstimates(opts?: EstimatesOptions): ParameterTable {
    const o = checkOptions("parameterEstimates", opts, { level: LEVEL_SPEC, standardized: { kind: "boolean" } });
    const level = o.level ?? this.state.options.level;
    const zc = qnorm(1 - (1 - level) / 2);
    const { pt } = this.state;
    const stdAll = o.standardized ? this.std("std.all") : undefined;
    const stdLv = o.standardized ? this.std("std.lv") : undefined;
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
    return new ParameterTable(rows, level, !!o.standardized);
  }

  private std(type: StdType): { est: Float64Array; se: Float64Array } {
    const cached = this.stdCache.get(type);
    if (cached) return cached;
    const { pt, structure, engine, theta, vcov } = this.state;
    const p = structure.p;
    const f = (t: Float64Array) => this.withTheta(t, () => standardizedValues(pt.rows, structure.rowCell, engine, type, p));
    const est = f(theta);
    const se = deltaMethodSE(theta, vcov, f, this.state.nEff);
    const out = { est, se };
    this.stdCache.set(type, out);
    const undefinedRows = pt.rows.filter((r, k) => !Number.isFinite(est[k]) || (Number.isFinite(vcov[0]) && !Number.isFinite(se[k]))).map((r) => `${r.lhs} ${r.op} ${r.rhs}`);
    if (undefinedRows.length)
      this.warnings.push({
        code: "sem.std-undefined",
        message: `The ${type} standardized value${undefinedRows.length > 1 ? "s" : ""} of ${undefinedRows.join(", ")} ${undefinedRows.length > 1 ? "are" : "is"} undefined (a zero or negative variance, or an undefined defined parameter); shown as NA.`,
      });
    return out;
  }

  /** Standardised solution with delta-method standard errors (lavaan's `standardizedSolution()`). */
  standardizedSolution(opts?: StandardizedOptions): StandardizedTable {
    const o = checkOptions("standardizedSolution", opts, {
      type: { kind: "enum", values: ["std.all", "std.lv"], unsupportedValues: { "std.nox": "only std.all and std.lv are computed so far." } },
      level: LEVEL_SPEC,
    });
    const type = (o.type ?? "std.all") as StdType;
    const level = o.level ?? this.state.options.level;
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

  /** Why fit measures cannot be reported (not converged, or test "none"), or undefined. */
  private fitUnavailable(): string | undefined {
    if (!this.state.converged) return "the model did not converge (lavaan: \"fit measures not available if model did not converge\")";
    if (this.state.options.test === "none") return 'the fit was requested with test: "none"';
    return undefined;
  }

  /** All fit measures (lavaan names), or the named subset (names are case-insensitive, as in lavaan). */
  fitMeasures(names?: string | string[]): FitMeasures {
    const list = fitMeasureList(names);
    const why = this.fitUnavailable();
    if (why) throw new PathlabError(`fitMeasures(): fit measures are not available: ${why}.`, { code: "sem.no-fit-measures", hint: "Fix the model (see the fit's warnings) and fit again." });
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
        fixedX: pt.fixedX,
      });
    }
    const out = new FitMeasures(this.fitCache, list);
    const fm = this.fitCache;
    const overflow = list.filter((k) => fm[k] === Infinity || fm[k] === -Infinity);
    if (overflow.length)
      throw new PathlabError(`fitMeasures(): ${overflow.join(", ")} overflow${overflow.length > 1 ? "" : "s"} (the model-implied moments are too large for double precision).`, {
        code: "sem.overflow",
        hint: "Check fixed values in the model (e.g. 1e90*x1) and rescale variables measured in huge units.",
      });
    // NaN is "not applicable": p-values of a saturated model (lavaan: NA); anything else is flagged.
    const na = list.filter((k) => Number.isNaN(fm[k]) && !(fm.df === 0 && (k === "pvalue" || k === "rmsea.pvalue")));
    if (na.length) out.warnings.push({ code: "sem.measure-undefined", message: `Not defined for this model (shown as NA): ${na.join(", ")}.` });
    return out;
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
    const st = this.state;
    const lines = [
      `N = ${this.n}${this.dropped ? ` (${this.dropped} rows with missing values dropped)` : ""}; ${st.pt.nFree} free parameters; ${this.converged ? `converged in ${this.iterations} iterations` : `NOT converged (stopped after ${this.iterations} iterations, scaled gradient ${st.maxGrad.toExponential(2)})`}.`,
    ];
    if (this.fitUnavailable()) return lines;
    const fm = this.fitMeasures();
    const p = fm.df > 0 ? `p ${fm.pvalue < 0.001 ? "< .001" : `= ${fm.pvalue.toFixed(3)}`}` : "p not applicable (saturated model)";
    const ci = fm.df > 0 ? ` [${fm["rmsea.ci.lower"].toFixed(3)}, ${fm["rmsea.ci.upper"].toFixed(3)}]` : "";
    lines.push(`χ²(${fm.df}) = ${fm.chisq.toFixed(3)}, ${p}; CFI = ${fm.cfi.toFixed(3)}, TLI = ${fm.tli.toFixed(3)}, RMSEA = ${fm.rmsea.toFixed(3)}${ci}, SRMR = ${fm.srmr.toFixed(3)}`);
    return lines;
  }

  tables(): TableSpec[] {
    const pe = this.parameterEstimates({ standardized: this.converged }).tables();
    if (this.fitUnavailable()) return pe;
    return [this.fitMeasures(["chisq", "df", "pvalue", "cfi", "tli", "rmsea", "rmsea.ci.lower", "rmsea.ci.upper", "srmr", "gfi", "agfi"]).tables()[0], ...pe];
  }

  /** Text laid out like lavaan's `summary(fit, fit.measures, standardized)`. */
  summary(opts?: { fitMeasures?: boolean; standardized?: boolean; rsquare?: boolean }): string {
    const o = checkOptions("summary", opts, {
      fitMeasures: { kind: "boolean", aliases: ["fit.measures"] },
      standardized: { kind: "boolean" },
      rsquare: { kind: "boolean" },
    });
    return lavaanSummary(this, o);
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
  htmt(opts?: { htmt2?: boolean }): HtmtResult {
    return semHtmt(this, checkOptions("htmt", opts, { htmt2: { kind: "boolean" } }));
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

/** lavaan's fitMeasures(fit, names): "all" or a subset, lower-cased as lavaan does. */
function fitMeasureList(names: unknown): FitMeasureName[] {
  if (names === undefined || names === null) return [...FIT_MEASURE_NAMES];
  const list = typeof names === "string" ? [names] : Array.isArray(names) ? names : null;
  if (!list || list.some((n) => typeof n !== "string"))
    throw new PathlabError(`fitMeasures(): names must be a string or an array of strings; got ${describeValue(names)}.`, {
      code: "options.bad-value",
      hint: 'Write fitMeasures(["cfi", "rmsea"]) or fitMeasures() for all.',
    });
  const out: FitMeasureName[] = [];
  for (const raw of list as string[]) {
    const nm = raw.toLowerCase();
    if (nm === "all") {
      out.push(...FIT_MEASURE_NAMES);
      continue;
    }
    if ((FIT_MEASURE_NAMES as readonly string[]).includes(nm)) {
      out.push(nm as FitMeasureName);
      continue;
    }
    const lavaanOnly = LAVAAN_ONLY_MEASURES.includes(nm);
    throw new PathlabError(
      lavaanOnly ? `fitMeasures(): "${raw}" is a lavaan fit measure pathlab does not compute yet.` : `fitMeasures(): unknown fit measure ${JSON.stringify(raw)}.`,
      { hint: `Available: ${FIT_MEASURE_NAMES.join(", ")}.`, code: lavaanOnly ? "options.unsupported" : "options.unknown" },
    );
  }
  return out;
}

/** lavaan 0.6.14 measures not computed here (scaled/robust versions need estimators pathlab lacks). */
const LAVAAN_ONLY_MEASURES = [
  "fmin", "chisq.scaled", "df.scaled", "pvalue.scaled", "chisq.scaling.factor", "baseline.chisq.scaled", "baseline.df.scaled",
  "baseline.pvalue.scaled", "baseline.chisq.scaling.factor", "cfi.scaled", "tli.scaled", "cfi.robust", "tli.robust", "nnfi.scaled",
  "nnfi.robust", "rfi", "rfi.scaled", "nfi.scaled", "ifi.scaled", "rni.scaled", "rni.robust", "pnfi", "scaling.factor.h1",
  "scaling.factor.h0", "ntotal", "rmsea.scaled", "rmsea.ci.lower.scaled", "rmsea.ci.upper.scaled", "rmsea.pvalue.scaled",
  "rmsea.robust", "rmsea.ci.lower.robust", "rmsea.ci.upper.robust", "rmsea.pvalue.robust", "rmsea.notclose.pvalue", "rmr",
  "rmr_nomean", "srmr_bentler", "srmr_bentler_nomean", "crmr", "crmr_nomean", "srmr_mplus", "srmr_mplus_nomean", "cn_05",
  "cn_01", "pgfi", "mfi", "ecvi", "wrmr",
];
