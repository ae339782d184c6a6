import { whatIfCorrelation, sem, covFromCorrelations } from "../../src";
import { diagramProblems } from "../../src/display/diagram-check";
const { render } = require("/tmp/fig/render.js");
const R = [[1, 0.45, 0.3], [0.45, 1, 0.5], [0.3, 0.5, 1]];
const fig = whatIfCorrelation({ R, names: ["JR", "ENG", "PERF"], n: 400, model: "ENG ~ JR\nPERF ~ ENG + JR", vary: ["ENG", "PERF"] });
const sl = (fig.layout.sliders as any)[0];
console.log(sl.steps.length, sl.steps.map((s: any) => s.label).join(","), JSON.stringify(sl.steps[0].args[0]).slice(0, 400));
console.log(JSON.stringify(diagramProblems(fig as never)));
render(fig, "/tmp/fig/whatif.png");
