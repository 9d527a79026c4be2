import Experiments
import WeightInit

/// Decides whether a table cell equals a value written in a chapter (`layer=10`,
/// `init=normal(std=0.01)`, `activation=tanh`).
enum CellMatcher {
    /// Numbers compare numerically, initialiser specs by their canonical form, anything else as text.
    static func matches(_ cell: ResultCell, _ written: String) -> Bool {
        let value = written.trimmingSpaces()
        if let number = cell.doubleValue, let target = Double(value) {
            return number == target || abs(number - target) <= 1e-12 * max(abs(number), abs(target))
        }
        let text = cell.plainText
        if text == value { return true }
        if text.filter({ !$0.isWhitespace }) == value.filter({ !$0.isWhitespace }) { return true }
        if let left = try? InitializerSpec.parse(text), let right = try? InitializerSpec.parse(value) {
            return left.description == right.description
        }
        return false
    }

    /// The indices of `table`'s rows matching every filter; unknown filter columns are errors.
    static func rows(
        of table: ResultTable, matching filters: [RowFilter], context: String,
        file: String, line: Int
    ) throws(WorkbookError) -> [Int] {
        var columns: [(Int, String)] = []
        for filter in filters {
            guard let index = table.columnIndex(filter.column) else {
                throw WorkbookError(
                    .reference, file: file, line: line,
                    "table '\(table.name)' has no column '\(filter.column)' (in \(context)); columns: "
                        + "\(table.columns.joined(separator: ", "))"
                )
            }
            columns.append((index, filter.value))
        }
        return table.rows.indices.filter { row in
            columns.allSatisfy { index, value in index < table.rows[row].count && matches(table.rows[row][index], value)
            }
        }
    }
}
