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
import { exprRefs, type Expr, type SemOp, type SyntaxRow } from "./syntax";

export interface ParRow {
  id: number;
  lhs: string;
  op: SemOp;
  rhs: string;
  /** 1 = written by the user, 0 = added by a default. */
  user: 0 | 1;
  /** 0 = fixed, otherwise 1-based index of the free parameter (repeated labels share one index). */
  free: number;
  /** Fixed value given by the user or a default (null when free). */
  ustart: number | null;
  /** 1 for the (co)variances and means of observed exogenous covariates fixed at sample values. */
  exo: 0 | 1;
  label: string;
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
}

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

export interface ParTable {
  rows: ParRow[];
  vars: ModelVars;
  /** Number of distinct free parameters. */
  nFree: number;
  meanstructure: boolean;
  stdLv: boolean;
  /** The (co)variances and means of `vars.ovX` are fixed at their sample values. */
  fixedX: boolean;
  /** Notes lavaan also gives while building the table (e.g. a covariate treated as random). */
  warnings: PathlabWarning[];
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
  lv: string[]; ov: string[]; ovX: string[]; randomX: string[]; lvX: string[]; lvY: string[]; ovY: string[]; eqsY: string[];
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
  const extra = [
    ...covRows.map((r) => r.lhs),
    ...covRows.map((r) => r.rhs),
    ...userRows.filter((r) => r.op === "~1").map((r) => r.lhs),
  ].filter((v) => !lvSet.has(v));
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

/** Classifies variables and expands the user rows into the full lavaan-style parameter table. */
export function buildParTable(syntax: SyntaxRow[], opts: BuildOptions = {}): ParTable {
  const stdLv = !!opts.stdLv;
  const fixedX = opts.fixedX ?? true;
  const autoFixFirst = opts.autoFixFirst ?? !stdLv;
  const model = syntax.filter((r) => r.op === "=~" || r.op === "~" || r.op === "~~" || r.op === "~1");
  const defined = syntax.filter((r) => r.op === ":=");
  const constraints = syntax.filter((r) => r.op === "==" || r.op === "<" || r.op === ">");
  const warnings: PathlabWarning[] = [];

  // Merge repeated statements about the same parameter (later modifiers win).
  const userRows: SyntaxRow[] = [];
  const seen = new Map<string, SyntaxRow>();
  for (const r of model) {
    const key = pairKey(r.op, r.lhs, r.rhs);
    const prev = seen.get(key);
    if (prev) {
      if (r.label !== undefined) prev.label = r.label;
      if (r.fixed !== undefined) prev.fixed = r.fixed;
      if (r.start !== undefined) prev.start = r.start;
    } else {
      const copy = { ...r };
      seen.set(key, copy);
      userRows.push(copy);
    }
  }

  const { lv, ov, ovX, randomX, lvX, lvY, ovY, eqsY } = classify(userRows);
  for (const r of userRows)
    if (r.op === "=~" && r.rhs === r.lhs)
      throw new PathlabError(`Model line ${r.line}: "${r.lhs}" cannot be an indicator of itself.`, { code: "sem.model", hint: `Write "${r.lhs} =~ item1 + item2 + item3" with the items that measure it.` });
  if (randomX.length)
    warnings.push({
      code: "sem.random-covariate",
      message: `The model syntax gives a variance, covariance or intercept of the exogenous covariate(s) ${randomX.map((v) => `"${v}"`).join(", ")}; they are treated as random variables with free parameters (as lavaan does). Remove those statements to hold them fixed at their sample values.`,
    });

  const meanstructure = !!opts.meanstructure || userRows.some((r) => r.op === "~1");
  const rows: ParRow[] = [];
  const firstLoading = new Set<string>();
  const pushUser = (r: SyntaxRow) => {
    let ustart: number | null = r.fixed !== undefined && !Number.isNaN(r.fixed) ? r.fixed : null;
    if (r.op === "=~" && !firstLoading.has(r.lhs)) {
      firstLoading.add(r.lhs);
      if (autoFixFirst && r.fixed === undefined) ustart = 1;
    }
    if (stdLv && r.op === "~~" && r.lhs === r.rhs && lv.includes(r.lhs) && r.fixed === undefined) ustart = 1;
    rows.push({
      id: rows.length + 1,
      lhs: r.lhs,
      op: r.op,
      rhs: r.rhs,
      user: 1,
      free: 0,
      ustart,
      exo: 0,
      label: r.label ?? "",
      start: r.start ?? NaN,
      line: r.line,
    });
  };
  userRows.forEach(pushUser);

  // Defaults in lavaan's order (lav_partable_flat): variances, latent-covariate covariances,
  // covariances among pure outcomes, the covariate block, intercepts.
  const has = (op: string, a: string, b: string) => seen.has(pairKey(op, a, b));
  const addDefault = (lhs: string, op: SemOp, rhs: string, ustart: number | null, exo: 0 | 1 = 0) => {
    if (has(op, lhs, rhs)) return;
    seen.set(pairKey(op, lhs, rhs), { lhs, op, rhs, line: 0, col: 0 });
    rows.push({ id: rows.length + 1, lhs, op, rhs, user: 0, free: 0, ustart, exo, label: "", start: NaN });
  };
  const ovXSet = new Set(ovX);
  const xExo: 0 | 1 = fixedX ? 1 : 0;
  for (const v of ov) if (!ovXSet.has(v)) addDefault(v, "~~", v, singleIndicatorFixed(userRows, v, lv) ? 0 : null);
  for (const v of lv) addDefault(v, "~~", v, stdLv ? 1 : null);
  const lvCov = opts.orthogonal ? 0 : null;
  for (let i = 0; i < lvX.length; i++) for (let j = i + 1; j < lvX.length; j++) addDefault(lvX[i], "~~", lvX[j], lvCov);
  const ys = [...lvY, ...ovY];
  for (let i = 0; i < ys.length; i++)
    for (let j = i + 1; j < ys.length; j++) addDefault(ys[i], "~~", ys[j], opts.orthogonal && lv.includes(ys[i]) && lv.includes(ys[j]) ? 0 : null);
  for (let j = 0; j < ovX.length; j++) for (let i = j; i < ovX.length; i++) addDefault(ovX[j], "~~", ovX[i], null, xExo);
  if (meanstructure) {
    for (const v of ov) addDefault(v, "~1", "", null, ovXSet.has(v) ? xExo : 0);
    for (const v of lv) addDefault(v, "~1", "", 0);
  }
  // fixed.x rows are fixed (at sample values, filled in by the model builder).
  for (const r of rows) if (r.exo === 1) r.ustart = null;

  const labels = new Set(rows.map((r) => r.label).filter((l) => l));
  const resolve = applyConstraints(rows, constraints, labels);
  const nFree = numberFreeParameters(rows, resolve);
  for (const v of ov.concat(lv))
    if (labels.has(v))
      throw new PathlabError(`The label "${v}" is also a variable name.`, { hint: "Use labels that differ from variable names.", code: "sem.model" });
  addDefined(rows, defined, labels);

  return { rows, vars: { ov, lv, ovX, lvX, eqsY }, nFree, meanstructure, stdLv, fixedX, warnings };
}

/**
 * Equality constraints "a == b" between labels (one shared parameter) and "a == number" (a fixed
 * value). Returns the map from a label to the label whose parameter it shares.
 */
function applyConstraints(rows: ParRow[], constraints: SyntaxRow[], labels: Set<string>): (label: string) => string {
  const labelAlias = new Map<string, string>();
  const fixedByConstraint = new Map<string, number>();
  for (const c of constraints) {
    if (c.op !== "==")
      throw new PathlabError(`Model line ${c.line}: inequality constraints ("${c.op}") are not supported.`, {
        hint: "Remove the constraint, or reparameterise (e.g. estimate a log-variance).",
        code: "sem.unsupported",
      });
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

/** Free-parameter indices in row order (lavaan's); repeated (or constrained-equal) labels share one. */
function numberFreeParameters(rows: ParRow[], resolve: (label: string) => string): number {
  let nFree = 0;
  const byLabel = new Map<string, number>();
  for (const r of rows) {
    if (r.ustart !== null || r.exo === 1) continue;
    if (r.label) {
      const key = resolve(r.label);
      const idx = byLabel.get(key);
      if (idx) {
        r.free = idx;
        continue;
      }
      r.free = ++nFree;
      byLabel.set(key, r.free);
    } else r.free = ++nFree;
  }
  return nFree;
}

/** Rows for the defined parameters (:=), after checking that each refers to labels or earlier definitions. */
function addDefined(rows: ParRow[], defined: SyntaxRow[], labels: Set<string>): void {
  for (const d of defined) {
    for (const ref of exprRefs(d.expr!)) {
      const isDefined = defined.some((o) => o.lhs === ref.name && o !== d && o.line <= d.line);
      if (!labels.has(ref.name) && !isDefined)
        throw new PathlabError(
          `Model line ${d.line}, column ${ref.col}: "${d.lhs} := ${d.rhs}" refers to "${ref.name}", which labels no parameter.`,
          { hint: `Label the path in the model, e.g. "m ~ ${ref.name}*x", then define "${d.lhs} := ...".`, code: "sem.model" },
        );
    }
    rows.push({ id: rows.length + 1, lhs: d.lhs, op: ":=", rhs: d.rhs, user: 1, free: 0, ustart: null, exo: 0, label: d.lhs, start: NaN, expr: d.expr, line: d.line });
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
