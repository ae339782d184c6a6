#!/usr/bin/env node
// @ts-check
/**
 * Sets up the notebook environment, idempotently:
 *   1. a Python venv in .venv/ with JupyterLab, nbclient, nbconvert and plotly (kernel/requirements.txt);
 *   2. the plain tslab kernel ("tslab") and the pathlab kernel ("pathlab") registered into that venv,
 *      both pointing at this checkout's own node_modules.
 * A stamp file records what was installed; when nothing changed the script returns in milliseconds.
 * Usage: node kernel/setup.js [--quiet] [--force]
 */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const crypto = require("crypto");

const ROOT = path.resolve(__dirname, "..");
const VENV = path.join(ROOT, ".venv");
const PY = path.join(VENV, "bin", "python");
const STAMP = path.join(VENV, ".pathlab-setup.json");
const quiet = process.argv.includes("--quiet");
const force = process.argv.includes("--force");

function log(msg) {
  if (!quiet) console.log(`[setup] ${msg}`);
}

/** Runs a command, echoing it; exits with the command's own message on failure. */
function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit", encoding: "utf8", ...opts });
  if (r.error || r.status !== 0) {
    const out = r.error ? r.error.message : `${r.stdout || ""}${r.stderr || ""}`.trim().split("\n").slice(-15).join("\n");
    console.error(`[setup] failed: ${cmd} ${args.join(" ")}\n${out}`);
    console.error(`[setup] fix the cause above, then run: node kernel/setup.js --force`);
    process.exit(1);
  }
  return r;
}

function findPython() {
  for (const c of [process.env.PATHLAB_PYTHON, "python3", "python"]) {
    if (!c) continue;
    const r = spawnSync(c, ["-c", "import sys, venv; print(sys.version_info[0]*100+sys.version_info[1])"], { encoding: "utf8" });
    if (r.status === 0 && Number(r.stdout.trim()) >= 309) return c;
  }
  console.error("[setup] Python 3.9+ with the venv module is needed. On Debian: apt-get install -y python3 python3-venv");
  process.exit(1);
}

function kernelSpecs() {
  const nodeBin = process.execPath;
  const tslabBin = path.join(ROOT, "node_modules", ".bin", "tslab");
  return {
    pathlab: {
      argv: [nodeBin, path.join(ROOT, "kernel", "pathlab-kernel.js"), "--config-path", "{connection_file}"],
      display_name: "TypeScript (pathlab)",
      language: "typescript",
      metadata: { pathlab: { root: ROOT } },
    },
    tslab: {
      argv: [tslabBin, "kernel", "--config-path", "{connection_file}"],
      display_name: "TypeScript",
      language: "typescript",
    },
  };
}

function fingerprint() {
  const req = fs.readFileSync(path.join(__dirname, "requirements.txt"), "utf8");
  const specs = JSON.stringify(kernelSpecs());
  return crypto.createHash("sha1").update(req).update(specs).digest("hex");
}

function venvHealthy() {
  if (!fs.existsSync(PY)) return false;
  const r = spawnSync(PY, ["-c", "import jupyterlab, nbclient, nbconvert, plotly, jupyter_client, nh3"], { encoding: "utf8" });
  return r.status === 0;
}

function kernelsDir() {
  return path.join(VENV, "share", "jupyter", "kernels");
}

function installKernels() {
  const specs = kernelSpecs();
  for (const [name, spec] of Object.entries(specs)) {
    const dir = path.join(kernelsDir(), name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "kernel.json"), JSON.stringify(spec, null, 2) + "\n");
    log(`kernel "${name}" → ${dir}`);
  }
}

function main() {
  if (!fs.existsSync(path.join(ROOT, "node_modules", "tslab"))) {
    console.error('[setup] node_modules is missing: run "npm install" (or "npm ci") first.');
    process.exit(1);
  }
  const fp = fingerprint();
  let stamp = null;
  try {
    stamp = JSON.parse(fs.readFileSync(STAMP, "utf8"));
  } catch {
    /* first run */
  }
  const specsPresent = ["pathlab", "tslab"].every((k) => fs.existsSync(path.join(kernelsDir(), k, "kernel.json")));
  if (!force && stamp && stamp.fingerprint === fp && specsPresent && fs.existsSync(PY)) {
    log("environment up to date");
    return;
  }
  if (force || !venvHealthy()) {
    if (!fs.existsSync(PY)) {
      const py = findPython();
      run(py, ["-m", "venv", VENV]);
    }
    // --retries 0: the machine's pip mirror answers at once; an unreachable index must not stall the install.
    run(PY, ["-m", "pip", "install", "--retries", "0", "--disable-pip-version-check", "-q", "-r", path.join(__dirname, "requirements.txt")]);
  }
  installKernels();
  fs.writeFileSync(STAMP, JSON.stringify({ fingerprint: fp, date: new Date().toISOString() }, null, 2));
  log("done: JupyterLab and the pathlab kernel are ready (npm start)");
}

main();
