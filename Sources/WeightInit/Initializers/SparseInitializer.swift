/// `sparse(sparsity, std)`: PyTorch's `sparse_` (Martens 2010) for 2-D weights. Every
/// element is drawn from N(0, std²); then in each column ⌈sparsity·rows⌉ distinct rows,
/// chosen uniformly at random, are set to zero. Defaults: std = 0.01; sparsity is required.
public struct SparseInitializer: WeightInitializer, Equatable {
    /// Fraction of each column set to zero, in [0, 1].
    public let sparsity: Double
    /// Standard deviation of the non-zero elements.
    public let std: Float

    /// Throws when sparsity is outside [0, 1] or std < 0.
    public init(sparsity: Double, std: Float = 0.01) throws(InitializationError) {
        guard sparsity.isFinite, (0...1).contains(sparsity) else {
            throw .invalidArgument(name: "sparsity", value: "\(sparsity)", expected: "a number in [0, 1]")
        }
        guard std.isFinite, std >= 0 else {
            throw .invalidArgument(name: "std", value: "\(std)", expected: "a finite number ≥ 0")
        }
        self.sparsity = sparsity
        self.std = std
    }

    public var spec: InitializerSpec {
        InitializerSpec(
            name: "sparse", arguments: [("sparsity", SpecNumber.text(sparsity)), ("std", SpecNumber.text(std))])
    }

    /// Zeros per column: ⌈sparsity·rows⌉.
    public func zerosPerColumn(rows: Int) -> Int {
        Int((sparsity * Double(rows)).rounded(.up))
    }

    public func predictedStandardDeviation(for shape: [Int]) throws(InitializationError) -> Double {
        try requireMatrix(shape)
        let kept = Double(shape[0] - zerosPerColumn(rows: shape[0])) / Double(shape[0])
        return Double(std) * kept.squareRoot()
    }

    private func requireMatrix(_ shape: [Int]) throws(InitializationError) {
        guard shape.count == 2 else {
            throw .unsupportedShape(initializer: "sparse", shape: shape, expected: "exactly 2 dimensions")
        }
    }

    public func fill(_ tensor: inout Tensor, using stream: inout RandomStream) throws(InitializationError) {
        try requireMatrix(tensor.shape)
        let rows = tensor.shape[0], cols = tensor.shape[1]
        try NormalDistribution(mean: 0, standardDeviation: std).fill(&tensor.scalars, using: &stream)
        let zeros = zerosPerColumn(rows: rows)
        var order = Array(0..<rows)
        for column in 0..<cols {
            for i in 0..<rows { order[i] = i }
            // Partial Fisher–Yates: the first `zeros` entries are a uniform random subset.
            for i in 0..<zeros {
                let j = i + Int(stream.next() % UInt64(rows - i))
                order.swapAt(i, j)
                tensor.scalars[order[i] * cols + column] = 0
            }
        }
    }
}

extension SparseInitializer: CatalogedInitializer {
    /// `sparse(sparsity, std=0.01)`; sparsity is required.
    public static let catalogEntries: [InitializerCatalog.Entry] = [
        .init(
            name: "sparse", arguments: [("sparsity", nil), ("std", "0.01")],
            formula: "N(0, std²) with ⌈sparsity·rows⌉ zeros per column (2-D)"
        ) { arguments throws(InitializationError) in
            try SparseInitializer(sparsity: arguments.number("sparsity"), std: Float(arguments.number("std")))
        }
    ]
}
