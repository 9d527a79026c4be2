import Experiments

/// A result table as JSON, with the experiment and parameters that produced it.
enum TableJSON {
    /// Deterministic JSON (fixed key order, shortest round-trip numbers, `null` for missing).
    static func json(_ table: ResultTable, id: String, result: ExperimentResult) -> String {
        var json = "{\n"
        json += "  \"experiment\": \(string(result.experiment)),\n"
        json += "  \"id\": \(string(id)),\n"
        json += "  \"table\": \(string(table.name)),\n"
        json += "  \"parameters\": {" + result.parameters.map { "\(string($0.name)): \(string($0.value))" }.joined(separator: ", ") + "},\n"
        json += "  \"columns\": [" + table.columns.map(string).joined(separator: ", ") + "],\n"
        json += "  \"rows\": [\n"
        json += table.rows.map { row in
            "    [" + row.map { cell in
                switch cell {
                case .number(let value): return DataNumber.text(value)
                case .integer(let value): return String(value)
                case .text(let text): return string(text)
                case .missing: return "null"
                }
            }.joined(separator: ", ") + "]"
        }.joined(separator: ",\n")
        json += (table.rows.isEmpty ? "" : "\n") + "  ]\n}\n"
        return json
    }

    /// A JSON string literal.
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<": result += "\\u003c"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
