/**
 * Simulation recipe for paper 000 (Zahoor, Al-Tabbaa & Khan 2023): a seeded item-level data set of
 * N = 278 whose composites reproduce Table 3 (means, SDs, correlations of the 13 variables) exactly
 * before the items are rounded to the 7-point scale, with the published Table 2 loadings inside
 * each scale.
 *
 * The paper also uses three scales it gives no descriptives for: the two instruments of its 2SLS
 * check (co-innovation motivations and constraints, 3 items each) and a one-item marker variable.
 * Their correlations are filled in by a stated rule (see `instrumentCorrelations`), never fitted to
 * a published test result:
 *  - each instrument correlates with the additive co-innovation index rad + inc exactly as the
 *    paper reports for "CIA" (.47 and −.41) and with speed as reported (.07 and −.09);
 *  - with every other variable it correlates only through that index,
 *    r(I, v) = r(I, index) · r(index, v), and the two instruments with each other likewise;
 *  - the marker correlates −.05 with alliance proactiveness (the one value reported) and 0 with
 *    everything else ("not significantly correlated").
 * Their means and SDs are not published; the values used are placeholders that only matter for the
 * Likert rounding.
 *
 * Why the additive index: the paper's CIA is the product of mean-centred radical and incremental
 * co-innovation. Correlations of such a product with other variables are third- and fourth-order
 * moments of the raw data, which no published table determines (under multivariate normality they
 * are zero). The simulated data therefore carry no planted product structure; the notebook shows
 * what the centred product gives on them and why.
 */
import { simulateItems, type ItemConstruct, type ItemSimulation } from "../../simulate/items";
import { sampleMoments } from "../../simulate/moments";
import { oneFactorLoadings } from "../../simulate/loadings";
import { loadingsOf } from "../../replicate/numbers";
import { paper000 } from "./record";

/** Default seed of the paper-000 simulation. */
export const SEED_000 = 20230278;

/** Target moments of a set of variables. */
export interface Moments000 {
  names: string[];
  means: number[];
  sds: number[];
  cor: number[][];
}

/** The simulated data of paper 000. */
export interface Paper000Simulation {
  seed: number;
  n: number;
  /** The underlying item simulation (continuous and rounded moments, drift, item covariance). */
  simulation: ItemSimulation;
  /** Column names of the data set, in CSV order: 25 scale items, 6 controls, 6 instrument items, marker. */
  columns: string[];
  /** The data set by column (items rounded to 1–7; controls continuous). */
  data: { [name: string]: Float64Array };
  /** Multi-item scales: construct id → item names (the 7 Table 2 scales and the 2 instruments). */
  scales: { [construct: string]: string[] };
  /** Composite scores (item means) of the rounded data: the 13 Table 3 variables, motivations, constraints, marker. */
  composites: { [name: string]: Float64Array };
  /** Table 3 as published (13 variables). */
  target: Moments000;
  /** Table 3 extended with the instruments and the marker (16 variables): the targets of the rounded composites. */
  extendedTarget: Moments000;
  /**
   * The pre-rounding targets the items were drawn with (exactly reproduced by the continuous
   * composites): `extendedTarget` moved by the calibration against Likert rounding.
   */
  preRoundingTarget: Moments000;
  /** The loadings the continuous items were drawn with (Table 2 raised to offset the rounding noise). */
  preRoundingLoadings: { [construct: string]: number[] };
  /** The data as deterministic CSV text (header + 278 rows). */
  csv(): string;
}

/** Scales of Table 2 (in Table 3 order). */
export const SCALES_000 = ["coord", "proact", "transf", "learn", "rad", "inc", "speed"];
/** Control variables (single continuous indicators). */
export const CONTROLS_000 = ["firm_size", "firm_age", "industry", "rd_intensity", "intl_experience", "alliance_experience"];

/** Placeholder moments of the unpublished scales (only the Likert rounding depends on them). */
const EXTRA = {
  motivations: { items: ["motiv1", "motiv2", "motiv3"], loadings: [0.88, 0.88, 0.87], mean: 5.2, sd: 1.1 },
  constraints: { items: ["constr1", "constr2", "constr3"], loadings: [0.87, 0.87, 0.86], mean: 3.6, sd: 1.2 },
  marker: { items: ["marker1"], loadings: [1], mean: 3.9, sd: 1.5 },
};

/** Published correlations of the instruments (text §5.4) and the marker (text §5.2). */
export const INSTRUMENT_TARGETS_000 = {
  motivations: { cia: 0.47, speed: 0.07 },
  constraints: { cia: -0.41, speed: -0.09 },
  markerProact: -0.05,
};

/**
 * The 16 × 16 correlation matrix the items are drawn from: Table 3 plus the instruments and the
 * marker by the rule in the module comment. r(index, v) = (s_rad r_rad,v + s_inc r_inc,v) / s_index.
 */
export function instrumentCorrelations(): Moments000 {
  const c = paper000.correlations;
  const names = c.names.slice();
  const R = c.r.map((row) => row.slice());
  const sds = c.sds.map((s) => s as number);
  const means = c.means.map((m) => m as number);
  const ir = names.indexOf("rad");
  const ii = names.indexOf("inc");
  const is = names.indexOf("speed");
  const sAdd = Math.sqrt(sds[ir] ** 2 + sds[ii] ** 2 + 2 * R[ir][ii] * sds[ir] * sds[ii]);
  const rAdd = names.map((_, v) => (sds[ir] * R[ir][v] + sds[ii] * R[ii][v]) / sAdd);
  const t = INSTRUMENT_TARGETS_000;
  const rowOf = (rIndex: number, rSpeed: number) => names.map((_, v) => (v === is ? rSpeed : rIndex * rAdd[v]));
  const motiv = rowOf(t.motivations.cia, t.motivations.speed);
  const constr = rowOf(t.constraints.cia, t.constraints.speed);
  const marker = names.map((nm) => (nm === "proact" ? t.markerProact : 0));
  const mc = t.motivations.cia * t.constraints.cia;
  const ext = [...names, "motivations", "constraints", "marker"];
  const k = names.length;
  const out: number[][] = ext.map((_, i) => ext.map((__, j) => (i === j ? 1 : 0)));
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) out[i][j] = R[i][j];
  const extraRows = [motiv, constr, marker];
  extraRows.forEach((row, a) => {
    for (let v = 0; v < k; v++) {
      out[k + a][v] = row[v];
      out[v][k + a] = row[v];
    }
  });
  out[k][k + 1] = out[k + 1][k] = mc;
  return {
    names: ext,
    means: [...means, EXTRA.motivations.mean, EXTRA.constraints.mean, EXTRA.marker.mean],
    sds: [...sds, EXTRA.motivations.sd, EXTRA.constraints.sd, EXTRA.marker.sd],
    cor: out,
  };
}

const CALIBRATION_STEPS = 20;
const DAMPING = 0.6;

/** Largest discrepancy of the rounded composites from the targets (means, SDs, correlations). */
function discrepancy(sim: ItemSimulation, t: Moments000): number {
  const f = sim.finalMoments;
  let e = 0;
  t.names.forEach((_, k) => {
    e = Math.max(e, Math.abs(f.means[k] - t.means[k]), Math.abs(f.sds[k] - t.sds[k]));
    for (let j = 0; j < k; j++) e = Math.max(e, Math.abs(f.cor[k][j] - t.cor[k][j]));
  });
  return e;
}

const SCALE_ITEMS = (c: string) => loadingsOf(paper000, c).items;

function fmt(x: number, integer: boolean): string {
  if (integer) return String(x);
  const s = x.toFixed(6);
  return s === "-0.000000" ? "0.000000" : s;
}

/**
 * Simulates paper 000's data set: 25 Likert items of the seven Table 2 scales (loadings as
 * published), the six controls as continuous scores, three items each for the two instruments and
 * one marker item, N = 278. Composites reproduce Table 3 exactly before rounding (see
 * `simulateItems`, congeneric factor method when the disattenuated correlations allow it).
 */
export function simulatePaper000(seed: number = SEED_000, options: { calibrate?: boolean } = {}): Paper000Simulation {
  const ext = instrumentCorrelations();
  const n = paper000.sample.n;
  const scales: { [c: string]: string[] } = {};
  const publishedLoadings: { [c: string]: number[] } = {};
  for (const c of SCALES_000) publishedLoadings[c] = loadingsOf(paper000, c).loadings;
  const constructsFor = (means: number[], sds: number[], lam: { [c: string]: number[] }): ItemConstruct[] =>
    ext.names.map((nm, k) => {
      if (SCALES_000.includes(nm)) {
        scales[nm] = loadingsOf(paper000, nm).items;
        return { name: nm, items: scales[nm], loadings: lam[nm], mean: means[k], sd: sds[k] };
      }
      if (CONTROLS_000.includes(nm)) {
        // single continuous indicator: the item is the data column, the "construct" an internal alias
        return { name: `${nm}__score`, items: [nm], loadings: [1], mean: means[k], sd: sds[k], likert: null };
      }
      const e = EXTRA[nm as keyof typeof EXTRA];
      if (nm !== "marker") scales[nm] = e.items;
      return { name: nm === "marker" ? "marker__score" : nm, items: e.items, loadings: e.loadings, mean: means[k], sd: sds[k] };
    });
  const run = (pre: Moments000, lam: { [c: string]: number[] }) =>
    simulateItems({ n, constructs: constructsFor(pre.means, pre.sds, lam), cor: pre.cor, seed, likert: { min: 1, max: 7 } });
  const loadingError = (sim: ItemSimulation) => {
    let e = 0;
    for (const c of SCALES_000) {
      const est = oneFactorLoadings(sampleMoments(SCALE_ITEMS(c).map((it) => sim.data[it])).cor);
      est.forEach((l, i) => (e = Math.max(e, Math.abs(l - publishedLoadings[c][i]))));
    }
    return e;
  };
  // Rounding to 1–7 clips the upper tail (means of 5.1–5.4 on a 7-point scale), pulling means, SDs and
  // correlations down. A few fixed-point steps move the pre-rounding targets so that the ROUNDED
  // composites land on Table 3; the same seed is reused, so only the targets change between steps.
  let pre: Moments000 = { names: ext.names, means: ext.means.slice(), sds: ext.sds.slice(), cor: ext.cor.map((r) => r.slice()) };
  // Rounding also adds noise to every item, attenuating its loading: the pre-rounding loadings are
  // raised so that one-factor loadings of the ROUNDED items land on Table 2.
  let lam: { [c: string]: number[] } = {};
  for (const c of SCALES_000) lam[c] = publishedLoadings[c].slice();
  let simulation = run(pre, lam);
  const score = (sim: ItemSimulation) => Math.max(discrepancy(sim, ext), 0.5 * loadingError(sim));
  let best = { sim: simulation, pre, lam, err: score(simulation) };
  if (options.calibrate !== false) {
    for (let it = 0; it < CALIBRATION_STEPS; it++) {
      const f = simulation.finalMoments;
      const next: Moments000 = {
        names: ext.names,
        means: pre.means.map((m, k) => m + DAMPING * (ext.means[k] - f.means[k])),
        sds: pre.sds.map((s, k) => s * (1 + DAMPING * (ext.sds[k] / f.sds[k] - 1))),
        cor: pre.cor.map((row, i) => row.map((r, j) => (i === j ? 1 : r + DAMPING * (ext.cor[i][j] - f.cor[i][j])))),
      };
      const nextLam: { [c: string]: number[] } = {};
      for (const c of SCALES_000) {
        const est = oneFactorLoadings(sampleMoments(SCALE_ITEMS(c).map((it) => simulation.data[it])).cor);
        nextLam[c] = lam[c].map((l, i) => Math.min(0.97, Math.max(0.3, l * (1 + DAMPING * (publishedLoadings[c][i] / est[i] - 1)))));
      }
      try {
        simulation = run(next, nextLam);
      } catch {
        break; // the adjusted matrix left the PD cone: keep the best so far
      }
      pre = next;
      lam = nextLam;
      const err = score(simulation);
      if (err < best.err) best = { sim: simulation, pre, lam, err };
    }
  }
  simulation = best.sim;
  const constructs = constructsFor(best.pre.means, best.pre.sds, best.lam);
  const columns = simulation.itemNames.slice();
  const data: { [name: string]: Float64Array } = {};
  for (const c of columns) data[c] = simulation.data[c];
  const composites: { [name: string]: Float64Array } = {};
  ext.names.forEach((nm, k) => (composites[nm] = simulation.data[constructs[k].name]));
  const t3 = paper000.correlations;
  const target: Moments000 = {
    names: t3.names.slice(),
    means: t3.means.map((m) => m as number),
    sds: t3.sds.map((s) => s as number),
    cor: t3.r.map((r) => r.slice()),
  };
  const integerCols = new Set(columns.filter((c) => !CONTROLS_000.includes(c)));
  return {
    seed,
    n,
    simulation,
    columns,
    data,
    scales,
    composites,
    target,
    extendedTarget: ext,
    preRoundingTarget: best.pre,
    preRoundingLoadings: best.lam,
    csv(): string {
      const lines = [columns.join(",")];
      for (let i = 0; i < n; i++) lines.push(columns.map((c) => fmt(data[c][i], integerCols.has(c))).join(","));
      return lines.join("\n") + "\n";
    },
  };
}
