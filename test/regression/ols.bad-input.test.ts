/**
 * Bad-input matrix for ols() (issue 12, "Tests that keep it this way"). Cases marked with an issue
 * item failed before the fix: the option was silently ignored or the result was NaN without an error.
 */
import { badInputMatrix } from "../support/bad-input-matrix";
import { ols } from "../../src/regression";

const base = {
  y: [3.1, 2.4, 5.6, 4.4, 3.9, 6.1, 2.2, 4.8],
  a: [1, 2, 3, 4, 5, 6, 7, 8],
  b: [2, 1, 4, 3, 6, 5, 8, 7],
  c: [0.5, 0.1, 0.9, 0.3, 0.2, 0.8, 0.4, 0.6],
};
const bad =
  (spec: any, data: object = base) =>
  () =>
    ols(data as never, spec);

badInputMatrix("ols()", [
  // Item 2: "HC9" silently gave HC0.
  {
    name: "hc: 'HC9' (no such type) lists the valid ones",
    call: bad({ y: "y", x: ["a"], hc: "HC9" }),
    code: "options.bad-value",
    message: /option 'hc' must be one of HC0, HC1, HC2, HC3, HC4, HC4m, HC5, const; got "HC9"/,
  },
  // Item 2: conf: 95 said "Probability must lie in [0, 1], got 48".
  {
    name: "conf: 95 says to write 0.95",
    call: bad({ y: "y", x: ["a"], conf: 95 }),
    code: "options.bad-value",
    message: /option 'conf'.*got 95/,
    hint: /write conf: 0\.95/,
  },
  // Item 2: unknown options were ignored.
  {
    name: "an unknown option is named and the valid ones listed",
    call: bad({ y: "y", x: ["a"], robust: true }),
    code: "options.unknown",
    message: /unknown option 'robust'/,
    hint: /Valid options: y, x, hc, intercept, missing, conf/,
  },
  {
    name: "intercept must be true or false",
    call: bad({ y: "y", x: ["a"], intercept: "no" }),
    code: "options.bad-value",
    message: /option 'intercept' must be true or false/,
  },
  { name: "missing must be an array of numbers", call: bad({ y: "y", x: ["a"], missing: "99" }), code: "options.bad-value", message: /option 'missing'/ },
  // Item 6: a constant outcome gave t = NaN, p = NaN, R² = NaN with no warning.
  {
    name: "a constant outcome is an error naming it",
    call: bad({ y: "y", x: ["a"] }, { ...base, y: base.y.map(() => 2) }),
    code: "regression.constant-outcome",
    message: /The outcome "y" is constant/,
  },
  {
    name: "fewer rows than parameters",
    call: bad({ y: "y", x: ["a", "b", "c"] }, { y: [1, 2, 3], a: [1, 3, 2], b: [5, 1, 2], c: [1, 1, 2] }),
    code: "regression.too-few-rows",
    message: /Only 3 complete rows for 4 parameters/,
  },
  {
    name: "perfect collinearity names the columns",
    call: bad({ y: "y", x: ["a", "b", "t"] }, { ...base, t: base.a.map((v, i) => v + base.b[i]) }),
    code: "regression.collinear",
    message: /"t" is an exact linear combination of "a" and "b"/,
  },
  {
    name: "a constant predictor",
    call: bad({ y: "y", x: ["a", "k"] }, { ...base, k: base.a.map(() => 5) }),
    code: "regression.constant-column",
    message: /"k" is constant \(every value is 5\)/,
  },
  {
    name: "the outcome among the predictors",
    call: bad({ y: "y", x: ["a", "y"] }),
    code: "regression.bad-spec",
    message: /"y" is both the outcome and a predictor/,
  },
  { name: "x not an array", call: bad({ y: "y", x: "a" }), code: "options.bad-value", message: /option 'x': must be an array of column names/ },
  { name: "no outcome", call: bad({ x: ["a"] }), code: "regression.bad-spec", message: /needs an outcome variable/ },
]);
