import Experiments
import WeightInit

/// A reference to a computed value: `ID.TABLE[COL=VALUE, ...].COLUMN[@max|@min|@count][|FORMAT]`.
struct ValueReference: Sendable, Equatable {
    /// An aggregate over the selected rows.
    enum Aggregate: String, Sendable {
        case max, min, count
    }

    /// The experiment block id.
    var id: String
    /// The result table.
    var table: String
    /// Row conditions.
    var filters: [RowFilter]
    /// The column whose value is taken.
    var column: String
    /// The aggregate, or nil to select exactly one row.
    var aggregate: Aggregate?
    /// How to print the value.
    var format: ValueFormat
    /// The reference as written (without the leading `=`).
    var text: String

    /// Parses `text` (a leading `=` is allowed); `line` is used in errors.
    static func parse(_ text: String, file: String, line: Int) throws(WorkbookError) -> ValueReference {
        var body = Substring(text.trimmingSpaces())
        if body.hasPrefix("=") { body = body.dropFirst() }
        let original = String(body).trimmingSpaces()
        func fail(_ message: String) -> WorkbookError {
            WorkbookError(
                .reference, file: file, line: line,
                "\(message) in '\(original)'; expected ID.TABLE[COL=VALUE, ...].COLUMN, "
                    + "ID.TABLE.COLUMN@max|@min|@count, optionally '|FORMAT'"
            )
        }
        var format = ValueFormat.significant(3)
        let pieces = BlockFields.split(original, at: "|")
        guard pieces.count <= 2 else { throw fail("more than one '|'") }
        if pieces.count == 2 {
            guard let parsed = ValueFormat(pieces[1]) else {
                throw WorkbookError(
                    .reference, file: file, line: line,
                    "unknown format '\(pieces[1])' in '\(original)'; formats: \(ValueFormat.choices)")
            }
            format = parsed
        }
        var rest = Substring(pieces[0])
        func word() -> String {
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            rest = rest.dropFirst(name.count)
            return String(name)
        }
        let id = word()
        guard !id.isEmpty, rest.hasPrefix(".") else { throw fail("missing block id") }
        rest = rest.dropFirst()
        let table = word()
        guard !table.isEmpty else { throw fail("missing table name") }
        var filters: [RowFilter] = []
        if rest.hasPrefix("[") {
            guard let end = Brackets.closingIndex(in: rest) else { throw fail("missing ']'") }
            let inside = String(rest[rest.index(after: rest.startIndex)..<end])
            for condition in BlockFields.split(inside, at: ",") where !condition.isEmpty {
                guard let equals = condition.firstIndex(of: "=") else {
                    throw fail("condition '\(condition)' is not COLUMN=VALUE")
                }
                filters.append(
                    RowFilter(
                        column: String(condition[..<equals]).trimmingSpaces(),
                        value: String(condition[condition.index(after: equals)...]).trimmingSpaces()))
            }
            rest = rest[rest.index(after: end)...]
        }
        guard rest.hasPrefix(".") else { throw fail("missing '.COLUMN'") }
        rest = rest.dropFirst()
        let column = word()
        guard !column.isEmpty else { throw fail("missing column name") }
        var aggregate: Aggregate?
        if rest.hasPrefix("@") {
            rest = rest.dropFirst()
            let name = word()
            guard let parsed = Aggregate(rawValue: name) else {
                throw WorkbookError(
                    .reference, file: file, line: line,
                    "unknown aggregate '@\(name)' in '\(original)'; aggregates: @max, @min, @count")
            }
            aggregate = parsed
        }
        guard rest.trimmingSpaces().isEmpty else { throw fail("unexpected '\(rest)'") }
        return ValueReference(
            id: id, table: table, filters: filters, column: column, aggregate: aggregate, format: format, text: original
        )
    }
}
