import WeightInit

/// Deterministic, SIMD-vectorised and multi-threaded matrix products for the forward
/// and backward passes:
///
/// - ``product(_:_:)``: C = A·B,
/// - ``productTransposedA(_:_:)``: C = Aᵀ·B (weight gradients ∂L/∂W = δᵀ·H),
/// - ``productTransposedB(_:_:)``: C = A·Bᵀ (the forward pass Z = H·Wᵀ).
///
/// ## Determinism
/// Every output element is computed as
///
///     c_ij = ((0 + a_i0·b_0j) + a_i1·b_1j) + … + a_i,k−1·b_k−1,j
///
/// with a separate multiply and add (no fused multiply-add on any path) in ascending k,
/// whatever the vector lane, the row block or the thread that computes it. Work is split
/// into fixed chunks of ``rowsPerChunk`` output rows (independent of the number of
/// threads) and chunks write disjoint rows, so results are bit-identical for any thread
/// count, any schedule and any run.
///
/// ## Speed
/// B is packed into panels of 8 columns (zero-padded), so the inner loop streams one
/// contiguous `SIMD8<Float>` per k; a micro-kernel keeps a 4 × 8 block of C in eight
/// vector registers and broadcasts one element of A per row. Chunks of rows run
/// concurrently via ``WeightInit/ParallelChunks``.
public enum MatrixMultiply {
    /// Output rows per parallel chunk (a multiple of the 4-row micro-kernel).
    public static let rowsPerChunk = 32
    /// Products with fewer multiply-adds than this run on the calling thread.
    public static let parallelThreshold = 1 << 18
    /// Width of a packed panel of B (one `SIMD8<Float>`).
    static let panelWidth = 8

    /// C = A·B for A (m × k) and B (k × n). Throws when `a.columns != b.rows`.
    public static func product(_ a: Matrix, _ b: Matrix) throws(NetLabError) -> Matrix {
        guard a.columns == b.rows else {
            throw .shapeMismatch(operation: "A·B", expected: "A.columns == B.rows",
                                 actual: "A \(a.rows)×\(a.columns), B \(b.rows)×\(b.columns)")
        }
        return uncheckedProduct(a, b)
    }

    /// C = Aᵀ·B for A (k × m) and B (k × n). Throws when `a.rows != b.rows`.
    public static func productTransposedA(_ a: Matrix, _ b: Matrix) throws(NetLabError) -> Matrix {
        guard a.rows == b.rows else {
            throw .shapeMismatch(operation: "Aᵀ·B", expected: "A.rows == B.rows",
                                 actual: "A \(a.rows)×\(a.columns), B \(b.rows)×\(b.columns)")
        }
        return uncheckedProductTransposedA(a, b)
    }

    /// C = A·Bᵀ for A (m × k) and B (n × k). Throws when `a.columns != b.columns`.
    public static func productTransposedB(_ a: Matrix, _ b: Matrix) throws(NetLabError) -> Matrix {
        guard a.columns == b.columns else {
            throw .shapeMismatch(operation: "A·Bᵀ", expected: "A.columns == B.columns",
                                 actual: "A \(a.rows)×\(a.columns), B \(b.rows)×\(b.columns)")
        }
        return uncheckedProductTransposedB(a, b)
    }

    static func uncheckedProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
        multiply(a: a, aRowStride: a.columns, aDepthStride: 1, m: a.rows, k: a.columns, packed: pack(b))
    }

    static func uncheckedProductTransposedA(_ a: Matrix, _ b: Matrix) -> Matrix {
        multiply(a: a, aRowStride: 1, aDepthStride: a.columns, m: a.columns, k: a.rows, packed: pack(b))
    }

    static func uncheckedProductTransposedB(_ a: Matrix, _ b: Matrix) -> Matrix {
        multiply(a: a, aRowStride: a.columns, aDepthStride: 1, m: a.rows, k: a.columns, packed: packTransposed(b))
    }

    /// B (k × n) in panels of 8 columns: panel q holds rows p = 0..<k of columns 8q..<8q+8,
    /// contiguous, zero-padded past column n.
    struct PackedB {
        var scalars: [Float]
        let k: Int
        let n: Int
        var panels: Int { (n + MatrixMultiply.panelWidth - 1) / MatrixMultiply.panelWidth }
    }

    /// Packs B (k × n, row-major).
    static func pack(_ b: Matrix) -> PackedB {
        let k = b.rows, n = b.columns, w = panelWidth
        let panels = (n + w - 1) / w
        var packed = [Float](repeating: 0, count: panels * k * w)
        b.scalars.withUnsafeBufferPointer { source in
            packed.withUnsafeMutableBufferPointer { target in
                for q in 0..<panels {
                    let width = min(w, n - q * w)
                    for p in 0..<k {
                        let from = p * n + q * w, to = (q * k + p) * w
                        for lane in 0..<width { target[to + lane] = source[from + lane] }
                    }
                }
            }
        }
        return PackedB(scalars: packed, k: k, n: n)
    }

    /// Packs Bᵀ where `b` is n × k (so the packed operand is k × n).
    static func packTransposed(_ b: Matrix) -> PackedB {
        let n = b.rows, k = b.columns, w = panelWidth
        let panels = (n + w - 1) / w
        var packed = [Float](repeating: 0, count: panels * k * w)
        b.scalars.withUnsafeBufferPointer { source in
            packed.withUnsafeMutableBufferPointer { target in
                for q in 0..<panels {
                    let width = min(w, n - q * w)
                    for lane in 0..<width {
                        let row = (q * w + lane) * k
                        for p in 0..<k { target[(q * k + p) * w + lane] = source[row + p] }
                    }
                }
            }
        }
        return PackedB(scalars: packed, k: k, n: n)
    }

    /// C (m × n) with c_ij = Σ_p A(i, p)·B(p, j), where A(i, p) = `a[i·aRowStride + p·aDepthStride]`.
    static func multiply(a: Matrix, aRowStride: Int, aDepthStride: Int, m: Int, k: Int, packed: PackedB) -> Matrix {
        let n = packed.n
        var c = Matrix(rows: m, columns: n)
        guard m > 0, n > 0 else { return c }
        a.scalars.withUnsafeBufferPointer { aBuffer in
            packed.scalars.withUnsafeBufferPointer { bBuffer in
                c.scalars.withUnsafeMutableBufferPointer { cBuffer in
                    guard let aBase = aBuffer.baseAddress, let bBase = bBuffer.baseAddress,
                          let cBase = cBuffer.baseAddress else { return }
                    let operands = KernelOperands(a: aBase, b: bBase, c: cBase, aRowStride: aRowStride,
                                                  aDepthStride: aDepthStride, k: k, n: n, panels: packed.panels)
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
    let panels: Int

    /// Computes output rows `range`: 4-row micro-kernels, then single rows.
    func rows(_ range: Range<Int>) {
        var i = range.lowerBound
        while i + 4 <= range.upperBound {
            for q in 0..<panels { block4(row: i, panel: q) }
            i += 4
        }
        while i < range.upperBound {
            for q in 0..<panels { block1(row: i, panel: q) }
            i += 1
        }
    }

    /// Rows i..<i+4, columns 8q..<8q+8.
    @inline(__always)
    func block4(row i: Int, panel q: Int) {
        var c0 = SIMD8<Float>(), c1 = SIMD8<Float>(), c2 = SIMD8<Float>(), c3 = SIMD8<Float>()
        let panel = UnsafeRawPointer(b + q * k * 8)
        let r0 = a + i * aRowStride, r1 = r0 + aRowStride, r2 = r1 + aRowStride, r3 = r2 + aRowStride
        var offset = 0
        for p in 0..<k {
            let bv = panel.loadUnaligned(fromByteOffset: p * 32, as: SIMD8<Float>.self)
            c0 = c0 + SIMD8(repeating: r0[offset]) * bv
            c1 = c1 + SIMD8(repeating: r1[offset]) * bv
            c2 = c2 + SIMD8(repeating: r2[offset]) * bv
            c3 = c3 + SIMD8(repeating: r3[offset]) * bv
            offset += aDepthStride
        }
        store(c0, row: i, panel: q)
        store(c1, row: i + 1, panel: q)
        store(c2, row: i + 2, panel: q)
        store(c3, row: i + 3, panel: q)
    }

    /// Row i, columns 8q..<8q+8 (same summation order as ``block4(row:panel:)``).
    @inline(__always)
    func block1(row i: Int, panel q: Int) {
        var c0 = SIMD8<Float>()
        let panel = UnsafeRawPointer(b + q * k * 8)
        let r0 = a + i * aRowStride
        var offset = 0
        for p in 0..<k {
            let bv = panel.loadUnaligned(fromByteOffset: p * 32, as: SIMD8<Float>.self)
            c0 = c0 + SIMD8(repeating: r0[offset]) * bv
            offset += aDepthStride
        }
        store(c0, row: i, panel: q)
    }

    /// Writes the valid lanes of `value` to row `i` of C.
    @inline(__always)
    func store(_ value: SIMD8<Float>, row i: Int, panel q: Int) {
        let column = q * 8
        let target = c + i * n + column
        if column + 8 <= n {
            UnsafeMutableRawPointer(target).storeBytes(of: value, as: SIMD8<Float>.self)
        } else {
            for lane in 0..<(n - column) { target[lane] = value[lane] }
        }
    }
}
