import WeightInit

/// A malformed list, naming the text.
package enum ListSyntaxError: Error, Equatable, CustomStringConvertible {
    /// Brackets or parentheses do not pair up.
    case unbalanced(String)
    /// A list item is empty (`[a, , b]`).
    case emptyItem(String)

    package var description: String {
        switch self {
        case .unbalanced(let text): return "unbalanced brackets or parentheses in '\(text)'"
        case .emptyItem(let text): return "an empty item in '\(text)'"
        }
    }
}
