import Foundation
import FoundationXML
import Testing

@testable import Workbook

@Suite("Escaping")
struct EscapingTests {
    @Test("hostile titles, parameters, results and code never produce a raw <script>")
    func hostileChapter() throws {
        let root = try TestSupport.emptyRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let body = """

            ## <script>alert('h')</script> heading

            Inline <script>alert('i')</script> and `<script>code</script>` and [x](javascript:alert(1)).

            <script>alert('block')</script>

            ```experiment hostile
            id: h
            label: <script>alert('p')</script>
            table: echo
            plot: g
            histograms: h
            bars: echo x=<script>col</script> y=value
            caption: <script>alert('c')</script> caption
            ```

            ```<script>
            <script>alert('code')</script>
            ```

            Value: `=h.echo[value=2].value|int`
            """
        let title = "<script>alert('t')</script> & \"title\""
        try Data(TestSupport.chapter(body, title: title).utf8).write(
            to: root.appendingPathComponent("Chapters/01-hostile.md"))
        try TestSupport.builder(root).build()
        for page in ["01-hostile.html", "index.html"] {
            let html = try String(contentsOf: root.appendingPathComponent("site/\(page)"), encoding: .utf8)
            #expect(!TestSupport.withoutSiteScript(html).lowercased().contains("<script"), "raw <script> in \(page)")
            #expect(!html.contains("javascript:"))
            #expect(!html.contains("onclick"))
        }
        let html = try String(contentsOf: root.appendingPathComponent("site/01-hostile.html"), encoding: .utf8)
        #expect(html.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &amp; &quot;title&quot;"))
        #expect(
            html.contains(
                "--set &#39;label=&lt;script&gt;alert(&#39;\\&#39;&#39;p&#39;\\&#39;&#39;)&lt;/script&gt;&#39;"))
        for svg in TestSupport.svgElements(in: html) {
            _ = try XMLDocument(xmlString: svg, options: [])
        }
        let json = try String(
            contentsOf: root.appendingPathComponent("site/data/01-hostile/h-echo.json"), encoding: .utf8)
        #expect(!json.contains("<script"))
    }

    @Test("HTML escaping covers the five special characters and drops control characters")
    func escaping() {
        #expect(
            HTMLEscaping.text("<a href=\"x\">'&'</a>\u{1}") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLEscaping.safeURL("javascript:alert(1)") == nil)
        #expect(HTMLEscaping.safeURL(" JavaScript:alert(1)") == nil)
        #expect(HTMLEscaping.safeURL("data:text/html,x") == nil)
        #expect(HTMLEscaping.safeURL("02-second.html#top") == "02-second.html#top")
        #expect(HTMLEscaping.safeURL("https://example.org") == "https://example.org")
    }

    @Test("shell quoting keeps simple words bare and single-quotes the rest")
    func shellQuoting() {
        #expect(ShellQuoting.quote("depth=10") == "depth=10")
        #expect(
            ShellQuoting.quote("init=[normal(std=0.01), xavier-normal]") == "'init=[normal(std=0.01), xavier-normal]'")
        #expect(ShellQuoting.quote("it's") == "'it'\\''s'")
    }
}
