import Experiments
import Foundation
import Preview
import Testing
import Workbook

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `workbook serve` through its server: a real HTTP request on loopback, an edit, a rebuild.
@Suite("Live preview")
struct PreviewServerTests {
    static func get(_ url: URL) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test("serves the site with a reload script, rebuilds on save, shows build errors and keeps the last good pages")
    func serveRebuildReload() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "workbook-preview-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let chapters = root.appendingPathComponent("Chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        let chapter = chapters.appendingPathComponent("01-live.md")
        try Data("# Live\n\nFirst version.\n".utf8).write(to: chapter)
        var builder = SiteBuilder(
            chaptersDirectory: chapters, outputDirectory: root.appendingPathComponent("preview"),
            repositoryRoot: root, registry: ExperimentRegistry.standard)
        builder.usesCache = true
        let server = try PreviewServer(builder: builder, port: 0)
        let task = Task { try await server.run { _ in } }
        defer { task.cancel() }
        try await server.waitUntilListening()
        let port = try #require(await server.port)
        let base = try #require(URL(string: "http://127.0.0.1:\(port)/"))

        var (status, page) = try await Self.get(base.appendingPathComponent("01-live.html"))
        #expect(status == 200 && page.contains("First version.") && page.contains("/__workbook/status"))
        (status, page) = try await Self.get(base.appendingPathComponent("../etc/passwd"))
        #expect(status == 404)

        // An edit is picked up and rebuilt within a few seconds.
        try Data("# Live\n\nSecond version.\n".utf8).write(to: chapter)
        let deadline = ContinuousClock.now + .seconds(20)
        while server.status.version < 2 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(server.status.version == 2)
        (_, page) = try await Self.get(base.appendingPathComponent("01-live.html"))
        #expect(page.contains("Second version."))

        // A broken chapter reports its error; the last good page is still served.
        try Data("# Live\n\n`=nope.t.x`\n".utf8).write(to: chapter)
        while server.status.error == nil && ContinuousClock.now < deadline + .seconds(20) {
            try await Task.sleep(for: .milliseconds(100))
        }
        let (_, statusJSON) = try await Self.get(base.appendingPathComponent("__workbook/status"))
        #expect(statusJSON.contains("01-live.md:3"))
        (_, page) = try await Self.get(base.appendingPathComponent("01-live.html"))
        #expect(page.contains("Second version."))
    }
}
