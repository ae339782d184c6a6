/**
 * Latent interactions by product indicators against semTools 0.5.6 (test/goldens/sem-latint.R →
 * sem-latint.json): indProd (double-mean-centred matched pairs, mean-centred, residual-centred,
 * all pairs) on simulated data shaped like paper 002's M5 (OSC × SA → PEIC, N = 320, two missing
 * values), the lavaan fits with the product factor, probe2WayMC (moderator SA, and OSC) and
 * probe2WayRC. Tolerance: 1e-10 absolute for the products, 1e-4 relative for estimates and probes.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { indProd, probe2WayMC, probe2WayRC, sem } from "../../src/sem";
import { GOLDEN_DIR, errorOf, readCsvMixed } from "./helpers";

const J: any = JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, "sem-latint.json"), "utf8"));
const dat = readCsvMixed("sem-latint.csv");
const o = ["o1", "o2", "o3", "o4"];
const s = ["s1", "s2", "s3", "s4"];
const pn = o.map((x, i) => `${x}.${s[i]}`);

function close(ours: number, ref: number, what: string, tol = 1e-4): void {
  expect(Math.abs(ours - ref) / Math.max(Math.abs(ref), 0.01), `${what}: ours ${ours} vs semTools ${ref}`).to.be.below(tol);
}
function sameColumn(ours: ArrayLike<unknown>, ref: (number | null)[], what: string): void {
  expect(ours.length).to.equal(ref.length);
  ref.forEach((r, i) => {
    const x = ours[i] as number;
    if (r === null) expect(Number.isNaN(x), `${what}[${i}] NA`).to.equal(true);
    else expect(Math.abs(x - r), `${what}[${i}]`).to.be.below(1e-10);
  });
}

describe("sem: indProd against semTools", () => {
  it("double-mean-centred, mean-centred and residual-centred matched pairs; all pairs", () => {
    const dmc = indProd(dat, o, s);
    pn.forEach((p) => sameColumn(dmc[p], J.products.dmc[p], `dmc ${p}`));
    const mc = indProd(dat, o, s, { doubleMC: false });
    pn.forEach((p) => sameColumn(mc[p], J.products.mc[p], `mc ${p}`));
    const rc = indProd(dat, o, s, { meanC: false, residualC: true, doubleMC: false });
    pn.forEach((p) => sameColumn(rc[p], J.products.rc[p], `rc ${p}`));
    const all = indProd(dat, o.slice(0, 2), s.slice(0, 3), { match: false });
    J.all16_names.forEach((p: string) => sameColumn(all[p], J.products.all16[p], `all pairs ${p}`));
    expect(Object.keys(dmc)).to.include.members(["o1", "p4", "o4.s4"]);
  });
  it("bad inputs: unequal sets for matched pairs, unknown columns, clashing names", () => {
    expect(errorOf(() => indProd(dat, o, s.slice(0, 3))).message).to.contain("matched-pair");
    expect(errorOf(() => indProd(dat, ["o9"], ["s1"])).code).to.equal("data.unknown-variable");
    expect(errorOf(() => indProd(indProd(dat, o, s), o, s)).code).to.equal("data.duplicate-column");
    expect(errorOf(() => indProd(dat, o, s, { centre: true } as never)).code).to.equal("options.unknown");
  });
});

describe("sem: probing a latent interaction (M5-like model) against semTools", () => {
  const fitMC = sem(J.model, indProd(dat, o, s));
  const fitRC = sem(J.model, indProd(dat, o, s, { meanC: false, residualC: true, doubleMC: false }), { meanstructure: true });
  const peCheck = (fit: typeof fitMC, ref: any, what: string) => {
    const pe = fit.parameterEstimates().rows;
    ref.forEach((x0: any) => {
      const r = pe.find((x) => x.lhs === x0.lhs && x.op === x0.op && x.rhs === x0.rhs)!;
      close(r.est, x0.est, `${what} ${x0.lhs}${x0.op}${x0.rhs} est`);
      close(r.se, x0.se, `${what} ${x0.lhs}${x0.op}${x0.rhs} se`);
    });
  };
  const probeCheck = (rows: { value: number; est: number; se: number; z: number; pvalue: number }[], ref: any, mod: string, what: string) => {
    rows.forEach((r, i) => {
      close(r.value, ref[mod][i], `${what} value ${i}`);
      close(r.est, ref.est[i], `${what} est ${i}`);
      close(r.se, ref.se[i], `${what} se ${i}`);
      close(r.pvalue, ref.pvalue[i], `${what} p ${i}`, 1e-3);
    });
  };
  it("the lavaan fits with the product factor", () => {
    peCheck(fitMC, J.pe_mc, "MC");
    peCheck(fitRC, J.pe_rc, "RC");
  });
  it("probe2WayMC: simple slopes of OSC at −1 SD, mean, +1 SD of SA, and of SA at OSC = ±1", () => {
    const sd = Math.sqrt(fitMC.parameterEstimates().find("sa", "~~", "sa")!.est);
    close(sd, J.sd_sa, "SD of SA");
    const p = probe2WayMC(fitMC, ["osc", "sa", "int"], "peic", "sa", [-sd, 0, sd]);
    probeCheck(p.simpleSlope, J.probe_mc.slope, "sa", "MC");
    expect(p.simpleIntercept).to.equal(null);
    probeCheck(probe2WayMC(fitMC, ["osc", "sa", "int"], "peic", "osc", [-1, 1]).simpleSlope, J.probe_mc_osc.slope, "osc", "MC osc");
    const fig = p.figure();
    expect(fig.data).to.have.length(3);
    expect((fig.data[2].y as number[])[4] - (fig.data[2].y as number[])[2]).to.be.closeTo(
      p.simpleSlope[2].est * 2 * Math.sqrt(fitMC.parameterEstimates().find("osc", "~~", "osc")!.est),
      1e-9,
    );
    expect(p.summary()).to.contain("Simple slopes");
  });
  it("probe2WayRC: residual-centred products converted as semTools", () => {
    const sd = Math.sqrt(fitRC.parameterEstimates().find("sa", "~~", "sa")!.est);
    const p = probe2WayRC(fitRC, ["osc", "sa", "int"], "peic", "sa", [-sd, 0, sd]);
    probeCheck(p.simpleSlope, J.probe_rc.slope, "sa", "RC");
  });
  it("probe errors: wrong names, a moderator not among the predictors, no mean structure for RC", () => {
    expect(errorOf(() => probe2WayMC(fitMC, ["osc", "sa"] as never, "peic", "sa", [0])).code).to.equal("options.bad-value");
    expect(errorOf(() => probe2WayMC(fitMC, ["osc", "sa", "int"], "peic", "int", [0])).message).to.contain("moderator");
    expect(errorOf(() => probe2WayMC(fitMC, ["osc", "sa", "int"], "xx", "sa", [0])).message).to.contain("no regression");
    expect(errorOf(() => probe2WayRC(fitMC, ["osc", "sa", "int"], "peic", "sa", [0])).message).to.contain("mean structure");
  });
});
