import WeightInit

/// Standard normal input batches: x ~ N(0, I).
public enum GaussianInputs {
    /// A `rows × columns` matrix of independent N(0, 1) draws from `stream`.
    public static func matrix(rows: Int, columns: Int, stream: inout RandomStream) -> Matrix {
        var values = [Float](repeating: 0, count: max(0, rows) * max(0, columns))
        // mean 0, std 1 are valid, so the initialiser cannot fail.
        if let normal = try? NormalDistribution(mean: 0, standardDeviation: 1) {
            normal.fill(&values, using: &stream)
        }
        var matrix = Matrix(rows: rows, columns: columns)
        matrix.scalars = values
        return matrix
    }
}
