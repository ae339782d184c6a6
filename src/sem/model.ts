/**
 * From a parameter table and sample moments to the RAM matrices and start values.
 *
 * Start values follow lavaan's defaults in spirit: residual variances at half the observed
 * variance, regressions and covariances at 0, latent variances at 0.05 unless the marker
 * indicator's covariances suggest better, loadings from the covariances with the marker
 * (a quick, consistent version of lavaan's "fabin" idea), intercepts at the sample means.
 */
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

export function buildRam(pt: ParTable, S: Float64Array, mean: Float64Array): ModelStructure {
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

/** Start values θ₀ (one per free parameter). */
export function startValues(pt: ParTable, st: ModelStructure, S: Float64Array, mean: Float64Array): Float64Array {
  const { p } = st;
  const q = pt.nFree;
  const theta = new Float64Array(q);
  const set = new Uint8Array(q);
  const idx = new Map(st.names.map((v, i) => [v, i]));
  const isOv = (v: string) => (idx.get(v) ?? p) < p;
  const cov = (a: string, b: string) => S[idx.get(a)! * p + idx.get(b)!];

  // Covariances among all variables, latent ones proxied through their marker indicators
  // (cov(f, x) ≈ cov(marker, x) / λ), so that second-order factors get start values the same way
  // as first-order ones.
  const lvSet = new Set(pt.vars.lv);
  const loadsOf = new Map<string, ParTable["rows"]>();
  for (const f of pt.vars.lv) loadsOf.set(f, pt.rows.filter((r) => r.op === "=~" && r.lhs === f && r.rhs !== f));
  const lvVar = new Map<string, number>();
  const loadingGuess = new Map<string, number>();
  const marker = new Map<string, { ind: string; lambda: number }>();
  const busy = new Set<string>();
  const pcov = (a: string, b: string, d = 0): number => {
    if (d > 8) return 0;
    if (!lvSet.has(a) && !lvSet.has(b)) return idx.has(a) && idx.has(b) ? cov(a, b) : 0;
    if (!lvSet.has(a)) return pcov(b, a, d + 1);
    if (a === b) return factor(a) ?? 0;
    factor(a);
    const m = marker.get(a);
    if (!m) return 0;
    if (m.ind === b) return m.lambda * (lvVar.get(a) ?? 0);
    return pcov(m.ind, b, d + 1) / m.lambda;
  };
  /** Start values of factor f (variance, loadings, marker); returns its variance. */
  function factor(f: string): number | undefined {
    if (lvVar.has(f)) return lvVar.get(f);
    if (busy.has(f)) return undefined;
    busy.add(f);
    const loads = loadsOf.get(f) ?? [];
    const inds = loads.filter((r) => idx.has(r.rhs));
    if (inds.length) {
      const fixed = loads.find((r) => r.free === 0 && r.ustart !== null && r.ustart !== 0);
      if (pt.stdLv || !fixed) {
        // Variance 1: loadings ≈ sign(cov with first) · sqrt(average |covariance| with the others).
        const first = inds[0].rhs;
        for (const r of inds) {
          const others = inds.filter((o) => o.rhs !== r.rhs);
          let sum = 0;
          for (const o of others) sum += Math.abs(pcov(r.rhs, o.rhs, 1));
          const vr = pcov(r.rhs, r.rhs, 1);
          const avg = others.length ? sum / others.length : 0.5 * vr;
          const sign = r.rhs === first ? 1 : Math.sign(pcov(r.rhs, first, 1)) || 1;
          loadingGuess.set(`${f}=~${r.rhs}`, sign * Math.sqrt(Math.max(avg, 0.05 * vr, 1e-300)));
        }
        marker.set(f, { ind: first, lambda: loadingGuess.get(`${f}=~${first}`)! });
        lvVar.set(f, 1);
      } else {
        const lm = fixed.ustart!;
        const others = inds.filter((o) => o.rhs !== fixed.rhs);
        const vm = pcov(fixed.rhs, fixed.rhs, 1) / (lm * lm);
        let sum = 0;
        for (const o of others) sum += pcov(fixed.rhs, o.rhs, 1);
        let psi = others.length ? sum / others.length / (lm * lm) : 0.5 * vm;
        if (!(psi > 0.05 * vm)) psi = 0.05 * vm;
        if (psi > 0.95 * vm) psi = 0.95 * vm;
        if (!(psi > 0)) psi = 0.05;
        marker.set(f, { ind: fixed.rhs, lambda: lm });
        lvVar.set(f, psi);
        for (const o of others) loadingGuess.set(`${f}=~${o.rhs}`, pcov(fixed.rhs, o.rhs, 1) / (lm * psi));
      }
    }
    busy.delete(f);
    return lvVar.get(f);
  }
  for (const f of pt.vars.lv) factor(f);
  /** Residual variance of a factor that measures a higher-order factor: its variance minus the part explained. */
  const lvResidual = (h: string): number | undefined => {
    const up = pt.rows.find((r) => r.op === "=~" && r.rhs === h && lvSet.has(r.lhs));
    const vh = lvVar.get(h);
    if (!up || vh === undefined) return undefined;
    const lam = up.free === 0 && up.ustart !== null ? up.ustart : loadingGuess.get(`${up.lhs}=~${h}`) ?? 1;
    const vg = lvVar.get(up.lhs) ?? 0;
    return Math.max(vh - lam * lam * vg, 0.1 * vh);
  };
  const endogenousLv = new Set(pt.rows.filter((r) => r.op === "~").map((r) => r.lhs));
  for (const r of pt.rows) if (r.op === "=~" && !isOv(r.rhs)) endogenousLv.add(r.rhs);
  const endogenousOv = new Set(pt.rows.filter((r) => (r.op === "~" || r.op === "=~") && r.free + (r.ustart ?? 1) !== 0).map((r) => (r.op === "~" ? r.lhs : r.rhs)));

  for (const r of pt.rows) {
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
      else v = endogenousLv.has(r.lhs) ? (lvResidual(r.lhs) ?? 0.05) : lvVar.get(r.lhs) ?? 0.05;
    } else if (r.op === "~1") v = isOv(r.lhs) ? mean[idx.get(r.lhs)!] : 0;
    else v = 0;
    theta[k] = v;
    set[k] = 1;
    r.start = v;
  }
  for (const r of pt.rows) if (r.free > 0) r.start = theta[r.free - 1];
  return theta;
}
