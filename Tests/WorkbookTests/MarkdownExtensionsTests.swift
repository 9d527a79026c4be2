import Foundation
import Testing

@testable import Workbook

/// The Markdown authors expect beyond CommonMark: GitHub pipe tables, footnotes and callouts,
/// maths that prices cannot trigger, and HTML comments that stay out of the page.
@Suite("Markdown extensions")
struct MarkdownExtensionsTests {
    static func render(_ markdown: String) throws -> String {
        try ChapterRenderer.renderMarkdown(markdown, file: "Chapters/01-test.md")
    }

    static func error(_ markdown: String) -> WorkbookError? {
        #expect(throws: WorkbookError.self) { try render(markdown) }
    }

    // MARK: Tables

    @Test("a pipe table becomes a table with column headers, alignment and inline Markdown in cells")
    func table() throws {
        let html = try Self.render(
            """
            | Activation | Initialiser | Gain |
            |:---|:---:|---:|
            | *tanh* | `xavier_uniform_` | 5/3 |
            | ReLU | [He](https://arxiv.org/abs/1502.01852) | √2 |
            """)
        #expect(
            html == """
                <div class="table-scroll">
                <table class="markdown-table">
                <thead>
                <tr><th scope="col" class="align-left">Activation</th><th scope="col" class="align-center">Initialiser</th><th scope="col" class="align-right">Gain</th></tr>
                </thead>
                <tbody>
                <tr><td class="align-left"><em>tanh</em></td><td class="align-center"><code>xavier_uniform_</code></td><td class="align-right">5/3</td></tr>
                <tr><td class="align-left">ReLU</td><td class="align-center"><a href="https://arxiv.org/abs/1502.01852">He</a></td><td class="align-right">√2</td></tr>
                </tbody>
                </table>
                </div>

                """)
    }

    @Test("escaped pipes stay in their cell, also inside code; rows are padded or cut to the header")
    func pipesAndRowLengths() throws {
        let html = try Self.render("a | b\n--- | ---\n`x \\| y` | p\\|q\nonly\n1 | 2 | 3\n")
        #expect(html.contains("<tr><td><code>x | y</code></td><td>p|q</td></tr>"))
        #expect(html.contains("<tr><td>only</td><td></td></tr>"))
        #expect(html.contains("<tr><td>1</td><td>2</td></tr>"))
        #expect(!html.contains("3"))
    }

    @Test("lines before the header stay a paragraph; a table needs a delimiter row of the header's width")
    func tableBoundaries() throws {
        let html = try Self.render("Intro *text*.\n| a | b |\n|---|---|\n| 1 | 2 |\n")
        #expect(html.hasPrefix("<p>Intro <em>text</em>.</p>\n<div class=\"table-scroll\">"))
        // Mismatched widths, no delimiter row, or no pipe: an ordinary paragraph.
        #expect(try Self.render("| a | b |\n|---|\n") == "<p>| a | b |\n|---|</p>\n")
        #expect(try Self.render("| a | b |\n| 1 | 2 |\n") == "<p>| a | b |\n| 1 | 2 |</p>\n")
        #expect(try Self.render("a\n---\n") == "<h2>a</h2>\n")
        #expect(try !Self.render("x | y\n\n--- | ---\n").contains("<table"))
    }

    @Test("cells resolve reference links, maths and footnotes, and escape raw HTML")
    func cellContents() throws {
        let html = try Self.render(
            """
            | a | b |
            |---|---|
            | [ref] | $x^2$ and <script>alert(1)</script> |
            | note[^n] | &amp; |

            [ref]: https://example.org/ref
            [^n]: A note.
            """)
        #expect(html.contains("<td><a href=\"https://example.org/ref\">ref</a></td>"))
        #expect(html.contains("<td><math"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script"))
        #expect(html.contains("<td>note<sup class=\"footnote-ref\"><a href=\"#fn-1\""))
        #expect(html.contains("<td>&amp;</td>"))
    }

    @Test("link reference definitions before a table stay definitions")
    func referenceDefinitionBeforeTable() throws {
        let html = try Self.render("[r]: https://example.org/r\n| a | b |\n|---|---|\n| [x][r] | 2 |\n")
        #expect(
            html
                == "<div class=\"table-scroll\">\n<table class=\"markdown-table\">\n<thead>\n<tr><th "
                + "scope=\"col\">a</th><th scope=\"col\">b</th></tr>\n</thead>\n<tbody>\n<tr><td><a "
                + "href=\"https://example.org/r\">x</a></td><td>2</td></tr>\n</tbody>\n</table>\n</div>\n"
        )
        let two = try Self.render("| a |\n|---|\n| 1 |\n\nText.\n\n| b |\n|:-:|\n| 2 |\n")
        #expect(two.components(separatedBy: "<table").count == 3)
        #expect(
            two.contains("<td>1</td>") && two.contains("<td class=\"align-center\">2</td>")
                && two.contains("<p>Text.</p>"))
    }

    @Test("a table inside a block quote or list item")
    func nestedTables() throws {
        let quoted = try Self.render("> | a | b |\n> |---|---|\n> | 1 | 2 |\n")
        #expect(quoted.hasPrefix("<blockquote>\n<div class=\"table-scroll\">"))
        #expect(quoted.contains("<td>1</td><td>2</td>"))
        let listed = try Self.render("- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n")
        #expect(listed.contains("<li><p>item</p>\n<div class=\"table-scroll\">"))
        #expect(listed.contains("<td>1</td><td>2</td>"))
    }

    @Test("an inline value in a table cell is located at its row's line")
    func cellLines() throws {
        let root = try TestSupport.emptyRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let text = TestSupport.chapter("\n| a | b |\n|---|---|\n| 1 | `=nope.t.x` |\n")
        try Data(text.utf8).write(to: root.appendingPathComponent("Chapters/01-bad.md"))
        let error = #expect(throws: WorkbookError.self) { try TestSupport.builder(root).build() }
        #expect(error?.line == 11, "\(String(describing: error))")
    }

    // MARK: Footnotes

    @Test("footnotes are numbered by first reference and listed at the end with back links")
    func footnotes() throws {
        let html = try Self.render(
            """
            First[^b], second[^a], again[^B].

            [^a]: Note *a*.
            [^b]: Note b.
            """)
        #expect(
            html.hasPrefix(
                "<p>First<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" aria-label=\"Footnote "
                    + "1\">1</a></sup>, second<sup class=\"footnote-ref\"><a href=\"#fn-2\" id=\"fnref-2\" "
                    + "aria-label=\"Footnote 2\">2</a></sup>, again<sup class=\"footnote-ref\"><a href=\"#fn-1\" "
                    + "id=\"fnref-1-2\" aria-label=\"Footnote 1\">1</a></sup>.</p>\n"
            ))
        #expect(
            html.contains(
                "<section class=\"footnotes\" aria-labelledby=\"footnotes\">\n<h2 id=\"footnotes\">Notes</h2>\n<ol>\n"))
        #expect(
            html.contains(
                "<li id=\"fn-1\">\n<p>Note b. <a href=\"#fnref-1\" class=\"footnote-back\" aria-label=\"Back to "
                    + "reference 1-1\">↩\u{FE0E}<sup>1</sup></a> <a href=\"#fnref-1-2\" class=\"footnote-back\" "
                    + "aria-label=\"Back to reference 1-2\">↩\u{FE0E}<sup>2</sup></a></p>\n</li>"
            ))
        #expect(
            html.contains(
                "<li id=\"fn-2\">\n<p>Note <em>a</em>. <a href=\"#fnref-2\" class=\"footnote-back\" "
                    + "aria-label=\"Back to reference 2\">↩\u{FE0E}</a></p>\n</li>"
            ))
        #expect(html.hasSuffix("</ol>\n</section>\n"))
        #expect(!html.contains("[^"))
    }

    @Test("a definition may hold several indented blocks and runs until the indentation ends")
    func longDefinitions() throws {
        let html = try Self.render(
            """
            See[^long].

            [^long]: First paragraph
            lazily continued.

                Second paragraph.

                    code in the note

            After the note.
            """)
        #expect(html.hasPrefix("<p>See<sup"))
        #expect(html.contains("<p>After the note.</p>\n<section class=\"footnotes\""))
        #expect(
            html.contains(
                "<li id=\"fn-1\">\n<p>First paragraph\nlazily continued.</p>\n<p>Second "
                    + "paragraph.</p>\n<pre><code>code in the note\n</code></pre>\n<p><a href=\"#fnref-1\""
            ))
    }

    @Test("footnote syntax in code, escaped or mid-paragraph is left alone")
    func notFootnotes() throws {
        let html = try Self.render("Text `[^x]` and \\[^y] here.\n\n```\n[^z]: code\n```\n")
        #expect(html == "<p>Text <code>[^x]</code> and [^y] here.</p>\n<pre><code>[^z]: code\n</code></pre>\n")
    }

    @Test("raw HTML and link destinations keep their dollars and footnote brackets as written")
    func placeholdersInRawText() throws {
        #expect(
            try Self.render("<div>$x$ [^n]</div>\n") == "<p class=\"raw-html\">&lt;div&gt;$x$ [^n]&lt;/div&gt;</p>\n")
        #expect(try Self.render("[a](/p$x$q \"t $y$\")\n") == "<p><a href=\"/p$x$q\" title=\"t $y$\">a</a></p>\n")
    }

    @Test("an undefined, unused or duplicate footnote is an error naming file, line and the choices")
    func footnoteErrors() {
        let undefined = Self.error("Intro.\n\nA[^one] and B[^two].\n\n[^one]: One.\n")
        #expect(
            undefined?.description == "Chapters/01-test.md:3: footnote [^two] is not defined; defined footnotes: [^one]"
        )
        let none = Self.error("A[^x].\n")
        #expect(
            none?.description.hasPrefix(
                "Chapters/01-test.md:1: footnote [^x] is not defined; this page defines no footnotes") == true)
        let unused = Self.error("A[^a].\n\n[^a]: A.\n[^b]: B.\n")
        #expect(
            unused?.description
                == "Chapters/01-test.md:4: footnote [^b] is defined but never referenced; refer to it with [^b] or "
                + "delete it"
        )
        let duplicate = Self.error("A[^a].\n\n[^a]: A.\n\n[^A]: Again.\n")
        #expect(
            duplicate?.description
                == "Chapters/01-test.md:5: footnote [^a] is already defined on line 3; define each footnote once")
        #expect(undefined?.kind == .markdown)
    }

    @Test("a definition right under a block quote or callout ends it, as a block start does")
    func definitionAfterQuote() throws {
        let html = try Self.render("A[^1].\n\n> [!TIP]\n> Quoted.\n[^1]: The note.\n")
        #expect(html.hasPrefix("<p>A<sup"))
        #expect(
            html.contains(
                "<aside class=\"callout callout-tip\">\n<p "
                    + "class=\"callout-title\">Tip</p>\n<p>Quoted.</p>\n</aside>\n<section class=\"footnotes\""
            ))
        #expect(html.contains("<p>The note. <a href=\"#fnref-1\""))
    }

    @Test("a footnote URL is not taken for a link reference definition")
    func footnoteNotALinkDefinition() throws {
        let html = try Self.render("See[^1].\n\n[^1]: https://example.org\n")
        #expect(html.hasPrefix("<p>See<sup class=\"footnote-ref\">"))
        #expect(html.contains("<li id=\"fn-1\">\n<p>https://example.org <a href=\"#fnref-1\""))
    }

    // MARK: Callouts

    @Test(
        "callouts become asides with a title",
        arguments: [("NOTE", "note", "Note"), ("tip", "tip", "Tip"), ("Warning", "warning", "Warning")])
    func callouts(_ marker: String, _ kind: String, _ title: String) throws {
        let html = try Self.render("> [!\(marker)]\n> Mind the *gain*.\n>\n> - a list\n")
        #expect(
            html
                == "<aside class=\"callout callout-\(kind)\">\n<p class=\"callout-title\">\(title)</p>\n<p>Mind the "
                + "<em>gain</em>.</p>\n<ul>\n<li>a list\n</li>\n</ul>\n</aside>\n"
        )
    }

    @Test("an unknown callout is an error listing the valid ones; an ordinary quote stays a quote")
    func calloutErrors() throws {
        let error = Self.error("Text.\n\n> [!DANGER]\n> Careful.\n")
        #expect(
            error?.description
                == "Chapters/01-test.md:3: unknown callout '[!DANGER]'; callouts: [!NOTE], [!TIP], [!WARNING]")
        #expect(try Self.render("> Just [!a quote].\n") == "<blockquote>\n<p>Just [!a quote].</p>\n</blockquote>\n")
    }

    // MARK: Maths

    @Test(
        "Pandoc's dollar rule: prices are text, formulas are maths",
        arguments: [
            ("It costs $5 and $6.", 0), ("From $20,000 to $30,000.", 0), ("A $ x$ and $x $ are text.", 0),
            ("Math $x$ here.", 1), ("Two $a$ and $b$.", 2), ("Escaped \\$x$ is text.", 0), ("$x$5 is text.", 0),
            ("Between $5 and 6$ it is maths.", 1), ("A lone $ sign.", 0), ("`$x$` is code.", 0),
        ])
    func dollars(_ line: String, _ formulas: Int) throws {
        let html = try Self.render(line + "\n")
        #expect(html.components(separatedBy: "<math").count - 1 == formulas, "\(html)")
        if formulas == 0 { #expect(html.contains("$")) }
    }

    // MARK: HTML comments

    @Test("HTML comments are dropped, block and inline; other raw HTML is still shown escaped")
    func comments() throws {
        #expect(
            try Self.render("<!-- a note\nfor authors -->\n\nText <!-- inline --> more.\n") == "<p>Text  more.</p>\n")
        #expect(
            try Self.render("<div>\n<!-- hidden --><b>shown</b>\n</div>\n")
                == "<p class=\"raw-html\">&lt;div&gt;\n&lt;b&gt;shown&lt;/b&gt;\n&lt;/div&gt;</p>\n")
        #expect(try Self.render("a <b>bold</b>\n") == "<p>a &lt;b&gt;bold&lt;/b&gt;</p>\n")
    }
}
