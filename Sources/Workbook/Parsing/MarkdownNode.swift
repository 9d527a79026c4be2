/// A Markdown node copied out of libcmark's tree into plain Swift values, so no
/// cmark pointer outlives the parse and the tree is `Sendable`.
///
/// Lines are file lines (the front-matter offset is already added).
indirect enum MarkdownNode: Sendable, Equatable {
    case document([MarkdownNode])
    case paragraph([MarkdownNode], line: Int)
    case heading(level: Int, [MarkdownNode], line: Int)
    case blockQuote([MarkdownNode])
    case list(ordered: Bool, start: Int, tight: Bool, [MarkdownNode])
    case item([MarkdownNode])
    /// A fenced or indented code block; `info` is the fence's info string.
    case codeBlock(info: String, literal: String, line: Int)
    /// Raw HTML in the chapter: never passed through, rendered escaped (comments are dropped).
    case htmlBlock(String, line: Int)
    case thematicBreak
    /// A GitHub Flavored Markdown pipe table (made from a paragraph of pipe rows).
    case table(MarkdownTable)
    /// A GitHub callout: a block quote that starts with `[!NOTE]`, `[!TIP]` or `[!WARNING]`.
    case callout(CalloutKind, [MarkdownNode], line: Int)
    /// A footnote definition `[^label]: …`; it is rendered at the end of the page, not in place.
    case footnoteDefinition(label: String, [MarkdownNode], line: Int)
    case text(String)
    /// A formula already converted to MathML.
    case math(MathFormula)
    /// A footnote reference `[^label]`.
    case footnoteReference(label: String, line: Int)
    case softBreak
    case lineBreak
    case code(String, line: Int)
    case htmlInline(String)
    case emphasis([MarkdownNode])
    case strong([MarkdownNode])
    case link(url: String, title: String, [MarkdownNode])
    case image(url: String, title: String, [MarkdownNode])

    /// The children of a container node (empty for leaves); a table's are its cells' contents.
    var children: [MarkdownNode] {
        switch self {
        case .document(let c), .paragraph(let c, _), .heading(_, let c, _), .blockQuote(let c),
            .list(_, _, _, let c), .item(let c), .emphasis(let c), .strong(let c),
            .link(_, _, let c), .image(_, _, let c), .callout(_, let c, _), .footnoteDefinition(_, let c, _):
            return c
        case .table(let table):
            return (table.header + table.rows.flatMap { $0 }).flatMap { $0 }
        default:
            return []
        }
    }

    /// The node's text without markup (used for heading slugs and image alt text).
    var plainText: String {
        switch self {
        case .text(let text): return text
        case .code(let text, _): return text
        case .htmlInline(let raw): return raw
        case .math(let formula): return formula.tex
        case .softBreak, .lineBreak: return " "
        case .footnoteReference: return ""
        default: return children.map(\.plainText).joined()
        }
    }
}
