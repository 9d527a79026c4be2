import WeightInit

/// Standard normal input batches: x ~ N(0, I).
public enum GaussianInputs {
    /// A `rows × columns` matrix of independent N(0, 1) draws from `stream`.
    public static func matrix(rows: Int, columns: Int, stream: inout RandomStream) -> Matrix {
        var matrix = Matrix(rows: rows, columns: columns)
        NormalDistribution.standard.fill(&matrix.scalars, using: &stream)
        return matrix
    }
}
