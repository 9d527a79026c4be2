/// Turns the private-use placeholders the preprocessors left in cmark's text back into nodes:
/// formulas (``MathPreprocessor``) and footnote references (``FootnotePreprocessor``).
/// Footnote definition markers stay in the text for ``FootnoteDefinitions``.
enum PlaceholderSubstitution {
    /// The nodes for one cmark text node; `line` is the file line of the text (for footnote errors).
    static func nodes(_ text: String, formulas: [MathFormula], footnoteLabels: [String], line: Int) -> [MarkdownNode] {
        guard text.contains(where: { $0 == MathPreprocessor.open || $0 == FootnotePreprocessor.referenceOpen }) else {
            return [.text(text)]
        }
        var nodes: [MarkdownNode] = []
        var pending = ""
        var rest = Substring(text)
        while let start = rest.firstIndex(where: {
            $0 == MathPreprocessor.open || $0 == FootnotePreprocessor.referenceOpen
        }) {
            let isMath = rest[start] == MathPreprocessor.open
            let closing = isMath ? MathPreprocessor.close : FootnotePreprocessor.close
            guard let end = rest[start...].firstIndex(of: closing),
                let number = Int(rest[rest.index(after: start)..<end]),
                isMath ? formulas.indices.contains(number) : footnoteLabels.indices.contains(number)
            else {
                pending += rest[...start]
                rest = rest[rest.index(after: start)...]
                continue
            }
            pending += rest[..<start]
            if !pending.isEmpty { nodes.append(.text(pending)) }
            pending = ""
            nodes.append(
                isMath ? .math(formulas[number]) : .footnoteReference(label: footnoteLabels[number], line: line))
            rest = rest[rest.index(after: end)...]
        }
        pending += rest
        if !pending.isEmpty { nodes.append(.text(pending)) }
        return nodes
    }

    /// `text` with every placeholder turned back into what the author wrote (`$tex$`, `$$tex$$`,
    /// `[^label]`): for raw HTML and link destinations, where maths and footnotes do not apply.
    static func source(_ text: String, formulas: [MathFormula], footnoteLabels: [String]) -> String {
        var result = ""
        for node in nodes(text, formulas: formulas, footnoteLabels: footnoteLabels, line: 0) {
            switch node {
            case .math(let formula): result += formula.display ? "$$\(formula.tex)$$" : "$\(formula.tex)$"
            case .footnoteReference(let label, _): result += "[^\(label)]"
            default: result += node.plainText
            }
        }
        return result
    }
}
