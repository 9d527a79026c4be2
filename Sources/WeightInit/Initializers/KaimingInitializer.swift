/// He/Kaiming initialisation (He et al. 2015), PyTorch's `kaiming_uniform_` and
/// `kaiming_normal_`: std = gain/√fan_mode, with gain from ``Nonlinearity`` (√2 for ReLU,
/// because a ReLU zeroes half its inputs and so halves the second moment).
///
/// - `kaiming-uniform(a, mode, nonlinearity)`: U[−bound, bound], bound = gain·√(3/fan_mode).
/// - `kaiming-normal(a, mode, nonlinearity)`: N(0, std²), std = gain/√fan_mode.
///
/// Defaults as PyTorch: a = 0, mode = fan_in, nonlinearity = leaky_relu, so the default
/// gain is √(2/(1 + 0²)) = √2. `a` is leaky ReLU's negative slope and is used only with
/// `nonlinearity=leaky_relu`. PyTorch's `nn.Linear` itself uses `kaiming-uniform(a=√5)`,
/// which gives bound 1/√fan_in. Keras's `HeNormal` is a truncated normal.
public struct KaimingInitializer: FanScaledInitializer, Equatable {
    /// Uniform or normal.
    public let distribution: ScalingDistribution
    /// Leaky ReLU's negative slope (only used when `nonlinearity` is leaky_relu).
    public let negativeSlope: Double
    /// Which fan to normalise by.
    public let mode: FanMode
    /// The nonlinearity whose gain is used.
    public let nonlinearity: Nonlinearity

    /// Throws for a non-finite slope.
    public init(
        _ distribution: ScalingDistribution, a: Double = 0, mode: FanMode = .fanIn,
        nonlinearity: String = "leaky_relu"
    ) throws(InitializationError) {
        guard a.isFinite else {
            throw .invalidArgument(name: "a", value: "\(a)", expected: "a finite negative slope")
        }
        let normalized = nonlinearity.lowercased().replacingHyphens()
        self.distribution = distribution
        self.negativeSlope = a
        self.mode = mode
        self.nonlinearity = try Nonlinearity(name: normalized, parameter: normalized == "leaky_relu" ? a : nil)
    }

    /// gain = calculate_gain(nonlinearity, a).
    public var gain: Double { nonlinearity.gain }

    public var spec: InitializerSpec {
        InitializerCatalog.spec(
            "kaiming-\(distribution.rawValue)",
            omittingDefaults: [
                ("a", SpecNumber.text(negativeSlope)), ("mode", mode.rawValue), ("nonlinearity", nonlinearity.name),
            ])
    }

    public func predictedStandardDeviation(for shape: [Int]) throws(InitializationError) -> Double {
        let fan = try Fans(shape: shape).value(for: mode)
        return gain / Double(fan).squareRoot()
    }
}

extension KaimingInitializer {
    /// `variance-scaling(scale=gain², mode, distribution)` with PyTorch's untruncated normal.
    public var varianceScaling: VarianceScalingInitializer {
        Self.varianceScaling(gain: gain, mode: .init(mode), distribution: distribution)
    }
}

extension KaimingInitializer: CatalogedInitializer {
    /// `kaiming-uniform` and `kaiming-normal`, both `(a=0, mode=fan_in, nonlinearity=leaky_relu)`.
    public static let catalogEntries: [InitializerCatalog.Entry] = [
        entry(.uniform, formula: "U[−b, b], b = gain·√(3/fan_mode)"),
        entry(.normal, formula: "N(0, σ²), σ = gain/√fan_mode"),
    ]

    private static func entry(_ distribution: ScalingDistribution, formula: String) -> InitializerCatalog.Entry {
        .init(
            name: "kaiming-\(distribution.rawValue)",
            arguments: [("a", "0"), ("mode", "fan_in"), ("nonlinearity", "leaky_relu")],
            formula: formula
        ) { arguments throws(InitializationError) in
            try KaimingInitializer(
                distribution, a: arguments.number("a"), mode: FanMode(parsing: arguments.word("mode")),
                nonlinearity: arguments.word("nonlinearity"))
        }
    }
}
