/**
 * Seeded fuzzing of lavaan model syntax (issue 12, "tests that keep it this way").
 *
 * Cases are mutations of valid lavaan models — token deletion, duplication and swaps, random
 * operators, unicode, very long names, deep nesting, huge numbers, data-column names as factors,
 * 10,000-term definitions — fitted to the Holzinger–Swineford items (raw data or moments). Each case
 * runs in a worker thread under a watchdog, and its outcome is classified:
 *
 *   good: `pathlab-error` (a PathlabError), `fit-finite` (every shown number finite), `fit-warned-nan`
 *         (a non-finite number the fit warns about: an undefined defined parameter, a Heywood case's
 *         standardised value, a non-converged fit's missing SEs, a saturated model's p);
 *   bad:  `js-error` (any other exception), `silent-nan` (a non-finite number without a warning),
 *         `hang` (over the time limit).
 *
 * `npm run fuzz` runs 10,000 cases (test/sem/fuzz-run.ts); test/sem/fuzz.test.ts runs a 2,000-case slice.
 */
import * as fs from "fs";
import * as path from "path";
import { Worker } from "worker_threads";
import { Rng } from "../../src/simulate/rng";

export type Outcome = "pathlab-error" | "fit-finite" | "fit-warned-nan" | "js-error" | "silent-nan" | "hang";
export const GOOD: Outcome[] = ["pathlab-error", "fit-finite", "fit-warned-nan"];
export const BAD: Outcome[] = ["js-error", "silent-nan", "hang"];

export interface FuzzCase {
  id: number;
  /** The mutations applied, e.g. "delete+unicode". */
  kind: string;
  fn: "cfa" | "sem";
  model: string;
  input: "raw" | "moments";
}

export interface CaseResult {
  id: number;
  outcome: Outcome;
  detail: string;
  ms: number;
}

const SEEDS: { fn: "cfa" | "sem"; model: string }[] = [
  { fn: "cfa", model: "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9" },
  { fn: "cfa", model: "visual =~ x1 + a*x2 + a*x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\nx1 ~~ x4" },
  { fn: "cfa", model: "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\ng =~ visual + textual + speed" },
  { fn: "sem", model: "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nvisual ~ sex + ageyr\ntextual ~ a*visual + ageyr" },
  { fn: "sem", model: "x4 ~ a*x1 + x2 + ageyr\nx7 ~ b*x4 + c*x1 + sex\nind := a*b\ntotal := c + a*b" },
  { fn: "sem", model: "f =~ x1 + x2 + x3\ng =~ x4 + x5 + x6\ng ~ b*f\nx1 ~ 1\nf ~~ 1*f\nq := sqrt(b^2) + exp(-1*b) / 2" },
  { fn: "cfa", model: 'visual =~ NA*x1 + start(0.5)*x2 + label("l3")*x3\nvisual ~~ 1*visual\ntextual =~ x4 + 0.8?x5 + x6\nx5 ~~ x6' },
  { fn: "sem", model: "# comment\nf =~ x1 + x2 +\n     x3 ! more\nx9 ~ f; x8 ~ f + x9\nx8 ~~ 0*x8 + x7" },
  { fn: "cfa", model: "visual =~ x1 + b1*x2 + b2*x3\ntextual =~ x4 + x5 + x6\nb1 == b2\nx1 ~ 1\nd := b1 - b2" },
  { fn: "sem", model: "x4 ~ x1 + x2\nx5 ~ x4\nx6 ~ x5 + x4" },
];

const OPERATORS = [
  "=~",
  "~",
  "~~",
  ":=",
  "==",
  "<",
  ">",
  "*",
  "+",
  "-",
  "/",
  "^",
  "(",
  ")",
  "?",
  ";",
  "\n",
  "#",
  "!",
  "<~",
  ",",
  "1",
  "0",
  "NA",
  "'",
  '"',
  "|",
  "%",
  "@",
  "\\",
  "~*~",
  "=",
  ".",
];
const UNICODE = ["é", "ß", "中文", "😀", "\u200b", "\u202e", "\u00a0", "a\u0301", "Ω", "−", "×", "\ufeff", "\t", "\r", "Ｘ", "ｘ1", "\u0000"];
const NUMBERS = [
  "1e308",
  "1e400",
  "-1e400",
  "1e-320",
  "NaN",
  "Infinity",
  "Inf",
  "-Inf",
  "NA",
  "0",
  "-0",
  "1e-300",
  "123456789012345678901234567890",
  "0x10",
  "1.5e+30",
  "9007199254740993",
  ".5",
  "5.",
  "1e",
  "1e+",
];
const NAMES = [
  "x1",
  "x4",
  "x9",
  "sex",
  "ageyr",
  "visual",
  "textual",
  "speed",
  "y",
  "f",
  "g",
  "a",
  "b",
  "ind",
  "NaN",
  "Infinity",
  "TRUE",
  "NULL",
  "start",
  "label",
  "equal",
  "c",
  "sqrt",
  "exp",
  "log",
  "abs",
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "prototype",
];

function tokenize(s: string): string[] {
  return s.match(/[A-Za-z_.][A-Za-z0-9_.]*|\d+\.?\d*(?:[eE][+-]?\d+)?|=~|~~|:=|==|<~|\s+|[^\sA-Za-z0-9_.]/g) ?? [];
}

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[r.int(xs.length)];

/** One mutation of the token list; returns its name. */
function mutate(r: Rng, toks: string[]): string {
  const k = toks.length ? r.int(toks.length) : 0;
  switch (r.int(12)) {
    case 0:
      toks.splice(k, 1);
      return "delete";
    case 1:
      toks.splice(k, 0, toks[k] ?? "x1");
      return "duplicate";
    case 2: {
      const j = toks.length ? r.int(toks.length) : 0;
      [toks[k], toks[j]] = [toks[j], toks[k]];
      return "swap";
    }
    case 3:
      toks.splice(k, r.int(2), pick(r, OPERATORS));
      return "operator";
    case 4:
      toks.splice(k, r.int(2), pick(r, UNICODE));
      return "unicode";
    case 5:
      toks.splice(k, 1, "v".repeat(1 + r.int(20000)));
      return "long-name";
    case 6: {
      const depth = pick(r, [10, 100, 1000, 5000, 20000]);
      const open = pick(r, ["(", "-", "+", "sqrt(", "-("]);
      const close = open.includes("(") ? ")" : "";
      toks.push(`\nd${r.int(9)} := ${open.repeat(depth)}a${close.repeat(depth)}`);
      return "deep-nesting";
    }
    case 7:
      toks.splice(k, 0, `${pick(r, NUMBERS)}*`);
      return "huge-number";
    case 8: {
      const nums = toks.map((t, i) => (/^\d/.test(t) ? i : -1)).filter((i) => i >= 0);
      if (nums.length) toks[pick(r, nums)] = pick(r, NUMBERS);
      else toks.push(`\nx1 ~~ ${pick(r, NUMBERS)}*x1`);
      return "number";
    }
    case 9: {
      const names = toks.map((t, i) => (/^[A-Za-z]/.test(t) ? i : -1)).filter((i) => i >= 0);
      if (names.length) toks[pick(r, names)] = pick(r, NAMES);
      return "rename";
    }
    case 10: {
      const n = pick(r, [100, 1000, 10000]);
      toks.push(`\nbig := ${Array.from({ length: n }, () => "a").join(pick(r, [" + ", "*", " - ", "/", "^"]))}`);
      return "long-definition";
    }
    default:
      toks.splice(k, 0, pick(r, ["\n", ";", " ", "\n\n", "+\n"]));
      return "whitespace";
  }
}

/** The `count` cases of the stream `seed` (deterministic: same seed, same cases). */
export function generateCases(seed: number, count: number, first = 0): FuzzCase[] {
  const out: FuzzCase[] = [];
  for (let id = first; id < first + count; id++) {
    // One generator per case, so a slice reproduces the same cases as the full run.
    const r = new Rng((seed * 1000003 + id) >>> 0);
    const base = pick(r, SEEDS);
    const toks = tokenize(base.model);
    const kinds: string[] = [];
    const nMut = 1 + r.int(3);
    for (let m = 0; m < nMut; m++) kinds.push(mutate(r, toks));
    out.push({ id, kind: kinds.join("+"), fn: base.fn, model: toks.join(""), input: r.int(5) === 0 ? "moments" : "raw" });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Running one case (inside the worker).

interface FitLike {
  converged: boolean;
  warnings: { code: string; message: string }[];
  parameterEstimates(o?: object): { rows: Record<string, unknown>[] };
  standardizedSolution(o?: object): { rows: Record<string, unknown>[] };
  fitMeasures(): { toObject(): Record<string, number> };
  summary(): string;
  toHTML(): string;
}

/** Classifies one case. `api` is the pathlab SEM module, `data` the HS rows. */
export function classify(
  c: FuzzCase,
  api: { cfa: (model: string, input: object) => unknown; sem: (model: string, input: object) => unknown },
  data: Record<string, number>[],
  moments: object,
): { outcome: Outcome; detail: string } {
  let fit: FitLike;
  const isPathlab = (e: unknown) => e instanceof Error && e.name === "PathlabError";
  try {
    fit = (c.fn === "cfa" ? api.cfa : api.sem)(c.model, c.input === "raw" ? data : moments) as FitLike;
  } catch (e) {
    return isPathlab(e)
      ? { outcome: "pathlab-error", detail: (e as Error).message.slice(0, 120) }
      : { outcome: "js-error", detail: String((e as Error)?.stack ?? e).slice(0, 400) };
  }
  try {
    const rows = fit.parameterEstimates({ standardized: fit.converged }).rows;
    // Read after the standardized values exist: their warnings are added when they are computed.
    const codes = new Set(fit.warnings.map((w) => w.code.replace(/^sem-/, "sem.")));
    const warnedNaN =
      !fit.converged || ["sem.defined-undefined", "sem.heywood", "sem.lv-not-pd", "sem.theta-not-pd", "sem.std-undefined"].some((w) => codes.has(w));
    const bad: string[] = [];
    let warned = false;
    for (const r of rows) {
      for (const k of ["est", "se", "z", "pvalue", "ci_lower", "ci_upper", "std_lv", "std_all"]) {
        const v = r[k];
        if (typeof v !== "number" || Number.isFinite(v)) continue;
        const fixedRow = (r.free as number) === 0 && r.op !== ":=";
        if (fixedRow && ["z", "pvalue"].includes(k)) continue; // fixed parameters have no test, as lavaan
        if (r.se === 0 && ["z", "pvalue"].includes(k)) continue; // a constant (e.g. b1 − b2 under b1 == b2): no test, as lavaan
        if (warnedNaN) warned = true;
        else bad.push(`${String(r.lhs).slice(0, 40)}${r.op}${String(r.rhs).slice(0, 40)} ${k}=${v}`);
      }
    }
    if (fit.converged) {
      let fm: Record<string, number> | undefined;
      try {
        fm = fit.fitMeasures().toObject();
      } catch (e) {
        if (!isPathlab(e)) throw e;
      }
      for (const [k, v] of Object.entries(fm ?? {})) {
        if (Number.isFinite(v)) continue;
        if (fm!.df === 0 && ["pvalue", "rmsea.pvalue"].includes(k)) continue; // not applicable, shown as NA
        bad.push(`${k}=${v}`);
      }
    }
    fit.summary();
    fit.toHTML();
    if (bad.length) return { outcome: "silent-nan", detail: bad.slice(0, 4).join("; ") };
    return { outcome: warned ? "fit-warned-nan" : "fit-finite", detail: "" };
  } catch (e) {
    return isPathlab(e)
      ? { outcome: "pathlab-error", detail: `after fit: ${(e as Error).message.slice(0, 120)}` }
      : { outcome: "js-error", detail: String((e as Error)?.stack ?? e).slice(0, 400) };
  }
}

/** The HS data (raw rows) and its moments, as the worker uses them. */
export function fuzzData(): { data: Record<string, number>[]; moments: { cov: number[][]; means: number[]; n: number; names: string[] } } {
  const lines = fs
    .readFileSync(path.join(__dirname, "..", "goldens", "sem-hs-cov.csv"), "utf8")
    .trim()
    .split(/\r?\n/);
  const names = lines[0].split(",").map((s) => s.replace(/"/g, ""));
  const data = lines.slice(1).map((l) => {
    const v = l.split(",").map(Number);
    return Object.fromEntries(names.map((k, i) => [k, v[i]]));
  });
  const n = data.length;
  const means = names.map((k) => data.reduce((s, r) => s + r[k], 0) / n);
  const cov = names.map((a, i) => names.map((b, j) => data.reduce((s, r) => s + (r[a] - means[i]) * (r[b] - means[j]), 0) / (n - 1)));
  return { data, moments: { cov, means, n, names } };
}

// ---------------------------------------------------------------------------------------------
// The watchdog (main thread).

const WORKER_SOURCE = `
const { parentPort, workerData } = require("worker_threads");
require("tsx/cjs");
const h = require(workerData.harness);
const api = require(workerData.api);
const { data, moments } = h.fuzzData();
parentPort.on("message", (c) => {
  const t0 = Date.now();
  const r = h.classify(c, api, data, moments);
  parentPort.postMessage({ id: c.id, outcome: r.outcome, detail: r.detail, ms: Date.now() - t0 });
});
parentPort.postMessage("ready");
`;

export interface FuzzReport {
  counts: Record<Outcome, number>;
  bad: (CaseResult & { kind: string; model: string })[];
  slowest: CaseResult[];
}

/**
 * Runs the cases one at a time in a worker; a case over `timeoutMs` is a hang (the worker is
 * terminated and replaced). `api` is the module path of the SEM functions (src or a checkout).
 */
export async function runFuzz(cases: FuzzCase[], opts: { timeoutMs?: number; api?: string; onProgress?: (done: number) => void } = {}): Promise<FuzzReport> {
  const timeoutMs = opts.timeoutMs ?? 10000;
  const api = opts.api ?? path.join(__dirname, "..", "..", "src", "sem", "index.ts");
  const counts = Object.fromEntries([...GOOD, ...BAD].map((o) => [o, 0])) as Record<Outcome, number>;
  const bad: FuzzReport["bad"] = [];
  const results: CaseResult[] = [];
  let worker: Worker | undefined;
  const start = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { harness: __filename, api } });
      w.once("message", () => resolve(w));
      w.once("error", reject);
    });
  const runOne = (w: Worker, c: FuzzCase): Promise<CaseResult> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        w.removeAllListeners("message");
        resolve({ id: c.id, outcome: "hang", detail: `over ${timeoutMs} ms`, ms: timeoutMs });
      }, timeoutMs);
      w.once("message", (m: CaseResult) => {
        clearTimeout(timer);
        resolve(m);
      });
      w.once("error", (e) => {
        clearTimeout(timer);
        w.removeAllListeners("message");
        resolve({ id: c.id, outcome: "js-error", detail: `worker crashed: ${String(e).slice(0, 300)}`, ms: 0 });
      });
      w.postMessage(c);
    });
  try {
    for (let i = 0; i < cases.length; i++) {
      worker ??= await start();
      const c = cases[i];
      const res = await runOne(worker, c);
      worker.removeAllListeners("error");
      if (res.outcome === "hang" || res.detail.startsWith("worker crashed")) {
        await worker.terminate();
        worker = undefined;
      }
      counts[res.outcome]++;
      results.push(res);
      if (BAD.includes(res.outcome)) bad.push({ ...res, kind: c.kind, model: c.model.length > 300 ? c.model.slice(0, 300) + "…" : c.model });
      opts.onProgress?.(i + 1);
    }
  } finally {
    await worker?.terminate();
  }
  const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 5);
  return { counts, bad, slowest };
}

/** The count table as text. */
export function formatCounts(r: FuzzReport, total: number): string {
  const rows = [...GOOD, ...BAD].map((o) => `  ${(BAD.includes(o) ? "bad  " : "good ") + o.padEnd(16)} ${String(r.counts[o]).padStart(6)}`);
  return [`model-syntax fuzz: ${total} cases`, ...rows, `  slowest: ${r.slowest.map((s) => `#${s.id} ${s.ms} ms`).join(", ")}`].join("\n");
}
