/** Consistency of mediation and moderation results: indirect = a × b, total = direct + indirect, CIs, simple slopes, Sobel tests. */
import { PathlabError } from "../../errors";
import type { CoefficientRow, PublishedIndirectEffect, PublishedNumber, PublishedSimpleSlope } from "../record";
import { cornerRange, fmt, fmtRange, iv, overlaps, roundingInterval, type ConsistencyRow } from "./report";

/** An indirect effect against the product of its a and b paths. */
export function checkIndirectProduct(ie: PublishedIndirectEffect, a: CoefficientRow, b: CoefficientRow): ConsistencyRow {
  const ra = roundingInterval(a.estimate, a.digits);
  const rb = roundingInterval(b.estimate, b.digits);
  const range = cornerRange((x, y) => x * y, [ra, rb]);
  const ok = overlaps(range, iv(ie.effect));
  return {
    check: "indirect effect = a × b",
    source: ie.effect.source,
    published: `${ie.effect.printed} (a = ${a.printed.estimate}, b = ${b.printed.estimate})`,
    recomputed: `a × b = ${fmt(a.estimate * b.estimate, 3)}`,
    verdict: ok ? "ok" : "flag",
    note: ok ? "" : `a × b lies in ${fmtRange(range, 3)} (a: ${a.source}; b: ${b.source})`,
    id: ie.effect.id,
  };
}

/** Total = direct + indirect (exact for OLS mediation with the same covariates). */
export function checkTotalEffect(args: {
  source: string;
  total: { value: number; digits: number };
  direct: { value: number; digits: number };
  indirect: { value: number; digits: number };
  printed: string;
  id?: string;
}): ConsistencyRow {
  const range = cornerRange((d, i) => d + i, [iv(args.direct), iv(args.indirect)]);
  const ok = overlaps(range, iv(args.total));
  return {
    check: "total = direct + indirect",
    source: args.source,
    published: args.printed,
    recomputed: `direct + indirect = ${fmt(args.direct.value + args.indirect.value, 3)}`,
    verdict: ok ? "ok" : "flag",
    note: ok ? "" : `direct + indirect lies in ${fmtRange(range, 3)}`,
    id: args.id,
  };
}

/** An estimate lies inside its own confidence interval. */
export function checkCiContains(label: string, source: string, est: PublishedNumber, lo: PublishedNumber, hi: PublishedNumber): ConsistencyRow {
  const ok = iv(est)[1] >= iv(lo)[0] && iv(est)[0] <= iv(hi)[1];
  return {
    check: "estimate inside its CI",
    source,
    published: `${est.printed} [${lo.printed}, ${hi.printed}]`,
    recomputed: ok ? "inside" : "outside",
    verdict: ok ? "ok" : "flag",
    note: ok ? "" : `${label}: the point estimate lies outside its interval`,
    id: est.id,
  };
}

/** A CI that excludes zero must not be reported as "no effect" (and vice versa). */
export function checkCiConclusion(label: string, source: string, lo: PublishedNumber, hi: PublishedNumber, conclusion: string, id?: string): ConsistencyRow {
  const excludesZero = lo.value > 0 || hi.value < 0;
  const saysNone = /\bno\b|not supported|no evidence/i.test(conclusion);
  const ok = excludesZero !== saysNone;
  return {
    check: "CI vs stated conclusion",
    source,
    published: `[${lo.printed}, ${hi.printed}]; "${conclusion}"`,
    recomputed: excludesZero ? "CI excludes 0" : "CI includes 0",
    verdict: ok ? "ok" : "flag",
    note: ok ? "" : `${label}: conclusion contradicts the interval`,
    id,
  };
}

/**
 * Simple slopes at −1 and +1 SD of a moderator against the interaction: (high − low)/(2·SD_W) must
 * equal the interaction coefficient (SD_W = 1 for a standardised moderator), and the midpoint must
 * equal the conditional effect at the mean when one is printed.
 */
export function checkSimpleSlopes(args: {
  label: string;
  low: PublishedSimpleSlope;
  high: PublishedSimpleSlope;
  interaction?: PublishedNumber | null;
  sdW?: PublishedNumber | null;
  atMean?: PublishedSimpleSlope | null;
  note?: string;
}): ConsistencyRow[] {
  const out: ConsistencyRow[] = [];
  const lo = iv(args.low.effect);
  const hi = iv(args.high.effect);
  if (args.interaction) {
    const sd = args.sdW ? iv(args.sdW) : ([1, 1] as [number, number]);
    const range = cornerRange((h, l, s) => (h - l) / (2 * s), [hi, lo, sd]);
    const point = (args.high.effect.value - args.low.effect.value) / (2 * (args.sdW ? args.sdW.value : 1));
    const ok = overlaps(range, iv(args.interaction));
    out.push({
      check: "interaction = (slope high − slope low) / (2 SD_W)",
      source: `${args.high.source}; ${args.interaction.source}`,
      published: `interaction ${args.interaction.printed}; slopes ${args.low.effect.printed} (low), ${args.high.effect.printed} (high)`,
      recomputed: `${fmt(point, 3)}${args.sdW ? ` (SD_W = ${args.sdW.printed})` : " (standardised moderator)"}`,
      verdict: ok ? "ok" : "flag",
      note: (ok ? "" : `slopes imply an interaction in ${fmtRange(range, 3)}`) + (args.note ? (ok ? "" : "; ") + args.note : ""),
      id: args.interaction.id,
    });
  }
  if (args.atMean) {
    const range = cornerRange((h, l) => (h + l) / 2, [hi, lo]);
    const ok = overlaps(range, iv(args.atMean.effect));
    out.push({
      check: "conditional effect at the mean = midpoint of ±1 SD slopes",
      source: args.atMean.source,
      published: `${args.atMean.effect.printed} (low ${args.low.effect.printed}, high ${args.high.effect.printed})`,
      recomputed: fmt((args.high.effect.value + args.low.effect.value) / 2, 3),
      verdict: ok ? "ok" : "flag",
      note: ok ? "" : `midpoint lies in ${fmtRange(range, 3)}`,
      id: args.atMean.effect.id,
    });
  }
  return out;
}

/** Sobel z = indirect / SE against the printed z (when both the effect and the SE are printed). */
export function checkSobel(ie: PublishedIndirectEffect): ConsistencyRow | null {
  if (!ie.sobelZ || !ie.sobelSe) return null;
  const range = cornerRange((e, s) => e / s, [iv(ie.effect), iv(ie.sobelSe)]);
  const ok = overlaps(range, iv(ie.sobelZ));
  return {
    check: "Sobel z = indirect / SE",
    source: ie.sobelZ.source,
    published: `z = ${ie.sobelZ.printed} (effect ${ie.effect.printed}, SE ${ie.sobelSe.printed})`,
    recomputed: `z = ${fmt(ie.effect.value / ie.sobelSe.value, 2)}`,
    verdict: ok ? "ok" : "flag",
    note: ok ? `consistent within the (wide) rounding of SE ${ie.sobelSe.printed}` : `effect / SE lies in ${fmtRange(range, 2)}`,
    id: ie.sobelZ.id,
  };
}

/**
 * Two printings of the same quantity must agree: identically when printed to the same decimals (one
 * value rounds one way), and within the coarser rounding otherwise. The row names the second.
 */
export function samePrinted(a: Pick<PublishedNumber, "value" | "digits" | "bound">, b: Pick<PublishedNumber, "value" | "digits" | "bound">): boolean {
  if (a.digits === b.digits && !a.bound && !b.bound) return Math.abs(a.value - b.value) < 0.5 * 10 ** -(a.digits + 1);
  return overlaps(iv(a), iv(b));
}

/** Two printed numbers that state the same quantity (see `samePrinted`); the row names the second. */
export function checkDuplicate(a: PublishedNumber, b: PublishedNumber, why: string): ConsistencyRow {
  const ok = samePrinted(a, b);
  return {
    check: "same quantity printed twice",
    source: `${a.source}; ${b.source}`,
    published: `${a.label}: ${a.printed}`,
    recomputed: `${b.label}: ${b.printed}`,
    verdict: ok ? "ok" : "flag",
    note: ok ? why : `${why}: ${a.printed} and ${b.printed} cannot both be right`,
    id: b.id,
  };
}

/** Total = direct + indirect, or total = direct + a × b (an OLS identity for the same covariates). */
export function checkDecomposition(args: {
  source: string;
  total: PublishedNumber;
  direct: PublishedNumber;
  indirect?: PublishedNumber;
  paths?: [PublishedNumber, PublishedNumber];
}): ConsistencyRow {
  const { total, direct, indirect, paths } = args;
  let range: [number, number];
  let point: number;
  let text: string;
  if (paths) {
    range = cornerRange((x, y, z) => x * y + z, [iv(paths[0]), iv(paths[1]), iv(direct)]);
    point = paths[0].value * paths[1].value + direct.value;
    text = `a = ${paths[0].printed}, b = ${paths[1].printed}, direct = ${direct.printed}`;
  } else if (indirect) {
    range = cornerRange((d, i) => d + i, [iv(direct), iv(indirect)]);
    point = direct.value + indirect.value;
    text = `direct = ${direct.printed}, indirect = ${indirect.printed}`;
  } else {
    throw new PathlabError("checkDecomposition(): give the indirect effect or its a and b paths", { code: "replicate.missing-effect-input" });
  }
  const ok = overlaps(range, iv(total));
  return {
    check: paths ? "total = direct + a × b" : "total = direct + indirect",
    source: args.source,
    published: `total = ${total.printed}; ${text}`,
    recomputed: `${fmt(point, 3)}`,
    verdict: ok ? "ok" : "flag",
    note: ok ? "" : `direct + indirect lies in ${fmtRange(range, 3)}`,
    id: total.id,
  };
}

/** A range the text states for a set of printed numbers against their actual smallest and largest values. */
export function checkStatedRange(args: {
  source: string;
  text: string;
  min: PublishedNumber;
  max: PublishedNumber;
  numbers: PublishedNumber[];
  id?: string;
}): ConsistencyRow {
  const vals = args.numbers.map((n) => n.value);
  const lo = Math.min(...vals);
  const hi = Math.max(...vals);
  const lowest = args.numbers.find((n) => n.value === lo) as PublishedNumber;
  const highest = args.numbers.find((n) => n.value === hi) as PublishedNumber;
  const ok = samePrinted(lowest, args.min) && samePrinted(highest, args.max);
  return {
    check: "stated range vs the printed values",
    source: args.source,
    published: `"${args.text}"`,
    recomputed: `printed values range ${lowest.printed} (${lowest.label}) to ${highest.printed} (${highest.label})`,
    verdict: ok ? "ok" : "flag",
    note: ok ? "" : "the stated range does not contain the printed values",
    id: args.id,
  };
}
