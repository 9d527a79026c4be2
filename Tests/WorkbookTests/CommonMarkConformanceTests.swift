import Foundation
import Testing

@testable import Workbook

/// The chapter renderer against the CommonMark 0.30 spec's 652 examples, as cmark, commonmark.js
/// and markdown-it are tested: each example's Markdown goes through the real renderer
/// (``ChapterRenderer/renderMarkdown(_:headings:file:)``: the same parse, preprocessing and
/// HTML code as a chapter, with directives off) and, normalised as the spec's `normalize.py`
/// does, must equal the spec's HTML.
///
/// The deliberate deviations are listed below by example number. Each listed example must
/// differ from the spec, and must equal libcmark's own renderer run on the tree after exactly
/// the documented change (``CommonMarkOracle``).
@Suite("CommonMark conformance")
struct CommonMarkConformanceTests {
    /// Raw HTML is never passed through (the site publishes no author HTML): an HTML block is
    /// shown escaped in `<p class="raw-html">`, inline HTML as escaped text, comments are dropped.
    static let rawHTMLExamples: Set<Int> = [
        21, 31, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168,
        169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190,
        191,
        201, 308, 309, 344, 474, 475, 476, 490, 493, 523, 535, 612, 613, 614, 615, 616, 622, 624, 627, 628, 629, 630,
        631,
        642, 643,
    ]

    /// Only relative, http, https and mailto URLs are linked (`irc:`, made-up schemes and
    /// `localhost:5001/…`, which browsers read as the scheme `localhost:`, are shown as text).
    static let linkSchemeExamples: Set<Int> = [595, 597, 598, 600]

    /// On a page, headings move down so the highest is `<h2>` under the page's `<h1>` title, and
    /// get `id` slugs. (Rendered as a bare fragment they are exactly CommonMark's.)
    static let headingLevelExamples: Set<Int> = [
        10, 62, 66, 67, 68, 72, 75, 76, 78, 79, 80, 81, 82, 83, 84, 115, 141, 214, 215, 227, 228, 229, 230, 232, 300,
    ]

    /// Examples with a `$`: under Pandoc's rule none of them is maths, so they are not deviations.
    static let dollarExamples: Set<Int> = [12, 143, 169, 627, 650]

    /// The documented deviations of example `number` when rendered as a fragment.
    static func deviations(of number: Int) -> Set<CommonMarkOracle.Deviation> {
        var result: Set<CommonMarkOracle.Deviation> = []
        if rawHTMLExamples.contains(number) { result.insert(.rawHTML) }
        if linkSchemeExamples.contains(number) { result.insert(.linkScheme) }
        return result
    }

    @Test("the fixture holds the spec's 652 examples")
    func fixture() throws {
        let examples = try CommonMarkExample.all()
        #expect(examples.count == 652)
        #expect(examples.first?.markdown == "\tfoo\tbaz\t\tbim\n")
        #expect(examples.last?.html == "<p>Multiple     spaces</p>\n")
    }

    @Test("every example renders as the spec expects, or deviates exactly as documented")
    func examples() throws {
        let examples = try CommonMarkExample.all()
        var exact = 0
        var documented = 0
        for example in examples {
            let actual = HTMLNormalizer.normalize(try ChapterRenderer.renderMarkdown(example.markdown))
            let expected = HTMLNormalizer.normalize(example.html)
            let deviations = Self.deviations(of: example.number)
            if deviations.isEmpty {
                #expect(
                    actual == expected,
                    "\(example): \(example.markdown.debugDescription)\nexpected \(expected.debugDescription)\n     got \(actual.debugDescription)"
                )
                if actual == expected { exact += 1 }
                continue
            }
            let oracle = CommonMarkOracle.render(example.markdown, applying: deviations)
            let deviated = HTMLNormalizer.normalize(oracle.html)
            #expect(
                oracle.applied == deviations,
                "\(example) is listed for \(deviations.map(\.rawValue).sorted()) but only \(oracle.applied.map(\.rawValue).sorted()) apply"
            )
            #expect(
                deviated != expected,
                "\(example) is listed as a deviation but the documented change leaves it as the spec expects")
            #expect(
                actual == deviated,
                "\(example): \(example.markdown.debugDescription)\ndocumented \(deviated.debugDescription)\n       got \(actual.debugDescription)"
            )
            if actual == deviated && deviated != expected { documented += 1 }
        }
        let listed = Self.rawHTMLExamples.union(Self.linkSchemeExamples).count
        #expect(listed == 75)
        #expect(exact == 652 - listed)
        #expect(documented == listed)
    }

    @Test("the deviation lists are exactly the examples with raw HTML, unlinked schemes or headings")
    func deviationListsAreComplete() throws {
        var found: [CommonMarkOracle.Deviation: Set<Int>] = [:]
        for example in try CommonMarkExample.all() {
            for deviation in CommonMarkOracle.render(
                example.markdown, applying: Set(CommonMarkOracle.Deviation.allCases)
            ).applied {
                found[deviation, default: []].insert(example.number)
            }
        }
        #expect(found[.rawHTML] == Self.rawHTMLExamples)
        #expect(found[.linkScheme] == Self.linkSchemeExamples)
        #expect(found[.headingLevels] == Self.headingLevelExamples)
    }

    @Test("on a page, headings move under the title exactly as documented and get unique slugs")
    func pageHeadings() throws {
        for example in try CommonMarkExample.all() {
            let page = try ChapterRenderer.renderMarkdown(example.markdown, headings: .underPageTitle)
            let ids = Self.headingIDs(in: page)
            #expect(Set(ids).count == ids.count, "\(example): duplicate heading ids \(ids)")
            for id in ids {
                #expect(
                    !id.isEmpty && id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" },
                    "\(example): id '\(id)'")
            }
            let withoutIDs = HTMLNormalizer.normalize(
                page.replacingOccurrences(of: #"(<h[1-6]) id="[^"]*""#, with: "$1", options: .regularExpression))
            var deviations = Self.deviations(of: example.number)
            if Self.headingLevelExamples.contains(example.number) { deviations.insert(.headingLevels) }
            let documented = HTMLNormalizer.normalize(
                deviations.isEmpty ? example.html : CommonMarkOracle.render(example.markdown, applying: deviations).html
            )
            #expect(
                withoutIDs == documented,
                "\(example) on a page:\ndocumented \(documented.debugDescription)\n       got \(withoutIDs.debugDescription)"
            )
        }
    }

    @Test("dollars, pipes and brackets in the spec are not maths, tables, footnotes or callouts")
    func extensionsLeaveTheSpecAlone() throws {
        let examples = try CommonMarkExample.all()
        #expect(Set(examples.filter { $0.markdown.contains("$") }.map(\.number)) == Self.dollarExamples)
        for example in examples where Self.dollarExamples.contains(example.number) {
            let html = try ChapterRenderer.renderMarkdown(example.markdown)
            #expect(!html.contains("<math"), "\(example)")
        }
        // No example has a table delimiter row, a footnote or a callout marker, so the extensions
        // change none of them (the test above compares all 652).
        #expect(examples.filter { $0.markdown.contains("[^") || $0.markdown.contains("> [!") }.isEmpty)
        for example in examples {
            #expect(!(try ChapterRenderer.renderMarkdown(example.markdown)).contains("<table"), "\(example)")
        }
    }

    @Test("the extensions render differently from CommonMark in the documented way")
    func documentedExtensions() throws {
        // Maths: CommonMark shows `$x^2$` as text; the workbook renders MathML.
        let maths = try ChapterRenderer.renderMarkdown("a $x^2$ b\n")
        #expect(CommonMarkOracle.render("a $x^2$ b\n", applying: []).html == "<p>a $x^2$ b</p>\n")
        #expect(maths.hasPrefix("<p>a <math") && maths.hasSuffix("</math> b</p>\n"))
        // Pipe tables: CommonMark shows the rows as a paragraph.
        let table = "| a | b |\n|---|--:|\n| 1 | 2 |\n"
        #expect(CommonMarkOracle.render(table, applying: []).html.hasPrefix("<p>| a | b |"))
        #expect(try ChapterRenderer.renderMarkdown(table).hasPrefix("<div class=\"table-scroll\">\n<table"))
        // Footnotes: CommonMark shows "[^1]" as text.
        let footnote = "Text[^1].\n\n[^1]: The note.\n"
        #expect(CommonMarkOracle.render(footnote, applying: []).html.contains("[^1]"))
        #expect(try ChapterRenderer.renderMarkdown(footnote).contains("<sup class=\"footnote-ref\">"))
        // Callouts: CommonMark shows a block quote starting with "[!NOTE]".
        let callout = "> [!NOTE]\n> Read this.\n"
        #expect(CommonMarkOracle.render(callout, applying: []).html.contains("[!NOTE]"))
        #expect(try ChapterRenderer.renderMarkdown(callout).hasPrefix("<aside class=\"callout callout-note\">"))
    }

    /// The `id`s of the headings in `html`.
    static func headingIDs(in html: String) -> [String] {
        var ids: [String] = []
        var rest = html[...]
        while let range = rest.range(of: #"<h[1-6] id=""#, options: .regularExpression) {
            let value = rest[range.upperBound...].prefix { $0 != "\"" }
            ids.append(String(value))
            rest = rest[range.upperBound...]
        }
        return ids
    }
}
