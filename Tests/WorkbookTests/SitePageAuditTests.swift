import Foundation
import Testing

@testable import Workbook

@Suite("Site page audit")
struct SitePageAuditTests {
    @Test("finds raw table rows and unresolved footnotes, ignores code, accepts rendered Markdown")
    func audit() throws {
        #expect(SitePageAudit.problems(in: "<p>| a | b |\n|---|---|</p>").count == 2)
        #expect(SitePageAudit.problems(in: "<p>See [^note].</p>") == ["unresolved footnote: [^note]"])
        #expect(
            SitePageAudit.problems(
                in: "<p><sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\">1</a></sup></p>")
                == ["footnote link to a missing anchor: #fn-1"])
        #expect(
            SitePageAudit.problems(
                in: "<pre><code>| a | b |\n|---|---|\n[^x]</code></pre><p>Use <code>[^x]</code>.</p>"
            ).isEmpty)
        let rendered = try ChapterRenderer.renderMarkdown(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^x].\n\n[^x]: Note.\n")
        #expect(SitePageAudit.problems(in: rendered).isEmpty, "\(SitePageAudit.problems(in: rendered))")
    }
}
