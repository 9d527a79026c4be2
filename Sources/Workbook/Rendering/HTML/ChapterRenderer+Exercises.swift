import Foundation
import Notebook

/// Checked programming exercises: starter code, the checks, and (instructor edition) the solution
/// code with the outcome of its checks.
extension ChapterRenderer {
    /// The cells of an exercise with code.
    struct ExerciseCells: Sendable {
        /// "C.k".
        var number: String
        /// The id of the code cell (the check cell is `ID-check`).
        var codeID: String
        /// The file line of the first check, if the exercise has checks.
        var checkLine: Int?
    }

    /// The outcome of an exercise's checks, when they ran.
    func checkResults(_ entry: ExerciseCells) -> [CheckResult]? {
        cellOutcomes.values.first { $0.cell.id == entry.codeID + "-check" }?.record.checks
    }

    /// In a build every instructor solution must pass its checks.
    func verifyExerciseChecks() throws(WorkbookError) {
        guard !lenient else { return }
        for entry in exerciseCells.values.sorted(by: { $0.number < $1.number }) {
            guard let results = checkResults(entry) else { continue }
            if results.isEmpty {
                throw WorkbookError(
                    .exercise, file: file, line: entry.checkLine,
                    "Exercise \(entry.number): '--- check' ran no check; call check(…) at least once")
            }
            if let failed = results.first(where: { !$0.passed }) {
                throw WorkbookError(
                    .exercise, file: file, line: entry.checkLine,
                    "Exercise \(entry.number): the solution fails its check: \(failed.message)")
            }
        }
    }

    /// The exercise's code section: starter code, how it is checked and the command that checks it.
    func exerciseCodeHTML(_ exercise: ExerciseBlock, number: String) throws(WorkbookError) -> String {
        guard let code = exercise.code else { return "" }
        let starter = try SolutionMarkers.starter(
            code.markdown, label: "Exercise \(number)", firstLine: code.firstLine, file: file)
        var html = "<p class=\"exercise-code-label\">Complete this code in your copy of the chapter:</p>\n"
        html +=
            "<pre class=\"cell-code exercise-code\"><code "
            + "class=\"language-swift\">\(HTMLEscaping.text(starter))</code></pre>\n"
        if let check = exercise.check {
            let command = (RerunCommand.invocation + ["check", ShellQuoting.quote(file), number]).joined(separator: " ")
            html += "<details class=\"exercise-checks\">\n<summary>How your code is checked</summary>\n"
            html +=
                "<pre><code "
                + "class=\"language-swift\">"
                + "\(HTMLEscaping.text(check.markdown.trimmingCharacters(in: .newlines)))</code></pre>\n"
            html += "<p>Run the checks:</p>\n<pre><code>\(HTMLEscaping.text(command))</code></pre>\n</details>\n"
        }
        return html
    }

    /// The instructor's solution code and the outcome of its checks (shown inside the solution).
    func exerciseSolutionCodeHTML(_ exercise: ExerciseBlock, line: Int) -> String {
        guard let code = exercise.code, SolutionMarkers.hasSolution(code.markdown) else { return "" }
        var html =
            "<pre class=\"cell-code\"><code "
            + "class=\"language-swift\">\(HTMLEscaping.text(SolutionMarkers.solution(code.markdown)))</code></pre>\n"
        if let entry = exerciseCells[line], let results = checkResults(entry), !results.isEmpty {
            html += "<ul class=\"check-results\">\n"
            for result in results {
                html += "<li>\(result.passed ? "✓" : "✗") \(HTMLEscaping.text(result.message))</li>\n"
            }
            html += "</ul>\n"
        }
        return html
    }
}
