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

    /// The raw value of `name`; runs read typed values with a ``Parameter`` key (`values[Self.depth]`).
    public func value(_ name: String) -> ParameterValue? {
        entries.first { $0.name == name }?.value
    }
}

extension ExperimentParameter {
    /// Parses and validates `text` for this parameter.
    public func parse(_ text: String) throws(ExperimentError) -> ParameterValue {
        let trimmed = text.trimmingSpaces()
        let invalid = ExperimentError.invalidValue(parameter: name, value: text, expected: kind.allowedDescription)
        /// The items of a list value; a malformed list names its own problem.
        func items() throws(ExperimentError) -> [String] {
            let items: [String]
            do throws(ListSyntaxError) {
                items = try ListSyntax.items(trimmed)
            } catch {
                throw .invalidValue(parameter: name, value: text, expected: kind.allowedDescription + " (\(error))")
            }
            guard !items.isEmpty else { throw invalid }
            return items
        }
        switch kind {
        case .integer(let range):
            guard let value = Int(trimmed), range.contains(value) else { throw invalid }
            return .integer(value)
        case .integerList(let range):
            var values: [Int] = []
            for item in try items() {
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
            var specs: [String] = []
            for item in try items() {
                do {
                    specs.append(try InitializerSpec.parse(item).description)
                } catch {
                    throw .invalidValue(parameter: name, value: item, expected: error.description)
                }
            }
            return .specs(specs)
        case .choiceList(let words):
            let items = try items()
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
