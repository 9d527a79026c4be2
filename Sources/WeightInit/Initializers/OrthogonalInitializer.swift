/// `orthogonal(gain)`: a (semi-)orthogonal matrix scaled by `gain`, PyTorch's `orthogonal_`
/// (Saxe et al. 2014).
///
/// For shape [rows, …] the trailing dimensions are flattened to cols = count/rows. A
/// rows×cols matrix G of N(0, 1) values is drawn; if rows < cols it is transposed so the
/// QR decomposition runs on the tall orientation. With G = QR, Q's columns are multiplied
/// by sign(diag R): this makes the factorisation unique and Q Haar-distributed (uniform
/// over the orthogonal group; Mezzadri 2007). The result is transposed back and scaled, so
/// WᵀW = gain²·I when rows ≥ cols and WWᵀ = gain²·I otherwise. Element RMS: gain/√max(rows, cols).
public struct OrthogonalInitializer: WeightInitializer, Equatable {
    /// The scale applied to the orthogonal matrix.
    public let gain: Double

    /// Throws when the gain is not finite.
    public init(gain: Double = 1) throws(InitializationError) {
        guard gain.isFinite else {
            throw .invalidArgument(name: "gain", value: "\(gain)", expected: "a finite number")
        }
        self.gain = gain
    }

    public var spec: InitializerSpec {
        InitializerCatalog.spec("orthogonal", omittingDefaults: [("gain", SpecNumber.text(gain))])
    }

    public func predictedStandardDeviation(for shape: [Int]) throws(InitializationError) -> Double {
        try requireMatrix(shape)
        let rows = shape[0], cols = shape.dropFirst().reduce(1, *)
        return abs(gain) / Double(max(rows, cols)).squareRoot()
    }

    private func requireMatrix(_ shape: [Int]) throws(InitializationError) {
        guard shape.count >= 2 else {
            throw .unsupportedShape(initializer: "orthogonal", shape: shape, expected: "at least 2 dimensions")
        }
    }

    public func fill(_ tensor: inout Tensor, using stream: inout RandomStream) throws(InitializationError) {
        try requireMatrix(tensor.shape)
        let rows = tensor.rows, cols = tensor.columns
        var gaussian = [Float](repeating: 0, count: rows * cols)
        try NormalDistribution(mean: 0, standardDeviation: 1).fill(&gaussian, using: &stream)
        // Tall orientation m×n (m ≥ n) in column-major order.
        let transposed = rows < cols
        let m = transposed ? cols : rows, n = transposed ? rows : cols
        var columnMajor = [Double](repeating: 0, count: m * n)
        for r in 0..<rows {
            for c in 0..<cols {
                let value = Double(gaussian[r * cols + c])
                // G (rows×cols) or Gᵀ (cols×rows): element (i, j) of the tall matrix at j·m + i.
                if transposed { columnMajor[r * m + c] = value } else { columnMajor[c * m + r] = value }
            }
        }
        let qr = try HouseholderQR(columnMajor: columnMajor, rows: m, columns: n)
        for r in 0..<rows {
            for c in 0..<cols {
                // Tall Q element (i, j) with its column j multiplied by sign(R_jj).
                let (i, j) = transposed ? (c, r) : (r, c)
                let sign: Double = qr.rDiagonal[j] < 0 ? -1 : 1
                tensor.scalars[r * cols + c] = Float(gain * sign * qr.q[j * m + i])
            }
        }
    }
}

extension OrthogonalInitializer: CatalogedInitializer {
    /// `orthogonal(gain=1)`.
    public static let catalogEntries: [InitializerCatalog.Entry] = [
        .init(name: "orthogonal", arguments: [("gain", "1")], formula: "gain·Q, Q Haar-orthogonal (QR with sign fix)") {
            arguments throws(InitializationError) in try OrthogonalInitializer(gain: arguments.gain())
        }
    ]
}
