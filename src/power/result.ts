/**
 * The result of a Monte Carlo power analysis: power per effect and sample size with its Monte Carlo
 * standard error √(p(1 − p)/R), the mean estimate next to the population value, and for t-tested
 * coefficients the analytic (noncentral F) power as a check.
 */
import type { Figure } from "../display/figure";
import { powerCurveFigure } from "../display/power-curve";
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import { PathlabError } from "../errors";
import type { EffectInfo, PowerModelKind } from "./models";

export interface PowerRow {
  n: number;
  effect: string;
  /** Proportion of replications in which the effect was significant. */
  power: number;
  /** Monte Carlo standard error of `power`: √(power(1 − power)/reps). */
  mcse: number;
  reps: number;
  failed: number;
  population: number;
  meanEstimate: number;
  /** Analytic power of the t test (t-tested coefficients only). */
  analytic?: number;
  test: "ci" | "t";
}

export interface PowerSettingsInfo {
  reps: number;
  alpha: number;
  ci: "montecarlo" | "bootstrap";
  draws: number;
  seed: number;
  threads: number;
  elapsedMs: number;
}

/** Monte Carlo power by sample size and effect, with its Monte Carlo standard error and a power-curve figure. */
export class PowerResult extends Result {
  constructor(
    readonly kind: PowerModelKind,
    readonly description: string,
    readonly effects: EffectInfo[],
    readonly rows: PowerRow[],
    readonly settings: PowerSettingsInfo,
  ) {
    super();
  }

  title(): string {
    return `Monte Carlo power: ${this.description}`;
  }

  info(): string[] {
    const s = this.settings;
    const ci =
      s.ci === "montecarlo"
        ? `Monte Carlo ${Math.round(100 * (1 - s.alpha))}% CI with ${s.draws} draws`
        : `percentile bootstrap ${Math.round(100 * (1 - s.alpha))}% CI with ${s.draws} resamples`;
    return [
      `${s.reps} replications per N; indirect effects tested by ${ci}; coefficients by two-sided t tests at α = ${s.alpha}; seed ${s.seed}.`,
      // Wall time and thread count (settings.elapsedMs, settings.threads) are left out so that a re-run
      // notebook is identical on any machine; the table itself does not depend on the threads.
      "Each replication has its own seeded stream: the table is identical on any number of threads.",
    ];
  }

  /** The sample sizes of the grid, ascending. */
  get ns(): number[] {
    return Array.from(new Set(this.rows.map((r) => r.n))).sort((a, b) => a - b);
  }

  private effectName(effect: string | number): string {
    if (typeof effect === "number") {
      const e = this.effects[effect];
      if (!e)
        throw new PathlabError(`Effect index ${effect} is out of range (0–${this.effects.length - 1}).`, {
          hint: `Effects: ${this.effects.map((e, i) => `${i} = ${e.name}`).join(", ")}.`,
          code: "power.unknown-effect",
        });
      return e.name;
    }
    const exact = this.effects.find((e) => e.name === effect);
    if (exact) return exact.name;
    const partial = this.effects.filter((e) => e.name.toLowerCase().startsWith(effect.toLowerCase()));
    if (partial.length === 1) return partial[0].name;
    throw new PathlabError(`Unknown effect "${effect}".`, {
      hint: `Effects: ${this.effects.map((e) => `"${e.name}"`).join(", ")}.`,
      code: "power.unknown-effect",
    });
  }

  /** Power of one effect at one grid N. */
  power(effect: string | number, n: number): number {
    const name = this.effectName(effect);
    const row = this.rows.find((r) => r.effect === name && r.n === n);
    if (!row)
      throw new PathlabError(`N = ${n} is not in the grid (${this.ns.join(", ")}).`, {
        hint: "Add it to n and rerun; the other rows stay the same.",
        code: "power.unknown-n",
      });
    return row.power;
  }

  /** Smallest grid N whose estimated power for `effect` reaches `target` (null if none does). */
  minN(effect: string | number = 0, target = 0.8): number | null {
    const name = this.effectName(effect);
    const rows = this.rows.filter((r) => r.effect === name).sort((a, b) => a.n - b.n);
    const hit = rows.find((r) => r.power >= target);
    return hit ? hit.n : null;
  }

  tables(): TableSpec[] {
    return [
      {
        title: "Power by sample size",
        columns: [
          { key: "n", label: "N", format: "int" },
          { key: "effect", label: "Effect", format: "text" },
          { key: "test", label: "Test", format: "text" },
          { key: "population", label: "Population value", digits: 3 },
          { key: "meanEstimate", label: "Mean estimate", digits: 3 },
          { key: "power", label: "Power", digits: 3 },
          { key: "mcse", label: "MC SE", digits: 4 },
          { key: "analytic", label: "Analytic power", digits: 3 },
        ],
        rows: this.rows.map((r) => ({ ...r, test: r.test === "ci" ? (this.settings.ci === "montecarlo" ? "MC CI" : "boot CI") : "t test" })),
        notes: [
          "MC SE = √(power·(1 − power)/replications). Analytic power: noncentral F with λ = f²·N (fixed predictors).",
          ...(this.rows.some((r) => r.failed > 0) ? ["Some replications had a singular fit and were dropped (see `failed`)."] : []),
        ],
      },
    ];
  }

  /** Power curves (one line per effect, ±2 MC SE band as error bars) with the 80% line. */
  plot(options: { effects?: (string | number)[]; target?: number } = {}): Figure {
    const names = options.effects ? options.effects.map((e) => this.effectName(e)) : this.effects.map((e) => e.name);
    const series = names.map((name) => {
      const rows = this.ns.map((n) => this.rows.find((r) => r.n === n && r.effect === name)!);
      return { name, power: rows.map((r) => r.power), mcse: rows.map((r) => r.mcse) };
    });
    return powerCurveFigure(series, this.ns, { title: this.title(), yTitle: "Power", target: options.target });
  }
}
