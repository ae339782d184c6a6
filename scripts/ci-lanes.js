// @ts-check
/**
 * `npm test`: the CI lanes in order, stopping at the first that fails —
 *   1. lint       `npm run lint` (biome, the layer rule, function lengths)
 *   2. typecheck  `npm run typecheck` (TypeScript 5.9 strict over src, test, bench, scripts, kernel)
 *   3. unit       mocha, every test not tagged @slow (numbers against R's goldens, errors, API)
 *   4. notebooks and browser   mocha, the @slow tests (every notebook through the kernel, reports,
 *                 JupyterLab in headless Chromium)
 * and closes with the line CI reads, "N passed, N failed": the mocha counts of the test lanes, with
 * lint and typecheck counted as one test each.
 *
 *   node scripts/ci-lanes.js [--from unit]   (start at a lane)
 */
const { spawn } = require("child_process");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const MOCHA = [path.join(ROOT, "node_modules", "mocha", "bin", "mocha.js"), "test/**/*.test.ts"];
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

/** @type {{ name: string, cmd: string, args: string[], mocha: boolean }[]} */
const LANES = [
  { name: "lint", cmd: NPM, args: ["run", "--silent", "lint"], mocha: false },
  { name: "typecheck", cmd: NPM, args: ["run", "--silent", "typecheck"], mocha: false },
  { name: "unit", cmd: process.execPath, args: [...MOCHA, "--grep", "@slow", "--invert"], mocha: true },
  { name: "notebooks and browser", cmd: process.execPath, args: [...MOCHA, "--grep", "@slow"], mocha: true },
];

/**
 * Runs one lane with its output passed through; resolves with its exit code and, for mocha, the
 * counts of its closing line.
 * @param {{ cmd: string, args: string[] }} lane
 * @returns {Promise<{ code: number, passed: number, failed: number }>}
 */
function run(lane) {
  return new Promise((resolve) => {
    const child = spawn(lane.cmd, lane.args, { cwd: ROOT, stdio: ["inherit", "pipe", "inherit"] });
    let tail = "";
    child.stdout.on("data", (d) => {
      process.stdout.write(d);
      tail = (tail + d.toString()).slice(-2000);
    });
    child.on("close", (code) => {
      const m = /(\d+) passed, (\d+) failed[^\n]*\s*$/.exec(tail);
      resolve({ code: code ?? 1, passed: m ? Number(m[1]) : 0, failed: m ? Number(m[2]) : 0 });
    });
  });
}

async function main() {
  const from = process.argv.indexOf("--from") >= 0 ? process.argv[process.argv.indexOf("--from") + 1] : undefined;
  const start = from ? LANES.findIndex((l) => l.name === from) : 0;
  if (start < 0) throw new Error(`unknown lane "${from}"; lanes: ${LANES.map((l) => l.name).join(", ")}`);
  let passed = 0;
  let failed = 0;
  const summary = [];
  for (const lane of LANES.slice(start)) {
    process.stdout.write(`\n[lane] ${lane.name}\n`);
    const t0 = Date.now();
    const r = await run(lane);
    const seconds = ((Date.now() - t0) / 1000).toFixed(0);
    if (lane.mocha) {
      passed += r.passed;
      failed += r.failed;
      // a mocha run that dies before its closing line still fails the lane
      if (r.code !== 0 && r.failed === 0) failed += 1;
    } else if (r.code === 0) passed += 1;
    else failed += 1;
    summary.push(`${lane.name}: ${r.code === 0 ? "ok" : "FAILED"} (${seconds} s)`);
    if (r.code !== 0) {
      summary.push(...LANES.slice(LANES.indexOf(lane) + 1).map((l) => `${l.name}: not run`));
      break;
    }
  }
  process.stdout.write(`\n[lanes] ${summary.join("; ")}\n`);
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.stdout.write("\n0 passed, 1 failed\n");
  process.exit(1);
});
