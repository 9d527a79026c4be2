import Foundation
import Testing

@testable import Workbook

/// Checked programming exercises, editions and `workbook check`.
@Suite("Checked exercises and editions")
struct ExerciseCheckTests {
    static let body = """
        # Exercises

        ```swift
        let fanIn = 256
        ```

        ````exercise
        Write `xavierBound(fanIn:fanOut:)`, the bound b of xavier-uniform's U[−b, b].
        --- code
        func xavierBound(fanIn: Int, fanOut: Int) -> Double {
            // BEGIN SOLUTION
            let secretAnswerLine = (6.0 / Double(fanIn + fanOut)).squareRoot()
            return secretAnswerLine
            // END SOLUTION
        }
        --- check
        check("xavierBound(fanIn: 256, fanOut: 512)", xavierBound(fanIn: fanIn, fanOut: 512),
              equals: (6.0 / 768).squareRoot(), within: 1e-4, expected: "√(6/768)")
        --- hint
        Var(U[−b, b]) = b²/3.
        --- solution
        The uniqueSolutionProse: b = √(6/(fan_in + fan_out)).
        ````
        """

    static func repository(_ body: String = body) throws -> URL {
        let root = try TestSupport.emptyRepository()
        try Data(TestSupport.chapter(body).utf8).write(to: root.appendingPathComponent("Chapters/01-ex.md"))
        return root
    }

    @Test("the instructor edition runs the solution's checks and shows the starter code and the solution")
    func instructorEdition() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.builder(root).build()
        let html = try String(contentsOf: root.appendingPathComponent("site/01-ex.html"), encoding: .utf8)
        #expect(html.contains("fatalError(&quot;Exercise 1.1: write your code here&quot;)"))
        #expect(html.contains("✓ xavierBound(fanIn: 256, fanOut: 512) = 0.08839, as expected"))
        #expect(html.contains("uniqueSolutionProse") && html.contains("secretAnswerLine"))
        #expect(html.contains("swift run -c release workbook check Chapters/01-ex.md 1.1"))
    }

    @Test("a solution that fails its check fails the build at the check's line")
    func failingSolution() throws {
        let root = try Self.repository(
            Self.body.replacingOccurrences(of: "(6.0 / Double(fanIn + fanOut))", with: "(2.0 / Double(fanIn + fanOut))")
        )
        defer { try? FileManager.default.removeItem(at: root) }
        do {
            try TestSupport.builder(root).build()
            Issue.record("a wrong solution was accepted")
        } catch {
            #expect(error.kind == .exercise)
            #expect(
                error.message.contains(
                    "Exercise 1.1: the solution fails its check: xavierBound(fanIn: 256, fanOut: 512) returned "
                        + "0.05103; expected 0.08839 (√(6/768)) ± 1.000e-04"
                ))
            #expect(error.line == 7 + 17, "the first line of the check")
        }
    }

    @Test("the student edition holds no solution anywhere and offers the chapter's student Markdown")
    func studentEdition() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        var builder = TestSupport.builder(root)
        builder.edition = .student
        try builder.build()
        let files = try TestSupport.snapshot(root.appendingPathComponent("site"))
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("uniqueSolutionProse"), "\(path) holds solution text")
            #expect(!text.contains("secretAnswerLine"), "\(path) holds solution code")
        }
        let markdown = try #require(files["chapters/01-ex.md"].map { String(decoding: $0, as: UTF8.self) })
        #expect(markdown.contains("fatalError(\"Exercise 1.1: write your code here\")"))
        #expect(markdown.contains("Var(U[−b, b]) = b²/3."))
        let html = try #require(files["01-ex.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(html.contains("Student edition.") && html.contains("href=\"chapters/01-ex.md\""))
        #expect(!html.contains("<summary>Solution</summary>"))
        // The student's copy, unchanged, is "not done yet"; completed, it passes; wrong, it teaches.
        let copy = root.appendingPathComponent("Chapters/01-ex.md")
        try Data(markdown.utf8).write(to: copy)
        var reports = try builder.checkExercises(in: copy)
        #expect(reports.count == 1 && !reports[0].passed)
        #expect(reports[0].problem?.contains("not done yet") == true)
        let placeholder = "fatalError(\"Exercise 1.1: write your code here\")"
        try Data(markdown.replacingOccurrences(of: placeholder, with: "return 1.0 / 16").utf8).write(to: copy)
        reports = try builder.checkExercises(in: copy, only: "1.1")
        #expect(
            reports[0].checks.map(\.message) == [
                "xavierBound(fanIn: 256, fanOut: 512) returned 0.0625; expected 0.08839 (√(6/768)) ± 1.000e-04"
            ])
        try Data(
            markdown.replacingOccurrences(of: placeholder, with: "return (6.0 / Double(fanIn + fanOut)).squareRoot()")
                .utf8
        ).write(to: copy)
        reports = try builder.checkExercises(in: copy)
        #expect(reports.map(\.passed) == [true])
        try Data(markdown.replacingOccurrences(of: placeholder, with: "return undefinedName").utf8).write(to: copy)
        reports = try builder.checkExercises(in: copy)
        #expect(reports[0].problem?.contains("cannot find 'undefinedName' in scope") == true)
        #expect(throws: WorkbookError.self) { try builder.checkExercises(in: copy, only: "1.7") }
    }
}
