/// An initialiser that draws zero-mean values whose standard deviation is a function of the
/// fans (Xavier, Kaiming, LeCun, variance-scaling): each is a case (scale, mode, distribution) of
/// ``VarianceScalingInitializer``, and ``fill(_:using:)`` is that one fill, drawing from
/// ``varianceScaling``'s distribution with σ = ``WeightInitializer/predictedStandardDeviation(for:)``
/// (the named initialiser's own PyTorch formula, so its values stay bit-for-bit PyTorch-exact).
public protocol FanScaledInitializer: WeightInitializer {
    /// The Keras/JAX `VarianceScaling(scale, mode, distribution)` this initialiser is:
    /// scale = gain², with PyTorch's normals as `untruncated_normal`.
    var varianceScaling: VarianceScalingInitializer { get }
}

extension FanScaledInitializer {
    public func fill(_ tensor: inout Tensor, using stream: inout RandomStream) throws(InitializationError) {
        try varianceScaling.distribution.fill(
            &tensor, std: predictedStandardDeviation(for: tensor.shape), using: &stream)
    }

    /// `gain` when it is finite and ≥ 0; otherwise an error naming it.
    static func validatedGain(_ gain: Double) throws(InitializationError) -> Double {
        guard gain.isFinite, gain >= 0 else {
            throw .invalidArgument(name: "gain", value: "\(gain)", expected: "a finite number ≥ 0")
        }
        return gain
    }

    /// The variance-scaling case with scale = gain², `mode` and the PyTorch `distribution`
    /// (scale 0 for a zero gain, which Xavier and LeCun allow and Keras would refuse).
    static func varianceScaling(
        gain: Double, mode: VarianceScalingInitializer.Mode,
        distribution: ScalingDistribution
    ) -> VarianceScalingInitializer {
        VarianceScalingInitializer(uncheckedScale: gain * gain, mode: mode, distribution: .init(distribution))
    }
}
