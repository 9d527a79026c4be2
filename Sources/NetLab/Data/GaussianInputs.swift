import WeightInit

/// Standard normal input batches: x ~ N(0, I).
public enum GaussianInputs {
    /// A `rows × columns` matrix of independent N(0, 1) draws from `stream`.
    public static func matrix(rows: Int, columns: Int, stream: inout RandomStream) -> Matrix {
        var matrix = Matrix(rows: rows, columns: columns)
        // mean 0, std 1 are valid, so the initialiser cannot fail.
        if let normal = try? NormalDistribution(mean: 0, standardDeviation: 1) {
            normal.fill(&matrix.scalars, using: &stream)
        }
        return matrix
    }
}
