/**
 * The parameter table: the model as data (one row per parameter, as lavaan's `parTable()`).
 *
 * `buildParTable` turns parsed syntax into the full table by applying lavaan's cfa()/sem() defaults:
 * the first loading of each factor fixed at 1 (or, with `std.lv`, every latent variance fixed at 1),
 * free residual variances of every variable, free covariances among exogenous latent variables and
 * among purely dependent variables, observed exogenous covariates' (co)variances fixed at their sample
 * values (`fixed.x`), and intercepts when a mean structure is requested.
 */
import { PathlabError, type PathlabWarning } from "../errors";
import { exprRefs, parseModelSyntax, type Expr, type SemOp, type SyntaxRow } from "./syntax";

export interface ParRow {
  id: number;
  lhs: string;
  op: SemOp;
  rhs: string;
  /** 1 = written by the user, 0 = added by a default. */
  user: 0 | 1;
  /** Group (1-based); 0 for defined parameters (:=), which belong to no group. */
  group: number;
  /** 0 = fixed, otherwise 1-based index of the free parameter (repeated labels share one index). */
  free: number;
  /** Fixed value given by the user or a default (null when free). */
  ustart: number | null;
  /** 1 for the (co)variances and means of observed exogenous covariates fixed at sample values. */
  exo: 0 | 1;
  /** The user's label, or lavaan's ".pN." for a row held equal to row N by group.equal. */
  label: string;
  /** The label came from equal("…") and names another parameter (checked when the table is built). */
  equalRef?: boolean;
  /** Start value for free parameters (value for fixed ones). */
  start: number;
  /** For `:=` rows, the expression of the defined parameter. */
  expr?: Expr;
  line?: number;
}

export interface BuildOptions {
  stdLv?: boolean;
  meanstructure?: boolean;
  fixedX?: boolean;
  /** Fix the covariances among latent variables that a default would free (lavaan's `orthogonal`). */
  orthogonal?: boolean;
  /** Fix the first loading of each factor at 1 (default: true unless stdLv). */
  autoFixFirst?: boolean;
  /** Number of groups (default 1). */
  ngroups?: number;
  /** lavaan's group.equal: parameter classes held equal across groups. */
  groupEqual?: GroupEqualClass[];
  /** lavaan's group.partial: parameters ("x3~1", "visual=~x2") released from group.equal. */
  groupPartial?: string[];
}

/** The classes of lavaan's group.equal (thresholds and composite loadings have no meaning here). */
export const GROUP_EQUAL_CLASSES = [
  "loadings",
  "intercepts",
  "means",
  "residuals",
  "residual.covariances",
  "lv.variances",
  "lv.covariances",
  "regressions",
] as const;
export type GroupEqualClass = (typeof GROUP_EQUAL_CLASSES)[number];

export interface ModelVars {
  /** Observed variables in lavaan's order: indicators, outcomes, covariates, then the rest. */
  ov: string[];
  lv: string[];
  /** Observed exogenous covariates (lavaan's ov.x), whether or not fixed.x holds them at sample values. */
  ovX: string[];
  /** Exogenous latent variables. */
  lvX: string[];
  /** Variables that appear only as outcomes of regressions. */
  eqsY: string[];
}

/** An equality constraint between two rows (lavaan's `.pA. == .pB.`), row indices into `rows`. */
export interface EqualityConstraint {
  a: number;
  b: number;
  /** 1: written by the user ("a == b" or a repeated label), 2: from group.equal. */
  user: 1 | 2;
  /** For a constraint written "a == b": the two labels (lavaan lists them by label). */
  labels?: [string, string];
}

export interface ParTable {
  rows: ParRow[];
  vars: ModelVars;
  /** Number of distinct free parameters. */
  nFree: number;
  meanstructure: boolean;
  stdLv: boolean;
  /** The (co)variances and means of `vars.ovX` are fixed at their sample values. */
  fixedX: boolean;
  ngroups: number;
  groupEqual: GroupEqualClass[];
  groupPartial: string[];
  /** The equality constraints lavaan lists (and lavTestScore tests), in lavaan's order. */
  equalities: EqualityConstraint[];
  /** Notes lavaan also gives while building the table (e.g. a covariate treated as random). */
  warnings: PathlabWarning[];
  /** Simple inequality constraints "label > number" / "label < number" (see inequality.ts). */
  bounds: Bound[];
  /**
   * Parameters held at an active inequality bound: fixed in this table but counted, as lavaan
   * counts them, in npar and the degrees of freedom.
   */
  boundNpar: number;
}

/** An inequality constraint on one labelled parameter: `label op value`. */
export interface Bound {
  label: string;
  op: ">" | "<";
  value: number;
  line: number;
}

function pairKey(op: string, a: string, b: string): string {
  if (op === "~~" && b < a) return `${b}~~${a}`;
  return `${a}${op}${b}`;
}

const unique = (xs: string[]): string[] => [...new Set(xs)];

/**
 * lavaan's variable classes (lav_partable_vnames) from the user statements: indicators (ov.ind),
 * outcomes (ov.y), exogenous covariates (ov.x: predictors that are neither latent, indicator nor
 * outcome, and that no user `~~` or `~1` statement mentions), and the observed order
 * c(ov.ind, ov.y, ov.x, others).
 */
function classify(userRows: SyntaxRow[]): {
  lv: string[];
  ov: string[];
  ovX: string[];
  randomX: string[];
  lvX: string[];
  lvY: string[];
  ovY: string[];
  eqsY: string[];
} {
  const of = (op: string, side: "lhs" | "rhs") => unique(userRows.filter((r) => r.op === op).map((r) => r[side]));
  const lv = of("=~", "lhs");
  const lvSet = new Set(lv);
  const eqsY = of("~", "lhs");
  const eqsX = of("~", "rhs");
  const vInd = of("=~", "rhs");
  const ovInd = vInd.filter((v) => !lvSet.has(v));
  const ovYord = eqsY.filter((v) => !lvSet.has(v) && !ovInd.includes(v));
  const xCand = eqsX.filter((v) => !lvSet.has(v) && !ovInd.includes(v) && !ovYord.includes(v));
  const covRows = userRows.filter((r) => r.op === "~~");
  const extra = [...covRows.map((r) => r.lhs), ...covRows.map((r) => r.rhs), ...userRows.filter((r) => r.op === "~1").map((r) => r.lhs)].filter(
    (v) => !lvSet.has(v),
  );
  const ov = unique([...ovInd, ...ovYord, ...xCand, ...extra]);
  // A covariate whose variance, covariance or mean the user writes becomes a random variable (lavaan warns).
  const mentioned = new Set([...covRows.flatMap((r) => [r.lhs, r.rhs]), ...userRows.filter((r) => r.op === "~1").map((r) => r.lhs)]);
  const ovX = xCand.filter((v) => !mentioned.has(v));
  const randomX = xCand.filter((v) => mentioned.has(v));
  const vIndSet = new Set(vInd);
  const lvX = lv.filter((v) => !vIndSet.has(v) && !eqsY.includes(v));
  const yOnly = eqsY.filter((v) => !vIndSet.has(v) && !eqsX.includes(v));
  const ovY = ov.filter((v) => yOnly.includes(v));
  const lvY = lv.filter((v) => yOnly.includes(v));
  return { lv, ov, ovX, randomX, lvX, lvY, ovY, eqsY: yOnly };
}

/** Repeated statements about the same parameter merged into one row (later modifiers win). */
function mergeRepeatedStatements(model: SyntaxRow[]): { userRows: SyntaxRow[]; seen: Map<string, SyntaxRow> } {
  const userRows: SyntaxRow[] = [];
  const seen = new Map<string, SyntaxRow>();
  for (const r of model) {
    const key = pairKey(r.op, r.lhs, r.rhs);
    const prev = seen.get(key);
    if (prev) {
      if (r.label !== undefined || r.groupLabel) [prev.label, prev.groupLabel, prev.equalRef] = [r.label, r.groupLabel, r.equalRef];
      if (r.fixed !== undefined || r.groupFixed) [prev.fixed, prev.groupFixed] = [r.fixed, r.groupFixed];
      if (r.start !== undefined || r.groupStart) [prev.start, prev.groupStart] = [r.start, r.groupStart];
    } else {
      const copy = { ...r };
      seen.set(key, copy);
      userRows.push(copy);
    }
  }
  return { userRows, seen };
}

/** Classifies variables and expands the user rows into the full lavaan-style parameter table. */
export function buildParTable(syntax: SyntaxRow[], opts: BuildOptions = {}): ParTable {
  const stdLv = !!opts.stdLv;
  const fixedX = opts.fixedX ?? true;
  const autoFixFirst = opts.autoFixFirst ?? !stdLv;
  const ngroups = opts.ngroups ?? 1;
  const groupEqual = opts.groupEqual ?? [];
  const groupPartial = (opts.groupPartial ?? []).map((s) => s.replace(/\s+/g, ""));
  const model = syntax.filter((r) => r.op === "=~" || r.op === "~" || r.op === "~~" || r.op === "~1");
  const defined = syntax.filter((r) => r.op === ":=");
  const constraints = syntax.filter((r) => r.op === "==" || r.op === "<" || r.op === ">");
  const warnings: PathlabWarning[] = [];

  const { userRows, seen } = mergeRepeatedStatements(model);
  checkModifierLengths(userRows, ngroups);

  const { lv, ov, ovX, randomX, lvX, lvY, ovY, eqsY } = classify(userRows);
  for (const r of userRows)
    if (r.op === "=~" && r.rhs === r.lhs)
      throw new PathlabError(`Model line ${r.line}: "${r.lhs}" cannot be an indicator of itself.`, {
        code: "sem.model",
        hint: `Write "${r.lhs} =~ item1 + item2 + item3" with the items that measure it.`,
      });
  if (randomX.length)
    warnings.push({
      code: "sem.random-covariate",
      message: `The model syntax gives a variance, covariance or intercept of the exogenous covariate(s) ${randomX.map((v) => `"${v}"`).join(", ")}; they are treated as random variables with free parameters (as lavaan does). Remove those statements to hold them fixed at their sample values.`,
    });

  const meanstructure = !!opts.meanstructure || userRows.some((r) => r.op === "~1");
  const template = templateRows(userRows, { ov, lv, ovX, lvX, lvY, ovY }, { stdLv, autoFixFirst, fixedX, meanstructure, orthogonal: !!opts.orthogonal }, seen);

  // One copy per group, then lavaan's group-2+ rules and the per-group modifiers.
  const rows: ParRow[] = [];
  const lvSet = new Set(lv);
  for (let g = 1; g <= ngroups; g++) {
    for (const t of template) {
      const r: ParRow = { ...t.row, id: rows.length + 1, group: g };
      if (g > 1 && r.user === 0 && r.op === "~1" && lvSet.has(r.lhs) && groupEqual.includes("intercepts") && !groupEqual.includes("means")) r.ustart = null;
      if (
        g > 1 &&
        r.user === 0 &&
        stdLv &&
        r.op === "~~" &&
        r.lhs === r.rhs &&
        lvSet.has(r.lhs) &&
        groupEqual.includes("loadings") &&
        !groupEqual.includes("lv.variances")
      )
        r.ustart = null;
      if (t.mods) applyModifiers(r, t.mods, g - 1, t.autoFixed);
      rows.push(r);
    }
  }
  // fixed.x rows are fixed (at sample values, filled in by the model builder).
  for (const r of rows) if (r.exo === 1) r.ustart = null;

  const labels = new Set(rows.map((r) => r.label).filter((l) => l));
  if (ngroups > 1 && groupEqual.length === 0 && userRows.some((r) => r.label !== undefined && !r.groupLabel))
    warnings.push({
      code: "sem.single-label",
      message:
        "A single label on a parameter in a multiple-group model holds it equal across all groups (as lavaan warns). Write one label per group, e.g. c(a1, a2)*x2, if that is not intended.",
    });
  checkEqualReferences(rows);
  const { constraints: equalities, names } = equalitySets(rows, ngroups, groupEqual, groupPartial, new Set(ovX), lvSet);
  const bounds = inequalityBounds(
    constraints.filter((c) => c.op !== "=="),
    labels,
  );
  const resolve = applyConstraints(
    rows,
    constraints.filter((c) => c.op === "=="),
    labels,
  );
  // Constraints written "a == b" come first in lavaan's list.
  const written: EqualityConstraint[] = [];
  for (const c of constraints)
    if (c.op === "==" && c.lhsExpr?.kind === "ref" && c.expr?.kind === "ref") {
      const a = rows.findIndex((r) => r.label === (c.lhsExpr as { name: string }).name);
      const b = rows.findIndex((r) => r.label === (c.expr as { name: string }).name);
      if (a >= 0 && b >= 0) written.push({ a, b, user: 1, labels: [rows[a].label, rows[b].label] });
    }
  equalities.unshift(...written);
  const nFree = numberFreeParameters(rows, names, resolve);
  for (const v of ov.concat(lv))
    if (labels.has(v))
      throw new PathlabError(`The label "${v}" is also a variable name.`, { hint: "Use labels that differ from variable names.", code: "sem.model" });
  checkGroupPartial(groupPartial, rows, ngroups);
  addDefined(rows, defined, labels);

  return {
    rows,
    vars: { ov, lv, ovX, lvX, eqsY },
    nFree,
    meanstructure,
    stdLv,
    fixedX,
    ngroups,
    groupEqual: [...groupEqual],
    groupPartial,
    equalities,
    warnings,
    bounds,
    boundNpar: 0,
  };
}

/**
 * "a > 0.6", "a < 1", "0 < a": a bound on one labelled parameter (lavaan fits these with a
 * constrained optimiser; see inequality.ts). Inequalities between expressions are refused.
 */
function inequalityBounds(constraints: SyntaxRow[], labels: Set<string>): Bound[] {
  return constraints.map((c) => {
    const l = c.lhsExpr!;
    const r = c.expr!;
    const flip = (op: string) => (op === ">" ? "<" : ">") as ">" | "<";
    const value = (e: typeof l) => (e.kind === "num" ? e.value : e.kind === "neg" && e.arg.kind === "num" ? -e.arg.value : NaN);
    let b: Bound | undefined;
    if (l.kind === "ref" && Number.isFinite(value(r))) b = { label: l.name, op: c.op as ">" | "<", value: value(r), line: c.line };
    else if (r.kind === "ref" && Number.isFinite(value(l))) b = { label: r.name, op: flip(c.op), value: value(l), line: c.line };
    if (!b)
      throw new PathlabError(
        `Model line ${c.line}: the inequality "${c.lhs} ${c.op} ${c.rhs}" relates expressions; pathlab fits bounds on a single labelled parameter only.`,
        {
          hint: 'Write a bound such as "a > 0.6" or "a < 1" on one label, or reparameterise (e.g. define d := a - b and report whether its interval excludes 0).',
          code: "sem.unsupported",
        },
      );
    if (!labels.has(b.label))
      throw new PathlabError(`Model line ${c.line}: the constraint refers to "${b.label}", which labels no parameter.`, {
        hint: 'Label the parameter in the model first, e.g. "visual =~ x1 + a*x2", then write "a > 0.6".',
        code: "sem.model",
      });
    return b;
  });
}

interface TemplateRow {
  row: ParRow;
  /** The user's statement (modifiers), for user rows. */
  mods?: SyntaxRow;
  /** The first loading of a factor, fixed at 1 by default. */
  autoFixed?: boolean;
}

/** lavaan's flat table of one group: the user rows, then the defaults (lav_partable_flat). */
function templateRows(
  userRows: SyntaxRow[],
  v: { ov: string[]; lv: string[]; ovX: string[]; lvX: string[]; lvY: string[]; ovY: string[] },
  o: { stdLv: boolean; autoFixFirst: boolean; fixedX: boolean; meanstructure: boolean; orthogonal: boolean },
  seen: Map<string, SyntaxRow>,
): TemplateRow[] {
  const { ov, lv, ovX, lvX, lvY, ovY } = v;
  const out: TemplateRow[] = [];
  const firstLoading = new Set<string>();
  const base = (lhs: string, op: SemOp, rhs: string, user: 0 | 1, ustart: number | null, exo: 0 | 1 = 0): ParRow => ({
    id: 0,
    lhs,
    op,
    rhs,
    user,
    group: 1,
    free: 0,
    ustart,
    exo,
    label: "",
    start: NaN,
  });
  for (const r of userRows) {
    let ustart: number | null = null;
    let autoFixed = false;
    if (r.op === "=~" && !firstLoading.has(r.lhs)) {
      firstLoading.add(r.lhs);
      if (o.autoFixFirst) {
        ustart = 1;
        autoFixed = true;
      }
    }
    if (o.stdLv && r.op === "~~" && r.lhs === r.rhs && lv.includes(r.lhs)) ustart = 1;
    out.push({ row: { ...base(r.lhs, r.op, r.rhs, 1, ustart), line: r.line }, mods: r, autoFixed });
  }
  // Defaults in lavaan's order (lav_partable_flat): variances, latent-covariate covariances,
  // covariances among pure outcomes, the covariate block, intercepts.
  const has = (op: string, a: string, b: string) => seen.has(pairKey(op, a, b));
  const addDefault = (lhs: string, op: SemOp, rhs: string, ustart: number | null, exo: 0 | 1 = 0) => {
    if (has(op, lhs, rhs)) return;
    seen.set(pairKey(op, lhs, rhs), { lhs, op, rhs, line: 0, col: 0 });
    out.push({ row: base(lhs, op, rhs, 0, ustart, exo) });
  };
  const ovXSet = new Set(ovX);
  const xExo: 0 | 1 = o.fixedX ? 1 : 0;
  for (const x of ov) if (!ovXSet.has(x)) addDefault(x, "~~", x, singleIndicatorFixed(userRows, x, lv) ? 0 : null);
  for (const x of lv) addDefault(x, "~~", x, o.stdLv ? 1 : null);
  const lvCov = o.orthogonal ? 0 : null;
  for (let i = 0; i < lvX.length; i++) for (let j = i + 1; j < lvX.length; j++) addDefault(lvX[i], "~~", lvX[j], lvCov);
  const ys = [...lvY, ...ovY];
  for (let i = 0; i < ys.length; i++)
    for (let j = i + 1; j < ys.length; j++) addDefault(ys[i], "~~", ys[j], o.orthogonal && lv.includes(ys[i]) && lv.includes(ys[j]) ? 0 : null);
  for (let j = 0; j < ovX.length; j++) for (let i = j; i < ovX.length; i++) addDefault(ovX[j], "~~", ovX[i], null, xExo);
  if (o.meanstructure) {
    for (const x of ov) addDefault(x, "~1", "", null, ovXSet.has(x) ? xExo : 0);
    for (const x of lv) addDefault(x, "~1", "", 0);
  }
  return out;
}

/** The user's modifiers of group `g` (0-based): fixed value or NA (free), label, start value. */
function applyModifiers(r: ParRow, m: SyntaxRow, g: number, autoFixed?: boolean): void {
  const fixed = m.groupFixed ? m.groupFixed[g] : m.fixed;
  if (fixed !== undefined) r.ustart = Number.isNaN(fixed) ? null : fixed;
  else if (autoFixed) r.ustart = 1;
  const label = m.groupLabel ? m.groupLabel[g] : m.label;
  if (label !== undefined) {
    r.label = label;
    r.equalRef = m.equalRef;
  }
  const start = m.groupStart ? m.groupStart[g] : m.start;
  if (start !== undefined) r.start = start;
}

/** A c(…) modifier needs one value per group (lavaan: "wrong number of arguments in modifier"). */
function checkModifierLengths(userRows: SyntaxRow[], ngroups: number): void {
  for (const r of userRows)
    for (const [what, list] of [
      ["values", r.groupFixed],
      ["labels", r.groupLabel],
      ["start values", r.groupStart],
    ] as const) {
      if (list && list.length !== ngroups)
        throw new PathlabError(
          `Model line ${r.line}: ${r.lhs} ${r.op} ${r.rhs} has ${list.length} ${what} in c(...) but the model has ${ngroups} group${ngroups > 1 ? "s" : ""}.`,
          {
            code: "sem.model",
            hint:
              ngroups > 1
                ? `Give one value per group, e.g. c(${Array.from({ length: ngroups }, (_, i) => `v${i + 1}`).join(", ")})*${r.rhs || "1"}.`
                : 'c(v1, v2, …) modifiers are for multiple-group models: pass { group: "column" } or give a single value.',
          },
        );
    }
}

/**
 * lavaan's equality sets (lav_partable_labels and lavaanify): each row is named "lhs op rhs" (plus
 * ".gN" in group N ≥ 2) unless the user labelled it; group.equal gives the rows of groups 2+ of the
 * named classes their group-1 name (except the group.partial ones); rows sharing a name are one
 * parameter. A set with a fixed member is fixed at the first fixed value; otherwise unlabelled
 * members get the label ".pK." of the set's first row K, and the set yields the constraints
 * first == other, ordered as lavaan lists them (by the position of each name's first repeat).
 */
function equalitySets(
  rows: ParRow[],
  ngroups: number,
  groupEqual: GroupEqualClass[],
  groupPartial: string[],
  ovX: Set<string>,
  lv: Set<string>,
): { constraints: EqualityConstraint[]; names: string[] } {
  const names = rows.map((r) => `${r.lhs}${r.op}${r.rhs}${r.group > 1 ? `.g${r.group}` : ""}`);
  if (ngroups > 1 && groupEqual.length) {
    const eq = new Set(groupEqual);
    const inClass = (r: ParRow): boolean => {
      const ovNox = !lv.has(r.lhs) && !ovX.has(r.lhs);
      if (r.op === "=~") return eq.has("loadings");
      if (r.op === "~") return eq.has("regressions");
      if (r.op === "~1") return lv.has(r.lhs) ? eq.has("means") : ovNox && eq.has("intercepts");
      if (r.op !== "~~") return false;
      if (lv.has(r.lhs)) return r.lhs === r.rhs ? eq.has("lv.variances") : eq.has("lv.covariances");
      if (!ovNox) return false;
      return r.lhs === r.rhs ? eq.has("residuals") : eq.has("residual.covariances");
    };
    const firstOf = new Map<string, number>();
    rows.forEach((r, k) => {
      if (r.group === 1 && inClass(r) && !groupPartial.includes(names[k])) firstOf.set(`${r.lhs}${r.op}${r.rhs}`, k);
    });
    rows.forEach((r, k) => {
      const ref = r.group > 1 ? firstOf.get(`${r.lhs}${r.op}${r.rhs}`) : undefined;
      if (ref !== undefined) names[k] = names[ref];
    });
  }
  rows.forEach((r, k) => {
    if (r.label) names[k] = r.label;
  });
  const byName = new Map<string, number[]>();
  const order: string[] = [];
  names.forEach((nm, k) => {
    const list = byName.get(nm);
    if (list) {
      if (list.length === 1) order.push(nm);
      list.push(k);
    } else byName.set(nm, [k]);
  });
  const out: EqualityConstraint[] = [];
  for (const nm of order) {
    const all = byName.get(nm)!;
    const fixedMembers = all.filter((k) => rows[k].ustart !== null && rows[k].exo === 0);
    if (fixedMembers.length) {
      const v = rows[fixedMembers[0]].ustart;
      for (const k of all) rows[k].ustart = v;
      continue;
    }
    const ref = all[0];
    for (const k of all) if (!rows[k].label) rows[k].label = `.p${ref + 1}.`;
    for (const k of all.slice(1)) out.push({ a: ref, b: k, user: rows[k].label.startsWith(".p") ? 2 : 1 });
  }
  return { constraints: out, names };
}

/**
 * equal("x")*… must name another parameter: by its label, or by lavaan's default name "lhs op rhs"
 * ("visual=~x2", ".gN" appended in group N ≥ 2) of a parameter without a label of its own. lavaan
 * silently turns a reference to nothing (or to a parameter that has its own label) into a fresh
 * label, dropping the constraint; here both are errors.
 */
function checkEqualReferences(rows: ParRow[]): void {
  const defaultName = (r: ParRow) => `${r.lhs}${r.op}${r.rhs}${r.group > 1 ? `.g${r.group}` : ""}`;
  for (const r of rows) {
    if (!r.equalRef) continue;
    const target = r.label;
    if (rows.some((o) => o !== r && o.label === target && !o.equalRef)) continue;
    const named = rows.find((o) => o !== r && defaultName(o) === target);
    if (named && !named.label) continue;
    const where = `Model line ${r.line ?? "?"}: ${r.lhs} ${r.op} ${r.rhs}`;
    if (named)
      throw new PathlabError(
        `${where} has equal("${target}"), but ${named.lhs} ${named.op} ${named.rhs} carries its own label "${named.label}" (lavaan would silently drop this constraint).`,
        {
          code: "sem.model",
          hint: `Write equal("${named.label}")*${r.rhs || "1"}, or the shared label directly: ${named.label}*${r.rhs || "1"}.`,
        },
      );
    throw new PathlabError(`${where} has equal("${target}"), which names no parameter of the model (lavaan would silently drop this constraint).`, {
      code: "sem.model",
      hint: `Name a parameter as lhs op rhs without spaces, e.g. equal("visual=~x2") (add ".g2" for group 2), or a label used elsewhere in the model.`,
    });
  }
}

/** A group.partial entry must name a parameter of the model ("x3~1", "visual=~x2"). */
function checkGroupPartial(groupPartial: string[], rows: ParRow[], ngroups: number): void {
  if (!groupPartial.length) return;
  const known = new Set(rows.filter((r) => r.group === 1).map((r) => `${r.lhs}${r.op}${r.rhs}`));
  for (const p of groupPartial)
    if (!known.has(p))
      throw new PathlabError(`groupPartial: "${p}" is not a parameter of the model.`, {
        code: "options.bad-value",
        hint: `Write parameters as lhs op rhs, e.g. "visual =~ x2", "x3 ~ 1", "x1 ~~ x1"${ngroups < 2 ? " (and group.partial only matters with a group)" : ""}.`,
      });
}

/**
 * Equality constraints "a == b" between labels (one shared parameter) and "a == number" (a fixed
 * value). Returns the map from a label to the label whose parameter it shares.
 */
function applyConstraints(rows: ParRow[], constraints: SyntaxRow[], labels: Set<string>): (label: string) => string {
  const labelAlias = new Map<string, string>();
  const fixedByConstraint = new Map<string, number>();
  for (const c of constraints) {
    const l = c.lhsExpr!;
    const r = c.expr!;
    if (l.kind === "ref" && r.kind === "ref") labelAlias.set(r.name, l.name);
    else if (l.kind === "ref" && r.kind === "num") fixedByConstraint.set(l.name, r.value);
    else
      throw new PathlabError(`Model line ${c.line}: only "label == label" and "label == number" constraints are supported.`, {
        hint: "Use the same label on both parameters to constrain them equal.",
        code: "sem.unsupported",
      });
  }
  const resolve = (lab: string) => {
    let x = lab;
    for (let k = 0; k < 20 && labelAlias.has(x); k++) x = labelAlias.get(x)!;
    return x;
  };
  for (const c of constraints) {
    for (const ref of exprRefs(c.lhsExpr!).concat(exprRefs(c.expr!)))
      if (!labels.has(ref.name))
        throw new PathlabError(`Model line ${c.line}: the constraint refers to "${ref.name}", which labels no parameter.`, {
          hint: 'Label parameters in the model first, e.g. "y ~ a*x".',
          code: "sem.model",
        });
  }
  for (const r of rows) {
    if (r.label && fixedByConstraint.has(resolve(r.label))) r.ustart = fixedByConstraint.get(resolve(r.label))!;
  }
  return resolve;
}

/**
 * Free-parameter indices in row order (lavaan's): rows of one equality set (a shared label, a
 * group.equal class, an equal("lhs op rhs") reference, or labels constrained "a == b") share one.
 */
function numberFreeParameters(rows: ParRow[], names: string[], resolve: (label: string) => string): number {
  let nFree = 0;
  const byName = new Map<string, number>();
  rows.forEach((r, k) => {
    if (r.ustart !== null || r.exo === 1) return;
    const key = resolve(names[k]);
    const idx = byName.get(key);
    if (idx) {
      r.free = idx;
      return;
    }
    r.free = ++nFree;
    byName.set(key, r.free);
  });
  return nFree;
}

/** Rows for the defined parameters (:=), after checking that each refers to labels or earlier definitions. */
function addDefined(rows: ParRow[], defined: SyntaxRow[], labels: Set<string>): void {
  for (const d of defined) {
    for (const ref of exprRefs(d.expr!)) {
      const isDefined = defined.some((o) => o.lhs === ref.name && o !== d && o.line <= d.line);
      if (!labels.has(ref.name) && !isDefined)
        throw new PathlabError(`Model line ${d.line}, column ${ref.col}: "${d.lhs} := ${d.rhs}" refers to "${ref.name}", which labels no parameter.`, {
          hint: `Label the path in the model, e.g. "m ~ ${ref.name}*x", then define "${d.lhs} := ...".`,
          code: "sem.model",
        });
    }
    rows.push({
      id: rows.length + 1,
      lhs: d.lhs,
      op: ":=",
      rhs: d.rhs,
      user: 1,
      group: 0,
      free: 0,
      ustart: null,
      exo: 0,
      label: d.lhs,
      start: NaN,
      expr: d.expr,
      line: d.line,
    });
  }
}

/**
 * lavaan's auto.fix.single: the residual variance of the only indicator of a factor is fixed at
 * zero (the factor is the indicator), unless that indicator also measures another factor.
 */
function singleIndicatorFixed(userRows: SyntaxRow[], v: string, lv: string[]): boolean {
  const loads = userRows.filter((r) => r.op === "=~");
  const mine = loads.filter((r) => r.rhs === v);
  if (mine.length !== 1) return false;
  const f = mine[0].lhs;
  return lv.includes(f) && loads.filter((r) => r.lhs === f).length === 1;
}

/** Parsed models and tables built from the same model text and options, most recent last (a fit refitted in a loop parses once). */
const SYNTAX_CACHE = new Map<string, SyntaxRow[]>();
const TABLE_CACHE = new Map<string, ParTable>();
const CACHE_SIZE = 32;

/** Looks `key` up in a most-recently-used cache, computing and remembering it when absent. */
function remembered<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let v = cache.get(key);
  if (v !== undefined) cache.delete(key);
  else {
    v = make();
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  cache.set(key, v);
  return v;
}

/**
 * `parseModelSyntax(model)`, remembered for the last few models. The rows are shared: callers
 * must not change them (buildParTable copies what it changes).
 *
 * @example
 * const rows = parsedModel("f =~ x1 + x2 + x3");
 */
export function parsedModel(model: string): readonly SyntaxRow[] {
  return remembered(SYNTAX_CACHE, model, () => parseModelSyntax(model));
}

/** A copy of a table that shares nothing mutable with it (rows, lists and constraints are new objects). */
function copyParTable(pt: ParTable): ParTable {
  const { vars } = pt;
  return {
    ...pt,
    rows: pt.rows.map((r) => ({ ...r })),
    vars: { ov: [...vars.ov], lv: [...vars.lv], ovX: [...vars.ovX], lvX: [...vars.lvX], eqsY: [...vars.eqsY] },
    groupEqual: [...pt.groupEqual],
    groupPartial: [...pt.groupPartial],
    equalities: pt.equalities.map((e) => (e.labels ? { ...e, labels: [e.labels[0], e.labels[1]] } : { ...e })),
    warnings: pt.warnings.map((w) => ({ ...w })),
    bounds: pt.bounds.map((b) => ({ ...b })),
  };
}

/**
 * `buildParTable(parseModelSyntax(model), opts)`, remembered for the last few (model, options)
 * pairs: the table depends on nothing else, and each call returns a fresh copy that the caller may
 * change. A model that fails to parse or build throws every time (nothing is remembered).
 *
 * @example
 * const pt = parTableOf("f =~ x1 + x2 + x3", { meanstructure: false });
 */
export function parTableOf(model: string, opts: BuildOptions): ParTable {
  const key = `${model}\u0000${opts.stdLv}|${opts.meanstructure}|${opts.fixedX}|${opts.orthogonal}|${opts.autoFixFirst}|${opts.ngroups}|${(opts.groupEqual ?? []).join(",")}|${(opts.groupPartial ?? []).join("\u0001")}`;
  return copyParTable(remembered(TABLE_CACHE, key, () => buildParTable(parsedModel(model) as SyntaxRow[], opts)));
}
