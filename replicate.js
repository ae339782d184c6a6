// `pathlab/replicate` for resolvers that ignore package "exports" (tslab uses Node10 resolution):
// the subpath is this file, which points into the build.
module.exports = require("./dist/replicate/index.js");
