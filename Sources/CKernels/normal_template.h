// One instantiation of the Philox4x32-10 + Box–Muller normal fill for an instruction set,
// written with the compiler's generic vector types (16 lanes: the blocks of two consecutive
// groups of eight). Included by normal.c with WB_NAME and WB_TARGET defined. Every operation
// is a lane-wise integer operation or a correctly rounded IEEE operation (never fused), in the
// order of WeightInit's Swift sampler, so every instantiation gives its bits.

#define WB_CAT2(a, b) a##b
#define WB_CAT(a, b) WB_CAT2(a, b)
#define WB_FILL WB_CAT(normal_groups_, WB_NAME)
#define WB_LOG WB_CAT(normal_log_, WB_NAME)
#define WB_PAIR WB_CAT(normal_pair_, WB_NAME)
#define WB_MUL_WIDE WB_CAT(normal_mul_wide_, WB_NAME)

/// The 64-bit products x·m of every 32-bit lane, split into high and low words.
WB_TARGET static inline void WB_MUL_WIDE(wb_u16 x, uint32_t m, wb_u16 *hi, wb_u16 *lo) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    // Even lanes are the low halves of 64-bit lanes, odd lanes the high halves.
    const wb_u64x8 pairs = (wb_u64x8)x;
    const wb_u64x8 even = (pairs & 0xFFFFFFFFull) * (uint64_t)m, odd = (pairs >> 32) * (uint64_t)m;
    *hi = (wb_u16)((even >> 32) | (odd & 0xFFFFFFFF00000000ull));
    *lo = (wb_u16)((even & 0xFFFFFFFFull) | (odd << 32));
#else
    const wb_u64x16 wide = __builtin_convertvector(x, wb_u64x16) * (uint64_t)m;
    *hi = __builtin_convertvector(wide >> 32, wb_u16);
    *lo = __builtin_convertvector(wide, wb_u16);
#endif
}

/// ln x for positive normal x: x = m·2ᵉ, m ∈ [√½, √2), ln x = e·ln 2 + ln(1 + f), f = m − 1,
/// with Cephes' logf polynomial; separate multiplications and additions in Swift's order.
WB_TARGET static inline wb_f16 WB_LOG(wb_f16 x) {
    const wb_i16 bits = (wb_i16)x;
    wb_i16 exponent = (bits >> 23) - 126;
    wb_f16 mantissa = (wb_f16)((bits & 0x007FFFFF) | 0x3F000000);
    const wb_i16 small = (wb_i16)(mantissa < 0.707106781186547524f);
    exponent += small;
    mantissa += (wb_f16)((wb_i16)mantissa & small);
    const wb_f16 f = mantissa - 1.0f;
    const wb_f16 z = f * f;
    wb_f16 p = (wb_f16){0} + 7.0376836292e-2f;
    p = p * f + -1.1514610310e-1f;
    p = p * f + 1.1676998740e-1f;
    p = p * f + -1.2420140846e-1f;
    p = p * f + 1.4249322787e-1f;
    p = p * f + -1.6668057665e-1f;
    p = p * f + 2.0000714765e-1f;
    p = p * f + -2.4999993993e-1f;
    p = p * f + 3.3333331174e-1f;
    const wb_f16 e = __builtin_convertvector(exponent, wb_f16);
    wb_f16 y = p * f * z;
    y = y + e * -2.12194440e-4f;
    y = y - z * 0.5f;
    return f + y + e * 0.693359375f;
}

/// Box–Muller: u₁ = (⌊w₁/2⁸⌋ + 1)·2⁻²⁴, r = √(−2 ln u₁), θ = 2π·⌊w₂/2⁸⌋·2⁻²⁴;
/// (mean + std·r cos θ, mean + std·r sin θ), cos and sin by Cephes' polynomials on an exact
/// integer quadrant reduction.
WB_TARGET static inline void WB_PAIR(wb_u16 first, wb_u16 second, float mean, float std, wb_f16 *x, wb_f16 *y) {
    const wb_f16 u1 = __builtin_convertvector((wb_i16)(first >> 8) + 1, wb_f16) * 0x1p-24f;
    const wb_f16 radius = __builtin_elementwise_sqrt(WB_LOG(u1) * -2.0f);
    const wb_u16 t = second >> 8;
    const wb_u16 q = (t + (1u << 21)) >> 22;
    const wb_i16 residual = (wb_i16)(t - (q << 22));
    const wb_f16 a = __builtin_convertvector(residual, wb_f16) * (6.28318530717958647692f * 0x1p-24f);
    const wb_f16 z = a * a;
    wb_f16 s = (wb_f16){0} + -1.9515295891e-4f;
    s = s * z + 8.3321608736e-3f;
    s = s * z + -1.6666654611e-1f;
    s = s * z * a + a;
    wb_f16 c = (wb_f16){0} + 2.443315711809948e-5f;
    c = c * z + -1.388731625493765e-3f;
    c = c * z + 4.166664568298827e-2f;
    c = c * z * z - z * 0.5f + 1.0f;
    const wb_u16 quadrant = q & 3;
    const wb_u16 swap = 0 - (quadrant & 1);
    const wb_u16 cb = (wb_u16)c, sb = (wb_u16)s;
    const wb_u16 cosSign = ((quadrant + 1) & 2) << 30, sinSign = (quadrant & 2) << 30;
    const wb_f16 cosine = (wb_f16)(((cb & ~swap) | (sb & swap)) ^ cosSign);
    const wb_f16 sine = (wb_f16)(((sb & ~swap) | (cb & swap)) ^ sinSign);
    *x = radius * cosine * std + mean;
    *y = radius * sine * std + mean;
}

/// Groups `groupBegin..<groupEnd` of a normal fill (32 values per group, see wb_normal_fill).
WB_TARGET static void WB_FILL(float *out, ptrdiff_t count, uint64_t first, uint64_t stream, uint32_t key0, uint32_t key1,
                              float mean, float std, ptrdiff_t groupBegin, ptrdiff_t groupEnd) {
    const wb_u16 lane = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    for (ptrdiff_t g = groupBegin; g < groupEnd; g += 2) {
        // Philox4x32-10 for blocks first + 8g … first + 8g + 15 (lanes), counter (index, stream).
        const uint64_t index = first + (uint64_t)g * 8;
        wb_u64x16 indices = (wb_u64x16){0} + index;
        indices += __builtin_convertvector(lane, wb_u64x16);
        wb_u16 c0 = __builtin_convertvector(indices, wb_u16);
        wb_u16 c1 = __builtin_convertvector(indices >> 32, wb_u16);
        wb_u16 c2 = (wb_u16){0} + (uint32_t)stream;
        wb_u16 c3 = (wb_u16){0} + (uint32_t)(stream >> 32);
        uint32_t k0 = key0, k1 = key1;
        for (int round = 0; round < 10; round++) {
            if (round > 0) {
                k0 += 0x9E3779B9u;
                k1 += 0xBB67AE85u;
            }
            wb_u16 hi0, lo0, hi1, lo1;
            WB_MUL_WIDE(c0, 0xD2511F53u, &hi0, &lo0);
            WB_MUL_WIDE(c2, 0xCD9E8D57u, &hi1, &lo1);
            c0 = hi1 ^ c1 ^ k0;
            c1 = lo1;
            c2 = hi0 ^ c3 ^ k1;
            c3 = lo0;
        }
        wb_f16 values[4];
        WB_PAIR(c0, c1, mean, std, &values[0], &values[1]);
        WB_PAIR(c2, c3, mean, std, &values[2], &values[3]);
        // Lanes 0–7 belong to group g, lanes 8–15 to group g + 1; each group stores its four
        // vectors of eight values one after another.
        for (int half = 0; half < 2 && g + half < groupEnd; half++) {
            const ptrdiff_t start = (g + half) * 32;
            wb_f8 staged[4];
            for (int v = 0; v < 4; v++)
                staged[v] = half ? __builtin_shufflevector(values[v], values[v], 8, 9, 10, 11, 12, 13, 14, 15)
                                 : __builtin_shufflevector(values[v], values[v], 0, 1, 2, 3, 4, 5, 6, 7);
            const ptrdiff_t take = count - start < 32 ? count - start : 32;
            memcpy(out + start, staged, (size_t)take * sizeof(float));
        }
    }
}

#undef WB_FILL
#undef WB_LOG
#undef WB_PAIR
#undef WB_MUL_WIDE
#undef WB_NAME
#undef WB_TARGET
