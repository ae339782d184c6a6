/**
 * The fitted state shared by `SemFit` and its helpers (fit measures, standardisation, bootstrap,
 * modification indices): the parameter table, one RAM engine per group over the shared parameter
 * vector, the sample moments of each group, the estimates and their covariance matrix.
 *
 * `estimateModel` is the estimation stage of the pipeline (moments → RAM matrices → start values →
 * minimisation); cfa()/sem() and the bootstrap call it.
 */
import type { ParRow, ParTable } from "./partable";
import { minimize } from "./estimate";
import { buildRam, startValues, type ModelStructure } from "./model";
import type { SampleStats } from "./moments";
import type { ResolvedSemOptions } from "./options";
import { GroupedObjective, type SemObjective } from "./objective";
import { RamEngine, type SampleMoments } from "./ram";
import { FimlEngine } from "./fiml";
import type { H1Fiml, ScaledResult } from "./robust";
import { choleskyLogDet } from "../math/linalg";
import { mergeGroupValues, rowValues, standardizedValues, type StdType } from "./standardize";

/** One group of a fitted model. */
export interface GroupState {
  /** The group's name (lavaan's group.label); "" for a single-group model. */
  label: string;
  structure: ModelStructure;
  engine: RamEngine;
  sample: SampleStats;
  /** N_g (normal likelihood) or N_g − 1 (wishart): the multiplier of F_g in the χ² statistic. */
  nEff: number;
}

/** Internal state shared by the fit and its helpers (bootstrap, diagram, reliability). */
export interface SemState {
  syntax: string;
  pt: ParTable;
  groups: GroupState[];
  /** F(θ) over all groups (the single group's engine when there is one group). */
  objective: SemObjective;
  /** Group 1 (the only group of a single-group model). */
  structure: ModelStructure;
  engine: RamEngine;
  sample: SampleStats;
  theta: Float64Array;
  /** Covariance of the estimates; NaN-filled when not computed (se: "none", or not converged). */
  vcov: Float64Array;
  /** Σ_g nEff_g for χ²; N (or N − G with wishart) for the covariance of the estimates. */
  nEff: number;
  likelihood: "normal" | "wishart";
  f: number;
  iterations: number;
  converged: boolean;
  /** Largest scaled |gradient| at the end of the optimisation. */
  maxGrad: number;
  options: ResolvedSemOptions;
  kind: "cfa" | "sem";
  /** The group variable of a multiple-group fit of raw data. */
  groupVar?: string;
  /** The scaled test of a robust estimator (MLR, MLM). */
  scaled?: ScaledResult;
  /** se: "bootstrap": the bootstrap draws of θ (their covariance is `vcov`). */
  boot?: import("./bootstrap").BootDraws;
  /** Matrices computed once per fit and shared by the robust statistics (FIML's saturated-model information). */
  cache?: { h1?: H1Fiml[] };
}

/** Discrepancy moments for the chosen likelihood: S with divisor N (normal) or N − 1 (wishart). */
export function discrepancyMoments(sample: SampleStats, likelihood: "normal" | "wishart"): SampleMoments {
  const p = sample.names.length;
  const scale = likelihood === "wishart" ? 1 : (sample.n - 1) / sample.n;
  const S = new Float64Array(p * p);
  for (let k = 0; k < p * p; k++) S[k] = sample.covUnbiased[k] * scale;
  const L = Float64Array.from(S);
  const logdetS = choleskyLogDet(L, p);
  return { p, S, mean: sample.mean, logdetS };
}

/**
 * lavaan's weights of the groups in F = Σ w_g F_g: N_g / N (also with the Wishart likelihood,
 * whose χ² then multiplies F_g by N_g − 1).
 */
export function groupWeights(samples: SampleStats[]): number[] {
  const N = samples.reduce((s, g) => s + g.n, 0);
  return samples.map((g) => g.n / N);
}

export interface EstimatedModel {
  groups: { structure: ModelStructure; engine: RamEngine; moments: SampleMoments }[];
  objective: SemObjective;
  theta: Float64Array;
  f: number;
  iterations: number;
  converged: boolean;
  maxGrad: number;
  info?: Float64Array;
  /** Group 1. */
  structure: ModelStructure;
  engine: RamEngine;
  moments: SampleMoments;
}

/** Fits a parsed model to the sample statistics of each group (shared by cfa/sem and the bootstrap). */
export function estimateModel(
  pt: ParTable,
  sample: SampleStats | SampleStats[],
  options: Pick<ResolvedSemOptions, "likelihood" | "maxIter">,
  theta0?: Float64Array,
): EstimatedModel {
  const samples = Array.isArray(sample) ? sample : [sample];
  const groups = samples.map((s, g) => {
    const moments = discrepancyMoments(s, options.likelihood);
    const structure = buildRam(pt, moments.S, moments.mean, g + 1);
    const engine = s.missing ? new FimlEngine(structure.spec, moments, s.missing) : new RamEngine(structure.spec, moments);
    return { structure, engine, moments };
  });
  const objective: SemObjective =
    groups.length === 1
      ? groups[0].engine
      : new GroupedObjective(
          groups.map((g) => g.engine),
          groupWeights(samples),
        );
  const start =
    theta0 ??
    startValues(
      pt,
      groups.map((g) => ({ structure: g.structure, S: g.moments.S, mean: g.moments.mean })),
    );
  const opt = minimize(objective, start, { maxIter: options.maxIter });
  return {
    groups,
    objective,
    theta: opt.theta,
    f: opt.f,
    iterations: opt.iterations,
    converged: opt.converged,
    maxGrad: opt.maxGrad,
    info: opt.info,
    ...groups[0],
  };
}

/** Sample moments of one group the model reproduces (lavaan's df count: fixed.x moments excluded). */
export function momentCount(pt: ParTable): number {
  const p = pt.vars.ov.length;
  const kx = pt.fixedX ? pt.vars.ovX.length : 0;
  return (p * (p + 1)) / 2 - (kx * (kx + 1)) / 2 + (pt.meanstructure ? p - kx : 0);
}

/** Puts every group's engine at θ (implied moments and F computed). */
export function setAll(st: Pick<SemState, "objective">, theta: Float64Array): void {
  st.objective.setTheta(theta);
  st.objective.implied();
  st.objective.objective();
}

/** Values of every parameter-table row at the engines' current θ, defined parameters included. */
export function currentRowValues(st: Pick<SemState, "pt" | "groups">): Float64Array {
  if (st.groups.length === 1) return rowValues(st.pt.rows, st.groups[0].structure.rowCell, st.groups[0].engine);
  return mergeGroupValues(
    st.pt.rows,
    st.groups.map((g) => rowValues(st.pt.rows, g.structure.rowCell, g.engine, false)),
  );
}

/** Standardised values of every row at the engines' current θ. */
export function currentStdValues(st: Pick<SemState, "pt" | "groups">, type: StdType): Float64Array {
  const xIdx = (g: Pick<GroupState, "structure">) => st.pt.vars.ovX.map((v) => g.structure.names.indexOf(v));
  if (st.groups.length === 1) {
    const g = st.groups[0];
    return standardizedValues(st.pt.rows, g.structure.rowCell, g.engine, type, g.structure.p, true, xIdx(g));
  }
  return mergeGroupValues(
    st.pt.rows,
    st.groups.map((g) => standardizedValues(st.pt.rows, g.structure.rowCell, g.engine, type, g.structure.p, false, xIdx(g))),
  );
}

/** lavaan's name of a free parameter: its label, or lhs op rhs (".gN" added in group N ≥ 2). */
export function paramName(r: ParRow, withLabel = true): string {
  const base = `${r.lhs}${r.op}${r.rhs}${r.group > 1 ? `.g${r.group}` : ""}`;
  if (!withLabel || !r.label || r.label.startsWith(".p")) return base;
  return r.label;
}

/** Names of the free parameters in θ's order (the first row of each shared parameter). */
export function freeParamNames(pt: ParTable, describe = false): string[] {
  const names: string[] = new Array(pt.nFree);
  for (const r of pt.rows)
    if (r.free > 0 && names[r.free - 1] === undefined) {
      const base = `${r.lhs}${r.op}${r.rhs}${r.group > 1 ? `.g${r.group}` : ""}`;
      names[r.free - 1] = describe
        ? r.label
          ? `${r.lhs}${r.op}${r.rhs}${pt.ngroups > 1 ? ` (group ${r.group})` : ""} (${r.label})`
          : `${r.lhs}${r.op}${r.rhs}${pt.ngroups > 1 ? ` (group ${r.group})` : ""}`
        : r.label && !r.label.startsWith(".p")
          ? r.label
          : base;
    }
  return names;
}
