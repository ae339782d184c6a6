/**
 * Consistency checks of published statistics against each other, in the spirit of statcheck
 * (Epskamp & Nuijten) and GRIM (Brown & Heathers, 2017).
 *
 * Every check allows for the rounding of its inputs: a printed 2.01 stands for [2.005, 2.015], and
 * a recomputation is flagged only when NO combination of inputs inside their rounding intervals
 * reproduces the printed result (monotone formulas are evaluated at the interval corners). The
 * "recomputed" column shows the point value from the printed inputs; the note says when the point
 * value differs but rounding can explain it.
 */
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import { formatNumber } from "../display/format";
import { PathlabError } from "../errors";
import { pchisq, pf, pnorm, pt } from "../stats/distributions";
import { symEigen } from "../stats/matrix";
import type {
  PublishedCategoricalMoments,
  CoefficientRow,
  PaperConstruct,
  PublishedCorrelationTable,
  PublishedFit,
  PublishedIndirectEffect,
  PublishedModelStats,
  PaperRecord,
  PublishedPercent,
  PublishedNumber,
  PublishedSimpleSlope,
} from "../papers/types";

export type ConsistencyVerdict = "ok" | "flag";

export interface ConsistencyRow {
  check: string;
  /** Table and cell (or section) the published value comes from. */
  source: string;
  published: string;
  recomputed: string;
  verdict: ConsistencyVerdict;
  note: string;
  /** Id of the published number checked, when there is one. */
  id?: string;
}

/** A list of consistency checks with counts of ok and flagged. */
export class ConsistencyReport extends Result {
  readonly counts: { ok: number; flag: number };
  constructor(
    readonly rows: ConsistencyRow[],
    readonly heading = "Consistency of the published statistics",
    readonly infoLines: string[] = [],
  ) {
    super();
    this.counts = { ok: rows.filter((r) => r.verdict === "ok").length, flag: rows.filter((r) => r.verdict === "flag").length };
  }
  title(): string {
    return this.heading;
  }
  info(): string[] {
    return [`${this.rows.length} checks: ${this.counts.ok} ok, ${this.counts.flag} flagged`, ...this.infoLines];
  }
  /** Flagged rows only. */
  flags(): ConsistencyRow[] {
    return this.rows.filter((r) => r.verdict === "flag");
  }
  tables(): TableSpec[] {
    return [
      {
        title: this.heading,
        columns: [
          { key: "check", label: "Check", format: "text" },
          { key: "source", label: "Source", format: "text" },
          { key: "published", label: "Published", format: "text" },
          { key: "recomputed", label: "Recomputed", format: "text" },
          { key: "verdict", label: "Verdict", format: "text" },
          { key: "note", label: "Note", format: "text" },
        ],
        rows: this.rows.map((r) => ({
          ...r,
          verdict: { text: r.verdict, className: r.verdict === "flag" ? "pathlab-status-differs" : "pathlab-status-reproduced" },
        })),
        notes: ["Verdicts allow for the rounding of every printed input; 'flag' means no values consistent with the printed digits reproduce the printed result."],
      },
    ];
  }
  toHTML(): string {
    return super
      .toHTML()
      .split('class="pathlab-status-differs" style="')
      .join('class="pathlab-status-differs" style="background:#f8d7da;color:#721c24;')
      .split('class="pathlab-status-reproduced" style="')
      .join('class="pathlab-status-reproduced" style="background:#d4edda;color:#155724;');
  }
  toJSON(): { title: string; counts: { ok: number; flag: number }; rows: ConsistencyRow[] } {
    return { title: this.heading, counts: { ...this.counts }, rows: this.rows.map((r) => ({ ...r })) };
  }
}

// ---------------------------------------------------------------------------------------------
// Intervals

/** [lo, hi] of the values that print as `value` with `digits` decimals. */
export function roundingInterval(value: number, digits: number): [number, number] {
  const h = 0.5 * 10 ** -digits;
  return [value - h, value + h];
}

function iv(n: { value: number; digits: number; bound?: "<" | ">" }): [number, number] {
  if (n.bound === "<") return [-Infinity, n.value];
  if (n.bound === ">") return [n.value, Infinity];
  return roundingInterval(n.value, n.digits);
}

function overlaps(a: [number, number], b: [number, number], slack = 1e-12): boolean {
  return a[0] <= b[1] + slack && b[0] <= a[1] + slack;
}

/** Range of a function monotone in each argument over the box of argument intervals. */
function cornerRange(f: (...x: number[]) => number, boxes: [number, number][]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const k = boxes.length;
  for (let mask = 0; mask < 1 << k; mask++) {
    const args = boxes.map((b, i) => ((mask >> i) & 1 ? b[1] : b[0]));
    const v = f(...args);
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  return [lo, hi];
}

const fmt = (x: number, d = 3) => formatNumber(x, d);
const fmtRange = (r: [number, number], d = 3) => `[${fmt(r[0], d)}, ${fmt(r[1], d)}]`;
const fmtP = (p: number) => (p < 0.0001 ? p.toExponential(1) : p.toFixed(4));

// ---------------------------------------------------------------------------------------------
// Stars and p values

const STAR_RANK: Record<string, number> = { "": 0, "†": 1, "*": 2, "**": 3, "***": 4 };

/** Stars a p value earns under a legend (star → threshold); "" when none. */
export function starsForP(p: number, legend: Record<string, number>): string {
  let best = "";
  for (const [s, thr] of Object.entries(legend)) if (p < thr && STAR_RANK[s] > STAR_RANK[best]) best = s;
  return best;
}

/** Two-sided p of a t (df given) or z (df undefined / Infinity) statistic. */
export function twoSidedP(stat: number, df?: number): number {
  const a = Math.abs(stat);
  if (df === undefined || !Number.isFinite(df)) return 2 * pnorm(a, false);
  return 2 * pt(a, df, false);
}

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
  const sMin = starsForP(pMax, args.legend);
  const sMax = starsForP(pMin, args.legend);
  const r = STAR_RANK[args.stars] ?? -1;
  const ok = r >= STAR_RANK[sMin] && r <= STAR_RANK[sMax];
  const expected = sMin === sMax ? sMin || "none" : `${sMin || "none"} or ${sMax}`;
  return {
    check: `stars from ${args.df === undefined ? "z" : "t"}`,
    source: args.source,
    published: `${args.label} = ${args.stat.toFixed(args.statDigits)}${args.stars ? " " + args.stars : " (no stars)"}`,
    recomputed: `p = ${fmtP(pPoint)} → ${starsForP(pPoint, args.legend) || "none"}`,
    verdict: ok ? "ok" : "flag",
    note: ok ? "" : `stars printed "${args.stars || "none"}", expected ${expected}${args.df === undefined ? " (two-sided z)" : ` (two-sided t, df = ${args.df})`}`,
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

function digitsOfPrinted(printed: string, row: CoefficientRow): number {
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
      note: ok ? "" : `implied SE more than ${factor}× away from the model's other rows: b or t misprinted` + (repaired ? ` (the record uses the reading t = ${r.t})` : ""),
      id: r.id,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Regression model statistics

/** p of an F statistic, against its printed stars (legend) or p. */
export function checkFStars(args: { label: string; source: string; F: number; digits: number; df1: number; df2: number; stars: string; legend: Record<string, number>; id?: string }): ConsistencyRow {
  const [lo, hi] = roundingInterval(args.F, args.digits);
  const pMax = pf(Math.max(0, lo), args.df1, args.df2, false);
  const pMin = pf(hi, args.df1, args.df2, false);
  const sMin = starsForP(pMax, args.legend);
  const sMax = starsForP(pMin, args.legend);
  const r = STAR_RANK[args.stars] ?? -1;
  const ok = r >= STAR_RANK[sMin] && r <= STAR_RANK[sMax];
  const p = pf(args.F, args.df1, args.df2, false);
  return {
    check: "p from F",
    source: args.source,
    published: `F(${args.df1}, ${args.df2}) = ${args.F.toFixed(args.digits)}${args.stars ? " " + args.stars : ""}`,
    recomputed: `p = ${fmtP(p)} → ${starsForP(p, args.legend) || "none"}`,
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

// ---------------------------------------------------------------------------------------------
// Fit

/** RMSEA = √(max(0, χ² − df) / (df (N − c))) for c = 1 (N − 1 convention) and c = 0 (N convention). */
export function rmseaFrom(chi2: number, df: number, n: number, nConvention: "N-1" | "N" = "N-1"): number {
  const m = nConvention === "N-1" ? n - 1 : n;
  return Math.sqrt(Math.max(0, chi2 - df) / (df * m));
}

/**
 * RMSEA from χ² and df (or from χ²/df alone: RMSEA = √((χ²/df − 1)/(N − 1))) under both the N − 1
 * and the N conventions; ok if either reproduces the printed value within rounding.
 */
export function checkRmsea(args: { source: string; rmsea: PublishedNumber; n: number; chi2?: PublishedNumber; df?: number; ratio?: PublishedNumber }): ConsistencyRow {
  let ranges: [number, number][];
  let point: number[];
  let input: string;
  if (args.chi2 && args.df !== undefined) {
    const df = args.df;
    ranges = (["N-1", "N"] as const).map((c) => cornerRange((x) => rmseaFrom(x, df, args.n, c), [iv(args.chi2 as PublishedNumber)]));
    point = (["N-1", "N"] as const).map((c) => rmseaFrom((args.chi2 as PublishedNumber).value, df, args.n, c));
    input = `χ²(${df}) = ${args.chi2.printed}, N = ${args.n}`;
  } else if (args.ratio) {
    const fr = (c: number) => (r: number) => Math.sqrt(Math.max(0, r - 1) / (args.n - c));
    ranges = [1, 0].map((c) => cornerRange(fr(c), [iv(args.ratio as PublishedNumber)]));
    point = [1, 0].map((c) => fr(c)((args.ratio as PublishedNumber).value));
    input = `χ²/df = ${args.ratio.printed}, N = ${args.n}`;
  } else {
    throw new PathlabError(`checkRmsea(${args.source}): needs χ² and df, or χ²/df`, { code: "replicate.rmsea" });
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
export function checkChi2P(args: { source: string; chi2: number; chi2Digits: number; df: number; p: { value: number; digits: number; bound?: "<" | ">" }; printed: string; id?: string; assumption?: string }): ConsistencyRow {
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
    const good = cands.filter((d) => overlaps(cornerRange((c) => c / d, [iv(args.chi2)]), rr));
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

// ---------------------------------------------------------------------------------------------
// Reliability and validity

/** Composite reliability (Jöreskog's ρ / Fornell–Larcker CR): (Σλ)² / ((Σλ)² + Σ(1 − λ²)). */
export function crFromLoadings(l: number[]): number {
  const s = l.reduce((a, b) => a + b, 0);
  const e = l.reduce((a, b) => a + (1 - b * b), 0);
  return (s * s) / (s * s + e);
}

/** Average variance extracted (Fornell & Larcker, 1981): mean of the squared standardised loadings. */
export function aveFromLoadings(l: number[]): number {
  return l.reduce((a, b) => a + b * b, 0) / l.length;
}

function loadingBoxes(c: PaperConstruct): { point: number[]; lo: number[]; hi: number[] } | null {
  const items = c.items.filter((i) => i.loading !== null && i.loadingPrinted !== undefined);
  if (items.length < 2 || items.length !== c.items.length) return null;
  const point = items.map((i) => i.loading as number);
  const d = items.map((i) => {
    const used = i.readings?.find((r) => r.used);
    const s = (used ? String(used.value.toFixed(2)) : (i.loadingPrinted as string)).replace(/^-/, "");
    const dot = s.indexOf(".");
    return dot < 0 ? 0 : s.length - dot - 1;
  });
  return { point, lo: point.map((v, k) => v - 0.5 * 10 ** -d[k]), hi: point.map((v, k) => Math.min(1, v + 0.5 * 10 ** -d[k])) };
}

/** CR and AVE recomputed from the printed loadings (both increase in every loading). */
export function checkCrAve(c: PaperConstruct, source: string): ConsistencyRow[] {
  const box = loadingBoxes(c);
  if (!box) return [];
  const out: ConsistencyRow[] = [];
  const pairs: [PublishedNumber | undefined, (l: number[]) => number, string][] = [
    [c.cr, crFromLoadings, "CR"],
    [c.ave, aveFromLoadings, "AVE"],
  ];
  for (const [pubN, f, name] of pairs) {
    if (!pubN) continue;
    const range: [number, number] = [f(box.lo), f(box.hi)];
    const point = f(box.point);
    const ok = overlaps(range, iv(pubN));
    const pointRounds = Math.abs(point - pubN.value) <= 0.5 * 10 ** -pubN.digits + 1e-12;
    out.push({
      check: `${name} from loadings`,
      source: `${source}, ${c.name}`,
      published: `${name} = ${pubN.printed}`,
      recomputed: `${fmt(point, 3)} (range ${fmtRange(range, 3)})`,
      verdict: ok ? "ok" : "flag",
      note: ok ? (pointRounds ? "" : `point value ${fmt(point, 3)} rounds differently; within rounding of the loadings`) : `no loadings that print as shown give ${name} = ${pubN.printed}`,
      id: pubN.id,
    });
  }
  return out;
}

/** √AVE printed on the correlation diagonal against √ of the printed AVE and of the loadings' AVE. */
export function checkSqrtAve(c: PaperConstruct): ConsistencyRow[] {
  const diag = c.sqrtAveDiagonal;
  if (!diag) return [];
  const out: ConsistencyRow[] = [];
  if (c.ave) {
    const range = cornerRange(Math.sqrt, [iv(c.ave)]);
    const ok = overlaps(range, iv(diag));
    out.push({
      check: "√AVE (diagonal) vs printed AVE",
      source: `${diag.source}`,
      published: `diagonal ${diag.printed}, AVE ${c.ave.printed}`,
      recomputed: `√AVE = ${fmt(Math.sqrt(c.ave.value), 3)}`,
      verdict: ok ? "ok" : "flag",
      note: ok ? "" : `√ of the printed AVE lies in ${fmtRange(range, 3)}`,
      id: diag.id,
    });
  }
  const box = loadingBoxes(c);
  if (box) {
    const range: [number, number] = [Math.sqrt(aveFromLoadings(box.lo)), Math.sqrt(aveFromLoadings(box.hi))];
    const ok = overlaps(range, iv(diag));
    out.push({
      check: "√AVE (diagonal) vs loadings",
      source: `${diag.source}`,
      published: `diagonal ${diag.printed}`,
      recomputed: `√AVE = ${fmt(Math.sqrt(aveFromLoadings(box.point)), 3)} (range ${fmtRange(range, 3)})`,
      verdict: ok ? "ok" : "flag",
      note: ok ? "" : "the diagonal is not the square root of the AVE of the printed loadings",
      id: diag.id,
    });
  }
  return out;
}

/** Fornell–Larcker: each construct's √AVE (diagonal) exceeds its correlations with the other constructs. */
export function checkFornellLarcker(t: PublishedCorrelationTable, constructIds: string[]): ConsistencyRow[] {
  const idx = constructIds.map((c) => t.names.indexOf(c)).filter((i) => i >= 0);
  return idx.map((i) => {
    let maxR = 0;
    let with_ = "";
    for (const j of idx) {
      if (j === i || !Number.isFinite(t.r[i][j])) continue;
      if (Math.abs(t.r[i][j]) > maxR) {
        maxR = Math.abs(t.r[i][j]);
        with_ = t.names[j];
      }
    }
    const ok = t.diagonal[i] > maxR;
    return {
      check: "Fornell–Larcker (√AVE > correlations)",
      source: `${t.source}, row/column ${t.labels[i]}`,
      published: `√AVE ${t.diagonal[i].toFixed(2)}`,
      recomputed: `largest |r| = ${fmt(maxR, 2)} (with ${with_})`,
      verdict: ok ? "ok" : "flag",
      note: ok ? "" : "discriminant validity fails by the paper's own criterion",
    } as ConsistencyRow;
  });
}

// ---------------------------------------------------------------------------------------------
// Correlation matrix

/** Critical |r| for a two-sided test at level alpha with n cases. */
export function criticalR(alpha: number, n: number): number {
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 60; k++) {
    const m = (lo + hi) / 2;
    const t = (m * Math.sqrt(n - 2)) / Math.sqrt(1 - m * m);
    if (2 * pt(t, n - 2, false) > alpha) lo = m;
    else hi = m;
  }
  return (lo + hi) / 2;
}

function pOfR(r: number, n: number): number {
  const a = Math.min(Math.abs(r), 1 - 1e-15);
  return 2 * pt((a * Math.sqrt(n - 2)) / Math.sqrt(1 - a * a), n - 2, false);
}

/** Stars of every correlation against r and N (two-sided); one row per inconsistent cell plus a summary. */
export function checkCorrelationStars(t: PublishedCorrelationTable): ConsistencyRow[] {
  if (!t.starLegend) return [];
  const legend = t.starLegend;
  const out: ConsistencyRow[] = [];
  let checked = 0;
  for (let i = 0; i < t.names.length; i++) {
    for (let j = 0; j < i; j++) {
      const st = t.stars[i][j];
      if (st === null || !Number.isFinite(t.r[i][j])) continue;
      checked++;
      const [lo, hi] = roundingInterval(Math.abs(t.r[i][j]), t.rDigits[i][j]);
      const sMin = starsForP(pOfR(Math.max(0, lo), t.n), legend);
      const sMax = starsForP(pOfR(hi, t.n), legend);
      const r = STAR_RANK[st];
      if (r >= STAR_RANK[sMin] && r <= STAR_RANK[sMax]) continue;
      out.push({
        check: "correlation stars from r and N",
        source: `${t.source}, row ${t.labels[i]}, column ${j + 1} (${t.labels[j]})`,
        published: `r = ${t.printed[i][j]}`,
        recomputed: `p = ${fmtP(pOfR(t.r[i][j], t.n))} → ${starsForP(pOfR(t.r[i][j], t.n), legend) || "none"}`,
        verdict: "flag",
        note: `stars "${st || "none"}" inconsistent with |r| in [${lo.toFixed(3)}, ${hi.toFixed(3)}] at N = ${t.n} (two-sided)`,
      });
    }
  }
  const flagged = out.length;
  out.push({
    check: "correlation stars from r and N",
    source: `${t.source}, all starred cells`,
    published: `${checked} cells`,
    recomputed: `${checked - flagged} consistent`,
    verdict: flagged === 0 ? "ok" : "flag",
    note: `critical |r| at N = ${t.n}: ${Object.entries(legend)
      .sort((a, b) => b[1] - a[1])
      .map(([s, a]) => `${s} ${fmt(criticalR(a, t.n), 3)}`)
      .join(", ")}`,
  });
  return out;
}

/** Smallest eigenvalue of the correlation matrix (missing cells set to 0); flag if not positive. */
export function checkPositiveDefinite(t: PublishedCorrelationTable): ConsistencyRow {
  const R = t.r.map((row) => row.map((v) => (Number.isFinite(v) ? v : 0)));
  const { values } = symEigen(R);
  const min = values[values.length - 1];
  const nMissing = t.missing.length;
  return {
    check: "correlation matrix positive definite",
    source: t.source,
    published: `${t.names.length} × ${t.names.length} matrix`,
    recomputed: `smallest eigenvalue ${fmt(min, 3)}`,
    verdict: min > 0 ? "ok" : "flag",
    note: (min > 0 ? "" : "no data set can have this correlation matrix") + (nMissing ? `${min > 0 ? "" : "; "}${nMissing} missing cell(s) set to 0` : ""),
  };
}

// ---------------------------------------------------------------------------------------------
// Counts, percentages, moments

/** A percentage recomputed from its count and total. */
export function checkPercent(row: PublishedPercent): ConsistencyRow | null {
  if (row.count === null) return null;
  const pct = (100 * row.count) / row.total;
  const ok = overlaps([pct, pct], iv(row.pct));
  return {
    check: "percentage from count",
    source: `${row.source}, ${row.block}, ${row.category}`,
    published: `${row.pct.printed}%`,
    recomputed: `${row.count}/${row.total} = ${pct.toFixed(row.pct.digits + 1)}%`,
    verdict: ok ? "ok" : "flag",
    note: ok ? "" : `${row.count}/${row.total} rounds to ${pct.toFixed(row.pct.digits)}%`,
    id: row.pct.id,
  };
}

/** The counts (and percentages) of a block that partitions the sample must add up. */
export function checkPercentBlock(rows: PublishedPercent[]): ConsistencyRow[] {
  if (rows.length < 2) return [];
  const out: ConsistencyRow[] = [];
  const total = rows[0].total;
  const src = `${rows[0].source}, ${rows[0].block}`;
  if (rows.every((r) => r.count !== null)) {
    const sum = rows.reduce((a, r) => a + (r.count as number), 0);
    out.push({
      check: "counts add up to N",
      source: src,
      published: rows.map((r) => r.count).join(" + "),
      recomputed: `= ${sum} (N = ${total})`,
      verdict: sum === total ? "ok" : "flag",
      note: sum === total ? "" : `the block sums to ${sum}, not ${total}`,
    });
  }
  const lo = rows.reduce((a, r) => a + iv(r.pct)[0], 0);
  const hi = rows.reduce((a, r) => a + iv(r.pct)[1], 0);
  const sum = rows.reduce((a, r) => a + r.pct.value, 0);
  const ok = lo <= 100 + 1e-9 && hi >= 100 - 1e-9;
  out.push({
    check: "percentages add up to 100",
    source: src,
    published: rows.map((r) => r.pct.printed).join(" + "),
    recomputed: `= ${sum.toFixed(Math.max(...rows.map((r) => r.pct.digits)))}`,
    verdict: ok ? "ok" : "flag",
    note: ok ? "" : `rounded shares can sum to ${lo.toFixed(2)}–${hi.toFixed(2)} only`,
  });
  return out;
}

/** Mean and SD of a coded categorical variable recomputed from its distribution; SD bound (Bhatia–Davis). */
export function checkCategoricalMoments(m: PublishedCategoricalMoments): ConsistencyRow[] {
  const out: ConsistencyRow[] = [];
  let w: number[];
  let basis: string;
  if (m.counts) {
    w = m.counts.map((c) => c / m.counts!.reduce((a, b) => a + b, 0));
    basis = `counts ${m.counts.join("/")}`;
  } else if (m.percents) {
    const s = m.percents.reduce((a, b) => a + b, 0);
    w = m.percents.map((p) => p / s);
    basis = `percentages ${m.percents.join("/")}`;
  } else return out;
  const mean = w.reduce((a, p, k) => a + p * m.codes[k], 0);
  const varPop = w.reduce((a, p, k) => a + p * (m.codes[k] - mean) ** 2, 0);
  const sdSample = Math.sqrt((varPop * m.n) / (m.n - 1));
  const sdPop = Math.sqrt(varPop);
  // Percentages printed to one decimal move the mean by at most about 0.0005 × range per category.
  const slack = m.counts ? 0 : 0.0005 * (Math.max(...m.codes) - Math.min(...m.codes)) * m.codes.length;
  if (m.mean) {
    const ok = overlaps([mean - slack, mean + slack], iv(m.mean));
    out.push({
      check: "mean of a coded variable from its distribution",
      source: m.source,
      published: `mean ${m.mean.printed}`,
      recomputed: `${fmt(mean, 3)} (from ${basis})`,
      verdict: ok ? "ok" : "flag",
      note: ok ? "" : `the distribution implies mean ${fmt(mean, 3)}`,
      id: m.mean.id,
    });
  }
  if (m.sd) {
    const ok = overlaps([Math.min(sdPop, sdSample) - slack, Math.max(sdPop, sdSample) + slack], iv(m.sd));
    const lo = Math.min(...m.codes);
    const hi = Math.max(...m.codes);
    const mu = m.mean ? m.mean.value : mean;
    const sdMax = Math.sqrt(Math.max(0, (mu - lo) * (hi - mu)) * (m.n / (m.n - 1)));
    out.push({
      check: "SD of a coded variable from its distribution",
      source: m.source,
      published: `SD ${m.sd.printed}`,
      recomputed: `${fmt(sdSample, 3)} (n − 1) / ${fmt(sdPop, 3)} (n); max possible ${fmt(sdMax, 3)}`,
      verdict: ok ? "ok" : "flag",
      note: ok ? "" : m.sd.value > sdMax ? `impossible: an SD above ${fmt(sdMax, 2)} cannot occur for codes ${lo}–${hi} with mean ${mu}` : `the distribution implies SD ${fmt(sdSample, 3)}`,
      id: m.sd.id,
    });
  }
  return out;
}

/**
 * GRIM (Brown & Heathers, 2017): a mean of n responses to k integer items must be a multiple of
 * 1/(n·k) before rounding. Informative only when n·k < 10^digits.
 */
export function grim(mean: number, digits: number, n: number, items = 1): { applicable: boolean; consistent: boolean } {
  const nk = n * items;
  if (nk >= 10 ** digits) return { applicable: false, consistent: true };
  const [lo, hi] = roundingInterval(mean, digits);
  const consistent = Math.floor(hi * nk + 1e-9) >= Math.ceil(lo * nk - 1e-9);
  return { applicable: true, consistent };
}

/** Mean and SD of an item-mean scale must respect the scale range (SD ≤ √((M − min)(max − M)) · √(n/(n−1))). */
export function checkScaleMoments(t: PublishedCorrelationTable, c: PaperConstruct): ConsistencyRow | null {
  const i = t.names.indexOf(c.id);
  if (i < 0 || !c.scaleRange) return null;
  const m = t.means[i];
  const sd = t.sds[i];
  if (m === null || sd === null) return null;
  const [lo, hi] = c.scaleRange;
  const inRange = m >= lo && m <= hi;
  const sdMax = Math.sqrt(Math.max(0, (m - lo) * (hi - m)) * (t.n / (t.n - 1)));
  const ok = inRange && sd <= sdMax + 0.5 * 10 ** -t.sdDigits[i];
  const g = grim(m, t.meanDigits[i], t.n, c.items.length || 1);
  return {
    check: "mean and SD within the scale's range",
    source: `${t.source}, ${t.labels[i]}`,
    published: `M = ${m.toFixed(t.meanDigits[i])}, SD = ${sd.toFixed(t.sdDigits[i])} (scale ${lo}–${hi})`,
    recomputed: `max SD ${fmt(sdMax, 2)}${g.applicable ? `; GRIM ${g.consistent ? "consistent" : "inconsistent"}` : ""}`,
    verdict: ok && g.consistent ? "ok" : "flag",
    note: g.applicable ? "" : `GRIM uninformative (N × items = ${t.n * (c.items.length || 1)} ≥ ${10 ** t.meanDigits[i]})`,
  };
}

/**
 * A published mean of logged values against the raw variable: the mean of logs cannot exceed the
 * log of the arithmetic mean (Jensen's inequality) nor fall below the log of the minimum.
 */
export function checkLogMean(args: { source: string; label: string; logMean: { value: number; digits: number }; base: "e" | "10"; arithmeticMean?: number; min?: number }): ConsistencyRow {
  const lg = (x: number) => (args.base === "e" ? Math.log(x) : Math.log10(x));
  const [lo, hi] = roundingInterval(args.logMean.value, args.logMean.digits);
  const problems: string[] = [];
  const parts: string[] = [];
  if (args.arithmeticMean !== undefined) {
    parts.push(`log(mean) = ${fmt(lg(args.arithmeticMean), 3)}`);
    if (lo > lg(args.arithmeticMean)) problems.push(`mean of logs exceeds the log of the mean ${args.arithmeticMean} (Jensen)`);
  }
  if (args.min !== undefined) {
    parts.push(`log(min) = ${fmt(lg(args.min), 3)}`);
    if (hi < lg(args.min)) problems.push(`mean of logs below the log of the minimum ${args.min}`);
  }
  return {
    check: `mean of ${args.base === "e" ? "ln" : "log10"} values vs the raw variable`,
    source: args.source,
    published: `${args.label}: mean ${args.logMean.value.toFixed(args.logMean.digits)}`,
    recomputed: parts.join("; "),
    verdict: problems.length ? "flag" : "ok",
    note: problems.join("; "),
  };
}

// ---------------------------------------------------------------------------------------------
// Mediation and moderation

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
export function checkTotalEffect(args: { source: string; total: { value: number; digits: number }; direct: { value: number; digits: number }; indirect: { value: number; digits: number }; printed: string; id?: string }): ConsistencyRow {
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
export function checkSimpleSlopes(args: { label: string; low: PublishedSimpleSlope; high: PublishedSimpleSlope; interaction?: PublishedNumber | null; sdW?: PublishedNumber | null; atMean?: PublishedSimpleSlope | null; note?: string }): ConsistencyRow[] {
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

// ---------------------------------------------------------------------------------------------
// A whole paper

function statOf(ms: PublishedModelStats | PublishedFit, kind: string): PublishedNumber | undefined {
  const list = "stats" in ms ? ms.stats : ms.values;
  return list.find((n) => n.kind === kind);
}

function pFromText(text: string | undefined): { value: number; digits: number; bound?: "<" | ">" } | null {
  if (!text) return null;
  const m = /p\s*([<>=])\s*(\.?\d[\d.]*)/i.exec(text);
  if (!m) return null;
  const s = m[2].startsWith(".") ? "0" + m[2] : m[2];
  const dot = s.indexOf(".");
  return { value: Number(s), digits: dot < 0 ? 0 : s.length - dot - 1, bound: m[1] === "=" ? undefined : (m[1] as "<" | ">") };
}

function fitChecks(fit: PublishedFit | PublishedModelStats, n: number, label: string): ConsistencyRow[] {
  const out: ConsistencyRow[] = [];
  const chi2 = statOf(fit, "chi2");
  const dfN = statOf(fit, "df");
  const ratio = statOf(fit, "chi2df");
  const rmsea = statOf(fit, "rmsea");
  const p = statOf(fit, "p");
  const implied = "impliedDf" in fit ? fit.impliedDf : undefined;
  let df = dfN?.value;
  if (df === undefined && chi2 && ratio) df = Math.round(chi2.value / ratio.value);
  if (chi2 && ratio) out.push(checkChi2Ratio({ source: label, chi2, ratio, df: dfN?.value }));
  if (rmsea) {
    if (chi2 && df !== undefined) out.push(checkRmsea({ source: label, rmsea, n, chi2, df }));
    else if (ratio) out.push(checkRmsea({ source: label, rmsea, n, ratio }));
  }
  const pText = "pText" in fit ? fit.pText : undefined;
  const pp = p ? { value: p.value, digits: p.digits, bound: p.bound } : pFromText(pText);
  if (pp) {
    if (chi2 && df !== undefined) {
      out.push(checkChi2P({ source: label, chi2: chi2.value, chi2Digits: chi2.digits, df, p: pp, printed: p ? `p = ${p.printed}` : (pText as string), id: p?.id }));
    } else if (ratio && implied) {
      // χ² and df not printed: use the df of the standard specification, χ² = ratio × df.
      const d = implied.df;
      const [rl, rh] = iv(ratio);
      const range: [number, number] = [pchisq(rh * d, d, false), pchisq(rl * d, d, false)];
      const ok = overlaps(range, iv(pp));
      out.push({
        check: "χ² p-value (assumed df)",
        source: label,
        published: `χ²/df = ${ratio.printed}, ${p ? `p = ${p.printed}` : pText}`,
        recomputed: `p = ${fmtP(pchisq(ratio.value * d, d, false))} with df = ${d}`,
        verdict: ok ? "ok" : "flag",
        note: `assumes df = ${d} (${implied.basis}); ` + (ok ? "consistent" : `p consistent with the ratio lies in ${fmtRange(range, 3)}`),
        id: p?.id,
      });
    }
  }
  return out;
}

/**
 * Runs every applicable check on a paper record: stars/p from t and df, sign and implied-SE checks
 * on every coefficient table, F, R², adjusted R² and ΔR², RMSEA/χ² p of every fit, CR/AVE from the
 * loadings, √AVE vs the diagonal, Fornell–Larcker, correlation stars, positive definiteness,
 * percentages and counts, moments of coded variables, scale ranges (GRIM where informative),
 * indirect effect vs a × b, total = direct + indirect, CIs, simple slopes and Sobel tests.
 */
export function checkPaper(paper: PaperRecord): ConsistencyReport {
  const rows: ConsistencyRow[] = [];
  const t = paper.correlations;
  const byId = new Map(paper.coefficients.map((c) => [c.id, c] as [string, CoefficientRow]));

  // Coefficient tables: stars from t, signs, implied SEs.
  const models = new Map<string, CoefficientRow[]>();
  for (const row of paper.coefficients) {
    if (row.t !== undefined && row.printed.t !== undefined && row.stars !== undefined) {
      // Paper 003's table defines its stars by critical values 1.96 / 2.58 (two-sided z); the others use † * ** ***.
      const legend: Record<string, number> = paper.id === "003" ? { "*": 0.05, "**": 0.01 } : { "†": 0.1, "*": 0.05, "**": 0.01, "***": 0.001 };
      rows.push(
        checkStarsFromStatistic({
          label: `${row.model} ${row.predictor} → ${row.outcome}: ${row.statistic === "t" ? "t" : "CR"}`,
          source: row.source,
          stat: row.t,
          statDigits: digitsOfPrinted(row.printed.t, row),
          df: row.statistic === "t" && paper.id !== "003" ? row.df : undefined,
          stars: row.stars,
          legend,
          id: row.id,
        }),
      );
    }
    const s = checkSign(row);
    if (s) rows.push(s);
    const key = `${row.table}|${row.model}`;
    if (!models.has(key)) models.set(key, []);
    (models.get(key) as CoefficientRow[]).push(row);
  }
  for (const list of models.values()) rows.push(...checkImpliedSe(list));

  // Regression model statistics and structural fit.
  const statsByTable = new Map<string, PublishedModelStats[]>();
  for (const ms of paper.modelStats) {
    const k = ms.predictors.length;
    const r2 = statOf(ms, "r2");
    const adj = statOf(ms, "adjR2");
    const F = statOf(ms, "F");
    const label = `${ms.table}, ${ms.model}`;
    if (r2 && F) rows.push(checkR2FromF({ source: `${label}, R² and F`, r2, F, k, n: ms.n }));
    if (r2 && adj) rows.push(checkAdjR2({ source: `${label}, adjusted R²`, r2, adj, k, n: ms.n }));
    if (F && ms.note && /F printed with \*\*/.test(ms.note)) {
      rows.push(checkFStars({ label, source: `${label}, F`, F: F.value, digits: F.digits, df1: k, df2: ms.n - k - 1, stars: "**", legend: { "*": 0.05, "**": 0.01 }, id: F.id }));
    } else if (F && paper.id === "003") {
      rows.push(checkFStars({ label, source: `${label}, F`, F: F.value, digits: F.digits, df1: k, df2: ms.n - k - 1, stars: "", legend: { "*": 0.05, "**": 0.01 }, id: F.id }));
    }
    rows.push(...fitChecks(ms, ms.n, label));
    if (!statsByTable.has(ms.table)) statsByTable.set(ms.table, []);
    (statsByTable.get(ms.table) as PublishedModelStats[]).push(ms);
  }
  for (const list of statsByTable.values()) {
    for (const ms of list) {
      const delta = statOf(ms, "deltaR2");
      if (!delta) continue;
      const r2 = statOf(ms, "r2");
      const prev = [...list].reverse().find((o) => o.outcome === ms.outcome && o.model < ms.model && statOf(o, "r2"));
      if (r2 && prev) rows.push(checkDeltaR2({ source: `${ms.table}, ${ms.model}, ΔR²`, delta, r2, r2Prev: statOf(prev, "r2") as PublishedNumber }));
    }
  }
  for (const f of paper.fit) rows.push(...fitChecks(f, f.n, `${f.label} (${f.source})`));

  // Measurement.
  const measured: string[] = [];
  for (const c of paper.constructs) {
    rows.push(...checkCrAve(c, c.cr?.source.split(",")[0] ?? "measurement table"));
    rows.push(...checkSqrtAve(c));
    if (c.sqrtAveDiagonal) measured.push(c.id);
    const sm = checkScaleMoments(t, c);
    if (sm) rows.push(sm);
  }
  rows.push(...checkFornellLarcker(t, measured));
  rows.push(...checkCorrelationStars(t));
  rows.push(checkPositiveDefinite(t));

  // Counts and coded variables.
  const blocks = new Map<string, PublishedPercent[]>();
  for (const p of paper.percentages) {
    const r = checkPercent(p);
    if (r) rows.push(r);
    if (!blocks.has(p.block)) blocks.set(p.block, []);
    (blocks.get(p.block) as PublishedPercent[]).push(p);
  }
  for (const b of blocks.values()) rows.push(...checkPercentBlock(b));
  for (const m of paper.categoricalMoments) rows.push(...checkCategoricalMoments(m));

  // Mediation.
  for (const ie of paper.indirectEffects) {
    if (ie.paths && ie.paths.length === 2) {
      const a = byId.get(ie.paths[0]);
      const b = byId.get(ie.paths[1]);
      if (a && b) rows.push(checkIndirectProduct(ie, a, b));
    }
    if (ie.ciLower && ie.ciUpper) {
      rows.push(checkCiContains(ie.id, ie.source, ie.effect, ie.ciLower, ie.ciUpper));
      if (ie.conclusion) rows.push(checkCiConclusion(ie.id, ie.source, ie.ciLower, ie.ciUpper, ie.conclusion, ie.effect.id));
    }
    const s = checkSobel(ie);
    if (s) rows.push(s);
  }
  for (const c of paper.coefficients) {
    if (c.ci) {
      const est = { id: c.id, value: c.estimate, digits: c.digits, printed: c.printed.estimate } as PublishedNumber;
      const lo = { value: c.ci[0], digits: digitsFromString(c.printed.ciLower), printed: c.printed.ciLower } as PublishedNumber;
      const hi = { value: c.ci[1], digits: digitsFromString(c.printed.ciUpper), printed: c.printed.ciUpper } as PublishedNumber;
      rows.push(checkCiContains(c.id, c.source, est, lo, hi));
    }
  }
  rows.push(...paperSpecific(paper, byId));

  // Moderation.
  const groups = new Map<string, PublishedSimpleSlope[]>();
  for (const s of paper.simpleSlopes) {
    const k = `${s.x}|${s.w}|${s.y}`;
    if (!groups.has(k)) groups.set(k, []);
    (groups.get(k) as PublishedSimpleSlope[]).push(s);
  }
  for (const [k, list] of groups) {
    const low = list.find((s) => s.wSd === -1);
    const high = list.find((s) => s.wSd === 1);
    const atMean = list.find((s) => s.wSd === 0) ?? null;
    if (!low || !high) continue;
    const [x, w, y] = k.split("|");
    const inters = paper.coefficients.filter((c) => c.role === "interaction" && c.outcome === y && c.predictor.includes(x) && c.predictor.includes(w) && !/sq|2$/.test(c.predictor));
    // Prefer the interaction in the same metric as the slopes: PROCESS (unstandardised) when slopes come from PROCESS.
    const inter = inters.find((c) => c.standardized === false) ?? inters.find((c) => !c.table.startsWith("Table 4")) ?? inters[0];
    const wi = t.names.indexOf(w);
    const sdW = inter && inter.standardized === false && wi >= 0 && t.sds[wi] !== null
      ? ({ id: `${paper.id}.${w}.sd`, label: `SD of ${w}`, source: t.source, value: t.sds[wi] as number, printed: (t.sds[wi] as number).toFixed(t.sdDigits[wi]), digits: t.sdDigits[wi], kind: "sd" } as PublishedNumber)
      : null;
    const interN = inter ? ({ id: `${inter.id}.est`, label: inter.id, source: inter.source, value: inter.estimate, printed: inter.printed.estimate, digits: inter.digits, kind: "estimate" } as PublishedNumber) : null;
    rows.push(
      ...checkSimpleSlopes({
        label: k,
        low,
        high,
        interaction: interN,
        sdW,
        atMean,
        note: sdW ? undefined : "assumes slopes at ±1 SD of a standardised moderator and a standardised interaction",
      }),
    );
  }

  const info = [
    "GRIM is informative only when N × items < 10^decimals; with these sample sizes it is not (noted per scale).",
  ];
  return new ConsistencyReport(rows, `Consistency of the published statistics — paper ${paper.id}`, info);
}

function digitsFromString(s: string | undefined): number {
  if (!s) return 0;
  const t = s.replace(/[^\d.]/g, "");
  const dot = t.indexOf(".");
  return dot < 0 ? 0 : t.length - dot - 1;
}

/** Checks that need a paper's own structure (total = direct + indirect across models, etc.). */
function paperSpecific(paper: PaperRecord, byId: Map<string, CoefficientRow>): ConsistencyRow[] {
  const out: ConsistencyRow[] = [];
  const num = (c: CoefficientRow | undefined) => (c ? { value: c.estimate, digits: c.digits } : null);
  if (paper.id === "000") {
    // Baron–Kenny on Table 4: c (M4) = c′ (M6) + a (M2) × b (M6), an OLS identity for the same covariates.
    const a = byId.get("000.T4.M2.amc");
    const b = byId.get("000.T4.M6.cia");
    const cp = byId.get("000.T4.M6.amc");
    const c = byId.get("000.T4.M4.amc");
    if (a && b && cp && c) {
      const range = cornerRange((x, y, z) => x * y + z, [roundingInterval(a.estimate, a.digits), roundingInterval(b.estimate, b.digits), roundingInterval(cp.estimate, cp.digits)]);
      const ok = overlaps(range, roundingInterval(c.estimate, c.digits));
      out.push({
        check: "total = direct + a × b (Baron–Kenny models)",
        source: "Table 4, M2 (a), M6 (b, c′), M4 (c)",
        published: `c = ${c.printed.estimate}; a = ${a.printed.estimate}, b = ${b.printed.estimate}, c′ = ${cp.printed.estimate}`,
        recomputed: `a·b + c′ = ${fmt(a.estimate * b.estimate + cp.estimate, 3)}`,
        verdict: ok ? "ok" : "flag",
        note: ok ? "Table 4 is internally coherent" : `a·b + c′ lies in ${fmtRange(range, 3)}`,
        id: c.id,
      });
    }
  }
  const meanOf = (v: string) => {
    const i = paper.correlations.names.indexOf(v);
    return i >= 0 && paper.correlations.means[i] !== null ? { value: paper.correlations.means[i] as number, digits: paper.correlations.meanDigits[i] } : null;
  };
  if (paper.id === "002") {
    const m = meanOf("firm_size");
    if (m) out.push({ ...checkLogMean({ source: "Table 3, Firm size, Mean (marked natural log); text: 9–250 employees", label: "ln(employees)", logMean: m, base: "e", arithmeticMean: 89, min: 9 }), });
  }
  if (paper.id === "003") {
    const m = meanOf("intl_exp");
    if (m) out.push(checkLogMean({ source: "Table 2, International experience, Mean (ln); text: mean 5 years", label: "ln(years international)", logMean: m, base: "e", arithmeticMean: 5 }));
  }
  if (paper.id === "002") {
    const total = byId.get("002.T5.total");
    const direct = byId.get("002.F2.direct");
    const ie = paper.indirectEffects.find((e) => e.id === "002.IE.osc");
    if (total && direct && ie) {
      out.push(
        checkTotalEffect({
          source: "Table 5 (total, indirect) and Figure 2 (direct)",
          total: num(total) as { value: number; digits: number },
          direct: num(direct) as { value: number; digits: number },
          indirect: ie.effect,
          printed: `total ${total.printed.estimate} = direct ${direct.printed.estimate} + indirect ${ie.effect.printed}`,
          id: total.id,
        }),
      );
    }
  }
  return out;
}
