/**
 * Simulated item-level data for paper 001 (Al-Tabbaa & Zahoor): 248 firms whose scale scores and
 * controls reproduce the published Table 4 (means, SDs, correlations) exactly before the items are
 * rounded to the 7-point scale, with the AMC × APD interactions planted at the size the published
 * simple slopes imply.
 *
 * Recipe (all draws from one seeded Rng; deterministic):
 * 1. Discrete columns first. Alliance partner diversity is (types / 7)² of the number of partner
 *    types, so it takes few values: 30 firms with 5 types, 134 with 6 and 84 with 7 (mean .797, SD
 *    .162; printed .80 and .16). Industry is 1/2/3 with the counts the percentages imply (97/81/70).
 *    Alliance experience is a count 0–4 (19/69/76/57/27: mean 2.016, SD 1.120). The three columns are
 *    shuffled and then swapped pairwise until their mutual correlations lie within ±.0025 of the
 *    printed −.02, −.02 and −.07 (inside the ±.005 rounding of the print; counts of integer codes
 *    cannot hit a correlation more finely than about .0045).
 * 2. The seven scale scores and the three continuous controls are drawn conditionally on the discrete
 *    columns with exact sample moments: Y = μ + (X − X̄)B + ZL, where B = S_XX⁻¹Σ_XY, LLᵀ = Σ_YY −
 *    Σ_YX S_XX⁻¹ Σ_XY and Z is made exactly orthogonal to [1, X] with identity sample covariance. The
 *    full sample covariance then equals the published one (with the discrete columns' own moments).
 *    The cell Table 4 omits, r(alliance experience, international experience), is set to 0.
 * 3. Items from scores (the "conditional" method of `simulateItems`; the factor method is impossible
 *    here because the disattenuated Table 4 correlations are not a correlation matrix, which row 7
 *    causes): within a scale the items follow the published standardised loadings (raised slightly
 *    to offset the error rounding adds), x = μ + b(C − C̄) + u with b = S_kk w / v and u of covariance
 *    S_kk − b v bᵀ, so the item mean is exactly C. u is drawn plainly, so items carry sampling error.
 * 4. Planted moderation. With z-scored AMC (mean of the four dimension scores) and APD, the product's
 *    part orthogonal to all 13 scores replaces part of the residual of radical (then incremental)
 *    co-innovation, keeping every mean, SD and correlation of Table 4 unchanged. Its size is tuned so
 *    that the moderation model z_y ~ z_AMC + z_APD + z_AMC·z_APD + controls gives b₃ = (high − low)/2,
 *    the interaction the published ±1 SD simple slopes imply (0.21 for radical, 0.195 for
 *    incremental). The change is added to each item of the scale.
 * 5. Likert items are rounded to 1…7. Rounding lowers the means and SDs (the ceiling is near the
 *    means), so steps 2–5 are rerun from the same random stream with pre-rounding means and SDs
 *    corrected by the drift (`calibrate` rounds, best kept); the drift left is reported.
 *
 * Nothing in a correlation table identifies an interaction, so step 4 is a modelling choice; the
 * AMC × APD² ("quadratic") term is deliberately not planted.
 */
import { PathlabError } from "../errors";
import type { TableSpec } from "../display/table";
import { rng as toRng, type Rng } from "../simulate/rng";
import { eigenSym, choleskyLower } from "../simulate/linalg";
import { sampleMoments, type SampleMoments } from "../simulate/moments";
import { SimulatedData, momentsTable, maxAbsOffDiagonal } from "../simulate/simulated-data";
import { paper001 } from "./paper001";

/** Scale scores (item means) of paper 001, in Table 4 order. */
export const PAPER001_SCALES = ["coord", "learn", "proact", "transf", "rad", "inc", "ie"];
/** The AMC dimensions (AMC = mean of their scores). */
export const PAPER001_AMC_DIMENSIONS = ["coord", "learn", "proact", "transf"];
/** Control and moderator columns of the data file, in Table 4 order. */
export const PAPER001_OTHERS = ["firm_size", "firm_age", "industry", "intl_experience", "alliance_experience", "apd"];
const CONTROLS = ["firm_size", "firm_age", "industry", "intl_experience", "alliance_experience"];

export interface Paper001Options {
  /** Interaction planted on radical co-innovation, in SD units per (z_AMC · z_APD). Default (0.69 − 0.27)/2. */
  bRad?: number;
  /** Interaction planted on incremental co-innovation. Default (0.58 − 0.19)/2. */
  bInc?: number;
  /**
   * Replace the correlations of international expansion (Table 4 row 7) with other values, keyed by
   * variable id (e.g. { rad: 0.42 }): a sensitivity scenario for the row the extraction flags as
   * unreliable. Values not given keep the printed ones.
   */
  ieRow?: { [name: string]: number };
  /** Round items to 1…7 (default true). */
  likert?: boolean;
  /**
   * Rounds of correction of the pre-rounding targets so that the rounded scores match the published
   * moments (default 6; 0 = draw with the published moments and accept the rounding drift).
   */
  calibrate?: number;
}

/** What `simulatePaper001` returns: data-file columns, scores, targets and the moments achieved. */
export class Paper001Simulation extends SimulatedData {
  constructor(
    names: string[],
    columns: Float64Array[],
    seed: number,
    /** Item names, scale by scale. */
    readonly itemNames: string[],
    /** Names of the Table 4 variables (scores and controls), in table order. */
    readonly variables: string[],
    /** Target moments of the Table 4 variables: the published ones (missing cell = 0), except the discrete columns' own moments. */
    readonly target: { means: number[]; sds: number[]; cor: number[][] },
    /** The published moments as printed (missing cell = 0; ieRow overrides applied). */
    readonly published: { means: number[]; sds: number[]; cor: number[][] },
    /**
     * Moments the scores were drawn with before rounding: `target`, moved by the calibration for
     * rounding (equal to `target` with `calibrate: 0` or `likert: false`).
     */
    readonly preRoundingTarget: { means: number[]; sds: number[]; cor: number[][] },
    /** Moments of the Table 4 variables before Likert rounding (equal to `preRoundingTarget` to ~1e-12). */
    readonly continuousMoments: SampleMoments,
    /** Moments of the Table 4 variables computed from the data-file columns (rounded items). */
    readonly finalMoments: SampleMoments,
    /** Scores before rounding, by name. */
    readonly continuousScores: { [name: string]: Float64Array },
    /** Planted interactions (SD units of the outcome per z_AMC · z_APD). */
    readonly planted: { rad: number; inc: number },
    /** Largest discrepancies of the rounded data from the target. */
    readonly drift: { cor: number; mean: number; sd: number },
  ) {
    super(names, columns, seed);
  }

  title(): string {
    return "Paper 001: simulated survey data (N = 248)";
  }

  info(): string[] {
    return [
      `${super.info()[0]}; ${this.itemNames.length} Likert items, 5 controls, partner types and APD`,
      `Planted AMC × APD interaction: ${this.planted.rad.toFixed(3)} (radical), ${this.planted.inc.toFixed(3)} (incremental), SD units per z_AMC·z_APD`,
      `Rounding to 1–7 moved the scores by max |Δr| = ${this.drift.cor.toFixed(4)}, max |Δmean| = ${this.drift.mean.toFixed(4)}, max |ΔSD| = ${this.drift.sd.toFixed(4)}`,
    ];
  }

  tables(): TableSpec[] {
    return [
      momentsTable("Before rounding: moments drawn with vs achieved (exact)", this.variables, this.preRoundingTarget, this.continuousMoments, [
        "Pre-rounding targets are the published ones moved by the calibration for rounding (the step-5 correction).",
      ]),
      momentsTable("Data file (items rounded to 1–7): target vs achieved", this.variables, this.target, this.finalMoments),
    ];
  }

  /** The data file as CSV text (items as integers, other columns with 6 decimals): deterministic. */
  csv(): string {
    const intCols = new Set([...this.itemNames, "industry", "alliance_experience", "partner_types"]);
    const lines = [this.names.join(",")];
    for (let i = 0; i < this.n; i++) {
      lines.push(this.columns.map((c, j) => (intCols.has(this.names[j]) ? String(Math.round(c[i])) : c[i].toFixed(6))).join(","));
    }
    return lines.join("\n") + "\n";
  }
}

// ---------------------------------------------------------------------------------------------
// Small exact-moment helpers.

function mean(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Orthonormal basis (modified Gram–Schmidt, two passes) of the given columns; near-dependent columns dropped. */
function orthonormalBasis(cols: Float64Array[]): Float64Array[] {
  const Q: Float64Array[] = [];
  for (const c of cols) {
    const v = Float64Array.from(c);
    const n0 = Math.sqrt(dot(v, v));
    for (let pass = 0; pass < 2; pass++)
      for (const q of Q) {
        const d = dot(q, v);
        for (let i = 0; i < v.length; i++) v[i] -= d * q[i];
      }
    const nv = Math.sqrt(dot(v, v));
    if (nv > 1e-9 * Math.max(1, n0)) {
      for (let i = 0; i < v.length; i++) v[i] /= nv;
      Q.push(v);
    }
  }
  return Q;
}

/** x minus its projection on the span of the orthonormal basis Q. */
function residualize(x: Float64Array, Q: Float64Array[]): Float64Array {
  const v = Float64Array.from(x);
  for (let pass = 0; pass < 2; pass++)
    for (const q of Q) {
      const d = dot(q, v);
      for (let i = 0; i < v.length; i++) v[i] -= d * q[i];
    }
  return v;
}

function ones(n: number): Float64Array {
  return new Float64Array(n).fill(1);
}

/**
 * `k` columns of standard normals made exactly orthogonal to `basisCols` (which should include the
 * constant) and exactly uncorrelated with identity sample covariance (n − 1 divisor).
 */
function exactNoise(n: number, k: number, basisCols: Float64Array[], r: Rng): Float64Array[] {
  const Q = orthonormalBasis(basisCols);
  if (n - Q.length - 1 < k)
    throw new PathlabError(`Cannot draw ${k} exact noise columns orthogonal to ${Q.length} columns with n = ${n}.`, { code: "bad-input" });
  const Z = Array.from({ length: k }, () => residualize(r.normals(n), Q));
  // Whiten: Gram–Schmidt on the residualised draws gives orthonormal columns (still orthogonal to Q).
  const W = orthonormalBasis(Z);
  const s = Math.sqrt(n - 1);
  return W.map((w) => w.map((x) => x * s));
}

/** Factor L with L Lᵀ = A for a symmetric PSD A (eigen-decomposition; tiny negative eigenvalues clipped). */
function psdFactor(A: number[][]): number[][] {
  const { values, vectors } = eigenSym(A);
  const p = A.length;
  const scale = Math.max(1e-300, ...values.map(Math.abs));
  const keep = values.map((v, j) => j).filter((j) => values[j] > 1e-12 * scale);
  // vectors[i][j]: component i of eigenvector j.
  return Array.from({ length: p }, (_, i) => keep.map((j) => vectors[i][j] * Math.sqrt(values[j])));
}

function solveSPD(A: number[][], B: number[][]): number[][] {
  const L = choleskyLower(A);
  if (!L) throw new PathlabError("Covariance of the fixed columns is not positive definite.", { code: "not-positive-definite" });
  const q = A.length;
  return B[0].map((_, col) => {
    const y = new Array<number>(q).fill(0);
    for (let i = 0; i < q; i++) {
      let s = B[i][col];
      for (let k = 0; k < i; k++) s -= L[i][k] * y[k];
      y[i] = s / L[i][i];
    }
    const x = new Array<number>(q).fill(0);
    for (let i = q - 1; i >= 0; i--) {
      let s = y[i];
      for (let k = i + 1; k < q; k++) s -= L[k][i] * x[k];
      x[i] = s / L[i][i];
    }
    return x;
  }).reduce<number[][]>((acc, colVals, col) => {
    colVals.forEach((v, i) => {
      acc[i] = acc[i] ?? [];
      acc[i][col] = v;
    });
    return acc;
  }, []);
}

/**
 * Draws columns Y with exact sample moments given fixed columns X: sample Cov(X, Y) = sXY, Cov(Y) = sYY,
 * means muY. `orthogonalTo` adds further columns the noise must be orthogonal to.
 */
function drawGiven(X: Float64Array[], sXY: number[][], sYY: number[][], muY: number[], r: Rng, orthogonalTo: Float64Array[] = []): Float64Array[] {
  const n = X.length ? X[0].length : orthogonalTo[0].length;
  const p = muY.length;
  const Xc = X.map((x) => {
    const m = mean(x);
    return x.map((v) => v - m);
  });
  let resid = sYY.map((row) => [...row]);
  let B: number[][] = [];
  if (X.length) {
    const Sxx = Xc.map((a) => Xc.map((b) => dot(a, b) / (n - 1)));
    B = solveSPD(Sxx, sXY); // q × p
    resid = sYY.map((row, i) => row.map((v, j) => v - sXY.reduce((s, rowX, a) => s + rowX[i] * B[a][j], 0)));
  }
  const L = psdFactor(resid);
  const k = L[0]?.length ?? 0;
  const Z = exactNoise(n, k, [ones(n), ...X, ...orthogonalTo], r);
  return Array.from({ length: p }, (_, j) => {
    const y = new Float64Array(n).fill(muY[j]);
    Xc.forEach((x, a) => {
      const b = B[a][j];
      if (b !== 0) for (let i = 0; i < n; i++) y[i] += b * x[i];
    });
    for (let c = 0; c < k; c++) {
      const l = L[j][c];
      if (l !== 0) for (let i = 0; i < n; i++) y[i] += l * Z[c][i];
    }
    return y;
  });
}

function corOf(a: Float64Array, b: Float64Array): number {
  const m = sampleMoments([a, b]);
  return m.cor[0][1];
}

/** A column with the given value counts in a random order. */
function shuffledCounts(values: number[], counts: number[], r: Rng): Float64Array {
  const out: number[] = [];
  values.forEach((v, i) => {
    for (let k = 0; k < counts[i]; k++) out.push(v);
  });
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return Float64Array.from(out);
}

/** Swaps entries within columns until every pairwise correlation is within `tol` of its target. */
function arrangeCorrelations(cols: Float64Array[], target: number[][], r: Rng, tol = 0.0025): void {
  const q = cols.length;
  const loss = () => {
    let s = 0;
    let worst = 0;
    for (let a = 0; a < q; a++)
      for (let b = a + 1; b < q; b++) {
        const d = corOf(cols[a], cols[b]) - target[a][b];
        s += d * d;
        worst = Math.max(worst, Math.abs(d));
      }
    return { s, worst };
  };
  let cur = loss();
  const n = cols[0].length;
  for (let it = 0; it < 200000 && cur.worst > tol; it++) {
    const c = r.int(q);
    const i = r.int(n);
    const j = r.int(n);
    const col = cols[c];
    if (col[i] === col[j]) continue;
    [col[i], col[j]] = [col[j], col[i]];
    const next = loss();
    // Improvements are kept; a sideways move near the target is kept half the time (a random walk on
    // the lattice of attainable correlations, which single improving swaps alone can stall on).
    if (next.s < cur.s || (next.worst < 0.01 && r.uniform() < 0.5)) cur = next;
    else [col[i], col[j]] = [col[j], col[i]];
  }
  if (cur.worst > tol) throw new PathlabError("Could not arrange the discrete columns to their target correlations.", { code: "simulate.arrange" });
}

// ---------------------------------------------------------------------------------------------

/**
 * Simulates paper 001's survey data (see the module comment for the recipe). Returns the data-file
 * columns (24 Likert items, firm_size, firm_age, industry, intl_experience, alliance_experience,
 * partner_types, apd), the scores before rounding, the target and achieved moments, and the planted
 * interactions.
 */
export function simulatePaper001(seed = 20231115, options: Paper001Options = {}): Paper001Simulation {
  const r = toRng(seed);
  const t = paper001.correlations;
  const n = t.n;
  const names = t.names; // 7 scales then firm_size, firm_age, industry, intl_experience, alliance_experience, apd
  const K = names.length;
  const idx = (nm: string) => names.indexOf(nm);
  const R = t.r.map((row) => row.map((x) => (Number.isNaN(x) ? 0 : x)));
  const ie = idx("ie");
  for (const [nm, v] of Object.entries(options.ieRow ?? {})) {
    const j = idx(nm);
    if (j < 0 || j === ie) throw new PathlabError(`ieRow: unknown or invalid variable "${nm}".`, { hint: `Use one of ${names.filter((x) => x !== "ie").join(", ")}.`, code: "unknown-variable" });
    R[ie][j] = R[j][ie] = v;
  }
  const means = t.means.map((m) => m as number);
  const sds = t.sds.map((s) => s as number);
  const published = { means: [...means], sds: [...sds], cor: R.map((row) => [...row]) };

  // 1. Discrete columns.
  const partnerTypes = shuffledCounts([5, 6, 7], [30, 134, 84], r);
  const apd = partnerTypes.map((k) => (k / 7) ** 2);
  const industry = shuffledCounts([1, 2, 3], [97, 81, 70], r);
  const allianceExp = shuffledCounts([0, 1, 2, 3, 4], [19, 69, 76, 57, 27], r);
  const discreteNames = ["apd", "industry", "alliance_experience"];
  const dIdx = discreteNames.map(idx);
  const discrete = [apd, industry, allianceExp];
  // APD is arranged directly (partner types follow from it: types = 7·√APD).
  arrangeCorrelations(discrete, dIdx.map((a) => dIdx.map((b) => R[a][b])), r);
  for (let i = 0; i < n; i++) partnerTypes[i] = Math.round(7 * Math.sqrt(apd[i]));

  // Target covariance with the discrete columns' own moments.
  const dm = sampleMoments(discrete);
  const tMeans = [...means];
  const tSds = [...sds];
  const tCor = R.map((row) => [...row]);
  dIdx.forEach((a, i) => {
    tMeans[a] = dm.means[i];
    tSds[a] = dm.sds[i];
    dIdx.forEach((b, j) => (tCor[a][b] = dm.cor[i][j]));
  });
  const target = { means: tMeans, sds: tSds, cor: tCor };
  const likert = options.likert ?? true;
  const bRad = options.bRad ?? (0.69 - 0.27) / 2;
  const bInc = options.bInc ?? (0.58 - 0.19) / 2;
  const scaleIdx = PAPER001_SCALES.map(idx);

  // Steps 2–5 from the same random stream for given pre-rounding moments of the scores. Rounding to
  // 1…7 (with the ceiling at 7 close to the means) lowers the scores' means and SDs; `calibrate`
  // rounds of fixed-point correction move the pre-rounding means and SDs so that the rounded scores
  // land nearer the published ones (same draws every round; the best round is kept). Correlations
  // are not corrected: their rounding drift is noise that changes from round to round.
  const stageSeed = (typeof seed === "number" ? seed : 0) + 7919;
  let pre = { means: [...tMeans], sds: [...tSds], cor: tCor.map((row) => [...row]) };
  const rounds = likert ? options.calibrate ?? 6 : 0;
  let run = generate(pre, toRng(stageSeed));
  let best = { pre, run };
  for (let k = 0; k < rounds; k++) {
    const fm = run.finalMoments;
    const next = { means: [...pre.means], sds: [...pre.sds], cor: pre.cor.map((row) => [...row]) };
    for (const a of scaleIdx) {
      next.means[a] += tMeans[a] - fm.means[a];
      next.sds[a] *= tSds[a] / fm.sds[a];
    }
    const trial = generate(next, toRng(stageSeed));
    pre = next;
    // Keep the best round: the rounding noise differs from round to round, so the drift is not monotone.
    if (trial.drift.mean + trial.drift.sd + trial.drift.cor < best.run.drift.mean + best.run.drift.sd + best.run.drift.cor) {
      best = { pre: next, run: trial };
    }
    run = trial;
  }

  function generate(pt: { means: number[]; sds: number[]; cor: number[][] }, r2: Rng) {
    const tCov = pt.cor.map((row, a) => row.map((x, b) => x * pt.sds[a] * pt.sds[b]));
    // 2. Scores and continuous controls, exactly, given the discrete columns.
    const contNames = names.filter((nm) => !discreteNames.includes(nm));
    const cIdx = contNames.map(idx);
    const sXY = dIdx.map((a) => cIdx.map((b) => tCov[a][b]));
    const sYY = cIdx.map((a) => cIdx.map((b) => tCov[a][b]));
    const cont = drawGiven(discrete, sXY, sYY, cIdx.map((a) => pt.means[a]), r2);
    const col: { [nm: string]: Float64Array } = {};
    contNames.forEach((nm, j) => (col[nm] = cont[j]));
    discreteNames.forEach((nm, j) => (col[nm] = discrete[j]));

    // 3. Items from the scores (conditional method).
    const scales = PAPER001_SCALES.map((id) => {
      const c = paper001.constructs.find((x) => x.id === id)!;
      // Rounding to whole points adds error of variance ≈ 1/12 to each item, which lowers its loading
      // by √(σ²/(σ² + 1/12)); the loadings drawn with are raised by the inverse so the rounded items
      // keep the published ones (σ² ≈ the item variance, from the scale SD and the loadings).
      const lam0 = c.items.map((it) => it.loading as number);
      const m0 = lam0.length;
      const C0 = lam0.map((li, i) => lam0.map((lj, j) => (i === j ? 1 : li * lj)));
      const itemVar = (pt.sds[idx(id)] ** 2 * m0 * m0) / C0.reduce((acc, row) => acc + row.reduce((a2, x) => a2 + x, 0), 0);
      const lam = likert ? lam0.map((l) => Math.min(0.97, l * Math.sqrt(1 + 1 / (12 * itemVar)))) : lam0;
      const m = lam.length;
      const C = lam.map((li, i) => lam.map((lj, j) => (i === j ? 1 : li * lj)));
      const v1 = C.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0) / (m * m);
      const sd = pt.sds[idx(id)];
      const f2 = (sd * sd) / v1; // common item variance
      const S = C.map((row) => row.map((x) => x * f2));
      const v = sd * sd;
      const b = S.map((row) => row.reduce((a, x) => a + x, 0) / m / v);
      const U = S.map((row, i) => row.map((x, j) => x - b[i] * v * b[j]));
      return { id, items: c.items.map((it) => it.id), b, U, m };
    });
    const P = scales.reduce((s, sc) => s + sc.m, 0);
    const allU: number[][] = Array.from({ length: P }, () => new Array<number>(P).fill(0));
    const off: number[] = [];
    let o = 0;
    for (const sc of scales) {
      off.push(o);
      o += sc.m;
    }
    scales.forEach((sc, k) => sc.U.forEach((row, i) => row.forEach((x, j) => (allU[off[k] + i][off[k] + j] = x))));
    // Item noise is drawn plainly (not with exact moments): the scores stay exact because every
    // column of the factor of U is orthogonal to the averaging weights, and the items carry the
    // sampling error real items would (exact item covariances would make every CFA fit perfectly).
    const Lu = psdFactor(allU);
    const zu = Array.from({ length: Lu[0].length }, () => r2.normals(n));
    const u = Lu.map((row) => {
      const x = new Float64Array(n);
      row.forEach((l, c) => {
        if (l !== 0) for (let q = 0; q < n; q++) x[q] += l * zu[c][q];
      });
      return x;
    });
    const items: { [nm: string]: Float64Array } = {};
    scales.forEach((sc, k) => {
      const C = col[sc.id];
      const cm = pt.means[idx(sc.id)];
      sc.items.forEach((it, i) => {
        const x = new Float64Array(n);
        for (let q = 0; q < n; q++) x[q] = cm + sc.b[i] * (C[q] - cm) + u[off[k] + i][q];
        items[it] = x;
      });
    });

    // 4. Planted AMC × APD interactions (moments unchanged).
    const zs = (x: Float64Array) => {
      const m = sampleMoments([x]);
      return x.map((v) => (v - m.means[0]) / m.sds[0]);
    };
    const amc = new Float64Array(n);
    for (const d of PAPER001_AMC_DIMENSIONS) for (let i = 0; i < n; i++) amc[i] += col[d][i] / 4;
    const zApd = zs(apd);
    const prod = zs(amc).map((v, i) => v * zApd[i]);
    // The moderation model the notebook fits: z_y on z_AMC, z_APD, their product and the controls.
    const Qmod = orthonormalBasis([ones(n), zs(amc), zApd, ...CONTROLS.map((c) => col[c])]);
    const rProd = residualize(prod, Qmod);
    for (const [y, b3] of [["rad", bRad], ["inc", bInc]] as [string, number][]) {
      if (b3 === 0) continue;
      const zz = residualize(prod, orthonormalBasis([ones(n), ...names.map((nm) => col[nm])]));
      const e = residualize(col[y], orthonormalBasis([ones(n), ...names.filter((nm) => nm !== y).map((nm) => col[nm])]));
      const sdY = sampleMoments([col[y]]).sds[0];
      const ve = dot(e, e);
      const vz = dot(zz, zz);
      const deltaFor = (gamma: number) => {
        const share = (gamma * gamma * vz) / ve;
        if (!(share < 1))
          throw new PathlabError(`The planted interaction on "${y}" (${b3}) exceeds its residual variance.`, { hint: "Use a smaller interaction.", code: "bad-input" });
        const a = Math.sqrt(1 - share);
        return e.map((ei, i) => (a - 1) * ei + gamma * zz[i]);
      };
      // The product is not exactly orthogonal to the scores left out of the moderation model (APD is
      // skewed), so the coefficient that model finds is tuned to b₃ by secant steps on γ.
      const estimate = (delta: Float64Array) => {
        const yy = col[y].map((v, i) => v + delta[i]);
        return dot(residualize(yy, Qmod), rProd) / dot(rProd, rProd) / sdY;
      };
      // Secant iterations on γ (the coefficient is smooth and nearly linear in γ).
      let g0 = b3 * sdY;
      let f0 = estimate(deltaFor(g0)) - b3;
      let g1 = g0 * (b3 / (f0 + b3));
      let delta = deltaFor(g1);
      let f1 = estimate(delta) - b3;
      for (let it = 0; it < 30 && Math.abs(f1) > 1e-12 && f1 !== f0; it++) {
        const g2 = g1 - (f1 * (g1 - g0)) / (f1 - f0);
        g0 = g1;
        f0 = f1;
        g1 = g2;
        delta = deltaFor(g1);
        f1 = estimate(delta) - b3;
      }
      for (let i = 0; i < n; i++) col[y][i] += delta[i];
      const sc = scales.find((x) => x.id === y)!;
      for (const it of sc.items) for (let i = 0; i < n; i++) items[it][i] += delta[i];
    }
    const continuousScores: { [nm: string]: Float64Array } = {};
    for (const nm of names) continuousScores[nm] = Float64Array.from(col[nm]);
    const continuousMoments = sampleMoments(names.map((nm) => col[nm]));

    // 5. Likert rounding.
    const itemNames = scales.flatMap((x) => x.items);
    if (likert) for (const it of itemNames) items[it] = items[it].map((x) => Math.min(7, Math.max(1, Math.round(x))));
    const finalScores = names.map((nm) => {
      const sc = scales.find((x) => x.id === nm);
      if (!sc) return col[nm];
      const c = new Float64Array(n);
      for (const it of sc.items) for (let i = 0; i < n; i++) c[i] += items[it][i] / sc.m;
      return c;
    });
    const finalMoments = sampleMoments(finalScores);
    const drift = {
      cor: maxAbsOffDiagonal(finalMoments.cor, tCor),
      mean: Math.max(...finalMoments.means.map((m, k) => Math.abs(m - tMeans[k]))),
      sd: Math.max(...finalMoments.sds.map((s, k) => Math.abs(s - tSds[k]))),
    };
    return { col, items, itemNames, continuousScores, continuousMoments, finalMoments, drift };
  }

  pre = best.pre;
  const { col, items, itemNames, continuousScores, continuousMoments, finalMoments, drift } = best.run;
  const fileNames = [...itemNames, "firm_size", "firm_age", "industry", "intl_experience", "alliance_experience", "partner_types", "apd"];
  const fileCols = fileNames.map((nm) => (nm === "partner_types" ? partnerTypes : items[nm] ?? col[nm]));
  return new Paper001Simulation(
    fileNames,
    fileCols,
    seed,
    itemNames,
    [...names],
    target,
    published,
    pre,
    continuousMoments,
    finalMoments,
    continuousScores,
    { rad: bRad, inc: bInc },
    drift,
  );
}
