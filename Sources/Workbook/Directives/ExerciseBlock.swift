import WeightInit

/// A ```` ```exercise ```` block split into question, optional hint and solution (all Markdown) and,
/// for a checked programming exercise, Swift `code` (the solution between `// BEGIN SOLUTION` and
/// `// END SOLUTION`, nbgrader's markers) and Swift `check` statements run against it.
struct ExerciseBlock: Sendable, Equatable {
    /// A Markdown part and the file line of its first line.
    struct Part: Sendable, Equatable {
        /// The Markdown text.
        var markdown: String
        /// The file line of the first line of `markdown`.
        var firstLine: Int
    }

    /// The question.
    var question: Part
    /// The hint, if any.
    var hint: Part?
    /// The solution.
    var solution: Part
    /// Swift code the student completes (the instructor's version, with solution markers).
    var code: Part?
    /// Swift statements that check the code (`check(…)` calls).
    var check: Part?
    /// The fence line.
    var line: Int

    /// The section names, in the order they may appear.
    static let sectionNames = ["code", "check", "hint", "solution"]

    /// Splits the block body at `--- code`, `--- check`, `--- hint` and `--- solution` lines.
    static func parse(literal: String, line: Int, file: String) throws(WorkbookError) -> ExerciseBlock {
        let lines = literal.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var sections: [(name: String, start: Int, lines: [String])] = [("question", line + 1, [])]
        for (offset, text) in lines.enumerated() {
            let trimmed = text.trimmingSpaces()
            if trimmed.hasPrefix("---") && !trimmed.dropFirst(3).trimmingSpaces().isEmpty {
                let name = trimmed.dropFirst(3).trimmingSpaces()
                guard Self.sectionNames.contains(String(name)) else {
                    throw WorkbookError(
                        .exercise, file: file, line: line + 1 + offset,
                        "unknown exercise section '--- \(name)'; sections: "
                            + "\(Self.sectionNames.map { "'--- \($0)'" }.joined(separator: ", "))"
                    )
                }
                if sections.contains(where: { $0.name == name }) {
                    throw WorkbookError(.exercise, file: file, line: line + 1 + offset, "'--- \(name)' appears twice")
                }
                if name == "hint" && sections.contains(where: { $0.name == "solution" }) {
                    throw WorkbookError(
                        .exercise, file: file, line: line + 1 + offset, "'--- hint' must come before '--- solution'")
                }
                sections.append((name, line + 2 + offset, []))
            } else {
                sections[sections.count - 1].lines.append(text)
            }
        }
        func part(_ name: String) -> Part? {
            guard let section = sections.first(where: { $0.name == name }) else { return nil }
            let text = section.lines.joined(separator: "\n")
            return text.trimmingSpaces().isEmpty ? nil : Part(markdown: text, firstLine: section.start)
        }
        guard let question = part("question") else {
            throw WorkbookError(
                .exercise, file: file, line: line, "the exercise has no question before '--- hint' / '--- solution'")
        }
        guard let solution = part("solution") else {
            throw WorkbookError(
                .exercise, file: file, line: line,
                "the exercise has no solution: add a '--- solution' line followed by the answer")
        }
        let code = part("code"), check = part("check")
        if let code {
            _ = try SolutionMarkers.starter(code.markdown, label: "the exercise", firstLine: code.firstLine, file: file)
        }
        if check != nil && code == nil {
            throw WorkbookError(
                .exercise, file: file, line: line, "'--- check' needs a '--- code' section for the student to complete")
        }
        return ExerciseBlock(
            question: question, hint: part("hint"), solution: solution, code: code, check: check, line: line)
    }
}
