import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { Figure, PathlabError, savePlot } from "../../src";

describe("savePlot (headless Chromium)", function () {
  this.timeout(60000);
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
});
