/// A parsed, validated parameter value.
public enum ParameterValue: Sendable, Equatable {
    /// An integer.
    case integer(Int)
    /// A list of integers.
    case integers([Int])
    /// A finite real.
    case real(Double)
    /// A word from a choice list.
    case word(String)
    /// A list of initialiser specs (a single spec is a list of one).
    case specs([String])
    /// A boolean flag.
    case flag(Bool)
    /// A list of words from a choice list (a single word is a list of one).
    case words([String])

    /// The value in the syntax `--set name=value` accepts, so results echo reproducible settings.
    public var canonicalText: String {
        switch self {
        case .integer(let value): return String(value)
        case .integers(let values): return "[" + values.map(String.init).joined(separator: ", ") + "]"
        case .real(let value): return NumberFormatting.compact(value, significant: 6)
        case .word(let value): return value
        case .specs(let values): return values.count == 1 ? values[0] : "[" + values.joined(separator: ", ") + "]"
        case .flag(let value): return value ? "true" : "false"
        case .words(let values): return values.count == 1 ? values[0] : "[" + values.joined(separator: ", ") + "]"
        }
    }
}
