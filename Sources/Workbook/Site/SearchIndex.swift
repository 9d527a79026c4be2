import Foundation

/// The client-side search index (`search-index.js`), built with the site as mdBook and Quarto do:
/// one entry per section of every chapter (page, anchor, chapter title, heading, plain text of the
/// prose, tables, exercises and glossary). Figures' SVG, maths markup, folded code, rerun commands
/// and explored combinations are left out. It is a script assigning `window.WORKBOOK_SEARCH_INDEX`
/// (not JSON fetched at run time) so that search works from `file://`.
enum SearchIndex {
    /// One searchable section.
    struct Entry: Encodable, Equatable {
        /// The page (`04-he-kaiming.html`).
        var p: String
        /// The heading's anchor (empty for the chapter's opening).
        var a: String
        /// The chapter title.
        var c: String
        /// The section heading (empty for the chapter's opening).
        var h: String
        /// The section's text.
        var x: String
    }

    /// The entries of one chapter page.
    static func entries(page: String, title: String, summary: String?, bodyHTML: String) -> [Entry] {
        let cleaned = removingUnsearchable(bodyHTML)
        var entries: [Entry] = []
        var anchor = ""
        var heading = ""
        var rest = Substring(cleaned)
        func flush(_ html: Substring) {
            var text = plainText(String(html))
            if anchor.isEmpty, let summary { text = summary + (text.isEmpty ? "" : " " + text) }
            if !text.isEmpty || !heading.isEmpty {
                entries.append(Entry(p: page, a: anchor, c: title, h: heading, x: text))
            }
        }
        while let open = nextHeading(in: rest) {
            flush(rest[..<open.start])
            anchor = open.id
            heading = plainText(String(rest[open.contentStart..<open.contentEnd]))
            rest = rest[open.end...]
        }
        flush(rest)
        return entries
    }

    /// The next `<hN id="…">…</hN>` (N = 2…4) in `html`.
    private static func nextHeading(
        in html: Substring
    ) -> (
        start: String.Index, id: String, contentStart: String.Index,
        contentEnd: String.Index, end: String.Index
    )? {
        var search = html.startIndex
        while let found = html[search...].firstByteRange(of: "<h") {
            search = found.upperBound
            guard let level = html[found.upperBound...].first, "234".contains(level) else { continue }
            let prefix = "<h\(level) id=\""
            guard html[found.lowerBound...].hasPrefix(prefix) else { continue }
            let idStart = html.index(found.lowerBound, offsetBy: prefix.count)
            guard let idEnd = html[idStart...].firstIndex(of: "\""),
                html[idEnd...].hasPrefix("\">"),
                let close = html[idEnd...].firstByteRange(of: "</h\(level)>")
            else { continue }
            let contentStart = html.index(idEnd, offsetBy: 2)
            return (found.lowerBound, String(html[idStart..<idEnd]), contentStart, close.lowerBound, close.upperBound)
        }
        return nil
    }

    /// The script defining the index; stable bytes for the same entries.
    static func script(_ entries: [Entry]) throws(WorkbookError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json: String
        do {
            json = String(decoding: try encoder.encode(entries), as: UTF8.self)
        } catch {
            throw WorkbookError(
                .io, file: "search-index.js", line: nil, "the search index could not be encoded: \(error)")
        }
        // `</script` cannot occur in JSON text that escapes nothing but quotes; guard anyway.
        return "window.WORKBOOK_SEARCH_INDEX = \(json.replacingOccurrences(of: "</", with: "<\\/"));\n"
    }

    /// Elements whose text is not prose: (opening text, closing text).
    static let unsearchable = [
        ("<template ", "</template>"), ("<svg ", "</svg>"),
        ("<details class=\"cell-fold\">", "</details>"), ("<pre class=\"cell-code\">", "</pre>"),
        ("<div class=\"rerun\">", "</div>"), ("<div class=\"explore-controls\"", "</div>"),
        ("<p class=\"downloads\">", "</p>"),
    ]

    /// `html` without ``unsearchable`` elements (none of them nests inside one of its own kind), and
    /// maths replaced by its TeX source (the MathML's annotation), which is what a reader types.
    static func removingUnsearchable(_ html: String) -> String {
        var text = ""
        var remaining = Substring(html)
        while let start = remaining.firstByteRange(of: "<math"),
            let end = remaining[start.upperBound...].firstByteRange(of: "</math>")
        {
            text += remaining[..<start.lowerBound]
            let math = remaining[start.upperBound..<end.lowerBound]
            let marker = "<annotation encoding=\"application/x-tex\">"
            if let open = math.firstByteRange(of: marker),
                let close = math[open.upperBound...].firstByteRange(of: "</annotation>")
            {
                text += " " + math[open.upperBound..<close.lowerBound] + " "
            }
            remaining = remaining[end.upperBound...]
        }
        text += remaining
        for (open, close) in unsearchable {
            var result = ""
            var rest = Substring(text)
            while let start = rest.firstByteRange(of: open) {
                result += rest[..<start.lowerBound]
                guard let end = rest[start.upperBound...].firstByteRange(of: close) else {
                    rest = rest[rest.endIndex...]
                    break
                }
                result += " "
                rest = rest[end.upperBound...]
            }
            text = result + rest
        }
        return text
    }

    /// The text of an HTML fragment: tags removed, the five escapes decoded, white space collapsed.
    static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if inTag {
                if character == ">" { inTag = false }
            } else if character == "<" {
                inTag = true
                text.append(" ")
            } else {
                text.append(character)
            }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
