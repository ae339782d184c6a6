import { expect } from "chai";
import { diagramProblems } from "../../src/display/diagram-check";
import { covFromCorrelations, mediationExplorer, moderationExplorer, process, Rng, sem, whatIfCorrelation } from "../../src";

function survey(): Record<string, number[]> {
  const rng = new Rng(2024);
  const s = { x: [] as number[], w: [] as number[], m: [] as number[], y: [] as number[] };
  for (let i = 0; i < 300; i++) {
    const x = rng.normal();
    const w = 3 + rng.normal();
    const m = 0.3 * x + 0.2 * (w - 3) + 0.25 * x * (w - 3) + rng.normal();
    s.x.push(x);
    s.w.push(w);
    s.m.push(m);
    s.y.push(0.2 * x + 0.45 * m + rng.normal());
  }
  return s;
}

type Step = { label: string; method: string; args: [Record<string, unknown[]>, Record<string, unknown>, number[]?] };

describe("interactive teaching figures", function () {
  this.timeout(60000);
  const data = survey();

  it("moderationExplorer: every slider step shows PROCESS's conditional effect and interval at that W", () => {
    const res = process({ data, model: 1, y: "m", x: "x", w: "w", jn: 1 });
    const fig = moderationExplorer(res, { steps: 11 });
    const steps = (fig.layout.sliders as { steps: Step[] }[])[0].steps;
    expect(steps).to.have.length(11);
    expect(fig.frames).to.have.length(11);
    for (const k of [0, 4, 10]) {
      const [data0, layout] = steps[k].args;
      const w = (data0.x[2] as number[])[0];
      const theta = (data0.y[2] as number[])[0];
      const half = ((data0["error_y.array"] as unknown[])[2] as number[])[0];
      const ref = process({ data, model: 1, y: "m", x: "x", w: "w", wmodval: w });
      const row = ref.equations[0].conditional[0].rows[0];
      expect(theta).to.be.closeTo(row.effect, 1e-5 * Math.max(1, Math.abs(row.effect)));
      expect(half).to.be.closeTo(row.ulci - row.effect, 1e-5);
      expect(String(layout["title.subtitle.text"])).to.contain(row.effect.toFixed(3).replace("-", "−"));
      expect(layout["shapes[0].x0"]).to.equal(w);
    }
    // Neighbouring steps change the figure.
    expect(steps[0].args[0].y[1]).to.not.deep.equal(steps[1].args[0].y[1]);
    expect(JSON.stringify(fig.toJSON())).to.not.match(/NaN/);
    expect(() => moderationExplorer(process({ data, model: 4, y: "y", x: "x", m: "m", boot: 0 }))).to.throw(/no single X × W/);
    expect(() => moderationExplorer(res, { step: 3 } as never)).to.throw(/unknown option 'step'/);
  });

  it("mediationExplorer: the distribution builds up draw by draw; the last step is the table's interval", () => {
    const res = process({ data, model: 4, y: "y", x: "x", m: "m", boot: 2000, seed: 5 });
    const fig = mediationExplorer(res);
    const steps = (fig.layout.sliders as { steps: Step[] }[])[0].steps;
    expect(steps.map((s) => s.label)).to.deep.equal(["10", "15", "20", "30", "50", "75", "100", "150", "200", "300", "500", "750", "1000", "1500", "2000"]);
    for (const s of steps) {
      const shares = s.args[0].y[0] as number[];
      expect(shares.reduce((a, b) => a + b, 0)).to.be.closeTo(1, 1e-4);
    }
    const last = steps[steps.length - 1].args[0].x[1] as number[];
    const row = res.indirectEffects[0];
    expect(last[0]).to.equal(row.llci);
    expect(last[3]).to.equal(row.ulci);
    expect(String(steps[steps.length - 1].args[1]["title.subtitle.text"])).to.contain(`2000 of 2000`);
    expect(() => mediationExplorer(process({ data, model: 4, y: "y", x: "x", m: "m", boot: 0 }))).to.throw(/no resampled values/);
  });

  it("whatIfCorrelation: each step's values are those of the model refitted to the modified table", () => {
    const R = [
      [1, 0.45, 0.3],
      [0.45, 1, 0.5],
      [0.3, 0.5, 1],
    ];
    const names = ["JR", "ENG", "PERF"];
    const model = "ENG ~ JR\nPERF ~ ENG + JR";
    const fig = whatIfCorrelation({ R, names, n: 400, model, vary: ["ENG", "PERF"], values: [0.1, 0.3, 0.5, 0.7, 0.99] });
    const slider = (fig.layout.sliders as { active: number; steps: { label: string; args: [Record<string, string>] }[] }[])[0];
    // 0.99 with r(JR, ENG) = .45 and r(JR, PERF) = .30 is not a correlation matrix: left out and noted.
    expect(slider.steps.map((s) => s.label)).to.deep.equal(["0.10", "0.30", "0.50 (published)", "0.70"]);
    expect(slider.active).to.equal(2);
    const notes = (fig.layout.annotations as { name?: string; text?: string }[]).find((a) => a.name === "notes")!.text!;
    expect(notes).to.contain("0.99");
    const anns = fig.layout.annotations as { name?: string }[];
    const key = `annotations[${anns.findIndex((a) => a.name === "label:ENG->PERF")}].text`;
    const R2 = R.map((r) => r.slice());
    R2[1][2] = R2[2][1] = 0.7;
    const direct = sem(model, { cov: covFromCorrelations(R2, [1, 1, 1]), n: 400, names });
    const b = direct.standardizedSolution().find("PERF", "~", "ENG")!.est_std;
    expect(slider.steps[3].args[0][key]).to.match(new RegExp("^" + b.toFixed(2).replace(/^0/, "").replace(".", "\\.")));
    // The layout fits every step's values: no overlap at any position of the slider.
    for (const st of slider.steps) {
      const annotations = (fig.layout.annotations as Record<string, unknown>[]).map((a, i) =>
        `annotations[${i}].text` in st.args[0] ? { ...a, text: st.args[0][`annotations[${i}].text`] } : a,
      );
      expect(diagramProblems({ layout: { ...fig.layout, annotations } } as never), `step ${st.label}`).to.deep.equal([]);
    }
    expect(() => whatIfCorrelation({ R, names, n: 400, model, vary: ["ENG", "SAT"] } as never)).to.throw(/SAT/);
    expect(() =>
      whatIfCorrelation({
        R: [
          [1, 2],
          [2, 1],
        ],
        names: ["a", "b"],
        n: 10,
        model: "b ~ a",
        vary: ["a", "b"],
      }),
    ).to.throw(/not a correlation/);
  });
});
