import ArgumentParser
import Experiments
import Foundation
import Workbook

/// `workbook render CHAPTER.md [--set id.key=value]... [--output DIR]`: renders one chapter.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one chapter, optionally changing experiment parameters.",
        discussion: """
        --set ID.KEY=VALUE changes parameter KEY of the experiment block with id ID.
        --set ID.KEY=VALUE also sets parameter KEY of the Swift cell with id ID (declared with parameter("KEY", …)).
        The page is written to OUTPUT (default: render/ in the package folder); other files there are kept.
        Example: swift run -c release workbook render Chapters/02-small-and-large-random.md --set cs231n.depth=30
        """
    )

    @Argument(help: "The chapter file, e.g. Chapters/03-xavier.md.")
    var chapter: String

    @Option(name: .customLong("set"), help: "Override a parameter of one block: --set id.key=value (repeatable).")
    var settings: [String] = []

    @Option(help: "The folder to write the page, style.css and data files into (default: render/ in the package folder).")
    var output: String?

    @Flag(help: "Run every experiment instead of reusing results from .workbook-cache/.")
    var noCache = false

    func run() throws {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let root = PackageRoot.current
        var overrides: [(String, String)] = []
        for setting in settings {
            guard let equals = setting.firstIndex(of: "="), setting[..<equals].contains(".") else {
                throw ValidationError("--set '\(setting)' must have the form id.key=value, e.g. cs231n.depth=30")
            }
            overrides.append((String(setting[..<equals]), String(setting[setting.index(after: equals)...])))
        }
        var builder = SiteBuilder(chaptersDirectory: root.appendingPathComponent("Chapters"),
                                  outputDirectory: root.appendingPathComponent("site"),
                                  repositoryRoot: root, registry: ExperimentRegistry.standard)
        builder.usesCache = !noCache
        let outputURL = output.map { URL(fileURLWithPath: $0, relativeTo: here) } ?? root.appendingPathComponent("render")
        do {
            let report = try builder.renderChapter(URL(fileURLWithPath: chapter, relativeTo: here), overrides: overrides, output: outputURL)
            print(report.progressLine)
            print("wrote \(outputURL.appendingPathComponent(report.name + ".html").path)")
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
