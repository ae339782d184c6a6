/// <reference lib="dom" />
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { launchBrowser } from "../../src/display/browser";

const ROOT = path.resolve(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-var-requires
const runner = require("../../kernel/run-notebooks.js");

describe("HTML report opens offline and draws every plot @slow", function () {
  this.timeout(300000);

  it("01-getting-started.html: one plotly.js per page, every figure drawn, no network", async () => {
    const out = path.join(ROOT, "build", "test", "report");
    const [r] = await runner.runNotebooks([path.join(ROOT, "notebooks/tutorials/01-getting-started.ipynb")], { outDir: out });
    expect(r.status, JSON.stringify(r.error)).to.equal("ok");
    const file = path.join(out, "01-getting-started.html");
    const html = fs.readFileSync(file, "utf8");
    const figures = r.outputs["application/vnd.plotly.v1+json"];
    expect(figures).to.be.greaterThan(0);
    // plotly.js is inlined once, not once per figure, and nothing is fetched from a CDN.
    expect(html.split("Plotly.newPlot").length - 1).to.be.at.least(figures);
    expect((html.match(/plotly\.js v\d/g) || []).length).to.equal(1);
    expect(html).to.not.match(/<script[^>]+src="https?:\/\/[^"]*plotly/);

    const browser = await launchBrowser();
    try {
      const page = await (await browser.newContext()).newPage();
      const external: string[] = [];
      page.on("request", (req) => {
        if (!req.url().startsWith("file:") && !req.url().startsWith("data:")) external.push(req.url());
      });
      await page.route(/^https?:/, (route) => route.abort());
      await page.goto("file://" + file);
      await page.waitForFunction((n) => document.querySelectorAll(".pathlab-figure svg.main-svg").length >= n, figures, { timeout: 60000 });
      await page.screenshot({ path: path.join(ROOT, "build", "report-01-getting-started.png"), fullPage: false });
      const drawn = await page.locator(".pathlab-figure").evaluateAll((els) => els.filter((e) => e.querySelector("svg.main-svg")).length);
      expect(drawn).to.equal(figures);
      const plotlyExternal = external.filter((u) => u.includes("plotly"));
      expect(plotlyExternal).to.deep.equal([]);
    } finally {
      await browser.close();
    }
  });
});
