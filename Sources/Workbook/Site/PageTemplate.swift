/// The HTML shell shared by every page: doctype, `lang`, stylesheet, skip link, header and footer.
enum PageTemplate {
    /// The site's name, shown in the header and page titles.
    static let siteTitle = "Initialization Workbook"
    /// The command that rebuilds the site, shown in every footer.
    static let rebuildCommand = "swift run -c release workbook build"

    /// A complete page around `main` (HTML inside `<main>`).
    static func page(title: String, main: String, seeds: [UInt64], rerender: String?, menu: String = "") -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta name=\"color-scheme\" content=\"light dark\">\n"
        html += "<title>\(HTMLEscaping.text(title))</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n"
        html += "<script src=\"site.js\" defer></script>\n</head>\n<body>\n"
        html += "<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n"
        html +=
            "<header class=\"site-header\">\n<nav aria-label=\"Site\"><a href=\"index.html\">\(siteTitle)</a> <a "
            + "class=\"print-link\" href=\"print.html\">Whole course on one page</a></nav>\n\(menu)</header>\n"
        html += "<main id=\"main\">\n\(main)</main>\n"
        html += "<footer class=\"site-footer\">\n"
        if seeds.isEmpty {
            html += "<p>No random seeds are used on this page.</p>\n"
        } else {
            html +=
                "<p>Seed\(seeds.count == 1 ? "" : "s") used on this page: "
                + "\(seeds.map(String.init).joined(separator: ", ")). Every number, table and figure was "
                + "computed when the site was built.</p>\n"
        }
        html += "<p>Rebuild the site: <code>\(rebuildCommand)</code>"
        if let rerender { html += " · this chapter only: <code>\(HTMLEscaping.text(rerender))</code>" }
        html += "</p>\n</footer>\n</body>\n</html>\n"
        return html
    }

    /// A chapter page: title block, objectives, contents, body and previous/next links.
    /// The chapter menu in every chapter page's header: a `<details>` list of all chapters (no script;
    /// it folds to one line on a phone), the current one marked with `aria-current`.
    static func chapterMenu(_ chapters: [ChapterFile], current: String) -> String {
        guard chapters.count > 1 else { return "" }
        var html =
            "<details class=\"chapter-menu\">\n<summary>Chapters</summary>\n<nav aria-label=\"Chapters of the "
            + "course\">\n<ol>\n"
        for chapter in chapters {
            let currentAttribute = chapter.name == current ? " aria-current=\"page\"" : ""
            html +=
                "<li value=\"\(chapter.frontMatter.order)\"><a "
                + "href=\"\(HTMLEscaping.attribute(chapter.pageName))\"\(currentAttribute)>"
                + "\(HTMLEscaping.text(chapter.frontMatter.title))</a></li>\n"
        }
        return html + "</ol>\n</nav>\n</details>\n"
    }

    static func chapterPage(
        _ rendered: RenderedChapter, previous: ChapterFile?, next: ChapterFile?, chapters: [ChapterFile] = []
    ) -> String {
        let front = rendered.chapter.frontMatter
        var main = "<article>\n<header class=\"chapter-header\">\n"
        main += "<p class=\"chapter-number\">Chapter \(front.order)</p>\n<h1>\(HTMLEscaping.text(front.title))</h1>\n"
        if let time = front.time { main += "<p class=\"chapter-meta\">Time: \(HTMLEscaping.text(time))</p>\n" }
        if !rendered.objectivesHTML.isEmpty {
            main +=
                "<section class=\"objectives\" aria-labelledby=\"objectives-title\">\n<h2 "
                + "id=\"objectives-title\">Objectives</h2>\n<ul>\n"
            for objective in rendered.objectivesHTML { main += "<li>\(objective)</li>\n" }
            main += "</ul>\n</section>\n"
        }
        main += "</header>\n"
        if !rendered.toc.isEmpty {
            main += "<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">Contents</h2>\n<ol>\n"
            var openSub = false
            for (index, entry) in rendered.toc.enumerated() {
                let link = "<a href=\"#\(entry.id)\">\(HTMLEscaping.text(entry.text))</a>"
                if entry.level <= 2 {
                    if openSub {
                        main += "</ol></li>\n"
                        openSub = false
                    } else if index > 0 {
                        main += "</li>\n"
                    }
                    main += "<li>\(link)"
                } else {
                    if !openSub {
                        main += index == 0 ? "<li><ol>\n" : "<ol>\n"
                        openSub = true
                    }
                    main += "<li>\(link)</li>\n"
                }
            }
            main += openSub ? "</ol></li>\n" : "</li>\n"
            main += "</ol>\n</nav>\n"
        }
        if let notice = rendered.noticeHTML { main += notice }
        main += "<div class=\"chapter-body\">\n\(rendered.bodyHTML)</div>\n</article>\n"
        if previous != nil || next != nil {
            main += "<nav class=\"pager\" aria-label=\"Chapters\">\n"
            if let previous {
                main +=
                    "<a class=\"previous\" rel=\"prev\" href=\"\(HTMLEscaping.attribute(previous.pageName))\">← "
                    + "Previous: \(HTMLEscaping.text(previous.frontMatter.title))</a>\n"
            }
            if let next {
                main +=
                    "<a class=\"next\" rel=\"next\" href=\"\(HTMLEscaping.attribute(next.pageName))\">Next: "
                    + "\(HTMLEscaping.text(next.frontMatter.title)) →</a>\n"
            }
            main += "</nav>\n"
        }
        return page(
            title: "\(front.title) — \(siteTitle)", main: main, seeds: rendered.seeds,
            rerender: "workbook render \(ShellQuoting.quote(rendered.chapter.displayPath))",
            menu: chapterMenu(chapters, current: rendered.chapter.name))
    }

    /// The course outline: every chapter's title, summary, objectives and time.
    static func outlinePage(_ chapters: [RenderedChapter], seeds: [UInt64]) -> String {
        var main =
            "<h1>\(siteTitle)</h1>\n<p class=\"lead\">A literate workbook on neural-network weight initialisation. "
            + "Every table, plot and number in its chapters was computed by the workbook's Swift code when this "
            + "site was built.</p>\n"
        main += "<h2 id=\"outline\">Course outline</h2>\n<ol class=\"outline\">\n"
        for rendered in chapters {
            let chapter = rendered.chapter
            let front = chapter.frontMatter
            main +=
                "<li class=\"outline-chapter\" value=\"\(front.order)\">\n<h3><a "
                + "href=\"\(HTMLEscaping.attribute(chapter.pageName))\">\(HTMLEscaping.text(front.title))</a></h3>\n"
            if let time = front.time {
                main += "<p class=\"chapter-meta\">Estimated time: \(HTMLEscaping.text(time))</p>\n"
            }
            if let summary = front.summary { main += "<p>\(HTMLEscaping.text(summary))</p>\n" }
            if !rendered.objectivesHTML.isEmpty {
                main += "<ul class=\"objectives-list\">\n"
                for objective in rendered.objectivesHTML { main += "<li>\(objective)</li>\n" }
                main += "</ul>\n"
            }
            main += "</li>\n"
        }
        main += "</ol>\n"
        return page(title: siteTitle, main: main, seeds: seeds, rerender: nil)
    }
}
