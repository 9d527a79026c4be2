/// Thin QR decomposition of a tall matrix by Householder reflections, in Double precision.
///
/// For an m×n matrix A with m ≥ n it computes Q (m×n, orthonormal columns) and the
/// diagonal of R such that A = Q·R. Storage is column-major: element (i, j) is at `j·m + i`.
/// The arithmetic order is fixed, so results are identical on every run and machine.
public struct HouseholderQR: Sendable {
    /// Number of rows (m).
    public let rows: Int
    /// Number of columns (n ≤ m).
    public let columns: Int
    /// Q's columns, column-major m×n.
    public private(set) var q: [Double]
    /// The diagonal of R (length n).
    public private(set) var rDiagonal: [Double]

    /// Factorises the column-major m×n matrix `matrix`; requires m ≥ n ≥ 1.
    public init(columnMajor matrix: [Double], rows: Int, columns: Int) {
        precondition(rows >= columns && columns >= 1 && matrix.count == rows * columns, "HouseholderQR needs a tall m×n matrix")
        self.rows = rows
        self.columns = columns
        var a = matrix
        var tau = [Double](repeating: 0, count: columns)
        var diagonal = [Double](repeating: 0, count: columns)
        let m = rows
        a.withUnsafeMutableBufferPointer { a in
            for k in 0..<columns {
                // Householder vector for column k, rows k..<m: v = x − α·e₁ with α = −sign(x₀)·‖x‖.
                let base = k * m
                var norm2 = 0.0
                for i in k..<m { norm2 += a[base + i] * a[base + i] }
                let x0 = a[base + k]
                let norm = norm2.squareRoot()
                let alpha = x0 >= 0 ? -norm : norm
                diagonal[k] = alpha
                let v0 = x0 - alpha
                let vNorm2 = norm2 - x0 * x0 + v0 * v0
                guard vNorm2 > 0 else { tau[k] = 0; continue }
                a[base + k] = v0
                tau[k] = 2 / vNorm2
                // Apply H = I − τ v vᵀ to columns k+1..<n.
                for j in (k + 1)..<columns {
                    let cj = j * m
                    var dot = 0.0
                    for i in k..<m { dot += a[base + i] * a[cj + i] }
                    let scale = tau[k] * dot
                    for i in k..<m { a[cj + i] -= scale * a[base + i] }
                }
            }
        }
        // Form thin Q = H₀ H₁ … H_{n−1} applied to the first n columns of the identity.
        var qMatrix = [Double](repeating: 0, count: m * columns)
        for j in 0..<columns { qMatrix[j * m + j] = 1 }
        a.withUnsafeBufferPointer { a in
            qMatrix.withUnsafeMutableBufferPointer { q in
                for k in stride(from: columns - 1, through: 0, by: -1) where tau[k] != 0 {
                    let base = k * m
                    for j in k..<columns {
                        let cj = j * m
                        var dot = 0.0
                        for i in k..<m { dot += a[base + i] * q[cj + i] }
                        let scale = tau[k] * dot
                        for i in k..<m { q[cj + i] -= scale * a[base + i] }
                    }
                }
            }
        }
        self.q = qMatrix
        self.rDiagonal = diagonal
    }
}
