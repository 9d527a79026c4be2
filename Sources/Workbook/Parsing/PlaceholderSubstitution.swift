/// Turns the private-use placeholders ``MathPreprocessor`` left in cmark's text back into
/// formula nodes.
enum PlaceholderSubstitution {
    /// The nodes for one cmark text node.
    static func nodes(_ text: String, formulas: [MathFormula]) -> [MarkdownNode] {
        guard text.contains(MathPreprocessor.open) else { return [.text(text)] }
        var nodes: [MarkdownNode] = []
        var pending = ""
        var rest = Substring(text)
        while let start = rest.firstIndex(of: MathPreprocessor.open) {
            guard let end = rest[start...].firstIndex(of: MathPreprocessor.close),
                  let number = Int(rest[rest.index(after: start)..<end]), formulas.indices.contains(number) else {
                pending += rest[...start]
                rest = rest[rest.index(after: start)...]
                continue
            }
            pending += rest[..<start]
            if !pending.isEmpty { nodes.append(.text(pending)) }
            pending = ""
            nodes.append(.math(formulas[number]))
            rest = rest[rest.index(after: end)...]
        }
        pending += rest
        if !pending.isEmpty { nodes.append(.text(pending)) }
        return nodes
    }
}
