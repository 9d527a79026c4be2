/// Singular values of a real matrix by one-sided Jacobi rotations (Hestenes 1958), in Double.
///
/// The columns of A are orthogonalised pairwise by plane rotations until every pair satisfies
/// |aᵢ·aⱼ| ≤ ε‖aᵢ‖‖aⱼ‖ (ε = 1e-15) or 60 sweeps; the singular values are the final column norms.
/// One-sided Jacobi has high relative accuracy, so small singular values of ill-conditioned
/// products keep their digits far better than eigenvalues of AᵀA would.
public enum SingularValues {
    /// The singular values of the row-major `rows × columns` matrix `a`, descending.
    public static func of(_ a: [Double], rows: Int, columns: Int) -> [Double] {
        // Work on the orientation with fewer columns: σ(A) = σ(Aᵀ).
        let transpose = columns > rows
        let m = transpose ? columns : rows, n = transpose ? rows : columns
        guard m > 0, n > 0, a.count == rows * columns else { return [] }
        // Column-major m×n working copy.
        var u = [Double](repeating: 0, count: m * n)
        for r in 0..<rows {
            for c in 0..<columns {
                let (i, j) = transpose ? (c, r) : (r, c)
                u[j * m + i] = a[r * columns + c]
            }
        }
        u.withUnsafeMutableBufferPointer { u in
            for _ in 0..<60 {
                var rotated = false
                for p in 0..<(n - 1) {
                    for q in (p + 1)..<n {
                        var alpha = 0.0, beta = 0.0, gamma = 0.0
                        for i in 0..<m {
                            let x = u[p * m + i], y = u[q * m + i]
                            alpha += x * x
                            beta += y * y
                            gamma += x * y
                        }
                        guard abs(gamma) > 1e-15 * (alpha * beta).squareRoot(), gamma != 0 else { continue }
                        rotated = true
                        let zeta = (beta - alpha) / (2 * gamma)
                        let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                        let c = 1 / (1 + t * t).squareRoot(), s = c * t
                        for i in 0..<m {
                            let x = u[p * m + i], y = u[q * m + i]
                            u[p * m + i] = c * x - s * y
                            u[q * m + i] = s * x + c * y
                        }
                    }
                }
                if !rotated { break }
            }
        }
        var values = (0..<n).map { j in
            var sum = 0.0
            for i in 0..<m { sum += u[j * m + i] * u[j * m + i] }
            return sum.squareRoot()
        }
        values.sort(by: >)
        return values
    }
}
