/// HTML comments (`<!-- … -->`) in chapters: notes for authors, dropped from the page.
enum HTMLComment {
    /// Whether inline raw HTML is a comment.
    static func isComment(_ raw: String) -> Bool { raw.hasPrefix("<!--") }

    /// `raw` (an HTML block) without its comments; an unclosed comment runs to the end, as in
    /// CommonMark's HTML blocks.
    static func removingComments(from raw: String) -> String {
        var result = ""
        var rest = Substring(raw)
        while let open = rest.firstByteRange(of: "<!--") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstByteRange(of: "-->") else { return result }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}
