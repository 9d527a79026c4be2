/// `normal(mean, std)`: N(mean, std²), PyTorch's `normal_` (defaults mean = 0, std = 1).
/// CS231n's "small random numbers" is `normal(std=0.01)`.
public struct NormalInitializer: WeightInitializer, Equatable {
    /// The distribution sampled.
    public let distribution: NormalDistribution

    /// N(mean, std²); throws when std < 0.
    public init(mean: Float = 0, std: Float = 1) throws(InitializationError) {
        distribution = try NormalDistribution(mean: mean, standardDeviation: std)
    }

    public var spec: InitializerSpec {
        InitializerSpec(
            name: "normal",
            arguments: [
                ("mean", SpecNumber.text(distribution.mean)),
                ("std", SpecNumber.text(distribution.standardDeviation)),
            ])
    }

    public func fill(_ tensor: inout Tensor, using stream: inout RandomStream) throws(InitializationError) {
        distribution.fill(&tensor.scalars, using: &stream)
    }

    public func predictedStandardDeviation(for shape: [Int]) throws(InitializationError) -> Double {
        Double(distribution.standardDeviation)
    }
}

extension NormalInitializer: CatalogedInitializer {
    /// `normal(mean=0, std=1)`.
    public static let catalogEntries: [InitializerCatalog.Entry] = [
        .init(name: "normal", arguments: [("mean", "0"), ("std", "1")], formula: "N(mean, std²)") {
            arguments throws(InitializationError) in
            try NormalInitializer(mean: Float(arguments.number("mean")), std: Float(arguments.number("std")))
        }
    ]
}
