import Experiments

/// Looks up ``ValueReference``s in the results of a chapter's experiment blocks.
struct ReferenceResolver: Sendable {
    /// A resolved value: the number (nil for text) and its formatted text.
    struct Value: Sendable, Equatable {
        /// The numeric value, when the cell is numeric.
        var number: Double?
        /// The value formatted as the reference asks.
        var display: String
    }

    /// The results by block id.
    let results: [String: ExperimentResult]
    /// The block ids in document order (for error messages).
    let ids: [String]
    /// The chapter file, for errors.
    let file: String

    /// The value `reference` selects; errors name the line and the valid choices.
    func value(_ reference: ValueReference, line: Int) throws(WorkbookError) -> Value {
        func fail(_ message: String) -> WorkbookError {
            WorkbookError(.reference, file: file, line: line, "'\(reference.text)': \(message)")
        }
        guard let result = results[reference.id] else {
            throw fail(
                "no experiment block has id '\(reference.id)'; ids in this chapter: "
                    + "\(ids.isEmpty ? "(none)" : ids.joined(separator: ", "))"
            )
        }
        guard let table = result.table(named: reference.table) else {
            throw fail(
                "experiment '\(result.experiment)' (id \(reference.id)) has no table '\(reference.table)'; tables: "
                    + "\(result.tables.map(\.name).joined(separator: ", "))"
            )
        }
        guard let column = table.columnIndex(reference.column) else {
            throw fail(
                "table '\(table.name)' has no column '\(reference.column)'; columns: "
                    + "\(table.columns.joined(separator: ", "))"
            )
        }
        let rows = try CellMatcher.rows(
            of: table, matching: reference.filters, context: "'\(reference.text)'", file: file, line: line)
        if let aggregate = reference.aggregate {
            if aggregate == .count {
                let count = Double(rows.count)
                return Value(
                    number: count,
                    display: reference.format == .text ? String(rows.count) : reference.format.format(count))
            }
            let numbers = rows.compactMap {
                $0 < table.rows.count && column < table.rows[$0].count ? table.rows[$0][column].doubleValue : nil
            }
            guard let picked = aggregate == .max ? numbers.max() : numbers.min() else {
                throw fail("no numeric values in column '\(reference.column)' among \(rows.count) selected rows")
            }
            return Value(number: picked, display: reference.format.format(picked))
        }
        guard rows.count == 1 else {
            let conditions = reference.filters.map { "\($0.column)=\($0.value)" }.joined(separator: ", ")
            if rows.isEmpty {
                throw fail(
                    "no row of table '\(table.name)' matches [\(conditions)]; add or fix conditions (columns: "
                        + "\(table.columns.joined(separator: ", ")))"
                )
            }
            throw fail(
                "\(rows.count) rows of table '\(table.name)' match [\(conditions)]; add conditions so exactly one "
                    + "row matches (columns: \(table.columns.joined(separator: ", ")))"
            )
        }
        let cell = column < table.rows[rows[0]].count ? table.rows[rows[0]][column] : .missing
        switch cell {
        case .number(let value):
            return Value(number: value, display: reference.format.format(value))
        case .integer(let value):
            return Value(
                number: Double(value),
                display: reference.format == .text ? String(value) : reference.format.format(Double(value)))
        case .text(let text) where !text.isEmpty:
            return Value(number: nil, display: text)
        case .text, .missing:
            if reference.format == .text { return Value(number: nil, display: "n/a") }
            throw fail(
                "the value is missing (the run diverged or the quantity is undefined); write '|text' to print it as n/a"
            )
        }
    }
}
