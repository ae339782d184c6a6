/**
 * Simple inequality constraints ("a > 0.6", "a < 1") by an active-set method: fit without the
 * bounds; a bound the estimate violates becomes active — its parameter is fixed at the bound and
 * the model refitted — and an active bound whose Lagrange multiplier has the wrong sign (the
 * gradient of F at the bound points into the feasible side) is released; repeat until neither
 * happens (the Karush–Kuhn–Tucker conditions; Nocedal & Wright 2006, ch. 16.5).
 *
 * This reproduces lavaan 0.6.14 (nlminb.constr): an inactive bound changes nothing; an active one
 * holds the parameter at its bound with SE 0 (z and p NA) and the other SEs as if the bound were
 * an equality constraint, while npar and the degrees of freedom still count the parameter.
 *
 * @example
 * // "visual =~ x1 + a*x2 + x3 …\na > 0.6": a = 0.6 (SE 0), npar 21, df 24, as lavaan.
 */
import { PathlabError } from "../errors";
import type { ResolvedSemOptions } from "./options";
import type { SemFit } from "./fit";
import type { ParTable } from "./partable";
import type { SampleStats } from "./moments";
import { estimateModel, type EstimatedModel } from "./state";

/** The bound's parameter (0-based free index) in `pt`, or −1 when it is fixed anyway. */
function freeIndexOf(pt: ParTable, label: string): number {
  const r = pt.rows.find((x) => x.label === label && x.free > 0);
  return r ? r.free - 1 : -1;
}

/** `pt` with the labelled parameters fixed at the given values (free indices renumbered). */
function fixLabels(pt: ParTable, values: Map<string, number>): ParTable {
  const rows = pt.rows.map((r) => ({ ...r }));
  const removed = new Set<number>();
  for (const r of rows)
    if (r.free > 0 && values.has(r.label)) {
      removed.add(r.free);
      r.ustart = values.get(r.label)!;
      r.free = 0;
    }
  const sorted = [...removed].sort((a, b) => a - b);
  for (const r of rows) if (r.free > 0) r.free -= sorted.filter((x) => x < r.free).length;
  return { ...pt, rows, nFree: pt.nFree - removed.size, boundNpar: removed.size };
}

/**
 * Fits `pt` subject to its bounds, starting from the unconstrained estimate `est`. Returns the
 * table and estimate to report (the original ones when no bound is active) and the active bounds.
 */
export function fitWithBounds(
  pt: ParTable,
  samples: SampleStats[],
  opts: ResolvedSemOptions,
  est: EstimatedModel,
): { pt: ParTable; est: EstimatedModel; active: string[] } {
  if (!pt.bounds.length || !est.converged) return { pt, est, active: [] };
  const violates = (b: (typeof pt.bounds)[number], v: number) => (b.op === ">" ? v < b.value : v > b.value);
  const active = new Map<string, number>();
  let cur = { pt, est };
  for (let round = 0; round <= 2 * pt.bounds.length + 1; round++) {
    // Values of every bounded parameter at the current solution (active ones sit at their bound).
    const full = new Float64Array(pt.nFree);
    cur.pt.rows.forEach((r, i) => {
      if (r.free > 0) full[pt.rows[i].free - 1] = cur.est.theta[r.free - 1];
    });
    for (const [label, v] of active) full[freeIndexOf(pt, label)] = v;
    let changed = false;
    for (const b of pt.bounds) {
      const k = freeIndexOf(pt, b.label);
      if (k < 0 || active.has(b.label)) continue;
      if (violates(b, full[k])) {
        active.set(b.label, b.value);
        changed = true;
      }
    }
    if (!changed && active.size) {
      // Release an active bound whose multiplier has the wrong sign: at the bound, F must not
      // decrease into the feasible side (∂F/∂θ ≥ 0 for ">", ≤ 0 for "<").
      est.objective.setTheta(full);
      est.objective.implied();
      est.objective.objective();
      const g = new Float64Array(pt.nFree);
      est.objective.gradient(g);
      for (const b of pt.bounds) {
        if (!active.has(b.label)) continue;
        const gk = g[freeIndexOf(pt, b.label)];
        if ((b.op === ">" && gk < 0) || (b.op === "<" && gk > 0)) {
          active.delete(b.label);
          changed = true;
        }
      }
    }
    if (!changed) break;
    if (!active.size) {
      cur = { pt, est };
      continue;
    }
    const fixed = fixLabels(pt, active);
    cur = { pt: fixed, est: estimateModel(fixed, samples, opts) };
    if (!cur.est.converged)
      throw new PathlabError(
        `The model with the inequality constraint${active.size > 1 ? "s" : ""} ${[...active.keys()].join(", ")} at ${active.size > 1 ? "their bounds" : "its bound"} did not converge.`,
        {
          code: "sem.not-converged",
          hint: "Check the constraints and the model; fit it without them to see where the estimates go.",
        },
      );
  }
  if (!active.size) return { pt, est, active: [] };
  const labels = [...active.keys()];
  cur.pt.warnings = [
    ...cur.pt.warnings,
    {
      code: "sem.bound-active",
      message: `Inequality constraint${labels.length > 1 ? "s" : ""} active: ${pt.bounds
        .filter((b) => active.has(b.label))
        .map((b) => `${b.label} ${b.op} ${b.value}`)
        .join(", ")}; the parameter${labels.length > 1 ? "s are" : " is"} held at the bound (SE 0, as lavaan), still counted in npar and df.`,
    },
  ];
  return { pt: cur.pt, est: cur.est, active: labels };
}

/**
 * Options whose result pathlab cannot give for a model with inequality constraints: a bootstrap
 * (each resample would need its own active set), and robust SEs or scaled tests once a bound is
 * active (lavaan's scaling counts the bounded parameter as free while the fit holds it fixed).
 */
export function checkBoundOptions(kind: string, pt: ParTable, opts: ResolvedSemOptions, stage: "before" | "after"): void {
  if (!pt.bounds.length) return;
  const written = pt.bounds.map((b) => `${b.label} ${b.op} ${b.value}`).join(", ");
  if (stage === "before" && opts.se === "bootstrap")
    throw new PathlabError(
      `${kind}(): se: "bootstrap" with the inequality constraint${pt.bounds.length > 1 ? "s" : ""} ${written} is not computed (each resample needs its own constrained fit).`,
      {
        code: "options.conflict",
        hint: "Drop the inequality constraint, or use the standard SEs of the constrained fit (leave se out).",
      },
    );
  const robust = opts.se.startsWith("robust") || (opts.test !== "standard" && opts.test !== "none");
  if (stage === "after" && robust && pt.boundNpar > 0)
    throw new PathlabError(
      `${kind}(): robust standard errors or a scaled test (estimator "${opts.estimator}") with an active inequality constraint (${written}) are not computed.`,
      {
        code: "options.conflict",
        hint: 'Use estimator "ML" for the constrained model, or drop the constraint (fit the model without it and report that the estimate crossed the bound).',
      },
    );
}

/** modindices()/lavTestScore() treat a parameter held at its bound as fixed, unlike lavaan: refuse. */
export function refuseActiveBounds(fit: SemFit, fn: string): void {
  const pt = fit.state.pt;
  if (pt.boundNpar > 0)
    throw new PathlabError(
      `${fn}(): the model has an active inequality constraint (${pt.bounds.map((b) => `${b.label} ${b.op} ${b.value}`).join(", ")}); score tests of such a model are not computed.`,
      {
        code: "sem.unsupported",
        hint: "Fit the model without the inequality constraint (or with the parameter fixed at its bound, e.g. 0.6*x2) and compute the score tests of that model.",
      },
    );
}
