import Foundation
import Testing

@testable import Workbook

/// What the site gives its reader besides the chapter pages: the search index, the whole course
/// on one page, the script, and one style per initialiser.
@Suite("Reader features")
struct ReaderFeaturesTests {
    @Test("the search index has one entry per section, with maths as TeX and no figures, folded code or commands")
    func searchIndex() throws {
        let body = """
            <p>Opening <em>words</em> &amp; more.</p>
            <h2 id="fans">Fans &lt;in&gt;</h2>
            <p>Var <math><semantics><mrow><mi>W</mi></mrow><annotation encoding="application/x-tex">\\mathrm{Var}(W)=2/n</annotation></semantics></math> for kaiming-normal.</p>
            <figure><svg class="chart"><title>std by layer</title><text>0.5</text></svg><figcaption>Figure 1. The caption.</figcaption></figure>
            <details class="cell-fold"><summary>Show</summary><pre class="cell-code"><code>let hiddenCode = 1</code></pre></details>
            <div class="rerun"><p>Rerun</p><pre><code>swift run workbook</code></pre></div>
            <h3 id="sub">Sub</h3><template data-key="x"><p>variant text</p></template><p>End.</p>
            """
        let entries = SearchIndex.entries(page: "04-x.html", title: "Chapter", summary: "The summary.", bodyHTML: body)
        #expect(entries.map(\.a) == ["", "fans", "sub"])
        #expect(entries.map(\.h) == ["", "Fans <in>", "Sub"])
        #expect(entries[0].x == "The summary. Opening words & more.")
        #expect(entries[1].x == "Var \\mathrm{Var}(W)=2/n for kaiming-normal. Figure 1. The caption.")
        #expect(entries[2].x == "End.")
        let script = try SearchIndex.script(entries)
        #expect(script.hasPrefix("window.WORKBOOK_SEARCH_INDEX = [{\"a\":\"\",\"c\":\"Chapter\""))
        #expect(try SearchIndex.script([.init(p: "a", a: "", c: "</script>", h: "", x: "")]).contains("<\\/script>"))
    }

    @Test("print.html prefixes every id and rewrites links between chapters into the page")
    func printIDs() {
        let html = """
            <h2 id="fans">Fans</h2><a href="#fans">here</a> <a href="05-y.html#top">there</a> <a href="05-y.html">chapter</a>
            <a href="data/x.csv">csv</a> <label for="c">c</label><svg aria-labelledby="t d"><path fill="url(#g)"/></svg>
            <details class="solution"><summary>Solution</summary></details>
            """
        let printed = PrintPage.openingDetails(
            PrintPage.prefixingIDs(
                PrintPage.demotingHeadings(html), chapter: "04-x",
                pages: ["05-y.html": "05-y", "04-x.html": "04-x"]))
        #expect(printed.contains("<h3 id=\"04-x--fans\">Fans</h3>"))
        #expect(printed.contains("<a href=\"#04-x--fans\">here</a>"))
        #expect(printed.contains("<a href=\"#05-y--top\">there</a>"))
        #expect(printed.contains("<a href=\"#05-y\">chapter</a>"))
        #expect(printed.contains("<a href=\"data/x.csv\">csv</a>"))
        #expect(printed.contains("<label for=\"04-x--c\">"))
        #expect(printed.contains("aria-labelledby=\"04-x--t 04-x--d\""))
        #expect(printed.contains("url(#04-x--g)"))
        #expect(printed.contains("<details class=\"solution\" open>"))
    }

    @Test("the built site has print.html with every chapter, site.js on every page, and a search index")
    func siteFiles() throws {
        let root = try TestSupport.sampleRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.builder(root).build()
        let site = root.appendingPathComponent("site")
        let chapters = try FileManager.default.contentsOfDirectory(atPath: site.path).filter {
            $0.first?.isNumber == true && $0.hasSuffix(".html")
        }
        #expect(!chapters.isEmpty)
        let printed = try String(contentsOf: site.appendingPathComponent("print.html"), encoding: .utf8)
        #expect(printed.components(separatedBy: "<article class=\"print-chapter\"").count - 1 == chapters.count)
        #expect(printed.components(separatedBy: "<h1").count - 1 == 1)
        for page in chapters + ["index.html", "print.html"] {
            let html = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
            #expect(html.contains("<script src=\"site.js\" defer></script>"), "\(page)")
        }
        let script = try String(contentsOf: site.appendingPathComponent("site.js"), encoding: .utf8)
        #expect(script == SiteScript.javascript)
        let index = try String(contentsOf: site.appendingPathComponent("search-index.js"), encoding: .utf8)
        for page in chapters { #expect(index.contains("\"p\":\"\(page)\""), "\(page) is not in the search index") }
    }

    @Test("an initialiser keeps its style in every chart; other series keep their position's style when free")
    func initializerStyles() {
        #expect(ChartStyle.styles(labels: ["xavier-normal", "kaiming-normal"]) == [1, 0])
        #expect(ChartStyle.styles(labels: ["kaiming-normal", "xavier-normal"]) == [0, 1])
        #expect(ChartStyle.styles(labels: ["he: kaiming-normal (mode=fan_out)"]) == [0])
        // Two series of one initialiser: the second takes a free style.
        let twice = ChartStyle.styles(labels: ["normal(std=0.01)", "normal(std=1)", "lecun-normal"])
        #expect(twice[0] == 6 && twice[2] == 3 && !Set([6, 3]).contains(twice[1]))
        // Labels naming no initialiser keep their positions.
        #expect(ChartStyle.styles(labels: ["tanh", "relu", "sigmoid"]) == [0, 1, 2])
        #expect(ChartStyle.styles(labels: ["tanh", "kaiming-normal"]) == [1, 0])
    }
}
