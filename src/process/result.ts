/**
 * The result of `process()`: PROCESS-style tables in a notebook, a `summary()` laid out like the
 * macro's text output, `tidy()` rows, and the figures PROCESS does not draw.
 */
import type { PathlabWarning } from "../errors";
import { findLabel, type ValueLabel } from "../data/labels";
import { Result } from "../display/result";
import type { Column, Row, TableSpec } from "../display/table";
import type { Figure } from "../display/figure";
import type { BootstrapDraws } from "./bootstrap";
import type { CompiledPath, ModeratorValues } from "./effects";
import type { ProbeKind } from "./probe";
import type { EffectRow, EquationResult, HcType, IndexRow, IndirectRow, NormalTest } from "./types";
import { pathDiagram, plotBootstrap, plotConditionalIndirect, plotJN, plotSlopes, type ProcessDiagramOptions, type SlopesOptions } from "./figures";

export interface ProcessPayload {
  model: number;
  modelType: string;
  roleName: Record<string, string>;
  covariates: string[];
  n: number;
  dropped: number;
  conf: number;
  hc?: HcType;
  seed: number;
  boot: number;
  mc: number;
  ciMethod: "percentile" | "bias-corrected";
  centered: string[];
  probeKinds: Record<string, ProbeKind>;
  probeValues: Record<string, number[]>;
  intprobe: number;
  equations: EquationResult[];
  totalEffectModel?: EquationResult;
  showTotalModel: boolean;
  totalEffect?: EffectRow;
  directEffects: EffectRow[];
  indirect: IndirectRow[];
  indirectPaths: CompiledPath[];
  contrastKey: { label: string; text: string }[];
  standardized: { label: string; kind: "partially" | "completely"; rows: IndirectRow[] }[];
  normalTests: NormalTest[];
  indices: IndexRow[];
  draws: Map<string, Float64Array>;
  bootDraws?: BootstrapDraws;
  warnings: PathlabWarning[];
  stand: boolean;
  sdX: number;
  sdY: number;
  /** Value labels by role ("W", "X", "C:age"), from the data (SPSS labels, text categories). */
  valueLabels?: Record<string, ValueLabel[]>;
  /** Means subtracted from centred roles (to find a probed value's label). */
  centerShift?: Record<string, number>;
  /** Text variables entered as 0/1: "gender: 0 = female, 1 = male". */
  codedFactors?: string[];
  columns: Record<string, Float64Array>;
  master: Float64Array[];
  colIndex: Map<string, number>;
}

/** One estimate per row, for data frames and further computation. */
export interface ProcessTidyRow {
  section: string;
  outcome: string;
  term: string;
  /** Moderator values as "w=1.2, z=0" ("" when unconditional). */
  at: string;
  estimate: number;
  se: number | null;
  statistic: number | null;
  p: number | null;
  lower: number | null;
  upper: number | null;
}

const num = (key: string, label: string, digits = 4): Column => ({ key, label, format: "number", digits });
const pcol = (key = "p", label = "p"): Column => ({ key, label, format: "p", digits: 4 });

/** A PROCESS model: one regression per outcome, conditional and indirect effects, Johnson–Neyman regions and bootstrap intervals, with figures. */
export class ProcessResult extends Result {
  readonly model: number;
  readonly n: number;
  readonly dropped: number;
  readonly conf: number;
  readonly seed: number;
  readonly boot: number;
  readonly mc: number;
  readonly equations: EquationResult[];
  readonly totalEffect?: EffectRow;
  readonly directEffects: EffectRow[];
  readonly indirectEffects: IndirectRow[];
  readonly indices: IndexRow[];
  readonly normalTests: NormalTest[];
  readonly standardized: ProcessPayload["standardized"];
  readonly totalEffectModel?: EquationResult;
  /** Internal numbers the figures use. */
  readonly payload: ProcessPayload;

  constructor(p: ProcessPayload) {
    super();
    this.payload = p;
    this.model = p.model;
    this.n = p.n;
    this.dropped = p.dropped;
    this.conf = p.conf;
    this.seed = p.seed;
    this.boot = p.boot;
    this.mc = p.mc;
    this.equations = p.equations;
    this.totalEffect = p.totalEffect;
    this.directEffects = p.directEffects;
    this.indirectEffects = p.indirect;
    this.indices = p.indices;
    this.normalTests = p.normalTests;
    this.standardized = p.standardized;
    this.totalEffectModel = p.totalEffectModel;
    this.warnings = [...p.warnings];
  }

  /** Bootstrap (or Monte Carlo) draws of an indirect effect or index, by its row's `key`. */
  draws(key: string): Float64Array | undefined {
    return this.payload.draws.get(key);
  }

  /** The equation whose outcome is `role` ("Y", "M1", …) or variable name. */
  equation(outcome: string): EquationResult | undefined {
    return this.equations.find((e) => e.role === outcome || e.outcome === outcome);
  }

  title(): string {
    return `PROCESS model ${this.model}: ${this.payload.modelType}`;
  }

  private name(role: string): string {
    return this.payload.roleName[role] ?? role;
  }

  /** The label of a role's value (undoing centring), or undefined when the data has none. */
  valueLabel(role: string, value: number): string | undefined {
    return processValueLabel(this.payload, role, value);
  }

  private atText(at: ModeratorValues): string {
    return Object.entries(at)
      .map(([r, v]) => {
        const l = this.valueLabel(r, v);
        return `${this.name(r)}=${fmt(v)}${l ? ` (${l})` : ""}`;
      })
      .join(", ");
  }

  info(): string[] {
    const p = this.payload;
    const r = p.roleName;
    const lines = [`Model: ${p.model}   Y: ${r.Y}   X: ${r.X}`];
    const ms = Object.keys(r)
      .filter((k) => /^M\d+$/.test(k))
      .map((k) => r[k]);
    if (ms.length) lines.push(`Mediator(s): ${ms.join(", ")}`);
    if (r.W || r.Z) lines.push([r.W ? `W: ${r.W}` : "", r.Z ? `Z: ${r.Z}` : ""].filter(Boolean).join("   "));
    if (p.covariates.length) lines.push(`Covariates: ${p.covariates.join(", ")}`);
    lines.push(`Sample size: ${p.n} used, ${p.dropped} row(s) dropped (listwise deletion)`);
    if (p.mc > 0) lines.push(`Monte Carlo draws: ${p.mc}   Seed: ${p.seed}`);
    else if (p.boot > 0) lines.push(`Bootstrap resamples: ${p.boot} (${p.ciMethod} intervals)   Seed: ${p.seed}`);
    else if (p.indirect.length) lines.push("Bootstrap: none (boot = 0): no intervals for indirect effects");
    lines.push(`Confidence level: ${p.conf}%${p.hc ? `   Standard errors: ${p.hc}` : ""}`);
    if (p.centered.length) lines.push(`Mean-centred before forming products: ${p.centered.join(", ")}`);
    if (p.codedFactors?.length) lines.push(`Text variables entered as 0/1 (categories in sorted order, as R's factors): ${p.codedFactors.join("; ")}`);
    return lines;
  }

  private modNote(): string[] {
    const p = this.payload;
    const out: string[] = [];
    for (const [role, kind] of Object.entries(p.probeKinds)) {
      const nm = this.name(role);
      out.push(
        kind === "percentiles"
          ? `${nm} values in conditional tables are the 16th, 50th, and 84th percentiles.`
          : kind === "moments"
            ? `${nm} values in conditional tables are the mean and +/- SD from the mean.`
            : kind === "dichotomous"
              ? `${nm} is dichotomous: conditional tables use its two values.`
              : `${nm} values in conditional tables were chosen by the user.`,
      );
    }
    return out;
  }

  tables(): TableSpec[] {
    const p = this.payload;
    const out: TableSpec[] = [];
    for (const eq of p.equations) out.push(...this.equationTables(eq));
    if (p.totalEffectModel && p.showTotalModel) {
      out.push(this.summaryTable(p.totalEffectModel, `TOTAL EFFECT MODEL — OUTCOME VARIABLE: ${p.totalEffectModel.outcome} — Model Summary`));
      out.push(this.coefTable(p.totalEffectModel, "Model"));
    }
    if (p.indirect.length) out.push(...this.directTables(), ...this.indirectTables());
    out.push(this.notesTable());
    return out;
  }

  private get fLabel(): string {
    return this.payload.hc ? `F(${this.payload.hc})` : "F";
  }

  private coefTable(eq: EquationResult, title: string): TableSpec {
    const p = this.payload;
    return {
      title,
      columns: [
        { key: "term", label: "", format: "text" },
        num("coeff", "coeff"),
        num("se", p.hc ? `se(${p.hc})` : "se"),
        num("t", "t"),
        pcol(),
        num("llci", "LLCI"),
        num("ulci", "ULCI"),
      ],
      rows: eq.coefficients as unknown as Row[],
      notes: eq.productKey.length ? ["Product terms key:", ...eq.productKey.map((k) => `  ${k.label} : ${k.factors.join(" x ")}`)] : undefined,
    };
  }

  private summaryTable(eq: EquationResult, title: string): TableSpec {
    return {
      title,
      columns: [
        num("R", "R"),
        num("r2", "R-sq"),
        num("mse", "MSE"),
        num("F", this.fLabel),
        { key: "df1", label: "df1", format: "int" },
        { key: "df2", label: "df2", format: "int" },
        pcol(),
      ],
      rows: [eq.summary as unknown as Row],
    };
  }

  /** A moderator's column; a labelled moderator (SPSS value labels, text categories) gets its label beside each value. */
  private modCols(m: string, label = this.name(m)): Column[] {
    return [num(`mod_${m}`, label), ...(this.payload.valueLabels?.[m] ? [{ key: `lab_${m}`, label: "", format: "text" as const }] : [])];
  }

  private condColumns(mods: string[]): Column[] {
    return [...mods.flatMap((m) => this.modCols(m)), num("effect", "Effect"), num("se", "se"), num("t", "t"), pcol(), num("llci", "LLCI"), num("ulci", "ULCI")];
  }

  private condRows(rows: { at: ModeratorValues }[]): Row[] {
    return rows.map(
      (r) =>
        ({
          ...r,
          ...Object.fromEntries(
            Object.entries(r.at).flatMap(([k, v]) => [
              [`mod_${k}`, v],
              [`lab_${k}`, this.valueLabel(k, v) ?? ""],
            ]),
          ),
        }) as Row,
    );
  }

  /** One equation: model summary, coefficients, interaction tests, conditional effects, Johnson–Neyman. */
  private equationTables(eq: EquationResult): TableSpec[] {
    const p = this.payload;
    const out: TableSpec[] = [this.summaryTable(eq, `OUTCOME VARIABLE: ${eq.outcome} — Model Summary`), this.coefTable(eq, "Model")];
    if (eq.interactionTests.length) {
      const notProbed = eq.conditional.filter((c) => !c.probed);
      out.push({
        title: "Test(s) of highest order unconditional interaction(s)",
        columns: [
          { key: "label", label: "", format: "text" },
          num("r2chng", "R2-chng"),
          num("F", this.fLabel),
          { key: "df1", label: "df1", format: "int" },
          { key: "df2", label: "df2", format: "int" },
          pcol(),
        ],
        rows: eq.interactionTests as unknown as Row[],
        notes: notProbed.length ? [`Interaction p ≥ ${p.intprobe} (intprobe): conditional effects not probed. Set intprobe: 1 to probe anyway.`] : undefined,
      });
    }
    for (const c of eq.conditional) {
      if (!c.probed) continue;
      out.push({
        title:
          c.kind === "interaction"
            ? `Test of conditional ${c.focalName} interaction at value(s) of the moderator(s)`
            : `Conditional effects of the focal predictor (${c.focalName}) at values of the moderator(s) (${c.moderatorNames.join(", ")})`,
        columns: this.condColumns(c.moderators),
        rows: this.condRows(c.rows),
      });
    }
    if (eq.jn) {
      const jn = eq.jn;
      out.push({
        title: "Moderator value(s) defining Johnson-Neyman significance region(s)",
        columns: [num("value", "Value"), num("pctBelow", "% below"), num("pctAbove", "% above")],
        rows: jn.points as unknown as Row[],
        notes: jn.points.length
          ? undefined
          : ["There are no statistical significance transition points within the observed range of the moderator found using the Johnson-Neyman method."],
      });
      out.push({
        title: `Conditional ${jn.kind === "effect" ? "effect of focal predictor" : `${this.name("X")}*${this.name("W")} interaction`} at values of the moderator (Johnson-Neyman)`,
        columns: this.condColumns([jn.moderator]),
        rows: this.condRows(jn.table),
      });
    }
    return out;
  }

  /** The total effect (models 4 and 6, with c_ps and c_cs under stand) and the (conditional) direct effect. */
  private directTables(): TableSpec[] {
    const p = this.payload;
    const out: TableSpec[] = [];
    const section = p.totalEffect ? "TOTAL, DIRECT, AND INDIRECT EFFECTS OF X ON Y" : "DIRECT AND INDIRECT EFFECTS OF X ON Y";
    const effCols: Column[] = [
      num("effect", "Effect"),
      num("se", p.hc ? `se(${p.hc})` : "se"),
      num("t", "t"),
      pcol(),
      num("llci", "LLCI"),
      num("ulci", "ULCI"),
    ];
    if (p.totalEffect) {
      const row = { ...p.totalEffect } as Row;
      const cols = [...effCols];
      if (p.stand) {
        row.cps = p.totalEffect.effect / p.sdY;
        cols.push(num("cps", "c_ps"));
        if (!isDichotomous(p.columns.X)) {
          row.ccs = (p.totalEffect.effect * p.sdX) / p.sdY;
          cols.push(num("ccs", "c_cs"));
        }
      }
      out.push({ title: `${section} — Total effect of X on Y`, columns: cols, rows: [row] });
    }
    const dmods = Object.keys(p.directEffects[0]?.at ?? {});
    out.push({
      title: `${p.totalEffect ? "" : section + " — "}${dmods.length ? "Conditional direct effect(s) of X on Y" : "Direct effect of X on Y"}`,
      columns: [...dmods.flatMap((m) => this.modCols(m)), ...effCols],
      rows: this.condRows(p.directEffects),
    });
    return out;
  }

  /** Indirect effects (unconditional, then conditional by path), standardized effects, indices, normal-theory tests. */
  private indirectTables(): TableSpec[] {
    const p = this.payload;
    const out: TableSpec[] = [];
    const bootCols: Column[] = [
      num("effect", "Effect"),
      num("bootSE", p.mc ? "MCSE" : "BootSE"),
      num("llci", p.mc ? "MCLLCI" : "BootLLCI"),
      num("ulci", p.mc ? "MCULCI" : "BootULCI"),
    ];
    const unconditional = p.indirect.filter((r) => Object.keys(r.at).length === 0);
    const conditional = p.indirect.filter((r) => Object.keys(r.at).length > 0);
    const pathNotes = p.model === 6 ? p.indirectPaths.map((cp, i) => `Ind${i + 1} : ${cp.path.map((r) => this.name(r)).join(" -> ")}`) : [];
    const contrastNotes = p.contrastKey.map((c) => `${c.label} : ${c.text}`);
    if (unconditional.length)
      out.push({
        title: "Indirect effect(s) of X on Y",
        columns: [{ key: "label", label: "", format: "text" }, ...bootCols],
        rows: unconditional as unknown as Row[],
        notes: [
          ...(pathNotes.length ? ["Indirect effect key:", ...pathNotes] : []),
          ...(contrastNotes.length ? ["Specific indirect effect contrast definition(s):", ...contrastNotes] : []),
        ],
      });
    const byPath = new Map<string, IndirectRow[]>();
    for (const r of conditional) {
      const k = r.path!.join(">");
      if (!byPath.has(k)) byPath.set(k, []);
      byPath.get(k)!.push(r);
    }
    for (const rows of byPath.values()) {
      const mods = Object.keys(rows[0].at);
      out.push({
        title: `Conditional indirect effects of X on Y — INDIRECT EFFECT: ${rows[0].path!.map((r) => this.name(r)).join(" -> ")}`,
        columns: [...mods.flatMap((m) => this.modCols(m)), ...bootCols],
        rows: this.condRows(rows),
      });
    }
    for (const s of p.standardized)
      out.push({ title: s.label, columns: [{ key: "label", label: "", format: "text" }, ...bootCols], rows: s.rows as unknown as Row[] });
    if (p.indices.length) out.push(this.indexTable());
    if (p.normalTests.length)
      out.push({
        title: "Normal theory test(s) for indirect effect(s)",
        columns: [
          { key: "label", label: "", format: "text" },
          num("effect", "Effect"),
          num("sobelSE", "se (Sobel)"),
          num("sobelZ", "Z"),
          pcol("sobelP"),
          num("aroianSE", "se (Aroian)"),
          num("aroianZ", "Z"),
          pcol("aroianP"),
        ],
        rows: p.normalTests as unknown as Row[],
      });
    return out;
  }

  private indexTable(): TableSpec {
    const p = this.payload;
    const conditionalIdx = p.indices.some((r) => Object.keys(r.at).length > 0);
    const modsOf = Array.from(new Set(p.indices.flatMap((r) => Object.keys(r.at))));
    const diffIdx = p.indices.some((r) => r.key.endsWith(":diff"));
    return {
      title: conditionalIdx ? "Index of conditional moderated mediation" : "Index of moderated mediation",
      columns: [
        { key: "label", label: "Mediator", format: "text" },
        { key: "modName", label: "Moderator", format: "text" },
        ...modsOf.flatMap((m) => this.modCols(m, `at ${this.name(m)}`)),
        num("index", "Index"),
        num("bootSE", p.mc ? "MCSE" : "BootSE"),
        num("llci", p.mc ? "MCLLCI" : "BootLLCI"),
        num("ulci", p.mc ? "MCULCI" : "BootULCI"),
      ],
      rows: this.condRows(p.indices).map((r) => ({ ...r, modName: this.name(String(r.moderator)) })),
      notes: diffIdx
        ? ["With a dichotomous moderator entering both stages, the index is the difference between the two conditional indirect effects."]
        : undefined,
    };
  }

  private notesTable(): TableSpec {
    const p = this.payload;
    const notes = [
      `Level of confidence for all confidence intervals in output: ${p.conf.toFixed(4)}`,
      ...(p.mc > 0
        ? [`Number of samples for Monte Carlo confidence intervals: ${p.mc}`]
        : p.boot > 0 && p.indirect.length
          ? [`Number of bootstrap samples for ${p.ciMethod} bootstrap confidence intervals: ${p.boot}`]
          : []),
      ...this.modNote(),
      ...(p.hc ? [`NOTE: A heteroscedasticity consistent standard error and covariance matrix estimator was used (${p.hc}).`] : []),
      ...(p.centered.length ? [`NOTE: The following variables were mean centered prior to analysis: ${p.centered.join(" ")}`] : []),
    ];
    return { title: "ANALYSIS NOTES AND ERRORS", columns: [{ key: "note", label: "", format: "text" }], rows: notes.map((note) => ({ note })) };
  }

  /** Text laid out like PROCESS's own output, section by section. */
  summary(): string {
    const p = this.payload;
    const L: string[] = [];
    const stars = "*".repeat(75);
    L.push(`${stars}\nPROCESS-equivalent analysis (pathlab)`, "", `Model : ${p.model}`);
    const r = p.roleName;
    const roleLines: [string, string][] = [
      ["Y", r.Y],
      ["X", r.X],
    ];
    Object.keys(r)
      .filter((k) => /^M\d+$/.test(k))
      .forEach((k) => roleLines.push([Object.keys(r).filter((q) => /^M\d+$/.test(q)).length > 1 ? k : "M", r[k]]));
    if (r.W) roleLines.push(["W", r.W]);
    if (r.Z) roleLines.push(["Z", r.Z]);
    for (const [k, v] of roleLines) L.push(`${k.padStart(5)} : ${v}`);
    if (p.covariates.length) L.push("", "Covariates:", " " + p.covariates.join(" "));
    L.push("", `Sample size: ${p.n}` + (p.dropped ? ` (${p.dropped} row(s) with missing values dropped)` : ""));
    if (p.boot > 0 && p.indirect.length) L.push("", `Custom seed: ${p.seed}`);
    const tables = this.tables();
    for (const t of tables) {
      if (t.title?.startsWith("OUTCOME VARIABLE") || t.title?.startsWith("TOTAL EFFECT MODEL")) {
        const [head] = t.title.split(" — Model Summary");
        L.push("", stars);
        if (head.startsWith("TOTAL EFFECT MODEL"))
          L.push("************************** TOTAL EFFECT MODEL ****************************", head.replace("TOTAL EFFECT MODEL — ", ""));
        else L.push(head.replace(": ", ":\n "));
        L.push("", "Model Summary", textTable(t));
        continue;
      }
      if (t.title?.startsWith("TOTAL, DIRECT") || t.title?.startsWith("DIRECT AND INDIRECT")) {
        const [sec, sub] = t.title.split(" — ");
        L.push("", `${"*".repeat(12)} ${sec} ${"*".repeat(Math.max(3, 60 - sec.length))}`, "", `${sub}:`, textTable(t));
        continue;
      }
      if (t.title === "ANALYSIS NOTES AND ERRORS") {
        L.push("", `${"*".repeat(16)} ANALYSIS NOTES AND ERRORS ${"*".repeat(32)}`, "");
        for (const row of t.rows) L.push(String(row.note));
        continue;
      }
      L.push("", `${t.title}:`, textTable(t));
    }
    for (const w of this.warnings) L.push("", `WARNING: ${w.message}`);
    return L.join("\n");
  }

  /** Tidy rows of one equation: coefficients, interaction tests, conditional effects, Johnson–Neyman points. */
  private equationTidy(eq: EquationResult): ProcessTidyRow[] {
    const rows: ProcessTidyRow[] = [];
    for (const c of eq.coefficients)
      rows.push({
        section: "coefficient",
        outcome: eq.outcome,
        term: c.term,
        at: "",
        estimate: c.coeff,
        se: c.se,
        statistic: c.t,
        p: c.p,
        lower: c.llci,
        upper: c.ulci,
      });
    for (const it of eq.interactionTests)
      rows.push({
        section: "interaction test",
        outcome: eq.outcome,
        term: it.label,
        at: "",
        estimate: it.r2chng,
        se: null,
        statistic: it.F,
        p: it.p,
        lower: null,
        upper: null,
      });
    for (const ce of eq.conditional)
      for (const r of ce.rows)
        rows.push({
          section: ce.kind === "interaction" ? "conditional interaction" : "conditional effect",
          outcome: eq.outcome,
          term: ce.focalName,
          at: this.atText(r.at),
          estimate: r.effect,
          se: r.se,
          statistic: r.t,
          p: r.p,
          lower: r.llci,
          upper: r.ulci,
        });
    if (eq.jn)
      for (const pt of eq.jn.points)
        rows.push({
          section: "johnson-neyman",
          outcome: eq.outcome,
          term: eq.jn.moderatorName,
          at: "",
          estimate: pt.value,
          se: null,
          statistic: null,
          p: null,
          lower: null,
          upper: null,
        });
    return rows;
  }

  /** One row per estimate: coefficients, interaction tests, conditional, direct and indirect effects, indices. */
  tidy(): ProcessTidyRow[] {
    const p = this.payload;
    const rows: ProcessTidyRow[] = [];
    const nn = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? null : v);
    for (const eq of p.equations) rows.push(...this.equationTidy(eq));
    if (p.totalEffect) {
      const t = p.totalEffect;
      rows.push({
        section: "total effect",
        outcome: this.name("Y"),
        term: this.name("X"),
        at: "",
        estimate: t.effect,
        se: nn(t.se),
        statistic: nn(t.t),
        p: nn(t.p),
        lower: nn(t.llci),
        upper: nn(t.ulci),
      });
    }
    if (p.indirect.length)
      for (const d of p.directEffects)
        rows.push({
          section: "direct effect",
          outcome: this.name("Y"),
          term: this.name("X"),
          at: this.atText(d.at),
          estimate: d.effect,
          se: nn(d.se),
          statistic: nn(d.t),
          p: nn(d.p),
          lower: nn(d.llci),
          upper: nn(d.ulci),
        });
    for (const r of p.indirect)
      rows.push({
        section: r.label.startsWith("(C") ? "contrast" : "indirect effect",
        outcome: this.name("Y"),
        term: r.path ? r.path.map((q) => this.name(q)).join(" -> ") : r.label,
        at: this.atText(r.at),
        estimate: r.effect,
        se: nn(r.bootSE),
        statistic: null,
        p: null,
        lower: nn(r.llci),
        upper: nn(r.ulci),
      });
    for (const s of p.standardized)
      for (const r of s.rows)
        rows.push({
          section: `${s.kind} standardized indirect effect`,
          outcome: this.name("Y"),
          term: r.path ? r.path.map((q) => this.name(q)).join(" -> ") : r.label,
          at: "",
          estimate: r.effect,
          se: nn(r.bootSE),
          statistic: null,
          p: null,
          lower: nn(r.llci),
          upper: nn(r.ulci),
        });
    for (const r of p.indices)
      rows.push({
        section: "index of moderated mediation",
        outcome: this.name("Y"),
        term: `${r.label} by ${this.name(r.moderator)}`,
        at: this.atText(r.at),
        estimate: r.index,
        se: nn(r.bootSE),
        statistic: null,
        p: null,
        lower: nn(r.llci),
        upper: nn(r.ulci),
      });
    for (const t of p.normalTests) {
      rows.push({
        section: "sobel test",
        outcome: this.name("Y"),
        term: t.label,
        at: "",
        estimate: t.effect,
        se: t.sobelSE,
        statistic: t.sobelZ,
        p: t.sobelP,
        lower: null,
        upper: null,
      });
      rows.push({
        section: "aroian test",
        outcome: this.name("Y"),
        term: t.label,
        at: "",
        estimate: t.effect,
        se: t.aroianSE,
        statistic: t.aroianZ,
        p: t.aroianP,
        lower: null,
        upper: null,
      });
    }
    return rows;
  }

  /** Simple-slopes plot: predicted outcome against the focal predictor at each probe value, with confidence bands. */
  plotSlopes(opts: SlopesOptions = {}): Figure {
    return plotSlopes(this, opts);
  }
  /** Johnson–Neyman plot (models 1 and 3 with `jn`): conditional effect with its band and the region of significance. */
  plotJN(): Figure {
    return plotJN(this);
  }
  /** Statistical path diagram with coefficients, stars and the indirect effect(s) with their intervals. */
  pathDiagram(opts: ProcessDiagramOptions = {}): Figure {
    return pathDiagram(this, opts);
  }
  /** Distribution of the bootstrap (or Monte Carlo) draws of an indirect effect, with its interval. */
  plotBootstrap(which: number | string = 0): Figure {
    return plotBootstrap(this, which);
  }
  /** Conditional indirect effect across the moderator's range, with a pointwise bootstrap band. */
  plotConditionalIndirect(mediator?: string): Figure {
    return plotConditionalIndirect(this, mediator);
  }
}

/** The label of a role's value in a PROCESS payload (undoing centring), or undefined. */
export function processValueLabel(p: ProcessPayload, role: string, value: number): string | undefined {
  const list = p.valueLabels?.[role];
  return list ? findLabel(list, value + (p.centerShift?.[role] ?? 0)) : undefined;
}

function isDichotomous(a: Float64Array): boolean {
  return new Set(Array.from(a)).size === 2;
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return "—";
  if (Math.abs(v) >= 1e6) return v.toExponential(3);
  const s = v.toFixed(4);
  return s === "-0.0000" ? "0.0000" : s;
}

/** PROCESS-like fixed-width text: a label column, then 10-character numeric columns with 4 decimals. */
function textTable(t: TableSpec): string {
  const lines: string[] = [];
  const cell = (c: Column, r: Row): string => {
    const v = r[c.key];
    if (v === null || v === undefined) return "";
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return "—";
      if (c.format === "int") return String(Math.round(v));
      if (c.format === "p") return v < 0.00005 ? "0.0000" : v.toFixed(4);
      return fmt(v);
    }
    return String(v);
  };
  const textCols = t.columns.filter((c) => c.format === "text");
  const lw = Math.max(0, ...textCols.map((c) => Math.max((c.label ?? "").length, ...t.rows.map((r) => cell(c, r).length))));
  const widths = t.columns.map((c) => (c.format === "text" ? lw : Math.max(10, (c.label ?? c.key).length + 1, ...t.rows.map((r) => cell(c, r).length + 1))));
  const fmtLine = (vals: string[]) =>
    vals
      .map((s, i) => (t.columns[i].format === "text" ? s.padEnd(widths[i]) : s.padStart(widths[i])))
      .join(" ")
      .trimEnd();
  lines.push(fmtLine(t.columns.map((c) => c.label ?? c.key)));
  for (const r of t.rows) lines.push(fmtLine(t.columns.map((c) => cell(c, r))));
  for (const n of t.notes ?? []) lines.push("", n);
  return lines.join("\n");
}
