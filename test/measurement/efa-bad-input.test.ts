/**
 * Bad inputs to the psych-depth functions (issue 17) and to the older measurement functions
 * (issue 12 item 6): each is a PathlabError naming the variable, cell or option with a hint, or —
 * where psych carries on with a warning (a Heywood case, a singular matrix) — a warning on the result.
 */
import { expect } from "chai";
import { isPathlabError } from "../../src/errors";
import {
  fa,
  faParallel,
  omega,
  vss,
  cronbachAlpha,
  scoreItems,
  corrTest,
  htmt,
  harmanSingleFactor,
  reliabilityTable,
  compRelSEM,
  markerVariableAdjustment,
  parseKeyedItems,
} from "../../src/measurement";
import { bfi, BFI_ITEMS } from "./bfi";

function errorOf(f: () => unknown): Error & { hint?: string; code?: string } {
  try {
    f();
  } catch (e) {
    expect(isPathlabError(e), `expected a PathlabError, got ${String(e)}`).to.equal(true);
    return e as Error & { hint?: string; code?: string };
  }
  throw new Error("expected an error, none was thrown");
}

const R3 = [
  [1, 0.5, 0.4],
  [0.5, 1, 0.3],
  [0.4, 0.3, 1],
];

describe("bad input to fa, faParallel, omega, alpha keys, scoreItems, corrTest, compRelSEM (issue 17)", () => {
  const d = bfi();

  it("more factors than the variables allow", () => {
    const e = errorOf(() => fa({ cor: R3, n: 100 }, { nfactors: 3 }));
    expect(e.code).to.equal("efa.too-many-factors");
    expect(e.hint).to.contain("at most 2");
    expect(errorOf(() => omega({ cor: R3, n: 100 })).code).to.equal("efa.too-many-factors");
    expect(errorOf(() => fa({ cor: R3, n: 100 }, { nfactors: 1.5 })).message).to.contain("whole number");
    // 2 factors from 3 variables is fitted but has negative df: a warning says so
    expect(fa({ cor: R3, n: 100 }, { nfactors: 2 }).warnings.map((w) => w.code)).to.include("efa.negative-df");
  });

  it("a singular correlation matrix gives a warning naming the variables (psych smooths it)", () => {
    const data = { a: [1, 2, 3, 4, 5, 6, 2, 3], b: [2, 1, 4, 3, 6, 5, 3, 3], c: [0, 0, 0, 0, 0, 0, 0, 0] };
    data.c = data.a.map((v, i) => v + data.b[i]);
    const f = fa(data, ["a", "b", "c"], { nfactors: 1 });
    const w = f.warnings.find((x) => x.code === "efa.singular");
    expect(w, "singular warning").to.not.equal(undefined);
    expect(w!.message).to.contain("not positive definite");
    expect(w!.message).to.match(/a|b|c/);
  });

  it("a Heywood case is a warning on the result", () => {
    // one factor for three variables with r12 r13 / r23 > 1: the first loading would exceed 1
    const R = [
      [1, 0.8, 0.8, 0.4],
      [0.8, 1, 0.5, 0.3],
      [0.8, 0.5, 1, 0.3],
      [0.4, 0.3, 0.3, 1],
    ];
    for (const fm of ["minres", "ml"] as const) {
      const f = fa({ cor: R, n: 200 }, { nfactors: 1, fm });
      const w = f.warnings
        .filter((x) => x.code === "efa.heywood")
        .map((x) => x.message)
        .join(" ");
      expect(w, fm).to.contain("V1");
    }
  });

  it("unknown and unsupported rotations and methods list what to write", () => {
    const e = errorOf(() => fa(d, BFI_ITEMS, { nfactors: 5, rotate: "obliminn" as never }));
    expect(e.code).to.equal("options.bad-value");
    expect(e.hint).to.contain("oblimin, quartimin, geominQ, bentlerQ");
    expect(errorOf(() => fa(d, BFI_ITEMS, { rotate: "varimin" as never })).code).to.equal("options.unsupported");
    expect(errorOf(() => fa(d, BFI_ITEMS, { rotate: "target" as never })).message).to.contain("targetQ");
    expect(errorOf(() => fa(d, BFI_ITEMS, { fm: "minrank" as never })).code).to.equal("options.unsupported");
    expect(errorOf(() => fa(d, BFI_ITEMS, { fm: "pc" as never })).message).to.contain("principal()");
    expect(errorOf(() => fa(d, BFI_ITEMS, { nfactor: 5 } as never)).hint).to.contain("nfactors");
    expect(errorOf(() => fa(d, BFI_ITEMS, { scores: "components" } as never)).code).to.equal("options.unsupported");
    expect(errorOf(() => fa(d, BFI_ITEMS, { covar: true } as never)).code).to.equal("options.unsupported");
    expect(errorOf(() => fa(d, BFI_ITEMS, { cor: "poly" } as never)).code).to.equal("options.unsupported");
    expect(errorOf(() => fa(d, BFI_ITEMS, { "n.iter": 10 } as never)).code).to.equal("options.unsupported");
    expect(errorOf(() => fa({ cor: R3, n: 100 }, { nfactors: 2, rotate: "promax", nRotations: 5 })).message).to.contain("closed form");
    expect(errorOf(() => fa({ cor: R3, n: 100 }, { nfactors: 2, rotate: "targetQ" })).message).to.contain("target matrix");
    // R's defaults are accepted
    expect(
      fa(d, BFI_ITEMS, {
        nfactors: 5,
        scores: "regression",
        covar: false,
        cor: "cor",
        "n.iter": 1,
        warnings: false,
        missing: false,
        "oblique.scores": false,
      } as never).nfactors,
    ).to.equal(5);
    expect(fa(d, BFI_ITEMS, { nfactors: 5, rotate: "quartimin" }).rotation).to.equal("quartimin");
  });

  it("matrices that are not correlation matrices name the cell", () => {
    const bad = [
      [1, 1.5, 0.2],
      [1.5, 1, 0.3],
      [0.2, 0.3, 1],
    ];
    expect(errorOf(() => fa({ cor: bad, names: ["x", "y", "z"], n: 50 })).message).to.contain('"y" and "x" is 1.5');
    const asym = R3.map((r) => r.slice());
    asym[0][1] = 0.9;
    expect(errorOf(() => fa({ cor: asym, n: 50 })).message).to.contain("not symmetric");
    expect(errorOf(() => fa({ cor: R3, names: ["a", "b"], n: 50 })).code).to.equal("efa.dimension-mismatch");
    expect(errorOf(() => fa({ cor: R3, n: 1.5 })).code).to.equal("efa.bad-n");
    expect(errorOf(() => faParallel({ cor: R3 })).code).to.equal("efa.missing-n");
    expect(errorOf(() => fa(d, ["A1", "A2", "Z9"])).message).to.contain('Unknown variable "Z9"');
    expect(errorOf(() => fa({ q1: [1, 2, 3, 4], q2: [2, 2, 2, 2], q3: [1, 3, 2, 4] })).message).to.contain('"q2" has zero variance');
    expect(errorOf(() => vss(d, BFI_ITEMS, { n: 0 })).code).to.equal("options.bad-value");
  });

  it("a key naming no column, a key that is no item, keys of the wrong length", () => {
    expect(errorOf(() => cronbachAlpha(d, ["-Z9", "A2", "A3"])).message).to.contain('Unknown variable "Z9"');
    const e = errorOf(() => cronbachAlpha(d, ["A1", "A2", "A3"], { keys: ["C4"] }));
    expect(e.code).to.equal("measurement.unknown-key");
    expect(e.message).to.contain('"C4"');
    expect(errorOf(() => cronbachAlpha(d, ["A1", "A2", "A3"], { keys: [1, -1] })).message).to.contain("2 values for 3 items");
    expect(errorOf(() => cronbachAlpha(d, ["A1", "A2", "A3"], { keys: [1, 2, 1] })).message).to.contain("keys are 1 or −1");
    expect(errorOf(() => scoreItems(d, { agree: ["-A1", "A2", "AX"] })).message).to.contain('"AX"');
    expect(errorOf(() => scoreItems(d, { agree: ["A1"] })).message).to.contain("at least 2");
    expect(errorOf(() => parseKeyedItems(["A1", "-A1"])).message).to.contain("listed twice");
    expect(errorOf(() => cronbachAlpha(d, ["A1", "A2"], { use: "listwise" as never })).hint).to.contain("pairwise, complete");
  });

  it("corrTest and compRelSEM validate their inputs", () => {
    expect(errorOf(() => corrTest(d, ["A1"])).code).to.equal("measurement.too-few-variables");
    expect(errorOf(() => corrTest(d, ["A1", "A2"], { adjust: "sidak" as never })).code).to.equal("options.bad-value");
    expect(errorOf(() => corrTest({ a: [1, 2, 3, 4], b: [1, 1, 1, 1] }, ["a", "b"])).message).to.contain('"b" and "a"');
    expect(errorOf(() => compRelSEM({} as never)).code).to.equal("measurement.bad-fit");
  });
});

describe("option validation and matrix checks for the older measurement functions (issue 12 item 6)", () => {
  const data = { q1: [1, 2, 3, 4, 5], q2: [2, 2, 4, 4, 5], q3: [1, 3, 3, 5, 4], q4: [2, 3, 3, 5, 5] };

  it("an HTMT matrix with r = 1.5 is an error naming the cell", () => {
    const cor = [
      [1, 1.5, 0.3, 0.2],
      [1.5, 1, 0.2, 0.3],
      [0.3, 0.2, 1, 0.5],
      [0.2, 0.3, 0.5, 1],
    ];
    const e = errorOf(() => htmt({ cor, names: ["a1", "a2", "b1", "b2"] }, { A: ["a1", "a2"], B: ["b1", "b2"] }));
    expect(e.message).to.contain('"a2" and "a1" is 1.5');
    expect(e.message).to.contain("[a2, a1]");
    const cov = [
      [1, 3, 0.3, 0.2],
      [3, 4, 0.2, 0.3],
      [0.3, 0.2, 1, 0.5],
      [0.2, 0.3, 0.5, 1],
    ];
    expect(errorOf(() => htmt({ cov, names: ["a1", "a2", "b1", "b2"] }, { A: ["a1", "a2"], B: ["b1", "b2"] })).message).to.contain("outside [−1, 1]");
    const nan = cor.map((r) => r.slice());
    nan[0][1] = 0.4;
    nan[1][0] = NaN;
    expect(errorOf(() => htmt({ cor: nan, names: ["a1", "a2", "b1", "b2"] }, { A: ["a1", "a2"], B: ["b1", "b2"] })).message).to.contain("[a2, a1] is NaN");
  });

  it("unknown options and bad values are errors for cronbachAlpha, htmt, harmanSingleFactor, reliabilityTable", () => {
    expect(errorOf(() => cronbachAlpha(data, ["q1", "q2"], { keyss: [1, 1] } as never)).code).to.equal("options.unknown");
    expect(errorOf(() => htmt(data, { a: ["q1", "q2"], b: ["q3", "q4"] }, { thresold: 0.9 } as never)).hint).to.contain("threshold");
    expect(errorOf(() => htmt(data, { a: ["q1", "q2"], b: ["q3", "q4"] }, { threshold: 85 })).code).to.equal("options.bad-value");
    expect(errorOf(() => harmanSingleFactor(data, ["q1", "q2", "q3"], { method: "paf", maxIter: 0 })).code).to.equal("options.bad-value");
    expect(errorOf(() => harmanSingleFactor(data, ["q1", "q2", "q3"], { rotate: "none" } as never)).code).to.equal("options.unknown");
    expect(errorOf(() => reliabilityTable(data, { a: ["q1", "q2"] }, { a: [0.7, 0.8] }, { misssing: [9] } as never)).code).to.equal("options.unknown");
    expect(errorOf(() => reliabilityTable(data, { a: ["q1", "q2"] }, { b: [0.7, 0.8] })).message).to.contain('"b"');
    expect(errorOf(() => markerVariableAdjustment([0.3] as never, 0.1, 100)).code).to.equal("measurement.bad-correlation");
    expect(harmanSingleFactor(data, ["q1", "q2", "q3"], { method: "pa" as never }).method).to.equal("paf");
  });
});
