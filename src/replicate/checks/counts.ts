/** Consistency of counts, percentages and moments: percentages from counts, blocks adding up, coded-variable moments, GRIM, scale ranges, means of logged values. */
import type { LogMeanDeclaration, PaperConstruct, PublishedCategoricalMoments, PublishedCorrelationTable, PublishedPercent } from "../record";
import { fmt, fmtRange, iv, overlaps, roundingInterval, type ConsistencyRow } from "./report";

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
      note: ok
        ? ""
        : m.sd.value > sdMax
          ? `impossible: an SD above ${fmt(sdMax, 2)} cannot occur for codes ${lo}–${hi} with mean ${mu}`
          : `the distribution implies SD ${fmt(sdSample, 3)}`,
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
 * The interval the mean of log_base(x) can take given what the paper says about the raw x. The log
 * is concave, so for a raw mean A and range [a, b] the mean of logs is at most log A (Jensen) and at
 * least that of the two-point distribution on a and b with mean A: p log b + (1 − p) log a,
 * p = (A − a)/(b − a). A range alone gives [log a, log b]; brackets [l_k, u_k] with counts n_k give
 * [Σ n_k log l_k, Σ n_k log u_k]/Σ n_k (an open bracket has no upper limit). All given facts are
 * intersected.
 */
export function logMeanBounds(decl: Omit<LogMeanDeclaration, "source" | "base">, base: "e" | "10"): [number, number] {
  const lg = (x: number) => (base === "e" ? Math.log(x) : Math.log10(x));
  let lo = -Infinity;
  let hi = Infinity;
  const { arithmeticMean: A, range, brackets } = decl;
  if (A !== undefined) hi = Math.min(hi, lg(A));
  if (range) {
    const [a, b] = range;
    lo = Math.max(lo, lg(a));
    hi = Math.min(hi, lg(b));
    if (A !== undefined && b > a) {
      const p = (A - a) / (b - a);
      lo = Math.max(lo, p * lg(b) + (1 - p) * lg(a));
    }
  }
  if (brackets && brackets.length) {
    const n = brackets.reduce((s, k) => s + k.count, 0);
    lo = Math.max(lo, brackets.reduce((s, k) => s + k.count * lg(k.lower), 0) / n);
    if (brackets.every((k) => k.upper !== null)) hi = Math.min(hi, brackets.reduce((s, k) => s + k.count * lg(k.upper as number), 0) / n);
  }
  return [lo, hi];
}

/**
 * A printed mean of logged values against what the paper says about the raw variable: flagged when
 * no raw data consistent with it give the printed mean under the stated base; the note says whether
 * the other base would fit.
 */
export function checkLogMean(args: {
  source: string;
  label: string;
  logMean: { value: number; digits: number };
  declaration: LogMeanDeclaration;
  id?: string;
}): ConsistencyRow {
  const d = args.declaration;
  const printed = roundingInterval(args.logMean.value, args.logMean.digits);
  const stated = logMeanBounds(d, d.base);
  const other: "e" | "10" = d.base === "e" ? "10" : "e";
  const alt = logMeanBounds(d, other);
  const name = (b: "e" | "10") => (b === "e" ? "ln" : "log10");
  const ok = overlaps(printed, stated);
  const altOk = overlaps(printed, alt);
  const facts = [
    d.arithmeticMean !== undefined ? `raw mean ${d.arithmeticMean}` : "",
    d.range ? `range ${d.range[0]}–${d.range[1]}` : "",
    d.brackets ? `brackets ${d.brackets.map((k) => `${k.lower}–${k.upper ?? "…"}: ${k.count}`).join(", ")}` : "",
  ].filter(Boolean);
  return {
    check: `mean of ${name(d.base)} values vs the raw variable`,
    source: `${args.source}; ${d.source}`,
    published: `${args.label}: mean ${args.logMean.value.toFixed(args.logMean.digits)} (stated ${name(d.base)})`,
    recomputed: `${name(d.base)}: ${fmtRange(stated, 3)}; ${name(other)}: ${fmtRange(alt, 3)} (${facts.join("; ")})`,
    verdict: ok ? "ok" : "flag",
    note: ok ? "" : `no raw values consistent with ${facts.join("; ")} give this mean of ${name(d.base)} values${altOk ? `; it fits ${name(other)}` : ""}`,
    id: args.id,
  };
}
