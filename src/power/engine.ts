/**
 * The replication loop. Every replication r at sample size n draws from its own generator, seeded
 * from (seed, n, r), so results do not depend on how replications are split into chunks or threads,
 * and adding a sample size to the grid leaves the others unchanged.
 */
import { PathlabError } from "../errors";
import { parallelTask } from "../simulate/parallel";
import { streamRng, type Rng } from "../simulate/rng";
import { fCritical } from "./analytic";
import { buildPowerModel, setModelN, type PowerModelKind } from "./models";

export interface PowerJobSettings {
  reps: number;
  alpha: number;
  ci: "montecarlo" | "bootstrap";
  draws: number;
  seed: number;
}

/** One unit of work: replications [from, to) at grid sample size n. */
export interface PowerChunk {
  n: number;
  from: number;
  to: number;
}

/** Additive tallies of a chunk. */
export interface PowerTally {
  n: number;
  /** First replication of the chunk (tallies are merged in this order, so sums are reproducible). */
  from: number;
  reps: number;
  failed: number;
  significant: number[];
  sumEstimate: number[];
}

function mix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Generator of replication r at sample size n. */
export function replicationRng(seed: number, n: number, r: number): Rng {
  const s = mix32((seed >>> 0) ^ mix32(Math.floor(seed / 4294967296) + 0x9e3779b9));
  const hi = mix32(s ^ mix32(n + 0x632be5ab));
  const lo = mix32(hi ^ mix32(r + 0x85157af5));
  return streamRng((hi >>> 11) * 4294967296 + lo);
}

/** Runs one chunk (this is also what a worker thread runs). */
export function runChunk(kind: PowerModelKind, spec: unknown, settings: PowerJobSettings, chunk: PowerChunk): PowerTally {
  const model = buildPowerModel(kind, spec);
  const ne = model.effects.length;
  const sig = new Array<number>(ne).fill(0);
  const sum = new Array<number>(ne).fill(0);
  const est = new Float64Array(ne);
  const tst = new Float64Array(ne);
  const counts = new Float64Array(2 * ne);
  const n = chunk.n;
  const crit = new Float64Array(ne);
  model.effects.forEach((e, i) => {
    if (e.test === "t") {
      const df = n - (e.predictors ?? 1) - 1;
      if (df < 1)
        throw new PathlabError(`N = ${n} is too small for "${e.name}" (needs N > ${(e.predictors ?? 1) + 1}).`, {
          hint: "Use larger sample sizes in n.",
          code: "power.bad-spec",
        });
      crit[i] = Math.sqrt(fCritical(settings.alpha, 1, df));
    }
  });
  const tail = settings.alpha / 2;
  let failed = 0;
  const idx = settings.ci === "bootstrap" ? new Int32Array(n) : null;
  const bootEst = new Float64Array(ne);
  for (let r = chunk.from; r < chunk.to; r++) {
    const rng = replicationRng(settings.seed, n, r);
    model.generate(rng, n);
    if (!model.fit(n, null)) {
      failed++;
      continue;
    }
    setModelN(model, n);
    model.estimates(est);
    model.tStats(tst);
    for (let e = 0; e < ne; e++) {
      sum[e] += est[e];
      if (model.effects[e].test === "t" && Math.abs(tst[e]) > crit[e]) sig[e]++;
    }
    counts.fill(0);
    let total = settings.draws;
    if (settings.ci === "montecarlo") {
      model.monteCarlo(rng, settings.draws, counts);
    } else {
      total = 0;
      for (let bb = 0; bb < settings.draws; bb++) {
        for (let i = 0; i < n; i++) idx![i] = rng.int(n);
        if (!model.fit(n, idx)) continue;
        total++;
        model.estimates(bootEst);
        for (let e = 0; e < ne; e++) {
          if (model.effects[e].test !== "ci") continue;
          if (bootEst[e] < 0) counts[2 * e]++;
          else if (bootEst[e] > 0) counts[2 * e + 1]++;
        }
      }
      model.fit(n, null); // restore the full-sample fit
    }
    if (total > 0) {
      for (let e = 0; e < ne; e++) {
        if (model.effects[e].test !== "ci") continue;
        if (counts[2 * e] / total < tail || counts[2 * e + 1] / total < tail) sig[e]++;
      }
    }
  }
  return { n, from: chunk.from, reps: chunk.to - chunk.from, failed, significant: sig, sumEstimate: sum };
}

/** A whole power simulation as plain data (it crosses to worker threads once). */
export interface PowerJob {
  kind: PowerModelKind;
  spec: unknown;
  settings: PowerJobSettings;
  /** The grid of sample sizes; replication r at ns[g] is item g·reps + r of the job. */
  ns: number[];
}

/** Items [from, to) of a job: one tally per sample size the range touches. */
export function runRange(job: PowerJob, from: number, to: number): PowerTally[] {
  const reps = job.settings.reps;
  const out: PowerTally[] = [];
  job.ns.forEach((n, g) => {
    const lo = Math.max(from, g * reps);
    const hi = Math.min(to, (g + 1) * reps);
    if (lo < hi) out.push(runChunk(job.kind, job.spec, job.settings, { n, from: lo - g * reps, to: hi - g * reps }));
  });
  return out;
}

/** The simulation as a parallel task (worker threads load it from this module). */
export const powerTask = parallelTask(__filename, "powerTask", runRange);

/** Splits the grid into chunks of at most `size` replications, in grid order. */
export function makeChunks(ns: number[], reps: number, size: number): PowerChunk[] {
  const out: PowerChunk[] = [];
  for (const n of ns) for (let f = 0; f < reps; f += size) out.push({ n, from: f, to: Math.min(reps, f + size) });
  return out;
}

/** Adds chunk tallies per sample size. */
export function mergeTallies(ns: number[], tallies: PowerTally[], ne: number): PowerTally[] {
  const by = new Map<number, PowerTally>();
  for (const n of ns) by.set(n, { n, from: 0, reps: 0, failed: 0, significant: new Array(ne).fill(0), sumEstimate: new Array(ne).fill(0) });
  // Floating-point sums depend on order; merge in (n, from) order whatever order threads finished in.
  const sorted = tallies.slice().sort((a, b) => a.n - b.n || a.from - b.from);
  for (const t of sorted) {
    const m = by.get(t.n)!;
    m.reps += t.reps;
    m.failed += t.failed;
    for (let e = 0; e < ne; e++) {
      m.significant[e] += t.significant[e];
      m.sumEstimate[e] += t.sumEstimate[e];
    }
  }
  return ns.map((n) => by.get(n)!);
}
