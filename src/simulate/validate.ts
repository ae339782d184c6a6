/**
 * Checks on the published statistics a simulation starts from. Papers print correlation tables as
 * lower triangles rounded to two decimals, so a table can be square-but-asymmetric from a typo, or
 * mutually inconsistent (not positive definite). Each check fails with the entry at fault.
 */
import { PathlabError } from "../errors";
import { checkOptions, checkSeed, describeValue, type CustomSpec, type OptionSpecs } from "../options";
import { Rng } from "./rng";
import { formatNumber } from "../display/format";
import { choleskyOrNull as choleskyLower, symEigen as eigenSym } from "../math";

/** A square matrix, or a lower triangle given row by row (row i has i + 1 entries, diagonal included). */
export type MatrixInput = ReadonlyArray<ReadonlyArray<number>>;

function fmt(x: number): string {
  return formatNumber(x, Math.abs(x) < 1e-3 && x !== 0 ? 3 : 6);
}

/**
 * A full square copy of `m`. A lower triangle (row i holding i + 1 numbers) is mirrored, so a
 * paper's correlation table can be typed as printed.
 */
export function squareMatrix(m: MatrixInput, what: string): number[][] {
  if (!Array.isArray(m) || m.length === 0)
    throw new PathlabError(`${what} must be a non-empty array of rows.`, {
      hint: "Give the matrix as an array of rows, e.g. [[1, 0.3], [0.3, 1]], or its lower triangle.",
      code: "simulate.not-square",
    });
  const p = m.length;
  const lower = p > 1 && m.every((row, i) => Array.isArray(row) && row.length === i + 1);
  const out: number[][] = [];
  for (let i = 0; i < p; i++) {
    const row = m[i];
    if (!lower && (!Array.isArray(row) || row.length !== p))
      throw new PathlabError(`${what} must be square: row ${i + 1} has ${Array.isArray(row) ? row.length : 0} entries but there are ${p} rows.`, {
        hint: "Give the full matrix, or the lower triangle with the diagonal (row i holding i entries, 1-based).",
        code: "simulate.not-square",
      });
    out.push(new Array<number>(p));
  }
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      const v = lower ? (j <= i ? m[i][j] : m[j][i]) : m[i][j];
      if (typeof v !== "number" || !Number.isFinite(v))
        throw new PathlabError(`${what}[${i + 1},${j + 1}] is ${String(v)}, not a finite number.`, {
          hint: "Check the table for a missing or mistyped entry.",
          code: "simulate.bad-matrix",
        });
      out[i][j] = v;
    }
  if (!lower) {
    for (let i = 0; i < p; i++)
      for (let j = 0; j < i; j++) {
        const a = out[i][j];
        const b = out[j][i];
        if (Math.abs(a - b) > 1e-8 * Math.max(1, Math.abs(a), Math.abs(b)))
          throw new PathlabError(`${what} is not symmetric: [${i + 1},${j + 1}] = ${fmt(a)} but [${j + 1},${i + 1}] = ${fmt(b)}.`, {
            hint: "Check the table for a typo, or give only its lower triangle.",
            code: "simulate.not-symmetric",
          });
        out[i][j] = out[j][i] = (a + b) / 2;
      }
  }
  return out;
}

/** Checks a correlation matrix: unit diagonal and entries in [−1, 1]. */
export function checkCorrelation(R: number[][], what: string, names?: string[]): void {
  const label = (i: number) => (names ? names[i] : String(i + 1));
  for (let i = 0; i < R.length; i++) {
    if (Math.abs(R[i][i] - 1) > 1e-12)
      throw new PathlabError(`${what}[${i + 1},${i + 1}] (${label(i)}) is ${fmt(R[i][i])}; a correlation matrix has 1 on its diagonal.`, {
        hint: "Pass SDs separately (sds / mean and sd options); the matrix itself must hold correlations.",
        code: "simulate.bad-correlation",
      });
    for (let j = 0; j < i; j++)
      if (Math.abs(R[i][j]) > 1)
        throw new PathlabError(`${what}: r(${label(i)}, ${label(j)}) = ${fmt(R[i][j])} lies outside [−1, 1].`, {
          hint: "Check the table for a typo; SDs go in their own option, not in the matrix.",
          code: "simulate.bad-correlation",
        });
  }
}

/**
 * Throws when a covariance or correlation matrix is not positive definite, giving its smallest
 * eigenvalue (an exact simulation needs a matrix some data could have).
 */
export function requirePositiveDefinite(S: number[][], what: string, isCorrelation: boolean): void {
  if (choleskyLower(S)) return;
  const { values } = eigenSym(S);
  const smallest = values[values.length - 1];
  throw new PathlabError(`${what} is not positive definite (smallest eigenvalue ${String(Number(smallest.toPrecision(4)))}).`, {
    hint: isCorrelation
      ? "Published correlations rounded to two decimals can be mutually inconsistent. Check the table for a typo; " +
        "if it is as printed, repair it explicitly with nearestPD(cor, { corr: true }) and report how far it moved."
      : "Check the matrix for a typo; to repair it explicitly, use nearestPD(cov) and report how far it moved.",
    code: "simulate.not-positive-definite",
  });
}

/** Throws unless `v` is an array of `p` finite numbers. */
export function checkVector(v: ReadonlyArray<number>, p: number, what: string, against: string): number[] {
  if (!Array.isArray(v) || v.length !== p)
    throw new PathlabError(`${what} has ${Array.isArray(v) ? v.length : 0} entries but ${against} has ${p}.`, {
      hint: "Give one value per variable, in the same order as the matrix.",
      code: "simulate.dimension-mismatch",
    });
  v.forEach((x, i) => {
    if (typeof x !== "number" || !Number.isFinite(x))
      throw new PathlabError(`${what}[${i + 1}] is ${String(x)}, not a finite number.`, {
        hint: "Check the table for a missing or mistyped entry.",
        code: "simulate.bad-input",
      });
  });
  return [...v];
}

/** Throws unless n is an integer above `min`. */
export function checkN(n: number, min: number, why: string): void {
  if (!Number.isInteger(n) || n < 1)
    throw new PathlabError(`n must be a positive integer, got ${String(n)}.`, {
      hint: "n is the number of rows to simulate, e.g. the paper's sample size.",
      code: "simulate.bad-n",
    });
  if (n <= min)
    throw new PathlabError(`n = ${n} is too small: ${why} needs n > ${min}.`, {
      hint: `Use n ≥ ${min + 1} (papers' samples are usually far larger).`,
      code: "simulate.too-few-cases",
    });
}

/** Default variable names V1…Vp (as R names mvrnorm's columns when Sigma has none). */
export function defaultNames(p: number): string[] {
  return Array.from({ length: p }, (_, i) => `V${i + 1}`);
}

/** Throws on duplicate or non-string names, or a count that does not match. */
export function checkNames(names: ReadonlyArray<string>, p: number, what: string): string[] {
  if (!Array.isArray(names) || names.length !== p)
    throw new PathlabError(`${what} has ${Array.isArray(names) ? names.length : 0} names but the matrix has ${p} rows.`, {
      hint: "Give one name per row of the matrix, in its order.",
      code: "simulate.dimension-mismatch",
    });
  const seen = new Set<string>();
  for (const nm of names) {
    if (typeof nm !== "string" || nm === "")
      throw new PathlabError(`${what} contains an empty or non-string name.`, {
        hint: "Name every variable with a non-empty string.",
        code: "simulate.bad-name",
      });
    if (seen.has(nm)) throw new PathlabError(`${what} names "${nm}" twice.`, { hint: "Column names must be unique.", code: "simulate.duplicate-name" });
    seen.add(nm);
  }
  return [...names];
}

/** A seed (integer in [0, 2³²)) or a generator; the seed's range is checked by `seedOf`. */
export const SEED_OR_RNG: CustomSpec = {
  kind: "custom",
  check: (v) => (v instanceof Rng || typeof v === "number" ? undefined : `must be a seed (an integer from 0 to 4294967295) or an Rng; got ${describeValue(v)}`),
  expected: "a whole number such as 2024, or an Rng",
};

/** Anything; the simulator checks the value itself and names what is wrong. */
export const ANY: CustomSpec = { kind: "custom" };

/** The seed a simulator was given: required, an integer in [0, 2³²) or an Rng. */
export function seedOf(fn: string, seed: unknown): number | Rng {
  if (seed === undefined) {
    throw new PathlabError(`${fn}() needs a seed, so that the simulated data can be reproduced.`, {
      hint: "Add seed: <a whole number>, e.g. seed: 2024.",
      code: "options.missing",
    });
  }
  if (seed instanceof Rng) return seed;
  return checkSeed(seed, `${fn}(): option 'seed'`);
}

/**
 * Checks the keys of each object in `list` (e.g. the terms of an equation) against `specs`, naming
 * the element: an unknown key such as `coeff` for `coef` is an error, never ignored.
 */
export function checkEach(fn: string, what: (i: number) => string, list: unknown, specs: OptionSpecs): void {
  if (!Array.isArray(list)) return;
  list.forEach((el, i) => {
    if (el === null || typeof el !== "object" || Array.isArray(el)) return;
    try {
      checkOptions(fn, el as object, specs);
    } catch (e) {
      if (!(e instanceof PathlabError)) throw e;
      throw new PathlabError(e.message.replace(`${fn}(): `, `${fn}(): ${what(i)}: `), { hint: e.hint, code: e.code });
    }
  });
}
