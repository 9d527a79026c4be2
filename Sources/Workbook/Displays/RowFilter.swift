/// A `column=value` condition selecting table rows.
struct RowFilter: Sendable, Equatable {
    /// The column name.
    var column: String
    /// The value as written (compared as a number, an initialiser spec or text).
    var value: String
}
