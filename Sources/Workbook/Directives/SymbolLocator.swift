import WeightInit

/// Finds a Swift declaration in source lines: its `///` comment, attributes, and body
/// up to the matching closing brace.
enum SymbolLocator {
    /// Declaration keywords recognised before a name.
    static let keywords = [
        "func", "struct", "enum", "class", "protocol", "extension", "var", "let",
        "init", "case", "typealias", "actor", "subscript", "static func", "static var", "static let",
    ]

    /// The 1-based line range of `symbol` (`NAME` or `KEYWORD NAME`), or nil.
    static func range(of symbol: String, in lines: [String]) -> ClosedRange<Int>? {
        let parts = symbol.split(separator: " ").map(String.init)
        guard let name = parts.last else { return nil }
        let keyword = parts.count > 1 ? parts.dropLast().joined(separator: " ") : nil
        guard let start = lines.indices.first(where: { declares(lines[$0], name: name, keyword: keyword) }) else {
            return nil
        }
        var first = start
        while first > 0 {
            let previous = lines[first - 1].trimmingSpaces()
            if previous.hasPrefix("///") || previous.hasPrefix("@") { first -= 1 } else { break }
        }
        return (first + 1)...(end(from: start, in: lines) + 1)
    }

    private static func declares(_ line: String, name: String, keyword: String?) -> Bool {
        let code = line.trimmingSpaces()
        if code.hasPrefix("//") { return false }
        let words = code.split(whereSeparator: {
            $0 == " " || $0 == "(" || $0 == ":" || $0 == "<" || $0 == "{" || $0 == "="
        })
        .map(String.init)
        for (index, word) in words.enumerated() {
            let isKeyword =
                keyword.map { $0.split(separator: " ").last.map(String.init) == word } ?? keywords.contains(word)
            guard isKeyword else { continue }
            if word == "init" && name == "init" { return true }
            if index + 1 < words.count && words[index + 1] == name { return true }
        }
        return false
    }

    /// The index of the last line of the declaration starting at `start`.
    private static func end(from start: Int, in lines: [String]) -> Int {
        var depth = 0
        var seenBrace = false
        var index = start
        while index < lines.count {
            var inString = false
            var previous: Character = " "
            for character in lines[index] {
                if character == "\"" && previous != "\\" { inString.toggle() }
                if !inString {
                    if character == "/" && previous == "/" { break }
                    if character == "{" {
                        depth += 1
                        seenBrace = true
                    }
                    if character == "}" { depth -= 1 }
                }
                previous = character
            }
            if seenBrace && depth <= 0 { return index }
            if !seenBrace {
                let trimmed = lines[index].trimmingSpaces()
                let next = index + 1 < lines.count ? lines[index + 1].trimmingSpaces() : ""
                let continues =
                    trimmed.hasSuffix(",") || trimmed.hasSuffix("(") || trimmed.hasSuffix("->")
                    || next.hasPrefix("{") || next.hasPrefix("->") || next.hasPrefix("throws")
                    || next.hasPrefix("where") || next.hasPrefix(")")
                if !continues { return index }
            }
            index += 1
        }
        return lines.count - 1
    }

    /// The lines joined, with their common leading whitespace removed.
    static func dedent(_ lines: [String]) -> String {
        let indents = lines.filter { !$0.trimmingSpaces().isEmpty }.map { $0.prefix { $0 == " " }.count }
        let common = indents.min() ?? 0
        return lines.map { $0.count >= common ? String($0.dropFirst(common)) : $0.trimmingSpaces() }.joined(
            separator: "\n")
    }
}
