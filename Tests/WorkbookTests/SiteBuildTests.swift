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
        let csv = try String(contentsOf: root.appendingPathComponent("site/data/01-sample/demo-layers.csv"), encoding: .utf8)
        try TestSupport.expectGolden(csv, "demo-layers.csv")
        let json = try String(contentsOf: root.appendingPathComponent("site/data/01-sample/demo-layers.json"), encoding: .utf8)
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
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import"), "nothing fetched from the network")
        #expect(html.contains("id=\"why-variance-matters\"") && html.contains("id=\"why-variance-matters-2\""))
        #expect(html.contains("Figure 1.") && html.contains("Figure 3.") && html.contains("Table 1."))
        #expect(html.contains("id=\"fig-demo-1\"") && html.contains("id=\"tab-demo-1\""))
        #expect(html.contains("workbook run fake-stats --set &#39;init=[normal(std=0.01), xavier-normal, kaiming-normal]&#39;"))
        #expect(html.contains("workbook render Chapters/01-sample.md"))
        #expect(html.contains("(diverged at step 3)"))
        #expect(html.contains("✓ Checked at build"))
        #expect(html.contains("Exercise 1.1"))
        #expect(html.contains("Seeds used on this page: 1, 7."))
        #expect(html.contains("swift run -c release workbook build"))
        #expect(html.contains("rel=\"next\" href=\"02-second.html\""))
        #expect(html.contains("<span class=\"computed\" title=\"Computed at build: demo.layers[init=normal(std=0.01), layer=3].std|sci2\">1.00e-06</span>"))
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
        let report = try TestSupport.builder(root).renderChapter(root.appendingPathComponent("Chapters/01-sample.md"),
                                                                 overrides: [("demo.depth", "5")], output: output)
        #expect(report.experimentsRun == 2)
        let html = try String(contentsOf: output.appendingPathComponent("01-sample.html"), encoding: .utf8)
        #expect(html.contains("workbook render Chapters/01-sample.md --set demo.depth=5"))
        #expect(html.contains("--set depth=5"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("style.css").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("data/01-sample/demo-layers.json").path))
        #expect(throws: WorkbookError.self) {
            try TestSupport.builder(root).renderChapter(root.appendingPathComponent("Chapters/01-sample.md"),
                                                        overrides: [("nope.depth", "5")], output: output)
        }
    }
}

@Suite("The student's loop")
struct StudentLoopTests {
    @Test("rendering twice into the same folder replaces the page")
    func renderTwice() throws {
        let root = try TestSupport.sampleRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("render")
        let chapter = root.appendingPathComponent("Chapters/01-sample.md")
        for depth in ["3", "4", "3"] {
            try TestSupport.builder(root).renderChapter(chapter, overrides: [("demo.depth", depth)], output: output)
            let html = try String(contentsOf: output.appendingPathComponent("01-sample.html"), encoding: .utf8)
            #expect(html.contains("(published: <code>3</code>)"))
            #expect(html.contains("<code>demo.depth</code> = <code>\(depth)</code>"))
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("style.css").path))
        }
    }

    @Test("under overrides a page still renders: missing values and failing claims are marked")
    func overridesNeverBreakThePage() throws {
        let root = try TestSupport.emptyRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let body = """
            # Cells

            ```swift
            //| id: n
            //| caption: Squares up to 3.
            let count = parameter("count", 3)
            var values = Table("values", columns: ["n", "square"])
            for n in 1...count { values.append(n, n * n) }
            show(values)
            ```

            The third square is `=n.values[n=3].square|int`.

            ```claim
            text: The largest square is 9.
            check: n.values.square@max == 9 within=0
            ```
            """
        try Data(TestSupport.chapter(body).utf8).write(to: root.appendingPathComponent("Chapters/01-cells.md"))
        let builder = TestSupport.builder(root)
        try builder.build()
        let output = root.appendingPathComponent("render")
        try builder.renderChapter(root.appendingPathComponent("Chapters/01-cells.md"), overrides: [("n.count", "2")], output: output)
        let html = try String(contentsOf: output.appendingPathComponent("01-cells.html"), encoding: .utf8)
        #expect(html.contains("[no value under these parameters]"))
        #expect(html.contains("✗ Does not hold under these parameters"))
        #expect(html.contains("(This caption describes the published parameters.)"))
        #expect(html.contains("<code>n.count</code> = <code>2</code> (published: <code>3</code>)"))
        // The build itself (no overrides) still fails on a false claim.
        try Data(TestSupport.chapter(body.replacingOccurrences(of: "== 9", with: "== 10")).utf8)
            .write(to: root.appendingPathComponent("Chapters/01-cells.md"))
        #expect(throws: WorkbookError.self) { try builder.build() }
    }

    @Test("commands find the package folder from a subfolder")
    func packageRoot() throws {
        let root = try TestSupport.emptyRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("// package\n".utf8).write(to: root.appendingPathComponent("Package.swift"))
        #expect(PackageRoot.find(from: root.appendingPathComponent("Chapters"))?.path == root.standardizedFileURL.path)
        #expect(PackageRoot.find(from: root)?.path == root.standardizedFileURL.path)
    }

    @Test("chapters outside the package never write an absolute path into a page")
    func noAbsolutePaths() throws {
        let root = try TestSupport.sampleRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-elsewhere-\(UUID().uuidString)/MyChapters")
        defer { try? FileManager.default.removeItem(at: elsewhere.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: elsewhere.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: root.appendingPathComponent("Chapters"), to: elsewhere)
        let builder = SiteBuilder(chaptersDirectory: elsewhere, outputDirectory: root.appendingPathComponent("site"),
                                  repositoryRoot: root, registry: testRegistry)
        try builder.build()
        for (path, data) in try TestSupport.snapshot(root.appendingPathComponent("site")) {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains(elsewhere.deletingLastPathComponent().path), "\(path) holds an absolute path")
        }
        let html = try String(contentsOf: root.appendingPathComponent("site/01-sample.html"), encoding: .utf8)
        #expect(html.contains("MyChapters/01-sample.md"))
    }
}

@Suite("Authoring conveniences")
struct AuthoringTests {
    static func build(_ chapters: [String: String]) throws -> (URL, Result<Void, WorkbookError>) {
        let root = try TestSupport.emptyRepository()
        for (name, text) in chapters {
            try Data(text.utf8).write(to: root.appendingPathComponent("Chapters/\(name)"))
        }
        do {
            try TestSupport.builder(root).build()
            return (root, .success(()))
        } catch {
            return (root, .failure(error))
        }
    }

    @Test("front matter is optional: the title is the first heading and the order the file-name prefix")
    func optionalFrontMatter() throws {
        let (root, outcome) = try Self.build(["03-plain.md": "# Plain chapter\n\nSome prose.\n\n## A section\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        try outcome.get()
        let html = try String(contentsOf: root.appendingPathComponent("site/03-plain.html"), encoding: .utf8)
        #expect(html.contains("<p class=\"chapter-number\">Chapter 3</p>\n<h1>Plain chapter</h1>"))
        #expect(html.components(separatedBy: "<h1").count == 2)
        #expect(!html.contains("Objectives") && !html.contains("Time:"))
        let (empty, failure) = try Self.build(["01-empty.md": "\n\n"])
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: WorkbookError.self) { try failure.get() }
        if case .failure(let error) = failure { #expect(error.message.contains("the chapter is empty")) }
    }

    @Test("chapters refer to each other by slug and get the current number")
    func crossReferences() throws {
        let (root, outcome) = try Self.build([
            "01-intro.md": "# Intro\n\nSee [](#ch:he-kaiming) and [the He chapter](#ch:he-kaiming/a-section).\n",
            "02-he-kaiming.md": "# He\n\n## A section\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        try outcome.get()
        let html = try String(contentsOf: root.appendingPathComponent("site/01-intro.html"), encoding: .utf8)
        #expect(html.contains("<a class=\"chapter-ref\" href=\"02-he-kaiming.html\" title=\"He\">Chapter 2</a>"))
        #expect(html.contains("href=\"02-he-kaiming.html#a-section\" title=\"He\">the He chapter</a>"))
        let (bad, failure) = try Self.build(["01-intro.md": "# Intro\n\nText.\n\nSee [](#ch:nope).\n"])
        defer { try? FileManager.default.removeItem(at: bad) }
        if case .failure(let error) = failure {
            #expect(error.line == 5 && error.message.contains("no chapter has the slug 'nope'") && error.message.contains("slugs: intro"))
        } else {
            Issue.record("an unknown slug was accepted")
        }
    }

    @Test("claims accept relative tolerances")
    func relativeTolerance() throws {
        let body = """
            # Claims

            ```swift
            //| id: t
            var t = Table("t", columns: ["x"])
            t.append(105.0)
            show(t)
            ```

            ```claim
            text: x is 100 within 10%.
            check: t.t.x == 100 within=10%
            ```
            """
        let (root, outcome) = try Self.build(["01-c.md": body])
        defer { try? FileManager.default.removeItem(at: root) }
        try outcome.get()
        let html = try String(contentsOf: root.appendingPathComponent("site/01-c.html"), encoding: .utf8)
        #expect(html.contains("t.t.x = 105 == 100 within 10%"))
        let (strict, failure) = try Self.build(["01-c.md": body.replacingOccurrences(of: "10%", with: "4%")])
        defer { try? FileManager.default.removeItem(at: strict) }
        #expect(throws: WorkbookError.self) { try failure.get() }
    }
}
