/**
 * From a parameter table and sample moments to the RAM matrices and start values.
 *
 * Start values follow lavaan's defaults: residual variances at half the observed variance,
 * regressions and covariances at 0, endogenous latent variances at 0.05 (an exogenous factor's at
 * the marker's mean covariance with its other indicators), loadings of a factor measured by
 * observed indicators as lavaan starts them (FABIN 3 / the triad solution, `fabinRatios`),
 * intercepts at the sample means. The loadings matter: from the cruder covariance-with-marker
 * guess the first Fisher step could flip a mediator's loadings and run off to ψ → 0, λ → ∞.
 */
import { solveSPDFlat } from "../math/linalg";
import type { ParTable } from "./partable";
import type { Cell, RamSpec } from "./ram";

export interface ModelStructure {
  spec: RamSpec;
  /** Variable names: observed first (model order), then latent. */
  names: string[];
  p: number;
  /** Cell of each parameter-table row (undefined for := rows). */
  rowCell: (Cell | undefined)[];
}

/** RAM matrices of group `group` (1-based); rows of other groups get no cell. */
export function buildRam(pt: ParTable, S: Float64Array, mean: Float64Array, group = 1): ModelStructure {
  const { ov, lv } = pt.vars;
  const names = [...ov, ...lv];
  const p = ov.length;
  const m = names.length;
  const index = new Map(names.map((v, i) => [v, i]));
  const A0 = new Float64Array(m * m);
  const S0 = new Float64Array(m * m);
  const m0 = new Float64Array(m);
  const cells: Cell[][] = Array.from({ length: pt.nFree }, () => []);
  const rowCell: (Cell | undefined)[] = [];
  for (const r of pt.rows) {
    let cell: Cell | undefined;
    if (r.group !== group) {
      rowCell.push(undefined);
      continue;
    }
    if (r.op === "=~") cell = { kind: 0, i: index.get(r.rhs)!, j: index.get(r.lhs)! };
    else if (r.op === "~") cell = { kind: 0, i: index.get(r.lhs)!, j: index.get(r.rhs)! };
    else if (r.op === "~~") {
      const a = index.get(r.lhs)!;
      const b = index.get(r.rhs)!;
      cell = { kind: 1, i: Math.max(a, b), j: Math.min(a, b) };
    } else if (r.op === "~1") cell = { kind: 2, i: index.get(r.lhs)!, j: 0 };
    rowCell.push(cell);
    if (!cell) continue;
    let value = r.ustart ?? 0;
    if (r.exo === 1) {
      // fixed.x: the sample moment itself.
      value = cell.kind === 2 ? mean[cell.i] : S[cell.i * p + cell.j];
      r.start = value;
    }
    if (r.free > 0) cells[r.free - 1].push(cell);
    else if (cell.kind === 0) A0[cell.i * m + cell.j] = value;
    else if (cell.kind === 1) S0[cell.i * m + cell.j] = S0[cell.j * m + cell.i] = value;
    else m0[cell.i] = value;
  }
  return { spec: { p, m, meanstructure: pt.meanstructure, A0, S0, m0, cells }, names, p, rowCell };
}

/**
 * Start values θ₀ (one per free parameter) from the moments of each group in turn; a parameter
 * shared by several groups starts from its value in the first group that has it.
 */
export function startValues(pt: ParTable, groups: { structure: ModelStructure; S: Float64Array; mean: Float64Array }[]): Float64Array {
  const theta = new Float64Array(pt.nFree);
  const set = new Uint8Array(pt.nFree);
  groups.forEach((g, k) => groupStartValues(pt, g.structure, g.S, g.mean, k + 1, theta, set));
  for (const r of pt.rows) if (r.free > 0) r.start = theta[r.free - 1];
  return theta;
}

/**
 * Each non-marker indicator's loading relative to the marker's, as lavaan's default starts
 * (lav_start, 0.6): FABIN 3 (Hägglund 1982) from four indicators on — the factor's other
 * non-marker indicators instrument the marker, λ_i = s_{i3} S₃₃⁻¹ s_{31} / s_{13} S₃₃⁻¹ s_{31}
 * (1 the marker, 3 the instruments); with three indicators the triad solution λ₂ = s₃₂/s₃₁,
 * λ₃ = s₃₂/s₂₁, all ratios 1 when s₂₁s₃₁s₃₂ < 0; with two, λ₂ = s₂₁ / mean(s₁₁, s₂₂). Each ratio
 * is kept within ±√(s_ii / (0.1 s₁₁)), i.e. the factor variance it implies is at least a tenth of
 * the marker's variance. Ratios that cannot be formed are left out (the caller's guess stays).
 *
 * @example
 * fabinRatios(["x2", "x3", "x4"], "x1", cov); // Map { "x2" => 0.86, … }
 */
export function fabinRatios(others: string[], marker: string, cov: (a: string, b: string) => number): Map<string, number> {
  const out = new Map<string, number>();
  const s11 = cov(marker, marker);
  if (others.length === 1) {
    const [i] = others;
    out.set(i, cov(i, marker) / (0.5 * (s11 + cov(i, i))));
  } else if (others.length === 2) {
    const [i, j] = others;
    const s21 = cov(i, marker);
    const s31 = cov(j, marker);
    const s32 = cov(i, j);
    const negativeTriad = s21 * s31 * s32 < 0;
    out.set(i, negativeTriad ? 1 : s32 / s31);
    out.set(j, negativeTriad ? 1 : s32 / s21);
  } else
    for (const i of others) {
      const inst = others.filter((o) => o !== i);
      const k = inst.length;
      const S33 = new Float64Array(k * k);
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) S33[a * k + b] = cov(inst[a], inst[b]);
      const s31 = inst.map((o) => cov(o, marker));
      // A singular instrument block: the least-squares ratio of the covariances with the marker.
      const w = solveSPDFlat(S33, k, s31) ?? s31;
      let num = 0;
      let den = 0;
      for (let a = 0; a < k; a++) {
        num += cov(i, inst[a]) * w[a];
        den += s31[a] * w[a];
      }
      out.set(i, num / den);
    }
  for (const [i, r] of out) {
    const bound = Math.sqrt(cov(i, i) / (0.1 * s11));
    if (Number.isFinite(r)) out.set(i, Math.min(Math.max(r, -bound), bound));
    else out.delete(i);
  }
  return out;
}

function groupStartValues(pt: ParTable, st: ModelStructure, S: Float64Array, mean: Float64Array, group: number, theta: Float64Array, set: Uint8Array): void {
  const { p } = st;
  const rows = pt.rows.filter((r) => r.group === group);
  const idx = new Map(st.names.map((v, i) => [v, i]));
  const isOv = (v: string) => (idx.get(v) ?? p) < p;
  const cov = (a: string, b: string) => S[idx.get(a)! * p + idx.get(b)!];

  // Per factor: the marker indicator (first with a fixed loading) and a latent-variance guess.
  const lvVar = new Map<string, number>();
  const loadingGuess = new Map<string, number>();
  for (const f of pt.vars.lv) {
    const loads = rows.filter((r) => r.op === "=~" && r.lhs === f);
    const obs = loads.filter((r) => isOv(r.rhs));
    if (obs.length === 0) continue;
    const marker = loads.find((r) => r.free === 0 && r.ustart !== null && r.ustart !== 0 && isOv(r.rhs));
    if (pt.stdLv || !marker) {
      // Variance 1: loadings ≈ sign(cov with first) · sqrt(average covariance structure).
      const first = obs[0].rhs;
      for (const r of obs) {
        const others = obs.filter((o) => o.rhs !== r.rhs);
        let s = 0;
        for (const o of others) s += Math.abs(cov(r.rhs, o.rhs));
        const avg = others.length ? s / others.length : 0.5 * cov(r.rhs, r.rhs);
        const sign = r.rhs === first ? 1 : Math.sign(cov(r.rhs, first)) || 1;
        loadingGuess.set(`${f}=~${r.rhs}`, sign * Math.sqrt(Math.max(avg, 0.05 * cov(r.rhs, r.rhs))));
      }
      lvVar.set(f, 1);
    } else {
      const lm = marker.ustart!;
      const others = obs.filter((o) => o.rhs !== marker.rhs);
      let s = 0;
      for (const o of others) s += cov(marker.rhs, o.rhs);
      let psi = others.length ? s / others.length / (lm * lm) : (0.5 * cov(marker.rhs, marker.rhs)) / (lm * lm);
      const vm = cov(marker.rhs, marker.rhs) / (lm * lm);
      if (!(psi > 0.05 * vm)) psi = 0.05 * vm;
      if (psi > 0.95 * vm) psi = 0.95 * vm;
      lvVar.set(f, psi);
      // Loadings as lavaan starts them (FABIN 3) when every indicator is observed; otherwise, and
      // for a ratio that cannot be formed, the covariance with the marker over the variance guess.
      const ratios =
        obs.length === loads.length
          ? fabinRatios(
              others.map((o) => o.rhs),
              marker.rhs,
              cov,
            )
          : undefined;
      for (const o of others) loadingGuess.set(`${f}=~${o.rhs}`, lm * (ratios?.get(o.rhs) ?? cov(marker.rhs, o.rhs) / (lm * lm * psi)));
    }
  }
  const endogenousLv = new Set(rows.filter((r) => r.op === "~").map((r) => r.lhs));
  for (const r of pt.rows) if (r.op === "=~" && !isOv(r.rhs)) endogenousLv.add(r.rhs);
  const endogenousOv = new Set(
    rows.filter((r) => (r.op === "~" || r.op === "=~") && r.free + (r.ustart ?? 1) !== 0).map((r) => (r.op === "~" ? r.lhs : r.rhs)),
  );

  for (const r of rows) {
    if (r.free === 0) continue;
    const k = r.free - 1;
    if (set[k]) continue;
    let v: number;
    if (!Number.isNaN(r.start)) v = r.start;
    else if (r.op === "=~") v = loadingGuess.get(`${r.lhs}=~${r.rhs}`) ?? 1;
    else if (r.op === "~~" && isOv(r.lhs) && isOv(r.rhs) && !endogenousOv.has(r.lhs) && !endogenousOv.has(r.rhs)) {
      // Exogenous observed variables (fixed.x = FALSE, or a covariate made random): their sample moments.
      v = cov(r.lhs, r.rhs);
    } else if (r.op === "~~" && r.lhs === r.rhs) {
      if (isOv(r.lhs)) v = 0.5 * cov(r.lhs, r.lhs);
      else v = endogenousLv.has(r.lhs) ? 0.05 : (lvVar.get(r.lhs) ?? 0.05);
    } else if (r.op === "~1") v = isOv(r.lhs) ? mean[idx.get(r.lhs)!] : 0;
    else v = 0;
    theta[k] = v;
    set[k] = 1;
    r.start = v;
  }
}
