/** Bad-input matrix for tsls() and durbinWuHausman() (issue 12). */
import { badInputMatrix } from "../support/bad-input-matrix";
import { durbinWuHausman, tsls } from "../../src/regression";

const base = {
  y: [3.1, 2.4, 5.6, 4.4, 3.9, 6.1, 2.2, 4.8, 5.0, 3.3],
  a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  b: [2, 1, 4, 3, 6, 5, 8, 7, 10, 9],
  c: [0.5, 0.1, 0.9, 0.3, 0.2, 0.8, 0.4, 0.6, 0.7, 0.1],
};
const bad =
  (spec: any, data: object = base) =>
  () =>
    tsls(data as never, spec);

badInputMatrix("tsls()", [
  {
    name: "fewer instruments than endogenous regressors",
    call: bad({ y: "y", endogenous: ["a", "b"], instruments: ["c"] }),
    code: "regression.not-identified",
    message: /2 endogenous regressor\(s\) \(a, b\) but only 1 excluded instrument/,
  },
  // Item 2: a misspelt option (instrument for instruments) was ignored.
  {
    name: "an unknown option",
    call: bad({ y: "y", endogenous: ["a"], instrument: ["b"] }),
    code: "options.unknown",
    message: /unknown option 'instrument'/,
    hint: /instruments/,
  },
  {
    name: "conf: 95",
    call: bad({ y: "y", endogenous: ["a"], instruments: ["b"], conf: 95 }),
    code: "options.bad-value",
    message: /option 'conf'/,
    hint: /0\.95/,
  },
  {
    name: "a variable in two roles",
    call: bad({ y: "y", endogenous: ["a"], instruments: ["b", "a"] }),
    code: "regression.bad-spec",
    message: /"a" appears in more than one role/,
  },
  {
    name: "no endogenous regressor",
    call: bad({ y: "y", endogenous: [], instruments: ["b"] }),
    code: "regression.bad-spec",
    message: /at least one endogenous regressor/,
    hint: /ols\(\)/,
  },
  // Item 6: a constant outcome gave NaN statistics.
  {
    name: "a constant outcome",
    call: bad({ y: "y", endogenous: ["a"], instruments: ["b"] }, { ...base, y: base.y.map(() => 1) }),
    code: "regression.constant-outcome",
    message: /The outcome "y" is constant/,
  },
  {
    name: "a constant endogenous regressor",
    call: bad({ y: "y", endogenous: ["k"], instruments: ["b"] }, { ...base, k: base.a.map(() => 3) }),
    code: "regression.constant-column",
    message: /endogenous regressor "k" is constant/,
  },
  {
    name: "collinear instruments",
    call: bad({ y: "y", endogenous: ["a"], instruments: ["b", "b2"] }, { ...base, b2: base.b.map((v) => 2 * v + 1) }),
    code: "regression.collinear",
    message: /"b2" is an exact linear combination of "b"/,
  },
  // Item 6: n at or below the number of parameters.
  {
    name: "fewer rows than first-stage parameters",
    call: bad({ y: "y", endogenous: ["a"], exogenous: ["c"], instruments: ["b"] }, { y: [1, 2, 4], a: [1, 3, 2], b: [5, 1, 2], c: [1, 0, 2] }),
    code: "regression.too-few-rows",
    message: /Only 3 complete rows for 3 parameters/,
  },
  {
    name: "durbinWuHausman: an unknown option",
    call: () => durbinWuHausman(base, { y: "y", endogenous: ["a"], instruments: ["b"], hc: "HC3" } as never),
    code: "options.unknown",
    message: /durbinWuHausman\(\): unknown option 'hc'/,
  },
]);
