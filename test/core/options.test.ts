import { expect } from "chai";
import { checkOptions, checkSeed } from "../../src/options";
import { PathlabError } from "../../src/errors";

function errorOf(f: () => unknown): PathlabError {
  try {
    f();
  } catch (e) {
    expect(e).to.be.instanceOf(PathlabError);
    return e as PathlabError;
  }
  throw new Error("expected a PathlabError");
}

describe("checkOptions", () => {
  const specs = {
    hc: { kind: "enum" as const, values: ["HC0", "HC1", "HC3"], caseInsensitive: true },
    stdLv: { kind: "boolean" as const, aliases: ["std.lv"] },
    level: { kind: "number" as const, min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, rangeHint: "Write 0.95 for a 95% interval." },
    estimator: { kind: "enum" as const, values: ["ML"], caseInsensitive: true, unsupportedValues: { MLR: "robust ML comes later" } },
    group: { kind: "string" as const, unsupported: "multiple groups are not implemented" },
    seed: { kind: "seed" as const },
  };

  it("folds dotted spellings and case-insensitive values to canonical ones", () => {
    const o = checkOptions<{ hc?: string; stdLv?: boolean }>("f", { hc: "hc3", "std.lv": true } as object, specs);
    expect(o).to.deep.equal({ hc: "HC3", stdLv: true });
  });

  it("rejects unknown names with a suggestion and the valid list", () => {
    const e = errorOf(() => checkOptions("f", { stdlv: true }, specs));
    expect(e.code).to.equal("options.unknown");
    expect(e.hint).to.contain("stdLv");
  });

  it("rejects values outside the enum, listing the valid ones", () => {
    const e = errorOf(() => checkOptions("f", { hc: "HC9" }, specs));
    expect(e.message).to.contain("HC0, HC1, HC3");
  });

  it("reports known but unsupported options and values", () => {
    expect(errorOf(() => checkOptions("f", { group: "school" }, specs)).code).to.equal("options.unsupported");
    expect(errorOf(() => checkOptions("f", { estimator: "mlr" }, specs)).code).to.equal("options.unsupported");
  });

  it("range errors say what to write", () => {
    const e = errorOf(() => checkOptions("f", { level: 95 }, specs));
    expect(e.hint).to.contain("0.95");
  });

  it("rejects the same option under two spellings", () => {
    expect(errorOf(() => checkOptions("f", { stdLv: true, "std.lv": false }, specs)).code).to.equal("options.duplicate");
  });

  it("R arguments at their default (or a value that changes nothing) are accepted; other values are unsupported", () => {
    const fixed = {
      plot: { kind: "fixed" as const, value: false, otherwise: "pathlab draws figures with .plot()." },
      method: { kind: "fixed" as const, value: "pearson", otherwise: "only Pearson correlations." },
    };
    expect(checkOptions("f", { plot: false, method: "Pearson" }, fixed)).to.deep.equal({ plot: false, method: "Pearson" });
    const e = errorOf(() => checkOptions("f", { method: "spearman" }, fixed));
    expect(e.code).to.equal("options.unsupported");
    expect(e.message).to.contain("only Pearson");
  });

  it("seeds are integers in [0, 2^32)", () => {
    expect(checkSeed(0)).to.equal(0);
    expect(checkSeed(4294967295)).to.equal(4294967295);
    for (const bad of [1.5, -1, 2 ** 32, NaN, "1"]) expect(() => checkSeed(bad)).to.throw(PathlabError);
  });
});
