import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Figure, PathlabError, savePlot } from "../../src";
import { CHROMIUM_ARGS, chromiumExecutable, launchBrowser, npmChromium, npmChromiumCache, npmChromiumPackage, systemChromium } from "../../src/display/browser";
import { netRecorder } from "../support/net-recorder";

describe("savePlot (headless Chromium)", function () {
  this.timeout(120000);
  const out = path.resolve(__dirname, "../../build/test");
  const fig = new Figure([{ type: "scatter", mode: "markers", x: [1, 2, 3], y: [3, 1, 2], name: "pts" }], { title: "Saved figure" });

  it("writes a PNG with the PNG signature and the requested size", async () => {
    const file = await savePlot(fig, path.join(out, "fig.png"), { width: 400, height: 300, scale: 1 });
    const buf = fs.readFileSync(file);
    expect(buf.subarray(1, 4).toString("ascii")).to.equal("PNG");
    expect(buf.readUInt32BE(16)).to.equal(400); // IHDR width
    expect(buf.readUInt32BE(20)).to.equal(300); // IHDR height
  });

  it("writes an SVG containing the plot's title", async () => {
    const file = await savePlot(fig, path.join(out, "fig.svg"), { width: 400, height: 300 });
    const svg = fs.readFileSync(file, "utf8");
    expect(svg.startsWith("<svg")).to.equal(true);
    expect(svg).to.contain("Saved figure");
  });

  it("rejects an unknown extension and a missing Chromium with clear errors", async () => {
    let err: unknown;
    try {
      await savePlot(fig, path.join(out, "fig.jpg"));
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(PathlabError);
    expect((err as Error).message).to.contain(".png or .svg");
    const prev = process.env.PATHLAB_CHROMIUM;
    process.env.PATHLAB_CHROMIUM = "/nonexistent/chromium";
    try {
      await savePlot(fig, path.join(out, "x.png"));
      expect.fail("should have thrown");
    } catch (e) {
      expect((e as Error).message).to.contain("/nonexistent/chromium");
    } finally {
      if (prev === undefined) delete process.env.PATHLAB_CHROMIUM;
      else process.env.PATHLAB_CHROMIUM = prev;
    }
  });

  it("makes no network request: the page's requests are aborted and the browser attempts no connection", async () => {
    const rec = await netRecorder();
    const prev = process.env.PATHLAB_CHROMIUM_ARGS;
    process.env.PATHLAB_CHROMIUM_ARGS = JSON.stringify(rec.args);
    try {
      // A figure whose layout points at remote images: savePlot must draw it without fetching them.
      const remote = new Figure([{ type: "scatter", x: [1, 2], y: [2, 1] }], {
        title: "remote image",
        images: [{ source: "https://example.com/logo.png", x: 0, y: 1, sizex: 0.2, sizey: 0.2, xref: "paper", yref: "paper" }],
      });
      const file = await savePlot(remote, path.join(out, "remote.svg"), { width: 300, height: 200 });
      expect(fs.readFileSync(file, "utf8")).to.contain("remote image");
      // The launcher's own pages, left open a few seconds for background services to show up.
      const b = await launchBrowser({ extraArgs: rec.args });
      const page = await (await b.newContext()).newPage();
      await page.setContent('<img src="http://example.com/a.png"><script>fetch("https://example.org/b").catch(() => {})</script>');
      await page.waitForTimeout(4000);
      await b.close();
      expect(b.blocked.sort()).to.deep.equal(["http://example.com/a.png", "https://example.org/b"]);
      expect(rec.attempts, "connection attempts that would have left the machine").to.deep.equal([]);
      // Control: the same request from a context without the launcher's blocking reaches the recorder,
      // so the recorder would have seen a leak.
      const c = await launchBrowser({ extraArgs: rec.args });
      const raw = await c.browser.newPage();
      await raw.setContent('<img src="http://example.com/control.png">');
      await raw.waitForTimeout(1000);
      await c.close();
      expect(rec.attempts.join("\n")).to.contain("GET /control.png");
    } finally {
      if (prev === undefined) delete process.env.PATHLAB_CHROMIUM_ARGS;
      else process.env.PATHLAB_CHROMIUM_ARGS = prev;
      await rec.close();
    }
  });

  it("uses the npm Chromium when no system Chromium is installed, with the network-silent flags", async () => {
    const exe = await chromiumExecutable();
    if (systemChromium() === null) {
      expect(exe).to.equal(path.join(npmChromiumCache(npmChromiumPackage()!.version), "chromium"));
    }
    // The npm copy unpacks from scratch into a complete, executable folder.
    const prev = process.env.PATHLAB_CHROMIUM_CACHE;
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), "pathlab-chromium-test-"));
    process.env.PATHLAB_CHROMIUM_CACHE = cache;
    try {
      const npm = await npmChromium();
      expect(path.dirname(npm).startsWith(cache)).to.equal(true);
      expect(fs.existsSync(path.join(path.dirname(npm), ".complete"))).to.equal(true);
      expect(fs.statSync(npm).mode & 0o111).to.not.equal(0);
      expect(fs.readdirSync(cache), "no half-unpacked folder left behind").to.have.length(1);
    } finally {
      if (prev === undefined) delete process.env.PATHLAB_CHROMIUM_CACHE;
      else process.env.PATHLAB_CHROMIUM_CACHE = prev;
      fs.rmSync(cache, { recursive: true, force: true });
    }
    for (const flag of [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      "--disable-domain-reliability",
    ])
      expect(CHROMIUM_ARGS).to.include(flag);
  });

  it("CI installs no browser: .ci/run apt-installs nothing but python3-venv", () => {
    const ci = fs.readFileSync(path.resolve(__dirname, "../../.ci/run"), "utf8");
    const installs = ci.split("\n").filter((l) => /apt-get install/.test(l) && !/^\s*#/.test(l));
    for (const line of installs) expect(line).to.not.match(/chrom/i);
    expect(ci).to.not.match(/playwright install/);
  });
});
