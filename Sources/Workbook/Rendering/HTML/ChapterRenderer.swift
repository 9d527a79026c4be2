import Experiments
import Foundation

/// Renders one chapter: parses the Markdown with cmark, runs its experiment blocks,
/// checks its claims and produces HTML with figures, tables, exercises and math.
struct ChapterRenderer {
    /// The chapter being rendered.
    let chapter: ChapterFile
    /// Where experiment names resolve.
    let registry: ExperimentRegistry
    /// The repository root (for `source` blocks).
    let repositoryRoot: URL
    /// `--set ID.KEY=VALUE` overrides.
    let overrides: [ChapterOverride]
    /// Where results are looked up and stored (nil: always run).
    let cache: ResultCache?
    /// Compiles and runs Swift cells (nil: a chapter with cells is an error).
    let cellEngine: CellEngine?
    /// The edition written.
    var edition: Edition = .instructor
    /// Every chapter of the site by slug, for `[](#ch:SLUG)` links.
    var chapterReferences: [String: ChapterReference] = [:]
    /// The line of the block being rendered (for errors in inline content).
    var currentLine: Int?

    var file: String { chapter.displayPath }

    // Rendering state.
    var runs: [String: (prepared: PreparedRun, result: ExperimentResult)] = [:]
    /// The id of the experiment block whose fence is on each line (blocks are parsed once, before rendering).
    var experimentIDs: [Int: String] = [:]
    var cellOutcomes: [Int: CellOutcome] = [:]
    /// Explorable cells' other combinations, by the cell's line.
    var exploreOutcomes: [Int: ExploreOutcome] = [:]
    /// Exercises with code, by the line of their fence: their number and the ids of their cells.
    var exerciseCells: [Int: ExerciseCells] = [:]
    /// Every exercise in document order (for the student edition's Markdown).
    var exercises: [(fence: Int, block: ExerciseBlock, number: String)] = []
    var resolver = ReferenceResolver(results: [:], ids: [], file: "")
    var slugger = HeadingSlugger(reserved: ["main", "contents", "toc-title", "objectives", "objectives-title"])
    var toc: [RenderedChapter.TOCEntry] = []
    var headingShift = 0
    /// Whether headings get `id` slugs (a page's do; a bare Markdown fragment's do not).
    var headingIDs = true
    /// Whether fenced directives (`experiment`, `claim`, …), Swift cells and inline values are
    /// interpreted; off for a bare Markdown fragment, where they are ordinary code.
    var directivesEnabled = true
    /// The page's footnote definitions and the numbers given to them.
    var footnotes = FootnoteRegistry()
    var figureCount = 0
    var tableCount = 0
    var exerciseCount = 0
    var seeds: Set<UInt64> = []
    /// Under `--set` overrides a page always renders: references without a value show as missing and
    /// false claims as not holding (a full build never has overrides, so it still fails on them).
    var lenient: Bool { !overrides.isEmpty || lenientOverride }
    /// Set while drawing an explored combination: like an override, it may lack what the text asks for.
    var lenientOverride = false

    /// Creates a renderer for `chapter`.
    init(
        chapter: ChapterFile, registry: ExperimentRegistry, repositoryRoot: URL, overrides: [ChapterOverride],
        cache: ResultCache? = nil, cellEngine: CellEngine? = nil
    ) {
        self.chapter = chapter
        self.registry = registry
        self.repositoryRoot = repositoryRoot
        self.overrides = overrides
        self.cache = cache
        self.cellEngine = cellEngine
    }

    /// Parses `markdown` (whose first line is file line `firstLine`) into a cmark-derived tree
    /// and registers its footnote definitions.
    mutating func parse(_ markdown: String, firstLine: Int) throws(WorkbookError) -> MarkdownNode {
        let (marked, labels) = FootnotePreprocessor.process(markdown)
        let (prepared, formulas) = try MathPreprocessor.process(marked, file: file, firstLine: firstLine)
        let document = try MarkdownParser.parse(
            prepared, lineOffset: firstLine - 1, formulas: formulas, footnoteLabels: labels, file: file)
        try registerFootnotes(in: document)
        return document
    }

    /// Runs and renders the chapter.
    mutating func render() throws(WorkbookError) -> RenderedChapter {
        let document = try parse(chapter.body, firstLine: chapter.lineOffset + 1)
        let (blocks, cells) = try experimentBlocksAndCells(in: document)
        let prepared = try ExperimentRunner.prepare(
            blocks, registry: registry, overrides: overrides, cellIDs: cells.map(\.id), file: file)
        var (results, cachedCount) = try ExperimentRunner.run(prepared, file: file, cache: cache)
        for (run, result) in zip(prepared, results) {
            runs[run.block.id] = (run, result)
            experimentIDs[run.block.line] = run.block.id
            if case .integer(let seed)? = run.values.value("seed"), seed >= 0 { seeds.insert(UInt64(seed)) }
        }
        let cellsCached = try runCells(cells)
        try verifyExerciseChecks()
        var allResults = runs.mapValues(\.result)
        for outcome in cellOutcomes.values { allResults[outcome.cell.id] = outcome.result }
        resolver = ReferenceResolver(results: allResults, ids: blocks.map(\.id) + cells.map(\.id), file: file)
        headingShift = Self.headingShift(for: document)
        var body = try renderBlocks(document.children, collectTOC: true)
        var objectivesHTML: [String] = []
        for (index, objective) in chapter.frontMatter.objectives.enumerated() {
            let line = index < chapter.frontMatter.objectiveLines.count ? chapter.frontMatter.objectiveLines[index] : 1
            objectivesHTML.append(try renderFragment(objective, firstLine: line, inline: true))
        }
        body += try renderFootnotes()
        var dataFiles: [RenderedChapter.DataFile] = []
        for run in prepared {
            guard let result = runs[run.block.id]?.result else { continue }
            for table in result.tables {
                let base = "data/\(chapter.name)/\(run.block.id)-\(table.name)"
                dataFiles.append(.init(path: base + ".csv", contents: table.csvText()))
                dataFiles.append(.init(path: base + ".json", contents: result.tableJSONText(table, id: run.block.id)))
            }
        }
        for cell in cells {
            guard let outcome = cellOutcomes[cell.line], cell.output else { continue }
            for table in outcome.result.tables {
                let base = "data/\(chapter.name)/\(cell.id)-\(table.name)"
                dataFiles.append(.init(path: base + ".csv", contents: table.csvText()))
                dataFiles.append(
                    .init(path: base + ".json", contents: outcome.result.tableJSONText(table, id: cell.id)))
            }
        }
        if !cells.isEmpty { cachedCount += cellsCached ? 1 : 0 }
        var rendered = RenderedChapter(
            chapter: chapter, objectivesHTML: objectivesHTML, bodyHTML: body, toc: toc, seeds: seeds.sorted(),
            dataFiles: dataFiles, experimentsRun: prepared.count + (cells.isEmpty ? 0 : 1) - cachedCount,
            experimentsCached: cachedCount)
        rendered.noticeHTML = overrideNotice(prepared)
        if edition == .student {
            let path = "chapters/\(chapter.name).md"
            rendered.dataFiles.append(
                .init(path: path, contents: try StudentChapter.markdown(chapter.text, exercises: exercises, file: file))
            )
            let command = (RerunCommand.invocation + ["check", ShellQuoting.quote(chapter.name + ".md")]).joined(
                separator: " ")
            rendered.noticeHTML =
                (rendered.noticeHTML ?? "") + "<aside class=\"override-notice\" aria-label=\"Student edition\">\n"
                + "<p><strong>Student edition.</strong> Solutions are not included. To do the exercises, download "
                + "<a href=\"\(HTMLEscaping.attribute(path))\">this chapter's Markdown</a>, save it in the package's "
                + "<code>Chapters/</code> folder, "
                + "complete the code and run <code>\(HTMLEscaping.text(command))</code> from there.</p>\n</aside>\n"
        }
        return rendered
    }

    /// Every experiment block and Swift cell in document order; ids must be unique.
    mutating func experimentBlocksAndCells(
        in node: MarkdownNode
    ) throws(WorkbookError) -> ([ExperimentBlock], [SwiftCell]) {
        var blocks: [ExperimentBlock] = []
        var cells: [SwiftCell] = []
        var exerciseNumber = 0
        var lines: [String: Int] = [:]
        var pending = [node]
        var ordered: [MarkdownNode] = []
        // Depth-first, document order.
        while let next = pending.popLast() {
            ordered.append(next)
            pending.append(contentsOf: next.children.reversed())
        }
        for case .codeBlock(let info, let literal, let line) in ordered {
            if SwiftCell.isCell(info: info) {
                let cell = try SwiftCell.parse(index: cells.count, literal: literal, line: line, file: file)
                if let earlier = lines[cell.id] {
                    throw WorkbookError(
                        .cell, file: file, line: cell.line,
                        "id '\(cell.id)' is already used by the block on line \(earlier); ids must be unique in a "
                            + "chapter"
                    )
                }
                lines[cell.id] = cell.line
                cells.append(cell)
                continue
            }
            if Self.directive(info) == "exercise" {
                exerciseNumber += 1
                let exercise = try ExerciseBlock.parse(literal: literal, line: line, file: file)
                let number = "\(chapter.frontMatter.order).\(exerciseNumber)"
                exercises.append((line, exercise, number))
                guard let code = exercise.code, edition == .instructor else { continue }
                let entry = ExerciseCells(
                    number: number, codeID: "exercise-\(number.replacingOccurrences(of: ".", with: "-"))",
                    checkLine: exercise.check?.firstLine)
                cells.append(
                    SwiftCell(
                        exerciseCode: code.markdown, id: entry.codeID, index: cells.count, firstLine: code.firstLine))
                if let check = exercise.check {
                    cells.append(
                        SwiftCell(
                            exerciseCode: check.markdown, id: entry.codeID + "-check", index: cells.count,
                            firstLine: check.firstLine))
                }
                exerciseCells[line] = entry
                continue
            }
            guard Self.directive(info) == "experiment" else { continue }
            let block = try ExperimentBlock.parse(info: info, literal: literal, line: line, file: file)
            if let earlier = lines[block.id] {
                throw WorkbookError(
                    .experiment, file: file, line: block.line,
                    "id '\(block.id)' is already used by the block on line \(earlier); ids must be unique in a chapter")
            }
            lines[block.id] = block.line
            blocks.append(block)
        }
        return (blocks, cells)
    }

    private static func headingLevels(_ node: MarkdownNode) -> [Int] {
        if case .heading(let level, _, _) = node { return [level] }
        return node.children.flatMap(headingLevels)
    }

    /// How far `document`'s headings are moved down so that the highest is an `<h2>` under the page's `<h1>` title.
    static func headingShift(for document: MarkdownNode) -> Int {
        max(0, 2 - (headingLevels(document).min() ?? 2))
    }

    /// The first word of a fence info string.
    static func directive(_ info: String) -> String {
        info.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
    }
}
