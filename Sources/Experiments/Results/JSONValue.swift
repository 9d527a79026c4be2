/// A JSON value of a published export, and the one deterministic writer of the workbook's JSON exports:
/// `workbook run --format json` (``ExperimentResult/jsonText()``) and the site's table downloads
/// (``ExperimentResult/tableJSONText(_:id:)``).
///
/// Exports are for people and other tools: integers and reals are both JSON numbers, in the shortest
/// round-trip form of ``NumberFormatting/shortest(_:)``, and a non-finite real is `null`. The lossless
/// machine form (result cache, Swift-cell protocol) is `Codable` instead; see ``ResultCoding``.
public enum JSONValue: Sendable {
    /// `null`.
    case null
    /// An integer.
    case integer(Int)
    /// A real number; NaN and ±∞ are written as `null`.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object whose members are written in the given order.
    case object([(key: String, value: JSONValue)])

    /// The value of a table cell: text is a string, both kinds of number are numbers, missing is `null`.
    public init(_ cell: ResultCell) {
        switch cell {
        case .text(let text): self = .string(text)
        case .integer(let value): self = .integer(value)
        case .number(let value): self = .number(value)
        case .missing: self = .null
        }
    }

    /// The JSON text, without a final newline. An array or object that holds only numbers, strings and
    /// nulls (or nothing) is written on one line, `[1, 2]` and `{"a": "b"}`; any other puts each member on
    /// its own line, indented two spaces per level. Strings escape `"`, `\`, control characters and `<`
    /// (so the text is safe inside HTML); other characters are written as they are.
    public var text: String {
        var output = ""
        write(to: &output, indent: "")
        return output
    }

    private var isContainer: Bool {
        switch self {
        case .array, .object: return true
        case .null, .integer, .number, .string: return false
        }
    }

    private func write(to output: inout String, indent: String) {
        switch self {
        case .null: output += "null"
        case .integer(let value): output += String(value)
        case .number(let value): output += value.isFinite ? NumberFormatting.shortest(value) : "null"
        case .string(let text): Self.write(string: text, to: &output)
        case .array(let elements):
            Self.write(members: elements.map { (nil, $0) }, brackets: ("[", "]"), indent: indent, to: &output)
        case .object(let members):
            Self.write(members: members.map { ($0.key, $0.value) }, brackets: ("{", "}"), indent: indent, to: &output)
        }
    }

    private static func write(
        members: [(key: String?, value: JSONValue)], brackets: (open: String, close: String),
        indent: String, to output: inout String
    ) {
        let inline = !members.contains { $0.value.isContainer }
        let inner = inline ? indent : indent + "  "
        output += brackets.open
        for (index, member) in members.enumerated() {
            if index > 0 { output += inline ? ", " : "," }
            if !inline { output += "\n" + inner }
            if let key = member.key {
                write(string: key, to: &output)
                output += ": "
            }
            member.value.write(to: &output, indent: inner)
        }
        if !inline { output += "\n" + indent }
        output += brackets.close
    }

    private static func write(string text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<": output += "\\u003c"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
