import Experiments
import WeightInit

/// A type a cell parameter can have: it is written and read in the `--set` syntax.
///
/// Int, Double, Float, Bool, String and arrays of them (`[5, 10, 20]`, `[xavier-normal, kaiming-normal]`)
/// conform.
public protocol CellParameterValue: Sendable {
    /// Parses `text` as written after `--set ID.NAME=`; nil when it is not a valid value.
    init?(parameterText text: String)
    /// The value in `--set` syntax.
    var parameterText: String { get }
    /// What a valid value looks like, for error messages (e.g. "an integer").
    static var parameterDescription: String { get }
}

extension Int: CellParameterValue {
    public init?(parameterText text: String) { self.init(text.trimmingSpaces()) }
    public var parameterText: String { String(self) }
    public static var parameterDescription: String { "an integer" }
}

extension UInt64: CellParameterValue {
    public init?(parameterText text: String) { self.init(text.trimmingSpaces()) }
    public var parameterText: String { String(self) }
    public static var parameterDescription: String { "a non-negative integer" }
}

extension Double: CellParameterValue {
    public init?(parameterText text: String) {
        guard let value = SpecNumber.parse(text.trimmingSpaces()), value.isFinite else {
            return nil
        }
        self = value
    }
    public var parameterText: String { SpecNumber.text(self) }
    public static var parameterDescription: String { "a finite number (fractions such as 5/3 allowed)" }
}

extension Float: CellParameterValue {
    public init?(parameterText text: String) {
        guard let value = Double(parameterText: text) else { return nil }
        self = Float(value)
    }
    public var parameterText: String { SpecNumber.text(self) }
    public static var parameterDescription: String { Double.parameterDescription }
}

extension Bool: CellParameterValue {
    public init?(parameterText text: String) {
        switch text.trimmingSpaces() {
        case "true": self = true
        case "false": self = false
        default: return nil
        }
    }
    public var parameterText: String { self ? "true" : "false" }
    public static var parameterDescription: String { "true or false" }
}

extension String: CellParameterValue {
    public init?(parameterText text: String) { self = text.trimmingSpaces() }
    public var parameterText: String { self }
    public static var parameterDescription: String { "text" }
}

extension Array: CellParameterValue where Element: CellParameterValue {
    public init?(parameterText text: String) {
        guard let items = try? ListSyntax.items(text) else { return nil }
        var values: [Element] = []
        for item in items {
            guard let value = Element(parameterText: item) else { return nil }
            values.append(value)
        }
        self = values
    }
    public var parameterText: String { "[" + map(\.parameterText).joined(separator: ", ") + "]" }
    public static var parameterDescription: String { "a list [a, b, …] of \(Element.parameterDescription)s" }
}

/// Declares a parameter of the current cell and returns its value: `defaultValue`, or the value a
/// reader set with `workbook render CHAPTER --set ID.NAME=VALUE` (ID is the cell's `//| id:`).
///
/// ```swift
/// let depth = parameter("depth", 10, "number of hidden layers")
/// let inits = parameter("init", ["xavier-normal", "kaiming-normal"])
/// ```
/// An override that does not parse stops the program with a message naming the cell's line.
public func parameter<Value: CellParameterValue>(_ name: String, _ defaultValue: Value, _ help: String = "") -> Value {
    let id = CellRuntime.currentID
    let (override, duplicate) = CellRuntime.record { state -> (String?, Bool) in
        (state.overrides[id]?[name], state.parameters.contains { $0.name == name })
    }
    if duplicate { CellRuntime.fail("parameter '\(name)' is declared twice in cell '\(id)'") }
    var value = defaultValue
    if let override {
        guard let parsed = Value(parameterText: override) else {
            CellRuntime.fail(
                "invalid value '\(override)' for parameter '\(name)' of cell '\(id)': expected "
                    + "\(Value.parameterDescription)"
            )
        }
        value = parsed
    }
    let description = CellParameter(
        name: name, value: value.parameterText, defaultValue: defaultValue.parameterText, help: help)
    CellRuntime.record { $0.parameters.append(description) }
    return value
}
