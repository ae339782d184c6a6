import { m4Fit } from "./m4";
import { diagramProblems } from "../../src/display/diagram-check";
const { render } = require("/tmp/fig/render.js");
(async () => {
  const fit = await m4Fit();
  for (const [name, o] of [["m4-group", {}], ["m4-show", { covariates: "show" }], ["m4-hide", { covariates: "hide" }]] as const) {
    const t0 = Date.now();
    const fig = fit.diagram(o as never);
    console.log(name, Date.now() - t0, "ms", fig.layout.width, fig.layout.height, JSON.stringify(diagramProblems(fig as never)));
    render(fig, `/tmp/fig/${name}.png`);
  }
})();
