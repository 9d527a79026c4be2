/// An initialiser that draws zero-mean values whose standard deviation is a function of the
/// fans (Xavier, Kaiming, LeCun): ``fill(_:using:)`` draws from ``distribution`` with
/// σ = ``WeightInitializer/predictedStandardDeviation(for:)``.
public protocol FanScaledInitializer: WeightInitializer {
    /// Uniform (bound √3·σ) or normal.
    var distribution: ScalingDistribution { get }
}

extension FanScaledInitializer {
    public func fill(_ tensor: inout Tensor, using stream: inout RandomStream) throws(InitializationError) {
        try distribution.fill(&tensor, std: predictedStandardDeviation(for: tensor.shape), using: &stream)
    }

    /// `gain` when it is finite and ≥ 0; otherwise an error naming it.
    static func validatedGain(_ gain: Double) throws(InitializationError) -> Double {
        guard gain.isFinite, gain >= 0 else {
            throw .invalidArgument(name: "gain", value: "\(gain)", expected: "a finite number ≥ 0")
        }
        return gain
    }
}
