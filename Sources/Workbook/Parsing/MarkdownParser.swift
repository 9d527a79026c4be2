import CCmark

/// Parses CommonMark with libcmark and copies the tree into ``MarkdownNode`` values.
///
/// Every cmark pointer is created, walked (with `cmark_iter`) and freed inside
/// ``parse(_:lineOffset:)``; nothing escapes it.
enum MarkdownParser {
    /// The deepest nesting of containers (block quotes, lists, emphasis, links) accepted. The
    /// tree is rendered recursively, so unbounded nesting (`> > > …` ten thousand times) would
    /// overflow the stack; real chapters nest a few levels.
    static let maximumNesting = 100

    /// Parses `markdown`, adding `lineOffset` to cmark's 1-based lines; `formulas`
    /// replaces math placeholders left by ``MathPreprocessor``. Nesting deeper than
    /// ``maximumNesting`` is an error naming `file` and the line.
    static func parse(_ markdown: String, lineOffset: Int, formulas: [MathFormula], file: String) throws(WorkbookError) -> MarkdownNode {
        let options = CMARK_OPT_SAFE | CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        let utf8 = Array(markdown.utf8)
        guard let root = utf8.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, buffer.count, options)
                }
            } ?? cmark_parse_document("", 0, options)
        }) else {
            return .document([])
        }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else { return .document([]) }
        defer { cmark_iter_free(iterator) }

        // A stack of open containers: the node pointer's type/line/attributes and the children built so far.
        var stack: [(node: OpaquePointer, children: [MarkdownNode])] = []
        var inlineLine = 0
        var result: MarkdownNode = .document([])
        func string(_ pointer: UnsafePointer<CChar>?) -> String {
            pointer.map { String(cString: $0) } ?? ""
        }
        func line(_ node: OpaquePointer) -> Int { Int(cmark_node_get_start_line(node)) + lineOffset }

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
                    built = [.codeBlock(info: string(cmark_node_get_fence_info(node)),
                                        literal: string(cmark_node_get_literal(node)), line: line(node))]
                case CMARK_NODE_HTML_BLOCK:
                    built = [.htmlBlock(string(cmark_node_get_literal(node)), line: line(node))]
                case CMARK_NODE_THEMATIC_BREAK:
                    built = [.thematicBreak]
                case CMARK_NODE_TEXT:
                    built = PlaceholderSubstitution.nodes(string(cmark_node_get_literal(node)), formulas: formulas)
                case CMARK_NODE_SOFTBREAK:
                    inlineLine += 1
                    built = [.softBreak]
                case CMARK_NODE_LINEBREAK:
                    inlineLine += 1
                    built = [.lineBreak]
                case CMARK_NODE_CODE:
                    built = [.code(string(cmark_node_get_literal(node)), line: inlineLine)]
                case CMARK_NODE_HTML_INLINE:
                    built = [.htmlInline(string(cmark_node_get_literal(node)))]
                default:
                    built = []
                }
                if stack.isEmpty { continue }
                stack[stack.count - 1].children.append(contentsOf: built)
                continue
            }
            if event == CMARK_EVENT_ENTER {
                if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING { inlineLine = line(node) }
                if stack.count > maximumNesting {
                    let start = Int(cmark_node_get_start_line(node))
                    throw WorkbookError(.markdown, file: file, line: start > 0 ? start + lineOffset : max(inlineLine, lineOffset + 1),
                                        "the Markdown nests more than \(maximumNesting) levels deep (block quotes, lists, emphasis or links inside each other); flatten it")
                }
                stack.append((node, []))
                continue
            }
            guard event == CMARK_EVENT_EXIT, let open = stack.popLast() else { continue }
            let children = open.children
            let built: MarkdownNode
            switch type {
            case CMARK_NODE_DOCUMENT: built = .document(children)
            case CMARK_NODE_PARAGRAPH: built = .paragraph(children, line: line(node))
            case CMARK_NODE_HEADING: built = .heading(level: Int(cmark_node_get_heading_level(node)), children, line: line(node))
            case CMARK_NODE_BLOCK_QUOTE: built = .blockQuote(children)
            case CMARK_NODE_LIST:
                built = .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                              start: Int(cmark_node_get_list_start(node)),
                              tight: cmark_node_get_list_tight(node) != 0, children)
            case CMARK_NODE_ITEM: built = .item(children)
            case CMARK_NODE_EMPH: built = .emphasis(children)
            case CMARK_NODE_STRONG: built = .strong(children)
            case CMARK_NODE_LINK: built = .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)), children)
            case CMARK_NODE_IMAGE: built = .image(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)), children)
            default: built = .paragraph(children, line: line(node))
            }
            if stack.isEmpty {
                result = built
            } else {
                stack[stack.count - 1].children.append(built)
            }
        }
        return result
    }
}
