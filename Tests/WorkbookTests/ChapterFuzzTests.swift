import Experiments
import Foundation
import Testing
import WeightInit

@testable import Workbook

/// Feeds the chapter and directive parsers thousands of randomly mutated chapters (the real
/// `Chapters/*.md`, the fixture chapters and the error-path cases) and checks that nothing
/// crashes or hangs: every input either renders or fails with a ``WorkbookError`` naming the
/// chapter and a line inside it.
///
/// Experiments come from ``shadowRegistry`` (the real names and parameter declarations,
/// synthetic results), so parameters are validated as in a real build but nothing trains.
///
/// Reproducible: every case comes from a Philox stream (`WORKBOOK_FUZZ_SEED`, default 20240611).
/// `WORKBOOK_FUZZ_CASES` sets the number of mutated chapters (e.g. 100000 for a soak run),
/// `WORKBOOK_FUZZ_TRACE=FILE` writes each input to FILE before it is parsed (so the input that
/// crashed the process is left behind) and `WORKBOOK_FUZZ_STATS=1` prints the outcome counts.
@Suite("Chapter fuzzing")
struct ChapterFuzzTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let environment = ProcessInfo.processInfo.environment
    static let seed = environment["WORKBOOK_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_240_611
    static let trace = environment["WORKBOOK_FUZZ_TRACE"].map { URL(fileURLWithPath: $0) }

    /// Mutated whole chapters per run (debug builds are about ten times slower).
    static var chapterCases: Int {
        if let count = environment["WORKBOOK_FUZZ_CASES"].flatMap({ Int($0) }) { return count }
        #if DEBUG
        return 800
        #else
        return 1500
        #endif
    }

    /// One seed input and the repository its `source` blocks read from.
    struct Seed {
        var name: String
        var bytes: [UInt8]
        var root: URL
    }

    /// The real chapters and the fixture chapters. Claim shapes are shrunk to 32x64 so that
    /// sampling (slow unoptimised) does not dominate; the claims then usually fail, which is
    /// an outcome like any other.
    static func chapterSeeds() throws -> [Seed] {
        let fixtureRoot = try TestSupport.fixtures.appendingPathComponent("SampleRepo")
        var seeds: [Seed] = []
        for root in [repositoryRoot, fixtureRoot] {
            let folder = root.appendingPathComponent("Chapters")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".md") {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                    .replacing(/shape=\d+x\d+/, with: "shape=32x64")
                seeds.append(Seed(name: name, bytes: Array(text.utf8), root: root))
            }
        }
        return seeds
    }

    /// The error-path cases (small chapters that each fail one way).
    static func errorSeeds() -> [Seed] {
        ErrorPathTests.cases.map { Seed(name: $0.name, bytes: Array($0.text.utf8), root: repositoryRoot) }
    }

    /// The number of lines of `bytes` as an editor (and cmark) counts them: `\n`, `\r\n` and a lone `\r` end a line.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var count = 1
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") { count += 1 }
            if bytes[index] == UInt8(ascii: "\r") {
                count += 1
                if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
            }
            index += 1
        }
        return count
    }

    /// What one input produced.
    enum Outcome {
        /// The chapter rendered.
        case rendered
        /// A well-formed error.
        case failed(WorkbookError)
        /// The property does not hold.
        case broken(String)
    }

    /// Whether `error` names `displayPath` and a line of `bytes` (or, for undecodable bytes, is an I/O error).
    static func judge(_ error: WorkbookError, bytes: [UInt8], displayPath: String) -> Outcome {
        guard error.file == displayPath else {
            return .broken("error names file '\(error.file)', not \(displayPath): \(error)")
        }
        if error.message.isEmpty { return .broken("empty error message: \(error)") }
        guard let line = error.line else {
            let undecodable = String(validating: bytes, as: UTF8.self) == nil
            return error.kind == .io && undecodable ? .failed(error) : .broken("error without a line: \(error)")
        }
        let count = lineCount(bytes)
        return (1...count).contains(line)
            ? .failed(error) : .broken("error line \(line) is outside 1...\(count): \(error)")
    }

    /// Renders `bytes` as `Chapters/50-fuzz.md` the way ``SiteBuilder`` renders one chapter
    /// (read from disk into a ``ChapterFile``, ``ChapterRenderer``, ``PageTemplate``).
    static func check(_ bytes: [UInt8], in folder: URL, root: URL) -> Outcome {
        let url = folder.appendingPathComponent("Chapters/50-fuzz.md")
        let displayPath = "Chapters/50-fuzz.md"
        do {
            try Data(bytes).write(to: url)
        } catch {
            return .broken("cannot write the input: \(error)")
        }
        do throws(WorkbookError) {
            let chapter = try ChapterFile(url: url, displayPath: displayPath)
            var renderer = ChapterRenderer(
                chapter: chapter, registry: shadowRegistry, repositoryRoot: root, overrides: [])
            let rendered = try renderer.render()
            let page = PageTemplate.chapterPage(rendered, previous: nil, next: nil)
            if page.isEmpty { return .broken("rendered an empty page") }
            if TestSupport.withoutSiteScript(page).contains("<script") {
                return .broken("the page contains a <script> element")
            }
            for file in rendered.dataFiles where file.path.hasSuffix(".json") && file.contents.contains("NaN") {
                return .broken("\(file.path) contains NaN")
            }
            return .rendered
        } catch {
            return judge(error, bytes: bytes, displayPath: displayPath)
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    @Test("mutated chapters render or fail with a located error", .timeLimit(.minutes(3)))
    func mutatedChapters() throws {
        let chapters = try Self.chapterSeeds(), errors = Self.errorSeeds()
        #expect(chapters.count >= 3)
        let everything = chapters + errors
        let folder = try TestSupport.emptyRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        var mutator = ChapterMutator(random: RandomStream(seed: Self.seed, stream: 1))
        var picker = RandomStream(seed: Self.seed, stream: 2)
        var failures: [String] = []
        var outcomes: [String: Int] = [:]
        var slowest: (seconds: Double, case: String) = (0, "")
        // Every seed unmutated first, then mutations (three in four of a real or fixture chapter).
        for index in 0..<(everything.count + Self.chapterCases) {
            let base: Seed
            if index < everything.count {
                base = everything[index]
            } else {
                base =
                    (Int.random(in: 0..<4, using: &picker) < 3 ? chapters : errors).randomElement(using: &picker)
                    ?? everything[0]
            }
            let (bytes, applied) =
                index < everything.count
                ? (base.bytes, []) : mutator.mutate(base.bytes, corpus: everything.map(\.bytes))
            if let trace = Self.trace { try? Data(bytes).write(to: trace) }
            let start = ContinuousClock.now
            let outcome = Self.check(bytes, in: folder, root: base.root)
            let seconds = Self.seconds(ContinuousClock.now - start)
            let label = "case \(index) (seed \(Self.seed)): \(base.name) after [\(applied.joined(separator: ", "))]"
            if seconds > slowest.seconds { slowest = (seconds, label) }
            switch outcome {
            case .rendered:
                outcomes["rendered", default: 0] += 1
            case .failed(let error):
                outcomes[error.kind.rawValue, default: 0] += 1
            case .broken(let problem):
                failures.append("\(label): \(problem)")
                let saved = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "workbook-fuzz-failure-\(index).md")
                try? Data(bytes).write(to: saved)
            }
        }
        if Self.environment["WORKBOOK_FUZZ_STATS"] == "1" {
            print(
                "fuzz outcomes:",
                outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "),
                "; slowest \(slowest.seconds) s: \(slowest.case)")
        }
        #expect(
            failures.isEmpty,
            "\(failures.count) broken cases (inputs saved as workbook-fuzz-failure-N.md in the temporary folder):\n\(failures.prefix(20).joined(separator: "\n"))"
        )
        #expect(outcomes["rendered", default: 0] > 0)
        #expect(slowest.seconds < 5, "slowest: \(slowest.case), \(slowest.seconds) s")
    }

    /// Every directive block and inline value of the seeds, mutated on its own and fed to the
    /// directive parsers directly (many more cases per second than whole chapters): errors must
    /// point inside the block.
    @Test("mutated directives parse or fail inside their block", .timeLimit(.minutes(2)))
    func mutatedDirectives() throws {
        var fragments: [(info: String, literal: String, root: URL)] = []
        var inlineValues: [String] = []
        for seed in try Self.chapterSeeds() {
            let text = String(decoding: seed.bytes, as: UTF8.self)
            var pending = [try MarkdownParser.parse(text, lineOffset: 0, formulas: [], file: seed.name)]
            while let node = pending.popLast() {
                pending.append(contentsOf: node.children)
                if case .codeBlock(let info, let literal, _) = node, !ChapterRenderer.directive(info).isEmpty {
                    fragments.append((info, literal, seed.root))
                }
                if case .code(let literal, _) = node, literal.hasPrefix("=") { inlineValues.append(literal) }
            }
        }
        #expect(fragments.count > 20 && inlineValues.count > 20)
        let file = "Chapters/50-fuzz.md"
        let fence = 10
        let result = try shadowRegistry.run("forward-stats", overrides: [("depth", "10")])
        let resolver = ReferenceResolver(results: ["cs231n": result, "a": result], ids: ["cs231n", "a"], file: file)
        var mutator = ChapterMutator(random: RandomStream(seed: Self.seed, stream: 3))
        var picker = RandomStream(seed: Self.seed, stream: 4)
        var failures: [String] = []
        #if DEBUG
        let cases = 2500
        #else
        let cases = 5000
        #endif
        for index in 0..<cases {
            let fragment = fragments.randomElement(using: &picker) ?? fragments[0]
            let (bytes, applied) = mutator.mutate(
                Array(fragment.literal.utf8), corpus: fragments.map { Array($0.literal.utf8) }, maximum: 3)
            let literal = String(decoding: bytes, as: UTF8.self)
            let lastLine = fence + literal.split(separator: "\n", omittingEmptySubsequences: false).count + 1
            func expectLocated(_ error: WorkbookError, _ what: String) {
                guard error.file == file, let line = error.line, (fence...lastLine).contains(line),
                    !error.message.isEmpty
                else {
                    failures.append(
                        "case \(index) [\(applied.joined(separator: ", "))] \(what): \(error) (block lines "
                            + "\(fence)...\(lastLine))"
                    )
                    return
                }
            }
            do throws(WorkbookError) {
                switch ChapterRenderer.directive(fragment.info) {
                case "experiment":
                    let block = try ExperimentBlock.parse(
                        info: fragment.info, literal: literal, line: fence, file: file)
                    _ = try ExperimentRunner.prepare([block], registry: shadowRegistry, overrides: [], file: file)
                case "claim":
                    let claim = try ClaimBlock.parse(literal: literal, line: fence, file: file)
                    _ = try ClaimEvaluator(resolver: resolver, file: file).evaluate(claim)
                case "source":
                    _ = try SourceSnippet.parse(literal: literal, line: fence, file: file).extract(
                        repositoryRoot: fragment.root, file: file)
                case "exercise":
                    _ = try ExerciseBlock.parse(literal: literal, line: fence, file: file)
                default:
                    break
                }
            } catch {
                expectLocated(error, fragment.info)
            }
            // The same bytes as an inline value.
            let inline = inlineValues.randomElement(using: &picker) ?? "=a.layers.std@max"
            let (inlineBytes, _) = mutator.mutate(Array(inline.utf8), corpus: [], maximum: 2)
            let reference = String(decoding: inlineBytes, as: UTF8.self)
            do throws(WorkbookError) {
                _ = try resolver.value(try ValueReference.parse(reference, file: file, line: fence), line: fence)
            } catch {
                expectLocated(error, "inline '\(reference)'")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) broken cases:\n\(failures.prefix(20).joined(separator: "\n"))")
    }

    /// Mutated chapters through ``SiteBuilder/build(progress:)``: on any failure the previous
    /// site is byte-for-byte intact and no staging folder is left behind.
    @Test("a failing build never damages the previous site", .timeLimit(.minutes(2)))
    func buildsKeepThePreviousSite() throws {
        let seeds = try Self.chapterSeeds().filter { $0.root != Self.repositoryRoot }
        let root = try TestSupport.sampleRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let builder = SiteBuilder(
            chaptersDirectory: root.appendingPathComponent("Chapters"),
            outputDirectory: root.appendingPathComponent("site"), repositoryRoot: root, registry: shadowRegistry)
        try builder.build()
        let before = try TestSupport.snapshot(root.appendingPathComponent("site"))
        var mutator = ChapterMutator(random: RandomStream(seed: Self.seed, stream: 5))
        var failed = 0
        for index in 0..<60 {
            let seed = seeds[index % seeds.count]
            let (bytes, applied) = mutator.mutate(seed.bytes, corpus: seeds.map(\.bytes))
            let chapter = root.appendingPathComponent("Chapters").appendingPathComponent(seed.name)
            try Data(bytes).write(to: chapter)
            defer { try? Data(seed.bytes).write(to: chapter) }
            do {
                _ = try builder.check()
                continue  // the mutation happened to build; the site must not be touched by check()
            } catch {
                failed += 1
            }
            #expect(throws: WorkbookError.self, "case \(index) [\(applied.joined(separator: ", "))]") {
                try builder.build()
            }
            #expect(
                try TestSupport.snapshot(root.appendingPathComponent("site")) == before, "case \(index): site/ changed")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter {
                $0.hasPrefix(".site")
            }
            #expect(leftovers.isEmpty, "case \(index): leftovers \(leftovers)")
        }
        #expect(failed > 10)
    }

    /// Large and deeply nested chapters finish in bounded time with a result or a located error.
    @Test("huge and deeply nested chapters", .timeLimit(.minutes(2)))
    func hugeChapters() throws {
        let folder = try TestSupport.emptyRepository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paragraph = "Some text with $x^2$ math, a `code span`, *emphasis* and [a link](https://example.org).\n\n"
        // One 10 MB chapter in optimised builds (the project's test command; ~5 s); 1 MB otherwise.
        #if DEBUG
        let tenMegabytes = 1024 * 1024
        let blockCount = 2_000
        #else
        let tenMegabytes = 10 * 1024 * 1024
        let blockCount = 20_000
        #endif
        let megabyte = 1024 * 1024
        let inputs: [(String, String)] = [
            (
                "\(tenMegabytes >> 20) MB of paragraphs",
                TestSupport.chapter(String(repeating: paragraph, count: tenMegabytes / paragraph.utf8.count))
            ),
            ("1 MB on one line", TestSupport.chapter(String(repeating: "word ", count: megabyte / 5))),
            (
                "a 1 MB code block",
                TestSupport.chapter("```swift\n" + String(repeating: "let x = 1\n", count: megabyte / 10) + "```\n")
            ),
            ("100000 nested block quotes", TestSupport.chapter(String(repeating: "> ", count: 100_000) + "deep\n")),
            (
                "2000 nested list items",
                TestSupport.chapter((0..<2_000).map { String(repeating: "  ", count: $0) + "- item\n" }.joined())
            ),
            (
                "100000 nested brackets",
                TestSupport.chapter(
                    String(repeating: "[", count: 100_000) + "x" + String(repeating: "](u)", count: 100_000) + "\n")
            ),
            (
                "100000 nested emphasis",
                TestSupport.chapter(
                    String(repeating: "*a ", count: 100_000) + String(repeating: "b*", count: 100_000) + "\n")
            ),
            (
                "100000 nested braces in math",
                TestSupport.chapter(
                    "$" + String(repeating: "{", count: 100_000) + "x" + String(repeating: "}", count: 100_000) + "$\n")
            ),
            ("100000 nested \\sqrt", TestSupport.chapter("$" + String(repeating: "\\sqrt", count: 100_000) + " x$\n")),
            (
                "100000 nested parentheses in a claim",
                TestSupport.chapter(
                    "```claim\ntext: T\nvariance: normal shape=8x8 expected="
                        + String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
                        + " within=5\n```\n")
            ),
            (
                "100000 signs in a claim",
                TestSupport.chapter(
                    "```claim\ntext: T\nvariance: normal shape=8x8 expected=" + String(repeating: "-", count: 100_000)
                        + "1 within=5\n```\n")
            ),
            (
                "\(blockCount) pipe tables with reference links",
                TestSupport.chapter(
                    (0..<blockCount).map { "| a\($0) | [b][r] |\n|---|--:|\n| 1 | `2` |\n\n" }.joined()
                        + "[r]: https://example.org\n")
            ),
            (
                "\(blockCount) footnotes",
                TestSupport.chapter((0..<blockCount).map { "Text[^n\($0)].\n\n[^n\($0)]: Note \($0).\n\n" }.joined())
            ),
            (
                "a 10000-row pipe table",
                TestSupport.chapter("| a | b |\n|---|---|\n" + String(repeating: "| x \\| y | *z* |\n", count: 10_000))
            ),
            (
                "\(blockCount) experiment blocks",
                TestSupport.chapter(
                    (0..<blockCount).map { "```experiment fake-stats\nid: b\($0)\nhide: true\n```\n" }.joined())
            ),
        ]
        for (name, text) in inputs {
            let bytes = Array(text.utf8)
            let start = ContinuousClock.now
            let outcome = Self.check(bytes, in: folder, root: folder)
            let seconds = Self.seconds(ContinuousClock.now - start)
            if case .broken(let problem) = outcome { Issue.record("\(name): \(problem)") }
            if case .failed(let error) = outcome, error.message.count > 2_000 {
                Issue.record("\(name): a \(error.message.count)-character message")
            }
            #expect(seconds < 60, "\(name) took \(seconds) s")
            if Self.environment["WORKBOOK_FUZZ_STATS"] == "1" {
                let summary: String
                switch outcome {
                case .rendered: summary = "rendered"
                case .failed(let error): summary = String(error.description.prefix(160))
                case .broken(let problem): summary = problem
                }
                print("huge: \(name): \(seconds) s: \(summary)")
            }
        }
    }
}
