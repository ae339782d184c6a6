import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { ols } from "../../src/regression";
import { process } from "../../src/process";
import { sampleMoments } from "../../src/simulate/moments";
import { sem } from "../../src/sem";
import { compositeReliability } from "../../src/measurement/reliability";
import { mediationFromMoments, regressionFromMoments, semInput, termOf, withComposites } from "../../src/replicate";
import { congenericItemMoments, partialCorrelation, type Moments } from "../../src/replicate/moments";

function readCsv(file: string): Record<string, number[]> {
  const lines = fs
    .readFileSync(path.join(__dirname, "../goldens", file), "utf8")
    .trim()
    .split("\n");
  const head = lines[0].split(",").map((h) => h.replace(/"/g, ""));
  const cols: Record<string, number[]> = Object.fromEntries(head.map((h) => [h, [] as number[]]));
  for (const l of lines.slice(1)) l.split(",").forEach((v, j) => cols[head[j]].push(Number(v)));
  return cols;
}

function momentsOfData(d: Record<string, number[]>, names: string[]): Moments {
  const m = sampleMoments(names.map((v) => Float64Array.from(d[v])));
  return { names, means: m.means, sds: m.sds, cor: m.cor, n: d[names[0]].length };
}

describe("replicate: regressions from moments equal regressions on the data (HolzingerSwineford1939)", () => {
  const hs = readCsv("sem-hs.csv");
  const names = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"];
  const m = momentsOfData(hs, names);

  it("b, β, SE, t, p, CI, VIF, R², adjusted R², F and the intercept", () => {
    const fromData = ols(hs, { y: "x9", x: ["x1", "x3", "x5", "x7"] });
    const fromMoments = regressionFromMoments(m, "x9", ["x1", "x3", "x5", "x7"]);
    fromMoments.x.forEach((term, j) => {
      const c = fromData.coefficients.find((x) => x.term === term)!;
      expect(fromMoments.b[j]).to.be.closeTo(c.estimate, 1e-10);
      expect(fromMoments.beta[j]).to.be.closeTo(c.beta as number, 1e-10);
      expect(fromMoments.se[j]).to.be.closeTo(c.se, 1e-10);
      expect(fromMoments.t[j]).to.be.closeTo(c.t, 1e-8);
      expect(fromMoments.p[j]).to.be.closeTo(c.p, 1e-10);
      expect(fromMoments.ciLower[j]).to.be.closeTo(c.lower, 1e-10);
      expect(fromMoments.vif[j]).to.be.closeTo(c.vif as number, 1e-8);
    });
    expect(fromMoments.intercept).to.be.closeTo(fromData.coefficients.find((x) => x.term === "(Intercept)")!.estimate, 1e-9);
    expect(fromMoments.r2).to.be.closeTo(fromData.r2, 1e-12);
    expect(fromMoments.adjR2).to.be.closeTo(fromData.adjR2, 1e-12);
    expect(fromMoments.F).to.be.closeTo(fromData.F, 1e-8);
    expect(fromMoments.df2).to.equal(fromData.df2);
  });

  it("composites: moments of w'x equal the moments of the computed column", () => {
    const withSum = withComposites(m, { s: { x1: 1, x2: 1 }, avg: { x4: 0.5, x5: 0.5 } });
    const d2 = { ...hs, s: hs.x1.map((v, i) => v + hs.x2[i]), avg: hs.x4.map((v, i) => (v + hs.x5[i]) / 2) };
    const direct = momentsOfData(d2, [...names, "s", "avg"]);
    withSum.names.forEach((_, i) => {
      expect(withSum.means[i]).to.be.closeTo(direct.means[i], 1e-10);
      expect(withSum.sds[i]).to.be.closeTo(direct.sds[i], 1e-10);
      withSum.names.forEach((_, j) => expect(withSum.cor[i][j]).to.be.closeTo(direct.cor[i][j], 1e-10));
    });
    const r = regressionFromMoments(withSum, "x9", ["s", "avg", "x7"]);
    const o = ols(d2, { y: "x9", x: ["s", "avg", "x7"] });
    expect(r.t[0]).to.be.closeTo(o.coefficients[1].t, 1e-8);
  });

  it("partial correlation from the inverse correlation matrix equals the correlation of residuals", () => {
    const ra = ols(hs, { y: "x1", x: ["x3", "x5"] });
    const rb = ols(hs, { y: "x2", x: ["x3", "x5"] });
    const ea = hs.x1.map((v, i) => v - (ra.coefficients[0].estimate + ra.coefficients[1].estimate * hs.x3[i] + ra.coefficients[2].estimate * hs.x5[i]));
    const eb = hs.x2.map((v, i) => v - (rb.coefficients[0].estimate + rb.coefficients[1].estimate * hs.x3[i] + rb.coefficients[2].estimate * hs.x5[i]));
    const r = momentsOfData({ ea, eb }, ["ea", "eb"]).cor[0][1];
    expect(partialCorrelation(m, "x1", "x2", ["x3", "x5"])).to.be.closeTo(r, 1e-10);
  });
});

describe("replicate: mediation from moments equals PROCESS model 4 on the data", () => {
  const d = readCsv("process-data.csv");
  const m = momentsOfData(d, ["x", "m1", "m2", "y", "c1", "c2"]);
  it("a, b, c′, c, indirect effects, Sobel SE and z, completely standardised indirect", () => {
    const p = process({ data: d, model: 4, x: "x", m: ["m1", "m2"], y: "y", cov: ["c1", "c2"], boot: 0, normal: 0, total: 1, stand: 1 });
    const mm = mediationFromMoments(m, { x: "x", m: ["m1", "m2"], y: "y", cov: ["c1", "c2"] });
    expect(termOf(mm.a[0], "x").b).to.be.closeTo(p.equation("m1")!.coefficients.find((c) => c.term === "x")!.coeff, 1e-10);
    expect(termOf(mm.outcome, "m2").se).to.be.closeTo(p.equation("y")!.coefficients.find((c) => c.term === "m2")!.se, 1e-10);
    expect(termOf(mm.total, "x").b).to.be.closeTo(p.totalEffect!.effect, 1e-10);
    expect(mm.indirect[0]).to.be.closeTo(p.indirectEffects.find((r) => r.label === "m1")!.effect, 1e-10);
    const cs = p.standardized.find((s) => s.kind === "completely")!.rows.find((r) => r.label === "m2")!;
    expect(mm.indirectStandardized[1]).to.be.closeTo(cs.effect, 1e-10);
    const one = process({ data: d, model: 4, x: "x", m: "m1", y: "y", cov: ["c1", "c2"], boot: 0, normal: 1 });
    const mOne = mediationFromMoments(m, { x: "x", m: ["m1"], y: "y", cov: ["c1", "c2"] });
    expect(mOne.sobel[0].se).to.be.closeTo(one.normalTests[0].sobelSE, 1e-10);
    expect(mOne.sobel[0].z).to.be.closeTo(one.normalTests[0].sobelZ, 1e-8);
  });
});

describe("replicate: congeneric item moments", () => {
  const m: Moments = {
    names: ["f", "g", "c"],
    means: [5, 4, 2],
    sds: [1.1, 0.9, 0.5],
    cor: [
      [1, 0.4, 0.2],
      [0.4, 1, -0.1],
      [0.2, -0.1, 1],
    ],
    n: 300,
  };
  const scales = { f: { items: ["f1", "f2", "f3"], loadings: [0.8, 0.7, 0.75] }, g: { items: ["g1", "g2", "g3"], loadings: [0.85, 0.8, 0.6] } };
  const items = congenericItemMoments(m, scales, ["c"]);

  it("item means reproduce the composites: mean, SD and correlations of the item means equal the table", () => {
    const S = semInput(items).cov;
    const w = (c: string) => items.names.map((v) => (scales[c as "f" | "g"].items.includes(v) ? 1 / 3 : 0));
    const cov = (a: number[], b: number[]) => a.reduce((s, ai, i) => s + ai * S[i].reduce((t, sij, j) => t + sij * b[j], 0), 0);
    const wf = w("f");
    const wg = w("g");
    const wc = items.names.map((v) => (v === "c" ? 1 : 0));
    expect(Math.sqrt(cov(wf, wf))).to.be.closeTo(1.1, 1e-12);
    expect(cov(wf, wg) / Math.sqrt(cov(wf, wf) * cov(wg, wg))).to.be.closeTo(0.4, 1e-12);
    expect(cov(wg, wc) / Math.sqrt(cov(wg, wg) * cov(wc, wc))).to.be.closeTo(-0.1, 1e-12);
  });

  it("a CFA of the implied item moments recovers the loadings and the disattenuated correlation", () => {
    const fit = sem("f =~ f1 + f2 + f3\ng =~ g1 + g2 + g3", semInput(items));
    const st = fit.standardizedSolution();
    expect(st.find("f", "=~", "f2")!.est_std).to.be.closeTo(0.7, 1e-6);
    expect(st.find("f", "~~", "g")!.est_std).to.be.closeTo(
      0.4 / Math.sqrt(compositeReliability([0.8, 0.7, 0.75]) * compositeReliability([0.85, 0.8, 0.6])),
      1e-6,
    );
  });

  it("refuses disattenuated correlations that are not a correlation matrix", () => {
    const bad = {
      ...m,
      cor: [
        [1, 0.9, 0],
        [0.9, 1, 0],
        [0, 0, 1],
      ],
    };
    expect(() => congenericItemMoments(bad, scales, ["c"])).to.throw(/disattenuated correlations are not a correlation matrix/);
  });
});

describe("replicate: the ML critical ratio of a path model from moments", () => {
  it("z = t √((N − 1)/(N − k − 1)) equals sem()'s critical ratio for the same regression (Wishart likelihood)", () => {
    const hs = readCsv("sem-hs.csv");
    const m = momentsOfData(hs, ["x1", "x3", "x5", "x9"]);
    const r = regressionFromMoments(m, "x9", ["x1", "x3", "x5"]);
    const fit = sem("x9 ~ x1 + x3 + x5", hs, { likelihood: "wishart" });
    ["x1", "x3", "x5"].forEach((x, j) => expect(r.z[j]).to.be.closeTo(fit.parameterEstimates().find("x9", "~", x)!.z, 1e-4));
  });
});
