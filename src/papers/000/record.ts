/**
 * Paper 000 — Zahoor, Al-Tabbaa & Khan (2023), Global Strategy Journal (accepted pre-print).
 * R&D alliances, alliance management capability (AMC), co-innovation ambidexterity (CIA) and SMEs'
 * post-entry internationalisation speed. Transcribed from shared/papers/000.md (the careful
 * extraction of seeds/000_b4a6959800bac968.txt). PaperItem texts are short paraphrases.
 */
import { LEGEND_DAGGER, coef, corrTable, fitRecord, modelStats, percentRows, pub, reading, scale, wideCoefficients } from "../../replicate/transcribe";
import type { CoefficientRow, PaperControl, PaperRecord } from "../../replicate/record";

const P = "000";
const N = 278;
const T2 = "Table 2";
const T3 = "Table 3";
const LIKERT7 = "7-point Likert (agreement)";

const constructs = [
  scale(P, T2, T3, {
    id: "coord", name: "Interorganizational coordination", role: "AMC dimension", scale: LIKERT7, scaleRange: [1, 7],
    composite: "mean of items (assumed; not stated)",
    items: [
      ["coord1", "Joint activities with partners well aligned", "0.77"],
      ["coord2", "Our work kept in sync with partners", "0.88"],
      ["coord3", "Much partner interaction on most decisions", "0.72"],
    ],
    alpha: ".82", cr: "0.84", ave: ".63", sqrtAve: "0.79",
  }),
  scale(P, T2, T3, {
    id: "proact", name: "Alliance proactiveness", role: "AMC dimension", scale: LIKERT7, scaleRange: [1, 7],
    composite: "mean of items (assumed)",
    items: [
      ["proact1", "Enter alliances to outpace competitors", "0.77"],
      ["proact2", "We initiate alliance proposals to firms", "0.77"],
      ["proact3", "More proactive than rivals seeking partnerships", "0.80"],
      ["proact4", "Scan environment for alliance opportunities", "0.72"],
    ],
    alpha: ".83", cr: "0.85", ave: ".59", sqrtAve: "0.77",
  }),
  scale(P, T2, T3, {
    id: "transf", name: "Alliance transformation", role: "AMC dimension", scale: LIKERT7, scaleRange: [1, 7],
    composite: "mean of items (assumed)",
    items: [
      ["transf1", "Set aside contract terms for better outcomes", "0.76"],
      ["transf2", "Prefer amending contracts over original terms", "0.80"],
      ["transf3", "Flexible alliance management toward change requests", "0.75"],
    ],
    alpha: ".81", cr: "0.82", ave: ".59", sqrtAve: "0.77",
    note: "Table 2 heads this block 'level of agreement for alliance learning' (wrong sub-heading).",
  }),
  scale(P, T2, T3, {
    id: "learn", name: "Interorganizational learning", role: "AMC dimension", scale: LIKERT7, scaleRange: [1, 7],
    composite: "mean of items (assumed)",
    items: [
      ["learn1", "Skilled at learning from partners", "0.90"],
      ["learn2", "Managers can absorb partner knowledge", "0.88"],
      ["learn3", "Routines for analysing partner-supplied information", "0.72"],
      ["learn4", "Combine existing and partner-acquired knowledge", "0.73"],
    ],
    alpha: ".89", cr: "0.88", ave: ".67", sqrtAve: "0.81",
  }),
  {
    id: "amc", name: "Alliance management capability", role: "IV (higher-order)", items: [],
    dimensions: ["coord", "proact", "transf", "learn"],
    composite: "mean of the four dimension mean scores (stated); also checked as a second-order reflective factor",
    secondOrder: (
      [["coord", "0.84"], ["proact", "0.76"], ["transf", "0.73"], ["learn", "0.76"]] as [string, string][]
    ).map(([d, v]) => ({
      dimension: d,
      loading: pub(`${P}.amc.second.${d}`, `AMC second-order loading: ${d}`, "text §4.2 (second-order check)", v, "loading", {
        note: "all significant at p < .01",
      }),
    })),
  },
  scale(P, T2, T3, {
    id: "rad", name: "Radical co-innovation", role: "component of the mediator", scale: LIKERT7, scaleRange: [1, 7],
    composite: "mean of items (assumed); mean-centred before forming the CIA product",
    items: [
      ["rad1", "Alliance driven by breakthrough technologies", "0.79"],
      ["rad2", "Alliance aims at radically new ideas", "0.77"],
      ["rad3", "Alliance yields convention-challenging creative ideas", "0.70"],
    ],
    alpha: ".80", cr: "0.80", ave: ".57", sqrtAve: "0.75",
  }),
  scale(P, T2, T3, {
    id: "inc", name: "Incremental co-innovation", role: "component of the mediator", scale: LIKERT7, scaleRange: [1, 7],
    composite: "mean of items (assumed); mean-centred before forming the CIA product",
    items: [
      ["inc1", "Alliance aims to raise efficiency", "0.70"],
      ["inc2", "Alliance helps streamline business operations", "0.79"],
      ["inc3", "Alliance improves quality of existing innovations", "0.68"],
    ],
    alpha: ".76", cr: "0.76", ave: ".51", sqrtAve: "0.72",
  }),
  {
    id: "cia", name: "Co-innovation ambidexterity", role: "mediator", items: [], dimensions: ["rad", "inc"],
    composite:
      "product of mean-centred radical and mean-centred incremental co-innovation (multiplicative approach, stated); the robustness check uses the additive index rad + inc",
    note:
      "Not in Table 3. Under normal-theory moments a mean-centred product is nearly uncorrelated with AMC, so the published AMC → CIA paths cannot come from such a product (see issues).",
  },
  scale(P, T2, T3, {
    id: "speed", name: "Post-entry internationalization speed", role: "DV", scaleRange: [1, 7],
    scale: "7-point satisfaction with the pace of reaching objectives in the first two years in the most recently entered foreign market",
    composite: "mean of items (assumed)",
    items: [
      ["speed1", "Pace of international sales growth", "0.92"],
      ["speed2", "Pace of international profitability", "0.90"],
      ["speed3", "Pace of ROI from international business", "0.90"],
      ["speed4", "Pace of international market share gains", "0.89"],
      ["speed5", "Pace of building international reputation", "0.91"],
    ],
    alpha: ".96", cr: "0.95", ave: ".78", sqrtAve: "0.88",
  }),
  scale(P, "text §5.4", T3, {
    id: "motivations", name: "Co-innovation motivations (instrument)", role: "instrumental variable", scaleRange: [1, 7],
    composite: "not stated", alpha: ".91",
    items: [
      ["motiv1", "Sharing R&D costs", null],
      ["motiv2", "Developing technology", null],
      ["motiv3", "Exchanging technical knowledge", null],
    ],
  }),
  scale(P, "text §5.4", T3, {
    id: "constraints", name: "Co-innovation constraints (instrument)", role: "instrumental variable", scaleRange: [1, 7],
    composite: "not stated", alpha: ".90",
    items: [
      ["constr1", "Lack of qualified staff", null],
      ["constr2", "Cost and risk of co-innovation", null],
      ["constr3", "Technology issues", null],
    ],
  }),
  scale(P, "text §5.2", T3, {
    id: "marker", name: "Marker variable", role: "CMV marker (Lindell & Whitney)", composite: "single item",
    items: [["marker1", "Employees dislike decisions being questioned", null]],
  }),
];

const T1 = "Table 1 (sample characteristics)";
const controls: PaperControl[] = [
  {
    id: "firm_size", label: "Firm size", measure: "number of full-time employees", transform: "log (Table 3 says natural log; the means fit log10)",
    logCheck: { base: "e", source: `${T1}, firm size brackets`, brackets: [{ lower: 1, upper: 49, count: 90 }, { lower: 50, upper: 99, count: 60 }, { lower: 100, upper: 250, count: 127 }] },
  },
  {
    id: "firm_age", label: "Firm age", measure: "years since founding", transform: "log (same issue: the means fit log10)",
    logCheck: { base: "e", source: `${T1}, firm age brackets`, brackets: [{ lower: 1, upper: 15, count: 140 }, { lower: 16, upper: 30, count: 110 }, { lower: 31, upper: 45, count: 15 }, { lower: 45, upper: null, count: 13 }] },
  },
  { id: "industry", label: "Industry", measure: "1 = high-tech, 2 = medium-tech, 3 = low-tech", transform: "entered as one 1/2/3 variable although labelled 'dummy'" },
  {
    id: "rd_intensity", label: "R&D intensity", measure: "ratio of full-time employees and R&D employees (direction unclear; mean 0.33 suggests R&D / FTE)",
    transform: "raw ratio", note: "in Tables 2–4 but not in the text's list of controls",
  },
  {
    id: "intl_experience", label: "International experience", measure: "text: number of countries; Table 2: years since first export (conflict)",
    transform: "log (marked natural log)",
    logCheck: { base: "e", source: `${T1}, international experience (years) brackets`, brackets: [{ lower: 1, upper: 5, count: 142 }, { lower: 6, upper: 10, count: 58 }, { lower: 11, upper: 15, count: 50 }, { lower: 16, upper: null, count: 28 }] },
  },
  { id: "alliance_experience", label: "Alliance experience", measure: "number of alliances formed in the previous 3 years", transform: "raw count" },
];

const correlations = corrTable({
  paper: P,
  source: T3,
  n: N,
  names: ["coord", "proact", "transf", "learn", "rad", "inc", "speed", "firm_size", "firm_age", "industry", "rd_intensity", "intl_experience", "alliance_experience"],
  labels: [
    "Interorg. coordination", "Alliance proactiveness", "Alliance transformation", "Interorg. learning", "Radical co-innovation",
    "Incremental co-innovation", "Post-entry int. speed", "Firm size (log)", "Firm age (log)", "Industry", "R&D intensity",
    "International experience (log)", "Alliance experience",
  ],
  means: ["5.43", "5.44", "5.31", "5.34", "5.38", "5.23", "5.10", "1.84", "1.10", "1.73", "0.33", "0.59", "2.08"],
  sds: ["1.01", "1.03", "0.97", "0.92", "0.96", "0.95", "1.34", "0.39", "0.36", "0.78", "0.44", "0.46", "1.14"],
  lower: [
    [],
    ["0.59***"],
    ["0.54***", "0.52***"],
    ["0.52***", "0.46***", "0.50***"],
    ["0.48***", "0.40***", "0.51***", "0.45***"],
    ["0.44***", "0.34***", "0.38***", "0.33***", "0.41***"],
    ["0.17**", "0.20**", "0.15*", "0.20**", "0.13*", "0.37***"],
    ["0.05", "0.04", "0.07", "0.16**", "0.14*", "0.10", "0.14*"],
    ["0.05", "0.10†", "0.07", "0.08", "0.07", "0.13*", "0.07", "0.15*"],
    ["−0.03", "−0.02", "0.05", "0.03", "0.05", "0.11", "0.15*", "0.04", "−0.04"],
    ["−0.08", "−0.03", "−0.11†", "−0.11†", "−0.10†", "−0.09", "−0.09", "−0.24**", "−0.01", "−0.11†"],
    ["0.14*", "0.14*", "0.08", "0.08", "0.10", "0.13*", "0.01", "0.10†", "0.64***", "0.00", "−0.02"],
    ["0.00", "0.05", "−0.07", "−0.08", "−0.01", "−0.01", "0.14*", "0.00", "0.04", "−0.15*", "0.11†", "0.04"],
  ],
  diagonal: ["0.79", "0.77", "0.77", "0.81", "0.75", "0.72", "0.88", "1.00", "1.00", "1.00", "1.00", "1.00", "1.00"],
  diagonalMeaning: "√AVE for variables 1–7; 1.00 for the single-indicator controls 8–13",
  starLegend: LEGEND_DAGGER,
  note: "The AMC composite and the CIA product term are not in the table. ‡ marks 'natural log' (the means fit log10); # marks 'dummy'.",
});

const T4 = "Table 4";
const t4Models = [
  { id: "M1", outcome: "cia" },
  { id: "M2", outcome: "cia" },
  { id: "M3", outcome: "speed" },
  { id: "M4", outcome: "speed" },
  { id: "M5", outcome: "speed" },
  { id: "M6", outcome: "speed" },
];

const table4 = wideCoefficients({
  paper: P,
  tableId: "T4",
  table: T4,
  models: t4Models,
  standardized: null,
  statistic: "cr",
  starred: true,
  hypotheses: { "M2.amc": "H1", "M5.cia": "H2", "M4.amc": "H3", "M6.amc": "H3", "M6.cia": "H3" },
  rows: [
    { predictor: "firm_size", label: "Firm size", role: "control", cells: ["0.15† (1.87)", "0.08 (1.35)", "0.13* (2.19)", "0.10 (1.67)", "0.06 (1.05)", "0.09 (1.49)"] },
    { predictor: "firm_age", label: "Firm age", role: "control", cells: ["0.07 (0.67)", "0.07 (0.087)", "0.09 (1.20)", "0.09 (1.21)", "0.06 (0.74)", "0.08 (1.05)"] },
    { predictor: "industry", label: "Industry", role: "control", cells: ["0.12 (1.46)", "0.11† (1.71)", "0.19** (3.08)", "0.17** (2.93)", "0.12† (2.01)", "0.16* (2.64)"] },
    { predictor: "rd_intensity", label: "R&D intensity", role: "control", cells: ["−0.04 (−0.56)", "0.02 (0.25)", "−0.04 (−0.70)", "−0.02 (−0.035)", "−0.02 (−0.38)", "−0.03 (−0.43)"] },
    { predictor: "intl_experience", label: "International experience", role: "control", cells: ["0.12 (1.19)", "−0.02 (−0.26)", "−0.07 (−0.93)", "−0.11 (−1.43)", "−0.11 (−1.49)", "−0.10 (−1.34)"] },
    { predictor: "alliance_experience", label: "Alliance experience", role: "control", cells: ["−0.00 (0.01)", "0.02 (0.40)", "0.18** (3.02)", "0.17** (2.95)", "0.17** (2.81)", "0.17** (2.93)"] },
    { predictor: "amc", label: "AMC", role: "focal", cells: ["", "0.87*** (6.84)", "", "0.26*** (3.76)", "", "−0.16 (−0.96)"] },
    { predictor: "cia", label: "Co-innovation ambidexterity", role: "focal", cells: ["", "", "", "", "0.42*** (4.76)", "0.49** (2.82)"] },
  ],
  cellNotes: {
    "M2.firm_age": {
      note: "t printed 0.087; with B = 0.07 that is implausible next to M1 (0.07, t 0.67).",
      use: { t: 0.87 },
      readings: [
        {
          field: "t",
          why: "a digit/decimal slip is the only reading consistent with the neighbouring cells",
          options: [
            reading("0.087", "as printed", "implies an SE of about 0.8, ten times the other rows", false),
            reading("0.87", "decimal slip", "best reading: matches M1's 0.07 (0.67) and the row's SE of about 0.08", true),
          ],
        },
      ],
    },
    "M4.rd_intensity": {
      note: "t printed −0.035; neighbouring models give t between −0.38 and −0.70 for B of −0.02 to −0.04.",
      use: { t: -0.35 },
      readings: [
        {
          field: "t",
          why: "a decimal slip is the only reading consistent with the neighbouring cells",
          options: [
            reading("−0.035", "as printed", "implies an SE of about 0.6", false),
            reading("−0.35", "decimal slip", "best reading: M5 prints −0.02 (−0.38)", true),
          ],
        },
      ],
    },
    "M1.alliance_experience": { note: "B printed −0.00 with t +0.01: a sign mismatch between two values that are both zero." },
    "M5.industry": { note: "t = 2.01 implies p < .05 but the cell is marked † (p < .10)." },
    "M6.industry": { note: "t = 2.64 implies p < .01 but the cell is marked * (p < .05)." },
  },
});

const controlIds = ["firm_size", "firm_age", "industry", "rd_intensity", "intl_experience", "alliance_experience"];
const AMOS = "AMOS 26 'path analysis' (ML presumably); df > 0, so not a saturated observed-variable regression; exact specification not reported";
const t4fit: [string, string, string, string, string, string, string][] = [
  // model, chi2, df, rmsea, srmr, nfi, cfi
  ["M1", "38.65", "37", "0.01", "0.03", ".95", ".99"],
  ["M2", "120.99", "110", "0.02", "0.03", ".93", ".99"],
  ["M3", "32.57", "30", "0.02", "0.03", ".98", ".99"],
  ["M4", "110.481", "96", "0.02", "0.03", ".95", ".99"],
  ["M5", "106.761", "96", "0.02", "0.03", ".96", ".99"],
  ["M6", "136.18", "110", "0.03", "0.04", ".94", ".99"],
];
const t4Desc: Record<string, [string, string[]]> = {
  M1: ["controls → CIA (baseline)", controlIds],
  M2: ["controls + AMC → CIA (H1; Baron–Kenny a path)", [...controlIds, "amc"]],
  M3: ["controls → speed (baseline)", controlIds],
  M4: ["controls + AMC → speed (Baron–Kenny c path)", [...controlIds, "amc"]],
  M5: ["controls + CIA → speed (H2)", [...controlIds, "cia"]],
  M6: ["controls + AMC + CIA → speed (H3; c′ and b paths)", [...controlIds, "amc", "cia"]],
};
const table4Stats = t4fit.map(([m, chi2, df, rmsea, srmr, nfi, cfi]) =>
  modelStats(P, "T4", T4, m, m <= "M2" ? "cia" : "speed", t4Desc[m][0], t4Desc[m][1], AMOS, N, [
    ["chi2", chi2, "χ²/df"],
    ["df", df, "χ²/df"],
    ["rmsea", rmsea],
    ["srmr", srmr],
    ["nfi", nfi],
    ["cfi", cfi],
  ], "No R², ΔR², F or SEs are printed."),
);

const S54 = "text §5.4";
const textCoefficients: CoefficientRow[] = [
  coef({ id: `${P}.R1.a`, table: S54, model: "PROCESS mediation", outcome: "cia", predictor: "amc", role: "path", est: "0.60", p: "< .001", pText: "p < .001", hypothesis: "H3", standardized: null, source: `${S54} (robustness 1: PROCESS, 5,000 bootstrap samples), a path` }),
  coef({ id: `${P}.R1.b`, table: S54, model: "PROCESS mediation", outcome: "speed", predictor: "cia", role: "path", est: "0.22", p: "< .01", pText: "p < .01", hypothesis: "H3", standardized: null, source: `${S54} (robustness 1), b path` }),
  coef({ id: `${P}.R2.rad`, table: S54, model: "additive: speed ~ rad", outcome: "speed", predictor: "rad", role: "path", est: "0.12", p: "< .05", pText: "p < .05", standardized: true, source: `${S54} (robustness 2: additive index), effect of radical co-innovation on speed` }),
  coef({ id: `${P}.R2.inc`, table: S54, model: "additive: speed ~ inc", outcome: "speed", predictor: "inc", role: "path", est: "0.35", p: "< .001", pText: "p < .001", standardized: true, source: `${S54} (robustness 2), effect of incremental co-innovation on speed` }),
  coef({ id: `${P}.R2.add`, table: S54, model: "additive: speed ~ rad+inc", outcome: "speed", predictor: "cia_add", role: "path", est: "0.28", p: "< .001", pText: "p < .001", hypothesis: "H2", standardized: true, source: `${S54} (robustness 2), effect of the additive index on speed` }),
  coef({ id: `${P}.R2.med_a`, table: S54, model: "additive mediation", outcome: "cia_add", predictor: "amc", role: "path", est: "0.62", p: "< .001", pText: "p < .001", hypothesis: "H1", standardized: true, source: `${S54} (robustness 2), AMC → additive index with both entered` }),
  coef({ id: `${P}.R2.med_b`, table: S54, model: "additive mediation", outcome: "speed", predictor: "cia_add", role: "path", est: "0.38", p: "< .001", pText: "p < .001", hypothesis: "H3", standardized: true, source: `${S54} (robustness 2), additive index → speed with AMC in the model` }),
  coef({ id: `${P}.R3.a_rad`, table: S54, model: "decomposed mediation", outcome: "rad", predictor: "amc", role: "path", est: "0.52", p: "< .001", pText: "p < .001", standardized: true, source: `${S54} (robustness 3: decomposed mediation), AMC → radical` }),
  coef({ id: `${P}.R3.a_inc`, table: S54, model: "decomposed mediation", outcome: "inc", predictor: "amc", role: "path", est: "0.63", p: "< .001", pText: "p < .001", standardized: true, source: `${S54} (robustness 3), AMC → incremental` }),
  coef({ id: `${P}.R3.b_inc`, table: S54, model: "decomposed mediation", outcome: "speed", predictor: "inc", role: "path", est: "0.44", p: "< .001", pText: "p < .001", standardized: true, source: `${S54} (robustness 3), incremental → speed` }),
  coef({ id: `${P}.R3.b_rad`, table: S54, model: "decomposed mediation", outcome: "speed", predictor: "rad", role: "path", est: "0.11", p: "> .10", pText: "p > .10", standardized: true, source: `${S54} (robustness 3), radical → speed` }),
  coef({ id: `${P}.R4.second`, table: S54, model: "2SLS second stage", outcome: "speed", predictor: "cia_hat", role: "path", est: "0.22", p: "< .05", pText: "p < .05", hypothesis: "H2", standardized: true, source: `${S54} (robustness 4: 2SLS), second stage CIA → speed` }),
];

const indirectEffects = [
  {
    id: `${P}.IE.process`, hypothesis: "H3", x: "amc", m: ["cia"], y: "speed",
    method: "PROCESS bootstrap (5,000 samples, 95% CI) and Sobel test; covariates not stated", source: `${S54} (robustness 1) and Figure 2`,
    effect: pub(`${P}.IE.process.est`, "Indirect AMC → CIA → speed (standardised)", `${S54}, robustness 1`, "0.13", "indirect", { hypothesis: "H3" }),
    ciLower: pub(`${P}.IE.process.lo`, "Indirect AMC → CIA → speed: 95% CI lower", `${S54}, robustness 1`, "0.04", "ciLower", { hypothesis: "H3" }),
    ciUpper: pub(`${P}.IE.process.hi`, "Indirect AMC → CIA → speed: 95% CI upper", `${S54}, robustness 1`, "0.22", "ciUpper", { hypothesis: "H3" }),
    sobelZ: pub(`${P}.IE.process.sobel`, "Sobel Z (AMC → CIA → speed)", `${S54}, robustness 1`, "2.92", "z", { hypothesis: "H3" }),
    pText: "p < .01",
    paths: [`${P}.R1.a`, `${P}.R1.b`],
    conclusion: "mediation supported",
  },
  {
    id: `${P}.IE.inc`, x: "amc", m: ["inc"], y: "speed", method: "bootstrap (presumably as above)", source: `${S54} (robustness 3)`,
    effect: pub(`${P}.IE.inc.est`, "Indirect AMC → incremental → speed", `${S54}, robustness 3`, "0.14", "indirect"),
    ciLower: pub(`${P}.IE.inc.lo`, "Indirect via incremental: 95% CI lower", `${S54}, robustness 3`, "0.08", "ciLower"),
    ciUpper: pub(`${P}.IE.inc.hi`, "Indirect via incremental: 95% CI upper", `${S54}, robustness 3`, "0.20", "ciUpper"),
    paths: [`${P}.R3.a_inc`, `${P}.R3.b_inc`],
    conclusion: "mediation supported",
  },
  {
    id: `${P}.IE.rad`, x: "amc", m: ["rad"], y: "speed", method: "bootstrap", source: `${S54} (robustness 3)`,
    effect: pub(`${P}.IE.rad.est`, "Indirect AMC → radical → speed", `${S54}, robustness 3`, "0.02", "indirect"),
    ciLower: pub(`${P}.IE.rad.lo`, "Indirect via radical: 95% CI lower", `${S54}, robustness 3`, "0.001", "ciLower"),
    ciUpper: pub(`${P}.IE.rad.hi`, "Indirect via radical: 95% CI upper", `${S54}, robustness 3`, "0.08", "ciUpper"),
    paths: [`${P}.R3.a_rad`, `${P}.R3.b_rad`],
    conclusion: "no mediation ('no evidence'), although the printed CI excludes zero",
  },
];

const otherResults = [
  pub(`${P}.R4.r_motiv_cia`, "r(motivations, CIA)", `${S54}, robustness 4`, ".47", "r", { note: "p < .001" }),
  pub(`${P}.R4.r_motiv_speed`, "r(motivations, speed)", `${S54}, robustness 4`, ".07", "r", { note: "p > .10" }),
  pub(`${P}.R4.r_constr_cia`, "r(constraints, CIA)", `${S54}, robustness 4`, "−.41", "r", { note: "p < .001" }),
  pub(`${P}.R4.r_constr_speed`, "r(constraints, speed)", `${S54}, robustness 4`, "−.09", "r", { note: "p > .10" }),
  pub(`${P}.R4.dwh_p`, "Durbin–Wu–Hausman p", `${S54}, robustness 4`, "> .10", "p"),
  pub(`${P}.R4.first_F`, "2SLS first stage F", `${S54}, robustness 4`, "19.32", "F", { note: "p < .001; equals the overall F of 8 regressors with R² ≈ .365, not an excluded-instrument F" }),
  pub(`${P}.R4.first_r2`, "2SLS first stage R²", `${S54}, robustness 4`, "0.37", "r2"),
];

const fit = [
  fitRecord(P, "cfa_text", "Measurement model (text §5.1)", "text §5.1", N, { chi2: "273.17", df: "238", nfi: ".94", cfi: ".99", rmsea: ".02", srmr: ".04" }, {
    pText: "p > .05", impliedDf: { df: 254, basis: "7 correlated factors, 25 items" },
    note: "Differs from the Table 2 fit; neither df equals 254.",
  }),
  fitRecord(P, "cfa_table2", "Measurement model (Table 2 notes)", "Table 2 notes", N, { chi2: "485.22", df: "366", nfi: ".92", cfi: ".98", gfi: "0.91", rmsea: "0.03", srmr: "0.04" }, {
    impliedDf: { df: 254, basis: "7 correlated factors, 25 items" }, pText: "p > .05",
    note: "χ²(366) = 485.22 has p < .001, yet the text calls the measurement-model χ² insignificant (p > .05).",
  }),
  fitRecord(P, "harman_cfa", "Single-factor CFA (Harman)", "text §5.2", N, { chi2: "2408.68", df: "275", nfi: ".45", cfi: ".48", rmsea: "0.17", srmr: "0.15" }, {
    pText: "p < .001", impliedDf: { df: 275, basis: "1 factor, 25 items" },
  }),
  fitRecord(P, "structural_text", "Hypothesised structural model (text §5.3)", "text §5.3", N, { chi2: "84.40", df: "75", nfi: ".96", cfi: ".99", rmsea: "0.02", srmr: "0.03" }, {
    pText: "p > .10", note: "Matches no column of Table 4.",
  }),
];

const percentages = [
  ...percentRows(P, "Table 1", "managerial_experience", N, [["1–5 years", 54, "19.4"], ["6–10 years", 100, "36.0"], ["11 and over", 124, "44.6"]]),
  ...percentRows(P, "Table 1", "firm_size", N, [["1–49 employees", 90, "32.4"], ["50–99", 60, "21.9"], ["100–250", 127, "45.7"]]),
  ...percentRows(P, "Table 1", "firm_age", N, [["1–15 years", 140, "50.4"], ["16–30", 110, "39.6"], ["31–45", 15, "5.4"], ["45 and over", 13, "4.7"]]),
  ...percentRows(P, "Table 1", "industry", N, [["high-technology", 132, "47.5"], ["medium-technology", 88, "31.7"], ["low-technology", 58, "20.9"]]),
  ...percentRows(P, "Table 1", "intl_experience_years", N, [["1–5", 142, "51.1"], ["6–10", 58, "20.9"], ["11–15", 50, "18.0"], ["16 and over", 28, "10.1"]]),
  ...percentRows(P, "Table 1", "intl_scope_countries", N, [["1–3", 183, "65.8"], ["4–6", 57, "20.5"], ["7–9", 12, "4.3"], ["10 and over", 26, "9.4"]]),
  ...percentRows(P, "Table 1", "alliance_experience", N, [["1", 111, "39.9"], ["2", 82, "29.5"], ["3", 51, "18.3"], ["4–6", 34, "12.3"]]),
  ...percentRows(P, "text §4.1", "response_rate", 2000, [["usable responses of the 2,000 firms sampled", 278, "13.90"]]),
  ...percentRows(P, "text §4.1", "informants", N, [["owners or CEOs", null, "54.07"], ["mid-level managers", null, "45.03"]]),
];

export const paper000: PaperRecord = {
  id: P,
  citation: {
    authors: ["Nadia Zahoor", "Omar Al-Tabbaa", "Zaheer Khan"],
    year: 2023,
    title: "R&D alliances and SMEs' post-entry internationalization speed: the impact of alliance management capability and co-innovation ambidexterity",
    journal: "Global Strategy Journal (accepted pre-print; in press)",
    doi: null,
    text: "Zahoor, N., Al-Tabbaa, O., & Khan, Z. (2023). R&D Alliances and SMEs Post-Entry Internationalization Speed: The Impact of Alliance Management Capability and Co-innovation Ambidexterity. Global Strategy Journal, in press.",
    note: "Accepted post-review pre-print: no volume, pages or DOI in the supplied text.",
  },
  sample: {
    n: N,
    country: "United Kingdom",
    population: "manufacturing SMEs (< 250 employees) taking part in international R&D strategic alliances",
    frame: "2,000 manufacturing SMEs drawn at random from FAME; 850 passed two screening questions",
    context: "Online Qualtrics survey of owners/CEOs and mid-level managers about one strategically important international R&D alliance",
    details: [
      "285 responses, 7 dropped for missing data, 278 usable",
      "response rate reported as 13.90% (278/2000); 32.7% of the 850 qualified respondents",
      "informants: 54.07% owners/CEOs, 45.03% mid-level managers (sum 99.10%)",
      "self-rated knowledge (1–7): 6.2 on international alliance activities, 6.5 on international operations",
      "pilot with 5 senior academics and interviews with 11 senior managers",
    ],
  },
  design: [
    "Full measurement-model CFA (AMOS 26, ML presumably) of 7 first-order factors / 25 items; AMC also checked as a second-order factor",
    "Harman's single-factor test (SPSS EFA and AMOS CFA) and a marker variable for common-method variance",
    "Six hierarchical 'path analysis' models in AMOS (Table 4) following Baron & Kenny",
    "PROCESS mediation with 5,000 bootstrap samples and the Sobel test",
    "Robustness: additive co-innovation index, decomposed (parallel) mediation, Durbin–Wu–Hausman test and 2SLS",
  ],
  software: ["AMOS 26 (CFA, single-factor CFA, path models)", "SPSS 26 (Harman EFA)", "PROCESS macro (5,000 bootstrap samples, 95% CI)", "Sobel test", "DWH test and 2SLS (software not named)"],
  constructs,
  controls,
  correlations,
  hypotheses: [
    {
      id: "H1", text: "Alliance management capability raises co-innovation ambidexterity", x: "amc", y: "cia", type: "direct", expectedSign: "+",
      verdict: "supported", evidence: [`${P}.T4.M2.amc`], evidenceText: "Model 2: B = 0.87***, t = 6.84",
    },
    {
      id: "H2", text: "Co-innovation ambidexterity speeds up post-entry internationalisation", x: "cia", y: "speed", type: "direct", expectedSign: "+",
      verdict: "supported", evidence: [`${P}.T4.M5.cia`], evidenceText: "Model 5: B = 0.42***, t = 4.76",
    },
    {
      id: "H3", text: "Co-innovation ambidexterity carries the effect of AMC on internationalisation speed", x: "amc", m: ["cia"], y: "speed",
      type: "mediation", expectedSign: "+", verdict: "supported",
      evidence: [`${P}.T4.M4.amc`, `${P}.T4.M6.amc`, `${P}.T4.M6.cia`, `${P}.IE.process`],
      evidenceText: "Baron–Kenny steps (M4 AMC 0.26***; M6 AMC −0.16 ns, CIA 0.49**); PROCESS indirect 0.13, 95% CI [0.04, 0.22]; Sobel Z = 2.92, p < .01",
    },
  ],
  model: {
    nodes: [
      { id: "amc", label: "Alliance management capability", kind: "iv" },
      { id: "cia", label: "Co-innovation ambidexterity", kind: "mediator" },
      { id: "speed", label: "Post-entry internationalization speed", kind: "dv" },
      { id: "controls", label: "Controls (size, age, industry, R&D intensity, int. experience, alliance experience)", kind: "control" },
    ],
    paths: [
      { from: "amc", to: "cia", hypothesis: "H1", estimateId: `${P}.T4.M2.amc` },
      { from: "cia", to: "speed", hypothesis: "H2", estimateId: `${P}.T4.M5.cia` },
      { from: "amc", to: "speed", hypothesis: "H3", estimateId: `${P}.T4.M6.amc` },
      { from: "controls", to: "cia" },
      { from: "controls", to: "speed" },
    ],
  },
  coefficients: [...table4, ...textCoefficients],
  modelStats: table4Stats,
  indirectEffects,
  simpleSlopes: [],
  otherResults,
  fit,
  percentages,
  categoricalMoments: [
    {
      id: `${P}.industry`, variable: "industry", source: "Table 1 (counts) and Table 3 (mean, SD)", codes: [1, 2, 3], counts: [132, 88, 58], n: N,
      mean: pub(`${P}.industry.mean`, "Industry mean", "Table 3, Industry, Mean", "1.73", "mean"),
      sd: pub(`${P}.industry.sd`, "Industry SD", "Table 3, Industry, SD", "0.78", "sd"),
    },
  ],
  otherNumbers: [
    pub(`${P}.harman.first_pct`, "Harman EFA: variance of the first factor (%)", "text §5.2", "33.89", "percent", { note: "8 factors extracted" }),
    pub(`${P}.marker.r_proact`, "Marker variable r with alliance proactiveness", "text §5.2", "−0.05", "r", { note: "not significant" }),
    pub(`${P}.knowledge.alliances`, "Informant knowledge of alliance activities (1–7)", "text §4.1", "6.2", "mean"),
    pub(`${P}.knowledge.operations`, "Informant knowledge of international operations (1–7)", "text §4.1", "6.5", "mean"),
  ],
  issues: [
    { id: "T4-M2-age-t", where: "Table 4, M2, firm age", text: "t printed 0.087 for B = 0.07; best reading 0.87.", numbers: [`${P}.T4.M2.firm_age.t`] },
    { id: "T4-M4-rd-t", where: "Table 4, M4, R&D intensity", text: "t printed −0.035; best reading −0.35.", numbers: [`${P}.T4.M4.rd_intensity.t`] },
    { id: "T4-M1-allexp-sign", where: "Table 4, M1, alliance experience", text: "B −0.00 with t +0.01 (harmless sign mismatch)." },
    { id: "T4-stars", where: "Table 4, M5 and M6 industry", text: "t = 2.01 marked † (should be *); t = 2.64 marked * (should be **)." },
    { id: "T4-spec", where: "Table 4", text: "'Path analysis' with df > 0 in every model; M2 and M6 share df = 110; the text's structural fit χ²(75) = 84.40 matches no column." },
    { id: "T4-size", where: "Table 4, M2", text: "AMC → CIA B = 0.87 is implausibly large for a mean-centred product; PROCESS gives 0.60. 0.87 × 0.49 − 0.16 ≈ 0.26 (M4), so the table is internally coherent." },
    { id: "T4-std", where: "Table 4", text: "Whether the coefficients are standardised is not stated (text says B; robustness text says β)." },
    { id: "CFA-two-fits", where: "text §5.1 vs Table 2", text: "Two different CFA fits (χ²(238) = 273.17 vs χ²(366) = 485.22); a plain 7-factor CFA of 25 items has df = 254; χ²(366) = 485.22 is significant." },
    { id: "AVE-speed", where: "Table 2, speed", text: "AVE .78 is impossible with all loadings ≥ .89 (recomputed .817, √ = .904 vs diagonal .88).", numbers: [`${P}.speed.ave`, `${P}.speed.sqrtAve`] },
    { id: "AVE-other", where: "Table 2", text: "Incremental AVE .526 vs .51; learning AVE .659 vs .67; coordination and transformation CR .834/.814 vs .84/.82 (point recomputations)." },
    { id: "range-text", where: "text §5.1", text: "'CA and CR from .76 to .95' but speed α = .96." },
    { id: "T2-heading", where: "Table 2", text: "Transformation block headed 'alliance learning'." },
    { id: "rd-undefined", where: "controls", text: "R&D intensity is in the tables but not in the text; ratio direction unclear." },
    { id: "intl-exp-def", where: "controls", text: "International experience: countries (text) vs years since first export (Table 2)." },
    { id: "log-base", where: "Table 3", text: "'Natural log' but the means of firm size (1.84) and age (1.10) fit log10." },
    { id: "industry-dummy", where: "Table 3/4", text: "Industry coded 1/2/3 and entered as one regressor though called 'dummy'." },
    { id: "T1-arith", where: "Table 1", text: "Firm-size counts sum to 277; 34/278 = 12.2% not 12.3%; informant shares sum to 99.10%." },
    { id: "T3-stars", where: "Table 3", text: "Some correlation stars do not match N = 278 (e.g. −.24 marked **; .11 unmarked)." },
    { id: "rad-mediation", where: "text §5.4", text: "Indirect effect via radical has CI [0.001, 0.08] excluding zero, yet the authors report no mediation." },
    { id: "decomposed-paths", where: "text §5.4", text: "AMC → incremental (0.63) > AMC → radical (0.52), whereas Table 3 gives AMC correlating more with radical (.573) than incremental (.466)." },
    { id: "fig2", where: "Figure 2", text: "Path values are in the image only." },
  ],
  reproducibility: {
    exact: [
      { what: "Table 1 percentages, industry mean/SD", why: "formula checks on counts" },
      { what: "RMSEA and χ² p-values of all printed fits", why: "formula of χ², df and N" },
      { what: "CR and AVE from the loadings; √AVE vs diagonal", why: "formulas of the printed loadings" },
      { what: "Correlation stars", why: "r and N" },
      { what: "AMC composite SD and correlations", why: "exact covariance algebra on Table 3" },
    ],
    approximate: [
      { what: "PROCESS mediation (a 0.60, b 0.22, indirect 0.13, Sobel 2.92)", why: "OLS on composites with the 6 controls and an additive or uncentred-product CIA reproduces them; bootstrap CI only as its normal-theory analogue" },
      { what: "Table 4 M3 and M4 (controls and AMC → speed)", why: "OLS on composites gives similar values (AMC 0.22 vs 0.26)" },
      { what: "Additive robustness (inc 0.35, add 0.28, AMC → add 0.62, rad 0.12)", why: "OLS on composites; index → speed with AMC (0.38) is not reproduced (0.22)" },
      { what: "Decomposed indirect via incremental (0.14)", why: "0.148 computed; component paths do not match" },
    ],
    notReproducible: [
      { what: "Table 4 focal paths of M1, M2, M5, M6 (AMC → CIA 0.87, CIA 0.42, 0.49, AMC −0.16)", reason: "depend on an undocumented latent AMOS specification and a mean-centred product whose moments are not in summary statistics" },
      { what: "Table 4 χ², RMSEA, SRMR, NFI, CFI", reason: "need the item-level covariance matrix and the exact AMOS specification" },
      { what: "CFA fit, loadings, Harman EFA/CFA", reason: "need item-level data" },
      { what: "Bootstrap CIs", reason: "need raw data (only the normal-theory analogue can be computed)" },
      { what: "DWH test and 2SLS", reason: "the instruments' correlations with AMC and the controls are not published" },
      { what: "Marker-variable test and non-response t-tests", reason: "statistics not reported" },
    ],
  },
  conventions: { [T4]: { starLegend: LEGEND_DAGGER, test: "z" } },
  decompositions: [
    { source: "Table 4, M2 (a), M6 (b, c′), M4 (c): Baron–Kenny models with the same covariates", total: `${P}.T4.M4.amc.est`, direct: `${P}.T4.M6.amc.est`, paths: [`${P}.T4.M2.amc.est`, `${P}.T4.M6.cia.est`] },
  ],
  statedRanges: [
    {
      id: `${P}.text.range_reliability`, text: "CA and CR … ranging from .76 to .95", source: "text §5.1", min: ".76", max: ".95",
      of: ["coord", "proact", "transf", "learn", "rad", "inc", "speed"].flatMap((c) => [`${P}.${c}.alpha`, `${P}.${c}.cr`]),
    },
    {
      id: `${P}.text.range_loadings`, text: "loadings ranging from 0.68 to 0.92", source: "text §5.1", min: "0.68", max: "0.92",
      of: constructs.filter((c) => ["coord", "proact", "transf", "learn", "rad", "inc", "speed"].includes(c.id)).flatMap((c) => c.items.map((i) => `${P}.${c.id}.${i.id}.loading`)),
    },
  ],
  notReported: [
    "raw data and item-level covariances",
    "exact AMOS specification of Models 1–6 (indicators, fixed parameters, latent or observed AMC/CIA)",
    "whether the coefficients are standardised; SEs; R²",
    "covariates in the PROCESS, decomposed and 2SLS models; PROCESS model number; bootstrap seed and CI type",
    "first-stage coefficients; marker-variable correlations other than one; non-response t statistics",
    "descriptives of the rad × inc product",
  ],
};
