/**
 * Heterotrait–monotrait ratio of correlations (Henseler, Ringle & Sarstedt, 2015, "A new criterion
 * for assessing discriminant validity in variance-based SEM", JAMS 43) and its geometric-mean
 * variant HTMT2 (Roemer, Schuberth & Henseler, 2021, IMDS 121), as semTools::htmt computes them.
 *
 *   HTMT_ij  = mean_{a∈i, b∈j} |r_ab| / √( mean_{a<a'∈i} |r_aa'| · mean_{b<b'∈j} |r_bb'| )
 *   HTMT2_ij = the same with geometric means in place of arithmetic means
 * The default is HTMT2, as semTools 0.5-6 (`htmt2 = TRUE`); write `{ htmt2: false }` for the original
 * HTMT that most papers report. Absolute correlations are used by default (semTools
 * `absolute = TRUE`); with HTMT2 always, as semTools ignores `absolute` there.
 *
 * @example
 * htmt(data, { trust: ["tr1", "tr2", "tr3"], sat: ["sa1", "sa2", "sa3"] });                  // HTMT2
 * htmt(data, { trust: ["tr1", "tr2", "tr3"], sat: ["sa1", "sa2", "sa3"] }, { htmt2: false }); // HTMT
 */
import { PathlabError } from "../errors";
import { Result } from "../display/result";
import type { Column, TableSpec } from "../display/table";
import { correlationMatrix } from "../data/correlation";
import { columnNames, numericColumns, unknownVariable, type TableInput } from "../data/table-input";
import { covToCor, mean } from "../math";
import { checkOptions, describeValue, type OptionSpecs } from "../options";

const HTMT_SPECS: OptionSpecs = {
  htmt2: { kind: "boolean" },
  absolute: { kind: "boolean" },
  missing: {
    kind: "custom",
    check: (v) =>
      (Array.isArray(v) && v.every((x) => typeof x === "number")) || (typeof v === "string" && /^(listwise|default)$/i.test(v))
        ? undefined
        : typeof v === "string"
          ? `semTools' missing = ${JSON.stringify(v)} (FIML estimates of the item correlations) is not implemented; rows with a missing item are dropped ("listwise", semTools' default)`
          : 'must be an array of missing-value codes or "listwise"',
    expected: 'an array of missing-value codes such as [99, -9], or "listwise" (semTools\' default; always applied)',
  },
  ordered: {
    kind: "custom",
    check: (v) =>
      v === null || (Array.isArray(v) && v.length === 0)
        ? undefined
        : "ordered indicators (polychoric correlations) are not implemented; only NULL is accepted",
    expected: "null",
  },
  threshold: { kind: "number", min: 0, exclusiveMin: true, max: 1, rangeHint: "0.85 (strict) or 0.90 (liberal), Henseler et al. (2015)." },
};

/** A covariance or correlation matrix with its variable names (instead of raw data). */
export interface HtmtMatrixInput {
  cov?: number[][];
  cor?: number[][];
  names: string[];
}

/** Options of `htmt`: HTMT2 (geometric means), absolute correlations, the threshold, missing-value handling. */
export interface HtmtOptions {
  /** Geometric-mean HTMT2 (default true, as semTools 0.5-6); false: the original HTMT (Henseler et al., 2015). */
  htmt2?: boolean;
  /** Use absolute correlations (default true, as semTools); ignored with HTMT2, as semTools ignores it. */
  absolute?: boolean;
  /** Declared missing codes for raw data, or semTools' "listwise" (rows with a missing item are always dropped). */
  missing?: number[] | "listwise";
  /** semTools' ordered: only null (no ordinal indicators). */
  ordered?: null;
  /** Threshold flagged in the table (default 0.85; 0.90 is the liberal cut-off). */
  threshold?: number;
}

function isMatrixInput(x: unknown): x is HtmtMatrixInput {
  if (x === null || typeof x !== "object" || Array.isArray(x)) return false;
  const o = x as HtmtMatrixInput;
  const m = o.cov ?? o.cor;
  return Array.isArray(o.names) && Array.isArray(m) && m.every((r) => Array.isArray(r));
}

/** HTMT (or HTMT2) between every pair of constructs; `.matrix` holds the full symmetric matrix. */
export class HtmtResult extends Result {
  constructor(
    readonly constructs: string[],
    readonly matrix: number[][],
    readonly htmt2: boolean,
    readonly threshold: number,
    readonly n?: number,
    readonly dropped?: number,
  ) {
    super();
  }

  /** HTMT of two constructs by name. */
  get(a: string, b: string): number {
    const i = this.constructs.indexOf(a);
    const j = this.constructs.indexOf(b);
    if (i < 0 || j < 0) throw new PathlabError(`Construct "${i < 0 ? a : b}" is not in this HTMT result.`, { code: "measurement.unknown-construct" });
    return this.matrix[i][j];
  }

  title(): string {
    return this.htmt2 ? "Heterotrait–monotrait ratio (HTMT2, geometric means)" : "Heterotrait–monotrait ratio (HTMT)";
  }

  info(): string[] {
    return this.n === undefined
      ? ["From a covariance/correlation matrix"]
      : [`N = ${this.n}${this.dropped ? ` (listwise; ${this.dropped} row(s) dropped)` : ""}`];
  }

  tables(): TableSpec[] {
    const k = this.constructs.length;
    const columns: Column[] = [{ key: "construct", label: "Construct", format: "text" }];
    for (let j = 0; j < k - 1; j++) columns.push({ key: `c${j}`, label: this.constructs[j], format: "text" });
    const rows = this.constructs.slice(1).map((name, ii) => {
      const i = ii + 1;
      const row: Record<string, unknown> = { construct: name };
      for (let j = 0; j < i; j++) {
        const v = this.matrix[i][j];
        row[`c${j}`] = Number.isFinite(v) ? v.toFixed(3) + (v >= this.threshold ? " ▲" : "") : "—";
      }
      return row;
    });
    return [
      {
        columns,
        rows,
        notes: [`▲ HTMT ≥ ${this.threshold.toFixed(2)}: discriminant validity questionable (Henseler et al., 2015).`],
      },
    ];
  }
}

/**
 * HTMT / HTMT2 from raw data or from a covariance or correlation matrix. `constructs` maps each
 * construct to its items, e.g. { trust: ["tr1","tr2","tr3"], satisfaction: ["sa1","sa2"] }.
 *
 * @example
 * htmt(df, { trust: ["tr1", "tr2", "tr3"], commit: ["co1", "co2", "co3"] })
 */
export function htmt(input: TableInput | HtmtMatrixInput, constructs: Record<string, string[]>, options: HtmtOptions = {}): HtmtResult {
  const opts = checkOptions<HtmtOptions>("htmt", options, HTMT_SPECS);
  if (constructs === null || typeof constructs !== "object" || Array.isArray(constructs))
    throw new PathlabError("htmt(): constructs must be an object mapping each construct to its items.", {
      hint: 'e.g. { trust: ["tr1", "tr2"], sat: ["sa1", "sa2"] }',
      code: "measurement.bad-constructs",
    });
  const names = Object.keys(constructs);
  if (names.length < 2) throw new PathlabError("htmt() needs at least two constructs.", { code: "measurement.too-few-constructs" });
  const items: string[] = [];
  for (const c of names) {
    if (!Array.isArray(constructs[c]) || constructs[c].length === 0)
      throw new PathlabError(`Construct "${c}" has no items.`, { code: "measurement.too-few-items" });
    for (const it of constructs[c]) {
      if (items.includes(it)) throw new PathlabError(`Item "${it}" is assigned to more than one construct.`, { code: "measurement.duplicate-item" });
      items.push(it);
    }
  }
  let R: number[][];
  let n: number | undefined;
  let dropped: number | undefined;
  if (isMatrixInput(input)) {
    const M = (input.cov ?? input.cor) as number[][];
    const p = input.names.length;
    if (M.length !== p || M.some((r) => r.length !== p))
      throw new PathlabError(`The matrix is ${M.length}×${M[0]?.length ?? 0} but ${p} names were given.`, { code: "measurement.dimension-mismatch" });
    const idx = items.map((it) => {
      const j = input.names.indexOf(it);
      if (j < 0) throw unknownVariable(it, input.names);
      return j;
    });
    checkHtmtMatrix(M, input.names, input.cor !== undefined);
    const sub = idx.map((a) => idx.map((b) => M[a][b]));
    R = covToCor(sub);
  } else {
    const avail = columnNames(input);
    for (const it of items) if (!avail.includes(it)) throw unknownVariable(it, avail);
    const nc = numericColumns(input, items, { missing: Array.isArray(opts.missing) ? opts.missing : undefined });
    nc.columns.forEach((c, j) => {
      let mn = Infinity;
      let mx = -Infinity;
      for (let i = 0; i < c.length; i++) {
        if (c[i] < mn) mn = c[i];
        if (c[i] > mx) mx = c[i];
      }
      if (!(mx > mn)) throw new PathlabError(`Item "${items[j]}" has zero variance.`, { hint: "Drop the constant item.", code: "measurement.zero-variance" });
    });
    R = correlationMatrix(nc.columns);
    n = nc.n;
    dropped = nc.dropped;
  }
  const geo = opts.htmt2 ?? true;
  const abs = geo || (opts.absolute ?? true);
  const pos = new Map<string, number>();
  items.forEach((it, i) => pos.set(it, i));
  const val = (a: string, b: string) => {
    const r = R[pos.get(a)!][pos.get(b)!];
    return abs ? Math.abs(r) : r;
  };
  // HTMT2 (geometric) averages the correlations on the log scale
  const average = (xs: number[]) => (geo ? Math.exp(mean(xs.map(Math.log))) : mean(xs));
  const mono = names.map((c) => {
    const its = constructs[c];
    const xs: number[] = [];
    for (let a = 0; a < its.length; a++) for (let b = 0; b < a; b++) xs.push(val(its[a], its[b]));
    return average(xs);
  });
  const k = names.length;
  const H: number[][] = names.map(() => new Array<number>(k).fill(NaN));
  for (let i = 0; i < k; i++) {
    H[i][i] = Number.isFinite(mono[i]) ? 1 : NaN;
    for (let j = 0; j < i; j++) {
      const xs: number[] = [];
      for (const a of constructs[names[i]]) for (const b of constructs[names[j]]) xs.push(val(a, b));
      H[i][j] = H[j][i] = average(xs) / Math.sqrt(mono[i] * mono[j]);
    }
  }
  const res = new HtmtResult(names, H, geo, opts.threshold ?? 0.85, n, dropped);
  const single = names.filter((c) => constructs[c].length < 2);
  if (single.length)
    res.warnings.push({
      code: "single-item-htmt",
      message: `HTMT is undefined for single-item construct(s) ${single.join(", ")} (no monotrait correlations).`,
    });
  return res;
}

/**
 * A covariance/correlation matrix given to htmt() must be one: finite, symmetric, positive variances,
 * unit diagonal for { cor }, and every implied correlation within [−1, 1]. The error names the cell.
 */
function checkHtmtMatrix(M: number[][], names: string[], isCor: boolean): void {
  const p = names.length;
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      const v = M[i][j];
      if (typeof v !== "number" || !Number.isFinite(v))
        throw new PathlabError(`htmt(): matrix cell [${names[i]}, ${names[j]}] is ${describeValue(v)}, not a finite number.`, {
          code: "measurement.bad-matrix",
        });
      if (Math.abs(v - M[j][i]) > 1e-8 * Math.max(1, Math.abs(v)))
        throw new PathlabError(`htmt(): the matrix is not symmetric: [${names[i]}, ${names[j]}] = ${v} but [${names[j]}, ${names[i]}] = ${M[j][i]}.`, {
          code: "measurement.bad-matrix",
        });
    }
  for (let i = 0; i < p; i++) {
    if (!(M[i][i] > 0))
      throw new PathlabError(`Variable "${names[i]}" has variance ${M[i][i]} in the matrix.`, {
        code: "measurement.zero-variance",
        hint: "A constant item carries no information; drop it.",
      });
    if (isCor && Math.abs(M[i][i] - 1) > 1e-6)
      throw new PathlabError(`htmt(): the diagonal of a correlation matrix must be 1; [${names[i]}, ${names[i]}] = ${M[i][i]}.`, {
        hint: "Pass a covariance matrix as { cov } instead.",
        code: "measurement.bad-matrix",
      });
  }
  for (let i = 0; i < p; i++)
    for (let j = 0; j < i; j++) {
      const r = M[i][j] / Math.sqrt(M[i][i] * M[j][j]);
      if (Math.abs(r) > 1 + 1e-12)
        throw new PathlabError(
          `htmt(): the correlation of "${names[i]}" and "${names[j]}" is ${+r.toFixed(6)}, outside [−1, 1] (matrix cell [${names[i]}, ${names[j]}] = ${M[i][j]}).`,
          {
            hint: isCor
              ? "A correlation cannot exceed 1 in absolute value; check the matrix."
              : "A covariance larger than the product of the two standard deviations is impossible; check the matrix.",
            code: "measurement.bad-correlation",
          },
        );
    }
}
