/// LeCun initialisation (LeCun et al. 1998, "Efficient BackProp"): Var(W) = gain²/fan_in,
/// which keeps unit variance through linear layers and, with SELU, gives self-normalising
/// networks (Klambauer et al. 2017).
///
/// - `lecun-uniform`: U[−bound, bound], bound = gain·√(3/fan_in).
/// - `lecun-normal`: N(0, std²), std = gain/√fan_in (untruncated, as `kaiming-normal(nonlinearity=linear)`).
///
/// PyTorch has no `lecun_*` function; the equivalent is `kaiming_normal_(nonlinearity='linear')`.
/// Keras's `LecunNormal` and JAX's `lecun_normal` are *truncated* normals (±2σ, with σ
/// divided by 0.87962566103423978 so the variance stays 1/fan_in).
public struct LecunInitializer: FanScaledInitializer, Equatable {
    /// Uniform or normal.
    public let distribution: ScalingDistribution
    /// Multiplier on the standard deviation (1 by default).
    public let gain: Double

    /// Throws when the gain is negative or not finite.
    public init(_ distribution: ScalingDistribution, gain: Double = 1) throws(InitializationError) {
        self.distribution = distribution
        self.gain = try Self.validatedGain(gain)
    }

    public var spec: InitializerSpec {
        InitializerCatalog.spec("lecun-\(distribution.rawValue)", omittingDefaults: [("gain", SpecNumber.text(gain))])
    }

    public func predictedStandardDeviation(for shape: [Int]) throws(InitializationError) -> Double {
        gain / Double(try Fans(shape: shape).fanIn).squareRoot()
    }
}

extension LecunInitializer {
    /// `variance-scaling(scale=gain², mode=fan_in, distribution)` with an untruncated normal (Keras's
    /// `LecunNormal` is the truncated `variance-scaling()`).
    public var varianceScaling: VarianceScalingInitializer {
        Self.varianceScaling(gain: gain, mode: .fanIn, distribution: distribution)
    }
}

extension LecunInitializer: CatalogedInitializer {
    /// `lecun-uniform(gain=1)` and `lecun-normal(gain=1)`.
    public static let catalogEntries: [InitializerCatalog.Entry] = [
        .init(name: "lecun-uniform", arguments: [("gain", "1")], formula: "U[−b, b], b = gain·√(3/fan_in)") {
            arguments throws(InitializationError) in try LecunInitializer(.uniform, gain: arguments.gain())
        },
        .init(name: "lecun-normal", arguments: [("gain", "1")], formula: "N(0, σ²), σ = gain/√fan_in") {
            arguments throws(InitializationError) in try LecunInitializer(.normal, gain: arguments.gain())
        },
    ]
}
