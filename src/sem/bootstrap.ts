/**
 * Nonparametric bootstrap of a fitted SEM (Bollen & Stine 1990): resample cases with replacement,
 * refit from the original estimates, and collect the parameters; percentile confidence intervals
 * use R's quantile type 7 at (1 − level)/2 and 1 − (1 − level)/2 (as lavaan's
 * `parameterEstimates(boot.ci.type = "perc")`). Replicates whose fit fails or does not converge
 * are dropped and counted. A multiple-group fit resamples within each group; a FIML fit resamples
 * the incomplete cases and refits by FIML.
 */
import { PathlabError } from "../errors";
import { Result, type TableSpec } from "../display";
import { Rng, rng as toRng } from "../simulate/rng";
import { checkOptions, checkSeed, type OptionSpecs } from "../options";
import { checkMemory } from "../resources";
import { progressBar } from "../display/notebook";
import { quantile } from "../stats/quantile";
import type { SemFit } from "./fit";
import { currentRowValues, estimateModel, setAll, type GroupState } from "./state";
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
    if (failed > 0)
      this.warnings.push({ code: "sem.boot-failed", message: `${failed} of ${R} bootstrap samples failed to converge and were dropped.` });
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
  level: { kind: "number", min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, rangeHint: "Write the level as a proportion, e.g. 0.95 for a 95% interval." },
  parameters: { kind: "enum", values: ["defined", "all"] },
};

function seedProblem(v: unknown): string | undefined {
  try {
    checkSeed(v);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

export function bootstrapSem(fit: SemFit, opts: BootstrapOptions): SemBootstrap {
  const st = fit.state;
  const o = checkOptions("bootstrap", opts, BOOT_SPECS) as Partial<BootstrapOptions>;
  if (o.seed === undefined)
    throw new PathlabError("bootstrap() needs a seed so the result can be reproduced.", { hint: "e.g. fit.bootstrap({ R: 2000, seed: 1 })", code: "sem.boot-seed" });
  const samples = st.groups.map((gr) => gr.sample);
  if (samples.some((s) => !s.columns && !s.missing))
    throw new PathlabError("The bootstrap needs raw data, but this model was fitted from a covariance matrix.", {
      hint: "Fit the model to the data table, or use the delta-method standard errors.",
      code: "sem.boot-moments",
    });
  if (!fit.converged)
    throw new PathlabError("bootstrap(): the model did not converge, so there are no estimates to resample.", { code: "sem.not-converged", hint: "Fix the model first (see the fit's warnings)." });
  const R = o.R ?? 1000;
  const level = o.level ?? 0.95;
  const g = toRng(o.seed);
  const { rows } = fit.estimatesInternal();
  const which = rows.map((r, k) => ((o.parameters ?? "defined") === "all" ? r.free > 0 || r.op === ":=" : r.op === ":=") ? k : -1).filter((k) => k >= 0);
  if (!which.length) throw new PathlabError("The model has no defined (:=) parameters to bootstrap.", { hint: 'Define one, e.g. "ind := a*b", or pass parameters: "all".', code: "sem.boot-nothing" });
  const nAll = samples.reduce((a, s) => a + s.n, 0);
  checkMemory(8 * R * which.length + 8 * R * nAll, `the bootstrap draws (${R.toLocaleString("en")} samples × ${which.length} parameters)`, "Lower R.");
  const draws: Float64Array[] = [];
  let failed = 0;
  const bar = progressBar(R, "Bootstrap");
  for (let b = 0; b < R; b++) {
    bar.update(b);
    // Cases are drawn within each group (lavaan's bootstrap keeps the group sizes).
    const resampled = samples.map((s) => resample(s, g));
    try {
      if (resampled.some((s) => s === null)) throw new Error("degenerate resample");
      const est = estimateModel(st.pt, resampled as SampleStats[], st.options, st.theta);
      if (!est.converged) {
        failed++;
        continue;
      }
      setAll(est, est.theta);
      const vals = currentRowValues({ pt: st.pt, groups: est.groups as unknown as GroupState[] });
      draws.push(Float64Array.from(which.map((k) => vals[k])));
    } catch {
      failed++;
    }
  }
  bar.finish();
  if (draws.length < 2) throw new PathlabError(`Only ${draws.length} of ${R} bootstrap samples could be fitted.`, { code: "sem.boot-failed" });
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
  return new SemBootstrap(out, draws, R, failed, level, typeof o.seed === "number" ? o.seed : (o.seed as Rng).seed);
}

/**
 * One bootstrap sample of a group: n cases drawn with replacement; complete data give their means
 * and covariance, incomplete data (FIML) their missing-data patterns. null when the resample cannot
 * be fitted (a non-positive-definite covariance, a variable never observed).
 */
function resample(s: SampleStats, g: Rng): SampleStats | null {
  const n = s.n;
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = g.int(n);
  if (s.missing) {
    const cols = s.missing.columns.map((c) => Float64Array.from(idx, (i) => c[i]));
    try {
      const ms = missingSample(cols, s.names, n).sample;
      return { names: s.names, n: ms.n, covUnbiased: ms.cov.map((v) => (v * ms.n) / (ms.n - 1)), mean: ms.mean, dropped: 0, missing: ms };
    } catch {
      return null;
    }
  }
  const cols = s.columns!;
  const p = cols.length;
  const mean = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let t = 0;
    const c = cols[j];
    for (let i = 0; i < n; i++) t += c[idx[i]];
    mean[j] = t / n;
  }
  const S = new Float64Array(p * p);
  for (let a = 0; a < p; a++)
    for (let c = 0; c <= a; c++) {
      const ca = cols[a];
      const cc = cols[c];
      let t = 0;
      for (let i = 0; i < n; i++) t += (ca[idx[i]] - mean[a]) * (cc[idx[i]] - mean[c]);
      S[a * p + c] = S[c * p + a] = t / (n - 1);
    }
  try {
    checkPD(S, s.names);
  } catch {
    return null;
  }
  return { names: s.names, n, covUnbiased: S, mean, dropped: 0 };
}
