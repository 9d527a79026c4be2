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
        var items: [String] = []
        var current = ""
        var depth = 0
        for character in body {
            switch character {
            case "(":
                depth += 1
                current.append(character)
            case ")":
                depth -= 1
                if depth < 0 { throw .unbalanced(text) }
                current.append(character)
            case "[", "]":
                throw .unbalanced(text)
            case "," where depth == 0:
                items.append(current.trimmingSpaces())
                current = ""
            default:
                current.append(character)
            }
        }
        if depth != 0 { throw .unbalanced(text) }
        let last = current.trimmingSpaces()
        if !last.isEmpty || !items.isEmpty { items.append(last) }
        if items.contains(where: \.isEmpty) { throw .emptyItem(text) }
        return items
    }
}
