;; Weighted cross-products of four weight vectors at once, with 128-bit SIMD (two doubles a lane):
;;
;;   C[j·kp + k] += Σ_{i < n} W[i·4 + j] · P[i·kp + k]      j = 0 … 3,  k = 0 … kp − 1
;;
;; P holds the per-row products z_ia·z_ib of the column pairs a bootstrap needs (row-major, n × kp,
;; kp a multiple of 4, padding columns zero); W holds how often each row was drawn in four
;; resamples (interleaved); C is zeroed by the caller. A 4 × 4 register tile — four resamples by
;; four pairs, eight f64x2 accumulators — loads two vectors of P and four weights per row for
;; sixteen multiply-adds. Rows go in tiles of `tile` rows, so that the tile of P stays in cache
;; while every group of four pairs passes over it (a large survey's P does not fit in any cache);
;; between tiles a running sum waits in C. Every C entry is therefore still summed over i in order,
;; a multiply then an add (WebAssembly never fuses them), and equals the plain JavaScript loop bit
;; for bit (see src/stats/crossprod.ts).
;; Source of the bytes in src/stats/wasm-kernels.ts; rebuild with `npm run build:wasm`.
(module
  (memory (export "memory") 1)
  (func (export "gemm4") (param $p i32) (param $w i32) (param $c i32) (param $n i32) (param $kp i32) (param $tile i32)
    (local $kb i32) (local $i i32) (local $pp i32) (local $wp i32) (local $stride i32) (local $out i32)
    (local $row0 i32) (local $rows i32)
    (local $a0 v128) (local $a1 v128) (local $b0 v128) (local $b1 v128)
    (local $c0 v128) (local $c1 v128) (local $d0 v128) (local $d1 v128)
    (local $p0 v128) (local $p1 v128) (local $s v128)
    (local.set $stride (i32.shl (local.get $kp) (i32.const 3)))
    (local.set $row0 (i32.const 0))
    (block $tiles_done (loop $tiles
      (br_if $tiles_done (i32.ge_u (local.get $row0) (local.get $n)))
      (local.set $rows (i32.sub (local.get $n) (local.get $row0)))
      (if (i32.gt_u (local.get $rows) (local.get $tile)) (then (local.set $rows (local.get $tile))))
      (local.set $kb (i32.const 0))
      (block $pairs_done (loop $pairs
        (br_if $pairs_done (i32.ge_u (local.get $kb) (local.get $kp)))
        ;; the running sums of this group of pairs
        (local.set $out (i32.add (local.get $c) (i32.shl (local.get $kb) (i32.const 3))))
        (local.set $a0 (v128.load (local.get $out)))
        (local.set $a1 (v128.load offset=16 (local.get $out)))
        (local.set $out (i32.add (local.get $out) (local.get $stride)))
        (local.set $b0 (v128.load (local.get $out)))
        (local.set $b1 (v128.load offset=16 (local.get $out)))
        (local.set $out (i32.add (local.get $out) (local.get $stride)))
        (local.set $c0 (v128.load (local.get $out)))
        (local.set $c1 (v128.load offset=16 (local.get $out)))
        (local.set $out (i32.add (local.get $out) (local.get $stride)))
        (local.set $d0 (v128.load (local.get $out)))
        (local.set $d1 (v128.load offset=16 (local.get $out)))
        (local.set $pp (i32.add (local.get $p)
          (i32.add (i32.mul (local.get $row0) (local.get $stride)) (i32.shl (local.get $kb) (i32.const 3)))))
        (local.set $wp (i32.add (local.get $w) (i32.shl (local.get $row0) (i32.const 5))))
        (local.set $i (local.get $rows))
        (block $rows_done (loop $row
          (br_if $rows_done (i32.eqz (local.get $i)))
          (local.set $p0 (v128.load (local.get $pp)))
          (local.set $p1 (v128.load offset=16 (local.get $pp)))
          (local.set $s (f64x2.splat (f64.load (local.get $wp))))
          (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $s) (local.get $p0))))
          (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $s) (local.get $p1))))
          (local.set $s (f64x2.splat (f64.load offset=8 (local.get $wp))))
          (local.set $b0 (f64x2.add (local.get $b0) (f64x2.mul (local.get $s) (local.get $p0))))
          (local.set $b1 (f64x2.add (local.get $b1) (f64x2.mul (local.get $s) (local.get $p1))))
          (local.set $s (f64x2.splat (f64.load offset=16 (local.get $wp))))
          (local.set $c0 (f64x2.add (local.get $c0) (f64x2.mul (local.get $s) (local.get $p0))))
          (local.set $c1 (f64x2.add (local.get $c1) (f64x2.mul (local.get $s) (local.get $p1))))
          (local.set $s (f64x2.splat (f64.load offset=24 (local.get $wp))))
          (local.set $d0 (f64x2.add (local.get $d0) (f64x2.mul (local.get $s) (local.get $p0))))
          (local.set $d1 (f64x2.add (local.get $d1) (f64x2.mul (local.get $s) (local.get $p1))))
          (local.set $pp (i32.add (local.get $pp) (local.get $stride)))
          (local.set $wp (i32.add (local.get $wp) (i32.const 32)))
          (local.set $i (i32.sub (local.get $i) (i32.const 1)))
          (br $row)))
        (local.set $out (i32.add (local.get $c) (i32.shl (local.get $kb) (i32.const 3))))
        (v128.store (local.get $out) (local.get $a0))
        (v128.store offset=16 (local.get $out) (local.get $a1))
        (local.set $out (i32.add (local.get $out) (local.get $stride)))
        (v128.store (local.get $out) (local.get $b0))
        (v128.store offset=16 (local.get $out) (local.get $b1))
        (local.set $out (i32.add (local.get $out) (local.get $stride)))
        (v128.store (local.get $out) (local.get $c0))
        (v128.store offset=16 (local.get $out) (local.get $c1))
        (local.set $out (i32.add (local.get $out) (local.get $stride)))
        (v128.store (local.get $out) (local.get $d0))
        (v128.store offset=16 (local.get $out) (local.get $d1))
        (local.set $kb (i32.add (local.get $kb) (i32.const 4)))
        (br $pairs)))
      (local.set $row0 (i32.add (local.get $row0) (local.get $rows)))
      (br $tiles)))))
