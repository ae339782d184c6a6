/**
 * Monte Carlo power analysis (Muthén & Muthén, 2002; Schoemann, Boulton & Short, 2017): simulate
 * many data sets from the hypothesised population at each N, analyse each as the study would, and
 * report the share of significant results. Seeded and reproducible: every replication draws from
 * its own stream, seeded from (seed, n, replication), so the same seed gives the same table on any
 * number of threads (src/simulate/parallel.ts).
 */
import { PathlabError } from "../errors";
import { checkOptions, describeValue, type OptionSpecs } from "../options";
import { progressBar } from "../display/notebook";
import { runParallel, runParallelAsync } from "../simulate/parallel";
import { mergeTallies, powerTask, type PowerJob, type PowerJobSettings, type PowerTally } from "./engine";
import { regressionPower } from "./analytic";
import {
  buildPowerModel,
  checkPowerSpec,
  type MediationPowerSpec,
  type ModeratedMediationPowerSpec,
  type ModerationPowerSpec,
  type PowerModelKind,
} from "./models";
import { PowerResult, type PowerRow } from "./result";

/** Options of the Monte Carlo power functions: sample sizes, replications, α, the indirect-effect interval and its draws, seed, progress. */
export interface PowerOptions {
  /** Sample size(s) to evaluate. */
  n: number | number[];
  /** Replications per sample size. Default 1000. */
  reps?: number;
  /** Significance level; the CI is the (1 − alpha) percentile interval. Default .05. */
  alpha?: number;
  /** How indirect effects are tested. Default "montecarlo". */
  ci?: "montecarlo" | "bootstrap";
  /** Monte Carlo draws (default 5000) or bootstrap resamples (default 1000) per replication. */
  draws?: number;
  /** Seed of the whole analysis. Default 1. */
  seed?: number;
  /** Called as replications finish (e.g. to drive a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /**
   * CPU threads, this one included (default: every core when the job is long enough to pay for
   * starting them). The table is identical whatever the number.
   */
  threads?: number;
}

/** Options of `powerAsync` (the same as the synchronous functions'). */
export type PowerAsyncOptions = PowerOptions;

const CHUNK = 50;

const POWER_OPTIONS: OptionSpecs = {
  n: {
    kind: "custom",
    check: (v) =>
      typeof v === "number" || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "number"))
        ? undefined
        : `must be a sample size or an array of sample sizes; got ${describeValue(v)}`,
    expected: "a whole number such as 200, or an array such as [100, 200, 300]",
  },
  reps: { kind: "number", min: 1, integer: true },
  alpha: { kind: "number", min: 0, max: 0.5, exclusiveMin: true, exclusiveMax: true, rangeHint: "alpha is a significance level such as 0.05 (not 5)." },
  ci: {
    kind: "enum",
    values: ["montecarlo", "bootstrap"],
    caseInsensitive: true,
    valueAliases: { "monte carlo": "montecarlo", mc: "montecarlo", boot: "bootstrap" },
  },
  draws: { kind: "number", min: 100, integer: true },
  seed: { kind: "seed" },
  onProgress: { kind: "custom", check: (v) => (typeof v === "function" ? undefined : "must be a function (done, total) => void"), expected: "a function" },
  threads: { kind: "number", min: 1, max: 256, integer: true, rangeHint: "threads is the number of CPU threads, e.g. 2; leave it out to use every core." },
};

/** Replications × (rows + draws) above which a run shows a progress bar (a few seconds of work). */
const LONG_RUN = 1e7;

function settingsOf(fn: string, options: PowerOptions): { ns: number[]; s: PowerJobSettings } {
  const o = checkOptions<PowerOptions>(fn, options, POWER_OPTIONS);
  if (o.n === undefined) throw new PathlabError(`${fn}() needs the sample size(s) \`n\`.`, { hint: "e.g. { n: [100, 200, 300] }", code: "power.bad-spec" });
  const ns = (Array.isArray(o.n) ? o.n : [o.n]).slice();
  for (const n of ns) {
    if (!Number.isInteger(n) || n < 5)
      throw new PathlabError(`Sample size ${n} is not an integer ≥ 5.`, {
        hint: "Give whole numbers of cases, e.g. n: [100, 200, 300].",
        code: "power.bad-spec",
      });
  }
  const uniq = Array.from(new Set(ns)).sort((a, b) => a - b);
  const reps = o.reps ?? 1000;
  const alpha = o.alpha ?? 0.05;
  const ci = o.ci ?? "montecarlo";
  const draws = o.draws ?? (ci === "montecarlo" ? 5000 : 1000);
  const seed = o.seed ?? 1;
  return { ns: uniq, s: { reps, alpha, ci, draws, seed } };
}

/** Rough work estimate (rows plus draws per replication; a bootstrap draw refits on n rows). */
function workOf(kind: PowerModelKind, spec: unknown, ns: number[], s: PowerJobSettings): number {
  const draws = buildPowerModel(kind, spec).effects.some((e) => e.test === "ci") ? s.draws : 0;
  return ns.reduce((acc, n) => acc + s.reps * (n + draws * (s.ci === "bootstrap" ? n / 20 : 1)), 0);
}

/** The caller's onProgress, or a notebook progress bar for a long run (none outside a notebook). */
function progressFor(o: PowerOptions, total: number, work: number, label: string): { update?: (done: number, total: number) => void; finish: () => void } {
  if (o.onProgress) return { update: o.onProgress, finish: () => {} };
  if (work < LONG_RUN) return { finish: () => {} };
  const bar = progressBar(total, label);
  return { update: (done) => bar.update(done), finish: () => bar.finish() };
}

function assemble(kind: PowerModelKind, spec: unknown, ns: number[], s: PowerJobSettings, tallies: PowerTally[], threads: number, t0: number): PowerResult {
  const model = buildPowerModel(kind, spec);
  const merged = mergeTallies(ns, tallies, model.effects.length);
  const rows: PowerRow[] = [];
  for (const t of merged) {
    const ok = t.reps - t.failed;
    model.effects.forEach((e, i) => {
      const p = ok > 0 ? t.significant[i] / ok : NaN;
      rows.push({
        n: t.n,
        effect: e.name,
        test: e.test,
        power: p,
        mcse: Math.sqrt((p * (1 - p)) / ok),
        reps: ok,
        failed: t.failed,
        population: e.population,
        meanEstimate: ok > 0 ? t.sumEstimate[i] / ok : NaN,
        analytic: e.test === "t" && e.f2 !== undefined ? regressionPower({ f2: e.f2, n: t.n, predictors: e.predictors ?? 1, alpha: s.alpha }) : undefined,
      });
    });
  }
  return new PowerResult(kind, model.description, model.effects, rows, { ...s, threads, elapsedMs: Date.now() - t0 });
}

/** Threads and progress reporting of a run (the caller's, or a notebook bar for a long run). */
function runOptions(o: PowerOptions, s: PowerJobSettings, total: number, work: number) {
  const progress = progressFor(o, total, work, `Power simulation (${total} replications)`);
  // Below ~50 ms of work a worker's start-up costs more than it saves.
  const threads = o.threads ?? (work > 2e6 ? undefined : 1);
  // A bootstrap replication refits the model `draws` times: smaller chunks keep an interrupt prompt.
  const chunkSize = s.ci === "bootstrap" ? CHUNK / 5 : CHUNK;
  return { progress, options: { count: total, chunkSize, threads, onProgress: progress.update } };
}

function prepare(fn: string, kind: PowerModelKind, spec: unknown, options: PowerOptions) {
  checkPowerSpec(kind, spec);
  buildPowerModel(kind, spec); // validate before any work
  const { ns, s } = settingsOf(fn, options);
  const job: PowerJob = { kind, spec, settings: s, ns };
  return { ns, s, job, ...runOptions(options, s, ns.length * s.reps, workOf(kind, spec, ns, s)) };
}

function runSync(fn: string, kind: PowerModelKind, spec: unknown, options: PowerOptions): PowerResult {
  const t0 = Date.now();
  const { ns, s, job, progress, options: ro } = prepare(fn, kind, spec, options);
  try {
    const run = runParallel(powerTask, job, ro);
    return assemble(kind, spec, ns, s, run.results.flat(), run.threads, t0);
  } finally {
    progress.finish();
  }
}

/**
 * Power of simple or parallel mediation (indirect effects by Monte Carlo or bootstrap CI; a, b and
 * c′ paths by t tests), from standardised paths or the correlation matrix of [X, M…, Y].
 * Data: multivariate normal with the implied correlations; analysis: OLS of each M on X and of Y on
 * X and all M (PROCESS model 4).
 *
 * @example
 * powerMediation({ a: 0.3, b: 0.3, cp: 0.1 }, { n: [100, 150, 200], reps: 1000, seed: 1 })
 */
export function powerMediation(spec: MediationPowerSpec, options: PowerOptions): PowerResult {
  return runSync("powerMediation", "mediation", spec, options);
}

/** Power of the t test of the interaction term b3 in Y = b0 + b1·X + b2·W + b3·X·W + e (X, W normal). */
export function powerModeration(spec: ModerationPowerSpec, options: PowerOptions): PowerResult {
  return runSync("powerModeration", "moderation", spec, options);
}

/**
 * Power of the index of moderated mediation a3·b of PROCESS model 7 (first-stage moderation),
 * tested by its Monte Carlo (or bootstrap) CI, plus the conditional indirect effects at W = ±1 SD
 * and t tests of a3, b and c′.
 */
export function powerModeratedMediation(spec: ModeratedMediationPowerSpec, options: PowerOptions): PowerResult {
  return runSync("powerModeratedMediation", "moderated-mediation", spec, options);
}

/**
 * The same analyses without blocking the event loop, resolving to an identical table: the
 * calling thread yields between chunks (a notebook progress bar updates, a kernel interrupt stops
 * every thread at once). `kind` is "mediation", "moderation" or "moderated-mediation"; `spec` is
 * that model's specification.
 */
export async function powerAsync(
  kind: PowerModelKind,
  spec: MediationPowerSpec | ModerationPowerSpec | ModeratedMediationPowerSpec,
  options: PowerAsyncOptions,
): Promise<PowerResult> {
  const t0 = Date.now();
  const { ns, s, job, progress, options: ro } = prepare("powerAsync", kind, spec, options);
  try {
    const run = await runParallelAsync(powerTask, job, ro);
    return assemble(kind, spec, ns, s, run.results.flat(), run.threads, t0);
  } finally {
    progress.finish();
  }
}
