/// `print.html`: the whole course on one page, in course order, for reading offline or printing to
/// PDF from the browser. Every chapter's ids are prefixed with its slug (`04-he-kaiming--fig-relu-1`)
/// so anchors stay unique, links between chapters become links within the page, and hints and
/// solutions are open. The edition decides what is there: the student edition has no solutions.
enum PrintPage {
    /// The page for `chapters` (already rendered, in course order).
    static func page(_ chapters: [RenderedChapter]) -> String {
        let pages = Dictionary(
            chapters.map { ($0.chapter.pageName, $0.chapter.name) }, uniquingKeysWith: { first, _ in first })
        var main = "<h1>\(HTMLEscaping.text(PageTemplate.siteTitle)): the whole course</h1>\n"
        main +=
            "<p class=\"lead\">Every chapter on one page, for reading offline or printing (use the browser's Print, "
            + "then Save as PDF). "
            + "The explorable figures show their published settings here.</p>\n"
        main +=
            "<nav class=\"toc\" aria-labelledby=\"print-contents\">\n<h2 id=\"print-contents\">Chapters</h2>\n<ol>\n"
        for rendered in chapters {
            let front = rendered.chapter.frontMatter
            main +=
                "<li value=\"\(front.order)\"><a "
                + "href=\"#\(HTMLEscaping.attribute(rendered.chapter.name))\">"
                + "\(HTMLEscaping.text(front.title))</a></li>\n"
        }
        main += "</ol>\n</nav>\n"
        for rendered in chapters {
            let chapter = rendered.chapter
            let front = chapter.frontMatter
            main +=
                "<article class=\"print-chapter\" id=\"\(HTMLEscaping.attribute(chapter.name))\">\n<header "
                + "class=\"chapter-header\">\n"
            main +=
                "<p class=\"chapter-number\">Chapter \(front.order)</p>\n<h2>\(HTMLEscaping.text(front.title))</h2>\n"
            if !rendered.objectivesHTML.isEmpty {
                main += "<section class=\"objectives\">\n<h3>Objectives</h3>\n<ul>\n"
                for objective in rendered.objectivesHTML { main += "<li>\(objective)</li>\n" }
                main += "</ul>\n</section>\n"
            }
            main += "</header>\n<div class=\"chapter-body\">\n"
            main += openingDetails(
                prefixingIDs(demotingHeadings(rendered.bodyHTML), chapter: chapter.name, pages: pages))
            main += "</div>\n</article>\n"
        }
        let seeds = Array(Set(chapters.flatMap(\.seeds))).sorted()
        return PageTemplate.page(
            title: "The whole course — \(PageTemplate.siteTitle)", main: main, seeds: seeds, rerender: nil)
    }

    /// Headings one level down (`<h2>` → `<h3>`, …, `<h6>` stays), under the chapter's `<h2>` title.
    static func demotingHeadings(_ html: String) -> String {
        var bytes = Array(html.utf8)
        let (less, slash, h, space, greater) = (
            UInt8(ascii: "<"), UInt8(ascii: "/"), UInt8(ascii: "h"), UInt8(ascii: " "), UInt8(ascii: ">")
        )
        var index = 0
        while index + 3 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == less else { continue }
            let tag = bytes[index + 1] == slash ? index + 2 : index + 1
            guard tag + 2 < bytes.count, bytes[tag] == h,
                (UInt8(ascii: "2")...UInt8(ascii: "5")).contains(bytes[tag + 1]),
                bytes[tag + 2] == space || bytes[tag + 2] == greater
            else { continue }
            bytes[tag + 1] += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Hints and solutions open, so they print.
    static func openingDetails(_ html: String) -> String {
        html.replacingOccurrences(of: "<details class=\"solution\">", with: "<details class=\"solution\" open>")
            .replacingOccurrences(of: "<details class=\"hint\">", with: "<details class=\"hint\" open>")
    }

    /// Attributes holding one id or a list of ids, and `href`.
    private static let idAttributes = ["id", "for", "aria-labelledby", "aria-describedby", "href"]

    /// `html` with every id of the chapter prefixed (`NAME--ID`), and links to chapter pages turned
    /// into links to their section of this page (`04-he-kaiming.html#x` → `#04-he-kaiming--x`).
    static func prefixingIDs(_ html: String, chapter: String, pages: [String: String]) -> String {
        var result = ""
        result.reserveCapacity(html.utf8.count + html.utf8.count / 20)
        var rest = Substring(html)
        while let quote = rest.firstByteRange(of: "=\"") {
            let before = rest[..<quote.lowerBound]
            guard let close = rest[quote.upperBound...].firstIndex(of: "\"") else { break }
            let value = rest[quote.upperBound..<close]
            let name = before.reversed().prefix { $0.isLetter || $0 == "-" }
            let attribute = String(name.reversed())
            result += rest[..<quote.upperBound]
            if idAttributes.contains(attribute) {
                result += rewrite(String(value), attribute: attribute, chapter: chapter, pages: pages)
            } else {
                result += value
            }
            result += "\""
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result.replacingOccurrences(of: "url(#", with: "url(#\(chapter)--")
    }

    private static func rewrite(_ value: String, attribute: String, chapter: String, pages: [String: String]) -> String
    {
        guard attribute == "href" else {
            return value.split(separator: " ").map { "\(chapter)--\($0)" }.joined(separator: " ")
        }
        if value.hasPrefix("#") { return "#\(chapter)--\(value.dropFirst())" }
        let parts = value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        if let target = pages[String(parts[0])] {
            return parts.count == 2 ? "#\(target)--\(parts[1])" : "#\(target)"
        }
        return value
    }
}
