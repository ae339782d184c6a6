/** Consistency of reliability and validity numbers: CR and AVE from the loadings, √AVE on the correlation diagonal, Fornell–Larcker. */
import { averageVarianceExtracted, compositeReliability } from "../../measurement/reliability";
import type { PaperConstruct, PublishedCorrelationTable, PublishedNumber } from "../record";
import { cornerRange, fmt, fmtRange, iv, overlaps, type ConsistencyRow } from "./report";

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
    [c.cr, compositeReliability, "CR"],
    [c.ave, averageVarianceExtracted, "AVE"],
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
      note: ok
        ? pointRounds
          ? ""
          : `point value ${fmt(point, 3)} rounds differently; within rounding of the loadings`
        : `no loadings that print as shown give ${name} = ${pubN.printed}`,
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
    const range: [number, number] = [Math.sqrt(averageVarianceExtracted(box.lo)), Math.sqrt(averageVarianceExtracted(box.hi))];
    const ok = overlaps(range, iv(diag));
    out.push({
      check: "√AVE (diagonal) vs loadings",
      source: `${diag.source}`,
      published: `diagonal ${diag.printed}`,
      recomputed: `√AVE = ${fmt(Math.sqrt(averageVarianceExtracted(box.point)), 3)} (range ${fmtRange(range, 3)})`,
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
