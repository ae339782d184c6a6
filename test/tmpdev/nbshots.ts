import * as fs from "fs";
import { savePlot } from "../../src";
(async () => {
  const want: [string, number, string][] = [["001-alliance-capability-co-innovation.ipynb", 0, "/work/screens/after-001-sem-diagram.png"], ["000-rd-alliances-internationalisation-speed.ipynb", 1, "/work/screens/after-000-process-decomposed.png"]];
  for (const [f, k, out] of want) {
    const nb = JSON.parse(fs.readFileSync("build/notebooks/papers/" + f, "utf8"));
    const figs: any[] = [];
    for (const c of nb.cells) for (const o of c.outputs ?? []) { const d = o.data?.["application/vnd.plotly.v1+json"]; if (d?.layout?.meta?.pathlab === "diagram") figs.push(d); }
    await savePlot(figs[k], out, { scale: 1.2 });
  }
})();
