import Foundation
import FoundationXML
import Testing

@testable import Workbook

@Suite("Site build")
struct SiteBuildTests {
    @Test("the sample chapter matches the golden HTML")
    func goldenChapter() throws {
        let root = try TestSupport.sampleRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try TestSupport.builder(root).build()
        #expect(report.chapters.map(\.name) == ["01-sample", "02-second"])
        #expect(report.chapters.map(\.experimentsRun) == [2, 0])
        let html = try String(contentsOf: root.appendingPathComponent("site/01-sample.html"), encoding: .utf8)
        try TestSupport.expectGolden(html, "01-sample.html")
        let index = try String(contentsOf: root.appendingPathComponent("site/index.html"), encoding: .utf8)
        try TestSupport.expectGolden(index, "index.html")
        let csv = try String(
            contentsOf: root.appendingPathComponent("site/data/01-sample/demo-layers.csv"), encoding: .utf8)
        try TestSupport.expectGolden(csv, "demo-layers.csv")
        let json = try String(
            contentsOf: root.appendingPathComponent("site/data/01-sample/demo-layers.json"), encoding: .utf8)
        try TestSupport.expectGolden(json, "demo-layers.json")
    }

    @Test("the page has the required structure")
    func structure() throws {
        let root = try TestSupport.sampleRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.builder(root).build()
        let html = try String(contentsOf: root.appendingPathComponent("site/01-sample.html"), encoding: .utf8)
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.components(separatedBy: "<h1").count == 2, "exactly one h1")
        #expect(html.contains("class=\"skip-link\" href=\"#main\""))
        #expect(!TestSupport.withoutSiteScript(html).lowercased().contains("<script"), "only the site's own script")
        #expect(
            !html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import"),
            "nothing fetched from the network")
        #expect(html.contains("id=\"why-variance-matters\"") && html.contains("id=\"why-variance-matters-2\""))
        #expect(html.contains("Figure 1.") && html.contains("Figure 3.") && html.contains("Table 1."))
        #expect(html.contains("id=\"fig-demo-1\"") && html.contains("id=\"tab-demo-1\""))
        #expect(
            html.contains(
                "workbook run fake-stats --set &#39;init=[normal(std=0.01), xavier-normal, kaiming-normal]&#39;"))
        #expect(html.contains("workbook render Chapters/01-sample.md"))
        #expect(html.contains("(diverged at step 3)"))
        #expect(html.contains("✓ Checked at build"))
        #expect(html.contains("Exercise 1.1"))
        #expect(html.contains("Seeds used on this page: 1, 7."))
        #expect(html.contains("swift run -c release workbook build"))
        #expect(html.contains("rel=\"next\" href=\"02-second.html\""))
        #expect(
            html.contains(
                "<span class=\"computed\" title=\"Computed at build: demo.layers[init=normal(std=0.01), "
                    + "layer=3].std|sci2\">1.00e-06</span>"
            ))
        #expect(html.contains("data/01-sample/demo-layers.csv"))
        #expect(html.contains("<math display=\"block\">"))
        #expect(html.contains("$5"))
        let second = try String(contentsOf: root.appendingPathComponent("site/02-second.html"), encoding: .utf8)
        #expect(second.contains("rel=\"prev\" href=\"01-sample.html\""))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/style.css").path))
    }

    @Test("every SVG on the page parses as XML and has title and desc")
    func svgParses() throws {
        let root = try TestSupport.sampleRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.builder(root).build()
        let html = try String(contentsOf: root.appendingPathComponent("site/01-sample.html"), encoding: .utf8)
        let svgs = TestSupport.svgElements(in: html)
        #expect(svgs.count == 3)
        for svg in svgs {
            let document = try XMLDocument(xmlString: svg, options: [])
            let rootElement = try #require(document.rootElement())
            #expect(rootElement.name == "svg")
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 "))
            #expect(rootElement.elements(forName: "title").count == 1)
            #expect(rootElement.elements(forName: "desc").count == 1)
        }
        try TestSupport.expectGolden(svgs[0], "line-chart.svg")
        try TestSupport.expectGolden(svgs[1], "histogram-grid.svg")
        try TestSupport.expectGolden(svgs[2], "bar-chart.svg")
    }

    @Test("building twice gives byte-identical files, and check finds no differences")
    func deterministic() throws {
        let root = try TestSupport.sampleRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let builder = TestSupport.builder(root)
        try builder.build()
        let first = try TestSupport.snapshot(root.appendingPathComponent("site"))
        try builder.build()
        let second = try TestSupport.snapshot(root.appendingPathComponent("site"))
        #expect(first.keys.sorted() == second.keys.sorted())
        #expect(first == second)
        #expect(try builder.check().isEmpty)
        try Data("changed".utf8).write(to: root.appendingPathComponent("site/index.html"))
        try Data("extra".utf8).write(to: root.appendingPathComponent("site/extra.txt"))
        let differences = try builder.check()
        let descriptions = differences.map(\.description)
        #expect(descriptions == ["extra: extra.txt", "changed: index.html"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".site") }
        #expect(leftovers.isEmpty)
    }

    @Test("render applies --set overrides and writes the page")
    func renderWithOverrides() throws {
        let root = try TestSupport.sampleRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("preview")
        let report = try TestSupport.builder(root).renderChapter(
            root.appendingPathComponent("Chapters/01-sample.md"),
            overrides: [("demo.depth", "5")], output: output)
        #expect(report.experimentsRun == 2)
        let html = try String(contentsOf: output.appendingPathComponent("01-sample.html"), encoding: .utf8)
        #expect(html.contains("workbook render Chapters/01-sample.md --set demo.depth=5"))
        #expect(html.contains("--set depth=5"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("style.css").path))
        #expect(
            FileManager.default.fileExists(
                atPath: output.appendingPathComponent("data/01-sample/demo-layers.json").path))
        #expect(throws: WorkbookError.self) {
            try TestSupport.builder(root).renderChapter(
                root.appendingPathComponent("Chapters/01-sample.md"),
                overrides: [("nope.depth", "5")], output: output)
        }
    }
}
