/**
 * Paper 001 — Al-Tabbaa & Zahoor (2023/2024), Journal of Business Research, article 114384.
 * Alliance management capability (AMC) → radical / incremental co-innovation → international
 * expansion (IE) of UK SMEs, with alliance partner diversity (APD) as moderator. Transcribed from
 * shared/papers/001.md. PaperItem texts are short paraphrases.
 */
import { LEGEND_3, LEGEND_DAGGER, coef, corrTable, fitRecord, modelStats, percentRows, pub, scale } from "../../replicate/transcribe";
import type { CoefficientRow, PaperControl, PublishedIndirectEffect, PaperRecord, PublishedSimpleSlope } from "../../replicate/record";

const P = "001";
const N = 248;
const T2 = "Table 2";
const T4 = "Table 4";
const LIKERT7 = "7-point Likert";

const constructs = [
  scale(P, T2, T4, {
    id: "coord", name: "Inter-organizational coordination", role: "AMC dimension", scale: LIKERT7, scaleRange: [1, 7],
    composite: "mean of items (assumed)", scaleSource: "Schilke & Goerzen (2010)",
    items: [
      ["coord1", "Joint activities with partners well aligned", "0.75", { sourceId: "COD1" }],
      ["coord2", "Our work kept in sync with partners", "0.86", { sourceId: "COD2" }],
      ["coord3", "Much partner interaction on most decisions", "0.72", { sourceId: "COD3" }],
    ],
    alpha: "0.81", cr: "0.82", ave: "0.60", sqrtAve: "0.78",
  }),
  scale(P, T2, T4, {
    id: "learn", name: "Inter-organizational learning", role: "AMC dimension", scale: LIKERT7, scaleRange: [1, 7],
    composite: "mean of items (assumed)", scaleSource: "Schilke & Goerzen (2010)",
    items: [
      ["learn1", "Skilled at learning from partners", "0.92", { sourceId: "LRN1" }],
      ["learn2", "Managers can absorb partner knowledge", "0.87", { sourceId: "LRN2" }],
      ["learn3", "Routines for analysing partner-supplied information", "0.74", { sourceId: "LRN3" }],
      ["learn4", "Combine existing and partner-acquired knowledge", "0.73", { sourceId: "LRN4" }],
    ],
    alpha: "0.89", cr: "0.89", ave: "0.67", sqrtAve: "0.82",
  }),
  scale(P, T2, T4, {
    id: "proact", name: "Alliance proactiveness", role: "AMC dimension", scale: LIKERT7, scaleRange: [1, 7],
    composite: "mean of items (assumed)", scaleSource: "Schilke & Goerzen (2010)",
    items: [
      ["proact1", "Enter alliances to pre-empt competitors", "0.76", { sourceId: "PRT1" }],
      ["proact2", "We initiate alliance proposals to firms", "0.74", { sourceId: "PRT2" }],
      ["proact3", "More proactive than rivals seeking partnerships", "0.83", { sourceId: "PRT3" }],
      ["proact4", "Scan environment for alliance opportunities", "0.70", { sourceId: "PRT4" }],
    ],
    alpha: "0.83", cr: "0.84", ave: "0.57", sqrtAve: "0.76",
  }),
  scale(P, T2, T4, {
    id: "transf", name: "Alliance transformation", role: "AMC dimension", scale: LIKERT7, scaleRange: [1, 7],
    composite: "mean of items (assumed)", scaleSource: "Schilke & Goerzen (2010)",
    items: [
      ["transf1", "Set aside contract terms for better outcomes", "0.77", { sourceId: "TRN1" }],
      ["transf2", "Prefer amending contracts over original terms", "0.79", { sourceId: "TRN2" }],
      ["transf3", "Flexible alliance management toward change requests", "0.73", { sourceId: "TRN3" }],
    ],
    alpha: "0.81", cr: "0.81", ave: "0.58", sqrtAve: "0.76",
  }),
  {
    id: "amc", name: "Alliance management capability", role: "IV (second-order)", items: [],
    dimensions: ["coord", "learn", "proact", "transf"],
    composite: "second-order construct over the four dimensions (second-order loadings not reported; scoring for PROCESS/moderation not stated)",
  },
  scale(P, T2, T4, {
    id: "rad", name: "Radical co-innovation", role: "mediator", scale: LIKERT7, scaleRange: [1, 7],
    composite: "mean of items (presumed)", scaleSource: "Kauppila (2015); Lin et al. (2013)",
    items: [
      ["rad1", "Alliance driven by breakthrough technologies", "0.77", { sourceId: "RI1" }],
      ["rad2", "Alliance aims at radically new ideas", "0.75", { sourceId: "RI2" }],
      ["rad3", "Alliance yields convention-challenging creative ideas", "0.70", { sourceId: "RI3" }],
    ],
    alpha: "0.79", cr: "0.79", ave: "0.55", sqrtAve: "0.74",
  }),
  scale(P, T2, T4, {
    id: "inc", name: "Incremental co-innovation", role: "mediator", scale: LIKERT7, scaleRange: [1, 7],
    composite: "mean of items (presumed)", scaleSource: "Kauppila (2015); Lin et al. (2013)",
    items: [
      ["inc1", "Alliance aims to raise efficiency", "0.72", { sourceId: "II1" }],
      ["inc2", "Alliance helps streamline business operations", "0.76", { sourceId: "II2" }],
      ["inc3", "Alliance improves quality of existing innovations", "0.71", { sourceId: "II3" }],
    ],
    alpha: "0.77", cr: "0.77", ave: "0.53", sqrtAve: "0.73",
  }),
  scale(P, T2, T4, {
    id: "ie", name: "International expansion", role: "DV", scale: "7-point Likert (stem not reported)", scaleRange: [1, 7],
    composite: "mean of items (presumed)", scaleSource: "Zahra et al. (2000)",
    items: [
      ["ie1", "Entering new foreign markets", "0.71", { sourceId: "IEX1" }],
      ["ie2", "Growing international operations", "0.74", { sourceId: "IEX2" }],
      ["ie3", "Supporting activities for international operations", "0.88", { sourceId: "IEX3" }],
      ["ie4", "Funding activities for international operations", "0.71", { sourceId: "IEX4" }],
    ],
    alpha: "0.83", cr: "0.85", ave: "0.58", sqrtAve: "0.76",
  }),
  {
    id: "apd", name: "Alliance partner diversity", role: "moderator", items: [],
    composite:
      "(number of partner types allied with / 7)², types: customers, suppliers, competitors, research institutes, commercial laboratories, universities, others (de Leeuw et al., 2014); possible values 0, .0204, .0816, .1837, .3265, .5102, .7347, 1",
    note: "Mean 0.80 (SD 0.16) fits roughly 34% seven types, 54% six and 12% five (extraction's calculation). 'APD²' is therefore the fourth power of the share of types.",
  },
];

const SAMPLE = "text §4 (sample): mean 97.13 employees, mean firm age 20.51 years; SMEs have fewer than 250 employees";
const controls: PaperControl[] = [
  {
    id: "firm_size", label: "Firm size", measure: "number of full-time employees", transform: "natural log per the text; mean 1.81 fits log10",
    logCheck: { base: "e", arithmeticMean: 97.13, range: [1, 249], source: SAMPLE },
  },
  { id: "firm_age", label: "Firm age", measure: "years since establishment in the UK", transform: "ln", logCheck: { base: "e", arithmeticMean: 20.51, source: SAMPLE } },
  { id: "industry", label: "Industry", measure: "1 = high tech, 2 = medium tech, 3 = low tech", transform: "one ordinal variable, called 'dummy'" },
  { id: "intl_experience", label: "International experience", measure: "years doing business abroad", transform: "ln" },
  { id: "alliance_experience", label: "Alliance experience", measure: "number of alliances formed in the last three years", transform: "raw count" },
];

const correlations = corrTable({
  paper: P,
  source: T4,
  n: N,
  names: ["coord", "learn", "proact", "transf", "rad", "inc", "ie", "firm_size", "firm_age", "industry", "intl_experience", "alliance_experience", "apd"],
  labels: [
    "Inter-org. coordination", "Inter-org. learning", "Alliance proactiveness", "Alliance transformation", "Radical co-innovation",
    "Incremental co-innovation", "International expansion", "Firm size (log)", "Firm age (ln)", "Industry", "International experience (ln)",
    "Alliance experience", "Alliance partner diversity",
  ],
  means: ["5.44", "5.44", "5.32", "5.36", "5.36", "5.24", "5.09", "1.81", "2.79", "1.89", "1.97", "2.02", "0.80"],
  sds: ["0.99", "1.03", "0.96", "0.91", "0.96", "0.94", "0.92", "0.46", "0.68", "0.81", "0.65", "1.12", "0.16"],
  lower: [
    [],
    ["0.58***"],
    ["0.51***", "0.52***"],
    ["0.51***", "0.41***", "0.52***"],
    ["0.47***", "0.37***", "0.41***", "0.34***"],
    ["0.50***", "0.49***", "0.49***", "0.47***", "0.45***"],
    ["0.43**", "0.02", "0.09", "0.08", "0.08", "0.42**"],
    ["0.10", "0.06", "0.09", "0.08", "0.08", "0.14*", "0.14*"],
    ["0.06", "0.07", "0.08", "0.08", "0.07", "0.12†", "0.17**", "0.17**"],
    ["−0.127*", "−0.12†", "−0.128*", "−0.140*", "−0.03", "−0.01", "−0.16**", "0.09", "−0.05"],
    ["−0.05", "0.01", "0.03", "−0.03", "0.02", "−0.06", "0.03", "0.17**", "0.69***", "−0.02"],
    ["0.10", "−0.02", "−0.01", "0.03", "0.05", "−0.01", "−0.09", "−0.03", "−0.05", "−0.07", null],
    ["0.10", "0.07", "0.09", "−0.02", "0.14*", "0.24***", "0.06", "0.00", "0.12", "−0.02", "0.02", "−0.02"],
  ],
  diagonal: ["0.78", "0.82", "0.76", "0.76", "0.74", "0.73", "0.76", "1.00", "1.00", "1.00", "1.00", "1.00", "1.00"],
  diagonalMeaning: "√AVE for variables 1–7; 1.00 for variables 8–13",
  starLegend: LEGEND_DAGGER,
  missing: [
    {
      row: "alliance_experience",
      col: "intl_experience",
      note:
        "Row 12 prints 10 off-diagonal values for 11 columns and its 1.00 falls in the column-11 slot. Reading used: the 10 values fill columns 1–10 in order and r(alliance experience, international experience) is missing (NaN here; set to 0 for simulation). Any of columns 1–11 could be the dropped one.",
    },
  ],
  note:
    "Row 7 (international expansion) is unreliable: r(IE, radical) = 0.08 with r(IE, incremental) = 0.42 implies a negative partial effect of radical co-innovation, contradicting the SEM's +0.33***.",
});

const TXT = "text §5";
const T5 = "Table 5";
const SEM = "AMOS 26 SEM (ML), standardised; specification (latent AMC, direct AMC → IE path, correlated mediator residuals) not reported";

const coefficients: CoefficientRow[] = [
  coef({ id: `${P}.SEM.rad.amc`, table: T5, model: "SEM", outcome: "rad", predictor: "amc", role: "focal", est: "0.67***", pText: "p < .001", hypothesis: "H1", standardized: true, source: `${T5}, H1 row; text §5 and Fig. 2` }),
  coef({ id: `${P}.SEM.inc.amc`, table: T5, model: "SEM", outcome: "inc", predictor: "amc", role: "focal", est: "0.48***", pText: "p < .001", hypothesis: "H2", standardized: true, source: `${T5}, H2 row; text §5 and Fig. 2` }),
  coef({ id: `${P}.SEM.ie.rad`, table: T5, model: "SEM", outcome: "ie", predictor: "rad", role: "focal", est: "0.33***", pText: "p < .001", hypothesis: "H3", standardized: true, source: `${T5}, H3 row; text §5 and Fig. 2` }),
  coef({ id: `${P}.SEM.ie.inc`, table: T5, model: "SEM", outcome: "ie", predictor: "inc", role: "focal", est: "0.29***", pText: "p < .001", hypothesis: "H4", standardized: true, source: `${T5}, H4 row; text §5 and Fig. 2` }),
  coef({ id: `${P}.MOD.rad.amc_x_apd`, table: T5, model: "moderation (rad)", outcome: "rad", predictor: "amc_x_apd", role: "interaction", est: "0.19***", pText: "p < .001", hypothesis: "H6a", standardized: true, source: `${T5}, H6a row; ${TXT} (reported under 'hypothesis 5a')`, note: "Estimator, centring and covariates not stated." }),
  coef({ id: `${P}.MOD.inc.amc_x_apd`, table: T5, model: "moderation (inc)", outcome: "inc", predictor: "amc_x_apd", role: "interaction", est: "0.14**", pText: "p < .01", hypothesis: "H6b", standardized: true, source: `${T5}, H6b row; ${TXT}` }),
  coef({ id: `${P}.QMOD.rad.amc_x_apd2`, table: TXT, model: "quadratic moderation (rad)", outcome: "rad", predictor: "amc_x_apd_sq", role: "interaction", est: "0.21", p: "< .01", pText: "p < .01", standardized: true, source: `${TXT}, nonlinear moderation`, note: "Not hypothesised; lower-order terms not reported. APD is already squared, so APD² is the 4th power of the share." }),
  coef({ id: `${P}.QMOD.inc.amc_x_apd2`, table: TXT, model: "quadratic moderation (inc)", outcome: "inc", predictor: "amc_x_apd_sq", role: "interaction", est: "0.07", p: "> .10", pText: "p > .10", standardized: true, source: `${TXT}, nonlinear moderation` }),
];

const ieRows: PublishedIndirectEffect[] = [
  {
    id: `${P}.IE.rad`, hypothesis: "H5a", x: "amc", m: ["rad"], y: "ie", method: "PROCESS bootstrap (5,000 resamples, 95% CI) and Sobel test; model number and covariates not stated",
    source: `${TXT} (mediation)`,
    effect: pub(`${P}.IE.rad.est`, "Indirect AMC → radical → IE (text)", `${TXT}, mediation`, "0.10", "indirect", { hypothesis: "H5a" }),
    ciLower: pub(`${P}.IE.rad.lo`, "Indirect via radical: 95% CI lower", `${TXT}, mediation`, "0.02", "ciLower", { hypothesis: "H5a" }),
    ciUpper: pub(`${P}.IE.rad.hi`, "Indirect via radical: 95% CI upper", `${TXT}, mediation`, "0.18", "ciUpper", { hypothesis: "H5a" }),
    sobelZ: pub(`${P}.IE.rad.sobel`, "Sobel Z via radical", `${TXT}, mediation`, "2.71", "z", { hypothesis: "H5a" }),
    pText: "p < .01",
    paths: [`${P}.SEM.rad.amc`, `${P}.SEM.ie.rad`],
    conclusion: "mediation supported",
  },
  {
    id: `${P}.IE.inc`, hypothesis: "H5b", x: "amc", m: ["inc"], y: "ie", method: "PROCESS bootstrap (5,000 resamples, 95% CI) and Sobel test",
    source: `${TXT} (mediation)`,
    effect: pub(`${P}.IE.inc.est`, "Indirect AMC → incremental → IE (text)", `${TXT}, mediation`, "0.09", "indirect", { hypothesis: "H5b" }),
    ciLower: pub(`${P}.IE.inc.lo`, "Indirect via incremental: 95% CI lower", `${TXT}, mediation`, "0.01", "ciLower", { hypothesis: "H5b" }),
    ciUpper: pub(`${P}.IE.inc.hi`, "Indirect via incremental: 95% CI upper", `${TXT}, mediation`, "0.16", "ciUpper", { hypothesis: "H5b" }),
    sobelZ: pub(`${P}.IE.inc.sobel`, "Sobel Z via incremental", `${TXT}, mediation`, "2.74", "z", { hypothesis: "H5b" }),
    pText: "p < .01",
    paths: [`${P}.SEM.inc.amc`, `${P}.SEM.ie.inc`],
    conclusion: "mediation supported",
  },
  {
    id: `${P}.IE.rad.T5`, hypothesis: "H5a", x: "amc", m: ["rad"], y: "ie", method: "Table 5 summary (differs from the text)", source: `${T5}, H5a row`,
    effect: pub(`${P}.IE.rad.T5.est`, "Mediating role of radical (Table 5)", `${T5}, H5a row`, "0.12", "indirect", { hypothesis: "H5a", note: "text says 0.10" }),
    stars: "*",
    paths: [`${P}.SEM.rad.amc`, `${P}.SEM.ie.rad`],
    conclusion: "supported",
  },
  {
    id: `${P}.IE.inc.T5`, hypothesis: "H5b", x: "amc", m: ["inc"], y: "ie", method: "Table 5 summary (differs from the text)", source: `${T5}, H5b row`,
    effect: pub(`${P}.IE.inc.T5.est`, "Mediating role of incremental (Table 5)", `${T5}, H5b row`, "0.10", "indirect", { hypothesis: "H5b", note: "text says 0.09" }),
    stars: "*",
    paths: [`${P}.SEM.inc.amc`, `${P}.SEM.ie.inc`],
    conclusion: "supported",
  },
];

const slope = (id: string, h: string, y: string, level: string, wSd: number, est: string, stars: string, pText: string): PublishedSimpleSlope => ({
  id: `${P}.SS.${id}`, hypothesis: h, x: "amc", w: "apd", y, level, wSd,
  effect: pub(`${P}.SS.${id}`, `Simple slope of AMC on ${y} at ${level}`, `${TXT}, moderation (${h})`, est, "slope", { hypothesis: h }),
  stars, pText, source: `${TXT}, moderation (${h})`,
  note: "APD levels not defined; ±1 SD presumed",
});

const simpleSlopes = [
  slope("rad.high", "H6a", "rad", "high APD", 1, "0.69", "***", "p < .001"),
  slope("rad.low", "H6a", "rad", "low APD", -1, "0.27", "***", "p < .001"),
  slope("inc.high", "H6b", "inc", "high APD", 1, "0.58", "***", "p < .001"),
  slope("inc.low", "H6b", "inc", "low APD", -1, "0.19", "**", "p < .01"),
];

const modelStatsList = [
  modelStats(P, "SEM", "text §5 (structural model)", "SEM", "rad, inc, ie", "AMC → radical and incremental → IE, with controls on all three", ["amc", "rad", "inc", "firm_size", "firm_age", "industry", "intl_experience", "alliance_experience"], SEM, N, [
    ["chi2df", "1.24"], ["rmsea", "0.03"], ["nfi", "0.96"], ["cfi", "0.98"], ["srmr", "0.03"],
  ], "Only χ²/df is printed (no χ² or df)."),
];

const fit = [
  fitRecord(P, "set1", "Measurement set 1 (4 AMC dimensions)", "Table 3, Set 1", N, { chi2df: "1.19", p: "0.13", rmsea: "0.03", nfi: "0.96", cfi: "0.99", srmr: "0.04" }, {
    impliedDf: { df: 71, basis: "4 correlated factors, 14 items (df not printed)" },
  }),
  fitRecord(P, "set2", "Measurement set 2 (rad, inc, IE)", "Table 3, Set 2", N, { chi2df: "1.23", p: "0.20", rmsea: "0.03", nfi: "0.97", cfi: "0.99", srmr: "0.03" }, {
    impliedDf: { df: 32, basis: "3 correlated factors, 10 items (df not printed)" },
  }),
  fitRecord(P, "set3", "Measurement set 3 (full measurement model)", "Table 3, Set 3; text §4", N, { chi2df: "1.15", p: "0.07", rmsea: "0.02", nfi: "0.95", cfi: "0.99", srmr: "0.04" }, {
    impliedDf: { df: 231, basis: "7 correlated factors, 24 items (df not printed)" },
  }),
  fitRecord(P, "cmv_method", "CMV model 1: method only (single factor)", "text §4 (common method bias)", N, { chi2df: "4.47", rmsea: "0.12", nfi: "0.67", cfi: "0.72", srmr: "0.08" }, {
    impliedDf: { df: 252, basis: "1 factor, 24 items" },
  }),
  fitRecord(P, "cmv_trait", "CMV model 2: trait only", "text §4 (common method bias)", N, { chi2df: "1.14", rmsea: "0.02", nfi: "0.96", cfi: "0.99", srmr: "0.04" }, {
    impliedDf: { df: 231, basis: "should equal Set 3" },
    note: "Should equal Set 3 but prints χ²/df 1.14 vs 1.15 and NFI .96 vs .95. Model 3 (method + trait) fit not reported.",
  }),
];

const percentages = [
  ...percentRows(P, "text §4", "response_rate", 1200, [["valid responses of 1,200 invited", 248, "20.67"]]),
  ...percentRows(P, "text §4", "industry", N, [["high tech", null, "39.1"], ["medium tech (printed 'high technology')", null, "32.7"], ["low tech", null, "28.2"]]),
];

export const paper001: PaperRecord = {
  id: P,
  citation: {
    authors: ["Omar Al-Tabbaa", "Nadia Zahoor"],
    year: 2023,
    title: "Alliance management capability and SMEs' international expansion: the role of innovation pathways",
    journal: "Journal of Business Research, article 114384",
    doi: "10.1016/j.jbusres.2023.114384",
    text: "Al-Tabbaa, O., & Zahoor, N. Alliance management capability and SMEs' international expansion: The role of innovation pathways. Journal of Business Research, 114384. https://doi.org/10.1016/j.jbusres.2023.114384",
    note: "Online 15 Nov 2023; probably a 2024 volume (volume/issue not in the text). Open access CC BY.",
  },
  sample: {
    n: N,
    country: "United Kingdom",
    population: "independent manufacturing SMEs (< 250 employees) with significant export sales",
    frame: "FAME database; 1,200 firms meeting the criteria with full contact details",
    context: "Online Qualtrics survey, two follow-ups; pre-tested with 6 strategy experts, an executive-MBA class and 12 senior executives",
    details: [
      "248 valid responses (20.67%)",
      "informant knowledge (7-point): products/services 5.67, alliance management system 6.21, international activities 5.13",
      "average work experience 3 years; mean 97.13 employees; mean firm age 20.51 years",
      "industry: 39.1% high-tech, 32.7% medium-tech (printed 'high'), 28.2% low-tech",
    ],
  },
  design: [
    "Three CFA sets in AMOS 26 (ML): 4 AMC dimensions; rad/inc/IE; full model (24 items)",
    "CMV: method-only, trait-only and method + trait CFAs",
    "Full SEM in AMOS (ML): AMC → radical, incremental → IE with controls; standardised paths (Fig. 2, Table 5)",
    "PROCESS mediation (5,000 bootstrap samples) and Sobel tests",
    "Moderation AMC × APD on each mediator (method not stated), simple slopes at high/low APD; quadratic AMC × APD²",
  ],
  software: ["AMOS 26.0 (CFA and SEM, ML)", "PROCESS macro (5,000 bootstrap samples, 95% CI)", "Sobel (1982) test"],
  constructs,
  controls,
  correlations,
  hypotheses: [
    { id: "H1", text: "AMC raises radical co-innovation", x: "amc", y: "rad", type: "direct", expectedSign: "+", verdict: "supported", evidence: [`${P}.SEM.rad.amc`], evidenceText: "β = 0.67***" },
    { id: "H2", text: "AMC raises incremental co-innovation", x: "amc", y: "inc", type: "direct", expectedSign: "+", verdict: "supported", evidence: [`${P}.SEM.inc.amc`], evidenceText: "β = 0.48***" },
    { id: "H3", text: "Radical co-innovation raises international expansion", x: "rad", y: "ie", type: "direct", expectedSign: "+", verdict: "supported", evidence: [`${P}.SEM.ie.rad`], evidenceText: "β = 0.33***" },
    { id: "H4", text: "Incremental co-innovation raises international expansion", x: "inc", y: "ie", type: "direct", expectedSign: "+", verdict: "supported", evidence: [`${P}.SEM.ie.inc`], evidenceText: "β = 0.29***" },
    {
      id: "H5a", text: "Radical co-innovation carries AMC's effect on international expansion", x: "amc", m: ["rad"], y: "ie", type: "mediation", expectedSign: "+",
      verdict: "supported", evidence: [`${P}.IE.rad`, `${P}.IE.rad.T5`], evidenceText: "text: 0.10, CI [0.02, 0.18], Sobel Z = 2.71, p < .01; Table 5: 0.12*",
    },
    {
      id: "H5b", text: "Incremental co-innovation carries AMC's effect on international expansion", x: "amc", m: ["inc"], y: "ie", type: "mediation", expectedSign: "+",
      verdict: "supported", evidence: [`${P}.IE.inc`, `${P}.IE.inc.T5`], evidenceText: "text: 0.09, CI [0.01, 0.16], Sobel Z = 2.74, p < .01; Table 5: 0.10*",
    },
    {
      id: "H6a", text: "Partner diversity strengthens AMC's effect on radical co-innovation", x: "amc", w: "apd", y: "rad", type: "moderation", expectedSign: "+",
      verdict: "supported", evidence: [`${P}.MOD.rad.amc_x_apd`, `${P}.SS.rad.high`, `${P}.SS.rad.low`], evidenceText: "AMC × APD β = 0.19***; slopes 0.69*** (high) and 0.27*** (low)",
    },
    {
      id: "H6b", text: "Partner diversity strengthens AMC's effect on incremental co-innovation", x: "amc", w: "apd", y: "inc", type: "moderation", expectedSign: "+",
      verdict: "supported", evidence: [`${P}.MOD.inc.amc_x_apd`, `${P}.SS.inc.high`, `${P}.SS.inc.low`], evidenceText: "AMC × APD β = 0.14**; slopes 0.58*** (high) and 0.19** (low)",
    },
  ],
  model: {
    nodes: [
      { id: "amc", label: "Alliance management capability", kind: "iv" },
      { id: "rad", label: "Radical co-innovation", kind: "mediator" },
      { id: "inc", label: "Incremental co-innovation", kind: "mediator" },
      { id: "ie", label: "International expansion", kind: "dv" },
      { id: "apd", label: "Alliance partner diversity", kind: "moderator" },
      { id: "controls", label: "Controls (size, age, industry, int. experience, alliance experience)", kind: "control" },
    ],
    paths: [
      { from: "amc", to: "rad", hypothesis: "H1", estimateId: `${P}.SEM.rad.amc` },
      { from: "amc", to: "inc", hypothesis: "H2", estimateId: `${P}.SEM.inc.amc` },
      { from: "rad", to: "ie", hypothesis: "H3", estimateId: `${P}.SEM.ie.rad` },
      { from: "inc", to: "ie", hypothesis: "H4", estimateId: `${P}.SEM.ie.inc` },
      { from: "apd", to: "rad", hypothesis: "H6a", moderates: ["amc", "rad"], estimateId: `${P}.MOD.rad.amc_x_apd` },
      { from: "apd", to: "inc", hypothesis: "H6b", moderates: ["amc", "inc"], estimateId: `${P}.MOD.inc.amc_x_apd` },
      { from: "controls", to: "rad" },
      { from: "controls", to: "inc" },
      { from: "controls", to: "ie" },
    ],
  },
  coefficients,
  modelStats: modelStatsList,
  indirectEffects: ieRows,
  simpleSlopes,
  otherResults: [],
  fit,
  percentages,
  categoricalMoments: [
    {
      id: `${P}.industry`, variable: "industry", source: "text §4 (percentages) and Table 4 (mean, SD)", codes: [1, 2, 3], percents: [39.1, 32.7, 28.2], n: N,
      mean: pub(`${P}.industry.mean`, "Industry mean", "Table 4, Industry, Mean", "1.89", "mean"),
      sd: pub(`${P}.industry.sd`, "Industry SD", "Table 4, Industry, SD", "0.81", "sd"),
    },
  ],
  otherNumbers: [
    pub(`${P}.knowledge.products`, "Informant knowledge: products and services", "text §4", "5.67", "mean"),
    pub(`${P}.knowledge.alliance`, "Informant knowledge: alliance management system", "text §4", "6.21", "mean"),
    pub(`${P}.knowledge.intl`, "Informant knowledge: international activities", "text §4", "5.13", "mean"),
    pub(`${P}.employees.mean`, "Mean full-time employees", "text §4", "97.13", "mean"),
    pub(`${P}.age.mean`, "Mean firm age (years)", "text §4", "20.51", "mean"),
  ],
  issues: [
    { id: "T4-row12", where: "Table 4, row 12", text: "Only 10 of 11 off-diagonal values printed; r(alliance experience, international experience) taken as missing." },
    { id: "T4-row7", where: "Table 4, row 7", text: "r(IE, radical) = 0.08 with r(IE, incremental) = 0.42 implies a negative partial effect of radical on IE (OLS ≈ −0.14), contradicting the SEM's +0.33***; coordination 0.43 vs 0.02–0.09 for the other dimensions. Treat row 7 as unreliable.", numbers: [`${P}.SEM.ie.rad.est`] },
    { id: "T4-stars", where: "Table 4", text: "0.43** and 0.42** should be ***; −0.16** should be *; 0.12 unmarked should be †." },
    { id: "IE-text-vs-T5", where: "text vs Table 5", text: "Indirect effects 0.10/0.09 (text) vs 0.12*/0.10* (Table 5); stars (p < .05) disagree with Sobel p < .01; neither equals the product of the SEM paths (0.221, 0.139)." },
    { id: "slopes", where: "text §5 (moderation)", text: "Half the difference of the simple slopes (0.21, 0.195) vs interactions 0.19 and 0.14; midpoints (0.48, 0.385) differ from the SEM paths (0.67, 0.48)." },
    { id: "labels", where: "text", text: "H6a result reported under 'hypothesis 5a'; 'incremental confidence'; medium-tech printed as 'high technology'." },
    { id: "apd-squared", where: "text §5", text: "APD is already a squared share, so 'APD²' is its 4th power; U-shape claimed from a coefficient only." },
    { id: "log-base", where: "Table 4", text: "Firm size mean 1.81 fits log10, not ln (ln 97 = 4.58); age and international experience fit ln." },
    { id: "cmv-model2", where: "text §4", text: "Trait-only model (1.14, NFI .96) should equal Set 3 (1.15, NFI .95)." },
    { id: "no-chi2", where: "Table 3", text: "Only χ²/df printed; implied p-values for plain CFAs (.131, .174, .058) vs printed .13, .20, .07." },
    { id: "dv-wording", where: "text §4", text: "'Discriminant validity … because AVE exceeded .50' states a convergent criterion." },
    { id: "rad-cr", where: "Table 2", text: "Radical CR recomputes to .784 vs .79 printed." },
  ],
  reproducibility: {
    exact: [
      { what: "CR and AVE from the loadings; √AVE diagonal", why: "formulas of the printed loadings" },
      { what: "RMSEA from χ²/df and N", why: "RMSEA = √((χ²/df − 1)/(N − 1)) needs no df" },
      { what: "Industry mean and SD from the percentages; response rate", why: "arithmetic" },
      { what: "AMC composite moments", why: "exact covariance algebra on Table 4" },
    ],
    approximate: [],
    notReproducible: [
      { what: "SEM paths (0.67, 0.48, 0.33, 0.29) and indirect effects", reason: "Table 4 correlations contradict them (row 7); observed-score OLS gives 0.505, 0.601, −0.138, 0.448 and indirect −0.055 / 0.30; disattenuation does not remove the sign conflict" },
      { what: "AMC × APD and AMC × APD² interactions, simple slopes", reason: "need raw-data moments of the product terms; specification (centring, covariates, estimator, APD levels) unknown" },
      { what: "χ² values and fit indices; CMV model comparison", reason: "need item-level data; χ² and df not printed" },
      { what: "Bootstrap CIs, control-path values (Fig. 2 image), non-response tests", reason: "raw data / values not published" },
    ],
  },
  conventions: { [T5]: { starLegend: LEGEND_3, test: "z" } },
  duplicates: [
    { a: `${P}.IE.rad.est`, b: `${P}.IE.rad.T5.est`, why: "the text and Table 5 report the indirect effect via radical co-innovation" },
    { a: `${P}.IE.inc.est`, b: `${P}.IE.inc.T5.est`, why: "the text and Table 5 report the indirect effect via incremental co-innovation" },
  ],
  notReported: [
    "raw data and item covariances; second-order loadings",
    "full SEM specification (latent AMC? direct AMC → IE? correlated mediator residuals?) and control-path values",
    "SEs, t-values and R² for any path",
    "moderation specification (estimator, centring, covariates, lower-order terms, APD levels)",
    "PROCESS model number and covariates; CMV model 3 fit; non-response statistics",
  ],
};
