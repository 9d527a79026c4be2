import WeightInit

/// nbgrader's solution markers in exercise code: the lines between `// BEGIN SOLUTION` and
/// `// END SOLUTION` are the instructor's answer; the student's starter code has them replaced by one
/// `fatalError("…: write your code here")` line at the same indentation, which compiles and, if left in,
/// tells `workbook check` the exercise is not done yet.
enum SolutionMarkers {
    /// The placeholder's message for exercise `label` (e.g. "Exercise 3.2").
    static func placeholderMessage(_ label: String) -> String { "\(label): write your code here" }

    /// The starter version of `code`; errors name the line of an unbalanced marker.
    static func starter(_ code: String, label: String, firstLine: Int, file: String) throws(WorkbookError) -> String {
        var output: [String] = []
        var open: Int?
        for (offset, line) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingSpaces()
            if trimmed == "// BEGIN SOLUTION" {
                guard open == nil else {
                    throw WorkbookError(
                        .exercise, file: file, line: firstLine + offset,
                        "'// BEGIN SOLUTION' inside another solution region (opened on line \(open ?? 0))")
                }
                open = firstLine + offset
                let indent = line.prefix { $0 == " " || $0 == "\t" }
                output.append("\(indent)fatalError(\"\(placeholderMessage(label))\")")
            } else if trimmed == "// END SOLUTION" {
                guard open != nil else {
                    throw WorkbookError(
                        .exercise, file: file, line: firstLine + offset,
                        "'// END SOLUTION' without a '// BEGIN SOLUTION' before it")
                }
                open = nil
            } else if open == nil {
                output.append(String(line))
            }
        }
        if let open {
            throw WorkbookError(
                .exercise, file: file, line: open, "'// BEGIN SOLUTION' is never closed by '// END SOLUTION'")
        }
        return output.joined(separator: "\n")
    }

    /// Whether `code` has any solution region.
    static func hasSolution(_ code: String) -> Bool {
        code.split(separator: "\n").contains { $0.trimmingSpaces() == "// BEGIN SOLUTION" }
    }

    /// `code` without the marker lines (what the instructor's edition shows as the solution).
    static func solution(_ code: String) -> String {
        code.split(separator: "\n", omittingEmptySubsequences: false)
            .filter {
                let t = $0.trimmingSpaces()
                return t != "// BEGIN SOLUTION" && t != "// END SOLUTION"
            }
            .joined(separator: "\n")
    }
}
