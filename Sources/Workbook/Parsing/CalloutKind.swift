/// The kinds of GitHub callout: a block quote whose first line is `[!NOTE]`, `[!TIP]` or
/// `[!WARNING]` (case-insensitive).
enum CalloutKind: String, Sendable, Equatable, CaseIterable {
    /// `> [!NOTE]`: useful information.
    case note
    /// `> [!TIP]`: advice.
    case tip
    /// `> [!WARNING]`: something that can go wrong.
    case warning

    /// The title shown at the top of the callout.
    var title: String {
        switch self {
        case .note: return "Note"
        case .tip: return "Tip"
        case .warning: return "Warning"
        }
    }

    /// The markers authors may write, for error messages.
    static var markers: String { allCases.map { "[!\($0.rawValue.uppercased())]" }.joined(separator: ", ") }

    /// When `children` (a block quote's blocks) start with a `[!KIND]` marker, the kind and the
    /// blocks without it; nil for an ordinary block quote. An unknown kind is an error naming
    /// `file`, `line` and the valid markers.
    static func recognize(
        _ children: [MarkdownNode], file: String, line: Int
    ) throws(WorkbookError) -> (CalloutKind, [MarkdownNode])? {
        guard case .paragraph(let inlines, let paragraphLine)? = children.first else { return nil }
        // cmark splits "[!NOTE]" into several text nodes ("[", "!NOTE", "]"): join the leading ones.
        var leading = ""
        var count = 0
        while count < inlines.count, case .text(let text) = inlines[count] {
            leading += text
            count += 1
        }
        guard leading.hasPrefix("[!"), let close = leading.firstIndex(of: "]") else { return nil }
        let name = leading[leading.index(leading.startIndex, offsetBy: 2)..<close]
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        guard let kind = CalloutKind(rawValue: name.lowercased()) else {
            throw WorkbookError(
                .markdown, file: file, line: line,
                "unknown callout '[!\(name)]'; callouts: \(markers)")
        }
        var rest = String(leading[leading.index(after: close)...])
        var remaining = Array(inlines[count...])
        if rest.allSatisfy({ $0 == " " || $0 == "\t" }) {
            rest = ""
            if let first = remaining.first, first == .softBreak || first == .lineBreak { remaining.removeFirst() }
        } else {
            rest = String(rest.drop { $0 == " " || $0 == "\t" })
        }
        let content = (rest.isEmpty ? [] : [MarkdownNode.text(rest)]) + remaining
        let blocks =
            (content.isEmpty ? [] : [MarkdownNode.paragraph(content, line: paragraphLine)]) + children.dropFirst()
        return (kind, blocks)
    }
}
