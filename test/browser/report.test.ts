/// <reference lib="dom" />
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { launchBrowser, type PathlabBrowser } from "../../src/display/browser";
import { netRecorder, type NetRecorder } from "../support/net-recorder";

const ROOT = path.resolve(__dirname, "../..");
const runner = require("../../kernel/run-notebooks.js");

type RunResult = { status: string; error: unknown; outputs: Record<string, number> };

/** Runs a notebook into `dir`, returning the runner's result and the report's path. */
async function render(notebook: string, dir: string): Promise<{ r: RunResult; html: string; ipynb: string }> {
  const out = path.join(ROOT, "build", "test", dir);
  fs.rmSync(out, { recursive: true, force: true });
  const [r] = await runner.runNotebooks([notebook], { outDir: out });
  const base = path.basename(notebook, ".ipynb");
  return { r, html: path.join(out, base + ".html"), ipynb: path.join(out, base + ".ipynb") };
}

/** Opens a report from disk in the network-blocked browser and waits for figures and formulas. */
async function open(browser: PathlabBrowser, file: string, figures: number, formulas: number): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
  await page.goto("file://" + file);
  await page.waitForFunction((n) => document.querySelectorAll(".pathlab-figure svg.main-svg").length >= n, figures, { timeout: 60000 });
  await page.waitForFunction((n) => document.querySelectorAll("mjx-container svg").length >= n, formulas, { timeout: 60000 });
  return page;
}

describe("HTML reports open offline and read like a paper @slow", function () {
  this.timeout(300000);
  let browser: PathlabBrowser;
  let rec: NetRecorder;

  before(async () => {
    rec = await netRecorder();
    browser = await launchBrowser({ extraArgs: rec.args });
  });

  after(async () => {
    if (browser) await browser.close();
    if (rec) await rec.close();
  });

  it("a report: title, contents, formulas, figures (one with a newline in its title), sanitised markup, reader mode", async () => {
    const fixture = path.join(ROOT, "test/fixtures/report/offline-report.ipynb");
    const { r, html } = await render(fixture, "report-a");
    expect(r.status, JSON.stringify(r.error)).to.equal("ok");
    const text = fs.readFileSync(html, "utf8");
    expect(text, "no script or style from the network").to.not.match(/<script[^>]+src=|<link[^>]+href=["']https?:/);
    expect((text.match(/plotly\.js v\d/g) || []).length, "plotly.js inlined once").to.equal(1);
    expect(text).to.contain("Content-Security-Policy");

    const page = await open(browser, html, 2, 2);
    expect(await page.title()).to.equal("Offline report: reliability of a scale");
    // Contents: one link per h1–h3 heading, each pointing at a heading on the page.
    const toc = await page.$$eval("nav.pathlab-toc a", (as) =>
      as.map((a) => [a.textContent, !!document.getElementById(decodeURIComponent(a.getAttribute("href")!.slice(1)))]),
    );
    expect(toc).to.deep.equal([
      ["Offline report: reliability of a scale", true],
      ["Formulas", true],
      ["Untrusted markup", true],
      ["A third-level heading", true],
    ]);
    // Formulas typeset by the inlined MathJax, no raw TeX left.
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is the rendered text (MathJax output), which is what this checks
    const md = await page.$eval("#Formulas", (h) => (h.closest(".jp-MarkdownOutput") as HTMLElement).innerText);
    expect(md).to.not.contain("\\frac");
    expect(await page.locator(".jp-MarkdownOutput mjx-container").count()).to.equal(2);
    // Both figures drawn; the title with a newline, quotes and </script> is intact.
    const titles = await page.$$eval(".pathlab-figure .gtitle", (els) => els.map((e) => e.textContent));
    expect(titles).to.deep.equal(['Line one Line two "quoted" </script>', "Second figure"]);
    // Untrusted markup: no script ran, no handler, no javascript: link; the table kept its markup.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).to.equal(undefined);
    expect(await page.locator("a[href^='javascript:']").count()).to.equal(0);
    expect(await page.locator("[onerror]").count()).to.equal(0);
    expect(await page.locator(".pathlab-result table th").count()).to.be.greaterThan(0);
    expect(await page.locator(".jp-OutputArea-output b", { hasText: "bold output" }).count(), "the harmless part of the HTML output kept").to.equal(1);
    // Reader mode (this notebook asks for it): code folded; the checkbox shows it.
    const codeVisible = () => page.locator(".jp-CodeCell .jp-Cell-inputWrapper").first().isVisible();
    const height = () => page.evaluate(() => document.documentElement.scrollHeight);
    expect(await codeVisible()).to.equal(false);
    const folded = await height();
    await page.click("label.pathlab-show-code-label");
    expect(await codeVisible()).to.equal(true);
    expect(await height()).to.be.greaterThan(folded);
    await page.screenshot({ path: path.join(ROOT, "build", "report-offline-fixture.png"), fullPage: true });
    // Nothing left the machine: no request was even attempted.
    expect(browser.blocked, "requests the page tried to make").to.deep.equal([]);
    expect(rec.attempts, "connections attempted").to.deep.equal([]);
  });

  it("two runs of a notebook write byte-identical notebooks and reports", async () => {
    const nb = path.join(ROOT, "notebooks/tutorials/01-getting-started.ipynb");
    const a = await render(nb, "report-run-1");
    const b = await render(nb, "report-run-2");
    expect(a.r.status).to.equal("ok");
    expect(fs.readFileSync(a.ipynb, "utf8") === fs.readFileSync(b.ipynb, "utf8"), "executed .ipynb differ").to.equal(true);
    expect(fs.readFileSync(a.html, "utf8") === fs.readFileSync(b.html, "utf8"), "HTML reports differ").to.equal(true);
    const cells = JSON.parse(fs.readFileSync(a.ipynb, "utf8")).cells as { id: string; metadata: Record<string, unknown> }[];
    expect(cells.every((c) => typeof c.id === "string" && !("execution" in c.metadata))).to.equal(true);

    // The tutorial's report: code shown (tutorials are not in reader mode), every figure and formula drawn, offline.
    const figures = a.r.outputs["application/vnd.plotly.v1+json"];
    expect(figures).to.be.greaterThan(0);
    const page = await open(browser, a.html, figures, 1);
    expect(await page.title()).to.equal("Getting started with pathlab");
    expect(await page.locator(".jp-CodeCell .jp-Cell-inputWrapper").first().isVisible()).to.equal(true);
    expect(await page.$$eval(".pathlab-figure", (els) => els.filter((e) => e.querySelector("svg.main-svg")).length)).to.equal(figures);
    await page.screenshot({ path: path.join(ROOT, "build", "report-01-getting-started.png") });
    expect(browser.blocked).to.deep.equal([]);
    expect(rec.attempts).to.deep.equal([]);
  });
});
