/**
 * Cross products of columns, S_ab = Σ_k x_ka·x_kb (of centred columns: (n − 1)·covariance), the
 * kernel behind correlation tables and SEM sample moments.
 *
 * @example
 * const S = crossProductsLower([Float64Array.of(1, -1), Float64Array.of(2, -2)], 1024);
 * S[1 * 2 + 0]; // 4 (lower triangle: row 1, column 0)
 */

/**
 * Lower triangle (j ≤ i) of the cross-product matrix Σ_k x_ik x_jk of (already centred) columns.
 * Rows are processed in blocks so that every column's block stays in cache while all pairs are
 * formed, and each inner loop updates a 2 × 4 tile of pairs: 6 loads feed 8 multiply–adds, which
 * is what makes a JavaScript loop competitive with R's compiled cor(). Entries above the diagonal
 * may hold partial sums and are never read.
 */
export function crossProductsLower(cols: Float64Array[], blockRows: number): Float64Array {
  const p = cols.length;
  const n = p ? cols[0].length : 0;
  const S = new Float64Array(p * p);
  for (let start = 0; start < n; start += blockRows) {
    const end = Math.min(n, start + blockRows);
    let i = 0;
    for (; i + 1 < p; i += 2) {
      const a0 = cols[i];
      const a1 = cols[i + 1];
      let j = 0;
      for (; j + 3 <= i + 1; j += 4) {
        const b0 = cols[j];
        const b1 = cols[j + 1];
        const b2 = cols[j + 2];
        const b3 = cols[j + 3];
        // biome-ignore format: kept compact on purpose (a hot loop or a dense table)
        let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        for (let k = start; k < end; k++) {
          const x = a0[k];
          const y = a1[k];
          const c0 = b0[k];
          const c1 = b1[k];
          const c2 = b2[k];
          const c3 = b3[k];
          s00 += x * c0;
          s01 += x * c1;
          s02 += x * c2;
          s03 += x * c3;
          s10 += y * c0;
          s11 += y * c1;
          s12 += y * c2;
          s13 += y * c3;
        }
        const r0 = i * p + j;
        const r1 = r0 + p;
        S[r0] += s00;
        S[r0 + 1] += s01;
        S[r0 + 2] += s02;
        S[r0 + 3] += s03;
        S[r1] += s10;
        S[r1 + 1] += s11;
        S[r1 + 2] += s12;
        S[r1 + 3] += s13;
      }
      for (; j <= i + 1; j++) {
        const b = cols[j];
        let s0 = 0;
        let s1 = 0;
        for (let k = start; k < end; k++) {
          const c = b[k];
          s0 += a0[k] * c;
          s1 += a1[k] * c;
        }
        S[i * p + j] += s0;
        S[(i + 1) * p + j] += s1;
      }
    }
    for (; i < p; i++) {
      const a = cols[i];
      for (let j = 0; j <= i; j++) {
        const b = cols[j];
        let s = 0;
        for (let k = start; k < end; k++) s += a[k] * b[k];
        S[i * p + j] += s;
      }
    }
  }
  return S;
}

/**
 * The full symmetric cross-product matrix with every sum taken over the rows in order (one block):
 * the same bits as the plain double loop.
 */
export function crossProductsSymmetric(cols: Float64Array[], n: number): Float64Array {
  const p = cols.length;
  const S = crossProductsLower(cols, Math.max(n, 1));
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) S[b * p + a] = S[a * p + b];
  return S;
}
