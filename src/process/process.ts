/**
 * `process()` — conditional process analysis as Hayes' PROCESS macro (v4) does it: a model number
 * selects a template of regression equations (see models.ts), each equation is fitted by OLS, and
 * effects are built from the coefficients — conditional effects with t-based intervals, indirect
 * effects with bootstrap (or Monte Carlo) intervals.
 *
 * Hayes, A. F. (2022). Introduction to Mediation, Moderation, and Conditional Process Analysis
 * (3rd ed.). Guilford. Appendix A documents the options reproduced here.
 */
import { PathlabError, type PathlabWarning } from "../errors";
import { numericColumns } from "../data/table-input";
import { codeTextFactors } from "../data/labels";
import { olsCore } from "../regression/ols-core";
import { pf, qt, twoSidedP_t, twoSidedP_z } from "../stats/distributions";
import { Rng } from "../simulate/rng";
import { bootstrapCoefficients, monteCarloCoefficients, rowMajor, type BootstrapDraws, type EngineEquation } from "./bootstrap";
import { compilePath, effectGradient, enumeratePaths, pathModerators, pathValue, type CompiledPath, type ModeratorValues } from "./effects";
import { bootInterval, johnsonNeymanRoots } from "./intervals";
import { expandTemplate, type Term } from "./models";
import { probeValues, type ProbeKind } from "./probe";
import { ProcessResult } from "./result";
import { processConfig } from "./options";
import { checkMemory } from "../resources";
import { progressBar } from "../display/notebook";
import type {
  Coefficient,
  ConditionalEffects,
  ConditionalRow,
  EffectRow,
  EquationResult,
  IndexRow,
  IndirectRow,
  InteractionTest,
  JohnsonNeyman,
  NormalTest,
  ProcessOptions,
} from "./types";

/** Resamples × rows above which the bootstrap shows a progress bar (about a second of work). */
const LONG_BOOTSTRAP = 2e7;

/**
 * Refuses, before any work, a resampling request whose draws cannot fit in memory: the coefficients
 * of every equation and every resampled quantity, B numbers each, plus the per-row products.
 */
function checkResamplingMemory(option: "boot" | "mc", B: number, stride: number, quantities: number, n: number, columns: number): void {
  if (B === 0) return;
  const perDraw = stride + quantities + 3; // coefficients, quantities, two SDs, a sort buffer
  const bytes = 8 * B * perDraw + 8 * n * columns * columns;
  const what = option === "mc" ? "Monte Carlo draws" : "bootstrap resamples";
  const largest = 8 * B * stride;
  // One Float64Array holds every draw's coefficients; a typed array cannot exceed 2³² bytes.
  const single = largest > 2 ** 32 ? `, in one array of ${(largest / 2 ** 30).toFixed(1)} GiB (a typed array holds at most 4 GiB)` : "";
  checkMemory(bytes, `${B.toLocaleString("en-US")} ${what} (${perDraw} numbers each${single})`, `Lower ${option}: PROCESS's default of 5000 is plenty for 95% intervals.`, largest);
}

/** Inverts a small symmetric positive-definite matrix (for Wald tests on a few coefficients). */
function solveSPD(A: number[][], b: number[]): number[] {
  const p = A.length;
  const L = A.map(() => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    let d = A[j][j];
    for (let k = 0; k < j; k++) d -= L[j][k] ** 2;
    if (!(d > 0)) return b.map(() => NaN);
    L[j][j] = Math.sqrt(d);
    for (let i = j + 1; i < p; i++) {
      let s = A[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      L[i][j] = s / L[j][j];
    }
  }
  const y = new Array<number>(p);
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i][k] * y[k];
    y[i] = s / L[i][i];
  }
  const x = new Array<number>(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < p; k++) s -= L[k][i] * x[k];
    x[i] = s / L[i][i];
  }
  return x;
}

/** Wald F = bᵀ V⁻¹ b / q on a subset of coefficients (PROCESS's test when hc is set). */
function waldF(coef: Float64Array, vcov: number[][], idx: number[]): number {
  const b = idx.map((i) => coef[i]);
  const V = idx.map((i) => idx.map((j) => vcov[i][j]));
  const x = solveSPD(V, b);
  let s = 0;
  for (let i = 0; i < b.length; i++) s += b[i] * x[i];
  return s / idx.length;
}

function quadForm(g: Float64Array, V: number[][]): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) {
    if (g[i] === 0) continue;
    for (let j = 0; j < g.length; j++) if (g[j] !== 0) s += g[i] * V[i][j] * g[j];
  }
  return s;
}

function dot(g: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i] * b[i];
  return s;
}

function mean(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s / a.length;
}

function sd(a: Float64Array): number {
  const m = mean(a);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - m) ** 2;
  return Math.sqrt(s / (a.length - 1));
}

function distinct(a: Float64Array): number[] {
  return Array.from(new Set(Array.from(a))).sort((x, y) => x - y);
}

interface FittedEquation {
  role: string;
  terms: Term[];
  columns: number[]; // master column indices, intercept first
  coef: Float64Array;
  vcov: number[][];
  df: number;
  result: EquationResult;
}

/**
 * Runs a PROCESS model. See `ProcessOptions` for the options (PROCESS's names and defaults).
 *
 * Equations: each mediator Mᵢ and Y regressed by OLS on the template's terms plus covariates;
 * conditional effects θ(W) = gᵀb with SE √(gᵀVg) and t(df_residual) intervals; indirect effects
 * as products of path effects with percentile (or bias-corrected) bootstrap intervals from B
 * resamples of the rows, or Monte Carlo intervals from draws of b ~ N(b̂, V̂).
 *
 * @example
 * process({ data: df, model: 4, x: "training", m: "engagement", y: "performance", cov: ["age"], boot: 5000, seed: 1 })
 */
export function process(options: ProcessOptions): ProcessResult {
  const cfg = processConfig(options);
  const { tpl, model, ms, covs, conf, mc, boot, seed, hc, center, covmy, intprobe, contrast } = cfg;
  const warnings: PathlabWarning[] = [...cfg.warnings];

  // ---- roles and variable checks -------------------------------------------------------------
  const [mMin, mMax] = tpl.mediators;
  if (ms.length < mMin || ms.length > mMax) {
    const want = mMax === 0 ? "no mediators (m)" : mMin === mMax ? `${mMin} mediator(s)` : `${mMin}–${mMax} mediators`;
    throw new PathlabError(`Model ${model} (${tpl.type.toLowerCase()}) takes ${want}; got ${ms.length}.`, {
      hint: mMax === 0 ? "Remove m, or choose a mediation model such as 4." : "Give m as a variable name or an array of names.",
      code: "process.bad-mediators",
    });
  }
  if (tpl.needsW && !cfg.w) throw new PathlabError(`Model ${model} needs a moderator w.`, { hint: "Add w: \"<moderator column>\".", code: "process.missing-moderator" });
  if (!tpl.needsW && cfg.w) throw new PathlabError(`Model ${model} has no moderator W, but w = "${cfg.w}" was given.`, { hint: "Remove w, or choose a model with a moderator (e.g. 1, 7, 14).", code: "process.unused-moderator" });
  if (tpl.needsZ && !cfg.z) throw new PathlabError(`Model ${model} needs a second moderator z.`, { hint: "Add z: \"<second moderator column>\".", code: "process.missing-moderator" });
  if (!tpl.needsZ && cfg.z) throw new PathlabError(`Model ${model} has no moderator Z, but z = "${cfg.z}" was given.`, { hint: "Remove z, or choose a model with two moderators (2, 3, 21).", code: "process.unused-moderator" });

  const roleName: Record<string, string> = { X: cfg.x, Y: cfg.y };
  if (cfg.w) roleName.W = cfg.w;
  if (cfg.z) roleName.Z = cfg.z;
  ms.forEach((m, i) => (roleName[`M${i + 1}`] = m));
  const seen = new Map<string, string>();
  const roleLabel = (r: string) => (r === "X" ? "x" : r === "Y" ? "y" : r === "W" ? "w" : r === "Z" ? "z" : `m (mediator ${r.slice(1)})`);
  for (const [r, name] of Object.entries(roleName)) {
    const prev = seen.get(name);
    if (prev !== undefined) {
      const isMX = (prev === "X" && r.startsWith("M")) || (r === "X" && prev.startsWith("M"));
      throw new PathlabError(
        isMX ? `The mediator "${name}" is also X: a variable cannot mediate its own effect.` : `"${name}" is given as both ${roleLabel(prev)} and ${roleLabel(r)}.`,
        { hint: "Each role (x, y, m, w, z) needs a different variable.", code: isMX ? "process.mediator-is-x" : "process.duplicate-role" },
      );
    }
    seen.set(name, r);
  }
  for (const c of covs) {
    if (seen.has(c)) throw new PathlabError(`Covariate "${c}" is also used as ${roleLabel(seen.get(c)!)}.`, { hint: "Remove it from cov.", code: "process.duplicate-role" });
  }
  if (new Set(covs).size !== covs.length) throw new PathlabError("A covariate is listed twice in cov.", { hint: "List each covariate once.", code: "process.duplicate-role" });

  const roles = Object.keys(roleName);
  const varNames = [...roles.map((r) => roleName[r]), ...covs];
  // Two-category text columns (e.g. gender read from a CSV) enter as 0/1, as R's factors; labels kept.
  const factors = codeTextFactors(options.data, varNames, roles.filter((r) => r === "X" || r === "W" || r === "Z").map((r) => roleName[r]).concat(covs), options.missing ?? []);
  const nc = numericColumns(factors.data, varNames, { missing: options.missing });
  const col: Record<string, Float64Array> = {};
  roles.forEach((r, i) => (col[r] = nc.columns[i]));
  covs.forEach((c, i) => (col[`C:${c}`] = nc.columns[roles.length + i]));
  const n = nc.n;

  // ---- equations ----------------------------------------------------------------------------
  const expanded = expandTemplate(tpl, ms.length);
  const covRoles = covs.map((c) => `C:${c}`);
  const eqSpecs = expanded.map((e) => {
    const withCov = tpl.mediators[1] === 0 || covmy === 0 || (covmy === 1 && e.outcome !== "Y") || (covmy === 2 && e.outcome === "Y");
    return { outcome: e.outcome, terms: [...e.terms, ...(withCov ? covRoles.map((c) => [c]) : [])] };
  });
  const pmax = Math.max(...eqSpecs.map((e) => e.terms.length + 1));
  if (n <= pmax)
    throw new PathlabError(`Too few complete rows: ${n} (of ${n + nc.dropped}) for a model with ${pmax} coefficients in one equation.`, {
      hint: nc.dropped > 0 ? `${nc.dropped} rows were dropped for missing values; check the missing-value codes.` : "Collect more data or simplify the model.",
      code: "process.too-few-rows",
    });

  for (const r of roles) {
    if (sd(col[r]) === 0 || distinct(col[r]).length < 2) {
      const what = r === "W" || r === "Z" ? "moderator" : r === "X" ? "focal antecedent x" : r === "Y" ? "outcome y" : "mediator";
      throw new PathlabError(`The ${what} "${roleName[r]}" is constant (${col[r][0]}) in the ${n} complete rows.`, {
        hint: "A variable that does not vary cannot have or change an effect; check the data or the missing-value codes.",
        code: r === "W" || r === "Z" ? "process.constant-moderator" : "process.constant-variable",
      });
    }
  }
  for (const c of covRoles)
    if (sd(col[c]) === 0)
      throw new PathlabError(`Covariate "${c.slice(2)}" is constant in the ${n} complete rows.`, { hint: "Remove it from cov.", code: "process.constant-variable" });

  const dichotomous = (r: string) => distinct(col[r]).length === 2;
  // Centering: variables that form products, all (1) or continuous only (2); done once, before resampling.
  const inProducts = new Set<string>();
  for (const e of eqSpecs) for (const t of e.terms) if (t.length > 1) t.forEach((f) => inProducts.add(f));
  const centered: string[] = [];
  const centerShift: Record<string, number> = {};
  if (center > 0) {
    for (const r of inProducts) {
      if (center === 2 && dichotomous(r)) continue;
      const m = mean(col[r]);
      centerShift[r] = m;
      col[r] = col[r].map((v) => v - m);
      centered.push(roleName[r] ?? r.slice(2));
    }
  }

  // Master matrix: intercept, variables, then one column per distinct product.
  const master: Float64Array[] = [new Float64Array(n).fill(1)];
  const colIndex = new Map<string, number>();
  const addColumn = (key: string, values: Float64Array) => {
    colIndex.set(key, master.length);
    master.push(values);
  };
  for (const r of [...roles, ...covRoles]) addColumn(r, col[r]);
  for (const e of eqSpecs)
    for (const t of e.terms) {
      if (t.length < 2) continue;
      const key = t.join("*");
      if (colIndex.has(key)) continue;
      const v = new Float64Array(n).fill(1);
      for (const f of t) {
        const c = col[f];
        for (let i = 0; i < n; i++) v[i] *= c[i];
      }
      addColumn(key, v);
    }

  const displayName = (r: string) => roleName[r] ?? (r.startsWith("C:") ? r.slice(2) : r);
  const tcrit = (df: number) => qt((100 - conf) / 200, df, false);

  // Probe values of the moderators.
  const wVals = cfg.w ? probeValues(col.W, cfg.wmodval, cfg.moments, roleName.W) : undefined;
  const zVals = cfg.z ? probeValues(col.Z, cfg.zmodval, cfg.moments, roleName.Z) : undefined;
  const probeOf: Record<string, number[]> = {};
  if (wVals) probeOf.W = wVals.values;
  if (zVals) probeOf.Z = zVals.values;
  for (const pv of [wVals, zVals]) if (pv?.note) warnings.push({ code: "process.probe-range", message: pv.note });

  const grid = (mods: string[]): ModeratorValues[] => {
    let out: ModeratorValues[] = [{}];
    for (const m of mods) {
      const next: ModeratorValues[] = [];
      for (const o of out) for (const v of probeOf[m]) next.push({ ...o, [m]: v });
      out = next;
    }
    return out;
  };

  // ---- fit each equation ---------------------------------------------------------------------
  const fitted: FittedEquation[] = [];
  for (const spec of eqSpecs) {
    const columns = [0, ...spec.terms.map((t) => colIndex.get(t.join("*"))!)];
    const X = columns.map((c) => master[c]);
    let intCount = 0;
    const productKey: { label: string; factors: string[] }[] = [];
    const termNames = spec.terms.map((t) => {
      if (t.length === 1) return displayName(t[0]);
      const label = `Int_${++intCount}`;
      productKey.push({ label, factors: t.map(displayName) });
      return label;
    });
    const names = ["constant", ...termNames];
    const yv = col[spec.outcome];
    const fit = olsCore(X, yv, { hc, names });
    const df = fit.df;
    const tc = tcrit(df);
    const coefficients: Coefficient[] = names.map((term, i) => {
      const se = fit.se[i];
      const t = fit.coef[i] / se;
      return { term, coeff: fit.coef[i], se, t, p: twoSidedP_t(t, df), llci: fit.coef[i] - tc * se, ulci: fit.coef[i] + tc * se };
    });
    const k = spec.terms.length;
    const slopeIdx = Array.from({ length: k }, (_, i) => i + 1);
    const F = hc ? waldF(fit.coef, fit.vcov, slopeIdx) : fit.r2 / k / ((1 - fit.r2) / df);
    const summary = { R: Math.sqrt(fit.r2), r2: fit.r2, mse: fit.rss / df, F, df1: k, df2: df, p: pf(F, k, df, false) };

    // Highest-order unconditional interaction(s): ΔR² from dropping the product(s); F from ΔR²
    // (OLS) or the Wald test with the HC covariance matrix (PROCESS does the same when hc is set).
    const interactionTests: InteractionTest[] = [];
    const maxOrder = Math.max(...spec.terms.map((t) => t.length));
    const testSets: { label: string; idx: number[] }[] = [];
    if (maxOrder > 1) {
      spec.terms.forEach((t, i) => {
        if (t.length === maxOrder) testSets.push({ label: t.map((f) => (f.startsWith("C:") ? f.slice(2) : f)).join("*"), idx: [i + 1] });
      });
      if (model === 2 && spec.outcome === "Y") testSets.push({ label: "BOTH", idx: testSets.map((s) => s.idx[0]) });
    }
    for (const ts of testSets) {
      const keep = columns.filter((_, j) => !ts.idx.includes(j));
      const red = olsCore(keep.map((c) => master[c]), yv, { names: names.filter((_, j) => !ts.idx.includes(j)) });
      const r2chng = fit.r2 - red.r2;
      const q = ts.idx.length;
      const Fi = hc ? waldF(fit.coef, fit.vcov, ts.idx) : r2chng / q / ((1 - fit.r2) / df);
      interactionTests.push({ label: ts.label, r2chng, F: Fi, df1: q, df2: df, p: pf(Fi, q, df, false) });
    }

    // Conditional effects of each focal predictor (X or a mediator) involved in a product.
    const conditional: ConditionalEffects[] = [];
    const effEq = { outcome: spec.outcome, terms: spec.terms };
    const focals: string[] = [];
    for (const t of spec.terms)
      if (t.length > 1) {
        const f = t.find((v) => v === "X" || v.startsWith("M"));
        if (f && !focals.includes(f)) focals.push(f);
      }
    for (const f of focals) {
      const mods = Array.from(new Set(spec.terms.filter((t) => t.length > 1 && t.includes(f)).flatMap((t) => t.filter((v) => v !== f))));
      mods.sort();
      const relevant = interactionTests.filter((it) => it.label === "BOTH" || it.label.split("*").includes(f));
      const pInt = relevant.length ? (relevant.find((r) => r.label === "BOTH")?.p ?? Math.min(...relevant.map((r) => r.p))) : 0;
      const rows: ConditionalRow[] = grid(mods).map((at) => {
        const g = effectGradient(effEq, f, at);
        const est = dot(g, fit.coef);
        const se = Math.sqrt(quadForm(g, fit.vcov));
        const t = est / se;
        return { at, effect: est, se, t, p: twoSidedP_t(t, df), llci: est - tc * se, ulci: est + tc * se };
      });
      conditional.push({ focal: f, focalName: displayName(f), moderators: mods, moderatorNames: mods.map(displayName), probed: pInt < intprobe, kind: "effect", rows });
    }
    // Model 3: the X×W interaction conditional on Z.
    if (model === 3) {
      const iXW = spec.terms.findIndex((t) => t.length === 2 && t.includes("X") && t.includes("W")) + 1;
      const iXWZ = spec.terms.findIndex((t) => t.length === 3) + 1;
      const rows: ConditionalRow[] = probeOf.Z.map((zv) => {
        const g = new Float64Array(spec.terms.length + 1);
        g[iXW] = 1;
        g[iXWZ] = zv;
        const est = dot(g, fit.coef);
        const se = Math.sqrt(quadForm(g, fit.vcov));
        const t = est / se;
        return { at: { Z: zv }, effect: est, se, t, p: twoSidedP_t(t, df), llci: est - tc * se, ulci: est + tc * se };
      });
      conditional.unshift({ focal: "X*W", focalName: `${roleName.X}*${roleName.W}`, moderators: ["Z"], moderatorNames: [roleName.Z], probed: interactionTests[0].p < intprobe, kind: "interaction", rows });
    }

    // Johnson–Neyman (models 1 and 3).
    let jn: JohnsonNeyman | undefined;
    if (cfg.jn && spec.outcome === "Y" && (model === 1 || model === 3)) {
      const modRole = model === 1 ? "W" : "Z";
      const i0 = model === 1 ? spec.terms.findIndex((t) => t.length === 1 && t[0] === "X") + 1 : spec.terms.findIndex((t) => t.length === 2 && t.includes("X") && t.includes("W")) + 1;
      const i1 = model === 1 ? spec.terms.findIndex((t) => t.length === 2) + 1 : spec.terms.findIndex((t) => t.length === 3) + 1;
      const line = {
        e0: fit.coef[i0],
        e1: fit.coef[i1],
        v00: fit.vcov[i0][i0],
        v01: fit.vcov[i0][i1],
        v11: fit.vcov[i1][i1],
        df,
        tcrit: tc,
        min: Math.min(...col[modRole]),
        max: Math.max(...col[modRole]),
      };
      const roots = johnsonNeymanRoots(line.e0, line.e1, line.v00, line.v01, line.v11, tc).filter((r) => r >= line.min && r <= line.max);
      const mv = col[modRole];
      const points = roots.map((value) => {
        let below = 0,
          above = 0;
        for (let i = 0; i < n; i++) {
          if (mv[i] < value) below++;
          else if (mv[i] > value) above++;
        }
        return { value, pctBelow: (100 * below) / n, pctAbove: (100 * above) / n };
      });
      const values: number[] = [];
      for (let i = 0; i <= 20; i++) values.push(line.min + ((line.max - line.min) * i) / 20);
      values.push(...roots);
      values.sort((a, b) => a - b);
      const table: ConditionalRow[] = values.map((v) => {
        const est = line.e0 + v * line.e1;
        const se = Math.sqrt(line.v00 + 2 * v * line.v01 + v * v * line.v11);
        const t = est / se;
        return { at: { [modRole]: v }, effect: est, se, t, p: twoSidedP_t(t, df), llci: est - tc * se, ulci: est + tc * se };
      });
      jn = { moderator: modRole, moderatorName: roleName[modRole], points, table, line, kind: model === 1 ? "effect" : "interaction" };
    }

    const result: EquationResult = {
      role: spec.outcome,
      outcome: displayName(spec.outcome),
      terms: spec.terms,
      summary,
      coefficients,
      productKey,
      interactionTests,
      conditional,
      jn,
      vcov: fit.vcov,
    };
    fitted.push({ role: spec.outcome, terms: spec.terms, columns, coef: fit.coef, vcov: fit.vcov, df, result });
  }

  // ---- mediation: total, direct, indirect effects -------------------------------------------
  const effEqs = fitted.map((f) => ({ outcome: f.role, terms: f.terms }));
  const offsets: number[] = [];
  let stride = 0;
  for (const f of fitted) {
    offsets.push(stride);
    stride += f.coef.length;
  }
  const point = new Float64Array(stride);
  fitted.forEach((f, e) => point.set(f.coef, offsets[e]));
  const yFit = fitted[fitted.length - 1];
  const isMediation = ms.length > 0;
  const unmoderated = model === 4 || model === 6;
  const sdX = sd(col.X);
  const sdY = sd(col.Y);
  const xDichotomous = dichotomous("X");

  let totalEffectModel: EquationResult | undefined;
  let totalEffect: EffectRow | undefined;
  const directEffects: EffectRow[] = [];
  const indirect: IndirectRow[] = [];
  const indices: IndexRow[] = [];
  const standardized: { label: string; kind: "partially" | "completely"; rows: IndirectRow[] }[] = [];
  const normalTests: NormalTest[] = [];
  const contrastKey: { label: string; text: string }[] = [];
  const draws = new Map<string, Float64Array>();
  let bootDraws: BootstrapDraws | undefined;
  let resampling: "bootstrap" | "monte carlo" | "none" = "none";
  let compiled: CompiledPath[] = [];
  let indirectPaths: CompiledPath[] = [];
  const ciMethod = cfg.bc && mc === 0 ? "bias-corrected" : "percentile";

  if (isMediation) {
    const yTerms = yFit.terms;
    // Total effect model (4 and 6): Y on X and the covariates that enter the Y equation.
    if (unmoderated) {
      const tTerms: Term[] = [["X"], ...yTerms.filter((t) => t[0].startsWith("C:"))];
      const columns = [0, ...tTerms.map((t) => colIndex.get(t[0])!)];
      const names = ["constant", ...tTerms.map((t) => displayName(t[0]))];
      const fit = olsCore(columns.map((c) => master[c]), col.Y, { hc, names });
      const df = fit.df;
      const tc = tcrit(df);
      const k = tTerms.length;
      const F = hc ? waldF(fit.coef, fit.vcov, Array.from({ length: k }, (_, i) => i + 1)) : fit.r2 / k / ((1 - fit.r2) / df);
      const coefficients = names.map((term, i) => {
        const se = fit.se[i];
        const t = fit.coef[i] / se;
        return { term, coeff: fit.coef[i], se, t, p: twoSidedP_t(t, df), llci: fit.coef[i] - tc * se, ulci: fit.coef[i] + tc * se };
      });
      totalEffectModel = {
        role: "Y",
        outcome: roleName.Y,
        terms: tTerms,
        summary: { R: Math.sqrt(fit.r2), r2: fit.r2, mse: fit.rss / df, F, df1: k, df2: df, p: pf(F, k, df, false) },
        coefficients,
        productKey: [],
        interactionTests: [],
        conditional: [],
        vcov: fit.vcov,
      };
      const c = coefficients[1];
      totalEffect = { label: "Total effect", at: {}, effect: c.coeff, se: c.se, t: c.t, p: c.p, llci: c.llci, ulci: c.ulci };
    }

    // Direct effect of X: derivative of the Y equation w.r.t. X, conditional on W where X*W is in it.
    const yEq = effEqs[effEqs.length - 1];
    const xMods = Array.from(new Set(yTerms.filter((t) => t.length > 1 && t.includes("X")).flatMap((t) => t.filter((v) => v !== "X"))));
    const tcY = tcrit(yFit.df);
    for (const at of grid(xMods)) {
      const g = effectGradient(yEq, "X", at);
      const est = dot(g, yFit.coef);
      const se = Math.sqrt(quadForm(g, yFit.vcov));
      const t = est / se;
      directEffects.push({ label: "Direct effect", at, effect: est, se, t, p: twoSidedP_t(t, yFit.df), llci: est - tcY * se, ulci: est + tcY * se });
    }

    // Indirect paths and the quantities to resample.
    const paths = enumeratePaths(effEqs).filter((p) => p.length > 2);
    compiled = paths.map((p) => compilePath(p, effEqs, offsets));
    indirectPaths = compiled;
    const pathLabel = (cp: CompiledPath, i: number) =>
      model === 6 ? `Ind${i + 1}` : displayName(cp.path[1]);
    type Quantity = { key: string; estimate: number; fn: (c: Float64Array, base: number, s: Float64Array, sb: number) => number };
    const quantities: Quantity[] = [];
    const sdCols = [colIndex.get("X")!, colIndex.get("Y")!];
    compiled.forEach((cp, i) => {
      const mods = pathModerators(cp).sort();
      for (const at of grid(mods)) {
        const key = `ind:${i}:${JSON.stringify(at)}`;
        quantities.push({ key, estimate: pathValue(cp, point, 0, at), fn: (c, b) => pathValue(cp, c, b, at) });
        indirect.push({ label: pathLabel(cp, i), path: cp.path, at, effect: pathValue(cp, point, 0, at), key });
      }
    });
    const unmodPaths = compiled.every((cp) => pathModerators(cp).length === 0);
    if (unmodPaths && compiled.length > 1) {
      const fnTot = (c: Float64Array, b: number) => compiled.reduce((s, cp) => s + pathValue(cp, c, b, {}), 0);
      const est = fnTot(point, 0);
      quantities.push({ key: "ind:total", estimate: est, fn: fnTot });
      indirect.unshift({ label: "TOTAL", at: {}, effect: est, key: "ind:total" });
      if (contrast > 0) {
        let ci = 0;
        for (let i = 0; i < compiled.length; i++)
          for (let j = i + 1; j < compiled.length; j++) {
            const a = compiled[i],
              bcp = compiled[j];
            const fn =
              contrast === 1
                ? (c: Float64Array, b: number) => pathValue(a, c, b, {}) - pathValue(bcp, c, b, {})
                : (c: Float64Array, b: number) => Math.abs(pathValue(a, c, b, {})) - Math.abs(pathValue(bcp, c, b, {}));
            const label = `(C${++ci})`;
            const key = `contrast:${ci}`;
            quantities.push({ key, estimate: fn(point, 0), fn });
            indirect.push({ label, at: {}, effect: fn(point, 0), key });
            contrastKey.push({ label, text: contrast === 1 ? `${pathLabel(a, i)} minus ${pathLabel(bcp, j)}` : `|${pathLabel(a, i)}| minus |${pathLabel(bcp, j)}|` });
          }
      }
    }
    if (unmoderated && cfg.stand) {
      const base = indirect.filter((r) => !r.label.startsWith("(C"));
      const kinds: ("partially" | "completely")[] = xDichotomous ? ["partially"] : ["partially", "completely"];
      for (const kind of kinds) {
        const rows: IndirectRow[] = [];
        for (const r of base) {
          const q = quantities.find((x) => x.key === r.key)!;
          const key = `${kind}:${r.key}`;
          const fn =
            kind === "partially"
              ? (c: Float64Array, b: number, s: Float64Array, sb: number) => q.fn(c, b, s, sb) / s[sb + 1]
              : (c: Float64Array, b: number, s: Float64Array, sb: number) => (q.fn(c, b, s, sb) * s[sb]) / s[sb + 1];
          const est = kind === "partially" ? r.effect / sdY : (r.effect * sdX) / sdY;
          quantities.push({ key, estimate: est, fn });
          rows.push({ label: r.label, path: r.path, at: {}, effect: est, key });
        }
        standardized.push({ label: kind === "partially" ? "Partially standardized indirect effect(s) of X on Y" : "Completely standardized indirect effect(s) of X on Y", kind, rows });
      }
    }
    // Index of moderated mediation: the slope of a path's indirect effect in a moderator that
    // enters exactly one of its edges (linear in that moderator), conditional on any other moderator.
    compiled.forEach((cp, i) => {
      for (const v of pathModerators(cp).sort()) {
        const edgesWith = cp.moderatorsByEdge.filter((m) => m.includes(v)).length;
        const others = pathModerators(cp).filter((o) => o !== v).sort();
        if (edgesWith === 1) {
          for (const at of grid(others)) {
            const fn = (c: Float64Array, b: number) => pathValue(cp, c, b, { ...at, [v]: 1 }) - pathValue(cp, c, b, { ...at, [v]: 0 });
            const key = `index:${i}:${v}:${JSON.stringify(at)}`;
            quantities.push({ key, estimate: fn(point, 0), fn });
            indices.push({ label: pathLabel(cp, i), moderator: v, at, index: fn(point, 0), key });
          }
        } else if (dichotomous(v) && others.length === 0) {
          const [lo, hi] = distinct(col[v]);
          const fn = (c: Float64Array, b: number) => pathValue(cp, c, b, { [v]: hi }) - pathValue(cp, c, b, { [v]: lo });
          const key = `index:${i}:${v}:diff`;
          quantities.push({ key, estimate: fn(point, 0), fn });
          indices.push({ label: pathLabel(cp, i), moderator: v, at: {}, index: fn(point, 0), key });
        }
      }
    });

    // Normal-theory tests (model 4): Sobel (1982) first-order and Aroian (1947) second-order SEs.
    if (cfg.normal && model === 4) {
      compiled.forEach((cp) => {
        const mEq = fitted.find((f) => f.role === cp.path[1])!;
        const ia = mEq.terms.findIndex((t) => t.length === 1 && t[0] === "X") + 1;
        const ib = yFit.terms.findIndex((t) => t.length === 1 && t[0] === cp.path[1]) + 1;
        const a = mEq.coef[ia],
          sa2 = mEq.vcov[ia][ia];
        const b = yFit.coef[ib],
          sb2 = yFit.vcov[ib][ib];
        const ab = a * b;
        const sobelSE = Math.sqrt(a * a * sb2 + b * b * sa2);
        const aroianSE = Math.sqrt(a * a * sb2 + b * b * sa2 + sa2 * sb2);
        normalTests.push({
          label: displayName(cp.path[1]),
          effect: ab,
          sobelSE,
          sobelZ: ab / sobelSE,
          sobelP: twoSidedP_z(ab / sobelSE),
          aroianSE,
          aroianZ: ab / aroianSE,
          aroianP: twoSidedP_z(ab / aroianSE),
        });
      });
    }

    // Resampling.
    const gen = new Rng(seed);
    checkResamplingMemory(mc > 0 ? "mc" : "boot", mc > 0 ? mc : boot, stride, quantities.length, n, master.length);
    if (mc > 0) {
      resampling = "monte carlo";
      bootDraws = monteCarloCoefficients(fitted.map((f) => ({ coef: f.coef, vcov: f.vcov })), mc, gen, [sdX, sdY]);
    } else if (boot > 0) {
      resampling = "bootstrap";
      const engineEqs: EngineEquation[] = fitted.map((f) => ({ predictors: f.columns, outcome: colIndex.get(f.role)! }));
      const z = rowMajor(master);
      // A long bootstrap shows a progress bar in a notebook unless the caller draws its own.
      const bar = !options.onProgress && boot * n >= LONG_BOOTSTRAP ? progressBar(boot, `Bootstrap (PROCESS model ${model}, ${boot} resamples)`) : undefined;
      const onProgress = options.onProgress ?? (bar ? (done: number) => bar.update(done) : undefined);
      bootDraws = bootstrapCoefficients(z, n, master.length, engineEqs, boot, gen, { onProgress, sdColumns: sdCols, threads: options.threads });
      bar?.finish();
      if (bootDraws.replaced > 0)
        warnings.push({ code: "process.bootstrap-replaced", message: `${bootDraws.replaced} bootstrap resample(s) had a singular design matrix and were replaced.` });
    }
    if (bootDraws) {
      const B = bootDraws.B;
      for (const q of quantities) {
        const v = new Float64Array(B);
        for (let b = 0; b < B; b++) v[b] = q.fn(bootDraws.coefs, b * bootDraws.stride, bootDraws.sds, b * 2);
        draws.set(q.key, v);
      }
      const fill = (r: { key: string; bootSE?: number; llci?: number; ulci?: number }, est: number) => {
        const ci = bootInterval(draws.get(r.key)!, conf, est, ciMethod === "bias-corrected");
        r.bootSE = ci.se;
        r.llci = ci.lower;
        r.ulci = ci.upper;
      };
      for (const r of indirect) fill(r, r.effect);
      for (const s of standardized) for (const r of s.rows) fill(r, r.effect);
      for (const r of indices) fill(r, r.index);
      const small = (mc > 0 ? mc : boot) < 1000;
      if (small && conf >= 95)
        warnings.push({
          code: "process.few-resamples",
          message: `Only ${B} ${mc > 0 ? "Monte Carlo draws" : "bootstrap resamples"} for ${conf}% ${ciMethod} intervals: the interval bounds rest on about ${Math.round((B * (100 - conf)) / 200)} values in each tail. Use at least 5000.`,
        });
    }
  }

  return new ProcessResult({
    model,
    modelType: tpl.type,
    roleName,
    covariates: covs,
    n,
    dropped: nc.dropped,
    conf,
    hc,
    seed,
    boot: resampling === "bootstrap" ? boot : 0,
    mc: resampling === "monte carlo" ? mc : 0,
    ciMethod,
    centered,
    probeKinds: { ...(wVals ? { W: wVals.kind } : {}), ...(zVals ? { Z: zVals.kind } : {}) } as Record<string, ProbeKind>,
    probeValues: probeOf,
    intprobe,
    equations: fitted.map((f) => f.result),
    totalEffectModel,
    showTotalModel: cfg.total,
    totalEffect,
    directEffects,
    indirect,
    indirectPaths,
    contrastKey,
    standardized,
    normalTests,
    indices,
    draws,
    bootDraws,
    warnings,
    stand: cfg.stand,
    sdX,
    sdY,
    // Labels of the variables' values (by role), for tables and figures; the shift undoes centring.
    valueLabels: Object.fromEntries(Object.keys(col).map((r) => [r, factors.labels[roleName[r] ?? r.slice(2)]]).filter(([, l]) => l)),
    centerShift,
    codedFactors: factors.coded,
    // What the figures need to recompute predictions.
    columns: col,
    master,
    colIndex,
  });
}
