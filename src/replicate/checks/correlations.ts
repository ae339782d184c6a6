/** Consistency of a published correlation matrix: stars against r and N, positive definiteness. */
import { STAR_RANK, correlationPValue, criticalR, starsFor, symEigen } from "../../math";
import type { PublishedCorrelationTable } from "../record";
import { fmt, fmtP, roundingInterval, type ConsistencyRow } from "./report";

/**
 * Id of a correlation-table cell: "<paper>.corr.<row>.<col>" (the row is the later variable), or
 * "<paper>.corr.<var>.mean|sd" for a moment; the paper id is the table's `paper` when known.
 */
export function correlationCellId(t: PublishedCorrelationTable, i: number, j: number | "mean" | "sd"): string {
  return `${tablePrefix(t)}.${t.names[i]}.${typeof j === "number" ? t.names[j] : j}`;
}

function tablePrefix(t: PublishedCorrelationTable): string {
  return `${t.paper ?? "paper"}.corr`;
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
      const sMin = starsFor(correlationPValue(Math.max(0, lo), t.n), legend);
      const sMax = starsFor(correlationPValue(hi, t.n), legend);
      const r = STAR_RANK[st];
      if (r >= STAR_RANK[sMin] && r <= STAR_RANK[sMax]) continue;
      out.push({
        check: "correlation stars from r and N",
        source: `${t.source}, row ${t.labels[i]}, column ${j + 1} (${t.labels[j]})`,
        published: `r = ${t.printed[i][j]}`,
        recomputed: `p = ${fmtP(correlationPValue(t.r[i][j], t.n))} → ${starsFor(correlationPValue(t.r[i][j], t.n), legend) || "none"}`,
        verdict: "flag",
        note: `stars "${st || "none"}" inconsistent with |r| in [${lo.toFixed(3)}, ${hi.toFixed(3)}] at N = ${t.n} (two-sided)`,
        id: correlationCellId(t, i, j),
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

/** Significance thresholds for |r| stated in a table's note against the critical r at the table's N (two-sided). */
export function checkThresholdClaims(t: PublishedCorrelationTable): ConsistencyRow[] {
  return (t.thresholdClaims ?? []).map((c, k) => {
    const p = correlationPValue(c.r, t.n);
    const ok = p <= c.p;
    return {
      check: "stated significance threshold for r",
      source: `${t.source}, note`,
      published: `"${c.text}" (|r| > ${c.r} ⇒ p < ${c.p})`,
      recomputed: `p(|r| = ${c.r}, N = ${t.n}) = ${fmtP(p)}; critical |r| for p < ${c.p}: ${fmt(criticalR(c.p, t.n), 3)}`,
      verdict: ok ? "ok" : "flag",
      note: ok ? "" : `at N = ${t.n}, |r| = ${c.r} is not significant at p < ${c.p}`,
      id: `${tablePrefix(t)}.threshold.${k + 1}`,
    };
  });
}
