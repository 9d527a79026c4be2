import WeightInit

/// The resolved values of every parameter of one experiment run, defaults filled in.
public struct ParameterValues: Sendable, Equatable {
    /// Parameter names in declaration order with their values.
    public private(set) var entries: [(name: String, value: ParameterValue)]

    /// Creates values from resolved entries.
    public init(_ entries: [(name: String, value: ParameterValue)]) {
        self.entries = entries
    }

    public static func == (lhs: ParameterValues, rhs: ParameterValues) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.name == $1.name && $0.value == $1.value }
    }

    /// The settings to echo in an ``ExperimentResult``.
    public var settings: [ParameterSetting] {
        entries.map { ParameterSetting(name: $0.name, value: $0.value.canonicalText) }
    }

    /// The raw value of `name`.
    public func value(_ name: String) -> ParameterValue? {
        entries.first { $0.name == name }?.value
    }

    /// The integer parameter `name` (0 when missing or of another kind).
    public func integer(_ name: String) -> Int {
        if case .integer(let value)? = value(name) { return value }
        return 0
    }

    /// The integer-list parameter `name`.
    public func integers(_ name: String) -> [Int] {
        if case .integers(let values)? = value(name) { return values }
        if case .integer(let value)? = value(name) { return [value] }
        return []
    }

    /// The real parameter `name` (an integer value converts).
    public func real(_ name: String) -> Double {
        switch value(name) {
        case .real(let value)?: return value
        case .integer(let value)?: return Double(value)
        default: return 0
        }
    }

    /// The word parameter `name`.
    public func word(_ name: String) -> String {
        if case .word(let value)? = value(name) { return value }
        return ""
    }

    /// The initialiser specs of parameter `name`.
    public func specs(_ name: String) -> [String] {
        if case .specs(let values)? = value(name) { return values }
        return []
    }

    /// The word-list parameter `name` (a single word converts to a list of one).
    public func words(_ name: String) -> [String] {
        switch value(name) {
        case .words(let values)?: return values
        case .word(let value)?: return [value]
        default: return []
        }
    }

    /// The flag parameter `name`.
    public func flag(_ name: String) -> Bool {
        if case .flag(let value)? = value(name) { return value }
        return false
    }
}

extension ExperimentParameter {
    /// Parses and validates `text` for this parameter.
    public func parse(_ text: String) throws(ExperimentError) -> ParameterValue {
        let trimmed = text.trimmingSpaces()
        let invalid = ExperimentError.invalidValue(parameter: name, value: text, expected: kind.allowedDescription)
        switch kind {
        case .integer(let range):
            guard let value = Int(trimmed), range.contains(value) else { throw invalid }
            return .integer(value)
        case .integerList(let range):
            guard let items = try? ListSyntax.items(trimmed), !items.isEmpty else { throw invalid }
            var values: [Int] = []
            for item in items {
                guard let value = Int(item), range.contains(value) else { throw invalid }
                values.append(value)
            }
            return .integers(values)
        case .real(let range):
            guard let value = Double(trimmed), value.isFinite, range.contains(value) else { throw invalid }
            return .real(value)
        case .choice(let words):
            guard words.contains(trimmed) else { throw invalid }
            return .word(trimmed)
        case .initializerList:
            guard let items = try? ListSyntax.items(trimmed), !items.isEmpty else { throw invalid }
            var specs: [String] = []
            for item in items {
                do {
                    specs.append(try InitializerSpec.parse(item).description)
                } catch {
                    throw .invalidValue(parameter: name, value: item, expected: error.description)
                }
            }
            return .specs(specs)
        case .choiceList(let words):
            guard let items = try? ListSyntax.items(trimmed), !items.isEmpty else { throw invalid }
            for item in items where !words.contains(item) {
                throw .invalidValue(parameter: name, value: item, expected: "one of " + words.joined(separator: ", "))
            }
            return .words(items)
        case .flag:
            switch trimmed {
            case "true": return .flag(true)
            case "false": return .flag(false)
            default: throw invalid
            }
        }
    }
}

extension Experiment {
    /// Resolves `overrides` (name → text) against the declared parameters, filling defaults.
    ///
    /// Throws ``ExperimentError/unknownParameter(experiment:name:available:)`` for a name
    /// the experiment does not declare and ``ExperimentError/invalidValue(parameter:value:expected:)``
    /// for a bad value.
    public func resolve(_ overrides: [(name: String, value: String)]) throws(ExperimentError) -> ParameterValues {
        let names = parameters.map(\.name)
        for override in overrides where !names.contains(override.name) {
            throw .unknownParameter(experiment: name, name: override.name, available: names)
        }
        var entries: [(name: String, value: ParameterValue)] = []
        for parameter in parameters {
            let text = overrides.last { $0.name == parameter.name }?.value ?? parameter.defaultValue
            entries.append((parameter.name, try parameter.parse(text)))
        }
        return ParameterValues(entries)
    }
}
