/**
 * Jump-ahead (Rng.jump, src/simulate/rng-jump.ts) against stepping, and the ziggurat normals
 * (Rng.zigguratNormals) against the normal distribution.
 */
import { expect } from "chai";
import { Rng, itemRng } from "../../src/simulate/rng";
import { jumpStates } from "../../src/simulate/rng-jump";
import { PathlabError } from "../../src/errors";

function pnorm(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

describe("simulate/rng: jump-ahead and ziggurat normals", () => {
  it("jump(t) gives the numbers t calls of nextUint32 would reach", () => {
    for (const t of [0, 1, 2, 31, 32, 127, 128, 129, 1000, 65537, 1234567]) {
      const a = new Rng(99);
      for (let i = 0; i < t; i++) a.nextUint32();
      const b = new Rng(99).jump(t);
      const xa = [a.nextUint32(), a.nextUint32(), a.nextUint32()];
      expect([b.nextUint32(), b.nextUint32(), b.nextUint32()], `t = ${t}`).to.deep.equal(xa);
    }
  });

  it("jumps compose: jump(s) then jump(t) is jump(s + t), also beyond 2^32", () => {
    const a = new Rng(5).jump(2 ** 40 + 12345).jump(2 ** 33 + 7);
    const b = new Rng(5).jump(2 ** 40 + 2 ** 33 + 12352);
    expect(a.nextUint32()).to.equal(b.nextUint32());
    expect(() => new Rng(1).jump(-1)).to.throw(PathlabError, /whole number/);
    expect(() => new Rng(1).jump(1.5)).to.throw(PathlabError, /whole number/);
  });

  it("jumpStates gives the starts of equal chunks", () => {
    const starts = jumpStates(new Rng(12).state(), 1000, 5);
    for (let c = 0; c < 5; c++) expect(Array.from(starts.subarray(4 * c, 4 * c + 4))).to.deep.equal(Array.from(new Rng(12).jump(1000 * c).state()));
  });

  it("state() and setState() hand a stream over exactly", () => {
    const a = new Rng(3);
    a.nextUint32();
    const b = new Rng(1);
    b.setState(a.state());
    expect(b.uniform()).to.equal(a.uniform());
  });

  it("ziggurat normals: mean, variance, tails and KS distance of 400,000 draws", () => {
    const N = 400000;
    const z = new Float64Array(N);
    new Rng(2024).zigguratNormals(z, 0, N);
    let m = 0,
      v = 0,
      k4 = 0;
    for (const x of z) {
      m += x;
      v += x * x;
      k4 += x ** 4;
    }
    m /= N;
    v /= N;
    k4 /= N;
    expect(Math.abs(m)).to.be.below(4 / Math.sqrt(N));
    expect(Math.abs(v - 1)).to.be.below(4 * Math.sqrt(2 / N));
    expect(Math.abs(k4 - 3)).to.be.below(4 * Math.sqrt(96 / N));
    // Beyond the base layer (|x| > r = 3.4426, the tail branch) and beyond 2 (wedges).
    const beyond = (c: number) => z.filter((x) => Math.abs(x) > c).length / N;
    for (const c of [2, 3.4426, 4]) {
      const p = 2 * (1 - pnorm(c));
      expect(Math.abs(beyond(c) - p), `P(|Z| > ${c})`).to.be.below(4 * Math.sqrt(p / N) + 1e-6);
    }
    const s = Float64Array.from(z).sort();
    let d = 0;
    for (let i = 0; i < N; i += 7) {
      const f = pnorm(s[i]);
      d = Math.max(d, (i + 1) / N - f, f - i / N);
    }
    expect(d).to.be.below(1.63 / Math.sqrt(N)); // KS at the 1% level
  });

  it("ziggurat normals are seeded: same state, same numbers; filling in pieces continues the stream", () => {
    const a = new Float64Array(1000),
      b = new Float64Array(1000);
    new Rng(8).zigguratNormals(a, 0, 1000);
    const g = new Rng(8);
    g.zigguratNormals(b, 0, 300);
    g.zigguratNormals(b, 300, 700);
    expect(Array.from(b)).to.deep.equal(Array.from(a));
  });

  it("itemRng: a stream per (seed, item), distinct across items and seeds", () => {
    expect(itemRng(1, 5).uniform()).to.equal(itemRng(1, 5).uniform());
    expect(itemRng(1, 5).uniform()).to.not.equal(itemRng(1, 6).uniform());
    expect(itemRng(1, 5).uniform()).to.not.equal(itemRng(2, 5).uniform());
    expect(itemRng(1, 2 ** 33).uniform()).to.not.equal(itemRng(1, 0).uniform());
  });
});
