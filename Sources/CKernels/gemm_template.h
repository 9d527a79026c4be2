// One instantiation of the packed GEMM for an instruction set. Included by gemm.c with
// WB_NAME, WB_TARGET, WB_VEC, WB_LANES, WB_NV (vectors per row of a tile), WB_MR (rows per
// tile), WB_ZERO(), WB_LOADU(p), WB_STOREU(p, v), WB_SET1(x), WB_ADD(x, y), WB_MUL(x, y).
//
// Summation order: each accumulator lane holds one c_ij and receives, for p ascending,
// acc = acc + (a_ip · b_pj), starting from +0. Blocking over k stores the partial sum to C
// (a float) and reloads it, which changes nothing.

#define WB_NR (WB_LANES * WB_NV)
#define WB_CAT2(a, b) a##b
#define WB_CAT(a, b) WB_CAT2(a, b)
#define WB_KERNEL WB_CAT(kernel_, WB_NAME)
#define WB_GEMM WB_CAT(gemm_rows_, WB_NAME)

WB_TARGET __attribute__((noinline)) static void WB_KERNEL(ptrdiff_t kc, const float *restrict ap, const float *restrict bp,
                                       float *restrict c, ptrdiff_t ldc, int first) {
    WB_VEC acc[WB_MR][WB_NV];
    if (first) {
        _Pragma("unroll")
        for (int r = 0; r < WB_MR; r++)
            _Pragma("unroll")
            for (int v = 0; v < WB_NV; v++) acc[r][v] = WB_ZERO();
    } else {
        _Pragma("unroll")
        for (int r = 0; r < WB_MR; r++)
            _Pragma("unroll")
            for (int v = 0; v < WB_NV; v++) acc[r][v] = WB_LOADU(c + r * ldc + v * WB_LANES);
    }
    for (ptrdiff_t p = 0; p < kc; p++) {
        WB_VEC b[WB_NV];
        _Pragma("unroll")
        for (int v = 0; v < WB_NV; v++) b[v] = WB_LOADU(bp + p * WB_NR + v * WB_LANES);
        _Pragma("unroll")
        for (int r = 0; r < WB_MR; r++) {
            WB_VEC x = WB_SET1(ap[p * WB_MR + r]);
            _Pragma("unroll")
            for (int v = 0; v < WB_NV; v++) acc[r][v] = WB_ADD(acc[r][v], WB_MUL(x, b[v]));
        }
    }
    _Pragma("unroll")
    for (int r = 0; r < WB_MR; r++)
        _Pragma("unroll")
        for (int v = 0; v < WB_NV; v++) WB_STOREU(c + r * ldc + v * WB_LANES, acc[r][v]);
}

WB_TARGET static void WB_GEMM(const float *a, ptrdiff_t aRowStride, ptrdiff_t aDepthStride,
                              const float *packed, float *c, ptrdiff_t k, ptrdiff_t n,
                              ptrdiff_t rowBegin, ptrdiff_t rowEnd) {
    // Room for MC rows rounded up to whole tiles (the padding rows are zero).
    float apack[((WB_MC + WB_MR - 1) / WB_MR) * WB_MR * WB_KC] __attribute__((aligned(64)));
    float tile[WB_MR * WB_NR] __attribute__((aligned(64)));
    for (int t = 0; t < WB_MR * WB_NR; t++) tile[t] = 0.0f;
    const ptrdiff_t panels = (n + WB_NR - 1) / WB_NR;
    for (ptrdiff_t ib = rowBegin; ib < rowEnd; ib += WB_MC) {
        const ptrdiff_t mc = (rowEnd - ib < WB_MC) ? rowEnd - ib : WB_MC;
        const ptrdiff_t blocks = (mc + WB_MR - 1) / WB_MR;
        for (ptrdiff_t kb = 0; kb < k; kb += WB_KC) {
            const ptrdiff_t kc = (k - kb < WB_KC) ? k - kb : WB_KC;
            const int first = kb == 0;
            // A rows ib..<ib+mc, depth kb..<kb+kc, as blocks of WB_MR interleaved rows
            // (zero rows past mc; they are computed but never stored).
            for (ptrdiff_t blk = 0; blk < blocks; blk++) {
                float *target = apack + blk * kc * WB_MR;
                for (int r = 0; r < WB_MR; r++) {
                    const ptrdiff_t row = blk * WB_MR + r;
                    if (row < mc) {
                        const float *source = a + (ib + row) * aRowStride + kb * aDepthStride;
                        for (ptrdiff_t p = 0; p < kc; p++) target[p * WB_MR + r] = source[p * aDepthStride];
                    } else {
                        for (ptrdiff_t p = 0; p < kc; p++) target[p * WB_MR + r] = 0.0f;
                    }
                }
            }
            for (ptrdiff_t q = 0; q < panels; q++) {
                const float *bq = packed + (q * k + kb) * WB_NR;
                const ptrdiff_t width = (n - q * WB_NR < WB_NR) ? n - q * WB_NR : WB_NR;
                for (ptrdiff_t blk = 0; blk < blocks; blk++) {
                    const ptrdiff_t rows = (mc - blk * WB_MR < WB_MR) ? mc - blk * WB_MR : WB_MR;
                    const float *ap = apack + blk * kc * WB_MR;
                    float *ct = c + (ib + blk * WB_MR) * n + q * WB_NR;
                    if (rows == WB_MR && width == WB_NR) {
                        WB_KERNEL(kc, ap, bq, ct, n, first);
                    } else {
                        if (!first)
                            for (ptrdiff_t r = 0; r < rows; r++)
                                for (ptrdiff_t j = 0; j < width; j++) tile[r * WB_NR + j] = ct[r * n + j];
                        WB_KERNEL(kc, ap, bq, tile, WB_NR, first);
                        for (ptrdiff_t r = 0; r < rows; r++)
                            for (ptrdiff_t j = 0; j < width; j++) ct[r * n + j] = tile[r * WB_NR + j];
                    }
                }
            }
        }
    }
}

#undef WB_NR
#undef WB_KERNEL
#undef WB_GEMM
#undef WB_NAME
#undef WB_TARGET
#undef WB_VEC
#undef WB_LANES
#undef WB_NV
#undef WB_MR
#undef WB_ZERO
#undef WB_LOADU
#undef WB_STOREU
#undef WB_SET1
#undef WB_ADD
#undef WB_MUL
