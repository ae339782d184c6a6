import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { cfa, process, readCSV, Rng, sem, composite, standardize } from "../../src";
import { conceptualModel } from "../../src/replicate/diagram";
import { paper000, paper001, paper002 } from "../../src/papers";
import { diagramProblems } from "../../src/display/diagram-check";
import { elkLayout } from "../../src/display/elk";
import { drawDiagram } from "../../src/display/diagram";
import { setFigureTheme, resetFigureTheme } from "../../src/display/theme";
import type { Figure } from "../../src/display/figure";

const ROOT = path.resolve(__dirname, "../..");

function clean(fig: Figure, what: string): void {
  const problems = diagramProblems(fig as never);
  expect(problems, `${what}: ${JSON.stringify(problems.slice(0, 5))}`).to.deep.equal([]);
  // Every node and every value is in the figure, inside the drawing area.
  const [x0, x1] = (fig.layout.xaxis as { range: number[] }).range;
  const [y1, y0] = (fig.layout.yaxis as { range: number[] }).range;
  for (const s of (fig.layout.shapes as Record<string, number & string>[]).filter((s) => String(s.name).startsWith("node:"))) {
    expect(s.x0, `${what}: ${s.name} left`).to.be.at.least(x0);
    expect(s.x1, `${what}: ${s.name} right`).to.be.at.most(x1);
    expect(s.y0, `${what}: ${s.name} top`).to.be.at.least(y0);
    expect(s.y1, `${what}: ${s.name} bottom`).to.be.at.most(y1);
  }
}

function nodeNames(fig: Figure): string[] {
  return (fig.layout.shapes as { name?: string }[])
    .map((s) => s.name ?? "")
    .filter((n) => n.startsWith("node:"))
    .map((n) => n.slice(5));
}

function labelTexts(fig: Figure): string[] {
  return (fig.layout.annotations as { name?: string; text?: string }[]).filter((a) => (a.name ?? "").startsWith("label:")).map((a) => String(a.text));
}

/** Tutorial 04's simulated survey and its three models (the exercise adds a residual covariance). */
function tutorial04() {
  const rng = new Rng(404);
  const n = 400;
  const loadings: Record<string, number[]> = { JR: [0.8, 0.75, 0.7, 0.65], ENG: [0.85, 0.8, 0.75, 0.7], PERF: [0.8, 0.75, 0.7] };
  const prefix: Record<string, string> = { JR: "jr", ENG: "eng", PERF: "perf" };
  const data: Record<string, number[]> = {};
  for (const f of Object.keys(loadings)) loadings[f].forEach((_, k) => (data[`${prefix[f]}${k + 1}`] = []));
  for (let i = 0; i < n; i++) {
    const eta: Record<string, number> = {};
    eta.JR = rng.normal();
    eta.ENG = 0.5 * eta.JR + Math.sqrt(1 - 0.25) * rng.normal();
    eta.PERF = 0.15 * eta.JR + 0.4 * eta.ENG + 0.8 * rng.normal();
    for (const f of Object.keys(loadings)) loadings[f].forEach((l, k) => data[`${prefix[f]}${k + 1}`].push(l * eta[f] + Math.sqrt(1 - l * l) * rng.normal()));
  }
  const measurement = "JR =~ jr1 + jr2 + jr3 + jr4\nENG =~ eng1 + eng2 + eng3 + eng4\nPERF =~ perf1 + perf2 + perf3";
  const mediation = measurement + "\nENG ~ a*JR\nPERF ~ b*ENG + c*JR\nindirect := a*b\ntotal := c + a*b";
  return { mm: cfa(measurement, data), sm: sem(mediation, data), exercise: cfa(measurement + "\n  eng3 ~~ eng4", data) };
}

/** Tutorial 03's simulated survey. */
function tutorial03(): Record<string, number[]> {
  const rng = new Rng(2024);
  const s = { x: [] as number[], w: [] as number[], m: [] as number[], y: [] as number[], age: [] as number[] };
  for (let i = 0; i < 300; i++) {
    const x = rng.normal();
    const w = 3 + rng.normal();
    const age = 30 + 8 * rng.normal();
    const m = 0.3 * x + 0.2 * (w - 3) + 0.25 * x * (w - 3) + 0.01 * (age - 30) + rng.normal();
    const y = 0.2 * x + 0.45 * m + 0.15 * (w - 3) + 0.2 * m * (w - 3) + rng.normal();
    s.x.push(x);
    s.w.push(w);
    s.m.push(m);
    s.y.push(y);
    s.age.push(age);
  }
  return s;
}

describe("diagrams: layout engine and overlap check", function () {
  this.timeout(120000);

  it("elkjs lays out synchronously through its dispatcher (the pinned internal API pathlab relies on)", () => {
    const g = elkLayout({
      id: "root",
      layoutOptions: { "elk.algorithm": "layered", "elk.direction": "RIGHT" },
      children: [
        { id: "a", width: 40, height: 20 },
        { id: "b", width: 40, height: 20 },
      ],
      edges: [{ id: "e", sources: ["a"], targets: ["b"], labels: [{ text: ".45", width: 20, height: 14 }] }],
    });
    const [a, b] = g.children!;
    expect(b.x!).to.be.greaterThan(a.x! + 40);
    expect(g.edges![0].sections![0].startPoint.x).to.equal(a.x! + 40);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(pkg.dependencies.elkjs, "elkjs must stay pinned: the synchronous dispatcher is internal").to.match(/^\d+\.\d+\.\d+$/);
  });

  it("the checker finds overlapping nodes, labels, text outside a node and a covariance line through a label", () => {
    const fig = {
      layout: {
        shapes: [
          { type: "rect", name: "node:a", x0: 0, x1: 50, y0: 0, y1: 30 },
          { type: "rect", name: "node:b", x0: 40, x1: 90, y0: 10, y1: 40 },
          { type: "path", name: "cov:q", path: "M 0,100 C 50,100 150,100 200,100" },
        ],
        annotations: [
          { name: "label:a->b", x: 120, y: 100, text: ".45", font: { size: 11 } },
          { name: "label:c->d", x: 128, y: 102, text: ".31", font: { size: 11 } },
          { name: "text:a", x: 25, y: 15, text: "a very long variable name", font: { size: 12 } },
        ],
      },
    };
    const kinds = diagramProblems(fig)
      .map((p) => p.kind)
      .sort();
    expect(kinds).to.include.members(["node-node", "label-label", "text-outside", "line-label"]);
  });

  it("tutorial 04: measurement model, latent mediation, exercise with a residual covariance", () => {
    const t = tutorial04();
    const mm = t.mm.diagram();
    clean(mm, "04 mm");
    expect(nodeNames(mm).sort()).to.deep.equal(["ENG", "JR", "PERF", "eng1", "eng2", "eng3", "eng4", "jr1", "jr2", "jr3", "jr4", "perf1", "perf2", "perf3"]);
    const sm = t.sm.diagram();
    clean(sm, "04 sm");
    // Exogenous JR left of ENG, ENG left of PERF.
    const x = (fig: Figure, id: string) => Number((fig.layout.shapes as { name?: string; x0: number }[]).find((s) => s.name === `node:${id}`)!.x0);
    expect(x(sm, "JR")).to.be.lessThan(x(sm, "ENG"));
    expect(x(sm, "ENG")).to.be.lessThan(x(sm, "PERF"));
    const ex = t.exercise.diagram();
    clean(ex, "04 exercise");
    expect((ex.layout.shapes as { name?: string }[]).some((s) => s.name === "cov:eng3~~eng4")).to.equal(true);
  });

  it("paper 002: M1–M5 with five covariates, every covariate mode, est values, grayscale", async () => {
    const df = await readCSV(path.join(ROOT, "notebooks/data/002.csv"));
    const scales = paper002.scales;
    for (const c of Object.keys(scales)) df.addColumn(c, composite(df, scales[c]), { inplace: true });
    df.addColumn("osc", composite(df, [...scales.uts, ...scales.dms]), { inplace: true });
    const cols: Record<string, number[]> = {};
    for (const c of df.columns) cols[c] = df.column(c).values as number[];
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    const oc = mean(cols.osc);
    const sc = mean(cols.sa);
    cols.osc_x_sa = cols.osc.map((v, i) => (v - oc) * (cols.sa[i] - sc));
    const ctrl = ["firm_size", "firm_age", "industry", "intl_experience", "intl_scope"].join(" + ");
    const block = {
      re: `re =~ ${scales.re.join(" + ")}`,
      osc: `uts =~ ${scales.uts.join(" + ")}\ndms =~ ${scales.dms.join(" + ")}\nosc =~ uts + dms`,
      peic: `peic =~ ${scales.peic.join(" + ")}`,
      sa: `sa =~ ${scales.sa.join(" + ")}`,
    };
    const models: Record<string, string> = {
      M1: [block.re, block.osc, `osc ~ re + ${ctrl}`, `re ~~ ${ctrl}`].join("\n"),
      M2: [block.re, block.peic, `peic ~ re + ${ctrl}`, `re ~~ ${ctrl}`].join("\n"),
      M3: [block.osc, block.peic, `peic ~ osc + ${ctrl}`, `osc ~~ ${ctrl}`].join("\n"),
      M4: [block.re, block.osc, block.peic, `osc ~ re + ${ctrl}`, `peic ~ osc + re + ${ctrl}`, `re ~~ ${ctrl}`].join("\n"),
      M5: [block.osc, block.sa, block.peic, `peic ~ osc + sa + osc_x_sa + ${ctrl}`, `osc ~~ ${ctrl} + osc_x_sa`, `sa ~~ ${ctrl} + osc_x_sa`].join("\n"),
    };
    for (const [m, syntax] of Object.entries(models)) {
      const fit = sem(syntax, cols, { likelihood: "wishart", checkLvNames: false });
      const fig = fit.diagram();
      clean(fig, `002 ${m}`);
      if (m !== "M4") continue;
      // Five covariates are grouped by default; their estimates are in the note, none lost.
      expect(nodeNames(fig)).to.include("__covariates");
      const notes = String((fig.layout.annotations as { name?: string; text?: string }[]).find((a) => a.name === "notes")!.text);
      for (const c of ["firm_size", "firm_age", "industry", "intl_experience", "intl_scope"]) expect(notes).to.contain(`${c} → peic`);
      expect(notes).to.contain("re ↔ firm_age");
      for (const o of [
        { covariates: "show" },
        { covariates: "hide" },
        { values: "est", stars: false, rsquare: false },
        { grayscale: true, labels: { re: "Resource endowment" } },
      ] as const) {
        const f2 = fit.diagram(o as never);
        clean(f2, `002 M4 ${JSON.stringify(o)}`);
      }
      const shown = fit.diagram({ covariates: "show" });
      expect(nodeNames(shown)).to.include.members(["firm_size", "intl_scope"]);
      const hidden = fit.diagram({ covariates: "hide" });
      expect(nodeNames(hidden)).to.not.include("firm_size");
      const gray = fit.diagram({ grayscale: true });
      const fills = (gray.layout.shapes as { fillcolor?: string }[]).map((s) => s.fillcolor).filter(Boolean);
      expect(
        fills.every((c) => /^#([0-9a-f])\1\1\1\1\1$/i.test(String(c))),
        `grayscale fills: ${Array.from(new Set(fills)).join(", ")}`,
      ).to.equal(true);
      const est = fit.diagram({ values: "est", stars: false });
      expect(labelTexts(est).some((t) => /\*/.test(t))).to.equal(false);
      expect(() => fit.diagram({ colour: "red" } as never)).to.throw(/unknown option 'colour'/);
      expect(() => fit.diagram({ covariates: "box" } as never)).to.throw(/covariates/);
    }
  });

  it("paper 001: the full SEM with controls (residualCovariances: false)", async () => {
    const df = await readCSV(path.join(ROOT, "notebooks/data/001.csv"));
    const items = paper001.scales;
    const d: Record<string, number[]> = {};
    for (const c of df.columns) d[c] = df.column(c).values as number[];
    const mm: Record<string, string> = {};
    for (const id of Object.keys(items)) mm[id] = `${id} =~ ${items[id].join(" + ")}`;
    const ctrl = ["firm_size", "firm_age", "industry", "intl_experience", "alliance_experience"].join(" + ");
    const model = [
      ...["coord", "learn", "proact", "transf", "rad", "inc", "ie"].map((k) => mm[k]),
      "amc =~ coord + learn + proact + transf",
      `rad ~ a1*amc + ${ctrl}`,
      `inc ~ a2*amc + ${ctrl}`,
      `ie ~ b1*rad + b2*inc + ${ctrl}`,
      "rad ~~ inc",
    ].join("\n");
    const fit = sem(model, d, { likelihood: "wishart" });
    clean(fit.diagram({ title: "Full SEM on the simulated data (std.all)", residualCovariances: false }), "001 SEM");
    clean(fit.diagram({ covariates: "show" }), "001 SEM, covariates shown");
  });

  it("PROCESS: tutorial 03's models, papers 000 and 002, and every supported model", async () => {
    const s = tutorial03();
    const m4 = process({ data: s, model: 4, y: "y", x: "x", m: "m", cov: "age", boot: 1000, seed: 1, normal: 1, stand: 1, total: 1 });
    const d4 = m4.pathDiagram();
    clean(d4, "03 m4");
    expect(labelTexts(d4)).to.include.members([`a = ${m4.equations[0].coefficients[1].coeff.toFixed(3)}***`]);
    const m7 = process({ data: s, model: 7, y: "y", x: "x", m: "m", w: "w", cov: "age", boot: 1000, seed: 1 });
    const d7 = m7.pathDiagram();
    clean(d7, "03 m7");
    expect(nodeNames(d7)).to.include("X*W");
    const extra: Record<string, number[]> = { ...s, m2: s.m.map((v, i) => 0.5 * v + 0.3 * s.x[i] + Math.sin(i * 7.3)), z: s.w.map((_, i) => i % 2) };
    const runs: Record<string, unknown>[] = [
      { model: 1, w: "w" },
      { model: 2, w: "w", z: "z" },
      { model: 3, w: "w", z: "z" },
      { model: 4, m: ["m", "m2"] },
      { model: 5, m: "m", w: "w" },
      { model: 6, m: ["m", "m2"] },
      { model: 8, m: "m", w: "w" },
      { model: 14, m: "m", w: "w" },
      { model: 15, m: "m", w: "w" },
      { model: 21, m: "m", w: "w", z: "z" },
      { model: 58, m: "m", w: "w" },
      { model: 59, m: "m", w: "w", cov: "age" },
    ];
    for (const o of runs) clean(process({ data: extra, y: "y", x: "x", boot: 200, seed: 1, ...o } as never).pathDiagram(), `model ${o.model}`);
    const df0 = await readCSV(path.join(ROOT, "notebooks/data/000.csv"));
    // Paper 000's notebook scoring: composites, AMC as the mean of its four dimensions, CIA = rad + inc, z-scores.
    const it0 = paper000.scales;
    const d0: Record<string, number[]> = { rad: composite(df0, it0.rad), inc: composite(df0, it0.inc), speed: composite(df0, it0.speed) };
    const dims0 = ["coord", "proact", "transf", "learn"].map((c) => composite(df0, it0[c]));
    d0.amc = dims0[0].map((_, i) => (dims0[0][i] + dims0[1][i] + dims0[2][i] + dims0[3][i]) / 4);
    d0.cia_add = d0.rad.map((v, i) => v + d0.inc[i]);
    for (const c of paper000.controls) d0[c] = composite(df0, [c]);
    const Z: Record<string, number[]> = {};
    for (const [k, v] of Object.entries(d0)) Z[k] = standardize(v);
    const CONTROLS_000 = paper000.controls;
    const procAdd = process({ data: Z, model: 4, x: "amc", m: "cia_add", y: "speed", cov: CONTROLS_000, boot: 1000, seed: 278, normal: 1, total: 1 });
    clean(procAdd.pathDiagram(), "000 procAdd");
    clean(procAdd.pathDiagram({ covariates: "show" }), "000 procAdd, covariates shown");
    const procDecomposed = process({ data: Z, model: 4, x: "amc", m: ["rad", "inc"], y: "speed", cov: CONTROLS_000, boot: 1000, seed: 278, contrast: 1 });
    clean(procDecomposed.pathDiagram(), "000 procDecomposed");
    const df2 = await readCSV(path.join(ROOT, "notebooks/data/002.csv"));
    const scales = paper002.scales;
    for (const c of Object.keys(scales)) df2.addColumn(c, composite(df2, scales[c]), { inplace: true });
    df2.addColumn("osc", composite(df2, [...scales.uts, ...scales.dms]), { inplace: true });
    const mediation = process({ data: df2, model: 4, y: "peic", x: "re", m: "osc", boot: 1000, seed: 2021, normal: 1, total: 1 });
    clean(mediation.pathDiagram(), "002 mediation");
    expect(() => mediation.pathDiagram({ stars: "yes" } as never)).to.throw(/stars/);
  });

  it("the papers' conceptual models (hand-placed, src/papers/diagram.ts) as notebooks 001 and 002 draw them", () => {
    /** The figure in pixels, with its boxes, box texts and path labels named as diagramProblems reads them. */
    const inPixels = (fig: Figure) => {
      const L = fig.layout as unknown as {
        width: number;
        height: number;
        margin: Record<string, number>;
        xaxis: { range: number[] };
        yaxis: { range: number[] };
        shapes: Record<string, number & string>[];
        annotations: Record<string, unknown>[];
      };
      const W = L.width - L.margin.l - L.margin.r;
      const H = L.height - L.margin.t - L.margin.b;
      const [x0, x1] = L.xaxis.range;
      const [y0, y1] = L.yaxis.range;
      const X = (x: number) => ((x - x0) / (x1 - x0)) * W;
      const Y = (y: number) => ((y1 - y) / (y1 - y0)) * H;
      const rects = L.shapes
        .filter((sh) => sh.type === "rect")
        .map((sh, i) => ({
          type: "rect",
          name: `node:n${i}`,
          x0: X(sh.x0),
          x1: X(sh.x1),
          y0: Y(sh.y1),
          y1: Y(sh.y0),
          cx: (sh.x0 + sh.x1) / 2,
          cy: (sh.y0 + sh.y1) / 2,
        }));
      const anns = L.annotations
        .filter((a) => !a.showarrow && a.text)
        .map((a, i) => {
          const k = rects.findIndex((r) => Math.abs(r.cx - Number(a.x)) < 1e-9 && Math.abs(r.cy - Number(a.y)) < 1e-9);
          return { ...a, name: k >= 0 ? `text:n${k}` : `label:${i}`, x: X(Number(a.x)), y: Y(Number(a.y)), borderpad: a.borderpad ?? 1 };
        });
      expect(rects.length).to.be.greaterThan(2);
      return { layout: { shapes: rects, annotations: anns } };
    };
    const est = (id?: string) => (id ? paper001.record.coefficients.find((c) => c.id === id) : undefined);
    const f1 = conceptualModel(paper001.record.model, {
      title: "Conceptual model (published standardised estimates on the hypothesised paths)",
      positions: { amc: [0, 0], rad: [1.6, 0.8], inc: [1.6, -0.8], ie: [3.2, 0], apd: [0.9, 2.1], controls: [2.6, -1.9] },
      pathLabel: (p) => {
        const e = est(p.estimateId);
        return p.hypothesis ? `${p.hypothesis}${e ? ": " + e.printed.estimate + (e.stars ?? "") : ""}` : "";
      },
      height: 520,
    });
    expect(diagramProblems(inPixels(f1))).to.deep.equal([]);
    const f2 = conceptualModel(paper002.record.model, {
      title: "Conceptual model (paper 002, Figure 1)",
      positions: { re: [0, 0], osc: [1.5, 0.9], peic: [3, 0], sa: [2.6, 1.9], controls: [1.5, -1.3] },
    });
    expect(diagramProblems(inPixels(f2))).to.deep.equal([]);
  });

  it("a diagram too wide for the page is scaled as a whole (text included) and stays clean", () => {
    const nodes = Array.from({ length: 4 }, (_, i) => ({ id: `v${i}`, lines: [`a rather long variable name ${i}`], shape: "rect" as const }));
    const edges = nodes.slice(1).map((n, i) => ({ from: nodes[i].id, to: n.id, label: ".50***", kind: "path" as const }));
    const fig = drawDiagram({ nodes, edges, title: "Chain", maxWidth: 900 });
    expect(fig.layout.width).to.be.at.most(900);
    expect((fig.layout.meta as { scale: number }).scale).to.be.lessThan(1);
    clean(fig, "scaled chain");
  });

  it("setFigureTheme({ grayscale: true }) makes later diagrams grayscale; options are checked", () => {
    try {
      setFigureTheme({ grayscale: true });
      const fig = drawDiagram({
        nodes: [
          { id: "f", lines: ["f"], shape: "ellipse", fill: "latent" },
          { id: "y", lines: ["y"], shape: "rect" },
        ],
        edges: [{ from: "f", to: "y", label: ".3", kind: "path" }],
      });
      const fills = (fig.layout.shapes as { fillcolor?: string }[]).map((s) => s.fillcolor).filter(Boolean);
      expect(fills.every((c) => /^#([0-9a-f])\1\1\1\1\1$/i.test(String(c)))).to.equal(true);
      expect(() => setFigureTheme({ greyscale: 1 } as never)).to.throw(/unknown option 'greyscale'/);
    } finally {
      resetFigureTheme();
    }
  });
});
