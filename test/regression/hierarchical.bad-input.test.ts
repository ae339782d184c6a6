/** Bad-input matrix for hierarchicalRegression() (issue 12). */
import { badInputMatrix } from "../support/bad-input-matrix";
import { hierarchicalRegression } from "../../src/regression";

const base = {
  y: [3.1, 2.4, 5.6, 4.4, 3.9, 6.1, 2.2, 4.8, 5.0, 3.3],
  a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  b: [2, 1, 4, 3, 6, 5, 8, 7, 10, 9],
  c: [0.5, 0.1, 0.9, 0.3, 0.2, 0.8, 0.4, 0.6, 0.7, 0.1],
};
const bad =
  (spec: any, data: object = base) =>
  () =>
    hierarchicalRegression(data as never, spec);

badInputMatrix("hierarchicalRegression()", [
  // Item 6: a constant outcome said "R² values must lie in [0, 1] (got full NaN …)".
  {
    name: "a constant outcome is an error naming it",
    call: bad({ y: "y", blocks: [["a"], ["b"]] }, { ...base, y: base.y.map(() => 4) }),
    code: "regression.constant-outcome",
    message: /The outcome "y" is constant/,
  },
  // Item 2: options were not checked.
  {
    name: "hc: 'hc9'",
    call: bad({ y: "y", blocks: [["a"], ["b"]], hc: "hc9" }),
    code: "options.bad-value",
    message: /option 'hc' must be one of HC0, HC1, HC2, HC3, HC4/,
  },
  { name: "conf: 95", call: bad({ y: "y", blocks: [["a"], ["b"]], conf: 95 }), code: "options.bad-value", message: /option 'conf'/, hint: /0\.95/ },
  {
    name: "an unknown option",
    call: bad({ y: "y", blocks: [["a"], ["b"]], steps: 2 }),
    code: "options.unknown",
    message: /unknown option 'steps'/,
    hint: /blocks/,
  },
  {
    name: "labels that do not match the blocks",
    call: bad({ y: "y", blocks: [["a"], ["b"]], labels: ["M1"] }),
    code: "options.bad-value",
    message: /1 label\(s\) for 2 block\(s\)/,
  },
  { name: "an empty block", call: bad({ y: "y", blocks: [["a"], []] }), code: "regression.bad-spec", message: /non-empty/ },
  { name: "a predictor in two blocks", call: bad({ y: "y", blocks: [["a"], ["a", "b"]] }), code: "regression.bad-spec", message: /"a" is listed twice/ },
  {
    name: "a later block collinear with an earlier one",
    call: bad({ y: "y", blocks: [["a", "b"], ["t"]] }, { ...base, t: base.a.map((v, i) => v - base.b[i]) }),
    code: "regression.collinear",
    message: /"t" is an exact linear combination of "a" and "b"/,
  },
  {
    name: "too few rows for the last step",
    call: bad({ y: "y", blocks: [["a"], ["b", "c"]] }, { y: [1, 2, 3, 5], a: [1, 3, 2, 4], b: [5, 1, 2, 2], c: [1, 1, 2, 0] }),
    code: "regression.too-few-rows",
    message: /Only 4 complete rows for 4 parameters/,
  },
]);
