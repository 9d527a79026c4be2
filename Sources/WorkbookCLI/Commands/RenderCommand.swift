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
        Example: workbook render Chapters/02-small-and-large.md --set cs231n.depth=30
        """
    )

    @Argument(help: "The chapter file, e.g. Chapters/03-xavier.md.")
    var chapter: String

    @Option(name: .customLong("set"), help: "Override a parameter of one block: --set id.key=value (repeatable).")
    var settings: [String] = []

    @Option(help: "The folder to write the page, style.css and data files into.")
    var output: String = "render"

    @Flag(help: "Run every experiment instead of reusing results from .workbook-cache/.")
    var noCache = false

    func run() throws {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
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
        let outputURL = URL(fileURLWithPath: output, relativeTo: root)
        do {
            let report = try builder.renderChapter(URL(fileURLWithPath: chapter, relativeTo: root), overrides: overrides, output: outputURL)
            print(report.progressLine)
            print("wrote \(outputURL.appendingPathComponent(report.name + ".html").path)")
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
