/**
 * Modification indices (lavaan's `modindices()`, Sörbom 1989): for each parameter the model fixes
 * or leaves out, the expected drop in χ² if it alone were freed, and the expected parameter change.
 *
 * Candidates (lavaan 0.6.14, lav_partable_full): every loading of a latent variable on an observed
 * variable that is not in a regression; covariances among the indicators (variables in regressions
 * or that are not indicators are left out) and among the exogenous covariates; covariances among
 * latent variables; regressions among all variables in regressions (an indicator is not regressed
 * on a factor); intercepts with a mean structure — plus every fixed parameter of the model. With
 * θ̂ the estimates and the candidate j at its fixed value (0 if absent), s_j = ½ ∂F/∂θ_j and the
 * expected information I (per observation; fixed.x moments removed),
 *   V_j = I_jj − I_jM I_MM⁻¹ I_Mj,  mi = N s_j² / V_j,  epc = −s_j / V_j
 * (M: the free parameters; V_j below ε^(1/3) gives NA, dropped as lavaan). Standardised EPCs
 * (sepc.lv, sepc.all, sepc.nox) scale the epc like lavaan's std.lv/std.all/std.nox, covariances by
 * the residual standard deviations (cov.std). With G groups, F and I are the N_g/N-weighted sums.
 * A FIML fit uses the FIML discrepancy's score and lavaan's expected information of incomplete data
 * (the missing-data patterns' informations, weighted by their frequencies).
 *
 * @example
 * fit.modindices({ sort: true, minimumValue: 10 }).rows[0];  // { lhs: "visual", op: "=~", rhs: "x9", mi: 36.41, … }
 */
import { PathlabError } from "../errors";
import { Result, type TableSpec } from "../display";
import { checkOptions } from "../options";
import { pchisq, qchisq } from "../math/distributions";
import { pchisqNC } from "../math/noncentral-chisq";
import { cellDerivative, discrepancyDerivative, dropXBlock, gradientOf, informationOf, sandwichW, type MomentDerivative } from "./derivatives";
import { invertSPDFlat } from "../math/linalg";
import type { ParRow } from "./partable";
import type { Cell } from "./ram";
import { FimlEngine } from "./fiml";
import { h1Expected, momentLayout } from "./moment-space";
import { setAll, type SemState } from "./state";
import { totalVariances } from "./standardize";
import type { SemFit } from "./fit";
import { refuseActiveBounds } from "./inequality";
import type { SemOp } from "./syntax";

export interface ModIndicesOptions {
  /** Largest mi first (lavaan's `sort.`). */
  sort?: boolean;
  "sort."?: boolean;
  /** Only rows with mi above this (lavaan's `minimum.value`). */
  minimumValue?: number;
  "minimum.value"?: number;
  /** At most this many rows (lavaan's `maximum.number`). */
  maximumNumber?: number;
  "maximum.number"?: number;
  /** Add sepc.lv, sepc.all, sepc.nox (default true). */
  standardized?: boolean;
  /** Only these operators, e.g. "=~" or ["=~", "~~"]. */
  op?: string | string[];
  /** Saris, Satorra & van der Veld (2009): power of the MI test against a misspecification of size delta. */
  power?: boolean;
  delta?: number;
  alpha?: number;
  highPower?: number;
  "high.power"?: number;
}

export interface ModIndexRow {
  lhs: string;
  op: string;
  rhs: string;
  /** Group (1-based). */
  group: number;
  mi: number;
  epc: number;
  sepc_lv: number;
  sepc_all: number;
  sepc_nox: number;
  delta?: number;
  ncp?: number;
  power?: number;
  decision?: string;
}

/** lavaan's modindices() table. */
export class ModIndices extends Result {
  constructor(
    readonly rows: ModIndexRow[],
    readonly groupLabels: string[],
    readonly standardized: boolean,
    readonly power: boolean,
  ) {
    super();
  }
  /** The row for lhs op rhs (group 1 by default). */
  find(lhs: string, op: string, rhs: string, group = 1): ModIndexRow | undefined {
    return this.rows.find((r) => r.group === group && r.op === op && ((r.lhs === lhs && r.rhs === rhs) || (op === "~~" && r.lhs === rhs && r.rhs === lhs)));
  }
  title(): string {
    return "Modification indices";
  }
  tables(): TableSpec[] {
    const multi = this.groupLabels.length > 1;
    return [
      {
        columns: [
          { key: "lhs", format: "text" },
          { key: "op", format: "text" },
          { key: "rhs", format: "text" },
          ...(multi ? [{ key: "groupName", label: "group", format: "text" as const }] : []),
          { key: "mi", label: "mi", digits: 3 },
          { key: "epc", label: "epc", digits: 3 },
          ...(this.standardized && !this.power
            ? [
                { key: "sepc_lv", label: "sepc.lv", digits: 3 },
                { key: "sepc_all", label: "sepc.all", digits: 3 },
                { key: "sepc_nox", label: "sepc.nox", digits: 3 },
              ]
            : []),
          ...(this.power
            ? [
                { key: "sepc_all", label: "sepc.all", digits: 3 },
                { key: "delta", label: "delta", digits: 3 },
                { key: "ncp", label: "ncp", digits: 3 },
                { key: "power", label: "power", digits: 3 },
                { key: "decision", label: "decision", format: "text" as const },
              ]
            : []),
        ],
        rows: this.rows.map((r) => ({ ...r, groupName: this.groupLabels[r.group - 1] })),
        notes: ["mi: expected drop in χ² (1 df) when the parameter is freed; epc: its expected value; sepc: standardised epc (lavaan's modindices)."],
      },
    ];
  }
}

interface Candidate {
  lhs: string;
  op: SemOp;
  rhs: string;
  group: number;
  /** Row of the model (a fixed parameter), or -1 for a parameter the model leaves out. */
  row: number;
}

/** Variable classes of lavaan's lav_partable_full, from the parameter table. */
function variableClasses(st: SemState) {
  const rows = st.pt.rows.filter((r) => r.group === 1);
  const { ov, lv, ovX } = st.pt.vars;
  const lvSet = new Set(lv);
  const uniq = (xs: string[]) => [...new Set(xs)];
  const eqsNames = uniq([...rows.filter((r) => r.op === "~").map((r) => r.lhs), ...rows.filter((r) => r.op === "~").map((r) => r.rhs)]);
  const ovInd = uniq(rows.filter((r) => r.op === "=~" && !lvSet.has(r.rhs)).map((r) => r.rhs));
  const ovNox = ov.filter((v) => !ovX.includes(v));
  return { ov, lv, ovX, ovNox, ovInd, eqsNames };
}

/** The candidate parameters in lavaan's order: the model's fixed rows, then lav_partable_full's new rows. */
function candidates(st: SemState): Candidate[] {
  const { pt } = st;
  const { ov, lv, ovX, ovNox, ovInd, eqsNames } = variableClasses(st);
  const out: Candidate[] = [];
  const key = (g: number, l: string, op: string, r: string) => `${g}\u0000${l}\u0000${op}\u0000${r}`;
  const present = new Set<string>();
  pt.rows.forEach((r, k) => {
    if (r.op === ":=") return;
    present.add(key(r.group, r.lhs, r.op, r.rhs));
    if (r.op === "~~") present.add(key(r.group, r.rhs, r.op, r.lhs));
    if (r.free === 0) out.push({ lhs: r.lhs, op: r.op, rhs: r.rhs, group: r.group, row: k });
  });
  const ovOther = new Set(ov.filter((v) => !ovInd.includes(v)));
  const eqs = new Set(eqsNames);
  const lowerPairs = (vs: string[]) => {
    const pairs: [string, string][] = [];
    for (let j = 0; j < vs.length; j++) for (let i = j; i < vs.length; i++) pairs.push([vs[j], vs[i]]);
    return pairs;
  };
  for (let g = 1; g <= pt.ngroups; g++) {
    const add = (lhs: string, op: SemOp, rhs: string) => {
      if (present.has(key(g, lhs, op, rhs))) return;
      present.add(key(g, lhs, op, rhs));
      if (op === "~~") present.add(key(g, rhs, op, lhs));
      out.push({ lhs, op, rhs, group: g, row: -1 });
    };
    for (const f of lv) for (const v of ovNox) if (!eqs.has(v)) add(f, "=~", v);
    for (const [a, b] of lowerPairs(ovNox)) if (!ovOther.has(a) && !ovOther.has(b)) add(a, "~~", b);
    for (const [a, b] of lowerPairs(ovX)) add(a, "~~", b);
    for (const [a, b] of lowerPairs(lv)) add(a, "~~", b);
    for (const y of eqsNames) for (const x of eqsNames) if (y !== x && !(ovInd.includes(y) && lv.includes(x))) add(y, "~", x);
    if (pt.meanstructure) for (const v of [...ov, ...lv]) add(v, "~1", "");
  }
  return out;
}

/** The cell of a candidate in its group's RAM matrices. */
function cellOf(c: Candidate, index: Map<string, number>): Cell {
  const i = index.get(c.lhs)!;
  if (c.op === "=~") return { kind: 0, i: index.get(c.rhs)!, j: i };
  if (c.op === "~") return { kind: 0, i, j: index.get(c.rhs)! };
  if (c.op === "~~") {
    const j = index.get(c.rhs)!;
    return { kind: 1, i: Math.max(i, j), j: Math.min(i, j) };
  }
  return { kind: 2, i, j: 0 };
}

/** Score s (½ ∂F/∂θ) and V of every candidate, with the model at θ̂. */
function scoreAndV(st: SemState, cands: Candidate[]): { s: Float64Array; V: Float64Array } {
  const q = st.pt.nFree;
  const nc = cands.length;
  const s = new Float64Array(nc);
  const Icm = new Float64Array(nc * q);
  const Icc = new Float64Array(nc);
  const Imm = new Float64Array(q * q);
  const xNames = st.pt.fixedX ? st.pt.vars.ovX : [];
  setAll(st, st.theta);
  const w = st.groups.map((g) => g.sample.n / st.groups.reduce((a, h) => a + h.sample.n, 0));
  st.groups.forEach((grp, gi) => {
    const e = grp.engine;
    const p = e.spec.p;
    const xIdx = xNames.map((v) => grp.structure.names.indexOf(v));
    const index = new Map(grp.structure.names.map((v, i) => [v, i]));
    if (e instanceof FimlEngine) {
      fimlBlocks(e, xIdx, index, cands, gi, w[gi], q, { s, Icm, Icc, Imm });
      return;
    }
    const W = e.W;
    const { M, wd } = discrepancyDerivative(e);
    const model: { k: number; d: MomentDerivative; T: Float64Array }[] = [];
    e.spec.cells.forEach((cells, k) => {
      if (!cells.length) return;
      const d = dropXBlock(cellDerivative(e, cells), xIdx, p);
      model.push({ k, d, T: sandwichW(d, W, p) });
    });
    for (const a of model) for (const b of model) Imm[a.k * q + b.k] += w[gi] * informationOf(a.T, a.d, b.d, W, p);
    cands.forEach((c, ci) => {
      if (c.group !== gi + 1) return;
      const raw = cellDerivative(e, [cellOf(c, index)]);
      s[ci] = 0.5 * w[gi] * gradientOf(raw, M, wd, p);
      const d = dropXBlock(raw, xIdx, p);
      const T = sandwichW(d, W, p);
      Icc[ci] = w[gi] * informationOf(T, d, d, W, p);
      for (const b of model) Icm[ci * q + b.k] += w[gi] * informationOf(T, d, b.d, W, p);
    });
  });
  const inv = invertSPDFlat(Imm, q);
  if (!inv)
    throw new PathlabError("modindices(): the information matrix of the model is singular; modification indices cannot be computed (lavaan: the same error).", {
      code: "sem.not-identified",
      hint: "Check the model's identification (see the fit's warnings).",
    });
  const V = new Float64Array(nc);
  const tmp = new Float64Array(q);
  for (let ci = 0; ci < nc; ci++) {
    const row = Icm.subarray(ci * q, ci * q + q);
    for (let a = 0; a < q; a++) {
      let t = 0;
      for (let b = 0; b < q; b++) t += inv[a * q + b] * row[b];
      tmp[a] = t;
    }
    let quad = 0;
    for (let a = 0; a < q; a++) quad += row[a] * tmp[a];
    V[ci] = Icc[ci] - quad;
  }
  return { s, V };
}

/**
 * The FIML blocks of one group (lavaan's expected information of incomplete data,
 * lav_mvnorm_missing_information_expected): in the moment space σ = (μ, vech Σ) the information is
 * H = Σ_p (n_p/N) × the saturated information of the pattern's observed variables at the implied
 * moments (Σ_oo⁻¹ embedded, zero elsewhere), and each parameter's entries are Δ_kᵀ H Δ_l; the score
 * is ½ ∂F/∂θ of the FIML discrepancy.
 */
function fimlBlocks(
  e: FimlEngine,
  xIdx: number[],
  index: Map<string, number>,
  cands: Candidate[],
  gi: number,
  w: number,
  q: number,
  out: { s: Float64Array; Icm: Float64Array; Icc: Float64Array; Imm: Float64Array },
): void {
  const p = e.spec.p;
  const L = momentLayout(p, e.spec.meanstructure, xIdx);
  const n = L.pstar;
  const H = new Float64Array(n * n);
  for (const { w: wp, X } of e.patternWeights()) {
    const A = h1Expected(X, L);
    for (let k = 0; k < n * n; k++) H[k] += wp * A[k];
  }
  const { M, r } = e.momentDerivatives();
  const vec = (d: MomentDerivative): Float64Array => {
    const v = new Float64Array(n);
    for (let i = 0; i < L.nMean; i++) v[i] = d.dMu[i];
    for (let t = 0; t < L.vi.length; t++) v[L.nMean + t] = d.dS[L.vi[t] * p + L.vj[t]];
    return v;
  };
  const times = (v: Float64Array): Float64Array => {
    const o = new Float64Array(n);
    for (let a = 0; a < n; a++) {
      const va = v[a];
      if (va === 0) continue;
      const row = a * n;
      for (let b = 0; b < n; b++) o[b] += va * H[row + b];
    }
    return o;
  };
  const dot = (a: Float64Array, b: Float64Array) => {
    let t = 0;
    for (let k = 0; k < n; k++) t += a[k] * b[k];
    return t;
  };
  const model: { k: number; d: Float64Array; Hd: Float64Array }[] = [];
  e.spec.cells.forEach((cells, k) => {
    if (!cells.length) return;
    const d = vec(cellDerivative(e, cells));
    model.push({ k, d, Hd: times(d) });
  });
  for (const a of model) for (const b of model) out.Imm[a.k * q + b.k] += w * dot(a.Hd, b.d);
  cands.forEach((c, ci) => {
    if (c.group !== gi + 1) return;
    const raw = cellDerivative(e, [cellOf(c, index)]);
    out.s[ci] = 0.5 * w * gradientOf(raw, M, r, p);
    const Hd = times(vec(raw));
    out.Icc[ci] = w * dot(Hd, vec(raw));
    for (const b of model) out.Icm[ci * q + b.k] += w * dot(Hd, b.d);
  });
}

/**
 * lavaan's standardisation of an EPC (lav_standardize_lv / _all / _all_nox with cov.std): `e` is
 * |epc| (for variance rows the current estimate), scaled by the model-implied standard deviations
 * (ETA for latent, OV for observed variables) and, for covariances, by the residual standard
 * deviations.
 */
function standardizeEpc(
  c: Candidate,
  e: number,
  ctx: { sd: Map<string, number>; rv: Map<string, number>; lv: Set<string>; ovX: Set<string> },
  type: "lv" | "all" | "nox",
): number {
  const { sd, rv, lv, ovX } = ctx;
  const isLv = (v: string) => lv.has(v);
  let out = e;
  // Latent scaling (std.lv).
  if (c.op === "=~") out *= isLv(c.rhs) ? sd.get(c.lhs)! / sd.get(c.rhs)! : sd.get(c.lhs)!;
  else if (c.op === "~") {
    if (isLv(c.lhs)) out /= sd.get(c.lhs)!;
    if (isLv(c.rhs)) out *= sd.get(c.rhs)!;
  } else if (c.op === "~~" && c.lhs === c.rhs && isLv(c.lhs)) out /= sd.get(c.lhs)! ** 2;
  else if (c.op === "~~" && c.lhs !== c.rhs) {
    if (isLv(c.lhs)) out /= rv.get(c.lhs)!;
    if (isLv(c.rhs)) out /= rv.get(c.rhs)!;
  } else if (c.op === "~1" && isLv(c.lhs)) out /= sd.get(c.lhs)!;
  if (type === "lv") return out;
  // Observed scaling (std.all; std.nox leaves the exogenous covariates unscaled).
  const skip = (v: string) => type === "nox" && ovX.has(v);
  if (c.op === "=~" && !isLv(c.rhs)) out /= sd.get(c.rhs)!;
  else if (c.op === "~") {
    if (!isLv(c.lhs)) out /= sd.get(c.lhs)!;
    if (!isLv(c.rhs) && !skip(c.rhs)) out *= sd.get(c.rhs)!;
  } else if (c.op === "~~" && c.lhs === c.rhs && !isLv(c.lhs) && !skip(c.lhs)) out /= sd.get(c.lhs)! ** 2;
  else if (c.op === "~~" && c.lhs !== c.rhs) {
    if (!isLv(c.lhs) && !skip(c.lhs)) out /= rv.get(c.lhs)!;
    if (!isLv(c.rhs) && !skip(c.rhs)) out /= rv.get(c.rhs)!;
  } else if (c.op === "~1" && !isLv(c.lhs) && !skip(c.lhs)) out /= sd.get(c.lhs)!;
  return out;
}

/** Per group: model-implied standard deviations and residual SDs (√|estimate| of each variance row). */
function scales(st: SemState, est: Float64Array): { sd: Map<string, number>; rv: Map<string, number> }[] {
  return st.groups.map((grp, gi) => {
    const vars = totalVariances(grp.engine);
    const sd = new Map<string, number>();
    grp.structure.names.forEach((v, i) => sd.set(v, vars[i] > 0 ? Math.sqrt(vars[i]) : NaN));
    const rv = new Map<string, number>();
    st.pt.rows.forEach((r: ParRow, k) => {
      if (r.group === gi + 1 && r.op === "~~" && r.lhs === r.rhs) rv.set(r.lhs, Math.sqrt(Math.abs(est[k])));
    });
    return { sd, rv };
  });
}

const MI_SPECS = {
  sort: { kind: "boolean", aliases: ["sort."] },
  minimumValue: { kind: "number", min: 0, aliases: ["minimum.value"] },
  maximumNumber: { kind: "number", min: 1, integer: true, aliases: ["maximum.number"] },
  standardized: { kind: "boolean" },
  op: {
    kind: "custom",
    check: (v: unknown) =>
      typeof v === "string" || (Array.isArray(v) && v.every((x) => typeof x === "string"))
        ? undefined
        : 'must be an operator such as "=~" or an array of them.',
  },
  power: { kind: "boolean" },
  delta: { kind: "number", min: 0, exclusiveMin: true },
  alpha: { kind: "number", min: 0, max: 1, exclusiveMin: true, exclusiveMax: true },
  highPower: { kind: "number", min: 0, max: 1, aliases: ["high.power"] },
} as const;

/** lavaan's modindices(fit, …). */
export function modindices(fit: SemFit, opts?: ModIndicesOptions): ModIndices {
  const o = checkOptions("modindices", opts, MI_SPECS as never) as ModIndicesOptions;
  const st = fit.state;
  refuseActiveBounds(fit, "modindices");
  if (!st.converged)
    throw new PathlabError("modindices(): the model did not converge; modification indices need the estimates of a converged fit.", {
      code: "sem.not-converged",
      hint: "Fix the model first (see the fit's warnings).",
    });
  const cands = candidates(st);
  const { s, V } = scoreAndV(st, cands);
  const N = fit.n;
  const est = fit.estimatesInternal().est;
  const sc = scales(st, est);
  const lvSet = new Set(st.pt.vars.lv);
  const ovX = new Set(st.pt.vars.ovX);
  const small = Math.pow(2.220446049250313e-16, 1 / 3);
  const standardized = o.standardized ?? true;
  const power = !!o.power;
  const delta = o.delta ?? 0.1;
  const alpha = o.alpha ?? 0.05;
  const highPower = o.highPower ?? 0.75;
  let rows: ModIndexRow[] = cands.map((c, ci) => {
    const v = V[ci] < small ? NaN : V[ci];
    const mi = (N * s[ci] * s[ci]) / v;
    let dd = -N * s[ci];
    if (Math.abs(dd) < 1e-15) dd = 1;
    // lavaan: epc = mi / (−N·s) = −s / V.
    const row: ModIndexRow = { lhs: c.lhs, op: c.op, rhs: c.rhs, group: c.group, mi, epc: mi / dd, sepc_lv: NaN, sepc_all: NaN, sepc_nox: NaN };
    if (standardized || power) {
      const isVar = c.op === "~~" && c.lhs === c.rhs;
      let e = isVar && c.row >= 0 && st.pt.rows[c.row].exo === 0 ? est[c.row] : row.epc;
      const tiny = isVar && Math.abs(e) < Math.sqrt(2.220446049250313e-16);
      if (tiny) e = NaN;
      const sign = Math.sign(row.epc);
      const ctx = { ...sc[c.group - 1], lv: lvSet, ovX };
      row.sepc_lv = tiny ? 0 : sign * standardizeEpc(c, Math.abs(e), ctx, "lv");
      row.sepc_all = tiny ? 0 : sign * standardizeEpc(c, Math.abs(e), ctx, "all");
      row.sepc_nox = tiny ? 0 : sign * standardizeEpc(c, Math.abs(e), ctx, "nox");
    }
    if (power) Object.assign(row, powerColumns(row, delta, alpha, highPower));
    return row;
  });
  if (o.sort)
    rows = rows
      .map((r, i) => ({ r, i }))
      .sort((a, b) => (Number.isNaN(b.r.mi) ? -1 : Number.isNaN(a.r.mi) ? 1 : b.r.mi - a.r.mi || a.i - b.i))
      .map((x) => x.r);
  if (o.minimumValue !== undefined && o.minimumValue > 0) rows = rows.filter((r) => !Number.isNaN(r.mi) && r.mi > o.minimumValue!);
  if (o.maximumNumber !== undefined && o.maximumNumber < rows.length) rows = rows.slice(0, o.maximumNumber);
  rows = rows.filter((r) => !Number.isNaN(r.mi));
  if (o.op !== undefined) {
    const ops = typeof o.op === "string" ? [o.op] : o.op;
    rows = rows.filter((r) => ops.includes(r.op));
  }
  const out = new ModIndices(rows, fit.groupLabels, standardized, power);
  if (!cands.length)
    out.warnings.push({
      code: "sem.mi-empty",
      message: "There are no parameters to add: the model is saturated, or its equality constraints can only be released (use lavTestScore).",
    });
  return out;
}

/** Saris, Satorra & van der Veld (2009) columns of modindices(power = TRUE). */
function powerColumns(r: ModIndexRow, delta: number, alpha: number, highPower: number): Partial<ModIndexRow> {
  const ncp = (r.mi / (r.epc * r.epc)) * delta * delta;
  const pw = pchisqNC(qchisq(1 - alpha, 1), 1, ncp, false);
  const sig = pchisq(r.mi, 1, false) < alpha;
  const high = pw > highPower;
  const big = Math.abs(r.epc) > delta;
  const decision = !sig && !high ? "(i)" : sig && !high ? "**(m)**" : !sig && high ? "(nm)" : !big ? "epc:nm" : "*epc:m*";
  return { delta, ncp, power: pw, decision };
}
