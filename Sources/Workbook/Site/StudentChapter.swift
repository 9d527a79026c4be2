import WeightInit

/// A chapter's Markdown as a student receives it: every exercise keeps its question, code (as
/// starter code), checks and hint, and loses its solution. Students complete the code in this copy
/// and run `workbook check` on it.
enum StudentChapter {
    /// `text` (the whole chapter file) with each exercise block of `exercises` (fence line, block) rewritten.
    static func markdown(
        _ text: String, exercises: [(fence: Int, block: ExerciseBlock, number: String)],
        file: String
    ) throws(WorkbookError) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Later blocks first, so earlier line numbers stay valid.
        for (fence, block, number) in exercises.sorted(by: { $0.fence > $1.fence }) {
            let start = fence  // 1-based fence line → index of the first body line
            guard start < lines.count,
                let end = lines[start...].firstIndex(where: { Self.isClosingFence($0, opening: lines[fence - 1]) })
            else { continue }
            var body = [block.question.markdown]
            if let code = block.code {
                body.append("--- code")
                body.append(
                    try SolutionMarkers.starter(
                        code.markdown, label: "Exercise \(number)", firstLine: code.firstLine, file: file))
            }
            if let check = block.check { body += ["--- check", check.markdown] }
            if let hint = block.hint { body += ["--- hint", hint.markdown] }
            body += ["--- solution", "(Removed in the student edition.)"]
            let rewritten = body.joined(separator: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(
                String.init)
            lines.replaceSubrange(start..<end, with: rewritten.last == "" ? Array(rewritten.dropLast()) : rewritten)
        }
        return lines.joined(separator: "\n")
    }

    /// Whether `line` closes the fence opened by `opening` (same character, at least as long).
    static func isClosingFence(_ line: String, opening: String) -> Bool {
        let open = opening.trimmingSpaces()
        guard let character = open.first else { return false }
        let length = open.prefix { $0 == character }.count
        let trimmed = line.trimmingSpaces()
        let run = trimmed.prefix { $0 == character }.count
        return run >= length && trimmed.dropFirst(run).trimmingSpaces().isEmpty
    }
}
