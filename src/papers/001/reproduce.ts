/**
 * Paper 001's reproduction map: the published numbers whose status is fixed before any
 * computation — the planted moderation (the interactions and the simple slopes they were computed
 * from) and the quadratic moderation nothing published determines.
 */
import type { FixedStatus } from "../../replicate/compare";

export const fixed001: FixedStatus[] = [
  {
    kind: "by construction",
    ids: ["001.MOD.rad.amc_x_apd.est", "001.MOD.inc.amc_x_apd.est", "001.SS.rad.high", "001.SS.rad.low", "001.SS.inc.high", "001.SS.inc.low"],
    reason:
      "a correlation table carries no interaction: the simulation plants AMC × APD at (high − low)/2 of the published ±1 SD simple slopes, so the interactions and slopes are inputs, not reproductions",
  },
  {
    kind: "not reproducible",
    ids: ["001.QMOD.rad.amc_x_apd2.est", "001.QMOD.rad.amc_x_apd2.p", "001.QMOD.inc.amc_x_apd2.est", "001.QMOD.inc.amc_x_apd2.p"],
    reason:
      "the AMC × APD² effect depends on raw-data moments no published table carries and on an unstated specification; the simulation plants no quadratic term",
  },
];
