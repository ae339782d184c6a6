/**
 * Nested-model tests: lavaan's `lavTestLRT()` / `anova()` — the χ² difference test of models
 * fitted to the same data, ordered by degrees of freedom (fewest first).
 *
 * Standard test (lavaan 0.6.14, lavTestLRT): for consecutive models A (fewer df) and B,
 *   Δχ² = χ²_B − χ²_A,  Δdf = df_B − df_A,  p = P(χ²_Δdf ≥ Δχ²),
 *   RMSEA_Δ = √max((Δχ²/N)/Δdf − 1/N, 0)·√G  (the RMSEA of the difference; Savalei et al. 2023).
 * Robust estimators (MLR, MLM) use a scaled difference, where c = the scaling factor of each
 * model's test (see robust.ts for the 2010 variant):
 *   Satorra & Bentler (2001): c_Δ = (df_B·c_B − df_A·c_A)/(df_B − df_A),  T_Δ = (χ²_B − χ²_A)/c_Δ.
 *
 * Unlike lavaan (which warns), models fitted to different data — other observations, other
 * variables, another N per group — are an error: their χ² difference means nothing.
 *
 * @example
 * const t = lavTestLRT(configural, metric, scalar);
 * t.rows[1]["Pr(>Chisq)"];
 */
import { PathlabError, type PathlabWarning } from "../errors";
import { Result, type TableSpec } from "../display";
import { checkOptions, describeValue } from "../options";
import { pchisq } from "../math/distributions";
import { SemFit } from "./fit";
import { rmseaMeasures } from "./fit-measures";
import { scaledDifference, type ScaledDiffMethod } from "./robust-diff";

/** One row of the difference-test table (lavaan's anova data frame). */
export interface LrtRow {
  model: string;
  Df: number;
  AIC: number;
  BIC: number;
  Chisq: number;
  "Chisq diff": number;
  /** RMSEA of the difference (standard test only). */
  RMSEA: number;
  "Df diff": number;
  "Pr(>Chisq)": number;
}

export interface LrtOptions {
  /** Names of the models in the table (default: the object's keys, or "Model 1", …). */
  modelNames?: string[];
  "model.names"?: string[];
  /**
   * Scaled difference for robust fits: "satorra.bentler.2001" (default) or "satorra.bentler.2010";
   * "default" chooses as lavaan. Ignored (as lavaan, with a warning) when no model is robust.
   */
  method?: string;
}

/** lavaan's lavTestLRT()/anova() table. */
export class LrtTable extends Result {
  constructor(
    readonly rows: LrtRow[],
    readonly scaled: boolean,
    readonly method: string,
  ) {
    super();
  }
  title(): string {
    return this.scaled ? `Scaled Chi-Squared Difference Test (method = "${this.method}")` : "Chi-Squared Difference Test";
  }
  info(): string[] {
    return this.scaled
      ? [
          'The "Chisq" column holds the standard test statistics, not the robust test that should be reported per model; the robust difference test is a function of two standard statistics (as lavaan notes).',
        ]
      : [];
  }
  tables(): TableSpec[] {
    return [
      {
        columns: [
          { key: "model", label: "", format: "text" },
          { key: "Df", format: "int" },
          { key: "AIC", digits: 2 },
          { key: "BIC", digits: 2 },
          { key: "Chisq", digits: 3 },
          { key: "Chisq diff", digits: 3 },
          ...(this.scaled ? [] : [{ key: "RMSEA", digits: 4 }]),
          { key: "Df diff", format: "int" as const },
          { key: "Pr(>Chisq)", format: "p" as const },
        ],
        rows: this.rows.map((r) => {
          const o: Record<string, unknown> = { ...r };
          for (const k of ["Chisq diff", "RMSEA", "Df diff", "Pr(>Chisq)"]) if (typeof o[k] === "number" && Number.isNaN(o[k])) o[k] = null;
          return o;
        }),
      },
    ];
  }
}

type LrtArg = SemFit | Record<string, SemFit> | LrtOptions;

/** Splits lavTestLRT's arguments into named fits and options. */
function collect(args: LrtArg[]): { fits: SemFit[]; names: string[]; options: LrtOptions } {
  const fits: SemFit[] = [];
  const names: string[] = [];
  let options: LrtOptions = {};
  args.forEach((a, i) => {
    if (a instanceof SemFit) {
      fits.push(a);
      names.push("");
    } else if (a && typeof a === "object" && !Array.isArray(a) && Object.values(a).length > 0 && Object.values(a).every((v) => v instanceof SemFit)) {
      for (const [k, v] of Object.entries(a as Record<string, SemFit>)) {
        fits.push(v);
        names.push(k);
      }
    } else if (i === args.length - 1 && a && typeof a === "object" && !Array.isArray(a)) options = a as LrtOptions;
    else
      throw new PathlabError(`lavTestLRT(): argument ${i + 1} is ${describeValue(a)}, not a fitted model.`, {
        code: "sem.lrt-input",
        hint: "Pass fitted models (lavTestLRT(fit1, fit2)), an object of them (lavTestLRT({ configural, metric })), and optionally { method } last.",
      });
  });
  return { fits, names, options };
}

/** The models must share their data: observed variables, groups, N per group and sample moments. */
function checkSameData(fits: SemFit[], names: string[]): void {
  const ref = fits[0];
  const refOv = [...ref.ov].sort();
  fits.forEach((f, k) => {
    if (k === 0) return;
    const where = `"${names[k]}" and "${names[0]}"`;
    const ov = [...f.ov].sort();
    if (ov.join("\u0000") !== refOv.join("\u0000"))
      throw new PathlabError(
        `lavTestLRT(): ${where} use different observed variables (${ov
          .filter((v) => !refOv.includes(v))
          .concat(refOv.filter((v) => !ov.includes(v)))
          .join(", ")}).`,
        {
          code: "sem.lrt-different-data",
          hint: "Nested models are fitted to the same variables; fix parameters to zero instead of leaving variables out.",
        },
      );
    if (f.ngroups !== ref.ngroups || f.groupN.some((n, g) => n !== ref.groupN[g]) || f.groupLabels.some((l, g) => l !== ref.groupLabels[g]))
      throw new PathlabError(`lavTestLRT(): ${where} were fitted to different data (N ${f.groupN.join("/")} vs ${ref.groupN.join("/")}).`, {
        code: "sem.lrt-different-data",
        hint: "Fit all models to the same rows (same missing-data handling and groups).",
      });
    if (!sameMoments(ref, f))
      throw new PathlabError(`lavTestLRT(): ${where} were fitted to different data (same N, but the sample means or covariances differ).`, {
        code: "sem.lrt-different-data",
        hint: "Fit all models to the same data set; a χ² difference between different data sets is not a test.",
      });
    if (f.state.pt.meanstructure !== ref.state.pt.meanstructure)
      throw new PathlabError(`lavTestLRT(): ${where}: one has a mean structure, the other not (lavaan: "some models (but not all) have a meanstructure").`, {
        code: "sem.lrt-meanstructure",
        hint: "Fit both with meanstructure: true (or both without).",
      });
  });
}

function sameMoments(a: SemFit, b: SemFit): boolean {
  const ia = a.ov.map((v) => a.ov.indexOf(v));
  const ib = a.ov.map((v) => b.ov.indexOf(v));
  const p = a.ov.length;
  return a.state.groups.every((ga, g) => {
    const sa = ga.sample;
    const sb = b.state.groups[g].sample;
    const close = (x: number, y: number) => Math.abs(x - y) <= 1e-10 * Math.max(1, Math.abs(x), Math.abs(y));
    for (let i = 0; i < p; i++) {
      if (!close(sa.mean[ia[i]], sb.mean[ib[i]])) return false;
      for (let j = 0; j <= i; j++) if (!close(sa.covUnbiased[ia[i] * p + ia[j]], sb.covUnbiased[ib[i] * p + ib[j]])) return false;
    }
    return true;
  });
}

/**
 * χ² difference test of nested models (lavaan's `lavTestLRT`, also `anova`): models are sorted by
 * df, each compared with the next. With robust (scaled) fits the scaled difference of Satorra &
 * Bentler (2001, default) or (2010).
 */
export function lavTestLRT(...args: LrtArg[]): LrtTable {
  const { fits, names: given, options } = collect(args);
  const o = checkOptions("lavTestLRT", options, {
    modelNames: {
      kind: "custom",
      aliases: ["model.names"],
      check: (v) => (Array.isArray(v) && v.every((x) => typeof x === "string") ? undefined : "must be an array of names."),
    },
    method: {
      kind: "enum",
      values: ["default", "satorra.bentler.2001", "satorra.bentler.2010"],
      caseInsensitive: true,
      unsupportedValues: { "satorra.2000": "the Satorra (2000) test is not computed; use satorra.bentler.2001 or satorra.bentler.2010." },
    },
  }) as LrtOptions;
  if (fits.length < 2)
    throw new PathlabError(`lavTestLRT(): needs at least two fitted models; got ${fits.length}.`, {
      code: "sem.lrt-input",
      hint: "Pass the nested models, e.g. lavTestLRT(configural, metric).",
    });
  const names = o.modelNames ?? given.map((n, k) => n || `Model ${k + 1}`);
  if (names.length !== fits.length)
    throw new PathlabError(`lavTestLRT(): ${names.length} model names for ${fits.length} models.`, {
      code: "options.bad-value",
      hint: "Give one name per model.",
    });
  checkSameData(fits, names);
  fits.forEach((f, k) => {
    if (!f.converged)
      throw new PathlabError(`lavTestLRT(): "${names[k]}" did not converge; it has no test statistic.`, {
        code: "sem.not-converged",
        hint: "Fix that model first (see its warnings).",
      });
  });
  const robust = fits.map((f) => f.isScaled());
  const fm = fits.map((f) => f.fitMeasures());
  const order = fits.map((_, k) => k).sort((a, b) => fm[a].df - fm[b].df);
  const scaled = robust.some((x, k) => x && fm[k].df > 0);
  if (scaled && robust.some((x, k) => !x && fm[k].df > 0))
    throw new PathlabError("lavTestLRT(): some models (but not all) have scaled test statistics (as lavaan refuses).", {
      code: "sem.lrt-mixed",
      hint: "Fit all models with the same estimator (e.g. all MLR).",
    });
  const warnings: PathlabWarning[] = [];
  let method = (o.method ?? "default").toLowerCase();
  if (method === "default") method = scaled ? "satorra.bentler.2001" : "standard";
  else if (!scaled) {
    warnings.push({
      code: "sem.lrt-standard",
      message: `method = "${method}" but no robust test statistics were used; the standard χ² difference test is reported (as lavaan).`,
    });
    method = "standard";
  }
  const G = fits[0].ngroups;
  const N = fits[0].state.nEff;
  const rawDiffs: number[] = [];
  const rows: LrtRow[] = order.map((k, i) => {
    const row: LrtRow = {
      model: names[k],
      Df: fm[k].df,
      AIC: fm[k].aic,
      BIC: fm[k].bic,
      Chisq: fm[k].chisq,
      "Chisq diff": NaN,
      RMSEA: NaN,
      "Df diff": NaN,
      "Pr(>Chisq)": NaN,
    };
    if (i === 0) return row;
    const prev = order[i - 1];
    let dT = fm[k].chisq - fm[prev].chisq;
    let dDf = fm[k].df - fm[prev].df;
    rawDiffs.push(dT);
    if (!scaled) row.RMSEA = rmseaMeasures(dT, dDf, N, G).rmsea;
    else ({ T: dT, df: dDf } = scaledDifference(fits[prev], fits[k], method as ScaledDiffMethod));
    row["Chisq diff"] = dT;
    row["Df diff"] = dDf;
    row["Pr(>Chisq)"] = dDf > 0 ? pchisq(dT, dDf, false) : NaN;
    return row;
  });
  const smallest = Math.min(...rawDiffs);
  if (smallest < -Math.pow(2.220446049250313e-16, 1 / 3))
    warnings.push({
      code: "sem.lrt-not-nested",
      message: `Some restricted models fit better than less restricted models; either these models are not nested, or the less restricted model failed to reach a global optimum. Smallest difference = ${smallest.toFixed(6)} (lavaan's warning).`,
    });
  if (rows.slice(1).some((r) => r["Df diff"] === 0))
    warnings.push({
      code: "sem.lrt-same-df",
      message: "Some models have the same degrees of freedom: their difference has no test (p shown as NA, as lavaan).",
    });
  const out = new LrtTable(rows, scaled, method);
  out.warnings.push(...warnings);
  return out;
}

/** lavaan's `anova(fit1, fit2, …)`: the same table as `lavTestLRT`. */
export const anova = lavTestLRT;
