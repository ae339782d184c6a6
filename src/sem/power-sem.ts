/**
 * Monte Carlo power for a structural equation model, as simsem's `sim()` does it (Pornprasertmanit
 * et al.; Muthén & Muthén 2002): draw `reps` data sets of size N from a population model with fixed
 * values, fit the analysis model to each by ML, and summarise per parameter the rejection rate of
 * H0: θ = 0 (power, or the type I error rate where the population value is 0), the coverage of
 * the Wald interval est ± z·SE, the mean estimate and its bias, the SD of the estimates beside
 * the mean SE, and the count of non-converged and improper (Heywood) solutions.
 *
 * Data: x = L z with z ~ N(0, I) and L Lᵀ = Σ, the population covariance (population.ts); each
 * replicate's sample covariance (divisor N − 1) is fitted as lavaan fits raw data without a
 * mean structure (the estimates and SEs are those of the raw-data fit).
 *
 * Population values of the analysis parameters: the analysis model fitted to Σ itself (divisor N,
 * so S = Σ exactly). For a correctly specified model these are the true values in the analysis
 * model's own scaling (e.g. a marker loading fixed at 1 rescales the others); for a misspecified
 * one they are the pseudo-true values its estimates converge to. Bias and coverage refer to them.
 *
 * Each replicate is fitted from the population values (a warm start: fewer iterations, and the
 * ML solution does not depend on the start), and again from lavaan's default starts when that
 * does not converge. Statistics use the converged replicates (improper solutions included, and counted). Replicate k
 * draws from its own stream `itemRng(seed, k)`, the same at every N and on any number of threads,
 * so a run is bit-identical whatever `threads`, and the row for N = 200 does not depend on which
 * other N are in the grid.
 *
 * @example
 * const pw = powerSem(`
 *   X =~ 0.7*x1 + 0.7*x2 + 0.7*x3
 *   M =~ 0.7*m1 + 0.7*m2 + 0.7*m3
 *   Y =~ 0.7*y1 + 0.7*y2 + 0.7*y3
 *   M ~ a*0.4*X
 *   Y ~ b*0.3*M + 0.1*X
 *   ab := a*b`, { n: [100, 200], reps: 500, seed: 1 });
 * pw.power("ab", 200); pw.plot();
 */
import { PathlabError } from "../errors";
import { checkOptions, checkSeed, type OptionSpecs } from "../options";
import { checkMemory } from "../resources";
import { progressBar } from "../display/notebook";
import { qnorm } from "../math/distributions";
import { twoSidedP } from "../math/formulas";
import { choleskyFlat } from "../math/linalg";
import { defaultThreads, parallelTask, runParallel } from "../simulate/parallel";
import { itemRng } from "../simulate/rng";
import { sem, type SemFit } from "./fit";
import { LEVEL_SPEC } from "./options";
import { buildParTable } from "./partable";
import { populationCovariance } from "./population";
import { parseModelSyntax } from "./syntax";
import { PowerSemResult, type PowerSemConvergence, type PowerSemRow } from "./power-sem-result";

/** Options of `powerSem()` (checked by name: an unknown one is an error listing these). */
export interface PowerSemOptions {
  /** Sample size, or several for a power curve (e.g. [100, 150, 200]). */
  n: number | number[];
  /** Replications per N (default 1000). */
  reps?: number;
  /** Integer seed (required): the same seed gives the same table on any machine and thread count. */
  seed: number;
  /** Model fitted to each replicate (default: the population model with its values freed, labels kept). */
  analysisModel?: string;
  /** Significance level of the z tests (default 0.05); or give `level`, the interval's coverage (1 − alpha). */
  alpha?: number;
  level?: number;
  /** Unwritten residual variances make every variable's variance 1 (default true; false: they are 1). */
  standardized?: boolean;
  /** Analysis fit: scale factors by their variance instead of a marker loading (lavaan's std.lv). */
  stdLv?: boolean;
  "std.lv"?: boolean;
  /** "default": loadings, paths, covariances and := effects; "all" adds the variances; "structural": paths among latent variables, their covariances and := effects. */
  parameters?: "default" | "all" | "structural";
  /** CPU threads, this one included (default: every core). Results are identical for any number. */
  threads?: number;
}

const SPECS: OptionSpecs = {
  n: { kind: "custom", check: (v) => (nsOf(v) ? undefined : "must be a whole number ≥ 2 or an array of them."), expected: "e.g. 200 or [100, 150, 200]" },
  reps: { kind: "number", min: 2, integer: true, rangeHint: "Use a whole number of replications such as 1000." },
  seed: { kind: "seed" },
  analysisModel: { kind: "string", aliases: ["analysis.model", "model"] },
  alpha: { kind: "number", min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, rangeHint: "e.g. alpha: 0.05." },
  level: LEVEL_SPEC,
  standardized: { kind: "boolean" },
  stdLv: { kind: "boolean", aliases: ["std.lv"] },
  parameters: { kind: "enum", values: ["default", "all", "structural"] },
  threads: { kind: "number", min: 1, max: 256, integer: true, rangeHint: "threads is the number of CPU threads, e.g. 2; leave it out to use every core." },
};

function nsOf(v: unknown): number[] | null {
  const list = Array.isArray(v) ? v : [v];
  if (!list.length || !list.every((x) => typeof x === "number" && Number.isInteger(x) && x >= 2 && x <= 1e7)) return null;
  return list as number[];
}

/** What crosses to the worker threads: plain data only. */
export interface PowerSemInput {
  analysis: string;
  /** The analysis model with start(v) at the population values (the first attempt of each fit). */
  warmStart: string;
  names: string[];
  /** Cholesky factor of the population Σ over `names` (row-major, lower). */
  L: Float64Array;
  ns: number[];
  reps: number;
  seed: number;
  stdLv: boolean;
  /** Indices of the parameterEstimates() rows collected. */
  rows: number[];
}

/** Values per replicate: status (0 converged, 1 not converged, 2 fit failed), Heywood flag, then est and SE per collected row. */
export function stride(input: PowerSemInput): number {
  return 2 + 2 * input.rows.length;
}

/** Sample covariance (divisor N − 1) of N draws x = L z from replicate k's stream. */
function drawCovariance(input: PowerSemInput, n: number, k: number): number[][] {
  const p = input.names.length;
  const g = itemRng(input.seed, k);
  const L = input.L;
  const z = new Float64Array(p);
  const x = new Float64Array(p);
  const sum = new Float64Array(p);
  const cross = new Float64Array(p * p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) z[j] = g.normal();
    for (let a = 0; a < p; a++) {
      let s = 0;
      for (let b = 0; b <= a; b++) s += L[a * p + b] * z[b];
      x[a] = s;
      sum[a] += s;
    }
    for (let a = 0; a < p; a++) for (let b = 0; b <= a; b++) cross[a * p + b] += x[a] * x[b];
  }
  const S: number[][] = Array.from({ length: p }, () => new Array(p).fill(0));
  for (let a = 0; a < p; a++) for (let b = 0; b <= a; b++) S[a][b] = S[b][a] = (cross[a * p + b] - (sum[a] * sum[b]) / n) / (n - 1);
  return S;
}

/** A fit from the population values, else from lavaan's default starts; null when both throw. */
function fitOnce(input: PowerSemInput, S: number[][], n: number): SemFit | null {
  let fit: SemFit | null = null;
  for (const model of [input.warmStart, input.analysis]) {
    try {
      fit = sem(model, { cov: S, n, names: input.names }, { stdLv: input.stdLv });
      if (fit.converged) return fit;
    } catch {
      /* next start, or a failed replicate */
    }
  }
  return fit;
}

function fitReplicate(input: PowerSemInput, n: number, k: number, out: Float64Array, off: number): void {
  out.fill(NaN, off, off + stride(input));
  const fit = fitOnce(input, drawCovariance(input, n, k), n);
  if (!fit) {
    out[off] = 2;
    out[off + 1] = 0;
    return;
  }
  out[off] = fit.converged ? 0 : 1;
  out[off + 1] = fit.warnings.some((w) => w.code === "sem.heywood") ? 1 : 0;
  if (!fit.converged) return;
  const rows = fit.parameterEstimates().rows;
  input.rows.forEach((r, j) => {
    out[off + 2 + 2 * j] = rows[r].est;
    out[off + 3 + 2 * j] = rows[r].se;
  });
}

/** Replicates [from, to) of the grid (item i = N index ⌊i / reps⌋, replicate i mod reps). */
export const powerSemTask = parallelTask(__filename, "powerSemTask", (input: PowerSemInput, from: number, to: number) => {
  const w = stride(input);
  const out = new Float64Array((to - from) * w);
  for (let i = from; i < to; i++) fitReplicate(input, input.ns[Math.floor(i / input.reps)], i % input.reps, out, (i - from) * w);
  return out;
});

/** The analysis model at the population: its parameter table rows and population values. */
function populationFit(analysis: string, names: string[], sigma: Float64Array, stdLv: boolean): { fit: SemFit; names: string[] } {
  const p = names.length;
  const cov = Array.from({ length: p }, (_, i) => Array.from(sigma.subarray(i * p, (i + 1) * p)));
  const fit = sem(analysis, { cov, n: 1000, names }, { stdLv, sampleCovRescale: false });
  if (!fit.converged)
    throw new PathlabError("powerSem(): the analysis model does not converge on the population covariance matrix, so its population values are unknown.", {
      code: "sem.not-converged",
      hint: "Check that the analysis model is identified; fit it to populationCovariance(model).sigma to see the problem.",
    });
  return { fit, names };
}

/**
 * Monte Carlo power of an SEM (simsem's `sim()`): data drawn from `populationModel` (lavaan syntax
 * with a value for every loading and path; unwritten residual variances make every variance 1),
 * the analysis model (default: the same model with its values freed) fitted by ML to each of
 * `reps` samples per N, and per parameter the rejection rate, interval coverage, mean estimate,
 * bias, SD of the estimates vs mean SE; non-converged and Heywood replicates counted. Runs on
 * every core; identical results for any `threads`. See the module comment for the conventions.
 * @param populationModel lavaan syntax with a value for every loading and path.
 * @example
 * const pw = powerSem("X =~ 0.7*x1 + 0.7*x2 + 0.7*x3\nY =~ 0.7*y1 + 0.7*y2 + 0.7*y3\nY ~ 0.3*X", { n: [100, 150, 200], reps: 500, seed: 1 });
 * pw.power("Y ~ X", 200); // rejection rate at N = 200
 * pw.plot();              // power curve
 */
export function powerSem(populationModel: string, options: PowerSemOptions): PowerSemResult {
  const o = checkOptions("powerSem", options, SPECS) as Partial<PowerSemOptions>;
  if (o.seed === undefined)
    throw new PathlabError("powerSem() needs a seed so the result can be reproduced.", {
      code: "options.bad-seed",
      hint: "e.g. powerSem(model, { n: 200, reps: 1000, seed: 1 })",
    });
  checkSeed(o.seed);
  if (o.n === undefined)
    throw new PathlabError("powerSem() needs the sample size n.", { code: "options.missing", hint: "e.g. n: 200, or n: [100, 150, 200] for a power curve." });
  if (o.alpha !== undefined && o.level !== undefined && Math.abs(o.alpha - (1 - o.level)) > 1e-12)
    throw new PathlabError(`powerSem(): alpha ${o.alpha} and level ${o.level} disagree (level = 1 − alpha).`, {
      code: "options.bad-value",
      hint: "Give one of them.",
    });
  const alpha = o.alpha ?? (o.level !== undefined ? 1 - o.level : 0.05);
  const ns = [...new Set(nsOf(o.n)!)].sort((a, b) => a - b);
  const reps = o.reps ?? 1000;
  const stdLv = o.stdLv ?? false;
  const pop = populationCovariance(populationModel, { standardized: o.standardized });
  const analysis = o.analysisModel ?? pop.freedSyntax;
  // The analysis model's observed variables, in lavaan's order, must all be in the population.
  const names = buildParTable(parseModelSyntax(analysis), { stdLv }).vars.ov;
  const missing = names.filter((v) => !pop.ov.includes(v));
  if (missing.length)
    throw new PathlabError(`powerSem(): the analysis model uses ${missing.join(", ")}, which the population model does not have.`, {
      code: "sem.unknown-variable",
      hint: "Write every observed variable of the analysis model into the population model.",
    });
  const idx = names.map((v) => pop.ov.indexOf(v));
  const p0 = pop.ov.length;
  const sigma = Float64Array.from({ length: names.length ** 2 }, (_, t) => pop.sigma[idx[Math.floor(t / names.length)] * p0 + idx[t % names.length]]);
  const { fit } = populationFit(analysis, names, sigma, stdLv);
  const table = fit.parameterEstimates().rows;
  const lv = new Set(fit.lv);
  const rows = table.map((r, i) => (reported(r, o.parameters ?? "default", lv) ? i : -1)).filter((i) => i >= 0);
  const L = choleskyFlat(sigma, names.length)!;
  const input: PowerSemInput = { analysis, warmStart: warmStartSyntax(analysis, table), names, L, ns, reps, seed: o.seed, stdLv, rows };
  const total = ns.length * reps;
  checkMemory(
    8 * total * stride(input),
    `the power simulation (${total.toLocaleString("en")} fits × ${rows.length} parameters)`,
    "Lower reps or the number of sample sizes.",
  );
  const bar = progressBar(total, "powerSem");
  let values: Float64Array;
  let threadsUsed: number;
  try {
    const chunkSize = 10;
    // One fit takes about 10 μs per (parameter × variable) here; below ~100 ms of work a worker's start-up costs more than it saves.
    const perFitMs = 0.01 * table.length * names.length;
    const threads = o.threads ?? (total * perFitMs < 100 ? 1 : defaultThreads());
    const run = runParallel(powerSemTask, input, { count: total, chunkSize, threads, onProgress: (d) => bar.update(d) });
    threadsUsed = run.threads;
    values = new Float64Array(total * stride(input));
    run.results.forEach((r, c) => values.set(r, c * chunkSize * stride(input)));
  } finally {
    bar.finish();
  }
  const { summary, convergence } = summarise(input, values, table, alpha);
  return new PowerSemResult(summary, convergence, {
    reps,
    alpha,
    seed: o.seed,
    threads: threadsUsed,
    standardized: o.standardized !== false,
    stdLv,
    analysisModel: analysis,
    populationModel,
    populationSigma: sigma,
    names,
  });
}

/** Whether a parameterEstimates() row is reported under the `parameters` option. */
function reported(r: { lhs: string; op: string; rhs: string; free: number }, which: string, lv: Set<string>): boolean {
  if (r.op === ":=") return true;
  if (r.free <= 0) return false;
  const variance = r.op === "~~" && r.lhs === r.rhs;
  if (which === "all") return true;
  if (which === "default") return !variance;
  return !variance && r.op !== "=~" && (r.op === "~" || (lv.has(r.lhs) && lv.has(r.rhs)));
}

/**
 * The analysis model with a start value at the population value for every free parameter
 * (repeated statements merge, later modifiers winning, as in lavaan).
 */
function warmStartSyntax(analysis: string, table: { lhs: string; op: string; rhs: string; free: number; est: number }[]): string {
  const lines = table.filter((r) => r.free > 0 && (r.op === "=~" || r.op === "~" || r.op === "~~")).map((r) => `${r.lhs} ${r.op} start(${r.est})*${r.rhs}`);
  return `${analysis}\n${lines.join("\n")}`;
}

interface TableRow {
  lhs: string;
  op: string;
  rhs: string;
  label: string;
  est: number;
}

/** Per N and parameter: rejection rate, coverage, mean estimate, SDs; per N: convergence counts. */
function summarise(
  input: PowerSemInput,
  values: Float64Array,
  table: TableRow[],
  alpha: number,
): { summary: PowerSemRow[]; convergence: PowerSemConvergence[] } {
  const w = stride(input);
  const zc = qnorm(1 - alpha / 2);
  const summary: PowerSemRow[] = [];
  const convergence: PowerSemConvergence[] = [];
  input.ns.forEach((n, j) => {
    const base = j * input.reps;
    let conv = 0;
    let nonConv = 0;
    let failed = 0;
    let heywood = 0;
    for (let k = 0; k < input.reps; k++) {
      const s = values[(base + k) * w];
      if (s === 0) conv++;
      else if (s === 1) nonConv++;
      else failed++;
      if (s === 0 && values[(base + k) * w + 1] === 1) heywood++;
    }
    convergence.push({ n, reps: input.reps, converged: conv, nonConverged: nonConv, failed, heywood });
    input.rows.forEach((r, q) => {
      const t = table[r];
      const truth = t.est;
      let m = 0;
      let sumSe = 0;
      let reject = 0;
      let cover = 0;
      let ests: number[] = [];
      for (let k = 0; k < input.reps; k++) {
        const off = (base + k) * w;
        if (values[off] !== 0) continue;
        const est = values[off + 2 + 2 * q];
        const se = values[off + 3 + 2 * q];
        if (!Number.isFinite(est) || !Number.isFinite(se)) continue;
        ests.push(est);
        sumSe += se;
        // lavaan's parameterEstimates(): an SE of 0 gives no z, no p (not rejected), a zero-width interval.
        if (se > 0 && twoSidedP(est / se) < alpha) reject++;
        if (Math.abs(est - truth) <= zc * se) cover++;
      }
      const v = ests.length;
      for (const e of ests) m += e;
      m /= v;
      let ss = 0;
      for (const e of ests) ss += (e - m) * (e - m);
      ests = [];
      const power = reject / v;
      summary.push({
        n,
        parameter: parameterName(t),
        lhs: t.lhs,
        op: t.op,
        rhs: t.rhs,
        label: t.label,
        population: truth,
        meanEstimate: m,
        bias: m - truth,
        sdEstimate: Math.sqrt(ss / (v - 1)),
        meanSE: sumSe / v,
        power,
        mcse: Math.sqrt((power * (1 - power)) / v),
        coverage: cover / v,
        valid: v,
      });
    });
  });
  return { summary, convergence };
}

/** "f2~f1", "ab := a*b": the parameter's name in the tables. */
export function parameterName(t: { lhs: string; op: string; rhs: string }): string {
  return t.op === ":=" ? `${t.lhs} := ${t.rhs}` : `${t.lhs} ${t.op} ${t.rhs}`;
}
