/// Thin QR decomposition of a tall matrix by Householder reflections, in Double precision.
///
/// For an m×n matrix A with m ≥ n it computes Q (m×n, orthonormal columns) and the
/// diagonal of R such that A = Q·R. Storage is column-major: element (i, j) is at `j·m + i`.
///
/// Reflector k is H_k = I − τ_k v_k v_kᵀ with v_k = x − α e₁ and α = −sign(x₀)‖x‖ for the
/// column x = A[k..<m, k] (so R_kk = α). For speed the reflectors are applied panel by
/// panel (``panelWidth`` columns) to blocks of ``columnBlock`` trailing columns, so each
/// reflector is read once per block while the columns stay in cache, and column blocks run
/// in parallel. Every column's arithmetic happens in a fixed order (4-lane SIMD dot
/// products summed in a fixed lane order), so results are identical for any thread count.
public struct HouseholderQR: Sendable {
    /// Number of rows (m).
    public let rows: Int
    /// Number of columns (n ≤ m).
    public let columns: Int
    /// Q's columns, column-major m×n.
    public private(set) var q: [Double]
    /// The diagonal of R (length n).
    public private(set) var rDiagonal: [Double]

    /// Reflectors factored together before the trailing update.
    static let panelWidth = 32
    /// Columns updated together by one task.
    static let columnBlock = 16

    /// Factorises the column-major m×n matrix `matrix`. Throws unless m ≥ n ≥ 1 and
    /// `matrix.count == m·n`.
    public init(columnMajor matrix: [Double], rows: Int, columns: Int) throws(InitializationError) {
        guard rows >= columns, columns >= 1, matrix.count == rows * columns else {
            throw .unsupportedShape(
                initializer: "HouseholderQR", shape: [rows, columns],
                expected: "a tall matrix (rows ≥ columns ≥ 1) with rows·columns values, got \(matrix.count)")
        }
        self.rows = rows
        self.columns = columns
        let m = rows, n = columns
        var a = matrix
        var tau = [Double](repeating: 0, count: n)
        var diagonal = [Double](repeating: 0, count: n)
        a.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let shared = SendablePointer(base)
            for panelStart in stride(from: 0, to: n, by: Self.panelWidth) {
                let panelEnd = min(n, panelStart + Self.panelWidth)
                for k in panelStart..<panelEnd {
                    let column = base + k * m
                    let norm2 = Self.dot(column + k, column + k, count: m - k)
                    let x0 = column[k]
                    let alpha = x0 >= 0 ? -norm2.squareRoot() : norm2.squareRoot()
                    diagonal[k] = alpha
                    let v0 = x0 - alpha
                    let vNorm2 = norm2 - x0 * x0 + v0 * v0
                    guard vNorm2 > 0 else { continue }
                    column[k] = v0
                    tau[k] = 2 / vNorm2
                    for j in (k + 1)..<panelEnd {
                        Self.reflect(base + j * m, reflector: column, tau: tau[k], from: k, to: m)
                    }
                }
                let taus = tau
                let trailing = n - panelEnd
                let blocks = (trailing + Self.columnBlock - 1) / Self.columnBlock
                ParallelChunks.forEach(count: blocks, chunkSize: 1) { blockRange in
                    let pointer = shared.pointer
                    for block in blockRange {
                        let first = panelEnd + block * Self.columnBlock
                        let last = min(n, first + Self.columnBlock)
                        for k in panelStart..<panelEnd where taus[k] != 0 {
                            for j in first..<last {
                                Self.reflect(pointer + j * m, reflector: pointer + k * m, tau: taus[k], from: k, to: m)
                            }
                        }
                    }
                }
            }
        }
        // Q = H₀ H₁ … H_{n−1} [I; 0]: column j only needs reflectors k ≤ j (H_k leaves rows < k alone).
        var qMatrix = [Double](repeating: 0, count: m * n)
        let taus = tau
        a.withUnsafeBufferPointer { reflectors in
            qMatrix.withUnsafeMutableBufferPointer { qBuffer in
                guard let reflectorBase = reflectors.baseAddress, let qBase = qBuffer.baseAddress else { return }
                let v = SendablePointer(readOnly: reflectorBase)
                let output = SendablePointer(qBase)
                let blocks = (n + Self.columnBlock - 1) / Self.columnBlock
                ParallelChunks.forEach(count: blocks, chunkSize: 1) { blockRange in
                    for block in blockRange {
                        let first = block * Self.columnBlock
                        let last = min(n, first + Self.columnBlock)
                        for j in first..<last { output.pointer[j * m + j] = 1 }
                        for k in stride(from: last - 1, through: 0, by: -1) where taus[k] != 0 {
                            for j in max(first, k)..<last {
                                Self.reflect(
                                    output.pointer + j * m, reflector: v.pointer + k * m, tau: taus[k], from: k, to: m)
                            }
                        }
                    }
                }
            }
        }
        self.q = qMatrix
        self.rDiagonal = diagonal
    }

    /// y[from..<to] −= τ (vᵀy) v over the same rows.
    @inline(__always)
    static func reflect(
        _ y: UnsafeMutablePointer<Double>, reflector v: UnsafeMutablePointer<Double>,
        tau: Double, from: Int, to: Int
    ) {
        let scale = tau * dot(v + from, y + from, count: to - from)
        let lanes = (to - from) / 4 * 4
        let factor = SIMD4<Double>(repeating: scale)
        let yRaw = UnsafeMutableRawPointer(y + from), vRaw = UnsafeRawPointer(v + from)
        var i = 0
        while i < lanes {
            let offset = i * 8
            let updated =
                yRaw.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                - factor * vRaw.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            yRaw.storeBytes(of: updated, toByteOffset: offset, as: SIMD4<Double>.self)
            i += 4
        }
        while i < to - from {
            y[from + i] -= scale * v[from + i]
            i += 1
        }
    }

    /// Σ a[i]·b[i] with four independent lane sums combined in a fixed order.
    @inline(__always)
    static func dot(_ a: UnsafeMutablePointer<Double>, _ b: UnsafeMutablePointer<Double>, count: Int) -> Double {
        let lanes = count / 8 * 8
        var sum0 = SIMD4<Double>(), sum1 = SIMD4<Double>()
        let aRaw = UnsafeRawPointer(a), bRaw = UnsafeRawPointer(b)
        var i = 0
        while i < lanes {
            let offset = i * 8
            sum0 +=
                aRaw.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                * bRaw.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            sum1 +=
                aRaw.loadUnaligned(fromByteOffset: offset + 32, as: SIMD4<Double>.self)
                * bRaw.loadUnaligned(fromByteOffset: offset + 32, as: SIMD4<Double>.self)
            i += 8
        }
        let total = sum0 + sum1
        var result = (total[0] + total[1]) + (total[2] + total[3])
        while i < count {
            result += a[i] * b[i]
            i += 1
        }
        return result
    }
}
