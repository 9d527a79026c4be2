import Foundation
import FoundationXML
import Testing

@testable import Workbook

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
        try builder.renderChapter(
            root.appendingPathComponent("Chapters/01-cells.md"), overrides: [("n.count", "2")], output: output)
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
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent(
            "workbook-elsewhere-\(UUID().uuidString)/MyChapters")
        defer { try? FileManager.default.removeItem(at: elsewhere.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(
            at: elsewhere.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: root.appendingPathComponent("Chapters"), to: elsewhere)
        let builder = SiteBuilder(
            chaptersDirectory: elsewhere, outputDirectory: root.appendingPathComponent("site"),
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
