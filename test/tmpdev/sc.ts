import { drawDiagram } from "../../src/display/diagram";
import { diagramProblems, annotationBox } from "../../src/display/diagram-check";
const nodes = Array.from({ length: 9 }, (_, i) => ({ id: `v${i}`, lines: [`a rather long variable name ${i}`], shape: "rect" as const }));
const edges = nodes.slice(1).map((n, i) => ({ from: nodes[i].id, to: n.id, label: ".50***", kind: "path" as const }));
const fig = drawDiagram({ nodes, edges, title: "Chain", maxWidth: 700 });
console.log(fig.layout.meta, fig.layout.width, (fig.layout.xaxis as any).range);
const a = (fig.layout.annotations as any[]).find((x) => x.name === "text:v1");
console.log(a, annotationBox(a, 0.5), (fig.layout.shapes as any[]).find((x) => x.name === "node:v1"));
