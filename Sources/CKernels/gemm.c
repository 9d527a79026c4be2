// Packed Float32 GEMM and element-wise activations with runtime instruction-set dispatch.
// Every path follows the same per-element sequence of IEEE operations: sums in ascending k,
// one fused multiply-add per step (rounded once), starting from the bias or +0; activations
// from the same additions, multiplications, divisions, FMAs, comparisons and bit operations.
// Each of those is correctly rounded or exact, so all paths are bit-identical. Paths without
// an FMA instruction (scalar, SSE2) call glibc's fmaf, which is correctly rounded. The target
// is compiled with -ffp-contract=off so the compiler never fuses or splits an operation on
// its own; the pragma below repeats it for other build systems.
#pragma STDC FP_CONTRACT OFF

#include "CKernels.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#if defined(__x86_64__) || defined(__i386__)
#define WB_X86 1
#include <immintrin.h>

/// Transposes a 4 × 4 block in SSE registers (baseline x86-64; pure data movement, so every
/// path may use it): target[c·targetStride + r] = source[r·sourceStride + c] for r, c < 4.
/// Used by wb_pack_b (Bᵀ panels) and by every instantiation's A packing.
static inline __attribute__((always_inline)) void wb_transpose4x4(const float *source, ptrdiff_t sourceStride,
                                                                   float *target, ptrdiff_t targetStride) {
    __m128 r0 = _mm_loadu_ps(source + 0 * sourceStride);
    __m128 r1 = _mm_loadu_ps(source + 1 * sourceStride);
    __m128 r2 = _mm_loadu_ps(source + 2 * sourceStride);
    __m128 r3 = _mm_loadu_ps(source + 3 * sourceStride);
    _MM_TRANSPOSE4_PS(r0, r1, r2, r3);
    _mm_storeu_ps(target + 0 * targetStride, r0);
    _mm_storeu_ps(target + 1 * targetStride, r1);
    _mm_storeu_ps(target + 2 * targetStride, r2);
    _mm_storeu_ps(target + 3 * targetStride, r3);
}
#endif

/// Rows of A packed at a time (a multiple of every tile height; the parallel split's usual
/// chunk of 72 rows is one block) and the depth of one block of k: an A block is MC × KC, a B
/// slice KC × NR (32 KB for AVX-512). Measured on Zen 4 against 48 × 128 with `workbook bench`:
/// about 5 % faster for 1000×500·500×500. Blocking never changes a sum: a partial sum is stored
/// to C as a float and reloaded, and the FMA chain continues from it.
#ifndef WB_MC
#define WB_MC 72
#endif
#ifndef WB_KC
#define WB_KC 256
#endif

// Portable C: 4 × 8 tiles of scalars.
#define WB_NR_SCALAR 8
/// The float with these bits.
static inline float wb_s_from_bits(uint32_t bits) { float x; memcpy(&x, &bits, 4); return x; }
/// The bits of a float.
static inline uint32_t wb_s_bits(float x) { uint32_t bits; memcpy(&bits, &x, 4); return bits; }

#define WB_NAME scalar
#define WB_TARGET
#define WB_VEC float
#define WB_LANES 1
#define WB_NV 8
#define WB_MR 4
#define WB_ZERO() 0.0f
#define WB_LOADU(p) (*(p))
#define WB_STOREU(p, v) (*(p) = (v))
#define WB_SET1(x) (x)
#define WB_FMA(x, y, z) fmaf((x), (y), (z))
#define WB_ADD(x, y) ((x) + (y))
#define WB_SUB(x, y) ((x) - (y))
#define WB_MUL(x, y) ((x) * (y))
#define WB_DIV(x, y) ((x) / (y))
#define WB_MIN(x, y) ((x) < (y) ? (x) : (y))
#define WB_GT_SELECT(x, y, a, b) ((x) > (y) ? (a) : (b))
#define WB_GE_SELECT(x, y, a, b) ((x) >= (y) ? (a) : (b))
#define WB_ABS(x) wb_s_from_bits(wb_s_bits(x) & 0x7fffffffu)
#define WB_WITH_SIGN_OF(m, x) wb_s_from_bits(wb_s_bits(m) | (wb_s_bits(x) & 0x80000000u))
#define WB_POW2_OF_SHIFTED(t) wb_s_from_bits((wb_s_bits(t) + 127u) << 23)
#include "gemm_template.h"

#if WB_X86
// SSE2: 4 × 8 tiles, two 4-lane vectors per row; FMA as fmaf on each lane.
#define WB_NR_SSE2 8
/// x·y + z rounded once in each lane (glibc's correctly rounded fmaf; SSE2 has no FMA).
__attribute__((target("sse2"))) static inline __m128 wb_sse2_fma(__m128 x, __m128 y, __m128 z) {
    float a[4], b[4], c[4];
    _mm_storeu_ps(a, x);
    _mm_storeu_ps(b, y);
    _mm_storeu_ps(c, z);
    for (int l = 0; l < 4; l++) c[l] = fmaf(a[l], b[l], c[l]);
    return _mm_loadu_ps(c);
}
/// mask ? a : b per lane (mask lanes all ones or all zeros).
__attribute__((target("sse2"))) static inline __m128 wb_sse2_select(__m128 mask, __m128 a, __m128 b) {
    return _mm_or_ps(_mm_and_ps(mask, a), _mm_andnot_ps(mask, b));
}

#define WB_NAME sse2
#define WB_TARGET __attribute__((target("sse2")))
#define WB_VEC __m128
#define WB_LANES 4
#define WB_NV 2
#define WB_MR 4
#define WB_ZERO() _mm_setzero_ps()
#define WB_LOADU(p) _mm_loadu_ps(p)
#define WB_STOREU(p, v) _mm_storeu_ps((p), (v))
#define WB_SET1(x) _mm_set1_ps(x)
#define WB_FMA(x, y, z) wb_sse2_fma((x), (y), (z))
#define WB_ADD(x, y) _mm_add_ps((x), (y))
#define WB_SUB(x, y) _mm_sub_ps((x), (y))
#define WB_MUL(x, y) _mm_mul_ps((x), (y))
#define WB_DIV(x, y) _mm_div_ps((x), (y))
#define WB_MIN(x, y) _mm_min_ps((x), (y))
#define WB_GT_SELECT(x, y, a, b) wb_sse2_select(_mm_cmpgt_ps((x), (y)), (a), (b))
#define WB_GE_SELECT(x, y, a, b) wb_sse2_select(_mm_cmpge_ps((x), (y)), (a), (b))
#define WB_ABS(x) _mm_and_ps((x), _mm_castsi128_ps(_mm_set1_epi32(0x7fffffff)))
#define WB_WITH_SIGN_OF(m, x) _mm_or_ps((m), _mm_and_ps((x), _mm_castsi128_ps(_mm_set1_epi32((int)0x80000000u))))
#define WB_POW2_OF_SHIFTED(t) _mm_castsi128_ps(_mm_slli_epi32(_mm_add_epi32(_mm_castps_si128(t), _mm_set1_epi32(127)), 23))
#include "gemm_template.h"

// AVX2 + FMA3: 4 × 16 tiles, two 8-lane vectors per row.
#define WB_NR_AVX2 16
#define WB_NAME avx2
#define WB_TARGET __attribute__((target("avx2,fma")))
#define WB_VEC __m256
#define WB_LANES 8
#define WB_NV 2
#define WB_MR 4
#define WB_ZERO() _mm256_setzero_ps()
#define WB_LOADU(p) _mm256_loadu_ps(p)
#define WB_STOREU(p, v) _mm256_storeu_ps((p), (v))
#define WB_SET1(x) _mm256_set1_ps(x)
#define WB_FMA(x, y, z) _mm256_fmadd_ps((x), (y), (z))
#define WB_ADD(x, y) _mm256_add_ps((x), (y))
#define WB_SUB(x, y) _mm256_sub_ps((x), (y))
#define WB_MUL(x, y) _mm256_mul_ps((x), (y))
#define WB_DIV(x, y) _mm256_div_ps((x), (y))
#define WB_MIN(x, y) _mm256_min_ps((x), (y))
#define WB_GT_SELECT(x, y, a, b) _mm256_blendv_ps((b), (a), _mm256_cmp_ps((x), (y), _CMP_GT_OQ))
#define WB_GE_SELECT(x, y, a, b) _mm256_blendv_ps((b), (a), _mm256_cmp_ps((x), (y), _CMP_GE_OQ))
#define WB_ABS(x) _mm256_and_ps((x), _mm256_castsi256_ps(_mm256_set1_epi32(0x7fffffff)))
#define WB_WITH_SIGN_OF(m, x) _mm256_or_ps((m), _mm256_and_ps((x), _mm256_castsi256_ps(_mm256_set1_epi32((int)0x80000000u))))
#define WB_POW2_OF_SHIFTED(t) _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(_mm256_castps_si256(t), _mm256_set1_epi32(127)), 23))
#include "gemm_template.h"

// AVX-512F: 8 × 32 tiles, two 16-lane vectors per row (16 accumulators; B and A broadcasts
// come from memory operands of the FMAs).
#ifndef WB_AVX512_MR
#define WB_AVX512_MR 8
#endif
#ifndef WB_AVX512_NV
#define WB_AVX512_NV 2
#endif
#define WB_NR_AVX512 (16 * WB_AVX512_NV)
#define WB_NAME avx512
#define WB_TARGET __attribute__((target("avx512f")))
#define WB_VEC __m512
#define WB_LANES 16
#define WB_NV WB_AVX512_NV
#define WB_MR WB_AVX512_MR
#define WB_ZERO() _mm512_setzero_ps()
#define WB_LOADU(p) _mm512_loadu_ps(p)
#define WB_STOREU(p, v) _mm512_storeu_ps((p), (v))
#define WB_SET1(x) _mm512_set1_ps(x)
#define WB_FMA(x, y, z) _mm512_fmadd_ps((x), (y), (z))
#define WB_ADD(x, y) _mm512_add_ps((x), (y))
#define WB_SUB(x, y) _mm512_sub_ps((x), (y))
#define WB_MUL(x, y) _mm512_mul_ps((x), (y))
#define WB_DIV(x, y) _mm512_div_ps((x), (y))
#define WB_MIN(x, y) _mm512_min_ps((x), (y))
#define WB_GT_SELECT(x, y, a, b) _mm512_mask_blend_ps(_mm512_cmp_ps_mask((x), (y), _CMP_GT_OQ), (b), (a))
#define WB_GE_SELECT(x, y, a, b) _mm512_mask_blend_ps(_mm512_cmp_ps_mask((x), (y), _CMP_GE_OQ), (b), (a))
#define WB_ABS(x) _mm512_castsi512_ps(_mm512_and_epi32(_mm512_castps_si512(x), _mm512_set1_epi32(0x7fffffff)))
#define WB_WITH_SIGN_OF(m, x) _mm512_castsi512_ps(_mm512_or_epi32(_mm512_castps_si512(m), \
    _mm512_and_epi32(_mm512_castps_si512(x), _mm512_set1_epi32((int)0x80000000u))))
#define WB_POW2_OF_SHIFTED(t) _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_add_epi32(_mm512_castps_si512(t), _mm512_set1_epi32(127)), 23))
#include "gemm_template.h"
#endif

/// See CKernels.h.
int wb_isa_supported(int isa) {
    switch (isa) {
    case WB_ISA_SCALAR:
        return 1;
#if WB_X86
    case WB_ISA_SSE2:
        __builtin_cpu_init();
        return __builtin_cpu_supports("sse2") ? 1 : 0;
    case WB_ISA_AVX2:
        __builtin_cpu_init();
        return (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) ? 1 : 0;
    case WB_ISA_AVX512:
        __builtin_cpu_init();
        return (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma")) ? 1 : 0;
#endif
    default:
        return 0;
    }
}

/// See CKernels.h.
int wb_best_isa(void) {
    for (int isa = WB_ISA_AVX512; isa > WB_ISA_SCALAR; isa--)
        if (wb_isa_supported(isa)) return isa;
    return WB_ISA_SCALAR;
}

/// See CKernels.h.
int wb_selected_isa(void) {
    static int cached = -1;
    int value = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (value >= 0) return value;
    value = wb_best_isa();
    const char *name = getenv("WORKBOOK_KERNEL");
    if (name) {
        static const char *const names[] = {"scalar", "sse2", "avx2", "avx512"};
        for (int isa = 0; isa < 4; isa++)
            if (strcasecmp(name, names[isa]) == 0 && wb_isa_supported(isa)) value = isa;
    }
    __atomic_store_n(&cached, value, __ATOMIC_RELAXED);
    return value;
}

/// `isa` when this CPU supports it, else the best supported path (pack and multiply resolve
/// alike, so the packed layout always matches the kernel that reads it).
static int wb_resolve(int isa) {
    return wb_isa_supported(isa) ? isa : wb_best_isa();
}

/// See CKernels.h.
ptrdiff_t wb_panel_width(int isa) {
    switch (wb_resolve(isa)) {
#if WB_X86
    case WB_ISA_SSE2: return WB_NR_SSE2;
    case WB_ISA_AVX2: return WB_NR_AVX2;
    case WB_ISA_AVX512: return WB_NR_AVX512;
#endif
    default: return WB_NR_SCALAR;
    }
}

/// See CKernels.h.
void wb_pack_b(int isa, const float *b, ptrdiff_t depthStride, ptrdiff_t columnStride,
               ptrdiff_t k, ptrdiff_t n, float *packed) {
    const ptrdiff_t w = wb_panel_width(isa);
    const ptrdiff_t panels = (n + w - 1) / w;
    for (ptrdiff_t q = 0; q < panels; q++) {
        const ptrdiff_t width = (n - q * w < w) ? n - q * w : w;
        float *target = packed + q * k * w;
        if (columnStride == 1 && width == w) {
            for (ptrdiff_t p = 0; p < k; p++) memcpy(target + p * w, b + p * depthStride + q * w, (size_t)w * sizeof(float));
            continue;
        }
        if (depthStride == 1 && width == w) {
            // Bᵀ operands (a weight W read as Wᵀ): a transpose of the panel's w rows.
            const float *source = b + q * w * columnStride;
            ptrdiff_t p = 0;
#if WB_X86
            for (; p + 4 <= k; p += 4)
                for (ptrdiff_t lane = 0; lane < w; lane += 4)
                    wb_transpose4x4(source + lane * columnStride + p, columnStride, target + p * w + lane, w);
#endif
            for (; p < k; p++)
                for (ptrdiff_t lane = 0; lane < w; lane++) target[p * w + lane] = source[lane * columnStride + p];
            continue;
        }
        for (ptrdiff_t p = 0; p < k; p++) {
            const float *source = b + p * depthStride + q * w * columnStride;
            ptrdiff_t lane = 0;
            for (; lane < width; lane++) target[p * w + lane] = source[lane * columnStride];
            for (; lane < w; lane++) target[p * w + lane] = 0.0f;
        }
    }
}

/// See CKernels.h.
void wb_pack_b_tail(int isa, const float *b, ptrdiff_t ldb, ptrdiff_t k, ptrdiff_t n, float *tail) {
    const ptrdiff_t w = wb_panel_width(isa);
    const ptrdiff_t first = (n / w) * w;
    if (first == n) return;
    // The partial panel is the only panel of B's last n − first columns: wb_pack_b's edge loop.
    wb_pack_b(isa, b + first, ldb, 1, k, n - first, tail);
}

/// See CKernels.h.
void wb_gemm_rows(int isa, const wb_gemm *op, ptrdiff_t rowBegin, ptrdiff_t rowEnd) {
    if (rowEnd <= rowBegin || op->n <= 0) return;
    switch (wb_resolve(isa)) {
#if WB_X86
    case WB_ISA_SSE2: gemm_rows_sse2(op, rowBegin, rowEnd); return;
    case WB_ISA_AVX2: gemm_rows_avx2(op, rowBegin, rowEnd); return;
    case WB_ISA_AVX512: gemm_rows_avx512(op, rowBegin, rowEnd); return;
#endif
    default: gemm_rows_scalar(op, rowBegin, rowEnd); return;
    }
}

/// y = f(x) (gate 0) or y = x·f′(h) (gate 1) on the resolved path.
static void wb_map(int isa, int kind, float slope, int gate, const float *x, const float *h, float *y, ptrdiff_t count) {
    if (count <= 0) return;
    switch (wb_resolve(isa)) {
#if WB_X86
    case WB_ISA_SSE2: map_sse2(kind, slope, gate, x, h, y, count); return;
    case WB_ISA_AVX2: map_avx2(kind, slope, gate, x, h, y, count); return;
    case WB_ISA_AVX512: map_avx512(kind, slope, gate, x, h, y, count); return;
#endif
    default: map_scalar(kind, slope, gate, x, h, y, count); return;
    }
}

/// See CKernels.h.
void wb_activate(int isa, int kind, float slope, const float *x, float *y, ptrdiff_t count) {
    if (kind == WB_ACT_LINEAR) {
        if (x != y && count > 0) memmove(y, x, (size_t)count * sizeof(float));
        return;
    }
    wb_map(isa, kind, slope, 0, x, 0, y, count);
}

/// See CKernels.h.
void wb_gate(int isa, int kind, float slope, const float *h, float *g, ptrdiff_t count) {
    if (kind == WB_ACT_LINEAR) return;
    wb_map(isa, kind, slope, 1, g, h, g, count);
}

/// See CKernels.h.
int wb_all_finite(int isa, const float *x, ptrdiff_t count) {
    if (count <= 0) return 1;
    switch (wb_resolve(isa)) {
#if WB_X86
    case WB_ISA_SSE2: return all_finite_sse2(x, count);
    case WB_ISA_AVX2: return all_finite_avx2(x, count);
    case WB_ISA_AVX512: return all_finite_avx512(x, count);
#endif
    default: return all_finite_scalar(x, count);
    }
}

/// See CKernels.h.
float wb_tanhf(float x) {
    return tanh_scalar(x);
}
