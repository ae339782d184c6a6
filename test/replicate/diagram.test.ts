import { expect } from "chai";
import { DISPLAY, PLOTLY_MIME } from "../../src/display";
import { conceptualModel } from "../../src/replicate/diagram";
import { paper001 as p001 } from "../../src/papers";

const paper001 = p001.record;

type Ann = { x: number; y: number; ax?: number; ay?: number; showarrow?: boolean; text: string };
type Rect = { x0: number; x1: number; y0: number; y1: number };

describe("replicate: conceptualModel", () => {
  const fig = conceptualModel(paper001.model, {
    positions: { amc: [0, 0], rad: [1.6, 0.8], inc: [1.6, -0.8], ie: [3.2, 0], apd: [0.2, 1.9], controls: [2.6, -1.9] },
  });
  const layout = fig.layout as unknown as { shapes: Rect[]; annotations: Ann[] };

  it("draws one box per node and one arrow per path, labelled by hypothesis", () => {
    expect(layout.shapes).to.have.length(paper001.model.nodes.length);
    const arrows = layout.annotations.filter((a) => a.showarrow);
    expect(arrows).to.have.length(paper001.model.paths.length);
    const labels = layout.annotations.filter((a) => !a.showarrow).map((a) => a.text);
    for (const p of paper001.model.paths) if (p.hypothesis) expect(labels).to.include(p.hypothesis);
    expect(Object.keys(fig[DISPLAY]())).to.include(PLOTLY_MIME);
  });

  it("starts and ends ordinary arrows on box borders, never inside a box", () => {
    const inside = (x: number, y: number, r: Rect) => x > r.x0 + 1e-9 && x < r.x1 - 1e-9 && y > r.y0 + 1e-9 && y < r.y1 - 1e-9;
    for (const a of layout.annotations.filter((a) => a.showarrow)) {
      for (const r of layout.shapes) {
        expect(inside(a.x, a.y, r), `arrow tip inside a box`).to.equal(false);
        expect(inside(a.ax!, a.ay!, r), `arrow tail inside a box`).to.equal(false);
      }
    }
  });
});
