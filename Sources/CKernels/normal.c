// Normal fills (Philox4x32-10 blocks, Box–Muller) with runtime instruction-set dispatch,
// bit-identical to WeightInit's portable Swift sampler on every path. Compiled with
// -ffp-contract=off: the sampler's multiplications and additions are never fused.
#pragma STDC FP_CONTRACT OFF

#include "CKernels.h"

#include <stdint.h>
#include <string.h>

/// Generic vectors of 16 lanes (uint32, int32, float, uint64), 8 uint64 and 8 floats, lowered
/// to the target's registers; lane-wise operations only.
typedef uint32_t wb_u16 __attribute__((vector_size(64)));
typedef int32_t wb_i16 __attribute__((vector_size(64)));
typedef float wb_f16 __attribute__((vector_size(64)));
typedef uint64_t wb_u64x16 __attribute__((vector_size(128)));
typedef uint64_t wb_u64x8 __attribute__((vector_size(64)));
typedef float wb_f8 __attribute__((vector_size(32)));

#define WB_NAME scalar
#define WB_TARGET
#include "normal_template.h"

#if defined(__x86_64__) || defined(__i386__)
#define WB_NORMAL_X86 1
#define WB_NAME avx2
#define WB_TARGET __attribute__((target("avx2")))
#include "normal_template.h"

#define WB_NAME avx512
#define WB_TARGET __attribute__((target("avx512f")))
#include "normal_template.h"
#endif

/// See CKernels.h.
void wb_normal_fill(int isa, float *out, ptrdiff_t count, uint64_t first, uint64_t stream, uint32_t key0, uint32_t key1,
                    float mean, float std, ptrdiff_t groupBegin, ptrdiff_t groupEnd) {
    if (groupEnd <= groupBegin || count <= 0) return;
    switch (wb_isa_supported(isa) ? isa : wb_best_isa()) {
#if WB_NORMAL_X86
    case WB_ISA_AVX2: normal_groups_avx2(out, count, first, stream, key0, key1, mean, std, groupBegin, groupEnd); return;
    case WB_ISA_AVX512: normal_groups_avx512(out, count, first, stream, key0, key1, mean, std, groupBegin, groupEnd); return;
#endif
    default: normal_groups_scalar(out, count, first, stream, key0, key1, mean, std, groupBegin, groupEnd); return;
    }
}
