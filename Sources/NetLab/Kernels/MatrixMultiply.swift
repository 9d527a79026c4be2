import CKernels
import Foundation
import WeightInit

/// Deterministic, SIMD-vectorised and multi-threaded matrix products for the forward
/// and backward passes:
///
/// - ``product(_:_:kernel:)``: C = A·B,
/// - ``productTransposedA(_:_:kernel:)``: C = Aᵀ·B (weight gradients ∂L/∂W = δᵀ·H),
/// - ``productTransposedB(_:_:kernel:)``: C = A·Bᵀ (the forward pass Z = H·Wᵀ).
///
/// ## Determinism
/// Every output element is computed as
///
///     c_ij = fma(a_i,k−1, b_k−1,j, … fma(a_i1, b_1j, fma(a_i0, b_0j, s_j)))
///
/// in ascending k, one fused multiply-add (rounded once) per step, starting from s_j = +0 (or
/// the bias b_j in a layer's forward pass), whatever the vector lane, the vector width, the tile,
/// the block of k or the thread that computes it. A fused multiply-add is correctly rounded, so
/// every ``KernelISA`` path gives bit-identical results on every CPU: AVX2 and AVX-512 use the
/// FMA instruction, the scalar and SSE2 paths glibc's correctly rounded `fmaf`. The `CKernels`
/// target is compiled with `-ffp-contract=off`, so the compiler adds or removes no fusion.
/// Work is split into chunks of whole output rows that write disjoint rows, and an element's
/// sum never depends on which chunk computes it, so results are bit-identical for any split,
/// any thread count, any schedule and any run.
///
/// ## Speed
/// B is packed into zero-padded panels of 8 (scalar, SSE2), 16 (AVX2) or 32 (AVX-512) columns,
/// or read in place when it is row-major (then only a partial last panel is packed). Per chunk,
/// the C micro-kernel packs blocks of A rows, then keeps a tile of C (4 × 8 up to 8 × 32) in
/// registers while streaming one row of a B panel and broadcasting one element of A per tile
/// row for each k. A layer's bias starts the sums and its activation (or, backwards, the
/// activation's derivative) is applied to each tile while it is in cache. The widest path the
/// CPU supports is chosen at run time (override: environment variable
/// `WORKBOOK_KERNEL=scalar|sse2|avx2|avx512`). Chunks of rows (``chunkRows(rows:threads:)``)
/// run concurrently via ``WeightInit/ParallelChunks``; products with fewer than
/// ``parallelThreshold`` multiply-adds run on the calling thread.
public enum MatrixMultiply {
    /// Output rows per parallel chunk for products whose shape does not suggest another split
    /// (a multiple of every path's tile height).
    public static let rowsPerChunk = 48

    /// Threads the parallel split plans for: the process's ``WeightInit/ConcurrencyBudget``.
    static let threads = ConcurrencyBudget.workers

    /// Rows per chunk for an m-row product on `threads` threads: the multiple r of 8 (every
    /// path's tile height divides 8) in 24…96 whose busiest thread gets the fewest rows,
    /// ⌈⌈m/r⌉/threads⌉·r, the larger r on a tie (fewer chunks, less packing). For 1000 rows on
    /// 2 threads: 72 (14 chunks, 504 rows each) rather than 48 (21 chunks, 528 for one thread).
    public static func chunkRows(rows m: Int, threads: Int) -> Int {
        var best = rowsPerChunk, bestLoad = Int.max
        for r in stride(from: 24, through: 96, by: 8) {
            let chunks = (m + r - 1) / r
            let load = (chunks + threads - 1) / max(1, threads) * r
            if load <= bestLoad {
                best = r
                bestLoad = load
            }
        }
        return best
    }
    /// Products with fewer multiply-adds than this run on the calling thread (about 40 µs of
    /// work on one core, several times the cost of waking the thread pool).
    public static let parallelThreshold = 1 << 22

    /// C = A·B for A (m × k) and B (k × n) on the `kernel` path (an unsupported path runs as
    /// ``KernelISA/best``; every path gives the same bits). Throws when `a.columns != b.rows`.
    public static func product(_ a: Matrix, _ b: Matrix, kernel: KernelISA = .selected) throws(NetLabError) -> Matrix {
        guard a.columns == b.rows else {
            throw .shapeMismatch(
                operation: "A·B", expected: "A.columns == B.rows",
                actual: "A \(a.rows)×\(a.columns), B \(b.rows)×\(b.columns)")
        }
        return uncheckedProduct(a, b, kernel: kernel)
    }

    /// C = Aᵀ·B for A (k × m) and B (k × n) on the `kernel` path. Throws when `a.rows != b.rows`.
    public static func productTransposedA(
        _ a: Matrix, _ b: Matrix, kernel: KernelISA = .selected
    ) throws(NetLabError) -> Matrix {
        guard a.rows == b.rows else {
            throw .shapeMismatch(
                operation: "Aᵀ·B", expected: "A.rows == B.rows",
                actual: "A \(a.rows)×\(a.columns), B \(b.rows)×\(b.columns)")
        }
        return uncheckedProductTransposedA(a, b, kernel: kernel)
    }

    /// C = A·Bᵀ for A (m × k) and B (n × k) on the `kernel` path. Throws when `a.columns != b.columns`.
    public static func productTransposedB(
        _ a: Matrix, _ b: Matrix, kernel: KernelISA = .selected
    ) throws(NetLabError) -> Matrix {
        guard a.columns == b.columns else {
            throw .shapeMismatch(
                operation: "A·Bᵀ", expected: "A.columns == B.columns",
                actual: "A \(a.rows)×\(a.columns), B \(b.rows)×\(b.columns)")
        }
        return uncheckedProductTransposedB(a, b, kernel: kernel)
    }

    /// A·B without the shape check (B row-major, read in place).
    static func uncheckedProduct(_ a: Matrix, _ b: Matrix, kernel: KernelISA = .selected) -> Matrix {
        product(a: a, aRowStride: a.columns, aDepthStride: 1, m: a.rows, k: a.columns, rowMajorB: b, kernel: kernel)
    }

    /// Aᵀ·B without the shape check (A read with strides, B row-major, read in place).
    static func uncheckedProductTransposedA(_ a: Matrix, _ b: Matrix, kernel: KernelISA = .selected) -> Matrix {
        product(a: a, aRowStride: 1, aDepthStride: a.columns, m: a.columns, k: a.rows, rowMajorB: b, kernel: kernel)
    }

    /// A·Bᵀ without the shape check (Bᵀ packed).
    static func uncheckedProductTransposedB(_ a: Matrix, _ b: Matrix, kernel: KernelISA = .selected) -> Matrix {
        let packed = PackedB(transposing: b, isa: kernel.resolved)
        return Matrix(
            rows: a.rows, columns: packed.n,
            uninitialized: { c in
                a.scalars.withUnsafeBufferPointer { a in
                    packed.withOperand { operand in
                        var op = KernelOperation(
                            isa: packed.isa, operand: operand, a: a.baseAddress, aRowStride: packed.k,
                            aDepthStride: 1, c: c.baseAddress, ldc: packed.n, k: packed.k, n: packed.n)
                        op.run(rows: c.count / max(1, packed.n), parallel: true)
                    }
                }
            })
    }

    /// C (m × n) = A·B for a row-major B (k × n), where A(i, p) = `a[i·aRowStride + p·aDepthStride]`.
    static func product(
        a: Matrix, aRowStride: Int, aDepthStride: Int, m: Int, k: Int, rowMajorB b: Matrix,
        kernel: KernelISA
    ) -> Matrix {
        let isa = kernel.resolved
        let n = b.columns
        let tail = RowMajorTail(b, isa: isa)
        return Matrix(
            rows: m, columns: n,
            uninitialized: { c in
                a.scalars.withUnsafeBufferPointer { a in
                    b.scalars.withUnsafeBufferPointer { b in
                        tail.scalars.withUnsafeBufferPointer { tail in
                            var op = KernelOperation(
                                isa: isa, operand: .rowMajor(b.baseAddress, ldb: n, tail: tail.baseAddress),
                                a: a.baseAddress, aRowStride: aRowStride, aDepthStride: aDepthStride,
                                c: c.baseAddress, ldc: n, k: k, n: n)
                            op.run(rows: m, parallel: true)
                        }
                    }
                }
            })
    }
}
