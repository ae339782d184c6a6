/**
 * The objective an SEM optimiser minimises, and its multiple-group form.
 *
 * One group: the ML discrepancy F(θ) of a RAM engine (see ram.ts). G groups (lavaan's
 * lav_model_objective): the groups share the parameter vector θ and
 *   F(θ) = Σ_g w_g F_g(θ),  w_g = N_g / N,
 * so that N·F = Σ_g N_g F_g is the multiple-group likelihood-ratio χ² (each term is that group's
 * contribution), and the gradient and the expected information per observation are the same
 * weighted sums (Jöreskog 1971; Bollen 1989, ch. 8). With the Wishart likelihood N_g − 1 and
 * N − G take the place of N_g and N.
 *
 * @example
 * const obj = new GroupedObjective([engine1, engine2], [145 / 301, 156 / 301]);
 * const opt = minimize(obj, start);
 */
import { PathlabError } from "../errors";

/** What the optimiser needs from a model: F, its gradient and the expected information at θ. */
export interface SemObjective {
  /** Number of free parameters. */
  readonly q: number;
  /** Free parameters that are variances (kept ≥ 0 in the optimiser's first phase). */
  varianceParams(): number[];
  setTheta(theta: ArrayLike<number>): void;
  /** Computes the implied moments; false where they are not admissible (Σ not positive definite). */
  implied(): boolean;
  /** F at the θ of the last `implied()`. */
  objective(): number;
  /** ∂F/∂θ at the θ of the last `objective()`. */
  gradient(out: Float64Array): void;
  /** Expected information per observation (q×q) at the θ of the last `implied()`. */
  information(out: Float64Array): void;
  /** A cheaper stand-in for `information` in the optimiser's scoring steps (FIML: complete-data information). */
  fisherInformation?(out: Float64Array): void;
  /**
   * Observed information per observation (½ × the Hessian of F) at θ (the engine's current point);
   * `scale` gives each parameter's natural step size for the numerical part.
   */
  observedInformation?(theta: Float64Array, out: Float64Array, scale: Float64Array): void;
}

/** F = Σ_g w_g F_g over groups that share θ. */
export class GroupedObjective implements SemObjective {
  readonly q: number;
  private readonly buf: Float64Array;
  private readonly infoBuf: Float64Array;
  /** F_g of each group at the last `objective()`. */
  readonly groupF: Float64Array;

  constructor(
    readonly groups: SemObjective[],
    readonly weights: number[],
  ) {
    this.q = groups[0].q;
    this.buf = new Float64Array(this.q);
    this.infoBuf = new Float64Array(this.q * this.q);
    this.groupF = new Float64Array(groups.length);
  }

  varianceParams(): number[] {
    return [...new Set(this.groups.flatMap((g) => g.varianceParams()))].sort((a, b) => a - b);
  }

  setTheta(theta: ArrayLike<number>): void {
    for (const g of this.groups) g.setTheta(theta);
  }

  implied(): boolean {
    let ok = true;
    for (const g of this.groups) ok = g.implied() && ok;
    return ok;
  }

  objective(): number {
    let f = 0;
    this.groups.forEach((g, k) => {
      const fg = g.objective();
      this.groupF[k] = fg;
      f += this.weights[k] * fg;
    });
    return f;
  }

  gradient(out: Float64Array): void {
    out.fill(0);
    this.groups.forEach((g, k) => {
      g.gradient(this.buf);
      const w = this.weights[k];
      for (let i = 0; i < this.q; i++) out[i] += w * this.buf[i];
    });
  }

  information(out: Float64Array): void {
    this.sum(out, (g, buf) => g.information(buf));
  }

  fisherInformation(out: Float64Array): void {
    this.sum(out, (g, buf) => (g.fisherInformation ? g.fisherInformation(buf) : g.information(buf)));
  }

  observedInformation(theta: Float64Array, out: Float64Array, scale: Float64Array): void {
    this.sum(out, (g, buf) => {
      if (!g.observedInformation) throw new PathlabError("observedInformation: not available for this engine.", { code: "internal.assertion" });
      g.observedInformation(theta, buf, scale);
    });
  }

  /** out = Σ_g w_g × (the q×q matrix `fn` writes for group g). */
  private sum(out: Float64Array, fn: (g: SemObjective, buf: Float64Array) => void): void {
    out.fill(0);
    this.groups.forEach((g, k) => {
      fn(g, this.infoBuf);
      const w = this.weights[k];
      for (let i = 0; i < out.length; i++) out[i] += w * this.infoBuf[i];
    });
  }
}
