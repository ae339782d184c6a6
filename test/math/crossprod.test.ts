/**
 * The weighted cross-product kernel (src/math/crossprod.ts): the WebAssembly SIMD kernel and the
 * JavaScript loop give identical bits and equal a direct sum; the embedded bytes are those of the
 * committed .wat source.
 */
import { expect } from "chai";
import { spawnSync } from "child_process";
import * as path from "path";
import { hasSimdKernel, WeightedCrossProducts } from "../../src/math/crossprod";
import { Rng } from "../../src/simulate/rng";

describe("math/crossprod: weighted cross-products for resampling", () => {
  const q = 5;
  const g = new Rng(11);
  function data(n: number): Float64Array {
    const z = new Float64Array(n * q);
    for (let i = 0; i < n; i++) {
      z[i * q] = 1;
      for (let j = 1; j < q; j++) z[i * q + j] = g.normal() * (j + 0.5);
    }
    return z;
  }
  const A: number[] = [],
    B: number[] = [];
  for (let a = 0; a < q; a++)
    for (let b = a; b < q; b++) {
      A.push(a);
      B.push(b);
    }

  it("runs the WebAssembly SIMD kernel on this Node", () => {
    expect(hasSimdKernel()).to.equal(true);
    expect(new WeightedCrossProducts(data(10), 10, q, A, B).engine).to.equal("wasm-simd");
  });

  // 5,000 rows span three tiles of rows in the kernel (2,048 rows each for 16 pairs).
  for (const [n, z] of [
    [137, data(137)],
    [5000, data(5000)],
  ] as const) {
    it(`WebAssembly and JavaScript give identical bits, equal to Σ w_i z_ia z_ib (n = ${n})`, () => {
      const wasm = new WeightedCrossProducts(z, n, q, A, B);
      const js = new WeightedCrossProducts(z, n, q, A, B, { engine: "js" });
      expect(js.engine).to.equal("js");
      expect(wasm.stride).to.equal(16);
      for (let rep = 0; rep < 3; rep++) {
        wasm.weights.fill(0);
        for (let j = 0; j < 4; j++) g.addResampleCounts(wasm.weights, j, n, 4);
        js.weights.set(wasm.weights);
        wasm.compute();
        js.compute();
        expect(Array.from(wasm.out)).to.deep.equal(Array.from(js.out));
        for (let j = 0; j < 4; j++)
          for (let k = 0; k < A.length; k++) {
            let s = 0;
            for (let i = 0; i < n; i++) s += wasm.weights[i * 4 + j] * z[i * q + A[k]] * z[i * q + B[k]];
            expect(wasm.out[j * wasm.stride + k]).to.be.closeTo(s, 1e-9 * Math.max(1, Math.abs(s)));
          }
        // Row counts of a resample sum to n.
        for (let j = 0; j < 4; j++) expect(wasm.out[j * wasm.stride]).to.equal(n);
      }
    });
  }

  it("src/math/wasm-kernels.ts holds the bytes of src/math/wasm/*.wat (npm run build:wasm)", function () {
    this.timeout(30000);
    const r = spawnSync(process.execPath, [path.join(__dirname, "..", "..", "scripts", "build-wasm.js"), "--check"], { encoding: "utf8" });
    expect(r.status, r.stderr).to.equal(0);
  });
});
