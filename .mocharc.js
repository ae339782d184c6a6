// Unit tests run through tsx (no build step); the notebook and browser tests use the built dist/.
module.exports = {
  require: ["tsx/cjs"],
  extension: ["ts"],
  reporter: "test/support/reporter.js",
  timeout: 20000,
};
