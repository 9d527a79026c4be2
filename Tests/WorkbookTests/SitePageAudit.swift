import Foundation

/// Finds Markdown that did not render on a built page: pipe-table rows left as paragraph text
/// and footnotes that are not resolved.
enum SitePageAudit {
    /// Problems in one page's HTML, each a short description (empty when the page is fine).
    static func problems(in html: String) -> [String] {
        var problems: [String] = []
        let text = withoutCode(html)
        // A table row left as text: a paragraph starting with "|", or a delimiter row "|---|".
        for pattern in [#"<p>\s*\|[^<]*"#, #"\|\s*:?-{3,}:?\s*\|"#] {
            for match in matches(pattern, in: text) { problems.append("raw table row: \(match.prefix(80))") }
        }
        // A footnote reference left as text.
        for match in matches(#"\[\^[^\]\s]+\]"#, in: text) { problems.append("unresolved footnote: \(match)") }
        // A footnote link (reference or back link) to an anchor that is not on the page.
        let ids = Set(matches(#"id="[^"]*""#, in: html).map { String($0.dropFirst(4).dropLast()) })
        for match in matches(##"href="#fn[^"]*""##, in: html) {
            let target = String(match.dropFirst(7).dropLast())
            if !ids.contains(target) { problems.append("footnote link to a missing anchor: #\(target)") }
        }
        return problems
    }

    /// `html` without the contents of `<pre>` and `<code>` elements (code may show any syntax).
    static func withoutCode(_ html: String) -> String {
        var result = html
        for pattern in [#"<pre[\s>][\s\S]*?</pre>"#, #"<code[\s>][\s\S]*?</code>"#] {
            result = result.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        return result
    }

    private static func matches(_ pattern: String, in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let range = rest.range(of: pattern, options: .regularExpression) {
            found.append(String(rest[range]))
            rest = rest[range.upperBound...]
        }
        return found
    }
}
