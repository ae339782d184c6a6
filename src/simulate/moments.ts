/**
 * Sample moments of simulated columns: the numbers a simulation's diagnostics compare with their
 * targets. Means, then covariances from centred columns (two passes, so large means do not cost
 * precision); SDs and covariances use the n − 1 denominator, as R's sd() and cov() do.
 */
export interface SampleMoments {
  n: number;
  means: number[];
  sds: number[];
  cov: number[][];
  cor: number[][];
}

/** Means, SDs (n − 1), covariance and Pearson correlation matrices of equal-length columns. */
export function sampleMoments(columns: Float64Array[]): SampleMoments {
  const p = columns.length;
  const n = p ? columns[0].length : 0;
  const means = columns.map((c) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += c[i];
    let m = s / n;
    // A correction pass removes the rounding left by the first sum.
    let r = 0;
    for (let i = 0; i < n; i++) r += c[i] - m;
    m += r / n;
    return m;
  });
  const centred = columns.map((c, j) => {
    const out = new Float64Array(n);
    const m = means[j];
    for (let i = 0; i < n; i++) out[i] = c[i] - m;
    return out;
  });
  const cov: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let a = 0; a < p; a++) {
    const ca = centred[a];
    for (let b = a; b < p; b++) {
      const cb = centred[b];
      let s = 0;
      for (let i = 0; i < n; i++) s += ca[i] * cb[i];
      cov[a][b] = cov[b][a] = s / (n - 1);
    }
  }
  const sds = cov.map((r, i) => Math.sqrt(r[i]));
  const cor = cov.map((r, i) => r.map((v, j) => (i === j ? 1 : v / (sds[i] * sds[j]))));
  return { n, means, sds, cov, cor };
}
