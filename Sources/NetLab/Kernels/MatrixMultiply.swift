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

/// B (k × n) in panels of ``KernelISA/panelWidth`` columns for `isa`: panel q holds rows
/// p = 0..<k of its columns, contiguous, zero-padded past column n.
struct PackedB: Sendable {
    /// The panels.
    var scalars: [Float]
    /// Depth (rows of B).
    let k: Int
    /// Columns of B.
    let n: Int
    /// The path whose panel width was used.
    let isa: KernelISA

    /// Packs Wᵀ for W (`n × k`, row-major): B(p, j) = W[j, p] (the forward pass's operand).
    init(transposing w: Matrix, isa: KernelISA) {
        let width = isa.panelWidth
        let (k, n) = (w.columns, w.rows)
        self.k = k
        self.n = n
        self.isa = isa
        // wb_pack_b writes every element, zero padding included.
        let count = max(1, (n + width - 1) / width * k * width)
        self.scalars = w.scalars.withUnsafeBufferPointer { source in
            [Float](unsafeUninitializedCapacity: count) { target, initialized in
                if let from = source.baseAddress, let to = target.baseAddress, k > 0, n > 0 {
                    wb_pack_b(isa.code, from, 1, k, k, n, to)
                } else {
                    target.initialize(repeating: 0)
                }
                initialized = count
            }
        }
    }

    /// Calls `body` with the packed operand.
    func withOperand<R>(_ body: (KernelOperand) -> R) -> R {
        scalars.withUnsafeBufferPointer { body(.packed($0.baseAddress)) }
    }
}

/// The partial last panel of a row-major B (k × n) for `isa`, packed (empty when the panel
/// width divides n), so the other panels can be read in place.
struct RowMajorTail: Sendable {
    /// k × panel width floats, or none.
    var scalars: [Float]

    /// Packs the tail of `b`.
    init(_ b: Matrix, isa: KernelISA) {
        self.init(k: b.rows, n: b.columns, isa: isa)
        pack(b, isa: isa)
    }

    /// Room for the tail of a k × n operand.
    init(k: Int, n: Int, isa: KernelISA) {
        let width = isa.panelWidth
        scalars = n % width == 0 ? [] : [Float](repeating: 0, count: k * width)
    }

    /// Repacks the tail of `b` (k × n as at creation) without allocating.
    mutating func pack(_ b: Matrix, isa: KernelISA) {
        guard !scalars.isEmpty else { return }
        b.scalars.withUnsafeBufferPointer { source in
            scalars.withUnsafeMutableBufferPointer { target in
                guard let from = source.baseAddress, let to = target.baseAddress else { return }
                wb_pack_b_tail(isa.code, from, b.columns, b.rows, b.columns, to)
            }
        }
    }
}

/// Where the kernel reads B.
enum KernelOperand {
    /// Panels from `wb_pack_b`.
    case packed(UnsafePointer<Float>?)
    /// A row-major B with row stride `ldb`, its partial last panel packed in `tail`.
    case rowMajor(UnsafePointer<Float>?, ldb: Int, tail: UnsafePointer<Float>?)
}

/// One call of the C kernel: C = E(A·B + s), rows split into ``MatrixMultiply/rowsPerChunk``
/// chunks. Raw pointers, read-only (A, B, bias, h) or written in disjoint rows (C, z) by
/// concurrent chunks, which share the description through a read-only ``SendablePointer``.
struct KernelOperation {
    /// The C description.
    var op: wb_gemm
    /// The path.
    let isa: KernelISA

    /// C (m × n, row stride ldc) = A·B with A(i, p) = `a[i·aRowStride + p·aDepthStride]`, sums
    /// from +0, no activation.
    init(
        isa: KernelISA, operand: KernelOperand, a: UnsafePointer<Float>?, aRowStride: Int, aDepthStride: Int,
        c: UnsafeMutablePointer<Float>?, ldc: Int, k: Int, n: Int
    ) {
        self.isa = isa
        op = wb_gemm()
        op.a = a
        op.aRowStride = aRowStride
        op.aDepthStride = aDepthStride
        switch operand {
        case .packed(let b):
            op.b = b
            op.ldb = 0
        case .rowMajor(let b, let ldb, let tail):
            op.b = b
            op.ldb = ldb
            op.tail = tail
        }
        op.c = c
        op.ldc = ldc
        op.k = k
        op.n = n
        op.activation = Int32(WB_ACT_LINEAR)
    }

    /// Sums start at `bias[j]` (n values) instead of +0.
    mutating func start(at bias: UnsafePointer<Float>?) { op.bias = bias }

    /// Epilogue: z (when given) keeps the sums, then C = f(sum) for `kind` (a `WB_ACT_*` code).
    mutating func activate(_ kind: Int32, slope: Float, preActivations z: UnsafeMutablePointer<Float>?) {
        op.activation = kind
        op.slope = slope
        op.z = z
    }

    /// Epilogue: C = sum·f′ for `kind`, f′ computed from the outputs h = f(z) (row stride ldc).
    mutating func gate(_ kind: Int32, slope: Float, outputs h: UnsafePointer<Float>?) {
        op.activation = kind
        op.slope = slope
        op.h = h
    }

    /// Computes rows 0..<m, in parallel chunks when `parallel` and the product is large enough.
    mutating func run(rows m: Int, parallel: Bool) {
        guard m > 0, op.n > 0, op.c != nil else { return }
        if !parallel || m * op.n * max(1, op.k) < MatrixMultiply.parallelThreshold || m <= MatrixMultiply.rowsPerChunk {
            rows(0..<m)
        } else {
            let code = isa.code
            withUnsafePointer(to: op) { description in
                let shared = SendablePointer(readOnly: description)
                let chunkRows = MatrixMultiply.chunkRows(rows: m, threads: MatrixMultiply.threads)
                ParallelChunks.forEach(count: m, chunkSize: chunkRows) { range in
                    wb_gemm_rows(code, shared.pointer, range.lowerBound, range.upperBound)
                }
            }
        }
    }

    /// Computes output rows `range` with the C micro-kernel.
    func rows(_ range: Range<Int>) {
        withUnsafePointer(to: op) { pointer in
            wb_gemm_rows(isa.code, pointer, range.lowerBound, range.upperBound)
        }
    }
}

/// An instruction-set path of the ``MatrixMultiply`` micro-kernel and the activation kernels.
/// All paths follow the same per-element sequence of IEEE operations, so they give
/// bit-identical results; they differ only in speed.
public enum KernelISA: String, CaseIterable, Sendable {
    /// Portable C (4 × 8 tiles, `fmaf`), available on every CPU.
    case scalar
    /// x86-64 SSE2, 4 lanes (4 × 8 tiles, `fmaf` per lane).
    case sse2
    /// x86-64 AVX2 with FMA3, 8 lanes (4 × 16 tiles).
    case avx2
    /// x86-64 AVX-512F, 16 lanes (8 × 32 tiles).
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
    /// Read once (`wb_selected_isa`, which WeightInit's normal sampler uses too).
    public static let selected: KernelISA = {
        switch wb_selected_isa() {
        case Int32(WB_ISA_AVX512): .avx512
        case Int32(WB_ISA_AVX2): .avx2
        case Int32(WB_ISA_SSE2): .sse2
        default: .scalar
        }
    }()

    /// This path when supported, else ``best``.
    var resolved: KernelISA { isSupported ? self : Self.best }

    /// Columns per packed panel of B.
    var panelWidth: Int { wb_panel_width(code) }
}
