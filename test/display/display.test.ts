import { expect } from "chai";
import { DISPLAY, Figure, PLOTLY_MIME, TableResult, escapeHtml, formatNumber, formatP, tableToHtml } from "../../src";

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
