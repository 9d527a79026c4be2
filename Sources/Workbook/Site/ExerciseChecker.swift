import Foundation
import Notebook

/// What `workbook check` found for one exercise.
public struct ExerciseCheckReport: Sendable, Equatable {
    /// The exercise number, "C.k".
    public var number: String
    /// The outcome of each check, in order (empty when the code did not run).
    public var checks: [CheckResult]
    /// Why the checks could not run (a compile error at `file:line`, the placeholder still in place, a trap), if so.
    public var problem: String?

    /// Whether the code ran and every check passed.
    public var passed: Bool { problem == nil && !checks.isEmpty && checks.allSatisfy(\.passed) }
}

extension SiteBuilder {
    /// Compiles the code of the chapter's checked exercises as written in `file` (the student's copy),
    /// each with the chapter cells before it, runs its checks and reports them; `only` picks one
    /// exercise ("3.2"). Exercises run one program each, so an unfinished one does not stop the others.
    public func checkExercises(in file: URL, only: String? = nil) throws(WorkbookError) -> [ExerciseCheckReport] {
        let displayPath = self.displayPath(file)
        let chapter = try ChapterFile(url: file.standardizedFileURL, displayPath: displayPath)
        var renderer = ChapterRenderer(
            chapter: chapter, registry: registry, repositoryRoot: repositoryRoot, overrides: [],
            cache: nil, cellEngine: cellEngine)
        let document = try renderer.parse(chapter.body, firstLine: chapter.lineOffset + 1)
        let (_, cells) = try renderer.experimentBlocksAndCells(in: document)
        let checked = renderer.exerciseCells.sorted { $0.key < $1.key }.filter { $0.value.checkLine != nil }
        let available = checked.map(\.value.number)
        if let only, !available.contains(only) {
            throw WorkbookError(
                .exercise, file: displayPath, line: nil,
                "no checked exercise \(only) in this chapter; checked exercises: "
                    + "\(available.isEmpty ? "(none)" : available.joined(separator: ", "))"
            )
        }
        var reports: [ExerciseCheckReport] = []
        for (fence, entry) in checked where only == nil || only == entry.number {
            let exerciseIDs: Set<String> = [entry.codeID, entry.codeID + "-check"]
            var program = cells.filter {
                exerciseIDs.contains($0.id) || (!$0.id.hasPrefix("exercise-") && $0.line < fence)
            }
            for index in program.indices { program[index].index = index }
            do throws(WorkbookError) {
                let (run, _) = try cellEngine.run(program, file: displayPath, overrides: [:])
                let checks = run.records.first { $0.id == entry.codeID + "-check" }?.checks ?? []
                reports.append(
                    ExerciseCheckReport(
                        number: entry.number, checks: checks,
                        problem: checks.isEmpty ? "the checks ran no check(…)" : nil))
            } catch {
                let placeholder = SolutionMarkers.placeholderMessage("Exercise \(entry.number)")
                let problem =
                    error.message.contains(placeholder)
                    ? "not done yet: replace the line fatalError(\"\(placeholder)\") with your code"
                    : error.description
                reports.append(ExerciseCheckReport(number: entry.number, checks: [], problem: problem))
            }
        }
        return reports
    }
}
