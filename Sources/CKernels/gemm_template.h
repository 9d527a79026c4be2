// One instantiation of the packed GEMM and of the element-wise activation kernels for an
// instruction set. Included by gemm.c with these macros defined:
//
//   WB_NAME, WB_TARGET                 suffix of every function, target attribute
//   WB_VEC, WB_LANES                   the float vector type and its lanes (1 for scalar C)
//   WB_NV, WB_MR                       vectors per tile row, rows per tile (tile: WB_MR × WB_LANES·WB_NV)
//   WB_ZERO(), WB_SET1(x)              0 and x in every lane
//   WB_LOADU(p), WB_STOREU(p, v)       unaligned load and store
//   WB_FMA(x, y, z)                    x·y + z rounded once (the hardware instruction, or fmaf per lane)
//   WB_ADD, WB_SUB, WB_MUL, WB_DIV     correctly rounded IEEE operations
//   WB_MIN(x, y)                       x < y ? x : y per lane (so min(NaN, y) = y, as minps)
//   WB_GT_SELECT(x, y, a, b)           x > y ? a : b per lane
//   WB_GE_SELECT(x, y, a, b)           x >= y ? a : b per lane
//   WB_ABS(x)                          x with its sign bit cleared
//   WB_WITH_SIGN_OF(m, x)              m (sign bit clear) with the sign bit of x
//   WB_POW2_OF_SHIFTED(t)              2ⁿ for t = n + 0x1.8p23 and integer n in [−126, 127]
//
// and, on x86, the shared helper wb_transpose4x4 (SSE, pure data movement) for packing A.
//
// Every operation used below is an IEEE operation (correctly rounded or exact) or a bit
// operation, applied in the same order on every path, so every instantiation produces the
// same bits for the same inputs.

#define WB_NR (WB_LANES * WB_NV)
#define WB_CAT2(a, b) a##b
#define WB_CAT(a, b) WB_CAT2(a, b)
#define WB_KERNEL WB_CAT(kernel_, WB_NAME)
#define WB_GEMM WB_CAT(gemm_rows_, WB_NAME)
#define WB_TANH WB_CAT(tanh_, WB_NAME)
#define WB_VALUE WB_CAT(activation_value_, WB_NAME)
#define WB_GATE WB_CAT(activation_gate_, WB_NAME)
#define WB_MAP WB_CAT(map_, WB_NAME)
#define WB_EPILOGUE WB_CAT(epilogue_, WB_NAME)
#define WB_FINITE WB_CAT(all_finite_, WB_NAME)

/// tanh x, odd, to within 2 ulp (see CKernels.h): sign(x)·t(|x|) with t(a) = a + a³·P(a²) for
/// a < 0.625, else 1 − 2/(e + 1) with e = exp(2·min(|x|, 9.125)) (tanh rounds to 1 beyond 9.02).
/// exp: n = round(t·log₂e) by the 1.5·2²³ shift, r = t − n·ln2 in two FMA steps,
/// eʳ = 1 + (r + r²·Q(r)) with Cephes' expf polynomial, times 2ⁿ built from bits.
/// NaN takes the polynomial branch and stays NaN; ±∞ gives ±1; −0 gives −0.
WB_TARGET static inline WB_VEC WB_TANH(WB_VEC x) {
    const WB_VEC ax = WB_ABS(x);
    // Small branch: x + x³·P(x²), P fitted on [0, 0.625²].
    const WB_VEC u = WB_MUL(ax, ax);
    WB_VEC p = WB_SET1(-5.70484297350049e-03f);
    p = WB_FMA(p, u, WB_SET1(2.0638946443796158e-02f));
    p = WB_FMA(p, u, WB_SET1(-5.373966693878174e-02f));
    p = WB_FMA(p, u, WB_SET1(1.3331441581249237e-01f));
    p = WB_FMA(p, u, WB_SET1(-3.333328068256378e-01f));
    const WB_VEC small = WB_FMA(WB_MUL(u, ax), p, ax);
    // Large branch: 1 − 2/(exp(2|x|) + 1).
    const WB_VEC t = WB_ADD(WB_MIN(ax, WB_SET1(9.125f)), WB_MIN(ax, WB_SET1(9.125f)));
    const WB_VEC shifted = WB_FMA(t, WB_SET1(1.44269504088896341f), WB_SET1(0x1.8p23f));
    const WB_VEC n = WB_SUB(shifted, WB_SET1(0x1.8p23f));
    WB_VEC r = WB_FMA(n, WB_SET1(-0.693145751953125f), t);
    r = WB_FMA(n, WB_SET1(-1.428606765330187045e-06f), r);
    WB_VEC q = WB_SET1(1.9875691500e-4f);
    q = WB_FMA(q, r, WB_SET1(1.3981999507e-3f));
    q = WB_FMA(q, r, WB_SET1(8.3334519073e-3f));
    q = WB_FMA(q, r, WB_SET1(4.1665795894e-2f));
    q = WB_FMA(q, r, WB_SET1(1.6666665459e-1f));
    q = WB_FMA(q, r, WB_SET1(5.0000001201e-1f));
    const WB_VEC er = WB_ADD(WB_FMA(q, WB_MUL(r, r), r), WB_SET1(1.0f));
    const WB_VEC e = WB_MUL(er, WB_POW2_OF_SHIFTED(shifted));
    const WB_VEC large = WB_SUB(WB_SET1(1.0f), WB_DIV(WB_SET1(2.0f), WB_ADD(e, WB_SET1(1.0f))));
    return WB_WITH_SIGN_OF(WB_GE_SELECT(ax, WB_SET1(0.625f), large, small), x);
}

/// f(x) for the activation `kind` (WB_ACT_*): linear x; relu x > 0 ? x : 0;
/// leaky-relu x > 0 ? x : slope·x; tanh as above.
WB_TARGET static inline WB_VEC WB_VALUE(int kind, WB_VEC x, WB_VEC slope) {
    switch (kind) {
    case WB_ACT_RELU: return WB_GT_SELECT(x, WB_ZERO(), x, WB_ZERO());
    case WB_ACT_LEAKY_RELU: return WB_GT_SELECT(x, WB_ZERO(), x, WB_MUL(slope, x));
    case WB_ACT_TANH: return WB_TANH(x);
    default: return x;
    }
}

/// g·f′ expressed through the output h = f(z): relu g·(h > 0 ? 1 : 0); leaky-relu (slope ≥ 0)
/// g·(h > 0 ? 1 : slope); tanh g·(1 − h²) with 1 − h² = fma(−h, h, 1); linear g.
WB_TARGET static inline WB_VEC WB_GATE(int kind, WB_VEC g, WB_VEC h, WB_VEC slope) {
    switch (kind) {
    case WB_ACT_RELU: return WB_MUL(g, WB_GT_SELECT(h, WB_ZERO(), WB_SET1(1.0f), WB_ZERO()));
    case WB_ACT_LEAKY_RELU: return WB_MUL(g, WB_GT_SELECT(h, WB_ZERO(), WB_SET1(1.0f), slope));
    case WB_ACT_TANH: return WB_MUL(g, WB_FMA(WB_SUB(WB_ZERO(), h), h, WB_SET1(1.0f)));
    default: return g;
    }
}

/// y[i] = f(x[i]) (gate == 0) or y[i] = x[i]·f′ from h[i] (gate != 0), for i < count; whole
/// vectors here, the rest through the scalar instantiation (same operations, same bits).
WB_TARGET static void WB_MAP(int kind, float slope, int gate, const float *x, const float *h, float *y, ptrdiff_t count) {
    const WB_VEC s = WB_SET1(slope);
    ptrdiff_t i = 0;
    if (gate) {
        for (; i + WB_LANES <= count; i += WB_LANES)
            WB_STOREU(y + i, WB_GATE(kind, WB_LOADU(x + i), WB_LOADU(h + i), s));
    } else {
        for (; i + WB_LANES <= count; i += WB_LANES) WB_STOREU(y + i, WB_VALUE(kind, WB_LOADU(x + i), s));
    }
#if WB_LANES > 1
    if (i < count) map_scalar(kind, slope, gate, x + i, h ? h + i : 0, y + i, count - i);
#endif
}

/// The epilogue of the `rows` × `width` block of C at `c` (row stride ldc): when `z` is
/// set, z = c (the pre-activation); then c = f(c), or c = c·f′(h) when `h` is set.
WB_TARGET static void WB_EPILOGUE(const wb_gemm *op, float *c, float *z, const float *h, ptrdiff_t ldc,
                                  ptrdiff_t rows, ptrdiff_t width) {
    for (ptrdiff_t r = 0; r < rows; r++) {
        float *row = c + r * ldc;
        if (z)
            for (ptrdiff_t j = 0; j < width; j++) z[r * ldc + j] = row[j];
        if (h) {
            if (op->activation != WB_ACT_LINEAR) WB_MAP(op->activation, op->slope, 1, row, h + r * ldc, row, width);
        } else if (op->activation != WB_ACT_LINEAR) {
            WB_MAP(op->activation, op->slope, 0, row, 0, row, width);
        }
    }
}

/// 1 when every x[i], i < count, is finite: x − x is +0 for finite x and NaN otherwise, and
/// a sum of those stays +0 exactly when every term is +0.
WB_TARGET static int WB_FINITE(const float *x, ptrdiff_t count) {
    ptrdiff_t i = 0;
    WB_VEC sum = WB_ZERO();
    for (; i + WB_LANES <= count; i += WB_LANES) {
        const WB_VEC v = WB_LOADU(x + i);
        sum = WB_ADD(sum, WB_SUB(v, v));
    }
    float lanes[WB_LANES];
    WB_STOREU(lanes, sum);
    for (int l = 0; l < WB_LANES; l++)
        if (lanes[l] != 0.0f) return 0;
    for (; i < count; i++)
        if (x[i] - x[i] != 0.0f) return 0;
    return 1;
}

/// One WB_MR × WB_NR tile of C over kc steps of k. `start` (WB_NR values) begins the sums
/// (the first block of k); with `start` NULL the sums continue from the tile stored in c.
/// For p ascending: acc = fma(a_ip, b_pj, acc). B rows are `ldb` floats apart.
WB_TARGET __attribute__((noinline)) static void WB_KERNEL(ptrdiff_t kc, const float *restrict ap, const float *restrict bp,
                                                          ptrdiff_t ldb, float *restrict c, ptrdiff_t ldc,
                                                          const float *restrict start) {
    WB_VEC acc[WB_MR][WB_NV];
    if (start) {
        _Pragma("unroll")
        for (int v = 0; v < WB_NV; v++) {
            const WB_VEC s = WB_LOADU(start + v * WB_LANES);
            _Pragma("unroll")
            for (int r = 0; r < WB_MR; r++) acc[r][v] = s;
        }
    } else {
        _Pragma("unroll")
        for (int r = 0; r < WB_MR; r++)
            _Pragma("unroll")
            for (int v = 0; v < WB_NV; v++) acc[r][v] = WB_LOADU(c + r * ldc + v * WB_LANES);
    }
    for (ptrdiff_t p = 0; p < kc; p++) {
        WB_VEC b[WB_NV];
        _Pragma("unroll")
        for (int v = 0; v < WB_NV; v++) b[v] = WB_LOADU(bp + p * ldb + v * WB_LANES);
        _Pragma("unroll")
        for (int r = 0; r < WB_MR; r++) {
            const WB_VEC x = WB_SET1(ap[p * WB_MR + r]);
            _Pragma("unroll")
            for (int v = 0; v < WB_NV; v++) acc[r][v] = WB_FMA(x, b[v], acc[r][v]);
        }
    }
    _Pragma("unroll")
    for (int r = 0; r < WB_MR; r++)
        _Pragma("unroll")
        for (int v = 0; v < WB_NV; v++) WB_STOREU(c + r * ldc + v * WB_LANES, acc[r][v]);
}

/// Rows rowBegin..<rowEnd of op's C: blocks of WB_MC rows and WB_KC depths; A packed per block
/// into WB_MR-row slivers, tiles of C by WB_KERNEL (the first block of k starting from the bias
/// or +0), partial tiles through a scratch tile, the epilogue on each tile after its last block.
WB_TARGET static void WB_GEMM(const wb_gemm *op, ptrdiff_t rowBegin, ptrdiff_t rowEnd) {
    const ptrdiff_t k = op->k, n = op->n, ldc = op->ldc;
    const float *a = op->a;
    const ptrdiff_t aRowStride = op->aRowStride, aDepthStride = op->aDepthStride;
    const int epilogue = op->z || op->activation != WB_ACT_LINEAR;
    // Room for MC rows rounded up to whole tiles (the padding rows are zero).
    float apack[((WB_MC + WB_MR - 1) / WB_MR) * WB_MR * WB_KC] __attribute__((aligned(64)));
    float tile[WB_MR * WB_NR] __attribute__((aligned(64)));
    float start[WB_NR] __attribute__((aligned(64)));
    const ptrdiff_t panels = (n + WB_NR - 1) / WB_NR;
    if (k <= 0) {
        // Empty sums: C is the starting value, then the epilogue.
        for (ptrdiff_t i = rowBegin; i < rowEnd; i++)
            for (ptrdiff_t j = 0; j < n; j++) op->c[i * ldc + j] = op->bias ? op->bias[j] : 0.0f;
        if (epilogue)
            WB_EPILOGUE(op, op->c + rowBegin * ldc, op->z ? op->z + rowBegin * ldc : 0,
                        op->h ? op->h + rowBegin * ldc : 0, ldc, rowEnd - rowBegin, n);
        return;
    }
    for (ptrdiff_t ib = rowBegin; ib < rowEnd; ib += WB_MC) {
        const ptrdiff_t mc = (rowEnd - ib < WB_MC) ? rowEnd - ib : WB_MC;
        const ptrdiff_t blocks = (mc + WB_MR - 1) / WB_MR;
        for (ptrdiff_t kb = 0; kb < k; kb += WB_KC) {
            const ptrdiff_t kc = (k - kb < WB_KC) ? k - kb : WB_KC;
            const int first = kb == 0, last = kb + kc >= k;
            // A rows ib..<ib+mc, depth kb..<kb+kc, as blocks of WB_MR interleaved rows
            // (zero rows past mc; they are computed but never stored).
            for (ptrdiff_t blk = 0; blk < blocks; blk++) {
                float *target = apack + blk * kc * WB_MR;
                const ptrdiff_t valid = (mc - blk * WB_MR < WB_MR) ? mc - blk * WB_MR : WB_MR;
                if (aRowStride == 1 && valid == WB_MR) {
                    // Aᵀ operands: the tile's rows are contiguous for each p.
                    const float *source = a + (ib + blk * WB_MR) + kb * aDepthStride;
                    for (ptrdiff_t p = 0; p < kc; p++)
                        for (int r = 0; r < WB_MR; r++) target[p * WB_MR + r] = source[p * aDepthStride + r];
                    continue;
                }
                ptrdiff_t start = 0;
#if WB_X86
                if (aDepthStride == 1 && valid == WB_MR) {
                    // Row-major A: 4 × 4 blocks transposed in SSE registers (wb_transpose4x4).
                    const float *source = a + (ib + blk * WB_MR) * aRowStride + kb;
                    for (; start + 4 <= kc; start += 4)
                        for (int g = 0; g < WB_MR; g += 4)
                            wb_transpose4x4(source + g * aRowStride + start, aRowStride,
                                            target + start * WB_MR + g, WB_MR);
                }
#endif
                for (int r = 0; r < WB_MR; r++) {
                    if (r < valid) {
                        const float *source = a + (ib + blk * WB_MR + r) * aRowStride + kb * aDepthStride;
                        if (aDepthStride == 1) {
                            _Pragma("clang loop vectorize(disable)")
                            for (ptrdiff_t p = start; p < kc; p++) target[p * WB_MR + r] = source[p];
                        } else {
                            _Pragma("clang loop vectorize(disable)")
                            for (ptrdiff_t p = start; p < kc; p++) target[p * WB_MR + r] = source[p * aDepthStride];
                        }
                    } else {
                        for (ptrdiff_t p = 0; p < kc; p++) target[p * WB_MR + r] = 0.0f;
                    }
                }
            }
            for (ptrdiff_t q = 0; q < panels; q++) {
                const ptrdiff_t width = (n - q * WB_NR < WB_NR) ? n - q * WB_NR : WB_NR;
                // Panel q of B from row kb: packed panels are k × NR and contiguous; direct B
                // is row-major (row stride ldb) except a partial last panel, packed in `tail`.
                const float *bq;
                ptrdiff_t ldb;
                if (op->ldb == 0) {
                    bq = op->b + (q * k + kb) * WB_NR;
                    ldb = WB_NR;
                } else if (width == WB_NR) {
                    bq = op->b + kb * op->ldb + q * WB_NR;
                    ldb = op->ldb;
                } else {
                    bq = op->tail + kb * WB_NR;
                    ldb = WB_NR;
                }
                const float *startRow = 0;
                if (first) {
                    for (ptrdiff_t j = 0; j < WB_NR; j++)
                        start[j] = (op->bias && j < width) ? op->bias[q * WB_NR + j] : 0.0f;
                    startRow = start;
                }
                for (ptrdiff_t blk = 0; blk < blocks; blk++) {
                    const ptrdiff_t rows = (mc - blk * WB_MR < WB_MR) ? mc - blk * WB_MR : WB_MR;
                    const ptrdiff_t offset = (ib + blk * WB_MR) * ldc + q * WB_NR;
                    const float *ap = apack + blk * kc * WB_MR;
                    float *ct = op->c + offset;
                    if (rows == WB_MR && width == WB_NR) {
                        WB_KERNEL(kc, ap, bq, ldb, ct, ldc, startRow);
                    } else {
                        if (!first)
                            for (ptrdiff_t r = 0; r < rows; r++)
                                for (ptrdiff_t j = 0; j < width; j++) tile[r * WB_NR + j] = ct[r * ldc + j];
                        WB_KERNEL(kc, ap, bq, ldb, tile, WB_NR, startRow);
                        for (ptrdiff_t r = 0; r < rows; r++)
                            for (ptrdiff_t j = 0; j < width; j++) ct[r * ldc + j] = tile[r * WB_NR + j];
                    }
                    if (last && epilogue)
                        WB_EPILOGUE(op, ct, op->z ? op->z + offset : 0, op->h ? op->h + offset : 0, ldc, rows, width);
                }
            }
        }
    }
}

#undef WB_NR
#undef WB_KERNEL
#undef WB_GEMM
#undef WB_TANH
#undef WB_VALUE
#undef WB_GATE
#undef WB_MAP
#undef WB_EPILOGUE
#undef WB_FINITE
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
#undef WB_FMA
#undef WB_ADD
#undef WB_SUB
#undef WB_MUL
#undef WB_DIV
#undef WB_MIN
#undef WB_GT_SELECT
#undef WB_GE_SELECT
#undef WB_ABS
#undef WB_WITH_SIGN_OF
#undef WB_POW2_OF_SHIFTED
