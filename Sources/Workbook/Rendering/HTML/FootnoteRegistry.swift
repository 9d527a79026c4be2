/// A page's footnotes: the definitions found while parsing, and the numbers and anchors given
/// to them in the order they are first referenced.
struct FootnoteRegistry {
    /// A definition `[^label]: …`.
    struct Definition {
        /// The label as written.
        var label: String
        /// The definition's blocks.
        var blocks: [MarkdownNode]
        /// The file line of `[^label]:`.
        var line: Int
    }

    /// Definitions by lower-cased label (labels are case-insensitive, as link labels are).
    private(set) var definitions: [String: Definition] = [:]
    /// Lower-cased labels in the order they were defined.
    private(set) var definitionOrder: [String] = []
    /// Lower-cased labels in number order (footnote N is `numbered[N - 1]`).
    private(set) var numbered: [String] = []
    /// The number of each referenced footnote, by lower-cased label.
    private var numbers: [String: Int] = [:]
    /// The `id` of each numbered footnote's list item.
    private(set) var noteIDs: [String: String] = [:]
    /// The `id`s of each footnote's references, in document order.
    private(set) var referenceIDs: [String: [String]] = [:]

    /// Adds a definition; a second definition of one label is an error naming both lines.
    mutating func define(label: String, blocks: [MarkdownNode], line: Int, file: String) throws(WorkbookError) {
        let key = label.lowercased()
        if let earlier = definitions[key] {
            throw WorkbookError(
                .markdown, file: file, line: line,
                "footnote [^\(label)] is already defined on line \(earlier.line); define each footnote once")
        }
        definitions[key] = Definition(label: label, blocks: blocks, line: line)
        definitionOrder.append(key)
    }

    /// Records a reference to `label` and returns the footnote's number, its note's `id` and
    /// the new reference's `id` (page-unique `id`s come from `ids`). An undefined label is an
    /// error naming `file`, `line` and the defined labels.
    mutating func reference(
        _ label: String, line: Int, file: String,
        ids: inout HeadingSlugger
    ) throws(WorkbookError) -> (number: Int, noteID: String, referenceID: String) {
        let key = label.lowercased()
        guard definitions[key] != nil else {
            let defined = definitionOrder.compactMap { definitions[$0].map { "[^\($0.label)]" } }
            throw WorkbookError(
                .markdown, file: file, line: line,
                "footnote [^\(label)] is not defined; "
                    + (defined.isEmpty
                        ? "this page defines no footnotes (add a line '[^\(label)]: text' after a blank line, or "
                            + "write \\[^\(label)] for the literal text)"
                        : "defined footnotes: \(defined.joined(separator: ", "))"))
        }
        let number: Int
        if let known = numbers[key] {
            number = known
        } else {
            numbered.append(key)
            number = numbered.count
            numbers[key] = number
            noteIDs[key] = ids.slug(for: "fn \(number)")
        }
        let referenceID = ids.slug(for: "fnref \(number)")
        referenceIDs[key, default: []].append(referenceID)
        return (number, noteIDs[key] ?? "", referenceID)
    }

    /// The first definition never referenced, if any.
    var firstUnreferenced: Definition? {
        definitionOrder.first { noteIDs[$0] == nil }.flatMap { definitions[$0] }
    }
}
