import Foundation
import Testing

@testable import Workbook

/// Swift cells through the real pipeline: tangled, compiled by swiftc against the build's
/// library, run in a child process, rendered.
@Suite("Swift cells")
struct SwiftCellTests {
    /// A repository with one chapter `Chapters/01-cells.md` holding `body`.
    static func repository(_ body: String) throws -> URL {
        let root = try TestSupport.emptyRepository()
        try Data(TestSupport.chapter(body).utf8).write(to: root.appendingPathComponent("Chapters/01-cells.md"))
        return root
    }

    /// The file line of the first line of `body` containing `needle` (front matter is 7 lines).
    static func line(of needle: String, in body: String) -> Int {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        return 7 + 1 + (lines.firstIndex { $0.contains(needle) } ?? -100)
    }

    static func page(_ root: URL) throws -> String {
        try String(contentsOf: root.appendingPathComponent("site/01-cells.html"), encoding: .utf8)
    }

    static func buildError(_ root: URL, timeout: Duration = .seconds(120)) -> WorkbookError? {
        var builder = TestSupport.builder(root)
        builder.cellTimeout = timeout
        do {
            try builder.build()
            return nil
        } catch {
            return error
        }
    }

    @Test("a later cell uses an earlier cell's value, and printed output is escaped")
    func sharedScopeAndEscaping() throws {
        let root = try Self.repository(
            """
            # Cells

            ```swift
            let answer = 6 * 7
            ```

            Prose between cells.

            ```swift
            print("answer = \\(answer)")
            print("<script>alert('x')</script> & more")
            ```
            """)
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.builder(root).build()
        let html = try Self.page(root)
        #expect(html.contains("<samp>answer = 42\n&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more</samp>"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("<code class=\"language-swift\">let answer = 6 * 7</code>"))
    }

    @Test("tables and plots of a cell are numbered, downloadable, and feed inline values and claims")
    func resultsAndReferences() throws {
        let body = """
            # Cells

            ```swift
            //| id: squares
            //| table: values
            //| plot: square
            //| caption: Squares of *n*.
            let count = parameter("count", 4)
            var values = Table("values", columns: ["n", "square"])
            for n in 1...count { values.append(n, Double(n * n)) }
            show(values)
            plot("square", label: "n²", x: Array(1...count), y: (1...count).map { Double($0 * $0) }, xLabel: "n", yLabel: "n²")
            ```

            The largest square is `=squares.values.square@max|int`.

            ```claim
            text: Squares grow.
            check: squares.values[n=3].square > 8
            ```
            """
        let root = try Self.repository(body)
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.builder(root).build()
        var html = try Self.page(root)
        #expect(html.contains("Table 1.</a> Squares of <em>n</em>."))
        #expect(html.contains("Figure 1.</a> Squares of <em>n</em>."))
        #expect(html.contains("The largest square is <span class=\"computed\""))
        #expect(html.contains(">16</span>"))
        #expect(html.contains("✓ Checked at build"))
        #expect(html.contains("swift run -c release workbook render Chapters/01-cells.md --set squares.count=4"))
        let csv = try String(
            contentsOf: root.appendingPathComponent("site/data/01-cells/squares-values.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("n,square"))
        // --set changes the cell's parameter without editing the chapter.
        let output = root.appendingPathComponent("render")
        try TestSupport.builder(root).renderChapter(
            root.appendingPathComponent("Chapters/01-cells.md"),
            overrides: [("squares.count", "6")], output: output)
        html = try String(contentsOf: output.appendingPathComponent("01-cells.html"), encoding: .utf8)
        #expect(html.contains(">36</span>"))
        // An unknown parameter names the cell's parameters.
        #expect(throws: WorkbookError.self) {
            try TestSupport.builder(root).renderChapter(
                root.appendingPathComponent("Chapters/01-cells.md"),
                overrides: [("squares.cuont", "6")], output: output)
        }
        do {
            try TestSupport.builder(root).renderChapter(
                root.appendingPathComponent("Chapters/01-cells.md"),
                overrides: [("squares.count", "six")], output: output)
            Issue.record("an invalid value was accepted")
        } catch {
            #expect(error.kind == .cell)
            #expect(error.line == Self.line(of: "parameter(\"count\"", in: body))
            #expect(error.message.contains("invalid value 'six' for parameter 'count'"))
        }
    }

    @Test("hidden lines, echo: false, fold: true and norun blocks")
    func options() throws {
        let root = try Self.repository(
            """
            # Cells

            ```swift
            let secret = 5 // hide
            print(secret + 1)
            ```

            ```swift
            //| echo: false
            print("only output")
            ```

            ```swift
            //| fold: true
            print("folded")
            ```

            ```swift norun
            this is not Swift at all
            ```
            """)
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.builder(root).build()
        let html = try Self.page(root)
        #expect(!html.contains("let secret"))
        #expect(html.contains("<samp>6</samp>"))
        #expect(html.contains("<samp>only output</samp>") && !html.contains("print(&quot;only output&quot;)"))
        #expect(html.contains("<summary>Show the Swift code (1 lines)</summary>"))
        #expect(html.contains("this is not Swift at all"))
    }

    @Test("a compile error names the chapter's file and line; the old site survives")
    func compileError() throws {
        let good = "# Cells\n\n```swift\nprint(1)\n```\n"
        let root = try Self.repository(good)
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.builder(root).build()
        let before = try TestSupport.snapshot(root.appendingPathComponent("site"))
        let bad = "# Cells\n\nSome prose.\n\n```swift\nlet x = 1\nprint(undefinedThing + x)\n```\n"
        try Data(TestSupport.chapter(bad).utf8).write(to: root.appendingPathComponent("Chapters/01-cells.md"))
        let error = try #require(Self.buildError(root))
        #expect(error.kind == .cell)
        #expect(error.file == "Chapters/01-cells.md")
        #expect(error.line == Self.line(of: "undefinedThing", in: bad))
        #expect(error.message.contains("cannot find 'undefinedThing' in scope"))
        #expect(try TestSupport.snapshot(root.appendingPathComponent("site")) == before)
    }

    @Test("a throwing cell is reported at its line with the error; the old site survives")
    func throwingCell() throws {
        let root = try Self.repository("# Cells\n\n```swift\nprint(1)\n```\n")
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.builder(root).build()
        let before = try TestSupport.snapshot(root.appendingPathComponent("site"))
        let body = """
            # Cells

            ```swift
            print("first")
            ```

            ```swift
            //| id: broken
            let net = try MLP(.uniform(inputWidth: 0, width: 3, depth: 1, outputWidth: nil, activation: .tanh,
                                       bias: false, initializer: "zeros"), stream: RandomStream(seed: 1))
            ```
            """
        try Data(TestSupport.chapter(body).utf8).write(to: root.appendingPathComponent("Chapters/01-cells.md"))
        let error = try #require(Self.buildError(root))
        #expect(error.kind == .cell)
        #expect(error.line == Self.line(of: "let net", in: body))
        #expect(error.message.contains("cell 'broken' threw an error"))
        #expect(error.message.contains("inputWidth"))
        #expect(try TestSupport.snapshot(root.appendingPathComponent("site")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter {
            $0.hasPrefix(".") && $0.contains("site")
        }
        #expect(leftovers.isEmpty, "no staging folder is left: \(leftovers)")
    }

    @Test("a trapping cell and an endless cell are contained and located")
    func trapAndTimeout() throws {
        let trapping = "# Cells\n\n```swift\nlet values = [1, 2]\nlet index = values.count\nprint(values[index])\n```\n"
        let root = try Self.repository(trapping)
        defer { try? FileManager.default.removeItem(at: root) }
        let trap = try #require(Self.buildError(root))
        #expect(trap.kind == .cell)
        #expect(trap.line == Self.line(of: "let values", in: trapping))
        #expect(trap.message.contains("trapped"))
        let endless =
            "# Cells\n\n```swift\nprint(0)\n```\n\n```swift\nvar k = 0\nwhile k >= 0 { k = (k &+ 1) & 0xFFFF }\n```\n"
        try Data(TestSupport.chapter(endless).utf8).write(to: root.appendingPathComponent("Chapters/01-cells.md"))
        let start = ContinuousClock.now
        let timeout = try #require(Self.buildError(root, timeout: .seconds(2)))
        #expect(ContinuousClock.now - start < .seconds(60))
        #expect(timeout.line == Self.line(of: "var k", in: endless))
        #expect(timeout.message.contains("time limit"))
    }

    @Test("a binary compiled from other cells is detected, never rendered, and recompiled")
    func staleBinary() throws {
        let root = try Self.repository("# Cells\n\n```swift\nprint(1)\n```\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let file = "Chapters/01-cells.md"
        let old = try SwiftCell.parse(index: 0, literal: "print(\"old\")\n", line: 10, file: file)
        let new = try SwiftCell.parse(index: 0, literal: "print(\"new\")\n", line: 10, file: file)
        let products = try BuildProducts.locate(file: file)
        let programs = root.appendingPathComponent(".workbook-cache/programs")
        let compiler = CellCompiler(products: products, programsDirectory: programs)
        let oldProgram = ChapterProgram(cells: [old], file: file, fingerprint: products.fingerprint)
        let newProgram = ChapterProgram(cells: [new], file: file, fingerprint: products.fingerprint)
        let oldBinary = try compiler.executable(for: oldProgram, file: file)
        // Plant the old binary where the new program's binary belongs.
        let planted = programs.appendingPathComponent(newProgram.key)
        try FileManager.default.createDirectory(at: planted, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: oldBinary, to: planted.appendingPathComponent("chapter"))
        #expect(throws: CellRun.Failure.self) {
            try CellRun.run(
                planted.appendingPathComponent("chapter"), program: newProgram, overrides: [:], file: file,
                workingDirectory: root, timeout: .seconds(60))
        }
        let engine = CellEngine(
            repositoryRoot: root, cacheDirectory: root.appendingPathComponent(".workbook-cache"),
            timeout: .seconds(60), cachesRuns: false)
        let (run, _) = try engine.run([new], file: file, overrides: [:])
        #expect(run.outputs == ["new"])
    }

    @Test("a cached build is byte-identical to a fresh one, and builds are deterministic")
    func cachedBuildIdentical() throws {
        let root = try Self.repository(
            """
            # Cells

            ```swift
            //| id: draw
            var stream = RandomStream(seed: parameter("seed", 3))
            let x = GaussianInputs.matrix(rows: 50, columns: 8, stream: &stream)
            var stats = Table("stats", columns: ["mean", "std"])
            let s = SampleStatistics(x.scalars)
            stats.append(s.mean, s.standardDeviation)
            show(stats)
            print(s.standardDeviation)
            ```
            """)
        defer { try? FileManager.default.removeItem(at: root) }
        var cached = TestSupport.builder(root)
        cached.usesCache = true
        try cached.build()
        let first = try TestSupport.snapshot(root.appendingPathComponent("site"))
        let report = try cached.build()
        #expect(report.chapters.map(\.experimentsCached) == [1])
        #expect(try TestSupport.snapshot(root.appendingPathComponent("site")) == first)
        try TestSupport.builder(root).build()
        #expect(try TestSupport.snapshot(root.appendingPathComponent("site")) == first)
        #expect(try TestSupport.builder(root).check().isEmpty)
        #expect(try Self.page(root).contains("Seed used on this page: 3."))
    }

    @Test("the README's example chapter builds")
    func readmeExample() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/notebook-example.md")
        let root = try TestSupport.emptyRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: example, to: root.appendingPathComponent("Chapters/01-example.md"))
        try TestSupport.builder(root).build()
        let html = try String(contentsOf: root.appendingPathComponent("site/01-example.html"), encoding: .utf8)
        #expect(html.contains("✓ Checked at build"))
        #expect(html.contains("epoch 3: loss"))
        #expect(html.contains("Figure 1.") && html.contains("Table 1."))
    }

    @Test("each display may carry its own caption; others share the cell's")
    func ownCaptions() throws {
        let root = try Self.repository(
            """
            # Cells

            ```swift
            //| id: c
            //| caption: Shared caption.
            //| plot: line
            //| histograms: values | Histograms of the *values*.
            //| table: t
            plot("line", label: "a", x: [1, 2], y: [1.0, 2.0])
            histogram("values", label: "a", panel: "all", values: [0.1, 0.2, 0.3])
            var t = Table("t", columns: ["x"])
            t.append(1)
            show(t)
            ```
            """)
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.builder(root).build()
        let html = try Self.page(root)
        #expect(html.contains("Figure 1.</a> Shared caption."))
        #expect(html.contains("Figure 2.</a> Histograms of the <em>values</em>."))
        #expect(html.contains("Table 1.</a> Shared caption."))
    }
}
