/**
 * Hierarchical (blockwise) regression: predictors entered in blocks, each step reporting R², ΔR²,
 * the F test of the change and Cohen's f² for the block — the "Model 1 → Model 2" tables of
 * survey papers.
 */
import type { TableInput } from "../data/table-input";
import { numericColumns } from "../data/table-input";
import { PathlabError } from "../errors";
import { Result } from "../display/result";
import type { Row, TableSpec } from "../display/table";
import { pf } from "../math";
import { cohensF2 } from "./effect-size";
import { waldF } from "../math";
import { olsFromColumns, type RegressionResult } from "./ols";
import { CONF_OPTION, MISSING_OPTION, NAME_OPTION, NAMES_OPTION, checkSpec, pText } from "./internal";
import { HC_OPTION, type HcType } from "./ols-core";
import { checkOptions, type OptionSpecs } from "../options";
import { formatNumber } from "../display/format";

/** What `hierarchicalRegression` fits: the outcome and the predictor blocks in order of entry. */
export interface HierarchicalSpec {
  /** Outcome variable. */
  y: string;
  /** Predictor blocks in order of entry; step k uses blocks 1..k. */
  blocks: string[][];
  /**
   * HC standard errors for the coefficient tables. The ΔR² F change stays the classical test papers
   * report; each step then also carries a robust Wald F of its block (FchangeRobust).
   */
  hc?: HcType | Lowercase<HcType>;
  missing?: number[];
  conf?: number;
  /** Labels for the steps (default "Model 1", "Model 2", …). */
  labels?: string[];
}

/** One step of a hierarchical regression. */
export interface HierarchicalStep {
  step: number;
  label: string;
  /** Predictors entered at this step. */
  added: string[];
  /** All predictors in the model at this step. */
  predictors: string[];
  r2: number;
  adjR2: number;
  /** R² change over the previous step (over the intercept-only model at step 1). */
  dR2: number;
  /** F test of the change: (ΔR²/df1)/((1 − R²)/df2). */
  Fchange: number;
  df1: number;
  df2: number;
  pChange: number;
  /** Cohen's f² of the block: ΔR²/(1 − R²). */
  f2: number;
  /** With `hc`: Wald F of the block's coefficients on the HC covariance (df1, df2 as the F change). */
  FchangeRobust?: number;
  pChangeRobust?: number;
  /** The full fit of this step. */
  model: RegressionResult;
}

/** A hierarchical regression: one model per step with R², ΔR² and its F test, and the coefficients of every step. */
export class HierarchicalResult extends Result {
  readonly steps: HierarchicalStep[];
  /** Complete cases used in every step (listwise over all variables of all blocks). */
  readonly n: number;
  readonly dropped: number;
  readonly y: string;
  readonly hc?: HcType;

  constructor(init: { steps: HierarchicalStep[]; n: number; dropped: number; y: string; hc?: HcType }) {
    super();
    this.steps = init.steps;
    this.n = init.n;
    this.dropped = init.dropped;
    this.y = init.y;
    this.hc = init.hc;
  }

  /** The model of each step. */
  get models(): RegressionResult[] {
    return this.steps.map((s) => s.model);
  }

  title(): string {
    return `Hierarchical regression of ${this.y}`;
  }

  info(): string[] {
    return [`N = ${this.n} in every step${this.dropped ? ` (${this.dropped} row${this.dropped === 1 ? "" : "s"} with missing values dropped)` : ""}`];
  }

  tables(): TableSpec[] {
    const cols: TableSpec["columns"] = [{ key: "term", label: "", format: "text" }];
    this.steps.forEach((s, k) => {
      cols.push({ key: `b${k}`, label: `${s.label} B`, digits: 3, starsFrom: `p${k}` });
      cols.push({ key: `se${k}`, label: this.hc ? `SE (${this.hc})` : "SE", format: "text" });
      cols.push({ key: `beta${k}`, label: "β", digits: 3 });
    });
    const terms: string[] = [];
    for (const s of this.steps) for (const c of s.model.coefficients) if (!terms.includes(c.term)) terms.push(c.term);
    const rows: Row[] = terms.map((term) => {
      const row: Row = { term };
      this.steps.forEach((s, k) => {
        const c = s.model.coefficients.find((cc) => cc.term === term);
        if (!c) return;
        row[`b${k}`] = c.estimate;
        row[`p${k}`] = c.p;
        row[`se${k}`] = `(${formatNumber(c.se, 3)})`;
        row[`beta${k}`] = c.beta ?? undefined;
      });
      return row;
    });
    const stat = (label: string, f: (s: HierarchicalStep) => number, starsP?: (s: HierarchicalStep) => number): Row => {
      const row: Row = { term: label };
      this.steps.forEach((s, k) => {
        row[`b${k}`] = f(s);
        if (starsP) row[`p${k}`] = starsP(s);
      });
      return row;
    };
    rows.push(stat("R²", (s) => s.r2));
    rows.push(stat("Adjusted R²", (s) => s.adjR2));
    rows.push(
      stat(
        "ΔR²",
        (s) => s.dR2,
        (s) => s.pChange,
      ),
    );
    rows.push(
      stat(
        "F change",
        (s) => s.Fchange,
        (s) => s.pChange,
      ),
    );
    rows.push(stat("Cohen's f²", (s) => s.f2));
    if (this.hc)
      rows.push(
        stat(
          `Wald F (${this.hc})`,
          (s) => s.FchangeRobust ?? NaN,
          (s) => s.pChangeRobust ?? NaN,
        ),
      );
    const notes = this.steps.map(
      (s) =>
        `${s.label}: ΔR² = ${formatNumber(s.dR2, 3)}, F(${s.df1}, ${s.df2}) = ${formatNumber(s.Fchange, 2)}, p ${pText(s.pChange)}, f² = ${formatNumber(s.f2, 3)}.`,
    );
    notes.push(`N = ${this.n}. Unstandardised B with ${this.hc ? `${this.hc} ` : ""}standard errors in parentheses; * p < .05, ** p < .01, *** p < .001.`);
    return [{ columns: cols, rows, notes }];
  }
}

const HIERARCHICAL_OPTIONS: OptionSpecs = {
  y: NAME_OPTION,
  blocks: { kind: "custom", expected: 'an array of predictor blocks such as [["age"], ["trust", "commit"]]' },
  hc: HC_OPTION,
  missing: MISSING_OPTION,
  conf: CONF_OPTION,
  labels: NAMES_OPTION,
};

/**
 * Hierarchical regression: OLS at each step k on the predictors of blocks 1..k, all steps on the
 * same complete cases. ΔR²_k = R²_k − R²_{k−1}; F change = (ΔR²_k/q_k)/((1 − R²_k)/(n − p_k)) on
 * (q_k, n − p_k) df with q_k the number of predictors added (Cohen, Cohen, West & Aiken 2003,
 * eq. 5.5.1; equal to R's anova() of the nested models); f²_k = ΔR²_k/(1 − R²_k).
 *
 * @example
 * hierarchicalRegression(df, { y: "perf", blocks: [["size"], ["trust_c", "commit_c"], ["trust_x_commit"]] })
 */
export function hierarchicalRegression(data: TableInput, spec: HierarchicalSpec): HierarchicalResult {
  spec = checkOptions<HierarchicalSpec>("hierarchicalRegression", spec, HIERARCHICAL_OPTIONS);
  if (!Array.isArray(spec.blocks) || spec.blocks.length === 0 || spec.blocks.some((b) => !Array.isArray(b) || b.length === 0)) {
    throw new PathlabError("`blocks` must be a non-empty array of non-empty arrays of predictor names.", {
      hint: 'E.g. blocks: [["age", "gender"], ["trust", "satisfaction"]].',
      code: "regression.bad-spec",
    });
  }
  const all = spec.blocks.flat();
  checkSpec(spec.y, all);
  if (spec.labels && spec.labels.length !== spec.blocks.length) {
    throw new PathlabError(`hierarchicalRegression(): ${spec.labels.length} label(s) for ${spec.blocks.length} block(s).`, {
      hint: `Give one label per block, e.g. labels: [${spec.blocks.map((_, k) => `"Model ${k + 1}"`).join(", ")}].`,
      code: "options.bad-value",
    });
  }
  const cols = numericColumns(data, [spec.y, ...all], { missing: spec.missing });
  const y = cols.columns[0];
  const byName = new Map<string, Float64Array>();
  all.forEach((v, i) => byName.set(v, cols.columns[i + 1]));
  const steps: HierarchicalStep[] = [];
  let prevR2 = 0;
  let preds: string[] = [];
  spec.blocks.forEach((block, k) => {
    preds = [...preds, ...block];
    const model = olsFromColumns(
      y,
      preds.map((v) => byName.get(v)!),
      {
        y: spec.y,
        x: preds,
        hc: spec.hc as HcType | undefined,
        intercept: true,
        conf: spec.conf ?? 0.95,
        dropped: cols.dropped,
      },
    );
    const dR2 = model.r2 - prevR2;
    const df1 = block.length;
    const df2 = model.df2;
    const Fchange = dR2 / df1 / ((1 - model.r2) / df2);
    let robust: { FchangeRobust: number; pChangeRobust: number } | undefined;
    if (spec.hc) {
      // Coefficient j + 1 belongs to predictor j (index 0 is the intercept).
      const idx = block.map((v) => preds.indexOf(v) + 1);
      const Fr = waldF(
        model.coefficients.map((c) => c.estimate),
        model.vcov,
        idx,
      );
      robust = { FchangeRobust: Fr, pChangeRobust: pf(Fr, df1, df2, false) };
    }
    steps.push({
      step: k + 1,
      label: spec.labels?.[k] ?? `Model ${k + 1}`,
      added: [...block],
      predictors: [...preds],
      r2: model.r2,
      adjR2: model.adjR2,
      dR2,
      Fchange,
      df1,
      df2,
      pChange: pf(Fchange, df1, df2, false),
      f2: cohensF2(model.r2, Math.min(prevR2, model.r2)),
      ...robust,
      model,
    });
    prevR2 = model.r2;
  });
  const result = new HierarchicalResult({ steps, n: cols.n, dropped: cols.dropped, y: spec.y, hc: spec.hc as HcType | undefined });
  for (const s of steps) for (const w of s.model.warnings) result.warnings.push({ code: w.code, message: `${s.label}: ${w.message}` });
  return result;
}
