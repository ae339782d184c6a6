import { conceptualModel, paper001, paper002 } from "../../src";
import { diagramProblems } from "../../src/display/diagram-check";
/** A conceptual-model figure converted to pixel coordinates with the names diagramProblems reads. */
function inPixels(fig: any) {
  const L = fig.layout;
  const m = L.margin;
  const W = L.width - m.l - m.r, H = L.height - m.t - m.b;
  const [x0, x1] = L.xaxis.range, [y0, y1] = L.yaxis.range;
  const X = (x: number) => ((x - x0) / (x1 - x0)) * W, Y = (y: number) => ((y1 - y) / (y1 - y0)) * H;
  const rects = L.shapes.filter((s: any) => s.type === "rect").map((s: any, i: number) => ({ type: "rect", name: `node:n${i}`, x0: X(s.x0), x1: X(s.x1), y0: Y(s.y1), y1: Y(s.y0), cx: (s.x0 + s.x1) / 2, cy: (s.y0 + s.y1) / 2 }));
  const anns = L.annotations.filter((a: any) => !a.showarrow && a.text).map((a: any, i: number) => {
    const k = rects.findIndex((r: any) => Math.abs(r.cx - a.x) < 1e-9 && Math.abs(r.cy - a.y) < 1e-9);
    return { ...a, name: k >= 0 ? `text:n${k}` : `label:${i}`, x: X(a.x), y: Y(a.y), borderpad: a.borderpad ?? 1 };
  });
  return { layout: { shapes: rects, annotations: anns } };
}
const est = (id?: string) => (id ? paper001.coefficients.find((c: any) => c.id === id) : undefined);
const f1 = conceptualModel(paper001.model, { title: "Conceptual model (published standardised estimates on the hypothesised paths)", positions: { amc: [0, 0], rad: [1.6, 0.8], inc: [1.6, -0.8], ie: [3.2, 0], apd: [0.9, 2.1], controls: [2.6, -1.9] }, pathLabel: (p: any) => { const e = est(p.estimateId); return p.hypothesis ? `${p.hypothesis}${e ? ": " + e.printed.estimate + (e.stars ?? "") : ""}` : ""; }, height: 520 });
console.log(JSON.stringify(diagramProblems(inPixels(f1) as never)));
const f2 = conceptualModel((paper002 as any).model, { title: "Conceptual model (paper 002, Figure 1)", positions: { re: [0, 0], osc: [1.5, 0.9], peic: [3, 0], sa: [2.6, 1.9], controls: [1.5, -1.3] } });
console.log(JSON.stringify(diagramProblems(inPixels(f2) as never)));
