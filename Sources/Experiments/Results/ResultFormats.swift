import Foundation

/// Plain-text, CSV and JSON renderings of an ``ExperimentResult`` for the command line.
extension ExperimentResult {
    /// Deterministic JSON: `{"experiment", "parameters", "tables": [{"name", "columns", "rows"}],
    /// "series", "histograms", "notes"}` with sorted keys; non-finite numbers never occur
    /// (cells map them to null and series drop them).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Every table as CSV, each preceded by a `# table NAME` line; cells containing a comma,
    /// quote or newline are quoted (RFC 4180); numbers use the shortest exact decimal form.
    public func csvText() -> String {
        func quoted(_ text: String) -> String {
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        func cell(_ value: ResultCell) -> String {
            switch value {
            case .number(let number): return "\(number)"
            default: return quoted(value.plainText)
            }
        }
        var lines: [String] = []
        for table in tables {
            lines.append("# table \(table.name)")
            lines.append(table.columns.map(quoted).joined(separator: ","))
            for row in table.rows { lines.append(row.map(cell).joined(separator: ",")) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A human-readable report: the parameters, every table with aligned columns (numbers
    /// right-aligned, 4 significant digits), a one-line summary per series and the notes.
    public func plainText() -> String {
        var lines = ["experiment \(experiment)"]
        lines.append("parameters " + parameters.map { "\($0.name)=\($0.value)" }.joined(separator: " "))
        for table in tables {
            lines.append("")
            lines.append("table \(table.name)")
            let cells = table.rows.map { $0.map(\.plainText) }
            var widths = table.columns.map(\.count)
            for row in cells {
                for (index, text) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], text.count) }
            }
            func pad(_ text: String, _ width: Int, right: Bool) -> String {
                let fill = String(repeating: " ", count: max(0, width - text.count))
                return right ? fill + text : text + fill
            }
            let numeric = table.columns.indices.map { column in
                table.rows.contains { column < $0.count && $0[column].doubleValue != nil }
            }
            lines.append(table.columns.enumerated().map { pad($1, widths[$0], right: numeric[$0]) }.joined(separator: "  "))
            for row in cells {
                lines.append(row.enumerated().map { pad($1, widths[$0], right: numeric[$0]) }.joined(separator: "  "))
            }
        }
        if !series.isEmpty {
            lines.append("")
            lines.append("series")
            for line in series {
                var text = "  \(line.group) [\(line.label)]: \(line.x.count) points"
                if let x = line.x.last, let y = line.y.last {
                    text += ", last \(line.xLabel)=\(NumberFormatting.compact(x)) \(line.yLabel)=\(NumberFormatting.compact(y))"
                }
                if let step = line.divergedAt { text += ", diverged at step \(step)" }
                lines.append(text)
            }
        }
        if !histograms.isEmpty {
            let groups = histograms.reduce(into: [String]()) { if !$0.contains($1.group) { $0.append($1.group) } }
            lines.append("")
            lines.append("histograms " + groups.map { group in
                "\(group) (\(histograms.filter { $0.group == group }.count) panels)"
            }.joined(separator: ", "))
        }
        if !notes.isEmpty {
            lines.append("")
            lines.append(contentsOf: notes.map { "note: \($0)" })
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
