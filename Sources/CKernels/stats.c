// Reductions over Float buffers (sums in Double, squared deviations, histograms) with runtime
// instruction-set dispatch; see stats_template.h for the fixed summation order that makes
// every path bit-identical. Compiled with -ffp-contract=off like gemm.c.
#pragma STDC FP_CONTRACT OFF

#include "CKernels.h"

#include <stdint.h>
#include <string.h>

/// Histograms with more bins than this are counted by the portable loop in one lane.
#define WB_MAX_BINS 256

/// 16 Doubles, 16 Floats, 8 Doubles, 8 Floats: the compiler's generic vectors, lowered to the
/// target's registers (lane-wise IEEE operations, so the lowering never changes a value).
typedef double wb_v16d __attribute__((vector_size(128)));
typedef float wb_v16f __attribute__((vector_size(64)));
typedef double wb_v8d __attribute__((vector_size(64)));
typedef float wb_v8f __attribute__((vector_size(32)));
/// 8 signed 64-bit lanes (comparison masks of wb_v8d lanes) and 8 signed 32-bit lanes (bins).
typedef int64_t wb_v8l __attribute__((vector_size(64)));
typedef int32_t wb_v8i __attribute__((vector_size(32)));

/// ((l_j + l_j+8) + (l_j+4 + l_j+12)) … : the fixed pairwise reduction of 16 lanes.
static double wb_reduce16(const double lanes[16]) {
    double t[8], u[4], v[2];
    for (int j = 0; j < 8; j++) t[j] = lanes[j] + lanes[j + 8];
    for (int j = 0; j < 4; j++) u[j] = t[j] + t[j + 4];
    for (int j = 0; j < 2; j++) v[j] = u[j] + u[j + 2];
    return v[0] + v[1];
}

#define WB_NAME scalar
#define WB_TARGET
#include "stats_template.h"

#if defined(__x86_64__) || defined(__i386__)
#define WB_STATS_X86 1
#define WB_NAME avx2
#define WB_TARGET __attribute__((target("avx2")))
#include "stats_template.h"

#define WB_NAME avx512
#define WB_TARGET __attribute__((target("avx512f")))
#include "stats_template.h"
#endif

/// See CKernels.h.
double wb_sum(int isa, const float *x, ptrdiff_t count) {
    if (count <= 0) return 0.0;
    switch (wb_isa_supported(isa) ? isa : wb_best_isa()) {
#if WB_STATS_X86
    case WB_ISA_AVX2: return sum_avx2(x, count);
    case WB_ISA_AVX512: return sum_avx512(x, count);
#endif
    default: return sum_scalar(x, count);
    }
}

/// See CKernels.h.
double wb_centered_squares(int isa, const float *x, ptrdiff_t count, double mean) {
    if (count <= 0) return 0.0;
    switch (wb_isa_supported(isa) ? isa : wb_best_isa()) {
#if WB_STATS_X86
    case WB_ISA_AVX2: return squares_avx2(x, count, mean);
    case WB_ISA_AVX512: return squares_avx512(x, count, mean);
#endif
    default: return squares_scalar(x, count, mean);
    }
}

/// See CKernels.h.
void wb_histogram(int isa, const float *x, ptrdiff_t count, double lower, double width, int bins, int64_t *counts) {
    if (count <= 0 || bins <= 0) return;
    if (bins > WB_MAX_BINS) {
        const double last = (double)(bins - 1);
        for (ptrdiff_t i = 0; i < count; i++) {
            const double d = (double)x[i];
            if (d - d != 0.0) continue;
            const double q = (d - lower) / width;
            counts[(int)(q >= 0.0 ? (q <= last ? q : last) : 0.0)]++;
        }
        return;
    }
    switch (wb_isa_supported(isa) ? isa : wb_best_isa()) {
#if WB_STATS_X86
    case WB_ISA_AVX2: histogram_avx2(x, count, lower, width, bins, counts); return;
    case WB_ISA_AVX512: histogram_avx512(x, count, lower, width, bins, counts); return;
#endif
    default: histogram_scalar(x, count, lower, width, bins, counts); return;
    }
}
