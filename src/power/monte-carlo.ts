/**
 * Monte Carlo power analysis (Muthén & Muthén, 2002; Schoemann, Boulton & Short, 2017): simulate
 * many data sets from the hypothesised population at each N, analyse each as the study would, and
 * report the share of significant results. Seeded and reproducible: the same seed gives the same
 * table whether it runs on one thread or two.
 */
import * as path from "path";
import { cancellation } from "../display/notebook";
import { PathlabError } from "../errors";
import { checkOptions, describeValue, type OptionSpecs } from "../options";
import { progressBar } from "../display/notebook";
import { makeChunks, mergeTallies, runChunk, type PowerJobSettings, type PowerTally } from "./engine";
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
}

export interface PowerAsyncOptions extends PowerOptions {
  /** Worker threads (default: 2 when the job is large enough to pay for the start-up, else 1). */
  threads?: number;
}

const CHUNK = 50;

const POWER_OPTIONS: OptionSpecs = {
  n: {
    kind: "custom",
    check: (v) => (typeof v === "number" || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "number")) ? undefined : `must be a sample size or an array of sample sizes; got ${describeValue(v)}`),
    expected: "a whole number such as 200, or an array such as [100, 200, 300]",
  },
  reps: { kind: "number", min: 1, integer: true },
  alpha: { kind: "number", min: 0, max: 0.5, exclusiveMin: true, exclusiveMax: true, rangeHint: "alpha is a significance level such as 0.05 (not 5)." },
  ci: { kind: "enum", values: ["montecarlo", "bootstrap"], caseInsensitive: true, valueAliases: { "monte carlo": "montecarlo", mc: "montecarlo", boot: "bootstrap" } },
  draws: { kind: "number", min: 100, integer: true },
  seed: { kind: "seed" },
  onProgress: { kind: "custom", check: (v) => (typeof v === "function" ? undefined : "must be a function (done, total) => void"), expected: "a function" },
};

const ASYNC_OPTIONS: OptionSpecs = { ...POWER_OPTIONS, threads: { kind: "number", min: 1, max: 64, integer: true } };

/** Replications × (rows + draws) above which a run shows a progress bar (a few seconds of work). */
const LONG_RUN = 1e7;

function settingsOf(fn: string, options: PowerOptions, specs: OptionSpecs = POWER_OPTIONS): { ns: number[]; s: PowerJobSettings } {
  const o = checkOptions<PowerOptions>(fn, options, specs);
  if (o.n === undefined) throw new PathlabError(`${fn}() needs the sample size(s) \`n\`.`, { hint: "e.g. { n: [100, 200, 300] }", code: "power.bad-spec" });
  const ns = (Array.isArray(o.n) ? o.n : [o.n]).slice();
  for (const n of ns) {
    if (!Number.isInteger(n) || n < 5) throw new PathlabError(`Sample size ${n} is not an integer ≥ 5.`, { hint: "Give whole numbers of cases, e.g. n: [100, 200, 300].", code: "power.bad-spec" });
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

function runSync(fn: string, kind: PowerModelKind, spec: unknown, options: PowerOptions): PowerResult {
  const t0 = Date.now();
  checkPowerSpec(kind, spec);
  buildPowerModel(kind, spec); // validate before any work
  const { ns, s } = settingsOf(fn, options);
  const work = workOf(kind, spec, ns, s);
  const chunks = makeChunks(ns, s.reps, CHUNK);
  const total = ns.length * s.reps;
  const progress = progressFor(options, total, work, `Power simulation (${total} replications)`);
  let done = 0;
  const tallies: PowerTally[] = [];
  for (const c of chunks) {
    tallies.push(runChunk(kind, spec, s, c));
    done += c.to - c.from;
    progress.update?.(done, total);
  }
  progress.finish();
  return assemble(kind, spec, ns, s, tallies, 1, t0);
}

/**
 * Power of simple or parallel mediation (indirect effects by Monte Carlo or bootstrap CI; a, b and
 * c′ paths by t tests), from standardised paths or the correlation matrix of [X, M…, Y].
 * Data: multivariate normal with the implied correlations; analysis: OLS of each M on X and of Y on
 * X and all M (PROCESS model 4).
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

/** The worker script next to this module (compiled .js, or .ts under tsx in tests). */
function workerEntry(): { file: string; eval: boolean } {
  const ext = path.extname(__filename);
  const file = path.join(__dirname, "worker" + ext);
  if (ext === ".ts") return { file: `require("tsx/cjs"); require(${JSON.stringify(file)});`, eval: true };
  return { file, eval: false };
}

/**
 * The same analyses on worker threads (both cores by default), resolving to an identical table
 * (replications are seeded individually). `kind` is "mediation", "moderation" or
 * "moderated-mediation"; `spec` is that model's specification. With `threads: 1` it runs in this
 * thread but yields between chunks, so a notebook progress bar can update.
 */
export async function powerAsync(
  kind: PowerModelKind,
  spec: MediationPowerSpec | ModerationPowerSpec | ModeratedMediationPowerSpec,
  options: PowerAsyncOptions,
): Promise<PowerResult> {
  const t0 = Date.now();
  checkPowerSpec(kind, spec);
  buildPowerModel(kind, spec);
  const { ns, s } = settingsOf("powerAsync", options, ASYNC_OPTIONS);
  const work = workOf(kind, spec, ns, s);
  const chunks = makeChunks(ns, s.reps, CHUNK);
  const total = ns.length * s.reps;
  // Below ~2e7 units of work the ~100 ms worker start-up is not worth it.
  const threads = options.threads ?? (work > 2e7 ? 2 : 1);
  const progress = progressFor(options, total, work, `Power simulation (${total} replications)`);
  let done = 0;
  const tallies: PowerTally[] = [];
  // A kernel interrupt stops the work: the loop checks the flag, workers are terminated.
  const cancel = cancellation();
  if (threads === 1) {
    for (const c of chunks) {
      cancel.check();
      tallies.push(runChunk(kind, spec, s, c));
      done += c.to - c.from;
      progress.update?.(done, total);
      await new Promise<void>((r) => setImmediate(r));
    }
    progress.finish();
    return assemble(kind, spec, ns, s, tallies, 1, t0);
  }
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { Worker } = require("worker_threads") as typeof import("worker_threads");
  const entry = workerEntry();
  const workers = Array.from({ length: Math.min(threads, chunks.length) }, () => new Worker(entry.file, { eval: entry.eval }));
  let stopOnInterrupt = () => {};
  try {
    let next = 0;
    await new Promise<void>((resolve, reject) => {
      stopOnInterrupt = cancel.onCancel((err) => {
        next = chunks.length;
        reject(err);
        for (const w of workers) void w.terminate();
      });
      let active = 0;
      const feed = (w: import("worker_threads").Worker) => {
        if (next >= chunks.length) {
          if (active === 0) resolve();
          return;
        }
        const id = next++;
        active++;
        w.postMessage({ kind, spec, settings: s, chunk: chunks[id], id });
      };
      for (const w of workers) {
        w.on("message", (m: { id: number; tally?: PowerTally; error?: string }) => {
          active--;
          if (m.error) {
            reject(new PathlabError(`Power worker failed: ${m.error}`, { hint: "Run with threads: 1 to see the error in this thread.", code: "power.worker" }));
            return;
          }
          tallies.push(m.tally!);
          done += chunks[m.id].to - chunks[m.id].from;
          progress.update?.(done, total);
          feed(w);
          if (next >= chunks.length && active === 0) resolve();
        });
        w.on("error", (e) => reject(e));
        feed(w);
      }
    });
  } finally {
    stopOnInterrupt();
    await Promise.all(workers.map((w) => w.terminate()));
  }
  progress.finish();
  return assemble(kind, spec, ns, s, tallies, workers.length, t0);
}
