/// The published forms of one table: the site's CSV download and the rows of its JSON exports.
extension ResultTable {
    /// RFC 4180 CSV: a header row, then one line per row, every line ended by CRLF. A field holding a
    /// comma, quote, CR or LF is quoted (quotes doubled); numbers are written by
    /// ``NumberFormatting/shortest(_:)``; a missing cell or a non-finite number is an empty field.
    public func csvText() -> String {
        var lines = [columns.map(Self.csvField).joined(separator: ",")]
        for row in rows {
            lines.append(
                row.map { cell in
                    switch cell {
                    case .number(let value): return NumberFormatting.shortest(value)
                    case .integer(let value): return String(value)
                    case .text(let text): return Self.csvField(text)
                    case .missing: return ""
                    }
                }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The rows as a JSON array of arrays, one ``JSONValue/init(_:)`` per cell.
    public var jsonRows: JSONValue {
        .array(rows.map { row in .array(row.map(JSONValue.init)) })
    }

    /// `text` as a CSV field, compared scalar by scalar (a Character can hide a quote or CR LF in a cluster).
    private static func csvField(_ text: String) -> String {
        let special: Set<Unicode.Scalar> = [",", "\"", "\n", "\r"]
        guard text.unicodeScalars.contains(where: special.contains) else { return text }
        var field = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { field += "\"" }
            field.unicodeScalars.append(scalar)
        }
        return field + "\""
    }
}
