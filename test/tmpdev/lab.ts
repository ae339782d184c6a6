import { elkLayout } from "../../src/display/elk";
for (const routing of ["SPLINES", "POLYLINE", "ORTHOGONAL"]) {
const g = elkLayout({ id: "root", layoutOptions: { "elk.algorithm": "layered", "elk.direction": "RIGHT", "elk.edgeRouting": routing, "elk.edgeLabels.placement": "CENTER", "elk.edgeLabels.inline": "true" },
  children: [{ id: "a", width: 40, height: 20 }, { id: "b", width: 40, height: 20 }],
  edges: [{ id: "e", sources: ["a"], targets: ["b"], labels: [{ text: ".45", width: 20, height: 14 }] }] });
console.log(routing, JSON.stringify(g.edges![0].labels), JSON.stringify(g.edges![0].sections![0]));
}
