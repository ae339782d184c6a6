import { process } from "../../src";
import { survey03 } from "./tut03";
import { diagramProblems } from "../../src/display/diagram-check";
const { render } = require("/tmp/fig/render.js");
const s: any = survey03();
s.m2 = s.m.map((v: number, i: number) => 0.5 * v + 0.3 * s.x[i] + Math.sin(i * 7.3));
s.z = s.w.map((v: number, i: number) => (i % 2));
const runs: [string, any][] = [
  ["p1", { model: 1, y: "y", x: "x", w: "w", jn: 1 }],
  ["p4", { model: 4, y: "y", x: "x", m: "m", cov: "age", boot: 200, normal: 1, total: 1 }],
  ["p4b", { model: 4, y: "y", x: "x", m: ["m", "m2"], cov: "age", boot: 200 }],
  ["p6", { model: 6, y: "y", x: "x", m: ["m", "m2"], boot: 200 }],
  ["p7", { model: 7, y: "y", x: "x", m: "m", w: "w", cov: "age", boot: 200 }],
  ["p14", { model: 14, y: "y", x: "x", m: "m", w: "w", cov: "age", boot: 200 }],
  ["p58", { model: 58, y: "y", x: "x", m: "m", w: "w", boot: 200 }],
  ["p59", { model: 59, y: "y", x: "x", m: "m", w: "w", boot: 200 }],
  ["p3", { model: 3, y: "y", x: "x", w: "w", z: "z" }],
  ["p21", { model: 21, y: "y", x: "x", m: "m", w: "w", z: "z", boot: 200 }],
];
for (const [name, o] of runs) {
  const r = process({ data: s, ...o });
  const fig = r.pathDiagram();
  console.log(name, fig.layout.width, fig.layout.height, JSON.stringify(diagramProblems(fig as never)), (fig.layout.annotations as any[]).filter((a) => a.name.startsWith("label:")).map((a) => a.text).join(" | "));
  render(fig, `/tmp/fig/${name}.png`);
}
