/**
 * Checks only paper 000 needs: the text's structural-model fit χ²(75) against the df of every
 * Table 4 model, and Models 2 and 6 printing the same df although Model 6 has more variables.
 */
import type { ConsistencyRow } from "../../replicate/checks";
import type { PaperRecord } from "../../replicate/record";

export function checks000(record: PaperRecord): ConsistencyRow[] {
  const dfOf = (m: string) => record.modelStats.find((s) => s.model === m)!.stats.find((n) => n.kind === "df")!;
  const t4 = ["M1", "M2", "M3", "M4", "M5", "M6"].map((m) => ({ m, df: dfOf(m) }));
  const text = record.fit.find((f) => f.id === "000.fit.structural_text")!.values.find((v) => v.kind === "df")!;
  const match = t4.filter((x) => x.df.value === text.value);
  const m2 = dfOf("M2");
  const m6 = dfOf("M6");
  return [
    {
      check: "structural-model fit vs the Table 4 models",
      source: "text §5.3 (hypothesised structural model) and Table 4, χ²/df row",
      published: `χ²(${text.printed}) = 84.40`,
      recomputed: `Table 4 df: ${t4.map((x) => `${x.m} ${x.df.printed}`).join(", ")}`,
      verdict: match.length ? "ok" : "flag",
      note: match.length ? "" : "the text's structural model matches no column of Table 4",
      id: text.id,
    },
    {
      check: "nested models have different df",
      source: "Table 4, χ²/df row, columns M2 and M6",
      published: `M2 df = ${m2.printed}, M6 df = ${m6.printed}`,
      recomputed: "M6 adds speed and its indicators to M2's variables, so it has more moments and more df",
      verdict: m2.value === m6.value ? "flag" : "ok",
      note: m2.value === m6.value ? "M2 and M6 cannot share df = 110" : "",
      id: m6.id,
    },
  ];
}
