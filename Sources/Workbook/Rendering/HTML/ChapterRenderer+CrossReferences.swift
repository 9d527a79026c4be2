/// Links between chapters by slug: `[](#ch:he-kaiming)` becomes "Chapter 4" linking to
/// `04-he-kaiming.html`, numbered by the current order, so inserting a chapter never leaves a stale
/// "Chapter 8" in the prose. `[the He chapter](#ch:he-kaiming)` keeps its text;
/// `#ch:he-kaiming/SECTION` links to a heading id on that page.
extension ChapterRenderer {
    /// A chapter another chapter can refer to.
    struct ChapterReference: Sendable {
        var order: Int
        var pageName: String
        var title: String
    }

    /// The slug of a chapter file name: `04-he-kaiming` → `he-kaiming`.
    static func slug(ofChapterNamed name: String) -> String {
        let rest = name.drop { $0.isNumber }
        return rest.hasPrefix("-") ? String(rest.dropFirst()) : name
    }

    mutating func crossReference(_ url: String, title: String, children: [MarkdownNode]) throws(WorkbookError) -> String
    {
        let target = url.dropFirst(4)
        let parts = target.split(separator: "/", maxSplits: 1)
        let slug = parts.first.map(String.init) ?? ""
        guard let reference = chapterReferences[slug] else {
            let known = chapterReferences.keys.sorted()
            throw WorkbookError(
                .reference, file: file, line: currentLine,
                "no chapter has the slug '\(slug)' in '\(url)'; slugs: "
                    + "\(known.isEmpty ? "(none)" : known.joined(separator: ", "))"
            )
        }
        var href = reference.pageName
        if parts.count == 2 { href += "#" + parts[1] }
        let inner = children.isEmpty ? "Chapter \(reference.order)" : try renderInlines(children)
        let titleAttribute = HTMLEscaping.attribute(title.isEmpty ? reference.title : title)
        return
            "<a class=\"chapter-ref\" href=\"\(HTMLEscaping.attribute(href))\" title=\"\(titleAttribute)\">\(inner)</a>"
    }
}
