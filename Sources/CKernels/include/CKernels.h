#ifndef CKERNELS_H
#define CKERNELS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Instruction-set paths of the packed Float32 GEMM micro-kernel and the activation kernels.
///
/// Every path computes c_ij = E(fma(a_i,k−1, b_k−1,j, … fma(a_i1, b_1j, fma(a_i0, b_0j, s_j))))
/// in ascending k, each step one fused multiply-add rounded once, starting from s_j (the bias
/// b_j, or +0), then applies the same element-wise epilogue E. FMA is correctly rounded
/// (the hardware instruction on AVX2 and AVX-512, glibc's correctly rounded `fmaf` per lane
/// on the scalar and SSE2 paths), so all paths give bit-identical results.
enum {
    /// Portable C, available on every CPU (fmaf).
    WB_ISA_SCALAR = 0,
    /// x86-64 SSE2 (4 lanes; fmaf per lane, as SSE2 has no FMA).
    WB_ISA_SSE2 = 1,
    /// x86-64 AVX2 with FMA3 (8 lanes).
    WB_ISA_AVX2 = 2,
    /// x86-64 AVX-512F (16 lanes).
    WB_ISA_AVX512 = 3,
};

/// Element-wise activations the kernels evaluate (as an epilogue or on their own).
enum {
    /// f(x) = x.
    WB_ACT_LINEAR = 0,
    /// f(x) = x > 0 ? x : 0.
    WB_ACT_RELU = 1,
    /// f(x) = x > 0 ? x : slope·x; its gate from h is exact only for slope ≥ 0.
    WB_ACT_LEAKY_RELU = 2,
    /// f(x) = tanh x (`wb_tanhf`), f′ = 1 − h² as fma(−h, h, 1).
    WB_ACT_TANH = 3,
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

/// Packs only the last, partial panel of B (the columns from (n / w)·w on, w the panel width)
/// into `tail` (k × w floats, zero-padded), for a product that reads the other panels of a
/// row-major B in place. Does nothing when w divides n.
void wb_pack_b_tail(int isa, const float *b, ptrdiff_t ldb, ptrdiff_t k, ptrdiff_t n, float *tail);

/// One product C = E(A·B + s) and its operands.
typedef struct wb_gemm {
    /// A(i, p) = a[i·aRowStride + p·aDepthStride].
    const float *a;
    /// Row stride of A.
    ptrdiff_t aRowStride;
    /// Depth stride of A.
    ptrdiff_t aDepthStride;
    /// B: panels from `wb_pack_b` (ldb == 0), or row-major with row stride ldb (ldb ≥ n),
    /// whose partial last panel (if any) is in `tail` from `wb_pack_b_tail`.
    const float *b;
    /// 0 for packed B, else the row stride of a row-major B.
    ptrdiff_t ldb;
    /// The packed partial last panel of a row-major B (unused when packed or when the panel
    /// width divides n).
    const float *tail;
    /// C, row-major with row stride ldc.
    float *c;
    /// Row stride of C (and of z and h).
    ptrdiff_t ldc;
    /// Depth of the sums.
    ptrdiff_t k;
    /// Columns of C.
    ptrdiff_t n;
    /// NULL, or n starting values s_j (a bias): every sum starts at s_j instead of +0.
    const float *bias;
    /// The epilogue's activation (WB_ACT_*).
    int activation;
    /// The leaky-relu slope.
    float slope;
    /// NULL, or where the sums (pre-activations) are stored before the activation.
    float *z;
    /// NULL: C = f(sum). Else C = sum·f′, with f′ computed from h = f(z) (`h[i·ldc + j]`).
    const float *h;
} wb_gemm;

/// Rows `rowBegin..<rowEnd` of C for `op` on the `isa` path (B packed with the same `isa`).
/// Writes only those rows of C (and of z).
void wb_gemm_rows(int isa, const wb_gemm *op, ptrdiff_t rowBegin, ptrdiff_t rowEnd);

/// y[i] = f(x[i]) for the activation `kind`, i < count (y may equal x).
void wb_activate(int isa, int kind, float slope, const float *x, float *y, ptrdiff_t count);

/// g[i] = g[i]·f′, f′ computed from h[i] = f(z[i]), i < count.
void wb_gate(int isa, int kind, float slope, const float *h, float *g, ptrdiff_t count);

/// 1 when every x[i], i < count, is finite (no NaN, no ±∞).
int wb_all_finite(int isa, const float *x, ptrdiff_t count);

/// tanh x: odd, within 2 ulp of the exact value over all floats, −0 ↦ −0, ±∞ ↦ ±1,
/// NaN ↦ NaN; the same bits as every vector path.
float wb_tanhf(float x);

/// Σ x_i in Double, in a fixed order on every path: lane l (0…15) sums the elements
/// i ≡ l (mod 16) in ascending i, then lanes are added pairwise (l + 8, l + 4, l + 2, l + 1).
double wb_sum(int isa, const float *x, ptrdiff_t count);

/// Σ (x_i − mean)² in Double (each term rounded after the subtraction and the multiplication),
/// in the order of `wb_sum`.
double wb_centered_squares(int isa, const float *x, ptrdiff_t count, double mean);

/// Adds to counts[b], b < bins, the number of finite x_i with
/// clamp(⌊(x_i − lower)/width⌋, 0, bins − 1) = b (Double arithmetic); non-finite values are skipped.
/// `width` must be positive and finite.
void wb_histogram(int isa, const float *x, ptrdiff_t count, double lower, double width, int bins, int64_t *counts);

/// For the `workbook` executable only: glibc's malloc keeps allocations up to 64 MB on the heap,
/// returns memory to the system only beyond 256 MB free, and grows the heap 16 MB at a time, so
/// buffers freed and allocated again reuse pages already touched. Does nothing without glibc.
void wb_tune_allocator(void);

/// The path named by the environment variable WORKBOOK_KERNEL (scalar, sse2, avx2, avx512;
/// any case) when this CPU supports it, else `wb_best_isa()`; read once.
int wb_selected_isa(void);

/// Groups groupBegin..<groupEnd of a normal fill of out[0..<count]: group g holds values
/// 32g … 32g + 31 from Philox4x32-10 blocks first + 8g … first + 8g + 7 (counter: the 64-bit
/// block index and `stream`, key (key0, key1)). Lane j (block first + 8g + j) gives words
/// w0…w3; Box–Muller on (w0, w1) and on (w2, w3) gives vectors a, b, c, d of eight values each,
/// stored as a, b, c, d; value = mean + std·z (a multiplication, then an addition). The same
/// bits as WeightInit's NormalDistribution on every path.
void wb_normal_fill(int isa, float *out, ptrdiff_t count, uint64_t first, uint64_t stream, uint32_t key0, uint32_t key1,
                    float mean, float std, ptrdiff_t groupBegin, ptrdiff_t groupEnd);

#ifdef __cplusplus
}
#endif

#endif
