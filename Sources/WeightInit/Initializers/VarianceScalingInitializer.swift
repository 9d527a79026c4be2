/// `variance-scaling(scale, mode, distribution)`: Keras's `VarianceScaling` and JAX's
/// `jax.nn.initializers.variance_scaling`, the general form of which Xavier/Glorot, He/Kaiming and
/// LeCun are cases. With n = fan_in, fan_out or (fan_in + fan_out)/2 (``Mode``) and the target
/// σ = √(scale/n):
///
/// - `truncated_normal`: N(0, σ′²) truncated to [−2σ′, 2σ′] with σ′ = σ/0.87962566103423978, the
///   standard deviation of a unit normal truncated at ±2, so the drawn values have variance exactly σ²
///   (Keras's and JAX's correction).
/// - `untruncated_normal`: N(0, σ²).
/// - `uniform`: U[−b, b] with b = √3·σ = √(3·scale/n).
///
/// Defaults as Keras: scale = 1, mode = fan_in, distribution = truncated_normal (that is
/// `LecunNormal`). Fans use PyTorch's layout ([out, in, k…], see ``Fans``). σ is computed as
/// √scale/√n (fan_in, fan_out) or √scale·√(2/(fan_in + fan_out)) (fan_avg), which equals Keras's
/// √(scale/n) to within rounding and is bit-for-bit the std of the named PyTorch initialisers
/// (``FanScaledInitializer/varianceScaling``) whose scale is gain².
public struct VarianceScalingInitializer: FanScaledInitializer, Equatable {
    /// Which fan n divides the scale: Keras's `mode`.
    public enum Mode: String, Sendable, CaseIterable {
        /// n = fan_in (preserves the forward variance).
        case fanIn = "fan_in"
        /// n = fan_out (preserves the backward variance).
        case fanOut = "fan_out"
        /// n = (fan_in + fan_out)/2 (Glorot's compromise).
        case fanAvg = "fan_avg"

        /// PyTorch's `fan_in`/`fan_out` mode as a variance-scaling mode.
        public init(_ mode: FanMode) {
            switch mode {
            case .fanIn: self = .fanIn
            case .fanOut: self = .fanOut
            }
        }

        /// Parses `fan_in`, `fan_out` or `fan_avg` (hyphens accepted); the error names the valid choices.
        public init(parsing text: String) throws(InitializationError) {
            guard let mode = Mode(rawValue: text.lowercased().replacingHyphens()) else {
                throw .invalidArgument(name: "mode", value: text, expected: "fan_in, fan_out or fan_avg")
            }
            self = mode
        }
    }

    /// The shape of the draw: Keras's `distribution`.
    public enum Distribution: String, Sendable, CaseIterable {
        /// N(0, σ′²) cut at ±2σ′, σ′ = σ/0.87962566103423978 (variance σ²).
        case truncatedNormal = "truncated_normal"
        /// N(0, σ²) (PyTorch's `xavier_normal_`, `kaiming_normal_`).
        case untruncatedNormal = "untruncated_normal"
        /// U[−√3·σ, √3·σ] (variance σ²).
        case uniform

        /// The standard deviation of a unit normal truncated to [−2, 2]: Keras's and JAX's divisor.
        public static let truncationCorrection = 0.87962566103423978

        /// PyTorch's uniform/normal (the normal is untruncated) as a variance-scaling distribution.
        public init(_ distribution: ScalingDistribution) {
            switch distribution {
            case .uniform: self = .uniform
            case .normal: self = .untruncatedNormal
            }
        }

        /// Parses Keras's names (hyphens accepted). `normal` is refused: Keras 2 read it as truncated,
        /// JAX reads it as untruncated.
        public init(parsing text: String) throws(InitializationError) {
            guard let distribution = Distribution(rawValue: text.lowercased().replacingHyphens()) else {
                throw .invalidArgument(
                    name: "distribution", value: text,
                    expected: "truncated_normal, untruncated_normal or uniform")
            }
            self = distribution
        }

        /// Fills `tensor` with zero-mean values of standard deviation `std` (the one fill behind every
        /// fan-scaled initialiser). A zero σ gives zeros for the uniform and truncated normal.
        func fill(_ tensor: inout Tensor, std: Double, using stream: inout RandomStream) throws(InitializationError) {
            switch self {
            case .uniform:
                let bound = Float(3.0.squareRoot() * std)
                guard bound > 0 else {
                    try ConstantInitializer.zeros.fill(&tensor, using: &stream)
                    return
                }
                try UniformDistribution(low: -bound, high: bound).fill(&tensor.scalars, using: &stream)
            case .untruncatedNormal:
                try NormalDistribution(mean: 0, standardDeviation: Float(std)).fill(&tensor.scalars, using: &stream)
            case .truncatedNormal:
                let sigma = Float(std / Distribution.truncationCorrection)
                guard sigma > 0 else {
                    try ConstantInitializer.zeros.fill(&tensor, using: &stream)
                    return
                }
                try TruncatedNormalDistribution(mean: 0, standardDeviation: sigma, lower: -2 * sigma, upper: 2 * sigma)
                    .fill(&tensor.scalars, using: &stream)
            }
        }
    }

    /// The variance numerator: Var(W) = scale/n (> 0).
    public let scale: Double
    /// Which fan n is.
    public let mode: Mode
    /// The shape of the draw.
    public let distribution: Distribution

    /// Throws unless `scale` is finite and > 0 (as Keras).
    public init(
        scale: Double = 1, mode: Mode = .fanIn, distribution: Distribution = .truncatedNormal
    )
        throws(InitializationError)
    {
        guard scale.isFinite, scale > 0 else {
            throw .invalidArgument(name: "scale", value: "\(scale)", expected: "a finite number > 0")
        }
        self.scale = scale
        self.mode = mode
        self.distribution = distribution
    }

    /// A case with a scale already known to be finite and ≥ 0 (the named initialisers' gain²).
    init(uncheckedScale: Double, mode: Mode, distribution: Distribution) {
        self.scale = uncheckedScale
        self.mode = mode
        self.distribution = distribution
    }

    /// Itself: the general case.
    public var varianceScaling: VarianceScalingInitializer { self }

    /// `variance-scaling(…)` with the arguments that differ from Keras's defaults.
    public var spec: InitializerSpec {
        InitializerCatalog.spec(
            "variance-scaling",
            omittingDefaults: [
                ("scale", SpecNumber.text(scale)), ("mode", mode.rawValue), ("distribution", distribution.rawValue),
            ])
    }

    /// σ = √scale/√n, or √scale·√(2/(fan_in + fan_out)) for fan_avg: the std of the values drawn
    /// (for the truncated normal, after the 0.8796 correction).
    public func predictedStandardDeviation(for shape: [Int]) throws(InitializationError) -> Double {
        let fans = try Fans(shape: shape)
        switch mode {
        case .fanIn: return scale.squareRoot() / Double(fans.fanIn).squareRoot()
        case .fanOut: return scale.squareRoot() / Double(fans.fanOut).squareRoot()
        case .fanAvg: return scale.squareRoot() * (2.0 / Double(fans.fanIn + fans.fanOut)).squareRoot()
        }
    }
}

extension VarianceScalingInitializer: CatalogedInitializer {
    /// `variance-scaling(scale=1, mode=fan_in, distribution=truncated_normal)`, Keras's defaults.
    public static let catalogEntries: [InitializerCatalog.Entry] = [
        .init(
            name: "variance-scaling",
            arguments: [("scale", "1"), ("mode", "fan_in"), ("distribution", "truncated_normal")],
            formula: "Keras VarianceScaling: σ = √(scale/n), n = fan_in, fan_out or fan_avg; "
                + "truncated at ±2σ′ (σ′ = σ/0.8796), untruncated or uniform"
        ) { arguments throws(InitializationError) in
            try VarianceScalingInitializer(
                scale: arguments.number("scale"), mode: Mode(parsing: arguments.word("mode")),
                distribution: Distribution(parsing: arguments.word("distribution")))
        }
    ]
}
