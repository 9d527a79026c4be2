import Experiments

/// `table: NAME [columns=a,b] [where=COLUMN=VALUE]...`: a result table as a numbered HTML table,
/// optionally some of its columns and the rows matching every filter, with CSV/JSON downloads.
struct TableDisplay: Display {
    static let key = "table"
    static let syntax = "table: NAME [columns=a,b,c] [where=column=value]"

    /// The table's name.
    var name: String
    /// The columns shown, in order (all when nil).
    var columns: [String]?
    /// The row filters, all of which a row must match.
    var filters: [RowFilter]

    /// Every column of `name`, every row.
    init(name: String) {
        self.name = name
        columns = nil
        filters = []
    }

    init(name: String, options: [String]) throws(DisplayError) {
        self.init(name: name)
        for option in options {
            if option.hasPrefix("columns=") {
                columns = option.dropFirst(8).split(separator: ",").map { $0.trimmingSpaces() }
            } else if option.hasPrefix("where=") {
                let condition = option.dropFirst(6)
                guard let equals = condition.firstIndex(of: "=") else {
                    throw DisplayError("'\(option)' should be where=COLUMN=VALUE")
                }
                filters.append(
                    RowFilter(
                        column: String(condition[..<equals]),
                        value: String(condition[condition.index(after: equals)...])))
            } else {
                throw DisplayError("unknown table option '\(option)'; options: columns=a,b,c and where=column=value")
            }
        }
    }

    func problem(with outputs: ExperimentOutputs) -> String? {
        guard let table = outputs.table(named: name) else {
            return "has no table '\(name)'; tables: \(ChapterRenderer.unique(outputs.tables.map(\.name)))"
        }
        let missing = ((columns ?? []) + filters.map(\.column)).first { !table.columns.contains($0) }
        return missing.map {
            "has no column '\($0)' in table '\(name)'; columns: \(table.columns.joined(separator: ", "))"
        }
    }

    func render(_ block: ResultDisplays, line: Int, in renderer: inout ChapterRenderer) throws(WorkbookError) -> String
    {
        try renderer.renderTable(name: name, columns: columns, filters: filters, line: line, block: block)
    }
}
