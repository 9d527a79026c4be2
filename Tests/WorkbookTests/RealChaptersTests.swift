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

    @Test("every chapter builds, every claim holds, and the committed site/ is fresh",
          .enabled(if: isOptimized, "needs an optimised build: swift test -c release"))
    func committedSiteIsFresh() throws {
        let root = Self.repositoryRoot
        let builder = SiteBuilder(chaptersDirectory: root.appendingPathComponent("Chapters"),
                                  outputDirectory: root.appendingPathComponent("site"),
                                  repositoryRoot: root, registry: ExperimentRegistry.standard)
        let differences = try builder.check()
        #expect(differences.isEmpty,
                "site/ is stale; rebuild with `swift run -c release workbook build`:\n\(differences.map(String.init(describing:)).joined(separator: "\n"))")
    }
}
