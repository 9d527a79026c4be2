/// One cell of a ``ResultTable``: text, an integer or a real number.
///
/// Non-finite reals are never stored: ``ResultCell/number(_:)`` callers use
/// ``ResultCell/real(_:)`` which maps NaN and ±∞ to ``ResultCell/missing``, so no
/// table shows or plots a NaN.
public enum ResultCell: Sendable, Equatable, Codable {
    /// A text cell (an initialiser spec, an activation name, "diverged").
    case text(String)
    /// An exact integer (a layer index, a count, an epoch).
    case integer(Int)
    /// A finite real number.
    case number(Double)
    /// No value: the run diverged or the quantity is undefined.
    case missing

    /// A real cell, or ``missing`` when `value` is NaN or infinite.
    public static func real(_ value: Double) -> ResultCell {
        value.isFinite ? .number(value) : .missing
    }

    /// The cell as a Double when it is numeric.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        case .text, .missing: return nil
        }
    }

    /// The cell as plain text (numbers in a fixed, locale-independent format).
    public var plainText: String {
        switch self {
        case .text(let value): return value
        case .integer(let value): return String(value)
        case .number(let value): return NumberFormatting.compact(value)
        case .missing: return ""
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .missing }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else { self = .text(try container.decode(String.self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .missing: try container.encodeNil()
        }
    }
}
