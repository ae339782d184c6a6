import { readCSV, sem, PAPER002_SCALES } from "../../src";
import * as fs from "fs";
export async function m4Fit() {
  const df = await readCSV(__dirname + "/../../notebooks/data/002.csv");
  const scales: Record<string, string[]> = PAPER002_SCALES as never;
  const ctrl = ["firm_size", "firm_age", "industry", "intl_experience", "intl_scope"].join(" + ");
  const block = {
    re: `re =~ ${scales.re.join(" + ")}`,
    osc: `uts =~ ${scales.uts.join(" + ")}\ndms =~ ${scales.dms.join(" + ")}\nosc =~ uts + dms`,
    peic: `peic =~ ${scales.peic.join(" + ")}`,
  };
  const M4 = [block.re, block.osc, block.peic, `osc ~ re + ${ctrl}`, `peic ~ osc + re + ${ctrl}`, `re ~~ ${ctrl}`].join("\n");
  return sem(M4, df, { likelihood: "wishart" });
}
