/**
 * Bad-input matrix for the simulators (issue 12): unknown option and element names were ignored
 * (item 2), fractional and negative seeds collided with other seeds (item 8).
 */
import { badInputMatrix } from "../support/bad-input-matrix";
import { Rng, moderationFromSimpleSlopes, mvrnorm, nearestPD, simulateComposites, simulateItems, simulateStructural } from "../../src/simulate";

const any = (x: unknown) => x as any;
const comp = {
  n: 100,
  names: ["a", "b"],
  means: [0, 0],
  sds: [1, 1],
  cor: [
    [1, 0.3],
    [0.3, 1],
  ],
  seed: 1,
};
const items = {
  n: 100,
  seed: 1,
  cor: [
    [1, 0.4],
    [0.4, 1],
  ],
  constructs: [
    { name: "A", items: ["a1", "a2", "a3"], loadings: [0.8, 0.7, 0.75] },
    { name: "B", items: ["b1", "b2", "b3"], loadings: [0.7, 0.8, 0.7] },
  ],
};
const struct = {
  n: 100,
  seed: 1,
  exogenous: { x: {}, w: {} },
  equations: [
    {
      y: "y",
      terms: [
        { vars: ["x"], coef: 0.3 },
        { vars: ["x", "w"], coef: 0.2 },
      ],
      r2: 0.2,
    },
  ],
};

badInputMatrix("simulators", [
  {
    name: "simulateComposites: seed 1.5",
    call: () => simulateComposites({ ...comp, seed: 1.5 }),
    code: "options.bad-seed",
    message: /simulateComposites\(\): option 'seed' must be an integer from 0 to 4294967295, got 1\.5/,
  },
  { name: "simulateComposites: no seed", call: () => simulateComposites(any({ ...comp, seed: undefined })), code: "options.missing", message: /needs a seed/ },
  {
    name: "simulateComposites: an unknown option (sd for sds)",
    call: () => simulateComposites(any({ ...comp, sd: [1, 1] })),
    code: "options.unknown",
    message: /unknown option 'sd'/,
    hint: /sds/,
  },
  {
    name: "simulateComposites: an asymmetric correlation table",
    call: () =>
      simulateComposites({
        ...comp,
        cor: [
          [1, 0.3],
          [0.2, 1],
        ],
      }),
    code: "simulate.not-symmetric",
    message: /cor is not symmetric: \[2,1\] = 0\.2/,
  },
  {
    name: "simulateComposites: n not above the number of variables",
    call: () => simulateComposites({ ...comp, n: 2 }),
    code: "simulate.too-few-cases",
    message: /n = 2 is too small/,
  },
  {
    name: "simulateItems: an unknown construct key (loading)",
    call: () => simulateItems(any({ ...items, constructs: [{ name: "A", items: ["a1", "a2"], loading: [0.8, 0.7] }, items.constructs[1]] })),
    code: "options.unknown",
    message: /simulateItems\(\): construct 1: unknown option 'loading'/,
    hint: /loadings/,
  },
  {
    name: 'simulateItems: corOf: "latent"',
    call: () => simulateItems(any({ ...items, corOf: "latent" })),
    code: "options.bad-value",
    message: /option 'corOf' must be one of composites, factors/,
  },
  {
    name: "simulateItems: a loading of 1.2",
    call: () => simulateItems({ ...items, constructs: [{ name: "A", items: ["a1", "a2"], loadings: [1.2, 0.7] }, items.constructs[1]] }),
    code: "simulate.bad-loading",
    message: /Loading of item "a1"/,
  },
  {
    name: "simulateStructural: an unknown term key (coeff)",
    call: () => simulateStructural(any({ ...struct, equations: [{ y: "y", terms: [{ vars: ["x"], coeff: 0.3 }], r2: 0.2 }] })),
    code: "options.unknown",
    message: /equation 1, term 1: unknown option 'coeff'/,
    hint: /coef/,
  },
  {
    name: "simulateStructural: an unknown equation key (R2)",
    call: () => simulateStructural(any({ ...struct, equations: [{ y: "y", terms: [{ vars: ["x"], coef: 0.3 }], R2: 0.2 }] })),
    code: "options.unknown",
    message: /equation 1: unknown option 'R2'/,
    hint: /r2/,
  },
  {
    name: "simulateStructural: an unknown exogenous key (SD)",
    call: () => simulateStructural(any({ ...struct, exogenous: { x: { SD: 2 }, w: {} } })),
    code: "options.unknown",
    message: /exogenous "x": unknown option 'SD'/,
    hint: /sd/,
  },
  { name: "simulateStructural: seed -1", call: () => simulateStructural({ ...struct, seed: -1 }), code: "options.bad-seed", message: /got -1/ },
  {
    name: "simulateStructural: an equation using a later variable",
    call: () => simulateStructural({ ...struct, equations: [{ y: "m", terms: [{ vars: ["y"], coef: 0.3 }], r2: 0.2 }, struct.equations[0]] }),
    code: "simulate.unknown-variable",
    message: /unknown variable "y"/,
  },
  {
    name: "mvrnorm: seed 2^32",
    call: () =>
      mvrnorm(
        10,
        [0, 0],
        [
          [1, 0],
          [0, 1],
        ],
        2 ** 32,
      ),
    code: "options.bad-seed",
    message: /mvrnorm\(\): option 'seed'/,
  },
  {
    name: "mvrnorm: empirical: 'yes'",
    call: () =>
      mvrnorm(
        10,
        [0, 0],
        [
          [1, 0],
          [0, 1],
        ],
        1,
        any({ empirical: "yes" }),
      ),
    code: "options.bad-value",
    message: /option 'empirical' must be true or false/,
  },
  {
    name: "mvrnorm: MASS's tol is refused, not ignored",
    call: () =>
      mvrnorm(
        10,
        [0, 0],
        [
          [1, 0],
          [0, 1],
        ],
        1,
        any({ tol: 1e-6 }),
      ),
    code: "options.unsupported",
    message: /'tol' is not supported yet/,
  },
  {
    name: "mvrnorm: a covariance matrix that is not positive definite",
    call: () =>
      mvrnorm(
        10,
        [0, 0, 0],
        [
          [1, 0.9, 0.9],
          [0.9, 1, -0.9],
          [0.9, -0.9, 1],
        ],
        1,
      ),
    code: "simulate.not-positive-definite",
    message: /not positive definite \(smallest eigenvalue/,
  },
  {
    name: "nearestPD: maxit: 0 (Matrix::nearPD's spelling)",
    call: () =>
      nearestPD(
        [
          [1, 0.9],
          [0.9, 1],
        ],
        any({ maxit: 0 }),
      ),
    code: "options.bad-value",
    message: /option 'maxit' must be a whole number \(≥ 1\)/,
  },
  {
    name: "nearestPD: only.values = TRUE is refused, not ignored",
    call: () =>
      nearestPD(
        [
          [1, 0.9],
          [0.9, 1],
        ],
        any({ "only.values": true }),
      ),
    code: "options.unsupported",
    message: /'only.values' is supported only as false/,
  },
  { name: "new Rng(1.5)", call: () => new Rng(1.5), code: "options.bad-seed", message: /Rng\(seed\) must be an integer from 0 to 4294967295, got 1\.5/ },
  {
    name: "moderationFromSimpleSlopes: an unknown key",
    call: () => moderationFromSimpleSlopes(any({ low: 0.1, high: 0.5, sdW: 1, mean: 3 })),
    code: "options.unknown",
    message: /unknown option 'mean'/,
    hint: /meanW/,
  },
]);
