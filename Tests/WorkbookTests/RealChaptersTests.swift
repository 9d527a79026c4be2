import Experiments
import Foundation
import Testing
import Workbook

/// Builds the real `Chapters/` with the real experiments: every claim in the course is checked,
/// and the committed `site/` must be exactly what a fresh build produces.
///
/// Runs in optimised builds only (`swift test -c release`, the README's test command): the
/// experiments take seconds in release and many minutes unoptimised.
@Suite("The real chapters")
struct RealChaptersTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var isOptimized: Bool {
        #if DEBUG
        return false
        #else
        return true
        #endif
    }

    @Test(
        "every chapter builds, every claim holds, and the committed site/ is fresh",
        .enabled(if: isOptimized, "needs an optimised build: swift test -c release"))
    func committedSiteIsFresh() throws {
        let root = Self.repositoryRoot
        let builder = SiteBuilder(
            chaptersDirectory: root.appendingPathComponent("Chapters"),
            outputDirectory: root.appendingPathComponent("site"),
            repositoryRoot: root, registry: ExperimentRegistry.standard)
        let differences = try builder.check()
        #expect(
            differences.isEmpty,
            "site/ is stale; rebuild with `swift run -c release workbook build`:\n\(differences.map(String.init(describing:)).joined(separator: "\n"))"
        )
    }

    /// The problems ``SitePageAudit`` finds in every page of `folder`, by page.
    static func pageProblems(in folder: URL) throws -> [String] {
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }
            .sorted()
        #expect(!pages.isEmpty, "no pages in \(folder.path)")
        var problems: [String] = []
        for page in pages {
            let html = try String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)
            problems += SitePageAudit.problems(in: html).map { "\(page): \($0)" }
        }
        return problems
    }

    @Test("no page of the committed site/ shows a raw table row or an unresolved footnote")
    func committedPagesRenderTheirMarkdown() throws {
        let problems = try Self.pageProblems(in: Self.repositoryRoot.appendingPathComponent("site"))
        #expect(
            problems.isEmpty, "rebuild with `swift run -c release workbook build`:\n\(problems.joined(separator: "\n"))"
        )
    }

    @Test(
        "a fresh build of the chapters shows no raw table row or unresolved footnote, and renders the course's tables",
        .enabled(if: isOptimized, "needs an optimised build: swift test -c release"))
    func freshPagesRenderTheirMarkdown() throws {
        let root = Self.repositoryRoot
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let builder = SiteBuilder(
            chaptersDirectory: root.appendingPathComponent("Chapters"), outputDirectory: output,
            repositoryRoot: root, registry: ExperimentRegistry.standard)
        try builder.build()
        let problems = try Self.pageProblems(in: output)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        // The two pipe tables of the course: chapter 6's decision table and the appendix's lookup table.
        let decision = try String(contentsOf: output.appendingPathComponent("06-head-to-head.html"), encoding: .utf8)
        #expect(
            decision.contains(
                "<table class=\"markdown-table\">\n<thead>\n<tr><th scope=\"col\">Activation</th><th "
                    + "scope=\"col\">Initialiser</th>"
            ))
        let appendix = try String(contentsOf: output.appendingPathComponent("12-appendix.html"), encoding: .utf8)
        #expect(
            appendix.contains("<tr><th scope=\"col\">Workbook spec</th><th scope=\"col\">Distribution and scale</th>"))
        // 17 lookup rows (one per catalogue initialiser) + 6 workbook rows of the variance-scaling table.
        #expect(appendix.components(separatedBy: "<tr><td><code>").count - 1 == 17 + 6)
    }
}
