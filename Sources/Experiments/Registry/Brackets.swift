/// The one bracket-aware scanner: nesting depth through `(…)` and `[…]`, so list items, block
/// tokens, reference filters and claim operators are found only outside brackets.
package enum Brackets {
    /// The nesting depth after each character of `text`, and whether the brackets balance.
    ///
    /// `(` and `[` open, `)` and `]` close; the depth never goes below 0, and a closer at depth 0
    /// or an opener left open makes `balanced` false. `"a(b, c)d"` → `[0, 1, 1, 1, 1, 1, 0, 0]`.
    package static func depths(_ text: some StringProtocol) -> (depths: [Int], balanced: Bool) {
        var depths: [Int] = []
        depths.reserveCapacity(text.count)
        var depth = 0
        var balanced = true
        for character in text {
            switch character {
            case "(", "[":
                depth += 1
            case ")", "]":
                if depth == 0 { balanced = false } else { depth -= 1 }
            default:
                break
            }
            depths.append(depth)
        }
        return (depths, balanced && depth == 0)
    }

    /// Splits `text` at characters satisfying `isSeparator` outside brackets; separators are dropped.
    package static func split(_ text: some StringProtocol, where isSeparator: (Character) -> Bool) -> [String] {
        var parts: [String] = []
        var current = ""
        for (character, depth) in zip(text, depths(text).depths) {
            if depth == 0 && isSeparator(character) {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }

    /// The index of the bracket closing the one `text` starts with, or nil when it never closes.
    package static func closingIndex(in text: Substring) -> Substring.Index? {
        zip(text.indices, depths(text).depths).first { $0.1 == 0 }.map(\.0)
    }
}
