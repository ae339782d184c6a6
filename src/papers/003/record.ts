/**
 * Paper 003 — Zahoor, Donbesuur, Nwoba & Khan (2021), Asia Pacific Journal of Management.
 * Domestic environmental uncertainty (competitive intensity, technological and market dynamism) →
 * international alliance partner diversity (IAPD) → regional expansion of Pakistani SMEs, with
 * cross-cultural knowledge absorption (CKA) as moderator. Transcribed from shared/papers/003.md
 * (Tables 1–3 are OCR with some upside-down digits). PaperItem texts are short paraphrases.
 */
import { corrTable, fitRecord, modelStats, percentRows, pub, reading, scale, wideCoefficients } from "../../replicate/transcribe";
import type { PaperControl, PaperRecord } from "../../replicate/record";

const P = "003";
const N = 232;
const T1 = "Table 1";
const T2 = "Table 2";
const LIKERT7 = "7-point Likert (1 = strongly disagree, 7 = strongly agree)";

const constructs = [
  scale(P, T1, T2, {
    id: "mkt_dyn", name: "Market dynamism", role: "IV (H3)", scale: LIKERT7, scaleRange: [1, 7], composite: "item mean (assumed)",
    scaleSource: "Grewal & Tansuhaj (2001); Jaworski & Kohli (1993)",
    items: [
      ["md1", "Customer preferences shift a lot over time", "0.84", { marker: true }],
      ["md2", "Customers are highly price-sensitive", "0.82"],
      ["md3", "Demand arising from first-time buyers", "0.85"],
      ["md4", "Customer demand hard to monitor", "0.89"],
      ["md5", "Quality preferences keep changing", "0.82"],
    ],
    alpha: "0.92", cr: "0.92", ave: "0.71", sqrtAve: "0.84",
    note: "Diagonal printed '9.8' (upside-down OCR of 0.84).",
  }),
  scale(P, T1, T2, {
    id: "tech_dyn", name: "Technological dynamism", role: "IV (H2)", scale: LIKERT7, scaleRange: [1, 7], composite: "item mean (assumed)",
    scaleSource: "Grewal & Tansuhaj (2001); Jaworski & Kohli (1993)",
    items: [
      ["td1", "Industry technology changes rapidly", "0.85", { marker: true }],
      ["td2", "Technology change creates big opportunities", "0.84"],
      ["td3", "Technology hard to forecast 2–3 years out", "0.86"],
      ["td4", "Breakthroughs enable many new product ideas", "0.74"],
    ],
    alpha: "0.86", cr: "0.89", ave: "0.67", sqrtAve: "0.82",
  }),
  scale(P, T1, T2, {
    id: "comp_int", name: "Competitive intensity", role: "IV (H1)", scale: LIKERT7, scaleRange: [1, 7], composite: "item mean (assumed)",
    scaleSource: "Jaworski & Kohli (1993)",
    items: [
      ["ci1", "Industry competition is fierce", "0.82", { marker: true }],
      ["ci2", "Frequent promotional battles in industry", "0.85"],
      ["ci3", "Rivals readily match any offer", "0.83"],
      [
        "ci4", "New competitive moves heard almost daily", "0.66",
        {
          readings: [
            reading("0.66", "upside-down OCR (used)", "printed '99:0'; rotated 180° it reads 0.66, consistent with the √AVE diagonal 0.79", true),
          ],
        },
      ],
    ],
    alpha: "0.87", cr: "0.89", ave: "0.67", sqrtAve: "0.79",
    readings: {
      cr: [reading("0.89", "as printed (used)", "duplicates technological dynamism's CR", true), reading("0.87", "from the loadings", "0.871 recomputed; fits diagonal 0.79", false)],
      ave: [reading("0.67", "as printed (used)", "duplicates technological dynamism's AVE", true), reading("0.63", "from the loadings", "0.630 recomputed; √ = 0.79 = diagonal", false)],
    },
  }),
  scale(P, T1, T2, {
    id: "cka", name: "Cross-cultural knowledge absorption", role: "moderator (H5; 'CNW' in Table 3)", scale: LIKERT7, scaleRange: [1, 7],
    composite: "item mean (assumed); mean-centred for the product term (stated)", scaleSource: "Su et al. (2013); Zhang et al. (2018)",
    items: [
      ["cka1", "Values partners' new useful knowledge", "0.74", { marker: true }],
      ["cka2", "Assimilates partners' new useful knowledge", "0.91"],
      [
        "cka3", "Applies partners' new useful knowledge", "0.86",
        {
          readings: [
            reading("0.86", "upside-down OCR (used)", "printed '98.0'; rotated 180° gives 0.86", true),
            reading("0.89", "reversed digits", "plain reversal of '98.0'", false),
          ],
        },
      ],
      ["cka4", "Exploits partners' new useful knowledge", "0.74"],
    ],
    alpha: "0.87", cr: "0.89", ave: "0.89", sqrtAve: "0.82",
    readings: {
      ave: [reading("0.89", "as printed (used)", "a typo: impossible with these loadings", true), reading("0.67", "from the loadings", "0.666 recomputed; √ = 0.82 = diagonal", false)],
    },
  }),
  scale(P, T1, T2, {
    id: "reg_exp", name: "Regional expansion (Asia-Pacific)", role: "DV", scale: "7-point extent over the past three years (1 = very small, 7 = very large)",
    scaleRange: [1, 7], composite: "item mean (assumed)", scaleSource: "Zahra et al. (2000)",
    items: [
      ["rx1", "Entering new Asia-Pacific markets", "0.80", { marker: true }],
      ["rx2", "Growing operations in Asia-Pacific", "0.81"],
      ["rx3", "Supporting Asia-Pacific-dedicated activities", "0.75"],
      ["rx4", "Funding Asia-Pacific-dedicated activities", "0.81"],
    ],
    alpha: "0.85", cr: "0.87", ave: "0.63", sqrtAve: "0.79",
  }),
  scale(P, T1, T2, {
    id: "dom_perf", name: "Domestic performance", role: "control", scale: "scale points not stated (7-point presumed)", scaleRange: [1, 7],
    composite: "item mean (assumed)", scaleSource: "Lii & Kuo (2016)",
    items: [
      ["dp1", "Sales growth versus main rivals", "0.88", { marker: true }],
      ["dp2", "Market share growth versus rivals", "0.76"],
      ["dp3", "ROI growth versus main rivals", "0.85"],
    ],
    alpha: "0.85", cr: "0.87", ave: "0.69", sqrtAve: "0.83",
  }),
  {
    id: "iapd", name: "International alliance partner diversity", role: "mediator-position variable (H1–H5)", items: [],
    composite:
      "(number of distinct partner types within Asia-Pacific / 7)², types: customers, suppliers, competitors, commercial laboratories, research institutes, universities, others (stated; not a Blau index); mean-centred for the product term",
    note: "Mean 0.77 implies about 6 partner types on average.",
  },
];

const SAMPLE_TEXT = "text §3 (sample): mean 89 employees, firm age 14 years, international experience 5 years";
const controls: PaperControl[] = [
  { id: "dom_perf", label: "Domestic performance", measure: "3-item scale", transform: "item mean" },
  { id: "industry", label: "Industry type", measure: "manufacturing / services / retail", transform: "text: three dummies; tables: one 'Industry type' dummy (reference unknown; mean and SD not reported)" },
  { id: "firm_size", label: "Firm size", measure: "number of employees", transform: "ln (mean 4.21 ≈ e^4.21 = 67)", logCheck: { base: "e", arithmeticMean: 89, source: SAMPLE_TEXT } },
  { id: "alliance_exp", label: "Alliance experience", measure: "alliances formed in the last 3 years", transform: "ln per footnote B" },
  { id: "firm_age", label: "Firm age", measure: "years since establishment", transform: "ln", logCheck: { base: "e", arithmeticMean: 14, source: SAMPLE_TEXT } },
  { id: "intl_exp", label: "International experience", measure: "years operating internationally", transform: "ln; mean 2.04 exceeds ln(5) = 1.61 for a 5-year arithmetic mean (Jensen violation)", logCheck: { base: "e", arithmeticMean: 5, source: SAMPLE_TEXT } },
];

const correlations = corrTable({
  paper: P,
  source: T2,
  n: N,
  names: ["industry", "firm_size", "alliance_exp", "firm_age", "intl_exp", "iapd", "dom_perf", "reg_exp", "cka", "comp_int", "mkt_dyn", "tech_dyn"],
  labels: [
    "Industry type (dummy)", "Firm size (ln)", "Alliance experience (ln)", "Firm age (ln)", "International experience (ln)", "IAPD",
    "Domestic performance", "Regional expansion", "Cross-cultural knowledge absorption", "Competitive intensity", "Market dynamism", "Technological dynamism",
  ],
  means: [null, "4.21", "2.01", "2.43", "2.04", "0.77", "5.08", "5.30", "5.19", "4.97", "5.22", "5.18"],
  sds: [null, "0.90", "1.08", "0.69", "0.49", "0.15", "1.22", "1.11", "1.01", "1.24", "1.20", "1.19"],
  lower: [
    [],
    ["0.00"],
    ["−0.07", "0.07"],
    ["−0.05", "0.20", "0.05"],
    ["0.03", "0.14", "−0.03", "0.03"],
    ["−0.06", "−0.04", "0.05", "−0.06", "−0.06"],
    ["0.08", "−0.15", "−0.01", "−0.18", "−0.04", "0.17"],
    ["0.00", "0.03", "−0.07", "−0.19", "0.00", "0.27", "0.53"],
    ["0.00", "0.05", "0.11", "−0.07", "0.02", "0.00", "0.03", "0.13"],
    ["0.10", "−0.05", "0.02", "−0.15", "−0.02", "−0.01", "0.45", "0.41", "0.05"],
    ["0.00", "0.04", "−0.10", "−0.16", "0.03", "0.31", "0.41", "0.47", "0.15", "0.30"],
    ["0.01", "−0.05", "−0.12", "−0.19", "0.00", "0.31", "0.30", "0.48", "−0.06", "0.27", "0.37"],
  ],
  diagonal: ["1", "1", "1", "1", "1", "1", "0.83", "0.79", "0.82", "0.79", "0.84", "0.82"],
  diagonalMeaning: "√AVE for the multi-item scales; 1 for single indicators (firm age and international experience printed '-'; market dynamism printed '9.8')",
  starLegend: null,
  thresholdClaims: [
    { r: 0.1, p: 0.05, text: "Correlations above 0.10 … are significant at p < 0.05" },
    { r: 0.17, p: 0.001, text: "… and 0.17 … at p < .001" },
  ],
  note:
    "No stars printed. The footnote claims |r| > 0.10 is p < .05 and |r| > 0.17 is p < .001; at n = 232 the cut-offs are about 0.13 (p < .05), 0.17 (p < .01) and 0.215 (p < .001). Industry mean and SD not reported.",
});

const T3 = "Table 3";
const ctrlRows = (cells: Record<string, (string | null)[]>) =>
  [
    ["dom_perf", "Domestic performance"],
    ["industry", "Industry type"],
    ["firm_size", "Firm size"],
    ["alliance_exp", "Alliance experience"],
    ["firm_age", "Firm age"],
    ["intl_exp", "International experience"],
  ].map(([id, label]) => ({ predictor: id, label, role: "control" as const, cells: cells[id] }));

const table3 = wideCoefficients({
  paper: P,
  tableId: "T3",
  table: T3,
  models: [
    { id: "M1", outcome: "iapd" },
    { id: "M2", outcome: "iapd" },
    { id: "M3", outcome: "reg_exp" },
    { id: "M4", outcome: "reg_exp" },
    { id: "M5", outcome: "reg_exp" },
  ],
  standardized: true,
  statistic: "t",
  starred: true,
  df: { M1: N - 7, M2: N - 10, M3: N - 7, M4: N - 8, M5: N - 10 },
  hypotheses: { "M2.comp_int": "H1", "M2.tech_dyn": "H2", "M2.mkt_dyn": "H3", "M4.iapd": "H4", "M5.iapd": "H4", "M5.iapd_x_cka": "H5" },
  rows: [
    ...ctrlRows({
      dom_perf: ["0.16 (2.49) **", "0.07 (0.97)", "0.52 (9.46) **", "0.49 (8.87) **", "0.49 (9.14) **"],
      industry: ["−0.07 (−1.12)", "−0.04 (−0.68)", "−0.05 (−0.88)", "−0.04 (−0.66)", "−0.02 (−0.30)"],
      firm_size: ["−0.01 (−0.13)", "−0.04 (−0.67)", "0.13 (2.37) *", "0.13 (2.45) *", "0.14 (2.69) **"],
      alliance_exp: ["0.05 (0.77)", "0.11 (1.82)", "−0.07 (−1.37)", "−0.09 (−1.57)", "−0.08 (−1.43)"],
      firm_age: ["−0.04 (−0.55)", "0.01 (0.20)", "−0.12 (−2.06) *", "−0.11 (−1.98) *", "−0.09 (−1.72)"],
      intl_exp: [null, "−0.06 (−1.00)", "0.01 (0.10)", "0.02 (0.27)", "0.00 (0.04)"],
    }),
    { predictor: "comp_int", label: "H1 Competitive intensity", role: "focal", cells: ["", "−0.19 (−2.79)", "", "", ""] },
    { predictor: "tech_dyn", label: "H2 Technological dynamism", role: "focal", cells: ["", "0.26 (3.62) **", "", "", ""] },
    { predictor: "mkt_dyn", label: "H3 Market dynamism", role: "focal", cells: ["", "0.26 (3.89) **", "", "", ""] },
    { predictor: "iapd", label: "H4 IAPD", role: "focal", cells: ["", "", "", "0.19 (3.21) **", "0.17 (3.35) **"] },
    { predictor: "cka", label: "Cross-cultural knowledge absorption (CNW)", role: "focal", cells: ["", "", "", "", "0.05 (1.16)"] },
    { predictor: "iapd_x_cka", label: "H5 CNW × IAPD", role: "interaction", cells: ["", "", "", "", "0.24 (4.50) **"] },
  ],
  cellNotes: {
    "M1.dom_perf": { note: "t = 2.49 is below the table's own ** cut-off of 2.58." },
    "M2.comp_int": { note: "No stars although |t| = 2.79 > 2.58; the text reports p < .01. H1 'not supported' because the sign is negative." },
    "M2.tech_dyn": { note: "t-values of TD (3.62) and MD (3.89) may be swapped (rounding-perturbation ranges [3.68, 4.00] and [3.47, 3.86])." },
    "M2.mkt_dyn": { note: "See M2.tech_dyn: possible swap of t-values." },
    "M5.iapd_x_cka": { note: "Mean-centred product; β presumably SPSS 'Beta' of the centred product." },
  },
});

const OLS = "hierarchical OLS, standardised β with t";
const ctrl = ["dom_perf", "industry", "firm_size", "alliance_exp", "firm_age", "intl_exp"];
const table3Stats = ([
  modelStats(P, "T3", T3, "M1", "iapd", "controls → IAPD", ctrl, OLS, N, [["r2", "0.04"], ["adjR2", "0.02"], ["F", "1.64"], ["vif", "1.08"]],
    "International experience cell empty in M1 (value lost; R² and F imply 6 predictors)."),
  modelStats(P, "T3", T3, "M2", "iapd", "controls + CI, TD, MD → IAPD (H1–H3)", [...ctrl, "comp_int", "tech_dyn", "mkt_dyn"], OLS, N,
    [["r2", "0.19"], ["adjR2", "0.16"], ["deltaR2", "0.15"], ["F", "5.76"], ["vif", "1.48"]], "F printed with **."),
  modelStats(P, "T3", T3, "M3", "reg_exp", "controls → regional expansion", ctrl, OLS, N, [["r2", "0.30"], ["adjR2", "0.28"], ["F", "17.34"], ["vif", "1.08"]],
    "ΔR² cell holds a stray glyph (base model). F = 17.34 implies R² ≈ 0.316, not 0.30. F printed with **."),
  modelStats(P, "T3", T3, "M4", "reg_exp", "controls + IAPD → regional expansion (H4)", [...ctrl, "iapd"], OLS, N,
    [["r2", "0.35"], ["adjR2", "0.33"], ["deltaR2", "0.05"], ["F", "17.16"], ["vif", "1.08"]], "F printed with **."),
  modelStats(P, "T3", T3, "M5", "reg_exp", "M4 + CKA + IAPD × CKA (centred) → regional expansion (H5)", [...ctrl, "iapd", "cka", "iapd_x_cka"], OLS, N,
    [["r2", "0.42"], ["adjR2", "0.39"], ["deltaR2", "0.07"], ["F", "17.58"], ["vif", "1.09"]], "F printed with **."),
] as ReturnType<typeof modelStats>[]).map((ms) => ({ ...ms, fStars: ms.model === "M1" ? "" : "**" }));

const fit = [
  fitRecord(P, "cfa", "Measurement model (6-factor CFA)", "Table 1 footer; text", N, { chi2df: "1.98", tli: "0.95", cfi: "0.96", rmsea: "0.06", srmr: "0.04" }, {
    impliedDf: { df: 237, basis: "6 correlated factors, 24 items (χ² and df not printed)" },
    note: "Table 1 prints CFI '96.0' and RMSEA '90.0' (upside-down OCR); the text gives 0.96 and 0.06.",
  }),
  fitRecord(P, "cmv_method", "CMV model 1: method only", "text (CMV)", N, { chi2df: "11.67", tli: "0.69", cfi: "0.71", rmsea: "0.22", srmr: "0.14" }, {
    impliedDf: { df: 252, basis: "1 factor, 24 items" },
  }),
  fitRecord(P, "cmv_trait", "CMV model 2: trait only", "text (CMV)", N, { chi2df: "1.98", tli: "0.95", cfi: "0.96", rmsea: "0.06", srmr: "0.04" }),
  fitRecord(P, "cmv_method_trait", "CMV model 3: method + trait", "text (CMV)", N, { chi2df: "1.84", tli: "0.97", cfi: "0.98", rmsea: "0.05", srmr: "0.04" }),
];

const percentages = [
  ...percentRows(P, "text (sample)", "agreed", 630, [["firms agreeing of 630 eligible", 356, "56.50"]]),
  ...percentRows(P, "text (sample)", "response_rate", 356, [["complete responses of 356", 232, "65.17"]]),
  ...percentRows(P, "text (sample)", "industry", N, [["manufacturing", null, "40.5"], ["services", null, "30.6"], ["retail", null, "28.9"]]),
];

export const paper003: PaperRecord = {
  id: P,
  citation: {
    authors: ["Nadia Zahoor", "Francis Donbesuur", "Arinze Christian Nwoba", "Huda Khan"],
    year: 2021,
    title: "Regional expansion of emerging market SMEs: the roles of domestic market environmental uncertainty and international alliance partner diversity",
    journal: "Asia Pacific Journal of Management",
    doi: "10.1007/s10490-021-09799-1",
    text: "Zahoor, N., Donbesuur, F., Nwoba, A. C., & Khan, H. (2021). Regional expansion of emerging market SMEs: the roles of domestic market environmental uncertainty and international alliance partner diversity. Asia Pacific Journal of Management. https://doi.org/10.1007/s10490-021-09799-1",
    note: "Accepted 6 Nov 2021, online 22 Nov 2021, CC BY 4.0. DOI and journal from an external index (not printed in the supplied text); volume/issue/pages unknown.",
  },
  sample: {
    n: N,
    country: "Pakistan",
    population: "independent SMEs (< 250 employees) in manufacturing, services or retail exporting to other Asia-Pacific countries",
    frame: "Pakistan Export Directory, Pakistan Chamber of Commerce and Industry Directory, SMEDA; 630 eligible firms",
    context: "Questionnaires hand-delivered by trained research assistants in March 2019 to CEOs and senior managers, two reminders",
    details: [
      "356 of 630 agreed (printed 56.50%); 232 complete responses (65.17% of 356)",
      "industry: manufacturing 40.5%, services 30.6%, retail 28.9%",
      "mean firm age 14 years; mean 89 employees; mean international experience 5 years",
      "informant self-ratings: knowledge 6.56, confidence 6.76",
    ],
  },
  design: [
    "CFA of six reflective factors (24 items), marker-variable identification; software not reported",
    "CMV: method-only, trait-only and method + trait CFAs",
    "Hierarchical OLS: M1–M2 on IAPD (H1–H3), M3–M5 on regional expansion (H4–H5) with a mean-centred IAPD × CKA product",
    "Interaction plot after Dawson & Richter (2006) (Figure 2; values not given)",
  ],
  software: ["not reported (CFA package reporting NNFI/CFI/RMSEA/SRMR; OLS regression)"],
  constructs,
  controls,
  correlations,
  hypotheses: [
    { id: "H1", text: "Domestic competitive intensity raises international partner diversity", x: "comp_int", y: "iapd", type: "direct", expectedSign: "+", verdict: "not supported", evidence: [`${P}.T3.M2.comp_int`], evidenceText: "β = −0.19, t = −2.79 (significant, wrong sign)" },
    { id: "H2", text: "Domestic technological dynamism raises international partner diversity", x: "tech_dyn", y: "iapd", type: "direct", expectedSign: "+", verdict: "supported", evidence: [`${P}.T3.M2.tech_dyn`], evidenceText: "β = 0.26, t = 3.62 (p < .01)" },
    { id: "H3", text: "Domestic market dynamism raises international partner diversity", x: "mkt_dyn", y: "iapd", type: "direct", expectedSign: "+", verdict: "supported", evidence: [`${P}.T3.M2.mkt_dyn`], evidenceText: "β = 0.26, t = 3.89 (p < .01)" },
    { id: "H4", text: "International partner diversity raises regional expansion", x: "iapd", y: "reg_exp", type: "direct", expectedSign: "+", verdict: "supported", evidence: [`${P}.T3.M4.iapd`, `${P}.T3.M5.iapd`], evidenceText: "β = 0.19, t = 3.21 (M4); β = 0.17, t = 3.35 (M5)" },
    { id: "H5", text: "Cross-cultural knowledge absorption strengthens the effect of partner diversity on regional expansion", x: "iapd", w: "cka", y: "reg_exp", type: "moderation", expectedSign: "+", verdict: "supported", evidence: [`${P}.T3.M5.iapd_x_cka`], evidenceText: "IAPD × CKA β = 0.24, t = 4.50" },
  ],
  model: {
    nodes: [
      { id: "comp_int", label: "Competitive intensity", kind: "iv" },
      { id: "tech_dyn", label: "Technological dynamism", kind: "iv" },
      { id: "mkt_dyn", label: "Market dynamism", kind: "iv" },
      { id: "iapd", label: "International alliance partner diversity", kind: "mediator" },
      { id: "reg_exp", label: "Regional expansion", kind: "dv" },
      { id: "cka", label: "Cross-cultural knowledge absorption", kind: "moderator" },
      { id: "controls", label: "Controls (domestic performance, industry, size, alliance experience, age, int. experience)", kind: "control" },
    ],
    paths: [
      { from: "comp_int", to: "iapd", hypothesis: "H1", estimateId: `${P}.T3.M2.comp_int` },
      { from: "tech_dyn", to: "iapd", hypothesis: "H2", estimateId: `${P}.T3.M2.tech_dyn` },
      { from: "mkt_dyn", to: "iapd", hypothesis: "H3", estimateId: `${P}.T3.M2.mkt_dyn` },
      { from: "iapd", to: "reg_exp", hypothesis: "H4", estimateId: `${P}.T3.M4.iapd` },
      { from: "cka", to: "reg_exp", hypothesis: "H5", moderates: ["iapd", "reg_exp"], estimateId: `${P}.T3.M5.iapd_x_cka` },
      { from: "controls", to: "iapd" },
      { from: "controls", to: "reg_exp" },
    ],
  },
  coefficients: table3,
  modelStats: table3Stats,
  indirectEffects: [],
  simpleSlopes: [],
  otherResults: [],
  fit,
  percentages,
  categoricalMoments: [],
  otherNumbers: [
    pub(`${P}.knowledge`, "Informant knowledge (mean)", "text (sample)", "6.56", "mean"),
    pub(`${P}.confidence`, "Informant confidence (mean)", "text (sample)", "6.76", "mean"),
    pub(`${P}.intl_exp.years_mean`, "Mean international experience (years)", "text (sample)", "5", "mean"),
    pub(`${P}.age.years_mean`, "Mean firm age (years)", "text (sample)", "14", "mean"),
    pub(`${P}.employees.mean`, "Mean full-time employees", "text (sample)", "89", "mean"),
  ],
  issues: [
    { id: "ocr", where: "Tables 1–2", text: "Upside-down OCR digits: '99:0' → 0.66 (ci4); '98.0' → 0.86 (cka3; 0.89 if merely reversed); '96.0' → CFI 0.96; '90.0' → RMSEA 0.06; '9.8' → 0.84; '1:00' → 1.00." },
    { id: "cr-ave", where: "Table 1", text: "CI CR/AVE (0.89/0.67) duplicate TD's; loadings give 0.87/0.63. CKA AVE 0.89 is a typo (≈ 0.67). MD CR 0.925 vs 0.92.", numbers: [`${P}.comp_int.cr`, `${P}.comp_int.ave`, `${P}.cka.ave`] },
    { id: "M1-intl", where: "Table 3, M1", text: "International experience cell empty (recomputed ≈ −0.05, t ≈ −0.73)." },
    { id: "stars", where: "Table 3", text: "CI in M2 has no stars (t −2.79); DP in M1 marked ** with t = 2.49." },
    { id: "M3-r2", where: "Table 3, M3", text: "R² 0.30 is inconsistent with F = 17.34 (R² ≈ 0.316) and with the correlations (0.315); ΔR² for M4 recomputes to 0.033 vs 0.05.", numbers: [`${P}.T3.M3.r2`] },
    { id: "M2-swap", where: "Table 3, M2", text: "t-values of TD (3.62) and MD (3.89) may be swapped." },
    { id: "industry", where: "controls", text: "Three dummies in the text, one in the tables; mean/SD not reported." },
    { id: "intl-exp-mean", where: "Table 2", text: "ln-mean 2.04 exceeds ln(5 years) = 1.61 (Jensen)." },
    { id: "corr-footnote", where: "Table 2", text: "Significance thresholds in the footnote are wrong for n = 232." },
    { id: "cmv-sources", where: "text (CMV)", text: "'Data on DV and IV from different sources' unexplained for a single-informant survey." },
    { id: "cfa-details", where: "text", text: "χ² and df not reported for any CFA; software not reported." },
    { id: "iapd-formula", where: "text", text: "(k/7)² is a monotone transform of a count, not a diversity index." },
    { id: "framing", where: "text", text: "Inclusion criteria mention industrial products yet services and retail are sampled." },
  ],
  reproducibility: {
    exact: [
      { what: "Table 3 M1–M4 (β, t, R², adjusted R², F, VIF)", why: "OLS normal equations on the Table 2 correlation matrix reproduce them to rounding (M3 R² aside)" },
      { what: "CR/AVE/√AVE from the loadings", why: "formulas; the diagonal was computed from the printed loadings" },
    ],
    approximate: [
      { what: "M2 t-values of TD and MD", why: "within rounding only if swapped" },
    ],
    notReproducible: [
      { what: "Model 5 (IAPD × CKA β 0.24, conditional main effects 0.17 and 0.05, R² 0.42, F 17.58)", reason: "summary statistics do not contain the moments of the centred product; simulated data must have the interaction planted" },
      { what: "Unstandardised coefficients involving industry", reason: "industry SD not reported" },
      { what: "CFA and CMV fit statistics, Cronbach's α, non-response tests, Figure 2 values", reason: "need item-level data / not reported" },
    ],
  },
  conventions: { [T3]: { starLegend: { "*": 0.05, "**": 0.01 }, test: "z" } },
  notReported: [
    "software; χ² and df of the CFAs",
    "industry coding (one vs three dummies), its mean and SD",
    "simple slopes and the moderator levels of Figure 2",
    "non-response test statistics; raw data",
  ],
};

