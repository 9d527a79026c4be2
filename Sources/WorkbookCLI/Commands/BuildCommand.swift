import ArgumentParser
import Experiments
import Foundation
import Workbook

/// `workbook build [--chapters Chapters] [--output site] [--check]`: builds the static site.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the static site from the chapters (runs every experiment, checks every claim).",
        discussion: """
            The site is written to a temporary folder and replaces OUTPUT only when every chapter succeeded.
            With --check nothing is written: the command lists files that a fresh build would change and
            exits non-zero if there are any.
            Example: swift run -c release workbook build
            """
    )

    @Option(help: "The folder of NN-slug.md chapters (default: Chapters/ in the package folder).")
    var chapters: String?

    @Option(help: "The site folder to (re)create (default: site/ in the package folder).")
    var output: String?

    @Option(help: "instructor (solutions included and checked; the default) or student (no solutions; starter code).")
    var edition: Edition = .instructor

    @Flag(help: "Build into a temporary folder and list files that differ from OUTPUT; exit 1 if any.")
    var check = false

    @Flag(help: "Run every experiment instead of reusing results from .workbook-cache/ (--check never uses the cache).")
    var noCache = false

    func run() throws {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let root = PackageRoot.current
        let outputURL = output.map { URL(fileURLWithPath: $0, relativeTo: here) } ?? root.appendingPathComponent("site")
        var builder = SiteBuilder(
            chaptersDirectory: chapters.map { URL(fileURLWithPath: $0, relativeTo: here) }
                ?? root.appendingPathComponent("Chapters"),
            outputDirectory: outputURL,
            repositoryRoot: root, registry: ExperimentRegistry.standard)
        builder.usesCache = !noCache && !check
        builder.edition = edition
        do {
            if check {
                let differences = try builder.check { print($0.progressLine) }
                if differences.isEmpty {
                    print("\(output ?? "site") is up to date")
                    return
                }
                for difference in differences { print(difference) }
                print(
                    "\(differences.count) file\(differences.count == 1 ? "" : "s") differ; rebuild with: swift run "
                        + "-c release workbook build"
                )
                throw ExitCode.failure
            }
            let report = try builder.build { print($0.progressLine) }
            print(
                "built \(report.chapters.count) chapter\(report.chapters.count == 1 ? "" : "s") into "
                    + "\(output ?? "site") in \(String(format: "%.2f", report.seconds)) s"
            )
        } catch let error as WorkbookError {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}

extension Edition: ExpressibleByArgument {}
