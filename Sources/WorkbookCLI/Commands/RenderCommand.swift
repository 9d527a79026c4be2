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

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Override a parameter of one block: --set id.key=value (repeatable).",
            valueName: "id.key=value"),
        transform: ParameterOverride.blockParameter)
    var settings: [ParameterOverride] = []

    @Option(
        help: "The folder to write the page, style.css and data files into (default: render/ in the package folder).")
    var output: String?

    @Flag(help: "Run every experiment instead of reusing results from .workbook-cache/.")
    var noCache = false

    func run() throws {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let root = PackageRoot.current
        let overrides = settings.map { ($0.name, $0.value) }
        var builder = SiteBuilder(
            chaptersDirectory: root.appendingPathComponent("Chapters"),
            outputDirectory: root.appendingPathComponent("site"),
            repositoryRoot: root, registry: ExperimentRegistry.standard)
        builder.usesCache = !noCache
        let outputURL =
            output.map { URL(fileURLWithPath: $0, relativeTo: here) } ?? root.appendingPathComponent("render")
        do {
            let report = try builder.renderChapter(
                URL(fileURLWithPath: chapter, relativeTo: here), overrides: overrides, output: outputURL)
            print(report.progressLine)
            print("wrote \(outputURL.appendingPathComponent(report.name + ".html").path)")
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
