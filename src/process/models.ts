/**
 * PROCESS model templates as data (Hayes, 2022, Appendix A "model templates"). Each template lists,
 * per outcome equation, the terms it contains, written in PROCESS's own symbols: X, W, Z, the
 * mediator(s) M and their products. `process()` expands a template into concrete equations and fits
 * them generically, so a new model number is one more entry here, not new code.
 *
 * Tokens in a mediator equation: "X", "W", "Z", "X*W", "X*Z", "Mprev" (all earlier mediators: serial
 * model 6). Tokens in the Y equation: the same plus "M" (every mediator), "M*W", "M*Z" (every mediator
 * times the moderator), "W*Z", "X*W*Z".
 */
import { PathlabError } from "../errors";

export interface ModelTemplate {
  model: number;
  /** Short description in PROCESS's words. */
  type: string;
  needsW: boolean;
  needsZ: boolean;
  /** Allowed number of mediators [min, max]; [0, 0] for moderation-only models. */
  mediators: [number, number];
  /** Terms of each mediator's equation (empty for models 1–3). */
  mEquation: string[];
  /** Terms of the outcome equation. */
  yEquation: string[];
}

const TEMPLATES: ModelTemplate[] = [
  { model: 1, type: "Simple moderation", needsW: true, needsZ: false, mediators: [0, 0], mEquation: [], yEquation: ["X", "W", "X*W"] },
  {
    model: 2,
    type: "Additive multiple moderation",
    needsW: true,
    needsZ: true,
    mediators: [0, 0],
    mEquation: [],
    yEquation: ["X", "W", "Z", "X*W", "X*Z"],
  },
  {
    model: 3,
    type: "Moderated moderation",
    needsW: true,
    needsZ: true,
    mediators: [0, 0],
    mEquation: [],
    yEquation: ["X", "W", "X*W", "Z", "X*Z", "W*Z", "X*W*Z"],
  },
  { model: 4, type: "Parallel mediation", needsW: false, needsZ: false, mediators: [1, 10], mEquation: ["X"], yEquation: ["X", "M"] },
  {
    model: 5,
    type: "Mediation with a moderated direct effect",
    needsW: true,
    needsZ: false,
    mediators: [1, 10],
    mEquation: ["X"],
    yEquation: ["X", "M", "W", "X*W"],
  },
  { model: 6, type: "Serial mediation", needsW: false, needsZ: false, mediators: [2, 6], mEquation: ["X", "Mprev"], yEquation: ["X", "M"] },
  {
    model: 7,
    type: "First-stage moderated mediation",
    needsW: true,
    needsZ: false,
    mediators: [1, 10],
    mEquation: ["X", "W", "X*W"],
    yEquation: ["X", "M"],
  },
  {
    model: 8,
    type: "First-stage and direct-effect moderated mediation",
    needsW: true,
    needsZ: false,
    mediators: [1, 10],
    mEquation: ["X", "W", "X*W"],
    yEquation: ["X", "M", "W", "X*W"],
  },
  {
    model: 14,
    type: "Second-stage moderated mediation",
    needsW: true,
    needsZ: false,
    mediators: [1, 10],
    mEquation: ["X"],
    yEquation: ["X", "M", "W", "M*W"],
  },
  {
    model: 15,
    type: "Second-stage and direct-effect moderated mediation",
    needsW: true,
    needsZ: false,
    mediators: [1, 10],
    mEquation: ["X"],
    yEquation: ["X", "M", "W", "M*W", "X*W"],
  },
  {
    model: 21,
    type: "First- and second-stage moderated mediation (two moderators)",
    needsW: true,
    needsZ: true,
    mediators: [1, 10],
    mEquation: ["X", "W", "X*W"],
    yEquation: ["X", "M", "Z", "M*Z"],
  },
  {
    model: 58,
    type: "First- and second-stage moderated mediation (one moderator)",
    needsW: true,
    needsZ: false,
    mediators: [1, 10],
    mEquation: ["X", "W", "X*W"],
    yEquation: ["X", "M", "W", "M*W"],
  },
  {
    model: 59,
    type: "First-, second-stage and direct-effect moderated mediation",
    needsW: true,
    needsZ: false,
    mediators: [1, 10],
    mEquation: ["X", "W", "X*W"],
    yEquation: ["X", "M", "W", "M*W", "X*W"],
  },
];

/** The PROCESS model numbers pathlab supports. */
export const SUPPORTED_MODELS: number[] = TEMPLATES.map((t) => t.model);

/** The template of a model number, or an error listing the supported numbers. */
export function modelTemplate(model: number): ModelTemplate {
  const t = TEMPLATES.find((x) => x.model === model);
  if (!t)
    throw new PathlabError(`PROCESS model ${model} is not supported.`, {
      hint: `Supported models: ${SUPPORTED_MODELS.join(", ")}.`,
      code: "options.unsupported",
    });
  return t;
}

/** A term of an equation: the roles it multiplies ("X", "W", "Z", "M1", …, "C:<name>"). */
export type Term = string[];

/** Expands a template into the terms of each equation: mediators first (in order), then Y. */
export function expandTemplate(t: ModelTemplate, k: number): { outcome: string; terms: Term[] }[] {
  const out: { outcome: string; terms: Term[] }[] = [];
  const ms = Array.from({ length: k }, (_, i) => `M${i + 1}`);
  for (let i = 0; i < k; i++) {
    const terms: Term[] = [];
    for (const tok of t.mEquation) {
      if (tok === "Mprev") for (let j = 0; j < i; j++) terms.push([ms[j]]);
      else terms.push(tok.split("*"));
    }
    out.push({ outcome: ms[i], terms });
  }
  const yt: Term[] = [];
  for (const tok of t.yEquation) {
    if (tok === "M") for (const m of ms) yt.push([m]);
    else if (tok.startsWith("M*")) for (const m of ms) yt.push([m, ...tok.slice(2).split("*")]);
    else yt.push(tok.split("*"));
  }
  out.push({ outcome: "Y", terms: yt });
  return out;
}
