/// The published renderings of an ``ExperimentResult``: plain text, CSV and JSON for `workbook run`, and the
/// JSON of one table for the site's downloads. They are written by ``JSONValue`` and
/// ``ResultTable/csvText()``; the lossless machine form is the `Codable` conformance (``ResultCoding``).
extension ExperimentResult {
    /// The whole result as JSON, ended by a newline: `{"experiment", "parameters": {NAME: VALUE…},
    /// "tables": [{"name", "columns", "rows"}], "series": [{"group", "label", "xLabel", "yLabel", "x", "y",
    /// "divergedAt"}], "histograms": [{"group", "label", "panel", "edges", "counts"}], "notes"}`, members
    /// in this order, parameters in declaration order; `divergedAt` is `null` when the series did not diverge.
    public func jsonText() -> String {
        let value = JSONValue.object([
            ("experiment", .string(experiment)),
            ("parameters", parametersJSON),
            (
                "tables",
                .array(
                    tables.map { table in
                        .object([
                            ("name", .string(table.name)),
                            ("columns", .array(table.columns.map(JSONValue.string))),
                            ("rows", table.jsonRows),
                        ])
                    })
            ),
            (
                "series",
                .array(
                    series.map { line in
                        .object([
                            ("group", .string(line.group)), ("label", .string(line.label)),
                            ("xLabel", .string(line.xLabel)), ("yLabel", .string(line.yLabel)),
                            ("x", .array(line.x.map(JSONValue.number))), ("y", .array(line.y.map(JSONValue.number))),
                            ("divergedAt", line.divergedAt.map(JSONValue.integer) ?? .null),
                        ])
                    })
            ),
            (
                "histograms",
                .array(
                    histograms.map { histogram in
                        .object([
                            ("group", .string(histogram.group)), ("label", .string(histogram.label)),
                            ("panel", .string(histogram.panel)),
                            ("edges", .array(histogram.edges.map(JSONValue.number))),
                            ("counts", .array(histogram.counts.map(JSONValue.integer))),
                        ])
                    })
            ),
            ("notes", .array(notes.map(JSONValue.string))),
        ])
        return value.text + "\n"
    }

    /// The site's JSON download of `table`, one of this result's tables, ended by a newline:
    /// `{"experiment", "id", "table", "parameters": {NAME: VALUE…}, "columns", "rows"}`, where `id` names the
    /// experiment block or Swift cell that produced it.
    public func tableJSONText(_ table: ResultTable, id: String) -> String {
        let value = JSONValue.object([
            ("experiment", .string(experiment)),
            ("id", .string(id)),
            ("table", .string(table.name)),
            ("parameters", parametersJSON),
            ("columns", .array(table.columns.map(JSONValue.string))),
            ("rows", table.jsonRows),
        ])
        return value.text + "\n"
    }

    /// Every table as CSV (``ResultTable/csvText()``), each preceded by a `# table NAME` line; every line is
    /// ended by CRLF.
    public func csvText() -> String {
        tables.map { "# table \($0.name)\r\n" + $0.csvText() }.joined()
    }

    /// The parameters as one object, in declaration order.
    private var parametersJSON: JSONValue {
        .object(parameters.map { ($0.name, .string($0.value)) })
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
                for (index, text) in row.enumerated() where index < widths.count {
                    widths[index] = max(widths[index], text.count)
                }
            }
            func pad(_ text: String, _ width: Int, right: Bool) -> String {
                let fill = String(repeating: " ", count: max(0, width - text.count))
                return right ? fill + text : text + fill
            }
            let numeric = table.columns.indices.map { column in
                table.rows.contains { column < $0.count && $0[column].doubleValue != nil }
            }
            lines.append(
                table.columns.enumerated().map { pad($1, widths[$0], right: numeric[$0]) }.joined(separator: "  "))
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
                    text +=
                        ", last \(line.xLabel)=\(NumberFormatting.compact(x)) "
                        + "\(line.yLabel)=\(NumberFormatting.compact(y))"
                }
                if let step = line.divergedAt { text += ", diverged at step \(step)" }
                lines.append(text)
            }
        }
        if !histograms.isEmpty {
            let groups = histograms.reduce(into: [String]()) { if !$0.contains($1.group) { $0.append($1.group) } }
            lines.append("")
            lines.append(
                "histograms "
                    + groups.map { group in
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
