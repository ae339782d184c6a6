/**
 * Measurement invariance across groups: configural, metric (weak), scalar (strong) and strict
 * models fitted in turn, each adding one class of equality constraints to the previous one
 * (semTools' measEq.syntax / lavaan's group.equal), compared by χ² difference tests (lavTestLRT)
 * and by the changes in CFI and RMSEA.
 *
 *   configural  same pattern of loadings in every group
 *   metric      + equal loadings                  (group.equal "loadings")
 *   scalar      + equal intercepts                ("intercepts"; latent means free in groups 2+)
 *   strict      + equal residual variances        ("residuals")
 * further steps on request: "means", "lv.variances", "lv.covariances", "regressions",
 * "residual.covariances".
 *
 * Identification (`idFac`, semTools' ID.fac): "marker" (default) fixes the first loading of each
 * factor at 1 in every group — what `cfa(model, data, { group, groupEqual })` gives in lavaan and
 * pathlab; "std.lv" (semTools' measEq.syntax default) fixes the latent variances at 1 and means at
 * 0 in group 1 and frees them in the other groups once loadings (intercepts) are equal. Both are
 * the same models: χ², df, CFI and RMSEA of every step are identical; only the scale of the
 * estimates differs.
 *
 * Chen (2007) suggests non-invariance when CFI drops by more than .010 together with an RMSEA
 * increase above .015 (N > 300); the table reports the numbers, not a verdict.
 *
 * @example
 * const inv = invariance(hsModel, hs, { group: "school" });
 * inv.rows;                     // χ², df, CFI, RMSEA per step with Δχ², Δdf, p, ΔCFI, ΔRMSEA
 * inv.fits.scalar.summary();
 * invariance(hsModel, hs, { group: "school", groupPartial: ["x3 ~ 1"] });  // partial scalar
 */
import { PathlabError } from "../errors";
import { Figure, Result, type TableSpec } from "../display";
import { checkOptions, describeValue } from "../options";
import { cfa, type SemFit, type SemInput } from "./fit";
import { lavTestLRT, type LrtTable } from "./lrt";
import type { SemOptions } from "./options";
import { GROUP_EQUAL_CLASSES, type GroupEqualClass } from "./partable";

/** Step names and the group.equal class each adds. */
const STEP_CLASS: Record<string, GroupEqualClass | null> = {
  configural: null,
  metric: "loadings",
  weak: "loadings",
  loadings: "loadings",
  scalar: "intercepts",
  strong: "intercepts",
  intercepts: "intercepts",
  strict: "residuals",
  residuals: "residuals",
  means: "means",
  "lv.variances": "lv.variances",
  "lv.covariances": "lv.covariances",
  regressions: "regressions",
  "residual.covariances": "residual.covariances",
};
const CANONICAL: Partial<Record<GroupEqualClass, string>> = { loadings: "metric", intercepts: "scalar", residuals: "strict" };

export interface InvarianceOptions extends Omit<SemOptions, "groupEqual" | "group.equal" | "stdLv" | "std.lv"> {
  /** The models to fit, in order (default configural, metric, scalar, strict). */
  steps?: string[];
  /** Identification: "marker" (first loading 1; default, as lavaan's group.equal) or "std.lv" (semTools' measEq.syntax default). */
  idFac?: string;
  "ID.fac"?: string;
}

export interface InvarianceRow {
  model: string;
  /** group.equal of the model. */
  groupEqual: string;
  chisq: number;
  df: number;
  pvalue: number;
  cfi: number;
  rmsea: number;
  srmr: number;
  /** Differences from the previous step (NaN for the first). */
  chisqDiff: number;
  dfDiff: number;
  pDiff: number;
  cfiDiff: number;
  rmseaDiff: number;
}

/** The invariance steps, their fits and the comparison table. */
export class InvarianceResult extends Result {
  constructor(
    /** The fitted model of each step, by step name. */
    readonly fits: Record<string, SemFit>,
    readonly rows: InvarianceRow[],
    /** lavTestLRT of the steps (the Δχ² columns of `rows`). */
    readonly lrt: LrtTable,
    readonly idFac: "marker" | "std.lv",
    readonly groupPartial: string[],
    readonly robust: boolean,
  ) {
    super();
    this.warnings.push(...lrt.warnings);
    for (const [name, fit] of Object.entries(fits)) for (const w of fit.warnings) this.warnings.push({ code: w.code, message: `${name}: ${w.message}` });
  }

  title(): string {
    return `Measurement invariance across ${Object.values(this.fits)[0].ngroups} groups`;
  }

  info(): string[] {
    const f = Object.values(this.fits)[0];
    return [
      `Groups: ${f.groupLabels.map((l, g) => `${l} (N = ${f.groupN[g]})`).join(", ")}; identification: ${this.idFac === "marker" ? "marker indicator (first loading = 1)" : "std.lv (latent variances 1 and means 0 in group 1)"}${this.groupPartial.length ? `; released (partial invariance): ${this.groupPartial.join(", ")}` : ""}.`,
    ];
  }

  tables(): TableSpec[] {
    const sc = this.robust ? " (scaled)" : "";
    const rb = this.robust ? " (robust)" : "";
    return [
      {
        columns: [
          { key: "model", label: "Model", format: "text" },
          { key: "chisq", label: `χ²${sc}`, digits: 3 },
          { key: "df", label: "df", format: "int" },
          { key: "pvalue", label: "p", format: "p" },
          { key: "cfi", label: `CFI${rb}`, digits: 3 },
          { key: "rmsea", label: `RMSEA${rb}`, digits: 3 },
          { key: "srmr", label: "SRMR", digits: 3 },
          { key: "chisqDiff", label: `Δχ²${sc}`, digits: 3 },
          { key: "dfDiff", label: "Δdf", format: "int" },
          { key: "pDiff", label: "p (Δχ²)", format: "p" },
          { key: "cfiDiff", label: "ΔCFI", digits: 3 },
          { key: "rmseaDiff", label: "ΔRMSEA", digits: 3 },
        ],
        rows: this.rows.map((r) => {
          const o: Record<string, unknown> = { ...r };
          for (const k of ["chisqDiff", "dfDiff", "pDiff", "cfiDiff", "rmseaDiff"]) if (Number.isNaN(o[k])) o[k] = null;
          return o;
        }),
        notes: [
          `Each model adds equality constraints to the previous one; Δ = this model − previous model. ${this.robust ? `Δχ² is the ${this.lrt.method} scaled difference.` : "Δχ² is the likelihood-ratio (χ² difference) test."}`,
          "Chen (2007): ΔCFI < −.010 with ΔRMSEA > .015 suggests non-invariance (N > 300).",
        ],
      },
    ];
  }

  /** CFI and RMSEA (with its 90% interval) across the steps. */
  figure(): Figure {
    const fm = Object.values(this.fits).map((f) => f.fitMeasures());
    const x = this.rows.map((r) => r.model);
    const lo = fm.map((m, k) => this.rows[k].rmsea - (this.robust ? m["rmsea.ci.lower.robust"] : m["rmsea.ci.lower"]));
    const hi = fm.map((m, k) => (this.robust ? m["rmsea.ci.upper.robust"] : m["rmsea.ci.upper"]) - this.rows[k].rmsea);
    return new Figure(
      [
        {
          type: "scatter",
          mode: "text+lines+markers",
          x,
          y: this.rows.map((r) => r.cfi),
          text: this.rows.map((r) => r.cfi.toFixed(3)),
          textposition: "top center",
          name: "CFI",
          xaxis: "x",
          yaxis: "y",
        },
        {
          type: "scatter",
          mode: "lines+markers",
          x,
          y: this.rows.map((r) => r.rmsea),
          name: "RMSEA (90% CI)",
          xaxis: "x2",
          yaxis: "y2",
          error_y: { type: "data", symmetric: false, array: hi, arrayminus: lo },
        },
      ],
      {
        title: this.title(),
        grid: { rows: 1, columns: 2, pattern: "independent" },
        yaxis: { title: { text: this.robust ? "CFI (robust)" : "CFI" } },
        yaxis2: { title: { text: this.robust ? "RMSEA (robust)" : "RMSEA" }, rangemode: "tozero" },
        showlegend: false,
        height: 380,
        margin: { t: 60, l: 60, r: 20, b: 50 },
      },
    );
  }
}

function stepList(v: unknown): string[] {
  const steps = (v as string[] | undefined) ?? ["configural", "metric", "scalar", "strict"];
  if (steps[0] !== "configural")
    throw new PathlabError(`invariance(): the first step must be "configural"; got ${describeValue(steps[0])}.`, {
      code: "options.bad-value",
      hint: 'Write steps: ["configural", "metric", "scalar", "strict"] (add "means" etc. at the end).',
    });
  const seen = new Set<string>();
  for (const s of steps.slice(1)) {
    const cls = STEP_CLASS[s];
    if (!cls)
      throw new PathlabError(`invariance(): unknown step ${describeValue(s)}.`, {
        code: "options.bad-value",
        hint: `Steps: configural, metric (loadings), scalar (intercepts), strict (residuals), ${GROUP_EQUAL_CLASSES.filter((c) => !CANONICAL[c]).join(", ")}.`,
      });
    if (seen.has(cls))
      throw new PathlabError(`invariance(): the step "${s}" repeats the constraints "${cls}".`, { code: "options.bad-value", hint: "Name each step once." });
    seen.add(cls);
  }
  return steps;
}

/**
 * Fits the invariance sequence (configural → metric → scalar → strict by default) and compares
 * consecutive models. `groupPartial` releases named parameters in every step (partial invariance).
 */
export function invariance(model: string, data: SemInput, options: InvarianceOptions): InvarianceResult {
  if (!options || typeof options !== "object")
    throw new PathlabError("invariance(): options with the group are required.", {
      code: "options.bad-value",
      hint: 'Write invariance(model, data, { group: "school" }).',
    });
  const { steps: rawSteps, idFac: rawId, "ID.fac": rawId2, ...rest } = options as InvarianceOptions & Record<string, unknown>;
  for (const k of ["groupEqual", "group.equal", "stdLv", "std.lv"])
    if (k in rest)
      throw new PathlabError(`invariance(): '${k}' is set by the steps; it cannot be given.`, {
        code: "options.bad-value",
        hint: k.startsWith("std")
          ? 'Choose the identification with idFac: "std.lv" or "marker".'
          : 'Choose the models with steps: ["configural", "metric", "scalar", "strict"].',
      });
  const o = checkOptions(
    "invariance",
    { steps: rawSteps, idFac: rawId ?? rawId2 },
    {
      steps: {
        kind: "custom",
        check: (v) =>
          v === undefined || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string")) ? undefined : "must be an array of step names.",
      },
      idFac: {
        kind: "enum",
        values: ["marker", "std.lv"],
        caseInsensitive: true,
        valueAliases: { UL: "marker", "auto.fix.first": "marker", ul: "marker" },
        unsupportedValues: {
          "effects.coding": "effects coding is not computed; use marker or std.lv.",
          fx: "effects coding is not computed; use marker or std.lv.",
          ec: "effects coding is not computed; use marker or std.lv.",
        },
      },
    },
  );
  const idFac = (o.idFac as "marker" | "std.lv" | undefined) ?? "marker";
  const steps = stepList(o.steps);
  const fits: Record<string, SemFit> = {};
  const equal: GroupEqualClass[] = [];
  for (const s of steps) {
    const cls = STEP_CLASS[s];
    if (cls) equal.push(cls);
    const name = s === "configural" ? s : (CANONICAL[cls!] ?? s);
    fits[name] = cfa(model, data, { ...(rest as SemOptions), groupEqual: [...equal], stdLv: idFac === "std.lv" });
  }
  const list = Object.values(fits);
  if (list[0].ngroups < 2)
    throw new PathlabError(`invariance(): the data have ${list[0].ngroups} group; invariance needs at least two.`, {
      code: "sem.group-count",
      hint: 'Name the group column: invariance(model, data, { group: "country" }).',
    });
  const lrt = lavTestLRT(fits);
  const robust = list[0].isScaled();
  const fm = list.map((f) => f.fitMeasures());
  const rows: InvarianceRow[] = list.map((f, k) => {
    const m = fm[k];
    const cfiK = robust ? m["cfi.robust"] : m.cfi;
    const rmseaK = robust ? m["rmsea.robust"] : m.rmsea;
    const prev = k > 0 ? fm[k - 1] : undefined;
    const lr = lrt.rows.find((r) => r.model === Object.keys(fits)[k])!;
    return {
      model: Object.keys(fits)[k],
      groupEqual: f.state.pt.groupEqual.join(", "),
      chisq: robust ? m["chisq.scaled"] : m.chisq,
      df: m.df,
      pvalue: robust ? m["pvalue.scaled"] : m.pvalue,
      cfi: cfiK,
      rmsea: rmseaK,
      srmr: m.srmr,
      chisqDiff: lr["Chisq diff"],
      dfDiff: lr["Df diff"],
      pDiff: lr["Pr(>Chisq)"],
      cfiDiff: prev ? cfiK - (robust ? prev["cfi.robust"] : prev.cfi) : NaN,
      rmseaDiff: prev ? rmseaK - (robust ? prev["rmsea.robust"] : prev.rmsea) : NaN,
    };
  });
  return new InvarianceResult(fits, rows, lrt, idFac, list[0].state.pt.groupPartial, robust);
}
