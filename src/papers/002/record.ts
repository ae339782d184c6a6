/**
 * Paper 002 — "The drivers of the post-entry internationalisation commitment of small and
 * medium-sized enterprises", International Small Business Journal (online first 2021).
 * ISAN relational embeddedness (RE) → opportunity-sensing capabilities (OSC = UTS + DMS) →
 * post-entry internationalisation commitment (PEIC), moderated by strategic adaptiveness (SA).
 * Transcribed from shared/papers/002.md. PaperItem texts are short paraphrases.
 */
import { LEGEND_DAGGER, coef, corrTable, fitRecord, modelStats, percentRows, pub, reading, scale, wideCoefficients } from "../../replicate/transcribe";
import type { CoefficientRow, PaperControl, PublishedIndirectEffect, PaperRecord, PublishedSimpleSlope } from "../../replicate/record";

const P = "002";
const N = 320;
const T2 = "Table 2";
const T3 = "Table 3";
const LIKERT7 = "7-point Likert (anchors not reported)";

const constructs = [
  scale(P, T2, T3, {
    id: "re", name: "ISAN relational embeddedness", role: "IV", scale: LIKERT7, scaleRange: [1, 7],
    composite: "latent factor in the SEM; item mean for PROCESS (assumed)", scaleSource: "Chien et al. (2012); Rindfleisch & Moorman (2001)",
    items: [
      ["re1", "Keeps close ties with alliance partners", "0.79"],
      ["re2", "Partner relationship is mutually rewarding", "0.87"],
      ["re3", "Expects to work with partners long-term", "0.84"],
      ["re4", "Feels obligated to partners for past help", "0.77"],
    ],
    alpha: "0.90", cr: "0.89", ave: "0.67", sqrtAve: "0.82",
  }),
  scale(P, T2, T3, {
    id: "uts", name: "Upstream technology-sensing capability", role: "OSC dimension", scale: LIKERT7, scaleRange: [1, 7],
    composite: "first-order factor under OSC; item mean (assumed)", scaleSource: "Srinivasan et al. (2002)",
    items: [
      ["uts1", "Detects new technology developments affecting business", "0.80"],
      ["uts2", "Gathers intelligence on technology changes", "0.74"],
      ["uts3", "Rapidly senses relevant technology shifts", "0.86"],
      ["uts4", "Assesses impact of technology change", "0.77"],
    ],
    alpha: "0.85", cr: "0.87", ave: "0.63", sqrtAve: "0.79",
  }),
  scale(P, T2, T3, {
    id: "dms", name: "Downstream market-sensing capability", role: "OSC dimension", scale: LIKERT7, scaleRange: [1, 7],
    composite: "first-order factor under OSC; item mean (assumed)", scaleSource: "Morgan et al. (2009), adapted",
    items: [
      ["dms1", "Learns what customers need", "0.72"],
      ["dms2", "Gains insight into distribution channel", "0.72"],
      ["dms3", "Identifies and understands market trends", "0.78"],
      ["dms4", "Learns about wider market environment", "0.74"],
    ],
    alpha: "0.84", cr: "0.83", ave: "0.55", sqrtAve: "0.74",
  }),
  {
    id: "osc", name: "Opportunity-sensing capability", role: "mediator (second-order)", items: [], dimensions: ["uts", "dms"],
    composite:
      "second-order latent over UTS and DMS in the SEM; for PROCESS the rule is not stated — mean(uts, dms), i.e. the 8-item mean, reproduces the published PROCESS paths (extraction's inference)",
  },
  scale(P, T2, T3, {
    id: "peic", name: "Post-entry internationalisation commitment", role: "DV", scaleRange: [1, 7],
    scale: "7-point; investments in the first three years after initial entry, relative to expectations",
    composite: "latent in the SEM; item mean for PROCESS (assumed)", scaleSource: "Armario et al. (2008); Khalid & Bhatti (2015)",
    items: [
      ["peic1", "Staff devoted to internationalisation training", "0.74"],
      ["peic2", "Staff committed to foreign operations", "0.72"],
      ["peic3", "Structural changes made due to entry", "0.84"],
      ["peic4", "Partnerships with foreign distributors or technology partners", "0.77"],
    ],
    alpha: "0.86", cr: "0.85", ave: "0.60", sqrtAve: "0.77",
  }),
  scale(P, T2, T3, {
    id: "sa", name: "Strategic adaptiveness", role: "moderator", scale: LIKERT7, scaleRange: [1, 7],
    composite: "latent in the SEM (product-term construction for M5 not reported); PROCESS Model 1 moderator", scaleSource: "Nyuur et al. (2016)",
    items: [
      ["sa1", "Marketing strategy adapts to environment changes", "0.76"],
      ["sa2", "Marketing strategy adapts to competitor moves", "0.82"],
      ["sa3", "Products quickly adapted to customer needs", "0.84"],
      ["sa4", "Responds fast to market threats", "0.81"],
    ],
    alpha: "0.89", cr: "0.88", ave: "0.65", sqrtAve: "0.81",
  }),
];

const SAMPLE = "text (sample): 9–250 employees, mean 89; mean firm age 20.14 years; about 7 countries";
const controls: PaperControl[] = [
  {
    id: "firm_size", label: "Firm size", measure: "number of employees", transform: "log (table note: natural; mean 1.78 is impossible for ln of 9–250 and fits log10)",
    logCheck: { base: "e", arithmeticMean: 89, range: [9, 250], source: SAMPLE },
  },
  { id: "firm_age", label: "Firm age", measure: "years since founding", transform: "log (mean 1.12 fits log10)", logCheck: { base: "e", arithmeticMean: 20.14, source: SAMPLE } },
  { id: "industry", label: "Industry", measure: "1 = high-tech, 2 = medium-tech, 3 = low-tech", transform: "one variable called 'dummy'; printed mean 2.20 / SD 3.27 impossible for 1–3" },
  {
    id: "intl_scope", label: "International scope", measure: "number of countries the firm sells in", transform: "text: log; table values (7.16, 13.53) look raw",
    logCheck: { base: "e", arithmeticMean: 7, source: SAMPLE },
  },
  { id: "intl_experience", label: "International experience", measure: "years in international markets", transform: "text: not logged; table marks it logged (0.57, 0.48)" },
];

const correlations = corrTable({
  paper: P,
  source: T3,
  n: N,
  names: ["re", "uts", "dms", "peic", "sa", "firm_size", "firm_age", "industry", "intl_scope", "intl_experience"],
  labels: [
    "Relational embeddedness", "Upstream technology sensing", "Downstream market sensing", "Post-entry int. commitment", "Strategic adaptiveness",
    "Firm size (log)", "Firm age (log)", "Industry", "International scope", "International experience (log)",
  ],
  means: ["5.10", "5.18", "5.19", "4.93", "4.97", "1.78", "1.12", "2.20", "7.16", "0.57"],
  sds: ["1.37", "1.12", "1.12", "1.15", "1.29", "0.42", "0.37", "3.27", "13.53", "0.48"],
  lower: [
    [],
    ["0.52***"],
    ["0.44***", "0.55***"],
    ["0.20***", "0.33***", "0.38***"],
    ["0.32***", "0.48***", "0.57***", "0.40***"],
    ["0.06", "0.02", "0.07", "0.02", "0.11*"],
    ["−0.12*", "−0.12*", "−0.14*", "−0.03", "−0.07", "0.16**"],
    ["−0.01", "−0.04", "−0.01", "0.00", "−0.01", "0.12*", "0.03"],
    ["−0.09", "−0.03", "−0.06", "0.03", "0.00", "0.02", "0.09", "−0.04"],
    ["−0.05", "−0.08", "−0.12*", "−0.05", "−0.07", "0.07", "0.64***", "0.05", "−0.01"],
  ],
  diagonal: ["0.82", "0.79", "0.74", "0.77", "0.81", "1.00", "1.00", "1.00", "1.00", "1.00"],
  diagonalMeaning: "√AVE for the five constructs (the note wrongly says AVE); 1.00 for the controls",
  starLegend: LEGEND_DAGGER,
  cellReadings: [
    {
      row: "firm_size", col: "re",
      readings: [
        reading("0.06", "reading B (used)", "best of 3,600 placements of printed values and orphan fragments at reproducing Table 4's control coefficients", true),
        reading("0.02", "reading A", "naive positional reading; contradicts Table 4 (firm-age coefficients ≈ −0.15 to −0.19)", false),
      ],
    },
    { row: "firm_size", col: "uts", readings: [reading("0.02", "reading B (used)", "see firm_size × re", true), reading("0.07", "reading A", "naive positional", false)] },
    { row: "firm_size", col: "dms", readings: [reading("0.07", "reading B (used)", "see firm_size × re", true), reading("0.11", "reading A", "naive positional (with *)", false)] },
    { row: "firm_size", col: "peic", readings: [reading("0.02", "reading B (used)", "see firm_size × re", true), reading("0.06", "reading A", "naive positional", false)] },
    { row: "firm_size", col: "sa", readings: [reading("0.11", "reading B (used)", "see firm_size × re", true), reading("0.02", "reading A", "naive positional", false)] },
    { row: "firm_age", col: "uts", readings: [reading("−0.12", "reading B (used)", "−0.12 vs −0.14 for UTS/DMS not identifiable", true), reading("−0.14", "reading B′", "swap with DMS fits equally well", false), reading("−0.03", "reading A", "naive positional", false)] },
    { row: "firm_age", col: "dms", readings: [reading("−0.14", "reading B (used)", "see firm_age × uts", true), reading("−0.12", "reading B′", "swap with UTS", false), reading("−0.07", "reading A", "naive positional", false)] },
    { row: "firm_age", col: "peic", readings: [reading("−0.03", "reading B (used)", "fits Table 4 (M3 age 0.05 (0.72) reproduced)", true), reading("−0.12", "reading A", "naive positional", false)] },
    { row: "firm_age", col: "sa", readings: [reading("−0.07", "reading B (used)", "fits Table 4", true), reading("−0.14", "reading A", "naive positional", false)] },
    { row: "sa", col: "dms", readings: [reading("0.57***", "stars restored (used)", "printed without stars; a stray *** fragment assigned here (r = .57 at n = 320 has p < 1e−27)", true)] },
  ],
  note: "Rows 6–7 are mangled in the source; reading B (reconstructed) is used. r(SA, DMS) = 0.57 printed without stars; the orphan *** is assigned to it.",
});

const T4 = "Table 4";
const table4 = wideCoefficients({
  paper: P,
  tableId: "T4",
  table: T4,
  models: [
    { id: "M1", outcome: "osc" },
    { id: "M2", outcome: "peic" },
    { id: "M3", outcome: "peic" },
    { id: "M4", outcome: "peic" },
    { id: "M5", outcome: "peic" },
  ],
  standardized: true,
  statistic: "cr",
  starred: true,
  hypotheses: { "M2.re": "H1", "M1.re": "H2", "M3.osc": "H2", "M4.re": "H2", "M4.osc": "H2", "M5.osc_x_sa": "H3" },
  rows: [
    { predictor: "firm_size", label: "Firm size", role: "control", cells: ["0.04 (0.66)", "0.02 (0.26)", "−0.01 (−0.07)", "−0.01 (0.77)", "−0.03 (−0.61)"] },
    { predictor: "firm_age", label: "Firm age", role: "control", cells: ["−0.05 (−0.79)", "0.01 (0.17)", "0.05 (0.72)", "0.05 (0.64)", "−0.01 (−0.09)"] },
    { predictor: "industry", label: "Industry", role: "control", cells: ["−0.02 (−0.03)", "0.01 (0.11)", "0.02 (0.31)", "0.03 (0.45)", "0.03 (0.58)"] },
    { predictor: "intl_experience", label: "International experience", role: "control", cells: ["−0.05 (−0.75)", "−0.05 (−0.69)", "−0.02 (−0.22)", "−0.01 (−0.16)", "0.03 (0.41)"] },
    { predictor: "intl_scope", label: "International scope", role: "control", cells: ["0.01 (0.10)", "0.05 (0.87)", "0.06 (1.11)", "0.05 (0.87)", "0.06 (1.12)"] },
    { predictor: "re", label: "Relational embeddedness", role: "focal", cells: ["0.63*** (8.52)", "0.20*** (3.37)", "", "−0.03 (−0.52)", ""] },
    { predictor: "osc", label: "OSC", role: "focal", cells: ["", "", "0.43*** (7.01)", "0.45*** (6.28)", "0.31*** (4.39)"] },
    { predictor: "sa", label: "Strategic adaptiveness", role: "focal", cells: ["", "", "", "", "0.17* (2.72)"] },
    { predictor: "osc_x_sa", label: "OSC × SA", role: "interaction", cells: ["", "", "", "", "0.30*** (4.32)"] },
  ],
  cellNotes: {
    "M4.firm_size": { note: "β −0.01 cannot have t = +0.77 (sign and size inconsistent)." },
    "M1.industry": { note: "β −0.02 with t −0.03 is inconsistent with the row's SE of about 0.06." },
    "M5.sa": { note: "t = 2.72 implies p < .01 but one star is printed." },
    "M5.osc_x_sa": { note: "Construction of the latent interaction not described; RE cell blank in M5 (unclear whether RE was in the model)." },
  },
});

const SEMEST = "AMOS 26 SEM (ML presumably), standardised β with critical ratios; specification (parcels? subsets?) unknown";
const t4stats: [string, string, string, string, string, string, string, string, string[]][] = [
  ["M1", "osc", "69.93", "1.35", "0.96", "0.98", "0.03", "0.03", ["firm_size", "firm_age", "industry", "intl_experience", "intl_scope", "re"]],
  ["M2", "peic", "34.57", "1.73", "0.96", "0.98", "0.05", "0.02", ["firm_size", "firm_age", "industry", "intl_experience", "intl_scope", "re"]],
  ["M3", "peic", "42.44", "1.51", "0.96", "0.98", "0.04", "0.03", ["firm_size", "firm_age", "industry", "intl_experience", "intl_scope", "osc"]],
  ["M4", "peic", "50.28", "1.57", "0.95", "0.98", "0.04", "0.03", ["firm_size", "firm_age", "industry", "intl_experience", "intl_scope", "re", "osc"]],
  ["M5", "peic", "51.03", "1.42", "0.96", "0.99", "0.04", "0.03", ["firm_size", "firm_age", "industry", "intl_experience", "intl_scope", "osc", "sa", "osc_x_sa"]],
];
const t4desc: Record<string, string> = {
  M1: "controls + RE → OSC (a path)",
  M2: "controls + RE → PEIC (total effect; H1)",
  M3: "controls + OSC → PEIC",
  M4: "controls + RE + OSC → PEIC (mediation test)",
  M5: "controls + OSC + SA + OSC × SA → PEIC (H3)",
};
const table4Stats = t4stats.map(([m, y, chi2, ratio, nfi, cfi, rmsea, srmr, preds]) =>
  modelStats(P, "T4", T4, m, y, t4desc[m], preds, SEMEST, N, [
    ["chi2", chi2], ["chi2df", ratio], ["nfi", nfi], ["cfi", cfi], ["rmsea", rmsea], ["srmr", srmr],
  ], "df not printed; implied df = χ² ÷ (χ²/df). No R² printed."),
);

const T5 = "Table 5";
const TXT = "text (results)";
const process: CoefficientRow[] = [
  coef({ id: `${P}.T5.a`, table: T5, model: "PROCESS mediation", outcome: "osc", predictor: "re", role: "path", est: "0.39*", ci: ["0.32", "0.45"], hypothesis: "H2", standardized: false, source: `${T5}, row "RE → OSC"; Figure 2 (B = 0.39***)`, note: "Table 5's * means the CI excludes zero." }),
  coef({ id: `${P}.T5.re_peic`, table: T5, model: "PROCESS mediation", outcome: "peic", predictor: "re", role: "total", est: "0.17*", ci: ["0.08", "0.26"], hypothesis: "H1", standardized: false, source: `${T5}, row "RE → PEIC" (the total effect c; text: β = 0.17, p < .001)` }),
  coef({ id: `${P}.T5.b`, table: T5, model: "PROCESS mediation", outcome: "peic", predictor: "osc", role: "path", est: "0.48*", ci: ["0.34", "0.62"], hypothesis: "H2", standardized: false, source: `${T5}, row "OSC → PEIC"`, note: "Figure 2 prints B = 0.46***." }),
  coef({ id: `${P}.T5.total`, table: T5, model: "PROCESS mediation", outcome: "peic", predictor: "re", role: "total", est: "0.17*", ci: ["0.08", "0.26"], hypothesis: "H2", standardized: false, source: `${T5}, row "Total effect"` }),
  coef({
    id: `${P}.F2.direct`, table: "Figure 2", model: "PROCESS mediation", outcome: "peic", predictor: "re", role: "direct", est: "−0.03", stars: "", pText: "ns", hypothesis: "H2", standardized: false,
    source: "Figure 2 (B = −0.03 ns); robustness text says β = 0.03, p > .10",
    readings: [
      {
        field: "estimate", why: "Figure 2 and Table 4 M4 agree on the negative sign",
        options: [reading("−0.03", "Figure 2", "B = −0.03 ns; Table 4 M4 also prints −0.03", true), reading("0.03", "robustness text", "β = 0.03, p > .10 (sign dropped?)", false)],
      },
    ],
  }),
  coef({ id: `${P}.F2.b`, table: "Figure 2", model: "PROCESS mediation", outcome: "peic", predictor: "osc", role: "path", est: "0.46***", hypothesis: "H2", standardized: false, source: "Figure 2 (B = 0.46***)", note: "Table 5 prints 0.48; 0.46 is also the +1 SD conditional effect (copy error?)." }),
  coef({ id: `${P}.P1.osc_x_sa`, table: TXT, model: "PROCESS moderation", outcome: "peic", predictor: "osc_x_sa", role: "interaction", est: "0.10", p: "< .01", pText: "p < .01", hypothesis: "H3", standardized: false, source: `${TXT}: PROCESS interaction OSC × SA`, note: "Consistent with (0.46 − 0.22)/(2 × 1.29) = 0.093." }),
  coef({ id: `${P}.ROB.dms`, table: TXT, model: "robustness: PEIC ~ DMS + UTS", outcome: "peic", predictor: "dms", role: "path", est: "0.29", p: "< .001", pText: "p < .001", standardized: true, source: `${TXT}, robustness (OSC dimensions)`, note: "Specification (controls? RE?) not stated." }),
  coef({ id: `${P}.ROB.uts`, table: TXT, model: "robustness: PEIC ~ DMS + UTS", outcome: "peic", predictor: "uts", role: "path", est: "0.16", p: "< .01", pText: "p < .01", standardized: true, source: `${TXT}, robustness (OSC dimensions)` }),
];

const indirectEffects: PublishedIndirectEffect[] = [
  {
    id: `${P}.IE.osc`, hypothesis: "H2", x: "re", m: ["osc"], y: "peic", method: "PROCESS (Model 4 implied), percentile bootstrap 95% CI; draws, covariates and OSC composite rule not reported",
    source: `${T5}, text and Figure 2`,
    effect: pub(`${P}.IE.osc.est`, "Indirect RE → OSC → PEIC", `${T5}, row "Indirect effect"`, "0.19", "indirect", { hypothesis: "H2" }),
    ciLower: pub(`${P}.IE.osc.lo`, "Indirect via OSC: 95% CI lower", `${T5}, row "Indirect effect", LL`, "0.11", "ciLower", { hypothesis: "H2" }),
    ciUpper: pub(`${P}.IE.osc.hi`, "Indirect via OSC: 95% CI upper", `${T5}, row "Indirect effect", UL`, "0.27", "ciUpper", { hypothesis: "H2" }),
    sobelZ: pub(`${P}.IE.osc.sobel`, "Sobel z (RE → OSC → PEIC)", `${T5}, row "Sobel z"`, "6.07", "z", { hypothesis: "H2" }),
    sobelSe: pub(`${P}.IE.osc.sobel_se`, "Sobel SE", `${T5}, row "Sobel z", SE`, "0.03", "se", { hypothesis: "H2" }),
    stars: "*",
    pText: "p < .001",
    paths: [`${P}.T5.a`, `${P}.T5.b`],
    conclusion: "full mediation (direct effect not significant)",
  },
  {
    id: `${P}.IE.dms`, x: "re", m: ["dms"], y: "peic", method: "PROCESS, single mediator", source: `${TXT}, robustness`,
    effect: pub(`${P}.IE.dms.est`, "Indirect RE → DMS → PEIC", `${TXT}, robustness`, "0.13", "indirect"),
    ciLower: pub(`${P}.IE.dms.lo`, "Indirect via DMS: 95% CI lower", `${TXT}, robustness`, "0.06", "ciLower"),
    ciUpper: pub(`${P}.IE.dms.hi`, "Indirect via DMS: 95% CI upper", `${TXT}, robustness`, "0.20", "ciUpper"),
    conclusion: "supported",
  },
  {
    id: `${P}.IE.uts`, x: "re", m: ["uts"], y: "peic", method: "PROCESS, single mediator", source: `${TXT}, robustness`,
    effect: pub(`${P}.IE.uts.est`, "Indirect RE → UTS → PEIC", `${TXT}, robustness`, "0.13", "indirect"),
    ciLower: pub(`${P}.IE.uts.lo`, "Indirect via UTS: 95% CI lower", `${TXT}, robustness`, "0.06", "ciLower"),
    ciUpper: pub(`${P}.IE.uts.hi`, "Indirect via UTS: 95% CI upper", `${TXT}, robustness`, "0.21", "ciUpper"),
    conclusion: "supported",
  },
];

const slope = (id: string, level: string, wSd: number, est: string, lo: string, hi: string): PublishedSimpleSlope => ({
  id: `${P}.SS.${id}`, hypothesis: "H3", x: "osc", w: "sa", y: "peic", level, wSd,
  effect: pub(`${P}.SS.${id}.est`, `Conditional effect of OSC at ${level} of SA`, `${T5}, moderation, ${level}`, est, "slope", { hypothesis: "H3" }),
  ciLower: pub(`${P}.SS.${id}.lo`, `Conditional effect at ${level}: 95% CI lower`, `${T5}, moderation, ${level}, LL`, lo, "ciLower", { hypothesis: "H3" }),
  ciUpper: pub(`${P}.SS.${id}.hi`, `Conditional effect at ${level}: 95% CI upper`, `${T5}, moderation, ${level}, UL`, hi, "ciUpper", { hypothesis: "H3" }),
  source: `${T5}, moderation of OSC → PEIC by SA`,
});

const simpleSlopes = [
  slope("low", "−1 SD", -1, "0.22", "0.07", "0.37"),
  slope("mean", "mean", 0, "0.34", "0.19", "0.49"),
  slope("high", "+1 SD", 1, "0.46", "0.28", "0.64"),
];

const fit = [
  fitRecord(P, "cfa", "Measurement model (trait-only CFA)", "Table 2 notes; CMV model 2", N, { chi2: "165.24", df: "139", chi2df: "1.19", p: "0.06", nfi: "0.96", cfi: "0.99", rmsea: "0.02", srmr: "0.04" }, {
    impliedDf: { df: 160, basis: "5 correlated factors, 20 items (the text says 'six-factor')" },
  }),
  fitRecord(P, "cmv_method", "CMV model 1: method only (single factor)", "text (CMV), model 1", N, { chi2: "1003.66", df: "160", chi2df: "6.27", p: "0.000", nfi: "0.74", cfi: "0.77", rmsea: "0.13", srmr: "0.11" }, {
    impliedDf: { df: 170, basis: "1 factor, 20 items" },
  }),
  fitRecord(P, "cmv_method_trait", "CMV model 3: method + trait", "text (CMV), model 3", N, { chi2: "159.47", df: "137", chi2df: "1.16", p: "0.09", nfi: "0.96", cfi: "0.99", rmsea: "0.02", srmr: "0.04" }, {
    impliedDf: { df: 140, basis: "the 5-factor trait model (df 160) with a method factor loading on all 20 items (20 more parameters)" },
    note: "Adding a common factor to 20 items should cost 20 df, not 2. Δχ²(2) = 5.77 vs model 2 (p = .056): 'not significantly superior'.",
  }),
];

const percentages = [
  ...percentRows(P, "text (sample)", "response_rate", 1200, [["usable responses of 1,200 contacted", 320, "26.67"]]),
  ...percentRows(P, "text (sample)", "industry", N, [["high-tech", null, "53.1"], ["medium-tech", null, "26.6"], ["low-tech", null, "20.3"]]),
  ...percentRows(P, "text (sample)", "respondents", N, [["top executives", null, "51.2"], ["senior managers", null, "48.8"]]),
];

export const paper002: PaperRecord = {
  id: P,
  citation: {
    authors: null,
    year: 2021,
    title: "The drivers of the post-entry internationalisation commitment of small and medium-sized enterprises",
    journal: "International Small Business Journal (SAGE), online first",
    doi: "10.1177/02662426211042775",
    text: "The drivers of the post-entry internationalisation commitment of small and medium-sized enterprises. International Small Business Journal (2021, online first). https://doi.org/10.1177/02662426211042775",
    note: "The supplied text is an author manuscript without title page, authors or references; journal, year and DOI come from an external index matching the abstract. Volume and pages unknown.",
  },
  sample: {
    n: N,
    country: "United Kingdom",
    population: "independent manufacturing SMEs (< 250 employees) active internationally, taking part in international strategic alliance networks (ISANs)",
    frame: "FAME database; 1,200 qualifying SMEs contacted",
    context: "Online Qualtrics questionnaire to owners, top executives and senior managers with an ISAN screening question",
    details: [
      "320 usable responses (26.67%)",
      "industry: high-tech 53.1%, medium-tech 26.6%, low-tech 20.3%",
      "respondents: 51.2% top executives, 48.8% senior managers",
      "mean firm age 20.14 years; about 7 countries; 9–250 employees (mean 89)",
    ],
  },
  design: [
    "CFA (AMOS 26) of five first-order factors / 20 items; CMV via three competing CFAs",
    "Five SEM models (Table 4) following Baron & Kenny, with a latent interaction in M5",
    "PROCESS mediation (Model 4 implied) with bootstrap CIs and the Sobel test",
    "PROCESS moderation (Model 1 implied) with conditional effects at −1 SD, mean, +1 SD of SA",
    "Robustness: OSC dimensions separately (β, f², single-mediator indirect effects)",
  ],
  software: ["IBM SPSS AMOS 26.0 (CFA, SEM)", "PROCESS macro (bootstrap mediation/moderation, Sobel)"],
  constructs,
  controls,
  correlations,
  hypotheses: [
    {
      id: "H1", text: "Relational embeddedness in alliance networks raises post-entry commitment", x: "re", y: "peic", type: "direct", expectedSign: "+",
      verdict: "supported", evidence: [`${P}.T4.M2.re`], evidenceText: "Table 4 M2: β = 0.20***, t = 3.37 (total effect; the discussion claims full mediation)",
    },
    {
      id: "H2", text: "Opportunity-sensing capabilities carry the effect of relational embeddedness on commitment", x: "re", m: ["osc"], y: "peic", type: "mediation",
      expectedSign: "+", verdict: "supported", evidence: [`${P}.T4.M1.re`, `${P}.T4.M3.osc`, `${P}.T4.M4.re`, `${P}.T4.M4.osc`, `${P}.IE.osc`],
      evidenceText: "Baron–Kenny M1–M4; PROCESS indirect 0.19, 95% CI [0.11, 0.27]; Sobel z = 6.07***",
    },
    {
      id: "H3", text: "Strategic adaptiveness strengthens the effect of opportunity sensing on commitment", x: "osc", w: "sa", y: "peic", type: "moderation",
      expectedSign: "+", verdict: "supported", evidence: [`${P}.T4.M5.osc_x_sa`, `${P}.P1.osc_x_sa`, `${P}.SS.low`, `${P}.SS.mean`, `${P}.SS.high`],
      evidenceText: "M5 OSC × SA β = 0.30***, t = 4.32; PROCESS interaction 0.10 (p < .01); conditional effects 0.22 / 0.34 / 0.46",
    },
  ],
  model: {
    nodes: [
      { id: "re", label: "ISAN relational embeddedness", kind: "iv" },
      { id: "osc", label: "Opportunity-sensing capabilities (UTS + DMS)", kind: "mediator" },
      { id: "peic", label: "Post-entry internationalisation commitment", kind: "dv" },
      { id: "sa", label: "Strategic adaptiveness", kind: "moderator" },
      { id: "controls", label: "Controls (size, age, industry, int. scope, int. experience)", kind: "control" },
    ],
    paths: [
      { from: "re", to: "osc", hypothesis: "H2", estimateId: `${P}.T4.M1.re` },
      { from: "osc", to: "peic", hypothesis: "H2", estimateId: `${P}.T4.M4.osc` },
      { from: "re", to: "peic", hypothesis: "H1", estimateId: `${P}.T4.M2.re` },
      { from: "sa", to: "peic", hypothesis: "H3", moderates: ["osc", "peic"], estimateId: `${P}.T4.M5.osc_x_sa` },
      { from: "controls", to: "osc" },
      { from: "controls", to: "peic" },
    ],
  },
  coefficients: [...table4, ...process],
  modelStats: table4Stats,
  indirectEffects,
  simpleSlopes,
  otherResults: [
    pub(`${P}.ROB.f2_dms`, "Cohen's f² for DMS", `${TXT}, robustness`, "0.07", "f2"),
    pub(`${P}.ROB.f2_uts`, "Cohen's f² for UTS", `${TXT}, robustness`, "0.04", "f2"),
  ],
  fit,
  percentages,
  categoricalMoments: [
    {
      id: `${P}.industry`, variable: "industry", source: "text (sample percentages) and Table 3 (mean, SD)", codes: [1, 2, 3], percents: [53.1, 26.6, 20.3], n: N,
      mean: pub(`${P}.industry.mean`, "Industry mean", "Table 3, Industry, Mean", "2.20", "mean"),
      sd: pub(`${P}.industry.sd`, "Industry SD", "Table 3, Industry, SD", "3.27", "sd"),
    },
  ],
  otherNumbers: [
    pub(`${P}.text.direct`, "Direct effect RE → PEIC (robustness text: β = 0.03, p > .10)", `${TXT}, robustness`, "0.03", "estimate"),
    pub(`${P}.age.mean`, "Mean firm age (years)", "text (sample)", "20.14", "mean"),
    pub(`${P}.employees.mean`, "Mean employees", "text (sample)", "89", "mean"),
  ],
  issues: [
    { id: "T3-rows67", where: "Table 3, rows 6–7", text: "Mangled rows; reading B (reconstructed from fragments, best fit to Table 4's controls) used; reading A kept as alternative." },
    { id: "T3-labels", where: "Table 3", text: "Diagonal labelled AVE but shows √AVE; text says 'squared AVE'." },
    { id: "controls-impossible", where: "Table 3", text: "Industry mean 2.20 / SD 3.27 impossible for 1–3 coding (mix implies 1.67 / 0.79); log base is 10 not e; scope raw not logged; experience marked logged." },
    { id: "six-factor", where: "text (CFA)", text: "'Six-factor' CFA but five factors; df 139/160/137 do not match simple CFAs (160, 170)." },
    { id: "T4-cells", where: "Table 4", text: "M4 firm size −0.01 (0.77); M1 industry −0.02 (−0.03); M5 SA 0.17* with t 2.72 (**); RE blank in M5; implied df 52/20/28/32/36 far below 139." },
    { id: "direct-sign", where: "text vs Figure 2 / Table 4", text: "Direct effect 0.03 (text) vs −0.03 (Figure 2, Table 4); OSC → PEIC 0.48 (Table 5) vs 0.46 (Figure 2)." },
    { id: "two-interactions", where: "Table 4 vs text", text: "SEM OSC × SA β = 0.30*** vs PROCESS 0.10**: standardised latent vs unstandardised, not said." },
    { id: "process-details", where: "text", text: "PROCESS model numbers, bootstrap draws, CI type, covariates, centring, OSC composite rule, Sobel SE formula not reported." },
    { id: "H1-verdict", where: "text", text: "H1 'supported' by the total effect while the discussion claims full mediation." },
    { id: "peic-ave", where: "Table 2", text: "PEIC AVE recomputes to .591 vs .60 printed." },
  ],
  reproducibility: {
    exact: [
      { what: "PROCESS mediation without covariates: a 0.39, b 0.48, c 0.17, c′ −0.03, ab 0.19", why: "OLS on composites (OSC = 8-item mean) gives 0.392, 0.488, 0.168, −0.024, 0.192 from Table 3 (reading B)" },
      { what: "Normal-theory CIs of a, b, c", why: "[0.326, 0.459], [0.348, 0.629], [0.077, 0.259] vs published [0.32, 0.45], [0.34, 0.62], [0.08, 0.26]" },
      { what: "Single-mediator indirect effects via DMS and UTS (0.13, 0.13)", why: "0.134 and 0.135 computed" },
      { what: "CR/AVE from loadings; RMSEA and p of the printed fits", why: "formulas" },
    ],
    approximate: [
      { what: "Sobel z 6.07 (SE 0.03)", why: "recomputes to 5.89 (SE 0.033)" },
      { what: "PEIC ~ DMS + UTS (0.29, 0.16) and f² (0.07, 0.04)", why: "0.285 / 0.173; f² 0.068 / ≈ 0.025 (UTS f² does not match)" },
      { what: "Table 4 M2–M4 and the controls", why: "OLS analogues match to about ±0.01 (controls) and 0.02 (focal paths); M1 RE → OSC 0.53 vs latent 0.63" },
      { what: "Bootstrap CIs", why: "interval widths agree; exact bounds need raw data" },
    ],
    notReproducible: [
      { what: "SEM/CFA fit statistics and CMV comparisons", reason: "need the item-level covariance matrix" },
      { what: "Interactions: SEM M5, PROCESS 0.10, conditional effects 0.22/0.34/0.46", reason: "need third moments (cov(OSC × SA, PEIC)); simulated data must have the interaction planted" },
      { what: "Cronbach's α, Bagozzi discriminant tests, Figure 3 values, non-response tests", reason: "need item correlations or unreported statistics" },
    ],
  },
  conventions: { [T4]: { starLegend: LEGEND_DAGGER, test: "z" } },
  duplicates: [
    { a: `${P}.F2.direct.est`, b: `${P}.text.direct`, why: "Figure 2 (and Table 4 M4) and the robustness text report the direct effect of RE on PEIC" },
    { a: `${P}.T5.b.est`, b: `${P}.F2.b.est`, why: "Table 5 and Figure 2 report the PROCESS b path OSC → PEIC" },
    { a: `${P}.T5.re_peic.est`, b: `${P}.T5.total.est`, why: "Table 5 prints the total effect twice" },
  ],
  decompositions: [{ source: "Table 5 (total, indirect) and Figure 2 (direct)", total: `${P}.T5.total.est`, direct: `${P}.F2.direct.est`, indirect: `${P}.IE.osc.est` }],
  notReported: [
    "authors (not in the supplied file); raw data; item-level correlations",
    "PROCESS model numbers, bootstrap draws, CI type, covariates, centring, OSC composite rule, Sobel SE formula",
    "SEM df per model, R², construction of the latent interaction",
    "non-response and Bagozzi test statistics",
  ],
};
