import WeightInit

/// Splits the list syntax used by parameters: `[a, b(c=1, d=2), e]` or a single item.
///
/// Commas inside parentheses do not split. Unbalanced brackets or parentheses are errors.
package enum ListSyntax {
    /// The items of `text`, trimmed; a text without brackets is a one-item list.
    package static func items(_ text: String) throws(ListSyntaxError) -> [String] {
        var body = Substring(text.trimmingSpaces())
        if body.hasPrefix("[") {
            guard body.hasSuffix("]") else { throw .unbalanced(text) }
            body = body.dropFirst().dropLast()
        } else if body.hasSuffix("]") {
            throw .unbalanced(text)
        }
        guard !body.contains(where: { $0 == "[" || $0 == "]" }), Brackets.depths(body).balanced else {
            throw .unbalanced(text)
        }
        var items = Brackets.split(body) { $0 == "," }.map { $0.trimmingSpaces() }
        if items == [""] { items = [] }
        if items.contains(where: \.isEmpty) { throw .emptyItem(text) }
        return items
    }
}
