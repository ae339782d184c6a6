/// <reference lib="dom" />
import { expect } from "chai";
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { Page } from "playwright-core";
import { launchBrowser, type PathlabBrowser } from "../../src/display/browser";
import { netRecorder, type NetRecorder } from "../support/net-recorder";

const ROOT = path.resolve(__dirname, "../..");
const { startLab } = require("../../kernel/lab.js");
const runner = require("../../kernel/run-notebooks.js");

const NOTEBOOK = "tutorials/01-getting-started.ipynb";

/** Cells the notebook expects to fail on purpose (tagged raises-exception). */
function expectedErrors(): number {
  const nb = JSON.parse(fs.readFileSync(path.join(ROOT, "notebooks", NOTEBOOK), "utf8"));
  return nb.cells.filter((c: { metadata?: { tags?: string[] } }) => (c.metadata?.tags ?? []).includes("raises-exception")).length;
}

describe("JupyterLab in headless Chromium @slow", function () {
  this.timeout(300000);
  let lab: { url: string; base: string; token: string; port: number; pid: number; root: string; tokenFile: string; stop: () => Promise<void> };
  let browser: PathlabBrowser;
  let page: Page;
  let rec: NetRecorder;

  before(async () => {
    lab = await startLab({ quiet: true });
    rec = await netRecorder();
    // The npm Chromium unless a system one exists; only the Lab's own origin is reachable.
    browser = await launchBrowser({ allowOrigins: [lab.base], extraArgs: rec.args });
    page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  });

  after(async () => {
    if (browser) await browser.close();
    if (lab) await lab.stop();
    if (rec) await rec.close();
  });

  it("binds to 127.0.0.1 only, requires the token and refuses a foreign Host header (DNS rebinding)", async () => {
    expect(lab.base).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${lab.base}/api/contents`);
    expect(res.status).to.equal(403);
    // The listening socket: 127.0.0.1 (0100007F) and nothing else on that port, IPv4 or IPv6.
    const hexPort = lab.port.toString(16).toUpperCase().padStart(4, "0");
    const listening = ["/proc/net/tcp", "/proc/net/tcp6"]
      .flatMap((f) => (fs.existsSync(f) ? fs.readFileSync(f, "utf8").split("\n").slice(1) : []))
      .map((l) => l.trim().split(/\s+/))
      .filter((c) => c.length > 3 && c[1].endsWith(`:${hexPort}`) && c[3] === "0A")
      .map((c) => c[1].split(":")[0]);
    expect(listening).to.deep.equal(["0100007F"]);
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = http.get(
        { host: "127.0.0.1", port: lab.port, path: `/api/contents?token=${lab.token}`, headers: { Host: `attacker.example:${lab.port}` } },
        (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        },
      );
      req.on("error", reject);
    });
    expect(rebound, "request whose Host header names another site").to.equal(403);
    const ok = await fetch(`${lab.base}/api/contents?token=${lab.token}`);
    expect(ok.status).to.equal(200);
  });

  it("the token is on no process's command line (it is passed in a 0600 file)", () => {
    const leaks: string[] = [];
    for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
      let cmd = "";
      try {
        cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      } catch {
        continue;
      }
      if (cmd.includes(lab.token)) leaks.push(`${pid}: ${cmd.replace(/\0/g, " ")}`);
    }
    expect(leaks).to.deep.equal([]);
    expect(fs.statSync(lab.tokenFile).mode & 0o777, "token file mode").to.equal(0o600);
    expect(fs.statSync(path.dirname(lab.tokenFile)).mode & 0o777, "its folder").to.equal(0o700);
    // The Lab's own process exists and is the one serving (its cmdline names jupyter lab).
    expect(fs.readFileSync(`/proc/${lab.pid}/cmdline`, "utf8")).to.contain("lab");
  });

  it("executed notebooks (npm run replicate writes to notebooks/executed/) open from this Lab", async () => {
    expect(path.relative(lab.root, runner.EXECUTED).startsWith("..")).to.equal(false);
    const probe = path.join(runner.EXECUTED, "tutorials", "probe-reachable.txt");
    fs.mkdirSync(path.dirname(probe), { recursive: true });
    fs.writeFileSync(probe, "reachable");
    try {
      const rel = path.relative(lab.root, probe).split(path.sep).join("/");
      const res = await fetch(`${lab.base}/files/${rel}?token=${lab.token}`);
      expect(res.status).to.equal(200);
      expect(await res.text()).to.equal("reachable");
    } finally {
      fs.rmSync(probe, { force: true });
    }
  });

  it(`runs ${NOTEBOOK} with the pathlab kernel: tables and the plotly figure render, no unexpected error`, async () => {
    await page.goto(`${lab.base}/lab/tree/${NOTEBOOK}?token=${lab.token}`);
    await page.waitForSelector(".jp-Notebook .jp-Cell", { timeout: 120000 });
    // The kernel indicator names our kernel once it is up.
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is the text the user sees, which is what this checks
    await page.waitForFunction(() => document.body.innerText.includes("TypeScript (pathlab)"), undefined, { timeout: 120000 });
    await page.waitForTimeout(1000);
    await page.click('.lm-MenuBar-itemLabel:text-is("Run")');
    await page.click('.lm-Menu-itemLabel:text-is("Run All Cells")');
    // Done when every code cell has an execution count (no "[*]" or "[ ]" prompt left).
    await page.waitForFunction(
      () => {
        const prompts = Array.from(document.querySelectorAll(".jp-CodeCell .jp-InputPrompt")).map((p) => (p.textContent || "").trim());
        return prompts.length > 0 && prompts.every((p) => /^\[\d+\]:$/.test(p));
      },
      undefined,
      { timeout: 180000, polling: 500 },
    );
    await page.waitForSelector(".jp-OutputArea-output svg.main-svg", { timeout: 60000 });
    const figures = await page.locator(".jp-OutputArea-output svg.main-svg").count();
    const tables = await page.locator(".jp-OutputArea-output .pathlab-table table").count();
    const errors = await page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').count();
    fs.mkdirSync(path.join(ROOT, "build"), { recursive: true });
    await page.locator(".jp-OutputArea-output svg.main-svg").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ROOT, "build", "jupyterlab-01-getting-started.png") });
    expect(figures, "plotly figures drawn").to.be.greaterThan(0);
    expect(tables, "pathlab HTML tables rendered without display calls").to.be.greaterThan(1);
    expect(errors, "error outputs (only the cells tagged raises-exception may show one)").to.equal(expectedErrors());
  });

  it("the browser requested nothing outside the local Jupyter server", () => {
    expect(browser.blocked, "requests aborted because they would leave the machine").to.deep.equal([]);
    expect(rec.attempts, "connection attempts to host names").to.deep.equal([]);
  });
});
