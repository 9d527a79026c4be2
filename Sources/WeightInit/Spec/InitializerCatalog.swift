/// The catalogue of initialiser names, their arguments and defaults, and how a spec
/// becomes an initialiser. Names follow PyTorch (`xavier_uniform_` → `xavier-uniform`);
/// `_` and `-` are interchangeable and `glorot-*`/`he-*` are accepted as aliases.
public enum InitializerCatalog {
    /// One catalogue entry: the canonical name, its arguments with defaults, and the formula.
    public struct Entry: Sendable {
        /// Canonical name.
        public let name: String
        /// Argument names with their defaults (`nil` = required).
        public let arguments: [(name: String, defaultValue: String?)]
        /// One line: the distribution and its variance or bound.
        public let formula: String
    }

    /// Every initialiser, in documentation order.
    public static let entries: [Entry] = [
        Entry(name: "zeros", arguments: [], formula: "W = 0"),
        Entry(name: "ones", arguments: [], formula: "W = 1"),
        Entry(name: "constant", arguments: [("value", nil)], formula: "W = value"),
        Entry(name: "uniform", arguments: [("a", "0"), ("b", "1")], formula: "U[a, b), Var = (b − a)²/12"),
        Entry(name: "normal", arguments: [("mean", "0"), ("std", "1")], formula: "N(mean, std²)"),
        Entry(name: "trunc-normal", arguments: [("mean", "0"), ("std", "1"), ("a", "-2"), ("b", "2")],
              formula: "N(mean, std²) truncated to [a, b] (absolute bounds)"),
        Entry(name: "xavier-uniform", arguments: [("gain", "1")], formula: "U[−b, b], b = gain·√(6/(fan_in + fan_out))"),
        Entry(name: "xavier-normal", arguments: [("gain", "1")], formula: "N(0, σ²), σ = gain·√(2/(fan_in + fan_out))"),
        Entry(name: "kaiming-uniform", arguments: [("a", "0"), ("mode", "fan_in"), ("nonlinearity", "leaky_relu")],
              formula: "U[−b, b], b = gain·√(3/fan_mode)"),
        Entry(name: "kaiming-normal", arguments: [("a", "0"), ("mode", "fan_in"), ("nonlinearity", "leaky_relu")],
              formula: "N(0, σ²), σ = gain/√fan_mode"),
        Entry(name: "lecun-uniform", arguments: [("gain", "1")], formula: "U[−b, b], b = gain·√(3/fan_in)"),
        Entry(name: "lecun-normal", arguments: [("gain", "1")], formula: "N(0, σ²), σ = gain/√fan_in"),
        Entry(name: "variance-scaling",
              arguments: [("scale", "1"), ("mode", "fan_in"), ("distribution", "truncated_normal")],
              formula: "Keras VarianceScaling: σ = √(scale/n), n = fan_in, fan_out or fan_avg; truncated at ±2σ′ (σ′ = σ/0.8796), untruncated or uniform"),
        Entry(name: "orthogonal", arguments: [("gain", "1")], formula: "gain·Q, Q Haar-orthogonal (QR with sign fix)"),
        Entry(name: "eye", arguments: [], formula: "identity matrix (2-D)"),
        Entry(name: "dirac", arguments: [("groups", "1")], formula: "convolution identity (3-5-D)"),
        Entry(name: "sparse", arguments: [("sparsity", nil), ("std", "0.01")],
              formula: "N(0, std²) with ⌈sparsity·rows⌉ zeros per column (2-D)"),
    ]

    /// Every canonical name.
    public static var names: [String] { entries.map(\.name) }

    /// The canonical name for `name` (accepts `_` for `-`, `glorot` for `xavier`, `he` for `kaiming`,
    /// `truncated-normal` for `trunc-normal`), or nil.
    public static func canonicalName(_ name: String) -> String? {
        var normalized = String(name.lowercased().map { $0 == "_" ? "-" : $0 })
        if normalized.hasPrefix("glorot-") { normalized = "xavier-" + normalized.dropFirst("glorot-".count) }
        if normalized.hasPrefix("he-") { normalized = "kaiming-" + normalized.dropFirst("he-".count) }
        if normalized == "truncated-normal" || normalized == "trunc-normal" { normalized = "trunc-normal" }
        if normalized == "identity" { normalized = "eye" }
        if normalized == "variancescaling" { normalized = "variance-scaling" }
        return names.contains(normalized) ? normalized : nil
    }

    /// Builds the initialiser for `spec`, rejecting unknown names and arguments and bad values.
    public static func makeInitializer(_ spec: InitializerSpec) throws(InitializationError) -> any WeightInitializer {
        guard let name = canonicalName(spec.name), let entry = entries.first(where: { $0.name == name }) else {
            throw .unknownInitializer(spec.name, valid: names)
        }
        let valid = entry.arguments.map(\.name)
        for argument in spec.arguments where !valid.contains(argument.key) {
            throw .unknownArgument(initializer: name, name: argument.key, valid: valid)
        }
        let arguments = SpecArguments(spec: spec, entry: entry)
        switch name {
        case "zeros": return ConstantInitializer.zeros
        case "ones": return ConstantInitializer.ones
        case "constant": return try ConstantInitializer(value: Float(arguments.number("value")))
        case "uniform": return try UniformInitializer(a: Float(arguments.number("a")), b: Float(arguments.number("b")))
        case "normal": return try NormalInitializer(mean: Float(arguments.number("mean")), std: Float(arguments.number("std")))
        case "trunc-normal":
            return try TruncatedNormalInitializer(mean: Float(arguments.number("mean")), std: Float(arguments.number("std")),
                                                  a: Float(arguments.number("a")), b: Float(arguments.number("b")))
        case "xavier-uniform": return try XavierInitializer(.uniform, gain: arguments.gain())
        case "xavier-normal": return try XavierInitializer(.normal, gain: arguments.gain())
        case "kaiming-uniform", "kaiming-normal":
            return try KaimingInitializer(name == "kaiming-uniform" ? .uniform : .normal,
                                          a: arguments.number("a"), mode: FanMode(parsing: arguments.word("mode")),
                                          nonlinearity: arguments.word("nonlinearity"))
        case "lecun-uniform": return try LecunInitializer(.uniform, gain: arguments.gain())
        case "lecun-normal": return try LecunInitializer(.normal, gain: arguments.gain())
        case "variance-scaling":
            return try VarianceScalingInitializer(
                scale: arguments.number("scale"),
                mode: VarianceScalingInitializer.Mode(parsing: arguments.word("mode")),
                distribution: VarianceScalingInitializer.Distribution(parsing: arguments.word("distribution")))
        case "orthogonal": return try OrthogonalInitializer(gain: arguments.gain())
        case "eye": return EyeInitializer()
        case "dirac": return try DiracInitializer(groups: arguments.integer("groups"))
        case "sparse": return try SparseInitializer(sparsity: arguments.number("sparsity"), std: Float(arguments.number("std")))
        default: throw .unknownInitializer(spec.name, valid: names)
        }
    }
}

/// Typed access to a spec's arguments with the catalogue's defaults.
struct SpecArguments {
    let spec: InitializerSpec
    let entry: InitializerCatalog.Entry

    func text(_ key: String) throws(InitializationError) -> String {
        if let value = spec.argument(key) { return value }
        if let fallback = entry.arguments.first(where: { $0.name == key })?.defaultValue { return fallback }
        throw .invalidArgument(name: key, value: "(missing)", expected: "a value: \(entry.name) requires \(key)=…")
    }

    func number(_ key: String) throws(InitializationError) -> Double {
        let value = try text(key)
        guard let number = SpecNumber.parse(value) else {
            throw .invalidArgument(name: key, value: value, expected: "a finite number such as 0.01, -2, 1e-3 or 5/3")
        }
        return number
    }

    func integer(_ key: String) throws(InitializationError) -> Int {
        let value = try text(key)
        guard let number = Int(value) else { throw .invalidArgument(name: key, value: value, expected: "an integer") }
        return number
    }

    func word(_ key: String) throws(InitializationError) -> String { try text(key) }

    /// A gain given as a number or as a nonlinearity name (`gain=tanh` means 5/3).
    func gain() throws(InitializationError) -> Double {
        let value = try text("gain")
        if let number = SpecNumber.parse(value) { return number }
        do {
            return try Nonlinearity(name: value).gain
        } catch {
            throw .invalidArgument(name: "gain", value: value,
                                   expected: "a number or a nonlinearity name (" + Nonlinearity.names.joined(separator: ", ") + ")")
        }
    }
}
