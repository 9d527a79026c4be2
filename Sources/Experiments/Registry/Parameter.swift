import WeightInit

/// A typed key for one experiment parameter: its declaration (name, kind, default, summary) and the
/// Swift type a run reads it as, so `values[Self.depth]` is an `Int` and a misspelt name cannot
/// compile (where `values.integer("depht")` used to return 0).
///
/// The declaration's default text is derived from the typed default, so the two never disagree.
public struct Parameter<Value: Sendable>: Sendable {
    /// The declaration shown by `workbook list` and used to parse `--set name=value`.
    public let declaration: ExperimentParameter
    /// The typed default, used when a ``ParameterValues`` does not hold this parameter.
    public let defaultValue: Value
    /// Reads the resolved value; nil when the stored value is of another kind.
    private let read: @Sendable (ParameterValue) -> Value?

    private init(
        _ name: String, _ kind: ExperimentParameter.Kind, default value: Value, stored: ParameterValue,
        _ summary: String, read: @escaping @Sendable (ParameterValue) -> Value?
    ) {
        declaration = ExperimentParameter(name, kind, default: stored.canonicalText, summary)
        defaultValue = value
        self.read = read
    }

    /// The parameter's name as written in `--set name=value`.
    public var name: String { declaration.name }

    /// The value of this parameter in `values` (its default when `values` does not hold it).
    func value(in values: ParameterValues) -> Value {
        values.value(name).flatMap(read) ?? defaultValue
    }
}

extension Parameter where Value == Int {
    /// An integer in `range`.
    public static func integer(
        _ name: String, in range: ClosedRange<Int>, default value: Int,
        _ summary: String
    ) -> Parameter {
        Parameter(name, .integer(range), default: value, stored: .integer(value), summary) {
            if case .integer(let stored) = $0 { return stored }
            return nil
        }
    }
}

extension Parameter where Value == [Int] {
    /// A list of integers, each in `range` (`[5, 10, 20]`; a single integer is a list of one).
    public static func integers(
        _ name: String, in range: ClosedRange<Int>, default value: [Int],
        _ summary: String
    ) -> Parameter {
        Parameter(name, .integerList(range), default: value, stored: .integers(value), summary) {
            switch $0 {
            case .integers(let stored): return stored
            case .integer(let stored): return [stored]
            default: return nil
            }
        }
    }
}

extension Parameter where Value == Double {
    /// A finite real number in `range` (an integer value converts).
    public static func real(
        _ name: String, in range: ClosedRange<Double>, default value: Double,
        _ summary: String
    ) -> Parameter {
        Parameter(name, .real(range), default: value, stored: .real(value), summary) {
            switch $0 {
            case .real(let stored): return stored
            case .integer(let stored): return Double(stored)
            default: return nil
            }
        }
    }
}

extension Parameter where Value == Bool {
    /// `true` or `false`.
    public static func flag(_ name: String, default value: Bool, _ summary: String) -> Parameter {
        Parameter(name, .flag, default: value, stored: .flag(value), summary) {
            if case .flag(let stored) = $0 { return stored }
            return nil
        }
    }
}

extension Parameter where Value == String {
    /// One word of `choices`; `value` must be one of them.
    public static func choice(
        _ name: String, _ choices: [String], default value: String,
        _ summary: String
    ) -> Parameter {
        Parameter(name, .choice(choices), default: value, stored: .word(value), summary) {
            if case .word(let stored) = $0 { return stored }
            return nil
        }
    }
}

extension Parameter where Value == [String] {
    /// One or more words of `choices`, as a word or a bracketed list (`[relu, tanh]`).
    public static func choices(
        _ name: String, _ choices: [String], default value: [String],
        _ summary: String
    ) -> Parameter {
        Parameter(name, .choiceList(choices), default: value, stored: .words(value), summary) {
            switch $0 {
            case .words(let stored): return stored
            case .word(let stored): return [stored]
            default: return nil
            }
        }
    }

    /// Initialiser specs, one or a bracketed list (`[normal(std=0.01), xavier-normal]`), each
    /// stored in its canonical form (``InitializerSpec/description``).
    public static func initializers(_ name: String, default value: [String], _ summary: String) -> Parameter {
        Parameter(name, .initializerList, default: value, stored: .specs(value), summary) {
            if case .specs(let stored) = $0 { return stored }
            return nil
        }
    }
}

extension ParameterValues {
    /// The resolved value of `parameter` (its default when these values do not hold it).
    public subscript<Value>(_ parameter: Parameter<Value>) -> Value {
        parameter.value(in: self)
    }
}
