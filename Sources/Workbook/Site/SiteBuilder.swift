import Dispatch
import Experiments
import Foundation
import Synchronization
import WeightInit

/// Builds the static site: one page per chapter, the course outline, the stylesheet and
/// CSV/JSON downloads, written into a staging folder and swapped into place only when
/// every chapter succeeded.
///
/// ```swift
/// let builder = SiteBuilder(chaptersDirectory: root.appendingPathComponent("Chapters"),
///                           outputDirectory: root.appendingPathComponent("site"),
///                           repositoryRoot: root, registry: .standard)
/// let report = try builder.build()
/// ```
public struct SiteBuilder: Sendable {
    /// The folder holding `NN-slug.md` chapters.
    public var chaptersDirectory: URL
    /// The site folder to (re)create.
    public var outputDirectory: URL
    /// The repository root: chapter paths in messages are relative to it, `source` blocks read from it.
    public var repositoryRoot: URL
    /// The experiments chapters may run.
    public var registry: ExperimentRegistry
    /// Reuse results from `.workbook-cache/` when experiment, parameters and code are unchanged
    /// (see ``ResultCache``). Off by default; `workbook build` turns it on unless `--no-cache`.
    public var usesCache = false
    /// The edition written (default: instructor, with solutions).
    public var edition: Edition = .instructor
    /// Where cached results and compiled chapter programs live (default `.workbook-cache/` in the repository root).
    public var cacheDirectory: URL?
    /// The time limit of one chapter's Swift cells (default `WORKBOOK_CELL_TIMEOUT` seconds, else 600 s).
    public var cellTimeout: Duration = CellEngine.defaultTimeout

    /// Creates a builder.
    public init(chaptersDirectory: URL, outputDirectory: URL, repositoryRoot: URL, registry: ExperimentRegistry) {
        self.chaptersDirectory = chaptersDirectory.standardizedFileURL
        self.outputDirectory = outputDirectory.standardizedFileURL
        self.repositoryRoot = repositoryRoot.standardizedFileURL
        self.registry = registry
    }

    /// Builds every chapter and replaces the output folder; on any error the old site is untouched.
    /// `progress` is called after each chapter.
    @discardableResult
    public func build(progress: (ChapterReport) -> Void = { _ in }) throws(WorkbookError) -> BuildReport {
        let start = ContinuousClock.now
        let staging = try SiteDirectory.makeStaging(beside: outputDirectory, label: "build")
        do {
            let reports = try generate(into: staging, progress: progress)
            try SiteDirectory.replace(outputDirectory, with: staging)
            return BuildReport(chapters: reports, outputDirectory: outputDirectory, seconds: Self.seconds(since: start))
        } catch {
            SiteDirectory.remove(staging)
            throw error
        }
    }

    /// Builds into a temporary folder and lists the files that differ from the output folder
    /// (empty when the site is up to date). The output folder is not modified.
    public func check(progress: (ChapterReport) -> Void = { _ in }) throws(WorkbookError) -> [SiteDifference] {
        let staging = try SiteDirectory.makeStaging(beside: outputDirectory, label: "check")
        defer { SiteDirectory.remove(staging) }
        _ = try generate(into: staging, progress: progress)
        return SiteDirectory.differences(current: outputDirectory, fresh: staging)
    }

    /// Renders one chapter with `--set ID.KEY=VALUE` overrides (pairs `("ID.KEY", "VALUE")`) into
    /// `output` (its page, `style.css` and its data files); other files in `output` are kept.
    @discardableResult
    public func renderChapter(
        _ file: URL, overrides: [(String, String)], output: URL
    ) throws(WorkbookError) -> ChapterReport {
        let displayPath = self.displayPath(file)
        var parsed: [ChapterOverride] = []
        for (key, value) in overrides {
            parsed.append(try ChapterOverride.parse("\(key)=\(value)", file: displayPath))
        }
        let chapter = try ChapterFile(url: file.standardizedFileURL, displayPath: displayPath)
        let start = ContinuousClock.now
        var renderer = ChapterRenderer(
            chapter: chapter, registry: registry, repositoryRoot: repositoryRoot, overrides: parsed,
            cache: usesCache ? resultCache() : nil, cellEngine: cellEngine)
        renderer.edition = edition
        renderer.chapterReferences = Self.references(((try? loadChapters()) ?? []) + [chapter])
        let rendered = try renderer.render()
        let output = output.standardizedFileURL
        let staging = try SiteDirectory.makeStaging(beside: output, label: "render")
        defer { SiteDirectory.remove(staging) }
        var files = [
            (
                chapter.pageName,
                PageTemplate.chapterPage(rendered, previous: nil, next: nil, chapters: (try? loadChapters()) ?? [])
            ), ("style.css", Stylesheet.css),
            ("site.js", SiteScript.javascript),
        ]
        files += rendered.dataFiles.map { ($0.path, $0.contents) }
        for (path, contents) in files { try SiteDirectory.write(contents, to: path, in: staging) }
        let manager = FileManager.default
        for (path, _) in files {
            let target = output.appendingPathComponent(path)
            do {
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw WorkbookError(
                    .io, file: target.path, line: nil, "cannot create the folder: \(error.localizedDescription)")
            }
            // rename(2) replaces an existing file atomically (FileManager.replaceItemAt does not work here on Linux).
            if rename(staging.appendingPathComponent(path).path, target.path) != 0 {
                throw WorkbookError(
                    .io, file: target.path, line: nil, "cannot write: \(String(cString: strerror(errno)))")
            }
        }
        return ChapterReport(
            name: chapter.name, title: chapter.frontMatter.title, experimentsRun: rendered.experimentsRun,
            experimentsCached: rendered.experimentsCached,
            seconds: Self.seconds(since: start))
    }

    /// The chapters in course order (by `order`, then file name).
    public func loadChapters() throws(WorkbookError) -> [ChapterFile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: chaptersDirectory.path)
        } catch {
            throw WorkbookError(
                .io, file: displayPath(chaptersDirectory), line: nil,
                "cannot list chapters: \(error.localizedDescription)")
        }
        var chapters: [ChapterFile] = []
        for name in names.sorted() where name.hasSuffix(".md") && !name.hasPrefix(".") {
            let url = chaptersDirectory.appendingPathComponent(name)
            chapters.append(try ChapterFile(url: url, displayPath: displayPath(url)))
        }
        chapters.sort { ($0.frontMatter.order, $0.name) < ($1.frontMatter.order, $1.name) }
        for (earlier, later) in zip(chapters, chapters.dropFirst())
        where earlier.frontMatter.order == later.frontMatter.order {
            throw WorkbookError(
                .frontMatter, file: later.displayPath, line: nil,
                "order \(later.frontMatter.order) is also used by \(earlier.displayPath); each chapter needs its own "
                    + "order"
            )
        }
        return chapters
    }

    /// Writes the whole site into `folder`. Chapters render concurrently (each is independent:
    /// numbering, seeds and data files are per chapter); pages are then written and progress is
    /// reported in course order, so the output is identical to a serial build.
    private func generate(into folder: URL, progress: (ChapterReport) -> Void) throws(WorkbookError) -> [ChapterReport]
    {
        let chapters = try loadChapters()
        let cache = usesCache ? resultCache() : nil
        let references = Self.references(chapters)
        let outcomes = Mutex<[Int: Result<(RenderedChapter, Double), WorkbookError>]>([:])
        ConcurrencyBudget.forEach(chapters.count) { index in
            let start = ContinuousClock.now
            var renderer = ChapterRenderer(
                chapter: chapters[index], registry: registry, repositoryRoot: repositoryRoot,
                overrides: [], cache: cache, cellEngine: cellEngine)
            renderer.edition = edition
            renderer.chapterReferences = references
            let outcome: Result<(RenderedChapter, Double), WorkbookError>
            do throws(WorkbookError) {
                outcome = .success((try renderer.render(), Self.seconds(since: start)))
            } catch {
                outcome = .failure(error)
            }
            outcomes.withLock { $0[index] = outcome }
        }
        let results = outcomes.withLock { $0 }
        var reports: [ChapterReport] = []
        var renderedChapters: [RenderedChapter] = []
        for (index, chapter) in chapters.enumerated() {
            guard let outcome = results[index] else { continue }
            let (rendered, seconds) = try outcome.get()
            renderedChapters.append(rendered)
            let page = PageTemplate.chapterPage(
                rendered, previous: index > 0 ? chapters[index - 1] : nil,
                next: index + 1 < chapters.count ? chapters[index + 1] : nil, chapters: chapters)
            try SiteDirectory.write(page, to: chapter.pageName, in: folder)
            for file in rendered.dataFiles { try SiteDirectory.write(file.contents, to: file.path, in: folder) }
            let report = ChapterReport(
                name: chapter.name, title: chapter.frontMatter.title,
                experimentsRun: rendered.experimentsRun, experimentsCached: rendered.experimentsCached,
                seconds: seconds)
            reports.append(report)
            progress(report)
        }
        try SiteDirectory.write(PageTemplate.outlinePage(renderedChapters, seeds: []), to: "index.html", in: folder)
        try SiteDirectory.write(PrintPage.page(renderedChapters), to: "print.html", in: folder)
        try SiteDirectory.write(Stylesheet.css, to: "style.css", in: folder)
        try SiteDirectory.write(SiteScript.javascript, to: "site.js", in: folder)
        let index = renderedChapters.flatMap { rendered in
            SearchIndex.entries(
                page: rendered.chapter.pageName, title: rendered.chapter.frontMatter.title,
                summary: rendered.chapter.frontMatter.summary, bodyHTML: rendered.bodyHTML)
        }
        try SiteDirectory.write(SearchIndex.script(index), to: "search-index.js", in: folder)
        return reports
    }

    /// Every chapter by slug (`04-he-kaiming.md` → `he-kaiming`), for cross-references.
    static func references(_ chapters: [ChapterFile]) -> [String: ChapterRenderer.ChapterReference] {
        var references: [String: ChapterRenderer.ChapterReference] = [:]
        for chapter in chapters {
            references[ChapterRenderer.slug(ofChapterNamed: chapter.name)] =
                .init(order: chapter.frontMatter.order, pageName: chapter.pageName, title: chapter.frontMatter.title)
        }
        return references
    }

    /// Compiles and runs Swift cells for this builder.
    var cellEngine: CellEngine {
        CellEngine(
            repositoryRoot: repositoryRoot,
            cacheDirectory: cacheDirectory ?? repositoryRoot.appendingPathComponent(".workbook-cache"),
            timeout: cellTimeout, cachesRuns: usesCache)
    }

    /// `url` relative to the repository root when inside it (e.g. `Chapters/03-xavier.md`); a file
    /// elsewhere is named by its folder and file name (`MyChapters/01-intro.md`), so no absolute
    /// path of the author's machine ends up in a page.
    func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let root = repositoryRoot.path.hasSuffix("/") ? repositoryRoot.path : repositoryRoot.path + "/"
        if path.hasPrefix(root) { return String(path.dropFirst(root.count)) }
        let components = url.standardizedFileURL.pathComponents.filter { $0 != "/" }
        return components.suffix(2).joined(separator: "/")
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}

extension SiteBuilder {
    /// The modules whose sources compute experiment results (and so version the result cache).
    static let resultModules = ["WeightInit", "CKernels", "NetLab", "Experiments"]

    /// `Sources/MODULE` under `repositoryRoot` for each of ``resultModules``.
    static func resultCodeFolders(repositoryRoot: URL) -> [URL] {
        resultModules.map { repositoryRoot.appendingPathComponent("Sources").appendingPathComponent($0) }
    }

    /// The result cache in ``cacheDirectory`` (default `.workbook-cache/` at the repository root).
    func resultCache() -> ResultCache? {
        ResultCache(
            codeFolders: Self.resultCodeFolders(repositoryRoot: repositoryRoot),
            directory: cacheDirectory ?? repositoryRoot.appendingPathComponent(".workbook-cache"))
    }
}
