import FlyingFox
import Foundation
import Synchronization
import Workbook

/// `workbook serve`: builds the site into a preview folder, serves it on 127.0.0.1 and rebuilds it
/// whenever a chapter is saved; open pages reload themselves (``LiveReload``). Prose and parameter
/// edits are back within a second (everything else comes from the cache); a cell edit recompiles
/// that chapter. A failed rebuild keeps the last good pages and shows the error on them.
public final class PreviewServer: Sendable {
    /// What the server reports to pages.
    public struct Status: Sendable, Codable, Equatable {
        /// Incremented after every successful rebuild.
        public var version: Int
        /// The last rebuild's error (`file:line: message`), or nil.
        public var error: String?
    }

    private let builder: SiteBuilder
    private let watcher: ChapterWatcher
    private let state = Mutex(Status(version: 0, error: nil))
    private let server: HTTPServer

    /// A preview of `builder`'s chapters, written to `builder.outputDirectory`, on `port` (0: any free port).
    public init(builder: SiteBuilder, port: UInt16) throws {
        self.builder = builder
        self.watcher = ChapterWatcher(folder: builder.chaptersDirectory)
        self.server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), timeout: 30, logger: .disabled)
    }

    /// The current status.
    public var status: Status { state.withLock { $0 } }

    /// The port the server listens on, once it does.
    public var port: UInt16? {
        get async {
            if case .ip4(_, let port)? = await server.listeningAddress { return port }
            return nil
        }
    }

    /// Builds once, then serves and rebuilds on every change until the task is cancelled.
    /// `log` receives one line per build.
    public func run(log: @escaping @Sendable (String) -> Void) async throws {
        rebuild(log: log)
        let output = builder.outputDirectory
        await server.appendRoute(HTTPRoute("GET \(LiveReload.statusPath)")) { [self] _ in
            let status = self.status
            let body = (try? JSONEncoder().encode(status)) ?? Data("{}".utf8)
            return HTTPResponse(
                statusCode: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"], body: body)
        }
        await server.appendRoute("GET *") { [self] request in
            Self.file(request.path, in: output, version: self.status.version)
        }
        let watching = Task.detached { [self] in
            var last = watcher.fingerprint()
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(250))
                let current = watcher.fingerprint()
                if current != last {
                    last = current
                    rebuild(log: log)
                }
            }
        }
        defer { watching.cancel() }
        try await server.run()
    }

    /// Waits until the server accepts connections.
    public func waitUntilListening() async throws {
        try await server.waitUntilListening(timeout: 30)
    }

    private func rebuild(log: @Sendable (String) -> Void) {
        do {
            let report = try builder.build()
            let version = state.withLock { status -> Int in
                status.version += 1
                status.error = nil
                return status.version
            }
            log(
                "rebuilt \(report.chapters.count) chapters in \(String(format: "%.2f", report.seconds)) s (version "
                    + "\(version))"
            )
        } catch {
            state.withLock { $0.error = error.description }
            log("error: \(error)")
        }
    }

    /// The file for `path` under `root` (`/` is `index.html`); pages get the reload script.
    static func file(_ path: String, in root: URL, version: Int) -> HTTPResponse {
        let relative = path.split(separator: "/").map(String.init).filter { !$0.isEmpty }
        guard !relative.contains(".."), !relative.contains(where: { $0.hasPrefix(".") }) else {
            return HTTPResponse(statusCode: .notFound)
        }
        var url = relative.reduce(root) { $0.appendingPathComponent($1) }
        if relative.isEmpty { url = root.appendingPathComponent("index.html") }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return HTTPResponse(
                statusCode: .notFound, headers: [.contentType: "text/plain"], body: Data("not found: \(path)\n".utf8))
        }
        let types = [
            "html": "text/html; charset=utf-8", "css": "text/css", "json": "application/json", "csv": "text/csv",
            "md": "text/markdown; charset=utf-8", "svg": "image/svg+xml", "js": "text/javascript",
        ]
        let type = types[url.pathExtension] ?? "application/octet-stream"
        var body = data
        if url.pathExtension == "html" {
            body = Data(LiveReload.inject(into: String(decoding: data, as: UTF8.self), version: version).utf8)
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
    }
}
