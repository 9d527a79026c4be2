import Experiments

extension Int: TableValue {
    public var tableCell: ResultCell { .integer(self) }
}

extension Double: TableValue {
    public var tableCell: ResultCell { .real(self) }
}

extension Float: TableValue {
    public var tableCell: ResultCell { .real(Double(self)) }
}

extension String: TableValue {
    public var tableCell: ResultCell { .text(self) }
}

extension ResultCell: TableValue {
    public var tableCell: ResultCell { self }
}

extension Optional: TableValue where Wrapped: TableValue {
    public var tableCell: ResultCell { self?.tableCell ?? .missing }
}

/// A named table a cell builds row by row and shows with ``show(_:)``.
///
/// ```swift
/// var layers = Table("layers", columns: ["init", "layer", "std"])
/// layers.append("xavier-normal", 1, 0.63)
/// show(layers)
/// ```
/// The page draws it (`//| table: layers`), offers it as CSV and JSON, and inline values and
/// claims select from it (`` `=ID.layers[init=xavier-normal, layer=1].std` ``).
public struct Table: Sendable {
    /// The table's name, unique within its cell.
    public let name: String
    /// Column names.
    public let columns: [String]
    /// The rows so far; each has one cell per column.
    public private(set) var rows: [[ResultCell]] = []

    /// An empty table with these columns.
    public init(_ name: String, columns: [String]) {
        self.name = name
        self.columns = columns
    }

    /// Appends one row; it must have one value per column.
    public mutating func append(_ values: any TableValue...) {
        append(row: values.map(\.tableCell))
    }

    /// Appends one row of cells; it must have one cell per column.
    public mutating func append(row: [ResultCell]) {
        guard row.count == columns.count else {
            CellRuntime.fail(
                "table '\(name)' has \(columns.count) columns (\(columns.joined(separator: ", "))); row "
                    + "\(rows.count + 1) has \(row.count) values"
            )
        }
        rows.append(row)
    }

    /// The table in the result model.
    public var resultTable: ResultTable {
        ResultTable(name: name, columns: columns, rows: rows)
    }
}

/// Shows `table` under the current cell (and makes it available to inline values and claims).
public func show(_ table: Table) {
    show(table.resultTable)
}

/// Shows a result-model table under the current cell.
public func show(_ table: ResultTable) {
    let id = CellRuntime.currentID
    let duplicate = CellRuntime.record { state -> Bool in
        if state.tables.contains(where: { $0.name == table.name }) { return true }
        state.tables.append(table)
        return false
    }
    if duplicate { CellRuntime.fail("cell '\(id)' shows two tables named '\(table.name)'; give each its own name") }
}

/// Shows everything `result` holds (its tables, series, histograms and notes) under the current cell:
/// the way to show what a catalogue experiment computed.
public func show(_ result: ExperimentResult) {
    for table in result.tables { show(table) }
    CellRuntime.record { state in
        state.series += result.series
        state.histograms += result.histograms
        state.notes += result.notes
    }
}
