/// `uniform(a, b)`: U[a, b), PyTorch's `uniform_` (defaults a = 0, b = 1).
/// Variance (b − a)²/12.
public struct UniformInitializer: WeightInitializer, Equatable {
    /// The distribution sampled.
    public let distribution: UniformDistribution

    /// U[a, b); throws unless a < b, both finite.
    public init(a: Float = 0, b: Float = 1) throws(InitializationError) {
        distribution = try UniformDistribution(low: a, high: b)
    }

    public var spec: InitializerSpec {
        InitializerSpec(
            name: "uniform",
            arguments: [
                ("a", SpecNumber.text(distribution.low)),
                ("b", SpecNumber.text(distribution.high)),
            ])
    }

    public func fill(_ tensor: inout Tensor, using stream: inout RandomStream) throws(InitializationError) {
        distribution.fill(&tensor.scalars, using: &stream)
    }

    public func predictedStandardDeviation(for shape: [Int]) throws(InitializationError) -> Double {
        distribution.standardDeviation
    }
}

extension UniformInitializer: CatalogedInitializer {
    /// `uniform(a=0, b=1)`.
    public static let catalogEntries: [InitializerCatalog.Entry] = [
        .init(name: "uniform", arguments: [("a", "0"), ("b", "1")], formula: "U[a, b), Var = (b − a)²/12") {
            arguments throws(InitializationError) in
            try UniformInitializer(a: Float(arguments.number("a")), b: Float(arguments.number("b")))
        }
    ]
}
