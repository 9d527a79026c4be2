import Experiments

/// A result table as RFC 4180 CSV with full-precision numbers.
enum TableCSV {
    /// The CSV text: a header row, then one line per row; missing cells are empty.
    static func csv(_ table: ResultTable) -> String {
        var lines = [table.columns.map(field).joined(separator: ",")]
        for row in table.rows {
            lines.append(row.map { cell in
                switch cell {
                case .number(let value): return DataNumber.text(value)
                case .integer(let value): return String(value)
                case .text(let text): return field(text)
                case .missing: return ""
                }
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}

/// Shortest round-trip decimal text of a Double (deterministic, locale-independent).
enum DataNumber {
    /// `0.1`, `3.0517578125e-05`, `12.0` → `12`.
    static func text(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
