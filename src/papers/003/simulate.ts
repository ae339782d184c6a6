/**
 * Simulation recipe for paper 003 (Zahoor et al., 2021): a seeded item-level data set of N = 232
 * whose composites reproduce the Table 2 means, SDs and correlations, with the IAPD × CKA
 * interaction of Table 3, Model 5 planted.
 *
 * Recipe (each step keeps every moment fixed by the steps before it):
 *  1. Six Likert scales (24 items, 1–7) from the Table 1 loadings and the Table 2 correlations
 *     (`simulateItems`, congeneric factor model, exact composite moments before rounding).
 *  2. Rounding to 1–7 moves the composites (ceiling effects at means ≈ 5.2). A seeded greedy
 *     "polish" then moves single item responses by ±1 (staying in 1–7) whenever that brings the
 *     composite means, SDs and correlations closer to Table 2, until every discrepancy is below
 *     `polishTol` (or the proposal budget runs out). It changes a few percent of the responses.
 *  3. Industry: a 0/1 dummy (1 = manufacturing, 40.5 % of the sample; the paper does not say which
 *     category the single dummy codes, nor its mean). Thresholded from a latent score, then pairs of
 *     cases are swapped while that brings its correlations with the six scales closer to Table 2.
 *  4. Firm size, alliance experience, firm age, international experience (all ln) and IAPD are drawn
 *     conditionally on the columns already fixed, F = [six composites, industry, G], so that their
 *     sample covariances with F and among themselves are exactly the targets (Table 2 correlations
 *     times the achieved SDs of F). G = (RX − M)(CKA − M): Cov(IAPD, G) equals Cov(RX, IAPD_c·CKA_c),
 *     the covariance that makes the product term matter in Model 5 and that Table 2 cannot contain.
 *     It is set to the value "no interaction" implies plus δ, and δ is found by the secant method so
 *     that the standardised product coefficient of Model 5 equals the published 0.24.
 *
 * IAPD is a continuous stand-in: the paper's index (k/7)² takes only 8 values; a few simulated
 * values exceed 1. The notebook shows a robustness run with IAPD snapped to the admissible values.
 */
import { PathlabError } from "../../errors";
import { Rng } from "../../simulate/rng";
import { simulateItems } from "../../simulate/items";
import { sampleMoments } from "../../simulate/moments";
import { centred, dot, mean } from "../../math";
import { conditionalColumns, residualDirections } from "../../simulate/conditional";
import { polishItems } from "../../simulate/polish";
import { matchDummy } from "../../simulate/discrete";
import { oneFactorLoadings } from "../../simulate/loadings";
import { invertSPD, symEigen } from "../../math";
import { loadingsOf } from "../../replicate/numbers";
import { paper003 } from "./record";

/** Default seed of the paper-003 simulation. */
export const SEED_003 = 3003;

/** Column order of Table 2. */
export const VARS_003 = [
  "industry",
  "firm_size",
  "alliance_exp",
  "firm_age",
  "intl_exp",
  "iapd",
  "dom_perf",
  "reg_exp",
  "cka",
  "comp_int",
  "mkt_dyn",
  "tech_dyn",
];
/** The six multi-item scales (item means). */
export const SCALES_003 = ["dom_perf", "reg_exp", "cka", "comp_int", "mkt_dyn", "tech_dyn"];
/** Single-indicator variables (controls and IAPD). */
export const SINGLES_003 = ["firm_size", "alliance_exp", "firm_age", "intl_exp", "iapd"];
/** Controls of Table 3, in its row order. */
export const CONTROLS_003 = ["dom_perf", "industry", "firm_size", "alliance_exp", "firm_age", "intl_exp"];

/** Assumed share of the industry dummy (manufacturing, from the sample description). */
export const INDUSTRY_SHARE_003 = 0.405;

export interface Simulation003Options {
  seed?: number;
  n?: number;
  /** Standardised product coefficient of Model 5 to plant (default: the published 0.24). */
  productBeta?: number;
  /** Stop polishing when every composite discrepancy (mean, SD, r) is at most this (default 0.001). */
  polishTol?: number;
  /** Proposal budget of the polish (default 400 000). */
  polishBudget?: number;
}

export interface Moments003 {
  names: string[];
  means: number[];
  sds: number[];
  cor: number[][];
}

/** The simulated data of paper 003 with what the recipe achieved. */
export interface Simulation003 {
  seed: number;
  n: number;
  /** Item names by scale. */
  scaleItems: Record<string, string[]>;
  itemNames: string[];
  /** Every column: items, controls, IAPD and the six composites (item means). */
  data: Record<string, Float64Array>;
  /** Names of the columns written to the CSV (no composites: the notebook scores them). */
  csvColumns: string[];
  /** Table 2 targets (industry: the assumed dummy's mean and SD). */
  target: Moments003;
  /** Moments of the 12 Table 2 variables in the final data. */
  achieved: Moments003;
  /**
   * Composite moments: the continuous draw of the five scales other than RX (its targets are Table 2
   * pre-compensated for rounding; achieved exactly), then all six scales after rounding to 1–7 and
   * after polishing.
   */
  stages: { continuousTarget: Moments003; continuous: Moments003; rounded: Moments003; polished: Moments003 };
  /** Loadings the items were generated with (Table 1's, raised to offset the attenuation by rounding). */
  generatingLoadings: Record<string, number[]>;
  /** Continuous RX composite: largest |Δ| of its mean, SD and correlations with the 11 others (exact). */
  rxContinuousDrift: number;
  /** Largest |Δ| of the six scale composites after rounding and after polishing. */
  drift: { rounded: { mean: number; sd: number; cor: number }; polished: { mean: number; sd: number; cor: number } };
  polish: { proposals: number; accepted: number; changedShare: number };
  /** Industry correlations with the six scales after the swap search: max |Δr|. */
  industryDrift: number;
  /** Planted interaction: δ added to Cov(IAPD, G) and the achieved standardised product β of Model 5. */
  planted: { delta: number; productBeta: number; targetBeta: number; iterations: number };
  /** The data as row objects (CSV column order). */
  rows(): Array<Record<string, number>>;
  /** Deterministic CSV text (fixed decimals). */
  toCSV(): string;
}

/** Target means, SDs and correlation matrix of Table 2 (industry: assumed dummy). */
export function target003(n = paper003.sample.n ?? 232): Moments003 {
  const t = paper003.correlations;
  const p = VARS_003.length;
  const idx = VARS_003.map((v) => t.names.indexOf(v));
  if (idx.some((i) => i < 0)) throw new PathlabError("paper003 correlation table lacks a Table 2 variable", { code: "papers.unknown-variable" });
  const pInd = Math.round(INDUSTRY_SHARE_003 * n) / n;
  const means = idx.map((i, k) => (VARS_003[k] === "industry" ? pInd : (t.means[i] as number)));
  const sds = idx.map((i, k) => (VARS_003[k] === "industry" ? Math.sqrt((pInd * (1 - pInd) * n) / (n - 1)) : (t.sds[i] as number)));
  const cor = Array.from({ length: p }, (_, a) => Array.from({ length: p }, (_, b) => (a === b ? 1 : (t.r[idx[a]][idx[b]] as number))));
  return { names: [...VARS_003], means, sds, cor };
}

function momentsOf(names: string[], cols: Float64Array[]): Moments003 {
  const m = sampleMoments(cols);
  return { names, means: m.means, sds: m.sds, cor: m.cor };
}

function maxDrift(a: Moments003, b: Moments003): { mean: number; sd: number; cor: number } {
  let mean = 0,
    sd = 0,
    cor = 0;
  for (let i = 0; i < a.names.length; i++) {
    mean = Math.max(mean, Math.abs(a.means[i] - b.means[i]));
    sd = Math.max(sd, Math.abs(a.sds[i] - b.sds[i]));
    for (let j = i + 1; j < a.names.length; j++) cor = Math.max(cor, Math.abs(a.cor[i][j] - b.cor[i][j]));
  }
  return { mean, sd, cor };
}

function sub(M: Moments003, names: string[]): Moments003 {
  const idx = names.map((v) => M.names.indexOf(v));
  return { names, means: idx.map((i) => M.means[i]), sds: idx.map((i) => M.sds[i]), cor: idx.map((i) => idx.map((j) => M.cor[i][j])) };
}

/** Standardised coefficient of the last predictor in an OLS of y on xs (with intercept). */
function lastBeta(y: Float64Array, xs: Float64Array[]): number {
  const cs = xs.map((c) => centred(c, mean(c)));
  const yc = centred(y, mean(y));
  const Ainv = invertSPD(cs.map((a) => cs.map((b) => dot(a, b))));
  const rhs = cs.map((a) => dot(a, yc));
  const b = Ainv.map((row) => row.reduce((acc, v, j) => acc + v * rhs[j], 0));
  const last = cs[cs.length - 1];
  return (b[b.length - 1] * Math.sqrt(dot(last, last))) / Math.sqrt(dot(yc, yc));
}

/**
 * Simulates the paper-003 data set (see the module comment for the recipe). Deterministic for a
 * given seed.
 */
export function simulatePaper003(seedOrOptions: number | Simulation003Options = SEED_003): Simulation003 {
  const o: Simulation003Options = typeof seedOrOptions === "number" ? { seed: seedOrOptions } : seedOrOptions;
  // Rounding to 1–7 and the polish add noise to the items, which lowers their loadings (≈ 0.03).
  // Two passes with the same seed raise the generating loadings by the ratio published/achieved
  // (one-factor principal-axis loadings per scale), so the items' loadings land near Table 1.
  const published: Record<string, number[]> = {};
  for (const sc of SCALES_003) published[sc] = loadingsOf(paper003, sc).loadings;
  let input: Record<string, number[]> = { ...published };
  for (let pass = 0; pass < 2; pass++) {
    const res = simulateWith(o, input);
    const next: Record<string, number[]> = {};
    for (const sc of SCALES_003) {
      const est = oneFactorLoadings(sampleMoments(res.scaleItems[sc].map((it) => res.data[it])).cor);
      next[sc] = input[sc].map((l, j) => Math.min(0.97, (l * published[sc][j]) / est[j]));
    }
    input = next;
  }
  const out = simulateWith(o, input);
  out.generatingLoadings = input;
  return out;
}

/** What every stage of the recipe shares: the options, the targets and the random stream. */
interface Stage003 {
  n: number;
  tol: number;
  budget: number;
  target: Moments003;
  tIdx: (v: string) => number;
  tCor: (a: string, b: string) => number;
  r: Rng;
  scaleItems: Record<string, string[]>;
  loadings: Record<string, number[]>;
}

const FIVE = SCALES_003.filter((v) => v !== "reg_exp");

function compOf(block: Float64Array[]): Float64Array {
  const n = block[0].length;
  const c = new Float64Array(n);
  for (const it of block) for (let i = 0; i < n; i++) c[i] += it[i] / block.length;
  return c;
}

/**
 * Step 1: Likert items of the five scales other than regional expansion. Rounding to 1–7 with
 * means near 5.2 clips the upper tail (composite means and SDs drop); two passes with the same draws
 * pre-compensate the continuous means and SDs for that systematic shift, so that the polish only
 * has the random part of the drift left to remove.
 */
function fiveScales(st: Stage003) {
  const tFive = sub(st.target, FIVE);
  const constructs = FIVE.map((sc, k) => ({ name: sc, items: st.scaleItems[sc], loadings: st.loadings[sc], mean: tFive.means[k], sd: tFive.sds[k] }));
  const itemSeed = st.r.int(2147483647);
  const draw = (means: number[], sds: number[]) =>
    simulateItems({
      n: st.n,
      constructs: constructs.map((c, k) => ({ ...c, mean: means[k], sd: sds[k] })),
      cor: tFive.cor,
      seed: itemSeed,
      likert: { min: 1, max: 7 },
      method: "factor",
    });
  let cMeans = tFive.means.slice();
  let cSds = tFive.sds.slice();
  for (let pass = 0; pass < 2; pass++) {
    const fm = draw(cMeans, cSds).finalMoments;
    cMeans = cMeans.map((mu, k) => mu + tFive.means[k] - fm.means[k]);
    cSds = cSds.map((v, k) => (v * tFive.sds[k]) / fm.sds[k]);
  }
  const sim = draw(cMeans, cSds);
  const items = constructs.map((c) => c.items.map((it) => Float64Array.from(sim.data[it])));
  const polish = polishItems(
    items,
    { means: tFive.means, sds: tFive.sds, cor: tFive.cor, fixed: [], corFixed: FIVE.map(() => []) },
    st.r.fork(),
    st.tol,
    st.budget,
  );
  return { tFive, constructs, sim, items, polish, cMeans, cSds };
}

/** Steps 2–3: the industry dummy matched to the five composites, then controls and IAPD exactly, conditional on them. */
function industryAndControls(st: Stage003, col: Record<string, Float64Array>): { drift: number } {
  const nOnes = Math.round(st.target.means[st.tIdx("industry")] * st.n);
  const ind = matchDummy(
    FIVE.map((sc) => col[sc]),
    FIVE.map((sc) => st.tCor("industry", sc)),
    nOnes,
    st.r.fork(),
  );
  col.industry = ind.x;
  const F1 = ["industry", ...FIVE];
  const F1c = F1.map((v) => centred(col[v], mean(col[v])));
  const sd1 = F1c.map((a) => Math.sqrt(dot(a, a) / (st.n - 1)));
  const sdT = (v: string) => st.target.sds[st.tIdx(v)];
  const SXF = SINGLES_003.map((x) => F1.map((f, k) => st.tCor(x, f) * sdT(x) * sd1[k]));
  const SXX = SINGLES_003.map((a) => SINGLES_003.map((b) => st.tCor(a, b) * sdT(a) * sdT(b)));
  const noise = residualDirections(
    F1.map((v) => col[v]),
    SINGLES_003.length,
    st.r.fork(),
  );
  const Xs = conditionalColumns(
    F1c,
    SXF,
    SXX,
    SINGLES_003.map((x) => st.target.means[st.tIdx(x)]),
    noise,
    SINGLES_003,
  );
  SINGLES_003.forEach((x, a) => (col[x] = Xs[a]));
  return { drift: ind.drift };
}

/**
 * Step 4: the regional-expansion composite with the planted interaction: exact covariances with
 * the 11 other Table 2 variables; Cov(RX, P), P = (IAPD − M)(CKA − M), set to the value "no
 * interaction" implies (the regression of P on the 11) plus δ, δ solved by the secant method for
 * the target standardised product β of Model 5.
 */
function plantedRegionalExpansion(st: Stage003, col: Record<string, Float64Array>, targetBeta: number) {
  const n = st.n;
  const OTHERS = VARS_003.filter((v) => v !== "reg_exp");
  const P = centred(col.iapd, mean(col.iapd)).map((v, i) => v * centred(col.cka, mean(col.cka))[i]);
  const F2c = [...OTHERS.map((v) => centred(col[v], mean(col[v]))), centred(P, mean(P))];
  const S22 = F2c.map((a) => F2c.map((b) => dot(a, b) / (n - 1)));
  const sdRx = st.target.sds[st.tIdx("reg_exp")];
  const covRxOthers = OTHERS.map((v, k) => st.tCor("reg_exp", v) * sdRx * Math.sqrt(S22[k][k]));
  const q = OTHERS.length;
  const S22inv = invertSPD(S22.slice(0, q).map((row) => row.slice(0, q)));
  const s2q = S22.slice(0, q).map((row) => row[q]);
  const wP = S22inv.map((row) => row.reduce((acc, v, j) => acc + v * s2q[j], 0));
  const baseRxP = covRxOthers.reduce((acc, v, k) => acc + v * wP[k], 0);
  const eRx = residualDirections([...OTHERS.map((v) => col[v]), P], 1, st.r.fork());
  const rxGiven = (delta: number) =>
    conditionalColumns(F2c, [[...covRxOthers, baseRxP + delta]], [[sdRx * sdRx]], [st.target.means[st.tIdx("reg_exp")]], eRx, ["reg_exp"])[0];
  const m5 = [...CONTROLS_003, "iapd", "cka"].map((v) => col[v]);
  const betaOf = (rx: Float64Array) => lastBeta(rx, [...m5, P]);
  let d0 = 0;
  let f0 = betaOf(rxGiven(d0)) - targetBeta;
  let d1 = 0.2 * Math.sqrt(S22[q][q]) * sdRx;
  let f1 = betaOf(rxGiven(d1)) - targetBeta;
  let iterations = 2;
  while (Math.abs(f1) > 1e-10 && iterations < 30) {
    const d2 = d1 - (f1 * (d1 - d0)) / (f1 - f0);
    d0 = d1;
    f0 = f1;
    d1 = d2;
    f1 = betaOf(rxGiven(d1)) - targetBeta;
    iterations++;
  }
  const rxCont = rxGiven(d1);
  return { rxCont, P, OTHERS, delta: d1, iterations, betaOf, corP: sampleMoments([rxCont, P]).cor[0][1] };
}

/**
 * Step 5: the regional-expansion items given their composite: x = μ + b (C − μ_C) + U, b = S w / v
 * (the regression of the items on their mean) and U ~ N(0, S − b v bᵀ), whose rows sum to zero, so
 * the item mean is C exactly; S from the loadings (congeneric), scaled to the composite SD. The
 * same pre-compensation for rounding as step 1, then the polish against the fixed columns.
 */
function regionalExpansionItems(st: Stage003, col: Record<string, Float64Array>, rx: ReturnType<typeof plantedRegionalExpansion>) {
  const items = st.scaleItems.reg_exp;
  const lam = st.loadings.reg_exp;
  const m = items.length;
  const rho = lam.map((a, i) => lam.map((b, j) => (i === j ? 1 : a * b)));
  const meanRho = rho.flat().reduce((acc, v) => acc + v, 0) / (m * m);
  const mu = st.target.means[st.tIdx("reg_exp")];
  const sdRx = st.target.sds[st.tIdx("reg_exp")];
  const itemsGiven = (mean: number, sd: number, rU: Rng) => {
    const s2 = (sd * sd) / meanRho;
    const Sm = rho.map((row) => row.map((v) => v * s2));
    const b = Sm.map((row) => row.reduce((acc, v) => acc + v / m, 0) / (sd * sd));
    const eig = symEigen(Sm.map((row, i) => row.map((v, j) => v - b[i] * sd * sd * b[j])));
    const cNew = rx.rxCont.map((v) => mean + ((v - mu) * sd) / sdRx);
    const out = items.map(() => new Float64Array(st.n));
    for (let i = 0; i < st.n; i++) {
      const z = eig.values.map((ev) => (ev > 1e-12 ? Math.sqrt(ev) * rU.normal() : 0));
      for (let j = 0; j < m; j++) {
        let u = 0;
        for (let k = 0; k < m; k++) u += eig.vectors[j][k] * z[k];
        out[j][i] = Math.min(7, Math.max(1, Math.round(mean + b[j] * (cNew[i] - mean) + u)));
      }
    }
    return out;
  };
  const rxSeed = st.r.int(2147483647);
  let rxM = mu;
  let rxS = sdRx;
  for (let pass = 0; pass < 2; pass++) {
    const mm = sampleMoments([compOf(itemsGiven(rxM, rxS, new Rng(rxSeed)))]);
    rxM += mu - mm.means[0];
    rxS *= sdRx / mm.sds[0];
  }
  const itemsRx = itemsGiven(rxM, rxS, new Rng(rxSeed));
  const rounded = compOf(itemsRx);
  const fixed = [...rx.OTHERS.map((v) => col[v]), rx.P];
  const corFixed = [[...rx.OTHERS.map((v) => st.tCor("reg_exp", v)), rx.corP]];
  const polish = polishItems([itemsRx], { means: [mu], sds: [sdRx], cor: [[1]], fixed, corFixed }, st.r.fork(), st.tol, st.budget);
  col.reg_exp = compOf(itemsRx);
  return { items: itemsRx, rounded, polish };
}

function simulateWith(o: Simulation003Options, loadings: Record<string, number[]>): Simulation003 {
  const seed = o.seed ?? SEED_003;
  const n = o.n ?? 232;
  const target = target003(n);
  const tIdx = (v: string) => VARS_003.indexOf(v);
  const scaleItems: Record<string, string[]> = {};
  for (const sc of SCALES_003) scaleItems[sc] = loadingsOf(paper003, sc).items;
  const st: Stage003 = {
    n,
    tol: o.polishTol ?? 0.001,
    budget: o.polishBudget ?? 400000,
    target,
    tIdx,
    tCor: (a, b) => target.cor[tIdx(a)][tIdx(b)],
    r: new Rng(seed),
    scaleItems,
    loadings,
  };
  const five = fiveScales(st);
  const col: Record<string, Float64Array> = {};
  FIVE.forEach((sc, k) => (col[sc] = compOf(five.items[k])));
  const industry = industryAndControls(st, col);
  const rx = plantedRegionalExpansion(st, col, o.productBeta ?? 0.24);
  const rxItems = regionalExpansionItems(st, col, rx);
  return assemble003(st, seed, col, five, industry.drift, rx, rxItems, o.productBeta ?? 0.24);
}

/** The data, the moments at every stage and the diagnostics, as `Simulation003`. */
function assemble003(
  st: Stage003,
  seed: number,
  col: Record<string, Float64Array>,
  five: ReturnType<typeof fiveScales>,
  industryDrift: number,
  rx: ReturnType<typeof plantedRegionalExpansion>,
  rxItems: ReturnType<typeof regionalExpansionItems>,
  targetBeta: number,
): Simulation003 {
  const { n, target, scaleItems } = st;
  const data: Record<string, Float64Array> = {};
  const itemNames = SCALES_003.flatMap((sc) => scaleItems[sc]);
  FIVE.forEach((sc, k) => scaleItems[sc].forEach((it, j) => (data[it] = five.items[k][j])));
  scaleItems.reg_exp.forEach((it, j) => (data[it] = rxItems.items[j]));
  for (const v of VARS_003) data[v] = col[v];
  data.id = Float64Array.from({ length: n }, (_, i) => i + 1);
  const achieved = momentsOf(
    VARS_003,
    VARS_003.map((v) => data[v]),
  );
  const order = [...SCALES_003];
  const roundCols: Record<string, Float64Array> = { reg_exp: rxItems.rounded };
  FIVE.forEach((sc, k) => (roundCols[sc] = compOf(five.constructs[k].items.map((it) => five.sim.data[it]))));
  const cm = five.sim.continuousMoments;
  const rounded = momentsOf(
    order,
    order.map((v) => roundCols[v]),
  );
  const polished = sub(achieved, order);
  const tScales = sub(target, order);
  // The continuous RX composite against its targets (mean, SD, r with the 11 other variables).
  const q = rx.OTHERS.length;
  const mRxC = momentsOf([...rx.OTHERS, "reg_exp"], [...rx.OTHERS.map((v) => col[v]), rx.rxCont]);
  let rxContinuousDrift = Math.max(Math.abs(mRxC.means[q] - target.means[st.tIdx("reg_exp")]), Math.abs(mRxC.sds[q] - target.sds[st.tIdx("reg_exp")]));
  rx.OTHERS.forEach((v, k) => (rxContinuousDrift = Math.max(rxContinuousDrift, Math.abs(mRxC.cor[q][k] - st.tCor("reg_exp", v)))));
  const csvColumns = ["id", "industry", ...SINGLES_003, ...itemNames];
  const fmt = (c: string, v: number) => (c === "id" || c === "industry" || itemNames.includes(c) ? String(Math.round(v)) : v.toFixed(6));
  const cells = n * itemNames.length;
  return {
    seed,
    n,
    scaleItems,
    itemNames,
    data,
    csvColumns,
    target,
    achieved,
    stages: {
      continuousTarget: { names: FIVE, means: five.cMeans, sds: five.cSds, cor: five.tFive.cor },
      continuous: { names: FIVE, means: cm.means, sds: cm.sds, cor: cm.cor },
      rounded,
      polished,
    },
    rxContinuousDrift,
    drift: { rounded: maxDrift(rounded, tScales), polished: maxDrift(polished, tScales) },
    polish: {
      proposals: five.polish.proposals + rxItems.polish.proposals,
      accepted: five.polish.accepted + rxItems.polish.accepted,
      changedShare: (five.polish.changed + rxItems.polish.changed) / cells,
    },
    industryDrift,
    generatingLoadings: st.loadings,
    planted: { delta: rx.delta, productBeta: rx.betaOf(col.reg_exp), targetBeta, iterations: rx.iterations },
    rows: () =>
      Array.from({ length: n }, (_, i) => {
        const row: Record<string, number> = {};
        for (const c of csvColumns) row[c] = data[c][i];
        return row;
      }),
    toCSV: () => [csvColumns.join(","), ...Array.from({ length: n }, (_, i) => csvColumns.map((c) => fmt(c, data[c][i])).join(","))].join("\n") + "\n",
  };
}
