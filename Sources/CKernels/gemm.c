// Packed Float32 GEMM with runtime instruction-set dispatch. Every path follows the same
// per-element order (ascending k, separate multiply then add, starting from +0), and IEEE
// multiply and add are correctly rounded, so all paths are bit-identical. The target is
// compiled with -ffp-contract=off; the pragma below repeats it for other build systems.
#pragma STDC FP_CONTRACT OFF

#include "CKernels.h"

#include <stdint.h>

#if defined(__x86_64__) || defined(__i386__)
#define WB_X86 1
#include <immintrin.h>
#endif

/// Rows of A packed at a time (a multiple of every tile height) and the depth of one block of
/// k: an A block is MC × KC, a B slice KC × NR.
#define WB_MC 48
#define WB_KC 128

// Portable C: 4 × 8 tiles of scalars.
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
#define WB_ADD(x, y) ((x) + (y))
#define WB_MUL(x, y) ((x) * (y))
#include "gemm_template.h"

#if WB_X86
// SSE2: 4 × 8 tiles, two 4-lane vectors per row.
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
#define WB_ADD(x, y) _mm_add_ps((x), (y))
#define WB_MUL(x, y) _mm_mul_ps((x), (y))
#include "gemm_template.h"

// AVX2: 4 × 16 tiles, two 8-lane vectors per row.
#define WB_NAME avx2
#define WB_TARGET __attribute__((target("avx2")))
#define WB_VEC __m256
#define WB_LANES 8
#define WB_NV 2
#define WB_MR 4
#define WB_ZERO() _mm256_setzero_ps()
#define WB_LOADU(p) _mm256_loadu_ps(p)
#define WB_STOREU(p, v) _mm256_storeu_ps((p), (v))
#define WB_SET1(x) _mm256_set1_ps(x)
#define WB_ADD(x, y) _mm256_add_ps((x), (y))
#define WB_MUL(x, y) _mm256_mul_ps((x), (y))
#include "gemm_template.h"

// AVX-512F: 16 × 16 tiles, one 16-lane vector per row (measured faster than 8 × 32 on Zen 4).
#define WB_NAME avx512
#define WB_TARGET __attribute__((target("avx512f")))
#define WB_VEC __m512
#define WB_LANES 16
#define WB_NV 1
#define WB_MR 16
#define WB_ZERO() _mm512_setzero_ps()
#define WB_LOADU(p) _mm512_loadu_ps(p)
#define WB_STOREU(p, v) _mm512_storeu_ps((p), (v))
#define WB_SET1(x) _mm512_set1_ps(x)
#define WB_ADD(x, y) _mm512_add_ps((x), (y))
#define WB_MUL(x, y) _mm512_mul_ps((x), (y))
#include "gemm_template.h"
#endif

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
        return __builtin_cpu_supports("avx2") ? 1 : 0;
    case WB_ISA_AVX512:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx512f") ? 1 : 0;
#endif
    default:
        return 0;
    }
}

int wb_best_isa(void) {
    for (int isa = WB_ISA_AVX512; isa > WB_ISA_SCALAR; isa--)
        if (wb_isa_supported(isa)) return isa;
    return WB_ISA_SCALAR;
}

/// `isa` when this CPU supports it, else the best supported path (pack and multiply resolve
/// alike, so the packed layout always matches the kernel that reads it).
static int wb_resolve(int isa) {
    return wb_isa_supported(isa) ? isa : wb_best_isa();
}

ptrdiff_t wb_panel_width(int isa) {
    switch (wb_resolve(isa)) {
    case WB_ISA_SSE2: return 8;
    case WB_ISA_AVX2: return 16;
    case WB_ISA_AVX512: return 16;
    default: return 8;
    }
}

void wb_pack_b(int isa, const float *b, ptrdiff_t depthStride, ptrdiff_t columnStride,
               ptrdiff_t k, ptrdiff_t n, float *packed) {
    const ptrdiff_t w = wb_panel_width(isa);
    const ptrdiff_t panels = (n + w - 1) / w;
    for (ptrdiff_t q = 0; q < panels; q++) {
        const ptrdiff_t width = (n - q * w < w) ? n - q * w : w;
        float *target = packed + q * k * w;
        for (ptrdiff_t p = 0; p < k; p++) {
            const float *source = b + p * depthStride + q * w * columnStride;
            ptrdiff_t lane = 0;
            for (; lane < width; lane++) target[p * w + lane] = source[lane * columnStride];
            for (; lane < w; lane++) target[p * w + lane] = 0.0f;
        }
    }
}

void wb_gemm_rows(int isa, const float *a, ptrdiff_t aRowStride, ptrdiff_t aDepthStride,
                  const float *packed, float *c, ptrdiff_t k, ptrdiff_t n,
                  ptrdiff_t rowBegin, ptrdiff_t rowEnd) {
    if (rowEnd <= rowBegin || n <= 0) return;
    switch (wb_resolve(isa)) {
#if WB_X86
    case WB_ISA_SSE2:
        gemm_rows_sse2(a, aRowStride, aDepthStride, packed, c, k, n, rowBegin, rowEnd);
        return;
    case WB_ISA_AVX2:
        gemm_rows_avx2(a, aRowStride, aDepthStride, packed, c, k, n, rowBegin, rowEnd);
        return;
    case WB_ISA_AVX512:
        gemm_rows_avx512(a, aRowStride, aDepthStride, packed, c, k, n, rowBegin, rowEnd);
        return;
#endif
    default:
        gemm_rows_scalar(a, aRowStride, aDepthStride, packed, c, k, n, rowBegin, rowEnd);
        return;
    }
}
