/** Consistency of fit statistics: RMSEA, χ² p values and χ²/df against χ², df and N. */
import { PathlabError } from "../../errors";
import { pchisq, rmsea } from "../../math";
import type { PublishedFit, PublishedNumber } from "../record";
import { samePrinted } from "./effects";
import { cornerRange, fmt, fmtP, fmtRange, iv, overlaps, roundingInterval, type ConsistencyRow } from "./report";

/** RMSEA under the N − 1 convention (N − 1 in both terms) or the N convention (lavaan's). */
function rmseaAt(chi2: number, df: number, n: number, nConvention: "N-1" | "N"): number {
  const m = nConvention === "N-1" ? n - 1 : n;
  return rmsea(chi2, df, m);
}

/**
 * RMSEA from χ² and df (or from χ²/df alone: RMSEA = √((χ²/df − 1)/(N − 1))) under both the N − 1
 * and the N conventions; ok if either reproduces the printed value within rounding.
 */
export function checkRmsea(args: {
  source: string;
  rmsea: PublishedNumber;
  n: number;
  chi2?: PublishedNumber;
  df?: number;
  ratio?: PublishedNumber;
}): ConsistencyRow {
  let ranges: [number, number][];
  let point: number[];
  let input: string;
  if (args.chi2 && args.df !== undefined) {
    const df = args.df;
    ranges = (["N-1", "N"] as const).map((c) => cornerRange((x) => rmseaAt(x, df, args.n, c), [iv(args.chi2 as PublishedNumber)]));
    point = (["N-1", "N"] as const).map((c) => rmseaAt((args.chi2 as PublishedNumber).value, df, args.n, c));
    input = `χ²(${df}) = ${args.chi2.printed}, N = ${args.n}`;
  } else if (args.ratio) {
    // χ²/df = r is RMSEA's χ² with one degree of freedom
    const fr = (c: number) => (r: number) => rmsea(r, 1, args.n - c);
    ranges = [1, 0].map((c) => cornerRange(fr(c), [iv(args.ratio as PublishedNumber)]));
    point = [1, 0].map((c) => fr(c)((args.ratio as PublishedNumber).value));
    input = `χ²/df = ${args.ratio.printed}, N = ${args.n}`;
  } else {
    throw new PathlabError(`checkRmsea(${args.source}): needs χ² and df, or χ²/df`, { code: "replicate.missing-fit-input" });
  }
  const ok = ranges.some((r) => overlaps(r, iv(args.rmsea)));
  return {
    check: "RMSEA from χ², df, N",
    source: args.source,
    published: `RMSEA = ${args.rmsea.printed} (${input})`,
    recomputed: `${fmt(point[0], 4)} (N − 1) / ${fmt(point[1], 4)} (N)`,
    verdict: ok ? "ok" : "flag",
    note: ok ? "" : `consistent RMSEA lies in ${fmtRange(ranges[0], 4)} (N − 1) or ${fmtRange(ranges[1], 4)} (N)`,
    id: args.rmsea.id,
  };
}

/** p of a χ² test against a printed p or p statement. */
export function checkChi2P(args: {
  source: string;
  chi2: number;
  chi2Digits: number;
  df: number;
  p: { value: number; digits: number; bound?: "<" | ">" };
  printed: string;
  id?: string;
  assumption?: string;
}): ConsistencyRow {
  const [lo, hi] = roundingInterval(args.chi2, args.chi2Digits);
  const range: [number, number] = [pchisq(hi, args.df, false), pchisq(Math.max(0, lo), args.df, false)];
  const ok = overlaps(range, iv(args.p));
  return {
    check: "χ² p-value",
    source: args.source,
    published: `χ²(${args.df}) = ${args.chi2.toFixed(args.chi2Digits)}, ${args.printed}`,
    recomputed: `p = ${fmtP(pchisq(args.chi2, args.df, false))}`,
    verdict: ok ? "ok" : "flag",
    note: (ok ? "" : `p consistent with χ² lies in ${fmtRange(range, 4)}`) + (args.assumption ? (ok ? "" : "; ") + args.assumption : ""),
    id: args.id,
  };
}

/** χ²/df printed next to χ² and df (or an integer df must exist that gives the printed ratio). */
export function checkChi2Ratio(args: { source: string; chi2: PublishedNumber; ratio: PublishedNumber; df?: number }): ConsistencyRow {
  const rr = iv(args.ratio);
  let ok: boolean;
  let recomputed: string;
  if (args.df !== undefined) {
    const range = cornerRange((c) => c / (args.df as number), [iv(args.chi2)]);
    ok = overlaps(range, rr);
    recomputed = `χ²/df = ${fmt(args.chi2.value / args.df, 3)}`;
  } else {
    const approx = args.chi2.value / args.ratio.value;
    const cands = [Math.floor(approx) - 1, Math.floor(approx), Math.ceil(approx), Math.ceil(approx) + 1].filter((d) => d > 0);
    const good = cands.filter((d) =>
      overlaps(
        cornerRange((c) => c / d, [iv(args.chi2)]),
        rr,
      ),
    );
    ok = good.length > 0;
    recomputed = ok ? `implied df = ${good.join(" or ")}` : `no integer df near ${fmt(approx, 1)} gives the ratio`;
  }
  return {
    check: "χ²/df from χ² and df",
    source: args.source,
    published: `χ² = ${args.chi2.printed}, χ²/df = ${args.ratio.printed}${args.df !== undefined ? `, df = ${args.df}` : ""}`,
    recomputed,
    verdict: ok ? "ok" : "flag",
    note: "",
    id: args.ratio.id,
  };
}

/**
 * Printed df against the df of the standard specification the record names (e.g. 7 correlated
 * factors of 25 items: df = 254): flagged when they differ, since the model fitted is then not
 * the one described.
 */
export function checkDfAgainstSpecification(fit: PublishedFit): ConsistencyRow | null {
  const df = fit.values.find((v) => v.kind === "df");
  if (!df || !fit.impliedDf) return null;
  const ok = df.value === fit.impliedDf.df;
  return {
    check: "df vs the described specification",
    source: `${fit.label} (${fit.source})`,
    published: `df = ${df.printed}`,
    recomputed: `df = ${fit.impliedDf.df} (${fit.impliedDf.basis})`,
    verdict: ok ? "ok" : "flag",
    note: ok ? "" : "the printed df is not that of the model the paper describes",
    id: df.id,
  };
}

/** Two fit records that describe the same model must print the same values (`samePrinted`). */
export function checkSameFit(a: PublishedFit, b: PublishedFit, why: string): ConsistencyRow {
  const diffs: string[] = [];
  for (const va of a.values) {
    const vb = b.values.find((x) => x.kind === va.kind);
    if (vb && !samePrinted(va, vb)) diffs.push(`${va.kind} ${va.printed} vs ${vb.printed}`);
  }
  return {
    check: "same model, same fit",
    source: `${a.label} (${a.source}) and ${b.label} (${b.source})`,
    published: a.values.map((v) => `${v.kind} ${v.printed}`).join(", "),
    recomputed: b.values.map((v) => `${v.kind} ${v.printed}`).join(", "),
    verdict: diffs.length ? "flag" : "ok",
    note: diffs.length ? `${why}, yet ${diffs.join("; ")}` : why,
    id: a.values[0]?.id,
  };
}
