/// Xavier/Glorot initialisation (Glorot & Bengio 2010), PyTorch's `xavier_uniform_` and
/// `xavier_normal_`: Var(W) = gain²·2/(fan_in + fan_out), the compromise between keeping
/// forward activations (n_in·Var(W) = 1) and back-propagated gradients (n_out·Var(W) = 1).
///
/// - `xavier-uniform(gain)`: U[−bound, bound], bound = gain·√(6/(fan_in + fan_out)).
/// - `xavier-normal(gain)`: N(0, std²), std = gain·√(2/(fan_in + fan_out)).
///
/// Keras: `GlorotUniform` matches `xavier-uniform`; Keras's `GlorotNormal` is a
/// *truncated* normal (±2σ, σ rescaled by 1/0.8796), PyTorch's is not.
public struct XavierInitializer: FanScaledInitializer, Equatable {
    /// Uniform or normal.
    public let distribution: ScalingDistribution
    /// The gain (1 for linear/sigmoid, 5/3 for tanh; see ``Nonlinearity/gain``).
    public let gain: Double

    /// Throws when the gain is negative or not finite.
    public init(_ distribution: ScalingDistribution, gain: Double = 1) throws(InitializationError) {
        self.distribution = distribution
        self.gain = try Self.validatedGain(gain)
    }

    public var spec: InitializerSpec {
        InitializerCatalog.spec("xavier-\(distribution.rawValue)", omittingDefaults: [("gain", SpecNumber.text(gain))])
    }

    public func predictedStandardDeviation(for shape: [Int]) throws(InitializationError) -> Double {
        let fans = try Fans(shape: shape)
        return gain * (2.0 / Double(fans.fanIn + fans.fanOut)).squareRoot()
    }
}

extension XavierInitializer {
    /// `variance-scaling(scale=gain², mode=fan_avg, distribution)` with PyTorch's untruncated normal.
    public var varianceScaling: VarianceScalingInitializer {
        Self.varianceScaling(gain: gain, mode: .fanAvg, distribution: distribution)
    }
}

extension XavierInitializer: CatalogedInitializer {
    /// `xavier-uniform(gain=1)` and `xavier-normal(gain=1)`.
    public static let catalogEntries: [InitializerCatalog.Entry] = [
        .init(name: "xavier-uniform", arguments: [("gain", "1")], formula: "U[−b, b], b = gain·√(6/(fan_in + fan_out))")
        {
            arguments throws(InitializationError) in try XavierInitializer(.uniform, gain: arguments.gain())
        },
        .init(name: "xavier-normal", arguments: [("gain", "1")], formula: "N(0, σ²), σ = gain·√(2/(fan_in + fan_out))")
        {
            arguments throws(InitializationError) in try XavierInitializer(.normal, gain: arguments.gain())
        },
    ]
}
