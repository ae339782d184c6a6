/// <reference lib="dom" />
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { launchBrowser, type PathlabBrowser } from "../../src/display/browser";
import { netRecorder, type NetRecorder } from "../support/net-recorder";

const ROOT = path.resolve(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startLab } = require("../../kernel/lab.js");

const NOTEBOOK = "tutorials/01-getting-started.ipynb";

/** Cells the notebook expects to fail on purpose (tagged raises-exception). */
function expectedErrors(): number {
  const nb = JSON.parse(fs.readFileSync(path.join(ROOT, "notebooks", NOTEBOOK), "utf8"));
  return nb.cells.filter((c: { metadata?: { tags?: string[] } }) => (c.metadata?.tags ?? []).includes("raises-exception")).length;
}

describe("JupyterLab in headless Chromium @slow", function () {
  this.timeout(300000);
  let lab: { url: string; base: string; token: string; stop: () => Promise<void> };
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

  it("binds to localhost only and requires the token", async () => {
    expect(lab.base).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${lab.base}/api/contents`);
    expect(res.status).to.equal(403);
  });

  it(`runs ${NOTEBOOK} with the pathlab kernel: tables and the plotly figure render, no unexpected error`, async () => {
    await page.goto(`${lab.base}/lab/tree/${NOTEBOOK}?token=${lab.token}`);
    await page.waitForSelector(".jp-Notebook .jp-Cell", { timeout: 120000 });
    // The kernel indicator names our kernel once it is up.
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
