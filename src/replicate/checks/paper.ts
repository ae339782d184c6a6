/**
 * Every applicable consistency check of a paper record. The checks read only what the record
 * declares — each coefficient table's star legend and test (`conventions`), stars printed on F
 * (`fStars`), what the text says about logged variables (`logCheck`), numbers printed twice
 * (`duplicates`), effect decompositions and stated ranges — plus the rows a paper registers
 * itself (`extra`). Nothing here knows which paper it is looking at.
 */
import { PathlabError } from "../../errors";
import { pchisq } from "../../math";
import { allNumbers } from "../numbers";
import type { CoefficientRow, PaperRecord, PublishedFit, PublishedModelStats, PublishedNumber, PublishedPercent, PublishedSimpleSlope } from "../record";
import { checkPositiveDefinite, checkCorrelationStars, checkThresholdClaims, correlationCellId } from "./correlations";
import { checkCategoricalMoments, checkLogMean, checkPercent, checkPercentBlock, checkScaleMoments } from "./counts";
import {
  checkCiConclusion,
  checkCiContains,
  checkDecomposition,
  checkDuplicate,
  checkIndirectProduct,
  checkSimpleSlopes,
  checkSobel,
  checkStatedRange,
} from "./effects";
import { checkChi2P, checkChi2Ratio, checkDfAgainstSpecification, checkRmsea } from "./fit";
import { checkCrAve, checkFornellLarcker, checkSqrtAve } from "./measurement";
import { ConsistencyReport, fmtP, fmtRange, iv, overlaps, type ConsistencyRow } from "./report";
import { checkAdjR2, checkDeltaR2, checkFStars, checkImpliedSe, checkR2FromF, checkSign, checkStarsFromStatistic, digitsOfPrinted } from "./statistics";

function statOf(ms: PublishedModelStats | PublishedFit, kind: string): PublishedNumber | undefined {
  const list = "stats" in ms ? ms.stats : ms.values;
  return list.find((n) => n.kind === kind);
}

/** A p statement in words ("p > .05") as a number with its bound. */
export function pFromText(text: string | undefined): { value: number; digits: number; bound?: "<" | ">" } | null {
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
      out.push(
        checkChi2P({
          source: label,
          chi2: chi2.value,
          chi2Digits: chi2.digits,
          df,
          p: pp,
          printed: p ? `p = ${p.printed}` : (pText as string),
          id: p?.id ?? chi2.id,
        }),
      );
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
  if ("impliedDf" in fit) {
    const r = checkDfAgainstSpecification(fit);
    if (r) out.push(r);
  }
  return out;
}

function coefficientChecks(paper: PaperRecord): ConsistencyRow[] {
  const rows: ConsistencyRow[] = [];
  const models = new Map<string, CoefficientRow[]>();
  for (const row of paper.coefficients) {
    const conv = paper.conventions[row.table];
    if (conv && row.t !== undefined && row.printed.t !== undefined && row.stars !== undefined) {
      rows.push(
        checkStarsFromStatistic({
          label: `${row.model} ${row.predictor} → ${row.outcome}: ${row.statistic === "t" ? "t" : "CR"}`,
          source: row.source,
          stat: row.t,
          statDigits: digitsOfPrinted(row.printed.t, row),
          df: conv.test === "t" ? row.df : undefined,
          stars: row.stars,
          legend: conv.starLegend,
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
  return rows;
}

function modelStatChecks(paper: PaperRecord): ConsistencyRow[] {
  const rows: ConsistencyRow[] = [];
  const statsByTable = new Map<string, PublishedModelStats[]>();
  for (const ms of paper.modelStats) {
    const k = ms.predictors.length;
    const r2 = statOf(ms, "r2");
    const adj = statOf(ms, "adjR2");
    const F = statOf(ms, "F");
    const label = `${ms.table}, ${ms.model}`;
    if (r2 && F) rows.push(checkR2FromF({ source: `${label}, R² and F`, r2, F, k, n: ms.n }));
    if (r2 && adj) rows.push(checkAdjR2({ source: `${label}, adjusted R²`, r2, adj, k, n: ms.n }));
    const conv = paper.conventions[ms.table];
    if (F && ms.fStars !== undefined && conv) {
      rows.push(
        checkFStars({
          label,
          source: `${label}, F`,
          F: F.value,
          digits: F.digits,
          df1: k,
          df2: ms.n - k - 1,
          stars: ms.fStars,
          legend: conv.starLegend,
          id: F.id,
        }),
      );
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
  return rows;
}

function measurementChecks(paper: PaperRecord): ConsistencyRow[] {
  const rows: ConsistencyRow[] = [];
  const t = paper.correlations;
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
  rows.push(...checkThresholdClaims(t));
  rows.push(checkPositiveDefinite(t));
  for (const ctl of paper.controls) {
    if (!ctl.logCheck) continue;
    const i = t.names.indexOf(ctl.id);
    const m = i >= 0 ? t.means[i] : null;
    if (m === null) continue;
    rows.push(
      checkLogMean({
        source: `${t.source}, ${t.labels[i]}, mean`,
        label: ctl.label,
        logMean: { value: m, digits: t.meanDigits[i] },
        declaration: ctl.logCheck,
        id: correlationCellId(t, i, "mean"),
      }),
    );
  }
  return rows;
}

function countChecks(paper: PaperRecord): ConsistencyRow[] {
  const rows: ConsistencyRow[] = [];
  const blocks = new Map<string, PublishedPercent[]>();
  for (const p of paper.percentages) {
    const r = checkPercent(p);
    if (r) rows.push(r);
    if (!blocks.has(p.block)) blocks.set(p.block, []);
    (blocks.get(p.block) as PublishedPercent[]).push(p);
  }
  for (const b of blocks.values()) rows.push(...checkPercentBlock(b));
  for (const m of paper.categoricalMoments) rows.push(...checkCategoricalMoments(m));
  return rows;
}

function mediationChecks(paper: PaperRecord): ConsistencyRow[] {
  const rows: ConsistencyRow[] = [];
  const byId = new Map(paper.coefficients.map((c) => [c.id, c] as [string, CoefficientRow]));
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
  const numbers = new Map(allNumbers(paper).map((n) => [n.id, n] as [string, PublishedNumber]));
  for (const c of paper.coefficients) {
    if (c.ci && c.printed.ciLower && c.printed.ciUpper) {
      rows.push(
        checkCiContains(
          c.id,
          c.source,
          numbers.get(`${c.id}.est`) as PublishedNumber,
          numbers.get(`${c.id}.ci.lo`) as PublishedNumber,
          numbers.get(`${c.id}.ci.hi`) as PublishedNumber,
        ),
      );
    }
  }
  return rows;
}

function moderationChecks(paper: PaperRecord): ConsistencyRow[] {
  const rows: ConsistencyRow[] = [];
  const t = paper.correlations;
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
    const inters = paper.coefficients.filter(
      (c) => c.role === "interaction" && c.outcome === y && (c.predictor === `${x}_x_${w}` || c.predictor === `${w}_x_${x}`),
    );
    // Prefer the interaction in the same metric as the slopes: unstandardised (PROCESS) when there is one.
    const inter = inters.find((c) => c.standardized === false) ?? inters[0];
    const wi = t.names.indexOf(w);
    const sdW =
      inter && inter.standardized === false && wi >= 0 && t.sds[wi] !== null
        ? ({
            id: `${paper.id}.${w}.sd`,
            label: `SD of ${w}`,
            source: t.source,
            value: t.sds[wi] as number,
            printed: (t.sds[wi] as number).toFixed(t.sdDigits[wi]),
            digits: t.sdDigits[wi],
            kind: "sd",
          } as PublishedNumber)
        : null;
    const interN = inter
      ? ({
          id: `${inter.id}.est`,
          label: inter.id,
          source: inter.source,
          value: inter.estimate,
          printed: inter.printed.estimate,
          digits: inter.digits,
          kind: "estimate",
        } as PublishedNumber)
      : null;
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
  return rows;
}

function declaredChecks(paper: PaperRecord): ConsistencyRow[] {
  const rows: ConsistencyRow[] = [];
  const numbers = new Map(allNumbers(paper).map((n) => [n.id, n] as [string, PublishedNumber]));
  const get = (id: string, what: string): PublishedNumber => {
    const n = numbers.get(id);
    if (!n)
      throw new PathlabError(`record ${paper.id}: ${what} names "${id}", which is not a published number of the record`, {
        hint: "Use the id of a published number the record declares (see allNumbers(record)), or add that number to the record.",
        code: "replicate.unknown-id",
      });
    return n;
  };
  for (const d of paper.duplicates ?? []) rows.push(checkDuplicate(get(d.a, "duplicates"), get(d.b, "duplicates"), d.why));
  for (const d of paper.decompositions ?? []) {
    rows.push(
      checkDecomposition({
        source: d.source,
        total: get(d.total, "decompositions"),
        direct: get(d.direct, "decompositions"),
        indirect: d.indirect ? get(d.indirect, "decompositions") : undefined,
        paths: d.paths ? [get(d.paths[0], "decompositions"), get(d.paths[1], "decompositions")] : undefined,
      }),
    );
  }
  for (const r of paper.statedRanges ?? []) {
    const parse = (s: string) => ({
      id: r.id,
      label: r.text,
      source: r.source,
      value: Number(s.replace(/^\./, "0.")),
      printed: s,
      digits: (s.split(".")[1] ?? "").length,
      kind: "other" as const,
    });
    rows.push(
      checkStatedRange({ source: r.source, text: r.text, min: parse(r.min), max: parse(r.max), numbers: r.of.map((id) => get(id, "statedRanges")), id: r.id }),
    );
  }
  return rows;
}

/**
 * Runs every applicable check on a paper record (see the module comment) and appends the rows the
 * paper registers itself. Each row names the published number it checks (`id`) where there is one.
 */
export function checkPaper(paper: PaperRecord, options: { extra?: ConsistencyRow[] } = {}): ConsistencyReport {
  const rows: ConsistencyRow[] = [
    ...coefficientChecks(paper),
    ...modelStatChecks(paper),
    ...measurementChecks(paper),
    ...countChecks(paper),
    ...mediationChecks(paper),
    ...moderationChecks(paper),
    ...declaredChecks(paper),
    ...(options.extra ?? []),
  ];
  const info = ["GRIM is informative only when N × items < 10^decimals; with these sample sizes it is not (noted per scale)."];
  return new ConsistencyReport(rows, `Consistency of the published statistics — paper ${paper.id}`, info);
}
