/**
 * Composite-level simulation: one column per scale score, from a paper's table of means, SDs and
 * correlations.
 */
import type { TableSpec } from "../display/table";
import { rng as toRng, type Rng } from "./rng";
import { drawMvnorm } from "./mvrnorm";
import { SimulatedData, maxAbsOffDiagonal, momentsTable } from "./simulated-data";
import {
  ANY,
  SEED_OR_RNG,
  checkCorrelation,
  checkN,
  checkNames,
  checkVector,
  requirePositiveDefinite,
  seedOf,
  squareMatrix,
  type MatrixInput,
} from "./validate";
import { checkOptions } from "../options";
import { PathlabError } from "../errors";

/** Options of `simulateComposites`: the sample size, the published means, SDs and correlations, and the seed. */
export interface SimulateCompositesOptions {
  n: number;
  /** Variable names, in the order of the correlation table. */
  names: string[];
  /** Published means. */
  means: number[];
  /** Published SDs (all > 0). */
  sds: number[];
  /** Published correlations: full matrix, or the lower triangle with its diagonal, as printed. */
  cor: MatrixInput;
  seed: number | Rng;
}

/** Composite scores whose sample moments equal the published ones exactly. */
export class CompositeSimulation extends SimulatedData {
  constructor(
    names: string[],
    columns: Float64Array[],
    seed: number | undefined,
    readonly targetMeans: number[],
    readonly targetSds: number[],
    readonly targetCor: number[][],
  ) {
    super(names, columns, seed);
  }

  title(): string {
    return "Simulated composites (exact sample moments)";
  }

  /** Largest absolute differences between achieved and target moments. */
  get discrepancy(): { mean: number; sd: number; cor: number } {
    const m = this.moments();
    return {
      mean: Math.max(...m.means.map((v, i) => Math.abs(v - this.targetMeans[i]))),
      sd: Math.max(...m.sds.map((v, i) => Math.abs(v - this.targetSds[i]))),
      cor: maxAbsOffDiagonal(m.cor, this.targetCor),
    };
  }

  tables(): TableSpec[] {
    return [
      momentsTable("Target vs achieved sample moments", this.names, { means: this.targetMeans, sds: this.targetSds, cor: this.targetCor }, this.moments(), [
        "Multivariate normal with exact sample moments (MASS::mvrnorm(empirical = TRUE) method); SDs use n − 1.",
      ]),
    ];
  }
}

/**
 * n rows of multivariate-normal composite scores whose sample means, SDs (n − 1) and Pearson
 * correlations equal the published ones exactly: Σ = D R D with D = diag(sds), then the exact-moment
 * draw of `mvrnorm` (empirical = TRUE).
 *
 * @throws PathlabError when the names, means, SDs and correlation table disagree in length, an SD is
 *   not positive, the table is not a correlation matrix, it is not positive definite (the message
 *   gives the smallest eigenvalue; repair explicitly with `nearestPD`), or n ≤ the number of variables.
 *
 * @example
 * simulateComposites({ n: 200, names: ["x", "y"], means: [3.5, 4.1], sds: [0.9, 1.1], cor: [[1, 0.35], [0.35, 1]], seed: 1 })
 */
export function simulateComposites(options: SimulateCompositesOptions): CompositeSimulation {
  options = checkOptions<SimulateCompositesOptions>("simulateComposites", options, { n: ANY, names: ANY, means: ANY, sds: ANY, cor: ANY, seed: SEED_OR_RNG });
  const seed = seedOf("simulateComposites", options.seed);
  const R = squareMatrix(options.cor, "cor");
  const p = R.length;
  const names = checkNames(options.names, p, "names");
  const means = checkVector(options.means, p, "means", "cor");
  const sds = checkVector(options.sds, p, "sds", "cor");
  sds.forEach((s, i) => {
    if (!(s > 0))
      throw new PathlabError(`sds: the SD of "${names[i]}" is ${s}; SDs must be positive.`, {
        hint: "Give the published standard deviations, all above 0.",
        code: "simulate.bad-input",
      });
  });
  checkCorrelation(R, "cor", names);
  requirePositiveDefinite(R, "cor", true);
  checkN(options.n, p, `exact sample moments for ${p} variables`);
  const cov = R.map((row, i) => row.map((r, j) => r * sds[i] * sds[j]));
  const columns = drawMvnorm(options.n, means, cov, toRng(seed), true, "cov");
  return new CompositeSimulation(names, columns, typeof seed === "number" ? seed : undefined, means, sds, R);
}
