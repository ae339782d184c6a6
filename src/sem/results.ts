/**
 * Result objects returned by a SemFit: parameter tables, fit measures, implied moments, R².
 * Each renders as a table in a notebook and carries its numbers as plain fields.
 */
import { Result, type Column, type TableSpec } from "../display";
import type { FitMeasureName } from "./fit-measures";

export interface EstimateRow {
  lhs: string;
  op: string;
  rhs: string;
  /** Group (1-based; 0 for defined parameters). */
  group: number;
  label: string;
  est: number;
  se: number;
  z: number;
  pvalue: number;
  ci_lower: number;
  ci_upper: number;
  free: number;
  user: number;
  exo: number;
  std_lv?: number;
  std_all?: number;
  std_nox?: number;
}

export interface StandardizedRow {
  lhs: string;
  op: string;
  rhs: string;
  /** Group (1-based; 0 for defined parameters). */
  group: number;
  label: string;
  est_std: number;
  se: number;
  z: number;
  pvalue: number;
  ci_lower: number;
  ci_upper: number;
}

/** Shared rendering of lavaan's parameterEstimates()/standardizedSolution() data frames. */
abstract class ParameterRows<R extends EstimateRow | StandardizedRow> extends Result {
  constructor(
    readonly rows: R[],
    readonly level: number,
    readonly standardized: boolean,
    readonly type?: "std.all" | "std.lv" | "std.nox",
    /** Group names of a multiple-group fit (one empty name for a single group). */
    readonly groupLabels: string[] = [""],
    /** Columns left out (lavaan's se/zstat/pvalue/ci = FALSE). */
    readonly omit: string[] = [],
  ) {
    super();
  }

  /**
   * The row for lhs op rhs (e.g. find("visual", "=~", "x2")), or for a label; `group` (1-based,
   * default 1) picks the group of a multiple-group fit.
   */
  find(lhsOrLabel: string, op?: string, rhs?: string, group = 1): R | undefined {
    if (op === undefined) return this.rows.find((r) => r.label === lhsOrLabel);
    const inGroup = (r: R) => r.group === group || (r.op === ":=" && r.group === 0);
    return this.rows.find(
      (r) => inGroup(r) && r.op === op && ((r.lhs === lhsOrLabel && r.rhs === (rhs ?? "")) || (op === "~~" && r.lhs === rhs && r.rhs === lhsOrLabel)),
    );
  }

  /** Caption of the table (the result itself has no separate heading, to avoid printing it twice). */
  caption(): string {
    return this.type ? `Standardized solution (${this.type})` : "Parameter estimates";
  }

  tables(): TableSpec[] {
    const pct = Math.round(this.level * 100);
    const isStd = this.type !== undefined;
    const columns: Column[] = [
      { key: "lhs", format: "text" },
      { key: "op", format: "text" },
      { key: "rhs", format: "text" },
      { key: "label", format: "text" },
      { key: isStd ? "est_std" : "est", label: isStd ? "est.std" : "Estimate", digits: 3 },
      { key: "se", label: "SE", digits: 3 },
      { key: "z", label: "z", digits: 3 },
      { key: "pvalue", label: "p", format: "p" },
      { key: "ci_lower", label: `${pct}% CI lower`, digits: 3 },
      { key: "ci_upper", label: `${pct}% CI upper`, digits: 3 },
    ];
    if (this.standardized)
      columns.push(
        { key: "std_lv", label: "Std.lv", digits: 3 },
        { key: "std_all", label: "Std.all", digits: 3 },
        { key: "std_nox", label: "Std.nox", digits: 3 },
      );
    const hasLabel = this.rows.some((r) => r.label);
    const shown = columns.filter((c) => (c.key !== "label" || hasLabel) && !this.omit.includes(c.key));
    const G = this.groupLabels.length;
    if (G === 1) return [this.tableOf(this.rows, this.caption(), shown, isStd)];
    // Multiple groups: one table per group (as lavaan's summary), then the defined parameters.
    const out = this.groupLabels.map((lab, g) =>
      this.tableOf(
        this.rows.filter((r) => r.group === g + 1),
        `${this.caption()}: group ${g + 1} [${lab}]`,
        shown,
        isStd,
      ),
    );
    const defined = this.rows.filter((r) => r.group === 0);
    if (defined.length) out.push(this.tableOf(defined, `${this.caption()}: defined parameters`, shown, isStd));
    return out;
  }

  private tableOf(list: R[], title: string, shown: Column[], isStd: boolean): TableSpec {
    const notes: string[] = [];
    const estKey = isStd ? "est_std" : "est";
    const rows = list.map((r) => {
      const o: Record<string, unknown> = { ...r };
      for (const k of ["se", "z", "pvalue"]) if (typeof o[k] === "number" && (Number.isNaN(o[k]) || (k === "se" && o[k] === 0))) o[k] = null;
      // A value that is undefined at the estimates (e.g. sqrt of a negative defined parameter) is shown as NA, with a note.
      if (typeof o[estKey] === "number" && !Number.isFinite(o[estKey] as number)) {
        notes.push(`${r.lhs} ${r.op} ${r.rhs}: undefined at the estimates (${Number.isNaN(o[estKey]) ? "not a number" : o[estKey]}); no estimate, SE or p.`);
        for (const k of [estKey, "ci_lower", "ci_upper"]) o[k] = { text: "NA" };
      }
      for (const k of ["ci_lower", "ci_upper", "std_lv", "std_all", "std_nox"])
        if (typeof o[k] === "number" && !Number.isFinite(o[k] as number)) o[k] = { text: "NA" };
      return o;
    });
    return { title, columns: shown, rows, ...(notes.length ? { notes } : {}) };
  }
}

/** lavaan's parameterEstimates(): est, se, z, pvalue, ci_lower, ci_upper (+ std_lv, std_all). */
export class ParameterTable extends ParameterRows<EstimateRow> {}

/** lavaan's standardizedSolution(): est_std with delta-method se, z, pvalue and CI. */
export class StandardizedTable extends ParameterRows<StandardizedRow> {}

const MEASURE_LABELS: Record<string, string> = {
  npar: "Free parameters",
  chisq: "χ²",
  df: "df",
  pvalue: "p (χ²)",
  "baseline.chisq": "Baseline χ²",
  "baseline.df": "Baseline df",
  "baseline.pvalue": "Baseline p",
  cfi: "CFI",
  tli: "TLI",
  nnfi: "NNFI",
  nfi: "NFI",
  ifi: "IFI",
  rni: "RNI",
  rmsea: "RMSEA",
  "rmsea.ci.lower": "RMSEA 90% CI lower",
  "rmsea.ci.upper": "RMSEA 90% CI upper",
  "rmsea.pvalue": "RMSEA p (close fit)",
  srmr: "SRMR",
  rmr: "RMR (raw residuals)",
  rmr_nomean: "RMR without means",
  srmr_bentler: "SRMR (Bentler)",
  srmr_bentler_nomean: "SRMR (Bentler) without means",
  crmr: "CRMR (Bollen)",
  crmr_nomean: "CRMR without means",
  srmr_mplus: "SRMR (Mplus)",
  srmr_mplus_nomean: "SRMR (Mplus) without means",
  gfi: "GFI",
  agfi: "AGFI",
  logl: "Log-likelihood",
  "unrestricted.logl": "Unrestricted log-likelihood",
  aic: "AIC",
  bic: "BIC",
  bic2: "Sample-size adjusted BIC",
  fmin: "Minimum of the fit function (F/2)",
  rfi: "RFI",
  pnfi: "PNFI",
  ntotal: "N",
  "rmsea.ci.level": "RMSEA CI level",
  "rmsea.close.h0": "RMSEA close-fit H0",
  "rmsea.notclose.pvalue": "RMSEA p (not-close fit, ≥ .08)",
  "rmsea.notclose.h0": "RMSEA not-close-fit H0",
  cn_05: "Hoelter's critical N (α = .05)",
  cn_01: "Hoelter's critical N (α = .01)",
  pgfi: "PGFI",
  mfi: "McDonald's fit index",
  ecvi: "ECVI",
  "chisq.scaled": "χ² (scaled)",
  "df.scaled": "df (scaled)",
  "pvalue.scaled": "p (scaled χ²)",
  "chisq.scaling.factor": "Scaling correction factor",
  "baseline.chisq.scaled": "Baseline χ² (scaled)",
  "baseline.df.scaled": "Baseline df (scaled)",
  "baseline.pvalue.scaled": "Baseline p (scaled)",
  "baseline.chisq.scaling.factor": "Baseline scaling factor",
  "cfi.scaled": "CFI (scaled)",
  "tli.scaled": "TLI (scaled)",
  "cfi.robust": "CFI (robust)",
  "tli.robust": "TLI (robust)",
  "nnfi.scaled": "NNFI (scaled)",
  "nnfi.robust": "NNFI (robust)",
  "rfi.scaled": "RFI (scaled)",
  "nfi.scaled": "NFI (scaled)",
  "pnfi.scaled": "PNFI (scaled)",
  "ifi.scaled": "IFI (scaled)",
  "rni.scaled": "RNI (scaled)",
  "rni.robust": "RNI (robust)",
  "scaling.factor.h1": "Scaling factor, unrestricted model (MLR)",
  "scaling.factor.h0": "Scaling factor, user model (MLR)",
  "rmsea.scaled": "RMSEA (scaled)",
  "rmsea.ci.lower.scaled": "RMSEA (scaled) 90% CI lower",
  "rmsea.ci.upper.scaled": "RMSEA (scaled) 90% CI upper",
  "rmsea.pvalue.scaled": "RMSEA (scaled) p (close fit)",
  "rmsea.notclose.pvalue.scaled": "RMSEA (scaled) p (not-close fit)",
  "rmsea.robust": "RMSEA (robust)",
  "rmsea.ci.lower.robust": "RMSEA (robust) 90% CI lower",
  "rmsea.ci.upper.robust": "RMSEA (robust) 90% CI upper",
  "rmsea.pvalue.robust": "RMSEA (robust) p (close fit)",
  "rmsea.notclose.pvalue.robust": "RMSEA (robust) p (not-close fit)",
};

/** lavaan's fitMeasures(): every measure is a field named as in lavaan (fm.cfi, fm["rmsea.ci.lower"]). */
export class FitMeasures extends Result {
  readonly npar!: number;
  readonly chisq!: number;
  readonly df!: number;
  readonly pvalue!: number;
  readonly "baseline.chisq"!: number;
  readonly "baseline.df"!: number;
  readonly "baseline.pvalue"!: number;
  readonly cfi!: number;
  readonly tli!: number;
  readonly nnfi!: number;
  readonly nfi!: number;
  readonly ifi!: number;
  readonly rni!: number;
  readonly rmsea!: number;
  readonly "rmsea.ci.lower"!: number;
  readonly "rmsea.ci.upper"!: number;
  readonly "rmsea.pvalue"!: number;
  readonly srmr!: number;
  /** lavaan's residual summaries (srmr_bentler = srmr); see residual-rms.ts. */
  readonly rmr!: number;
  readonly rmr_nomean!: number;
  readonly srmr_bentler!: number;
  readonly srmr_bentler_nomean!: number;
  readonly crmr!: number;
  readonly crmr_nomean!: number;
  readonly srmr_mplus!: number;
  readonly srmr_mplus_nomean!: number;
  readonly gfi!: number;
  readonly agfi!: number;
  readonly logl!: number;
  readonly "unrestricted.logl"!: number;
  readonly aic!: number;
  readonly bic!: number;
  readonly bic2!: number;
  /** Robust estimators (MLR, MLM) and FIML: the scaled and robust versions (lavaan's names). */
  readonly "chisq.scaled"!: number;
  readonly "df.scaled"!: number;
  readonly "pvalue.scaled"!: number;
  readonly "chisq.scaling.factor"!: number;
  readonly "cfi.scaled"!: number;
  readonly "tli.scaled"!: number;
  readonly "cfi.robust"!: number;
  readonly "tli.robust"!: number;
  readonly "rmsea.scaled"!: number;
  readonly "rmsea.robust"!: number;
  readonly "rmsea.ci.lower.robust"!: number;
  readonly "rmsea.ci.upper.robust"!: number;
  /** The other measures of fitMeasures(fit, "all") (lavaan's names). */
  readonly fmin!: number;
  readonly rfi!: number;
  readonly pnfi!: number;
  readonly ntotal!: number;
  readonly "rmsea.ci.level"!: number;
  readonly "rmsea.close.h0"!: number;
  readonly "rmsea.notclose.pvalue"!: number;
  readonly "rmsea.notclose.h0"!: number;
  readonly cn_05!: number;
  readonly cn_01!: number;
  readonly pgfi!: number;
  readonly mfi!: number;
  readonly ecvi!: number;
  readonly "baseline.chisq.scaled"!: number;
  readonly "baseline.df.scaled"!: number;
  readonly "baseline.pvalue.scaled"!: number;
  readonly "baseline.chisq.scaling.factor"!: number;
  readonly "nnfi.scaled"!: number;
  readonly "rfi.scaled"!: number;
  readonly "nfi.scaled"!: number;
  readonly "pnfi.scaled"!: number;
  readonly "ifi.scaled"!: number;
  readonly "rni.scaled"!: number;
  readonly "rmsea.ci.lower.scaled"!: number;
  readonly "rmsea.ci.upper.scaled"!: number;
  readonly "rmsea.pvalue.scaled"!: number;
  readonly "rmsea.notclose.pvalue.scaled"!: number;
  readonly "scaling.factor.h1"!: number;
  readonly "scaling.factor.h0"!: number;
  readonly "nnfi.robust"!: number;
  readonly "rni.robust"!: number;
  readonly "rmsea.pvalue.robust"!: number;
  readonly "rmsea.notclose.pvalue.robust"!: number;
  /** The measures shown when rendered (all by default). */
  readonly shown: string[];

  constructor(values: Partial<Record<FitMeasureName, number>>, shown: FitMeasureName[]) {
    super();
    Object.assign(this, values);
    this.shown = shown;
  }

  /** The shown measures as a plain object. */
  toObject(): Record<string, number> {
    const o: Record<string, number> = {};
    for (const k of this.shown) o[k] = (this as unknown as Record<string, number>)[k];
    return o;
  }

  tables(): TableSpec[] {
    const rows = this.shown.map((k) => {
      const v = (this as unknown as Record<string, number>)[k];
      const isInt = k === "npar" || k === "df" || k === "baseline.df" || k === "ntotal" || k === "df.scaled" || k === "baseline.df.scaled";
      return {
        measure: k,
        description: MEASURE_LABELS[k] ?? k,
        value: isInt ? { text: String(v) } : k.endsWith("pvalue") ? { text: Number.isNaN(v) ? "NA" : v < 0.001 ? "<.001" : v.toFixed(3) } : v,
      };
    });
    return [
      {
        title: "Fit measures",
        columns: [
          { key: "measure", label: "Measure", format: "text" },
          { key: "description", label: "", format: "text" },
          { key: "value", label: "Value", digits: 3 },
        ],
        rows,
      },
    ];
  }
}

/** A covariance-type matrix of the observed variables (implied moments or residuals). */
export class ImpliedMoments extends Result {
  constructor(
    readonly label: string,
    readonly names: string[],
    readonly cov: number[][],
    readonly mean?: number[],
  ) {
    super();
  }

  title(): string {
    return this.label;
  }

  tables(): TableSpec[] {
    const columns: Column[] = [{ key: "var", label: "", format: "text" }, ...this.names.map((n) => ({ key: n, label: n, digits: 3 }))];
    const rows = this.names.map((n, i) => {
      const r: Record<string, unknown> = { var: n };
      this.names.forEach((m, j) => (r[m] = j <= i ? this.cov[i][j] : null));
      return r;
    });
    const out: TableSpec[] = [{ title: "Covariances", columns, rows }];
    if (this.mean) {
      const r: Record<string, unknown> = { var: "mean" };
      this.names.forEach((m, j) => (r[m] = this.mean![j]));
      out.push({ title: "Means", columns, rows: [r] });
    }
    return out;
  }
}

/**
 * One result per group of a multiple-group fit (lavaan returns such lists named by group):
 * `byGroup["Pasteur"]`, `items[0]`; renders each group's tables under the group's name.
 */
export class PerGroup<T extends Result> extends Result {
  readonly byGroup: Record<string, T>;
  constructor(
    readonly labels: string[],
    readonly items: T[],
  ) {
    super();
    this.byGroup = Object.fromEntries(labels.map((l, g) => [l, items[g]]));
  }
  tables(): TableSpec[] {
    return this.items.flatMap((item, g) =>
      item.tables().map((t) => ({ ...t, title: `Group ${g + 1} [${this.labels[g]}]${t.title ? `: ${t.title}` : item.title() ? `: ${item.title()}` : ""}` })),
    );
  }
}

/** R² of the endogenous variables (observed indicators and outcomes, endogenous latents). */
export class RSquare extends Result {
  constructor(readonly values: Record<string, number>) {
    super();
  }
  title(): string {
    return "R-square";
  }
  tables(): TableSpec[] {
    return [
      {
        title: "R-square",
        columns: [
          { key: "variable", label: "Variable", format: "text" },
          { key: "r2", label: "R²", digits: 3 },
        ],
        rows: Object.entries(this.values).map(([variable, r2]) => ({ variable, r2 })),
      },
    ];
  }
}
