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

    var file: String { chapter.displayPath }

    // Rendering state.
    var runs: [String: (prepared: PreparedRun, result: ExperimentResult)] = [:]
    var resolver = ReferenceResolver(results: [:], ids: [], file: "")
    var slugger = HeadingSlugger(reserved: ["main", "contents", "toc-title", "objectives", "objectives-title"])
    var toc: [RenderedChapter.TOCEntry] = []
    var headingShift = 0
    var figureCount = 0
    var tableCount = 0
    var exerciseCount = 0
    var seeds: Set<UInt64> = []

    /// Creates a renderer for `chapter`.
    init(chapter: ChapterFile, registry: ExperimentRegistry, repositoryRoot: URL, overrides: [ChapterOverride],
         cache: ResultCache? = nil) {
        self.chapter = chapter
        self.registry = registry
        self.repositoryRoot = repositoryRoot
        self.overrides = overrides
        self.cache = cache
    }

    /// Parses `markdown` (whose first line is file line `firstLine`) into a cmark-derived tree.
    func parse(_ markdown: String, firstLine: Int) throws(WorkbookError) -> MarkdownNode {
        let (prepared, formulas) = try MathPreprocessor.process(markdown, file: file, firstLine: firstLine)
        return try MarkdownParser.parse(prepared, lineOffset: firstLine - 1, formulas: formulas, file: file)
    }

    /// Runs and renders the chapter.
    mutating func render() throws(WorkbookError) -> RenderedChapter {
        let document = try parse(chapter.body, firstLine: chapter.lineOffset + 1)
        let blocks = try experimentBlocks(in: document)
        let prepared = try ExperimentRunner.prepare(blocks, registry: registry, overrides: overrides, file: file)
        let (results, cachedCount) = try ExperimentRunner.run(prepared, file: file, cache: cache)
        for (run, result) in zip(prepared, results) {
            runs[run.block.id] = (run, result)
            if case .integer(let seed)? = run.values.value("seed"), seed >= 0 { seeds.insert(UInt64(seed)) }
        }
        resolver = ReferenceResolver(results: runs.mapValues(\.result), ids: blocks.map(\.id), file: file)
        let headingLevels = Self.headingLevels(document)
        headingShift = max(0, 2 - (headingLevels.min() ?? 2))
        let body = try renderBlocks(document.children, collectTOC: true)
        var objectivesHTML: [String] = []
        for (index, objective) in chapter.frontMatter.objectives.enumerated() {
            let line = index < chapter.frontMatter.objectiveLines.count ? chapter.frontMatter.objectiveLines[index] : 1
            objectivesHTML.append(try renderFragment(objective, firstLine: line, inline: true))
        }
        var dataFiles: [RenderedChapter.DataFile] = []
        for run in prepared {
            guard let result = runs[run.block.id]?.result else { continue }
            for table in result.tables {
                let base = "data/\(chapter.name)/\(run.block.id)-\(table.name)"
                dataFiles.append(.init(path: base + ".csv", contents: TableCSV.csv(table)))
                dataFiles.append(.init(path: base + ".json", contents: TableJSON.json(table, id: run.block.id, result: result)))
            }
        }
        return RenderedChapter(chapter: chapter, objectivesHTML: objectivesHTML, bodyHTML: body, toc: toc, seeds: seeds.sorted(),
                               dataFiles: dataFiles, experimentsRun: prepared.count - cachedCount,
                               experimentsCached: cachedCount)
    }

    /// Every experiment block in document order; ids must be unique.
    private func experimentBlocks(in node: MarkdownNode) throws(WorkbookError) -> [ExperimentBlock] {
        var blocks: [ExperimentBlock] = []
        var lines: [String: Int] = [:]
        var pending = [node]
        var ordered: [MarkdownNode] = []
        // Depth-first, document order.
        while let next = pending.popLast() {
            ordered.append(next)
            pending.append(contentsOf: next.children.reversed())
        }
        for case .codeBlock(let info, let literal, let line) in ordered where Self.directive(info) == "experiment" {
            let block = try ExperimentBlock.parse(info: info, literal: literal, line: line, file: file)
            if let earlier = lines[block.id] {
                throw WorkbookError(.experiment, file: file, line: block.line,
                                    "id '\(block.id)' is already used by the block on line \(earlier); ids must be unique in a chapter")
            }
            lines[block.id] = block.line
            blocks.append(block)
        }
        return blocks
    }

    private static func headingLevels(_ node: MarkdownNode) -> [Int] {
        if case .heading(let level, _, _) = node { return [level] }
        return node.children.flatMap(headingLevels)
    }

    /// The first word of a fence info string.
    static func directive(_ info: String) -> String {
        info.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
    }
}
