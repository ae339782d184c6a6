/**
 * The result of `powerSem()`: per sample size and parameter the rejection rate (power) with its
 * Monte Carlo SE √(p(1 − p)/R), the coverage of the Wald interval, the mean estimate and its bias
 * against the population value, the SD of the estimates beside the mean SE; per sample size the
 * converged, non-converged and improper (Heywood) replicates; and a power-curve figure.
 */
import type { Figure } from "../display/figure";
import { powerCurveFigure } from "../display/power-curve";
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import { PathlabError } from "../errors";

/** One parameter at one sample size: its Monte Carlo summary. */
export interface PowerSemRow {
  n: number;
  /** "f2 ~ f1", "f1 =~ x2", "ab := a*b". */
  parameter: string;
  lhs: string;
  op: string;
  rhs: string;
  label: string;
  /** The analysis parameter's value at the population (the fit of the analysis model to Σ). */
  population: number;
  meanEstimate: number;
  bias: number;
  /** SD of the estimates over the replicates (the true sampling SD). */
  sdEstimate: number;
  /** Mean of the replicates' standard errors (compare with sdEstimate). */
  meanSE: number;
  /** Proportion of replicates with p < alpha (power; the type I error rate where the population value is 0). */
  power: number;
  /** Monte Carlo SE of `power`. */
  mcse: number;
  /** Proportion of replicates whose interval est ± z·SE covers the population value. */
  coverage: number;
  /** Replicates the row's statistics use (converged, with a finite estimate and SE). */
  valid: number;
}

/** The replicates at one sample size: converged, not converged, failed, improper. */
export interface PowerSemConvergence {
  n: number;
  reps: number;
  converged: number;
  nonConverged: number;
  /** Replicates whose fit failed outright (e.g. a singular sample covariance). */
  failed: number;
  /** Converged replicates with a negative variance estimate (an improper solution). */
  heywood: number;
}

/** How a `powerSem()` run was set up. */
export interface PowerSemSettings {
  reps: number;
  alpha: number;
  seed: number;
  threads: number;
  standardized: boolean;
  stdLv: boolean;
  analysisModel: string;
  populationModel: string;
  /** The population covariance of `names` (row-major). */
  populationSigma: Float64Array;
  names: string[];
}

/**
 * Monte Carlo power of an SEM by sample size and parameter (see `powerSem`): tables of replicates
 * and parameters, `power(parameter, n)`, `minN(parameter, target)` and a power-curve `plot()`.
 * @example
 * const pw = powerSem(model, { n: [100, 200], reps: 500, seed: 1 });
 * pw.minN("ab", 0.8); // smallest N of the grid with 80% power for ab
 */
export class PowerSemResult extends Result {
  constructor(
    readonly rows: PowerSemRow[],
    readonly convergence: PowerSemConvergence[],
    readonly settings: PowerSemSettings,
  ) {
    super();
    for (const c of convergence) {
      if (c.converged < c.reps)
        this.warnings.push({
          code: "sem.not-converged",
          message: `N = ${c.n}: ${c.reps - c.converged} of ${c.reps} replicates did not converge or could not be fitted; the statistics use the ${c.converged} that did.`,
        });
      if (c.heywood > 0)
        this.warnings.push({
          code: "sem.heywood",
          message: `N = ${c.n}: ${c.heywood} converged replicates have a negative variance estimate (Heywood case); they are included.`,
        });
    }
  }

  title(): string {
    return "Monte Carlo power of the SEM";
  }

  info(): string[] {
    const s = this.settings;
    return [
      `${s.reps} replications per N; two-sided z tests at α = ${s.alpha} and ${Math.round((1 - s.alpha) * 1000) / 10}% Wald intervals; seed ${s.seed}.`,
      `Data: multivariate normal from the population model (${s.standardized ? "unwritten residual variances give every variable variance 1" : "unwritten variances 1"}); analysis by ML${s.stdLv ? " with std.lv" : ""}.`,
      "Population = the analysis model fitted to the population covariance. Each replicate has its own seeded stream: the tables are identical on any number of threads.",
    ];
  }

  /** The sample sizes, ascending. */
  get ns(): number[] {
    return this.convergence.map((c) => c.n);
  }

  /** The parameters, in table order. */
  get parameters(): string[] {
    return [...new Set(this.rows.map((r) => r.parameter))];
  }

  /** A parameter by its table name ("f2 ~ f1", spaces optional), its label ("a") or a defined name ("ab"). */
  private parameterOf(which: string): string {
    const squash = (s: string) => s.replace(/\s+/g, "");
    const hit = this.rows.find((r) => squash(r.parameter) === squash(which) || (r.label !== "" && r.label === which) || (r.op === ":=" && r.lhs === which));
    if (!hit)
      throw new PathlabError(`powerSem result: no parameter "${which}".`, {
        code: "sem.power-unknown-parameter",
        hint: `Parameters: ${this.parameters.map((p) => `"${p}"`).join(", ")}.`,
      });
    return hit.parameter;
  }

  /** The row of one parameter at one N. */
  row(parameter: string, n: number): PowerSemRow {
    const name = this.parameterOf(parameter);
    const r = this.rows.find((x) => x.parameter === name && x.n === n);
    if (!r)
      throw new PathlabError(`powerSem result: N = ${n} is not in the grid (${this.ns.join(", ")}).`, {
        code: "sem.power-unknown-n",
        hint: "Add it to n and rerun; the other rows stay the same.",
      });
    return r;
  }

  /** Rejection rate of a parameter at one N. */
  power(parameter: string, n: number): number {
    return this.row(parameter, n).power;
  }

  /** Smallest N of the grid at which `parameter` reaches `target` power (null if none). */
  minN(parameter: string, target = 0.8): number | null {
    const name = this.parameterOf(parameter);
    const hit = this.rows.filter((r) => r.parameter === name).find((r) => r.power >= target);
    return hit ? hit.n : null;
  }

  tables(): TableSpec[] {
    return [
      {
        title: "Replicates",
        columns: [
          { key: "n", label: "N", format: "int" },
          { key: "reps", label: "Replicates", format: "int" },
          { key: "converged", label: "Converged", format: "int" },
          { key: "nonConverged", label: "Not converged", format: "int" },
          { key: "failed", label: "Fit failed", format: "int" },
          { key: "heywood", label: "Heywood", format: "int" },
        ],
        rows: this.convergence.map((c) => ({ ...c })),
      },
      {
        title: "Parameters",
        columns: [
          { key: "n", label: "N", format: "int" },
          { key: "parameter", label: "Parameter", format: "text" },
          { key: "population", label: "Population", digits: 3 },
          { key: "meanEstimate", label: "Mean est.", digits: 3 },
          { key: "bias", label: "Bias", digits: 3 },
          { key: "sdEstimate", label: "SD est.", digits: 3 },
          { key: "meanSE", label: "Mean SE", digits: 3 },
          { key: "power", label: "Power", digits: 3 },
          { key: "mcse", label: "MC SE", digits: 3 },
          { key: "coverage", label: "Coverage", digits: 3 },
        ],
        rows: this.rows.map((r) => ({ ...r })),
        notes: [
          "Power = share of replicates with p < α (the type I error rate where the population value is 0); MC SE = √(power(1 − power)/replicates).",
          "Coverage = share of Wald intervals est ± z·SE containing the population value; compare SD est. (the sampling SD) with Mean SE.",
        ],
      },
    ];
  }

  /** Power curves over N (one line per parameter, ±2 MC SE as error bars) with the target line. */
  plot(options: { parameters?: string[]; target?: number } = {}): Figure {
    const names = options.parameters
      ? options.parameters.map((p) => this.parameterOf(p))
      : this.parameters.filter((p) => this.rows.some((r) => r.parameter === p && r.population !== 0 && (r.op === "~" || r.op === ":=")));
    const series = names.map((name) => {
      const rows = this.ns.map((n) => this.rows.find((r) => r.n === n && r.parameter === name)!);
      return { name, power: rows.map((r) => r.power), mcse: rows.map((r) => r.mcse) };
    });
    return powerCurveFigure(series, this.ns, { title: "Power of the SEM by sample size", yTitle: "Power (rejection rate)", target: options.target });
  }
}
