// @ts-check
// mocha's spec reporter, closed by the plain line CI reads: "N passed, N failed".
const Mocha = require("mocha");
const { EVENT_RUN_END } = Mocha.Runner.constants;

class PassFailReporter extends Mocha.reporters.Spec {
  /** @param {Mocha.Runner} runner @param {any} options */
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const s = runner.stats || { passes: 0, failures: 0, pending: 0 };
      // Printed after the spec epilogue (which mocha also hooks on run end).
      process.nextTick(() => {
        const skipped = s.pending ? `, ${s.pending} skipped` : "";
        process.stdout.write(`\n${s.passes} passed, ${s.failures} failed${skipped}\n`);
      });
    });
  }
}
module.exports = PassFailReporter;
