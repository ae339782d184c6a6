/**
 * Paper 003's reproduction map: the Table 3 numbers whose status is fixed before any computation.
 * Models M1–M4 are determined by Table 2 and are computed in the notebook; M5 adds a mean-centred
 * product whose moments no published table contains, and the simulation plants it.
 */
import type { FixedStatus } from "../../replicate/compare";

const M5_TERMS = ["dom_perf", "industry", "firm_size", "alliance_exp", "firm_age", "intl_exp", "iapd", "cka"];

export const fixed003: FixedStatus[] = [
  {
    kind: "by construction",
    ids: ["003.T3.M5.iapd_x_cka.est", "003.T3.M5.iapd_x_cka.t", "003.T3.M5.r2", "003.T3.M5.adjR2", "003.T3.M5.deltaR2", "003.T3.M5.F"],
    reason:
      "the simulation plants the IAPD × CKA interaction at the published β = 0.24 on top of Table 2 (Table 2 cannot contain the product's moments); the product's t and the model's R², ΔR² and F follow from that input",
  },
  {
    kind: "not reproducible",
    ids: [...M5_TERMS.flatMap((t) => [`003.T3.M5.${t}.est`, `003.T3.M5.${t}.t`]), "003.T3.M5.vif"],
    reason:
      "M5 contains the mean-centred product IAPD × CKA, whose covariances with the other predictors and the outcome (third moments of the raw data) are not published; the simulated value assumes they vanish",
  },
];
