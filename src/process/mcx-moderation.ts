/**
 * PROCESS model 1 with a multicategorical X (option `mcx`): X's k sorted categories coded into
 * X1…X(k−1) (see mcx.ts), moderated by W:
 *   Y = b₀ + Σᵢ bᵢ Xi + b_W W + Σᵢ b_{iW} Xi·W (+ covariates)
 * The test of the interaction is the joint test of the k − 1 products: ΔR² and
 * F = (ΔR²/(k − 1)) / ((1 − R²)/df), or the Wald F with the HC covariance matrix when `hc` is set.
 * The relative conditional effects of X at W = w are θᵢ(w) = bᵢ + b_{iW} w with
 * SE √(Vᵢᵢ + 2w V_{i,iW} + w² V_{iW,iW}) and t(df) intervals; at each w the omnibus test that all
 * θᵢ(w) are zero is the Wald F = θᵀ (G V Gᵀ)⁻¹ θ / (k − 1). W is probed at the 16th, 50th and 84th
 * percentiles, its two values if dichotomous, mean ± 1 SD (`moments`) or `wmodval`.
 *
 * Hayes, A. F., & Montoya, A. K. (2017). A tutorial on testing, visualizing, and probing an
 * interaction involving a multicategorical variable in linear regression analysis. Communication
 * Methods and Measures, 11, 1–30. Hayes (2022), Ch. 10 and Appendix A (mcx).
 *
 * @example
 * const r = process({ data: df, model: 1, x: "group", w: "age", y: "y", mcx: 1 });
 * r.payload.conditional // [{ w: 31, effects: [{ term: "X1", coeff, se, … }, …], omnibus: { F, … } }, …]
 */
import type { PathlabWarning } from "../errors";
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import { pf, qt, twoSidedP_t, waldF } from "../math";
import { olsCore } from "../regression/ols-core";
import { codingTable, effectColumns, type Fitted, type McxEquation, mcxData, num, type OmnibusTest, omnibus } from "./mcx";
import { coefficientRows, modelSummary } from "./fit";
import type { ProcessConfig } from "./options";
import { probeValues } from "./probe";
import type { Coefficient, ProcessOptions } from "./types";

/** The relative conditional effects of X at one value of W, and their omnibus test. */
export interface McxConditional {
  w: number;
  effects: Coefficient[];
  omnibus: { F: number; df1: number; df2: number; p: number };
}

export interface McxModerationPayload {
  x: string;
  w: string;
  y: string;
  covariates: string[];
  mcx: 1 | 2 | 3 | 4;
  levels: number[];
  coding: number[][];
  n: number;
  dropped: number;
  conf: number;
  hc?: string;
  equation: McxEquation;
  /** Product labels Int_i = Xi × W. */
  productKey: { label: string; factors: string[] }[];
  /** The joint test of the X × W products. */
  interaction: OmnibusTest;
  /** True when the interaction's p is below `intprobe` (the conditional effects are then shown). */
  probed: boolean;
  conditional: McxConditional[];
  warnings: PathlabWarning[];
}

/** θ(w) = G b for the codes at w, its covariance G V Gᵀ, rows with t(df) tests, and the Wald F. */
function conditionalAt(f: Fitted, k: number, w: number, tc: number): McxConditional {
  const { coef, vcov, df } = f.fit;
  const q = k - 1;
  const g = (i: number) => {
    const row = new Array<number>(coef.length).fill(0);
    row[i + 1] = 1; // Xi
    row[k + 1 + i] = w; // Xi·W (constant, X1…X(k−1), W, products…)
    return row;
  };
  const G = Array.from({ length: q }, (_, i) => g(i));
  const theta = G.map((r) => r.reduce((s, v, j) => s + v * coef[j], 0));
  const GV = G.map((r) => vcov.map((_, c) => r.reduce((s, v, j) => s + v * vcov[j][c], 0)));
  const S = GV.map((r) => G.map((r2) => r.reduce((s, v, j) => s + v * r2[j], 0)));
  const effects = theta.map((t, i) => {
    const se = Math.sqrt(S[i][i]);
    return { term: `X${i + 1}`, coeff: t, se, t: t / se, p: twoSidedP_t(t / se, df), llci: t - tc * se, ulci: t + tc * se };
  });
  const F = waldF(
    theta,
    S,
    theta.map((_, i) => i),
  );
  return { w, effects, omnibus: { F, df1: q, df2: df, p: pf(F, q, df, false) } };
}

/** Model 1 with a multicategorical X (see the module comment). */
export function processMcxModeration(cfg: ProcessConfig, options: ProcessOptions): McxModerationResult {
  const warnings: PathlabWarning[] = [...cfg.warnings];
  const w = cfg.w as string;
  const { n, dropped, levels, coding, master, k } = mcxData(cfg, options, [w, cfg.y, ...cfg.covs]);
  const wCol = master[k];
  const yCol = master[k + 1];
  const codes = Array.from({ length: k - 1 }, (_, i) => `X${i + 1}`);
  // Products Xi·W after the covariates' columns in the master matrix; the equation orders them after W.
  const prodStart = master.length;
  for (let i = 1; i < k; i++) master.push(master[i].map((v, r) => v * wCol[r]));
  const covCols = cfg.covs.map((_, j) => k + 2 + j);
  const columns = [0, ...codes.map((_, i) => i + 1), k, ...codes.map((_, i) => prodStart + i), ...covCols];
  const productKey = codes.map((c, i) => ({ label: `Int_${i + 1}`, factors: [c, w] }));
  const names = ["constant", ...codes, w, ...productKey.map((pk) => pk.label), ...cfg.covs];
  const fit = olsCore(
    columns.map((c) => master[c]),
    yCol,
    { hc: cfg.hc, names },
  );
  const f: Fitted = { outcome: cfg.y, columns, fit, names };
  const tc = qt((100 - cfg.conf) / 200, fit.df, false);
  const interaction = omnibus(
    f,
    master,
    yCol,
    codes.map((_, i) => k + 1 + i),
    cfg.hc,
  );
  const probe = probeValues(wCol, cfg.wmodval, cfg.moments, w);
  if (probe.note) warnings.push({ code: "process.probe-range", message: probe.note });
  return new McxModerationResult({
    x: cfg.x,
    w,
    y: cfg.y,
    covariates: cfg.covs,
    mcx: cfg.mcx as 1 | 2 | 3 | 4,
    levels,
    coding,
    n,
    dropped,
    conf: cfg.conf,
    hc: cfg.hc,
    equation: { outcome: cfg.y, summary: modelSummary(fit, names.length - 1, cfg.hc), coefficients: coefficientRows(names, fit, tc), vcov: fit.vcov },
    productKey,
    interaction,
    probed: interaction.p < cfg.intprobe,
    conditional: probe.values.map((v) => conditionalAt(f, k, v, tc)),
    warnings,
  });
}

/** The result of `process()` model 1 with `mcx`: coding, the Y equation, the interaction test, relative conditional effects. */
export class McxModerationResult extends Result {
  constructor(readonly payload: McxModerationPayload) {
    super();
    this.warnings = payload.warnings;
  }
  title(): string {
    return `PROCESS model 1 with a multicategorical X (mcx = ${this.payload.mcx})`;
  }
  info(): string[] {
    const p = this.payload;
    return [
      `Y: ${p.y}   X: ${p.x}   W: ${p.w}${p.covariates.length ? `   Covariates: ${p.covariates.join(", ")}` : ""}`,
      `Sample size: ${p.n}${p.dropped ? ` (${p.dropped} rows with missing values dropped)` : ""}`,
    ];
  }
  tables(): TableSpec[] {
    const p = this.payload;
    const e = p.equation;
    const fLabel = p.hc ? `F(${p.hc})` : "F";
    const int = (key: string) => ({ key, label: key, format: "int" as const });
    const pcol = { key: "p", label: "p", format: "p" as const };
    const out: TableSpec[] = [
      codingTable(p.x, p.levels, p.coding),
      {
        title: `OUTCOME VARIABLE: ${e.outcome} — Model Summary`,
        columns: [num("R", "R"), num("r2", "R-sq"), num("mse", "MSE"), num("F", fLabel), int("df1"), int("df2"), pcol],
        rows: [e.summary as unknown as Record<string, unknown>],
      },
      {
        title: "Model",
        columns: [{ key: "term", label: "", format: "text" }, ...effectColumns(p.hc).map((c) => (c.key === "coeff" ? { ...c, label: "coeff" } : c))],
        rows: e.coefficients as unknown as Record<string, unknown>[],
      },
      {
        title: "Product terms key",
        columns: [
          { key: "label", label: "", format: "text" },
          { key: "text", label: "", format: "text" },
        ],
        rows: p.productKey.map((pk) => ({ label: pk.label, text: pk.factors.join(" x ") })),
      },
      {
        title: "Test(s) of highest order unconditional interaction(s)",
        columns: [{ key: "label", label: "", format: "text" }, num("r2chng", "R2-chng"), num("F", fLabel), int("df1"), int("df2"), pcol],
        rows: [{ label: "X*W", ...p.interaction }],
        notes: p.probed ? undefined : ["The interaction's p is not below intprobe: conditional effects are not shown (they are in payload.conditional)."],
      },
    ];
    if (!p.probed) return out;
    for (const c of p.conditional) {
      out.push({
        title: `Conditional effects of the focal predictor at ${p.w} = ${+c.w.toFixed(4)}`,
        columns: [{ key: "term", label: "", format: "text" }, ...effectColumns(p.hc)],
        rows: c.effects as unknown as Record<string, unknown>[],
      });
      out.push({
        title: `Test of equality of conditional means at ${p.w} = ${+c.w.toFixed(4)}`,
        columns: [num("F", fLabel), int("df1"), int("df2"), pcol],
        rows: [c.omnibus as unknown as Record<string, unknown>],
      });
    }
    return out;
  }
}
