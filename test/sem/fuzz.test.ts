/**
 * Issue 12 ("tests that keep it this way"): a seeded 2,000-case slice of the model-syntax fuzz
 * (test/sem/fuzz-harness.ts; `npm run fuzz` runs 10,000) must give 0 generic JS errors, 0 silent
 * NaN and 0 hangs. Before the fix the same slice had stack overflows (deep parentheses, long :=),
 * silent NaN/Infinity (undefined defined parameters, overflowing fixed values) and a hang (a
 * fixed variance of 1e-300 sent the RMSEA interval into an endless noncentral-χ² sum).
 */
import { expect } from "chai";
import { BAD, formatCounts, generateCases, runFuzz } from "./fuzz-harness";

describe("sem: model-syntax fuzz, 2,000 seeded cases @slow", function () {
  this.timeout(600000);
  it("0 generic JS errors, 0 silent NaN, 0 hangs", async () => {
    const cases = generateCases(12, 2000);
    const report = await runFuzz(cases, { timeoutMs: 10000 });
    process.stdout.write(formatCounts(report, cases.length).replace(/^/gm, "      ") + "\n");
    const total = Object.values(report.counts).reduce((a, b) => a + b, 0);
    expect(total).to.equal(2000);
    for (const o of BAD) expect(report.counts[o], `${o}: ${JSON.stringify(report.bad.slice(0, 3))}`).to.equal(0);
    // The slice exercises both sides: errors and real fits.
    expect(report.counts["pathlab-error"]).to.be.above(100);
    expect(report.counts["fit-finite"]).to.be.above(100);
  });
});
