import { tut04 } from "./tut04";
import { diagramProblems } from "../../src/display/diagram-check";
const { render } = require("/tmp/fig/render.js");
const t = tut04();
for (const [name, fit] of Object.entries({ mm: t.mm, sm: t.sm, rc: t.rc })) {
  const fig = fit.diagram();
  console.log(name, fig.layout.width, fig.layout.height, JSON.stringify(diagramProblems(fig as never)));
  render(fig, `/tmp/fig/t04-${name}.png`);
}
