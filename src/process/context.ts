/**
 * What every stage after the design reads: the design, the checked options, the probe values of
 * the moderators and small helpers (display names, the t critical value, the grid of moderator
 * values at which effects are probed).
 *
 * @example
 * const ctx = processContext(cfg, design, warnings);
 * ctx.grid(["W"]) // [{ W: 16th percentile }, { W: median }, { W: 84th percentile }]
 */
import type { PathlabWarning } from "../errors";
import { qt } from "../math";
import { distinct, type ProcessDesign } from "./design";
import type { ModeratorValues } from "./effects";
import type { ProcessConfig } from "./options";
import { probeValues, type ProbeKind } from "./probe";

export interface ProcessContext extends ProcessDesign {
  cfg: ProcessConfig;
  /** Probe values by moderator role (W, Z), and how they were chosen. */
  probeOf: Record<string, number[]>;
  probeKinds: Record<string, ProbeKind>;
  /** The variable name of a role or covariate key. */
  displayName: (r: string) => string;
  /** t critical value for the confidence level on df degrees of freedom. */
  tcrit: (df: number) => number;
  /** Every combination of the probe values of the moderators `mods`. */
  grid: (mods: string[]) => ModeratorValues[];
  /** Whether a role's column takes exactly two values. */
  dichotomous: (r: string) => boolean;
}

/** Builds the context; a note about probe values outside the data goes to `warnings`. */
export function processContext(cfg: ProcessConfig, design: ProcessDesign, warnings: PathlabWarning[]): ProcessContext {
  const { roleName, col } = design;
  const wVals = cfg.w ? probeValues(col.W, cfg.wmodval, cfg.moments, roleName.W) : undefined;
  const zVals = cfg.z ? probeValues(col.Z, cfg.zmodval, cfg.moments, roleName.Z) : undefined;
  const probeOf: Record<string, number[]> = {};
  if (wVals) probeOf.W = wVals.values;
  if (zVals) probeOf.Z = zVals.values;
  for (const pv of [wVals, zVals]) if (pv?.note) warnings.push({ code: "process.probe-range", message: pv.note });
  const probeKinds = { ...(wVals ? { W: wVals.kind } : {}), ...(zVals ? { Z: zVals.kind } : {}) } as Record<string, ProbeKind>;

  const grid = (mods: string[]): ModeratorValues[] => {
    let out: ModeratorValues[] = [{}];
    for (const m of mods) {
      const next: ModeratorValues[] = [];
      for (const o of out) for (const v of probeOf[m]) next.push({ ...o, [m]: v });
      out = next;
    }
    return out;
  };
  return {
    ...design,
    cfg,
    probeOf,
    probeKinds,
    displayName: (r) => roleName[r] ?? (r.startsWith("C:") ? r.slice(2) : r),
    tcrit: (df) => qt((100 - cfg.conf) / 200, df, false),
    grid,
    dichotomous: (r) => distinct(col[r]).length === 2,
  };
}
