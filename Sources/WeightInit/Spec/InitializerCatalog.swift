/// The catalogue of initialiser names, their arguments and defaults, and how a spec
/// becomes an initialiser. Names follow PyTorch (`xavier_uniform_` → `xavier-uniform`);
/// `_` and `-` are interchangeable and `glorot-*`/`he-*` are accepted as aliases.
public enum InitializerCatalog {
    /// One catalogue entry: the canonical name, its arguments with defaults, the formula, and the
    /// factory that builds the initialiser from a spec's arguments (defaults filled in, names checked).
    public struct Entry: Sendable {
        /// Canonical name.
        public let name: String
        /// Argument names with their defaults (`nil` = required).
        public let arguments: [(name: String, defaultValue: String?)]
        /// One line: the distribution and its variance or bound.
        public let formula: String
        /// Builds the initialiser from the spec's arguments.
        let factory: @Sendable (SpecArguments) throws(InitializationError) -> any WeightInitializer

        /// An entry; `factory` reads arguments through ``SpecArguments`` (defaults from `arguments`).
        init(
            name: String, arguments: [(String, String?)], formula: String,
            factory: @escaping @Sendable (SpecArguments) throws(InitializationError) -> any WeightInitializer
        ) {
            self.name = name
            self.arguments = arguments.map { (name: $0.0, defaultValue: $0.1) }
            self.formula = formula
            self.factory = factory
        }
    }

    /// The registered initialiser types, in documentation order. Adding an initialiser: one file with
    /// the type and its ``CatalogedInitializer`` conformance, and one line here.
    static let registered: [any CatalogedInitializer.Type] = [
        ConstantInitializer.self,
        UniformInitializer.self,
        NormalInitializer.self,
        TruncatedNormalInitializer.self,
        XavierInitializer.self,
        KaimingInitializer.self,
        LecunInitializer.self,
        VarianceScalingInitializer.self,
        OrthogonalInitializer.self,
        EyeInitializer.self,
        DiracInitializer.self,
        SparseInitializer.self,
    ]

    /// Every initialiser, in documentation order.
    public static let entries: [Entry] = registered.flatMap { $0.catalogEntries }

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

    /// The spec `name(arguments)` without the arguments whose text equals the default the catalogue
    /// declares for `name`: an initialiser's spec is derived from the one place its defaults are written
    /// (`kaiming-normal` with a = 0, mode = fan_in and nonlinearity = relu is `kaiming-normal(nonlinearity=relu)`).
    public static func spec(_ name: String, omittingDefaults arguments: [(String, String)]) -> InitializerSpec {
        let defaults = entries.first { $0.name == name }?.arguments ?? []
        let kept = arguments.filter { argument in
            !defaults.contains { $0.name == argument.0 && $0.defaultValue == argument.1 }
        }
        return InitializerSpec(name: name, arguments: kept)
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
        return try entry.factory(SpecArguments(spec: spec, entry: entry))
    }
}
