/**
 * Small builders used by the paper modules: numbers are transcribed as the text the paper printed
 * ("0.87***", "−0.035", "< .001") and parsed here, so value, digits and stars can never disagree
 * with the transcription.
 */
import { PathlabError } from "../errors";
import type { CoefficientRow, PublishedCorrelationTable, NumberKind, PublishedNumber, SourceReading } from "./record";

export interface ParsedNumber {
  value: number;
  digits: number;
  stars: string;
  bound?: "<" | ">";
  /** The numeric text without stars, with a plain minus. */
  text: string;
}

const STAR_RE = /(\*{1,3}|†)\s*$/;

/**
 * Parses a printed number: unicode minus, leading-dot decimals, trailing stars or dagger, optional
 * parentheses, and bounds such as "< .001" or "p > .10".
 */
export function parsePrinted(printed: string): ParsedNumber {
  let s = printed
    .trim()
    .replace(/[−–]/g, "-")
    .replace(/^\(|\)$/g, "")
    .trim();
  s = s.replace(/^p\s*/i, "").trim();
  let stars = "";
  const m = STAR_RE.exec(s);
  if (m) {
    stars = m[1];
    s = s.slice(0, m.index).trim();
  }
  let bound: "<" | ">" | undefined;
  if (s.startsWith("<") || s.startsWith(">")) {
    bound = s[0] as "<" | ">";
    s = s.slice(1).trim();
  } else if (s.startsWith("=")) s = s.slice(1).trim();
  s = s.replace(/^(-?)\./, "$10.");
  if (!/^-?\d+(\.\d+)?$/.test(s)) {
    throw new PathlabError(`cannot read the printed number "${printed}"`, {
      hint: "transcribe it as digits with an optional minus, stars and '<'/'>' bound",
      code: "replicate.bad-printed-number",
    });
  }
  const dot = s.indexOf(".");
  const digits = dot < 0 ? 0 : s.length - dot - 1;
  return { value: Number(s), digits, stars, bound, text: s };
}

/** Decimals printed in a number's text. */
export function digitsOf(printed: string): number {
  return parsePrinted(printed).digits;
}

/** Builds a PublishedNumber from its printed text. */
export function pub(
  id: string,
  label: string,
  source: string,
  printed: string,
  kind: NumberKind,
  extra: { hypothesis?: string; note?: string; readings?: SourceReading[]; value?: number } = {},
): PublishedNumber {
  const p = parsePrinted(printed);
  const out: PublishedNumber = {
    id,
    label,
    source,
    value: extra.value ?? p.value,
    printed: printed.trim(),
    digits: p.digits,
    kind,
  };
  if (p.bound) out.bound = p.bound;
  if (extra.hypothesis) out.hypothesis = extra.hypothesis;
  if (extra.note) out.note = extra.note;
  if (extra.readings) out.readings = extra.readings;
  return out;
}

/** A reading of a damaged value. */
export function reading(printed: string, label: string, why: string, used: boolean): SourceReading {
  return { value: parsePrinted(printed).value, printed, label, why, used };
}

export interface CoefSpec {
  id: string;
  table: string;
  model: string;
  outcome: string;
  predictor: string;
  role: CoefficientRow["role"];
  /** Printed estimate, with its stars when stars follow the estimate (e.g. "0.87***"). */
  est: string;
  t?: string;
  se?: string;
  p?: string;
  ci?: [string, string];
  statistic?: CoefficientRow["statistic"];
  /** Stars as printed when they are not attached to `est`; "" for none. Omit if the table has none. */
  stars?: string;
  pText?: string;
  hypothesis?: string;
  standardized: boolean | null;
  df?: number;
  source: string;
  note?: string;
  /** Overrides for values whose best reading differs from the printed text. */
  use?: Partial<Record<"estimate" | "t" | "se", number>>;
  readings?: CoefficientRow["readings"];
  /** True when the table prints stars for this kind of cell (so "" means "no stars printed"). */
  starred?: boolean;
}

/** Builds a coefficient row from printed strings. */
export function coef(s: CoefSpec): CoefficientRow {
  const e = parsePrinted(s.est);
  const row: CoefficientRow = {
    id: s.id,
    table: s.table,
    model: s.model,
    outcome: s.outcome,
    predictor: s.predictor,
    role: s.role,
    estimate: s.use?.estimate ?? e.value,
    digits: e.digits,
    printed: { estimate: e.text.startsWith("-") ? "−" + e.text.slice(1) : e.text },
    standardized: s.standardized,
    source: s.source,
  };
  if (s.hypothesis) row.hypothesis = s.hypothesis;
  const stars = s.stars !== undefined ? s.stars : e.stars;
  if (s.stars !== undefined || e.stars || s.starred) row.stars = stars;
  if (s.t !== undefined) {
    const t = parsePrinted(s.t);
    row.t = s.use?.t ?? t.value;
    row.printed.t = s.t.replace(/[()]/g, "").trim();
    row.statistic = s.statistic ?? "t";
  }
  if (s.se !== undefined) {
    row.se = s.use?.se ?? parsePrinted(s.se).value;
    row.printed.se = s.se;
  }
  if (s.p !== undefined) {
    const p = parsePrinted(s.p);
    row.p = p.value;
    if (p.bound) row.pBound = p.bound;
    row.printed.p = s.p;
  }
  if (s.ci) {
    row.ci = [parsePrinted(s.ci[0]).value, parsePrinted(s.ci[1]).value];
    row.printed.ciLower = s.ci[0];
    row.printed.ciUpper = s.ci[1];
  }
  if (s.pText) row.pText = s.pText;
  if (s.df !== undefined) row.df = s.df;
  if (s.note) row.note = s.note;
  if (s.readings) row.readings = s.readings;
  return row;
}

/** Splits a table cell "0.15† (1.87)" into the estimate text and the t text. */
export function splitCell(cell: string): { est: string; t?: string } {
  const m = /^(.*?)\s*\(([^)]*)\)\s*(\S*)\s*$/.exec(cell.trim());
  if (!m) return { est: cell.trim() };
  // Stars may follow the parenthesis ("0.52 (9.46) **"): move them onto the estimate.
  return { est: (m[1] + m[3]).trim(), t: m[2].trim() };
}

export interface CorrSpec {
  /** Id of the paper, for cell ids ("003.corr.iapd.mean"). */
  paper?: string;
  source: string;
  n: number;
  names: string[];
  labels: string[];
  means: (string | null)[];
  sds: (string | null)[];
  /**
   * Lower triangle as printed, row by row, without the diagonal: row i has i cells. A null cell is
   * missing in the source.
   */
  lower: (string | null)[][];
  diagonal: string[];
  diagonalMeaning: string;
  starLegend: Record<string, number> | null;
  missing?: PublishedCorrelationTable["missing"];
  cellReadings?: PublishedCorrelationTable["cellReadings"];
  thresholdClaims?: PublishedCorrelationTable["thresholdClaims"];
  note?: string;
}

/** Builds the symmetric correlation table from the printed lower triangle. */
export function corrTable(s: CorrSpec): PublishedCorrelationTable {
  const k = s.names.length;
  if (s.labels.length !== k || s.means.length !== k || s.sds.length !== k || s.diagonal.length !== k) {
    throw new PathlabError(`correlation table ${s.source}: names, labels, means, sds and diagonal differ in length`, {
      code: "replicate.bad-correlation-table",
    });
  }
  const r: number[][] = [];
  const rDigits: number[][] = [];
  const stars: (string | null)[][] = [];
  const printed: string[][] = [];
  for (let i = 0; i < k; i++) {
    r.push(new Array(k).fill(0));
    rDigits.push(new Array(k).fill(0));
    stars.push(new Array(k).fill(null));
    printed.push(new Array(k).fill(""));
    r[i][i] = 1;
  }
  for (let i = 0; i < k; i++) {
    const row = s.lower[i] ?? [];
    if (row.length !== i) {
      throw new PathlabError(`correlation table ${s.source}: row ${i + 1} (${s.names[i]}) has ${row.length} cells, expected ${i}`, {
        code: "replicate.bad-correlation-table",
      });
    }
    for (let j = 0; j < i; j++) {
      const cell = row[j];
      if (cell === null) {
        r[i][j] = r[j][i] = NaN;
        continue;
      }
      const p = parsePrinted(cell);
      r[i][j] = r[j][i] = p.value;
      rDigits[i][j] = rDigits[j][i] = p.digits;
      const st = s.starLegend ? p.stars : null;
      stars[i][j] = stars[j][i] = st;
      printed[i][j] = printed[j][i] = cell;
    }
  }
  const num = (x: string | null) => (x === null ? null : parsePrinted(x).value);
  const dig = (x: string | null) => (x === null ? 0 : parsePrinted(x).digits);
  return {
    ...(s.paper ? { paper: s.paper } : {}),
    source: s.source,
    n: s.n,
    names: s.names,
    labels: s.labels,
    means: s.means.map(num),
    sds: s.sds.map(num),
    meanDigits: s.means.map(dig),
    sdDigits: s.sds.map(dig),
    r,
    rDigits,
    stars,
    printed,
    diagonal: s.diagonal.map((d) => parsePrinted(d).value),
    diagonalMeaning: s.diagonalMeaning,
    starLegend: s.starLegend,
    missing: s.missing ?? [],
    cellReadings: s.cellReadings,
    ...(s.thresholdClaims ? { thresholdClaims: s.thresholdClaims } : {}),
    note: s.note,
  };
}

/** Standard legend: † p < .10, * p < .05, ** p < .01, *** p < .001. */
export const LEGEND_DAGGER: Record<string, number> = { "†": 0.1, "*": 0.05, "**": 0.01, "***": 0.001 };
/** Legend without the dagger. */
export const LEGEND_3: Record<string, number> = { "*": 0.05, "**": 0.01, "***": 0.001 };

export interface WideRowSpec {
  predictor: string;
  label: string;
  role: CoefficientRow["role"];
  /** One printed cell per model ("" or null when blank), e.g. "0.15† (1.87)". */
  cells: (string | null)[];
}

export interface WideTableSpec {
  paper: string;
  /** Short id used in number ids, e.g. "T4". */
  tableId: string;
  /** As printed, e.g. "Table 4". */
  table: string;
  models: { id: string; outcome: string }[];
  rows: WideRowSpec[];
  standardized: boolean | null;
  statistic: CoefficientRow["statistic"];
  /** True when the table prints significance stars (so a cell without stars means "none printed"). */
  starred: boolean;
  /** Residual df per model for t tests, when known. */
  df?: Record<string, number>;
  /** PaperHypothesis per "model.predictor". */
  hypotheses?: Record<string, string>;
  /** Extra per-cell details keyed "model.predictor": readings, notes, overrides. */
  cellNotes?: Record<string, { note?: string; readings?: CoefficientRow["readings"]; use?: CoefSpec["use"] }>;
}

/** Turns a table laid out as predictors × models into coefficient rows (blank cells skipped). */
export function wideCoefficients(s: WideTableSpec): CoefficientRow[] {
  const out: CoefficientRow[] = [];
  for (const row of s.rows) {
    if (row.cells.length !== s.models.length) {
      throw new PathlabError(`${s.table}: row ${row.label} has ${row.cells.length} cells for ${s.models.length} models`, {
        code: "replicate.bad-table",
      });
    }
    row.cells.forEach((cell, j) => {
      if (cell === null || cell.trim() === "") return;
      const m = s.models[j];
      const key = `${m.id}.${row.predictor}`;
      const { est, t } = splitCell(cell);
      const extra = s.cellNotes?.[key] ?? {};
      out.push(
        coef({
          id: `${s.paper}.${s.tableId}.${m.id}.${row.predictor}`,
          table: s.table,
          model: m.id,
          outcome: m.outcome,
          predictor: row.predictor,
          role: row.role,
          est,
          t,
          statistic: s.statistic,
          starred: s.starred,
          hypothesis: s.hypotheses?.[key],
          standardized: s.standardized,
          df: s.df?.[m.id],
          source: `${s.table}, row "${row.label}", column ${m.id}`,
          note: extra.note,
          readings: extra.readings,
          use: extra.use,
        }),
      );
    });
  }
  return out;
}

export interface ScaleSpec {
  id: string;
  name: string;
  role: string;
  scale?: string;
  scaleRange?: [number, number];
  composite: string;
  scaleSource?: string;
  /** [id, paraphrase, printed loading or null, extra]. */
  items: [string, string, string | null, { sourceId?: string; marker?: boolean; readings?: SourceReading[]; use?: number }?][];
  alpha?: string;
  cr?: string;
  ave?: string;
  sqrtAve?: string;
  dimensions?: string[];
  note?: string;
  /** Readings for α/CR/AVE when the printed values are suspect. */
  readings?: Partial<Record<"alpha" | "cr" | "ave", SourceReading[]>>;
}

/** Builds a construct; reliability numbers get ids "<paper>.<construct>.alpha" etc. */
export function scale(paper: string, tableSource: string, diagSource: string, s: ScaleSpec): import("./record").PaperConstruct {
  const c: import("./record").PaperConstruct = {
    id: s.id,
    name: s.name,
    role: s.role,
    composite: s.composite,
    items: s.items.map(([id, paraphrase, loading, extra]) => {
      const it: import("./record").PaperItem = {
        id,
        paraphrase,
        loading: loading === null ? null : (extra?.use ?? parsePrinted(loading).value),
      };
      if (loading !== null) it.loadingPrinted = loading;
      if (extra?.sourceId) it.sourceId = extra.sourceId;
      if (extra?.marker) it.marker = true;
      if (extra?.readings) it.readings = extra.readings;
      return it;
    }),
  };
  if (s.scale) c.scale = s.scale;
  if (s.scaleRange) c.scaleRange = s.scaleRange;
  if (s.scaleSource) c.scaleSource = s.scaleSource;
  if (s.dimensions) c.dimensions = s.dimensions;
  if (s.note) c.note = s.note;
  const rel = (k: "alpha" | "cr" | "ave", label: string, kind: NumberKind) => {
    const v = s[k];
    if (v === undefined) return undefined;
    return pub(`${paper}.${s.id}.${k}`, `${s.name}: ${label}`, `${tableSource}, ${s.name}, ${label}`, v, kind, {
      readings: s.readings?.[k],
    });
  };
  c.alpha = rel("alpha", "α", "alpha");
  c.cr = rel("cr", "CR", "cr");
  c.ave = rel("ave", "AVE", "ave");
  if (s.sqrtAve !== undefined)
    c.sqrtAveDiagonal = pub(`${paper}.${s.id}.sqrtAve`, `${s.name}: √AVE (diagonal)`, `${diagSource}, diagonal, ${s.name}`, s.sqrtAve, "sqrtAve");
  for (const k of ["alpha", "cr", "ave", "sqrtAveDiagonal"] as const) if (c[k] === undefined) delete c[k];
  return c;
}

const FIT_LABELS: Record<string, string> = {
  chi2: "χ²",
  df: "df",
  chi2df: "χ²/df",
  p: "p",
  rmsea: "RMSEA",
  srmr: "SRMR",
  cfi: "CFI",
  tli: "TLI/NNFI",
  nfi: "NFI",
  gfi: "GFI",
};

/** Builds a fit record from printed values keyed chi2, df, chi2df, p, rmsea, srmr, cfi, tli, nfi, gfi. */
export function fitRecord(
  paper: string,
  id: string,
  label: string,
  source: string,
  n: number,
  values: Partial<Record<"chi2" | "df" | "chi2df" | "p" | "rmsea" | "srmr" | "cfi" | "tli" | "nfi" | "gfi", string>>,
  extra: { impliedDf?: { df: number; basis: string }; pText?: string; note?: string } = {},
): import("./record").PublishedFit {
  const out: import("./record").PublishedFit = {
    id: `${paper}.fit.${id}`,
    label,
    source,
    n,
    values: (Object.keys(values) as (keyof typeof values)[]).map((k) =>
      pub(`${paper}.fit.${id}.${k}`, `${label}: ${FIT_LABELS[k]}`, source, values[k] as string, k as NumberKind),
    ),
  };
  if (extra.impliedDf) out.impliedDf = extra.impliedDf;
  if (extra.pText) out.pText = extra.pText;
  if (extra.note) out.note = extra.note;
  return out;
}

/** Builds model-level statistics from printed values keyed by NumberKind. */
export function modelStats(
  paper: string,
  tableId: string,
  table: string,
  model: string,
  outcome: string,
  description: string,
  predictors: string[],
  estimator: string,
  n: number,
  values: [NumberKind, string, string?][],
  note?: string,
): import("./record").PublishedModelStats {
  const ms: import("./record").PublishedModelStats = {
    id: `${paper}.${tableId}.${model}`,
    table,
    model,
    outcome,
    description,
    predictors,
    estimator,
    n,
    stats: values.map(([kind, printed, rowLabel]) =>
      pub(
        `${paper}.${tableId}.${model}.${kind}`,
        `${model}: ${FIT_LABELS[kind] ?? KIND_LABELS[kind] ?? kind}`,
        `${table}, row "${rowLabel ?? FIT_LABELS[kind] ?? KIND_LABELS[kind] ?? kind}", column ${model}`,
        printed,
        kind,
      ),
    ),
  };
  if (note) ms.note = note;
  return ms;
}

const KIND_LABELS: Record<string, string> = { r2: "R²", adjR2: "adjusted R²", deltaR2: "ΔR²", F: "F", vif: "highest VIF" };

/** Percentage rows of a frequency table. */
export function percentRows(
  paper: string,
  source: string,
  block: string,
  total: number,
  rows: [string, number | null, string][],
): import("./record").PublishedPercent[] {
  return rows.map(([category, count, pct], i) => ({
    id: `${paper}.pct.${block}.${i + 1}`,
    block,
    category,
    count,
    total,
    pct: pub(`${paper}.pct.${block}.${i + 1}`, `${block}: ${category} (%)`, `${source}, ${block}, ${category}`, pct, "percent"),
    source,
  }));
}
