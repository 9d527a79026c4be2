/// `trunc-normal(mean, std, a, b)`: N(mean, std²) truncated to the absolute bounds [a, b],
/// PyTorch's `trunc_normal_` (defaults mean = 0, std = 1, a = −2, b = 2).
///
/// Keras's `TruncatedNormal` instead cuts at two standard deviations, and its
/// `VarianceScaling(distribution="truncated_normal")` divides σ by 0.87962566103423978 so
/// the truncated variance equals the target.
public struct TruncatedNormalInitializer: WeightInitializer, Equatable {
    /// The distribution sampled.
    public let distribution: TruncatedNormalDistribution

    /// Throws unless std > 0 and a < b.
    public init(mean: Float = 0, std: Float = 1, a: Float = -2, b: Float = 2) throws(InitializationError) {
        distribution = try TruncatedNormalDistribution(mean: mean, standardDeviation: std, lower: a, upper: b)
    }

    public var spec: InitializerSpec {
        InitializerSpec(
            name: "trunc-normal",
            arguments: [
                ("mean", SpecNumber.text(distribution.mean)), ("std", SpecNumber.text(distribution.standardDeviation)),
                ("a", SpecNumber.text(distribution.lower)), ("b", SpecNumber.text(distribution.upper)),
            ])
    }

    public func fill(_ tensor: inout Tensor, using stream: inout RandomStream) throws(InitializationError) {
        distribution.fill(&tensor.scalars, using: &stream)
    }

    /// The truncated distribution's standard deviation (smaller than `std`).
    public func predictedStandardDeviation(for shape: [Int]) throws(InitializationError) -> Double {
        distribution.variance.squareRoot()
    }
}

extension TruncatedNormalInitializer: CatalogedInitializer {
    /// `trunc-normal(mean=0, std=1, a=-2, b=2)` (absolute bounds, as PyTorch).
    public static let catalogEntries: [InitializerCatalog.Entry] = [
        .init(
            name: "trunc-normal", arguments: [("mean", "0"), ("std", "1"), ("a", "-2"), ("b", "2")],
            formula: "N(mean, std²) truncated to [a, b] (absolute bounds)"
        ) { arguments throws(InitializationError) in
            try TruncatedNormalInitializer(
                mean: Float(arguments.number("mean")), std: Float(arguments.number("std")),
                a: Float(arguments.number("a")), b: Float(arguments.number("b")))
        }
    ]
}
