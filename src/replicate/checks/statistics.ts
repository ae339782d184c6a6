/** Consistency of coefficient tables: stars and p values against t or z, signs, implied SEs, and regression model statistics (F, R², adjusted R², ΔR²). */
import { STAR_RANK, pf, starsFor, twoSidedP } from "../../math";
import type { CoefficientRow, PublishedNumber } from "../record";
import { cornerRange, fmt, fmtP, fmtRange, iv, overlaps, roundingInterval, type ConsistencyRow } from "./report";

/**
 * Stars and p from a t or z statistic: the printed stars must be those of some |t| inside the
 * statistic's rounding interval (two-sided test).
 */
export function checkStarsFromStatistic(args: {
  label: string;
  source: string;
  stat: number;
  statDigits: number;
  df?: number;
  stars: string;
  legend: Record<string, number>;
  id?: string;
}): ConsistencyRow {
  const [lo, hi] = roundingInterval(Math.abs(args.stat), args.statDigits);
  const pMax = twoSidedP(Math.max(0, lo), args.df);
  const pMin = twoSidedP(hi, args.df);
  const pPoint = twoSidedP(args.stat, args.df);
  const sMin = starsFor(pMax, args.legend);
  const sMax = starsFor(pMin, args.legend);
  const r = STAR_RANK[args.stars] ?? -1;
  const ok = r >= STAR_RANK[sMin] && r <= STAR_RANK[sMax];
  const expected = sMin === sMax ? sMin || "none" : `${sMin || "none"} or ${sMax}`;
  return {
    check: `stars from ${args.df === undefined ? "z" : "t"}`,
    source: args.source,
    published: `${args.label} = ${args.stat.toFixed(args.statDigits)}${args.stars ? " " + args.stars : " (no stars)"}`,
    recomputed: `p = ${fmtP(pPoint)} → ${starsFor(pPoint, args.legend) || "none"}`,
    verdict: ok ? "ok" : "flag",
    note: ok
      ? ""
      : `stars printed "${args.stars || "none"}", expected ${expected}${args.df === undefined ? " (two-sided z)" : ` (two-sided t, df = ${args.df})`}`,
    id: args.id,
  };
}

/** A printed p statement ("p < .01", "p > .10") against the p of a t or z statistic. */
export function checkPFromStatistic(args: {
  label: string;
  source: string;
  stat: number;
  statDigits: number;
  df?: number;
  p: PublishedNumber | { value: number; digits: number; bound?: "<" | ">" };
  id?: string;
}): ConsistencyRow {
  const [lo, hi] = roundingInterval(Math.abs(args.stat), args.statDigits);
  const pr: [number, number] = [twoSidedP(hi, args.df), twoSidedP(Math.max(0, lo), args.df)];
  const ok = overlaps(pr, iv(args.p));
  const pPoint = twoSidedP(args.stat, args.df);
  return {
    check: `p from ${args.df === undefined ? "z" : "t"}`,
    source: args.source,
    published: `${args.label}: p ${args.p.bound ?? "="} ${args.p.value}`,
    recomputed: `p = ${fmtP(pPoint)}`,
    verdict: ok ? "ok" : "flag",
    note: ok ? "" : `p consistent with the statistic lies in ${fmtRange(pr, 4)}`,
    id: args.id,
  };
}

/** Sign of an estimate against the sign of its t (both must agree unless one rounds to zero). */
export function checkSign(row: CoefficientRow): ConsistencyRow | null {
  if (row.t === undefined || row.printed.t === undefined) return null;
  const b = roundingInterval(row.estimate, row.digits);
  const t = roundingInterval(row.t, digitsOfPrinted(row.printed.t, row));
  const bSign = b[0] > 0 ? 1 : b[1] < 0 ? -1 : 0;
  const tSign = t[0] > 0 ? 1 : t[1] < 0 ? -1 : 0;
  const ok = bSign === 0 || tSign === 0 || bSign === tSign;
  return {
    check: "sign of estimate vs statistic",
    source: row.source,
    published: `${row.printed.estimate} (${row.printed.t})`,
    recomputed: ok ? "signs agree (or one is zero within rounding)" : "signs differ",
    verdict: ok ? "ok" : "flag",
    note: ok ? "" : "an estimate and its t/critical ratio must have the same sign",
    id: row.id,
  };
}

/** Decimals of a printed t (the reading in use when the record repairs it). */
export function digitsOfPrinted(printed: string, row: CoefficientRow): number {
  const rd = row.readings?.find((r) => r.field === "t")?.options.find((o) => o.used);
  const s = (rd ? rd.printed : printed).replace(/[()−–-]/g, "").trim();
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * Implied standard error |b|/|t| of each row against the model's typical SE: standardised
 * coefficients with low VIF have similar SEs, so a cell whose implied SE (over the rounding box) is
 * more than `factor` times away from the model's median points at a misprinted b or t.
 */
export function checkImpliedSe(rows: CoefficientRow[], factor = 3): ConsistencyRow[] {
  const withT = rows.filter((r) => r.t !== undefined && r.printed.t !== undefined && Math.abs(r.t) > 0);
  if (withT.length < 4) return [];
  const point = withT.map((r) => Math.abs(r.estimate) / Math.abs(r.t as number)).filter((x) => x > 0);
  const sorted = [...point].sort((a, b) => a - b);
  const med = sorted[Math.floor(sorted.length / 2)];
  const out: ConsistencyRow[] = [];
  for (const r of withT) {
    // Judge the cell as printed: a misprint repaired by a reading must still show up here.
    const tPrinted = Number((r.printed.t as string).replace(/[()]/g, "").replace(/[−–]/g, "-"));
    const tDigits = ((r.printed.t as string).split(".")[1] ?? "").replace(/\D/g, "").length;
    const repaired = r.readings?.some((x) => x.field === "t") ?? false;
    const b = roundingInterval(Math.abs(r.estimate), r.digits);
    const t = roundingInterval(Math.abs(tPrinted), tDigits);
    const seLo = Math.max(0, b[0]) / t[1];
    const seHi = t[0] > 0 ? b[1] / t[0] : Infinity;
    const ok = seHi >= med / factor && seLo <= med * factor;
    out.push({
      check: "implied SE |b|/|t| vs model",
      source: r.source,
      published: `${r.printed.estimate} (${r.printed.t})`,
      recomputed: `SE ∈ ${fmtRange([seLo, seHi], 3)}; model median ${fmt(med, 3)}`,
      verdict: ok ? "ok" : "flag",
      note: ok
        ? ""
        : `implied SE more than ${factor}× away from the model's other rows: b or t misprinted` + (repaired ? ` (the record uses the reading t = ${r.t})` : ""),
      id: r.id,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Regression model statistics

/** p of an F statistic, against its printed stars (legend) or p. */
export function checkFStars(args: {
  label: string;
  source: string;
  F: number;
  digits: number;
  df1: number;
  df2: number;
  stars: string;
  legend: Record<string, number>;
  id?: string;
}): ConsistencyRow {
  const [lo, hi] = roundingInterval(args.F, args.digits);
  const pMax = pf(Math.max(0, lo), args.df1, args.df2, false);
  const pMin = pf(hi, args.df1, args.df2, false);
  const sMin = starsFor(pMax, args.legend);
  const sMax = starsFor(pMin, args.legend);
  const r = STAR_RANK[args.stars] ?? -1;
  const ok = r >= STAR_RANK[sMin] && r <= STAR_RANK[sMax];
  const p = pf(args.F, args.df1, args.df2, false);
  return {
    check: "p from F",
    source: args.source,
    published: `F(${args.df1}, ${args.df2}) = ${args.F.toFixed(args.digits)}${args.stars ? " " + args.stars : ""}`,
    recomputed: `p = ${fmtP(p)} → ${starsFor(p, args.legend) || "none"}`,
    verdict: ok ? "ok" : "flag",
    note: ok ? "" : `stars printed "${args.stars || "none"}", expected "${sMin || "none"}"`,
    id: args.id,
  };
}

/** R² implied by an overall F with k predictors and n cases: R² = kF / (kF + n − k − 1). */
export function checkR2FromF(args: { source: string; r2: PublishedNumber; F: PublishedNumber; k: number; n: number }): ConsistencyRow {
  const df2 = args.n - args.k - 1;
  const f = (F: number) => (args.k * F) / (args.k * F + df2);
  const range = cornerRange(f, [iv(args.F)]);
  const ok = overlaps(range, iv(args.r2));
  return {
    check: "R² from F, k, n",
    source: args.source,
    published: `R² = ${args.r2.printed}, F = ${args.F.printed} (k = ${args.k}, n = ${args.n})`,
    recomputed: `R² = ${fmt(f(args.F.value), 4)}`,
    verdict: ok ? "ok" : "flag",
    note: ok ? "" : `F implies R² in ${fmtRange(range, 4)}`,
    id: args.r2.id,
  };
}

/** Adjusted R² = 1 − (1 − R²)(n − 1)/(n − k − 1). */
export function checkAdjR2(args: { source: string; r2: PublishedNumber; adj: PublishedNumber; k: number; n: number }): ConsistencyRow {
  const f = (r2: number) => 1 - ((1 - r2) * (args.n - 1)) / (args.n - args.k - 1);
  const range = cornerRange(f, [iv(args.r2)]);
  const ok = overlaps(range, iv(args.adj));
  return {
    check: "adjusted R² from R², k, n",
    source: args.source,
    published: `adj. R² = ${args.adj.printed} (R² = ${args.r2.printed})`,
    recomputed: `adj. R² = ${fmt(f(args.r2.value), 4)}`,
    verdict: ok ? "ok" : "flag",
    note: ok ? "" : `R² implies adj. R² in ${fmtRange(range, 4)}`,
    id: args.adj.id,
  };
}

/** ΔR² = R²(model) − R²(previous model). */
export function checkDeltaR2(args: { source: string; delta: PublishedNumber; r2: PublishedNumber; r2Prev: PublishedNumber }): ConsistencyRow {
  const range = cornerRange((a, b) => a - b, [iv(args.r2), iv(args.r2Prev)]);
  const ok = overlaps(range, iv(args.delta));
  return {
    check: "ΔR² from consecutive R²",
    source: args.source,
    published: `ΔR² = ${args.delta.printed} (R² ${args.r2Prev.printed} → ${args.r2.printed})`,
    recomputed: `ΔR² = ${fmt(args.r2.value - args.r2Prev.value, 3)}`,
    verdict: ok ? "ok" : "flag",
    note: ok ? "" : `consecutive R² imply ΔR² in ${fmtRange(range, 3)}`,
    id: args.delta.id,
  };
}
