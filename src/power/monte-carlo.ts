/**
 * Monte Carlo power analysis (Muthén & Muthén, 2002; Schoemann, Boulton & Short, 2017): simulate
 * many data sets from the hypothesised population at each N, analyse each as the study would, and
 * report the share of significant results. Seeded and reproducible: the same seed gives the same
 * table whether it runs on one thread or two.
 */
import * as path from "path";
import { cancellation } from "../display/notebook";
import { PathlabError } from "../errors";
import { makeChunks, mergeTallies, runChunk, type PowerJobSettings, type PowerTally } from "./engine";
import { regressionPower } from "./analytic";
import {
  buildPowerModel,
  type MediationPowerSpec,
  type ModeratedMediationPowerSpec,
  type ModerationPowerSpec,
  type PowerModelKind,
} from "./models";
import { PowerResult, type PowerRow } from "./result";

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

function settingsOf(o: PowerOptions): { ns: number[]; s: PowerJobSettings } {
  if (!o || o.n === undefined) throw new PathlabError("Power analysis needs the sample size(s) `n`.", { hint: "e.g. { n: [100, 200, 300] }", code: "bad-power-spec" });
  const ns = (Array.isArray(o.n) ? o.n : [o.n]).slice();
  for (const n of ns) {
    if (!Number.isInteger(n) || n < 5) throw new PathlabError(`Sample size ${n} is not an integer ≥ 5.`, { code: "bad-power-spec" });
  }
  const uniq = Array.from(new Set(ns)).sort((a, b) => a - b);
  const reps = o.reps ?? 1000;
  if (!Number.isInteger(reps) || reps < 1) throw new PathlabError(`reps = ${reps} must be a positive integer.`, { code: "bad-power-spec" });
  const alpha = o.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 0.5)) throw new PathlabError(`alpha = ${alpha} must lie in (0, .5).`, { code: "bad-power-spec" });
  const ci = o.ci ?? "montecarlo";
  if (ci !== "montecarlo" && ci !== "bootstrap") throw new PathlabError(`ci = "${ci}" is not "montecarlo" or "bootstrap".`, { code: "bad-power-spec" });
  const draws = o.draws ?? (ci === "montecarlo" ? 5000 : 1000);
  if (!Number.isInteger(draws) || draws < 100) throw new PathlabError(`draws = ${draws} must be an integer ≥ 100.`, { code: "bad-power-spec" });
  const seed = o.seed ?? 1;
  if (!Number.isFinite(seed)) throw new PathlabError(`seed = ${seed} must be a finite number.`, { code: "bad-power-spec" });
  return { ns: uniq, s: { reps, alpha, ci, draws, seed } };
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

function runSync(kind: PowerModelKind, spec: unknown, options: PowerOptions): PowerResult {
  const t0 = Date.now();
  buildPowerModel(kind, spec); // validate before any work
  const { ns, s } = settingsOf(options);
  const chunks = makeChunks(ns, s.reps, CHUNK);
  const total = ns.length * s.reps;
  let done = 0;
  const tallies: PowerTally[] = [];
  for (const c of chunks) {
    tallies.push(runChunk(kind, spec, s, c));
    done += c.to - c.from;
    options.onProgress?.(done, total);
  }
  return assemble(kind, spec, ns, s, tallies, 1, t0);
}

/**
 * Power of simple or parallel mediation (indirect effects by Monte Carlo or bootstrap CI; a, b and
 * c′ paths by t tests), from standardised paths or the correlation matrix of [X, M…, Y].
 * Data: multivariate normal with the implied correlations; analysis: OLS of each M on X and of Y on
 * X and all M (PROCESS model 4).
 */
export function powerMediation(spec: MediationPowerSpec, options: PowerOptions): PowerResult {
  return runSync("mediation", spec, options);
}

/** Power of the t test of the interaction term b3 in Y = b0 + b1·X + b2·W + b3·X·W + e (X, W normal). */
export function powerModeration(spec: ModerationPowerSpec, options: PowerOptions): PowerResult {
  return runSync("moderation", spec, options);
}

/**
 * Power of the index of moderated mediation a3·b of PROCESS model 7 (first-stage moderation),
 * tested by its Monte Carlo (or bootstrap) CI, plus the conditional indirect effects at W = ±1 SD
 * and t tests of a3, b and c′.
 */
export function powerModeratedMediation(spec: ModeratedMediationPowerSpec, options: PowerOptions): PowerResult {
  return runSync("moderated-mediation", spec, options);
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
  buildPowerModel(kind, spec);
  const { ns, s } = settingsOf(options);
  const chunks = makeChunks(ns, s.reps, CHUNK);
  const total = ns.length * s.reps;
  // Rough work estimate (rows × draws); below ~2e7 the ~100 ms worker start-up is not worth it.
  const work = ns.reduce((acc, n) => acc + s.reps * (n + s.draws * (s.ci === "bootstrap" ? n / 20 : 1)), 0);
  const threads = Math.max(1, Math.floor(options.threads ?? (work > 2e7 ? 2 : 1)));
  let done = 0;
  const tallies: PowerTally[] = [];
  // A kernel interrupt stops the work: the loop checks the flag, workers are terminated.
  const cancel = cancellation();
  if (threads === 1) {
    for (const c of chunks) {
      cancel.check();
      tallies.push(runChunk(kind, spec, s, c));
      done += c.to - c.from;
      options.onProgress?.(done, total);
      await new Promise<void>((r) => setImmediate(r));
    }
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
            reject(new PathlabError(`Power worker failed: ${m.error}`, { code: "worker" }));
            return;
          }
          tallies.push(m.tally!);
          done += chunks[m.id].to - chunks[m.id].from;
          options.onProgress?.(done, total);
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
  return assemble(kind, spec, ns, s, tallies, workers.length, t0);
}
