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
///     c_ij = ((0 + a_i0·b_0j) + a_i1·b_1j) + … + a_i,k−1·b_k−1,j
///
/// with a separate multiply and add (no fused multiply-add on any path: the `CKernels` C target
/// is compiled with `-ffp-contract=off` and uses only multiply and add intrinsics) in ascending
/// k, whatever the vector lane, the vector width, the tile, the block of k or the thread that
/// computes it. IEEE multiply and add are correctly rounded, so every ``KernelISA`` path
/// (scalar C, SSE2, AVX2, AVX-512) gives bit-identical results on every CPU. Work is split
/// into fixed chunks of ``rowsPerChunk`` output rows (independent of the number of threads)
/// and chunks write disjoint rows, so results are bit-identical for any thread count, any
/// schedule and any run.
///
/// ## Speed
/// B is packed into zero-padded panels of 8 (scalar, SSE2) or 16 (AVX2, AVX-512) columns. Per
/// chunk, the C micro-kernel packs blocks of A rows, then keeps a tile of C (4 × 8 up to
/// 16 × 16) in registers while streaming one row of a B panel and broadcasting one
/// element of A per tile row for each k. The widest path the CPU supports is chosen at run
/// time (override: environment variable `WORKBOOK_KERNEL=scalar|sse2|avx2|avx512`). Chunks of
/// rows run concurrently via ``WeightInit/ParallelChunks``.
public enum MatrixMultiply {
    /// Output rows per parallel chunk (a multiple of every path's tile height).
    public static let rowsPerChunk = 48
    /// Products with fewer multiply-adds than this run on the calling thread.
    public static let parallelThreshold = 1 << 18

    /// C = A·B for A (m × k) and B (k × n) on the `kernel` path (an unsupported path runs as
    /// ``KernelISA/best``; every path gives the same bits). Throws when `a.columns != b.rows`.
    public static func product(_ a: Matrix, _ b: Matrix, kernel: KernelISA = .selected) throws(NetLabError) -> Matrix {
        guard a.columns == b.rows else {
            throw .shapeMismatch(operation: "A·B", expected: "A.columns == B.rows",
                                 actual: "A \(a.rows)×\(a.columns), B \(b.rows)×\(b.columns)")
        }
        return uncheckedProduct(a, b, kernel: kernel)
    }

    /// C = Aᵀ·B for A (k × m) and B (k × n) on the `kernel` path. Throws when `a.rows != b.rows`.
    public static func productTransposedA(_ a: Matrix, _ b: Matrix, kernel: KernelISA = .selected) throws(NetLabError) -> Matrix {
        guard a.rows == b.rows else {
            throw .shapeMismatch(operation: "Aᵀ·B", expected: "A.rows == B.rows",
                                 actual: "A \(a.rows)×\(a.columns), B \(b.rows)×\(b.columns)")
        }
        return uncheckedProductTransposedA(a, b, kernel: kernel)
    }

    /// C = A·Bᵀ for A (m × k) and B (n × k) on the `kernel` path. Throws when `a.columns != b.columns`.
    public static func productTransposedB(_ a: Matrix, _ b: Matrix, kernel: KernelISA = .selected) throws(NetLabError) -> Matrix {
        guard a.columns == b.columns else {
            throw .shapeMismatch(operation: "A·Bᵀ", expected: "A.columns == B.columns",
                                 actual: "A \(a.rows)×\(a.columns), B \(b.rows)×\(b.columns)")
        }
        return uncheckedProductTransposedB(a, b, kernel: kernel)
    }

    static func uncheckedProduct(_ a: Matrix, _ b: Matrix, kernel: KernelISA = .selected) -> Matrix {
        let isa = kernel.resolved
        return multiply(a: a, aRowStride: a.columns, aDepthStride: 1, m: a.rows, k: a.columns,
                        packed: pack(b, depthStride: b.columns, columnStride: 1, k: b.rows, n: b.columns, isa: isa))
    }

    static func uncheckedProductTransposedA(_ a: Matrix, _ b: Matrix, kernel: KernelISA = .selected) -> Matrix {
        let isa = kernel.resolved
        return multiply(a: a, aRowStride: 1, aDepthStride: a.columns, m: a.columns, k: a.rows,
                        packed: pack(b, depthStride: b.columns, columnStride: 1, k: b.rows, n: b.columns, isa: isa))
    }

    static func uncheckedProductTransposedB(_ a: Matrix, _ b: Matrix, kernel: KernelISA = .selected) -> Matrix {
        let isa = kernel.resolved
        return multiply(a: a, aRowStride: a.columns, aDepthStride: 1, m: a.rows, k: a.columns,
                        packed: pack(b, depthStride: 1, columnStride: b.columns, k: b.columns, n: b.rows, isa: isa))
    }

    /// B (k × n) in panels of ``KernelISA/panelWidth`` columns for `isa`: panel q holds rows
    /// p = 0..<k of its columns, contiguous, zero-padded past column n.
    struct PackedB {
        var scalars: [Float]
        let k: Int
        let n: Int
        let isa: KernelISA
    }

    /// Packs the k × n operand whose element (p, j) is `b.scalars[p·depthStride + j·columnStride]`.
    static func pack(_ b: Matrix, depthStride: Int, columnStride: Int, k: Int, n: Int, isa: KernelISA) -> PackedB {
        let w = isa.panelWidth
        let panels = (n + w - 1) / w
        var packed = [Float](repeating: 0, count: panels * k * w)
        b.scalars.withUnsafeBufferPointer { source in
            packed.withUnsafeMutableBufferPointer { target in
                guard let from = source.baseAddress, let to = target.baseAddress else { return }
                wb_pack_b(isa.code, from, depthStride, columnStride, k, n, to)
            }
        }
        return PackedB(scalars: packed, k: k, n: n, isa: isa)
    }

    /// C (m × n) with c_ij = Σ_p A(i, p)·B(p, j), where A(i, p) = `a[i·aRowStride + p·aDepthStride]`.
    static func multiply(a: Matrix, aRowStride: Int, aDepthStride: Int, m: Int, k: Int, packed: PackedB) -> Matrix {
        let n = packed.n
        var c = Matrix(rows: m, columns: n)
        guard m > 0, n > 0, k > 0 else { return c }
        a.scalars.withUnsafeBufferPointer { aBuffer in
            packed.scalars.withUnsafeBufferPointer { bBuffer in
                c.scalars.withUnsafeMutableBufferPointer { cBuffer in
                    guard let aBase = aBuffer.baseAddress, let bBase = bBuffer.baseAddress,
                          let cBase = cBuffer.baseAddress else { return }
                    let operands = KernelOperands(a: aBase, b: bBase, c: cBase, aRowStride: aRowStride,
                                                  aDepthStride: aDepthStride, k: k, n: n, isa: packed.isa)
                    if m * n * k < parallelThreshold {
                        operands.rows(0..<m)
                    } else {
                        ParallelChunks.forEach(count: m, chunkSize: rowsPerChunk) { range in
                            operands.rows(range)
                        }
                    }
                }
            }
        }
        return c
    }
}

/// Raw pointers of one product, shared read-only (A, packed B) or written in disjoint
/// rows (C) by concurrent chunks.
struct KernelOperands: @unchecked Sendable {
    let a: UnsafePointer<Float>
    let b: UnsafePointer<Float>
    let c: UnsafeMutablePointer<Float>
    let aRowStride: Int
    let aDepthStride: Int
    let k: Int
    let n: Int
    let isa: KernelISA

    /// Computes output rows `range` with the C micro-kernel.
    func rows(_ range: Range<Int>) {
        wb_gemm_rows(isa.code, a, aRowStride, aDepthStride, b, c, k, n, range.lowerBound, range.upperBound)
    }
}

/// An instruction-set path of the ``MatrixMultiply`` micro-kernel. All paths follow the same
/// per-element summation order, so they give bit-identical products; they differ only in speed.
public enum KernelISA: String, CaseIterable, Sendable {
    /// Portable C (4 × 8 tiles), available on every CPU.
    case scalar
    /// x86-64 SSE2, 4 lanes (4 × 8 tiles).
    case sse2
    /// x86-64 AVX2, 8 lanes (4 × 16 tiles).
    case avx2
    /// x86-64 AVX-512F, 16 lanes (16 × 16 tiles).
    case avx512

    /// The identifier the C target uses.
    var code: Int32 {
        switch self {
        case .scalar: Int32(WB_ISA_SCALAR)
        case .sse2: Int32(WB_ISA_SSE2)
        case .avx2: Int32(WB_ISA_AVX2)
        case .avx512: Int32(WB_ISA_AVX512)
        }
    }

    /// True when this CPU (and operating system) can run the path.
    public var isSupported: Bool { wb_isa_supported(code) != 0 }

    /// The paths this CPU can run, narrowest first.
    public static var supported: [KernelISA] { allCases.filter(\.isSupported) }

    /// The widest path this CPU supports.
    public static var best: KernelISA {
        switch wb_best_isa() {
        case Int32(WB_ISA_AVX512): .avx512
        case Int32(WB_ISA_AVX2): .avx2
        case Int32(WB_ISA_SSE2): .sse2
        default: .scalar
        }
    }

    /// The path products use by default: the environment variable `WORKBOOK_KERNEL`
    /// (`scalar`, `sse2`, `avx2` or `avx512`) when it names a supported path, else ``best``.
    /// Read once, at first use.
    public static let selected: KernelISA = {
        if let name = ProcessInfo.processInfo.environment["WORKBOOK_KERNEL"],
           let isa = KernelISA(rawValue: name.lowercased()), isa.isSupported {
            return isa
        }
        return best
    }()

    /// This path when supported, else ``best``.
    var resolved: KernelISA { isSupported ? self : Self.best }

    /// Columns per packed panel of B.
    var panelWidth: Int { wb_panel_width(code) }
}
