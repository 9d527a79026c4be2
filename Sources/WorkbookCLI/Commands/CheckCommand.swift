import ArgumentParser
import Experiments
import Foundation
import Workbook

/// `workbook check CHAPTER [EXERCISE]`: runs the checks of a chapter's programming exercises on your code.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check your code for a chapter's programming exercises.",
        discussion: """
            Compiles the exercise code as written in CHAPTER (your copy), runs it after the chapter's cells and
            reports each check. Exits 0 when every check passes.
            Example: swift run -c release workbook check Chapters/03-xavier-glorot.md 3.4
            """
    )

    @Argument(help: "The chapter file with your code, e.g. Chapters/03-xavier-glorot.md.")
    var chapter: String

    @Argument(help: "One exercise number, e.g. 3.4 (default: every checked exercise of the chapter).")
    var exercise: String?

    func run() throws {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let root = PackageRoot.current
        let builder = SiteBuilder(
            chaptersDirectory: root.appendingPathComponent("Chapters"),
            outputDirectory: root.appendingPathComponent("site"),
            repositoryRoot: root, registry: ExperimentRegistry.standard)
        let reports: [ExerciseCheckReport]
        do {
            reports = try builder.checkExercises(in: URL(fileURLWithPath: chapter, relativeTo: here), only: exercise)
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        if reports.isEmpty { print("this chapter has no checked exercises") }
        for report in reports {
            print("Exercise \(report.number): \(report.passed ? "passed" : "not passed")")
            if let problem = report.problem { print("  ✗ \(problem)") }
            for check in report.checks { print("  \(check.passed ? "✓" : "✗") \(check.message)") }
        }
        let passed = reports.filter(\.passed).count
        print("\(passed) of \(reports.count) exercise\(reports.count == 1 ? "" : "s") passed")
        if passed < reports.count { throw ExitCode.failure }
    }
}
