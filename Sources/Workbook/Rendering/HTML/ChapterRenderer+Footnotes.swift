/// Footnotes: `[^label]` references become numbered superscript links, and the definitions are
/// listed at the end of the page in the order they are first referenced, each with links back.
extension ChapterRenderer {
    /// Registers every footnote definition in `node` (a duplicate label is an error).
    mutating func registerFootnotes(in node: MarkdownNode) throws(WorkbookError) {
        if case .footnoteDefinition(let label, let blocks, let line) = node {
            try footnotes.define(label: label, blocks: blocks, line: line, file: file)
        }
        for child in node.children {
            try registerFootnotes(in: child)
        }
    }

    /// The superscript link of a reference; an undefined label is an error naming the line and
    /// the defined labels.
    mutating func renderFootnoteReference(_ label: String, line: Int) throws(WorkbookError) -> String {
        let (number, noteID, referenceID) = try footnotes.reference(label, line: line, file: file, ids: &slugger)
        return
            "<sup class=\"footnote-ref\"><a href=\"#\(noteID)\" id=\"\(referenceID)\" aria-label=\"Footnote "
            + "\(number)\">\(number)</a></sup>"
    }

    /// The numbered list of footnotes for the end of the page (empty when there are none). A
    /// definition that is never referenced is an error naming its line.
    mutating func renderFootnotes() throws(WorkbookError) -> String {
        if let unused = footnotes.firstUnreferenced {
            throw WorkbookError(
                .markdown, file: file, line: unused.line,
                "footnote [^\(unused.label)] is defined but never referenced; refer to it with [^\(unused.label)] or "
                    + "delete it"
            )
        }
        guard !footnotes.numbered.isEmpty else { return "" }
        var items: [String] = []
        // A footnote may refer to another one, which then gets the next number: loop until all are rendered.
        var index = 0
        while index < footnotes.numbered.count {
            let key = footnotes.numbered[index]
            index += 1
            guard let definition = footnotes.definitions[key] else { continue }
            var blocks = try renderBlocks(definition.blocks, collectTOC: false)
            let references = footnotes.referenceIDs[key] ?? []
            let backLinks = references.enumerated().map { offset, id in
                let suffix = references.count > 1 ? "<sup>\(offset + 1)</sup>" : ""
                let label =
                    references.count > 1 ? "Back to reference \(index)-\(offset + 1)" : "Back to reference \(index)"
                return "<a href=\"#\(id)\" class=\"footnote-back\" aria-label=\"\(label)\">↩\u{FE0E}\(suffix)</a>"
            }.joined(separator: " ")
            if blocks.hasSuffix("</p>\n") {
                blocks = String(blocks.dropLast("</p>\n".count)) + " " + backLinks + "</p>\n"
            } else {
                blocks += "<p>\(backLinks)</p>\n"
            }
            items.append("<li id=\"\(footnotes.noteIDs[key] ?? "")\">\n\(blocks)</li>\n")
        }
        let titleID = slugger.slug(for: "footnotes")
        return "<section class=\"footnotes\" aria-labelledby=\"\(titleID)\">\n<h2 id=\"\(titleID)\">Notes</h2>\n<ol>\n"
            + items.joined() + "</ol>\n</section>\n"
    }
}
