/**
 * `fit.inspect(what)` — lavaan's `lavInspect(fit, what)` / `inspect(fit, what)` for the common
 * values of `what` (lavaan's spellings and synonyms, case-insensitive):
 *
 *   model matrices (LISREL form, see lisrel.ts): "free", "est" ("estimates", "x"), "se"
 *     ("std.err", "standard.errors"), "std" ("std.all", "standardized"), "std.lv", "std.nox",
 *     "start" ("starting.values")
 *   moments: "sampstat" ("obs", "sample.statistics"; the EM estimates with FIML), "implied"
 *     ("fitted", with "cov.ov", "cor.ov", "mean.ov"), "residuals" ("resid"), "cov.lv" ("veta"),
 *     "cor.lv", "mean.lv" ("eeta"), "rsquare" ("r2")
 *   estimation: "coef", "vcov" (also "vcov.std.all"/"vcov.std.lv"/"vcov.std.nox" are not here),
 *     "information" ("information.expected"), "information.observed", "fit" ("fitmeasures"),
 *     "converged", "iterations", "partable" ("list"), "options"
 *   data: "nobs", "ntotal", "ngroups", "group", "group.label", "npar", "ov.names"/"lv.names"
 *
 * A multiple-group fit returns one result per group (PerGroup) where lavaan returns a list.
 *
 * @example
 * fit.inspect("cov.lv");   // model-implied covariances of the factors
 * fit.inspect("est").matrices.lambda.values;
 */
import { PathlabError } from "../errors";
import { Result, type Column, type TableSpec } from "../display";
import type { ParRow } from "./partable";
import { lisrelMatrices, type LisrelMatrices, type NamedMatrix } from "./lisrel";
import { ImpliedMoments, PerGroup } from "./results";
import type { GroupState } from "./state";
import type { StdType } from "./standardize";

/** What `inspect()` needs from a fit (SemFit implements it). */
export interface InspectSource {
  readonly state: import("./state").SemState;
  readonly groupLabels: string[];
  readonly groupN: number[];
  readonly n: number;
  readonly converged: boolean;
  readonly iterations: number;
  readonly ngroups: number;
  estimatesInternal(): { rows: ParRow[]; est: Float64Array; se: Float64Array };
  stdInternal(type: StdType): { est: Float64Array; se: Float64Array };
  coef(): Record<string, number>;
  vcov(): { names: string[]; matrix: number[][] };
  information(type: "expected" | "observed"): { names: string[]; matrix: number[][] };
}

/** A labelled matrix (lavaan's lavaan.matrix): `values[i][j]` with row and column names. */
export class LabelledMatrix extends Result {
  constructor(
    readonly label: string,
    readonly rows: string[],
    readonly cols: string[],
    readonly values: number[][],
    readonly symmetric = false,
  ) {
    super();
  }
  title(): string {
    return this.label;
  }
  /** The entry in row `r`, column `c` (by name). */
  get(r: string, c: string): number {
    const i = this.rows.indexOf(r);
    const j = this.cols.indexOf(c);
    if (i < 0 || j < 0)
      throw new PathlabError(`${this.label}: no entry [${r}, ${c}].`, {
        code: "sem.option",
        hint: `Rows: ${this.rows.join(", ")}; columns: ${this.cols.join(", ")}.`,
      });
    return this.values[i][j];
  }
  tables(): TableSpec[] {
    return [matrixTable(this.label, { rows: this.rows, cols: this.cols, values: this.values, symmetric: this.symmetric })];
  }
}

/** lavaan's list of model matrices (lambda, theta, psi, beta, nu, alpha) of one group. */
export class ModelMatrices extends Result {
  constructor(
    readonly label: string,
    readonly matrices: LisrelMatrices,
  ) {
    super();
  }
  title(): string {
    return this.label;
  }
  tables(): TableSpec[] {
    return Object.entries(this.matrices).map(([name, m]) => matrixTable(name, m));
  }
}

function matrixTable(title: string, m: NamedMatrix): TableSpec {
  const columns: Column[] = [{ key: "var", label: "", format: "text" }, ...m.cols.map((c) => ({ key: `c_${c}`, label: c, digits: 3 }))];
  const rows = m.rows.map((r, i) => {
    const o: Record<string, unknown> = { var: r };
    m.cols.forEach((c, j) => (o[`c_${c}`] = m.symmetric && j > i ? null : m.values[i][j]));
    return o;
  });
  return { title, columns, rows };
}

/** lavaan's synonyms of `what`, mapped to the names handled here. */
const SYNONYMS: Record<string, string> = {
  estimates: "est",
  x: "est",
  "std.err": "se",
  "standard.errors": "se",
  standardized: "std",
  "std.all": "std",
  "starting.values": "start",
  obs: "sampstat",
  observed: "sampstat",
  "sample.statistics": "sampstat",
  fitted: "implied",
  "fitted.values": "implied",
  resid: "residuals",
  res: "residuals",
  veta: "cov.lv",
  eeta: "mean.lv",
  r2: "rsquare",
  "r-square": "rsquare",
  fitmeasures: "fit",
  "fit.measures": "fit",
  "fit.indices": "fit",
  list: "partable",
  "information.expected": "information",
  "expected.information": "information",
  "observed.information": "information.observed",
  "sigma.hat": "cov.ov",
  "mu.hat": "mean.ov",
  coefficients: "coef",
  "group.labels": "group.label",
};

/** Every `what` accepted (for the error hint). */
export const INSPECT_WHATS = [
  "free",
  "est",
  "se",
  "std",
  "std.lv",
  "std.nox",
  "start",
  "sampstat",
  "implied",
  "residuals",
  "cov.ov",
  "cor.ov",
  "mean.ov",
  "cov.lv",
  "cor.lv",
  "mean.lv",
  "rsquare",
  "coef",
  "vcov",
  "information",
  "information.observed",
  "fit",
  "converged",
  "iterations",
  "partable",
  "options",
  "nobs",
  "ntotal",
  "ngroups",
  "group",
  "group.label",
  "npar",
  "ov.names",
  "lv.names",
] as const;

/** Per-group results as lavaan lists them: the single result of a one-group fit, else PerGroup. */
function perGroup<T extends Result>(src: InspectSource, f: (g: GroupState, k: number) => T): T | PerGroup<T> {
  const parts = src.state.groups.map((g, k) => f(g, k));
  return src.ngroups > 1 ? new PerGroup(src.groupLabels, parts) : parts[0];
}

function toRows(a: Float64Array, p: number): number[][] {
  return Array.from({ length: p }, (_, i) => Array.from(a.subarray(i * p, i * p + p)));
}

function correlation(c: number[][]): number[][] {
  const sd = c.map((r, i) => Math.sqrt(r[i]));
  return c.map((r, i) => r.map((v, j) => v / (sd[i] * sd[j])));
}

/** Model-implied covariances and means of the latent variables of one group. */
function latentMoments(src: InspectSource, g: GroupState): { names: string[]; cov: number[][]; mean: number[] } {
  const { engine, structure } = g;
  const m = engine.spec.m;
  const p = structure.p;
  const names = src.state.pt.vars.lv;
  const idx = names.map((v) => structure.names.indexOf(v));
  const { B, S } = engine;
  // (B S Bᵀ) restricted to the latent rows and columns.
  const BS = idx.map((i) =>
    Array.from({ length: m }, (_, l) => {
      let s = 0;
      for (let k = 0; k < m; k++) s += B[i * m + k] * S[k * m + l];
      return s;
    }),
  );
  const cov = idx.map((_, a) =>
    idx.map((j) => {
      let s = 0;
      for (let l = 0; l < m; l++) s += BS[a][l] * B[j * m + l];
      return s;
    }),
  );
  const mean = idx.map((i) => (src.state.pt.meanstructure ? engine.Bm[i] : 0));
  void p;
  return { names, cov, mean };
}

function matricesOf(src: InspectSource, what: string): ModelMatrices | PerGroup<ModelMatrices> {
  const { rows, est, se } = src.estimatesInternal();
  const std =
    what === "std" ? src.stdInternal("std.all") : what === "std.lv" ? src.stdInternal("std.lv") : what === "std.nox" ? src.stdInternal("std.nox") : undefined;
  const value = (r: ParRow, k: number): number => {
    if (what === "free") return r.free;
    if (what === "se") return r.free > 0 ? se[k] : 0;
    if (what === "start") return r.start;
    return std ? std.est[k] : est[k];
  };
  const dummy = what === "free" || what === "se" ? 0 : 1;
  const title = {
    free: "Free parameters (index)",
    est: "Estimates",
    se: "Standard errors",
    std: "Standardized (std.all)",
    "std.lv": "Standardized (std.lv)",
    "std.nox": "Standardized (std.nox)",
    start: "Start values",
  }[what]!;
  void rows;
  return perGroup(src, (_g, k) => new ModelMatrices(title, lisrelMatrices(src.state.pt, k + 1, value, dummy)));
}

/** The moment-valued `what`s of inspect(): sample, implied, residual and latent moments, per group. */
function inspectMoments(src: InspectSource, what: string): unknown {
  const st = src.state;
  switch (what) {
    case "sampstat":
      return perGroup(
        src,
        (g) =>
          new ImpliedMoments(
            "Sample statistics",
            src.state.pt.vars.ov,
            toRows(g.engine.sample.S, g.structure.p),
            st.pt.meanstructure ? Array.from(g.engine.sample.mean) : undefined,
          ),
      );
    case "implied":
    case "cov.ov":
    case "cor.ov":
    case "mean.ov":
      if (what === "implied")
        return perGroup(
          src,
          (g) =>
            new ImpliedMoments(
              "Model-implied moments",
              st.pt.vars.ov,
              toRows(g.engine.Sigma, g.structure.p),
              st.pt.meanstructure ? Array.from(g.engine.mu) : undefined,
            ),
        );
      return perGroup(src, (g) => {
        const ov = st.pt.vars.ov;
        const c = toRows(g.engine.Sigma, g.structure.p);
        if (what === "mean.ov")
          return new LabelledMatrix(
            "Model-implied means",
            ov,
            ["mean"],
            Array.from(g.engine.mu, (v) => [v]),
          );
        return new LabelledMatrix(
          what === "cov.ov" ? "Model-implied covariances" : "Model-implied correlations",
          ov,
          ov,
          what === "cov.ov" ? c : correlation(c),
          true,
        );
      });
    case "residuals":
      return perGroup(src, (g) => {
        const p = g.structure.p;
        const R = new Float64Array(p * p);
        for (let k = 0; k < p * p; k++) R[k] = g.engine.sample.S[k] - g.engine.Sigma[k];
        return new ImpliedMoments(
          "Residuals (observed − implied)",
          st.pt.vars.ov,
          toRows(R, p),
          st.pt.meanstructure ? Array.from(g.engine.mu, (mu, i) => g.engine.sample.mean[i] - mu) : undefined,
        );
      });
    case "cov.lv":
    case "cor.lv":
    case "mean.lv":
      return perGroup(src, (g) => {
        const { names, cov, mean } = latentMoments(src, g);
        if (what === "mean.lv")
          return new LabelledMatrix(
            "Latent means",
            names,
            ["mean"],
            mean.map((v) => [v]),
          );
        return new LabelledMatrix(
          what === "cov.lv" ? "Latent covariances" : "Latent correlations",
          names,
          names,
          what === "cov.lv" ? cov : correlation(cov),
          true,
        );
      });
    default:
      throw new PathlabError(`inspect(): ${what} is not a moment.`, { code: "internal.assertion" });
  }
}

/** lavInspect(fit, what) — see the module comment for the values of `what`. */
export function inspectFit(src: InspectSource, whatRaw: unknown, fitMeasures: () => Result, rsquare: () => Result): unknown {
  if (typeof whatRaw !== "string")
    throw new PathlabError(`inspect(): 'what' must be a string such as "est" or "cov.lv"; got ${typeof whatRaw}.`, {
      code: "sem.option",
      hint: `Use one of: ${INSPECT_WHATS.join(", ")}.`,
    });
  const lower = whatRaw.toLowerCase();
  const what = SYNONYMS[lower] ?? lower;
  const st = src.state;
  switch (what) {
    case "free":
    case "est":
    case "se":
    case "std":
    case "std.lv":
    case "std.nox":
    case "start":
      return matricesOf(src, what);
    case "sampstat":
    case "implied":
    case "cov.ov":
    case "cor.ov":
    case "mean.ov":
    case "residuals":
    case "cov.lv":
    case "cor.lv":
    case "mean.lv":
      return inspectMoments(src, what);
    case "rsquare":
      return rsquare();
    case "fit":
      return fitMeasures();
    case "coef":
      return src.coef();
    case "vcov": {
      const v = src.vcov();
      return new LabelledMatrix("Covariance of the estimates", v.names, v.names, v.matrix, true);
    }
    case "information":
    case "information.observed": {
      const v = src.information(what === "information" ? "expected" : "observed");
      return new LabelledMatrix(`${what === "information" ? "Expected" : "Observed"} information (per observation)`, v.names, v.names, v.matrix, true);
    }
    case "converged":
      return src.converged;
    case "iterations":
      return src.iterations;
    case "partable":
      return st.pt.rows.map((r) => ({ ...r, expr: undefined }));
    case "options":
      return { ...st.options };
    case "nobs":
      return [...src.groupN];
    case "ntotal":
      return src.n;
    case "ngroups":
      return src.ngroups;
    case "group":
      return st.groupVar ?? "";
    case "group.label":
      return src.ngroups > 1 ? [...src.groupLabels] : [];
    case "npar":
      return st.pt.nFree;
    case "ov.names":
      return [...st.pt.vars.ov];
    case "lv.names":
      return [...st.pt.vars.lv];
    default:
      throw new PathlabError(`inspect(): unknown or unsupported 'what' ${JSON.stringify(whatRaw)}.`, {
        code: "sem.option",
        hint: `Use one of: ${INSPECT_WHATS.join(", ")} (lavaan's synonyms such as "estimates", "fitted", "veta" are accepted too).`,
      });
  }
}
