import Foundation
import FoundationXML
import Testing

@testable import Workbook

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
            #expect(
                error.line == 5 && error.message.contains("no chapter has the slug 'nope'")
                    && error.message.contains("slugs: intro"))
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
