/**
 * Bad-input matrix for the power functions (issue 12): options and path specifications that were
 * ignored (item 2) and seeds that collided (item 8) are errors with a code and a hint.
 */
import { expect } from "chai";
import { badInputMatrix } from "../support/bad-input-matrix";
import { captureDisplay } from "../support/fake-kernel";
import { powerAsync, powerMediation, powerModeratedMediation, powerModeration, regressionPower, regressionSampleSize } from "../../src/power";

const med = { a: 0.3, b: 0.3 };
const o = { n: [50], reps: 20, draws: 200 };
const any = (x: unknown) => x as any;

badInputMatrix("power", [
  {
    name: "seed: 1.5",
    call: () => powerMediation(med, { ...o, seed: 1.5 }),
    code: "options.bad-seed",
    message: /seed' must be an integer from 0 to 4294967295, got 1\.5/,
  },
  { name: "seed: -1", call: () => powerModeration({ b1: 0.2, b2: 0.2, b3: 0.1 }, { ...o, seed: -1 }), code: "options.bad-seed", message: /got -1/ },
  {
    name: "an unknown option",
    call: () => powerMediation(med, any({ ...o, replications: 100 })),
    code: "options.unknown",
    message: /powerMediation\(\): unknown option 'replications'/,
    hint: /reps/,
  },
  { name: "alpha: 5", call: () => powerMediation(med, { ...o, alpha: 5 }), code: "options.bad-value", message: /option 'alpha'/, hint: /0\.05/ },
  {
    name: 'ci: "parametric"',
    call: () => powerMediation(med, any({ ...o, ci: "parametric" })),
    code: "options.bad-value",
    message: /option 'ci' must be one of montecarlo, bootstrap/,
  },
  {
    name: "draws: 10",
    call: () => powerMediation(med, { ...o, draws: 10 }),
    code: "options.bad-value",
    message: /option 'draws' must be a whole number \(≥ 100\)/,
  },
  {
    name: "a sample size below 5",
    call: () => powerModeration({ b1: 0.2, b2: 0.2, b3: 0.1 }, { n: [50, 3] }),
    code: "power.bad-spec",
    message: /Sample size 3 is not an integer ≥ 5/,
  },
  // Item 2: an unknown path (c for cp) was ignored, so the direct effect silently became 0.
  {
    name: "an unknown path name",
    call: () => powerMediation(any({ a: 0.3, b: 0.3, c: 0.2 }), o),
    code: "options.unknown",
    message: /powerMediation\(\): unknown option 'c'/,
    hint: /a, b, cp, mediatorCor, cor/,
  },
  {
    name: "paths and a correlation matrix together",
    call: () =>
      powerMediation(
        {
          a: 0.3,
          b: 0.3,
          cor: [
            [1, 0.3, 0.2],
            [0.3, 1, 0.3],
            [0.2, 0.3, 1],
          ],
        },
        o,
      ),
    code: "power.bad-spec",
    message: /either the paths .* or the correlation matrix cor, not both/,
  },
  {
    name: "a path outside (−1, 1)",
    call: () => powerModeratedMediation({ a1: 0.3, a2: 0.1, a3: 1.5, b: 0.3 }, o),
    code: "power.bad-spec",
    message: /Standardised path "a3" = 1.5/,
  },
  { name: "a missing path", call: () => powerModeration(any({ b1: 0.2, b2: 0.2 }), o), code: "power.bad-spec", message: /Path "b3" must be a finite number/ },
  { name: "powerAsync: threads: 0", call: () => powerAsync("mediation", med, { ...o, threads: 0 }), code: "options.bad-value", message: /option 'threads'/ },
  {
    name: "powerAsync: an unknown model kind",
    call: () => powerAsync(any("mediaton"), med, o),
    code: "power.bad-spec",
    message: /Unknown power model "mediaton"/,
  },
  {
    name: "regressionPower: alpha: 5",
    call: () => regressionPower({ f2: 0.1, n: 100, predictors: 3, alpha: 5 }),
    code: "options.bad-value",
    message: /option 'alpha'/,
    hint: /0\.05/,
  },
  {
    name: "regressionPower: more tested coefficients than predictors",
    call: () => regressionPower({ f2: 0.1, n: 100, predictors: 2, tested: 3 }),
    code: "options.bad-value",
    message: /tested = 3 coefficients but the model has only 2 predictors/,
  },
  {
    name: "regressionPower: an unknown option",
    call: () => regressionPower(any({ f2: 0.1, n: 100, predictors: 2, k: 2 })),
    code: "options.unknown",
    message: /unknown option 'k'/,
  },
  {
    name: "regressionSampleSize: n is what it finds",
    call: () => regressionSampleSize(any({ f2: 0.1, predictors: 2, n: 100 })),
    code: "options.unsupported",
    message: /finds n/,
  },
  {
    name: "regressionSampleSize: power: 80",
    call: () => regressionSampleSize({ f2: 0.1, predictors: 2, power: 80 }),
    code: "options.bad-value",
    message: /option 'power'/,
    hint: /0\.80/,
  },
]);

describe("power: a long run shows a progress bar in a notebook (issue 12, item 8) @slow", function () {
  this.timeout(60000);
  it("powerMediation draws the bar once and updates it in place; a short run draws none", async () => {
    const long = await captureDisplay(() => powerMediation(med, { n: [20], reps: 400, draws: 25000, seed: 1 }));
    expect(long.length).to.be.greaterThan(2);
    expect(long[0].text).to.match(/^Power simulation \(400 replications\) \[\.+\] 0\/400$/);
    expect(long.slice(1).every((m) => m.update && m.id === long[0].id)).to.equal(true);
    expect(long[long.length - 1].text).to.match(/400\/400$/);
    expect(await captureDisplay(() => powerMediation(med, { n: [50], reps: 50, draws: 500 }))).to.have.length(0);
  });
});
