/// Turns the block quotes ``FootnotePreprocessor`` made from footnote definitions back into
/// ``MarkdownNode/footnoteDefinition(label:_:line:)`` nodes.
///
/// Definitions written on consecutive lines end up in one block quote paragraph; they are
/// split at each definition marker that starts a line.
enum FootnoteDefinitions {
    /// The definitions in a block quote's `children`, or nil when it holds none. A definition
    /// written right under a block quote continues it (as a lazy line): what comes before the
    /// first definition stays a block quote.
    static func split(_ children: [MarkdownNode], labels: [String]) -> [MarkdownNode]? {
        guard children.contains(where: { startsDefinition($0, labels: labels) }) else { return nil }
        var before: [MarkdownNode] = []
        var definitions: [(label: String, line: Int, blocks: [MarkdownNode])] = []
        for block in children {
            guard case .paragraph(let inlines, let line) = block,
                definitions.isEmpty ? startsDefinition(block, labels: labels) : true
            else {
                if definitions.isEmpty {
                    before.append(block)
                } else {
                    definitions[definitions.count - 1].blocks.append(block)
                }
                continue
            }
            var segment: [MarkdownNode] = []
            var segmentLine = line
            var currentLine = line
            func flush() {
                while let last = segment.last, last == .softBreak || last == .lineBreak { segment.removeLast() }
                guard !segment.isEmpty else { return }
                if definitions.isEmpty {
                    before.append(.paragraph(segment, line: segmentLine))
                } else {
                    definitions[definitions.count - 1].blocks.append(.paragraph(segment, line: segmentLine))
                }
            }
            for (index, node) in inlines.enumerated() {
                let startsLine = index == 0 || inlines[index - 1] == .softBreak || inlines[index - 1] == .lineBreak
                if startsLine, let (label, rest) = marker(node, labels: labels) {
                    flush()
                    definitions.append((label, currentLine, []))
                    segment = rest.isEmpty ? [] : [.text(rest)]
                    segmentLine = currentLine
                } else {
                    segment.append(node)
                }
                if node == .softBreak || node == .lineBreak { currentLine += 1 }
            }
            flush()
        }
        return (before.isEmpty ? [] : [.blockQuote(before)])
            + definitions.map { .footnoteDefinition(label: $0.label, $0.blocks, line: $0.line) }
    }

    /// Whether `block` is a paragraph with a definition marker at the start of one of its lines.
    private static func startsDefinition(_ block: MarkdownNode, labels: [String]) -> Bool {
        guard case .paragraph(let inlines, _) = block else { return false }
        return inlines.indices.contains { index in
            (index == 0 || inlines[index - 1] == .softBreak || inlines[index - 1] == .lineBreak)
                && marker(inlines[index], labels: labels) != nil
        }
    }

    /// The label and the rest of the text when `node` is a text node starting with a definition marker.
    private static func marker(_ node: MarkdownNode?, labels: [String]) -> (String, String)? {
        guard case .text(let text)? = node, text.first == FootnotePreprocessor.definitionOpen,
            let close = text.firstIndex(of: FootnotePreprocessor.close),
            let index = Int(text[text.index(after: text.startIndex)..<close]), labels.indices.contains(index)
        else { return nil }
        return (labels[index], String(text[text.index(after: close)...].drop { $0 == " " || $0 == "\t" }))
    }
}
