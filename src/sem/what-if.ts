/**
 * "What if this correlation were different?" — a teaching figure for models fitted to a published
 * correlation table. One correlation is varied over a grid; the model is refitted to each modified
 * table (Σ = D R D from `covFromCorrelations`) and the path diagram's values follow a slider. All
 * fits are done here, once: the figure carries every step, so it works in an offline report.
 *
 * Grid values whose table is not a correlation matrix (not positive definite) cannot come from any
 * data; they are left out of the slider and listed in the note. A step whose fit fails or does not
 * converge is left out likewise (named in the note), never shown with wrong numbers.
 *
 * @example
 * whatIfCorrelation({ R, names: ["JR", "ENG", "PERF"], n: 400,
 *   model: "ENG ~ JR\nPERF ~ ENG + JR", vary: ["ENG", "PERF"] });
 */
import { PathlabError } from "../errors";
import { drawDiagram, Figure } from "../display";
import { checkOptions } from "../options";
import { choleskyLogDet } from "../math/linalg";
import { covFromCorrelations } from "./moments";
import { sem, type SemOptions } from "./fit";
import { diagramSpec, DIAGRAM_OPTION_SPECS, type DiagramOptions } from "./diagram";

export interface WhatIfOptions {
  /** The published correlation matrix (symmetric, ones on the diagonal). */
  R: number[][];
  /** Variable names, in the order of R's rows. */
  names: string[];
  /** Sample size. */
  n: number;
  /** Standard deviations (default: all 1, i.e. the model is fitted to the correlations). */
  sds?: number[];
  /** lavaan model syntax over `names`. */
  model: string;
  /** The pair whose correlation is varied, e.g. ["ENG", "PERF"]. */
  vary: [string, string];
  /** Values of the correlation (default: the published value ± 0.30 in steps of 0.05, within (−1, 1)). */
  values?: number[];
  /** Options for sem() (e.g. { likelihood: "wishart" }). */
  sem?: SemOptions;
  /** Options of the diagram (values, digits, stars, …). */
  diagram?: DiagramOptions;
}

function isPD(R: number[][]): boolean {
  const p = R.length;
  const a = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) a[i * p + j] = R[i][j];
  return Number.isFinite(choleskyLogDet(a, p));
}

function checkMatrix(R: unknown, names: string[]): number[][] {
  const p = names.length;
  if (!Array.isArray(R) || R.length !== p || R.some((row) => !Array.isArray(row) || row.length !== p))
    throw new PathlabError(`whatIfCorrelation(): R must be a ${p}×${p} matrix (one row and column per name).`, {
      code: "sem.bad-moments",
      hint: "Give R as an array of rows, in the order of names.",
    });
  const M = R as number[][];
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      const v = M[i][j];
      if (typeof v !== "number" || !Number.isFinite(v) || Math.abs(v) > 1)
        throw new PathlabError(`whatIfCorrelation(): R[${names[i]}][${names[j]}] = ${String(v)} is not a correlation.`, {
          code: "sem.bad-moments",
          hint: "Correlations lie between −1 and 1.",
        });
      if (i === j && Math.abs(v - 1) > 1e-12)
        throw new PathlabError(`whatIfCorrelation(): the diagonal of R must be 1 (R[${names[i]}][${names[i]}] = ${v}).`, {
          code: "sem.bad-moments",
          hint: "Pass a correlation matrix, not a covariance matrix (give sds separately).",
        });
      if (Math.abs(v - M[j][i]) > 1e-8)
        throw new PathlabError(`whatIfCorrelation(): R is not symmetric at ${names[i]}, ${names[j]}.`, {
          code: "sem.bad-moments",
          hint: "Copy the lower triangle of the published table to the upper one.",
        });
    }
  if (!isPD(M))
    throw new PathlabError("whatIfCorrelation(): the published R is not positive definite, so no data set has these correlations.", {
      code: "sem.not-positive-definite",
      hint: "Check the table for a typo (a sign or a digit).",
    });
  return M;
}

/**
 * The path diagram of `model` fitted to R with one correlation varied over a grid, with a slider
 * over the grid (see the module comment). Values on the diagram update with the slider; the layout
 * stays fixed so the eye can follow each path.
 */
export function whatIfCorrelation(options: WhatIfOptions): Figure {
  const opts = checkOptions<WhatIfOptions>("whatIfCorrelation", options, {
    R: { kind: "custom", check: (v) => (Array.isArray(v) ? undefined : "must be a correlation matrix (array of rows)."), expected: "[[1, .3], [.3, 1]]" },
    names: {
      kind: "custom",
      check: (v) => (Array.isArray(v) && v.length > 1 && v.every((x) => typeof x === "string") ? undefined : "must be the variable names."),
      expected: '["x", "m", "y"]',
    },
    n: { kind: "number", integer: true, min: 2 },
    sds: {
      kind: "custom",
      check: (v) => (Array.isArray(v) && v.every((x) => typeof x === "number" && x > 0) ? undefined : "must be positive standard deviations."),
      expected: "[1.2, 0.8, 1.1]",
    },
    model: { kind: "string" },
    vary: {
      kind: "custom",
      check: (v) =>
        Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === "string") && v[0] !== v[1] ? undefined : "must be two different variable names.",
      expected: '["m", "y"]',
    },
    values: {
      kind: "custom",
      check: (v) =>
        Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "number" && x > -1 && x < 1)
          ? undefined
          : "must be correlations strictly between −1 and 1.",
      expected: "[0.1, 0.2, 0.3]",
    },
    sem: {
      kind: "custom",
      check: (v) => (v !== null && typeof v === "object" ? undefined : "must be an options object for sem()."),
      expected: '{ likelihood: "wishart" }',
    },
    diagram: {
      kind: "custom",
      check: (v) => (v !== null && typeof v === "object" ? undefined : "must be an options object for the diagram."),
      expected: '{ values: "est" }',
    },
  });
  for (const k of ["R", "names", "n", "model", "vary"] as const)
    if (opts[k] === undefined)
      throw new PathlabError(`whatIfCorrelation(): the option '${k}' is required.`, { code: "options.missing", hint: "Give R, names, n, model and vary." });
  checkOptions("whatIfCorrelation diagram", opts.diagram ?? {}, DIAGRAM_OPTION_SPECS as never);
  const names = opts.names;
  const R0 = checkMatrix(opts.R, names);
  const [a, b] = opts.vary;
  const ia = names.indexOf(a);
  const ib = names.indexOf(b);
  if (ia < 0 || ib < 0)
    throw new PathlabError(`whatIfCorrelation(): vary names ${ia < 0 ? a : b}, which is not in names.`, {
      code: "sem.unknown-variable",
      hint: `Names: ${names.join(", ")}.`,
    });
  const sds = opts.sds ?? names.map(() => 1);
  const r0 = R0[ia][ib];
  const grid = (opts.values ?? Array.from({ length: 13 }, (_, k) => r0 - 0.3 + 0.05 * k)).map((v) => Math.round(v * 1e6) / 1e6).filter((v) => v > -1 && v < 1);
  if (!grid.some((v) => Math.abs(v - r0) < 1e-9)) grid.push(r0);
  grid.sort((x, y) => x - y);
  const notPD: number[] = [];
  const failed: string[] = [];
  const fits: { r: number; spec: ReturnType<typeof diagramSpec> }[] = [];
  for (const r of grid) {
    const R = R0.map((row) => row.slice());
    R[ia][ib] = R[ib][ia] = r;
    if (!isPD(R)) {
      notPD.push(r);
      continue;
    }
    try {
      const fit = sem(opts.model, { cov: covFromCorrelations(R, sds), n: opts.n, names }, opts.sem ?? {});
      if (!fit.converged) {
        failed.push(`${r.toFixed(2)} (did not converge)`);
        continue;
      }
      fits.push({ r, spec: diagramSpec(fit, opts.diagram ?? {}) });
    } catch (e) {
      failed.push(`${r.toFixed(2)} (${(e as Error).message})`);
    }
  }
  const base = fits.find((x) => Math.abs(x.r - r0) < 1e-9);
  if (!base)
    throw new PathlabError("whatIfCorrelation(): the model could not be fitted to the published table itself.", {
      code: "sem.not-converged",
      hint: failed.join("; ") || "Check the model syntax.",
    });
  return stepFigure(opts, fits, base, r0, notPD, failed);
}

type Spec = ReturnType<typeof diagramSpec>;

/**
 * Texts of every value label and node in a spec, by the annotation names the diagram gives them
 * (covariance values: `label:cov:cov<k>` for the k-th covariance, or `label:cov:<a>~~<b>` when drawn
 * as a bracket).
 */
function texts(spec: Spec): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let k = 0;
  for (const e of spec.edges) {
    if (!e.label) {
      if (e.kind === "covariance") k++;
      continue;
    }
    if (e.kind === "covariance") out.set(`label:cov:cov${k++}|label:cov:${e.from}~~${e.to}`, [e.label]);
    else out.set(`label:${e.from}->${e.to}`, [e.label]);
  }
  for (const n of spec.nodes) {
    out.set(`text:${n.id}`, n.lines);
    for (const ind of n.indicators ?? []) out.set(`label:${n.id}->${ind.id}`, [ind.label]);
    for (const c of n.indicatorCovariances ?? []) out.set(`label:cov:${c.a}~~${c.b}`, [c.label]);
  }
  return out;
}

function stepFigure(
  opts: WhatIfOptions,
  fits: { r: number; spec: Spec }[],
  base: { r: number; spec: Spec },
  r0: number,
  notPD: number[],
  failed: string[],
): Figure {
  // Lay the diagram out once with each value at its widest text over the grid, so no step can overlap.
  const widest = structuredClone(base.spec) as Spec;
  const all = fits.map((x) => x.spec);
  widest.edges.forEach((e, i) => {
    const cands = all.map((s) => s.edges[i]?.label ?? "");
    e.label = cands.reduce((m, t) => (t.length > m.length ? t : m), e.label ?? "");
  });
  widest.nodes.forEach((n, i) => {
    n.lines = n.lines.map((l, k) => all.map((s) => s.nodes[i]?.lines[k] ?? "").reduce((m, t) => (t.length > m.length ? t : m), l));
    (n.indicators ?? []).forEach(
      (ind, j) => (ind.label = all.map((s) => s.nodes[i]?.indicators?.[j]?.label ?? "").reduce((m, t) => (t.length > m.length ? t : m), ind.label)),
    );
  });
  const [a, b] = opts.vary;
  const notes = [...(widest.notes ?? [])];
  if (notPD.length) notes.push(`Left out (not a correlation matrix with the other values): r(${a}, ${b}) = ${notPD.map((v) => v.toFixed(2)).join(", ")}.`);
  if (failed.length) notes.push(`Left out (no converged fit): r = ${failed.join("; ")}.`);
  widest.notes = notes;
  widest.title = `What if r(${a}, ${b}) were different?`;
  const stepSubtitle = (x: { r: number; spec: Spec }) =>
    `Refitted with r(${a}, ${b}) = ${x.r.toFixed(2)}${Math.abs(x.r - r0) < 1e-9 ? " (published)" : ""}: ${x.spec.subtitle ?? ""}`;
  widest.subtitle = fits.map(stepSubtitle).reduce((m, t) => (t.length > m.length ? t : m), "");
  const fig = drawDiagram(widest);
  const anns = fig.layout.annotations as Record<string, unknown>[];
  const index = new Map(anns.map((x, i) => [String(x.name), i]));
  /** The relayout key and text for one named annotation, keeping its bold first line and small R² line. */
  const annText = (names: string, lines: string[]): [string, string] | undefined => {
    const name = names.split("|").find((n) => index.has(n));
    if (name === undefined) return undefined;
    const i = index.get(name)!;
    if (!name.startsWith("text:")) return [`annotations[${i}].text`, esc(lines[0])];
    const old = String(anns[i].text);
    const first = /<b>/.test(old) ? `<b>${esc(lines[0])}</b>` : esc(lines[0]);
    const size = /font-size:([\d.]+)px/.exec(old)?.[1];
    return [
      `annotations[${i}].text`,
      [first, ...lines.slice(1).map((l) => (size ? `<span style="font-size:${size}px">${esc(l)}</span>` : esc(l)))].join("<br>"),
    ];
  };
  const stepLayout = (s: Spec, r: number) => {
    const upd: Record<string, unknown> = {};
    for (const [names, lines] of texts(s)) {
      const kv = annText(names, lines);
      if (kv) upd[kv[0]] = kv[1];
    }
    upd["title.subtitle.text"] = stepSubtitle({ r, spec: s });
    return upd;
  };
  const active = fits.indexOf(base);
  const layout = fig.layout as Record<string, unknown>;
  // The slider sits under the drawing: grow the figure for it.
  const extra = 110;
  const height = Number(layout.height) + extra;
  const margin = { ...(layout.margin as Record<string, number>), b: (layout.margin as Record<string, number>).b + extra };
  for (const [k, v] of Object.entries(stepLayout(base.spec, base.r))) setPath(layout, k, v);
  return new Figure(
    fig.data,
    {
      ...layout,
      height,
      margin,
      sliders: [
        {
          active,
          currentvalue: { prefix: `r(${a}, ${b}) = `, font: { size: 12 } },
          pad: { t: 20, b: 10 },
          len: 0.9,
          x: 0.05,
          steps: fits.map((x) => ({
            label: x.r.toFixed(2) + (Math.abs(x.r - r0) < 1e-9 ? " (published)" : ""),
            method: "relayout",
            args: [stepLayout(x.spec, x.r)],
          })),
        },
      ],
      meta: { ...(layout.meta as Record<string, unknown>), pathlab: "diagram", whatIf: true },
    } as never,
    fig.config,
  );
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Sets "annotations[3].text" or "title.subtitle.text" style paths on a layout object. */
function setPath(obj: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.replace(/\[(\d+)\]/g, ".$1").split(".");
  let o = obj as Record<string, unknown>;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = o[parts[i]];
    if (next === null || typeof next !== "object") o[parts[i]] = {};
    o = o[parts[i]] as Record<string, unknown>;
  }
  o[parts[parts.length - 1]] = value;
}
