// @ts-check
/**
 * Starts JupyterLab from the project's venv, bound to localhost only, with token authentication,
 * a private config/runtime directory, and no calls home (no update checks or news). The token is
 * written to a 0600 file in a private (0700) folder and handed over as JUPYTER_TOKEN_FILE: it never
 * appears on a command line, where every local user could read it (`ps`, /proc/PID/cmdline).
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const net = require("net");
const crypto = require("crypto");
const http = require("http");
const { spawn } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const JUPYTER = path.join(ROOT, ".venv", "bin", "jupyter");
/** The folder JupyterLab opens: the notebooks, with the executed copies in notebooks/executed/. */
const LAB_ROOT = path.join(ROOT, "notebooks");

/** A free TCP port on 127.0.0.1. @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** @param {string} url @returns {Promise<number>} HTTP status, or 0 if nothing answers. */
function status(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode || 0);
    });
    req.on("error", () => resolve(0));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

/**
 * @param {{ port?: number, token?: string, root?: string, quiet?: boolean, timeoutMs?: number }} [opts]
 * @returns {Promise<{ url: string, base: string, token: string, port: number, pid: number, root: string, tokenFile: string, stop: () => Promise<void> }>}
 */
async function startLab(opts = {}) {
  if (!fs.existsSync(JUPYTER)) throw new Error("JupyterLab is not installed in .venv. Fix: node kernel/setup.js");
  const port = opts.port || (await freePort());
  const token = opts.token || crypto.randomBytes(24).toString("hex");
  const root = opts.root || LAB_ROOT;
  const state = fs.mkdtempSync(path.join(os.tmpdir(), "pathlab-lab-"));
  fs.chmodSync(state, 0o700);
  const tokenFile = path.join(state, "token");
  fs.writeFileSync(tokenFile, token, { mode: 0o600 });
  const args = [
    "lab",
    "--no-browser",
    "--ServerApp.ip=127.0.0.1",
    `--ServerApp.port=${port}`,
    "--ServerApp.port_retries=0",
    `--ServerApp.root_dir=${root}`,
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    "--LabApp.news_url=None",
    `--LabApp.workspaces_dir=${path.join(state, "workspaces")}`,
  ];
  if (typeof process.getuid === "function" && process.getuid() === 0) args.push("--allow-root");
  const child = spawn(JUPYTER, args, {
    cwd: root,
    stdio: opts.quiet ? ["ignore", "ignore", "pipe"] : "inherit",
    env: { ...withoutToken(process.env), JUPYTER_TOKEN_FILE: tokenFile, JUPYTER_RUNTIME_DIR: path.join(state, "runtime"), JUPYTER_PLATFORM_DIRS: "1" },
  });
  let log = "";
  if (child.stderr) child.stderr.on("data", (d) => (log = (log + d).slice(-8000)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs || 60000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`JupyterLab exited (code ${child.exitCode}):\n${log}`);
    if ((await status(`${base}/api/status?token=${token}`)) === 200) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  if ((await status(`${base}/api/status?token=${token}`)) !== 200) {
    child.kill("SIGTERM");
    throw new Error(`JupyterLab did not start within ${(opts.timeoutMs || 60000) / 1000} s:\n${log}`);
  }
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(undefined);
      child.once("exit", () => resolve(undefined));
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    }).then(() => fs.rmSync(state, { recursive: true, force: true }));
  return { url: `${base}/lab?token=${token}`, base, token, port, pid: child.pid || 0, root, tokenFile, stop };
}

/** The environment without a token variable that would take precedence over the file. @param {NodeJS.ProcessEnv} env */
function withoutToken(env) {
  const copy = { ...env };
  delete copy.JUPYTER_TOKEN;
  return copy;
}

module.exports = { startLab, freePort, LAB_ROOT };
