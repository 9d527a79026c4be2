/// One cell of a ``ResultTable``: text, an integer or a real number.
///
/// Non-finite reals are never stored: ``ResultCell/number(_:)`` callers use
/// ``ResultCell/real(_:)`` which maps NaN and ±∞ to ``ResultCell/missing``, so no
/// table shows or plots a NaN.
///
/// Coding is lossless and symmetric, each kind tagged by a single key: `.text(s)` ↔ `{"text": s}`,
/// `.integer(n)` ↔ `{"integer": n}`, `.number(x)` ↔ `{"number": x}` and `.missing` ↔ `null`, so
/// `.number(3)` and `.integer(3)` stay distinct. A non-finite `x` is written as the encoder's
/// non-conforming-float strategy says (``ResultCoding`` spells it `"nan"`, `"inf"`, `"-inf"`; a default
/// `JSONEncoder` throws rather than lose it). This is the machine form; published exports are
/// ``JSONValue`` and ``ResultTable/csvText()``.
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

    /// The tag of a non-missing cell in the coded form.
    private enum Kind: String, CodingKey {
        case text, integer, number
    }

    /// Reads the tagged form written by ``encode(to:)``; a value with no tag, or with more than one, is
    /// corrupt and throws `DecodingError.dataCorrupted`.
    public init(from decoder: any Decoder) throws {
        if try decoder.singleValueContainer().decodeNil() {
            self = .missing
            return
        }
        let container = try decoder.container(keyedBy: Kind.self)
        guard container.allKeys.count == 1, let kind = container.allKeys.first else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "a result cell has exactly one of the keys text, integer or number, or is null"))
        }
        switch kind {
        case .text: self = .text(try container.decode(String.self, forKey: kind))
        case .integer: self = .integer(try container.decode(Int.self, forKey: kind))
        case .number: self = .number(try container.decode(Double.self, forKey: kind))
        }
    }

    /// Writes the tagged form (see the type's coding note).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .missing:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .text(let value):
            var container = encoder.container(keyedBy: Kind.self)
            try container.encode(value, forKey: .text)
        case .integer(let value):
            var container = encoder.container(keyedBy: Kind.self)
            try container.encode(value, forKey: .integer)
        case .number(let value):
            var container = encoder.container(keyedBy: Kind.self)
            try container.encode(value, forKey: .number)
        }
    }
}
