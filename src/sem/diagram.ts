/**
 * Path diagram of a fitted model: latent variables as ellipses with their indicators beside them,
 * observed variables as boxes, one-headed arrows for loadings and regressions, two-headed lines for
 * covariances, each labelled with its estimate (std.all by default, as papers report). Laid out by
 * the layered graph layout of `display/diagram.ts`: exogenous variables in the first column, effects
 * flowing left to right.
 *
 * Covariates (observed exogenous variables of a model with latent variables, or those named in
 * `covariateVars`) can be drawn one by one, grouped in one box with their estimates in the note, or
 * left out of the drawing and reported in the note only — as papers do. Whatever the drawing leaves
 * out (cross-loadings, residual covariances across factors, covariates' paths) is listed in the note,
 * so no estimate of the model disappears silently.
 *
 * Covariances among exogenous observed variables that lavaan fixes at their sample values (fixed.x,
 * `exo = 1`) are not estimates and are not drawn, as in published diagrams.
 *
 * Stars come from the Wald test of the unstandardised estimate (lavaan's `pvalue` in
 * parameterEstimates), the test papers report next to standardised values.
 *
 * @example
 * fit.diagram();                                            // std.all, stars, R², covariates grouped if ≥ 3
 * fit.diagram({ values: "est", covariates: "hide", grayscale: true });
 */
import { drawDiagram, type DiagramEdge, type DiagramNode, type DiagramSpec, type Figure } from "../display";
import { stars as starsOf } from "../display/format";
import { checkOptions } from "../options";
import type { SemFit } from "./fit";
import { PerGroup, type EstimateRow, type RSquare, type StandardizedRow } from "./results";

export interface DiagramOptions {
  /** "std.all" (default), "std.lv" or "est" (unstandardised). */
  values?: "std.all" | "std.lv" | "est";
  /** Decimals of the values (default 2). */
  digits?: number;
  title?: string;
  /** Draw residual covariances between indicators (default true). */
  residualCovariances?: boolean;
  /** Covariates drawn one by one ("show"), as one box ("group") or only in the note ("hide"). Default: "group" for 3 or more, else "show". */
  covariates?: "show" | "group" | "hide";
  /** Which variables are covariates (default: observed exogenous variables when the model has latent variables). */
  covariateVars?: string[];
  /** Significance stars on the values (default true). */
  stars?: boolean;
  /** R² inside endogenous variables (default true). */
  rsquare?: boolean;
  /** Black, greys and white only, for print (default: the figure theme's setting). */
  grayscale?: boolean;
  /** Names to show instead of variable names, e.g. { re: "Resources" }. */
  labels?: Record<string, string>;
  /** Widest the figure may be in px before it is scaled down (default 1100). */
  maxWidth?: number;
  /** The group to draw (label or 1-based number); required for a multiple-group fit. */
  group?: number | string;
}

const stringArray = (v: unknown) => (Array.isArray(v) && v.every((x) => typeof x === "string") ? undefined : "must be an array of variable names.");

export const DIAGRAM_OPTION_SPECS = {
  values: {
    kind: "enum",
    values: ["std.all", "std.lv", "est"],
    caseInsensitive: true,
    valueAliases: { standardized: "std.all", std: "std.all", unstandardized: "est", unstandardised: "est", raw: "est" },
    aliases: ["what", "whatLabels"],
  },
  digits: { kind: "number", integer: true, min: 0, max: 4 },
  title: { kind: "string" },
  residualCovariances: { kind: "boolean", aliases: ["residual.covariances"] },
  covariates: { kind: "enum", values: ["show", "group", "hide"], caseInsensitive: true, valueAliases: { note: "hide", summarise: "hide", summarize: "hide" } },
  covariateVars: { kind: "custom", check: stringArray, expected: 'e.g. { covariateVars: ["age", "size"] }', aliases: ["covariate.vars"] },
  stars: { kind: "boolean" },
  rsquare: { kind: "boolean", aliases: ["r2", "rsquared"] },
  grayscale: { kind: "boolean", aliases: ["greyscale"] },
  labels: {
    kind: "custom",
    check: (v: unknown) =>
      v !== null && typeof v === "object" && !Array.isArray(v) && Object.values(v as object).every((x) => typeof x === "string")
        ? undefined
        : "must map variable names to display names.",
    expected: '{ re: "Resources" }',
    aliases: ["nodeLabels"],
  },
  maxWidth: { kind: "number", min: 200, max: 10000 },
  group: {
    kind: "custom",
    check: (v: unknown) => (typeof v === "number" || typeof v === "string" ? undefined : "must be a group number or label."),
    expected: 'e.g. { group: "female" }',
  },
} as const;

/** Value as papers print it: fixed decimals, a true minus, no leading zero for standardised values. */
export function diagramNumber(v: number, digits: number, dropZero: boolean): string {
  if (!Number.isFinite(v)) return "";
  let s = v.toFixed(digits);
  if (/^-0\.?0*$/.test(s)) s = s.slice(1);
  if (dropZero) s = s.replace(/^(-?)0\./, "$1.");
  return s.replace("-", "−");
}

interface Model {
  lv: string[];
  indicators: Map<string, string[]>;
  structural: string[];
  covariates: string[];
}

/** Which variables are factors, indicators (drawn beside their factor), structural, covariates. */
function modelParts(fit: SemFit, pe: EstimateRow[], covariateVars?: string[]): { m: Model; notes: string[] } {
  const lv = fit.lv;
  const regressionVars = new Set(pe.filter((r) => r.op === "~").flatMap((r) => [r.lhs, r.rhs]));
  const indicators = new Map<string, string[]>();
  const owner = new Map<string, string>();
  const notes: string[] = [];
  for (const r of pe.filter((x) => x.op === "=~" && !lv.includes(x.rhs) && !regressionVars.has(x.rhs))) {
    if (owner.has(r.rhs)) continue;
    owner.set(r.rhs, r.lhs);
    indicators.set(r.lhs, [...(indicators.get(r.lhs) ?? []), r.rhs]);
  }
  const structural = [...lv, ...fit.ov.filter((v) => !owner.has(v))];
  const endogenous = new Set(pe.filter((r) => r.op === "~").map((r) => r.lhs));
  for (const r of pe) if (r.op === "=~" && structural.includes(r.rhs)) endogenous.add(r.rhs);
  let covariates = covariateVars ?? (lv.length ? fit.ov.filter((v) => !owner.has(v) && !endogenous.has(v) && regressionVars.has(v)) : []);
  const unknown = covariates.filter((c) => !structural.includes(c));
  if (covariateVars && unknown.length) notes.push(`Not covariates of this model (ignored in covariateVars): ${unknown.join(", ")}.`);
  covariates = covariates.filter((c) => structural.includes(c) && !endogenous.has(c));
  return { m: { lv, indicators, structural, covariates }, notes };
}

/** Path diagram of a fitted SEM/CFA (see the module comment for what is drawn and the options). */
export function pathDiagram(fit: SemFit, options: DiagramOptions = {}): Figure {
  return drawDiagram(diagramSpec(fit, options));
}

/** What `pathDiagram` draws, as data (nodes, edges with their value labels, notes, title). */
export function diagramSpec(fit: SemFit, options: DiagramOptions = {}): DiagramSpec {
  const opts = checkOptions<DiagramOptions>("diagram", options, DIAGRAM_OPTION_SPECS as never);
  const digits = opts.digits ?? 2;
  const kind = opts.values ?? "std.all";
  const withStars = opts.stars ?? true;
  // One group (1-based; SemFit.diagram resolves a label to its number): its rows and its R².
  const g = typeof opts.group === "number" ? opts.group : opts.group === undefined ? 1 : fit.groupLabels.indexOf(opts.group) + 1;
  const multi = fit.ngroups > 1;
  const pe = (fit.parameterEstimates().rows as EstimateRow[]).filter((r) => r.group === g);
  const std = kind === "est" ? [] : (fit.standardizedSolution({ type: kind }).rows as StandardizedRow[]).filter((r) => r.group === g);
  const name = (v: string) => opts.labels?.[v] ?? v;
  const find = (lhs: string, op: string, rhs: string) => pe.find((x) => x.lhs === lhs && x.op === op && x.rhs === rhs);
  const valueOfRow = (r: EstimateRow): string => {
    const v = kind === "est" ? r.est : (std.find((x) => x.lhs === r.lhs && x.op === r.op && x.rhs === r.rhs)?.est_std ?? NaN);
    const free = r.free > 0 && Number.isFinite(r.se) && r.se > 0;
    return diagramNumber(v, digits, kind !== "est") + (withStars && free ? starsOf(r.pvalue) : "");
  };
  const { m, notes: partNotes } = modelParts(fit, pe, opts.covariateVars);
  const mode = opts.covariates ?? (m.covariates.length >= 3 ? "group" : "show");
  const hidden = new Set(mode === "show" ? [] : m.covariates);
  const r2Of = fit.inspect("rsquare");
  const r2 = ((r2Of instanceof PerGroup ? r2Of.items[g - 1] : r2Of) as RSquare).values;
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const notes: string[] = [...partNotes];
  const residual = opts.residualCovariances ?? true;
  const endogenous = new Set([
    ...pe.filter((r) => r.op === "~").map((r) => r.lhs),
    ...pe.filter((r) => r.op === "=~" && m.structural.includes(r.rhs)).map((r) => r.rhs),
  ]);
  const owner = new Map<string, string>();
  for (const [f, inds] of m.indicators) for (const i of inds) owner.set(i, f);

  for (const v of m.structural) {
    if (hidden.has(v)) continue;
    const latent = m.lv.includes(v);
    const lines = [name(v)];
    if ((opts.rsquare ?? true) && endogenous.has(v) && Number.isFinite(r2[v])) lines.push(`R² = ${diagramNumber(r2[v], digits, true)}`);
    const inds = m.indicators.get(v) ?? [];
    const indCovs = residual
      ? pe
          .filter((r) => r.op === "~~" && r.lhs !== r.rhs && owner.get(r.lhs) === v && owner.get(r.rhs) === v)
          .map((r) => ({ a: r.lhs, b: r.rhs, label: valueOfRow(r) }))
      : [];
    nodes.push({
      id: v,
      lines,
      shape: latent ? "ellipse" : "rect",
      fill: latent ? "latent" : "observed",
      bold: latent,
      hover: `${v}${Number.isFinite(r2[v]) ? `: R² = ${r2[v].toFixed(3)}` : ""}`,
      indicators: inds.map((i) => ({ id: i, text: name(i), label: valueOfRow(find(v, "=~", i)!) })),
      indicatorCovariances: indCovs,
    });
  }
  const drawnVar = (v: string) => m.structural.includes(v) && !hidden.has(v);
  // Loadings that are not drawn beside a factor: on other factors (second order) or on variables in regressions.
  for (const r of pe.filter((x) => x.op === "=~")) {
    if (m.indicators.get(r.lhs)?.includes(r.rhs)) continue;
    if (drawnVar(r.lhs) && drawnVar(r.rhs)) edges.push({ from: r.lhs, to: r.rhs, label: valueOfRow(r), kind: "path" });
    else notes.push(`Loading not drawn: ${name(r.lhs)} → ${name(r.rhs)} ${valueOfRow(r)}.`);
  }
  const covText: string[] = [];
  for (const r of pe.filter((x) => x.op === "~")) {
    if (hidden.has(r.rhs)) covText.push(`${name(r.rhs)} → ${name(r.lhs)} ${valueOfRow(r)}`);
    else edges.push({ from: r.rhs, to: r.lhs, label: valueOfRow(r), kind: m.covariates.includes(r.rhs) ? "weak" : "path" });
  }
  const notDrawn: string[] = [];
  const covariances: string[] = [];
  for (const r of pe.filter((x) => x.op === "~~" && x.lhs !== x.rhs)) {
    if (r.exo === 1) continue; // fixed.x: sample covariances of exogenous covariates, not estimates
    const ia = owner.get(r.lhs);
    const ib = owner.get(r.rhs);
    if (ia !== undefined && ia === ib) {
      if (!residual) notDrawn.push(`${name(r.lhs)} ↔ ${name(r.rhs)} ${valueOfRow(r)}`);
      continue;
    }
    if (ia !== undefined || ib !== undefined || !drawnVar(r.lhs) || !drawnVar(r.rhs)) {
      if (hidden.has(r.lhs) || hidden.has(r.rhs)) covariances.push(`${name(r.lhs)} ↔ ${name(r.rhs)} ${valueOfRow(r)}`);
      else notDrawn.push(`${name(r.lhs)} ↔ ${name(r.rhs)} ${valueOfRow(r)}`);
      continue;
    }
    edges.push({ from: r.lhs, to: r.rhs, label: valueOfRow(r), kind: "covariance" });
  }
  if (hidden.size) {
    const targets = Array.from(new Set(pe.filter((r) => r.op === "~" && hidden.has(r.rhs)).map((r) => r.lhs)));
    if (mode === "group") {
      nodes.push({
        id: "__covariates",
        lines: ["Covariates", ...groupLines(m.covariates.map(name))],
        shape: "rect",
        fill: "group",
        hover: m.covariates.join(", "),
      });
      for (const t of targets) edges.push({ from: "__covariates", to: t, kind: "weak" });
    }
    notes.push(
      `${mode === "group" ? "Covariates (box, dashed paths)" : "Covariates (not drawn)"}: ${covText.join("; ")}${covariances.length ? `. Covariances: ${covariances.join("; ")}` : ""}.`,
    );
  }
  if (notDrawn.length) notes.push(`Covariances not drawn: ${notDrawn.join("; ")}.`);
  if (withStars) notes.push("* p < .05, ** p < .01, *** p < .001 (Wald test of the unstandardised estimate).");
  const fitLine = fitSummaryLine(fit);
  return {
    nodes,
    edges,
    title:
      opts.title ??
      (kind === "est" ? "Unstandardised estimates" : `Standardised estimates (${kind})`) +
        (multi && opts.title === undefined ? `, group ${g} [${fit.groupLabels[g - 1]}]` : ""),
    subtitle: fitLine,
    notes,
    grayscale: opts.grayscale,
    maxWidth: opts.maxWidth,
  };
}

/** The diagram's subtitle: χ²(df), CFI, RMSEA and SRMR where defined. */
function fitSummaryLine(fit: SemFit): string {
  const fm = fit.fitMeasures();
  return [
    `χ²(${fm.df}) = ${fm.chisq.toFixed(2)}`,
    Number.isFinite(fm.cfi) ? `CFI = ${fm.cfi.toFixed(3)}` : "",
    Number.isFinite(fm.rmsea) ? `RMSEA = ${fm.rmsea.toFixed(3)}` : "",
    Number.isFinite(fm.srmr) ? `SRMR = ${fm.srmr.toFixed(3)}` : "",
  ]
    .filter(Boolean)
    .join(", ");
}

/** Names for a group box: a few per line. */
function groupLines(names: string[]): string[] {
  const lines: string[] = [];
  let cur = "";
  for (const n of names) {
    const next = cur ? `${cur}, ${n}` : n;
    if (cur && next.length > 28) {
      lines.push(cur + ",");
      cur = n;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines;
}
