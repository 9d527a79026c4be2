#ifndef CKERNELS_H
#define CKERNELS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Instruction-set paths of the packed Float32 GEMM micro-kernel.
///
/// Every path computes c_ij = ((0 + a_i0·b_0j) + a_i1·b_1j) + … in ascending k with a
/// separate multiply and add (never fused), so all paths give bit-identical results.
enum {
    /// Portable C, available on every CPU.
    WB_ISA_SCALAR = 0,
    /// x86-64 SSE2 (4 lanes).
    WB_ISA_SSE2 = 1,
    /// x86-64 AVX2 (8 lanes).
    WB_ISA_AVX2 = 2,
    /// x86-64 AVX-512F (16 lanes).
    WB_ISA_AVX512 = 3,
};

/// 1 when `isa` can run on this CPU (and operating system), else 0.
int wb_isa_supported(int isa);

/// The widest supported path.
int wb_best_isa(void);

/// Width (columns) of one packed panel of B for `isa`. Every function here treats an
/// unsupported `isa` as `wb_best_isa()`.
ptrdiff_t wb_panel_width(int isa);

/// Packs B (k × n), element (p, j) at `b[p·depthStride + j·columnStride]`, into panels of
/// `wb_panel_width(isa)` columns: panel q holds rows p = 0..<k of its columns, contiguous,
/// zero-padded past column n. `packed` must hold panels · k · width floats.
void wb_pack_b(int isa, const float *b, ptrdiff_t depthStride, ptrdiff_t columnStride,
               ptrdiff_t k, ptrdiff_t n, float *packed);

/// Rows `rowBegin..<rowEnd` of C (row-major, n columns) = A·B, where
/// A(i, p) = `a[i·aRowStride + p·aDepthStride]` and `packed` came from `wb_pack_b` with the
/// same `isa`. Writes only those rows of C.
void wb_gemm_rows(int isa, const float *a, ptrdiff_t aRowStride, ptrdiff_t aDepthStride,
                  const float *packed, float *c, ptrdiff_t k, ptrdiff_t n,
                  ptrdiff_t rowBegin, ptrdiff_t rowEnd);

#ifdef __cplusplus
}
#endif

#endif
