/**
 * Effect sizes for regression.
 */
import { PathlabError } from "../errors";

/**
 * Cohen's f² (Cohen 1988, eq. 9.2.2; Selya et al. 2012): f² = (R²_full − R²_reduced)/(1 − R²_full),
 * the effect of a predictor or block over the reduced model; with no reduced model, R²/(1 − R²).
 * Conventional benchmarks: .02 small, .15 medium, .35 large.
 *
 * @example
 * cohensF2(0.30, 0.25)   // f² of the added block: (0.30 − 0.25)/(1 − 0.30)
 */
export function cohensF2(r2Full: number, r2Reduced = 0): number {
  if (!(r2Full >= 0 && r2Full <= 1) || !(r2Reduced >= 0 && r2Reduced <= 1)) {
    throw new PathlabError(`R² values must lie in [0, 1] (got full ${r2Full}, reduced ${r2Reduced}).`, {
      hint: "Pass the R² of the full and the reduced model, e.g. cohensF2(0.32, 0.25).",
      code: "regression.bad-r2",
    });
  }
  if (r2Reduced > r2Full + 1e-12) {
    throw new PathlabError(`The reduced model's R² (${r2Reduced}) exceeds the full model's (${r2Full}); pass them as cohensF2(full, reduced).`, {
      hint: "The full model contains every predictor of the reduced one, so its R² is at least as large.",
      code: "regression.bad-r2",
    });
  }
  if (r2Full === 1) return Infinity;
  return (r2Full - r2Reduced) / (1 - r2Full);
}
