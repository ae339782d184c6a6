import { expect } from "chai";
import { DataFrame } from "../../src/data/frame";
import { toMimeBundle } from "../../src/display/bundle";
import { Figure } from "../../src/display/figure";
import { DISPLAY, PLOTLY_MIME } from "../../src/display/mime";
import { TableResult } from "../../src/display/result";

describe("display: toMimeBundle", function () {
  this.timeout(30000);

  it("renders a DataFrame as an HTML table with its index, eliding long frames", () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ id: `r${i}`, x: i + 0.5, n: i }));
    const df = new DataFrame(rows);
    const b = toMimeBundle(df)!;
    expect(Object.keys(b).sort()).to.deep.equal(["text/html", "text/plain"]);
    const html = b["text/html"] as string;
    expect(html).to.contain(">r0<").and.contain(">r49<").and.not.contain(">r25<");
    expect(html).to.contain("30 more rows");
    expect(html).to.contain("50 rows × 3 columns");
    expect(b["text/plain"]).to.contain("0.500");
  });

  it("renders arrays of row objects as tables and bare plotly objects as figures", () => {
    const t = toMimeBundle([
      { a: 1, b: "<x>" },
      { a: 2, b: "y" },
    ])!;
    expect(t["text/html"]).to.contain("<table").and.contain("&lt;x&gt;");
    const f = toMimeBundle({ data: [{ type: "bar", x: [1], y: [2] }], layout: { title: { text: "t" } } })!;
    expect(Object.keys(f).sort()).to.deep.equal([PLOTLY_MIME, "text/html", "text/plain"].sort());
  });

  it("uses the display protocol first and leaves other values alone", () => {
    const custom = { [DISPLAY]: () => ({ "text/markdown": "**hi**" }) };
    expect(toMimeBundle(custom)).to.deep.equal({ "text/markdown": "**hi**" });
    expect(toMimeBundle(new TableResult({ columns: [{ key: "a" }], rows: [{ a: 1 }] }))!["text/plain"]).to.contain("a");
    expect(toMimeBundle(new Figure([]))).to.have.property(PLOTLY_MIME);
    for (const v of [1, "s", null, undefined, [1, 2], { a: 1 }, new Map()]) expect(toMimeBundle(v)).to.equal(undefined);
  });
});
