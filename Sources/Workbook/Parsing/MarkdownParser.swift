import CCmark
import WeightInit

/// Parses CommonMark with libcmark and copies the tree into ``MarkdownNode`` values, with
/// the GitHub extensions the workbook supports made from cmark's tree: pipe tables (from
/// paragraphs of pipe rows), callouts and footnote definitions (from block quotes).
///
/// Every cmark pointer is created, walked (with `cmark_iter`) and freed inside
/// ``parse(_:lineOffset:formulas:footnoteLabels:file:)``; nothing escapes it.
enum MarkdownParser {
    /// The deepest nesting of containers (block quotes, lists, emphasis, links) accepted. The
    /// tree is rendered recursively, so unbounded nesting (`> > > …` ten thousand times) would
    /// overflow the stack; real chapters nest a few levels.
    static let maximumNesting = 100

    /// Everything a conversion needs besides cmark's tree.
    private struct Context {
        /// The Markdown cmark parsed (placeholders included).
        var markdown: String
        /// Its lines as UTF-8 bytes (cmark's columns count bytes).
        var lines: [[UInt8]]
        /// Added to cmark's 1-based lines to give file lines.
        var lineOffset: Int
        /// The formulas ``MathPreprocessor`` replaced by placeholders.
        var formulas: [MathFormula]
        /// The footnote labels ``FootnotePreprocessor`` replaced by placeholders.
        var footnoteLabels: [String]
        /// The chapter, for errors.
        var file: String
        /// Whether tables, callouts and footnote definitions are recognised (off when parsing table cells).
        var extensions: Bool
        /// Collects the tables found, whose cells are parsed afterwards (nil when `extensions` is off).
        var tables: TableCells?
    }

    /// The pipe tables found while converting a document, in document order. Their cells (and
    /// the paragraph lines before each table) are parsed together in one more cmark document
    /// once the conversion is done, so a chapter with many tables is not parsed once per table.
    private final class TableCells {
        /// One table's Markdown.
        struct Pending {
            /// The paragraph lines before the header row.
            var leading: [String]
            /// The header cells, then each body row's cells.
            var cells: [String]
            /// The file line of each cell (its row's line).
            var cellLines: [Int]
            /// The file line of the paragraph's first line.
            var firstLine: Int
        }

        /// The tables, in document order.
        var pending: [Pending] = []
    }

    /// Parses `markdown`, adding `lineOffset` to cmark's 1-based lines; `formulas` and
    /// `footnoteLabels` replace the placeholders left by ``MathPreprocessor`` and
    /// ``FootnotePreprocessor``. Nesting deeper than ``maximumNesting`` and an unknown
    /// callout are errors naming `file` and the line.
    static func parse(
        _ markdown: String, lineOffset: Int, formulas: [MathFormula], footnoteLabels: [String] = [],
        file: String
    ) throws(WorkbookError) -> MarkdownNode {
        let tables = TableCells()
        let context = Context(
            markdown: markdown,
            lines: markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init),
            lineOffset: lineOffset, formulas: formulas, footnoteLabels: footnoteLabels, file: file,
            extensions: true, tables: tables)
        let document =
            try withDocument(markdown) { root throws(WorkbookError) in
                try convert(root, context: context, inlineLine: nil)
            } ?? .document([])
        guard !tables.pending.isEmpty else { return document }
        var parsed = try parseCells(of: tables.pending, context: context)
        parsed.reverse()
        return filling(document) { table in
            guard let (leading, cells) = parsed.popLast() else { return [.table(table)] }
            var filled = table
            let columns = table.alignments.count
            filled.header = Array(cells.prefix(columns))
            filled.rows = (0..<(max(0, cells.count - columns) / max(1, columns))).map {
                Array(cells[(columns * ($0 + 1))..<(columns * ($0 + 2))])
            }
            return leading + [.table(filled)]
        }.first ?? document
    }

    /// Parses `markdown` with cmark and passes the document to `body`; frees it afterwards.
    private static func withDocument<T>(
        _ markdown: String, _ body: (OpaquePointer) throws(WorkbookError) -> T
    ) throws(WorkbookError) -> T? {
        let options = CMARK_OPT_SAFE | CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        let utf8 = Array(markdown.utf8)
        guard
            let root = utf8.withUnsafeBufferPointer({ buffer in
                buffer.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        cmark_parse_document($0, buffer.count, options)
                    }
                } ?? cmark_parse_document("", 0, options)
            })
        else {
            return nil
        }
        defer { cmark_node_free(root) }
        return try body(root)
    }

    /// A cmark string as a Swift string (empty for NULL).
    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// Converts the subtree at `root`. `inlineLine`, when given, is the file line of every
    /// inline node (used for table cells, which come from a separate parse).
    private static func convert(
        _ root: OpaquePointer, context: Context, inlineLine fixedLine: Int?
    ) throws(WorkbookError) -> MarkdownNode {
        guard let iterator = cmark_iter_new(root) else { return .document([]) }
        defer { cmark_iter_free(iterator) }

        // A stack of open containers: the node pointer and the children built so far.
        var stack: [(node: OpaquePointer, children: [MarkdownNode])] = []
        var inlineLine = fixedLine ?? 0
        var result: MarkdownNode = .document([])
        func line(_ node: OpaquePointer) -> Int { Int(cmark_node_get_start_line(node)) + context.lineOffset }
        // Raw HTML and link destinations show what the author wrote, without maths or footnotes.
        func source(_ text: String) -> String {
            PlaceholderSubstitution.source(text, formulas: context.formulas, footnoteLabels: context.footnoteLabels)
        }

        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let isLeaf: Bool
            switch type {
            case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_TEXT,
                CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
                CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
                isLeaf = true
            default:
                isLeaf = false
            }
            if isLeaf {
                var built: [MarkdownNode] = []
                switch type {
                case CMARK_NODE_CODE_BLOCK:
                    built = [
                        .codeBlock(
                            info: string(cmark_node_get_fence_info(node)),
                            literal: string(cmark_node_get_literal(node)), line: line(node))
                    ]
                case CMARK_NODE_HTML_BLOCK:
                    built = [.htmlBlock(source(string(cmark_node_get_literal(node))), line: line(node))]
                case CMARK_NODE_THEMATIC_BREAK:
                    built = [.thematicBreak]
                case CMARK_NODE_TEXT:
                    built = PlaceholderSubstitution.nodes(
                        string(cmark_node_get_literal(node)), formulas: context.formulas,
                        footnoteLabels: context.footnoteLabels, line: inlineLine)
                case CMARK_NODE_SOFTBREAK:
                    if fixedLine == nil { inlineLine += 1 }
                    built = [.softBreak]
                case CMARK_NODE_LINEBREAK:
                    if fixedLine == nil { inlineLine += 1 }
                    built = [.lineBreak]
                case CMARK_NODE_CODE:
                    built = [.code(string(cmark_node_get_literal(node)), line: inlineLine)]
                case CMARK_NODE_HTML_INLINE:
                    built = [.htmlInline(source(string(cmark_node_get_literal(node))))]
                default:
                    built = []
                }
                if stack.isEmpty { continue }
                stack[stack.count - 1].children.append(contentsOf: built)
                continue
            }
            if event == CMARK_EVENT_ENTER {
                if fixedLine == nil && (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING) {
                    inlineLine = line(node)
                }
                if stack.count > maximumNesting {
                    let start = Int(cmark_node_get_start_line(node))
                    throw WorkbookError(
                        .markdown, file: context.file,
                        line: start > 0 ? start + context.lineOffset : max(inlineLine, context.lineOffset + 1),
                        "the Markdown nests more than \(maximumNesting) levels deep (block quotes, lists, emphasis "
                            + "or links inside each other); flatten it"
                    )
                }
                stack.append((node, []))
                continue
            }
            guard event == CMARK_EVENT_EXIT, let open = stack.popLast() else { continue }
            let children = open.children
            var built: [MarkdownNode]
            switch type {
            case CMARK_NODE_DOCUMENT: built = [.document(children)]
            case CMARK_NODE_PARAGRAPH:
                let quotes = stack.filter { cmark_node_get_type($0.node) == CMARK_NODE_BLOCK_QUOTE }.count
                built =
                    context.extensions
                    ? tableOrParagraph(node, children, quoteDepth: quotes, context: context)
                    : [.paragraph(children, line: line(node))]
            case CMARK_NODE_HEADING:
                built = [.heading(level: Int(cmark_node_get_heading_level(node)), children, line: line(node))]
            case CMARK_NODE_BLOCK_QUOTE:
                // Footnote definitions were written as block quotes; what is left may be a callout.
                let parts =
                    context.extensions
                    ? FootnoteDefinitions.split(children, labels: context.footnoteLabels) ?? [.blockQuote(children)]
                    : [.blockQuote(children)]
                built = []
                for part in parts {
                    if context.extensions, case .blockQuote(let blocks) = part,
                        let (kind, content) = try CalloutKind.recognize(blocks, file: context.file, line: line(node))
                    {
                        built.append(.callout(kind, content, line: line(node)))
                    } else {
                        built.append(part)
                    }
                }
            case CMARK_NODE_LIST:
                built = [
                    .list(
                        ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                        start: Int(cmark_node_get_list_start(node)),
                        tight: cmark_node_get_list_tight(node) != 0, children)
                ]
            case CMARK_NODE_ITEM: built = [.item(children)]
            case CMARK_NODE_EMPH: built = [.emphasis(children)]
            case CMARK_NODE_STRONG: built = [.strong(children)]
            case CMARK_NODE_LINK:
                built = [
                    .link(
                        url: source(string(cmark_node_get_url(node))),
                        title: source(string(cmark_node_get_title(node))), children)
                ]
            case CMARK_NODE_IMAGE:
                built = [
                    .image(
                        url: source(string(cmark_node_get_url(node))),
                        title: source(string(cmark_node_get_title(node))), children)
                ]
            default: built = [.paragraph(children, line: line(node))]
            }
            if stack.isEmpty {
                result = built.first ?? .document([])
            } else {
                stack[stack.count - 1].children.append(contentsOf: built)
            }
        }
        return result
    }

    /// A paragraph, or (when its lines hold a pipe table) a table whose cells are parsed later
    /// (``TableCells``); the paragraph lines before the header row go with it.
    private static func tableOrParagraph(
        _ node: OpaquePointer, _ children: [MarkdownNode], quoteDepth: Int,
        context: Context
    ) -> [MarkdownNode] {
        let startLine = Int(cmark_node_get_start_line(node))
        let paragraph = MarkdownNode.paragraph(children, line: startLine + context.lineOffset)
        guard let tables = context.tables, children.contains(where: { $0 == .softBreak || $0 == .lineBreak }),
            paragraph.plainText.contains("|")
        else { return [paragraph] }
        let endLine = Int(cmark_node_get_end_line(node))
        guard startLine >= 1, endLine >= startLine, endLine <= context.lines.count else { return [paragraph] }
        var lines: [String] = []
        for number in startLine...endLine {
            var bytes = context.lines[number - 1][...]
            if number == startLine {
                bytes = bytes.dropFirst(max(0, Int(cmark_node_get_start_column(node)) - 1))
            } else {
                for _ in 0..<quoteDepth {
                    bytes = bytes.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                    guard bytes.first == UInt8(ascii: ">") else { break }
                    bytes = bytes.dropFirst()
                }
            }
            lines.append(String(decoding: bytes, as: UTF8.self).trimmingSpaces())
        }
        guard let match = PipeTableSyntax.match(lines) else { return [paragraph] }
        let headerLine = startLine + match.leadingLines + context.lineOffset
        let columns = match.alignments.count
        tables.pending.append(
            .init(
                leading: Array(lines.prefix(match.leadingLines)),
                cells: match.header + match.rows.flatMap { $0 },
                cellLines: Array(repeating: headerLine, count: columns)
                    + match.rows.indices.flatMap { Array(repeating: headerLine + 2 + $0, count: columns) },
                firstLine: startLine + context.lineOffset))
        return [.table(MarkdownTable(alignments: match.alignments, header: [], rows: [], line: headerLine))]
    }

    /// `node` with every table replaced by `fill(table)`, in document order (tables sit only in
    /// block containers).
    private static func filling(_ node: MarkdownNode, _ fill: (MarkdownTable) -> [MarkdownNode]) -> [MarkdownNode] {
        func blocks(_ children: [MarkdownNode]) -> [MarkdownNode] { children.flatMap { filling($0, fill) } }
        switch node {
        case .table(let table): return fill(table)
        case .document(let c): return [.document(blocks(c))]
        case .blockQuote(let c): return [.blockQuote(blocks(c))]
        case .list(let ordered, let start, let tight, let c):
            return [.list(ordered: ordered, start: start, tight: tight, blocks(c))]
        case .item(let c): return [.item(blocks(c))]
        case .callout(let kind, let c, let line): return [.callout(kind, blocks(c), line: line)]
        case .footnoteDefinition(let label, let c, let line):
            return [.footnoteDefinition(label: label, blocks(c), line: line)]
        default: return [node]
        }
    }

    /// Parses the tables' cells (each as one-line inline Markdown) and the paragraph lines before
    /// each table in one cmark document, followed by the whole chapter so that reference links
    /// in cells resolve. Returns, per table, the leading blocks and the cells' inline nodes.
    private static func parseCells(
        of tables: [TableCells.Pending],
        context: Context
    ) throws(WorkbookError) -> [(leading: [MarkdownNode], cells: [[MarkdownNode]])] {
        // An EN QUAD (Unicode white space, not a Markdown indent) before each cell makes it a
        // paragraph of inline content whatever it starts with, and flanks like the line start.
        let pad: Character = "\u{2000}"
        var text = ""
        var lineNumber = 1
        // What starts at each line of the combined document: a table's leading lines or one cell.
        var leadingAt: [Int: (table: Int, first: Int)] = [:]
        var cellAt: [Int: (table: Int, cell: Int)] = [:]
        for (index, table) in tables.enumerated() {
            if !table.leading.isEmpty {
                text += table.leading.joined(separator: "\n") + "\n\n"
                for offset in table.leading.indices { leadingAt[lineNumber + offset] = (index, lineNumber) }
                lineNumber += table.leading.count + 1
            }
            for cell in table.cells.indices {
                text += "\(pad)\(table.cells[cell])\n\n"
                cellAt[lineNumber] = (index, cell)
                lineNumber += 2
            }
        }
        text += context.markdown
        var nested = context
        nested.extensions = false
        nested.tables = nil
        var result = tables.map {
            (leading: [MarkdownNode](), cells: Array(repeating: [MarkdownNode](), count: $0.cells.count))
        }
        try withDocument(text) { root throws(WorkbookError) in
            var child = cmark_node_first_child(root)
            while let current = child {
                let start = Int(cmark_node_get_start_line(current))
                if start >= lineNumber { break }
                child = cmark_node_next(current)
                if let (table, first) = leadingAt[start] {
                    nested.lineOffset = tables[table].firstLine - first
                    result[table].leading.append(try convert(current, context: nested, inlineLine: nil))
                } else if let (table, cell) = cellAt[start],
                    case .paragraph(var inlines, _) = try convert(
                        current, context: nested, inlineLine: tables[table].cellLines[cell])
                {
                    if case .text(let first)? = inlines.first, first.first == pad {
                        let rest = String(first.dropFirst())
                        if rest.isEmpty { inlines.removeFirst() } else { inlines[0] = .text(rest) }
                    }
                    result[table].cells[cell] = inlines
                }
            }
        }
        return result
    }
}
