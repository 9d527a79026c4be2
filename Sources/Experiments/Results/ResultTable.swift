/// A named table of an experiment's result: snake_case columns and rows of cells.
public struct ResultTable: Sendable, Equatable, Codable {
    /// The table's name, unique within one result (e.g. `layers`).
    public var name: String
    /// Column names in snake_case (e.g. `init`, `layer`, `mean`, `std`).
    public var columns: [String]
    /// Rows; each has exactly `columns.count` cells.
    public var rows: [[ResultCell]]

    /// Creates a table; rows must match the column count.
    public init(name: String, columns: [String], rows: [[ResultCell]] = []) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }

    /// The index of `column`, or nil.
    public func columnIndex(_ column: String) -> Int? {
        columns.firstIndex(of: column)
    }
}
