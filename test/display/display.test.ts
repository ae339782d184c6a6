import { expect } from "chai";
import { Figure, TableResult, formatNumber, formatP } from "../../src";
import { DISPLAY, PLOTLY_MIME } from "../../src/display/mime";
import { escapeHtml } from "../../src/display/format";
import { tableToHtml } from "../../src/display/table";
import { displayBundles } from "../../src/display/bundle";
import { KERNEL_BRIDGE, cancellation, display, inKernel, progressBar, type KernelBridge } from "../../src/display/notebook";
import type { MimeBundle } from "../../src/display/mime";
import { PowerResult } from "../../src/power/result";

describe("display", () => {
  it("formats APA p values and numbers", () => {
    expect(formatP(0.0004)).to.equal("< .001");
    expect(formatP(0.0456)).to.equal(".046");
    expect(formatNumber(-0.0001, 3)).to.equal("0.000");
    expect(formatNumber(0.000419, 2)).to.equal("0.00");
    expect(formatNumber(-0.006, 2)).to.equal("−0.01");
    expect(formatNumber(2e20, 2)).to.equal("2.000e+20");
    expect(formatNumber(NaN)).to.equal("—");
    expect(formatNumber(-1.23456, 2)).to.equal("−1.23");
  });

  it("escapes user strings in HTML", () => {
    const html = tableToHtml({ columns: [{ key: "a", label: "<b>x</b>" }], rows: [{ a: "<script>alert(1)</script>" }] });
    expect(html).to.not.contain("<script>");
    expect(html).to.contain("&lt;script&gt;");
    expect(html).to.contain("&lt;b&gt;x&lt;/b&gt;");
    expect(escapeHtml(`"&'`)).to.equal("&quot;&amp;&#39;");
  });

  it("a table result carries text/html and text/plain", () => {
    const r = new TableResult({ title: "T", columns: [{ key: "b", format: "number", digits: 2 }], rows: [{ b: 1.234 }] });
    const bundle = r[DISPLAY]();
    expect(Object.keys(bundle).sort()).to.deep.equal(["text/html", "text/plain"]);
    expect(bundle["text/plain"]).to.contain("1.23");
    expect(bundle["text/html"]).to.contain(">1.23<");
  });

  it("a figure carries the plotly, HTML and text MIME types", () => {
    const f = new Figure([{ type: "scatter", x: [1, 2], y: [3, 4] }], { title: "S" });
    const b = f[DISPLAY]();
    expect(Object.keys(b).sort()).to.deep.equal(["application/vnd.plotly.v1+json", "text/html", "text/plain"].sort());
    expect((b[PLOTLY_MIME] as { layout: { title: { text: string } } }).layout.title.text).to.equal("S");
    expect(b["text/html"]).to.match(/Plotly\.newPlot/);
    expect(b["text/plain"]).to.equal('Figure "S": 1 trace(s) [scatter]');
  });
});

describe("outputs are the same on every run", () => {
  it("a power result shows no wall-clock time (tutorial 05 printed 'Elapsed 1.00 s')", () => {
    const settings = { reps: 10, alpha: 0.05, ci: "montecarlo" as const, draws: 100, seed: 1, threads: 2 };
    const a = new PowerResult("moderation", "test", [], [], { ...settings, elapsedMs: 1000 })[DISPLAY]();
    const b = new PowerResult("moderation", "test", [], [], { ...settings, elapsedMs: 4321 })[DISPLAY]();
    expect(a).to.deep.equal(b);
    expect(String(a["text/plain"])).to.not.match(/Elapsed|\d\.\d\d s\b/);
  });
});

describe("figure HTML", () => {
  it("a title with a newline, quotes or </script> keeps the figure's script valid", () => {
    const f = new Figure([{ type: "scatter", x: [1], y: [1] }], { title: "Line one\nLine two \"q\" 's' </script>" });
    const html = f.toHTML();
    const scripts = html.match(/<script[^>]*>([\s\S]*?)<\/script>/g)!;
    expect(scripts).to.have.length(1);
    const body = scripts[0].replace(/^<script[^>]*>/, "").replace(/<\/script>$/, "");
    // Compiles, and when plotly.js is missing it writes the title back unchanged.
    const el = { textContent: "" };
    const fakeWindow: Record<string, unknown> = {};
    let tick: (() => void) | undefined;
    new Function("window", "document", "setInterval", "clearInterval", body)(
      fakeWindow,
      { getElementById: () => el },
      (fn: () => void) => {
        tick = fn;
        return 1;
      },
      () => {},
    );
    for (let i = 0; i <= 201; i++) tick!();
    expect(el.textContent).to.equal("(plotly.js not loaded: figure Line one\nLine two \"q\" 's' </script> not drawn)");
  });
});

describe("display through the kernel bridge", () => {
  const t = (title: string) => new TableResult({ title, columns: [{ key: "a" }], rows: [{ a: 1 }] });
  let sent: { bundle: MimeBundle; options?: { displayId?: string; update?: boolean } }[];
  let interrupts = 0;
  let listeners: (() => void)[];
  const bridge: KernelBridge = {
    display: (bundle, options) => void sent.push({ bundle, options }),
    interrupts: () => interrupts,
    onInterrupt: (fn) => {
      listeners.push(fn);
      return () => (listeners = listeners.filter((f) => f !== fn));
    },
  };
  const g = globalThis as unknown as Record<symbol, unknown>;
  beforeEach(() => {
    sent = [];
    listeners = [];
    g[KERNEL_BRIDGE] = bridge;
  });
  afterEach(() => delete g[KERNEL_BRIDGE]);

  it("an array of results gives one bundle per element; rows of a table stay one table", () => {
    const parts = displayBundles([t("A"), t("B"), 3])!;
    expect(parts).to.have.length(3);
    expect(parts[0]["text/html"]).to.contain("A");
    expect(parts[2]).to.deep.equal({ "text/plain": "3" });
    expect(displayBundles([{ a: 1 }, { a: 2 }])).to.have.length(1);
    expect(displayBundles([1, 2, 3])).to.equal(undefined);
  });

  it("display() and progress bars send through the bridge the kernel publishes", () => {
    expect(inKernel()).to.equal(true);
    display([t("A"), t("B")]);
    expect(sent.map((s) => String(s.bundle["text/plain"]).split("\n")[0])).to.deep.equal(["A", "B"]);
    const bar = progressBar(10, "Work");
    bar.finish();
    expect(sent[2].options).to.deep.include({ update: false });
    expect(sent[3].options).to.deep.include({ update: true, displayId: sent[2].options!.displayId });
  });

  it("a cancellation flag is set by an interrupt after it was made, and calls its handlers", () => {
    const c = cancellation();
    let got = "";
    c.onCancel((e) => (got = e.code));
    expect(c.cancelled).to.equal(false);
    expect(() => c.check()).to.not.throw();
    interrupts++;
    for (const fn of listeners) fn();
    expect(c.cancelled).to.equal(true);
    expect(() => c.check()).to.throw(/Interrupted/);
    expect(got).to.equal("kernel.interrupted");
    expect(cancellation().cancelled, "a flag made after the interrupt").to.equal(false);
  });

  it("outside a kernel nothing is cancelled and display prints text", () => {
    delete g[KERNEL_BRIDGE];
    expect(inKernel()).to.equal(false);
    expect(cancellation().cancelled).to.equal(false);
  });
});
