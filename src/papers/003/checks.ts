/**
 * Checks only paper 003 needs: the M2 t values of technological and market dynamism fall outside
 * their own attainable intervals from Table 2 but inside each other's — a swap in Table 3.
 */
import { deriveFromTable } from "../../replicate/reproduce";
import { regressionFromMoments } from "../../replicate/moments";
import { overlapsPublished, type DerivedReproduction } from "../../replicate/compare";
import { coefficientNumbers } from "../../replicate/numbers";
import type { ConsistencyRow } from "../../replicate/checks";
import type { PaperRecord } from "../../replicate/record";

export function checks003(record: PaperRecord): ConsistencyRow[] {
  const x = ["dom_perf", "industry", "firm_size", "alliance_exp", "firm_age", "intl_exp", "comp_int", "tech_dyn", "mkt_dyn"];
  const spec = { name: "OLS on Table 2", stated: true };
  const tOf = (term: string) =>
    deriveFromTable(record.correlations, ["iapd", ...x], (m) => regressionFromMoments(m, "iapd", x).t[x.indexOf(term)], spec) as DerivedReproduction;
  const td = tOf("tech_dyn");
  const md = tOf("mkt_dyn");
  const pub = (id: string) => coefficientNumbers(record.coefficients.find((c) => c.id === id)!).find((n) => n.id.endsWith(".t"))!;
  const pTd = pub("003.T3.M2.tech_dyn");
  const pMd = pub("003.T3.M2.mkt_dyn");
  const own = overlapsPublished(pTd, td.lower, td.upper) && overlapsPublished(pMd, md.lower, md.upper);
  const swapped = overlapsPublished(pTd, md.lower, md.upper) && overlapsPublished(pMd, td.lower, td.upper);
  const f = (v: number) => v.toFixed(2);
  return [
    {
      check: "t values of M2 against Table 2 (attainable intervals)",
      source: "Table 3, M2, rows H2 technological dynamism and H3 market dynamism",
      published: `TD t = ${pTd.printed}, MD t = ${pMd.printed}`,
      recomputed: `TD t ∈ [${f(td.lower)}, ${f(td.upper)}], MD t ∈ [${f(md.lower)}, ${f(md.upper)}]`,
      verdict: own ? "ok" : "flag",
      note: own
        ? ""
        : swapped
          ? "each printed t fits the other variable's interval only: the two t values appear swapped"
          : "the printed t values are not attainable from Table 2",
      id: pTd.id,
    },
  ];
}
