import ArgumentParser
import Experiments
import Foundation
import Preview
import Workbook

/// `workbook serve [--port 8000]`: a live preview of the course while you write it.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the site on localhost, rebuild it when a chapter is saved and reload open pages.",
        discussion: """
            The preview is built into .workbook-cache/preview (site/ is not touched) with the result cache, so
            prose and parameter edits are back within a second and a cell edit recompiles only its chapter.
            A failed rebuild keeps the last good pages and shows the error on them. Works offline.
            Example: swift run -c release workbook serve, then open http://127.0.0.1:8000/
            """
    )

    @Option(help: "The port on 127.0.0.1.")
    var port: UInt16 = 8000

    @Option(help: "The folder of chapters (default: Chapters/ in the package folder).")
    var chapters: String?

    @Option(help: "instructor or student.")
    var edition: Edition = .instructor

    func run() async throws {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let root = PackageRoot.current
        var builder = SiteBuilder(
            chaptersDirectory: chapters.map { URL(fileURLWithPath: $0, relativeTo: here) }
                ?? root.appendingPathComponent("Chapters"),
            outputDirectory: root.appendingPathComponent(".workbook-cache/preview"),
            repositoryRoot: root, registry: ExperimentRegistry.standard)
        builder.usesCache = true
        builder.edition = edition
        let server = try PreviewServer(builder: builder, port: port)
        print("serving http://127.0.0.1:\(port)/ (Ctrl-C to stop)")
        try await server.run { print($0) }
    }
}
