/**
 * Nonparametric bootstrap of a fitted SEM (Bollen & Stine 1990): resample cases with replacement,
 * refit from the original estimates (a warm start), and collect the parameters. Replicates whose
 * fit fails or does not converge are dropped and counted. A multiple-group fit resamples within
 * each group; a FIML fit resamples the incomplete cases and refits by FIML.
 *
 * `fit.bootstrap()` reports percentile intervals by R's quantile type 7 (as semTools/boot users
 * compute them by hand); a fit with `se: "bootstrap"` reports lavaan's intervals
 * (`parameterEstimates(boot.ci.type = …)`, see boot-ci.ts).
 *
 * Threads: replicate b reads its row indices from positions 2·N·b … of the stream seeded by
 * `seed` (N = all cases; two 32-bit numbers per index, Rng.int), reached by a jump, so the draws
 * are those of one sequential pass and identical for any number of threads
 * (src/simulate/parallel.ts). Each thread builds the model once per job and, for complete data
 * without fixed covariates, only refreshes the sample moments between replicates.
 */
import { PathlabError } from "../errors";
import { Result, type TableSpec } from "../display";
import { Rng, rng as toRng } from "../simulate/rng";
import { jumpStates } from "../simulate/rng-jump";
import { parallelTask, runParallel, type CancellationFlag } from "../simulate/parallel";
import { choleskyLogDet } from "../math/linalg";
import { minimize } from "./estimate";
import { buildRam } from "./model";
import { GroupedObjective, type SemObjective } from "./objective";
import { RamEngine, type SampleMoments } from "./ram";
import type { ParTable } from "./partable";
import { LEVEL_SPEC, type ResolvedSemOptions } from "./options";
import { checkOptions, checkSeed, type OptionSpecs } from "../options";
import { checkMemory } from "../resources";
import { progressBar } from "../display/notebook";
import { quantile } from "../math/quantile";
import type { SemFit } from "./fit";
import { currentRowValues, estimateModel, setAll, type SemState } from "./state";
import { checkPD, type SampleStats } from "./moments";
import { missingSample } from "./missing";

export interface BootstrapOptions {
  /** Number of bootstrap samples (default 1000). */
  R?: number;
  /** Seed or generator (required: bootstrap results must be reproducible). */
  seed: number | Rng;
  level?: number;
  /** "defined" (default): := parameters only; "all": every free and defined parameter. */
  parameters?: "defined" | "all";
  /** CPU threads, this one included (default: every core when the job is long enough). Results are identical for any number. */
  threads?: number;
}

export interface BootstrapRow {
  lhs: string;
  op: string;
  rhs: string;
  label: string;
  est: number;
  boot_se: number;
  ci_lower: number;
  ci_upper: number;
}

/** Bootstrap of a fitted SEM's parameters and defined effects (lavaan's se = "bootstrap"): percentile intervals per parameter. */
export class SemBootstrap extends Result {
  constructor(
    readonly rows: BootstrapRow[],
    /** Replicates × parameters, in row order. */
    readonly draws: Float64Array[],
    readonly R: number,
    readonly failed: number,
    readonly level: number,
    readonly seed: number,
  ) {
    super();
    if (failed > 0) this.warnings.push({ code: "sem.boot-failed", message: `${failed} of ${R} bootstrap samples failed to converge and were dropped.` });
  }
  find(label: string): BootstrapRow | undefined {
    return this.rows.find((r) => r.label === label || r.lhs === label);
  }
  title(): string {
    return `Bootstrap (${this.R - this.failed} successful samples, percentile ${Math.round(this.level * 100)}% CI)`;
  }
  info(): string[] {
    return [`Seed ${this.seed}; case resampling; intervals are percentile (quantile type 7).`];
  }
  tables(): TableSpec[] {
    const pct = Math.round(this.level * 100);
    return [
      {
        columns: [
          { key: "lhs", format: "text" },
          { key: "op", format: "text" },
          { key: "rhs", format: "text" },
          { key: "est", label: "Estimate", digits: 4 },
          { key: "boot_se", label: "Boot SE", digits: 4 },
          { key: "ci_lower", label: `${pct}% lower`, digits: 4 },
          { key: "ci_upper", label: `${pct}% upper`, digits: 4 },
        ],
        rows: this.rows.map((r) => ({ ...r })),
      },
    ];
  }
}

const BOOT_SPECS: OptionSpecs = {
  R: { kind: "number", min: 2, integer: true, rangeHint: "Use a whole number of bootstrap samples such as 2000." },
  seed: { kind: "custom", check: (v) => (v instanceof Rng ? undefined : seedProblem(v)), expected: "a whole number from 0 to 4294967295 (or a pathlab Rng)" },
  level: LEVEL_SPEC,
  parameters: { kind: "enum", values: ["defined", "all"] },
  threads: { kind: "number", min: 1, max: 256, integer: true, rangeHint: "threads is the number of CPU threads, e.g. 2; leave it out to use every core." },
};

function seedProblem(v: unknown): string | undefined {
  try {
    checkSeed(v);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** The bootstrap estimates of a fit: R replicates of θ (row-major, R × q), failed ones flagged. */
export interface BootDraws {
  R: number;
  q: number;
  /** θ of replicate b at [b·q, b·q + q) (NaN for a failed replicate). */
  theta: Float64Array;
  /** 1 where the replicate was fitted and converged. */
  ok: Uint8Array;
  failed: number;
  seed: number;
  threads: number;
}

/** One group's data as the bootstrap task needs it (plain data: it crosses to worker threads). */
interface BootGroup {
  n: number;
  names: string[];
  /** Complete data (listwise): the columns. */
  columns?: Float64Array[];
  /** FIML: the incomplete columns (NaN = missing). */
  missing?: Float64Array[];
}

interface BootInput {
  pt: ParTable;
  groups: BootGroup[];
  options: Pick<ResolvedSemOptions, "likelihood" | "maxIter">;
  theta0: Float64Array;
  /** Generator state at replicate 0; replicate b starts 2·N·b numbers later. */
  state: Uint32Array;
  N: number;
  chunkSize: number;
  starts: Uint32Array;
}

/** A thread's model for a job (complete data without fixed covariates): engines whose moments are refreshed per replicate. */
interface Reusable {
  objective: SemObjective;
  moments: SampleMoments[];
}
const reusable = new WeakMap<BootInput, Reusable | null>();

function reusableModel(input: BootInput): Reusable | null {
  const cached = reusable.get(input);
  if (cached !== undefined) return cached;
  let out: Reusable | null = null;
  if (input.groups.every((g) => g.columns) && !input.pt.rows.some((r) => r.exo === 1)) {
    const moments: SampleMoments[] = input.groups.map((g) => {
      const p = g.names.length;
      return { p, S: new Float64Array(p * p), mean: new Float64Array(p), logdetS: 0 };
    });
    const engines = moments.map((mo, k) => new RamEngine(buildRam(input.pt, mo.S, mo.mean, k + 1).spec, mo));
    const N = input.groups.reduce((a, g) => a + g.n, 0);
    out = {
      objective:
        engines.length === 1
          ? engines[0]
          : new GroupedObjective(
              engines,
              input.groups.map((g) => g.n / N),
            ),
      moments,
    };
  }
  reusable.set(input, out);
  return out;
}

/** Work arrays of `resampleMoments` for one group (reused over a thread's replicates). */
interface ResampleWork {
  rows: Int32Array;
  weights: Float64Array;
  /** Centred values of the drawn rows, column by column (p × drawn). */
  centred: Float64Array;
  /** The same times the row's count. */
  weighted: Float64Array;
}

function resampleWork(n: number, p: number): ResampleWork {
  return { rows: new Int32Array(n), weights: new Float64Array(n), centred: new Float64Array(n * p), weighted: new Float64Array(n * p) };
}

/**
 * Means and covariance (divisor n, or n − 1 with the Wishart likelihood) of a resample given by row
 * counts; false if not positive definite. Only the rows drawn at least once (about 63%) are visited;
 * the sums add the same products in the same order as a pass over every row with its count, so the
 * moments are bit for bit those of the resampled data set.
 */
function resampleMoments(cols: Float64Array[], counts: Int32Array, n: number, wishart: boolean, out: SampleMoments, work: ResampleWork): boolean {
  const p = cols.length;
  const { S, mean } = out;
  const { rows, weights, centred, weighted } = work;
  let u = 0;
  for (let i = 0; i < n; i++)
    if (counts[i]) {
      rows[u] = i;
      weights[u++] = counts[i];
    }
  for (let j = 0; j < p; j++) {
    const c = cols[j];
    let t = 0;
    for (let k = 0; k < u; k++) t += weights[k] * c[rows[k]];
    const m = t / n;
    mean[j] = m;
    const off = j * n;
    for (let k = 0; k < u; k++) {
      const d = c[rows[k]] - m;
      centred[off + k] = d;
      weighted[off + k] = weights[k] * d;
    }
  }
  const div = wishart ? n - 1 : n;
  for (let a = 0; a < p; a++) {
    const oa = a * n;
    for (let b = 0; b <= a; b++) {
      const ob = b * n;
      let t = 0;
      for (let k = 0; k < u; k++) t += weighted[oa + k] * centred[ob + k];
      S[a * p + b] = S[b * p + a] = t / div;
    }
  }
  const L = Float64Array.from(S);
  const ld = choleskyLogDet(L, p);
  for (let i = 0; i < p; i++) if (!((L[i * p + i] * L[i * p + i]) / S[i * p + i] > 1e-12)) return false;
  out.logdetS = ld;
  return !Number.isNaN(ld);
}

/** Replicates [from, to): θ per replicate (NaN row and ok = 0 when the fit failed). */
function bootRange(input: BootInput, from: number, to: number): { theta: Float64Array; ok: Uint8Array } {
  const q = input.theta0.length;
  const theta = new Float64Array((to - from) * q).fill(NaN);
  const ok = new Uint8Array(to - from);
  const gen = new Rng(1);
  const c = from / input.chunkSize;
  if (Number.isInteger(c) && 4 * c < input.starts.length) gen.setState(input.starts.subarray(4 * c, 4 * c + 4));
  else {
    gen.setState(input.state);
    gen.jump(2 * input.N * from);
  }
  const wishart = input.options.likelihood === "wishart";
  const model = reusableModel(input);
  const counts = input.groups.map((g) => new Int32Array(g.n));
  const work = model ? input.groups.map((g) => resampleWork(g.n, g.names.length)) : [];
  for (let b = from; b < to; b++) {
    // Indices first (2 numbers each, as Rng.int draws them), so every replicate reads 2·N numbers.
    for (let k = 0; k < input.groups.length; k++) {
      const n = input.groups[k].n;
      const cnt = counts[k];
      cnt.fill(0);
      for (let i = 0; i < n; i++) cnt[gen.int(n)]++;
    }
    try {
      let fitted: { theta: Float64Array; converged: boolean } | null = null;
      if (model) {
        const good = input.groups.every((g, k) => resampleMoments(g.columns!, counts[k], g.n, wishart, model.moments[k], work[k]));
        if (good) fitted = minimize(model.objective, input.theta0, { maxIter: input.options.maxIter, information: false });
      } else {
        const samples = input.groups.map((g, k) => resampleStats(g, counts[k]));
        if (samples.every((s) => s !== null)) fitted = estimateModel(input.pt, samples as SampleStats[], input.options, input.theta0);
      }
      if (fitted && fitted.converged) {
        theta.set(fitted.theta, (b - from) * q);
        ok[b - from] = 1;
      }
    } catch {
      /* a replicate that cannot be fitted counts as failed */
    }
  }
  return { theta, ok };
}

/** The bootstrap as a parallel task (worker threads load it from this module). */
export const semBootstrapTask = parallelTask(__filename, "semBootstrapTask", (input: BootInput, from: number, to: number) => bootRange(input, from, to));

/**
 * Draws R bootstrap replicates of θ on up to `threads` threads (identical whatever the number).
 * The fit must be converged and fitted to raw data.
 */
export function bootstrapDraws(
  st: SemState,
  R: number,
  seed: number | Rng,
  opts: { threads?: number; onProgress?: (done: number, total: number) => void; cancel?: CancellationFlag } = {},
): BootDraws {
  const samples = st.groups.map((gr) => gr.sample);
  if (samples.some((s) => !s.columns && !s.missing))
    throw new PathlabError("The bootstrap needs raw data, but this model was fitted from a covariance matrix.", {
      hint: "Fit the model to the data table, or use the delta-method standard errors.",
      code: "sem.boot-moments",
    });
  const groups: BootGroup[] = samples.map((s) =>
    s.missing ? { n: s.n, names: s.names, missing: s.missing.columns } : { n: s.n, names: s.names, columns: s.columns },
  );
  const N = groups.reduce((a, g) => a + g.n, 0);
  const q = st.theta.length;
  checkMemory(8 * R * q, `the bootstrap draws (${R.toLocaleString("en")} samples × ${q} parameters)`, "Lower R.");
  const g = toRng(seed);
  const state = g.state();
  // A chunk is ~20 ms of fitting (one fit ≈ 30 μs per parameter·variable), at least 16 chunks for progress and balance.
  const perFit = 3e-5 * q * groups[0].names.length * (groups.some((x) => x.missing) ? 20 : 1);
  const chunkSize = Math.max(1, Math.min(Math.ceil(R / 16), Math.ceil(20 / Math.max(perFit, 1e-3))));
  const input: BootInput = {
    pt: st.pt,
    groups,
    options: { likelihood: st.options.likelihood, maxIter: st.options.maxIter },
    theta0: st.theta,
    state,
    N,
    chunkSize,
    starts: jumpStates(state, 2 * N * chunkSize, Math.ceil(R / chunkSize)),
  };
  // Below ~50 ms of work a worker's start-up costs more than it saves.
  const threads = opts.threads ?? (R * perFit < 50 ? 1 : undefined);
  const run = runParallel(semBootstrapTask, input, { count: R, chunkSize, threads, onProgress: opts.onProgress, cancel: opts.cancel });
  const theta = new Float64Array(R * q);
  const ok = new Uint8Array(R);
  run.results.forEach((r, c) => {
    theta.set(r.theta, c * chunkSize * q);
    ok.set(r.ok, c * chunkSize);
  });
  if (seed instanceof Rng) seed.jump(2 * N * R);
  let failed = 0;
  for (let b = 0; b < R; b++) failed += ok[b] ? 0 : 1;
  return { R, q, theta, ok, failed, seed: seed instanceof Rng ? seed.seed : seed, threads: run.threads };
}

/** Values of the parameter-table rows `which` at each successful replicate (replicate-major). */
export function drawRowValues(st: SemState, boot: BootDraws, which: number[]): Float64Array[] {
  const out: Float64Array[] = [];
  const t = new Float64Array(boot.q);
  for (let b = 0; b < boot.R; b++) {
    if (!boot.ok[b]) continue;
    t.set(boot.theta.subarray(b * boot.q, (b + 1) * boot.q));
    setAll(st, t);
    const vals = currentRowValues(st);
    out.push(Float64Array.from(which, (k) => vals[k]));
  }
  setAll(st, st.theta);
  return out;
}

export function bootstrapSem(fit: SemFit, opts: BootstrapOptions): SemBootstrap {
  const st = fit.state;
  const o = checkOptions("bootstrap", opts, BOOT_SPECS) as Partial<BootstrapOptions>;
  if (o.seed === undefined)
    throw new PathlabError("bootstrap() needs a seed so the result can be reproduced.", {
      hint: "e.g. fit.bootstrap({ R: 2000, seed: 1 })",
      code: "sem.boot-seed",
    });
  if (!fit.converged)
    throw new PathlabError("bootstrap(): the model did not converge, so there are no estimates to resample.", {
      code: "sem.not-converged",
      hint: "Fix the model first (see the fit's warnings).",
    });
  const R = o.R ?? 1000;
  const level = o.level ?? 0.95;
  const { rows } = fit.estimatesInternal();
  const which = rows.map((r, k) => (((o.parameters ?? "defined") === "all" ? r.free > 0 || r.op === ":=" : r.op === ":=") ? k : -1)).filter((k) => k >= 0);
  if (!which.length)
    throw new PathlabError("The model has no defined (:=) parameters to bootstrap.", {
      hint: 'Define one, e.g. "ind := a*b", or pass parameters: "all".',
      code: "sem.boot-nothing",
    });
  const bar = progressBar(R, "Bootstrap");
  let boot: BootDraws;
  try {
    boot = bootstrapDraws(st, R, o.seed, { threads: o.threads, onProgress: (done) => bar.update(done) });
  } finally {
    bar.finish();
  }
  const draws = drawRowValues(st, boot, which);
  if (draws.length < 2)
    throw new PathlabError(`Only ${draws.length} of ${R} bootstrap samples could be fitted.`, {
      code: "sem.boot-failed",
      hint: "Check the model (see the fit's warnings); a model that rarely converges cannot be bootstrapped.",
    });
  const { est } = fit.estimatesInternal();
  const out: BootstrapRow[] = which.map((k, j) => {
    const v = Float64Array.from(draws.map((d) => d[j])).sort();
    let mean = 0;
    for (const x of v) mean += x;
    mean /= v.length;
    let ss = 0;
    for (const x of v) ss += (x - mean) * (x - mean);
    const r = rows[k];
    return {
      lhs: r.lhs,
      op: r.op,
      rhs: r.rhs,
      label: r.label,
      est: est[k],
      boot_se: Math.sqrt(ss / (v.length - 1)),
      ci_lower: quantile(v, (1 - level) / 2),
      ci_upper: quantile(v, 1 - (1 - level) / 2),
    };
  });
  return new SemBootstrap(out, draws, R, boot.failed, level, boot.seed);
}

/**
 * One bootstrap sample of a group from its row counts: complete data give their means and
 * covariance, incomplete data (FIML) their missing-data patterns. null when the resample cannot be
 * fitted (a non-positive-definite covariance, a variable never observed).
 */
function resampleStats(g: BootGroup, counts: Int32Array): SampleStats | null {
  const n = g.n;
  const idx = new Int32Array(n);
  let t = 0;
  for (let i = 0; i < n; i++) for (let c = 0; c < counts[i]; c++) idx[t++] = i;
  if (g.missing) {
    const cols = g.missing.map((c) => Float64Array.from(idx, (i) => c[i]));
    try {
      const ms = missingSample(cols, g.names, n).sample;
      return { names: g.names, n: ms.n, covUnbiased: ms.cov.map((v) => (v * ms.n) / (ms.n - 1)), mean: ms.mean, dropped: 0, missing: ms };
    } catch {
      return null;
    }
  }
  const cols = g.columns!;
  const p = cols.length;
  const mean = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += counts[i] * cols[j][i];
    mean[j] = s / n;
  }
  const S = new Float64Array(p * p);
  for (let a = 0; a < p; a++)
    for (let c = 0; c <= a; c++) {
      let s = 0;
      for (let i = 0; i < n; i++) if (counts[i]) s += counts[i] * (cols[a][i] - mean[a]) * (cols[c][i] - mean[c]);
      S[a * p + c] = S[c * p + a] = s / (n - 1);
    }
  try {
    checkPD(S, g.names);
  } catch {
    return null;
  }
  return { names: g.names, n, covUnbiased: S, mean, dropped: 0 };
}
