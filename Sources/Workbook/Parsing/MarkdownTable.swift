/// A GitHub Flavored Markdown pipe table: a header row, a delimiter row giving each column's
/// alignment, and body rows, each cell holding inline Markdown.
struct MarkdownTable: Sendable, Equatable {
    /// How a column's cells are aligned (from the colons of the delimiter row).
    enum Alignment: Sendable, Equatable {
        /// `---`: the stylesheet's default.
        case none
        /// `:---`
        case left
        /// `:---:`
        case center
        /// `---:`
        case right
    }

    /// One alignment per column.
    var alignments: [Alignment]
    /// The header cells' inline nodes, one per column.
    var header: [[MarkdownNode]]
    /// The body rows; every row has exactly one cell per column.
    var rows: [[[MarkdownNode]]]
    /// The file line of the header row.
    var line: Int
}
