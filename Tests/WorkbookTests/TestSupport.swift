import Foundation
import Testing

@testable import Workbook

/// Helpers for building fixture repositories in temporary folders.
enum TestSupport {
    /// The bundled fixtures folder.
    static var fixtures: URL {
        get throws {
            try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        }
    }

    /// The fixtures folder in the source tree (for updating golden files).
    static let sourceFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures")

    /// A fresh copy of `Fixtures/SampleRepo` in a temporary folder.
    static func sampleRepository() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-tests-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: try fixtures.appendingPathComponent("SampleRepo"), to: root)
        return root
    }

    /// An empty repository (a `Chapters` folder and a `Sources` folder) in a temporary folder.
    static func emptyRepository() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Chapters"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Sources/Demo"), withIntermediateDirectories: true)
        try Data("struct A {}\n".utf8).write(to: root.appendingPathComponent("Sources/Demo/A.swift"))
        return root
    }

    /// A builder for `root` with the fake registry.
    static func builder(_ root: URL, output: String = "site") -> SiteBuilder {
        SiteBuilder(
            chaptersDirectory: root.appendingPathComponent("Chapters"),
            outputDirectory: root.appendingPathComponent(output),
            repositoryRoot: root, registry: testRegistry)
    }

    /// Every file under `folder` with its contents.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in SiteDirectory.files(under: folder) {
            result[path] = try Data(contentsOf: folder.appendingPathComponent(path))
        }
        return result
    }

    /// A chapter with valid front matter around `body`.
    /// The site's own script tag, the one `<script` a page may contain.
    static let siteScriptTag = "<script src=\"site.js\" defer></script>"

    /// `html` without the site's own script tag, which must occur exactly once (else the result keeps it).
    static func withoutSiteScript(_ html: String) -> String {
        guard html.components(separatedBy: siteScriptTag).count == 2 else { return html }
        return html.replacingOccurrences(of: siteScriptTag, with: "")
    }

    static func chapter(_ body: String, title: String = "Test") -> String {
        "---\ntitle: \(title)\norder: 1\ntime: 5 min\nobjectives:\n  - Learn\n---\n" + body
    }

    /// Compares `actual` with the golden file `name`, rewriting it when WORKBOOK_UPDATE_GOLDEN=1.
    static func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        if ProcessInfo.processInfo.environment["WORKBOOK_UPDATE_GOLDEN"] == "1" {
            let url = sourceFixtures.appendingPathComponent("Golden").appendingPathComponent(name)
            try Data(actual.utf8).write(to: url)
            return
        }
        let url = try fixtures.appendingPathComponent("Golden").appendingPathComponent(name)
        let expected = try String(contentsOf: url, encoding: .utf8)
        if expected != actual {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            Issue.record(
                "golden \(name) differs at line \(first + 1): expected '\(first < a.count ? String(a[first]) : "<eof>")', got '\(first < b.count ? String(b[first]) : "<eof>")' (rerun with WORKBOOK_UPDATE_GOLDEN=1 to accept)",
                sourceLocation: sourceLocation)
        }
    }

    /// The `<svg>...</svg>` elements in `html`.
    static func svgElements(in html: String) -> [String] {
        var result: [String] = []
        var rest = Substring(html)
        while let start = rest.range(of: "<svg "), let end = rest[start.lowerBound...].range(of: "</svg>") {
            result.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }
}
