/**
 * Checks only paper 001 needs: the trait-only CMV model must be the full measurement model (Set 3),
 * and the stars Table 5 prints on the indirect effects against the text's Sobel tests.
 */
import { checkSameFit, checkStarsFromStatistic, type ConsistencyRow } from "../../replicate/checks";
import type { PaperRecord } from "../../replicate/record";

export function checks001(record: PaperRecord): ConsistencyRow[] {
  const fit = (id: string) => record.fit.find((f) => f.id === id)!;
  const legend = record.conventions["Table 5"].starLegend;
  const rows: ConsistencyRow[] = [
    checkSameFit(fit("001.fit.cmv_trait"), fit("001.fit.set3"), "the trait-only CMV model is the full measurement model (Set 3)"),
  ];
  for (const m of ["rad", "inc"]) {
    const text = record.indirectEffects.find((e) => e.id === `001.IE.${m}`)!;
    const t5 = record.indirectEffects.find((e) => e.id === `001.IE.${m}.T5`)!;
    const z = text.sobelZ!;
    rows.push(
      checkStarsFromStatistic({
        label: `Table 5 indirect via ${m === "rad" ? "radical" : "incremental"} (stars) against the text's Sobel z`,
        source: `${t5.source}; ${z.source}`,
        stat: z.value,
        statDigits: z.digits,
        stars: t5.stars ?? "",
        legend,
        id: t5.effect.id,
      }),
    );
  }
  return rows;
}
