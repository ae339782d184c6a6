/**
 * PROCESS's first stages: assign the roles (X, Y, W, Z, mediators, covariates) and check them before
 * any data are read; read the columns (two-category text coded 0/1, listwise deletion); expand the
 * model template into equations (covariates where `covmy` puts them); centre the variables that form
 * products; and build the master design matrix (intercept, variables, one column per distinct
 * product) that every equation and every resample draws its columns from.
 *
 * Hayes, A. F. (2022). Introduction to Mediation, Moderation, and Conditional Process Analysis
 * (3rd ed.). Guilford. Appendix A (options `covmy`, `center`).
 *
 * @example
 * const roleName = assignRoles(cfg);                // { X: "x", Y: "y", M1: "m1" }
 * const design = buildDesign(cfg, options, roleName); // design.master[design.colIndex.get("X")!]
 */
import { PathlabError } from "../errors";
import { numericColumns } from "../data/table-input";
import { codeTextFactors, type CodedFactors } from "../data/labels";
import { mean, variance } from "../math";
import { expandTemplate, type Term } from "./models";
import type { ProcessConfig } from "./options";
import type { ProcessOptions } from "./types";

/** One regression equation of the model: an outcome role and its terms (products as several roles). */
export interface EquationSpec {
  outcome: string;
  terms: Term[];
}

/** The data and equations of one PROCESS run, after checking, centring and building products. */
export interface ProcessDesign {
  /** Role → variable name (X, Y, W, Z, M1…). */
  roleName: Record<string, string>;
  /** The roles in order (X, Y, W, Z, M1…), then the covariates' keys (`C:<name>`). */
  roles: string[];
  covRoles: string[];
  equations: EquationSpec[];
  /** Column of each role and covariate key over the complete rows (centred where asked). */
  col: Record<string, Float64Array>;
  n: number;
  dropped: number;
  /** Value labels of coded text columns, by variable name; the names of the coded columns. */
  labels: CodedFactors["labels"];
  coded: CodedFactors["coded"];
  /** Intercept, variables, then one column per distinct product; `colIndex` maps a term key to its column. */
  master: Float64Array[];
  colIndex: Map<string, number>;
  centered: string[];
  centerShift: Record<string, number>;
}

const roleLabel = (r: string) => (r === "X" ? "x" : r === "Y" ? "y" : r === "W" ? "w" : r === "Z" ? "z" : `m (mediator ${r.slice(1)})`);

/** Checks the roles the model needs against those given; returns role → variable name. */
export function assignRoles(cfg: ProcessConfig): Record<string, string> {
  const { tpl, model, ms, covs } = cfg;
  const [mMin, mMax] = tpl.mediators;
  if (ms.length < mMin || ms.length > mMax) {
    const want = mMax === 0 ? "no mediators (m)" : mMin === mMax ? `${mMin} mediator(s)` : `${mMin}–${mMax} mediators`;
    throw new PathlabError(`Model ${model} (${tpl.type.toLowerCase()}) takes ${want}; got ${ms.length}.`, {
      hint: mMax === 0 ? "Remove m, or choose a mediation model such as 4." : "Give m as a variable name or an array of names.",
      code: "process.bad-mediators",
    });
  }
  if (tpl.needsW && !cfg.w)
    throw new PathlabError(`Model ${model} needs a moderator w.`, { hint: 'Add w: "<moderator column>".', code: "process.missing-moderator" });
  if (!tpl.needsW && cfg.w)
    throw new PathlabError(`Model ${model} has no moderator W, but w = "${cfg.w}" was given.`, {
      hint: "Remove w, or choose a model with a moderator (e.g. 1, 7, 14).",
      code: "process.unused-moderator",
    });
  if (tpl.needsZ && !cfg.z)
    throw new PathlabError(`Model ${model} needs a second moderator z.`, { hint: 'Add z: "<second moderator column>".', code: "process.missing-moderator" });
  if (!tpl.needsZ && cfg.z)
    throw new PathlabError(`Model ${model} has no moderator Z, but z = "${cfg.z}" was given.`, {
      hint: "Remove z, or choose a model with two moderators (2, 3, 21).",
      code: "process.unused-moderator",
    });

  const roleName: Record<string, string> = { X: cfg.x, Y: cfg.y };
  if (cfg.w) roleName.W = cfg.w;
  if (cfg.z) roleName.Z = cfg.z;
  ms.forEach((m, i) => (roleName[`M${i + 1}`] = m));
  const seen = new Map<string, string>();
  for (const [r, name] of Object.entries(roleName)) {
    const prev = seen.get(name);
    if (prev !== undefined) {
      const isMX = (prev === "X" && r.startsWith("M")) || (r === "X" && prev.startsWith("M"));
      throw new PathlabError(
        isMX
          ? `The mediator "${name}" is also X: a variable cannot mediate its own effect.`
          : `"${name}" is given as both ${roleLabel(prev)} and ${roleLabel(r)}.`,
        { hint: "Each role (x, y, m, w, z) needs a different variable.", code: isMX ? "process.mediator-is-x" : "process.duplicate-role" },
      );
    }
    seen.set(name, r);
  }
  for (const c of covs) {
    if (seen.has(c))
      throw new PathlabError(`Covariate "${c}" is also used as ${roleLabel(seen.get(c)!)}.`, { hint: "Remove it from cov.", code: "process.duplicate-role" });
  }
  if (new Set(covs).size !== covs.length)
    throw new PathlabError("A covariate is listed twice in cov.", { hint: "List each covariate once.", code: "process.duplicate-role" });
  return roleName;
}

/** The sorted distinct values of a column. */
export function distinct(a: Float64Array): number[] {
  return Array.from(new Set(Array.from(a))).sort((x, y) => x - y);
}

/** The template's equations with the covariates added where `covmy` puts them (all equations by default). */
function equationSpecs(cfg: ProcessConfig, covRoles: string[]): EquationSpec[] {
  const { tpl, covmy } = cfg;
  return expandTemplate(tpl, cfg.ms.length).map((e) => {
    const withCov = tpl.mediators[1] === 0 || covmy === 0 || (covmy === 1 && e.outcome !== "Y") || (covmy === 2 && e.outcome === "Y");
    return { outcome: e.outcome, terms: [...e.terms, ...(withCov ? covRoles.map((c) => [c]) : [])] };
  });
}

/** Refuses a variable that does not vary in the complete rows (it can have or change no effect). */
function checkVariation(roles: string[], covRoles: string[], col: Record<string, Float64Array>, roleName: Record<string, string>, n: number): void {
  for (const r of roles) {
    if (variance(col[r]) === 0 || distinct(col[r]).length < 2) {
      const what = r === "W" || r === "Z" ? "moderator" : r === "X" ? "focal antecedent x" : r === "Y" ? "outcome y" : "mediator";
      throw new PathlabError(`The ${what} "${roleName[r]}" is constant (${col[r][0]}) in the ${n} complete rows.`, {
        hint: "A variable that does not vary cannot have or change an effect; check the data or the missing-value codes.",
        code: r === "W" || r === "Z" ? "process.constant-moderator" : "process.constant-variable",
      });
    }
  }
  for (const c of covRoles)
    if (variance(col[c]) === 0)
      throw new PathlabError(`Covariate "${c.slice(2)}" is constant in the ${n} complete rows.`, {
        hint: "Remove it from cov.",
        code: "process.constant-variable",
      });
}

/**
 * Centres, in place in `col`, the variables that form products: all of them (center = 1) or the
 * continuous ones (2). Done once, before resampling, as PROCESS does.
 */
function centerProducts(center: 0 | 1 | 2, equations: EquationSpec[], col: Record<string, Float64Array>, roleName: Record<string, string>) {
  const inProducts = new Set<string>();
  for (const e of equations) for (const t of e.terms) if (t.length > 1) t.forEach((f) => inProducts.add(f));
  const centered: string[] = [];
  const centerShift: Record<string, number> = {};
  if (center > 0) {
    for (const r of inProducts) {
      if (center === 2 && distinct(col[r]).length === 2) continue;
      const m = mean(col[r]);
      centerShift[r] = m;
      col[r] = col[r].map((v) => v - m);
      centered.push(roleName[r] ?? r.slice(2));
    }
  }
  return { centered, centerShift };
}

/** Intercept, the variables, then one column per distinct product term of the equations. */
function masterMatrix(keys: string[], equations: EquationSpec[], col: Record<string, Float64Array>, n: number) {
  const master: Float64Array[] = [new Float64Array(n).fill(1)];
  const colIndex = new Map<string, number>();
  const addColumn = (key: string, values: Float64Array) => {
    colIndex.set(key, master.length);
    master.push(values);
  };
  for (const r of keys) addColumn(r, col[r]);
  for (const e of equations)
    for (const t of e.terms) {
      if (t.length < 2) continue;
      const key = t.join("*");
      if (colIndex.has(key)) continue;
      const v = new Float64Array(n).fill(1);
      for (const f of t) {
        const c = col[f];
        for (let i = 0; i < n; i++) v[i] *= c[i];
      }
      addColumn(key, v);
    }
  return { master, colIndex };
}

/** Reads the data for the roles, expands the equations, checks, centres and builds the master matrix. */
export function buildDesign(cfg: ProcessConfig, options: ProcessOptions, roleName: Record<string, string>): ProcessDesign {
  const { covs } = cfg;
  const roles = Object.keys(roleName);
  const varNames = [...roles.map((r) => roleName[r]), ...covs];
  // Two-category text columns (e.g. gender read from a CSV) enter as 0/1, as R's factors; labels kept.
  const moderatorsAndCovs = roles
    .filter((r) => r === "X" || r === "W" || r === "Z")
    .map((r) => roleName[r])
    .concat(covs);
  const factors = codeTextFactors(options.data, varNames, moderatorsAndCovs, options.missing ?? []);
  const nc = numericColumns(factors.data, varNames, { missing: options.missing });
  const col: Record<string, Float64Array> = {};
  roles.forEach((r, i) => (col[r] = nc.columns[i]));
  covs.forEach((c, i) => (col[`C:${c}`] = nc.columns[roles.length + i]));
  const n = nc.n;

  const covRoles = covs.map((c) => `C:${c}`);
  const equations = equationSpecs(cfg, covRoles);
  const pmax = Math.max(...equations.map((e) => e.terms.length + 1));
  if (n <= pmax)
    throw new PathlabError(`Too few complete rows: ${n} (of ${n + nc.dropped}) for a model with ${pmax} coefficients in one equation.`, {
      hint: nc.dropped > 0 ? `${nc.dropped} rows were dropped for missing values; check the missing-value codes.` : "Collect more data or simplify the model.",
      code: "process.too-few-rows",
    });
  checkVariation(roles, covRoles, col, roleName, n);
  const { centered, centerShift } = centerProducts(cfg.center, equations, col, roleName);
  const { master, colIndex } = masterMatrix([...roles, ...covRoles], equations, col, n);
  return {
    roleName,
    roles,
    covRoles,
    equations,
    col,
    n,
    dropped: nc.dropped,
    labels: factors.labels,
    coded: factors.coded,
    master,
    colIndex,
    centered,
    centerShift,
  };
}
