/**
 * Flat listings of a paper's published numbers, for comparison tables and for counting: every
 * number of the hypothesis-test tables and of the results reported in the text (coefficients with
 * their SE/t/p/CI, model statistics, indirect effects, simple slopes, other test results), and the
 * measurement numbers (loadings, α, CR, AVE, √AVE, fit).
 */
import { digitsOf, parsePrinted } from "./transcribe";
import type { CoefField, CoefficientRow, NumberKind, PaperRecord, PublishedNumber } from "./record";

const FIELD_SUFFIX: Record<CoefField, string> = { estimate: "est", se: "se", t: "t", p: "p", ciLower: "ci.lo", ciUpper: "ci.hi" };
const FIELD_KIND: Record<CoefField, NumberKind> = { estimate: "estimate", se: "se", t: "t", p: "p", ciLower: "ciLower", ciUpper: "ciUpper" };
const FIELD_LABEL: Record<CoefField, string> = { estimate: "estimate", se: "SE", t: "t", p: "p", ciLower: "95% CI lower", ciUpper: "95% CI upper" };

/** The published numbers of one coefficient row (estimate, SE, t, p, CI bounds as printed). */
export function coefficientNumbers(row: CoefficientRow): PublishedNumber[] {
  const out: PublishedNumber[] = [];
  const fields: CoefField[] = ["estimate", "se", "t", "p", "ciLower", "ciUpper"];
  for (const f of fields) {
    const printed = row.printed[f];
    if (printed === undefined) continue;
    const parsed = parsePrinted(printed);
    const rd = row.readings?.find((r) => r.field === f);
    const used = rd?.options.find((o) => o.used);
    const statLabel = f === "t" ? (row.statistic === "z" ? "z" : row.statistic === "cr" ? "critical ratio" : "t") : FIELD_LABEL[f];
    const n: PublishedNumber = {
      id: `${row.id}.${FIELD_SUFFIX[f]}`,
      label: `${row.model}: ${row.predictor} → ${row.outcome}, ${statLabel}`,
      source: row.source,
      value: used ? used.value : f === "estimate" ? row.estimate : parsed.value,
      printed,
      digits: used ? digitsOf(used.printed) : parsed.digits,
      kind: f === "t" && row.statistic === "z" ? "z" : FIELD_KIND[f],
    };
    if (parsed.bound) n.bound = parsed.bound;
    if (row.hypothesis) n.hypothesis = row.hypothesis;
    if (rd) {
      n.readings = rd.options;
      n.note = rd.why;
    } else if (row.note && f === "estimate") n.note = row.note;
    out.push(n);
  }
  return out;
}

/**
 * Every published hypothesis-test number of a paper: coefficient rows (tables and text), model
 * statistics of the hypothesis-test tables (R², ΔR², F, fit), indirect effects with CIs and Sobel
 * tests, simple slopes with CIs, and other test results reported in the text. The notebook's
 * published-versus-reproduced table must have one row per element.
 */
export function hypothesisNumbers(paper: PaperRecord): PublishedNumber[] {
  const out: PublishedNumber[] = [];
  for (const row of paper.coefficients) out.push(...coefficientNumbers(row));
  for (const ms of paper.modelStats) out.push(...ms.stats);
  for (const ie of paper.indirectEffects) {
    for (const n of [ie.effect, ie.ciLower, ie.ciUpper, ie.sobelZ, ie.sobelSe]) if (n) out.push(n);
  }
  for (const s of paper.simpleSlopes) for (const n of [s.effect, s.ciLower, s.ciUpper]) if (n) out.push(n);
  out.push(...paper.otherResults);
  return out;
}

/** Measurement numbers: loadings, α, CR, AVE, √AVE diagonal, second-order loadings and fit indices. */
export function measurementNumbers(paper: PaperRecord): PublishedNumber[] {
  const out: PublishedNumber[] = [];
  for (const c of paper.constructs) {
    c.items.forEach((it) => {
      if (it.loading === null || it.loadingPrinted === undefined) return;
      const used = it.readings?.find((r) => r.used);
      out.push({
        id: `${paper.id}.${c.id}.${it.id}.loading`,
        label: `${c.name}: ${it.id} loading`,
        source: `${c.name} block, item ${it.sourceId ?? it.id}`,
        value: it.loading,
        printed: it.loadingPrinted,
        digits: used ? digitsOf(used.printed) : digitsOf(it.loadingPrinted),
        kind: "loading",
        ...(it.readings ? { readings: it.readings } : {}),
      });
    });
    for (const n of [c.alpha, c.cr, c.ave, c.sqrtAveDiagonal]) if (n) out.push(n);
    for (const so of c.secondOrder ?? []) out.push(so.loading);
  }
  for (const f of paper.fit) out.push(...f.values);
  return out;
}

/** Every published number the record holds (hypothesis tests, measurement, percentages, moments, other). */
export function allNumbers(paper: PaperRecord): PublishedNumber[] {
  const out = [...hypothesisNumbers(paper), ...measurementNumbers(paper)];
  for (const p of paper.percentages) out.push(p.pct);
  for (const m of paper.categoricalMoments) for (const n of [m.mean, m.sd]) if (n) out.push(n);
  out.push(...paper.otherNumbers);
  return out;
}

/** Looks a coefficient row up by id (e.g. "000.T4.M2.amc"). */
export function findCoefficient(paper: PaperRecord, id: string): CoefficientRow | undefined {
  return paper.coefficients.find((c) => c.id === id);
}

/** Standardised loadings of a construct, aligned with its item ids. */
export function loadingsOf(paper: PaperRecord, construct: string): { items: string[]; loadings: number[] } {
  const c = paper.constructs.find((x) => x.id === construct);
  if (!c) return { items: [], loadings: [] };
  const items = c.items.filter((i) => i.loading !== null);
  return { items: items.map((i) => i.id), loadings: items.map((i) => i.loading as number) };
}
