/**
 * Score (Lagrange multiplier) tests of equality constraints, lavaan's `lavTestScore()`: would
 * releasing the constraints — e.g. the equal loadings or intercepts of an invariance model —
 * improve the fit? It needs no refit.
 *
 * The constraints are written as R θ = 0 on the unconstrained parameter vector θ (every equal
 * parameter its own entry: lavaan's `.pA. == .pB.`). With the score s = ½ ∂F/∂θ at the
 * constrained estimates (per observation), the expected information I of the unconstrained
 * model (FIML: of the incomplete data, pattern by pattern) and N the sample size (lavaan 0.6.14):
 *   all (or the released set r): X² = N sᵀ J s,  J = the θ-block of the Moore–Penrose inverse of
 *   [[I, R₁ᵀ], [R₁, 0]], R₁ = the constraints that stay (J = I⁺ when all are released),
 *   df = number released; univariate: the same with one constraint released at a time (df 1).
 * (Bentler 1990; Satorra 1989.)
 *
 * @example
 * lavTestScore(scalarFit).uni;   // one row per equality constraint, largest X² = first to release
 */
import { PathlabError } from "../errors";
import { Result, type TableSpec } from "../display";
import { checkOptions } from "../options";
import { pchisq } from "../math/distributions";
import { invertGeneralFlat } from "../math/linalg";
import { pinvSym } from "./linalg";
import { buildRam } from "./model";
import { GroupedObjective, type SemObjective } from "./objective";
import { RamEngine } from "./ram";
import { FimlEngine } from "./fiml";
import type { SemFit } from "./fit";
import { refuseActiveBounds } from "./inequality";
import type { ParTable } from "./partable";
import type { SemState } from "./state";

export interface ScoreTestRow {
  /** lavaan's constraint: ".p2." == ".p38." */
  lhs: string;
  op: "==";
  rhs: string;
  /** The constrained parameters, readable: "visual =~ x2 (group 1 = group 2)". */
  parameter: string;
  X2: number;
  df: number;
  pvalue: number;
}

export interface ScoreTestOptions {
  /** Constraints to release together (1-based, in lavaan's order); default all. */
  release?: number[];
  /** Also the univariate tests (default true). */
  univariate?: boolean;
  /** Also the cumulative tests: release the constraints one after another, largest X² first. */
  cumulative?: boolean;
}

/** lavaan's lavTestScore() result: `test` (the joint test), `uni` and `cumulative` tables. */
export class ScoreTest extends Result {
  constructor(
    readonly test: { X2: number; df: number; pvalue: number },
    readonly uni: ScoreTestRow[],
    readonly cumulative: ScoreTestRow[],
  ) {
    super();
  }
  title(): string {
    return "Score tests of the equality constraints (lavTestScore)";
  }
  info(): string[] {
    const p = this.test.pvalue;
    return [`Total score test: X² = ${this.test.X2.toFixed(3)}, df = ${this.test.df}, p ${p < 0.001 ? "< .001" : `= ${p.toFixed(3)}`}.`];
  }
  tables(): TableSpec[] {
    const cols = [
      { key: "lhs", format: "text" as const },
      { key: "op", format: "text" as const },
      { key: "rhs", format: "text" as const },
      { key: "parameter", label: "parameter", format: "text" as const },
      { key: "X2", label: "X²", digits: 3 },
      { key: "df", label: "df", format: "int" as const },
      { key: "pvalue", label: "p", format: "p" as const },
    ];
    const out: TableSpec[] = [];
    if (this.uni.length) out.push({ title: "Univariate score tests", columns: cols, rows: this.uni.map((r) => ({ ...r })) });
    if (this.cumulative.length) out.push({ title: "Cumulative score tests", columns: cols, rows: this.cumulative.map((r) => ({ ...r })) });
    return out;
  }
}

/** Score and information of the unconstrained model (every free row its own parameter) at θ̂. */
function unconstrained(st: SemState): { s: Float64Array; I: Float64Array; q: number; fullIndex: Int32Array } {
  const { pt } = st;
  const fullIndex = new Int32Array(pt.rows.length).fill(-1);
  let q = 0;
  pt.rows.forEach((r, k) => {
    if (r.free > 0) fullIndex[k] = q++;
  });
  const rows = pt.rows.map((r, k) => ({ ...r, free: r.free > 0 ? fullIndex[k] + 1 : 0 }));
  const ptFull: ParTable = { ...pt, rows, nFree: q };
  const theta = new Float64Array(q);
  pt.rows.forEach((r, k) => {
    if (r.free > 0) theta[fullIndex[k]] = st.theta[r.free - 1];
  });
  const engines = st.groups.map((g, gi) => {
    const structure = buildRam(ptFull, g.engine.sample.S, g.engine.sample.mean, gi + 1);
    return g.sample.missing ? new FimlEngine(structure.spec, g.engine.sample, g.sample.missing) : new RamEngine(structure.spec, g.engine.sample);
  });
  const N = st.groups.reduce((a, g) => a + g.sample.n, 0);
  const obj: SemObjective =
    engines.length === 1
      ? engines[0]
      : new GroupedObjective(
          engines,
          st.groups.map((g) => g.sample.n / N),
        );
  obj.setTheta(theta);
  obj.implied();
  obj.objective();
  const g = new Float64Array(q);
  obj.gradient(g);
  const s = g.map((v) => v / 2);
  const I = new Float64Array(q * q);
  obj.information(I);
  return { s, I, q, fullIndex };
}

/** The bordered matrix [[I, R₁ᵀ], [R₁, 0]] of the constraints `keep`. */
function bordered(I: Float64Array, q: number, R: Float64Array[], keep: number[]): Float64Array {
  const n = q + keep.length;
  const Z = new Float64Array(n * n);
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) Z[i * n + j] = I[i * q + j];
  keep.forEach((r, a) => {
    for (let j = 0; j < q; j++) {
      Z[(q + a) * n + j] = R[r][j];
      Z[j * n + q + a] = R[r][j];
    }
  });
  return Z;
}

/**
 * Univariate tests (one constraint released, the others kept) from one inverse of the bordered
 * matrix with all constraints: removing constraint r from a nonsingular bordered matrix Z changes
 * its inverse's θ-block by −z_r z_rᵀ / Z⁻¹_rr (z_r the θ-part of column q + r of Z⁻¹), so
 * X²_r = N (sᵀPs − (sᵀz_r)² / Z⁻¹_rr). Where Z or the reduced matrix is singular the generic
 * pseudo-inverse is used (as lavaan, MASS::ginv).
 */
function univariate(s: Float64Array, I: Float64Array, q: number, R: Float64Array[], all: number[], release: number[], N: number): number[] {
  const n = q + all.length;
  const inv = new Float64Array(n * n);
  const Zi = invertGeneralFlat(bordered(I, q, R, all), n, inv, new Float64Array(n * n)) ? inv : null;
  return release.map((r) => {
    const a = all.indexOf(r);
    const d = Zi ? Zi[(q + a) * n + q + a] : 0;
    if (!Zi || !(Math.abs(d) > 1e-10))
      return statistic(
        s,
        I,
        q,
        R,
        all.filter((x) => x !== r),
        N,
      );
    let sPs = 0;
    let sz = 0;
    for (let i = 0; i < q; i++) {
      let t = 0;
      for (let j = 0; j < q; j++) t += Zi[i * n + j] * s[j];
      sPs += s[i] * t;
      sz += s[i] * Zi[i * n + q + a];
    }
    return N * (sPs - (sz * sz) / d);
  });
}

/** N sᵀ J s with J from the constraints `keep` (indices into R) that stay in place. */
function statistic(s: Float64Array, I: Float64Array, q: number, R: Float64Array[], keep: number[], N: number): number {
  const n = q + keep.length;
  const Z = bordered(I, q, R, keep);
  const Zp = pinvSym(Z, n);
  let x = 0;
  for (let i = 0; i < q; i++) {
    let t = 0;
    for (let j = 0; j < q; j++) t += Zp[i * n + j] * s[j];
    x += s[i] * t;
  }
  return N * x;
}

/** lavaan's lavTestScore(fit): joint and univariate score tests of the equality constraints. */
export function lavTestScore(fit: SemFit, opts?: ScoreTestOptions): ScoreTest {
  const o = checkOptions("lavTestScore", opts, {
    release: {
      kind: "custom",
      check: (v) =>
        Array.isArray(v) && v.length > 0 && v.every((x) => Number.isInteger(x) && x >= 1) ? undefined : "must be an array of constraint numbers (1-based).",
    },
    univariate: { kind: "boolean" },
    cumulative: { kind: "boolean" },
  }) as ScoreTestOptions;
  const st = fit.state;
  refuseActiveBounds(fit, "lavTestScore");
  if (!st.converged)
    throw new PathlabError("lavTestScore(): the model did not converge.", { code: "sem.not-converged", hint: "Fix the model first (see the fit's warnings)." });
  const eqs = st.pt.equalities;
  if (!eqs.length)
    throw new PathlabError("lavTestScore(): no equality constraints found in the model.", {
      code: "sem.no-constraints",
      hint: "Score tests release equality constraints, e.g. of a model fitted with groupEqual; for parameters the model leaves out use modindices().",
    });
  const release = (o.release ?? eqs.map((_, i) => i + 1)).map((r) => r - 1);
  const bad = release.find((r) => r >= eqs.length);
  if (bad !== undefined)
    throw new PathlabError(`lavTestScore(): maximum constraint number (${bad + 1}) is larger than the number of constraints (${eqs.length}).`, {
      code: "options.bad-value",
      hint: `Constraints are numbered 1 to ${eqs.length} in the order of the uni table.`,
    });
  const { s, I, q, fullIndex } = unconstrained(st);
  const R = eqs.map((e) => {
    const r = new Float64Array(q);
    r[fullIndex[e.a]] = 1;
    r[fullIndex[e.b]] = -1;
    return r;
  });
  const N = fit.n;
  const all = eqs.map((_, i) => i);
  const stay = (released: number[]) => all.filter((i) => !released.includes(i));
  const X2 = statistic(s, I, q, R, stay(release), N);
  const rowOf = (i: number, x2: number, df: number): ScoreTestRow => {
    const e = eqs[i];
    const a = st.pt.rows[e.a];
    const b = st.pt.rows[e.b];
    const name = (r: typeof a) => `${r.lhs} ${r.op}${r.rhs ? ` ${r.rhs}` : ""}`;
    const where = st.pt.ngroups > 1 ? ` (${fit.groupLabels[a.group - 1]} = ${fit.groupLabels[b.group - 1]})` : "";
    const what = name(a) === name(b) ? `${name(a)}${where}` : `${name(a)} = ${name(b)}`;
    return {
      lhs: e.labels ? e.labels[0] : `.p${e.a + 1}.`,
      op: "==",
      rhs: e.labels ? e.labels[1] : `.p${e.b + 1}.`,
      parameter: what,
      X2: x2,
      df,
      pvalue: pchisq(x2, df, false),
    };
  };
  const uniX2 = o.univariate === false && !o.cumulative ? [] : univariate(s, I, q, R, all, release, N);
  const uni = uniX2.map((x2, k) => rowOf(release[k], x2, 1));
  let cumulative: ScoreTestRow[] = [];
  if (o.cumulative) {
    const order = uni
      .map((u, k) => ({ k, x: u.X2 }))
      .sort((x, y) => y.x - x.x)
      .map((z) => release[z.k]);
    cumulative = order.map((r, k) => rowOf(r, statistic(s, I, q, R, stay(order.slice(0, k + 1)), N), k + 1));
  }
  return new ScoreTest({ X2, df: release.length, pvalue: pchisq(X2, release.length, false) }, o.univariate === false ? [] : uni, cumulative);
}
