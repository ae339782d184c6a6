/**
 * process() with a multicategorical X (mcx = 1–4, model 4) against lm()/sandwich/boot in R
 * (test/goldens/process-mcx.R): iris (Species as codes 5/2/9, so sorting matters) and mtcars
 * (carb, 6 categories). Exact values at 1e-8; bootstrap percentile bounds within Monte Carlo error
 * of boot::boot's (B = 5000 each).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { process } from "../../src/process";
import { mcxCoding } from "../../src/process/mcx";
import { PathlabError } from "../../src/errors";
import { GOLDEN_DIR, readCsvColumns, relClose } from "./helpers";

interface GoldEq {
  coef: number[];
  se: number[];
  r2: number;
  F: number;
  df2: number;
}
interface GoldOmni {
  r2chng: number;
  F: number;
  df1: number;
  df2: number;
}
interface GoldRun {
  x: string;
  m: string | string[];
  y: string;
  cov: string | string[];
  mcx: 1 | 2 | 3 | 4;
  hc: boolean;
  levels: number[];
  coding: number[][];
  equations: GoldEq[];
  total: GoldEq;
  directOmnibus: GoldOmni;
  totalOmnibus: GoldOmni;
  indirect: number | number[];
  boot?: { B: number; se: number[]; llci: number[]; ulci: number[] };
}

interface GoldModeration {
  x: string;
  w: string;
  y: string;
  cov: string | string[];
  mcx: 1 | 2 | 3 | 4;
  hc: boolean;
  levels: number[];
  coding: number[][];
  wmodval: number[] | Record<string, never>;
  equation: GoldEq;
  interaction: GoldOmni;
  conditional: { w: number; effect: number[]; se: number[]; F: number }[];
}

const { model1: goldM1, ...gold } = JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, "process-mcx.json"), "utf8")) as Record<string, GoldRun> & {
  model1: Record<string, GoldModeration>;
};
const iris = readCsvColumns(path.join(GOLDEN_DIR, "process-mcx.csv"));
const mt = readCsvColumns(path.join(GOLDEN_DIR, "mtcars.csv"));
const list = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

function closeAll(actual: ArrayLike<number>, expected: number[], what: string, tol = 1e-8) {
  expect(actual.length, what).to.equal(expected.length);
  for (let i = 0; i < expected.length; i++) expect(relClose(actual[i], expected[i], tol), `${what}[${i}]: ${actual[i]} vs ${expected[i]}`).to.equal(true);
}

function runOf(name: string, g: GoldRun, boot: number) {
  const data = name.startsWith("mtcars") ? { carb: mt.carb, hp: mt.hp, mpg: mt.mpg, wt: mt.wt } : iris;
  const cov = list(g.cov);
  return process({ data, model: 4, x: g.x, m: list(g.m), y: g.y, ...(cov.length ? { cov } : {}), mcx: g.mcx, ...(g.hc ? { hc: 3 } : {}), boot, seed: 7 });
}

describe("process: multicategorical X (mcx) against R", () => {
  it("codes 3 categories as PROCESS documents them", () => {
    expect(mcxCoding(3, 1)).to.deep.equal([
      [0, 0],
      [1, 0],
      [0, 1],
    ]);
    expect(mcxCoding(3, 2)).to.deep.equal([
      [0, 0],
      [1, 0],
      [1, 1],
    ]);
    expect(mcxCoding(3, 3)).to.deep.equal([
      [-2 / 3, 0],
      [1 / 3, -1 / 2],
      [1 / 3, 1 / 2],
    ]);
    expect(mcxCoding(3, 4)).to.deep.equal([
      [-1, -1],
      [1, 0],
      [0, 1],
    ]);
  });

  for (const [name, g] of Object.entries(gold)) {
    it(`${name}: coding, equations, total model, omnibus tests and relative effects`, () => {
      const r = runOf(name, g, 0);
      const p = r.payload;
      expect(p.levels).to.deep.equal(g.levels);
      closeAll(p.coding.flat(), g.coding.flat(), "coding", 1e-12);
      g.equations.forEach((ge, e) => {
        const eq = p.equations[e];
        closeAll(
          eq.coefficients.map((c) => c.coeff),
          ge.coef,
          `eq ${e} coef`,
        );
        closeAll(
          eq.coefficients.map((c) => c.se),
          ge.se,
          `eq ${e} se`,
        );
        closeAll([eq.summary.r2, eq.summary.F, eq.summary.df2], [ge.r2, ge.F, ge.df2], `eq ${e} summary`);
      });
      const t = p.totalEffectModel;
      closeAll(
        t.coefficients.map((c) => c.coeff),
        g.total.coef,
        "total coef",
      );
      closeAll(
        t.coefficients.map((c) => c.se),
        g.total.se,
        "total se",
      );
      closeAll([t.summary.r2, t.summary.F], [g.total.r2, g.total.F], "total summary");
      const k = g.levels.length;
      closeAll(
        p.relativeTotal.map((c) => c.coeff),
        g.total.coef.slice(1, k),
        "relative total",
      );
      const yEq = g.equations[g.equations.length - 1];
      closeAll(
        p.relativeDirect.map((c) => c.se),
        yEq.se.slice(1, k),
        "relative direct se",
      );
      for (const [mine, theirs, what] of [
        [p.directOmnibus, g.directOmnibus, "direct"],
        [p.totalOmnibus, g.totalOmnibus, "total"],
      ] as const)
        closeAll([mine.r2chng, mine.F, mine.df1, mine.df2], [theirs.r2chng, theirs.F, theirs.df1, theirs.df2], `${what} omnibus`);
      closeAll(
        r.indirect.map((x) => x.effect),
        list(g.indirect),
        "relative indirect",
      );
      expect(r.indirect.map((x) => x.code)).to.deep.equal(list(g.m).flatMap(() => Array.from({ length: k - 1 }, (_, i) => `X${i + 1}`)));
    });
  }

  for (const [name, g] of Object.entries(gold).filter(([, v]) => v.boot)) {
    it(`${name}: bootstrap intervals reproducible and within Monte Carlo error of boot::boot`, () => {
      const r = runOf(name, g, 5000);
      const again = runOf(name, g, 5000);
      expect(again.indirect).to.deep.equal(r.indirect);
      const b = g.boot!;
      r.indirect.forEach((row, j) => {
        const se = b.se[j];
        // MC sd of a 2.5% quantile with B = 5000 is ≈ 0.04 bootstrap SE; two independent runs differ by ≈ 0.055 SE.
        expect(Math.abs(row.llci! - b.llci[j]), `llci ${j}`).to.be.below(0.25 * se);
        expect(Math.abs(row.ulci! - b.ulci[j]), `ulci ${j}`).to.be.below(0.25 * se);
        expect(Math.abs(row.bootSE! / se - 1), `bootSE ${j}`).to.be.below(0.06);
      });
    });
  }

  for (const [name, g] of Object.entries(goldM1)) {
    it(`model 1, ${name}: Y equation, X×W omnibus test, relative conditional effects and their omnibus tests`, () => {
      const data = name.startsWith("mtcars") ? { cyl: mt.cyl, wt: mt.wt, mpg: mt.mpg } : iris;
      const cov = list(g.cov);
      const wmodval = Array.isArray(g.wmodval) ? g.wmodval : undefined;
      const r = process({
        data,
        model: 1,
        x: g.x,
        w: g.w,
        y: g.y,
        mcx: g.mcx,
        ...(cov.length ? { cov } : {}),
        ...(g.hc ? { hc: 3 } : {}),
        ...(wmodval ? { wmodval } : {}),
      });
      const p = r.payload;
      expect(p.levels).to.deep.equal(g.levels);
      closeAll(
        p.equation.coefficients.map((c) => c.coeff),
        g.equation.coef,
        "coef",
      );
      closeAll(
        p.equation.coefficients.map((c) => c.se),
        g.equation.se,
        "se",
      );
      closeAll([p.equation.summary.r2, p.equation.summary.F, p.equation.summary.df2], [g.equation.r2, g.equation.F, g.equation.df2], "summary");
      const it = g.interaction;
      closeAll([p.interaction.r2chng, p.interaction.F, p.interaction.df1, p.interaction.df2], [it.r2chng, it.F, it.df1, it.df2], "interaction");
      expect(p.conditional.map((c) => c.w)).to.deep.equal(g.conditional.map((c) => c.w));
      g.conditional.forEach((gc, j) => {
        const c = p.conditional[j];
        closeAll(
          c.effects.map((e) => e.coeff),
          gc.effect,
          `θ at ${gc.w}`,
        );
        closeAll(
          c.effects.map((e) => e.se),
          gc.se,
          `se at ${gc.w}`,
        );
        closeAll([c.omnibus.F], [gc.F], `omnibus at ${gc.w}`);
      });
    });
  }

  it("model 1 summary() shows the coding, the product key and the conditional effects when probed", () => {
    const r = process({ data: iris, model: 1, x: "species", w: "sl", y: "sw", mcx: 1 });
    const text = r.summary();
    expect(r.payload.probed).to.equal(true);
    expect(text).to.match(/Coding of categorical X variable for analysis/);
    expect(text).to.match(/Int_2 +X2 x sl/);
    expect(text).to.match(/Conditional effects of the focal predictor at sl = 5\.8/);
  });

  it("summary() prints the coding table as PROCESS does", () => {
    const r = runOf("iris_mcx3", gold.iris_mcx3, 200);
    const text = r.summary();
    expect(text).to.match(/Coding of categorical X variable for analysis/);
    expect(text).to.match(/Relative indirect effects of X on Y: species -> pl -> sw/);
    expect(text).to.match(/Omnibus test of direct effect of X on Y/);
    expect(text).to.match(/[−-]0\.6667/);
  });

  it("refuses mcx where it is not supported, naming the models that take it", () => {
    const base = { data: iris, x: "species", y: "sw" };
    expect(() => process({ ...base, model: 7, m: "pl", w: "sl", mcx: 1 })).to.throw(PathlabError, /mcx .*supported in model 1, 4 only/);
    expect(() => process({ ...base, model: 1, w: "sl", mcx: 1, jn: 1 })).to.throw(PathlabError, /'jn' is not supported with mcx/);
    expect(() => process({ ...base, model: 4, m: "pl", mcx: 5 } as never)).to.throw(PathlabError, /mcx/);
    expect(() => process({ ...base, model: 4, m: "pl", mcx: 1, normal: 1 })).to.throw(PathlabError, /'normal' is not supported with mcx/);
    expect(() => process({ ...base, model: 4, m: "pl", mcw: 1 } as never)).to.throw(PathlabError, /multicategorical moderator is not supported/);
    const two = { x: iris.species.map((v) => (v === 2 ? 2 : 5)), m: iris.pl, y: iris.sw };
    expect(() => process({ data: two, model: 4, x: "x", m: "m", y: "y", mcx: 1, boot: 0 })).to.throw(PathlabError, /needs 3 to 9 categories/);
  });
});
