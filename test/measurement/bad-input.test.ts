/** Every bad input the issue lists gets an error naming what is wrong (never a silent NaN). */
import { expect } from "chai";
import { isPathlabError } from "../../src/errors";
import { correlationTable } from "../../src/data/correlation";
import { describe as describeData } from "../../src/data/descriptives";
import { composite, logTransform, reverseCode, standardize } from "../../src/data/scoring";
import {
  averageVarianceExtracted,
  compositeReliability,
  cronbachAlpha,
  fornellLarcker,
  harmanSingleFactor,
  htmt,
  markerVariableAdjustment,
} from "../../src/measurement";

function errorOf(f: () => unknown): Error & { hint?: string; code?: string } {
  try {
    f();
  } catch (e) {
    expect(isPathlabError(e), `expected a PathlabError, got ${String(e)}`).to.equal(true);
    return e as Error;
  }
  throw new Error("expected an error, none was thrown");
}

const data = {
  q1: [1, 2, 3, 4, 5],
  q2: [2, 2, 4, 4, 5],
  q3: [1, 3, 3, 5, 4],
  flat: [3, 3, 3, 3, 3],
  txt: [1, 2, "three", 4, 5],
  inc: [10, 20, 0, 40, 50],
};

describe("bad input", () => {
  it("unknown item name → names the item and suggests close names", () => {
    const e = errorOf(() => cronbachAlpha(data, ["q1", "q2", "Q4"]));
    expect(e.message).to.contain('Unknown variable "Q4"');
    const e2 = errorOf(() => htmt(data, { a: ["q1", "q2"], b: ["q3", "q9"] }));
    expect(e2.message).to.contain('"q9"');
    const e3 = errorOf(() =>
      htmt(
        {
          cov: [
            [1, 0.5],
            [0.5, 1],
          ],
          names: ["q1", "q2"],
        },
        { a: ["q1"], b: ["q5"] },
      ),
    );
    expect(e3.message).to.contain('"q5"');
    expect(errorOf(() => correlationTable(data, ["q1", "qq"])).message).to.contain('"qq"');
    expect(errorOf(() => composite(data, ["q1", "nope"])).message).to.contain('"nope"');
    expect(errorOf(() => harmanSingleFactor(data, ["q1", "zz"])).message).to.contain('"zz"');
    expect(errorOf(() => describeData(data, ["q1", "zz"])).message).to.contain('"zz"');
  });

  it("non-numeric cell → names column, row and value", () => {
    const e = errorOf(() => cronbachAlpha(data, ["q1", "txt"]));
    expect(e.message).to.contain('Column "txt", row 3: value "three" is not a number');
    expect(e.hint).to.contain("missing");
    expect(errorOf(() => correlationTable(data, ["q1", "txt"])).message).to.contain('"three"');
    expect(errorOf(() => describeData(data, ["txt"])).message).to.contain("row 3");
    expect(errorOf(() => standardize(data, "txt")).message).to.contain('Column "txt", row 3');
    expect(errorOf(() => composite(data, ["q1", "txt"])).message).to.contain("row 3");
  });

  it("fewer than 2 items for α", () => {
    expect(errorOf(() => cronbachAlpha(data, ["q1"])).message).to.contain("at least 2 items; got 1 (q1)");
    expect(errorOf(() => cronbachAlpha(data, [])).message).to.contain("got 0");
  });

  it("zero-variance item → names it", () => {
    // psych's delete = TRUE (default) drops a constant item with a warning; delete: false names it
    expect(
      cronbachAlpha(data, ["q1", "q2", "flat"])
        .warnings.map((w) => w.message)
        .join(" "),
    ).to.contain("flat had no variance");
    const e = errorOf(() => cronbachAlpha(data, ["q1", "q2", "flat"], { delete: false }));
    expect(e.message).to.contain('Item "flat" has zero variance');
    expect(errorOf(() => htmt(data, { a: ["q1", "q2"], b: ["q3", "flat"] })).message).to.contain('"flat" has zero variance');
    expect(errorOf(() => harmanSingleFactor({ ...data, q4: [1, 2, 3, 5, 4], q5: [5, 4, 3, 2, 2], q6: [1, 1, 2, 2, 3] }, ["q1", "flat"])).message).to.contain(
      '"flat"',
    );
    expect(errorOf(() => correlationTable(data, ["q1", "flat"])).message).to.contain('"flat" has zero variance');
    expect(errorOf(() => standardize(data, "flat")).message).to.contain('"flat" has zero variance');
  });

  it("non-positive value for log → names the row and value", () => {
    const e = errorOf(() => logTransform(data, "inc"));
    expect(e.message).to.contain('Column "inc", row 3: ln of non-positive value 0');
    expect(errorOf(() => logTransform([5, -2], { base: 10 })).message).to.contain("row 2: log10 of non-positive value -2");
  });

  it("other invalid arguments", () => {
    expect(errorOf(() => reverseCode([1, 9], { min: 1, max: 7 })).message).to.contain("row 2: value 9 is outside the scale 1–7");
    // a Heywood loading gives the Fornell–Larcker formulas' values, as semTools (QA report: reliability on a Heywood case)
    expect(compositeReliability([0.8, 1.2])).to.be.closeTo(4 / (4 + 0.36 - 0.44), 1e-15);
    expect(averageVarianceExtracted([0.8, 1.2])).to.be.closeTo(1.04, 1e-15);
    expect(errorOf(() => averageVarianceExtracted([])).message).to.contain("at least one");
    expect(errorOf(() => fornellLarcker([[1]], [0.5, 0.6], ["a", "b"])).message).to.contain("2 names but 2 AVE values and a 1×1");
    expect(errorOf(() => markerVariableAdjustment(0.3, 1, 100)).message).to.contain("strictly between");
    expect(errorOf(() => markerVariableAdjustment(0.3, 0.1, 3)).message).to.contain("n = 3");
    expect(errorOf(() => htmt(data, { a: ["q1", "q2"] })).message).to.contain("at least two constructs");
    expect(errorOf(() => htmt(data, { a: ["q1", "q2"], b: ["q2", "q3"] })).message).to.contain('"q2" is assigned to more than one construct');
    expect(errorOf(() => harmanSingleFactor(data, ["q1", "q2"], { method: "minres" as never })).message).to.contain("option 'method' must be one of pca, paf");
    expect(errorOf(() => harmanSingleFactor(data, ["q1", "q2"], { method: "ml" as never })).message).to.contain('fm: "ml"');
    expect(errorOf(() => composite(data, ["q1", "q2"], { minItems: 3 })).message).to.contain("minItems must be an integer from 1 to 2");
  });
});
