import { expect } from "chai";
import { PathlabError, Rng } from "../../src";
import { rng, streamRng } from "../../src/simulate/rng";

/** Φ(x) via Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7, far below the KS bounds used here). */
function pnorm(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/** Kolmogorov–Smirnov statistic D of a sample against a continuous CDF. */
function ksD(x: Float64Array, cdf: (v: number) => number): number {
  const s = Float64Array.from(x).sort();
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(s[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

describe("simulate/rng", () => {
  it("implements xoshiro128** exactly (reference outputs from state {1, 2, 3, 4})", () => {
    const r = new Rng(1) as unknown as { s0: number; s1: number; s2: number; s3: number; nextUint32(): number };
    r.s0 = 1;
    r.s1 = 2;
    r.s2 = 3;
    r.s3 = 4;
    const out = Array.from({ length: 6 }, () => r.nextUint32());
    expect(out).to.deep.equal([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it("gives the recorded first outputs for seed 42 (snapshot of the SplitMix32 seeding)", () => {
    const r = new Rng(42);
    expect([r.nextUint32(), r.nextUint32(), r.nextUint32(), r.nextUint32()]).to.deep.equal([2837322924, 544945897, 479756282, 3500138142]);
    const u = new Rng(42);
    expect(u.uniform()).to.equal(0.6606157208001621);
    expect(u.uniform()).to.equal(0.1117019639532224);
    const z = new Rng(42);
    expect(z.normal()).to.equal(0.31875784963858494);
    expect(z.normal()).to.equal(-0.7706160167419408);
    // Derived stream keys (power's per-replication streams) may exceed 32 bits; their streams are unchanged.
    expect(streamRng(2 ** 40 + 5).nextUint32()).to.equal(2701032010);
  });

  it("same seed → same stream; different seed → different stream", () => {
    const a = new Rng(123).normals(1000);
    const b = new Rng(123).normals(1000);
    expect(Array.from(a)).to.deep.equal(Array.from(b));
    const c = new Rng(124).normals(1000);
    let same = 0;
    for (let i = 0; i < 1000; i++) if (a[i] === c[i]) same++;
    expect(same).to.equal(0);
    // Derived keys beyond 2^32 stay distinct.
    expect(streamRng(2 ** 32 + 1).uniform()).to.not.equal(new Rng(1).uniform());
    // rng() passes a generator through and builds one from a seed.
    const g = new Rng(9);
    expect(rng(g)).to.equal(g);
    expect(rng(9).uniform()).to.equal(new Rng(9).uniform());
    // Forks are reproducible and differ from the parent.
    const f1 = new Rng(5).fork().uniform();
    const f2 = new Rng(5).fork().uniform();
    expect(f1).to.equal(f2);
    expect(f1).to.not.equal(new Rng(5).uniform());
  });

  it("uniform(): mean, variance and KS distance over 1e6 draws", () => {
    const r = new Rng(2024);
    const n = 1_000_000;
    const x = new Float64Array(n);
    let s = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      x[i] = u;
      s += u;
      if (u < min) min = u;
      if (u > max) max = u;
    }
    const mean = s / n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (x[i] - mean) ** 2;
    v /= n - 1;
    // SE of the mean is √(1/12/n) ≈ 2.9e-4; 5 SE bounds.
    expect(Math.abs(mean - 0.5)).to.be.below(1.5e-3);
    expect(Math.abs(v - 1 / 12)).to.be.below(5e-4);
    expect(min).to.be.at.least(0);
    expect(max).to.be.below(1);
    // KS critical value at α = .001 is 1.95/√n ≈ 1.95e-3.
    expect(ksD(x, (u) => Math.min(1, Math.max(0, u)))).to.be.below(1.95e-3);
  });

  it("normal(): mean, variance, skewness and KS distance over 1e6 draws", () => {
    const x = new Rng(77).normals(1_000_000);
    const n = x.length;
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i];
    const mean = s / n;
    let m2 = 0;
    let m3 = 0;
    for (let i = 0; i < n; i++) {
      const d = x[i] - mean;
      m2 += d * d;
      m3 += d * d * d;
    }
    const v = m2 / (n - 1);
    const skew = m3 / n / Math.pow(m2 / n, 1.5);
    expect(Math.abs(mean)).to.be.below(5e-3); // SE 1e-3
    expect(Math.abs(v - 1)).to.be.below(7.5e-3); // SE √2e-6 ≈ 1.4e-3
    expect(Math.abs(skew)).to.be.below(1.25e-2); // SE √(6/n) ≈ 2.4e-3
    expect(ksD(x, pnorm)).to.be.below(1.95e-3);
  });

  it("addResampleCounts is the same stream as nextUint32 with multiply-shift indices", () => {
    for (const n of [1, 7, 278, 1000]) {
      const a = new Rng(99),
        b = new Rng(99);
      const fast = new Float64Array(n + 3);
      a.addResampleCounts(fast, 3, n);
      const slow = new Float64Array(n + 3);
      for (let i = 0; i < n; i++) slow[3 + Math.floor(b.nextUint32() * n * 2.3283064365386963e-10)]++;
      expect(Array.from(fast)).to.deep.equal(Array.from(slow));
      expect(fast.reduce((x, y) => x + y, 0)).to.equal(n);
      // The generators continue in step afterwards.
      expect(a.nextUint32()).to.equal(b.nextUint32());
    }
  });

  it("int(n) covers 0…n−1 evenly; bad seeds are errors", () => {
    const r = new Rng(3);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60000; i++) counts[r.int(6)]++;
    for (const c of counts) expect(Math.abs(c - 10000)).to.be.below(500);
    expect(() => new Rng(NaN)).to.throw(/integer from 0 to 4294967295/);
  });

  // Issue 12, item 8: seeds 1, 1.5 and 1.9 gave the same draws (while output printed "Seed 1.5"),
  // and −1 gave the stream of 4294967295.
  it("seeds are integers in [0, 2³²): fractional, negative and too-large seeds are errors", () => {
    for (const bad of [1.5, 1.9, -1, 2 ** 32, 2 ** 40 + 5, Infinity]) {
      expect(() => new Rng(bad), String(bad))
        .to.throw(PathlabError)
        .with.property("code", "options.bad-seed");
      expect(() => rng(bad), String(bad)).to.throw(PathlabError);
    }
    expect(new Rng(0).nextUint32()).to.be.a("number");
    expect(new Rng(4294967295).nextUint32()).to.be.a("number");
  });
});
