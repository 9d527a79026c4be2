/// A lossless serialised form of ``ExperimentResult``: cells keep their kind (an integer 3 and a
/// real 3.0 stay distinct), so a result read back renders byte-identically to the original.
/// The result cache and the Swift-cell protocol (chapter program → renderer) both use it.
public struct LosslessResult: Codable, Sendable {
    struct Table: Codable, Sendable {
        var name: String
        var columns: [String]
        var rows: [[Cell]]
    }

    struct Cell: Codable, Sendable {
        var kind: String
        var text: String?
        var integer: Int?
        var number: Double?
    }

    var experiment: String
    var parameters: [ParameterSetting]
    var tables: [Table]
    var series: [ResultSeries]
    var histograms: [ResultHistogram]
    var notes: [String]

    /// The serialisable form of `result`.
    public init(_ result: ExperimentResult) {
        experiment = result.experiment
        parameters = result.parameters
        tables = result.tables.map { table in
            Table(name: table.name, columns: table.columns, rows: table.rows.map { row in
                row.map { cell in
                    switch cell {
                    case .text(let value): return Cell(kind: "text", text: value)
                    case .integer(let value): return Cell(kind: "integer", integer: value)
                    case .number(let value): return Cell(kind: "number", number: value)
                    case .missing: return Cell(kind: "missing")
                    }
                }
            })
        }
        series = result.series
        histograms = result.histograms
        notes = result.notes
    }

    /// The result, or nil when a cell's kind and value do not agree (a corrupt entry).
    public var result: ExperimentResult? {
        var converted: [ResultTable] = []
        for table in tables {
            var rows: [[ResultCell]] = []
            for row in table.rows {
                var cells: [ResultCell] = []
                for cell in row {
                    switch (cell.kind, cell.text, cell.integer, cell.number) {
                    case ("text", let value?, _, _): cells.append(.text(value))
                    case ("integer", _, let value?, _): cells.append(.integer(value))
                    case ("number", _, _, let value?): cells.append(.number(value))
                    case ("missing", _, _, _): cells.append(.missing)
                    default: return nil
                    }
                }
                rows.append(cells)
            }
            converted.append(ResultTable(name: table.name, columns: table.columns, rows: rows))
        }
        return ExperimentResult(experiment: experiment, parameters: parameters, tables: converted,
                                series: series, histograms: histograms, notes: notes)
    }
}
