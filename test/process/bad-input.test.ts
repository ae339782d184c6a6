/**
 * Bad-input matrix for process() (issue 12). Items: 2 = options silently ignored or misreported,
 * 6 = data defects, 8 = resource guards and seeds.
 */
import * as path from "path";
import { badInputMatrix } from "../support/bad-input-matrix";
import { process } from "../../src/process";
import { GOLDEN_DIR, readCsvColumns } from "./helpers";

const data = readCsvColumns(path.join(GOLDEN_DIR, "process-data.csv"));
const m4 = { data, model: 4, y: "y", x: "x", m: "m1", boot: 200 };
const m1 = { data, model: 1, y: "y", x: "x", w: "w" };
const bad = (o: any) => () => process(o);

badInputMatrix("process()", [
  {
    name: "model 92 (a PROCESS model not implemented) lists the supported ones",
    call: bad({ ...m4, model: 92 }),
    code: "options.unsupported",
    message: /model 92 is not implemented yet/,
    hint: /1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 21, 58, 59/,
  },
  {
    name: 'model "4.5" is not a model number',
    call: bad({ ...m4, model: "4.5" }),
    code: "options.bad-value",
    message: /option 'model' must be one of 1, 2, 3/,
  },
  { name: "no model", call: bad({ ...m4, model: undefined }), code: "options.missing", message: /needs a model number/ },
  // Item 2: unknown options were ignored.
  {
    name: "an unknown option",
    call: bad({ ...m4, mediator: "m1" }),
    code: "options.unknown",
    message: /unknown option 'mediator'/,
    hint: /Valid options: data, y, x, m, w, z, cov, model/,
  },
  {
    name: "a PROCESS option not implemented (mcw)",
    call: bad({ ...m4, mcw: 1 }),
    code: "options.unsupported",
    message: /'mcw' is not supported yet: a multicategorical moderator/,
  },
  { name: "PROCESS v3's effsize points to stand", call: bad({ ...m4, effsize: 1 }), code: "options.unsupported", message: /write stand: 1/ },
  {
    name: "conf: 0.95 says PROCESS's conf is a percentage",
    call: bad({ ...m4, conf: 0.95 }),
    code: "options.bad-value",
    message: /option 'conf'/,
    hint: /write conf: 95/,
  },
  { name: "hc: 7", call: bad({ ...m1, hc: 7 }), code: "options.bad-value", message: /hc must be 0–4 or "HC0"…"HC4"; got 7/ },
  { name: 'hc: "HC9"', call: bad({ ...m1, hc: "HC9" }), code: "options.bad-value", message: /got "HC9"/ },
  { name: "center: 3", call: bad({ ...m1, center: 3 }), code: "options.bad-value", message: /option 'center'/ },
  { name: "boot: 1.5", call: bad({ ...m4, boot: 1.5 }), code: "options.bad-value", message: /option 'boot' must be a whole number/ },
  { name: "jn in model 4 (no moderator to probe)", call: bad({ ...m4, jn: 1 }), code: "options.not-applicable", message: /'jn' has no effect in model 4/ },
  {
    name: "normal in model 7",
    call: bad({ ...m4, model: 7, w: "w", normal: 1 }),
    code: "options.not-applicable",
    message: /'normal' has no effect in model 7/,
  },
  { name: "contrast with one mediator", call: bad({ ...m4, contrast: 1 }), code: "options.not-applicable", message: /two or more indirect effects/ },
  { name: "wmodval in model 4", call: bad({ ...m4, wmodval: [1, 2] }), code: "options.not-applicable", message: /'wmodval'.*no moderator W/ },
  { name: "boot and mc together", call: bad({ ...m4, mc: 1000 }), code: "options.conflict", message: /either boot .* or mc/ },
  // Item 8: seeds 1, 1.5 and 1.9 gave the same draws while the output printed "Seed 1.5"; −1 collided with 4294967295.
  { name: "seed: 1.5", call: bad({ ...m4, seed: 1.5 }), code: "options.bad-seed", message: /seed' must be an integer from 0 to 4294967295, got 1\.5/ },
  { name: "seed: -1", call: bad({ ...m4, seed: -1 }), code: "options.bad-seed", message: /got -1/ },
  // Item 8: boot: 1e9 failed with "Invalid typed array length".
  {
    name: "boot: 1e9 is refused at once with the memory estimate",
    call: bad({ ...m4, boot: 1e9 }),
    code: "resources.memory",
    message: /1,000,000,000 bootstrap resamples .* would need [0-9.]+ GiB/,
    hint: /Lower boot/,
  },
  { name: "mc: 1e10 likewise", call: bad({ ...m4, boot: undefined, mc: 1e10 }), code: "resources.memory", message: /Monte Carlo draws/, hint: /Lower mc/ },
  // Item 6.
  {
    name: "a constant outcome",
    call: bad({ ...m4, data: { ...data, y: data.y.map(() => 2) } }),
    code: "process.constant-variable",
    message: /outcome y "y" is constant/,
  },
  { name: "the mediator is X", call: bad({ ...m4, m: "x" }), code: "process.mediator-is-x", message: /mediator "x" is also X/ },
  { name: "a missing moderator", call: bad({ ...m4, model: 7 }), code: "process.missing-moderator", message: /Model 7 needs a moderator w/ },
  { name: "no data", call: bad({ ...m4, data: undefined }), code: "process.missing-data", message: /needs data/ },
  {
    name: "too few rows",
    call: bad({ ...m1, data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.slice(0, 4)])) }),
    code: "process.too-few-rows",
    message: /Too few complete rows: 4/,
  },
]);
